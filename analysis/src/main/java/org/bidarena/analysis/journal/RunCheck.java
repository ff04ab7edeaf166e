package org.bidarena.analysis.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.core.scenario.Scenario;

/**
 * The one policy of every analysis command: a finished run's journal must give the digest its summary.json
 * recorded, and an unfinished run is refused unless {@code --partial} asks for what it holds.
 */
public final class RunCheck {
  public static final String COMPLETE = "complete";
  private static final Pattern DIGEST = Pattern.compile("\"digest\"\\s*:\\s*\"([0-9a-f]{64})\"");

  private RunCheck() {}

  /** The ticks to read of the run in {@code folder}, whose Driver journaled {@code driver}. */
  public static Coverage coverage(RunFolder folder, Scenario scenario, DriverJournal driver, boolean partial) {
    long finalTick = scenario.totalTicks() - 1;
    if (COMPLETE.equals(folder.status())) {
      return Coverage.complete(finalTick);
    }
    if (!partial) {
      throw new BadInput("run " + folder.dir() + " is unfinished (last complete tick " + driver.lastCompleted() + " of "
          + finalTick + "): resume it with `bidarena resume " + folder.dir() + "`, or pass --partial to analyse what it"
          + " holds");
    }
    if (driver.lastCompleted() < 0) {
      throw new BadInput("run " + folder.dir() + " is unfinished and holds no complete tick yet: resume it with"
          + " `bidarena resume " + folder.dir() + "`");
    }
    return Coverage.partial(driver.lastCompleted(), finalTick);
  }

  /** The digest summary.json recorded when the run finished. */
  public static String recordedDigest(RunFolder folder) {
    try {
      Matcher m = DIGEST.matcher(Files.readString(folder.summaryJson()));
      if (!m.find()) {
        throw new BadInput(folder.summaryJson() + " is damaged: no digest to check the journal against");
      }
      return m.group(1);
    } catch (IOException e) {
      throw new BadInput(folder.summaryJson() + " cannot be read, so the journal cannot be checked against the"
          + " finished run: " + e.getMessage());
    }
  }

  /** Refuses a finished run's journal whose digest is not the one recorded at its end. */
  public static void requireRecordedDigest(RunFolder folder, Coverage coverage, String where, String digest) {
    if (coverage.partial()) {
      return;
    }
    String recorded = recordedDigest(folder);
    if (!recorded.equals(digest)) {
      throw new BadInput("the journal " + where + " does not match the digest of its finished run (" + folder.summaryJson()
          + ": " + recorded.substring(0, 12) + ", journal: " + digest.substring(0, 12) + "): it was changed or damaged"
          + " after the run finished");
    }
  }
}
