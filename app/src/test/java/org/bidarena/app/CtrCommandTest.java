package org.bidarena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bidarena.analysis.ctr.RunExamples;
import org.bidarena.analysis.journal.RecordedRun;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.cluster.JournalSettings;
import org.bidarena.core.customer.ShardOutcomes;
import org.bidarena.core.events.OutcomesRecorded;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The ctr commands and the pctr bidder on a small recorded run, and their refusals (exit 2). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CtrCommandTest {
  private static final String[] SMALL = {"customers.count=3000", "customers.shards=4", "time.days=3"};

  @TempDir static Path dir;
  private Path run;
  private Path runModel;
  private int journaledClicks;

  @BeforeAll
  void recordARunAndTrainOnIt() throws Exception {
    run = dir.resolve("run");
    JsonNode summary = Runs.run(run, SMALL);
    for (JsonNode a : summary.get("agents")) {
      journaledClicks += a.get("clicks").asInt();
    }
    runModel = dir.resolve("run.model");
    Runs.Output out = Runs.capture("ctr", "train", "--data", run.toString(), "--format", "run", "--holdout-days", "1",
        "--out", runModel.toString(), "--batch-passes", "20");
    assertThat(out.exitCode()).as(out.err()).isZero();
    assertThat(out.out()).contains("oracle (true pCTR)", "visible oracle", "batch logistic", "expected calibration error")
        .contains("all " + String.format("%,d", journaledClicks) + " journaled clicks drawn again");
  }

  @Test
  void theReplayedClicksShouldBeTheJournaledOnesAndATamperedJournalShouldBeCaught() {
    RecordedRun recorded = RecordedRun.read(RunFolder.open(run), JournalSettings.h2(run).readOnly(), "test", true);
    // when the customers are replayed against the journal
    RunExamples examples = RunExamples.replay(recorded.scenario(), recorded.auctions(), recorded.outcomes());
    // then every journaled click was drawn again, and there is one example per impression
    assertThat(journaledClicks).isPositive();
    assertThat(examples.verifiedClicks()).isEqualTo(journaledClicks);
    assertThat(examples.columns().clicks()).isEqualTo(journaledClicks);
    assertThat(examples.columns().size()).isEqualTo(recorded.summary().impressions());
    for (int e = 0; e < examples.columns().size(); e++) {
      assertThat(examples.columns().truth(e)).isBetween(0.0, 1.0);
    }
    // and a journal with one click dropped no longer matches the replay
    List<OutcomesRecorded> tampered = new ArrayList<>(recorded.outcomes());
    int k = 0;
    while (tampered.get(k).outcomes().clicks(-1) == 0 && clicksOf(tampered.get(k).outcomes()) == 0) {
      k++;
    }
    OutcomesRecorded o = tampered.get(k);
    tampered.set(k, new OutcomesRecorded(o.tick(), o.shard(), ShardOutcomes.withoutRows(o.outcomes().visits(),
        o.outcomes().impressions(), o.outcomes().fatiguedImpressions(), o.outcomes().stageCounts())));
    assertThatThrownBy(() -> RunExamples.replay(recorded.scenario(), recorded.auctions(), tampered))
        .hasMessageContaining("replay diverged: tick " + o.tick() + ", shard " + o.shard());
  }

  private static int clicksOf(ShardOutcomes o) {
    int n = 0;
    for (byte kind : o.kinds()) {
      n += (kind & ShardOutcomes.CLICK) != 0 ? 1 : 0;
    }
    return n;
  }

  @Test
  void aPctrBidderShouldRunDeterministicallyWithTheRunsModel() throws Exception {
    String pctr = "agents.pctr={strategy=pctr, daily-budget=6.00, model=\"" + runModel + "\"}";
    JsonNode a = Runs.run(dir.resolve("p1"), SMALL[0], SMALL[1], SMALL[2], pctr);
    JsonNode b = Runs.run(dir.resolve("p2"), SMALL[0], SMALL[1], SMALL[2], pctr);
    assertThat(a.get("digest")).isEqualTo(b.get("digest"));
    JsonNode agent = null;
    for (JsonNode x : a.get("agents")) {
      agent = x.get("id").asText().equals("pctr") ? x : agent;
    }
    assertThat(agent).isNotNull();
    assertThat(agent.get("bids").asLong()).isPositive();
    assertThat(agent.get("impressions").asLong()).isPositive();
  }

  @Test
  void aModelOfAnotherLayoutOrACorruptOneShouldBeRefusedWithExit2() throws Exception {
    Path avazu = dir.resolve("a.csv");
    Files.write(avazu, avazuLines(40));
    Path avazuModel = dir.resolve("avazu.model");
    assertThat(Runs.capture("ctr", "train", "--data", avazu.toString(), "--format", "avazu", "--out",
        avazuModel.toString(), "--hash-bits", "12").exitCode()).isZero();
    // a run's bidder with the Avazu model: refused at scenario load
    Runs.Result r = Runs.bidarena(Runs.withSets(new String[] {SMALL[0], SMALL[1], SMALL[2],
        "agents.pctr={strategy=pctr, model=\"" + avazuModel + "\"}"}, "run", "--out", dir.resolve("x").toString()));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("agents.pctr.model", "feature layout avazu", "this scenario's bidders see run[");
    assertThat(dir.resolve("x").resolve("summary.json")).doesNotExist();
    // eval of the run model on Avazu data
    r = Runs.bidarena("ctr", "eval", "--model", runModel.toString(), "--data", avazu.toString(), "--format", "avazu");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("was made for the feature layout run[", "not for avazu data");
    // a corrupt model, for eval, for continued training and for a bidder
    Path corrupt = dir.resolve("corrupt.model");
    byte[] bytes = Files.readAllBytes(runModel);
    bytes[bytes.length / 3] ^= 1;
    Files.write(corrupt, bytes);
    r = Runs.bidarena("ctr", "eval", "--model", corrupt.toString(), "--data", run.toString(), "--format", "run");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("checksum mismatch");
    r = Runs.bidarena("ctr", "train", "--from", corrupt.toString(), "--data", avazu.toString(), "--format", "avazu",
        "--out", dir.resolve("y.model").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    r = Runs.bidarena(Runs.withSets(new String[] {SMALL[0], SMALL[1], SMALL[2],
        "agents.pctr={strategy=pctr, model=\"" + corrupt + "\"}"}, "run", "--out", dir.resolve("z").toString()));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("checksum mismatch");
  }

  @Test
  void aMalformedLineShouldBeRefusedByNumberOrSkippedAndCounted() throws Exception {
    List<String> lines = new ArrayList<>(avazuLines(30));
    lines.set(7, lines.get(7).replace(",1005,", ",1005,extra,"));
    Path file = dir.resolve("bad.csv");
    Files.write(file, lines);
    Runs.Result refused = Runs.bidarena("ctr", "train", "--data", file.toString(), "--format", "avazu", "--out",
        dir.resolve("b.model").toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("line 8: 25 columns, an Avazu line has 24");
    assertThat(dir.resolve("b.model")).doesNotExist();
    Runs.Output skipped = Runs.capture("ctr", "train", "--data", file.toString(), "--format", "avazu", "--skip-bad",
        "--out", dir.resolve("b.model").toString(), "--hash-bits", "12");
    assertThat(skipped.exitCode()).isZero();
    assertThat(skipped.out()).contains("skipped 1 malformed lines", "on 28 examples");
  }

  /** A header and n - 1 made-up lines in the Avazu train layout, a click on every third. */
  private static List<String> avazuLines(int n) {
    List<String> lines = new ArrayList<>();
    lines.add("id,click,hour,C1,banner_pos,site_id,site_domain,site_category,app_id,app_domain,app_category,"
        + "device_id,device_ip,device_model,device_type,device_conn_type,C14,C15,C16,C17,C18,C19,C20,C21");
    for (int i = 1; i < n; i++) {
      lines.add(i + "," + (i % 3 == 0 ? 1 : 0) + ",141021" + String.format("%02d", i % 24) + ",1005,0,site" + (i % 3)
          + ",dom,cat" + (i % 3) + ",app,appdom,appcat,dev,ip" + i + ",model,1,0,15706,320,50,1722,0,35,-1,79");
    }
    return lines;
  }
}
