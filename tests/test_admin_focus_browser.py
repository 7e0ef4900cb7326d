"""Focus Not Obscured (WCAG 2.4.11) in the web editor (Decap CMS at /admin/ in headless
Chromium, its local backend as in test_admin_browser.py).

Decap's header (the collections, "Media", "Aggiunta veloce", the account) is sticky at
the top of the page: 56 px tall on a computer, two rows on a phone. Going back up the list
of items with Shift+Tab, the browser scrolled each item just into the window, under that
header, which hid it whole. banner.js keeps the header's height clear at the top
(scroll-padding). One editor session: a collection of 16 items, in a short window on a
computer and on a phone; Tab down to the end of the page, then Shift+Tab back up; each
control focused must be in the window with nothing laid over it.
"""


import pytest

from browser_support import collect_errors
from test_admin_browser import FIRST_LOAD_MS, UI_MS, editor_browser

pytestmark = pytest.mark.browser

CONTENT = {f"notizie/2025-03-{day:02d}-incontro-{day}.md":
           f"---\ntitle: Incontro numero {day} al Civic Center\ndate: 2025-03-{day:02d} 10:00"
           "\n---\n\nTesto.\n" for day in range(1, 17)}
# The focused control (inside a shadow root or not): a name for messages, its box, and
# which of five points of it (centre, near each side) the topmost element is not it nor
# inside it, or is outside the window.
FOCUSED = """() => {
    const element = document.activeElement;
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
def tabbed(tmp_path_factory):
    """{size: {"Tab": [focused…], "Shift+Tab": [focused…]}} and the session's errors."""
    from playwright.sync_api import expect  # noqa: PLC0415

    work = tmp_path_factory.mktemp("fuoco")
    found, errors = {}, []
    expect.set_options(timeout=UI_MS)
    try:
        with editor_browser(work, CONTENT) as (site, browser):
            for size, (width, height) in SIZES.items():
                page = browser.new_context(
                    locale="it-IT", timezone_id="Europe/Rome", reduced_motion="reduce",
                    viewport={"width": width, "height": height}).new_page()
                collect_errors(page, errors)
                page.goto(f"http://{site.web}/admin/#/collections/notizie")
                page.get_by_role("button", name="Accedi").click(timeout=FIRST_LOAD_MS)
                last = page.get_by_role("link", name="Incontro numero 1 al Civic Center",
                                        exact=True)
                expect(last).to_be_visible()
                found[size] = {}
                for key in ("Tab", "Shift+Tab"):
                    found[size][key] = []
                    for _ in range(40):
                        page.keyboard.press(key)
                        if page.evaluate("document.activeElement === document.body"):
                            continue  # past the page's end, or before its start
                        found[size][key].append(page.evaluate(FOCUSED))
                page.context.close()
    finally:
        expect.set_options(timeout=None)
    return found, errors


@pytest.mark.parametrize("size", SIZES)
def test_going_back_up_the_list_no_item_is_hidden_under_decaps_header(tabbed, size):
    found, _ = tabbed
    names = [focused["name"] for focused in found[size]["Shift+Tab"]]
    # the whole list, down and back up (16 items: the page scrolls on both sizes)
    assert "a Incontro numero 16 al Civic Center" in names, names
    assert "a Incontro numero 1 al Civic Center" in names, names
    for key in ("Tab", "Shift+Tab"):
        hidden = [focused for focused in found[size][key] if focused["covered"]]
        assert hidden == [], (size, key, hidden)


def test_the_session_had_no_error(tabbed):
    _, errors = tabbed
    assert errors == []
