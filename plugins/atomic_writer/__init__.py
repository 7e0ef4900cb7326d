"""Pages and feeds are written whole or not at all.

Pelican's writer opens each output file and writes into it: a template or a feed
that fails half-way (a character XML cannot hold, a full disk, a killed build)
leaves a truncated file behind, in a folder that may be the one a server serves.
Signal ``get_writer``: :class:`AtomicWriter` writes into a temporary file beside
the target and renames it over the target only when the write finished (one
``os.replace``: readers see the old file or the new one, never half of one).
Paths outside the output folder are refused by Pelican itself (``sanitised_join``).
"""

import io
import logging
import os
import tempfile

from pelican import signals
from pelican.writers import FileOverwriteFailedError, Writer

logger = logging.getLogger(__name__)


class AtomicFile(io.TextIOWrapper):
    """A text file that appears at ``path`` only when its ``with`` block ends without error.

    A real text stream (feedgenerator's XML writer wants one), on a temporary file.
    """

    def __init__(self, path, encoding):
        folder = os.path.dirname(path) or "."
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".part")
        super().__init__(io.FileIO(handle, "w"), encoding=encoding)
        self.target = path
        self.temporary = temporary

    def __exit__(self, kind, error, traceback):
        self.close()
        if kind is None:
            os.chmod(self.temporary, 0o644)
            os.replace(self.temporary, self.target)
        else:
            os.unlink(self.temporary)
        return False


class AtomicWriter(Writer):
    def _open_w(self, filename, encoding, override=False):
        # Pelican 4.12's bookkeeping of Writer._open_w, unchanged: a second write to one
        # file is an error unless exactly one of the writes may override.
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously'
                    " overwritten)")
            logger.info('Skipping "%s", not overwriting', filename)
            return open(os.devnull, "w", encoding=encoding)  # noqa: SIM115 - as Pelican does
        if filename in self._written_files:
            if not override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" as Pelican has already written to it'
                    " previously (set `override=True` if intended)")
            logger.info('Overwriting "%s"', filename)
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return AtomicFile(filename, encoding)


def get_writer(pelican):
    return AtomicWriter


def register():
    signals.get_writer.connect(get_writer)
