"""Italian for readers: Babel dates, typography and slugs.

Signals: ``initialized`` registers the Jinja filters (JINJA_FILTERS).
The Markdown extension (``italian.typography:ItalianTypographyExtension``) is
listed in ``MARKDOWN`` in pelicanconf.py; the front-matter reader applies
``fix_apostrophes`` to titles and summaries before typogrify runs.
"""

from pelican import signals

from .dates import data_breve, data_iso, data_lunga, numero
from .slugs import slug_substitutions
from .typography import fix_apostrophes

FILTERS = {
    "data_lunga": data_lunga,
    "data_breve": data_breve,
    "data_iso": data_iso,
    "numero": numero,
}

__all__ = ["FILTERS", "fix_apostrophes", "register", "slug_substitutions"]


def add_filters(pelican):
    """Expose the Italian filters to every template."""
    # A new dict: the settings module's own dict must not change under other builds.
    pelican.settings["JINJA_FILTERS"] = {**FILTERS, **pelican.settings.get("JINJA_FILTERS", {})}


def register():
    signals.initialized.connect(add_filters)
