"""Front matter: the editors' contract (the "Front matter" section of docs/guida-redazione.md).

Signals: ``initialized`` installs the FRONTMATTER_* settings; ``readers_init``
installs :class:`FrontMatterReader` for Markdown files. It reads YAML front
matter (``---`` blocks) and Pelican's native ``Key: value`` header through one
validation path (:mod:`.schema`), and turns every contract violation into a
:class:`ContentError` naming the file and the key; ``content_checks`` makes such
errors stop the build.
"""

from pelican import signals

from plugins.core.settings import require

from . import settings
from .errors import ContentError
from .reader import FrontMatterReader

__all__ = ["ContentError", "FrontMatterReader", "register"]

# A failed file must stop the build: content_checks does that.
REQUIRES = ("plugins.content_checks",)


def initialize(pelican):
    require(pelican, __name__, REQUIRES)
    settings.install(pelican.settings)


def add_reader(readers):
    for extension in FrontMatterReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterReader


def register():
    signals.initialized.connect(initialize)
    signals.readers_init.connect(add_reader)
