package org.bidarena.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.journal.RecordedRun;
import org.bidarena.analysis.report.HtmlReport;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.core.driver.Driver;

/**
 * The HTTP side: the page, its script, Chart.js from its WebJar, a small API and the WebSocket feed. Every
 * request, the WebSocket upgrade included, passes the token check first.
 */
public final class DashboardServer extends AllDirectives {
  private static final String RESOURCES = "bidarena/dashboard/";

  private final Dashboard dashboard;
  private final AccessToken token;
  private Feed feed;

  public DashboardServer(Dashboard dashboard, AccessToken token) {
    this.dashboard = dashboard;
    this.token = token;
  }

  /** Binds the server on {@code host:port} (port 0 picks a free one). */
  public CompletionStage<ServerBinding> bind(ActorSystem<?> system, String host, int port) {
    feed = new Feed(system);
    dashboard.attach(feed);
    return Http.get(system).newServerAt(host, port).bind(routes());
  }

  Route routes() {
    return extractRequest(req -> {
      String offered = req.getUri().query().get("token")
          .orElse(req.getHeader("X-BidArena-Token").map(HttpHeader::value).orElse(null));
      if (!token.accepts(offered)) {
        return complete(StatusCodes.UNAUTHORIZED, "a token is required: open the address the server printed at start");
      }
      return handleExceptions(
          org.apache.pekko.http.javadsl.server.ExceptionHandler.newBuilder()
              .match(BadInput.class, e -> complete(StatusCodes.BAD_REQUEST, e.getMessage()))
              .build(),
          () -> concat(pages(), api(), path("ws", () -> handleWebSocketMessages(feed.socket())), reports()));
    });
  }

  private Route pages() {
    return get(() -> concat(
        pathSingleSlash(() -> getFromResource(RESOURCES + "index.html", ContentTypes.TEXT_HTML_UTF8)),
        path("dashboard.js", () -> getFromResource(RESOURCES + "dashboard.js")),
        path("chart.js", () -> getFromResource(HtmlReport.CHART_JS))));
  }

  private Route api() {
    return pathPrefix("api", () -> concat(
        path("scenarios", () -> get(() -> json(() -> Json.strings(dashboard.scenarios())))),
        path("frame", () -> get(() -> json(feed::last))),
        path("clients", () -> get(() -> json(() -> Integer.toString(feed.clients())))),
        path("runs", () -> concat(
            get(() -> json(dashboard::runsJson)),
            post(this::startRun))),
        path("control", () -> post(() -> parameter("action", action -> parameterOptional("tps", tps -> {
          Driver.Pace.Action a = paceAction(action);
          dashboard.pace(a, tps.map(DashboardServer::ticksPerSecond).orElse(0.0));
          return json(() -> "{\"ok\": true}");
        })))),
        path("render", () -> post(() -> parameter("ms", ms -> {
          dashboard.renderEvery(whole(ms, "render interval"));
          return json(() -> "{\"ok\": true}");
        }))),
        path("compare", () -> get(() -> parameter("a", a -> parameter("b", b -> json(() -> dashboard.compare(a, b))))))));
  }

  /** POST /api/runs?scenario=..&seed=..&set=K=V..&name=..; the body is an uploaded scenario file, or empty. */
  private Route startRun() {
    return withSizeLimit(Dashboard.MAX_UPLOAD_BYTES, () -> entity(Unmarshaller.entityToString(), body ->
        parameterOptional("scenario", scenario -> parameterOptional("seed", seed ->
            parameterList("set", sets -> parameterOptional("name", name ->
                parameterOptional("paused", paused -> parameterOptional("tps", tps -> json(() -> {
                  String started = dashboard.start(scenario.orElse("default"), body, seed.orElse(null),
                      List.copyOf(sets), name.orElse(null), paused.map(Boolean::parseBoolean).orElse(false),
                      tps.map(DashboardServer::ticksPerSecond).orElse(0.0));
                  return "{\"run\": " + Json.string(started) + "}";
                })))))))));
  }

  /** GET /runs/NAME/report: the run's report.html, made from its journal the first time. */
  private Route reports() {
    return pathPrefix("runs", () -> pathPrefix(segment -> path("report", () -> get(() -> {
      Path dir = dashboard.runs().child(segment);
      Path report = dir.resolve("report.html");
      if (!Files.isRegularFile(report)) {
        if (dashboard.isLive(segment) || !Files.isRegularFile(dir.resolve("summary.json"))) {
          return complete(StatusCodes.CONFLICT, "run '" + segment + "' has not finished: its report comes at the end");
        }
        try {
          RecordedRun run = RecordedRun.read(RunFolder.open(dir), JournalSettings.h2(dir), dir.toString(), true);
          RunFolder.writeAtomically(report, HtmlReport.render(run));
        } catch (java.io.IOException e) {
          throw new BadInput("the report of " + segment + " cannot be written: " + e.getMessage());
        }
      }
      return getFromFile(report.toFile(), ContentTypes.TEXT_HTML_UTF8);
    }))));
  }

  /** A JSON answer; bad input becomes 400 with its one line. */
  private Route json(Checked<String> body) {
    try {
      return complete(HttpEntities.create(ContentTypes.APPLICATION_JSON, body.get()));
    } catch (BadInput e) {
      return complete(StatusCodes.BAD_REQUEST, e.getMessage());
    } catch (Exception e) {
      return complete(StatusCodes.INTERNAL_SERVER_ERROR, BadInput.rootMessage(e));
    }
  }

  interface Checked<T> {
    T get() throws Exception;
  }

  private static Driver.Pace.Action paceAction(String action) {
    try {
      return Driver.Pace.Action.valueOf(action.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInput("action '" + action + "' is not one of pause, resume, step, stop, speed");
    }
  }

  private static double ticksPerSecond(String text) {
    try {
      double v = Double.parseDouble(text);
      if (v < 0 || v > 100_000 || Double.isNaN(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new BadInput("speed '" + text + "' is not allowed: 0 (as fast as possible) to 100000 ticks per second");
    }
  }

  private static long whole(String text, String what) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new BadInput(what + " '" + text + "' is not a whole number");
    }
  }

}
