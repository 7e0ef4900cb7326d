"""No ``id`` in a published body that the theme gives an element of the page around it.

A heading ``## Condividi`` got ``id="condividi"``, the share section's heading's too:
:func:`own_ids` renames the body's (``condividi-testo``) and the body's references to
it. :data:`THEME_IDS` and :data:`THEME_ID_RE` are the theme's ids
(tests/test_hostile_input.py checks that the templates have no other).
"""

import re

from plugins.contract.nh3_html import ATTRIBUTE_RE, START_TAG_RE, start_tag

# The ids the theme gives the elements around a body (theme/templates: the main content,
# the search field, the attachments', share and related sections' headings, the
# footer's; Documenti's section of the pages' documents, plugins/attachments), and the
# prefixes of those it numbers; tests/test_hostile_input.py checks that the templates
# have no other.
THEME_IDS = frozenset({
    "contenuto", "site-search-q", "allegati-titolo", "condividi", "stessa-categoria",
    "documenti-pagine",
    "notizie-argomento", "ultimi-articoli", "footer-feed", "footer-partner",
    "footer-progetto", "footer-sostegno", "cerca", "cerca-altri", "cerca-categoria",
    "cerca-form", "cerca-nojs", "cerca-q", "cerca-ripiego", "cerca-risultati", "cerca-stato"})
_NUMBERED_THEME_IDS = r"(?:anno-\d+|mese-\d+|feed-\d+)"
THEME_ID_RE = re.compile(_NUMBERED_THEME_IDS + r"\Z")
# a body holding one of them (most bodies: none, and own_ids has nothing to read)
_THEME_ID_IN_RE = re.compile(r'\sid="(?:' + "|".join(map(re.escape, sorted(THEME_IDS)))
                             + "|" + _NUMBERED_THEME_IDS + ')"')
OWN_ID_SUFFIX = "-testo"
# attributes that name ids of the same page, space-separated
ID_REFERENCES = {"headers", "aria-labelledby", "aria-describedby"}


def _theirs(value):
    return value in THEME_IDS or bool(THEME_ID_RE.match(value))


def own_ids(html, renamed=None):
    """The (sanitized) body with no ``id`` the theme gives an element of the page around
    it: a heading ``## Condividi`` got ``id="condividi"`` (Markdown's table of contents),
    the share section's heading's too, so the page had it twice (the W3C checker's
    "Duplicate ID") and the section was named after the body's heading (its
    ``aria-labelledby`` finds the first). Such an id (an editor's ``id=`` too) becomes
    ``condividi-testo`` (``condividi-testo-2`` when the body has that one already), and
    the body's own references to it follow it: links (``#condividi``), a cell's
    ``headers``, ``aria-labelledby`` and ``aria-describedby``. A link to an id of the
    theme's that the body does not have (``[condividi](#condividi)``: the share section)
    is left as it is. ``renamed``: ``{id: new id}``, filled here, and read for the links
    of a summary to its body's headings (its own dict when not given)."""
    renamed = {} if renamed is None else renamed
    if not renamed and not _THEME_ID_IN_RE.search(html):  # nothing to rename, nor to follow
        return html
    found = [attributes for _, attributes, _ in START_TAG_RE.findall(html)
             if "id=" in attributes]
    ids = {value for attributes in found
           for name, value in ATTRIBUTE_RE.findall(attributes) if name == "id"}
    taken = ids | set(renamed.values())
    for value in sorted(value for value in ids if _theirs(value) and value not in renamed):
        new, number = value + OWN_ID_SUFFIX, 1
        while new in taken:
            number += 1
            new = f"{value}{OWN_ID_SUFFIX}-{number}"
        renamed[value] = new
        taken.add(new)
    if not renamed:
        return html

    def rename(name, value):
        if name == "id":
            return renamed.get(value, value)
        if name == "href" and value.startswith("#"):
            return "#" + renamed.get(value[1:], value[1:])
        if name in ID_REFERENCES:
            return " ".join(renamed.get(part, part) for part in value.split())
        return value

    def tag(match):
        attributes = ATTRIBUTE_RE.findall(match[2])
        changed = [(name, rename(name, value)) for name, value in attributes]
        if changed == attributes:
            return match[0]
        return start_tag(match[1], changed, match[3])

    return START_TAG_RE.sub(tag, html)
