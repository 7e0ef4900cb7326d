"""Validation and normalisation of front-matter values.

Input: a dict of raw values (YAML scalars and lists, or the native header's
strings). Output: values in the form Pelican's YAML reader processes, plus a
list of problems in editor-facing words (Italian / English).
"""

import os
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from plugins.italian import fix_apostrophes
from plugins.italian.dates import in_zone

# The keys of the editors' contract, and Pelican's own that the site accepts.
CONTRACT_KEYS = (
    "title", "date", "modified", "category", "tags", "author", "authors", "summary",
    "slug", "image", "image_alt", "attachments", "status",
    "lang", "template", "save_as", "url", "translation", "order",
)
STATUSES = ("published", "draft", "hidden")
TEXT_KEYS = ("title", "slug", "category", "author", "image", "image_alt", "status", "lang")
_DATE_HELP = "usa AAAA-MM-GG HH:MM, per esempio 2024-05-05 17:07 / use YYYY-MM-DD HH:MM"


def parse_date(value, timezone):
    """Parse a contract date; naive values are Rome time. Raises ValueError."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime(value.year, value.month, value.day)
    else:
        text = str(value).strip()
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?"
                            r"(Z|[+-]\d{2}:?\d{2})?", text):
            raise ValueError(text)
        parsed = datetime.fromisoformat(text.replace(" ", "T", 1))
    return in_zone(parsed, ZoneInfo(timezone))


def split_list(value):
    """A YAML list or comma-separated text -> list of non-empty strings."""
    if value is None:
        return []
    items = value if isinstance(value, (list, tuple)) else str(value).split(",")
    return [str(item).strip() for item in items if item is not None and str(item).strip()]


def unique_casefold(items):
    """Drop repeats that differ only in case, keeping the first spelling."""
    seen, result = set(), []
    for item in items:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            result.append(item)
    return result


def normalise(raw, *, is_page, settings):
    """Validate ``raw`` metadata; return (metadata, problems, warnings)."""
    meta, problems, warnings = {}, [], []
    known = {*CONTRACT_KEYS, *settings["FRONTMATTER_EXTRA_KEYS"]}
    for key, value in raw.items():
        key = str(key).strip().lower()
        if key not in known:
            warnings.append(f"chiave sconosciuta `{key}`, ignorata / unknown key `{key}`")
        if value is None or value == "" or value == []:
            continue
        if key in TEXT_KEYS:
            value = str(value).strip()
        meta[key] = value

    if not meta.get("title"):
        problems.append("manca il titolo (`title`) / missing `title`")
    else:
        meta["title"] = fix_apostrophes(str(meta["title"]))

    timezone = settings["TIMEZONE"]
    for key in ("date", "modified"):
        if key in meta:
            try:
                meta[key] = parse_date(meta[key], timezone)
            except ValueError:
                problems.append(
                    f"`{key}` non è una data valida ({meta[key]!s}): {_DATE_HELP}"
                    f" / `{key}` is not a valid date"
                )
                del meta[key]
    if "date" not in meta and not is_page and not any("`date`" in p for p in problems):
        problems.append("manca la data (`date`) / missing `date`")

    for key in ("tags", "authors"):
        if key in meta:
            meta[key] = unique_casefold(split_list(meta[key]))
    if "author" in meta and "authors" in meta:
        warnings.append("`author` e `authors` insieme: vale `authors` / both set, `authors` wins")
        del meta["author"]

    status = meta.get("status", "published").lower()
    if status not in STATUSES:
        problems.append(
            f"`status` sconosciuto ({meta['status']}): usa published, draft o hidden"
            f" / unknown `status`"
        )
    else:
        meta["status"] = status

    if "image" in meta:
        image_path = os.path.join(settings["PATH"], meta["image"].lstrip("/"))
        if not os.path.isfile(image_path):
            problems.append(
                f"l'immagine `image` non esiste: {meta['image']} / `image` file not found"
            )
        if not meta.get("image_alt"):
            problems.append(
                "`image` senza `image_alt`: scrivi il testo alternativo dell'immagine"
                " / `image` needs `image_alt`"
            )
    return meta, problems, warnings
