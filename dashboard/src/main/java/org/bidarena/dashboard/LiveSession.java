package org.bidarena.dashboard;

import static org.bidarena.analysis.metrics.RunSummary.quote;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.journal.LiveJournal;
import org.bidarena.analysis.metrics.RunSummary;
import org.bidarena.core.driver.Driver;
import org.bidarena.core.protocol.DriverProtocol;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.dashboard.panel.Panel;
import org.bidarena.dashboard.panel.PanelInput;
import org.bidarena.dashboard.panel.Panels;

/**
 * One run started from the page: plays it on a thread of its own, steers its Driver, and renders its panels
 * from the journal on demand. The run never waits for a frame: frames read what is already journaled.
 */
public final class LiveSession {
  private final String name;
  private final RunLauncher.PreparedRun run;
  private final Scenario scenario;
  private final List<Panel> panels;
  private volatile ActorRef<DriverProtocol.Command> driver;
  private volatile String state = "starting";
  private volatile String error = "";
  private volatile boolean startPaused;
  private volatile double ticksPerSecond;
  private LiveJournal journal;
  private boolean closed;
  private long rateAuctions;
  private long rateNanos;
  private double auctionsPerSecond;
  private String lastFrame;
  private volatile long playStartNanos;
  private volatile double playSeconds;

  LiveSession(String name, RunLauncher.PreparedRun run, boolean startPaused, double ticksPerSecond) {
    this.name = name;
    this.run = run;
    this.scenario = run.scenario();
    this.panels = Panels.forRun(scenario);
    this.startPaused = startPaused;
    this.ticksPerSecond = ticksPerSecond;
  }

  public String name() {
    return name;
  }

  public boolean live() {
    return state.equals("starting") || state.equals("running") || state.equals("paused");
  }

  /** Plays the run on a new thread. */
  void start(Runnable whenOver) {
    Thread t = new Thread(() -> {
      try {
        run.play(new RunLauncher.Hooks() {
          @Override
          public void engineUp(ActorSystem<?> system, ActorRef<DriverProtocol.Command> driverRef) {
            attach(system, driverRef);
          }

          @Override
          public void ticksDone() {
            finish();
          }
        });
        done();
      } catch (Exception e) {
        error = BadInput.rootMessage(e);
        state = error.contains("stopped from the dashboard") ? "stopped" : "failed";
        close();
      } finally {
        whenOver.run();
      }
    }, "dashboard-run-" + name);
    t.setDaemon(true);
    t.start();
  }

  private synchronized void attach(ActorSystem<?> system, ActorRef<DriverProtocol.Command> driverRef) {
    playStartNanos = System.nanoTime();
    journal = new LiveJournal(system, scenario, tick -> panels.forEach(p -> p.onTick(tick)));
    driver = driverRef;
    driverRef.tell(new Driver.Pace(Driver.Pace.Action.SPEED, ticksPerSecond));
    if (startPaused) {
      driverRef.tell(new Driver.Pace(Driver.Pace.Action.PAUSE, 0));
    }
    state = startPaused ? "paused" : "running";
  }

  /** The last tick is journaled: read all of it while the node is still up, then let it go. */
  private synchronized void finish() {
    playSeconds = (System.nanoTime() - playStartNanos) / 1e9;
    try {
      // Every tick is journaled before this is called: one read should do, a few more cost nothing.
      for (int i = 0; i < 10 && journal.poll() < scenario.totalTicks() - 1; i++) {
        Thread.onSpinWait();
      }
    } catch (Exception e) {
      error = BadInput.rootMessage(e);
    }
    closed = true;
  }

  /** summary.json is written: the next frame says so, with the figures read at the last tick. */
  private synchronized void done() {
    state = "finished";
    lastFrame = null;
  }

  private synchronized void close() {
    closed = true;
    lastFrame = null;
  }

  /** Pause, resume, step, stop or speed; sent to the Driver, which acts between ticks. */
  public void pace(Driver.Pace.Action action, double tps) {
    ActorRef<DriverProtocol.Command> d = driver;
    switch (action) {
      case PAUSE -> startPaused = true;
      case RESUME -> startPaused = false;
      case SPEED -> ticksPerSecond = tps;
      default -> { }
    }
    if (d == null || !live()) {
      if (action == Driver.Pace.Action.STEP || action == Driver.Pace.Action.STOP) {
        throw new BadInput("the run is not going: " + state);
      }
      return;
    }
    d.tell(new Driver.Pace(action, tps));
    if (action == Driver.Pace.Action.PAUSE) {
      state = "paused";
    } else if (action == Driver.Pace.Action.RESUME) {
      state = "running";
    }
  }

  /** The page's frame now: reads the journal's news (unless the run is over) and renders every panel. */
  public synchronized String frame() throws Exception {
    if (journal != null && !closed) {
      journal.poll();
    } else if (lastFrame != null) {
      return lastFrame;
    }
    RunSummary totals = journal == null ? null : journal.snapshot();
    long now = System.nanoTime();
    if (totals != null) {
      if (rateNanos != 0 && now > rateNanos && totals.auctions() > rateAuctions) {
        auctionsPerSecond = (totals.auctions() - rateAuctions) * 1e9 / (now - rateNanos);
      } else if (!live()) {
        auctionsPerSecond = 0;
      }
      rateAuctions = totals.auctions();
      rateNanos = now;
    }
    StringJoiner p = new StringJoiner(", ", "{", "}");
    if (totals != null) {
      PanelInput in = new PanelInput(scenario, totals, auctionsPerSecond);
      for (Panel panel : panels) {
        p.add(quote(panel.id()) + ": " + panel.json(in));
      }
    }
    lastFrame = String.format(Locale.ROOT,
        "{\"type\": \"frame\", \"run\": %s, \"state\": %s, \"error\": %s, \"ticksPerSecond\": %s,"
            + " \"playSeconds\": %.3f, \"panels\": %s}",
        Json.string(name), Json.string(state), Json.string(error), ticksPerSecond, playSeconds, p);
    return lastFrame;
  }
}
