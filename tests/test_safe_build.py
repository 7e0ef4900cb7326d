"""A failed, refused, concurrent or killed build never replaces a built or published site.

The publish tests run real builds. Those that need a build in progress use a
test plugin (written into tmp_path) that pauses the build after the articles are
written, records its pid and waits for a "go" file: the tests decide when the
build goes on, so nothing depends on timing.
"""

import json
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
import samples
from support import ROOT, article, shared_cache_settings, write_content

sys.path.insert(0, str(ROOT))
from tools import (previous_release, publish_checks, publish_root, publisher,  # noqa: E402
                   safe_build)

SITE = "https://example.org"
WAIT = 120  # seconds: an upper bound for a build on a loaded machine, never a pause

PAUSE_PLUGIN = '''
"""Test plugin: pause the build after the articles are written until GATE/go exists."""
import os
import time
from pathlib import Path

from pelican import signals


def pause(generator, writer):
    gate = Path(generator.settings["PAUSE_GATE"])
    (gate / "pid.tmp").write_text(str(os.getpid()))
    os.replace(gate / "pid.tmp", gate / "pid")
    deadline = time.monotonic() + 600  # far beyond WAIT: a surviving build is noticed
    while not (gate / "go").exists() and time.monotonic() < deadline:
        time.sleep(0.05)


def register():
    signals.article_writer_finalized.connect(pause)
'''


def make_conf(tmp_path, pause=False):
    """Test settings; with ``pause``, builds wait at ``tmp_path/gate`` (see above). The
    caches in ``tmp_path/cache`` (Pelican's default, ``cache`` in the folder the build runs
    in, was the working tree's), those the run's builds share in their shared folders."""
    conf = tmp_path / "conf.py"
    caches = "".join(f"{name} = {folder!r}\n" for name, folder in shared_cache_settings().items())
    text = (f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
            f"SITEURL = {SITE!r}\nFEED_DOMAIN = SITEURL\n"
            f"CACHE_PATH = {str(tmp_path / 'cache')!r}\n{caches}"
            # the test content has none of the project's pages: no links to them (a
            # publish checks every link)
            "NAV_LINKS = [link for link in NAV_LINKS if link[1] in ('archivio/', 'documenti/')]\n"
            "FOOTER_LINKS = []\n")
    if pause:
        plugins, gate = tmp_path / "test_plugins", tmp_path / "gate"
        plugins.mkdir()
        gate.mkdir()
        (plugins / "pause_build.py").write_text(PAUSE_PLUGIN, encoding="utf-8")
        text += (f"PLUGIN_PATHS = PLUGIN_PATHS + [{str(plugins)!r}]\n"
                 "PLUGINS = PLUGINS + ['pause_build']\n"
                 f"PAUSE_GATE = {str(gate)!r}\n")
    conf.write_text(text, encoding="utf-8")
    return conf


def start_publish(conf, root, content, wait=0):
    """``publisher.publish`` in a child process, as a deploy job runs it."""
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from tools import publisher; "
            f"sys.exit(0 if publisher.publish({str(conf)!r}, {str(root)!r}, "
            f"content={str(content)!r}{f', wait={wait}' if wait else ''}) else 1)")
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def wait_for_paused_build(gate, publishing):
    """The pid of the publishing process's pelican child, once it has paused (see PAUSE_PLUGIN)."""
    deadline = time.monotonic() + WAIT
    while not (gate / "pid").exists():
        if publishing.poll() is not None:
            pytest.fail(f"publish ended early ({publishing.returncode}):\n"
                        f"{publishing.stdout.read()}")
        assert time.monotonic() < deadline, "the build never reached the pause"
        time.sleep(0.05)
    return int((gate / "pid").read_text())


def is_dead(pid):
    """Gone, or a zombie not yet reaped by init: no longer running either way."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return True
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")


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


def kill_quietly(process, pid=None):
    """Never leave a process (or an open pipe) behind, whatever the test's outcome."""
    if process.poll() is None:
        process.kill()
        process.wait()
    process.stdout.close()
    if pid is not None and not is_dead(pid):
        os.kill(pid, signal.SIGKILL)


def make_release(root, name):
    """A hand-made complete release, for tests that need one without a build."""
    release = root / "releases" / name
    (release / "theme" / "css").mkdir(parents=True)
    (release / "index.html").write_text(f"<title>{name}</title>", encoding="utf-8")
    (release / "theme" / "css" / "base.css").write_text("", encoding="utf-8")
    (release / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    return release


def current(root):
    return (root / "current").resolve()


def assert_complete(release):
    for name in ("index.html", "sitemap.xml"):
        assert (release / name).is_file(), f"{release} has no {name}"
    # the stylesheet: theme/css/site.<hash>.css in a real build (plugins/assets)
    assert list((release / "theme" / "css").glob("*.css")), f"{release} has no stylesheet"
    assert release.parent.name == "releases" and publish_root.RELEASE_NAME.match(release.name)


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


# A small site with a file of every kind a build writes: pages, feeds, the sitemap, the
# search index, the theme's assets, an image and its variants, an attachment and its preview.
LONG = "Un paragrafo breve.\n\n" + "Testo. " * 300  # pages and feeds of over 1 kB
DATED = {"notizie/uno.md": article(title="Uno", attachments=["allegati/uno.pdf"],
                                   body=LONG + "\n\n![Una foto]({static}/immagini/foto.png)"),
         "avvisi/due.md": article(title="Due", date="2024-05-06", body=LONG),
         "pages/chi-siamo.md": "---\ntitle: Chi siamo\n---\n" + LONG + "\n",
         "immagini/foto.png": samples.image(size=(1200, 800)),
         "allegati/uno.pdf": samples.text_pdf("Il documento allegato.")}


def dates(folder):
    """``{relative path: modification time (ns)}`` of every file under ``folder``."""
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns
            for p in folder.rglob("*") if p.is_file()}


def same_bytes(one, other, name):
    return all((folder / name).is_file() for folder in (one, other)) \
        and (one / name).read_bytes() == (other / name).read_bytes()


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


def test_same_tree_compares_names_links_and_bytes(tmp_path):
    one, other = tmp_path / "one", tmp_path / "other"
    for folder in (one, other):
        write_content(folder, {"index.html": "<p>Ciao</p>", "a/b.xml": "<x/>"})
        (folder / "a" / "vuota").mkdir()
        (folder / "ultima").symlink_to("a")
    assert previous_release.same_tree(one, other)
    (other / "a" / "b.xml").write_text("<y/>")  # same size, other bytes
    assert not previous_release.same_tree(one, other)
    (other / "a" / "b.xml").write_text("<x/>")
    (other / "a" / "vuota").rmdir()
    assert not previous_release.same_tree(one, other)
    (other / "a" / "vuota").mkdir()
    (other / "ultima").unlink()
    (other / "ultima").symlink_to("index.html")
    assert not previous_release.same_tree(one, other)


def test_keep_dates_gives_a_file_its_old_date_only_for_the_same_bytes(tmp_path):
    """A file linked from a cache's entry gives its old date to the entry, but not when
    another file of the build is that entry with other bytes than its path had: the
    changed file would get an old date (nginx: "not modified" since then)."""
    old, new, cache = tmp_path / "old", tmp_path / "new", tmp_path / "cache"
    write_content(old, {"a.xml": "<a/>", "b.xml": "<b/>", "sub/c.xml": "<c/>",
                        "d.xml": "<d/>", "e.xml": "<e/>"})
    yesterday = time.time() - 86400
    for path in old.rglob("*.xml"):
        os.utime(path, (yesterday, yesterday))
    write_content(new, {"a.xml": "<a/>", "b.xml": "<B/>", "nuovo.xml": "<a/>"})
    write_content(cache, {"c": "<c/>", "d": "<d/>"})  # entries linked by the build
    (new / "sub").mkdir()
    os.link(cache / "c", new / "sub" / "c.xml")
    os.link(cache / "d", new / "d.xml")
    os.link(cache / "d", new / "e.xml")  # a changed file: <e/> before
    hour_ago = time.time() - 3600
    os.utime(cache / "c", (hour_ago, time.time()))  # its use marked an hour ago
    made = dates(new)
    assert previous_release.keep_dates(new, old) == {"a.xml", "sub/c.xml", "d.xml"}
    after = dates(new)
    for name in ("a.xml", "sub/c.xml"):
        assert abs(after[name] / 1e9 - yesterday) < 1, name
    assert abs((cache / "c").stat().st_atime - hour_ago) < 1  # still marked as then
    for name in ("b.xml", "nuovo.xml", "d.xml", "e.xml"):  # changed, new, shared with e.xml
        assert after[name] == made[name], name


def test_a_page_put_back_as_it_was_gets_a_date_after_the_one_it_replaces(tmp_path):
    """A page edited, published, then put back: the build links the cache's entry of its
    first text, dated before the edited page the readers hold; a server answering "not
    modified since" (Python's in ``./run serve``; nginx with ``if_modified_since
    before``) kept them on the edited text. A changed file's date is now never before
    the one it replaces; an unchanged one still keeps its own."""
    old, new, cache = tmp_path / "old", tmp_path / "new", tmp_path / "cache"
    write_content(old, {"pagina.html": "<p>modificata</p>", "altra.html": "<p>uguale</p>"})
    write_content(cache, {"prima": "<p>com'era</p>"})
    two_days_ago, yesterday = time.time() - 2 * 86400, time.time() - 86400
    os.utime(cache / "prima", (two_days_ago, two_days_ago))
    for path in old.iterdir():
        os.utime(path, (yesterday, yesterday))
    write_content(new, {"altra.html": "<p>uguale</p>"})
    os.link(cache / "prima", new / "pagina.html")
    started = time.time()
    assert previous_release.keep_dates(new, old) == {"altra.html"}
    assert (new / "pagina.html").stat().st_mtime >= started - 1
    assert abs((new / "altra.html").stat().st_mtime - yesterday) < 1


UNREADABLE = """
import json, os, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from tools import previous_release
old, new = Path(sys.argv[1], "old"), Path(sys.argv[1], "new")
for folder in (old, new):
    (folder / "allegati").mkdir(parents=True)
    (folder / "allegati" / "verbale.pdf").write_bytes(b"%PDF-1.4 il verbale")
    (folder / "a.xml").write_text("<a/>")
yesterday = time.time() - 86400
for path in (old / "a.xml", old / "allegati" / "verbale.pdf"):
    os.utime(path, (yesterday, yesterday))
(old / "allegati" / "verbale.pdf").chmod(0)  # taken down by hand: nginx answers 403
identical = previous_release.keep_dates(new, old)
print(json.dumps({"identical": sorted(identical),
                  "same": previous_release.same_tree(new, old, identical),
                  "kept": abs((new / "a.xml").stat().st_mtime - yesterday) < 1,
                  "new date": (new / "allegati" / "verbale.pdf").stat().st_mtime > yesterday + 1}))
"""


def test_a_file_of_the_release_its_owner_cannot_read_is_a_changed_file(tmp_path):
    """A file of the served release that the publishing user may not read (an attachment
    taken down by hand at once, ``chmod 0``): keep_dates read it to compare its bytes,
    and the next publish stopped with a traceback (PermissionError), where same_tree had
    compared its mode first and made a new release with the file readable. As root, run
    without the capabilities by which root reads any file."""
    import json  # noqa: PLC0415

    unprivileged = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] \
        if os.geteuid() == 0 else []
    task = subprocess.run([*unprivileged, sys.executable, "-c", UNREADABLE, str(tmp_path),
                           str(ROOT)], capture_output=True, text=True, timeout=WAIT,
                          check=False)
    assert task.returncode == 0, task.stderr
    assert json.loads(task.stdout) == {"identical": ["a.xml"], "same": False, "kept": True,
                                       "new date": True}


ANOTHER_USERS_ENTRY = """
import json, os, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from tools import previous_release
old, new, cache = (Path(sys.argv[1], name) for name in ("old", "new", "cache"))
started = time.time()
identical = previous_release.keep_dates(new, old)
page, entry = (new / "pagina.html").stat(), (cache / "prima").stat()
print(json.dumps({"identical": sorted(identical), "later": page.st_mtime > started - 1,
                  "text": (new / "pagina.html").read_text(), "mode": oct(page.st_mode & 0o777),
                  "entry untouched": entry.st_mtime < started - 86400}))
"""


def test_a_page_put_back_linking_another_user_s_cache_entry_gets_a_later_date_too(tmp_path):
    """The cache's older entry a page put back links may be another user's (a cache/
    shared with a preview run by another user, group-writable, so the kernel lets it be
    linked): its date could not be set, and the page was published dated before the one
    it replaced ("not modified since" kept readers on the edited text). It gets a copy
    of its own with the later date. As root, run without the capability by which root
    sets the date of anyone's file."""
    import json  # noqa: PLC0415

    if os.geteuid() != 0:
        pytest.skip("making a file of another user needs root")
    old, new, cache = tmp_path / "old", tmp_path / "new", tmp_path / "cache"
    write_content(old, {"pagina.html": "<p>modificata</p>", "altra.html": "<p>uguale</p>"})
    write_content(cache, {"prima": "<p>com'era</p>"})
    two_days_ago, yesterday = time.time() - 2 * 86400, time.time() - 86400
    os.utime(cache / "prima", (two_days_ago, two_days_ago))
    (cache / "prima").chmod(0o664)
    os.chown(cache / "prima", 65534, 65534)
    for path in old.iterdir():
        os.utime(path, (yesterday, yesterday))
    write_content(new, {"altra.html": "<p>uguale</p>"})
    os.link(cache / "prima", new / "pagina.html")
    task = subprocess.run(["setpriv", "--bounding-set=-fowner", sys.executable, "-c",
                           ANOTHER_USERS_ENTRY, str(tmp_path), str(ROOT)],
                          capture_output=True, text=True, timeout=WAIT, check=False)
    assert task.returncode == 0, task.stderr
    assert json.loads(task.stdout) == {"identical": ["altra.html"], "later": True,
                                       "text": "<p>com'era</p>", "mode": "0o664",
                                       "entry untouched": True}
    assert sorted(path.name for path in new.iterdir()) == ["altra.html", "pagina.html"]


def test_a_changed_file_of_the_same_size_and_second_gets_a_later_second(tmp_path):
    """nginx's ETag is a file's size and its date in whole seconds: a changed file of the
    same size written in the same second as the one it replaces (two builds within a
    second) would be answered "not modified" with the old text."""
    old, new = tmp_path / "old", tmp_path / "new"
    write_content(old, {"feeds/tutto.atom.xml": "<feed>uno</feed>"})
    write_content(new, {"feeds/tutto.atom.xml": "<feed>due</feed>"})
    second = (time.time_ns() // 10**9 + 30) * 10**9  # in the future: "now" is before it
    os.utime(old / "feeds" / "tutto.atom.xml", ns=(second, second + 100))
    os.utime(new / "feeds" / "tutto.atom.xml", ns=(second, second + 900_000_000))
    assert previous_release.keep_dates(new, old) == set()
    assert (new / "feeds" / "tutto.atom.xml").stat().st_mtime_ns // 10**9 > second // 10**9


@pytest.mark.usefixtures("forked_safe_builds")
def test_a_current_that_is_a_real_folder_is_a_clear_refusal_before_any_work(tmp_path):
    """An earlier deploy may have made public/current a folder: it cannot be switched
    atomically; nothing is built or moved, the deployer is told what to do."""
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    (root / "current").mkdir(parents=True)
    (root / "current" / "index.html").write_text("vecchio")
    for action in (lambda: publisher.publish(conf, root, content=content),
                   lambda: publish_root.rollback(root)):
        with pytest.raises(publish_root.NotALink, match="è una cartella, non un collegamento"):
            action()
    assert (root / "current" / "index.html").read_text() == "vecchio"
    assert not (root / publish_root.RELEASES).exists() or not publish_root.releases(root)


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


def test_partial_folders_are_never_rollback_candidates(tmp_path):
    root = tmp_path / "public"
    older = make_release(root, "20240101-100000-000000")
    newer = make_release(root, "20240102-100000-000000")
    # what an older version left in releases/ (a hidden folder sorts before every
    # release), a killed build in staging/, and stray entries that are no releases
    (root / "releases" / ".20240103-100000-000000-building" / "2024").mkdir(parents=True)
    (root / "releases" / "20231231-100000-000000.tmp").mkdir()
    (root / "releases" / "20231230-100000-000000").symlink_to(older)
    (root / "staging" / "20231229-100000-000000" / "2024").mkdir(parents=True)
    assert publish_root.releases(root) == [older, newer]

    publish_root.switch(root, older)  # rollback from the oldest real release
    assert publish_root.rollback(root) is None
    assert current(root) == older

    publish_root.switch(root, newer)
    for _ in range(3):
        publish_root.rollback(root)
        assert current(root) == older
    assert sorted(p.name for p in root.iterdir()) == [".publish.lock", "current", "releases",
                                                      "staging"]  # no temporary links left


def test_rollback_repairs_a_current_that_is_no_release(tmp_path):
    root = tmp_path / "public"
    assert publish_root.rollback(root) is None and not (root / "current").exists()
    older = make_release(root, "20240101-100000-000000")
    newer = make_release(root, "20240102-100000-000000")
    (root / "releases" / ".20240103-100000-000000-building").mkdir()
    (root / "current").symlink_to("releases/.20240103-100000-000000-building")  # the old bug
    assert publish_root.rollback(root) == newer and current(root) == newer
    assert publish_root.rollback(root) == older


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


@pytest.mark.usefixtures("forked_safe_builds")
def test_a_release_with_a_broken_internal_link_is_refused(tmp_path, caplog):
    """A link the build does not judge (one an editor types in an item stops the build
    first, at its line: test_a_link_to_a_page_the_site_does_not_have_stops_a_publish…):
    here the header's menu, a setting, to a page the content does not have."""
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "pub"
    with conf.open("a", encoding="utf-8") as settings:
        settings.write("NAV_LINKS = [*NAV_LINKS, ('Altro', 'non-esiste/')]\n")
    before = make_release(root, "20240101-100000-000000")
    publish_root.switch(root, before)
    write_content(content, {"notizie/a.md": article(title="Uno")})
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
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "pub"
    with conf.open("a", encoding="utf-8") as settings:
        settings.write('VISIT_COUNTER_URL = "http://stats.example.org"\n')
    before = make_release(root, "20240101-100000-000000")
    publish_root.switch(root, before)
    write_content(content, {"notizie/a.md": article(title="Uno")})
    assert publisher.publish(conf, root, content=content) is None
    assert current(root) == before and publish_root.releases(root) == [before]


@pytest.mark.parametrize(("siteurl", "message"), [
    ("http://www.example.org", "SITEURL deve cominciare con https://"),
    ("", "SITEURL non impostato"),
    # every absolute address (sitemap, feeds, canonical) begins with it: "https://" alone
    # published https:/2024/05/…
    ("https://", "SITEURL non è l'indirizzo del sito"),
])
def test_the_publish_task_refuses_a_siteurl_browsers_would_block(tmp_path, siteurl, message):
    env = dict(os.environ, PUBLISH_ROOT=str(tmp_path / "pub"), SITEURL=siteurl)
    task = subprocess.run([sys.executable, "-m", "invoke", "publish"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=WAIT, check=False)
    assert task.returncode == 1 and message in task.stderr
    assert not (tmp_path / "pub").exists()  # before any work


@pytest.mark.parametrize(("variables", "status", "message"), [
    ({"SITEURL": ""}, 1, "SITEURL non impostato"),
    ({"SITEURL": "https://"}, 1, "SITEURL must be https://host[/path]"),
    ({"SITEURL": "https://www.example.org/?lang=it"}, 1, "SITEURL non è l'indirizzo del sito"),
    ({"SITEURL": "https://www.example.org "}, 1, "SITEURL non è l'indirizzo del sito"),
    ({"SITEURL": "https://www.example.org/farelegami/"}, 0, "Publish settings valid"),
    ({"SITEURL": "https://www.example.org", "VISIT_COUNTER_URL": "http://stats.example.org"},
     1, "VISIT_COUNTER_URL: 'http://stats.example.org' must be an https:// address"),
    # the development counter's address copied into the repository variable: every
    # reader's browser would have asked its own computer
    ({"SITEURL": "https://www.example.org", "VISIT_COUNTER_URL": "http://localhost:8001"},
     1, "VISIT_COUNTER_URL indica questo computer (localhost)"),
    ({"SITEURL": "https://www.example.org", "VISIT_COUNTER_URL": "https://127.0.0.1/"},
     1, "VISIT_COUNTER_URL names this machine"),
    ({"SITEURL": "http://localhost:8080", "VISIT_COUNTER_URL": "http://localhost:8001"},
     0, "Publish settings valid"),  # a release tried on this machine
    ({"SITEURL": "https://www.example.org", "ADMIN_REPO": "farelegami"},
     1, "ADMIN_REPO: must be the repository as owner/name"),
    ({"SITEURL": "https://www.example.org", "VISIT_COUNTER_URL": "https://stats.example.org",
      "ADMIN_REPO": "comune/farelegami"}, 0, "Publish settings valid"),
])
def test_the_workflow_s_first_step_finds_what_the_publish_would_stop_on(tmp_path, variables,
                                                                        status, message):
    """The deploy workflow's first step (``publish --settings-only``): a repository
    variable unset or wrong failed only at the publish step, after the whole test
    suite. Now in seconds, on what the publish itself would stop on, building nothing."""
    env = {name: value for name, value in os.environ.items()
           if name not in ("SITEURL", "VISIT_COUNTER_URL") and not name.startswith("ADMIN_")}
    env.update(variables, PUBLISH_ROOT=str(tmp_path / "pub"))
    task = subprocess.run([sys.executable, "-m", "invoke", "publish", "--settings-only"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=WAIT,
                          check=False)
    assert task.returncode == status, task.stdout + task.stderr
    assert message in (task.stderr if status else task.stdout)
    assert not (tmp_path / "pub").exists()


def test_the_settings_check_shows_the_warnings_the_publish_would_show(tmp_path):
    """``publish --settings-only`` said only "valid": its handler on the root logger kept
    the settings' warnings (a mistyped setting, ignored) from being printed, which the
    publish itself shows."""
    conf, content = make_conf(tmp_path), tmp_path / "content"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    with conf.open("a", encoding="utf-8") as settings:
        settings.write("IMAGES_WIDTHZ = [400]\n")
    errors, warnings = publish_checks.settings_problems(conf, content)
    assert errors == []
    assert any(warning.startswith("IMAGES_WIDTHZ: unknown setting") for warning in warnings)


def test_rollback_names_the_folder_it_looked_in(tmp_path):
    env = dict(os.environ, PUBLISH_ROOT=str(tmp_path / "pub"))
    task = subprocess.run([sys.executable, "-m", "invoke", "rollback"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=WAIT, check=False)
    assert task.returncode == 1
    assert f"Nessuna versione precedente in {tmp_path / 'pub'}" in task.stderr
    # a mistyped PUBLISH_ROOT is not created (it was, with its parents and a lock file)
    assert not (tmp_path / "pub").exists()


def test_rollback_creates_nothing_where_there_is_no_publish_root(tmp_path):
    missing = tmp_path / "srv" / "farelegami" / "pubblico"
    assert publish_root.rollback(missing) is None
    assert list(tmp_path.iterdir()) == []


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


# Root obeys the folders' modes without the capabilities by which it writes anywhere
UNPRIVILEGED = (["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]
                if os.geteuid() == 0 else [])


@pytest.mark.parametrize("task", ["publish", "rollback"])
def test_a_publish_root_the_user_cannot_write_is_named_not_a_traceback(tmp_path, task):
    """A publish root made by another user (a publish run once with sudo, the timer's
    user then runs the next): publish and rollback ended in a PermissionError traceback
    from the lock file, which said neither which user nor what to do."""
    root = tmp_path / "pub"
    make_release(root, "20240101-100000-000000")
    served = make_release(root, "20240102-100000-000000")
    publish_root.switch(root, served)
    root.chmod(0o555)
    env = dict(os.environ, PUBLISH_ROOT=str(root), SITEURL=SITE)
    try:
        task = subprocess.run([*UNPRIVILEGED, sys.executable, "-m", "invoke", task], cwd=ROOT,
                              env=env, capture_output=True, text=True, timeout=WAIT,
                              check=False)
    finally:
        root.chmod(0o755)
    assert task.returncode == 1 and "Traceback" not in task.stderr, task.stderr
    assert f"non può scrivere in {root}" in task.stderr
    assert f"chown -R {publish_root._user()}: {root}" in task.stderr
    assert "il sito pubblicato non è stato toccato" in task.stderr
    assert current(root) == served and not (root / publish_root.LOCK_FILE).exists()


def run_task(command, root, prefix=()):
    env = dict(os.environ, PUBLISH_ROOT=str(root), SITEURL=SITE)
    return subprocess.run([*prefix, sys.executable, "-m", "invoke", *command], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=WAIT, check=False)


def test_a_publish_root_that_cannot_be_made_is_not_told_to_be_chowned(tmp_path):
    """A PUBLISH_ROOT that does not exist, in a folder the user cannot write into (a typing
    mistake, or a folder to make first): the publish said it was "made by another user" and
    to ``chown -R`` it, a command that fails on a folder that does not exist."""
    parent = tmp_path / "srv"
    parent.mkdir()
    root = parent / "public"
    parent.chmod(0o555)
    try:
        task = run_task(["publish"], root, UNPRIVILEGED)
    finally:
        parent.chmod(0o755)
    assert task.returncode == 1 and "Traceback" not in task.stderr, task.stderr
    assert f"PUBLISH_ROOT {root} non esiste" in task.stderr
    assert f"sudo install -d -o {publish_root._user()} {root}" in task.stderr
    assert "chown" not in task.stderr and not root.exists()


def test_a_publish_root_on_a_read_only_disk_is_named_not_a_traceback(tmp_path):
    """A publish root mounted read-only (a bind mount made for the web server, say): the
    lock file could not be made (EROFS, not a PermissionError) and the publish ended in a
    traceback; with the lock file there, it was told to ``chown`` the folder."""
    root = tmp_path / "pub"
    make_release(root, "20240101-100000-000000")
    served = make_release(root, "20240102-100000-000000")
    publish_root.switch(root, served)
    mount = (f"mount --bind {root} {root} && mount -o remount,bind,ro {root}"
             f" && exec \"$@\"")
    if shutil.which("unshare") is None or subprocess.run(
            ["unshare", "-m", "sh", "-c", mount, "sh", "true"], capture_output=True,
            check=False).returncode != 0:
        pytest.skip("mounting needs root (unshare -m)")
    for _ in range(2):  # without the lock file, then with it
        task = run_task(["publish"], root, ["unshare", "-m", "sh", "-c", mount, "sh"])
        assert task.returncode == 1 and "Traceback" not in task.stderr, task.stderr
        assert f"{root} è su un disco montato in sola lettura" in task.stderr
        assert "chown" not in task.stderr and "Processed" not in task.stdout
        assert current(root) == served
        (root / publish_root.LOCK_FILE).touch()


PUBLISH_AS_IS = """
import json, sys
sys.path.insert(0, sys.argv[1])
from tools import publisher
try:
    release = publisher.publish(sys.argv[2], sys.argv[3], content=sys.argv[4])
    print(json.dumps({"release": release and release.name}))
except Exception as error:
    print(json.dumps({"error": type(error).__name__, "message": str(error)}))
"""


def publish_unprivileged(conf, root, content):
    task = subprocess.run([*UNPRIVILEGED, sys.executable, "-c", PUBLISH_AS_IS, str(ROOT),
                           str(conf), str(root), str(content)], capture_output=True, text=True,
                          timeout=WAIT, check=False)
    assert task.returncode == 0, task.stderr
    return json.loads(task.stdout.splitlines()[-1]), task.stderr


def test_releases_the_user_cannot_write_into_are_found_before_the_build(tmp_path):
    """``releases/`` of another user: the whole build ran, then moving it there failed
    with a traceback. Found before any work now."""
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    served = make_release(root, "20240102-100000-000000")
    publish_root.switch(root, served)
    (root / "releases").chmod(0o555)
    try:
        found, log = publish_unprivileged(conf, root, content)
    finally:
        (root / "releases").chmod(0o755)
    assert found["error"] == "NotWritable", found
    assert f"non può scrivere in {root / 'releases'}" in found["message"]
    assert "Processed" not in log  # nothing built
    assert current(root) == served and publish_root.releases(root) == [served]


def test_an_old_release_of_another_user_is_left_and_the_publish_succeeds(tmp_path):
    """The oldest release made by another user (root, publishing once with sudo) cannot
    be moved out of ``releases/``: the publish switched ``current`` to its new release and
    then ended in a PermissionError, so every publish after it was reported failed
    (exit status 1, CI red) though each one went live."""
    if os.geteuid() != 0:
        pytest.skip("making a folder of another user needs root")
    conf, content, root = make_conf(tmp_path), tmp_path / "content", tmp_path / "public"
    write_content(content, {"notizie/a.md": article(title="Uno")})
    made = [make_release(root, f"2024010{day}-100000-000000") for day in range(1, 6)]
    publish_root.switch(root, made[-1])
    for path in [made[0], *made[0].rglob("*")]:
        os.chown(path, 65534, 65534, follow_symlinks=False)
    found, log = publish_unprivileged(conf, root, content)
    assert found.get("release"), found
    assert current(root).name == found["release"]
    assert "Versione vecchia non rimossa" in log and str(made[0]) in log
    assert publish_root.releases(root)[0] == made[0] and len(publish_root.releases(root)) == 6
