package org.bidarena.core.scenario;

/**
 * A scenario that cannot be loaded. The message is one line naming the key, the value given and what is
 * allowed, so the command line can print it as is.
 */
public final class ScenarioException extends RuntimeException {
  public ScenarioException(String message) {
    super(oneLine(message));
  }

  public ScenarioException(String message, Throwable cause) {
    super(oneLine(message), cause);
  }

  private static String oneLine(String message) {
    return message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
