package org.bidarena.dashboard;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.javadsl.BroadcastHub;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The WebSocket feed: frames go to every connected page. Publishing never waits: a frame that finds the
 * queue full is dropped, and a slow page drops its oldest frames (each frame holds running totals, so the
 * next one makes up for any lost).
 */
final class Feed {
  private final BoundedSourceQueue<String> queue;
  private final Source<String, NotUsed> frames;
  private volatile String last = "{\"type\": \"idle\"}";
  private final AtomicInteger clients = new AtomicInteger();

  Feed(ActorSystem<?> system) {
    Pair<BoundedSourceQueue<String>, Source<String, NotUsed>> hub =
        Source.<String>queue(16).toMat(BroadcastHub.of(String.class, 16), Keep.both()).run(system);
    queue = hub.first();
    frames = hub.second();
    // A consumer of its own keeps the hub draining while no page is connected.
    frames.runWith(Sink.ignore(), system);
  }

  void publish(String frame) {
    last = frame;
    queue.offer(frame);
  }

  String last() {
    return last;
  }

  /** Pages connected now. */
  int clients() {
    return clients.get();
  }

  /** A page's socket: the latest frame at once, then every frame; what the page sends is ignored. */
  Flow<Message, Message, NotUsed> socket() {
    Source<Message, NotUsed> out = Source.lazySingle(() -> {
          clients.incrementAndGet();
          return last;
        })
        .concat(frames)
        .buffer(4, OverflowStrategy.dropHead())
        .map(f -> (Message) TextMessage.create(f))
        .watchTermination((mat, done) -> {
          done.whenComplete((d, e) -> clients.decrementAndGet());
          return mat;
        });
    return Flow.fromSinkAndSourceCoupled(Sink.ignore(), out);
  }
}
