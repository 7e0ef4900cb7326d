"""Unit tests for plugins/contract/schema.py: each front-matter rule of the contract,
without a build. Problems and warnings are (key, message) pairs."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from plugins.contract.schema import (
    CONTRACT_KEYS, date_hint, distant_date, future_modified, normalise, parse_date, split_list,
)
from plugins.italian.dates import Day, data_lunga
from plugins.italian.slugs import slug_substitutions

ROME = ZoneInfo("Europe/Rome")


@pytest.fixture
def settings(tmp_path):
    (tmp_path / "immagini").mkdir()
    (tmp_path / "immagini" / "foto.jpg").write_bytes(b"\xff\xd8\xff")
    return {"TIMEZONE": "Europe/Rome", "PATH": str(tmp_path), "CONTRACT_EXTRA_KEYS": [],
            "CONTRACT_KEY_CHECKS": {},
            "STATIC_PATHS": ["immagini"], "SLUG_REGEX_SUBSTITUTIONS": slug_substitutions()}


def messages(pairs):
    return [message for _, message in pairs]


def check(settings, is_page=False, **raw):
    return normalise({"title": "Titolo", "date": "2024-05-05 17:07", **raw},
                     is_page=is_page, settings=settings)


def test_a_complete_item_passes_with_values_normalised(settings):
    meta, problems, warnings = check(
        settings, tags="Crema, Welfare", author="Redazione", status="Draft",
        image="immagini/foto.jpg", image_alt="Un tavolo", modified="2024-06-01")
    assert problems == [] and warnings == []
    assert meta["date"] == datetime(2024, 5, 5, 17, 7, tzinfo=ROME)
    assert meta["modified"] == datetime(2024, 6, 1, 0, 0, tzinfo=ROME)
    assert meta["tags"] == ["Crema", "Welfare"]
    assert meta["status"] == "draft"


@pytest.mark.parametrize(("raw", "fragment"), [
    # a key left empty: it was «manca il titolo (`title`)» alone, at the line of `title:`
    ({"title": None}, "manca il titolo (`title`): la riga `title:` è vuota, scrivi il titolo"
                      " dopo i due punti e uno spazio, per esempio title: Festa di quartiere /"),
    ({"title": ""}, "la riga `title:` è vuota"),
    ({"date": None}, "manca la data (`date`): la riga `date:` è vuota, scrivi la data dopo i"
                     " due punti e uno spazio, per esempio date: 2026-03-12 10:00 /"),
    ({"date": "5 maggio 2024"}, "`date` non è una data valida (5 maggio 2024)"),
    ({"date": "2024-13-45 10:00"}, "`date`"),
    ({"modified": "ieri"}, "`modified`"),
    # as written, not in Python's form (it was «({'a': None, 'b': ['1', None]})»)
    ({"modified": {"a": None, "b": ["1", None]}}, "`modified` non è una data valida ({a, b:"
                                                  " [1, ]}): "),
    ({"status": "bozza"}, "`status` sconosciuto (bozza)"),
    ({"image": "immagini/manca.jpg", "image_alt": "x"}, "non esiste: immagini/manca.jpg"),
    ({"image": "immagini/foto.jpg"}, "`image_alt`"),
    ({"image": "allegati/foto.jpg", "image_alt": "x"}, "deve stare in immagini/"),
    ({"image": "../foto.jpg", "image_alt": "x"}, "deve stare in immagini/"),
    ({"date": "0001-01-01"}, "`date`"),
    ({"date": "9999-12-31 10:00"}, "`date`"),
    ({"title": ["una", "lista"]}, "`title` deve essere un testo"),
    ({"slug": "Bilancio & risultati 2024"}, "usa per esempio `bilancio-risultati-2024`"),
    ({"slug": 'a"b<c>d'}, "`slug` non valido"),
    ({"slug": "x" * 81}, "`slug` non valido"),
    ({"title": "🎉🎉"}, "aggiungi `slug:`"),
    ({"tags": ["Crema", "!!!"]}, "da `!!!` in `tags`"),
    ({"author": "***"}, "da `***` in `author`"),
    ({"save_as": "index.html"}, "la chiave `save_as` non è ammessa"),
    ({"url": "robots.txt"}, "la chiave `url` non è ammessa"),
    ({"template": "page"}, "la chiave `template` non è ammessa"),
])
def test_each_contract_error_is_reported_with_its_key(settings, raw, fragment):
    _, problems, _ = check(settings, **raw)
    assert len(problems) == 1 and fragment in problems[0][1], problems
    assert problems[0][0] == next(iter(raw)), problems  # the line of that key


def test_several_errors_are_all_reported(settings):
    _, problems, _ = normalise({"status": "boh"}, is_page=False, settings=settings)
    assert len(problems) == 3  # title, date, status


def test_pages_need_no_date(settings):
    meta, problems, _ = normalise({"title": "Chi siamo"}, is_page=True, settings=settings)
    assert problems == [] and "date" not in meta


def test_unknown_keys_are_warnings_and_extra_keys_are_known(settings):
    meta, problems, warnings = check(settings, colore="blu")
    assert problems == [] and warnings == [
        ("colore", "chiave sconosciuta `colore`, ignorata: correggila se è scritta male,"
                   " altrimenti togli la riga / unknown key `colore`")]
    assert "colore" not in meta  # ignored, as the warning says
    meta, _, warnings = check({**settings, "CONTRACT_EXTRA_KEYS": ["colore"]}, colore="blu")
    assert warnings == [] and meta["colore"] == "blu"
    assert "attachments" in CONTRACT_KEYS and "image_alt" in CONTRACT_KEYS


@pytest.mark.parametrize("key", ["content", "url_format", "mandatory_properties", "order"])
def test_keys_that_are_pelicans_attributes_are_ignored_not_handed_on(settings, key):
    """Pelican copies every metadata key onto the item: ``content: x`` made a build fail."""
    meta, problems, warnings = check(settings, **{key: "valore"})
    assert key not in meta and problems == [] and [k for k, _ in warnings] == [key]


@pytest.mark.parametrize(("value", "kept"), [(True, "true"), ("False", "false"), (False, "false")])
def test_translation_is_true_or_false_as_pelican_reads_it(settings, value, kept):
    meta, problems, _ = check(settings, translation=value)
    assert problems == [] and meta["translation"] == kept


@pytest.mark.parametrize(("value", "written"), [
    (["true"], "[true]"), ("forse", "forse"), (1, "1"), ({"si": "no"}, "{si: no}"),
    (["true", None], "[true, ]"), ([True, {"a": [None, "b"]}], "[true, {a: [, b]}]")])
def test_translation_of_another_kind_is_an_error(settings, value, written):
    """The value as the editor wrote it, not as Python shows it (it was «non ['true']»,
    «{'si': 'no'}», «[true, None]»): null empty, true, a mapping ``{key: value}``."""
    meta, problems, _ = check(settings, translation=value)
    assert "translation" not in meta
    assert problems == [("translation", "`translation` vale `true` (sì) o `false` (no), non"
                                        f" «{written}»: scrivi `translation: true` o"
                                        " `translation: false`, o togli la riga"
                                        " / must be true or false")]


def test_a_text_read_as_a_pair_is_told_as_such_not_as_a_list(settings):
    """``summary:`` with a «name: value» on its next line (or braces) is read as a pair,
    which the message called «un elenco» with «senza parentesi quadre», which it has not."""
    meta, problems, _ = check(settings, summary={"Orari": "dalle 9 alle 12"})
    assert "summary" not in meta
    assert problems == [("summary", "`summary` deve essere un testo, non «{Orari: dalle 9 alle"
                                    " 12}»: dei due punti seguiti da uno spazio, o le"
                                    " parentesi graffe, ne fanno una coppia chiave: valore;"
                                    " metti il testo tra virgolette / `summary` must be text")]
    assert check(settings, summary=["Orari"])[1] == [
        ("summary", "`summary` deve essere un testo, non un elenco: scrivilo senza parentesi"
                    " quadre / `summary` must be text")]


@pytest.mark.parametrize("value", ["../..", "/tmp/altrove", "it it", "italiano", "EN"])
def test_a_lang_that_is_not_a_language_code_is_an_error(settings, value):
    """``lang`` is part of a translation's address: ``../..`` would write outside the site."""
    meta, problems, _ = check(settings, lang=value)
    assert "lang" not in meta
    assert problems == [("lang", f"`lang` deve essere un codice di lingua come it o en, non"
                                 f" «{value}»: scrivi per esempio lang: en, o togli la riga"
                                 " per un articolo in italiano / `lang` must be a language"
                                 " code")]
    assert check(settings, lang="pt-BR")[1] == []


def test_names_with_one_address_are_one_tag(settings):
    """Città, città and Citta share /argomenti/citta/: the article was listed twice there."""
    meta, problems, _ = check(settings, tags=["Città", "città", "Citta", "Sant'Agata",
                                              "Sant’Agata", "Crema"],
                              authors=["Anna D'Angelo", "anna d’angelo"])
    assert problems == []
    assert meta["tags"] == ["Città", "Sant’Agata", "Crema"]
    assert meta["authors"] == ["Anna D’Angelo"]


@pytest.mark.parametrize("value", [[None], [""], ",", [" ", None]])
def test_lists_of_nothing_are_left_out(settings, value):
    """An empty ``authors`` made Pelican fail on ``authors[0]`` with no reason given."""
    meta, problems, _ = check(settings, authors=value, tags=value)
    assert problems == [] and "authors" not in meta and "tags" not in meta


def test_keys_are_case_insensitive_and_empty_values_dropped(settings):
    meta, problems, _ = normalise({"Title": " Titolo ", "DATE": "2024-05-05", "summary": ""},
                                  is_page=False, settings=settings)
    assert problems == [] and meta["title"] == "Titolo" and "summary" not in meta


@pytest.mark.parametrize("tags", ["#Crema #Cremona", "#Crema  #Cremona", "#Crema, #Cremona",
                                  ["#Crema", "#Cremona"]])
def test_hashtags_are_published_as_the_tags_the_warning_names(settings, tags):
    """The warning says to write tags: [Crema, Cremona], and the site publishes those two.
    Hashtags as a post has them, a space between, were one tag, «Crema #Cremona», and the
    line the warning gave to write was [Crema #Cremona] (in YAML, a comment from #)."""
    meta, problems, warnings = check(settings, tags=tags)
    assert problems == [] and meta["tags"] == ["Crema", "Cremona"]
    assert messages(warnings) == ["gli argomenti si scrivono senza `#`: scrivi tags:"
                                  " [Crema, Cremona] / tags are written without #"]


# (the front-matter line, the key, the line it is at, the name the site would have
# published, the line to write); "tags: Crema, [Cremona]" published the topic «[Cremona]»
# without a word
BRACKETS_IN_NAMES = [
    ("tags: Crema, [Cremona]", "tags", 3, "[Cremona]", "tags: [Crema, Cremona]"),
    ("tags: Crema, [Cremona, Pandino]", "tags", 3, "[Cremona", "tags: [Crema, Cremona, Pandino]"),
    ('tags: "[Crema, Cremona]"', "tags", 3, "[Crema", "tags: [Crema, Cremona]"),
    # the name as typed, not in Python's form («['Cremona']», «{'Cremona': None}»)
    ("tags: [Crema, [Cremona]]", "tags", 3, "[Cremona]", "tags: [Crema, Cremona]"),
    ("tags:\n  - Crema\n  - [Cremona]", "tags", 5, "[Cremona]", "tags: [Crema, Cremona]"),
    ("tags: Crema, {Cremona}", "tags", 3, "{Cremona}", "tags: [Crema, Cremona]"),
    # it was «scrivila tra virgolette diritte, - "Cremona: "» (a name holding ": ")
    ("tags: [Crema, {Cremona}]", "tags", 3, "{Cremona}", "tags: [Crema, Cremona]"),
    ("tags: [Crema, {Cremona: città, Pandino}]", "tags", 3, "{Cremona: città, Pandino}",
     "tags: [Crema, Cremona, città, Pandino]"),
    # a mapping for the whole value (it was «{'Crema': 'città'}»)
    ("tags: {Crema: città}", "tags", 3, "{Crema: città}", "tags: [Crema, città]"),
    ("authors: Maria Rossi, [Luca Bianchi]", "authors", 3, "[Luca Bianchi]",
     "authors: [Maria Rossi, Luca Bianchi]"),
]


WHAT_IS_PUBLISHED = {"tags": "l'argomento", "authors": "l'autore"}


@pytest.mark.parametrize(("typed", "key", "line", "published", "written"), BRACKETS_IN_NAMES,
                         ids=["after-comma", "list-after-comma", "quoted-list", "nested-list",
                              "nested-item", "braces", "braces-in-list", "braces-pair-in-list",
                              "braces-pair", "authors"])
def test_brackets_inside_names_are_an_error_with_the_line_to_write(settings, typed, key, line,
                                                                     published, written):
    """Brackets inside the names of ``tags`` or ``authors`` are an error at their line,
    naming what would be published as the editor typed it («{Cremona}», not Python's
    «{'Cremona': None}») and the line to write, which gives the names meant."""
    from plugins.contract.source import split  # noqa: PLC0415

    def front(header):
        return f"---\ntitle: Titolo\n{header}\ndate: 2024-05-05 17:07\n---\n\nTesto.\n"

    source = split(front(typed))
    meta, problems, _ = normalise(source.raw, is_page=False, settings=settings)
    assert [(source.line_of(where), message) for where, message in problems] == [
        (line, f"`{key}` ha delle parentesi dentro le voci, e il sito pubblicherebbe"
               f" {WHAT_IS_PUBLISHED[key]} «{published}»: le parentesi quadre si scrivono una volta sola, attorno a"
               f" tutte le voci; scrivi {written} / brackets inside the names of `{key}`:"
               f" write {written}")]
    assert key not in meta
    source = split(front(written))
    meta, problems, _ = normalise(source.raw, is_page=False, settings=settings)
    assert problems == [] and meta[key] == [name.strip() for name in
                                            written.split("[", 1)[1].rstrip("]").split(",")]


def test_brackets_in_the_native_header_ask_for_names_separated_by_commas(settings):
    """Pelican's header holds text: ``Tags: [Crema, Cremona]`` published «[Crema» and
    «Cremona]»; the line to write is the header's own, ``Tags: Crema, Cremona``."""
    from plugins.contract.source import split  # noqa: PLC0415

    def native(line):
        return f"Title: Titolo\nDate: 2024-05-05 17:07\n{line}\n\nTesto.\n"

    source = split(native("Tags: [Crema, Cremona]"))
    _, problems, _ = normalise(source.raw, is_page=False, settings=settings, native=True)
    assert messages(problems) == [
        "`tags` ha delle parentesi dentro le voci, e il sito pubblicherebbe l'argomento"
        " «[Crema»: nella vecchia intestazione le voci si separano con le virgole, senza"
        " parentesi; scrivi Tags: Crema, Cremona / brackets inside the names of `tags`:"
        " write Tags: Crema, Cremona"]
    source = split(native("Tags: Crema, Cremona"))
    meta, problems, _ = normalise(source.raw, is_page=False, settings=settings, native=True)
    assert problems == [] and meta["tags"] == ["Crema", "Cremona"]


def test_hashtags_in_the_native_header_ask_for_the_headers_own_line(settings):
    """``Tags: #Crema #Cremona``: the warning gave the YAML line ``tags: [Crema, Cremona]``,
    which in Pelican's header published the topics «[Crema» and «Cremona]»."""
    from plugins.contract.source import split  # noqa: PLC0415

    def native(line):
        return f"Title: Titolo\nDate: 2024-05-05 17:07\n{line}\n\nTesto.\n"

    source = split(native("Tags: #Crema #Cremona"))
    meta, problems, warnings = normalise(source.raw, is_page=False, settings=settings,
                                         native=True)
    assert problems == [] and meta["tags"] == ["Crema", "Cremona"]
    assert messages(warnings) == ["gli argomenti si scrivono senza `#`: scrivi Tags: Crema,"
                                  " Cremona / tags are written without #"]
    source = split(native("Tags: Crema, Cremona"))
    assert normalise(source.raw, is_page=False, settings=settings, native=True)[1:] == ([], [])


def test_tags_and_authors_drop_case_repeats_keeping_the_first_spelling(settings):
    meta, _, _ = check(settings, tags=["Crema", "crema", "Welfare"], authors="Anna, anna, Luca")
    assert meta["tags"] == ["Crema", "Welfare"]
    assert meta["authors"] == ["Anna", "Luca"]


def test_author_and_authors_together_is_a_warning_and_authors_wins(settings):
    meta, problems, warnings = check(settings, author="Anna", authors=["Luca"])
    assert problems == [] and "author" not in meta and meta["authors"] == ["Luca"]
    assert len(warnings) == 1 and "`authors`" in warnings[0][1]


LONG_TITLE = {"title": "Parola " * 30}


def test_an_emoji_title_with_a_slug_is_fine_and_slugs_may_be_long_titles(settings):
    _, problems, _ = check(settings, title="🎉🎉", slug="festa")
    assert problems == []
    _, problems, warnings = check(settings, **LONG_TITLE)
    assert problems == [] and "titolo lungo" in warnings[0][1]


def test_title_apostrophes_become_typographic(settings):
    meta, _, _ = check(settings, title="L'attività degli anni '80")
    assert meta["title"] == "L’attività degli anni ’80"


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-05-05 17:07", datetime(2024, 5, 5, 17, 7, tzinfo=ROME)),
    ("2024-05-05 17:07:30", datetime(2024, 5, 5, 17, 7, 30, tzinfo=ROME)),
    ("2024-05-05", datetime(2024, 5, 5, tzinfo=ROME)),
    ("2024-05-05T15:07:00Z", datetime(2024, 5, 5, 17, 7, tzinfo=ROME)),
    ("2024-05-05T17:07:00+02:00", datetime(2024, 5, 5, 17, 7, tzinfo=ROME)),
    ("2024-01-20 09:05", datetime(2024, 1, 20, 9, 5, tzinfo=ROME)),  # winter: +01:00
])
def test_dates_are_rome_time_or_converted_to_it(value, expected):
    parsed = parse_date(value, "Europe/Rome")
    assert parsed == expected and parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(("value", "day"), [
    ("2024-05-05", True), (" 2024-05-05 ", True), (date(2024, 5, 5), True),
    ("2024-05-05 00:00", False), ("2024-05-05T00:00", False), ("2024-05-05 00:00:00", False),
    ("2024-05-05T00:00:00+02:00", False), (datetime(2024, 5, 5), False),
])
def test_a_day_without_a_time_is_marked_so_and_midnight_written_is_not(value, day):
    # a day alone is shown without "ore 00:00" (plugins.italian.dates.data_lunga)
    parsed = parse_date(value, "Europe/Rome")
    assert parsed == datetime(2024, 5, 5, tzinfo=ROME)
    assert isinstance(parsed, Day) is day
    assert data_lunga(parsed, ROME) == ("domenica 5 maggio 2024" if day
                                        else "domenica 5 maggio 2024, ore 00:00")


def test_dates_follow_the_time_zone_setting():
    assert parse_date("2024-05-05 17:07", "UTC").isoformat() == "2024-05-05T17:07:00+00:00"


@pytest.mark.parametrize("value", ["05/05/2024", "2024-5-5", "domani", "2024-02-30",
                                   "0001-01-01", "9999-12-31 23:59", "1899-12-31",
                                   # an offset without a time: it was read as 02:00, 01:00
                                   "2024-05-05+02:00", "2024-05-05-01:00", "2024-05-05Z"])
def test_impossible_or_unknown_dates_raise(value):
    with pytest.raises(ValueError):
        parse_date(value, "Europe/Rome")


@pytest.mark.parametrize(("value", "items"), [
    (None, []), ("", []), ("Crema, Welfare", ["Crema", "Welfare"]), ("a,,b, ", ["a", "b"]),
    (["Crema", None, " x "], ["Crema", "x"]), ([2024], ["2024"]),
])
def test_lists_from_yaml_or_comma_text(value, items):
    assert split_list(value) == items


# --- visite_precedenti: visits counted by the old portal -------------------------------

@pytest.mark.parametrize(("value", "number"), [
    (1459, 1459), ("1459", 1459), (" 1459 ", 1459), (0, 0), ("0", 0),
    (10**12, 10**12), (str(10**12), 10**12),
], ids=["yaml", "native-header", "spaces", "zero", "zero-text", "bound", "bound-text"])
def test_visits_before_the_move_are_a_whole_number(settings, value, number):
    meta, problems, warnings = check(settings, visite_precedenti=value)
    assert problems == [] and warnings == []
    assert meta["visite_precedenti"] == number and type(meta["visite_precedenti"]) is int


@pytest.mark.parametrize("value", [
    -1, "-1", "+1459", 1459.0, 1.459, "1.459", "1 459", "1,459", "1459 visite", "mille",
    True, False, [1459], {"n": 1459}, 10**12 + 1, "1" + "0" * 12 + "1", "\uff11\uff14",
], ids=["negative", "negative-text", "plus", "float", "yaml-thousands", "dots", "spaced",
        "commas", "words", "letters", "true", "false", "list", "mapping", "over-bound",
        "over-bound-text", "full-width"])
def test_anything_else_as_visits_is_an_error_naming_the_key(settings, value):
    meta, problems, _ = check(settings, visite_precedenti=value)
    assert "visite_precedenti" not in meta
    [(key, message)] = problems
    assert key == "visite_precedenti"
    assert message.startswith("`visite_precedenti` deve essere un numero intero da 0 a")
    assert " / `visite_precedenti` must be a whole number" in message
    assert "visite_precedenti" in CONTRACT_KEYS


@pytest.mark.parametrize(("value", "written"), [
    (["1459", None], "[1459, ]"), ({"n": "1459"}, "{n: 1459}"), (True, "true")])
def test_visits_of_another_kind_are_named_as_written(settings, value, written):
    """Not in Python's form (it was «non ['1459', None]», «non {'n': '1459'}»)."""
    [(_, message)] = check(settings, visite_precedenti=value)[1]
    assert f"(per esempio 1459), non {written} / " in message


# --- argomento: the tag a page lists the latest items of --------------------------------

def test_a_page_names_its_topic(settings):
    meta, problems, warnings = normalise({"title": "Crema", "argomento": " Crema "},
                                         is_page=True, settings=settings)
    assert problems == [] and warnings == [] and meta["argomento"] == "Crema"
    assert "argomento" in CONTRACT_KEYS


def test_a_topic_on_an_article_is_a_warning_and_ignored(settings):
    meta, problems, warnings = check(settings, argomento="Crema")
    assert problems == [] and "argomento" not in meta
    [(key, message)] = warnings
    assert key == "argomento" and "solo per le pagine" in message and " / " in message


@pytest.mark.parametrize(("value", "fragment"), [
    (["Crema", "Cremona"], "`argomento` deve essere un testo"),
    ("!!!", "da `!!!` in `argomento`"),
])
def test_a_topic_must_be_one_name_that_yields_a_slug(settings, value, fragment):
    _, problems, _ = normalise({"title": "Crema", "argomento": value}, is_page=True,
                               settings=settings)
    [(key, message)] = problems
    assert key == "argomento" and fragment in message


SKIPPED_HOUR = {"date": "2024-03-31 02:30"}  # the clocks go from 02:00 to 03:00


def test_a_time_the_clocks_skip_becomes_the_real_one_with_a_warning(settings):
    meta, problems, warnings = check(settings, **SKIPPED_HOUR)
    assert problems == [] and meta["date"] == datetime(2024, 3, 31, 3, 30, tzinfo=ROME)
    assert meta["date"].isoformat() == "2024-03-31T03:30:00+02:00"
    assert warnings == [("date", "`date`: le 02:30 del 31 marzo 2024 non esistono (le lancette"
                                 " passano avanti di un'ora): vale 03:30 / that time does not"
                                 " exist, 03:30 is used")]
    meta, _, warnings = check(settings, date="2024-10-27 02:30")  # twice that night: the first
    assert warnings == [] and meta["date"].isoformat() == "2024-10-27T02:30:00+02:00"
    meta, _, warnings = check(settings, date="2024-03-31T02:30:00+01:00")  # an offset: exact
    assert warnings == [] and meta["date"].isoformat() == "2024-03-31T03:30:00+02:00"


UPDATE_BEFORE_DATE = {"date": "2024-05-05 10:00", "modified": "2020-01-01"}


def test_an_update_before_the_publication_is_dropped_with_a_warning(settings):
    meta, problems, warnings = check(settings, **UPDATE_BEFORE_DATE)
    assert problems == [] and "modified" not in meta
    assert warnings == [("modified", "`modified` (ultimo aggiornamento) è prima di `date`:"
                                     " ignorato; correggilo o togli la riga / `modified` is"
                                     " before `date`, ignored")]
    meta, _, warnings = check(settings, date="2024-05-05 10:00", modified="2024-05-05 10:00")
    assert warnings == [] and meta["modified"] == meta["date"]


UPDATE_SAME_DAY = {"date": "2024-05-05 10:00", "modified": "2024-05-05"}


def test_an_update_on_the_day_of_the_publication_without_a_time_asks_for_the_time(settings):
    """``modified: 2024-05-05`` on an item published that day at 10:00 is midnight, before
    the publication: not "before `date`" to the editor, who updated it that day."""
    meta, problems, warnings = check(settings, **UPDATE_SAME_DAY)
    assert problems == [] and "modified" not in meta
    assert warnings == [("modified", "`modified` (ultimo aggiornamento) è il giorno di `date`"
                                     " senza l'ora: ignorato; scrivi anche l'ora"
                                     " dell'aggiornamento, `2024-05-05 18:30` / `modified` is"
                                     " the day of `date` without a time, ignored: add the time")]
    meta, _, warnings = check(settings, date="2024-05-05", modified="2024-05-05")
    assert warnings == [] and meta["modified"] == meta["date"]


def test_an_update_in_the_future_is_dropped_with_a_warning(settings):
    meta, problems, warnings = check(settings, date="2024-05-05 10:00", modified="2052-05-06")
    assert problems == [] and warnings == []  # normalise: what does not depend on the day
    now = datetime(2025, 1, 1, tzinfo=ROME)
    assert future_modified(meta, now) == (
        "`modified` (ultimo aggiornamento) è nel futuro (2052-05-06): ignorato,"
        " controlla l'anno / `modified` is in the future, ignored")
    assert "modified" not in meta
    meta, _, _ = check(settings, date="2024-05-05 10:00", modified="2024-12-31 23:59")
    assert future_modified(meta, now) is None and "modified" in meta
    assert future_modified({"title": "x"}, now) is None


def _upper(value, settings):
    """A plugin's check of its key (CONTRACT_KEY_CHECKS): the value Pelican gets, errors."""
    if value == "male":
        return None, ["`colore` non va bene / bad `colore`"]
    return str(value).upper(), []


def test_keys_other_plugins_add_with_a_check_are_known_and_checked(settings):
    settings = {**settings, "CONTRACT_KEY_CHECKS": {"colore": _upper}}
    meta, problems, warnings = check(settings, colore="blu")
    assert (meta["colore"], problems, warnings) == ("BLU", [], [])
    meta, problems, _ = check(settings, colore="male")
    assert "colore" not in meta and problems == [("colore", "`colore` non va bene / bad `colore`")]
    meta, problems, _ = check(settings, colore=["a", "b"])  # not text only: the check decides
    assert meta["colore"] == "['A', 'B']" and problems == []


@pytest.mark.parametrize(("typed", "hint"), [
    ("29/11/2026", "scrivi 2026-11-29 (anno-mese-giorno; con l'ora: 2026-11-29 09:30)"),
    ("5.3.26 h 18,30", "scrivi 2026-03-05 18:30"),
    ("domenica 29 Novembre 2026 ore 9", "scrivi 2026-11-29 09:00"),
    ("2026-4-31", "aprile ha 30 giorni"),
    ("2024-02-30", "febbraio 2024 ha 29 giorni"),
    ("2026-13-01", "il mese va da 01 a 12"),
    ("29/13/2026", "il mese va da 01 a 12"),
    ("29 nov 2026", "scrivi 2026-11-29"),
    ("3 Sett. 2026, ore 18", "scrivi 2026-09-03 18:00"),
    ("11/29/2026", "il mese va da 01 a 12: se intendevi il 29 novembre, scrivi 2026-11-29"),
    ("11/29/2026 9.30", "se intendevi il 29 novembre, scrivi 2026-11-29 09:30 (anno-mese-giorno"
                        " ore:minuti)"),  # the time kept
    ("02/30/2026", "il mese va da 01 a 12 (la data"),  # not February 30th either
    ("11/29/1800", "il mese va da 01 a 12 (la data"),  # no day to write: out of the years
    ("2026-11-29 24:00", "l'ora va da 00:00 a 23:59 (la mezzanotte si scrive 00:00 del giorno"
                         " dopo)"),
    ("2026-11-29 10:75", "l'ora va da 00:00 a 23:59"),
])
def test_a_date_typed_another_way_says_what_to_write(settings, typed, hint):
    """Editors write dates the Italian way, or days that do not exist: the message says
    what to write, or why the day does not exist, not only the format."""
    assert hint in date_hint(typed)[0]
    _, problems, _ = check(settings, date=typed)
    assert messages(problems) == [f"`date` non è una data valida ({typed}): "
                                  f"{date_hint(typed)[0]} / `date` is not a valid date:"
                                  f" {date_hint(typed)[1]}"]


def test_an_american_date_says_what_to_write_in_english_too():
    """The English half named the month in Italian ("for novembre 29")."""
    assert date_hint("11/29/2026") == (
        "il mese va da 01 a 12: se intendevi il 29 novembre, scrivi 2026-11-29"
        " (anno-mese-giorno; con l'ora: 2026-11-29 09:30)",
        "the month goes from 01 to 12: if the month came first, write 2026-11-29")


@pytest.mark.parametrize("typed", ["ieri", "0001-01-01", "29 brumaio 2026", "2026-11-29 10:00:00x",
                                   "1899-12-31", "29 ma 2026", "29 novembrex 2026"])
def test_a_date_with_no_form_to_suggest_gets_the_general_rule(settings, typed):
    assert date_hint(typed) is None
    _, problems, _ = check(settings, date=typed)
    assert "usa AAAA-MM-GG HH:MM, per esempio 2024-05-05 17:07, anni 1900–2999" in \
        messages(problems)[0]


@pytest.mark.parametrize(("status", "meant"), [
    ("bozza", "draft"), ("Pubblicato", "published"), ("nascosta", "hidden")])
def test_a_status_in_italian_says_the_value_to_write(settings, status, meant):
    _, problems, _ = check(settings, status=status)
    assert messages(problems) == [f"`status` sconosciuto ({status}): scrivi status: {meant} (i"
                                  " valori sono in inglese: published, draft o hidden)"
                                  f" / unknown `status`: write {meant}"]


def test_keys_typed_in_italian_say_the_key_to_write(settings):
    _, problems, warnings = normalise({"titolo": "Festa", "data": "2024-05-05",
                                       "etichette": "Crema", "colore": "blu"},
                                      is_page=False, settings=settings)
    assert problems == [("titolo", "manca il titolo (`title`): la chiave `titolo` si scrive"
                                   " `title` / missing `title`: write `title`, not `titolo`"),
                        ("data", "manca la data (`date`): la chiave `data` si scrive `date`"
                                 " / missing `date`: write `date`, not `data`")]
    assert dict(warnings)["etichette"].startswith(
        "chiave sconosciuta `etichette`, ignorata: si scrive `tags`")
    assert dict(warnings)["colore"] == ("chiave sconosciuta `colore`, ignorata: correggila se"
                                        " è scritta male, altrimenti togli la riga / unknown"
                                        " key `colore`")
    # the key written both ways: the Italian one is only unknown
    _, _, warnings = check(settings, titolo="Festa")
    assert warnings == [("titolo", "chiave sconosciuta `titolo`, ignorata: correggila se è"
                                   " scritta male, altrimenti togli la riga / unknown key"
                                   " `titolo`")]
    # a plugin's own key named like an Italian alias is that plugin's, not a misspelled date
    extended = {**settings, "CONTRACT_EXTRA_KEYS": ["data"]}
    _, problems, _ = normalise({"title": "Festa", "data": "2024-05-05"}, is_page=False,
                               settings=extended)
    assert problems == [("date", "manca la data (`date`) / missing `date`")]


def test_an_article_dated_more_than_a_year_ahead_is_a_warning(settings):
    """Held back until its date, as scheduled: a year typed wrong (2062) hid it, silently."""
    now = datetime(2026, 11, 29, 9, 0, tzinfo=ROME)
    meta, _, _ = check(settings, date="2062-11-20 10:00")
    assert distant_date(meta, is_page=False, now=now) == (
        "`date` è tra più di un anno (2062-11-20 10:00): l'articolo non sarà pubblicato prima"
        " di allora; se non è voluto, controlla l'anno / `date` is more than a year ahead:"
        " not published until then")
    assert distant_date(meta, is_page=True, now=now) is None
    for soon in ("2027-11-29 08:00", "2026-11-29 10:00", "2020-01-01"):  # scheduled, past
        meta, _, _ = check(settings, date=soon)
        assert distant_date(meta, is_page=False, now=now) is None


@pytest.mark.parametrize("line", ["per tutti: vieni", "image caption: Foto di Mario"])
def test_a_key_under_a_summary_is_one_warning_at_its_line(settings, line):
    """A line at the margin holding ": " under a summary got two warnings at its line, the
    one saying it cut the summary short and "chiave sconosciuta …, ignorata"; now one,
    saying both."""
    from plugins.contract.source import split  # noqa: PLC0415

    source = split("---\ntitle: Festa\ndate: 2024-05-05 10:00\nsummary: Una festa\n"
                   f"{line}\n---\n\nTesto.\n")
    name = line.split(":", 1)[0]
    said = [message for at, message in source.warnings if at == 5]
    said += [message for key, message in
             normalise(source.raw, is_page=False, settings=settings)[2]
             if source.line_of(key) == 5]
    assert len(said) == 1 and f"«{name}», sconosciuta e ignorata" in said[0], said


def test_one_search_for_invisible_characters_finds_what_the_three_find():
    # decode and visible search a text once with the union of INVISIBLE's patterns and
    # skip the three when it finds nothing: never when one of them would find something
    import random  # noqa: PLC0415

    from plugins.contract import decoding  # noqa: PLC0415

    specials = [chr(code) for code in (*range(0, 0x20), *range(0x7f, 0xa1), 0x200b, 0x2060,
                                       0xfeff, 0x202a, 0x202e, 0x2066, 0x2069, 0x2028, 0x2029,
                                       0xfffe, 0xffff, 0xd800, 0xdfff, 0x2010, 0xad, 0xe0)]
    rng = random.Random(2026)
    for _ in range(20_000):
        text = "".join(rng.choice(specials) if rng.random() < 0.05 else rng.choice("ab: -\n")
                       for _ in range(rng.randint(0, 12)))
        assert bool(decoding._ANY_INVISIBLE_RE.search(text)) == any(  # noqa: SLF001
            pattern.search(text) for pattern, *_ in decoding.INVISIBLE), repr(text)
