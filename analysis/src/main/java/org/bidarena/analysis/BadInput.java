package org.bidarena.analysis;

/** Input the user must correct: reported as one line, with exit code 2, before anything is written. */
public final class BadInput extends RuntimeException {
  public BadInput(String message) {
    super(message);
  }

  /** The first line of the innermost cause's message: what a one-line error can say about a failure. */
  public static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** Why a file operation failed, in words: Java's messages for these name only the path. */
  public static String ioReason(Throwable e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return rootMessage(e);
  }
}
