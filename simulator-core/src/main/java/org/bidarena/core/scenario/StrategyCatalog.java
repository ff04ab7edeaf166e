package org.bidarena.core.scenario;

import java.util.List;
import java.util.Optional;

/**
 * The strategies a scenario may name: what the scenario loader asks ("is this strategy known, and which
 * settings does it take?"). The core names no strategy itself.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} (a {@code META-INF/services} file naming
 * the class, which needs a public no-argument constructor): the agents module provides one. Every provider
 * on the class path is merged into {@link #installed()}, sorted by strategy name, so the result does not
 * depend on class-path order, and a name offered twice is refused. A caller that wants other strategies
 * passes its own catalog to {@link ScenarioLoader} instead.
 */
public interface StrategyCatalog {
  /** Every strategy, sorted by name, each name once. */
  List<StrategyDeclaration> strategies();

  default Optional<StrategyDeclaration> find(String name) {
    return strategies().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  default List<String> names() {
    return strategies().stream().map(StrategyDeclaration::name).toList();
  }

  /** The merged catalog of every provider on the class path; empty when there is none. */
  static StrategyCatalog installed() {
    return InstalledCatalog.Holder.INSTANCE;
  }

  /** A catalog of exactly these declarations (checked as {@link #installed} is). */
  static StrategyCatalog of(List<? extends StrategyDeclaration> strategies) {
    List<StrategyDeclaration> sorted = InstalledCatalog.checked(strategies);
    return () -> sorted;
  }
}
