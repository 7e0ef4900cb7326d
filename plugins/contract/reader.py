"""The Markdown reader for the editors' contract.

It owns the whole step from a file to what Pelican's ``Content`` expects: the
checks (:func:`.check.check_file`, shared with ``invoke check``), then the values
Pelican wants (``Tag``, ``Category``, ``Author`` objects, the slug, the category
from the folder) and the typography pass, once per text (so Pelican's content
cache keeps it). It builds on Pelican's public ``MarkdownReader`` only: no private
member of another package is relied upon (pelican-yaml-metadata is not used).

Front matter is text: the title is escaped before typography and handed to the
templates as ``Markup`` (safe HTML: ``<`` shows as typed), every other value is
plain text that the templates escape (``JINJA_ENVIRONMENT`` autoescape).
"""

import logging
import os
from dataclasses import dataclass

from markdown import Markdown
from markupsafe import Markup
from pelican.readers import MarkdownReader
from pelican.urlwrappers import Author, Category, Tag

from plugins.core.items import LINES_KEY, LINKS_KEY
from plugins.core.problems import WARNING, Problem
from plugins.core.settings import loaded_setting
from plugins.core.text import title_from_name
from plugins.italian.slugs import item_slug
from plugins.italian.typography import keep_names_whole, mark_names, mark_terms, smarten

from .ahead import EXTENSIONS, STATE_KEY
from .cache import FileCache
from .check import check_file, escape_text, is_page, unreadable
from .errors import ContentError
from .rawhtml import DetailsMarkdownExtension
from .schema import distant_date, future_modified, future_page_date
from .speedups import SpeedupsExtension

logger = logging.getLogger(__name__)
META_EXTENSION = "markdown.extensions.meta"


@dataclass
class Read:
    """What reading a file gives, typography done: kept by the cache (plain values only)."""

    content: str
    metadata: dict
    key_lines: dict
    warnings: list
    title: str | None
    summary: str | None
    links: list  # Checked.links: [(file its {filename} links lead to, line)]…
    slug: str  # its ``slug``, else its title's (``item_slug``: unidecode, Pelican's slugify)


def make_markdown(settings):
    """The site's Markdown converter, as ``MARKDOWN`` configures it.

    The header is split off before Markdown runs, so without the meta extension (a
    body whose first line is "Nota: …" is text); with Markdown inside a ``<details>``
    (:mod:`.rawhtml`), and :mod:`.speedups` (the same HTML, sooner).
    """
    options = settings["MARKDOWN"]
    extensions = [*options.get("extensions", ()), *options.get("extension_configs", {})]
    markdown = Markdown(**{**options, "extensions": [
        *(e for e in dict.fromkeys(extensions) if e != META_EXTENSION),
        DetailsMarkdownExtension(), SpeedupsExtension()]})
    # A numbered list keeps the number it starts from (``<ol start="3">``): by default
    # Python-Markdown numbers every list from 1, so a list an editor resumed after a
    # paragraph ("3. …") was published as 1, 2…, and a line "2024. Un anno…" lost its
    # year. The site's MARKDOWN enables sane_lists, which does this too (and keeps a
    # numbered list after a bulleted one a list of its own); this holds it for any
    # MARKDOWN without it.
    if "olist" in markdown.parser.blockprocessors:
        markdown.parser.blockprocessors["olist"].LAZY_OL = False
    return markdown


def category_name(folder, names):
    """Display name of a category folder: configured, or ``my-folder`` -> ``My folder``."""
    return names.get(folder) or title_from_name(folder)


_SHARED = []  # [(settings, Markdown, FileCache or None)]: the last build's


def shared_parts(settings):
    """The Markdown converter and the file cache of a build: one pair per settings object
    (Pelican makes a reader per file extension and per generator: twelve a build). The
    readers of a build take turns, and ``render`` resets the converter before each text;
    processes forked from this one (reading ahead, ``invoke check``) start with a copy."""
    if not _SHARED or _SHARED[0][0] is not settings:
        cache = FileCache(settings, "contract") if settings["CONTRACT_CACHE"] else None
        _SHARED[:] = [(settings, make_markdown(settings), cache)]
    return _SHARED[0][1:]


def shared_cache(settings):
    """The build's file cache (None when CONTRACT_CACHE is off)."""
    return shared_parts(settings)[1]


def read_checked(source_path, relative, data, settings, markdown):
    """``(Checked, Read)`` of a file's bytes: the checks, then typography once per text;
    ``Read`` is None when the file has errors. The same in a build's reader and in the
    processes that read ahead for it (:mod:`.ahead`)."""
    checked = check_file(source_path, relative, settings, markdown, data=data)
    if checked.errors:
        return checked, None
    meta = checked.metadata
    title = None
    if meta.get("title"):  # the site's names and English terms marked: plugins/italian's
        names = loaded_setting(settings, "ITALIAN_PROPER_NAMES")
        title = mark_terms(keep_names_whole(mark_names(smarten(escape_text(meta["title"])),
                                                       names)),
                           loaded_setting(settings, "ITALIAN_ENGLISH_TERMS"))
    return checked, Read(
        content=smarten(checked.content), metadata=meta, key_lines=checked.key_lines,
        warnings=checked.warnings, title=title,
        summary=smarten(checked.summary) if checked.summary is not None else None,
        links=checked.links, slug=item_slug(meta, settings["SLUG_REGEX_SUBSTITUTIONS"]))


class ContractReader(MarkdownReader):
    """Markdown with YAML front matter or Pelican's native header, strictly checked."""

    enabled = True
    file_extensions = list(EXTENSIONS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._md, self._cache = shared_parts(self.settings)

    def read(self, source_path):
        relative = os.path.relpath(source_path, self.settings["PATH"]).replace(os.sep, "/")
        try:
            with open(source_path, "rb") as handle:
                data = handle.read()
        except OSError as error:
            problem = unreadable(relative, error)
            logger.error("%s", problem)
            raise ContentError(relative, [str(problem)]) from None
        read = self._cache.get(relative, data) if self._cache else None
        if read is None:
            read = self._read(source_path, relative, data)
        for warning in read.warnings:
            logger.warning("%s", warning)
        metadata = dict(read.metadata)
        late = future_modified(metadata)  # depends on the day: never kept in the cache
        if late:
            logger.warning("%s", Problem(relative, late, read.key_lines.get("modified"),
                                         WARNING))
        page = is_page(relative, self.settings)
        distant = distant_date(metadata, page) or future_page_date(metadata, page)  # so do these
        if distant:
            logger.warning("%s", Problem(relative, distant, read.key_lines.get("date"),
                                         WARNING))
        self._apply_defaults(metadata, relative, read.slug)
        result = self._to_pelican(metadata, read)
        result[LINES_KEY] = read.key_lines  # for problems found later (other plugins)
        result[LINKS_KEY] = read.links  # for content_checks (links to unpublished items)
        return read.content, result

    def _read(self, source_path, relative, data):
        """Check the file (or take what was read ahead); the result with typography done,
        kept in the cache."""
        ahead = self.settings.get(STATE_KEY)
        result = ahead.take(relative, data) if ahead is not None else None
        checked, read = result or read_checked(source_path, relative, data, self.settings,
                                               self._md)
        if read is None:
            for warning in checked.warnings:
                logger.warning("%s", warning)
            for error in checked.errors:
                logger.error("%s", error)
            raise ContentError(relative, [str(error) for error in checked.errors])
        if self._cache:
            self._cache.put(relative, data, checked.deps, read)
        return read

    def _apply_defaults(self, metadata, relative, slug):
        folder = relative.split("/")[0] if "/" in relative else ""
        if "category" not in metadata and folder and not is_page(relative, self.settings):
            metadata["category"] = category_name(folder,
                                                 self.settings["CONTRACT_CATEGORY_NAMES"])
        metadata.setdefault("slug", slug)  # Read.slug: worked out once, kept in the cache
        if metadata.get("status") == "draft" and self.settings["CONTRACT_PREVIEW_DRAFTS"]:
            metadata["status"] = "published"
            metadata["bozza"] = True

    def _to_pelican(self, metadata, read):
        """Checked values -> what Pelican's Content expects (as its own readers give it)."""
        settings, result = self.settings, {}
        for key, value in metadata.items():
            if key == "title":
                value = Markup(read.title)
            elif key == "summary":
                value = Markup(read.summary or "")
            elif key == "tags":
                value = [Tag(name, settings) for name in value]
            elif key == "authors":
                value = [Author(name, settings) for name in value]
            elif key == "author":
                value = Author(value, settings)
            elif key == "category":
                value = Category(value, settings)
            result[key] = value
        return result
