"""Loggers of the tools that report every time, in a process that has imported Pelican.

pelican.log puts its LimitFilter on every logger made after it is imported: a warning
this process has logged once already is dropped. A vanished address is reported by every
publish, also of a process that publishes twice (the preview's, the tests').
"""

import logging


def every_time(logger):
    """``logger`` without Pelican's LimitFilter, if it has it (made after pelican.log was
    imported)."""
    for found in [f for f in logger.filters if type(f).__name__ == "LimitFilter"]:
        logger.removeFilter(found)
    return logger


def logger(name):
    """The logger ``name`` (a module's ``__name__``), without Pelican's LimitFilter."""
    return every_time(logging.getLogger(name))
