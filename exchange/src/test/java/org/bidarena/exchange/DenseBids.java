package org.bidarena.exchange;

import java.util.Arrays;
import org.bidarena.core.protocol.ExchangeProtocol.Bids;

/** Test helpers: dense [agent][auction] bid matrices to sparse Bids and back. */
final class DenseBids {
  private DenseBids() {}

  /** Agent a's positive bids of {@code dense[a]} as a sparse Bids with spend limit {@code limits[a]}. */
  static Bids[] sparse(long tick, int partition, long[][] dense, long[] limits) {
    Bids[] out = new Bids[dense.length];
    for (int a = 0; a < dense.length; a++) {
      int[] rows = new int[dense[a].length];
      long[] prices = new long[dense[a].length];
      int n = 0;
      for (int i = 0; i < dense[a].length; i++) {
        if (dense[a][i] != 0) {
          rows[n] = i;
          prices[n++] = dense[a][i];
        }
      }
      out[a] = new Bids(tick, partition, a, Arrays.copyOf(rows, n), Arrays.copyOf(prices, n), new int[n], limits[a]);
    }
    return out;
  }

  /** One agent's dense bids (0 = none) as its sparse Bids. */
  static Bids of(long tick, int partition, int agent, long[] dense, long limit) {
    long[][] one = new long[agent + 1][];
    for (int a = 0; a < agent; a++) {
      one[a] = new long[0];
    }
    one[agent] = dense;
    long[] limits = new long[agent + 1];
    limits[agent] = limit;
    return sparse(tick, partition, one, limits)[agent];
  }

  static ClearedAuctions clear(AuctionClearing clearing, long tick, int partition, int auctions, long[][] dense,
      long[] limits) {
    return clearing.clear(tick, partition, auctions, sparse(tick, partition, dense, limits));
  }

  /** The accepted bids as [agent][auction], 0 where none. */
  static long[][] accepted(ClearedAuctions out) {
    long[][] dense = new long[out.agents()][out.auctions()];
    for (int i = 0; i < out.auctions(); i++) {
      for (int k = out.bidStart()[i]; k < out.bidStart()[i + 1]; k++) {
        dense[out.bidAgents()[k]][i] = out.bidMicros()[k];
      }
    }
    return dense;
  }

  /** An AuctionsCleared whose accepted bids are given as [agent][auction], 0 = none; creatives all 0. */
  static AuctionsCleared event(long tick, int partition, org.bidarena.core.scenario.AuctionType type, long reserve,
      java.util.List<String> agents, int[] customers, byte[] stages, long[][] dense, int[] winners, long[] prices,
      byte[] loggedClicks) {
    int n = customers.length;
    int[] start = new int[n + 1];
    int total = 0;
    for (long[] column : dense) {
      for (long b : column) {
        total += b != 0 ? 1 : 0;
      }
    }
    int[] agent = new int[total];
    long[] micros = new long[total];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < dense.length; a++) {
        if (dense[a][i] != 0) {
          agent[k] = a;
          micros[k++] = dense[a][i];
        }
      }
      start[i + 1] = k;
    }
    return new AuctionsCleared(tick, partition, type, reserve, agents, customers, stages, start, agent, micros,
        new int[total], winners, prices, loggedClicks);
  }

  /** Agent a's accepted bids of an event as a dense column. */
  static long[] column(AuctionsCleared e, int a) {
    long[] out = new long[e.auctions()];
    for (int i = 0; i < out.length; i++) {
      out[i] = e.bid(a, i);
    }
    return out;
  }
}
