"""Files shared between a cache and the output.

A cache entry is never changed in place (it is written under a temporary name and
renamed), and neither is an output file: so the output may hold a hard link to the
entry instead of a copy of its bytes. A link is one directory entry, where a copy is
a new file written whole; on a machine with a slow disk that is most of the cost of
writing a site again.
"""

import difflib
import fnmatch
import functools
import os
import posixpath
import re
import shutil
import threading
import unicodedata
from functools import partial
from urllib.parse import unquote


@functools.lru_cache(maxsize=8)
def _ignore_pattern(patterns):
    return re.compile("|".join(fnmatch.translate(pattern) for pattern in patterns) or "(?!)")


def ignored(name, patterns):
    """True when the base ``name`` matches one of the shell ``patterns`` (a tuple:
    ``IGNORE_FILES``, the preview's): one compiled pattern, for every file of a walk."""
    return bool(_ignore_pattern(tuple(patterns)).match(name))


def keep(path, data):
    """Write a file whole (under a temporary name, then renamed: a reader sees the old
    file or the new one, never half of it) and readable by all: the output's files may
    be links to cache entries, and the web server must read them whatever the build's
    umask. The one way the plugins write a cache entry or a generated file from bytes.
    ``path``: a path (its folder is made if needed); ``data``: bytes."""
    path = os.fspath(path)
    os.makedirs(os.path.dirname(path), exist_ok=True)  # cache/ may go at any time

    def fill(temporary):
        with open(temporary, "wb") as handle:
            handle.write(data)

    _replace(path, fill)


def place(source, target):
    """Make ``target`` a hard link to ``source`` (a copy where links cannot be made:
    another file system, a file system without links, a source not readable by all,
    which a copy is). An existing ``target`` is replaced in one rename, so a reader
    sees the old file or the new one. ``source`` must never change in place: a cache
    entry, an installed package's file."""
    if os.stat(source).st_mode & 0o444 != 0o444:
        _replace(target, partial(shutil.copyfile, source))
        return
    try:
        os.link(source, target)
        return
    except FileExistsError:
        if os.path.samefile(source, target):  # already this very file
            return
    except OSError:
        _replace(target, partial(shutil.copyfile, source))
        return
    temporary = _temporary(target)
    try:
        os.link(source, temporary)
    except OSError:
        _replace(target, partial(shutil.copyfile, source))
        return
    os.replace(temporary, target)
    if os.path.lexists(temporary):  # rename() does nothing between links to one file
        os.unlink(temporary)


def copy(source, target):
    """Make ``target`` a copy of ``source``, written whole under a temporary name and
    renamed over it: the file it replaces (maybe a hard link a release shares) is never
    changed in place. For a ``source`` that may change in place (an editor's file in
    content/), which :func:`place` must not link."""
    _replace(target, partial(shutil.copyfile, source))


def _temporary(target):
    folder, name = os.path.split(os.fspath(target))
    return os.path.join(folder, f".{name}.{os.getpid()}.{threading.get_ident()}.part")


def _replace(target, fill):
    """``fill(temporary)`` makes a new file, readable by all, which then replaces
    ``target`` in one rename; nothing is left behind when anything fails."""
    temporary = _temporary(target)
    try:
        fill(temporary)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


# Every folder's names as os.listdir gives them, with the folder's status when listed:
# a folder is listed again only when it changed (a file added, removed or renamed changes
# its modification time), so a build, ``invoke check`` or a preview running for hours
# lists each folder once per change, however many references name files in it. Not
# per-build state: every use checks it still holds.
_LISTINGS = {}
_LISTINGS_LIMIT = 4096  # folders; past it the oldest are forgotten


def listing(folder):
    """The names in ``folder`` exactly as ``os.listdir`` spells them (a frozenset; empty
    when it is not a folder or cannot be read)."""
    try:
        status = os.stat(folder)
    except OSError:
        return frozenset()
    stamp = (status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev)
    kept = _LISTINGS.get(folder)
    if kept is not None and kept[0] == stamp:
        return kept[1]
    try:
        names = frozenset(os.listdir(folder))
    except OSError:
        names = frozenset()
    if len(_LISTINGS) >= _LISTINGS_LIMIT:
        _LISTINGS.pop(next(iter(_LISTINGS)), None)
    _LISTINGS[folder] = (stamp, names)
    return names


# How a name typed matched the file on disk (:func:`spelling`).
EXACT = "exact"  # the very name
NORMALISED = "normalised"  # the same letters, accents in another Unicode normalisation
CASE = "case"  # the same letters with other capitals: another file on Linux


def spelling(root, relative):
    """``(path as spelled on disk, how)`` of the file that ``relative`` (``/``
    separators) names under ``root``, or None when there is none; ``how`` is
    :data:`EXACT`, :data:`NORMALISED` or :data:`CASE`.

    Each part of the path is compared with the names ``os.listdir`` gives for its folder
    (:func:`listing`), never by asking the file system whether the path exists: on macOS
    and Windows ``immagini/Foto.jpg`` opens ``immagini/foto.JPG``, on Linux (the public
    build, the web server) it does not. Accents typed one way and saved another ("à" as
    one code point, or "a" and a combining accent, as macOS and some upload tools write
    names) name the same file; other capitals (:data:`CASE`) name another one.
    """
    folder, parts, how = root, [], EXACT
    for part in relative.split("/"):
        names = listing(folder)
        if part in names:
            match = part
        else:
            wanted = unicodedata.normalize("NFC", part)
            match = next((name for name in sorted(names)
                          if unicodedata.normalize("NFC", name) == wanted), None)
            if match is not None:
                how = how if how == CASE else NORMALISED
            else:
                wanted = wanted.lower()
                match = next((name for name in sorted(names)
                              if unicodedata.normalize("NFC", name).lower() == wanted), None)
                if match is None:
                    return None
                how = CASE
        parts.append(match)
        folder = os.path.join(folder, match)
    return ("/".join(parts), how) if os.path.isfile(folder) else None


def _loose(name):
    """``name`` as an editor may retype it: without accents and capitals, each run of
    spaces, ``_`` and ``-`` one ``-`` and none beside a dot, ``%20`` and the like decoded
    (``Verbale riunione città.PDF``, the name the site publishes it under,
    ``verbale-riunione-citta.pdf``, the address the browser shows,
    ``Verbale%20riunione%20citt%C3%A0.pdf``, and ``Verbale riunione città .pdf`` are
    alike)."""
    plain = "".join(char for char in unicodedata.normalize("NFKD", unquote(name))
                    if not unicodedata.combining(char)).casefold()
    return re.sub(r"-*\.-*", ".", re.sub(r"[\s_\-]+", "-", plain)).strip("-")


def names_the_file(text, path):
    """Whether ``text`` (an image's description) is only the name of the file at ``path``
    (an address or a path), however written: with its extension (``IMG_1234.jpg``), or
    without it when the name has a number, as a camera's or a phone's (``img 1234``,
    ``WhatsApp Image 2024-05-05 …``); not a name of words, which may say what the picture
    shows (``logo.png``, «Logo»; ``il-cortile-del-civic-center.jpg``, «Il cortile del
    Civic Center»)."""
    name = unquote(posixpath.basename(str(path).split("?")[0].split("#")[0]))
    if not name or not text.strip():
        return False
    typed, stem = _loose(text.strip()), _loose(posixpath.splitext(name)[0])
    return typed == _loose(name) or (typed == stem and re.search(r"\d", stem) is not None)


# How near_name found a file for a name not found: the one name of the folder written
# otherwise (spaces, "_", "-", accents, capitals), the one nearly the same (a typing
# slip), the same name in another folder (the folder typed there, or none of that name)
SPELLED, SLIP, ELSEWHERE, NO_FOLDER = "spelled", "slip", "elsewhere", "no folder"


def near_name(root, relative):
    """``(path, how)`` for a file not found at ``relative``, or None (no such file, or
    more than one): the path under ``root`` (as spelled on disk) of the one file in the
    folder of ``relative`` whose name differs from its name only in spaces, ``_``, ``-``,
    accents or capitals (``how``: :data:`SPELLED`); else of the one so named but for its
    extension, or nearly so with the same numbers (a typing slip: :data:`NEAR_NAME_CUTOFF`;
    :data:`SLIP`); else of the one file so named in
    another folder of the same top folder (:data:`ELSEWHERE`; :data:`NO_FOLDER` when the
    folder of ``relative`` does not exist). :func:`near_message` says it to the editor."""
    folder, _, name = relative.rpartition("/")
    where = os.path.join(root, folder)
    wanted = _loose(name)
    if not name or not wanted:
        return None
    names = [other for other in sorted(listing(where))  # empty: no such folder
             if os.path.isfile(os.path.join(where, other))]
    alike = [other for other in names if _loose(other) == wanted]
    if len(alike) == 1:
        return posixpath.join(folder, alike[0]), SPELLED
    if alike:
        return None
    # the extension forgotten (``bando`` for ``bando.pdf``: difflib's 0.71, under the
    # cutoff): the one file of the folder so named but for its extension
    bare = [other for other in names if _loose(posixpath.splitext(other)[0]) == wanted]
    if len(bare) == 1:
        return posixpath.join(folder, bare[0]), SLIP
    if bare:
        return None
    # a letter left out or typed twice (``Programma festa d'autuno.pdf``): the one name
    # of the folder nearly the same, with the
    # same numbers (``verbale-2024-05.pdf``, ``foto-2.jpg``, ``IMG_1235.jpg`` are other
    # documents than ``verbale-2024-03.pdf``, ``foto-1.jpg``, ``IMG_1234.jpg``)
    numbers = _numbers(wanted)
    slips = [other for other in names if _numbers(_loose(other)) == numbers]
    close = difflib.get_close_matches(wanted, [_loose(other) for other in slips], n=2,
                                      cutoff=NEAR_NAME_CUTOFF)
    if close:
        best = [other for other in slips if _loose(other) == close[0]]
        second = difflib.SequenceMatcher(None, wanted, close[1]).ratio() if len(close) > 1 else 0
        if len(best) == 1 and second < difflib.SequenceMatcher(None, wanted, close[0]).ratio():
            return posixpath.join(folder, best[0]), SLIP
        return None
    # the same name in another folder of the same top folder (``allegati/2025/`` for
    # ``allegati/2026/``, ``allegati/`` for ``allegati/2026/``)
    top = relative.split("/", 1)[0]
    if "/" not in relative or not top:
        return None
    found = []
    for seen, (path, folders, files_there) in enumerate(os.walk(os.path.join(root, top))):
        if seen > NEAR_NAME_FOLDERS:
            return None
        folders.sort()
        found += [posixpath.join(os.path.relpath(path, root).replace(os.sep, "/"), other)
                  for other in sorted(files_there) if _loose(other) == wanted]
        if len(found) > 1:
            return None
    if not found:
        return None
    # the folder typed may not exist (a slip in its name: allegati/2062/)
    return found[0], ELSEWHERE if os.path.isdir(where) else NO_FOLDER


def _numbers(name):
    """The runs of digits of ``name``, leading zeros left out (``2024-3`` is ``2024-03``)."""
    return [run.lstrip("0") for run in re.findall(r"\d+", name)]


# How alike a name must be to a file's to be proposed for it (difflib's ratio of the two
# as :func:`_loose` writes them: one letter off in a name of ten is 0.9), and how many
# folders of ``allegati/`` or ``immagini/`` are looked through for the name elsewhere
NEAR_NAME_CUTOFF = 0.85
NEAR_NAME_FOLDERS = 500


def folder_slip(root, relative):
    """The folder of ``root`` (content/) that holds the file ``relative`` names, when its
    first folder is written right and the folder on disk is not: ``Immagini/`` or
    ``immagine/`` made by hand for ``immagini/`` (the guide's folder, which a clone may
    not have yet). None when the file is where it is named, or is in no such folder.
    The case message alone proposed ``{static}/Immagini/…``, which the site refuses
    (not under immagini/), and "file che non esiste" said nothing of ``immagine/``."""
    top, _, rest = relative.partition("/")
    if not rest or not top:
        return None
    if top in listing(root) and spelling(root, relative) is not None:
        return None
    others = [name for name in sorted(listing(root))
              if name != top and os.path.isdir(os.path.join(root, name))]
    # the same name with other capitals first, then the closest names
    alike = difflib.get_close_matches(top.lower(), [name.lower() for name in others], n=5,
                                      cutoff=FOLDER_SLIP_CUTOFF)
    for lower in alike:
        for name in others:
            if name.lower() == lower and spelling(root, f"{name}/{rest}") is not None:
                return name
    return None


# How alike a folder of content/ must be to the folder named (``immagine`` for
# ``immagini``: 0.875) to be taken for it
FOLDER_SLIP_CUTOFF = 0.8


def folder_slip_message(folder, relative):
    """The editor's message for the file ``relative`` found in ``folder`` of content/
    (:func:`folder_slip`): rename the folder, and the reference stays as written."""
    top = relative.split("/", 1)[0]
    return (f"il file è nella cartella content/{folder}/, che il sito non conosce:"
            f" rinominala content/{top}/ (tutta minuscola, come la scrivi qui; se c'è già,"
            f" sposta il file lì) e lascia il percorso com'è / the file is under"
            f" content/{folder}/: rename it content/{top}/")


def case_message(spelled, write):
    """The editor's message for a name written with other capitals than the file's:
    ``spelled``, the file's name under content/; ``write``, the reference to write."""
    return (f"il file si chiama {spelled}: scrivilo con le stesse maiuscole e minuscole,"
            f" {write} / the file name differs in letter case")


def near_message(wanted, near, how, write):
    """The editor's message for a file not found at ``wanted`` (under content/) for which
    :func:`near_name` found ``near`` (its ``how``): ``write``, the reference to write if
    that is the file. Another folder's file has the same name, not one written another way:
    the message says where it is, and where to copy the file if it is another one."""
    there, here = posixpath.dirname(near), posixpath.dirname(wanted)
    if how == ELSEWHERE:
        return (f"un file con lo stesso nome è in {there}/: se è quello, scrivi {write};"
                f" se no, copia il file in {here}/ / {wanted} not found; {near} has its"
                f" name: write {write}, or copy the file into {here}/")
    if how == NO_FOLDER:  # no "copy it there": the folder's name may be the slip
        return (f"la cartella {here}/ non esiste; un file con lo stesso nome è in {there}/:"
                f" se è quello, scrivi {write} / {wanted} not found, no folder {here}/;"
                f" {near} has its name: write {write}")
    how_said, how_english = {SPELLED: ("scritto in un altro modo", "spelled otherwise"),
                             SLIP: ("con un nome quasi uguale", "nearly the same name")}[how]
    return (f"nella cartella c'è {near}, {how_said}; se è quello, scrivi {write}"
            f" / {wanted} not found; {near} is there, {how_english}: write {write}")


# A path on the editor's own computer, which the site never sees: a Windows drive
# (C:\Users\…, C:/…), a network share (\\server\…), a Windows path from the drive's top
# (\Users\…: also a share typed in a Markdown link, whose \\ is one escaped backslash,
# \server\share\… to the page), a file: address, a file in a home or on a disk on macOS
# or Linux (/Users/maria/…/foto.jpg, /home/…, /Volumes/…), ~/….
# Typed as a link or a cover, it was "c: URLs are not allowed", "must be under
# immagini/", or published broken. Those folders' names alone are also addresses a site
# may have (/media/, a press area's page): a local path names a file in one of their
# folders (/media/<user or disk>/…/name), never a folder (…/).
LOCAL_PATH_RE = re.compile(r"(?:file:/*)?(?:[A-Za-z]:[\\/]|\\\\[^\\]|\\[^\\/\s]+\\|~[\\/]"
                           r"|/(?:Users|home|Volumes|media|mnt|private|var/folders)/[^/]+/"
                           r"(?=.*[^/\s]$))", re.IGNORECASE)


def local_path(path):
    """True when ``path`` (as typed) names a file on the editor's own computer."""
    return bool(LOCAL_PATH_RE.match(str(path).strip()))


# What such a path is, after the path: the build's message and the web editor's
# (plugins/admin gives it to link-rules.js as data-local-path-words) both say it so.
LOCAL_PATH_WORDS = "è un file del tuo computer, che il sito non può vedere"


def local_path_message(path, folder, write, link=False):
    """The problem of ``path`` on the editor's computer: copy the file into ``folder``
    (``immagini/``) and ``write`` (a format string of the file's path under content/:
    ``{static}/{}``, ``image: {}``; ``link``: in a Markdown link, a space as ``%20``)."""
    name = re.split(r"[\\/]", str(path).strip().rstrip("\\/"))[-1]
    target = write.format(folder + (name.replace(" ", "%20") if link else name))
    return (f"{path} {LOCAL_PATH_WORDS}: copia il file"
            f" nella cartella content/{folder} e scrivi {target} / a file on your computer:"
            f" copy it into content/{folder} and write {target}")
