"""Front matter: the editors' contract (../shared/CONTENT-CONTRACT.md).

Signal: ``readers_init`` installs :class:`FrontMatterReader` for Markdown files.
It reads YAML front matter (``---`` blocks) and Pelican's native ``Key: value``
header through one validation path, and turns every contract violation into a
:class:`ContentError` naming the file and the key. ``content_checks`` makes
such errors stop the build.
"""

from pelican import signals

from .errors import ContentError
from .reader import FrontMatterReader

__all__ = ["ContentError", "FrontMatterReader", "register"]


def add_reader(readers):
    for extension in FrontMatterReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterReader


def register():
    signals.readers_init.connect(add_reader)
