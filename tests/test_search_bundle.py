"""The Pagefind bundle (plugins/search/bundle.py and the modules it drives: service.py,
feeding.py, canonical.py, writing.py, cache.py) with the real pagefind binary, and with
stand-ins that fail: exit, garbage, a hang. No Pelican build: HTML files in tmp_path."""

import asyncio
import gzip
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from plugins.content_checks import site_paths
from plugins.search import bundle, canonical, errors, settings as search_settings
from plugins.search.fragments import fragments
from support import ROOT

PAGE = """<!DOCTYPE html><html lang="it"><head><title>{title}</title></head><body>
<nav>Menu principale</nav>
<article data-pagefind-body><h1 data-pagefind-meta="title:{title}">{title}</h1><p>{text}</p></article>
</body></html>"""


@pytest.fixture
def site(tmp_path):
    output = tmp_path / "output"
    pages = []
    for slug, title, text in (("uno", "Laboratorio di ceramica", "Il laboratorio riapre."),
                              ("due", "Sportello", "Aperto il martedì, anche ad agosto.")):
        path = output / slug / "index.html"
        path.parent.mkdir(parents=True)
        path.write_text(PAGE.format(title=title, text=text), encoding="utf-8")
        pages.append(bundle.Page(f"/{slug}/", str(path)))
    return output, pages


RECORD = bundle.Record("/allegati/bando.pdf", "Bando 2024. Iscrizioni entro giugno.",
                       meta={"title": "Bando 2024", "tipo": "PDF"},
                       filters={"categoria": ["Avvisi"]}, sort={"date": "2024-05-05"})


def stand_in(tmp_path, script):
    path = tmp_path / "pagefind"
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(0o755)
    return str(path)


def test_pages_and_records_are_indexed_and_written_whole(site):
    output, pages = site
    stats = bundle.build_bundle(output, pages, [RECORD])
    assert (stats.pages, stats.documents) == (2, 1)
    entries = {entry["url"]: entry for entry in fragments(output / "pagefind")}
    assert set(entries) == {"/uno/", "/due/", "/allegati/bando.pdf"}
    assert entries["/uno/"]["content"] == "Laboratorio di ceramica. Il laboratorio riapre."
    assert entries["/allegati/bando.pdf"]["meta"] == {"title": "Bando 2024", "tipo": "PDF"}
    assert entries["/allegati/bando.pdf"]["filters"] == {"categoria": ["Avvisi"]}
    files = [p for p in (output / "pagefind").rglob("*") if p.is_file()]
    assert stats.files == len(files) and stats.size == sum(p.stat().st_size for p in files)
    assert re.fullmatch(r"2 pages, 1 documents in \d+\.\d\d s, \d+ kB", str(stats))


def test_a_new_bundle_replaces_the_old_one_whole(site):
    output, pages = site
    bundle.build_bundle(output, pages)
    stale = output / "pagefind" / "fragment" / "it_stale.pf_fragment"
    stale.write_bytes(b"old")
    bundle.build_bundle(output, pages[:1])
    assert not stale.exists()
    assert [entry["url"] for entry in fragments(output / "pagefind")] == ["/uno/"]
    assert sorted(p.name for p in output.iterdir()) == ["due", "pagefind", "uno"]


def _bundle_files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*") if p.is_file()}


# Eight categories: a filter's values in 40,320 possible orders, as many as Pagefind may pick
CATEGORIES = ("Sportelli", "Avvisi", "Patti", "Bandi", "Notizie", "Comunicati stampa",
              "Laboratori", "Eventi")
RECORDS = [bundle.Record(f"/allegati/documento-{number}.pdf", f"Documento {number}: {category}.",
                         meta={"title": f"Documento {number}", "tipo": "PDF"},
                         filters={"categoria": [category], "tipo": ["PDF"],
                                  "zona": [("Crema", "Cremona", "Casalmaggiore")[number % 3]]},
                         sort={"date": f"2024-05-{number + 1:02}", "titolo": category})
           for number, category in enumerate(CATEGORIES)]


def _cbor_array(data):
    """The items of a CBOR array (Pagefind's files), decoded: texts, integers, arrays."""
    def item(pos):
        major, info = data[pos] >> 5, data[pos] & 31
        pos += 1
        if info >= 24:
            size = 1 << (info - 24)
            info, pos = int.from_bytes(data[pos:pos + size], "big"), pos + size
        if major == 0:
            return info, pos
        if major == 3:
            return data[pos:pos + info].decode(), pos + info
        assert major == 4, major
        items = []
        for _ in range(info):
            value, pos = item(pos)
            items.append(value)
        return items, pos

    value, end = item(0)
    assert end == len(data)
    return value


def _decoded(content):
    data = gzip.decompress(content)
    assert data.startswith(b"pagefind_dcd")
    return data[len(b"pagefind_dcd"):]


def test_two_bundles_of_the_same_inputs_are_byte_identical(site, tmp_path):
    """Pagefind 1.5.2 writes the filters and their values in a hash map's order, new at
    each run: the filter files, the meta file naming them and the entry file naming it
    differed between two builds. They are put in one order (plugins/search/canonical.py)."""
    output, pages = site
    bundle.build_bundle(tmp_path / "one", pages, RECORDS)
    bundle.build_bundle(tmp_path / "two", pages, RECORDS)
    one, two = (_bundle_files(tmp_path / name / "pagefind") for name in ("one", "two"))
    assert len([name for name in one if name.startswith("filter/")]) == 3
    assert one == two


def test_filters_values_and_sorts_are_in_order_and_files_named_as_pagefind_names_them(
        site, tmp_path):
    output, pages = site
    bundle.build_bundle(output, pages, RECORDS)
    files = _bundle_files(output / "pagefind")
    entry = json.loads(files["pagefind-entry.json"])
    meta_name = entry["languages"]["it"]["hash"]
    meta = _decoded(files[f"pagefind.{meta_name}.pf_meta"])
    # Pagefind's name: the language and the start of the SHA-1 of the bytes, in hex
    # without leading zeros (its full_hash)
    digest = "".join(f"{byte:x}" for byte in hashlib.sha1(meta).digest())
    assert meta_name == f"it_{digest[:10]}"
    version, _, _, filters, sorts, *_ = _cbor_array(meta)
    assert version == "1.5.2"
    assert [name for name, _ in filters] == ["categoria", "tipo", "zona"]
    assert [name for name, _ in sorts] == ["date", "titolo"]
    values = {}
    for name, file_hash in filters:
        data = _decoded(files[f"filter/{file_hash}.pf_filter"])
        digest = "".join(f"{byte:x}" for byte in hashlib.sha1(data).digest())
        assert file_hash == f"it_{digest[:7]}"
        label, values[name] = _cbor_array(data)
        assert label == name
    assert [value for value, _ in values["categoria"]] == sorted(CATEGORIES)
    assert [value for value, _ in values["zona"]] == ["Casalmaggiore", "Crema", "Cremona"]
    # each value still has its own pages: the document of each category, one page each
    pages_of = {value: numbers for value, numbers in values["categoria"]}
    assert sorted(len(numbers) for numbers in pages_of.values()) == [1] * len(CATEGORIES)
    assert len({number for numbers in pages_of.values() for number in numbers}) == 8
    assert {entry["url"]: entry["filters"]["categoria"] for entry in
            fragments(output / "pagefind") if "categoria" in entry["filters"]} == {
        record.url: record.filters["categoria"] for record in RECORDS}


def test_a_bundle_of_another_shape_is_left_as_pagefind_wrote_it():
    files = [{"path": "pagefind-entry.json",
              "content": b'{"version":"9","languages":{"it":{"hash":"it_0"}}}'},
             {"path": "pagefind.it_0.pf_meta", "content": gzip.compress(b"pagefind_dcd\xff")}]
    same, reason = canonical.canonical(files, "it")
    assert same is files and reason == "CBOR of indefinite length"
    same, reason = canonical.canonical(files[:1], "it")
    assert same == files[:1] and "pagefind.it_0.pf_meta" in reason


@pytest.mark.parametrize("links", [True, False], ids=["hard links", "copies"])
def test_the_same_inputs_reuse_the_kept_bundle_without_running_pagefind(site, tmp_path,
                                                                         monkeypatch, links):
    """With a cache, the bundle of the very same pages and records is reused: the same
    files, without pagefind (a binary that fails would show). Output and cache share
    the files as hard links, or hold copies where links cannot be made."""
    output, pages = site
    cache = tmp_path / "bundles"
    if not links:
        def no_links(source, target):
            raise OSError("links not supported here")
        monkeypatch.setattr(bundle.os, "link", no_links)
    bundle.build_bundle(output, pages, [RECORD], cache=cache)
    first = _bundle_files(output / "pagefind")
    kept = next(cache.iterdir()) / "files" / "pagefind-entry.json"
    assert kept.read_bytes() == first["pagefind-entry.json"]
    assert ((output / "pagefind" / "pagefind-entry.json").stat().st_ino
            == kept.stat().st_ino) is links
    again = tmp_path / "again"
    broken = stand_in(tmp_path, "exit 3\n")
    bundle.build_bundle(again, pages, [RECORD], cache=cache, executable=broken)
    assert _bundle_files(again / "pagefind") == first
    changed = [bundle.Page("/uno/", pages[0].path)]
    with pytest.raises(errors.SearchIndexError):  # other inputs: pagefind runs (and fails)
        bundle.build_bundle(again, changed, cache=cache, executable=broken)


def test_builds_sharing_a_cache_do_not_fail_each_other(site, tmp_path, monkeypatch):
    """Two builds may share one cache (a preview and a build; the test suite's builds):
    a kept bundle another build removes (it keeps only the newest few) after this one
    found it is made afresh; a bundle of the same inputs another build kept meanwhile
    is no error."""
    output, pages = site
    cache = tmp_path / "bundles"
    bundle.build_bundle(output, pages, cache=cache)
    first = _bundle_files(output / "pagefind")
    found = bundle.cached_files

    def then_removed(folder):  # the other build prunes it right after it was found
        files = found(folder)
        shutil.rmtree(folder)
        return files

    monkeypatch.setattr(bundle, "cached_files", then_removed)
    again = tmp_path / "again"
    bundle.build_bundle(again, pages, cache=cache)
    assert _bundle_files(again / "pagefind").keys() == first.keys()
    assert next(cache.iterdir()).name != ".bundle"  # kept again
    monkeypatch.setattr(bundle, "cached_files", lambda folder: None)  # not found...
    rename = os.rename

    def kept_meanwhile(source, target):  # ...and kept by the other build meanwhile
        if Path(target).parent == cache:
            Path(target).mkdir(exist_ok=True)
            (Path(target) / "files.json").write_text("[]")
        rename(source, target)

    monkeypatch.setattr(bundle.os, "rename", kept_meanwhile)
    bundle.build_bundle(tmp_path / "third", pages, cache=cache)
    assert _bundle_files(tmp_path / "third" / "pagefind").keys() == first.keys()
    assert [p.name for p in cache.iterdir() if p.name.startswith(".")] == []


def test_it_runs_from_code_that_already_runs_an_event_loop(site):
    output, pages = site

    async def inside_a_loop():
        return bundle.build_bundle(output, pages)

    assert asyncio.run(inside_a_loop()).pages == 2


# (script, the step's time limit, the error): a limit of 1 s only where it is the cause;
# else one no busy machine reaches, as the answer comes as soon as pagefind says or ends
# (with 1 s, a shell slow to start beside other work read as a pagefind that never ended)
@pytest.mark.parametrize(("script", "timeout", "message"), [
    ("echo 'pagefind: cannot start the index' >&2\nexit 1\n", 60,
     "Search index: pagefind ended unexpectedly; it said: pagefind: cannot start the index"),
    ("echo 'not the protocol,'\nexec sleep 30\n", 60,
     "Search index: unexpected output from pagefind (Error: "),
    ("exec sleep 30\n", 1, "Search index: pagefind did not finish within 1 s (SEARCH_TIMEOUT)"),
])
def test_a_broken_pagefind_is_an_error_naming_why_and_the_old_bundle_stays(
        site, tmp_path, script, timeout, message):
    output, pages = site
    bundle.build_bundle(output, pages)
    before = sorted(p.name for p in (output / "pagefind").iterdir())
    with pytest.raises(errors.SearchIndexError) as raised:
        bundle.build_bundle(output, pages, executable=stand_in(tmp_path, script),
                            timeout=timeout)
    assert str(raised.value).startswith(message)
    assert sorted(p.name for p in (output / "pagefind").iterdir()) == before
    assert not list(output.glob(".pagefind-*"))


def test_a_missing_or_unrunnable_binary_is_named(site, tmp_path):
    output, pages = site
    with pytest.raises(errors.SearchIndexError, match="is not executable"):
        bundle.build_bundle(output, pages, executable=str(tmp_path / "nowhere"))
    (tmp_path / "text").write_text("not a program")
    with pytest.raises(errors.SearchIndexError, match="is not executable"):
        bundle.build_bundle(output, pages, executable=str(tmp_path / "text"))


def test_an_unreadable_page_is_an_error(site):
    output, pages = site
    with pytest.raises(errors.SearchIndexError, match="cannot read"):
        bundle.build_bundle(output, [*pages, bundle.Page("/tre/", str(output / "tre.html"))])
    assert not (output / "pagefind").exists()


def test_pagefind_is_pinned_where_the_plugin_relies_on_its_internals():
    pins = dict(re.findall(r"^(pagefind(?:-bin)?)==([\d.]+)",
                           (ROOT / "requirements.txt").read_text(), re.MULTILINE))
    assert pins == {"pagefind": "1.5.2", "pagefind-bin": "1.5.2"}
    for package, version in pins.items():
        assert importlib.metadata.version(package) == version
    from pagefind.service import PagefindService  # noqa: PLC0415

    # service.Service overrides these private methods of 1.5.2's client: re-check on upgrade
    assert {"launch", "_wait_for_responses", "send"} <= set(vars(PagefindService))


def test_the_index_folder_is_a_reserved_address():
    settings = {"CACHE_PATH": "cache", "DEFAULT_LANG": "it",
                "DIRECT_TEMPLATES": ["index", "cerca"]}
    search_settings.install(settings)
    assert site_paths.reserved_paths(settings)["pagefind"] == "the site"
    disabled = {"CACHE_PATH": "cache", "DEFAULT_LANG": "it",
                "DIRECT_TEMPLATES": ["index", "cerca"], "SEARCH_ENABLED": False}
    search_settings.install(disabled)
    assert disabled["DIRECT_TEMPLATES"] == ["index"]
