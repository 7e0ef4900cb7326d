"""The accessibility statement's list of inaccessible contents, and the PDFs not
accessible that it does not name.

A PDF a screen reader's user cannot read well (``pdfinfo.shortcomings``: no text at
all, a scan; else no tags, the structure a screen reader follows, no title or one the
reader's window does not show, no language) may be published, but the statement
(``ATTACHMENTS_STATEMENT``, a page under content/) must then name it under its heading
``ATTACHMENTS_STATEMENT_SECTION`` ("Contenuti non accessibili"), by a ``{filename}`` link
to the item that attaches it or a ``{static}`` link to the file: otherwise what the statement says is no longer true. An attachment
the statement does not name is a warning at its entry (``collect.build_attachments``:
the build and ``invoke check`` alike), or at the item for a PDF its text links with
``{static}`` (:func:`linked_warnings`), never an error: an editor's PDF (a partner's,
which the editor cannot mend) does not stop a publication. One warning per PDF lists
all it lacks, with what to do: export it again as an accessible PDF, or, for one without
text, publish the original or recognise its text (OCR). A site whose content has no
statement page is not checked.

The statement is read as the contract reads every page (plugins/contract): its front
matter split off (:func:`~plugins.contract.source.read`), its body converted by the
site's Markdown (:func:`~plugins.contract.check.render`, within
``CONTRACT_MARKDOWN_SECONDS``), the HTML's headings and links read by
:func:`~plugins.contract.outline.section_links`, once per run (:class:`Statement`): the
links of the section, whatever their text, from the section's heading to the next
heading of its level or above; a footnote's links where the footnote is referenced. So
what the statement names is what its readers see under the heading: no link in code, a
reference-style link where it is used, a heading as shown (``{#id}``, emphasis).
"""

import os
import posixpath
import unicodedata

from plugins.contract.outline import section_links
from plugins.contract.check import render
from plugins.contract.reader import shared_parts
from plugins.contract.errors import SourceError
from plugins.contract.source import read
from plugins.core.urls import content_path
from plugins.italian.words import elenco

from .pdfinfo import scanned, shortcomings


def named_paths(data, statement, section, markdown, seconds=None):
    """The paths under content/ that the page ``statement`` (a path under content/; ``data``:
    its file's bytes) links in its section headed ``section``, read by ``markdown`` (the
    build's converter, :func:`~plugins.contract.reader.shared_parts`) within ``seconds``.
    A page whose body cannot be read or converted names nothing: the contract's error at
    that page says why."""
    try:
        body = read(data).body
    except SourceError as error:  # only the front matter unreadable: the body is known
        if error.source is None:
            return set()
        body = error.source.body
    try:
        html = render(markdown, body, seconds)
    except ValueError:
        return set()
    folder = posixpath.dirname(statement)
    return {unicodedata.normalize("NFC", path) for path in
            (content_path(target, folder) for _, target in section_links(html, section))
            if path is not None}


class Statement:
    """What the statement names, read once (``settings``: a build's or ``invoke check``'s)."""

    def __init__(self, settings):
        self.page = settings["ATTACHMENTS_STATEMENT"]
        self.section = settings["ATTACHMENTS_STATEMENT_SECTION"]
        self.root = settings["PATH"]
        self.pages = [path.strip("/") for path in settings.get("PAGE_PATHS") or ()]
        self.settings = settings
        self._named = None

    def named(self):
        """The paths under content/ the section links; None when there is no statement
        (no setting, or no such page in the content): nothing to keep true."""
        if self._named is None:
            path = os.path.join(self.root, *self.page.split("/")) if self.page else ""
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
            except OSError:
                self._named = False
            else:
                self._named = named_paths(data, self.page, self.section,
                                          shared_parts(self.settings)[0],
                                          self.settings["CONTRACT_MARKDOWN_SECONDS"])
        return self._named if self._named is not False else None

    def warning(self, relative, item_source, metadata):
        """The warning for the PDF ``relative`` (``metadata``: ``pdfinfo``'s) attached to
        ``item_source``, or None: nothing wrong for a screen reader's user
        (``pdfinfo.shortcomings``), or named (itself or its item)."""
        missing = shortcomings(metadata)
        named = self.named()
        if not missing or named is None or relative in named or item_source in named:
            return None
        item = "questa pagina" if any(item_source.startswith(path + "/")
                                      for path in self.pages) else "questo articolo"
        named_way = (f"oppure scrivi nel testo le informazioni del documento e aggiungi {item},"
                     f" con un link {{filename}}/{item_source}, all'elenco «{self.section}»"
                     f" di {self.page}")
        english = f"or name this item under «{self.section}» in {self.page}"
        if missing == ["text"]:
            what, inglese = (("solo immagini: forse è una scansione", "only images: scanned?")
                             if scanned(metadata)
                             else ("pagine vuote o disegni", "blank pages or drawings"))
            return (f"il PDF {relative} non ha testo ({what}): chi usa un lettore di schermo"
                    " non sente nulla; pubblica il documento originale esportato da Word o"
                    " LibreOffice come PDF accessibile, o fai riconoscere il testo da un"
                    f" programma OCR, {named_way} / PDF {relative} has no text ({inglese}):"
                    f" publish the original exported as an accessible PDF, {english}")
        effects = [EFFECTS["title" if name == "title_shown" else name] for name in missing]
        before = [BEFORE_EXPORT[name] for name in ("title", "lang") if name in missing]
        return (f"il PDF {relative} non è accessibile"
                f" ({', '.join(MISSING[name][0] for name in missing)}): chi usa un lettore di"
                f" schermo {elenco(effects)}; esportalo di nuovo da Word o LibreOffice come"
                " PDF accessibile (in Word «Tag della struttura del documento per"
                " l'accessibilità», in LibreOffice «Accessibilità universale (PDF/UA)»)"
                + (f" dopo aver {elenco(before)}" if before else "")
                + f", {named_way} / PDF {relative} is not accessible"
                f" ({', '.join(MISSING[name][1] for name in missing)}): export it again as an"
                f" accessible PDF, {english}")


# What a PDF lacks (pdfinfo.shortcomings, but a scan's "text"), as the warning lists it
MISSING = {"tags": ("senza tag", "untagged"), "title": ("senza titolo", "no title"),
           "title_shown": ("titolo non mostrato", "title not shown"),
           "lang": ("senza lingua", "no language")}
# ... what a screen reader's user misses for it ("title": a title missing or not shown)
EFFECTS = {"tags": "non vi riconosce titoli, elenchi e tabelle",
           "title": "sente il nome del file al posto del titolo",
           "lang": "può sentirlo letto con la pronuncia di un'altra lingua"}
# ... and what the document needs before it is exported again
BEFORE_EXPORT = {"title": "scritto il titolo nelle proprietà del documento (menu File)",
                 "lang": "scelto la lingua del documento (in Word Revisione → Lingua, in"
                         " LibreOffice Strumenti → Lingua)"}


def linked_warnings(linked, declared, settings, cache, statement):
    """``[(item source, message)]``: the PDFs of the attachments folder not accessible that
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
