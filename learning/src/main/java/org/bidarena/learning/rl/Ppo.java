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
  public record Config(int stateDim, int actionDim, int hidden, double learningRate, double gamma, double lambda,
      double clip, int epochs, int minibatch, int rollout, double initialLogStd, double actionMin, double actionMax) {}

  private final Config config;
  private final SplitMix rng;
  private final Mlp actor;
  private final Mlp critic;
  private final Adam actorAdam;
  private final Adam criticAdam;
  private final Adam stdAdam;
  private final double[] logStd;
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
    this.actor = new Mlp(new int[] {config.stateDim(), config.hidden(), config.hidden(), config.actionDim()}, rng);
    this.critic = new Mlp(new int[] {config.stateDim(), config.hidden(), config.hidden(), 1}, rng);
    this.actorAdam = new Adam(actor.parameters().length, config.learningRate(), 1);
    this.criticAdam = new Adam(critic.parameters().length, config.learningRate(), 10);
    this.stdAdam = new Adam(config.actionDim(), config.learningRate(), 1);
    this.logStd = new double[config.actionDim()];
    java.util.Arrays.fill(logStd, config.initialLogStd());
    int n = config.rollout();
    this.states = new double[n * config.stateDim()];
    this.actions = new double[n * config.actionDim()];
    this.logProbs = new double[n];
    this.values = new double[n];
    this.rewards = new double[n];
    this.terminal = new double[n];
  }

  /** The greedy action: the policy's mean, clamped. */
  public double[] mean(double[] state) {
    double[] mu = actor.forward(state);
    double[] a = new double[mu.length];
    for (int j = 0; j < a.length; j++) {
      a[j] = clamp(mu[j]);
    }
    return a;
  }

  /** Samples an action and remembers the step; {@link #reward} must follow before the next call. */
  public double[] explore(double[] state) {
    double[] mu = actor.forward(state);
    int k = config.actionDim();
    double[] out = new double[k];
    double lp = 0;
    for (int j = 0; j < k; j++) {
      double a = mu[j] + StrictMath.exp(logStd[j]) * rng.nextGaussian();
      actions[size * k + j] = a;
      lp += logProb(a, mu[j], logStd[j]);
      out[j] = clamp(a);
    }
    System.arraycopy(state, 0, states, size * config.stateDim(), config.stateDim());
    logProbs[size] = lp;
    values[size] = critic.forward(state)[0];
    return out;
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
        int dim = config.actionDim();
        double[] stdGrad = new double[dim];
        double[] dOut = new double[dim];
        for (int k = from; k < to; k++) {
          int t = order[k];
          System.arraycopy(states, t * config.stateDim(), s, 0, config.stateDim());
          double[] mu = actor.forward(s);
          double lp = 0;
          for (int j = 0; j < dim; j++) {
            lp += logProb(actions[t * dim + j], mu[j], logStd[j]);
          }
          double ratio = StrictMath.exp(lp - logProbs[t]);
          double adv = advantages[t];
          boolean clipped = adv > 0 ? ratio > 1 + config.clip() : ratio < 1 - config.clip();
          if (!clipped) {
            // loss = -ratio * adv; d ratio = ratio * d logp
            for (int j = 0; j < dim; j++) {
              double var2 = StrictMath.exp(2 * logStd[j]);
              double diff = actions[t * dim + j] - mu[j];
              dOut[j] = -ratio * adv * diff / var2 / m;
              stdGrad[j] += -ratio * adv * (diff * diff / var2 - 1) / m;
            }
            actor.backward(dOut);
          }
          double v = critic.forward(s)[0];
          critic.backward(new double[] {(v - returns[t]) / m});
        }
        actorAdam.step(actor.parameters(), actor.gradients());
        criticAdam.step(critic.parameters(), critic.gradients());
        stdAdam.step(logStd, stdGrad);
        for (int j = 0; j < dim; j++) {
          logStd[j] = Math.max(-5, Math.min(1, logStd[j]));
        }
      }
    }
  }

  /** The shared weights of A3C-style training: the actor's and the critic's parameters and the log-std. */
  public double[] weights() {
    StateWriter w = new StateWriter();
    w.putArray(actor.parameters()).putArray(critic.parameters()).putArray(logStd);
    return w.toArray();
  }

  public void setWeights(double[] weights) {
    StateReader r = new StateReader(weights);
    actor.setParameters(r.getArray(actor.parameters().length));
    critic.setParameters(r.getArray(critic.parameters().length));
    System.arraycopy(r.getArray(logStd.length), 0, logStd, 0, logStd.length);
    r.end();
  }

  /** The frozen policy: the actor's parameters. */
  public Mlp actor() {
    return actor;
  }

  public double logStd() {
    return logStd[0];
  }

  public int actionDim() {
    return config.actionDim();
  }

  public double[] state() {
    StateWriter w = new StateWriter();
    w.putLong(rng.state()).putArray(actor.parameters()).putArray(critic.parameters()).putArray(logStd);
    actorAdam.writeTo(w);
    criticAdam.writeTo(w);
    stdAdam.writeTo(w);
    // Slot [size] holds the step explored but not yet rewarded, so it is written too.
    w.put(size);
    for (int t = 0; t <= size; t++) {
      for (int k = 0; k < config.stateDim(); k++) {
        w.put(states[t * config.stateDim() + k]);
      }
      for (int j = 0; j < config.actionDim(); j++) {
        w.put(actions[t * config.actionDim() + j]);
      }
      w.put(logProbs[t]).put(values[t]).put(rewards[t]).put(terminal[t]);
    }
    return w.toArray();
  }

  public void restore(double[] state) {
    StateReader r = new StateReader(state);
    rng.setState(r.getLong());
    actor.setParameters(r.getArray(actor.parameters().length));
    critic.setParameters(r.getArray(critic.parameters().length));
    System.arraycopy(r.getArray(logStd.length), 0, logStd, 0, logStd.length);
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
      for (int j = 0; j < config.actionDim(); j++) {
        actions[t * config.actionDim() + j] = r.get();
      }
      logProbs[t] = r.get();
      values[t] = r.get();
      rewards[t] = r.get();
      terminal[t] = r.get();
    }
    r.end();
  }
}
