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
  static final String OUTCOMES = "OutcomesRecorded/v1";
  static final String TICK = "TickCompleted/v1";
  static final String RUN = "RunStarted/v1";
  static final String CHECKPOINT = "CheckpointCompleted/v1";
  static final String SHARD_SNAPSHOT = "CustomerShardSnapshot/v1";

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
        case OUTCOMES -> outcomes(OutcomesRecordedProto.parseFrom(bytes));
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
            .setImpressions(o.impressions());
    for (int i = 0; i < o.rows(); i++) {
      b.addCustomers(o.customers()[i]);
      b.addAgents(o.agents()[i]);
      b.addKinds(o.kinds()[i]);
      b.addRevenueMicros(o.revenueMicros()[i]);
      b.addAuctionIds(o.auctionIds()[i]);
    }
    for (int c : o.stageCounts()) {
      b.addStageCounts(c);
    }
    return b.build();
  }

  private static OutcomesRecorded outcomes(OutcomesRecordedProto p) {
    int n = p.getCustomersCount();
    int[] customers = new int[n];
    int[] agents = new int[n];
    byte[] kinds = new byte[n];
    long[] revenue = new long[n];
    long[] auctionIds = new long[n];
    boolean withAuctions = p.getAuctionIdsCount() == n;
    for (int i = 0; i < n; i++) {
      customers[i] = p.getCustomers(i);
      agents[i] = p.getAgents(i);
      kinds[i] = (byte) p.getKinds(i);
      revenue[i] = p.getRevenueMicros(i);
      auctionIds[i] = withAuctions ? p.getAuctionIds(i) : -1;
    }
    int[] stageCounts = p.getStageCountsList().stream().mapToInt(Integer::intValue).toArray();
    return new OutcomesRecorded(
        p.getTick(), p.getShard(),
        new ShardOutcomes(p.getVisits(), p.getImpressions(), customers, agents, kinds, revenue, auctionIds,
            stageCounts));
  }

  private static CustomerShardSnapshot snapshot(CustomerBucket b) {
    CustomerShardSnapshot.Builder s =
        CustomerShardSnapshot.newBuilder()
            .setTick(b.tick)
            .setFirstCustomer(b.firstCustomer)
            .setAgents(b.agents)
            .setStage(ByteString.copyFrom(b.stage))
            .setExposuresToday(ByteString.copyFrom(b.exposuresToday))
            .setRecentExposures(ByteString.copyFrom(b.recentExposures));
    for (int i = 0; i < b.size; i++) {
      s.addStageSince(b.stageSince[i]);
      s.addLastEngaged(b.lastEngaged[i]);
      s.addLifetimeValueMicros(b.lifetimeValueMicros[i]);
      s.addLastClickTick(b.lastClickTick[i]);
      s.addLastClickAgents(b.lastClickAgent[i]);
      s.addLastClickAuction(b.lastClickAuction[i]);
    }
    return s.build();
  }

  private static CustomerBucket bucket(CustomerShardSnapshot s) {
    int n = s.getStage().size();
    int[] lastClickAgent = new int[n];
    long[] lastClickAuction = new long[n];
    byte[] oldAgents = s.getLastClickAgent().toByteArray();
    for (int i = 0; i < n; i++) {
      lastClickAgent[i] = s.getLastClickAgentsCount() == n ? s.getLastClickAgents(i) : oldAgents[i];
      lastClickAuction[i] = s.getLastClickAuctionCount() == n ? s.getLastClickAuction(i) : -1;
    }
    return new CustomerBucket(
        s.getFirstCustomer(), s.getAgents(), s.getTick(), s.getStage().toByteArray(),
        s.getStageSinceList().stream().mapToInt(Integer::intValue).toArray(),
        s.getLastEngagedList().stream().mapToInt(Integer::intValue).toArray(),
        s.getLifetimeValueMicrosList().stream().mapToLong(Long::longValue).toArray(),
        lastClickAgent, s.getLastClickTickList().stream().mapToInt(Integer::intValue).toArray(), lastClickAuction,
        s.getExposuresToday().toByteArray(), s.getRecentExposures().toByteArray());
  }
}
