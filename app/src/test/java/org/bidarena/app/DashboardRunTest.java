package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run started, paused, stepped and resumed from the dashboard journals exactly what the same run from the
 * command line does, and the page's final totals are summary.json's.
 */
class DashboardRunTest {
  private static final String[] SMALL = {"customers.count=2000", "time.days=1", "journal.checkpoint-every-ticks=48"};
  private static final Duration WAIT = Duration.ofMinutes(3);

  @Test
  void pausedSteppedAndResumedRunHasTheDigestOfAStraightRunAndTheTotalsOfItsSummary(@TempDir Path temp)
      throws Exception {
    Runs.Result cli = Runs.bidarena(Runs.withSets(SMALL, "run", "--seed", "7", "--out", temp.resolve("straight").toString()));
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    JsonNode straight = Runs.summary(temp.resolve("straight"));
    try (DashboardClient page = new DashboardClient(temp.resolve("runs"))) {
      page.connect();
      assertThat(page.post("/api/render?ms=100", "").statusCode()).isEqualTo(200);
      StringBuilder q = new StringBuilder("/api/runs?seed=7&name=live&paused=true");
      for (String s : SMALL) {
        q.append("&set=").append(s);
      }
      HttpResponse<String> started = page.post(q.toString(), "");
      assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

      // paused from the start: not even the first tick is played
      page.await(f -> "paused".equals(f.path("state").asText()) && f.path("panels").has("ticks"), WAIT,
          "a paused run");
      long held = stableTick(page);
      assertThat(held).isEqualTo(-1);
      // one step: exactly one more tick, then still
      assertThat(page.post("/api/control?action=step", "").statusCode()).isEqualTo(200);
      page.await(f -> DashboardClient.tick(f) == held + 1, WAIT, "the stepped tick " + (held + 1));
      assertThat(stableTick(page)).isEqualTo(held + 1);
      // resume at a set speed, then as fast as possible, to the end
      assertThat(page.post("/api/control?action=speed&tps=200", "").statusCode()).isEqualTo(200);
      assertThat(page.post("/api/control?action=resume", "").statusCode()).isEqualTo(200);
      page.await(f -> DashboardClient.tick(f) > held + 3, WAIT, "ticks after the resume");
      assertThat(page.post("/api/control?action=speed&tps=0", "").statusCode()).isEqualTo(200);
      JsonNode last = page.await(f -> "finished".equals(f.path("state").asText()), WAIT, "the finished run");

      JsonNode summary = Runs.summary(temp.resolve("runs/live"));
      assertThat(summary.get("digest").asText()).isEqualTo(straight.get("digest").asText());
      JsonNode ticks = last.path("panels").path("ticks");
      assertThat(ticks.get("tick").asLong() + 1).isEqualTo(summary.get("ticks").asLong());
      assertThat(ticks.get("auctions").asLong()).isEqualTo(summary.get("auctions").asLong());
      assertThat(ticks.get("impressions").asLong()).isEqualTo(summary.get("impressions").asLong());
      JsonNode agents = last.path("panels").path("agents");
      for (int a = 0; a < summary.get("agents").size(); a++) {
        JsonNode want = summary.get("agents").get(a);
        assertThat(agents.get(a).get("id").asText()).isEqualTo(want.get("id").asText());
        for (String key : new String[] {"impressions", "clicks", "conversions", "spendMicros", "revenueMicros"}) {
          assertThat(agents.get(a).get(key).asLong()).as(want.get("id").asText() + " " + key)
              .isEqualTo(want.get(key).asLong());
        }
      }
      for (var stage : (Iterable<java.util.Map.Entry<String, JsonNode>>) summary.get("funnel")::fields) {
        assertThat(last.path("panels").path("funnel").get(stage.getKey()).asLong()).isEqualTo(stage.getValue().asLong());
      }
      // the finished run is listed and its report opens
      assertThat(page.get("/api/runs").body()).contains("\"live\"");
      HttpResponse<String> report = page.get("/runs/live/report");
      assertThat(report.statusCode()).isEqualTo(200);
      assertThat(Files.isRegularFile(temp.resolve("runs/live/report.html"))).isTrue();
    }
  }

  @Test
  void anInvalidUploadIsRefusedWithItsErrorAndStartsNothing(@TempDir Path temp) throws Exception {
    try (DashboardClient page = new DashboardClient(temp.resolve("runs"))) {
      HttpResponse<String> bad = page.post("/api/runs?name=bad", "auction { type = sealed-envelope }\n");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("auction.type");
      HttpResponse<String> badSet = page.post("/api/runs?name=bad2&set=customers.count=-5", "");
      assertThat(badSet.statusCode()).isEqualTo(400);
      assertThat(badSet.body()).contains("customers.count");
      assertThat(temp.resolve("runs/bad")).doesNotExist();
      assertThat(temp.resolve("runs/bad2")).doesNotExist();
      assertThat(page.get("/api/runs").body()).isEqualTo("[]");
    }
  }

  /** The tick shown by five frames in a row (at 100 ms each), which must not change. */
  private static long stableTick(DashboardClient page) throws InterruptedException {
    long tick = DashboardClient.tick(page.await(f -> true, WAIT, "a frame"));
    for (int i = 0; i < 5; i++) {
      assertThat(DashboardClient.tick(page.await(f -> true, WAIT, "a frame"))).as("tick while paused").isEqualTo(tick);
    }
    return tick;
  }
}
