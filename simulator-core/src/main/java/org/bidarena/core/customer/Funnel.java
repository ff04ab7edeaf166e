package org.bidarena.core.customer;

import static org.bidarena.core.customer.Stage.AWARENESS;
import static org.bidarena.core.customer.Stage.CHURN_RISK;
import static org.bidarena.core.customer.Stage.CONSIDERATION;
import static org.bidarena.core.customer.Stage.INTEREST;
import static org.bidarena.core.customer.Stage.PURCHASE;
import static org.bidarena.core.customer.Stage.RETENTION;

import org.bidarena.core.scenario.CustomerModelSpec.Transitions;

/**
 * Stage transitions (docs/market-model-2.md, "Funnel"). Once a day each customer may move organically with
 * the per-day rates (Awareness to Interest to Consideration forward, Interest and Consideration fading back,
 * Purchase to Retention to Churn Risk to Awareness); an impression moves Awareness to Interest and Interest
 * to Consideration with the exposure rates, a click with the click rates; a purchase moves to Purchase. The
 * defaults balance these flows so that the default market holds its initial mix.
 */
public final class Funnel {
  private final Transitions t;

  public Funnel(Transitions transitions) {
    this.t = transitions;
  }

  /** The stage after a day's organic move, given one uniform draw u. */
  public int daily(int stage, double u) {
    return switch (Stage.of(stage)) {
      case AWARENESS -> u < t.awarenessToInterestPerDay() ? INTEREST.ordinal() : stage;
      case INTEREST -> u < t.interestToConsiderationPerDay()
          ? CONSIDERATION.ordinal()
          : u < t.interestToConsiderationPerDay() + t.interestToAwarenessPerDay() ? AWARENESS.ordinal() : stage;
      case CONSIDERATION -> u < t.considerationToInterestPerDay() ? INTEREST.ordinal() : stage;
      case PURCHASE -> u < t.purchaseToRetentionPerDay() ? RETENTION.ordinal() : stage;
      case RETENTION -> u < t.retentionToChurnRiskPerDay() ? CHURN_RISK.ordinal() : stage;
      case CHURN_RISK -> u < t.churnRiskToAwarenessPerDay() ? AWARENESS.ordinal() : stage;
    };
  }

  /** The stage after an impression (clicked or not), given one uniform draw u. */
  public int afterImpression(int stage, boolean clicked, double u) {
    if (stage == AWARENESS.ordinal() && u < (clicked ? t.clickToInterest() : t.exposureToInterest())) {
      return INTEREST.ordinal();
    }
    if (stage == INTEREST.ordinal() && u < (clicked ? t.clickToConsideration() : t.exposureToConsideration())) {
      return CONSIDERATION.ordinal();
    }
    if (clicked && stage == CHURN_RISK.ordinal() && u < t.churnRiskClickToConsideration()) {
      return CONSIDERATION.ordinal();
    }
    return stage;
  }

  public static int afterPurchase() {
    return PURCHASE.ordinal();
  }

  /** Whether a customer starting in this stage had bought before the run. */
  public static boolean customerBefore(int stage) {
    return stage == PURCHASE.ordinal() || stage == RETENTION.ordinal() || stage == CHURN_RISK.ordinal();
  }
}
