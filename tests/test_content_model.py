"""The editors' contract: front matter keys, categories, slugs, statuses."""

import unicodedata

from support import article
import samples

JPEG = samples.image("JPEG")  # a real JPEG: plugins/images reads what items show

# The items of the tests that read only their own items' pages, one build they share
# (``build_once``): each test's items under names of their own, none's title the
# slug of another's.
ITEMS = {
    # test_yaml_front_matter_keys_reach_the_article_page
    "immagini/foto.jpg": JPEG + b"fake-jpeg",
    "notizie/prova.md": article(
        title="Laboratorio a Crema",
        date="2024-06-12 10:30",
        modified="2024-06-20 09:00",
        tags="[Crema, Laboratori di Comunità]",
        author="Maria Rossi",
        summary="Un *lead* scritto a mano.",
        slug="laboratorio-crema",
        image="immagini/foto.jpg",
        image_alt="Persone attorno a un tavolo",
        body="Primo paragrafo del corpo.\n\nSecondo paragrafo.",
    ),
    # test_an_update_at_the_publication_time_is_no_update
    "notizie/uguale.md": article(title="Uguale", date="2024-05-06 10:00",
                                 modified="2024-05-06 10:00"),
    "notizie/secondi.md": article(title="Secondi", date="2024-05-07 10:00",
                                  modified="2024-05-07 10:00:30"),
    "notizie/dopo.md": article(title="Dopo", date="2024-05-08 10:00",
                               modified="2024-05-08 10:01"),
    # test_native_pelican_header_still_works
    "notizie/nativo.md": """\
        Title: Articolo con intestazione nativa
        Date: 2024-09-01 08:15
        Tags: Cremona, orari
        Authors: Anna Bianchi, Luca Verdi
        Summary: Il lead nativo.

        Il corpo dell'articolo.
        """,
    # test_yaml_values_are_text_as_typed_the_same_as_in_the_native_header
    "notizie/yaml.md": ("---\ntitle: No\ndate: 2024-05-05 10:00\nslug: 0124\n"
                        "tags: [No, Sì, 010, 1:30]\nvisite_precedenti: 0144\n---\n\nTesto.\n"),
    "avvisi/nativo.md": ("Title: No\nDate: 2024-05-06 10:00\nSlug: 0125\n"
                         "Tags: No, Sì, 010, 1:30\nVisite_precedenti: 0144\n\nTesto.\n"),
    # test_slugs_fold_accents_and_break_words_at_apostrophes
    "notizie/universita.md": article(title="Perché l'università"),
    "notizie/attivita.md": article(title="Perché l’attività", date="2024-05-06"),
    # the guide: symbols are left out; unidecode spelled the degree sign "deg"
    "notizie/avviso.md": article(title="Avviso n° 3: sopra i 30°C", date="2024-05-07"),
    # a title is text (the guide: «Bilancio <2024>» reads so): what is between < and >
    # was stripped from the slug as a tag (/bilancio/); «<Festa>» gave none, an error
    "notizie/bilancio.md": article(title="Bilancio <2024>", date="2024-05-08"),
    "notizie/festa.md": article(title="<Festa>", date="2024-05-09"),
}


def test_yaml_front_matter_keys_reach_the_article_page(build_once):
    site = build_once(ITEMS)
    assert site.ok, site.log
    page = site.soup("/2024/06/laboratorio-crema/")
    assert page.h1.get_text().strip() == "Laboratorio a Crema"  # "Crema": a span
    assert "Un lead scritto a mano." in page.select_one(".lead").get_text(" ", strip=True)
    assert page.select_one(".lead em").get_text() == "lead"
    times = {t["datetime"]: t.get_text(" ", strip=True) for t in page.select("main time")}
    assert times["2024-06-12T10:30:00+02:00"] == "mercoledì 12\u00a0giugno 2024, ore\u00a010:30"
    assert "2024-06-20T09:00:00+02:00" in times
    assert "Ultimo aggiornamento" in page.get_text()
    assert page.select_one('a[href$="/autori/maria-rossi/"]').get_text(strip=True) == "Maria Rossi"
    tags = [a.get_text(strip=True) for a in page.select('a[href*="/argomenti/"]')]
    assert "Crema" in tags and "Laboratori di Comunità" in tags
    image = page.select_one('main img[src$="/immagini/foto.jpg"]')
    assert image["alt"] == "Persone attorno a un tavolo"
    body = page.select_one(".article-body").get_text(" ", strip=True)
    assert "Primo paragrafo del corpo." in body and "Secondo paragrafo." in body
    assert (site.output / "immagini" / "foto.jpg").read_bytes() == JPEG + b"fake-jpeg"



def test_an_update_at_the_publication_time_is_no_update(build_once):
    # `modified` equal to `date` (a copied header, an editor filling both) showed
    # "Ultimo aggiornamento" with the very time of publication, as if the text had been
    # changed; within the same minute it reads the same (the page shows minutes).
    site = build_once(ITEMS)
    assert site.ok, site.log
    assert "Ultimo aggiornamento" not in site.soup("/2024/05/uguale/").select_one("main").text
    assert "Ultimo aggiornamento" not in site.soup("/2024/05/secondi/").select_one("main").text
    meta = site.soup("/2024/05/dopo/").select_one(".article-meta").get_text(" ", strip=True)
    assert "Ultimo aggiornamento: mercoledì 8\u00a0maggio 2024, ore\u00a010:01" in meta

def test_native_pelican_header_still_works(build_once):
    site = build_once(ITEMS)
    assert site.ok, site.log
    page = site.soup("/2024/09/articolo-con-intestazione-nativa/")
    assert page.h1.get_text(strip=True) == "Articolo con intestazione nativa"
    assert page.select_one('a[href$="/autori/anna-bianchi/"]')
    assert page.select_one('a[href$="/autori/luca-verdi/"]')
    assert page.select_one('a[href$="/argomenti/orari/"]')
    assert "Il lead nativo." in page.select_one(".lead").get_text()


def test_yaml_values_are_text_as_typed_the_same_as_in_the_native_header(build_once):
    """YAML would read No as false, 0124 as 84 (octal), 010 as 8 and 1:30 as 90."""
    site = build_once(ITEMS)
    assert site.ok, site.log
    for url in ("/2024/05/0124/", "/2024/05/0125/"):
        page = site.soup(url)
        assert page.h1.get_text(strip=True) == "No", url
        tags = [a.get_text(strip=True) for a in page.select('a[href*="/argomenti/"]')]
        assert {"No", "Sì", "010", "1:30"} <= set(tags), (url, tags)
        count = page.select_one(".article-meta .visit-count")
        assert count["data-visit-offset"] == "144", url


def test_default_author_category_from_folder_and_lead_from_first_paragraph(build):
    site = build({
        "comunicati-stampa/a.md": article(title="Comunicato", body="Il primo.\n\nIl secondo."),
        "avvisi/b.md": article(title="Avviso", date="2024-05-06"),
        "altra-cartella/c.md": article(title="Altro", date="2024-05-07"),
    })
    assert site.ok, site.log
    page = site.soup("/2024/05/comunicato/")
    assert page.select_one('a[href$="/autori/redazione/"]').get_text(strip=True) == "Redazione"
    crumbs = page.select_one('nav[aria-label="Percorso"]').get_text(" ", strip=True)
    assert "Comunicati stampa" in crumbs
    assert page.select_one(".lead").get_text(strip=True) == "Il primo."
    # the first paragraph is the lead, so the body does not repeat it
    assert page.select_one(".article-body").get_text(strip=True) == "Il secondo."
    assert site.exists("/categorie/comunicati-stampa/")
    assert site.soup("/categorie/avvisi/").h1.get_text(strip=True).endswith("Avvisi")
    assert "Altra cartella" in site.soup("/categorie/altra-cartella/").h1.get_text()
    # a bare date means midnight, Rome time
    assert site.soup("/2024/05/avviso/").select_one(
        'time[datetime="2024-05-06T00:00:00+02:00"]')


def test_tags_are_case_insensitive_and_accept_comma_text(build):
    site = build({
        "notizie/a.md": article(title="Uno", tags="Crema, Welfare"),
        "notizie/b.md": article(title="Due", date="2024-05-06", tags="[crema]"),
    })
    assert site.ok, site.log
    listing = site.soup("/argomenti/crema/")
    titles = [a.get_text(strip=True) for a in listing.select("main article h2 a")]
    assert titles == ["Due", "Uno"]
    assert not site.exists("/argomenti/crema-2/")


def test_slugs_fold_accents_and_break_words_at_apostrophes(build_once):
    site = build_once(ITEMS)
    assert site.ok, site.log
    assert site.exists("/2024/05/perche-l-universita/")
    assert site.exists("/2024/05/perche-l-attivita/")
    assert site.exists("/2024/05/avviso-n-3-sopra-i-30-c/")
    assert site.soup("/2024/05/bilancio-2024/").h1.get_text(strip=True) == "Bilancio <2024>"
    assert site.soup("/2024/05/festa/").h1.get_text(strip=True) == "<Festa>"


def test_hidden_items_are_built_but_listed_nowhere(build):
    site = build({
        "notizie/visibile.md": article(title="Visibile"),
        "notizie/nascosto.md": article(title="Nascosto", status="hidden"),
    })
    assert site.ok, site.log
    assert site.exists("/2024/05/nascosto/")
    for url in ("/", "/categorie/notizie/", "/archivio/", "/feeds/tutto.atom.xml",
                "/feeds/tutto.rss.xml", "/sitemap.xml"):
        assert "nascosto" not in site.text(url).lower(), url
    assert "visibile" in site.text("/sitemap.xml")


def test_drafts_and_future_items_never_reach_the_public_output(build):
    site = build({
        "notizie/pubblico.md": article(title="Pubblico"),
        "notizie/bozza.md": article(title="Segreto in bozza", status="draft"),
        "notizie/futuro.md": article(title="Segreto dal futuro", date="2099-01-01 10:00"),
        "pages/pagina-bozza.md": "---\ntitle: Pagina segreta\nstatus: draft\n---\nTesto.\n",
    }, config="publishconf")
    assert site.ok, site.log
    assert not (site.output / "drafts").exists()
    everything = site.all_text().lower()
    for secret in ("segreto", "pagina segreta", "2099"):
        assert secret not in everything
    assert "pubblico" in everything


def test_images_used_only_by_drafts_are_not_published(build):
    site = build({
        "immagini/pubblica.jpg": JPEG + b"public",
        "immagini/segreta.jpg": JPEG + b"secret",
        "immagini/in-corpo.jpg": JPEG + b"secret body",
        "immagini/condivisa.jpg": JPEG + b"shared",
        "notizie/pubblico.md": article(title="Pubblico", image="immagini/pubblica.jpg",
                                       image_alt="Foto", body="![x]({static}/immagini/condivisa.jpg)"),
        "notizie/bozza.md": article(title="Bozza", status="draft", image="immagini/segreta.jpg",
                                    image_alt="Foto",
                                    body="![a]({static}/immagini/in-corpo.jpg) "
                                         "![b]({static}/immagini/condivisa.jpg)"),
        "notizie/futuro.md": article(title="Futuro", date="2099-01-01",
                                     body="![c]({static}/immagini/in-corpo.jpg)"),
    }, config="publishconf")
    assert site.ok, site.log
    images = sorted(p.name for p in (site.output / "immagini").iterdir() if p.is_file())
    assert images == ["condivisa.jpg", "pubblica.jpg"]
    variants = {p.name.rsplit("-", 1)[0] for p in (site.output / "immagini" / "_r").glob("*")}
    assert variants <= {"condivisa", "pubblica"}  # nor variants of the unpublished ones


def test_images_of_a_summary_and_under_encoded_names_are_published(build):
    """Pelican's own list of an item's files reads only the body and decodes only %20."""
    site = build({
        "immagini/nel-sommario.jpg": JPEG + b"summary",
        "immagini/città.jpg": JPEG + b"accent",
        "immagini/foto uno.jpg": JPEG + b"space",
        "notizie/a.md": article(
            title="Con foto",
            summary="'Un lead ![Nel sommario]({static}/immagini/nel-sommario.jpg)'",
            body="![La città]({static}/immagini/citt%C3%A0.jpg)\n\n"
                 "![Foto uno]({static}/immagini/foto%20uno.jpg)"),
    }, config="publishconf")
    assert site.ok, site.log
    images = sorted(p.name for p in (site.output / "immagini").iterdir() if p.is_file())
    assert images == ["città.jpg", "foto uno.jpg", "nel-sommario.jpg"]
    page = site.soup("/2024/05/con-foto/")
    for alt in ("La città", "Foto uno"):  # measured like any image (4 × 3: no variants)
        image = page.find("img", alt=alt)
        assert site.exists(image["src"]) and (image["width"], image["height"]) == ("4", "3")
    lead = site.soup("/").find("img", alt="Nel sommario")
    assert site.exists(lead["src"])


def test_a_cover_saved_with_accents_written_another_way_is_found_and_published(build):
    """macOS saves "à" as "a" and a combining accent (NFD); an editor types "à" (NFC)."""
    saved = unicodedata.normalize("NFD", "immagini/città.jpg")
    site = build({saved: JPEG + b"nfd",
                  "notizie/a.md": article(title="Copertina", image="immagini/città.jpg",
                                          image_alt="La città")}, config="publishconf")
    assert site.ok, site.log
    assert (site.output / saved).read_bytes() == JPEG + b"nfd"
    cover = site.soup("/2024/05/copertina/").find("img", alt="La città")
    assert site.exists(cover["src"])


def test_keys_pelican_would_take_for_its_own_are_ignored_and_empty_lists_left_out(build):
    site = build({"notizie/a.md": article(title="Chiavi strane", content="valore",
                                          mandatory_properties="x", translation="false",
                                          authors=['""'], tags=['""'])})
    assert site.ok, site.log
    assert "chiave sconosciuta `content`, ignorata" in " ".join(site.log.split())
    page = site.soup("/2024/05/chiavi-strane/")
    assert "Testo dell’articolo" in page.select_one("main article").get_text()


def test_preview_marks_drafts_bozza_and_future_items_programmato(build):
    site = build({
        "notizie/bozza.md": article(title="In bozza", status="draft"),
        "notizie/futuro.md": article(title="Dal futuro", date="2099-01-01 10:00"),
        "notizie/pubblico.md": article(title="Pubblico"),
        "pages/bozza.md": "---\ntitle: Pagina in bozza\nstatus: draft\n---\n\nTesto.\n",
        "pages/pubblica.md": "---\ntitle: Pagina pubblica\n---\n\nTesto.\n",
    }, config="previewconf")
    assert site.ok, site.log
    page = site.soup("/pagina-in-bozza/")
    assert page.h1.get_text(" ", strip=True) == "BOZZA Pagina in bozza"
    assert "questa pagina non è pubblicata" in page.select_one(".bozza-note").get_text()
    assert site.soup("/pagina-pubblica/").h1.get_text(strip=True) == "Pagina pubblica"
    home = site.soup("/")
    items = {a.select_one("h2 a").contents[-1].strip(): a
             for a in home.select("main article")}
    assert "BOZZA" in items["In bozza"].get_text()
    assert "PROGRAMMATO 1 gennaio 2099" in items["Dal futuro"].get_text()
    assert "BOZZA" not in items["Dal futuro"].get_text()
    assert "BOZZA" not in items["Pubblico"].get_text()
    assert "PROGRAMMATO" not in items["Pubblico"].get_text()
    # the item's own page: the badge in the title says the word, the note the day and
    # the hour (compact on a phone: tests/test_low_vision_browser.py)
    future = site.soup("/2099/01/dal-futuro/")
    assert future.h1.get_text(" ", strip=True) == "PROGRAMMATO Dal futuro"
    assert future.select_one(".bozza-note").get_text(" ", strip=True) == (
        "Anteprima: esce giovedì 1\u00a0gennaio 2099, ore\u00a010:00 .")
    # a draft's date is not a publication's: a noun, with its colon ("Data domenica" was
    # no Italian)
    draft = site.soup("/2024/05/in-bozza/").select_one(".article-meta .meta-item")
    assert draft.get_text(" ", strip=True) == "Data: domenica 5\u00a0maggio 2024, ore\u00a017:07"


def test_pages_need_no_date(build):
    site = build({"pages/chi-siamo.md": "---\ntitle: Chi siamo\nslug: chi-siamo\n---\nNoi.\n"})
    assert site.ok, site.log
    assert site.soup("/chi-siamo/").h1.get_text(strip=True) == "Chi siamo"


def test_category_key_overrides_the_folder_and_authors_list(build):
    site = build({"notizie/a.md": article(title="Spostato", category="Avvisi",
                                          authors="[Anna Bianchi, Redazione]")})
    assert site.ok, site.log
    assert [a.get_text(strip=True) for a in
            site.soup("/categorie/avvisi/").select("main article h2 a")] == ["Spostato"]
    assert not site.exists("/categorie/notizie/")
    page = site.soup("/2024/05/spostato/")
    authors = [a.get_text(strip=True) for a in page.select('main a[href*="/autori/"]')]
    assert authors == ["Anna Bianchi", "Redazione"]


def test_page_summary_is_its_meta_description(build):
    site = build({"pages/p.md": "---\ntitle: Chi siamo\nslug: chi-siamo\n"
                                "summary: Il gruppo di lavoro.\n---\nTesto lungo della pagina.\n",
                  "pages/q.md": "---\ntitle: Altro\nslug: altro\n---\nTesto.\n"})
    assert site.ok, site.log
    meta = site.soup("/chi-siamo/").select_one('meta[name="description"]')["content"]
    assert meta == "Il gruppo di lavoro."
    other = site.soup("/altro/").select_one('meta[name="description"]')["content"]
    assert other == "Testo."  # no summary: its first paragraph, not the site's description


def test_windows_line_endings_and_bom_are_accepted(build):
    yaml_text = "\ufeff" + article(title="Da Windows", tags="[Crema]").replace("\n", "\r\n")
    native = "Title: Nativo da Windows\r\nDate: 2024-05-06 10:00\r\n\r\nTesto.\r\n"
    site = build({"notizie/a.md": yaml_text.encode("utf-8"),
                  "notizie/b.md": native.encode("utf-8")})
    assert site.ok, site.log
    assert site.soup("/2024/05/da-windows/").h1.get_text() == "Da Windows"
    assert site.exists("/argomenti/crema/")
    assert site.soup("/2024/05/nativo-da-windows/").h1.get_text() == "Nativo da Windows"
