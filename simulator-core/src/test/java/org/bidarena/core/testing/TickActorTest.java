package org.bidarena.core.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.apache.pekko.persistence.testkit.javadsl.SnapshotTestKit;
import org.bidarena.core.scenario.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The set-up of a test of the tick actors (Driver, CustomerShard, Exchange, Bidder) on the in-memory
 * journal and snapshot store: one {@link ActorTestKit} per test class, which Pekko's JUnit 5 extension shuts
 * down after the last test; logs shown only when a test fails; before each test an empty journal and
 * snapshot store and fresh {@link ProbePeers} for the scenario; after it, every actor it spawned stopped.
 */
// One instance per class: the extension shuts down only the kit of the last instance it saw.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
public abstract class TickActorTest {
  @JUnit5TestKit
  protected final ActorTestKit testKit =
      new JUnit5TestKitBuilder().withName(getClass().getSimpleName()).withCustomConfig(config()).build();
  protected final PersistenceTestKit journal = PersistenceTestKit.create(testKit.system());
  protected final SnapshotTestKit snapshots = SnapshotTestKit.create(testKit.system());
  /** A probe for every peer of the scenario; new for each test. */
  protected ProbePeers peers;

  private final Scenario scenario;
  private final List<ActorRef<?>> spawned = new ArrayList<>();

  protected TickActorTest(Scenario scenario) {
    this.scenario = scenario;
  }

  /**
   * The configuration of an actor test kit for the tick actors: the modules' reference.conf (so the
   * protobuf serializers are bound), and the persistence testkit's in-memory journal and snapshot store,
   * both serializing what they store so the real serializers run. A probe waits up to 10 s for an expected
   * message (Pekko's default is 3 s): the wait ends as soon as it comes, and a 2-core machine busy with other
   * builds was seen to need more than 3 s.
   */
  public static Config config() {
    return PersistenceTestKitPlugin.getInstance().config()
        .withFallback(PersistenceTestKitSnapshotPlugin.config())
        .withFallback(ConfigFactory.parseString(
            "pekko.actor.serialize-messages = off\n"
                + "pekko.persistence.testkit.events.serialize = on\n"
                + "pekko.persistence.testkit.snapshots.serialize = on\n"
                + "pekko.actor.testkit.typed.single-expect-default = 10s\n"))
        .withFallback(ConfigFactory.load());
  }

  @BeforeEach
  protected final void emptyJournalAndFreshProbes() {
    journal.clearAll();
    snapshots.clearAll();
    peers = new ProbePeers(testKit, scenario);
  }

  @AfterEach
  protected final void stopSpawned() {
    spawned.forEach(testKit::stop);
    spawned.clear();
  }

  /** Spawns an actor under test, which is stopped after the test. */
  protected final <T> ActorRef<T> spawn(Behavior<T> behavior) {
    ActorRef<T> ref = testKit.spawn(behavior);
    spawned.add(ref);
    return ref;
  }

  /** Stops an actor before the test ends, to start it again from its journal. */
  protected final void stop(ActorRef<?> ref) {
    testKit.stop(ref);
    spawned.remove(ref);
  }
}
