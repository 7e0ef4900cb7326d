"""Helpers shared by the tests: write content, build the real site, read what it wrote.

Every build runs the real ``pelican`` command in a child process, with the
project's own settings and plugins, under ``LC_ALL=C`` (no OS locale), into a
temporary folder. Nothing is written into the working tree.
"""

import atexit
import json
import locale
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from urllib.parse import unquote

import pytest
import samples
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SITEURL = "https://farelegami.example.org"


# The sockets holding free_port's ports, for as long as the test process runs.
_RESERVED_PORTS = []


def admin_scripts():
    """The web editor's own scripts (plugins/admin/static/scripts/), in the order its page
    runs them (plugins/admin/output.py's SCRIPTS)."""
    from plugins.admin.output import SCRIPTS, SCRIPTS_DIR  # noqa: PLC0415

    return [SCRIPTS_DIR / name for name in SCRIPTS]


def admin_scripts_text():
    """The web editor's scripts' code, one after the other (for what they say)."""
    return "\n".join(path.read_text(encoding="utf-8") for path in admin_scripts())


def system_packages_or_skip(packages, what):
    """``packages`` (tools/system_packages) installed with apt when missing: the test is
    skipped where apt cannot run, but never in CI (CI=true: it fails)."""
    from tools import system_packages  # noqa: PLC0415
    try:
        system_packages.ensure(packages)
    except system_packages.Unavailable as error:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is needed in CI: {error}")
        pytest.skip(f"{what} not available: {error}")


def free_port():
    """A port of 127.0.0.1 for a server a test starts later (often another process),
    which no other socket gets meanwhile: a socket of this process stays bound to it (with
    SO_REUSEADDR, never listening) until the process ends, across restarts of the server
    too. A port found free and let go (bound, closed) could be handed, before the server
    bound it (after a build, for a site whose address names the port), to any socket
    asking for a free one, another xdist worker's server: the server then failed to start,
    or the test read the other one. The servers bind it all the same: they set
    SO_REUSEADDR too (Python's http.server, nginx), which Linux allows beside a bound
    socket that does not listen."""
    holder = socket.socket()
    holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    holder.bind(("127.0.0.1", 0))
    _RESERVED_PORTS.append(holder)
    return holder.getsockname()[1]


@atexit.register
def _release_ports():
    for holder in _RESERVED_PORTS:
        holder.close()


@dataclass
class Build:
    returncode: int
    log: str
    output: Path
    content: Path
    cpu: float = 0.0  # CPU seconds of the build (its processes'), for time budgets

    @property
    def ok(self):
        return self.returncode == 0

    def path(self, url):
        """The file written for a site URL such as ``/2024/05/slug/`` (``%xx`` decoded, as
        a web server does)."""
        relative = unquote(url.removeprefix(SITEURL)).lstrip("/")
        target = self.output / relative
        return target / "index.html" if relative.endswith("/") or not relative else target

    def exists(self, url):
        return self.path(url).is_file()

    def text(self, url):
        return self.path(url).read_text(encoding="utf-8")

    def soup(self, url):
        return BeautifulSoup(self.text(url), "html.parser")

    def files(self):
        return sorted(str(p.relative_to(self.output)) for p in self.output.rglob("*") if p.is_file())

    def messages(self):
        """The log as one line of text: the lines a long message wrapped into joined again,
        without the column naming the module that logged it (``__init__.py:52``)."""
        return " ".join(re.sub(r" +[\w.]+\.py:\d+$", "", self.log, flags=re.MULTILINE).split())

    def errors(self):
        """The messages the build logged as errors, each whole (the lines it was wrapped
        into joined again, without the column naming the module that logged it)."""
        messages, level = [], None
        for line in self.log.splitlines():
            line = re.sub(r" +[\w.]+\.py:\d+$", "", line)
            record = re.match(r"(?:\[[\d:]+\])? +(DEBUG|INFO|WARNING|ERROR|CRITICAL) +(.*)", line)
            if record:
                level = record[1]
                if level == "ERROR":
                    messages.append(record[2])
            elif level == "ERROR" and messages and line[:1].isspace():
                # a wrapped message's lines are indented to its column; Pelican's closing
                # "Done: Processed …" (no level: printed, not logged) starts at the margin
                messages[-1] += " " + line
        return [" ".join(message.split()) for message in messages]

    def refused_files(self):
        """The files a stopped build names as those with errors ("nulla è stato
        pubblicato: N file con errori (…)")."""
        return re.search(r"nulla è stato pubblicato: \d+ file con errori \(([^)]*)\)",
                         self.messages())[1].split(", ")

    def missing_links(self):
        """``[(page, address)]``: every address of the site (starting with ``SITEURL`` or
        ``/``) in the output's HTML pages that names no written file: ``href``, ``src``,
        ``srcset``, ``<meta>`` contents and JSON-LD strings, query and fragment left out."""
        missing = []
        for path in sorted(self.output.rglob("*.html")):
            page = str(path.relative_to(self.output))
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for address in _addresses(soup):
                address = address.split("#")[0].split("?")[0]
                if (address.startswith(SITEURL) or (address.startswith("/")
                                                    and not address.startswith("//"))) \
                        and not self.exists(address):
                    missing.append((page, address))
        return missing

    def all_text(self):
        """Every text file of the output, concatenated (for absence checks)."""
        chunks = []
        for path in self.output.rglob("*"):
            if path.is_file() and path.suffix in {".html", ".xml", ".txt", ".json"}:
                chunks.append(path.read_text(encoding="utf-8", errors="replace"))
        return "\n".join(chunks)


def _addresses(soup):
    """Every address an HTML page names: links, sources, meta contents, JSON-LD strings."""
    for element in soup.find_all(True):
        yield from (element[name] for name in ("href", "src") if element.has_attr(name))
        if element.has_attr("srcset"):
            yield from (part.split()[0] for part in element["srcset"].split(",") if part.strip())
        if element.name == "meta" and element.has_attr("content"):
            yield element["content"]
    for script in soup.select('script[type="application/ld+json"]'):
        pending = [json.loads(script.string)]
        while pending:
            value = pending.pop()
            if isinstance(value, dict):
                pending += value.values()
            elif isinstance(value, list):
                pending += value
            elif isinstance(value, str) and value.startswith(SITEURL):
                yield value


def article(title="Titolo di prova", date="2024-05-05 17:07", body="Testo dell'articolo.",
            **keys):
    """Markdown with YAML front matter, in the contract's form."""
    lines = ["---", f"title: {title!r}" if title is not None else None,
             f"date: {date}" if date is not None else None]
    for key, value in keys.items():
        if isinstance(value, list):
            lines.append(f"{key}:")
            lines += [f"  - {item}" for item in value]
        else:
            lines.append(f"{key}: {value}")
    lines += ["---", "", textwrap.dedent(body).strip(), ""]
    return "\n".join(line for line in lines if line is not None)


@dataclass(frozen=True)
class Symlink:
    """A symbolic link to ``target`` (a path; relative ones are relative to the link)."""

    target: str


def write_content(content_dir, files):
    for relative, text in files.items():
        path = Path(content_dir) / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, Symlink):
            path.symlink_to(text.target)
        elif isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


SHARED_CACHE_VARIABLE = "FARELEGAMI_TEST_SHARED_CACHE"


def shared_cache(kind):
    """A folder every build of the test run shares (all xdist workers: conftest sets the
    variable before they start), for the caches whose entries are keyed by what they
    were made from, so sharing them changes no output: ``compress`` (the web editor's
    5 MB script compressed once per run, not once per build), ``templates`` (the
    theme compiled once per run), ``attachments`` (each test PDF's page count and
    preview read and drawn once per run) and ``search`` (each test PDF's text read once
    per run, in a child process: 0.3 s of a small build; a bundle reused by a build of
    the very same pages). A test that looks into or changes one of these caches, or
    that expects what only a first reading logs, gives its build a folder of its own
    (``own_attachments_cache``, :data:`OWN_SEARCH_CACHE`)."""
    folder = os.environ.get(SHARED_CACHE_VARIABLE)
    if not folder:  # a test process of its own (no conftest): its own folder
        folder = os.environ[SHARED_CACHE_VARIABLE] = tempfile.mkdtemp(prefix="farelegami-")
    return os.path.join(folder, kind)


# The settings of the caches every build of a run shares, and their folders' names.
SHARED_CACHES = {"COMPRESS_CACHE_PATH": "compress", "WRITER_TEMPLATE_CACHE_PATH": "templates",
                 "ATTACHMENTS_CACHE_PATH": "attachments", "SEARCH_CACHE_PATH": "search"}
# Settings (as written by write_conf) giving a build a search cache of its own.
OWN_SEARCH_CACHE = "SEARCH_CACHE_PATH = CACHE_PATH + '/search'\n"


def shared_cache_settings():
    """``{setting: folder}`` for every cache the builds of a run share."""
    return {name: shared_cache(kind) for name, kind in SHARED_CACHES.items()}


def own_attachments_cache(tmp_path):
    """Settings giving a build the attachments cache ``tmp_path/cache/attachments``."""
    return f"ATTACHMENTS_CACHE_PATH = {str(tmp_path / 'cache' / 'attachments')!r}\n"


def write_conf(tmp_path, settings="", config="pelicanconf", siteurl=SITEURL):
    """A settings file in ``tmp_path``: the project's ``config`` plus ``settings``."""
    conf = tmp_path / "testconf.py"
    conf.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        f"from {config} import *\n"
        f"SITEURL = {siteurl!r}\n"
        "FEED_DOMAIN = SITEURL\n"
        "CACHE_PATH = " + repr(str(tmp_path / "cache")) + "\n"
        + "".join(f"{name} = {folder!r}\n" for name, folder in shared_cache_settings().items())
        + textwrap.dedent(settings),
        encoding="utf-8",
    )
    # Its bytecode, if a build cached it (where PYTHONDONTWRITEBYTECODE is not set): a
    # file rewritten within the same second at the same size (``config="previewconf"``,
    # then ``"publishconf"``) would otherwise be read from it, the old settings.
    shutil.rmtree(tmp_path / "__pycache__", ignore_errors=True)
    return conf


def project_settings(path, content=None):
    """The settings a build of the settings file ``path`` (and of ``content``, if given) has
    (every plugin's installed, ``tools.check.load_settings``). Pelican sets the process's
    locale to LOCALE ("C"): restored, or later tests in this process would decode their
    children's output as ASCII."""
    from tools.check import load_settings  # noqa: PLC0415 - imports Pelican and the plugins

    saved = locale.setlocale(locale.LC_ALL)
    try:
        return load_settings(path, content)
    finally:
        locale.setlocale(locale.LC_ALL, saved)


def child_env():
    """The environment of the commands tests run: no OS locale, warnings are errors."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LC_ALL="C", LANG="C", COLUMNS="250",
               PYTHONWARNINGS="error::DeprecationWarning,error::UserWarning")
    return env


def build_site(tmp_path, files, settings="", config="pelicanconf", siteurl=SITEURL,
               content=None, output=None, verbose=False, umask=None):
    """Build ``files`` (relative path -> text or bytes) with the project's settings.

    ``content`` and ``output`` default to ``tmp_path/content`` and ``tmp_path/output``;
    ``verbose``: the log has Pelican's and the plugins' INFO lines too (``pelican -v``);
    ``umask``: the build's (default: the test process's).
    """
    content = Path(content) if content else tmp_path / "content"
    output = Path(output) if output else tmp_path / "output"
    content.mkdir(parents=True, exist_ok=True)
    write_content(content, files)
    conf = write_conf(tmp_path, settings, config, siteurl)
    returncode, log, cpu = run_pelican([str(content), "-s", str(conf), "-o", str(output),
                                        *(["-v"] if verbose else [])], child_env(), tmp_path,
                                       umask)
    return Build(returncode, log, output, content, cpu)


def build_project(output, settings_file="publishconf.py", siteurl=SITEURL, cache=None,
                  shared_caches=True, settings=None, verbose=False, **env):
    """The repository's own content built with ``settings_file`` into ``output``.

    ``env``: more environment variables (``VISIT_COUNTER_URL=…``); ``settings``: more
    settings (``{name: value}``, values as JSON); ``verbose``: INFO lines in the log. The
    caches go into ``cache`` (default: beside ``output``), never into the working tree;
    the caches of ``SHARED_CACHES`` into the run's shared folders, unless
    ``shared_caches`` is false.
    """
    output = Path(output)
    cache = cache or output.parent / (output.name + "-cache")
    variables = dict(child_env(), SITEURL=siteurl, **env)
    overrides = {"CACHE_PATH": str(cache), **(shared_cache_settings() if shared_caches else {}),
                 **(settings or {})}
    returncode, log, cpu = run_pelican(
        [str(ROOT / "content"), "-s", str(ROOT / settings_file), "-o", str(output),
         *(["-v"] if verbose else []),
         "-e", *(f"{name}={json.dumps(value)}" for name, value in overrides.items())],
        # one -e for every override: a second -e replaces the first
        variables, Path.cwd())
    return Build(returncode, log, output, ROOT / "content", cpu)


class _BuildServer:
    """``tests/build_server.py``, started once per test process: each build is a fork
    of a process that has already imported Pelican and the plugins (the same
    ``pelican.main`` as the command, a second less per build); so is each run of a
    tool (:func:`run_tool`)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.process = None

    def run(self, argv, env, cwd, umask=None, script=None, module=None):
        """``pelican ARGV`` (or ``python SCRIPT ARGV``, ``python -m MODULE ARGV``) in a
        forked child: (exit status, stdout, stderr, CPU seconds); a build's stdout and
        stderr are one log, the second text (its stderr) is then empty."""
        with self.lock:
            if self.process is None or self.process.poll() is not None:
                self.process = subprocess.Popen(
                    [sys.executable, str(ROOT / "tests" / "build_server.py")],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=child_env(), text=True)
            with tempfile.NamedTemporaryFile(prefix="build-", suffix=".log") as log, \
                    tempfile.NamedTemporaryFile(prefix="build-", suffix=".err") as err:
                request = {"argv": argv, "env": env, "cwd": str(cwd), "log": log.name,
                           "umask": umask}
                if script is not None:
                    request.update(script=str(script), err=err.name)
                if module is not None:
                    request.update(module=module, err=err.name)
                self.process.stdin.write(json.dumps(request) + "\n")
                self.process.stdin.flush()
                answer = self.process.stdout.readline()
                if not answer:
                    raise RuntimeError("the build server stopped")
                answer = json.loads(answer)
                return answer["returncode"], *(
                    Path(name).read_text(encoding="utf-8", errors="replace")
                    for name in (log.name, err.name)), answer["cpu"]

    def stop(self):
        if self.process is not None:
            self.process.stdin.close()  # end of requests: the server exits
            self.process.wait()
            self.process.stdout.close()


_SERVER = _BuildServer()
atexit.register(_SERVER.stop)


def run_pelican(argv, env, cwd, umask=None):
    """``pelican ARGV`` in ``cwd`` with ``env`` (and ``umask``, when given): (exit status,
    stdout and stderr, CPU seconds of the build's processes: a time budget read from it
    does not depend on what else the machine runs).

    Through the build server; ``FARELEGAMI_TEST_COMMAND=1`` runs the command itself."""
    if os.environ.get("FARELEGAMI_TEST_COMMAND") == "1":
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = subprocess.run([sys.executable, "-m", "pelican", *argv], capture_output=True,
                                text=True, env=env, cwd=cwd, check=False,
                                preexec_fn=None if umask is None else partial(os.umask, umask))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return result.returncode, result.stdout + result.stderr, (
            after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    returncode, log, _, cpu = _SERVER.run(argv, env, cwd, umask)
    return returncode, log, cpu


def forked_safe_build(settings_file, output, extra_settings=(), content="content", log=None):
    """``tools.safe_build.run_pelican`` through :func:`run_pelican` (the build server): the
    same arguments (``safe_build.pelican_arguments``), log lines and result, without the
    child's own interpreter and imports (the ``forked_safe_builds`` fixture). Not for the
    tests of that child process itself (its death signal, its kill, its environment)."""
    from tools import safe_build  # noqa: PLC0415 - imports Pelican and the plugins

    env = dict(os.environ)
    if log is not None:
        env["COLUMNS"] = safe_build.log_columns()
    status, text, _ = run_pelican(
        safe_build.pelican_arguments(settings_file, output, extra_settings, content), env,
        Path.cwd())
    if log is not None:
        for line in text.splitlines():
            safe_build.keep_log_line(line, log)
    return status == 0


def run_tool(tmp_path, tool, *args, command=False):
    """Run ``tools/<tool>.py`` with ``args`` from ``tmp_path``; (exit status, stdout, stderr).

    A process of its own forked from the build server, as ``python tools/<tool>.py``
    runs, without the third of a second of imports; ``command=True`` (or
    ``FARELEGAMI_TEST_COMMAND=1``) runs the command itself."""
    return timed_tool(tmp_path, tool, *args, command=command)[:3]


def timed_tool(tmp_path, tool, *args, command=False):
    """:func:`run_tool`, and the CPU seconds the run used (its processes'): (exit status,
    stdout, stderr, CPU seconds), for time budgets that hold whatever else the machine
    runs."""
    script = ROOT / "tools" / f"{tool}.py"
    if not command and os.environ.get("FARELEGAMI_TEST_COMMAND") != "1":
        return _SERVER.run(list(args), child_env(), tmp_path, script=script)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([sys.executable, str(script), *args],
                            capture_output=True, text=True, env=child_env(), cwd=tmp_path,
                            check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return result.returncode, result.stdout, result.stderr, (
        after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)


# The CPU seconds of _reference_work (the least of five runs) on the machine the suite's
# CPU budgets were measured on: cpu_budget() gives a slower machine more in proportion.
REFERENCE_CPU = 0.062
_REFERENCE_TOKEN = re.compile(r"\w+|[^\w\s]")
_REFERENCE_TEXT = ("Il Comune di Crema apre lo sportello «Patti di collaborazione» il 5 maggio"
                   " 2024, alle 17:07, al Civic Center: [programma](/2024/05/programma/) e"
                   " **orari**.\n") * 40


def _reference_work():
    """Python as a build spends its CPU (calls, dictionaries, strings, regular
    expressions), with the standard library only: no upgrade of a package changes it."""
    counts = {}
    for _ in range(160):
        for token in _REFERENCE_TOKEN.findall(_REFERENCE_TEXT):
            key = token.lower()
            counts[key] = counts.get(key, 0) + len(key)
        "".join(sorted(counts)).split("a")
    return counts


@cache
def slowness():
    """How many times slower than the machine of REFERENCE_CPU this one runs Python (at
    least 1): the reference work's CPU seconds here, the least of five runs (the one
    least disturbed), over REFERENCE_CPU. Measured once per test process (0.3 s); CPU
    time, so a machine busy with other work is not slower by it, a slower CPU is."""
    runs = []
    for _ in range(5):
        started = time.process_time()
        _reference_work()
        runs.append(time.process_time() - started)
    return max(1.0, min(runs) / REFERENCE_CPU)


def cpu_budget(seconds):
    """``seconds`` of CPU, a budget measured on the machine of REFERENCE_CPU, on this one
    (:func:`slowness`): a CI runner four times slower has four times as long, and code
    whose time grows out of proportion (a quadratic loop's 19 s where 2 were measured)
    still goes past it, whatever the machine's speed."""
    return seconds * slowness()


def run_invoke(*args, env=None):
    """``python -m invoke ARGS`` in the repository (its tasks.py), with ``env`` (default:
    the test process's environment): (exit status, stdout, stderr), as the command's.

    A process of its own forked from the build server, without the third of a second
    of the interpreter's start and the imports of invoke, Pelican and the plugins, for
    the tests of what a task checks; ``FARELEGAMI_TEST_COMMAND=1`` runs the command."""
    env = dict(os.environ if env is None else env)
    if os.environ.get("FARELEGAMI_TEST_COMMAND") == "1":
        result = subprocess.run([sys.executable, "-m", "invoke", *args], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=WAIT, check=False)
        return result.returncode, result.stdout, result.stderr
    return _SERVER.run(list(args), env, ROOT, module="invoke")[:3]


# --- publishing: tools/safe_build.py, previous_release.py, publish_root.py, publisher.py ---
# The helpers of test_safe_build.py, test_previous_release.py, test_publish_root.py,
# test_publish_checks.py, test_publisher.py and test_publish_vanished.py. The publish tests
# run real builds of a small test site (make_conf: the project's settings, SITE its
# address). Those that need a build in progress use a test plugin (PAUSE_PLUGIN, written
# into tmp_path) that pauses the build after the articles are written, records its pid and
# waits for a "go" file: the tests decide when the build goes on, so nothing depends on
# timing.

SITE = "https://example.org"
WAIT = 120  # seconds: an upper bound for a build on a loaded machine, never a pause


PAUSE_PLUGIN = '''
"""Test plugin: pause the build after the articles are written until GATE/go exists."""
import os
import time
from pathlib import Path

from pelican import signals


def pause(generator, writer):
    gate = Path(generator.settings["PAUSE_GATE"])
    (gate / "pid.tmp").write_text(str(os.getpid()))
    os.replace(gate / "pid.tmp", gate / "pid")
    deadline = time.monotonic() + 600  # far beyond WAIT: a surviving build is noticed
    while not (gate / "go").exists() and time.monotonic() < deadline:
        time.sleep(0.05)


def register():
    signals.article_writer_finalized.connect(pause)
'''


def make_conf(tmp_path, pause=False):
    """Test settings; with ``pause``, builds wait at ``tmp_path/gate`` (see above). The
    caches in ``tmp_path/cache`` (Pelican's default, ``cache`` in the folder the build runs
    in, was the working tree's), those the run's builds share in their shared folders."""
    conf = tmp_path / "conf.py"
    caches = "".join(f"{name} = {folder!r}\n" for name, folder in shared_cache_settings().items())
    text = (f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
            f"SITEURL = {SITE!r}\nFEED_DOMAIN = SITEURL\n"
            f"CACHE_PATH = {str(tmp_path / 'cache')!r}\n{caches}"
            # the test content has none of the project's pages: no links to them (a
            # publish checks every link)
            "NAV_LINKS = [link for link in NAV_LINKS if link[1] in ('archivio/', 'documenti/')]\n"
            "FOOTER_LINKS = []\n")
    if pause:
        plugins, gate = tmp_path / "test_plugins", tmp_path / "gate"
        plugins.mkdir()
        gate.mkdir()
        (plugins / "pause_build.py").write_text(PAUSE_PLUGIN, encoding="utf-8")
        text += (f"PLUGIN_PATHS = PLUGIN_PATHS + [{str(plugins)!r}]\n"
                 "PLUGINS = PLUGINS + ['pause_build']\n"
                 f"PAUSE_GATE = {str(gate)!r}\n")
    conf.write_text(text, encoding="utf-8")
    return conf


def start_publish(conf, root, content, wait=0):
    """``publisher.publish`` in a child process, as a deploy job runs it."""
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from tools import publisher; "
            f"sys.exit(0 if publisher.publish({str(conf)!r}, {str(root)!r}, "
            f"content={str(content)!r}{f', wait={wait}' if wait else ''}) else 1)")
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def wait_for_paused_build(gate, publishing):
    """The pid of the publishing process's pelican child, once it has paused (see PAUSE_PLUGIN)."""
    deadline = time.monotonic() + WAIT
    while not (gate / "pid").exists():
        if publishing.poll() is not None:
            pytest.fail(f"publish ended early ({publishing.returncode}):\n"
                        f"{publishing.stdout.read()}")
        assert time.monotonic() < deadline, "the build never reached the pause"
        time.sleep(0.05)
    return int((gate / "pid").read_text())


def is_dead(pid):
    """Gone, or a zombie not yet reaped by init: no longer running either way."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return True
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")


def kill_quietly(process, pid=None):
    """Never leave a process (or an open pipe) behind, whatever the test's outcome."""
    if process.poll() is None:
        process.kill()
        process.wait()
    process.stdout.close()
    if pid is not None and not is_dead(pid):
        os.kill(pid, signal.SIGKILL)


def make_release(root, name):
    """A hand-made complete release, for tests that need one without a build."""
    release = root / "releases" / name
    (release / "theme" / "css").mkdir(parents=True)
    (release / "index.html").write_text(f"<title>{name}</title>", encoding="utf-8")
    (release / "theme" / "css" / "base.css").write_text("", encoding="utf-8")
    (release / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    return release


def current(root):
    return (root / "current").resolve()


def assert_complete(release):
    for name in ("index.html", "sitemap.xml"):
        assert (release / name).is_file(), f"{release} has no {name}"
    # the stylesheet: theme/css/site.<hash>.css in a real build (plugins/assets)
    assert list((release / "theme" / "css").glob("*.css")), f"{release} has no stylesheet"
    from tools import publish_root  # noqa: PLC0415

    assert release.parent.name == "releases" and publish_root.RELEASE_NAME.match(release.name)


# A small site with a file of every kind a build writes: pages, feeds, the sitemap, the
# search index, the theme's assets, an image and its variants, an attachment and its preview.
LONG = "Un paragrafo breve.\n\n" + "Testo. " * 300  # pages and feeds of over 1 kB
DATED = {"notizie/uno.md": article(title="Uno", attachments=["allegati/uno.pdf"],
                                   body=LONG + "\n\n![Una foto]({static}/immagini/foto.png)"),
         "avvisi/due.md": article(title="Due", date="2024-05-06", body=LONG),
         "pages/chi-siamo.md": "---\ntitle: Chi siamo\n---\n" + LONG + "\n",
         "immagini/foto.png": samples.image(size=(1200, 800)),
         "allegati/uno.pdf": samples.text_pdf("Il documento allegato.")}


def dates(folder):
    """``{relative path: modification time (ns)}`` of every file under ``folder``."""
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns
            for p in folder.rglob("*") if p.is_file()}
