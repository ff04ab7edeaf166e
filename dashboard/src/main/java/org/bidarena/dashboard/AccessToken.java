package org.bidarena.dashboard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The token a server bound beyond loopback requires on every request and WebSocket upgrade. On loopback
 * no token is needed, which is the default.
 */
public final class AccessToken {
  private final String token;

  private AccessToken(String token) {
    this.token = token;
  }

  /** None on a loopback address; a fresh random one elsewhere. */
  public static AccessToken forHost(String host) {
    return isLoopback(host) ? new AccessToken(null) : fresh();
  }

  public static AccessToken fresh() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return new AccessToken(HexFormat.of().formatHex(bytes));
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  public boolean required() {
    return token != null;
  }

  /** The token to print, or null when none is required. */
  public String value() {
    return token;
  }

  public boolean accepts(String offered) {
    if (token == null) {
      return true;
    }
    return offered != null && MessageDigest.isEqual(
        token.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
  }
}
