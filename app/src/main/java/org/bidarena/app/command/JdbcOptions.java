package org.bidarena.app.command;

import picocli.CommandLine.Option;

/**
 * The PostgreSQL connection options, shared by the commands that write a journal ({@link JournalOptions})
 * and those that read one ({@link ReadJournalOptions}). Each value is null when not given on the command line.
 */
public final class JdbcOptions {
  @Option(names = "--jdbc-url", paramLabel = "URL",
      description = "The PostgreSQL database, e.g. jdbc:postgresql://127.0.0.1:5432/test (default: for a new run"
          + " $BIDARENA_PG_URL; for an existing run the one its folder records).")
  String url;

  @Option(names = "--jdbc-user", paramLabel = "USER",
      description = "The database user (default: $BIDARENA_PG_USER, else postgres, or the one the run folder records).")
  String user;

  @Option(names = "--jdbc-password", paramLabel = "PASSWORD",
      description = "The database password (default: $BIDARENA_PG_PASSWORD, else empty).")
  String password;

  /** --jdbc-url, or null. */
  public String url() {
    return url;
  }

  /** --jdbc-user, else {@code fallback}. */
  public String userOr(String fallback) {
    return user != null ? user : fallback;
  }

  /** --jdbc-user, else BIDARENA_PG_USER, else postgres. */
  public String user() {
    return userOr(env("BIDARENA_PG_USER", "postgres"));
  }

  /** --jdbc-password, else BIDARENA_PG_PASSWORD, else empty. */
  public String password() {
    return password != null ? password : env("BIDARENA_PG_PASSWORD", "");
  }

  static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
