package org.bidarena.dashboard.panel;

import java.util.Locale;

/** The tick counter, the simulated day and the auction rate. */
final class TicksPanel implements Panel {
  @Override
  public String id() {
    return "ticks";
  }

  @Override
  public String json(PanelInput in) {
    long ticks = in.totals().ticks();
    return String.format(Locale.ROOT,
        "{\"tick\": %d, \"totalTicks\": %d, \"day\": %d, \"auctions\": %d, \"impressions\": %d,"
            + " \"auctionsPerSecond\": %.1f}",
        ticks - 1, in.scenario().totalTicks(), Math.max(0, ticks - 1) / in.scenario().ticksPerDay(),
        in.totals().auctions(), in.totals().impressions(), in.auctionsPerSecond());
  }
}
