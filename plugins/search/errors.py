"""The error of the search index step: the build fails (``pelican`` exits with status 1,
so ``invoke build`` and ``invoke publish`` keep the previous site)."""

from plugins.core.errors import QuietError


class SearchIndexError(QuietError):
    """The search index could not be built: the build fails (exit status 1)."""
