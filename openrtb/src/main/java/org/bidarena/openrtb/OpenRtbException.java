package org.bidarena.openrtb;

/** An OpenRTB document that is refused; the message is one line naming the field and what is wrong. */
public final class OpenRtbException extends RuntimeException {
  public OpenRtbException(String message) {
    super(message);
  }
}
