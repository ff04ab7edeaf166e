package org.bidarena.analysis.ipinyou;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.journal.JournalReader;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.exchange.AuctionsCleared;

/**
 * A finished log-replay benchmark as its journal records it: the table rebuilt from the journaled auctions
 * alone (auctions, impressions, clicks and cost per partition), labelled by the folder's run.json
 * (algorithm, c0, setting, budget).
 *
 * <p>Reading checks that the journal belongs to the folder: its digest must be the one run.json recorded
 * when the benchmark finished, and partition p must hold the episodes of run.json's p-th algorithm.
 */
public record RecordedIpinyouBenchmark(IpinyouBenchmarkManifest manifest, List<IpinyouBenchmarkRow> rows, String digest) {

  /** Reads the benchmark in {@code folder}, handing every journaled episode to {@code each} on the way. */
  public static RecordedIpinyouBenchmark read(RunFolder folder, JournalSettings journal, String where, Consumer<AuctionsCleared> each) {
    IpinyouBenchmarkManifest manifest = IpinyouBenchmarkManifest.read(folder.runJson());
    if (!IpinyouBenchmarkManifest.COMPLETE.equals(manifest.status())) {
      throw new BadInput("the benchmark in " + folder.dir() + " did not finish (status " + manifest.status()
          + " in run.json): its table was never written, so there is nothing to reproduce");
    }
    ReplayedRunReader.Contents contents =
        JournalReader.onReadSide(journal, where, system -> ReplayedRunReader.read(system, each));
    if (!contents.digest().equals(manifest.digest())) {
      throw new BadInput("the journal " + where + " belongs to another run than " + folder.runJson() + " (journal digest "
          + contents.digest().substring(0, 12) + ", run.json " + abbreviate(manifest.digest()) + ")");
    }
    return new RecordedIpinyouBenchmark(manifest, rows(manifest, contents.byPartition(), where), contents.digest());
  }

  /** Partition p's journaled totals under run.json's p-th labels; a partition missing or extra is refused. */
  private static List<IpinyouBenchmarkRow> rows(IpinyouBenchmarkManifest manifest, Map<Integer, ReplayedRunReader.Totals> journal,
      String where) {
    List<IpinyouBenchmarkRow> rows = new ArrayList<>();
    for (int p = 0; p < manifest.partitions().size(); p++) {
      IpinyouBenchmarkManifest.Partition x = manifest.partitions().get(p);
      ReplayedRunReader.Totals t = journal.get(p);
      if (t == null || !t.agent().equals(x.agent()) || t.episodes() != manifest.episodes()
          || t.costMicros() % IpinyouBenchmarkRow.MICROS_PER_FEN != 0) {
        throw new BadInput("the journal " + where + " does not hold the " + manifest.episodes() + " episodes of "
            + x.agent() + " in partition " + p + " (it holds " + (t == null ? "none" : t.episodes() + " of "
            + t.agent()) + ")");
      }
      rows.add(new IpinyouBenchmarkRow(x.algorithm(), x.c0(), x.setting(), x.budget(), t.auctions(), t.impressions(),
          t.clicks(), t.costMicros() / IpinyouBenchmarkRow.MICROS_PER_FEN));
    }
    if (journal.size() != rows.size()) {
      throw new BadInput("the journal " + where + " holds " + journal.size() + " partitions, run.json lists "
          + rows.size());
    }
    return rows;
  }

  private static String abbreviate(String digest) {
    return digest.length() <= 12 ? (digest.isEmpty() ? "none" : digest) : digest.substring(0, 12);
  }
}
