"""The editors' contract (docs/guida-redazione.md): every content file, read and checked.

Signals: ``initialized`` installs the CONTRACT_* settings; ``readers_init``
installs :class:`ContractReader` for Markdown files; ``article_generator_init``
starts reading ahead on every core when many files are not in the cache
(:mod:`.ahead`), ``page_generator_finalized`` and ``finalized`` end it. One implementation,
:func:`.check.check_file`, reads a file (YAML front matter or Pelican's native
header), checks its front matter and its body, and returns every problem with
its line; the reader logs them and raises :class:`ContentError`, and
``content_checks`` (required) stops the build. ``invoke check`` runs the same
function without building.
"""

from pelican import signals

from plugins.core.settings import require

from . import ahead, settings
from .errors import ContentError
from .reader import ContractReader

__all__ = ["ContentError", "ContractReader", "register"]

# A failed file must stop the build: content_checks does that.
REQUIRES = ("plugins.content_checks",)


def initialize(pelican):
    require(pelican, __name__, REQUIRES)
    settings.install(pelican.settings)
    pelican.settings[ahead.STATE_KEY] = ahead.Ahead()


# Pelican's other readers would publish an .html or .rst file in content/ without any
# of the contract's checks (a <script> in it went into the feeds): Markdown only.
OTHER_READERS = ("html", "htm", "rst")


def add_reader(readers):
    for extension in ContractReader.file_extensions:
        readers.reader_classes[extension] = ContractReader
    for extension in OTHER_READERS:
        readers.reader_classes.pop(extension, None)


def register():
    signals.initialized.connect(initialize)
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(ahead.start)
    signals.page_generator_finalized.connect(ahead.stop)
    signals.finalized.connect(ahead.stop)
