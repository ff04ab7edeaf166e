package org.bidarena.analysis.ctr;

import java.util.List;
import org.bidarena.agents.ctr.RunFeatures;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.learning.ctr.data.ExampleReader;

/** A run's examples as an {@link ExampleReader}: fields of {@link RunFeatures}, the run's day, the true probability. */
public final class RunExampleReader implements ExampleReader {
  private final RunExampleColumns c;
  private final RunFeatures features;
  private final List<String> agentIds;
  private final String[] values = new String[RunFeatures.FIELDS.size()];
  private int at = -1;

  public RunExampleReader(Scenario scenario, RunExampleColumns columns) {
    this.c = columns;
    this.features = new RunFeatures(scenario);
    this.agentIds = scenario.agents().stream().map(a -> a.id()).toList();
  }

  @Override
  public List<String> fields() {
    return RunFeatures.FIELDS;
  }

  @Override
  public boolean next() {
    if (at + 1 >= c.size()) {
      return false;
    }
    at++;
    features.fill(values, agentIds.get(c.agent(at)), c.stage(at), c.region(at), c.device(at), c.interests(at),
        c.tier(at), c.tick(at), c.frequency(at), c.sinceImpression(at), c.sinceClick(at));
    return true;
  }

  @Override
  public String[] values() {
    return values;
  }

  @Override
  public int label() {
    return c.clicked(at);
  }

  @Override
  public long day() {
    return c.day(at);
  }

  @Override
  public double truth() {
    return c.truth(at);
  }

  @Override
  public long skipped() {
    return 0;
  }

  @Override
  public double progress() {
    return c.size() == 0 ? 1 : (at + 1.0) / c.size();
  }

  @Override
  public void close() {}
}
