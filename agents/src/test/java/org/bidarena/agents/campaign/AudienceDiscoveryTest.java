package org.bidarena.agents.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import org.bidarena.agents.campaign.AudienceDiscovery.ZipEvidence;
import org.junit.jupiter.api.Test;

class AudienceDiscoveryTest {
  private static CampaignRules withConfidence(double confidence) {
    CampaignRules d = CampaignRules.DEFAULTS;
    return new CampaignRules(d.ctrThreshold(), d.reallocationShare(), d.reallocationCut(), d.promoteConversions(),
        d.promoteRoas(), d.minTestBudgetMicros(), d.wearOutSlope(), confidence, d.riskBudget());
  }

  @Test
  void theNormalDistributionIsRightToSixPlaces() {
    assertThat(AudienceDiscovery.standardNormalCdf(0)).isCloseTo(0.5, offset(1e-7));
    assertThat(AudienceDiscovery.standardNormalCdf(1.959964)).isCloseTo(0.975, offset(1e-6));
    assertThat(AudienceDiscovery.standardNormalCdf(-1)).isCloseTo(0.158655, offset(1e-6));
  }

  @Test
  void aZipJoinsTheNewAudienceJustAboveTheConfidenceThresholdAndNotAtIt() {
    // given: ZIP 10013 converts 20 of 100 clicks, the other ZIPs 30 of 400
    List<ZipEvidence> zips = List.of(
        new ZipEvidence(10013, 100, 20, Map.of("sustainability", 15L, "transit", 12L, "pets", 3L)),
        new ZipEvidence(33101, 200, 15, Map.of("pets", 9L)),
        new ZipEvidence(73301, 200, 15, Map.of("transit", 2L)));
    double confidence = AudienceDiscovery.confidence(zips.get(0), 500, 50);
    assertThat(confidence).isGreaterThan(0.99);

    // then: qualifying ZIPs carry the signals more than half their converters showed
    var proposal = AudienceDiscovery.propose(zips, withConfidence(confidence - 1e-9)).orElseThrow();
    assertThat(proposal.zips()).containsExactly(10013);
    assertThat(proposal.signals()).containsExactly("sustainability", "transit");
    assertThat(AudienceDiscovery.propose(zips, withConfidence(confidence))).isEmpty();
  }

  @Test
  void aSmallZipWithALuckyRateStaysUnderTheDefaultThreshold() {
    // 1 conversion of 2 clicks is a 50% rate (z = 1.9 by the normal approximation), but too little evidence;
    // 5 of 10 is the same rate with enough conversions to be judged
    List<ZipEvidence> zips = List.of(new ZipEvidence(1, 2, 1, Map.of()), new ZipEvidence(2, 1000, 100, Map.of()));
    assertThat(AudienceDiscovery.propose(zips, CampaignRules.DEFAULTS)).isEmpty();
    List<ZipEvidence> more = List.of(new ZipEvidence(1, 10, 5, Map.of()), new ZipEvidence(2, 1000, 100, Map.of()));
    assertThat(AudienceDiscovery.propose(more, CampaignRules.DEFAULTS).orElseThrow().zips()).containsExactly(1);
    assertThat(AudienceDiscovery.propose(List.of(new ZipEvidence(1, 0, 0, Map.of())), CampaignRules.DEFAULTS))
        .isEmpty();
    assertThatThrownBy(() -> new ZipEvidence(1, 1, 2, Map.of())).hasMessageContaining("conversions <= clicks");
  }
}
