package org.bidarena.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;

/**
 * Where the journal lives: an embedded H2 file in the run folder, or one schema of a PostgreSQL database.
 *
 * <p>One PostgreSQL database holds many runs, each in its own schema ({@link #schema}), so that every run
 * starts on a clean journal and a digest never mixes two runs. The schema is selected with the JDBC
 * URL's {@code currentSchema} parameter; the tables are unqualified.
 */
public record JournalSettings(String profile, String driverClass, String url, String user, String password, String schema) {

  /** The H2 database file {@code DIR/journal/bidarena.mv.db}. */
  public static JournalSettings h2(Path runDir) {
    Path db = runDir.toAbsolutePath().resolve("journal").resolve("bidarena");
    // H2 must not close itself in its own shutdown hook: Pekko's coordinated shutdown still writes then, and
    // each write would print a "Database is already closed" trace on Ctrl-C or SIGTERM.
    return new JournalSettings("slick.jdbc.H2Profile$", "org.h2.Driver", "jdbc:h2:file:" + db + ";DB_CLOSE_ON_EXIT=FALSE",
        "sa", "", null);
  }

  /** A run's schema in a PostgreSQL database; {@code schema} is a lower-case SQL identifier. */
  public static JournalSettings postgres(String databaseUrl, String user, String password, String schema) {
    if (!databaseUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("the PostgreSQL URL must start with jdbc:postgresql: (got " + databaseUrl + ")");
    }
    if (databaseUrl.contains("currentSchema=")) {
      throw new IllegalArgumentException("the PostgreSQL URL must not set currentSchema: each run gets its own schema");
    }
    if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("'" + schema + "' is not a valid schema name");
    }
    return new JournalSettings("slick.jdbc.PostgresProfile$", "org.postgresql.Driver", databaseUrl, user,
        password == null ? "" : password, schema);
  }

  /** The same H2 database, opened only if it exists and only for reading (the analysis commands). */
  public JournalSettings readOnly() {
    if (isPostgres()) {
      return this;
    }
    return new JournalSettings(profile, driverClass, url + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r", user, password, null);
  }

  public boolean isPostgres() {
    return schema != null;
  }

  /** The URL the journal connects with: the database URL, narrowed to the run's schema on PostgreSQL. */
  public String connectionUrl() {
    if (!isPostgres()) {
      return url;
    }
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** Configuration of the JDBC journal, snapshot store and read journal over one shared pool. */
  public Config toConfig() {
    String db = "pekko-persistence-jdbc.shared-databases.slick";
    return ConfigFactory.empty()
        .withValue(db + ".profile", ConfigValueFactory.fromAnyRef(profile))
        .withValue(db + ".db.url", ConfigValueFactory.fromAnyRef(connectionUrl()))
        .withValue(db + ".db.user", ConfigValueFactory.fromAnyRef(user))
        .withValue(db + ".db.password", ConfigValueFactory.fromAnyRef(password))
        .withValue(db + ".db.driver", ConfigValueFactory.fromAnyRef(driverClass));
  }

  /** For messages: never shows the password. */
  public String describe() {
    return isPostgres() ? url + " (schema " + schema + ")" : url;
  }
}
