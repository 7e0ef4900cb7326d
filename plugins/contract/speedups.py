"""Python-Markdown's own inline patterns, with equivalent regular expressions that
Python's ``re`` scans faster: the same matches, the same HTML.

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
"""

import re

from markdown.extensions import Extension
from markdown.inlinepatterns import BACKTICK_RE, LINK_RE

# Python-Markdown's regular expression -> an equivalent one that starts with a literal
FASTER = {
    # links and references (REFERENCE_RE is LINK_RE): a ``[`` not after ``!``; the
    # look-behind, after the ``[``, checks the character before it
    LINK_RE: r"\[(?<!!\[)",
    # both alternatives start with a backslash or a backtick: say so first
    BACKTICK_RE: r"(?=[\\`])" + BACKTICK_RE,
}
PATTERNS = ("backtick", "reference", "link", "short_reference")  # inlinePatterns' names


class FasterPatternsExtension(Extension):
    """Replaces the compiled expression of :data:`PATTERNS` (where it is the listed one)."""

    def extendMarkdown(self, md):  # noqa: N802 - Markdown's API
        for name in PATTERNS:
            if name not in md.inlinePatterns:
                continue
            pattern = md.inlinePatterns[name]
            faster = FASTER.get(getattr(pattern, "pattern", None))
            if faster is not None:
                # the flags InlineProcessor compiles with
                pattern.compiled_re = re.compile(faster, re.DOTALL | re.UNICODE)


def makeExtension(**kwargs):  # noqa: N802 - Markdown's entry point name
    return FasterPatternsExtension(**kwargs)
