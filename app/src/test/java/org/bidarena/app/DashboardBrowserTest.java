package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in headless Chromium: start a run, watch the counter and charts advance, pause, step, resume,
 * reload and reconnect, and at the end read the page's totals against summary.json.
 */
class DashboardBrowserTest {
  private static final Duration WAIT = Duration.ofMinutes(3);
  private static final String COUNTER = "Number(document.getElementById('counter').textContent)";
  private static final String FRAMES = "window.__dashboard.frames";

  @Test
  void startPauseStepResumeReloadAndFinishFromThePage(@TempDir Path temp) throws Exception {
    try (DashboardClient server = new DashboardClient(temp.resolve("runs"));
        DevTools page = new DevTools(server.base + "/")) {
      page.until("window.__dashboard && window.__dashboard.socketOpen && document.getElementById('scenario').options.length > 0",
          JsonNode::asBoolean, WAIT, "a connected page");
      page.eval("document.getElementById('seed').value = '7';"
          + "document.getElementById('sets').value = 'customers.count=2000\\ntime.days=1';"
          + "document.getElementById('speed').value = '20';"
          + "document.getElementById('render').value = '100'; document.getElementById('setRender').click();"
          + "document.getElementById('start').click(); true");
      // the counter and the charts advance
      long first = page.until(COUNTER, v -> v.asLong() >= 1, WAIT, "a first tick").asLong();
      page.until(COUNTER, v -> v.asLong() > first + 1, WAIT, "the counter advancing");
      page.until("Chart.getChart('chart-agent-impressions').data.labels.length", v -> v.asInt() >= 2, WAIT,
          "the impressions chart advancing");
      Path shots = Path.of(System.getProperty("dashboard.screenshots", temp.toString()));
      Files.createDirectories(shots);
      page.screenshot(shots.resolve("dashboard-running.png"));

      // pause: the ticks stop
      page.eval("document.getElementById('pause').click(); true");
      long held = stableCounter(page);
      assertThat(page.eval("document.getElementById('state').textContent").asText()).isEqualTo("paused");
      // step: exactly one tick
      page.eval("document.getElementById('step').click(); true");
      page.until(COUNTER, v -> v.asLong() == held + 1, WAIT, "the stepped tick");
      assertThat(stableCounter(page)).isEqualTo(held + 1);
      // resume, then reload: the page reconnects and shows the run where it is
      page.eval("document.getElementById('resume').click(); true");
      page.until(COUNTER, v -> v.asLong() > held + 2, WAIT, "ticks after the resume");
      page.eval("location.reload(); true");
      page.until("window.__dashboard && window.__dashboard.socketOpen && " + COUNTER + " > " + (held + 2),
          JsonNode::asBoolean, WAIT, "the reloaded page reconnected");
      page.eval("document.getElementById('speed').value = '0'; document.getElementById('setSpeed').click(); true");
      page.until("document.getElementById('state').textContent", v -> v.asText().equals("finished"), WAIT,
          "the finished run");
      page.screenshot(shots.resolve("dashboard-finished.png"));

      // the page's totals are summary.json's
      String run = page.eval("document.getElementById('run').textContent").asText();
      JsonNode summary = Runs.summary(temp.resolve("runs").resolve(run));
      assertThat(page.eval(COUNTER).asLong() + 1).isEqualTo(summary.get("ticks").asLong());
      assertThat(page.eval("Number(document.getElementById('auctions').textContent)").asLong())
          .isEqualTo(summary.get("auctions").asLong());
      assertThat(page.eval("Number(document.getElementById('impressions').textContent)").asLong())
          .isEqualTo(summary.get("impressions").asLong());
      JsonNode spend = page.eval("Array.from(document.querySelectorAll('#agentTable td[data-micros]'))"
          + ".map(td => Number(td.dataset.micros))");
      assertThat(spend.size()).isEqualTo(summary.get("agents").size());
      for (int a = 0; a < spend.size(); a++) {
        assertThat(spend.get(a).asLong()).isEqualTo(summary.get("agents").get(a).get("spendMicros").asLong());
      }
    }
  }

  /** The counter over five more frames, which must not change. */
  private static long stableCounter(DevTools page) throws Exception {
    page.until("document.getElementById('state').textContent", v -> v.asText().equals("paused"), WAIT, "paused");
    // let a frame pass for the tick that was under way when the pause came
    long seen = page.eval(FRAMES).asLong();
    page.until(FRAMES, v -> v.asLong() >= seen + 3, WAIT, "frames while paused");
    long tick = page.eval(COUNTER).asLong();
    long from = page.eval(FRAMES).asLong();
    page.until(FRAMES, v -> v.asLong() >= from + 5, WAIT, "frames while paused");
    assertThat(page.eval(COUNTER).asLong()).as("counter while paused").isEqualTo(tick);
    return tick;
  }
}
