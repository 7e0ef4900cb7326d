"""The list of every feed the site publishes, for the "Segui le notizie" page.

Pure functions of the settings and the categories: labels for people and absolute
URLs (``FEED_DOMAIN``, the address feed readers use; the feeds' own links use it too).
"""

from dataclasses import dataclass

from plugins.core.urls import feed_address
from plugins.italian.words import alfabetico

FORMATS = (  # (setting suffix, label, MIME type), RSS first: the name most people know
    ("RSS", "RSS", "application/rss+xml"),
    ("ATOM", "Atom", "application/atom+xml"),
)


@dataclass(frozen=True)
class Feed:
    format: str  # "RSS", "Atom"
    url: str  # absolute
    mime: str


@dataclass(frozen=True)
class FeedGroup:
    label: str  # "Tutte le notizie", or the category's name
    page_url: str  # the site path of what it follows ("" for the whole site)
    feeds: tuple  # Feed, RSS then Atom


def _feeds(settings, prefix, **names):
    domain = feed_address(settings)
    found = []
    for suffix, label, mime in FORMATS:
        pattern = settings.get(prefix + suffix)
        if pattern:
            found.append(Feed(label, f"{domain}/{pattern.format(**names).lstrip('/')}", mime))
    return tuple(found)


def feed_groups(settings, categories):
    """``[FeedGroup]``: the whole site, then each category (``[(Category, articles)]``)
    by name; a group whose feeds are all switched off is left out."""
    groups = [FeedGroup("Tutte le notizie", "", _feeds(settings, "FEED_ALL_"))]
    for category, _ in alfabetico(categories):
        groups.append(FeedGroup(category.name, category.url,
                                _feeds(settings, "CATEGORY_FEED_", slug=category.slug)))
    return [group for group in groups if group.feeds]
