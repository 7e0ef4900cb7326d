"""A page the header's menu (``NAV_LINKS``) leads to whose title does not begin with the
menu item's words (:func:`menu_titles`): one page under two names."""

import posixpath
from urllib.parse import urlsplit

from plugins.content_checks.entry import published
from plugins.core.problems import WARNING, Problem
from plugins.core.text import plain
from plugins.core.urls import without_index


def _words(text):
    """``text`` as compared with a menu's words: as a reader reads it (``plain``: the
    build's title is HTML, the marks of its reader in it; ``invoke check``'s is the text
    as typed), typographic apostrophes as typed, letter case aside."""
    return plain(text).replace("\u2019", "'").casefold()


def menu_titles(entries, settings):
    """A published page that a menu item in the site's header (``NAV_LINKS``: ``(words,
    address)``) leads to, whose title does not begin with the item's words: one page under
    two names (the menu's «Contatti», the page's «Scrivici»: WCAG 3.2.4, consistent
    identification), and a reader who chose «Contatti» does not find the word on arrival.
    A warning at the page's `title` line (the menu is a setting, no editor's file)."""
    menu = {}
    for link in settings.get("NAV_LINKS") or ():
        if isinstance(link, (list, tuple)) and len(link) == 2 and "://" not in str(link[1]):
            address = urlsplit(str(link[1])).path.strip("/")
            menu.setdefault(address, str(link[0]))
    problems = []
    for entry in entries:
        if entry.kind != "page" or not published(entry) or entry.failed:
            continue
        name = menu.get(without_index(posixpath.normpath(entry.save_as)).strip("/"))
        if name is None or _words(entry.title).startswith(_words(name)):
            continue
        problems.append(Problem(entry.source, (
            f"il titolo «{plain(entry.title)}» non comincia con «{name}», la voce del menu"
            f" in cima al sito che porta a questa pagina: chi sceglie «{name}» non ritrova la"
            f" parola arrivando; scrivi un titolo che cominci con «{name}» (per esempio"
            f" «{name} e orari»), oppure chiedi a chi gestisce il sito di cambiare il menu"
            " (NAV_LINKS)"
            f" / the title does not begin with the words of the menu item «{name}» that"
            " leads to this page"), entry.title_line or entry.line, WARNING))
    return problems
