package org.bidarena.analysis.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bidarena.analysis.BadInput;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.core.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderScenarioTest {
  @TempDir Path dir;

  @Test
  void scenarioShouldOpenAFolderWhoseFileAnOlderRendererWrote() throws Exception {
    // given a folder whose scenario.conf has another layout than this version renders, with run.json's
    // fingerprint taken of that file as written (as older versions did)
    Scenario scenario = ScenarioLoader.loadDefault(List.of(), 42L);
    RunFolder folder = RunFolder.create(dir.resolve("run"), scenario);
    String olderLayout = "# written by an older version\n" + Files.readString(folder.scenarioFile());
    Files.writeString(folder.scenarioFile(), olderLayout);
    Path runJson = dir.resolve("run").resolve("run.json");
    Files.writeString(runJson, Files.readString(runJson).replace(folder.recordedSha256(), RunFolder.sha256(olderLayout)));
    // when
    Scenario opened = RunFolder.open(dir.resolve("run")).scenario();
    // then
    assertThat(ScenarioLoader.render(opened)).isEqualTo(ScenarioLoader.render(scenario));
  }

  @Test
  void scenarioShouldRefuseAFileChangedAfterTheRunStarted() throws Exception {
    // given
    RunFolder folder = RunFolder.create(dir.resolve("run"), ScenarioLoader.loadDefault(List.of(), 42L));
    Files.writeString(folder.scenarioFile(), Files.readString(folder.scenarioFile()).replace("seed = 42", "seed = 43"));
    // when / then
    assertThatThrownBy(() -> RunFolder.open(dir.resolve("run")).scenario())
        .isInstanceOf(BadInput.class).hasMessageContaining("was changed after the run started");
  }
}
