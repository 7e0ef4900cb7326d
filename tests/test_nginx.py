"""deploy/nginx.conf serving a real public build: headers, types, precompressed
copies, caching, the 404 page, and the pages in headless Chromium with no CSP violation.

The site (the project's own content, publishconf.py) is built once for the module with
SITEURL ``http://site.test:PORT`` and the visit counter (tools/counter_server.py) at
``http://counter.test:PORT``; Chromium's ``--host-resolver-rules`` sends both names to
loopback, so the site and the counter are cross-origin as in production. nginx runs in
the foreground with the shipped file, only its ``listen`` and ``root`` lines rewritten,
inside a minimal ``http {}`` (Debian's brotli module loaded by absolute path: the
stock layout loads it from modules-enabled/, which a test prefix cannot use).

nginx and its brotli module come from apt (tools/system_packages.py) when missing; if
apt cannot run here the module is skipped, but never in CI (CI=true: it fails).
"""

import base64
import gzip
import hashlib
import http.client
import http.server
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlsplit

import brotli
import pytest
from bs4 import BeautifulSoup
from browser_support import CHROMIUM, TEST_HOSTS, TEST_NAMES, launch, wait_until
from support import (
    ROOT, article, build_project, free_port, system_packages_or_skip, write_conf, write_content,
)

from plugins.csp.policy import policy
from plugins.redirects import page as redirect_page
from tools import counter_server, previous_release, publish_root, publisher, system_packages

CONF = ROOT / "deploy" / "nginx.conf"
NGINX = system_packages.PACKAGES["nginx"]
BROTLI_MODULE = system_packages.PACKAGES["libnginx-mod-http-brotli-static"]
ARTICLE = "/2024/05/farelegami-presentato-a-crema-il-nuovo-progetto-di-welfare-di-comunita/"
SEEN = 17  # the article's new visits on the counter (1459 more from the old portal)
SITE_CSP = "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'"
EDITORS_REPO = "farelegami/sito"  # the production web editor's repository (GitLab)
EDITORS_APP_ID = "0123456789abcdef"  # its OAuth application (PKCE: an ID, no secret)
FAILED_RUN = f"https://gitlab.com/{EDITORS_REPO}/-/pipelines/9"  # a publication that failed
SHORT = "public, max-age=300"
# Permissions-Policy: what the pages use, for themselves only ("Copia link"; Web Share's
# default is already this origin); nothing else, for them or a frame in them
USED = {"clipboard-write": "(self)"}
DENIED = ("accelerometer", "browsing-topics", "camera", "clipboard-read", "display-capture",
          "geolocation", "gyroscope", "hid", "idle-detection", "interest-cohort", "local-fonts",
          "magnetometer", "microphone", "midi", "payment", "serial", "usb", "window-management")
PERMISSIONS = {**dict.fromkeys(DENIED, "()"), **USED}
IMMUTABLE = "public, max-age=31536000, immutable"
# Files the other parts of the site will bring (fingerprinted theme files, Pagefind,
# the web editor): stand-ins, written only where the build has none.
STAND_INS = {
    "theme/css/prova.3f2a9c1b.css": "body { color: #111; }\n" * 80,
    "theme/js/prova.5e6f7a8b90.js": "console.log('prova');\n",
    "pagefind/pagefind.js": "export const x = 1;\n",
    "pagefind/pagefind-entry.json": '{"version": "1.5.2"}\n',
    "pagefind/pagefind.it_0123abcd45.pf_meta": "meta",
    "pagefind/fragment/it_0123abc.pf_fragment": "fragment",
    "pagefind/index/it_0123abc.pf_index": "index",
    "admin/index.html": "<!DOCTYPE html><title>Gestione contenuti</title>\n",
}
WRAPPER = """\
load_module {module};
daemon off;
master_process off;         # one process that keeps the test's user (no "nobody" workers)
worker_processes 1;
pid nginx.pid;
error_log stderr notice;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path tmp/body;
    proxy_temp_path tmp/proxy;
    fastcgi_temp_path tmp/fastcgi;
    uwsgi_temp_path tmp/uwsgi;
    scgi_temp_path tmp/scgi;
    include site.conf;
}}
"""
LISTEN_RE = re.compile(r"^\s*listen\s")
ROOT_RE = re.compile(r"^\s*root\s")


def for_test(text, port, root):
    """The shipped file with its listen lines (one kept, on loopback) and root replaced."""
    lines, listening = [], False
    for line in text.splitlines():
        if LISTEN_RE.match(line):
            if not listening:
                lines.append(f"    listen 127.0.0.1:{port};")
                listening = True
            continue
        lines.append(f"    root {root};" if ROOT_RE.match(line) else line)
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def nginx_installed():
    system_packages_or_skip(system_packages.NGINX, "nginx")


@pytest.fixture(scope="module")
def counter():
    server = counter_server.make_server("127.0.0.1", 0, seeds=[(ARTICLE.rstrip("/"), SEEN)],
                                        testing=True, names=TEST_NAMES)
    counter_server.start_in_thread(server)
    yield server
    server.shutdown()
    server.server_close()


class Nginx:
    """nginx in the foreground on loopback, serving ``root`` with the shipped file."""

    def __init__(self, prefix, root, port):
        self.prefix, self.root, self.port = prefix, root, port
        (prefix / "tmp").mkdir(parents=True)
        (prefix / "site.conf").write_text(for_test(CONF.read_text(), port, root))
        (prefix / "nginx.conf").write_text(WRAPPER.format(module=BROTLI_MODULE))
        self.command = [NGINX, "-p", f"{prefix}/", "-c", str(prefix / "nginx.conf"),
                        "-e", "stderr"]
        checked = subprocess.run([*self.command, "-t", "-q"], capture_output=True, text=True,
                                 check=False)
        assert checked.returncode == 0, checked.stderr
        self.process = subprocess.Popen(self.command, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 10
        while True:  # until it accepts connections (or died)
            assert self.process.poll() is None, self.process.stderr.read()
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "nginx did not start listening"
                time.sleep(0.05)

    def stop(self):
        self.process.send_signal(signal.SIGQUIT)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stderr.close()

    def get(self, path, encoding=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {"Host": f"site.test:{self.port}", **(headers or {})}
        if encoding:
            headers["Accept-Encoding"] = encoding
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body


@pytest.fixture(scope="module")
def site(nginx_installed, counter, tmp_path_factory):
    folder = tmp_path_factory.mktemp("nginx")
    port = free_port()
    built = build_project(folder / "site", siteurl=f"http://site.test:{port}",
                          # the count read is given up after 4 s by default: not on a
                          # loaded machine (tests/browser_support.served_project_site)
                          settings={"VISIT_COUNTER_TIMEOUT_MS": 60000},
                          VISIT_COUNTER_URL=f"http://counter.test:{counter.server_address[1]}",
                          ADMIN_REPO=EDITORS_REPO, ADMIN_APP_ID=EDITORS_APP_ID)
    assert built.ok, built.log
    for name, text in STAND_INS.items():
        path = built.output / name
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    server = Nginx(folder / "prefix", built.output, port)
    server.build = built
    yield server
    server.stop()


def theme_file(site, pattern):
    """The published path of a theme file (content-hashed names: plugins/assets)."""
    [path] = (site.build.output / "theme").glob(pattern)
    return "/" + path.relative_to(site.build.output).as_posix()


def permissions(header):
    """A Permissions-Policy header as ``{feature: allowlist}``."""
    return dict(item.strip().split("=", 1) for item in header.split(","))


def assert_security_headers(headers, csp=SITE_CSP, coop="same-origin"):
    assert headers["content-security-policy"] == csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert permissions(headers["permissions-policy"]) == PERMISSIONS
    assert headers["x-frame-options"] == "DENY"
    assert headers["cross-origin-opener-policy"] == coop
    assert "server" not in headers or "nginx/" not in headers["server"]


def test_the_file_needs_only_its_listen_and_root_lines_edited():
    lines = CONF.read_text().splitlines()
    edits = [line for line in lines if "# EDIT" in line]
    assert edits == [line for line in lines if LISTEN_RE.match(line) or ROOT_RE.match(line)]
    assert len(edits) == 3
    assert not any(line.strip().startswith("load_module") for line in lines)
    # every add_header at server level: a location with its own would drop the others
    assert not re.search(r"location[^{]*\{[^}]*add_header", CONF.read_text())


def test_pages_have_the_security_headers_and_a_short_cache(site):
    for path in ("/", ARTICLE, "/progetto/", "/documenti/"):
        status, headers, body = site.get(path)
        assert status == 200, path
        assert headers["content-type"] == "text/html; charset=utf-8"
        assert_security_headers(headers)
        assert headers["cache-control"] == SHORT
        assert "content-disposition" not in headers and "content-encoding" not in headers
        assert body == site.build.path(path).read_bytes()


def test_precompressed_copies_are_sent_as_they_are(site):
    for path in ("/", ARTICLE, theme_file(site, "css/site.*.css"), "/feeds/tutto.atom.xml",
                 "/sitemap.xml"):
        file = site.build.path(path)
        status, headers, body = site.get(path, "br")
        assert (status, headers["content-encoding"]) == (200, "br"), path
        assert body == file.with_name(file.name + ".br").read_bytes()
        assert brotli.decompress(body) == file.read_bytes()
        assert headers["vary"] == "Accept-Encoding"
        status, headers, body = site.get(path, "gzip")
        assert headers["content-encoding"] == "gzip"
        assert body == file.with_name(file.name + ".gz").read_bytes()
        assert gzip.decompress(body) == file.read_bytes()
        assert_security_headers(headers)
    assert site.get("/", "gzip, deflate, br")[1]["content-encoding"] == "br"
    status, headers, body = site.get("/robots.txt", "gzip, br")  # small: no copies
    assert status == 200 and "content-encoding" not in headers
    assert body == site.build.path("/robots.txt").read_bytes()


def test_feeds_and_the_sitemap_have_xml_types(site):
    feeds = sorted(site.build.output.glob("feeds/**/*.xml"))
    assert len(feeds) >= 4
    for feed in feeds:
        path = "/" + feed.relative_to(site.build.output).as_posix()
        status, headers, _ = site.get(path)
        kind = "atom" if path.endswith(".atom.xml") else "rss"
        assert status == 200 and headers["content-type"] == f"application/{kind}+xml; charset=utf-8"
        assert headers["cache-control"] == SHORT
        assert_security_headers(headers)
    for path, kind in (("/sitemap.xml", "application/xml; charset=utf-8"),
                       ("/robots.txt", "text/plain; charset=utf-8")):
        status, headers, _ = site.get(path)
        assert (status, headers["content-type"], headers["cache-control"]) == (200, kind, SHORT)


def test_feed_readers_can_poll_with_conditional_requests(site):
    """Readers poll every feed every few minutes: each answer names its version (ETag,
    Last-Modified), and asking again with it gets a 304 without the feed, in each
    encoding (each its own ETag: the bytes differ)."""
    for path in ("/feeds/tutto.atom.xml", "/feeds/tutto.rss.xml",
                 "/feeds/categorie/notizie.atom.xml"):
        tags = set()
        for encoding in (None, "gzip", "br"):
            status, headers, body = site.get(path, encoding)
            assert status == 200 and body, (path, encoding)
            assert headers["etag"] and headers["last-modified"], (path, encoding)
            tags.add(headers["etag"])
            for condition in ({"If-None-Match": headers["etag"]},
                              {"If-Modified-Since": headers["last-modified"]}):
                again, same, empty = site.get(path, encoding, condition)
                assert (again, empty) == (304, b""), (path, encoding, condition)
                assert same["etag"] == headers["etag"] and same["cache-control"] == SHORT
            changed = site.get(path, encoding, {"If-None-Match": '"0-0"'})
            assert changed[0] == 200 and changed[2] == body
        assert len(tags) == 3, path


OTHER_SITE = "https://www.comune.cremona.it"  # a page of another site that shows the news


def test_a_page_of_another_site_may_read_the_feeds_and_nothing_else(site):
    """A municipality's page that shows the latest news loads the feed in its visitor's
    browser: without ``Access-Control-Allow-Origin`` the browser kept the answer from it
    (CORS), in every encoding and on a 304 alike. Only the feeds are shared: pages,
    documents, the sitemap and the 404 page say nothing (same origin only)."""
    feeds = sorted("/" + path.relative_to(site.build.output).as_posix()
                   for path in site.build.output.glob("feeds/**/*.xml"))
    assert len(feeds) >= 4
    origin = {"Origin": OTHER_SITE}
    for path in feeds:
        for encoding in (None, "gzip", "br"):
            status, headers, _ = site.get(path, encoding, origin)
            assert (status, headers.get("access-control-allow-origin")) == (200, "*"), \
                (path, encoding)
            again = site.get(path, encoding, {**origin, "If-None-Match": headers["etag"]})
            assert (again[0], again[1].get("access-control-allow-origin")) == (304, "*"), \
                (path, encoding)
    pdf = next(site.build.output.glob("allegati/**/*.pdf"))
    for path in ("/", ARTICLE, "/segui/", "/sitemap.xml", "/robots.txt", "/feeds/nessuno.xml",
                 "/" + pdf.relative_to(site.build.output).as_posix()):
        status, headers, _ = site.get(path, None, origin)
        assert status == (404 if "nessuno" in path else 200), path
        assert "access-control-allow-origin" not in headers, path


NEWS_BOX = """<!DOCTYPE html>
<html lang="it"><head><meta charset="utf-8"><title>Comune: le notizie di FareLegami</title>
</head><body><h1>Le notizie di FareLegami</h1><ul id="notizie"></ul></body></html>
"""
# what such a page's script does: the feed's item titles, or why it could not read it
READ_FEED = """async (url) => {
    try {
        const answer = await fetch(url);
        const feed = new DOMParser().parseFromString(await answer.text(), "application/xml");
        return [...feed.querySelectorAll("item > title, entry > title")].map(
            (title) => title.textContent);
    } catch (error) {
        return String(error);
    }
}"""


class _NewsBox(http.server.BaseHTTPRequestHandler):
    """The other site: one page, :data:`NEWS_BOX`, at every address."""

    def do_GET(self):  # noqa: N802 - http.server's name
        body = NEWS_BOX.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.mark.browser
def test_a_page_of_another_site_shows_the_feeds_items_in_chromium(site, playwright):
    """A municipality's page (another origin, comune.test) that shows FareLegami's news
    reads the feeds in its visitor's browser, as news boxes and feed readers that run in
    the browser do: Chromium refused it every feed ("Failed to fetch": no
    Access-Control-Allow-Origin), so the box stayed empty. Each feed's titles, as the
    file has them."""
    other = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NewsBox)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    browser = launch(playwright, TEST_HOSTS + ", MAP comune.test 127.0.0.1")
    try:
        page = browser.new_page()
        page.goto(f"http://comune.test:{other.server_address[1]}/notizie-farelegami/")
        for feed in sorted(site.build.output.glob("feeds/**/*.xml")):
            path = "/" + feed.relative_to(site.build.output).as_posix()
            root = ET.parse(feed).getroot()
            expected = [item.findtext("title") for item in root.iter("item")] or [
                entry.findtext("{http://www.w3.org/2005/Atom}title")
                for entry in root.iter("{http://www.w3.org/2005/Atom}entry")]
            assert expected, path
            assert page.evaluate(READ_FEED, f"http://site.test:{site.port}{path}") == \
                expected, path
    finally:
        browser.close()
        other.shutdown()
        other.server_close()


def test_a_csv_attachment_has_the_type_its_enclosures_give(site):
    """Debian's mime.types has no csv: the server sent application/octet-stream (with
    nosniff), the feeds' enclosures text/csv."""
    target = site.build.output / "allegati" / "prova-tipo.csv"
    target.write_text("Giorno;Orario\nLunedì;9-12\n", encoding="utf-8")
    try:
        status, headers, body = site.get("/allegati/prova-tipo.csv")
    finally:
        target.unlink()
    assert (status, headers["content-type"]) == (200, "text/csv; charset=utf-8")
    assert headers["content-disposition"] == "attachment"
    assert body == "Giorno;Orario\nLunedì;9-12\n".encode()


def test_pages_at_old_addresses_are_html_whatever_their_name(site):
    """plugins/redirects writes a page at each old address of the old portal: .php and
    names without an extension were application/octet-stream (Debian's mime.types has no
    php; no extension gets default_type), with nosniff a download instead of a page."""
    text = redirect_page.render("Presentazione", "2024/05/presentazione/",
                                {"SITEURL": "http://site.test", "DEFAULT_LANG": "it"})
    # in any case (the plugin takes /Notizie/Pagina.PHP as written): .PHP was a download,
    # .htm, .HTM and .HTML had the hour's cache of other files
    names = ("notizie/dettaglio-123.php", "index.php/notizie/123", "vecchio/index.html",
             "Notizie/Dettaglio-124.PHP", "vecchie/nascosta.htm", "Vecchie/Pagina.HTM",
             "Vecchie/Altra.HTML")
    for name in names:
        target = site.build.output / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    try:
        for path in ("/notizie/dettaglio-123.php", "/index.php/notizie/123", "/vecchio/",
                     *(f"/{name}" for name in names[3:])):
            status, headers, body = site.get(path)
            assert (status, headers["content-type"]) == (200, "text/html; charset=utf-8"), path
            assert headers["cache-control"] == SHORT and body == text.encode(), path
            assert "content-disposition" not in headers, path
            assert_security_headers(headers)
        status, headers, _ = site.get("/index.php/notizie/non-esiste")  # still the 404 page
        assert (status, headers["content-type"]) == (404, "text/html; charset=utf-8")
        status, headers, _ = site.get("/index.php")  # a folder without its slash
        assert (status, headers["location"]) == (301, "/index.php/")
    finally:
        for name in names:
            (site.build.output / name).unlink()


def test_documents_are_downloads_and_their_previews_are_images(site):
    pdfs = sorted(site.build.output.glob("allegati/**/*.pdf"))
    previews = sorted(site.build.output.glob("allegati/**/*-anteprima.webp"))
    assert pdfs and previews
    path = "/" + pdfs[0].relative_to(site.build.output).as_posix()
    status, headers, body = site.get(path)
    assert (status, headers["content-type"]) == (200, "application/pdf")
    assert headers["content-disposition"] == "attachment"
    assert body == pdfs[0].read_bytes()
    assert_security_headers(headers)
    # a corrected version saved under the same name shows as soon as the page does
    assert headers["cache-control"] == SHORT
    status, headers, _ = site.get("/" + previews[0].relative_to(site.build.output).as_posix())
    assert (status, headers["content-type"]) == (200, "image/webp")
    assert "content-disposition" not in headers
    assert headers["cache-control"] == SHORT  # its page's figures are of the new file


def test_a_missing_page_is_the_site_404_page_with_status_404(site):
    page = site.build.output / "404.html"
    status, headers, body = site.get("/non-esiste/")
    assert status == 404 and body == page.read_bytes()
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert_security_headers(headers)
    status, headers, body = site.get("/non-esiste/", "br")
    assert status == 404 and headers["content-encoding"] == "br"
    assert brotli.decompress(body) == page.read_bytes()
    status, headers, _ = site.get("/feeds/non-esiste.atom.xml")
    assert status == 404
    status, headers, _ = site.get("/progetto")  # a folder without its slash
    assert (status, headers["location"]) == (301, "/progetto/")
    assert_security_headers(headers)
    for folder in ("/allegati/", "/theme/", "/pagefind/"):  # no index.html: not a 403
        status, headers, body = site.get(folder)
        assert status == 404 and body == page.read_bytes(), folder
        assert "content-disposition" not in headers, folder


def refresh_target(html):
    """Where a page of plugins/redirects sends the reader (its refresh's address)."""
    refresh = BeautifulSoup(html, "html.parser").find("meta", attrs={"http-equiv": "refresh"})
    return refresh["content"].removeprefix("0; url=")


def test_a_shortened_article_address_leads_to_its_year_in_the_archive(site):
    """A reader who trims /2024/05/slug/ to /2024/05/ or /2024/ got "Pagina non trovata":
    plugins/redirects writes a page there leading to the year's archive (at the month),
    with a refresh (GitHub Pages can do no more). nginx sent that page (200, noindex):
    a search engine kept the address, and a reader with refresh turned off had one more
    link to follow. It answers with a 301 to the very address the page leads to, for
    every year and month of the build, and with the 404 page where the build wrote no
    page (no published article then)."""
    output = site.build.output
    years = sorted(int(folder.name) for folder in output.glob("[0-9]" * 4))
    assert years, "the project's content has articles"
    redirected = {}
    for year in range(years[0] - 1, years[-1] + 2):
        for path in (f"/{year}/", *(f"/{year}/{month:02d}/" for month in range(1, 13))):
            status, headers, body = site.get(path)
            assert_security_headers(headers)
            page = site.build.path(path)
            if not page.is_file():
                assert status == 404 and body == (output / "404.html").read_bytes(), path
                continue
            if redirect_page.PERIOD not in page.read_text(encoding="utf-8"):
                # an item's page there (a page whose slug is a year), or an old address's
                assert (status, body) == (200, page.read_bytes()), path
                continue
            assert (status, headers["location"]) == (301, refresh_target(page.read_bytes())), path
            assert headers["cache-control"] == SHORT, path
            redirected[path] = headers["location"]
            target = headers["location"].partition("#")[0]
            assert site.get(target)[0] == 200, path
    assert redirected["/2024/"] == "/archivio/2024/"
    assert redirected["/2024/05/"] == "/archivio/2024/#mese-05"
    status, headers, _ = site.get("/2024")  # without its slash: nginx's own 301 first
    assert (status, headers["location"]) == (301, "/2024/")
    # the page itself, by its name, is still the page
    status, headers, body = site.get("/2024/05/index.html")
    assert status == 200 and body == site.build.path("/2024/05/").read_bytes()


def test_an_item_or_an_old_address_at_a_years_address_is_served_not_redirected(site):
    """An item's page or an old address's page at a year's or a month's address (a page
    whose slug is ``2019``, an old address ``/2019/05/``: plugins/redirects writes no
    year's page there) is that page: only where the build marked its year's or month's
    page does nginx answer with the archive's address."""
    output = site.build.output
    page = "<!DOCTYPE html><title>Il 2019</title><h1>Il 2019</h1>\n"
    moved = redirect_page.render("Presentazione", "2024/05/presentazione/",
                                 {"SITEURL": "http://site.test", "DEFAULT_LANG": "it"})
    written = {"2019/index.html": page, "2019/05/index.html": moved}
    assert not (output / "2019").exists()
    for name, text in written.items():
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_text(text, encoding="utf-8")
    try:
        for name, text in written.items():
            status, headers, body = site.get("/" + name.removesuffix("index.html"))
            assert (status, body) == (200, text.encode()), name
            assert headers["content-type"] == "text/html; charset=utf-8"
    finally:
        shutil.rmtree(output / "2019")


def test_caching_by_kind_of_file(site):
    variants = site.build.output / "immagini" / "_r"
    variants.mkdir(parents=True, exist_ok=True)
    (variants / "prova-800.0123456789.webp").write_bytes(b"RIFF")  # its content's hash in
    (variants / "prova-1200.0123456789.jpg").write_bytes(b"\xff\xd8")  # a cover's, to share
    expected = {
        "/immagini/_r/prova-800.0123456789.webp": IMMUTABLE,
        "/immagini/_r/prova-1200.0123456789.jpg": IMMUTABLE,
        "/theme/css/prova.3f2a9c1b.css": IMMUTABLE,  # <name>.<8+ hex>.<ext>
        "/theme/js/prova.5e6f7a8b90.js": IMMUTABLE,
        theme_file(site, "css/site.*.css"): IMMUTABLE,  # the site's, by plugins/assets
        theme_file(site, "fonts/titillium-web-latin-400-normal.*.woff2"): IMMUTABLE,
        "/theme/logo.png": "public, max-age=3600",  # not fingerprinted: a stable address
        "/pagefind/fragment/it_0123abc.pf_fragment": IMMUTABLE,
        "/pagefind/index/it_0123abc.pf_index": IMMUTABLE,
        "/pagefind/pagefind.it_0123abcd45.pf_meta": IMMUTABLE,
        "/pagefind/pagefind.js": "no-cache",
        "/pagefind/pagefind-entry.json": "no-cache",
        "/feeds/tutto.rss.xml": SHORT,
        "/non-esiste/": "public, max-age=60",  # the 404 page: a minute
    }
    for path, cache in expected.items():
        status, headers, _ = site.get(path)
        assert headers["cache-control"] == cache, path
        assert status == (404 if "non-esiste" in path else 200), path
        assert_security_headers(headers)
    types = {theme_file(site, "fonts/titillium-web-latin-400-normal.*.woff2"): "font/woff2",
             theme_file(site, "favicon.*.svg"): "image/svg+xml; charset=utf-8",
             "/pagefind/pagefind-entry.json": "application/json; charset=utf-8"}
    for path, kind in types.items():
        assert site.get(path)[1]["content-type"] == kind, path


def raw_response(site, request):
    """nginx's status line and headers (lower-case names) for ``request``, bytes sent as
    they are (a malformed request too)."""
    with socket.create_connection(("127.0.0.1", site.port), 10) as connection:
        connection.sendall(request)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = connection.recv(65536)
            if not chunk:
                break
            answer += chunk
    head = answer.split(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in head[1:])
    return int(head[0].split()[1]), {name.lower(): value for name, value in headers.items()}


def test_error_responses_are_not_cached_but_the_site_404_page_a_minute(site):
    """nginx's own error responses took the Cache-Control of their address: a 400 (a
    malformed request) "public, max-age=3600", a 405 (a POST) of a fingerprinted theme
    file a year, "immutable": a cache in between (a CDN, a proxy) could keep serving an
    error for the address it names. Only the site's 404 page is cached, a minute (above);
    the other errors are never stored. A page's 304 and a part of a file (206) keep their
    caching. (A 416, a range past a file's end, keeps the file's: nginx decides it after
    the headers are set; that range stays past the end of that file.)"""
    css = theme_file(site, "css/site.*.css")
    host = f"Host: site.test:{site.port}\r\n".encode()
    errors = {
        "400 invalid Host": b"GET / HTTP/1.1\r\nHost: site test\r\n\r\n",
        "400 malformed request line": b"GET /a b c HTTP/1.1\r\n" + host + b"\r\n",
        "405 POST of a page": b"POST / HTTP/1.1\r\n" + host + b"Content-Length: 0\r\n\r\n",
        "405 POST of a theme file": (f"POST {css} HTTP/1.1\r\n".encode() + host
                                     + b"Content-Length: 0\r\n\r\n"),
        "414 address too long": (b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\n" + host
                                 + b"\r\n"),
    }
    seen = {}
    for name, request in errors.items():
        status, headers = raw_response(site, request)
        seen[name] = (status, headers.get("cache-control"))
        assert status == int(name.split()[0]), (name, status)
        assert_security_headers(headers)
    assert {name: cache for name, (_, cache) in seen.items() if cache != "no-store"} == {}
    # what is not an error keeps its caching: the 404 page, a 304, a range of a file
    assert site.get("/non-esiste/")[:2][1]["cache-control"] == "public, max-age=60"
    status, headers, _ = site.get("/")
    status, again, _ = site.get("/", headers={"If-None-Match": headers["etag"]})
    assert (status, again["cache-control"]) == (304, SHORT)
    status, headers, _ = site.get(css, headers={"Range": "bytes=0-9"})
    assert (status, headers["cache-control"]) == (206, IMMUTABLE)


def test_the_web_editor_has_its_own_policy_and_is_never_cached(site):
    """The header says what a <meta> cannot (frame-ancestors); the editor's page carries
    the CMS's own policy, computed from the settings (plugins/admin), in its <meta>."""
    status, headers, body = site.get("/admin/")
    assert status == 200
    assert headers["cache-control"] == "no-store"
    assert_security_headers(headers, coop="same-origin-allow-popups")
    meta = BeautifulSoup(body, "html.parser").find(
        "meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "script-src 'self' 'unsafe-eval'" in meta and "style-src 'self' 'unsafe-inline'" in meta
    # its configuration, which decap-cms reads only as a yaml type (it logged "was not yaml"
    # for Debian's application/octet-stream, and ignores such a file beside CMS.init's config)
    status, headers, body = site.get("/admin/config.yml")
    assert (status, headers["content-type"]) == (200, "application/yaml")
    assert headers["cache-control"] == "no-store"
    assert_security_headers(headers, coop="same-origin-allow-popups")
    file = site.build.path("/admin/config.yml")
    assert body == file.read_bytes()
    # compressed (about 15 kB of YAML, asked on each visit: it is never cached), with the
    # same type: gzip_static and brotli_static send any file's copy beside it
    assert len(body) > 5000
    for encoding, suffix, decompress in (("br", ".br", brotli.decompress),
                                         ("gzip", ".gz", gzip.decompress)):
        status, headers, compressed = site.get("/admin/config.yml", encoding)
        assert (status, headers.get("content-encoding"), headers["content-type"]) == (
            200, encoding, "application/yaml")
        assert headers["cache-control"] == "no-store"
        assert compressed == file.with_name(file.name + suffix).read_bytes()
        assert decompress(compressed) == body and len(compressed) < len(body) / 3


def test_the_file_works_in_debian_layout(tmp_path, nginx_installed):
    """Debian's own nginx.conf (modules-enabled/ loads brotli) with the file as shipped."""
    stock = Path("/etc/nginx/nginx.conf")
    if os.geteuid() != 0 or not stock.is_file():
        pytest.skip("needs root and Debian's /etc/nginx/nginx.conf")
    text = stock.read_text()
    assert "include /etc/nginx/sites-enabled/*;" in text
    site_file = tmp_path / "farelegami"
    shutil.copy(CONF, site_file)
    conf = tmp_path / "nginx.conf"
    conf.write_text(text.replace("include /etc/nginx/sites-enabled/*;", f"include {site_file};"))
    result = subprocess.run([NGINX, "-t", "-c", str(conf), "-e", "stderr"], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_a_publish_or_rollback_is_served_at_once_and_never_as_a_404(tmp_path, nginx_installed):
    """nginx serves ``current`` (README step 3): a switch of the link (tools/publish_root.py,
    publish and rollback) is followed by the next request, without a reload, and requests
    during the switches get the old release or the new one, never a page not found."""
    root = tmp_path / "public"
    names = ["20261129-050700-000001", "20261129-050700-000002"]
    for name in names:
        release = root / publish_root.RELEASES / name
        release.mkdir(parents=True)
        (release / "index.html").write_text(name)
        (release / "404.html").write_text("non trovata")
    server = Nginx(tmp_path / "prefix", root / "current", free_port())
    try:
        publish_root.switch(root, root / publish_root.RELEASES / names[0])
        assert server.get("/")[::2] == (200, names[0].encode())
        publish_root.switch(root, root / publish_root.RELEASES / names[1])
        assert server.get("/")[::2] == (200, names[1].encode())  # no reload

        done = threading.Event()

        def switch_back_and_forth():
            turn = 0
            while not done.is_set():
                publish_root.switch(root, root / publish_root.RELEASES / names[turn % 2])
                turn += 1

        switching = threading.Thread(target=switch_back_and_forth)
        switching.start()
        try:
            seen = {server.get("/")[::2] for _ in range(300)}
        finally:
            done.set()
            switching.join()
        assert seen <= {(200, name.encode()) for name in names}, seen
    finally:
        server.stop()


# --- In the browser -----------------------------------------------------------------------

LISTENER = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.mark.browser
def test_an_unchanged_feed_is_not_sent_again_after_a_publish(tmp_path, nginx_installed,
                                                             forked_safe_builds):
    """nginx's ``ETag`` and ``Last-Modified`` are the file's date (and size): a publish of
    other news gave the uncompressed feed a new date (only its .gz/.br copies, links to
    the compression cache, kept theirs), so a reader polling without gzip or brotli got
    the whole unchanged feed again (200, not 304) after every publish, the daily one
    too. A changed feed is sent again."""
    conf = write_conf(tmp_path, "NAV_LINKS = []\nFOOTER_LINKS = []\n")  # no pages to link
    content, root = tmp_path / "content", tmp_path / "public"
    body = "Un paragrafo breve.\n\n" + "Testo. " * 300
    write_content(content, {"notizie/uno.md": article(title="Uno", body=body),
                            "pages/chi-siamo.md": "---\ntitle: Chi siamo\n---\nNoi.\n"})
    first = publisher.publish(conf, root, content=content)
    assert first
    hour_ago = time.time() - 3600  # the feed as the publish an hour ago wrote it
    os.utime(first / "feeds" / "tutto.atom.xml", (hour_ago, hour_ago))
    server = Nginx(tmp_path / "prefix", root / "current", free_port())
    try:
        seen = {}
        for encoding in (None, "gzip", "br"):
            status, headers, body_sent = server.get("/feeds/tutto.atom.xml", encoding)
            assert status == 200 and b"<title>Uno</title>" in (
                body_sent if encoding is None else
                gzip.decompress(body_sent) if encoding == "gzip" else brotli.decompress(body_sent))
            seen[encoding] = headers["etag"], headers["last-modified"]
        write_content(content, {"pages/chi-siamo.md": "---\ntitle: Chi siamo\n---\nNoi due.\n"})
        second = publisher.publish(conf, root, content=content)
        assert second and second != first and (root / "current").resolve() == second.resolve()
        for encoding, (etag, modified) in seen.items():
            for condition in ({"If-None-Match": etag}, {"If-Modified-Since": modified}):
                again = server.get("/feeds/tutto.atom.xml", encoding, condition)
                assert again[::2] == (304, b""), (encoding, condition, again[1]["etag"])
        write_content(content, {"notizie/uno.md": article(title="Uno bis", body=body)})
        assert publisher.publish(conf, root, content=content)
        for encoding, (etag, modified) in seen.items():
            status, headers, _ = server.get("/feeds/tutto.atom.xml", encoding,
                                            {"If-None-Match": etag})
            assert status == 200 and headers["etag"] != etag, encoding
    finally:
        server.stop()


def test_a_page_loaded_before_a_publish_still_gets_the_files_it_names(tmp_path, nginx_installed,
                                                                       forked_safe_builds):
    """A reader's page from the release before (loaded just before the switch, or kept
    for its five minutes) asks for that release's search index by its names: they were
    404s after the publish, and its search failed (tools/previous_release.carry_over)."""
    conf = write_conf(tmp_path, "NAV_LINKS = []\nFOOTER_LINKS = []\n")
    content, root = tmp_path / "content", tmp_path / "public"
    write_content(content, {"notizie/uno.md": article(title="Uno")})
    first = publisher.publish(conf, root, content=content)
    names = ["/" + path.relative_to(first).as_posix()
             for path in sorted((first / "pagefind").rglob("*.pf_*")) if path.is_file()]
    assert any("/index/" in name for name in names) and any("pf_meta" in name for name in names)
    server = Nginx(tmp_path / "prefix", root / "current", free_port())
    try:
        before = {name: server.get(name)[2] for name in names}
        write_content(content, {"notizie/due.md": article(title="Due", date="2024-05-06")})
        second = publisher.publish(conf, root, content=content)
        assert second and second != first and (root / "current").resolve() == second.resolve()
        for name, body in before.items():
            status, headers, again = server.get(name)
            assert (status, again) == (200, body), name
            assert headers["cache-control"] == IMMUTABLE, name
        # the new release's own index has other names: these are the release before's
        assert any(name[1:] in previous_release.carried(second) for name in names)
    finally:
        server.stop()


@pytest.fixture(scope="module")
def playwright():
    """The module's one Playwright (the sync API runs one at a time in a thread)."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="module")
def browser(playwright):
    """One Chromium (site.test and counter.test on loopback) for the tests that need no
    flag of their own, each in a page and context of its own."""
    launched = launch(playwright, TEST_HOSTS)
    yield launched
    launched.close()


@pytest.mark.browser
def test_a_search_page_open_across_a_publish_still_finds(tmp_path, nginx_installed, browser):
    """A reader with the search page open searches again after a publish: the results'
    excerpts the page asks for were the old release's (a page changed by the publish),
    404s after the switch, and the page said "La ricerca non è riuscita" until reloaded."""
    port = free_port()
    conf = write_conf(tmp_path, "NAV_LINKS = []\nFOOTER_LINKS = []\n",
                      siteurl=f"http://site.test:{port}")
    content, root = tmp_path / "content", tmp_path / "public"
    write_content(content, {
        "notizie/uno.md": article(title="Uno", body="La girandola colorata."),
        "notizie/due.md": article(title="Due", date="2024-05-06", body="La ceramica antica.")})
    assert publisher.publish(conf, root, content=content)
    server = Nginx(tmp_path / "prefix", root / "current", port)
    try:
        with browser.new_page() as page:
            page.goto(f"http://site.test:{port}/cerca/")
            status = page.locator("#cerca-stato")

            def search(words):
                page.fill("#cerca-q", words)
                page.press("#cerca-q", "Enter")
                wait_until(page, lambda: words in status.text_content()
                           or "non è riuscita" in status.text_content(), words,
                           timeout=60)  # the first loads Pagefind: a loaded machine
                titles = page.locator(".cerca-risultato h2 a").all_text_contents()
                return status.text_content(), titles

            assert search("girandola") == ("1 risultato per «girandola».", ["Uno"])
            write_content(content, {
                "notizie/due.md": article(title="Due", date="2024-05-06",
                                          body="La ceramica antica e moderna."),
                "notizie/tre.md": article(title="Tre", date="2024-05-07", body="Il mulino.")})
            assert publisher.publish(conf, root, content=content)
            assert search("ceramica") == ("1 risultato per «ceramica».", ["Due"])
    finally:
        server.stop()


@pytest.mark.browser
def test_pages_load_in_chromium_without_csp_violations_and_show_the_count(site, counter,
                                                                          playwright):
    from playwright.sync_api import expect  # noqa: PLC0415

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: ./run test installs it (tools/system_packages.py)")
    counter_host = f"counter.test:{counter.server_address[1]}"
    site_host = f"site.test:{site.port}"
    browser = launch(  # a browser of its own: its flag names the site's port
        playwright, TEST_HOSTS,
        # production is https: without this, Chromium ignores Cross-Origin-Opener-Policy
        # on plain http and says so in the console
        f"--unsafely-treat-insecure-origin-as-secure=http://{site_host}")
    try:
        context = browser.new_context()
        page = context.new_page()
        console, requests, errors = [], [], []
        page.on("console", lambda message: console.append((message.type, message.text)))
        page.on("pageerror", lambda error: errors.append(error))
        page.on("request", lambda request: requests.append(request.url))
        page.add_init_script(LISTENER)
        for path in ("/", ARTICLE):
            response = page.goto(f"http://{site_host}{path}")
            assert response.status == 200
            assert response.headers["content-security-policy"] == SITE_CSP
            meta = page.locator('meta[http-equiv="Content-Security-Policy"]')
            assert meta.get_attribute("content") == policy(
                f"http://{counter_host}", siteurl=f"http://{site_host}")
            if path == ARTICLE:
                expect(page.locator(".article-meta .visit-count")).to_have_text(
                    f"{1459 + SEEN} visite", timeout=60_000)
            page.wait_for_load_state("load")
            assert page.evaluate("() => window.__violations") == [], path
        context.close()
    finally:
        browser.close()
    assert console == [], console
    assert errors == []
    hosts = {re.match(r"https?://([^/]+)", url).group(1) for url in requests}
    assert hosts == {site_host, counter_host}
    assert any("/counter/" in url for url in requests)  # the count was read...
    assert any("/count?" in url for url in requests)  # ...and the visit recorded


class GitLab:
    """gitlab.com as the production web editor meets it, answered inside Chromium
    (Playwright's routing): the OAuth page sends the editor straight back with a code,
    the token endpoint gives a token for the code, the API knows one user with write
    access to the project and an empty repository."""

    def __init__(self):
        self.requests = []  # (method, URL, body)

    def answer(self, route):
        request = route.request
        self.requests.append((request.method, request.url, request.post_data))
        address = urlsplit(request.url)
        query = dict(parse_qsl(address.query))
        project = "/api/v4/projects/" + quote(EDITORS_REPO, safe="")
        answers = {
            "/oauth/token": {"access_token": "prova", "token_type": "Bearer",
                             "refresh_token": "prova", "expires_in": 7200},
            "/api/v4/user": {"id": 1, "username": "redazione", "name": "Redazione"},
            project: {"id": 7, "path_with_namespace": EDITORS_REPO, "default_branch": "main",
                      "permissions": {"project_access": {"access_level": 30}}},
            f"{project}/repository/branches/main": {"name": "main", "commit": {"id": "0" * 40}},
            f"{project}/repository/tree": [],
            # the last publication (the web editor's notice): the pipeline that failed
            f"{project}/pipelines": [{"id": 9, "status": "failed", "web_url": FAILED_RUN,
                                      "updated_at": "2026-11-29T09:05:00.000Z"}],
        }
        if address.path == "/oauth/authorize":
            route.fulfill(status=302, headers={
                "Location": f"{query['redirect_uri']}?code=prova&state={quote(query['state'])}"})
        elif address.path in answers:
            route.fulfill(status=200, content_type="application/json",
                          headers={"X-Total-Pages": "1", "X-Page": "1"},
                          body=json.dumps(answers[address.path]))
        else:
            route.fulfill(status=404, content_type="application/json", body="{}")


@pytest.mark.browser
def test_an_editor_logs_in_to_the_production_web_editor_through_gitlab(site, browser):
    """The production web editor, as an editor meets it: Decap with the git host's
    backend (GitLab, PKCE) under the headers nginx sends and the page's own policy.
    The first screen offers to log in, in Italian, having asked no other host; the
    button leads to GitLab's OAuth page with the application's ID, PKCE and this page
    to come back to; back with a code, the editor exchanges it (with its verifier) for a
    token, reads the user and the project, and shows the collections. Nothing is blocked
    by the policies and the console has no error. GitLab is answered by the test
    (:class:`GitLab`): no request leaves the machine. Decap logs in only over https or
    from this machine: the page is opened as http://127.0.0.1 (production is https)."""
    from playwright.sync_api import expect  # noqa: PLC0415

    site_host = f"127.0.0.1:{site.port}"
    gitlab = GitLab()
    with browser.new_page(locale="it-IT") as page:  # a context of its own, closed with it
        console, requests, errors = [], [], []
        page.on("console", lambda message: console.append((message.type, message.text)))
        page.on("pageerror", lambda error: errors.append(error))
        page.on("request", lambda request: requests.append(request.url))
        page.add_init_script(LISTENER)
        page.route("https://gitlab.com/**", gitlab.answer)
        response = page.goto(f"http://{site_host}/admin/")
        assert response.status == 200
        login = page.get_by_role("button", name="Accedi con GitLab")
        expect(login).to_be_visible(timeout=60_000)
        first_screen = page.locator("body").inner_text()
        before_login = list(requests)
        login.click()
        expect(page.get_by_role("link", name="Notizie")).to_be_visible(timeout=30_000)
        expect(page.get_by_role("link", name="Comunicati stampa")).to_be_visible()
        # the last publication failed (the site was not updated): said, with its log
        notice = page.get_by_role("alert").filter(has_text="ultima pubblicazione")
        expect(notice).to_have_text(
            "L'ultima pubblicazione del sito non è riuscita (29 novembre alle ore 10:05):"
            " il sito non mostra ancora le ultime modifiche salvate. Avvisa chi gestisce il"
            " sito, che trova il motivo nel registro della pubblicazione.Chiudi",
            timeout=10_000)
        assert notice.get_by_role("link").get_attribute("href") == FAILED_RUN
        notice.get_by_role("button", name="Chiudi").click()  # it hid the form's end
        expect(notice).to_have_count(0)
        violations = page.evaluate("() => window.__violations")
    assert "rror" not in first_screen  # Decap's "Error loading the CMS configuration"
    assert {urlsplit(url).netloc for url in before_login} == {site_host}
    assert {urlsplit(url).netloc for url in requests} == {site_host, "gitlab.com"}
    assert violations == [] and errors == [], (violations, errors)
    assert [m for m in console if m[0] in ("error", "warning")] == [], console
    (_, authorize, _), (method, token, body) = gitlab.requests[:2]
    query = dict(parse_qsl(urlsplit(authorize).query))
    assert urlsplit(authorize).path == "/oauth/authorize"
    assert query["client_id"] == EDITORS_APP_ID
    assert query["redirect_uri"] == f"http://{site_host}/admin/"
    assert query["response_type"] == "code" and query["code_challenge_method"] == "S256"
    assert (method, urlsplit(token).path) == ("POST", "/oauth/token")
    exchange = json.loads(body)
    assert exchange["code"] == "prova" and exchange["client_id"] == EDITORS_APP_ID
    verifier = exchange["code_verifier"].encode()
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier).digest()).rstrip(b"=")
    assert challenge.decode() == query["code_challenge"]  # PKCE: no secret in the page
    [(_, runs, _)] = [r for r in gitlab.requests if "/pipelines" in r[1]][:1]
    assert urlsplit(runs).path == f"/api/v4/projects/{quote(EDITORS_REPO, safe='')}/pipelines"
    assert dict(parse_qsl(urlsplit(runs).query)) == {"ref": "main", "per_page": "1"}


# What a page may have left in the reader's browser: storage of every kind the site's
# scripts, Pagefind or the counter could use.
STORAGE = """async () => ({
  local: Object.keys(localStorage), session: Object.keys(sessionStorage),
  indexedDB: (await indexedDB.databases()).map((db) => db.name),
  caches: window.caches ? await caches.keys() : [],
  cookie: document.cookie})"""


# The page scrolled to its end one window at a time, each position drawn (two frames:
# the intersection observers of lazy images and of the listing's visit counts have run),
# so that every part of it has been in the window: what a reader scrolling through it
# makes the page load. (Not one smooth scroll: half a second or more a page, and the same
# wait as the next step's.)
SCROLL_THROUGH = """async () => {
    const drawn = () => new Promise((done) => requestAnimationFrame(
        () => requestAnimationFrame(done)));
    for (let top = 0; ; top += innerHeight) {
        scrollTo({top, behavior: "instant"});
        await drawn();
        if (top + innerHeight >= document.documentElement.scrollHeight) break;
    }
}"""


class Loading:
    """The requests of ``page`` under way: :meth:`settle` waits until every one was
    answered or failed, and none started for ``QUIET`` seconds, what Playwright's
    "networkidle" waits for without its half a second of silence after each page (30 s
    of the test's 40). The quiet time covers a request started by a script once the
    one before it has ended (the visit counter's queue: at most four at a time); the
    site's scripts start no request from a timer."""

    QUIET = 0.1

    def __init__(self, page):
        self.under_way, self.changed = set(), time.monotonic()
        page.on("request", self.started)
        page.on("requestfinished", self.ended)
        page.on("requestfailed", self.ended)

    def started(self, request):
        self.under_way.add(request)
        self.changed = time.monotonic()

    def ended(self, request):
        self.under_way.discard(request)
        self.changed = time.monotonic()

    def settle(self, page):
        wait_until(page, lambda: not self.under_way
                   and time.monotonic() - self.changed >= self.QUIET,
                   "every request of the page answered", timeout=30)


VISITORS = 4  # pages visited side by side (one's load and frames while the others run)


@pytest.mark.browser
def test_no_page_of_any_kind_sets_a_cookie_stores_anything_or_asks_another_host(
        site, counter, playwright):
    """The privacy page's promise, in real Chromium on every page the build writes (home,
    articles, pages, categories, tags, authors, archive, documents, a search with results,
    the 404 page), served by nginx with the counter on its own origin: no cookie, nothing
    in localStorage, sessionStorage, IndexedDB or Cache Storage, and no request to any
    host but the site and the counter (lazy images and listing counts included: each page
    is scrolled to its end)."""
    counter_host = f"counter.test:{counter.server_address[1]}"
    site_host = f"site.test:{site.port}"
    paths = sorted("/" + page.parent.relative_to(site.build.output).as_posix() + "/"
                   for page in site.build.output.rglob("index.html")
                   if page.relative_to(site.build.output).parts[0] not in ("admin", "pagefind"))
    paths = [path.replace("/./", "/") for path in paths]
    assert {"/", ARTICLE, "/privacy/", "/categorie/notizie/", "/argomenti/crema/",
            "/autori/redazione/", "/archivio/", "/documenti/", "/cerca/"} <= set(paths)
    browser = launch(playwright, TEST_HOSTS,  # secure as production's https: Cache Storage
                     f"--unsafely-treat-insecure-origin-as-secure=http://{site_host}")
    requests, cookies, stored, violations, kept = [], [], {}, {}, []
    try:
        windows = []  # VISITORS pages side by side, each in a context (a window) of its own
        for _ in range(VISITORS):
            context = browser.new_context()
            context.add_init_script(LISTENER)
            page = context.new_page()
            page.on("request", lambda request: requests.append(request.url))
            page.on("response", lambda response: cookies.extend(
                [response.url] if response.header_value("set-cookie") else []))
            windows.append((context, page, Loading(page)))
        every = [*paths, "/cerca/?q=laboratorio", "/pagina-che-non-esiste/"]
        for start in range(0, len(every), VISITORS):
            visits = list(zip(windows, every[start:start + VISITORS]))
            for (_, page, _), path in visits:  # each page's load started, then each awaited
                response = page.goto(f"http://{site_host}{path}", wait_until="commit")
                assert response.status == (404 if "non-esiste" in path else 200), path
            for (_, page, _), path in visits:
                page.wait_for_load_state("load")
                if path.startswith("/cerca/?"):
                    page.locator(".cerca-risultato").first.wait_for(timeout=30_000)
                page.evaluate(f"() => {{ window.__scrolled = ({SCROLL_THROUGH})(); }}")
            for (_, page, loading), path in visits:
                page.evaluate("() => window.__scrolled")
                loading.settle(page)
                left = page.evaluate(STORAGE)
                if any(left.values()):
                    stored[path] = left
                if page.evaluate("() => window.__violations"):
                    violations[path] = page.evaluate("() => window.__violations")
        for context, _, _ in windows:
            kept += context.cookies()
            context.close()
    finally:
        browser.close()
    assert kept == []
    assert stored == {} and cookies == [] and violations == {}, (stored, cookies, violations)
    assert {urlsplit(url).netloc for url in requests} == {site_host, counter_host}
    assert any("/pagefind/" in url for url in requests)  # the search did run


@pytest.mark.browser
def test_the_pages_may_copy_a_link_and_no_feature_they_do_not_use_is_allowed(site, playwright):
    """nginx's Permissions-Policy as Chromium applies it: "Copia link" copies (the
    clipboard's writing, this origin only); every other feature the header names is off
    for the page and for any frame in it (a video of CONTRACT_IFRAME_HOSTS): the
    advertising-interest APIs too (Topics, FLoC), which Chromium allows every frame by
    default; and Chromium knows every name the header gives (an unknown one is an error in
    the console)."""
    site_host = f"site.test:{site.port}"
    browser = launch(playwright, TEST_HOSTS,  # the clipboard needs a secure context
                     f"--unsafely-treat-insecure-origin-as-secure=http://{site_host}")
    try:
        context = browser.new_context(permissions=["clipboard-write"])
        page = context.new_page()
        console = []
        page.on("console", lambda message: console.append((message.type, message.text)))
        page.goto(f"http://{site_host}{ARTICLE}")
        page.get_by_role("button", name="Copia link").click()
        page.wait_for_function(
            "() => document.querySelector('.share-status').textContent === 'Link copiato'")
        allowed = page.evaluate("""(names) => names.map((name) => [name,
            document.featurePolicy.allowsFeature(name),
            document.featurePolicy.allowsFeature(name, "https://www.youtube-nocookie.com")])""",
                                [*DENIED, *USED])
        known = page.evaluate("() => document.featurePolicy.features()")
        context.close()
    finally:
        browser.close()
    assert [name for name, here, framed in allowed if name in DENIED and (here or framed)] == []
    assert [(name, here, framed) for name, here, framed in allowed if name in USED] == \
        [("clipboard-write", True, False)]
    assert set(PERMISSIONS) <= set(known)
    assert [text for kind, text in console if "Permissions-Policy" in text] == []
