package org.bidarena.learning.ctr;

/**
 * FTRL-Proximal logistic regression on binary hashed features (McMahan et al., KDD 2013, Algorithm 1).
 * Per coordinate i it keeps z_i (the accumulated gradient, less the proximal terms) and n_i (the sum of
 * squared gradients); the weight is derived from them when needed:
 *
 * <pre>
 * w_i = 0                                                   if |z_i| <= l1
 * w_i = -(z_i - sign(z_i) l1) / ((beta + sqrt(n_i)) / alpha + l2)   otherwise
 * </pre>
 *
 * An update on (x, y) with p = sigmoid(w . x) and g = p - y for each active coordinate: sigma =
 * (sqrt(n_i + g^2) - sqrt(n_i)) / alpha, z_i += g - sigma w_i, n_i += g^2. So (z, n) and the settings are the
 * whole state: a model saved and loaded continues exactly as one that never stopped.
 */
public final class FtrlProximal {
  private final FtrlSettings settings;
  private final int bits;
  /** z_i at 2i and n_i at 2i + 1: one cache line holds both, and hashed coordinates are far apart. */
  private final double[] zn;
  /** The weights of the example being scored, reused by {@link #update} (one example at a time). */
  private final double[] w;
  /** sqrt(n_i) of the example being scored, reused by {@link #update}. */
  private final double[] rootN;
  private long examples;
  private long clicks;

  public FtrlProximal(FtrlSettings settings, int hashBits, int maxFeatures) {
    this.settings = settings;
    this.bits = hashBits;
    this.zn = new double[2 << hashBits];
    this.w = new double[maxFeatures];
    this.rootN = new double[maxFeatures];
  }

  public FtrlSettings settings() {
    return settings;
  }

  public int hashBits() {
    return bits;
  }

  /** Examples learned so far. */
  public long examples() {
    return examples;
  }

  /** The click probability of an example given by its first {@code count} coordinates. */
  public double predict(int[] x, int count) {
    return predict(x, 0, count);
  }

  /** As {@link #predict(int[], int)}, for the coordinates {@code x[from .. from + count)}. */
  public double predict(int[] x, int from, int count) {
    double dot = 0;
    double l1 = settings.l1();
    for (int k = 0; k < count; k++) {
      int i = x[from + k] << 1;
      double zi = zn[i];
      double root = Math.sqrt(zn[i + 1]);
      rootN[k] = root;
      double wi = zi <= l1 && zi >= -l1 ? 0 : weight(zi, root);
      w[k] = wi;
      dot += wi;
    }
    return sigmoid(dot);
  }

  /** Learns one example (label 0 or 1) and returns the probability it was given before the update. */
  public double update(int[] x, int count, int label) {
    return update(x, 0, count, label);
  }

  /** As {@link #update(int[], int, int)}, for the coordinates {@code x[from .. from + count)}. */
  public double update(int[] x, int from, int count, int label) {
    double p = predict(x, from, count);
    double g = p - label;
    double g2 = g * g;
    double alpha = settings.alpha();
    for (int k = 0; k < count; k++) {
      int i = x[from + k] << 1;
      double ni = zn[i + 1] + g2;
      double sigma = (Math.sqrt(ni) - rootN[k]) / alpha;
      zn[i] += g - sigma * w[k];
      zn[i + 1] = ni;
    }
    examples++;
    clicks += label;
    return p;
  }

  /** The weight of coordinate i, from z and n. */
  public double weight(int i) {
    double zi = zn[2 * i];
    double l1 = settings.l1();
    return zi <= l1 && zi >= -l1 ? 0 : weight(zi, Math.sqrt(zn[2 * i + 1]));
  }

  /** The weight of a coordinate with |z| above l1, given sqrt(n). */
  private double weight(double zi, double rootN) {
    double sign = zi < 0 ? -1 : 1;
    return -(zi - sign * settings.l1()) / ((settings.beta() + rootN) / settings.alpha() + settings.l2());
  }

  public double z(int i) {
    return zn[2 * i];
  }

  public double n(int i) {
    return zn[2 * i + 1];
  }

  /** Sets one coordinate's state (for loading a model file). */
  void set(int i, double zi, double ni) {
    zn[2 * i] = zi;
    zn[2 * i + 1] = ni;
  }

  /** Clicked examples learned so far. */
  public long clicks() {
    return clicks;
  }

  /** The click rate of the examples learned, the model's prior; NaN before any. */
  public double trainingCtr() {
    return examples == 0 ? Double.NaN : (double) clicks / examples;
  }

  void setCounts(long examples, long clicks) {
    this.examples = examples;
    this.clicks = clicks;
  }

  /** The number of coordinates ever touched (n > 0). */
  public int activeCoordinates() {
    int c = 0;
    for (int i = 1; i < zn.length; i += 2) {
      c += zn[i] > 0 ? 1 : 0;
    }
    return c;
  }

  public int size() {
    return zn.length / 2;
  }

  /** A logistic function that saturates instead of overflowing. */
  static double sigmoid(double t) {
    double c = Math.max(-35, Math.min(35, t));
    return 1 / (1 + Math.exp(-c));
  }
}
