"""The web editor's round trip: an item written with git, opened in Decap CMS at /admin/
(headless Chromium, local backend: decap-server writing into a temporary git working
copy, as in test_admin_browser.py), one word of its text changed, "Pubblica ora". Decap's
rich-text editor writes the whole text again in its own Markdown; the page readers see
must stay the same but for that word.

The item's text uses everything the editors' guide allows ("Che cosa si può scrivere nel
testo"): headings, bold and italic, lists (numbered, nested three levels, resumed at 3, an
item with a second paragraph), a table and one with its columns aligned, footnotes, {filename} and {static} links, an image
and a <figure>, <details> with Markdown inside (a paragraph, a list right before
</details>), <div markdown="1"> with its text at the tags and apart from them, <abbr>,
<sup>, <sub>, <mark>, a reference-style link, hard breaks (two spaces, <br>), an HTML
comment (an editor's note), Italian typography, code spans and a fenced block, an
autolink, a link with a title, &nbsp;, a quote, a rule.

Before admin/admin.js took care of them, Decap's save changed the page in four places,
without a word from the editor or the build:

- a nested list (4 spaces a level, as the site wants) was written 2 or 3 spaces in,
  after a blank line: published flat, its items spaced as paragraphs (admin.js, on save:
  nestedLists);
- in <div markdown="1"> with its text right after the opening tag, the Markdown came back
  escaped (``\\*\\*grassetto\\*\\*``: asterisks on the page);
- a </details> right after a list was lost: the rest of the text went into the closed
  box (admin.js gives Decap these blocks with a blank line inside: spacedBlocks);
- a table's column alignment (`| :--- | :---: | ---: |`) was left out: its columns came
  back to the left (admin.js, on save: alignedTables, from the text Decap was given).

Decap still rewrites the file's form, the page unchanged (the guide says so): "-" items
become "*", a reference-style link an inline one (its definition line goes), a table is
padded, "_x_" and "__x__" become "*x*" and "**x**", "---" "- - -", "\\*" between spaces
"*", blank lines around blocks of HTML. None is a construct to keep out of the editor.

The item's images, written with git (a cover in another year's folder, the text's image
and the <figure>'s in the year's folder), are shown in the editor and in its preview:
Decap looked each up by its file's name in the folder it writes to (content/immagini/
cortile.png: decap-server answered 500), then asked for the address as written
(/admin/%7Bstatic%7D/…: 404), and showed none (admin.js: siteImage).

One editor session and one save (a few seconds); the builds before and after are compared.
"""

import difflib
import struct
from dataclasses import dataclass

import pytest
import yaml

from browser_support import collect_errors
from samples import pdf
from support import build_site
from test_admin_browser import (FIRST_LOAD_MS, QUICK, TAKEN_BYTES, UI_MS, editor_browser,
                                publish_item, slate_ready)

pytestmark = pytest.mark.browser

ITEM = "notizie/2025-02-03-festa-del-quartiere.md"
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
CONTENT = {
    ITEM: "---\n" + yaml.safe_dump(META, allow_unicode=True, sort_keys=False) + "---\n\n" + BODY,
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
    after: object  # the build of the content as the save left it
    saved: str  # the item's file after the save
    errors: list  # the page's console errors and failed requests
    shown: dict  # the images of the editor ("editor") and of its preview ("preview")


def front_matter(text):
    _, header, body = text.split("---\n", 2)
    return yaml.safe_load(header), body


@pytest.fixture(scope="module")
def roundtrip(tmp_path_factory):
    from playwright.sync_api import Error as PlaywrightError  # noqa: PLC0415
    from playwright.sync_api import expect  # noqa: PLC0415

    work = tmp_path_factory.mktemp("roundtrip")
    errors = []
    shown = {}
    expect.set_options(timeout=UI_MS)
    try:
        with editor_browser(work, CONTENT) as (site, browser):
            web, before = site.web, site.built
            page = browser.new_page(locale="it-IT", timezone_id="Europe/Rome")
            collect_errors(page, errors)
            name = ITEM.split("/")[1].removesuffix(".md")
            page.goto(f"http://{web}/admin/#/collections/notizie/entries/{name}")
            page.get_by_role("button", name="Accedi").click(timeout=FIRST_LOAD_MS)
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
            expect(page.locator('[data-slate-editor="true"] p').first).to_contain_text(
                NEW_WORD)
            publish_item(page)
            expect(page.get_by_text("Voce salvata")).to_be_visible()
    finally:
        expect.set_options(timeout=None)
    repo = work / "sito"
    saved = (repo / "content" / ITEM).read_text(encoding="utf-8")
    (work / "after").mkdir()
    after = build_site(work / "after", {}, content=repo / "content",
                       output=work / "after" / "output", settings=QUICK)
    return RoundTrip(before, after, saved, errors, shown)


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


def test_the_editor_session_had_no_error(roundtrip):
    assert roundtrip.errors == [], "\n".join(roundtrip.errors)


def test_the_images_are_shown_in_the_editor_and_its_preview(roundtrip):
    """Each image loaded (its natural width the PNG's), in the editor (the cover's field,
    the text's image's box) and in the preview (the cover, the text's image, the
    <figure>'s): Decap showed none of them."""
    for where, least in (("editor", 2), ("preview", 3)):
        images = roundtrip.shown[where]
        assert len(images) >= least, (where, images)
        assert [image["width"] for image in images] == [WIDTH] * len(images), (where, images)
