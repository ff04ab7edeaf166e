package org.bidarena.analysis.journal;

/** Takes a journal's events one at a time, as the journal walk hands them on. */
public interface JournalVisitor {
  void event(String persistenceId, long sequenceNr, Object event) throws Exception;
}
