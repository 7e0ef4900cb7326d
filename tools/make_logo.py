"""Draw the publisher logo, theme/static/logo.png, from theme/static/favicon.svg.

Search engines want a raster logo for the publisher in structured data (plugins/seo,
``SEO_LOGO``); the site's mark is the SVG favicon. This script renders that SVG,
unchanged, with Debian's Chromium (through Playwright, as the browser tests do) at
512 x 512 pixels on a transparent background, then stores it with a 64-colour palette
(flat colours: the same look, a third of the bytes). The PNG is committed: builds need
no browser. Run it again after changing the favicon:

    python tools/make_logo.py            # writes theme/static/logo.png
    python tools/make_logo.py --size 256 --output /tmp/logo.png
"""

import argparse
import base64
import io
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "theme" / "static" / "favicon.svg"
OUTPUT = ROOT / "theme" / "static" / "logo.png"
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


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=512, help="width and height in pixels")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    options = parser.parse_args(argv)
    data = compact(render(SVG.read_text(encoding="utf-8"), options.size))
    options.output.write_bytes(data)
    print(f"{options.output}: {options.size} x {options.size}, {len(data)} bytes")


if __name__ == "__main__":
    main()
