"""Builds that never leave a half-written or broken site behind.

``build_into(output)``: build into a fresh folder beside ``output`` and swap
it in only when Pelican succeeded (development and CI); unchanged files keep
their dates, as in a release.

``publish(settings, root)``: the production release, in a publish root laid out as

    root/.publish.lock       flock'd by publish and rollback (one at a time)
    root/staging/<name>/     the build in progress; never a rollback candidate
    root/releases/<name>/    complete, checked releases (<name>: YYYYMMDD-HHMMSS-ffffff)
    root/releases/<name>.carried.json  what the release holds of the one before it
    root/current             symlink -> releases/<name>: the web server's document root

1. take the lock (non-blocking: a second publish fails at once, ``Busy``, or after
   ``wait`` seconds); a publish root this user cannot write into is ``NotWritable``;
2. remove what a killed publish left (``staging/*``, temporary links);
3. build into ``staging/<name>`` with Pelican in a child process that dies with
   this one (Linux ``PR_SET_PDEATHSIG``; killed on Ctrl-C and SIGTERM too);
4. check it (``tools/release_check.py``: internal links, feeds, no drafts or
   future items), and compare it with the current release (``tools/vanished.py``):
   the articles and pages whose address would vanish are named, with the line that
   keeps each one (``indirizzi_precedenti``), and so are the feeds that would (a
   category left without articles): a warning, or with ``strict`` a refusal;
5. only then give its files with the current release's bytes that release's dates
   (:func:`keep_dates`: nginx's ``ETag`` and ``Last-Modified``), link into it the
   fingerprinted files of that release it lacks (:func:`carry_over`: pages loaded
   from that one still find them), rename it into ``releases/`` (atomic: a release
   is complete the moment it appears there), switch ``current`` with one atomic
   rename of a fresh symlink, and remove all
   but the newest ``KEEP_RELEASES`` releases (moved out of ``releases/`` first,
   so never half-deleted there).

Any failure before 5 leaves ``current`` exactly as it was. ``rollback(root)``
points ``current`` at the newest release older than the current one.
"""

import contextlib
import functools
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

from plugins.core import processes
from plugins.italian import quanti
from tools import publish_checks, release_check, unthrottled_log
from tools.previous_release import carried, carried_file, carry_over, keep_dates, same_tree
from tools.publish_root import (RELEASE_NAME, RELEASES, STAGING, clean, current, ensure_switchable,
                                ensure_writable, locked, prune, served_folder, switch)

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
def _sigterm_as_exit():
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
    with _sigterm_as_exit():
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


def publish(settings_file, root, extra_settings=(), content="content", siteurl=None,
            strict=False, wait=0, prepare=None):
    """Build, check and switch to a new release; return its path, or None on failure
    (build or check failed: ``current`` untouched, problems logged). A build identical to
    the current release (:func:`same_tree`) makes no new release: the current one is
    returned, and stays.

    ``siteurl`` (for the check) defaults to the settings' SITEURL. Addresses of articles
    and pages of the current release that the new one takes away are logged as a
    warning; with ``strict`` they refuse the release too. Raises ``Busy`` when another
    publish or rollback holds the lock (with ``wait``, still holds it after that many
    seconds: a publish for a push waits for the morning one to end), ``NotWritable``
    (before any work) when this user cannot write into the publish root, ``staging/``
    or ``releases/``. ``prepare``: called once the lock is held, before the build (the
    task's install of the web editor's npm packages: ``npm ci`` empties node_modules, so
    run by a publish waiting its turn it took them away from the running one's build).
    """
    root = Path(root).resolve()
    with locked(root, wait), _sigterm_as_exit():
        ensure_switchable(root)
        ensure_writable(root, root / STAGING, root / RELEASES)
        if prepare is not None:
            prepare()
        clean(root)
        served_folder(root / RELEASES)
        if siteurl is None:
            siteurl = publish_checks.siteurl_of(settings_file, extra_settings)
        # UTC: the names sort as the releases were made, clock changes or not (local time
        # repeats an hour each autumn, and rollback would pick the wrong one)
        name = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")
        staging = root / STAGING / name
        items = f"REDIRECTS_ITEMS_FILE={json.dumps(str(publish_checks.items_file(staging)))}"
        try:
            log = []
            if not run_pelican(settings_file, staging, [*extra_settings, items], content,
                               log=log):
                logger.error("Compilazione non riuscita: il sito pubblicato non è stato toccato /"
                             " Build failed: the published site was not touched")
                return None
            # Any error logged stops a release, once the build has said everything: a
            # setting refused (a counter address on http, say) is replaced by its default,
            # which a preview may live with and the public site must not (the counter
            # would be silently off). (pelican --fatal errors stops at the first, with a
            # traceback, hiding the others.)
            errors = [line for line in log if LOG_ERROR_RE.match(line)]
            if errors:
                logger.error("La compilazione ha segnalato %s: il sito pubblicato non è"
                             " stato toccato / the build logged %d error(s): the published"
                             " site was not touched", quanti(len(errors), "errore", "errori"),
                             len(errors))
                return None
            problems = release_check.check_release(staging, siteurl)
            if problems:
                publish_checks.report_problems(problems)
                return None
            gone = publish_checks.find_vanished(root, staging, settings_file, content, siteurl)
            if gone:
                publish_checks.report_vanished(gone, content, strict)
                if strict:
                    return None
            now = current(root)
            served = root / RELEASES / now if now and RELEASE_NAME.match(now) else None
            if served is not None and not served.is_dir():
                served = None
            # unchanged files keep the served release's dates, so nginx answers "not
            # modified" (304) for them after the switch (keep_dates)
            identical = keep_dates(staging, served) if served is not None else set()
            if served is not None and same_tree(staging, served, identical,
                                                carried(served)):
                # the morning build of a day without news: a new release would only push
                # the good ones out of the KEEP_RELEASES a rollback can go back to
                logger.warning("Nessuna modifica rispetto alla versione pubblicata (%s): resta"
                               " online quella / Nothing changed: %s stays current", now, now)
                return served
            # pages loaded from the served release keep finding its fingerprinted files
            brought = carry_over(staging, served) if served is not None else []
            staging.chmod(0o755)
            release = root / RELEASES / name
            if brought:  # before the release appears: never one without its list
                carried_file(release).write_text(json.dumps(brought), encoding="utf-8")
            os.rename(staging, release)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            publish_checks.items_file(staging).unlink(missing_ok=True)
        switch(root, release)
        prune(root, name)
        return release
