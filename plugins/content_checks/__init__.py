"""Content errors stop the build, with every file and problem named.

Pelican on its own logs a file it cannot read and carries on with exit 0.
Here, at ``all_generators_finalized`` (after every file was read, before
anything is written), the build stops when:

- a reader failed on a file (``frontmatter`` logged why, naming the file);
- a plugin reported a problem with :func:`report` (attachments, images...);
- two items would be written at the same URL (both files are named).

The :class:`BuildStopped` exception makes ``pelican`` exit with status 1;
a log filter keeps the traceback away from editors (shown with ``--debug``).
"""

import logging
import os

from pelican import signals

logger = logging.getLogger(__name__)

ERRORS_KEY = "content_errors"
PUBLIC_GROUPS = {
    "articles": ("articles", "translations", "hidden_articles", "hidden_translations"),
    "pages": ("pages", "translations", "hidden_pages", "hidden_translations"),
    "drafts": ("drafts", "drafts_translations", "draft_pages", "draft_translations"),
}


class BuildStopped(Exception):
    """Raised when content errors were found; the message is editor-facing."""


def report(context, path, problem):
    """Record a content problem found by a plugin; the build stops before writing."""
    logger.error("%s: %s", path, problem)
    context.setdefault(ERRORS_KEY, []).append((str(path), problem))


def _written_items(generators):
    """(save_as, source path) for every content item the writers will write."""
    for generator in generators:
        groups = []
        if hasattr(generator, "articles"):
            groups += PUBLIC_GROUPS["articles"]
        if hasattr(generator, "pages"):
            groups += PUBLIC_GROUPS["pages"]
        if hasattr(generator, "drafts") or hasattr(generator, "draft_pages"):
            groups += PUBLIC_GROUPS["drafts"]
        for group in dict.fromkeys(groups):
            for item in getattr(generator, group, ()):
                if item.save_as:
                    yield item.save_as, item.get_relative_source_path()


def duplicate_urls(generators):
    """Problems for each output path claimed by more than one source file."""
    owners = {}
    for save_as, source in _written_items(generators):
        owners.setdefault(os.path.normpath(save_as), []).append(source)
    problems = []
    for save_as, sources in sorted(owners.items()):
        sources = sorted(set(sources))
        if len(sources) > 1:
            url = "/" + save_as.replace(os.sep, "/").removesuffix("index.html")
            problems.append((
                sources[0],
                f"stesso indirizzo {url} di {', '.join(sources[1:])}: cambia `slug`"
                f" (o `date`) di uno dei due / two items with the same URL {url}:"
                f" {' and '.join(sources)}",
            ))
    return problems


def check_build(generators):
    if not generators:
        return
    context = generators[0].context
    for path, problem in duplicate_urls(generators):
        report(context, path, problem)

    failed = sorted(
        path for path, content in context.get("generated_content", {}).items()
        if content is None
    )
    reported = sorted({path for path, _ in context.get(ERRORS_KEY, ())})
    files = sorted(set(failed) | set(reported))
    if files:
        raise BuildStopped(
            f"compilazione interrotta, nulla è stato pubblicato: {len(files)} file con errori"
            f" ({', '.join(files)}) / build stopped, nothing published:"
            f" {len(files)} file(s) with errors"
        )


def hide_traceback(record):
    """Log filter: no traceback for BuildStopped (the errors above say it all)."""
    if record.exc_info and isinstance(record.exc_info[1], BuildStopped):
        record.exc_info = None
    return True


def install_filter(pelican):
    logging.getLogger("pelican").addFilter(hide_traceback)


def register():
    signals.initialized.connect(install_filter)
    signals.all_generators_finalized.connect(check_build)
