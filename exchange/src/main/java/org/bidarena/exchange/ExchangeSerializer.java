package org.bidarena.exchange;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.NotSerializableException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.bidarena.core.scenario.AuctionType;
import org.bidarena.protos.AuctionsClearedProto;
import org.bidarena.protos.BidColumn;
import org.bidarena.protos.ExchangeSnapshot;

/** Protobuf for the exchange's events and snapshots. The manifest carries the schema version. */
public final class ExchangeSerializer extends SerializerWithStringManifest {
  static final String CLEARED = "AuctionsCleared/v1";
  static final String SNAPSHOT = "ExchangeSnapshot/v1";

  @Override
  public int identifier() {
    return 731002;
  }

  @Override
  public String manifest(Object o) {
    if (o instanceof AuctionsCleared) return CLEARED;
    if (o instanceof ExchangeCheckpoint) return SNAPSHOT;
    throw new IllegalArgumentException("ExchangeSerializer cannot serialize " + o.getClass());
  }

  @Override
  public byte[] toBinary(Object o) {
    if (o instanceof AuctionsCleared e) return AuctionsClearedEncoder.encode(e);
    if (o instanceof ExchangeCheckpoint c) return ExchangeSnapshot.newBuilder().setTick(c.tick()).build().toByteArray();
    throw new IllegalArgumentException("ExchangeSerializer cannot serialize " + o.getClass());
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    try {
      return switch (manifest) {
        case CLEARED -> fromProto(AuctionsClearedProto.parseFrom(bytes));
        case SNAPSHOT -> new ExchangeCheckpoint(ExchangeSnapshot.parseFrom(bytes).getTick());
        default -> throw new NotSerializableException("unknown manifest " + manifest);
      };
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("corrupt " + manifest + " in the journal: " + e.getMessage(), e);
    }
  }

  /** The generated builder's encoding; {@link AuctionsClearedEncoder} writes the same bytes faster. */
  static AuctionsClearedProto toProto(AuctionsCleared e) {
    int n = e.auctions();
    AuctionsClearedProto.Builder b =
        AuctionsClearedProto.newBuilder()
            .setTick(e.tick())
            .setPartition(e.partition())
            .setReserveMicros(e.reserveMicros())
            .setAuctionType(e.type().ordinal())
            .addAllAgentIds(e.agents());
    if (e.loggedClicks().length > 0) {
      b.setLoggedClicks(com.google.protobuf.ByteString.copyFrom(e.loggedClicks()));
    }
    for (int i = 0; i < n; i++) {
      b.addCustomers(e.customers()[i]);
      b.addStages(e.stages()[i]);
      b.addWinners(e.winners()[i]);
      b.addPriceMicros(e.pricesMicros()[i]);
      b.addBidCounts(e.bidStart()[i + 1] - e.bidStart()[i]);
    }
    boolean creatives = java.util.Arrays.stream(e.bidCreatives()).anyMatch(c -> c != 0);
    for (int k = 0; k < e.bids(); k++) {
      b.addBidAgents(e.bidAgents()[k]);
      b.addBidMicros(e.bidMicros()[k]);
      if (creatives) {
        b.addBidCreatives(e.bidCreatives()[k]);
      }
    }
    return b.build();
  }

  static AuctionsCleared fromProto(AuctionsClearedProto p) {
    int n = p.getCustomersCount();
    int[] customers = new int[n];
    byte[] stages = new byte[n];
    int[] winners = new int[n];
    long[] prices = new long[n];
    for (int i = 0; i < n; i++) {
      customers[i] = p.getCustomers(i);
      stages[i] = (byte) p.getStages(i);
      winners[i] = p.getWinners(i);
      prices[i] = p.getPriceMicros(i);
    }
    if (p.getAuctionType() < 0 || p.getAuctionType() >= AuctionType.values().length) {
      throw new IllegalStateException("corrupt " + CLEARED + " in the journal: auction type " + p.getAuctionType());
    }
    Sparse bids = p.getBidsCount() > 0 ? Sparse.ofColumns(p, n) : Sparse.of(p, n);
    return new AuctionsCleared(
        p.getTick(), p.getPartition(), AuctionType.values()[p.getAuctionType()], p.getReserveMicros(),
        List.copyOf(bids.agents), customers, stages, bids.start, bids.agent, bids.micros, bids.creative, winners,
        prices, p.getLoggedClicks().toByteArray());
  }

  /** The accepted bids of an event, grouped by auction. */
  private record Sparse(List<String> agents, int[] start, int[] agent, long[] micros, int[] creative) {

    static Sparse of(AuctionsClearedProto p, int auctions) {
      if (p.getBidCountsCount() != auctions) {
        throw new IllegalStateException("corrupt " + CLEARED + " in the journal: bid counts for "
            + p.getBidCountsCount() + " of " + auctions + " auctions");
      }
      int[] start = new int[auctions + 1];
      for (int i = 0; i < auctions; i++) {
        start[i + 1] = start[i] + p.getBidCounts(i);
      }
      int bids = p.getBidAgentsCount();
      if (start[auctions] != bids || p.getBidMicrosCount() != bids
          || (p.getBidCreativesCount() != 0 && p.getBidCreativesCount() != bids)) {
        throw new IllegalStateException("corrupt " + CLEARED + " in the journal: bid columns out of step");
      }
      int[] agent = new int[bids];
      long[] micros = new long[bids];
      int[] creative = new int[bids];
      for (int k = 0; k < bids; k++) {
        agent[k] = p.getBidAgents(k);
        micros[k] = p.getBidMicros(k);
        creative[k] = p.getBidCreativesCount() == 0 ? 0 : p.getBidCreatives(k);
      }
      return new Sparse(new ArrayList<>(p.getAgentIdsList()), start, agent, micros, creative);
    }

    /** A journal written before sparse bids: one dense column per agent, 0 = none. */
    static Sparse ofColumns(AuctionsClearedProto p, int auctions) {
      List<String> agents = new ArrayList<>();
      int[] start = new int[auctions + 1];
      for (int a = 0; a < p.getBidsCount(); a++) {
        BidColumn column = p.getBids(a);
        agents.add(column.getAgent());
        for (int i = 0; i < Math.min(auctions, column.getBidMicrosCount()); i++) {
          if (column.getBidMicros(i) != 0) start[i + 1]++;
        }
      }
      for (int i = 0; i < auctions; i++) {
        start[i + 1] += start[i];
      }
      int[] at = java.util.Arrays.copyOf(start, auctions);
      int[] agent = new int[start[auctions]];
      long[] micros = new long[start[auctions]];
      for (int a = 0; a < p.getBidsCount(); a++) {
        BidColumn column = p.getBids(a);
        for (int i = 0; i < Math.min(auctions, column.getBidMicrosCount()); i++) {
          if (column.getBidMicros(i) != 0) {
            agent[at[i]] = a;
            micros[at[i]++] = column.getBidMicros(i);
          }
        }
      }
      return new Sparse(agents, start, agent, micros, new int[agent.length]);
    }
  }
}
