package org.bidarena.analysis.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The absorbing Markov chain of order k that the journeys with at least one touch trace: a transient state is
 * the tuple of a journey's last (up to) k keys, after a start state; each journey ends in the conversion state
 * or the null state. A journey a, b, c of order 2 walks start -> (a) -> (a,b) -> (b,c) -> conversion. Each
 * transition's probability is its count over its state's outgoing count, and every observed state reaches an
 * absorbing one (the journey that entered it went on to one), so the chain is absorbing and its linear system
 * has one solution.
 */
public final class MarkovChain {
  public static final int START = 0;
  /** Target codes of the absorbing states in {@link #transitions}. */
  public static final int CONVERSION = -1;
  public static final int NULL = -2;

  private final Keys keys;
  private final int order;
  private final List<int[]> states;
  /** Sorted transitions, each {@code from, to} with its count, to = a state, CONVERSION or NULL. */
  private final int[] from;
  private final int[] to;
  private final long[] count;
  private final long[] outgoing;

  private MarkovChain(Keys keys, int order, List<int[]> states, int[] from, int[] to, long[] count) {
    this.keys = keys;
    this.order = order;
    this.states = states;
    this.from = from;
    this.to = to;
    this.count = count;
    this.outgoing = new long[states.size()];
    for (int t = 0; t < from.length; t++) {
      outgoing[from[t]] += count[t];
    }
  }

  /** The chain of {@code order} (1 or more) over {@code journeys}. */
  public static MarkovChain of(Journeys journeys, int order) {
    if (order < 1) {
      throw new IllegalArgumentException("a Markov chain's order must be >= 1, was " + order);
    }
    int base = journeys.keys().size() + 1;
    if (order * (Math.log(base) / Math.log(2)) > 62) {
      throw new IllegalArgumentException("order " + order + " over " + (base - 1) + " keys is too large");
    }
    List<int[]> states = new ArrayList<>();
    states.add(new int[0]);
    Map<Long, Integer> ids = new HashMap<>();
    int absorbing = 2;
    // Each transition packed as (from << 32 | to + absorbing), so that one sort groups and orders them.
    long[] steps = new long[journeys.touches() + journeys.size()];
    int n = 0;
    for (int j = 0; j < journeys.size(); j++) {
      int len = journeys.length(j);
      if (len == 0) {
        continue;
      }
      int first = journeys.start(j);
      int previous = START;
      for (int p = 0; p < len; p++) {
        int lo = Math.max(0, p - order + 1);
        long code = 0;
        for (int q = p; q >= lo; q--) {
          code = code * base + journeys.key(first + q) + 1;
        }
        Integer id = ids.get(code);
        if (id == null) {
          id = states.size();
          ids.put(code, id);
          int[] tuple = new int[p - lo + 1];
          for (int q = lo; q <= p; q++) {
            tuple[q - lo] = journeys.key(first + q);
          }
          states.add(tuple);
        }
        steps[n++] = ((long) previous << 32) | (id + absorbing);
        previous = id;
      }
      int end = journeys.converted(j) ? CONVERSION : NULL;
      steps[n++] = ((long) previous << 32) | (end + absorbing);
    }
    Arrays.sort(steps, 0, n);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || steps[i] != steps[i - 1]) {
        distinct++;
      }
    }
    int[] from = new int[distinct];
    int[] to = new int[distinct];
    long[] count = new long[distinct];
    int t = -1;
    for (int i = 0; i < n; i++) {
      if (i == 0 || steps[i] != steps[i - 1]) {
        t++;
        from[t] = (int) (steps[i] >>> 32);
        to[t] = (int) steps[i] - absorbing;
      }
      count[t]++;
    }
    return new MarkovChain(journeys.keys(), order, states, from, to, count);
  }

  public Keys keys() {
    return keys;
  }

  public int order() {
    return order;
  }

  /** Transient states, the start state first. */
  public int states() {
    return states.size();
  }

  /** The keys of state s, oldest first; empty for the start state. */
  public int[] tuple(int s) {
    return states.get(s).clone();
  }

  public boolean contains(int s, int key) {
    for (int k : states.get(s)) {
      if (k == key) {
        return true;
      }
    }
    return false;
  }

  public String stateName(int s) {
    if (s == CONVERSION) {
      return "(conversion)";
    }
    if (s == NULL) {
      return "(null)";
    }
    if (s == START) {
      return "(start)";
    }
    StringBuilder b = new StringBuilder();
    for (int k : states.get(s)) {
      b.append(b.length() == 0 ? "" : ">").append(keys.names().get(k));
    }
    return b.toString();
  }

  public int transitions() {
    return from.length;
  }

  public int from(int t) {
    return from[t];
  }

  public int to(int t) {
    return to[t];
  }

  public long count(int t) {
    return count[t];
  }

  public double probability(int t) {
    return (double) count[t] / outgoing[from[t]];
  }
}
