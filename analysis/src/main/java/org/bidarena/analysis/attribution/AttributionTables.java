package org.bidarena.analysis.attribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** An {@link Attribution} as the command prints it and as its CSV files. */
public final class AttributionTables {
  public static final String CREDITS_CSV = "attribution.csv";
  public static final String ERRORS_CSV = "attribution-errors.csv";
  public static final String TRANSITIONS_CSV = "markov-transitions.csv";
  public static final String REMOVAL_CSV = "removal-effects.csv";
  public static final List<String> FILES = List.of(CREDITS_CSV, ERRORS_CSV, TRANSITIONS_CSV, REMOVAL_CSV);

  private AttributionTables() {}

  public static String text(Attribution a) {
    RunTouches run = a.run();
    StringBuilder b = new StringBuilder();
    double adCaused = run.truth().totalConversions();
    b.append(f("Attribution by %s: %,d purchases (revenue %,.2f); %,d journeys, %,d touches.%n",
        a.keys().dimension().key(), run.purchases(), run.revenueMicros() / 1e6, a.journeys(), a.touches()));
    b.append(f("The models split the %,d purchases with at least one touch in their path (%.1f%%; revenue %,.2f);"
            + " shapley splits its estimate of the conversions the ads added.%n",
        a.touchedConversions(), pct(a.touchedConversions(), run.purchases()), a.touchedRevenueMicros() / 1e6));
    b.append(f("Ground truth: %.1f purchases caused by ads (%.1f%%), %.1f organic (%.1f%%).%n%n", adCaused,
        pct(adCaused, run.purchases()), run.organicConversions(), pct(run.organicConversions(), run.purchases())));
    List<Credits> columns = a.columns();
    b.append("Conversions credited\n").append(table(a.keys(), columns, false)).append('\n');
    b.append("Revenue credited (currency units)\n").append(table(a.keys(), columns, true)).append('\n');
    b.append("Error against the truth (abs = sum over keys of |model - truth|; share = abs / what the models split;"
        + " split = how differently the model divides its credit between keys, 0..100%)\n");
    b.append(f("%-16s %12s %8s %14s %8s %8s%n", "model", "conv abs", "share", "revenue abs", "share", "split"));
    for (ErrorAgainstTruth e : a.errors()) {
      b.append(f("%-16s %12.1f %7.1f%% %14.2f %7.1f%% %7.1f%%%n", e.model(), e.conversions(),
          100 * e.conversionsShare(), e.revenueMicros() / 1e6, 100 * e.revenueShare(), 100 * e.split()));
    }
    a.shapley().filter(ShapleyModel.Result::sampled).ifPresent(s -> b.append(f(
        "shapley: sampled over %,d permutations; largest standard error %.2f conversions, %.2f revenue%n",
        s.permutations(), s.conversionsError(), s.revenueError() / 1e6)));
    return b.toString();
  }

  private static String table(Keys keys, List<Credits> columns, boolean revenue) {
    StringBuilder b = new StringBuilder();
    int width = Math.max(16, keys.names().stream().mapToInt(String::length).max().orElse(0) + 1);
    b.append(String.format(Locale.ROOT, "%-" + width + "s", "key"));
    for (Credits c : columns) {
      b.append(f(" %14s", c.model()));
    }
    b.append('\n');
    for (int k = 0; k <= keys.size(); k++) {
      b.append(String.format(Locale.ROOT, "%-" + width + "s", k < keys.size() ? keys.names().get(k) : "total"));
      for (Credits c : columns) {
        double v = k < keys.size() ? (revenue ? c.revenueMicros()[k] : c.conversions()[k])
            : (revenue ? c.totalRevenueMicros() : c.totalConversions());
        b.append(f(revenue ? " %14.2f" : " %14.1f", revenue ? v / 1e6 : v));
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** Writes the four CSV files into {@code dir}, which must exist. */
  public static void write(Attribution a, Path dir) throws IOException {
    StringBuilder credits = new StringBuilder("dimension,key,model,conversions,revenue_micros\n");
    for (Credits c : a.columns()) {
      for (int k = 0; k < a.keys().size(); k++) {
        credits.append(f("%s,%s,%s,%.6f,%.1f%n", a.keys().dimension().key(), csv(a.keys().names().get(k)), c.model(),
            c.conversions()[k], c.revenueMicros()[k]));
      }
    }
    StringBuilder errors = new StringBuilder(
        "model,conversions_abs_error,conversions_share,revenue_abs_error_micros,revenue_share,split_error\n");
    for (ErrorAgainstTruth e : a.errors()) {
      errors.append(f("%s,%.6f,%.6f,%.1f,%.6f,%.6f%n", e.model(), e.conversions(), e.conversionsShare(),
          e.revenueMicros(), e.revenueShare(), e.split()));
    }
    StringBuilder transitions = new StringBuilder("order,from,to,count,probability\n");
    StringBuilder removal = new StringBuilder("order,key,removal_effect,conversion_probability,without_key\n");
    for (MarkovModel.Result m : a.markov()) {
      MarkovChain chain = m.chain();
      for (int t = 0; t < chain.transitions(); t++) {
        transitions.append(f("%d,%s,%s,%d,%.9f%n", chain.order(), csv(chain.stateName(chain.from(t))),
            csv(chain.stateName(chain.to(t))), chain.count(t), chain.probability(t)));
      }
      for (int k = 0; k < a.keys().size(); k++) {
        removal.append(f("%d,%s,%.9f,%.9f,%.9f%n", chain.order(), csv(a.keys().names().get(k)),
            m.removalEffect()[k], m.conversionProbability(), m.withoutKey()[k]));
      }
    }
    Files.writeString(dir.resolve(CREDITS_CSV), credits, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(ERRORS_CSV), errors, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(TRANSITIONS_CSV), transitions, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(REMOVAL_CSV), removal, StandardCharsets.UTF_8);
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  private static double pct(double part, double whole) {
    return whole == 0 ? 0 : 100 * part / whole;
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
