"""Text for people: a folder or file name made a title; HTML made plain text; a text
cut at a word; the lead a body opens with."""

import posixpath
import re
from html import unescape

from markupsafe import Markup

_SEPARATORS = re.compile(r"[\s_\-]+")
# Bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069): in a name
# they turn what follows around ("Fattura \u202eFDP.zip" reads "Fattura PIZ.PDF").
BIDI_RE = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# The characters nobody sees: a text made only of them is blank (an <iframe>'s title
# "\ufeff", "&nbsp;", "\u200b \u200b" names nothing a screen reader can read). Unicode's
# White_Space (what Python's str.isspace and JavaScript's trim() each take, but for
# U+001C-001F, which only Python takes, and U+FEFF, which only JavaScript takes), the
# control characters (Cc), the Default_Ignorable_Code_Point characters (zero-width
# spaces and joiners, the soft hyphen, direction marks and controls, variation
# selectors, Hangul fillers, tags) and the noncharacters (U+FDD0-FDEF, U+xFFFE-xFFFF,
# which html.unescape makes nothing of). As ranges of code points, first and last: the
# web editor gets them from its page (plugins/admin: data-blank) and judges the same set.
BLANK_RANGES = (
    (0x0000, 0x0020), (0x007F, 0x00A0), (0x00AD, 0x00AD), (0x034F, 0x034F),
    (0x061C, 0x061C), (0x115F, 0x1160), (0x1680, 0x1680), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x2000, 0x200F), (0x2028, 0x202F), (0x205F, 0x206F),
    (0x3000, 0x3000), (0x3164, 0x3164), (0xFDD0, 0xFDEF), (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8),
    *((plane * 0x10000 + 0xFFFE, plane * 0x10000 + 0xFFFF) for plane in range(17)),
    (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)
_BLANK_RE = re.compile("[{}]*".format("".join(
    f"\\U{first:08x}-\\U{last:08x}" for first, last in BLANK_RANGES)))


def blank(text):
    """Whether ``text`` is made only of :data:`BLANK_RANGES`' characters (or is empty)."""
    return _BLANK_RE.fullmatch(text) is not None


# A character reference, as html.unescape finds them: a number (";" optional) or a name
# (the HTML standard's legacy ones need no ";")
_REFERENCE_RE = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


def _as_browsers_read(found):
    decoded = unescape(found[0])
    if decoded or found[1][:1] != "#":
        return decoded
    # a number html.unescape drops (a control, U+007F-009F outside Windows-1252's table, a
    # noncharacter): to the HTML standard a parse error only, the character kept
    number = found[1][1:].rstrip(";")
    return chr(int(number[1:], 16) if number[:1] in "xX" else int(number))


def html_unescape(text):
    """``text`` with its character references decoded as the HTML standard (a browser)
    decodes them: html.unescape's reading (Windows-1252's character for U+0080-009F,
    U+FFFD for none), but for the numbers it drops, the controls and noncharacters it
    refuses, which a browser keeps: "http&#127;s://example.org/" is "http\x7fs://…" on
    the page, an address relative to it, not an https link. How the build reads an
    address (an attribute's value) written in a text."""
    return _REFERENCE_RE.sub(_as_browsers_read, text) if "&" in text else text


# Unicode's controls (Cc) but a tab and a line break, and its noncharacters (U+FDD0-FDEF,
# the last two code points of every plane)
_ADDRESS_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef"
                                 + "".join(chr(plane + 0xFFFE) + chr(plane + 0xFFFF)
                                           for plane in range(0, 0x110000, 0x10000)) + "]")


def address_controls(address):
    """The control characters (Unicode's Cc) and noncharacters of ``address`` (decoded:
    :func:`html_unescape`), each once, in order: a browser keeps them in the address
    (the link goes elsewhere, or nowhere), but for a tab and a line break, which it
    drops from an address. One search of the address (every link of every build asks)."""
    return list(dict.fromkeys(_ADDRESS_CONTROL_RE.findall(address)))


def title_from_name(name, *, strip_extension=False):
    """``comunicati-stampa`` -> ``Comunicati stampa``; ``verbale_riunione-2024.pdf`` with
    ``strip_extension`` -> ``Verbale riunione 2024``. Only the first letter changes case."""
    stem = BIDI_RE.sub("", posixpath.basename(name))
    if strip_extension and "." in stem.lstrip("."):
        stem = stem.rsplit(".", 1)[0]
    words = " ".join(_SEPARATORS.split(stem)).strip()
    return words[:1].upper() + words[1:] if words else posixpath.basename(name)


SPACES_RE = re.compile(r"\s+")
# What parts words on the page though nothing may part them in the HTML: a line break, the
# start or end of a paragraph, item, cell or heading ("alle 12<br>e il giovedì" is two
# lines, not "12e"; striptags drops the tags and puts nothing in their place)
WORD_BREAK_RE = re.compile(
    r"<br\s*/?>|</?(?:p|li|dt|dd|td|th|tr|h[1-6]|div|blockquote|figcaption)\b[^>]*>",
    re.IGNORECASE)


def plain(value):
    """Text for a meta tag, JSON-LD or the search index: HTML (titles and leads arrive as
    safe HTML, ``<span lang="en">``) without its tags, entities decoded, a space where a
    line break or a paragraph, item or cell ends; front-matter text as it is; spaces
    collapsed."""
    if value is None:
        return ""
    if hasattr(value, "__html__"):
        text = Markup(WORD_BREAK_RE.sub(" ", value.__html__())).striptags()
    else:
        text = str(value)
    return SPACES_RE.sub(" ", text).strip()


def shorten(text, limit):
    """``text`` cut at a word boundary to at most ``limit`` characters, ending in "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.–-") + "…"


# A body's opening paragraph (a lead taken from the body: the paragraph, with its <p>)
FIRST_PARAGRAPH_RE = re.compile(r"\A\s*(<p>.*?</p>)\s*", re.DOTALL)
TAG_RE = re.compile(r"<[^>]+>")


# A footnote's reference in the text, as Python-Markdown writes it (the same note
# referenced again: fnref2:1), its attributes in any order (nh3 writes them sorted, and
# plugins/italian adds its name, aria-label="Nota 1"): values in double quotes, without
# one ("&quot;"), so a value cannot hold the class or href looked for.
NOTE_REFERENCE_RE = re.compile(
    r'<sup id="fnref\d*:[^"]*"><a (?=[^>]*\bclass="footnote-ref")(?=[^>]*\bhref="#fn:)'
    r'[^>]*>[^<]*</a></sup>')
# The notes themselves, which Python-Markdown puts last (a summary with a footnote):
# found with str.find, not an expression starting with \s*, which tried every blank of
# a long run of them (quadratic: 60,000 spaces in a lead kept a build busy 28 s)
NOTES_START = '<div class="footnote">'


def without_note_references(html):
    """``html`` without its footnotes' references (``<sup id="fnref:1"><a …>1</a></sup>``)
    and notes: a lead shown where its notes are not, a listing's card or a page's
    description, where a reference was a link to nothing, the same ``id`` on every card
    that had one (invalid HTML, and a page's anchors ambiguous), and in a description its
    number run into the word before it (``nota1``)."""
    if "footnote" not in html:
        return html
    html = NOTE_REFERENCE_RE.sub("", html)
    notes = html.find(NOTES_START)
    return html if notes < 0 else html[:notes].rstrip()


# an id="…" in a start tag (nh3 and Python-Markdown write double quotes; a "<" in text is
# &lt;, so a tag is read by an expression)
ID_ATTRIBUTE_RE = re.compile(r'(<[a-zA-Z][^<>]*?)\sid="([^"]*)"')


def without_ids(html, only=None):
    """``html`` without the ``id`` of its elements (``only``: those of that set): a lead
    shown apart from its body. On a listing an editor's ``<span id="orari">`` in two
    cards' leads, or a summary's beside the body's own on the article's page, was the
    same id twice (the W3C checker's "Duplicate ID"; a link to it found the first)."""
    if ' id="' not in html:
        return html
    return ID_ATTRIBUTE_RE.sub(
        lambda match: match[0] if only is not None and match[2] not in only else match[1],
        html)


def ids(html):
    """The ids of ``html``'s elements."""
    return {match[2] for match in ID_ATTRIBUTE_RE.finditer(html)}


def body_lead(html):
    """The lead of an item without a ``summary``: the paragraph its body opens with (its
    HTML, ``<p>`` included), or "" when the body opens otherwise or with a paragraph
    without text (a picture alone is no lead). One rule for the pages (``article_meta``)
    and for the contract's long-lead warning."""
    first = FIRST_PARAGRAPH_RE.match(html or "")
    return first.group(1) if first and TAG_RE.sub("", first.group(1)).strip() else ""
