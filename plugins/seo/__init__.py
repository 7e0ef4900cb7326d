"""What a page tells search engines and the sites it is shared on.

Signal ``initialized``: the ``SEO_*`` settings (:mod:`.settings`) and three Jinja
globals (:mod:`.page`): ``page_seo(title, description, trail)`` (canonical URL, Open
Graph and Twitter card tags, JSON-LD: ``NewsArticle`` on articles, ``WebPage`` (or
``AboutPage``, ``ContactPage``) on pages, ``CollectionPage`` on the listings, ``WebSite``
on the home page, and the ``BreadcrumbList`` of the breadcrumb the page shows, ``trail``,
which base.html shows), ``sharing(item)`` (e-mail, WhatsApp,
Telegram, Facebook, X, LinkedIn: plain links, no third-party script) and
``archive_words(period, count)`` (a year's archive's title and description, which the
pages plugins/redirects writes at its addresses preview it with). Values are computed
here as plain text and absolute URLs; the templates only write them (partials/seo.html,
partials/share.html).
"""

from pelican import signals

from plugins.core.settings import add_filters, start

from .page import archive_words, page_seo, sharing


def initialize(pelican):
    start(pelican, __name__)
    add_filters(pelican.settings, {"page_seo": page_seo, "sharing": sharing,
                                     "archive_words": archive_words},
                key="JINJA_GLOBALS")


def register():
    signals.initialized.connect(initialize)
