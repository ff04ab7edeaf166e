package org.bidarena.analysis.attribution;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bidarena.analysis.metrics.OutcomeFields;
import org.bidarena.core.customer.ShardOutcomes;
import org.bidarena.core.events.OutcomesRecorded;
import org.bidarena.core.scenario.AgentSpec;
import org.bidarena.core.scenario.CreativeSpec;
import org.bidarena.core.scenario.Scenario;
import org.bidarena.exchange.AuctionsCleared;

/**
 * A recorded run as attribution sees it: its touches and conversions ({@link TouchLog}), and per key the two
 * credits a model is compared with, the ground truth and the run's own last click.
 *
 * <p>A touch is an auction won (the impression shown), with the winner's creative, on the display channel; a
 * conversion is a purchase row of the outcomes. The ground truth of a key is the sum over purchases of the
 * journaled causal shares of its touches (credit ppm / 1e6, and that times the purchase's revenue): the expected
 * conversions and revenue its ads caused. The run's last click credits each purchase with an attributed agent
 * to that agent (for creatives: to the creative of the clicked auction).
 */
public record RunTouches(TouchLog log, Credits truth, Credits lastClick, long purchases, long revenueMicros,
    double organicConversions, double organicRevenueMicros) {

  public static final String TRUTH = "truth";
  public static final String LAST_CLICK = "run-last-click";

  /** Keys for {@code dimension} over the scenario's agents and creatives; cells as many as the log uses. */
  public static Keys keys(Scenario scenario, Dimension dimension, TouchLog log) {
    List<String> agents = scenario.agents().stream().map(AgentSpec::id).toList();
    List<List<String>> creatives = scenario.agents().stream()
        .map(a -> a.creatives().stream().map(CreativeSpec::name).toList()).toList();
    int cells = 0;
    for (int i = 0; i < log.touches(); i++) {
      cells = Math.max(cells, log.touchCell(i) + 1);
    }
    return Keys.of(dimension, agents, creatives, cells);
  }

  /** The touch log of a run's auctions and outcomes (each list in tick order). */
  public static TouchLog log(Scenario scenario, List<AuctionsCleared> auctions, List<OutcomesRecorded> outcomes) {
    TouchLog log = new TouchLog(scenario.customers().count());
    for (AuctionsCleared e : auctions) {
      int[] agent = agentIndex(scenario, e);
      for (int i = 0; i < e.auctions(); i++) {
        int w = e.winners()[i];
        if (w >= 0) {
          log.touch(e.customers()[i], (int) e.tick(), agent[w], e.winnerCreative(i));
        }
      }
    }
    for (OutcomesRecorded o : outcomes) {
      ShardOutcomes rows = o.outcomes();
      for (int r = 0; r < rows.rows(); r++) {
        if (OutcomeFields.isPurchase(rows, r)) {
          log.conversion(rows.customers()[r], (int) o.tick(), rows.revenueMicros()[r]);
        }
      }
    }
    return log;
  }

  /** The run's touches with its ground truth and last click by {@code keys}. */
  public static RunTouches of(Scenario scenario, List<AuctionsCleared> auctions, List<OutcomesRecorded> outcomes,
      TouchLog log, Keys keys) {
    Credits truth = Credits.empty(TRUTH, keys.names());
    Credits last = Credits.empty(LAST_CLICK, keys.names());
    Map<Long, Integer> clickedCreative = keys.dimension() == Dimension.CREATIVE ? clickedCreatives(scenario, auctions,
        outcomes) : Map.of();
    long purchases = 0;
    long revenue = 0;
    double organic = 0;
    double organicRevenue = 0;
    for (OutcomesRecorded o : outcomes) {
      ShardOutcomes rows = o.outcomes();
      for (int r = 0; r < rows.rows(); r++) {
        if (!OutcomeFields.isPurchase(rows, r)) {
          continue;
        }
        long value = rows.revenueMicros()[r];
        purchases++;
        revenue += value;
        double organicShare = rows.organicPpm(r) / (double) ShardOutcomes.PPM;
        organic += organicShare;
        organicRevenue += organicShare * value;
        for (int c = rows.creditStart()[r]; c < rows.creditStart()[r + 1]; c++) {
          int k = keys.of(rows.creditAgent()[c], rows.creditCreative()[c], Dimension.DISPLAY, TouchLog.NO_CELL);
          if (k >= 0) {
            double share = rows.creditPpm()[c] / (double) ShardOutcomes.PPM;
            truth.conversions()[k] += share;
            truth.revenueMicros()[k] += share * value;
          }
        }
        int agent = OutcomeFields.agent(rows, r);
        if (agent >= 0) {
          long auction = rows.auctionIds()[r];
          int creative = clickedCreative.getOrDefault(auction, 0);
          int k = keys.of(agent, creative, Dimension.DISPLAY, TouchLog.NO_CELL);
          if (k >= 0) {
            last.conversions()[k]++;
            last.revenueMicros()[k] += value;
          }
        }
      }
    }
    return new RunTouches(log, truth, last, purchases, revenue, organic, organicRevenue);
  }

  /** The creative shown in each auction that a purchase is attributed to. */
  private static Map<Long, Integer> clickedCreatives(Scenario scenario, List<AuctionsCleared> auctions,
      List<OutcomesRecorded> outcomes) {
    Map<Long, Integer> wanted = new HashMap<>();
    for (OutcomesRecorded o : outcomes) {
      ShardOutcomes rows = o.outcomes();
      for (int r = 0; r < rows.rows(); r++) {
        if (OutcomeFields.isPurchase(rows, r) && rows.auctionIds()[r] >= 0) {
          wanted.put(rows.auctionIds()[r], 0);
        }
      }
    }
    for (AuctionsCleared e : auctions) {
      for (int i = 0; i < e.auctions(); i++) {
        long id = org.bidarena.core.protocol.AuctionId.of(e.tick(), e.partition(), i);
        if (wanted.containsKey(id)) {
          wanted.put(id, e.winnerCreative(i));
        }
      }
    }
    return wanted;
  }

  private static int[] agentIndex(Scenario scenario, AuctionsCleared e) {
    int[] index = new int[e.agents().size()];
    for (int a = 0; a < index.length; a++) {
      index[a] = scenario.agentIndex(e.agents().get(a));
    }
    return index;
  }
}
