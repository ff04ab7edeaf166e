package org.bidarena.app.ipinyou;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Shows a benchmark's progress in auctions: a bar on a terminal, otherwise a line every few seconds. */
final class IpinyouBenchmarkProgress implements AutoCloseable {
  private final long total;
  private final PrintStream out;
  private final ProgressBar bar;
  private final long startNanos = System.nanoTime();
  private long done;
  private long lastLineNanos;
  private String label = "";

  IpinyouBenchmarkProgress(long total, PrintStream out) {
    this.total = total;
    this.out = out;
    this.bar = System.console() == null
        ? null
        : new ProgressBarBuilder().setTaskName("auctions").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250).continuousUpdate().build();
  }

  synchronized void label(String text) {
    label = text;
    if (bar != null) {
      bar.setExtraMessage(text);
    }
  }

  synchronized void advance(long auctions) {
    done += auctions;
    if (bar != null) {
      bar.stepTo(done);
    } else if (System.nanoTime() - lastLineNanos > 2_000_000_000L || done == total) {
      lastLineNanos = System.nanoTime();
      double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
      out.printf(Locale.ROOT, "%,d/%,d auctions (%s), %,.0f auctions/s%n", done, total, label, done / seconds);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
