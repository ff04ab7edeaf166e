"""Trains a small numpy policy on BidArena's market from Python (REINFORCE with a baseline) and prints its
learning curve, then evaluates it greedily on seeds 1..N, the seeds `bidarena train --evaluate N` uses.

The policy is the Java learners' action scheme: one multiplier on the base bid per tick, from the same six
observation features; here a Gaussian over the log multiplier whose mean is linear in the features.

    python3 python/examples/train_reinforce.py --iterations 25 --envs 8
    python3 python/examples/train_reinforce.py --iterations 0 --constant 1.3   # a fixed multiplier, evaluated
"""
import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from bidarena_env import BidArenaVectorEnv, Server  # noqa: E402

LOW, HIGH = np.log(0.25), np.log(3.0)  # the Java learners' default multiplier range


class GaussianPolicy:
    """log multiplier ~ N(w . [obs, 1], exp(log_std)^2), trained with Adam."""

    def __init__(self, size, rng, learning_rate):
        self.w = np.zeros(size + 1)
        self.log_std = np.log(0.5)
        self.rng = rng
        self.lr = learning_rate
        self.m = np.zeros(size + 2)
        self.v = np.zeros(size + 2)
        self.t = 0

    def mean(self, obs):
        return np.hstack([obs, np.ones((len(obs), 1))]) @ self.w

    def sample(self, obs):
        mu = self.mean(obs)
        a = mu + np.exp(self.log_std) * self.rng.standard_normal(len(obs))
        return a, np.exp(np.clip(a, LOW, HIGH))

    def update(self, obs, actions, advantages):
        """One Adam step up the policy gradient: mean over (copy, tick) of advantage x grad log pi."""
        x = np.hstack([obs, np.ones((len(obs), 1))])
        std = np.exp(self.log_std)
        z = (actions - x @ self.w) / std
        grad_w = (advantages * z / std) @ x / len(obs)
        grad_log_std = np.mean(advantages * (z * z - 1))
        g = np.append(grad_w, grad_log_std)
        self.t += 1
        self.m = 0.9 * self.m + 0.1 * g
        self.v = 0.999 * self.v + 0.001 * g * g
        step = self.lr * (self.m / (1 - 0.9 ** self.t)) / (np.sqrt(self.v / (1 - 0.999 ** self.t)) + 1e-8)
        self.w += step[:-1]
        self.log_std = float(np.clip(self.log_std + step[-1], np.log(0.05), np.log(2.0)))


def profit(info_revenue, info_spend, margin_ppm):
    """Revenue x margin - spend in currency, rounded as the Java metrics round it."""
    revenue, spend = int(info_revenue), int(info_spend)
    margin = (revenue // 1_000_000) * margin_ppm + (revenue % 1_000_000) * margin_ppm // 1_000_000
    return (margin - spend) / 1e6


def play(env, policy, seeds, greedy):
    """One episode on every copy; returns per-tick observations, actions, rewards, and per-copy profit."""
    obs, _ = env.reset(seed=seeds)
    margin = env._client.info["margin_ppm"]
    xs, acts, rews = [], [], []
    revenue = np.zeros(env.num_envs, dtype=np.int64)
    spend = np.zeros(env.num_envs, dtype=np.int64)
    steps = auctions = 0
    done = False
    while not done:
        if greedy:
            a = policy.mean(obs)
            mult = np.exp(np.clip(a, LOW, HIGH))
        else:
            a, mult = policy.sample(obs)
        xs.append(obs)
        acts.append(a)
        obs, reward, terminated, _, info = env.step(mult)
        rews.append(reward)
        revenue += info["revenue_micros"]
        spend += info["spend_micros"]
        steps += env.num_envs
        auctions += int(info["auctions"].sum())
        done = bool(terminated.all())
    profits = [profit(r, s, margin) for r, s in zip(revenue, spend)]
    return np.array(xs), np.array(acts), np.array(rews), np.array(profits), steps, auctions


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--iterations", type=int, default=25)
    p.add_argument("--envs", type=int, default=8, help="environment copies (episodes per iteration)")
    p.add_argument("--agent", default="adaptive")
    p.add_argument("--scenario", default=None)
    p.add_argument("--set", action="append", default=[], dest="sets")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--gamma", type=float, default=0.98)
    p.add_argument("--learning-rate", type=float, default=0.03)
    p.add_argument("--evaluate", type=int, default=20, help="evaluate on seeds 1..N (0: none)")
    p.add_argument("--constant", type=float, default=None,
                   help="start from the constant policy 'multiplier X' (with --iterations 0: evaluate it alone)")
    p.add_argument("--address", default=None, help="HOST:PORT of a running server (default: start one)")
    args = p.parse_args()

    server = None
    if args.address:
        host, port = args.address.rsplit(":", 1)
        options = {"address": (host, int(port))}
    else:
        server = Server(scenario=args.scenario, agents=[args.agent], sets=args.sets)
        options = {"server": server}
    rng = np.random.default_rng(args.seed)
    try:
        env = BidArenaVectorEnv(args.envs, **options)
        policy = GaussianPolicy(env.single_observation_space.shape[0], rng, args.learning_rate)
        if args.constant is not None:
            policy.w[-1] = np.log(args.constant)
        print("iteration,episodes,mean_return,mean_profit,mean_multiplier,std,env_steps_per_s,auctions_per_s")
        for it in range(1, args.iterations + 1):
            # Training seeds as `bidarena train` picks them: far from the evaluation seeds 1..N.
            seeds = [1_000_000 + args.seed * 100_000 + (it - 1) * args.envs + i for i in range(args.envs)]
            start = time.perf_counter()
            xs, acts, rews, profits, steps, auctions = play(env, policy, seeds, greedy=False)
            seconds = time.perf_counter() - start
            returns = np.zeros_like(rews)
            running = np.zeros(args.envs)
            for t in range(len(rews) - 1, -1, -1):
                running = rews[t] + args.gamma * running
                returns[t] = running
            adv = returns - returns.mean(axis=1, keepdims=True)  # per-tick baseline over the copies
            adv = adv / (adv.std() + 1e-8)
            policy.update(xs.reshape(-1, xs.shape[-1]), acts.reshape(-1), adv.reshape(-1))
            print("%d,%d,%.3f,%.3f,%.3f,%.3f,%.0f,%.0f" % (it, it * args.envs, rews.sum(axis=0).mean(),
                                                        profits.mean(), np.exp(np.clip(acts, LOW, HIGH)).mean(),
                                                        np.exp(policy.log_std), steps / seconds, auctions / seconds))
            sys.stdout.flush()
        env.close()
        if args.evaluate:
            ev = BidArenaVectorEnv(args.evaluate, **options)
            _, _, _, profits, _, _ = play(ev, policy, list(range(1, args.evaluate + 1)), greedy=True)
            ev.close()
            print("evaluation, greedy, seeds 1..%d: mean profit %.2f (per seed: %s)"
                  % (args.evaluate, profits.mean(), " ".join("%.2f" % x for x in profits)))
    finally:
        if server is not None:
            server.close()


if __name__ == "__main__":
    main()
