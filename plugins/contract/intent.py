"""Markdown as editors type it, and where Python-Markdown reads it otherwise: warnings.

Text pasted from a word processor, an e-mail or a chat keeps its look in the editor's
file, and Markdown publishes something else without a word: bullets typed as `•` or
`–`, a list or a table right under a line of text (no blank line: one paragraph),
items numbered `1)` or `a)`, a table copied from a spreadsheet (tabs), an address or
opening hours one per line (joined into one line), a hashtag at the start of a line (a
heading), `** testo **` (the asterisks shown), a web or e-mail address written bare
(text, not a link). Each is a **warning** at its line saying what readers get and
what to write: the text is never rewritten, the editor decides.

:func:`source_warnings` reads the Markdown source (outside fenced code and HTML
blocks, as Python-Markdown does), :func:`prose_warnings` the text of the HTML it made
(outside links and code, as the contract's HTML check reads it). The build and
``invoke check`` share them through :mod:`plugins.contract.check`.
"""

import bisect
import re

from .lines import _blocks, _code_spans, _fences, _html_blocks, _outside

# a line Python-Markdown begins a list with (up to 3 spaces before the marker; a tab
# after it is read as spaces: "-\tpane" is an item)
LIST_ITEM_RE = re.compile(r"[ ]{0,3}(?:[*+-]|\d+\.)[ \t]+\S")
# one under a line of text (a number of 1 to 3 digits: "2024. Poi…" is a year)
LATER_ITEM_RE = re.compile(r"\n[ ]{0,3}(?:[*+-]|\d{1,3}\.)[ \t]+\S")
# an item of the other kind right under a list's items (no blank line between): with
# sane_lists (pelicanconf's MARKDOWN) its lines are text of the list's last item
LATER_NUMBERED_RE = re.compile(r"\n[ ]{0,3}\d{1,3}\.[ \t]+\S")
# (not a rule, "* * *" or "- - -": Python-Markdown reads it as one before a list's item)
LATER_BULLETED_RE = re.compile(r"\n[ ]{0,3}(?!(?:\*[ ]{0,2}){3,}[ ]*$|(?:-[ ]{0,2}){3,}[ ]*$)"
                               r"[*+-][ \t]+\S", re.MULTILINE)
# an item indented by 1 to 3 spaces: Python-Markdown nests by 4 (or a tab)
SHALLOW_ITEM_RE = re.compile(r"\n[ ]{1,3}(?:[*+-]|\d+\.)[ \t]+\S")
# an item whose space, after its marker or before it, is a non-breaking one (a word
# processor's): it looks like "- pane" in every editor, and is no item
NBSP_ITEM_RE = re.compile(r"^(?=[ ]*\u00a0|[ ]*(?:[*+-]|\d{1,3}\.)\u00a0)[ \u00a0]{0,8}"
                          r"(?P<marker>[*+-]|\d{1,3}\.)[ \t\u00a0]+\S", re.MULTILINE)
# what else a block may begin with that is not a paragraph of text
NOT_TEXT = r"[ ]{0,3}(?:[#>|]|\[[^\]\n]*\]:|\*\[)|[ ]{4}|\t|<"
NOT_TEXT_RE = re.compile(NOT_TEXT)
NOT_TEXT_LINE_RE = re.compile(rf"^(?:{NOT_TEXT})", re.MULTILINE)
# a table's first row on a line of its own, its rule (| --- | --- |) on the next
# (each run of spaces read by one part of the expression: a line of thousands of spaces
# split between two was tried every way, in time growing with its square)
LATER_TABLE_RE = re.compile(r"\n[ \t]*\|[^\n]*\n[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*\|[ \t|:-]*"
                            r"(?:\n|$)")
# items typed otherwise than Markdown's "- " and "1. ": bullets and dashes a word
# processor or a chat makes, "*pane" and "-pane" without the space, "1)", "a)", "1.Uno"
TYPED_ITEM_RE = re.compile(
    r"^[ ]{0,3}(?:(?P<bullet>[\u2022\u00b7\u25aa\u25ab\u25e6\u25cf\u25cb\u2023\u2219\u2043"
    r"\u2010-\u2015\u2212\u27a2\u2794\u2192\u25b6\u25ba\u2713\u2714\u2605\u2606])[ \t\u00a0]*\S"
    r"|(?P<tight>[*+-])(?=[^\s*+\-\d])[^*\n]*$"
    r"|(?P<paren>\d{1,2}|[a-zA-Z])\)[ \t\u00a0]+\S"
    r"|(?P<dot>\d{1,2})\.(?=[^\W\d_]))", re.MULTILINE)
# a bullet and nothing else (not a dash: "– Nonno, che lavoro facevi?<br>" is a dialogue;
# not an arrow or a tick: "→ [Programma](…)<br>" is a line of links) at a line's start
KEPT_BULLET_RE = re.compile(r"^[ ]{0,3}(?P<bullet>[\u2022\u25aa\u25ab\u25e6\u25cf\u25cb"
                            r"\u2023\u2219\u2043])[ \t\u00a0]*\S", re.MULTILINE)
TAB_LINE_RE = re.compile(r"^[^\n]*\S\t+\S[^\n]*", re.MULTILINE)
# "#FareLegami" at a line's start: Python-Markdown's heading needs no space after "#"
HASHTAG_LINE_RE = re.compile(r"^[ ]{0,3}#(?P<tag>[^\s#]\S*)", re.MULTILINE)
# a heading's underline (`Titolo` / `===`), a definition (`: …`) under its term, or a
# table's rule (`--- | ---`: a table may be written without its outer `|`)
SETEXT_OR_TERM_RE = re.compile(r"^(?:[ \t]*(?:=+|-+)[ \t]*$|[ ]{0,3}:[ ]"
                               r"|[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*\|[ \t|:-]*$)", re.MULTILINE)
# a line that keeps its end: two spaces, a <br>; a backslash (CommonMark's) does not
# (the spaces from the first of their run only: tried from each space, a line of 100,000
# spaces before its last word took 19 s)
KEPT_END_RE = re.compile(r"(?:(?<! ) {2,}|<br\s*/?>[ \t]*)$", re.IGNORECASE | re.MULTILINE)
BACKSLASH_END_RE = re.compile(r"(?<!\\)\\[ ]?$", re.MULTILINE)
# a picture (`![testo](…)`, `![testo][nome]`): a block of its own on the site (base.css),
# so a line's end beside one joins nothing; at most so long, to read each once
IMAGE_RE = re.compile(r"!\[[^\]\n]{0,500}\](?:\([^)\n]{0,2000}\)|\[[^\]\n]{0,500}\])")
# a line's end with text on both sides: those two lines are shown as one
TEXT_JOINED_RE = re.compile(r"\S[ \t]*\n[ \t]*\S")
# a line that ends a sentence: lines that each do are prose written one sentence a line
# ("Non serve prenotare.\nVi aspettiamo!"), read as well joined; an address does not
SENTENCE_END_RE = re.compile(r"[.!?…][»”\"')\]*_]*[ \t]*$", re.MULTILINE)
SHORT_LINE = 60  # characters: longer lines are prose wrapped by hand, not one thing each
LONG_LINE_RE = re.compile(rf"^[ \t]*[^\n]{{{SHORT_LINE + 1},}}", re.MULTILINE)
TABLE_HINT = ("una tabella si scrive con `|` tra le colonne e una riga `| --- | --- |` sotto"
              " la prima")


# What begins right under a line of text, and so is published as part of its paragraph:
# (expression, a character it needs, message, kind)
UNDER_TEXT = [
    (LATER_ITEM_RE, "\n", "l'elenco comincia subito sotto una riga di testo: sul sito diventa"
     " parte del paragrafo (le voci unite in una riga); lascia una riga vuota prima"
     " dell'elenco / leave a blank line before a list", "list"),
    (LATER_TABLE_RE, "|", "la tabella comincia subito sotto una riga di testo: sul sito non"
     " diventa una tabella ma testo con le `|`; lascia una riga vuota prima della tabella"
     " / leave a blank line before a table", "table"),
]


def source_warnings(text, first_line):
    """``[(line, message, kind)]`` of the Markdown ``text`` (its first line is
    ``first_line``); ``kind`` names the rule (``hashtag``: a heading the checker's own
    heading warnings must not name again)."""
    found = []
    breaks = [match.start() for match in re.finditer("\n", text)]
    fences = _fences(text)
    for piece_start, piece_end in zip([0] + [end for _, end in fences],
                                      [start for start, _ in fences] + [len(text)]):
        html = _html_blocks(text, piece_start, piece_end)
        for start, end in _blocks(text, piece_start, piece_end):
            for part_start, part_end in _outside(start, end, html):
                line = first_line + bisect.bisect_left(breaks, part_start)
                found += _block(text[part_start:part_end].rstrip(), line)
    return found


def _block(block, first_line):
    """The warnings of one block (the text between blank lines; its first line is
    ``first_line``). Whole-block expressions, not a loop over lines: a pasted block of
    200,000 lines is checked in a fraction of the time Markdown takes to convert it."""
    found = []
    breaks = [match.start() for match in re.finditer("\n", block)] if "\n" in block else []

    def line_of(position):
        return first_line + bisect.bisect_left(breaks, position)

    if "#" in block:
        for match in HASHTAG_LINE_RE.finditer(block):
            tag = match["tag"]
            found.append((line_of(match.start()),
                          f"`#{tag}` all'inizio della riga fa diventare la riga un titolo: se è"
                          f" un hashtag scrivi `\\#{tag}` (o spostalo dopo altre parole); se è un"
                          f" titolo scrivi `## {tag}`, con lo spazio / a `#` at the start of a"
                          " line makes it a heading", "hashtag"))
    if "\u00a0" in block:
        spaced = NBSP_ITEM_RE.search(block)
        if spaced is not None:
            marker = spaced["marker"]
            found.append((line_of(spaced.start()),
                          f"la voce che comincia con `{marker}` ha uno spazio speciale (non"
                          " separabile, copiato da un programma di videoscrittura) prima o dopo"
                          f" `{marker}`: non diventa una voce dell'elenco ma testo, unito alle"
                          " righe vicine; riscrivi gli spazi all'inizio della riga / a non-breaking"
                          " space makes this line no list item", "nbsp"))
            return found
    if LIST_ITEM_RE.match(block) and not block.startswith(" "):
        nested = SHALLOW_ITEM_RE.search(block)  # "  - sotto" under "- uno": one more item
        numbered = block[0].isdigit()
        if nested is not None:
            # of the list's kind, one more item of it; of the other kind, text of the item
            # above (sane_lists: a list holds one kind of item)
            same = block[nested.start() + 1:].lstrip(" ")[:1].isdigit() == numbered
            shown = "è una voce come le altre dell'elenco" if same else \
                "diventa testo della voce sopra"
            found.append((line_of(nested.start() + 1),
                          "la voce rientrata di meno di 4 spazi non diventa una sotto-voce: sul"
                          f" sito {shown}; per una sotto-voce metti"
                          " 4 spazi prima del trattino (o del numero) / indent a sub-item by 4"
                          " spaces", "nested"))
        other = (LATER_BULLETED_RE if numbered else LATER_NUMBERED_RE).search(block)
        if other is not None and (nested is None or nested.start() != other.start()):
            kinds = ("puntato", "numerato") if numbered else ("numerato", "puntato")
            found.append((line_of(other.start() + 1),
                          f"l'elenco {kinds[0]} comincia subito sotto un elenco {kinds[1]}: sul"
                          " sito le sue voci diventano testo dell'ultima voce di quello sopra;"
                          " lascia una riga vuota tra i due elenchi / leave a blank line"
                          " between a bulleted and a numbered list", "list"))
    if NOT_TEXT_RE.match(block) or LIST_ITEM_RE.match(block):
        return found  # a heading, quote, table, list, code, HTML: not a paragraph
    if not breaks:
        return found  # one line: nothing joined, no list
    # lines that each keep their end (`<br>`, two spaces) are shown one under the other,
    # as typed: "→ [Programma](…)<br>", a dialogue's "– Nonno, che lavoro facevi?<br>"
    kept = len(KEPT_END_RE.findall(block[:breaks[-1]])) == len(breaks)
    bullets = KEPT_BULLET_RE.findall(block) if kept else ()
    if len(bullets) >= 2:  # bullets one under the other: a list to sight, not to a reader
        found.append((line_of(KEPT_BULLET_RE.search(block).start()),
                      f"le righe che cominciano con `{bullets[0]}` sembrano un elenco ma sul"
                      " sito sono righe di testo: chi usa un lettore di schermo non sente un"
                      " elenco né quante voci ha; comincia ogni voce con `- ` (trattino e"
                      " spazio), senza `<br>`, con una riga vuota prima dell'elenco / these"
                      " lines look like a list and are none: start each item with `- `",
                      "bullets"))
        return found
    typed = []
    for match in TYPED_ITEM_RE.finditer(block if not kept else ""):
        typed.append(match)
        if len(typed) == 2:  # one such line is text ("– Maria Rossi"), two make a list
            match = typed[0]
            marker = match["bullet"] or match["tight"] or \
                (f"{match['paren']})" if match["paren"] else f"{match['dot']}.")
            write = "`1. ` (numero, punto e spazio)" if match["paren"] or match["dot"] else \
                "`- ` (trattino e spazio)"
            blank = ", con una riga vuota prima dell'elenco" if match.start() else ""
            found.append((line_of(match.start()),
                          f"le righe che cominciano con `{marker}` non diventano un elenco: sul"
                          f" sito sono unite in un solo paragrafo; comincia ogni voce con"
                          f" {write}{blank} / these lines are no list: start each item with"
                          " `- ` or `1. `", "items"))
            return found
    for pattern, sign, message, kind in UNDER_TEXT:
        under = pattern.search(block) if sign in block else None
        if under is not None:
            found.append((line_of(under.start() + 1), message, kind))
            return found
    tabbed = TAB_LINE_RE.finditer(block) if "\t" in block else iter(())
    first_tabbed = next(tabbed, None)
    if first_tabbed is not None and next(tabbed, None) is not None:
        row = "| " + " | ".join(cell.strip() for cell in
                                re.split(r"\t+", first_tabbed[0].strip())) + " |"
        found.append((line_of(first_tabbed.start()),
                      "righe con le colonne separate da tabulatori (una tabella copiata da un"
                      " foglio di calcolo o da Word?): sul sito diventano un solo paragrafo;"
                      f" {TABLE_HINT}, per esempio {row} / tab-separated columns are no"
                      " table: write a Markdown table", "tabs"))
        return found
    if SETEXT_OR_TERM_RE.search(block) or NOT_TEXT_LINE_RE.search(block):
        return found  # a heading's underline, a definition, a table's rule, a heading…
    joined = block[:breaks[-1]]  # the lines but the last: those that end in the paragraph
    backslash = BACKSLASH_END_RE.search(joined)
    if backslash is not None:
        found.append((line_of(backslash.start()),
                      "la `\\` a fine riga resta scritta sul sito e la riga sotto viene"
                      " unita a questa: per andare a capo finisci la riga con `<br>` /"
                      " a backslash does not break the line here: write `<br>`", "breaks"))
    elif not LONG_LINE_RE.search(joined) and not KEPT_END_RE.search(joined) \
            and len(SENTENCE_END_RE.findall(joined)) < len(breaks) and (
                "![" not in block or TEXT_JOINED_RE.search(IMAGE_RE.sub("\n", block))):
        found.append((first_line + 1,
                      "le righe di questo paragrafo sul sito sono unite in una sola (un"
                      " indirizzo, un orario, una poesia?): per andare a capo finisci la"
                      " riga con `<br>` (o con due spazi); per un paragrafo nuovo lascia"
                      " una riga vuota / these lines are joined into one: end a line"
                      " with `<br>` to keep it", "breaks"))
    return found


# Addresses a reader cannot click: Python-Markdown links only <https://…>, <a@b.it>
URL_RE = re.compile(r"https?://[^\s<>\"“”«»]{0,2000}[^\s<>\"“”«».,;:!?)\]'’]",
                    re.IGNORECASE)
# an address typed as it is said, www.comune.crema.cr.it/servizi (not within another
# address, an e-mail's domain info@www.… or a path …/www.x.it): the site shows it, and
# no reader can click it
WWW_RE = re.compile(r"(?<![\w.@/:+-])www\.[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w@-])"
                    r"(?:[/?#](?:[^\s<>\"“”«»]{0,2000}[^\s<>\"“”«».,;:!?)\]'’])?)?",
                    re.IGNORECASE)
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
# Markdown's strong markers, each alone (not in a run of them: `Nome: ________`, a line to
# fill in on a form, `***`), and the line breaks that end a pair's search
MARKER_TOKEN_RE = re.compile(r"\n|(?<![*_])(?P<marker>\*\*|__)(?![*_])")
# where such a marker is in the source: one with a space after it, or before and not after
MARKER_NEEDLE_RE = re.compile(r"(?<![*_\w])(?:\*\*|__)(?=[^\S\n])"
                              r"|(?<=[^\S\n])(?:\*\*|__)(?![*_\w])")


def _spaced_pair(text):
    """The marker of the first pair of like markers on one line of ``text`` with a space
    just inside (`** testo **`, `**Nota: **`: Python-Markdown shows both as typed), or
    None; not one alone (`2 ** 3`). One pass, each marker paired with the next like it."""
    waiting = {}  # marker -> where the text after the one waiting for its pair begins
    for match in MARKER_TOKEN_RE.finditer(text):
        marker = match["marker"]
        if marker is None:
            waiting.clear()
            continue
        start = waiting.pop(marker, None)
        if start is None:
            waiting[marker] = match.end()
        elif start < match.start() and (text[start].isspace()
                                        or text[match.start() - 1].isspace()):
            # a space after the first or before the second: any space Python-Markdown's
            # `\s` reads, the non-breaking one of a text pasted from Word too
            return marker
    return None


class SpacedPair:
    """Where ``marker`` of :func:`_spaced_pair` is in the Markdown source: the first line
    (outside code) with such a pair, read as that function reads the text, each marker
    paired with the next like it. A search for a marker with a space beside it found
    the closing one of a label, `**Dove:** Via Roma 1`, lines before the mistake.
    ``needle``: what to look for when no line is found (the source read otherwise)."""

    def __init__(self, marker):
        self.marker = marker
        self.needle = (MARKER_NEEDLE_RE, marker)

    def line(self, text, first_line):
        fences = _fences(text)
        fence_starts = [start for start, _ in fences]
        start = 0
        for number, row in enumerate(text.split("\n")):
            end = start + len(row)
            fence = bisect.bisect_right(fence_starts, start) - 1
            if self.marker in row and not (fence >= 0 and start < fences[fence][1]):
                plain, cut = [], start  # the row without its code spans
                for span_start, span_end in _code_spans(text, start, end):
                    plain.append(text[cut:span_start])
                    cut = span_end
                plain.append(text[cut:end])
                if _spaced_pair(" ".join(plain)) == self.marker:
                    return first_line + number
            start = end + 1
        return None


# a link's address in parentheses after its text's "]", as typed
TYPED_ADDRESS_RE = re.compile(r"\]\([^()\s]*\)")
BARE_URL = ("l'indirizzo {address} non è un link (sul sito non si può cliccare): scrivilo"
            " tra < e >, <{address}>, o come [testo]({address}) / the address is no link:"
            " write <{address}>")
BARE_WWW = ("l'indirizzo {address} non è un link (sul sito non si può cliccare): scrivilo"
            " con https:// davanti tra < e >, <https://{address}>, o come"
            " [testo](https://{address}) / the address is no link: write <https://{address}>")
BARE_EMAIL = ("l'indirizzo e-mail {address} non è un link (sul sito non si può cliccare):"
              " scrivilo tra < e >, <{address}> / the e-mail address is no link: write"
              " <{address}>")


def prose_warnings(text):
    """``[(needle, message)]`` about the text of the HTML Python-Markdown made, outside
    links and code (:func:`plugins.contract.body.check_html`'s prose): markers of bold
    shown as typed, addresses that are not links (each address once)."""
    found, seen = [], set()
    marker = _spaced_pair(text) if "**" in text or "__" in text else None
    if marker is not None:  # one is enough: the rest are the same mistake
        found.append((SpacedPair(marker),
                      f"`{marker}` resta scritto sul sito: il grassetto si scrive"
                      f" {marker}testo{marker}, senza spazi dopo i primi {marker} e prima"
                      f" degli ultimi / `{marker}` shown as typed: no spaces inside bold"
                      " markers"))
    # a link's address shown as typed ([testo](https://…) in a block of HTML, or
    # escaped): that Markdown's own warning names it (plugins.contract.rawhtml), or the
    # editor meant it so
    if "](" in text:
        text = TYPED_ADDRESS_RE.sub("]", text)
    # each expression only where its address can be: the e-mail one, which begins with a
    # look behind, is tried at every character of a text (a tenth of a file's check)
    urls = URL_RE.finditer(text) if "://" in text else ()
    rest = URL_RE.sub(" ", text) if "://" in text else text
    emails = EMAIL_RE.finditer(rest) if "@" in text else ()
    hosts = WWW_RE.finditer(EMAIL_RE.sub(" ", rest) if "@" in text else rest) \
        if "www." in text.lower() else ()
    for matches, message in ((urls, BARE_URL), (emails, BARE_EMAIL), (hosts, BARE_WWW)):
        for match in matches:
            address = match[0]
            if address.lower() not in seen:
                seen.add(address.lower())
                found.append((_bare(address), message.format(address=address)))
    return found


def _bare(address):
    """Needles of ``address`` written bare: not in a link's parentheses or brackets, its
    text (``[il sito www.example.org](…)``, passed by: it was named there, lines above
    the bare one), an HTML attribute or another address (then anywhere, as the text shows
    it)."""
    start = address[:100]  # enough to find it: an address pasted whole can be long
    return (re.compile(r"(?<![(<\[\"'=/:@.\w])" + re.escape(start.lower())
                       + r"(?![^\[\]\n]*\][(\[])"), start)


def unused_references(text, references):
    """``[(label as written, its definition's position in text or None)]`` of the
    reference definitions no link of ``text`` uses (``references``: Python-Markdown's, of
    that text's conversion, ``{label in lower case: (address, title)}``).

    Python-Markdown takes a line ``[Chiuso]: domenica`` for the address of a link written
    ``[…][Chiuso]`` and removes it from the page: typed as text (a label and its value),
    it vanished without a word. A definition some link uses is a link's address, as
    meant; one none uses is named, whatever it holds."""
    found = []
    for label in references:
        needle = re.compile(r"\[\s*" + r"\s+".join(map(re.escape, label.split()))
                            + r"\s*\]", re.IGNORECASE)
        definition, used = None, False
        for match in needle.finditer(text):
            if text.startswith(":", match.end()) and definition is None:
                definition = match
            else:  # [testo][label], [label][], [label]: a link that uses it
                used = True
                break
        if not used:
            written = definition[0][1:-1].strip() if definition else label
            found.append((written, definition.start() if definition else None))
    return found
