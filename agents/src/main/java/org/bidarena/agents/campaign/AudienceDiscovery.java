package org.bidarena.agents.campaign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audience agent's rule: a ZIP whose conversion rate beats the campaign's with confidence above the
 * threshold joins a new test audience, with the interest signals that most of its converters share.
 *
 * <p>Confidence is the normal approximation of P(the ZIP's rate > the campaign's rate): the z-score of the
 * difference of the two proportions, through the standard normal distribution: the simple test a marketer can
 * check by hand. The approximation only holds with a few conversions behind the rate, so a ZIP with fewer than
 * {@link #MIN_CONVERSIONS} has no confidence yet: one lucky sale from two clicks is not an audience.
 */
public final class AudienceDiscovery {
  /** The fewest conversions a ZIP needs before its rate is judged. */
  public static final long MIN_CONVERSIONS = 5;

  /** A ZIP's clicks, conversions, and how many of its converters showed each interest signal. */
  public record ZipEvidence(int zip, long clicks, long conversions, Map<String, Long> signalsOfConverters) {
    public ZipEvidence {
      if (clicks < 0 || conversions < 0 || conversions > clicks) {
        throw new IllegalArgumentException("ZIP " + zip + ": need 0 <= conversions <= clicks, got " + conversions
            + " of " + clicks);
      }
      signalsOfConverters = Map.copyOf(signalsOfConverters);
    }

    public double conversionRate() {
      return clicks == 0 ? 0 : conversions / (double) clicks;
    }
  }

  /** A proposed test audience: its ZIPs (best first), the signals most converters share, and the evidence. */
  public record Proposal(List<Integer> zips, List<String> signals, List<Double> confidences) {}

  private AudienceDiscovery() {}

  /** The confidence that {@code zip}'s conversion rate is above the campaign's ({@code conversions/clicks}). */
  public static double confidence(ZipEvidence zip, long campaignClicks, long campaignConversions) {
    if (zip.conversions() < MIN_CONVERSIONS || campaignClicks == 0) {
      return 0;
    }
    double p1 = zip.conversionRate();
    double p0 = campaignConversions / (double) campaignClicks;
    double pooled = (zip.conversions() + campaignConversions) / (double) (zip.clicks() + campaignClicks);
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / zip.clicks() + 1.0 / campaignClicks));
    if (se == 0) {
      return p1 > p0 ? 1 : 0;
    }
    return standardNormalCdf((p1 - p0) / se);
  }

  /**
   * The new audience, or none when no ZIP qualifies. A signal is kept when more than half of the qualifying
   * ZIPs' converters showed it.
   */
  public static java.util.Optional<Proposal> propose(List<ZipEvidence> zips, CampaignRules rules) {
    long clicks = zips.stream().mapToLong(ZipEvidence::clicks).sum();
    long conversions = zips.stream().mapToLong(ZipEvidence::conversions).sum();
    List<ZipEvidence> qualifying = new ArrayList<>();
    List<Double> confidences = new ArrayList<>();
    zips.stream()
        .sorted(Comparator.comparingDouble((ZipEvidence z) -> -confidence(z, clicks, conversions))
            .thenComparingInt(ZipEvidence::zip))
        .forEach(z -> {
          double c = confidence(z, clicks, conversions);
          if (c > rules.discoveryConfidence()) {
            qualifying.add(z);
            confidences.add(c);
          }
        });
    if (qualifying.isEmpty()) {
      return java.util.Optional.empty();
    }
    long converters = qualifying.stream().mapToLong(ZipEvidence::conversions).sum();
    Map<String, Long> shown = new TreeMap<>();
    qualifying.forEach(z -> z.signalsOfConverters().forEach((s, n) -> shown.merge(s, n, Long::sum)));
    List<String> signals = shown.entrySet().stream().filter(e -> 2 * e.getValue() > converters)
        .map(Map.Entry::getKey).toList();
    return java.util.Optional.of(new Proposal(qualifying.stream().map(ZipEvidence::zip).toList(), signals,
        List.copyOf(confidences)));
  }

  /** Φ(x) by the Abramowitz-Stegun 7.1.26 approximation of erf (absolute error below 1.5e-7). */
  static double standardNormalCdf(double x) {
    double z = Math.abs(x) / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * z);
    double erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592)
        * t * Math.exp(-z * z);
    return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
  }
}
