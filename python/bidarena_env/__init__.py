"""BidArena's market as a Python environment: a Gymnasium-style Env, a vector of copies and a PettingZoo-style
parallel multi-agent env, all driving `bidarena env serve` over a socket. Core needs only numpy."""
from .env import BidArenaEnv, BidArenaVectorEnv
from .parallel import BidArenaParallelEnv
from .protocol import Client, EnvError
from .server import Server, trace
from .spaces import Box

__all__ = ["BidArenaEnv", "BidArenaVectorEnv", "BidArenaParallelEnv", "Client", "EnvError", "Server", "trace", "Box"]
