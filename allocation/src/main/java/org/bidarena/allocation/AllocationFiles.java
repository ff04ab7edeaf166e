package org.bidarena.allocation;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bidarena.core.scenario.Money;

/**
 * The files of {@code bidarena allocate}: plan.csv (each day's split and the score behind each share),
 * allocations.csv (what each channel spent and returned, and the optimum's budget) and totals.csv (one row
 * per allocator and seed). Money is written exactly, from micros, with 6 decimals.
 */
public final class AllocationFiles {
  private AllocationFiles() {}

  public static void write(Path dir, List<SeedResult> results, double margin) throws IOException {
    Files.createDirectories(dir);
    try (Writer plan = Files.newBufferedWriter(dir.resolve("plan.csv"), StandardCharsets.UTF_8);
        Writer alloc = Files.newBufferedWriter(dir.resolve("allocations.csv"), StandardCharsets.UTF_8);
        Writer totals = Files.newBufferedWriter(dir.resolve("totals.csv"), StandardCharsets.UTF_8)) {
      plan.write("allocator,seed,day,channel,share,budget,score,posterior\n");
      alloc.write("allocator,seed,day,channel,spend,clicks,conversions,revenue,optimal_budget,day_expected_profit,"
          + "day_optimal_profit,day_regret\n");
      totals.write("allocator,seed,days,spend,revenue,conversions,roas,profit,regret,first_week_regret\n");
      for (SeedResult r : results) {
        List<ChannelSpec> channels = r.market().channels();
        for (DayRecord d : r.days()) {
          for (int i = 0; i < channels.size(); i++) {
            Outcome o = d.outcomes()[i];
            plan.write(String.format(Locale.ROOT, "%s,%d,%d,%s,%.6f,%s,%.6f,%s%n", r.allocator(), r.seed(), d.day(),
                channels.get(i).id(), d.shares()[i], Money.format(d.budgets()[i]), d.scores()[i],
                quote(d.details()[i])));
            alloc.write(String.format(Locale.ROOT, "%s,%d,%d,%s,%s,%d,%d,%s,%s,%.2f,%.2f,%.2f%n", r.allocator(), r.seed(),
                d.day(), channels.get(i).id(), Money.format(o.spendMicros()), o.clicks(), o.conversions(),
                Money.format(o.revenueMicros()), Money.format(d.optimalBudgets()[i]), d.expectedProfit() / 1e6,
                d.optimalProfit() / 1e6, d.regret() / 1e6));
          }
        }
        totals.write(String.format(Locale.ROOT, "%s,%d,%d,%s,%s,%d,%.6f,%.2f,%.2f,%.2f%n", r.allocator(), r.seed(),
            r.days().size(), Money.format(r.spend()), Money.format(r.revenue()), r.conversions(), r.roas(),
            r.profit(margin) / 1e6, r.regret() / 1e6, r.regret(7) / 1e6));
      }
    }
  }

  private static String quote(String s) {
    return s.isEmpty() ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
