package org.bidarena.agents;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.NotSerializableException;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.bidarena.protos.BidderSnapshot;
import org.bidarena.protos.BidderTickSettledProto;
import org.bidarena.agents.external.ExternalAnswersRecorded;
import org.bidarena.core.external.ExternalAnswers;
import org.bidarena.protos.ExternalAnswersRecordedProto;
import org.bidarena.protos.StrategyDecisionProto;

/** Protobuf for the agents' events and snapshots. The manifest carries the schema version. */
public final class AgentSerializer extends SerializerWithStringManifest {
  static final String SETTLED = "BidderTickSettled/v1";
  static final String SNAPSHOT = "BidderSnapshot/v1";
  static final String EXTERNAL = "ExternalAnswersRecorded/v1";

  @Override
  public int identifier() {
    return 731003;
  }

  @Override
  public String manifest(Object o) {
    if (o instanceof BidderTickSettled) return SETTLED;
    if (o instanceof BidderCheckpoint) return SNAPSHOT;
    if (o instanceof ExternalAnswersRecorded) return EXTERNAL;
    throw new IllegalArgumentException("AgentSerializer cannot serialize " + o.getClass());
  }

  @Override
  public byte[] toBinary(Object o) {
    if (o instanceof BidderTickSettled e) {
      BidderTickSettledProto.Builder b = BidderTickSettledProto.newBuilder();
      for (StrategyDecision d : e.decisions()) {
        b.addDecisions(StrategyDecisionProto.newBuilder().setKind(d.kind()).setItem(d.item()).setReason(d.reason()));
      }
      return b
          .setTick(e.tick())
          .setAgent(e.agent())
          .setAuctions(e.auctions())
          .setBids(e.bids())
          .setBidSumMicros(e.bidSumMicros())
          .setImpressions(e.impressions())
          .setSpendMicros(e.spendMicros())
          .setClicks(e.clicks())
          .setConversions(e.conversions())
          .setRevenueMicros(e.revenueMicros())
          .setSpentTodayMicros(e.spentTodayMicros())
          .setMultiplier(e.multiplier())
          .build()
          .toByteArray();
    }
    if (o instanceof BidderCheckpoint c) {
      BidderSnapshot.Builder b =
          BidderSnapshot.newBuilder().setTick(c.tick()).setSpentTodayMicros(c.spentTodayMicros());
      for (double v : c.strategyState()) {
        b.addStrategyState(v);
      }
      return b.build().toByteArray();
    }
    if (o instanceof ExternalAnswersRecorded e) {
      return external(e).toByteArray();
    }
    throw new IllegalArgumentException("AgentSerializer cannot serialize " + o.getClass());
  }

  private static ExternalAnswersRecordedProto external(ExternalAnswersRecorded e) {
    ExternalAnswers a = e.answers();
    ExternalAnswersRecordedProto.Builder b = ExternalAnswersRecordedProto.newBuilder()
        .setAgent(e.agent()).setTick(a.tick()).setPartition(a.partition());
    for (int i = 0; i < a.rows().length; i++) {
      b.addRows(a.rows()[i]).addBidMicros(a.bidMicros()[i]).addReasons(a.reasons()[i]);
    }
    return b.build();
  }

  private static ExternalAnswersRecorded external(ExternalAnswersRecordedProto p) {
    return new ExternalAnswersRecorded(p.getAgent(), new ExternalAnswers(p.getTick(), p.getPartition(),
        p.getRowsList().stream().mapToInt(Integer::intValue).toArray(),
        p.getBidMicrosList().stream().mapToLong(Long::longValue).toArray(),
        p.getReasonsList().toArray(String[]::new)));
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    try {
      return switch (manifest) {
        case SETTLED -> {
          BidderTickSettledProto p = BidderTickSettledProto.parseFrom(bytes);
          yield new BidderTickSettled(
              p.getTick(), p.getAgent(), p.getAuctions(), p.getBids(), p.getBidSumMicros(), p.getImpressions(),
              p.getSpendMicros(), p.getClicks(), p.getConversions(), p.getRevenueMicros(), p.getSpentTodayMicros(),
              p.getMultiplier(), p.getDecisionsList().stream()
                  .map(d -> new StrategyDecision(d.getKind(), d.getItem(), d.getReason())).toList());
        }
        case SNAPSHOT -> {
          BidderSnapshot p = BidderSnapshot.parseFrom(bytes);
          yield new BidderCheckpoint(
              p.getTick(), p.getSpentTodayMicros(),
              p.getStrategyStateList().stream().mapToDouble(Double::doubleValue).toArray());
        }
        case EXTERNAL -> external(ExternalAnswersRecordedProto.parseFrom(bytes));
        default -> throw new NotSerializableException("unknown manifest " + manifest);
      };
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("corrupt " + manifest + " in the journal: " + e.getMessage(), e);
    }
  }
}
