"""Feeds that pass RSS 2.0 and Atom (RFC 4287) rules.

Signal: ``feed_generated`` (after Pelican has added the items, before the
file is written). Pelican gives RSS items a ``tag:`` guid without
``isPermaLink="false"`` (so validators read it as a URL), uses the
subtitle as channel description and gives every feed the home page as id and
link; all are fixed here (each feed's id is its own address, its link the page
it follows), and the feed gets its language; a category feed's title keeps the
category's name whole, every address in an item is made absolute (and a table cell aligned by its class
also by its ``align``, as readers have no stylesheet), an item with
several authors names them all, an item's own summary and its cover picture open its
content (:func:`.opening.lead_html`, :func:`.opening.cover_html`), a summary has no footnote references
(:func:`.entries.summary_html`), the site's own markup is left out (:func:`.site_markup.without_site_markup`),
an embedded video is a link to it (:func:`.frames.frames_as_links`), a text
to open is open (:func:`.folds.folds_open`), a tag named as the category is one category
(:func:`.entries.distinct_terms`), an item's id holds its address and its year and month, not the
day, under ``FEEDS_ID_SITEURL`` (else the site's address: :func:`.ids.item_id`), an article moved
keeps the id of its earlier address (:func:`.ids.earlier_address`), a feed without items is dated
the same in every build (:class:`.classes.StableDate`), and an Atom entry in another language than
the feed's says which (``xml:lang``, :class:`.classes.LanguageAtom1Feed`: the site's writer creates
Atom feeds of that class; it and :class:`.classes.LogoRss201rev2Feed` name the site's logo,
:func:`.logo.feed_logo`).
Other plugins (attachments) add enclosures on the same signal.

Signal ``initialized``: the ``FEEDS_*`` settings (:mod:`.settings`).

Signal ``article_generator_finalized``: the template variable ``site_feeds``, every
feed of the site with a label and its absolute URL (:mod:`.catalogue`), for the
"Segui le notizie" page (direct template ``segui``).
"""

from pelican import signals

from . import settings
from .catalogue import feed_groups
from .channel import fix_channel
from .entries import fix_entries


def fix_feed(context, feed):
    fix_channel(context, feed)
    fix_entries(context, feed)


def list_feeds(generator):
    generator.context["site_feeds"] = feed_groups(generator.settings,
                                                  generator.context.get("categories") or ())


def initialize(pelican):
    settings.install(pelican.settings)


def register():
    signals.initialized.connect(initialize)
    signals.feed_generated.connect(fix_feed)
    signals.article_generator_finalized.connect(list_feeds)
