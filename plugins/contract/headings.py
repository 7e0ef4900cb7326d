"""The body's headings as a screen reader lists them: the page's outline.

:func:`heading_warnings` reads the headings the HTML check collected
(:func:`plugins.contract.body.check_html`): the page's title is its only level 1, the
levels go down one at a time, and a heading has text; each warning with the needle
that finds the heading's line in the Markdown source.
"""

import functools
import re

# a heading line with no text: `####`, `## ##`
_EMPTY_HEADING_RE = re.compile(r"^[ ]{0,3}#{1,6}[ \t#]*$", re.MULTILINE)


@functools.lru_cache(maxsize=256)
def _heading_re(level, text):
    """A heading of ``level`` whose first words are ``text``'s, with anything between
    them (markup); each word taken at its first place (atomic: no backtracking)."""
    words = "".join(rf"(?>[^\n]*?{re.escape(word)})" for word in text.lower().split()[:8])
    return re.compile(rf"^[ ]{{0,3}}#{{{level}}}[ \t]+{words}", re.MULTILINE)


def heading_warnings(headings):
    """``[(needle, message)]`` about a body's headings: the page's title is its only level 1
    (``#``), and the levels go down one at a time from there (``##``, then ``###``): a
    screen reader's list of headings is the page's outline."""
    found, previous = [], 1

    def needle(level, text):
        # as typed, then with markup between its words (`#### **Orari** del sabato`,
        # `## [Bando](…) 2025`), then its text alone (a heading underlined with `===`);
        # made for a warning only, and the expression for the first ones only (the checker
        # lists at most 50 problems; a text of thousands of headings compiled one each)
        return ("#" * level + " " + text,
                _heading_re(level, text) if len(found) < 64 else None, text)

    for level, text in headings:
        if not text:  # a line of `#` alone (a separator?): a heading with nothing to read
            found.append((_EMPTY_HEADING_RE, f"una riga con solo `{'#' * level}` sul sito"
                          " diventa un titolo vuoto (chi usa un lettore di schermo lo trova"
                          " senza testo): togli la riga, o scrivi il titolo dopo i `#` e uno"
                          " spazio, ## Titolo / empty heading"))
        elif level == 1:
            found.append((needle(level, text), f"titolo di primo livello nel testo («{text}»):"
                          " la pagina ha già il suo titolo, usa ## / level-1 heading in the"
                          " body"))
        elif level > previous + 1:
            found.append((needle(level, text), f"il titolo «{text}» è di livello {level} dopo"
                          f" uno di livello {previous}: usa {'#' * (previous + 1)}, senza"
                          " saltare livelli / heading level skipped"))
        previous = level
    return found
