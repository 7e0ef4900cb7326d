"""The editors' live preview (tools/preview.py): errors in the browser, last good build kept."""

import shutil
import socket
import subprocess
import sys
import time

import pytest

from browser_support import launch
from support import ROOT, article, child_env, write_conf, write_content
from tools.preview import PreviewSite

GOOD = article(title="Buona notizia", body="Il testo buono.")
BROKEN = article(title="Buona notizia", date="5 maggio 2024", body="Il testo buono.")


def get(site, path):
    status, _, body = site.answer(path)
    return status, body.decode("utf-8")


@pytest.fixture
def preview(tmp_path):
    write_content(tmp_path / "content", {"notizie/a.md": GOOD})
    conf = write_conf(tmp_path, config="previewconf")
    return PreviewSite(conf, tmp_path / "output", tmp_path / "content")


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


def test_a_theme_error_shows_the_logs_end_with_whole_lines(tmp_path):
    """Not a content problem: the panel says so and shows the log's last lines, each as
    Pelican wrote it (a piped log was laid out 80 columns wide: the exception's message
    was cut into pieces of 40 characters)."""
    write_content(tmp_path / "content", {"notizie/a.md": GOOD})
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    with (theme / "templates" / "article.html").open("a", encoding="utf-8") as template:
        template.write("{% if %}\n")
    conf = write_conf(tmp_path, f"THEME = {str(theme)!r}\n", config="previewconf")
    site = PreviewSite(conf, tmp_path / "output", tmp_path / "content")
    assert not site.rebuild()  # and no good build to show: the panel on a page of its own
    status, page = get(site, "/")
    assert status == 503 and '<script src="/__anteprima/ricarica.js"' in page
    panel = page.split('<section class="preview-errors"', 1)[1]
    assert "errore del tema o dei plugin" in panel and "ancora una versione riuscita" in panel
    log = panel.split("<pre><code>", 1)[1].split("</code></pre>", 1)[0]
    assert "TemplateSyntaxError: Expected an expression, got &#x27;end of statement" \
        " block&#x27;" in log
    assert not any(line.endswith(" ") for line in log.splitlines())


def test_the_server_never_serves_outside_the_output(preview):
    preview.rebuild()
    assert get(preview, "/../testconf.py")[0] == 404
    assert get(preview, "/%2e%2e/testconf.py")[0] == 404


def wait_for_port(port):
    """Until the server accepts connections (it prints its address just before)."""
    for _ in range(500):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.02)
    raise AssertionError(f"nothing listens on {port}")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.browser
def test_the_browser_shows_the_error_and_reloads_when_it_is_fixed(tmp_path):
    from playwright.sync_api import expect, sync_playwright  # noqa: PLC0415

    write_content(tmp_path / "content", {"notizie/a.md": GOOD})
    conf = write_conf(tmp_path, config="previewconf", siteurl="")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "tools" / "preview.py"), "--settings", str(conf),
         "--content", str(tmp_path / "content"), "--output", str(tmp_path / "output"),
         "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=child_env(),
        cwd=tmp_path)
    try:
        for line in server.stdout:  # until the first build is done
            if "Anteprima su" in line:
                break
        wait_for_port(port)
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/2024/05/buona-notizia/")
            expect(page.locator("h1")).to_have_text("Buona notizia")
            (tmp_path / "content" / "notizie" / "a.md").write_text(BROKEN, encoding="utf-8")
            panel = page.locator(".preview-errors")
            expect(panel).to_contain_text("content/notizie/a.md:3: errore: `date`",
                                          timeout=60_000)  # reloaded by itself
            expect(page.locator(".lead")).to_contain_text("Il testo buono.")  # the last good build
            (tmp_path / "content" / "notizie" / "a.md").write_text(GOOD, encoding="utf-8")
            expect(panel).to_have_count(0, timeout=60_000)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()
