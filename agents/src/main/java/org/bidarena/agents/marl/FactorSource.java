package org.bidarena.agents.marl;

/** Where an advertiser of a cluster gets its cluster's factor on the base bid for a customer cluster. */
@FunctionalInterface
public interface FactorSource {
  /** Factor 1 everywhere: the hand-set baseline, every advertiser at its own variation of the base bid. */
  FactorSource ONE = (cluster, tick, customerCluster) -> 1.0;

  double factor(int cluster, long tick, int customerCluster);
}
