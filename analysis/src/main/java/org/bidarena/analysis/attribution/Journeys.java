package org.bidarena.analysis.attribution;

import java.util.Arrays;

/**
 * Every customer's touch paths, cut at conversions: journey j holds the touches that led to one conversion, or
 * the touches after a customer's last conversion (a journey that did not convert), in tick order, each touch
 * as its key.
 *
 * <p>The path window: a conversion's journey holds the touches after the customer's previous conversion up to
 * and including the conversion's tick (a touch and a purchase at one tick are one page view, the ad shown
 * first), and with a lookback of L ticks only those less than L ticks old. So no touch is counted for two
 * conversions. Every customer ends with one journey that did not convert, often without touches: those are the
 * paths without ads that the data-driven models compare against.
 */
public final class Journeys {
  /** No lookback limit: a conversion's path starts after the customer's previous conversion. */
  public static final int SINCE_PREVIOUS_CONVERSION = 0;

  private final Keys keys;
  private final int[] start;
  private final int[] key;
  private final int[] tick;
  private final int[] conversionTick;
  private final long[] value;

  private Journeys(Keys keys, int[] start, int[] key, int[] tick, int[] conversionTick, long[] value) {
    this.keys = keys;
    this.start = start;
    this.key = key;
    this.tick = tick;
    this.conversionTick = conversionTick;
    this.value = value;
  }

  /** Cuts {@code log} into journeys, each touch keyed by {@code keys}; a touch without a key is left out. */
  public static Journeys of(TouchLog log, Keys keys, int lookbackTicks) {
    if (lookbackTicks < 0) {
      throw new IllegalArgumentException("lookback must be >= 0 ticks, was " + lookbackTicks);
    }
    int customers = log.customers();
    int[] touchAt = byCustomer(customers, log.touches(), log::touchCustomer, log::touchTick);
    int[] touchFrom = from(customers, log.touches(), log::touchCustomer);
    int[] convAt = byCustomer(customers, log.conversions(), log::conversionCustomer, log::conversionTick);
    int[] convFrom = from(customers, log.conversions(), log::conversionCustomer);
    int journeys = customers + log.conversions();
    int[] start = new int[journeys + 1];
    int[] key = new int[log.touches()];
    int[] tick = new int[log.touches()];
    int[] conversionTick = new int[journeys];
    long[] value = new long[journeys];
    int j = 0;
    int n = 0;
    for (int c = 0; c < customers; c++) {
      int t = touchFrom[c];
      for (int v = convFrom[c]; v <= convFrom[c + 1]; v++) {
        boolean converts = v < convFrom[c + 1];
        int at = converts ? log.conversionTick(convAt[v]) : Integer.MAX_VALUE;
        start[j] = n;
        for (; t < touchFrom[c + 1] && log.touchTick(touchAt[t]) <= at; t++) {
          int i = touchAt[t];
          int k = keys.of(log, i);
          boolean recent = !converts || lookbackTicks == 0 || at - log.touchTick(i) < lookbackTicks;
          if (k >= 0 && recent) {
            key[n] = k;
            tick[n] = log.touchTick(i);
            n++;
          }
        }
        conversionTick[j] = converts ? at : -1;
        value[j] = converts ? log.conversionValue(convAt[v]) : 0;
        j++;
      }
    }
    start[journeys] = n;
    return new Journeys(keys, start, Arrays.copyOf(key, n), Arrays.copyOf(tick, n), conversionTick, value);
  }

  private interface Column {
    int at(int row);
  }

  /** Row numbers grouped by customer (a stable counting sort), each customer's rows in tick order. */
  private static int[] byCustomer(int customers, int rows, Column customer, Column tick) {
    int[] from = from(customers, rows, customer);
    int[] next = Arrays.copyOf(from, customers);
    int[] out = new int[rows];
    for (int r = 0; r < rows; r++) {
      out[next[customer.at(r)]++] = r;
    }
    for (int c = 0; c < customers; c++) {
      boolean sorted = true;
      for (int r = from[c] + 1; r < from[c + 1] && sorted; r++) {
        sorted = tick.at(out[r - 1]) <= tick.at(out[r]);
      }
      if (!sorted) {
        // Rows given out of tick order: sort this customer's by (tick, row), which keeps ties stable.
        long[] packed = new long[from[c + 1] - from[c]];
        for (int r = 0; r < packed.length; r++) {
          packed[r] = ((long) tick.at(out[from[c] + r]) << 32) | out[from[c] + r];
        }
        Arrays.sort(packed);
        for (int r = 0; r < packed.length; r++) {
          out[from[c] + r] = (int) packed[r];
        }
      }
    }
    return out;
  }

  private static int[] from(int customers, int rows, Column customer) {
    int[] from = new int[customers + 1];
    for (int r = 0; r < rows; r++) {
      from[customer.at(r) + 1]++;
    }
    for (int c = 0; c < customers; c++) {
      from[c + 1] += from[c];
    }
    return from;
  }

  public Keys keys() {
    return keys;
  }

  public int size() {
    return conversionTick.length;
  }

  public int touches() {
    return key.length;
  }

  /** Journey j's touches are positions {@code start(j)} .. {@code start(j + 1) - 1}. */
  public int start(int j) {
    return start[j];
  }

  public int length(int j) {
    return start[j + 1] - start[j];
  }

  public int key(int position) {
    return key[position];
  }

  public int tick(int position) {
    return tick[position];
  }

  public boolean converted(int j) {
    return conversionTick[j] >= 0;
  }

  /** The conversion's tick, or -1 for a journey that did not convert. */
  public int conversionTick(int j) {
    return conversionTick[j];
  }

  public long value(int j) {
    return value[j];
  }

  /** Conversions whose journey has at least one touch: what the models distribute. */
  public long touchedConversions() {
    long n = 0;
    for (int j = 0; j < size(); j++) {
      if (converted(j) && length(j) > 0) {
        n++;
      }
    }
    return n;
  }

  /** The revenue of {@link #touchedConversions}, micro-units. */
  public long touchedRevenue() {
    long sum = 0;
    for (int j = 0; j < size(); j++) {
      if (converted(j) && length(j) > 0) {
        sum += value[j];
      }
    }
    return sum;
  }
}
