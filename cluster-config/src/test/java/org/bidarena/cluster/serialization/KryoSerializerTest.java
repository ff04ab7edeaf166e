package org.bidarena.cluster.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.bidarena.core.driver.Driver;
import org.bidarena.core.driver.RunProgress;
import org.bidarena.core.events.RunStarted;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.protocol.BidderProtocol;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.protocol.EpochProtocol;
import org.bidarena.core.protocol.ExchangeProtocol;
import org.bidarena.core.protocol.Incarnation;
import org.bidarena.core.protocol.OwnMemory;
import org.bidarena.core.protocol.Participant;
import org.bidarena.core.protocol.ShardProtocol;
import org.bidarena.core.protocol.VisitBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class KryoSerializerTest {
  private static final ActorTestKit KIT = ActorTestKit.create(ConfigFactory.parseString(
      "pekko.actor.provider = cluster\npekko.remote.artery.canonical.port = 0").withFallback(ConfigFactory.load()));

  @AfterAll
  static void shutdown() {
    KIT.shutdownTestKit();
  }

  /** Two visits with visible features and memory rows: visit 0 remembers agent 1, visit 1 agents 0 and 9999. */
  private static final VisitBatch VISITS = new VisitBatch(new int[] {7, 9}, new byte[] {1, 3},
      new short[] {12, 999}, new byte[] {0, 2}, new int[] {0b101, 0}, new byte[] {1, 3}, new int[] {0, 1, 3},
      new int[] {1, 0, 9_999}, new byte[] {1, 2, 0}, new int[] {5, VisitBatch.NEVER, 11},
      new int[] {VisitBatch.NEVER, 3, VisitBatch.NEVER});

  @Test
  void everyClusterMessageRoundTripsThroughKryo() {
    // given one message of every kind that crosses the wire
    TestProbe<RunProgress> observer = KIT.createTestProbe();
    TestProbe<EpochProtocol.Advance> keeper = KIT.createTestProbe();
    TestProbe<DriverProtocol.Command> driver = KIT.createTestProbe();
    Participant bidder = new Participant(Participant.Kind.BIDDER, 4);
    List<Object> messages = List.of(
        new ShardProtocol.Tick(12),
        new ShardProtocol.Impressions(12, 1L << 43, new int[] {-1, 0, 9_999}, new int[] {0, 2, 1},
            new long[] {0, 1500, 2600}),
        new ExchangeProtocol.Visits(12, 5, VISITS),
        new ExchangeProtocol.Bids(12, 1, 2, new int[] {1, 2}, new long[] {2000, 3100}, new int[] {0, 3}, 99_000),
        new BidderProtocol.BidRequests(12, 1, VISITS.auctions(), OwnMemory.split(VISITS, 10_000)[0], 500),
        new BidderProtocol.WinNotice(12, 1, 3, 6000, new long[] {(12L << 43) + 4, (12L << 43) + 9},
            new long[] {1500, 2500}, new int[] {0, 1}),
        new BidderProtocol.Outcomes(12, 5, new long[] {(12L << 43) + 4, (11L << 43) + 2}, new byte[] {1, 2},
            new long[] {0, 25_000_000}),
        new DriverProtocol.TickDone(12, bidder, true, 42),
        new DriverProtocol.TickFailed(12, bidder, "no snapshot"),
        new Driver.Start(new RunStarted("seed = 7", 7, "ab".repeat(32), 672), new RestorePoint(95), observer.getRef(),
            new String[] {"pekko://BidArena@127.0.0.1:25520", "pekko://BidArena@127.0.0.1:25521"}),
        new RunProgress.TickFinished(12, 300, 672),
        new RunProgress.RunFinished(671),
        new RunProgress.RunFailed("tick 3: shard-1 failed"),
        new ShardProtocol.Halt(new Incarnation(2, 95)),
        new ExchangeProtocol.Halt(new Incarnation(2, 95)),
        new BidderProtocol.Halt(new Incarnation(2, -1)),
        new DriverProtocol.Halted(bidder, new Incarnation(2, 95)),
        new DriverProtocol.EpochAdvanced(3, keeper.getRef()),
        new EpochProtocol.Advance(3, driver.getRef()),
        new Driver.MemberLost("pekko://BidArena@127.0.0.1:25522"),
        new Driver.MemberJoined("pekko://BidArena@127.0.0.1:25523"),
        new Driver.NodeStarted("pekko://BidArena@127.0.0.1:25523"));
    Serialization serialization = SerializationExtension.get(KIT.system());

    for (Object message : messages) {
      // when it is serialized as the cluster would
      Serializer serializer = serialization.findSerializerFor(message);
      byte[] bytes = serializer.toBinary(message);
      Object back = serialization.deserialize(bytes, serializer.identifier(), "").get();

      // then Kryo carries it and it comes back equal (arrays compared by content)
      assertThat(serializer).as("%s", message.getClass()).isInstanceOf(KryoSerializer.class);
      assertThat(back).usingRecursiveComparison().isEqualTo(message);
    }
  }

  @Test
  void aResolvedActorRefStillReachesItsActor() throws Exception {
    // given a Start whose observer is a probe
    TestProbe<RunProgress> observer = KIT.createTestProbe();
    Driver.Start start = new Driver.Start(new RunStarted("x", 1, "c", 2), RestorePoint.START, observer.getRef());
    Serialization serialization = SerializationExtension.get(KIT.system());
    Serializer serializer = serialization.findSerializerFor(start);

    // when it round-trips
    Driver.Start back = (Driver.Start) serializer.fromBinary(serializer.toBinary(start), Driver.Start.class);

    // then the resolved ref delivers to the probe
    back.observer().tell(new RunProgress.RunFinished(1));
    observer.expectMessage(new RunProgress.RunFinished(1));
  }

  /** Not registered: it must never be written nor read. */
  record Unregistered(String payload) {}

  @Test
  void anUnregisteredClassIsRefusedBothWays() {
    KryoSerializer serializer = new KryoSerializer((org.apache.pekko.actor.ExtendedActorSystem)
        org.apache.pekko.actor.typed.javadsl.Adapter.toClassic(KIT.system()));

    // writing it fails and names the class
    assertThatThrownBy(() -> serializer.toBinary(new Unregistered("x")))
        .hasMessageContaining("Class is not registered")
        .hasMessageContaining(Unregistered.class.getName());

    // reading a class id no node registered fails instead of instantiating anything
    byte[] bytes = serializer.toBinary(new ShardProtocol.Tick(1));
    bytes[0] = (byte) 0x50; // class id 78: below the first registered id and not one of Kryo's own

    assertThatThrownBy(() -> serializer.fromBinary(bytes, ShardProtocol.Tick.class))
        .hasMessageContaining("Encountered unregistered class ID");
  }

  @Test
  void kryoIdsAreUniqueAndStable() {
    // the wire ids are positions in the list: a reordering would break mixed-version clusters
    assertThat(KryoRegistrations.CLASSES).doesNotHaveDuplicates();
    assertThat(KryoRegistrations.CLASSES.get(0)).isEqualTo(byte[].class);
    assertThat(KryoRegistrations.CLASSES.indexOf(Driver.Start.class)).isEqualTo(17);
  }
}
