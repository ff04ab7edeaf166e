package org.bidarena.agents.external;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.bidarena.core.external.ExternalAnswers;
import org.bidarena.core.external.ExternalBidder;
import org.bidarena.core.protocol.BidderProtocol;
import org.bidarena.core.protocol.BidderProtocol.BidRequests;

/**
 * The journal of one external agent's answers: a child of its Bidder that asks the external bidder about a
 * partition's rows, journals {@link ExternalAnswersRecorded}, and only then hands the answers to the Bidder.
 *
 * <p>Why a child with its own persistence id: a Bidder journals exactly one event per tick (the base
 * {@code TickEntity} checks re-runs tick by tick), while the answers must be durable earlier, before the bids
 * they make reach the exchange. On recovery this log reads back every answer journaled, so a resumed or
 * rewound run uses them instead of asking again: the external bidder is asked once per (tick, partition).
 */
public final class AnswerLog
    extends EventSourcedBehavior<AnswerLog.Command, ExternalAnswersRecorded, AnswerLog.State> {

  public sealed interface Command {}

  /** Answers about these rows of the request; the reply is {@link BidderProtocol.ExternalAnswered}. */
  public record Ask(BidRequests request, int[] rows, ActorRef<BidderProtocol.Command> replyTo) implements Command {}

  private record Answered(Ask ask, ExternalAnswers answers) implements Command {}

  /** The answers journaled and not yet used, by (tick, partition). */
  public static final class State {
    final Map<Long, ExternalAnswers> journaled = new HashMap<>();
  }

  private final ActorContext<Command> context;
  private final String agent;
  private final ExternalBidder bidder;
  private final long restoredTick;

  /** @param restoredTick the tick of the checkpoint the Bidder restores: answers up to it are never asked for again */
  public static Behavior<Command> create(String agent, ExternalBidder bidder, long restoredTick) {
    return Behaviors.setup(ctx -> new AnswerLog(ctx, agent, bidder, restoredTick));
  }

  private AnswerLog(ActorContext<Command> context, String agent, ExternalBidder bidder, long restoredTick) {
    super(PersistenceId.of("ExternalAnswers", agent));
    this.context = context;
    this.agent = agent;
    this.bidder = bidder;
    this.restoredTick = restoredTick;
  }

  private static long key(long tick, int partition) {
    return tick << 20 | partition;
  }

  @Override
  public State emptyState() {
    return new State();
  }

  @Override
  public CommandHandler<Command, ExternalAnswersRecorded, State> commandHandler() {
    return newCommandHandlerBuilder().forAnyState()
        .onCommand(Ask.class, this::onAsk)
        .onCommand(Answered.class, this::onAnswered)
        .build();
  }

  private Effect<ExternalAnswersRecorded, State> onAsk(State state, Ask ask) {
    ExternalAnswers known = state.journaled.remove(key(ask.request().tick(), ask.request().partition()));
    if (known != null) {
      ask.replyTo().tell(new BidderProtocol.ExternalAnswered(ask.request(), known));
      return Effect().none();
    }
    context.pipeToSelf(bidder.ask(ask.request(), ask.rows()), (answers, failure) ->
        new Answered(ask, answers != null ? answers : failedAll(ask, failure)));
    return Effect().none();
  }

  /** The contract says the bidder never fails; should it, every row is a no-bid rather than a stalled tick. */
  private ExternalAnswers failedAll(Ask ask, Throwable failure) {
    context.getLog().warn("agent {}: the external bidder failed: {}", agent, String.valueOf(failure));
    String[] reasons = new String[ask.rows().length];
    Arrays.fill(reasons, "transport");
    return new ExternalAnswers(ask.request().tick(), ask.request().partition(), ask.rows(),
        new long[ask.rows().length], reasons);
  }

  private Effect<ExternalAnswersRecorded, State> onAnswered(State state, Answered answered) {
    ExternalAnswers answers = answered.answers();
    return Effect().persist(new ExternalAnswersRecorded(agent, answers)).thenRun(s -> {
      s.journaled.remove(key(answers.tick(), answers.partition()));
      answered.ask().replyTo().tell(new BidderProtocol.ExternalAnswered(answered.ask().request(), answers));
    });
  }

  @Override
  public EventHandler<State, ExternalAnswersRecorded> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent((state, event) -> {
      if (event.tick() > restoredTick) {
        state.journaled.put(key(event.tick(), event.answers().partition()), event.answers());
      }
      return state;
    });
  }
}
