"""Site addresses: Pelican's ``url`` and ``save_as`` values as readers see them."""

import os
import posixpath
import re
from types import SimpleNamespace
from urllib.parse import unquote, urljoin, urlsplit

from jinja2 import pass_context
from markupsafe import Markup, escape
from pelican.contents import Content

INDEX = "index.html"
# This machine's names: where http:// is fine (a preview, a local service, a test), and
# where the web editor's local backend may be.
LOOPBACK = ("localhost", "127.0.0.1", "::1")


def http_address(value):
    """``urlsplit(value)`` when ``value`` is an http(s) address with a host (and a port,
    if any, that is a number); None otherwise. What else an address may hold (a user, a
    query, http on another machine) each setting that takes one says."""
    try:
        parts = urlsplit(value)
        port_ok = parts.port is None or parts.port > 0  # ValueError: not a number
    except ValueError:  # "https://[::1", "https://stats.example.org:port"
        return None
    if not port_ok or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return parts


def without_index(url):
    """``2024/05/slug/index.html`` -> ``2024/05/slug/``; ``index.html`` -> ``""``.

    Pelican's paths end in ``index.html`` where the site's clean URLs end in ``/``.
    Also the ``without_index`` Jinja filter (registered by :func:`.settings.add_filters`).
    """
    text = str(url or "")
    if text == INDEX or text.endswith("/" + INDEX):
        return text[: -len(INDEX)]
    return text


def page_key(path):
    """An address of the site's pages as the cross-file rules compare them, whatever its
    ``index.html`` and its slashes: ``2024/05/festa/index.html`` (an item's ``save_as``),
    ``/2024/05/festa/`` and ``/2024/05/festa`` (as typed) -> ``/2024/05/festa``."""
    return "/" + without_index(str(path or "").lstrip("/")).rstrip("/")


# Where a line may break in an address shown as text, as the Chicago Manual of Style
# breaks them: after "//", before a single slash, a dot, a hyphen, an underscore, and
# before the signs of a query or a fragment.
_URL_BREAK = re.compile(r"(?<=//)(?=.)|(?<!/)(?<!^)(?=/(?!/))|(?<=.)(?=[.\-_~?#&=%])")


def breakable_url(url):
    """``url`` as HTML (escaped) with a ``<wbr>`` wherever a line may break in it
    (:data:`_URL_BREAK`): on a phone a feed's address was broken anywhere a line ran
    out, "avvisi.rss.x" and "ml" on the next line. Copied, it is the address as it was
    (``<wbr>`` is no character). Also the ``breakable_url`` Jinja filter."""
    text = str(url or "")
    pieces = [escape(piece) for piece in _URL_BREAK.split(text)]
    return Markup("<wbr>").join(pieces)


def site_address(settings):
    """The site's absolute address, without a final slash: ``SITEURL``, or in development
    (``SITEURL`` "") ``FEED_DOMAIN``, the local server's address; "" when neither is
    absolute. What other sites read (link previews, structured data, feed enclosures)."""
    for candidate in (settings.get("SITEURL"), settings.get("FEED_DOMAIN")):
        text = str(candidate or "").rstrip("/")
        if text.startswith(("https://", "http://")):
            return text
    return ""


def feed_address(settings):
    """Where the feeds are, without a final slash: Pelican's rule, ``FEED_DOMAIN``, else
    ``SITEURL`` (the feeds' own links, and the pages they follow)."""
    return str(settings.get("FEED_DOMAIN") or settings.get("SITEURL") or "").rstrip("/")


@pass_context
def feed_url(context, path):
    """A feed's address for the templates, ``path`` (``FEED_ALL_ATOM``,
    ``CATEGORY_FEED_RSS.format(slug=…)``) under :func:`feed_address` of the page's
    context: the ``feed_url`` Jinja global, the one spelling of the rule in the theme
    (``<head>``'s ``<link rel="alternate">``, the footer's and a category's links)."""
    return f"{feed_address(context)}/{path}"


def srcset_candidates(value):
    """``[(address, [descriptors])]`` of a ``srcset`` attribute (``a.webp 480w, b.webp
    800w``): what the contract checks and what the feeds make absolute."""
    return [(parts[0], parts[1:]) for parts in (candidate.split()
                                                for candidate in value.split(",")) if parts]


def feed_item_link(context, url):
    """The link Pelican's writer gives a feed item for a content ``url`` (plugins that
    change a feed's items find each one's article by it)."""
    siteurl = context.get("SITEURL", "")
    if context.get("RELATIVE_URLS"):
        return f"{siteurl.rstrip('/')}/{url}" if siteurl else url
    return urljoin(siteurl if siteurl.endswith("/") else siteurl + "/", url)


def feed_item_address(context, link, base=None):
    """A feed item's ``link`` (:func:`feed_item_link`) made absolute against the site's
    address (:func:`site_address`: ``FEED_DOMAIN`` in a build without ``SITEURL``, the
    previews'), as the feeds write it; ``link`` as it is when it is absolute already or
    the site has no absolute address. ``base``: that address, when the caller has it."""
    base = site_address(context) if base is None else base
    if not base or link.startswith(("https://", "http://")):
        return link
    return urljoin(base + "/", link)


FEED_ITEMS_KEY = "core_feed_items"  # the build's context: feed link -> article


def feed_item(context, entry):
    """The article (or translation) a feed entry shows, found by the link Pelican gives it
    (:func:`feed_item_link`; ``?ref=feed`` left out), or None. The index is made once per
    build and kept in its context: every feed of the build (a few dozen, at
    ``feed_generated``) asks it for each of its entries."""
    index = context.get(FEED_ITEMS_KEY)
    if index is None:
        index, base = {}, site_address(context)
        for article in context.get("articles") or ():
            for item in (article, *getattr(article, "translations", ())):
                link = feed_item_link(context, item.url)
                index[link] = item
                if not link.startswith(("https://", "http://")) and base:
                    # a site built without SITEURL (the previews): the link the feeds
                    # make absolute (plugins/feeds, feed_item_address), found by either
                    index[feed_item_address(context, link, base)] = item
        context[FEED_ITEMS_KEY] = index
    return index.get(entry["link"].removesuffix("?ref=feed"))


def freeze(items):
    """Keep each item's ``url`` and ``save_as`` as they are now.

    Pelican works them out on every access (the metadata copied, the pattern
    formatted), thousands of times per build: every listing card, feed entry,
    sitemap line and cache key asks again. Once every item is read they no longer
    change, so each item gets them as Pelican's own ``override_url`` and
    ``override_save_as``, which ``Content.get_url_setting`` returns as they are
    (an item whose metadata sets ``url:``/``save_as:`` has them already: the same values).
    """
    for item in items:
        for key in ("url", "save_as"):
            setattr(item, f"override_{key}", getattr(item, key))


def link_regex(settings):
    """Pelican's own pattern of ``{static}``/``{attach}``/``{filename}`` links in HTML
    (``Content._get_intrasite_link_regex``, from ``INTRASITE_LINK_REGEX``)."""
    return Content._get_intrasite_link_regex(SimpleNamespace(settings=settings))  # noqa: SLF001


def content_path(target, relative_dir):
    """The path under content/ that a link's ``target`` names (``/immagini/a.jpg``, or
    ``../immagini/città%201.jpg?v=2#x`` from an item in ``relative_dir``), every ``%xx``
    decoded, as Pelican, the contract's link check and the web server read it; None when
    it leaves content/. ``//host/a.jpg`` is a network-path reference: Pelican (urlparse)
    reads ``host`` as a host and looks for ``a.jpg``, as a browser would."""
    path = target.split("#", 1)[0].split("?", 1)[0]
    if path.startswith("//"):  # not two slashes of one path: "//immagini/a.jpg" is a.jpg
        host_and_path = path[2:].partition("/")
        path = host_and_path[1] + host_and_path[2]
    path = unquote(path)
    if path.startswith("/"):
        path = path.lstrip("/")
    else:
        path = posixpath.join(relative_dir.replace(os.sep, "/").replace("\\", "/"), path)
    path = posixpath.normpath(path)
    return None if path == ".." or path.startswith(("../", "/")) else path


def static_link_paths(texts, relative_dir, regex):
    """Source paths (relative to the content folder) of the ``{static}`` and ``{attach}``
    links of ``texts`` (HTML as read, before Pelican replaces the links) of an item in
    ``relative_dir``, every ``%xx`` decoded (``citt%C3%A0.jpg`` is ``città.jpg``, as the
    contract's link check and the web server read it)."""
    paths = set()
    for html in texts:
        for match in regex.finditer(html or ""):
            if match.group("what") not in ("static", "attach"):
                continue
            path = content_path(match.group("value"), relative_dir)
            if path is not None:  # one that leaves content/ is the contract's error
                paths.add(path)
    return paths


def static_links(item):
    """:func:`static_link_paths` of an item's body and summary: Pelican's
    ``get_static_links``, which reads only the body and decodes only ``%20``."""
    return static_link_paths((item._content, item.metadata.get("summary")),  # noqa: SLF001
                             item.relative_dir, item._get_intrasite_link_regex())  # noqa: SLF001
