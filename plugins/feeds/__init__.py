"""Feeds that pass RSS 2.0 and Atom (RFC 4287) rules.

Signal: ``feed_generated`` (after Pelican has added the items, before the
file is written). Pelican gives RSS items a ``tag:`` guid without
``isPermaLink="false"`` (so validators read it as a URL) and uses the
subtitle as channel description; both are fixed here, and the feed gets its
language. Other plugins (attachments) add enclosures on the same signal.

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


def fix_feed(context, feed):
    feed.feed["description"] = feed_description(context)
    feed.feed["language"] = context.get("DEFAULT_LANG") or None
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
