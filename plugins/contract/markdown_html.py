"""HTML as Python-Markdown writes it, read by one regular expression.

The body's check (:func:`plugins.contract.body.check_html`) and the accessibility
statement's outline (:func:`plugins.contract.outline.section_links`) read a body's HTML as
an :class:`html.parser.HTMLParser` does. Most bodies are nothing but the HTML
Python-Markdown serializes, which :func:`markdown_events` reads in a fifth of
html.parser's time, with the events html.parser gives for it; :func:`read` sends them
to the parser's handlers, and gives anything else (raw HTML, comments, ``<script>``) to
html.parser itself. It runs on every body and summary of a build or a check.
"""

import re
from html import unescape
from html.parser import HTMLParser

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
            pairs = [(name.lower(), unescape(value) if value else value)
                     for name, value in map(_name_value,
                                            _MARKDOWN_ATTRIBUTE_RE.finditer(attributes))] \
                if attributes else []
            events.append((STARTEND if closed else START, tag, pairs))
        else:
            events.append((END, end.lower(), None))
    return events if at == len(html) else None


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
