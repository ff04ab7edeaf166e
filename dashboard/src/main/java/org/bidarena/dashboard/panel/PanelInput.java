package org.bidarena.dashboard.panel;

import org.bidarena.analysis.metrics.RunSummary;
import org.bidarena.core.scenario.Scenario;

/** What a panel is drawn from: the scenario, the metrics snapshot and the measured auction rate. */
public record PanelInput(Scenario scenario, RunSummary totals, double auctionsPerSecond) {}
