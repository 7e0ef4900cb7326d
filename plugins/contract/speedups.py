"""Python-Markdown's own steps, made faster where the result is provably the same:
the same matches, the same HTML.

Every text node of every body is searched with every inline pattern. Three of
Python-Markdown's patterns start with a look-behind (``(?<!\\!)\\[`` for links and
references, ``(?<!\\\\)…`` for code spans), so ``re`` cannot skip ahead to a likely
start and tries the look-behind at each character: the code-span pattern alone was
a tenth of a body's conversion. Written to start with what they must match (a
``[``; a backslash or a backtick), they match exactly where the originals do, with
the same groups; on the bench's 1000 articles the conversion takes a fifth less
time, in the build and in ``invoke check``.

Only a pattern whose regular expression is exactly the one listed is replaced: a
later Python-Markdown that changes one keeps its own (``tests/test_markdown_speedups.py``
fails then, and this table is brought up to date).

The raw-HTML preprocessor (``html_block``, ``extra``'s or the core's) feeds every text
to an HTML parser to set its HTML blocks aside; a text without ``<`` has no tag and,
without ``&``, no reference the parser would rewrite (``&#65x`` becomes ``&#65;``): it
would come back as it went in, so it is not parsed (most bodies: 4 % of ``invoke
check``'s time went into those parsers).

The inline step tries every pattern on every text of the tree, one call each, most
of them on texts without the character the pattern starts with (a paragraph of plain
words holds no ``[``, ``*``, ``<``, ``&``, backslash or backtick). A pattern whose
expression cannot match without one of its :data:`NEEDLES` is not tried on a text
that holds none of them: Python-Markdown's own search would find nothing there and
change nothing (no match, no ``handleMatch``); the inline step took two fifths of a
conversion, and three quarters of it went into those calls.

The block parser likewise asks every block processor whether a block is its kind,
most by searching the whole block (a quotation's ``>`` at any line's start, a ``#``
heading, a ``---`` rule, a definition's ``:``; the link, footnote and abbreviation
definitions search in ``run`` and give the block back when they find nothing): a
block without the text the processor's expression requires (:data:`BLOCK_NEEDLES`)
is not its kind, and it is not asked.

The table of contents' step looks for its marker (``[TOC]``) by joining the text of
every element under each element of the tree; a tree none of whose texts holds the
marker has nothing to replace, and it is not looked through.
"""

import re

from markdown import util
from markdown.extensions import Extension
from markdown.extensions.toc import TocTreeprocessor
from markdown.inlinepatterns import (
    AUTOLINK_RE, AUTOMAIL_RE, BACKTICK_RE, ENTITY_RE, ESCAPE_RE, HTML_RE, IMAGE_LINK_RE,
    LINE_BREAK_RE, LINK_RE, DelimiterProcessor, Pattern,
)
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import InlineProcessor

# Python-Markdown's regular expression -> an equivalent one that starts with a literal
FASTER = {
    # links and references (REFERENCE_RE is LINK_RE): a ``[`` not after ``!``; the
    # look-behind, after the ``[``, checks the character before it
    LINK_RE: r"\[(?<!!\[)",
    # both alternatives start with a backslash or a backtick: say so first
    BACKTICK_RE: r"(?=[\\`])" + BACKTICK_RE,
}
PATTERNS = ("backtick", "reference", "link", "short_reference")  # inlinePatterns' names


# the raw-HTML preprocessor's name and place, in the core and in md_in_html
HTML_BLOCK, HTML_BLOCK_PRIORITY = "html_block", 20

# Python-Markdown's expression -> texts one of which it cannot match without (each
# alternative of the expression starts with one of them, or requires it literally)
NEEDLES = {
    BACKTICK_RE: ("`",),  # both alternatives end at, or are, a backtick
    ESCAPE_RE: ("\\",),
    r"\[\^([^\]]*)\]": ("[^",),  # footnotes' reference (its FOOTNOTE_RE)
    LINK_RE: ("[",),  # also REFERENCE_RE and the short reference's
    IMAGE_LINK_RE: ("![",),  # also IMAGE_REFERENCE_RE and the short image reference's
    AUTOLINK_RE: ("<",),
    AUTOMAIL_RE: ("<",),
    LINE_BREAK_RE: ("  \n",),
    HTML_RE: ("<",),  # every alternative starts with it
    ENTITY_RE: ("&",),
}
# the inline treeprocessor's name and place; the table of contents' name
INLINE, INLINE_PRIORITY = "inline", 20
TOC = "toc"

# (block processor's class name, its expression) -> texts one of which a block must
# hold for the processor to take it (its test is true and its run does not give the
# block back). HRProcessor's expression is the one it searches with (SEARCH_RE).
BLOCK_NEEDLES = {
    ("BlockQuoteProcessor", r"(^|\n)[ ]{0,3}>[ ]?(.*)"): (">",),
    ("HashHeaderProcessor", r"(?:^|\n)(?P<level>#{1,6})(?P<header>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)"
                            r"#*(?:\n|$)"): ("#",),
    ("SetextHeaderProcessor", r"^.*?\n(?:=+|-+)[ ]*(\n|$)"): ("\n=", "\n-"),
    ("HRProcessor", r"^[ ]{0,3}(?=(?P<atomicgroup>(-+[ ]{0,2}){3,}|(_+[ ]{0,2}){3,}|"
                    r"(\*+[ ]{0,2}){3,}))(?P=atomicgroup)[ ]*$"): ("-", "_", "*"),
    ("DefListProcessor", r"(^|\n)[ ]{0,3}:[ ]{1,3}(.*?)(\n|$)"): (":",),
    # these three take every block and search it in run, giving it back unmatched
    ("ReferenceProcessor", r"^[ ]{0,3}\[([^\[\]]*)\]:[ ]*(?:\n[ ]*)?([^\s]+)[ ]*(?:\n[ ]*)?"
                           r'((["\'])(.*)\4[ ]*|\((.*)\)[ ]*)?$'): ("]:",),
    ("FootnoteBlockProcessor", r"^[ ]{0,3}\[\^([^\]]*)\]:[ ]*(.*)$"): ("[^",),
    ("AbbrBlockprocessor", r"^[*]\[(?P<abbr>[^\\]*?)\][ ]?:[ ]*\n?[ ]*(?P<title>.*)$"): ("*[",),
}


class NeedleTest:
    """A block processor's ``test``, false at once for a block holding none of
    ``needles``."""

    def __init__(self, test, needles):
        self.test, self.needles = test, needles

    def __call__(self, parent, block):
        for needle in self.needles:
            if needle in block:
                return self.test(parent, block)
        return False


class MarkerFirst:
    """``TocTreeprocessor.replace_marker``, only for a tree where an element's text holds
    the marker (it replaces only an element whose text is the marker)."""

    def __init__(self, toc):
        self.toc, self.replace = toc, toc.replace_marker

    def __call__(self, root, elem):
        marker = self.toc.marker
        for element in root.iter():
            if element.text and marker in element.text:
                return self.replace(root, elem)
        return None


def block_needles(processor):
    """The :data:`BLOCK_NEEDLES` of ``processor`` (None when its expression is not the
    listed one)."""
    expression = getattr(processor, "SEARCH_RE", None) or getattr(processor, "RE", None)
    return BLOCK_NEEDLES.get((type(processor).__name__, getattr(expression, "pattern", None)))


def needles(pattern):
    """The texts ``pattern`` cannot match without (None: unknown, always tried): those
    of :data:`NEEDLES` for its expression, a delimiter pattern's own tokens (``*``,
    ``_``: its expression is their alternation); only for patterns that search with
    their compiled expression as Python-Markdown's classes do."""
    if type(pattern).getCompiledRegExp is not Pattern.getCompiledRegExp:
        return None
    if isinstance(pattern, DelimiterProcessor):
        return tuple(pattern.tokens) if pattern.tokens else None
    return NEEDLES.get(getattr(pattern, "pattern", None))


class NeedleInlineProcessor(InlineProcessor):
    """Python-Markdown's inline step, each pattern tried only on texts holding one of
    its :func:`needles`; everything else is the inherited code."""

    def run(self, tree, ancestors=None):
        # the registry in its order, as the inherited step reads it pattern by pattern
        self.table = [(pattern, needles(pattern)) for pattern in self.inlinePatterns]
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data, patternIndex=0):  # noqa: N802, N803
        # Python-Markdown's __handleInline (name-mangled: the inherited code calls this
        # one), with the skip; startIndex is 0 after a pattern that found nothing.
        if isinstance(data, util.AtomicString):
            return data
        table, apply = self.table, self._InlineProcessor__applyPattern
        start, count = 0, len(table)
        while patternIndex < count:
            pattern, required = table[patternIndex]
            if required is not None:
                for needle in required:  # (a loop: any() and a generator cost more)
                    if needle in data:
                        break
                else:
                    patternIndex, start = patternIndex + 1, 0
                    continue
            data, matched, start = apply(pattern, data, patternIndex, start)
            if not matched:
                patternIndex += 1
        return data


class PlainTextSkipped(Preprocessor):
    """``inner`` (a raw-HTML preprocessor), run only on texts that hold ``<`` or ``&``."""

    def __init__(self, inner):
        super().__init__(inner.md)
        self.inner = inner

    def run(self, lines):
        if any("<" in line or "&" in line for line in lines):
            return self.inner.run(lines)
        return lines


class SpeedupsExtension(Extension):
    """Replaces the compiled expression of :data:`PATTERNS` (where it is the listed one),
    wraps the raw-HTML preprocessor in :class:`PlainTextSkipped`, runs the inline step
    as :class:`NeedleInlineProcessor`, gives the block processors of
    :data:`BLOCK_NEEDLES` a :class:`NeedleTest` and the table of contents a
    :class:`MarkerFirst`."""

    def extendMarkdown(self, md):  # noqa: N802 - Markdown's API
        # The last extension (make_markdown adds it last): md_in_html, in ``extra``,
        # replaces the core's preprocessor with its own, which is the one wrapped here.
        if HTML_BLOCK in md.preprocessors:
            md.preprocessors.register(PlainTextSkipped(md.preprocessors[HTML_BLOCK]),
                                      HTML_BLOCK, HTML_BLOCK_PRIORITY)
        for name in PATTERNS:
            if name not in md.inlinePatterns:
                continue
            pattern = md.inlinePatterns[name]
            faster = FASTER.get(getattr(pattern, "pattern", None))
            if faster is not None:
                # the flags InlineProcessor compiles with
                pattern.compiled_re = re.compile(faster, re.DOTALL | re.UNICODE)
        if type(md.treeprocessors[INLINE]) is InlineProcessor:  # not another extension's
            md.treeprocessors.register(NeedleInlineProcessor(md), INLINE, INLINE_PRIORITY)
        for processor in md.parser.blockprocessors:
            required = block_needles(processor)
            if required is not None and not isinstance(processor.test, NeedleTest):
                processor.test = NeedleTest(processor.test, required)
        toc = md.treeprocessors[TOC] if TOC in md.treeprocessors else None
        if isinstance(toc, TocTreeprocessor) and not isinstance(toc.replace_marker, MarkerFirst):
            toc.replace_marker = MarkerFirst(toc)


def makeExtension(**kwargs):  # noqa: N802 - Markdown's entry point name
    return SpeedupsExtension(**kwargs)
