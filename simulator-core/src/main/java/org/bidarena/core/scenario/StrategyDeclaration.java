package org.bidarena.core.scenario;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bidarena.core.customer.Stage;

/**
 * What a scenario may say about one bidding strategy: its name, its settings, the stages it bids on unless
 * told otherwise, and which settings must not cross. The agents module declares its strategies; the
 * scenario loader validates agent blocks against them and knows no strategy itself.
 */
public interface StrategyDeclaration {
  /** The name an agent block gives as {@code strategy}: lower-case words joined by '-'. */
  String name();

  /** The settings it reads, in the order a resolved scenario lists them. */
  List<Setting> settings();

  /** The stages an agent bids on when it gives no {@code stages}. */
  default Set<Stage> defaultStages() {
    return EnumSet.allOf(Stage.class);
  }

  /**
   * Checks what the settings' ranges cannot, such as a file an agent's setting names (default: nothing).
   *
   * @throws IllegalArgumentException with one line on what is wrong, which the loader reports as bad input
   */
  default void check(AgentSpec agent) {}

  /** Pairs of settings where the first must not exceed the second. */
  default List<AtMost> orderings() {
    return List.of();
  }

  /** Setting {@code low} must be at most setting {@code high}. */
  record AtMost(String low, String high) {}
}
