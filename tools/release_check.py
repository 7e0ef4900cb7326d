"""Checks a built release before it goes live (``publisher.publish`` runs them).

``check_release(folder, siteurl)`` returns a list of problems, each a string
naming the file (relative to ``folder``) and what is wrong; an empty list
means the release may become current:

- every internal URL in every HTML file resolves to a file of the release:
  ``href``/``src``/``srcset`` of ``a``, ``link``, ``img``, ``script`` and
  ``source``, the shared image (``og:image``, ``twitter:image``) and where a
  ``<meta http-equiv="refresh">`` leads; HTML files are the ``.html``/``.htm`` ones
  and the ``.php`` or extension-less ones that start with ``<!DOCTYPE html`` (the
  pages at the old portal's addresses, plugins/redirects); so does every
  ``url(…)`` of every stylesheet (fonts, relative to the stylesheet) and every link
  and enclosure of every feed. Internal means under ``siteurl``, root-relative (``/…``) or
  relative to the page; ``mailto:``, ``tel:``, ``#fragments`` and other sites
  are ignored. URLs are percent-decoded, query and fragment dropped, and a URL
  ending in ``/`` (or naming a folder) resolves to its ``index.html``;
- the release has ``index.html`` and ``sitemap.xml``; every feed
  (``feeds/**/*.xml``) and ``sitemap.xml`` parse as XML, and every internal
  ``<loc>`` of the sitemap resolves (a ``<loc>`` on another host is a problem too);
- no draft or future item is present: no ``drafts/`` folder, no page marked
  BOZZA (a preview build), and no ``<article>`` dated in the future (its
  ``<meta property="article:published_time">`` if the page has one, else the
  first ``<time datetime>`` inside each ``<article>``: an article page, or each
  card of a listing);
- every Atom identifier and feed's own address is absolute (RFC 4287: an ``atom:id`` is
  an IRI, which excludes relative references; the ``rel="self"`` link is the feed's own
  address): a feed's and each entry's ``<id>``, and every ``<link rel="self">`` of the
  Atom namespace (the Atom feeds' and the RSS feeds' ``atom:link``). A relative id is
  not unique (another site's item at the same path has it too) and readers that resolve
  it against where they fetched the feed see a new item when that changes; a relative
  self link names wherever the feed was fetched from (a copy, a proxy), not the feed to
  subscribe to. An internal self link must name the feed itself;
- every precompressed copy (``X.gz``, ``X.br`` beside a file ``X``) decompresses
  to exactly ``X``: the web server sends the copy in place of the file, so a stale
  or truncated copy would be a broken page. ``.br`` copies are checked when the
  ``brotli`` module is importable (it is wherever the site builds).

It runs on the deploy machine before every switch, with the site's virtualenv
(``brotli`` optional). Which file a link names is :mod:`plugins.core.output`'s
``resolve``, ``files_of`` and ``exists``, the ones the build judges the links editors type
by address with (``plugins/content_checks/broken_links.py``), so a link it would refuse
stops the build first, at the Markdown file's line.
Command line: ``.venv/bin/python tools/release_check.py FOLDER SITEURL`` (exit 1 on
problems).
"""

import argparse
import gzip
import os
import posixpath
import re
import sys
import xml.etree.ElementTree as ET
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from plugins.core.output import exists, files_of, resolve  # noqa: E402

REQUIRED = ("index.html", "sitemap.xml")
# (tag, attribute) pairs whose value is a URL, or a srcset list of URLs
URL_ATTRIBUTES = {
    "a": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "script": ("src",),
    "source": ("src", "srcset"),
}
BOZZA_CLASS = "badge-bozza"  # theme/templates/partials/badge.html
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM_NS = "{http://www.w3.org/2005/Atom}"
SHARED_IMAGES = ("og:image", "twitter:image")  # <meta property|name=… content=URL>
CSS_URL_RE = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
# <meta http-equiv="refresh" content="0; url=/2024/05/slug/">: the address it goes to
REFRESH_RE = re.compile(r"""^\s*\d+(?:\.\d*)?\s*[;,]\s*(?:url\s*=\s*)?(['"]?)(.+?)\1\s*$""",
                        re.IGNORECASE)
# Pages written under other names: an old address of plugins/redirects (``.php``, or no
# extension at all: deploy/nginx.conf serves both as text/html), known by their start.
PAGE_SUFFIXES = (".html", ".htm")
OTHER_PAGE_SUFFIXES = (".php", "")
DOCTYPE = b"<!doctype html"
# An absolute IRI starts with its scheme (RFC 3987, RFC 3986 section 3.1); the ones that
# name a host (http, https) have one after "//".
SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
HOST_SCHEMES = ("http", "https")
NO_DOMAIN = "; a build without SITEURL and FEED_DOMAIN?"


def _no_domain(value):
    """:data:`NO_DOMAIN` for a value such a build writes (empty, or a site path: ``/…``),
    else nothing: a ``tag:`` with a space or ``https:/…`` is wrong for another reason."""
    return NO_DOMAIN if not value or value.startswith("/") else ""


class _PageParser(HTMLParser):
    """Collects a page's URLs, article dates and BOZZA marks in one pass."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls = []  # (tag, attribute, value)
        self.published = None  # <meta property="article:published_time" content>
        self.article_dates = []  # the first <time datetime> of each <article>
        self.bozza = False
        self._articles = []  # open <article> elements: has its date been seen?

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in URL_ATTRIBUTES.get(tag, ()):
            value = attributes.get(name)
            if not value:
                continue
            if name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.urls.append((tag, name, candidate.split()[0]))
            else:
                self.urls.append((tag, name, value.strip()))
        if BOZZA_CLASS in (attributes.get("class") or "").split():
            self.bozza = True
        if tag == "meta" and attributes.get("property") == "article:published_time":
            self.published = attributes.get("content")
        elif tag == "meta" and (attributes.get("property") or attributes.get("name")) in \
                SHARED_IMAGES and attributes.get("content"):
            self.urls.append(("meta", attributes.get("property") or attributes.get("name"),
                              attributes["content"].strip()))
        elif tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            url = refresh_url(attributes.get("content") or "")
            if url:
                self.urls.append(("meta", "http-equiv=refresh", url))
        elif tag == "article":
            self._articles.append(False)
        elif tag == "time" and self._articles and not self._articles[-1]:
            if attributes.get("datetime"):
                self.article_dates.append(attributes["datetime"])
                self._articles[-1] = True

    def handle_endtag(self, tag):
        if tag == "article" and self._articles:
            self._articles.pop()


def refresh_url(content):
    """The address of a ``<meta http-equiv="refresh">``'s ``content`` (None: none)."""
    match = REFRESH_RE.match(content)
    return match.group(2).strip() if match else None


def _is_page(folder, name):
    """Whether the release file ``name`` is an HTML page: ``.html``/``.htm``, or a
    ``.php`` or extension-less file that starts as one (an old address's page)."""
    suffix = posixpath.splitext(name)[1].lower()
    if suffix in PAGE_SUFFIXES:
        return True
    if suffix not in OTHER_PAGE_SUFFIXES:
        return False
    try:
        with open(folder / name, "rb") as handle:
            return handle.read(len(DOCTYPE)).lower() == DOCTYPE
    except OSError:
        return False


def _in_future(value, now):
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return False  # not a date: not ours to judge
    if moment.tzinfo is None:
        return moment > now.replace(tzinfo=None)
    return moment > now


def _decompressors():
    """{suffix: function(bytes) -> bytes} for the copies this machine can read."""
    found = {".gz": gzip.decompress}
    try:
        import brotli  # noqa: PLC0415 - optional: installed wherever the site builds
    except ImportError:
        return found
    found[".br"] = brotli.decompress
    return found


def compressed_copy_problems(folder, files):
    """Copies ``X.gz``/``X.br`` that do not decompress to the file ``X`` beside them."""
    problems = []
    decompressors = _decompressors()
    for name in sorted(files):
        original, suffix = os.path.splitext(name)
        if suffix not in decompressors or original not in files:
            continue
        try:
            data = decompressors[suffix]((folder / name).read_bytes())
        except Exception as error:  # noqa: BLE001 - gzip: OSError, EOFError, zlib.error; brotli.error
            problems.append(f"{name}: not a valid compressed copy of {original} ({error})")
            continue
        if data != (folder / original).read_bytes():
            problems.append(f"{name}: differs from {original} (a stale or broken copy)")
    return problems


def _feed_problems(name, tree, siteurl, files, folders):
    """The feed's internal links (Atom ``<link href>``, RSS ``<link>``) and enclosures
    (Atom ``rel="enclosure"``, RSS ``<enclosure url>``) that name no file."""
    urls = [(f"<link rel={link.get('rel', 'alternate')}>", link.get("href"))
            for link in tree.iter(f"{ATOM_NS}link")]
    urls += [("<link>", link.text) for link in tree.iter("link")]
    urls += [("<enclosure>", enclosure.get("url")) for enclosure in tree.iter("enclosure")]
    problems, seen = [], set()
    for what, url in urls:
        url = (url or "").strip()
        target = resolve(url, name, siteurl)
        if target is None or url in seen:
            continue
        seen.add(url)
        if target == "" or not exists(target, files, folders):
            problems.append(f"{name}: broken link {url} ({what})")
    return problems


def absolute_iri(value):
    """Whether ``value`` is an absolute IRI: a scheme and something after it, no white
    space, and a host for http(s) (``https:/x`` and ``//host/x`` are relative)."""
    if not value or any(character.isspace() for character in value):
        return False
    if not SCHEME_RE.match(value) or value.endswith(":"):
        return False
    parts = urlsplit(value)
    return parts.scheme.lower() not in HOST_SCHEMES or bool(parts.netloc)


def _atom_problems(name, tree, siteurl, files):
    """The feed's Atom ids (``<id>`` of the feed and of each entry) and ``rel="self"``
    links that are not absolute IRIs (RFC 4287, sections 4.2.6 and 4.2.7.2), and an
    internal self link that names another file of the release than the feed."""
    problems = []
    for element in tree.iter(f"{ATOM_NS}id"):
        value = (element.text or "").strip()
        if not absolute_iri(value):
            problems.append(f"{name}: id {value or '(empty)'} is not an absolute IRI (<id>:"
                            f" RFC 4287 4.2.6{_no_domain(value)})")
    for link in tree.iter(f"{ATOM_NS}link"):
        if link.get("rel") != "self":
            continue
        href = (link.get("href") or "").strip()
        if not absolute_iri(href):
            problems.append(f"{name}: self link {href or '(empty)'} is not an absolute IRI"
                            f" (<link rel=self>: RFC 4287 4.2.7.2{_no_domain(href)})")
            continue
        target = resolve(href, name, siteurl)
        if target and target != name and target in files:  # no file: a broken link, above
            problems.append(f"{name}: self link {href} names {target}, not this feed"
                            " (<link rel=self>)")
    return problems


def check_release(folder, siteurl="", now=None):
    """Every problem of the release in ``folder`` (strings naming file and URL)."""
    folder = Path(folder)
    if not folder.is_dir():
        return [f"{folder}: the release folder does not exist"]
    now = now or datetime.now().astimezone()
    files, folders = files_of(folder)
    problems = [f"{name}: missing" for name in REQUIRED if name not in files]
    if "drafts" in folders:
        problems.append("drafts/: drafts were written (a release holds no drafts)")

    for page in sorted(f for f in files if _is_page(folder, f)):
        parser = _PageParser()
        try:
            parser.feed((folder / page).read_text(encoding="utf-8", errors="replace"))
            parser.close()
        except OSError as error:
            problems.append(f"{page}: cannot be read ({error})")
            continue
        seen = set()
        for tag, attribute, url in parser.urls:
            target = resolve(url, page, siteurl)
            if target is None or url in seen:
                continue
            seen.add(url)
            if target == "" or not exists(target, files, folders):
                reason = f"no {target}" if target else "outside the site"
                problems.append(f"{page}: broken link {url} (<{tag} {attribute}>: {reason})")
        if parser.bozza:
            problems.append(f"{page}: marked BOZZA (a draft or future item: a preview build?)")
        dates = [parser.published] if parser.published else parser.article_dates
        for value in dates:
            if _in_future(value, now):
                problems.append(f"{page}: dated {value}, in the future (not yet to be published)")
                break

    for sheet in sorted(f for f in files if f.endswith(".css")):
        text = (folder / sheet).read_text(encoding="utf-8", errors="replace")
        for url in dict.fromkeys(match.group(2).strip() for match in CSS_URL_RE.finditer(text)):
            target = resolve(url, sheet, siteurl)
            if target is not None and (target == "" or not exists(target, files, folders)):
                problems.append(f"{sheet}: broken link {url} (url(): no {target or 'file'})")

    xml_files = [f for f in files if f.startswith("feeds/") and f.endswith(".xml")]
    xml_files += ["sitemap.xml"] if "sitemap.xml" in files else []
    for name in sorted(xml_files):
        try:
            tree = ET.parse(folder / name)
        except (ET.ParseError, OSError) as error:
            problems.append(f"{name}: not well-formed XML ({error})")
            continue
        if name == "sitemap.xml":
            for loc in tree.iter(f"{SITEMAP_NS}loc"):
                url = (loc.text or "").strip()
                target = resolve(url, name, siteurl)
                if target is None and siteurl:
                    problems.append(f"{name}: {url} is not on the site (<loc>)")
                elif target == "" or (target and not exists(target, files, folders)):
                    problems.append(f"{name}: broken link {url} (<loc>)")
        else:
            problems += _feed_problems(name, tree, siteurl, files, folders)
            problems += _atom_problems(name, tree, siteurl, files)
    problems += compressed_copy_problems(folder, files)
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description="Check a built release before it goes live.")
    parser.add_argument("folder", help="the release (a build's output folder)")
    parser.add_argument("siteurl", nargs="?", default="",
                        help="the SITEURL it was built with (default: none)")
    arguments = parser.parse_args(argv)
    problems = check_release(arguments.folder, arguments.siteurl)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
