package org.bidarena.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.core.testing.TestCatalog;
import org.junit.jupiter.api.Test;

/** The causal ground truth journaled with each purchase (issue 11's "Done when"). */
class CausalGroundTruthTest {
  private static SyntheticMarket market(String... overrides) {
    List<String> all = new ArrayList<>(List.of(
        "customers.count=8000", "customers.shards=1", "exchange.partitions=1", "time.ticks-per-day=24"));
    all.addAll(List.of(overrides));
    Scenario s = ScenarioLoader.loadDefault(all, 7L, TestCatalog.installedOrStandIn());
    return new SyntheticMarket(s, 0.95);
  }

  @Test
  void anAgentWhoseAdsHaveZeroLiftGetsLastClickCreditButCausesNothing() {
    // given: agent "fixed" (index 1 of the sorted ids) has lift 0; clicks are frequent enough to attribute
    SyntheticMarket m = market("agents.fixed.lift=0", "customers.ctr.base=0.05", "customers.lift.click=0.3");
    int zero = m.scenario.agentIndex("fixed");
    int other = m.scenario.agentIndex("aggressive");
    // when
    m.runDays(10);
    // then
    assertThat(m.clicksBy[zero]).isGreaterThan(100);
    assertThat(m.attributedBy[zero]).as("last-click conversions of the zero-lift agent").isGreaterThan(10);
    assertThat(m.causedBy[zero]).as("purchases its ads caused").isZero();
    assertThat(m.expectedBy[zero]).as("its expected causal share").isZero();
    assertThat(m.causedBy[other]).as("an agent with lift does cause purchases").isGreaterThan(10);
  }

  @Test
  void causedPurchasesSumToTheAdCausedPurchasesAndEachPurchasesCreditSumsToOneMillionPpm() {
    // given
    SyntheticMarket m = market();
    long causedByAgents = 0;
    long adCausedRows = 0;
    long purchaseRows = 0;
    // when
    for (int t = 0; t < 10 * 24; t++) {
      ShardOutcomes o = m.step();
      // then, row by row
      for (int r = 0; r < o.rows(); r++) {
        boolean purchase = (o.kinds()[r] & ShardOutcomes.PURCHASE) != 0;
        if (!purchase) {
          assertThat(o.causeAgent()[r]).isEqualTo(ShardOutcomes.NO_PURCHASE);
          assertThat(o.creditStart()[r + 1]).isEqualTo(o.creditStart()[r]);
          continue;
        }
        purchaseRows++;
        int sum = o.organicPpm(r);
        assertThat(sum).isBetween(0, ShardOutcomes.PPM);
        for (int c = o.creditStart()[r]; c < o.creditStart()[r + 1]; c++) {
          assertThat(o.creditPpm()[c]).isPositive();
          assertThat(o.creditTick()[c]).isLessThanOrEqualTo(t);
          sum += o.creditPpm()[c];
        }
        assertThat(sum).as("organic + touch credits of one purchase").isEqualTo(ShardOutcomes.PPM);
        int cause = o.causeAgent()[r];
        if (cause >= 0) {
          adCausedRows++;
          boolean credited = false;
          for (int c = o.creditStart()[r]; c < o.creditStart()[r + 1]; c++) {
            credited |= o.creditAgent()[c] == cause;
          }
          assertThat(credited).as("the cause is one of the purchase's credited touches").isTrue();
        }
      }
    }
    for (long n : m.causedBy) {
      causedByAgents += n;
    }
    assertThat(purchaseRows).isGreaterThan(200);
    assertThat(causedByAgents).isEqualTo(adCausedRows).isEqualTo(m.adCaused).isPositive();
    // the sampled causes track the expected shares (a binomial sum: 4 standard deviations)
    double sd = Math.sqrt(m.expectedAdShare);
    assertThat((double) m.adCaused).isCloseTo(m.expectedAdShare, org.assertj.core.api.Assertions.within(4 * sd + 1));
  }

  @Test
  void aPurchaseWithoutAttributableClickHasAgentMinusOneAndOnlyFirstPurchasesOfNonCustomersAreNew() {
    // given
    SyntheticMarket m = market();
    java.util.Set<Integer> bought = new java.util.HashSet<>();
    boolean[] before = new boolean[m.bucket.size];
    for (int i = 0; i < before.length; i++) {
      before[i] = (m.bucket.flags[i] & CustomerBucket.CUSTOMER) != 0;
    }
    int organicRows = 0;
    // when
    for (int t = 0; t < 5 * 24; t++) {
      ShardOutcomes o = m.step();
      for (int r = 0; r < o.rows(); r++) {
        if ((o.kinds()[r] & ShardOutcomes.PURCHASE) == 0) {
          continue;
        }
        int id = o.customers()[r];
        boolean isNew = (o.kinds()[r] & ShardOutcomes.NEW_CUSTOMER) != 0;
        // then
        assertThat(isNew).isEqualTo(!before[id - m.bucket.firstCustomer] && !bought.contains(id));
        bought.add(id);
        if (o.agents()[r] < 0) {
          organicRows++;
          assertThat(o.auctionIds()[r]).isEqualTo(-1);
        } else {
          assertThat(o.auctionIds()[r]).isNotNegative();
        }
      }
    }
    assertThat(organicRows).isGreaterThan(50);
  }
}
