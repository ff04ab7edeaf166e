package org.bidarena.core.scenario;

/** The bidding strategies a scenario can name. Their logic lives in the agents module. */
public enum StrategyKind {
  AGGRESSIVE("aggressive"),
  CONSERVATIVE("conservative"),
  RETARGETING("retargeting"),
  ADAPTIVE("adaptive"),
  RANDOM("random"),
  FIXED("fixed");

  private final String key;

  StrategyKind(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
