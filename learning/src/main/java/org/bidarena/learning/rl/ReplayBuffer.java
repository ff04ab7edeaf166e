package org.bidarena.learning.rl;

import org.bidarena.learning.SplitMix;
import org.bidarena.learning.StateReader;
import org.bidarena.learning.StateWriter;

/** A ring of the last {@code capacity} transitions (state, action, reward, next state, terminal). */
public final class ReplayBuffer {
  private final int capacity;
  private final int dim;
  private final double[] states;
  private final double[] nextStates;
  private final double[] actions;
  private final double[] rewards;
  private final double[] terminal;
  private int size;
  private int next;

  public ReplayBuffer(int capacity, int dim) {
    this.capacity = capacity;
    this.dim = dim;
    this.states = new double[capacity * dim];
    this.nextStates = new double[capacity * dim];
    this.actions = new double[capacity];
    this.rewards = new double[capacity];
    this.terminal = new double[capacity];
  }

  public void add(double[] state, int action, double reward, double[] nextState, boolean done) {
    System.arraycopy(state, 0, states, next * dim, dim);
    System.arraycopy(nextState, 0, nextStates, next * dim, dim);
    actions[next] = action;
    rewards[next] = reward;
    terminal[next] = done ? 1 : 0;
    next = (next + 1) % capacity;
    size = Math.min(size + 1, capacity);
  }

  public int size() {
    return size;
  }

  /** A uniformly drawn stored transition's index. */
  public int sample(SplitMix rng) {
    return rng.nextInt(size);
  }

  public void state(int i, double[] into) {
    System.arraycopy(states, i * dim, into, 0, dim);
  }

  public void nextState(int i, double[] into) {
    System.arraycopy(nextStates, i * dim, into, 0, dim);
  }

  public int action(int i) {
    return (int) actions[i];
  }

  public double reward(int i) {
    return rewards[i];
  }

  public boolean terminal(int i) {
    return terminal[i] != 0;
  }

  /** Only the filled part is written, so an early checkpoint is small. */
  public void writeTo(StateWriter w) {
    w.put(size).put(next);
    for (int i = 0; i < size; i++) {
      for (int k = 0; k < dim; k++) {
        w.put(states[i * dim + k]);
      }
      for (int k = 0; k < dim; k++) {
        w.put(nextStates[i * dim + k]);
      }
      w.put(actions[i]).put(rewards[i]).put(terminal[i]);
    }
  }

  public void readFrom(StateReader r) {
    size = r.getInt();
    next = r.getInt();
    if (size < 0 || size > capacity || next < 0 || next >= capacity) {
      throw new IllegalArgumentException("replay buffer state (" + size + ", " + next + ") does not fit capacity "
          + capacity);
    }
    for (int i = 0; i < size; i++) {
      for (int k = 0; k < dim; k++) {
        states[i * dim + k] = r.get();
      }
      for (int k = 0; k < dim; k++) {
        nextStates[i * dim + k] = r.get();
      }
      actions[i] = r.get();
      rewards[i] = r.get();
      terminal[i] = r.get();
    }
  }
}
