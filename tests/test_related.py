"""Related reading (plugins/related): same-category articles, previous/next in the
category, and a page's latest items of its `argomento`. Pure functions first, then
one real build read by every test."""

from dataclasses import dataclass, field
from datetime import datetime

import pytest
from support import SITEURL, article

from plugins.related import model
from plugins.related.settings import DEFAULTS, check


@dataclass(eq=False)
class Item:
    slug: str
    date: datetime
    category: str = "notizie"
    tags: list = field(default_factory=list)


def items(count, category="notizie"):
    return [Item(f"{category}-{n}", datetime(2024, n, 1), category) for n in range(1, count + 1)]


def test_same_category_is_newest_first_without_the_item_itself():
    notizie, avvisi = items(7), items(2, "avvisi")
    groups = model.by_category(notizie + avvisi)
    assert [i.slug for i in model.same_category(notizie[3], groups, 5)] == [
        "notizie-7", "notizie-6", "notizie-5", "notizie-3", "notizie-2"]
    assert model.same_category(avvisi[0], groups, 5) == [avvisi[1]]
    assert model.same_category(notizie[0], groups, 0) == []


def test_same_category_chooses_the_articles_sharing_most_tags_shown_newest_first():
    """An old article on Casalmaggiore offers the category's other news of Casalmaggiore
    (two tags shared first, then one) before the newest news of elsewhere, shown newest
    first; the newest fill the places left."""
    notizie = items(9)
    for n, tags in {0: ["Casalmaggiore", "Laboratori"], 1: ["Casalmaggiore"],
                    3: ["Casalmaggiore", "Laboratori"], 7: ["Crema"], 8: ["Laboratori"]}.items():
        notizie[n].tags = tags
    groups = model.by_category(notizie)
    assert [i.slug for i in model.same_category(notizie[0], groups, 3)] == [
        "notizie-9", "notizie-4", "notizie-2"]
    assert [i.slug for i in model.same_category(notizie[0], groups, 5)] == [
        "notizie-9", "notizie-8", "notizie-7", "notizie-4", "notizie-2"]
    # without tags: the newest, as before
    assert [i.slug for i in model.same_category(notizie[2], groups, 2)] == [
        "notizie-9", "notizie-8"]


def test_same_category_leaves_out_the_linked_articles_and_fills_up_with_the_next():
    """The newer and older articles, linked just above the list ("Più recente" / "Meno
    recente"), were its first two entries again: the next ones take their places."""
    notizie = items(9)
    groups = model.by_category(notizie)
    newer, older = notizie[5], notizie[3]
    assert [i.slug for i in model.same_category(notizie[4], groups, 5, (newer, older))] == [
        "notizie-9", "notizie-8", "notizie-7", "notizie-3", "notizie-2"]
    # the newest has no newer one: None is nothing to leave out
    assert [i.slug for i in model.same_category(notizie[8], groups, 3, (None, notizie[7]))] \
        == ["notizie-7", "notizie-6", "notizie-5"]
    # chosen by tags, then the newest: still never a linked one
    for n in (3, 4, 5):
        notizie[n].tags = ["Casalmaggiore"]
    assert [i.slug for i in model.same_category(notizie[4], groups, 2, (newer, older))] == [
        "notizie-9", "notizie-8"]
    assert [i.slug for i in model.same_category(notizie[4], groups, 5, (newer,))] == [
        "notizie-9", "notizie-8", "notizie-7", "notizie-4", "notizie-3"]


def test_a_translation_is_not_offered_its_own_original():
    notizie = items(3)
    translation = Item(notizie[1].slug, notizie[1].date)  # the same slug: another language
    groups = model.by_category(notizie)
    assert model.same_category(translation, groups, 5) == [notizie[2], notizie[0]]


def test_neighbours_are_the_newer_and_older_items_of_the_category():
    notizie = items(3)
    groups = model.by_category(notizie + items(2, "avvisi"))
    middle = model.neighbours(notizie[1], groups)
    assert middle.newer is notizie[2] and middle.older is notizie[0]
    assert model.neighbours(notizie[0], groups) == model.Neighbours(newer=notizie[1])
    assert model.neighbours(notizie[2], groups) == model.Neighbours(older=notizie[1])
    assert not model.neighbours(Item("nascosto", datetime(2024, 2, 15)), groups)  # not listed
    alone = items(1, "solo")
    assert not model.neighbours(alone[0], model.by_category(alone))


def test_the_same_date_is_ordered_by_slug_every_time():
    twins = [Item("b", datetime(2024, 1, 1)), Item("a", datetime(2024, 1, 1))]
    assert [i.slug for i in model.newest_first(twins)] == ["a", "b"]  # as the listings
    assert [i.slug for i in model.newest_first(twins[::-1])] == ["a", "b"]


def test_topic_items_are_the_newest_tagged_ones():
    tagged = [Item(f"t{n}", datetime(2024, n, 1), tags=["Crema"]) for n in range(1, 4)]
    other = Item("x", datetime(2024, 12, 1), tags=["Cremona"])
    assert model.find_tag("Crema", ["Cremona", "Crema"]) == "Crema"
    assert model.find_tag("Casalmaggiore", ["Cremona", "Crema"]) is None
    assert [i.slug for i in model.tagged("Crema", [*tagged, other], 2)] == ["t3", "t2"]


@pytest.mark.parametrize("value", [-1, 51, "5", True, 2.5])
def test_bad_limits_are_reported(value):
    settings = {**DEFAULTS, "RELATED_TOPIC_ITEMS": value}
    assert [name for name, _ in check(settings)] == ["RELATED_TOPIC_ITEMS"]
    assert check(dict(DEFAULTS)) == []


# --- One real build -----------------------------------------------------------------

NEWS = {f"notizie/n{n}.md": article(title=f"Notizia {n}", date=f"2024-0{n}-01 10:00",
                                    tags="[Crema]" if n % 2 else "[Cremona]")
        for n in range(1, 8)}
SITE = {
    **NEWS,
    "notizie/nascosta.md": article(title="Notizia nascosta", date="2024-03-15 10:00",
                                   status="hidden", tags="[Crema]"),
    "notizie/bozza.md": article(title="Notizia in bozza", date="2024-03-20 10:00",
                                status="draft", tags="[Crema]"),
    "notizie/futura.md": article(title="Notizia futura", date="2999-01-01 10:00",
                                 tags="[Crema]"),
    "avvisi/solo.md": article(title="Avviso solitario", date="2024-08-01 10:00",
                              tags="[Crema]"),
    "pages/crema.md": "---\ntitle: Crema\nslug: crema\nargomento: CREMA\n---\nIl territorio.\n",
    "pages/vuota.md": "---\ntitle: Vuota\nslug: vuota\nargomento: Nessuno\n---\nTesto.\n",
    "pages/senza.md": "---\ntitle: Senza\nslug: senza\n---\nTesto.\n",
}
UNLISTED = ("Notizia nascosta", "Notizia in bozza", "Notizia futura")


@pytest.fixture
def site(build_once):
    built = build_once(SITE)
    assert built.ok, built.log
    return built


def news(n):
    return f"/2024/0{n}/notizia-{n}/"


def related(soup):
    """(date, title) of each "Articoli della stessa categoria" entry, or None."""
    heading = soup.find("h2", string="Articoli della stessa categoria")
    if heading is None:
        return None
    return [(li.time["datetime"][:10], li.select_one(".archive-title").get_text(strip=True))
            for li in heading.find_parent("section").select("li")]


def pager(soup):
    """{rel: (label, title, href)} of the newer/older links in the category."""
    links = soup.select("nav.category-pager a")
    return {a["rel"][0]: (a.select_one(".category-pager-label").get_text(" ", strip=True),
                          a.select_one(".category-pager-title").get_text(strip=True), a["href"])
            for a in links}


def test_an_article_lists_five_others_of_its_category_with_dates(site):
    # the newest has only an older one linked above the list (6): the five after it
    assert related(site.soup(news(7))) == [
        ("2024-05-01", "Notizia 5"), ("2024-04-01", "Notizia 4"), ("2024-03-01", "Notizia 3"),
        ("2024-02-01", "Notizia 2"), ("2024-01-01", "Notizia 1")]
    page = site.soup(news(4))  # 5 and 3 are linked above it: the four others left
    assert related(page) == [("2024-07-01", "Notizia 7"), ("2024-06-01", "Notizia 6"),
                             ("2024-02-01", "Notizia 2"), ("2024-01-01", "Notizia 1")]
    section = page.find("h2", string="Articoli della stessa categoria").find_parent("section")
    assert not section.select(".archive-category")  # all of one category: not repeated
    assert section.select_one(".related-more a")["href"] == f"{SITEURL}/categorie/notizie/"
    assert not section.find_parent("article")  # after the article, not part of it


def test_newer_and_older_in_the_category_with_rel(site):
    # rel follows the category's listing, newest first: the newer article is "prev"
    assert pager(site.soup(news(4))) == {
        "prev": ("‹ Più recente", "Notizia 5", f"{SITEURL}{news(5)}"),
        "next": ("Meno recente ›", "Notizia 3", f"{SITEURL}{news(3)}")}
    assert list(pager(site.soup(news(1)))) == ["prev"]  # the oldest: nothing older
    assert list(pager(site.soup(news(7)))) == ["next"]  # the newest: nothing newer
    nav = site.soup(news(4)).select_one("nav.category-pager")
    assert nav["aria-label"] == "Altri articoli della categoria Notizie"


def test_no_article_is_linked_twice_on_an_article_page(site):
    # "Articoli della stessa categoria" repeated the newer and older articles linked just
    # above it: a screen reader's list of links and the keyboard met each of them twice
    for n in range(1, 8):
        main = site.soup(news(n)).select_one("main")
        articles = [a["href"] for a in main.select("a[href]") if "/2024/" in a["href"]]
        assert articles and len(articles) == len(set(articles)), (n, articles)


def test_an_article_alone_in_its_category_has_neither(site):
    page = site.soup("/2024/08/avviso-solitario/")
    assert related(page) is None and not page.select("nav.category-pager")


def test_hidden_drafts_and_future_items_are_never_suggested(site):
    for n in range(1, 8):
        text = site.soup(news(n)).select_one("main").get_text(" ")
        assert not any(title in text for title in UNLISTED), n
    assert "Notizia nascosta" not in site.soup("/crema/").get_text(" ")
    hidden = site.soup("/2024/03/notizia-nascosta/")  # written, but no part of the series
    assert not hidden.select("nav.category-pager")
    # its tag Crema: the odd ones (Crema) first, then the newest (6), newest first
    assert [title for _, title in related(hidden)] == [f"Notizia {n}" for n in (7, 6, 5, 3, 1)]


def test_a_page_lists_the_latest_items_of_its_topic_and_links_the_tag_page(site):
    page = site.soup("/crema/")
    # (the text as read: "Crema" is a span of its own, translate="no")
    heading = page.find(lambda tag: tag.name == "h2"
                        and tag.get_text() == "Le ultime notizie su Crema")
    section = heading.find_parent("section")
    assert [a.get_text(strip=True) for a in section.select(".archive-title")] == [
        "Avviso solitario", "Notizia 7", "Notizia 5", "Notizia 3", "Notizia 1"]
    assert [a.get_text(" ", strip=True) for a in section.select(".archive-category")] == [
        "Categoria: Avvisi", *["Categoria: Notizie"] * 4]
    tag_page = site.soup("/argomenti/crema/").h1.get_text().strip()
    assert tag_page == "Argomento: Crema"  # the page says CREMA: named as the tag page names it
    more = section.select_one(".related-more a")
    assert more.get_text().strip() == "Tutte le notizie su Crema"
    assert more["href"] == f"{SITEURL}/argomenti/crema/" and site.exists("/argomenti/crema/")


def test_pages_without_a_topic_or_with_an_unused_one_list_nothing(site):
    for url in ("/vuota/", "/senza/"):
        page = site.soup(url)
        assert not page.select("section.related") and "argomenti" not in str(page.main), url


# Four items of one day, whose files are read in the opposite order of their slugs
TIED = {f"notizie/{name}.md": article(title=title, date="2024-05-05", slug=slug)
        for name, title, slug in (("a", "Zeta", "zeta"), ("b", "Mela", "mela"),
                                  ("c", "Bosco", "bosco"), ("d", "Alfa", "alfa"))}


def test_items_of_the_same_day_are_in_one_order_in_listings_feeds_and_previous_next(
        build_once):
    built = build_once({**TIED, "notizie/prima.md": article(title="Prima", date="2024-05-01",
                                                            slug="prima")})
    assert built.ok, built.log
    order = ["Alfa", "Bosco", "Mela", "Zeta", "Prima"]  # the newest first; one day: A to Z
    for listing, selector in (("/", "h2 a"), ("/categorie/notizie/", "h2 a"),
                              ("/archivio/2024/", ".archive-title")):
        titles = [a.get_text(strip=True) for a in built.soup(listing).select(selector)]
        assert titles == order, listing
    feed = (built.output / "feeds" / "tutto.atom.xml").read_text(encoding="utf-8")
    assert [feed.index(f"<title>{t}</title>") for t in order] == sorted(
        feed.index(f"<title>{t}</title>") for t in order)
    # each page's "Più recente" is the one above it in the listing, "Meno recente" the one
    # below
    for above, item, below in zip([None, *order], order, [*order[1:], None]):
        links = pager(built.soup(f"/2024/05/{item.lower()}/"))
        assert links.get("prev", (None, None))[1] == above, item
        assert links.get("next", (None, None))[1] == below, item


def arrows(soup, nav):
    """{arrow: (words, href)} of the links in ``nav`` (a selector) marked with ‹ or ›;
    the arrow must be decoration (aria-hidden), the words say where the link goes."""
    found = {}
    for link in soup.select(f"{nav} a"):
        marks = [span for span in link.select("span[aria-hidden=true]")
                 if span.get_text(strip=True) in ("‹", "›")]
        if marks:
            words = link.get_text(" ", strip=True)
            if nav == "nav.category-pager":
                words = link.select_one(".category-pager-label").get_text(" ", strip=True)
            found[marks[0].get_text(strip=True)] = (words.strip("‹› "), link["href"])
    return found


def test_an_arrow_means_the_same_on_the_listings_and_on_an_article(build_once):
    # The pagination's "‹ Più recenti" led to newer items, an article's "‹ Precedente" to
    # an older one: the same arrow, opposite directions. Now ‹ is newer and › older on
    # every page, and the words say so.
    built = build_once(SITE, settings="DEFAULT_PAGINATION = 3\n")
    assert built.ok, built.log
    listing = arrows(built.soup("/categorie/notizie/pagina/2/"), "nav.pagination")
    assert listing == {"‹": ("Più recenti", f"{SITEURL}/categorie/notizie/"),
                       "›": ("Meno recenti", f"{SITEURL}/categorie/notizie/pagina/3/")}
    assert arrows(built.soup(news(4)), "nav.category-pager") == {
        "‹": ("Più recente", f"{SITEURL}{news(5)}"),  # newer, as the listing's ‹
        "›": ("Meno recente", f"{SITEURL}{news(3)}")}
    # in the page's order too: newer first (left), older last (right)
    links = built.soup(news(4)).select("nav.category-pager a")
    assert [a["href"] for a in links] == [f"{SITEURL}{news(5)}", f"{SITEURL}{news(3)}"]


# --- Titles that come back ----------------------------------------------------------------

@dataclass(eq=False)
class Titled:
    title: str


def test_a_title_is_shared_whatever_its_case_spaces_and_markup():
    listed = [Titled("Chiusura estiva"), Titled('<span lang="en">Open day</span>'),
              Titled("Festa"), Titled("Chiusura  Estiva"), Titled("Open Day")]
    counts = model.shared_titles(listed)
    assert [model.shares_title(item, counts, listed=True) for item in listed] == [
        True, True, False, True, True]
    # an article not listed (hidden): shared with one listed article is enough
    assert model.shares_title(Titled("Festa"), counts, listed=False)
    assert not model.shares_title(Titled("Altro"), counts, listed=False)


def test_a_title_other_articles_have_says_its_date_in_the_page_title(build_once):
    # "Chiusura estiva" every summer: the same <title> on every year's page, in tabs,
    # history, bookmarks and search results (1500 articles over six years: seven pages
    # titled "Chiusura estiva – FareLegami")
    site = build_once({
        **{f"avvisi/chiusura-{year}.md": article(
            title="Chiusura estiva" if year != 2024 else "Chiusura Estiva",
            date=f"{year}-07-25 09:00", slug=f"chiusura-estiva-{year}")
           for year in (2023, 2024)},
        "avvisi/unica.md": article(title="Festa di quartiere", date="2024-05-05 10:00"),
        "avvisi/riunione-1.md": article(title="Riunione", date="2024-03-05 10:00",
                                        slug="riunione-marzo"),
        "avvisi/riunione-2.md": article(title="Riunione", date="2024-04-05 10:00",
                                        slug="riunione-aprile", status="hidden"),
    })
    assert site.ok, site.log

    def titles(url):
        page = site.soup(url)
        return (page.title.get_text(), page.select_one('meta[property="og:title"]')["content"],
                page.h1.get_text(strip=True))

    assert titles("/2023/07/chiusura-estiva-2023/") == (
        "Chiusura estiva – 25 luglio 2023 – FareLegami", "Chiusura estiva – 25 luglio 2023",
        "Chiusura estiva")
    assert titles("/2024/07/chiusura-estiva-2024/")[0] == (
        "Chiusura Estiva – 25 luglio 2024 – FareLegami")
    assert titles("/2024/05/festa-di-quartiere/")[0] == "Festa di quartiere – FareLegami"
    # a hidden article that has a listed one's title says its date; the listed one, whose
    # title no other listed article has, does not
    assert titles("/2024/04/riunione-aprile/")[0] == "Riunione – 5 aprile 2024 – FareLegami"
    assert titles("/2024/03/riunione-marzo/")[0] == "Riunione – FareLegami"
