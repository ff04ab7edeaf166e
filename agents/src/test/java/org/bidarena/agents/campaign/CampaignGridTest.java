package org.bidarena.agents.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bidarena.agents.campaign.CampaignGrid.Dimension;
import org.junit.jupiter.api.Test;

class CampaignGridTest {
  @Test
  void theDocumentsExampleHas432CellsNot180() {
    // given: 3 audiences, 3 creatives, 3 bid strategies, 4 dayparts, 4 platforms
    CampaignGrid grid = CampaignGrid.of(List.of(
        new Dimension("audience", List.of("eco_urban_renters", "suburban_families", "young_professionals")),
        new Dimension("creative", List.of("a", "b", "c")),
        new Dimension("strategy", List.of("aggressive", "balanced", "efficient")),
        new Dimension("daypart", List.of("morning", "afternoon", "prime", "late_night")),
        new Dimension("platform", List.of("hulu", "disney+", "peacock", "paramount+"))));

    // then
    assertThat(grid.size()).isEqualTo(432);
    assertThat(grid.cells().stream().map(CampaignGrid.Cell::key).distinct()).hasSize(432);
    assertThat(grid.cells().get(0).key()).isEqualTo("eco_urban_renters|a|aggressive|morning|hulu");
    assertThat(grid.cells().get(1).key()).isEqualTo("eco_urban_renters|a|aggressive|morning|disney+");
    assertThat(grid.cells().get(431).key()).isEqualTo("young_professionals|c|efficient|late_night|paramount+");
    assertThat(grid.cells()).extracting(CampaignGrid.Cell::id).containsExactlyElementsOf(
        java.util.stream.IntStream.range(0, 432).boxed().toList());
  }

  @Test
  void emptyRepeatedAndOversizedGridsAreRefusedWithWhatIsAllowed() {
    assertThatThrownBy(() -> new Dimension("creative", List.of())).hasMessageContaining("no values");
    assertThatThrownBy(() -> new Dimension("creative", List.of("a", "a"))).hasMessageContaining("repeats");
    List<String> hundred = java.util.stream.IntStream.range(0, 100).mapToObj(Integer::toString).toList();
    assertThatThrownBy(() -> CampaignGrid.of(List.of(new Dimension("a", hundred), new Dimension("b", hundred),
        new Dimension("c", hundred), new Dimension("d", List.of("x", "y")))))
        .hasMessageContaining("more than 1000000 cells");
    assertThatThrownBy(() -> CampaignGrid.of(List.of())).hasMessageContaining("at least one dimension");
    assertThatThrownBy(() -> CampaignGrid.of(List.of(new Dimension("a", List.of("x")))).dimensionIndex("b"))
        .hasMessageContaining("the dimensions are [a]");
  }
}
