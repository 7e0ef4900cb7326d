"""A long title said in the web editor (Decap CMS at /admin/ in headless Chromium, its local
backend as in test_admin_browser.py). Past 110 characters the build and ``./run check``
warn "titolo lungo" (lists, shared links and search engines cut it), and an editor who
only uses the web editor never saw it: the item's «Titolo» now says it under the field,
counted as the build counts it, with the build's limit (the page's data-title-length,
plugins/contract/schema.py's TITLE_WARNING_LENGTH), and the save goes on (a warning, not
a refusal).

One editor session: an item written with git opened; titles typed in «Titolo», each
compared with what the build says of it (``long_title``): one over the limit, one at the
limit with an emoji (one character to the build, two of JavaScript's), one at the limit
with a run of spaces (one space to the build); the limit crossed letter by letter from
the keyboard (the field keeps the caret as the hint comes and goes); "Pubblica ora" with
the long title: saved; the file saved is read.
"""

import re
from dataclasses import dataclass, field

import pytest
import yaml

from browser_support import collect_errors
from plugins.contract.schema import TITLE_WARNING_LENGTH, long_title
from test_admin_browser import FIRST_LOAD_MS, UI_MS, editor_browser, publish_item

pytestmark = pytest.mark.browser

ITEM = "notizie/2025-02-03-festa-del-quartiere.md"
CONTENT = {ITEM: "---\ntitle: Festa del quartiere\ndate: 2025-02-03 10:00\n---\n\n"
                 "La festa è aperta a tutti.\n"}
START = "Festa dell'estate al Civic Center di Crema: musica, giochi e laboratori per tutti"


def padded(text, length, fill=" e ancora giochi"):
    """``text`` made ``length`` characters long with words of ``fill``."""
    while len(text) < length:
        text += fill
    return text[:length].rstrip() + "x" * (length - len(text[:length].rstrip()))


LONG = padded(START, TITLE_WARNING_LENGTH + 1)  # one character over
# at the limit for the build, over it for JavaScript's length: an emoji is two UTF-16 units
EMOJI = padded(START, TITLE_WARNING_LENGTH - 1) + "\U0001f389"
# at the limit once its run of spaces is one space, as the build reads it
SPACED = padded(START, TITLE_WARNING_LENGTH).replace(": ", ":   ", 1)
TITLES = {"long": LONG, "emoji": EMOJI, "spaced": SPACED}
# the hint's words (the build's, "titolo lungo (…): …; accorcialo") and its count
HINT_RE = re.compile(r"Titolo lungo \((\d+) caratteri, consigliati al massimo (\d+)\)")
HINT = "p[data-titolo-lungo]"


@dataclass
class Shown:
    hints: dict = field(default_factory=dict)  # title's key -> the hint's text or ""
    described: dict = field(default_factory=dict)  # title's key -> the hint describes «Titolo»
    typed: list = field(default_factory=list)  # crossing the limit: (value, hint, focused)
    saved: str = ""  # the item's file after "Pubblica ora"
    notice: str = ""
    errors: list = field(default_factory=list)


@pytest.fixture(scope="module")
def shown(tmp_path_factory):
    from playwright.sync_api import expect  # noqa: PLC0415

    work = tmp_path_factory.mktemp("titolo")
    seen = Shown()
    expect.set_options(timeout=UI_MS)
    try:
        with editor_browser(work, CONTENT) as (site, browser):
            page = browser.new_context(locale="it-IT",
                                       timezone_id="Europe/Rome").new_page()
            collect_errors(page, seen.errors)
            name = ITEM.split("/")[1].removesuffix(".md")
            page.goto(f"http://{site.web}/admin/#/collections/notizie/entries/{name}")
            page.get_by_role("button", name="Accedi").click(timeout=FIRST_LOAD_MS)
            title = page.get_by_label("Titolo", exact=True)
            expect(title).to_have_value("Festa del quartiere")
            hint = page.locator(HINT)
            expect(hint).to_have_count(0)
            for key, text in TITLES.items():
                title.fill(text)
                expect(title).to_have_value(text)
                if long_title(text):
                    expect(hint).to_be_visible()
                else:
                    expect(hint).to_have_count(0)
                seen.hints[key] = hint.inner_text() if hint.count() else ""
                seen.described[key] = title.evaluate(
                    "(input) => Boolean(input.getAttribute('aria-describedby'))"
                    " && input.getAttribute('aria-describedby')"
                    " === (document.querySelector('p[data-titolo-lungo]') || {}).id")
            # the limit crossed from the keyboard, and crossed back
            title.fill(LONG[:-1])
            title.press("End")
            for key in (LONG[-1], "!", "Backspace", "Backspace"):
                if len(key) == 1:
                    page.keyboard.type(key)
                else:
                    page.keyboard.press(key)
                seen.typed.append((title.input_value(), hint.count(), title.evaluate(
                    "(input) => document.activeElement === input")))
            title.fill(LONG)
            expect(hint).to_be_visible()
            publish_item(page)
            notice = page.get_by_text("Voce salvata")
            expect(notice).to_be_visible()
            seen.notice = notice.inner_text()
    finally:
        expect.set_options(timeout=None)
    seen.saved = (site.repo / "content" / ITEM).read_text(encoding="utf-8")
    return seen


def test_a_title_over_the_limit_is_said_under_its_field_as_the_build_says_it(shown):
    hint = shown.hints["long"]
    warning = long_title(LONG)
    assert warning, LONG  # the build warns
    found = HINT_RE.search(hint)
    assert found, hint
    # the same count and limit as the build's warning, in its words
    assert found.groups() == re.search(r"\((\d+) caratteri, consigliati al massimo (\d+)\)",
                                       warning).groups()
    assert int(found[2]) == TITLE_WARNING_LENGTH
    assert "negli elenchi, nelle condivisioni e nei motori di ricerca verrebbe tagliato" \
        in hint, hint
    assert shown.described["long"], "the hint is not the title's description"


def test_a_title_the_build_does_not_warn_about_has_no_hint(shown):
    """An emoji is one character to the build (two of JavaScript's string length), and a
    run of spaces one space: at the limit, no warning from the build, no hint here."""
    assert len(EMOJI) == TITLE_WARNING_LENGTH and len(EMOJI.encode("utf-16-le")) // 2 > \
        TITLE_WARNING_LENGTH
    assert len(SPACED) > TITLE_WARNING_LENGTH
    for key in ("emoji", "spaced"):
        assert long_title(TITLES[key]) is None, key
        assert shown.hints[key] == "", (key, shown.hints[key])
        assert not shown.described[key], key


def test_the_hint_comes_and_goes_as_the_editor_types_keeping_the_field(shown):
    values = [value for value, _, _ in shown.typed]
    assert values == [LONG, LONG + "!", LONG, LONG[:-1]], values
    assert [count for _, count, _ in shown.typed] == [1, 1, 1, 0], shown.typed
    assert all(focused for _, _, focused in shown.typed), shown.typed


def test_a_long_title_is_saved_all_the_same(shown):
    assert shown.notice == "Voce salvata"
    assert yaml.safe_load(shown.saved.split("---\n")[1])["title"] == LONG, shown.saved


def test_the_session_had_no_error(shown):
    assert shown.errors == [], "\n".join(shown.errors)
