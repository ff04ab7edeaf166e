package org.bidarena.analysis.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times attribution over a touch log: cutting the journeys, then each model, repeated; the medians are what
 * {@code bidarena attribute --bench} prints. A benchmark, not a test: nothing here asserts a time.
 */
public final class AttributionBench {
  public static final String JOURNEYS = "journeys";
  public static final String TOTAL = "total";

  private AttributionBench() {}

  /** Median seconds per phase (journeys, each model, total) over {@code repeats} runs. */
  public static Map<String, Double> medians(TouchLog log, Keys keys, List<AttributionModel> models, int repeats) {
    Map<String, List<Double>> seconds = new LinkedHashMap<>();
    for (int r = 0; r < repeats; r++) {
      long start = System.nanoTime();
      Journeys journeys = Journeys.of(log, keys, Journeys.SINCE_PREVIOUS_CONVERSION);
      long cut = System.nanoTime();
      seconds.computeIfAbsent(JOURNEYS, k -> new ArrayList<>()).add((cut - start) / 1e9);
      for (AttributionModel model : models) {
        long from = System.nanoTime();
        Credits credits = model.attribute(journeys);
        if (Double.isNaN(credits.totalConversions())) {
          throw new IllegalStateException(model.name() + " gave NaN");
        }
        seconds.computeIfAbsent(model.name(), k -> new ArrayList<>()).add((System.nanoTime() - from) / 1e9);
      }
      seconds.computeIfAbsent(TOTAL, k -> new ArrayList<>()).add((System.nanoTime() - start) / 1e9);
    }
    Map<String, Double> out = new LinkedHashMap<>();
    seconds.forEach((phase, values) -> out.put(phase, median(values)));
    return out;
  }

  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
