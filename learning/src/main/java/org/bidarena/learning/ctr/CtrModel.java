package org.bidarena.learning.ctr;

/**
 * A click-through-rate model: a {@link FeatureLayout} and the {@link FtrlProximal} learner over its
 * coordinates. Scoring an example by its field values encodes it into a buffer the model owns, so one
 * instance serves one thread.
 */
public final class CtrModel {
  private final FeatureLayout layout;
  private final FtrlProximal ftrl;
  private final int[] x;
  private final long[] scratch;

  public CtrModel(FeatureLayout layout, FtrlSettings settings) {
    this(layout, new FtrlProximal(settings, layout.hashBits(), layout.maxFeatures()));
  }

  CtrModel(FeatureLayout layout, FtrlProximal ftrl) {
    this.layout = layout;
    this.ftrl = ftrl;
    this.x = new int[layout.maxFeatures()];
    this.scratch = new long[layout.fields().size()];
  }

  public FeatureLayout layout() {
    return layout;
  }

  public FtrlProximal ftrl() {
    return ftrl;
  }

  /** The click probability of an example given by its field values (in layout order; empty = absent). */
  public double predict(String[] values) {
    return ftrl.predict(x, layout.encode(values, x, scratch));
  }

  /** Learns one example given by its field values; returns the probability it had before. */
  public double learn(String[] values, int label) {
    return ftrl.update(x, layout.encode(values, x, scratch), label);
  }
}
