"""The one exception type for problems an editor can fix."""


class ContentError(Exception):
    """A content file breaks the contract. ``problems`` are editor-facing lines."""

    def __init__(self, path, problems):
        self.path = str(path)
        self.problems = list(problems)
        super().__init__(f"{self.path}: " + "; ".join(self.problems))
