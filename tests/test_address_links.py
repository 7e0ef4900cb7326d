"""Links typed by address (``/archivo/``, ``https://SITE/contatti-old/``, the address of a
page since deleted) that lead to nothing the site writes: an error at the link's line in
the build (judged at its end, against the files written: content_checks.broken_links
.broken_address_links) and, where it is sure without building, in ``./run check``. They
used to pass the build, the check and the preview, and only the release check of
``./run publish`` refused them, naming a built page, not the editor's file."""

import pytest

from support import SITEURL, article, run_tool
from test_hostile_input import assert_same_in_check

GOOD = {"notizie/buono.md": article(title="Articolo buono", tags=["Crema"])}

# The editor's mistakes, one per line of the body (line 6 on)
TYPOS = {**GOOD, "notizie/sbagliato.md": article(title="Link sbagliati", date="2024-05-06 10:00",
                                                 body=f"""
    Vedi [l'archivio](/archivo/).

    Scrivici: [contatti]({SITEURL}/contatti-old/).

    Un [articolo tolto](/2024/05/articolo-tolto/#programma).

    Un [argomento](/argomenti/nessuno/).
    """)}
NOT_FOUND = "porta a una pagina o a un file che il sito non ha: sul sito darebbe «Pagina non" \
    " trovata»; correggi l'indirizzo o togli il link"
TYPO = f"notizie/sbagliato.md:6: il link /archivo/ {NOT_FOUND}"
FULL = f"notizie/sbagliato.md:8: il link {SITEURL}/contatti-old/ {NOT_FOUND}"
# deeper than the first folder: only the build can tell
DELETED = f"notizie/sbagliato.md:10: il link /2024/05/articolo-tolto/#programma {NOT_FOUND}"
NO_TAG = f"notizie/sbagliato.md:12: il link /argomenti/nessuno/ {NOT_FOUND}"


@pytest.mark.parametrize("config", ["pelicanconf", "publishconf", "previewconf"])
def test_a_link_by_address_to_no_page_stops_the_build_at_its_line(build, config):
    site = build(TYPOS, config=config)
    assert site.returncode != 0, site.log
    log = site.messages()
    for message in (TYPO, FULL, DELETED, NO_TAG):
        assert f"ERROR {message}" in log, (message, site.log)
    assert "/ link to /archivo/: the site has no such page or file" in log
    assert "1 file con errori (notizie/sbagliato.md)" in log
    assert "Traceback" not in site.log


def test_check_names_the_links_whose_first_folder_the_site_does_not_write(build, tmp_path):
    """The same message at the same line, where it is sure without building; deeper
    (an article or a tag that is not there) it cannot tell, and says nothing."""
    build(TYPOS)
    code, out, err = run_tool(tmp_path, "check", "--settings", str(tmp_path / "testconf.py"),
                              "--content", str(tmp_path / "content"))
    assert code == 1, out + err
    for message in (TYPO, FULL):
        where, text = message.split(": ", 1)
        assert f"content/{where}: errore: {text}" in out, (message, out)
    assert "articolo-tolto" not in out and "/argomenti/nessuno/" not in out, out


# What the site writes, linked by address: every form the release check resolves
WORKING = {
    **GOOD,
    "notizie/vecchio.md": article(title="Dal vecchio sito", date="2024-04-02 10:00",
                                  indirizzi_precedenti=["/notizie/123-vecchio.html"]),
    "pages/contatti.md": "---\ntitle: Contatti\n---\n\nScrivici.\n",
    "notizie/link.md": article(title="Link giusti", date="2024-05-07 10:00", body="""
        [Home](/), [archivio](/archivio/), [senza barra](/archivio),
        [con index](/archivio/index.html), [anno](/archivio/2024/#maggio),
        [mese](/2024/05/), [anno breve](/2024), [argomento](/argomenti/crema/),
        [argomenti](/argomenti/), [categoria](/categorie/notizie/), [autore](/autori/redazione/),
        [documenti](/documenti/), [segui](/segui/), [cerca](/cerca/?q=festa),
        [feed](/feeds/tutto.atom.xml), [feed categoria](/feeds/categorie/notizie.rss.xml),
        [mappa](/sitemap.xml), [robots](/robots.txt), [redazione](/admin/),
        [vecchio indirizzo](/notizie/123-vecchio.html), [ricerca](/pagefind/pagefind.js),
        [seconda pagina](/pagina/2/), [codificato](/%61rchivio/), [sezione](#programma),
        [contatti](/contatti/#orari), [per intero](https://farelegami.example.org/segui/),
        [altro sito](https://example.com/archivo/), [posta](mailto:info@example.org).
        """),
}


def test_links_by_address_to_what_the_site_writes_pass_the_build_and_check(build, tmp_path):
    site = build(WORKING, "DEFAULT_PAGINATION = 1\n")
    assert site.ok, site.log
    assert "il sito non ha" not in site.log
    assert site.exists("/pagina/2/") and site.exists("/notizie/123-vecchio.html")
    assert_same_in_check(tmp_path, 0)
    # every folder and file the build wrote at the top is one check knows: a link to it
    # is never a false error there
    top = sorted(path.name for path in site.output.iterdir()
                 if not path.name.endswith((".gz", ".br")))
    (tmp_path / "content" / "notizie" / "cima.md").write_text(article(
        title="Cima", body=" ".join(f"[{name}](/{name})" for name in top)), encoding="utf-8")
    code, out, err = run_tool(tmp_path, "check", "--settings", str(tmp_path / "testconf.py"),
                              "--content", str(tmp_path / "content"))
    assert "il sito non ha" not in out, (top, out)


# A page pasted from the old site: 52 links to its pages, none here
MANY_TYPOS = {**GOOD, "notizie/vecchie.md": article(
    title="Vecchie pagine", date="2024-05-06 10:00",
    body="\n\n".join(f"Vecchia [pagina {n}](/vecchio/pagina-{n}.html)." for n in range(52)))}


def test_thousands_of_broken_links_are_counted_not_each_listed(build, tmp_path):
    """As for a text's other problems: the first 50 listed, the rest counted in one more,
    at the first one left out, in the build and in check alike."""
    site = build(MANY_TYPOS)
    assert site.returncode != 0
    log = site.messages()
    assert log.count("che il sito non ha: sul sito darebbe") == 50, log
    more = ("notizie/vecchie.md:106: e altri 2 link come questi, a indirizzi che il sito non"
            " ha, non elencati: correggi anche quelli / and 2 more links to addresses the site"
            " does not have")
    assert f"ERROR {more}" in log, log
    assert_same_in_check(tmp_path, 1, more)


def test_a_broken_link_in_a_draft_or_a_scheduled_item_is_a_warning(build, tmp_path):
    """Not published yet: nothing is broken on the site, and what it links may be there by
    its date. The editor is told all the same, in the build and in check."""
    files = {**GOOD,
             "notizie/bozza.md": article(title="Bozza", status="draft",
                                         body="Vedi [l'archivio](/archivo/)."),
             "notizie/dopo.md": article(title="Dopo", date="2099-03-01 10:00",
                                        body="Vedi [l'archivio](/archivo/).")}
    site = build(files)
    assert site.ok, site.log
    log = site.messages()
    for where in ("bozza.md:7", "dopo.md:6"):  # the draft's body after its `status`
        assert f"WARNING notizie/{where}: il link /archivo/ {NOT_FOUND}" in log, log
    assert_same_in_check(tmp_path, 0, f"notizie/bozza.md:7: il link /archivo/ {NOT_FOUND}",
                         f"notizie/dopo.md:6: il link /archivo/ {NOT_FOUND}",
                         severity="avviso")


def test_a_link_to_a_drafts_address_is_broken_in_the_preview_as_on_the_public_site(build):
    """The preview writes the draft, so the link works there; the public site has no such
    page: the preview says so, as the public build would."""
    files = {**GOOD, "notizie/bozza.md": article(title="Bozza", status="draft"),
             "notizie/a.md": article(title="Pubblicato", date="2024-05-07 10:00",
                                     body="Vedi [la bozza](/2024/05/bozza/).")}
    site = build(files, config="previewconf")
    assert site.returncode != 0, site.log
    assert f"ERROR notizie/a.md:6: il link /2024/05/bozza/ {NOT_FOUND}" in site.messages()
