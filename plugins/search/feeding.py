"""Pages and records fed to Pagefind (:func:`index`): pagefind run as a service
(:mod:`.service`), each page as it is given (:mod:`.marked_body`, :mod:`.note_marks`,
:mod:`.attachment_titles`, :mod:`.elisions`; :data:`FEED_FORMAT`) and each record, the
bundle's files back in memory, within ``timeout`` seconds; :func:`run`, from
synchronous code."""

import asyncio
import concurrent.futures
from pathlib import Path

from pagefind.index import IndexConfig

from .attachment_titles import attachment_titles_as_sentences
from .elisions import ELISION_RE, split_elisions, title_elisions
from .errors import SearchIndexError
from .marked_body import indexed_html
from .note_marks import without_note_marks
from .service import Service, ServiceEnded

BATCH = 64  # pages sent before waiting for their answers


def _read(path):
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SearchIndexError(f"Search index: cannot read {path} ({error})") from error


# What Pagefind is given of a page (indexed_html, without_note_marks, split_elisions,
# attachment_titles_as_sentences): part of the cache key, so that a change to it makes
# the bundles kept in the cache again
FEED_FORMAT = 5  # 2: without footnotes' marks; 3: attachments' titles ended as sentences;
# 4: the title's elisions split (the <h1> is not text: the title is searched as metadata);
# 5: the tags' too (argomenti)


async def _feed(service, pages, records, language):
    """Pages and records into a new index; the bundle's files, in memory."""
    index = await service.create_index(IndexConfig(force_language=language))
    for start in range(0, len(pages), BATCH):  # in flight together: faster than one by one
        batch = [(page.url, split_elisions(attachment_titles_as_sentences(
                     without_note_marks(indexed_html(_read(page.path))))))
                 for page in pages[start:start + BATCH]]
        await asyncio.gather(*(index.add_html_file(url=url, content=html) for url, html in batch))
    await asyncio.gather(*(
        index.add_custom_record(url=record.url, content=ELISION_RE.sub("'", record.content),
                                language=language, meta=title_elisions(record.meta),
                                filters=record.filters, sort=record.sort)
        for record in records))
    return await index.get_files()


async def pagefind_bundle(pages, records, language, executable, timeout):
    """Run pagefind, feed it within ``timeout`` seconds, always end it."""
    service = Service(executable)
    try:
        await service.launch()
    except OSError as error:
        service.close_output()
        raise SearchIndexError(f"Search index: cannot run {executable}: {error}") from error
    try:
        return await asyncio.wait_for(_feed(service, pages, records, language), timeout)
    except asyncio.TimeoutError:
        raise SearchIndexError(f"Search index: pagefind did not finish within {timeout} s"
                               " (SEARCH_TIMEOUT)") from None
    except ServiceEnded as error:
        detail = service.output()
        raise SearchIndexError(f"Search index: {error}" + (f"; it said: {detail}" if detail
                                                             else "")) from error
    finally:
        await service.stop()




def run(coroutine):
    """Run ``coroutine`` to its end from synchronous code, inside a running loop or not."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # the usual case: Pelican runs no event loop
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:  # asyncio.run needs a loop-free thread
        return pool.submit(asyncio.run, coroutine).result()
