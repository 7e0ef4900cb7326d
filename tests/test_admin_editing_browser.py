"""The web editor's shorter walks, each an editor's few steps in Decap CMS at /admin/
(headless Chromium; its local backend, decap-server writing into a temporary git working
copy, as in test_admin_browser.py), all on one editor site: its content (CONTENT) holds
each walk's items, written with git; the site is built once, decap-server and Chromium
started once, and the web editor's page loaded and logged in once (its 5 MB script parsed
once, a few seconds on a busy machine): each walk goes to its list by the page's address,
and from there to its item by the item's link, as an editor does (:meth:`Editor.walk`),
and leaves the page as it found it (no notice left open; the window's size and motion
settings are each walk's own). A walk that fails closes the page: the next one loads it
again.

- Focus Not Obscured (WCAG 2.4.11): a collection's list tabbed down and back up, on a
  computer and on a phone (``tabbed``);
- a part of a web page with a picture pasted and dropped into the text (``paste``);
- titles typed into «Titolo», the hint of a long title (``shown``);
- a save stopped by a field's error: the field shown and focused, why said (``stopped``);
- the round trip: an item whose text uses everything the editors' guide allows, one word
  changed, saved; the built page the same but for that word (``roundtrip``).

Each walk saves only its own item; the build after the round trip's save has the other
walks' items as written with git (their saves are theirs to check), so the walks may run
in any order, or alone (``-k``).
"""

import contextlib
import difflib
import re
import shutil
import struct
from dataclasses import dataclass, field

import pytest
import yaml

from browser_support import collect_errors
from plugins.contract.schema import TITLE_WARNING_LENGTH, long_title
from samples import pdf
from support import build_site
from test_admin_browser import (ARRIVED_JS, FIRST_LOAD_MS, LIVE_REGIONS_JS, QUICK,
                                TAKEN_BYTES, UI_MS, editor_browser, publish_item,
                                slate_ready)

pytestmark = pytest.mark.browser

WINDOW = (1280, 720)  # Playwright's own default, the walks' window but the focus walk's


class Editor:
    """The module's editor site and Chromium (:func:`editor_browser`), and the web editor's
    page its walks share (loaded and logged in by the first walk)."""

    def __init__(self, site, browser):
        self.site = site
        self.browser = browser
        self.page = None
        self.errors = []  # the page's console errors, uncaught errors and failed requests

    @contextlib.contextmanager
    def walk(self, address, errors, window=WINDOW, reduced_motion="no-preference"):
        """The page at /admin/#``address`` in a ``window`` (width, height) and with
        ``reduced_motion``, Playwright's ``expect`` waiting UI_MS; what goes wrong on the
        page meanwhile goes into ``errors``. After the walk, Decap's notices are closed;
        a walk that raises closes the page."""
        from playwright.sync_api import expect  # noqa: PLC0415

        expect.set_options(timeout=UI_MS)
        first = self.page is None
        if first:
            context = self.browser.new_context(locale="it-IT", timezone_id="Europe/Rome")
            context.grant_permissions(["clipboard-read", "clipboard-write"],
                                      origin=f"http://{self.site.web}")
            context.add_init_script(LIVE_REGIONS_JS)  # for ARRIVED_JS
            self.page = context.new_page()
            collect_errors(self.page, self.errors)
        page = self.page
        start = len(self.errors)
        try:
            if not first:  # as the last walk left it: no notice of its own open
                expect(page.locator(".Toastify__toast, .avvisi")).to_have_count(0)
            page.set_viewport_size({"width": window[0], "height": window[1]})
            page.emulate_media(reduced_motion=reduced_motion)
            if first or "/entries/" not in address:
                page.goto(f"http://{self.site.web}/admin/#{address}")
            else:  # by the item's link in its list: Decap's editor, gone to another
                # item's address, kept the item it had (its title, its text)
                page.goto(f"http://{self.site.web}/admin/#{address.split('/entries/')[0]}")
                page.locator(f'a[href$="#{address}"]').click()
            if first:
                page.get_by_role("button", name="Accedi").click(timeout=FIRST_LOAD_MS)
            yield page
            page.evaluate("""document.querySelectorAll('.Toastify__close-button')
                             .forEach(button => button.click())""")
            expect(page.locator(".Toastify__toast")).to_have_count(0)
        except BaseException:
            self.page = None
            # (a listener's error again, raised by close, would replace the walk's)
            with contextlib.suppress(Exception):
                page.context.close()
            raise
        finally:
            errors.extend(self.errors[start:])
            expect.set_options(timeout=None)


def entry(item):
    """The web editor's address of ``item`` (a path under content/)."""
    collection, name = item.split("/")
    return f"/collections/{collection}/entries/{name.removesuffix('.md')}"


# --- Focus Not Obscured (WCAG 2.4.11) ---------------------------------------------------
# Decap's header (the collections, "Media", "Aggiunta veloce", the account) is sticky at
# the top of the page: 56 px tall on a computer, two rows on a phone. Going back up the
# list of items with Shift+Tab, the browser scrolled each item just into the window, under
# that header, which hid it whole. banner.js keeps the header's height clear at the top
# (scroll-padding). The walk: the list of Notizie (LISTED's 16 items and the other walks'
# items: 21), in a short window on a computer and on a phone; Tab through the page, then
# Shift+Tab back up, 40 times each (more than the page's controls and items: every one of
# them is reached, from wherever the focus starts); each control focused must be in the
# window with nothing laid over it.

LISTED = {f"notizie/2025-03-{day:02d}-incontro-{day}.md":
          f"---\ntitle: Incontro numero {day} al Civic Center\ndate: 2025-03-{day:02d} 10:00"
          "\n---\n\nTesto.\n" for day in range(1, 17)}
# The focused control (inside a shadow root or not): a name for messages, its box, and
# which of five points of it (centre, near each side) the topmost element is not it nor
# inside it, or is outside the window; null when nothing is (the page's body).
FOCUSED = """() => {
    const element = document.activeElement;
    if (element === document.body) return null;
    const box = element.getBoundingClientRect();
    const covered = [];
    for (const [across, down] of [[0.5, 0.5], [0.1, 0.5], [0.9, 0.5], [0.5, 0.2], [0.5, 0.8]]) {
        const x = box.left + box.width * across, y = box.top + box.height * down;
        const top = y >= 0 && y < innerHeight && x >= 0 && x < innerWidth
            ? document.elementFromPoint(x, y) : null;
        if (!top || !element.contains(top))
            covered.push(top ? top.tagName.toLowerCase() + '.' + String(top.className).slice(-30)
                         : 'outside the window');
    }
    return {name: element.tagName.toLowerCase() + ' '
                  + (element.getAttribute('aria-label') || element.textContent.trim()).slice(0, 40),
            box: [box.left, box.top, box.right, box.bottom].map(Math.round), covered};
}"""
SIZES = {"computer": (1280, 500), "phone": (390, 600)}


@pytest.fixture(scope="module")
def tabbed(editor):
    """{size: {"Tab": [focused…], "Shift+Tab": [focused…]}} and the walk's errors."""
    from playwright.sync_api import expect  # noqa: PLC0415

    found, errors = {}, []
    for size, window in SIZES.items():
        with editor.walk("/collections/notizie", errors, window, reduced_motion="reduce") \
                as page:
            listed = page.get_by_role("link", name="Incontro numero 1 al Civic Center",
                                      exact=True)
            expect(listed).to_be_visible()
            found[size] = {}
            for key in ("Tab", "Shift+Tab"):
                found[size][key] = []
                for _ in range(40):
                    page.keyboard.press(key)
                    focused = page.evaluate(FOCUSED)
                    if focused:  # else past the page's end, or before its start
                        found[size][key].append(focused)
    return found, errors


@pytest.mark.parametrize("size", SIZES)
def test_going_back_up_the_list_no_item_is_hidden_under_decaps_header(tabbed, size):
    found, _ = tabbed
    names = [focused["name"] for focused in found[size]["Shift+Tab"]]
    # the whole list, down and back up (the page scrolls on both sizes)
    for day in range(1, 17):
        assert f"a Incontro numero {day} al Civic Center" in names, (day, names)
    for key in ("Tab", "Shift+Tab"):
        hidden = [focused for focused in found[size][key] if focused["covered"]]
        assert hidden == [], (size, key, hidden)


def test_the_list_walk_had_no_error(tabbed):
    _, errors = tabbed
    assert errors == []


# --- A part of a web page pasted into the text ------------------------------------------
# Copying a paragraph with a picture puts on the clipboard HTML with an <img>, and Decap's
# rich-text editor turned it into an image node its own renderer cannot draw (its paste
# code gives the node an ``url``, the renderer reads ``element.data.url``): the whole
# editor became Decap's error page ("TypeError: Cannot destructure property 'url' of
# 'e.element.data'"), the unsaved work out of sight. admin.js takes the pictures out of
# the pasted HTML, the rest of the paste arrives, and a notice says how to add a picture
# ("＋" menu, "Immagine"). A picture of a web page dragged into the text brought the same
# error page (Decap's editor takes a drop's HTML as a paste's): a drop is handled the
# same way.
# The walk: an item written with git opened, a new paragraph at the end of its text, the
# clipboard's HTML (with its plain text, as a browser puts both) pasted with Control+V;
# the notice closed; HTML with a picture dropped at the end of the text; "Pubblica ora";
# the file saved is read.

PASTE_ITEM = "notizie/2025-02-10-festa-della-musica.md"
FIRST = "La festa è aperta a tutti."
PASTED_INTO = {PASTE_ITEM: "---\ntitle: Festa della musica\ndate: 2025-02-10 10:00\n---\n\n"
                           + FIRST + "\n"}
# a paragraph of a web page with its picture, copied: the clipboard's HTML and plain text
HTML = ('<meta charset="utf-8"><p>Una foto <img src="https://example.org/foto.jpg"'
        ' alt="Il cortile"> del <strong>cortile</strong>.</p>')
PLAIN = "Una foto del cortile."
NOTICE = "L'immagine non è stata incollata"
# a picture dragged from another window with the text next to it
DROPPED = '<p>Come arrivare <img src="data:image/png;base64,iVBORw0KGgo=" alt="La mappa"></p>'
# a drop of ``html`` (and its plain text) at the end of the text's last paragraph, as the
# browser sends it (a drag from another window cannot be made in headless Chromium)
DROP_JS = """([html, plain]) => {
  const paragraph = [...document.querySelectorAll('[data-slate-editor="true"] p')].pop();
  const at = paragraph.getBoundingClientRect();
  const data = new DataTransfer();
  data.setData("text/html", html);
  data.setData("text/plain", plain);
  paragraph.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true,
    cancelable: true, clientX: at.right - 1, clientY: at.top + at.height / 2}));
}"""


@dataclass
class Paste:
    text: str  # the text's box after the paste (its inner text)
    notice: str  # the notice shown after the paste
    dropped: str  # the text's box after the drop
    drop_notice: str  # the notice shown after the drop
    saved: str  # the item's file after "Pubblica ora"
    errors: list  # the page's console errors, uncaught errors and failed requests
    arrived: list = ()  # the notice's live region: its text when it arrived


@pytest.fixture(scope="module")
def paste(editor):
    from playwright.sync_api import expect  # noqa: PLC0415

    errors = []
    with editor.walk(entry(PASTE_ITEM), errors) as page:
        text = page.locator('[data-slate-editor="true"]')
        expect(text.locator("p").first).to_have_text(FIRST)
        text.locator("p").first.click()
        page.keyboard.press("End")
        slate_ready(page, "selection.synced && selection.atEnd")
        page.keyboard.press("Enter")
        slate_ready(page, "selection.synced && selection.leaf === ''")
        page.evaluate("""async ([html, plain]) => navigator.clipboard.write([
            new ClipboardItem({"text/html": new Blob([html], {type: "text/html"}),
                               "text/plain": new Blob([plain], {type: "text/plain"})
            })])""", [HTML, PLAIN])
        page.keyboard.press("Control+V")
        expect(text).to_contain_text("cortile")
        notice = page.get_by_role("status").filter(has_text=NOTICE)
        expect(notice).to_be_visible()
        pasted = Paste(text.inner_text(), notice.inner_text(), "", "", "", errors,
                       page.evaluate(ARRIVED_JS, NOTICE))
        notice.get_by_role("button", name="Chiudi").click()
        expect(notice).to_have_count(0)
        page.evaluate(DROP_JS, [DROPPED, "Come arrivare"])
        expect(text).to_contain_text("Come arrivare")
        drop_notice = page.get_by_role("status").filter(has_text="«La mappa»")
        expect(drop_notice).to_be_visible()
        pasted.dropped, pasted.drop_notice = text.inner_text(), drop_notice.inner_text()
        publish_item(page)
        expect(page.get_by_text("Voce salvata")).to_be_visible()
        drop_notice.get_by_role("button", name="Chiudi").click()
        expect(drop_notice).to_have_count(0)
    pasted.saved = (editor.site.repo / "content" / PASTE_ITEM).read_text(encoding="utf-8")
    return pasted


def test_the_text_pasted_arrives_without_its_picture(paste):
    lines = [line.strip() for line in paste.text.splitlines() if line.strip()]
    assert lines[0] == FIRST
    assert lines[1:] == ["Una foto del cortile."], paste.text


def test_the_text_dropped_arrives_without_its_picture(paste):
    assert "Come arrivare" in paste.dropped, paste.dropped
    assert paste.dropped.startswith(FIRST), paste.dropped
    assert NOTICE in paste.drop_notice, paste.drop_notice


def test_a_notice_says_the_picture_was_not_pasted_and_how_to_add_one(paste):
    assert "«Il cortile»" in paste.notice, paste.notice  # the picture's description
    assert "＋" in paste.notice and "«Immagine»" in paste.notice, paste.notice


def test_the_notice_is_read_out_by_screen_readers(paste):
    """The notice is a live region (a status): a screen reader reads out its changes, not
    the text it arrives with. It came with its text, and a screen reader user never heard
    that the picture was not pasted; it arrives empty and then says it."""
    assert paste.arrived == [""], paste.arrived


def test_the_item_is_saved_with_the_text_pasted(paste):
    body = paste.saved.split("---\n", 2)[2]
    assert FIRST in body
    assert "\n\nUna foto del **cortile**." in body, body
    assert "Come arrivare" in body, body
    assert "example.org" not in body and "data:" not in body, body
    assert "![" not in body and "<img" not in body, body


def test_the_paste_walk_had_no_error(paste):
    assert paste.errors == [], "\n".join(paste.errors)


# --- A long title ------------------------------------------------------------------------
# Past 110 characters the build and ``./run check`` warn "titolo lungo" (lists, shared
# links and search engines cut it), and an editor who only uses the web editor never saw
# it: the item's «Titolo» now says it under the field, counted as the build counts it,
# with the build's limit (the page's data-title-length, plugins/contract/schema.py's
# TITLE_WARNING_LENGTH), and the save goes on (a warning, not a refusal).
# The walk: an item written with git opened; titles typed in «Titolo», each compared with
# what the build says of it (``long_title``): one over the limit, one at the limit with an
# emoji (one character to the build, two of JavaScript's), one at the limit with a run of
# spaces (one space to the build); the limit crossed letter by letter from the keyboard
# (the field keeps the caret as the hint comes and goes); "Pubblica ora" with the long
# title: saved; the file saved is read.

TITLE_ITEM = "notizie/2025-02-17-mercatino-del-riuso.md"
FIRST_TITLE = "Mercatino del riuso"
TITLED = {TITLE_ITEM: f"---\ntitle: {FIRST_TITLE}\ndate: 2025-02-17 10:00\n---\n\n"
                      "Il mercatino è aperto a tutti.\n"}
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
def shown(editor):
    from playwright.sync_api import expect  # noqa: PLC0415

    seen = Shown()
    with editor.walk(entry(TITLE_ITEM), seen.errors) as page:
        title = page.get_by_label("Titolo", exact=True)
        expect(title).to_have_value(FIRST_TITLE)
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
    seen.saved = (editor.site.repo / "content" / TITLE_ITEM).read_text(encoding="utf-8")
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


def test_the_title_walk_had_no_error(shown):
    assert shown.errors == [], "\n".join(shown.errors)


# --- A save stopped by a field's error -------------------------------------------------
# Decap checks the form's rules (a required field, the Slug's pattern) when "Pubblica ora"
# is chosen and saves nothing; it wrote why only above the field, out of sight once the
# text is being written (the form scrolled to its end). For a Slug not written as a slug
# it gave no notice at all: the save did nothing, as far as the editor could see; for a
# field left empty, a notice that "a" field was missing. field-errors.js scrolls to the
# first field in error and focuses it, and says why when Decap did not (phrases.js words
# Decap's own notice). The walk: an item written with git, given a bad Slug, then no
# title, each saved with the text's box focused; last, written right, saved.

STOPPED_ITEM = "notizie/2025-02-24-festa-d-estate-al-cortile.md"
STOPPED_TITLE = "Festa d'estate al cortile"
STOPPED = {STOPPED_ITEM: f"---\ntitle: {STOPPED_TITLE}\ndate: 2025-02-24 10:00\n---\n\n"
                         "Musica e giochi per tutti nel cortile del Civic Center.\n"}
BAD_SLUG = "Festa d'Estate"
FIXED_SLUG = "festa-d-estate-2025"


@dataclass
class Stopped:
    notices: dict = field(default_factory=dict)  # case -> the notices' texts
    focused: dict = field(default_factory=dict)  # case -> the focused field is the one
    seen: dict = field(default_factory=dict)  # case -> the field is in the window
    unsaved: str = ""  # the item's file after the refusals
    saved: str = ""  # the item's file once written right
    errors: list = field(default_factory=list)


@pytest.fixture(scope="module")
def stopped(editor):
    from playwright.sync_api import expect  # noqa: PLC0415

    seen = Stopped()
    path = editor.site.repo / "content" / STOPPED_ITEM
    with editor.walk(entry(STOPPED_ITEM), seen.errors, window=(1280, 600)) as page:
        title = page.get_by_label("Titolo", exact=True)
        slug = page.get_by_label("Slug (fine dell'indirizzo)")
        body = page.locator('[data-slate-editor="true"]')
        expect(title).to_have_value(STOPPED_TITLE)
        for case, field_ in (("slug", slug), ("title", title)):
            if case == "slug":
                slug.fill(BAD_SLUG)
            else:
                slug.fill("")
                title.fill("")
            body.click()  # the text's box: the form scrolled down to it
            slate_ready(page, "selection.synced")
            publish_item(page)
            notice = page.locator(".Toastify__toast")
            expect(notice).to_have_count(1)
            # (Decap's check, then the field focused: the task after the choice's)
            page.wait_for_function("() => document.activeElement"
                                   " && document.activeElement.tagName === 'INPUT'")
            seen.notices[case] = notice.all_inner_texts()
            seen.focused[case] = field_.evaluate("(input) => document.activeElement === input")
            seen.seen[case] = field_.evaluate(
                "(input) => { const box = input.getBoundingClientRect();"
                " return box.top >= 0 && box.bottom <= innerHeight; }")
            page.evaluate("""document.querySelectorAll('.Toastify__close-button')
                             .forEach(button => button.click())""")
            expect(notice).to_have_count(0)
        seen.unsaved = path.read_text(encoding="utf-8")
        title.fill(STOPPED_TITLE)
        slug.fill(FIXED_SLUG)
        publish_item(page)
        expect(page.get_by_text("Voce salvata")).to_be_visible()
    seen.saved = path.read_text(encoding="utf-8")
    return seen


def test_a_slug_not_written_as_one_stops_the_save_saying_why(stopped):
    notices = stopped.notices["slug"]
    assert len(notices) == 1 and notices[0].startswith(
        "Salvataggio della voce non riuscito: il campo «Slug (fine dell'indirizzo)» non"
        " è scritto come serve: solo lettere minuscole"), notices


def test_a_title_left_empty_stops_the_save_saying_where_to_look(stopped):
    assert stopped.notices["title"] == [
        "Salvataggio della voce non riuscito: manca un campo obbligatorio, segnato in"
        " rosso nel modulo."], stopped.notices["title"]


def test_the_field_in_error_is_brought_into_view_and_focused(stopped):
    assert stopped.focused == {"slug": True, "title": True}, stopped.focused
    assert stopped.seen == {"slug": True, "title": True}, stopped.seen


def test_nothing_is_saved_until_the_fields_are_right_and_then_it_is(stopped):
    assert stopped.unsaved == STOPPED[STOPPED_ITEM]
    front = yaml.safe_load(stopped.saved.split("---\n")[1])
    assert (front["title"], front["slug"]) == (STOPPED_TITLE, FIXED_SLUG), stopped.saved


def test_the_stopped_save_walk_had_no_error(stopped):
    assert stopped.errors == [], "\n".join(stopped.errors)


# --- «Stato» cannot be emptied -------------------------------------------------------
# Decap's «Stato» select had a "×" that cleared it: the item was saved with `status: null`,
# and the build published it (now it refuses an empty `status`, schema.py).
# select-widget.js draws it without the "×" (nor clears it with Backspace) and shows an
# item written without `status` as «Pubblicato», as the build reads it; saved, that item
# keeps no `status` (the field is a required one, labelled «Stato», not «Stato
# (opzionale)»: its shown default passes Decap's "required field" check). An item
# whose file has `status:` empty is refused at the save. The walk: the three items
# written with git, each opened, its «Stato» looked at, Backspace pressed on it, saved.

STATUS_ITEMS = {
    "absent": ("avvisi/2025-02-10-orti-condivisi-in-via-milano.md", "Orti condivisi in via"
               " Milano", ""),
    "draft": ("avvisi/2025-02-11-corso-di-cucito-al-civic-center.md", "Corso di cucito al"
              " Civic Center", "status: draft\n"),
    "empty": ("avvisi/2025-02-12-cineforum-in-biblioteca.md", "Cineforum in biblioteca",
              "status:\n"),
}
STATUS_TEXTS = {case: f"---\ntitle: {title}\ndate: 2025-02-10 10:00\n{status}---\n\nTesto.\n"
                for case, (_, title, status) in STATUS_ITEMS.items()}
# written with git, and built: the empty one stops the build, so it is written into the
# working copy only for its walk (the Avvisi are listed only by this walk: Decap reads
# their list once, at the walk's first visit), and taken away after, unless saved right
STATUSES = {path: STATUS_TEXTS[case] for case, (path, _, _) in STATUS_ITEMS.items()
            if case != "empty"}
# the select's box (react-select's container) around «Stato»'s input: its value, and the
# number of its indicators (the "×" and the arrow, or the arrow alone)
SELECT_JS = """(input) => {
    const box = input.closest('[class$="-container"]');
    const value = box.querySelector('[class*="singleValue"]');
    return {value: value ? value.textContent : "",
            indicators: box.querySelectorAll('[class*="indicatorContainer"]').length};
}"""


@dataclass
class Status:
    shown: dict = field(default_factory=dict)  # case -> the select as opened
    labels: dict = field(default_factory=dict)  # case -> «Stato»'s label as opened
    backspaced: dict = field(default_factory=dict)  # case -> the select after Backspace
    notices: dict = field(default_factory=dict)  # case -> the save's notices
    saved: dict = field(default_factory=dict)  # case -> the item's front matter after it
    errors: list = field(default_factory=list)
    refused: list = field(default_factory=list)  # what the refusal logs (Decap rethrows it)


@pytest.fixture(scope="module")
def status(editor):
    from playwright.sync_api import expect  # noqa: PLC0415

    seen = Status()
    empty = editor.site.repo / "content" / STATUS_ITEMS["empty"][0]
    empty.write_text(STATUS_TEXTS["empty"], encoding="utf-8")
    try:
        for case, (path, title, _) in STATUS_ITEMS.items():
            with editor.walk(entry(path), seen.errors) as page:
                expect(page.get_by_label("Titolo", exact=True)).to_have_value(title)
                select = page.locator('input[id^="status-field"]')
                select.scroll_into_view_if_needed()
                seen.shown[case] = select.evaluate(SELECT_JS)
                seen.labels[case] = page.locator(
                    'label[for^="status-field"]').text_content()
                select.focus()
                page.keyboard.press("Backspace")
                seen.backspaced[case] = select.evaluate(SELECT_JS)
                # (a changed title would add its old address: old-addresses.js)
                page.locator('textarea[id^="summary-field"]').fill("Iscrizioni aperte.")
                logged = len(editor.errors)
                publish_item(page)
                notice = page.locator(".Toastify__toast")
                expect(notice.first).to_be_visible()
                seen.notices[case] = notice.all_inner_texts()
                if case == "empty":  # refused: a status chosen, then saved
                    seen.refused = editor.errors[logged:]
                    seen.saved["empty refused"] = yaml.safe_load(
                        empty.read_text(encoding="utf-8").split("---\n")[1])
                    page.evaluate("""document.querySelectorAll('.Toastify__close-button')
                                     .forEach(button => button.click())""")
                    expect(notice).to_have_count(0)
                    select.click()
                    page.get_by_role("option", name="Bozza (non pubblicata)").click()
                    publish_item(page)
                    expect(page.get_by_text("Voce salvata")).to_be_visible()
            text = (editor.site.repo / "content" / path).read_text(encoding="utf-8")
            seen.saved[case] = yaml.safe_load(text.split("---\n")[1])
    finally:
        if empty.read_text(encoding="utf-8") == STATUS_TEXTS["empty"]:
            empty.unlink()  # the other walks' build would stop on it
    return seen


def test_stato_has_no_button_that_empties_it(status):
    """The arrow alone, no "×": before select-widget.js, two indicators."""
    assert {case: shown["indicators"] for case, shown in status.shown.items()} == {
        "absent": 1, "draft": 1, "empty": 1}, status.shown


def test_stato_is_not_labelled_optional(status):
    """It cannot be emptied: «Stato», not Decap's «Stato (opzionale)» (the file may still
    go without `status`: below)."""
    assert status.labels == {"absent": "Stato", "draft": "Stato", "empty": "Stato"}, \
        status.labels


def test_an_item_without_status_shows_pubblicato_and_keeps_no_status(status):
    assert status.shown["absent"]["value"] == "Pubblicato", status.shown
    assert status.notices["absent"] == ["Voce salvata"], status.notices
    assert status.saved["absent"] == {"title": "Orti condivisi in via Milano",
                                      "date": "2025-02-10 10:00",
                                      "summary": "Iscrizioni aperte."}, status.saved


def test_backspace_does_not_empty_stato(status):
    assert status.backspaced == status.shown
    assert status.shown["draft"]["value"] == "Bozza (non pubblicata)", status.shown
    assert status.saved["draft"]["status"] == "draft", status.saved


def test_an_empty_status_in_the_file_is_refused_at_the_save(status):
    assert status.shown["empty"]["value"] == "", status.shown
    assert len(status.notices["empty"]) == 1 and "manca lo stato: nel campo «Stato» scegli" \
        in status.notices["empty"][0], status.notices
    assert status.saved["empty refused"] == {"title": "Cineforum in biblioteca",
                                             "date": "2025-02-10 10:00", "status": None}
    # a status chosen, the item is saved
    assert status.saved["empty"] == {"title": "Cineforum in biblioteca",
                                     "date": "2025-02-10 10:00", "status": "draft",
                                     "summary": "Iscrizioni aperte."}


def test_the_status_walk_had_no_error(status):
    # only the refused save logs an error: the reason, which the CMS logs and rethrows
    assert any("manca lo stato" in text for text in status.refused), status.refused
    outside = [text for text in status.errors if text not in status.refused]
    assert outside == [], "\n".join(outside)


# --- The round trip --------------------------------------------------------------------
# An item written with git opened in the web editor, one word of its text changed,
# "Pubblica ora". Decap's rich-text editor writes the whole text again in its own
# Markdown; the page readers see must stay the same but for that word.
#
# The item's text uses everything the editors' guide allows ("Che cosa si può scrivere nel
# testo"): headings, bold and italic, lists (numbered, nested three levels, resumed at 3, an
# item with a second paragraph), a table and one with its columns aligned, footnotes,
# {filename} and {static} links, an image and a <figure>, <details> with Markdown inside
# (a paragraph, a list right before </details>), <div markdown="1"> with its text at the
# tags and apart from them, <abbr>, <sup>, <sub>, <mark>, a reference-style link, hard
# breaks (two spaces, <br>), an HTML comment (an editor's note), Italian typography, code
# spans and a fenced block, an autolink, a link with a title, &nbsp;, a quote, a rule.
#
# Before admin/admin.js took care of them, Decap's save changed the page in four places,
# without a word from the editor or the build:
#
# - a nested list (4 spaces a level, as the site wants) was written 2 or 3 spaces in,
#   after a blank line: published flat, its items spaced as paragraphs (admin.js, on save:
#   nestedLists);
# - in <div markdown="1"> with its text right after the opening tag, the Markdown came back
#   escaped (``\*\*grassetto\*\*``: asterisks on the page);
# - a </details> right after a list was lost: the rest of the text went into the closed
#   box (admin.js gives Decap these blocks with a blank line inside: spacedBlocks);
# - a table's column alignment (`| :--- | :---: | ---: |`) was left out: its columns came
#   back to the left (admin.js, on save: alignedTables, from the text Decap was given).
#
# Decap still rewrites the file's form, the page unchanged (the guide says so): "-" items
# become "*", a reference-style link an inline one (its definition line goes), a table is
# padded, "_x_" and "__x__" become "*x*" and "**x**", "---" "- - -", "\*" between spaces
# "*", blank lines around blocks of HTML. None is a construct to keep out of the editor.
#
# The item's images, written with git (a cover in another year's folder, the text's image
# and the <figure>'s in the year's folder), are shown in the editor and in its preview:
# Decap looked each up by its file's name in the folder it writes to (content/immagini/
# cortile.png: decap-server answered 500), then asked for the address as written
# (/admin/%7Bstatic%7D/…: 404), and showed none (admin.js: siteImage).
#
# The walk: one save (a few seconds); the builds before and after are compared.

ROUNDTRIP_ITEM = "notizie/2025-02-03-festa-del-quartiere.md"
URL = "/2025/02/festa-del-quartiere-al-civic-center/"
WORD, NEW_WORD = "aperta", "libera"  # in the first paragraph
META = {"title": "Festa del quartiere al Civic Center", "date": "2025-02-03 10:00",
        "tags": ["Crema"], "author": "Anna Rossi",  # «Autori» not touched: kept as written
        "summary": "Una giornata insieme, con giochi e merenda.",
        "image": "immagini/2024/festa.png", "image_alt": "La festa dell'anno scorso"}
BODY = r"""L'**associazione** «Il Cortile» organizza una *festa* aperta a tutti… con la <abbr title="Associazione di promozione sociale">APS</abbr> del quartiere e il `programma.pdf`
che trovate qui sotto.[^1]

<!-- Nota della redazione: aggiornare gli orari a marzo -->

## Programma

1. accoglienza alle 15
2. giochi nel cortile:
    - per i più piccoli
    - per i ragazzi
3. merenda alle 17

- [Il programma completo]({static}/allegati/2025/programma.pdf)
- [L'articolo dell'anno scorso]({filename}/notizie/2024-05-05-festa.md)
- [Il sito del Comune][comune]

| Giorno | Orario |
| --- | --- |
| Sabato | 15-18 |
| Domenica | 10-12 |

| Attività | Posti | Costo |
| :--- | :---: | ---: |
| Laboratorio di cucito | 12 | 5 € |
| Merenda | 40 | gratis |

![Il cortile del Civic Center]({static}/immagini/2025/cortile.png)

Via Roma 1  
26013 Crema (CR)

<details>
<summary>Come arrivare</summary>

In **autobus**: linea 3, fermata [Civic Center](https://www.example.org/fermate/).
</details>

<div markdown="1">
Un riquadro con il testo in **grassetto**.
</div>

### Contatti

Scrivete a [redazione@example.org](mailto:redazione@example.org), *grazie*!

<div markdown="1">

Un altro riquadro, con *corsivo* e [un link](https://www.example.org/).

</div>

- primo livello
    - secondo livello
        - terzo livello
- un'altra voce

    con un secondo paragrafo.

<figure>
<img src="{static}/immagini/2025/cortile.png" alt="Il cortile">
<figcaption>Il cortile, <mark>d'estate</mark></figcaption>
</figure>

Il 1<sup>o</sup> incontro &amp; H<sub>2</sub>O, 3 \* 4 e Via Roma 1<br>
26013 Crema.

<details>
<summary>Elenco</summary>

- uno
- due
</details>

Si riprende dal terzo punto:

3. terzo punto
4. quarto punto

```html
<p>Codice d'esempio, **non** convertito</p>
```

Sito: <https://www.example.org/>, [con titolo](https://www.example.org/a "Il titolo") e 10&nbsp;euro.[^2]
Una riga _sottolineata_ e __forte__, con un punto esclamativo! E un "virgolettato".

> Una citazione di *qualcuno*.

---

[comune]: https://www.comune.crema.cr.it/
[^1]: Il programma può cambiare in caso di pioggia.
[^2]: La seconda nota.
"""
OTHER = "notizie/2024-05-05-festa.md"
ROUNDTRIP = {
    ROUNDTRIP_ITEM: "---\n" + yaml.safe_dump(META, allow_unicode=True, sort_keys=False) + "---\n\n" + BODY,
    OTHER: "---\ntitle: La festa dell'anno scorso\ndate: 2024-05-05 10:00\n---\n\nTesto.\n",
    "allegati/2025/programma.pdf": pdf(1),
    "immagini/2025/cortile.png": TAKEN_BYTES,
    "immagini/2024/festa.png": TAKEN_BYTES,  # the cover: not in the item's year's folder
}
WIDTH = struct.unpack(">I", TAKEN_BYTES[16:20])[0]  # the PNG's width (its IHDR chunk)
# The images of the editor's page (the cover's field, the text's image's box) and of its
# preview (the cover, the text's image, the <figure>'s), each with its natural width: 0
# while it is not loaded, or when it could not be. Waited for until each of at least
# ``least`` of them has the PNG's width (or for UI_MS: then read as they are).
IMAGES_JS = """(root) => [...root.querySelectorAll('img')]
  .filter((img) => !img.src.endsWith('/logo.png'))
  .map((img) => ({src: img.getAttribute('src'), width: img.naturalWidth}))"""
LOADED_JS = """([least, width]) => [document, document.querySelector('iframe')?.contentDocument]
  .every((root, index) => {
    const images = root ? [...root.querySelectorAll('img')]
      .filter((img) => !img.src.endsWith('/logo.png')) : [];
    return images.length >= least[index]
      && images.every((img) => img.naturalWidth === width);
  })"""
# Selects WORD in the first paragraph of the text, as a double click on it would.
SELECT_WORD_JS = """(word) => {
  const paragraph = document.querySelector('[data-slate-editor="true"] p');
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(word);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      return true;
    }
  }
  return false;
}"""


@dataclass
class RoundTrip:
    before: object  # the build of the item as written with git
    after: object  # the content as the save left it, built (other walks' items as written)
    saved: str  # the item's file after the save
    errors: list  # the page's console errors and failed requests
    shown: dict  # the images of the editor ("editor") and of its preview ("preview")


def front_matter(text):
    _, header, body = text.split("---\n", 2)
    return yaml.safe_load(header), body


@pytest.fixture(scope="module")
def roundtrip(editor, tmp_path_factory):
    from playwright.sync_api import Error as PlaywrightError  # noqa: PLC0415
    from playwright.sync_api import expect  # noqa: PLC0415

    errors = []
    shown = {}
    with editor.walk(entry(ROUNDTRIP_ITEM), errors) as page:
        expect(page.get_by_label("Titolo", exact=True)).to_have_value(META["title"])
        expect(page.locator('[data-slate-editor="true"] p').first).to_contain_text(WORD)
        preview = page.frame_locator("iframe").first
        expect(preview.locator(".article-cover img")).to_be_attached()
        try:  # the cover's field and the text's image; the preview's three
            page.wait_for_function(LOADED_JS, arg=[[2, 3], WIDTH], timeout=UI_MS)
        except PlaywrightError:
            pass  # not all shown: the test says which
        shown["editor"] = page.locator("body").evaluate(IMAGES_JS)
        shown["preview"] = preview.locator("body").evaluate(IMAGES_JS)
        assert page.evaluate(SELECT_WORD_JS, WORD)
        slate_ready(page, f"selection.synced && selection.text === '{WORD}'")
        page.keyboard.insert_text(NEW_WORD)
        expect(page.locator('[data-slate-editor="true"] p').first).to_contain_text(NEW_WORD)
        publish_item(page)
        expect(page.get_by_text("Voce salvata")).to_be_visible()
    content = editor.site.repo / "content"
    saved = (content / ROUNDTRIP_ITEM).read_text(encoding="utf-8")
    # the content as the save left it, the other walks' items as written with git
    work = tmp_path_factory.mktemp("roundtrip")
    shutil.copytree(content, work / "content")
    for path, text in CONTENT.items():
        if path not in ROUNDTRIP:
            (work / "content" / path).write_bytes(
                text if isinstance(text, bytes) else text.encode("utf-8"))
    after = build_site(work, {}, settings=QUICK)
    return RoundTrip(editor.site.built, after, saved, errors, shown)


def article(build):
    return build.soup(URL).select_one("main")


def test_the_item_is_saved_with_the_word_changed(roundtrip):
    meta, body = front_matter(roundtrip.saved)
    assert meta == META
    assert f"una *festa* {NEW_WORD} a tutti" in body


def test_the_page_is_the_same_but_for_the_word_changed(roundtrip):
    assert roundtrip.after.ok, roundtrip.after.log
    expected = str(article(roundtrip.before)).replace(f"{WORD} a tutti", f"{NEW_WORD} a tutti")
    assert expected != str(article(roundtrip.before))
    found = str(article(roundtrip.after))
    if found != expected:  # the difference, readably
        diff = difflib.unified_diff(
            str(article(roundtrip.before)).replace(WORD, NEW_WORD).splitlines(),
            found.splitlines(), "written with git", "saved by the web editor", lineterm="", n=2)
        pytest.fail("the page changed:\n" + "\n".join(diff)
                    + "\n\nthe file saved:\n" + roundtrip.saved)


def test_the_saved_item_builds_without_a_warning(roundtrip):
    assert "WARNING" not in roundtrip.before.log, roundtrip.before.log
    assert "WARNING" not in roundtrip.after.log, roundtrip.after.log


def test_the_roundtrip_walk_had_no_error(roundtrip):
    assert roundtrip.errors == [], "\n".join(roundtrip.errors)


def test_the_images_are_shown_in_the_editor_and_its_preview(roundtrip):
    """Each image loaded (its natural width the PNG's), in the editor (the cover's field,
    the text's image's box) and in the preview (the cover, the text's image, the
    <figure>'s): Decap showed none of them."""
    for where, least in (("editor", 2), ("preview", 3)):
        images = roundtrip.shown[where]
        assert len(images) >= least, (where, images)
        assert [image["width"] for image in images] == [WIDTH] * len(images), (where, images)


# Each walk's items, written with git; the round trip's are also in the sample site of
# test_html_validity.py.
CONTENT = {**ROUNDTRIP, **PASTED_INTO, **TITLED, **STOPPED, **STATUSES, **LISTED}


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    """The module's editor site, decap-server and Chromium (:class:`Editor`)."""
    with editor_browser(tmp_path_factory.mktemp("redazione"), CONTENT) as (site, browser):
        yield Editor(site, browser)
