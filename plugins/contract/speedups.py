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
"""

import re

from markdown.extensions import Extension
from markdown.inlinepatterns import BACKTICK_RE, LINK_RE
from markdown.preprocessors import Preprocessor

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
    """Replaces the compiled expression of :data:`PATTERNS` (where it is the listed one)
    and wraps the raw-HTML preprocessor in :class:`PlainTextSkipped`."""

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


def makeExtension(**kwargs):  # noqa: N802 - Markdown's entry point name
    return SpeedupsExtension(**kwargs)
