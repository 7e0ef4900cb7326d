"""Structured data (schema.org JSON-LD) as plain dicts, from plain values.

The templates write each dict with Jinja's ``tojson`` inside
``<script type="application/ld+json">``: data, never executed, so a
``script-src 'self'`` Content-Security-Policy does not concern it. Every text is
plain text (no HTML), every URL absolute, every date ISO 8601 with its offset.
Google's article guidelines: headline at most 110 characters, author with a name,
dates with a time zone, images crawlable; the publisher's logo a raster image.
"""

from dataclasses import dataclass

from .text import shorten

CONTEXT = "https://schema.org"
HEADLINE_LENGTH = 110


@dataclass(frozen=True)
class Organization:
    name: str
    url: str = ""
    logo: str = ""  # absolute URL of a PNG/JPEG logo


@dataclass(frozen=True)
class Person:
    name: str
    url: str = ""


def party(who):
    """``Organization`` or ``Person`` -> its schema.org dict (empty fields left out)."""
    data = {"@type": type(who).__name__, "name": who.name}
    if who.url:
        data["url"] = who.url
    if getattr(who, "logo", ""):
        data["logo"] = {"@type": "ImageObject", "url": who.logo}
    return data


@dataclass(frozen=True)
class NewsArticle:
    headline: str
    url: str
    published: str  # ISO 8601 with offset
    modified: str
    description: str = ""
    authors: tuple = ()  # Organization / Person
    publisher: Organization = None
    images: tuple = ()  # absolute URLs
    section: str = ""
    keywords: tuple = ()
    language: str = "it-IT"


def news_article(article):
    """The ``NewsArticle`` dict of a :class:`NewsArticle`."""
    data = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "headline": shorten(article.headline, HEADLINE_LENGTH),
        "url": article.url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": article.url},
        "datePublished": article.published,
        "dateModified": article.modified or article.published,
        "inLanguage": article.language,
    }
    if article.description:
        data["description"] = article.description
    if article.authors:
        data["author"] = [party(who) for who in article.authors]
    if article.publisher:
        data["publisher"] = party(article.publisher)
    if article.images:
        data["image"] = list(article.images)
    if article.section:
        data["articleSection"] = article.section
    if article.keywords:
        data["keywords"] = list(article.keywords)
    return data


def breadcrumb_id(url):
    """The ``@id`` of the ``BreadcrumbList`` of the page at ``url``: a page's ``WebPage``
    names it (``breadcrumb``) without a second copy of the trail."""
    return f"{url}#breadcrumb"


def website_id(url):
    """The ``@id`` of the ``WebSite`` whose home page is ``url``: each page's ``WebPage``
    is part of it (``isPartOf``)."""
    return f"{url}#website"


def breadcrumb_list(trail):
    """``BreadcrumbList`` of ``[(name, absolute URL), …]``, from the home page on, the
    last the page itself (whose address makes its ``@id``)."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "@id": breadcrumb_id(trail[-1][1]),
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def website(name, url, description="", publisher=None, language="it-IT"):
    """The home page's ``WebSite``."""
    data = {"@context": CONTEXT, "@type": "WebSite", "@id": website_id(url), "name": name,
            "url": url, "inLanguage": language}
    if description:
        data["description"] = description
    if publisher:
        data["publisher"] = party(publisher)
    return data


@dataclass(frozen=True)
class WebPage:
    """A page that is no article: one of content/pages (``WebPage``, or ``AboutPage``
    and ``ContactPage`` for the site's project and contact pages) or a listing of
    articles (``CollectionPage``)."""

    kind: str  # the schema.org type
    name: str
    url: str
    site: str  # the site's name
    home: str  # the home page's absolute URL
    description: str = ""
    language: str = "it-IT"
    breadcrumb: bool = False  # the page shows a breadcrumb (its BreadcrumbList)
    modified: str = ""  # ISO 8601 with offset, "" when not known


def web_page(page):
    """The dict of a :class:`WebPage`: part of the site's ``WebSite`` (by its ``@id``, the
    home page's ``WebSite`` names itself so), its ``breadcrumb`` the ``BreadcrumbList``
    written with it (by its ``@id``: one trail); empty fields left out."""
    data = {"@context": CONTEXT, "@type": page.kind, "@id": page.url, "url": page.url,
            "name": page.name, "inLanguage": page.language,
            "isPartOf": {"@type": "WebSite", "@id": website_id(page.home), "name": page.site,
                         "url": page.home}}
    if page.description:
        data["description"] = page.description
    if page.breadcrumb:
        data["breadcrumb"] = {"@id": breadcrumb_id(page.url)}
    if page.modified:
        data["dateModified"] = page.modified
    return data
