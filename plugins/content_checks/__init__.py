"""Content errors stop the build, with every file and problem named.

Pelican on its own logs a file it cannot read and carries on with exit 0.
Here, at ``all_generators_finalized`` (after every file was read, before
anything is written), the build stops when:

- a reader failed on a file (``contract`` logged why, naming the file);
- a plugin reported a problem with :func:`report` (attachments, images...);
- two items would be written at the same URL (both files are named).

Other plugins report **before** ``all_generators_finalized`` (in a reader, at
``*_generator_finalized`` or ``static_generator_finalized``): receivers of one
signal run in no set order, so a report made during ``all_generators_finalized``
could come after the stop. Plugins that report declare
``REQUIRES = ("plugins.content_checks",)``.

The :class:`BuildStopped` exception makes ``pelican`` exit with status 1, without
a traceback (a ``QuietError``; shown with ``--debug``).
"""

import logging
import os

from pelican import signals

from plugins.core.errors import QuietError, quiet_tracebacks
from plugins.core.items import all_items
from plugins.core.problems import Problem
from plugins.core.urls import without_index

logger = logging.getLogger(__name__)

ERRORS_KEY = "content_errors"


class BuildStopped(QuietError):
    """Raised when content errors were found; the message is editor-facing."""


def report(context, path, message, line=None):
    """Record a content problem found by a plugin; the build stops before writing."""
    problem = Problem(str(path), message, line)
    logger.error("%s", problem)
    context.setdefault(ERRORS_KEY, []).append(problem)


def duplicate_urls(generators):
    """Problems for each output path claimed by more than one source file."""
    owners = {}
    for item, _ in all_items(generators):
        if item.save_as:
            owners.setdefault(os.path.normpath(item.save_as), set()).add(
                item.get_relative_source_path())
    problems = []
    for save_as, sources in sorted(owners.items()):
        if len(sources) > 1:
            first, *others = sorted(sources)
            url = "/" + without_index(save_as.replace(os.sep, "/"))
            problems.append((
                first,
                f"stesso indirizzo {url} di {', '.join(others)}: cambia `slug`"
                f" (o `date`) di uno dei due / two items with the same URL {url}:"
                f" {' and '.join(sorted(sources))}",
            ))
    return problems


def check_build(generators):
    if not generators:
        return
    context = generators[0].context
    for path, message in duplicate_urls(generators):
        report(context, path, message)

    failed = {path for path, content in context.get("generated_content", {}).items()
              if content is None}
    reported = {problem.path for problem in context.get(ERRORS_KEY, ())}
    files = sorted(failed | reported)
    if files:
        raise BuildStopped(
            f"compilazione interrotta, nulla è stato pubblicato: {len(files)} file con errori"
            f" ({', '.join(files)}) / build stopped, nothing published:"
            f" {len(files)} file(s) with errors"
        )


def initialize(pelican):
    quiet_tracebacks()  # BuildStopped: the errors logged before it say it all


def register():
    signals.initialized.connect(initialize)
    signals.all_generators_finalized.connect(check_build)
