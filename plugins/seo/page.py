"""From a template's context to what the page tells other sites (the Jinja glue).

:func:`page_seo` and :func:`sharing` are Jinja globals: ``base.html``
calls ``page_seo(title, description)`` once per page, ``article.html`` calls
``sharing(article)``. They read the page's context (``article``,
``page``, ``output_file``, the settings) and hand the plain values to the pure
functions of :mod:`.structured` and :mod:`.share`.
"""

import functools
from dataclasses import dataclass, field
from urllib.parse import quote
from zoneinfo import ZoneInfo

from babel.core import Locale, UnknownLocaleError, get_global
from jinja2 import pass_context

from plugins.core.items import cover_path
from plugins.core.terms import written
from plugins.core.urls import site_address, without_index
from plugins.italian.dates import data_iso
from plugins.italian.numbers import LOCALE

from . import share, structured
from .text import absolute, plain, shorten

DESCRIPTION_LENGTH = 160  # characters of a meta description: search results cut the rest


@dataclass
class PageSeo:
    canonical: str = ""  # absolute URL of the page ("" without a site address)
    open_graph: list = field(default_factory=list)  # [(property, content)]
    twitter: list = field(default_factory=list)  # [(name, content)]
    json_ld: list = field(default_factory=list)  # [dict], one <script> each
    description: str = ""  # the meta description, as text, at most DESCRIPTION_LENGTH


def _address(context):
    return site_address(context)


def _publisher(context, address):
    return structured.Organization(plain(context.get("SITENAME")), absolute(address, ""),
                                   absolute(address, context.get("SEO_LOGO")))


def _authors(item, context, address):
    organizations = set(context.get("SEO_ORGANIZATION_AUTHORS") or ())
    result = []
    for author in getattr(item, "authors", None) or ():
        kind = structured.Organization if author.name in organizations else structured.Person
        # the author's page only where the build writes it (not for an author only
        # hidden articles or translations have: plugins/core/terms.py)
        url = absolute(address, author.url) if written(author) else ""
        result.append(kind(plain(author.name), url))
    return tuple(result)


def _image(item, address):
    """The absolute URL of the item's cover image for link previews: its JPEG copy
    (plugins/images, ``cover.share``: at most 1200 px, no metadata), else the file itself;
    %-encoded (a space or an accent would make it an invalid URL for the sites that
    fetch it)."""
    image = getattr(item, "image", None)
    if not image or not address:
        return ""
    cover = getattr(item, "cover", None)
    path = getattr(cover, "share", "") or cover_path(image)
    return absolute(address, quote(path, safe="/"))


def _article_data(article, context, address, canonical, description):
    zone = ZoneInfo(context.get("TIMEZONE") or "UTC")
    published = data_iso(article.date, zone)
    modified = getattr(article, "modified", None)
    image = _image(article, address)
    return structured.news_article(structured.NewsArticle(
        headline=plain(article.title), url=canonical, published=published,
        modified=data_iso(modified, zone) if modified else published,
        description=description, authors=_authors(article, context, address),
        publisher=_publisher(context, address), images=(image,) if image else (),
        section=plain(article.category.name) if article.category else "",
        keywords=tuple(plain(tag.name) for tag in getattr(article, "tags", None) or ()),
        language=language(context, article)))


def locale(context, item=None):
    """The page's locale, as Open Graph writes it (``it_IT``): ``SEO_LOCALE``, or the
    item's own ``lang`` where it is not the site's (a translation: ``en`` -> ``en_US``,
    its likely territory by Babel's CLDR data; the bare language when Babel knows none)."""
    lang = getattr(item, "lang", None)
    if lang and lang != context.get("DEFAULT_LANG"):
        return _with_territory(str(lang))
    return str(context.get("SEO_LOCALE") or LOCALE)


@functools.lru_cache(maxsize=64)
def _with_territory(lang):
    key = lang.replace("-", "_")
    try:
        found = Locale.parse(get_global("likely_subtags").get(key, key))
    except (ValueError, UnknownLocaleError):
        return key
    return f"{found.language}_{found.territory}" if found.territory else found.language


def language(context, item=None):
    """``it_IT`` -> ``it-IT`` (BCP 47, as schema.org's inLanguage wants)."""
    return locale(context, item).replace("_", "-")


@pass_context
def page_seo(context, title="", description=""):
    """:class:`PageSeo` of the page being written. ``title`` and ``description`` are the
    page's own (base.html's ``title`` and ``description`` blocks), as text or HTML."""
    # what search results and link previews show: about 155-160 characters, the rest cut
    description = shorten(plain(description), DESCRIPTION_LENGTH)
    address = _address(context)
    if not address:
        return PageSeo(description=description)
    article, page = context.get("article"), context.get("page")
    item = article or page
    output_file = context.get("output_file") or ""
    canonical = absolute(address, without_index(output_file))
    site_name = plain(context.get("SITENAME"))
    title = plain(title) or " – ".join(
        filter(None, (site_name, plain(context.get("SITESUBTITLE")))))
    home = absolute(address, "")

    graph = [("og:locale", locale(context, item)), ("og:site_name", site_name),
             ("og:type", "article" if article else "website"), ("og:title", title)]
    if description:
        graph.append(("og:description", description))
    graph.append(("og:url", canonical))
    image = _image(item, address) if item else ""
    if image:
        graph.append(("og:image", image))
        cover = getattr(item, "cover", None)  # plugins/images: its size, read from the file
        if getattr(cover, "share", ""):  # without a size, some sites show no image at first
            graph += [("og:image:type", "image/jpeg"), ("og:image:width", str(cover.share_width)),
                      ("og:image:height", str(cover.share_height))]
        elif cover is not None:
            graph += [("og:image:width", str(cover.width)), ("og:image:height", str(cover.height))]
        if getattr(item, "image_alt", None):
            graph.append(("og:image:alt", plain(item.image_alt)))
    elif context.get("SEO_LOGO"):  # no picture of its own: the site's logo, not nothing
        graph += [("og:image", absolute(address, context["SEO_LOGO"])),
                  ("og:image:alt", f"Il logo di {site_name}")]
    twitter = [("twitter:card", "summary_large_image" if image else "summary")]

    json_ld = []
    if article:
        zone = ZoneInfo(context.get("TIMEZONE") or "UTC")
        graph.append(("article:published_time", data_iso(article.date, zone)))
        if getattr(article, "modified", None):
            graph.append(("article:modified_time", data_iso(article.modified, zone)))
        if article.category:
            graph.append(("article:section", plain(article.category.name)))
        graph += [("article:tag", plain(tag.name)) for tag in getattr(article, "tags", ())]
        json_ld.append(_article_data(article, context, address, canonical, description))
        # the category is a step only where its page is written: every step but the
        # last needs an address
        category = ([(plain(article.category.name), absolute(address, article.category.url))]
                    if written(article.category) else [])
        json_ld.append(structured.breadcrumb_list(
            [("Home", home), *category, (plain(article.title), canonical)]))
    elif page:
        json_ld.append(structured.breadcrumb_list([("Home", home), (plain(page.title), canonical)]))
    elif output_file == context.get("INDEX_SAVE_AS", "index.html"):
        json_ld.append(structured.website(site_name, home,
                                          plain(context.get("SITEDESCRIPTION")),
                                          _publisher(context, address), language(context)))
    return PageSeo(canonical, graph, twitter, json_ld, description)


@pass_context
def sharing(context, item):
    """:class:`.share.Sharing` of an article or page: its address and share links."""
    url = absolute(_address(context), item.url)
    return share.Sharing(url, share.share_links(url, plain(item.title)))
