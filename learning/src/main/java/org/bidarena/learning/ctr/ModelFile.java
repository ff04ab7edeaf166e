package org.bidarena.learning.ctr;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A CTR model's whole state in one file, so training can continue where it stopped: the magic and version,
 * the FTRL settings, the feature layout, the examples and clicks learned, every touched coordinate's (z, n), and a
 * CRC-32C of all the bytes before it. Loading refuses a file that is not one, is cut short or altered
 * (checksum), or whose layout differs from the one the caller needs.
 *
 * <pre>
 * "BIDARENA-CTR" u16 version | f64 alpha beta l1 l2 | utf name | i32 bits | i32 fields, utf each
 * | i32 crosses, (i32 a, i32 b) each | i64 examples | i64 clicks | i32 coordinates, (i32 index, f64 z, f64 n) each | i32 crc32c
 * </pre>
 */
public final class ModelFile {
  private static final String MAGIC = "BIDARENA-CTR";
  private static final int VERSION = 1;

  private ModelFile() {}

  /** Writes the model to {@code file} through a temporary file, so a failed write leaves the old file whole. */
  public static void save(CtrModel model, Path file) throws IOException {
    byte[] body = body(model);
    CRC32C crc = new CRC32C();
    crc.update(body);
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(tmp))) {
      out.write(body);
      out.writeInt((int) crc.getValue());
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static byte[] body(CtrModel model) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    FtrlProximal f = model.ftrl();
    FeatureLayout l = model.layout();
    out.writeUTF(MAGIC);
    out.writeShort(VERSION);
    out.writeDouble(f.settings().alpha());
    out.writeDouble(f.settings().beta());
    out.writeDouble(f.settings().l1());
    out.writeDouble(f.settings().l2());
    out.writeUTF(l.name());
    out.writeInt(l.hashBits());
    out.writeInt(l.fields().size());
    for (String field : l.fields()) {
      out.writeUTF(field);
    }
    out.writeInt(l.crosses().size());
    for (int[] c : l.crosses()) {
      out.writeInt(c[0]);
      out.writeInt(c[1]);
    }
    out.writeLong(f.examples());
    out.writeLong(f.clicks());
    out.writeInt(f.activeCoordinates());
    for (int i = 0; i < f.size(); i++) {
      if (f.n(i) > 0) {
        out.writeInt(i);
        out.writeDouble(f.z(i));
        out.writeDouble(f.n(i));
      }
    }
    out.flush();
    return bytes.toByteArray();
  }

  /** Reads a model file, refusing one that is not whole. */
  public static CtrModel load(Path file) {
    byte[] all;
    try {
      all = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ModelFileException("the model file " + file + " cannot be read: " + e.getMessage());
    }
    String bad = "the model file " + file + " is not a whole BidArena CTR model";
    if (all.length < 4) {
      throw new ModelFileException(bad + " (" + all.length + " bytes)");
    }
    CRC32C crc = new CRC32C();
    crc.update(all, 0, all.length - 4);
    int stored = ((all[all.length - 4] & 0xff) << 24) | ((all[all.length - 3] & 0xff) << 16)
        | ((all[all.length - 2] & 0xff) << 8) | (all[all.length - 1] & 0xff);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, 0, all.length - 4))) {
      if (!MAGIC.equals(readMagic(in))) {
        throw new ModelFileException(bad + " (no " + MAGIC + " header)");
      }
      if ((int) crc.getValue() != stored) {
        throw new ModelFileException(bad + " (checksum mismatch: corrupt or cut short)");
      }
      int version = in.readUnsignedShort();
      if (version != VERSION) {
        throw new ModelFileException(bad + " (format version " + version + ", this build reads " + VERSION + ")");
      }
      FtrlSettings settings = new FtrlSettings(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
      String name = in.readUTF();
      int bits = in.readInt();
      List<String> fields = new ArrayList<>();
      for (int k = in.readInt(); k > 0; k--) {
        fields.add(in.readUTF());
      }
      List<int[]> crosses = new ArrayList<>();
      for (int k = in.readInt(); k > 0; k--) {
        crosses.add(new int[] {in.readInt(), in.readInt()});
      }
      CtrModel model = new CtrModel(new FeatureLayout(name, fields, crosses, bits), settings);
      long examples = in.readLong();
      long clicks = in.readLong();
      if (examples < 0 || clicks < 0 || clicks > examples) {
        throw new ModelFileException(bad + " (" + clicks + " clicks in " + examples + " examples)");
      }
      model.ftrl().setCounts(examples, clicks);
      int size = 1 << bits;
      for (int k = in.readInt(); k > 0; k--) {
        int i = in.readInt();
        if (i < 0 || i >= size) {
          throw new ModelFileException(bad + " (coordinate " + i + " outside 2^" + bits + ")");
        }
        model.ftrl().set(i, in.readDouble(), in.readDouble());
      }
      if (in.available() != 0) {
        throw new ModelFileException(bad + " (" + in.available() + " bytes left over)");
      }
      return model;
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelFileException(bad + " (" + e.getMessage() + ")");
    }
  }

  /** Reads a model file and refuses it unless its layout is {@code expected}. */
  public static CtrModel load(Path file, FeatureLayout expected) {
    CtrModel m = load(file);
    requireLayout(m, expected, file);
    return m;
  }

  /** Refuses a model whose layout is not {@code expected}, naming both. */
  public static void requireLayout(CtrModel m, FeatureLayout expected, Path file) {
    if (!m.layout().sameAs(expected)) {
      throw new ModelFileException("the model file " + file + " was made for the feature layout "
          + m.layout().describe() + ", not " + expected.describe());
    }
  }

  private static String readMagic(DataInputStream in) {
    try {
      return in.readUTF();
    } catch (IOException e) {
      return "";
    }
  }

  /** True when both models hold the same state (settings, layout, examples and every coordinate). */
  public static boolean sameState(CtrModel a, CtrModel b) {
    try {
      return Arrays.equals(body(a), body(b));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
