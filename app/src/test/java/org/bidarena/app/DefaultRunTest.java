package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bidarena.core.customer.ShardOutcomes;
import org.bidarena.core.customer.Stage;
import org.bidarena.core.events.OutcomesRecorded;
import org.bidarena.core.events.TickCompleted;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.AuctionType;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.bidarena.exchange.AuctionsCleared;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plays the default scenario once and checks the market's rules and the run's figures against the raw
 * auctions and outcomes in its journal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DefaultRunTest {
  private Path dir;
  private Scenario scenario;
  private JsonNode summary;
  private List<AuctionsCleared> auctions;
  private List<OutcomesRecorded> outcomes;
  private List<TickCompleted> ticks;

  @BeforeAll
  void playDefaultScenario(@TempDir Path temp) throws Exception {
    dir = temp.resolve("default-run");
    summary = Runs.run(dir);
    scenario = ScenarioLoader.loadDefault(List.of(), null);
    List<Object> events = Runs.journalEvents(dir);
    auctions = events.stream().filter(AuctionsCleared.class::isInstance).map(AuctionsCleared.class::cast).toList();
    outcomes = events.stream().filter(OutcomesRecorded.class::isInstance).map(OutcomesRecorded.class::cast).toList();
    ticks = events.stream().filter(TickCompleted.class::isInstance).map(TickCompleted.class::cast).toList();
  }

  @Test
  void journalHoldsOneEventPerTickAndParticipant() {
    assertThat(ticks).hasSize(scenario.totalTicks());
    assertThat(auctions).hasSize(scenario.totalTicks() * scenario.partitions());
    assertThat(outcomes).hasSize(scenario.totalTicks() * scenario.shards());
  }

  /**
   * Market model 2.0's calibration of the default run (docs/market-model-2.md): fatigue bites for 3-20% of
   * impressions, CTR is in display's 0.05-0.6%, most purchases are organic (ads cause 3-20%), and the stage mix
   * ends within 5 points of the initial mix.
   */
  @Test
  void defaultMarketLandsInItsCalibrationBands() {
    long impressions = 0;
    long fatigued = 0;
    long clicks = 0;
    long purchases = 0;
    long adCaused = 0;
    Map<Integer, int[]> lastStageCounts = new HashMap<>();
    for (OutcomesRecorded o : outcomes) {
      ShardOutcomes rows = o.outcomes();
      impressions += rows.impressions();
      fatigued += rows.fatiguedImpressions();
      for (int r = 0; r < rows.rows(); r++) {
        clicks += (rows.kinds()[r] & ShardOutcomes.CLICK) != 0 ? 1 : 0;
        if ((rows.kinds()[r] & ShardOutcomes.PURCHASE) != 0) {
          purchases++;
          adCaused += rows.causeAgent()[r] >= 0 ? 1 : 0;
        }
      }
      lastStageCounts.put(o.shard(), rows.stageCounts());
    }
    assertThat((double) fatigued / impressions).as("share of impressions to fatigued customers").isBetween(0.03, 0.20);
    // the published ranges of the README's market check: CTR 0.05-0.6%, ads cause 3-20% of purchases
    assertThat((double) clicks / impressions).as("CTR").isBetween(0.0005, 0.006);
    assertThat((double) adCaused / purchases).as("share of purchases caused by ads").isBetween(0.03, 0.20);
    int[] stages = new int[Stage.COUNT];
    lastStageCounts.values().forEach(c -> {
      for (int s = 0; s < Stage.COUNT; s++) {
        stages[s] += c[s];
      }
    });
    for (Stage s : Stage.values()) {
      double share = (double) stages[s.ordinal()] / scenario.customers().count();
      assertThat(share).as(s.key()).isCloseTo(scenario.customers().initialMix().get(s),
          org.assertj.core.api.Assertions.within(0.05));
    }
  }

  /** Issue 11: the default run lands inside every range of the README's market check, as printed. */
  @Test
  void defaultRunIsInsideEveryRangeOfTheMarketCheck() {
    Runs.Output replay = Runs.capture("replay", dir.toString());
    assertThat(replay.exitCode()).as(replay.err()).isZero();
    String out = replay.out();
    int header = out.indexOf("Market check:");
    assertThat(header).as(out).isNotNegative();
    List<String> rows = out.substring(header).lines().skip(3).takeWhile(l -> !l.isBlank())
        .filter(l -> l.startsWith("  ")).toList();
    assertThat(rows).as(out).hasSize(7);
    assertThat(rows).allSatisfy(row -> assertThat(row).contains(" inside "));
  }

  @Test
  void conservativeNeverBidsOutsideInterestAndConsideration() {
    assertBidsOnlyOn("conservative", Stage.INTEREST, Stage.CONSIDERATION);
  }

  @Test
  void retargetingBidsOnlyOnConsiderationAndChurnRisk() {
    assertBidsOnlyOn("retargeting", Stage.CONSIDERATION, Stage.CHURN_RISK);
  }

  @Test
  void aggressiveBidsOnEveryStage() {
    int a = scenario.agentIndex("aggressive");
    boolean[] seen = new boolean[Stage.COUNT];
    for (AuctionsCleared e : auctions) {
      for (int i = 0; i < e.auctions(); i++) {
        if (e.bid(a, i) > 0) {
          seen[e.stages()[i]] = true;
        }
      }
    }
    assertThat(seen).containsOnly(true);
  }

  private void assertBidsOnlyOn(String agent, Stage... allowed) {
    int a = scenario.agentIndex(agent);
    long bids = 0;
    for (AuctionsCleared e : auctions) {
      for (int i = 0; i < e.auctions(); i++) {
        if (e.bid(a, i) > 0) {
          bids++;
          assertThat(Stage.of(e.stages()[i])).as("%s bid on auction %d of tick %d", agent, i, e.tick()).isIn((Object[]) allowed);
        }
      }
    }
    assertThat(bids).as("%s placed bids", agent).isPositive();
  }

  @Test
  void noAgentSpendsMoreThanItsDailyBudgetOnAnyDay() {
    long[][] spend = new long[scenario.agentCount()][scenario.days()];
    for (AuctionsCleared e : auctions) {
      for (int i = 0; i < e.auctions(); i++) {
        if (e.winners()[i] >= 0) {
          spend[e.winners()[i]][scenario.day(e.tick())] += e.pricesMicros()[i];
        }
      }
    }
    boolean someBudgetBinds = false;
    for (int a = 0; a < scenario.agentCount(); a++) {
      long budget = scenario.agents().get(a).dailyBudgetMicros();
      for (int d = 0; d < scenario.days(); d++) {
        assertThat(spend[a][d]).as("agent %s day %d", scenario.agents().get(a).id(), d).isLessThanOrEqualTo(budget);
        someBudgetBinds |= spend[a][d] > budget * 0.95;
      }
    }
    assertThat(someBudgetBinds).as("the check is not vacuous: some agent nearly exhausts a day's budget").isTrue();
  }

  @Test
  void everyWinnerPaysWhatTheSecondPriceRuleSays() {
    assertThat(scenario.auction().type()).isEqualTo(AuctionType.SECOND_PRICE);
    long reserve = scenario.auction().reserveMicros();
    for (AuctionsCleared e : auctions) {
      for (int i = 0; i < e.auctions(); i++) {
        long best = 0;
        long second = 0;
        for (int k = e.bidStart()[i]; k < e.bidStart()[i + 1]; k++) {
          long b = e.bidMicros()[k];
          if (b > best) {
            second = best;
            best = b;
          } else if (b > second) {
            second = b;
          }
        }
        if (best < reserve) {
          assertThat(e.winners()[i]).isEqualTo(-1);
        } else {
          assertThat(e.bid(e.winners()[i], i)).isEqualTo(best);
          assertThat(e.pricesMicros()[i]).isEqualTo(Math.max(second, reserve));
        }
      }
    }
  }

  @Test
  void summaryEqualsRecomputationFromAuctionsAndOutcomes() {
    int agents = scenario.agentCount();
    long[] bids = new long[agents], bidSum = new long[agents], impressions = new long[agents], spend = new long[agents];
    long[] clicks = new long[agents], conversions = new long[agents], revenue = new long[agents];
    long auctionCount = 0;
    for (AuctionsCleared e : auctions) {
      auctionCount += e.auctions();
      for (int i = 0; i < e.auctions(); i++) {
        for (int a = 0; a < agents; a++) {
          if (e.bid(a, i) > 0) {
            bids[a]++;
            bidSum[a] += e.bid(a, i);
          }
        }
        if (e.winners()[i] >= 0) {
          impressions[e.winners()[i]]++;
          spend[e.winners()[i]] += e.pricesMicros()[i];
        }
      }
    }
    Map<Integer, int[]> lastStageCounts = new HashMap<>();
    for (OutcomesRecorded o : outcomes) {
      ShardOutcomes rows = o.outcomes();
      for (int r = 0; r < rows.rows(); r++) {
        int a = rows.agents()[r];
        if (a < 0) continue; // a purchase no click is attributed to: in no agent's row
        if ((rows.kinds()[r] & ShardOutcomes.CLICK) != 0) clicks[a]++;
        if ((rows.kinds()[r] & ShardOutcomes.PURCHASE) != 0) conversions[a]++;
        revenue[a] += rows.revenueMicros()[r];
      }
      lastStageCounts.merge(o.shard(), rows.stageCounts(), (old, now) -> now);
    }

    assertThat(summary.get("auctions").asLong()).isEqualTo(auctionCount);
    assertThat(summary.get("ticks").asLong()).isEqualTo(scenario.totalTicks());
    assertThat(summary.get("seed").asLong()).isEqualTo(scenario.seed());
    assertThat(summary.get("digest").asText()).matches("[0-9a-f]{64}");
    JsonNode rows = summary.get("agents");
    assertThat(rows).hasSize(agents);
    for (int a = 0; a < agents; a++) {
      AgentSpec spec = scenario.agents().get(a);
      JsonNode row = rows.get(a);
      assertThat(row.get("id").asText()).isEqualTo(spec.id());
      assertThat(row.get("strategy").asText()).isEqualTo(spec.strategy());
      assertThat(row.get("bids").asLong()).as("%s bids", spec.id()).isEqualTo(bids[a]);
      assertThat(row.get("impressions").asLong()).as("%s impressions", spec.id()).isEqualTo(impressions[a]);
      assertThat(row.get("spendMicros").asLong()).as("%s spend", spec.id()).isEqualTo(spend[a]);
      assertThat(row.get("clicks").asLong()).as("%s clicks", spec.id()).isEqualTo(clicks[a]);
      assertThat(row.get("conversions").asLong()).as("%s conversions", spec.id()).isEqualTo(conversions[a]);
      assertThat(row.get("revenueMicros").asLong()).as("%s revenue", spec.id()).isEqualTo(revenue[a]);
      assertThat(row.get("auctions").asLong()).as("%s auctions seen", spec.id()).isEqualTo(auctionCount);
      assertThat(row.get("roas").asDouble()).isEqualTo(ratio(spend[a] == 0 ? 0 : (double) revenue[a] / spend[a]));
      assertThat(row.get("winRate").asDouble()).isEqualTo(ratio(bids[a] == 0 ? 0 : (double) impressions[a] / bids[a]));
      assertThat(row.get("ctr").asDouble()).isEqualTo(ratio(impressions[a] == 0 ? 0 : (double) clicks[a] / impressions[a]));
      assertThat(row.get("avgBidMicros").asLong()).isEqualTo(bids[a] == 0 ? 0 : bidSum[a] / bids[a]);
      assertThat(row.get("avgClearingPriceMicros").asLong()).isEqualTo(impressions[a] == 0 ? 0 : spend[a] / impressions[a]);
      assertThat(row.get("cvrPerImpression").asDouble())
          .isEqualTo(ratio(impressions[a] == 0 ? 0 : (double) conversions[a] / impressions[a]));
      assertThat(row.get("cvrPerClick").asDouble()).isEqualTo(ratio(clicks[a] == 0 ? 0 : (double) conversions[a] / clicks[a]));
      long newCustomers = row.get("newCustomers").asLong();
      if (!row.get("newCustomers").isNull()) {
        assertThat(row.get("repeatConversions").asLong()).isEqualTo(conversions[a] - newCustomers);
      }
      if (newCustomers == 0) {
        assertThat(row.get("cacMicros").isNull()).as("CAC without new customers is n/a").isTrue();
      } else {
        assertThat(row.get("cacMicros").asLong()).isEqualTo(spend[a] / newCustomers);
      }
      assertThat(row.get("profitMicros").asLong())
          .isEqualTo(scenario.reporting().marginOf(revenue[a]) - spend[a]);
    }
    long customers = 0;
    for (Stage s : Stage.values()) {
      long n = lastStageCounts.values().stream().mapToLong(c -> c[s.ordinal()]).sum();
      assertThat(summary.get("funnel").get(s.key()).asLong()).as("funnel %s", s.key()).isEqualTo(n);
      customers += n;
    }
    assertThat(customers).isEqualTo(scenario.customers().count());
  }

  @Test
  void ticksCsvHasOneRowPerTickAndAgentAddingUpToTheSummary() throws Exception {
    List<String> lines = Files.readAllLines(dir.resolve("ticks.csv"));
    assertThat(lines).hasSize(1 + scenario.totalTicks() * scenario.agentCount());
    List<String> header = List.of(lines.get(0).split(","));
    int agentCol = header.indexOf("agent");
    int spendCol = header.indexOf("spend_micros");
    Map<String, Long> spend = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      spend.merge(f[agentCol], Long.parseLong(f[spendCol]), Long::sum);
    }
    for (JsonNode row : summary.get("agents")) {
      assertThat(spend.get(row.get("id").asText())).isEqualTo(row.get("spendMicros").asLong());
    }
  }

  /** summary.json writes ratios with 6 decimals. */
  private static double ratio(double v) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.6f", v));
  }
}
