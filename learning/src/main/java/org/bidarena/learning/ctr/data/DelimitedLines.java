package org.bidarena.learning.ctr.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads a text file line by line (gzip when the name ends in .gz) and splits each line on one delimiter
 * without regular expressions, counting line numbers and the characters read for progress.
 */
final class DelimitedLines {
  private final String source;
  private final BufferedReader in;
  private final long size;
  private final char delimiter;
  private long chars;
  private long lineNumber;
  private String line;

  DelimitedLines(Path file, char delimiter) {
    this.source = file.toString();
    this.delimiter = delimiter;
    try {
      this.size = Math.max(1, Files.size(file));
      InputStream raw = Files.newInputStream(file);
      if (file.getFileName().toString().endsWith(".gz")) {
        raw = new GZIPInputStream(raw, 1 << 16);
      }
      this.in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  String source() {
    return source;
  }

  /** The next line, or null at the end. */
  String next() {
    try {
      line = in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + " after line " + lineNumber + ": " + e.getMessage(), e);
    }
    if (line != null) {
      lineNumber++;
      chars += line.length() + 1;
    }
    return line;
  }

  long lineNumber() {
    return lineNumber;
  }

  /** Splits the current line into {@code out}; returns the number of fields the line has (may exceed out). */
  int split(String[] out) {
    int count = 0;
    int start = 0;
    for (int i = 0; i <= line.length(); i++) {
      if (i == line.length() || line.charAt(i) == delimiter) {
        if (count < out.length) {
          out[count] = line.substring(start, i);
        }
        count++;
        start = i + 1;
      }
    }
    return count;
  }

  /** Approximate share of the file read; for a gzip file the share of uncompressed text is unknown, so 0. */
  double progress() {
    return source.endsWith(".gz") ? 0 : Math.min(1, (double) chars / size);
  }

  void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
