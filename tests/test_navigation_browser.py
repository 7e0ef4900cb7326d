"""What a reader on a phone (390 CSS px) sees of the site's navigation, measured in
Chromium: the breadcrumb ("Percorso") and the first screen of a listing's later pages.
"""

import pytest
from browser_support import chromium, served_site
from support import article

pytestmark = pytest.mark.browser

# A title with one of ITALIAN_ENGLISH_TERMS: the term is a <span lang="en"> in the title.
TERM_TITLE = "Community Manager a Cremona, dove trovare giorni e orari"
TERM = "/2024/10/community-manager-a-cremona-dove-trovare-giorni-e-orari/"

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


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with served_site(tmp_path_factory.mktemp("navigation"), {
        "avvisi/orari.md": article(title=TERM_TITLE, date="2024-10-05 08:45"),
    }, settings="VISIT_COUNTER_URL = ''\n") as built:
        yield built


@pytest.fixture(scope="module")
def page():
    with chromium() as browser:
        yield browser.new_page(viewport={"width": 390, "height": 844})


def test_an_english_term_in_the_breadcrumb_flows_with_the_rest_of_the_title(page, site):
    # The current crumb was a flex container: the term and the text after it became two
    # flex items, laid out as two narrow columns ("Community / Manager" beside "a Cremona,
    # dove trovare giorni / e orari") instead of one sentence.
    page.goto(site.origin + TERM)
    term, text = page.evaluate(TERM_AND_NEXT_WORD)
    line = text[0][3] - text[0][1]
    assert [len(term), term[0][3] - term[0][1] < 1.5 * line] == [1, True], (term, text)
    # the next word on the same line as the term, right after it
    assert abs(text[0][1] - term[0][1]) < 1 and 0 <= text[0][0] - term[0][2] < 10, (term, text)
