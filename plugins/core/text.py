"""Names made readable: a folder or file name becomes a title."""

import posixpath
import re

_SEPARATORS = re.compile(r"[\s_\-]+")
# Bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069): in a name
# they turn what follows around ("Fattura \u202eFDP.zip" reads "Fattura PIZ.PDF").
BIDI_RE = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def title_from_name(name, *, strip_extension=False):
    """``comunicati-stampa`` -> ``Comunicati stampa``; ``verbale_riunione-2024.pdf`` with
    ``strip_extension`` -> ``Verbale riunione 2024``. Only the first letter changes case."""
    stem = BIDI_RE.sub("", posixpath.basename(name))
    if strip_extension and "." in stem.lstrip("."):
        stem = stem.rsplit(".", 1)[0]
    words = " ".join(_SEPARATORS.split(stem)).strip()
    return words[:1].upper() + words[1:] if words else posixpath.basename(name)
