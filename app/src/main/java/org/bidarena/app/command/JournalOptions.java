package org.bidarena.app.command;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.cluster.JournalSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where a run's journal goes: H2 in the run folder, or PostgreSQL. The PostgreSQL URL, user and password
 * come from the options, else from BIDARENA_PG_URL, BIDARENA_PG_USER and BIDARENA_PG_PASSWORD.
 *
 * <p>Each run gets its own PostgreSQL schema, named after its run id, so one database holds many runs and
 * every run starts on a clean journal. The run folder's {@code journal.conf} records the URL, user and
 * schema (never the password), so that {@code resume DIR} finds the journal again.
 */
public final class JournalOptions {
  public static final String JOURNAL_CONF = "journal.conf";

  @Option(names = "--journal", paramLabel = "h2|postgres",
      description = "The journal: h2 (a file in the run folder) or postgres (default: h2 for run, postgres for node and cluster).")
  String kind;

  @Mixin JdbcOptions jdbc = new JdbcOptions();

  public String kindOr(String defaultKind) {
    String k = kind != null ? kind : defaultKind;
    if (!k.equals("h2") && !k.equals("postgres")) {
      throw new BadInput("--journal " + k + ": use h2 or postgres");
    }
    return k;
  }

  /** The PostgreSQL settings for a run's schema; a missing URL is bad input that says where to set it. */
  public JournalSettings postgres(String schema) {
    String u = jdbc.url() != null ? jdbc.url() : System.getenv("BIDARENA_PG_URL");
    if (u == null || u.isBlank()) {
      throw new BadInput("a PostgreSQL journal needs a database: pass --jdbc-url or set BIDARENA_PG_URL"
          + " (e.g. jdbc:postgresql://127.0.0.1:5432/test)");
    }
    try {
      return JournalSettings.postgres(u, jdbc.user(), jdbc.password(), schema);
    } catch (IllegalArgumentException e) {
      throw new BadInput(e.getMessage());
    }
  }

  /** The journal of a new run in {@code dir}. */
  public JournalSettings forNewRun(Path dir, String defaultKind, String runId) {
    return kindOr(defaultKind).equals("h2") ? JournalSettings.h2(dir) : postgres(schemaOf(runId));
  }

  /** A fresh run id: the folder's name and a random suffix (not simulation randomness: a name). */
  public static String newRunId(Path dir) {
    String name = dir.toAbsolutePath().normalize().getFileName().toString().toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "_");
    if (name.length() > 30) {
      name = name.substring(0, 30);
    }
    byte[] suffix = new byte[4];
    ThreadLocalRandom.current().nextBytes(suffix);
    return name + "_" + HexFormat.of().formatHex(suffix);
  }

  public static String schemaOf(String runId) {
    String id = runId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
    if (!id.matches("[a-z0-9_]{1,50}")) {
      throw new BadInput("run id '" + runId + "': use 1 to 50 letters, digits or underscores");
    }
    return "bidarena_" + id;
  }

  /** Records a PostgreSQL journal in the run folder (H2 needs nothing: its file is in the folder). */
  public static void record(Path dir, JournalSettings journal) throws IOException {
    if (journal.isPostgres()) {
      RunFolder.writeAtomically(dir.resolve(JOURNAL_CONF),
          "# The run's journal, for 'bidarena resume'. The password comes from BIDARENA_PG_PASSWORD or --jdbc-password.\n"
              + "kind = postgres\nurl = \"" + journal.url() + "\"\nuser = \"" + journal.user() + "\"\nschema = \""
              + journal.schema() + "\"\n");
    }
  }

  /** The journal recorded in a run folder: its journal.conf, else the H2 file. */
  public JournalSettings recorded(Path dir) {
    Path conf = dir.resolve(JOURNAL_CONF);
    if (!Files.isRegularFile(conf)) {
      return JournalSettings.h2(dir);
    }
    try {
      Config c = ConfigFactory.parseFile(conf.toFile());
      if (!c.hasPath("kind") || !c.getString("kind").equals("postgres")) {
        throw new BadInput(conf + " is damaged: kind must be postgres (an H2 run has no journal.conf)");
      }
      return JournalSettings.postgres(jdbc.url() != null ? jdbc.url() : c.getString("url"),
          jdbc.userOr(c.getString("user")), jdbc.password(), c.getString("schema"));
    } catch (com.typesafe.config.ConfigException | IllegalArgumentException e) {
      throw new BadInput(conf + " is damaged: " + e.getMessage().replace('\n', ' ')
          + "; it must give kind = postgres, url, user and schema (a lower-case SQL name)");
    }
  }
}
