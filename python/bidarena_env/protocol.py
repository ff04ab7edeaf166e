"""The step server's wire format and a blocking client.

Each message is a 4-byte big-endian length followed by that many bytes of UTF-8 JSON. Every reply has
"ok": true, or "ok": false with one "error" line, which the client raises as EnvError.
"""
import json
import socket
import struct

import numpy as np

PROTOCOL = 1


class EnvError(ValueError):
    """The server refused a request (a bad action, an unknown env id, a step after the episode's end...)."""


def _to_list(actions):
    """A flat list of Python floats (NaN and infinities kept, for the server to refuse by name)."""
    return [float(a) for a in np.asarray(actions, dtype=np.float64).ravel()]


class Client:
    """One connection to a step server. Its environment copies live as long as the connection."""

    def __init__(self, host="127.0.0.1", port=7878, timeout=300.0):
        self._sock = socket.create_connection((host, port), timeout=timeout)
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.info = self.call({"op": "hello"})
        if self.info.get("protocol") != PROTOCOL:
            raise EnvError("the server speaks protocol %s, this client %s" % (self.info.get("protocol"), PROTOCOL))

    def call(self, request):
        """Sends one request and returns its reply; raises EnvError on a refusal."""
        body = json.dumps(request, separators=(",", ":")).encode("utf-8")
        self._sock.sendall(struct.pack(">I", len(body)) + body)
        reply = json.loads(self._read(struct.unpack(">I", self._read(4))[0]))
        if not reply.get("ok"):
            raise EnvError(reply.get("error", "the server refused the request"))
        return reply

    def _read(self, n):
        chunks = []
        while n > 0:
            chunk = self._sock.recv(min(n, 1 << 20))
            if not chunk:
                raise ConnectionError("the step server closed the connection")
            chunks.append(chunk)
            n -= len(chunk)
        return b"".join(chunks)

    def make(self):
        return self.call({"op": "make"})["env"]

    def reset(self, env, seed):
        return self.call({"op": "reset", "env": env, "seed": int(seed)})

    def step(self, env, actions):
        return self.call({"op": "step", "env": env, "actions": _to_list(actions)})

    def step_many(self, envs, actions):
        """Steps several copies in one round trip; actions[i] goes to envs[i]. All are checked before any moves."""
        steps = [{"env": e, "actions": _to_list(a)} for e, a in zip(envs, actions)]
        return self.call({"op": "step_many", "steps": steps})["results"]

    def record(self, env, path):
        """Writes the finished episode's actions to a new file (on the server's disk) and returns the
        `bidarena run` arguments that play it again through the actors, journaled, for `bidarena replay`."""
        return self.call({"op": "record", "env": env, "path": str(path)})["run"]

    def close_env(self, env):
        self.call({"op": "close", "env": env})

    def close(self):
        self._sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
