package org.bidarena.allocation;

/**
 * One marketing channel with a parametric response: a day's spend, carried over by {@link Adstock}, saturates
 * by {@link HillSaturation} toward {@code maxConversions} a day, times the day-of-week {@link Seasonality},
 * times log-normal noise of spread {@code noiseSigma} (mean 1). Clicks are spend / cost per click.
 *
 * @param id the channel key ([a-z0-9-]{1,32}); its noise and samples derive from it
 * @param label the name shown in tables
 * @param fixedShare the fixed allocator's share (NaN: an even split)
 * @param frozen the channel keeps its fixed share every day, whatever the allocator wants
 */
public record ChannelSpec(String id, String label, long cpcMicros, double maxConversions, HillSaturation hill,
    Adstock adstock, Seasonality seasonality, double noiseSigma, Limit min, Limit max, double fixedShare,
    boolean frozen) {

  /** The expected conversions of a day whose effective (carried-over) spend is {@code effective} micros. */
  public double expectedConversions(double effective, int day) {
    return maxConversions * hill.at(effective) * seasonality.factor(day);
  }

  /** A stable 64-bit identity of the channel for seeded streams (FNV-1a of its id), independent of its position. */
  public long key() {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      h ^= id.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
