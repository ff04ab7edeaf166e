package org.bidarena.agents.learning;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained policy on disk: a text header (format, algorithm, agent id, state layout, the learner's settings,
 * the parameter count and a SHA-256 checksum of all of it), a blank line, then the parameters as big-endian
 * doubles. The same policy always gives the same bytes; a file that was cut, edited or written for another
 * agent or layout is refused with one line.
 */
public record ModelFile(String algorithm, String agent, String layout, String settings, double[] policy) {
  static final String MAGIC = "BIDARENA-MODEL 1";

  public byte[] toBytes() {
    byte[] payload = payload(policy);
    String fields = fields();
    String header = fields + "checksum=" + checksum(fields, payload) + "\n\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(payload);
    return out.toByteArray();
  }

  private String fields() {
    return MAGIC + "\nalgorithm=" + algorithm + "\nagent=" + agent + "\nlayout=" + layout + "\nsettings=" + settings
        + "\nparameters=" + policy.length + "\n";
  }

  /** Writes the file whole or not at all (a temporary file moved into place). */
  public void write(Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, toBytes());
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Reads and verifies a model file.
   *
   * @throws IllegalArgumentException one line on what is wrong with it
   */
  public static ModelFile read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("model file " + file + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException("model file " + file + " cannot be read: " + e.getMessage());
    }
    return parse(bytes, file.toString());
  }

  static ModelFile parse(byte[] bytes, String name) {
    int end = -1;
    for (int i = 0; i + 1 < bytes.length && i < 65536; i++) {
      if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
        end = i;
        break;
      }
    }
    String corrupt = "model file " + name + " is not a BidArena model or is corrupt";
    if (end < 0) {
      throw new IllegalArgumentException(corrupt + " (no header)");
    }
    String[] lines = new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n");
    if (!lines[0].equals(MAGIC)) {
      throw new IllegalArgumentException(corrupt + " (it does not start with '" + MAGIC + "')");
    }
    Map<String, String> f = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int eq = lines[i].indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(corrupt + " (header line '" + lines[i] + "')");
      }
      f.put(lines[i].substring(0, eq), lines[i].substring(eq + 1));
    }
    for (String key : new String[] {"algorithm", "agent", "layout", "settings", "parameters", "checksum"}) {
      if (!f.containsKey(key)) {
        throw new IllegalArgumentException(corrupt + " (no " + key + " in its header)");
      }
    }
    int n;
    try {
      n = Integer.parseInt(f.get("parameters"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(corrupt + " (parameters=" + f.get("parameters") + ")");
    }
    int start = end + 2;
    if (n < 0 || bytes.length - start != 8L * n) {
      throw new IllegalArgumentException(corrupt + " (it holds " + (bytes.length - start) + " bytes of parameters, "
          + "its header says " + n + " doubles)");
    }
    double[] policy = new double[n];
    ByteBuffer.wrap(bytes, start, 8 * n).asDoubleBuffer().get(policy);
    ModelFile model = new ModelFile(f.get("algorithm"), f.get("agent"), f.get("layout"), f.get("settings"), policy);
    if (!checksum(model.fields(), payload(policy)).equals(f.get("checksum"))) {
      throw new IllegalArgumentException(corrupt + " (its checksum does not match its contents)");
    }
    return model;
  }

  /** The settings as a map, as {@link LearnerEntry#settingsText} wrote them. */
  public Map<String, String> settingsMap() {
    Map<String, String> m = new LinkedHashMap<>();
    if (!settings.isEmpty()) {
      for (String kv : settings.split(";")) {
        int eq = kv.indexOf('=');
        m.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    return m;
  }

  private static byte[] payload(double[] policy) {
    ByteBuffer b = ByteBuffer.allocate(8 * policy.length);
    b.asDoubleBuffer().put(policy);
    return b.array();
  }

  private static String checksum(String fields, byte[] payload) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(fields.getBytes(StandardCharsets.UTF_8));
      sha.update(payload);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
