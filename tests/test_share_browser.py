"""Share links and "Copia link" in real headless Chromium (Debian's ``chromium`` through
Playwright), with the site served under a strict Content-Security-Policy.

The site is served on 127.0.0.1, a secure context, where the Clipboard API exists; the
Web Share API (phones' share sheet) is not in Linux's Chromium: a page that needs it is
given a stand-in ``navigator.share`` that records what it is handed, as a phone's would.
Page loads with JavaScript (copy, CSP, share sheet) and without (the buttons stay hidden).
"""


import pytest
from browser_support import chromium, goto_in_theme_font, served_site
from support import article

pytestmark = pytest.mark.browser

CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'"
ARTICLE = "/2024/05/da-condividere/"
VIOLATIONS = """
    window.__violations = [];
    document.addEventListener('securitypolicyviolation',
        event => window.__violations.push([event.effectiveDirective, event.blockedURI]));
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with served_site(tmp_path_factory.mktemp("share"), {
        "notizie/a.md": article(title="Da condividere", tags="[Crema]",
                                summary="Un sommario & un simbolo."),
        "notizie/b.md": article(title="Quella prima", date="2024-05-01 10:00"),
    }, headers={"Content-Security-Policy": CSP},  # the policy the site is meant to run under
            settings="VISIT_COUNTER_URL = ''\n") as built:
        yield built


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


DEFAULT_VIEWPORT = {"width": 1280, "height": 720}  # Playwright's, for a new context


@pytest.fixture(scope="module")
def scripted(browser):
    """One page for the module's tests with JavaScript and the clipboard (a context
    each, 0.3 s, for what carries over from none to the next: each loads its page, its
    size set first; the CSP's violations recorded from each document's start)."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.add_init_script(VIOLATIONS)
    yield page
    context.close()


@pytest.fixture(scope="module")
def scriptless(browser):
    """One page without JavaScript for the module's tests (each sets its size)."""
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_copy_link_copies_the_address_and_nothing_breaks_the_csp(scripted, site):
    page = scripted
    console, errors = [], []

    def on_console(message):
        console.append(message)

    def on_error(error):
        errors.append(error)

    page.on("console", on_console)
    page.on("pageerror", on_error)
    try:
        page.set_viewport_size(DEFAULT_VIEWPORT)
        response = page.goto(site.origin + ARTICLE)
        assert response.headers["content-security-policy"] == CSP
        assert page.locator('script[type="application/ld+json"]').count() == 2
        button = page.get_by_role("button", name="Copia link")
        assert button.is_visible()
        # no Web Share API here: no button that would do nothing
        assert not page.get_by_role("button", name="Altre app…").is_visible()
        button.click()
        status = page.get_by_role("status")
        page.wait_for_function(
            "() => document.querySelector('.share-status').textContent === 'Link copiato'")
        assert status.text_content() == "Link copiato"
        assert page.evaluate("navigator.clipboard.readText()") == site.origin + ARTICLE
        assert page.evaluate("window.__violations") == []  # JSON-LD is data, not script
        assert errors == [] and [m.text for m in console] == []

        # The policy is in force: an inline script is refused, and reported.
        page.evaluate("""() => { const s = document.createElement('script');
                                 s.textContent = 'window.__ran = 1'; document.body.append(s); }""")
        page.wait_for_function("() => window.__violations.length > 0")
        assert page.evaluate("window.__ran") is None
        assert page.evaluate("window.__violations")[0] == ["script-src-elem", "inline"]
    finally:
        page.remove_listener("console", on_console)
        page.remove_listener("pageerror", on_error)


def test_copying_again_is_announced_again(scripted, site):
    """The status emptied and "Link copiato" written again a few milliseconds later (when
    the Clipboard API answered): Chromium sends a screen reader the accessibility tree's
    changes in batches (every 150 ms or so), one that held both saw no change, and the
    second copy was met with silence. The region now stays empty long enough for the
    emptying to be sent on its own before the message comes back."""
    page = scripted
    page.set_viewport_size(DEFAULT_VIEWPORT)
    page.goto(site.origin + ARTICLE)
    page.evaluate("navigator.clipboard.writeText('')")  # the address is this test's copy
    button = page.get_by_role("button", name="Copia link")
    button.click()
    page.wait_for_function(
        "() => document.querySelector('.share-status').textContent === 'Link copiato'")
    page.evaluate("""() => {
        window.__said = [];
        const status = document.querySelector('.share-status');
        new MutationObserver(() => window.__said.push(
            [status.textContent, performance.now()])).observe(
                status, {childList: true, characterData: true, subtree: true});
    }""")
    button.click()
    page.wait_for_function("() => window.__said.length >= 2")
    said = page.evaluate("window.__said")
    assert [text for text, _ in said] == ["", "Link copiato"], said
    assert said[1][1] - said[0][1] >= 400, said  # ms empty: well over a batch
    assert page.evaluate("navigator.clipboard.readText()") == site.origin + ARTICLE


def test_without_javascript_the_links_work_and_the_button_stays_hidden(scriptless, site):
    page = scriptless
    page.set_viewport_size(DEFAULT_VIEWPORT)
    page.goto(site.origin + ARTICLE)
    links = page.locator(".share a.share-link")
    assert links.count() == 6 and all(links.nth(n).is_visible() for n in range(6))
    assert not page.get_by_role("button", name="Copia link").is_visible()
    assert not page.get_by_role("button", name="Altre app…").is_visible()
    assert page.locator(".share-copy").is_hidden()
    older = page.locator('nav.category-pager a[rel="next"]')  # the series is newest first
    assert older.is_visible() and "Quella prima" in older.text_content()


# The Web Share API as a phone has it: it records what it is handed, and resolves, or is
# rejected as when the reader closes the share sheet without choosing an app.
SHARE_SHEET = """
    window.__shared = [];
    window.__unhandled = [];
    window.addEventListener('unhandledrejection', event => window.__unhandled.push(
        String(event.reason)));
    Object.defineProperty(Navigator.prototype, 'share', {configurable: true, value(data) {
        window.__shared.push(data);
        return window.__closed ? Promise.reject(new DOMException('closed', 'AbortError'))
                               : Promise.resolve();
    }});
"""


def test_the_share_sheet_of_a_phone_gets_the_title_and_address(browser, site):
    """Mastodon, Signal and the other apps the links do not name: on a phone the Web Share
    API's share sheet offers them. The button shows only where that API is, hands it the
    article's title and address, and says nothing when the sheet is closed unused."""
    context = browser.new_context()
    try:
        page = context.new_page()
        console, errors = [], []
        page.on("console", lambda message: console.append(message))
        page.on("pageerror", lambda error: errors.append(error))
        page.add_init_script(SHARE_SHEET + VIOLATIONS)
        page.goto(site.origin + ARTICLE)
        button = page.get_by_role("button", name="Altre app…")
        assert button.is_visible()
        button.click()
        page.wait_for_function("() => window.__shared.length === 1")
        assert page.evaluate("window.__shared") == [
            {"title": "Da condividere", "url": site.origin + ARTICLE}]
        page.evaluate("window.__closed = true")
        button.click()
        page.wait_for_function("() => window.__shared.length === 2")
        # a rejection nobody handles is reported before the next task runs
        page.evaluate("() => new Promise(resolve => setTimeout(resolve))")
        assert page.evaluate("window.__unhandled") == []
        assert page.locator(".share-status").text_content() == ""
        assert page.evaluate("window.__violations") == []
        assert errors == [] and [m.text for m in console] == []
        # beside "Copia link" on a 320 px phone: the row keeps the height it was given
        # before the script (a second line moved everything below it)
        page.set_viewport_size({"width": 320, "height": 640})
        copy = page.get_by_role("button", name="Copia link")
        assert copy.is_visible()
        assert copy.bounding_box()["y"] == button.bounding_box()["y"]
    finally:
        context.close()


def test_the_copy_button_appearing_moves_nothing_below_it(scriptless, scripted, site):
    """"Copia link" is shown by the script: its row kept its room while hidden, but the
    button itself took none (display: none), so the row grew by the button's 44 px
    when it appeared and everything below it moved (a layout shift).

    Both pages are measured in the theme's font (``goto_in_theme_font``): its files are
    ``font-display: optional``, and one that comes late on a loaded machine leaves a page
    in the wider fallback font, its lines, and the button's place, not the other's."""
    boxes = []
    for page in (scriptless, scripted):
        page.set_viewport_size({"width": 390, "height": 844})
        devtools = page.context.new_cdp_session(page)
        try:
            goto_in_theme_font(page, site.origin + ARTICLE, devtools)
        finally:
            devtools.detach()
        boxes.append(page.locator(".share-copy").bounding_box())
    assert scripted.get_by_role("button", name="Copia link").is_visible()
    assert boxes[1] == boxes[0]
