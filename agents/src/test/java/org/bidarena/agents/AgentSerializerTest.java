package org.bidarena.agents;

import java.util.List;
import java.util.Map;
import org.bidarena.agents.external.ExternalAnswersRecorded;
import org.bidarena.core.external.ExternalAnswers;
import org.bidarena.core.testing.SerializerContract;

/** The agents' events and snapshots: every field distinct, an idle tick, awkward doubles, no strategy state. */
class AgentSerializerTest extends SerializerContract {
  AgentSerializerTest() {
    super(new AgentSerializer(), 731003,
        Map.of(BidderTickSettled.class, "BidderTickSettled/v1", BidderCheckpoint.class, "BidderSnapshot/v1",
            ExternalAnswersRecorded.class, "ExternalAnswersRecorded/v1"),
        List.of(settled(), idleTick(), withDecisions(), checkpoint(), new BidderCheckpoint(-1, 0, new double[0]),
            answers(), new ExternalAnswersRecorded("e", new ExternalAnswers(3, 0, new int[0], new long[0],
                new String[0]))));
  }

  /** A bid, each kind of no-bid, and rows that are not contiguous. */
  private static ExternalAnswersRecorded answers() {
    return new ExternalAnswersRecorded("node", new ExternalAnswers((1L << 33) + 7, 11, new int[] {0, 4, 5, 90_000},
        new long[] {2_750, 0, 0, 1}, new String[] {"", "timeout", "below-floor", ""}));
  }

  /** Every field distinct, so that two swapped fields cannot pass. */
  private static BidderTickSettled settled() {
    return new BidderTickSettled(
        (1L << 33) + 1, "retargeting-2", 1_001, 1_002, 1_003_000, 1_004, 1_005_000, 1_006, 1_007,
        1_008_000_000L, 12_000_000, 1.2345678901234567);
  }

  /** A campaign's tick: its decisions, in order, with a cell and none (-1), and an empty reason. */
  private static BidderTickSettled withDecisions() {
    return new BidderTickSettled(7, "campaign", 1, 2, 3, 4, 5, 6, 7, 8, 9, 1.0, List.of(
        new StrategyDecision("reallocate", 431, "roas 0.000, bottom of 50 ranked cells: 0.092593 -> 0.046297"),
        new StrategyDecision("rotate", -1, "creative spring-a"), new StrategyDecision("flag", 0, "")));
  }

  /** Doubles that must come back bit for bit: -0.0 stays -0.0 and NaN stays NaN. */
  private static BidderCheckpoint checkpoint() {
    return new BidderCheckpoint(
        191, 9_999_999, new double[] {1.0, -0.0, 0.5, -3.25e-7, Double.MAX_VALUE, Double.MIN_VALUE, Double.NaN});
  }

  /** Nothing happened: the proto3 defaults must come back as zeros, not as missing values. */
  private static BidderTickSettled idleTick() {
    return new BidderTickSettled(0, "a", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0);
  }
}
