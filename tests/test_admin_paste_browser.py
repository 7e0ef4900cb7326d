"""A part of a web page pasted into the web editor's text (Decap CMS at /admin/ in headless
Chromium, its local backend as in test_admin_browser.py): copying a paragraph with a
picture puts on the clipboard HTML with an <img>, and Decap's rich-text editor turned
it into an image node its own renderer cannot draw (its paste code gives the node an
``url``, the renderer reads ``element.data.url``): the whole editor became Decap's error
page ("TypeError: Cannot destructure property 'url' of 'e.element.data'"), the unsaved
work out of sight. admin.js takes the pictures out of the pasted HTML, the rest of the
paste arrives, and a notice says how to add a picture ("＋" menu, "Immagine").

A picture of a web page dragged into the text brought the same error page (Decap's
editor takes a drop's HTML as a paste's): a drop is handled the same way.

One editor session: an item written with git opened, a new paragraph at the end of its
text, the clipboard's HTML (with its plain text, as a browser puts both) pasted with
Control+V; the notice closed; HTML with a picture dropped at the end of the text;
"Pubblica ora"; the file saved is read.
"""

from dataclasses import dataclass

import pytest

from browser_support import collect_errors
from test_admin_browser import (ARRIVED_JS, FIRST_LOAD_MS, LIVE_REGIONS_JS, UI_MS,
                                editor_browser, publish_item, slate_ready)

pytestmark = pytest.mark.browser

ITEM = "notizie/2025-02-03-festa-del-quartiere.md"
FIRST = "La festa è aperta a tutti."
CONTENT = {ITEM: "---\ntitle: Festa del quartiere\ndate: 2025-02-03 10:00\n---\n\n"
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
def paste(tmp_path_factory):
    from playwright.sync_api import expect  # noqa: PLC0415

    work = tmp_path_factory.mktemp("paste")
    errors = []
    expect.set_options(timeout=UI_MS)
    try:
        with editor_browser(work, CONTENT) as (site, browser):
            context = browser.new_context(locale="it-IT", timezone_id="Europe/Rome")
            context.grant_permissions(["clipboard-read", "clipboard-write"],
                                      origin=f"http://{site.web}")
            page = context.new_page()
            page.add_init_script(LIVE_REGIONS_JS)
            collect_errors(page, errors)
            name = ITEM.split("/")[1].removesuffix(".md")
            page.goto(f"http://{site.web}/admin/#/collections/notizie/entries/{name}")
            page.get_by_role("button", name="Accedi").click(timeout=FIRST_LOAD_MS)
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
            expect(text).to_contain_text("cortile", timeout=5_000)
            notice = page.get_by_role("status").filter(has_text=NOTICE)
            expect(notice).to_be_visible()
            pasted = Paste(text.inner_text(), notice.inner_text(), "", "", "", errors,
                           page.evaluate(ARRIVED_JS, NOTICE))
            notice.get_by_role("button", name="Chiudi").click()
            expect(notice).to_have_count(0)
            page.evaluate(DROP_JS, [DROPPED, "Come arrivare"])
            expect(text).to_contain_text("Come arrivare", timeout=5_000)
            drop_notice = page.get_by_role("status").filter(has_text="«La mappa»")
            expect(drop_notice).to_be_visible()
            pasted.dropped, pasted.drop_notice = text.inner_text(), drop_notice.inner_text()
            publish_item(page)
            expect(page.get_by_text("Voce salvata")).to_be_visible()
    finally:
        expect.set_options(timeout=None)
    pasted.saved = (site.repo / "content" / ITEM).read_text(encoding="utf-8")
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


def test_the_session_had_no_error(paste):
    assert paste.errors == [], "\n".join(paste.errors)
