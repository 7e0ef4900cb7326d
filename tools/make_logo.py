"""Draw the raster pictures of the site's mark from theme/static/favicon.svg.

Search engines want a raster logo for the publisher in structured data (plugins/seo,
``SEO_LOGO``); the site's mark is the SVG favicon. This script renders that SVG,
unchanged, with Debian's Chromium (through Playwright, as the browser tests do) at
512 x 512 pixels on a transparent background, then stores it with a 64-colour palette
(flat colours: the same look, a third of the bytes). Beside it, for the browsers and
phones that do not take an SVG icon (Safari before 26, iPhones' home screen, older
browsers, programs that ask for a site's icon): ``favicon.ico`` (16, 32 and 48 px) and
``apple-touch-icon.png`` (180 x 180, square and opaque: iOS rounds the corners itself and
paints transparency black). And ``share-card.png``, 1200 x 630, opaque: the mark with the
site's name and motto (``SITENAME``, ``SITESUBTITLE`` of pelicanconf.py, in the theme's
Titillium Web), the picture of a shared link whose item has no cover of its own
(plugins/seo, ``SEO_SHARE_IMAGE``): Facebook, LinkedIn and WhatsApp show the square logo
as a small thumbnail, X as a small card, where a picture of that shape gets the large
preview. The files are committed: builds need no browser. Run it again after changing
the favicon, the name or the motto:

    python tools/make_logo.py            # writes theme/static/logo.png and the icons
    python tools/make_logo.py --size 256 --output /tmp/logo.png   # the logo alone
"""

import argparse
import base64
import html
import io
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "theme" / "static" / "favicon.svg"
OUTPUT = ROOT / "theme" / "static" / "logo.png"
ICO = ROOT / "theme" / "static" / "favicon.ico"
ICO_SIZES = (16, 32, 48)
TOUCH = ROOT / "theme" / "static" / "apple-touch-icon.png"
TOUCH_SIZE = 180
CARD = ROOT / "theme" / "static" / "share-card.png"
CARD_SIZE = (1200, 630)  # Facebook's and LinkedIn's large preview, 1.91 : 1
FONTS = ROOT / "theme" / "static" / "fonts"
# The mark's rounded square as a square: iOS cuts the corners of a home screen icon
SQUARE_CORNERS = ' rx="12"'
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]


def _data_url(kind, data):
    return f"data:{kind};base64," + base64.b64encode(data).decode()


def screenshot(page_html, width, height):
    """PNG bytes of ``page_html`` drawn by Chromium at ``width`` x ``height`` pixels (a
    transparent background where the page has none), once its images and fonts are in."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - only this tool needs it

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.set_content(page_html)
            page.wait_for_function("Array.from(document.images).every(i => i.complete)"
                                   " && document.fonts.status === 'loaded'")
            return page.screenshot(omit_background=True,
                                   clip={"x": 0, "y": 0, "width": width, "height": height})
        finally:
            browser.close()


def render(svg, size):
    """PNG bytes of ``svg`` (text) drawn at ``size`` x ``size`` pixels."""
    source = _data_url("image/svg+xml", svg.encode("utf-8"))
    return screenshot("<!DOCTYPE html><html><body style='margin:0;background:transparent'>"
                      f"<img src='{source}' width='{size}' height='{size}' "
                      "style='display:block'></body></html>", size, size)


def share_card(svg, name, motto):
    """``share-card.png`` bytes: :data:`CARD_SIZE`, opaque white, the mark beside the
    site's ``name`` and ``motto`` in the theme's font and colours."""
    width, height = CARD_SIZE
    faces = "".join(
        f"@font-face{{font-family:Titillium Web;font-weight:{weight};src:url("
        f"{_data_url('font/woff2', (FONTS / f'titillium-web-latin-{weight}-normal.woff2').read_bytes())})}}"
        for weight in (400, 700))
    page_html = (
        f"<!DOCTYPE html><html lang='it'><head><meta charset='utf-8'><style>{faces}"
        "body{margin:0;width:%dpx;height:%dpx;background:#fff;display:flex;"
        "align-items:center;justify-content:center;gap:64px;font-family:'Titillium Web'}"
        "p{margin:0;color:#1a1a1a;font-size:56px;line-height:1.2}"
        "p.name{color:#0066cc;font-size:120px;font-weight:700;line-height:1}"
        "</style></head><body><img src='%s' width='280' height='280' alt=''>"
        "<div><p class='name'>%s</p><p>%s</p></div></body></html>"
        % (width, height, _data_url("image/svg+xml", svg.encode("utf-8")),
           html.escape(name), html.escape(motto)))
    image = Image.open(io.BytesIO(screenshot(page_html, width, height))).convert("RGB")
    buffer = io.BytesIO()
    image.quantize(64, method=Image.Quantize.MEDIANCUT).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def compact(png, colours=64):
    """``png`` bytes again, with a palette of ``colours`` (alpha kept), optimised."""
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    buffer = io.BytesIO()
    image.quantize(colours, method=Image.Quantize.FASTOCTREE).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def icon(svg):
    """``favicon.ico`` bytes: the mark drawn at each of :data:`ICO_SIZES` (a size drawn,
    not scaled down from a larger one: sharper at 16 px)."""
    images = [Image.open(io.BytesIO(render(svg, size))).convert("RGBA") for size in ICO_SIZES]
    buffer = io.BytesIO()
    images[-1].save(buffer, "ICO", sizes=[image.size for image in images],
                    append_images=images[:-1])
    return buffer.getvalue()


def touch_icon(svg):
    """``apple-touch-icon.png`` bytes: the mark as a full square, opaque."""
    if SQUARE_CORNERS not in svg:
        raise SystemExit(f"{SVG}: no{SQUARE_CORNERS} to square the icon's corners")
    image = Image.open(io.BytesIO(render(svg.replace(SQUARE_CORNERS, "", 1), TOUCH_SIZE)))
    buffer = io.BytesIO()
    image.convert("RGB").quantize(64, method=Image.Quantize.MEDIANCUT).save(
        buffer, "PNG", optimize=True)
    return buffer.getvalue()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=512, help="width and height in pixels")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    options = parser.parse_args(argv)
    svg = SVG.read_text(encoding="utf-8")
    data = compact(render(svg, options.size))
    options.output.write_bytes(data)
    print(f"{options.output}: {options.size} x {options.size}, {len(data)} bytes")
    if options.output == OUTPUT:
        sys.path.insert(0, str(ROOT))
        import pelicanconf  # noqa: PLC0415 - the site's name and motto

        card = share_card(svg, pelicanconf.SITENAME, pelicanconf.SITESUBTITLE)
        for path, made in ((ICO, icon(svg)), (TOUCH, touch_icon(svg)), (CARD, card)):
            path.write_bytes(made)
            print(f"{path}: {len(made)} bytes")


if __name__ == "__main__":
    main()
