"""Home, category, tag, author and archive pages; pagination; sitemap, robots, 404."""

import json
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Author, Category, Tag

from plugins.attachments.documents import documents_apart
from plugins.core.pages import Apart, distinti, page_window
from plugins.core.terms import ATOM, PAGE, RSS, Members, canonical_name, mark, written

from support import SITEURL, article, cpu_budget


def titles(soup):
    return [a.get_text(strip=True) for a in soup.select("main article h2 a")]


def many(count, folder="notizie"):
    return {f"{folder}/n{i:02}.md": article(title=f"Notizia {i:02}",
                                            date=f"2024-03-{i + 1:02} 10:00")
            for i in range(count)}


def test_category_page_lists_its_items_newest_first(build):
    site = build({
        "notizie/a.md": article(title="Prima", date="2024-01-01 10:00"),
        "notizie/b.md": article(title="Terza", date="2024-03-01 10:00"),
        "notizie/c.md": article(title="Seconda", date="2024-02-01 10:00"),
        "avvisi/d.md": article(title="Un avviso", date="2024-02-15 10:00"),
    })
    assert site.ok, site.log
    assert titles(site.soup("/categorie/notizie/")) == ["Terza", "Seconda", "Prima"]
    assert titles(site.soup("/categorie/avvisi/")) == ["Un avviso"]
    assert titles(site.soup("/")) == ["Terza", "Un avviso", "Seconda", "Prima"]
    assert titles(site.soup("/autori/redazione/")) == ["Terza", "Un avviso", "Seconda", "Prima"]
    categories = site.soup("/categorie/").select_one("main").get_text(" ", strip=True)
    assert "Notizie" in categories and "Avvisi" in categories


def test_lists_are_paginated_with_clean_urls(build_once):
    site = build_once(many(23))
    assert site.ok, site.log
    assert len(titles(site.soup("/"))) == 10
    assert titles(site.soup("/pagina/3/")) == ["Notizia 02", "Notizia 01", "Notizia 00"]
    assert titles(site.soup("/categorie/notizie/pagina/2/"))[0] == "Notizia 12"
    nav = site.soup("/pagina/2/").select_one('nav[aria-label*="agin"]')
    hrefs = {a["href"] for a in nav.select("a")}
    assert f"{SITEURL}/" in hrefs and f"{SITEURL}/pagina/3/" in hrefs
    assert nav.select_one('[aria-current="page"]')


def test_term_lists_find_an_article_without_scanning_the_list():
    """Pelican writes each term's page with ``[a for a in dates if a in articles]``:
    with lists, an author of every article cost articles² comparisons (11 s of a
    10,000-article build for the tags, categories and author). Members answers ``in`` by
    identity from a set, kept right when the list changes. In CPU seconds, which a busy
    machine does not stretch as it does the wall clock's."""
    import time  # noqa: PLC0415

    class Item:  # as Pelican's Content: no __eq__, equal only to itself
        pass

    dates = [Item() for _ in range(20_000)]
    members = Members(dates[::2])
    started = time.process_time()
    found = [item for item in dates if item in members]
    # a set: 4 ms; a list: 10^8 comparisons, 1.4 s
    assert time.process_time() - started < cpu_budget(0.25)
    assert found == dates[::2]
    assert Item() not in members
    members.append(dates[1])
    assert dates[1] in members
    members.remove(dates[0])
    del members[:1]
    assert dates[0] not in members and dates[2] not in members and dates[4] in members
    members[0] = dates[3]
    assert dates[3] in members and dates[4] not in members
    assert 2 not in Members([1]) and 1 in Members([1.0])  # values with __eq__: by value


def test_term_pages_list_exactly_their_articles(build):
    files = {}
    for n in range(30):
        tags = "[Crema, Anziani]" if n % 3 == 0 else "[Crema]"
        files[f"{('notizie', 'avvisi')[n % 2]}/a{n:02}.md"] = article(
            title=f"Articolo {n:02}", date=f"2024-04-{n % 28 + 1:02} {10 + n // 28}:00",
            tags=tags, author="Anna Rossi" if n % 5 == 0 else "Redazione")
    site = build(files, settings="DEFAULT_PAGINATION = 4")
    assert site.ok, site.log

    def listed(url):
        names, page = [], 1
        while site.exists(url if page == 1 else f"{url}pagina/{page}/"):
            names += titles(site.soup(url if page == 1 else f"{url}pagina/{page}/"))
            page += 1
        return sorted(int(name.split()[-1]) for name in names)

    assert listed("/argomenti/crema/") == list(range(30))
    assert listed("/argomenti/anziani/") == list(range(0, 30, 3))
    assert listed("/categorie/notizie/") == list(range(0, 30, 2))
    assert listed("/categorie/avvisi/") == list(range(1, 30, 2))
    assert listed("/autori/anna-rossi/") == list(range(0, 30, 5))
    assert listed("/autori/redazione/") == [n for n in range(30) if n % 5]


@pytest.mark.parametrize(("current", "count", "window"), [
    (1, 1, [1]),
    (1, 3, [1, 2, 3]),
    (1, 8, [1, 2, 3, None, 8]),
    (4, 8, [1, 2, 3, 4, 5, 6, 7, 8]),  # a gap of one page shows the page
    (6, 10, [1, None, 4, 5, 6, 7, 8, 9, 10]),
    (100, 200, [1, None, 98, 99, 100, 101, 102, None, 200]),
    (200, 200, [1, None, 198, 199, 200]),
])
def test_page_window(current, count, window):
    assert page_window(current, count) == window


def test_what_tells_apart_links_of_one_title_is_the_date_or_the_item_and_its_date():
    """``distinti`` (plugins/core) and ``documenti_distinti`` (plugins/attachments): a page's items whose titles read alike (markup and
    case aside) get their date; a document whose title another document has gets its
    item, with the item's date only where another item of the page has its title (one
    item's two documents do not make its title read twice); a page's document has no
    date, so its item's link gets nothing."""
    def item(title, url):
        return SimpleNamespace(title=title, url=url)

    def document(title, of, date):
        return SimpleNamespace(attachment=SimpleNamespace(title=title), item=of, date=date)

    notices = [SimpleNamespace(title="Nuovi orari", date=1),
               SimpleNamespace(title="<em>nuovi</em>  Orari", date=2),
               SimpleNamespace(title="Chiusura estiva", date=3)]
    apart = distinti(notices)
    assert [apart[notice] for notice in notices] == [Apart(1), Apart(2), None]
    assert apart[SimpleNamespace(title="Nuovi orari", date=1)] is None  # not of the page

    estate, inverno = item("Orari", "a/"), item("Orari", "b/")
    iscrizioni, sede = item("Iscrizioni", "c/"), item("La sede", "sede/")
    documents = [document("Modulo", estate, 10), document("Modulo", inverno, 20),
                 document("Modulo", iscrizioni, 30), document("Programma", iscrizioni, 30),
                 document("Programma", sede, None), document("Pianta", estate, 10)]
    apart = documents_apart(documents)
    assert [apart[each] for each in documents] == [
        (Apart(10, estate), Apart(10)), (Apart(20, inverno), Apart(20)),
        (Apart(None, iscrizioni), None), (Apart(None, iscrizioni), None),
        (Apart(None, sede), None), (None, Apart(10))]
    assert distinti([])[notices[0]] is None
    assert documents_apart([])[documents[0]] == (None, None)  # unpacked by documenti.html


def test_long_lists_link_the_first_last_and_nearby_pages(build):
    site = build(many(23), settings="DEFAULT_PAGINATION = 2")  # 12 pages
    assert site.ok, site.log
    nav = site.soup("/pagina/6/").select_one("nav.pagination")
    items = [li.get_text(" ", strip=True).replace("Pagina ", "")
             for li in nav.select(".pagination-list li")]
    assert items == ["‹ Più recenti", "1", "…", "4", "5", "6", "7", "8", "…", "12",
                     "Meno recenti ›"]
    assert nav.select_one("[aria-current=page]")["href"] == f"{SITEURL}/pagina/6/"
    assert nav.select_one(".pagination-gap")["aria-hidden"] == "true"
    assert [a["href"] for a in nav.select("a")][1] == f"{SITEURL}/"


def test_long_lists_lead_to_the_archive_to_jump_to_a_year(build):
    """300 pages of articles link only their neighbours, the first and the last: below
    the pagination a listing links the archive (years and months), not on one page."""
    site = build(many(5), settings="DEFAULT_PAGINATION = 2")
    assert site.ok, site.log
    for url in ("/", "/pagina/2/", "/categorie/notizie/pagina/3/", "/autori/redazione/"):
        link = site.soup(url).select_one("main .pagination-archive a")
        assert link["href"] == f"{SITEURL}/archivio/", url
        assert link.get_text() == "l’archivio per anno e mese"
    single = build({})  # the same five articles, on one page (DEFAULT_PAGINATION = 10)
    assert single.ok, single.log
    assert len(titles(single.soup("/"))) == 5
    assert not single.soup("/").select(".pagination-archive")


def test_archives_by_year(build):
    site = build({
        "notizie/a.md": article(title="Del 2024", date="2024-06-01 10:00"),
        "notizie/b.md": article(title="Del 2025", date="2025-02-01 10:00"),
    })
    assert site.ok, site.log
    archive = site.soup("/archivio/")
    years = [h.get_text(strip=True) for h in archive.select("main .archive-year h2")]
    assert years[:2] == ["2025", "2024"]
    year = site.soup("/archivio/2024/").select_one("main").get_text()
    assert "Del 2024" in year and "Del 2025" not in year


def test_archive_index_lists_years_and_months_not_every_article(build):
    """/archivio/ ("Novità" in the header) grows by a section a year, not by an entry an
    article (with 3000 articles it was a 1.4 MB page, 400,000 px tall on a phone): the
    newest articles (a listing page's worth), then the years and their months; each
    year's page groups its articles by month, and the index links each month there."""
    files = {f"notizie/n{i:02}.md": article(title=f"Notizia {i:02}",
                                            date=f"2024-{1 + i % 3:02}-{1 + i:02} 10:00")
             for i in range(9)}  # January, February, March 2024: 3 each
    files["avvisi/vecchio.md"] = article(title="Avviso del 2022", date="2022-11-20 09:00")
    site = build(files, settings="DEFAULT_PAGINATION = 5")
    assert site.ok, site.log
    archive = site.soup("/archivio/")
    main = archive.select_one("main")
    latest = main.select_one("section.archive-latest")
    assert latest.h2.get_text(strip=True) == "Gli ultimi articoli"
    assert [a.get_text(strip=True) for a in latest.select(".archive-title")] == [
        "Notizia 08", "Notizia 05", "Notizia 02", "Notizia 07", "Notizia 04"]  # 5 a page
    assert len(main.select(".archive-item")) == 5, "no other article is listed"
    years = main.select("section.archive-year")
    assert [s.h2.get_text(strip=True) for s in years] == ["2024", "2022"]
    assert years[0].h2.a["href"] == f"{SITEURL}/archivio/2024/"
    assert years[0].select_one(".archive-count").get_text(strip=True) == "9 articoli"
    months = [(li.a.get_text(" ", strip=True), li.a["href"],
               li.select_one(".term-count").get_text(strip=True))
              for li in years[0].select(".archive-months li")]
    # a month's link says its year (visually hidden): out of context, every year has a May
    assert months == [("Marzo 2024", f"{SITEURL}/archivio/2024/#mese-03", "3 articoli"),
                      ("Febbraio 2024", f"{SITEURL}/archivio/2024/#mese-02", "3 articoli"),
                      ("Gennaio 2024", f"{SITEURL}/archivio/2024/#mese-01", "3 articoli")]
    assert years[0].select_one(".archive-months a .visually-hidden").get_text() == " 2024"
    assert [li.get_text(" ", strip=True) for li in years[1].select(".archive-months li")] == [
        "Novembre 2022 1 articolo"]
    year = site.soup("/archivio/2024/")
    jump = year.select_one('main nav[aria-label="Mesi"]')
    assert [a["href"] for a in jump.select("a")] == ["#mese-03", "#mese-02", "#mese-01"]
    sections = year.select("main section.archive-year")
    assert [(s.h2["id"], s.h2.get_text(strip=True)) for s in sections] == [
        ("mese-03", "Marzo 2024"), ("mese-02", "Febbraio 2024"), ("mese-01", "Gennaio 2024")]
    assert [a.get_text(strip=True) for a in sections[0].select(".archive-title")] == [
        "Notizia 08", "Notizia 05", "Notizia 02"]
    assert sum(len(s.select(".archive-item")) for s in sections) == 9
    assert not site.soup("/archivio/2022/").select_one('main nav[aria-label="Mesi"]')


THREE_YEARS = {f"notizie/n{year}.md": article(title=f"Notizia del {year}",
                                             date=f"{year}-03-01 10:00")
               for year in (2021, 2022, 2024)}


def test_archive_index_starts_with_a_link_to_each_year(build_once):
    """The listings send readers to /archivio/ to jump to a year; its years came only
    after the newest articles and every newer year's months (with five years of
    articles the oldest was 4500 px down on a phone): now they come first, in a row,
    each a link to its page. A site of one year has none (its heading is right there)."""
    site = build_once(THREE_YEARS)
    assert site.ok, site.log
    main = site.soup("/archivio/").select_one("main")
    years = main.select_one('nav[aria-label="Anni"]')
    assert [(a.get_text(strip=True), a["href"]) for a in years.select("li a")] == [
        ("2024", f"{SITEURL}/archivio/2024/"), ("2022", f"{SITEURL}/archivio/2022/"),
        ("2021", f"{SITEURL}/archivio/2021/")]
    assert all(site.exists(a["href"].removeprefix(SITEURL)) for a in years.select("a"))
    # before the newest articles, after the page's heading
    order = [element.name for element in main.select("h1, nav[aria-label='Anni'], h2")]
    assert order[:3] == ["h1", "nav", "h2"], order
    one = build_once({"notizie/a.md": article(title="Sola", date="2024-03-01 10:00")})
    assert one.ok, one.log
    assert not one.soup("/archivio/").select_one('main nav[aria-label="Anni"]')


def test_a_years_archive_links_the_newer_and_the_older_year(build_once):
    """A year's page ended with its oldest month: the year before or after was only
    through the archive's index. Now it links them as an article links the newer and
    the older article of its category: the same arrows, words and rel."""
    site = build_once(THREE_YEARS)
    assert site.ok, site.log

    def years(url):
        nav = site.soup(url).select_one("main nav[aria-label=\"Altri anni dell’archivio\"]")
        if nav is None:
            return None
        return [(a["rel"][0], a.get_text(" ", strip=True), a["href"]) for a in nav.select("a")]

    assert years("/archivio/2022/") == [
        ("prev", "‹ Anno più recente : 2024", f"{SITEURL}/archivio/2024/"),
        ("next", "Anno meno recente › : 2021", f"{SITEURL}/archivio/2021/")]
    assert years("/archivio/2024/") == [
        ("next", "Anno meno recente › : 2022", f"{SITEURL}/archivio/2022/")]
    assert years("/archivio/2021/") == [
        ("prev", "‹ Anno più recente : 2022", f"{SITEURL}/archivio/2022/")]
    one = build_once({"notizie/a.md": article(title="Sola", date="2024-03-01 10:00")})
    assert one.ok, one.log
    assert not one.soup("/archivio/2024/").select_one('main nav.category-pager')


def test_article_page_structure(build):
    site = build({"notizie/a.md": article(title="Struttura", tags="[Crema]",
                                          summary="Il lead.", body="Il corpo.")})
    page = site.soup("/2024/05/struttura/")
    assert len(page.select("h1")) == 1
    assert page.select_one("a.skip-link, a[href='#contenuto']")
    assert page.select_one("main#contenuto article")
    crumbs = page.select('nav[aria-label="Percorso"] li')
    assert [li.get_text(strip=True) for li in crumbs] == ["Home", "Notizie", "Struttura"]
    text = page.select_one("main").get_text(" ", strip=True)
    order = [text.index(s) for s in ("Struttura", "Il lead.", "domenica 5\u00a0maggio 2024",
                                     "Redazione", "Tempo di lettura", "Crema", "Il corpo.")]
    assert order == sorted(order), text
    nav = [a.get_text(strip=True) for a in page.select("header nav a")]
    assert nav == ["Il progetto", "Le azioni", "Novità", "Documenti", "Contatti"]
    footer = page.select_one("footer").get_text(" ", strip=True)
    for words in ("Comune di Cremona", "Fondazione Cariplo", "Privacy", "Note legali",
                  "Dichiarazione di accessibilità", "RSS"):
        assert words in footer


def test_sitemap_robots_and_404(build):
    site = build({"notizie/a.md": article(title="In mappa"),
                  "notizie/b.md": article(title="Fuori mappa", status="draft"),
                  "pages/p.md": "---\ntitle: Pagina\nslug: pagina\n---\nTesto.\n"})
    assert site.ok, site.log
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = [loc.text for loc in ET.fromstring(site.text("/sitemap.xml")).findall(".//s:loc", ns)]
    assert f"{SITEURL}/2024/05/in-mappa/" in urls and f"{SITEURL}/pagina/" in urls
    assert not any("fuori" in url or "404" in url for url in urls)
    robots = site.text("/robots.txt")
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots
    not_found = site.soup("/404.html")
    assert "non trovata" in not_found.h1.get_text().lower()


@pytest.mark.parametrize(("slugs", "said"), [
    (("progetto", "contatti"), "Per conoscere il progetto leggi la pagina Il progetto. "
                               "Per chiedere informazioni vai alla pagina Contatti."),
    (("contatti",), "Per chiedere informazioni vai alla pagina Contatti."),
    ((), None),
])
def test_the_home_says_where_to_read_about_the_project_and_where_to_ask(build, slugs, said):
    """Under the home's description: links to the project's page and the contacts page,
    each only when the content has it (no dead link), on page 1 only."""
    titles = {"progetto": "Il progetto", "contatti": "Contatti"}
    files = {f"notizie/a{n}.md": article(title=f"Notizia {n}", date=f"2024-05-{n + 1:02} 10:00")
             for n in range(12)}
    for slug in slugs:
        files[f"pages/{slug}.md"] = f"---\ntitle: {titles[slug]}\nslug: {slug}\n---\nTesto.\n"
    site = build(files)
    assert site.ok, site.log
    help_ = site.soup("/").select_one("header .intro-aiuto")
    if said is None:
        assert help_ is None
    else:
        assert help_.get_text(" ", strip=True).replace(" .", ".") == said
        assert [a["href"] for a in help_.select("a")] == [f"{SITEURL}/{slug}/" for slug in slugs]
    assert site.soup("/pagina/2/").select_one(".intro-aiuto") is None


@pytest.mark.parametrize("with_contacts", [True, False])
def test_the_404_page_offers_the_search_and_where_to_ask(build, with_contacts):
    """A reader lost on a missing page is offered the search and, when the content has
    a contacts page, where to ask for help; never a link to a page that is not there."""
    files = {"notizie/a.md": article(title="Una notizia")}
    if with_contacts:
        files["pages/contatti.md"] = "---\ntitle: Contatti\nslug: contatti\n---\nTesto.\n"
    site = build(files)
    assert site.ok, site.log
    links = {a.get_text(" ", strip=True): a["href"]
             for a in site.soup("/404.html").select("main a")}
    assert links.get("Cerca nel sito") == f"{SITEURL}/cerca/"
    assert (links.get("Contatti") == f"{SITEURL}/contatti/") is with_contacts, links
    if with_contacts:
        assert site.soup("/contatti/index.html").h1
    else:
        assert not any("contatti" in href for href in links.values()), links


@pytest.mark.parametrize(("spellings", "name"), [
    (["Città", "citta", "Città"], "Città"),  # the most used
    (["citta", "Città"], "Città"),  # as many: more capitals
    (["CITTÀ", "Città", "citta", "citta"], "citta"),
    (["Crema", "crema"], "Crema"),
    (["b", "a"], "a"),  # then alphabetical: the same every build
])
def test_a_term_is_named_by_its_most_used_spelling(spellings, name):
    assert canonical_name(spellings) == name
    assert canonical_name(spellings[::-1]) == name


def test_one_item_spelling_a_term_otherwise_renames_nothing(build):
    site = build({
        "notizie/a.md": article(title="Uno", date="2024-01-01 10:00", tags="[Città]",
                                author="Maria Rossi"),
        "notizie/b.md": article(title="Due", date="2024-02-01 10:00", tags="[Città]",
                                author="Maria Rossi"),
        # the newest, spelt otherwise: Pelican named the tag, author and category after it
        "notizie/c.md": article(title="Tre", date="2024-03-01 10:00", tags="[citta]",
                                author="maria rossi", category="notizie"),
        "pages/la-citta.md": "---\ntitle: La città\nslug: la-citta\nargomento: CITTA\n---\nT.\n",
    })
    assert site.ok, site.log
    assert site.soup("/argomenti/citta/").h1.get_text(" ", strip=True) == "Argomento: Città"
    assert "Articoli di Maria Rossi" in site.soup("/autori/maria-rossi/").get_text(" ")
    assert site.soup("/categorie/notizie/").h1.get_text(strip=True) == "Notizie"
    assert titles(site.soup("/categorie/notizie/")) == ["Tre", "Due", "Uno"]  # one category
    tre = site.soup("/2024/03/tre/")
    assert [a.get_text(strip=True) for a in tre.select("a[href$='/argomenti/citta/']")] \
        and all(a.get_text(strip=True).endswith("Città")
                for a in tre.select("a[href$='/argomenti/citta/']"))
    assert "citta" not in site.soup("/argomenti/").get_text(" ")
    assert "su Città" in site.soup("/la-citta/").get_text(" ")


# A hidden article and a translation whose tags, author and category no listed article
# has: Pelican writes no page (and no category feed) for those terms.
def test_an_article_page_links_nothing_twice_with_the_same_words(build):
    # The breadcrumb's category and the kicker above the title were two links in a row
    # with the same words and address ("Comunicati stampa", "Comunicati stampa"), read
    # twice in a screen reader's list of links, two tab stops for the keyboard. The crumb
    # (in "Percorso", as on every page) is the link; the kicker names the category as text.
    site = build({f"comunicati-stampa/c{n}.md": article(
        title=f"Comunicato {n}", date=f"2024-0{n}-05 10:00", tags="[Crema, Cremona]",
        attachments=[f"file: allegati/modulo-{n}.txt\n    title: Modulo {n}"])
        for n in range(1, 5)} | {f"allegati/modulo-{n}.txt": b"Modulo.\n" for n in range(1, 5)})
    assert site.ok, site.log
    page = site.soup("/2024/02/comunicato-2/")
    links = [(a["href"], " ".join(a.get_text(" ", strip=True).split()))
             for a in page.select("main a[href]")]
    assert [link for link in links if links.count(link) > 1] == [], links
    category = f"{SITEURL}/categorie/comunicati-stampa/"
    assert [text for href, text in links if href == category] == [
        "Comunicati stampa", "Tutti gli articoli della categoria Comunicati stampa"]
    assert page.select_one('nav[aria-label="Percorso"] a[href$="/comunicati-stampa/"]')
    kicker = page.select_one(".article-kicker")
    assert kicker.get_text(strip=True) == "Comunicati stampa" and not kicker.select("a")
    # still the search's category filter and metadata
    assert kicker.select_one('[data-pagefind-filter="categoria"][data-pagefind-meta="categoria"]')


UNLISTED_TERMS = {
    # the pages the header and footer link (NAV_LINKS, FOOTER_LINKS)
    **{f"pages/{slug}.md": f"---\ntitle: {slug}\nslug: {slug}\n---\nTesto.\n"
       for slug in ("progetto", "azioni", "contatti", "privacy", "note-legali", "accessibilita")},
    "notizie/pubblico.md": article(title="Pubblico", slug="pubblico", tags="[Crema]"),
    "riservata/bando.md": article(title="Bando nascosto", status="hidden", author="Anna Bianchi",
                                  tags="[Crema, Bando riservato]"),
    "notizie/public.md": article(title="Public", slug="pubblico", lang="en",
                                 tags="[Crema, English]"),
}


def test_a_term_is_written_when_a_listed_article_has_it_and_the_settings_write_it():
    settings = {**DEFAULT_CONFIG, "AUTHOR_SAVE_AS": "", "CATEGORY_FEED_ATOM": "c/{slug}.xml",
                "CATEGORY_FEED_RSS": None}

    def item(tag, category, author):
        return SimpleNamespace(tags=[Tag(tag, settings)], category=Category(category, settings),
                               authors=[Author(author, settings)])

    listed, hidden = item("Crema", "Notizie", "Redazione"), item("crema", "Riservata", "Anna")
    mark(SimpleNamespace(settings=settings, articles=[listed], hidden_articles=[hidden],
                         tags={listed.tags[0]: [listed]}, categories=[(listed.category, [listed])],
                         authors=[(listed.authors[0], [listed])]))
    assert listed.tags[0].written == hidden.tags[0].written == {PAGE}  # the same slug
    assert written(listed.category) and written(listed.category, ATOM)
    assert not written(listed.category, RSS)  # its setting is empty
    assert not written(listed.authors[0])  # AUTHOR_SAVE_AS is empty
    assert hidden.category.written == hidden.authors[0].written == frozenset()
    assert not written(Tag("Mai vista", settings))  # never marked: no link


def term_links(page, selector):
    """``{name: href or None}`` of the terms under ``selector``: linked or plain text."""
    return {element.get_text(strip=True): (element.a or {}).get("href")
            for element in page.select(selector)}


def test_terms_without_a_page_are_text_and_nothing_links_a_missing_file(build):
    site = build(UNLISTED_TERMS)
    assert site.ok, site.log
    for url in ("/argomenti/bando-riservato/", "/argomenti/english/", "/autori/anna-bianchi/",
                "/categorie/riservata/", "/feeds/categorie/riservata.atom.xml"):
        assert not site.exists(url), url  # what the links pointed at
    assert site.missing_links() == []

    hidden = site.soup("/2024/05/bando-nascosto/")
    assert term_links(hidden, ".tag-list li") == {
        "Crema": f"{SITEURL}/argomenti/crema/", "Bando riservato": None}
    assert term_links(hidden, ".article-kicker") == {"Riservata": None}
    assert term_links(hidden, 'nav[aria-label="Percorso"] li')["Riservata"] is None
    assert "Anna Bianchi" in hidden.select_one(".article-meta").get_text()
    assert not hidden.select('.article-meta a[rel="author"]')
    assert not hidden.select('link[href*="riservata"]')  # no feed of the category
    data = [json.loads(script.string)
            for script in hidden.select('script[type="application/ld+json"]')]
    assert data[0]["author"] == [{"@type": "Person", "name": "Anna Bianchi"}]
    assert [crumb["name"] for crumb in data[1]["itemListElement"]] == ["Home", "Bando nascosto"]

    english = site.soup("/en/2024/05/pubblico/")
    assert term_links(english, ".tag-list li") == {
        "Crema": f"{SITEURL}/argomenti/crema/", "English": None}
    assert term_links(english, ".article-kicker") == {"Notizie": None}  # text: see above
    assert term_links(english, 'nav[aria-label="Percorso"] li')["Notizie"] == \
        f"{SITEURL}/categorie/notizie/"
    assert english.select_one('.article-meta a[rel="author"]').get_text() == "Redazione"
    assert english.select('link[href$="/feeds/categorie/notizie.atom.xml"]')


def test_a_configured_category_keeps_its_name_however_items_spell_it(build):
    names = 'CONTRACT_CATEGORY_NAMES = {"notizie": "Notizie", "avvisi": "Avvisi e bandi"}\n'
    site = build({
        "avvisi/a.md": article(title="Uno", date="2024-01-01 10:00"),
        "notizie/b.md": article(title="Due", date="2024-02-01 10:00",
                                category="'avvisi e BANDI'"),
        "notizie/c.md": article(title="Tre", date="2024-03-01 10:00",
                                category="'avvisi e BANDI'"),
        "notizie/d.md": article(title="Quattro", date="2024-04-01 10:00",
                                category="'avvisi e BANDI'"),
    }, names)
    assert site.ok, site.log
    page = site.soup("/categorie/avvisi-e-bandi/")
    assert page.h1.get_text(strip=True) == "Avvisi e bandi"
    assert titles(page) == ["Quattro", "Tre", "Due", "Uno"]  # one category, one name
    assert "BANDI" not in site.soup("/categorie/").get_text(" ")


def test_a_later_page_says_which_it_is_under_its_heading(build_once):
    # Its heading is page 1's ("Notizie"): a reader arriving on page 2 from a search
    # engine learned it was page 2 only from the pagination, below ten items.
    site = build_once(many(23))
    assert site.ok, site.log
    for address in ("/pagina/2/", "/categorie/notizie/pagina/3/", "/autori/redazione/pagina/2/"):
        header = site.soup(address).select_one("main .page-header")
        number = address.rstrip("/").rsplit("/", 1)[1]
        assert f"Pagina {number} di 3" in header.get_text(" ", strip=True), address
        first = address.split("pagina/")[0]
        assert header.select_one("a")["href"] == f"{SITEURL}{first}", address
    assert "Pagina" not in site.soup("/categorie/notizie/").select_one(
        "main .page-header").get_text()


def test_every_page_but_the_home_and_the_404_has_the_breadcrumb(build):
    # The indexes of categories, tags and authors and the archive had none, while
    # Documenti, Segui le notizie, Cerca and every page below them had one.
    site = build({**many(3), "pages/p.md": "---\ntitle: Una pagina\n---\nTesto.\n"})
    assert site.ok, site.log
    for path in sorted(site.output.rglob("index.html")):
        address = "/" + str(path.parent.relative_to(site.output)) + "/"
        if address in {"/./", "/admin/"}:
            continue
        soup = site.soup(address)
        if soup.select_one('meta[http-equiv="refresh"]'):
            continue  # a year's or a month's address, leading on to its archive at once
        crumbs = [li.get_text(strip=True)
                  for li in soup.select('nav[aria-label="Percorso"] li')]
        assert crumbs[:1] == ["Home"] and len(crumbs) > 1, address
    assert [li.get_text(strip=True) for li in site.soup("/argomenti/").select(
        'nav[aria-label="Percorso"] li')] == ["Home", "Argomenti"]
    assert not site.soup("/").select('nav[aria-label="Percorso"]')


def test_an_english_items_title_and_lead_say_so_in_every_list(build):
    """An article written in English alone is listed among Italian ones: its card on the home
    and category pages, its line in the year archive and its name on its neighbour's pager were
    read aloud with Italian rules (WCAG 3.1.2). Its title and lead now carry lang="en";
    the Italian labels around them (badge, category, date) do not, nor do Italian items."""
    site = build({
        "notizie/english.md": article(title="Volunteers wanted", slug="volunteers", lang="en",
                                      date="2024-05-05 17:07",
                                      body="Join the neighbourhood party."),
        "notizie/italiana.md": article(title="Cercasi volontari", slug="volontari",
                                       date="2024-05-04 10:00", body="Vieni alla festa."),
    })
    assert site.ok, site.log
    for url in ("/", "/categorie/notizie/"):
        cards = {card.select_one(".card-title").get_text(strip=True): card
                 for card in site.soup(url).select("main .card")}
        english, italian = cards["Volunteers wanted"], cards["Cercasi volontari"]
        assert english.select_one(".card-title span[lang=en]").get_text() == "Volunteers wanted"
        assert english.select_one(".card-lead")["lang"] == "en", url
        assert english.select_one(".card-meta").get("lang") is None
        assert not italian.select("[lang]"), url
    archive = {a.get_text(strip=True): a
               for a in site.soup("/archivio/2024/").select(".archive-title")}
    assert archive["Volunteers wanted"].select_one("span[lang=en]")
    assert not archive["Cercasi volontari"].select("[lang]")
    pager = site.soup("/2024/05/volontari/").select_one(".category-pager-newer")
    assert pager.select_one(".category-pager-title span[lang=en]").get_text() == \
        "Volunteers wanted"


def test_a_lead_with_footnotes_is_listed_and_described_without_their_references(build):
    """A footnote in an article's first paragraph (its lead) was listed with its reference:
    on the home page each such card had ``<sup id="fnref:1">`` (the same id twice: the W3C
    checker's "Duplicate ID", and a page's anchors ambiguous) linking to a ``#fn:1`` the
    listing does not have; the meta description read "nota1". The article's own page keeps
    the references, with their notes."""
    body = """\
        Primo paragrafo con una nota[^1] e un'altra[^x].

        Secondo paragrafo[^1].

        [^1]: Nota uno.
        [^x]: Nota due."""
    site = build({f"notizie/a{n}.md": article(title=f"Articolo {n}", tags="[Crema]",
                                              date=f"2024-05-0{n} 10:00", body=body)
                  for n in (1, 2)} | {
        "notizie/c.md": article(title="Con sommario", date="2024-05-03 10:00",
                                summary="'Un sommario con nota[^s].\n\n  [^s]: La nota.'"),
        "pages/p.md": article(title="Pagina", summary="'Una pagina[^1].\n\n  [^1]: Nota.'"),
    })
    assert site.ok, site.log
    for url in ("/", "/categorie/notizie/", "/argomenti/crema/", "/autori/redazione/"):
        soup = site.soup(url)
        ids = [element["id"] for element in soup.find_all(id=True)]
        assert len(ids) == len(set(ids)), url
        assert not soup.select("main .card-lead sup, main .card-lead .footnote"), url
        leads = {card.select_one(".card-title").get_text(strip=True):
                 card.select_one(".card-lead").get_text(strip=True)
                 for card in soup.select("main .card")}
        assert leads["Articolo 1"] == leads["Articolo 2"] == \
            "Primo paragrafo con una nota e un’altra.", url
    page = site.soup("/2024/05/articolo-1/")
    assert page.find("meta", attrs={"name": "description"})["content"] == \
        "Primo paragrafo con una nota e un’altra."
    assert [a["href"] for a in page.select(".lead a.footnote-ref")] == ["#fn:1", "#fn:x"]
    assert page.find(id="fn:1") and page.find(id="fn:x")  # the notes are on this page
    assert "[" not in site.soup("/2024/05/con-sommario/").find(
        "meta", attrs={"name": "description"})["content"]
    assert site.soup("/pagina/").find("meta", attrs={"name": "description"})["content"] == \
        "Una pagina."
