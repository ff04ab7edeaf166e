package org.bidarena.allocation;

/** The baseline: the same split every day, even or as each channel's {@code share} gives it. */
public final class FixedAllocator implements Allocator {
  private final Bounds bounds;

  public FixedAllocator(Bounds bounds) {
    this.bounds = bounds;
  }

  @Override
  public String name() {
    return "fixed";
  }

  @Override
  public Decision decide(int day, double[] previous) {
    double[] shares = bounds.project(bounds.fixedSplit(), previous);
    String[] details = new String[shares.length];
    java.util.Arrays.fill(details, "");
    return new Decision(shares, shares.clone(), details);
  }

  @Override
  public void observe(int day, double[] shares, Outcome[] outcomes) {}
}
