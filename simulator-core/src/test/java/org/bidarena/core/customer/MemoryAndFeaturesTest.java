package org.bidarena.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.bidarena.core.customer.features.CustomerFeatures;
import org.bidarena.core.customer.memory.AgentSlots;
import org.bidarena.core.customer.memory.TouchHistory;
import org.bidarena.core.customer.response.Creatives;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.FeatureSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.core.testing.TestCatalog;
import org.junit.jupiter.api.Test;

class MemoryAndFeaturesTest {
  private static final Scenario DEFAULT =
      ScenarioLoader.loadDefault(List.of(), 42L, TestCatalog.installedOrStandIn());

  @Test
  void slotsEvictTheLeastRecentlyActiveAgentWhenAFourthAgentArrives() {
    // given
    CustomerBucket b = new CustomerBucket(0, 2, 1);
    AgentSlots.impression(b, 1, 10, 5);
    AgentSlots.impression(b, 1, 20, 3);
    AgentSlots.impression(b, 1, 30, 7);
    AgentSlots.click(b, 1, 20, 8);
    // when: agent 40 needs a slot; agent 10 (last active at 5) is the least recent, 20 clicked at 8
    int recent = AgentSlots.impression(b, 1, 40, 9);
    // then
    assertThat(recent).isEqualTo(1);
    assertThat(AgentSlots.find(b, 1, 10)).isNegative();
    assertThat(AgentSlots.find(b, 1, 20)).isNotNegative();
    assertThat(AgentSlots.count(b, 1)).isEqualTo(CustomerBucket.SLOTS);
    assertThat(AgentSlots.count(b, 0)).as("the other customer is untouched").isZero();
  }

  @Test
  void recentExposuresHalveAndFrequencyRestartsEachDay() {
    CustomerBucket b = new CustomerBucket(0, 1, 1);
    for (int k = 0; k < 6; k++) {
      AgentSlots.impression(b, 0, 3, k);
    }
    AgentSlots.startDay(b);
    int slot = AgentSlots.find(b, 0, 3);
    assertThat(b.slotRecent[slot]).isEqualTo((byte) 3);
    assertThat(b.slotFrequencyToday[slot]).isZero();
    assertThat(b.slotLastImpression[slot]).isEqualTo(5);
  }

  @Test
  void touchRingKeepsTheLastTouchesOldestFirst() {
    CustomerBucket b = new CustomerBucket(0, 1, 1);
    for (int t = 0; t < 6; t++) {
      int k = TouchHistory.add(b, 0, t, t % 2, TouchHistory.DISPLAY, 100 + t);
      if (t == 4) {
        TouchHistory.markClicked(b, k);
      }
    }
    int[] ticks = new int[CustomerBucket.TOUCHES];
    for (int j = 0; j < ticks.length; j++) {
      ticks[j] = b.touchTick[TouchHistory.ordered(b, 0, j)];
    }
    assertThat(ticks).containsExactly(103, 104, 105);
    assertThat(TouchHistory.clicked(b, TouchHistory.ordered(b, 0, 1))).isTrue();
    assertThat(TouchHistory.clicked(b, TouchHistory.ordered(b, 0, 2))).isFalse();
    assertThat(b.touchAgent[TouchHistory.ordered(b, 0, 2)]).isEqualTo(5);
  }

  @Test
  void featuresArePureFunctionsOfSeedAndCustomerAndFollowTheirWeights() {
    FeatureSpec spec = DEFAULT.customers().features();
    SeededStreams streams = new SeededStreams(42);
    CustomerFeatures all = CustomerFeatures.draw(spec, streams, 0, 50_000);
    CustomerFeatures slice = CustomerFeatures.draw(spec, new SeededStreams(42), 1_000, 10);
    assertThat(slice.interests()[3]).isEqualTo(all.interests()[1_003]);
    assertThat(slice.propensity()[7]).isEqualTo(all.propensity()[1_007]);
    assertThat(slice.region()[5]).isEqualTo(all.region()[1_005]);
    int mobile = 0;
    int retail = 0;
    double propensity = 0;
    int retailBit = 1 << spec.interests().indexOf("retail");
    for (int i = 0; i < all.size(); i++) {
      mobile += all.device()[i] == 0 ? 1 : 0;
      retail += (all.interests()[i] & retailBit) != 0 ? 1 : 0;
      propensity += all.propensity()[i];
    }
    assertThat(mobile / 50_000.0).isCloseTo(0.60, within(0.01));
    assertThat(retail / 50_000.0).isCloseTo(0.45, within(0.01));
    assertThat(propensity / 50_000).as("log-normal propensity has mean 1").isCloseTo(1.0, within(0.02));
  }

  @Test
  void wearOutHalvesTheLossAtTheHalfLifeAndTheShardEstimateScalesByPopulationOverShard() {
    assertThat(Creatives.wear(0, 1000, 0.6)).isEqualTo(1.0);
    assertThat(Creatives.wear(1000, 1000, 0.6)).isCloseTo(0.8, within(1e-12));
    Creatives c = new Creatives(DEFAULT.agents(), DEFAULT.customers().response(), 10_000, 1_000);
    long[] counts = new long[c.count()];
    double halfLife = DEFAULT.customers().response().wearOutHalfLife();
    counts[2] = (long) (halfLife / 10);
    c.refresh(counts);
    assertThat(c.factor(2)).isCloseTo(0.8, within(1e-9));
    assertThat(c.factor(1)).isEqualTo(1.0);
  }

  @Test
  void aRegionsPropensityFactorShiftsItsCustomersWhileTheMeanStaysOne() {
    // given: region 10001 at 2x, 33101 at 0.5x, a code that is not a region (ignored), 40,000 customers
    Scenario s = ScenarioLoader.loadDefault(List.of("customers.features.region-propensity={\"10001\"=2.0,"
        + " \"33101\"=0.5, \"99999\"=3.0}"), 42L, TestCatalog.installedOrStandIn());
    // when
    CustomerFeatures f = CustomerFeatures.draw(s.customers().features(), new SeededStreams(42L), 0, 40_000);
    // then
    int high = s.customers().features().regions().indexOf("10001");
    int low = s.customers().features().regions().indexOf("33101");
    double[] sum = new double[s.customers().features().regions().size()];
    int[] n = new int[sum.length];
    double all = 0;
    for (int i = 0; i < f.size(); i++) {
      sum[f.region()[i]] += f.propensity()[i];
      n[f.region()[i]]++;
      all += f.propensity()[i];
    }
    double other = (sum[0] + sum[sum.length - 1]) / (n[0] + n[sum.length - 1]);
    assertThat(sum[high] / n[high] / other).as("2x region against a 1x one").isCloseTo(2.0, within(0.15));
    assertThat(sum[low] / n[low] / other).as("0.5x region against a 1x one").isCloseTo(0.5, within(0.05));
    assertThat(all / f.size()).as("the population's mean propensity").isCloseTo(1.0, within(0.02));
  }

  @Test
  void tenThousandAgentsRunWithTheSameMemoryPerCustomerAsSix() {
    // given: the default market's customers, 2,000 of them in one shard, and 10,000 agents
    Scenario six = ScenarioLoader.loadDefault(
        List.of("customers.count=2000", "customers.shards=1", "exchange.partitions=1"), 42L,
        TestCatalog.installedOrStandIn());
    List<org.bidarena.core.scenario.AgentSpec> many = new java.util.ArrayList<>();
    for (int a = 0; a < 10_000; a++) {
      org.bidarena.core.scenario.AgentSpec base = six.agents().get(a % six.agentCount());
      many.add(new org.bidarena.core.scenario.AgentSpec(String.format("a%05d", a), base.strategy(),
          base.dailyBudgetMicros(), base.pacing(), base.frequencyCap(), base.relevance(), base.stageMask(),
          base.settings()));
    }
    Scenario tenThousand = new Scenario(six.name(), six.seed(), six.days(), six.ticksPerDay(), six.customers(),
        six.shards(), six.partitions(), six.auction(), six.baseBidMicros(), many, six.checkpointEveryTicks());
    SyntheticMarket small = new SyntheticMarket(six, 0.95);
    SyntheticMarket large = new SyntheticMarket(tenThousand, 0.95);
    // when
    small.runDays(2);
    large.runDays(2);
    // then: every per-customer array has the same length, and no customer remembers more than SLOTS agents
    assertThat(large.bucket.slotAgent).hasSameSizeAs(small.bucket.slotAgent);
    assertThat(large.bucket.touchAgent).hasSameSizeAs(small.bucket.touchAgent);
    assertThat(large.bucket.creativeImpressions).hasSize(10_000);
    for (int i = 0; i < large.bucket.size; i++) {
      assertThat(AgentSlots.count(large.bucket, i)).isLessThanOrEqualTo(CustomerBucket.SLOTS);
    }
    assertThat(large.impressions).isPositive();
    assertThat(large.clicks).isPositive();
  }

  @Test
  void bucketStaysWithin128BytesPerCustomerWhateverTheAgentCount() {
    // The bucket's arrays plus the features a model keeps per customer, at 10,000 agents.
    int n = 100_000;
    CustomerBucket b = new CustomerBucket(0, n, 10_000);
    long bytes = b.stage.length + b.flags.length + 4L * b.lastClickAgent.length
        + 8L * b.lastClickAuction.length + 4L * b.touchAgent.length + 4L * b.touchTick.length
        + b.touchCreative.length + b.touchInfo.length + b.touchNext.length + 4L * b.slotAgent.length
        + b.slotFrequencyToday.length + b.slotRecent.length + 4L * b.slotLastImpression.length
        + 4L * b.slotLastClick.length;
    long features = n * (2L + 1 + 4 + 1 + 4);
    assertThat((bytes + features) / (double) n).isLessThanOrEqualTo(128);
  }
}
