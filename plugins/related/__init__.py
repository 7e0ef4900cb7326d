"""Related reading: what an article or page links to among the other items.

Signal ``all_generators_finalized`` (every article and page is known, nothing is
written yet). Attributes for the templates (README.md), computed here so the
templates only show them:

- every written article: ``related`` (other listed articles of its category,
  ``RELATED_CATEGORY_ITEMS``: those sharing most of its tags, then the newest; not its
  ``neighbours``, linked just above) and
  ``neighbours`` (``newer`` / ``older`` in its category by date; empty for hidden
  items and translations,
  which are not part of the category's series) and ``same_title`` (whether another
  listed article has its title: its page's ``<title>`` adds the date);
- every written page with an ``argomento`` (front matter): ``topic`` (the tag of
  that name, as its tag page names it, or None when no listed article has it) and
  ``topic_items`` (its newest listed articles, ``RELATED_TOPIC_ITEMS``).

"Listed" is :data:`plugins.core.items.LISTED`: drafts, future, hidden items and
translations are never suggested.
"""

from pelican import signals
from pelican.contents import Article, Page

from plugins.core.items import LISTED, PUBLIC, all_items
from plugins.core.settings import start

from . import model


def initialize(pelican):
    start(pelican, __name__)


def relate(generators):
    config = generators[0].settings
    written = list(all_items(generators, PUBLIC))
    listed = [item for item, fate in written if fate == LISTED and isinstance(item, Article)]
    groups = model.by_category(listed)
    titles, listed_ids = model.shared_titles(listed), {id(item) for item in listed}
    # Pelican's own tags (context "tags": [(tag, articles)]), named as their pages name them
    tags = [tag for tag, _ in generators[0].context.get("tags") or ()]
    for item, _ in written:
        if isinstance(item, Article):
            item.neighbours = model.neighbours(item, groups)
            item.related = model.same_category(  # not the newer/older links again
                item, groups, config["RELATED_CATEGORY_ITEMS"],
                (item.neighbours.newer, item.neighbours.older))
            item.same_title = model.shares_title(item, titles, id(item) in listed_ids)
        elif isinstance(item, Page) and item.metadata.get("argomento"):
            tag = model.find_tag(item.metadata["argomento"], tags)
            item.topic = tag
            item.topic_items = (model.tagged(tag, listed, config["RELATED_TOPIC_ITEMS"])
                                if tag else [])


def register():
    signals.initialized.connect(initialize)
    signals.all_generators_finalized.connect(relate)
