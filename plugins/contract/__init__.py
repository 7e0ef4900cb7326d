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

import logging
import os
import re
import sys

from pelican import readers as pelican_readers
from pelican import signals

from plugins.core.settings import start

from . import ahead
from .sources import note_sources
from .errors import ContentError
from .reader import ContractReader

__all__ = ["ContentError", "ContractReader", "register"]

# A failed file must stop the build: content_checks does that.
REQUIRES = ("plugins.content_checks",)


def initialize(pelican):
    start(pelican, __name__)
    pelican.settings[ahead.STATE_KEY] = ahead.Ahead()
    logging.getLogger("pelican.generators").addFilter(repeated_failure)  # once: same function


def repeated_failure(record):
    """Log filter: Pelican's "Could not process notizie/a.md" after a :class:`ContentError`
    is dropped. The file's problems were logged already, each at its line and in Italian;
    Pelican's line, in English, only repeated the file's name (the guide had to explain
    it). Any other failure (a plugin's) keeps it."""
    return not (record.msg == "Could not process %s"
                and isinstance(sys.exc_info()[1], ContentError))


# Pelican's other readers would publish an .html or .rst file in content/ without any
# of the contract's checks (a <script> in it went into the feeds): Markdown only.
OTHER_READERS = ("html", "htm", "rst")


def add_reader(readers):
    for extension in ContractReader.file_extensions:
        readers.reader_classes[extension] = ContractReader
    for extension in OTHER_READERS:
        readers.reader_classes.pop(extension, None)
    pelican_readers.find_empty_alt = find_empty_alt


_IMG_TAG_RE = re.compile(r"<img[^>]*")
_EMPTY_ALT_RE = re.compile(r"""alt=(['"])\1""")
_SRC_RE = re.compile(r"""src=(['"])(.*?)\1""")
_pelican_logger = logging.getLogger(pelican_readers.__name__)


def find_empty_alt(content, path):
    """Pelican's warning about images with an empty ``alt`` (``pelican.readers``, run on
    every item's HTML after its reader), one ``<img>`` tag at a time. Pelican's own
    expression lets a ``src`` value run on past its tag to the next quote, and tries
    that from every image: a body of 10,000 images on one line (a 340 kB file) took it
    35 s, after and outside CONTRACT_MARKDOWN_SECONDS; linear here. The contract has
    already refused every image without alternative text, so it rarely has anything
    to say."""
    for tag in _IMG_TAG_RE.findall(content):
        source = _SRC_RE.search(tag)
        if source and _EMPTY_ALT_RE.search(tag):
            _pelican_logger.warning(
                "Empty alt attribute for image %s in %s", os.path.basename(source[2]), path,
                extra={"limit_msg": "Other images have empty alt attributes"})


def register():
    signals.initialized.connect(initialize)
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(ahead.start)
    signals.page_generator_finalized.connect(ahead.stop)
    signals.finalized.connect(ahead.stop)
    signals.all_generators_finalized.connect(note_sources)
