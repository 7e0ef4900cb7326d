"""Two items at one address or with one slug (:func:`duplicate_urls`,
:func:`duplicate_slugs`): one of them would replace the other, or Pelican would take them
for translations of each other. Reported on the newest, whose address is the one to change."""

import posixpath

from plugins.core.problems import Problem
from plugins.core.urls import without_index
from plugins.italian.slugs import suffixed


def _newest(found):
    """Of ``{source: entry}`` claiming one slug or address, the source to report: the
    newest article, whose address is the one to change (the others may be published at it
    already), else the first by name."""
    def age(source):
        date = found[source].date
        return (date is not None, date.timestamp() if date is not None else 0)
    newest = max(age(source) for source in found)
    return min(source for source in found if age(source) == newest)


def duplicate_slugs(entries):
    """Two articles (or two pages) with one slug, even in other months: Pelican would
    take them for translations of each other. One problem, on the newest (:func:`_newest`)."""
    owners = {}
    for entry in entries:
        owners.setdefault((entry.kind, entry.slug, entry.lang), {})[entry.source] = entry
    taken = {entry.slug for entry in entries}
    problems = []
    for (kind, slug, _), found in sorted(owners.items()):
        if len(found) > 1:
            first = _newest(found)
            others = sorted(source for source in found if source != first)
            what = "articolo" if kind == "article" else "pagina"
            entry = found[first]
            # the slug written in the file (its line is not the title's): a new title would
            # change nothing (a file copied from another, its slug kept)
            written = entry.line is not None and entry.line != entry.title_line
            change = "`slug`" if written else "il titolo (o scrivi uno `slug:` diverso)"
            other = _other_slug(slug, first, found, taken)
            example = f"; per esempio slug: {other}" if other else ""
            problems.append(Problem(first, (
                f"stessa fine dell'indirizzo (`slug` {slug}) di {', '.join(others)}: ogni"
                f" {what} deve avere la sua, cambia {change} {_all_but_one(found)}{example}"
                " / two items with the"
                f" same slug {slug}: {' and '.join(sorted(found))}"), entry.line))
    return problems


def _other_slug(slug, first, found, taken):
    """A slug for ``first`` of the articles in ``found`` (sharing ``slug``) that no item
    has: the slug and its year (last year's item copied, or its title written again:
    ``chiusura-estiva-2026``), with its month if another has that year, else None (pages,
    undated). The editor read "cambia `slug`" and had to make one up."""
    date = found[first].date
    if date is None or len(found) > 2:
        return None
    years = {entry.date.year for source, entry in found.items()
             if source != first and entry.date is not None}
    suffix = f"{date.year}-{date.month:02}" if date.year in years else f"{date.year}"
    other = suffixed(slug, suffix)
    return other if other not in taken else None


def _all_but_one(found):
    """Whose slug to change: of the file reported, the newest article of two (the other
    may be published at that address already), "di uno dei due" pages, or of all but one
    of three or more."""
    if len(found) > 2:
        return "di tutti tranne uno"
    if all(entry.date is not None for entry in found.values()):
        return ("di questo file, il più recente (l'altro può essere già pubblicato con"
                " quell'indirizzo)")
    return "di uno dei due"


def duplicate_urls(entries):
    """Each output path claimed by more than one file, but by items of one slug, which
    :func:`duplicate_slugs` reports: one problem, on the newest (:func:`_newest`)."""
    owners = {}
    for entry in entries:
        if entry.save_as:
            owners.setdefault(posixpath.normpath(entry.save_as), {})[entry.source] = entry
    problems = []
    for save_as, found in sorted(owners.items()):
        if len({(entry.kind, entry.slug, entry.lang) for entry in found.values()}) == 1:
            # one slug twice in one month: duplicate_slugs names it, at the same line (the
            # editor read two errors for one slip, "2 errori")
            continue
        if len(found) > 1:
            first = _newest(found)
            others = sorted(source for source in found if source != first)
            url = "/" + without_index(save_as)
            problems.append(Problem(first, (
                f"stesso indirizzo {url} di {', '.join(others)}: cambia `slug`"
                f" (o `date`) {_all_but_one(found)} / two items with the same URL {url}:"
                f" {' and '.join(sorted(found))}"), found[first].line))
    return problems
