"""What a reader on a phone (390 CSS px) sees of the site's navigation, measured in
Chromium: the breadcrumb ("Percorso"), the first screen of an article with a long title,
the archive's months on a narrower phone (360 and 375 px).
"""

import pytest
from browser_support import chromium, goto_in_theme_font, served_site
from support import article

pytestmark = pytest.mark.browser

# A title with one of ITALIAN_ENGLISH_TERMS: the term is a <span lang="en"> in the title.
# Long enough to wrap in the breadcrumb just above a phone's width (where the current
# crumb is shown).
TERM_TITLE = ("Community Manager a Cremona, dove trovare giorni e orari degli sportelli nei"
              " quartieri della città")
TERM = "/2024/10/community-manager/"

# Where the English term and the word after it are laid out in the breadcrumb's last
# item: [term's boxes, the following text's boxes], each box [left, top, right, bottom].
TERM_AND_NEXT_WORD = """() => {
    const crumb = document.querySelector('.breadcrumb [aria-current="page"]');
    const term = crumb.querySelector('span[lang="en"]');
    const range = document.createRange();
    range.selectNodeContents(term.nextSibling);
    const boxes = rects => [...rects].map(r => [r.left, r.top, r.right, r.bottom]);
    return [boxes(term.getClientRects()), boxes(range.getClientRects())];
}"""


# A title of 116 characters: five lines of heading on a phone.
LONG_TITLE = ("Laboratori di comunità a Casalmaggiore: aperte le iscrizioni per le famiglie"
              " volontarie e i nuovi tutor di quartiere")
LONG = "/2024/09/laboratori/"

# Each element of the first screen (844 px) that shows text of the long title: the
# element's tag, its box [left, top, right, bottom], and whether a sighted reader sees
# it (a box larger than the 1 px of a text for screen readers only).
TITLE_ON_FIRST_SCREEN = """() => {
    const shown = [];
    for (const element of document.body.querySelectorAll('h1, li, p, a, span')) {
        if (!element.textContent.includes('aperte le iscrizioni per le famiglie')) continue;
        if ([...element.children].some(c => c.textContent.includes('aperte le iscrizioni')))
            continue;  // the innermost element holding it
        const box = element.getBoundingClientRect();
        let seen = true;
        for (let e = element; e; e = e.parentElement) {
            const r = e.getBoundingClientRect();
            if (r.width <= 1 || r.height <= 1) seen = false;
        }
        if (box.top < innerHeight)
            shown.push([element.tagName.toLowerCase(), seen,
                        [box.left, box.top, box.right, box.bottom].map(Math.round)]);
    }
    return shown;
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with served_site(tmp_path_factory.mktemp("navigation"), {
        "avvisi/orari.md": article(title=TERM_TITLE, date="2024-10-05 08:45",
                                   slug="community-manager"),
        "notizie/laboratori.md": article(title=LONG_TITLE, date="2024-09-01 10:00",
                                         slug="laboratori",
                                         summary="Iscrizioni entro il 30 settembre."),
        # with the two above, four months of 2024 in the archive
        **{f"notizie/mese-{month}.md": article(title=f"Notizia del mese {month}",
                                               date=f"2024-{month:02}-10 10:00")
           for month in (2, 5)},
    }, settings="VISIT_COUNTER_URL = ''\n") as built:
        yield built


@pytest.fixture(scope="module")
def page():
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.devtools = page.context.new_cdp_session(page)  # goto_in_theme_font's
        yield page


def test_an_english_term_in_the_breadcrumb_flows_with_the_rest_of_the_title(page, site):
    # The current crumb was a flex container: the term and the text after it became two
    # flex items, laid out as two narrow columns ("Community / Manager" beside "a Cremona,
    # dove trovare giorni / e orari") instead of one sentence.
    # 600 px: the narrowest screen that shows the current crumb (a phone's is for screen
    # readers only), where this one takes two lines
    page.set_viewport_size({"width": 600, "height": 844})
    goto_in_theme_font(page, site.origin + TERM, page.devtools)
    assert page.locator('.breadcrumb [aria-current="page"]').bounding_box()["height"] > 40
    term, text = page.evaluate(TERM_AND_NEXT_WORD)
    line = text[0][3] - text[0][1]
    assert [len(term), term[0][3] - term[0][1] < 1.5 * line] == [1, True], (term, text)
    # the next word on the same line as the term, right after it
    assert abs(text[0][1] - term[0][1]) < 1 and 0 <= text[0][0] - term[0][2] < 10, (term, text)


def test_a_long_title_is_shown_once_on_a_phones_first_screen(page, site):
    # The breadcrumb's last crumb repeated the whole title above the <h1>: three lines of
    # breadcrumb and five of heading, the same words twice on the first screen. On a
    # phone the crumb is now for screen readers only; the <h1> shows the title.
    page.set_viewport_size({"width": 390, "height": 844})
    goto_in_theme_font(page, site.origin + LONG, page.devtools)
    shown = page.evaluate(TITLE_ON_FIRST_SCREEN)
    assert [(tag, seen) for tag, seen, _ in shown] == [("span", False), ("h1", True)], shown
    heading = page.locator("h1").bounding_box()
    assert heading["y"] + heading["height"] < 844  # the whole title on the first screen
    trail = page.locator("nav.breadcrumb")
    assert trail.bounding_box()["height"] < 2 * 28  # one line: Home › Notizie
    # screen readers still hear the whole trail, ending with the current page
    assert page.locator('.breadcrumb [aria-current="page"]').text_content() == LONG_TITLE
    last = trail.aria_snapshot().splitlines()[-1].strip()
    assert last.startswith("- listitem:") and LONG_TITLE in last, last
    # the visible crumbs still link where they did
    assert [a.text_content() for a in trail.locator("a").all()] == ["Home", "Notizie"]


# Each month of the archive's month lists: its box [left, top, height].
MONTHS = """() => [...document.querySelectorAll('main .archive-months li')].map(li => {
    const box = li.getBoundingClientRect();
    return [Math.round(box.left), Math.round(box.top), Math.round(box.height)];
})"""


@pytest.mark.parametrize("width", [360, 375])
def test_the_archives_months_are_two_columns_on_a_narrow_phone(page, site, width):
    # The months' grid had 10 rem columns: two only from a 376 px screen. At 360 and
    # 375 px (many Android phones, the iPhone SE and mini) a month took a whole line:
    # after five years of articles /archivio/ was 7900 px tall at 360 px, 5700 at 390.
    page.set_viewport_size({"width": width, "height": 800})
    for address in ("/archivio/", "/archivio/2024/"):  # the years' months, a year's jump
        goto_in_theme_font(page, site.origin + address, page.devtools)
        months = page.evaluate(MONTHS)
        assert len(months) == 4, (address, months)
        assert len({left for left, _, _ in months}) == 2, (width, address, months)
        assert len({top for _, top, _ in months}) == 2, (width, address, months)
        # "Settembre" and its count side by side, on one line like the others
        assert len({height for _, _, height in months}) == 1, (width, address, months)


def test_a_wide_screen_shows_the_current_page_in_the_breadcrumb(page, site):
    page.set_viewport_size({"width": 1280, "height": 800})
    goto_in_theme_font(page, site.origin + LONG, page.devtools)
    crumb = page.locator('.breadcrumb [aria-current="page"]').bounding_box()
    assert crumb["width"] > 100 and crumb["height"] >= 20, crumb
