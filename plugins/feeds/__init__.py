"""Feeds that pass RSS 2.0 and Atom (RFC 4287) rules.

Signal: ``feed_generated`` (after Pelican has added the items, before the
file is written). Pelican gives RSS items a ``tag:`` guid without
``isPermaLink="false"`` (so validators read it as a URL), uses the
subtitle as channel description and gives every feed the home page as id and
link; all are fixed here (each feed's id is its own address, its link the page
it follows), and the feed gets its language. Other plugins (attachments) add
enclosures on the same signal.

Signal ``article_generator_finalized``: the template variable ``site_feeds``, every
feed of the site with a label and its absolute URL (:mod:`.catalogue`), for the
"Segui le notizie" page (direct template ``segui``).
"""

from pelican import signals

from .catalogue import feed_groups


def feed_description(context):
    """The channel description: SITEDESCRIPTION, else the subtitle, else the name."""
    return (
        context.get("SITEDESCRIPTION")
        or context.get("SITESUBTITLE")
        or context.get("SITENAME", "")
    )


def followed_page(context, feed_url):
    """The absolute address of the page a feed follows (the home page for the whole
    site's, the category's page for a category's), or None for a feed not listed."""
    for group in feed_groups(context, context.get("categories") or ()):
        if any(feed.url == feed_url for feed in group.feeds):
            domain = context.get("FEED_DOMAIN") or context.get("SITEURL") or ""  # as the feeds'
            return f"{str(domain).rstrip('/')}/{group.page_url}"
    return None


def fix_feed(context, feed):
    feed.feed["description"] = feed_description(context)
    feed.feed["language"] = context.get("DEFAULT_LANG") or None
    # Pelican gives every feed the home page as id and link: each feed's id is its own
    # address (RFC 4287: unique; readers tell feeds apart by it), its link the page it follows.
    feed.feed["id"] = feed.feed["feed_url"]
    feed.feed["link"] = followed_page(context, feed.feed["feed_url"]) or feed.feed["link"]
    for item in feed.items:
        guid = item.get("unique_id") or ""
        if not guid.startswith(("http://", "https://")):
            item["unique_id_is_permalink"] = False


def list_feeds(generator):
    generator.context["site_feeds"] = feed_groups(generator.settings,
                                                  generator.context.get("categories") or ())


def register():
    signals.feed_generated.connect(fix_feed)
    signals.article_generator_finalized.connect(list_feeds)
