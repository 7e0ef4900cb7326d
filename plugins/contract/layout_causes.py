"""Why YAML could not read a front matter, when a line is laid out otherwise than YAML
reads it: a key without the space after its colon or without its colon, a value's next
line at the margin, a key or a list's item indented wrong, an item without the space
after its dash, lines under ``key: >`` at the margin, the front matter not closed before
the text. Read only after YAML's error, to name the line to fix and what to write."""

import re

from .errors import HEADER
from .key_groups import ATTACHMENTS, ENTRY_KEYS
from .schema import CONTRACT_KEYS, KEY_SPELLINGS
from .value_hints import PLAIN_VALUE_RE, special_start, unquoted_colon
from .written import (
    QUOTED_ITEM_RE, QUOTED_ITEM_RE_PATTERN, UNREADABLE, read_value, unquoted_item,
    written_value,
)

# "title:Festa": without a space after the colon YAML reads no key but one text, and the
# error comes at the next key ("mapping values are not allowed", a line further down)
_NO_SPACE_RE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s:/\\][^\n]*)$", re.M)
# "tags: [#Crema, #Cremona]": the "#" starts a comment, the list never closes
_FLOW_HASHTAG_RE = re.compile(r"^(?P<key>[^\s#:\-][^:\n]*):[ \t]*\[(?P<items>[^\n]*#[^\s#][^\n]*)$",
                              re.M)
# "tags: [Crema," then "  #Cremona]": a list left open on its key's line, the "#" below
_FLOW_OPEN_RE = re.compile(r"^(?P<key>[^\s#:\-][^:\n]*):[ \t]*\[(?P<items>[^\]\n]*)$", re.M)
# a comment's "#" in a list's items: at an item's start or after a blank
_FLOW_COMMENT_RE = re.compile(r"(?:^|[\s,\[])#")
# a list's items between commas, a quoted one whole
_QUOTED_ITEM_RE_SPLIT = re.compile(QUOTED_ITEM_RE_PATTERN + r"|[^,'\"]+|['\"]")
# "Crema #1": a "#" and a number after a word, part of the name (no hashtag)
_NUMBER_SIGN_RE = re.compile(r"^[ \t\[]*[^\s#'\"\[][^#]*[ \t]#\d")


# " date: …": a key indented under a key that has its value (the error's line)
_INDENTED_RE = re.compile(r"(?P<indent>[ ]+)(?P<key>[A-Za-z_][\w-]*):(?:[ \t][^\n]*)?")
_HAS_VALUE_RE = re.compile(r"[^\s#\-][^:\n]*:[ \t]+[^\s#][^\n]*")


# The longest list (its lines' characters) whose "#" is explained: the quoted items are
# read by expressions that try each quote of an item left open, and a line of 40,000
# `\"` took 27 s (YAML's own error is given for a longer one)
LONGEST_LIST = 2000


def layout_cause(text, first_line, line):
    """``(line, explanation)`` of a key typed without the space after its colon (up to
    ``line``, the error's, if known), or of the error's ``line`` being a key indented
    under one that has a value, or a key of a list's entry not aligned with the entry's
    first key, or None."""
    lines = text.split("\n")
    last = len(lines) if line is None else line - first_line + 1
    def commented(row):
        # a "#" where an item starts or after a blank, not one inside quotes ('#Crema' is
        # the text #Crema: the error is elsewhere)
        return re.search(r"#[^\s#]", row) is not None \
            and _FLOW_COMMENT_RE.search(QUOTED_ITEM_RE.sub("''", row)) is not None

    head = "\n".join(lines[:last])
    opened = sorted([*_FLOW_HASHTAG_RE.finditer(head), *_FLOW_OPEN_RE.finditer(head)],
                    key=lambda match: match.start())
    for match in opened:
        key = match["key"].strip()
        number = text.count("\n", 0, match.start())
        # the list's next lines, indented, up to the one that closes it ("tags: [Crema #1"
        # then "  Cremona]"): each its own item, as where a comma is missing (flow_commas)
        rows = [match["items"]]
        if "]" not in match["items"]:
            for typed in lines[number + 1:]:
                if not typed[:1].isspace():
                    break
                rows.append(typed.strip())
                if "]" in typed:
                    break
            if "]" not in rows[-1]:
                rows = rows[:1]  # never closed: the first line's items alone, as before
        if sum(map(len, rows)) > LONGEST_LIST or not any(commented(row) for row in rows):
            continue
        words, numbered = [], ""
        for part in (part for row in rows for part in _QUOTED_ITEM_RE_SPLIT.findall(row)):
            if _NUMBER_SIGN_RE.search(part):  # "Crema #1", "Evento #2": one name, with "#"
                name = part.strip(" \t[]")
                words.append(written_value(name, in_list=True))
                numbered = f" (un nome che lo contiene, come «{name}», tra virgolette diritte)"
            else:
                words += [unquoted_item(word) for word in re.findall(
                    QUOTED_ITEM_RE.pattern + r"|[^\s,#\[\]]+", part)]
        where = f" su una riga sola, al posto delle {len(rows)} righe dell'elenco" \
            if len(rows) > 1 else ""
        return (first_line + number,
                f"dentro le parentesi quadre di `{key}` un `#` comincia un commento: scrivi"
                f" le voci senza `#`{numbered}{where}, {key}: [{', '.join(words)}]")
    for match in _NO_SPACE_RE.finditer("\n".join(lines[:last])):
        key, value = match["key"], match["value"].rstrip()
        read = read_value(value)
        where = first_line + text.count("\n", 0, match.start())
        if read is UNREADABLE:
            # "title:'Un po' di festa'", "title:Festa: 'prima' e 'dopo'": with the space
            # alone the line is still no YAML; what else to write, as for that line
            spaced = f"{key}: {value}"
            other = special_start(spaced) or unquoted_colon(spaced)
            if other is not None:
                return where, f"dopo i due punti di `{key}` ci vuole uno spazio, e {other}"
        if value[:1] not in "\"'" and isinstance(read, str) and read != value:
            value = written_value(value)  # "title:Evento #2": title: "Evento #2"
        return where, no_space(key, value)
    for number in range(min(last, len(lines))):
        cause = _no_colon(lines, number, near=line is not None and number >= last - 2)
        if cause is not None:
            return first_line + number, cause
    unspaced = _dash_unspaced(lines, last)
    if unspaced is not None:
        return first_line + unspaced[0], unspaced[1]
    if line is None or not 0 < line - first_line < len(lines):
        return None
    cause = _item_less_indented(lines, line - first_line)
    if cause is not None:
        return line, cause
    here = _INDENTED_RE.fullmatch(lines[line - first_line])
    above = next((text for text in reversed(lines[:line - first_line]) if text.strip()), "")
    empty = _EMPTY_VALUE_RE.fullmatch(above)
    if empty and not here and not _KEY_LINE_RE.match(lines[line - first_line]):
        # "tags: []" or "summary: ''" of ./run new kept, the list or the text written under
        # it (the guide's attachments, one a line): YAML's "did not find expected key"
        at = max(number for number in range(line - first_line) if lines[number] == above)
        return (first_line + at,
                f"la riga di `{empty['key']}` ha già un valore, `{empty['value']}` (vuoto), e"
                f" le righe sotto non ne fanno parte: togli `{empty['value']}` e lascia solo"
                f" `{empty['key']}:` sopra di loro")
    undashed = _entry_without_dash(lines, line - first_line, here)
    if undashed is not None:
        return first_line + undashed[0], undashed[1]
    margin = _margin_key_in_entry(lines, line - first_line, here)
    if margin is not None:
        # "  - file: …", then "title: …" at the margin (the attachment's title, its
        # spaces lost), then "    description: …": the line at the margin is the one out of
        # place, not the indented one (moving that to the margin too made the
        # attachment's title the article's)
        number, key, entry = margin
        return (first_line + number,
                f"la riga di `{key}` è al margine, ma sta tra le righe della voce dell'elenco"
                f" che comincia con `- {entry['key']}:`: se ne fa parte, scrivila con"
                f" {entry.start('key')} spazi davanti, allineata a `{entry['key']}:`")
    if here and _HAS_VALUE_RE.fullmatch(above):
        return (line, f"la riga di `{here['key']}` comincia con uno spazio: scrivi `{here['key']}:`"
                      " all'inizio della riga, come le altre chiavi")
    entry = here and _entry_above(lines[:line - first_line])
    if entry and len(here["indent"]) != entry.start("key"):
        return (line, f"la riga di `{here['key']}` fa parte della voce dell'elenco che comincia"
                      f" con `- {entry['key']}:`: scrivila con {entry.start('key')} spazi"
                      f" davanti, allineata a `{entry['key']}:`")
    return None


# a line at the margin that is no key (no ": "), item or comment: "title Festa",
# "title; Festa", "title= Festa" (a key without its colon), "in piazza" (a value's next
# line, not indented)
# (the blanks taken whole, possessive: a value never starts with one, and trying each way
# of sharing a run of them between the two made a line of 100,000 quadratic)
_NO_COLON_RE = re.compile(r"(?P<word>[A-Za-z_][\w-]*)(?:[ \t]*+[;=.,]|[ \t]++-?)[ \t]*+"
                          r"(?P<value>[^\s:][^:\n]*|[^\s:][^\n]*:[^ \t\n][^\n]*)")


def no_colon(key, value):
    """What to write for ``key`` typed without its colon (``title Festa``), ``value`` as
    it should be written: the one wording, whether YAML read the line or not."""
    return f"dopo `{key}` mancano i due punti: scrivi {key}: {value}"


def no_space(key, value):
    """What to write for ``key`` typed without a space after its colon (``title:Festa``),
    ``value`` as it should be written."""
    return f"dopo i due punti di `{key}` ci vuole uno spazio: scrivi {key}: {value}"


def _no_colon(lines, number, near):
    """What to say of the line ``number`` of ``lines`` when it is a key written without
    its colon (``title Festa``: YAML's error came a line or two further down, in English),
    or the next line of a value not indented (``title: Festa`` then ``in piazza``), or
    (``near`` the error's line) any other line at the margin without ``: `` (``// nota``),
    or None."""
    typed = lines[number].rstrip()
    # "title Evento #2: la festa": the ": " after a comment's "#" is no key's for YAML
    head = re.split(r"[ \t]#", typed, maxsplit=1)[0]
    if not typed or typed[0] in " \t#-" or re.search(r":(?:[ \t]|$)", head):
        return None
    match = _NO_COLON_RE.fullmatch(typed) or _NO_COLON_RE.fullmatch(head)
    word = match["word"] if match is not None else ""
    if word.lower() in CONTRACT_KEYS or word.lower() in KEY_SPELLINGS:
        return no_colon(word, written_value(typed[match.start('value'):].strip()))
    above = PLAIN_VALUE_RE.fullmatch(lines[number - 1].rstrip()) if number else None
    if above is not None and match is not None:
        value = f"{above['value'].strip()} {typed.strip()}"
        return (f"questa riga continua il valore di `{above['key']}` della riga sopra, ma è al"
                f" margine: scrivila con due spazi davanti, oppure tutto il valore su una riga,"
                f" {above['key']}: {written_value(value)}")
    if not near:
        return None
    return ("questa riga non è nella forma `chiave: valore`: se continua il valore della riga"
            " sopra, scrivi tutto il valore su una riga; se è una nota, cominciala con `# `")


# a list's item, "  - Crema", and the spaces before it
_ITEM_RE = re.compile(r"(?P<indent>[ ]*)-(?:[ \t]|$)")


def _item_less_indented(lines, number):
    """What to say of the line ``number`` of ``lines`` when it is an item of a list with
    fewer spaces before it than the item above (``  - Crema`` then `` - Cremona``:
    PyYAML's English alone, or a list without a key above it), or None."""
    here = _ITEM_RE.match(lines[number])
    if here is None:
        return None
    for typed in reversed(lines[:number]):
        above = _ITEM_RE.match(typed)
        if above is not None and len(above["indent"]) > len(here["indent"]):
            break
        if typed.strip() and not typed[:1].isspace():  # a key at the margin: no item above
            return None
    else:
        return None
    keys = [key for key in (re.match(r"([A-Za-z_][\w-]*):", typed) for typed in lines[:number])
            if key is not None]
    where = f" di `{keys[-1][1]}`" if keys else ""
    item = typed.strip()
    return (f"questa riga{where} ha meno spazi davanti della voce sopra (`{item}`), e il sito"
            f" non la legge come una voce dello stesso elenco: scrivila con"
            f" {len(above['indent'])} spazi davanti, come `{item}`")


# "  -Cremona": an item's dash without the space after it, and the text after it
UNSPACED_RE = re.compile(r"(?P<indent>[ ]*)-(?P<rest>[^\s\-][^\n]*)")


def unspaced_message(key, indent, rest):
    """The explanation of an item of ``key``'s list typed ``-Cremona``, with the line to
    write: ``indent``, a dash, a space and ``rest``."""
    where = f" di `{key}`" if key is not None else ""
    return (f"la voce dell'elenco{where} non ha lo spazio dopo il trattino, e il sito non la"
            f" legge come una voce dello stesso elenco: scrivila con un trattino e uno"
            f" spazio, come le altre, `{indent}- {rest.strip()}`")


def _dash_unspaced(lines, last):
    """``(number, explanation)`` of the first of ``lines`` up to ``last`` that is an item
    of a list with no space after its dash (``  -Cremona``) where an item of the same list,
    with as many spaces before it, has one (``  - Crema``: PyYAML's English alone, after
    the front matter), or None. One pass: each list (the lines under a line at the
    margin) is read once."""
    found, spaced, key = {}, set(), None  # (the first such line of each indent)
    for number, typed in enumerate([*lines, ""]):
        if not typed[:1].isspace():  # a line at the margin: the list above it ends
            first = min((found[indent] for indent in spaced if indent in found), default=None)
            if first is not None:
                here = first[1]
                return first[0], unspaced_message(key[1] if key is not None else None,
                                                  here["indent"], here["rest"])
            found, spaced = {}, set()
            key = re.match(r"([A-Za-z_][\w-]*):", typed)
            continue
        item = _ITEM_RE.match(typed)
        if item is not None:
            spaced.add(item["indent"])
        elif number < last:
            here = UNSPACED_RE.fullmatch(typed.rstrip())
            if here is not None:
                found.setdefault(here["indent"], (number, here))
    return None


# "tags: []", "summary: ''": a key with an empty value, as ./run new writes them
_EMPTY_VALUE_RE = re.compile(r"(?P<key>[A-Za-z_][\w-]*):[ \t]+(?P<value>\[[ \t]*\]|\{[ \t]*\}"
                             r"|''|\"\")[ \t]*(?:#[^\n]*)?")
# a line that is a key of the front matter, at the margin
_KEY_LINE_RE = re.compile(r"[A-Za-z_][\w-]*:(?:[ \t]|$)")
# "  - file: …", the first line of a list's entry of keys (an attachment)
_ENTRY_RE = re.compile(r"[ ]*-[ ]+(?P<key>[A-Za-z_][\w-]*):(?:[ \t][^\n]*)?")


# "  file: …": an indented key with its value, no dash before it
_INDENTED_VALUE_RE = re.compile(r"(?P<indent>[ ]+)(?P<key>[A-Za-z_][\w-]*):[ \t]+\S[^\n]*")
# "attachments:", a key at the margin whose value is the indented lines under it
_BLOCK_KEY_RE = re.compile(r"(?P<key>[A-Za-z_][\w-]*):[ \t]*(?:#[^\n]*)?")


def _entry_without_dash(lines, number, here):
    """``(index, explanation)`` when ``lines[number]`` (``here``, its match of
    :data:`_INDENTED_RE`) is indented further than the key with a value above it, under
    ``attachments:`` with no list's dash in between (``  file: …`` then ``    title: …``:
    the entry's dash left out, PyYAML's "mapping values are not allowed" alone): the line
    to give the dash, the entry's first; or None."""
    if not here:
        return None
    index = next((at for at in range(number - 1, -1, -1) if lines[at].strip()), None)
    above = _INDENTED_VALUE_RE.fullmatch(lines[index]) if index is not None else None
    if above is None or len(here["indent"]) <= len(above["indent"]):
        return None
    start = index
    while start > 0 and (lines[start - 1][:1] == " " or not lines[start - 1].strip()):
        start -= 1
    if any(_ITEM_RE.match(typed) for typed in lines[start:index + 1]) or start == 0:
        return None
    block = _BLOCK_KEY_RE.fullmatch(lines[start - 1].rstrip())
    if block is None or block["key"].lower() != ATTACHMENTS:
        return None
    first = next((at for at in range(start, index + 1) if lines[at].strip()), index)
    opening = _INDENTED_VALUE_RE.fullmatch(lines[first])
    if opening is not None:
        # the entry's first line takes the dash (with "title:" under "file:" aligned, the
        # line YAML stops at is a "description:" further in)
        spaces, key = len(opening["indent"]), opening["key"]
        return first, (f"la voce di `attachments` non comincia con il trattino: scrivi la"
                       f" riga di `{key}` con {spaces} spazi, un trattino e uno spazio"
                       f" davanti, `- {key}: …`, e le righe sotto con {spaces + 2} spazi"
                       f" davanti, allineate a `{key}:`, come nell'esempio della guida")
    return None


def _margin_key_in_entry(lines, number, here):
    """``(index, key, entry)`` when the line before ``lines[number]`` (``here``, its match
    of :data:`_INDENTED_RE`, an indented key) is a key at the margin between the lines of
    a list's entry of keys (``  - file: …``) and ``here``, which is aligned with that
    entry's keys, and it is one of an entry's keys (:data:`ENTRY_KEYS`): the line at the
    margin lost its spaces; or None."""
    if not here:
        return None
    index = next((at for at in range(number - 1, -1, -1) if lines[at].strip()), None)
    if index is None or not _KEY_LINE_RE.match(lines[index]):
        return None
    key = lines[index].split(":", 1)[0]
    if key.lower() not in ENTRY_KEYS:  # "status: …" at the margin: the front matter's own
        return None
    entry = _entry_above(lines[:index])
    if entry is None or len(here["indent"]) != entry.start("key"):
        return None
    return index, key, entry


def _entry_above(lines):
    """The match of :data:`_ENTRY_RE` of the list entry the last of ``lines`` belongs
    to (only indented lines between), or None."""
    for text in reversed(lines):
        entry = _ENTRY_RE.fullmatch(text)
        if entry is not None:
            return entry
        if text.strip() and not text.startswith(" "):
            return None  # a key of the front matter itself: no entry above
    return None


# a line at the margin that is no key, list item or comment: after a blank line, the
# article's text, read as YAML because the front matter's closing `---` is missing (a
# `---` further down, a rule in the text, closed it)
_TEXT_LINE_RE = re.compile(r"(?=[^\s#\-])(?![A-Za-z_][\w-]*:)")


def unclosed_cause(text, first_line, line):
    """``(line, explanation)`` when the YAML ``text`` goes on into the article's text (its
    first line at or before the error's ``line``), or None."""
    lines = text.split("\n")
    found = next((number for number in range(1, len(lines)) if not lines[number - 1].strip()
                  and _TEXT_LINE_RE.match(lines[number])), None)
    if found is None or (line is not None and line < first_line + found):
        return None
    return (first_line + found,
            f"qui comincia il testo, ma manca la riga `---` che chiude l'{HEADER}:"
            " aggiungila prima del testo, sotto l'ultima informazione (ora la chiude la"
            f" riga `---` della riga {first_line + len(lines) - 1}, più in basso)")


# "summary: >" (or "|") alone on its line: the lines under it are the value only when
# indented; at the margin they were PyYAML's English alone, at the line after them
_BLOCK_RE = re.compile(r"(?P<key>[A-Za-z_][\w-]*):[ \t]+(?P<block>[|>][-+1-9]{0,2})[ \t]*"
                       r"(?:#[^\n]*)?")


def block_cause(text, first_line, line):
    """``(line, explanation)`` of a ``key: >`` (or ``|``) whose next line, at the margin,
    is text and no key (before the error's ``line``), or None."""
    lines = text.split("\n")
    for number, typed in enumerate(lines):
        match = _BLOCK_RE.fullmatch(typed.rstrip())
        if match is None:
            continue
        below = number + 1
        while below < len(lines) and not lines[below].strip():
            below += 1
        if below == len(lines) or lines[below][:1].isspace() \
                or not _TEXT_LINE_RE.match(lines[below]) \
                or (line is not None and first_line + below > line):
            continue
        end = below
        while end + 1 < len(lines) and lines[end + 1].strip() \
                and _TEXT_LINE_RE.match(lines[end + 1]):
            end += 1
        key, block = match["key"], match["block"]
        value = " ".join(typed.strip() for typed in lines[below:end + 1])
        return (first_line + number,
                f"le righe sotto `{key}: {block}` fanno parte del valore solo se rientrate:"
                f" scrivi due spazi all'inizio di ciascuna, oppure tutto il valore su una"
                f" riga, {key}: {written_value(value)}")
    return None
