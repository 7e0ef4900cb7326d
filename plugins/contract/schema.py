"""Validation and normalisation of front-matter values: the contract's rules.

Input: a dict of raw values (YAML scalars and lists, or the native header's
strings). Output: values in the form the reader hands to Pelican, plus problems
and warnings as ``(key, message)`` pairs (``key`` as written in the contract, or
``None``), in editor-facing words (Italian / English); the reader adds the line.
Pure functions, unit-tested in tests/test_contract_schema.py.
"""

import calendar
import os
import re
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from plugins.contract.errors import HEADER
from plugins.contract.written import typed_form, written_value
from plugins.core import files, filetypes
from plugins.core.items import entry_key
from plugins.core.text import blank
from plugins.italian import fix_apostrophes, numero
from plugins.italian.dates import Day, as_written, in_zone
from plugins.italian.slugs import MAX_LENGTH, is_slug, make_slug, title_slug

# The keys of the editors' contract, and Pelican's own that the site accepts.
CONTRACT_KEYS = (
    "title", "date", "modified", "category", "tags", "author", "authors", "summary",
    "slug", "image", "image_alt", "attachments", "status", "lang", "translation",
    "argomento", "visite_precedenti",
)
# Keys that choose where a file is written or how: they could replace another page.
PATH_KEYS = ("save_as", "url", "template", "lang_url", "lang_save_as")
STATUSES = ("published", "draft", "hidden")
# A `status:` written without a value: an error, not the default (published)
EMPTY_STATUS = ("`status` è vuoto: scrivi status: draft per tenerlo fuori dal sito (bozza),"
                " status: published per pubblicarlo o status: hidden per nasconderlo dagli"
                " elenchi / empty `status`: write draft, published or hidden")
# What an Italian editor types for a status, and the value it means.
ITALIAN_STATUSES = {
    "bozza": "draft", "bozze": "draft", "pubblicato": "published", "pubblicata": "published",
    "pubblica": "published", "pubblicare": "published", "nascosto": "hidden",
    "nascosta": "hidden", "nascondi": "hidden", "nascondere": "hidden",
}
# Keys typed in Italian (or in the singular), and the contract's key meant: the file
# was published without its title, tags or attachments, with a warning "unknown key".
KEY_SPELLINGS = {
    "titolo": "title", "data": "date", "categoria": "category", "tag": "tags",
    "etichette": "tags", "argomenti": "tags", "parole_chiave": "tags", "autore": "author",
    "autori": "authors", "sommario": "summary", "riassunto": "summary",
    "immagine": "image", "copertina": "image", "alt": "image_alt",
    "immagine_alt": "image_alt", "allegati": "attachments", "allegato": "attachments",
    "attachment": "attachments", "stato": "status", "aggiornato": "modified",
    "modificato": "modified", "aggiornamento": "modified",
}

def spelled(name):
    """A key's name as :data:`KEY_SPELLINGS` and :data:`CONTRACT_KEYS` spell them: lower
    case, ``-`` and spaces as ``_`` (``Parole chiave``, ``immagine-alt``)."""
    return name.lower().replace("-", "_").replace(" ", "_")


TEXT_KEYS = ("title", "slug", "category", "author", "image", "image_alt", "status", "lang",
             "summary", "argomento")
# Names written on one line: a run of spaces in them is one space. A control character
# pasted into a name is replaced by a space (decoding.py), and "Maria\u0007 Rossi" showed as
# "Maria  Rossi" (in the feeds, the search, the page's data); a tab or a space each side
# of a zero-width character the same. No-break spaces are kept (written on purpose).
NAME_KEYS = ("title", "author", "category", "image_alt", "argomento")
_SPACES_RE = re.compile(r"[^\S\u00a0\u2007\u202f]+")
YEARS = (1900, 2999)
TITLE_WARNING_LENGTH = 110
# visite_precedenti: the old portal's count, added to the counter's; the visit-counter
# script shows no total above this (theme/static/js/visit-counter.js, MAX_COUNT).
MAX_VISITS = 10**12
_WHOLE_RE = re.compile(r"[0-9]+")
_HASHTAGS_RE = re.compile(r"\s+(?=#)")  # between two hashtags: "#Crema #Cremona"
_LANG_RE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")  # it, en, pt-BR (BCP 47)
_DATE_HELP = "usa AAAA-MM-GG HH:MM, per esempio 2024-05-05 17:07"
# an offset only after a time: Python reads "2025-03-14+02:00" as 02:00 (any character
# may part day and time), a time nobody wrote
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?"
                      r"(Z|[+-]\d{2}:?\d{2})?)?")
_DAY_LENGTH = len("2024-05-05")


def parse_date(value, timezone):
    """Parse a contract date; naive values are ``timezone`` time. Raises ValueError.

    A day without a time (``2025-03-14``) is a :class:`~plugins.italian.dates.Day`:
    midnight, shown as the day alone; a time written (``2025-03-14 00:00``) is kept."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = Day(value.year, value.month, value.day)
    else:
        # any run of spaces is one: a non-breaking space between day and time (pasted
        # from a word processor, typed with Alt/Option+Space) looks like a plain one
        text = " ".join(str(value).split())
        if not _DATE_RE.fullmatch(text):
            raise ValueError(text)
        parsed = datetime.fromisoformat(text.replace(" ", "T", 1))
        if len(text) == _DAY_LENGTH:  # the day alone: no time, no offset
            parsed = Day(parsed.year, parsed.month, parsed.day)
    if not YEARS[0] <= parsed.year <= YEARS[1]:
        raise ValueError(f"year {parsed.year}")
    return in_zone(parsed, ZoneInfo(timezone))


_MONTHS = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre")
# The time after a day as typed: "9:30", "9.30", "ore 9", "h 9,30", "alle 9", "9.30.00"
# (seconds, which the line to write leaves out)
_TIME = (r"(?:[ T,]+(?:ore|alle|h)?[ .]*(?P<hour>\d{1,2})(?:[:.,h](?P<minute>\d{2})"
         r"(?:[:.]\d{2})?)?)?")
# How editors write a day, besides the contract's form: 2026-1-5, 2026/11/29, 29/11/2026,
# 29-11-2026, 29.11.26, "29 novembre 2026", "29 nov. 2026", "domenica 29 novembre 2026";
# each with a time or not.
_DAY_FORMS = (
    ("iso", re.compile(r"(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)"
                       r"(?P<day>\d{1,2})" + _TIME, re.I)),
    ("dmy", re.compile(r"(?P<day>\d{1,2})[/.\-](?P<month>\d{1,2})[/.\-](?P<year>\d{4}|\d{2})"
                       + _TIME, re.I)),
    ("words", re.compile(r"(?:[a-zì]+,? )?(?P<day>\d{1,2})(?:°|º)? (?P<month>[a-z]+)\.?,?"
                         r" (?P<year>\d{4})" + _TIME, re.I)),
)


def _month_number(name):
    """1-12 for an Italian month's name or its abbreviation (``nov``, ``sett``: at least
    three letters, one month's), else None."""
    name = name.lower()
    found = [number for number, month in enumerate(_MONTHS, 1)
             if month == name or len(name) >= 3 and month.startswith(name)]
    return found[0] if len(found) == 1 else None


# a value between a word processor's quotes (“…”, ‘…’, «…»), which YAML keeps as part of it
_QUOTED_RE = re.compile(r"[“”‘’«»„](?P<inner>[^“”‘’«»„]*)[“”‘’«»]")


def date_hint(text):
    """What to write for a date typed in another form (``29/11/2026`` → write
    ``2026-11-29``), or why it does not exist (``2026-11-31``: November has 30 days):
    ``(italian, english)``, or None when the text is no recognisable day."""
    text = " ".join(str(text).split())
    quoted = _QUOTED_RE.fullmatch(text)
    if quoted:  # “2026-03-15 10:00”: the date right, the curly quotes part of the value
        inner = quoted["inner"].strip()
        if _DATE_RE.fullmatch(inner):
            return (f"scrivi {inner}, senza virgolette (quelle tipografiche fanno parte del"
                    " valore)", f"write {inner}, without curly quotes")
        return date_hint(inner)
    for form, pattern in _DAY_FORMS:
        match = pattern.fullmatch(text)
        if match:
            break
    else:
        return None
    year, day = int(match["year"]), int(match["day"])
    if len(match["year"]) == 2:
        year += 2000
    if form == "words":
        month = _month_number(match["month"])
        if month is None:
            return None
    else:
        month = int(match["month"])
    if not 1 <= month <= 12:
        meant = _day_to_write(year, day, month, match, text) \
            if form == "dmy" and 1 <= day <= 12 else None
        if meant and meant[0].startswith("scrivi "):  # 11/29/2026: month first, American
            return (f"il mese va da 01 a 12: se intendevi il {month} {_MONTHS[day - 1]},"
                    f" {meant[0]}", f"the month goes from 01 to 12: if the month came first,"
                    f" {meant[1]}")
        return ("il mese va da 01 a 12 (la data si scrive anno-mese-giorno)",
                "the month goes from 01 to 12")
    return _day_to_write(year, month, day, match, text)


def _day_to_write(year, month, day, match, text):
    """:func:`date_hint` for a day whose month is 1-12: ``scrivi …`` (with the time typed,
    when it is one), why the day or the time does not exist, or None (a year out of
    range, or ``text`` already written so)."""
    if not YEARS[0] <= year <= YEARS[1]:
        return None
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        which = f"{_MONTHS[month - 1]} {year}" if month == 2 else _MONTHS[month - 1]
        return (f"{which} ha {days} giorni: controlla il giorno", f"that month has {days} days")
    hour = int(match["hour"]) if match["hour"] else None
    minute = int(match["minute"]) if match["minute"] else 0
    if hour is not None and (hour > 23 or minute > 59):
        return ("l'ora va da 00:00 a 23:59 (la mezzanotte si scrive 00:00 del giorno dopo)",
                "the time goes from 00:00 to 23:59")
    fixed = f"{year:04d}-{month:02d}-{day:02d}"
    if hour is None:
        how = f"anno-mese-giorno; con l'ora: {fixed} 09:30"
    else:
        fixed += f" {hour:02d}:{minute:02d}"
        how = "anno-mese-giorno ore:minuti"
    if fixed == text:
        return None
    return f"scrivi {fixed} ({how})", f"write {fixed}"


def split_list(value):
    """A YAML list or text separated by commas or semicolons (as spreadsheets and Italian
    habits write lists: "Crema; Cremona" was one tag, crema-cremona) -> list of non-empty
    strings."""
    if value is None:
        return []
    items = value if isinstance(value, (list, tuple)) else re.split(r"[,;]", str(value))
    return [str(item).strip() for item in items if item is not None and str(item).strip()]


def one_line(name):
    """``name`` with each run of spaces, tabs and line breaks one space (see NAME_KEYS)."""
    return _SPACES_RE.sub(" ", name)


def unique_names(key, items, regex_subs, problems):
    """``items`` (the names of ``tags`` or ``authors``) without repeats, keeping the first
    spelling: names with one address are one tag or author (``Città``, ``città``,
    ``Citta``; ``Sant'Agata``, ``Sant’Agata``), else the item was listed twice on that
    page and counted twice. A name that yields no slug would have no address: a problem
    for ``key`` (each name's slug is worked out once, here)."""
    seen, result = set(), []
    for item in items:
        slug = make_slug(item, regex_subs)
        unique = slug or item.casefold()
        if unique in seen:
            continue
        seen.add(unique)
        result.append(item)
        if not slug:
            problems.append((key, f"da `{item}` in `{key}` non si ricava un indirizzo:"
                                  f" usa lettere o cifre / `{key}` entry yields no slug"))
    return result


def _is_scalar(value):
    return isinstance(value, (str, int, float, bool)) or value is None


def _check_slugs(meta, regex_subs, problems):
    """An explicit slug must be valid; a title, ``category``, ``author`` or ``argomento``
    must yield one (``tags`` and ``authors``: :func:`unique_names`)."""
    if "slug" in meta:
        if not is_slug(meta["slug"]):
            suggestion = make_slug(meta["slug"], regex_subs)
            hint = f": usa per esempio `{suggestion}`" if suggestion else ""
            problems.append(("slug", (
                f"`slug` non valido ({meta['slug']}): solo lettere minuscole senza accenti,"
                f" cifre e trattini, al massimo {MAX_LENGTH} caratteri{hint}"
                " / invalid `slug`: lowercase ASCII letters, digits and hyphens")))
    elif meta.get("title") and not title_slug(meta["title"], regex_subs):
        problems.append(("title", "dal titolo non si ricava un indirizzo (solo simboli o"
                                  " emoji): aggiungi `slug:` / the title yields an empty slug"))
    for key in ("category", "author", "argomento"):
        if key in meta and not make_slug(meta[key], regex_subs):
            problems.append((key, f"da `{meta[key]}` in `{key}` non si ricava un indirizzo:"
                                  f" usa lettere o cifre / `{key}` yields no slug"))


def future_modified(meta, now=None):
    """The warning for a ``modified`` later than ``now`` (default: this moment), which is
    dropped from ``meta``; None when there is none. Not part of :func:`normalise`: what
    that finds is kept with the file's bytes (the contract cache), and this depends on
    the day of the build. A typo (2052 for 2025) showed "Ultimo aggiornamento" in 2052
    on the page, in its data and in the feeds, and held the sitemap's and the feeds'
    dates of every listing there until that day."""
    modified = meta.get("modified")
    if not isinstance(modified, datetime):
        return None
    now = now or datetime.now(timezone.utc)
    if modified <= now:
        return None
    del meta["modified"]
    return ("`modified` (ultimo aggiornamento) è nel futuro"
            f" ({as_written(modified)}): ignorato, controlla l'anno / `modified` is in the"
            " future, ignored")


# The long title's warning, in Italian and English: ``{length}``, the title's characters.
# The web editor shows its Italian half under the title's field (plugins/admin/output.py
# gives it to string-widget.js): the words are written here only.
LONG_TITLE_MESSAGE = (
    "titolo lungo ({length} caratteri, consigliati al massimo " f"{TITLE_WARNING_LENGTH}):"
    " negli elenchi, nelle condivisioni e nei motori di ricerca verrebbe tagliato;"
    " accorcialo / long title: shorten it")


def long_title(title):
    """The warning for ``title`` longer than :data:`TITLE_WARNING_LENGTH` once written as
    the site publishes it (one line, apostrophes), or None. ``./run new`` gives it too."""
    length = len(fix_apostrophes(one_line(title)))
    if length <= TITLE_WARNING_LENGTH:
        return None
    return LONG_TITLE_MESSAGE.format(length=length)


def invalid_date_hint(value):
    """What to write for a date :func:`parse_date` refused: ``(italian, english)``, the
    form to use and the years allowed when :func:`date_hint` has nothing more precise
    (``3000-01-01`` is in the right form: its year is what is wrong)."""
    return date_hint(value) or (f"{_DATE_HELP}, anni {YEARS[0]}–{YEARS[1]}",
                                "use YYYY-MM-DD HH:MM")


def distant_date(meta, is_page, now=None):
    """The warning for an article dated more than a year after ``now`` (default: this
    moment), or None. Such an article is held back until its date (scheduled publishing)
    and nothing said so: a typo in the year (2062 for 2026) hid it for decades. Kept out
    of :func:`normalise`, like :func:`future_modified`: it depends on the day."""
    when = meta.get("date")
    if is_page or not isinstance(when, datetime):
        return None
    now = now or datetime.now(timezone.utc)
    if when <= now + timedelta(days=366):
        return None
    return (f"`date` è tra più di un anno ({as_written(when)}): l'articolo non sarà"
            " pubblicato prima di allora; se non è voluto, controlla l'anno / `date` is more"
            " than a year ahead: not published until then")


def future_page_date(meta, is_page, now=None):
    """The warning for a page dated after ``now`` (default: this moment), whose ``date``
    is dropped from ``meta``; None when there is none. Only articles wait for their date:
    a page is published at once, so a page dated in the future (an editor scheduling it
    as an article, a year typed wrong) was online the same day, silently, and showed that
    date in the future beside its documents on Documenti and as its sitemap ``lastmod``.
    Kept out of :func:`normalise`, like :func:`future_modified`: it depends on the day."""
    when = meta.get("date")
    if not is_page or not isinstance(when, datetime):
        return None
    now = now or datetime.now(timezone.utc)
    if when <= now:
        return None
    del meta["date"]
    return (f"`date` è nel futuro ({as_written(when)}): una pagina non aspetta la sua"
            " data, è pubblicata subito; data ignorata (per non pubblicarla ancora usa"
            " `status: draft`) / a page's `date` is in the future: pages are not scheduled,"
            " it is published now and the date ignored")


def parse_visits(value):
    """``visite_precedenti`` -> int from 0 to :data:`MAX_VISITS`; ValueError otherwise.

    A YAML whole number (``1459``) or the native header's text (``"1459"``); not a
    boolean, a decimal (``1459.0``, YAML's ``1.459``), a sign or thousands separators.
    """
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _WHOLE_RE.fullmatch(value.strip()):
        number = int(value.strip())
    else:
        raise ValueError(value)
    if not 0 <= number <= MAX_VISITS:
        raise ValueError(value)
    return number


def _check_visits(meta, problems):
    try:
        meta["visite_precedenti"] = parse_visits(meta["visite_precedenti"])
    except ValueError:
        problems.append(("visite_precedenti", (
            f"`visite_precedenti` deve essere un numero intero da 0 a {numero(MAX_VISITS)}, scritto"
            f" con le sole cifre (per esempio 1459), non {typed_form(meta['visite_precedenti'])}"
            f" / `visite_precedenti` must be a whole number from 0 to {MAX_VISITS}")))
        del meta["visite_precedenti"]


def _check_image(meta, settings, problems):
    image = meta["image"].replace("\\", "/").lstrip("/")  # immagini\foto.jpg (Windows)
    folders = tuple(path.strip("/") + "/" for path in settings["STATIC_PATHS"])
    normal = os.path.normpath(image).replace(os.sep, "/")
    if files.local_path(meta["image"]):  # C:\Users\…\foto.jpg, /Users/…/foto.jpg
        problems.append(("image", files.local_path_message(meta["image"], folders[0],
                                                           "image: {}")))
    elif normal.startswith("../") or not normal.startswith(folders):
        # "foto.jpg" for immagini/foto.jpg: the folder left out
        there = next((folder + os.path.basename(normal) for folder in folders
                      if os.path.isfile(os.path.join(settings["PATH"], folder,
                                                     os.path.basename(normal)))), None)
        # the path from the project's folder, as the guide's table of folders writes it
        inside = normal.removeprefix(os.path.basename(settings["PATH"].rstrip("/")) + "/")
        if inside != normal and inside.startswith(folders):
            there = inside
        hint = f"; scrivi image: {there}" if there else ""
        problems.append(("image", f"l'immagine `image` deve stare in {', '.join(folders)}:"
                                  f" {meta['image']}{hint} / `image` must be under"
                                  f" {folders[0]}"))
    elif (found := files.spelling(settings["PATH"], normal)) is None \
            or found[1] == files.CASE:
        slip = files.folder_slip(settings["PATH"], normal)
        if slip is not None:  # Immagini/, immagine/: the folder made by hand
            problems.append(("image", f"l'immagine `image` {meta['image']}: "
                                      + files.folder_slip_message(slip, normal)))
        elif found is not None:  # opens on macOS and Windows, not on Linux
            problems.append(("image", f"l'immagine `image` {meta['image']}: "
                                      + files.case_message(found[0], f"image: {found[0]}")))
        else:
            near = files.near_name(settings["PATH"], normal)  # foto-festa.jpg, "Foto festa.jpg"
            problems.append(("image", f"l'immagine `image` non esiste: {meta['image']}" + (
                ": " + files.near_message(normal, *near, f"image: {near[0]}") if near
                else " / `image` file not found")))
    else:  # the name as spelled on disk (accents typed one way, saved another: macOS)
        normal = meta["image"] = found[0]
        problem = filetypes.problem(normal, os.path.join(settings["PATH"], normal),
                                    filetypes.IMAGES)
        if problem:
            problems.append(("image", problem))
    if blank(str(meta.get("image_alt") or "")):  # "\u200b" describes nothing (core.text)
        # where and how: "scrivi il testo alternativo" alone left a newcomer looking for
        # a place to write it
        problems.append(("image", "`image` senza `image_alt`: scrivi il testo alternativo"
                                  " dell'immagine nella riga `image_alt:` (aggiungila sotto"
                                  " `image` se non c'è), una frase che dice che cosa mostra a"
                                  " chi non la vede: image_alt: Persone attorno a un tavolo"
                                  " / `image` needs `image_alt`"))


def _check_translation(meta, problems):
    """``translation``: Pelican's mark of a translation, ``true`` or ``false``."""
    value = str(meta["translation"]).strip().lower()
    if value in ("true", "false"):
        meta["translation"] = value
    else:
        written = typed_form(meta["translation"])  # [true, ], not Python's ['true', None]
        problems.append(("translation", f"`translation` vale `true` (sì) o `false` (no), non"
                                        f" «{written}»: scrivi `translation: true` o"
                                        " `translation: false`, o togli la riga"
                                        " / must be true or false"))
        del meta["translation"]


def skipped_hour(value, key="date"):
    """``(real time, warning)`` when ``value`` (aware) is a time the clocks skip (the last
    Sunday of March, 02:00–02:59 in Rome), which does not exist: the real time is one hour
    later. None for a time that exists."""
    real = value.astimezone(timezone.utc).astimezone(value.tzinfo)
    if real.replace(tzinfo=None) == value.replace(tzinfo=None):
        return None
    day = f"{value.day} {_MONTHS[value.month - 1]} {value.year}"  # 31 marzo 2024, in words
    return real, (f"`{key}`: le {value:%H:%M} del {day} non esistono (le lancette"
                  f" passano avanti di un'ora): vale {real:%H:%M} / that time does not exist,"
                  f" {real:%H:%M} is used")


def _skip_missing_hour(meta, key, warnings):
    """A time the clocks skip does not exist: it becomes the real time one hour later,
    with a warning (:func:`skipped_hour`)."""
    skipped = skipped_hour(meta[key], key)
    if skipped:
        meta[key], warning = skipped
        warnings.append((key, warning))


def _update_before_date(modified, published):
    """The warning for a ``modified`` earlier than ``date``: a day alone on the very day of
    the publication (midnight, so before it) is an update of that day whose time is
    missing, not a mistaken date: the editor is told to write the time."""
    if isinstance(modified, Day) and modified.date() == published.date():
        return ("`modified` (ultimo aggiornamento) è il giorno di `date` senza l'ora: ignorato;"
                f" scrivi anche l'ora dell'aggiornamento, `{modified:%Y-%m-%d} 18:30` /"
                " `modified` is the day of `date` without a time, ignored: add the time")
    return ("`modified` (ultimo aggiornamento) è prima di `date`: ignorato; correggilo o"
            " togli la riga / `modified` is before `date`, ignored")


# what a required key's line looks like, for the message of one left empty
_EXAMPLES = {"title": "Festa di quartiere", "date": "2026-03-12 10:00"}


def _missing(key, what, raw_keys, empty=False):
    """The problem of a required ``key`` that is missing; at the key typed in Italian
    (``titolo:``), if there is one, saying how to write it; ``empty``: the key is there
    with nothing after it (``title:``), at its line, with a line to write."""
    typed = next((name for name in sorted(raw_keys)
                  if KEY_SPELLINGS.get(spelled(name)) == key), None)
    if typed:
        return (typed, f"manca {what} (`{key}`): la chiave `{typed}` si scrive `{key}`"
                       f" / missing `{key}`: write `{key}`, not `{typed}`")
    if empty:
        return key, (f"manca {what} (`{key}`): la riga `{key}:` è vuota, scrivi {what} dopo i"
                     f" due punti e uno spazio, per esempio {key}: {_EXAMPLES[key]}"
                     f" / missing `{key}`: its line is empty")
    return key, f"manca {what} (`{key}`) / missing `{key}`"


# Brackets inside a list of names: "tags: Crema, [Cremona]" (one text for YAML, split at
# its commas: the topic «[Cremona]» published without a word), a list inside the list
# ("[Crema, [Cremona]]": «['Cremona']»), the whole list between quotes ("[Crema, Cremona]":
# «[Crema» and «Cremona]»), or the native header's "Tags: [Crema, Cremona]" (text only)
_BRACKETS_RE = re.compile(r"[\[\]{}]")


def _names_in(value):
    """The names ``value`` (text, or lists and mappings of them) holds, without brackets."""
    if isinstance(value, dict):
        return [name for pair in value.items() for part in pair for name in _names_in(part)]
    if isinstance(value, (list, tuple)):
        return [name for item in value for name in _names_in(item)]
    if value is None:
        return []
    return [name.strip() for name in re.split(r"[\[\]{},;]", str(value)) if name.strip()]


def _brackets(key, value, native):
    """``(where, message)`` when the ``tags`` or ``authors`` ``value`` has brackets inside
    its names (``where``: the key, or the list's entry at fault), or None."""
    if isinstance(value, list):
        entries = [(entry_key(key, position), item) for position, item in enumerate(value, 1)
                   if isinstance(item, (list, dict))
                   or (isinstance(item, str) and _BRACKETS_RE.search(item))]
        if not entries:
            return None
        where, published = entries[0][0], typed_form(entries[0][1])
    elif isinstance(value, dict):  # "tags: {Crema: città}", not Python's {'Crema': 'città'}
        where, published = key, typed_form(value)
    else:
        published = next((name for name in split_list(value) if _BRACKETS_RE.search(name)),
                         None)
        if published is None:
            return None
        where = key
    names = list(dict.fromkeys(_names_in(value)))
    what = "l'argomento" if key == "tags" else "l'autore"
    if native:  # Pelican's header: text, names separated by commas
        line = f"{key.capitalize()}: {', '.join(names)}"
        how = f"nella vecchia {HEADER} le voci si separano con le virgole, senza parentesi"
    else:
        line = f"{key}: [{', '.join(written_value(name, in_list=True) for name in names)}]"
        how = "le parentesi quadre si scrivono una volta sola, attorno a tutte le voci"
    return where, (f"`{key}` ha delle parentesi dentro le voci, e il sito pubblicherebbe"
                   f" {what} «{published}»: {how}; scrivi {line} / brackets inside the"
                   f" names of `{key}`: write {line}")


def normalise(raw, *, is_page, settings, native=False):
    """Validate ``raw`` metadata (``native``: from Pelican's ``Key: value`` header); return
    (metadata, problems, warnings)."""
    meta, problems, warnings = {}, [], []
    extra_checks = settings["CONTRACT_KEY_CHECKS"]
    known = {*CONTRACT_KEYS, *settings["CONTRACT_EXTRA_KEYS"], *extra_checks}
    raw_keys = {str(key).strip().lower() for key in raw}
    for key, value in raw.items():
        key = str(key).strip().lower()
        if key in PATH_KEYS:
            problems.append((key, f"la chiave `{key}` non è ammessa: l'indirizzo viene da"
                                  f" `slug` (e dalla data); togli la riga / `{key}` is not"
                                  " allowed"))
            continue
        if key not in known:  # ignored, as the warning says (Pelican would make it an attribute)
            meant = KEY_SPELLINGS.get(spelled(key))
            if meant and meant not in raw_keys:
                warnings.append((key, f"chiave sconosciuta `{key}`, ignorata: si scrive"
                                      f" `{meant}` (le chiavi sono in inglese) / unknown key `{key}`:"
                                      f" write `{meant}`"))
            else:
                warnings.append((key, f"chiave sconosciuta `{key}`, ignorata: correggila se"
                                      " è scritta male, altrimenti togli la riga / unknown key"
                                      f" `{key}`"))
            continue
        if key == "status" and (value is None or value == []
                                or (isinstance(value, str) and not value.strip())):
            # `status:` left empty (the web editor's «Stato» cleared wrote `status: null`):
            # as an absent key it was published, which an editor emptying it never meant
            problems.append(("status", EMPTY_STATUS))
            continue
        if value is None or value == "" or value == []:
            continue
        if key in TEXT_KEYS:
            if isinstance(value, dict):  # `summary: Orari: dalle 9` on two lines, `{…}`
                problems.append((key, f"`{key}` deve essere un testo, non «{typed_form(value)}»:"
                                      " dei due punti seguiti da uno spazio, o le parentesi"
                                      " graffe, ne fanno una coppia chiave: valore; metti il"
                                      f" testo tra virgolette / `{key}` must be text"))
                continue
            if not _is_scalar(value):
                problems.append((key, f"`{key}` deve essere un testo, non un elenco: scrivilo"
                                      f" senza parentesi quadre / `{key}` must be text"))
                continue
            value = str(value).strip()
            if key in NAME_KEYS:
                value = one_line(value)
        meta[key] = value

    if blank(meta.get("title") or ""):  # made only of what nobody sees: none (core.text)
        meta.pop("title", None)
        if not any(key == "title" for key, _ in problems):
            problems.append(_missing("title", "il titolo", raw_keys - known,
                                     empty="title" in raw_keys))
    else:
        meta["title"] = fix_apostrophes(meta["title"])
        long = long_title(meta["title"])
        if long:
            warnings.append(("title", long))
    for key in ("image_alt",):
        if key in meta:
            meta[key] = fix_apostrophes(meta[key])

    for key in ("date", "modified"):
        if key in meta:
            try:
                meta[key] = parse_date(meta[key], settings["TIMEZONE"])
            except (ValueError, OverflowError):
                hint = invalid_date_hint(meta[key])
                problems.append((key, f"`{key}` non è una data valida"
                                      f" ({typed_form(meta[key])}): {hint[0]}"
                                      f" / `{key}` is not a valid date: {hint[1]}"))
                del meta[key]
                continue
            _skip_missing_hour(meta, key, warnings)
    if "modified" in meta and "date" in meta and meta["modified"] < meta["date"]:
        warnings.append(("modified", _update_before_date(meta["modified"], meta["date"])))
        del meta["modified"]
    if "date" not in meta and not is_page and not any(key == "date" for key, _ in problems):
        problems.append(_missing("date", "la data", raw_keys - known,
                                 empty="date" in raw_keys))

    for key in ("tags", "authors"):
        bracketed = _brackets(key, meta[key], native) if key in meta else None
        if bracketed is not None:
            problems.append(bracketed)
            del meta[key]
        if key in meta:
            names = [fix_apostrophes(one_line(name))  # Sant’Agata
                     for name in split_list(meta[key])]
            if key == "tags" and any(name.startswith("#") for name in names):
                # "#Crema, #Cremona" in quotes (unquoted, YAML reads a comment: key_slips.py),
                # or as a post has them, "#Crema #Cremona": a tag each
                names = [tag.lstrip("#").strip() for name in names
                         for tag in (_HASHTAGS_RE.split(name) if name.startswith("#")
                                     else [name])]
                written = ", ".join(filter(None, names))
                # Pelican's header holds text: "Tags: [Crema, Cremona]" would be «[Crema»
                line = f"Tags: {written}" if native else f"tags: [{written}]"
                warnings.append(("tags", f"gli argomenti si scrivono senza `#`: scrivi {line}"
                                         f" / tags are written without #"))
            meta[key] = unique_names(key, names, settings["SLUG_REGEX_SUBSTITUTIONS"],
                                     problems)
            if not meta[key]:  # only empty entries: as if the key were not there
                del meta[key]
    for key in ("author", "category"):  # one name each: Dell’Acqua, Notizie dall’estero
        if isinstance(meta.get(key), str):
            meta[key] = fix_apostrophes(meta[key])
    _curly_quotes(meta, warnings)
    if "translation" in meta:
        _check_translation(meta, problems)
    if isinstance(meta.get("author"), str) and len(split_list(meta["author"])) > 1:
        names = ", ".join(split_list(meta["author"]))  # one author named "Maria, Luca"
        warnings.append(("author", f"`author` ha più nomi ({meta['author']}): il sito li"
                                   " legge come un solo autore; per più autori scrivi"
                                   f" authors: [{names}] / several names in `author`:"
                                   f" write authors: [{names}]"))
    if "author" in meta and "authors" in meta:
        warnings.append(("author", "`author` e `authors` insieme: vale `authors`; tieni"
                                   " solo una delle due righe / both set, `authors` wins"))
        del meta["author"]

    status = meta.get("status", "published").lower()
    if status not in STATUSES:
        meant = ITALIAN_STATUSES.get(status)
        hint = f"scrivi status: {meant} (i valori sono in inglese: published," \
            " draft o hidden)" if meant else "usa published, draft o hidden"
        bare = _QUOTED_RE.fullmatch(status)  # “draft”: a word processor's quotes
        if bare and (bare["inner"] in STATUSES or bare["inner"] in ITALIAN_STATUSES):
            meant = ITALIAN_STATUSES.get(bare["inner"], bare["inner"])
            hint = (f"scrivi status: {meant}, senza virgolette (quelle tipografiche fanno parte"
                    " del valore)")
        problems.append(("status", f"`status` sconosciuto ({meta['status']}): {hint}"
                                   " / unknown `status`" + (f": write {meant}" if meant else "")))
    else:
        meta["status"] = status

    if "visite_precedenti" in meta:
        _check_visits(meta, problems)
    if "lang" in meta and not _LANG_RE.fullmatch(meta["lang"]):  # it is part of the address
        problems.append(("lang", f"`lang` deve essere un codice di lingua come it o en, non"
                                 f" «{meta['lang']}»: scrivi per esempio lang: en, o togli la"
                                 " riga per un articolo in italiano / `lang` must be a"
                                 " language code"))
        del meta["lang"]
    if "argomento" in meta and not is_page:
        warnings.append(("argomento", "`argomento` vale solo per le pagine (elenca le notizie di"
                                      " un argomento), ignorato: per un articolo usa `tags`"
                                      " / `argomento` is for pages only, ignored"))
        del meta["argomento"]

    _check_slugs(meta, settings["SLUG_REGEX_SUBSTITUTIONS"], problems)
    if "image" in meta:
        _check_image(meta, settings, problems)
    _check_extra_keys(meta, extra_checks, settings, problems)
    return meta, problems, warnings


# A value wholly between the quotes a word processor makes of " and ' (YAML takes only
# straight ones for quotes: “Crema” stays a tag with its quotes, a page of its own name);
# one pair, not two quotations ("“Il welfare è di tutti”. La festa: “Una comunità…”"),
# an apostrophe inside the single ones (‘Dell’Acqua’)
_CURLY_RE = re.compile(r"\A(?:[“„][^\n“”„]*[”“]|[‘‚](?:[^\n‘’‚]|’(?=\w))*[’‘])\Z"
                       # one of the pair straight, the other a word processor's (a quote
                       # typed again by hand: “Festa al Civic Center")
                       r'|\A(?:[“„][^\n“”„"]*"|"[^\n“”„"]*[”“])\Z')
# A double quote at one end of the value and no other one in it: the closing quote of a
# value whose opening one was left out (Festa al Civic Center"), or the opening one of a
# value a word processor quoted and the closing one lost (“Festa al Civic Center); a
# straight one opening a value and never closed is an error of YAML's (value_hints.py)
# (not after a digit: 24", a size in inches)
_LONE_QUOTE_RE = re.compile(r'\A(?:[^\n“”„"]*[^\n“”„"\d]["”“]|[“„][^\n“”„"]+)\Z')


def _curly_quotes(meta, warnings):
    """A warning for each of title, image_alt, author, category, tags and authors written
    between curly quotes, which are published as part of it: the editor wrote ``"Crema"``
    to quote the value and a word processor turned the quotes. Nothing is changed (a title
    may quote someone)."""
    for key in ("title", "image_alt", "author", "category", "tags", "authors"):
        value = meta.get(key)
        names = value if isinstance(value, list) else [value]
        quoted = [name for name in names if isinstance(name, str) and _CURLY_RE.match(name)]
        lone = [name for name in names if isinstance(name, str)
                and _LONE_QUOTE_RE.match(name.strip())]
        if lone and not quoted:
            _lone_quote(key, value, names, lone, warnings)
        if not quoted:
            continue
        # each as YAML reads it back ("*Novità* a Crema" quoted: bare, an alias)
        plain = [written_value(name[1:-1].strip(), isinstance(value, list))
                 if name in quoted else name for name in names]
        write = f"[{', '.join(plain)}]" if isinstance(value, list) else plain[0]
        also = " (se le virgolette sono volute, lascia così)" if key == "title" else ""
        warnings.append((key, f"`{key}` è tra virgolette tipografiche ({quoted[0]}), che"
                              f" restano nel testo pubblicato: per racchiudere un valore valgono"
                              f" solo le virgolette diritte; scrivi {key}: {write}{also}"
                              f" / curly quotes are part of the value: write {key}: {write}"))


def _lone_quote(key, value, names, lone, warnings):
    """The warning of :func:`_curly_quotes` for values with a double quote at one end
    only (``lone``, among ``names``, the items of ``value``): it is published as part of
    the value, «Festa al Civic Center"». Nothing is changed (a size in inches, 24")."""
    plain = [written_value(name.strip().strip('"“”„').strip(), isinstance(value, list))
             if name in lone else name for name in names]
    write = f"[{', '.join(plain)}]" if isinstance(value, list) else plain[0]
    warnings.append((key, f"`{key}` ha una virgoletta sola ({lone[0].strip()}), che resta nel"
                          f" testo pubblicato: manca quella che apre o quella che chiude;"
                          f" scrivi {key}: {write} (se la virgoletta è voluta, lascia così)"
                          f" / a lone quote is part of the value: write {key}: {write}"))


def _check_extra_keys(meta, checks, settings, problems):
    """The keys other plugins declare with a check (``CONTRACT_KEY_CHECKS``, filled by
    :func:`plugins.contract.settings.add_key`): each present value goes through its
    plugin's ``check(value, settings) -> (value, [message])``; a value of None is dropped
    (as the contract drops a bad value of its own keys), each message is an error of that
    key. In key order, so the problems come in the same order every build."""
    for key in sorted(checks):
        if key not in meta:
            continue
        value, messages = checks[key](meta[key], settings)
        problems.extend((key, message) for message in messages)
        if value is None:
            del meta[key]
        else:
            meta[key] = value
