package org.bidarena.app.run;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a run's progress: tick, day and auctions per second. A progress bar on a terminal; otherwise
 * (CI, pipes) a plain line every few seconds.
 */
final class ProgressDisplay implements AutoCloseable {
  private final long totalTicks;
  private final int ticksPerDay;
  private final long startNanos = System.nanoTime();
  private final ProgressBar bar;
  private final PrintStream out;
  private long auctions;
  private long lastLineNanos;

  ProgressDisplay(long totalTicks, int ticksPerDay, PrintStream out) {
    this.totalTicks = totalTicks;
    this.ticksPerDay = ticksPerDay;
    this.out = out;
    this.bar = System.console() == null
        ? null
        : new ProgressBarBuilder().setTaskName("ticks").setInitialMax(totalTicks).setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250).continuousUpdate().build();
  }

  void tickFinished(long tick, long tickAuctions) {
    auctions += tickAuctions;
    double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    String extra = String.format(Locale.ROOT, "day %d/%d, %,.0f auctions/s", tick / ticksPerDay + 1,
        (totalTicks + ticksPerDay - 1) / ticksPerDay, auctions / seconds);
    if (bar != null) {
      bar.stepTo(tick + 1);
      bar.setExtraMessage(extra);
    } else if (System.nanoTime() - lastLineNanos > 2_000_000_000L || tick + 1 == totalTicks) {
      lastLineNanos = System.nanoTime();
      out.printf(Locale.ROOT, "tick %d/%d, %s%n", tick + 1, totalTicks, extra);
    }
  }

  long auctions() {
    return auctions;
  }

  double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
