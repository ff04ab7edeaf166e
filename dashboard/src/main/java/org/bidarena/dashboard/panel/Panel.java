package org.bidarena.dashboard.panel;

import org.bidarena.analysis.metrics.TickResult;

/**
 * One live panel: the server half of it. It turns the run's metrics snapshot (and, if it needs them, the
 * ticks as they are fed) into a JSON value that the page's renderer of the same {@link #id} draws. Add a
 * panel by listing its factory in {@link Panels} and a renderer under the same id in dashboard.js.
 */
public interface Panel {
  String id();

  /** Each completed tick, in order, as the metrics see it; most panels need only the snapshot. */
  default void onTick(TickResult tick) {}

  /** The panel's figures now, as one JSON value. */
  String json(PanelInput in);
}
