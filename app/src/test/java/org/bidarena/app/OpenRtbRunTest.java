package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bidarena.agents.external.ExternalAnswersRecorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An agent with {@code strategy = openrtb} bids through the reference Node bidder (examples/), end to end:
 * the run completes against built-in agents, its replay gives its digest without asking the bidder, a
 * bidder that hangs, fails or answers garbage becomes counted no-bids, and a run killed with SIGKILL and
 * resumed does not ask the bidder again about ticks whose answers are journaled.
 */
class OpenRtbRunTest {
  private static Path scenario(Path dir, String endpoint, int days, int customers, int tmaxMs) throws Exception {
    return scenario(dir, endpoint, days, customers, tmaxMs, 8, 0);
  }

  private static Path scenario(Path dir, String endpoint, int days, int customers, int tmaxMs, int concurrency,
      int realTime) throws Exception {
    Path file = dir.resolve("openrtb.conf");
    Files.writeString(file, """
        name = "openrtb"
        time { days = %d, ticks-per-day = 24 }
        customers { count = %d, shards = 2 }
        exchange { partitions = 2 }
        journal.checkpoint-every-ticks = 24
        agents {
          node   { strategy = openrtb, endpoint = "%s", tmax = %d, concurrency = %d, real-time = %d, daily-budget = 1000.00 }
          steady { strategy = fixed, daily-budget = 1000.00 }
          bold   { strategy = aggressive, daily-budget = 1000.00 }
        }
        """.formatted(days, customers, endpoint, tmaxMs, concurrency, realTime));
    return file;
  }

  @Test
  void aRunWithTheNodeBidderCompletesNoticesItsAuctionsAndReplaysToItsDigestWithoutAskingAgain(@TempDir Path temp)
      throws Exception {
    try (NodeBidder bidder = NodeBidder.start("normal")) {
      // given
      Path dir = temp.resolve("run");

      // when
      Runs.Result result = Runs.bidarena("run", scenario(temp, bidder.endpoint(), 1, 400, 500).toString(),
          "--out", dir.toString());

      // then: every request the bidder got is journaled once, and it won auctions against the built-ins
      assertThat(result.exitCode()).as("errors: %s", result.err()).isZero();
      JsonNode summary = Runs.summary(dir);
      JsonNode counters = summary.get("openrtb").get("node");
      JsonNode stats = bidder.stats();
      assertThat(counters.get("requests").asLong()).isPositive().isEqualTo(stats.get("requests").asLong())
          .isEqualTo(journaledRequests(dir));
      assertThat(counters.get("bids").asLong()).isPositive();
      long impressions = agent(summary, "node").get("impressions").asLong();
      assertThat(impressions).isPositive();
      assertThat(agent(summary, "bold").get("impressions").asLong()).isPositive();
      // and each bid got its win or its loss notice (sent after the auction, so awaited)
      long bids = stats.get("bids").asLong();
      JsonNode noticed = awaitNotices(bidder, bids);
      assertThat(noticed.get("wins").asLong()).isEqualTo(impressions);
      assertThat(noticed.get("bills").asLong()).isEqualTo(impressions);
      assertThat(noticed.get("losses").asLong()).isEqualTo(bids - impressions);

      // when it is replayed
      Runs.Output replay = Runs.capture("replay", dir.toString());

      // then the digest is the run's and the bidder was not asked again
      assertThat(replay.exitCode()).as(replay.err()).isZero();
      assertThat(replay.out()).contains("digest: " + summary.get("digest").asText());
      assertThat(bidder.stats().get("requests").asLong()).isEqualTo(stats.get("requests").asLong());
    }
  }

  @ParameterizedTest
  @CsvSource({"hang, timeout", "error500, http-status", "garbage, malformed"})
  void aMisbehavingBidderBecomesNoBidsCountedByReasonAndTheRunFinishes(String mode, String reason,
      @TempDir Path temp) throws Exception {
    try (NodeBidder bidder = NodeBidder.start(mode)) {
      // given a small market: a hung request holds its connection for a second
      Path dir = temp.resolve("run");

      // when
      Runs.Result result = Runs.bidarena("run", scenario(temp, bidder.endpoint(), 1, 60, 500).toString(),
          "--out", dir.toString());

      // then
      assertThat(result.exitCode()).as("errors: %s", result.err()).isZero();
      JsonNode summary = Runs.summary(dir);
      JsonNode counters = summary.get("openrtb").get("node");
      long requests = counters.get("requests").asLong();
      assertThat(requests).isPositive().isEqualTo(bidder.stats().get("requests").asLong());
      // a cold JVM may miss tmax on its first requests: those are timeouts, every other one is the mode's reason
      long timeouts = reason.equals("timeout") ? 0 : counters.path("timeout").asLong();
      assertThat(counters.get(reason).asLong()).isEqualTo(requests - timeouts).isGreaterThan(requests / 2);
      assertThat(counters.has("bids")).isFalse();
      assertThat(agent(summary, "node").get("impressions").asLong()).isZero();
      assertThat(agent(summary, "bold").get("impressions").asLong()).isPositive();
    }
  }

  @Test
  void inRealTimeModeAHungBidderCostsATickNoMoreThanItsDeadline(@TempDir Path temp) throws Exception {
    try (NodeBidder bidder = NodeBidder.start("hang")) {
      // given about 40 requests a tick over 4 connections that a hung bidder holds for 1 s each: with one
      // tmax per request a tick would wait about 10 s for the connections, 24 ticks about 4 minutes
      Path dir = temp.resolve("run");
      Path file = scenario(temp, bidder.endpoint(), 1, 400, 100, 4, 1);

      // when
      long start = System.nanoTime();
      Runs.Result result = Runs.bidarena("run", file.toString(), "--out", dir.toString());
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

      // then the ticks advanced at the deadline: every request is a no-bid, the run took far less
      assertThat(result.exitCode()).as("errors: %s", result.err()).isZero();
      JsonNode counters = Runs.summary(dir).get("openrtb").get("node");
      long requests = counters.get("requests").asLong();
      assertThat(requests).isGreaterThan(24 * 20);
      // late answers are timeouts; a request the pool could not even queue behind the hung ones is transport
      assertThat(counters.path("timeout").asLong() + counters.path("transport").asLong()).isEqualTo(requests);
      assertThat(seconds).isLessThan(90);
    }
  }

  @Test
  void aKilledAndResumedRunDoesNotAskTheBidderAgainAboutJournaledTicks(@TempDir Path temp) throws Exception {
    try (NodeBidder bidder = NodeBidder.start("normal")) {
      // given a run in its own JVM, killed with SIGKILL past its first checkpoint
      Path dir = temp.resolve("killed");
      Path file = scenario(temp, bidder.endpoint(), 4, 400, 500);
      Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), BidArena.class.getName(), "run", file.toString(),
          "--out", dir.toString()).redirectErrorStream(true).start();
      Runs.waitForTick(process, 40);
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      Set<Long> journaled = journaledTicksAndPartitions(dir);
      long asked = bidder.stats().get("requests").asLong();

      // when it is resumed
      Runs.Output resumed = Runs.capture("resume", dir.toString());

      // then it re-ran ticks whose answers were journaled, without asking about any of them again
      assertThat(resumed.exitCode()).as("resume failed: %s %s", resumed.err(), resumed.out()).isZero();
      Matcher from = Pattern.compile("from checkpoint tick (\\d+)").matcher(resumed.out());
      assertThat(from.find()).as(resumed.out()).isTrue();
      long checkpoint = Long.parseLong(from.group(1));
      // At least one tick's answers lie after the checkpoint, so the resume re-runs journaled answers and the
      // check below bites. (It asked for two until a CI run's kill landed one tick past a checkpoint.)
      assertThat(journaled.stream().mapToLong(k -> k >> 20).max().orElse(-1))
          .as("answers journaled after the checkpoint the resume restarts from").isGreaterThan(checkpoint);
      List<Long> again = new ArrayList<>();
      bidder.repeats().forEach(id -> again.add(Long.parseLong(id.asText())));
      for (long auction : again) {
        assertThat(journaled).as("auction %d was asked again though its answers were journaled", auction)
            .doesNotContain(((auction >>> 43) << 20) | ((auction >>> 31) & 0xFFF));
      }
      // and every auction's answer is journaled once: the distinct requests are the summary's
      JsonNode stats = bidder.stats();
      assertThat(stats.get("requests").asLong()).isGreaterThan(asked);
      assertThat(stats.get("requests").asLong() - stats.get("repeats").asLong())
          .isEqualTo(Runs.summary(dir).get("openrtb").get("node").get("requests").asLong())
          .isEqualTo(journaledRequests(dir));
      assertThat(resumed.out()).contains("digest: " + Runs.summary(dir).get("digest").asText());
    }
  }

  private static JsonNode agent(JsonNode summary, String id) {
    for (JsonNode a : summary.get("agents")) {
      if (a.get("id").asText().equals(id)) {
        return a;
      }
    }
    throw new AssertionError("no agent " + id + " in " + summary);
  }

  private static long journaledRequests(Path dir) throws Exception {
    long n = 0;
    for (Object event : Runs.journalEvents(dir)) {
      if (event instanceof ExternalAnswersRecorded e) {
        n += e.answers().rows().length;
      }
    }
    return n;
  }

  /** (tick << 20 | partition) of every journaled answer event. */
  private static Set<Long> journaledTicksAndPartitions(Path dir) throws Exception {
    Set<Long> keys = new HashSet<>();
    for (Object event : Runs.journalEvents(dir)) {
      if (event instanceof ExternalAnswersRecorded e) {
        keys.add(e.tick() << 20 | e.answers().partition());
      }
    }
    return keys;
  }

  /** Polls the bidder's counters until every bid has its win or loss notice, for at most 30 s. */
  private static JsonNode awaitNotices(NodeBidder bidder, long bids) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    JsonNode stats = bidder.stats();
    while (stats.get("wins").asLong() + stats.get("losses").asLong() < bids && System.nanoTime() < deadline) {
      Thread.sleep(50);
      stats = bidder.stats();
    }
    return stats;
  }

}
