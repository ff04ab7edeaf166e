package org.bidarena.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bidarena.learning.ctr.FtrlProximal;
import org.bidarena.learning.ctr.FtrlSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * FTRL-Proximal updates on pre-hashed examples (no reading, no hashing): ops/s is examples learnt per second
 * on one thread. Two shapes: a run's examples (13 coordinates in 2^18) and an Avazu-like log's (23 in 2^22),
 * with coordinates drawn from a skewed distribution as hashed categorical values are.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@OperationsPerInvocation(FtrlBenchmarks.EXAMPLES)
public class FtrlBenchmarks {
  static final int EXAMPLES = 8192;

  /** "coordinates per example / hash bits". */
  @Param({"13/18", "23/22"})
  public String shape;

  private FtrlProximal ftrl;
  private int[] coords;
  private int[] labels;
  private int perExample;

  @Setup
  public void setUp() {
    String[] p = shape.split("/");
    perExample = Integer.parseInt(p[0]);
    int bits = Integer.parseInt(p[1]);
    ftrl = new FtrlProximal(new FtrlSettings(0.1, 1, 1, 1), bits, perExample);
    SplittableRandom rng = new SplittableRandom(19);
    coords = new int[EXAMPLES * perExample];
    labels = new int[EXAMPLES];
    for (int e = 0; e < EXAMPLES; e++) {
      coords[e * perExample] = 0;
      for (int k = 1; k < perExample; k++) {
        // A skewed value per field: a few values most of the time, a long tail the rest.
        double u = rng.nextDouble();
        int value = (int) (Math.pow(u, 4) * (1 << (bits - 5)));
        coords[e * perExample + k] = (int) ((k * 0x9E3779B1L + value * 0x85EBCA77L) & ((1L << bits) - 1));
      }
      labels[e] = rng.nextInt(20) == 0 ? 1 : 0;
    }
  }

  @Benchmark
  public double update() {
    double sum = 0;
    for (int e = 0; e < EXAMPLES; e++) {
      sum += ftrl.update(coords, e * perExample, perExample, labels[e]);
    }
    return sum;
  }
}
