"""Links to an article or a page of the site by its address, as copied from the browser
(:func:`address_links`): a warning naming the ``{filename}`` link to write, which the
build checks and keeps right when the address changes."""

from urllib.parse import urlsplit

from plugins.content_checks.listed import Listed
from plugins.core.items import RELATIVE_LINK
from plugins.core.problems import WARNING
from plugins.core.urls import page_key


def address_links(entries, settings):
    """Links to an article or a page of the site by its address (``/2024/05/festa/``,
    as copied from the browser): they work until that item's title or date changes its
    address, and nothing checks them. A warning naming the ``{filename}`` link to write,
    which the build turns into the address and checks (a moved or deleted item is then
    an error, not a broken link on the site)."""
    base = urlsplit(str(settings.get("SITEURL") or "")).path.rstrip("/")
    written, articles = {}, {}  # "/2024/05/festa" (no final "/") -> its file
    for entry in entries:
        if entry.save_as and not entry.failed:
            address = page_key(entry.save_as)
            written.setdefault(address, entry.source)
            if entry.kind == "article":
                articles.setdefault(address, entry.source)
    problems = []
    for entry in entries:
        if entry.failed:  # a file with errors: reported on its own, as the build does
            continue
        listed = Listed(entry.source, WARNING)
        for target, line in entry.links:
            full = "://" in target and not target.startswith(RELATIVE_LINK)
            if not (target.startswith("/") or full):
                continue  # a {filename} link: unpublished_links; relative_links
            parts = urlsplit(target)
            address = parts.path
            address = address[len(base):] if base and address.startswith(base + "/") else address
            # a full address, whatever its host (the production one is not known to a
            # check or a preview): an article's, /2024/05/festa/, is this site's; a page's
            # (/contatti/) could be any site's
            source = (articles if full else written).get(page_key(address))
            if source is None:
                continue
            # the section or the query linked stays: {filename}/notizie/festa.md#programma
            link = f"{{filename}}/{source}" + (f"?{parts.query}" if parts.query else "") \
                + (f"#{parts.fragment}" if parts.fragment else "")
            if listed.counted(line):  # a pasted list of thousands: counted, not listed
                continue
            listed.add(f"il link {target} è l'indirizzo di {source}: scrivi {link}, così il"
                       " sito controlla il link e lo tiene giusto anche se l'indirizzo cambia"
                       f" (con il titolo o la data) / link to {source} by its address: write"
                       f" {link}", line)
        problems += listed.done(
            "e un altro link come questi, all'indirizzo di un articolo o di una pagina del"
            " sito, non elencato: scrivi anche quello con {filename} / and 1 more link by"
            " address",
            "e altri {more} link come questi, agli indirizzi di articoli o pagine del sito,"
            " non elencati: scrivi anche quelli con {{filename}} / and {more} more links by"
            " address")
    return problems
