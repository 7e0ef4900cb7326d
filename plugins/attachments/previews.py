"""First-page preview images of PDFs (WebP), rendered with PDFium and cached.

Optional: ``ATTACHMENTS_PREVIEWS = False`` turns them off, and they are off
when pypdfium2 or Pillow is missing. A preview is rendered once per file
content and width, into ``<ATTACHMENTS_CACHE_PATH>/previews/<sha256>-<width>.webp``;
its size is kept in the metadata cache so pages can reserve the space.
"""

import importlib.util
import logging
import os
import tempfile

logger = logging.getLogger(__name__)
QUALITY = 80


def available():
    """True when pypdfium2 and Pillow are installed."""
    return all(importlib.util.find_spec(name) for name in ("pypdfium2", "PIL"))


def preview_file(folder, digest, width):
    return os.path.join(folder, "previews", f"{digest}-{width}.webp")


def render(pdf_path, target, width):
    """Render page 1 of ``pdf_path`` ``width`` pixels wide into ``target``; return (w, h)."""
    import pypdfium2  # noqa: PLC0415 - optional dependency

    document = pypdfium2.PdfDocument(pdf_path)
    try:
        page = document[0]
        scale = width / page.get_width()
        image = page.render(scale=scale, may_draw_forms=False).to_pil().convert("RGB")
        page.close()
    finally:
        document.close()
    os.makedirs(os.path.dirname(target), exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(target), suffix=".webp")
    os.close(handle)
    image.save(temporary, "WEBP", quality=QUALITY, method=6)
    os.replace(temporary, target)
    return image.size


def ensure(cache, pdf_path, digest, width):
    """The cached preview of a PDF as (file, width, height), rendering it if needed.

    Returns None (and logs a warning) when PDFium cannot render the page.
    """
    target = preview_file(cache.folder, digest, width)
    entry = cache.get(digest) or {}
    size = entry.get("previews", {}).get(str(width))
    if size and os.path.isfile(target):
        return target, size[0], size[1]
    try:
        w, h = render(pdf_path, target, width)
    except Exception as error:  # noqa: BLE001 - a preview is never worth a failed build
        logger.warning("ATTACHMENTS: no preview for %s (%s)", pdf_path, error)
        return None
    entry = dict(entry)
    entry["previews"] = {**entry.get("previews", {}), str(width): [w, h]}
    cache.put(digest, entry)
    return target, w, h
