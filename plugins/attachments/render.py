"""The child process that draws preview images: PDFium on untrusted PDFs, within bounds.

:class:`previews.Renderer` runs this file as ``python -I render.py MEMORY_MB``.
It stands alone (the standard library, pypdfium2 and Pillow; no Pelican, no
package import) so that it starts quickly and shares nothing with the build.
After importing its libraries it limits its own address space to what it uses
plus ``MEMORY_MB`` (``RLIMIT_AS``, Linux), then answers one job at a time:

- in, on stdin, one JSON line per job: ``{"pdf": path, "target": path, "width": px}``;
- out, on the stdout it was started with (library noise goes to stderr), one JSON
  line: ``{"ready": true}`` once, then per job ``{"size": [w, h]}`` (the WebP is
  written to ``target``) or ``{"error": code, "detail": text}``.

Page 1 is measured before it is drawn (:func:`page_problem`); the parent kills
the process when a job takes too long. After running out of memory the process
answers and exits: the parent starts a new one for the next job.
"""

import json
import math
import os
import sys

MIN_POINTS = 3  # the PDF format's own page-size limits (ISO 32000-1, annex C)
MAX_POINTS = 14_400  # 200 inches, 5.08 m
MAX_RATIO = 4  # the drawn page is at most 4 times as tall as the preview is wide
QUALITY = 80
PAGE_SIZE = "page-size"
PAGE_SHAPE = "page-shape"
MEMORY = "memory"
PDFIUM = "pdfium"


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


def limit_memory(megabytes):
    """At most ``megabytes`` more address space than the process has now (Linux)."""
    import resource  # noqa: PLC0415 - POSIX only

    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            now = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return  # not Linux: the parent's timeout still bounds the render
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = now + megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


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


def main(argv):
    megabytes = int(argv[1])
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)  # anything a library prints goes to stderr, not into the answers
    import PIL.Image  # noqa: F401, PLC0415 - loaded before the limit
    import pypdfium2  # noqa: F401, PLC0415

    limit_memory(megabytes)
    answers.write(json.dumps({"ready": True}) + "\n")
    for line in sys.stdin:
        answer = render(json.loads(line), megabytes)
        answers.write(json.dumps(answer) + "\n")
        if answer.get("error") == MEMORY:
            return  # the heap may be in a poor state: the next job gets a new process


if __name__ == "__main__":
    main(sys.argv)
