"""plugins/assets: the theme's files under content-hashed names, one stylesheet, asset_url."""

import hashlib
import logging
import re
import shutil

import pytest
from support import ROOT, article
from plugins.assets import asset_url, published_file
from plugins.assets.build import AssetsError, hashed_name, plan, rewrite_urls, theme_files
from plugins.assets.settings import DEFAULTS
from plugins.assets.settings import install as validate

HASHED = re.compile(r"\A(?P<name>.+)\.(?P<hash>[0-9a-f]{10})\.(?P<ext>[a-z0-9]+)\Z")
BUNDLE = ["css/base.css", "css/header.css", "css/list.css", "css/article.css", "css/footer.css"]
SITE = {
    "notizie/a.md": article(title="Una notizia", tags="[Crema]"),
    "pages/p.md": "---\ntitle: Una pagina\n---\nTesto.\n",
}


# --- The plan, without a build ----------------------------------------------------------

def write(folder, files):
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return theme_files(str(folder), ["."])


def test_hashed_name_carries_the_content_hash():
    data = b"body{color:red}"
    digest = hashlib.sha256(data).hexdigest()
    assert hashed_name("css/site.css", data, 10) == f"css/site.{digest[:10]}.css"
    assert hashed_name("fonts/a-b.c.woff2", data, 8) == f"fonts/a-b.c.{digest[:8]}.woff2"


def test_bundle_fingerprints_and_plain_files(tmp_path):
    files = write(tmp_path, {
        "css/a.css": '/* url("../x/not-a-file.png") */\n@font-face { src: url("../fonts/f.woff2") '
                     'format("woff2"); }\nbody { color: red; }\n',
        "css/b.css": "main { background: url(../img/bg.png?v=2#top) }\n"
                     ".x { background: url('data:image/png;base64,AAAA') }\n",
        "fonts/f.woff2": b"wOF2 font",
        "fonts/OFL.txt": "licence",
        "img/bg.png": b"\x89PNG",
        "js/cerca.js": "console.log(1);\n",
    })
    manifest, outputs = plan(files, {"css/site.css": ["css/a.css", "css/b.css"]},
                             ["css/*.css", "js/*.js", "fonts/*.woff2", "img/*"], 10, True)
    assert set(manifest) == {"css/site.css", "fonts/f.woff2", "fonts/OFL.txt", "img/bg.png",
                             "js/cerca.js"}  # bundle sources are not published
    assert manifest["fonts/OFL.txt"] == "fonts/OFL.txt"
    for name in ("css/site.css", "fonts/f.woff2", "img/bg.png", "js/cerca.js"):
        match = HASHED.match(manifest[name])
        assert match and f"{match['name']}.{match['ext']}" == name, manifest[name]
    written = {output.name: output for output in outputs}
    assert set(written) == set(manifest.values())
    css = written[manifest["css/site.css"]].data.decode()
    assert manifest["css/site.css"] == hashed_name("css/site.css", css.encode(), 10)
    font, image = manifest["fonts/f.woff2"], manifest["img/bg.png"]
    assert f'url("../{font}")' in css and f'url("../{image}?v=2#top")' in css
    assert "url('data:image/png;base64,AAAA')" in css
    assert "not-a-file" not in css and "\n" not in css.strip()  # comments gone, minified
    assert written[manifest["js/cerca.js"]].data == b"console.log(1);\n"
    assert written["fonts/OFL.txt"].source == str(tmp_path / "fonts" / "OFL.txt")


def test_same_files_same_names_and_bytes(tmp_path):
    files = write(tmp_path, {"css/a.css": "a { color: red }", "js/x.js": "1;"})
    first = plan(files, {"css/site.css": ["css/a.css"]}, ["js/*.js"], 10, True)
    assert plan(files, {"css/site.css": ["css/a.css"]}, ["js/*.js"], 10, True) == first
    (tmp_path / "css" / "a.css").write_text("a { color: blue }")
    changed, _ = plan(files, {"css/site.css": ["css/a.css"]}, ["js/*.js"], 10, True)
    assert changed["css/site.css"] != first[0]["css/site.css"]
    assert changed["js/x.js"] == first[0]["js/x.js"]


def test_script_bundles_end_each_file_so_the_next_cannot_continue_it(tmp_path):
    files = write(tmp_path, {"js/a.js": "(function () { a(); })()\n\n", "js/b.js": "(b)()"})
    manifest, outputs = plan(files, {"js/pagina.js": ["js/a.js", "js/b.js"]}, ["js/*.js"])
    assert list(manifest) == ["js/pagina.js"]
    [bundle] = outputs
    assert bundle.data == b"(function () { a(); })()\n;\n(b)()\n;\n"


def test_a_changed_font_changes_the_stylesheet_name(tmp_path):
    files = write(tmp_path, {"css/a.css": "@font-face{src:url(../f/x.woff2)}", "f/x.woff2": b"1"})
    before, _ = plan(files, {}, ["css/*.css", "f/*"], 10, True)
    (tmp_path / "f" / "x.woff2").write_bytes(b"2")
    after, _ = plan(files, {}, ["css/*.css", "f/*"], 10, True)
    assert before["css/a.css"] != after["css/a.css"]


def test_urls_are_relative_to_where_the_bundle_lands():
    css = rewrite_urls("a{background:url(img/x.png)}", "css/parts/a.css", "site.css",
                       {"css/parts/img/x.png": "css/parts/img/x.1234567890.png"}, [])
    assert css == 'a{background:url("css/parts/img/x.1234567890.png")}'


@pytest.mark.parametrize(("files", "bundles", "message"), [
    ({"css/a.css": "a{}"}, {"css/site.css": ["css/a.css", "css/gone.css"]},
     "css/site.css: source css/gone.css not found in the theme"),
    ({"css/a.css": "a{background:url(../img/none.png)}"}, {"css/site.css": ["css/a.css"]},
     "css/a.css: url(../img/none.png) is not a published theme file"),
    ({"css/a.css": "a{color:red"}, {"css/site.css": ["css/a.css"]},
     "css/site.css: unbalanced braces"),
    ({"css/site.css": "a{}"}, {"css/site.css": ["css/site.css"]},
     "bundle css/site.css has the name of a theme file"),
])
def test_theme_mistakes_stop_the_build_naming_them(tmp_path, files, bundles, message):
    with pytest.raises(AssetsError, match=re.escape(message)):
        plan(write(tmp_path, files), bundles, ["css/*.css"], 10, True)


def test_theme_files_mirror_pelicans_copy(tmp_path):
    write(tmp_path, {"one/a.txt": "1", "one/.hidden": "h", "one/sub/b.txt": "b",
                     "two/a.txt": "2", "file.svg": "<svg/>"})
    files = theme_files(str(tmp_path), ["one", "two", "file.svg"], [".*"])
    assert list(files) == ["a.txt", "file.svg", "sub/b.txt"]
    assert files["a.txt"] == str(tmp_path / "two" / "a.txt")  # the later entry wins


def test_the_file_published_at_a_site_path_is_the_one_the_build_copies(tmp_path):
    # What the feeds measure as the site's logo: the theme file published at that path
    # (a later folder wins, as in Pelican's copy), else a content file.
    for folder, size in (("one", b"first"), ("two", b"second")):
        (tmp_path / "theme" / folder).mkdir(parents=True)
        (tmp_path / "theme" / folder / "logo.png").write_bytes(size)
    (tmp_path / "content" / "immagini").mkdir(parents=True)
    (tmp_path / "content" / "immagini" / "logo.png").write_bytes(b"content")
    settings = {"THEME": str(tmp_path / "theme"), "THEME_STATIC_DIR": "theme",
                "ASSETS_STATIC_PATHS": ["one", "two"], "PATH": str(tmp_path / "content"),
                "IGNORE_FILES": []}
    assert published_file(settings, "theme/logo.png") == str(tmp_path / "theme/two/logo.png")
    assert published_file(settings, "immagini/logo.png") == \
        str(tmp_path / "content/immagini/logo.png")
    assert published_file(settings, "theme/nessuno.png") is None
    assert published_file({**settings, "ASSETS_STATIC_PATHS": None,
                           "THEME_STATIC_PATHS": ["one"]}, "theme/logo.png") == \
        str(tmp_path / "theme/one/logo.png")


def test_asset_url_names_the_bundle_or_the_missing_file():
    context = {"SITEURL": "https://x.org", "THEME_STATIC_DIR": "theme",
               "asset_manifest": {"css/site.css": "css/site.0123456789.css"},
               "asset_bundled": {"css/base.css": "css/site.css"}}
    assert asset_url(context, "css/site.css") == "https://x.org/theme/css/site.0123456789.css"
    with pytest.raises(AssetsError, match=r"part of the bundle css/site.css: use asset_url"):
        asset_url(context, "css/base.css")
    with pytest.raises(AssetsError, match=r"asset_url\('js/none.js'\): no such file"):
        asset_url(context, "js/none.js")


@pytest.mark.parametrize(("name", "value"), [
    ("ASSETS_BUNDLES", ["css/a.css"]), ("ASSETS_BUNDLES", {"/abs.css": ["a.css"]}),
    ("ASSETS_BUNDLES", {"site.css": ["a.js"]}), ("ASSETS_BUNDLES", {"site.css": []}),
    ("ASSETS_BUNDLES", {"site.css": ["../out.css"]}), ("ASSETS_HASH_LENGTH", 7),
    ("ASSETS_HASH_LENGTH", True), ("ASSETS_FINGERPRINT", "js/*.js"),
    ("ASSETS_MINIFY_CSS", "yes"), ("ASSETS_STATIC_PATHS", "static"),
])
def test_bad_settings_are_named_and_replaced_by_their_default(caplog, name, value):
    settings = {"THEME_STATIC_PATHS": ["static"], name: value}
    with caplog.at_level(logging.ERROR):
        validate(settings)
    assert caplog.records and caplog.records[0].getMessage().startswith(name)
    expected = ["static"] if name == "ASSETS_STATIC_PATHS" else DEFAULTS[name]
    assert settings[name] == expected
    assert settings["THEME_STATIC_PATHS"] == []  # Pelican no longer copies the theme itself


# --- A real build -----------------------------------------------------------------------

def theme_references(site):
    """(page, URL) of every theme file a page refers to (link, script, img, source)."""
    found = []
    for page in sorted(site.output.rglob("*.html")):
        soup = site.soup("/" + page.relative_to(site.output).as_posix())
        for element in soup.select("link[href], script[src], img[src], source[srcset]"):
            url = element.get("href") or element.get("src") or element.get("srcset")
            if "/theme/" in url:
                found.append((page.relative_to(site.output).as_posix(), url))
    return found


def test_pages_refer_only_to_hashed_theme_files_that_exist(build_once):
    site = build_once(SITE)
    assert site.ok, site.log
    references = theme_references(site)
    assert {page for page, _ in references} >= {"index.html", "404.html",
                                                "2024/05/una-notizia/index.html"}
    for page, url in references:
        path = url.split("/theme/", 1)[1]
        assert HASHED.match(path.rsplit("/", 1)[-1]), (page, url)
        assert (site.output / "theme" / path).is_file(), (page, url)
    home = site.soup("/")
    [sheet] = home.select('link[rel="stylesheet"]')
    assert re.fullmatch(r"https://farelegami\.example\.org/theme/css/site\.[0-9a-f]{10}\.css",
                        sheet["href"])
    preloaded = [link["href"].rsplit("/", 1)[1].split(".")[0]
                 for link in home.select('link[rel="preload"][as="font"]')]
    assert preloaded == [f"titillium-web-latin-{w}-normal" for w in (400, 600, 700)]
    assert all(link.has_attr("crossorigin") for link in home.select('link[rel="preload"]'))


def test_unhashed_sources_are_not_published(build_once):
    site = build_once(SITE)
    theme = sorted(p.relative_to(site.output / "theme").as_posix()
                   for p in (site.output / "theme").rglob("*")
                   if p.is_file() and p.suffix not in (".gz", ".br"))  # precompressed copies
    assert [name for name in theme if not HASHED.match(name.rsplit("/", 1)[-1])] == [
        "fonts/OFL.txt", "fonts/README.txt", "logo.png", "share-card.png"]  # stable URLs
    # (plugins/seo: the logo, and the picture of a shared page without a cover)
    assert [name for name in theme if name.startswith("css/")] == [
        next(name for name in theme if name.startswith("css/site."))]
    # the bundle of the visit counter and "Copia link" (ASSETS_BUNDLES), and the search
    # page's module: their sources are not published
    assert [name.split(".")[0] for name in theme if name.startswith("js/")] == [
        "js/cerca", "js/site"]
    assert not [name for name in theme if "italic" in name]


def test_every_page_offers_the_mark_to_browsers_and_phones_that_take_no_svg(build_once):
    """The SVG icon alone left Safari before 26 and older browsers without the site's
    mark in their tabs and bookmarks, and an iPhone's home screen with a screenshot of
    the page: an ICO (16, 32, 48 px) and a square, opaque 180 px PNG beside it."""
    from PIL import Image  # noqa: PLC0415

    site = build_once(SITE)
    for address in ("/", "/2024/05/una-notizia/", "/una-pagina/", "/404.html"):
        head = site.soup(address).head
        icons = [(link["rel"], link.get("sizes"), link.get("type"), link["href"])
                 for link in head.select('link[rel~="icon"], link[rel~="apple-touch-icon"]')]
        assert [(rel, sizes, kind) for rel, sizes, kind, _ in icons] == [
            (["icon"], "32x32", None), (["icon"], None, "image/svg+xml"),
            (["apple-touch-icon"], None, None)], address  # "32x32": else Chrome takes the ICO
        names = [href.rsplit("/", 1)[1] for *_, href in icons]
        assert [HASHED.match(name)["name"] for name in names] == [
            "favicon", "favicon", "apple-touch-icon"], address
    with Image.open(site.path(icons[0][3])) as ico:
        assert ico.format == "ICO" and ico.ico.sizes() == {(16, 16), (32, 32), (48, 48)}
    with Image.open(site.path(icons[2][3])) as touch:
        assert touch.format == "PNG" and touch.size == (180, 180)
        opaque = touch.convert("RGBA")
        assert opaque.getextrema()[3] == (255, 255)  # iOS paints transparency black
        assert opaque.getpixel((0, 0)) == opaque.getpixel((90, 8))  # square: corners filled


def test_the_stylesheet_is_the_five_sources_minified_with_hashed_fonts(build_once):
    site = build_once(SITE)
    [sheet] = (site.output / "theme" / "css").glob("site.*.css")
    css = sheet.read_text(encoding="utf-8")
    raw = sum(len((ROOT / "theme" / "static" / name).read_bytes()) for name in BUNDLE)
    assert len(css.encode()) < raw * 0.8
    assert css.index("--color-primary") < css.index(".site-header") < css.index(".site-footer")
    fonts = re.findall(r'url\("\.\./fonts/([^"]+)"\)', css)
    assert len(fonts) == 6 and all(HASHED.match(font) for font in fonts)
    assert all((site.output / "theme" / "fonts" / font).is_file() for font in fonts)
    faces = re.findall(r"@font-face\{[^}]*\}", css)
    assert len(faces) == 6 and not [face for face in faces if "italic" in face]
    assert all("font-display:optional" in face for face in faces)


def test_two_builds_publish_the_same_names_and_bytes(build_once, build):
    first, second = build_once(SITE), build(SITE)
    assert second.ok, second.log

    def theme(site):
        return {p.relative_to(site.output).as_posix(): p.read_bytes()
                for p in (site.output / "theme").rglob("*") if p.is_file()}

    assert theme(first) == theme(second)


def test_a_template_asking_for_an_unknown_file_stops_the_build(build, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    (theme / "templates" / "partials" / "extend_head.html").write_text(
        '<script src="{{ asset_url("js/manca.js") }}" defer></script>', encoding="utf-8")
    site = build(SITE, settings=f"THEME = {str(theme)!r}\n")
    assert not site.ok
    assert "asset_url('js/manca.js'): no such file under the theme's static folder" in site.log
    assert "Traceback" not in site.log


def test_a_new_script_is_published_hashed_for_templates_to_use(build, tmp_path):
    """What the search and sharing scripts do: drop a file into static/js, ask asset_url."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    (theme / "static" / "js" / "cerca.js").write_text("/* cerca */\n", encoding="utf-8")
    (theme / "templates" / "partials" / "extend_head.html").write_text(
        '<script src="{{ asset_url("js/cerca.js") }}" defer></script>', encoding="utf-8")
    site = build(SITE, settings=f"THEME = {str(theme)!r}\n")
    assert site.ok, site.log
    src = site.soup("/").select_one('script[src*="cerca"]')["src"]
    name = src.rsplit("/", 1)[1]
    assert HASHED.match(name) and (site.output / "theme" / "js" / name).is_file()
    assert not (site.output / "theme" / "js" / "cerca.js").exists()
