"""The values HTML allows in the allowlist's attributes that have a form: a language code,
a date, a number, one of a few words. An editor's ``lang="inglese"``, ``<time
datetime="15 giugno">`` or ``<details open="no">`` was published as written: the W3C
checker's "Bad value" (tests/test_html_validity.py), and a screen reader given a language
it does not know reads the words with the page's voice. The ARIA attributes (nh3 lets any
``aria-*`` through) likewise: only the global ones, where they are read (:data:`ARIA`,
:data:`UNNAMED`).

:func:`value_problem` says what form a value should have (the checker,
:class:`plugins.contract.body.Checker`, warns with it at the value's line);
:func:`published_value` is the value the sanitizer publishes: none (the attribute left
out: a browser ignores a value it cannot read) or, for a boolean attribute, present with
no value (as a browser reads ``open="no"``: open). :func:`unique_ids` leaves out an
``id`` the body has already (an editor's ``<div id="programma">`` and the heading
``## Programma``, whose id Markdown derives from its text): a link to it went to the
first, and the second was the W3C checker's "Duplicate ID". :func:`dated_times` leaves
out a ``<time>`` that has no date HTML can read, in its ``datetime`` or its text.
"""

import calendar
import re
from urllib.parse import urlsplit

from plugins.contract.nh3_html import ATTRIBUTE_RE, START_TAG_RE, start_tag

# BCP 47 (RFC 5646) as browsers and the W3C checker read it, the registry left out: a
# language of 2 or 3 letters, then subtags of letters and digits (it, en-GB, pt-BR,
# sr-Latn, es-419); "italiano", "it_IT" are not
_LANGUAGE_RE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{1,8})*|x(?:-[a-z0-9]{1,8})+", re.I)
_INTEGER_RE = re.compile(r"-?[0-9]+")
_DIGITS_RE = re.compile(r"[0-9]+")
# a MIME type, type/subtype and parameters (application/pdf, text/html; charset=utf-8)
_TOKEN = r"[!#$%&'*+.^_`|~0-9a-z-]+"
_MIME_RE = re.compile(rf"{_TOKEN}/{_TOKEN}(?:\s*;\s*{_TOKEN}=(?:{_TOKEN}|\"[^\"]*\"))*", re.I)

# The date and time strings of HTML's <time datetime> (HTML, "dates and times"): a year
# (2024), a month (2024-06), a date, a day of any year (06-15; not --06-15, which the
# W3C checker refuses), a time (18:30, 18:30:05.5),
# a date and time (2024-06-15T18:30 or with a space), with an offset (Z, +02:00), a week
# (2024-W24), a duration (PT1H30M, 1h 30m).
_DATE = r"(?P<y>[0-9]{4,})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})"
_TIME = r"(?P<h>[0-9]{2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2})(?:\.[0-9]{1,3})?)?"
_OFFSET = r"(?:Z|[+-](?P<oh>[0-9]{2}):?(?P<om>[0-9]{2}))"
_DATETIME_RES = [re.compile(pattern) for pattern in (
    r"(?P<y>[0-9]{4,})",
    r"(?P<y>[0-9]{4,})-(?P<m>[0-9]{2})",
    _DATE,
    r"(?P<m>[0-9]{2})-(?P<d>[0-9]{2})",
    _TIME,
    _DATE + r"[T ]" + _TIME + _OFFSET + "?",
    _OFFSET,
    r"(?P<y>[0-9]{4,})-W(?P<w>[0-9]{2})",
    r"P(?=[0-9T])(?:[0-9]+D)?(?:T(?=[0-9])(?:[0-9]+H)?(?:[0-9]+M)?(?:[0-9]+(?:\.[0-9]+)?S)?)?",
    r"\s*(?:[0-9]+(?:\.[0-9]+)?\s*[wdhms]\s*)+",
)]


def _valid_datetime(value):
    for pattern in _DATETIME_RES:
        match = pattern.fullmatch(value)
        if not match:
            continue
        parts = {key: int(found) for key, found in match.groupdict().items() if found}
        year, month = parts.get("y", 2000), parts.get("m", 1)  # a day of any year: 29 ok
        return (year > 0 and 1 <= month <= 12
                and 1 <= parts.get("d", 1) <= calendar.monthrange(year if "y" in parts
                                                                  else 2000, month)[1]
                and parts.get("h", 0) < 24 and parts.get("mi", 0) < 60
                and parts.get("s", 0) < 60 and parts.get("oh", 0) < 24
                and parts.get("om", 0) < 60
                and (1 <= parts["w"] <= 53 if "w" in parts else True))
    return False


def _between(low, high):
    return lambda value: bool(_DIGITS_RE.fullmatch(value)) and low <= int(value) <= high


def _pixels_or_percent(value):
    return bool(re.fullmatch(r"[0-9]{1,9}%?", value))


def _one_of(*words, case=False):
    return lambda value: (value if case else value.lower()) in words


BOOLEAN = {("details", "open"), ("ol", "reversed"), ("iframe", "allowfullscreen")}
# (tag or "*", attribute) -> (is the value valid, what it should be: for the message)
RULES = {
    ("*", "lang"): (lambda value: value == "" or bool(_LANGUAGE_RE.fullmatch(value)),
                    "un codice di lingua come en, fr o de"),
    ("a", "hreflang"): (lambda value: value == "" or bool(_LANGUAGE_RE.fullmatch(value)),
                        "un codice di lingua come en, fr o de"),
    ("*", "dir"): (_one_of("ltr", "rtl", "auto"), "ltr, rtl o auto"),
    ("*", "translate"): (_one_of("yes", "no", ""), "no (o yes)"),
    ("*", "id"): (lambda value: value != "" and not re.search(r"[\t\n\f\r ]", value),
                  "un nome senza spazi"),
    ("time", "datetime"): (_valid_datetime, "una data come 2024-06-15, o 2024-06-15T18:30"),
    ("ol", "start"): (lambda value: bool(_INTEGER_RE.fullmatch(value)), "un numero intero"),
    ("li", "value"): (lambda value: bool(_INTEGER_RE.fullmatch(value)), "un numero intero"),
    ("ol", "type"): (_one_of("1", "a", "A", "i", "I", case=True), "1, a, A, i o I"),
    ("td", "colspan"): (_between(1, 1000), "un numero da 1 a 1000"),
    ("th", "colspan"): (_between(1, 1000), "un numero da 1 a 1000"),
    ("td", "rowspan"): (_between(0, 65534), "un numero da 0 a 65534"),
    ("th", "rowspan"): (_between(0, 65534), "un numero da 0 a 65534"),
    ("col", "span"): (_between(1, 1000), "un numero da 1 a 1000"),
    ("colgroup", "span"): (_between(1, 1000), "un numero da 1 a 1000"),
    ("th", "scope"): (_one_of("row", "col", "rowgroup", "colgroup"),
                      "row, col, rowgroup o colgroup"),
    ("a", "type"): (lambda value: bool(_MIME_RE.fullmatch(value.strip())),
                    "un tipo di file come application/pdf"),
    ("iframe", "loading"): (_one_of("lazy", "eager"), "lazy o eager"),
    # a percentage too, where HTML wants pixels: a player's embed code says width="100%"
    # (its height in pixels), every browser reads it, and the theme's CSS keeps such a
    # frame's height (base.css, .prose iframe); left out, the frame was 300 px wide
    ("iframe", "width"): (_pixels_or_percent, "un numero di pixel, come 560"),
    ("iframe", "height"): (_pixels_or_percent, "un numero di pixel, come 315"),
    ("iframe", "referrerpolicy"): (_one_of(
        "", "no-referrer", "no-referrer-when-downgrade", "same-origin", "origin",
        "strict-origin", "origin-when-cross-origin", "strict-origin-when-cross-origin",
        "unsafe-url"), "strict-origin-when-cross-origin o un'altra regola di HTML"),
    **{key: (lambda value, name=key[1]: value == "" or value.lower() == name,
             f"vuoto: <{key[0]} {key[1]}>, senza valore") for key in BOOLEAN},
}


# The ARIA attributes an element without a role may have (nh3 lets any aria-* through;
# the allowlist has no role): ARIA 1.2's global states and properties, the deprecated
# ones left out. Any other (aria-foo, aria-checked: a checkbox's) is not published.
_ANY = (lambda value: True, "")
_TRUE_FALSE = (_one_of("true", "false", case=True), "true o false")
ARIA = {  # (their words in lower case: POLITE is not polite)
    "aria-hidden": (_one_of("true", "false", "undefined", case=True), "true o false"),
    "aria-atomic": _TRUE_FALSE, "aria-busy": _TRUE_FALSE,
    "aria-live": (_one_of("off", "polite", "assertive", case=True), "off, polite o assertive"),
    "aria-current": (_one_of("page", "step", "location", "date", "time", "true", "false",
                             case=True), "page, step, location, date, time, true o false"),
    "aria-relevant": (lambda value: bool(value.split()) and all(
        word in ("additions", "removals", "text", "all") for word in value.split()),
        "additions, removals, text o all"),
    **{name: _ANY for name in (
        "aria-label", "aria-labelledby", "aria-describedby", "aria-description",
        "aria-details", "aria-controls", "aria-owns", "aria-flowto", "aria-keyshortcuts",
        "aria-roledescription", "aria-braillelabel", "aria-brailleroledescription")},
}
# Elements whose role ARIA gives no name (generic, paragraph, emphasis, strong, code,
# deletion, insertion, subscript, superscript, caption, mark, time) or that have no role:
# an aria-label there is read by no screen reader, and the W3C checker calls it an error.
UNNAMED = {"span", "div", "p", "b", "i", "u", "s", "small", "samp", "em", "strong", "code",
           "del", "ins", "sub", "sup", "caption", "abbr", "kbd", "mark", "time", "q", "cite",
           "pre", "var", "figcaption"}
NAMING = {"aria-label", "aria-labelledby", "aria-braillelabel"}


def aria_problem(tag, name):
    """Why the ARIA attribute ``name`` has no place in ``<tag>`` (``""``: it has)."""
    if name not in ARIA:
        return (f"attributo per i lettori di schermo non valido qui: {name} in <{tag}> (vale"
                " solo per elementi con un ruolo, role, che il testo non ammette); non viene"
                f" pubblicato: toglilo / ARIA attribute {name} not allowed in <{tag}>")
    if name in NAMING and tag in UNNAMED:
        return (f"attributo per i lettori di schermo non valido qui: {name} in <{tag}> (un"
                f" lettore di schermo non lo legge: il nome si dà a un link, <a {name}=\"…\">);"
                f" non viene pubblicato: toglilo / ARIA attribute {name} not allowed in <{tag}>")
    return ""


def _rule(tag, name):
    if name.startswith("aria-"):
        return ARIA.get(name)
    return RULES.get((tag, name)) or RULES.get(("*", name))


def value_problem(tag, name, value):
    """The warning for ``name="value"`` in ``<tag>`` when HTML does not allow the value
    (what it should be, and what is published), else ``""``."""
    if name.startswith("aria-") and (misplaced := aria_problem(tag, name)):
        return misplaced
    rule = _rule(tag, name)
    if rule is None or rule[0](value):
        return ""
    published = (f"è pubblicato come <{tag} {name}> (lo stesso, per il browser); se non"
                 f" lo vuoi, togli {name}") if (tag, name) in BOOLEAN else \
        "l'attributo non viene pubblicato"
    return (f"valore non valido per l'HTML: {name}=\"{value}\" in <{tag}> (deve essere"
            f" {rule[1]}); {published} / invalid HTML value: {name}=\"{value}\" in <{tag}>")


def published_value(tag, name, value):
    """``value`` as published: itself when valid (or without a rule), ``""`` for a
    boolean attribute's, else ``None`` (left out). A quote's source (``cite``, never
    shown) with its spaces as ``%20``, as a browser sends them; left out when it is no
    address at all (``http://[bad``: nh3 checks ``href`` and ``src``, not ``cite``, and
    the feeds' :func:`plugins.feeds.addresses.absolute_url` stopped the build with a
    traceback)."""
    if name.startswith("aria-") and aria_problem(tag, name):
        return None
    if name == "cite":
        cite = re.sub(r"[\t\n\f\r ]+", "%20", value.strip())
        try:
            urlsplit(cite)  # http://[bad: the feeds' absolute addresses stopped the build
        except ValueError:
            return None
        return cite
    rule = _rule(tag, name)
    if rule is None or rule[0](value):
        return value
    return "" if (tag, name) in BOOLEAN else None


def unique_ids(html):
    """The (sanitized) body without an ``id`` it has earlier (the first kept)."""
    if html.count(' id="') < 2:
        return html
    seen = set()

    def tag(match):
        attributes = ATTRIBUTE_RE.findall(match[2])
        kept = []
        for name, value in attributes:
            if name == "id":
                if value in seen:
                    continue
                seen.add(value)
            kept.append((name, value))
        return match[0] if kept == attributes else start_tag(match[1], kept, match[3])

    return START_TAG_RE.sub(tag, html)


# a <time> without its date (none written, or left out: not valid), around text alone
_BARE_TIME_RE = re.compile(r"<time>([^<]*)</time>")


def dated_times(html):
    """The (sanitized) body without a ``<time>`` that has no ``datetime`` and a text that
    is not a date either (HTML wants one or the other): its text alone."""
    if "<time>" not in html:
        return html
    return _BARE_TIME_RE.sub(
        lambda match: match[0] if _valid_datetime(match[1].strip()) else match[1], html)
