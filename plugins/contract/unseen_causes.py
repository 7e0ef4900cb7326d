"""Why YAML could not read a front matter, when the cause does not show in an editor: a
non-breaking space where YAML needs a plain one, a tab in the indentation, curly quotes
around a value holding ": ", a ``---`` line a word processor changed. Read only after
YAML's error, to name the line to fix in its place."""

import bisect
import re

import yaml

from .errors import HEADER
from .written import quoted, without_curly

# What makes YAML fail without showing in an editor: a non-breaking space (typed with
# Alt/Option+Space, or pasted from a word processor) where YAML needs a plain one, a tab
# in the indentation, curly quotes (which YAML does not take for quotes) around a value
# holding ": ".
_INVISIBLE = (
    (re.compile(r"^[^#\n]*?:\u00a0", re.M),
     "c'è uno spazio speciale (non separabile, copiato da un programma di videoscrittura)"
     " dove serve uno spazio normale: riscrivi lo spazio dopo i due punti"),
    (re.compile(r"^[ \t]*\u00a0[ \t\u00a0]*\S", re.M),
     "c'è uno spazio speciale (non separabile, copiato da un programma di videoscrittura)"
     " dove serve uno spazio normale: riscrivi gli spazi all'inizio della riga"),
    (re.compile(r"^\t+", re.M), lambda line, above: _tab_indented(line, above)),
    (re.compile(r"^ +\t", re.M), "nel rientro della riga c'è un tabulatore: usa solo spazi"),
    (re.compile(r"^[ \t]*-\t", re.M), "dopo il trattino della voce c'è un tabulatore: scrivi"
     " uno spazio"),
    # (the line to write instead: _curly_quoted, below)
    (re.compile(r"^[^#\n:]+:\s*[“”‘’«][^\n]*:\s", re.M),
     lambda line, above: _curly_quoted(line)),
    # meant to close it ("---" made a dash by a word processor), a "---" further down
    # (a rule in the body) did: the lines between are taken for YAML
    (re.compile(r"^(?:[\u2010-\u2015\u2212]{1,6}|--|-{4,6})[ \t]*$", re.M),
     f"questa riga non chiude l'{HEADER}: deve essere di tre trattini normali, `---`"),
)


# the patterns of _INVISIBLE that find a tab after a line's first spaces or its dash,
# which a text written over several lines (`summary: |`, a quoted value) may hold as its
# own: there it is no cause
_IN_INDENT = tuple(pattern for pattern, _ in _INVISIBLE[3:5])


def _scalar_spans(text):
    """``[(start, end)]``: where the values YAML read in ``text`` before its error are."""
    spans = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken):
                spans.append((token.start_mark.index, token.end_mark.index))
    except yaml.YAMLError:
        pass
    return spans


def _inside(spans, index):
    """Whether ``index`` is inside one of the ``spans`` (sorted, not overlapping)."""
    at = bisect.bisect_right(spans, (index, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= index < spans[at][1]


def invisible_cause(text, first_line):
    """``(line, explanation)`` of the first cause in :data:`_INVISIBLE` in the YAML
    ``text`` (which starts at ``first_line``), or None."""
    found, spans = [], None
    for order, (pattern, explanation) in enumerate(_INVISIBLE):
        match = pattern.search(text)
        if match and pattern in _IN_INDENT:
            # a tab or a non-breaking space that is a value's text (a line of a `summary:
            # |` indented by spaces, then a tab): no cause, the error is elsewhere
            spans = _scalar_spans(text) if spans is None else spans
            match = next((found_here for found_here in pattern.finditer(text)
                          if not _inside(spans, found_here.end() - 1)), None)
        if match:
            if callable(explanation):
                start = text.rfind("\n", 0, match.start()) + 1
                above = [line for line in text[:start].split("\n") if line.strip()]
                explanation = explanation(text[start:].split("\n", 1)[0],
                                          above[-1] if above else "")
            # on one line, the first of _INVISIBLE (a tab before the line and one after its
            # dash: the line to write with spaces says both)
            found.append((first_line + text.count("\n", 0, match.start()), order, explanation))
    return min(found)[::2] if found else None


# a line of a list's item with a key: "  - file: allegati/x.pdf" (its key's column, where
# the item's other keys go)
_ITEM_KEY_RE = re.compile(r"^(?P<dash>[ \t]*-[ \t]+)[^\s:#][^:#]*:(?:\s|$)")


def _tab_indented(line, above):
    """What to say of ``line``, indented with tabs, which YAML refuses: the line to write
    with spaces, as the guide's examples indent it: an item of a list, ``  - Crema``; a
    key under an item's (``above``, the line before) aligned with it,
    ``    title: Programma``; another key at the margin; the next line of a value, two
    spaces."""
    text = line.lstrip("\t ")
    item = _ITEM_KEY_RE.match(above.replace("\t", "  "))
    keyed = re.match(r"[^\s:#][^:#]*:(?:\s|$)", text)
    if text.startswith("-"):
        written = "  - " + text[1:].lstrip(" \t")
    elif item is not None and keyed:
        written = " " * len(item["dash"]) + text
    elif keyed:
        written = text
    else:  # the next line of the value above (summary: |, a long title)
        written = "  " + text
    return (f"la riga comincia con un tabulatore, che nell'{HEADER} non vale come spazio:"
            f" scrivila con gli spazi, `{written}`")


def _curly_quoted(line):
    """What to say of ``line``, whose value starts with a curly quote and holds ": ": its
    value between straight quotes (without the curly ones when they enclose it whole, as
    the warning on curly quotes around a value says: they are not part of the text)."""
    key, value = (part.strip() for part in line.split(":", 1))
    written = "le virgolette tipografiche (“ ” « ») non racchiudono il testo" \
        f" nell'{HEADER}: usa quelle diritte (\" o ')"
    if not value:  # the value on the line below ("summary:" alone, then "  “…: …”")
        return written
    return f"{written}: scrivi {key}: {quoted(without_curly(value))}"
