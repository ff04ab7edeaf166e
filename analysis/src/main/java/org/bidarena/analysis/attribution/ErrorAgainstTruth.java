package org.bidarena.analysis.attribution;

/**
 * How far one model's credits are from the ground truth, key by key.
 *
 * @param conversions total absolute error, the sum over keys of |model - truth| in conversions
 * @param conversionsShare that over the conversions the models split (those with a touch)
 * @param revenueMicros the same for revenue
 * @param revenueShare that over the revenue the models split
 * @param split the total variation distance between the model's split of its credit over keys and the truth's
 *     (half the sum of |share - true share|): 0 when the model divides credit between keys as the truth does,
 *     whatever the total it hands out, 1 when the two have nothing in common
 */
public record ErrorAgainstTruth(String model, double conversions, double conversionsShare, double revenueMicros,
    double revenueShare, double split) {

  public static ErrorAgainstTruth of(Credits model, Credits truth, double splitConversions, double splitRevenueMicros) {
    double conv = 0;
    double rev = 0;
    for (int k = 0; k < truth.keys().size(); k++) {
      conv += Math.abs(model.conversions()[k] - truth.conversions()[k]);
      rev += Math.abs(model.revenueMicros()[k] - truth.revenueMicros()[k]);
    }
    return new ErrorAgainstTruth(model.model(), conv, splitConversions > 0 ? conv / splitConversions : 0, rev,
        splitRevenueMicros > 0 ? rev / splitRevenueMicros : 0, split(model.conversions(), truth.conversions()));
  }

  static double split(double[] model, double[] truth) {
    double m = 0;
    double t = 0;
    for (int k = 0; k < truth.length; k++) {
      m += model[k];
      t += truth[k];
    }
    if (m == 0 || t == 0) {
      return m == t ? 0 : 1;
    }
    double d = 0;
    for (int k = 0; k < truth.length; k++) {
      d += Math.abs(model[k] / m - truth[k] / t);
    }
    return d / 2;
  }
}
