package org.bidarena.analysis.ipinyou;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.metrics.RunSummary;

/**
 * The {@code run.json} of a log-replay benchmark: what each exchange partition replayed (algorithm, c0, its
 * tuned setting, the episode budget) and, once finished, the journal's digest. With it, the journal alone
 * gives back the benchmark's table: the figures come from the journaled auctions, the labels from here.
 *
 * @param status {@code running} while the benchmark runs, {@code complete} when its table is written
 * @param digest the journal digest, empty while running
 * @param partitions in partition order: partition p is {@code partitions.get(p)}
 */
public record IpinyouBenchmarkManifest(
    String status, String data, int episode, int episodes, long seed, String digest, List<Partition> partitions) {
  public static final String KIND = "ipinyou-benchmark";
  public static final String RUNNING = "running";
  public static final String COMPLETE = "complete";

  /** One exchange partition: one algorithm at one budget ratio. {@code setting} is empty until tuned. */
  public record Partition(String algorithm, String c0, String setting, long budget) {
    /** The agent id its auctions are journaled under. */
    public String agent() {
      return algorithm + "@" + c0;
    }
  }

  public IpinyouBenchmarkManifest {
    partitions = List.copyOf(partitions);
  }

  public IpinyouBenchmarkManifest complete(String digest, List<IpinyouBenchmarkRow> rows) {
    List<Partition> tuned = new ArrayList<>();
    for (IpinyouBenchmarkRow r : rows) {
      tuned.add(new Partition(r.algorithm(), r.c0(), r.setting(), r.budget()));
    }
    return new IpinyouBenchmarkManifest(COMPLETE, data, episode, episodes, seed, digest, tuned);
  }

  public String toJson() {
    StringBuilder b = new StringBuilder("{\n");
    b.append("  \"format\": 1,\n");
    b.append("  \"kind\": \"").append(KIND).append("\",\n");
    b.append("  \"status\": \"").append(status).append("\",\n");
    b.append("  \"data\": ").append(RunSummary.quote(data)).append(",\n");
    b.append("  \"episode\": ").append(episode).append(",\n");
    b.append("  \"episodes\": ").append(episodes).append(",\n");
    b.append("  \"seed\": ").append(seed).append(",\n");
    b.append("  \"digest\": \"").append(digest).append("\",\n");
    b.append("  \"partitions\": [\n");
    for (int p = 0; p < partitions.size(); p++) {
      Partition x = partitions.get(p);
      b.append("    {\"partition\": ").append(p).append(", \"algorithm\": ").append(RunSummary.quote(x.algorithm()))
          .append(", \"c0\": ").append(RunSummary.quote(x.c0())).append(", \"setting\": ")
          .append(RunSummary.quote(x.setting())).append(", \"budget\": ").append(x.budget()).append('}')
          .append(p + 1 < partitions.size() ? ",\n" : "\n");
    }
    b.append("  ]\n}\n");
    return b.toString();
  }

  /** Reads a benchmark's run.json; anything missing or malformed is one line of bad input. */
  public static IpinyouBenchmarkManifest read(Path runJson) {
    try {
      Config c = ConfigFactory.parseString(Files.readString(runJson),
          ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
      if (!KIND.equals(c.getString("kind"))) {
        throw new BadInput(runJson + " is not the run.json of a benchmark (kind " + c.getString("kind") + ")");
      }
      List<Partition> partitions = new ArrayList<>();
      List<? extends Config> list = c.getConfigList("partitions");
      for (int p = 0; p < list.size(); p++) {
        Config x = list.get(p);
        if (x.getInt("partition") != p) {
          throw new BadInput(runJson + " is damaged: partition " + x.getInt("partition") + " listed in place " + p);
        }
        partitions.add(new Partition(x.getString("algorithm"), x.getString("c0"), x.getString("setting"),
            x.getLong("budget")));
      }
      return new IpinyouBenchmarkManifest(c.getString("status"), c.getString("data"), c.getInt("episode"),
          c.getInt("episodes"), c.getLong("seed"), c.getString("digest"), partitions);
    } catch (IOException e) {
      throw new BadInput(runJson + " cannot be read: " + e.getMessage());
    } catch (ConfigException e) {
      throw new BadInput(runJson + " is damaged: " + BadInput.rootMessage(e));
    }
  }

  /** The summary.json of the benchmark: the rows and where they came from. */
  public String summaryJson(List<IpinyouBenchmarkRow> rows) {
    StringBuilder json = new StringBuilder("{\n  \"kind\": \"").append(KIND).append("\",\n");
    json.append("  \"data\": ").append(RunSummary.quote(data)).append(",\n");
    json.append("  \"episode\": ").append(episode).append(",\n  \"seed\": ").append(seed).append(",\n");
    json.append("  \"digest\": \"").append(digest).append("\",\n  \"rows\": [\n");
    for (int i = 0; i < rows.size(); i++) {
      json.append("    ").append(rows.get(i).json()).append(i + 1 < rows.size() ? ",\n" : "\n");
    }
    json.append("  ]\n}\n");
    return json.toString();
  }

  public static String csv(List<IpinyouBenchmarkRow> rows) {
    StringBuilder csv = new StringBuilder(IpinyouBenchmarkRow.CSV_HEADER);
    rows.forEach(r -> csv.append(r.csv()));
    return csv.toString();
  }
}
