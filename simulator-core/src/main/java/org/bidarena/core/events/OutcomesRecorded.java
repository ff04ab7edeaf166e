package org.bidarena.core.events;

import org.bidarena.core.customer.ShardOutcomes;
import org.bidarena.core.journal.TickEvent;

/** A CustomerShard's clicks, purchases and stage counts for one tick. */
public record OutcomesRecorded(long tick, int shard, ShardOutcomes outcomes) implements TickEvent, CoreEvent {}
