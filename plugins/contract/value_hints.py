"""What to write instead of a front-matter line whose value YAML reads as syntax or
cannot read: a value starting with ``*``, ``[``, ``@``, a quote closed early by an
apostrophe (``'L'estate all'oratorio'``), a list between square brackets missing a comma
or a bracket, ``{static}`` before a path, ``: `` inside a value without quotes. Read
only after YAML's error, on the line it names; each gives the line to write."""

import re

from .errors import HEADER
from .key_groups import NAME_LISTS, PROSE_KEYS
from .quotation import APOCOPE_RE, closed_early, quotation_closes, quote_left_open
from .written import (
    QUOTED_ITEM_RE, QUOTED_ITEM_RE_PATTERN, UNESCAPED, quoted, reads_back, unquoted_item,
    written_value,
)

# key: value with ": " inside the value, not quoted (a list's "- key: value" too)
_COLON_RE = re.compile(r"^(?P<lead>[ \t]*(?:-\s+)?)(?P<key>[^\s:#\"'][^:#]*?):[ \t]+"
                       r"(?P<value>[^\s\"'\[{|>][^\n]*?:(?:[ \t][^\n]*)?)\s*$")


def unquoted_colon(line):
    """What to write instead of ``line`` when its value holds ": " and no quotes, or None."""
    match = _COLON_RE.match(line)
    if match is None:
        return None
    key, value = match["key"].strip(), match["value"]
    lead = match["lead"]
    # "    title: Festa: il programma", an attachment's: the line to write keeps its place
    # in the entry (written at the margin, it was the article's title)
    dash = "- " if "-" in lead else ""
    spaces = len(lead) - len(lead.lstrip(" \t"))
    where = f" (con {spaces} spazi davanti, come ora)" if spaces else ""
    return (f"il valore di `{key}` contiene i due punti seguiti da uno spazio: scrivilo tra"
            f" virgolette diritte, {dash}{key}: {quoted(value)}{where}")


# a key and its value (or the start of it) without quotes, which lines further indented
# continue, and a line at the margin cannot (plugins/contract/layout_causes.py too)
PLAIN_VALUE_RE = re.compile(r"(?P<key>[A-Za-z_][\w-]*):[ \t]+(?P<value>[^\s\"'\[{|>&*!%@`#][^\n]*)")


def continued_colon(lines, index, first_line):
    """What to write instead of a value without quotes wrapped onto more lines, holding
    ": " on the line ``index`` (``summary: Una festa`` then ``  per tutti: vieni``, or
    ``summary: Festa: sabato`` then ``  per tutti``), or None: the whole value on one
    line, quoted (the value of its first line alone left the others an error)."""
    start = index
    if lines[index][:1].isspace():
        while start > 0 and lines[start - 1][:1].isspace() and lines[start - 1].strip():
            start -= 1
    else:
        start += 1
    end = start - 1
    while end + 1 < len(lines) and lines[end + 1][:1].isspace() and lines[end + 1].strip():
        end += 1
    match = PLAIN_VALUE_RE.fullmatch(lines[start - 1].rstrip()) if start > 0 else None
    if match is None or end < start:
        return None
    key = match["key"]
    value = " ".join([match["value"].strip(), *(line.strip() for line in lines[start:end + 1])])
    if start > index:  # the colon on the key's line
        return (f"il valore di `{key}` contiene i due punti seguiti da uno spazio e continua"
                f" alla riga sotto: scrivi tutto il valore su una riga tra virgolette"
                f" diritte, {key}: {quoted(value)}")
    return (f"questa riga continua il valore di `{key}` (riga {first_line + start - 1}) e"
            f" contiene i due punti seguiti da uno spazio: scrivi tutto il valore su una riga"
            f" tra virgolette diritte, {key}: {quoted(value)}")


# "key: " at a line's start (a list's "- key: " too), as the hints below read it: a key
# that does not start with a quote, a hyphen or "#"
_KEY = r"(?P<key>[^\s:#\"'\-][^:#]*?):[ \t]+"

# key: value whose first character means something to YAML: an alias (*), an anchor (&),
# a tag (!), reserved characters (@ `), a directive (%), a list or mapping ([ {) with text
# after it, a block (| >) or a complex key (?) with text on the same line, a quote that
# does not close the value
_SPECIAL_RE = re.compile(r"^\s*(?:-\s+)?" + _KEY + r"(?P<value>"
                         r"[*&!%@`?][^\n]*|[|>][ \t]*[^\s\d+\-#][^\n]*"
                         r"|\[[^\n]*\][ \t]*[^\s#,][^\n]*|\{[^\n]*\}[ \t]*[^\s#,][^\n]*"
                         r"|[\"'][^\n]*)$")


# key: [… or key: {… with no closing bracket on the line (a list typed without its "]")
_OPEN_RE = re.compile(r"^\s*(?:-\s+)?" + _KEY + r"(?P<value>\[[^\]\n]*|\{[^}\n]*)$")
# a quote inside a value quoted with it, neither doubled ('') nor escaped (\"), ends the
# value early ("title: 'L'estate all'oratorio'": Italian's apostrophes)
_INNER_QUOTE = {"'": re.compile(r"'(?!')"), '"': re.compile(r'(?<!\\)"')}
# a list's item whose value starts with a quote ("  - 'Sant'Ambrogio'")
_ITEM_QUOTE_RE = re.compile(r"^\s*-\s+(?P<value>[\"'][^\n]*)$")


# "tags: - Crema": an item on its key's line; "- Crema" with no key above it
_DASH_AFTER_KEY_RE = re.compile(r"^\s*" + _KEY + r"-[ \t]+(?P<items>[^\n]+)$")
_ORPHAN_ITEM_RE = re.compile(r"^-[ \t]+[^\s\"'][^\n]*$")
# "  - [Cremona": a list's item opening square brackets it never closes
_ITEM_OPEN_RE = re.compile(r"^\s*-[ \t]+\[(?P<items>[^\]\n]*)$")
# two items or more between quotes, one by one, separated by commas or blanks (the blanks
# before a comma only in the optional group: with an optional comma between two runs of
# blanks, each item's blank could go to either, and 30 items took minutes)
_QUOTED_ITEMS_RE = re.compile(rf"(?:{QUOTED_ITEM_RE_PATTERN})(?:(?:[ \t]*[,;])?[ \t]*"
                              rf"(?:{QUOTED_ITEM_RE_PATTERN}))+")


# key: [… 'Sant'Ambrogio' …]: a list between square brackets with a quoted item
_FLOW_QUOTE_RE = re.compile(r"^\s*(?:-\s+)?" + _KEY + r"\[(?P<items>[^\n]*[\"'][^\n]*)\][ \t]*$")


def _flow_items(text):
    """The items of ``text`` (a list's, between its square brackets) without the quotes
    around them, each as an item of ``[…]`` that YAML reads back, or None when a quote in
    them is no apostrophe (``'Crema' 'Cremona'``: no line to propose)."""
    items = []
    for item in (item.strip() for item in text.split(",")):
        if item[:1] in ("'", '"'):
            quote = item[0]
            item = item[1:-1] if len(item) > 1 and item.endswith(quote) else item[1:]
            item = UNESCAPED[quote](item).strip()
            if quote == "'" and re.search(r"'(?!\w)|(?<!\w)'", APOCOPE_RE.sub("", item)):
                return None
        if item:
            items.append(written_value(item, in_list=True))
    return items


# a closed quoted item, then another item after blanks but no comma ("'Crema' 'Cremona'",
# "'Crema' Cremona")
_NO_COMMA_RE = re.compile(rf"(?:{QUOTED_ITEM_RE_PATTERN})(?:[ \t]*[\"']|[ \t]+[^\s,\]#])")


def flow_lines(lines, index):
    """``(line, rows)``: the line ``index`` of ``lines`` (``rows`` 1) or, when it opens a
    list between square brackets that closes on a later line (``tags: ['Crema'`` then
    ``  'Cremona']``), the ``rows`` lines up to that one joined by a space into one;
    ``(None, 0)`` when that list never closes."""
    line = lines[index]
    if "[" not in line or "]" in line:
        return line, 1
    for end in range(index + 1, len(lines)):
        if not lines[end][:1].isspace():  # a key: the list never closed
            break
        if "]" in lines[end]:
            return " ".join([line.rstrip(), *(typed.strip() for typed in
                                              lines[index + 1:end + 1])]), end - index + 1
    return None, 0


def flow_commas(line, rows=1):
    """What to write instead of ``line``, a list between square brackets whose quoted
    items have no comma between them (``['Crema' 'Cremona']``, ``['Crema' Cremona]``:
    PyYAML's English alone), or None: its items without the quotes, separated by commas.
    ``line`` may be the ``rows`` lines of a list written over several, joined
    (:func:`flow_lines`): the line to write replaces them all."""
    if line is None:
        return None
    match = _FLOW_QUOTE_RE.match(line)
    if match is None or not _NO_COMMA_RE.search(match["items"]) \
            or APOCOPE_RE.search(match["items"]):  # ['Ca' de' Soresini']: _flow_quotes
        return None
    parts = re.findall(rf"{QUOTED_ITEM_RE_PATTERN}|[^,'\"]+|,", match["items"])
    if "".join(parts) != match["items"]:  # a quote left open: _flow_quotes
        return None
    items = [written_value(unquoted_item(part.strip()), in_list=True) for part in parts
             if part.strip(" \t,")]
    key = match["key"].strip()
    where = f" su una riga sola, al posto delle {rows} righe dell'elenco" if rows > 1 else ""
    return (f"tra le parentesi quadre di `{key}` manca la virgola tra due voci: scrivi le voci"
            f" separate da virgole{where}, {key}: [{', '.join(items)}]")


def _flow_quotes(line):
    """What to write instead of ``line``, a list between square brackets one of whose
    quoted items is ended early by a quote inside it (``['Sant'Ambrogio', Crema]``) or
    never closed (``['Crema, Cremona]``), or None: its items without the quotes (each
    quoted again only where YAML needs it)."""
    match = _FLOW_QUOTE_RE.match(line)
    items = _flow_items(match["items"]) if match is not None else None
    if items is None:
        return None
    key = match["key"].strip()
    return (f"tra le parentesi quadre di `{key}` una voce tra virgolette non si chiude dove"
            f" finisce (un apostrofo o una virgoletta dentro la chiude prima, o manca quella"
            f" finale): scrivi le voci così, {key}: [{', '.join(items)}]")


def special_start(line):
    """What to write instead of ``line`` when its value starts with a character YAML reads
    as syntax (a quote or a bracket left open, a quote closed too early), or None."""
    match = _OPEN_RE.match(line)
    if match is not None:
        return _left_open(match["key"].strip(), match["value"].rstrip())
    quoted_items = flow_commas(line) or _flow_quotes(line)
    if quoted_items is not None:
        return quoted_items
    match = _DASH_AFTER_KEY_RE.match(line)
    if match is not None and match["key"].strip() in PROSE_KEYS:  # "title: - Festa"
        key, value = match["key"].strip(), line.split(":", 1)[1].strip()
        return (f"il valore di `{key}` comincia con «-», che nell'{HEADER} apre un elenco:"
                f" scrivilo tutto tra virgolette diritte, {key}: {quoted(value)}")
    if match is not None:  # "tags: - Crema - Cremona": the items on the key's line
        key = match["key"].strip()
        # names: at commas too, "tags: - Crema, Sant'Angelo" is two (as the site splits
        # them), not the one name "Crema, Sant'Angelo" between quotes
        at = r"(?:^|\s)-\s|[,;]" if key.lower() in NAME_LISTS else r"(?:^|\s)-\s"
        items = [written_value(item.strip(" \t,;"), in_list=True)
                 for item in re.split(at, match["items"]) if item.strip(" \t,;")]
        return (f"le voci di `{key}` sono sulla sua stessa riga, dopo un trattino: scrivile"
                f" tra parentesi quadre, {key}: [{', '.join(items)}], o ciascuna su una riga"
                f" sua sotto `{key}:`, con due spazi, un trattino e uno spazio davanti")
    match = _ITEM_OPEN_RE.match(line)
    if match is not None:  # "  - [Cremona" under "tags:"
        names = [written_value(name.strip(), in_list=False)
                 for name in match["items"].split(",") if name.strip()]
        if names:
            written = " e sotto ".join(f"`- {name}`" for name in names)
            each = ", ciascuna su una riga sua" if len(names) > 1 else ""
            return ("la parentesi quadra aperta in questa voce non si chiude, e in un elenco"
                    f" scritto riga per riga le voci non vanno tra parentesi: scrivi {written}"
                    f"{each}")
    if _ORPHAN_ITEM_RE.match(line):  # "- Crema" under "date: 2024-05-05"
        return (f"la riga `{line.strip()}` è una voce di un elenco, ma sopra non c'è la chiave"
                " dell'elenco da sola sulla sua riga: scrivi sopra, per esempio, `tags:`")
    match = _SPECIAL_RE.match(line) or _ITEM_QUOTE_RE.match(line)
    if match is None:
        return None
    value = match["value"].rstrip()
    if "key" in match.groupdict():
        key = match["key"].strip()
        subject, written = f"il valore di `{key}`", f"{key}:"
    else:  # "  - 'Sant'Ambrogio'": an item of a list
        key, subject, written = None, "il valore della voce dell'elenco", "-"
    first = value[0]
    if key is not None and key.lower() in NAME_LISTS and _QUOTED_ITEMS_RE.fullmatch(value):
        # "tags: 'Crema', 'Cremona'": items quoted one by one, without brackets (the line
        # proposed was tags: "Crema', 'Cremona", one topic)
        items = [written_value(unquoted_item(item), in_list=True)
                 for item in QUOTED_ITEM_RE.findall(value)]
        return (f"le voci di `{key}` sono tra virgolette una per una, ma senza le parentesi"
                f" quadre attorno: scrivile tra parentesi quadre, separate da virgole,"
                f" {key}: [{', '.join(items)}]")
    if first in "\"'":
        if len(value) > 1 and value.endswith(first):
            inner = value[1:-1]
            if not _INNER_QUOTE[first].search(inner.replace("''", "") if first == "'"
                                              else inner):
                return None  # a quoted value: the problem is elsewhere
            if closed_early(value):
                # "title: 'Crema' e 'Cremona'": a quotation, then more text; without its
                # outer quotes alone (below) it was published «Crema' e 'Cremona»
                return (f"{subject} comincia con una citazione tra virgolette e continua dopo:"
                        f" il sito legge solo la citazione; scrivilo tutto tra virgolette"
                        f" diritte, {written} {quoted(value)}")
            kind, inside = (("semplici (')", "l'apostrofo che contiene lo chiude")
                            if first == "'" else
                            ('doppie (")', "le virgolette che contiene lo chiudono"))
            return (f"{subject} è tra virgolette {kind}, ma {inside} prima della fine:"
                    f" scrivilo così, {written} {quoted(UNESCAPED[first](inner))}")
        if value.startswith(first * 2) and value[2:].strip() and value[2] != first:
            # "summary: '' Una festa": text typed after the empty value of ./run new (a
            # value quoted whole then more, "title: "Insieme" è il motto", is a quotation:
            # its quotes are kept, below)
            return (f"{subject} continua dopo le virgolette vuote ({first * 2}):"
                    f" scrivi il testo al loro posto, {written} {quoted(value[2:].strip())}")
        what = (f"comincia con «{first}» ma non finisce con la stessa virgoletta, così il sito"
                " cerca dove finisce")
        if (first in value[1:] and not quotation_closes(value)) or (
                first not in value[1:] and quote_left_open(value)):
            # "title: 'L'estate all'oratorio": the quote was meant to enclose the whole
            # value, and an apostrophe inside ended it (kept, it would be published before
            # the title); "title: "Festa al Civic Center": the closing quote forgotten (the
            # line proposed kept the opening one inside other quotes, «"Festa…» on the
            # site, and a path so written was a file not found); a quote alone may be the
            # text's ("'Na festa di paese", "'80 in musica")
            value = value[1:].strip()
    elif first in "[{" and key not in PROSE_KEYS:
        # "tags: [] Crema, Cremona" (the empty list of ./run new, typed after), "tags:
        # [Crema] [Cremona]": in one text, quoted, the brackets became part of a topic
        items = ", ".join(item.strip() for item in re.split(r"[\[\]{},]", value)
                          if item.strip())
        return (f"il valore di `{key}` continua dopo la parentesi che chiude l'elenco:"
                f" scrivi tutte le voci dentro le parentesi quadre, {key}: [{items}]")
    elif first in "[{":
        what = (f"comincia con «{first}», che nell'{HEADER} apre un elenco, ma dopo la"
                " chiusura continua")
    else:
        what = f"comincia con «{first}», che nell'{HEADER} ha un significato speciale"
    return (f"{subject} {what}: scrivilo tutto tra virgolette diritte, {written}"
            f" {quoted(value)}")


# "image: {static}/immagini/foto.jpg", "- {static}/allegati/bando.pdf": a link's marker,
# as the body has it, where the front matter wants the path (YAML reads "{static}" as a
# mapping, then text after it)
_MARKER_RE = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?:" + _KEY + r")?"
                        r"\{(?P<marker>static|filename|attach)\}/*(?P<path>\S[^\n]*)\Z")


def marker_start(line):
    """What to write instead of ``line`` when its value is a path with a link's
    ``{static}`` (or ``{filename}``) before it, or None."""
    # the line without its trailing blanks: a lazy path before "\s*$" tried every blank of
    # a long run of them inside it (quadratic: 60,000 spaces, 12 s)
    match = _MARKER_RE.match(line.rstrip())
    if match is None:
        return None
    key = f"{match['key'].strip()}: " if match["key"] else ""
    written = f"{match['indent'].strip()} {key}{match['path']}".strip()
    return (f"`{{{match['marker']}}}` si scrive solo nei link del testo: qui scrivi il"
            f" percorso senza, {written}")


def _left_open(key, value):
    """What to write for ``key: value`` whose ``[`` or ``{`` is never closed: a list
    between square brackets, but for the keys of prose, whose value is quoted."""
    if key not in PROSE_KEYS:
        items = value[1:].rstrip(" ,")
        if not reads_back(f"[{items}]"):  # ['Un po' di festa: the quotes are in the way
            unquoted = _flow_items(items)
            items = ", ".join(unquoted) if unquoted is not None else items
        if value[0] == "[":
            return (f"la parentesi quadra aperta in `{key}` non si chiude: aggiungi «]» alla"
                    f" fine, {key}: [{items}]")
        return (f"la parentesi graffa aperta in `{key}` non si chiude: un elenco si scrive tra"
                f" parentesi quadre, {key}: [{items}]")
    return (f"il valore di `{key}` comincia con «{value[0]}», che nell'{HEADER} apre un"
            f" elenco che non si chiude: scrivilo tutto tra virgolette diritte, {key}:"
            f" {quoted(value)}")
