"""tools/publisher.py: a publish builds, checks and switches to a new release; a failed,
refused or concurrent build never replaces the published site.

Real publishes into a temporary publish root. Most fork their builds from the build server
(``forked_safe_builds``); those that need a build in progress run the real child process,
with a test plugin that pauses the build (``support.PAUSE_PLUGIN``): the tests decide when
the build goes on, so nothing depends on timing.
"""

import fcntl
import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone

import pytest
import samples
from support import (DATED, ROOT, SITE, WAIT, article, assert_complete, current, dates,
                     kill_quietly, make_conf, make_release, start_publish,
                     wait_for_paused_build, write_content)

sys.path.insert(0, str(ROOT))
from tools import previous_release, publish_root, publisher  # noqa: E402


@pytest.mark.usefixtures("forked_safe_builds")
def test_a_link_to_a_page_the_site_does_not_have_stops_a_publish_at_its_line(tmp_path,
                                                                            capsys):
    """Judged at the end of the build, once every file is written: the publish never gets
    to the release check (which named a built page, not the editor's file), and the site
    stays as it was."""
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    first = publisher.publish(conf, root, content=content)
    assert first is not None
    write_content(content, {"notizie/b.md": article(title="Due", date="2024-05-06",
                                                    body="Vedi [l'archivio](/archivo/).")})
    assert publisher.publish(conf, root, content=content) is None
    log = " ".join(capsys.readouterr().out.split())
    assert "notizie/b.md:6: il link /archivo/ porta a una pagina o a un file che il sito non" \
        " ha" in log, log
    assert "broken link" not in log  # the release check never ran
    assert current(root) == first.resolve() and len(publish_root.releases(root)) == 1
    assert list((root / "staging").iterdir()) == []


@pytest.mark.usefixtures("forked_safe_builds")
def test_publish_switches_atomically_and_rolls_back(tmp_path):
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    first = publisher.publish(conf, root, content=content)
    assert first and current(root) == first.resolve()
    write_content(content, {"notizie/b.md": article(title="Due", date="2024-05-06")})
    second = publisher.publish(conf, root, content=content)
    assert (root / "current" / "2024/05/due/index.html").is_file()
    write_content(content, {"notizie/c.md": article(date="mai")})
    assert publisher.publish(conf, root, content=content) is None
    assert current(root) == second.resolve()
    assert len(publish_root.releases(root)) == 2
    assert list((root / "staging").iterdir()) == []
    assert publish_root.rollback(root).resolve() == first.resolve()
    assert not (root / "current" / "2024/05/due/index.html").exists()
    assert publish_root.rollback(root) is None  # no earlier release: current untouched
    assert current(root) == first.resolve()


@pytest.mark.usefixtures("forked_safe_builds")
def test_pages_of_the_release_before_keep_finding_its_fingerprinted_files(tmp_path, caplog):
    """A page loaded from the served release just before a publish (or kept in a cache
    for its five minutes) asks for that release's fingerprinted files by name: the search
    page open in a tab got 404s for the old index after the switch (and found nothing),
    a stylesheet changed by the publish was a 404 too. The release before's are kept one
    release longer: not carried again, not making a morning build without news a new
    release. (Not its image variants: the next test.)"""
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    first = publisher.publish(conf, root, content=content)
    [first_meta] = (first / "pagefind").glob("pagefind.*.pf_meta")
    meta = first_meta.relative_to(first).as_posix()
    write_content(content, {"notizie/b.md": article(title="Due", date="2024-05-06")})
    second = publisher.publish(conf, root, content=content)
    assert second != first and current(root) == second
    assert (second / meta).read_bytes() == first_meta.read_bytes()  # the old index answers
    index = [path.relative_to(first).as_posix() for path in (first / "pagefind").rglob("*")
             if path.is_file() and previous_release.IMMUTABLE.match(
                 path.relative_to(first).as_posix())]
    assert len(index) > 2 and all((second / path).is_file() for path in index)
    assert meta in previous_release.carried(second)
    write_content(content, {"notizie/c.md": article(title="Tre", date="2024-05-07")})
    third = publisher.publish(conf, root, content=content)
    assert not (third / meta).exists()  # one release back, no further
    assert all((third / path).exists() for path in previous_release.carried(third))
    again = publisher.publish(conf, root, content=content)
    assert again == third and "Nessuna modifica" in caplog.text  # carried files are no change


@pytest.mark.usefixtures("forked_safe_builds")
def test_a_picture_taken_out_of_its_article_leaves_the_site_with_the_next_release(tmp_path,
                                                                                 caplog):
    """A photo of people published by mistake, taken out of the text: the next release
    has neither its file nor its variants. The variants were carried over from the
    release before as fingerprinted files, and stayed public until the site next changed
    (a morning build without news makes no new release)."""
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    photo = "![Persone alla festa]({static}/immagini/2024/persone.jpg)"
    write_content(content, {"immagini/2024/persone.jpg": samples.photo(800, 500),
                            "notizie/a.md": article(title="Uno", body=f"Testo.\n\n{photo}")})
    first = publisher.publish(conf, root, content=content)
    published = sorted(path.relative_to(first).as_posix()
                       for path in (first / "immagini").rglob("persone*"))
    assert "immagini/2024/persone.jpg" in published and len(published) > 1  # and variants
    write_content(content, {"notizie/a.md": article(title="Uno", body="Testo.")})
    second = publisher.publish(conf, root, content=content)
    assert second != first and current(root) == second
    assert not [path for path in published if (second / path).exists()]
    assert not [path for path in previous_release.carried(second) if "persone" in path]
    again = publisher.publish(conf, root, content=content)
    assert again == second and "Nessuna modifica" in caplog.text
    assert not list((root / "current" / "immagini").rglob("persone*"))


@pytest.mark.usefixtures("forked_safe_builds")
def test_a_rollback_keeps_the_left_release_s_fingerprinted_files_for_pages_loaded_from_it(
        tmp_path, caplog):
    """A rollback switched back without the release it left: a page loaded from that one
    (the search page open in a tab, a stylesheet changed by it) got 404s for its
    fingerprinted files, as after a publish before they were carried."""
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    first = publisher.publish(conf, root, content=content)
    write_content(content, {"notizie/b.md": article(title="Due", date="2024-05-06")})
    second = publisher.publish(conf, root, content=content)
    own = {path.relative_to(second).as_posix() for path in second.rglob("*")
           if path.is_file()
           and previous_release.IMMUTABLE.match(path.relative_to(second).as_posix())
           and path.relative_to(second).as_posix() not in previous_release.carried(second)}
    missing = {path for path in own if not (first / path).exists()}
    assert missing  # the second release's own index files, which the first has not
    assert publish_root.rollback(root) == first and current(root) == first
    assert all((first / path).is_file() for path in missing)
    assert missing <= previous_release.carried(first)
    (content / "notizie" / "b.md").unlink()  # back to the first release's content
    again = publisher.publish(conf, root, content=content)
    assert again == first and "Nessuna modifica" in caplog.text  # carried files are no change


@pytest.mark.usefixtures("forked_safe_builds")
def test_what_a_publish_prepares_is_done_under_its_lock(tmp_path):
    """The task installed the web editor's npm packages (``npm ci``, which empties
    node_modules) before taking the lock: a publish waiting its turn (``--wait``, CI's
    for a push) took them away from the running publish's build. Now done once the lock
    is held (``prepare``)."""
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    seen = []

    def prepare():
        with open(root / publish_root.LOCK_FILE, "rb") as other:  # another process's view
            try:
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                seen.append("locked")
            else:
                seen.append("free")

    assert publisher.publish(conf, root, content=content, prepare=prepare) is not None
    assert seen == ["locked"]
    task = (ROOT / "tasks.py").read_text(encoding="utf-8")
    body = task[task.index("def publish("):task.index("def _public_address(")]
    assert "prepare=_publish_prepare" in body and "node_setup." not in body
    prepared = task[task.index("def _publish_prepare("):task.index("def publish(")]
    assert "node_setup.ensure(" in prepared


# A publish stopped (systemd's TimeoutStartSec, CI's job) as it writes a release's list of
# carried files: SIGTERM arrives at that moment, as the open of the list is audited
TERMINATED_AT_THE_CARRIED_LIST = """
import os, signal, sys
sys.path.insert(0, sys.argv[1])
from tools import previous_release, publisher

def terminate(event, args):
    if event == "open" and str(args[0]).endswith(previous_release.CARRIED) and "w" in str(args[1]):
        os.kill(os.getpid(), signal.SIGTERM)

sys.addaudithook(terminate)
sys.exit(0 if publisher.publish(sys.argv[2], sys.argv[3], content=sys.argv[4]) else 1)
"""


@pytest.mark.usefixtures("forked_safe_builds")
def test_a_publish_stopped_at_its_carried_list_leaves_no_release_without_it(tmp_path,
                                                                            caplog):
    """The list was written after the release had appeared in ``releases/``: a publish
    stopped in between left a release holding the release before's files as its own. A
    rollback to it, and the next build identical to its own was "changed" (a new release,
    pushing a good one out of those kept), its files carried on two releases back."""
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    first = publisher.publish(conf, root, content=content)
    write_content(content, {"notizie/b.md": article(title="Due", date="2024-05-06")})
    stopped = subprocess.run([sys.executable, "-c", TERMINATED_AT_THE_CARRIED_LIST, str(ROOT),
                              str(conf), str(root), str(content)], cwd=ROOT,
                             capture_output=True, text=True, timeout=WAIT, check=False)
    assert stopped.returncode == 128 + signal.SIGTERM, stopped.stdout + stopped.stderr
    assert current(root) == first.resolve()
    for release in publish_root.releases(root):  # each with its list, or none at all
        assert release == first or previous_release.carried(release), release
    # the next publish goes on as if the stopped one had never run, leaving nothing of it
    # (nor the list of a release removed by hand)
    (root / "releases" / f"20240101-100000-000000{previous_release.CARRIED}").write_text("[]")
    second = publisher.publish(conf, root, content=content)
    assert current(root) == second and previous_release.carried(second)
    assert publish_root.releases(root) == [first, second]
    assert sorted(path.name for path in (root / "releases").glob(f"*{previous_release.CARRIED}")) \
        == [second.name + previous_release.CARRIED]


@pytest.mark.usefixtures("forked_safe_builds")
def test_a_build_identical_to_the_current_release_makes_no_new_release(tmp_path, caplog):
    """The morning build of a day without news: no new release, or five such mornings
    after a bad push would have pushed every good release out of those kept for rollback."""
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    first = publisher.publish(conf, root, content=content)
    again = publisher.publish(conf, root, content=content)
    assert again == first and current(root) == first.resolve()
    assert publish_root.releases(root) == [first]
    assert (f"Nessuna modifica rispetto alla versione pubblicata ({first.name}): resta online"
            " quella") in caplog.text
    assert list((root / "staging").iterdir()) == []
    write_content(content, {"notizie/b.md": article(title="Due", date="2024-05-06")})
    second = publisher.publish(conf, root, content=content)
    assert second != first and current(root) == second.resolve()
    assert len(publish_root.releases(root)) == 2


@pytest.mark.usefixtures("forked_safe_builds")
def test_the_publish_task_says_published_only_when_a_new_release_went_online(
        tmp_path, monkeypatch, capsys):
    """``./run publish`` of a build identical to the one online: the log said "Nessuna
    modifica … resta online quella", then the task's last line "Pubblicato / Published"
    with that old release, as if the morning's build had published something."""
    import invoke  # noqa: PLC0415
    import tasks  # noqa: PLC0415

    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    for key, value in (("settings_publish", conf), ("content", content),
                       ("publish_root", root)):
        monkeypatch.setitem(tasks.CONFIG, key, value)
    monkeypatch.setenv("SITEURL", SITE)
    monkeypatch.delenv("VISIT_COUNTER_URL", raising=False)
    tasks.publish(invoke.Context())
    first = publish_root.releases(root)[-1]
    assert capsys.readouterr().out.splitlines()[-1].startswith(f"Pubblicato / Published {first}")
    tasks.publish(invoke.Context())
    assert publish_root.releases(root) == [first]
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"Nessuna modifica: resta online {first} / Unchanged: {first} stays current")


@pytest.mark.usefixtures("forked_safe_builds")
def test_a_release_the_web_server_cannot_read_is_replaced_by_the_same_build(tmp_path):
    """A release with a file or a folder the web server cannot read (made before the
    build made its output readable, with ``umask 077``, or changed by hand) was kept as
    "nothing changed" by the next build, readable and byte for byte the same: publishing
    again left the site's home page and articles refused (403)."""
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    first = publisher.publish(conf, root, content=content)
    (first / "index.html").chmod(0o600)
    (first / "2024").chmod(0o700)
    second = publisher.publish(conf, root, content=content)
    assert second != first and current(root) == second.resolve()
    assert (second / "index.html").stat().st_mode & 0o444 == 0o444
    assert (second / "2024").stat().st_mode & 0o555 == 0o555


def same_bytes(one, other, name):
    return all((folder / name).is_file() for folder in (one, other)) \
        and (one / name).read_bytes() == (other / name).read_bytes()


@pytest.mark.usefixtures("forked_safe_builds")
def test_a_release_keeps_the_date_of_every_unchanged_file_and_a_changed_one_gets_a_new_one(
        tmp_path):
    """The same for ``publish`` (the releases nginx serves): one page changed, every other
    file keeps its date, the feeds included; then an article changed, and the feeds
    listing it get a new date, the others keep theirs."""
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    write_content(content, DATED)
    first = publisher.publish(conf, root, content=content)
    write_content(content, {"pages/chi-siamo.md": DATED["pages/chi-siamo.md"] + "Altro.\n"})
    second = publisher.publish(conf, root, content=content)
    assert first and second and second != first
    before, after = dates(first), dates(second)
    kept = {name for name in after if same_bytes(first, second, name)}
    assert "chi-siamo/index.html" not in kept
    assert after["chi-siamo/index.html"] > before["chi-siamo/index.html"]
    assert {"feeds/tutto.atom.xml", "feeds/tutto.rss.xml", "theme/logo.png",
            "allegati/uno.pdf", "immagini/foto.png"} <= kept
    assert [name for name in kept if after[name] != before[name]] == []

    changed = DATED["notizie/uno.md"].replace("Uno", "Uno bis")
    write_content(content, {"notizie/uno.md": changed})
    third = publisher.publish(conf, root, content=content)
    assert third and third != second
    later = dates(third)
    for feed in ("feeds/tutto.atom.xml", "feeds/tutto.rss.xml"):
        assert not same_bytes(second, third, feed)
        assert later[feed] > after[feed], feed
    for feed in ("feeds/categorie/avvisi.atom.xml", "feeds/categorie/avvisi.rss.xml"):
        assert same_bytes(second, third, feed)
        assert later[feed] == after[feed], feed


@pytest.mark.usefixtures("forked_safe_builds")
def test_a_release_shares_every_unchanged_file_with_the_one_before(tmp_path):
    """What a publish adds to the disk. Pages and compressed copies were links to the
    caches' entries, but every file the build writes itself (attachments, theme files,
    feeds, the web editor) was a copy of its own in each release: with five releases
    kept and the staging folder, six copies of every PDF of the site, the documents of
    years. Now each unchanged one is the release before's very file; a changed one is
    not, and the release before keeps its own bytes."""
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    write_content(content, DATED)
    first = publisher.publish(conf, root, content=content)
    # the files the build wrote itself (the others are links to the caches' entries)
    own = {name for name in dates(first) if (first / name).stat().st_nlink == 1}
    assert {"allegati/uno.pdf", "feeds/tutto.atom.xml", "theme/logo.png",
            "admin/config.yml"} <= own
    write_content(content, {"pages/chi-siamo.md": DATED["pages/chi-siamo.md"] + "Altro.\n"})
    second = publisher.publish(conf, root, content=content)
    assert first and second and second != first
    kept = {name for name in own if same_bytes(first, second, name)}
    assert {"allegati/uno.pdf", "feeds/tutto.atom.xml", "theme/logo.png"} <= kept
    assert [name for name in kept if not os.path.samefile(first / name, second / name)] == []
    assert not os.path.samefile(first / "chi-siamo" / "index.html",
                                second / "chi-siamo" / "index.html")
    assert "Altro." not in (first / "chi-siamo" / "index.html").read_text(encoding="utf-8")
    # nothing the build left but the releases' own files, readable by the web server
    assert [path.name for path in second.rglob("*.tmp")] == []
    assert all(path.stat().st_mode & 0o444 == 0o444 for path in second.rglob("*")
               if path.is_file())


@pytest.mark.usefixtures("forked_safe_builds")
def test_releases_are_named_in_utc_whatever_the_local_time(tmp_path, monkeypatch):
    """Local time repeats an hour each autumn: releases named by it would sort wrongly
    and rollback would pick the wrong one."""
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    monkeypatch.setenv("TZ", "Asia/Kolkata")  # UTC+05:30 all year: no doubt which it is
    time.tzset()
    try:
        release = publisher.publish(conf, root, content=content)
    finally:
        monkeypatch.undo()
        time.tzset()
    named = datetime.strptime(release.name, "%Y%m%d-%H%M%S-%f").replace(tzinfo=timezone.utc)
    assert abs((datetime.now(timezone.utc) - named).total_seconds()) < 600, release.name


def test_a_publish_under_umask_077_is_readable_by_the_web_server(tmp_path):
    """nginx (www-data) goes through the publish root, releases/ and the release to
    every file: all of them 0755, the files 0644, whoever published with what umask."""
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    previous = os.umask(0o077)
    try:
        release = publisher.publish(conf, root, content=content)
    finally:
        os.umask(previous)
    assert release and current(root) == release.resolve()
    assert (root / "staging").stat().st_mode & 0o777 == 0o700  # the umask was in force
    for folder in (root, root / "releases", release):
        assert folder.stat().st_mode & 0o777 == 0o755, folder
    modes = {path.stat().st_mode & 0o777 for path in release.rglob("*")}
    assert modes == {0o755, 0o644}


def test_a_second_publish_fails_at_once_while_one_is_running(tmp_path):
    conf, content, root = make_conf(tmp_path, pause=True), tmp_path / "content", tmp_path / "pub"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    publishing, child = start_publish(conf, root, content), None
    try:
        child = wait_for_paused_build(tmp_path / "gate", publishing)
        with pytest.raises(publish_root.Busy, match="another publish is running"):
            publisher.publish(conf, root, content=content)
        with pytest.raises(publish_root.Busy, match="another publish is running"):
            publish_root.rollback(root)
        # the task: a message and a non-zero exit status, before any build
        env = dict(os.environ, PUBLISH_ROOT=str(root), SITEURL=SITE)
        task = subprocess.run([sys.executable, "-m", "invoke", "publish"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=WAIT, check=False)
        assert task.returncode != 0
        assert "another publish is running" in task.stderr
        assert not (root / "current").exists()
        (tmp_path / "gate" / "go").touch()
        assert publishing.wait(timeout=WAIT) == 0, publishing.stdout.read()
    finally:
        kill_quietly(publishing, child)
    [release] = publish_root.releases(root)
    assert current(root) == release
    assert_complete(release)
    assert (release / "2024/05/uno/index.html").is_file()
    assert list((root / "staging").iterdir()) == []


def test_a_publish_told_to_wait_publishes_after_the_one_running(tmp_path):
    """CI's publish over ssh for a push (README "Your own server") failed at once while the
    morning build was running: the push's news, copied there by rsync, stayed off the site
    until the next morning. With ``wait`` it waits for the running one, then publishes."""
    conf, content, root = make_conf(tmp_path, pause=True), tmp_path / "content", tmp_path / "pub"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    morning, child, push = start_publish(conf, root, content), None, None
    try:
        child = wait_for_paused_build(tmp_path / "gate", morning)
        write_content(content, {"notizie/b.md": article(title="Due", date="2024-05-06")})
        push = start_publish(conf, root, content, wait=WAIT)
        for line in push.stdout:  # it waits, and says so, in both languages, how long
            if "Un'altra pubblicazione è in corso" in line:
                assert f"attendo che finisca, al massimo {WAIT // 60} minuti" in line, line
                assert f"(pid {morning.pid}): waiting up to {WAIT // 60} min" in line, line
                break
        else:
            pytest.fail(f"the second publish ended ({push.wait()}) without waiting")
        assert push.poll() is None and not (root / "current").exists()
        (tmp_path / "gate" / "go").touch()
        assert morning.wait(timeout=WAIT) == 0, morning.stdout.read()
        assert push.wait(timeout=WAIT) == 0, push.stdout.read()
    finally:
        kill_quietly(morning, child)
        if push is not None:
            kill_quietly(push)
    first, second = publish_root.releases(root)
    assert not (first / "2024/05/due/index.html").exists()
    assert current(root) == second and (second / "2024/05/due/index.html").is_file()
    # waiting has an end: Busy as before, saying how long it waited
    with publish_root.locked(root), pytest.raises(publish_root.Busy, match="waited 0.5 s"):
        publisher.publish(conf, root, content=content, wait=0.5)


def one_release_live(tmp_path, settings):
    """``(conf, content, root, before)``: the test settings with ``settings`` (lines of
    Python) added, one article to publish, and a hand-made release ``before`` current
    under ``root``, which a refused publish must leave current."""
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "pub"
    with conf.open("a", encoding="utf-8") as handle:
        handle.write(settings)
    before = make_release(root, "20240101-100000-000000")
    publish_root.switch(root, before)
    write_content(content, {"notizie/a.md": article(title="Uno")})
    return conf, content, root, before


@pytest.mark.usefixtures("forked_safe_builds")
def test_a_release_with_a_broken_internal_link_is_refused(tmp_path, caplog):
    """A link the build does not judge (one an editor types in an item stops the build
    first, at its line: test_a_link_to_a_page_the_site_does_not_have_stops_a_publish…):
    here the header's menu, a setting, to a page the content does not have."""
    conf, content, root, before = one_release_live(
        tmp_path, "NAV_LINKS = [*NAV_LINKS, ('Altro', 'non-esiste/')]\n")
    assert publisher.publish(conf, root, content=content) is None
    assert f"2024/05/uno/index.html: broken link {SITE}/non-esiste/" in caplog.text, caplog.text
    assert current(root) == before
    assert publish_root.releases(root) == [before]
    assert list((root / "staging").iterdir()) == []


@pytest.mark.usefixtures("forked_safe_builds")
def test_an_error_the_build_logs_refuses_the_release(tmp_path):
    """A setting refused (a counter on http for an https site) is replaced by its default
    and logged as an error: a preview lives with it, a release must not (the live site
    would lose its counter, with the run green)."""
    conf, content, root, before = one_release_live(
        tmp_path, 'VISIT_COUNTER_URL = "http://stats.example.org"\n')
    assert publisher.publish(conf, root, content=content) is None
    assert current(root) == before and publish_root.releases(root) == [before]


@pytest.mark.usefixtures("forked_safe_builds")
def test_a_release_whose_feeds_have_relative_ids_or_self_links_is_refused(tmp_path, caplog):
    """RFC 4287: an Atom id is an absolute IRI, and so is the feed's own address for a
    reader to subscribe to. Built without the site's address (settings with SITEURL and
    FEED_DOMAIN empty), every feed's id and self link were site paths, and every page's
    link resolved: the release check let it go live."""
    conf, content, root, before = one_release_live(tmp_path,
                                                   'SITEURL = ""\nFEED_DOMAIN = ""\n')
    assert publisher.publish(conf, root, content=content, siteurl=SITE) is None
    for problem in ("feeds/tutto.atom.xml: id /feeds/tutto.atom.xml is not an absolute IRI",
                    "feeds/tutto.atom.xml: self link /feeds/tutto.atom.xml is not an absolute"
                    " IRI",
                    "feeds/tutto.rss.xml: self link /feeds/tutto.rss.xml is not an absolute"
                    " IRI"):
        assert problem in caplog.text, caplog.text
    assert "broken link" not in caplog.text  # the pages' links were fine
    assert current(root) == before and publish_root.releases(root) == [before]
    assert list((root / "staging").iterdir()) == []
