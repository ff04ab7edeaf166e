package org.bidarena.agents.external;

import org.bidarena.agents.AgentEvent;
import org.bidarena.core.external.ExternalAnswers;
import org.bidarena.core.journal.TickEvent;

/**
 * An external agent's answers for one partition of one tick, journaled before its bids leave the agent. One
 * event per (tick, partition) asked, in the agent's own {@link AnswerLog} journal.
 */
public record ExternalAnswersRecorded(String agent, ExternalAnswers answers) implements AgentEvent, TickEvent {
  @Override
  public long tick() {
    return answers.tick();
  }
}
