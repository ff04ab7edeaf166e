package org.bidarena.learning.ctr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
  private static final FeatureLayout LAYOUT =
      FeatureLayout.of("synthetic", List.of("a", "b", "c"), List.of("a*b"), 12);

  @TempDir Path dir;

  @Test
  void savedLoadedAndContinuedShouldEqualUninterruptedTraining() throws Exception {
    // given two models on the same stream, one saved and reloaded half-way
    CtrModel straight = new CtrModel(LAYOUT, new FtrlSettings(0.1, 1, 0.5, 2));
    CtrModel halted = new CtrModel(LAYOUT, new FtrlSettings(0.1, 1, 0.5, 2));
    SplittableRandom a = new SplittableRandom(3);
    SplittableRandom b = new SplittableRandom(3);
    feed(straight, a, 5000);
    feed(halted, b, 2500);
    Path file = dir.resolve("m.ctr");
    ModelFile.save(halted, file);
    CtrModel resumed = ModelFile.load(file, LAYOUT);
    // when the reloaded one learns the rest
    feed(resumed, b, 2500);
    // then every coordinate, the settings and the example count are the same
    assertThat(resumed.ftrl().examples()).isEqualTo(5000);
    assertThat(ModelFile.sameState(straight, resumed)).isTrue();
    for (int i = 0; i < straight.ftrl().size(); i++) {
      assertThat(resumed.ftrl().weight(i)).isEqualTo(straight.ftrl().weight(i));
    }
    // and a model that stopped without the reload really differs (the check can fail)
    assertThat(ModelFile.sameState(straight, halted)).isFalse();
  }

  @Test
  void aFlippedByteShouldBeRefusedByTheChecksum() throws Exception {
    Path file = trained();
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(file, bytes);
    assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void aFileCutShortOrOfAnotherKindShouldBeRefused() throws Exception {
    Path file = trained();
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 9));
    assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
        .hasMessageContaining("not a whole BidArena CTR model");
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "hello, I am not a model");
    assertThatThrownBy(() -> ModelFile.load(text)).isInstanceOf(ModelFileException.class)
        .hasMessageContaining("no BIDARENA-CTR header");
  }

  @Test
  void aModelOfAnotherLayoutShouldBeRefused() throws Exception {
    Path file = trained();
    FeatureLayout other = FeatureLayout.of("synthetic", List.of("a", "b", "c"), List.of(), 12);
    assertThatThrownBy(() -> ModelFile.load(file, other)).isInstanceOf(ModelFileException.class)
        .hasMessageContaining("was made for the feature layout synthetic (12 hash bits; fields a,b,c; crosses a*b)");
    FeatureLayout moreBits = FeatureLayout.of("synthetic", List.of("a", "b", "c"), List.of("a*b"), 14);
    assertThatThrownBy(() -> ModelFile.load(file, moreBits)).isInstanceOf(ModelFileException.class);
    assertThat(ModelFile.load(file, LAYOUT).layout().sameAs(LAYOUT)).isTrue();
  }

  private Path trained() throws Exception {
    CtrModel m = new CtrModel(LAYOUT, FtrlSettings.DEFAULT);
    feed(m, new SplittableRandom(1), 1000);
    Path file = dir.resolve("t.ctr");
    ModelFile.save(m, file);
    return file;
  }

  private static void feed(CtrModel m, SplittableRandom rng, int n) {
    String[] v = new String[3];
    for (int i = 0; i < n; i++) {
      int a = rng.nextInt(5);
      v[0] = "a" + a;
      v[1] = "b" + rng.nextInt(5);
      v[2] = rng.nextInt(4) == 0 ? "" : "c" + rng.nextInt(50);
      m.learn(v, rng.nextDouble() < (a == 2 ? 0.3 : 0.05) ? 1 : 0);
    }
  }
}
