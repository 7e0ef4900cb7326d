"""The production release: build, check and switch, in a publish root
(``tools/publish_root.py``: its layout, lock and releases).

``publish(settings, root)``:

1. take the lock (non-blocking: a second publish fails at once, ``Busy``, or after
   ``wait`` seconds); a publish root this user cannot write into is ``NotWritable``;
2. remove what a killed publish left (``staging/*``, temporary links);
3. build into ``staging/<name>`` with Pelican in a child process that dies with
   this one (``safe_build.run_pelican``: Linux ``PR_SET_PDEATHSIG``; killed on Ctrl-C
   and SIGTERM too);
4. check it (``tools/release_check.py``: internal links, feeds, no drafts or
   future items), and compare it with the current release (``tools/vanished.py``):
   the articles and pages whose address would vanish are named, with the line that
   keeps each one (``indirizzi_precedenti``), and so are the feeds that would (a
   category left without articles): a warning, or with ``strict`` a refusal
   (``tools/publish_checks.py``);
5. only then give its files with the current release's bytes that release's dates
   (:func:`keep_dates`: nginx's ``ETag`` and ``Last-Modified``), link into it the
   fingerprinted files of that release it lacks (:func:`carry_over`: pages loaded
   from that one still find them), rename it into ``releases/`` (atomic: a release
   is complete the moment it appears there), switch ``current`` with one atomic
   rename of a fresh symlink, and remove all
   but the newest ``KEEP_RELEASES`` releases (moved out of ``releases/`` first,
   so never half-deleted there).

Any failure before 5 leaves ``current`` exactly as it was. ``rollback(root)``
(``tools/publish_root.py``) points ``current`` at the newest release older than the
current one.
"""

import json
import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

from plugins.italian import quanti
from tools import publish_checks, release_check, safe_build, unthrottled_log
from tools.previous_release import carried, carried_file, carry_over, keep_dates, same_tree
from tools.publish_root import (RELEASE_NAME, RELEASES, STAGING, clean, current, ensure_switchable,
                                ensure_writable, locked, prune, served_folder, switch)

logger = unthrottled_log.logger(__name__)


def publish(settings_file, root, extra_settings=(), content="content", siteurl=None,
            strict=False, wait=0, prepare=None):
    """Build, check and switch to a new release; return its path, or None on failure
    (build or check failed: ``current`` untouched, problems logged). A build identical to
    the current release (:func:`same_tree`) makes no new release: the current one is
    returned, and stays.

    ``siteurl`` (for the check) defaults to the settings' SITEURL. Addresses of articles
    and pages of the current release that the new one takes away are logged as a
    warning; with ``strict`` they refuse the release too. Raises ``Busy`` when another
    publish or rollback holds the lock (with ``wait``, still holds it after that many
    seconds: a publish for a push waits for the morning one to end), ``NotWritable``
    (before any work) when this user cannot write into the publish root, ``staging/``
    or ``releases/``. ``prepare``: called once the lock is held, before the build (the
    task's install of the web editor's npm packages: ``npm ci`` empties node_modules, so
    run by a publish waiting its turn it took them away from the running one's build).
    """
    root = Path(root).resolve()
    with locked(root, wait), safe_build.sigterm_as_exit():
        ensure_switchable(root)
        ensure_writable(root, root / STAGING, root / RELEASES)
        if prepare is not None:
            prepare()
        clean(root)
        served_folder(root / RELEASES)
        if siteurl is None:
            siteurl = publish_checks.siteurl_of(settings_file, extra_settings)
        # UTC: the names sort as the releases were made, clock changes or not (local time
        # repeats an hour each autumn, and rollback would pick the wrong one)
        name = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")
        staging = root / STAGING / name
        items = f"REDIRECTS_ITEMS_FILE={json.dumps(str(publish_checks.items_file(staging)))}"
        try:
            log = []
            # through the module: the tests' forked_safe_builds fixture replaces it there
            if not safe_build.run_pelican(settings_file, staging, [*extra_settings, items],
                                          content, log=log):
                logger.error("Compilazione non riuscita: il sito pubblicato non è stato toccato /"
                             " Build failed: the published site was not touched")
                return None
            # Any error logged stops a release, once the build has said everything: a
            # setting refused (a counter address on http, say) is replaced by its default,
            # which a preview may live with and the public site must not (the counter
            # would be silently off). (pelican --fatal errors stops at the first, with a
            # traceback, hiding the others.)
            errors = [line for line in log if safe_build.LOG_ERROR_RE.match(line)]
            if errors:
                logger.error("La compilazione ha segnalato %s: il sito pubblicato non è"
                             " stato toccato / the build logged %d error(s): the published"
                             " site was not touched", quanti(len(errors), "errore", "errori"),
                             len(errors))
                return None
            problems = release_check.check_release(staging, siteurl)
            if problems:
                publish_checks.report_problems(problems)
                return None
            # compared with the settings the build had, its -e ones too (the feeds'
            # folders, the attachments', the site's own addresses)
            gone = publish_checks.find_vanished(root, staging, settings_file, content, siteurl,
                                                extra_settings)
            if gone:
                publish_checks.report_vanished(gone, content, strict)
                if strict:
                    return None
            now = current(root)
            served = root / RELEASES / now if now and RELEASE_NAME.match(now) else None
            if served is not None and not served.is_dir():
                served = None
            # unchanged files keep the served release's dates, so nginx answers "not
            # modified" (304) for them after the switch (keep_dates)
            identical = keep_dates(staging, served) if served is not None else set()
            if served is not None and same_tree(staging, served, identical,
                                                carried(served)):
                # the morning build of a day without news: a new release would only push
                # the good ones out of the KEEP_RELEASES a rollback can go back to
                logger.warning("Nessuna modifica rispetto alla versione pubblicata (%s): resta"
                               " online quella / Nothing changed: %s stays current", now, now)
                return served
            # pages loaded from the served release keep finding its fingerprinted files
            brought = carry_over(staging, served) if served is not None else []
            staging.chmod(0o755)
            release = root / RELEASES / name
            if brought:  # before the release appears: never one without its list
                carried_file(release).write_text(json.dumps(brought), encoding="utf-8")
            os.rename(staging, release)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            publish_checks.items_file(staging).unlink(missing_ok=True)
        switch(root, release)
        prune(root, name)
        return release
