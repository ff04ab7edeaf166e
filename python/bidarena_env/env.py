"""Gymnasium-style environments over a BidArena step server (numpy only).

The decision point is the Java learners' one: before each tick the agent sets a multiplier on the base bid
(bid = multiplier x bidding.base-cpm), the market plays the tick, and the agent sees the DRLB state (share of
the day left, share of the daily budget left, running win rate, cost per impression and ROAS, last multiplier)
and the tick's profit per the tick's share of the daily budget as its reward.
"""
import numpy as np

from .protocol import Client, EnvError
from .server import Server
from .spaces import Box

try:  # Use gymnasium's Box when it is installed, so that its wrappers accept our spaces.
    from gymnasium.spaces import Box as _Box
except ImportError:  # pragma: no cover - depends on the machine
    _Box = Box

# Upper bounds of the six observation features (their lower bounds are 0).
OBSERVATION_HIGH = np.array([1.0, 1.0, 1.0, 4.0, 2.0, 1.0])


def _connect(client, server, address, server_options):
    """(client, server we own or None) from whichever the caller gave; with none, starts a server it owns."""
    if client is not None:
        return client, None
    if server is not None:
        return server.client(), None
    if address is not None:
        host, port = address
        return Client(host, port), None
    own = Server(**server_options)
    return own.client(), own


class _Base:
    def __init__(self, client=None, server=None, address=None, **server_options):
        self._client, self._own_server = _connect(client, server, address, server_options)
        info = self._client.info
        self.agent_ids = list(info["agents"])
        self.ticks = info["ticks"]
        self.single_observation_space = _Box(0.0, OBSERVATION_HIGH, shape=(info["observation_size"],), dtype=np.float64)
        self.single_action_space = _Box(info["action_low"], info["action_high"], shape=(1,), dtype=np.float64)
        self._next_seed = 0

    def _seed(self, seed):
        # Without a seed, episodes run on 0, 1, 2, ... so that a whole training repeats.
        if seed is None:
            seed = self._next_seed
        self._next_seed = int(seed) + 1
        return int(seed)

    def close(self):
        self._client.close()
        if self._own_server is not None:
            self._own_server.close()
            self._own_server = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class BidArenaEnv(_Base):
    """One learning agent's slot in one market copy: reset(seed) -> (obs, info), step(a) -> 5-tuple."""

    metadata = {"render_modes": []}

    def __init__(self, client=None, server=None, address=None, **server_options):
        super().__init__(client, server, address, **server_options)
        if len(self.agent_ids) != 1:
            raise ValueError("BidArenaEnv plays one agent; the server has %s (use BidArenaParallelEnv)" % self.agent_ids)
        self.observation_space = self.single_observation_space
        self.action_space = self.single_action_space
        self.env_id = self._client.make()

    def reset(self, seed=None, options=None):
        reply = self._client.reset(self.env_id, self._seed(seed))
        return np.asarray(reply["obs"][0], dtype=np.float64), reply["info"]

    def record(self, path):
        """After the last tick: writes the episode's actions to `path` and returns the `bidarena run` arguments
        that rerun it through the actors with a journal (then `bidarena replay DIR` replays it)."""
        return self._client.record(self.env_id, path)

    def step(self, action):
        r = self._client.step(self.env_id, action)
        info = {k: (v[0] if isinstance(v, list) else v) for k, v in r["info"].items()}
        return (np.asarray(r["obs"][0], dtype=np.float64), float(r["rewards"][0]), bool(r["terminated"]),
                bool(r["truncated"]), info)


class BidArenaVectorEnv(_Base):
    """num_envs copies of one agent's slot, stepped together in one round trip. Every copy has the same episode
    length (the scenario's ticks), so they end together; reset(seed) gives copy i the seed seed + i, or the
    seeds of a list."""

    def __init__(self, num_envs, client=None, server=None, address=None, **server_options):
        super().__init__(client, server, address, **server_options)
        if len(self.agent_ids) != 1:
            raise ValueError("BidArenaVectorEnv plays one agent; the server has %s" % self.agent_ids)
        self.num_envs = num_envs
        self.observation_space = _Box(0.0, np.tile(OBSERVATION_HIGH, (num_envs, 1)), shape=(num_envs, OBSERVATION_HIGH.size),
                                      dtype=np.float64)
        self.action_space = _Box(self.single_action_space.low[0], self.single_action_space.high[0],
                                 shape=(num_envs, 1), dtype=np.float64)
        self.env_ids = [self._client.make() for _ in range(num_envs)]

    def reset(self, seed=None, options=None):
        if isinstance(seed, (list, tuple)):
            seeds = [int(s) for s in seed]
            self._next_seed = max(seeds) + 1
        else:
            first = self._seed(seed)
            seeds = [first + i for i in range(self.num_envs)]
            self._next_seed = first + self.num_envs
        obs = [self._client.reset(e, s)["obs"][0] for e, s in zip(self.env_ids, seeds)]
        return np.asarray(obs, dtype=np.float64), {"seed": seeds}

    def step(self, actions):
        actions = np.asarray(actions, dtype=np.float64).reshape(self.num_envs, -1)
        results = self._client.step_many(self.env_ids, actions)
        failed = [r["error"] for r in results if not r.get("ok")]
        if failed:
            raise EnvError("; ".join(failed))
        obs = np.asarray([r["obs"][0] for r in results], dtype=np.float64)
        rewards = np.asarray([r["rewards"][0] for r in results], dtype=np.float64)
        terminated = np.asarray([r["terminated"] for r in results])
        truncated = np.asarray([r["truncated"] for r in results])
        # Per copy: the tick played, its auctions, and the agent's bids, impressions, spend, clicks, ...
        infos = {k: np.asarray([r["info"][k][0] if isinstance(r["info"][k], list) else r["info"][k]
                                for r in results]) for k in results[0]["info"]}
        return obs, rewards, terminated, truncated, infos
