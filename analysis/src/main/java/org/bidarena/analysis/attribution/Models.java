package org.bidarena.analysis.attribution;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.attribution.RuleBasedModel.Rule;

/**
 * The attribution models by name: the one place a command, a report, a campaign or an allocator picks a model.
 * {@code markovK} is the Markov chain of order K (1..4).
 */
public final class Models {
  public static final List<String> DEFAULT =
      List.of("last", "first", "linear", "time-decay", "position", "markov1", "markov2", "shapley", "shapley-count");

  private Models() {}

  /** The model named {@code name}; time decay halves a touch's weight every {@code halfLifeTicks}. */
  public static AttributionModel byName(String name, double halfLifeTicks) {
    for (Rule rule : Rule.values()) {
      if (rule.key.equals(name)) {
        return new RuleBasedModel(rule, halfLifeTicks);
      }
    }
    if (name.matches("markov[1-4]")) {
      return new MarkovModel(name.charAt(6) - '0');
    }
    if (name.equals("shapley") || name.equals("shapley-count")) {
      return new ShapleyModel(name.equals("shapley"));
    }
    throw new BadInput("--models: unknown model '" + name + "'; models are last, first, linear, time-decay, position,"
        + " markov1..markov4, shapley, shapley-count");
  }

  /** A comma-separated list of model names, each once, in the order given. */
  public static List<AttributionModel> parse(String list, double halfLifeTicks) {
    List<AttributionModel> out = new ArrayList<>();
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (String name : list.split(",", -1)) {
      String n = name.trim();
      if (n.isEmpty()) {
        throw new BadInput("--models " + list + ": an empty model name; give a list such as last,linear,markov1");
      }
      if (!names.add(n)) {
        throw new BadInput("--models " + list + ": model '" + n + "' is given twice");
      }
      out.add(byName(n, halfLifeTicks));
    }
    return out;
  }
}
