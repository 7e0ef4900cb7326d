"""Unit tests for plugins/contract/body.py's last step on a published body: what may be
wider than the screen is reachable by keyboard (WCAG 2.1.1), each region with a name of
its own. The browser test (test_accessibility_browser) runs axe on a real page."""

from plugins.contract.body import scrollable_boxes

TABLE = "<table><thead><tr><th>Giorno</th><th>Orario &amp; luogo</th></tr></thead>" \
        "<tbody><tr><td>Lunedì</td><td>9-12</td></tr></tbody></table>"


def test_a_table_is_boxed_in_a_focusable_region_named_after_its_headers():
    html = scrollable_boxes(f"<p>Prima</p>{TABLE}<p>Dopo</p>")
    assert html == ('<p>Prima</p><div class="table-scroll" role="region" tabindex="0"'
                    f' aria-label="Tabella: Giorno, Orario &amp; luogo">{TABLE}</div>'
                    "<p>Dopo</p>")


def test_several_tables_get_names_of_their_own_a_caption_first():
    captioned = TABLE.replace("<thead>", "<caption>Orari <em>estivi</em></caption><thead>")
    html = scrollable_boxes(TABLE + captioned + "<table><tr><td>x</td></tr></table>")
    assert 'aria-label="Tabella 1: Giorno, Orario &amp; luogo"' in html
    assert 'aria-label="Tabella 2: Orari estivi"' in html
    assert 'aria-label="Tabella 3"' in html
    assert html.count("</table></div>") == 3


def test_a_long_name_is_cut():
    wide = "<table><tr>" + "".join(f"<th>Colonna numero {n}</th>" for n in range(20)) + \
        "</tr></table>"
    label = scrollable_boxes(wide).split('aria-label="', 1)[1].split('"', 1)[0]
    assert label.startswith("Tabella: Colonna numero 0, Colonna numero 1")
    assert label.endswith("…") and len(label) <= len("Tabella: ") + 80


def test_a_code_block_takes_the_focus_once():
    assert scrollable_boxes("<pre><code>x = 1</code></pre>") == \
        '<pre tabindex="0"><code>x = 1</code></pre>'
    assert scrollable_boxes('<pre class="x" tabindex="0">y</pre>') == \
        '<pre class="x" tabindex="0">y</pre>'


def test_a_link_marker_counts_only_where_an_address_begins():
    from plugins.contract.body import misplaced_marker  # noqa: PLC0415

    assert misplaced_marker("href", "{static}/allegati/a.pdf") is None
    assert misplaced_marker("srcset", "{static}/a.jpg 1x, {static}/b.jpg 2x") is None
    assert misplaced_marker("href", "https://example.org/?src='{static}/x.svg'") == "{static}"
    assert misplaced_marker("href", "{static}/a.pdf?b={filename}/c.md") == "{filename}"
    assert misplaced_marker("title", "src='{static}/x.html'") == "{static}"
    assert misplaced_marker("title", "Un titolo {qualunque}") is None


def test_an_images_own_srcset_is_left_out_of_the_published_body():
    """Pelican resolves ``{static}`` in ``src``, not in ``srcset``: the editor's srcset (a
    warning of the check) is never published, whatever the ``src`` (plugins/images writes
    the site's own from it)."""
    from plugins.contract.body import sanitize  # noqa: PLC0415

    html = sanitize('<p><img src="{attach}/immagini/a.jpg" alt="A"'
                    ' srcset="{static}/immagini/a@2x.jpg 2x" sizes="50vw"></p>')
    assert "srcset" not in html and "a@2x" not in html and 'src="{attach}/immagini/a.jpg"' \
        in html, html
