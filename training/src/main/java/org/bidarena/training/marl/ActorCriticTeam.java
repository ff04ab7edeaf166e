package org.bidarena.training.marl;

import java.util.ArrayList;
import java.util.List;
import org.bidarena.learning.SplitMix;
import org.bidarena.learning.rl.Critic;
import org.bidarena.learning.rl.DeterministicActor;

/**
 * The cluster agents' learners: one deterministic actor per advertiser cluster, mapping the step of the day
 * (what every bidder knows, so a trained actor can run frozen on any node) to one action per customer cluster.
 * Two ways to train them:
 * <ul>
 *   <li>shared critic (DCMAB style): one critic sees the joint state (every (advertiser cluster, customer
 *   cluster) pair's cost and every cluster's revenue of the last step) and every agent's action, with one
 *   head per agent estimating that agent's (mixed) return; actor k climbs head k's gradient by its own action,
 *   the other actors' actions taken from their current policies;</li>
 *   <li>independent (DDPG per agent): agent k's critic sees only its own row of the state and its own action.</li>
 * </ul>
 * Everything runs on the caller's thread in a fixed order, with draws from one SplitMix: deterministic.
 */
final class ActorCriticTeam {
  /** Hyper-parameters; the defaults are what the README's figures used. */
  record Hyper(int actorHidden, int criticHidden, double actorRate, double criticRate, double gamma, double tau,
      int batch, int updatesPerStep, int warmup) {
    static final Hyper DEFAULT = new Hyper(16, 48, 0.001, 0.002, 0.5, 0.05, 32, 4, 48);
  }

  private record Transition(double[] state, double[] actions, double[] rewards, double[] next, boolean done) {}

  private final int agents;
  private final int actionsPerAgent;
  private final int timeDim;
  private final boolean shared;
  private final Hyper hyper;
  private final DeterministicActor[] actors;
  private final Critic[] critics;
  private final List<Transition> memory = new ArrayList<>();

  ActorCriticTeam(int agents, int actionsPerAgent, int timeDim, boolean shared, Hyper hyper, long seed) {
    this.agents = agents;
    this.actionsPerAgent = actionsPerAgent;
    this.timeDim = timeDim;
    this.shared = shared;
    this.hyper = hyper;
    this.actors = new DeterministicActor[agents];
    for (int k = 0; k < agents; k++) {
      actors[k] = new DeterministicActor(timeDim, actionsPerAgent, new int[] {hyper.actorHidden()}, hyper.actorRate(),
          new SplitMix(seed * 31 + k));
    }
    int[] hidden = {hyper.criticHidden(), hyper.criticHidden()};
    if (shared) {
      critics = new Critic[] {new Critic(jointStateDim(), agents * actionsPerAgent, agents, hidden, hyper.criticRate(),
          new SplitMix(seed * 31 + 1000))};
    } else {
      critics = new Critic[agents];
      for (int k = 0; k < agents; k++) {
        critics[k] = new Critic(ownStateDim(), actionsPerAgent, 1, hidden, hyper.criticRate(),
            new SplitMix(seed * 31 + 1000 + k));
      }
    }
  }

  /** The joint state's layout: per pair cost, per cluster revenue, then the time one-hot. */
  int jointStateDim() {
    return agents * actionsPerAgent + agents + timeDim;
  }

  private int ownStateDim() {
    return actionsPerAgent + 1 + timeDim;
  }

  private double[] time(double[] jointState) {
    double[] t = new double[timeDim];
    System.arraycopy(jointState, jointState.length - timeDim, t, 0, timeDim);
    return t;
  }

  /** Agent k's own row of the joint state: its pairs' cost, its revenue and the time. */
  private double[] own(double[] s, int k) {
    double[] o = new double[ownStateDim()];
    System.arraycopy(s, k * actionsPerAgent, o, 0, actionsPerAgent);
    o[actionsPerAgent] = s[agents * actionsPerAgent + k];
    System.arraycopy(s, s.length - timeDim, o, actionsPerAgent + 1, timeDim);
    return o;
  }

  /** Every agent's action for the joint state, with Gaussian noise of spread {@code noise} (0 = greedy). */
  double[] act(double[] jointState, double noise, SplitMix rng) {
    double[] t = time(jointState);
    double[] a = new double[agents * actionsPerAgent];
    for (int k = 0; k < agents; k++) {
      double[] ak = actors[k].act(t);
      for (int c = 0; c < actionsPerAgent; c++) {
        double v = ak[c] + (noise > 0 ? noise * rng.nextGaussian() : 0);
        a[k * actionsPerAgent + c] = Math.max(-1, Math.min(1, v));
      }
    }
    return a;
  }

  /** The greedy action of agent k for a time one-hot. */
  double[] greedy(int k, double[] time) {
    return actors[k].act(time);
  }

  void remember(double[] state, double[] actions, double[] rewards, double[] next, boolean done) {
    memory.add(new Transition(state.clone(), actions.clone(), rewards.clone(), next.clone(), done));
  }

  int memorySize() {
    return memory.size();
  }

  /** The step's gradient updates, once the memory holds {@code warmup} transitions. */
  void update(SplitMix rng) {
    if (memory.size() < hyper.warmup()) {
      return;
    }
    for (int u = 0; u < hyper.updatesPerStep(); u++) {
      Transition[] batch = new Transition[hyper.batch()];
      for (int b = 0; b < batch.length; b++) {
        batch[b] = memory.get(rng.nextInt(memory.size()));
      }
      if (shared) {
        updateShared(batch);
      } else {
        for (int k = 0; k < agents; k++) {
          updateOwn(batch, k);
        }
      }
    }
  }

  private double[] targetActions(double[] next) {
    double[] t = time(next);
    double[] a = new double[agents * actionsPerAgent];
    for (int k = 0; k < agents; k++) {
      System.arraycopy(actors[k].actTarget(t), 0, a, k * actionsPerAgent, actionsPerAgent);
    }
    return a;
  }

  private void updateShared(Transition[] batch) {
    Critic critic = critics[0];
    int n = batch.length;
    double[][] s = new double[n][], a = new double[n][], y = new double[n][agents];
    for (int b = 0; b < n; b++) {
      Transition tr = batch[b];
      s[b] = tr.state();
      a[b] = tr.actions();
      double[] qNext = tr.done() ? null : critic.qTarget(tr.next(), targetActions(tr.next()));
      for (int k = 0; k < agents; k++) {
        y[b][k] = tr.rewards()[k] + (tr.done() ? 0 : hyper.gamma() * qNext[k]);
      }
    }
    critic.fit(s, a, y);
    double[][] current = new double[n][];
    for (int b = 0; b < n; b++) {
      current[b] = act(s[b], 0, null);
    }
    for (int k = 0; k < agents; k++) {
      double[][] times = new double[n][], grads = new double[n][actionsPerAgent];
      for (int b = 0; b < n; b++) {
        times[b] = time(s[b]);
        double[] g = critic.actionGradient(s[b], current[b], k);
        System.arraycopy(g, k * actionsPerAgent, grads[b], 0, actionsPerAgent);
      }
      actors[k].ascend(times, grads);
    }
    critic.softUpdate(hyper.tau());
    for (DeterministicActor actor : actors) {
      actor.softUpdate(hyper.tau());
    }
  }

  private void updateOwn(Transition[] batch, int k) {
    Critic critic = critics[k];
    int n = batch.length;
    double[][] s = new double[n][], a = new double[n][], y = new double[n][1];
    for (int b = 0; b < n; b++) {
      Transition tr = batch[b];
      s[b] = own(tr.state(), k);
      a[b] = new double[actionsPerAgent];
      System.arraycopy(tr.actions(), k * actionsPerAgent, a[b], 0, actionsPerAgent);
      double next = 0;
      if (!tr.done()) {
        double[] t = time(tr.next());
        next = critic.qTarget(own(tr.next(), k), actors[k].actTarget(t))[0];
      }
      y[b][0] = tr.rewards()[k] + hyper.gamma() * next;
    }
    critic.fit(s, a, y);
    double[][] times = new double[n][], grads = new double[n][];
    for (int b = 0; b < n; b++) {
      times[b] = time(batch[b].state());
      grads[b] = critic.actionGradient(s[b], actors[k].act(times[b]), 0);
    }
    actors[k].ascend(times, grads);
    critic.softUpdate(hyper.tau());
    actors[k].softUpdate(hyper.tau());
  }
}
