"""plugins/core/files.py: output files that are hard links to a cache's files."""

import os

import pytest

from plugins.core.files import keep, place


def cache_entry(path, text):
    """A cache's file as the caches write them (:func:`keep`: readable by all)."""
    keep(path, text.encode())
    return path


def test_a_new_file_is_a_link_to_the_cached_one(tmp_path):
    cached = cache_entry(tmp_path / "cache.html", "<p>pagina</p>")
    place(cached, tmp_path / "index.html")
    assert (tmp_path / "index.html").read_text() == "<p>pagina</p>"
    assert os.path.samefile(cached, tmp_path / "index.html")


def test_an_existing_file_is_replaced_not_written_through(tmp_path):
    """The old file's inode (perhaps another cache entry) keeps its bytes."""
    old = cache_entry(tmp_path / "old.html", "vecchia")
    new = cache_entry(tmp_path / "new.html", "nuova")
    target = tmp_path / "index.html"
    place(old, target)
    place(new, target)
    assert target.read_text() == "nuova" and os.path.samefile(new, target)
    assert old.read_text() == "vecchia"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.html", "new.html", "old.html"]


@pytest.mark.parametrize("existing", [False, True])
def test_where_links_cannot_be_made_the_file_is_copied(tmp_path, monkeypatch, existing):
    def refuse(source, target):
        raise OSError(18, "Invalid cross-device link")  # EXDEV: another file system

    cached = tmp_path / "cache.html"
    cached.write_text("<p>pagina</p>")
    target = tmp_path / "index.html"
    if existing:
        target.write_text("vecchia")
    monkeypatch.setattr(os, "link", refuse)
    place(cached, target)
    assert target.read_text() == "<p>pagina</p>" and not os.path.samefile(cached, target)
    assert target.stat().st_mode & 0o777 == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache.html", "index.html"]


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o400])
def test_a_file_not_readable_by_all_is_copied_readable_by_all(tmp_path, mode):
    """The web server must read every output file: a link would share the mode."""
    source = tmp_path / "installed.js"
    source.write_text("codice")
    source.chmod(mode)
    target = tmp_path / "admin.js"
    place(source, target)
    assert target.read_text() == "codice" and not os.path.samefile(source, target)
    assert target.stat().st_mode & 0o777 == 0o644 and source.stat().st_mode & 0o777 == mode


def test_placing_the_same_file_again_leaves_nothing_behind(tmp_path):
    cached = cache_entry(tmp_path / "cache.html", "<p>pagina</p>")
    place(cached, tmp_path / "index.html")
    place(cached, tmp_path / "index.html")
    assert os.path.samefile(cached, tmp_path / "index.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache.html", "index.html"]


def test_a_kept_entry_is_whole_and_readable_by_all_whatever_the_umask(tmp_path):
    entry = tmp_path / "cache" / "ab" / "abcdef.html"  # its folders are made
    previous = os.umask(0o077)
    try:
        keep(entry, b"<p>pagina</p>")
    finally:
        os.umask(previous)
    assert entry.read_bytes() == b"<p>pagina</p>"
    assert entry.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in entry.parent.iterdir()] == ["abcdef.html"]


def test_a_failed_keep_leaves_the_old_entry_and_no_temporary_file(tmp_path, monkeypatch):
    entry = tmp_path / "entry.json"
    keep(str(entry), b"vecchio")  # a text path too

    def refused(source, target):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(OSError):
        keep(entry, b"nuovo")
    assert entry.read_bytes() == b"vecchio"
    assert [p.name for p in tmp_path.iterdir()] == ["entry.json"]
