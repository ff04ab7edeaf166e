package org.bidarena.exchange;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes an {@link AuctionsCleared} as {@code AuctionsClearedProto} bytes straight from its arrays.
 *
 * <p>The generated builder copies every value into boxed-free but growing lists first, which made
 * encoding the slowest step per auction. This writes the same fields in the same order with the same
 * packed encodings, so the bytes are identical to the builder's (a test checks it), and so is the digest.
 */
final class AuctionsClearedEncoder {
  private static final int TICK = 1, PARTITION = 2, CUSTOMERS = 3, STAGES = 4, RESERVE = 5, WINNERS = 7,
      PRICES = 8, AUCTION_TYPE = 9, LOGGED_CLICKS = 10, AGENT_IDS = 11, BID_COUNTS = 12, BID_AGENTS = 13,
      BID_MICROS = 14, BID_CREATIVES = 15;

  private AuctionsClearedEncoder() {}

  static byte[] encode(AuctionsCleared e) {
    int n = e.auctions();
    int customersSize = 0, stagesSize = 0, winnersSize = 0, pricesSize = 0, countsSize = 0;
    for (int i = 0; i < n; i++) {
      customersSize += CodedOutputStream.computeInt32SizeNoTag(e.customers()[i]);
      stagesSize += CodedOutputStream.computeInt32SizeNoTag(e.stages()[i]);
      winnersSize += CodedOutputStream.computeSInt32SizeNoTag(e.winners()[i]);
      pricesSize += CodedOutputStream.computeInt64SizeNoTag(e.pricesMicros()[i]);
      countsSize += CodedOutputStream.computeInt32SizeNoTag(e.bidStart()[i + 1] - e.bidStart()[i]);
    }
    int bids = e.bids();
    int agentsSize = 0, microsSize = 0, creativesSize = 0;
    boolean creatives = false;
    for (int k = 0; k < bids; k++) {
      agentsSize += CodedOutputStream.computeInt32SizeNoTag(e.bidAgents()[k]);
      microsSize += CodedOutputStream.computeInt64SizeNoTag(e.bidMicros()[k]);
      creativesSize += CodedOutputStream.computeInt32SizeNoTag(e.bidCreatives()[k]);
      creatives |= e.bidCreatives()[k] != 0;
    }
    if (!creatives) creativesSize = 0;
    int size = 0;
    if (e.tick() != 0) size += CodedOutputStream.computeInt64Size(TICK, e.tick());
    if (e.partition() != 0) size += CodedOutputStream.computeInt32Size(PARTITION, e.partition());
    size += packedSize(CUSTOMERS, customersSize) + packedSize(STAGES, stagesSize);
    if (e.reserveMicros() != 0) size += CodedOutputStream.computeInt64Size(RESERVE, e.reserveMicros());
    size += packedSize(WINNERS, winnersSize) + packedSize(PRICES, pricesSize);
    if (e.type().ordinal() != 0) size += CodedOutputStream.computeInt32Size(AUCTION_TYPE, e.type().ordinal());
    int clicks = e.loggedClicks().length;
    if (clicks > 0) size += packedSize(LOGGED_CLICKS, clicks);
    for (String agent : e.agents()) size += CodedOutputStream.computeStringSize(AGENT_IDS, agent);
    size += packedSize(BID_COUNTS, countsSize) + packedSize(BID_AGENTS, agentsSize)
        + packedSize(BID_MICROS, microsSize) + packedSize(BID_CREATIVES, creativesSize);

    byte[] bytes = new byte[size];
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      if (e.tick() != 0) out.writeInt64(TICK, e.tick());
      if (e.partition() != 0) out.writeInt32(PARTITION, e.partition());
      if (customersSize > 0) {
        packedHeader(out, CUSTOMERS, customersSize);
        for (int i = 0; i < n; i++) out.writeInt32NoTag(e.customers()[i]);
      }
      if (stagesSize > 0) {
        packedHeader(out, STAGES, stagesSize);
        for (int i = 0; i < n; i++) out.writeInt32NoTag(e.stages()[i]);
      }
      if (e.reserveMicros() != 0) out.writeInt64(RESERVE, e.reserveMicros());
      if (winnersSize > 0) {
        packedHeader(out, WINNERS, winnersSize);
        for (int i = 0; i < n; i++) out.writeSInt32NoTag(e.winners()[i]);
      }
      if (pricesSize > 0) {
        packedHeader(out, PRICES, pricesSize);
        for (int i = 0; i < n; i++) out.writeInt64NoTag(e.pricesMicros()[i]);
      }
      if (e.type().ordinal() != 0) out.writeInt32(AUCTION_TYPE, e.type().ordinal());
      if (clicks > 0) {
        packedHeader(out, LOGGED_CLICKS, clicks);
        out.writeRawBytes(e.loggedClicks());
      }
      for (String agent : e.agents()) out.writeString(AGENT_IDS, agent);
      if (countsSize > 0) {
        packedHeader(out, BID_COUNTS, countsSize);
        for (int i = 0; i < n; i++) out.writeInt32NoTag(e.bidStart()[i + 1] - e.bidStart()[i]);
      }
      if (agentsSize > 0) {
        packedHeader(out, BID_AGENTS, agentsSize);
        for (int k = 0; k < bids; k++) out.writeInt32NoTag(e.bidAgents()[k]);
      }
      if (microsSize > 0) {
        packedHeader(out, BID_MICROS, microsSize);
        for (int k = 0; k < bids; k++) out.writeInt64NoTag(e.bidMicros()[k]);
      }
      if (creativesSize > 0) {
        packedHeader(out, BID_CREATIVES, creativesSize);
        for (int k = 0; k < bids; k++) out.writeInt32NoTag(e.bidCreatives()[k]);
      }
      out.checkNoSpaceLeft();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return bytes;
  }

  /** A packed field's size, or 0 when it is empty (proto3 writes nothing then). */
  private static int packedSize(int field, int payload) {
    return payload == 0 ? 0
        : CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt32SizeNoTag(payload) + payload;
  }

  private static void packedHeader(CodedOutputStream out, int field, int payload) throws IOException {
    out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    out.writeUInt32NoTag(payload);
  }
}
