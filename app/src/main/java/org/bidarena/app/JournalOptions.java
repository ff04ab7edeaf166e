package org.bidarena.app;

import java.nio.file.Files;
import org.bidarena.cluster.JournalSettings;
import picocli.CommandLine.Option;

/** Where an analysis command reads a run's journal: the run folder's H2 file, or a PostgreSQL database. */
final class JournalOptions {
  @Option(names = "--jdbc-url", paramLabel = "URL",
      description = "Read the journal from this PostgreSQL database (jdbc:postgresql://HOST:PORT/DB) instead of"
          + " DIR/journal. The run folder still supplies the scenario.")
  String url;

  @Option(names = "--jdbc-user", paramLabel = "USER", defaultValue = "${env:BIDARENA_PG_USER:-postgres}",
      description = "The database user with --jdbc-url (default: env BIDARENA_PG_USER, else postgres).")
  String user;

  @Option(names = "--jdbc-password", paramLabel = "PASSWORD", defaultValue = "${env:BIDARENA_PG_PASSWORD:-}",
      description = "The database password with --jdbc-url (default: env BIDARENA_PG_PASSWORD, else none).")
  String password;

  /** The journal of {@code folder}; an H2 journal must already exist, it is never created here. */
  JournalSettings settings(RunFolder folder) {
    if (url != null) {
      if (!url.startsWith("jdbc:postgresql:")) {
        throw new BadInput("--jdbc-url " + url + ": only PostgreSQL URLs (jdbc:postgresql://...) are supported");
      }
      return JournalSettings.postgres(url, user == null ? "" : user, password == null ? "" : password);
    }
    if (!Files.isRegularFile(folder.journalFile())) {
      throw new BadInput(folder.dir() + " has no journal (" + folder.journalFile() + " is missing)");
    }
    JournalSettings h2 = JournalSettings.h2(folder.dir());
    return new JournalSettings(h2.profile(), h2.driverClass(), h2.url() + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r",
        h2.user(), h2.password());
  }

  String describe(RunFolder folder) {
    return url != null ? url : folder.journalFile().toString();
  }
}
