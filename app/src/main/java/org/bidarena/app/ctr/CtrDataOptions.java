package org.bidarena.app.ctr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.ctr.CtrData;
import org.bidarena.analysis.journal.RecordedRun;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.app.command.ReadJournalOptions;
import org.bidarena.learning.ctr.Holdout;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The data options both CTR commands take: where, what format, bad lines, and which part is held out. */
public final class CtrDataOptions {
  @Option(names = "--data", required = true, paramLabel = "PATH",
      description = "An Avazu train CSV, a Criteo train TSV (either may be .gz), or a run folder.")
  Path data;

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      description = "avazu | criteo | run.")
  String format;

  @Option(names = "--skip-bad", description = "Skip malformed lines and count them, instead of refusing the file.")
  boolean skipBad;

  @Option(names = "--holdout", paramLabel = "FRACTION",
      description = "Hold out this share of the examples (chosen by a fixed hash of their position), above 0 and below 1.")
  Double holdoutFraction;

  @Option(names = "--holdout-days", paramLabel = "N",
      description = "Hold out the last N days (Avazu: by its hour column; a run: by simulated day). Not for Criteo.")
  Integer holdoutDays;

  @Mixin ReadJournalOptions journal = new ReadJournalOptions();

  CtrData open() {
    CtrData.Format f;
    try {
      f = CtrData.Format.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInput("--format " + format + ": must be avazu, criteo or run");
    }
    if (f != CtrData.Format.RUN) {
      return CtrData.file(f, data, skipBad);
    }
    if (!Files.isDirectory(data)) {
      throw new BadInput("--data " + data + ": with --format run, must be a run folder made by 'bidarena run'");
    }
    RunFolder folder = RunFolder.open(data);
    System.err.println("Reading the journal of " + data + " and replaying its customers...");
    RecordedRun run = RecordedRun.read(folder, journal.settings(folder), journal.describe(folder), true);
    try {
      return CtrData.run(run);
    } catch (IllegalStateException e) {
      // A replay that diverges from the journal: the journal and this build disagree about the run.
      throw new BadInput(e.getMessage());
    }
  }

  Holdout holdout(CtrData d) {
    if (holdoutFraction != null && holdoutDays != null) {
      throw new BadInput("--holdout and --holdout-days: give one of them");
    }
    if (holdoutFraction != null) {
      if (!(holdoutFraction > 0 && holdoutFraction < 1)) {
        throw new BadInput("--holdout " + holdoutFraction + ": must be above 0 and below 1");
      }
      return Holdout.fraction(holdoutFraction);
    }
    if (holdoutDays == null) {
      return Holdout.NONE;
    }
    if (d.format() == CtrData.Format.CRITEO) {
      throw new BadInput("--holdout-days: the Criteo log has no days; use --holdout FRACTION");
    }
    TreeSet<Long> days = d.days();
    if (holdoutDays < 1 || holdoutDays >= days.size()) {
      throw new BadInput("--holdout-days " + holdoutDays + ": must be 1.." + (days.size() - 1) + " (the data has "
          + days.size() + " days), so that some days are left to train on");
    }
    long from = days.descendingSet().stream().skip(holdoutDays - 1).findFirst().orElseThrow();
    return Holdout.fromDay(from);
  }
}
