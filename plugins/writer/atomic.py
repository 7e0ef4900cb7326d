"""Output files written whole or not at all (:class:`AtomicFile`)."""

import io
import os
import tempfile

from plugins.core.files import place


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


class LinkedFile:
    """Stands in for :class:`AtomicFile` when the text about to be written is already
    in a file (``source``, UTF-8): writing exactly that text object makes ``path`` a
    hard link to ``source`` (:func:`plugins.core.files.place`: whole at once). Any
    other write is an :class:`AtomicFile`'s."""

    def __init__(self, path, encoding, text, source):
        self.path, self.encoding = path, encoding
        self.text, self.source = text, source
        self.linked = False
        self.file = None  # the AtomicFile, after any other write

    def __enter__(self):
        return self

    def write(self, data):
        if self.file is None and not self.linked and data is self.text:
            place(self.source, self.path)
            self.linked = True
            return len(data)
        if self.file is None:
            self.file = AtomicFile(self.path, self.encoding)
            if self.linked:  # a second write: the text, then the rest
                self.file.write(self.text)
        return self.file.write(data)

    def __exit__(self, kind, error, traceback):
        if self.file is not None:
            return self.file.__exit__(kind, error, traceback)
        if kind is None and not self.linked:  # nothing written: an empty file
            with AtomicFile(self.path, self.encoding):
                pass
        return False
