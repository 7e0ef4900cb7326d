"""Addresses a new release takes away: the item pages of the current release that the
new one no longer has (``publisher.publish`` warns about them, or refuses with
``strict``).

What counts: the addresses of the current release's ``sitemap.xml`` (every listed
article and page) that are an item's, i.e. whose first segment the site does not write
itself (``plugins.content_checks.site_paths.reserved_paths``: categories, tags, authors,
archives, Documenti…; an item can never have such an address, and an old address of
plugins/redirects cannot either). Listings are left out: a tag or a category that
disappears, or a page of a listing (not in the sitemap), is normal churn nobody can act
on. An address is gone when the new release has no page there at all: neither an item
nor a page of plugins/redirects (``indirizzi_precedenti``).

Which file each address was (the current release's ``admin/slugs.json``, plugins/admin)
and the new release's items and their source files (``REDIRECTS_ITEMS_FILE``, written by
plugins/redirects) tell what became of it: the same file at another address (a title
changed without ``slug:``, a date corrected from May to June), then the warning names
the file and the line to add; the same file now a draft, or dated in the future (a typing
mistake in ``date``), then it says so. Without the old release's list (an old release),
the item with the same slug at another address is named, when there is one.

Documents (:func:`documents`): an attachment's file of the current release that the
new one has not (a corrected PDF saved under a new name, an attachment taken off its
item); its link may be in an e-mail or a post, and no page can take its address.

Feeds (:func:`feeds`): a feed file of the current release (``*.atom.xml``, ``*.rss.xml``
under a folder the feed settings name, ``FEED_ALL_ATOM``, ``CATEGORY_FEED_ATOM``…) that
the new release has not. A category's feeds exist only while it has a listed article:
its last one removed or moved, or the category renamed, and every subscriber's reader
gets a 404 with nobody told. Unlike the listing pages, someone can act on it (keep an
article there, or tell the subscribers).
"""

import json
import posixpath
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from plugins.content_checks.site_paths import reserved_paths
from plugins.core.output import resolve
from plugins.core.urls import without_index
from plugins.redirects.paths import KEY
from tools.release_check import SITEMAP_NS


@dataclass(frozen=True)
class Vanished:
    address: str  # /2024/05/slug/
    moved_to: str = ""  # the address of the new item with the same slug, if one
    source: str = ""  # that item's file, under the content folder
    held: str = ""  # "draft" or "later": the file is now a draft, or dated in the future
    date: str = ""  # its date, as written, when "later"
    line: int = 0  # the line of its `status` or `date`, 0 unknown
    document: bool = False  # an attachment's file (:func:`documents`)


def sitemap_files(release, siteurl=""):
    """The release paths (``2024/05/slug/index.html``) of the pages its sitemap lists;
    [] without a readable sitemap (an old release, a hand-made one)."""
    try:
        tree = ET.parse(Path(release) / "sitemap.xml")
    except (ET.ParseError, OSError):
        return []
    # the path only: the site may have moved to another host since
    paths = (urlsplit((loc.text or "").strip()).path for loc in tree.iter(f"{SITEMAP_NS}loc"))
    return [file for file in (resolve(path, "sitemap.xml", siteurl) for path in paths) if file]


def is_item(file, reserved):
    """Whether the release path is an item's: not the home page, not under a folder
    (or one of the files) the site writes itself."""
    first = file.split("/")[0]
    return file != "index.html" and first not in reserved


def address(file):
    """``2024/05/slug/index.html`` -> ``/2024/05/slug/``; ``a.html`` -> ``/a.html`` (as
    plugins/redirects writes the new release's addresses, ``REDIRECTS_ITEMS_FILE``)."""
    return "/" + without_index(file)


def slug(path):
    """The last segment of an address, without ``.html`` (``/2024/05/slug/`` -> ``slug``)."""
    last = path.rstrip("/").split("/")[-1]
    return posixpath.splitext(last)[0] if last.endswith((".html", ".htm")) else last


def has_page(release, file):
    return (Path(release) / file).is_file()


def _read_json(path):
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def read_items(path):
    """``{address: source}`` of the items the new release writes, from
    ``REDIRECTS_ITEMS_FILE``; {} when missing or broken."""
    items = _read_json(path).get("written")
    return items if isinstance(items, dict) else {}


def read_withheld(path):
    """``{source: {"fate": "draft" | "later", "date": …}}`` of the items the new release
    does not write now, from ``REDIRECTS_ITEMS_FILE``; {} when missing or broken."""
    withheld = _read_json(path).get("withheld")
    return withheld if isinstance(withheld, dict) else {}


ADMIN_SLUGS = "admin/slugs.json"  # plugins/admin: {"addresses": {source: address}, …}


def published_sources(release):
    """``{address: source}`` of the items a release published, from its ``admin/slugs.json``
    (plugins/admin); {} without one (the web editor off, an old release)."""
    addresses = _read_json(Path(release) / ADMIN_SLUGS).get("addresses")
    if not isinstance(addresses, dict):
        return {}
    return {address: source for source, address in addresses.items()
            if isinstance(address, str) and isinstance(source, str)}


def moved(old, items):
    """``(address, source)`` of the new item with the old address's slug, or ("", "")
    (none, or more than one: no guess)."""
    found = [(new, source) for new, source in items.items() if slug(new) == slug(old)]
    return found[0] if len(found) == 1 else ("", "")


def became(old, sources, items, withheld):
    """What became of the item that was at address ``old``: a :class:`Vanished` naming its
    file at its new address, or as a draft or an article dated in the future; by slug
    (:func:`moved`) when the old release does not say which file it was."""
    source = sources.get(old)
    if source is None:
        return Vanished(old, *moved(old, items))
    now = [new for new, file in items.items() if file == source]
    if now:
        return Vanished(old, now[0], source)
    fate = withheld.get(source)
    if isinstance(fate, dict) and fate.get("fate") in ("draft", "later"):
        line = fate.get("line")
        return Vanished(old, source=source, held=fate["fate"], date=str(fate.get("date", "")),
                        line=line if isinstance(line, int) and line > 0 else 0)
    return Vanished(old, *moved(old, items))


def find(current, new, settings, items, siteurl="", withheld=None):
    """The :class:`Vanished` addresses: items of release ``current`` with no page in
    release ``new``. ``settings``: the build's (reserved folders); ``items``: the new
    release's ``{address: source}``; ``siteurl``: the path the site lives under;
    ``withheld``: the new release's items it does not write now (:func:`read_withheld`)."""
    reserved = reserved_paths(settings)
    gone = [file for file in sitemap_files(current, siteurl)
            if is_item(file, reserved) and not has_page(new, file)]
    sources = published_sources(current)
    return [became(address(file), sources, items, withheld or {}) for file in gone]


FEED_SUFFIXES = (".atom.xml", ".rss.xml")
FEED_SETTING = re.compile(r"(?:[A-Z]+_)?FEED(?:_ALL)?_(?:ATOM|RSS)")


def feeds(current, new, settings):
    """The :class:`Vanished` feeds: feed files of release ``current`` that release ``new``
    has not. What a feed file is: its name ends with ``FEED_SUFFIXES`` and it lies in the
    folder of one of the build's feed settings (``feeds/categorie/{slug}.atom.xml`` ->
    ``feeds/categorie``), or is one of those settings' files (a feed at the top)."""
    names = [value for key, value in settings.items()
             if FEED_SETTING.fullmatch(key) and isinstance(value, str) and value]
    folders = {posixpath.dirname(name.split("{")[0]) for name in names}
    release = Path(current)
    found = {file for folder in folders - {""}
             for file in (release / folder).rglob("*") if file.name.endswith(FEED_SUFFIXES)}
    found |= {release / name for name in names if "{" not in name and "/" not in name}
    gone = sorted(file.relative_to(release).as_posix() for file in found if file.is_file())
    return [Vanished("/" + file) for file in gone if not has_page(new, file)]


def documents(current, new, settings):
    """The :class:`Vanished` documents: files of release ``current`` in the attachments'
    folder (``ATTACHMENTS_PATH``, where ``ATTACHMENTS_URL`` puts them by default) that
    release ``new`` has not, their previews and compressed copies aside. A document's
    address is in e-mails, posts and other sites as much as an article's: a corrected
    PDF saved under a new name, or an attachment taken off its item, leaves each of them
    a 404. [] when the settings put attachments elsewhere (no guess) or the site has no
    ``attachments`` plugin. ``settings``: a build's, the plugins' settings filled in
    (``publish_checks._build_settings``)."""
    if "plugins.attachments" not in settings["PLUGINS"]:
        return []
    folder, url = settings["ATTACHMENTS_PATH"], settings["ATTACHMENTS_URL"]
    save_as, preview = settings["ATTACHMENTS_SAVE_AS"], settings["ATTACHMENTS_PREVIEW_URL"]
    if not url.startswith("{dirname}/") or save_as != url:
        return []
    previews = preview.split("{slug}", 1)[-1]  # "-anteprima.webp" (it holds {slug}: checked)
    release = Path(current)
    found = sorted(file.relative_to(release).as_posix()
                   for file in (release / folder).rglob("*")
                   if file.is_file() and not file.name.endswith((".gz", ".br"))
                   and not (previews and file.name.endswith(previews)))
    return [Vanished("/" + file, document=True) for file in found if not has_page(new, file)]


def line(old):
    """The front-matter line that gives an item its old address back."""
    return f"{KEY}: [{old}]"


def describe(vanished, content="content"):
    """One line (Italian / English) about a vanished address and what to do."""
    if vanished.address.endswith(FEED_SUFFIXES):
        return (f"{vanished.address}: il feed non c'è più (la sua categoria è rimasta senza"
                f" articoli pubblicati o ha cambiato nome) e chi è iscritto non riceverà più"
                f" nulla: lascia almeno un articolo nella categoria, o avvisa gli iscritti"
                f" / the feed is gone (its category has no listed article left, or was"
                f" renamed): keep an article in the category, or tell its subscribers")
    if vanished.document:
        return (f"{vanished.address}: il documento non c'è più, e chi ha il suo link (in"
                f" un'e-mail, in un post, in un altro sito) troverà «Pagina non trovata»;"
                f" per pubblicare una versione corretta di un documento, salvala con il nome"
                f" del file vecchio e lascia l'allegato com'era; se l'hai tolto apposta,"
                f" va bene così / the document is gone: save a corrected version under the"
                f" old file name; if removed on purpose, nothing to do")
    file = posixpath.join(str(content), vanished.source) if vanished.source else ""
    at = f"{file}:{vanished.line}" if vanished.line else file
    if vanished.held == "draft":
        return (f"{vanished.address}: {at} ora è una bozza (`status: draft`) e non è più sul"
                f" sito; se l'hai tolto apposta, va bene così, altrimenti scrivi"
                f" `status: published` / {file} is now a draft")
    if vanished.held == "later":
        return (f"{vanished.address}: {at} ora ha una data nel futuro (`date:"
                f" {vanished.date}`) e non sarà sul sito fino ad allora; se la data è un"
                f" errore, correggila / {file} is now dated in the future")
    if vanished.source:
        return (f"{vanished.address} ora è {vanished.moved_to}: aggiungi a {file} la riga"
                f" `{line(vanished.address)}` (o l'indirizzo all'elenco, se c'è già)"
                f" / now at {vanished.moved_to}: add that line to {file}")
    return (f"{vanished.address}: se l'articolo o la pagina ha un nuovo indirizzo, aggiungi al"
            f" suo file la riga `{line(vanished.address)}`; se è stato tolto apposta, va bene"
            f" così / if the item moved, add that line to its file; if it was removed on"
            f" purpose, nothing to do")
