package org.bidarena.app.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bidarena.analysis.journal.RecordedRun;
import org.bidarena.analysis.report.HtmlReport;
import org.bidarena.analysis.report.LearningCurvePage;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.app.command.ReadJournalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes DIR/report.html: one self-contained page of charts that opens offline in any browser (Chart.js is"
          + " inlined, nothing is loaded from the network).",
      "Charts: ROAS over time per agent; revenue and spend per agent; agent comparison (win rate, ROAS, CAC); bid"
          + " heatmap (average bid by stage, per agent); the customer-journey funnel by stage; the clearing-price"
          + " distribution; budget pacing (share of the daily budget spent by time of day).",
      "Example:  bidarena report runs/my-run && xdg-open runs/my-run/report.html"
    })
public final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "The run folder, as made by 'bidarena run' (its report"
      + " shows the learning curve of each agent that plays a trained model), or a training folder of"
      + " 'bidarena train' (its learning curve).")
  Path dir;

  @Mixin ReadJournalOptions journal = new ReadJournalOptions();

  @Mixin PartialOption partial = new PartialOption();

  @Override
  public Integer call() throws Exception {
    Path curve = dir.resolve(LearningCurvePage.CURVE);
    if (Files.isRegularFile(curve) && !Files.exists(dir.resolve("run.json"))) {
      // A training folder (bidarena train): its learning curve.
      Path out = dir.resolve("report.html");
      ReplayCommand.write(out, LearningCurvePage.page(LearningCurvePage.read(curve, dir.getFileName().toString())));
      System.out.println("wrote " + out);
      return 0;
    }
    RunFolder folder = RunFolder.open(dir);
    RecordedRun run = RecordedRun.read(folder, journal.settings(folder), journal.describe(folder), true,
        partial.partial);
    Path out = dir.resolve("report.html");
    ReplayCommand.write(out, HtmlReport.render(run));
    if (run.coverage().partial()) {
      System.out.println(run.coverage().label());
    }
    System.out.println("wrote " + out);
    return 0;
  }
}
