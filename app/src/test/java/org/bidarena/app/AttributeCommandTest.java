package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bidarena.core.customer.ShardOutcomes;
import org.bidarena.core.events.OutcomesRecorded;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code bidarena attribute} on a short real run: the truth column is the journal's credits, and bad input exits 2. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttributeCommandTest {
  private static final String[] SHORT = {"customers.count=3000", "time.days=2", "time.ticks-per-day=24"};

  private Path run;
  private JsonNode summary;
  private List<String> agents;

  @BeforeAll
  void playShortRun(@TempDir Path temp) throws Exception {
    run = temp.resolve("short");
    summary = Runs.run(run, SHORT);
    agents = new java.util.ArrayList<>();
    summary.get("agents").forEach(a -> agents.add(a.get("id").asText()));
  }

  @Test
  void truthColumnIsTheSumOfTheJournaledCreditsAndLastClickTheRunsConversions(@TempDir Path out) throws Exception {
    // when
    Runs.Output result = Runs.capture("attribute", run.toString(), "--by", "agent", "--models",
        "last,position,markov2,shapley", "--half-life", "12", "--out", out.toString());
    // then
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Error against the truth").contains("markov2").contains("run-last-click");
    Map<String, double[]> csv = credits(out.resolve("attribution.csv"));
    // the truth, summed here straight from the journal's OutcomesRecorded events
    double[] journaled = new double[agents.size()];
    double[] journaledRevenue = new double[agents.size()];
    long purchases = 0;
    for (Object event : Runs.journalEvents(run)) {
      if (event instanceof OutcomesRecorded o) {
        ShardOutcomes rows = o.outcomes();
        for (int r = 0; r < rows.rows(); r++) {
          if ((rows.kinds()[r] & ShardOutcomes.PURCHASE) != 0) {
            purchases++;
          }
          for (int c = rows.creditStart()[r]; c < rows.creditStart()[r + 1]; c++) {
            journaled[rows.creditAgent()[c]] += rows.creditPpm()[c] / 1e6;
            journaledRevenue[rows.creditAgent()[c]] += rows.creditPpm()[c] / 1e6 * rows.revenueMicros()[r];
          }
        }
      }
    }
    assertThat(purchases).isPositive();
    double truthTotal = 0;
    for (int a = 0; a < agents.size(); a++) {
      String agent = agents.get(a);
      assertThat(csv.get("truth " + agent)[0]).as(agent).isCloseTo(journaled[a], within(1e-5));
      assertThat(csv.get("truth " + agent)[1]).as(agent).isCloseTo(journaledRevenue[a], within(1.0));
      truthTotal += journaled[a];
      JsonNode m = summary.get("agents").get(a);
      assertThat(csv.get("run-last-click " + agent)[0]).as(agent).isEqualTo(m.get("conversions").asDouble());
      assertThat(csv.get("run-last-click " + agent)[1]).as(agent).isEqualTo(m.get("revenueMicros").asDouble());
    }
    assertThat(truthTotal).isPositive();
    // each rule-based and Markov model hands out the same total: the conversions with a touch, at most all
    double last = total(csv, "last");
    assertThat(last).isPositive().isLessThanOrEqualTo(purchases);
    assertThat(total(csv, "position")).isCloseTo(last, within(1e-4));
    assertThat(total(csv, "markov2")).isCloseTo(last, within(1e-4));
    // every state's outgoing transition probabilities sum to 1
    Map<String, Double> outgoing = new HashMap<>();
    List<String> lines = Files.readAllLines(out.resolve("markov-transitions.csv"));
    assertThat(lines.get(0)).isEqualTo("order,from,to,count,probability");
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      outgoing.merge(f[1], Double.parseDouble(f[4]), Double::sum);
    }
    assertThat(outgoing).containsKey("(start)");
    outgoing.values().forEach(p -> assertThat(p).isCloseTo(1.0, within(1e-6)));
    assertThat(Files.readAllLines(out.resolve("removal-effects.csv"))).hasSize(1 + agents.size());
  }

  @Test
  void creativeTruthAddsUpToTheAgentsTruth(@TempDir Path out) throws Exception {
    // when
    Runs.Output result = Runs.capture("attribute", run.toString(), "--by", "creative", "--models", "linear",
        "--out", out.toString());
    // then
    assertThat(result.exitCode()).as(result.err()).isZero();
    Map<String, double[]> csv = credits(out.resolve("attribution.csv"));
    Runs.Output byAgent = Runs.capture("attribute", run.toString(), "--models", "linear", "--out",
        out.resolve("agent").toString());
    assertThat(byAgent.exitCode()).as(byAgent.err()).isZero();
    Map<String, double[]> agentCsv = credits(out.resolve("agent").resolve("attribution.csv"));
    for (String agent : agents) {
      double creatives = 0;
      for (Map.Entry<String, double[]> e : csv.entrySet()) {
        if (e.getKey().startsWith("truth " + agent + "/")) {
          creatives += e.getValue()[0];
        }
      }
      assertThat(creatives).as(agent).isCloseTo(agentCsv.get("truth " + agent)[0], within(1e-5));
    }
    assertThat(total(csv, "linear")).isCloseTo(total(agentCsv, "linear"), within(1e-4));
  }

  @Test
  void badInputExitsTwoWithOneLineAndWritesNothing(@TempDir Path temp) throws Exception {
    Path notARun = Files.createDirectories(temp.resolve("empty"));
    Path out = temp.resolve("out");
    Path file = Files.writeString(temp.resolve("a-file"), "x");
    String dir = run.toString();
    String[][] cases = {
      {"attribute", notARun.toString(), "--out", out.toString()},
      {"attribute", dir, "--models", "last,lsat", "--out", out.toString()},
      {"attribute", dir, "--models", "", "--out", out.toString()},
      {"attribute", dir, "--by", "region", "--out", out.toString()},
      {"attribute", dir, "--by", "cell", "--out", out.toString()},
      {"attribute", dir, "--half-life", "0", "--out", out.toString()},
      {"attribute", dir, "--half-life", "-3", "--out", out.toString()},
      {"attribute", dir, "--half-life", "soon", "--out", out.toString()},
      {"attribute", dir, "--lookback", "-1", "--out", out.toString()},
      {"attribute", "--out", out.toString()},
      {"attribute", "--bench", "0", "--out", out.toString()},
      {"attribute", "--bench", "1000", "--repeats", "0", "--out", out.toString()},
      {"attribute", dir, "--bench", "1000", "--out", out.toString()},
      {"attribute", dir, "--out", file.resolve("under").toString()},
    };
    for (String[] args : cases) {
      // when
      Runs.Result result = Runs.bidarena(args);
      // then
      assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(result.err().strip().lines().count()).as(result.err()).isEqualTo(1);
      assertThat(out).as(String.join(" ", args)).doesNotExist();
    }
    assertThat(Runs.bidarena("attribute", dir, "--half-life", "0").err()).contains("--half-life 0");
    assertThat(Runs.bidarena("attribute", dir, "--by", "cell").err()).contains("no campaign cells");
    assertThat(Runs.bidarena("attribute", dir, "--models", "last,lsat").err()).contains("unknown model 'lsat'");
    assertThat(run.resolve("attribution.csv")).doesNotExist();
    assertThat(file).hasContent("x");
  }

  @Test
  void benchModeTimesEveryModelOnASyntheticLog() {
    // when
    Runs.Output bench =
        Runs.capture("attribute", "--bench", "5000", "--repeats", "1", "--models", "last,markov2,shapley");
    // then
    assertThat(bench.exitCode()).as(bench.err()).isZero();
    assertThat(bench.out()).contains("5,000 touches").contains("journeys").contains("markov2").contains("shapley")
        .containsPattern("total +[0-9.]+ s");
  }

  /** attribution.csv as "model key" -> {conversions, revenue micros}. */
  private static Map<String, double[]> credits(Path csv) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("dimension,key,model,conversions,revenue_micros");
    Map<String, double[]> out = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      out.put(f[2] + " " + f[1], new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[4])});
    }
    return out;
  }

  private static double total(Map<String, double[]> csv, String model) {
    return csv.entrySet().stream().filter(e -> e.getKey().startsWith(model + " "))
        .mapToDouble(e -> e.getValue()[0]).sum();
  }
}
