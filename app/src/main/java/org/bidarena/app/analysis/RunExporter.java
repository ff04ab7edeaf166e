package org.bidarena.app.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.export.ExportFingerprint;
import org.bidarena.analysis.export.TableExport;
import org.bidarena.analysis.ipinyou.IpinyouBenchmarkExport;
import org.bidarena.analysis.ipinyou.IpinyouBenchmarkManifest;
import org.bidarena.analysis.journal.Coverage;
import org.bidarena.analysis.journal.JournalReader;
import org.bidarena.analysis.journal.RecordedRun;
import org.bidarena.analysis.journal.RunCheck;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.cluster.JournalSettings;

/**
 * Writes a run's tables with their {@link ExportFingerprint}, for {@code export} and {@code sql}, and tells
 * whether an export folder still answers for the run's journal as it is now.
 */
final class RunExporter {
  private final RunFolder folder;
  private final JournalSettings journal;
  private final String where;
  private final boolean partial;

  RunExporter(RunFolder folder, JournalSettings journal, String where, boolean partial) {
    this.folder = folder;
    this.journal = journal;
    this.where = where;
    this.partial = partial;
  }

  List<String> tables() {
    return benchmark() ? IpinyouBenchmarkExport.TABLES : TableExport.TABLES;
  }

  private boolean benchmark() {
    return folder.kind() == RunFolder.Kind.BENCHMARK;
  }

  /**
   * The ticks {@code out}'s Parquet tables hold if they are an export of the journal's current state (same
   * journal stamp, same checked digest, table files untouched, the coverage asked for); else null.
   */
  Coverage current(Path out) {
    ExportFingerprint fp = ExportFingerprint.read(out);
    if (fp == null || !fp.tablesUnchanged(out, tables(), TableExport.Format.PARQUET)
        || !fp.journalStamp().equals(JournalReader.stamp(journal, where))) {
      return null;
    }
    if (benchmark()) {
      IpinyouBenchmarkManifest manifest = IpinyouBenchmarkManifest.read(folder.runJson());
      boolean same = IpinyouBenchmarkManifest.COMPLETE.equals(manifest.status()) && fp.digest().equals(manifest.digest());
      return same && fp.coverage().equals("complete") ? Coverage.complete(manifest.episodes() - 1L) : null;
    }
    long finalTick = folder.scenario().totalTicks() - 1;
    if (RunCheck.COMPLETE.equals(folder.status())) {
      boolean same = fp.coverage().equals("complete") && fp.digest().equals(RunCheck.recordedDigest(folder));
      return same ? Coverage.complete(finalTick) : null;
    }
    if (partial && fp.coverage().startsWith("partial:")) {
      return Coverage.partial(Long.parseLong(fp.coverage().substring("partial:".length())), finalTick);
    }
    return null;
  }

  /** Reads the run (checked as every analysis command checks it) and writes its tables into {@code out}. */
  Coverage export(Path out, TableExport.Format format, String option) {
    List<Path> created = create(out, option);
    boolean done = false;
    try {
      String stamp = JournalReader.stamp(journal, where);
      Coverage coverage;
      String digest;
      if (benchmark()) {
        IpinyouBenchmarkManifest manifest = IpinyouBenchmarkManifest.read(folder.runJson());
        IpinyouBenchmarkExport.write(folder, journal, where, out, format);
        coverage = Coverage.complete(manifest.episodes() - 1L);
        digest = manifest.digest();
      } else {
        RecordedRun run = RecordedRun.read(folder, journal, where, true, partial);
        TableExport.write(run, out, format);
        coverage = run.coverage();
        digest = run.summary().digest();
      }
      ExportFingerprint.of(stamp, digest, coverage.key(), out, tables(), format).write(out);
      done = true;
      return coverage;
    } catch (IOException | SQLException e) {
      throw new BadInput(option + out + ": " + BadInput.ioReason(e));
    } finally {
      if (!done) {
        discard(created);
      }
    }
  }

  /**
   * Makes {@code out} and proves it writable before the journal is read, so that an impossible target fails
   * at once; returns the folders made, to remove again should the export be refused.
   */
  static List<Path> create(Path out, String option) {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new BadInput(option + out + ": it is a file; give a folder");
    }
    List<Path> created = new ArrayList<>();
    for (Path p = out.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
      created.add(0, p);
    }
    try {
      for (Path p : created) {
        Files.createDirectory(p);
      }
      Files.delete(Files.createTempFile(out, ".probe", ""));
    } catch (IOException e) {
      discard(created);
      throw new BadInput(option + out + ": cannot create or write it (" + BadInput.ioReason(e) + ")");
    }
    return created;
  }

  static void discard(List<Path> created) {
    for (int i = created.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(created.get(i));
      } catch (IOException ignored) {
        // Not empty after all: leave it.
      }
    }
  }
}
