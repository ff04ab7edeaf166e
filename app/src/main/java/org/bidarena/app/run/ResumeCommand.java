package org.bidarena.app.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.report.Report;
import org.bidarena.analysis.run.RunClaim;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.app.command.JournalOptions;
import org.bidarena.app.fatal.OutOfMemoryLine;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.core.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Continues a run that was stopped (even with kill -9) from its last complete checkpoint, on this machine"
          + " and on the run's journal (H2 in the folder, or the PostgreSQL schema in its journal.conf).",
      "Ticks after the checkpoint are played again and checked against the journal; the run ends with the same"
          + " digest and summary.json as a run that was never interrupted. On a finished run it prints the result."
    })
public final class ResumeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "The run folder, as made by 'bidarena run'.")
  Path dir;

  @Mixin JournalOptions journalOptions = new JournalOptions();

  @Override
  public Integer call() throws Exception {
    if (Files.isDirectory(dir) && !Files.exists(dir.resolve("run.json")) && RunFolder.onlyBegun(dir)
        && Files.exists(dir.resolve(RunClaim.LOCK_FILE))) {
      throw new BadInput(dir + " was stopped before its run began (it has no run.json); start it again with:"
          + " bidarena run --out " + dir);
    }
    RunFolder folder = RunFolder.open(dir);
    try (RunClaim claim = RunClaim.take(dir)) {
      Scenario scenario = folder.scenario();
      OutOfMemoryLine.runFolder(dir, scenario.customers().count());
      JournalSettings journal = journalOptions.recorded(dir);
      if (!journal.isPostgres()) {
        JournalFile.requireResumable(folder);
      }
      return Report.print(new Simulation(folder, scenario, System.out, journal).run(), folder);
    }
  }
}
