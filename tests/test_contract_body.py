"""Unit tests for a body's HTML in plugins/contract: the last steps on a published body
(tables.py: what may be wider than the screen is reachable by keyboard, WCAG 2.1.1, each
region with a name of its own; printing.py, sanitizer.py), Pelican's markers
(addresses.py), and body.py's check reading Python-Markdown's HTML by markdown_html.py
as html.parser reads it. The browser test (test_accessibility_browser) runs axe on a
real page."""

from plugins.contract.printing import address_links
from plugins.contract.tables import scrollable_boxes

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
    from plugins.contract.addresses import misplaced_marker  # noqa: PLC0415

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
    from plugins.contract.sanitizer import sanitize  # noqa: PLC0415

    html = sanitize('<p><img src="{attach}/immagini/a.jpg" alt="A"'
                    ' srcset="{static}/immagini/a@2x.jpg 2x" sizes="50vw"></p>')
    assert "srcset" not in html and "a@2x" not in html and 'src="{attach}/immagini/a.jpg"' \
        in html, html


def test_an_address_a_browser_reads_as_another_sites_is_never_published_as_a_path():
    """A browser reads the slashes and backslashes before a name as ``//``: ``/\\host/``,
    ``\\/host/``, ``\\\\host/``, ``///host/`` lead to another site while looking like
    a path of this one (the check refuses them; the sanitizer drops them whatever it
    missed). ``//host/`` says what it is and is kept, and so is a path of this site."""
    from plugins.contract.sanitizer import sanitize  # noqa: PLC0415

    for address in ("/\\evil.example/", "\\/evil.example/", "\\\\evil.example/",
                    "///evil.example/", "/\t\\evil.example/", "/\\nome@evil.example/"):
        for html in (f'<a href="{address}">x</a>', f'<q cite="{address}">x</q>',
                     f'<img src="{address}x.png" alt="x">'):
            published = sanitize(html)
            assert "evil.example" not in published, (html, published)
    for html in ('<a href="//example.org/">x</a>', '<a href="/chi-siamo/">x</a>'):
        assert sanitize(html) == html


# --- check_html's fast path: HTML as Python-Markdown writes it, read without html.parser

def _parser_events(html):
    """What html.parser sends for ``html``, in the fast path's form."""

    from plugins.contract import markdown_html  # noqa: PLC0415

    events = []

    class Recorder(markdown_html.BrowserParser):  # its attributes as a browser reads them
        def handle_starttag(self, tag, attrs):
            events.append((markdown_html.START, tag, self.browser_attributes(attrs)))

        def handle_startendtag(self, tag, attrs):
            events.append((markdown_html.STARTEND, tag, self.browser_attributes(attrs)))

        def handle_endtag(self, tag):
            events.append((markdown_html.END, tag, None))

        def handle_data(self, data):
            events.append((markdown_html.DATA, data, None))

        def handle_comment(self, data):
            events.append(("comment", data, None))

        def handle_decl(self, decl):
            events.append(("decl", decl, None))

        def handle_pi(self, data):
            events.append(("pi", data, None))

        def unknown_decl(self, data):
            events.append(("unknown", data, None))

    parser = Recorder(convert_charrefs=True)
    parser.feed(html)
    parser.close()
    return events


def _parsed_findings(html, hosts):
    """check_html's findings as html.parser alone gives them (the code before the fast
    path)."""
    from plugins.contract import body  # noqa: PLC0415

    checker = body.Checker(hosts)
    checker.feed(html)
    checker.close()
    checker.found.extend(body.early_comments(html))  # read apart, as check_html reads them
    return checker.found, checker.links, checker.images, checker.headings, \
        "\n".join(checker.prose), checker.warned


def _comparable(found):
    """check_html's findings with each footnote's needles (InFootnote) as a tuple."""
    from plugins.contract.lines import InFootnote  # noqa: PLC0415

    def plain(value):
        if isinstance(value, InFootnote):
            return ("footnote", value.label, plain(value.needles))
        if isinstance(value, (list, tuple)):
            return type(value)(plain(item) for item in value)
        return value if isinstance(value, str | int | None) else repr(value)

    return plain(found)


def test_markdown_html_gives_html_parsers_events_and_findings():
    import good_text  # noqa: PLC0415
    from support import ROOT, project_settings  # noqa: PLC0415

    from plugins.contract import body  # noqa: PLC0415
    from plugins.contract.markdown_html import markdown_events  # noqa: PLC0415
    from plugins.contract.reader import make_markdown  # noqa: PLC0415

    markdown = make_markdown(project_settings(ROOT / "pelicanconf.py"))
    hosts = ("www.youtube-nocookie.com",)
    texts = [text if isinstance(text, str) else text.decode("utf-8", "replace")
             for text in good_text.GOOD.values()]  # front matter too: a paragraph
    texts += [path.read_text(encoding="utf-8") for path in (ROOT / "content").rglob("*.md")]
    texts += ["Link [vuoto]() e ![](x.jpg) e <span class=\"x\">html</span> &amp; &lt;p&gt;",
              "# Titolo\n\n#### salto\n\n[^1] e nota[^2]\n\n[^2]: la nota",
              "<div>\n<script>alert(1)</script>\n</div>\n\n<!-- {static}/x -->"]
    fast = 0
    for text in texts:
        html = markdown.reset().convert(text)
        events = markdown_events(html)
        fast += events is not None
        if events is not None:
            assert events == _parser_events(html), html
        assert _comparable(body.check_html(html, iframe_hosts=hosts)) == \
            _comparable(_parsed_findings(html, hosts))
    assert fast >= len(texts) - 3  # all but raw HTML's and the comment's


def test_fast_path_on_random_html_is_html_parsers_or_none():
    import random  # noqa: PLC0415

    from plugins.contract import body  # noqa: PLC0415
    from plugins.contract.markdown_html import markdown_events  # noqa: PLC0415

    pieces = ["<", ">", "/", " ", "\n", "\t", "=", '"', "'", "&", "&amp;", "&lt;", "&#39;",
              "&quot", "a", "P", "img", "br", "li", "h2", "script", "style", "href",
              'href="{static}/x.jpg"', ' src="javascript:x"', ' alt=""', " id=\"fn:1\"",
              "on", "-", ":", ".", "é", "<!--", "-->", "<!", "<?", "</", "/>", " />", "{static}",
              "&#127;", ' href="http&#x7F;s://x"', "&#1"]
    tags = ["<p>", "</p>", "<a href=\"https://example.org/?a=1&amp;b=2\">", "</a>",
            '<img alt="x" src="{static}/immagini/f.jpg" />', "<br />", "<h2 id=\"t\">",
            "</h2>", "<ol reversed>", "<OL START=\"2\">", "<div class=\"footnote\">",
            "<li id=\"fn:2\">", "<code>", "</code>", "<script>", "<style>", "<td align=\"\">",
            "<iframe src=\"https://evil.example/\">", "<title>", "<textarea>", "<plaintext>",
            "<xmp>", "</script>", "</title>"]
    rng = random.Random(2026)
    hosts = ("www.youtube-nocookie.com",)
    fast = 0
    for _ in range(6000):
        html = "".join(rng.choice(tags) if rng.random() < 0.4 else rng.choice(pieces)
                       for _ in range(rng.randint(0, 16)))
        events = markdown_events(html)
        if events is not None:
            fast += 1
            assert events == _parser_events(html), html
        assert _comparable(body.check_html(html, iframe_hosts=hosts)) == \
            _comparable(_parsed_findings(html, hosts)), html
    assert fast > 600  # the fast path was taken often enough to be tested


def test_a_link_whose_text_is_its_address_is_marked():
    """Printed, such a link does not repeat its address (base.css, print): the text is
    the address, with or without the scheme or the last slash; another text, or a class
    of the editor's, is left as it is."""
    html = address_links(
        '<p><a href="https://a.it/x?p=1&amp;q=2">https://a.it/x?p=1&amp;q=2</a>'
        ' <a href="https://www.a.it/" title="t">www.a.it</a>'
        ' <a href="https://a.it/x">il regolamento</a>'
        ' <a href="https://a.it/" class="mio">https://a.it/</a>'
        ' <a href="mailto:x@a.it">x@a.it</a></p>')
    assert html == (
        '<p><a href="https://a.it/x?p=1&amp;q=2" class="address-link">https://a.it/x?p=1&amp;q=2</a>'
        ' <a href="https://www.a.it/" title="t" class="address-link">www.a.it</a>'
        ' <a href="https://a.it/x">il regolamento</a>'
        ' <a href="https://a.it/" class="mio">https://a.it/</a>'
        ' <a href="mailto:x@a.it">x@a.it</a></p>')


def published_body(body):
    """The body as the contract publishes it (check_file: Python-Markdown with the
    project's settings, the sanitizer and the steps after it)."""
    from plugins.contract.check import check_file  # noqa: PLC0415
    from plugins.contract.reader import make_markdown  # noqa: PLC0415
    from support import ROOT, article, project_settings  # noqa: PLC0415

    settings = project_settings(ROOT / "pelicanconf.py")
    checked = check_file(None, "notizie/note.md", settings, make_markdown(settings),
                         data=article(title="Note", body=body).encode())
    assert not checked.errors, checked.errors
    return checked.content


def test_the_notes_get_a_heading_once_unless_the_editor_wrote_one_before_them():
    """The notes' heading «Note» (footnotes.headed_notes) goes after their rule, before
    their list, once; an editor's own "## Note" right before the notes is their heading
    (not two in a row), and keeps its id; an editor's "## Note" elsewhere does not, and
    the notes' heading has no id to clash with its "note"."""
    import re  # noqa: PLC0415

    def headings(html):
        return re.findall(r"<h([1-6])([^>]*)>(.*?)</h\1>", html)

    text = "Un fatto[^1] e un altro[^2].\n\n[^1]: La fonte.\n[^2]: L'altra fonte.\n"
    html = published_body(text)
    assert headings(html) == [("2", ' class="footnote-titolo" data-pagefind-ignore', "Note")]
    assert re.search(r'<div class="footnote">\s*<hr>\s*<h2 [^>]*>Note</h2>\s*<ol>\s*'
                     r'<li id="fn:1">', html), html
    assert headings(published_body("Nessuna nota qui.\n\n## Altro\n\nTesto.")) == [
        ("2", ' id="altro"', "Altro")]
    own = published_body("Un fatto[^1].\n\n## Note\n\n[^1]: La fonte.\n")
    assert headings(own) == [("2", ' id="note"', "Note")]
    elsewhere = published_body("## Note\n\nPremessa.\n\nUn fatto[^1].\n\n[^1]: La fonte.\n")
    assert [attributes for _, attributes, text in headings(elsewhere)] == [
        ' id="note"', ' class="footnote-titolo" data-pagefind-ignore']
