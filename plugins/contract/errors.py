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


# The editors' one word for the front matter (docs/guida-redazione.md explains it once, with
# the technical name in brackets): no message names YAML or "front matter" in Italian
HEADER = "intestazione"


def invalid_yaml(problem, line, detail=None, found=""):
    """The :class:`SourceError` of front matter YAML cannot read, ``problem`` (Italian)
    saying what to write instead: the one wording of that error, however it was found
    (YAML's own error explained, or a slip found before YAML reads the file). ``detail``:
    PyYAML's own words (English), given only after the Italian, in the English part; with
    no ``problem`` (a cause no hint tells) the Italian part says what to look at, after
    ``found`` (where YAML noticed it, when that is not the line named)."""
    said = f": {problem};" if problem else f"{found}:"
    english = f": {detail}" if detail else ""
    return SourceError(f"{HEADER} scritta male{said} controlla rientri, due punti e"
                       f" virgolette / invalid YAML front matter{english}", line)
