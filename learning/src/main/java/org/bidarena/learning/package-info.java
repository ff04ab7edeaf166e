/**
 * Learners in plain Java with no Pekko and no market types: small dense networks and their optimisers, replay
 * buffers, bandits, reinforcement learners and FTRL-Proximal click models. Everything here is deterministic for
 * a seed and exposes its full state, so a bidder's checkpoint can hold it and a resume can verify it byte for
 * byte. The {@code agents} module adapts these learners to bidding strategies.
 */
package org.bidarena.learning;
