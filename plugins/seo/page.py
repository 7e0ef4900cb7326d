"""From a template's context to what the page tells other sites (the Jinja glue).

:func:`page_seo`, :func:`sharing` and :func:`archive_words` are Jinja globals:
``base.html`` calls ``page_seo(title, description, breadcrumb_trail)`` once per page,
``article.html`` calls ``sharing(article)``. They read the page's context (``article``,
``page``, ``output_file``, the settings) and hand the plain values to the pure
functions of :mod:`.structured` and :mod:`.share`.
"""

import functools
import os
from dataclasses import dataclass, field
from urllib.parse import quote
from zoneinfo import ZoneInfo

from babel.core import Locale, UnknownLocaleError, get_global
from jinja2 import pass_context
from markupsafe import Markup
from pelican.contents import Article
from PIL import Image, UnidentifiedImageError

from plugins.assets import published_file
from plugins.core.items import cover_path
from plugins.core.pages import at_url
from plugins.core.terms import written
from plugins.core.urls import site_address, without_index
from plugins.italian.dates import data_iso
from plugins.italian.words import archive_wording

from . import share, structured
from .text import absolute, plain, shorten

DESCRIPTION_LENGTH = 160  # characters of a meta description: search results cut the rest
# schema.org's type of a page of content/pages by the setting naming its address: the
# project's page is the site's about page, the contacts' its contact page; the others
# are a WebPage
PAGE_TYPES = {"PROJECT_PAGE": "AboutPage", "CONTACT_PAGE": "ContactPage"}
# The listings of articles (a CollectionPage each) by their template
LISTINGS = frozenset({"index.html", "category.html", "tag.html", "author.html"})
PREVIEW_MIN = 200  # px, each side: Facebook ignores a smaller og:image
LARGE_CARD_MIN = (300, 157)  # px: the smallest picture of X's summary_large_image card


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
                                   absolute(address, context["SEO_LOGO"]))


def _authors(item, context, address):
    organizations = set(context["SEO_ORGANIZATION_AUTHORS"])
    result = []
    for author in getattr(item, "authors", None) or ():
        kind = structured.Organization if author.name in organizations else structured.Person
        # the author's page only where the build writes it (not for an author only
        # hidden articles or translations have: plugins/core/terms.py)
        url = absolute(address, author.url) if written(author) else ""
        result.append(kind(plain(author.name), url))
    return tuple(result)


@dataclass(frozen=True)
class Picture:
    """An image other sites fetch: absolute ``url``, its size (0 when not measured),
    MIME ``type`` ("" when not known) and ``alt`` text."""

    url: str
    width: int = 0
    height: int = 0
    type: str = ""
    alt: str = ""

    def at_least(self, width, height):
        """Whether it is ``width`` x ``height`` or larger (a size not measured: assumed so)."""
        return not self.width or (self.width >= width and self.height >= height)


def _cover(item, address):
    """The item's cover image for link previews as a :class:`Picture`, or None: its JPEG
    copy (plugins/images, ``cover.share``: at most 1200 px, no metadata), else the file
    itself; %-encoded (a space or an accent would make it an invalid URL for the sites
    that fetch it)."""
    image = getattr(item, "image", None)
    if not image or not address:
        return None
    cover = getattr(item, "cover", None)  # plugins/images: its size, read from the file
    alt = plain(getattr(item, "image_alt", None) or "")
    if getattr(cover, "share", ""):
        return Picture(absolute(address, quote(cover.share, safe="/")), cover.share_width,
                       cover.share_height, "image/jpeg", alt)
    url = absolute(address, quote(cover_path(image), safe="/"))
    if cover is not None:
        return Picture(url, cover.width, cover.height, alt=alt)
    return Picture(url, alt=alt)


def _image(item, address):
    """The absolute URL of the item's cover for JSON-LD, "" without one."""
    cover = _cover(item, address)
    return cover.url if cover else ""


def _card(context, address, site_name):
    """The picture of a page without a cover of its own (or one too small), before the
    logo: the site's card (``SEO_SHARE_IMAGE``: the mark, name and motto, 1200 x 630, the
    shape of a large preview; the square logo was a small thumbnail on Facebook,
    LinkedIn and WhatsApp); None when the setting is empty."""
    subtitle = plain(context.get("SITESUBTITLE"))
    return _site_picture(context, address, "SEO_SHARE_IMAGE",
                         f"{site_name} – {subtitle}" if subtitle else site_name)


def _logo(context, address, site_name):
    """The site's logo (``SEO_LOGO``) as a :class:`Picture`, measured from the file the
    build publishes there (plugins/assets), or None without one."""
    return _site_picture(context, address, "SEO_LOGO", f"Il logo di {site_name}")


def _site_picture(context, address, setting, alt):
    """The picture the build publishes at the site path of ``setting`` (plugins/assets),
    measured from its file, described by ``alt``; None when the setting is empty."""
    path = context[setting].lstrip("/")
    if not path:
        return None
    settings = {name: context.get(name) for name in (
        "THEME", "THEME_STATIC_DIR", "ASSETS_STATIC_PATHS", "THEME_STATIC_PATHS",
        "IGNORE_FILES", "PATH")}
    source = _logo_file(path, **{name: tuple(value) if isinstance(value, list) else value
                                 for name, value in settings.items()})
    try:
        size = _measured(source, os.stat(source).st_mtime_ns) if source else (0, 0, "")
    except OSError:
        size = (0, 0, "")
    return Picture(absolute(address, path), *size, alt=alt)


@functools.lru_cache(maxsize=8)
def _logo_file(path, **settings):
    """The file published at the site path ``path`` (once per run: the theme's folders are
    walked to know), or None."""
    return published_file(settings, path)


@functools.lru_cache(maxsize=8)
def _measured(source, changed):
    """(width, height, MIME type) of the image file ``source`` (``changed``: its
    modification time, so a redrawn logo is measured again); zeros and "" if unreadable."""
    try:
        with Image.open(source) as image:
            return (*image.size, Image.MIME.get(image.format, ""))
    except (OSError, UnidentifiedImageError):
        return 0, 0, ""


def _article_data(article, context, address, canonical, description):
    zone = ZoneInfo(context["TIMEZONE"])
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
    return context["SEO_LOCALE"]


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


def _social(context, item, is_article, canonical, title, description):
    """``(open_graph, twitter)``: the Open Graph and Twitter card tags of the page at
    ``canonical`` (an article's when ``is_article``; ``item`` the article or page shown,
    None on a listing), titled ``title`` and described by ``description`` (plain text)."""
    address = _address(context)
    site_name = plain(context.get("SITENAME"))
    graph = [("og:locale", locale(context, item)), ("og:site_name", site_name),
             ("og:type", "article" if is_article else "website"), ("og:title", title)]
    if description:
        graph.append(("og:description", description))
    graph.append(("og:url", canonical))
    # the cover, unless too small for link previews (Facebook shows none under 200 x
    # 200 px): then, as for an item without one, the site's card, not nothing
    cover = _cover(item, address) if item else None
    if cover is not None and not cover.at_least(PREVIEW_MIN, PREVIEW_MIN):
        cover = None
    wide = cover or _card(context, address, site_name)
    picture = wide or _logo(context, address, site_name)
    if picture is not None:
        graph.append(("og:image", picture.url))
        if picture.type:
            graph.append(("og:image:type", picture.type))
        if picture.width:  # without a size, some sites show no image at first
            graph += [("og:image:width", str(picture.width)),
                      ("og:image:height", str(picture.height))]
        if picture.alt:
            graph.append(("og:image:alt", picture.alt))
    # X's large card wants a picture of at least 300 x 157 px; the square logo is a
    # small card's
    large = wide is not None and wide.at_least(*LARGE_CARD_MIN)
    twitter = [("twitter:card", "summary_large_image" if large else "summary")]
    if picture is not None and picture.alt:  # X reads no og:image:alt: its own, or none
        twitter.append(("twitter:image:alt", picture.alt))
    if is_article:
        zone = ZoneInfo(context["TIMEZONE"])
        graph.append(("article:published_time", data_iso(item.date, zone)))
        if getattr(item, "modified", None):
            graph.append(("article:modified_time", data_iso(item.modified, zone)))
        if item.category:
            graph.append(("article:section", plain(item.category.name)))
        graph += [("article:tag", plain(tag.name)) for tag in getattr(item, "tags", ())]
    return graph, twitter


def _description(description, item, context):
    """What search results and link previews show: ``description`` (text or HTML), else
    the item's first paragraph with text, else its attachments, else the site's
    description, as plain text cut at a word to :data:`DESCRIPTION_LENGTH` characters."""
    # A description without text (a summary that is only a picture) would be an empty
    # one: the item's first paragraph with text says it, else the site's description.
    first_text = Markup(getattr(item, "first_text", "") or "")  # plugins/article_meta
    return shorten(plain(description) or plain(first_text) or _attachments_text(item)
                   or plain(context.get("SITEDESCRIPTION")), DESCRIPTION_LENGTH)


def _attachments_text(item):
    """What an item that is only its documents (a press release published as a PDF
    alone) offers, as its page lists it: "Allegato: Bando (PDF, 245 kB, 3 pagine)." and
    the documents' descriptions; "" without attachments (plugins/attachments). The
    site's description, the same on every such page, said nothing of the document."""
    attachments = getattr(item, "attachments", None) or ()
    if not attachments:
        return ""
    word = "Allegato" if len(attachments) == 1 else "Allegati"
    labels = ", ".join(plain(attachment.label) for attachment in attachments)
    notes = [plain(attachment.description) for attachment in attachments
             if plain(attachment.description)]
    return " ".join([f"{word}: {labels}.", *notes])


@pass_context
def page_seo(context, title="", description="", trail=None):
    """:class:`PageSeo` of the page being written. ``title`` and ``description`` are the
    page's own (base.html's ``title`` and ``description`` blocks), as text or HTML;
    ``trail`` the breadcrumb it shows (the template's ``breadcrumb_trail``, which
    base.html shows: :func:`breadcrumb_data`), None for none. The page's
    ``BreadcrumbList`` and its ``WebPage``'s ``breadcrumb`` come from it together: a
    template without a breadcrumb has neither, none names a list the page lacks."""
    article, page = context.get("article"), context.get("page")
    item = article or page
    description = _description(description, item, context)
    address = _address(context)
    if not address:
        return PageSeo(description=description)
    output_file = context.get("output_file") or ""
    canonical = absolute(address, without_index(output_file))
    site_name = plain(context.get("SITENAME"))
    title = plain(title) or " – ".join(
        filter(None, (site_name, plain(context.get("SITESUBTITLE")))))
    home = absolute(address, "")
    graph, twitter = _social(context, item, bool(article), canonical, title, description)

    crumbs = breadcrumb_data(address, canonical, trail)
    json_ld = []
    if article:
        json_ld.append(_article_data(article, context, address, canonical, description))
    elif page:
        json_ld.append(structured.web_page(structured.WebPage(
            _page_type(page, context), title, canonical, site_name, home, description,
            language(context, page), breadcrumb=crumbs is not None,
            modified=_page_modified(page, context))))
    else:
        if output_file == context.get("INDEX_SAVE_AS", "index.html"):
            json_ld.append(structured.website(site_name, home,
                                              plain(context.get("SITEDESCRIPTION")),
                                              _publisher(context, address), language(context)))
        if context.name in LISTINGS:  # the template written (Jinja's name of the context)
            json_ld.append(structured.web_page(structured.WebPage(
                "CollectionPage", title, canonical, site_name, home, description,
                language(context), breadcrumb=crumbs is not None)))
    if crumbs is not None:
        json_ld.append(crumbs)
    return PageSeo(canonical, graph, twitter, json_ld, description)


def _page_type(page, context):
    """``AboutPage`` for the page at ``PROJECT_PAGE``, ``ContactPage`` for the one at
    ``CONTACT_PAGE`` (the settings' addresses, as ``at_url`` finds them), else ``WebPage``."""
    return next((kind for name, kind in PAGE_TYPES.items()
                 if context.get(name) and at_url((page,), context.get(name))), "WebPage")


def _page_modified(page, context):
    """A page's last change as JSON-LD writes it: its ``modified``, else its ``date`` when
    its front matter gives one (a page has no date of its own), else ""."""
    when = getattr(page, "modified", None) or (
        page.date if "date" in page.metadata else None)
    return data_iso(when, ZoneInfo(context["TIMEZONE"])) if when else ""


def breadcrumb_data(address, canonical, trail):
    """The ``BreadcrumbList`` dict of the breadcrumb a page shows (``trail``: a template's
    ``breadcrumb_trail``, which base.html shows with partials/breadcrumb.html: one trail,
    shown and told to search engines), or None without one (or a site address).
    ``trail``: ``[(label, url), …]`` after Home (labels text or HTML, ``url`` a site path,
    none for a step without a page of its own); the last step is the page itself, at its
    ``canonical`` address. A step without a page is left out: every step but the last
    needs an address."""
    if not address or not trail:
        return None
    *steps, (label, _) = trail
    return structured.breadcrumb_list(
        [("Home", absolute(address, "")),
         *((plain(name), absolute(address, url)) for name, url in steps if url is not None),
         (plain(label), canonical)])


def moved_item_tags(item, settings):
    """``[(attribute, name, content)]``: the meta description, Open Graph and Twitter card
    tags of the page at an old address of ``item`` (plugins/redirects): its own page's,
    ``og:url`` its address. Link previews of an old address (an old social post shared
    again) are then the item's: WhatsApp, Telegram, Mastodon and X read the page they are
    given and follow no ``<meta http-equiv="refresh">``; Facebook and LinkedIn go on to
    ``og:url``. None without a site address."""
    address = _address(settings)
    if not address:
        return []
    lead = getattr(item, "lead", None)  # as article.html and page.html describe it
    description = _description(getattr(item, "card_lead", "") if lead else "", item, settings)
    return _tags(description, *_social(settings, item, isinstance(item, Article),
                                       absolute(address, item.url), plain(item.title),
                                       description))


def moved_archive_tags(archive, settings):
    """``[(attribute, name, content)]``: the meta description, Open Graph and Twitter card
    tags of a year's archive page (``archive``: one of Pelican's
    ``period_archives["year"]``), for the pages plugins/redirects writes at the year's and
    its months' addresses (``/2025/``, ``/2025/03/``): its title and description
    (:func:`archive_words`, as period_archives.html writes them), ``og:url`` its address.
    None without a site address."""
    address = _address(settings)
    if not address:
        return []
    words = archive_wording(archive["period"], len(archive["dates"]),
                            plain(settings.get("SITENAME")))
    description = shorten(words.description, DESCRIPTION_LENGTH)
    return _tags(description, *_social(settings, None, False,
                                       absolute(address, archive["url"]), words.title,
                                       description))


def _tags(description, graph, twitter):
    """The meta description and :func:`_social`'s two lists as ``[(attribute, name,
    content)]``, ``<meta>``'s words (a search engine or a preview that follows no refresh
    reads the description of the page it leads to, not none)."""
    return [("name", "description", description), *(("property", *pair) for pair in graph),
            *(("name", *pair) for pair in twitter)]


@pass_context
def archive_words(context, period, count):
    """Jinja global: :class:`~plugins.italian.words.ArchiveWords` of a period's archive
    page (period_archives.html's title, count and description), the words the pages at
    its year's and months' addresses preview it with (:func:`moved_archive_tags`)."""
    return archive_wording(period, count, plain(context.get("SITENAME")))


@pass_context
def sharing(context, item):
    """:class:`.share.Sharing` of an article or page: its address and share links."""
    url, title = absolute(_address(context), item.url), plain(item.title)
    return share.Sharing(url, share.share_links(url, title), title)
