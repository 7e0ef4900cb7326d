"""plugins/images: width/height, WebP variants in srcset, lazy loading; real images, real builds.

The browser check (no layout shift when the images arrive) is in
tests/test_accessibility_browser.py, which builds a site with images too.
"""

import io
import os
import logging
import random
import re
import struct
import zlib
from xml.etree import ElementTree

import pytest
from PIL import Image
import samples
from support import SITEURL, article, run_tool, write_conf, write_content
from plugins.images import location, markup
from plugins.images.settings import DEFAULTS
from plugins.images.settings import install as validate
from plugins.images.variants import Source, Variant, measure, published_name, share, widths_for

WIDTHS = DEFAULTS["IMAGES_WIDTHS"]
VARIANT = re.compile(r"\A/immagini/_r/(?P<stem>[a-z0-9-]+)-(?P<width>\d+)\.[0-9a-f]{10}\.webp\Z")


def jpeg(width, height, orientation=None):
    """A real JPEG (stripes, so it does not compress to nothing), optionally EXIF-turned."""
    image = Image.new("RGB", (width, height), "#204a87")
    for x in range(0, width, 16):
        image.paste((x % 256, 90, 160), (x, 0, min(x + 8, width), height))
    data = io.BytesIO()
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    image.save(data, "JPEG", quality=80, exif=exif.tobytes())
    return data.getvalue()


def png(width, height):
    data = io.BytesIO()
    Image.new("RGBA", (width, height), (166, 30, 0, 200)).save(data, "PNG")
    return data.getvalue()


SITE = {
    "immagini/foto.jpg": jpeg(2000, 1200),
    "immagini/ruotata.jpg": jpeg(1000, 600, orientation=6),  # a phone photo, shown 600 x 1000
    "immagini/grafico.png": png(900, 300),
    "immagini/icona.png": png(300, 300),
    "immagini/solo-bozza.jpg": jpeg(1000, 500),
    "notizie/con-copertina.md": article(
        title="Con copertina", image="immagini/foto.jpg", image_alt="Strisce blu",
        body="""\
            Il primo paragrafo.

            ![Un grafico a > barre]({static}/immagini/grafico.png)

            ![Una foto ruotata]({static}/immagini/ruotata.jpg)
            """),
    "notizie/senza-copertina.md": article(
        title="Senza copertina", date="2024-05-06 10:00",
        body="""\
            Il primo paragrafo.

            ![Strisce]({static}/immagini/foto.jpg)

            ![Icona]({static}/immagini/icona.png)
            """),
    "notizie/bozza.md": article(title="Bozza", status="draft",
                                body="![Solo qui]({static}/immagini/solo-bozza.jpg)"),
}
WITH_COVER = "/2024/05/con-copertina/"
WITHOUT_COVER = "/2024/05/senza-copertina/"


# --- Pure functions ---------------------------------------------------------------------

@pytest.mark.parametrize(("src", "folder", "expected"), [
    ("{static}/immagini/a.jpg", "notizie", "immagini/a.jpg"),
    ("|static|/immagini/a.PNG", "", "immagini/a.PNG"),
    ("{static}../immagini/a.webp?x=1#y", "notizie", "immagini/a.webp"),
    ("{static}/immagini/a.svg", "", None), ("/immagini/a.jpg", "", None),
    ("https://example.org/a.jpg", "", None), ("{static}/../../etc/a.jpg", "", None),
    # Pelican's other form for a static file: the same picture (plugins/images/README.md)
    ("{attach}/immagini/a.jpg", "notizie", "immagini/a.jpg"),
    ("|attach|../immagini/a.png", "notizie", "immagini/a.png"),
    ("{attach}/allegati/a.pdf", "", None),
])
def test_static_source(src, folder, expected):
    assert markup.static_source(src, folder) == expected


def test_rewrite_touches_only_the_tags_of_known_images():
    html = ('<p>a &gt; b <img alt="x > y" src="{static}/immagini/a.jpg"></p>\n'
            '<p><img src="https://example.org/b.jpg" alt="fuori"></p>\n'
            '<p><img src="{static}/immagini/c.jpg" alt="c" loading="eager" width="9"/></p>')
    pictures = {"immagini/a.jpg": markup.Picture("/immagini/a.jpg", 1000, 500, "s 480w", "z"),
                "immagini/c.jpg": markup.Picture("/immagini/c.jpg", 100, 50)}
    out = markup.rewrite(html, "notizie", pictures, eager_first=True)
    assert out.split("\n")[1] == html.split("\n")[1]
    assert out.startswith('<p>a &gt; b <img alt="x &gt; y" src="{static}/immagini/a.jpg"'
                          ' width="1000" height="500" srcset="s 480w" sizes="z"'
                          ' decoding="async"></p>')
    assert out.endswith('<img src="{static}/immagini/c.jpg" alt="c" width="100" height="50"'
                        ' loading="lazy" decoding="async"></p>')
    assert markup.rewrite(html, "", {}, True) == html


def test_the_first_image_is_eager_only_without_a_cover():
    html = '<img src="{static}/a.jpg" alt=""><img src="{static}/a.jpg" alt="">'
    pictures = {"a.jpg": markup.Picture("/a.jpg", 10, 10)}
    eager = markup.image_tags(markup.rewrite(html, "", pictures, eager_first=True))
    lazy = markup.image_tags(markup.rewrite(html, "", pictures, eager_first=False))
    assert [dict(attrs).get("loading") for _, _, attrs in eager] == [None, "lazy"]
    assert [dict(attrs).get("loading") for _, _, attrs in lazy] == ["lazy", "lazy"]


def test_variant_widths_and_names(tmp_path):
    assert widths_for(Source("x", "d", 2000, 1000), WIDTHS) == [480, 800, 1200, 1600]
    # no wider than the largest width: a WebP of its own width too, offered instead of it
    assert widths_for(Source("x", "d", 800, 1000), WIDTHS) == [480, 800]
    assert widths_for(Source("x", "d", 1080, 720), WIDTHS) == [480, 800, 1080]
    assert widths_for(Source("x", "d", 1600, 900), WIDTHS) == [480, 800, 1200, 1600]
    assert widths_for(Source("x", "d", 300, 300), WIDTHS) == [300]
    cached = tmp_path / "v.webp"
    cached.write_bytes(b"RIFF")
    name = published_name("immagini/Foto Sagra è.JPG", Variant(800, 400, str(cached)))
    assert re.fullmatch(r"foto-sagra-e-800\.[0-9a-f]{10}\.webp", name)  # the site's slug
    name = published_name("immagini/Festa in città.png", Variant(480, 240, str(cached)))
    assert re.fullmatch(r"festa-in-citta-480\.[0-9a-f]{10}\.webp", name)  # "citt" before
    assert published_name("immagini/🎉.jpg", Variant(480, 240, str(cached))).startswith(
        "immagine-480.")


@pytest.mark.parametrize("kind", ["JPEG", "GIF"])
def test_a_cover_s_share_copy_keeps_no_comment_of_the_original(tmp_path, kind):
    """The copy for link previews is "without any metadata": Pillow writes into a JPEG
    the comment of the image it came from (a JPEG's COM segment, a GIF's comment), and
    resizing kept it (an editing program's, or a name and an address typed by hand)."""
    original = tmp_path / f"foto.{kind.lower()}"
    Image.new("RGB", (300, 200), (10, 120, 30)).save(
        original, kind, comment=b"Foto di Mario Rossi, via Roma 3")
    copy = share(measure(str(original)), 1200, 82, str(tmp_path / "cache"))
    with Image.open(copy.file) as shared:
        assert (shared.format, shared.size) == ("JPEG", (300, 200))
        assert "comment" not in shared.info and "COM" not in shared.app, shared.info


@pytest.mark.parametrize(("name", "value"), [
    ("IMAGES_WIDTHS", []), ("IMAGES_WIDTHS", [480, 480]), ("IMAGES_WIDTHS", [10]),
    ("IMAGES_QUALITY", 0), ("IMAGES_QUALITY", True), ("IMAGES_OUTPUT", "../fuori"),
    ("IMAGES_SIZES", ""), ("IMAGES_WORKERS", 0), ("IMAGES_CACHE_PATH", 3),
])
def test_bad_settings_are_named_and_replaced_by_their_default(caplog, name, value):
    settings = {"CACHE_PATH": "/tmp/c", name: value}
    with caplog.at_level(logging.ERROR):
        validate(settings)
    assert caplog.records and caplog.records[0].getMessage().startswith(name)
    expected = "/tmp/c/images" if name == "IMAGES_CACHE_PATH" else DEFAULTS[name]
    assert settings[name] == expected


# --- Real builds --------------------------------------------------------------------------

def images(site, url):
    return {img["alt"]: img for img in site.soup(url).select("main img")}


def candidates(img):
    """``[(path, width)]`` of a srcset, paths without SITEURL."""
    return [(url.removeprefix(SITEURL), int(width[:-1]))
            for url, width in (part.strip().split(" ") for part in img["srcset"].split(","))]


def test_body_images_get_size_srcset_and_lazy_loading(build_once):
    site = build_once(SITE)
    assert site.ok, site.log
    shown = images(site, WITH_COVER)
    chart = shown["Un grafico a > barre"]
    assert (chart["width"], chart["height"]) == ("900", "300")
    assert chart["src"] == f"{SITEURL}/immagini/grafico.png"
    assert chart["sizes"] == DEFAULTS["IMAGES_SIZES"]
    assert chart["loading"] == "lazy" and chart["decoding"] == "async"
    # no wider than the largest variant: a WebP of its own width replaces the PNG in srcset
    path, width = candidates(chart)[-1]
    assert VARIANT.match(path) and width == 900
    assert "/immagini/grafico.png" not in [path for path, _ in candidates(chart)]
    turned = shown["Una foto ruotata"]
    assert (turned["width"], turned["height"]) == ("600", "1000")  # as the browser shows it
    assert [w for _, w in candidates(turned)] == [480, 600]


def test_variants_exist_with_the_widths_they_claim(build_once):
    site = build_once(SITE)
    seen = 0
    for url in (WITH_COVER, WITHOUT_COVER):
        for img in site.soup(url).select("main img[srcset]"):
            ratio = int(img["height"]) / int(img["width"])
            for path, width in candidates(img):
                match = VARIANT.match(path)
                if not match:  # the original, the largest candidate of a wider image
                    assert (path, width) == candidates(img)[-1] and width > 1600, path
                    continue
                assert int(match["width"]) == width, path
                with Image.open(site.path(path)) as variant:
                    assert variant.format == "WEBP" and variant.width == width
                    assert abs(variant.height - width * ratio) <= 1
                seen += 1
    # cover (2000 px), chart (900 px), turned (600 px), icon (300 px), body photo
    assert seen == 4 + 3 + 2 + 1 + 4


def test_the_cover_is_eager_and_the_first_image_without_a_cover_too(build_once):
    site = build_once(SITE)
    cover = site.soup(WITH_COVER).select_one(".article-cover img")
    assert cover["fetchpriority"] == "high" and not cover.has_attr("loading")
    assert (cover["width"], cover["height"]) == ("2000", "1200")
    assert [w for _, w in candidates(cover)] == [480, 800, 1200, 1600, 2000]
    shown = images(site, WITHOUT_COVER)
    assert not shown["Strisce"].has_attr("loading")
    icon = shown["Icona"]  # narrower than every width: one WebP of its own width
    assert icon["loading"] == "lazy" and (icon["width"], icon["height"]) == ("300", "300")
    assert [w for _, w in candidates(icon)] == [300] and VARIANT.match(candidates(icon)[0][0])


ATTACHED = {
    "immagini/foto.jpg": jpeg(2000, 1200),
    "immagini/grafico.png": png(900, 300),  # shown with {attach} only
    "notizie/statica.md": article(title="Statica", body="""\
        Il primo paragrafo.

        ![Con static]({static}/immagini/foto.jpg)
        """),
    "notizie/allegata.md": article(title="Allegata", date="2024-05-06 10:00", body="""\
        Il primo paragrafo.

        ![Con attach]({attach}/immagini/foto.jpg)

        ![Un grafico]({attach}../immagini/grafico.png)
        """),
}


def test_an_attach_picture_gets_size_srcset_and_lazy_loading_like_a_static_one(build_once):
    """``![…]({attach}/immagini/foto.jpg)``, Pelican's other form for a static file, which
    the contract accepts: its ``<img>`` had no width and height (the text jumped when it
    arrived), no srcset (a phone fetched the 2000 px JPEG) and no lazy loading. It gets what
    the same file gets with ``{static}``, at the addresses the build writes: each one
    resolves to a file of the output, each variant as wide as its ``srcset`` says."""
    site = build_once(ATTACHED)
    assert site.ok, site.log
    # published at its one address, without Pelican's English warning that it is not moved
    assert "cannot relocate" not in site.log and "{attach}" not in site.log
    static = images(site, "/2024/05/statica/")["Con static"]
    shown = images(site, "/2024/05/allegata/")
    attached, chart = shown["Con attach"], shown["Un grafico"]
    assert {name: value for name, value in attached.attrs.items() if name != "alt"} == \
        {name: value for name, value in static.attrs.items() if name != "alt"}
    assert (attached["width"], attached["height"]) == ("2000", "1200")
    assert [w for _, w in candidates(attached)] == [480, 800, 1200, 1600, 2000]
    assert not attached.has_attr("loading")  # the first picture of an item without a cover
    assert (chart["width"], chart["height"]) == ("900", "300")
    assert chart["sizes"] == DEFAULTS["IMAGES_SIZES"]
    assert chart["loading"] == "lazy" and chart["decoding"] == "async"
    assert [w for _, w in candidates(chart)] == [480, 800, 900]
    for img in (attached, chart):
        assert site.exists(img["src"]), img["src"]
        ratio = int(img["height"]) / int(img["width"])
        for path, width in candidates(img):
            assert site.exists(path), path
            with Image.open(site.path(path)) as file:
                assert file.width == width and abs(file.height - width * ratio) <= 1, path
                assert file.format == ("JPEG" if path == "/immagini/foto.jpg" else "WEBP")
    feed = site.text("/feeds/tutto.atom.xml")
    assert f'srcset="{SITEURL}/immagini/_r/grafico-480.' in feed


def test_drafts_images_get_no_variants_and_feeds_carry_the_attributes(build_once):
    site = build_once(SITE)
    names = [p.name for p in (site.output / "immagini" / "_r").iterdir()]
    assert not [name for name in names if name.startswith("solo-bozza")]
    assert not (site.output / "immagini" / "solo-bozza.jpg").exists()
    feed = site.text("/feeds/tutto.atom.xml")
    assert f'srcset="{SITEURL}/immagini/_r/foto-480.' in feed


def test_same_images_same_variant_bytes_with_a_cold_cache(build_once, build):
    first, second = build_once(SITE), build(SITE)
    assert second.ok, second.log

    def variants(site):
        return {p.name: p.read_bytes() for p in (site.output / "immagini" / "_r").iterdir()}

    # foto.jpg's four, ruotata.jpg's three, grafico.png's two, icona.png's one, and the
    # cover's copy for link previews
    assert variants(first) == variants(second) and len(variants(first)) == 4 + 3 + 2 + 1 + 1
    assert first.text(WITH_COVER) == second.text(WITH_COVER)


def half(data):
    return data[:len(data) // 2]


@pytest.mark.parametrize("broken", [
    jpeg(1200, 800)[:400],  # cut in its header
    half(jpeg(2000, 1200)),  # a whole header, half the data: variants to draw
    half(jpeg(400, 300)),  # the same, too narrow for variants: published as it is
], ids=["header", "data", "data-no-variants"])
def test_an_unreadable_image_stops_the_build_and_check_naming_it(build, tmp_path, broken):
    files = {"immagini/rotta.jpg": broken,
             "notizie/a.md": article(body="![Rotta]({static}/immagini/rotta.jpg)")}
    line = line_of(files["notizie/a.md"], "rotta.jpg")
    site = build(files)
    assert not site.ok
    assert f"notizie/a.md:{line}: l'immagine immagini/rotta.jpg non si può leggere" in site.log
    assert not (site.output / "index.html").exists()
    write_content(tmp_path / "content", files)
    status, out, _ = run_tool(tmp_path, "check", "--settings", str(write_conf(tmp_path)),
                              "--content", str(tmp_path / "content"))
    assert status == 1
    assert f"notizie/a.md:{line}: errore: l'immagine immagini/rotta.jpg non si può" in out


def bad_exif(kind):
    """A PNG or WebP whose EXIF does not begin as TIFF data (Pillow: "not a TIFF file")."""
    data = io.BytesIO()
    Image.new("RGB", (64, 48), "#336699").save(data, kind, exif=b"MX\0*\0\0\0\x08\0\0")
    return data.getvalue()


@pytest.mark.parametrize("kind", ["PNG", "WEBP"])
def test_an_image_whose_exif_cannot_be_read_is_named_not_a_traceback(build, tmp_path, kind):
    """Pillow raises SyntaxError for EXIF data that does not begin as TIFF data: measuring
    the image (its orientation, its position) stopped the build, and ``invoke check``, with
    a traceback naming no file."""
    name = f"immagini/rotta.{kind.lower()}"
    files = {name: bad_exif(kind), "notizie/a.md": article(body=f"![Rotta]({{static}}/{name})")}
    line = line_of(files["notizie/a.md"], "rotta.")
    site = build(files)
    assert not site.ok and "Traceback" not in site.log
    assert f"notizie/a.md:{line}: l'immagine {name} non si può leggere" in site.log
    write_content(tmp_path / "content", files)
    status, out, err = run_tool(tmp_path, "check", "--settings", str(write_conf(tmp_path)),
                                "--content", str(tmp_path / "content"))
    assert status == 1 and "Traceback" not in err, err
    assert f"notizie/a.md:{line}: errore: l'immagine {name} non si può leggere" in out


def line_of(text, needle):
    """The number of the first line of ``text`` holding ``needle``."""
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def test_an_unreadable_image_of_a_summary_or_a_cover_is_found_too(build, tmp_path):
    """At the line of the ``summary`` and of the ``image`` key (a cover also shown in the
    body: the key's line)."""
    files = {"immagini/rotta.jpg": half(jpeg(400, 300)),
             "immagini/copertina.jpg": jpeg(40, 30)[:300],
             "notizie/a.md": article(summary="'Il lead ![Rotta]({static}/immagini/rotta.jpg)'"),
             "notizie/b.md": article(title="Copertina", image="immagini/copertina.jpg",
                                     image_alt="Un prato",
                                     body="![La copertina]({static}/immagini/copertina.jpg)")}
    lines = (line_of(files["notizie/a.md"], "rotta.jpg"),
             line_of(files["notizie/b.md"], "image:"))
    expected = [f"notizie/a.md:{lines[0]}: errore: l'immagine immagini/rotta.jpg non si può",
                f"notizie/b.md:{lines[1]}: errore: l'immagine immagini/copertina.jpg non si"]
    site = build(files)
    log = " ".join(site.log.split())
    assert not site.ok and all(text.replace("errore: ", "") in log for text in expected)
    write_content(tmp_path / "content", files)
    status, out, _ = run_tool(tmp_path, "check", "--settings", str(write_conf(tmp_path)),
                              "--content", str(tmp_path / "content"))
    assert status == 1 and all(text in out for text in expected), out


def test_a_broken_picture_in_the_lead_from_the_body_is_reported_once(build):
    site = build({"immagini/rotta.jpg": half(jpeg(400, 300)),
                  "notizie/a.md": article(body="Un testo ![x]({static}/immagini/rotta.jpg) qui.")})
    assert not site.ok
    assert " ".join(site.log.split()).count("l'immagine immagini/rotta.jpg non si può") == 1


def test_an_image_is_decoded_once_per_content_with_the_caches_mark(tmp_path):
    from plugins.images import variants  # noqa: PLC0415

    good = tmp_path / "buona.jpg"
    good.write_bytes(jpeg(40, 30))
    source = variants.measure(str(good))
    variants.verify(source, str(tmp_path / "cache"))
    assert os.path.isfile(variants.verified_mark(str(tmp_path / "cache"), source))
    good.write_bytes(half(jpeg(400, 300)))  # the same digest marked: not decoded again
    variants.verify(source, str(tmp_path / "cache"))
    with pytest.raises(variants.Unreadable):  # without the mark it is
        variants.verify(source)


def test_a_lead_with_a_picture_stays_html_on_the_listings(build):
    """A lead's <img>, its own or the body's first paragraph's, gets its size like the
    body's and stays HTML (the reader's lead is Markup: rewritten by joining text, it
    would be escaped, and the home page would show "<p>Il lead <img …" as text)."""
    site = build({"immagini/foto.jpg": jpeg(300, 200),
                  "immagini/piccola.jpg": jpeg(120, 80),
                  "notizie/a.md": article(
                      title="Con lead",
                      summary="'Il lead ![Piccola]({static}/immagini/piccola.jpg)'"),
                  "notizie/b.md": article(
                      title="Dal corpo", date="2024-05-06 10:00",
                      body="![Foto]({static}/immagini/foto.jpg) Il lead dal corpo.\n\nAltro.")})
    assert site.ok, site.log
    home = site.soup("/")
    assert "&lt;" not in home.select_one("main").decode_contents()
    for alt, size in (("Piccola", ("120", "80")), ("Foto", ("300", "200"))):
        image = home.find("img", alt=alt)
        assert (image["width"], image["height"]) == size and site.exists(image["src"]), alt


def bilevel_png(width, height):
    """A PNG of ``width`` × ``height`` pixels in a few kilobytes (one bit, all black),
    written row by row: Pillow would first draw it, a byte a pixel (900 MB for the
    bomb, and seconds)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I",
                                                                     zlib.crc32(kind + data))

    row = bytes(1 + (width + 7) // 8)  # filter type 0, then the row's bits: all black
    packer = zlib.compressobj()
    rows = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1 bit, grey
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows)
            + chunk(b"IEND", b""))


def test_decompression_bombs_stop_the_build_without_being_decoded(build):
    """A 12 kB PNG of 100 million pixels (past Pillow's warning bound) and a 109 kB one
    of 900 million (past its error bound) would take gigabytes to decode: each is an
    error naming the file, the size and what to do, with no traceback or warning."""
    site = build({"immagini/grande.png": bilevel_png(10000, 10000),
                  "immagini/bomba.png": bilevel_png(30000, 30000),
                  "notizie/a.md": article(body="![Grande]({static}/immagini/grande.png)"),
                  "notizie/b.md": article(title="B", image="immagini/bomba.png",
                                          image_alt="Bomba")})
    assert not site.ok
    log = " ".join(site.log.split())
    assert ("notizie/a.md:6: l'immagine immagini/grande.png non si può leggere (10000 × 10000"
            " pixel, troppo grande, più di 89.478.485 pixel: riducila)") in log
    assert ("notizie/b.md:4: l'immagine immagini/bomba.png non si può leggere (troppo grande,"
            " più di 89.478.485 pixel: riducila)") in log
    assert "Traceback" not in site.log and "DecompressionBomb" not in site.log
    assert not (site.output / "index.html").exists()


# -- what variants keep of their source (drawn straight from files, no build) -----------

def variants_of(tmp_path, name, image, **save):
    from plugins.images import variants  # noqa: PLC0415

    path = tmp_path / name
    image.save(path, **save)
    source = variants.measure(str(path))
    return source, variants.ensure(source, [200], 80, str(tmp_path / "cache"))


def test_a_16_bit_grey_keeps_its_tones(tmp_path):
    """Converted as it was, every grey above 255 of 65535 came out white."""
    gradient = Image.linear_gradient("L").resize((400, 256)).convert("I")
    gradient = gradient.point(lambda value: value * 257)  # 0-65535, top to bottom
    _, [variant] = variants_of(tmp_path, "grigio.png", gradient.convert("I;16"))
    with Image.open(variant.file) as drawn:
        middle = drawn.convert("L").getpixel((100, drawn.height // 2))
    assert 100 < middle < 160


def test_a_transparent_colour_of_an_rgb_png_stays_transparent(tmp_path):
    picture = Image.new("RGB", (400, 200), (0, 255, 0))
    picture.paste((200, 30, 30), (100, 50, 300, 150))
    _, [variant] = variants_of(tmp_path, "trasparente.png", picture, transparency=(0, 255, 0))
    with Image.open(variant.file) as drawn:
        assert drawn.convert("RGBA").getpixel((5, 5))[3] == 0  # was opaque green
        assert drawn.convert("RGBA").getpixel((100, 50))[3] == 255


def test_a_cmyk_profile_is_not_given_to_rgb_variants(tmp_path):
    picture = Image.new("CMYK", (400, 200), (200, 0, 0, 0))
    _, [variant] = variants_of(tmp_path, "stampa.jpg", picture, icc_profile=b"\0" * 4000)
    with Image.open(variant.file) as drawn:
        assert "icc_profile" not in drawn.info  # a CMYK profile on RGB pixels


def test_an_animated_image_gets_no_still_variants(tmp_path):
    frames = [Image.new("RGB", (400, 200), colour) for colour in ("red", "green", "blue")]
    source, made = variants_of(tmp_path, "animata.webp", frames[0], save_all=True,
                               append_images=frames[1:], duration=200, loop=0)
    assert source.animated and made == []  # the original, animated, is what readers get


def test_a_cover_keeps_its_whole_alt_text_and_leads_load_lazily(build):
    """The alt text is text: "<" and ">" in it were taken for a tag and dropped with what
    was between. A lead's picture is every listing card's too: all were fetched at once."""
    site = build({
        "immagini/copertina.jpg": jpeg(1200, 800), "immagini/lead.jpg": jpeg(1200, 800),
        "notizie/a.md": article(title="Spesa", image="immagini/copertina.jpg",
                                image_alt="'Spesa < 100 euro e reddito > 20.000 & altro'"),
        "notizie/b.md": article(title="Con foto", date="2024-05-06 10:00",
                                summary="'Il lead ![Il cortile]({static}/immagini/lead.jpg)'"),
    })
    assert site.ok, site.log
    cover = site.soup("/2024/05/spesa/").select_one(".article-cover img")
    assert cover["alt"] == "Spesa < 100 euro e reddito > 20.000 & altro"
    card = site.soup("/").find("img", alt="Il cortile")
    assert card is not None and card["loading"] == "lazy"


def test_a_cover_is_shared_as_a_light_jpeg_without_its_metadata(build):
    """Link previews (og:image, JSON-LD) show the cover's JPEG copy, at most 1200 px wide,
    not the camera's file: WhatsApp shows no picture for a heavy one, Facebook refuses
    files over 8 MB, not every app reads WebP, and the original tells where it was taken."""
    photo = Image.effect_noise((2400, 1600), 90).convert("RGB")  # a photo's detail
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N", 2: (45.0, 28.0, 0.0), 3: "E", 4: (9.0, 11.0, 0.0)})
    data = io.BytesIO()
    photo.save(data, "JPEG", quality=95, exif=exif)
    files = {"immagini/Festa in città.jpg": data.getvalue(), "immagini/logo.png": png(640, 480),
             "notizie/a.md": article(title="Festa", image="immagini/Festa in città.jpg",
                                     image_alt="La piazza"),
             "notizie/b.md": article(title="Logo", date="2024-05-06 10:00",
                                     image="immagini/logo.png", image_alt="Il logo")}
    site = build(files)
    assert site.ok, site.log
    for url, stem, size in (("/2024/05/festa/", "festa-in-citta", (1200, 800)),
                            ("/2024/05/logo/", "logo", (640, 480))):
        soup = site.soup(url)

        def meta(key, soup=soup):
            return soup.select_one(f'meta[property="{key}"]')["content"]

        shared = meta("og:image")
        assert re.fullmatch(rf"{SITEURL}/immagini/_r/{stem}-{size[0]}\.[0-9a-f]{{10}}\.jpg",
                            shared), shared
        assert (meta("og:image:type"), meta("og:image:width"), meta("og:image:height")) == \
            ("image/jpeg", str(size[0]), str(size[1]))
        assert shared in soup.select_one('script[type="application/ld+json"]').string
        with Image.open(site.path(shared.removeprefix(SITEURL))) as copy:
            assert (copy.format, copy.size, copy.mode) == ("JPEG", size, "RGB")
            assert not copy.getexif()  # no GPS position, no camera data
            if stem == "logo":  # transparency laid on white, not on black
                assert copy.getpixel((320, 240))[1] > 50
    heavy = (site.output / "immagini" / "_r").glob("festa-in-citta-1200.*.jpg")
    assert next(heavy).stat().st_size < len(data.getvalue()) / 3
    assert site.exists("/immagini/Festa in città.jpg")  # the original is still published
    body = site.soup("/2024/05/festa/").select_one(".article-cover img")
    assert ".jpg" not in body["srcset"].replace("Festa%20in%20citt%C3%A0.jpg", "")


def test_a_detailed_cover_is_shared_by_a_copy_light_enough_for_whatsapp(build):
    """WhatsApp shows no picture for an og:image over about 300 kB: a detailed photo's
    copy, 1200 px wide at quality 82, weighed 423 kB. Its quality is lowered until it
    weighs no more, its size kept; a plain picture keeps the quality of the setting."""
    detailed = io.BytesIO()
    Image.effect_noise((2400, 1600), 90).convert("RGB").save(detailed, "JPEG", quality=95)
    site = build({"immagini/folla.jpg": detailed.getvalue(), "immagini/piano.png": png(1600, 900),
                  "notizie/a.md": article(title="Folla", slug="folla", image="immagini/folla.jpg",
                                          image_alt="La folla"),
                  "notizie/b.md": article(title="Piano", slug="piano", date="2024-05-06 10:00",
                                          image="immagini/piano.png", image_alt="Un piano")})
    assert site.ok, site.log

    def shared(url):
        soup = site.soup(url)
        return site.path(soup.select_one('meta[property="og:image"]')["content"]
                         .removeprefix(SITEURL))

    heavy = shared("/2024/05/folla/")
    assert heavy.stat().st_size <= 300_000
    with Image.open(heavy) as copy:
        assert (copy.format, copy.size) == ("JPEG", (1200, 800))
    reference = io.BytesIO()
    Image.new("RGB", (16, 16)).save(reference, "JPEG", quality=82)
    with Image.open(shared("/2024/05/piano/")) as plain, Image.open(reference) as at_82:
        assert plain.size == (1200, 675) and plain.quantization == at_82.quantization


def test_a_body_image_or_link_named_with_spaces_and_accents_has_a_valid_address(build):
    """``{static}/immagini/Festa in città.jpg`` was written into the page as it is: a URL
    with spaces, which HTML does not allow (the W3C checker's error on ``src`` and
    ``href``), while its ``srcset`` and the feeds already %-encoded it."""
    files = {"immagini/Festa in città.jpg": jpeg(900, 600),
             "immagini/Il logo (2024).jpg": jpeg(40, 30),
             "notizie/festa.md": article(title="Festa", body="""\
                 ![La piazza]({static}/immagini/Festa in città.jpg)

                 <a href="{static}/immagini/Il logo (2024).jpg">Scarica il logo</a>
                 """)}
    site = build(files)
    assert site.ok, site.log
    body = site.soup("/2024/05/festa/").select_one(".article-body")
    image, link = body.find("img"), body.find("a", string="Scarica il logo")
    assert image["src"] == f"{SITEURL}/immagini/Festa%20in%20citt%C3%A0.jpg"
    assert link["href"] == f"{SITEURL}/immagini/Il%20logo%20%282024%29.jpg"
    # the files keep their names: the addresses lead to them, as a web server decodes them
    assert site.exists("/immagini/Festa in città.jpg") and site.exists(image["src"])
    assert site.exists(link["href"])
    feed = site.text("/feeds/tutto.atom.xml")
    assert "immagini/Festa%20in%20citt%C3%A0.jpg" in feed and "Festa in città.jpg" not in feed


POSITION = {1: "N", 2: (45.0, 28.0, 0.0), 3: "E", 4: (9.0, 11.0, 0.0)}
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
       b'22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/"'
       b' exif:GPSLatitude="45,28.0N" exif:GPSLongitude="9,11.0E"/></rdf:RDF></x:xmpmeta>')


def phone_photo(orientation=6):
    """A phone's JPEG: EXIF with its orientation, author, date and GPS position, the
    position again in XMP, an sRGB profile, and a second picture appended after the
    first one's end (as phones append an HDR gain map)."""
    from PIL import ImageCms  # noqa: PLC0415

    photo = noise(size=(640, 480))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x8298] = "Foto: Mario Rossi"
    exif.get_ifd(0x8769)[0x9003] = "2024:05:05 17:07:00"
    exif.get_ifd(0x8825).update(POSITION)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = io.BytesIO()
    photo.save(data, "JPEG", quality=85, exif=exif, icc_profile=icc, xmp=XMP,
               comment=b"scattata in via Roma 1")
    appended = io.BytesIO()
    Image.new("L", (64, 48), 128).save(appended, "JPEG", exif=exif)
    return data.getvalue() + appended.getvalue()


def test_a_phones_photo_is_published_without_its_position_and_otherwise_the_same(build,
                                                                                  tmp_path):
    """Anyone who downloaded the original read where it was taken (a phone's photo of a
    person, at home): the published copy has no GPS block, no XMP naming a position and
    nothing after the picture; the picture (its compressed data), its orientation, colour
    profile, author and date are kept, and the editor's file is untouched."""
    data = phone_photo()
    files = {"immagini/telefono.jpg": data, "immagini/pulita.jpg": jpeg(600, 400),
             "notizie/a.md": article(body="![Al parco]({static}/immagini/telefono.jpg)\n\n"
                                          "![Al mare]({static}/immagini/pulita.jpg)")}
    site = build(files)
    assert site.ok, site.log
    assert "contiene il luogo" not in site.log  # nothing left for the editor to do
    published = (site.output / "immagini" / "telefono.jpg").read_bytes()
    assert (tmp_path / "content" / "immagini" / "telefono.jpg").read_bytes() == data
    with Image.open(io.BytesIO(published)) as image, Image.open(io.BytesIO(data)) as source:
        exif = image.getexif()
        assert not exif.get_ifd(0x8825)
        assert exif[0x0112] == 6 and exif[0x8298] == "Foto: Mario Rossi"
        assert exif.get_ifd(0x8769)[0x9003] == "2024:05:05 17:07:00"
        assert image.info.get("icc_profile") == source.info["icc_profile"]
        assert "xmp" not in image.info
        assert image.tobytes() == source.tobytes()  # the same picture, pixel for pixel
    assert b"GPS" not in published and b"via Roma" in published  # the comment: not a position
    assert published.endswith(b"\xff\xd9") and published.count(b"\xff\xd8") == 1
    assert (site.output / "immagini" / "pulita.jpg").read_bytes() == files["immagini/pulita.jpg"]
    img = site.soup("/2024/05/titolo-di-prova/").find("img", alt="Al parco")
    assert img["width"] == "480" and img["height"] == "640"  # still turned by its EXIF
    status, out, _ = run_tool(tmp_path, "check", "--settings", str(write_conf(tmp_path)),
                              "--content", str(tmp_path / "content"))
    assert status == 0 and "contiene il luogo" not in out


def test_a_jpeg_only_linked_for_download_is_published_without_its_position_too(build):
    """``[Scarica la foto]({static}/immagini/foto.jpg)``: no written item shows it, but the
    build publishes it at that address all the same, and it carried the position."""
    data = phone_photo()
    site = build({"immagini/foto.JPEG": data, "immagini/pulita.jpg": jpeg(600, 400),
                  "notizie/a.md": article(body="[Scarica la foto]({static}/immagini/foto.JPEG)"
                                               " e [l'altra]({static}/immagini/pulita.jpg)")})
    assert site.ok, site.log
    published = (site.output / "immagini" / "foto.JPEG").read_bytes()
    assert published == location.without_location(data) and b"GPS" not in published
    with Image.open(io.BytesIO(published)) as image:
        assert not image.getexif().get_ifd(0x8825) and "xmp" not in image.info
    assert (site.output / "immagini" / "pulita.jpg").read_bytes() == jpeg(600, 400)


def published_unwarned(build, name, data):
    """The bytes published for ``immagini/<name>`` (``data``), shown by an article of a
    build that succeeded without telling the editor the image carries its position."""
    site = build({f"immagini/{name}": data,
                  "notizie/a.md": article(body=f"![Al parco]({{static}}/immagini/{name})")})
    assert site.ok, site.log
    assert "contiene il luogo" not in site.log
    return (site.output / "immagini" / name).read_bytes()


def test_a_photo_with_an_index_of_its_pictures_is_published_without_its_position(build):
    """A phone's JPEG with an HDR gain map indexes its two pictures (MPF): Pillow names it
    "MPO", and it was published with its position (and a warning)."""
    exif = Image.Exif()
    exif[0x0112] = 6
    exif.get_ifd(0x8825).update(POSITION)
    data = io.BytesIO()
    noise(size=(640, 480)).save(
        data, "MPO", save_all=True, append_images=[Image.new("L", (64, 48), 128)], exif=exif)
    data = data.getvalue()
    published = published_unwarned(build, "telefono.jpg", data)
    assert published == location.without_location(data) and b"GPS" not in published
    with Image.open(io.BytesIO(published)) as image, Image.open(io.BytesIO(data)) as source:
        assert source.format == "MPO" and source.getexif().get_ifd(0x8825)
        assert not image.getexif().get_ifd(0x8825) and image.getexif()[0x0112] == 6
        assert image.tobytes() == source.tobytes()


def phone_exif(header=True):
    """EXIF as a phone or an editing app writes it: orientation, author, date, position
    (bytes, with or without the ``Exif\\0\\0`` a JPEG's APP1 begins with)."""
    exif = Image.Exif()
    exif[0x0112] = 3
    exif[0x013B] = "Mario Rossi"
    exif.get_ifd(0x8769)[0x9003] = "2024:05:05 17:07:00"
    exif.get_ifd(0x8825).update(POSITION)
    data = exif.tobytes()
    return data if header else data.removeprefix(b"Exif\0\0")


def noise(mode="RGB", size=(320, 240)):
    """A picture that does not compress to nothing, the same at every run: Pillow's
    ``effect_noise`` is new at each call, and its compressed data held the bytes ``GPS``,
    which the tests look for, in one picture in twenty (a test failing at random)."""
    pixels = random.Random(f"noise {size}").randbytes(size[0] * size[1])
    return Image.frombytes("L", size, pixels).convert(mode)


def located_png(trailer=b""):
    """A PNG an app saved with its position in EXIF (``eXIf``) and in a compressed XMP
    ``iTXt`` chunk, a comment, and bytes after its end."""
    from PIL import PngImagePlugin  # noqa: PLC0415

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "scattata in via Roma 1")
    info.add_itxt("XML:com.adobe.xmp", XMP.decode(), zip=True)
    data = io.BytesIO()
    noise("RGBA").save(data, "PNG", exif=phone_exif(), pnginfo=info)
    return data.getvalue() + trailer


def located_webp(header=True, trailer=b""):
    """A lossless WebP with its position in its ``EXIF`` chunk (with or without the
    ``Exif\\0\\0`` header, which Pillow leaves out and other writers put in) and in its
    ``XMP `` chunk."""
    data = io.BytesIO()
    noise().save(data, "WEBP", lossless=True, exif=phone_exif(header=False), xmp=XMP)
    data = data.getvalue()
    if header:
        exif = phone_exif()
        chunk = b"EXIF" + struct.pack("<I", len(exif)) + exif + b"\0" * (len(exif) & 1)
        chunks = b"".join(chunk if fourcc == b"EXIF" else
                          fourcc + struct.pack("<I", len(body)) + body + b"\0" * (len(body) & 1)
                          for fourcc, body in webp_chunks(data))
        data = b"RIFF" + struct.pack("<I", len(chunks) + 4) + b"WEBP" + chunks
    return data + trailer


def png_chunks(data):
    """``[(type, body)]`` of a PNG's chunks (a CRC that does not match fails the test)."""
    chunks, position = [], 8
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        crc = data[position + 8 + length:position + 12 + length]
        assert crc == struct.pack(">I", zlib.crc32(kind + body)), kind
        chunks.append((kind, body))
        position += 12 + length
    return chunks


def webp_chunks(data):
    """``[(fourcc, body)]`` of a WebP's chunks (its RIFF size must be the file's)."""
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    assert struct.unpack("<I", data[4:8])[0] == len(data) - 8
    chunks, position = [], 12
    while position < len(data):
        fourcc, size = struct.unpack("<4sI", data[position:position + 8])
        chunks.append((fourcc, data[position + 8:position + 8 + size]))
        position += 8 + size + (size & 1)
    return chunks


LOCATED = {"png": located_png, "webp": located_webp,
           "webp-bare-exif": lambda: located_webp(header=False)}


@pytest.mark.parametrize("kind", LOCATED)
def test_a_png_or_webp_is_published_without_its_position_too(build, tmp_path, kind):
    """A phone or an editing app saves PNG and WebP with EXIF and XMP too: the published
    copy (shown, or only linked for download) has no GPS block and no XMP naming a
    position; the same pixels, the rest of its EXIF kept, the editor not warned."""
    data = LOCATED[kind]()
    extension = kind.split("-")[0]
    shown, linked = f"immagini/telefono.{extension}", f"immagini/scarica.{extension}"
    files = {shown: data, linked: data, "immagini/pulita.jpg": jpeg(600, 400),
             "notizie/a.md": article(body=f"![Al parco]({{static}}/{shown})\n\n"
                                          f"[Scarica la foto]({{static}}/{linked})\n\n"
                                          "![Al mare]({static}/immagini/pulita.jpg)")}
    site = build(files)
    assert site.ok, site.log
    assert "contiene il luogo" not in site.log
    assert (tmp_path / "content" / shown).read_bytes() == data  # the editor's file untouched
    for name in (shown, linked):
        published = (site.output / name).read_bytes()
        assert b"GPS" not in published, name
        with Image.open(io.BytesIO(published)) as image, Image.open(io.BytesIO(data)) as source:
            exif = image.getexif()
            assert source.getexif().get_ifd(0x8825) and b"GPSLatitude" in source.info["xmp"]
            assert not exif.get_ifd(0x8825)
            assert exif[0x0112] == 3 and exif[0x013B] == "Mario Rossi"
            assert exif.get_ifd(0x8769)[0x9003] == "2024:05:05 17:07:00"
            assert not location.xmp_located(image.info.get("xmp", b""))
            assert image.tobytes() == source.tobytes()  # the same picture, pixel for pixel
    status, out, _ = run_tool(tmp_path, "check", "--settings", str(write_conf(tmp_path)),
                              "--content", str(tmp_path / "content"))
    assert status == 0 and "contiene il luogo" not in out, out


def test_a_png_keeps_every_other_chunk_and_nothing_after_its_end():
    """Only ``eXIf`` is rewritten (a new CRC) and the XMP naming a position left out: the
    picture's data, the comment and the rest byte for byte, nothing after ``IEND``."""
    data = located_png(trailer=b"junk after the end")
    before, after = png_chunks(data.removesuffix(b"junk after the end")), \
        png_chunks(location.without_location(data))
    assert [chunk for chunk in before if chunk[0] not in (b"eXIf", b"iTXt")] == \
        [chunk for chunk in after if chunk[0] != b"eXIf"]
    assert [kind for kind, _ in after].count(b"eXIf") == 1 and after[-1] == (b"IEND", b"")


@pytest.mark.parametrize("header", [True, False], ids=["exif-header", "bare-exif"])
def test_a_webp_keeps_every_other_chunk_its_riff_size_and_flags_right(header):
    """``EXIF`` rewritten as it was written (with or without ``Exif\\0\\0``), ``XMP ``
    left out and its flag cleared in ``VP8X``, the RIFF size that of the new file."""
    data = located_webp(header, trailer=b"junk")
    before, after = webp_chunks(data[:-4]), webp_chunks(location.without_location(data))
    assert [fourcc for fourcc, _ in after] == [f for f, _ in before if f != b"XMP "]
    assert [chunk for chunk in before if chunk[0] not in (b"VP8X", b"EXIF", b"XMP ")] == \
        [chunk for chunk in after if chunk[0] not in (b"VP8X", b"EXIF")]
    flags = dict(before)[b"VP8X"][0], dict(after)[b"VP8X"][0]
    assert flags[0] & 0x0C == 0x0C and flags[1] == flags[0] & ~0x04  # EXIF kept, XMP gone
    exif = dict(after)[b"EXIF"]
    assert exif.startswith(b"Exif\0\0") == header and b"GPS" not in exif


def test_a_png_s_xmp_after_its_picture_is_found_too(tmp_path):
    """A PNG's text chunks may follow its picture's data, where Pillow reads them only
    when it decodes the picture: with an ``eXIf`` before the data (no position there),
    an XMP after it naming a position was not seen, and published."""
    exif = Image.Exif()
    exif[0x013B] = "Mario Rossi"
    data = io.BytesIO()
    noise().save(data, "PNG", exif=exif.tobytes())
    data = data.getvalue()
    body = b"XML:com.adobe.xmp\0\0\0\0\0" + XMP
    crc = struct.pack(">I", zlib.crc32(b"iTXt" + body))
    xmp = struct.pack(">I", len(body)) + b"iTXt" + body + crc
    data = data[:-12] + xmp + data[-12:]  # just before IEND
    assert [kind for kind, _ in png_chunks(data)][-2:] == [b"iTXt", b"IEND"]
    (tmp_path / "x.png").write_bytes(data)
    assert measure(str(tmp_path / "x.png")).located
    clean = location.without_location(data)
    assert b"GPS" not in clean and clean == data.replace(xmp, b"")
    with Image.open(io.BytesIO(clean)) as image:
        assert not location.located(image) and image.getexif()[0x013B] == "Mario Rossi"


@pytest.mark.parametrize("zipped", [False, True], ids=["tEXt", "zTXt"])
def test_a_png_s_xmp_in_a_latin_1_text_chunk_is_found_and_left_out(build, tmp_path, zipped):
    """Pillow names a PNG's XMP ``xmp`` only when it is in an ``iTXt`` chunk; in a
    ``tEXt`` or ``zTXt`` chunk of the same keyword (which ExifTool reads too) the position
    it names was not seen: the PNG was published with it, and nobody was warned."""
    data = xmp_text_png(zipped, comment="una foto")
    published = published_unwarned(build, "telefono.png", data)
    # the XMP's chunk left out, the comment's and the others kept
    assert png_chunks(published) == [chunk for chunk in png_chunks(data)
                                     if not chunk[1].startswith(b"XML:com.adobe.xmp\0")]
    with Image.open(io.BytesIO(published)) as image, Image.open(io.BytesIO(data)) as source:
        assert "XML:com.adobe.xmp" in source.info and "XML:com.adobe.xmp" not in image.info
        assert image.info["Comment"] == "una foto" and not location.located(image)
        assert image.tobytes() == source.tobytes()
    (tmp_path / "x.png").write_bytes(data)
    assert measure(str(tmp_path / "x.png")).located


def xmp_text_png(zipped, comment=None):
    """A PNG with its position in an XMP ``tEXt`` (``zTXt``: ``zipped``) chunk."""
    from PIL import PngImagePlugin  # noqa: PLC0415

    info = PngImagePlugin.PngInfo()
    info.add_text("XML:com.adobe.xmp", XMP.decode(), zip=zipped)
    if comment:
        info.add_text("Comment", comment)
    data = io.BytesIO()
    noise().save(data, "PNG", pnginfo=info)
    return data.getvalue()


def raw_profile_png():
    """A PNG whose position is in the EXIF that ImageMagick writes as a text chunk (a
    "raw profile"): Pillow reads it, the rewriting does not take it out."""
    from PIL import PngImagePlugin  # noqa: PLC0415

    exif = phone_exif(header=False).hex()
    info = PngImagePlugin.PngInfo()
    info.add_text("Raw profile type exif", f"\nexif\n{len(exif) // 2:8d}\n{exif}\n", zip=True)
    data = io.BytesIO()
    Image.new("RGB", (600, 400), "#336699").save(data, "PNG", pnginfo=info)
    return data.getvalue()


LOCATED_PNG = {"immagini/telefono.png": raw_profile_png(), "immagini/pulita.jpg": jpeg(600, 400),
               "notizie/a.md": article(body="![Al parco]({static}/immagini/telefono.png)\n\n"
                                            "![Al mare]({static}/immagini/pulita.jpg)")}


def test_an_image_whose_position_cannot_be_taken_out_is_warned_about(build, tmp_path):
    """An image carrying a position the rewriting cannot take out is published as it is,
    and the editor is told, by the build and by ``invoke check`` alike."""
    files = LOCATED_PNG
    data = files["immagini/telefono.png"]
    with Image.open(io.BytesIO(data)) as image:
        assert location.located(image)  # Pillow reads the position
    site = build(files)
    assert site.ok, site.log  # a warning: the editor decides
    log = " ".join(site.log.split())
    assert "notizie/a.md:6: l'immagine immagini/telefono.png contiene il luogo in cui è" \
        " stata scattata (coordinate GPS)" in log
    assert "pulita.jpg contiene" not in log
    assert (site.output / "immagini" / "telefono.png").read_bytes() == data
    status, out, _ = run_tool(tmp_path, "check", "--settings", str(write_conf(tmp_path)),
                              "--content", str(tmp_path / "content"))
    assert status == 0
    assert "notizie/a.md:6: avviso: l'immagine immagini/telefono.png contiene il luogo" in out


# <img> written with a size or a loading of its own: the site writes the file's real
# size and its own loading into a {static} or {attach} picture (plugins/images)
SIZED = {"immagini/grande.jpg": jpeg(1000, 500), "immagini/piccola.jpg": jpeg(200, 100),
         "notizie/a.md": article(body=(
             "La foto, più piccola:\n\n"
             '<img src="{static}/immagini/grande.jpg" alt="Il cortile" width="200">\n\n'
             '<img alt="Il cortile" src="{static}/immagini/grande.jpg"\n'
             '     height="50" loading="eager" decoding="sync">\n\n'
             '<img src="{static}/immagini/piccola.jpg" alt="Il cortile">\n\n'
             '<img src="{attach}/immagini/piccola.jpg" alt="Il cortile" width="100">'))}
SIZED_MESSAGE = "le misure e il caricamento delle immagini li decide il sito: "


def test_an_images_own_size_and_loading_are_named_at_their_line_not_dropped_silently(
        build, tmp_path):
    """``<img src="{static}/…" width="200">``: the page had the file's width, 1000, in its
    place, without a word (height, loading and decoding alike). A warning at the
    attribute's line, in the build and in check, says the site writes its own and that a
    picture is shown as wide as its file: a 200 px file is published 200 px wide. So is
    an {attach} picture's, which the site rewrites too."""
    site = build(SIZED)
    assert site.ok, site.log
    log = " ".join(site.log.split())
    width = SIZED_MESSAGE + "l'attributo width di <img> non viene pubblicato; l'immagine si" \
        " vede larga quanto il suo file (al massimo quanto il testo)"
    others = SIZED_MESSAGE + "gli attributi height, loading e decoding di <img> non vengono" \
        " pubblicati"
    assert f"WARNING notizie/a.md:8: {width}" in log, log
    assert f"WARNING notizie/a.md:11: {others}" in log, log
    assert f"WARNING notizie/a.md:15: {width}" in log, log  # {attach}
    assert log.count(SIZED_MESSAGE) == 3, log
    widths = re.findall(r'<img[^>]*?width="(\d+)"', site.text("2024/05/titolo-di-prova/index.html"))
    assert widths == ["1000", "1000", "200", "200"], widths
    status, out, _ = run_tool(tmp_path, "check", "--settings", str(write_conf(tmp_path)),
                              "--content", str(tmp_path / "content"))
    assert status == 0 and out.count(SIZED_MESSAGE) == 3, out
    assert f"content/notizie/a.md:8: avviso: {width}" in out, out
    assert f"content/notizie/a.md:11: avviso: {others}" in out, out
    assert f"content/notizie/a.md:15: avviso: {width}" in out, out


@pytest.mark.parametrize("form", ["static", "attach"])
def test_an_attach_pictures_problems_are_named_as_a_static_ones(build, tmp_path, form):
    """With ``{attach}`` a picture cut short was published (no error), one carrying the
    place where it was taken was published with it without a word, and its own width was
    dropped silently: the build and ``invoke check`` name each at its line, as they do for
    ``{static}`` (and, as they did, a picture without alt text)."""
    link = "{" + form + "}"
    files = {"immagini/rotta.jpg": half(jpeg(400, 300)),  # too narrow for variants
             "immagini/telefono.png": raw_profile_png(), "immagini/grande.jpg": jpeg(1000, 500),
             "notizie/a.md": article(body=f"""\
                 Il cortile.

                 ![Rotta]({link}/immagini/rotta.jpg)

                 ![Al parco]({link}/immagini/telefono.png)

                 <img src="{link}/immagini/grande.jpg" alt="Il cortile" width="200">
                 """),
             "notizie/b.md": article(title="Senza", body=f"![]({link}/immagini/grande.jpg)")}
    text = files["notizie/a.md"]
    expected = [
        f"notizie/a.md:{line_of(text, 'rotta.jpg')}: errore: l'immagine immagini/rotta.jpg"
        " non si può leggere",
        f"notizie/a.md:{line_of(text, 'telefono.png')}: avviso: l'immagine"
        " immagini/telefono.png contiene il luogo in cui è stata scattata",
        f"notizie/a.md:{line_of(text, 'width=')}: avviso: {SIZED_MESSAGE}l'attributo width",
        f"notizie/b.md:{line_of(files['notizie/b.md'], 'grande.jpg')}: errore: immagine senza"
        " testo alternativo"]
    site = build(files)
    assert not site.ok
    log = " ".join(site.log.split())
    for message in expected:
        assert message.replace("errore: ", "").replace("avviso: ", "") in log, (message, log)
    status, out, _ = run_tool(tmp_path, "check", "--settings", str(write_conf(tmp_path)),
                              "--content", str(tmp_path / "content"))
    out = " ".join(out.split())
    assert status == 1 and all(message in out for message in expected), out


def test_an_image_without_a_position_is_rewritten_byte_for_byte():
    for data in (jpeg(300, 200), png(300, 200), noise_webp()):
        assert location.without_location(data) == data
    for broken in (b"\x89PNG\r\n", phone_photo()[:2000], located_png()[:300],
                   located_webp()[:300], b"RIFF\0\0\0\0WEBP", b"GIF89a"):
        with pytest.raises(location.Unrewritable):
            location.without_location(broken)


def test_a_file_only_linked_is_opened_only_if_it_may_hold_a_position(tmp_path):
    """An image no item shows (a download) is looked at at every build, and Pillow decodes
    a PNG whole to find its text chunks: a file without EXIF or XMP of any kind is told
    apart by its bytes, never opened. Each image carrying a position is still opened."""
    located = {"jpeg": phone_photo(), "png": located_png(), "webp": located_webp(),
               "webp-bare-exif": located_webp(header=False), "png-text": xmp_text_png(False),
               "png-ztxt": xmp_text_png(True), "png-raw-profile": raw_profile_png(),
               "jpeg-exif-only": jpeg(300, 200, orientation=6)}
    bare = io.BytesIO()
    noise().save(bare, "JPEG", quality=80)  # no EXIF block at all (jpeg() writes one)
    plain = {"jpeg": bare.getvalue(), "png": png(300, 200), "webp": noise_webp()}
    for expected, files in ((True, located), (False, plain)):
        for kind, data in files.items():
            path = tmp_path / f"{expected}-{kind}"
            path.write_bytes(data)
            assert location.may_be_located(path) is expected, (expected, kind)
            if expected and kind != "jpeg-exif-only":
                assert measure(str(path)).located, kind  # what may_be_located must not miss
    assert location.may_be_located(tmp_path / "non-esiste.png")  # Pillow says why


def noise_webp():
    data = io.BytesIO()
    noise().save(data, "WEBP", quality=80)
    return data.getvalue()


def test_variants_heavier_than_the_original_are_not_offered(build):
    """A screenshot of text in few colours: its lossy variants were larger than the PNG
    (a phone fetched 2.3 times the bytes, blurred)."""
    from PIL import ImageDraw  # noqa: PLC0415

    shot = Image.new("P", (1600, 1000), 0)
    shot.putpalette([255, 255, 255, 20, 20, 20] + [0, 0, 0] * 254)
    draw = ImageDraw.Draw(shot)
    for row in range(0, 1000, 14):
        draw.text((10, row), "Orari dello sportello: lunedì 9-12, martedì 14-17 " * 3, fill=1)
    data = io.BytesIO()
    shot.save(data, "PNG", optimize=True)
    site = build({"immagini/schermata.png": data.getvalue(),
                  "notizie/a.md": article(body="![Gli orari]({static}/immagini/schermata.png)")})
    assert site.ok, site.log
    img = site.soup("/2024/05/titolo-di-prova/").find("img", alt="Gli orari")
    original = len(data.getvalue())
    assert img["src"].endswith("/immagini/schermata.png")
    for candidate in filter(str.strip, (img.get("srcset") or "").split(",")):
        url = candidate.split()[0]
        assert url.endswith("schermata.png") or \
            len(site.output.joinpath(url.split(SITEURL + "/", 1)[1]).read_bytes()) < original


def test_a_refused_image_type_is_told_a_format_an_image_may_have(tmp_path):
    """An SVG as an image (in the body or as the cover) is told to become a PNG, not a
    PDF: the folder of images takes PNG, JPEG and WebP alone, and a PDF there is refused
    again. As an attachment, where a PDF is welcome, the advice still names both."""
    svg = b"<svg xmlns='http://www.w3.org/2000/svg'/>"
    files = {"immagini/disegno.svg": svg, "immagini/logo.svg": svg,
             "allegati/schema.svg": svg,
             "notizie/a.md": article(title="A",
                                     body="![Un disegno]({static}/immagini/disegno.svg)"),
             "notizie/b.md": article(title="B", image="immagini/logo.svg", image_alt="Il logo"),
             "notizie/c.md": article(title="C", attachments=["allegati/schema.svg"])}
    write_content(tmp_path / "content", files)
    status, out, _ = run_tool(tmp_path, "check", "--settings", str(write_conf(tmp_path)),
                              "--content", str(tmp_path / "content"))
    assert status == 1
    refused = {path: line for line in out.splitlines()
               for path in ("immagini/disegno.svg", "immagini/logo.svg", "allegati/schema.svg")
               if f"tipo di file non ammesso: {path} (SVG)" in line}
    assert len(refused) == 3, out
    for path in ("immagini/disegno.svg", "immagini/logo.svg"):
        assert "ammessi PNG, JPG, JPEG, WEBP; esportalo in PNG /" in refused[path], out
    assert "; esportalo in PNG o PDF /" in refused["allegati/schema.svg"], out


def test_a_phone_photo_in_heic_is_told_to_become_a_jpeg(tmp_path):
    """The guide says photos go up as they come off the phone, and that a refused image is
    told the format to save it in; an iPhone's photo (HEIC) as the cover or in the text
    was refused with the allowed extensions only, no word of what to do."""
    files = {"immagini/IMG_0001.HEIC": samples.HEIC, "immagini/IMG_0002.heic": samples.HEIC,
             "notizie/a.md": article(title="A", image="immagini/IMG_0001.HEIC",
                                     image_alt="La festa",
                                     body="![Il palco]({static}/immagini/IMG_0002.heic)")}
    write_content(tmp_path / "content", files)
    status, out, _ = run_tool(tmp_path, "check", "--settings", str(write_conf(tmp_path)),
                              "--content", str(tmp_path / "content"))
    assert status == 1
    for path in ("immagini/IMG_0001.HEIC", "immagini/IMG_0002.heic"):
        assert (f"tipo di file non ammesso: {path} (HEIC); ammessi PNG, JPG, JPEG, WEBP;"
                f" convertilo in JPEG /") in out, out



def test_a_photo_attached_to_an_item_is_published_without_its_position_too(build, tmp_path):
    """``attachments: [allegati/foto.jpg]`` (attachments may be photos: the contract's
    raster images): the attachments plugin copied the file byte for byte, and anyone who
    downloaded it read where it was taken. Its size on the page and in the feeds'
    enclosures is the published copy's."""
    data = phone_photo()
    site = build({"allegati/foto.jpg": data,
                  "notizie/a.md": article(attachments=["allegati/foto.jpg"])})
    assert site.ok, site.log
    published = (site.output / "allegati" / "foto.jpg").read_bytes()
    assert published == location.without_location(data) and b"GPS" not in published
    assert (tmp_path / "content" / "allegati" / "foto.jpg").read_bytes() == data
    lengths = {link.get("length") for feed in site.output.rglob("*.atom.xml")
               for link in ElementTree.parse(feed).iter("{http://www.w3.org/2005/Atom}link")
               if link.get("rel") == "enclosure"}
    assert lengths == {str(len(published))}


def test_every_page_with_a_lazy_image_loads_the_script_that_asks_for_it_before_printing(
        build):
    """Safari prints a lazily loaded image never scrolled to as an empty box; js/print.js
    (in js/site.js) asks for them at "beforeprint" (its effect in Chromium:
    tests/test_print_browser.py). The site's own content, with a page of photos, a page
    with a document, an article whose lead is a photo: every page written with a
    ``loading="lazy"`` image loads a script that handles beforeprint, whatever else it
    shows (Documenti's previews, a page's, a listing's cards) and without a visit
    counter; a page with none (the 404) loads no script."""
    from support import ROOT  # noqa: PLC0415 - tests' own helpers

    content = {path.relative_to(ROOT / "content").as_posix(): path.read_bytes()
               for path in (ROOT / "content").rglob("*") if path.is_file()}
    site = build({
        **content,
        "immagini/sede.jpg": samples.photo(1200, 800),
        "immagini/cortile.jpg": samples.photo(1200, 800),
        "allegati/2024/modulo-sede.pdf": samples.text_pdf("Modulo", "Seconda pagina"),
        "pages/sede.md": article(title="La sede", date=None, slug="sede", body="""\
            ![L'ingresso della sede]({static}/immagini/sede.jpg)

            Il cortile, più in basso:

            ![Il cortile]({static}/immagini/cortile.jpg)"""),
        "pages/moduli.md": article(
            title="Moduli", date=None, slug="moduli",
            attachments=["file: allegati/2024/modulo-sede.pdf\n    title: Modulo per la sede"]),
        "notizie/2024-03-01-cortile.md": article(
            title="Il cortile rinnovato", date="2024-03-01 10:00", tags="[Fotografie]",
            body="![Il cortile]({static}/immagini/cortile.jpg) Il cortile è pronto.\n\nAltro."),
    }, config="publishconf", settings="VISIT_COUNTER_URL = ''\n")
    assert site.ok, site.log

    def handles_beforeprint(page):
        return any("beforeprint" in site.path(script["src"]).read_text(encoding="utf-8")
                   for script in site.soup(page).find_all("script", src=True))

    lazy = {f"/{path.relative_to(site.output).as_posix()}".removesuffix("index.html")
            for path in site.output.rglob("*.html")
            if 'loading="lazy"' in path.read_text(encoding="utf-8")}
    assert {"/sede/", "/moduli/", "/documenti/", "/argomenti/fotografie/"} <= lazy, lazy
    assert [page for page in sorted(lazy) if not handles_beforeprint(page)] == []
    assert not site.soup("/404.html").find_all("script", src=True)
