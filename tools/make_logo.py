"""Draw the raster pictures of the site's mark from theme/static/favicon.svg.

Search engines want a raster logo for the publisher in structured data (plugins/seo,
``SEO_LOGO``); the site's mark is the SVG favicon. This script renders that SVG,
unchanged, with Debian's Chromium (through Playwright, as the browser tests do) at
512 x 512 pixels on a transparent background, then stores it with a 64-colour palette
(flat colours: the same look, a third of the bytes). Beside it, for the browsers and
phones that do not take an SVG icon (Safari before 26, iPhones' home screen, older
browsers, programs that ask for a site's icon): ``favicon.ico`` (16, 32 and 48 px) and
``apple-touch-icon.png`` (180 x 180, square and opaque: iOS rounds the corners itself and
paints transparency black). The files are committed: builds need no browser. Run it again
after changing the favicon:

    python tools/make_logo.py            # writes theme/static/logo.png and the icons
    python tools/make_logo.py --size 256 --output /tmp/logo.png   # the logo alone
"""

import argparse
import base64
import io
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "theme" / "static" / "favicon.svg"
OUTPUT = ROOT / "theme" / "static" / "logo.png"
ICO = ROOT / "theme" / "static" / "favicon.ico"
ICO_SIZES = (16, 32, 48)
TOUCH = ROOT / "theme" / "static" / "apple-touch-icon.png"
TOUCH_SIZE = 180
# The mark's rounded square as a square: iOS cuts the corners of a home screen icon
SQUARE_CORNERS = ' rx="12"'
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]


def render(svg, size):
    """PNG bytes of ``svg`` (text) drawn at ``size`` x ``size`` pixels."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - only this tool needs it

    source = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode()
    page_html = ("<!DOCTYPE html><html><body style='margin:0;background:transparent'>"
                 f"<img src='{source}' width='{size}' height='{size}' style='display:block'>"
                 "</body></html>")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(page_html)
            page.wait_for_function("document.images[0].complete")
            return page.screenshot(omit_background=True,
                                   clip={"x": 0, "y": 0, "width": size, "height": size})
        finally:
            browser.close()


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
        for path, made in ((ICO, icon(svg)), (TOUCH, touch_icon(svg))):
            path.write_bytes(made)
            print(f"{path}: {len(made)} bytes")


if __name__ == "__main__":
    main()
