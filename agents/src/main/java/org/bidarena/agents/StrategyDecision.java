package org.bidarena.agents;

/**
 * One decision a strategy took at a tick boundary, journaled with the tick: what it did (flag, reallocate,
 * rotate, promote, kill, audience, ...), to which of its line items (-1 for none in particular), and why,
 * with the numbers behind it.
 */
public record StrategyDecision(String kind, int item, String reason) {}
