"""The child process that draws preview images: PDFium on untrusted PDFs, within bounds.

:class:`previews.Renderer` runs this file as ``python -I render.py MEMORY_MB``.
It stands alone (the standard library, pypdfium2, Pillow and the protocol of
plugins/core/childproc.py; no Pelican) so that it starts quickly and shares
nothing with the build. After importing its libraries it limits its own address
space to what it uses plus ``MEMORY_MB``, then answers one job at a time:

- in, on stdin, one JSON line per job: ``{"pdf": path, "target": path, "width": px}``;
- out, on the stdout it was started with (library noise goes to stderr), one JSON
  line: ``{"ready": true}`` once, then per job ``{"size": [w, h]}`` (the WebP is
  written to ``target``) or ``{"error": code, "detail": text}``.

Page 1 is measured before it is drawn (:func:`page_problem`); the parent kills
the process when a job takes too long. After running out of memory the process
answers and exits: the parent starts a new one for the next job.
"""

import math
import os
import sys

MIN_POINTS = 3  # the PDF format's own page-size limits (ISO 32000-1, annex C)
MAX_POINTS = 14_400  # 200 inches, 5.08 m
MAX_RATIO = 4  # the drawn page is at most 4 times as tall as the preview is wide
QUALITY = 80
PAGE_SIZE = "page-size"
PAGE_SHAPE = "page-shape"
MEMORY = "memory"  # plugins/core/childproc.py's code for it
PDFIUM = "pdfium"
CORE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "core")


def points(value):
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def page_problem(width_pt, height_pt, width_px):
    """Why a page of ``width_pt`` × ``height_pt`` points must not be drawn ``width_px``
    pixels wide: ``(code, detail)``, or None when it may (at most ``width_px`` ×
    ``MAX_RATIO * width_px`` pixels)."""
    size = f"{points(width_pt)} × {points(height_pt)} pt"
    if not all(math.isfinite(value) and MIN_POINTS <= value <= MAX_POINTS
               for value in (width_pt, height_pt)):
        return PAGE_SIZE, size
    if height_pt * width_px / width_pt > MAX_RATIO * width_px:
        return PAGE_SHAPE, size
    return None


def render(job, megabytes):
    """One job's answer (see the module docstring)."""
    import pypdfium2  # noqa: PLC0415 - imported before the memory limit, in main()

    width = int(job["width"])
    try:
        document = pypdfium2.PdfDocument(job["pdf"])
        try:
            page = document[0]
            try:
                width_pt, height_pt = page.get_size()  # as displayed: /Rotate applied
                refused = page_problem(width_pt, height_pt, width)
                if refused:
                    return {"error": refused[0], "detail": refused[1]}
                bitmap = page.render(scale=width / width_pt, may_draw_forms=False)
                image = bitmap.to_pil().convert("RGB")
                bitmap.close()
            finally:
                page.close()
        finally:
            document.close()
        if image.width > width + 1 or image.height > MAX_RATIO * width + 1:
            return {"error": PAGE_SHAPE, "detail": f"{image.width} × {image.height} px"}
        image.save(job["target"], "WEBP", quality=QUALITY, method=6)
        return {"size": list(image.size)}
    except MemoryError:
        return {"error": MEMORY, "detail": str(megabytes)}
    except Exception as error:  # noqa: BLE001 - PDFium and Pillow fail in many ways
        return {"error": PDFIUM, "detail": f"{type(error).__name__}: {error}"[:200]}


def _load():
    import PIL.Image  # noqa: F401, PLC0415 - loaded before the memory limit
    import pypdfium2  # noqa: F401, PLC0415


def main(argv):
    sys.path.insert(0, CORE)  # this process's own path (-I leaves out the script's folder)
    import childproc  # noqa: PLC0415 - plugins/core/childproc.py, standard library only

    childproc.serve(argv, _load, render)


if __name__ == "__main__":
    main(sys.argv)
