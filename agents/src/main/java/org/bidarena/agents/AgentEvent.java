package org.bidarena.agents;

/** Marks the events and snapshots of this module for its protobuf serializer. */
public interface AgentEvent {}
