package org.bidarena.learning.ctr;

/** A model file that cannot be used: unreadable, corrupt, or made for another feature layout. One line. */
public final class ModelFileException extends RuntimeException {
  public ModelFileException(String message) {
    super(message);
  }
}
