"""Starts `bidarena env serve` as a child process, on a free loopback port."""
import json
import os
import re
import select
import subprocess
import tempfile
import time

from .protocol import Client

_READY = re.compile(r"env serve: listening on ([0-9.]+):([0-9]+)\r?\n")


def java_command(jar=None):
    """How to run the bidarena CLI: $BIDARENA_JAVA_COMMAND (a JSON list), else java -jar on the jar.

    The jar defaults to $BIDARENA_JAR, else app/target/bidarena.jar beside this package's folder.
    """
    if jar is None and os.environ.get("BIDARENA_JAVA_COMMAND"):
        return json.loads(os.environ["BIDARENA_JAVA_COMMAND"])
    if jar is None:
        here = os.path.dirname(os.path.abspath(__file__))
        jar = os.environ.get("BIDARENA_JAR", os.path.join(here, "..", "..", "app", "target", "bidarena.jar"))
    if not os.path.isfile(jar):
        raise FileNotFoundError("no bidarena jar at %s: build it with 'mvn -o -q -B package -DskipTests'" % jar)
    return ["java", "-jar", jar]


def cli_arguments(scenario=None, agents=(), sets=(), max_multiplier=None):
    """The scenario options 'env serve' and 'env trace' share."""
    args = [] if scenario is None else [str(scenario)]
    for s in sets:
        args += ["--set", s]
    for a in agents:
        args += ["--agent", a]
    if max_multiplier is not None:
        args += ["--max-multiplier", repr(float(max_multiplier))]
    return args


class Server:
    """A step server child process; use as a context manager, or call close()."""

    def __init__(self, scenario=None, agents=("adaptive",), sets=(), max_multiplier=None, jar=None,
                 command=None, port=0, threads=1, startup_timeout=180.0):
        cmd = list(command or java_command(jar)) + ["env", "serve"]
        cmd += cli_arguments(scenario, agents, sets, max_multiplier) + ["--port", str(port), "--threads", str(threads)]
        self._stderr = tempfile.TemporaryFile()
        self.process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=self._stderr, stdin=subprocess.DEVNULL)
        self.host, self.port = self._await_ready(startup_timeout)

    def _await_ready(self, timeout):
        # Raw reads of the pipe: a buffered readline could hold the ready line while select waits on the fd.
        end = time.monotonic() + timeout
        fd = self.process.stdout.fileno()
        seen = b""
        while True:
            left = end - time.monotonic()
            if left <= 0:
                self.close()
                raise TimeoutError("the step server did not start within %.0f s" % timeout)
            readable, _, _ = select.select([fd], [], [], left)
            chunk = os.read(fd, 4096) if readable else b""
            seen += chunk
            match = _READY.search(seen.decode("utf-8", "replace"))
            if match:
                return match.group(1), int(match.group(2))
            if not chunk and self.process.poll() is not None:
                self._stderr.seek(0)
                err = self._stderr.read().decode("utf-8", "replace").strip()
                self.close()
                raise RuntimeError("the step server exited (%s): %s" % (self.process.returncode,
                                                                        err or seen.decode("utf-8", "replace")))

    def client(self):
        return Client(self.host, self.port)

    def alive(self):
        return self.process.poll() is None

    def close(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process.stdout.close()
        self._stderr.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def trace(path, seed, actions, scenario=None, agents=("adaptive",), sets=(), jar=None, command=None):
    """Has the Java training path write an episode's observations and rewards for a fixed action list."""
    cmd = list(command or java_command(jar)) + ["env", "trace"] + cli_arguments(scenario, agents, sets)
    cmd += ["--seed", str(seed), "--actions", ",".join(repr(float(a)) for a in actions), "--out", str(path)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    with open(path) as f:
        return json.load(f)
