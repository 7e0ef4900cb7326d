"""One file's problems of one rule, the first ``MAX_LISTED`` listed and the rest counted
(:class:`Listed`): for the rules on links, which a page pasted from the old site breaks by
the hundred (``address_links``, ``broken_address_links``, ``relative_links``)."""

from plugins.core.problems import MAX_LISTED, Problem


class Listed:
    """One file's problems of one rule: the first ``MAX_LISTED`` listed, the rest counted
    in one more problem, at the first one's line (a page pasted from the old site has
    hundreds of the same mistake)."""

    def __init__(self, source, severity):
        self.source, self.severity = source, severity
        self.problems, self.more, self.first_more = [], 0, None

    def counted(self, line):
        """True when ``MAX_LISTED`` are listed: the problem at ``line`` is only counted."""
        if len(self.problems) < MAX_LISTED:
            return False
        self.more += 1
        self.first_more = self.first_more or line
        return True

    def add(self, message, line):
        self.problems.append(Problem(self.source, message, line, self.severity))

    def done(self, one, many):
        """The problems listed, and one for those counted: ``one``, or ``many`` formatted
        with ``more`` (their number)."""
        if self.more:
            self.problems.append(Problem(
                self.source, one if self.more == 1 else many.format(more=self.more),
                self.first_more, self.severity))
        return self.problems
