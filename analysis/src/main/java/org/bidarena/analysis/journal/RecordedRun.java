package org.bidarena.analysis.journal;

import java.util.ArrayList;
import java.util.List;
import org.bidarena.agents.BidderTickSettled;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.metrics.RunSummary;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.core.events.OutcomesRecorded;
import org.bidarena.core.events.RunStarted;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.exchange.AuctionsCleared;

/**
 * A finished (or stopped) run as its journal records it, read through {@link JournalReader}.
 *
 * <p>Reading checks that the journal belongs to the folder: its {@code RunStarted} must carry the
 * scenario fingerprint and seed of {@code run.json}. The auctions and outcomes are kept, in tick order,
 * for the analysis commands.
 */
public record RecordedRun(
    RunFolder folder,
    Scenario scenario,
    RunStarted started,
    RunSummary summary,
    List<BidderTickSettled> ticks,
    List<AuctionsCleared> auctions,
    List<OutcomesRecorded> outcomes) {

  /** Reads the run in {@code folder} from {@code journal}; {@code keepEvents} keeps auctions and outcomes. */
  public static RecordedRun read(RunFolder folder, JournalSettings journal, String where, boolean keepEvents) {
    Scenario scenario = folder.scenario();
    return JournalReader.onReadSide(journal, where, system -> {
      // The run's fingerprint first: a journal of another run is refused as such, whatever its other events.
      RunStarted started = DriverJournal.read(system).run();
      requireSameRun(folder, scenario, started, where);
      JournalMetrics metrics = new JournalMetrics(scenario);
      List<AuctionsCleared> auctions = new ArrayList<>();
      List<OutcomesRecorded> outcomes = new ArrayList<>();
      String digest = JournalReader.walk(system, (id, seqNr, event) -> {
        metrics.event(id, seqNr, event);
        if (keepEvents && event instanceof AuctionsCleared a) {
          auctions.add(a);
        } else if (keepEvents && event instanceof OutcomesRecorded o) {
          outcomes.add(o);
        }
      });
      auctions.sort((a, b) -> a.tick() != b.tick() ? Long.compare(a.tick(), b.tick())
          : Integer.compare(a.partition(), b.partition()));
      outcomes.sort((a, b) -> a.tick() != b.tick() ? Long.compare(a.tick(), b.tick())
          : Integer.compare(a.shard(), b.shard()));
      RunJournal contents = metrics.contents(digest);
      return new RecordedRun(folder, scenario, started, contents.summary(), contents.ticks(), auctions, outcomes);
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
