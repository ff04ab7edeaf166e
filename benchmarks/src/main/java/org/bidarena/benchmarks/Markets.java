package org.bidarena.benchmarks;

import java.util.List;
import org.bidarena.core.protocol.VisitBatch;
import org.bidarena.core.random.SeededStreams;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;

/** The market the microbenchmarks work on: the default model with 8 agents and one big batch. */
final class Markets {
  static final int AGENTS = 8;
  static final int AUCTIONS = 10_000;

  private Markets() {}

  static Scenario scenario() {
    return ScenarioLoader.loadDefault(List.of(
        "customers.count=100000", "customers.shards=1", "exchange.partitions=1",
        "agents={a0{strategy=aggressive},a1{strategy=conservative},a2{strategy=retargeting},a3{strategy=adaptive},"
            + "a4{strategy=random},a5{strategy=fixed},a6{strategy=aggressive},a7{strategy=adaptive}}"), 1L);
  }

  /** {@link #AUCTIONS} visits of distinct customers with stages and frequencies drawn from the seed. */
  static VisitBatch visits(Scenario scenario) {
    SeededStreams streams = new SeededStreams(scenario.seed());
    VisitBatch.Builder out = new VisitBatch.Builder(AUCTIONS);
    for (int i = 0; i < AUCTIONS; i++) {
      out.visit(i * 10, (byte) SeededStreams.below(streams.bits(SeededStreams.Stream.VISIT, i, 1), 6));
      int clicked = i % 50 == 0 ? i % AGENTS : -1;
      for (int a = 0; a < AGENTS; a++) {
        byte frequency = (byte) SeededStreams.below(streams.bits(SeededStreams.Stream.VISIT, i, a + 2), 10);
        if (frequency > 0 || a == clicked) {
          out.memory(a, frequency, VisitBatch.NEVER, a == clicked ? -1 : VisitBatch.NEVER);
        }
      }
    }
    return out.build();
  }
}
