"""From front matter to ``item.attachments``, with the editors' errors.

Signals: ``article_generator_finalized`` and ``page_generator_finalized``.
Every item (drafts too, so a preview build and the public build agree) gets
``attachments``: a list of :class:`~.model.Attachment`. Problems are reported
with ``content_checks.report`` and stop the build before anything is written.
Only the attachments of items whose page is written (published and hidden)
are recorded for copying; only published ones are listed on "Documenti".
Only the types of ``model.ALLOWED_KINDS`` are accepted, checked by content
(``plugins.core.filetypes``): a disallowed or disguised file is an error.
"""

import logging
import os
import unicodedata
from dataclasses import dataclass, field

from plugins.content_checks import report
from plugins.core import files, filetypes
from plugins.core.items import CHECKED, LINES_KEY, LISTED, entry_key, items, source
from plugins.core.problems import WARNING, Problem
from plugins.core.text import title_from_name
from plugins.italian import numero, typeset

from .model import ALLOWED_KINDS, FIELD, KEY, Attachment, clean_path, expand, outside, \
    parse_declarations, size_text
from .pdfinfo import ENCRYPTED, MetadataCache, scanned
from .statement import Statement

logger = logging.getLogger(__name__)
STATE_KEY = "attachments_state"


@dataclass
class RunState:
    """What one build learned about attachments; lives in the build's context."""

    cache: MetadataCache
    written_items: list = field(default_factory=list)  # items whose page is written
    listed: list = field(default_factory=list)  # (item, attachments) for "Documenti"
    published: dict = field(default_factory=dict)  # source -> [Attachment] to copy
    digests: dict = field(default_factory=dict)  # source -> sha256 (PDFs)
    claims: list = field(default_factory=list)  # (item source, line, source, save_as)
    statement: Statement | None = None  # what the accessibility statement names (read once)


def state(context, settings):
    if STATE_KEY not in context:
        context[STATE_KEY] = RunState(MetadataCache(settings["ATTACHMENTS_CACHE_PATH"]))
    return context[STATE_KEY]


def _inside(path, root):
    root = os.path.realpath(root)
    return os.path.commonpath([os.path.realpath(path), root]) == root


def _pdf_problem(relative, metadata):
    if metadata.get("error") == ENCRYPTED:
        return (f"il PDF è protetto da password: {relative} ({KEY}); pubblica una copia"
                f" senza password / the PDF is password-protected: {relative}")
    detail = metadata.get("detail") or ""
    return (f"il file non è un PDF leggibile: {relative} ({KEY}); esportalo di nuovo in PDF"
            f" / not a readable PDF: {relative}" + (f" ({detail})" if detail else ""))


# How a large file of each kind (filetypes.KINDS, by its name's extension) is made smaller:
# the PDF's export «per il web» was advised for a ZIP, a presentation, a photo too
_SMALLER_OFFICE = ("comprimendo le immagini che contiene (nel programma che lo ha salvato:"
                   " «Comprimi immagini») o esportandolo in PDF «per il web»")
SMALLER = {
    "pdf": "esportando il PDF «per il web»",
    **dict.fromkeys(("odt", "ods", "odp", "docx", "xlsx", "pptx"), _SMALLER_OFFICE),
    **dict.fromkeys(filetypes.IMAGES, "rimpicciolendo l'immagine o salvandola in JPEG con"
                                      " una qualità più bassa"),
    "zip": "dividendo l'archivio in più archivi più piccoli o comprimendo le immagini che"
           " contiene",
}
_SMALLER_ANY = "dividendolo in più file più piccoli"  # a text file, a CSV


def large_file(relative, size, limit_mb):
    """The warning for a file of the attachments folder over ``ATTACHMENTS_MAX_SIZE_MB``
    (``limit_mb``), declared in `attachments` or linked in a text, with the way to make a
    file of its kind smaller (:data:`SMALLER`)."""
    kind = filetypes.EXTENSIONS.get(filetypes.extension(relative))
    return (f"allegato molto grande: {relative} ({size_text(size)}, limite {numero(limit_mb)}"
            f" MB): riducilo, per esempio {SMALLER.get(kind, _SMALLER_ANY)}"
            " / large attachment")


def large_linked(linked, declared, settings):
    """``[(item source, message)]``: the files of the attachments folder over the size
    limit that written items link in their text with ``{static}`` (``linked``: ``{source:
    [item sources]}``, as :func:`linked_clashes` takes it), as :func:`build_attachments`
    warns of one declared; not for an item that also declares the file (``declared``:
    ``{(item source, file source)}``: warned at its entry). The build
    (``output.place_linked_static``) and ``invoke check`` both call it."""
    limit_mb = settings["ATTACHMENTS_MAX_SIZE_MB"]
    found = []
    for source in sorted(linked):
        try:
            size = os.path.getsize(os.path.join(settings["PATH"], *source.split("/")))
        except OSError:
            continue
        if size > limit_mb * 1_000_000:
            found += [(item, large_file(source, size, limit_mb))
                      for item in sorted(set(linked[source])) if (item, source) not in declared]
    return found


def build_attachments(value, item_source, settings, run):
    """``(attachments, problems, warnings)``: the :class:`Attachment` list of an item
    whose front matter declares ``value`` (``item_source``: its path under content/),
    and the problems and warnings found in it alone (two files given one address by
    different items: :func:`address_clashes`), each ``(position, message)``: the entry's
    position in the list (from 1; :func:`entry_line` gives its line), or None.

    Also used by ``invoke check`` (tools/check.py), without a build.
    """
    declarations, problems = parse_declarations(value)
    folder = settings["ATTACHMENTS_PATH"]
    limit_mb = settings["ATTACHMENTS_MAX_SIZE_MB"]
    regex_subs = settings["SLUG_REGEX_SUBSTITUTIONS"]
    attachments, seen, warnings = [], set(), []
    for declaration in declarations:
        paths, problem = _declared_file(declaration, seen, folder, settings["PATH"])
        if problem:
            problems.append((declaration.position, problem))
            continue
        declared, relative, full = paths
        # The type, by content: the file is served from the site's own origin.
        problem = filetypes.problem(relative, full, ALLOWED_KINDS)
        if problem:
            problems.append((declaration.position, problem))
            continue

        pages, images_only = None, False
        if filetypes.extension(relative) == "pdf":
            digest, metadata = run.cache.pdf_metadata(full, run.digests.get(relative))
            run.digests[relative] = digest
            if "error" in metadata:
                problems.append((declaration.position, _pdf_problem(relative, metadata)))
                continue
            pages = metadata["pages"]
            images_only = scanned(metadata)
            if run.statement is None:
                run.statement = Statement(settings)
            inaccessible = run.statement.warning(relative, item_source, metadata)
            if inaccessible:  # for a screen reader's user, unnamed by the statement
                warnings.append((declaration.position, inaccessible))

        size = os.path.getsize(full)
        if size > limit_mb * 1_000_000:
            warnings.append((declaration.position, large_file(relative, size, limit_mb)))
        save_as = expand(settings["ATTACHMENTS_SAVE_AS"], relative, regex_subs)
        attachments.append(Attachment(
            source=relative,
            title=typeset(declaration.title
                          or title_from_name(declared, strip_extension=True)),
            description=typeset(declaration.description),
            url=expand(settings["ATTACHMENTS_URL"], relative, regex_subs),
            save_as=save_as,
            size=size,
            pages=pages,
            images_only=images_only,
            position=declaration.position,
        ))
    warnings.extend(_same_titles(attachments))
    return attachments, problems, warnings


def _same_titles(attachments):
    """``(position, warning)`` for each attachment whose title an earlier one of the same
    item has (letter case aside): two links read alike, "Modulo (PDF, 2 pagine)", that
    lead to different files, which a screen reader's list of links cannot tell apart."""
    first, warnings = {}, []
    for attachment in attachments:
        key = " ".join(attachment.title.split()).casefold()
        if key in first:
            warnings.append((attachment.position,
                             f"due allegati con lo stesso titolo ({attachment.title}), voci"
                             f" {first[key]} e {attachment.position} di {KEY}: i due link si"
                             " leggerebbero uguali; scrivi per ciascuno un `title` diverso"
                             f" / two attachments with the same title: give each its own"))
        else:
            first[key] = attachment.position
    return warnings


def _declared_file(declaration, seen, folder, root):
    """``((the path as declared, the file's path under content/, its full path), None)``
    for the file an entry names, or ``(None, what is wrong)``; ``seen``: the paths of the
    entries before it."""
    declared, problem = clean_path(declaration.file, folder, root)
    declared = unicodedata.normalize("NFC", declared)
    if problem:
        return None, problem
    if declared in seen:
        return None, (f"stesso allegato dichiarato due volte: {declared} ({KEY})"
                      f" / the same attachment is declared twice: {declared}")
    seen.add(declared)
    found = files.spelling(root, declared)
    if (found is None or found[1] == files.CASE) \
            and (slip := files.folder_slip(root, declared)) is not None:
        return None, f"allegato {declared} ({KEY}): " + files.folder_slip_message(slip, declared)
    if found is None:
        near = files.near_name(root, declared)  # the published name copied, accents
        if near is not None:                    # left out, "_" for a space, 2025/…
            return None, (f"allegato non trovato: {declared} ({KEY}): "
                          + files.near_message(declared, *near, near[0]))
        return None, (f"allegato non trovato: {declared} ({KEY})"
                      f" / attachment not found: {declared}")
    relative = found[0]  # the file's own spelling (accents saved another way: macOS)
    if found[1] == files.CASE:  # opens on macOS and Windows, not on Linux
        return None, f"allegato {declared} ({KEY}): " + files.case_message(relative, relative)
    full = os.path.join(root, relative)
    if not _inside(full, root):  # a symbolic link leading out
        return None, outside(declaration.file)
    return (declared, relative, full), None


def entry_line(lines, position):
    """The line of the attachments' entry at ``position`` (from 1) among an item's front
    matter ``lines`` (``{key: line}``), else of the ``attachments`` key itself."""
    if position is not None and entry_key(FIELD, position) in lines:
        return lines[entry_key(FIELD, position)]
    return lines.get(FIELD)


def clash_message(relative, owner, save_as, how=f"({KEY})"):
    return (f"{relative} e {owner} avrebbero lo stesso indirizzo {save_as}: rinomina uno dei"
            f" due {how} / two attachments with the same URL: {relative}, {owner}")


def address_clashes(claims):
    """``([(item source, line, message)], {save_as: source})`` from ``claims``, every
    ``(item source, line, attachment source, save_as)`` of the content: two different
    files that would get one address (``Verbale.pdf`` and ``verbale.pdf``). The file
    whose name sorts first keeps the address; each item declaring another is told. The
    build (once every item is read) and ``invoke check`` (across its workers) both call
    it, so both blame the same items."""
    owners = {}
    for _, _, relative, save_as in claims:
        owners[save_as] = min(owners.get(save_as, relative), relative)
    found = [(item, line, clash_message(relative, owners[save_as], save_as))
             for item, line, relative, save_as in sorted(claims, key=lambda c: (c[0], c[2]))
             if relative != owners[save_as]]
    return found, owners


def linked_clashes(linked, owners, settings):
    """``([(item source, message)], {rejected source})`` for the files of the attachments
    folder that written items link with ``{static}`` (``linked``: ``{source: [item
    sources]}``) whose address ``owners`` (from :func:`address_clashes`, filled in here)
    already gives another file. In name order; the build and ``invoke check`` both
    call it."""
    regex_subs = settings["SLUG_REGEX_SUBSTITUTIONS"]
    found, rejected = [], set()
    for path in sorted(linked):  # (not `source`: items.source, imported here)
        save_as = expand(settings["ATTACHMENTS_SAVE_AS"], path, regex_subs)
        owner = owners.setdefault(save_as, path)
        if owner != path:
            rejected.add(path)
            found += [(item, clash_message(path, owner, save_as, "(link {static})"))
                      for item in sorted(set(linked[path]))]
    return found, rejected


def attach(generator):
    """``article_generator_finalized`` and ``page_generator_finalized``."""
    run = state(generator.context, generator.settings)
    for item, fate in items(generator):
        attachments, problems, warnings = build_attachments(
            item.metadata.get(FIELD), source(item), generator.settings, run)
        lines = item.metadata.get(LINES_KEY) or {}
        for position, problem in problems:
            report(generator.context, source(item), problem, entry_line(lines, position))
        for position, warning in warnings:
            logger.warning("%s", Problem(source(item), warning, entry_line(lines, position),
                                         WARNING))
        run.claims += [(source(item), entry_line(lines, a.position), a.source, a.save_as)
                       for a in attachments]
        item.attachments = attachments
        if fate == CHECKED:
            continue
        run.written_items.append(item)
        for attachment in attachments:
            run.published.setdefault(attachment.source, []).append(attachment)
        if fate == LISTED and attachments:
            run.listed.append((item, attachments))
    run.cache.save()
