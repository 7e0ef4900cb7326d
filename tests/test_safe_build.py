"""tools/safe_build.py: a failed build never replaces a built site (``build_into``: its
unchanged files keep their dates, the caller's extra settings all reach the build), and
the Pelican child process dies with the process that started it (killed, or stopped by
SIGTERM), its log read as UTF-8 whatever the locale.

The ``build_into`` tests fork their builds from the build server (``forked_safe_builds``);
the tests of the child process itself run the real one, with its own interpreter, through
a publish whose build is paused (``support.PAUSE_PLUGIN``): the tests decide when it goes
on, so nothing depends on timing.
"""

import os
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest
from support import (DATED, ROOT, WAIT, article, assert_complete, current, dates, is_dead,
                     kill_quietly, make_conf, make_release, start_publish,
                     wait_for_paused_build, write_content)

sys.path.insert(0, str(ROOT))
from tools import publish_root, publisher, safe_build  # noqa: E402


def wait_dead(pid):
    deadline = time.monotonic() + WAIT
    while not is_dead(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def running_with(text):
    """Processes whose command line contains ``text`` (a build's pool workers have
    their build's command line)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:  # not a process, or gone
            continue
        if entry.name.isdigit() and text.encode() in cmdline:
            found.append(int(entry.name))
    return found


def wait_all_dead(text):
    deadline = time.monotonic() + WAIT
    while running_with(text):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.mark.usefixtures("forked_safe_builds")
def test_build_into_keeps_the_old_output_when_the_build_fails(tmp_path):
    conf, content, output = make_conf(tmp_path), tmp_path / "content", tmp_path / "output"
    write_content(content, {"notizie/a.md": article(title="Prima versione")})
    assert safe_build.build_into(conf, output, content=content)
    first = (output / "2024/05/prima-versione/index.html").read_text(encoding="utf-8")
    write_content(content, {"notizie/b.md": article(title=None)})
    assert not safe_build.build_into(conf, output, content=content)
    assert (output / "2024/05/prima-versione/index.html").read_text(encoding="utf-8") == first
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".output")) == []


@pytest.mark.usefixtures("forked_safe_builds")
def test_a_builds_folders_left_by_an_interrupted_one_are_removed_once_stale(tmp_path):
    conf, content, output = make_conf(tmp_path), tmp_path / "content", tmp_path / "output"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    stale = [tmp_path / ".output-new-abc123", tmp_path / ".output-old-def456"]
    fresh = tmp_path / ".output-new-running"  # a build running now: kept
    for folder in (*stale, fresh):
        (folder / "sub").mkdir(parents=True)
    hours_ago = time.time() - 2 * 3600
    for folder in stale:
        os.utime(folder, (hours_ago, hours_ago))
    assert safe_build.build_into(conf, output, content=content)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".output")) == \
        [fresh.name]


@pytest.mark.usefixtures("forked_safe_builds")
def test_a_rebuild_keeps_the_date_of_every_file_whose_bytes_did_not_change(tmp_path):
    """nginx's ``Last-Modified`` and ``ETag`` are a file's date (and size). Only the
    files linked from the build's caches (pages, compressed copies) kept theirs: every
    file a build writes afresh (feeds, sitemap, theme assets, search index, images,
    attachments, the web editor) had a new date at every build, same bytes or not, so a
    feed reader or browser polling with ``If-Modified-Since`` / ``If-None-Match`` got
    the whole unchanged file again (200, not 304) after every publish."""
    conf, content, output = make_conf(tmp_path), tmp_path / "content", tmp_path / "output"
    write_content(content, DATED)
    assert safe_build.build_into(conf, output, content=content)
    before = dates(output)
    assert {"feeds/tutto.atom.xml", "feeds/tutto.rss.xml", "sitemap.xml", "allegati/uno.pdf",
            "pagefind/pagefind-entry.json", "immagini/foto.png", "admin/config.yml",
            "theme/logo.png", "feeds/tutto.atom.xml.gz"} <= set(before)
    assert safe_build.build_into(conf, output, content=content)
    after = dates(output)
    assert after.keys() == before.keys()
    assert [name for name in after if after[name] != before[name]] == []


@pytest.mark.usefixtures("forked_safe_builds")
def test_every_extra_setting_reaches_the_build(tmp_path):
    """Pelican keeps only the last ``-e``'s settings: a publish's own (its items file)
    replaced any given by the caller."""
    conf, content = make_conf(tmp_path), tmp_path / "content"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    output = tmp_path / "output"
    assert safe_build.build_into(conf, output, content=content, extra_settings=[
        'SITENAME="Primo nome"', 'SITESUBTITLE="Secondo sottotitolo"'])
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "Primo nome" in home and "Secondo sottotitolo" in home


def test_a_killed_publish_then_rollbacks_leave_a_complete_release_current(tmp_path):
    conf, content, root = make_conf(tmp_path, pause=True), tmp_path / "content", tmp_path / "pub"
    gate = tmp_path / "gate"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    (gate / "go").touch()
    first = publisher.publish(conf, root, content=content)
    assert first
    older = root / "releases" / "20000101-000000-000000"  # a second, older complete release
    shutil.copytree(first, older)
    (gate / "go").unlink()
    (gate / "pid").unlink()

    write_content(content, {"notizie/b.md": article(title="Due", date="2024-05-06")})
    publishing, child = start_publish(conf, root, content), None
    try:
        child = wait_for_paused_build(gate, publishing)
        # the build in progress, half written (beside it, its items file: tools/vanished.py)
        [partial] = [p for p in (root / "staging").iterdir() if p.is_dir()]
        assert (partial / "2024/05/due/index.html").is_file()
        assert not (partial / "sitemap.xml").exists()
        os.kill(publishing.pid, signal.SIGKILL)  # as a CI runner does on timeout
        publishing.wait(timeout=WAIT)
        assert wait_dead(child), "the pelican child outlived its killed parent"
        # and so did nothing it started (its pool workers compress pages meanwhile)
        assert wait_all_dead(str(conf)), running_with(str(conf))
    finally:
        kill_quietly(publishing, child)
    assert partial.is_dir()  # left behind: the next publish removes it
    assert current(root) == first.resolve()

    for expected in (older, older, older):
        publish_root.rollback(root)
        assert current(root) == expected
        assert_complete(current(root))

    (gate / "go").touch()
    third = publisher.publish(conf, root, content=content)
    assert third and current(root) == third
    assert list((root / "staging").iterdir()) == []
    assert (third / "2024/05/due/index.html").is_file()
    assert [r.name for r in publish_root.releases(root)] == [older.name, first.name, third.name]


def test_sigterm_stops_the_build_and_cleans_up(tmp_path):
    conf, content, root = make_conf(tmp_path, pause=True), tmp_path / "content", tmp_path / "pub"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    before = make_release(root, "20240101-100000-000000")
    publish_root.switch(root, before)
    publishing, child = start_publish(conf, root, content), None
    try:
        child = wait_for_paused_build(tmp_path / "gate", publishing)
        publishing.send_signal(signal.SIGTERM)
        assert publishing.wait(timeout=WAIT) == 128 + signal.SIGTERM
        assert is_dead(child)  # killed and reaped before the parent exited
    finally:
        kill_quietly(publishing, child)
    assert current(root) == before
    assert publish_root.releases(root) == [before]
    assert list((root / "staging").iterdir()) == []


def test_a_failed_build_is_reported_whatever_the_locale_pelicans_settings_left(tmp_path):
    """Reading the settings (to compare releases) left this process in Pelican's LOCALE,
    "C": the next build's Italian error ("non è una data valida") was read as ASCII, and
    the publish ended in a UnicodeDecodeError instead of refusing the release."""
    import locale  # noqa: PLC0415

    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    first = publisher.publish(conf, root, content=content)
    saved = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, "C")  # as Pelican's read_settings leaves it
        write_content(content, {"notizie/c.md": article(date="mai")})
        assert publisher.publish(conf, root, content=content) is None
        assert locale.setlocale(locale.LC_ALL) == "C"  # nothing else changed it
    finally:
        locale.setlocale(locale.LC_ALL, saved)
    assert current(root) == first.resolve()
