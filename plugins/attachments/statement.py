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
