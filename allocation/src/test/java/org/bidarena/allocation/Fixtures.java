package org.bidarena.allocation;

import java.util.ArrayList;
import java.util.List;

/** Small channel sets for tests, built in code so that each test shows what it depends on. */
final class Fixtures {
  static final long BUDGET = 10_000_000_000L;
  static final long ORDER_VALUE = 45_000_000L;
  static final double MARGIN = 0.30;

  private Fixtures() {}

  static ChannelSpec channel(String id, long cpcMicros, double maxConv, long halfMicros, double shape, Adstock adstock,
      double noise) {
    return new ChannelSpec(id, id, cpcMicros, maxConv, new HillSaturation(halfMicros, shape), adstock,
        Seasonality.flat(), noise, null, null, Double.NaN, false);
  }

  /** Four channels shaped like scenarios/channels.conf: one strong, one S-shaped, one small and cheap, one slow. */
  static List<ChannelSpec> four() {
    List<ChannelSpec> c = new ArrayList<>();
    c.add(channel("email", 50_000, 200, 300_000_000L, 0.8, Adstock.geometric(0.1, 3), 0.08));
    c.add(channel("google-ads", 600_000, 900, 8_000_000_000L, 1.0, Adstock.geometric(0.3, 7), 0.10));
    c.add(channel("influencer", 1_200_000, 300, 9_000_000_000L, 1.0, Adstock.weibull(1.2, 4, 14), 0.30));
    c.add(channel("meta-ads", 450_000, 450, 3_500_000_000L, 1.3, Adstock.weibull(2, 2, 10), 0.15));
    return c;
  }

  static ChannelSpec withLimits(ChannelSpec c, Limit min, Limit max, double share, boolean frozen) {
    return new ChannelSpec(c.id(), c.label(), c.cpcMicros(), c.maxConversions(), c.hill(), c.adstock(),
        c.seasonality(), c.noiseSigma(), min, max, share, frozen);
  }

  static AllocationSettings settings(List<ChannelSpec> channels, double floor, double cap, int ppoEpisodes) {
    return new AllocationSettings(BUDGET, 30, ORDER_VALUE, floor, cap, 200, 500, 0.9, "best", 7,
        new AllocationSettings.PpoSettings(ppoEpisodes, 1, 0.05, 0.5), channels);
  }
}
