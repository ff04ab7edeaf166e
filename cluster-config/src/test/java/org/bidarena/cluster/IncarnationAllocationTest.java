package org.bidarena.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.bidarena.core.protocol.Incarnation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import scala.collection.immutable.IndexedSeq;
import scala.concurrent.Await;
import scala.concurrent.duration.Duration;
import scala.jdk.javaapi.CollectionConverters;

class IncarnationAllocationTest {
  private static final ActorTestKit KIT = ActorTestKit.create();

  @AfterAll
  static void shutdown() {
    KIT.shutdownTestKit();
  }

  private static ActorRef region(String name) {
    return Adapter.toClassic(KIT.createTestProbe(name).ref());
  }

  private static IndexedSeq<String> seq(List<String> shards) {
    return CollectionConverters.asScala(shards).toIndexedSeq();
  }

  @Test
  void aNewIncarnationShouldSpreadEvenlyOverEveryRegionStartingWithTheEmptyOne() throws Exception {
    // given two regions that hold shards of incarnation 0 and a region that just joined
    ActorRef busy = region("busy");
    ActorRef lessBusy = region("less-busy");
    ActorRef joined = region("joined");
    Incarnation first = new Incarnation(0, -1);
    Incarnation next = first.next(23);
    Map<ActorRef, List<String>> placed = new HashMap<>();
    placed.put(busy, new ArrayList<>(List.of(first.entityId("0"), first.entityId("1"), first.entityId("2"))));
    placed.put(lessBusy, new ArrayList<>(List.of(first.entityId("3"), first.entityId("4"))));
    placed.put(joined, new ArrayList<>());
    IncarnationAllocation allocation = new IncarnationAllocation();

    // when the six entities of the next incarnation are placed one by one
    List<ActorRef> chosen = new ArrayList<>();
    for (int k = 0; k < 6; k++) {
      Map<ActorRef, IndexedSeq<String>> current = new HashMap<>();
      placed.forEach((region, shards) -> current.put(region, seq(shards)));
      ActorRef region = Await.result(
          allocation.allocateShard(busy, next.entityId(Integer.toString(k)), current), Duration.create(1, TimeUnit.SECONDS));
      placed.get(region).add(next.entityId(Integer.toString(k)));
      chosen.add(region);
    }

    // then the joined region gets the first, and every region two
    assertThat(chosen.get(0)).isEqualTo(joined);
    assertThat(chosen).filteredOn(joined::equals).hasSize(2);
    assertThat(chosen).filteredOn(busy::equals).hasSize(2);
    assertThat(chosen).filteredOn(lessBusy::equals).hasSize(2);
  }

  @Test
  void itShouldNeverRebalance() throws Exception {
    Map<ActorRef, IndexedSeq<String>> current = Map.of(
        region("a"), seq(List.of("0@0:-1", "1@0:-1", "2@0:-1", "3@0:-1")), region("b"), seq(List.of()));

    Set<String> moved = Await.result(new IncarnationAllocation().rebalance(current, Set.of()), Duration.create(1, TimeUnit.SECONDS));

    assertThat(moved).isEmpty();
  }
}
