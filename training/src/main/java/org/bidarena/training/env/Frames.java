package org.bidarena.training.env;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The step server's framing: each message is a 4-byte big-endian length, then that many bytes of UTF-8 JSON.
 * Plain stream logic, so it is tested without a socket.
 */
public final class Frames {
  /** The largest message accepted (a step_many of hundreds of environments fits easily). */
  public static final int MAX_BYTES = 16 << 20;

  private Frames() {}

  /** The next message, or null when the stream ends cleanly between messages. */
  public static byte[] read(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    int first = data.read();
    if (first < 0) {
      return null;
    }
    int length;
    try {
      length = (first << 24) | (data.readUnsignedByte() << 16) | (data.readUnsignedShort());
    } catch (EOFException e) {
      throw new EOFException("the stream ended inside a message's length");
    }
    if (length < 0 || length > MAX_BYTES) {
      throw new FrameTooLarge(length);
    }
    byte[] body = new byte[length];
    data.readFully(body);
    return body;
  }

  public static void write(OutputStream out, byte[] body) throws IOException {
    byte[] frame = new byte[4 + body.length];
    frame[0] = (byte) (body.length >>> 24);
    frame[1] = (byte) (body.length >>> 16);
    frame[2] = (byte) (body.length >>> 8);
    frame[3] = (byte) body.length;
    System.arraycopy(body, 0, frame, 4, body.length);
    out.write(frame);
    out.flush();
  }

  /** A length the server will not read: the connection cannot be resynchronised, so it is closed. */
  public static final class FrameTooLarge extends IOException {
    FrameTooLarge(int length) {
      super("a message of " + Integer.toUnsignedString(length) + " bytes; allowed: at most " + MAX_BYTES);
    }
  }
}
