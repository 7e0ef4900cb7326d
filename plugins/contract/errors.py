"""The exceptions for problems an editor can fix: a file that breaks the contract, and the
reason its text or front matter cannot be read at all."""


class ContentError(Exception):
    """A content file breaks the contract. ``problems`` are editor-facing lines."""

    def __init__(self, path, problems):
        self.path = str(path)
        self.problems = list(problems)
        super().__init__(f"{self.path}: " + "; ".join(self.problems))


class SourceError(Exception):
    """The file cannot be read as the contract says; ``line`` where known. ``source``: the
    file's body (a :class:`.source.Source` without front matter) when only the front matter is
    unreadable, so the body's problems are found at once too."""

    def __init__(self, message, line=None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.source = None  # set by source.split() when the body is known


def invalid_yaml(problem, line):
    """The :class:`SourceError` of front matter YAML cannot read, ``problem`` (Italian)
    saying what to write instead: the one wording of that error, however it was found
    (YAML's own error explained, or a slip found before YAML reads the file)."""
    return SourceError(f"front matter YAML non valido: {problem}; controlla rientri, due punti"
                       " e virgolette / invalid YAML front matter", line)
