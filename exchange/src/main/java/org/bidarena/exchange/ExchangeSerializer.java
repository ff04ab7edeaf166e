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
            .setAuctionType(e.type().ordinal());
    if (e.loggedClicks().length > 0) {
      b.setLoggedClicks(com.google.protobuf.ByteString.copyFrom(e.loggedClicks()));
    }
    for (int i = 0; i < n; i++) {
      b.addCustomers(e.customers()[i]);
      b.addStages(e.stages()[i]);
      b.addWinners(e.winners()[i]);
      b.addPriceMicros(e.pricesMicros()[i]);
    }
    for (int a = 0; a < e.agents().size(); a++) {
      BidColumn.Builder column = BidColumn.newBuilder().setAgent(e.agents().get(a));
      for (long bid : e.bids()[a]) {
        column.addBidMicros(bid);
      }
      b.addBids(column);
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
    List<String> agents = new ArrayList<>();
    long[][] bids = new long[p.getBidsCount()][];
    for (int a = 0; a < p.getBidsCount(); a++) {
      BidColumn column = p.getBids(a);
      agents.add(column.getAgent());
      bids[a] = column.getBidMicrosList().stream().mapToLong(Long::longValue).toArray();
    }
    if (p.getAuctionType() < 0 || p.getAuctionType() >= AuctionType.values().length) {
      throw new IllegalStateException("corrupt " + CLEARED + " in the journal: auction type " + p.getAuctionType());
    }
    return new AuctionsCleared(
        p.getTick(), p.getPartition(), AuctionType.values()[p.getAuctionType()], p.getReserveMicros(),
        List.copyOf(agents), customers, stages, bids, winners, prices, p.getLoggedClicks().toByteArray());
  }
}
