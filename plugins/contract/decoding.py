"""A content file's bytes as text, and the characters an editor cannot see replaced.

- :func:`decode`: UTF-8 (a BOM and Windows line endings are fine; UTF-16, Windows
  Notepad's "Unicode", is an error saying how to save it again); control
  characters (a word processor's manual line break pastes U+000B) are replaced by
  a space and reported as warnings with their line, so nothing breaks later
  (YAML, the feeds' XML) and the editor still learns where they were;
- :func:`visible`: the same for a front-matter value, whose YAML escapes make them
  in a file that has none.
"""

import re

from plugins.core.text import BIDI_RE

from .errors import SourceError

# C0 controls but TAB and LF (CR is a line ending), DEL, C1 controls, the Unicode line
# and paragraph separators, and what XML 1.0 cannot hold at all (the non-characters
# U+FFFE and U+FFFF, surrogates, which only a YAML escape makes): invisible in editors,
# fatal in XML and YAML (a U+FFFF in a body made every feed holding it unreadable).
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")
# Zero-width spaces, the word joiner and a BOM in the middle of a file (two files pasted
# together): pasted from web pages and word processors, invisible in every editor; in a
# key (`\u200btitle`) or a date they made errors showing text that looks right.
ZERO_WIDTH_RE = re.compile(r"[\u200b\u2060\ufeff]")
NAMES = {"\x0b": "interruzione di riga manuale (da un programma di videoscrittura)",
         "\x0c": "salto di pagina", "\x00": "carattere nullo", "\u2028": "separatore di riga",
         "\u2029": "separatore di paragrafo", "\u200b": "spazio a larghezza zero",
         "\u2060": "unione di parole invisibile",
         "\ufeff": "segno invisibile di inizio file, qui a metà del testo"}  # a BOM


def decode(data):
    """``(text, [(line, warning)])``: UTF-8 text with LF line endings and no control characters."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # never in UTF-8: a UTF-16 BOM
        raise SourceError(
            "il file è salvato come «Unicode» dal Blocco note di Windows, e il sito non lo"
            " legge: salvalo di nuovo; nel Blocco note: «Salva con nome» → Codifica «UTF-8»"
            " / file is UTF-16, save it as UTF-8", 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[:error.start]  # lines end in LF, CR LF or CR alone (old Macs)
        line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
        where = _where_undecoded(data, error.start)
        raise SourceError(
            f"il file ha lettere che il sito non sa leggere ({where}):"
            " è salvato con un'altra codifica, di solito «ANSI» del Blocco note di Windows;"
            " salvalo di nuovo: nel Blocco note «Salva con nome» → Codifica «UTF-8»"
            " / file is not UTF-8 (often Windows-1252)", line) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    warnings = []
    if not _ANY_INVISIBLE_RE.search(text):
        return text, warnings
    for pattern, replacement, kind, done, english in INVISIBLE:
        if not pattern.search(text):
            continue
        for number, line in enumerate(text.split("\n"), start=1):
            for char in dict.fromkeys(pattern.findall(line)):
                warnings.append((number, _invisible_warning(char, kind, done, english)))
        text = pattern.sub(replacement, text)
    return text, warnings


def _where_undecoded(data, start):
    """Where the first byte UTF-8 cannot read is, as the editor sees it: the word holding
    it as Windows-1252 reads it (``nella parola «città»``: Notepad's "ANSI", the usual other
    encoding), else its place in the file (it was "byte non valido in posizione 243",
    which no editor can find)."""
    # a window of the line around the byte (one paragraph of Markdown may be one line of
    # thousands of characters): wider each side than the longest word named
    begin = max(data.rfind(b"\n", 0, start), data.rfind(b"\r", 0, start), start - 101) + 1
    ends = [at for at in (data.find(b"\n", start), data.find(b"\r", start)) if at >= 0]
    row = data[begin:min([*ends, start + 100])].decode("cp1252", "replace")  # a byte a letter
    at = start - begin
    words = [word for word in re.finditer(r"\S+", row) if word.start() <= at < word.end()]
    word = words[0].group().strip(".,;:!?()[]«»\"'") if words else ""
    if word and len(word) <= 40 and "\ufffd" not in word and not CONTROL_RE.search(word):
        return f"nella parola «{word}»"
    return f"verso il carattere {start + 1} del file"


# Invisible characters: control characters become spaces; bidirectional embeddings,
# overrides and isolates (core.text.BIDI_RE: "Fattura \u202eFDP.zip" showed as a PDF)
# and zero-width characters are removed. Each is a warning at its line.
INVISIBLE = (  # (pattern, replacement, what it is, what was done, the same in English)
    (CONTROL_RE, " ", "controllo", "sostituito da uno spazio", "control character replaced"),
    (BIDI_RE, "", "inverte la direzione del testo", "tolto",
     "bidirectional control character removed"),
    (ZERO_WIDTH_RE, "", "invisibile", "tolto", "zero-width character removed"),
)


# any character of INVISIBLE: one search of a text, where most have none (each of the
# three patterns searched the whole file, a tenth of reading a file's front matter)
_ANY_INVISIBLE_RE = re.compile("|".join(pattern.pattern for pattern, *_ in INVISIBLE))


def _invisible_warning(char, kind, done, english):
    return (f"carattere U+{ord(char):04X} ({NAMES.get(char, kind)}) {done}: controlla il testo"
            f" / {english}")


def visible(value, line, warnings):
    """A front-matter value (text, or lists and mappings of them) with the characters of
    :data:`INVISIBLE` replaced as :func:`decode` replaces them, each a warning at ``line``.
    YAML's escapes (``"Riga\\vspezzata"``, ``"\\x01"``, ``"\\u202e"``) make them in a
    file that has none: a title with U+000B stopped the build with a traceback (the
    feeds' XML cannot hold it)."""
    if isinstance(value, str):
        if not _ANY_INVISIBLE_RE.search(value):
            return value
        for pattern, replacement, kind, done, english in INVISIBLE:
            if pattern.search(value):
                warnings.extend((line, _invisible_warning(char, kind, done, english))
                                for char in dict.fromkeys(pattern.findall(value)))
                value = pattern.sub(replacement, value)
        return value
    if isinstance(value, list):
        return [visible(item, line, warnings) for item in value]
    if isinstance(value, dict):
        return {visible(key, line, warnings): visible(item, line, warnings)
                for key, item in value.items()}
    return value
