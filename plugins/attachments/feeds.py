"""Attachments in the feeds, as enclosures and as a list in the content.

Signal: ``feed_generated`` (Pelican's writer passes no enclosures). Each feed
item is matched to its article through its link. Atom gets every attachment as
``<link rel="enclosure">`` with its title (``plugins.feeds.classes.TitledEnclosure``);
RSS 2.0 allows one ``<enclosure>`` per item, without a title, so it gets the first. Both
get the full "Allegati" list appended to the item's content, so no document is lost to
an RSS reader.
"""

from feedgenerator import Rss201rev2Feed
from jinja2 import Environment
from markupsafe import Markup

from plugins.core.urls import feed_item, site_address
from plugins.feeds.classes import TitledEnclosure
from plugins.feeds.entries import item_body

from .collect import STATE_KEY
from .model import absolute

LIST = Environment(autoescape=True).from_string(
    "<h2>Allegati</h2>\n<ul>\n"
    "{%- for a in attachments %}\n"
    '<li><a href="{{ a.absolute_url(base) }}" type="{{ a.mime }}">{{ a.label }}</a>'
    "{% if a.description %}<br>{{ a.description }}{% endif %}</li>"
    "{%- endfor %}\n</ul>\n"
)


def attachments_list(attachments, base):
    return Markup(LIST.render(attachments=attachments, base=base))


def add_enclosures(context, feed):
    if context.get(STATE_KEY) is None:  # attachments did not run
        return
    base = site_address(context)  # where the files are (FEED_DOMAIN may be another host)
    is_rss = isinstance(feed, Rss201rev2Feed)
    for entry in feed.items:
        item = feed_item(context, entry)
        if item is None or not getattr(item, "attachments", None):
            continue
        enclosures = [TitledEnclosure(absolute(base, a.url), str(a.size), a.mime, a.title)
                      for a in item.attachments]
        entry["enclosures"] = enclosures[:1] if is_rss else enclosures
        body = item_body(entry)  # Atom's content (even empty), RSS's description
        # A plain str: the XML writer escapes with str.replace, which Markup would
        # turn into a second escaping.
        entry[body] = str(Markup(entry[body] or "") + attachments_list(item.attachments, base))
