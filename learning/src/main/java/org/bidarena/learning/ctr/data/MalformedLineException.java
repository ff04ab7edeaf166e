package org.bidarena.learning.ctr.data;

/** A data line that does not fit its format: names the file, the line number and what is wrong. */
public final class MalformedLineException extends RuntimeException {
  private final long line;

  public MalformedLineException(String source, long line, String problem) {
    super(source + ", line " + line + ": " + problem);
    this.line = line;
  }

  public long line() {
    return line;
  }
}
