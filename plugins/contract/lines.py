"""Where in the Markdown source a finding in the rendered HTML was written: its line.

The checks read the HTML Python-Markdown made (``body``), which keeps no trace of the
source's lines; the line of a finding is that of the text it was made from, looked for
in the source (:class:`Lines`). A text written twice is at its next place each time it
is asked; places where it is not what the HTML holds are passed by: code spans and
fenced code (text there, not HTML nor links), footnote definitions (Python-Markdown
moves them to the end of the HTML) for findings outside them.
"""

import bisect
import functools
import re
from html import escape

from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.util import BLOCK_LEVEL_ELEMENTS


class Lines:
    """Lines of needles in the Markdown ``source`` (case-insensitive; the first line is
    ``body_line``). Called with a needle (one text, or several tried in turn) it answers
    the line of its first place; called again with the same needle, the line of its next
    place: the fifth ``style=`` of a text pasted from a web page is named at its own line,
    not at the first one's (a needle asked more often than it is there: its last place).

    A needle is a text or a compiled expression (its group ``at``, else its match, is
    the place: :func:`.needles.attribute_needle`), or :class:`InFootnote` of needles. Places
    inside code (code spans, fenced blocks: text, not HTML nor links) are passed by, and
    so are footnote definitions, unless the needles are an :class:`InFootnote`, which are
    looked for in that definition only: Python-Markdown moves the footnotes to the end of
    the HTML, so the findings in one come after those of the text below it. A needle
    found only in those places (read otherwise than guessed here) is at its first place.

    The text is lowered and its line breaks, code and footnotes found once, at the first
    question, and shared with the cursors :meth:`another` makes: most texts are never
    asked."""

    def __init__(self, source, body_line, shared=None):
        self.source = source
        self.body_line = body_line
        self.shared = {} if shared is None else shared  # "lowered", "breaks", regions
        # (footnote, needle) -> (where to look next, its last place); needle: lower case
        self.after = {}
        self.anywhere = {}  # needle -> its first place in the whole text, or -1

    def another(self):
        """A cursor of its own on the same text."""
        return Lines(self.source, self.body_line, self.shared)

    def _text(self):
        if not self.shared:
            lowered = self.source.lower()
            code, footnotes = _literal_regions(lowered)
            self.shared.update(
                lowered=lowered, footnotes=footnotes,
                breaks=[match.start() for match in re.finditer("\n", lowered)],
                code=_Regions(code), outside=_Regions(code + list(footnotes.values())))
        return self.shared

    def __call__(self, needles):
        text = self._text()
        lowered = text["lowered"]
        footnote = None
        if isinstance(needles, InFootnote):
            footnote, needles = needles.label.lower(), needles.needles
        needles = list(_as_written([needles] if isinstance(needles, (str, re.Pattern))
                                   else needles))
        if footnote is None:
            begin, end, skip = 0, len(lowered), text["outside"]
        else:  # a definition not found (written otherwise than guessed): the whole text
            begin, end = text["footnotes"].get(footnote, (0, len(lowered)))
            skip = text["code"]
        for needle in needles:
            key = (footnote, needle.lower() if isinstance(needle, str) else needle)
            start, last = self.after.get(key, (begin, -1))
            position, after = _find(lowered, key[1], start, end, skip)
            if position >= 0:
                self.after[key] = (after, position)
            else:  # no place after: not looked for again (a needle that is nowhere, asked
                self.after[key] = (end, last)  # for each of 20,000 links)
                position = last
            if position >= 0:
                return self._line(position)
        for needle in needles:
            key = needle.lower() if isinstance(needle, str) else needle
            if key not in self.anywhere:
                self.anywhere[key] = _find(lowered, key, 0, len(lowered), None)[0]
            if self.anywhere[key] >= 0:
                return self._line(self.anywhere[key])
        return None

    def first_places(self, pattern):
        """``{group "at" of a match of pattern: the line of its first place}``, outside code
        and footnotes: every match in one pass of the text, for needles too many to look
        for one by one (each a search of the text)."""
        text = self._text()
        key = ("first_places", pattern)
        if key not in text:
            places = {}
            for match in pattern.finditer(text["lowered"]):
                if text["outside"].end_around(match.start("at")) is None:
                    places.setdefault(match["at"], self._line(match.start("at")))
            text[key] = places
        return text[key]

    def _line(self, position):
        return self.body_line + bisect.bisect_left(self.shared["breaks"], position)


class InFootnote:
    """``needles`` found in the definition of the footnote ``label`` (``[^label]: …``)."""

    def __init__(self, label, needles):
        self.label = label
        self.needles = needles


def _find(lowered, needle, start, end, skip):
    """``(place, where to look next)`` of the first ``needle`` (lower case, or an
    expression) in ``lowered[start:end]`` outside the regions ``skip``; ``(-1, -1)``."""
    while True:
        if isinstance(needle, str):
            position = lowered.find(needle, start, end)
            if position < 0:
                return -1, -1
            after = position + len(needle)
        else:
            match = needle.search(lowered, start, end)
            if match is None:
                return -1, -1
            position = match.start("at") if "at" in needle.groupindex else match.start()
            after = match.end()
        inside = skip.end_around(position) if skip is not None else None
        if inside is None:
            return position, after
        start = inside  # each region passed once: the search goes forward


class _Regions:
    """Sorted, disjoint ``(start, end)`` regions of a text."""

    def __init__(self, regions):
        merged = []
        for start, end in sorted(regions):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def end_around(self, position):
        """The end of the region holding ``position``, or None."""
        index = bisect.bisect_right(self.starts, position) - 1
        return self.ends[index] if index >= 0 and position < self.ends[index] else None


# Python-Markdown's fenced code block (markdown.extensions.fenced_code) and footnote
# definition (markdown.extensions.footnotes)
_FENCE_RE = FencedBlockPreprocessor.FENCED_BLOCK_RE
_FENCE_START_RE = re.compile(r"^(?:`{3,}|~{3,})", re.MULTILINE)
_FOOTNOTE_RE = re.compile(r"^[ ]{0,3}\[\^([^\]]*)\]:", re.MULTILINE)
_BLANK_LINES_RE = re.compile(r"\n(?:[ \t]*\n)+")  # what ends a block
_BLANK_START_RE = re.compile(r"(?:[ \t]*\n)*")
_TICKS_RE = re.compile(r"(?<!\\)`+|(?<=\\)`(`*)")
# a block-level tag where Python-Markdown begins an HTML block (its html_block)
_HTML_BLOCK_RE = re.compile(rf"^[ ]{{0,3}}<({'|'.join(BLOCK_LEVEL_ELEMENTS)})(?![^\s/>])",
                            re.MULTILINE)


def _literal_regions(text):
    """``(code, footnotes)`` of a Markdown text as Python-Markdown reads it: ``code`` the
    ``(start, end)`` of its fenced code blocks and code spans, ``footnotes`` ``{label:
    (start, end)}`` of its footnote definitions (``[^label]:`` and the lines and the
    indented blocks that follow it; the last of a label, the one Python-Markdown shows).
    Near enough (not indented code blocks; no code span in an HTML block), in one pass."""
    code, footnotes = [], {}
    fences = _fences(text)
    code += fences
    if "`" not in text and "[^" not in text:  # no code span, no footnote: nothing more
        return code, footnotes  # to look for (most texts: a pass over each block saved)
    # the text between the fences: Python-Markdown reads them first
    for piece_start, piece_end in zip([0] + [end for _, end in fences],
                                      [start for start, _ in fences] + [len(text)]):
        note = None  # the footnote open: [label, start, end]
        html = _html_blocks(text, piece_start, piece_end)
        for start, end in _blocks(text, piece_start, piece_end):
            for part_start, part_end in _outside(start, end, html):
                code += _code_spans(text, part_start, part_end)
            indented = text.startswith(("    ", "\t"), start)
            if note is not None and not indented:
                footnotes[note[0]] = (note[1], note[2])
                note = None
            if note is None and indented:
                continue  # a list's, or code: not a definition's
            for definition in _FOOTNOTE_RE.finditer(text, start, end):
                if note is not None:  # one definition ends where the next begins
                    footnotes[note[0]] = (note[1], definition.start())
                note = [definition[1], definition.start(), end]
            if note is not None:
                note[2] = end
        if note is not None:
            footnotes[note[0]] = (note[1], note[2])
    return code, footnotes


def _html_blocks(text, start, end):
    """``(start, end)`` of the HTML blocks of ``text[start:end]`` (lower case), HTML that
    Python-Markdown leaves as it is (a backtick there is no code span: `e``, typed for
    `è`, in a text pasted from a web page): from a block-level tag at a line's start to
    the end of the line of its end tag (nested ones counted), or to the end."""
    blocks = []
    while True:
        opening = _HTML_BLOCK_RE.search(text, start, end)
        if opening is None:
            return blocks
        stop, depth = end, 0
        closed = text.find(">", opening.end(), end)
        if opening[1] == "hr" or (closed > 0 and text[closed - 1] == "/"):  # <hr>, <div/>
            stop = _line_end(text, opening.end(), end)
        else:
            for tag in _tag_re(opening[1]).finditer(text, opening.start(), end):
                depth += -1 if tag[1] else 1
                if not depth:
                    stop = _line_end(text, tag.end(), end)
                    break
        blocks.append((opening.start(), stop))
        start = stop


def _line_end(text, position, end):
    found = text.find("\n", position, end)
    return end if found < 0 else found


@functools.lru_cache(maxsize=64)
def _tag_re(name):
    """A start or end tag ``name`` (group 1: ``/`` for an end tag)."""
    return re.compile(rf"<(/?){re.escape(name)}(?![^\s/>])")


def _outside(start, end, regions):
    """The parts of ``start``-``end`` outside ``regions`` (sorted, disjoint)."""
    for index in range(max(bisect.bisect_right(regions, (start,)) - 1, 0), len(regions)):
        region_start, region_end = regions[index]
        if region_start >= end:
            break
        if region_start > start:
            yield start, region_start
        start = max(start, region_end)
    if start < end:
        yield start, end


def _fences(text):
    """``(start, end)`` of the fenced code blocks of ``text``, as Python-Markdown's
    expression finds them; each tried only up to the first line that could close it (the
    expression alone reads the rest of the text for each opening that no line closes)."""
    openings, closings = [], {}  # fence -> the starts of the lines that are that alone
    for match in _FENCE_START_RE.finditer(text):
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end
        openings.append((match.start(), match[0]))
        if not text[match.end():end].strip(" "):
            closings.setdefault(match[0], []).append((match.start(), end))
    fences, after = [], 0
    for start, fence in openings:
        candidates = closings.get(fence, [])
        index = bisect.bisect_right(candidates, (start, len(text)))
        if start < after or index == len(candidates):
            continue
        block = _FENCE_RE.match(text, start, candidates[index][1])
        if block:
            fences.append(block.span())
            after = block.end()
    return fences


def _blocks(text, start, end):
    """``(start, end)`` of the blocks of ``text[start:end]``: lines between blank lines."""
    for blank in _BLANK_LINES_RE.finditer(text, start, end):
        start = _BLANK_START_RE.match(text, start, blank.start()).end()
        if start < blank.start():
            yield start, blank.start()
        start = blank.end()
    start = _BLANK_START_RE.match(text, start, end).end()
    if text[start:end].strip():
        yield start, end


def _code_spans(text, start, end):
    """The code spans of the block ``text[start:end]``: a run of backticks (not one
    escaped by a backslash) to the next run of as many. Python-Markdown also pairs a run
    with a shorter one when no run as long follows; not here (a text of unpaired
    backticks, a mistake, is then read as no code)."""
    runs = [(match.start() + (1 if match.group(1) is not None else 0), match.end())
            for match in _TICKS_RE.finditer(text, start, end)]
    following = {}  # length -> indexes of the runs that long, last first
    for index in range(len(runs) - 1, -1, -1):
        following.setdefault(runs[index][1] - runs[index][0], []).append(index)
    spans, index = [], 0
    while index < len(runs):
        opening = runs[index]
        length = opening[1] - opening[0]
        later = following[length]
        while later and later[-1] <= index:
            later.pop()
        if length and later:
            closing = runs[later[-1]]
            spans.append((opening[0], closing[1]))
            index = later[-1] + 1
        else:
            index += 1
    return spans


def _as_written(needles):
    """Each needle, then (holding ``&``) as HTML writes it: the HTML read an address's
    ``&amp;`` as ``&`` (``<a href="foto.jpg?w=1&amp;h=2">`` pasted from a web page)."""
    for needle in needles:
        if needle:
            yield needle
            if isinstance(needle, str) and "&" in needle:
                yield escape(needle, quote=False)


def find_line(source, needles, body_line):
    """The line of the first case-insensitive needle found in the Markdown ``source``
    (``needles``: one text, or several tried in turn)."""
    return Lines(source, body_line)(needles)
