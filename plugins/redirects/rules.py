"""Old addresses across files: pure functions on light records, shared by the build
(:mod:`.output`) and ``invoke check`` (tools/check.py), so both report the same
problems, at the same file and line.

A problem is an old address that is also where the site writes an item (its address,
with or without the final ``/``), one claimed by two items, and two old addresses one
of which would be a folder of the other (``/index.php`` and ``/index.php/notizie/1``:
a file and a folder cannot have one name).
"""

import posixpath
from dataclasses import dataclass

from plugins.core.problems import Problem

from .paths import KEY, output_file


@dataclass(frozen=True)
class Claim:
    source: str  # the item's file, under content/
    line: int | None  # of its `indirizzi_precedenti` key
    path: str  # the old path, as paths.old_path gives it

    @property
    def file(self):
        return output_file(self.path)


def _folders(path):
    """Every folder above ``path``: ``a/b/c.html`` -> ``a``, ``a/b``."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]


def claims_of(source, line, paths):
    return [Claim(source, line, path) for path in paths]


def problems(claims, written):
    """Problems of ``claims`` (:class:`Claim` of every item the build writes) against
    ``written`` (``{output path: source}`` of those items). One problem per clash, on
    the file that claims the old address (of two claims, on the one whose file sorts
    first, naming the others)."""
    # Compared whatever their capitals: on a Mac or a Windows PC (a local build, a preview)
    # /Index.html is the file index.html, and /Notizie/1.html the file of /notizie/1.html.
    found = []
    items, item_folders = {}, {}
    for save_as, source in sorted(written.items()):
        save_as = posixpath.normpath(save_as).lower()
        items.setdefault(save_as, source)
        for folder in _folders(save_as):
            item_folders.setdefault(folder, source)
    owners = {}
    for claim in claims:
        owners.setdefault(claim.file.lower(), {}).setdefault(claim.source, claim)
    redirect_folders = {}
    for file in sorted(owners):
        for folder in _folders(file):
            redirect_folders.setdefault(folder, file)
    for file, by_source in sorted(owners.items()):
        first, *others = sorted(by_source)
        claim = by_source[first]
        other = items.get(file) or item_folders.get(file) or next(
            (items[folder] for folder in _folders(file) if folder in items), None)
        if other is not None:
            found.append(Problem(first, (
                f"`{KEY}`: {claim.path} è già l'indirizzo di {other} su questo sito: toglilo"
                f" dall'elenco / {claim.path} is the address of {other}"), claim.line))
        elif others:
            found.append(Problem(first, (
                f"`{KEY}`: {claim.path} è anche tra gli indirizzi precedenti di"
                f" {', '.join(others)}: un indirizzo può portare a una pagina sola, toglilo"
                f" da tutti tranne uno / {claim.path} is also claimed by"
                f" {' and '.join(others)}"), claim.line))
        elif file in redirect_folders:
            inner = owners[redirect_folders[file]]
            path = next(iter(inner.values())).path
            found.append(Problem(first, (
                f"`{KEY}`: {claim.path} non può essere un indirizzo precedente, perché sul"
                f" sito sarebbe la cartella dell'indirizzo precedente {path} di"
                f" {', '.join(sorted(inner))}: togline uno / {claim.path} would be a folder"
                f" of the old address {path}"), claim.line))
    return found
