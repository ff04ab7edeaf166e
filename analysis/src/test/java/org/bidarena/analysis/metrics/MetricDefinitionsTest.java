package org.bidarena.analysis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bidarena.analysis.report.FiguresTable;
import org.bidarena.analysis.report.MarketCheck;
import org.junit.jupiter.api.Test;

/** The definitions users expect, on hand-made figures: each assertion names a formula a bug would break. */
class MetricDefinitionsTest {
  private static final long MARGIN_30 = 300_000;

  @Test
  void profitShouldBeRevenueTimesMarginMinusSpend() {
    // given 100.00 revenue, 20.00 spend, a 30% margin
    AgentMetrics a = agent(1_000, 10, 4, 1, 20_000_000, 100_000_000, 0, 0, true);
    // then 30.00 - 20.00
    assertThat(a.profitMicros()).isEqualTo(10_000_000);
    assertThat(a.roas()).isEqualTo(5.0);
  }

  @Test
  void cacShouldBeSpendPerNewCustomerAndNotApplicableWithoutAny() {
    AgentMetrics four = agent(1_000, 10, 6, 4, 10_000_000, 0, 0, 0, true);
    AgentMetrics none = agent(1_000, 10, 6, 0, 10_000_000, 0, 0, 0, true);
    assertThat(four.cacMicros()).hasValue(2_500_000);
    assertThat(four.repeatConversions()).hasValue(2);
    assertThat(none.cacMicros()).as("n/a, not infinity and not zero").isEmpty();
    assertThat(none.ltvMicros()).isEmpty();
    assertThat(Ratios.json(none.cacMicros())).isEqualTo("null");
    assertThat(Ratios.money(none.cacMicros())).isEqualTo("n/a");
  }

  @Test
  void ltvShouldBeTheAcquiredCustomersRevenuePerAcquiredCustomer() {
    AgentMetrics a = withAcquired(agent(1_000, 10, 6, 4, 10_000_000, 50_000_000, 0, 0, true), 180_000_000);
    assertThat(a.ltvMicros()).hasValue(45_000_000);
  }

  @Test
  void cvrShouldBeGivenPerImpressionAndPerClick() {
    AgentMetrics a = agent(10_000, 50, 5, 0, 1, 0, 0, 0, true);
    assertThat(a.cvrPerImpression()).isEqualTo(0.0005);
    assertThat(a.cvrPerClick()).isEqualTo(0.1);
    assertThat(a.ctr()).isEqualTo(0.005);
    assertThat(agent(0, 0, 0, 0, 0, 0, 0, 0, true).cvrPerClick()).isNaN();
  }

  @Test
  void incrementalRoasShouldBeIncrementalRevenueOverSpendAndNotApplicableWithoutGroundTruth() {
    // given 100.00 attributed revenue of which 12.00 the ads caused, on 8.00 spend
    AgentMetrics a = agent(1_000, 10, 4, 1, 8_000_000, 100_000_000, 2, 12_000_000, true);
    AgentMetrics unknown = agent(1_000, 10, 4, 1, 8_000_000, 100_000_000, 0, 0, false);
    // then
    assertThat(a.incrementalRoas()).isCloseTo(1.5, within(1e-12));
    assertThat(a.roas()).isEqualTo(12.5);
    assertThat(a.incrementalProfitMicros()).hasValue(3_600_000 - 8_000_000);
    assertThat(unknown.incrementalRoas()).isNaN();
    assertThat(unknown.incrementalProfitMicros()).isEqualTo(OptionalLong.empty());
  }

  @Test
  void winRateShouldBeImpressionsPerAcceptedBid() {
    AgentMetrics a = agent(250, 0, 0, 0, 0, 0, 0, 0, true);
    assertThat(a.winRate()).isEqualTo(0.25);
    assertThat(a.avgClearingPriceMicros()).hasValue(0);
  }

  @Test
  void summaryJsonShouldWriteTheDocumentedKeysInOrderAndNullForUndefined() {
    // given
    RunSummary summary = summary(agent(0, 0, 0, 0, 0, 0, 0, 0, false));
    // when
    String json = summary.toJson();
    // then
    String agentObject = json.substring(json.indexOf("{\"id\""), json.indexOf("}", json.indexOf("{\"id\"")));
    assertThat(keys(agentObject)).containsExactly(
        "id", "strategy", "dailyBudgetMicros", "auctions", "bids", "impressions", "clicks", "conversions",
        "newCustomers", "repeatConversions", "spendMicros", "revenueMicros", "profitMicros", "roas", "ctr",
        "cvrPerImpression", "cvrPerClick", "cacMicros", "ltvMicros", "winRate", "avgBidMicros",
        "avgClearingPriceMicros", "maxDailySpendMicros", "incrementalConversions", "incrementalRevenueMicros",
        "incrementalRoas", "incrementalProfitMicros");
    assertThat(agentObject).contains("\"roas\": null", "\"cacMicros\": null", "\"incrementalConversions\": null",
        "\"newCustomers\": null");
    assertThat(json).contains("\"margin\": 0.300000,")
        .contains("\"market\": {\"purchases\": 7, \"purchaseRevenueMicros\": 9, \"organicPurchases\": null");
  }

  @Test
  void tableShouldLabelBothConversionRatesAndShowNotApplicable() {
    String table = summary(agent(0, 0, 0, 0, 0, 0, 0, 0, false)).toTable();
    assertThat(table).contains("CVR/imp%", "CVR/clk%", "CAC", "LTV", "profit", "iROAS", "n/a", "organic share n/a");
  }

  @Test
  void reportTableShouldRenderEveryNewColumn() {
    String html = FiguresTable.html(summary(agent(1_000, 10, 4, 2, 8_000_000, 100_000_000, 2, 12_000_000, true)));
    for (String column : List.of("new customers", "CVR per impression %", "CVR per click %", "profit", "CAC", "LTV",
        "incremental conversions", "incremental ROAS")) {
      assertThat(html).contains("<th>" + column + "</th>");
    }
    assertThat(html).as("profit 30.00 - 8.00").contains("<td>22.00</td>");
    assertThat(html).as("CAC 8.00 / 2").contains("<td>4.00</td>");
  }

  @Test
  void marketCheckShouldPlaceTheRunsFiguresAgainstTheRanges() {
    // given a CTR of 1% (above), a CPM of 8.00 (inside)
    RunSummary summary = summary(agent(1_000, 10, 4, 2, 8_000_000, 100_000_000, 2, 12_000_000, true));
    // when
    List<MarketCheck.Row> rows = MarketCheck.rows(summary);
    // then
    assertThat(rows.get(0).value()).isEqualTo(0.01);
    assertThat(rows.get(0).verdict()).isEqualTo("above");
    assertThat(rows.get(2).value()).isCloseTo(8.0, within(1e-9));
    assertThat(rows.get(2).verdict()).isEqualTo("inside");
    assertThat(MarketCheck.text(summary)).contains("Market check").contains("organic share of purchases");
  }

  private static List<String> keys(String object) {
    List<String> keys = new ArrayList<>();
    Matcher m = Pattern.compile("\"([A-Za-z]+)\": ").matcher(object);
    while (m.find()) {
      keys.add(m.group(1));
    }
    return keys;
  }

  private static RunSummary summary(AgentMetrics a) {
    return new RunSummary("t", 1, "", 1, 1, a.impressions(), MARGIN_30, List.of(a),
        new MarketMetrics(7, 9, 0, 0, a.causal(), a.impressions(), 0, false), new long[6]);
  }

  private static AgentMetrics agent(long impressions, long clicks, long conversions, long newCustomers, long spend,
      long revenue, long incrementalConversions, long incrementalRevenue, boolean causal) {
    return new AgentMetrics("a", "fixed", 1, 1, impressions == 0 ? 0 : impressions * 4, 0, impressions, clicks,
        conversions, spend, revenue, spend, newCustomers, 0, incrementalConversions, incrementalRevenue, causal,
        MARGIN_30);
  }

  private static AgentMetrics withAcquired(AgentMetrics a, long acquiredRevenue) {
    return new AgentMetrics(a.id(), a.strategy(), a.dailyBudgetMicros(), a.auctions(), a.bids(), a.bidSumMicros(),
        a.impressions(), a.clicks(), a.conversions(), a.spendMicros(), a.revenueMicros(), a.maxDailySpendMicros(),
        a.newCustomers(), acquiredRevenue, a.incrementalConversions(), a.incrementalRevenueMicros(), a.causal(),
        a.marginPpm());
  }
}
