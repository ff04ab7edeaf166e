package org.bidarena.cluster;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The node's health endpoint, on Pekko HTTP:
 * <ul>
 *   <li>{@code GET /alive}: 200 while the actor system runs (liveness);
 *   <li>{@code GET /ready}: 200 once this node is Up in the cluster and its engine started, else 503;
 *   <li>{@code GET /status}: JSON with this node, its process id, its roles, the member list with roles
 *       and status, the current tick, and how many entities (of any incarnation) were started here.
 * </ul>
 */
public final class HealthServer extends AllDirectives {
  private final ActorSystem<?> system;
  private final NodeStatus status;

  private HealthServer(ActorSystem<?> system, NodeStatus status) {
    this.system = system;
    this.status = status;
  }

  public static CompletionStage<ServerBinding> start(ActorSystem<?> system, NodeStatus status, String host, int port) {
    return Http.get(system).newServerAt(host, port).bind(new HealthServer(system, status).routes());
  }

  private Route routes() {
    return get(() -> concat(
        path("alive", () -> complete("alive\n")),
        path("ready", () -> ready()
            ? complete("ready\n")
            : complete(StatusCodes.SERVICE_UNAVAILABLE, "not ready\n")),
        path("status", () -> complete(HttpEntities.create(ContentTypes.APPLICATION_JSON, statusJson())))));
  }

  boolean ready() {
    return Cluster.get(system).selfMember().status() == MemberStatus.up() && status.isEngineStarted();
  }

  String statusJson() {
    Cluster cluster = Cluster.get(system);
    Member self = cluster.selfMember();
    List<Member> members = StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
        .sorted(Comparator.comparing(m -> m.address().toString()))
        .toList();
    String memberList = members.stream()
        .map(m -> "{\"address\": \"" + m.address() + "\", \"status\": \"" + m.status() + "\", \"roles\": "
            + roles(m) + "}")
        .collect(Collectors.joining(", ", "[", "]"));
    return "{\"node\": \"" + self.address() + "\", \"pid\": " + ProcessHandle.current().pid()
        + ", \"status\": \"" + self.status() + "\", \"roles\": " + roles(self)
        + ", \"ready\": " + ready() + ", \"currentTick\": " + status.currentTick() + ", \"entitiesStarted\": " + status.entitiesStarted()
        + ", \"members\": " + memberList + "}\n";
  }

  private static String roles(Member m) {
    return m.getRoles().stream()
        .filter(NodeSettings.ALL_ROLES::contains)
        .sorted()
        .map(r -> "\"" + r + "\"")
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
