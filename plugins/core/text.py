"""Names made readable: a folder or file name becomes a title."""

import posixpath
import re

_SEPARATORS = re.compile(r"[\s_\-]+")


def title_from_name(name, *, strip_extension=False):
    """``comunicati-stampa`` -> ``Comunicati stampa``; ``verbale_riunione-2024.pdf`` with
    ``strip_extension`` -> ``Verbale riunione 2024``. Only the first letter changes case."""
    stem = posixpath.basename(name)
    if strip_extension and "." in stem.lstrip("."):
        stem = stem.rsplit(".", 1)[0]
    words = " ".join(_SEPARATORS.split(stem)).strip()
    return words[:1].upper() + words[1:] if words else posixpath.basename(name)
