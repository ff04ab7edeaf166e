package org.bidarena.core.protocol;

/** An actor that takes part in every tick, named for the Driver's barrier and for error messages. */
public record Participant(Kind kind, int id) implements Comparable<Participant> {
  public enum Kind {
    SHARD,
    EXCHANGE,
    BIDDER
  }

  @Override
  public int compareTo(Participant o) {
    int c = kind.compareTo(o.kind);
    return c != 0 ? c : Integer.compare(id, o.id);
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + id;
  }
}
