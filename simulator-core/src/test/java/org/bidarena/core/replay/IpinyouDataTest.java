package org.bidarena.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpinyouDataTest {
  @TempDir Path dir;

  static void writeData(Path dir, String log) throws IOException {
    Files.writeString(dir.resolve(IpinyouData.LOG), log);
    String counter = String.join(",", Collections.nCopies(301, "1"));
    Files.writeString(dir.resolve(IpinyouData.INFO),
        "{\"imp_train\": 1000, \"clk_train\": 4, \"cost_train\": 64000, \"price_counter_train\": [" + counter + "]}");
    Files.writeString(dir.resolve(IpinyouData.LIN_B0), "{\"N\": 1000, \"b0_by_c0\": {\"0.03125\": 10, \"0.5\": 130}}");
  }

  @Test
  void loadShouldReadTheLogStatisticsAndBaseBids() throws IOException {
    // given
    writeData(dir, "0 70 0.0021\n1 6 0.0033\n0 300 1e-3\n\n");
    // when
    IpinyouData data = IpinyouData.load(dir);
    // then
    assertThat(data.log().marketPrice()).containsExactly(70, 6, 300);
    assertThat(data.log().clicks()).containsExactly(0, 1, 0);
    assertThat(data.log().pCtr()).containsExactly(0.0021, 0.0033, 0.001);
    assertThat(data.thetaAvg()).isEqualTo(0.004);
    assertThat(data.cpcTrain()).isEqualTo(16000.0);
    assertThat(data.priceCounterTrain()).hasSize(301);
    assertThat(data.b0(1.0 / 32)).isEqualTo(10);
    assertThat(data.b0(0.25)).isNull();
    // B = floor(64000 / 1000 * c0 * N): 64 * 1/32 * 1000 = 2000; 64 * 0.3 * 1000 = 19200 (19199.99.. as doubles)
    assertThat(data.budget(1.0 / 32, 1000)).isEqualTo(2000);
    assertThat(data.budget(0.3, 1000)).isEqualTo((long) Math.floor(64000.0 / 1000 * 0.3 * 1000));
  }

  @Test
  void aMalformedLineShouldBeRefusedWithItsNumber() throws IOException {
    writeData(dir, "0 70 0.0021\n1 6 0.0033\n0 x7 0.1\n");
    assertThatThrownBy(() -> IpinyouData.load(dir)).isInstanceOf(BadLogException.class)
        .hasMessageContaining("line 3:").hasMessageContaining("'0 x7 0.1'");
    writeData(dir, "0 70 0.0021\n2 6 0.0033\n");
    assertThatThrownBy(() -> IpinyouData.load(dir)).hasMessageContaining("line 2:");
    writeData(dir, "0 301 0.0021\n");
    assertThatThrownBy(() -> IpinyouData.load(dir)).hasMessageContaining("line 1:");
    writeData(dir, "0 30 0.0021 7\n");
    assertThatThrownBy(() -> IpinyouData.load(dir)).hasMessageContaining("line 1:");
  }

  @Test
  void missingFolderOrFileShouldBeNamed() throws IOException {
    assertThatThrownBy(() -> IpinyouData.load(dir.resolve("nope")))
        .isInstanceOf(BadLogException.class).hasMessageContaining("does not exist");
    writeData(dir, "0 70 0.0021\n");
    Files.delete(dir.resolve(IpinyouData.INFO));
    assertThatThrownBy(() -> IpinyouData.load(dir)).hasMessageContaining("has no info.json");
  }

  @Test
  void aHistogramOfTheWrongLengthShouldBeRefused() throws IOException {
    writeData(dir, "0 70 0.0021\n");
    Files.writeString(dir.resolve(IpinyouData.INFO),
        "{\"imp_train\": 1000, \"clk_train\": 4, \"cost_train\": 64000, \"price_counter_train\": [1, 2]}");
    assertThatThrownBy(() -> IpinyouData.load(dir)).hasMessageContaining("price_counter_train");
  }
}
