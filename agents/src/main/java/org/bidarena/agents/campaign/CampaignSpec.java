package org.bidarena.agents.campaign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.CreativeSpec;
import org.bidarena.core.scenario.FeatureSpec;
import org.bidarena.core.scenario.Scenario;

/**
 * A campaign agent's grid and each cell's targeting, read from its settings: the audiences (ZIPs and
 * interest signals), the agent's creatives, the bid strategies (a factor on the base bid each), the dayparts
 * (hours of the day) and the platforms. The grid's dimensions are in that order, so cell id =
 * ((((audience x C + creative) x B + bid strategy) x D + daypart) x P + platform).
 *
 * <p>The market has no streaming platforms; a platform is a share of its supply: platform i serves the
 * auctions of the exchange partitions p with p mod platforms = i (so a scenario needs at least as many
 * partitions as platforms).
 */
public final class CampaignSpec {
  /** An audience: the regions (indexes into the scenario's sorted ZIP list) and the interest signal mask. */
  record Audience(String name, boolean[] regions, boolean anyRegion, int signals) {
    boolean matches(int region, int interests) {
      return (anyRegion || (region < regions.length && regions[region])) && (signals == 0 || (interests & signals) != 0);
    }
  }

  final List<Audience> audiences;
  final List<String> creatives;
  final List<String> bidStrategyNames;
  final double[] bidFactors;
  final List<String> daypartNames;
  /** The daypart of each tick of the day, -1 for none. */
  final int[] daypartOfTick;
  final List<String> platforms;
  final CampaignGrid grid;
  final List<String> regionCodes;
  final List<String> interestNames;

  private CampaignSpec(List<Audience> audiences, List<String> creatives, List<String> bidStrategyNames,
      double[] bidFactors, List<String> daypartNames, int[] daypartOfTick, List<String> platforms,
      List<String> regionCodes, List<String> interestNames) {
    this.audiences = audiences;
    this.creatives = creatives;
    this.bidStrategyNames = bidStrategyNames;
    this.bidFactors = bidFactors;
    this.daypartNames = daypartNames;
    this.daypartOfTick = daypartOfTick;
    this.platforms = platforms;
    this.regionCodes = regionCodes;
    this.interestNames = interestNames;
    this.grid = CampaignGrid.of(List.of(
        new CampaignGrid.Dimension("audience", audiences.stream().map(Audience::name).toList()),
        new CampaignGrid.Dimension("creative", creatives),
        new CampaignGrid.Dimension("bid-strategy", bidStrategyNames),
        new CampaignGrid.Dimension("daypart", daypartNames),
        new CampaignGrid.Dimension("platform", platforms)));
  }

  /** The spec of {@code agent}; an error names the agent's key, what is wrong and what is allowed. */
  public static CampaignSpec of(AgentSpec agent, Scenario scenario) {
    String at = "agents." + agent.id() + ".";
    FeatureSpec f = scenario.customers().features();
    var s = agent.settings();
    List<Audience> audiences = new ArrayList<>();
    for (String[] entry : pairs(at + "audiences", s.string("audiences"))) {
      String[] parts = entry[1].split("/", -1);
      if (parts.length != 2) {
        throw new IllegalArgumentException(at + "audiences: audience " + entry[0]
            + " must be name=ZIP,ZIP/signal,signal (either list may be empty), got " + entry[1]);
      }
      boolean[] regions = new boolean[f.regions().size()];
      List<String> zips = words(parts[0]);
      for (String zip : zips) {
        int r = f.regions().indexOf(zip);
        if (r < 0) {
          throw new IllegalArgumentException(at + "audiences: ZIP " + zip + " of " + entry[0]
              + " is not among customers.features.regions " + f.regions());
        }
        regions[r] = true;
      }
      if (!zips.isEmpty() && !f.visible(FeatureSpec.REGION)) {
        throw new IllegalArgumentException(at + "audiences: " + entry[0] + " targets ZIPs but bidders do not see"
            + " the region; add region to customers.features.visible-to-bidders");
      }
      int mask = 0;
      for (String signal : words(parts[1])) {
        int i = f.interests().indexOf(signal);
        if (i < 0) {
          throw new IllegalArgumentException(at + "audiences: signal " + signal + " of " + entry[0]
              + " is not among customers.features.interests " + f.interests());
        }
        mask |= 1 << i;
      }
      if (mask != 0 && !f.visible(FeatureSpec.INTERESTS)) {
        throw new IllegalArgumentException(at + "audiences: " + entry[0] + " targets interest signals but bidders"
            + " do not see them; add interests to customers.features.visible-to-bidders");
      }
      audiences.add(new Audience(entry[0], regions, zips.isEmpty(), mask));
    }
    List<String> strategyNames = new ArrayList<>();
    List<Double> factors = new ArrayList<>();
    for (String[] entry : pairs(at + "bid-strategies", s.string("bid-strategies"))) {
      double factor;
      try {
        factor = Double.parseDouble(entry[1]);
      } catch (NumberFormatException e) {
        factor = -1;
      }
      if (!(factor >= 0.01 && factor <= 100)) {
        throw new IllegalArgumentException(at + "bid-strategies: " + entry[0]
            + " needs a factor on the base bid in [0.01, 100], got " + entry[1]);
      }
      strategyNames.add(entry[0]);
      factors.add(factor);
    }
    int ticksPerDay = scenario.ticksPerDay();
    int[] daypartOfTick = new int[ticksPerDay];
    Arrays.fill(daypartOfTick, -1);
    List<String> daypartNames = new ArrayList<>();
    for (String[] entry : pairs(at + "dayparts", s.string("dayparts"))) {
      String[] hours = entry[1].split("-", -1);
      int from = hour(at, entry, hours[0]);
      int to = hours.length == 2 ? hour(at, entry, hours[1]) : -1;
      if (to < 0 || from == to) {
        throw new IllegalArgumentException(at + "dayparts: " + entry[0]
            + " must be name=FROM-TO, whole hours 0..24 with FROM != TO (23-6 wraps midnight), got " + entry[1]);
      }
      int d = daypartNames.size();
      for (int t = 0; t < ticksPerDay; t++) {
        int h = (int) ((long) t * 24 / ticksPerDay);
        boolean in = from < to ? h >= from && h < to : h >= from || h < to;
        if (in) {
          if (daypartOfTick[t] >= 0) {
            throw new IllegalArgumentException(at + "dayparts: " + entry[0] + " overlaps "
                + daypartNames.get(daypartOfTick[t]) + " at hour " + h + "; dayparts must not overlap");
          }
          daypartOfTick[t] = d;
        }
      }
      daypartNames.add(entry[0]);
    }
    List<String> platforms = words(s.string("platforms").replace(';', ','));
    if (platforms.isEmpty() || platforms.size() > scenario.partitions()) {
      throw new IllegalArgumentException(at + "platforms: a platform is a share of the exchange partitions, so"
          + " give 1 to exchange.partitions (" + scenario.partitions() + ") names, got " + platforms.size());
    }
    return new CampaignSpec(List.copyOf(audiences), agent.creatives().stream().map(CreativeSpec::name).toList(),
        List.copyOf(strategyNames), factors.stream().mapToDouble(Double::doubleValue).toArray(),
        List.copyOf(daypartNames), daypartOfTick, List.copyOf(platforms), f.regions(), f.interests());
  }

  private static int hour(String at, String[] entry, String text) {
    try {
      int h = Integer.parseInt(text.trim());
      return h >= 0 && h <= 24 ? h % 24 : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** "a=x; b=y" as [name, value] pairs; names unique, lower-case words. */
  private static List<String[]> pairs(String key, String text) {
    List<String[]> out = new ArrayList<>();
    for (String item : text.split(";")) {
      if (item.isBlank()) {
        continue;
      }
      int eq = item.indexOf('=');
      String name = eq < 0 ? "" : item.substring(0, eq).trim();
      if (!name.matches("[a-z0-9_+-]{1,32}")) {
        throw new IllegalArgumentException(key + ": each entry is NAME=VALUE with a name of 1..32 of a-z 0-9 _ + -,"
            + " entries separated by ';', got '" + item.trim() + "'");
      }
      if (out.stream().anyMatch(p -> p[0].equals(name))) {
        throw new IllegalArgumentException(key + ": " + name + " is given twice");
      }
      out.add(new String[] {name, item.substring(eq + 1).trim()});
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(key + ": give at least one NAME=VALUE entry");
    }
    return out;
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).filter(w -> !w.isEmpty()).toList();
  }

  public CampaignGrid grid() {
    return grid;
  }

  int cellId(int audience, int creative, int bidStrategy, int daypart, int platform) {
    return (((audience * creatives.size() + creative) * bidFactors.length + bidStrategy) * daypartNames.size()
        + daypart) * platforms.size() + platform;
  }

  /** The cell's index in dimension {@code d} (0 audience .. 4 platform). */
  int part(int cell, int d) {
    int[] sizes = {audiences.size(), creatives.size(), bidFactors.length, daypartNames.size(), platforms.size()};
    for (int k = sizes.length - 1; k > d; k--) {
      cell /= sizes[k];
    }
    return cell % sizes[d];
  }
}
