"""Caches never change what is published: warm builds write exactly what cold builds write.

The contract's file cache (plugins/contract/cache.py) and the render cache
(plugins/writer/render_cache.py) are checked together: a site is built cold, then
warm with nothing changed, then warm after edits, and every output file is
compared with a cold build of the same content.
"""

import filecmp
import json
import os
import pickle
import shutil

import pytest
import samples
from support import ROOT, article, build_site, write_content
from test_attachments import pdf

PHOTO = samples.image("JPEG", (64, 48))

SITE = {
    "immagini/foto.jpg": PHOTO,
    "allegati/verbale.pdf": pdf(2),
    "notizie/uno.md": article(title="Uno a Crema", tags="[Crema, Giovani]",
                              body="Primo paragrafo.\n\n![Una foto]({static}/immagini/foto.jpg)"),
    "notizie/due.md": article(title="Due a Cremona", date="2024-05-06 10:00", tags="[Cremona]",
                              attachments=["allegati/verbale.pdf"],
                              body="Vedi [l'altra]({filename}/notizie/uno.md)."),
    "avvisi/tre.md": article(title="Tre", date="2024-06-01 09:00", tags="[Crema]",
                             body="Il sommario.\n\nIl resto del testo."),
    "pages/chi.md": "---\ntitle: Chi siamo\n---\nNoi.\n",
    **{f"notizie/n{n}.md": article(title=f"Notizia {n}", date=f"2024-03-{n + 1:02} 10:00",
                                   tags="[Crema]") for n in range(12)},
}
SKIP = set()  # every file, the sitemap and the .gz/.br copies included


def differences(left, right):
    """Files that differ or exist on one side only (recursively), as relative paths."""
    found = []

    def walk(comparison, prefix=""):
        found.extend(prefix + name for name in comparison.left_only + comparison.right_only)
        found.extend(prefix + name for name in comparison.diff_files)
        for name, sub in comparison.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=list(SKIP)))
    # dircmp compares by size and time first: recheck the "same" files byte by byte
    for path in left.rglob("*"):
        relative = path.relative_to(left)
        other = right / relative
        if path.is_file() and other.is_file() and path.name not in SKIP \
                and path.read_bytes() != other.read_bytes():
            found.append(str(relative))
    return sorted(set(found))


def test_warm_builds_write_what_cold_builds_write(tmp_path):
    cold = build_site(tmp_path / "a", SITE)
    assert cold.ok, cold.log
    shutil.copytree(tmp_path / "a" / "cache", tmp_path / "b" / "cache")
    warm = build_site(tmp_path / "b", SITE)  # same content, the first build's caches
    assert warm.ok, warm.log
    assert differences(cold.output, warm.output) == []

    edits = {
        "notizie/uno.md": article(title="Uno a Crema, aggiornato", tags="[Crema, Anziani]",
                                  body="Primo paragrafo nuovo.\n\n"
                                       "![Una foto]({static}/immagini/foto.jpg)"),
        "notizie/n3.md": article(title="Notizia 3", date="2024-03-04 10:00", tags="[Crema]",
                                 body="Un testo diverso, stesso titolo."),
        "avvisi/quattro.md": article(title="Quattro", date="2024-07-01 09:00"),
        "avvisi/tre.md": article(title="Tre", date="2024-06-01 09:00", tags="[Crema]",
                                 body="Il sommario.\n\nIl resto del testo, cambiato."),
    }
    shutil.rmtree(tmp_path / "b" / "output")
    edited = build_site(tmp_path / "b", edits)  # warm caches, some files changed
    assert edited.ok, edited.log
    reference = build_site(tmp_path / "c", {**SITE, **edits})  # cold, same content
    assert reference.ok, reference.log
    assert differences(reference.output, edited.output) == []
    # the edits are really there (the comparison is not of two stale sites)
    assert "Uno a Crema, aggiornato" in edited.text("/2024/05/uno-a-crema-aggiornato/")
    assert "Un testo diverso" in edited.text("/2024/03/notizia-3/")
    assert "cambiato" in edited.text("/2024/06/tre/")  # only the body, past the lead


def test_a_term_gaining_or_losing_its_page_is_shown_as_a_cold_build_shows_it(tmp_path):
    """A hidden article's tag and author have pages only while a listed article has them
    too: the hidden article's page links them then, and shows them as text before and
    after (plugins/core/terms.py), warm builds as cold ones. (The listed article is in
    another category: one in the hidden article's own would change its related reading,
    and render its page again anyway.)"""
    hidden = {"notizie/visibile.md": article(title="Visibile"),
              "riservata/bando.md": article(title="Bando", status="hidden",
                                            author="Anna Bianchi", tags="[Bando riservato]")}
    listed = {"notizie/aperto.md": article(title="Aperto", author="Anna Bianchi",
                                             tags="[Bando riservato]")}
    alone = build_site(tmp_path / "a", hidden)  # cold: no pages for the terms
    shared = build_site(tmp_path / "c", {**hidden, **listed})  # cold: their pages
    assert alone.ok and shared.ok, alone.log + shared.log
    for url in ("/argomenti/bando-riservato/", "/autori/anna-bianchi/"):
        assert url in shared.text("/2024/05/bando/") and url not in alone.text("/2024/05/bando/")

    shutil.copytree(tmp_path / "a" / "cache", tmp_path / "b" / "cache")
    gained = build_site(tmp_path / "b", {**hidden, **listed})  # warm: a listed article
    assert gained.ok, gained.log
    assert differences(shared.output, gained.output) == []
    (gained.content / "notizie" / "aperto.md").unlink()
    shutil.rmtree(gained.output)
    lost = build_site(tmp_path / "b", {})  # warm: the listed article gone again
    assert lost.ok, lost.log
    assert differences(alone.output, lost.output) == []


def test_a_title_gaining_a_namesake_is_shown_as_a_cold_build_shows_it(tmp_path):
    """An article's <title> says its date once another listed article has its title
    (plugins/related, ``same_title``): a warm build as a cold one. (The second article is
    in another category: one in the first's own would change its related reading.)"""
    first = {"avvisi/estate.md": article(title="Chiusura estiva", date="2023-07-25 09:00",
                                         slug="chiusura-estiva-2023")}
    second = {"notizie/estate.md": article(title="Chiusura estiva", date="2024-07-25 09:00",
                                           slug="chiusura-estiva-2024")}
    alone = build_site(tmp_path / "a", first)
    shared = build_site(tmp_path / "c", {**first, **second})
    assert alone.ok and shared.ok, alone.log + shared.log
    url = "/2023/07/chiusura-estiva-2023/"
    assert alone.soup(url).title.get_text() == "Chiusura estiva – FareLegami"
    assert shared.soup(url).title.get_text() == "Chiusura estiva – 25 luglio 2023 – FareLegami"
    shutil.copytree(tmp_path / "a" / "cache", tmp_path / "b" / "cache")
    gained = build_site(tmp_path / "b", {**first, **second})  # warm: a namesake
    assert gained.ok, gained.log
    assert differences(shared.output, gained.output) == []


def test_a_cached_file_is_checked_again_when_a_file_it_uses_goes_away(tmp_path):
    files = {"immagini/foto.jpg": PHOTO,
             "notizie/a.md": article(title="A", body="![Foto]({static}/immagini/foto.jpg)")}
    assert build_site(tmp_path, files).ok
    (tmp_path / "content" / "immagini" / "foto.jpg").unlink()
    shutil.rmtree(tmp_path / "output")
    site = build_site(tmp_path, {})
    assert not site.ok
    assert "notizie/a.md:6: il link {static}/immagini/foto.jpg punta a un file che non" \
        " esiste" in " ".join(site.log.split())
    write_content(tmp_path / "content", {"immagini/foto.jpg": b"<svg onload=alert(1)>"})
    site = build_site(tmp_path, {})  # back, but not an image any more
    assert not site.ok and "immagini/foto.jpg" in site.log


def test_a_damaged_contract_cache_entry_is_read_again_not_blamed_on_the_file(tmp_path):
    files = {"notizie/a.md": article(title="A"), "notizie/b.md": article(title="B")}
    first = build_site(tmp_path, files)
    assert first.ok, first.log
    shutil.move(first.output, tmp_path / "first")
    entries = sorted((tmp_path / "cache").glob("contract-*/*/*.pickle"))
    assert len(entries) == 2
    entries[0].write_bytes(b"cdatetime9\nboh\n.")  # unpickles into ModuleNotFoundError
    entries[1].write_bytes(b"\x80\x05garbage")
    again = build_site(tmp_path, files)  # the same settings: the same cache folder
    assert again.ok, again.log
    assert differences(tmp_path / "first", again.output) == []
    assert all(pickle.loads(entry.read_bytes()) for entry in entries)  # written anew


def test_a_cold_contract_cache_looks_nothing_up_and_finds_what_it_then_keeps(tmp_path,
                                                                             monkeypatch):
    from plugins.contract.cache import FileCache  # noqa: PLC0415

    settings = {"CACHE_PATH": str(tmp_path / "cache"), "PATH": "content"}
    cold = FileCache(settings, "contract")
    with monkeypatch.context() as patched:  # no digest worked out, no file opened
        patched.setattr(FileCache, "_path", lambda *args: pytest.fail("looked up"))
        assert cold.get("notizie/a.md", b"a") is None
        assert not cold.has("notizie/a.md", b"a")
    cold.put("notizie/a.md", b"a", [], "letto")
    assert cold.get("notizie/a.md", b"a") == "letto"  # what it kept, found
    assert cold.get("notizie/b.md", b"b") is None
    warm = FileCache(settings, "contract")  # the next build or check: looks up
    assert warm.get("notizie/a.md", b"a") == "letto"
    assert warm.get("notizie/a.md", b"other bytes") is None


def test_a_cache_folder_that_cannot_be_written_is_one_clear_error(tmp_path):
    (tmp_path / "cache-file").write_text("not a folder")
    site = build_site(tmp_path, {"notizie/a.md": article(title="A")},
                      settings=f"CACHE_PATH = {str(tmp_path / 'cache-file')!r}\n")
    assert not site.ok
    log = " ".join(site.log.split())
    assert "la cartella della cache non si può scrivere" in log and "cache-file" in log
    assert "Traceback" not in site.log and "notizie/a.md" not in site.log


def rendered(cache):
    """The pages the render cache holds (one file per page rendered)."""
    return {path.name for path in cache.glob("render-*/*/*.html")}


def test_editing_a_body_past_its_lead_renders_only_that_page_again(tmp_path):
    """Listings, related reading and other pages show a lead, a title, a date: text
    further down an article's body changes its own page and nothing else."""
    cold = build_site(tmp_path, SITE)
    assert cold.ok, cold.log
    before = rendered(tmp_path / "cache")
    assert len(before) > 20
    shutil.rmtree(cold.output)
    edit = {"avvisi/tre.md": article(title="Tre", date="2024-06-01 09:00", tags="[Crema]",
                                     body="Il sommario.\n\nIl resto del testo, cambiato.")}
    edited = build_site(tmp_path, edit)
    assert edited.ok, edited.log
    assert len(rendered(tmp_path / "cache") - before) == 1
    assert "cambiato" in edited.text("/2024/06/tre/")


def test_pages_are_links_to_the_cache_and_a_rebuild_replaces_them(tmp_path):
    """A page's file is the render cache's own copy (a hard link), cold or warm; a
    rebuild into the same folder (``pelican -r``) replaces the file, so the cache
    entry of the old version keeps its bytes."""
    files = {"notizie/a.md": article(title="A", body="Prima versione.")}
    site = build_site(tmp_path, files)
    assert site.ok, site.log
    page = site.output / "2024" / "05" / "a" / "index.html"
    entries = {path.read_bytes(): path for path in (tmp_path / "cache").glob("render-*/*/*.html")}
    assert os.path.samefile(entries[page.read_bytes()], page)
    first = entries[page.read_bytes()]
    edited = build_site(tmp_path, {"notizie/a.md": article(title="A", body="Seconda.")})
    assert edited.ok, edited.log
    assert "Seconda." in page.read_text() and not os.path.samefile(first, page)
    assert "Prima versione." in first.read_text()
    assert not list(site.output.rglob(".*.link")) and not list(site.output.rglob(".*.part"))


def test_an_edited_template_is_compiled_and_analysed_again(tmp_path):
    """The compiled templates and their analysis are kept by each template's source
    (WRITER_TEMPLATE_CACHE_PATH, plugins/writer/templates.py): a build with other caches
    of its own reuses them, and a template edited between builds shows its edit, both
    in the pages it renders and in what they depend on."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    compiled = tmp_path / "compiled"
    settings = f"THEME = {str(theme)!r}\nWRITER_TEMPLATE_CACHE_PATH = {str(compiled)!r}\n"
    files = {"notizie/a.md": article(title="A", tags="[Crema]")}
    first = build_site(tmp_path / "one", files, settings)
    assert first.ok, first.log
    kept = sorted(p.name for p in compiled.rglob("*") if p.is_file())
    assert "analysis.json" in kept and len(kept) > 10  # the bytecode of every template

    second = build_site(tmp_path / "two", files, settings)  # other caches, same templates
    assert second.ok, second.log
    assert differences(first.output, second.output) == []

    article_template = theme / "templates" / "article.html"
    text = article_template.read_text(encoding="utf-8")
    marker = ('<p class="test-marker">{{ article.category }}'
              '{% if test_marker is defined %}{{ test_marker }}{% endif %}</p>')
    article_template.write_text(text.replace("{% block content %}",
                                             "{% block content %}" + marker, 1),
                                encoding="utf-8")
    shutil.rmtree(tmp_path / "two" / "output")
    edited = build_site(tmp_path / "two", files, settings)
    assert edited.ok, edited.log
    assert '<p class="test-marker">Notizie</p>' in edited.text("/2024/05/a/")
    analysis = json.loads(next(compiled.rglob("analysis.json")).read_text(encoding="utf-8"))
    assert any("test_marker" in names for names, _ in analysis.values())


# A plugin of a test's own: each article's number of words, shown on a listing of its own
# (a direct template), named with listed_fields as plugins/README.md tells plugins to.
WORDS_PLUGIN = '''\
from pelican import signals

from plugins.core.items import items
from plugins.core.settings import listed_fields


def initialize(pelican):
    listed_fields(pelican.settings, "parole")


def count(generator):
    for item, _ in items(generator):
        item.parole = len(item._content.split())


def register():
    signals.initialized.connect(initialize)
    signals.article_generator_finalized.connect(count)
'''
WORDS_TEMPLATE = ('<!DOCTYPE html><html lang="it"><title>Parole</title>'
                  '{% for item in articles %}<p>{{ item.title }}: {{ item.parole }}</p>'
                  '{% endfor %}</html>\n')


def test_an_attribute_a_plugin_names_for_listings_is_listed_as_a_cold_build_lists_it(tmp_path):
    """The render cache saw the other items of a page only by a fixed list of attributes
    (a listing's cards): a plugin's attribute shown on a listing kept its old value in a
    warm build (a body grown from 3 to 7 words listed as 3). A plugin names it with
    ``listed_fields`` at ``initialized``, and the listing is rendered again."""
    extra = tmp_path / "extra"
    (extra / "parole").mkdir(parents=True)
    (extra / "parole" / "__init__.py").write_text(WORDS_PLUGIN, encoding="utf-8")
    (extra / "templates").mkdir()
    (extra / "templates" / "parole.html").write_text(WORDS_TEMPLATE, encoding="utf-8")
    settings = f"""
        PLUGIN_PATHS = PLUGIN_PATHS + [{str(extra)!r}]
        PLUGINS = PLUGINS + ["parole"]
        THEME_TEMPLATES_OVERRIDES = [{str(extra / "templates")!r}]
        DIRECT_TEMPLATES = DIRECT_TEMPLATES + ["parole"]
        PAROLE_SAVE_AS = "parole/index.html"
    """
    short = {"notizie/a.md": article(title="Corta", body="Tre parole qui.")}
    cold = build_site(tmp_path, short, settings)
    assert cold.ok, cold.log
    assert "<p>Corta: 3</p>" in cold.text("/parole/")
    shutil.rmtree(cold.output)
    grown = {"notizie/a.md": article(title="Corta", body="Tre parole qui.\n\nE altre quattro ora.")}
    warm = build_site(tmp_path, grown, settings)
    assert warm.ok, warm.log
    assert "<p>Corta: 7</p>" in warm.text("/parole/")
