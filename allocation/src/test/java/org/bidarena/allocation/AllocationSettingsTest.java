package org.bidarena.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import org.bidarena.core.scenario.ScenarioException;
import org.junit.jupiter.api.Test;

/** The allocation block of a scenario: the shipped channels.conf reads, and bad keys are one-line errors. */
class AllocationSettingsTest {
  private static final String CHANNEL = "{ cpc = 1.00, max-conversions = 100, half-saturation = 1000.00 }";

  private static AllocationSettings of(String hocon) {
    return AllocationSettings.of(ConfigFactory.parseString(hocon));
  }

  @Test
  void theShippedScenarioShouldGiveFourChannelsWithTheirCurvesAndLimits() {
    AllocationSettings s = AllocationSettings.of(Path.of("..", "scenarios", "channels.conf"));
    assertThat(s.channels()).extracting(ChannelSpec::id).containsExactly("email", "google-ads", "influencer", "meta-ads");
    assertThat(s.budgetMicros()).isEqualTo(10_000_000_000L);
    assertThat(s.floor()).isEqualTo(0.03);
    assertThat(s.maxDailyChange()).isEqualTo(0.25);
    ChannelSpec meta = s.channels().get(3);
    assertThat(meta.label()).isEqualTo("Meta Ads");
    assertThat(meta.adstock().kind()).isEqualTo(Adstock.Kind.WEIBULL);
    assertThat(meta.hill().shape()).isEqualTo(1.3);
    assertThat(s.channels().get(0).max().micros()).isEqualTo(2_000_000_000L);
    assertThat(s.channels().get(2).min().micros()).isEqualTo(300_000_000L);
  }

  @Test
  void badKeysShouldBeRefusedNamingTheKeyAndWhatIsAllowed() {
    assertThatThrownBy(() -> of("daily-budget = 100.00, order-value = 10.00, channels { a " + CHANNEL + ", b "
        + CHANNEL + " }, colour = red")).isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith("allocation.colour: unknown key; allowed: daily-budget");
    assertThatThrownBy(() -> of("daily-budget = 100.00, order-value = 10.00, channels { a { cpc = 1.00,"
        + " max-conversions = 100, half-saturation = 1000.00, adstock { type = linear } } }"))
        .hasMessage("allocation.channels.a.adstock.type = linear: allowed: geometric, weibull");
    assertThatThrownBy(() -> of("daily-budget = 100.00, order-value = 10.00, channels { a { cpc = 1.00,"
        + " max-conversions = 100, half-saturation = 1000.00, min-spend = 10.00, min-share = 0.1 } }"))
        .hasMessage("allocation.channels.a: give min-spend or min-share, not both");
    assertThatThrownBy(() -> of("daily-budget = 100.00, order-value = 10.00, channels { a { cpc = 1.00,"
        + " max-conversions = 100, half-saturation = 1000.00, min-spend = 150.00 } }"))
        .hasMessage("allocation.channels.a: min 150.00 is above the daily budget 100.00");
    assertThatThrownBy(() -> of("daily-budget = 100.00, order-value = 10.00, channels { A " + CHANNEL + " }"))
        .hasMessage("allocation.channels.A: a channel id is [a-z0-9-]{1,32}");
  }
}
