"""Content errors stop the build, with every file and problem named.

Pelican on its own logs a file it cannot read and carries on with exit 0.
Here, at ``all_generators_finalized`` (after every file was read, before
anything is written), the build stops when:

- a reader failed on a file (``contract`` logged why, naming the file);
- a plugin reported a problem with :func:`report` (attachments, images...);
- a rule across files fails (:mod:`.rules`, shared with ``invoke check``): two
  items at the same URL or with the same slug (both files named), an item at one of
  the site's own addresses, a symbolic link leading out of ``content/`` or to a folder
  (also checked first, at ``get_generators``: reading follows links), a
  ``{filename}`` link from a published item to a draft, a scheduled item or a file
  that is no item (Pelican would link the home page, or nothing); or a static file
  would be written outside the output folder. Its warnings (a link by address, a menu
  page whose title does not begin with the menu's words…) are logged, and the build
  goes on.

At the very end of the build (``optimize``, after every ``finalized`` receiver), the
links typed by address that lead to no file of the output stop it
(:func:`check_written_links`, ``broken_links.broken_address_links``).

Other plugins report **before** ``all_generators_finalized`` (in a reader, at
``*_generator_finalized`` or ``static_generator_finalized``): receivers of one
signal run in no set order, so a report made during ``all_generators_finalized``
could come after the stop. Plugins that report declare
``REQUIRES = ("plugins.content_checks",)``.

Signal ``initialized``: the ``CONTENT_CHECKS_*`` settings (:mod:`.settings`).

The :class:`BuildStopped` exception makes ``pelican`` exit with status 1, without
a traceback (a ``QuietError``; shown with ``--debug``).
"""

import logging
import os
from dataclasses import dataclass

import blinker
from pelican import signals
from pelican.plugins import granular_signals

from pelican.contents import Page

from plugins.core.errors import QuietError, quiet_tracebacks
from plugins.core.items import LINKS_KEY, all_items, held_back, is_draft, key_line, source
from plugins.core.problems import WARNING, Problem
from plugins.core.settings import start

from . import rules
from .broken_links import WrittenFiles, address_key, broken_address_links
from .entry import Entry, published
from .symlinks import symlink_problems
from .uploads import unused_uploads

logger = logging.getLogger(__name__)

ERRORS_KEY = "content_errors"
# The files under content/ the items use, drafts' and scheduled ones' too (set by
# plugins/static_assets): the uploads no item uses are named (uploads.unused_uploads).
USED_KEY = "content_files_used"
# In the build's settings (the one object both signals reach), from
# all_generators_finalized to the end of the build: the entries with links typed by
# address, and the output paths of the items the public build does not write now.
ADDRESS_LINKS_KEY = "content_checks_address_links"


@dataclass
class AddressLinks:
    """What ``check_written_links`` judges: the entries with links typed by address, and
    the output paths of the items the public build does not write now. An object, not a
    list: the render cache's digest of the settings takes it by its type alone."""

    entries: list
    unpublished: set


class BuildStopped(QuietError):
    """Raised when content errors were found; the message is editor-facing (logged
    alone: ``CRITICAL compilazione interrotta, …``)."""

    NAMED = False


def report(context, path, message, line=None):
    """Record a content problem found by a plugin; the build stops before writing."""
    problem = Problem(str(path), message, line)
    logger.error("%s", problem)
    context.setdefault(ERRORS_KEY, []).append(problem)


def entries(generators):
    """The cross-file rules' view of every article and page of the build."""
    settings = generators[0].settings
    for item, _ in all_items(generators):
        page = isinstance(item, Page)
        metadata = item.metadata
        yield Entry(source(item), "page" if page else "article",
                    item.slug or "", item.save_as or "", item.lang,
                    key_line(item, "slug", "title"),
                    tuple(metadata.get(LINKS_KEY) or ()),
                    is_draft(metadata),  # a preview's too, "published" and marked `bozza`
                    held_back(metadata.get("date"), page, settings),
                    date=None if page else metadata.get("date"),
                    title=metadata.get("title") or "",  # Markup: the reader's HTML
                    title_line=key_line(item, "title"))


def static_outside_output(generators, output_path):
    """Static files whose output path would leave the output folder."""
    root = os.path.realpath(output_path)
    for generator in generators:
        for static in getattr(generator, "staticfiles", ()):
            target = os.path.realpath(os.path.join(root, static.save_as))
            if os.path.commonpath([target, root]) != root:
                yield static.get_relative_source_path(), static.save_as


def check_build(generators):
    if not generators:
        return
    context = generators[0].context
    settings = generators[0].settings
    read = [path.replace(os.sep, "/") for path in context.get("generated_content", {})]
    found = list(entries(generators))
    # judged once everything is written (check_written_links)
    settings[ADDRESS_LINKS_KEY] = AddressLinks(
        [entry for entry in found if any(address_key(target) for target, _ in entry.links)],
        {entry.save_as for entry in found if entry.save_as and not published(entry)})
    for problem in rules.all_problems(found, settings, read):
        if problem.severity == WARNING:
            logger.warning("%s", problem)
        else:
            report(context, problem.path, problem.message, problem.line)
    for path, save_as in static_outside_output(generators, generators[0].output_path):
        report(context, path, f"il file verrebbe scritto fuori dal sito ({save_as})"
                              " / the file would be written outside the output folder")

    failed = {path for path, content in context.get("generated_content", {}).items()
              if content is None}
    reported = {problem.path for problem in context.get(ERRORS_KEY, ())}
    files = sorted(failed | reported)
    if files:
        raise _stopped(files)
    if USED_KEY in context:  # only without errors, as invoke check (unused_uploads)
        for problem in unused_uploads(settings, context[USED_KEY]):
            logger.warning("%s", problem)


def _stopped(files):
    return BuildStopped(
        f"compilazione interrotta, nulla è stato pubblicato: {len(files)} file con errori"
        f" ({', '.join(files)}) / build stopped, nothing published:"
        f" {len(files)} file(s) with errors")


def check_written_links(pelican):
    """Once every file is written (pelican-granular-signals' ``optimize``, after every
    ``finalized`` receiver: the sitemap, the search index; before the compressed copies):
    each link typed by address leading to no file of the output is an error naming the
    item's file and the link's line (``broken_links.broken_address_links``), and the build
    ends with exit status 1. ``tools/safe_build.py`` then keeps the previous output
    (``build``, the previews), ``tools/publisher.py`` the published release (``publish``); a
    bare ``pelican`` leaves what it wrote."""
    settings = pelican.settings
    plan = settings.pop(ADDRESS_LINKS_KEY, None)
    if plan is None or not plan.entries:  # no link typed by address: nothing walked
        return
    site = WrittenFiles(pelican.output_path, plan.unpublished)
    files = set()
    for problem in broken_address_links(plan.entries, settings, site):
        if problem.severity == WARNING:
            logger.warning("%s", problem)
        else:
            logger.error("%s", problem)
            files.add(problem.path)
    if files:
        raise _stopped(sorted(files))


def check_links_first(pelican):
    """Before any generator is made (get_generators): reading ahead and Pelican's own walk
    follow symbolic links, so a link to a folder holding it (or two) kept the build
    walking for good, and one to a folder outside read files from elsewhere before any
    rule could stop the build. Such links stop it here, before anything is read."""
    pelican.settings.pop(ADDRESS_LINKS_KEY, None)  # a new run
    problems = symlink_problems(pelican.settings["PATH"], pelican.settings["IGNORE_FILES"])
    for problem in problems:
        logger.error("%s", problem)
    if problems:
        raise _stopped(sorted({problem.path for problem in problems}))


def initialize(pelican):
    start(pelican, __name__)
    quiet_tracebacks()  # BuildStopped: the errors logged before it say it all


def register():
    signals.initialized.connect(initialize)
    signals.get_generators.connect(check_links_first)
    signals.all_generators_finalized.connect(check_build)
    granular_signals.register()  # "optimize": after every finalized receiver
    blinker.signal("optimize").connect(check_written_links)
