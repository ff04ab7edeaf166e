package org.bidarena.agents.ctr;

import java.util.ArrayList;
import java.util.List;
import org.bidarena.core.scenario.FeatureSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.learning.ctr.FeatureLayout;

/**
 * The features a bidder can know about one of its impressions, as the fields of a CTR model: who bids (the
 * agent), the customer's public columns (stage and the features the scenario shows bidders; a hidden one is
 * always 0), the hour of the day, and the agent's own memory of the customer (impressions today, time since
 * its last impression and since the customer last clicked its ad). The training examples of a run
 * ({@code --format run}) and the {@code pctr} bidder fill them the same way, here.
 *
 * <p>The layout's name records which features the scenario showed ({@code run[region,device,interests]}),
 * so a model trained where bidders saw other features is refused: its coordinates would mean other things.
 */
public final class RunFeatures {
  public static final List<String> FIELDS = List.of("agent", "stage", "region", "device", "interests",
      "value-tier", "hour", "frequency", "since-impression", "since-click");
  /** The crosses a run model gets unless told otherwise: an agent's interests match, its stage targeting. */
  public static final List<String> DEFAULT_CROSSES = List.of("agent*interests", "agent*stage");
  public static final int DEFAULT_BITS = 18;

  private static final String[] SMALL = new String[256];

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = Integer.toString(i);
    }
  }

  private final int ticksPerDay;
  private final long windowTicks;

  public RunFeatures(Scenario scenario) {
    this.ticksPerDay = scenario.ticksPerDay();
    this.windowTicks = (long) scenario.customers().attributionWindowDays() * ticksPerDay;
  }

  /** The layout name for a scenario: "run" and the features it shows bidders. */
  public static String layoutName(FeatureSpec features) {
    List<String> shown = new ArrayList<>();
    int[] bits = {FeatureSpec.REGION, FeatureSpec.DEVICE, FeatureSpec.INTERESTS, FeatureSpec.VALUE_TIER};
    for (int k = 0; k < bits.length; k++) {
      if (features.visible(bits[k])) {
        shown.add(FeatureSpec.VISIBLE.get(k));
      }
    }
    return "run[" + String.join(",", shown) + "]";
  }

  public static FeatureLayout layout(Scenario scenario, List<String> crosses, int hashBits) {
    return FeatureLayout.of(layoutName(scenario.customers().features()), FIELDS, crosses, hashBits);
  }

  /** Whether a model's layout can score this scenario's bidders: the same name (visibility) and fields. */
  public static boolean fits(FeatureLayout layout, Scenario scenario) {
    return layout.name().equals(layoutName(scenario.customers().features())) && layout.fields().equals(FIELDS);
  }

  /**
   * Fills {@code out} (FIELDS order) for one impression.
   *
   * @param sinceImpression ticks since the agent's last impression to the customer, or -1 for never
   * @param sinceClick ticks since the customer last clicked the agent's ad, or -1 for never
   */
  public void fill(String[] out, String agent, int stage, int region, int device, int interests, int tier,
      long tick, int frequencyToday, long sinceImpression, long sinceClick) {
    out[0] = agent;
    out[1] = small(stage);
    out[2] = small(region);
    out[3] = small(device);
    out[4] = small(interests);
    out[5] = small(tier);
    out[6] = small((int) (tick % ticksPerDay * 24 / ticksPerDay));
    out[7] = small(Math.min(frequencyToday, 16));
    out[8] = sinceImpression < 0 ? "never" : bucket(sinceImpression);
    out[9] = sinceClick < 0 ? "never" : sinceClick < windowTicks ? "window" : "older";
  }

  /** Time since an impression, in growing steps of the day: the last hour, quarter day, day, week, older. */
  private String bucket(long ticks) {
    double days = (double) ticks / ticksPerDay;
    return days < 1.0 / 24 ? "hour" : days < 0.25 ? "quarter" : days < 1 ? "day" : days < 7 ? "week" : "older";
  }

  private static String small(int v) {
    return v >= 0 && v < SMALL.length ? SMALL[v] : Integer.toString(v);
  }
}
