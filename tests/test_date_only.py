"""A date written without a time (``date: 2025-03-14``) is shown as the day alone.

The contract makes a bare date midnight in Rome (when it is published, how it is
ordered), but readers were shown "ore 00:00", a time nobody wrote, on the article and
its "Ultimo aggiornamento". A time written, even 00:00, is shown as before; machines
(``<time datetime>``, JSON-LD, feeds) keep the full instant.
"""

import json
import re

from support import ROOT, article

ISO_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}")

FILES = {
    # YAML, the day alone (an update too)
    "notizie/solo-data.md": article(title="Solo la data", date="2025-03-14",
                                    modified="2025-03-20"),
    # YAML, midnight written: it stays
    "notizie/mezzanotte.md": article(title="Mezzanotte scritta", date="2025-03-13 00:00"),
    # Pelican's native header, the day alone
    "notizie/nativa.md": "Title: Intestazione nativa\nDate: 2025-03-12\n\nTesto.\n",
    # YAML, the day alone in quotes
    "notizie/tra-virgolette.md": article(title="Tra virgolette", date='"2025-03-11"'),
    "notizie/con-ora.md": article(title="Con ora", date="2025-03-10 17:07"),
}
DAYS = {  # slug: (the meta line's date, its datetime)
    "solo-la-data": ("venerdì 14\u00a0marzo 2025", "2025-03-14T00:00:00+01:00"),
    "mezzanotte-scritta": ("giovedì 13\u00a0marzo 2025, ore\u00a000:00", "2025-03-13T00:00:00+01:00"),
    "intestazione-nativa": ("mercoledì 12\u00a0marzo 2025", "2025-03-12T00:00:00+01:00"),
    "tra-virgolette": ("martedì 11\u00a0marzo 2025", "2025-03-11T00:00:00+01:00"),
    "con-ora": ("lunedì 10\u00a0marzo 2025, ore\u00a017:07", "2025-03-10T17:07:00+01:00"),
}
# the files read by the processes that read ahead (plugins/contract/ahead.py): each date
# reaches the build pickled (the warm rebuild below: from the contract's cache)
READ_AHEAD = "CONTRACT_READ_AHEAD_FROM = 1\n"
CARDS = [  # the listings' short dates, newest first
    ("14 marzo 2025", "2025-03-14T00:00:00+01:00"),
    ("13 marzo 2025", "2025-03-13T00:00:00+01:00"),
    ("12 marzo 2025", "2025-03-12T00:00:00+01:00"),
    ("11 marzo 2025", "2025-03-11T00:00:00+01:00"),
    ("10 marzo 2025", "2025-03-10T17:07:00+01:00"),
]


def meta_date(page):
    """``(text, datetime)`` of the article's date in its meta line."""
    time = page.select_one(".article-meta time")
    return time.get_text(" ", strip=True), time["datetime"]


def cards(page):
    """``(text, datetime)`` of each listed article's date: a card's, or an archive line's."""
    return [(time.get_text(" ", strip=True), time["datetime"])
            for time in page.select("main article time, main .archive-item time")]


def test_a_date_without_a_time_shows_the_day_alone(build_once):
    site = build_once(FILES, READ_AHEAD)
    assert site.ok, site.log
    for slug, expected in DAYS.items():
        page = site.soup(f"/2025/03/{slug}/")
        assert meta_date(page) == expected, slug
        news = next(data for data in (json.loads(script.string) for script in
                                      page.select('script[type="application/ld+json"]'))
                    if data["@type"] == "NewsArticle")
        assert news["datePublished"] == expected[1]  # machines keep the instant
    line = site.soup("/2025/03/solo-la-data/").select_one(".article-meta")
    assert "ore" not in line.get_text(" ", strip=True).split()
    update = line.find(string=re.compile("Ultimo aggiornamento")).parent
    assert update.time.get_text(strip=True) == "giovedì 20\u00a0marzo 2025"
    assert ISO_INSTANT.fullmatch(update.time["datetime"])


def test_listings_and_the_archive_show_the_same_short_dates(build_once):
    site = build_once(FILES, READ_AHEAD)
    assert site.ok, site.log
    for url in ("/", "/categorie/notizie/", "/archivio/", "/archivio/2025/"):
        assert cards(site.soup(url)) == CARDS, url
    for url in ("/", "/archivio/", "/archivio/2025/"):
        assert "ore 00:00" not in site.text(url)
    # the feeds keep a full timestamp (RSS and Atom need one)
    atom = site.text("/feeds/tutto.atom.xml")
    assert "<published>2025-03-14T00:00:00+01:00</published>" in atom


def test_a_warm_rebuild_follows_a_time_added_or_taken_away(build):
    # the render cache digested both dates as the same moment: a page built for the day
    # alone was kept when 00:00 was written, and the other way round
    for date, shown in (("2025-03-14", "venerdì 14\u00a0marzo 2025"),
                        ("2025-03-14 00:00", "venerdì 14\u00a0marzo 2025, ore\u00a000:00"),
                        ("2025-03-14", "venerdì 14\u00a0marzo 2025")):
        site = build({"notizie/a.md": article(title="Solo la data", date=date),
                       "notizie/b.md": article(title="Altra", date="2025-03-01 09:00")})
        assert site.ok, site.log
        assert meta_date(site.soup("/2025/03/solo-la-data/"))[0] == shown, date
        assert cards(site.soup("/"))[0] == ("14 marzo 2025", "2025-03-14T00:00:00+01:00")



def test_the_guide_quotes_the_preview_note_of_a_day_only_item_as_the_page_words_it(build):
    """«Programmare un articolo» quotes the preview's note of an item dated to the day
    alone; it still quoted «sarà pubblicato domenica 5 maggio 2024» after the note had
    become «Anteprima: esce …», and an editor looked for words the page does not have."""
    guide = (ROOT / "docs" / "guida-redazione.md").read_text(encoding="utf-8")
    section = " ".join(guide.split("### Programmare un articolo", 1)[1]
                       .split("\n## ", 1)[0].split())
    [quote] = re.findall(r"nell'anteprima, «([^»]+)»", section)
    site = build({"notizie/futuro.md": article(title="Futuro", date="2099-05-05")},
                 config="previewconf")
    assert site.ok, site.log
    note = " ".join(site.soup("/2099/05/futuro/").select_one(".bozza-note").get_text()
                    .replace("\u00a0", " ").split())
    day = re.compile(r"\w+ 5 maggio \d{4}")
    assert day.search(quote) and day.sub("…", quote) == day.sub("…", note), (quote, note)


def test_the_preview_says_the_day_a_scheduled_item_waits_for(build):
    site = build({"notizie/futuro.md": article(title="Futuro", date="2099-01-01"),
                  "notizie/futuro-ora.md": article(title="Futuro con ora",
                                                   date="2099-01-02 00:00")},
                 config="previewconf")
    assert site.ok, site.log
    note = site.soup("/2099/01/futuro/").select_one(".bozza-note")
    assert note.get_text(" ", strip=True) == ("Anteprima: esce"
                                              " giovedì 1\u00a0gennaio 2099 .")
    assert meta_date(site.soup("/2099/01/futuro/"))[0] == "giovedì 1\u00a0gennaio 2099"
    note = site.soup("/2099/01/futuro-con-ora/").select_one(".bozza-note")
    assert "venerdì 2\u00a0gennaio 2099, ore\u00a000:00" in note.get_text(" ", strip=True)
    badges = [badge.get_text(strip=True) for badge in site.soup("/").select(".badge-programmato")]
    assert badges == ["PROGRAMMATO 2 gennaio 2099", "PROGRAMMATO 1 gennaio 2099"]
