"""``invoke new``: a new article with complete front matter, as a draft.

    python tools/new_item.py --title "Nuovi orari" --category notizie [--date "2026-12-01 10:00"]
                             [--slug nuovi-orari] [--pubblica]

Writes ``content/<category>/<YYYY-MM-DD>-<slug>.md`` and prints its path and its
address in the preview (``./run preview``). It never overwrites a file: when the
slug is taken (by any article, any month), ``-2``, ``-3``… is added, so the new
item passes ``invoke check``.
"""

import argparse
import os
import posixpath
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from plugins.admin.config import new_item_author  # noqa: E402
from plugins.contract.check import PLACEHOLDER, near_category, new_category  # noqa: E402
from plugins.contract.errors import SourceError  # noqa: E402
from plugins.contract.schema import (  # noqa: E402
    distant_date, invalid_date_hint, long_title, parse_date, skipped_hour,
)
from plugins.contract.source import read  # noqa: E402
from plugins.core.files import ignored  # noqa: E402
from plugins.core.items import is_future  # noqa: E402
from plugins.italian.dates import Day, data_breve  # noqa: E402
from plugins.italian.slugs import (  # noqa: E402
    is_slug, item_slug, make_slug, suffixed, title_slug,
)
from tools.check import content_files, load_settings  # noqa: E402

BODY = (f"{PLACEHOLDER} Il primo paragrafo è il sommario che compare negli elenchi.\n\n"
        "## Un sottotitolo\n\nAltro testo.\n")


class Refused(Exception):
    """The item cannot be created; the message says why, for the editor."""


def categories(settings):
    """Category folders: the configured ones, the folders that hold articles and the
    folders made for a new category, still empty (the guide: one folder a category)."""
    found = set(settings["CONTRACT_CATEGORY_NAMES"])
    for relative, page in content_files(settings):
        if not page and "/" in relative:
            found.add(relative.split("/")[0])
    not_articles = {path.strip("/") for path in (*settings["PAGE_PATHS"],
                                                 *settings["ARTICLE_EXCLUDES"])}
    try:
        with os.scandir(settings["PATH"]) as entries:
            found.update(entry.name for entry in entries if entry.is_dir()
                         and entry.name not in not_articles
                         and not ignored(entry.name, tuple(settings["IGNORE_FILES"])))
    except OSError:  # no content/ yet: the configured categories
        pass
    return sorted(found)


def taken_slugs(settings):
    """``{slug: file}`` of the articles (the first file of each slug, content/'s path)."""
    taken = {}
    for relative, page in content_files(settings):
        if page:
            continue
        try:
            with open(os.path.join(settings["PATH"], relative), "rb") as handle:
                raw = read(handle.read()).raw
        except (OSError, SourceError):
            continue
        keys = {str(key).lower(): value for key, value in raw.items()}
        slug = item_slug(keys, settings["SLUG_REGEX_SUBSTITUTIONS"])
        taken.setdefault(str(slug), relative)
    return taken


def create(settings, title, category, when=None, slug=None, publish=False):
    """Write the new item; return its path under content/ and its URL path."""
    title = (title or "").strip()
    if not title:
        raise Refused("manca il titolo: --title \"…\" / a title is needed")
    valid = categories(settings)
    category = _folder(settings, category)
    # "Notizie", "comunicati stampa": the category as its name reads, not as its folder
    # is written (on Linux a folder Notizie/ is another one)
    category = next((folder for folder in valid
                     if folder == "-".join(category.casefold().split())), category)
    if category not in valid:
        content = Path(settings["PATH"])
        if category in {path.strip("/") for path in settings["PAGE_PATHS"]}:
            # the guide's table: pages in content/pages/; they have no date to create
            raise Refused(f"{content.name}/{category}/ è la cartella delle pagine fisse, e"
                          " ./run new crea solo articoli: per una pagina nuova scrivi un file"
                          f" in {content.name}/{category}/ con title: e slug: in cima, come"
                          f" le altre pagine; per un articolo scegli tra {', '.join(valid)}"
                          " / ./run new"
                          f" creates articles, not pages: valid: {', '.join(valid)}")
        new = "" if "/" in category or category in (".", content.name) \
            or (content / category).exists() else \
            f" (per una categoria nuova, crea prima la cartella {content.name}/{category}/)"
        # "notizia", "comunicato-stampa", "avviso": a category mistyped, not a new one
        # (it was told to make the folder content/notizia/, a category of its own)
        # (as ./run check says of an article saved in such a folder: near_category)
        meant = near_category(category, valid)
        if meant and not (content / category).exists():
            raise Refused(f"categoria sconosciuta: {category}; forse intendevi {meant}:"
                          f" scrivi --category {meant} (le categorie sono"
                          f" {', '.join(valid)}) / unknown category: did you mean"
                          f" {meant}?")
        raise Refused(f"categoria sconosciuta: {category}; scegli tra {', '.join(valid)}{new}"
                      f" / unknown category, valid: {', '.join(valid)}")
    zone = ZoneInfo(settings["TIMEZONE"])
    try:
        date = parse_date(when, settings["TIMEZONE"]) if when else \
            datetime.now(zone).replace(second=0, microsecond=0)
    except (ValueError, OverflowError):
        hint = invalid_date_hint(when)  # as check says of it (3000-01-01: the years)
        raise Refused(f"data non valida: {when}; {hint[0]} / invalid date: {hint[1]}") from None
    skipped = skipped_hour(date)
    if skipped:  # 02:30 on the night the clocks go forward: the file gets the real time,
        date, warning = skipped  # or every build and check would warn about it
        print(f"Avviso: {warning}", file=sys.stderr)
    base = slug or title_slug(title, settings["SLUG_REGEX_SUBSTITUTIONS"])
    if slug and not is_slug(slug):
        hint = make_slug(slug, settings["SLUG_REGEX_SUBSTITUTIONS"])
        example = f": usa per esempio {hint}" if is_slug(hint) else ""
        raise Refused(f"--slug non valido ({slug}): solo lettere minuscole senza accenti,"
                      f" cifre e trattini{example} / invalid --slug")
    if not is_slug(base):
        raise Refused("dal titolo non si ricava un indirizzo: aggiungi --slug con lettere"
                      " minuscole, cifre e trattini / give --slug")
    taken, number = taken_slugs(settings), 1
    chosen = base
    while chosen in taken or _path(settings, category, date, chosen).exists():
        number += 1
        chosen = suffixed(base, number)  # within the slug's length
    path = _path(settings, category, date, chosen)
    # the day alone as typed (--date 2025-03-14; a date, which YAML writes unquoted): with
    # 00:00 added, the site would show "ore 00:00", a time nobody chose (dates.Day)
    written = date.date() if isinstance(date, Day) else date.strftime("%Y-%m-%d %H:%M")
    front = {"title": title, "date": written, "slug": chosen,
             # signed as the web editor's form signs a new item (the site's AUTHOR)
             "author": new_item_author(settings), "tags": [], "summary": "",
             "attachments": [],
             "status": "published" if publish else "draft"}
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False,
                                    default_flow_style=None, width=1000) + "---\n\n" + BODY
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(text)
    # what check would say of the new file at once (a title too long, a year typed 2062
    # for 2026), once it is written: check only warns of them
    # (and a folder made by hand for a category the site has, content/notizia/)
    relative = path.relative_to(settings["PATH"]).as_posix()
    # a title an article has already (last year's notice written again): the address the
    # new one got instead, and whose the title's is, said (it was added quietly)
    content = Path(settings["PATH"]).name
    other = (f"l'indirizzo {base} è già di {content}/{taken[base]}: il nuovo articolo ha"
             f" {chosen} (per sceglierne un altro: --slug, per esempio"
             f" {suffixed(base, f'{date:%Y}')})") \
        if chosen != base and base in taken else None
    for warning in (other, long_title(title), distant_date({"date": date}, is_page=False),
                    new_category(relative, settings)):
        if warning:
            print(f"Avviso: {warning}", file=sys.stderr)
    url = settings["ARTICLE_URL"].format(slug=chosen, date=date, lang="", category="")
    return path, url, date


def state(date, publish, now=None):
    """What becomes of the new item, in the editor's words."""
    if not publish:
        return "bozza: non esce finché `status` è `draft`"
    if is_future(date, now and now.timestamp()):
        # the day in words, as the site writes it (14 marzo 2027), in the date's own zone
        day = data_breve(date, date.tzinfo or ZoneInfo("UTC"))
        if isinstance(date, Day):  # no time was given: none is quoted
            return f"programmato: esce alla prima pubblicazione del sito a partire dal {day}"
        return (f"programmato: esce alla prima pubblicazione del sito dopo il {day} alle"
                f" {date:%H:%M}")
    return "pubblicato: esce alla prossima pubblicazione del sito"


def _folder(settings, category):
    """The category's folder as typed, also as a path: ``notizie/`` and
    ``content/notizie/`` (the guide's table of folders, a shell's completion) are
    ``notizie``."""
    folder = posixpath.normpath((category or "").strip().replace("\\", "/") or ".")
    content = Path(settings["PATH"]).name
    return folder.removeprefix(f"{content}/").strip("/")


def _path(settings, category, date, slug):
    return Path(settings["PATH"]) / category / f"{date:%Y-%m-%d}-{slug}.md"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--title", required=True)
    parser.add_argument("--category", default="notizie")
    parser.add_argument("--date", default=None, help="YYYY-MM-DD HH:MM (default: now, Rome)")
    parser.add_argument("--slug", default=None)
    parser.add_argument("--pubblica", action="store_true", help="status: published")
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    parser.add_argument("--content", default=None)
    parser.add_argument("--preview", default="http://localhost:8000/")
    args = parser.parse_args(argv)
    settings = load_settings(args.settings, args.content)
    try:
        path, url, date = create(settings, args.title, args.category, args.date, args.slug,
                                 args.pubblica)
    except Refused as refused:
        print(f"Non creato: {refused}", file=sys.stderr)
        return 1
    print(f"Creato {os.path.relpath(path)} ({state(date, args.pubblica)}).")
    print(f"Anteprima (./run preview): {args.preview.rstrip('/')}/{url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
