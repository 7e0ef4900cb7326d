"""tools/previous_release.py without a build: unchanged files keep their dates
(``keep_dates``: nginx's ``Last-Modified`` and ``ETag``), a changed one never gets an
earlier date, and what makes two releases the same (``same_tree``), in folders written
by hand. What a publish does with them (the release before's fingerprinted files carried
over, no new release for an identical build) is in test_publisher.py.
"""

import os
import subprocess
import sys
import time

import pytest
from support import ROOT, WAIT, dates, write_content

sys.path.insert(0, str(ROOT))
from tools import previous_release  # noqa: E402


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
