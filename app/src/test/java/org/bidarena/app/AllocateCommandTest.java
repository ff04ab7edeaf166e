package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bidarena.allocation.AllocationJournal;
import org.bidarena.protos.AllocationDecidedProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bidarena allocate: its files, its determinism for a seed, and its refusals (one line, exit 2, nothing written). */
class AllocateCommandTest {
  private static final String SCENARIO = Path.of("..", "scenarios", "channels.conf").toString();

  @TempDir Path dir;

  @Test
  void aRunShouldWriteThePlanAndBeTheSameForTheSameSeeds() throws Exception {
    // when the same comparison runs twice
    Runs.Output first = Runs.capture("allocate", SCENARIO, "--allocator", "fixed,thompson", "--days", "10", "--seeds",
        "3", "--out", dir.resolve("a").toString());
    Runs.Output second = Runs.capture("allocate", SCENARIO, "--allocator", "fixed,thompson", "--days", "10", "--seeds",
        "3", "--out", dir.resolve("b").toString());
    // then
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("allocate: channels, 10,000.00 a day over email, google-ads, influencer, meta-ads")
        .contains("  day   9:").contains("totals over seeds").contains("thompson - fixed profit:")
        .contains("analyst: ").contains("strategist: true marginal ROAS");
    for (String file : new String[] {"plan.csv", "allocations.csv", "totals.csv"}) {
      assertThat(Files.readString(dir.resolve("a").resolve(file))).as(file)
          .isEqualTo(Files.readString(dir.resolve("b").resolve(file)));
    }
    // one plan row per allocator, seed, day and channel, and the header first
    assertThat(Files.readAllLines(dir.resolve("a").resolve("plan.csv"))).hasSize(1 + 2 * 3 * 10 * 4)
        .first().isEqualTo("allocator,seed,day,channel,share,budget,score,posterior");
    assertThat(Files.readAllLines(dir.resolve("a").resolve("totals.csv"))).hasSize(1 + 2 * 3);
    // and another first seed gives other outcomes
    Runs.Output other = Runs.capture("allocate", SCENARIO, "--allocator", "fixed,thompson", "--days", "10", "--seeds",
        "3", "--first-seed", "4", "--out", dir.resolve("c").toString());
    assertThat(other.exitCode()).isZero();
    assertThat(Files.readString(dir.resolve("c").resolve("allocations.csv")))
        .isNotEqualTo(Files.readString(dir.resolve("a").resolve("allocations.csv")));
  }

  @Test
  void theReportShouldDrawEveryChartInHeadlessChromium() throws Exception {
    // given
    Runs.Output out = Runs.capture("allocate", SCENARIO, "--allocator", "fixed,thompson", "--days", "14", "--seeds",
        "2", "--quiet", "--forecast", "3", "--out", dir.resolve("r").toString());
    assertThat(out.exitCode()).as(out.err()).isZero();
    assertThat(out.out()).contains("forecast for thompson (seed 1), next 3 days:", "  day  16:");
    assertThat(Files.readAllLines(dir.resolve("r").resolve("forecast.csv"))).hasSize(1 + 2 * 3 * 4);
    Path html = dir.resolve("r").resolve("report.html");
    assertThat(Files.readString(html)).contains("Split over time: thompson", "Response curves", "Marginal ROAS",
        "Final day", "strategist: true marginal ROAS");
    // when the page is opened in a browser (skipped where Chromium is not installed)
    com.fasterxml.jackson.databind.JsonNode status = Chromium.pageStatus(html);
    // then every chart drew and no script failed
    assertThat(status.get("errors")).as("JavaScript errors").isEmpty();
    for (String chart : new String[] {"split0", "split1", "profit", "final", "curves", "marginal"}) {
      assertThat(status.get("charts").get(chart).asBoolean()).as("chart " + chart + " drew").isTrue();
    }
  }

  @Test
  void replayShouldRebuildTheFilesFromTheJournalAndCatchATamperedDay() throws Exception {
    // given a journaled comparison
    Path run = dir.resolve("run");
    Runs.Output first = Runs.capture("allocate", SCENARIO, "--allocator", "proportional,ppo", "--days", "8", "--seeds",
        "2", "--first-seed", "5", "--quiet", "--out", run.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    // when it is replayed
    Runs.Output replay = Runs.capture("allocate", "--replay", run.toString(), "--quiet");
    // then every day matched and the files are the same
    assertThat(replay.exitCode()).as(replay.err()).isZero();
    assertThat(replay.out()).contains("replay: all 32 days match the journal byte for byte");
    for (String file : new String[] {"plan.csv", "allocations.csv", "totals.csv"}) {
      assertThat(Files.readString(run.resolve("replay").resolve(file))).as(file)
          .isEqualTo(Files.readString(run.resolve(file)));
    }
    // and a journal with one day's budget changed no longer replays
    AllocationJournal.Recorded recorded = AllocationJournal.read(run);
    Path tampered = dir.resolve("tampered");
    try (var out = Files.newOutputStream(Files.createDirectories(tampered).resolve(AllocationJournal.FILE))) {
      recorded.started().writeDelimitedTo(out);
      for (int i = 0; i < recorded.days().size(); i++) {
        AllocationDecidedProto e = recorded.days().get(i);
        if (i == 19) {
          e = e.toBuilder().setBudgetMicros(0, e.getBudgetMicros(0) + 1).build();
        }
        e.writeDelimitedTo(out);
      }
    }
    Runs.Output bad = Runs.capture("allocate", "--replay", tampered.toString(), "--quiet");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err().strip()).isEqualTo("error: replay diverged at ppo seed 5 day 3: the re-run day differs from"
        + " its journaled record");
  }

  @Test
  void impossibleBoundsShouldExitTwoWithOneLineNamingThem() throws Exception {
    // given minimums of 6,000 on two channels of a 10,000 budget
    Path conf = dir.resolve("tight.conf");
    Files.writeString(conf, "include \"" + Path.of(SCENARIO).toAbsolutePath() + "\"\n"
        + "allocation.channels.google-ads.min-spend = 6000.00\nallocation.channels.meta-ads.min-spend = 6000.00\n");
    // when
    Runs.Output out = Runs.capture("allocate", conf.toString(), "--out", dir.resolve("o").toString());
    // then
    assertThat(out.exitCode()).isEqualTo(2);
    assertThat(out.err().strip()).startsWith("error: allocation: the channels' minimums, floor and frozen shares add up"
        + " to 12,600.00").contains("google-ads 6,000.00").contains("meta-ads 6,000.00").doesNotContain("\n");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void aMalformedHistoryRowShouldExitTwoNamingItsLine() throws Exception {
    Path history = dir.resolve("h.csv");
    Files.writeString(history, "day,segment_key,clicks,conv,spent\n-2,email,1000,12,50.00\n-1,email,1000,x,50.00\n");
    Runs.Output out = Runs.capture("allocate", SCENARIO, "--history", history.toString(), "--out",
        dir.resolve("o").toString());
    assertThat(out.exitCode()).isEqualTo(2);
    assertThat(out.err().strip()).isEqualTo("error: history " + history + " line 3: conv must be a whole number, got 'x'");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void aParquetHistoryShouldGiveTheSamePlanAsTheSameRowsInCsv() throws Exception {
    // given a history in CSV and the same rows in Parquet
    StringBuilder csv = new StringBuilder("day,segment_key,clicks,conv,spent\n");
    String[] ids = {"email", "google-ads", "influencer", "meta-ads"};
    for (int day = -3; day < 0; day++) {
      for (int i = 0; i < ids.length; i++) {
        csv.append(day).append(',').append(ids[i]).append(',').append(4000 + 500 * i).append(',')
            .append(40 + 30 * i + day).append(",2500.00\n");
      }
    }
    Path csvFile = dir.resolve("h.csv");
    Files.writeString(csvFile, csv);
    Path parquet = dir.resolve("h.parquet");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement st = c.createStatement()) {
      st.execute("COPY (SELECT * FROM read_csv('" + csvFile + "', header = true, columns = {'day': 'INTEGER',"
          + " 'segment_key': 'VARCHAR', 'clicks': 'BIGINT', 'conv': 'BIGINT', 'spent': 'VARCHAR'})) TO '" + parquet
          + "' (FORMAT PARQUET)");
    }
    // when thompson plans with each
    Runs.Output a = Runs.capture("allocate", SCENARIO, "--allocator", "thompson", "--days", "3", "--quiet",
        "--history", csvFile.toString(), "--out", dir.resolve("csv").toString());
    Runs.Output b = Runs.capture("allocate", SCENARIO, "--allocator", "thompson", "--days", "3", "--quiet",
        "--history", parquet.toString(), "--out", dir.resolve("parquet").toString());
    // then the plans are the same
    assertThat(a.exitCode()).as(a.err()).isZero();
    assertThat(b.exitCode()).as(b.err()).isZero();
    assertThat(b.out()).contains("history " + parquet + " (3 days)");
    assertThat(Files.readString(dir.resolve("parquet").resolve("plan.csv")))
        .isEqualTo(Files.readString(dir.resolve("csv").resolve("plan.csv")));
    // and a bad Parquet row is named by its line (row k is line k + 1, after the header)
    Path bad = dir.resolve("bad.parquet");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement st = c.createStatement()) {
      st.execute("COPY (SELECT -1 AS day, 'email' AS segment_key, 10 AS clicks, 11 AS conv, '5.00' AS spent) TO '"
          + bad + "' (FORMAT PARQUET)");
    }
    Runs.Output refused = Runs.capture("allocate", SCENARIO, "--history", bad.toString(), "--out",
        dir.resolve("bad").toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err().strip()).isEqualTo("error: history " + bad + " line 2: conv 11 is more than clicks 10");
  }

  @Test
  void anInsightsEndpointShouldRewriteTheInsightsAndAFailingOneShouldOnlyWarn() throws Exception {
    // given a stub of an OpenAI-compatible chat endpoint on loopback that records what it was sent
    com.sun.net.httpserver.HttpServer stub = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    java.util.concurrent.atomic.AtomicReference<String> sent = new java.util.concurrent.atomic.AtomicReference<>();
    stub.createContext("/v1/chat/completions", exchange -> {
      sent.set(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      byte[] answer = "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"Move budget to Google Ads.\\nEmail is saturated.\"}}]}"
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    stub.start();
    try {
      String base = "http://127.0.0.1:" + stub.getAddress().getPort() + "/v1";
      // when
      Runs.Output out = Runs.capture("allocate", SCENARIO, "--days", "10", "--quiet", "--insights-endpoint", base,
          "--insights-model", "stub", "--out", dir.resolve("llm").toString());
      // then the rule-based insights went out and the rewrite came back
      assertThat(out.exitCode()).as(out.err()).isZero();
      assertThat(sent.get()).contains("\"model\":\"stub\"", "strategist: true marginal ROAS", "analyst: ");
      assertThat(out.out()).contains("insights rewritten by " + base + ":\n  Move budget to Google Ads.\n"
          + "  Email is saturated.");
      // and an endpoint that answers with an error costs a warning only
      Runs.Output failing = Runs.capture("allocate", SCENARIO, "--days", "5", "--quiet", "--insights-endpoint",
          "http://127.0.0.1:" + stub.getAddress().getPort() + "/missing", "--out", dir.resolve("llm2").toString());
      assertThat(failing.exitCode()).isZero();
      assertThat(failing.out()).contains("warning: the insights endpoint failed (HTTP 404");
    } finally {
      stub.stop(0);
    }
  }

  @Test
  void otherBadInputShouldExitTwo() throws Exception {
    Runs.Output unknown = Runs.capture("allocate", SCENARIO, "--allocator", "greedy");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err().strip()).isEqualTo("error: --allocator greedy: unknown; allowed: fixed, proportional,"
        + " thompson, ppo");
    Path conf = dir.resolve("none.conf");
    Files.writeString(conf, "name = \"none\"\n");
    Runs.Output none = Runs.capture("allocate", conf.toString());
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("has no allocation block");
    // an output folder that holds a plan already is not overwritten
    Files.createDirectories(dir.resolve("full"));
    Files.writeString(dir.resolve("full").resolve("plan.csv"), "keep");
    Runs.Output full = Runs.capture("allocate", SCENARIO, "--out", dir.resolve("full").toString());
    assertThat(full.exitCode()).isEqualTo(2);
    assertThat(Files.readString(dir.resolve("full").resolve("plan.csv"))).isEqualTo("keep");
  }
}
