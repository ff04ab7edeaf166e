package org.bidarena.analysis.stats;

/** What a 95% interval of B - A says, for a metric whose better direction is known (or not). */
public enum Verdict {
  A_BETTER("A better"),
  B_BETTER("B better"),
  A_HIGHER("A higher"),
  B_HIGHER("B higher"),
  NO_DIFFERENCE("no difference at 95%");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Which way a metric is better; NEUTRAL for quantities such as spend, where more is neither. */
  public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    NEUTRAL
  }

  /** The verdict on B - A: a difference only when the interval excludes zero. */
  public static Verdict of(Interval difference, Direction direction) {
    int sign = difference.low() > 0 ? 1 : difference.high() < 0 ? -1 : 0;
    if (sign == 0) {
      return NO_DIFFERENCE;
    }
    return switch (direction) {
      case HIGHER_IS_BETTER -> sign > 0 ? B_BETTER : A_BETTER;
      case LOWER_IS_BETTER -> sign < 0 ? B_BETTER : A_BETTER;
      case NEUTRAL -> sign > 0 ? B_HIGHER : A_HIGHER;
    };
  }
}
