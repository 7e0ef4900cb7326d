"""The least time a cold ``invoke check`` that shares the build's implementation can take.

``invoke check`` runs the build's own checks (one implementation): it converts every
file's Markdown with the build's converter, because the links, images and raw HTML it
judges are those of the HTML the build writes. This script does only what no such check
can skip: :mod:`tools.check`'s start-up (its imports, the settings and plugins as a build
loads them, the list of files) and the Markdown conversion of each file's body, in as many
forked processes as ``invoke check`` uses, and nothing else (no front matter read, no
check, no output). ``invoke bench`` prints its time next to ``invoke check``'s: the
distance between them is all the checking there is to speed up; the floor itself is
invoke's start-up away from a real run. A warm check (after a build, which left each file's
result in the cache) converts no Markdown: this is the floor of a cold one.

    python tools/check_floor.py --settings SETTINGS   # prints "files seconds" on stdout
"""

import argparse
import gc
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor

if __name__ == "__main__":
    gc.disable()  # as tools/check.py

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check  # noqa: E402 - the same imports as a run of invoke check

from plugins.contract.check import render  # noqa: E402
from plugins.contract.reader import shared_parts  # noqa: E402
from plugins.core import processes  # noqa: E402

_STATE = {}


def body(text):
    """The Markdown after the front matter: YAML between ``---`` lines, or Pelican's
    ``Key: value`` lines up to the first blank line."""
    lines = text.splitlines(keepends=True)
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1)
                    if line.strip() in ("---", "...")), 0)
        return "".join(lines[end + 1:])
    end = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    return "".join(lines[end:])


def _start(settings):
    _STATE.update(settings=settings, markdown=shared_parts(settings)[0])


def _convert(file):
    relative, _ = file
    with open(os.path.join(_STATE["settings"]["PATH"], relative), encoding="utf-8") as handle:
        return len(render(_STATE["markdown"], body(handle.read())))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--settings", required=True)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    settings = check.load_settings(args.settings)
    files = check.content_files(settings)
    gc.freeze()
    gc.enable()
    _start(settings)  # as check.checked_files: this process's part, which workers inherit
    workers = check.worker_count(files)
    if workers < 2 or not processes.FORK_POOLS:
        sum(map(_convert, files))
    else:  # as check.checked_files starts its pool
        check.preload(settings)
        with ProcessPoolExecutor(workers, mp_context=processes.fork_context(),
                                 **processes.pool_options()) as pool:
            with processes.frozen():
                sum(pool.map(_convert, files, chunksize=32))
    print(len(files), f"{time.perf_counter() - started:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
