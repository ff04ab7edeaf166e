"""Runs the Python package against a real step server (`bidarena env serve`).

Needs numpy and a built bidarena (the jar, or $BIDARENA_JAVA_COMMAND, which the JUnit test PythonEnvTest sets).
"""
import math
import os
import socket
import struct
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import numpy as np  # noqa: E402

import bidarena_env as be  # noqa: E402

# A small market (1 day of 24 ticks, 1,500 customers) keeps each episode short.
SMALL = ["customers.count=1500", "time.days=1", "time.ticks-per-day=24"]
TWO = ["adaptive", "aggressive"]


class StepServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # Two threads step a step_many's copies in parallel: the copies must still play their own markets.
        cls.one = be.Server(agents=["adaptive"], sets=SMALL, threads=2)
        cls.two = be.Server(agents=TWO, sets=SMALL)

    @classmethod
    def tearDownClass(cls):
        cls.one.close()
        cls.two.close()

    def test_reset_and_step_give_the_spaces_shapes(self):
        with be.BidArenaEnv(server=self.one) as env:
            obs, info = env.reset(seed=3)
            self.assertEqual(obs.shape, (6,))
            self.assertEqual(obs.dtype, np.float64)
            self.assertTrue(env.observation_space.contains(obs))
            self.assertEqual(env.action_space.shape, (1,))
            self.assertEqual(info["tick"], 0)
            rewards, ticks, done = [], 0, False
            while not done:
                obs, reward, done, truncated, info = env.step(env.action_space.sample())
                self.assertEqual(obs.shape, (6,))
                self.assertIsInstance(reward, float)
                self.assertFalse(truncated)
                ticks += 1
                rewards.append(reward)
            self.assertEqual(ticks, env.ticks)
            self.assertEqual(info["tick"], 24)
            self.assertGreater(sum(abs(r) for r in rewards), 0, "the market never moved")

    def test_the_same_seed_and_actions_give_the_java_training_paths_numbers(self):
        # given the episode the Java training loop plays with a fixed action list, written by Java
        cycle = [0.6, 1.0, 1.7, 0.3, 2.5, 1.2, 0.0]
        with tempfile.TemporaryDirectory() as tmp:
            want = be.trace(os.path.join(tmp, "trace.json"), 11, cycle, agents=TWO, sets=SMALL)
        self.assertEqual(want["agents"], TWO)
        # when the parallel env replays the trace's actions on its seed
        with be.BidArenaParallelEnv(server=self.two) as env:
            obs, _ = env.reset(seed=want["seed"])
            got_obs = [[obs[a].tolist() for a in TWO]]
            got_rewards = []
            for actions in want["actions"]:
                obs, rewards, terms, _, _ = env.step(dict(zip(TWO, actions)))
                got_obs.append([obs[a].tolist() for a in TWO])
                got_rewards.append([rewards[a] for a in TWO])
        # then every observation and reward is the same double (exact equality, no tolerance)
        self.assertEqual(len(got_rewards), want["ticks"])
        self.assertEqual(got_obs, want["observations"])
        self.assertEqual(got_rewards, want["rewards"])
        self.assertTrue(all(terms.values()))
        self.assertEqual(env.agents, [])

    def test_several_copies_step_together_and_keep_apart(self):
        with be.BidArenaVectorEnv(4, server=self.one) as env:
            obs, info = env.reset(seed=[5, 5, 6, 7])
            self.assertEqual(obs.shape, (4, 6))
            totals = np.zeros(4)
            for t in range(env.ticks):
                obs, rewards, terminated, _, infos = env.step(np.full((4, 1), 1.4))
                self.assertEqual(obs.shape, (4, 6))
                self.assertEqual(rewards.shape, (4,))
                self.assertTrue((infos["auctions"] > 0).all())
                totals += np.abs(rewards) + obs.sum(axis=1)
            self.assertTrue(terminated.all())
            self.assertEqual(totals[0], totals[1], "the same seed must give the same market")
            self.assertNotEqual(totals[0], totals[2], "another seed must give another market")
            self.assertNotEqual(totals[2], totals[3])
        # and a copy stepped among others (in parallel on the server) plays what a lone env plays
        with be.BidArenaEnv(server=self.one) as lone:
            obs, _ = lone.reset(seed=6)
            total, done = 0.0, False
            while not done:
                obs, reward, done, _, _ = lone.step([1.4])
                total += abs(reward) + obs.sum()
        self.assertEqual(total, totals[2])

    def test_bad_actions_are_refused_with_a_clear_error_and_the_episode_goes_on(self):
        with be.BidArenaEnv(server=self.one) as env:
            env.reset(seed=1)
            cases = {
                "NaN": ([math.nan], "is NaN; allowed: a multiplier from 0 to 3.0"),
                "too high": ([7.5], "is 7.5; allowed: a multiplier from 0 to 3.0"),
                "negative": ([-1.0], "is -1.0; allowed"),
                "infinite": ([math.inf], "is Infinity; allowed"),
                "wrong shape": ([1.0, 1.0], "expected 1 action(s)"),
            }
            for name, (action, message) in cases.items():
                with self.subTest(name):
                    with self.assertRaises(be.EnvError) as caught:
                        env.step(action)
                    self.assertIn(message, str(caught.exception))
            with self.assertRaises(be.EnvError) as caught:
                env._client.step(99, [1.0])
            self.assertIn("unknown env 99", str(caught.exception))
            obs, _, _, _, info = env.step([1.0])
            self.assertEqual(info["tick"], 1, "a refused action must not play a tick")

    def test_a_step_after_the_end_or_before_a_reset_is_refused(self):
        client = self.one.client()
        try:
            env = client.make()
            with self.assertRaises(be.EnvError) as caught:
                client.step(env, [1.0])
            self.assertIn("reset the environment first", str(caught.exception))
        finally:
            client.close()

    def test_the_server_survives_clients_that_vanish_mid_episode(self):
        # given a client in the middle of an episode, and another in the middle of a message
        rude = self.one.client()
        env = rude.make()
        rude.reset(env, 2)
        rude.step(env, [1.0])
        rude._sock.close()
        cut = socket.create_connection((self.one.host, self.one.port))
        cut.sendall(struct.pack(">I", 1000) + b'{"op": "st')
        cut.close()
        # then the server still runs and serves a new client a whole episode
        self.assertTrue(self.one.alive())
        with be.BidArenaEnv(server=self.one) as fresh:
            fresh.reset(seed=2)
            done = False
            while not done:
                _, _, done, _, _ = fresh.step([1.0])
        self.assertTrue(self.one.alive())

    def test_a_finished_episode_is_recorded_as_a_run_command(self):
        with be.BidArenaEnv(server=self.one) as env, tempfile.TemporaryDirectory() as tmp:
            env.reset(seed=4)
            path = os.path.join(tmp, "actions.csv")
            with self.assertRaises(be.EnvError) as caught:
                env.record(path)
            self.assertIn("finished episode", str(caught.exception))
            played = [0.5 + 0.1 * (t % 7) for t in range(env.ticks)]
            for m in played:
                env.step([m])
            run = env.record(path)
            with open(path) as f:
                rows = f.read().splitlines()
            self.assertEqual(rows[0], "tick,adaptive")
            self.assertEqual([float(r.split(",")[1]) for r in rows[1:]], played)
            self.assertEqual(run[0], "run")
            self.assertIn("agents.adaptive.strategy=scripted", run)
            self.assertEqual(run[run.index("--seed") + 1], "4")

    def test_a_bad_server_option_is_reported_in_one_line(self):
        with self.assertRaises(RuntimeError) as caught:
            be.Server(agents=["nobody"], sets=SMALL)
        self.assertIn("no agent 'nobody'", str(caught.exception))


if __name__ == "__main__":
    unittest.main()
