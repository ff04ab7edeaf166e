package org.bidarena.dashboard.panel;

import java.util.StringJoiner;
import org.bidarena.agents.BidderTickSettled;
import org.bidarena.analysis.metrics.TickResult;

/**
 * The clearing-price histogram: each agent's average price per tick (spend per impression, as CPM), in
 * buckets of {@link #BUCKET_CPM}. The exchanges' single auctions are not read live: they are most of the
 * journal.
 */
final class ClearingPricePanel implements Panel {
  static final int BUCKETS = 20;
  /** Micros per impression: 250 is a CPM of 0.25. */
  static final long BUCKET_CPM = 250;
  private final long[] counts = new long[BUCKETS];

  @Override
  public String id() {
    return "clearingPrice";
  }

  @Override
  public void onTick(TickResult tick) {
    for (BidderTickSettled s : tick.settled()) {
      if (s.impressions() > 0) {
        long microsPerImpression = s.spendMicros() / s.impressions();
        counts[(int) Math.min(BUCKETS - 1, microsPerImpression / BUCKET_CPM)]++;
      }
    }
  }

  @Override
  public String json(PanelInput in) {
    StringJoiner c = new StringJoiner(", ", "[", "]");
    for (long n : counts) {
      c.add(Long.toString(n));
    }
    return "{\"bucketMicros\": " + BUCKET_CPM + ", \"counts\": " + c + "}";
  }
}
