package org.bidarena.app;

import java.nio.file.Path;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.app.command.ReadJournalOptions;
import org.bidarena.cluster.JournalSettings;

/** The read-only H2 journal settings the analysis commands use, for tests that call them directly. */
final class JournalSettingsForTest {
  private JournalSettingsForTest() {}

  static JournalSettings h2(Path dir) {
    return new ReadJournalOptions().settings(RunFolder.open(dir));
  }
}
