"""What the bounded child processes share: the PDF preview drawer
(plugins/attachments/render.py) and the PDF text reader (plugins/search/extract.py).

Standard library only, and loaded by a child from this folder (``sys.path``), never
through the ``plugins`` package: a child imports no Pelican and starts quickly.

The protocol (the parent is :class:`plugins.attachments.previews.Renderer`): the
child is started as ``python -I SCRIPT MEMORY_MB``; it loads its libraries, limits
its own address space to what it uses plus ``MEMORY_MB`` (``RLIMIT_AS``, Linux),
writes ``{"ready": true}``, then reads one JSON job per line on stdin and writes one
JSON answer per line on the stdout it was started with (library noise goes to
stderr). After an answer ``{"error": "memory", …}`` it exits: the heap may be in a
poor state, and the parent starts a new one for the next job.
"""

import json
import os
import sys

MEMORY = "memory"  # the error code of a job that ran out of address space


def limit_memory(megabytes):
    """At most ``megabytes`` more address space than the process has now (Linux)."""
    import resource  # noqa: PLC0415 - POSIX only

    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            now = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return  # not Linux: the parent's timeout still bounds each job
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = now + megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def serve(argv, load, answer):
    """Run the protocol: ``load()`` imports the libraries (before the limit), then
    ``answer(job, megabytes)`` gives each job's answer."""
    megabytes = int(argv[1])
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)  # anything a library prints goes to stderr, not into the answers
    load()
    limit_memory(megabytes)
    answers.write(json.dumps({"ready": True}) + "\n")
    for line in sys.stdin:
        result = answer(json.loads(line), megabytes)
        answers.write(json.dumps(result) + "\n")
        if result.get("error") == MEMORY:
            return
