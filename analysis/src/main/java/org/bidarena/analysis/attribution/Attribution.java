package org.bidarena.analysis.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One attribution of a run: every chosen model's credits over the run's journeys, beside the ground truth and the
 * run's last click, with each model's error against the truth. Markov models keep their chains and removal effects
 * and Shapley its sampling error, for the files the command writes.
 */
public record Attribution(Keys keys, RunTouches run, long touchedConversions, long touchedRevenueMicros,
    int journeys, int touches, List<Credits> models, List<ErrorAgainstTruth> errors,
    List<MarkovModel.Result> markov, Optional<ShapleyModel.Result> shapley) {

  /** Runs {@code models} over the run's journeys, cut with {@code lookbackTicks} (0: since the previous conversion). */
  public static Attribution of(RunTouches run, Keys keys, List<AttributionModel> models, int lookbackTicks) {
    Journeys journeys = Journeys.of(run.log(), keys, lookbackTicks);
    long conversions = journeys.touchedConversions();
    long revenue = journeys.touchedRevenue();
    List<Credits> credits = new ArrayList<>();
    List<ErrorAgainstTruth> errors = new ArrayList<>();
    List<MarkovModel.Result> markov = new ArrayList<>();
    ShapleyModel.Result shapley = null;
    for (AttributionModel model : models) {
      Credits c;
      if (model instanceof MarkovModel m) {
        MarkovModel.Result r = m.removalEffects(journeys);
        markov.add(r);
        c = m.credits(journeys, r);
      } else if (model instanceof ShapleyModel s) {
        shapley = s.values(journeys);
        c = shapley.credits();
      } else {
        c = model.attribute(journeys);
      }
      credits.add(c);
      errors.add(ErrorAgainstTruth.of(c, run.truth(), conversions, revenue));
    }
    errors.add(ErrorAgainstTruth.of(run.lastClick(), run.truth(), conversions, revenue));
    return new Attribution(keys, run, conversions, revenue, journeys.size(), journeys.touches(), List.copyOf(credits),
        List.copyOf(errors), List.copyOf(markov), Optional.ofNullable(shapley));
  }

  /** The truth, the run's last click and every model, in the order of the table's columns. */
  public List<Credits> columns() {
    List<Credits> all = new ArrayList<>();
    all.add(run.truth());
    all.add(run.lastClick());
    all.addAll(models);
    return all;
  }
}
