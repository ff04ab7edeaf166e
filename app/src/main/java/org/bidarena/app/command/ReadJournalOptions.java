package org.bidarena.app.command;

import java.nio.file.Files;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.cluster.JournalSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where an analysis command reads a run's journal: the run folder's H2 file, the PostgreSQL schema the
 * folder's {@code journal.conf} records, or a PostgreSQL database given on the command line (the run
 * folder still supplies the scenario).
 */
public final class ReadJournalOptions {
  @Mixin JdbcOptions jdbc = new JdbcOptions();

  @Option(names = "--jdbc-schema", paramLabel = "SCHEMA",
      description = "The schema that holds the journal with --jdbc-url (default: the one in DIR/journal.conf,"
          + " else public).")
  String schema;

  /** The journal of {@code folder}; an H2 journal must already exist, it is never created here. */
  public JournalSettings settings(RunFolder folder) {
    boolean recordedPostgres = Files.isRegularFile(folder.dir().resolve(JournalOptions.JOURNAL_CONF));
    String url = jdbc.url();
    if (url != null) {
      if (!url.startsWith("jdbc:postgresql:")) {
        throw new BadInput("--jdbc-url " + url + ": only PostgreSQL URLs (jdbc:postgresql://...) are supported");
      }
      String s = schema != null ? schema
          : recordedPostgres ? new JournalOptions().recorded(folder.dir()).schema() : "public";
      try {
        return JournalSettings.postgres(url, jdbc.user(), jdbc.password(), s);
      } catch (IllegalArgumentException e) {
        throw new BadInput(e.getMessage());
      }
    }
    if (recordedPostgres) {
      return new JournalOptions().recorded(folder.dir());
    }
    if (!Files.isRegularFile(folder.journalFile())) {
      throw new BadInput(folder.dir() + " has no journal (" + folder.journalFile() + " is missing)");
    }
    return JournalSettings.h2(folder.dir()).readOnly();
  }

  public String describe(RunFolder folder) {
    return jdbc.url() != null ? jdbc.url() : folder.journalFile().toString();
  }
}
