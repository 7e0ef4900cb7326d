"""What a screen reader hears, read from Chromium's own accessibility tree (CDP
``Accessibility.getFullAXTree``, what NVDA, JAWS and Orca are given on Windows and Linux):
the headings outline of each kind of page, its landmarks and their names, the links' names
read out of context (a screen reader's list of links), the pauses between the items of a
meta line, the live regions, the images.

axe-core (tests/test_accessibility_browser.py) checks that names exist; this file checks
what they say. The site: the repository's own content (public settings) plus an article
with a cover, a body image, a PDF, tags and an English term, four notices of 2023 (two
months) each with a text attachment, the visit counter on, also on listings, and short
pages of listings so that pagination shows, on Documenti too. Built and served once.
"""

import io
import re

import pytest
from PIL import Image
from browser_support import chromium, served_project_site, wait_until
from samples import text_pdf
from support import article


pytestmark = pytest.mark.browser

ARTICLE = "/2024/08/festa-dei-laboratori-a-casalmaggiore/"
TITLE = "Festa dei Laboratori a Casalmaggiore"
PAGE_KINDS = {
    "home": "/",
    "home, pagina 2": "/pagina/2/",
    "articolo": ARTICLE,
    "pagina": "/progetto/",
    "categoria": "/categorie/notizie/",
    "argomento": "/argomenti/casalmaggiore/",
    "autore": "/autori/redazione/",
    "categorie": "/categorie/",
    "archivio": "/archivio/",
    "archivio, anno": "/archivio/2024/",
    "documenti": "/documenti/",
    "documenti, pagina 2": "/documenti/pagina/2/",
    "segui": "/segui/",
    "cerca": "/cerca/?q=laboratori",
    "404": "/404.html",
}


def picture(width, height, colour):
    data = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(data, "PNG")
    return data.getvalue()


EXTRA = {
    # the project's PDF, which the press release attaches too, given here: an editor may
    # have removed it (bytes of its own, over 1 kB, two pages)
    "allegati/2024/comunicato-stampa-presentazione-crema.pdf": text_pdf(
        "Programma della festa\n" + "Laboratori, giochi e merenda in piazza.\n" * 30,
        "Orari e luoghi dei laboratori."),
    "immagini/festa.png": picture(800, 500, "#1b4f72"),
    "immagini/presenze.png": picture(620, 320, "#0066cc"),
    "notizie/2024-08-01-festa-dei-laboratori.md": article(
        title=TITLE, date="2024-08-01 18:30",
        tags="[Casalmaggiore, Laboratori di Comunità]", image="immagini/festa.png",
        image_alt="Persone ai tavoli della festa in piazza",
        attachments=["file: allegati/2024/comunicato-stampa-presentazione-crema.pdf\n"
                     "    title: Programma della festa"],
        body="""\
            Sabato i Laboratori di Comunità hanno riempito la piazza di Casalmaggiore.

            ## Chi ha partecipato

            Hanno aiutato i Community Manager del territorio[^1].

            ![Grafico a barre delle presenze: 40, 75, 55 e 90 persone]({static}/immagini/presenze.png)

            [^1]: Quelli di Casalmaggiore e di Viadana.
            """),
}
# Older than every other article: the home's first pages and the category Notizie are the
# same; 2023 is a fourth year in the archive; Documenti has a second page.
# The office's hours changed twice that year: two notices of the same title.
NOTICES = [("2023-03-10", "Sportello aperto a Soresina"),
           ("2023-03-20", "Nuovi orari dello sportello"),
           ("2023-11-05", "Assemblea dei volontari"), ("2023-11-25", "Nuovi orari dello sportello")]
# The two of November attach a document of the same title, as a notice of each month may
# ("Modulo di iscrizione"): on Documenti's first page, with the other two.
for number, (day, heading) in enumerate(NOTICES):
    EXTRA[f"allegati/modulo-{number}.txt"] = f"Modulo numero {number}.\n".encode()
    document = "Modulo di iscrizione" if day.startswith("2023-11") else f"Modulo {number}"
    EXTRA[f"avvisi/{day}-avviso-{number}.md"] = article(
        title=heading, date=f"{day} 10:00", slug=f"avviso-{number}", tags="[Sportelli]",
        attachments=[f"file: allegati/modulo-{number}.txt\n    title: {document}"])


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with served_project_site(tmp_path_factory.mktemp("sr"), EXTRA,
                      counts={ARTICLE.rstrip("/"): 1459}, settings="""
                          VISIT_COUNTER_LISTINGS = True
                          DEFAULT_PAGINATION = 4
                      """) as built:
        yield built


@pytest.fixture(scope="module")
def page(site):
    with chromium() as browser:
        yield browser.new_page(viewport={"width": 1280, "height": 900})


class Tree:
    """Chromium's accessibility tree of the page as it is now, in reading order."""

    def __init__(self, page):
        cdp = page.context.new_cdp_session(page)
        try:
            nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
        finally:
            cdp.detach()
        self.by_id = {node["nodeId"]: node for node in nodes}
        root = next(node for node in nodes if "parentId" not in node)
        self.nodes = list(self._walk(root))

    def _walk(self, node):
        if not node.get("ignored"):
            yield node
        for child in node.get("childIds", []):
            if child in self.by_id:
                yield from self._walk(self.by_id[child])

    def of_role(self, *roles):
        return [node for node in self.nodes if role(node) in roles]


def role(node):
    return node["role"]["value"]


def name(node):
    """The node's name, spaces normalised and case folded: Chromium gives a screen reader
    the text as shown, upper case where CSS says so ("CATEGORIA: NOTIZIE")."""
    return " ".join(node.get("name", {}).get("value", "").split()).casefold()


def heard(value):
    """``value`` (a text, or a list or tuple of them) as :func:`name` gives it."""
    if isinstance(value, str):
        return value.casefold()
    if isinstance(value, (list, tuple)):
        return type(value)(heard(item) for item in value)
    return value


def prop(node, key):
    for item in node.get("properties", []):
        if item["name"] == key:
            return item["value"].get("value")
    return None


def open_page(page, site, address):
    page.goto(site.origin + address, wait_until="load")
    page.wait_for_function("""() => [...document.querySelectorAll(
        '.visit-count[data-visit-record]')].every(e => e.textContent)""")
    if "?q=" in address:  # the search page: its results written
        page.wait_for_selector("#cerca-risultati li")
    return Tree(page)


def read(page, selector, index=0):
    """What a screen reader reads in the ``index``-th element matching ``selector``: the
    text nodes of its part of the accessibility tree joined as Chromium gives them (no
    space where it gives none: "1 min1459 visite" is read run together), a link, button
    or image by its name, apart; visually hidden text in, aria-hidden and CSS decoration
    out, CSS alternative text in; spaces normalised, none before punctuation."""
    cdp = page.context.new_cdp_session(page)
    try:
        target = cdp.send("Runtime.evaluate", {
            "expression": f"document.querySelectorAll({selector!r})[{index}]"})["result"]
        assert "objectId" in target, (selector, index)
        own = cdp.send("Accessibility.getPartialAXTree", {
            "objectId": target["objectId"], "fetchRelatives": False})["nodes"][0]
        everything = {node["nodeId"]: node
                      for node in cdp.send("Accessibility.getFullAXTree")["nodes"]}
    finally:
        cdp.detach()
    texts = []

    def walk(node_id):
        node = everything[node_id]
        if node.get("ignored"):
            pass
        elif role(node) in ("StaticText", "link", "button", "image", "img"):
            text = node.get("name", {}).get("value", "")  # a link: its name, apart
            texts.append(text if role(node) == "StaticText" else f" {text} ")
            return
        for child in node.get("childIds", []):
            if child in everything:
                walk(child)

    walk(own["nodeId"])
    return re.sub(r" ([,.:;])", r"\1", " ".join("".join(texts).split())).casefold()


@pytest.fixture(scope="module")
def trees(page, site):
    """{kind: Tree} of every page kind, each page loaded once."""
    return {kind: open_page(page, site, address) for kind, address in PAGE_KINDS.items()}


# ---- Headings -------------------------------------------------------------------------

def test_every_page_kind_has_one_h1_and_an_outline_without_gaps_or_empty_headings(trees):
    for kind, tree in trees.items():
        headings = [(prop(node, "level"), name(node)) for node in tree.of_role("heading")]
        assert [level for level, _ in headings].count(1) == 1, (kind, headings)
        assert headings[0][0] == 1, (kind, headings)  # nothing before the page's title
        assert all(text for _, text in headings), (kind, headings)
        for (before, _), (after, text) in zip(headings, headings[1:]):
            assert after <= before + 1, (kind, text, headings)


def test_the_article_reads_as_an_outline(trees):
    headings = [(prop(node, "level"), name(node)) for node in trees["articolo"].of_role(
        "heading")]
    assert headings == heard([
        (1, TITLE), (2, "Chi ha partecipato"), (2, "Note"), (2, "Allegati"), (2, "Condividi"),
        (2, "Articoli della stessa categoria"),
        (2, "FareLegami"), (2, "Partner"), (2, "Sostegno"), (2, "Resta aggiornato")])


def test_the_archive_and_documenti_read_each_year_and_a_years_archive_each_month(trees):
    def outline(kind):
        return [(prop(node, "level"), name(node)) for node in trees[kind].of_role("heading")]

    footer = [(2, "FareLegami"), (2, "Partner"), (2, "Sostegno"), (2, "Resta aggiornato")]
    assert outline("archivio") == heard([
        (1, "Novità e archivio"), (2, "Gli ultimi articoli"), (2, "2026"), (2, "2025"), (2, "2024"),
        (2, "2023"), *footer])
    assert outline("archivio, anno") == heard([
        (1, "Archivio 2024"), (2, "Ottobre 2024"), (2, "Agosto 2024"), (2, "Luglio 2024"),
        (2, "Giugno 2024"), (2, "Maggio 2024"), *footer])
    # Documenti, like the archive, a year each: its page 2 goes on with 2023
    assert outline("documenti") == heard([(1, "Documenti"), (2, "2024"), (2, "2023"), *footer])
    assert outline("documenti, pagina 2") == heard([(1, "Documenti"), (2, "2023"), *footer])


# ---- Landmarks ------------------------------------------------------------------------

def test_one_main_one_banner_one_footer_and_navigation_landmarks_with_distinct_names(trees):
    for kind, tree in trees.items():
        for landmark in ("main", "banner", "contentinfo"):
            assert len(tree.of_role(landmark)) == 1, (kind, landmark)
        navs = [name(node) for node in tree.of_role("navigation")]
        assert navs[0] == heard("Menu principale"), (kind, navs)
        assert all(navs) and len(set(navs)) == len(navs), (kind, navs)
        searches = tree.of_role("search")
        assert len(searches) == 1, kind  # the header's, or the search page's own form
    navs = {kind: [name(node) for node in tree.of_role("navigation")]
            for kind, tree in trees.items()}
    assert navs["articolo"] == heard(["Menu principale", "Percorso",
                                      "Altri articoli della categoria Notizie",
                                      "Note legali e accessibilità"])
    assert navs["categoria"] == heard(["Menu principale", "Percorso", "Paginazione",
                                       "Note legali e accessibilità"])
    assert navs["archivio, anno"] == heard(["Menu principale", "Percorso", "Mesi",
                                            "Altri anni dell’archivio",
                                            "Note legali e accessibilità"])
    for kind in ("documenti", "documenti, pagina 2"):
        assert navs[kind] == heard(["Menu principale", "Percorso", "Anni", "Paginazione",
                                    "Note legali e accessibilità"]), kind
    # the archives' years and months are headings to jump by, not landmarks: named
    # sections made a region of each, twenty in a landmarks list after some years
    regions = {kind: {name(node) for node in tree.of_role("region")}
               for kind, tree in trees.items()}
    assert not regions["archivio"] & {heard("Gli ultimi articoli"), "2026", "2024"}
    assert not regions["archivio, anno"] & set(heard(["Ottobre 2024", "Maggio 2024"]))
    assert not regions["documenti"] & {"2024", "2023"}
    # nor are the footer's four sections (four more landmarks on every page, after the
    # footer itself) or Segui's groups, one per category: found by their headings
    for kind, tree in trees.items():
        [footer] = tree.of_role("contentinfo")
        assert not [node for node in tree.of_role("region")
                    if within(tree, node, footer)], (kind, regions[kind])
    assert regions["segui"] == set(), regions["segui"]
    assert regions["articolo"] == set(heard(
        ["Allegati", "Condividi", "Articoli della stessa categoria"])), regions["articolo"]


def within(tree, node, ancestor):
    """Whether ``node`` is in ``ancestor``'s part of the tree."""
    while node is not None:
        if node is ancestor:
            return True
        node = tree.by_id.get(node.get("parentId"))
    return False


def test_main_takes_no_focus_of_its_own_so_a_click_in_the_text_keeps_tab_there(page, site):
    """The skip link's target, <main>, is not focusable (no tabindex="-1"): Chromium moves
    the starting point of Tab and screen readers their reading position to it all the
    same, and a focusable <main> took the focus at every click in the text, so the next
    Tab went back to the breadcrumb at the top instead of the next link after the click."""
    open_page(page, site, ARTICLE)
    assert page.locator("main").get_attribute("tabindex") is None
    page.locator(".article-header .lead").click()  # the first paragraph, as the lead
    page.keyboard.press("Tab")  # the next link: the author's, in the meta line below
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith(
        "/autori/redazione/")


def test_every_page_kind_has_a_title_of_its_own(trees):
    titles = {kind: name(tree.nodes[0]) for kind, tree in trees.items()}
    assert len(set(titles.values())) == len(titles), titles
    assert titles["documenti, pagina 2"] == heard("Documenti – pagina 2 – FareLegami")


# ---- Links read out of context --------------------------------------------------------

def links(tree):
    return [(name(node), (prop(node, "url") or "").split("#")[0])
            for node in tree.of_role("link")]


def test_no_link_name_leads_to_two_places_nor_is_an_address_an_arrow_or_empty(trees):
    for kind, tree in trees.items():
        places = {}
        for text, url in links(tree):
            places.setdefault(text, set()).add(url)
            assert text.strip("‹›«»…·|>< "), (kind, url)
            assert not re.match(r"(https?://|www\.)", text), (kind, text)
        assert not {text: urls for text, urls in places.items() if len(urls) > 1}, kind


def links_in_main(tree):
    """:func:`links` of the page's ``main`` landmark only."""
    [main] = tree.of_role("main")
    inside, pending = set(), [main["nodeId"]]
    while pending:
        node_id = pending.pop()
        inside.add(node_id)
        pending += [child for child in tree.by_id[node_id].get("childIds", [])
                    if child in tree.by_id]
    return [(name(node), (prop(node, "url") or "").split("#")[0])
            for node in tree.of_role("link") if node["nodeId"] in inside]


def test_an_article_links_no_other_article_twice_nor_twice_with_the_same_name(trees, site):
    # The category was read twice in a row ("Notizie", "Notizie": the breadcrumb's crumb,
    # then the kicker above the title), and "Articoli della stessa categoria" repeated
    # the newer and older articles linked just above it.
    found = links_in_main(trees["articolo"])
    assert not [link for link in found if found.count(link) > 1], found
    own = site.origin + ARTICLE
    articles = [url for _, url in found if re.search(r"/20\d\d/\d\d/", url) and url != own]
    assert len(articles) >= 4 and len(articles) == len(set(articles)), articles
    category = [text for text, url in found if url.endswith("/categorie/notizie/")]
    assert category == heard(["Notizie", "Tutti gli articoli della categoria Notizie"])


def texts(tree, node):
    """The text of ``node``'s part of ``tree``, its text nodes joined, spaces normalised."""
    found = []

    def walk(current):
        if role(current) == "StaticText" and not current.get("ignored"):
            found.append(current.get("name", {}).get("value", ""))
        for child in current.get("childIds", []):
            if child in tree.by_id:
                walk(tree.by_id[child])

    walk(node)
    return " ".join("".join(found).split()).casefold()


def test_the_brand_reads_the_sites_name_then_its_motto_after_a_pause(page, site, trees):
    """The header's link to the home shows the site's name over its motto, and was named
    "FareLegami Una comunità che gira": a screen reader read the two lines as one run of
    words, in its list of links too. A comma between them, visually hidden, is the pause;
    the two lines are drawn as before. The footer has the name as a heading and the motto
    as a paragraph of its own: read apart, as two lines."""
    for kind, tree in trees.items():
        # "FareLegami , Una": Chromium puts a space before the visually hidden part
        # the brand (other links to the home: the breadcrumb's "Home", the 404's)
        brand = [text.replace(" ,", ",") for text, url in links(tree)
                 if url == f"{site.origin}/" and text.startswith("farelegami")]
        assert brand == heard(["FareLegami, Una comunità che gira"]), (kind, brand)
        [footer] = tree.of_role("contentinfo")
        lines = [(role(node), texts(tree, node)) for node in tree.nodes
                 if role(node) in ("heading", "paragraph") and within(tree, node, footer)]
        assert lines[:2] == heard([("heading", "FareLegami"),
                                   ("paragraph", "Una comunità che gira")]), (kind, lines)
    open_page(page, site, "/")
    hidden = page.locator(".brand .visually-hidden")
    assert hidden.text_content() == ","
    assert hidden.bounding_box()["width"] <= 1


def test_a_footnotes_way_back_to_the_text_is_named_in_words_not_by_its_arrow(trees):
    """The link at the end of a footnote shows "↩", and that was its name: a list of links
    read "↩" (its title, "Torna al richiamo…", is only a description, when read at all)."""
    [back] = [name(node) for node in trees["articolo"].of_role("link")
              if (prop(node, "url") or "").endswith("#fnref:1")]
    assert back == "torna al richiamo della nota 1 nel testo"


def test_a_footnotes_reference_in_the_text_is_named_as_a_note_not_by_its_number(trees):
    """The reference's text is the note's number: a list of links read "1", "2", which out
    of context say nothing of where they lead."""
    [reference] = [name(node) for node in trees["articolo"].of_role("link")
                   if (prop(node, "url") or "").endswith("#fn:1")]
    assert reference == heard("Nota 1")


def test_documents_of_the_same_title_are_told_apart_by_their_article(page, site, trees):
    """Two notices each attach a "Modulo di iscrizione": Documenti's list of links read
    "Modulo di iscrizione (TXT, 17 byte)" twice, for two files. Each says its article,
    for screen readers only (the line below it shows it); and, where two of the page's
    articles have the same title ("Nuovi orari dello sportello", of March and November),
    its date, as the links to those articles do. A title of its own, as "Modulo 1", is
    left as it is."""
    # "…byte) , da": Chromium puts a space before the visually hidden part, as before a
    # line of its own
    names = [(text.replace(" ,", ","), url.removeprefix(site.origin))
             for text, url in links(trees["documenti"])
             if re.search(r"/2023/|/allegati/modulo-", url)]
    assert names == heard([
        ("Modulo di iscrizione (TXT, 17 byte), da «Nuovi orari dello sportello»,"
         " 25 novembre 2023", "/allegati/modulo-3.txt"),
        ("Nuovi orari dello sportello, 25 novembre 2023", "/2023/11/avviso-3/"),
        ("Modulo di iscrizione (TXT, 17 byte), da «Assemblea dei volontari»",
         "/allegati/modulo-2.txt"),
        ("Assemblea dei volontari", "/2023/11/avviso-2/"),
        ("Modulo 1 (TXT, 17 byte)", "/allegati/modulo-1.txt"),
        ("Nuovi orari dello sportello, 20 marzo 2023", "/2023/03/avviso-1/")])
    # shown as before: the title and what the file is, the article on the line below
    open_page(page, site, PAGE_KINDS["documenti"])
    link = page.locator(".attachment-link").nth(2)
    hidden = link.locator(".visually-hidden")
    assert hidden.text_content() == ", da «Assemblea dei volontari»"
    assert hidden.bounding_box()["width"] <= 1
    assert link.evaluate("""a => [...a.childNodes].map(function shown(node) {
        return node.classList?.contains("visually-hidden") ? ""
          : node.childNodes.length ? [...node.childNodes].map(shown).join("")
          : node.textContent; }).join("").trim()""") == "Modulo di iscrizione (TXT, 17\xa0byte)"
    # on the page of the one article, its document is named by its title alone
    page.goto(site.origin + "/2023/11/avviso-3/")  # no visits to wait for
    tree = Tree(page)
    assert [text for text, url in links(tree) if "/allegati/" in url] == heard([
        "Modulo di iscrizione (TXT, 17 byte)"])


def test_articles_of_the_same_title_are_told_apart_by_their_date(page, site):
    """The office changed its hours in March and in November: two notices "Nuovi orari
    dello sportello". A list of links read the name twice, for two articles. Each link says
    its date too, for screen readers only (the line shows it beside it); a title of its
    own is left as it is. In the cards of a listing, and on a year's archive, where the two
    are in the lists of two months."""
    for address in ("/argomenti/sportelli/", "/archivio/2023/"):
        page.goto(site.origin + address)
        found = [(text.replace(" ,", ","), url.removeprefix(site.origin))
                 for text, url in links(Tree(page)) if re.search(r"/2023/\d\d/", url)]
        assert found == heard([
            ("Nuovi orari dello sportello, 25 novembre 2023", "/2023/11/avviso-3/"),
            ("Assemblea dei volontari", "/2023/11/avviso-2/"),
            ("Nuovi orari dello sportello, 20 marzo 2023", "/2023/03/avviso-1/"),
            ("Sportello aperto a Soresina", "/2023/03/avviso-0/")]), address
        # shown as before: the title alone (the date beside it)
        title = page.locator("a[href$='/2023/03/avviso-1/']")
        hidden = title.locator(".visually-hidden")
        assert hidden.text_content() == ", 20 marzo 2023"
        assert hidden.bounding_box()["width"] <= 1


def test_the_archives_month_links_say_their_year_and_leave_the_count_out(trees, site):
    # "Maggio" is in the list of links of every year: on the archive's index the year
    # goes with it, visually hidden (the section's heading shows it)
    # (the first "2023" is the years' row at the top, the second the year's heading)
    year = [text for text, url in links(trees["archivio"])
            if url == f"{site.origin}/archivio/2023/"]
    assert year == heard(["2023", "2023", "Novembre 2023", "Marzo 2023"])
    # on the year's own page the year is said once, by the page: "Ottobre", not twice
    months = [name(node) for node in trees["archivio, anno"].of_role("link")
              if "#mese-" in (prop(node, "url") or "")]
    assert months == heard(["Ottobre", "Agosto", "Luglio", "Giugno", "Maggio"])


def test_the_archives_links_to_the_indexes_say_which_index(trees, site):
    """The intro's links read "categoria", "argomento", "autore" in a list of links: one
    category, one author, it seemed, where each leads to the index of them all."""
    origin = site.origin
    indexes = [text for text, url in links(trees["archivio"]) if url in (
        f"{origin}/categorie/", f"{origin}/argomenti/", f"{origin}/autori/")]
    assert indexes == heard(["le categorie", "gli argomenti", "gli autori"])


def test_a_listing_of_several_pages_offers_the_archive_by_a_link_that_says_where(
        page, site, trees):
    for kind in ("home", "home, pagina 2", "categoria"):
        open_page(page, site, PAGE_KINDS[kind])
        assert read(page, ".pagination-archive") == heard(
            "Cerchi un articolo meno recente? Sfoglia l’archivio per anno e mese."), kind
    # Documenti, paginated too, lists documents, not articles: no such line
    assert not [text for text, _ in links(trees["documenti"]) if "archivio" in text]


def test_the_feeds_on_segui_are_named_by_what_they_carry_then_their_address(trees, site):
    feeds = [(text, url) for text, url in links(trees["segui"]) if "/feeds/" in url]
    origin = site.origin
    assert feeds[:4] == heard([
        (f"Feed RSS, Tutte le notizie: {origin}/feeds/tutto.rss.xml",
         f"{origin}/feeds/tutto.rss.xml"),
        (f"Feed Atom, Tutte le notizie: {origin}/feeds/tutto.atom.xml",
         f"{origin}/feeds/tutto.atom.xml"),
        (f"Feed RSS, Avvisi: {origin}/feeds/categorie/avvisi.rss.xml",
         f"{origin}/feeds/categorie/avvisi.rss.xml"),
        (f"Feed Atom, Avvisi: {origin}/feeds/categorie/avvisi.atom.xml",
         f"{origin}/feeds/categorie/avvisi.atom.xml")])


def test_the_format_beside_a_feed_address_is_not_read_twice(page, site):
    open_page(page, site, PAGE_KINDS["segui"])
    assert read(page, ".feed-list li") == heard(
        f"Feed RSS, Tutte le notizie: {site.origin}/feeds/tutto.rss.xml")


def test_a_cards_category_link_says_it_is_a_category(trees):
    for kind in ("home", "home, pagina 2", "argomento", "autore"):
        names = [text for text, url in links(trees[kind]) if "/categorie/" in url
                 and not text.startswith("feed ")]
        assert names, kind
        assert all(text.startswith("categoria: ") for text in names), (kind, names)


def test_newer_and_older_in_the_category_are_read_with_a_pause_before_the_title(trees):
    pager = [text for text, _ in links(trees["articolo"])
             if text.startswith(heard(("Più recente", "Meno recente")))]
    # "Più recente : Come…": Chromium puts a space between the link's two lines
    assert [text.replace(" :", ":") for text in pager] == heard([
        "Più recente: Un’idea per un Patto Gener-Attivo: come prepararla",
        "Meno recente: Perché un laboratorio può continuare anche d’estate"])


def test_a_document_is_one_link_named_by_its_text_with_a_silent_preview(page, site):
    for address in (ARTICLE, PAGE_KINDS["documenti"]):
        tree = open_page(page, site, address)
        names = [text for text, url in links(tree) if url.endswith(".pdf")]
        assert len(names) == 1, address
        assert re.fullmatch(r"programma della festa \(pdf, \d+ kb, \d+ pagin[ae]\)",
                            names[0]), names
        assert read(page, ".attachment-link") == names[0]  # the preview adds nothing
        assert page.locator(".attachment-link img").get_attribute("alt") == ""


# ---- Meta lines: items read with a pause, not run together ------------------------------

def test_the_articles_meta_line_is_read_with_pauses_between_its_items(page, site):
    open_page(page, site, ARTICLE)
    assert read(page, ".article-meta") == heard(
        "Pubblicato giovedì 1 agosto 2024, ore 18:30, della Redazione, 1 allegato, "
        "Tempo di lettura: 1 min, 1459 visite")


def test_a_cards_date_and_visits_are_read_with_a_pause(page, site):
    open_page(page, site, "/pagina/2/")
    card = page.locator(".card", has_text=TITLE)
    card.scroll_into_view_if_needed()  # listings ask for counts as they come into view
    wait_until(page, lambda: card.locator(".visit-count").text_content(), "the card's count")
    index = page.locator(".card").evaluate_all(
        f"cards => cards.findIndex(c => c.textContent.includes({TITLE!r}))")
    assert read(page, ".card-meta", index) == heard(
        "Categoria: Notizie 1 agosto 2024, 1459 visite")


def test_a_search_results_date_and_category_are_read_with_a_pause(page, site):
    open_page(page, site, PAGE_KINDS["cerca"])
    assert read(page, ".cerca-meta") == heard("12 giugno 2024, Notizie")


# ---- Live regions, images, language -------------------------------------------------------

def test_only_the_search_count_and_the_copy_confirmation_are_live(trees):
    for kind, tree in trees.items():
        live = [(role(node), prop(node, "live")) for node in tree.nodes
                if prop(node, "live") not in (None, "off")
                and prop(tree.by_id[node["parentId"]], "live") in (None, "off")]
        expected = {"articolo": [("status", "polite")],  # "Copia link"'s confirmation
                    "cerca": [("status", "polite")]}.get(kind, [])  # the count
        assert live == expected, (kind, live)
    # the visit count arrives after load and is never announced: no live region holds it
    assert all(prop(node, "live") in (None, "off") for node in trees["articolo"].nodes
               if "visite" in name(node))


def test_the_search_count_is_one_sentence_in_the_status(page, site):
    open_page(page, site, PAGE_KINDS["cerca"])
    assert re.fullmatch(r"\d+ risultati per «laboratori»\.", read(page, "#cerca-stato"))


def test_images_say_what_they_show_and_decoration_is_silent(trees):
    images = [name(node) for node in trees["articolo"].of_role("image", "img")]
    assert images == heard(["Persone ai tavoli della festa in piazza",
                            "Grafico a barre delle presenze: 40, 75, 55 e 90 persone"])
    for kind, tree in trees.items():
        assert all(name(node) for node in tree.of_role("image", "img")), kind


def test_english_terms_are_marked_for_the_voice(page, site):
    open_page(page, site, ARTICLE)
    assert page.locator('.article-body span[lang="en"]').all_text_contents() == [
        "Community Manager"]
