package org.bidarena.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;

/** Where the journal lives: an embedded H2 file in the run folder, or a PostgreSQL database. */
public record JournalSettings(String profile, String driverClass, String url, String user, String password) {

  /** The H2 database file {@code DIR/journal/bidarena.mv.db}. */
  public static JournalSettings h2(Path runDir) {
    Path db = runDir.toAbsolutePath().resolve("journal").resolve("bidarena");
    return new JournalSettings("slick.jdbc.H2Profile$", "org.h2.Driver", "jdbc:h2:file:" + db, "sa", "");
  }

  public static JournalSettings postgres(String url, String user, String password) {
    return new JournalSettings("slick.jdbc.PostgresProfile$", "org.postgresql.Driver", url, user, password);
  }

  /** Configuration of the JDBC journal, snapshot store and read journal over one shared pool. */
  public Config toConfig() {
    String db = "pekko-persistence-jdbc.shared-databases.slick";
    return ConfigFactory.empty()
        .withValue(db + ".profile", ConfigValueFactory.fromAnyRef(profile))
        .withValue(db + ".db.url", ConfigValueFactory.fromAnyRef(url))
        .withValue(db + ".db.user", ConfigValueFactory.fromAnyRef(user))
        .withValue(db + ".db.password", ConfigValueFactory.fromAnyRef(password))
        .withValue(db + ".db.driver", ConfigValueFactory.fromAnyRef(driverClass));
  }
}
