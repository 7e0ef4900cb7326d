"""``invoke check``: every content file against the contract, without building the site.

It runs the very checks the build runs (one implementation): each file through
``plugins.contract.check.check_file`` (front matter, body HTML, links, images),
the images of each item the build would write through ``plugins.images.variants``
(``measure``: the header, decompression bombs; ``verify``: the data, files cut short),
its attachments through ``plugins.attachments.collect.build_attachments``, and
the rules across files of ``plugins.content_checks`` (``rules.all_problems``, the links
typed by address of ``broken_links``) and of ``plugins.redirects.rules`` (old
addresses), and, when there is no error, the uploaded
files no item uses (``content_checks.uploads.unused_uploads``, the uses as
``plugins.static_assets.references`` finds them in a build). It prints every
problem at once, one per line, ``content/…/file.md:LINE: message``, errors first,
then warnings, and exits with status 1 when there is any error.

    python tools/check.py [--settings pelicanconf.py] [--content content] [--jobs N]
"""

import argparse
import gc
import os
import posixpath
import sys
import time
from pathlib import Path
from typing import NamedTuple

# A run of its own starts without the cyclic garbage collector: the imports and the
# plugins' start-up make some 80,000 objects it tracks, which it walked again and again
# (a hundred passes, a tenth of the start-up's time), and all at once (a full pass) while
# the results came in. main() turns it on once they are out of its sight (gc.freeze).
if __name__ == "__main__":
    gc.disable()

from pelican import Pelican  # noqa: E402
from pelican.generators import Generator  # noqa: E402
from pelican.readers import Readers  # noqa: E402
from pelican.settings import read_settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from plugins.contract.ahead import markdown_files, misnamed  # noqa: E402
from plugins.contract.check import Checked, check_file, unreadable  # noqa: E402
from plugins.contract.reader import shared_parts  # noqa: E402
from plugins.contract.schema import distant_date, future_modified, future_page_date  # noqa: E402
from plugins.attachments.collect import (  # noqa: E402
    RunState, address_clashes, build_attachments, entry_line, large_linked, linked_clashes,
)
from plugins.attachments.pdfinfo import MetadataCache  # noqa: E402
from plugins.attachments.statement import Statement, linked_warnings  # noqa: E402
from plugins.content_checks import rules  # noqa: E402
from plugins.content_checks.broken_links import KnownFolders, broken_address_links  # noqa: E402
from plugins.content_checks.entry import Entry  # noqa: E402
from plugins.content_checks.symlinks import symlink_problems  # noqa: E402
from plugins.content_checks.uploads import unused_uploads  # noqa: E402
from plugins.images import (  # noqa: E402
    image_line, image_sources, located_message, location, unreadable_message, variants,
)
from plugins.core import processes  # noqa: E402
from plugins.redirects import rules as redirect_rules  # noqa: E402
from plugins.redirects.paths import KEY as OLD_ADDRESSES  # noqa: E402
from plugins.static_assets import references  # noqa: E402
from plugins.core.items import held_back, public_fate, written  # noqa: E402
from plugins.core.problems import ERROR, WARNING, Problem  # noqa: E402
from plugins.core.urls import link_regex, static_link_paths  # noqa: E402
from plugins.italian import numero, quanti  # noqa: E402
from plugins.italian.slugs import is_slug, item_slug  # noqa: E402

PARALLEL_FROM = 200  # files: fewer are checked in this process (no start-up cost)


def plugin_settings(settings_file, content=None, overrides=None):
    """The settings a build has before it reads anything: Pelican's defaults, the file,
    ``overrides`` (a build's ``-e`` settings, decoded: ``{NAME: value}``), every plugin's
    settings filled in and checked (plugins are loaded and ``initialized`` sent, nothing
    else), for the tools that read them plainly (``tools/vanished.py``)."""
    # absolute: Pelican would read a relative PATH from the settings file's folder; the
    # -e settings after it, as Pelican's command line puts them
    override = {**({"PATH": os.path.abspath(content)} if content else {}), **(overrides or {})}
    return Pelican(read_settings(str(settings_file), override=override or None)).settings


def load_settings(settings_file, content=None):
    """The settings a build would have: :func:`plugin_settings`, then the readers made
    (nothing built), so the check finds the results a build left in the cache."""
    settings = plugin_settings(settings_file, content)
    Readers(settings)  # the readers complete MARKDOWN as in a build: the same settings digest
    return settings


def content_files(settings):
    """``[(relative path, is_page)]`` of the Markdown files a build would read."""
    finder = Generator(context={}, settings=settings, path=settings["PATH"],
                       theme=settings["THEME"], output_path=settings["OUTPUT_PATH"])
    return sorted(markdown_files(finder, settings).items())


def slug_of(metadata, settings):
    """The item's slug as a build makes it (its ``slug``, else from its title)."""
    return item_slug(metadata, settings["SLUG_REGEX_SUBSTITUTIONS"])


def save_as(metadata, slug, page, settings):
    """Where a build would write the item (``""`` for drafts and future items)."""
    if not written(metadata, page, settings):
        return ""
    date = metadata.get("date")
    lang = language(metadata, settings)
    name = ("PAGE" if page else "ARTICLE") + \
        ("_SAVE_AS" if lang == settings["DEFAULT_LANG"] else "_LANG_SAVE_AS")
    return settings[name].format(slug=slug, date=date, lang=lang, category="", author="",
                                 tag="", path="")


def public_save_as(metadata, slug, page, settings, today=None):
    """Where the public build writes the item, today or on its date, or "" (never: a
    draft); the build's view is ``plugins.redirects.output.public_address``. ``today``:
    its :func:`save_as` with ``settings``, when already worked out (a date formatted by
    Pelican's ``strftime``: 10 µs an item)."""
    when = public_fate(metadata, page, settings)
    if when == "later":
        return save_as(metadata, slug, page, {**settings, "WITH_FUTURE_DATES": True})
    if when != "now":
        return ""
    return save_as(metadata, slug, page, settings) if today is None else today


def language(metadata, settings):
    """The item's language as Pelican gives it: its ``lang``, else the site's."""
    return metadata.get("lang") or settings["DEFAULT_LANG"]


_WORKER = {}  # in each process that checks files: its settings, Markdown and caches


class FileResult(NamedTuple):
    """What a worker found in one content file."""

    checked: Checked  # its problems, metadata and key lines
    pdfs: dict  # {digest: PDF metadata} read (the main process keeps them)
    slug: str
    save_as: str  # "" when the build would not write it
    claims: list  # the addresses its attachments would get (``address_clashes``)
    linked: list  # the attachment files it links, when written (``linked_clashes``)
    failed: bool = True  # the contract found errors: the build drops the file
    uses: frozenset = frozenset()  # the files it uses, written or not (``unused_uploads``)


class _RecordingCache(MetadataCache):
    """The PDF metadata cache of a worker: what it reads is sent back to the main
    process, which keeps it (one writer of the cache file)."""

    def __init__(self, folder, entries=None):
        super().__init__(folder, entries)
        self.added = {}

    def put(self, digest, entry):
        super().put(digest, entry)
        self.added[digest] = entry


def _start_worker(settings, pdfs=None):
    """This process's part of a check, which the workers forked after it inherit: the
    readers' converter and cache (made by load_settings), the PDF metadata cache
    (``pdfs``: :func:`check`'s, whose entries it shares instead of reading the file again:
    it was read once more here, and once more in each worker)."""
    markdown, cache = shared_parts(settings)
    run = None
    if "plugins.attachments" in settings["PLUGINS"]:
        run = RunState(_RecordingCache(settings["ATTACHMENTS_CACHE_PATH"],
                                       None if pdfs is None else pdfs.entries))
    _WORKER.update(settings=settings, markdown=markdown, cache=cache, run=run,
                   links=link_regex(settings))


def _attachments(relative, checked, settings, run):
    """``(problems, claims)`` of a file's attachments (claims: see ``address_clashes``)."""
    attachments, found, warnings = build_attachments(checked.metadata.get("attachments"),
                                                     relative, settings, run)
    lines = checked.key_lines
    problems = [Problem(relative, message, entry_line(lines, position))
                for position, message in found]
    problems += [Problem(relative, message, entry_line(lines, position), WARNING)
                 for position, message in warnings]
    return problems, [(relative, entry_line(lines, a.position), a.source, a.save_as)
                      for a in attachments]


def _image_problems(relative, html, checked, text, settings):
    """The build's problems with the images of an item it writes (``plugins.images`` reads
    each one; here the same functions read it, with the same message and line): errors
    for unreadable ones, warnings for those that carry their GPS location."""
    problems = []
    cover = checked.metadata.get("image")
    for source in dict.fromkeys(image_sources(html, posixpath.dirname(relative), cover)):
        path = os.path.join(settings["PATH"], *source.split("/"))
        if not os.path.isfile(path):
            continue  # the contract reports missing files
        line = image_line(text, source, cover, checked.key_lines.get("image"),
                          posixpath.dirname(relative))
        try:
            # the header, then the data (once per content: the cache keeps a mark)
            measured = variants.measure(path)
            variants.verify(measured, settings["IMAGES_CACHE_PATH"])
        except variants.Unreadable as error:
            problems.append(Problem(relative, unreadable_message(source, str(error)), line))
            continue
        # the build publishes a copy without the position when it can make one (cached)
        clean = location.clean_copy(measured, settings["IMAGES_CACHE_PATH"])
        if location.published_with_it(measured, clean):
            problems.append(Problem(relative, located_message(source), line, WARNING))
    return problems


def _linked_attachments(relative, texts, settings):
    """The files of the attachments folder that an item's ``texts`` (body and summary
    HTML) link with ``{static}``/``{attach}`` (``linked_clashes``)."""
    folder = settings["ATTACHMENTS_PATH"] + "/"
    return sorted(path for path in static_link_paths(texts, posixpath.dirname(relative),
                                                     _WORKER["links"])
                  if path.startswith(folder)
                  and os.path.isfile(os.path.join(settings["PATH"], path)))


def _looked_up(relative):
    """``(bytes, Read or None)`` of a content file: what a build (or the preview) left in
    the cache for these bytes, when it read the file without errors and none of the files
    it links changed since; ``(OSError, None)`` when the file cannot be read."""
    try:
        with open(os.path.join(_WORKER["settings"]["PATH"], relative), "rb") as handle:
            data = handle.read()
    except OSError as error:
        return error, None
    cache = _WORKER["cache"]
    return data, (cache.get(relative, data) if cache else None)


def _check_one(file, looked_up=None):
    """:class:`FileResult` of one content file (``(relative path, is_page)``), its images
    and attachments included; ``looked_up``: its :func:`_looked_up`, when already known."""
    relative, page = file
    settings, run = _WORKER["settings"], _WORKER["run"]
    data, read = looked_up or _looked_up(relative)
    if isinstance(data, OSError):
        return FileResult(Checked(relative, problems=[unreadable(relative, data)]), {}, "", "",
                          [], [])
    # A file a build (or preview) has read without errors, unchanged since, and none of
    # the files it links changed: the build's own result, with its warnings.
    if read is not None:
        checked = Checked(relative, metadata=read.metadata, problems=list(read.warnings),
                          key_lines=read.key_lines, links=read.links)
        html, summary = read.content, read.summary
    else:
        checked = check_file(os.path.join(settings["PATH"], relative), relative, settings,
                             _WORKER["markdown"], sanitize=False, data=data)
        html, summary = checked.content, checked.summary
        checked.content = checked.summary = ""  # not needed: less to send back
    late = future_modified(checked.metadata)  # as the build's reader, after its cache
    if late:
        checked.problems.append(Problem(relative, late, checked.key_lines.get("modified"),
                                        WARNING))
    distant = distant_date(checked.metadata, page) or future_page_date(checked.metadata, page)
    if distant:
        checked.problems.append(Problem(relative, distant, checked.key_lines.get("date"),
                                        WARNING))
    failed = bool(checked.errors)  # the reader's errors (images, attachments: later)
    # the build's slug: kept with its reading (the same function, once per file's bytes)
    slug = read.slug if read is not None else slug_of(checked.metadata, settings)
    target = save_as(checked.metadata, slug, page, settings)
    if target and not failed and "plugins.images" in settings["PLUGINS"]:
        # images of written items, as the build reads them: never those of a file with
        # errors (the build drops it; its broken image is already its link's error)
        checked.problems += _image_problems(relative, str(html) + str(summary or ""), checked,
                                            data.decode("utf-8", "replace"), settings)
    pdfs, claims, linked = {}, [], []
    if run is not None and checked.metadata.get("attachments"):
        run.cache.added = {}
        found, claims = _attachments(relative, checked, settings, run)
        checked.problems += found
        pdfs = run.cache.added
    if run is not None and target:
        linked = _linked_attachments(relative, (html, summary), settings)
    # what the build finds for it (static_assets.used_files: any item)
    uses = references((html, summary), posixpath.dirname(relative), _WORKER["links"],
                      checked.metadata.get("image"), [claim[2] for claim in claims])
    return FileResult(checked, pdfs, slug, target, claims, linked, failed, frozenset(uses))


def preload(settings):
    """Before the workers are forked: the modules each of them would import at its first
    PDF (pypdf, 35 ms), imported once, here, when the attachments' folder holds a PDF."""
    if "plugins.attachments" not in settings["PLUGINS"]:
        return
    folder = os.path.join(settings["PATH"], settings["ATTACHMENTS_PATH"])
    for _, _, names in os.walk(folder):
        if any(name.lower().endswith(".pdf") for name in names):
            import pypdf  # noqa: F401, PLC0415 - pdfinfo imports it at its first PDF
            return


def worker_count(files):
    """The processes that check ``files`` unless told: one per CPU, at most 4, from
    :data:`PARALLEL_FROM` files (fewer are checked in this process)."""
    return min(os.cpu_count() or 1, 4) if len(files) >= PARALLEL_FROM else 1


def checked_files(settings, files, workers=None, pdfs=None):
    """:class:`FileResult` of each file, in order. Unless told (``workers``: that many
    processes check every file, whatever the number), the files a build or the preview
    left in the cache are finished in this process (a lookup and a few stats each:
    forking workers for them cost more than it saved, and pypdf's import before the
    fork) and only those to be read again are shared among :func:`worker_count`
    processes, where pools may be forked (``processes.FORK_POOLS``: Linux). ``pdfs``: the
    PDF metadata cache already read (:func:`_start_worker`)."""
    _start_worker(settings, pdfs)  # this process's part, which forked workers inherit
    looked_up, to_read = {}, files
    if workers is None:
        if _WORKER["cache"] is not None and not _WORKER["cache"].empty:  # not a cold check
            looked_up = {file: _looked_up(file[0]) for file in files}
            to_read = [file for file, (_, read) in looked_up.items() if read is None]
        workers = worker_count(to_read)
    if workers < 2 or not processes.FORK_POOLS:
        return [_check_one(file, looked_up.get(file)) for file in files]
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - only for a pool

    preload(settings)
    context = processes.fork_context()  # settings are inherited, not pickled
    # no initializer: _start_worker again in each worker read the PDF metadata cache again
    with ProcessPoolExecutor(workers, mp_context=context, **processes.pool_options()) as pool:
        with processes.frozen():  # the workers are forked at the first task
            results = pool.map(_check_one, to_read, chunksize=32)
        if not looked_up:
            return list(results)
        # the files found in the cache, here, while the workers read the others
        done = {file: _check_one(file, found) for file, found in looked_up.items()
                if found[1] is not None}
        done.update(zip(to_read, results))
    return [done[file] for file in files]


def check(settings, workers=None, files=None):
    """Every problem of the content, errors first, then warnings; each list in file order.
    ``files``: :func:`content_files`, when already listed."""
    problems, entries, claims, linked, used = [], [], [], {}, set()
    old_claims, written_items = [], {}  # plugins/redirects: the build's generator's view
    pdfs = MetadataCache(settings["ATTACHMENTS_CACHE_PATH"]) \
        if "plugins.attachments" in settings["PLUGINS"] else None
    files = content_files(settings) if files is None else files
    results = checked_files(settings, files, workers, pdfs)
    for (relative, page), result in zip(files, results):
        checked = result.checked
        problems += checked.problems
        claims += result.claims
        used |= result.uses
        for source in result.linked:
            linked.setdefault(source, []).append(relative)
        for digest, entry in result.pdfs.items():
            pdfs.put(digest, entry)
        metadata = checked.metadata
        address = public_save_as(metadata, result.slug, page, settings, result.save_as)
        if address and not result.failed:
            written_items[address] = relative
            old_claims += redirect_rules.claims_of(relative,
                                                   checked.key_lines.get(OLD_ADDRESSES),
                                                   metadata.get(OLD_ADDRESSES) or ())
        if metadata.get("title") and is_slug(result.slug):  # other errors aside: all at once
            line = checked.key_lines.get("slug") or checked.key_lines.get("title")
            entries.append(Entry(
                relative, "page" if page else "article", result.slug, result.save_as,
                language(metadata, settings), line, tuple(checked.links),
                metadata.get("status") == "draft",
                held_back(metadata.get("date"), page, settings), result.failed,
                None if page else metadata.get("date"), str(metadata.get("title") or ""),
                checked.key_lines.get("title")))
    if pdfs is not None:
        pdfs.save()
    problems += [Problem(relative, message, None, WARNING)
                 for relative, message in misnamed(settings)]
    problems += rules.all_problems(entries, settings, [relative for relative, _ in files])
    # links typed by address: only where the first folder is none the site writes (the
    # build judges every one against the files it wrote); the old addresses' folders
    # are the site's too (plugins/redirects writes a page at each)
    old_folders = {claim.path.strip("/").split("/")[0] for claim in old_claims}
    problems += broken_address_links(
        entries, settings, KnownFolders(entries, settings, old_folders))
    # across files, whichever worker read them: declared attachments, then linked ones
    clashes, owners = address_clashes(claims)
    problems += [Problem(item, message, line) for item, line, message in clashes]
    found, rejected = linked_clashes(linked, owners, settings)
    problems += [Problem(item, message) for item, message in found]
    if pdfs is not None:  # linked PDFs not accessible that the statement does not name
        declared = {(item, source) for item, _, source, _ in claims}
        kept = {source: items for source, items in linked.items() if source not in rejected}
        problems += [Problem(item, message, None, WARNING) for item, message in
                     linked_warnings(kept, declared, settings, pdfs, Statement(settings))
                     + large_linked(kept, declared, settings)]
        pdfs.save()
    if "plugins.redirects" in settings["PLUGINS"] and settings["REDIRECTS_ENABLED"]:
        problems += redirect_rules.problems(old_claims, written_items)
    if not any(problem.severity == ERROR for problem in problems):  # as the build
        problems += unused_uploads(settings, used)
    errors = [p for p in problems if p.severity == ERROR]
    warnings = [p for p in problems if p.severity != ERROR]

    def order(problem):
        # a problem without a line after those with one, as the build logs them: "e altri
        # 3 problemi … non elencati: correggi quelli sopra" counts the ones above it
        return problem.path, problem.line is None, problem.line or 0

    return sorted(errors, key=order) + sorted(warnings, key=order)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    parser.add_argument("--content", default=None, help="content folder (default: PATH)")
    parser.add_argument("--jobs", type=int, default=None,
                        help="processes that check files (default: one per CPU, at most 4,"
                             f" from {PARALLEL_FROM} files; 1: all in this process)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    settings = load_settings(args.settings, args.content)
    # reading follows symbolic links: one to a folder holding it never ends (the build
    # stops on them first too)
    problems = symlink_problems(settings["PATH"], settings["IGNORE_FILES"])
    files = [] if problems else content_files(settings)
    # the collector turned off for the start-up, when run as a script (above) or by
    # ``invoke check`` (tasks.check): what the start-up made is never walked, here nor
    # in the workers, which collect what they make
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
    problems = problems or check(settings, args.jobs, files)
    prefix = os.path.relpath(settings["PATH"]).replace(os.sep, "/")
    for problem in problems:
        label = "errore" if problem.severity == ERROR else "avviso"
        print(f"{prefix}/{problem.location}: {label}: {problem.message}")
    errors = sum(problem.severity == ERROR for problem in problems)
    seconds, warnings = time.perf_counter() - started, len(problems) - errors
    print(f"{quanti(len(files), 'file controllato', 'file controllati')} in"
          f" {numero(round(seconds, 2), 2)} s: {quanti(errors, 'errore', 'errori')},"
          f" {quanti(warnings, 'avviso', 'avvisi')} / {len(files)} file(s) checked in"
          f" {seconds:.2f} s: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
