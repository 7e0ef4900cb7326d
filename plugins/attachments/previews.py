"""First-page preview images of PDFs (WebP), drawn with PDFium in a child process, cached.

Optional: ``ATTACHMENTS_PREVIEWS = False`` turns them off, and they are off
when pypdfium2 or Pillow is missing. A preview is drawn once per file content
and width, into ``<ATTACHMENTS_CACHE_PATH>/previews/<sha256>-<width>.webp``;
its size is kept in the metadata cache so pages can reserve the space.

PDFs are untrusted input: a page of 1 × 14400 pt drawn 240 pixels wide would be
3.5 million pixels tall (gigabytes, a minute). So previews are drawn by
``render.py`` in child processes (a :class:`Renderer` each, started only when a preview is
missing), which measures the page first (``render.page_problem``), runs within
an address-space limit (:data:`MEMORY_MB`) and is killed after
:data:`TIMEOUT` seconds per page. A failure is cached like a success, as
``{"error": code, "detail": text}`` under the width: the same bytes are not
drawn again. The attachment is still published, without a preview, and the
failure is logged as a warning naming the file, once (later builds: info).
"""

import importlib.util
import json
import logging
import os
import select
import subprocess
import sys
import tempfile
import time

from . import render as child

logger = logging.getLogger(__name__)
TIMEOUT = 5  # seconds to draw one page
START_TIMEOUT = 60  # seconds for the child to start (imports), on a loaded machine
MEMORY_MB = 512  # address space the child may add to what it uses after its imports
REASONS = {  # error code -> Italian, English; {detail} filled in
    child.PAGE_SIZE: ("pagina di {detail}, fuori dai limiti del formato PDF"
                      f" ({child.MIN_POINTS}-{child.MAX_POINTS} pt)",
                      "page of {detail}, outside the PDF format's limits"),
    child.PAGE_SHAPE: (f"pagina di {{detail}}, più alta di {child.MAX_RATIO} volte la sua"
                       " larghezza", f"page of {{detail}}, over {child.MAX_RATIO} times"
                                     " taller than wide"),
    "timeout": ("il disegno ha superato {detail} secondi", "drawing took over {detail} s"),
    child.MEMORY: ("il disegno ha superato {detail} MB di memoria",
                   "drawing needed over {detail} MB"),
    "crash": ("il processo di disegno si è interrotto ({detail})",
              "the drawing process ended ({detail})"),
    child.PDFIUM: ("PDFium non riesce a disegnare la pagina: {detail}",
                   "PDFium cannot draw the page: {detail}"),
}


# Failures that may be the machine's doing (a loaded CI runner, a process killed from
# outside) as much as the file's: cached, but tried again until they happened ATTEMPTS
# times (one slow moment must not leave a file without preview or text for good).
TRANSIENT = frozenset({"timeout", "crash"})
ATTEMPTS = 2


def settled(failure):
    """True when a cached failure stands (not tried again)."""
    return failure.get("error") not in TRANSIENT or \
        failure.get("attempts", 1) >= ATTEMPTS  # entries from before counting: tried once


def counted(failure, previous):
    """``failure`` to cache, a transient one with its attempts counted (``previous``: the
    failure cached for the same work, or None)."""
    if failure.get("error") not in TRANSIENT:
        return failure
    before = previous.get("attempts", 1) if isinstance(previous, dict) and \
        previous.get("error") in TRANSIENT else 0
    return {**failure, "attempts": before + 1}


def available():
    """True when pypdfium2 and Pillow are installed."""
    return all(importlib.util.find_spec(name) for name in ("pypdfium2", "PIL"))


def preview_file(folder, digest, width):
    return os.path.join(folder, "previews", f"{digest}-{width}.webp")


def reason(failure):
    """A cached failure -> ``(Italian, English)`` texts."""
    italian, english = REASONS.get(failure.get("error"), ("{detail}", "{detail}"))
    detail = failure.get("detail", failure.get("error", "?"))
    return italian.format(detail=detail), english.format(detail=detail)


class Unavailable(Exception):
    """The child process could not be started: no previews in this build, nothing cached."""


class Renderer:
    """One child process drawing a build's new previews, one page at a time.

    Started at the first :meth:`render`, restarted after a timeout, a crash or
    running out of memory; :meth:`close` (or ``with``) ends it.
    """

    def __init__(self, timeout=TIMEOUT, memory_mb=MEMORY_MB, command=None):
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.command = command or [sys.executable, "-I", child.__file__, str(memory_mb)]
        self.process = None
        self.buffer = b""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _start(self):
        try:
            self.process = subprocess.Popen(  # noqa: S603 - our own script
                self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, close_fds=True)
        except OSError as error:
            raise Unavailable(str(error)) from error
        self.buffer = b""
        try:
            ready = self._answer(START_TIMEOUT)
        except (TimeoutError, EOFError, ValueError) as error:
            code = self._stop()
            raise Unavailable(f"{type(error).__name__}, exit status {code}") from error
        if ready != {"ready": True}:
            self._stop()
            raise Unavailable(f"unexpected answer {ready!r}")

    def _answer(self, timeout):
        """The child's next JSON line; TimeoutError, or EOFError when it ended."""
        deadline = time.monotonic() + timeout
        out = self.process.stdout.fileno()
        while b"\n" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([out], [], [], remaining)[0]:
                raise TimeoutError
            chunk = os.read(out, 65536)
            if not chunk:
                raise EOFError
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)

    def _stop(self):
        """Kill the child (if still running) and reap it; its exit status."""
        process, self.process = self.process, None
        if process is None:
            return None
        if process.poll() is None:
            process.kill()
        for stream in (process.stdin, process.stdout):
            try:
                stream.close()
            except OSError:
                pass
        return process.wait()

    def render(self, pdf_path, target, width):
        """Draw page 1 of ``pdf_path`` ``width`` pixels wide into ``target`` (WebP).

        Returns ``{"size": [w, h]}`` or ``{"error": code, "detail": text}`` (a
        property of the file: cache it); raises :class:`Unavailable`.
        """
        return self.ask({"pdf": os.fspath(pdf_path), "target": os.fspath(target),
                         "width": width})

    def ask(self, job):
        """Send ``job`` to the child (started if needed) and return its answer, or
        ``{"error": "timeout" | "crash", "detail": …}``; raises :class:`Unavailable`."""
        if self.process is None:
            self._start()
        try:
            self.process.stdin.write((json.dumps(job) + "\n").encode())
            self.process.stdin.flush()
            answer = self._answer(self.timeout)
        except TimeoutError:
            self._stop()
            return {"error": "timeout", "detail": str(self.timeout)}
        except (EOFError, BrokenPipeError, ValueError):
            code = self._stop()
            return {"error": "crash", "detail": f"exit status {code}"}
        if answer.get("error") == child.MEMORY:
            self._stop()  # it exits by itself: reap it
        return answer

    def close(self):
        """End the child: it exits when its input closes (killed if it does not)."""
        process = self.process
        if process is None:
            return
        try:
            process.stdin.close()
            process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self._stop()


def ensure(cache, pdf_path, digest, width, renderer=None, name=None):
    """The cached preview of a PDF as (file, width, height), drawing it if needed.

    Returns None when there is no preview: the page could not be drawn within
    bounds (a warning naming the file the first time, cached), or the child
    process could not start (a warning, nothing cached). ``name`` is the file
    as editors know it (``allegati/x.pdf``), for the messages.
    """
    name = name or os.fspath(pdf_path)
    target = preview_file(cache.folder, digest, width)
    entry = cache.get(digest) or {}
    known = entry.get("previews", {}).get(str(width))
    if isinstance(known, dict) and "error" in known and settled(known):
        logger.info("allegato senza anteprima (dalla cache): %s (%s)", name, reason(known)[0])
        return None
    if known and os.path.isfile(target):
        return target, known[0], known[1]

    os.makedirs(os.path.dirname(target), exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".",
                                         suffix=".webp")
    os.close(handle)
    try:
        if renderer is None:
            with Renderer() as own:
                answer = own.render(pdf_path, temporary, width)
        else:
            answer = renderer.render(pdf_path, temporary, width)
        if "size" in answer:
            os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)

    entry = dict(entry)
    if "size" in answer:
        w, h = answer["size"]
        entry["previews"] = {**entry.get("previews", {}), str(width): [w, h]}
        cache.put(digest, entry)
        return target, w, h
    failure = counted({"error": str(answer.get("error")), "detail": str(answer.get("detail", ""))},
                      known)
    entry["previews"] = {**entry.get("previews", {}), str(width): failure}
    cache.put(digest, entry)
    italian, english = reason(failure)
    logger.warning("allegato senza anteprima: %s (%s) / no preview for %s (%s)",
                   name, italian, name, english)
    return None
