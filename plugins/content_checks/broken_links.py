"""Links typed by address (``/archivo/``, a full address on SITEURL's host) that lead to
nothing the site writes (:func:`broken_address_links`), judged against the files the build
wrote (:class:`WrittenFiles`) or, by ``invoke check``, the first folders the site surely
writes (:class:`KnownFolders`)."""

import posixpath

from plugins.content_checks.entry import published
from plugins.content_checks.listed import Listed
from plugins.content_checks.site_paths import site_folders
from plugins.core import output
from plugins.core.items import RELATIVE_LINK
from plugins.core.problems import ERROR, WARNING


def output_target(target, settings):
    """The path of the site's output a link typed by address leads to (``/archivio/`` →
    ``archivio/index.html``), resolved as the release check resolves the built pages'
    links (``plugins.core.output.resolve``: ``%xx`` decoded, query and fragment left out,
    a final ``/`` or ``/`` alone its ``index.html``): for ``/…``, or a full address on
    SITEURL's host (``""`` when outside SITEURL's path). None for any other link: another
    site's, a full one without SITEURL (a check or a preview cannot tell the site's host),
    ``{filename}`` and relative ones (their own rules)."""
    if target.startswith(RELATIVE_LINK) or not (target.startswith("/") or "://" in target):
        return None
    return output.resolve(target, "index.html", str(settings.get("SITEURL") or ""))


def address_key(target):
    """Whether ``target`` of :class:`Entry` ``links`` is typed by address (``/…`` or
    ``https://…``): the links :func:`broken_address_links` judges."""
    return not target.startswith(RELATIVE_LINK) and (target.startswith("/") or "://" in target)


class WrittenFiles:
    """The build's view, once everything is written: the files of the output folder
    (``plugins.core.output.files_of``), without the pages of drafts and scheduled items
    (``unpublished``: a preview writes them, the public build does not)."""

    def __init__(self, folder, unpublished=()):
        self.files, self.folders = output.files_of(folder)
        self.files -= {posixpath.normpath(path) for path in unpublished if path}

    def missing(self, path):
        return not output.exists(path, self.files, self.folders)


class KnownFolders:
    """``./run check``'s view, without building: a path is surely missing only when its
    first segment is none the site writes: an address of a published item, a folder or
    file of the site (:func:`site_folders`: listings, feeds, static folders, reserved
    folders…) or one of ``more`` (the old addresses' first segments, plugins/redirects).
    Deeper (``/2024/05/festx/``, ``/argomenti/tag-che-non-c-e/``) it cannot tell."""

    def __init__(self, entries, settings, more=()):
        self.first = set(site_folders(settings)) | set(more)
        for entry in entries:
            if published(entry) and not entry.failed:
                self.first.add(posixpath.normpath(entry.save_as).split("/")[0])

    def missing(self, path):
        return path.split("/")[0] not in self.first


def broken_address_links(entries, settings, site):
    """Links typed by address (``/archivo/``, ``https://SITE/contatti-old/``, the address
    of a page since deleted) that lead to nothing the site writes: on the site a «Pagina
    non trovata», and the release check would refuse the publication naming a built page,
    not the editor's file. ``site``: :class:`WrittenFiles` (the build, at its end) or
    :class:`KnownFolders` (``./run check``, which reports only what it is sure of). An
    error at the link's line in an item the public build writes now; a warning in a draft
    or a scheduled item (not published yet: what it links may be by then). The first 50 of
    a file listed, the rest counted in one more."""
    siteurl = str(settings.get("SITEURL") or "").rstrip("/")
    problems = []
    for entry in entries:
        if entry.failed:  # a file with errors: reported on its own, as the build does
            continue
        listed = Listed(entry.source, ERROR if published(entry) else WARNING)
        for target, line in entry.links:
            path = output_target(target, settings) if address_key(target) else None
            if path is None or not site.missing(path) or listed.counted(line):
                continue
            where = f"fuori dal sito ({siteurl}/…)" if path == "" else \
                "a una pagina o a un file che il sito non ha"
            listed.add(f"il link {target} porta {where}: sul sito darebbe «Pagina non"
                       " trovata»; correggi l'indirizzo o togli il link (per un articolo o"
                       " una pagina del sito scrivi {filename} e il suo file, per esempio"
                       " {filename}/notizie/festa.md: il sito controlla il link e lo tiene"
                       f" giusto) / link to {target}: the site has no such page or file",
                       line)
        problems += listed.done(
            "e un altro link come questi, a un indirizzo che il sito non ha, non elencato:"
            " correggi anche quello / and 1 more link to an address the site does not have",
            "e altri {more} link come questi, a indirizzi che il sito non ha, non elencati:"
            " correggi anche quelli / and {more} more links to addresses the site does not"
            " have")
    return problems
