package org.bidarena.core.events;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.NotSerializableException;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.bidarena.core.customer.CustomerBucket;
import org.bidarena.core.customer.ShardOutcomes;
import org.bidarena.protos.CheckpointCompletedProto;
import org.bidarena.protos.CustomerShardSnapshot;
import org.bidarena.protos.OutcomesRecordedProto;
import org.bidarena.protos.RunStartedProto;
import org.bidarena.protos.TickCompletedProto;

/** Protobuf for the events and snapshots of simulator-core. The manifest carries the schema version. */
public final class CoreSerializer extends SerializerWithStringManifest {
  static final String OUTCOMES = "OutcomesRecorded/v2";
  static final String OUTCOMES_V1 = "OutcomesRecorded/v1";
  static final String TICK = "TickCompleted/v1";
  static final String RUN = "RunStarted/v1";
  static final String CHECKPOINT = "CheckpointCompleted/v1";
  static final String SHARD_SNAPSHOT = "CustomerShardSnapshot/v2";
  static final String SHARD_SNAPSHOT_V1 = "CustomerShardSnapshot/v1";

  @Override
  public int identifier() {
    return 731001;
  }

  @Override
  public String manifest(Object o) {
    if (o instanceof OutcomesRecorded) return OUTCOMES;
    if (o instanceof TickCompleted) return TICK;
    if (o instanceof RunStarted) return RUN;
    if (o instanceof CheckpointCompleted) return CHECKPOINT;
    if (o instanceof CustomerBucket) return SHARD_SNAPSHOT;
    throw new IllegalArgumentException("CoreSerializer cannot serialize " + o.getClass());
  }

  @Override
  public byte[] toBinary(Object o) {
    if (o instanceof OutcomesRecorded e) return outcomes(e).toByteArray();
    if (o instanceof TickCompleted e) {
      return TickCompletedProto.newBuilder().setTick(e.tick()).setAuctions(e.auctions()).build().toByteArray();
    }
    if (o instanceof RunStarted e) {
      return RunStartedProto.newBuilder()
          .setScenarioHocon(e.scenarioHocon())
          .setSeed(e.seed())
          .setScenarioSha256(e.scenarioSha256())
          .setTotalTicks(e.totalTicks())
          .build()
          .toByteArray();
    }
    if (o instanceof CheckpointCompleted e) {
      return CheckpointCompletedProto.newBuilder().setTick(e.tick()).build().toByteArray();
    }
    if (o instanceof CustomerBucket b) return snapshot(b).toByteArray();
    throw new IllegalArgumentException("CoreSerializer cannot serialize " + o.getClass());
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    try {
      return switch (manifest) {
        case OUTCOMES -> outcomes(OutcomesRecordedProto.parseFrom(bytes), false);
        case OUTCOMES_V1 -> outcomes(OutcomesRecordedProto.parseFrom(bytes), true);
        case TICK -> {
          TickCompletedProto p = TickCompletedProto.parseFrom(bytes);
          yield new TickCompleted(p.getTick(), p.getAuctions());
        }
        case RUN -> {
          RunStartedProto p = RunStartedProto.parseFrom(bytes);
          yield new RunStarted(p.getScenarioHocon(), p.getSeed(), p.getScenarioSha256(), p.getTotalTicks());
        }
        case CHECKPOINT -> new CheckpointCompleted(CheckpointCompletedProto.parseFrom(bytes).getTick());
        case SHARD_SNAPSHOT -> bucket(CustomerShardSnapshot.parseFrom(bytes));
        case SHARD_SNAPSHOT_V1 -> throw new IllegalStateException("a " + SHARD_SNAPSHOT_V1 + " checkpoint is from the"
            + " market model before 2.0 and cannot be resumed by this version; start the run again");
        default -> throw new NotSerializableException("unknown manifest " + manifest);
      };
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("corrupt " + manifest + " in the journal: " + e.getMessage(), e);
    }
  }

  private static OutcomesRecordedProto outcomes(OutcomesRecorded e) {
    ShardOutcomes o = e.outcomes();
    OutcomesRecordedProto.Builder b =
        OutcomesRecordedProto.newBuilder()
            .setTick(e.tick())
            .setShard(e.shard())
            .setVisits(o.visits())
            .setImpressions(o.impressions())
            .setFatiguedImpressions(o.fatiguedImpressions());
    for (int i = 0; i < o.rows(); i++) {
      b.addCustomers(o.customers()[i]);
      b.addAgents(o.agents()[i]);
      b.addKinds(o.kinds()[i]);
      b.addRevenueMicros(o.revenueMicros()[i]);
      b.addAuctionIds(o.auctionIds()[i]);
      b.addCreditCounts(o.creditStart()[i + 1] - o.creditStart()[i]);
      b.addCauseAgent(o.causeAgent()[i]);
    }
    for (int c = 0; c < o.creditAgent().length; c++) {
      b.addCreditAgent(o.creditAgent()[c]);
      b.addCreditCreative(o.creditCreative()[c]);
      b.addCreditTick(o.creditTick()[c]);
      b.addCreditPpm(o.creditPpm()[c]);
    }
    for (int c : o.stageCounts()) {
      b.addStageCounts(c);
    }
    return b.build();
  }

  /**
   * A v1 event (before market model 2.0) reads with no credits, no auction ids, and each purchase caused by
   * its credited agent, as that model had it: every purchase came from an ad.
   */
  private static OutcomesRecorded outcomes(OutcomesRecordedProto p, boolean v1) {
    int n = p.getCustomersCount();
    int[] customers = new int[n];
    int[] agents = new int[n];
    byte[] kinds = new byte[n];
    long[] revenue = new long[n];
    long[] auctions = new long[n];
    int[] creditStart = new int[n + 1];
    int[] cause = new int[n];
    for (int i = 0; i < n; i++) {
      customers[i] = p.getCustomers(i);
      agents[i] = p.getAgents(i);
      kinds[i] = (byte) p.getKinds(i);
      revenue[i] = p.getRevenueMicros(i);
      if (v1) {
        auctions[i] = p.getAuctionIdsCount() == n ? p.getAuctionIds(i) : -1;
        cause[i] = (kinds[i] & ShardOutcomes.PURCHASE) != 0 ? agents[i] : ShardOutcomes.NO_PURCHASE;
      } else {
        auctions[i] = p.getAuctionIds(i);
        cause[i] = p.getCauseAgent(i);
        creditStart[i + 1] = creditStart[i] + p.getCreditCounts(i);
      }
    }
    int[] stageCounts = p.getStageCountsList().stream().mapToInt(Integer::intValue).toArray();
    return new OutcomesRecorded(
        p.getTick(), p.getShard(),
        new ShardOutcomes(p.getVisits(), p.getImpressions(), p.getFatiguedImpressions(), customers, agents, kinds,
            revenue, auctions, creditStart, ints(p.getCreditAgentList()), ints(p.getCreditCreativeList()),
            ints(p.getCreditTickList()), ints(p.getCreditPpmList()), cause, stageCounts));
  }

  private static int[] ints(java.util.List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  private static long[] longs(java.util.List<Long> list) {
    return list.stream().mapToLong(Long::longValue).toArray();
  }

  private static CustomerShardSnapshot snapshot(CustomerBucket b) {
    CustomerShardSnapshot.Builder s =
        CustomerShardSnapshot.newBuilder()
            .setTick(b.tick)
            .setFirstCustomer(b.firstCustomer)
            .setStage(ByteString.copyFrom(b.stage))
            .setFlags(ByteString.copyFrom(b.flags))
            .setTouchCreative(ByteString.copyFrom(b.touchCreative))
            .setTouchInfo(ByteString.copyFrom(b.touchInfo))
            .setTouchNext(ByteString.copyFrom(b.touchNext))
            .setSlotFrequencyToday(ByteString.copyFrom(b.slotFrequencyToday))
            .setSlotRecent(ByteString.copyFrom(b.slotRecent));
    for (int i = 0; i < b.size; i++) {
      s.addLastClickAgents(b.lastClickAgent[i]);
      s.addLastClickAuction(b.lastClickAuction[i]);
    }
    for (int k = 0; k < b.touchAgent.length; k++) {
      s.addTouchAgent(b.touchAgent[k]);
      s.addTouchTick(b.touchTick[k]);
    }
    for (int k = 0; k < b.slotAgent.length; k++) {
      s.addSlotAgent(b.slotAgent[k]);
      s.addSlotLastImpression(b.slotLastImpression[k]);
      s.addSlotLastClick(b.slotLastClick[k]);
    }
    for (long c : b.creativeImpressions) {
      s.addCreativeImpressions(c);
    }
    return s.build();
  }

  private static CustomerBucket bucket(CustomerShardSnapshot s) {
    return new CustomerBucket(
        s.getFirstCustomer(), s.getTick(), s.getStage().toByteArray(), s.getFlags().toByteArray(), ints(s.getLastClickAgentsList()), longs(s.getLastClickAuctionList()),
        ints(s.getTouchAgentList()), ints(s.getTouchTickList()), s.getTouchCreative().toByteArray(),
        s.getTouchInfo().toByteArray(), s.getTouchNext().toByteArray(), ints(s.getSlotAgentList()),
        s.getSlotFrequencyToday().toByteArray(), s.getSlotRecent().toByteArray(),
        ints(s.getSlotLastImpressionList()), ints(s.getSlotLastClickList()), longs(s.getCreativeImpressionsList()));
  }
}
