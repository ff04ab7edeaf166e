package org.bidarena.learning.ctr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Predicted probabilities with their labels, and the figures that judge them: AUC (ties counted half), log
 * loss (probabilities clipped to [1e-15, 1 - 1e-15]), a calibration table of equal-count bins in predicted
 * order, and the expected calibration error: the bins' |mean predicted - observed| weighted by their counts.
 */
public final class Scores {
  private static final double EPS = 1e-15;
  private double[] p = new double[1024];
  private byte[] y = new byte[1024];
  private int size;

  /** One bin of the calibration table. */
  public record Bin(int count, double meanPredicted, double observed) {}

  public void add(double probability, int label) {
    if (size == p.length) {
      p = Arrays.copyOf(p, size * 2);
      y = Arrays.copyOf(y, size * 2);
    }
    p[size] = probability;
    y[size] = (byte) label;
    size++;
  }

  public int size() {
    return size;
  }

  public long positives() {
    long c = 0;
    for (int i = 0; i < size; i++) {
      c += y[i];
    }
    return c;
  }

  public double logLoss() {
    double sum = 0;
    for (int i = 0; i < size; i++) {
      double q = Math.min(1 - EPS, Math.max(EPS, p[i]));
      sum -= y[i] == 1 ? Math.log(q) : Math.log(1 - q);
    }
    return size == 0 ? Double.NaN : sum / size;
  }

  /** The area under the ROC curve (Mann-Whitney), NaN when one class is missing. */
  public double auc() {
    Integer[] order = sortedOrder();
    long pos = positives();
    long neg = size - pos;
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    double rankSum = 0;
    int i = 0;
    while (i < size) {
      int j = i;
      while (j + 1 < size && p[order[j + 1]] == p[order[i]]) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        rankSum += y[order[k]] == 1 ? midRank : 0;
      }
      i = j + 1;
    }
    return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  /** The calibration table: {@code bins} bins of (nearly) equal count in predicted order. */
  public List<Bin> calibration(int bins) {
    Integer[] order = sortedOrder();
    List<Bin> out = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      int from = (int) ((long) size * b / bins);
      int to = (int) ((long) size * (b + 1) / bins);
      if (to == from) {
        continue;
      }
      double sp = 0;
      double sy = 0;
      for (int k = from; k < to; k++) {
        sp += p[order[k]];
        sy += y[order[k]];
      }
      out.add(new Bin(to - from, sp / (to - from), sy / (to - from)));
    }
    return out;
  }

  /** The expected calibration error over {@code bins} equal-count bins. */
  public double calibrationError(int bins) {
    double e = 0;
    for (Bin b : calibration(bins)) {
      e += b.count() * Math.abs(b.meanPredicted() - b.observed());
    }
    return size == 0 ? Double.NaN : e / size;
  }

  public double meanPredicted() {
    double s = 0;
    for (int i = 0; i < size; i++) {
      s += p[i];
    }
    return s / size;
  }

  public double observedRate() {
    return size == 0 ? Double.NaN : (double) positives() / size;
  }

  private Integer[] sortedOrder() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
    return order;
  }
}
