"""The generator that checks and writes the pages at old addresses.

:class:`RedirectsGenerator` (signal ``get_generators``; Pelican runs plugin generators
after the articles' and the pages', before the static files'):

- ``generate_context``: the old addresses of every item the public build writes
  (published or hidden, translations too; not drafts) checked across files
  (:mod:`.rules`), each problem reported to ``content_checks`` (the build stops before
  writing anything). Articles held back until their date count with the address they
  will have (the morning build of that day would stop on a clash), but their pages
  wait for them, also where a preview shows them;
- ``generate_output``: one page per old address (:mod:`.page`), written whole; and one
  at each year's and month's address of the published articles (``2025/``,
  ``2025/03/``: :func:`period_pages`), leading to the year's archive page.

Pelican's writer is not used: these are not site pages (no ``content_written`` signal,
so no sitemap entry; not items, so in no feed, listing or search index).
"""

import json
import logging
import os
import posixpath
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from pelican.contents import Page

from plugins.content_checks import report
from plugins.core.files import keep
from plugins.core.items import PUBLIC, context_items, key_line, public_fate, source
from plugins.core.text import plain
from plugins.core.urls import without_index
from plugins.italian.dates import ancora_mese, as_written, mese
from plugins.italian.words import archive_wording

from . import page, rules
from .paths import KEY

logger = logging.getLogger(__name__)

# Beside each year's and month's page (2025/03/index.html), the address it leads to:
# the web server's sign that the page there is that one, not an item's or an old
# address's (deploy/nginx.conf answers such an address with a 301 to the archive itself)
PERIOD_MARKER = "periodo.txt"


def public_address(item, fate, settings):
    """``(address, now)``: where the public build writes ``item`` (of generator ``fate``),
    today (``now``) or on its date (:func:`plugins.core.items.public_fate`); ``""``:
    never. A preview writes a held-back article at that very address: ``now`` tells
    them apart."""
    when = public_fate(item.metadata, isinstance(item, Page), settings)
    if when == "now":
        return (item.save_as, True) if fate in PUBLIC else ("", False)
    if when == "later":
        # the article's own pattern: Pelican gives a held-back article DRAFT_SAVE_AS, ""
        key = "ARTICLE_SAVE_AS" if item.in_default_lang else "ARTICLE_LANG_SAVE_AS"
        return str(settings[key]).format(**item.url_format), False
    return "", False



def period_pages(context, settings):
    """``{output file: (title, url)}`` of a year's and a month's address (``2025/`` and
    ``2025/03/``: what a reader gets by shortening an article's ``2025/03/slug/``), each
    leading to that year's archive page (``archivio/2025/``), at the month's section.
    Only the folders of an article's own address that are its year, or its year and
    month, and only of the articles the archive lists that the public build writes now:
    a draft, an article held back until its date (a preview shows them), a hidden one,
    give none (their address is still "Pagina non trovata"). ``{}`` without year archives
    (``YEAR_ARCHIVE_SAVE_AS`` empty)."""
    if not settings.get("YEAR_ARCHIVE_SAVE_AS"):
        return {}
    zone = ZoneInfo(settings["TIMEZONE"])
    pages = {}
    for item in context.get("articles", ()):
        if public_fate(item.metadata, False, settings) != "now" or not item.save_as:
            continue
        date = item.date
        archive = str(settings["YEAR_ARCHIVE_URL"]).format(date=date)
        year, month = f"{date:%Y}", f"{date:%Y}/{date:%m}"
        folders = item.save_as.split("/")
        if folders[0] == year:
            pages[f"{year}/index.html"] = (archive_wording(year).title, archive)
        if "/".join(folders[:2]) == month:
            pages[f"{month}/index.html"] = (
                archive_wording(mese(date.replace(tzinfo=None), zone).lower()).title,
                f"{archive}#{ancora_mese(date)}")
    return pages


def items_written(context, settings):
    """``{address: source}`` of the items the public build writes now (published or
    hidden, translations too): ``/2024/05/slug/`` -> ``notizie/slug.md``."""
    return {"/" + without_index(item.save_as): source(item)
            for item, fate in context_items(context)
            if fate in PUBLIC and item.save_as
            and public_fate(item.metadata, isinstance(item, Page), settings) == "now"}


def items_withheld(context, settings):
    """``{source: {"fate": "draft" | "later", "date": "2027-05-06 10:00", "line": 4}}`` of
    the items the public build does not write now: drafts, and articles held back until
    their date (``date`` as the contract writes it; ``line``: that of ``status`` or
    ``date`` in the file, 0 unknown). A publish tells an editor why a published
    address vanished: the item became a draft, or its date moved into the future."""
    withheld = {}
    for item, _ in context_items(context):
        when = public_fate(item.metadata, isinstance(item, Page), settings)
        if when == "now":
            continue
        date, fate = item.metadata.get("date"), "later" if when == "later" else "draft"
        line = key_line(item, "date" if fate == "later" else "status")
        withheld[source(item)] = {"fate": fate, "line": line or 0,
                                  "date": as_written(date) if date is not None else ""}
    return withheld


def write_items_file(path, items, withheld=None):
    """The items' addresses and files as JSON, for ``invoke publish``
    (``REDIRECTS_ITEMS_FILE``): ``{"written": {address: source}, "withheld": {source:
    …}}`` (:func:`items_written`, :func:`items_withheld`): it names the file an editor can
    give a vanished address, or why its item is no longer on the site."""
    data = {"written": items, "withheld": withheld or {}}
    keep(path, json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8"))


class RedirectsGenerator:
    """Checks and writes the old addresses (nothing with REDIRECTS_ENABLED off)."""

    def __init__(self, context, settings, path, theme, output_path, **kwargs):
        self.context = context
        self.settings = settings
        self.output_path = output_path
        self.planned = []  # (output file, title, url, moved: an old address, not a period)
        self.items = {}  # output file -> the item at an old address

    def generate_context(self):
        if self.settings["REDIRECTS_ITEMS_FILE"]:
            write_items_file(self.settings["REDIRECTS_ITEMS_FILE"],
                             items_written(self.context, self.settings),
                             items_withheld(self.context, self.settings))
        if not self.settings["REDIRECTS_ENABLED"]:
            return
        claims, written, targets = [], {}, {}
        for item, fate in context_items(self.context):
            address, now = public_address(item, fate, self.settings)
            if not address:
                continue
            written[address] = source(item)
            found = rules.claims_of(source(item), key_line(item, KEY),
                                    item.metadata.get(KEY) or ())
            claims += found
            if now:  # a scheduled item's old addresses wait for it (in a preview too)
                targets.update({claim.file: item for claim in found})
        problems = rules.problems(claims, written)
        for problem in problems:
            report(self.context, problem.path, problem.message, problem.line)
        if not problems:
            self.planned = [(file, plain(item.title), item.url, True)
                            for file, item in sorted(targets.items())]
            self.items = targets
            # a year's or a month's address, unless an item, an old address or one of
            # Pelican's own period archives (MONTH_ARCHIVE_SAVE_AS…) is there
            taken = {file.lower() for file in targets} | {
                posixpath.normpath(address).lower() for address in written} | {
                str(archive["save_as"]).lower()
                for archives in (self.context.get("period_archives") or {}).values()
                for archive in archives}
            self.planned += [(file, title, url, False) for file, (title, url)
                             in sorted(period_pages(self.context, self.settings).items())
                             if file.lower() not in taken]

    def generate_output(self, writer):
        del writer  # not site pages: written directly
        # a year's or a month's marker only for a site at its host's root, where nginx's
        # rule sends /2025/ (its address there) to /archivio/2025/: under SITEURL's path
        # the page leads to /sito/archivio/2025/, and nginx serves the page
        at_root = not urlsplit(str(self.settings.get("SITEURL") or "")).path.strip("/")
        item_tags, archive_tags = _moved_tags(self.settings)
        # a year's and a month's page lead to the year's archive page (its url, without
        # the month's #fragment)
        archives = {archive["url"]: archive
                    for archive in (self.context.get("period_archives") or {}).get("year", ())}
        for file, title, url, moved in self.planned:
            if moved:  # the item's own preview
                tags = item_tags(self.items[file], self.settings)
            else:  # the archive's: the page it leads to
                archive = archives.get(url.partition("#")[0])
                tags = archive_tags(archive, self.settings) if archive else ()
            keep(os.path.join(self.output_path, *file.split("/")),
                 page.render(title, url, self.settings, moved, tags).encode("utf-8"))
            if not moved and at_root:
                marker = posixpath.join(posixpath.dirname(file), PERIOD_MARKER)
                keep(os.path.join(self.output_path, *marker.split("/")),
                     f"{page.targets(url, self.settings)[0]}\n".encode("utf-8"))
        if self.planned:
            logger.info("Writing %d old addresses (%s, years and months)",
                        len(self.planned), KEY)


def _moved_tags(settings):
    """plugins/seo's ``moved_item_tags`` and ``moved_archive_tags`` (the link preview tags
    of an item, and of a year's archive page; here run after every generator's context:
    the cover's copy for previews is known) where that plugin is on, else two functions
    giving none."""
    if "plugins.seo" not in (settings.get("PLUGINS") or ()):
        return (lambda item, settings: []), (lambda archive, settings: [])
    from plugins.seo.page import moved_archive_tags, moved_item_tags  # noqa: PLC0415

    return moved_item_tags, moved_archive_tags


def get_generators(pelican):
    return RedirectsGenerator
