package org.bidarena.analysis.journal;

import java.util.ArrayList;
import java.util.List;
import org.bidarena.agents.BidderTickSettled;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.metrics.RunSummary;
import org.bidarena.analysis.metrics.TickOutcomes;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.core.events.OutcomesRecorded;
import org.bidarena.core.events.RunStarted;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.exchange.AuctionsCleared;

/**
 * A run as its journal records it, read through {@link JournalReader}.
 *
 * <p>Reading checks that the journal belongs to the folder (its {@code RunStarted} must carry the scenario
 * fingerprint and seed of {@code run.json}) and, through {@link RunCheck}, that a finished run's journal
 * gives the digest of its summary.json, and that an unfinished one is read only when asked, up to its last
 * complete tick. The auctions and outcomes are kept, in tick order, for the analysis commands.
 */
public record RecordedRun(
    RunFolder folder,
    Scenario scenario,
    RunStarted started,
    Coverage coverage,
    RunSummary summary,
    List<BidderTickSettled> ticks,
    TickOutcomes tickOutcomes,
    List<AuctionsCleared> auctions,
    List<OutcomesRecorded> outcomes) {

  /** Reads a finished run in {@code folder} from {@code journal}; {@code keepEvents} keeps auctions and outcomes. */
  public static RecordedRun read(RunFolder folder, JournalSettings journal, String where, boolean keepEvents) {
    return read(folder, journal, where, keepEvents, false);
  }

  /** As {@link #read(RunFolder, JournalSettings, String, boolean)}; {@code partial} admits an unfinished run. */
  public static RecordedRun read(RunFolder folder, JournalSettings journal, String where, boolean keepEvents,
      boolean partial) {
    Scenario scenario = folder.scenario();
    return JournalReader.onReadSide(journal, where, system -> {
      // The run's fingerprint first: a journal of another run is refused as such, whatever its other events.
      DriverJournal driver = DriverJournal.read(system);
      RunStarted started = driver.run();
      requireSameRun(folder, scenario, started, where);
      Coverage coverage = RunCheck.coverage(folder, scenario, driver, partial);
      JournalMetrics metrics = new JournalMetrics(scenario);
      List<AuctionsCleared> auctions = new ArrayList<>();
      List<OutcomesRecorded> outcomes = new ArrayList<>();
      String digest = JournalReader.walk(system, coverage.lastTick(), (id, seqNr, event) -> {
        metrics.event(id, seqNr, event);
        if (keepEvents && event instanceof AuctionsCleared a) {
          auctions.add(a);
        } else if (keepEvents && event instanceof OutcomesRecorded o) {
          outcomes.add(o);
        }
      });
      RunCheck.requireRecordedDigest(folder, coverage, where, digest);
      auctions.sort((a, b) -> a.tick() != b.tick() ? Long.compare(a.tick(), b.tick())
          : Integer.compare(a.partition(), b.partition()));
      outcomes.sort((a, b) -> a.tick() != b.tick() ? Long.compare(a.tick(), b.tick())
          : Integer.compare(a.shard(), b.shard()));
      RunJournal contents = metrics.contents(digest);
      return new RecordedRun(folder, scenario, started, coverage, contents.summary(), contents.ticks(),
          contents.tickOutcomes(), auctions, outcomes);
    });
  }

  private static void requireSameRun(RunFolder folder, Scenario scenario, RunStarted started, String where) {
    if (started == null) {
      throw new BadInput("the journal " + where + " holds no run (no RunStarted event)");
    }
    String recorded = folder.recordedSha256();
    if (!started.scenarioSha256().equals(recorded) || started.seed() != scenario.seed()) {
      throw new BadInput("the journal " + where + " belongs to another scenario or seed than " + folder.runJson()
          + " (journal: seed " + started.seed() + ", scenario " + started.scenarioSha256().substring(0, 12)
          + "; run.json: seed " + scenario.seed() + ", scenario " + recorded.substring(0, 12) + ")");
    }
  }
}
