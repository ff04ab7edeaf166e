package org.bidarena.core.driver;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pekko.actor.typed.ActorRef;
import org.bidarena.core.protocol.EpochProtocol;
import org.bidarena.core.protocol.Incarnation;
import org.bidarena.core.protocol.Participant;

/**
 * The Driver's bookkeeping while it rewinds a run to its last complete checkpoint, in two steps: first
 * every node's epoch keeper learns the new epoch, then every participant of the old incarnations halts.
 * Only then may the new incarnation start, so no old entity can write to the journal behind its back.
 */
final class Rewind {
  /** One participant of one incarnation, not yet known to have stopped. */
  record Halting(Participant who, Incarnation incarnation) implements Comparable<Halting> {
    @Override
    public int compareTo(Halting o) {
      int c = Integer.compare(incarnation.epoch(), o.incarnation.epoch());
      return c != 0 ? c : who.compareTo(o.who);
    }
  }

  private final Incarnation target;
  private final String reason;
  private final Set<ActorRef<EpochProtocol.Advance>> advanced = new HashSet<>();
  private final Set<ActorRef<EpochProtocol.Advance>> advancing = new HashSet<>();
  private final TreeSet<Halting> halting = new TreeSet<>();
  private boolean keepersListed;

  /**
   * @param target the incarnation to start once the rewind is done
   * @param stale every participant of these incarnations must halt first
   */
  Rewind(Incarnation target, String reason, List<Participant> participants, Set<Incarnation> stale) {
    this.target = target;
    this.reason = reason;
    for (Incarnation incarnation : stale) {
      for (Participant who : participants) {
        halting.add(new Halting(who, incarnation));
      }
    }
  }

  Incarnation target() {
    return target;
  }

  String reason() {
    return reason;
  }

  /** The incarnations some participant of which has not halted yet. */
  Set<Incarnation> unhalted() {
    Set<Incarnation> all = new HashSet<>();
    halting.forEach(h -> all.add(h.incarnation()));
    return all;
  }

  /** The keepers the Receptionist lists now; returns those still to be told of the new epoch. */
  Set<ActorRef<EpochProtocol.Advance>> keepersListed(Set<ActorRef<EpochProtocol.Advance>> listed) {
    keepersListed = true;
    advancing.clear();
    for (ActorRef<EpochProtocol.Advance> keeper : listed) {
      if (!advanced.contains(keeper)) {
        advancing.add(keeper);
      }
    }
    return Set.copyOf(advancing);
  }

  void keeperAdvanced(ActorRef<EpochProtocol.Advance> keeper) {
    advanced.add(keeper);
    advancing.remove(keeper);
  }

  /** Every listed node knows the new epoch: the halts may go out. */
  boolean everyNodeAdvanced() {
    return keepersListed && advancing.isEmpty();
  }

  void halted(Participant who, Incarnation incarnation) {
    halting.remove(new Halting(who, incarnation));
  }

  boolean everyoneHalted() {
    return halting.isEmpty();
  }

  /** Who has not halted yet, in a stable order. */
  List<Halting> stillRunning() {
    return List.copyOf(halting);
  }

  /** What the rewind still waits for, for a message when it takes too long. */
  String waitingFor() {
    if (!everyNodeAdvanced()) {
      return advancing.size() + " node(s) to learn epoch " + target.epoch();
    }
    return halting.size() + " participant(s) to halt, first " + halting.first();
  }
}
