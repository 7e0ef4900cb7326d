"""Errors whose message says it all: Pelican logs them without a traceback.

Pelican's ``main`` logs any exception that ends a run with its traceback. For an
editor's content error or a missing plugin that is noise: :class:`QuietError`
subclasses are logged as their message only (``pelican --debug`` still shows
the traceback) and the run exits with status 1.
"""

import logging


class QuietError(Exception):
    """Ends the run with this message and exit status 1, no traceback."""


def hide_traceback(record):
    """Log filter: drop the traceback of a QuietError."""
    if record.exc_info and isinstance(record.exc_info[1], QuietError):
        record.exc_info = None
    return True


def quiet_tracebacks():
    """Install :func:`hide_traceback` on Pelican's logger (idempotent)."""
    logging.getLogger("pelican").addFilter(hide_traceback)
