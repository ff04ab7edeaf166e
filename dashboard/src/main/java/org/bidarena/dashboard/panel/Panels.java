package org.bidarena.dashboard.panel;

import java.util.List;
import java.util.function.Function;
import org.bidarena.core.scenario.Scenario;

/** The panel registry: each run gets a fresh panel from every factory here, in this order. */
public final class Panels {
  public static final List<Function<Scenario, Panel>> FACTORIES = List.of(
      s -> new TicksPanel(),
      s -> new AgentsPanel(),
      s -> new PacingPanel(),
      s -> new FunnelPanel(),
      s -> new ClearingPricePanel());

  private Panels() {}

  public static List<Panel> forRun(Scenario scenario) {
    return FACTORIES.stream().map(f -> f.apply(scenario)).toList();
  }
}
