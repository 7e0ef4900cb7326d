"""A ``pelican`` command that starts without importing: the tests' build server.

Every test build runs Pelican's own ``main()`` in a process of its own, as the
``pelican`` command does; only the imports (Pelican, Markdown, Pillow, pypdf,
every module of plugins/: about a second per build, a third of a small site's
build) are done once. This process imports them and then, for each request read
from stdin (one JSON line: ``argv``, ``cwd``, ``env``, ``log``, ``umask``, and
optionally ``err`` and ``script`` or ``module``), forks: the child takes the request's
working folder, environment, umask (when not null) and arguments, writes its stdout
to ``log`` and its stderr to ``err`` (default: ``log`` too) and runs ``pelican.main``
to the end, or, with ``script``, that Python file as ``python SCRIPT ARGV`` runs it
(``__main__``, ``sys.argv``, the script's folder first on ``sys.path``): the
editors' tools (tools/check.py imports Pelican and the plugins too, a third of a
second); with ``module``, that module as ``python -m MODULE ARGV`` runs it
(``invoke``, with the tasks.py of ``cwd``: the tests of what a task checks). It exits
as the command would (atexit handlers included); this process answers with the
child's exit status and the CPU seconds it and the processes it waited for used (one
JSON line on stdout).

Nothing has run yet when a child starts: no plugin is registered, no signal
connected, no setting read (plugins import as modules only; Pelican registers
them in the child). Modules a build imports only when it needs them (Markdown's
extensions, Pygments, rich's status line, the CSS minifier…) would be imported
again by every child: each child reports the installed modules (the standard
library's and the virtualenv's, never the project's or a test's settings) it
imported, and the server imports them before the next fork. Babel's Italian data
is loaded once here too, and so is the digest of plugins/ that keys the caches
(``plugins.core.digest``: once per process, of the code this process imported).
The server is started by ``tests/support.py`` with the same environment as a build
command (``child_env``: no OS locale, warnings as errors), one per test process.
"""

import atexit
import contextlib
import importlib
import json
import os
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Where the modules a child may report live: the standard library and the virtualenv.
INSTALLED = tuple({os.path.realpath(p) + os.sep for p in (sys.prefix, sys.base_prefix)})


def preload():
    sys.path.insert(0, str(ROOT))
    import pelican  # noqa: F401, PLC0415
    import pelican.generators  # noqa: F401, PLC0415
    import pelican.plugins.granular_signals  # noqa: F401, PLC0415
    import pelican.readers  # noqa: F401, PLC0415
    import pelican.writers  # noqa: F401, PLC0415

    for folder in sorted((ROOT / "plugins").iterdir()):
        if (folder / "__init__.py").is_file():
            importlib.import_module(f"plugins.{folder.name}")
    sys.path.remove(str(ROOT))
    from babel import localedata  # noqa: PLC0415

    from plugins.core import digest  # noqa: PLC0415
    from plugins.italian.numbers import LOCALE  # noqa: PLC0415

    localedata.load(LOCALE)  # kept in Babel's cache: the children's dates and numbers
    # The digest of plugins/ and the libraries' versions that keys the caches, once per
    # process (lru_cache): of the modules imported here, which every child runs
    digest._plugins_digest()  # noqa: SLF001


def installed_modules(names):
    """Those of ``names`` that are modules of the standard library or the virtualenv."""
    found = []
    for name in names:
        path = getattr(sys.modules.get(name), "__file__", None)
        if path and os.path.realpath(path).startswith(INSTALLED):
            found.append(name)
    return found


def report_imports(pipe, before):
    """At the child's exit: the installed modules it imported, one name per line."""
    text = "\n".join(installed_modules(sorted(set(sys.modules) - before)))
    with os.fdopen(pipe, "w") as out:
        out.write(text)


def learn(names):
    """Import the modules children reported (one that fails here is left to them)."""
    for name in names:
        if name not in sys.modules:
            with contextlib.suppress(Exception):
                importlib.import_module(name)


def child(request):
    """In the forked child: become ``pelican ARGV`` (or ``python SCRIPT ARGV``) run in
    ``cwd`` with ``env``."""
    log = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    err = os.open(request["err"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644) \
        if request.get("err") else log
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(log, 1)
    os.dup2(err, 2)
    os.close(null)
    os.close(log)
    if err != log:
        os.close(err)
    os.chdir(request["cwd"])
    if request.get("umask") is not None:
        os.umask(request["umask"])
    os.environ.clear()
    os.environ.update(request["env"])
    if request.get("module"):
        sys.argv = [request["module"], *request["argv"]]  # run_module puts its file first
        sys.path[0] = request["cwd"]  # as `python -m MODULE` run there puts it
        runpy.run_module(request["module"], run_name="__main__", alter_sys=True)
        return
    if request.get("script"):
        sys.argv = [request["script"], *request["argv"]]
        sys.path[0] = os.path.dirname(request["script"])  # as `python SCRIPT` puts it
        runpy.run_path(request["script"], run_name="__main__")
        return
    sys.argv = ["pelican", *request["argv"]]
    sys.path[0] = request["cwd"]  # as `python -m pelican` run there
    from pelican import main  # noqa: PLC0415

    main(request["argv"])  # raises SystemExit on failure, as the command exits


def serve():
    preload()
    answers = sys.stdout
    for line in sys.stdin:
        request = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(reader)
            atexit.register(report_imports, writer, set(sys.modules))  # runs last
            try:
                child(request)
            except SystemExit:
                raise
            except BaseException:  # noqa: BLE001 - reported as the command would
                import traceback  # noqa: PLC0415

                traceback.print_exc()
                sys.exit(1)
            sys.exit(0)
        os.close(writer)
        with os.fdopen(reader) as pipe:
            imported = pipe.read().split()  # until the child exits
        _, status, usage = os.wait4(pid, 0)
        answers.write(json.dumps({"returncode": os.waitstatus_to_exitcode(status),
                                  "cpu": usage.ru_utime + usage.ru_stime}) + "\n")
        answers.flush()
        learn(imported)  # while the test reads its build


if __name__ == "__main__":
    serve()
