package org.bidarena.app.analysis;

import picocli.CommandLine.Option;

/** The one switch every analysis command takes for an unfinished run. */
public final class PartialOption {
  @Option(names = "--partial",
      description = "Analyse an unfinished run (stopped or killed, not resumed): only the ticks it completed, with the"
          + " output labelled partial. Without it, an unfinished run is refused.")
  boolean partial;
}
