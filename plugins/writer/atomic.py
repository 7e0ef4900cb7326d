"""Output files written whole or not at all (:class:`AtomicFile`)."""

import io
import os
import tempfile


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
