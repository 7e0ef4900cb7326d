"""A feed's own fields (the channel): its description and language, its id (its own
address, under ``FEEDS_ID_SITEURL`` when set) and link (the page it follows), its logo
and, for a category's feed, its title and a description (and Atom subtitle) of its own
(:func:`fix_channel`). Pelican gives every feed the subtitle as description and the home
page as id and link, and joins the site's and the category's names with a hyphen."""

from plugins.core.urls import feed_address

from .catalogue import feed_groups
from .logo import feed_logo


def feed_description(context):
    """The channel description: SITEDESCRIPTION, else the subtitle, else the name."""
    return (
        context.get("SITEDESCRIPTION")
        or context.get("SITESUBTITLE")
        or context.get("SITENAME", "")
    )


def category_feed_description(context, group):
    """A category's feed's own description (RSS ``<description>``, Atom ``<subtitle>``):
    ``Comunicati stampa di FareLegami: solo gli articoli della categoria «Comunicati
    stampa».`` The whole site's description, which Pelican gave every feed, was shown by
    readers under the category feed's name as if it held every news item."""
    name = context.get("SITENAME", "")
    owner = f"{group.label} di {name}" if name else group.label
    return f"{owner}: solo gli articoli della categoria «{group.label}»."


def followed_group(context, feed_url):
    """The :class:`~.catalogue.FeedGroup` a feed belongs to, or None for a feed not listed."""
    for group in feed_groups(context, context.get("categories") or ()):
        if any(feed.url == feed_url for feed in group.feeds):
            return group
    return None


def followed_page(context, feed_url):
    """The absolute address of the page a feed follows (the home page for the whole
    site's, the category's page for a category's), or None for a feed not listed."""
    group = followed_group(context, feed_url)
    if group is None:
        return None
    return f"{feed_address(context)}/{group.page_url}"  # as the feeds' own links


def feed_title(context, group):
    """``FareLegami – Notizie`` for a category's feed (Pelican joins the site's name and
    the category's with a hyphen, and strips what looks like a tag from the name:
    ``Eventi & <incontri>`` became ``Eventi &``), the site's name for the whole site's."""
    name = context.get("SITENAME", "")
    return f"{name} – {group.label}" if group.page_url else name


def feed_id(context, feed_url):
    """The feed's id (Atom ``<id>``): its own address, under ``FEEDS_ID_SITEURL`` when
    that is set (the address the site had when its feeds were first read). RFC 4287
    4.2.6: a feed relocated keeps its id; the address at the new host was a new one,
    while its items kept theirs (:func:`.ids.item_id`)."""
    moved_from, here = context["FEEDS_ID_SITEURL"], feed_address(context)
    if moved_from and feed_url.startswith(here + "/"):
        return moved_from + feed_url[len(here):]
    return feed_url


def fix_channel(context, feed):
    """Sets the fields of ``feed`` (a feedgenerator feed, from ``feed_generated``) that
    are the feed's own, not an item's."""
    group = followed_group(context, feed.feed["feed_url"])
    feed.feed["description"] = feed_description(context)
    feed.feed["language"] = context.get("DEFAULT_LANG") or None
    # Pelican gives every feed the home page as id and link: each feed's id is its own
    # address (RFC 4287: unique; readers tell feeds apart by it), the one it had before a
    # move (FEEDS_ID_SITEURL), its link the page it follows.
    feed.feed["id"] = feed_id(context, feed.feed["feed_url"])
    feed.feed["link"] = followed_page(context, feed.feed["feed_url"]) or feed.feed["link"]
    feed.feed["logo"] = feed_logo(context)  # Atom <icon>, RSS <image>
    if group is not None:
        feed.feed["title"] = feed_title(context, group)
        if group.page_url:  # a category's: not the whole site's description and subtitle
            feed.feed["description"] = feed.feed["subtitle"] = \
                category_feed_description(context, group)
