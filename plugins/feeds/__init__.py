"""Feeds that pass RSS 2.0 and Atom (RFC 4287) rules.

Signal ``feed_generated`` (after Pelican has added the items, before the file is
written): :func:`fix_feed`. Pelican gives RSS items a ``tag:`` guid without
``isPermaLink="false"`` (so validators read it as a URL), uses the subtitle as channel
description and gives every feed the home page as id and link. The feed's own fields
(:mod:`.channel`): its description and language, its id (its own address), its link
(the page it follows), the site's logo (:mod:`.logo`) and a category feed's title with
the category's name whole and its own description (and Atom subtitle). Its items (:mod:`.entries`): the guid marked, each item's
language (in a preview, a draft's or scheduled item's title marked BOZZA or
PROGRAMMATO), its categories each once, all its authors; its own summary and its cover
picture open its content (:mod:`.opening`); its id holds its address and its year and
month, not the day, under ``FEEDS_ID_SITEURL`` (else the site's address), and an
article moved keeps the id of its earlier address (:mod:`.ids`); a summary has no
footnote references; the site's own markup is left out (:mod:`.site_markup`), an
embedded video is a link to it (:mod:`.frames`), a text to open is open
(:mod:`.folds`), every address is absolute (:mod:`.addresses`) and a table cell
aligned by its class also has its ``align``, as readers have no stylesheet.
Other plugins (attachments) add enclosures on the same signal.

The site's writer (``plugins/writer``) creates feeds of this plugin's classes
(:mod:`.classes`: an Atom entry in another language than the feed's says which with
``xml:lang``, Atom and RSS name the site's logo, a feed without items is dated the same
in every build) and leaves out of a feed the translations of its other items
(:mod:`.translations`).

Signal ``initialized``: the ``FEEDS_*`` settings (:mod:`.settings`).

Signal ``article_generator_finalized``: the template variable ``site_feeds``, every
feed of the site with a label and its absolute URL (:mod:`.catalogue`), for the
"Segui le notizie" page (direct template ``segui``).
"""

from pelican import signals

from plugins.core.settings import start

from .catalogue import feed_groups
from .channel import fix_channel
from .entries import fix_entries


def fix_feed(context, feed):
    """``feed_generated``: the feed's own fields, then its items'."""
    fix_channel(context, feed)
    fix_entries(context, feed)


def list_feeds(generator):
    """``article_generator_finalized``: ``site_feeds``, every feed of the site."""
    generator.context["site_feeds"] = feed_groups(generator.settings,
                                                  generator.context.get("categories") or ())


def initialize(pelican):
    start(pelican, __name__)


def register():
    signals.initialized.connect(initialize)
    signals.feed_generated.connect(fix_feed)
    signals.article_generator_finalized.connect(list_feeds)
