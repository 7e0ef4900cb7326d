"""HTML as Python-Markdown writes it, read by one regular expression.

The body's check (:func:`plugins.contract.body.check_html`) and the accessibility
statement's outline (:func:`plugins.contract.outline.section_links`) read a body's HTML as
an :class:`html.parser.HTMLParser` does. Most bodies are nothing but the HTML
Python-Markdown serializes, which :func:`markdown_events` reads in a fifth of
html.parser's time, with the events html.parser gives for it; :func:`read` sends them
to the parser's handlers, and gives anything else (raw HTML, comments, ``<script>``) to
html.parser itself. It runs on every body and summary of a build or a check. Both read
an attribute's character references as a browser does
(:func:`plugins.core.text.html_unescape`: html.parser's html.unescape drops the controls
and noncharacters a browser keeps).
"""

import re
from html import unescape
from html.parser import HTMLParser

try:  # html.parser's own expressions for a start tag (undocumented: BrowserParser below)
    from html.parser import attrfind_tolerant, tagfind_tolerant
except ImportError:  # another Python's html.parser: its attributes are taken as it gives them
    attrfind_tolerant = tagfind_tolerant = None

from plugins.core.text import html_unescape

# HTML as Python-Markdown serializes it: text without "<", start tags of a name and
# attributes each written ` name="value"` (or ` name` alone), then `>` or ` />`, end
# tags `</name>`. Read by one expression (:func:`markdown_events`) in a fifth of
# html.parser's time, with the events html.parser gives for it.
_MARKDOWN_HTML_RE = re.compile(
    r'([^<]+)'
    r'|<([a-zA-Z][a-zA-Z0-9]*)((?: [a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<>]*")?)*)( ?/)?>'
    r'|</([a-zA-Z][a-zA-Z0-9]*)>')
_MARKDOWN_ATTRIBUTE_RE = re.compile(r' ([^ ="]+)(?:="([^"]*)")?')
DATA, START, END, STARTEND = range(4)
# elements whose content html.parser reads as text, not tags (script and style here; later
# Pythons add others, and title and textarea as escapable text): left to it
_RAW_TEXT = frozenset(getattr(HTMLParser, "CDATA_CONTENT_ELEMENTS", ())) \
    | frozenset(getattr(HTMLParser, "RCDATA_CONTENT_ELEMENTS", ())) | {"plaintext"}


def _name_value(match):
    return match.group(1, 2)  # the value None when not written (``<ol reversed>``)


def markdown_events(html):
    """The events :class:`html.parser.HTMLParser` (``convert_charrefs``) sends for
    ``html``, ``[(kind, data or tag, attributes)]``, when ``html`` is made only of what
    :data:`_MARKDOWN_HTML_RE` reads (and no element of :data:`_RAW_TEXT`, whose content
    html.parser reads as text); None otherwise: html.parser reads it
    (``tests/test_contract_body.py`` compares the two)."""
    events, at = [], 0
    for match in _MARKDOWN_HTML_RE.finditer(html):
        if match.start() != at:
            return None
        at = match.end()
        data, tag, attributes, closed, end = match.groups()
        if data is not None:
            events.append((DATA, unescape(data), None))
        elif tag is not None:
            tag = tag.lower()
            if tag in _RAW_TEXT:
                return None
            pairs = [(name.lower(), html_unescape(value) if value else value)
                     for name, value in map(_name_value,
                                            _MARKDOWN_ATTRIBUTE_RE.finditer(attributes))] \
                if attributes else []
            events.append((STARTEND if closed else START, tag, pairs))
        else:
            events.append((END, end.lower(), None))
    return events if at == len(html) else None


class BrowserParser(HTMLParser):
    """An :class:`html.parser.HTMLParser` whose handlers may have a start tag's
    attributes as a browser reads them (:meth:`browser_attributes`)."""

    _in_start_tag = False

    def parse_starttag(self, i):
        self._in_start_tag = True
        try:
            return super().parse_starttag(i)
        finally:
            self._in_start_tag = False

    def browser_attributes(self, attrs):
        """``attrs`` (a start tag's, as given to ``handle_starttag``) with the values'
        character references decoded as a browser does: html.parser decoded them by
        html.unescape, which drops a control (``http&#127;s://``), so the start tag is
        read again by html.parser's own expressions, its values decoded by
        :func:`plugins.core.text.html_unescape`. ``attrs`` as they are when the tag
        came from elsewhere (:func:`read`'s fast path, already so decoded) or has no
        numbered reference."""
        text = self.get_starttag_text() if self._in_start_tag else None
        if not text or "&#" not in text or attrfind_tolerant is None:
            return attrs
        raw, at = [], tagfind_tolerant.match(text, 1).end()
        # html.parser's parse_starttag's reading, on the tag's text
        while at < len(text) and (found := attrfind_tolerant.match(text, at)):
            name, rest, value = found.group(1, 2, 3)
            if not rest:
                value = None
            elif value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
                value = value[1:-1]
            raw.append((name.lower(), html_unescape(value) if value else value))
            at = found.end()
        # the same attributes, or html.parser read the tag otherwise (another Python's)
        return raw if [name for name, _ in raw] == [name for name, _ in attrs] else attrs


def read(checker, html):
    """``html`` read by ``checker`` (an :class:`html.parser.HTMLParser`,
    :class:`plugins.contract.body.Checker`): Markdown's own HTML by
    :func:`markdown_events`, anything else by html.parser."""
    events = markdown_events(html)
    if events is None:  # raw HTML, comments, anything but what Markdown writes
        checker.feed(html)
        checker.close()
        return
    for kind, first, second in events:
        if kind == DATA:
            checker.handle_data(first)
        elif kind == START:
            checker.handle_starttag(first, second)
        elif kind == END:
            checker.handle_endtag(first)
        else:
            checker.handle_startendtag(first, second)
