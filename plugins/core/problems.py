"""A problem an editor can fix, found in one content file."""

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
# Problems of one kind listed for one text at most; the rest are counted in one more
# (a pasted text with thousands of the same mistake is not thousands of lines).
MAX_LISTED = 50


def italian_half(message):
    """The Italian half of a message written for the log, ``"italiano / English"``: the
    words the web editor shows (its interface is in Italian)."""
    return message.split(" / ")[0]


@dataclass(frozen=True)
class Problem:
    """``path`` is relative to the content folder; ``line`` counts from 1 in that file."""

    path: str
    message: str
    line: int | None = None
    severity: str = ERROR

    @property
    def location(self):
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self):
        return f"{self.location}: {self.message}"
