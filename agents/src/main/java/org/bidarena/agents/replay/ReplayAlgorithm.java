package org.bidarena.agents.replay;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.replay.IpinyouData;
import org.bidarena.core.replay.SequentialPolicy;

/** The bidding algorithms of the RLB benchmark, and how each is set up from the training data. */
public enum ReplayAlgorithm {
  CONST,
  RAND,
  MCPC,
  LIN,
  RLB;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The algorithm named {@code key}; an unknown name is refused with the allowed ones. */
  public static ReplayAlgorithm parse(String key) {
    for (ReplayAlgorithm a : values()) {
      if (a.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown algorithm '" + key + "', allowed: "
        + Arrays.stream(values()).map(ReplayAlgorithm::key).collect(Collectors.joining(", ")));
  }

  /** A policy ready to bid, and a short description of its tuned setting. */
  public record Prepared(SequentialPolicy policy, String setting) {}

  /**
   * Sets the algorithm up for budget ratio c0 and episodes of n auctions, from the training data only.
   *
   * @throws IllegalArgumentException when the data has no setting for it (Lin without a b0 for c0)
   */
  public Prepared prepare(IpinyouData data, double c0, int n, SeededStreams streams) {
    int maxBid = IpinyouData.MAX_PRICE;
    long budget = data.budget(c0, n);
    BidLandscape landscape = new BidLandscape(data.priceCounterTrain());
    return switch (this) {
      case CONST -> {
        int bid = landscape.bestConstant(budget, n);
        yield new Prepared(new ConstPolicy(bid), "bid=" + bid);
      }
      case RAND -> {
        int max = landscape.bestRandomMax(budget, n);
        yield new Prepared(new RandPolicy(max, streams), "max=" + max);
      }
      case MCPC -> new Prepared(new McpcPolicy(data.cpcTrain(), maxBid),
          String.format(Locale.ROOT, "cpc=%.1f", data.cpcTrain()));
      case LIN -> {
        Integer b0 = data.b0(c0);
        if (b0 == null) {
          throw new IllegalArgumentException("lin-bid-b0.json has no b0 for c0=" + c0 + " (it has "
              + data.b0ByC0().keySet() + ")");
        }
        yield new Prepared(new LinPolicy(b0, data.thetaAvg(), maxBid), "b0=" + b0);
      }
      case RLB -> {
        RlbValueFunction v = RlbValueFunction.compute(landscape, data.thetaAvg(), n, budget);
        yield new Prepared(new RlbPolicy(v), "V " + (n + 1) + "x" + (budget + 1));
      }
    };
  }
}
