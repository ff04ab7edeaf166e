package org.bidarena.agents.marl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bidarena.core.customer.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterPolicyTest {
  private static ClusterPolicy sample() {
    // 2 clusters, 24 ticks a day in 2 steps of 12; factor = 1 + cluster + step / 10 + customer cluster / 100
    double[][][] f = new double[2][2][CustomerClusters.COUNT];
    for (int k = 0; k < 2; k++) {
      for (int s = 0; s < 2; s++) {
        for (int c = 0; c < CustomerClusters.COUNT; c++) {
          f[k][s][c] = 1 + k + s / 10.0 + c / 100.0 + 1e-13;
        }
      }
    }
    return new ClusterPolicy("dcmab", 0.25, 24, 12, f);
  }

  @Test
  void factorShouldFollowTheStepOfTheDayOnEveryDay() {
    ClusterPolicy p = sample();
    assertThat(p.factor(1, 0, 3)).isEqualTo(2.03 + 1e-13);
    assertThat(p.factor(1, 12, 3)).isEqualTo(2.13 + 1e-13);
    // tick 24 + 13 is day 1, step 1
    assertThat(p.factor(0, 37, 2)).isEqualTo(1.12 + 1e-13);
  }

  @Test
  void writtenPolicyShouldReadBackBitForBit(@TempDir Path dir) throws Exception {
    ClusterPolicy p = sample();
    p.write(dir.resolve("policy.txt"));
    ClusterPolicy back = ClusterPolicy.read(dir.resolve("policy.txt"));
    assertThat(back.text()).isEqualTo(p.text());
    assertThat(back.factors()).isDeepEqualTo(p.factors());
    assertThat(back.alpha()).isEqualTo(0.25);
  }

  @Test
  void editedCutOrMissingFilesShouldBeRefusedInOneLine(@TempDir Path dir) throws Exception {
    String text = sample().text();
    Files.writeString(dir.resolve("edited.txt"), text.replace("1 1 2.1", "1 1 9.1"));
    Files.writeString(dir.resolve("cut.txt"), text.substring(0, text.length() / 2));
    assertThatThrownBy(() -> ClusterPolicy.read(dir.resolve("edited.txt"))).hasMessageContaining("checksum does not match");
    assertThatThrownBy(() -> ClusterPolicy.read(dir.resolve("cut.txt"))).hasMessageContaining("is not a cluster policy");
    assertThatThrownBy(() -> ClusterPolicy.read(dir.resolve("none.txt"))).hasMessageContaining("does not exist");
  }

  @Test
  void customerClustersShouldSplitHotStagesAndMobile() {
    assertThat(CustomerClusters.of(Stage.AWARENESS.ordinal(), 0)).isEqualTo(0);
    assertThat(CustomerClusters.of(Stage.RETENTION.ordinal(), 2)).isEqualTo(1);
    assertThat(CustomerClusters.of(Stage.CONSIDERATION.ordinal(), 0)).isEqualTo(2);
    assertThat(CustomerClusters.of(Stage.CHURN_RISK.ordinal(), 1)).isEqualTo(3);
  }
}
