package org.bidarena.core.events;

/** Marks the events and snapshots of this module for its protobuf serializer. */
public interface CoreEvent {}
