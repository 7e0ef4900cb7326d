"""Share links and "Copia link" in real headless Chromium (Debian's ``chromium`` through
Playwright), with the site served under a strict Content-Security-Policy.

The site is served on 127.0.0.1, a secure context, where the Clipboard API exists.
Two page loads: one with JavaScript (copy, CSP), one without (the button stays hidden).
"""


import pytest
from browser_support import chromium, served_site
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


def test_copy_link_copies_the_address_and_nothing_breaks_the_csp(browser, site):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        console, errors = [], []
        page.on("console", lambda message: console.append(message))
        page.on("pageerror", lambda error: errors.append(error))
        page.add_init_script(VIOLATIONS)
        response = page.goto(site.origin + ARTICLE)
        assert response.headers["content-security-policy"] == CSP
        assert page.locator('script[type="application/ld+json"]').count() == 2
        button = page.get_by_role("button", name="Copia link")
        assert button.is_visible()
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
        context.close()


def test_without_javascript_the_links_work_and_the_button_stays_hidden(browser, site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.origin + ARTICLE)
        links = page.locator(".share a.share-link")
        assert links.count() == 6 and all(links.nth(n).is_visible() for n in range(6))
        assert not page.get_by_role("button", name="Copia link").is_visible()
        assert page.locator(".share-copy").is_hidden()
        older = page.locator('nav.category-pager a[rel="next"]')  # the series is newest first
        assert older.is_visible() and "Quella prima" in older.text_content()
    finally:
        context.close()
