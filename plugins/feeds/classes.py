"""The feedgenerator classes the site's writer creates its feeds as
(:func:`with_site_classes`, called by ``plugins/writer``): Atom whose entries in another
language carry ``xml:lang`` and whose enclosures carry their titles, Atom and RSS that
name the site's logo, RSS whose plain text has ``&``, ``<`` and ``>`` as hexadecimal
references, and a feed without items dated the same in every build."""

import re
from datetime import datetime, timezone

from feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from feedgenerator.django.utils.xmlutils import SimplerXMLGenerator

# The date of a feed without items (feedgenerator's is the time of the build): the Unix
# epoch, the same in every build.
EMPTY_FEED_DATE = datetime(1970, 1, 1, tzinfo=timezone.utc)


class StableDate:
    """A feed whose date (Atom ``<updated>``, RSS ``<lastBuildDate>``) is its newest item's,
    as feedgenerator gives it, and :data:`EMPTY_FEED_DATE` when it has no item (a site
    with no article published yet): feedgenerator's was the time of the build, so two
    builds of the same content differed."""

    def latest_post_date(self):
        if not any(item.get("updateddate") or item.get("pubdate") for item in self.items):
            return EMPTY_FEED_DATE
        return super().latest_post_date()


class LanguageAtom1Feed(StableDate, Atom1Feed):
    """Atom whose entries in another language than the feed's carry ``xml:lang``, with
    the site's logo as the feed's ``<icon>``.

    The whole-site feed is ``xml:lang="it"``; an article written in English alone
    (``lang: en`` and no Italian original: Pelican lists it, so the feed holds it)
    was an entry in English marked as Italian, read aloud with Italian rules and
    hyphenated as Italian. RFC 4287 allows ``xml:lang`` on any element (section 2);
    RSS 2.0 has no language of its own for an item, so RSS stays as it is. The item's
    ``lang`` is set by :func:`.entries.fix_entries`.

    Feed readers show a subscription with its feed's picture: ``<icon>`` (RFC 4287
    4.2.5, square: the logo is), the feed's ``logo`` set by :func:`.channel.fix_channel`.
    """

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        lang = item.get("lang")
        if lang and lang != self.feed.get("language"):
            attributes["xml:lang"] = lang
        return attributes

    def add_item_elements(self, handler, item):
        """feedgenerator's elements, with each enclosure's ``title`` (a
        :class:`TitledEnclosure`'s) on its ``<link rel="enclosure">``: RFC 4287 4.2.7.5
        allows it, and readers list an entry's documents by it (feedgenerator writes
        href, length and type only, so they showed the file's address). The enclosures
        are written here, where feedgenerator writes them: after the content, before
        the categories and the rights."""
        super().add_item_elements(handler, {**item, "enclosures": (), "categories": (),
                                            "item_copyright": None})
        for enclosure in item["enclosures"]:
            attributes = {"rel": "enclosure", "href": enclosure.url,
                          "length": enclosure.length, "type": enclosure.mime_type}
            if getattr(enclosure, "title", ""):
                attributes["title"] = enclosure.title
            handler.addQuickElement("link", "", attributes)
        for category in item["categories"]:
            handler.addQuickElement("category", "", {"term": category})
        if item["item_copyright"] is not None:
            handler.addQuickElement("rights", item["item_copyright"])

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        logo = self.feed.get("logo")
        if logo:
            handler.addQuickElement("icon", logo.url)


class TitledEnclosure(Enclosure):
    """An enclosure with the title its document has on the item's page: Atom writes it
    (:class:`LanguageAtom1Feed`), RSS 2.0's ``<enclosure>`` has no place for it."""

    def __init__(self, url, length, mime_type, title=""):
        super().__init__(url, length, mime_type)
        self.title = title


# RSS text that is not HTML (every element but an item's description): "&", "<" and ">"
# as hexadecimal character references, as the RSS Advisory Board's profile asks
# (:class:`PlainTextXMLGenerator`)
PLAIN_TEXT_REFERENCES = str.maketrans({"&": "&#x26;", "<": "&#x3C;", ">": "&#x3E;"})
# what XML 1.0 cannot hold, which feedgenerator's writer refuses: a copy of the pattern
# feedgenerator 2.2.1 writes inline in SimplerXMLGenerator.characters (nothing to import);
# tests/test_feeds.py checks that the two writers refuse the same characters
UNSERIALIZABLE_RE = re.compile(r"[\x00-\x08\x0B-\x0C\x0E-\x1F]")


class PlainTextXMLGenerator(SimplerXMLGenerator):
    """feedgenerator's XML writer for RSS, writing ``&``, ``<`` and ``>`` of plain text
    (a title, a category, an author's name, the channel's own fields: every element but
    an item's ``<description>``, which is HTML) as the hexadecimal character references
    ``&#x26;``, ``&#x3C;`` and ``&#x3E;``.

    RSS 2.0 does not say whether a title is text or HTML, and readers differ in how
    they decode it. The RSS Advisory Board's Best Practices Profile (Character Data)
    asks for hexadecimal references in plain text, the form it found the widest range
    of readers to show as typed, and the W3C feed validator warned of a title such as
    ``Caffè &amp; &lt;dolci&gt;`` ("Encode "&" and "<" in plain text using hexadecimal
    character references"). The same characters to an XML parser (feedparser reads the
    same title); Atom says which text is HTML (``type="html"``) and stays as it is."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._open = []  # the names of the elements open, outermost first

    def startElement(self, name, attrs):
        self._open.append(name)
        super().startElement(name, attrs)

    def endElement(self, name):
        super().endElement(name)
        self._open.pop()

    def characters(self, content):
        if not content or self._open[-2:] == ["item", "description"]:
            return super().characters(content)
        if UNSERIALIZABLE_RE.search(content):
            return super().characters(content)  # feedgenerator's refusal: it raises
        self._finish_pending_start_element()
        self._write(content.translate(PLAIN_TEXT_REFERENCES))


class LogoRss201rev2Feed(StableDate, Rss201rev2Feed):
    """RSS 2.0 with the site's logo as the channel's ``<image>`` (its URL, the
    channel's title and link, and a size within RSS's 144 × 400), set by
    :func:`.channel.fix_channel`, and its plain text's ``&``, ``<`` and ``>`` as
    hexadecimal references (:class:`PlainTextXMLGenerator`)."""

    def write(self, outfile, encoding):
        """feedgenerator's ``RssFeed.write`` (a copy of 2.2.1's), with the writer of plain
        text :class:`PlainTextXMLGenerator`. tests/test_feeds.py checks that a feed without
        a logo and without ``&``, ``<``, ``>`` in plain text is written as feedgenerator's
        ``Rss201rev2Feed`` writes it, byte for byte: an upgrade of feedgenerator changing
        ``write``, or of Python changing the private ``XMLGenerator._write`` and
        ``_finish_pending_start_element`` the writer uses, fails there."""
        handler = PlainTextXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        self.add_stylesheets(handler)
        handler.startElement("rss", self.rss_attributes())
        handler.startElement("channel", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        self.endChannelElement(handler)
        handler.endElement("rss")

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        logo = self.feed.get("logo")
        if logo:
            handler.startElement("image", {})
            handler.addQuickElement("url", logo.url)
            handler.addQuickElement("title", self.feed["title"])
            handler.addQuickElement("link", self.feed["link"])
            if logo.width:
                handler.addQuickElement("width", str(logo.width))
                handler.addQuickElement("height", str(logo.height))
            handler.endElement("image")


def with_site_classes(feed):
    """``feed``, a feed Pelican's writer has just created, as a :class:`LanguageAtom1Feed`
    when it is Atom, a :class:`LogoRss201rev2Feed` when it is RSS (the classes only add
    to what is written: nothing else of the feed changes)."""
    if type(feed) is Atom1Feed:
        feed.__class__ = LanguageAtom1Feed
    elif type(feed) is Rss201rev2Feed:
        feed.__class__ = LogoRss201rev2Feed
    return feed
