"""``{filename}`` links from the items the public build writes to no published page: a
draft, a scheduled item, a file that is no item (:func:`unpublished_links`)."""

from zoneinfo import ZoneInfo

from plugins.content_checks.entry import published
from plugins.core.items import RELATIVE_LINK
from plugins.core.problems import ERROR, WARNING, Problem
from plugins.italian.dates import data_lunga


def unpublished_links(entries, read, settings):
    """``{filename}`` links of the items the public build writes (or will write, once
    their date comes) that lead to no published page. Pelican links a draft or a
    future item to the home page (their address is ""), and leaves the link of a
    file it does not read as an item (``_nota.md``, a picture) as written. Errors at
    the line of the link; warnings in a scheduled item (they would be errors the day
    it is published; a draft may link anything). ``read``: every file the build reads
    as an item, with errors or not (a file with errors is reported on its own)."""
    by_source = {entry.source: entry for entry in entries}
    zone = ZoneInfo(settings["TIMEZONE"])
    problems = []
    for entry in entries:
        if entry.draft or entry.failed or not (entry.save_as or entry.scheduled):
            continue
        for target, line in entry.links:
            if target.startswith(("/", RELATIVE_LINK)) or "://" in target:
                continue  # an address: address_links, relative_links
            linked = by_source.get(target)
            if (linked is None and target in read) or (linked is not None and linked.failed):
                continue  # a file with errors: reported on its own, as the build does
            if linked is not None and (published(linked) or (
                    entry.scheduled and not linked.draft and linked.scheduled
                    and linked.scheduled <= entry.scheduled)):
                continue  # published, or before this item is
            why, fix, english = _why_unpublished(target, linked, zone)
            if entry.scheduled:
                fix += (f"; questo file è programmato per {data_lunga(entry.scheduled, zone)}:"
                        " quel giorno la pubblicazione si fermerebbe")
            problems.append(Problem(entry.source,
                                    f"il link punta a {target}, {why}; {fix} / {english}",
                                    line, WARNING if entry.scheduled else ERROR))
    return problems


def _why_unpublished(target, linked, zone):
    """``(what is wrong, what to do, in English)`` for a link to ``target`` (its entry
    ``linked``; None when the build does not read it as an item)."""
    if linked is None:
        return ("che non è un articolo né una pagina del sito (un file che il sito non legge,"
                " un'immagine, un allegato): il link non funzionerebbe",
                "per un'immagine o un allegato usa {static}",
                "{filename} link to a file that is not an article or a page")
    home = "sul sito il link porterebbe alla home page"
    english = "link to an item that is not published"
    if linked.draft:
        return (f"che è una bozza e non sarà pubblicato: {home}",
                "pubblicalo prima o togli il link", english)
    if linked.scheduled:
        return (f"che è programmato per {data_lunga(linked.scheduled, zone)} e fino ad allora"
                f" non è pubblicato: {home}",
                "togli il link o programma anche questo file da quella data in poi", english)
    return f"che non viene pubblicato: {home}", "togli il link", english
