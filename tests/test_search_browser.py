"""Site search in real headless Chromium (Debian's ``chromium``, driven by Playwright).

One small site is built once for the module and served on loopback as
``site.test`` with a strict Content-Security-Policy header (the one the site is
meant to publish: scripts from the site only, plus 'wasm-unsafe-eval' for the
index; no inline styles). One browser; one page follows a reader from the home
page's search field through several searches, a second one has JavaScript off.
Every test checks that no request left the site, that the console stayed silent
and that the policy was never violated. Timers are Playwright's clock, moved by
the test: nothing waits for real time to pass.
"""

import functools
from urllib.parse import parse_qs, quote, urlsplit

import pytest
import yaml

import samples
from browser_support import (SPLIT_ACROSS_LINES, TEST_HOSTS, WIDTHS, chromium,
                             drawn_in_theme_font, goto_in_theme_font, served_site,
                             settle_fonts, wait_until)

pytestmark = pytest.mark.browser

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       "img-src 'self'; font-src 'self'; connect-src 'self'; worker-src 'self'; "
       "object-src 'none'; base-uri 'self'; form-action 'self'")
# Violations and uncaught errors, collected in the page (an init script runs before any other).
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""


def item(title, date, body, **keys):
    meta = {"title": title, "date": date, **keys}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body


CERAMICA = "/2024/05/laboratorio-di-ceramica-a-crema/"
ORTO = "/2024/06/l-orto-condiviso/"
FESTA = "/2024/04/la-festa-della-primavera/"
RETE = "/2024/04/nasce-la-rete-dei-laboratori/"
ANNO = "/2025/05/un-anno-di-laboratori/"
CASA = "/2024/09/la-cura-dell-anziano-a-casa/"
CITTA = "/2024/09/un-accordo-con-l-universita/"
PATTO = "/2024/09/casalmaggiore-firma-il-patto-di-collaborazione/"
NARRATORI = "/2024/02/il-civic-center-cerca-narratori/"
SCUOLE = "/2024/09/le-scuole-di-casalmaggiore-in-rete/"
TOMBOLA = "/2023/11/la-tombola-del-quartiere/"
REGOLAMENTO_PDF = samples.text_pdf("Regolamento del corso di ceramica",
                                   "Chi porta la zanzariera si iscrive entro maggio.")
ARTICLES = {
    "allegati/regolamento.pdf": REGOLAMENTO_PDF,
    "notizie/ceramica.md": item(
        "Laboratorio di ceramica a Crema", "2024-05-05 17:07",
        "Il corso di ceramica riapre a settembre: portate una girandola.",
        attachments=[{"file": "allegati/regolamento.pdf", "title": "Regolamento del corso"}]),
    "notizie/orto.md": item("L’orto condiviso", "2024-06-01 10:00",
                            "Il laboratorio dell’orto si riunisce il giovedì.",
                            tags=["Giardinaggio", "Cura dell’ambiente"]),
    "comunicati-stampa/rete.md": item("Nasce la rete dei laboratori", "2024-04-10 10:00",
                                      "I laboratori di comunità si presentano alla città."),
    "comunicati-stampa/bilancio.md": item("Un anno di laboratori", "2025-05-06 10:00",
                                          "Dodici laboratori in tre territori."),
    "allegati/festa.pdf": samples.text_pdf("Giochi e musica in piazza fino a sera."),
    "notizie/festa.md": item("La festa della primavera", "2024-04-20 10:00",
                             "La festa della primavera è in piazza del Duomo: c’è anche un"
                             " orto.",
                             attachments=[{"file": "allegati/festa.pdf",
                                           "title": "Locandina della festa"}]),
    "notizie/bozza.md": item("Bozza", "2024-05-01 10:00", "Un ornitorinco nel laboratorio.",
                             status="draft"),
    # ranking and phrases: words that begin longer ones ("casa", "Casalmaggiore")
    "notizie/casa.md": item(
        "La cura dell’anziano a casa", "2024-09-05 10:00",
        "Il servizio di assistenza domiciliare aiuta le famiglie: un operatore passa ogni"
        " settimana, porta la spesa, controlla le medicine e resta a parlare. Chi vive solo"
        " può chiedere una visita telefonando al numero verde del Comune."),
    "notizie/universita.md": item(
        "Un accordo con l’università", "2024-09-08 10:00",
        "Nasce un tirocinio per i giovani: è una novità per la città, che accoglie ogni anno"
        " studenti da tutta la provincia e offre loro un primo lavoro nei servizi sociali."),
    "notizie/patto.md": item(
        "Casalmaggiore firma il patto di collaborazione", "2024-09-10 10:00",
        "Il patto di collaborazione coinvolge associazioni e cittadini di Casalmaggiore."),
    "notizie/scuole.md": item(
        "Le scuole di Casalmaggiore in rete", "2024-09-12 10:00",
        "La collaborazione tra le scuole di Casalmaggiore nasce da un patto educativo con i"
        " cittadini."),
    # the site's English terms (ITALIAN_ENGLISH_TERMS) and an elision, in a PDF too
    "allegati/narratori.pdf": samples.text_pdf("Modulo per i narratori del Civic Center",
                                               "Scrivete qui la filastrocca dell'infanzia."),
    "avvisi/narratori.md": item(
        "Il Civic Center cerca narratori", "2024-02-10 10:00",
        "Al Civic Center si raccolgono i racconti dell'infanzia dei narratori.",
        attachments=[{"file": "allegati/narratori.pdf", "title": "Modulo per i narratori"}]),
    # a PDF with a running header and page numbers on each of its pages
    "allegati/cineforum.pdf": samples.text_pdf(
        "Primo film: il pinguino e la balena.\nProiezione nel cortile.",
        "Secondo film: il violino ritrovato.\nIngresso libero.",
        "Terzo film: la lanterna magica.\nPortate una coperta.",
        header="FareLegami – Programma del cineforum", footer="Pagina {page} di {pages}"),
    "avvisi/cineforum.md": item(
        "Il cineforum nel cortile", "2024-07-02 10:00", "Tre film per le sere di luglio.",
        attachments=[{"file": "allegati/cineforum.pdf", "title": "Programma del cineforum"}]),
    # a text longer than an excerpt (30 words): cut at its start, its end or both
    "comunicati-stampa/tombola.md": item(
        "La tombola del quartiere", "2023-11-10 10:00",
        "Ogni anno il circolo degli anziani organizza una serata di giochi in sala, con premi"
        " offerti dai negozi della via e dolci preparati dalle volontarie. Quest'anno la"
        " serata sarà dedicata alla tombola, che tutti conoscono e che mette d'accordo nonni"
        " e nipoti, zii e amici di famiglia. Le cartelle si comprano all'ingresso, il"
        " ricavato va alla mensa della parrocchia e al trasporto dei pensionati che non"
        " guidano più e abitano lontano dal centro, nelle frazioni e nelle cascine."),
    # a title and a tag that look like markup: text, as on the page
    "avvisi/smeraldo.md": item("Il premio <b>Smeraldo</b> & <img src=x>", "2024-10-03 10:00",
                               "Un contributo per i balconi.",
                               tags=["<i>Fioriere</i> & <img src=y>"]),
    "avvisi/merende.md": item("Le merende Gener-Attivi", "2024-10-04 10:00",
                              "Una merenda al mese per chi aiuta in cortile."),
    # a document with its article's own title
    "allegati/bilancio-sociale.pdf": samples.text_pdf("Il bilancio sociale della cooperativa",
                                                      "Le entrate e le uscite."),
    "comunicati-stampa/bilancio-sociale.md": item(
        "Il bilancio sociale", "2024-10-05 10:00", "Pubblichiamo il bilancio della cooperativa.",
        attachments=[{"file": "allegati/bilancio-sociale.pdf", "title": "Il bilancio sociale"}]),
    # two documents of one title, of two articles; two articles of one title, of two years
    **{f"allegati/{name}.pdf": samples.text_pdf(f"Modulo di adesione: il tesserino {text}.\n"
                                                 + "Nome, cognome e firma.\n" * 40)
       for name, text in (("bocce", "della bocciofila"), ("briscola", "del dopolavoro"))},
    "comunicati-stampa/bocce.md": item(
        "Torneo di bocce", "2024-06-15 10:00", "Le squadre si iscrivono alla bocciofila.",
        attachments=[{"file": "allegati/bocce.pdf", "title": "Modulo di adesione"}]),
    "comunicati-stampa/briscola.md": item(
        "Gara di briscola", "2024-11-15 10:00", "Le coppie si iscrivono portando il mazzo.",
        attachments=[{"file": "allegati/briscola.pdf", "title": "Modulo di adesione"}]),
    **{f"allegati/calendario-{year}.pdf": samples.text_pdf(
        f"Calendario delle aperture: i turni {who}.\n" + "Lunedì, mercoledì e venerdì.\n" * 40)
       for year, who in ((2023, "dei soci"), (2024, "dei capi"))},
    **{f"comunicati-stampa/chiusura-{year}.md": item(
        "Chiusura estiva", f"{year}-08-01 10:00", "Gli uffici restano chiusi a ferragosto.",
        slug=f"chiusura-estiva-{year}",
        attachments=[{"file": f"allegati/calendario-{year}.pdf",
                      "title": "Calendario delle aperture"}]) for year in (2023, 2024)},
    # a summary copied from the first paragraph (the page shows it once: the excerpt too)
    "avvisi/mercatino.md": item(
        "Il mercatino solidale", "2024-10-01 10:00",
        "Sabato torna il mercatino solidale in piazza Roma.\n\nSi vendono libri usati e"
        " giocattoli.", summary="Sabato torna il mercatino solidale in piazza Roma."),
    # a number written with a comma, and its two parts on another page
    "pages/biglietti.md": "---\ntitle: Biglietti\n---\n\nIl biglietto ridotto costa 3,50 euro.\n",
    "pages/sale.md": "---\ntitle: Le sale\n---\n\nLa sala grande ha 3 file e 50 posti.\n",
    # abbreviations (one word of the index: "asd", "spa") and a web address
    "avvisi/calcetto.md": item(
        "Il torneo di calcetto", "2024-10-06 10:00",
        "Lo organizza la A.S.D. Stella Azzurra con la Ferri S.p.A.: ritrovo in p.zza Roma,"
        " c.a.p. 26100, dalla Dott.ssa Bianchi. Tutto su www.stellazzurra.cr.it."),
    # an abbreviation with a word glued to it, a contraction; and a page with words that
    # the contraction's parts begin ("sig", "ra": "signora", "ramazza")
    "avvisi/pallavolo.md": item("Pallavolo in palestra", "2024-10-08 10:00",
                                "Gioca la U.S.Soresina, ospite della Sig.ra Verdi."),
    "avvisi/scale.md": item("Le scale del condominio", "2024-10-09 10:00",
                            "La signora del terzo piano ramazza le scale ogni venerdì."),
    # where to ask (CONTACT_PAGE), offered when nothing is found
    "pages/contatti.md": "---\ntitle: Contatti\n---\n\nTelefonateci ogni mattina.\n",
    **{f"avvisi/sportello-{n}.md": item(f"Sportello di marzo, settimana {n}",
                                        f"2024-03-{n + 1:02} 09:00",
                                        f"Lo sportello apre anche il giorno {n + 1}.")
       for n in range(12)},
}




# A place's own page and news items tagged with it and its neighbours, as most of the
# project's news items are (Cremona begins with "crema", for Pagefind): a site of its own,
# the ranking depends on every page.
FILLER = ("Le associazioni del territorio si sono incontrate per parlare dei bisogni delle"
          " famiglie. Gli operatori hanno raccontato le esperienze dei mesi passati e i"
          " volontari hanno proposto nuove idee per il quartiere.")
TAGGED = {
    "pages/crema.md": "---\ntitle: Crema\n---\n\n" + " ".join([
        "Crema è uno dei territori del progetto, con Cremona.", FILLER,
        "A Crema si incontrano i volontari.", FILLER, "Il Comune di Crema è partner.", FILLER,
        "Le attività a Crema.", "Anche a Crema il progetto propone incontri.", FILLER,
        "Le notizie di Crema sono raccolte qui.", "Per Crema scrivete al Comune di Crema."]),
    "notizie/anno.md": item(
        "Un anno di attività", "2025-05-06 10:00", " ".join([
            FILLER, "È passato un anno dalla presentazione nel Comune di Crema.", FILLER, FILLER,
            "Il progetto si svolge a Crema, Cremona e Casalmaggiore, con il Comune di Cremona"
            " capofila.", FILLER, FILLER]),
        tags=["Crema", "Cremona", "Casalmaggiore", "Bilancio"]),
    "notizie/estate.md": item(
        "D’estate i laboratori continuano", "2024-07-10 10:00", " ".join([
            FILLER, "Le date a Crema, Cremona e Casalmaggiore saranno pubblicate.", FILLER,
            "Informazioni dal Comune di Cremona."]),
        tags=["Laboratori", "Crema", "Cremona", "Casalmaggiore", "Estate"]),
}


def document(path, title, pages):
    """The link of a document's result, which says what it is, as the site's pages do."""
    size = round(len(ARTICLES[path]) / 1000)
    return f"{title} (PDF, {size}\u00a0kB, {pages}\u00a0{'pagina' if pages == 1 else 'pagine'})"


def document_name(path, title, pages):
    """:func:`document` as a screen reader's list of links gives it: spaces normalised."""
    return " ".join(document(path, title, pages).split())


REGOLAMENTO = document("allegati/regolamento.pdf", "Regolamento del corso", 2)
NARRATORI_PDF = document("allegati/narratori.pdf", "Modulo per i narratori", 2)
CINEFORUM_PDF = document("allegati/cineforum.pdf", "Programma del cineforum", 3)
BILANCIO_PDF = document("allegati/bilancio-sociale.pdf", "Il bilancio sociale", 2)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with served_site(tmp_path_factory.mktemp("search-browser"), ARTICLES, host="site.test",
                     headers={"Content-Security-Policy": CSP},  # the site's own policy
                     settings="DEFAULT_PAGINATION = 20\nVISIT_COUNTER_URL = ''\n") as built:
        yield built


@pytest.fixture(scope="module")
def tagged_site(tmp_path_factory):
    with served_site(tmp_path_factory.mktemp("search-tagged"), TAGGED, host="site.test",
                     headers={"Content-Security-Policy": CSP},
                     settings="VISIT_COUNTER_URL = ''\n") as built:
        yield built


@pytest.fixture(scope="module")
def browser():
    with chromium(TEST_HOSTS) as browser:
        yield browser


class Reader:
    """One page in a fresh context, with what it requested and logged."""

    def __init__(self, browser, site, javascript=True, **context):
        self.site = site
        self.context = browser.new_context(**{"viewport": {"width": 390, "height": 844},
                                              **context}, java_script_enabled=javascript)
        self.page = self.context.new_page()
        self.requests, self.console, self.errors = [], [], []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: self.console.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        if javascript:
            self.page.add_init_script(WATCH)

    def wait_until(self, condition, what, timeout=20.0):
        wait_until(self.page, condition, what, timeout)

    @functools.cached_property
    def devtools(self):
        return self.context.new_cdp_session(self.page)

    def visit_in_theme_font(self, address, then=None):
        """``address`` loaded (then ``then()``), drawn in the theme's font: loaded again
        when a font file came too late for it (``browser_support.goto_in_theme_font``),
        for the tests that measure what is shown."""
        goto_in_theme_font(self.page, self.site.origin + address, self.devtools, then=then)

    def status(self):
        return self.page.locator("#cerca-stato").text_content()

    def wait_for_status(self, text, timeout=20.0):
        """Until the status reads ``text``: watched in the page, at each frame it draws
        (and again in the document a navigation brings), not polled from here."""
        from playwright.sync_api import TimeoutError as Timeout  # noqa: PLC0415

        try:
            self.page.wait_for_function(
                "text => document.querySelector('#cerca-stato')?.textContent === text",
                arg=text, timeout=timeout * 1000)
        except Timeout:
            raise AssertionError(f"timed out waiting for the status {text!r}: it reads"
                                 f" {self.status()!r}") from None

    def results(self):
        """``[(title, href, meta line, document line, excerpt HTML)]`` as shown."""
        return self.page.locator(".cerca-risultato").evaluate_all("""items => items.map(li => [
            li.querySelector("h2 a").textContent, li.querySelector("h2 a").getAttribute("href"),
            li.querySelector(".cerca-meta") ? Array.from(li.querySelector(".cerca-meta").children,
              (part) => part.textContent).join("·") : null,
            li.querySelector(".cerca-documento")?.textContent ?? null,
            li.querySelector(".cerca-estratto")?.innerHTML ?? null])""")

    def search(self, words):
        self.page.fill("#cerca-q", words)
        self.page.press("#cerca-q", "Enter")

    def check_clean(self):
        foreign = [url for url in self.requests if urlsplit(url).netloc
                   != urlsplit(self.site.origin).netloc]
        assert not foreign, foreign
        assert self.console == [] and self.errors == []
        if self.page.evaluate("'__violations' in window"):
            assert self.page.evaluate("window.__violations") == []


@pytest.fixture
def reader(browser, site):
    readers = []

    def _reader(**options):
        readers.append(Reader(browser, site, **options))
        return readers[-1]

    yield _reader
    for each in readers:
        each.check_clean()
        each.context.close()


@pytest.fixture(scope="module")
def shared_reader(browser, site):
    """One page for the tests that only search and read (:func:`searcher`)."""
    me = Reader(browser, site)
    me.page.clock.install()
    yield me
    me.context.close()


@pytest.fixture(scope="module")
def tagged_shared_reader(browser, tagged_site):
    """One page of the tagged site's search for its tests (:func:`tagged_searcher`)."""
    me = Reader(browser, tagged_site)
    yield me
    me.context.close()


def cleared(me):
    """A shared page for one test: what it requested and logged cleared before the test,
    checked clean after it."""
    me.requests.clear()
    me.console.clear()
    me.errors.clear()
    yield me
    me.check_clean()


@pytest.fixture
def tagged_searcher(tagged_shared_reader):
    """The tagged site's one page, as :func:`searcher` is the module site's: what it
    requested and logged cleared before each test, checked after it. Its context keeps
    Pagefind's files and compiled WebAssembly from one test to the next."""
    yield from cleared(tagged_shared_reader)


@pytest.fixture
def searcher(shared_reader):
    """The module's one page of the search, its clock installed (Playwright's, for the
    whole context: it cannot be taken off; time flows as it would without it until a
    test moves it on), what it requested and logged cleared: for the tests that open a
    page by its address, search and read the results, changing nothing that would carry
    over to the next test (no routes, init scripts, viewport, media, fonts, offline, a
    paused clock; its history only grows). Its context's cache keeps Pagefind's files
    and compiled WebAssembly from one test to the next: a fresh context per test, which
    fetched and compiled them again, took 1.2 s a test where this takes 0.5 s. The tests
    of loading, of scripts held or refused, of the clock paused, of an older browser, of
    a page's height and of text sizes have pages of their own (:func:`reader`)."""
    yield from cleared(shared_reader)


LOADING = "Caricamento della ricerca…"  # the page's status until the index is ready
# after "Nessun risultato": the spelling, other words, the ways to browse, where to ask
NONE = (" Controlla come sono scritte le parole, oppure prova con altre o con meno parole."
        " Puoi anche sfogliare l’archivio o le categorie. Se non trovi quello che cerchi,"
        " nella pagina Contatti trovi a chi chiedere informazioni.")


def query(url):
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def category(page):
    """The search form's "Categoria": a group of radio buttons, named by its legend."""
    return page.get_by_role("group", name="Categoria")


def choose(page, name):
    """Choose the category ``name`` ("Tutte le categorie": all of them)."""
    category(page).get_by_role("radio", name=name, exact=True).check()


def test_a_reader_searches_from_the_header_and_narrows_by_category(searcher, site):
    me = searcher
    page = me.page
    me.visit_in_theme_font("/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("search").get_by_label("Cerca nel sito").fill("girandola")
    page.get_by_role("search").get_by_role("button", name="Cerca").click()

    # the header's plain GET form: the search page runs ?q= on load
    page.wait_for_url("**/cerca/?q=girandola")
    me.wait_for_status("1 risultato per «girandola».")
    assert page.locator("#cerca-nojs").is_hidden()
    assert page.get_by_role("status").text_content() == "1 risultato per «girandola»."
    assert page.get_by_label("Parole da cercare").input_value() == "girandola"
    assert category(page).get_by_role("radio").evaluate_all(
        "radios => radios.map(radio => radio.labels[0].textContent)") == [
        "Tutte le categorie", "Avvisi", "Comunicati stampa", "Notizie"]
    assert me.results() == [["Laboratorio di ceramica a Crema", CERAMICA,
                             "5 maggio 2024·Notizie", None,
                             "Il corso di ceramica riapre a settembre: portate una"
                             " <mark>girandola</mark>. Regolamento del corso."]]
    # the attachment's title, a sentence (plugins/search); not the title again
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    # a word only inside a PDF attachment: the document, its title, its article
    me.search("zanzariera")
    me.wait_for_status("1 risultato per «zanzariera».")
    [(title, href, meta, source, excerpt)] = me.results()
    assert (title, href) == (REGOLAMENTO, "/allegati/regolamento.pdf")
    assert title == f"Regolamento del corso (PDF, {round(len(REGOLAMENTO_PDF) / 1000)}\u00a0kB,"\
                    " 2\u00a0pagine)"
    assert meta == "5 maggio 2024·Notizie"
    assert source == "Dalla notizia «Laboratorio di ceramica a Crema»"
    assert page.locator(".cerca-documento a").get_attribute("href") == site.origin + CERAMICA
    assert "<mark>zanzariera</mark>" in excerpt
    assert query(page.url) == {"q": "zanzariera"}

    # Italian stemming: "laboratori" finds the article that only says "laboratorio"
    me.search("laboratori")
    me.wait_until(lambda: me.status().endswith("per «laboratori»."), "the laboratori results")
    everywhere = me.results()
    assert ORTO in [href for _, href, *_ in everywhere]
    assert me.status() == f"{len(everywhere)} risultati per «laboratori»."
    assert {meta.split("·")[1] for _, _, meta, *_ in everywhere} == {"Notizie",
                                                                     "Comunicati stampa"}

    # the category filter narrows the same search; the address keeps both
    choose(page, "Comunicati stampa")
    me.wait_for_status("2 risultati per «laboratori» in Comunicati stampa.")
    narrowed = me.results()
    assert [title for title, *_ in narrowed] and {meta.split("·")[1] for _, _, meta, *_
                                                  in narrowed} == {"Comunicati stampa"}
    assert len(narrowed) < len(everywhere)
    assert query(page.url) == {"q": "laboratori", "categoria": "Comunicati stampa"}

    # drafts and the 404 page are not in the index
    choose(page, "Tutte le categorie")
    for word in ("ornitorinco", "trovata"):
        me.search(word)
        me.wait_for_status(f"Nessun risultato per «{word}»." + NONE)
        assert me.results() == []
    # what to try next: the archive and the categories, and where to ask, links
    assert [(link.text_content(), link.get_attribute("href")) for link in page.get_by_role(
        "status").get_by_role("link").all()] == [
        ("l’archivio", site.origin + "/archivio/"), ("le categorie", site.origin + "/categorie/"),
        ("Contatti", site.origin + "/contatti/")]


def test_typing_shows_results_after_a_pause_and_announces_the_count_once(reader, site):
    me = reader()
    page = me.page
    page.clock.install()
    page.goto(site.origin + "/cerca/?q=sportello")
    me.wait_for_status("12 risultati per «sportello».")
    assert len(me.results()) == 10

    # "Mostra altri risultati": the other two, focus on the first of them, from the keyboard
    more = page.get_by_role("button", name="Mostra altri risultati")
    more.focus()
    page.keyboard.press("Enter")
    me.wait_until(lambda: len(me.results()) == 12, "two more results")
    assert page.evaluate("document.activeElement.textContent") == me.results()[10][0]
    assert more.is_hidden()

    # typing: nothing happens until typing pauses; the count only once it has paused longer
    page.evaluate("""() => { window.__said = [];
        new MutationObserver(() => window.__said.push(document.querySelector("#cerca-stato")
          .textContent)).observe(document.querySelector("#cerca-stato"),
          {childList: true, characterData: true, subtree: true}); }""")
    # The installed clock still flows at the real pace: stop it, so that a slow machine
    # typing for over 300 ms cannot fire the pause's timer before the test says so.
    page.clock.pause_at(page.evaluate("Date.now()") + 1)
    field = page.get_by_label("Parole da cercare")
    field.fill("")
    field.press_sequentially("ceramica")
    assert len(me.results()) == 12 and me.status() == "12 risultati per «sportello»."
    page.clock.run_for(300)  # the typing pause: the search runs
    me.wait_until(lambda: {title for title, *_ in me.results()} == {
        "Laboratorio di ceramica a Crema", REGOLAMENTO}, "the results for ceramica")
    assert me.status() == ""  # results on screen, the count not announced yet
    page.clock.run_for(700)
    me.wait_for_status("2 risultati per «ceramica».")
    assert [said for said in page.evaluate("window.__said") if said] == [
        "2 risultati per «ceramica»."]  # once, not once per keystroke
    assert query(page.url) == {"q": "ceramica"}

    # a single letter typed is not searched (every page has a word beginning with it, a
    # list announced to a reader typing slowly): as an empty field; sent, it is searched
    page.evaluate("window.__said = []")
    field.fill("c")
    page.clock.run_for(1000)
    me.wait_until(lambda: me.results() == [] and me.status() == "", "the results cleared")
    assert [said for said in page.evaluate("window.__said") if said] == []
    assert query(page.url) == {}
    field.press("Enter")
    me.wait_until(lambda: me.status().endswith(" risultati per «c»."), "the results for c")
    assert len(me.results()) == 10
    field.fill("ceramica")
    page.clock.run_for(300)
    me.wait_until(lambda: len(me.results()) == 2, "the results for ceramica")
    page.clock.run_for(700)
    me.wait_for_status("2 risultati per «ceramica».")

    # keyboard order: the words, the category (one stop: the chosen radio button), the
    # button; the arrows choose another category, which searches at once, in the address
    field.focus()
    page.keyboard.press("Tab")
    everywhere = category(page).get_by_role("radio", name="Tutte le categorie")
    assert everywhere.evaluate("radio => radio === document.activeElement")
    page.keyboard.press("ArrowRight")
    me.wait_for_status("Nessun risultato per «ceramica» in Avvisi. Ci sono 2 risultati in"
                       " tutte le categorie.")
    assert query(page.url) == {"q": "ceramica", "categoria": "Avvisi"}
    page.keyboard.press("ArrowLeft")
    me.wait_for_status("2 risultati per «ceramica».")
    assert everywhere.is_checked() and query(page.url) == {"q": "ceramica"}
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Cerca"


def in_view(page, selector):
    """Whether the element ``selector`` is wholly within the window."""
    return page.locator(selector).evaluate(
        "element => { const box = element.getBoundingClientRect();"
        " return box.top >= 0 && box.bottom <= window.innerHeight; }")


def test_a_search_sent_on_a_touch_screen_closes_the_keyboard_and_shows_the_count(reader,
                                                                                 site):
    """On a phone the on-screen keyboard stayed up after its search key (the focus kept in
    the field), over the count and the results; on a small one (320 × 568) the count was
    below the form anyway: the page looked as before, as if nothing had been searched.
    The focus goes to the status, not to the page's <body> (blur()): a phone's screen
    reader (TalkBack, VoiceOver: pointer coarse too) went back to the page's start."""
    me = reader(viewport={"width": 320, "height": 568}, has_touch=True, is_mobile=True)
    page = me.page
    page.goto(site.origin + "/cerca/")
    me.wait_until(lambda: category(page).get_by_role("radio").count() > 1, "the index ready")
    assert not in_view(page, "#cerca-stato")  # below the form
    field = page.get_by_label("Parole da cercare")
    field.fill("ceramica")
    field.press("Enter")  # the keyboard's search key
    me.wait_for_status("2 risultati per «ceramica».")
    # the keyboard closed, the reading position on the count
    assert page.evaluate("document.activeElement.id") == "cerca-stato"
    me.wait_until(lambda: in_view(page, "#cerca-stato"), "the count in view")
    # the button too; nothing found, and a search with no words, are shown as well
    page.evaluate("window.scrollTo({top: 0, behavior: 'instant'})")
    field.fill("ornitorinco")
    page.get_by_role("button", name="Cerca", exact=True).tap()
    me.wait_until(lambda: me.status().startswith("Nessun risultato per «ornitorinco»."),
                  "nothing found")
    me.wait_until(lambda: in_view(page, "#cerca-stato"), "nothing found in view")
    page.evaluate("window.scrollTo({top: 0, behavior: 'instant'})")
    field.fill("")
    field.press("Enter")
    me.wait_for_status("Scrivi le parole da cercare, o scegli una categoria.")
    me.wait_until(lambda: in_view(page, "#cerca-stato"), "what to do in view")
    # a typo's suggestion, tapped: searched, the keyboard not opened again over the count
    field.fill("casalmagiore")
    field.press("Enter")
    me.wait_for_status("Nessun risultato per «casalmagiore». Forse cercavi «Casalmaggiore»?")
    page.get_by_role("status").get_by_role("link", name="Casalmaggiore").tap()
    me.wait_until(lambda: me.status().endswith(" risultati per «Casalmaggiore»."),
                  "the suggestion's results")
    assert field.input_value() == "Casalmaggiore"
    assert page.evaluate("document.activeElement.id") == "cerca-stato"  # not the field
    me.wait_until(lambda: in_view(page, "#cerca-stato"), "the suggestion's count in view")


def test_a_search_sent_with_a_mouse_or_a_keyboard_keeps_the_focus_in_the_field(reader,
                                                                                site):
    """Without a touch screen, the focus stays where the reader put it (the status says the
    count): a keyboard's reader types again at once."""
    me = reader(viewport={"width": 320, "height": 568})
    page = me.page
    page.goto(site.origin + "/cerca/")
    me.wait_until(lambda: category(page).get_by_role("radio").count() > 1, "the index ready")
    me.search("ceramica")
    me.wait_for_status("2 risultati per «ceramica».")
    assert page.get_by_label("Parole da cercare").evaluate(
        "field => field === document.activeElement")


def test_what_is_typed_while_the_index_loads_is_kept_and_searched(reader, site):
    """On a slow connection the form shows before Pagefind has arrived: a reader who
    types at once must not see the words erased when the index is ready."""
    me = reader()
    page = me.page
    held = []
    page.route("**/pagefind/pagefind.js", lambda route: held.append(route))  # answered later
    page.goto(site.origin + "/cerca/")
    field = page.get_by_label("Parole da cercare")
    me.wait_until(lambda: held and field.is_visible(), "the form shown, the index held")
    field.press_sequentially("ceramica")
    held[0].continue_()
    me.wait_until(lambda: {title for title, *_ in me.results()} == {
        "Laboratorio di ceramica a Crema", REGOLAMENTO}, "the results for ceramica")
    assert field.input_value() == "ceramica"
    me.wait_for_status("2 risultati per «ceramica».")


def test_on_a_slow_connection_the_page_says_the_search_is_loading_not_that_it_needs_js(
        reader, site):
    """A reader in the countryside: the search's script, then Pagefind, arrive seconds
    after the page. Meanwhile the page showed "La ricerca richiede JavaScript" (to a
    reader who has it), then an empty form with nothing said. Now the form shows at once
    (CSS, ``scripting: enabled``), says the search is loading, holds the address's words
    as soon as the script runs, and says so again if the index takes long."""
    me = reader()
    page = me.page
    page.clock.install()
    script, index = [], []
    page.route("**/theme/js/cerca.*.js", lambda route: script.append(route))  # both late
    page.route("**/pagefind/pagefind.js", lambda route: index.append(route))
    page.goto(site.origin + "/cerca/?q=girandola", wait_until="commit")  # the script held
    me.wait_until(lambda: script and page.locator("#cerca-altri").count() and page.evaluate(
        "() => [...document.styleSheets].filter((sheet) => sheet.href).length"
        " === document.querySelectorAll('link[rel=stylesheet]').length"),
        "the page and its styles, the script asked for")
    status = page.get_by_role("status")
    assert page.locator("#cerca-nojs").is_hidden()
    assert page.get_by_label("Parole da cercare").is_visible()
    assert status.text_content() == LOADING
    script[0].continue_()
    me.wait_until(lambda: index, "the index asked for")
    me.wait_until(lambda: page.get_by_label("Parole da cercare").input_value() == "girandola",
                  "the address's words in the field")
    assert status.text_content() == LOADING
    page.clock.run_for(6000)
    assert status.text_content() == ("La ricerca si sta ancora caricando: con una connessione"
                                     " lenta ci vuole qualche secondo in più.")
    index[0].continue_()
    me.wait_for_status("1 risultato per «girandola».")


RIPIEGO = ("La ricerca non si è caricata: ricarica la pagina, oppure sfoglia l’archivio,"
           " le categorie o gli argomenti.")


def at(page, ms):
    """The page's CSS animations (not Playwright's clock: they run on the page's own
    timeline) moved to ``ms`` after they began; their names."""
    return page.evaluate("""(ms) => document.getAnimations().map((animation) => {
        animation.currentTime = ms;
        return animation.animationName; })""", ms)


@pytest.mark.parametrize("motion", ["no-preference", "reduce"])
def test_when_the_search_script_never_arrives_the_page_offers_the_ways_to_browse(
        reader, site, motion):
    """A dropped connection, a proxy, an old cached page whose fingerprinted script is
    gone: cerca.js never runs. The page said "Caricamento della ricerca…" for ever, the
    note's ways to browse hidden (CSS, ``scripting: enabled``). After a while (CSS
    alone) a message takes the status's place, with the links; the role="status"
    element is left as it was (nothing said twice: the message is an alert of its own,
    test_when_the_search_script_never_arrives_screen_readers_are_told). Reduced motion
    changes nothing: the message only appears."""
    me = reader()
    page = me.page
    page.emulate_media(reduced_motion=motion)
    page.route("**/theme/js/cerca.*.js", lambda route: route.abort())
    page.goto(site.origin + "/cerca/?q=girandola")
    me.wait_until(lambda: page.evaluate(
        "() => [...document.styleSheets].filter((sheet) => sheet.href).length"
        " === document.querySelectorAll('link[rel=stylesheet]').length"), "the styles")
    message = page.locator("#cerca-ripiego")
    status = page.get_by_role("status")
    assert status.is_visible() and status.text_content() == LOADING
    assert message.count() == 1 and message.is_hidden()
    # hidden, it takes no room and is out of the accessibility tree
    assert message.bounding_box() is None or message.bounding_box()["height"] == 0
    assert page.get_by_role("link", name="l’archivio").count() == 0
    assert sorted(at(page, 11000)) == ["cerca-ripiego-mostra", "cerca-ripiego-nascondi"]
    assert message.is_hidden() and status.is_visible()
    at(page, 13000)
    me.wait_until(lambda: message.is_visible(), "the message shown")
    assert " ".join(message.text_content().split()) == RIPIEGO
    assert [message.get_by_role("link", name=name).get_attribute("href") for name in (
        "l’archivio", "le categorie", "gli argomenti")] == [
        site.origin + path for path in ("/archivio/", "/categorie/", "/argomenti/")]
    assert page.locator("#cerca-nojs").is_hidden()
    # not in the live region, which is hidden in its place, its text unchanged
    assert page.locator("#cerca-stato #cerca-ripiego").count() == 0
    assert status.is_hidden() and page.locator("#cerca-stato").text_content() == LOADING
    assert message.bounding_box()["height"] > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # the form still works without the script: a plain GET to the page, which tries again
    assert page.get_by_label("Parole da cercare").is_visible()
    me.errors.clear()  # the blocked script's failure, the test's own doing
    me.console[:] = [line for line in me.console if "cerca." not in line
                     and "ERR_FAILED" not in line]


# A browser below Pagefind's floor (theme/README.md, "Supported browsers"), in the page:
# a WebAssembly without reference types (a module whose types take an externref, 0x6f, is
# invalid and will not compile), or none at all (iOS's Lockdown Mode). The worker Pagefind
# runs its WebAssembly in (no init script reaches it) is refused, as it would fail there.
BELOW_FLOOR = {
    "old": """(() => {
  const bytes = (source) => new Uint8Array(ArrayBuffer.isView(source) ? source.buffer : source);
  const old = (source) => !bytes(source).includes(0x6f);
  const validate = WebAssembly.validate;
  WebAssembly.validate = (source) => old(source) && validate(source);
  const refuse = () => Promise.reject(new WebAssembly.CompileError("invalid value type"));
  WebAssembly.compile = WebAssembly.instantiate = refuse;
  WebAssembly.compileStreaming = WebAssembly.instantiateStreaming = refuse;
})();""",
    "none": "delete window.WebAssembly;",
}
TOO_OLD = ("La ricerca non funziona con questa versione del browser, che è troppo vecchia:"
           " aggiorna il browser (o il sistema del telefono o del tablet), oppure usa un altro"
           " browser o dispositivo.")
NO_WASM = ("La ricerca non funziona in questo browser, perché WebAssembly manca o è"
           " disattivato (per esempio dalla modalità di isolamento di iPhone e iPad): usa un"
           " altro browser o dispositivo.")
MEANWHILE = " Intanto puoi sfogliare l’archivio, le categorie o gli argomenti."


@pytest.mark.parametrize("browser_kind, message", [("old", TOO_OLD), ("none", NO_WASM)])
def test_below_the_browser_floor_the_page_says_why_and_how_to_browse(
        reader, site, browser_kind, message):
    """A reader with a browser Pagefind cannot run in (below the floor, or without
    WebAssembly): the page said "La ricerca non è disponibile in questo momento", as if
    the search were down for a while and would come back. It says why, what to do, and
    the ways to browse meanwhile (the note's for readers without JavaScript), in the
    role="status" element, which announces it; the form is hidden and nothing of
    Pagefind is fetched."""
    me = reader()
    page = me.page
    page.add_init_script(BELOW_FLOOR[browser_kind])
    page.route("**/pagefind/pagefind-worker.js", lambda route: route.abort())
    page.goto(site.origin + "/cerca/?q=girandola")
    status = page.get_by_role("status")
    me.wait_until(lambda: status.text_content() != LOADING, "the status's message")
    assert status.text_content() == message + MEANWHILE
    assert [status.get_by_role("link", name=name).get_attribute("href") for name in (
        "l’archivio", "le categorie", "gli argomenti")] == [
        site.origin + path for path in ("/archivio/", "/categorie/", "/argomenti/")]
    assert page.locator("#cerca-form").is_hidden() and status.is_visible()
    assert page.locator("#cerca-nojs").is_hidden()  # said once, in the status
    node = accessible(me, "#cerca-stato")  # a live region: screen readers say it
    assert (node["role"], node["live"]) == ("status", "polite")
    assert not [url for url in me.requests if "/pagefind/" in url]


# Safari before 16 and Chromium before 97 under the page's policy: they do not know
# 'wasm-unsafe-eval' and refuse to compile any WebAssembly without 'unsafe-eval', as
# Safari says it (its worker refused too: aborted here, no init script reaches it).
OLD_POLICY = """(() => {
  const refuse = () => {
    throw new EvalError("Refused to create a WebAssembly object because 'unsafe-eval' is"
      + " not an allowed source of script in the following Content Security Policy"
      + " directive");
  };
  const refused = () => Promise.reject(new EvalError("Refused to create a WebAssembly object"));
  WebAssembly.Module = function Module() { refuse(); };
  WebAssembly.Instance = function Instance() { refuse(); };
  WebAssembly.compile = WebAssembly.instantiate = refused;
  WebAssembly.compileStreaming = WebAssembly.instantiateStreaming = refused;
})();"""


def test_a_browser_refusing_webassembly_under_the_pages_policy_is_told_it_is_too_old(
        reader, site):
    """Safari 15 and Chromium 96 pass the floor's check (their WebAssembly has reference
    types) but refuse to compile it under the site's policy, whose 'wasm-unsafe-eval' they
    do not know. Pagefind is tried (its worker, under its own response's policy, may run
    it), fails, and the page said the search was down "in questo momento": it says the
    browser is too old, with the ways to browse, as below the floor."""
    me = reader()
    page = me.page
    page.add_init_script(OLD_POLICY)
    page.route("**/pagefind/pagefind-worker.js", lambda route: route.abort())
    page.goto(site.origin + "/cerca/?q=girandola")
    status = page.get_by_role("status")
    me.wait_until(lambda: status.text_content() != LOADING, "the status's message")
    assert status.text_content() == TOO_OLD + MEANWHILE
    assert page.locator("#cerca-form").is_hidden() and status.is_visible()
    assert [url for url in me.requests if url.endswith("/pagefind/pagefind.js")]  # tried
    me.errors.clear()  # Pagefind's failure, the test's own doing
    me.console[:] = [line for line in me.console if "pagefind" not in line.lower()
                     and "ERR_FAILED" not in line and "WebAssembly" not in line]


def accessible(me, selector):
    """The node of ``selector``'s element in Chromium's accessibility tree (what screen
    readers are given): ``{"role", "live", "name"}``, or None while it is out of the tree
    (hidden, ignored)."""
    target = me.devtools.send("Runtime.evaluate", {
        "expression": f"document.querySelector({selector!r})"})["result"]
    node = me.devtools.send("Accessibility.getPartialAXTree", {
        "objectId": target["objectId"], "fetchRelatives": False})["nodes"][0]
    if node.get("ignored"):
        return None
    properties = {item["name"]: item["value"].get("value")
                  for item in node.get("properties", [])}
    return {"role": node["role"]["value"], "live": properties.get("live"),
            "name": " ".join(node.get("name", {}).get("value", "").split())}


def test_when_the_search_script_never_arrives_screen_readers_are_told(reader, site):
    """WCAG 4.1.3: the message that takes the status's place when cerca.js never runs
    was shown by CSS outside any live region: a screen reader said nothing, its reader
    left with "Caricamento della ricerca…" as the last word. The message is an alert:
    out of the accessibility tree until its time, an alert from then on (added to the
    tree: announced, once), while the status it replaces leaves the tree unchanged."""
    me = reader()
    page = me.page
    page.route("**/theme/js/cerca.*.js", lambda route: route.abort())
    page.goto(site.origin + "/cerca/?q=girandola")
    me.wait_until(lambda: page.evaluate(
        "() => [...document.styleSheets].filter((sheet) => sheet.href).length"
        " === document.querySelectorAll('link[rel=stylesheet]').length"), "the styles")
    assert accessible(me, "#cerca-ripiego") is None
    assert accessible(me, "#cerca-stato")["live"] == "polite"
    at(page, 13000)
    me.wait_until(lambda: page.locator("#cerca-ripiego").is_visible(), "the message shown")
    shown = accessible(me, "#cerca-ripiego")
    assert shown is not None and shown["role"] == "alert", shown
    assert shown["live"] == "assertive", shown
    assert accessible(me, "#cerca-stato") is None  # hidden in its place: nothing said twice
    me.errors.clear()  # the blocked script's failure, the test's own doing
    me.console[:] = [line for line in me.console if "cerca." not in line
                     and "ERR_FAILED" not in line]


def test_a_script_later_than_the_message_takes_its_place(reader, site):
    """The script arrives after the message has shown (a very slow connection): the
    message goes, the status comes back, the search works."""
    me = reader()
    page = me.page
    page.clock.install()
    script = []
    page.route("**/theme/js/cerca.*.js", lambda route: script.append(route))
    page.goto(site.origin + "/cerca/?q=girandola", wait_until="commit")
    me.wait_until(lambda: script and page.locator("#cerca-altri").count(), "the page")
    at(page, 20000)
    me.wait_until(lambda: page.locator("#cerca-ripiego").is_visible(), "the message shown")
    script[0].continue_()
    me.wait_for_status("1 risultato per «girandola».")
    assert page.locator("#cerca-ripiego").count() == 0
    assert page.get_by_role("status").is_visible()


def test_with_the_script_running_the_message_never_shows(searcher, site):
    me = searcher
    page = me.page
    page.goto(site.origin + "/cerca/?q=girandola")
    me.wait_for_status("1 risultato per «girandola».")
    assert at(page, 60000) == []  # nothing left to show the message, nor hide the status
    page.clock.run_for(60000)
    assert page.locator("#cerca-ripiego").count() == 0
    assert page.get_by_role("status").is_visible()
    assert page.get_by_role("status").text_content() == "1 risultato per «girandola»."


def test_a_search_page_without_words_says_nothing_once_the_index_is_ready(searcher, site):
    me = searcher
    me.page.goto(site.origin + "/cerca/")
    me.wait_until(lambda: category(me.page).get_by_role("radio").count() > 1,
                  "the categories from the index")
    assert me.status() == ""


def test_the_headers_search_sent_empty_says_what_to_do(searcher, site):
    """WCAG 3.3.1, 3.3.3: the header's "Cerca" pressed with an empty field led to
    /cerca/?q= saying nothing (the status emptied), where the page's own form, sent empty,
    says what to write. Now both say it, in the status (announced)."""
    me = searcher
    page = me.page
    page.goto(site.origin + "/")
    page.get_by_role("button", name="Cerca", exact=True).click()
    page.wait_for_url("**/cerca/?q=")
    me.wait_for_status("Scrivi le parole da cercare, o scegli una categoria.")
    assert me.results() == []
    assert page.get_by_label("Parole da cercare").input_value() == ""


def test_without_javascript_the_page_says_so_and_links_the_ways_to_browse(reader, site):
    me = reader(javascript=False)
    me.page.goto(site.origin + "/cerca/?q=girandola")
    note = me.page.locator("#cerca-nojs")
    assert note.is_visible()
    assert note.text_content() == ("La ricerca richiede JavaScript: puoi sfogliare l’archivio,"
                                   " le categorie o gli argomenti.")
    assert [note.get_by_role("link", name=name).get_attribute("href") for name in (
        "l’archivio", "le categorie", "gli argomenti")] == [
        site.origin + path for path in ("/archivio/", "/categorie/", "/argomenti/")]
    assert me.page.locator("#cerca").is_hidden()


def test_a_word_after_an_apostrophe_is_found_however_the_apostrophe_is_typed(searcher, site):
    """The site writes ’ in "dell’orto"; Pagefind took it for a letter of one word."""
    me = searcher
    me.page.goto(site.origin + "/cerca/?q=orto")  # run on load: the search is ready after it
    for words in ("orto", "dell’orto", "dell'orto"):
        if words != "orto":
            me.search(words)
        me.wait_until(lambda: me.status().endswith(f"per «{words}»."), f"results of {words}")
        found = me.results()
        assert ORTO in [href for _, href, *_ in found], (words, found)
        assert [title for title, href, *_ in found if href == ORTO] == ["L’orto condiviso"]


@pytest.mark.parametrize("words", ["ceramica,girandola", "Ceramica/Girandola",
                                   "ceramica+girandola", "<b>ceramica</b> girandola",
                                   "=girandola", "girandola<br>ceramica"])
def test_words_joined_by_punctuation_or_pasted_with_markup_are_each_searched(
        searcher, site, words):
    """Words typed with no space after a comma, joined by a slash or a plus, or pasted with
    their markup: Pagefind searched them as one word ("ceramicagirandola"), which no
    page has, and said "Nessun risultato"."""
    me = searcher
    me.page.goto(site.origin + "/cerca/?q=" + quote(words))
    me.wait_for_status(f"1 risultato per «{words}».")
    [(title, href, _, _, excerpt)] = me.results()
    assert (title, href) == ("Laboratorio di ceramica a Crema", CERAMICA)
    assert "<mark>girandola</mark>" in excerpt, excerpt


def test_a_number_written_with_a_comma_or_a_full_stop_stays_one_word(searcher, site):
    """Words joined by punctuation are searched apart, not digits: "3,50" is one word of
    the index, and its parts found a page with a 3 and a 50 of their own."""
    me = searcher
    me.page.goto(site.origin + "/cerca/?q=" + quote("3,50"))
    me.wait_for_status("1 risultato per «3,50».")
    assert [title for title, *_ in me.results()] == ["Biglietti"]


CALCETTO = "/2024/10/il-torneo-di-calcetto/"


@pytest.mark.parametrize("words, marked", [
    ("A.S.D.", "A.S.D"), ("S.p.A.", "S.p.A"), ("A.S.D. Roma", "A.S.D"),
    ("p.zza Roma", "p.zza"), ("c.a.p. 26100", "c.a.p"), ("Dott.ssa Bianchi", "Dott.ssa"),
    ("stellazzurra.cr.it", "www.stellazzurra.cr.it")])
def test_an_abbreviation_is_searched_as_the_word_the_page_writes(searcher, site, words,
                                                                  marked):
    """Words joined by punctuation are searched apart, but not an abbreviation's letters:
    "A.S.D." searched "s" (a beginning of every word; "a" and "d" are function words),
    listing almost every page, "A.S.D. Roma" the other page with "Roma" ("piazza Roma",
    "Sabato"), "S.p.A." 21 pages ("s", "p"). The index has "asd", "spa" as one word;
    the parts of a web address ("www.stellazzurra.cr.it") are each a word of it, not always
    joined ("stellazzurracrit" is no word of it). The mark leaves the final full stop out,
    as it leaves a comma."""
    me = searcher
    me.page.goto(site.origin + "/cerca/?q=" + quote(words))
    me.wait_until(lambda: f"«{words}»" in me.status(), f"the answer for {words}")
    assert me.status() == f"1 risultato per «{words}».", me.status()
    [(title, href, _, _, excerpt)] = me.results()
    assert (title, href) == ("Il torneo di calcetto", CALCETTO)
    assert f"<mark>{marked}</mark>" in excerpt, excerpt


PALLAVOLO = "/2024/10/pallavolo-in-palestra/"
SCALE = "/2024/10/le-scale-del-condominio/"


@pytest.mark.parametrize("words, found", [
    ("A.S.D.Stella", CALCETTO), ("S.p.A.Ferri", CALCETTO), ("U.S.Soresina", PALLAVOLO),
    ("U.S. Soresina", PALLAVOLO), ("Soresina", PALLAVOLO),
    # any abbreviation, a contraction too, with a longer word glued to it
    ("p.zza.Roma", CALCETTO), ("Sig.ra.Verdi", PALLAVOLO)])
def test_an_abbreviation_with_a_word_glued_to_it_finds_the_page_writing_them(
        searcher, site, words, found):
    """An abbreviation and a word typed with no space after its last full stop,
    "A.S.D.Stella": searched as one word, "asdstella", which only a page writing them
    so has; the page writing "A.S.D. Stella Azzurra" said "Nessun risultato". They are
    the abbreviation and the word, as that page writes them; a page writing them glued,
    "U.S.Soresina", is found by them too, and by the word alone (the index has its
    parts). Not only after two single letters: "p.zza.Roma" was one word, "pzzaroma",
    and "Sig.ra.Verdi" three, "sig", "ra" and "verdi"."""
    me = searcher
    me.page.goto(site.origin + "/cerca/?q=" + quote(words))
    me.wait_until(lambda: f"«{words}»" in me.status(), f"the answer for {words}")
    assert me.status() == f"1 risultato per «{words}».", me.status()
    assert [href for _, href, *_ in me.results()] == [found]


def test_a_contraction_is_searched_as_the_word_the_page_writes(searcher, site):
    """"Sig.ra" was searched as its parts, "sig" and "ra", the beginnings of other words:
    a page saying "signora" and "ramazza" was found with the one saying "Sig.ra". It is
    one word, as the index has it; "signora" still finds the page that writes it."""
    me = searcher
    for words, found, marked in (("Sig.ra", PALLAVOLO, "Sig.ra"),
                                 ("signora", SCALE, "signora")):
        me.page.goto(site.origin + "/cerca/?q=" + quote(words))
        me.wait_until(lambda: f"«{words}»" in me.status(), f"the answer for {words}")
        assert me.status() == f"1 risultato per «{words}».", me.status()
        [(_, href, _, _, excerpt)] = me.results()
        assert href == found
        assert f"<mark>{marked}</mark>" in excerpt, excerpt


def test_a_word_on_no_page_finds_nothing_not_the_pages_of_a_shorter_word(searcher, site):
    """Pagefind matches a word it does not have to the longest word of its index that
    begins it: "asilo" found every page with the preposition "a", "delibera" every "del"."""
    me = searcher
    me.page.goto(site.origin + "/cerca/?q=asilo")
    me.wait_for_status("Nessun risultato per «asilo»." + NONE)
    assert me.results() == []
    for words in ("delibera", "ospedale"):
        me.search(words)
        me.wait_for_status(f"Nessun risultato per «{words}»." + NONE)
        assert me.results() == []
    # with a word that is there, the other is named, not silently dropped
    me.search("bando ceramica")
    me.wait_for_status("«bando» non si trova: 2 risultati per «ceramica».")
    assert {title for title, *_ in me.results()} == {"Laboratorio di ceramica a Crema",
                                                     REGOLAMENTO}
    assert query(me.page.url) == {"q": "bando ceramica"}
    me.search("bando ceramica ospedale")  # two named as Italian lists them, not «a», «b»
    me.wait_for_status("«bando» e «ospedale» non si trovano: 2 risultati per «ceramica».")
    # the beginning of a word still finds it, so does a word with a typo near its end
    for words, found in (("girando", CERAMICA), ("laboratorrio", CERAMICA), ("fest", FESTA)):
        me.search(words)
        me.wait_until(lambda: me.status().endswith(f"per «{words}»."), f"results of {words}")
        assert found in [href for _, href, *_ in me.results()], (words, me.results())


def test_an_elided_article_typed_does_not_narrow_the_search_to_that_spelling(searcher, site):
    """Pagefind joins "l'orto" into "lorto": only pages spelling it so were found."""
    me = searcher
    me.page.goto(site.origin + "/cerca/?q=orto")
    me.wait_until(lambda: me.status().endswith("per «orto»."), "results of orto")
    everywhere = {href for _, href, *_ in me.results()}
    assert everywhere == {ORTO, FESTA}
    for words in ("l'orto", "L’orto", "dell'orto", "un'orto"):
        me.search(words)
        me.wait_for_status(f"2 risultati per «{words}».")
        assert {href for _, href, *_ in me.results()} == everywhere, words
        assert all("orto" in excerpt.split("<mark>", 1)[1] for *_, excerpt in me.results()), me.results()


def test_laboratorio_finds_the_pages_that_say_laboratori(searcher, site):
    """The Italian stemmer cuts "laboratori" to "labor" but "laboratorio" to
    "laborator": Pagefind's prefix match found the plural's pages from the singular."""
    me = searcher
    me.page.goto(site.origin + "/cerca/?q=laboratori")
    me.wait_until(lambda: me.status().endswith("per «laboratori»."), "results of laboratori")
    plural = {href for _, href, *_ in me.results()}
    assert {RETE, ANNO, CERAMICA, ORTO} <= plural
    for words in ("laboratorio", "Laboratorio"):
        me.search(words)
        me.wait_for_status(f"{len(plural)} risultati per «{words}».")
        assert {href for _, href, *_ in me.results()} == plural


def test_an_index_file_lost_on_the_way_is_a_failure_not_no_results(reader, site):
    """A phone that loses its connection after the page has loaded: Pagefind takes an
    index file it cannot fetch for an empty one, which read "Nessun risultato"."""
    me = reader()
    page = me.page
    page.goto(site.origin + "/cerca/")
    me.wait_until(lambda: category(page).get_by_role("radio").count() > 1,
                  "the index ready")
    me.context.set_offline(True)
    me.search("ceramica")
    me.wait_for_status("La ricerca non è riuscita: controlla la connessione e ricarica"
                       " la pagina.")
    assert me.results() == []
    # the browser and Pagefind name the failed requests in the console; nothing else
    assert me.errors == []
    assert all("Failed to" in line or "ERR_INTERNET_DISCONNECTED" in line
               for line in me.console), me.console
    me.console.clear()
    me.context.set_offline(False)
    page.reload()
    me.wait_for_status("2 risultati per «ceramica».")


def test_a_whole_word_ranks_above_longer_words_that_begin_with_it(searcher, site):
    """Pagefind matches a word and every longer word it begins: "casa" finds
    "Casalmaggiore", "città" "cittadini". A page whose title is the word itself came
    after short pages that only had the longer word (Pagefind's default termSimilarity)."""
    me = searcher
    me.page.goto(site.origin + "/cerca/?q=casa")
    me.wait_until(lambda: me.status().endswith("per «casa»."), "results of casa")
    found = [href for _, href, *_ in me.results()]
    assert {CASA, PATTO, SCUOLE} <= set(found)  # Casalmaggiore still found, after
    assert found[0] == CASA, me.results()
    for words in ("città", "citta", "Città"):
        me.search(words)
        me.wait_until(lambda: me.status().endswith(f"per «{words}»."), f"results of {words}")
        found = [href for _, href, *_ in me.results()]
        assert {CITTA, RETE, PATTO, SCUOLE} <= set(found)  # "cittadini" still found, after
        assert set(found[:2]) == {CITTA, RETE}, (words, me.results())  # they say "città"


def test_a_page_about_the_words_ranks_above_items_only_tagged_with_them(tagged_searcher,
                                                                        tagged_site):
    """An item's tags ranked at Pagefind's default weight for metadata: "crema" listed two
    news items tagged "Crema, Cremona" that name it once or twice before the page "Crema",
    which names it eight times and in its title."""
    me = tagged_searcher
    me.page.goto(tagged_site.origin + "/cerca/?q=crema")
    me.wait_for_status("3 risultati per «crema».")
    assert [title for title, *_ in me.results()][0] == "Crema"
    # a tag still finds an item whose text does not have the word
    me.search("bilancio")
    me.wait_for_status("1 risultato per «bilancio».")
    assert [title for title, *_ in me.results()] == ["Un anno di attività"]


def test_nothing_found_on_a_site_without_a_contacts_page_offers_the_ways_to_browse(
        tagged_searcher, tagged_site):
    """Nothing found offers the page where to ask only when the site has it (CONTACT_PAGE,
    as the page not found does): never a dead link."""
    me = tagged_searcher
    me.page.goto(tagged_site.origin + "/cerca/?q=ornitorinco")
    me.wait_for_status("Nessun risultato per «ornitorinco». Controlla come sono scritte le"
                       " parole, oppure prova con altre o con meno parole. Puoi anche"
                       " sfogliare l’archivio o le categorie.")
    assert [link.get_attribute("href") for link in me.page.get_by_role(
        "status").get_by_role("link").all()] == [
        tagged_site.origin + "/archivio/", tagged_site.origin + "/categorie/"]


def test_a_phrase_is_ranked_as_its_words_are(tagged_searcher, tagged_site):
    """Pagefind scores every result of a phrase 1 and lists them in the index's order,
    the news items newest first, then the pages: «Crema» listed the page "Crema", about it
    and titled with it, after two news items only tagged with it and naming it once or
    twice (on the project's content «Civic Center» listed the page "Civic Center"
    eighth)."""
    me = tagged_searcher
    me.page.goto(tagged_site.origin + "/cerca/?q=crema")
    me.wait_for_status("3 risultati per «crema».")
    words = [title for title, *_ in me.results()]
    assert words[0] == "Crema"
    for phrase in ("“Crema”", '"crema"', "«Crema»"):
        # the last phrase's status reads the same: emptied first, so the wait is for
        # this search's (it read the list while it was being written again)
        me.page.locator("#cerca-stato").evaluate("status => status.replaceChildren()")
        me.search(phrase)
        me.wait_until(lambda: me.status().startswith("3 risultati per la frase")
                      and len(me.results()) == 3, phrase)
        assert [title for title, *_ in me.results()] == words, (phrase, me.results())
        assert all("<mark>Crema</mark>" in excerpt for *_, excerpt in me.results())


def test_words_in_quotes_are_a_phrase_whichever_quotes_a_keyboard_writes(searcher, site):
    """Words in quotes find the pages where they stand together. A phone's keyboard
    writes “…” for the " key and Italian is written with «…»: those quotes were taken
    for punctuation, and the words searched one by one."""
    me = searcher
    me.page.goto(site.origin + "/cerca/?q=patto+di+collaborazione")
    me.wait_for_status("2 risultati per «patto di collaborazione».")
    assert {href for _, href, *_ in me.results()} == {PATTO, SCUOLE}  # all the words
    for words in ("“patto di collaborazione”", "«patto di collaborazione»",
                  "„patto di collaborazione“", " “patto di collaborazione” ",
                  '"patto di collaborazione"'):
        me.page.locator("#cerca-stato").evaluate("status => status.replaceChildren()")
        me.search(words)
        me.wait_until(lambda: me.status() not in ("", LOADING), f"the results of {words}")
        assert query(me.page.url) == {"q": words.strip()}  # the address: as typed
        assert [href for _, href, *_ in me.results()] == [PATTO], words
        assert me.status() == "1 risultato per la frase «patto di collaborazione»."
        [(_, _, _, _, excerpt)] = me.results()
        assert "<mark>patto</mark> <mark>di</mark> <mark>collaborazione" in excerpt
    # a phrase on no page
    me.search("“collaborazione di patto”")
    me.wait_for_status("Nessun risultato per la frase «collaborazione di patto»." + NONE)


def test_words_that_only_join_the_others_are_not_searched_ranked_or_marked(searcher, site):
    """Pagefind has no stop words and finds every longer word a word begins: in "patto di
    collaborazione" the "di" of every page chose the excerpts and was marked in them and
    in the titles, "la festa" marked "La", "come" every "Comunità". Articles, prepositions
    and conjunctions are left out when other words are searched; alone they are searched,
    and a phrase keeps them (test above)."""
    me = searcher
    page = me.page

    def marked():
        return [mark.lower() for mark in
                page.locator(".cerca-risultato mark").all_text_contents()]

    page.goto(site.origin + "/cerca/?q=patto+di+collaborazione")
    me.wait_for_status("2 risultati per «patto di collaborazione».")  # as typed
    assert {href for _, href, *_ in me.results()} == {PATTO, SCUOLE}
    assert marked() and all(word.startswith(("patt", "collabor")) for word in marked()), \
        marked()
    for words, found, stems in (("la festa", {FESTA, "/allegati/festa.pdf"}, ("fest",)),
                                ("Come la ceramica", {CERAMICA, "/allegati/regolamento.pdf"},
                                 ("ceramic",)),
                                ("il patto con i cittadini", {PATTO, SCUOLE},
                                 ("patt", "cittadin"))):
        me.search(words)
        me.wait_until(lambda: me.status().endswith(f"per «{words}»."), f"results of {words}")
        assert {href for _, href, *_ in me.results()} == found, (words, me.results())
        assert marked() and all(word.startswith(stems) for word in marked()), (words, marked())
    # alone, such a word is what the reader looks for
    me.search("di")
    me.wait_until(lambda: me.status().endswith("per «di»."), "results of di")
    assert me.results() and "di" in marked()
    # a word on no page beside them: named, and the others' results
    me.search("la zanzariera di giugno")
    me.wait_for_status("«giugno» non si trova: 1 risultato per «la zanzariera di».")
    assert marked() == ["zanzariera"]


def test_words_each_in_quotes_are_words_not_one_phrase(searcher, site):
    """Only a whole query in one pair of quotes is a phrase: «patto» «Casalmaggiore»
    (each word in Italian quotes, as names are written) was searched as the phrase
    "patto» «Casalmaggiore" and found nothing; before the Italian quotes were phrases,
    it found the pages with both words."""
    me = searcher
    me.page.goto(site.origin + "/cerca/")
    for words in ("«patto» «Casalmaggiore»", "“patto” “Casalmaggiore”",
                  '"patto" "Casalmaggiore"', "«patto» e «Casalmaggiore»"):
        me.page.locator("#cerca-stato").evaluate("status => status.replaceChildren()")
        me.search(words)
        me.wait_until(lambda: me.status() not in ("", LOADING), f"the results of {words}")
        assert me.status().startswith("2 risultati per "), (words, me.status())
        assert {href for _, href, *_ in me.results()} == {PATTO, SCUOLE}, words


def test_a_result_has_the_word_in_its_text_not_only_in_its_date_category_or_article(
        searcher, site):
    """Pagefind 1.5 also searches the metadata the results show: "giugno" found every
    item published in June, "notizie" every news item, "pdf" every document, and a
    PDF was found by the words of its article's title, none of them in its text (the
    excerpt had nothing marked)."""
    me = searcher
    me.page.goto(site.origin + "/cerca/?q=maggio")  # the PDF says "entro maggio"
    me.wait_until(lambda: me.status().endswith("per «maggio»."), "results of maggio")
    assert [href for _, href, *_ in me.results()] == ["/allegati/regolamento.pdf"]
    assert me.status() == "1 risultato per «maggio»."  # not the articles of May
    # the article is found by its title; its PDF, which does not say "Crema", is not
    me.search("crema")
    me.wait_for_status("1 risultato per «crema».")
    assert [href for _, href, *_ in me.results()] == [CERAMICA]
    me.search("“laboratorio di ceramica”")
    me.wait_for_status("1 risultato per la frase «laboratorio di ceramica».")
    for words in ("giugno", "aprile", "notizie", "stampa", "pdf", "kB", "pagine", "2024"):
        me.search(words)
        me.wait_for_status(f"Nessun risultato per «{words}»." + NONE)
    # with another word: that word's results, the category's word named as not found
    me.search("zanzariera notizie")
    me.wait_for_status("«notizie» non si trova: 1 risultato per «zanzariera».")
    assert all("<mark>" in excerpt for *_, excerpt in me.results())


def test_a_word_on_no_page_is_named_when_the_others_find_nothing_with_it(searcher, site):
    """The words on no page were named only when Pagefind found something with them: a
    word only in metadata (a month of the dates), or whose beginning is on other pages,
    made the whole query find nothing, and a sentence pasted with one word that no page
    has said "Nessun risultato"."""
    me = searcher
    me.page.goto(site.origin + "/cerca/?q=zanzariera+giugno")
    me.wait_for_status("«giugno» non si trova: 1 risultato per «zanzariera».")
    assert [href for _, href, *_ in me.results()] == ["/allegati/regolamento.pdf"]
    me.search("Chi porta la zanzariera si iscrive entro giugno")
    me.wait_for_status("«giugno» non si trova: 1 risultato per"
                       " «Chi porta la zanzariera si iscrive entro».")
    assert [href for _, href, *_ in me.results()] == ["/allegati/regolamento.pdf"]
    # words that are all on some page, never together: nothing, and nothing named
    me.search("girandola zanzariera")
    me.wait_for_status("Nessun risultato per «girandola zanzariera»." + NONE)


def test_the_status_repeats_a_long_query_in_short(searcher, site):
    """The status (role="status": a screen reader reads it after every search) repeated
    the whole query: a paragraph pasted in the field was read out whole, and 200 words on
    no page were listed one by one. It repeats at most 80 characters, cut at a word, and
    three words on no page, then how many more; the field and the address keep it all."""
    me = searcher
    page = me.page
    pasted = ("Ogni anno il circolo degli anziani organizza una serata di giochi in sala,"
              " con premi offerti dai negozi della via e dolci preparati dalle volontarie.")
    page.goto(site.origin + "/cerca/")
    title = page.title()
    assert title == "Cerca nel sito – FareLegami"
    me.search(pasted)
    me.wait_until(lambda: me.status() not in ("", LOADING), "the results of a paragraph")
    assert [href for _, href, *_ in me.results()] == [TOMBOLA]
    status = me.status()
    assert status.startswith("1 risultato per «") and status.endswith("…»."), status
    said = status[len("1 risultato per «"):-len("…».")]
    assert len(said) <= 80 and pasted.startswith(said) and pasted[len(said)] == " ", said
    assert page.get_by_label("Parole da cercare").input_value() == pasted
    assert query(page.url) == {"q": pasted}
    # the page's title (the tab, the history, what a screen reader says of the window) too
    assert page.title() == f"{said}… – {title}"
    # words on no page: three named, then how many more
    me.search("girandola " + " ".join(f"zxq{n}" for n in range(1, 11)))
    me.wait_for_status("«zxq1», «zxq2», «zxq3» e altre 7 parole non si trovano:"
                       " 1 risultato per «girandola».")
    # one long word on no page, cut too (and no suggestion for it)
    me.search("x" * 300)
    me.wait_for_status(f"Nessun risultato per «{'x' * 80}…»." + NONE)


def test_a_word_with_a_typo_offers_the_word_of_the_pages_it_is_near(searcher, site):
    """Pagefind has no typo tolerance: "casalmagiore" (one g) found nothing, and the
    reader was only told to try other words."""
    me = searcher
    page = me.page
    page.goto(site.origin + "/cerca/?q=casalmagiore")
    me.wait_for_status("Nessun risultato per «casalmagiore». Forse cercavi «Casalmaggiore»?")
    assert me.results() == []
    link = page.get_by_role("status").get_by_role("link", name="Casalmaggiore")
    assert query(link.get_attribute("href")) == {"q": "Casalmaggiore"}
    # searched here, the focus back in the field
    link.click()
    me.wait_for_status("2 risultati per «Casalmaggiore».")
    assert {href for _, href, *_ in me.results()} == {PATTO, SCUOLE}
    assert query(page.url) == {"q": "Casalmaggiore"}
    assert page.evaluate("document.activeElement.id") == "cerca-q"
    # with other words: the one on no page named, the others' results, the whole query
    me.search("patto casalmagiore")
    me.wait_for_status("«casalmagiore» non si trova: 2 risultati per «patto»."
                       " Forse cercavi «patto Casalmaggiore»?")
    # two letters swapped, one changed, one too many, early in the word (a typo near its
    # end finds the word already); in lower case as the pages write it
    for typed, meant in (("zanzraiera", "zanzariera"), ("merkatino", "mercatino"),
                         ("cinneforum", "cineforum")):
        me.search(typed)
        me.wait_for_status(f"Nessun risultato per «{typed}». Forse cercavi «{meant}»?")
    # in a category: the link keeps it
    choose(page, "Avvisi")
    me.search("casalmagiore")
    me.wait_for_status("Nessun risultato per «casalmagiore» in Avvisi."
                       " Forse cercavi «Casalmaggiore»?")
    assert query(page.get_by_role("status").get_by_role("link").get_attribute("href")) == {
        "q": "Casalmaggiore", "categoria": "Avvisi"}
    # a short word is not taken for another; a word near none of the pages' words (and a
    # phrase) leaves what to try next as before
    choose(page, "Tutte le categorie")
    for typed in ("orta", "ospedale", "«casalmagiore»"):
        me.search(typed)
        # its own answer, not the one before it (the category's change searched again)
        me.wait_until(lambda: me.status().startswith("Nessun risultato")
                      and f"«{typed.strip('«»')}»" in me.status(), typed)
        assert me.status().endswith(NONE), me.status()


def test_searching_for_nothing_says_what_to_do(searcher, site):
    """The button pressed with an empty field did nothing: no message, nothing for a
    screen reader to say (after a search, the results simply vanished)."""
    me = searcher
    page = me.page
    page.goto(site.origin + "/cerca/")
    me.wait_until(lambda: category(page).get_by_role("radio").count() > 1,
                  "the index ready")
    page.get_by_label("Parole da cercare").press("Enter")
    me.wait_for_status("Scrivi le parole da cercare, o scegli una categoria.")
    me.search("ceramica")
    me.wait_for_status("2 risultati per «ceramica».")
    page.get_by_label("Parole da cercare").fill("   ")
    page.get_by_role("button", name="Cerca", exact=True).click()
    me.wait_for_status("Scrivi le parole da cercare, o scegli una categoria.")
    assert me.results() == [] and query(page.url) == {}
    # while typing, emptying the field clears the results without a word
    field = page.get_by_label("Parole da cercare")
    field.press_sequentially("orto")
    page.clock.run_for(1000)
    me.wait_for_status("2 risultati per «orto».")
    field.fill("")
    page.clock.run_for(1000)
    me.wait_until(lambda: me.results() == [] and me.status() == "", "the results cleared")


def test_nothing_in_the_chosen_category_offers_the_results_in_all_of_them(searcher, site):
    """With a category chosen, "Nessun risultato" said to try other words, when the
    words had results in the other categories."""
    me = searcher
    page = me.page
    page.goto(site.origin + "/cerca/?q=ceramica&categoria=Avvisi")
    me.wait_for_status("Nessun risultato per «ceramica» in Avvisi. Ci sono 2 risultati in"
                       " tutte le categorie.")
    assert category(page).get_by_role("radio", name="Avvisi").is_checked()
    link = page.get_by_role("status").get_by_role("link")
    assert query(link.get_attribute("href")) == {"q": "ceramica"}
    link.click()
    me.wait_for_status("2 risultati per «ceramica».")
    assert category(page).get_by_role("radio", name="Tutte le categorie").is_checked()
    # one elsewhere; none anywhere: what to try next
    me.search("girandola")
    me.wait_for_status("1 risultato per «girandola».")
    choose(page, "Avvisi")
    me.wait_for_status("Nessun risultato per «girandola» in Avvisi. C’è 1 risultato in"
                       " tutte le categorie.")
    # a word on no page: named, the count in all categories is for the others ("Nessun
    # risultato per «girandola bando» … C’è 1 risultato" offered one for both)
    me.search("girandola bando")
    me.wait_for_status("«bando» non si trova: nessun risultato per «girandola» in Avvisi."
                       " C’è 1 risultato in tutte le categorie.")
    me.search("ornitorinco")
    me.wait_for_status("Nessun risultato per «ornitorinco» in Avvisi." + NONE)
    # a word on no page: none in all of them either (Pagefind's results for the shorter
    # word it begins, "a" for "asilo", were offered: "Ci sono 3 risultati in tutte le
    # categorie", and the link found nothing)
    for word in ("asilo", "ceratopside"):
        me.search(word)
        me.wait_for_status(f"Nessun risultato per «{word}» in Avvisi." + NONE)
    choose(page, "Tutte le categorie")
    me.wait_for_status("Nessun risultato per «ceratopside»." + NONE)


def test_back_from_a_result_returns_to_the_results_shown_and_the_one_followed(reader, site):
    """Back from a result reloads the search page when the browser has not kept it
    (Playwright's Chromium never keeps it, as a phone short of memory): the query ran
    again, but with ten results, however many the reader had shown, at the top of
    the page, the result followed gone."""
    me = reader()
    page = me.page
    page.set_viewport_size({"width": 390, "height": 500})
    page.clock.install()
    page.goto(site.origin + "/cerca/?q=sportello")
    me.wait_for_status("12 risultati per «sportello».")
    page.get_by_role("button", name="Mostra altri risultati").click()
    me.wait_until(lambda: len(me.results()) == 12, "two more results")
    followed = page.locator(".cerca-risultato h2 a").nth(11)
    title = followed.text_content()
    followed.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/2024/03/**")
    page.go_back()
    page.wait_for_url("**/cerca/?q=sportello")
    me.wait_for_status("12 risultati per «sportello».")
    assert len(me.results()) == 12 and page.locator("#cerca-altri").is_hidden()
    me.wait_until(lambda: page.evaluate("document.activeElement.textContent") == title,
                  "the focus on the result followed")
    assert page.locator(".cerca-risultato h2 a").nth(11).evaluate(
        "link => { const box = link.getBoundingClientRect();"
        " return box.top >= 0 && box.bottom <= innerHeight; }")  # in view
    # a new search starts again from ten, and back to it does not bring the old ones
    me.search("sportello apre")
    me.wait_for_status("12 risultati per «sportello apre».")
    assert len(me.results()) == 10


def test_back_from_any_link_of_the_results_returns_the_focus_to_it(searcher, site):
    """Back to the search page gave the focus back only to a result's title: a reader
    who had followed a document's article («Laboratorio di ceramica…») or the results
    in all categories (in the status) came back with the focus at the page's start."""
    me = searcher
    page = me.page
    page.goto(site.origin + "/cerca/?q=zanzariera")
    me.wait_for_status("1 risultato per «zanzariera».")
    page.locator(".cerca-documento a").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**" + CERAMICA)
    page.go_back()
    page.wait_for_url("**/cerca/?q=zanzariera")
    me.wait_for_status("1 risultato per «zanzariera».")
    me.wait_until(lambda: page.evaluate(
        "document.activeElement.closest('.cerca-documento') !== null"),
        "the focus on the document's article")
    page.goto(site.origin + "/cerca/?q=ceramica&categoria=Avvisi")
    elsewhere = ("Nessun risultato per «ceramica» in Avvisi. Ci sono 2 risultati in tutte le"
                 " categorie.")
    me.wait_for_status(elsewhere)
    page.get_by_role("status").get_by_role("link").focus()
    page.keyboard.press("Enter")
    me.wait_for_status("2 risultati per «ceramica».")
    page.go_back()
    me.wait_for_status(elsewhere)
    me.wait_until(lambda: page.evaluate(
        "document.activeElement.closest('#cerca-stato') !== null"),
        "the focus on the link to all categories")


def test_a_category_alone_lists_its_articles_not_their_documents_again(searcher, site):
    """A category with no words lists it, newest first: each PDF came again beside its
    article, with the same date (before it, at times), and was counted as a result."""
    me = searcher
    me.page.goto(site.origin + "/cerca/?categoria=Notizie")
    me.wait_until(lambda: me.status().endswith("in Notizie."), "the list of Notizie")
    listed = [href for _, href, *_ in me.results()]
    assert listed == [SCUOLE, PATTO, CITTA, CASA, ORTO, CERAMICA, FESTA]
    assert me.status() == "7 risultati in Notizie."
    # with words, the documents are results like the articles
    me.search("zanzariera")
    me.wait_for_status("1 risultato per «zanzariera» in Notizie.")
    assert [href for _, href, *_ in me.results()] == ["/allegati/regolamento.pdf"]


def test_a_pdfs_running_header_and_page_numbers_are_not_in_its_excerpts(searcher, site):
    """A PDF's header and "Pagina N di M" were text on each of its pages: an excerpt read
    "…Proiezione nel cortile. Pagina 1 di 3 FareLegami – Programma del cineforum Secondo
    film: il violino…", "pagina" found the document, and a word of the header was marked
    once per page."""
    me = searcher
    me.page.goto(site.origin + "/cerca/?q=violino")
    me.wait_for_status("1 risultato per «violino».")
    [(title, href, _, _, excerpt)] = me.results()
    assert (title, href) == (CINEFORUM_PDF, "/allegati/cineforum.pdf")
    assert excerpt == ('<span translate="no">FareLegami</span> – Programma del cineforum'
                       " Primo film: il pinguino e la balena. Proiezione nel cortile. Secondo"
                       " film: il <mark>violino</mark>"
                       " ritrovato. Ingresso libero. Terzo film: la lanterna magica. Portate una"
                       " coperta.")  # the header once, as the document's heading; no page
    # numbers (the whole text, no "…": the title is the result's, not its text)
    me.search("FareLegami")
    me.wait_for_status("1 risultato per «FareLegami».")
    [(_, href, _, _, excerpt)] = me.results()
    assert href == "/allegati/cineforum.pdf" and excerpt.count("<mark>") == 1, excerpt
    assert excerpt.startswith('<span translate="no"><mark>FareLegami</mark></span> –'
                              " Programma del cineforum Primo film:"
                              " il pinguino e la balena."), excerpt
    me.search("pagina")
    me.wait_for_status("Nessun risultato per «pagina»." + NONE)


def test_english_terms_and_elisions_in_results_are_written_as_on_the_pages(searcher, site):
    """The pages mark the site's English terms lang="en" (ITALIAN_ENGLISH_TERMS) and write
    an elision with ’: the results read "Civic Center" to a screen reader as Italian
    words, in titles, excerpts and a document's article, and showed the index's '
    ("dell'infanzia", plugins/search/elisions.split_elisions) in every excerpt."""
    me = searcher
    page = me.page
    page.goto(site.origin + "/cerca/?q=narratori")
    me.wait_for_status("2 risultati per «narratori».")
    shown = page.locator(".cerca-risultato").evaluate_all("""items => items.map(li => [
        li.querySelector("h2 a").innerHTML, li.querySelector(".cerca-documento a")?.innerHTML,
        li.querySelector(".cerca-estratto").innerHTML])""")
    # and, a name of the project's (ITALIAN_PROPER_NAMES), not translated, as on the pages
    english = '<span translate="no"><span lang="en">Civic Center</span></span>'
    assert shown == [
        [f"Il {english} cerca <mark>narratori</mark>", None,
         f"Al {english} si raccolgono i racconti dell’infanzia dei <mark>narratori</mark>."
         " Modulo per i <mark>narratori</mark>."],
        [NARRATORI_PDF.replace("narratori", "<mark>narratori</mark>", 1).replace(
            "\u00a0", "&nbsp;"), f"Il {english} cerca narratori",
         f"Modulo per i <mark>narratori</mark> del {english} Scrivete qui la filastrocca"
         " dell’infanzia."]]
    # the words of a term each marked: the marks inside the term's span; the count
    # names the words typed, the term in English too
    me.search("Civic Center narratori")
    me.wait_for_status("2 risultati per «Civic Center narratori».")
    assert page.locator("#cerca-stato").inner_html() == (
        f"2 risultati per «{english} narratori».")
    [article, _] = me.results()
    assert article[1] == NARRATORI
    assert article[4].startswith('Al <span translate="no"><span lang="en"><mark>Civic</mark>'
                                 ' <mark>Center</mark></span></span> si raccolgono i racconti'
                                 ), article


# The built-ins newer than the oldest supported browsers (theme/README.md, "Supported
# browsers": Safari 15.1), taken away before the page's scripts run.
OLDER_BROWSER = """for (const [owner, names] of [
    [Array.prototype, ["at", "findLast", "findLastIndex", "toSorted", "toReversed",
                       "toSpliced", "with"]],
    [String.prototype, ["at", "isWellFormed", "toWellFormed"]],
    [Object, ["hasOwn", "groupBy"]], [Array, ["fromAsync"]], [Promise, ["withResolvers"]],
    [URL, ["canParse"]], [window, ["structuredClone"]]]) {
  for (const name of names) delete owner[name];
}"""


def test_the_results_are_written_without_the_built_ins_newer_than_safari_15(reader, site):
    """On an iPhone with iOS 15 (Safari 15.1 to 15.3) there is no Array.prototype.at:
    a result found by its title, whose words are marked there (highlighted()), stopped the
    search with a TypeError. The same results, marks and spans as with them
    (test_a_result_found_by_its_title_or_a_tag_shows_the_words_found_there), and no
    error (check_clean)."""
    me = reader()
    page = me.page
    page.add_init_script(OLDER_BROWSER)
    page.clock.install()
    page.goto(site.origin + "/cerca/?q=Gener-Attivi")
    me.wait_for_status("1 risultato per «Gener-Attivi».")
    assert page.evaluate("[typeof [].at, typeof structuredClone]") == ["undefined", "undefined"]
    assert page.locator(".cerca-risultato h2 a").inner_html() == (
        'Le merende <span translate="no"><span class="nome-composto">'
        "<mark>Gener-Attivi</mark></span></span>")
    me.search("“firma il patto”")
    me.wait_for_status("1 risultato per la frase «firma il patto».")
    assert page.locator(".cerca-risultato h2 a").inner_html() == (
        '<span translate="no">Casalmaggiore</span> <mark>firma</mark> <mark>il</mark>'
        " <mark>patto</mark> di collaborazione")
    me.search("casalmagiore")  # a typo: the suggestion reads the words of the pages
    me.wait_for_status("Nessun risultato per «casalmagiore». Forse cercavi «Casalmaggiore»?")


@pytest.mark.parametrize(("word", "before", "after"), [
    ("circolo", False, True), ("nipoti", True, True), ("cascine", True, False)])
def test_an_excerpt_cut_from_a_longer_text_says_so(searcher, site, word, before, after):
    """Pagefind's excerpt is 30 words of the page: it began and ended mid-sentence with no
    sign of it ("… sui bisogni del territorio. Date e" read as the page's own words). An
    ellipsis stands where it cuts the text, none where the text begins or ends (the
    short pages above are shown whole, without one)."""
    me = searcher
    me.page.goto(f"{site.origin}/cerca/?q={word}")
    me.wait_for_status(f"1 risultato per «{word}».")
    [(title, _, _, _, excerpt)] = me.results()
    assert title == "La tombola del quartiere"
    assert f"<mark>{word}" in excerpt
    # joined to the word next to it by a no-break space (innerHTML's &nbsp;)
    assert (excerpt.startswith("…&nbsp;"), excerpt.endswith("&nbsp;…")) == (before, after), \
        excerpt
    text = excerpt.replace("<mark>", "").replace("</mark>", "").replace("&nbsp;", " ")
    text = text.strip("… ")
    assert text.startswith("Ogni anno il circolo") == (not before), excerpt
    assert text.endswith("nelle cascine.") == (not after), excerpt


def test_an_excerpt_is_the_text_under_the_title_whose_words_still_find_it(searcher, site):
    """The page's <h1> was the start of its indexed text, and an attachment's title the
    start of its document's: a result showed its title, then an excerpt beginning with the
    same title ("Laboratorio di ceramica a Crema. Il corso di ceramica…": a third of its
    30 words, on a short page). The title is the result's title only; its words still
    find the page, before the pages that only have them in their text."""
    me = searcher
    me.page.goto(site.origin + "/cerca/?q=ceramica")
    me.wait_for_status("2 risultati per «ceramica».")
    assert [(title, excerpt) for title, _, _, _, excerpt in me.results()] == [
        ("Laboratorio di ceramica a Crema", "Il corso di <mark>ceramica</mark> riapre a"
         " settembre: portate una girandola. Regolamento del corso."),
        (REGOLAMENTO, "Regolamento del corso di <mark>ceramica</mark> Chi porta"
         " la zanzariera si iscrive entro maggio.")]  # the PDF's own first line, once
    # a word only in a page's title: the page, its excerpt the start of its text
    me.search("crema")
    me.wait_for_status("1 risultato per «crema».")
    assert me.results() == [["Laboratorio di ceramica a Crema", CERAMICA,
                             "5 maggio 2024·Notizie", None, "Il corso di ceramica riapre a"
                             " settembre: portate una girandola. Regolamento del corso."]]
    # only in a document's title (its article has it as the attachment's name, text)
    me.search("locandina")
    me.wait_for_status("2 risultati per «locandina».")
    assert {(href, excerpt) for _, href, _, _, excerpt in me.results()} == {
        (FESTA, "La festa della primavera è in piazza del Duomo: c’è anche un orto."
                " <mark>Locandina</mark> della festa."),
        ("/allegati/festa.pdf", "Giochi e musica in piazza fino a sera.")}
    # in a title: the words of a phrase; a word after an elision («dell’anziano»), ranked
    # before a page that has it in its text (the tombola's "anziani"), as before
    me.search("“firma il patto”")
    me.wait_for_status("1 risultato per la frase «firma il patto».")
    assert [href for _, href, *_ in me.results()] == [PATTO]
    me.search("anziano")
    me.wait_until(lambda: me.status().endswith("per «anziano»."), "results of anziano")
    found = [href for _, href, *_ in me.results()]
    assert found[0] == CASA and TOMBOLA in found, me.results()


def test_an_articles_tags_are_not_in_its_excerpt_and_still_find_it(searcher, site):
    """The list of an article's tags was text between its lead and its body: excerpts read
    "…il martedì sera. Cremona. Community Manager. Orari. I Community Manager…", the tags
    as sentences of the page. They are not text any more; their words still find it."""
    me = searcher
    me.page.goto(site.origin + "/cerca/?q=giardinaggio")
    me.wait_for_status("1 risultato per «giardinaggio».")
    assert [(href, excerpt) for _, href, _, _, excerpt in me.results()] == [
        (ORTO, "Il laboratorio dell’orto si riunisce il giovedì.")]
    me.search("ambiente")  # after an elision in a tag ("Cura dell’ambiente")
    me.wait_for_status("1 risultato per «ambiente».")
    assert [href for _, href, *_ in me.results()] == [ORTO]
    me.search("giovedì")
    me.wait_for_status("1 risultato per «giovedì».")
    assert [excerpt for *_, excerpt in me.results()] == [
        "Il laboratorio dell’orto si riunisce il <mark>giovedì</mark>."]


def test_a_summary_repeating_the_first_paragraph_is_in_the_excerpt_once(searcher, site):
    """A summary copied from the text's first paragraph was on the page twice, and so in
    the excerpt: "Sabato torna il mercatino solidale in piazza Roma. Sabato torna il
    mercatino solidale in piazza Roma. Si vendono…", the marks twice over."""
    me = searcher
    me.page.goto(site.origin + "/cerca/?q=mercatino")
    me.wait_for_status("1 risultato per «mercatino».")
    assert [excerpt for *_, excerpt in me.results()] == [
        "Sabato torna il <mark>mercatino</mark> solidale in piazza Roma. Si vendono libri"
        " usati e giocattoli."]


def test_a_result_found_by_its_title_or_a_tag_shows_the_words_found_there(searcher, site):
    """A result found only by its title or one of its tags (searched as metadata, not
    text) showed an excerpt with nothing marked: the reader could not tell why it was
    there. The words found are marked in the title, and a tag that found it is shown,
    its words marked; built as text, whatever the title and tags hold."""
    me = searcher
    page = me.page

    def shown():
        return page.locator(".cerca-risultato").evaluate_all("""items => items.map(li => [
            li.querySelector("h2 a").innerHTML,
            li.querySelector(".cerca-argomenti")?.innerHTML ?? null,
            li.querySelector(".cerca-estratto")?.innerHTML ?? null])""")

    page.goto(site.origin + "/cerca/?q=crema")  # only in the title
    me.wait_for_status("1 risultato per «crema».")
    # the town's name as on the pages: not translated (ITALIAN_PROPER_NAMES)
    assert shown() == [['Laboratorio di ceramica a <span translate="no"><mark>Crema</mark></span>',
                        None,
                        "Il corso di ceramica riapre a settembre: portate una girandola."
                        " Regolamento del corso."]]
    me.search("giardinaggio")  # only in a tag: the tag, no other
    me.wait_for_status("1 risultato per «giardinaggio».")
    assert shown() == [["L’orto condiviso", "Argomento: <mark>Giardinaggio</mark>",
                        "Il laboratorio dell’orto si riunisce il giovedì."]]
    me.search("dell’ambiente")  # after an elision, in the tag
    me.wait_for_status("1 risultato per «dell’ambiente».")
    assert shown()[0][1] == "Argomento: Cura dell’<mark>ambiente</mark>"
    me.search("l’università")  # the title's word, after its elision
    me.wait_until(lambda: me.status().endswith("per «l’università»."), "results")
    assert shown()[0][0] == "Un accordo con l’<mark>università</mark>"
    me.search("“firma il patto”")  # a phrase: its words where they stand together
    me.wait_for_status("1 risultato per la frase «firma il patto».")
    assert shown()[0][0] == ('<span translate="no">Casalmaggiore</span> <mark>firma</mark>'
                             " <mark>il</mark>"
                             " <mark>patto</mark> di collaborazione")
    for words in ("Gener-Attivi", "generattivi"):  # a hyphenated name: one mark
        me.search(words)
        me.wait_for_status(f"1 risultato per «{words}».")
        assert shown()[0][0] == ('Le merende <span translate="no"><span class="nome-composto">'
                                 "<mark>Gener-Attivi</mark></span></span>"), words
    me.search("attivi")
    me.wait_for_status("1 risultato per «attivi».")
    assert shown()[0][0] == ('Le merende <span translate="no"><span class="nome-composto">'
                             "Gener-<mark>Attivi</mark></span></span>")
    me.search("giovedì")  # in the text only: the title and tags as ever
    me.wait_for_status("1 risultato per «giovedì».")
    assert shown() == [["L’orto condiviso", None,
                        "Il laboratorio dell’orto si riunisce il <mark>giovedì</mark>."]]
    # what looks like markup in a title or tag is text, marked as any other
    me.search("smeraldo")
    me.wait_for_status("1 risultato per «smeraldo».")
    assert shown() == [["Il premio &lt;b&gt;<mark>Smeraldo</mark>&lt;/b&gt; &amp; &lt;img"
                        " src=x&gt;", None, "Un contributo per i balconi."]]
    me.search("fioriere")
    me.wait_for_status("1 risultato per «fioriere».")
    assert shown() == [["Il premio &lt;b&gt;Smeraldo&lt;/b&gt; &amp; &lt;img src=x&gt;",
                        "Argomento: &lt;i&gt;<mark>Fioriere</mark>&lt;/i&gt; &amp; &lt;img"
                        " src=y&gt;", "Un contributo per i balconi."]]
    assert page.locator(".cerca-risultato img, .cerca-risultato b, .cerca-risultato i").count() == 0


def test_a_documents_link_says_it_is_a_document_as_on_the_sites_pages(searcher, site):
    """A document's result was a link named by its title alone, which is often its
    article's: a screen reader's list of links read "Il bilancio sociale" three times,
    twice for the article (its result, the document's "dal comunicato «…»") and once
    for the PDF, with nothing to tell them apart. Its link says what it is, as every
    link to a document on the site does ("Titolo (PDF, 245 kB, 12 pagine)")."""
    me = searcher
    page = me.page
    page.goto(site.origin + "/cerca/?q=cooperativa")
    me.wait_for_status("2 risultati per «cooperativa».")
    assert [(title, href, source) for title, href, _, source, _ in me.results()] == [
        ("Il bilancio sociale", "/2024/10/il-bilancio-sociale/", None),
        (BILANCIO_PDF, "/allegati/bilancio-sociale.pdf",
         "Dal comunicato «Il bilancio sociale»")]
    assert BILANCIO_PDF.startswith("Il bilancio sociale (PDF, ")
    places = {}
    for link in page.locator("#cerca-risultati").get_by_role("link").all():
        name = link.evaluate("link => link.textContent")
        places.setdefault(name, set()).add(urlsplit(link.get_attribute("href")).path)
    assert {name: paths for name, paths in places.items() if len(paths) > 1} == {}, places
    assert page.get_by_role("link", name=BILANCIO_PDF, exact=True).get_attribute(
        "href") == "/allegati/bilancio-sociale.pdf"


def link_names(page):
    """``[(name, path)]`` of the results' links as Chromium gives them to a screen reader
    (its accessibility tree: visually hidden text in); spaces normalised, none before a
    comma (Chromium puts one before a visually hidden part, as before a line of its own)."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    return [(" ".join(node["name"]["value"].split()).replace(" ,", ","),
             urlsplit(next(item["value"]["value"] for item in node["properties"]
                           if item["name"] == "url")).path)
            for node in nodes if not node.get("ignored") and node["role"]["value"] == "link"]


def test_results_whose_links_read_the_same_say_their_article_or_date(searcher, site):
    """Two notices each attach a "Modulo di adesione"; the office closes each August, a
    news item "Chiusura estiva" a year, with its "Calendario delle aperture". A screen
    reader's list of links read the same name twice, for two files, for two articles. Each
    says, for screen readers only, what the lines under it show: a document its article
    (and its date, the articles' titles the same), an article its date. A title of its own
    is left as it is."""
    me = searcher
    page = me.page
    page.goto(site.origin + "/cerca/?q=tesserino")
    me.wait_for_status("2 risultati per «tesserino».")
    names = [(name, path) for name, path in link_names(page) if path.endswith(".pdf")]
    document = document_name("allegati/bocce.pdf", "Modulo di adesione", 1)
    assert document == document_name("allegati/briscola.pdf", "Modulo di adesione", 1)
    assert sorted(names) == [
        (f"{document}, dal comunicato «Gara di briscola»", "/allegati/briscola.pdf"),
        (f"{document}, dal comunicato «Torneo di bocce»", "/allegati/bocce.pdf")]
    # shown as before: the title and what the file is
    assert page.locator(".cerca-titolo a").evaluate_all("""links => links.map((link) =>
        [...link.childNodes].filter((node) => !node.classList?.contains("visually-hidden"))
          .map((node) => node.textContent).join("").replace(/\\s+/g, " "))""") == [
        document, document]
    assert page.locator(".cerca-titolo .visually-hidden").first.bounding_box()["width"] <= 1

    page.goto(site.origin + "/cerca/?q=ferragosto")
    me.wait_for_status("2 risultati per «ferragosto».")
    assert sorted(link for link in link_names(page) if "/chiusura-" in link[1]) == [
        ("Chiusura estiva, 1 agosto 2023", "/2023/08/chiusura-estiva-2023/"),
        ("Chiusura estiva, 1 agosto 2024", "/2024/08/chiusura-estiva-2024/")]

    # two documents of one title, of two articles of one title: the article and its date,
    # and the links to the articles their dates
    page.goto(site.origin + "/cerca/?q=turni")
    me.wait_for_status("2 risultati per «turni».")
    calendar = document_name("allegati/calendario-2024.pdf", "Calendario delle aperture", 1)
    assert calendar == document_name("allegati/calendario-2023.pdf", "Calendario delle aperture",
                                     1)
    assert sorted(link for link in link_names(page) if "calendario-" in link[1]
                  or "/chiusura-" in link[1]) == [
        (f"{calendar}, dal comunicato «Chiusura estiva», 1 agosto 2023",
         "/allegati/calendario-2023.pdf"),
        (f"{calendar}, dal comunicato «Chiusura estiva», 1 agosto 2024",
         "/allegati/calendario-2024.pdf"),
        ("Chiusura estiva, 1 agosto 2023", "/2023/08/chiusura-estiva-2023/"),
        ("Chiusura estiva, 1 agosto 2024", "/2024/08/chiusura-estiva-2024/")]

    # one result of its title: named by it alone (and so the link to its document's article)
    page.goto(site.origin + "/cerca/?q=bocciofila")
    me.wait_for_status("2 risultati per «bocciofila».")
    assert [(name, path) for name, path in link_names(page) if "bocce" in path] == [
        ("Torneo di bocce", "/2024/06/torneo-di-bocce/"), (document, "/allegati/bocce.pdf"),
        ("Torneo di bocce", "/2024/06/torneo-di-bocce/")]


def test_an_excerpt_marks_the_word_found_not_the_punctuation_or_elision_around_it(
        searcher, site):
    """Pagefind marks a word of the excerpt with what the text has around it up to the
    spaces: "<mark>città,</mark>", "<mark>Quest’anno</mark>" for "anno", the full stop
    and the elided word highlighted as if they were what was found."""
    me = searcher
    me.page.goto(site.origin + "/cerca/?q=citt%C3%A0")
    me.wait_until(lambda: me.status().endswith("per «città»."), "results of città")
    excerpts = {href: excerpt for _, href, *_, excerpt in me.results()}
    assert excerpts[RETE] == "I laboratori di comunità si presentano alla <mark>città</mark>."
    assert "novità per la <mark>città</mark>, che accoglie" in excerpts[CITTA]
    me.search("l’anno")  # the elided word typed is not searched, nor marked
    me.wait_until(lambda: me.status().endswith("per «l’anno»."), "results of anno")
    [tombola] = [excerpt for _, href, *_, excerpt in me.results() if href == TOMBOLA]
    assert tombola.startswith("Ogni <mark>anno</mark> il circolo"), tombola
    assert "Quest’<mark>anno</mark> la serata" in tombola, tombola
    me.search("dell")  # the elided word searched: marked with its word, as Pagefind does
    me.wait_until(lambda: me.status().endswith("per «dell»."), "results of dell")
    [orto] = [excerpt for _, href, *_, excerpt in me.results() if href == ORTO]
    assert orto == "Il laboratorio <mark>dell’orto</mark> si riunisce il giovedì."


# SPLIT_ACROSS_LINES in the page's <iframe>, laid out at each of the widths given (its
# width is its document's window's, as a browser window's: the media queries and the
# units of the viewport follow it), in one call: [[width, ["text (element)", ...]], ...].
# The iframe's document is the function's `document`.
SPLIT_IN_FRAME_AT_EACH_WIDTH = """([widths, selector, pattern]) => {
    const frame = document.querySelector('iframe');
    const split = ((document) => (""" + SPLIT_ACROSS_LINES + """))(frame.contentDocument);
    const found = widths.map((width) => {
        frame.style.width = `${width}px`;
        return [width, split([selector, pattern])];
    });
    frame.style.width = `${widths[0]}px`;
    return found;
}"""
FRAME = "document.querySelector('iframe').contentDocument"


def test_an_excerpts_ellipsis_stays_on_the_line_of_the_word_next_to_it(reader, site):
    """The "…" closing a result's excerpt where it cuts the page's text began a line of its
    own on a phone ("Giorni, orari e" / "…"): it was joined to the text by a plain space.
    At every width from a phone's to a desktop's, at 100 and 200 %, each "…" is on its
    word's line.

    Each search page is shown in an <iframe> 844 px high, of each width in turn, on a page
    wider than the widest (the search page itself, its fonts loaded): one call lays out
    and measures all the widths (a window resized once a width took 484 round trips)."""
    me = reader(viewport={"width": max(WIDTHS) + 40, "height": 900})
    page = me.page
    page.clock.install()
    me.visit_in_theme_font("/cerca/")  # the theme's fonts in the browser's cache
    split = {}
    for word in ("circolo", "nipoti"):
        for _ in range(3):  # again while a font came too late (browser_support)
            page.evaluate("""(address) => {
                document.querySelector('iframe')?.remove();
                const frame = document.createElement('iframe');
                frame.style.cssText = 'position: absolute; top: 0; left: 0; border: 0;'
                                      + ' width: 390px; height: 844px';
                frame.src = address;
                document.body.append(frame);
            }""", f"/cerca/?q={word}")
            frame = page.frame_locator("iframe")
            me.wait_until(lambda word=word, frame=frame: frame.locator(
                "#cerca-stato").text_content() == f"1 risultato per «{word}».",
                          f"the results for {word}")
            settle_fonts(page.frames[1])
            if drawn_in_theme_font(me.devtools, FRAME):
                break
        else:
            raise AssertionError(f"{word}: not drawn in the theme's font")
        excerpt = frame.locator(".cerca-estratto").inner_html()
        assert "…" in excerpt, excerpt
        for text_size in (16, 32):
            # the browser's text size, applied to the page already shown (its layout
            # follows it: the root's size is the one set)
            me.devtools.send("Page.setFontSizes", {"fontSizes": {"standard": text_size}})
            me.wait_until(lambda text_size=text_size: page.evaluate(
                f"getComputedStyle({FRAME}.documentElement).fontSize") == f"{text_size}px",
                          f"the text size {text_size}")
            widths = page.evaluate(SPLIT_IN_FRAME_AT_EACH_WIDTH,
                                   [list(WIDTHS), ".cerca-estratto", r"\S\s…|…\s\S"])
            assert [width for width, _ in widths] == list(WIDTHS)
            for width, texts in widths:
                for text in texts:
                    split.setdefault((word, text_size, text), []).append(width)
    assert split == {}


# Of each <mark> in the results between two characters on its line: the space its
# edges leave between its word and the text before and after it, in px, beyond what the
# text itself sets ("word|next gap").
MARK_GAPS = """() => {
    const gaps = [];
    const character = (node, at) => {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        return range.getBoundingClientRect();
    };
    for (const mark of document.querySelectorAll('.cerca-risultato mark')) {
        const text = mark.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE || !text.data) continue;
        const [first, last] = [character(text, 0), character(text, text.data.length - 1)];
        const [before, after] = [mark.previousSibling, mark.nextSibling];
        if (after && after.nodeType === Node.TEXT_NODE && after.data) {
            const next = character(after, 0);
            if (Math.abs(next.top - last.top) < 2)
                gaps.push([`${text.data}|${after.data[0]}`, next.left - last.right]);
        }
        if (before && before.nodeType === Node.TEXT_NODE && before.data) {
            const previous = character(before, before.data.length - 1);
            if (Math.abs(previous.top - first.top) < 2)
                gaps.push([`${before.data.slice(-1)}|${text.data}`, first.left - previous.right]);
        }
    }
    return gaps;
}"""


def test_a_marked_word_is_spaced_as_the_text_around_it(searcher, site):
    """A word found was set apart from its text by the highlight's padding: "laboratorio ."
    with the full stop away from its word, and a wider space before it than between the
    other words. The tint may reach past the word; the text stays where it would be
    unmarked, its punctuation against it."""
    me = searcher
    me.visit_in_theme_font("/cerca/?q=citt%C3%A0", then=lambda: me.wait_until(
        lambda: me.status().endswith("per «città»."), "results of città"))
    gaps = me.page.evaluate(MARK_GAPS)
    assert "città|." in [text for text, _ in gaps], gaps
    assert [(text, round(gap, 1)) for text, gap in gaps if abs(gap) > 0.5] == []



def test_a_link_with_a_word_of_countless_letters_says_at_once_that_nothing_is_found(
        searcher, site):
    """A word on no page got its suggestion looked for among the results of each shorter
    beginning of it, one search a letter: a link to the search with a word of 50,000
    letters (?q=) kept the page searching for a minute, 50,000 searches, before it said
    that nothing was found. No word of the pages is that long: none is looked for."""
    me = searcher
    me.page.goto(site.origin + "/cerca/?q=" + "x" * 50_000)
    me.wait_for_status(f"Nessun risultato per «{'x' * 80}…»." + NONE)
    # a word as long as a word may be still gets one
    me.page.goto(site.origin + "/cerca/?q=casalmagiore")
    me.wait_for_status("Nessun risultato per «casalmagiore». Forse cercavi «Casalmaggiore»?")
