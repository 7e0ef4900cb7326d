"""The web editor's local backend: decap-server on loopback, writing into a working copy.

    python tools/cms_server.py [--port 8081] [--repo .]

``invoke livereload``, ``preview`` and ``serve`` start it beside the site, on a free port
when 8081 is taken, and build /admin/ for the address it got (``invoke cms`` alone, on
8081); the tests start it in a temporary repository. It is the
``decap-server`` package that ``npm ci`` installs (package-lock.json), run by node:

- ``BIND_HOST=127.0.0.1``: decap-server has no login, and without it it listens on
  every interface, where anyone on the network could read and write the content;
- ``MODE=fs``: every save is written into the working copy (``content/``), nothing
  is committed (commit with git as usual);
- ``GIT_REPO_DIRECTORY``: the repository the CMS's paths (``content/notizie``) are
  relative to. Paths leading out of it are refused by decap-server.

Browsers reach it only from pages on ``localhost`` or ``127.0.0.1`` (its CORS rule),
and the editor asks for it only when opened at such an address (``local_backend`` in
``admin/config.yml``, ``ADMIN_LOCAL_BACKEND`` in pelicanconf.py).
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import node_setup  # noqa: E402
from tools.safe_build import _die_with  # noqa: E402 - the child dies with us, even on kill -9

SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
HOST = "127.0.0.1"
PORT = 8081


class NotStarted(Exception):
    """Node.js or decap-server is not installed, or it did not start (the message says
    why, in Italian and English)."""


def port_free(host, port):
    """True when ``port`` can be listened on (as node does: SO_REUSEADDR)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def free_port(host=HOST):
    """A port of ``host`` nothing listens on now (for a second preview's backend)."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


class CmsServer:
    """decap-server in a child process; ``with CmsServer(repo, port) as server: …``."""

    def __init__(self, repo=ROOT, port=PORT, host=HOST, log=None):
        self.repo = Path(repo).resolve()
        self.port = port
        self.host = host
        self.log = log  # a file for its output (default: this process's)
        self.process = None

    @property
    def url(self):
        return f"http://{self.host}:{self.port}/api/v1"

    def start(self, timeout=30):
        """Start it and wait until it answers; raises :class:`NotStarted`."""
        node = shutil.which("node")
        if not node:  # npm ci, which the message below asks for, needs it too
            raise NotStarted(node_setup.HOW_TO_INSTALL)
        if not SERVER.is_file():
            raise NotStarted("decap-server non è installato: esegui `npm ci` (lo fa ./run)"
                             " / decap-server is not installed: run `npm ci` (./run does it)")
        if not port_free(self.host, self.port):
            raise NotStarted(f"la porta {self.port} è già in uso (un altro decap-server?)"
                             f" / port {self.port} is taken (another decap-server?)")
        env = dict(os.environ, BIND_HOST=self.host, PORT=str(self.port), MODE="fs",
                   GIT_REPO_DIRECTORY=str(self.repo), LOG_LEVEL="info")
        env.pop("ORIGIN", None)  # keep its own rule: pages on localhost/127.0.0.1 only
        self.process = subprocess.Popen(  # noqa: S603 - our own command line
            [node, str(SERVER)], cwd=self.repo, env=env, stdin=subprocess.DEVNULL,
            stdout=self.log, stderr=subprocess.STDOUT if self.log else None,
            preexec_fn=_die_with(os.getpid()))
        deadline = time.monotonic() + timeout
        while not self.answers():
            if self.process.poll() is not None:
                raise NotStarted(f"decap-server si è fermato appena avviato (stato di uscita"
                                 f" {self.process.returncode}) / decap-server stopped at"
                                 f" start (exit status {self.process.returncode})")
            if time.monotonic() > deadline:
                self.stop()
                raise NotStarted(f"decap-server non ha risposto entro {timeout} s"
                                 f" / decap-server did not answer within {timeout} s")
            time.sleep(0.1)  # polling for readiness, bounded by the deadline
        return self

    def answers(self):
        """True when it answers the CMS's first request (``info``) for our repository."""
        request = urllib.request.Request(
            self.url, data=json.dumps({"action": "info"}).encode(),
            headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310
                return json.load(response).get("repo") == self.repo.name
        except (OSError, ValueError):
            return False

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        return False


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=PORT)
    parser.add_argument("--repo", default=str(ROOT), help="the working copy (default: this one)")
    args = parser.parse_args(argv)
    try:
        with CmsServer(args.repo, args.port) as server:
            print(f"Editor web, archivio locale su / local backend at {server.url}"
                  f" ({server.repo}); Ctrl-C per uscire", flush=True)
            server.process.wait()
    except NotStarted as error:
        sys.exit(f"Editor web non avviato / web editor backend not started: {error}")
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
