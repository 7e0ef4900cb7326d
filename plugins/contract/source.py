"""A content file as the editor saved it: text, front matter with line numbers, body.

Pure functions on bytes and text, no Pelican: the reader (build) and ``invoke
check`` both use them, so the two report the same problems at the same lines.

- :func:`read`: the file's bytes as text (:func:`.decoding.decode`: UTF-8, the
  characters an editor cannot see replaced, each a warning at its line), split;
- :func:`split`: the front matter split from the body: YAML between ``---`` lines
  (:func:`.frontmatter.load_yaml`: values as text, each key with its line), or
  Pelican's native ``Key: value`` header (:func:`native_header`); a ``---`` line typed
  otherwise (a dash, two or four hyphens) or left out is named at its line.
"""

import re
from dataclasses import dataclass, field

from .decoding import decode
from .errors import HEADER, SourceError
from .frontmatter import load_yaml

# A first line "---", then YAML, then a line "---" (or "...").
HEADER_RE = re.compile(
    r"\A(?P<before>\s*)^---[ \t]*\n(?P<metadata>.*?)^(?:---|\.\.\.)[ \t]*$\n?(?P<content>.*)\Z",
    re.MULTILINE | re.DOTALL,
)
NATIVE_KEY_RE = re.compile(r"^([A-Za-z0-9_-]+):")


@dataclass
class Source:
    """The parts of a content file. Lines count from 1 in the file as saved."""

    text: str
    raw: dict = field(default_factory=dict)  # front-matter values as written
    key_lines: dict = field(default_factory=dict)  # key (lower case) -> line
    body: str = ""
    body_line: int = 1  # line of the file where the body starts
    warnings: list = field(default_factory=list)  # (line, message)
    native: bool = False  # Pelican's native header (Title: …), no `---` lines

    def line_of(self, key):
        return self.key_lines.get(key)


def native_header(text):
    """``({key: text}, {key: line}, body, body_line)`` for Pelican's ``Key: value`` header."""
    lines = text.split("\n")
    raw, key_lines, key, number = {}, {}, None, 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            break
        match = NATIVE_KEY_RE.match(line)
        if match:
            key = match.group(1).strip().lower()
            raw[key] = line[match.end():].strip()
            key_lines[key] = number
        elif key and line[:1] in (" ", "\t"):
            raw[key] += "\n" + line.strip()  # a continuation line
        elif "title" in raw and DASHES_RE.fullmatch(line):
            # "title: …", "date: …", then "---": the front matter's opening line left out
            # (a blank line before "---", as below, would publish a rule atop the text)
            raise SourceError(f"manca la riga `---` che apre l'{HEADER}: l'{HEADER} si chiude"
                              " alla riga"
                              f" {number} ma non si apre; scrivi `---` come prima riga del"
                              " file, sopra la prima informazione / front matter not opened:"
                              " write `---` as the first line", 1)
        elif "title" in raw:  # the text typed right under the header: no blank line
            raise SourceError(f"manca una riga vuota tra l'{HEADER} (Title:, Date:"
                              " …) e il testo: aggiungila prima di questa riga / a blank line"
                              " must separate the header from the text", number)
        else:
            return {}, {}, text, 1  # no header: the whole file is the body
    else:
        number += 1
    body = "\n".join(lines[number:])
    return raw, key_lines, body, number + 1


# A line meant as "---" but not: what a word processor makes of it (an en or em dash:
# "--" and "---" are replaced as typed), two or four hyphens, a minus sign.
DASHES_RE = re.compile(r"^[ \t]*([-\u2010-\u2015\u2212]{1,6})[ \t]*$", re.MULTILINE)


def _dashes_problem(line_text):
    """What to say of a ``---`` line written otherwise (``line_text`` is one), or None."""
    match = DASHES_RE.fullmatch(line_text)
    if match is None or match.group(1) == "---":
        return None
    dashes = match.group(1)
    if set(dashes) == {"-"}:
        what = f"ha {len(dashes)} trattin{'o' if len(dashes) == 1 else 'i'}, non 3"
    else:
        what = "è una lineetta, non tre trattini (un programma di videoscrittura li cambia così)"
    return f"la riga `{dashes}` {what}: scrivi `---`"


def split(text):
    """The :class:`Source` of ``text`` (already decoded)."""
    match = HEADER_RE.match(text)
    if match:
        first_line = match.group("before").count("\n") + 2  # the line after "---"
        body_line = first_line + match.group("metadata").count("\n") + 1
        try:
            raw, key_lines, warnings = load_yaml(match.group("metadata"), first_line)
        except SourceError as error:  # the body is still known: it is checked too
            error.source = Source(text, body=match.group("content"), body_line=body_line)
            raise
        return Source(text, raw, key_lines, match.group("content"), body_line, warnings)
    start = text[:len(text) - len(text.lstrip())].count("\n") + 1  # the first line written
    lines = text.split("\n")
    if text.lstrip().startswith("---\n"):
        # the closing line typed otherwise ("–", "----"): name it, before the body starts
        for number, line in enumerate(lines[start:], start=start + 1):
            problem = _dashes_problem(line)
            if problem:
                raise SourceError(f"l'{HEADER} (riga {start}) non si chiude: {problem}"
                                  " / front matter closed by a line that is not `---`", number)
        raise SourceError(f"l'{HEADER} inizia con `---` ma non si chiude con un'altra"
                          " riga `---`: aggiungila sotto l'ultima informazione, prima del testo"
                          " / front matter not closed", start)
    problem = _dashes_problem(lines[start - 1]) if start <= len(lines) else None
    if problem:  # "–" and "–" around the keys: a body without title nor date, else
        raise SourceError(f"l'{HEADER} non comincia con `---`: {problem}"
                          " / front matter must open with a `---` line", start)
    raw, key_lines, body, body_line = native_header(text)
    return Source(text, raw, key_lines, body, body_line, native=True)


def read(data):
    """:class:`Source` from a file's bytes; raises :class:`SourceError`."""
    text, warnings = decode(data)
    source = split(text)
    source.warnings = warnings + source.warnings
    return source
