package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bidarena.agents.BidderTickSettled;
import org.bidarena.agents.StrategyDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The campaign example in the market: its agents' decisions are journaled with the campaign's settled ticks,
 * and a run killed mid-way and resumed from a checkpoint takes the same decisions (same digest, same
 * decisions table) as one never interrupted.
 */
class CampaignRunTest {
  private static final String FILE = Path.of("..", "scenarios", "campaign.conf").toString();
  // small enough for a test, 4 days so that the kill lands mid-run on a fast machine; rank-min-spend low so
  // that the budget agent has cells to rank early
  private static final String[] SMALL = {
    "customers.count=20000", "time.days=4", "journal.checkpoint-every-ticks=24",
    "agents.campaign.rank-min-spend=0.01"
  };
  @Test
  void aResumedCampaignRunTakesTheSameDecisionsAsAnUninterruptedOne(@TempDir Path temp) throws Exception {
    Path whole = temp.resolve("whole");
    Runs.Result straight = Runs.bidarena(Runs.withSets(SMALL, "run", "--out", whole.toString(), FILE));
    assertThat(straight.exitCode()).as(straight.err()).isZero();
    List<StrategyDecision> decisions = decisions(whole);
    assertThat(decisions).extracting(StrategyDecision::kind).contains("reallocate");
    // the decisions table lists them all, a reallocation with its cell spelled out
    Runs.Output sql = Runs.capture("sql", whole.toString(), "SELECT count(*) AS n, count(cell_key) FILTER (WHERE"
        + " kind = 'reallocate' AND cell_key LIKE '%|%|%|%|%') AS keyed FROM decisions");
    assertThat(sql.exitCode()).as(sql.err()).isZero();
    long reallocations = decisions.stream().filter(d -> d.kind().equals("reallocate")).count();
    assertThat(sql.out()).containsPattern("(?m)^\\s*" + decisions.size() + "\\s+" + reallocations + "\\s*$");

    Path killed = temp.resolve("killed");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
        BidArena.class.getName(), "run", "--out", killed.toString(), FILE));
    for (String set : SMALL) {
      command.add("--set");
      command.add(set);
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Runs.waitForTick(process, 30);
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(killed.resolve("summary.json")).as("the run was cut short").doesNotExist();

    Runs.Output resumed = Runs.capture("resume", killed.toString());
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("from checkpoint tick");
    assertThat(Runs.summary(killed).get("digest").asText()).isEqualTo(Runs.summary(whole).get("digest").asText());
    assertThat(decisions(killed)).isEqualTo(decisions);
    assertThat(Files.readString(killed.resolve("summary.json"))).isEqualTo(Files.readString(whole.resolve("summary.json")));
  }

  private static List<StrategyDecision> decisions(Path run) throws Exception {
    List<StrategyDecision> out = new ArrayList<>();
    for (Object e : Runs.journalEvents(run)) {
      if (e instanceof BidderTickSettled s && s.agent().equals("campaign")) {
        out.addAll(s.decisions());
      }
    }
    return out;
  }

}
