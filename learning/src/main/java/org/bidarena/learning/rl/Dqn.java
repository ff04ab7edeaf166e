package org.bidarena.learning.rl;

import org.bidarena.learning.SplitMix;
import org.bidarena.learning.StateReader;
import org.bidarena.learning.StateWriter;
import org.bidarena.learning.nn.Adam;
import org.bidarena.learning.nn.Mlp;

/**
 * Deep Q-learning (Mnih et al. 2015) with a replay buffer, a target network and the double-DQN target (van
 * Hasselt et al. 2016): epsilon-greedy over a few discrete actions, one mini-batch Adam step per observed
 * transition once the buffer holds a batch, Huber loss. Single-threaded and seeded: the same observations
 * give the same weights bit for bit.
 */
public final class Dqn {
  /** The learner's hyper-parameters. */
  public record Config(int stateDim, int actions, int hidden, double learningRate, double gamma,
      double epsilonStart, double epsilonEnd, long epsilonDecaySteps, int batch, int capacity, int targetSync) {}

  private final Config config;
  private final SplitMix rng;
  private final Mlp online;
  private final Mlp target;
  private final Adam adam;
  private final ReplayBuffer replay;
  private long steps;

  public Dqn(Config config, long seed) {
    this.config = config;
    this.rng = new SplitMix(seed);
    int[] sizes = {config.stateDim(), config.hidden(), config.hidden(), config.actions()};
    this.online = new Mlp(sizes, rng);
    this.target = new Mlp(sizes, rng);
    target.copyFrom(online);
    this.adam = new Adam(online.parameters().length, config.learningRate(), 10);
    this.replay = new ReplayBuffer(config.capacity(), config.stateDim());
  }

  public double epsilon() {
    double f = Math.min(1.0, (double) steps / Math.max(1, config.epsilonDecaySteps()));
    return config.epsilonStart() + f * (config.epsilonEnd() - config.epsilonStart());
  }

  /** Epsilon-greedy when {@code explore}, else greedy. */
  public int act(double[] state, boolean explore) {
    if (explore && rng.nextDouble() < epsilon()) {
      return rng.nextInt(config.actions());
    }
    return greedy(online, state);
  }

  /** The action of highest value under {@code q} (the first on a tie). */
  public static int greedy(Mlp q, double[] state) {
    double[] values = q.forward(state);
    int best = 0;
    for (int a = 1; a < values.length; a++) {
      if (values[a] > values[best]) {
        best = a;
      }
    }
    return best;
  }

  /** Stores a transition and learns from one mini-batch. */
  public void observe(double[] state, int action, double reward, double[] nextState, boolean done) {
    replay.add(state, action, reward, nextState, done);
    steps++;
    if (replay.size() < config.batch()) {
      return;
    }
    online.zeroGradients();
    double[] s = new double[config.stateDim()];
    double[] s2 = new double[config.stateDim()];
    double[] dOut = new double[config.actions()];
    for (int b = 0; b < config.batch(); b++) {
      int i = replay.sample(rng);
      replay.nextState(i, s2);
      double y = replay.reward(i);
      if (!replay.terminal(i)) {
        int a2 = greedy(online, s2);
        y += config.gamma() * target.forward(s2)[a2];
      }
      replay.state(i, s);
      double q = online.forward(s)[replay.action(i)];
      double err = q - y;
      java.util.Arrays.fill(dOut, 0);
      dOut[replay.action(i)] = Math.max(-1, Math.min(1, err)) / config.batch();
      online.backward(dOut);
    }
    adam.step(online.parameters(), online.gradients());
    if (steps % config.targetSync() == 0) {
      target.copyFrom(online);
    }
  }

  public Mlp network() {
    return online;
  }

  public long steps() {
    return steps;
  }

  public double[] state() {
    StateWriter w = new StateWriter();
    w.putLong(rng.state()).putLong(steps).putArray(online.parameters()).putArray(target.parameters());
    adam.writeTo(w);
    replay.writeTo(w);
    return w.toArray();
  }

  public void restore(double[] state) {
    StateReader r = new StateReader(state);
    rng.setState(r.getLong());
    steps = r.getLong();
    online.setParameters(r.getArray(online.parameters().length));
    target.setParameters(r.getArray(target.parameters().length));
    adam.readFrom(r);
    replay.readFrom(r);
    r.end();
  }
}
