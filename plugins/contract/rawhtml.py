"""Markdown inside HTML blocks: converted in a text to open, named where it stays as typed.

Python-Markdown (``extra``'s md_in_html) leaves everything inside a block of HTML as
it is, unless its opening tag says ``markdown="1"``. The editors' guide offers
``<details>`` and ``<summary>`` for a text to open, and an editor writes Markdown
inside, as everywhere else::

    <details>
    <summary>Orari</summary>

    Il **programma** e [i contatti](/contatti/).
    </details>

It was published with ``**programma**`` and ``[i contatti](/contatti/)`` on the page,
without a word. :class:`DetailsMarkdownExtension` reads a ``<details>`` without a
``markdown`` attribute as if it had ``markdown="1"`` (its ``<summary>`` as a line of
text: bold, links, ``&``), unless a line in it is indented by four spaces or more
outside a list (HTML laid out like a web page's: its lines would become code), which
stays as typed. ``markdown="0"`` is refused where it would stay in the page (any block
at the text's margin: md_in_html leaves the attribute there; the body's check names it).

For every other block (``<div>``, ``<figure>``, ``<p>``…), and the ``<details>`` left
as typed, :func:`literal_markdown` finds the Markdown shown as typed (a link
``[testo](indirizzo)``, ``**grassetto**``, a line ``- voce`` or ``## Titolo``; not in
``<code>`` or ``<pre>``, nor escaped with ``\\``), from the blocks the conversion set
aside as they are, for a warning at its line (:mod:`plugins.contract.check`, shared by
the build and ``invoke check``).
"""

import bisect
import itertools
import re
import xml.etree.ElementTree as etree
from html.parser import HTMLParser

from markdown.extensions import Extension
from markdown.extensions.md_in_html import HTMLExtractorExtra, HtmlBlockPreprocessor
from markdown.util import BLOCK_LEVEL_ELEMENTS

from .speedups import HTML_BLOCK, HTML_BLOCK_PRIORITY

DETAILS = "details"
# a start or end tag <details> (group 1: "/" for an end tag)
DETAILS_TAG_RE = re.compile(r"<(/?)details(?![^\s/>])", re.IGNORECASE)
# a line of a list's item (its deeper lines may be indented: sub-items, paragraphs)
ITEM_LINE_RE = re.compile(r"[ ]{0,3}(?:[*+-]|\d+\.)[ ]+\S")
INDENT = 4  # spaces that make a line code (tabs are spaces by then: Python-Markdown's)


class _Extractor(HTMLExtractorExtra):
    """md_in_html's HTML reader, a ``<details>`` without ``markdown`` read with
    ``markdown="1"`` where its lines are laid at the margin, and the ``<summary>``
    right inside a converted ``<details>`` as a line of text."""

    def get_state(self, tag, attrs):
        if "markdown" not in attrs and not self.inraw:
            if tag == DETAILS and DETAILS not in self.mdstack and self._flat():
                attrs = {**attrs, "markdown": "1"}
            elif tag == "summary" and self.mdstack and self.mdstack[-1] == DETAILS \
                    and self.mdstate[-1] == "block":
                attrs = {**attrs, "markdown": "1"}
        return super().get_state(tag, attrs)

    def get_element(self):
        # A converted block, whole, as md_in_html gives it to be flattened: the elements
        # in it that it leaves as typed (a <p> in a <div markdown="1">, state "off") are
        # kept for literal_markdown (each the outermost: what is in it is as typed too)
        element = super().get_element()
        pending = [element]
        while pending:
            for child in pending.pop():
                if child.get("markdown") == "off":
                    self.md.raw_html_elements.append(child)
                else:
                    pending.append(child)
        return element

    def _flat(self):
        """Whether the ``<details>`` starting here has no line indented by
        :data:`INDENT` spaces or more but under a list's item (read up to its end tag,
        nested ones counted; or to the end). One inside another converted one is not
        asked: its lines are the outer one's."""
        text = self.rawdata
        start = self.line_offset + self.offset
        depth, end = 0, len(text)
        for tag in DETAILS_TAG_RE.finditer(text, start):
            depth += -1 if tag[1] else 1
            if not depth:
                end = tag.start()
                break
        in_item = False
        for line in text[start:end].split("\n")[1:]:
            indent = len(line) - len(line.lstrip(" "))
            if indent == len(line):
                continue  # blank
            if indent < INDENT:
                in_item = ITEM_LINE_RE.match(line) is not None or in_item and indent > 0
            elif not in_item:
                return False
        return True


class _Preprocessor(HtmlBlockPreprocessor):
    """md_in_html's raw-HTML step with :class:`_Extractor`."""

    def run(self, lines):
        parser = _Extractor(self.md)
        parser.feed("\n".join(lines))
        parser.close()
        return "".join(parser.cleandoc).split("\n")


class DetailsMarkdownExtension(Extension):
    """Markdown inside a ``<details>`` without ``markdown`` attribute (:class:`_Extractor`),
    where md_in_html is on (``extra``): its raw-HTML step replaced by the same with that
    reading. Before :mod:`.speedups`, which wraps whatever step is there."""

    def extendMarkdown(self, md):  # noqa: N802 - Markdown's API
        self.md = md
        md.registerExtension(self)  # reset() with the converter's
        self.reset()
        if isinstance(md.preprocessors[HTML_BLOCK] if HTML_BLOCK in md.preprocessors
                      else None, HtmlBlockPreprocessor):
            md.preprocessors.register(_Preprocessor(md), HTML_BLOCK, HTML_BLOCK_PRIORITY)

    def reset(self):
        # the elements a conversion left as typed inside converted blocks: none yet (a
        # text without "<" is not read for HTML at all, speedups.PlainTextSkipped)
        self.md.raw_html_elements = []


# --- Markdown left as typed in a block of HTML ---------------------------------------
# What Markdown would have made of it, each as typed (not after a "\", which escapes it):
# a link or an image, bold, a list's item or a heading at a line's start. Each part of
# bounded length, so that no start is tried past a few hundred characters (a pasted line
# of thousands of "**a" or "[" was read again from each one)
LITERAL_RES = (
    re.compile(r"(?<!\\)!?\[[^\[\]\n]{0,500}\]\([^()\s]{1,2000}(?:[ \t]+\"[^\"\n]{0,500}\")?\)"),
    re.compile(r"(?<![\\*_\w])(\*\*|__)(?=[^\s*_])[^\n]{0,300}?[^\s\\*_]\1(?![*_\w])"),
    re.compile(r"^[ \t]*(?:[*+-]|\d{1,3}\.)[ \t]+[^\s\x01][^\n\x01]*", re.MULTILINE),
    re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+[^\s\x01][^\n\x01]*", re.MULTILINE),
)
# what a block must hold for any of them (most hold none: not read)
LITERAL_NEEDLES = ("](", "**", "__", "- ", "* ", "+ ", ". ", "# ")
CODE = {"code", "pre"}
VOID = {"hr"}  # a block-level tag without content
# characters of its block before a literal that find its place in the source
CONTEXT = 200
TAG_MARK = "\x01"  # a tag's place in a block's text: no line starts there, nothing spans it


class _Text(HTMLParser):
    """The text of a block of HTML as typed (references left as written): ``parts``,
    ``[(text, the block-level tags open around it, outermost first)]``; each tag and
    the code (``<code>``, ``<pre>``) a :data:`TAG_MARK`."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.parts, self.open, self.code = [], (), 0

    def handle_starttag(self, tag, attrs):
        self.code += tag in CODE
        if tag in BLOCK_LEVEL_ELEMENTS and tag not in VOID:
            self.open = (*self.open, tag)
        self.parts.append((TAG_MARK, self.open))

    def handle_endtag(self, tag):
        self.code -= tag in CODE and self.code > 0
        if tag in self.open:
            self.open = self.open[:len(self.open) - 1 - self.open[::-1].index(tag)]
        self.parts.append((TAG_MARK, self.open))

    def handle_data(self, data):
        self.parts.append((TAG_MARK if self.code else data, self.open))

    def handle_entityref(self, name):
        self.parts.append((TAG_MARK, self.open))

    handle_charref = handle_entityref


def _element_parts(element):
    """:class:`_Text`'s ``parts`` of an element md_in_html left as typed (inside a
    converted block)."""
    parts = []

    def walk(node, around):
        around = (*around, node.tag) if node.tag in BLOCK_LEVEL_ELEMENTS else around
        parts.append((TAG_MARK, around))
        if node.tag not in CODE:
            parts.append((node.text or "", around))
            for child in node:
                walk(child, around)
                parts.append((child.tail or "", around))
        parts.append((TAG_MARK, around))

    walk(element, ())
    return parts


def literal_markdown(markdown):
    """``[(tags, literal, needles)]`` of the last conversion of ``markdown``: for each
    block of HTML left as typed (Python-Markdown's stash of raw HTML, read before the
    next conversion resets it) holding Markdown shown as typed, the first such text
    (``**programma**``), the block-level tags around it (``("figure", "figcaption")``:
    each needs ``markdown="1"``) and what to look for in the source to find its line
    (:class:`plugins.contract.lines.Lines`): the text with what comes before it in its
    block (None when not found so), then the text itself."""
    found = []
    # the stash's strings (its elements are md_in_html's converted blocks, or those it
    # left as typed in them, which _Extractor kept: read once)
    for block in [*(block for block in markdown.htmlStash.rawHtmlBlocks
                    if isinstance(block, str)),
                  *getattr(markdown, "raw_html_elements", ())]:
        if isinstance(block, etree.Element):
            if not any(needle in text for text in block.itertext()
                       for needle in LITERAL_NEEDLES):
                continue
            parts, raw = _element_parts(block), None
        elif block.startswith("<") and any(needle in block for needle in LITERAL_NEEDLES):
            parser = _Text()
            parser.feed(block)
            parser.close()
            parts, raw = parser.parts, block
        else:
            continue
        text = "".join(part for part, _ in parts)
        matches = [match for match in (expression.search(text) for expression in LITERAL_RES)
                   if match is not None]
        if not matches:
            continue
        first = min(matches, key=lambda match: match.start())
        ends = list(itertools.accumulate(len(part) for part, _ in parts))
        tags = parts[bisect.bisect_right(ends, first.start())][1]
        typed = first[0].strip()
        literal = typed.split(TAG_MARK)[0]  # as the source has it (no tag inside)
        at = raw.find(literal) if raw is not None else -1
        found.append((tags, typed.replace(TAG_MARK, ""), (
            _in_context(raw[max(0, at - CONTEXT):at], literal) if at >= 0 else None,
            literal)))
    return found


def _in_context(before, literal):
    """A needle for :class:`plugins.contract.lines.Lines` (lower case): ``literal`` right
    after ``before``, any run of white space as any other (Python-Markdown read tabs as
    spaces); not the same words in the text above the block (converted there)."""
    def written(text):
        return r"\s+".join(re.escape(part) for part in text.lower().split())

    space = r"\s+" if before[-1:].isspace() else ""
    return re.compile(rf"{written(before)}{space}(?P<at>{written(literal)})")


def literal_warning(tags, literal):
    """The warning for Markdown shown as typed inside the blocks ``tags`` (outermost
    first, each needing ``markdown="1"``: Python-Markdown converts an element's text only
    where every block around it says so)."""
    opening = " e ".join(f'<{tag} markdown="1">' for tag in tags)
    typed = " e ".join(f"<{tag}>" for tag in tags)
    return (f"il Markdown resta scritto così sul sito (nel blocco HTML {typed}):"
            f" «{literal}»; il testo di un blocco HTML non viene convertito: scrivi {opening}"
            f" al posto di {typed}, con il testo del blocco al margine (una riga rientrata"
            f" di 4 spazi diventa codice) / Markdown inside an HTML block is shown as typed:"
            f" write {opening}")
