package org.bidarena.analysis.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result digest of a run: SHA-256 over the simulation events of the journal.
 *
 * <p>Each persistence id's events are hashed in sequence-number order (manifest and bytes of each); the
 * digest hashes those per-id hashes in persistence-id order. Interleaving across actors depends on thread
 * timing, so it is left out; the order within each actor's journal is fixed by the tick protocol.
 * Bookkeeping events (RunStarted, CheckpointCompleted) are not included: a resumed run journals its
 * checkpoints at other ticks than an uninterrupted one, with the same simulation.
 */
public final class JournalDigest {
  private final Map<String, MessageDigest> perId = new TreeMap<>();

  public void add(String persistenceId, String manifest, byte[] bytes) {
    MessageDigest d = perId.computeIfAbsent(persistenceId, id -> sha256());
    d.update(manifest.getBytes(StandardCharsets.UTF_8));
    d.update((byte) 0);
    d.update(intBytes(bytes.length));
    d.update(bytes);
  }

  public String hex() {
    MessageDigest all = sha256();
    for (Map.Entry<String, MessageDigest> e : perId.entrySet()) {
      all.update(e.getKey().getBytes(StandardCharsets.UTF_8));
      all.update((byte) 0);
      try {
        all.update(((MessageDigest) e.getValue().clone()).digest());
      } catch (CloneNotSupportedException ex) {
        throw new IllegalStateException(ex);
      }
    }
    return HexFormat.of().formatHex(all.digest());
  }

  private static byte[] intBytes(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
