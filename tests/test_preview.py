"""The editors' live preview (tools/preview.py): errors in the browser, last good build kept."""

import contextlib
import html
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import threading
import sys
import time

import pytest

from browser_support import chromium, format_violations, run_axe
from samples import image
from support import (ROOT, article, build_site, child_env, forked_safe_build, free_port,
                     run_tool, write_conf, write_content)
from tools.preview import PreviewSite, StaticHandler

GOOD = article(title="Buona notizia", body="Il testo buono.")
BROKEN = article(title="Buona notizia", date="5 maggio 2024", body="Il testo buono.")
DATE_ERROR = "content/notizie/a.md:3: errore: `date`"  # BROKEN's
# GOOD with a warning: a key the contract does not know (the page's address is the same)
WARNED = article(title="Buona notizia", body="Il testo buono.", colore="rosso")
COLOUR_WARNING = ("content/notizie/a.md:4: avviso: chiave sconosciuta `colore`, ignorata:"
                  " correggila se è scritta male, altrimenti togli la riga / unknown key"
                  " `colore`")


def get(site, path):
    status, _, body = site.answer(path)
    return status, body.decode("utf-8")


@pytest.fixture
def preview(tmp_path, forked_safe_builds):
    """A preview of one good article, its builds forked from the build server (what the
    preview shows is the subject; the theme error's log, laid out by the real child, and
    tools/preview.py's own process are tested below with the command)."""
    write_content(tmp_path / "content", {"notizie/a.md": GOOD})
    conf = write_conf(tmp_path, config="previewconf")
    return PreviewSite(conf, tmp_path / "output", tmp_path / "content")


@pytest.fixture(scope="module")
def built_preview(tmp_path_factory):
    """``preview`` built once, for the tests that only ask it for files (the others
    change its content: a preview of their own)."""
    from tools import safe_build  # noqa: PLC0415

    folder = tmp_path_factory.mktemp("preview")
    write_content(folder / "content", {"notizie/a.md": GOOD})
    conf = write_conf(folder, config="previewconf")
    site = PreviewSite(conf, folder / "output", folder / "content")
    with pytest.MonkeyPatch.context() as patch:  # forked_safe_builds, for this build
        patch.setattr(safe_build, "run_pelican", forked_safe_build)
        assert site.rebuild()
    return site


def test_a_failed_build_keeps_the_last_good_one_and_shows_why_on_every_page(preview):
    assert preview.rebuild()
    status, page = get(preview, "/2024/05/buona-notizia/")
    assert status == 200 and "Il testo buono." in page and "preview-errors" not in page
    assert '<script src="/__anteprima/ricarica.js" defer></script></head>' in page

    (preview.content / "notizie" / "a.md").write_text(BROKEN, encoding="utf-8")
    assert not preview.rebuild()
    for path in ("/", "/2024/05/buona-notizia/"):
        status, page = get(preview, path)
        assert status == 200 and ("Il testo buono." in page or path == "/")
        panel = page[page.index('<section class="preview-errors"'):]
        assert 'role="alert"' in panel[:100]
        assert "content/notizie/a.md:3: errore: `date` non è una data valida (5 maggio" \
            " 2024)" in panel
    status, page = get(preview, "/non-esiste/")
    assert status == 404 and "preview-errors" in page

    (preview.content / "notizie" / "a.md").write_text(GOOD, encoding="utf-8")
    assert preview.rebuild()
    assert "preview-errors" not in get(preview, "/2024/05/buona-notizia/")[1]


def warnings_panel(page):
    """The preview's warnings panel on ``page`` (its HTML)."""
    start = page.index('<section class="preview-warnings"')
    return page[start:page.index("</section>", start) + len("</section>")]


def listed(panel):
    """The lines a panel lists, unescaped."""
    return [html.unescape(line) for line in
            re.findall(r"<li>(?:<strong>[^<]*</strong> )?<code>(.*?)</code>", panel)]


def check_warnings(folder):
    """``./run check``'s warnings for the site of ``folder`` (testconf.py, content/)."""
    status, out, err = run_tool(folder, "check", "--settings", "testconf.py", "--content",
                                "content")
    return [line for line in out.splitlines() if ": avviso: " in line]


def test_the_builds_warnings_are_folded_at_the_top_of_every_page_as_check_words_them(preview):
    """A warning never stops the build, and showed only in the terminal: an editor
    looking at the browser never saw it. Every page of the preview has it at the top,
    folded, worded as ``./run check`` words it (file, line, message: the very lines),
    the long ones whole (the build's log wraps them); gone once fixed."""
    (preview.content / "notizie" / "a.md").write_text(WARNED, encoding="utf-8")
    (preview.content / "immagini").mkdir()
    (preview.content / "immagini" / "dimenticata.png").write_bytes(image())  # no item uses
    assert preview.rebuild()
    expected = check_warnings(preview.content.parent)
    assert len(expected) == 2 and COLOUR_WARNING in expected, expected
    assert any(line.startswith("content/immagini/dimenticata.png: avviso: file non usato")
               and len(line) > 200 for line in expected), expected  # wrapped in the log
    for path in ("/", "/2024/05/buona-notizia/", "/non-esiste/"):
        page = get(preview, path)[1]
        panel = warnings_panel(page)
        assert '<h2 id="preview-warnings">Anteprima: 2 avvisi' in panel, panel
        assert sorted(listed(panel)) == sorted(expected), (listed(panel), expected)
        assert "<details><summary>" in panel  # folded (not <details open>)
        assert "role=" not in panel and "autofocus" not in panel and "tabindex" not in panel
        # after the skip link, the first stop of Tab; no error panel (the build succeeded)
        assert page.index('class="skip-link"') < page.index('class="preview-warnings"')
        assert "preview-errors" not in page
        assert "Il testo buono." in page or path != "/2024/05/buona-notizia/"
    state = json.loads(get(preview, "/__anteprima/stato")[1])
    assert state["errors"] == 0 and state["warnings"] == expected
    # a build after another change reads the warned file from the caches: it still says it
    (preview.content / "notizie" / "b.md").write_text(
        article(title="Altra notizia", body="Un altro testo."), encoding="utf-8")
    assert preview.rebuild()
    assert json.loads(get(preview, "/__anteprima/stato")[1])["warnings"] == expected

    (preview.content / "notizie" / "a.md").write_text(GOOD, encoding="utf-8")
    (preview.content / "immagini" / "dimenticata.png").unlink()
    assert preview.rebuild()
    assert check_warnings(preview.content.parent) == []
    for path in ("/", "/2024/05/buona-notizia/"):
        assert "preview-warnings" not in get(preview, path)[1]
    assert json.loads(get(preview, "/__anteprima/stato")[1])["warnings"] == []


def test_an_items_page_lists_its_own_warnings_first_and_links_the_others(preview):
    """Every warning of the content on every page left a reader of one article looking
    for its own among all the others. On an item's page its own come first, marked "In
    questa pagina" and counted in the heading (as the web editor puts the open item's
    first, "…, 1 in questa voce"); the others keep check's order, each with a link to its
    item's page (a file no item is, an unused picture, has none). Elsewhere (the home
    page, a page not found) none is "in questa pagina". The explanation is the state's,
    the one the web editor shows too. Each link is named by its file for screen readers
    (visually hidden): two «Apri la pagina» led to two pages (WCAG 2.4.4). The state
    gives the web editor each warning's file and page and its heading by open item, so
    that its script has no second copy of these rules."""
    (preview.content / "notizie" / "a.md").write_text(WARNED, encoding="utf-8")
    (preview.content / "notizie" / "b.md").write_text(
        article(title="Altra notizia", body="Un altro testo.", sapore="dolce"),
        encoding="utf-8")
    (preview.content / "immagini").mkdir()
    (preview.content / "immagini" / "dimenticata.png").write_bytes(image())
    assert preview.rebuild()
    expected = check_warnings(preview.content.parent)
    assert len(expected) == 3, expected
    [a_warning] = [line for line in expected if line.startswith("content/notizie/a.md:")]
    [b_warning] = [line for line in expected if line.startswith("content/notizie/b.md:")]
    [unused] = [line for line in expected if line.startswith("content/immagini/")]
    state = json.loads(get(preview, "/__anteprima/stato")[1])

    def items(panel):
        return [html.unescape(item) for item in re.findall(r"<li>(.*?)</li>", panel)]

    def link(address, file):
        return (f' <a href="{html.escape(address)}">Apri la pagina<span'
                f' class="visually-hidden"> di {html.escape(file)}</span></a>')

    def link_names(panel):  # the links' accessible names: their text, hidden or not
        return [" ".join(re.sub(r"<[^>]+>", "", html.unescape(name)).split())
                for name in re.findall(r"<a\b[^>]*>(.*?)</a>", panel)]

    files = ["content/notizie/a.md", "content/notizie/b.md", "content/immagini/dimenticata.png"]
    pages = {"content/notizie/a.md": "/2024/05/buona-notizia/",
             "content/notizie/b.md": "/2024/05/altra-notizia/"}
    assert state["warnings_at"] == [
        {"file": file, "page": pages.get(file)}
        for line in expected for file in files if line.startswith(file + ":")]
    assert state["warnings_headings"] == {
        "": "Anteprima: 3 avvisi", "content/notizie/a.md": "Anteprima: 3 avvisi, 1 in questa voce",
        "content/notizie/b.md": "Anteprima: 3 avvisi, 1 in questa voce",
        "content/immagini/dimenticata.png": "Anteprima: 3 avvisi, 1 in questa voce"}

    panel = warnings_panel(get(preview, "/2024/05/buona-notizia/")[1])
    assert '<h2 id="preview-warnings">Anteprima: 3 avvisi, 1 in questa pagina</h2>' in panel
    assert listed(panel) == [a_warning] + [line for line in expected if line != a_warning]
    found = items(panel)
    assert found[0] == f"<strong>In questa pagina:</strong> <code>{a_warning}</code>", found
    assert f"<code>{b_warning}</code>{html.unescape(link(pages[files[1]], files[1]))}" \
        in found, found
    assert f"<code>{unused}</code>" in found, found  # no page of its own: no link
    assert f"<p>{html.escape(state['warnings_help'])}</p>".replace(
        "./run check", "<code>./run check</code>") in panel, panel

    panel = warnings_panel(get(preview, "/2024/05/altra-notizia/")[1])
    assert "Anteprima: 3 avvisi, 1 in questa pagina</h2>" in panel
    assert listed(panel)[0] == b_warning
    assert f"<code>{a_warning}</code>{html.unescape(link(pages[files[0]], files[0]))}" \
        in items(panel), items(panel)
    for path in ("/", "/non-esiste/"):
        panel = warnings_panel(get(preview, path)[1])
        assert '<h2 id="preview-warnings">Anteprima: 3 avvisi</h2>' in panel, panel
        assert listed(panel) == expected and "In questa pagina" not in panel
        assert link_names(panel) == ["Apri la pagina di content/notizie/a.md",
                                     "Apri la pagina di content/notizie/b.md"], panel
    # a failed build serves the last good pages: their own warnings still come first
    (preview.content / "notizie" / "c.md").write_text(BROKEN.replace("Buona", "Terza"),
                                                      encoding="utf-8")
    assert not preview.rebuild()
    panel = warnings_panel(get(preview, "/2024/05/buona-notizia/")[1])
    assert "in questa pagina</h2>" in panel and listed(panel)[0] == a_warning


def test_a_failed_build_shows_its_warnings_under_its_errors(preview):
    """After a failed build the warnings are check's (which explains the failure), in
    their panel after the error panel's."""
    assert preview.rebuild()
    (preview.content / "notizie" / "a.md").write_text(
        article(title="Buona notizia", date="5 maggio 2024", body="Il testo buono.",
                colore="rosso"), encoding="utf-8")
    assert not preview.rebuild()
    page = get(preview, "/2024/05/buona-notizia/")[1]
    assert page.index('class="preview-errors"') < page.index('class="preview-warnings"')
    assert listed(warnings_panel(page)) == [COLOUR_WARNING]
    # all the warnings are the page's own: counted once
    assert "Anteprima: 1 avviso in questa pagina</h2>" in warnings_panel(page)


def test_a_public_build_has_no_warnings_panel(tmp_path):
    """The panel is the preview's (tools/preview.py adds it to the pages it serves): a
    public build of content with warnings has it on no page."""
    build = build_site(tmp_path, {"notizie/a.md": WARNED}, config="publishconf")
    assert build.returncode == 0, build.log
    assert "chiave sconosciuta `colore`" in build.log  # the warning is there
    pages = list(build.output.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "preview-warnings" not in text and "avviso:" not in text, page
    # nor the note of which item each page is written from (the preview's
    # CONTRACT_PREVIEW_SOURCES): no file the build wrote maps a page to the item's file
    # (the web editor's own files name it, as a file it may open, not as a page's)
    noting = [path for path in build.output.rglob("*") if path.is_file()
              and re.search(rb'index\.html"\s*:\s*"notizie/a\.md"', path.read_bytes())]
    assert noting == []


def test_the_web_editor_is_not_reloaded_and_is_told_where_the_errors_are(preview):
    """A reload of /admin/ at every build (each save is one) would lose what the editor is
    writing: its page is given the address of the state instead (in its head, before its
    script, preview-errors.js, asks for it), and the state names the errors."""
    assert preview.rebuild()
    status, page = get(preview, "/admin/")
    assert status == 200 and "ricarica.js" not in page and "preview-errors" not in page
    tag = '<meta name="anteprima-stato" content="/__anteprima/stato">'
    assert page.count(tag) == 1 and page.index(tag) < page.index("<body")
    assert json.loads(get(preview, "/__anteprima/stato")[1])["problems"] == []

    (preview.content / "notizie" / "a.md").write_text(BROKEN, encoding="utf-8")
    assert not preview.rebuild()
    status, page = get(preview, "/admin/")
    assert "ricarica.js" not in page and "preview-errors" not in page
    state = json.loads(get(preview, "/__anteprima/stato")[1])
    assert state["errors"] == 1 and state["problems"][0].startswith(
        "content/notizie/a.md:3: errore: `date` non è una data valida")


def test_a_link_to_a_draft_is_shown_as_an_error_though_the_preview_shows_the_draft(preview):
    """The preview writes drafts (the link works there), the public build would not (the
    link would lead to the home page): the preview says so, as the public build would."""
    (preview.content / "notizie" / "bozza.md").write_text(
        article(title="Bozza", status="draft"), encoding="utf-8")
    assert preview.rebuild()
    (preview.content / "notizie" / "a.md").write_text(
        article(title="Buona notizia", body="Vedi [la bozza]({filename}bozza.md)."),
        encoding="utf-8")
    assert not preview.rebuild()
    panel = get(preview, "/2024/05/bozza/")[1].split('<section class="preview-errors"', 1)[1]
    assert "content/notizie/a.md:6: errore: il link punta a notizie/bozza.md, che è una bozza" \
        " e non sarà pubblicato" in panel


def test_a_link_to_a_page_the_build_did_not_write_is_shown_at_its_line(preview):
    """Judged at the end of the build (against the files written), where ``./run check``,
    which the preview runs to explain a failed build, cannot see it (the year is one the
    site writes): the build's own error, worded as check words the others, not "an error
    of the theme, the plugins or the settings" with the log's end."""
    assert preview.rebuild()
    (preview.content / "notizie" / "a.md").write_text(
        article(title="Buona notizia", body="Vedi [la festa](/2024/05/festa-tolta/)."),
        encoding="utf-8")
    assert not preview.rebuild()
    panel = get(preview, "/2024/05/buona-notizia/")[1].split(
        '<section class="preview-errors"', 1)[1]
    assert "content/notizie/a.md:6: errore: il link /2024/05/festa-tolta/ porta a una pagina o" \
        " a un file che il sito non ha" in panel, panel
    assert "errore del sito stesso" not in panel
    assert json.loads(get(preview, "/__anteprima/stato")[1])["errors"] == 1


def test_a_theme_error_shows_the_logs_end_with_whole_lines(tmp_path):
    """Not a content problem: the panel says so and shows the log's last lines, each as
    Pelican wrote it (a piped log was laid out 80 columns wide: the exception's message
    was cut into pieces of 40 characters)."""
    write_content(tmp_path / "content", {"notizie/a.md": GOOD})
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    base = theme / "templates" / "base.html"  # analysed by the render cache first
    base.write_text(base.read_text(encoding="utf-8").replace("{% block", "{% blok", 1),
                    encoding="utf-8")
    conf = write_conf(tmp_path, f"THEME = {str(theme)!r}\n", config="previewconf")
    site = PreviewSite(conf, tmp_path / "output", tmp_path / "content")
    assert not site.rebuild()  # and no good build to show: the panel on a page of its own
    status, page = get(site, "/")
    assert status == 503 and '<script src="/__anteprima/ricarica.js"' in page
    panel = page.split('<section class="preview-errors"', 1)[1]
    # in plain words, with whom to ask (it was "errore del tema, dei plugin o delle
    # impostazioni: vedi il registro", the log an editor cannot read)
    assert ("errore del sito stesso (il suo aspetto, i suoi programmi o le sue impostazioni),"
            " non di un file di content/: chiedi a chi gestisce il sito") in panel
    assert "ancora una versione riuscita" in panel
    # the page's only heading is its <h1> (an <h2> alone left the page without one)
    assert re.findall(r"<(h[1-6])\b", page) == ["h1"]
    log = panel.split("<pre><code>", 1)[1].split("</code></pre>", 1)[0]
    assert "TemplateSyntaxError: Encountered unknown tag &#x27;blok&#x27;" in log
    assert "base.html" in log  # the template is named (it was "<unknown>")
    assert not any(line.endswith(" ") for line in log.splitlines())


def test_the_server_never_serves_outside_the_output(built_preview):
    assert (built_preview.output.parent / "testconf.py").is_file()  # there to be refused
    assert get(built_preview, "/../testconf.py")[0] == 404
    assert get(built_preview, "/%2e%2e/testconf.py")[0] == 404


def test_the_preview_answers_head_requests_as_the_web_server_does(built_preview):
    """The web editor asks the site with HEAD whether a new upload's name is a published
    file's, and refuses the save if so (published-files.js). The preview's server
    answered HEAD with 501, so under ``./run livereload`` every file looked absent and a
    new item's upload replaced a published attachment of the same name silently."""
    import threading  # noqa: PLC0415
    from http.server import ThreadingHTTPServer  # noqa: PLC0415
    from urllib.error import HTTPError  # noqa: PLC0415
    from urllib.request import Request, urlopen  # noqa: PLC0415

    from tools.preview import _handler  # noqa: PLC0415

    with ThreadingHTTPServer(("127.0.0.1", 0), _handler(built_preview)) as server:
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        try:
            page = f"{origin}/2024/05/buona-notizia/"
            with urlopen(Request(page, method="HEAD"), timeout=10) as answer:
                head = (answer.status, answer.headers["Content-Length"], answer.read())
            with urlopen(page, timeout=10) as answer:
                length = len(answer.read())
            with pytest.raises(HTTPError) as missing:
                urlopen(Request(f"{origin}/allegati/2024/nessuno.pdf", method="HEAD"),
                        timeout=10)
            missing.value.close()  # its connection (left open, a ResourceWarning later)
        finally:
            server.shutdown()
    assert head == (200, str(length), b"")
    assert missing.value.code == 404


def test_the_pages_at_old_addresses_are_served_as_pages(preview):
    """plugins/redirects writes them as /chi-siamo.php or /index.php/notizie/123, which
    the web server sends as text/html (deploy/nginx.conf): the preview too, or the
    browser downloaded them instead of following them."""
    (preview.content / "notizie" / "a.md").write_text(article(
        title="Buona notizia", body="Il testo buono.",
        indirizzi_precedenti=["/index.php/notizie/123", "/vecchie/Notizia.PHP",
                              "/vecchie/notizia.htm"]), encoding="utf-8")
    assert preview.rebuild()
    for path in ("/index.php/notizie/123", "/vecchie/Notizia.PHP", "/vecchie/notizia.htm"):
        status, kind, body = preview.answer(path)
        assert (status, kind) == (200, "text/html"), path
        assert b'content="0; url=/2024/05/buona-notizia/"' in body
        assert b"/__anteprima/ricarica.js" in body  # reloaded like every page
    assert preview.answer("/robots.txt")[1] == "text/plain"


def wait_for_port(port):
    """Until the server accepts connections (it prints its address just before)."""
    for _ in range(500):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.02)
    raise AssertionError(f"nothing listens on {port}")


def test_the_port_a_test_picks_is_kept_from_other_sockets_until_its_server_binds_it():
    """The previews (and nginx) bind the port the test picked only once started, seconds
    later; the port was let go meanwhile, and another socket asking for a free port
    (another xdist worker's server) could be given it: the preview then stopped, the
    address taken, or the test read the other server's pages."""
    from http.server import ThreadingHTTPServer  # noqa: PLC0415 - the preview's server

    port = free_port()
    with socket.socket() as other, pytest.raises(OSError):
        other.bind(("127.0.0.1", port))
    with ThreadingHTTPServer(("127.0.0.1", port), StaticHandler) as server:
        assert server.server_address == ("127.0.0.1", port)


@pytest.fixture(scope="module")
def browser():
    """One Chromium for the module's browser tests, each page in a context of its own."""
    with chromium() as launched:
        yield launched


class RunningPreview:
    """``tools/preview.py`` (its own process) of one good article on a free port, shared by
    the browser tests that each break the article and mend it again (:meth:`good`)."""

    def __init__(self, folder):
        write_content(folder / "content", {"notizie/a.md": GOOD})
        self.article = folder / "content" / "notizie" / "a.md"
        self.port = free_port()
        self.origin = f"http://127.0.0.1:{self.port}"
        self.server = start_preview(folder, write_conf(folder, config="previewconf",
                                                       siteurl=""), self.port)

    def state(self):
        from urllib.request import urlopen  # noqa: PLC0415

        with urlopen(f"{self.origin}/__anteprima/stato", timeout=10) as answer:
            return json.loads(answer.read())

    def good(self):
        """The article good and its build served, as the preview started: a test that
        stopped half way may have left it broken (or its mended text not built yet)."""
        before = self.state()
        if self.article.read_text(encoding="utf-8") == GOOD and not before["errors"]:
            return
        self.article.write_text(GOOD, encoding="utf-8")
        deadline = time.monotonic() + 60
        while True:  # only after a test that failed: until the good text is built
            state = self.state()
            if state["generation"] > before["generation"] and not state["errors"]:
                return
            assert time.monotonic() < deadline, state
            time.sleep(0.1)


@pytest.fixture(scope="module")
def running_preview(tmp_path_factory):
    preview = RunningPreview(tmp_path_factory.mktemp("running-preview"))
    yield preview
    stop_preview(preview.server)


@pytest.fixture
def good_preview(running_preview):
    """:class:`RunningPreview`, its article good and built at the start of each test."""
    running_preview.good()
    return running_preview


def get_with_host(port, path, host, method="GET"):
    """``(status, body)`` of ``path`` asked of 127.0.0.1:``port`` with ``Host: host``, as
    a browser sends it for a page of that name (DNS rebinding: its name resolved to
    127.0.0.1)."""
    import http.client  # noqa: PLC0415

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, headers={"Host": host})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8")
    finally:
        connection.close()


@pytest.mark.parametrize("host", ["attacker.example:{port}", "localhost.attacker.example:{port}",
                                  "127.0.0.1.nip.io:{port}", "", "[bad"])
def test_the_preview_refuses_pages_of_another_domain_resolved_to_this_machine(
        good_preview, host):
    """A page of another site, its domain made to resolve to 127.0.0.1 (DNS rebinding),
    read the preview's pages (the drafts and the scheduled items it shows) and its
    state (the files' problems): same-origin for the browser. Its Host names its
    domain: 403, nothing of the site."""
    port = good_preview.port
    for path in ("/2024/05/buona-notizia/", "/__anteprima/stato", "/admin/"):
        status, body = get_with_host(port, path, host.format(port=port))
        assert status == 403, (path, body)
        assert "Il testo buono" not in body and "generation" not in body
        assert body.startswith("Anteprima: il nome ") and "non è tra quelli che questo" \
            " computer riconosce come propri" in body, body


@pytest.mark.parametrize("host", ["localhost:{port}", "127.0.0.1:{port}", "LOCALHOST:{port}",
                                  "[::1]:{port}", "192.168.1.20:{port}", "127.0.0.1"])
def test_the_preview_answers_its_own_addresses(good_preview, host):
    """localhost, or any address (an IP, which no rebinding can name: the machine's own
    on the network, with HOST=0.0.0.0)."""
    status, body = get_with_host(good_preview.port, "/2024/05/buona-notizia/",
                                 host.format(port=good_preview.port))
    assert status == 200 and "Il testo buono" in body


def test_serve_refuses_pages_of_another_domain_resolved_to_this_machine(tmp_path):
    """``./run serve``'s server (StaticHandler) likewise; the name it was started on
    (``HOST=mypc.lan``) is its own."""
    import functools  # noqa: PLC0415
    from http.server import ThreadingHTTPServer  # noqa: PLC0415 - the serve task's server

    (tmp_path / "index.html").write_text("<p>Il sito</p>", encoding="utf-8")
    handler = functools.partial(StaticHandler, directory=str(tmp_path))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        server.bound_name = "mypc.lan"
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            port = server.server_address[1]
            for method in ("GET", "HEAD"):
                status, body = get_with_host(port, "/", f"attacker.example:{port}", method)
                assert status == 403 and "Il sito" not in body
            for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"mypc.lan:{port}"):
                assert get_with_host(port, "/", host) == (200, "<p>Il sito</p>")
        finally:
            server.shutdown()


def test_a_refused_name_is_named_with_the_ways_out_from_a_phone(tmp_path):
    """``HOST=0.0.0.0 ./run serve``, opened at http://mypc.local:8000 (on a phone): 403
    with "apri il sito da http://localhost…", the phone itself. It names the host, the
    machine's IP address the request reached (the one to open from the phone) and
    HOST=mypc.local; on loopback, localhost."""
    import functools  # noqa: PLC0415
    import http.client  # noqa: PLC0415
    from http.server import ThreadingHTTPServer  # noqa: PLC0415 - the serve task's server

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # sends nothing: the address it would use
            address = probe.getsockname()[0]
        except OSError:
            address = "127.0.0.1"
    if address.startswith("127."):
        pytest.skip("this machine has no network address besides loopback")
    (tmp_path / "index.html").write_text("<p>Il sito</p>", encoding="utf-8")
    handler = functools.partial(StaticHandler, directory=str(tmp_path))
    with ThreadingHTTPServer(("0.0.0.0", 0), handler) as server:
        server.bound_name = "0.0.0.0"  # as the serve task sets it
        threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True).start()
        try:
            port = server.server_address[1]
            told = {}
            for reached in (address, "127.0.0.1"):
                connection = http.client.HTTPConnection(reached, port, timeout=10)
                connection.request("GET", "/", headers={"Host": f"mypc.local:{port}"})
                response = connection.getresponse()
                told[reached] = (response.status, response.read().decode("utf-8"))
                connection.close()
            assert get_with_host(port, "/", f"{address}:{port}") == (200, "<p>Il sito</p>")
        finally:
            server.shutdown()
    status, body = told[address]
    assert status == 403
    assert body.startswith("Anteprima: il nome «mypc.local» non è tra quelli che questo"
                           f" computer riconosce come propri: apri http://{address}:{port}/,"
                           " l'indirizzo IP di questo computer (anche da un telefono"), body
    assert "oppure riavvia con HOST=mypc.local (per esempio HOST=mypc.local ./run" \
        " livereload)" in body, body
    assert "localhost" not in body and "Preview: the name 'mypc.local'" in body, body
    status, body = told["127.0.0.1"]
    assert status == 403 and f"apri http://localhost:{port}/ su questo computer" in body, body


@pytest.mark.browser
def test_the_browser_shows_the_error_and_reloads_when_it_is_fixed(good_preview, browser):
    from playwright.sync_api import expect  # noqa: PLC0415

    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{good_preview.origin}/2024/05/buona-notizia/")
        expect(page.locator("h1")).to_have_text("Buona notizia")
        good_preview.article.write_text(BROKEN, encoding="utf-8")
        panel = page.locator(".preview-errors")
        expect(panel).to_contain_text("content/notizie/a.md:3: errore: `date`",
                                      timeout=60_000)  # reloaded by itself
        expect(page.locator(".lead")).to_contain_text("Il testo buono.")  # the last good build
        good_preview.article.write_text(GOOD, encoding="utf-8")
        expect(panel).to_have_count(0, timeout=60_000)
    finally:
        context.close()


@pytest.mark.browser
def test_the_browser_shows_a_warning_folded_and_drops_it_when_it_is_fixed(good_preview,
                                                                          browser):
    """The editor saves an item with a warning: the open page reloads by itself with a
    yellow line at its top, "Anteprima: 1 avviso in questa pagina" (the warning is the
    page's own item's: the preview's process reads which, the build's note), a heading
    in a region of its own, folded, focus left where it was (Tab still goes to the skip
    link first); opened, the file, line and message, marked "In questa pagina", axe-core
    content in light and dark; in forced colours it keeps
    an edge. Fixed, it goes."""
    from playwright.sync_api import expect  # noqa: PLC0415

    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{good_preview.origin}/2024/05/buona-notizia/")
        expect(page.locator("h1")).to_have_text("Buona notizia")
        good_preview.article.write_text(WARNED, encoding="utf-8")
        region = page.get_by_role("region", name="Anteprima: 1 avviso in questa pagina")
        expect(region).to_be_visible(timeout=60_000)  # reloaded by itself
        expect(region.get_by_role("heading", level=2)).to_have_text(
            "Anteprima: 1 avviso in questa pagina")
        message = region.get_by_text(COLOUR_WARNING)
        expect(message).to_be_hidden()  # folded
        assert page.evaluate("document.activeElement === document.body")
        page.keyboard.press("Tab")
        expect(page.locator(".skip-link")).to_be_focused()
        page.keyboard.press("Tab")
        expect(region.locator("summary")).to_be_focused()
        page.keyboard.press("Enter")
        expect(message).to_be_visible()
        expect(region.locator("li")).to_have_text(["In questa pagina: " + COLOUR_WARNING])
        for scheme in ("light", "dark"):  # its yellow's contrast in both
            page.emulate_media(color_scheme=scheme)
            violations = run_axe(page)
            assert not violations, format_violations(violations)
        page.emulate_media(forced_colors="active")
        edge = region.evaluate("e => getComputedStyle(e).borderTopStyle")
        assert edge == "solid", edge
        good_preview.article.write_text(GOOD, encoding="utf-8")
        expect(page.locator(".preview-warnings")).to_have_count(0, timeout=60_000)
        expect(page.locator(".lead")).to_contain_text("Il testo buono.")
    finally:
        context.close()


@pytest.mark.browser
def test_the_web_editor_shows_the_errors_of_a_save_without_reloading(good_preview, browser):
    """An editor saving from /admin/ (the local backend writes into content/) did not see
    that the save broke the build: the page is never reloaded, and the site's error
    panel is not on it. The errors show over the editor, each with a link to its item,
    and go away when the file is fixed; the page is the same page throughout."""
    from playwright.sync_api import expect  # noqa: PLC0415

    context = browser.new_context()
    try:
        page = context.new_page()
        def quick(route):
            """The preview's mark given a data-ogni-ms (preview-errors.js): the state
            asked every 100 ms, not every 2 s (the test waits for builds, not the clock)."""
            served = route.fetch()
            route.fulfill(response=served, body=served.text().replace(
                '<meta name="anteprima-stato"', '<meta data-ogni-ms="100" name="anteprima-stato"'))

        page.route(f"{good_preview.origin}/admin/", quick)
        page.goto(f"{good_preview.origin}/admin/")
        expect(page.locator('meta[name="anteprima-stato"]')).to_have_attribute(
            "data-ogni-ms", "100")
        page.evaluate("window.sameDocument = true")
        good_preview.article.write_text(BROKEN, encoding="utf-8")
        panel = page.locator(".anteprima-errori")
        expect(panel).to_contain_text("content/notizie/a.md:3: errore: `date`",
                                      timeout=60_000)
        expect(panel).to_have_attribute("role", "alert")
        expect(panel.get_by_role("heading")).to_have_text(
            "Il sito non è stato aggiornato: ci sono errori da correggere")
        expect(panel.get_by_role("link", name="Apri nell’editor")).to_have_attribute(
            "href", "#/collections/notizie/entries/a")
        good_preview.article.write_text(GOOD, encoding="utf-8")
        expect(panel).to_have_attribute("role", "status", timeout=60_000)
        expect(panel).to_contain_text("Errori corretti")
        assert page.evaluate("window.sameDocument") is True  # never reloaded
    finally:
        context.close()


def test_editors_swap_and_backup_files_do_not_rebuild(tmp_path):
    """vim rewrites its swap file every few seconds, Emacs its #a.md#: each write was a
    whole rebuild, and the open page reloaded while the editor typed."""
    from tools import preview as preview_tool  # noqa: PLC0415

    folder = tmp_path / "content" / "notizie"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text(GOOD, encoding="utf-8")
    before = preview_tool.snapshot([tmp_path / "content"])
    for name in (".a.md.swp", "#a.md#", "a.md~", "4913", ".DS_Store", "Thumbs.db"):
        (folder / name).write_text("x", encoding="utf-8")
    assert preview_tool.snapshot([tmp_path / "content"]) == before
    (folder / "b.md").write_text(GOOD, encoding="utf-8")
    assert set(preview_tool.snapshot([tmp_path / "content"])) - set(before) == {
        str(folder / "b.md")}


def test_the_watcher_keeps_watching_after_a_round_fails(tmp_path, monkeypatch):
    """A folder deleted while it was scanned raised out of the watching thread, which
    ended: every later change went unseen, the browser still showing the old site."""
    from tools import preview as preview_tool  # noqa: PLC0415

    (tmp_path / "a.md").write_text("uno", encoding="utf-8")
    rounds, rebuilt, stop = [], threading.Event(), threading.Event()
    real = preview_tool.snapshot

    def flaky(roots):
        rounds.append(1)
        if len(rounds) == 2:
            raise FileNotFoundError("content/immagini/album")  # as os.scandir raised it
        return real(roots)

    class Site:
        def rebuild(self):
            rebuilt.set()

    monkeypatch.setattr(preview_tool, "snapshot", flaky)
    monkeypatch.setattr(preview_tool, "POLL_SECONDS", 0.05)
    watcher = threading.Thread(target=preview_tool.watch, args=(Site(), [tmp_path], stop))
    watcher.start()
    try:
        deadline = time.monotonic() + 60
        while len(rounds) <= 3:  # until the failing round is behind it (a write before
            # its first round would be the state it starts from: never a rebuild)
            assert time.monotonic() < deadline and watcher.is_alive(), rounds
            time.sleep(0.02)
        (tmp_path / "a.md").write_text("due, più lungo", encoding="utf-8")
        assert rebuilt.wait(60) and watcher.is_alive()
    finally:
        stop.set()
        watcher.join(5)


def test_a_second_preview_on_a_busy_address_stops_before_building(tmp_path):
    """It built over the running preview's site (its drafts gone) and then failed with a
    traceback."""
    write_content(tmp_path / "content", {"notizie/a.md": GOOD})
    conf = write_conf(tmp_path, config="previewconf", siteurl="")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, str(ROOT / "tools" / "preview.py"), "--settings", str(conf),
             "--content", str(tmp_path / "content"), "--output", str(tmp_path / "output"),
             "--host", "127.0.0.1", "--port", str(port)],
            capture_output=True, text=True, env=child_env(), cwd=tmp_path, timeout=60,
            check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"l'indirizzo 127.0.0.1:{port} non è disponibile" in result.stderr
    assert not (tmp_path / "output").exists()


def start_preview(tmp_path, conf, port, output=None):
    """tools/preview.py on ``port``, once its first build is served."""
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "tools" / "preview.py"), "--settings", str(conf),
         "--content", str(tmp_path / "content"),
         "--output", str(output or tmp_path / "output"), "--host", "127.0.0.1",
         "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=child_env(),
        cwd=tmp_path)
    for line in server.stdout:  # until the first build is done
        if "Anteprima su" in line:
            break
    wait_for_port(port)
    return server


def stop_preview(server):
    server.terminate()
    server.wait(timeout=10)
    server.stdout.close()


# An upload no item uses: its warning, longer than the log's lines are wide, is wrapped.
FORGOTTEN = "una-fotografia-della-festa-di-primavera-al-civic-center-rimasta-nella-cartella.png"


def test_the_preview_process_words_its_warnings_as_check_does(tmp_path):
    """tools/preview.py's own build (a child Pelican, its log laid out by rich with the
    source column, which a wrapped message's first line ends with: "… `image` o
    __init__.py:144") gives the very lines of ``./run check``."""
    from urllib.request import urlopen  # noqa: PLC0415

    write_content(tmp_path / "content", {"notizie/a.md": WARNED,
                                         f"immagini/{FORGOTTEN}": image()})
    conf = write_conf(tmp_path, config="previewconf", siteurl="")
    port = free_port()
    server = start_preview(tmp_path, conf, port)
    try:
        with urlopen(f"http://127.0.0.1:{port}/__anteprima/stato", timeout=10) as answer:
            state = json.loads(answer.read())
    finally:
        stop_preview(server)
    expected = check_warnings(tmp_path)
    assert len(expected) == 2 and state["warnings"] == expected, (state, expected)


def test_a_save_as_the_preview_starts_is_built(tmp_path):
    """The watching thread read the files only after the first build, as the preview
    said where it serves: a file saved during the first build, or right after that line
    (before the thread had read it), was its starting state, never built; the browser
    kept the old page until the next save."""
    from urllib.request import urlopen  # noqa: PLC0415

    write_content(tmp_path / "content", {"notizie/a.md": GOOD})
    conf = write_conf(tmp_path, config="previewconf", siteurl="")
    port = free_port()
    server = start_preview(tmp_path, conf, port)
    try:
        (tmp_path / "content" / "notizie" / "a.md").write_text(BROKEN, encoding="utf-8")
        deadline = time.monotonic() + 60
        while True:  # until the save is built (or the deadline: it never was)
            with urlopen(f"http://127.0.0.1:{port}/__anteprima/stato", timeout=10) as answer:
                state = json.loads(answer.read())
            if DATE_ERROR in " ".join(state["problems"]) or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert state["errors"] == 1 and DATE_ERROR in state["problems"][0], state
    finally:
        stop_preview(server)


class PreviewInChromium:
    """``tools/preview.py`` (its own process) of one good article, on a free port, and a
    page of ``browser`` in a context of its own (:attr:`page`); :meth:`stop` and
    :meth:`start` stop and start the preview again."""

    def __init__(self, tmp_path, browser):
        write_content(tmp_path / "content", {"notizie/a.md": GOOD})
        self.tmp_path = tmp_path
        self.conf = write_conf(tmp_path, config="previewconf", siteurl="")
        self.port = free_port()
        self.origin = f"http://127.0.0.1:{self.port}"
        self.server = start_preview(tmp_path, self.conf, self.port)
        self.context = browser.new_context()
        self.page = self.context.new_page()

    def stop(self):
        stop_preview(self.server)

    def start(self):
        self.server = start_preview(self.tmp_path, self.conf, self.port)

    def close(self):
        self.context.close()
        if self.server.poll() is None:
            stop_preview(self.server)


@contextlib.contextmanager
def preview_in_chromium(tmp_path, browser):
    preview = PreviewInChromium(tmp_path, browser)
    try:
        yield preview
    finally:
        preview.close()


@pytest.mark.browser
def test_a_tab_left_open_across_a_restart_of_the_preview_reloads(tmp_path, browser):
    """Each run numbered its builds from 1: a page open while the preview was stopped,
    the file changed and the preview started again saw build 1 again and kept showing
    the old text."""
    from playwright.sync_api import expect  # noqa: PLC0415

    with preview_in_chromium(tmp_path, browser) as preview:
        page = preview.page
        page.goto(f"{preview.origin}/2024/05/buona-notizia/")
        expect(page.locator(".lead")).to_contain_text("Il testo buono.")
        preview.stop()
        (tmp_path / "content" / "notizie" / "a.md").write_text(
            article(title="Buona notizia", body="Il testo cambiato."), encoding="utf-8")
        preview.start()
        expect(page.locator(".lead")).to_contain_text("Il testo cambiato.", timeout=60_000)


def test_two_previews_at_once_do_not_serve_each_others_site(tmp_path):
    """``./run livereload`` and ``PORT=8010 ./run preview`` at once both built into
    output/: the first then served the second's site, drafts marked BOZZA included."""
    from urllib.request import urlopen  # noqa: PLC0415

    write_content(tmp_path / "content", {
        "notizie/a.md": GOOD, "notizie/bozza.md": article(title="Bozza", status="draft")})
    public = write_conf(tmp_path, config="pelicanconf", siteurl="")
    drafts = tmp_path / "bozze"
    drafts.mkdir()
    drafts = write_conf(drafts, config="previewconf", siteurl="")
    first_port, second_port = free_port(), free_port()
    first = start_preview(tmp_path, public, first_port)
    try:
        second = start_preview(tmp_path, drafts, second_port)
        try:
            def home(port):
                with urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
                    return response.read().decode("utf-8")

            assert "BOZZA" in home(second_port)
            assert "BOZZA" not in home(first_port)
        finally:
            stop_preview(second)
    finally:
        stop_preview(first)


@pytest.mark.parametrize(("task", "ready"), [("livereload", "Anteprima su"),
                                           ("serve", "Sito su")])
def test_two_previews_at_once_each_count_and_save_into_their_own(tmp_path, task, ready):
    """Two clones previewed at once (or a preview and the tests). The visit counter's port
    was fixed (8001): the second preview ran without a counter (said only on the
    terminal) and its pages, built for http://localhost:8001, counted their visits in
    the first one's database. So was the web editor's local backend's (8081): the
    second's /admin/ saved into the first clone's content/. The second counter and
    backend take free ports, and the pages and /admin/ are built for them: the script's
    endpoint, /admin/'s configuration and the policies' connect-src name them; a visit
    is counted, and a save lands, in the preview's own clone. Its feeds name its own
    address too (FEED_DOMAIN), not pelicanconf.py's localhost:8000."""
    from urllib.parse import urlsplit  # noqa: PLC0415
    from urllib.request import Request, urlopen  # noqa: PLC0415

    import yaml  # noqa: PLC0415
    from bs4 import BeautifulSoup  # noqa: PLC0415

    from plugins.csp.policy import origin  # noqa: PLC0415
    from tools import cms_server  # noqa: PLC0415

    if not (shutil.which("node") and cms_server.SERVER.is_file()):
        pytest.skip("decap-server not installed")

    def read(url):
        with urlopen(url, timeout=10) as answer:
            return answer.read().decode("utf-8")

    def connect_src(page):
        policy = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        return next(directive.split()[1:] for directive in policy["content"].split(";")
                    if directive.split()[0] == "connect-src")

    def backend(url, action, **params):
        body = {"action": action, **({"params": params} if params else {})}
        request = Request(url, data=json.dumps(body).encode(),
                          headers={"Content-Type": "application/json"})
        with urlopen(request, timeout=30) as answer:
            return json.load(answer)

    # both previews' default ports: the first one takes them
    counter_port, cms_port = free_port(), free_port()
    endpoints, backends, running = {}, {}, []
    try:
        for name in ("uno", "due"):
            work = tmp_path / name
            write_content(work / "content", {"notizie/a.md": article(title=f"Notizia {name}")})
            port = free_port()
            server = run_task(work, task, port, counter_port, cms_port,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            running.append(server)
            served_once(server, ready, port)
            page = BeautifulSoup(read(f"http://127.0.0.1:{port}/2024/05/notizia-{name}/"),
                                 "html.parser")
            endpoint = page.find("script", attrs={"data-endpoint": True})["data-endpoint"]
            assert origin(endpoint) in connect_src(page), endpoint
            feed = read(f"http://127.0.0.1:{port}/feeds/tutto.atom.xml")
            assert f'<link href="http://127.0.0.1:{port}/feeds/tutto.atom.xml" rel="self"/>' \
                in feed, feed
            assert "localhost:8000" not in feed, feed
            # a visit, as the page's script records it (a real request to its endpoint)
            with urlopen(f"{endpoint}/count?p=/2024/05/notizia-{name}/&t={name}",
                         timeout=10) as answer:
                assert answer.status == 200 and answer.headers["Content-Type"] == "image/gif"
            assert json.loads(read(f"{endpoint}/counter/%2F2024%2F05%2Fnotizia-{name}%2F.json")
                              ) == {"count": "1"}
            url = yaml.safe_load(read(f"http://127.0.0.1:{port}/admin/config.yml")
                                 )["local_backend"]["url"]
            admin = BeautifulSoup(read(f"http://127.0.0.1:{port}/admin/"), "html.parser")
            assert origin(url) in connect_src(admin), url
            endpoints[name], backends[name] = endpoint, url
        # the first preview's on their default ports, the second's on other (free) ones
        assert urlsplit(endpoints["uno"]).port == counter_port, endpoints
        assert urlsplit(endpoints["due"]).port != counter_port, endpoints
        assert urlsplit(backends["uno"]).port == cms_port, backends
        assert urlsplit(backends["due"]).port != cms_port, backends
        for name, url in backends.items():
            assert backend(url, "info")["repo"] == name  # this clone's working copy
            # a save, as the editor sends it
            backend(url, "persistEntry", branch="main", assets=[],
                    entry={"slug": "nuova", "path": "content/notizie/nuova.md",
                           "raw": article(title=f"Nuova {name}")},
                    options={"commitMessage": "Nuova", "useWorkflow": False,
                             "status": "draft"})
    finally:
        for server in running:
            stop_preview(server)
    for name in ("uno", "due"):  # each visit in the database, each save in the content,
        # of its own preview
        with contextlib.closing(sqlite3.connect(tmp_path / name / "counter.sqlite3")) as db:
            hits = db.execute("SELECT path, title FROM hits").fetchall()
        assert hits == [(f"/2024/05/notizia-{name}/", name)], (name, hits)
        saved = tmp_path / name / "content" / "notizie" / "nuova.md"
        assert saved.read_text(encoding="utf-8") == article(title=f"Nuova {name}"), name


def test_feeds_are_served_with_the_types_the_web_server_gives_them(built_preview):
    """deploy/nginx.conf sends the feeds as application/atom+xml and application/rss+xml
    (what feed readers and browsers go by); the preview sent both as application/xml,
    taken from the last extension only."""
    preview = built_preview
    feeds = sorted(preview.output.glob("feeds/**/*.xml"))
    assert len(feeds) == 4  # the whole site's and Notizie's, Atom and RSS
    for feed in feeds:
        status, kind, body = preview.answer("/" + feed.relative_to(preview.output).as_posix())
        expected = "application/atom+xml" if feed.name.endswith(".atom.xml") else \
            "application/rss+xml"
        assert (status, kind) == (200, expected), feed
        assert body == feed.read_bytes()
    assert preview.answer("/sitemap.xml")[1] == "application/xml"


def test_invoke_serve_sends_the_web_servers_types(tmp_path):
    """``invoke serve`` (no reload) serves the built folder with the types nginx gives:
    Python's own server sent feeds as application/xml without a charset, and the old
    portal's addresses (``….php``, no extension) as downloads."""
    import functools  # noqa: PLC0415
    import urllib.request  # noqa: PLC0415
    from http.server import ThreadingHTTPServer  # noqa: PLC0415

    write_content(tmp_path, {"feeds/tutto.atom.xml": "<feed/>", "feeds/tutto.rss.xml": "<rss/>",
                             "vecchio/pagina.php": "<p>Spostata</p>", "vecchio/notizia": "<p/>",
                             "index.html": "<p>Ciao</p>", "theme/logo.png": "png"})
    handler = functools.partial(StaticHandler, directory=str(tmp_path))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        # polled every 0.02 s: shutdown() returns at once (by default in up to 0.5 s)
        threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True).start()
        try:
            def kind(path):
                url = f"http://127.0.0.1:{server.server_address[1]}{path}"
                with urllib.request.urlopen(url) as response:
                    return response.headers["Content-Type"]

            assert kind("/feeds/tutto.atom.xml") == "application/atom+xml; charset=utf-8"
            assert kind("/feeds/tutto.rss.xml") == "application/rss+xml; charset=utf-8"
            assert kind("/vecchio/pagina.php") == "text/html; charset=utf-8"
            assert kind("/vecchio/notizia") == "text/html; charset=utf-8"
            assert kind("/") == "text/html; charset=utf-8"
            assert kind("/theme/logo.png") == "image/png"
        finally:
            server.shutdown()


TASK_SCRIPT = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import tasks
work = Path(sys.argv[2])
tasks.CONFIG.update(content=work / "content", deploy_path=work / "output", host="127.0.0.1",
                    port=int(sys.argv[3]), counter_db=work / "counter.sqlite3",
                    publish_root=work / "pub", counter_port=int(sys.argv[5]),
                    cms_port=int(sys.argv[6]))
import invoke
getattr(tasks, sys.argv[4])(invoke.Context())
"""


def run_task(tmp_path, task, port=0, counter_port=0, cms_port=0, **popen):
    """``./run TASK`` (the tasks.py function) on the site of ``tmp_path/content``: the
    running process. Its visit counter's and web editor's ports are ``counter_port`` and
    ``cms_port`` (0: any free one, not the 8001 and 8081 of a developer's preview)."""
    popen.setdefault("env", {})
    env = dict(child_env(), **popen.pop("env"))
    return subprocess.Popen(
        [sys.executable, "-c", TASK_SCRIPT, str(ROOT), str(tmp_path), str(port), task,
         str(counter_port), str(cms_port)],
        env=env, cwd=tmp_path, text=True, **popen)


def task_without_node(tmp_path, task, port=0, counter_port=0, **popen):
    """:func:`run_task` with a PATH without node, npm or apt-get (a Mac without Node.js)."""
    bare = tmp_path / "bin"
    bare.mkdir(exist_ok=True)
    popen.setdefault("env", {})
    popen["env"] = {**popen["env"], "PATH": str(bare)}
    return run_task(tmp_path, task, port, counter_port, **popen)


def served_once(server, ready, port):
    """Wait until the task ``server`` (its output piped) says ``ready`` (its first build
    served) and its ``port`` answers; what it said."""
    said = []
    for line in server.stdout:  # until the first build is served, or the end
        said.append(line)
        if ready in line:
            break
    assert ready in "".join(said), "".join(said)
    wait_for_port(port)
    return "".join(said)


def assert_says_what_to_install(told):
    assert "Node.js (con npm) non è installato" in told and "is not installed" in told
    assert "sudo apt-get install nodejs npm" in told
    assert "https://nodejs.org" in told and "brew install node" in told
    assert "install with apt-get (as root)" not in told and "Traceback" not in told


def served_without_node(tmp_path, task, ready):
    """Run ``./run TASK`` (livereload, serve) without Node.js until it says ``ready``; check
    that it serves the site without the web editor (/admin/ 404); what it said."""
    from urllib.error import HTTPError  # noqa: PLC0415
    from urllib.request import urlopen  # noqa: PLC0415

    write_content(tmp_path / "content", {"notizie/a.md": GOOD})
    port = free_port()
    server = task_without_node(tmp_path, task, port, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    said = []
    try:
        for line in server.stdout:  # until the first build is served, or the end
            said.append(line)
            if ready in line:
                break
        told = " ".join(said)
        assert ready in told, told
        # the keys that stop it as the guide writes them, Ctrl+C (it said Ctrl-C)
        assert said[-1].rstrip().endswith("(Ctrl+C per uscire)"), said[-1]
        wait_for_port(port)
        with urlopen(f"http://127.0.0.1:{port}/2024/05/buona-notizia/", timeout=10) as page:
            assert "Il testo buono." in page.read().decode("utf-8")
        with pytest.raises(HTTPError) as missing:
            urlopen(f"http://127.0.0.1:{port}/admin/", timeout=10)
        missing.value.close()
        assert missing.value.code == 404
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()
    assert_says_what_to_install(told)
    assert "senza l'editor web (/admin/), che ha bisogno di Node.js" in told
    return told


def test_livereload_without_node_says_what_to_install_and_serves_the_site(tmp_path):
    """``./run livereload`` on a computer without Node.js (a Mac) stopped with "missing
    nodejs, npm: install with apt-get (as root)", in English, nothing served; it looked
    for /usr/bin/node only, so Homebrew's node was "missing" too. It says in Italian and
    English what to install, on Debian/Ubuntu and on a Mac, and serves the site without
    the web editor, saying so."""
    served_without_node(tmp_path, "livereload", "Anteprima su")


def test_serve_without_node_serves_the_site_without_the_web_editor(tmp_path):
    """``./run serve`` without Node.js stopped at its build; it serves the site built
    without the web editor, and does not try to start the editor's backend."""
    told = served_without_node(tmp_path, "serve", "Sito su")
    assert "Editor web non avviato" not in told and "Editor web su" not in told


def test_build_without_node_says_what_to_install_and_builds_the_site(tmp_path):
    """``./run build`` on a computer without Node.js stopped with what to install, nothing
    built; like livereload, it builds the site without the web editor, saying so."""
    write_content(tmp_path / "content", {"notizie/a.md": GOOD})
    task = task_without_node(tmp_path, "build", stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT)
    told = task.communicate(timeout=300)[0]
    assert task.returncode == 0, told
    assert_says_what_to_install(told)
    assert "Il sito è compilato lo stesso, ma senza l'editor web (/admin/)" in told
    assert "The site is built anyway, without the web editor (/admin/)" in told
    page = tmp_path / "output" / "2024" / "05" / "buona-notizia" / "index.html"
    assert "Il testo buono." in page.read_text(encoding="utf-8")
    assert (tmp_path / "output" / "index.html").is_file()
    assert not (tmp_path / "output" / "admin").exists()


def test_regenerate_without_node_builds_the_site_without_the_web_editor(tmp_path):
    """``./run regenerate`` (Pelican's watcher) without Node.js stopped before building;
    it watches and builds the site without the web editor, saying so."""
    write_content(tmp_path / "content", {"notizie/a.md": GOOD})
    page = tmp_path / "output" / "2024" / "05" / "buona-notizia" / "index.html"
    log = tmp_path / "regenerate.log"
    with log.open("w", encoding="utf-8") as out:
        watcher = task_without_node(tmp_path, "regenerate", stdout=out,
                                    stderr=subprocess.STDOUT, start_new_session=True)
        try:
            deadline = time.monotonic() + 300
            # until the first build is done (Pelican says so once every file is written;
            # a page found written was checked a second later, the rest of the build's
            # files guessed done by then)
            while "Done: Processed" not in log.read_text(encoding="utf-8") \
                    and watcher.poll() is None:
                assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
                time.sleep(0.1)  # polling for the first build, bounded by the deadline
        finally:
            with contextlib.suppress(ProcessLookupError):  # the task and its pelican -r
                os.killpg(watcher.pid, signal.SIGTERM)
            watcher.wait(timeout=10)
    told = log.read_text(encoding="utf-8")
    assert page.is_file(), told
    assert "Il testo buono." in page.read_text(encoding="utf-8")
    assert not (tmp_path / "output" / "admin").exists()
    assert_says_what_to_install(told)
    assert "Il sito è compilato lo stesso, ma senza l'editor web (/admin/)" in told


def test_cms_without_node_says_the_editor_needs_it_and_fails(tmp_path):
    """``./run cms`` is only the web editor's backend, an npm package: without Node.js it
    cannot run. It says so, and what to install, in Italian and English, and fails."""
    task = task_without_node(tmp_path, "cms", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = task.communicate(timeout=60)
    assert task.returncode == 1, (out, err)
    assert_says_what_to_install(err)
    assert "Editor web non avviato: ha bisogno di Node.js" in err
    assert "The web editor's local backend was not started: it needs Node.js" in err


HOLDER = """import socket, sys, time
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # beside free_port's socket
s.bind(("127.0.0.1", int(sys.argv[1])))
s.listen()
print("ascolto", flush=True)
time.sleep(300)
"""


def cms_on_a_taken_port(tmp_path, port):
    """``./run cms`` with its port held: its exit status and what it said (stderr)."""
    from tools import cms_server  # noqa: PLC0415

    if not (shutil.which("node") and cms_server.SERVER.is_file()):
        pytest.skip("decap-server not installed")
    (tmp_path / "content").mkdir(exist_ok=True)
    task = run_task(tmp_path, "cms", cms_port=port, stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE)
    try:
        out, err = task.communicate(timeout=60)
    finally:  # a task that started a backend after all: not left running
        if task.poll() is None:
            task.kill()
            task.communicate()
    return task.returncode, out, err


def test_cms_on_a_port_another_program_holds_names_it_and_why_no_other(tmp_path):
    """``./run cms`` with something on 8081 said only "la porta 8081 è già in uso (un
    altro decap-server?)", a guess. It cannot take a free port as the previews do: the
    site it serves the editor of was built for 8081 (pelicanconf.py's
    ADMIN_LOCAL_BACKEND). It names the program that holds the port (command line and
    process id), says why no other port would do and what to run instead, in Italian
    and English, and fails."""
    port = free_port()
    (tmp_path / "occupa_porta.py").write_text(HOLDER, encoding="utf-8")
    holder = subprocess.Popen([sys.executable, "occupa_porta.py", str(port)], cwd=tmp_path,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ascolto"
        status, out, err = cms_on_a_taken_port(tmp_path, port)
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    assert status == 1, (out, err)
    assert f"Editor web non avviato: la porta {port} è già in uso, la tiene il programma «" \
        in err, err
    assert f"«{sys.executable} occupa_porta.py {port}» (processo {holder.pid})" in err, err
    assert "L'editor web (/admin/) del sito compilato con pelicanconf.py cerca l'archivio" \
        f" locale a 127.0.0.1:{port}: su un'altra porta non lo troverebbe" in err, err
    assert "oppure usa ./run livereload (o preview, serve), che avvia l'archivio su una" \
        " porta libera e compila /admin/ per quella" in err, err
    assert f"port {port} is taken, by the program" in err and "Traceback" not in err, err
    assert "un altro decap-server?" not in err, err


def test_cms_on_a_port_another_clones_backend_holds_names_that_clone(tmp_path):
    """The likeliest holder of 8081: another working copy's preview or ``./run cms``. Its
    folder is named (the editor of this site would have saved into it), and this working
    copy's own backend, already running, is said to be that."""
    from tools import cms_server  # noqa: PLC0415

    if not (shutil.which("node") and cms_server.SERVER.is_file()):
        pytest.skip("decap-server not installed")
    other, here = tmp_path / "altra-copia", tmp_path / "questa"
    (other / "content").mkdir(parents=True)
    (here / "content").mkdir(parents=True)
    for running, expected in ((other, f"la tiene l'archivio locale dell'editor web"
                                      f" (decap-server, processo {{pid}}) della copia di"
                                      f" lavoro {other}."),
                              (here, "la tiene l'archivio locale dell'editor web"
                                     " (decap-server, processo {pid}) di questa stessa"
                                     " copia di lavoro, già avviato da un'anteprima")):
        port = free_port()
        with cms_server.CmsServer(running, port, log=subprocess.DEVNULL) as backend:
            status, out, err = cms_on_a_taken_port(here, port)
            assert backend.answers()  # left as it was
            assert status == 1, (out, err)
            assert expected.format(pid=backend.process.pid) in err, err
    assert not list((here / "content").iterdir())


def test_publish_without_node_fails_and_keeps_the_published_site(tmp_path):
    """The public site without its web editor would leave the editors without /admin/:
    unlike the local tasks, ``./run publish`` (the GitHub workflow's, a server's timer)
    without Node.js fails, saying what to install, and publishes nothing."""
    write_content(tmp_path / "content", {"notizie/a.md": GOOD})
    task = task_without_node(tmp_path, "publish", stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env={"SITEURL": "https://www.example.org"})
    out, err = task.communicate(timeout=120)
    assert task.returncode == 1, (out, err)
    assert_says_what_to_install(err)
    assert "Pubblicazione non riuscita" in err
    pub = tmp_path / "pub"
    assert not (pub / "current").exists() and not (pub / "releases").exists()
    assert list(pub.glob("staging/*")) == [] and list(pub.glob("releases/*")) == []
    assert "senza l'editor web" not in err + out
