package org.bidarena.analysis.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bidarena.analysis.run.RunFolder;

/**
 * What an export folder was made from, kept next to its tables as {@code fingerprint.txt}: the journal's
 * stamp (every persistence id's highest sequence number), the digest and ticks read, and the hash of each
 * table file. {@code sql} answers from an export only while all of them still hold; otherwise it exports
 * again, so a resumed run or a table file overwritten since is never answered from.
 */
public record ExportFingerprint(String journalStamp, String digest, String coverage, Map<String, String> files) {
  public static final String FILE = "fingerprint.txt";

  /** The fingerprint of the tables just written into {@code dir}. */
  public static ExportFingerprint of(String journalStamp, String digest, String coverage, Path dir, List<String> tables,
      TableExport.Format format) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    for (String table : tables) {
      Path file = TableExport.file(dir, table, format);
      files.put(file.getFileName().toString(), sha256(file));
    }
    return new ExportFingerprint(journalStamp, digest, coverage, files);
  }

  public void write(Path dir) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("journal ").append(journalStamp).append('\n');
    b.append("digest ").append(digest).append('\n');
    b.append("coverage ").append(coverage).append('\n');
    files.forEach((name, hash) -> b.append("file ").append(name).append(' ').append(hash).append('\n'));
    RunFolder.writeAtomically(dir.resolve(FILE), b.toString());
  }

  /** The fingerprint stored in {@code dir}, or null when there is none or it cannot be read. */
  public static ExportFingerprint read(Path dir) {
    try {
      Map<String, String> fields = new LinkedHashMap<>();
      Map<String, String> files = new LinkedHashMap<>();
      for (String line : Files.readAllLines(dir.resolve(FILE))) {
        String[] f = line.split(" ");
        if (f.length == 3 && f[0].equals("file")) {
          files.put(f[1], f[2]);
        } else if (f.length == 2) {
          fields.put(f[0], f[1]);
        }
      }
      if (!fields.keySet().containsAll(List.of("journal", "digest", "coverage"))) {
        return null;
      }
      return new ExportFingerprint(fields.get("journal"), fields.get("digest"), fields.get("coverage"), files);
    } catch (IOException e) {
      return null;
    }
  }

  /** Whether every table file in {@code dir} is still the one this fingerprint hashed. */
  public boolean tablesUnchanged(Path dir, List<String> tables, TableExport.Format format) {
    for (String table : tables) {
      Path file = TableExport.file(dir, table, format);
      String recorded = files.get(file.getFileName().toString());
      try {
        if (recorded == null || !Files.isRegularFile(file) || !recorded.equals(sha256(file))) {
          return false;
        }
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
