package org.bidarena.learning.rl;

import org.bidarena.learning.SplitMix;
import org.bidarena.learning.StateReader;
import org.bidarena.learning.StateWriter;
import org.bidarena.learning.nn.Adam;
import org.bidarena.learning.nn.Mlp;

/**
 * Proximal policy optimisation (Schulman et al. 2017) with one continuous action: a Gaussian policy whose mean
 * a network gives and whose log standard deviation is one learned number, a separate value network, GAE
 * advantages (lambda) and the clipped surrogate objective. It collects {@code rollout} steps, then runs
 * {@code epochs} passes of mini-batch Adam updates in an order its own seeded stream shuffles. Single-threaded:
 * the same observations give the same weights bit for bit.
 */
public final class Ppo {
  /** The learner's hyper-parameters; actions are clamped into [actionMin, actionMax]. */
  public record Config(int stateDim, int hidden, double learningRate, double gamma, double lambda, double clip,
      int epochs, int minibatch, int rollout, double initialLogStd, double actionMin, double actionMax) {}

  private final Config config;
  private final SplitMix rng;
  private final Mlp actor;
  private final Mlp critic;
  private final Adam actorAdam;
  private final Adam criticAdam;
  private final Adam stdAdam;
  private final double[] logStd = new double[1];
  private final double[] states;
  private final double[] actions;
  private final double[] logProbs;
  private final double[] values;
  private final double[] rewards;
  private final double[] terminal;
  private int size;

  public Ppo(Config config, long seed) {
    this.config = config;
    this.rng = new SplitMix(seed);
    this.actor = new Mlp(new int[] {config.stateDim(), config.hidden(), config.hidden(), 1}, rng);
    this.critic = new Mlp(new int[] {config.stateDim(), config.hidden(), config.hidden(), 1}, rng);
    this.actorAdam = new Adam(actor.parameters().length, config.learningRate(), 1);
    this.criticAdam = new Adam(critic.parameters().length, config.learningRate(), 10);
    this.stdAdam = new Adam(1, config.learningRate(), 1);
    this.logStd[0] = config.initialLogStd();
    int n = config.rollout();
    this.states = new double[n * config.stateDim()];
    this.actions = new double[n];
    this.logProbs = new double[n];
    this.values = new double[n];
    this.rewards = new double[n];
    this.terminal = new double[n];
  }

  /** The greedy action: the policy's mean, clamped. */
  public double mean(double[] state) {
    return clamp(actor.forward(state)[0]);
  }

  /** Samples an action and remembers the step; {@link #reward} must follow before the next call. */
  public double explore(double[] state) {
    double mu = actor.forward(state)[0];
    double sd = StrictMath.exp(logStd[0]);
    double a = mu + sd * rng.nextGaussian();
    System.arraycopy(state, 0, states, size * config.stateDim(), config.stateDim());
    actions[size] = a;
    logProbs[size] = logProb(a, mu, logStd[0]);
    values[size] = critic.forward(state)[0];
    return clamp(a);
  }

  /** The reward of the last explored step; learns when the rollout is full or the episode ends. */
  public void reward(double reward, double[] nextState, boolean done) {
    rewards[size] = reward;
    terminal[size] = done ? 1 : 0;
    size++;
    if (size == config.rollout() || done) {
      update(done ? 0 : critic.forward(nextState)[0]);
      size = 0;
    }
  }

  private double clamp(double a) {
    return Math.max(config.actionMin(), Math.min(config.actionMax(), a));
  }

  private static double logProb(double a, double mu, double logStd) {
    double z = (a - mu) / StrictMath.exp(logStd);
    return -0.5 * z * z - logStd - 0.9189385332046727;
  }

  private void update(double bootstrap) {
    int n = size;
    double[] advantages = new double[n];
    double[] returns = new double[n];
    double gae = 0;
    double nextValue = bootstrap;
    for (int t = n - 1; t >= 0; t--) {
      double notDone = 1 - terminal[t];
      double delta = rewards[t] + config.gamma() * nextValue * notDone - values[t];
      gae = delta + config.gamma() * config.lambda() * notDone * gae;
      advantages[t] = gae;
      returns[t] = gae + values[t];
      nextValue = values[t];
    }
    double mean = 0;
    for (double a : advantages) {
      mean += a;
    }
    mean /= n;
    double var = 0;
    for (double a : advantages) {
      var += (a - mean) * (a - mean);
    }
    double sd = StrictMath.sqrt(var / n) + 1e-8;
    for (int t = 0; t < n; t++) {
      advantages[t] = (advantages[t] - mean) / sd;
    }
    int[] order = new int[n];
    double[] s = new double[config.stateDim()];
    for (int epoch = 0; epoch < config.epochs(); epoch++) {
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      for (int from = 0; from < n; from += config.minibatch()) {
        int to = Math.min(n, from + config.minibatch());
        int m = to - from;
        actor.zeroGradients();
        critic.zeroGradients();
        double[] stdGrad = new double[1];
        for (int k = from; k < to; k++) {
          int t = order[k];
          System.arraycopy(states, t * config.stateDim(), s, 0, config.stateDim());
          double mu = actor.forward(s)[0];
          double ratio = StrictMath.exp(logProb(actions[t], mu, logStd[0]) - logProbs[t]);
          double adv = advantages[t];
          boolean clipped = adv > 0 ? ratio > 1 + config.clip() : ratio < 1 - config.clip();
          if (!clipped) {
            // loss = -ratio * adv; d ratio = ratio * d logp
            double var2 = StrictMath.exp(2 * logStd[0]);
            double diff = actions[t] - mu;
            actor.backward(new double[] {-ratio * adv * diff / var2 / m});
            stdGrad[0] += -ratio * adv * (diff * diff / var2 - 1) / m;
          }
          double v = critic.forward(s)[0];
          critic.backward(new double[] {(v - returns[t]) / m});
        }
        actorAdam.step(actor.parameters(), actor.gradients());
        criticAdam.step(critic.parameters(), critic.gradients());
        stdAdam.step(logStd, stdGrad);
        logStd[0] = Math.max(-5, Math.min(1, logStd[0]));
      }
    }
  }

  /** The shared weights of A3C-style training: the actor's and the critic's parameters and the log-std. */
  public double[] weights() {
    StateWriter w = new StateWriter();
    w.putArray(actor.parameters()).putArray(critic.parameters()).put(logStd[0]);
    return w.toArray();
  }

  public void setWeights(double[] weights) {
    StateReader r = new StateReader(weights);
    actor.setParameters(r.getArray(actor.parameters().length));
    critic.setParameters(r.getArray(critic.parameters().length));
    logStd[0] = r.get();
    r.end();
  }

  /** The frozen policy: the actor's parameters. */
  public Mlp actor() {
    return actor;
  }

  public double logStd() {
    return logStd[0];
  }

  public double[] state() {
    StateWriter w = new StateWriter();
    w.putLong(rng.state()).putArray(actor.parameters()).putArray(critic.parameters()).put(logStd[0]);
    actorAdam.writeTo(w);
    criticAdam.writeTo(w);
    stdAdam.writeTo(w);
    // Slot [size] holds the step explored but not yet rewarded, so it is written too.
    w.put(size);
    for (int t = 0; t <= size; t++) {
      for (int k = 0; k < config.stateDim(); k++) {
        w.put(states[t * config.stateDim() + k]);
      }
      w.put(actions[t]).put(logProbs[t]).put(values[t]).put(rewards[t]).put(terminal[t]);
    }
    return w.toArray();
  }

  public void restore(double[] state) {
    StateReader r = new StateReader(state);
    rng.setState(r.getLong());
    actor.setParameters(r.getArray(actor.parameters().length));
    critic.setParameters(r.getArray(critic.parameters().length));
    logStd[0] = r.get();
    actorAdam.readFrom(r);
    criticAdam.readFrom(r);
    stdAdam.readFrom(r);
    size = r.getInt();
    if (size < 0 || size >= config.rollout()) {
      throw new IllegalArgumentException("PPO rollout of " + size + " steps does not fit " + config.rollout());
    }
    for (int t = 0; t <= size; t++) {
      for (int k = 0; k < config.stateDim(); k++) {
        states[t * config.stateDim() + k] = r.get();
      }
      actions[t] = r.get();
      logProbs[t] = r.get();
      values[t] = r.get();
      rewards[t] = r.get();
      terminal[t] = r.get();
    }
    r.end();
  }
}
