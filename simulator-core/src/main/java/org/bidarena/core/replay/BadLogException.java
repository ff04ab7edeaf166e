package org.bidarena.core.replay;

/** A bid log or its statistics that cannot be read; the message is one line naming the file and line. */
public final class BadLogException extends RuntimeException {
  public BadLogException(String message) {
    super(message.replaceAll("\\s*[\\r\\n]+\\s*", " "));
  }
}
