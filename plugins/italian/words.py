"""Italian words that depend on what follows them: "di" before a name, plurals.

- :func:`di`: the preposition before an author's name, articulated when the name starts
  with a common noun ("della Redazione", "dell’Ufficio stampa", "del Comune di Crema")
  and plain before a person's name ("di Anna Rossi"). The ``di`` Jinja filter; :func:`da`
  the same with "da" ("firmati dalla Redazione"), the ``da`` filter.
- :func:`di_ciascuno`: the same before each name of a list of authors.
- :func:`quanti`: a count and its noun, singular or plural (``1 errore``, ``2 errori``,
  ``14.590 visite``), the number as :func:`~.numbers.numero` writes it. The ``quanti``
  Jinja filter: ``{{ n|quanti("articolo", "articoli") }}``.
- :func:`archive_wording`: a period's archive's title, count ("12 articoli, dal più
  recente") and description, for every page that writes them.
- :func:`alfabetico`: names in the order of an Italian index, accents and capitals aside
  (``Ambiente``, ``anziani``, ``Èlite``, ``Zona``): the ``alfabetico`` Jinja filter.
"""

import unicodedata
from dataclasses import dataclass

from .numbers import numero

# Common nouns a collective author's name may start with, and their article with "di":
# what is not here is a person's name (plugins.italian.typography.author_name keeps it
# whole, untranslated). "pro": la Pro Loco
ARTICLES = {
    "redazione": "della ", "segreteria": "della ", "cooperativa": "della ",
    "fondazione": "della ", "provincia": "della ", "regione": "della ", "rete": "della ",
    "biblioteca": "della ", "scuola": "della ", "parrocchia": "della ", "pro": "della ",
    "consulta": "della ", "commissione": "della ", "federazione": "della ",
    "società": "della ", "polisportiva": "della ", "compagnia": "della ",
    "direzione": "della ", "protezione": "della ", "polizia": "della ", "croce": "della ",
    "comune": "del ", "consorzio": "del ", "gruppo": "del ", "servizio": "del ",
    "centro": "del ", "coordinamento": "del ", "civic": "del ", "tavolo": "del ",
    "comitato": "del ", "settore": "del ", "circolo": "del ", "consiglio": "del ",
    "museo": "del ", "distretto": "del ", "coro": "del ", "laboratorio": "del ",
    "sindacato": "del ", "progetto": "del ",
    "ufficio": "dell’", "associazione": "dell’", "azienda": "dell’", "ente": "dell’",
    "équipe": "dell’", "amministrazione": "dell’", "assessorato": "dell’",
    "istituto": "dell’", "università": "dell’", "unione": "dell’", "oratorio": "dell’",
    "osservatorio": "dell’", "agenzia": "dell’", "archivio": "dell’", "ambito": "dell’",
    "ospedale": "dell’", "asilo": "dell’",
    "staff": "dello ", "sportello": "dello ", "studio": "dello ", "spazio": "dello ",
}


def di(name):
    """``di``, ``della``, ``dell’``… to put before ``name`` (with its space, if any)."""
    first = str(name).split(maxsplit=1)[0].casefold() if str(name).strip() else ""
    return ARTICLES.get(first, "di ")


def da(name):
    """``da``, ``dalla``, ``dall’``… to put before ``name`` (``firmati dalla Redazione``)."""
    return "da" + di(name)[2:] if di(name) != "di " else "da "


def di_ciascuno(names):
    """The preposition before each of ``names`` in a list (joined by ", " and " e "): one
    "di" for people's names ("di Anna Rossi e Luca Bianchi": ``["di ", ""]``); each name
    its own where one takes an article ("di Anna Rossi e della Redazione", "della
    Redazione e di Anna Rossi"), which "di Anna Rossi e Redazione" lacked. The
    ``di_ciascuno`` Jinja filter (the authors of the meta line)."""
    prepositions = [di(name) for name in names]
    if all(preposition == "di " for preposition in prepositions):
        return prepositions[:1] + [""] * (len(prepositions) - 1)
    return prepositions


def elenco(names):
    """``Maria Rossi``, ``Maria Rossi e Luca Bianchi``, ``A, B e C``: names in a sentence."""
    names = [str(name) for name in names]
    return " e ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)


def quanti(count, singular, plural):
    """``1 articolo``, ``0 articoli``, ``12.345 articoli``."""
    return f"{numero(count)} {singular if count == 1 else plural}"


@dataclass(frozen=True)
class ArchiveWords:
    """The words of a period's archive page, worded once: its page (period_archives.html,
    through plugins/seo's ``archive_words``), its link previews (plugins/seo's
    ``moved_archive_tags``) and the pages at a year's and a month's address
    (plugins/redirects) write them."""

    title: str  # "Archivio 2025", "Archivio marzo 2025"
    count: str  # "12 articoli, dal più recente" ("1 articolo"): the page's intro
    description: str  # "Gli articoli di FareLegami del 2025: 12 articoli, dal più recente."


def archive_wording(period, count=0, site_name=""):
    """:class:`ArchiveWords` of the archive of ``period`` (Pelican's ``period``, ``(2025,)``
    for a year, or its label as text, ``"marzo 2025"``) holding ``count`` articles, on
    the site named ``site_name`` (plain text).

    >>> words = archive_wording((2025,), 12, "FareLegami")
    >>> words.title, words.count
    ('Archivio 2025', '12 articoli, dal più recente')
    >>> words.description
    'Gli articoli di FareLegami del 2025: 12 articoli, dal più recente.'
    >>> archive_wording("marzo 2025").title, archive_wording((2025,), 1).count
    ('Archivio marzo 2025', '1 articolo')
    """
    label = period if isinstance(period, str) else " ".join(
        str(part) for part in reversed(tuple(period)))
    counted = quanti(count, "articolo", "articoli") + (", dal più recente" if count > 1 else "")
    return ArchiveWords(f"Archivio {label}", counted,
                        f"Gli articoli di {site_name} del {label}: {counted}.")


def alphabetical_key(name):
    """The sort key of ``name`` in an Italian index: its letters without accents, case
    folded (``Èlite`` among the E's, not after ``Zona`` as code points put it), then the
    name itself, so the order is the same at every build."""
    text = str(name)
    letters = "".join(character for character in unicodedata.normalize("NFKD", text)
                      if not unicodedata.combining(character))
    return letters.casefold(), text


def alfabetico(terms):
    """``[(term, articles)]`` (a tag's, a category's…) by the term's name in Italian
    alphabetical order (:func:`alphabetical_key`): the ``alfabetico`` Jinja filter."""
    return sorted(terms, key=lambda pair: alphabetical_key(pair[0].name))
