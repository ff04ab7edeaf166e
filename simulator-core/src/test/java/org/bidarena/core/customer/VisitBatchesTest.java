package org.bidarena.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bidarena.core.customer.features.CustomerFeatures;
import org.bidarena.core.customer.memory.AgentSlots;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.core.testing.TestCatalog;
import org.junit.jupiter.api.Test;

class VisitBatchesTest {
  private static Scenario scenario(String visible) {
    return ScenarioLoader.loadDefault(List.of("customers.count=50", "customers.shards=1", "exchange.partitions=1",
        "customers.features.visible-to-bidders=" + visible), 3L, TestCatalog.installedOrStandIn());
  }

  @Test
  void memoryRowsAreTheCustomersSlotsInAgentOrderAndNothingElse() {
    // given: customer row 4 has slots for agents 5, 2 and 3 (in that slot order); row 7 has none
    Scenario s = scenario("[region, device, interests, value-tier]");
    CustomerModel model = new CustomerModel(s, new SeededStreams(3));
    CustomerBucket b = model.initialBucket(0);
    AgentSlots.impression(b, 4, 5, 10);
    AgentSlots.impression(b, 4, 5, 11);
    AgentSlots.impression(b, 4, 2, 12);
    AgentSlots.click(b, 4, 3, 13);
    // when
    VisitBatch batch = model.visitsOf(b, 14, new int[] {4, 7});
    // then
    assertThat(batch.memoryStart()).containsExactly(0, 3, 3);
    assertThat(batch.memoryAgent()).containsExactly(2, 3, 5);
    assertThat(batch.memoryFrequencyToday()).containsExactly(1, 0, 2);
    assertThat(batch.memoryLastImpressionTick()).containsExactly(12, VisitBatch.NEVER, 11);
    assertThat(batch.memoryLastClickTick()).containsExactly(VisitBatch.NEVER, 13, VisitBatch.NEVER);
    CustomerFeatures f = model.features(b);
    assertThat(batch.region()).containsExactly(f.region()[4], f.region()[7]);
    assertThat(batch.interests()).containsExactly(f.interests()[4], f.interests()[7]);
    assertThat(batch.valueTier()).containsExactly(f.valueTier()[4], f.valueTier()[7]);
  }

  @Test
  void hiddenFeaturesTravelAsZeros() {
    Scenario s = scenario("[device]");
    CustomerModel model = new CustomerModel(s, new SeededStreams(3));
    CustomerBucket b = model.initialBucket(0);
    int[] all = new int[50];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    VisitBatch batch = model.visitsOf(b, 0, all);
    CustomerFeatures f = model.features(b);
    assertThat(batch.region()).containsOnly((short) 0);
    assertThat(batch.interests()).containsOnly(0);
    assertThat(batch.valueTier()).containsOnly((byte) 0);
    assertThat(batch.device()).containsExactly(f.device());
    assertThat(f.interests()).as("the hidden column is not zero because the features are").isNotEqualTo(new int[50]);
  }
}
