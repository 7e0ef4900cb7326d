"""Builds that never leave a half-written or broken site behind: Pelican in a child
process, building into a folder of its own.

``run_pelican(settings, output)``: Pelican in a child process that dies with this one
(Linux ``PR_SET_PDEATHSIG``; killed on Ctrl-C and SIGTERM too), its log echoed and, when
asked, collected line by line (``LOG_ERROR_RE``: the lines with an error). The publish
(``tools/publisher.py``) builds its releases with it.

``build_into(settings, output)``: build into a fresh folder beside ``output`` and swap
it in only when Pelican succeeded (development and CI); unchanged files keep their
dates, as in a release (``tools/previous_release.py``).
"""

import contextlib
import functools
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from plugins.core import processes
from tools import unthrottled_log
from tools.previous_release import keep_dates

logger = unthrottled_log.logger(__name__)


# --- the child Pelican process ---------------------------------------------

def _die_with(parent):
    """A ``preexec_fn``: the child gets SIGKILL when ``parent`` (this process) dies
    (tasks start builds from their main thread: plugins.core.processes)."""
    return functools.partial(processes.die_with, parent)


def _kill(process):
    """Kill the child and its process group (anything it started), then reap it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        process.kill()
    process.wait()


@contextlib.contextmanager
def sigterm_as_exit():
    """Turn SIGTERM into SystemExit while the block runs, so ``finally`` clauses kill
    the child and clean up (only possible in the main thread; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum, frame):
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


LOG_COLUMNS = 200  # the width of a collected build log (at least)
# A line of the log with an error: rich's time (left out when it repeats), then the level.
LOG_ERROR_RE = re.compile(r"(\[[\d:.]+\])?\s*(ERROR|CRITICAL)\s")
# rich's last column, the logging call's source (``log.py:123``) flush right: on a line
# as wide as LOG_COLUMNS it would wrap in a narrower terminal; the message is enough.
LOG_SOURCE_RE = re.compile(r"\s{2,}[\w.-]+\.py:\d+$")


def pelican_arguments(settings_file, output, extra_settings=(), content="content"):
    """The arguments of the ``pelican`` command that builds ``content`` into ``output``."""
    arguments = [str(content), "-s", str(settings_file), "-o", str(output),
                 "--delete-output-directory"]
    if extra_settings:  # one -e for all: Pelican keeps only the last -e's settings
        arguments += ["-e", *extra_settings]
    return arguments


def log_columns():
    """The COLUMNS a build whose log is collected runs with (see :func:`run_pelican`)."""
    return str(max(LOG_COLUMNS, shutil.get_terminal_size().columns))


def keep_log_line(line, log):
    """One line of a build's output: without the logger's source column, echoed and
    added to ``log``."""
    line = LOG_SOURCE_RE.sub("", line.rstrip())
    sys.stdout.write(line + "\n")
    log.append(line)


def run_pelican(settings_file, output, extra_settings=(), content="content", log=None):
    """Run Pelican in a child process (so plugin edits are always picked up).

    The child runs in its own process group and dies with this process: on Linux
    through PR_SET_PDEATHSIG (even on ``kill -9`` of this one), everywhere on
    Ctrl-C or SIGTERM here (it is killed before the exception goes on). With a
    ``log`` list, its output is echoed and also collected there, line by line.
    """
    command = [sys.executable, "-m", "pelican",
               *pelican_arguments(settings_file, output, extra_settings, content)]
    options = {"preexec_fn": _die_with(os.getpid())} if processes.AVAILABLE else {}
    if log is not None:
        # Pelican logs through rich, which lays a piped log out 80 columns wide: a
        # traceback's lines were cut into a 40-column message column (the preview's
        # panel shows them). Wider lines, without rich's padding.
        # UTF-8 whatever this process's locale (Pelican's settings may have set "C"): the
        # messages are Italian
        options.update(stdout=subprocess.PIPE, stderr=subprocess.STDOUT, encoding="utf-8",
                       errors="replace",
                       env=dict(os.environ, COLUMNS=log_columns()))
    with sigterm_as_exit():
        process = subprocess.Popen(command, process_group=0, **options)  # noqa: PLW1509
        try:
            if log is not None:
                with process.stdout:
                    for line in process.stdout:
                        keep_log_line(line, log)
            return process.wait() == 0
        except BaseException:
            _kill(process)
            raise


# --- development builds ------------------------------------------------------

STALE_SECONDS = 3600  # a build's folders older than this were left by one interrupted


def _remove_stale(output):
    """The ``.NAME-new-*`` and ``.NAME-old-*`` folders beside ``output`` that a build
    killed mid-way left behind (the preview's rebuilds run in a thread, which a signal
    ends without its clean-up), once they are an hour old: a build running now keeps its
    own."""
    now = time.time()
    for kind in ("new", "old"):
        for folder in output.parent.glob(f".{output.name}-{kind}-*"):
            try:
                if folder.is_dir() and now - folder.stat().st_mtime > STALE_SECONDS:
                    shutil.rmtree(folder, ignore_errors=True)
            except OSError:
                continue


def build_into(settings_file, output, extra_settings=(), content="content", log=None):
    """Build into a staging folder; replace ``output`` only on success."""
    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(output)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-new-", dir=output.parent))
    built = False
    try:
        built = run_pelican(settings_file, staging, extra_settings, content, log)
    finally:
        if not built:
            shutil.rmtree(staging, ignore_errors=True)
    if not built:
        logger.error("Compilazione non riuscita: %s resta com'era / Build failed: %s left as it"
                     " was", output, output)
        return False
    staging.chmod(0o755)
    if output.is_dir():
        keep_dates(staging, output)  # unchanged files keep their dates, as in a release
    if output.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{output.name}-old-", dir=output.parent))
        os.rename(output, old / "site")
        os.rename(staging, output)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(staging, output)
    return True
