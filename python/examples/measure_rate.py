"""Environment steps per second and auctions per second seen from Python, with 1 and with 8 copies.

    python3 python/examples/measure_rate.py --steps 4000 --repeat 3

An env step is one tick of one copy; auctions are those the copies' markets cleared. Copies step together in one
round trip (step_many). Each figure is the median of --repeat timings of --steps steps per copy count.
"""
import argparse
import os
import statistics
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from bidarena_env import BidArenaVectorEnv, Server  # noqa: E402


def measure(env, steps):
    env.reset(seed=1)
    action = np.full((env.num_envs, 1), 1.0)
    done_steps = auctions = 0
    start = time.perf_counter()
    while done_steps < steps:
        _, _, terminated, _, info = env.step(action)
        done_steps += env.num_envs
        auctions += int(info["auctions"].sum())
        if terminated.all():
            env.reset()
    seconds = time.perf_counter() - start
    return done_steps / seconds, auctions / seconds


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--steps", type=int, default=4000, help="env steps per timing (all copies together)")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--copies", default="1,8")
    p.add_argument("--threads", type=int, default=1, help="the server's --threads")
    p.add_argument("--scenario", default=None)
    p.add_argument("--set", action="append", default=[], dest="sets")
    args = p.parse_args()
    with Server(scenario=args.scenario, sets=args.sets, threads=args.threads) as server:
        for n in [int(c) for c in args.copies.split(",")]:
            with BidArenaVectorEnv(n, server=server) as env:
                measure(env, args.steps)  # warms the server's JIT; not counted
                runs = [measure(env, args.steps) for _ in range(args.repeat)]
            steps = statistics.median(r[0] for r in runs)
            auctions = statistics.median(r[1] for r in runs)
            print("%d cop%s: %.0f env steps/s, %.0f auctions/s (median of %d; steps/s %s)"
                  % (n, "y" if n == 1 else "ies", steps, auctions, args.repeat,
                     ", ".join("%.0f" % r[0] for r in runs)))


if __name__ == "__main__":
    main()
