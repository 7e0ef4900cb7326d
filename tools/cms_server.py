"""The web editor's local backend: decap-server on loopback, writing into a working copy.

    python tools/cms_server.py [--port 8081] [--repo .]

``invoke livereload``, ``preview`` and ``serve`` start it beside the site, on a free port
when 8081 is taken, and build /admin/ for the address it got (``invoke cms`` alone, on
8081 only, the port the site it serves was built for: taken, it names what holds it,
:func:`port_holder`); the tests start it in a temporary repository. It is the
``decap-server`` package that ``npm ci`` installs (package-lock.json), run by node:

- ``BIND_HOST=127.0.0.1``: decap-server has no login, and without it it listens on
  every interface, where anyone on the network could read and write the content;
- ``MODE=fs``: every save is written into the working copy (``content/``), nothing
  is committed (commit with git as usual);
- ``GIT_REPO_DIRECTORY``: the repository the CMS's paths (``content/notizie``) are
  relative to. Paths leading out of it are refused by decap-server.

Browsers reach it only from pages on ``localhost`` or ``127.0.0.1``, and the editor asks
for it only when opened at such an address (``local_backend`` in ``admin/config.yml``,
``ADMIN_LOCAL_BACKEND`` in pelicanconf.py). decap-server's own CORS rule only keeps other
pages from reading its answers, not from sending it what to write: ``tools/cms_guard.js``,
loaded by node before it, refuses (403) every request whose ``Host`` is not
``localhost``/``127.0.0.1`` (a page of an attacker's domain made to resolve to 127.0.0.1,
DNS rebinding) or whose ``Origin`` (else ``Referer``) is a page on another host or, with
neither, whose ``Sec-Fetch-Site`` is ``cross-site`` (a browser's word for a page elsewhere),
and every request naming a path outside the content folder (the settings'
``ADMIN_CONTENT_DIR``, :func:`content_dir`, the folder the editor's paths begin with:
``content``; decap-server wrote any file of the working copy, pelicanconf.py, which the
preview runs, or .git/hooks/, for any page on localhost), and every request that reaches
decap-server's routes without that check (should it stop parsing its JSON with the
express.json the guard checks in).
"""

import argparse
import functools
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
from plugins.core import processes  # noqa: E402 - the child dies with us, even on kill -9

SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
# loaded before it: requests from another host's pages refused (DNS rebinding, CSRF)
GUARD = ROOT / "tools" / "cms_guard.js"
HOST = "127.0.0.1"
PORT = 8081


class NotStarted(Exception):
    """Node.js or decap-server is not installed, or it did not start (the message says
    why, in Italian and English)."""

    def stop_message(self):
        """What a command that only starts the backend (``./run cms``, this module's
        command line) exits with."""
        return f"Editor web non avviato / web editor backend not started: {self}"


def port_free(host, port):
    """True when ``port`` can be listened on (as node does: SO_REUSEADDR)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def _listening_inodes(port):
    """The inodes of the sockets listening on TCP ``port`` (Linux's /proc/net; none
    elsewhere)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text(encoding="ascii").splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            # local_address is ADDRESS:PORT in hex, st 0A is LISTEN
            if len(fields) > 9 and fields[3] == "0A" \
                    and int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(fields[9])
    return inodes


def _holding_process(port):
    """``(pid, command line, working folder)`` of a process of this user listening on
    ``port`` (Linux); None when none is found (another user's process, another system)."""
    sockets = {f"socket:[{inode}]" for inode in _listening_inodes(port)}
    if not sockets:
        return None
    for process in Path("/proc").iterdir():
        if not process.name.isdigit():
            continue
        try:
            held = any(os.readlink(fd) in sockets for fd in (process / "fd").iterdir())
            if not held:
                continue
            command = (process / "cmdline").read_bytes().rstrip(b"\0").split(b"\0")
            folder = os.readlink(process / "cwd")
        except OSError:  # another user's, or ended meanwhile
            continue
        return int(process.name), " ".join(os.fsdecode(part) for part in command), folder
    return None


def port_holder(port, host=HOST, repo=ROOT):
    """What listens on ``port``, in words: ``(Italian, English)``. A web editor backend
    (decap-server) is named with its working copy's folder (``repo``'s own said so), any
    other program of this user with its command line and process id; else how to find it
    out."""
    found = _holding_process(port)
    if found and "decap-server" not in found[1]:
        command = found[1] if len(found[1]) <= 120 else found[1][:117] + "..."
        return (f"il programma «{command}» (processo {found[0]})",
                f"the program '{command}' (process {found[0]})")
    if found and Path(found[2]) == Path(repo).resolve():
        return (f"l'archivio locale dell'editor web (decap-server, processo {found[0]}) di"
                " questa stessa copia di lavoro, già avviato da un'anteprima (./run"
                " livereload, preview, serve) o da un altro ./run cms",
                f"this working copy's own web editor backend (decap-server, process"
                f" {found[0]}), already started by a preview or another ./run cms")
    if found:
        return (f"l'archivio locale dell'editor web (decap-server, processo {found[0]}) della"
                f" copia di lavoro {found[2]}",
                f"the web editor's local backend (decap-server, process {found[0]}) of the"
                f" working copy {found[2]}")
    # not a process of this user (or not Linux): a decap-server says its repository's name
    name = CmsServer(repo, port, host).repo_answering()
    if name is not None:
        return (f"l'archivio locale dell'editor web (decap-server) di una copia di lavoro"
                f" chiamata «{name}»",
                f"the web editor's local backend (decap-server) of a working copy named {name}")
    look = (f"sudo ss -ltnp 'sport = :{port}'" if Path("/proc/net/tcp").exists()
            else f"lsof -nP -iTCP:{port} -sTCP:LISTEN")
    return (f"un altro programma (per sapere quale: {look})",
            f"another program (to find out which: {look})")


# what the settings file says of the web editor's folder: its ADMIN_CONTENT_DIR, run as
# Pelican runs it, in a process of its own (previewconf.py imports pelicanconf.py)
_READ_CONTENT_DIR = """
import json, runpy, sys
print(json.dumps(runpy.run_path(sys.argv[1]).get("ADMIN_CONTENT_DIR")))
"""
DEFAULT_CONTENT_DIR = "content"  # plugins/admin/settings.py's (tests/test_local_servers.py)


def content_dir(settings_file):
    """``ADMIN_CONTENT_DIR`` of ``settings_file`` (its default, ``content``, when it sets
    none or cannot be read: the build then says why), without slashes around it: the
    folder, from the repository's root, the web editor's paths begin with (its
    config.yml's), so the only one tools/cms_guard.js lets decap-server touch."""
    settings_file = Path(settings_file).resolve()
    try:
        found = json.loads(subprocess.run(  # noqa: S603 - our own command line
            [sys.executable, "-c", _READ_CONTENT_DIR, str(settings_file)],
            cwd=settings_file.parent, capture_output=True, text=True, check=True,
            timeout=60).stdout.strip().splitlines()[-1])
    except (OSError, subprocess.SubprocessError, ValueError, IndexError):
        found = None
    return found.strip("/") if isinstance(found, str) and found.strip("/") \
        else DEFAULT_CONTENT_DIR


def repository_of(content, folder):
    """The repository whose ``folder`` (``ADMIN_CONTENT_DIR``, from its root) is
    ``content``, the content folder the site is built from; None when ``content`` is not
    such a folder (the web editor would write where the build does not read)."""
    content = Path(content).resolve()
    parts = Path(folder).parts
    if not parts or ".." in parts or len(parts) >= len(content.parts) \
            or content.parts[-len(parts):] != parts:
        return None
    return content.parents[len(parts) - 1]


def free_port(host=HOST):
    """A port of ``host`` nothing listens on now (for a second preview's backend)."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


class CmsServer:
    """decap-server in a child process; ``with CmsServer(repo, port) as server: …``."""

    def __init__(self, repo=ROOT, port=PORT, host=HOST, log=None, content="content"):
        self.repo = Path(repo).resolve()
        # the folder of ``repo`` it may touch: ADMIN_CONTENT_DIR (:func:`content_dir`)
        self.content = content
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
            italian, english = port_holder(self.port, self.host)
            raise NotStarted(f"la porta {self.port} è già in uso: la tiene {italian}"
                             f" / port {self.port} is taken, by {english}")
        env = dict(os.environ, BIND_HOST=self.host, PORT=str(self.port), MODE="fs",
                   GIT_REPO_DIRECTORY=str(self.repo), LOG_LEVEL="info",
                   FARELEGAMI_CMS_CONTENT=self.content)
        env.pop("ORIGIN", None)  # keep its own rule: pages on localhost/127.0.0.1 only
        self.process = subprocess.Popen(  # noqa: S603 - our own command line
            [node, "--require", str(GUARD), str(SERVER)], cwd=self.repo, env=env, stdin=subprocess.DEVNULL,
            stdout=self.log, stderr=subprocess.STDOUT if self.log else None,
            preexec_fn=functools.partial(processes.die_with, os.getpid()))
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
        return self.repo_answering() == self.repo.name

    def repo_answering(self):
        """The name of the repository a decap-server at our address says it writes into
        (its answer to the CMS's first request, ``info``); None when none answers."""
        request = urllib.request.Request(
            self.url, data=json.dumps({"action": "info"}).encode(),
            headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310
                repo = json.load(response).get("repo")
        except (OSError, ValueError, AttributeError):
            return None
        return repo if isinstance(repo, str) else None

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
    parser.add_argument("--content", default="content",
                        help="its content folder, the only one written (default: content)")
    args = parser.parse_args(argv)
    try:
        with CmsServer(args.repo, args.port, content=args.content) as server:
            print(f"Editor web, archivio locale su / local backend at {server.url}"
                  f" ({server.repo}); Ctrl+C per uscire", flush=True)
            server.process.wait()
    except NotStarted as error:
        sys.exit(error.stop_message())
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
