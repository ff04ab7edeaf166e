"""A PettingZoo-style parallel environment: several learning agents act on every tick of one market copy."""
import numpy as np

from .env import _Base
from .protocol import EnvError


class BidArenaParallelEnv(_Base):
    """reset(seed) -> (observations, infos); step({agent: action}) -> observations, rewards, terminations,
    truncations, infos, every one a dict by agent id. After the last tick, `agents` is empty."""

    metadata = {"render_modes": [], "name": "bidarena_v1", "is_parallelizable": True}

    def __init__(self, client=None, server=None, address=None, **server_options):
        super().__init__(client, server, address, **server_options)
        self.possible_agents = list(self.agent_ids)
        self.agents = []
        self.env_id = self._client.make()

    def observation_space(self, agent):
        return self.single_observation_space

    def action_space(self, agent):
        return self.single_action_space

    def _split(self, values):
        return {a: values[i] for i, a in enumerate(self.possible_agents)}

    def reset(self, seed=None, options=None):
        reply = self._client.reset(self.env_id, self._seed(seed))
        self.agents = list(self.possible_agents)
        obs = self._split([np.asarray(o, dtype=np.float64) for o in reply["obs"]])
        return obs, {a: dict(reply["info"]) for a in self.agents}

    def record(self, path):
        """As BidArenaEnv.record: the finished episode's actions, and the run arguments that replay it."""
        return self._client.record(self.env_id, path)

    def step(self, actions):
        missing = [a for a in self.possible_agents if a not in actions]
        unknown = [a for a in actions if a not in self.possible_agents]
        if missing or unknown:
            raise EnvError("actions for %s; give one multiplier for each agent of %s"
                           % (sorted(actions), self.possible_agents))
        flat = []
        for a in self.possible_agents:
            value = np.asarray(actions[a], dtype=np.float64).reshape(-1)
            if value.size != 1:
                raise EnvError("the action of agent %s has %d values; allowed: one multiplier" % (a, value.size))
            flat.append(float(value[0]))
        r = self._client.step(self.env_id, flat)
        obs = self._split([np.asarray(o, dtype=np.float64) for o in r["obs"]])
        rewards = self._split([float(x) for x in r["rewards"]])
        done = bool(r["terminated"])
        infos = {a: {k: (v[i] if isinstance(v, list) else v) for k, v in r["info"].items()}
                 for i, a in enumerate(self.possible_agents)}
        if done:
            self.agents = []
        return (obs, rewards, {a: done for a in self.possible_agents},
                {a: bool(r["truncated"]) for a in self.possible_agents}, infos)
