package org.bidarena.core.protocol;

/**
 * The Halt of every tick participant's protocol: stop for good, because the Driver is rewinding the run.
 * Processed only after any write under way, and answered with {@link DriverProtocol.Halted}.
 */
public interface HaltRequest {
  Incarnation incarnation();
}
