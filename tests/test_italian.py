"""Italian dates (Babel, not the OS locale), numbers, typography and English terms."""

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import markdown
import pytest

from plugins.italian import fix_apostrophes, numero
from plugins.italian.dates import filters
from support import article

ROME = ZoneInfo("Europe/Rome")
DATES = filters("Europe/Rome")
data_lunga, data_breve, data_iso = DATES["data_lunga"], DATES["data_breve"], DATES["data_iso"]


def test_dates_are_italian_in_the_sites_time_zone():
    when = datetime(2024, 5, 5, 17, 7, tzinfo=ROME)
    assert data_lunga(when) == "domenica 5 maggio 2024, ore 17:07"
    assert data_breve(when) == "5 maggio 2024"
    assert data_iso(when) == "2024-05-05T17:07:00+02:00"
    winter = datetime(2025, 1, 20, 8, 5, tzinfo=timezone.utc)
    assert data_lunga(winter) == "lunedì 20 gennaio 2025, ore 09:05"
    assert data_iso(winter) == "2025-01-20T09:05:00+01:00"


def test_dates_follow_the_time_zone_setting():
    elsewhere = filters("America/New_York")
    when = datetime(2024, 5, 5, 17, 7, tzinfo=ROME)
    assert elsewhere["data_lunga"](when) == "domenica 5 maggio 2024, ore 11:07"
    assert elsewhere["data_iso"](when) == "2024-05-05T11:07:00-04:00"


@pytest.mark.parametrize(("value", "text"), [(1, "1"), (1459, "1459"), (14590, "14.590"),
                                             (1234567, "1.234.567")])
def test_numbers_group_like_intl_it(value, text):
    assert numero(value) == text


@pytest.mark.parametrize(("source", "expected"), [
    ("l'attività", "l’attività"),
    ("negli anni '80", "negli anni ’80"),
    ("sull'8 marzo", "sull’8 marzo"),
    ("un po' di tempo", "un po’ di tempo"),
])
def test_apostrophes(source, expected):
    assert fix_apostrophes(source) == expected


def test_markdown_extension_skips_code_and_marks_english_terms():
    html = markdown.markdown(
        "Il Civic Center e l'attività, `l'esempio` in codice.",
        extensions=["plugins.italian.typography"],
        extension_configs={"plugins.italian.typography": {"terms": ["Civic Center"]}},
    )
    assert '<span lang="en">Civic Center</span>' in html
    assert "l’attività" in html
    assert "<code>l'esempio</code>" in html


def test_built_pages_have_italian_typography_and_dates(build):
    site = build({"notizie/a.md": article(
        title="L'attività degli anni '80",
        body="Dall'8 marzo riparte l'attività del Civic Center, come negli anni '80.",
    )})
    assert site.ok, site.log
    page = site.soup("/2024/05/l-attivita-degli-anni-80/")
    assert page.html["lang"] == "it"
    assert page.h1.get_text() == "L’attività degli anni ’80"
    text = page.select_one("main").get_text()
    assert "Dall’8 marzo riparte l’attività" in text and "anni ’80" in text
    assert "‘" not in text
    assert page.select_one('main span[lang="en"]').get_text() == "Civic Center"
    assert page.select_one("main time").get_text(" ", strip=True) == \
        "domenica 5 maggio 2024, ore 17:07"


def test_reading_time_is_words_over_200_rounded_up(build):
    site = build({"notizie/a.md": article(title="Lungo", summary="Lead.",
                                          body=" ".join(["parola"] * 401))})
    assert site.ok, site.log
    assert "Tempo di lettura: 3 min" in site.soup("/2024/05/lungo/").get_text(" ", strip=True)
