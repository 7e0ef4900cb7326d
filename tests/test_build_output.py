"""What every build writes besides the pages: the same bytes every time, and the
precompressed .gz/.br copies the web server sends (plugins/compress)."""

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
import time

import brotli
import pytest
import samples
from support import ROOT, SITEURL, Build, article, build_project, build_site, child_env

ELIGIBLE = {".html", ".css", ".js", ".xml", ".svg", ".json", ".txt", ".yml",
            ".yaml"}  # COMPRESS_EXTENSIONS
MIN_SIZE = 1024  # COMPRESS_MIN_SIZE


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """The project's content built twice, into two folders, with the public settings:
    each cold (its own empty caches), as two machines would."""
    root = tmp_path_factory.mktemp("twice")
    builds = [build_project(root / name, VISIT_COUNTER_URL="https://stats.example.org",
                            shared_caches=False) for name in ("one", "two")]
    for build in builds:
        assert build.ok, build.log
    return builds




def differing(one, two):
    return sorted(name for name in set(one.files()) | set(two.files())
                  if not (one.output / name).is_file() or not (two.output / name).is_file()
                  or (one.output / name).read_bytes() != (two.output / name).read_bytes())


def originals(build):
    return [p for p in build.output.rglob("*")
            if p.is_file() and p.suffix not in (".gz", ".br")]


def test_two_cold_builds_are_byte_identical_in_every_file(two_builds):
    one, two = two_builds
    files = one.files()
    assert "sitemap.xml" in files and "sitemap.xml.br" in files and "index.html.gz" in files
    assert len(files) == len(two.files())
    assert differing(one, two) == []


def test_a_rebuild_is_byte_identical_in_every_file(two_builds, tmp_path):
    one = two_builds[0]
    again = build_project(tmp_path / "again", cache=one.output.parent / "one-cache",
                          shared_caches=False, VISIT_COUNTER_URL="https://stats.example.org")
    assert again.ok, again.log
    assert again.files() == one.files()
    assert differing(one, again) == []


# Imported by the other machine's Python at start-up (PYTHONPATH): every folder listed
# in reverse order of names, as another file system may list them (ext4 by a hash of
# the name seeded per file system, tmpfs newest first, APFS by name).
REVERSED_LISTINGS = textwrap.dedent('''
    import os

    _listdir, _scandir = os.listdir, os.scandir


    class _Listing:
        def __init__(self, entries):
            self._entries = iter(entries)

        def __iter__(self):
            return self

        def __next__(self):
            return next(self._entries)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def close(self):
            pass


    def listdir(path="."):
        return sorted(_listdir(path), reverse=True)


    def scandir(path="."):
        with _scandir(path) as entries:
            return _Listing(sorted(entries, key=lambda entry: entry.name, reverse=True))


    os.listdir, os.scandir = listdir, scandir
''')
# What a build needs of a checkout (the rest: the tests, the tasks, the docs)
CHECKOUT = ("content", "theme", "plugins", "pelicanconf.py", "publishconf.py", "package.json",
            "package-lock.json")


def test_a_build_on_another_machine_is_byte_identical_in_every_file(two_builds, tmp_path):
    """A deployer's laptop, CI and the server build the same commit: ``invoke publish``
    compares releases file by file (an unchanged file keeps its date, nginx's ETag). The
    public build of another checkout differing in everything but the commit: another
    absolute path (a space and an accent in it), a copy without git metadata, the content
    files written in reverse order with other modification times (a checkout's), folders
    listed in reverse order, another time zone, locale, umask, hash seed and home, cold
    caches, in a ``python -m pelican`` of its own (as ``./run publish`` runs it, not the
    tests' build server, whose builds share one hash seed): the same bytes in every file
    (pages, feeds, sitemap, Pagefind's index, /admin/'s config, the .gz/.br copies) and
    the same modes; and so again with its caches warm after the content's dates changed
    (the next checkout there)."""
    one = two_builds[0]
    checkout = tmp_path / "un'altra macchina" / "più lungo" / "farelegami"
    checkout.mkdir(parents=True)
    for name in CHECKOUT:
        if name == "content":
            continue
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, checkout / name, copy_function=shutil.copy,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(source, checkout / name)
    (checkout / "node_modules").symlink_to(ROOT / "node_modules")  # npm ci's, /admin/'s bundle
    sources = sorted(p for p in (ROOT / "content").rglob("*") if p.is_file())
    for number, source in enumerate(reversed(sources)):
        copy = checkout / "content" / source.relative_to(ROOT / "content")
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(source.read_bytes())
        moment = 1_000_000_000 + 86_400 * 37 * number  # 2001 on, one file every 37 days
        os.utime(copy, (moment, moment))
    startup = tmp_path / "avvio"
    startup.mkdir()
    (startup / "sitecustomize.py").write_text(REVERSED_LISTINGS, encoding="utf-8")
    home = tmp_path / "casa"
    home.mkdir()
    env = dict(child_env(), SITEURL=SITEURL, VISIT_COUNTER_URL="https://stats.example.org",
               TZ="Pacific/Chatham", LC_ALL="C.UTF-8", LANG="C.UTF-8", PYTHONHASHSEED="4242",
               HOME=str(home), PYTHONPATH=os.pathsep.join(
                   filter(None, (str(startup), os.environ.get("PYTHONPATH")))))

    def publish_build(output):
        result = subprocess.run(
            [sys.executable, "-m", "pelican", "content", "-s", str(checkout / "publishconf.py"),
             "-o", str(output), "--delete-output-directory"],
            cwd=checkout, env=env, capture_output=True, text=True, check=False, timeout=300,
            preexec_fn=lambda: os.umask(0o077))
        return Build(result.returncode, result.stdout + result.stderr, output,
                     checkout / "content")

    def modes(build):
        return {str(p.relative_to(build.output)): p.stat().st_mode & 0o777
                for p in build.output.rglob("*")}

    other = publish_build(tmp_path / "output")
    assert other.ok, other.log
    assert (checkout / "cache").is_dir()  # its own caches, made by this build
    assert "sitemap.xml.br" in other.files() and "admin/config.yml" in other.files()
    assert other.files() == one.files()
    assert differing(one, other) == []
    assert modes(other) == modes(one)
    caches = sorted(p.name for p in (checkout / "cache").iterdir())
    # The next commit checked out there: every content file gets a new date, the caches
    # are warm; and the time zone is another again
    for number, source in enumerate(sources):
        moment = 1_700_000_000 + 3_600 * number
        os.utime(checkout / "content" / source.relative_to(ROOT / "content"), (moment, moment))
    env["TZ"] = "Europe/Rome"
    warm = publish_build(tmp_path / "output-warm")
    assert warm.ok, warm.log
    assert sorted(p.name for p in (checkout / "cache").iterdir()) == caches  # the same keys
    assert warm.files() == one.files()
    assert differing(one, warm) == []


# The project's content has no old addresses (plugins/redirects): a small site with some,
# of every kind of name, built cold twice like the project above.
OLD_ADDRESSES = {
    "notizie/a.md": article(title="A", indirizzi_precedenti=[
        "/notizie/1-a.html", "/index.php/notizie/1", "/vecchio/a/", "/a.php"]),
    "pages/chi-siamo.md": "---\ntitle: Chi siamo\nindirizzi_precedenti: /chi-siamo.htm\n---\nTesto.\n",
}


def test_two_cold_builds_write_the_pages_at_old_addresses_byte_identical(tmp_path):
    one, two = (build_site(tmp_path / name, OLD_ADDRESSES, "SEARCH_CACHE_PATH = CACHE_PATH"
                           " + '/search'\nCOMPRESS_CACHE_PATH = CACHE_PATH + '/compress'\n")
                for name in ("one", "two"))
    assert one.ok and two.ok, one.log + two.log
    assert {"notizie/1-a.html", "index.php/notizie/1", "vecchio/a/index.html", "a.php",
            "chi-siamo.htm"} <= set(one.files())
    assert one.files() == two.files()
    assert differing(one, two) == []


def test_every_text_file_of_1_kb_or_more_has_gz_and_br_copies_of_the_same_bytes(two_builds):
    build = two_builds[0]
    checked = 0
    for path in originals(build):
        data = path.read_bytes()
        gz, br = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
        if path.suffix in ELIGIBLE and len(data) >= MIN_SIZE:
            assert gz.is_file() and br.is_file(), path
            assert gzip.decompress(gz.read_bytes()) == data, gz
            assert brotli.decompress(br.read_bytes()) == data, br
            header = gz.read_bytes()[:10]
            assert header[3] == 0 and header[4:8] == b"\0\0\0\0", f"{gz}: name or time stamp"
            checked += 1
        else:  # small text files, PDFs, images, fonts: served as they are
            assert not gz.exists() and not br.exists(), path
    assert checked > 40  # pages, feeds, sitemap, CSS, the counter script
    kinds = {p.suffix for p in originals(build) if p.with_name(p.name + ".br").exists()}
    assert {".html", ".css", ".xml", ".js", ".yml"} <= kinds  # .yml: admin/config.yml
    small = [p.name for p in originals(build) if p.suffix in ELIGIBLE and p.stat().st_size < MIN_SIZE]
    assert "robots.txt" in small  # the rule above was exercised on a small file


LATE_PLUGIN = textwrap.dedent('''
    """A test plugin writing files in ``finalized``, as a search index does."""
    import json
    import os

    from pelican import signals


    def write_index(pelican):
        folder = os.path.join(pelican.output_path, "indice")
        os.makedirs(folder, exist_ok=True)
        records = [{"url": f"/{n}/", "title": f"Titolo {n}"} for n in range(200)]
        with open(os.path.join(folder, "records.json"), "w", encoding="utf-8") as file:
            json.dump(records, file)
        with open(os.path.join(folder, "loader.js"), "w", encoding="utf-8") as file:
            file.write("// loader\\n" + "console.log('indice');\\n" * 100)


    def register():
        signals.finalized.connect(write_index)
''')


def test_files_other_plugins_write_in_finalized_are_compressed_too(build, tmp_path):
    """plugins/compress runs after every ordinary ``finalized`` receiver (through
    pelican-granular-signals' ``compress`` signal), wherever the plugins are listed."""
    plugins = tmp_path / "extra"
    plugins.mkdir()
    (plugins / "late_writer.py").write_text(LATE_PLUGIN, encoding="utf-8")
    site = build({"notizie/a.md": article(title="Primo")}, settings=f"""
        PLUGIN_PATHS = PLUGIN_PATHS + [{str(plugins)!r}]
        PLUGINS = PLUGINS + ["late_writer"]
    """)
    assert site.ok, site.log
    assert len(json.loads((site.output / "indice/records.json").read_bytes())) == 200
    for name in ("indice/records.json", "indice/loader.js"):
        data = (site.output / name).read_bytes()
        assert gzip.decompress((site.output / f"{name}.gz").read_bytes()) == data
        assert brotli.decompress((site.output / f"{name}.br").read_bytes()) == data


REWRITING_PLUGIN = textwrap.dedent('''
    """A test plugin changing pages already written: one in place, one replaced."""
    import os

    from pelican import signals


    def rewrite(pelican):
        page = os.path.join(pelican.output_path, "index.html")
        with open(page, "a", encoding="utf-8") as file:  # in place: a new size
            file.write("<!-- riscritta -->")
        other = os.path.join(pelican.output_path, "2024", "05", "primo", "index.html")
        with open(other, encoding="utf-8") as file:
            text = file.read().replace("Primo", "PRIMO")  # the same size
        with open(other + ".new", "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(other + ".new", other)


    def register():
        signals.finalized.connect(rewrite)
''')


def test_pages_changed_after_their_early_copies_are_compressed_again(build, tmp_path):
    """The early copies are made while Pelican writes; a page another plugin changes
    afterwards (in place or replaced) gets copies of its final bytes."""
    plugins = tmp_path / "extra"
    plugins.mkdir()
    (plugins / "late_rewriter.py").write_text(REWRITING_PLUGIN, encoding="utf-8")
    site = build({"notizie/a.md": article(title="Primo", body="Testo. " * 300)}, settings=f"""
        PLUGIN_PATHS = PLUGIN_PATHS + [{str(plugins)!r}]
        PLUGINS = PLUGINS + ["late_rewriter"]
    """)
    assert site.ok, site.log
    for name, changed in (("index.html", b"<!-- riscritta -->"),
                          ("2024/05/primo/index.html", b"PRIMO")):
        data = (site.output / name).read_bytes()
        assert changed in data
        assert gzip.decompress((site.output / f"{name}.gz").read_bytes()) == data
        assert brotli.decompress((site.output / f"{name}.br").read_bytes()) == data


@pytest.fixture(scope="module")
def two_releases(tmp_path_factory):
    """Two builds of the same content sharing a folder of compressed copies of their own
    (``COMPRESS_CACHE_PATH``, empty before the first), the second as the next release
    made a day later: the cache's entries dated a day back in between. ``(first, second,
    the folder, the entries the first made, the time they were dated back to, the
    entries' access times after the second)``; the two
    tests below read the same two builds (a cold compression of the site, the web
    editor's 5 MB script too, is 0.4 s of CPU a build)."""
    root = tmp_path_factory.mktemp("releases")
    shared = root / "compressed"
    settings = f"COMPRESS_CACHE_PATH = {str(shared)!r}\n"
    files = {"notizie/a.md": article(title="Primo", body="Testo. " * 300)}
    first = build_site(root / "one", files, settings)
    assert first.ok, first.log
    made = sorted(shared.rglob("*.*"))
    yesterday = time.time() - 86400  # the release before, built a day ago
    for entry in made:
        os.utime(entry, (yesterday, yesterday))
    second = build_site(root / "two", files, settings)
    assert second.ok, second.log
    # the entries' access times as the second build left them, before a test reads a
    # copy (a link to its entry: a read would mark it too)
    used = [entry.stat().st_atime for entry in shared.rglob("*.*")]
    return first, second, shared, made, yesterday, used


def test_builds_with_their_own_caches_share_the_compressed_copies(two_releases):
    """``COMPRESS_CACHE_PATH``: a folder of compressed copies several builds share (the
    test suite's builds do); a build with an empty cache of its own compresses nothing
    the other already did, and its copies are the same bytes."""
    first, second, shared, made, _, _ = two_releases
    assert made and sorted(shared.rglob("*.*")) == made  # nothing compressed again
    assert not (first.output.parent / "cache" / "compress").exists()
    assert not (second.output.parent / "cache" / "compress").exists()
    copies = sorted(p.relative_to(first.output) for p in first.output.rglob("*.[bg][rz]"))
    assert copies and copies == sorted(p.relative_to(second.output)
                                       for p in second.output.rglob("*.[bg][rz]"))
    for path in copies:
        assert (first.output / path).read_bytes() == (second.output / path).read_bytes()


def test_an_unchanged_file_keeps_its_date_across_releases(two_releases):
    """nginx's ``Last-Modified`` and ``ETag`` of a compressed copy are its file's date
    (and size), and the copy is a link to the cache's entry: marking the entry used (a
    release built over an hour after the last) changed the date of the copy every release
    served, so after every publish each feed reader and browser polling with
    ``If-None-Match`` / ``If-Modified-Since`` got the whole unchanged feed or page again
    instead of a 304. The entry is marked used by its access time; its date stays."""
    first, second, _, _, yesterday, used = two_releases
    for name in ("feeds/tutto.atom.xml.gz", "feeds/tutto.rss.xml.br", "index.html.gz"):
        for release in (first, second):
            status = (release.output / name).stat()
            assert abs(status.st_mtime - yesterday) < 1, (name, release.output)
        assert (first.output / name).read_bytes() == (second.output / name).read_bytes()
    assert used and all(atime > time.time() - 600 for atime in used)  # marked used


def test_the_whole_output_is_readable_by_the_server_whatever_the_umask(tmp_path):
    """nginx reads the output as another user: every folder 0755 and every file 0644,
    pages, their compressed copies (links to cache files), the theme's assets, the
    web editor, images, attachments and the search index, even from a build run with
    umask 077, cold and warm."""
    body = "Testo. " * 300 + "\n\n![Una foto]({static}/immagini/foto.png)"
    files = {"notizie/a.md": article(title="A", body=body, attachments=["allegati/a.pdf"],
                                     indirizzi_precedenti=["/vecchio/a.php", "/vecchio/a"]),
             "immagini/foto.png": samples.image(size=(1200, 800)),
             "allegati/a.pdf": samples.pdf()}
    settings = f"COMPRESS_CACHE_PATH = {str(tmp_path / 'compress')!r}\n"
    for output in ("cold", "warm"):
        built = build_site(tmp_path, files, settings, output=tmp_path / output, umask=0o077)
        assert built.ok, built.log
        assert (tmp_path / "cache").stat().st_mode & 0o777 == 0o700  # the build's umask
        modes = {}
        for path in [built.output, *built.output.rglob("*")]:
            kind = "folder" if path.is_dir() else path.suffix
            modes.setdefault(kind, set()).add(oct(path.stat().st_mode & 0o777))
        assert {".html", ".gz", ".br", ".xml", ".css", ".js", ".woff2", ".pdf", ".png",
                ".webp", ".json", ".php", ""} <= modes.keys(), modes.keys()
        assert modes.pop("folder") == {"0o755"}, output
        assert set().union(*modes.values()) == {"0o644"}, (output, modes)


def test_make_readable_adds_only_the_missing_bits_and_leaves_links_alone(tmp_path):
    from plugins.writer.modes import make_readable  # noqa: PLC0415

    output, outside = tmp_path / "output", tmp_path / "segreto.txt"
    (output / "a" / "b").mkdir(parents=True)
    for path, mode in ((output / "a" / "b" / "pagina.html", 0o600),
                       (output / "a" / "script.sh", 0o750), (output / "ok.css", 0o644),
                       (outside, 0o600)):
        path.write_text("x")
        path.chmod(mode)
    (output / "a" / "link.txt").symlink_to(outside)
    (output / "a").chmod(0o700)
    (output / "a" / "b").chmod(0o711)
    output.chmod(0o755)
    assert make_readable(output) == 4
    assert {str(p.relative_to(output)): oct(p.lstat().st_mode & 0o777) for p in output.rglob("*")
            if not p.is_symlink()} == {"a": "0o755", "a/b": "0o755", "a/b/pagina.html": "0o644",
                                       "a/script.sh": "0o754", "ok.css": "0o644"}
    assert outside.stat().st_mode & 0o777 == 0o600  # not reached through the link
    assert make_readable(output) == 0


def test_the_compression_cache_marks_what_is_used_and_prunes_what_is_not(tmp_path):
    """A kept copy used again is marked used (its access time renewed, at most hourly: one
    stat otherwise; its date stays, the Last-Modified of the copies served); copies unused
    for COMPRESS_CACHE_DAYS days are removed by the next run."""
    from plugins.compress import Compressor  # noqa: PLC0415
    from plugins.compress.settings import DEFAULTS  # noqa: PLC0415

    compressor = Compressor({**DEFAULTS, "COMPRESS_CACHE_PATH": str(tmp_path / "cache")})
    page = tmp_path / "output" / "index.html"
    page.parent.mkdir()
    page.write_bytes(b"<p>Testo del progetto FareLegami.</p>\n" * 100)
    compressor.run(tmp_path / "output")
    digest = hashlib.sha256(page.read_bytes()).hexdigest()
    used, recent = (compressor.cached_path(digest, kind) for kind in (".br", ".gz"))
    stale = compressor.cached_path("0" * 64, ".br")  # a page that no longer exists
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"x")
    weeks_ago = time.time() - 15 * 86400
    for entry in (used, recent, stale):
        os.utime(entry, (weeks_ago, weeks_ago))
    hour_ago = time.time() - 1800
    os.utime(recent, (hour_ago, hour_ago))  # used half an hour ago: its date is kept
    compressor.run(tmp_path / "output")
    assert used.stat().st_atime > time.time() - 60  # used now
    assert abs(used.stat().st_mtime - weeks_ago) < 1  # its date stays
    assert abs(recent.stat().st_atime - hour_ago) < 1
    assert not stale.exists()
    assert brotli.decompress((tmp_path / "output" / "index.html.br").read_bytes()) == \
        page.read_bytes()


def test_compressed_copies_made_by_another_brotli_or_zlib_are_not_reused(tmp_path, monkeypatch):
    """CI keeps cache/ across a dependency bump: the old library's bytes must not be served
    beside the new ones' (two builds of one commit would differ)."""
    import plugins.compress as compress  # noqa: PLC0415

    compressor = compress.Compressor({**compress.settings.DEFAULTS,
                                      "COMPRESS_CACHE_PATH": str(tmp_path / "cache")})
    page = tmp_path / "output" / "index.html"
    page.parent.mkdir()
    page.write_bytes(b"<p>Testo del progetto FareLegami.</p>\n" * 100)
    compressor.run(tmp_path / "output")
    digest = hashlib.sha256(page.read_bytes()).hexdigest()
    made = compressor.cached_path(digest, ".br")
    assert made.is_file() and brotli.__version__ in made.name
    monkeypatch.setattr(compress, "LIBRARIES", "b99.0-z9.9")
    assert compressor.cached_path(digest, ".br") != made
    assert compressor.cached(digest, ".br") is None  # made again by the next run


@pytest.mark.parametrize(("module", "name", "value"), [
    ("compress", "COMPRESS_GZIP_LEVEL", 0), ("compress", "COMPRESS_BROTLI_QUALITY", 12),
    ("compress", "COMPRESS_EXTENSIONS", "html"), ("compress", "COMPRESS_MIN_SIZE", True),
    ("writer", "WRITER_RENDER_CACHE", "yes"), ("writer", "WRITER_TEMPLATE_CACHE_PATH", 3),
    ("writer", "WRITER_PAGINATED_BY", {"documenti": 3}),
])
def test_bad_compress_and_writer_settings_are_named_and_replaced(caplog, module, name, value):
    """Both plugins keep their settings in settings.py, as every plugin with settings."""
    import importlib  # noqa: PLC0415
    import logging  # noqa: PLC0415

    plugin_settings = importlib.import_module(f"plugins.{module}.settings")
    settings = {"CACHE_PATH": "/tmp/c", name: value}
    with caplog.at_level(logging.ERROR):
        plugin_settings.install(settings)
    assert caplog.records and caplog.records[0].getMessage().startswith(name)
    assert settings[name] != value
