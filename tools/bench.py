"""``invoke bench``: build-time figures of this site against bare Pelican.

    python tools/bench.py [--articles 2000] [--runs 3] [--keep DIR]

Generates ``--articles`` synthetic Italian articles in a temporary folder: three
categories, about 25 tags, 10 % with a PDF attachment (1-3 pages of text), 2 %
with a cover image, 80 % with YAML front matter and 20 % with Pelican's native
header, a few pages. Then, in one run:

- (a) this site's full public build (``publishconf.py``), cold (empty cache and
  output), and (b) bare Pelican 4.12 with its ``simple`` theme and no plugins,
  cold: interleaved, median of ``--runs``;
- this site again with its caches warm and nothing changed, and with one
  article changed (the editor's save in ``livereload``);
- ``invoke check`` on the same content, as editors run it (invoke's start-up and
  ``tasks.py`` included, then ``tools/check.py``), with the cache the builds left
  (what an editor who previews has) and with an empty one, and the search indexing
  time when the build logs one (``Search index: … in X s``).

Each build is a fresh ``pelican`` child process, as ``invoke build`` runs it,
into a fresh output folder; a cold build gets a fresh, empty cache folder. Nothing
is deleted until every figure is taken: right after thousands of files are deleted,
ext4 skips their inodes when allocating new ones (``recently_deleted``, for about
half a minute), and creating a file then costs several times more kernel time (a
1000-article build measured 2.9 s of system time on a quiet file system, 7.3 s
right after the previous build's folders were deleted). That is the bench's own
doing, not a cold build's (a fresh checkout has nothing just deleted), and it
weighs on each build by the number of files it creates. For the same reason each
measurement starts once what earlier builds wrote is on the disk (``os.sync``). Per build it prints seconds, milliseconds per
article, peak memory, the HTML pages written and the ratio to (b); then the targets
and whether they hold. Peak memory is what the machine needs: the largest sum, over
the build's process and every process it started (Pagefind's service, the pool that
reads the content ahead), of their proportional set sizes (PSS, each
shared page counted once in all), sampled every 200 ms from ``/proc`` (a sample reads
the page tables of every process, 2 ms for a 100 MB one: sampled every 20 ms, the
builds took 10 to 15 % longer). The largest
single process's ``ru_maxrss`` (what earlier sessions printed) counts a forked worker's
pages shared with its parent as its own and leaves out the processes that run beside
it; it is printed too, as ``max RSS``. Where ``/proc`` has no PSS (not Linux), both
columns are ``ru_maxrss``.

Before measuring, the project's modules are compiled to bytecode, as pip compiled
Pelican's when it installed it: where ``PYTHONDONTWRITEBYTECODE`` is set (some CI
images), Python would otherwise compile ``plugins/`` again in every process.
"""

import argparse
import io
import itertools
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = ("notizie", "comunicati-stampa", "avvisi")
TAGS = ("Crema", "Cremona", "Casalmaggiore", "Laboratori di Comunità", "Patti Gener-Attivi",
        "Civic Center", "Community Manager", "Volontariato", "Giovani", "Anziani",
        "Famiglie", "Scuole", "Sport", "Cultura", "Lavoro", "Casa", "Salute", "Ambiente",
        "Quartieri", "Biblioteche", "Eventi", "Formazione", "Bandi", "Orari", "Sportelli")
WORDS = ("comunità welfare laboratorio patto territorio servizi persone rete progetto"
         " cittadini associazioni incontro quartiere famiglie volontari giovani anziani"
         " scuola biblioteca sportello attività proposte partecipazione cura relazioni"
         " fiducia sostegno spazio tempo insieme città provincia").split()
TARGETS = {  # name: (build, reference, at most)
    "full cold build ≤ 1.2× bare Pelican": ("site cold", "bare cold", 1.2),
    "nothing-changed rebuild ≤ 0.3× its own cold build": ("site warm", "site cold", 0.3),
    "one-article-changed rebuild ≤ 0.4× its own cold build": ("site one changed",
                                                             "site cold", 0.4),
    "peak memory ≤ 1.5× bare Pelican": ("site cold", "bare cold", 1.5),
}


# --- synthetic content ------------------------------------------------------------

def sentence(rng, words=14):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + rng.choice((".", ".", ".", ": l'attività continua."))


def paragraph(rng):
    return " ".join(sentence(rng, rng.randint(8, 18)) for _ in range(rng.randint(3, 6)))


def body(rng, number):
    parts = [sentence(rng, rng.randint(12, 24)), paragraph(rng)]  # a lead under 300 characters
    if number % 3 == 0:
        parts.append("## " + sentence(rng, 4).rstrip(".:"))
        parts.append("\n".join(f"- {sentence(rng, 6)}" for _ in range(4)))
    parts.append(f'Come dicono i volontari, "{sentence(rng, 6)}" -- e l\'anno prossimo si'
                 f" replica. [Leggi il progetto](https://www.example.org/progetto-{number}).")
    parts.append(paragraph(rng))
    return "\n\n".join(parts)


def make_pdf(rng, pages):
    from pypdf import PdfWriter  # noqa: PLC0415
    from pypdf.generic import (  # noqa: PLC0415
        DecodedStreamObject, DictionaryObject, NameObject,
    )

    writer = PdfWriter()
    font = writer._add_object(DictionaryObject({  # noqa: SLF001 - pypdf's way to add objects
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica")}))
    for number in range(pages):
        page = writer.add_blank_page(width=595, height=842)
        lines = [" ".join(rng.choice(WORDS) for _ in range(9)) for _ in range(40)]
        text = "BT /F1 11 Tf 60 780 Td 15 TL " + " ".join(f"({line}) '" for line in lines)
        stream = DecodedStreamObject()
        stream.set_data(f"{text} (pagina {number + 1}) ' ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)  # noqa: SLF001
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_image(rng):
    from PIL import Image  # noqa: PLC0415

    image = Image.effect_noise((960, 640), 40).convert("RGB")
    tint = Image.new("RGB", image.size, tuple(rng.randrange(256) for _ in range(3)))
    buffer = io.BytesIO()
    Image.blend(image, tint, 0.6).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def generate(folder, count, seed=2024):
    """Write ``count`` articles (and a few pages, PDFs, images) under ``folder``."""
    rng = random.Random(seed)
    folder = Path(folder)
    for name in (*CATEGORIES, "pages", "allegati/bench", "immagini/bench"):
        (folder / name).mkdir(parents=True, exist_ok=True)
    for number in range(5):
        (folder / "pages" / f"pagina-{number}.md").write_text(
            f"---\ntitle: Pagina {number}\n---\n\n{sentence(rng)}\n\n{paragraph(rng)}\n",
            encoding="utf-8")
    start = 1_577_836_800  # 2020-01-01
    for number in range(count):
        category = CATEGORIES[number % len(CATEGORIES)]
        when = time.gmtime(start + number * (200_000_000 // max(count, 1)))
        date = time.strftime("%Y-%m-%d %H:%M", when)
        title = f"{sentence(rng, rng.randint(4, 9)).rstrip('.:')} n. {number}"
        tags = rng.sample(TAGS, rng.randint(1, 3))
        extra = {}
        if number % 10 == 3:
            name = f"allegati/bench/documento-{number}.pdf"
            (folder / name).write_bytes(make_pdf(rng, rng.randint(1, 3)))
            extra["attachments"] = [name]
        if number % 50 == 7:
            name = f"immagini/bench/foto-{number}.jpg"
            (folder / name).write_bytes(make_image(rng))
            extra["image"], extra["image_alt"] = name, "Persone attorno a un tavolo"
        path = folder / category / f"articolo-{number:05}.md"
        if number % 5 == 4 and not extra:  # Pelican's native header
            text = (f"Title: {title}\nDate: {date}\nTags: {', '.join(tags)}\n"
                    f"Summary: {sentence(rng)}\n\n{body(rng, number)}\n")
        else:
            lines = ["---", f"title: \"{title}\"", f"date: {date}",
                     f"tags: [{', '.join(tags)}]"]
            for key, value in extra.items():
                if isinstance(value, list):
                    lines += [f"{key}:", *(f"  - {item}" for item in value)]
                else:
                    lines.append(f"{key}: {value}")
            text = "\n".join([*lines, "---", "", body(rng, number), ""])
        path.write_text(text, encoding="utf-8")
    return folder


# --- builds ------------------------------------------------------------------------

BARE_SETTINGS = """\
PATH = {content!r}
SITENAME = "Bench"
SITEURL = "https://bench.example.org"
TIMEZONE = "Europe/Rome"
DEFAULT_LANG = "it"
THEME = "simple"
PLUGINS = []
PAGE_PATHS = ["pages"]
ARTICLE_EXCLUDES = ["pages", "allegati", "immagini"]
STATIC_PATHS = ["immagini"]
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""
SITE_SETTINGS = """\
import logging
import sys
sys.path.insert(0, {root!r})
from publishconf import *
PATH = {content!r}
CACHE_PATH = {cache!r}
# the search step's INFO line ("Search index: … in X s"), and no other INFO line
logging.getLogger("plugins.search").setLevel(logging.INFO)
"""


def _descendants(pid):
    """``pid`` and the processes it started, theirs included (``/proc``'s children lists)."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as file:
                    pending += [int(child) for child in file.read().split()]
        except OSError:
            continue  # ended meanwhile
    return found


def _pss_kb(pid):
    """The proportional set size of ``pid`` in kB (0 when it ended or cannot be read)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as file:
            for line in file:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _name(pid):
    try:
        with open(f"/proc/{pid}/comm", encoding="utf-8") as file:
            return file.read().strip()
    except OSError:
        return "?"


def pss_supported():
    return _pss_kb(os.getpid()) > 0


class TreeMemory:
    """The largest sum of the PSS of a process and its descendants, sampled in a
    thread every ``interval`` seconds while it runs (:meth:`stop` returns it, in MB)."""

    def __init__(self, pid, interval=0.2):
        self.pid, self.interval, self.peak = pid, interval, 0
        self.parts = []  # at the peak: (process name, MB), the largest first
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self):
        while not self.done.is_set():
            sizes = {pid: _pss_kb(pid) for pid in _descendants(self.pid)}
            if sum(sizes.values()) > self.peak:
                self.peak = sum(sizes.values())
                self.parts = sorted(((_name(pid), kb / 1024) for pid, kb in sizes.items() if kb),
                                    key=lambda part: -part[1])
            self.done.wait(self.interval)

    def breakdown(self):
        """The processes at the peak, as ``python 72 + pagefind 110 MB``."""
        return " + ".join(f"{name} {size:.0f}" for name, size in self.parts) + " MB"

    def stop(self):
        self.done.set()
        self.thread.join()
        return self.peak / 1024


class Build(NamedTuple):
    seconds: float
    memory: float  # MB: the peak of the process and its descendants (TreeMemory)
    log: str
    largest: float  # MB: the largest single process's ru_maxrss
    parts: str  # the processes at the peak (TreeMemory.breakdown), "" without /proc


def run_build(settings, content, output):
    """One ``pelican`` child process, measured (:class:`Build`)."""
    os.sync()  # the files earlier builds wrote reach the disk now, not during this one
    # COLUMNS: log lines unwrapped (rich cuts them at 80 columns, the logger's column in
    # the middle of the message: the search step's time was read from the wrong line)
    env = dict(os.environ, SITEURL="https://bench.example.org", LC_ALL="C.UTF-8",
               COLUMNS="1000")
    env.pop("VISIT_COUNTER_URL", None)
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "pelican", str(content), "-s", str(settings), "-o", str(output)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=content.parent)
    memory = TreeMemory(process.pid) if pss_supported() else None
    log = process.stdout.read().decode("utf-8", "replace")
    # the child stays a zombie (its /proc readable) until wait4: the sampler's last
    # reading is taken before it is reaped
    os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOWAIT)
    peak = memory.stop() if memory is not None else None
    parts = memory.breakdown() if memory is not None else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.stdout.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"build failed ({settings}):\n{log[-4000:]}")
    largest = usage.ru_maxrss / 1024
    return Build(seconds, largest if peak is None else peak, log, largest, parts)


def html_pages(output):
    return sum(1 for _ in Path(output).rglob("*.html"))


def search_seconds(log):
    match = re.search(r"Search index: \d+ pages, \d+ documents in ([\d.]+) s", log)
    return float(match.group(1)) if match else None


class Results:
    def __init__(self, articles):
        self.articles = articles
        self.rows = {}  # name -> list of (seconds, memory MB, pages, largest process MB)

    def add(self, name, seconds, memory, pages, largest):
        self.rows.setdefault(name, []).append((seconds, memory, pages, largest))

    def median(self, name, index):
        return statistics.median(row[index] for row in self.rows[name])

    def table(self):
        bare = self.median("bare cold", 0)
        lines = [f"{'build':<22}{'runs':>5}{'seconds':>10}{'ms/article':>12}{'peak MB':>9}"
                 f"{'pages':>8}{'× bare':>8}{'max RSS':>9}"]
        for name in self.rows:
            seconds, memory = self.median(name, 0), self.median(name, 1)
            lines.append(f"{name:<22}{len(self.rows[name]):>5}{seconds:>10.2f}"
                         f"{seconds * 1000 / self.articles:>12.2f}{memory:>9.0f}"
                         f"{int(self.median(name, 2)):>8}{seconds / bare:>8.2f}"
                         f"{self.median(name, 3):>9.0f}")
        return "\n".join(lines)

    def targets(self):
        lines = []
        for label, (build, reference, limit) in TARGETS.items():
            index = 1 if "memory" in label else 0
            if build not in self.rows or reference not in self.rows:
                continue
            ratio = self.median(build, index) / self.median(reference, index)
            lines.append(f"{'ok ' if ratio <= limit else 'NO '} {label}: {ratio:.2f}")
        return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", default=None, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    work = Path(args.keep or tempfile.mkdtemp(prefix="farelegami-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        return bench(work, args.articles, args.runs)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def bench(work, articles, runs):
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "plugins")],
                   check=True, stdout=subprocess.DEVNULL)
    print(f"Generating {articles} articles in {work} …", flush=True)
    started = time.perf_counter()
    content = generate(work / "content", articles)
    print(f"  done in {time.perf_counter() - started:.1f} s", flush=True)
    bare_conf = work / "bareconf.py"
    bare_conf.write_text(BARE_SETTINGS.format(content=str(content)), encoding="utf-8")
    folders = itertools.count(1)

    def fresh(kind):  # a new folder's path: nothing is deleted before the end
        return work / "runs" / f"{next(folders):03}-{kind}"

    def site_conf(cache):  # this site's settings with its caches in ``cache``
        conf = cache.with_name(cache.name + ".py")
        conf.parent.mkdir(parents=True, exist_ok=True)
        conf.write_text(SITE_SETTINGS.format(root=str(ROOT), cache=str(cache),
                                             content=str(content)), encoding="utf-8")
        return conf

    results, search, peaks = Results(articles), [], []
    for run in range(runs):
        for name in ("bare cold", "site cold"):
            conf = bare_conf if name == "bare cold" else site_conf(fresh("cache"))
            output = fresh("output")
            build = run_build(conf, content, output)
            results.add(name, build.seconds, build.memory, html_pages(output), build.largest)
            if name == "site cold":
                peaks.append(build.parts)
                if search_seconds(build.log) is not None:
                    search.append(search_seconds(build.log))
            print(f"  run {run + 1} {name}: {build.seconds:.2f} s, {build.memory:.0f} MB"
                  + (f" ({build.parts})" if build.parts else ""), flush=True)
    warm_conf = conf  # the last cold build's cache
    for _ in range(runs):
        output = fresh("output")
        build = run_build(warm_conf, content, output)
        results.add("site warm", build.seconds, build.memory, html_pages(output), build.largest)
    changed = next(content.glob("notizie/*.md"))
    for run in range(runs):
        with changed.open("a", encoding="utf-8") as handle:
            handle.write(f"\nUna frase aggiunta ({run}).\n")
        output = fresh("output")
        build = run_build(warm_conf, content, output)
        results.add("site one changed", build.seconds, build.memory, html_pages(output),
                    build.largest)
    checks = {"warm": [], "cold": [], "floor": []}
    for kind in ("warm", "cold", "floor"):  # warm: with the cache the builds above left
        for _ in range(runs):
            conf = warm_conf if kind == "warm" else site_conf(fresh("cache"))
            checks[kind].append(run_check(conf) if kind != "floor" else check_floor(conf))
    print()
    print(f"{articles} articles, {os.cpu_count()} CPUs, median of {runs}:")
    print(results.table())
    bare = results.median("bare cold", 0)
    for kind, times in checks.items():
        seconds = statistics.median(times)
        label = f"invoke check ({kind})" if kind != "floor" else "cold check floor (*)"
        print(f"{label:<22}{runs:>5}{seconds:>10.2f}"
              f"{seconds * 1000 / articles:>12.2f}{'':>9}{'':>8}{seconds / bare:>8.2f}")
    print("(*) tools/check_floor.py: the check's start-up and the Markdown conversion alone,"
          " the least\n    a cold check sharing the build's implementation takes (invoke's"
          " start-up not counted)")
    if search:
        print(f"search indexing (in the cold build): {statistics.median(search):.2f} s")
    if peaks[-1]:
        print(f"the last cold build's peak memory: {peaks[-1]}")
    print()
    print(results.targets())
    # the target, for both ways an editor meets the check: with the cache a build or
    # the preview left (the usual case), and with none (a fresh clone)
    for kind in ("warm", "cold"):
        check = statistics.median(checks[kind])
        print(f"{'ok ' if check <= bare / 4 else 'NO '} invoke check ({kind} cache) ≤ 0.25×"
              f" bare Pelican's build: {check / bare:.2f}")
    return 0


def run_check(settings):
    """``invoke check --settings SETTINGS`` (the settings' PATH: the generated content), as
    an editor runs it (invoke's start-up and tasks.py included): its seconds (errors stop
    the bench)."""
    os.sync()
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "invoke", "check", "--settings",
                             str(settings)], cwd=ROOT, capture_output=True, text=True,
                            check=False, env=dict(os.environ, SITEURL="https://bench.example.org"))
    seconds = time.perf_counter() - started
    if result.returncode:
        print(result.stdout[-3000:], result.stderr[-2000:])
        raise SystemExit("invoke check found errors in the generated content")
    return seconds


def check_floor(settings):
    """``tools/check_floor.py --settings SETTINGS``: its seconds, process start-up included
    (not invoke's), measured as :func:`run_check` measures a check."""
    os.sync()
    started = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "tools" / "check_floor.py"), "--settings",
                    str(settings)], cwd=ROOT, capture_output=True, text=True, check=True,
                   env=dict(os.environ, SITEURL="https://bench.example.org"))
    return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
