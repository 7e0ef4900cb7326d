"""A body's links under one of its headings, read as the contract reads the body.

The accessibility statement (plugins/attachments/statement.py) lists the documents a
section of its page links: :func:`section_links` reads the page's HTML with the body's
checker (:class:`plugins.contract.body.Checker`), so its headings and links are the
ones the check knows, footnotes' links where the note is referenced.
"""

from plugins.contract.body import Checker
from plugins.contract.markdown_html import read


class _Outline(Checker):
    """:class:`Checker`'s reading, and where each ``{static}``, ``{attach}`` and
    ``{filename}`` link stands among the headings: ``located``, ``[(headings before it,
    footnote label or None, what, target)]`` (a link in a heading counts that heading);
    ``references``, ``{footnote label: [headings before each reference to it]}``."""

    def __init__(self):
        super().__init__(())
        self.located = []
        self.references = {}

    def _position(self):
        return len(self.headings) + (self.heading is not None)

    def handle_starttag(self, tag, attrs):
        if tag == "a" and not self.footnotes:
            attributes = dict(attrs)
            href = attributes.get("href") or ""
            if attributes.get("class") == "footnote-ref" and href.startswith("#fn:"):
                self.references.setdefault(href[4:], []).append(self._position())
        super().handle_starttag(tag, attrs)

    def _check_url(self, tag, name, url):
        known = len(self.links)
        super()._check_url(tag, name, url)
        note = self.footnote if self.footnotes else None
        self.located += [(self._position(), note, what, target)
                         for what, target, _ in self.links[known:]
                         if what in ("static", "attach", "filename")]


def _words(text):
    """A heading's words as compared: spaces collapsed, the typographic apostrophe (the
    Italian typography's, plugins/italian) read as the one typed."""
    return " ".join(text.replace("\u2019", "'").split())


def section_links(html, section):
    """``[(what, target)]``: the ``{static}``, ``{attach}`` and ``{filename}`` links of
    rendered ``html`` in its section headed ``section`` (the first heading whose text, as
    the page shows it, is ``section``'s), down to the next heading of its level or above.
    A footnote's links are where the footnote is referenced (Markdown writes the notes at
    the end of the page). What the contract reads, headings and links alike: the
    accessibility statement's list (plugins/attachments/statement.py)."""
    outline = _Outline()
    read(outline, html)
    headings, wanted = outline.headings, _words(section)
    start = next((index for index, (_, text) in enumerate(headings)
                  if _words(text) == wanted), None)
    if start is None:
        return []
    level = headings[start][0]
    end = next((index for index in range(start + 1, len(headings))
                if headings[index][0] <= level), len(headings))
    inside = range(start + 1, end + 1)  # after the section's heading, up to the next one's
    return [(what, target) for at, note, what, target in outline.located
            if (at in inside if note is None
                else any(place in inside for place in outline.references.get(note, ())))]
