package org.bidarena.core.scenario;

import java.util.Arrays;
import org.bidarena.core.customer.Stage;

/** One number per lifecycle stage, indexed by {@link Stage#ordinal()}. */
public record PerStage(double[] values) {
  public PerStage {
    if (values.length != Stage.COUNT) {
      throw new IllegalArgumentException("need " + Stage.COUNT + " values, got " + values.length);
    }
    values = values.clone();
  }

  public double get(int stage) {
    return values[stage];
  }

  public double get(Stage stage) {
    return values[stage.ordinal()];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PerStage p && Arrays.equals(values, p.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
