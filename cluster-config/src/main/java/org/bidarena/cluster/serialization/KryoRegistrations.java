package org.bidarena.cluster.serialization;

import com.esotericsoftware.kryo.Kryo;
import java.util.List;
import org.bidarena.core.driver.Driver;
import org.bidarena.core.driver.RunProgress;
import org.bidarena.core.events.RunStarted;
import org.bidarena.core.journal.RestorePoint;
import org.bidarena.core.protocol.AuctionBatch;
import org.bidarena.core.protocol.BidderProtocol;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.protocol.EpochProtocol;
import org.bidarena.core.protocol.ExchangeProtocol;
import org.bidarena.core.protocol.Incarnation;
import org.bidarena.core.protocol.OwnMemory;
import org.bidarena.core.protocol.Participant;
import org.bidarena.core.protocol.ShardProtocol;
import org.bidarena.core.protocol.VisitBatch;

/**
 * Every class that may cross the wire between BidArena nodes, with a fixed Kryo id.
 *
 * <p>Ids are part of the wire format between nodes of one cluster: append new classes at the end and
 * never renumber, so that nodes built from neighbouring versions still agree.
 */
public final class KryoRegistrations {
  /** Kryo reserves the low ids for primitives and String. */
  static final int FIRST_ID = 100;

  /** The classes, in id order starting at {@link #FIRST_ID}. */
  public static final List<Class<?>> CLASSES = List.of(
      byte[].class,
      int[].class,
      long[].class,
      Participant.class,
      Participant.Kind.class,
      VisitBatch.class,
      ShardProtocol.Tick.class,
      ShardProtocol.Impressions.class,
      ExchangeProtocol.Visits.class,
      ExchangeProtocol.Bids.class,
      BidderProtocol.BidRequests.class,
      BidderProtocol.WinNotice.class,
      BidderProtocol.Outcomes.class,
      DriverProtocol.TickDone.class,
      DriverProtocol.TickFailed.class,
      RestorePoint.class,
      RunStarted.class,
      Driver.Start.class,
      RunProgress.TickFinished.class,
      RunProgress.RunFinished.class,
      RunProgress.RunFailed.class,
      Incarnation.class,
      ShardProtocol.Halt.class,
      ExchangeProtocol.Halt.class,
      BidderProtocol.Halt.class,
      DriverProtocol.Halted.class,
      DriverProtocol.EpochAdvanced.class,
      EpochProtocol.Advance.class,
      Driver.MemberLost.class,
      Driver.MemberJoined.class,
      Driver.NodeStarted.class,
      String[].class,
      Driver.Pace.class,
      Driver.Pace.Action.class,
      short[].class,
      AuctionBatch.class,
      OwnMemory.class);

  private KryoRegistrations() {}

  /** Registers every message class, and typed actor refs through {@code refs}. */
  static void register(Kryo kryo, TypedActorRefSerializer refs) {
    kryo.setRegistrationRequired(true);
    kryo.setReferences(false);
    int id = FIRST_ID;
    for (Class<?> type : CLASSES) {
      kryo.register(type, id++);
    }
    kryo.addDefaultSerializer(org.apache.pekko.actor.typed.ActorRef.class, refs);
    // Local and remote typed refs are both this adapter class once resolved.
    kryo.register(org.apache.pekko.actor.typed.internal.adapter.ActorRefAdapter.class, refs, 90);
  }
}
