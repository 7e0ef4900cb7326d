"""Build-time cost and size of the search index (plugins/search).

    .venv/bin/python tools/bench_search.py                  # the project's content
    .venv/bin/python tools/bench_search.py --articles 1000  # 1000 generated articles
    .venv/bin/python tools/bench_search.py --articles 1000 --pdfs 50 --runs 3

Each figure is the median of ``--runs`` builds, each a fresh ``pelican`` process
as in ``invoke build``, with the project's settings: with ``SEARCH_ENABLED =
False`` (baseline) and with search on. The plugin's own log line (``Search index:
N pages, M documents in X s, Y kB``, at INFO) gives the time of the index step
(PDF text included) and the bundle's size; the difference of the build times is
its whole cost (Pagefind's import too). CPU time (pelican and its children: pagefind,
the PDF reader) is printed too: on a machine shared with other work it is the steadier
figure. With PDFs, the first build with search on
reads their text (cold), the others use the cache (warm).

For another benchmark: :func:`measure` returns the figures as a dict;
:func:`generate` writes the generated content.
"""

import argparse
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STATS = re.compile(r"Search index: (\d+) pages, (\d+) documents in ([\d.]+) s, (\d+) kB")
CATEGORIES = ("notizie", "comunicati-stampa", "avvisi")
WORDS = ("comunità welfare laboratorio patto territorio servizi persone rete progetto"
         " cittadini associazioni incontro volontari biblioteca sportello famiglie giovani"
         " anziani quartiere scuola cooperativa comune provincia Crema Cremona Casalmaggiore"
         " iscrizioni attività estate autunno inverno primavera orari martedì giovedì").split()


def _sentence(rng, words=14):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def generate(content, articles, pdfs=0, seed=20240505):
    """``articles`` Italian articles of about 250 words over the three categories, the
    first ``pdfs`` of them with a PDF attachment of 2-10 pages of text."""
    from tools.bench import make_pdf  # noqa: PLC0415 - PDFs of text

    rng = random.Random(seed)
    for number in range(articles):
        category = CATEGORIES[number % len(CATEGORIES)]
        lines = ["---", f"title: Articolo {number:04d} {rng.choice(WORDS)}",
                 f"date: {2020 + number % 6}-{1 + number % 12:02d}-{1 + number % 28:02d} 10:00"]
        if number < pdfs:
            name = f"allegati/bench/documento-{number:04d}.pdf"
            path = content / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(make_pdf(rng, rng.randint(2, 10)))
            lines += ["attachments:", f"  - file: {name}", f"    title: Documento {number:04d}"]
        body = "\n\n".join(" ".join(_sentence(rng) for _ in range(4)) for _ in range(4))
        path = content / category / f"articolo-{number:04d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines + ["---", "", body, ""]), encoding="utf-8")


def build(workdir, content, search=True):
    """One build: ``(seconds, CPU seconds of pelican and its children, index figures or
    None)``. CPU time is the steadier figure on a machine shared with other work."""
    conf = workdir / "benchconf.py"
    conf.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        "SITEURL = 'https://bench.example.org'\nFEED_DOMAIN = SITEURL\n"
        f"CACHE_PATH = {str(workdir / 'cache')!r}\nSEARCH_ENABLED = {search!r}\n"
        "ATTACHMENTS_PREVIEWS = False\n", encoding="utf-8")
    env = dict(os.environ, LC_ALL="C", LANG="C", PYTHONWARNINGS="ignore", COLUMNS="250")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", str(conf), "-o",
         str(workdir / "output"), "--delete-output-directory", "-v"],
        capture_output=True, text=True, env=env, cwd=workdir, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode:
        sys.exit(result.stdout + result.stderr)
    found = STATS.search(result.stdout + result.stderr)
    if not search:
        return elapsed, cpu, None
    if not found:
        sys.exit("no 'Search index:' line in the build's log")
    pages, documents, seconds, kilobytes = found.groups()
    files = sum(1 for p in (workdir / "output" / "pagefind").rglob("*") if p.is_file())
    return elapsed, cpu, {"pages": int(pages), "documents": int(documents),
                     "index_s": float(seconds), "kB": int(kilobytes), "files": files}


def measure(content, runs=3, workdir=None):
    """Figures for ``content``: build times without and with search (medians), the
    index step (cold: first build with an empty cache; warm: the median of the others),
    the bundle's size and file count."""
    with tempfile.TemporaryDirectory(prefix="bench-search-") as folder:
        work = Path(workdir or folder)
        build(work, content, search=False)  # warm up imports and the disk cache
        without = [build(work, content, search=False) for _ in range(runs)]
        shutil.rmtree(work / "cache", ignore_errors=True)
        with_search = [build(work, content, search=True) for _ in range(runs + 1)]
        cold, warm = with_search[0], with_search[1:]
        figures = warm[-1][2]

        def median(builds, field):
            return round(statistics.median(each[field] for each in builds), 2)

        return {
            "pages": figures["pages"], "documents": figures["documents"],
            "build_without_s": median(without, 0), "build_with_s": median(warm, 0),
            "cpu_without_s": median(without, 1), "cpu_with_s": median(warm, 1),
            "cpu_with_cold_s": round(cold[1], 2),
            "index_cold_s": cold[2]["index_s"],
            "index_warm_s": round(statistics.median(each[2]["index_s"] for each in warm), 2),
            "bundle_kB": figures["kB"], "bundle_files": figures["files"],
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=0,
                        help="generated articles (default: the project's content)")
    parser.add_argument("--pdfs", type=int, default=0, help="generated articles with a PDF")
    parser.add_argument("--runs", type=int, default=3, help="builds per figure (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-search-content-") as folder:
        if args.articles:
            content = Path(folder)
            generate(content, args.articles, args.pdfs)
            what = f"{args.articles} generated articles, {args.pdfs} with a PDF"
        else:
            content, what = ROOT / "content", "the project's content"
        figures = measure(content, args.runs)
    print(f"{what}: {figures['pages']} pages and {figures['documents']} documents indexed;"
          f" median of {args.runs} builds")
    print(f"  build without search {figures['build_without_s']:.2f} s"
          f" ({figures['cpu_without_s']:.2f} s CPU), with search {figures['build_with_s']:.2f} s"
          f" ({figures['cpu_with_s']:.2f} s CPU; {figures['cpu_with_cold_s']:.2f} s CPU cold)")
    print(f"  index step (in the build's log): {figures['index_cold_s']:.2f} s cold (PDF text"
          f" read), {figures['index_warm_s']:.2f} s warm")
    print(f"  bundle: {figures['bundle_kB']} kB in {figures['bundle_files']} files")


if __name__ == "__main__":
    main()
