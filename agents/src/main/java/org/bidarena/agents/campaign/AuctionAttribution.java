package org.bidarena.agents.campaign;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which cell bid on which auction, so that win notices and outcomes (which name auctions, not cells) are
 * credited to cells. Rows bid this tick are kept per partition; a clicked auction is kept, with the row's
 * region and interests, until no purchase can be attributed to it any more (the attribution window).
 */
final class AuctionAttribution {
  /** What is remembered of a clicked auction. */
  record Clicked(int cell, int region, int interests) {}

  private int[][] rowCell;
  private int[][] rowRegion;
  private int[][] rowInterests;
  private long[][] rowTick;
  /** Clicked auctions by auction id, ascending (so a checkpoint lists them in one order). */
  private final TreeMap<Long, Clicked> clicked = new TreeMap<>();
  private final long keepTicks;

  AuctionAttribution(int partitions, long attributionWindowTicks) {
    rowCell = new int[partitions][0];
    rowRegion = new int[partitions][0];
    rowInterests = new int[partitions][0];
    rowTick = new long[partitions][0];
    // a purchase names the customer's last click within the window; one tick more covers the boundary
    keepTicks = attributionWindowTicks + 1;
  }

  void bid(long tick, int partition, int row, int cell, int region, int interests) {
    if (row >= rowCell[partition].length) {
      int size = Math.max(row + 1, rowCell[partition].length * 2);
      rowCell[partition] = Arrays.copyOf(rowCell[partition], size);
      rowRegion[partition] = Arrays.copyOf(rowRegion[partition], size);
      rowInterests[partition] = Arrays.copyOf(rowInterests[partition], size);
      long[] ticks = Arrays.copyOf(rowTick[partition], size);
      Arrays.fill(ticks, rowTick[partition].length, size, -1);
      rowTick[partition] = ticks;
    }
    rowCell[partition][row] = cell;
    rowRegion[partition][row] = region;
    rowInterests[partition][row] = interests;
    rowTick[partition][row] = tick;
  }

  /** The cell that bid on auction {@code auctionId} of {@code tick}, or -1. */
  int cellOf(long tick, long auctionId) {
    int partition = partition(auctionId);
    int row = row(auctionId);
    if (partition >= rowTick.length || row >= rowTick[partition].length || rowTick[partition][row] != tick) {
      return -1;
    }
    return rowCell[partition][row];
  }

  /** Remembers a click on an auction of this tick; returns what is remembered, or null if no cell bid on it. */
  Clicked click(long tick, long auctionId) {
    int cell = cellOf(tick, auctionId);
    if (cell < 0) {
      return null;
    }
    int p = partition(auctionId);
    int r = row(auctionId);
    Clicked c = new Clicked(cell, rowRegion[p][r], rowInterests[p][r]);
    clicked.put(auctionId, c);
    return c;
  }

  /** The clicked auction a purchase is attributed to, or null when it is not (or no longer) known. */
  Clicked purchase(long auctionId) {
    return clicked.get(auctionId);
  }

  /** Forgets clicks too old for a purchase to name them. */
  void forgetBefore(long tick) {
    long oldest = tick - keepTicks;
    clicked.headMap(oldest << 43).clear();
  }

  void write(StateBuffer out) {
    out.value(clicked.size());
    for (Map.Entry<Long, Clicked> e : clicked.entrySet()) {
      long id = e.getKey();
      out.value(id >>> 43);
      out.value(partition(id));
      out.value(row(id));
      out.value(e.getValue().cell());
      out.value(e.getValue().region());
      out.value(e.getValue().interests());
    }
  }

  void read(StateBuffer in) {
    clicked.clear();
    int n = (int) in.value(0);
    for (int i = 0; i < n; i++) {
      long tick = (long) in.value(0);
      long partition = (long) in.value(0);
      long row = (long) in.value(0);
      clicked.put((tick << 43) | (partition << 31) | row,
          new Clicked((int) in.value(0), (int) in.value(0), (int) in.value(0)));
    }
  }

  private static int partition(long auctionId) {
    return (int) ((auctionId >>> 31) & 0xFFF);
  }

  private static int row(long auctionId) {
    return (int) (auctionId & 0x7FFFFFFFL);
  }
}
