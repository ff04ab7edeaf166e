package org.bidarena.learning.ctr.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.bidarena.learning.ctr.CtrModel;
import org.bidarena.learning.ctr.CtrTrainer;
import org.bidarena.learning.ctr.FeatureLayout;
import org.bidarena.learning.ctr.FtrlSettings;
import org.bidarena.learning.ctr.Holdout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers on made-up files in the real layouts (src/test/resources/ctr/make_files.py wrote them). */
class ReadersTest {
  @TempDir Path dir;

  static Path resource(String name) throws Exception {
    return Path.of(ReadersTest.class.getResource("/ctr/" + name).toURI());
  }

  @Test
  void avazuShouldGiveEveryLineWithItsHourOfDayAndDay() throws Exception {
    try (AvazuReader r = new AvazuReader(resource("avazu-sample.csv"), false)) {
      assertThat(r.next()).isTrue();
      // 10000000000000000000,0,14102100,1005,0,853d452f,...
      assertThat(r.label()).isZero();
      assertThat(r.day()).isEqualTo(141021);
      assertThat(r.values()[0]).isEqualTo("00");
      assertThat(r.values()[1]).isEqualTo("1005");
      assertThat(r.values()[r.values().length - 1]).isEqualTo("79");
      int n = 1;
      long clicks = r.label();
      while (r.next()) {
        n++;
        clicks += r.label();
      }
      assertThat(n).isEqualTo(600);
      assertThat(clicks).isBetween(60L, 300L);
      assertThat(r.day()).isEqualTo(141023);
    }
  }

  @Test
  void criteoShouldBucketIntegersAndKeepEmptyFieldsEmpty() throws Exception {
    try (CriteoReader r = new CriteoReader(resource("criteo-sample.txt"), false)) {
      assertThat(r.next()).isTrue();
      // 0, I1 = 14, I2 empty, I3 = 4, I4 = 1, ...
      assertThat(r.label()).isZero();
      assertThat(r.values()[0]).isEqualTo("b6"); // floor(ln(14)^2) = 6
      assertThat(r.values()[1]).isEmpty();
      assertThat(r.values()[3]).isEqualTo("1");
      assertThat(r.values()[13]).isEqualTo("8cf07265");
      int n = 1;
      while (r.next()) {
        n++;
      }
      assertThat(n).isEqualTo(500);
      assertThat(r.day()).isEqualTo(-1);
    }
  }

  @Test
  void aMalformedAvazuLineShouldBeRefusedByItsNumberUnlessSkipped() throws Exception {
    Path file = resource("avazu-malformed.csv");
    assertThatThrownBy(() -> drain(new AvazuReader(file, false))).isInstanceOf(MalformedLineException.class)
        .hasMessageContaining("line 42: click is 'x', must be 0 or 1");
    try (AvazuReader r = new AvazuReader(file, true)) {
      assertThat(drain(r)).isEqualTo(598);
      assertThat(r.skipped()).isEqualTo(2);
    }
  }

  @Test
  void aMalformedCriteoLineShouldBeRefusedByItsNumberUnlessSkipped() throws Exception {
    Path file = resource("criteo-malformed.txt");
    assertThatThrownBy(() -> drain(new CriteoReader(file, false))).isInstanceOf(MalformedLineException.class)
        .hasMessageContaining("line 10: I3 is '12abc', must be an integer or empty");
    CriteoReader skipping = new CriteoReader(file, true);
    assertThat(drain(skipping)).isEqualTo(498);
    assertThat(skipping.skipped()).isEqualTo(2);
    // the second bad line, alone, is named by its own number
    List<String> lines = Files.readAllLines(file);
    Path only200 = dir.resolve("c.txt");
    Files.write(only200, List.of(lines.get(0), lines.get(199)));
    assertThatThrownBy(() -> drain(new CriteoReader(only200, false)))
        .hasMessageContaining("line 2: 30 tab-separated fields, a Criteo line has 40");
  }

  @Test
  void aFileWithoutTheAvazuHeaderShouldBeRefused() throws Exception {
    Path file = dir.resolve("a.csv");
    Files.write(file, List.of("id,click,hour", "1,0,14102100"));
    assertThatThrownBy(() -> new AvazuReader(file, false)).isInstanceOf(MalformedLineException.class)
        .hasMessageContaining("line 1: the header must be id,click,hour,C1,");
  }

  @Test
  void aModelTrainedOnEachSampleShouldFindTheRuleThatMadeIt() throws Exception {
    // Avazu: the rule is on site_category, device_type and banner_pos; two days to train, the third held out
    double avazu = trainedAuc(() -> new AvazuReader(uncheckedResource("avazu-sample.csv"), false),
        AvazuReader.FIELDS, Holdout.fromDay(141023));
    double criteo = trainedAuc(() -> new CriteoReader(uncheckedResource("criteo-sample.txt"), false),
        CriteoReader.FIELDS, Holdout.fraction(0.3));
    // a model that had learnt nothing would sit near 0.5
    assertThat(avazu).isGreaterThan(0.7);
    assertThat(criteo).isGreaterThan(0.7);
  }

  private static double trainedAuc(Supplier<ExampleReader> data, List<String> fields, Holdout holdout) {
    CtrModel m = new CtrModel(FeatureLayout.of("t", fields, List.of(), 16), new FtrlSettings(0.1, 1, 0.1, 0.1));
    CtrTrainer.Result r = new CtrTrainer(m, holdout, 5, 0, 0, p -> {}).run(data);
    assertThat(r.heldOut()).isGreaterThan(100);
    return r.model().auc();
  }

  private static Path uncheckedResource(String name) {
    try {
      return resource(name);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int drain(ExampleReader r) {
    int n = 0;
    while (r.next()) {
      n++;
    }
    return n;
  }
}
