"""Build time of a site with many PDF attachments, cold (empty cache) and warm.

    .venv/bin/python tools/bench_attachments.py [--count 100] [--pad-kb 200]

Generates ``count`` real PDFs (1-20 A4 pages of text each, plus ``pad-kb`` of
binary data so they weigh like real documents) attached to ``count / 2``
articles, in a temporary folder, and builds it with the project's settings:
once without attachments (baseline), then cold and warm with previews on and
off. Each build is a fresh ``pelican`` process, as in ``invoke build``; each
figure is the median of ``--runs`` builds (a cold one empties the cache first).
"""

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import (
    DecodedStreamObject, DictionaryObject, NameObject, NumberObject, StreamObject,
)

ROOT = Path(__file__).resolve().parent.parent
WORDS = ("comunità welfare laboratorio patto territorio servizi persone rete progetto"
         " cittadini associazioni incontro").split()


def make_pdf(pages, pad_kb, rng):
    """A PDF with ``pages`` pages of Helvetica text and ``pad_kb`` of unused binary data."""
    writer = PdfWriter()
    font = writer._add_object(DictionaryObject({  # noqa: SLF001 - pypdf's way to add objects
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
    }))
    pad = StreamObject()
    pad.set_data(rng.randbytes(pad_kb * 1024))
    pad.update({NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Form"),
                NameObject("/BBox"): writer._add_object(NumberObject(0))})  # noqa: SLF001
    pad_ref = writer._add_object(pad)  # noqa: SLF001
    for number in range(pages):
        page = writer.add_blank_page(width=595, height=842)
        lines = [" ".join(rng.choice(WORDS) for _ in range(10)) for _ in range(45)]
        text = "BT /F1 11 Tf 60 780 Td 15 TL " + " ".join(f"({line}) '" for line in lines)
        stream = DecodedStreamObject()
        stream.set_data(f"{text} (pagina {number + 1}) ' ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)  # noqa: SLF001
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): font}),
            NameObject("/XObject"): DictionaryObject({NameObject("/Pad"): pad_ref}),
        })
    with tempfile.SpooledTemporaryFile() as buffer:
        writer.write(buffer)
        buffer.seek(0)
        return buffer.read()


def make_site(content, count, pad_kb, with_attachments=True):
    rng = random.Random(20240505)
    total = 0
    for number in range(0, count, 2):
        names = [f"allegati/bench/Documento {n:03d} città.pdf" for n in (number, number + 1)
                 if n < count]
        lines = [f"title: Articolo {number // 2:03d}",
                 f"date: 2024-{1 + number % 12:02d}-{1 + number % 28:02d} 10:00"]
        if with_attachments:
            lines.append("attachments:")
            for name in names:
                data = make_pdf(rng.randint(1, 20), pad_kb, rng)
                total += len(data)
                (content / name).parent.mkdir(parents=True, exist_ok=True)
                (content / name).write_bytes(data)
                lines += [f"  - file: {name}", f"    title: {Path(name).stem}"]
        article = content / "notizie" / f"articolo-{number // 2:03d}.md"
        article.parent.mkdir(parents=True, exist_ok=True)
        article.write_text("---\n" + "\n".join(lines) + "\n---\n\nTesto.\n", encoding="utf-8")
    return total


def build(workdir, content, previews):
    conf = workdir / "benchconf.py"
    conf.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        f"SITEURL = 'https://bench.example.org'\nFEED_DOMAIN = SITEURL\n"
        f"CACHE_PATH = {str(workdir / 'cache')!r}\nATTACHMENTS_PREVIEWS = {previews!r}\n",
        encoding="utf-8")
    env = dict(os.environ, LC_ALL="C", LANG="C", PYTHONWARNINGS="ignore")
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", str(conf), "-o",
         str(workdir / "output"), "--delete-output-directory", "-q"],
        capture_output=True, text=True, env=env, cwd=workdir, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode:
        sys.exit(result.stdout + result.stderr)
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100, help="number of PDFs")
    parser.add_argument("--pad-kb", type=int, default=200, help="extra bytes per PDF, in KiB")
    parser.add_argument("--runs", type=int, default=3, help="builds per figure (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-attachments-") as folder:
        workdir = Path(folder)
        baseline = workdir / "baseline"
        make_site(baseline / "content", args.count, args.pad_kb, with_attachments=False)
        total = make_site(workdir / "content", args.count, args.pad_kb)
        print(f"{args.count} PDF attachments on {(args.count + 1) // 2} articles,"
              f" {total / 1e6:.1f} MB in all; median of {args.runs} builds")
        build(baseline, baseline / "content", False)  # warm up imports and the disk cache
        times = [build(baseline, baseline / "content", False) for _ in range(args.runs)]
        print(f"  same articles, no attachments: {statistics.median(times):.2f} s")
        for previews in (False, True):
            cold, warm = [], []
            for _ in range(args.runs):
                shutil.rmtree(workdir / "cache", ignore_errors=True)
                cold.append(build(workdir, workdir / "content", previews))
                warm.append(build(workdir, workdir / "content", previews))
            label = "previews on " if previews else "previews off"
            print(f"  {label}: cold (empty cache) {statistics.median(cold):.2f} s,"
                  f" warm (cache) {statistics.median(warm):.2f} s")


if __name__ == "__main__":
    main()
