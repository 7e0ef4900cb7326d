"""Old addresses: the pages of the old portal keep working. README.md.

An article or page lists the addresses it had on the old portal in its front matter,
``indirizzi_precedenti`` (a key the plugin adds to the contract, with its check). At
each one the build writes a small page that sends the reader on to the item's address
(``<meta http-equiv="refresh">``, a canonical link, the item's link preview tags, a
visible link).

Signals:

- ``initialized``: the REDIRECTS_* settings (:mod:`.settings`); the key and its check
  added to the contract (:mod:`.paths`, ``plugins.contract.settings.add_key``); its
  field added to the web editor (``plugins.admin.settings.add_field``);
- ``get_generators``: :class:`.output.RedirectsGenerator` checks the old addresses across
  files (:mod:`.rules`, shared with ``invoke check``) and writes the pages (:mod:`.page`).
"""

from pelican import signals

from plugins.admin.settings import add_field
from plugins.contract.settings import add_key
from plugins.core.settings import start

from .output import get_generators
from .paths import KEY, check_key

# The key is the contract's; its problems stop the build through content_checks.
REQUIRES = ("plugins.contract", "plugins.content_checks")

FIELD = {
    "label": "Indirizzi precedenti", "label_singular": "indirizzo precedente",
    "name": KEY, "widget": "list", "required": False,
    "field": {"label": "Indirizzo", "name": "indirizzo", "widget": "string"},
    # a closed entry shows its address (else only "Indirizzo": entries open closed)
    "summary": "{{fields.indirizzo}}",
    # It said "Solo per le notizie spostate dal vecchio sito", yet the editor adds an
    # address here itself when a title or a date's month changes (old-addresses.js): an
    # editor who took the hint at its word removed it, and the old link was broken
    # (a page has no month in its address, an item with a Slug keeps it whatever its
    # title: "when its address changes", which is when old-addresses.js adds one)
    "hint": "Gli indirizzi che questa voce aveva prima, uno per riga: chi li apre arriva"
            " qui. Quando l'indirizzo della voce cambia (con un titolo o una data nuovi),"
            " l'editor aggiunge da solo quello vecchio: lascialo. Per una notizia portata"
            " dal vecchio sito scrivi"
            " l'indirizzo che aveva lì, per esempio /notizie/123-presentazione.html (va"
            " bene anche l'indirizzo completo, con il nome del vecchio sito; non quelli"
            " con ?id=…).",
}


def initialize(pelican):
    start(pelican, __name__)
    add_key(pelican.settings, KEY, check_key)
    add_field(pelican.settings, FIELD)


def register():
    signals.initialized.connect(initialize)
    signals.get_generators.connect(get_generators)
