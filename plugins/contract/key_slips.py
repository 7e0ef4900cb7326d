"""Keys and values of a front matter that YAML reads without an error, but otherwise than
the editor meant: a key without its colon whose value holds ": " (the key «title
Crema»), a value's next line at the margin read as a key of its own, a hashtag read as a
comment (``title: Festa #FareLegami`` published «Festa»), ``summary: |`` left empty by
the line under it. Read on every front matter YAML reads (each detector skipped where
what it looks for cannot be); errors are raised at their line, warnings returned with
theirs."""

import re

import yaml

from .errors import SourceError, invalid_yaml
from .key_groups import ENTRY_KEYS, PROSE_KEYS, REQUIRED_KEYS
from .layout_causes import block_cause, no_colon, no_space
from .schema import CONTRACT_KEYS, KEY_SPELLINGS, spelled
from .written import quoted, without_curly, written_value

# what continued_keys looks for in a key: a colon, a space, a separator (searched below)
_KEY_BREAK_RE = re.compile(r"[\s;=,.:]")


def continued_keys(document, text, first_line):
    """SourceError at a key without its colon whose value holds ": " (``title Crema: il
    via``: YAML read the key «title Crema», then "manca il titolo"), when the document has
    no such key otherwise; ``[(line, warning)]`` at a line at the margin holding ": " right
    under a summary, title or image_alt without quotes (``summary: Una festa`` then ``per
    tutti: vieni``): the value's next line, or a note, which YAML reads as a key of its
    own, «per tutti» (no key has a space), and the summary was cut short with only a
    warning on an unknown key. Both may as well be keys of the editor's own (``data
    evento: 12 maggio``, ``image caption: …``), which the contract ignores with a warning,
    never an error."""
    pairs = document.value
    # a key without a colon, a space or a separator (title, tags…) is neither, nor is it
    # a line read as a key: most documents have only such keys
    if not any(_KEY_BREAK_RE.search(str(key_node.value).strip()) for key_node, _ in pairs):
        return [], set()
    lines = text.split("\n")
    ignored = set()  # the keys warned of: the schema's "chiave sconosciuta" not said again
    present = {KEY_SPELLINGS.get(name, name) for name in
               (spelled(str(key_node.value).strip()) for key_node, _ in pairs)}
    warnings = []
    for key_node, value in pairs:
        # "title Crema: il via": a key without its colon, its value holding ": "; YAML read
        # the key «title Crema», and "manca il titolo" followed
        name = str(key_node.value).strip()
        glued = re.fullmatch(r"([A-Za-z_][\w-]*):(\S.*)", name)
        if glued and glued[1].lower() in (*CONTRACT_KEYS, *KEY_SPELLINGS) \
                and isinstance(value, yaml.ScalarNode) and not key_node.style \
                and value.start_mark.line == key_node.start_mark.line:
            # "title:Festa: il via": no space after the first colon, the key «title:Festa»
            typed = lines[key_node.start_mark.line].split(":", 1)[1].strip()
            raise invalid_yaml(no_space(glued[1], written_value(typed)),
                               first_line + key_node.start_mark.line)
        word = re.split(r"[\s;=,.]+", name, maxsplit=1)[0]
        written = spelled(name)
        meant = KEY_SPELLINGS.get(word.lower(), word.lower())
        typed = lines[key_node.start_mark.line][len(word):].strip(" \t;=,.")
        # a page needs no date: "data evento: 12 maggio" on a page is a key of the
        # editor's own; "date 2024-05-05 10:00" a date without its colon
        if isinstance(key_node, yaml.ScalarNode) and not key_node.style \
                and key_node.start_mark.column == 0 and word != name \
                and meant in REQUIRED_KEYS and meant not in present \
                and (meant == "title" or re.match(r"\d", typed)) \
                and written not in CONTRACT_KEYS and written not in KEY_SPELLINGS \
                and isinstance(value, yaml.ScalarNode) \
                and value.start_mark.line == key_node.start_mark.line:
            raise invalid_yaml(no_colon(word, written_value(typed.rstrip())),
                               first_line + key_node.start_mark.line)
    for (key_node, value), (next_key, next_value) in zip(pairs, pairs[1:]):
        name = str(next_key.value).strip()
        if not (str(key_node.value).strip().lower() in PROSE_KEYS
                and isinstance(value, yaml.ScalarNode) and not value.style and value.value
                and isinstance(next_key, yaml.ScalarNode) and not next_key.style
                and re.search(r"\s", name) and next_key.start_mark.column == 0
                and next_key.start_mark.line == value.end_mark.line + 1):
            continue
        if spelled(name) in CONTRACT_KEYS or spelled(name) in KEY_SPELLINGS:  # "image alt: …"
            continue
        key = str(key_node.value).strip()
        typed = lines[next_key.start_mark.line].strip()
        whole = f"{value.value} {typed}"
        warnings.append((
            first_line + next_key.start_mark.line,
            f"questa riga, al margine sotto `{key}` (riga"
            f" {first_line + key_node.start_mark.line}), è letta come un'altra chiave,"
            f" «{name}», sconosciuta e ignorata, e il valore di `{key}` si ferma alla riga"
            f" sopra: se lo continua, scrivi tutto il valore su una riga tra virgolette"
            f" diritte, {key}: {quoted(whole)}; se è una nota, cominciala con `# `"
            f" / the line under `{key}` is read as an unknown key of its own, ignored"))
        ignored.add(name)
    return warnings, ignored


def entry_keys_out(document, first_line):
    """``([(line, warning)], {names warned of})`` for a key of a list's entry
    (:data:`.key_groups.ENTRY_KEYS`: an attachment's ``title``, ``description``)
    written at the margin right under that entry (``  - file: …`` then ``title: …``, the
    spaces lost): YAML reads it as the article's own, without an error. A ``title`` so
    replaced the article's title with the attachment's under a warning on a repeated key
    alone, which the preview does not show: SourceError at its line. A ``description`` was
    an unknown key: a warning that says to align it."""
    pairs = document.value
    warnings, ignored = [], set()
    seen = {}
    entry, list_key = None, None  # the entry of keys the lines at the margin follow
    for key_node, value in pairs:
        name = str(key_node.value).strip()
        key = name.lower()
        if entry is not None and key in ENTRY_KEYS and not key_node.style \
                and key_node.start_mark.column == 0 and key not in entry:
            first = entry[next(iter(entry))]
            line = first_line + key_node.start_mark.line
            where = (f"la riga di `{name}` è al margine subito sotto la voce di `{list_key}`"
                     f" che comincia con `- {first[0]}:` (riga"
                     f" {first_line + first[1].start_mark.line}): il sito la legge come")
            align = (f"se fa parte di quella voce, scrivila con {first[1].start_mark.column}"
                     f" spazi davanti, allineata a `{first[0]}:` / `{name}` at the margin"
                     f" under an entry of `{list_key}`: indent it as `{first[0]}:`")
            if key in CONTRACT_KEYS and key in seen:  # the article's title replaced
                raise SourceError(f"{where} il `{name}` dell'articolo, al posto di quello"
                                  f" della riga {seen[key]}; {align}", line)
            if key not in CONTRACT_KEYS:
                ignored.add(name)
                warnings.append((line, f"{where} un'informazione dell'articolo, sconosciuta"
                                       f" e ignorata; {align}"))
        else:
            entry = None
            if isinstance(value, yaml.SequenceNode) and value.value \
                    and isinstance(value.value[-1], yaml.MappingNode) and value.value[-1].value:
                list_key = name
                entry = {str(item.value).strip().lower(): (str(item.value).strip(), item)
                         for item, _ in value.value[-1].value}
        seen.setdefault(key, first_line + key_node.start_mark.line)
    return warnings, ignored


# " #" after a value without quotes starts a YAML comment: "title: Festa #FareLegami"
# published the title "Festa". A "#" followed by a letter or digit is a hashtag, not
# the "# note" of a comment.
_HASHTAG_RE = re.compile(r"[ \t]+(#[^\s#][^\n]*)")


def hashtags(document, text, first_line):
    """SourceError at the first value without quotes followed by ``#word`` on its line,
    or made of nothing but ``#word`` (``title: #FareLegami``, ``tags: #Crema #Cremona``,
    ``- #Crema``: the value was empty, "missing title" or no tags at all)."""
    if "#" not in text:  # most front matters: nothing _HASHTAG_RE could match
        return
    lines = text.split("\n")
    pending = [(str(key.value), value, False) for key, value in document.value]
    while pending:
        key, node, item = pending.pop(0)
        if isinstance(node, yaml.ScalarNode):
            if not node.style:  # plain: None (PyYAML) or "" (libyaml)
                end = node.end_mark
                rest = lines[end.line][end.column:] if end.line < len(lines) else ""
                match = _HASHTAG_RE.match(rest)
                if match:
                    raise SourceError(_hashtag_message(key, node.value, match[1].strip(),
                                                       item), first_line + end.line)
        elif isinstance(node.value, list):
            for entry in node.value:
                if isinstance(entry, tuple):  # a mapping's pair
                    pending.append((str(entry[0].value), entry[1], False))
                else:  # a list's item
                    pending.append((key, entry, True))


def _hashtag_message(key, value, comment, item):
    """What to say of ``comment`` (``#word``…), which YAML takes for a comment after the
    ``value`` of ``key`` (``item``: a value in a list)."""
    if value:
        return (f"`{comment}` viene letto come un commento e non comparirebbe: se fa parte"
                f" del valore, scrivi tutto il valore tra virgolette diritte,"
                f" {quoted(without_curly(value + ' ' + comment))}; un commento va dopo `# `"
                " con lo spazio / text after ` #` is a YAML comment: quote the value")
    words = [word.lstrip("#") for word in re.split(r"[\s,;]+", comment) if word.lstrip("#")]
    if key.strip().lower() in ("tags", "authors"):  # hashtags meant as tags
        written = f"- {', '.join(words)}" if item else f"{key}: [{', '.join(words)}]"
        empty = f"la voce di `{key}` resterebbe vuota" if item else \
            f"`{key}` resterebbe vuoto"
        return (f"`{comment}` viene letto come un commento (comincia con `#`) e {empty}:"
                f" scrivi le voci senza `#`, {written} / a value starting with `#` is a YAML"
                f" comment: write {written}")
    written = f"- {quoted(comment)}" if item else f"{key}: {quoted(comment)}"
    return (f"il valore di `{key}` comincia con `#`, che qui apre un commento:"
            f" `{key}` resterebbe vuoto; scrivilo tra virgolette diritte, {written}"
            f" / a value starting with `#` is a YAML comment: quote it")


def empty_blocks(document, text, first_line):
    """SourceError at a ``key: |`` (or ``>``) left empty because the line under it, at the
    margin, holds ": " (``La festa: sabato.``): YAML reads it as a key of its own, and the
    summary was empty with only a warning on an unknown key «la festa»; the same error as
    for other lines at the margin under it (:func:`block_cause`)."""
    lines = text.split("\n")
    for key_node, value in document.value:
        if not (isinstance(value, yaml.ScalarNode) and value.style in ("|", ">")
                and not value.value.strip()):
            continue
        number = key_node.start_mark.line
        cause = block_cause("\n".join(lines[number:]), first_line + number, None)
        if cause is not None and cause[0] == first_line + number:
            raise invalid_yaml(cause[1], cause[0])
