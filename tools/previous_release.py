"""What a new build takes from the release it replaces, in a publish (and from the output
it replaces, in ``build_into``).

``keep_dates(new, previous)``: every file of ``new`` with the very bytes of the file at
its path in ``previous`` gets that file's date (nginx's ``ETag`` and ``Last-Modified``:
a 304 after the switch, not the whole unchanged file again); one the build wrote itself
becomes that very file (a hard link: the releases share what did not change).

``same_tree(new, previous, ...)``: whether the build is the served release file for file
and byte for byte (a publish then makes no new release).

``carry_over(new, previous)``: links into ``new`` the fingerprinted files of
``previous``'s own build that it lacks (pages loaded from that release still find them),
listed beside the release in ``<name>.carried.json`` (:func:`carried`, :func:`carried_file`).
"""

import contextlib
import json
import os
import re
import secrets
import shutil
import stat
import time

# What the web server needs, as plugins/writer/modes.py makes it: files read, folders
# read and entered, by everyone
READ_BITS = {"file": 0o444, "dir": 0o555}


def _same_bytes(one, other):
    """Whether the two files hold the same bytes; not when one cannot be read (a file of
    the served release taken down by hand, ``chmod 0``: a changed file, not a traceback)."""
    try:
        with open(one, "rb") as left, open(other, "rb") as right:
            while True:
                chunk = left.read(1 << 20)
                if chunk != right.read(1 << 20):
                    return False
                if not chunk:
                    return True
    except OSError:
        return False


def keep_dates(new, previous):
    """Give every file of ``new`` holding the very bytes of the file at its path in
    ``previous`` that file's modification time (its access time stays); return the
    relative paths of the files found byte-identical (:func:`same_tree` need not read
    them again).

    nginx's ``Last-Modified`` and ``ETag`` are a file's modification time (and size).
    A build writes a complete site into a fresh folder: only the files linked from its
    caches (pages, compressed copies, the search bundle) were the same files as in the
    release before; every file written afresh (feeds, sitemap, theme assets, images,
    attachments, the web editor) had a new date at every release, so every feed reader
    and browser asking "changed since?" got the whole unchanged file again (200, not
    304) after each publish, the daily one too. Done here, where the previous release
    (or output) is beside the new one, rather than in the build: the files are written
    by Pelican, the plugins and Pagefind in many ways, and a build with empty caches (a
    new server, a wiped ``cache/``) has no old dates to give.

    A file linked from a cache's entry gives its date to the entry (nothing reads the
    entries' dates: the compression cache marks its use by the access time, kept here),
    so the next build links a file that already has it and reads nothing; but not when
    another file of ``new`` is that entry too without being the bytes its path had (a
    new or changed file must not get an old date). Only files of the same size and
    another date are read; a changed file keeps the build's new date, or gets the
    present time (a second after the old date at least) when that date is not after the
    one it replaces, in whole seconds as nginx's dates (a page put back as it was links
    the cache's older entry: a server answering "not modified since" would keep the
    reader on the newer text); another user's entry, whose date cannot be set, is
    replaced there by a copy of its own."""
    identical, dates, shared_by_changed, older = set(), {}, set(), {}
    for folder, _, names in os.walk(new):
        relative = os.path.relpath(folder, new)
        for name in names:
            path, before = os.path.join(folder, name), os.path.join(previous, relative, name)
            now = os.lstat(path)
            if not stat.S_ISREG(now.st_mode):
                continue
            file = (now.st_dev, now.st_ino)
            try:
                then = os.lstat(before)
            except OSError:  # a file the previous release did not have
                then = None
            if not (then is not None and stat.S_ISREG(then.st_mode)
                    and now.st_size == then.st_size
                    and (file == (then.st_dev, then.st_ino) or _same_bytes(path, before))):
                if now.st_nlink > 1:
                    shared_by_changed.add(file)
                # in whole seconds, as nginx's Last-Modified and ETag give it
                if then is not None and now.st_mtime_ns // 10**9 <= then.st_mtime_ns // 10**9:
                    # (a second after it at least: built within the second, it would not
                    # differ)
                    _, later, paths = older.get(file, (0, 0, ()))
                    later = max((then.st_mtime_ns // 10**9 + 1) * 10**9, later)
                    older[file] = (now.st_atime_ns, later, (*paths, path))
                continue
            identical.add(os.path.normpath(os.path.join(relative, name)))
            # a file of the build's own (no cache's entry: an attachment, a theme file,
            # a feed) becomes the previous one's, with its date: a release adds to the
            # disk what changed, not one more copy of every document (six copies of
            # every PDF with the five releases kept and the staging folder)
            if (now.st_nlink == 1 and file != (then.st_dev, then.st_ino)
                    and then.st_mode & READ_BITS["file"] == READ_BITS["file"]
                    and _share(before, path)):
                continue
            if now.st_mtime_ns != then.st_mtime_ns:  # not the very same file
                date, atime, _ = dates.get(file, (0, now.st_atime_ns, path))
                dates[file] = (max(date, then.st_mtime_ns), atime, path)
    for file, (date, atime, path) in dates.items():
        if file not in shared_by_changed:
            with contextlib.suppress(OSError):  # another user's file: it keeps its date
                os.utime(path, ns=(atime, date))
    present = time.time_ns()
    for atime, later, paths in older.values():
        try:
            os.utime(paths[0], ns=(atime, max(present, later)))
        except OSError:
            # another user's file (a cache entry of their builds, linked here): its date
            # cannot be set, and the old one must not stay: each such path its own copy
            for path in paths:
                _own_copy(path, atime, max(present, later))
    return identical


def _share(before, path):
    """Replace ``path`` by a hard link to ``before`` (a file with the same bytes) in one
    rename; False, ``path`` left as it was, when no link can be made (another user's
    file under the kernel's protected_hardlinks, another file system). Neither is ever
    changed in place afterwards: a release's files are only replaced or removed."""
    temporary = f"{path}.{secrets.token_hex(4)}.tmp"
    try:
        os.link(before, temporary)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return False
    return True


def _own_copy(path, atime, date):
    """Replace the file at ``path`` by a copy of its own, this user's, dated ``date``
    (nanoseconds); left as it was if the copy cannot be made."""
    temporary = f"{path}.{secrets.token_hex(4)}.tmp"
    try:
        shutil.copyfile(path, temporary)
        shutil.copymode(path, temporary)
        os.utime(temporary, ns=(atime, date))
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def same_tree(first, second, identical=frozenset(), carried=frozenset()):
    """Whether the folders hold the same files with the same bytes (names, links and
    contents; not dates, nor modes but the read and enter bits the web server needs:
    a release with a file it cannot read is no match for a build it can read).
    Builds are deterministic, and a file out of the build's caches is often the very
    same file (a hard link) in both. ``identical``: relative paths of files already
    found byte-identical (:func:`keep_dates`), not read again; ``carried``: those of
    ``second`` that are not its build's (:func:`carry_over`), left out."""
    def listing(folder):
        found = {}
        for parent, folders, names in os.walk(folder):
            folders.sort()
            for name in (*folders, *names):
                path = os.path.join(parent, name)
                kind = "link" if os.path.islink(path) else "dir" if name in folders else "file"
                found[os.path.relpath(path, folder)] = kind
        return found

    files = listing(first)
    if files != {path: kind for path, kind in listing(second).items() if path not in carried}:
        return False
    for relative, kind in files.items():
        one, other = os.path.join(first, relative), os.path.join(second, relative)
        if kind == "link":
            if os.readlink(one) != os.readlink(other):
                return False
            continue
        a, b = os.stat(one), os.stat(other)
        if a.st_mode & READ_BITS[kind] != b.st_mode & READ_BITS[kind]:
            return False
        if kind == "file" and relative not in identical:
            if (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino):
                continue
            if a.st_size != b.st_size or not _same_bytes(one, other):
                return False
    return True


# The files named by their content, which nginx lets browsers and CDNs keep for a year
# (deploy/nginx.conf's "immutable"), with their compressed copies
IMMUTABLE = re.compile(r"^(theme/.+\.[0-9a-f]{8,}\.[a-z0-9]+|immagini/_r/.+\.[0-9a-f]{8,}\."
                       r"(webp|jpg)|pagefind/(fragment|index|filter)/[^/]+|pagefind/pagefind"
                       r"\.[^/]+\.pf_meta)(\.gz|\.br)?$")
CARRIED = ".carried.json"  # beside a release: what it holds of the release before it
# The image variants are of the editors' pictures: one the new build has not is of a
# picture no published item shows any more (taken out of its article, replaced, its
# article taken down: a photo of people uploaded by mistake), and must go with it. Never
# carried: a page loaded from the release before shows no picture there until reloaded.
NOT_CARRIED = re.compile(r"^immagini/_r/")


def carried_file(release):
    """The list of the files ``release`` holds of the release before it: beside it."""
    return release.with_name(release.name + CARRIED)


def carried(release):
    """The relative paths (files and the folders made for them) of ``release`` that
    :func:`carry_over` gave it: not its build's."""
    try:
        return frozenset(json.loads(carried_file(release).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return frozenset()


def carry_over(new, previous):
    """Link into ``new`` the fingerprinted files of ``previous``'s own build that ``new``
    has not; return their relative paths, and those of the folders made for them.

    A page the reader loaded from the previous release just before the switch (or kept
    in a cache for its five minutes) still asks for that release's stylesheet and
    search index, by their names: after the switch they were 404s, and the
    search page open in a tab found nothing in the new release's place. Files carried
    into ``previous`` in turn are not carried again: one release back, no further. Image
    variants never are (:data:`NOT_CARRIED`): the picture would stay public, and until
    the next change of the site, which a build without news does not make.
    """
    before, made = carried(previous), []
    for parent, folders, names in os.walk(previous):
        folders.sort()
        for name in sorted(names):
            path = os.path.join(parent, name)
            relative = os.path.relpath(path, previous)
            target = new / relative
            if (relative in before or not IMMUTABLE.match(relative)
                    or NOT_CARRIED.match(relative) or os.path.islink(path)
                    or os.path.lexists(target)):
                continue
            missing = [folder for folder in [*reversed(target.parents)]
                       if new in folder.parents and not folder.exists()]
            try:
                for folder in missing:
                    folder.mkdir()
                    folder.chmod(0o755)
                    made.append(os.path.relpath(folder, new))
                try:
                    os.link(path, target)
                except OSError:  # another user's file (protected_hardlinks): a copy
                    shutil.copy2(path, target)
            except OSError:  # no room left: the release goes out without it
                with contextlib.suppress(OSError):
                    target.unlink()
                continue
            made.append(relative)
    return made
