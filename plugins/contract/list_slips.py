"""Lists in the front matter typed so that YAML reads no list, or not the one meant, and
the site would publish one odd name without a word: items begun with a bullet or a dash
that is not ``-``, or without the space after it, an item indented more than the one
above it, a name holding ": ", the items of ``tags`` or ``authors`` one a line without
dashes, a list between square brackets where a comma may be missing. Read on every
front matter YAML reads (each detector skipped where what it looks for cannot be);
errors are raised at their line, warnings returned with theirs."""

import re

import yaml

from .errors import SourceError
from .key_groups import NAME_LISTS
from .layout_causes import UNSPACED_RE, unspaced_message
from .written import quoted, written_value

# A key, then items begun with what a word processor or Markdown makes of "- " (a dash,
# a bullet, "*"): YAML reads no list there but one text ("– Crema – Cremona" became one
# tag) or an alias (``*``).
_BULLETS_RE = re.compile(r"^(?P<key>[^\s#\-][^:\n]*):[ \t]*(?:#[^\n]*)?\n"
                         r"(?:[ \t]*(?:#[^\n]*)?\n)*"
                         r"[ \t]*(?P<bullet>[\u2010-\u2015\u2212\u2022\u00b7\u25aa\u25e6\u2023"
                         r"\u25cf\u2219*])[ \t]+\S", re.M)  # dashes, minus, bullets, *


# "  -\u00a0Crema": an item whose space after "-" is a non-breaking one (a word
# processor's): YAML reads no item but text, and "tags" was one topic, «- Crema - Cremona»
_NBSP_ITEM_RE = re.compile(r"^[ \t]*-[ \t]*\u00a0", re.M)


def bullets(text, first_line):
    """SourceError at the first item of a list begun with a bullet that is not ``-``, or
    with a non-breaking space after its ``-``."""
    match = _NBSP_ITEM_RE.search(text) if "\u00a0" in text else None
    if match is not None:
        keys = re.findall(r"^([A-Za-z_][\w-]*):", text[:match.start()], re.M)
        which = f" di `{keys[-1].lower()}`" if keys else ""
        raise SourceError(f"la voce dell'elenco{which} ha uno spazio speciale (non separabile,"
                          " copiato da un programma di videoscrittura) dopo il trattino: così"
                          " non è una voce ma testo; riscrivi lo spazio dopo `-` con la barra"
                          " spaziatrice / a non-breaking space after `-`: retype it",
                          first_line + text.count("\n", 0, match.start()))
    match = _BULLETS_RE.search(text)
    if match is None:
        return
    key, bullet = match["key"].strip(), match["bullet"]
    raise SourceError(f"l'elenco di `{key}` comincia con `{bullet}`: ogni voce deve cominciare"
                      " con il trattino normale `-` e uno spazio (un programma di"
                      " videoscrittura lo cambia in lineetta o pallino) / list items must"
                      " start with `- `", first_line + text.count("\n", 0, match.start("bullet")))


# "  -Crema": a dash without its space, which YAML reads as the start of a text
_DASH_WORD_RE = re.compile(r"[ \t]*-(?=[^\W\d_])")
# a line of a text that would have been an item of the list above ("  - Cremona")
_ITEM_LINE_RE = re.compile(r"[ \t]*- ")
# a line that starts with an item's dash, with its space or without
_DASH_LINE_RE = re.compile(r"[ ]*-(?:[ ]|[^\s\-])")


def list_slips(document, text, first_line):
    """SourceError at the first line of a list typed so that YAML reads no list, or not
    the one meant, and the site would publish one odd name without a word: items with no
    space after the dash (``-Crema``: the text «-Crema -Cremona»), an item indented more
    than the one above it (joined to it: «Crema - Cremona»), a name of ``tags`` or
    ``authors`` with ": " (a mapping: «{'Crema': 'città'}»)."""
    lines = text.split("\n")
    warnings = []
    for key_node, value in document.value:
        key = str(key_node.value).strip()
        if isinstance(value, yaml.ScalarNode) and not value.style \
                and value.start_mark.line > key_node.start_mark.line \
                and all(_DASH_WORD_RE.match(line)
                        for line in lines[value.start_mark.line:value.end_mark.line + 1]
                        if line.strip()):
            words = [word.strip() for word in value.value.split("-") if word.strip()]
            raise SourceError(
                f"la voce dell'elenco di `{key}` non ha lo spazio dopo il trattino: così non"
                f" è una voce ma testo («{value.value}»); scrivi ogni voce con un trattino e"
                f" uno spazio, - {words[0]} / a space is needed after `-`",
                first_line + value.start_mark.line)
        typed = [line for line in lines[value.start_mark.line:value.end_mark.line + 1]
                 if line.strip()] if isinstance(value, yaml.ScalarNode) \
            and not value.style and value.start_mark.line > key_node.start_mark.line else []
        first = UNSPACED_RE.fullmatch(typed[0].rstrip()) if typed else None
        if first is not None and all(_DASH_LINE_RE.match(line) for line in typed[1:]):
            # "  -Crema" then "  - Cremona": one text, «-Crema - Cremona», that no editor
            # means; the first item is the one to write with its space, as a later one's
            raise SourceError(f"{unspaced_message(key, first['indent'], first['rest'])}"
                              f" / a space is needed after `-`",
                              first_line + value.start_mark.line)
        if key.lower() in NAME_LISTS and isinstance(value, yaml.ScalarNode) \
                and not value.style:
            start, end = value.start_mark, value.end_mark
            typed = [line.strip() for line in [lines[start.line][start.column:],
                                               *lines[start.line + 1:end.line + 1]]
                     if line.strip()]
            if len(typed) > 1 and not all(re.search(r"[,;]", line) for line in typed[:-1]):
                # "tags:" then "  Crema" and "  Cremona": one text, «Crema Cremona»; a
                # line holding commas and wrapped ("tags: Crema, Laboratori di" then
                # "  Comunità") continues its last name, as YAML reads it. One name wrapped
                # ("authors: Maria Teresa" then "  Bianchi") is valid and reads the same: a
                # warning, the value published as YAML reads it
                # "  Crema" then "  - Cremona", "  -Crema" then "  Cremona": no name to
                # write starts with the dash of an item ("- Cremona", "-Crema")
                items = ", ".join(written_value(line.strip(" ,;").lstrip("- ").strip(" ,;"),
                                                in_list=True) for line in typed)
                one = value.value.lstrip("- ")
                warnings.append((
                    first_line + start.line,
                    f"le righe di `{key}` non hanno il trattino: sono lette come un testo"
                    f" solo, «{value.value}», e il sito lo pubblica come una voce sola; se"
                    f" sono voci diverse scrivile tra parentesi quadre, separate da virgole,"
                    f" {key}: [{items}], o ciascuna su una riga sua, sotto `{key}:`, con due"
                    f" spazi, un trattino e uno spazio davanti; se è un nome solo, scrivilo su"
                    f" una riga, {key}: {written_value(one)} / lines of `{key}`"
                    f" without dashes are read as one name"))
        if not isinstance(value, yaml.SequenceNode):
            continue
        if value.flow_style and key.lower() in NAME_LISTS:
            warnings += _flow_slips(key, value, text, first_line)
        for entry in value.value:
            if isinstance(entry, yaml.ScalarNode) and not entry.style:
                joined = next((number for number in range(entry.start_mark.line + 1,
                                                          entry.end_mark.line + 1)
                               if _ITEM_LINE_RE.match(lines[number])), None)
                if joined is not None:
                    above = lines[entry.start_mark.line].strip()
                    raise SourceError(
                        f"questa riga di `{key}` ha più spazi davanti della voce sopra"
                        f" (`{above}`), e il sito la unisce a quella: una voce sola,"
                        f" «{entry.value}»; scrivila con gli stessi spazi davanti di"
                        f" `{above}` / align the list's items", first_line + joined)
            elif isinstance(entry, yaml.MappingNode) and key.lower() in NAME_LISTS \
                    and len(entry.value) == 1 and not _braced(entry, lines) \
                    and all(isinstance(part, yaml.ScalarNode) for part in entry.value[0]):
                name = f"{entry.value[0][0].value}: {entry.value[0][1].value}"
                raise SourceError(
                    f"la voce di `{key}` contiene i due punti seguiti da uno spazio, e il sito"
                    f" la legge come `chiave: valore`: scrivila tra virgolette diritte,"
                    f" - {quoted(name)} / quote a name holding `: `",
                    first_line + entry.start_mark.line)
    return warnings


# a name without quotes, then one word between single quotes ("Crema 'Cremona'"); not a
# name holding a quotation, «Cooperativa "Il Seme"», «Circolo 'Il Ponte'»
_QUOTED_AFTER_RE = re.compile(r"(?P<name>[^\n]*\S)[ \t]+(?P<quoted>'[^'\s]+')")


def _flow_slips(key, sequence, text, first_line):
    """``[(line, warning)]`` at a list between square brackets of ``tags`` or ``authors``
    where a comma may be missing, which YAML reads without an error as one name of two:
    ``[Crema`` then ``  Cremona]`` (the name «Crema Cremona»), ``[Crema 'Cremona']`` (the
    name «Crema 'Cremona'»). A warning, not an error: one name wrapped, ``[Laboratori di``
    then ``  Comunità]``, or holding a quoted word, ``[Teatro 'Ponchielli']``, is typed
    the same way and is valid; the warning gives both lines to write."""
    names, missing = [], False
    for entry in sequence.value:
        if not isinstance(entry, yaml.ScalarNode):
            return []  # brackets inside names: the contract's error (schema._brackets)
        if entry.style:
            names.append(entry.value)
            continue
        typed = text[entry.start_mark.index:entry.end_mark.index]
        pieces = [piece.strip() for piece in typed.split("\n") if piece.strip()]
        before = text[text.rfind("\n", 0, entry.start_mark.index) + 1:entry.start_mark.index]
        if len(pieces) > 1 and "," in before:
            # "[Festa di primavera, Associazione" then "  Amici del Torrazzo, Crema]": a
            # long line wrapped inside a name, after the names before it on its line
            pieces = [" ".join(pieces)]
        after = _QUOTED_AFTER_RE.fullmatch(typed) if len(pieces) == 1 else None
        if after is not None:
            pieces = [after["name"].strip(), after["quoted"][1:-1]]
        missing = missing or len(pieces) > 1
        names.extend(pieces)
    if not missing:
        return []
    items = ", ".join(written_value(name, in_list=True) for name in names)
    read = [entry.value for entry in sequence.value]
    published = ", ".join(f"«{name}»" for name in read)
    # the names as read, on one line, a quoted word's between quotes: no warning then
    as_read = ", ".join(quoted(name) if re.search("[\"']", name)
                        else written_value(name, in_list=True) for name in read)
    voices = ("risulta la voce", "la") if len(read) == 1 else ("risultano le voci", "le")
    return [(first_line + sequence.start_mark.line,
             f"tra le parentesi quadre di `{key}` forse manca una virgola: ne"
             f" {voices[0]} {published}, e il sito {voices[1]} pubblica così; se sono voci"
             f" diverse scrivile separate da virgole, su una riga, {key}: [{items}]; se è"
             f" giusto così, scrivi {key}: [{as_read}] / a comma may be missing between two"
             f" items")]


def listed_names(node):
    """The names a value of ``tags`` or ``authors`` holds (text split at commas and
    semicolons, or a list's items as text), or [] for anything else."""
    if isinstance(node, yaml.ScalarNode):
        return [name.strip() for name in re.split(r"[,;]", node.value) if name.strip()]
    if isinstance(node, yaml.SequenceNode) and all(isinstance(item, yaml.ScalarNode)
                                                   for item in node.value):
        return [item.value.strip() for item in node.value if item.value.strip()]
    return []


def _braced(node, lines):
    """Whether the mapping ``node`` is written between braces (``{Cremona}``: brackets
    inside a list's names, which the contract explains, not a name holding ": ")."""
    mark = node.start_mark
    return mark.line < len(lines) and lines[mark.line][mark.column:mark.column + 1] == "{"
