package org.bidarena.analysis;

/** Input the user must correct: reported as one line, with exit code 2, before anything is written. */
public final class BadInput extends RuntimeException {
  public BadInput(String message) {
    super(message);
  }
}
