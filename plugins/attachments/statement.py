"""The accessibility statement's list of inaccessible contents, and the untagged PDFs it
does not name.

A PDF without tags (no structure a screen reader can follow: ``pdfinfo``'s ``tagged``)
may be published, but the statement (``ATTACHMENTS_STATEMENT``, a page under content/)
must then name it under its heading ``ATTACHMENTS_STATEMENT_SECTION`` ("Contenuti non
accessibili"), by a ``{filename}`` link to the item that attaches it or a ``{static}``
link to the file: otherwise what the statement says is no longer true. An attachment
the statement does not name is a warning at its entry (``collect.build_attachments``:
the build and ``invoke check`` alike), or at the item for a PDF its text links with
``{static}`` (:func:`linked_warnings`), never an error: an editor's PDF does not stop a
publication. A site whose content has no statement page is not checked.

The statement is read as its Markdown source, once per run (:class:`Statement`): the
links of the section, whatever their text, from the section's heading to the next
heading of its level or above. Headings are read as Python-Markdown reads them: ``#``
headings, and a block's first line underlined with ``=`` or ``-`` (setext); lines in a
fenced code block (``` or ~~~, closed by the same fence) are neither headings nor links,
nor is the front matter. Every reader here is linear in the line's length (no
backtracking expression: the statement is an editor's text).
"""

import os
import posixpath
import re
import unicodedata
from urllib.parse import unquote

# A link's target: in angle brackets, as Markdown writes one with spaces
# ("[x](<{static}/allegati/Bando 2026.pdf>)"), or up to a space, quote or parenthesis
LINK = re.compile(r"<\{(?:filename|static|attach)\}([^<>\n]*)>"
                  r"|\{(?:filename|static|attach)\}([^)\s\"'>]+)")
# An ATX heading: its marks, then its text with the closing marks (stripped in
# :func:`_heading_text`, not here: "(.*?)\s*#*\s*$" backtracked in cubic time on a line of
# spaces, an editor's hostile heading kept the build and the check for hours)
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


def _heading_text(text):
    """A heading's words, without its closing marks and with its spaces collapsed."""
    return " ".join(text.rstrip().rstrip("#").split())


def _fence(line):
    """The fence a line opens or closes a fenced code block with (three or more ` or ~
    from its first column, as Python-Markdown's fenced_code), or ""."""
    mark = line[:1]
    if mark not in ("`", "~"):
        return ""
    length = len(line) - len(line.lstrip(mark))
    return line[:length] if length >= 3 else ""


def _underline(line):
    """1 or 2: a setext heading's underline (``=`` marks, or ``-`` marks, from the first
    column, then spaces: a line of both, "=-=-=-", is text to Python-Markdown), its
    heading's level; else 0."""
    marks = line.rstrip(" ")
    return 0 if not marks or marks[0] not in "=-" or marks.strip(marks[0]) \
        else (1 if marks[0] == "=" else 2)


def _body(lines):
    """The index of the first line after the front matter (``---`` ... ``---``)."""
    if lines and lines[0].rstrip() == "---":
        for index in range(1, len(lines)):
            if lines[index].rstrip() in ("---", "..."):
                return index + 1
    return 0


def named_paths(text, statement, section):
    """The paths under content/ that ``text`` (the Markdown source of the page
    ``statement``, a path under content/) links in its section headed ``section``."""
    lines = text.splitlines()
    # a fence opens a code block only if the same fence closes it later (else it is text)
    last_closing = {}
    for index, line in enumerate(lines):
        fence = _fence(line)
        if fence and line.rstrip(" ") == fence:
            last_closing[fence] = index
    named, level = set(), None
    index, block_start = _body(lines), True
    while index < len(lines):
        line = lines[index]
        fence = _fence(line)
        if fence and last_closing.get(fence, -1) > index:
            index += 1
            while lines[index].rstrip(" ") != fence:
                index += 1
            index, block_start = index + 1, True
            continue
        heading, depth = HEADING.match(line), 0
        if heading:
            depth, words, index = len(heading[1]), _heading_text(heading[2]), index + 1
        elif block_start and line.strip() and not line.startswith(("    ", "\t")) \
                and index + 1 < len(lines) and _underline(lines[index + 1]):
            depth, words = _underline(lines[index + 1]), " ".join(line.split())
            index += 2
        if depth:
            if level is not None and depth <= level:
                break
            if level is None and words == section:
                level = depth
            block_start = True
            continue
        index += 1
        # a blank line, or a rule of dashes, ends a block
        block_start = not line.strip() or (len(line.strip()) >= 3
                                           and not line.strip().strip("-"))
        if level is None:
            continue
        for bracketed, bare in LINK.findall(line):
            target = unquote((bracketed or bare).split("#")[0].split("?")[0])
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(
                posixpath.dirname(statement), target)
            named.add(unicodedata.normalize("NFC", posixpath.normpath(path)))
    return named


class Statement:
    """What the statement names, read once (``settings``: a build's or ``invoke check``'s)."""

    def __init__(self, settings):
        self.page = settings.get("ATTACHMENTS_STATEMENT") or ""
        self.section = settings.get("ATTACHMENTS_STATEMENT_SECTION") or ""
        self.root = settings["PATH"]
        self.pages = [path.strip("/") for path in settings.get("PAGE_PATHS") or ()]
        self._named = None

    def named(self):
        """The paths under content/ the section links; None when there is no statement
        (no setting, or no such page in the content): nothing to keep true."""
        if self._named is None:
            path = os.path.join(self.root, *self.page.split("/")) if self.page else ""
            try:
                with open(path, encoding="utf-8", errors="replace") as handle:
                    text = handle.read()
            except OSError:
                self._named = False
            else:
                self._named = named_paths(text, self.page, self.section)
        return self._named if self._named is not False else None

    def warning(self, relative, item_source, metadata):
        """The warning for the PDF ``relative`` (``metadata``: ``pdfinfo``'s) attached to
        ``item_source``, or None: tagged, not known, or named (itself or its item)."""
        named = self.named()
        if metadata.get("tagged") is not False or named is None \
                or relative in named or item_source in named:
            return None
        item = "questa pagina" if any(item_source.startswith(path + "/")
                                      for path in self.pages) else "questo articolo"
        return (f"il PDF {relative} non ha i tag: chi usa un lettore di schermo non riesce a"
                " leggerlo; esportalo di nuovo come «PDF con tag» (in Word: «Tag della"
                " struttura del documento per l'accessibilità»), oppure scrivi nel testo le"
                f" informazioni del documento e aggiungi {item}, con un link"
                f" {{filename}}/{item_source}, all'elenco «{self.section}» di {self.page}"
                f" / untagged PDF {relative}: export it with tags, or name this item under"
                f" «{self.section}» in {self.page}")


def linked_warnings(linked, declared, settings, cache, statement):
    """``[(item source, message)]``: the untagged PDFs of the attachments folder that
    written items link in their text with ``{static}`` (``linked``: ``{source: [item
    sources]}``, as ``collect.linked_clashes`` takes it) and the statement does not name;
    not for an item that also declares the file in `attachments` (``declared``: ``{(item
    source, file source)}``: warned at its entry). The build
    (``output.place_linked_static``) and ``invoke check`` both call it. ``cache``: a
    ``pdfinfo.MetadataCache``."""
    if statement.named() is None:
        return []
    found = []
    for source in sorted(linked):
        if not source.lower().endswith(".pdf"):
            continue
        full = os.path.join(settings["PATH"], *source.split("/"))
        if not os.path.isfile(full):
            continue
        metadata = cache.pdf_metadata(full)[1]
        for item in sorted(set(linked[source])):
            message = None if (item, source) in declared else \
                statement.warning(source, item, metadata)
            if message:
                found.append((item, message))
    return found
