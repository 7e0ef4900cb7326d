"""What stops or warns a release before it goes live, and how it is said.

``settings_problems(settings_file)``: the errors a build with these settings would log
before reading any content (``./run publish --settings-only``; a publish stops on them).
``report_problems``: the release check's problems (``tools/release_check.py``), a refusal.
``find_vanished`` and ``report_vanished``: the addresses and feeds of the current release
that the new one takes away (``tools/vanished.py``), each with the line that keeps it: a
warning, or with ``strict`` a refusal.
"""

import contextlib
import json
import locale
import logging
import runpy
from pathlib import Path

from plugins.italian import quanti
from tools import unthrottled_log, vanished
from tools.publish_root import RELEASE_NAME, RELEASES, current

logger = unthrottled_log.logger(__name__)
MAX_PROBLEMS_SHOWN = 50


def overrides(extra_settings):
    """``{NAME: value}`` of a build's extra settings (``NAME=value``, Pelican's ``-e``),
    read as Pelican reads them: the value in JSON, the last of a name winning. A value
    that is not JSON (which Pelican refuses, so no build has it) is kept as text."""
    found = {}
    for setting in extra_settings:
        name, _, value = setting.partition("=")
        try:
            found[name] = json.loads(value)
        except ValueError:
            found[name] = value
    return found


def siteurl_of(settings_file, extra_settings):
    """SITEURL as the build will see it (the settings file, then ``-e`` overrides)."""
    extra = overrides(extra_settings)
    if "SITEURL" in extra:
        return str(extra["SITEURL"])
    return str(runpy.run_path(str(settings_file)).get("SITEURL") or "")


def report_problems(problems):
    """Log the release check's ``problems`` (the first :data:`MAX_PROBLEMS_SHOWN`) as the
    errors that refuse the release."""
    count = len(problems)
    logger.error("Controllo della versione non superato (%s): il sito pubblicato non"
                 " è stato toccato / Release check failed (%d problem(s)): the published site"
                 " was not touched", quanti(count, "problema", "problemi"), count)
    for problem in problems[:MAX_PROBLEMS_SHOWN]:
        logger.error("  %s", problem)
    if len(problems) > MAX_PROBLEMS_SHOWN:
        more = len(problems) - MAX_PROBLEMS_SHOWN
        logger.error("  … e %s / and %d more", quanti(more, "altro", "altri"), more)


def items_file(staging):
    """Where the build writes its items' addresses and files (plugins/redirects'
    ``REDIRECTS_ITEMS_FILE``): beside the staging folder, never in the release."""
    return staging.with_name(staging.name + ".items.json")


def _build_settings(settings_file, content, extra_settings=()):
    """The settings a build with ``settings_file``, the build's content folder and its
    ``extra_settings`` (``-e``: :func:`overrides`) has, as ``invoke check`` loads them
    (``tools.check.plugin_settings``; no reader made, so no cache folder touched):
    Pelican's defaults, the file, the extra settings, then every plugin's settings
    filled in and checked at ``initialized``, so the tools read them plainly
    (``tools/vanished.py``: the folders the site writes itself, the attachments'
    addresses). The build already logged what the checks say: not again."""
    from tools.check import plugin_settings  # noqa: PLC0415 - only where a release is compared

    previous = logging.root.manager.disable
    logging.disable(logging.ERROR)
    try:
        with _locale_kept():
            return plugin_settings(settings_file, content, overrides(extra_settings))
    finally:
        logging.disable(previous)


@contextlib.contextmanager
def _locale_kept():
    """Pelican sets the process's locale to the settings' LOCALE ("C" here) when it reads
    them: the builds this process starts afterwards would read their output as ASCII."""
    saved = locale.setlocale(locale.LC_ALL)
    try:
        yield
    finally:
        locale.setlocale(locale.LC_ALL, saved)


def settings_problems(settings_file, content="content"):
    """``(errors, warnings)`` a build with ``settings_file`` would log before reading any
    content (a publish stops on the errors and shows the warnings): the settings as a
    build has them, each plugin's ``initialized`` checks run, nothing built
    (``tools.check.plugin_settings``: no reader made, so no cache folder made under
    CACHE_PATH, and none of a build's removed; what the readers do says nothing of the
    settings)."""
    from tools.check import plugin_settings  # noqa: PLC0415 - Pelican: only when asked

    class Kept(logging.Handler):  # on the root logger: nothing else prints them
        def __init__(self):
            super().__init__(logging.WARNING)
            self.errors, self.warnings = [], []

        def emit(self, record):
            found = self.errors if record.levelno >= logging.ERROR else self.warnings
            found.append(record.getMessage())

    kept, root = Kept(), logging.getLogger()
    root.addHandler(kept)
    try:
        with _locale_kept():
            plugin_settings(settings_file, content)
    finally:
        root.removeHandler(kept)
    return kept.errors, kept.warnings


def find_vanished(root, staging, settings_file, content, siteurl, extra_settings=()):
    """The :class:`vanished.Vanished` addresses of the current release that ``staging``
    takes away, then its documents, its feed files last ([] with no current release).
    ``extra_settings``: those the publish gave the build (``-e``), read as it read them."""
    now = current(root)
    previous = root / RELEASES / now if now else None
    if previous is None or not RELEASE_NAME.match(now) or not previous.is_dir():
        return []
    items = vanished.read_items(items_file(staging))
    withheld = vanished.read_withheld(items_file(staging))
    settings = _build_settings(settings_file, content, extra_settings)
    return (vanished.find(previous, staging, settings, items, siteurl, withheld)
            + vanished.documents(previous, staging, settings)
            + vanished.feeds(previous, staging, settings))


def report_vanished(found, content, strict):
    """Log each vanished address with what to do; an error with ``strict``."""
    count = len(found)
    log = logger.error if strict else logger.warning
    what = quanti(count, "indirizzo", "indirizzi")
    if strict:
        log("Pubblicazione rifiutata (--strict): la nuova versione toglierebbe %s del sito"
            " pubblicato, che non è stato toccato / Publish refused (strict): the new release"
            " would take away %d address(es) of the published site, which was not touched",
            what, count)
    else:
        log("Attenzione: la nuova versione toglie %s del sito pubblicato (chi ci arriva da un"
            " segnalibro, da un altro sito o da un motore di ricerca troverà «Pagina non"
            " trovata»); la pubblicazione continua / Warning: the new release takes away %d"
            " address(es) of the published site (readers get a 404); publishing goes on",
            what, count)
    content_label = _content_label(content)
    for item in found[:MAX_PROBLEMS_SHOWN]:
        log("  %s", vanished.describe(item, content_label))
    if count > MAX_PROBLEMS_SHOWN:
        more = count - MAX_PROBLEMS_SHOWN
        log("  … e %s / and %d more", quanti(more, "altro", "altri"), more)


def _content_label(content):
    """The content folder as an editor would write it: relative to here when inside."""
    path = Path(content).resolve()
    with contextlib.suppress(ValueError):
        return str(path.relative_to(Path.cwd())) or "."
    return str(path)
