package org.bidarena.analysis.export;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bidarena.agents.BidderTickSettled;
import org.bidarena.agents.StrategyDecision;
import org.bidarena.agents.campaign.CampaignSpec;
import org.bidarena.analysis.journal.RecordedRun;
import org.bidarena.core.scenario.AgentSpec;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The {@code decisions} table: every decision a strategy journaled with its settled tick (the campaign
 * agents' flags, reallocations, rotations, promotions, kills and new audiences), with the cell's dimensions
 * spelled out ({@code audience|creative|bid-strategy|daypart|platform}) when it names a campaign cell.
 */
final class DecisionTable {
  private DecisionTable() {}

  static void fill(DuckDBConnection c, RecordedRun run) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE decisions (tick INTEGER, day INTEGER, agent VARCHAR, kind VARCHAR, cell INTEGER,"
          + " cell_key VARCHAR, reason VARCHAR)");
    }
    Map<String, List<String>> keys = new HashMap<>();
    for (AgentSpec agent : run.scenario().agents()) {
      if (agent.strategy().equals("campaign")) {
        keys.put(agent.id(), CampaignSpec.of(agent, run.scenario()).grid().cells().stream()
            .map(cell -> cell.key()).toList());
      }
    }
    try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "decisions")) {
      for (BidderTickSettled t : run.ticks()) {
        for (StrategyDecision d : t.decisions()) {
          a.beginRow();
          a.append((int) t.tick());
          a.append(run.scenario().day(t.tick()));
          a.append(t.agent());
          a.append(d.kind());
          a.append(d.item());
          List<String> cellKeys = keys.get(t.agent());
          if (cellKeys != null && d.item() >= 0 && d.item() < cellKeys.size()) {
            a.append(cellKeys.get(d.item()));
          } else {
            a.appendNull();
          }
          a.append(d.reason());
          a.endRow();
        }
      }
    }
  }
}
