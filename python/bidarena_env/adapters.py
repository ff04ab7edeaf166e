"""Optional adapters, only when gymnasium or pettingzoo is installed (neither is needed by the core)."""


def gymnasium_env(**kwargs):
    """A gymnasium.Env subclass instance over BidArenaEnv (raises ImportError without gymnasium)."""
    import gymnasium

    from .env import BidArenaEnv

    class GymnasiumBidArena(gymnasium.Env):
        metadata = {"render_modes": []}

        def __init__(self):
            self._env = BidArenaEnv(**kwargs)
            self.observation_space = self._env.observation_space
            self.action_space = self._env.action_space

        def reset(self, *, seed=None, options=None):
            super().reset(seed=seed)
            return self._env.reset(seed=seed, options=options)

        def step(self, action):
            return self._env.step(action)

        def close(self):
            self._env.close()

    return GymnasiumBidArena()


def pettingzoo_env(**kwargs):
    """A pettingzoo.ParallelEnv instance over BidArenaParallelEnv (raises ImportError without pettingzoo)."""
    from pettingzoo import ParallelEnv

    from .parallel import BidArenaParallelEnv

    class PettingZooBidArena(ParallelEnv):
        metadata = BidArenaParallelEnv.metadata

        def __init__(self):
            self._env = BidArenaParallelEnv(**kwargs)
            self.possible_agents = self._env.possible_agents
            self.agents = []

        def observation_space(self, agent):
            return self._env.observation_space(agent)

        def action_space(self, agent):
            return self._env.action_space(agent)

        def reset(self, seed=None, options=None):
            out = self._env.reset(seed=seed, options=options)
            self.agents = self._env.agents
            return out

        def step(self, actions):
            out = self._env.step(actions)
            self.agents = self._env.agents
            return out

        def close(self):
            self._env.close()

    return PettingZooBidArena()
