package org.bidarena.exchange;

/** Marks the events and snapshots of this module for its protobuf serializer. */
public interface ExchangeEvent {}
