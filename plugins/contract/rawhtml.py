"""Markdown inside HTML blocks: converted in a text to open.

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
stays as typed. ``markdown="0"`` keeps any block as typed.
"""

import re

from markdown.extensions import Extension
from markdown.extensions.md_in_html import HTMLExtractorExtra, HtmlBlockPreprocessor

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
        if isinstance(md.preprocessors[HTML_BLOCK] if HTML_BLOCK in md.preprocessors
                      else None, HtmlBlockPreprocessor):
            md.preprocessors.register(_Preprocessor(md), HTML_BLOCK, HTML_BLOCK_PRIORITY)
