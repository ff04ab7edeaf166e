package org.bidarena.app.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.run.RunClaim;
import org.bidarena.analysis.run.RunFolder;

/**
 * The H2 journal file of a run folder, checked before a resume opens it: H2 would otherwise take a damaged
 * file for a database and fail deep inside the journal plugin, after a long wait.
 */
final class JournalFile {
  /** Every MVStore file begins with this header. */
  private static final byte[] H2_HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);

  private JournalFile() {}

  /**
   * A missing or empty journal of an unfinished run is fine: the run was stopped before its first event
   * (within its first second or two), and resuming it starts it from tick 0.
   */
  static void requireResumable(RunFolder folder) {
    var file = folder.journalFile();
    try {
      if (!Files.exists(file) || Files.size(file) == 0) {
        if ("complete".equals(folder.status())) {
          throw new BadInput(folder.dir() + " is complete but its journal (journal/bidarena.mv.db) is missing");
        }
        return;
      }
      byte[] head = new byte[H2_HEADER.length];
      int read;
      try (InputStream in = Files.newInputStream(file)) {
        read = in.readNBytes(head, 0, head.length);
      }
      if (read < head.length || !java.util.Arrays.equals(head, H2_HEADER)) {
        throw new BadInput(file + " is damaged: it does not begin as an H2 database does, so it cannot be"
            + " resumed; start the run again in a new folder with: bidarena run --out NEW-DIR");
      }
    } catch (IOException e) {
      throw new BadInput(file + " cannot be read: " + RunClaim.reason(e));
    }
  }
}
