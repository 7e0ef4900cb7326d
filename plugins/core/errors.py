"""Errors whose message says it all: Pelican logs them without a traceback.

Pelican's ``main`` logs any exception that ends a run with its traceback. For an
editor's content error or a missing plugin that is noise: :class:`QuietError`
subclasses are logged as their message only (``pelican --debug`` still shows
the traceback) and the run exits with status 1.
"""

import logging


class QuietError(Exception):
    """Ends the run with this message and exit status 1, no traceback. ``NAMED``: whether
    the log line starts with the class's name, as Pelican writes it (``PluginError: …``,
    for whoever runs the site); an editor's error (``BuildStopped``) says its message
    alone, no English name of a class before its Italian."""

    NAMED = True


def hide_traceback(record):
    """Log filter: drop the traceback of a QuietError (and its class's name, unless
    ``NAMED``: Pelican logs ``"%s: %s", name, error``)."""
    if record.exc_info and isinstance(record.exc_info[1], QuietError):
        error = record.exc_info[1]
        record.exc_info = None
        if not error.NAMED and record.msg == "%s: %s" \
                and record.args[:1] == (type(error).__name__,):
            record.msg, record.args = "%s", (error,)
    return True


def quiet_tracebacks():
    """Install :func:`hide_traceback` on Pelican's logger (idempotent)."""
    logging.getLogger("pelican").addFilter(hide_traceback)
