package org.bidarena.allocation;

import java.util.List;

/** The allocators by name, as {@code bidarena allocate --allocator} takes them. */
public final class Allocators {
  public static final List<String> NAMES = List.of("fixed", "proportional", "thompson", "ppo");

  private Allocators() {}

  /**
   * A fresh allocator for one seed, with the history as priors. {@code trainedPpo} is the policy to play for
   * "ppo" (trained once, then shared by every seed; it does not learn while it plays).
   */
  public static Allocator create(String name, AllocationSettings s, Bounds bounds, long seed, History history,
      PpoAllocator trainedPpo) {
    Allocator a = switch (name) {
      case "fixed" -> new FixedAllocator(bounds);
      case "proportional" -> new ProportionalAllocator(bounds, s.proportionalWindow(), s.orderValueMicros());
      case "thompson" -> new ThompsonAllocator(bounds, seed, s.thompsonSamples(), s.thompsonDecay(),
          s.thompsonMatching().equals("best"));
      case "ppo" -> trainedPpo.fresh();
      default -> throw new IllegalArgumentException("unknown allocator '" + name + "'; allowed: "
          + String.join(", ", NAMES));
    };
    a.prior(history);
    return a;
  }
}
