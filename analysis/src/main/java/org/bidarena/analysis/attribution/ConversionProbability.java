package org.bidarena.analysis.attribution;

/**
 * The probability that a {@link MarkovChain} started in its start state ends in conversion, solved exactly: with
 * p(s) the probability from state s, p = Q p + r (Q the transitions between transient states, r those to
 * conversion), so (I - Q) p = r, solved by Gaussian elimination with partial pivoting. Removing a key sends every
 * state that holds it to the null state (its p is 0), which is the removal effect's counterfactual.
 */
public final class ConversionProbability {
  /** Dense elimination costs states^3: beyond this a run is refused rather than left computing for hours. */
  public static final int MAX_STATES = 2000;

  private ConversionProbability() {}

  /** P(conversion) from the start state with {@code removedKey}'s states sent to null; -1 removes nothing. */
  public static double of(MarkovChain chain, int removedKey) {
    int states = chain.states();
    if (states > MAX_STATES) {
      throw new IllegalArgumentException("the order-" + chain.order() + " chain has " + states
          + " states, more than " + MAX_STATES + " (fewer keys or a lower order)");
    }
    // Variables: the states kept; a removed state's p is 0 and drops out.
    int[] index = new int[states];
    int n = 0;
    for (int s = 0; s < states; s++) {
      index[s] = removedKey >= 0 && chain.contains(s, removedKey) ? -1 : n++;
    }
    if (index[MarkovChain.START] < 0) {
      return 0;
    }
    double[][] a = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      a[i][i] = 1;
    }
    for (int t = 0; t < chain.transitions(); t++) {
      int row = index[chain.from(t)];
      if (row < 0) {
        continue;
      }
      int to = chain.to(t);
      double p = chain.probability(t);
      if (to == MarkovChain.CONVERSION) {
        a[row][n] += p;
      } else if (to >= 0 && index[to] >= 0) {
        a[row][index[to]] -= p;
      }
    }
    return solve(a, n)[index[MarkovChain.START]];
  }

  /** Solves the augmented system a (n rows, column n the right-hand side). */
  static double[] solve(double[][] a, int n) {
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
          pivot = r;
        }
      }
      double[] swap = a[c];
      a[c] = a[pivot];
      a[pivot] = swap;
      double d = a[c][c];
      if (d == 0) {
        throw new IllegalStateException("singular chain: a state reaches no absorbing state");
      }
      for (int r = c + 1; r < n; r++) {
        double f = a[r][c] / d;
        if (f != 0) {
          double[] row = a[r];
          double[] top = a[c];
          for (int k = c; k <= n; k++) {
            row[k] -= f * top[k];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = a[r][n];
      for (int k = r + 1; k < n; k++) {
        s -= a[r][k] * x[k];
      }
      x[r] = s / a[r][r];
    }
    return x;
  }
}
