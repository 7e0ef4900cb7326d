"""plugins/core/files.py: output files that are hard links to a cache's files; names as
spelled on disk."""

import os
import time
import unicodedata

import pytest

from plugins.contract.cache import stamp
from plugins.core import files
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


# -- names as spelled on disk -------------------------------------------------------------

def test_a_name_is_found_as_spelled_with_accents_saved_another_way_or_other_capitals(
        tmp_path):
    """Exact, another Unicode normalisation (the same file: macOS saves "à" as "a" and a
    combining accent), other capitals (another file on Linux; the same on macOS and
    Windows, which is why the listing decides, not the file system)."""
    saved = unicodedata.normalize("NFD", "città.jpg")
    for name in ("foto.JPG", saved, "verbali/Seduta.pdf"):
        keep(tmp_path / "immagini" / name, b"x")
    assert files.spelling(tmp_path, "immagini/foto.JPG") == ("immagini/foto.JPG", files.EXACT)
    assert files.spelling(tmp_path, "immagini/città.jpg") == (f"immagini/{saved}",
                                                              files.NORMALISED)
    assert files.spelling(tmp_path, "Immagini/Foto.jpg") == ("immagini/foto.JPG", files.CASE)
    assert files.spelling(tmp_path, "immagini/CITTÀ.jpg") == (f"immagini/{saved}", files.CASE)
    assert files.spelling(tmp_path, "immagini/VERBALI/seduta.pdf") == (
        "immagini/verbali/Seduta.pdf", files.CASE)
    for missing in ("immagini/altra.jpg", "immagini/verbali", "immagini", "", "../x"):
        assert files.spelling(tmp_path, missing) is None, missing


def test_a_folder_is_listed_once_until_it_changes(tmp_path, monkeypatch):
    """``invoke check`` looks up thousands of references in a few folders: each folder
    is listed once, and again only after a file in it was added, removed or renamed."""
    keep(tmp_path / "foto.jpg", b"x")
    listed = []
    real = os.listdir
    monkeypatch.setattr(os, "listdir", lambda folder: listed.append(folder) or real(folder))
    for _ in range(3):
        assert files.spelling(tmp_path, "foto.jpg") == ("foto.jpg", files.EXACT)
    assert listed == [tmp_path]
    time.sleep(0.02)  # past the file system's clock step: the folder's time changes
    os.rename(tmp_path / "foto.jpg", tmp_path / "Foto.jpg")
    assert files.spelling(tmp_path, "foto.jpg") == ("Foto.jpg", files.CASE)
    assert listed == [tmp_path, tmp_path]


def test_a_kept_reading_is_stale_once_a_file_it_links_is_renamed_with_other_capitals(
        tmp_path, monkeypatch):
    """On macOS a file renamed from ``foto.JPG`` to ``Foto.jpg`` keeps its size and time,
    and ``os.stat("foto.JPG")`` still finds it: the contract cache's stamp of a link's
    file also says whether its folder lists it by that name, so the link is checked
    again (and is an error) instead of the build reusing the reading that passed."""
    keep(tmp_path / "foto.JPG", b"x")
    before = stamp(str(tmp_path / "foto.JPG"))
    real = os.stat

    def case_insensitive_stat(path, *args, **kwargs):  # as macOS and Windows answer
        try:
            return real(path, *args, **kwargs)
        except FileNotFoundError:
            folder, name = os.path.split(os.fspath(path))
            for other in os.listdir(folder):
                if other.lower() == name.lower():
                    return real(os.path.join(folder, other), *args, **kwargs)
            raise

    time.sleep(0.02)
    os.rename(tmp_path / "foto.JPG", tmp_path / "Foto.jpg")
    monkeypatch.setattr(os, "stat", case_insensitive_stat)
    after = stamp(str(tmp_path / "foto.JPG"))
    assert after is not None and after[:2] == before[:2]  # what the stamp was until now
    assert after != before
