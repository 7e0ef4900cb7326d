"""The publish root: its releases, the ``current`` link and the lock, laid out as

    root/.publish.lock       flock'd by publish and rollback (one at a time)
    root/staging/<name>/     the build in progress; never a rollback candidate
    root/releases/<name>/    complete, checked releases (<name>: YYYYMMDD-HHMMSS-ffffff)
    root/releases/<name>.carried.json  what the release holds of the one before it
    root/current             symlink -> releases/<name>: the web server's document root

:func:`locked` holds the lock (non-blocking: ``Busy`` at once, or after ``wait``
seconds); :func:`ensure_writable` refuses, before any work, a publish root this user
cannot write into (``NotWritable``, saying what to do), :func:`ensure_switchable` a
``current`` that is a real folder (``NotALink``); :func:`clean` removes what a killed
publish left; :func:`switch` points ``current`` at a release with one atomic rename of a
fresh symlink; :func:`prune` removes all but the newest ``KEEP_RELEASES`` releases (moved
out of ``releases/`` first, so never half-deleted there). ``rollback(root)`` points
``current`` at the newest release older than the current one. Building and checking a
release is ``tools/publisher.py``'s.
"""

import contextlib
import errno
import fcntl
import json
import os
import pwd
import re
import secrets
import shutil
import time
from pathlib import Path

from tools import unthrottled_log
from tools.previous_release import CARRIED, carried, carried_file, carry_over

logger = unthrottled_log.logger(__name__)
KEEP_RELEASES = 5
# ASCII digits, to the very end: \d took other scripts' digits, and $ a final line break
RELEASE_NAME = re.compile(r"^[0-9]{8}-[0-9]{6}-[0-9]{6}\Z")
LOCK_FILE = ".publish.lock"
STAGING = "staging"
RELEASES = "releases"
TEMPORARY_LINK = ".current-"  # prefix of the link renamed over ``current``


class Busy(RuntimeError):
    """Another publish or rollback holds the publish root's lock."""


class NotALink(RuntimeError):
    """``current`` is a real folder (an earlier way of deploying): it cannot be switched
    atomically, and is left for the deployer to move."""


class NotWritable(RuntimeError):
    """The user publishing cannot write a folder of the publish root (made by another user:
    a publish run with ``sudo``, a copy owned by root; on a disk mounted read-only), or
    make a publish root that does not exist: refused before any work."""


def _user():
    """This process's user name, as ``chown`` takes it (its number without one)."""
    try:
        return pwd.getpwuid(os.geteuid()).pw_name
    except KeyError:
        return str(os.geteuid())


def _existing(path):
    """``path``, or the nearest of its parents that exists (that this user can see)."""
    return next(folder for folder in (path, *path.parents) if os.path.exists(folder))


def _read_only(path):
    """Whether ``path`` is on a file system mounted read-only."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _not_writable(root, folders):
    """:class:`NotWritable` for ``folders`` (of the publish root ``root``), saying what to
    do: a ``chown`` helps a folder of another user, not a PUBLISH_ROOT that does not exist
    (a typing mistake, or one to create) nor one on a disk mounted read-only."""
    user = _user()
    if not os.path.exists(root):
        parent = _existing(root)
        return NotWritable(
            f"PUBLISH_ROOT {root} non esiste (o l'utente {user} non può raggiungerla) e"
            f" {user} non può crearla in {parent}: controlla PUBLISH_ROOT; se è giusta, creala"
            f" con «sudo install -d -o {user} {root}» e riprova; il sito pubblicato non è"
            f" stato toccato / PUBLISH_ROOT {root} does not exist (or user {user} cannot reach"
            f" it) and {user} cannot create it in {parent}: check"
            f" PUBLISH_ROOT; if it is right, create it (sudo install -d -o {user} {root}) and"
            " try again; the published site was not touched")
    read_only = [_existing(Path(path).parent if Path(path).name == LOCK_FILE else Path(path))
                 for path in folders]
    read_only = [path for path in read_only if _read_only(path)]
    if read_only:
        return NotWritable(
            f"{', '.join(map(str, read_only))} è su un disco montato in sola lettura"
            f" (PUBLISH_ROOT {root}): la pubblicazione deve poterci scrivere; il sito"
            f" pubblicato non è stato toccato / {', '.join(map(str, read_only))} is on a"
            " read-only file system: the publish root must be writable; the published site"
            " was not touched")
    return NotWritable(
        f"l'utente {user} non può scrivere in {', '.join(map(str, folders))} (PUBLISH_ROOT"
        f" {root}, fatta da un altro utente, per esempio con sudo): rendila sua con"
        f" «sudo chown -R {user}: {root}» e riprova; il sito pubblicato non è stato toccato"
        f" / user {user} cannot write into {', '.join(map(str, folders))}: give the publish"
        f" root to it (sudo chown -R {user}: {root}) and try again; the published site was"
        " not touched")


def ensure_writable(root, *folders):
    """Raise :class:`NotWritable` before any work when this user cannot write into
    ``root`` or one of ``folders`` that exists (a publish found it out after the whole
    build, with a traceback, when it moved the release into ``releases/``)."""
    blocked = [path for path in (root, *folders) if path.is_dir()
               and not os.access(path, os.W_OK | os.X_OK, effective_ids=True)]
    if blocked:
        raise _not_writable(root, blocked)


def ensure_switchable(root):
    """Raise :class:`NotALink` before any work when ``root/current`` cannot be switched."""
    path = root / "current"
    if path.exists() and not path.is_symlink():
        raise NotALink(f"{path} è una cartella, non un collegamento: spostala (per esempio"
                       f" in {root / RELEASES}/) e riprova / {path} is a real folder, not a"
                       " symbolic link: move it away and try again")


def served_folder(path, parents=False):
    """Make ``path`` if it is missing, one the web server may enter (0755, whatever the
    umask): the publish root and ``releases/`` lie on its way to every file. A folder
    that exists keeps the mode its owner gave it."""
    try:
        path.mkdir(parents=parents)
    except FileExistsError:
        return
    path.chmod(0o755)


def _how_long(seconds):
    """``(Italian, English)`` for a wait of ``seconds``: in minutes from one minute on, as
    ``publish --wait`` takes it."""
    if seconds >= 60:
        minutes = f"{seconds / 60:g}"
        return (f"{minutes.replace('.', ',')} {'minuto' if minutes == '1' else 'minuti'}",
                f"{minutes} min")
    return (f"{f'{seconds:g}'.replace('.', ',')} {'secondo' if seconds == 1 else 'secondi'}",
            f"{seconds:g} s")


@contextlib.contextmanager
def locked(root, wait=0):
    """Hold the publish root's lock (flock, non-blocking) while the block runs; with
    ``wait`` (seconds), wait that long at most for another publish to end first.

    The kernel drops it when the holder dies, however it dies; the file stays.
    """
    lock = root / LOCK_FILE
    try:
        served_folder(root, parents=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:  # another user's, or a read-only disk (EROFS)
        if error.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise
        raise _not_writable(root, [error.filename or root]) from None
    try:
        deadline, told = time.monotonic() + wait, False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
                if time.monotonic() >= deadline:
                    waited = f", waited {_how_long(wait)[1]}" if wait else ""
                    raise Busy(f"another publish is running (pid {holder}, lock {lock}"
                               f"{waited}); try again when it has finished") from None
                if not told:
                    logger.warning("Un'altra pubblicazione è in corso (pid %s): attendo che"
                                   " finisca, al massimo %s / Another publish is running"
                                   " (pid %s): waiting up to %s for it to end", holder,
                                   _how_long(wait)[0], holder, _how_long(wait)[1])
                    told = True
                time.sleep(0.5)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)


def releases(root):
    """The complete releases, oldest first: folders of ``root/releases`` named like one.

    Nothing else there (e.g. a hidden partial folder left by an older version of
    this module) is ever a release.
    """
    folder = Path(root) / RELEASES
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if RELEASE_NAME.match(p.name) and p.is_dir() and not p.is_symlink())


def current(root):
    """The name ``root/current`` points at (``releases/<name>``), or None."""
    link = Path(root) / "current"
    return Path(os.readlink(link)).name if link.is_symlink() else None


def switch(root, release):
    """Point ``root/current`` at ``release`` atomically: a new symlink with a unique
    name, renamed over the old link (readers see the old or the new, never neither)."""
    while True:
        temporary = root / f"{TEMPORARY_LINK}{secrets.token_hex(8)}"
        try:
            temporary.symlink_to(Path(RELEASES) / release.name)
            break
        except FileExistsError:
            continue
    try:
        os.replace(temporary, root / "current")
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _remove(path, root):
    """Delete a folder without ever leaving it half-deleted where it was: move it into
    ``staging/`` first (the next publish finishes the job if this one is killed)."""
    trash = root / STAGING / f".removing-{path.name}-{secrets.token_hex(4)}"
    os.rename(path, trash)
    shutil.rmtree(trash, ignore_errors=True)


def clean(root):
    """Remove what a killed publish left: staging folders, temporary links, and lists of
    carried files of no release (written just before their release appeared, or left by
    one removed)."""
    staging = root / STAGING
    staging.mkdir(parents=True, exist_ok=True)
    for stale in staging.iterdir():
        logger.warning("Removing %s, left by an interrupted publish", stale)
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink(missing_ok=True)
    for link in root.glob(f"{TEMPORARY_LINK}*"):
        if link.is_symlink():
            link.unlink(missing_ok=True)
    for listed in (root / RELEASES).glob(f"*{CARRIED}"):
        if not listed.with_name(listed.name.removesuffix(CARRIED)).is_dir():
            listed.unlink(missing_ok=True)


def prune(root, kept):
    """Remove all but the newest :data:`KEEP_RELEASES` releases, never ``kept`` (the one
    just made current), each moved out of ``releases/`` first (:func:`_remove`); one that
    cannot be removed (another user's) is named in a warning and left."""
    for old in releases(root)[:-KEEP_RELEASES]:
        if old.name != kept:
            try:
                _remove(old, root)
                carried_file(old).unlink(missing_ok=True)
            except OSError as error:  # published all the same: say so, and go on
                logger.warning("Versione vecchia non rimossa (%s): toglila a mano / Old"
                               " release not removed: %s", error, error)


def rollback(root):
    """Make the newest release older than the current one current; return it.

    The release made current gets, as links, the fingerprinted files of the one it
    replaces that it lacks (:func:`carry_over`: pages loaded from that one keep finding
    their stylesheet, images and search index). Returns None, leaving ``current``
    untouched, when there is no older release. If
    ``current`` is missing or points at something that is not a release, the newest
    release becomes current. Raises ``Busy`` while a publish is running. A publish root
    that does not exist (a mistyped PUBLISH_ROOT) holds no release: None, and nothing
    is created there (taking the lock would make the folder, its parents and a lock file).
    """
    root = Path(root).resolve()
    if not root.is_dir():
        return None
    with locked(root):
        ensure_switchable(root)
        ensure_writable(root)
        now = current(root)
        candidates = releases(root)
        if now and RELEASE_NAME.match(now):
            candidates = [r for r in candidates if r.name < now]
        if not candidates:
            return None
        target = candidates[-1]
        left = root / RELEASES / now if now and RELEASE_NAME.match(now) else None
        if left is not None and left.is_dir():
            # pages loaded from the release left keep finding its fingerprinted files, as
            # after a publish (listed before the switch, as a publish lists them); a
            # courtesy: a release or a list that cannot be written does not stop a rollback
            with contextlib.suppress(OSError):
                brought = carry_over(target, left)
                if brought:
                    carried_file(target).write_text(
                        json.dumps(sorted(carried(target) | set(brought))), encoding="utf-8")
        switch(root, target)
        return target
