package org.bidarena.allocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Allocators side by side on the same seeds: each allocator plays seeds firstSeed..firstSeed+seeds-1, each on
 * a fresh market of that seed, so every allocator meets the same noise (a paired comparison). PPO is trained
 * once, from the scenario seed, before any seed is played.
 */
public final class Comparison {
  /** Told every finished day, and every finished seed. */
  public interface Listener {
    default void onPpoEpisode(int done, int total, double meanReward) {}

    default void onDay(String allocator, long seed, DayRecord record) {}

    default void onSeed(SeedResult result) {}
  }

  private Comparison() {}

  public static Map<String, List<SeedResult>> run(AllocationSettings settings, double margin, long scenarioSeed,
      int days, long firstSeed, int seeds, List<String> allocators, History history, Listener listener) {
    Bounds bounds = settings.bounds();
    PpoAllocator ppo = allocators.contains("ppo")
        ? PpoAllocator.train(settings, margin, scenarioSeed, days, listener::onPpoEpisode) : null;
    Optimum optimum = new Optimum(bounds, settings.optimumSteps());
    Map<String, List<SeedResult>> out = new LinkedHashMap<>();
    for (String name : allocators) {
      List<SeedResult> list = new ArrayList<>();
      for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
        ChannelMarket market = new ChannelMarket(settings.channels(), seed, settings.orderValueMicros(), margin, days);
        Allocator allocator = Allocators.create(name, settings, bounds, seed, history, ppo);
        long s = seed;
        List<DayRecord> records = AllocationRun.run(allocator, market, bounds, optimum, days,
            r -> listener.onDay(name, s, r));
        SeedResult result = new SeedResult(name, seed, records, market, allocator);
        list.add(result);
        listener.onSeed(result);
      }
      out.put(name, list);
    }
    return out;
  }
}
