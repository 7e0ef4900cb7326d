"""Rules across files: pure functions on light :class:`~.entry.Entry` records, returning
:class:`~plugins.core.problems.Problem` lists, each in a module of its own (duplicates,
site_paths, unpublished, address_links, relative_links, menu_titles); here, all of them at
once (:func:`all_problems`).

The build makes entries from Pelican's items, ``invoke check`` from the files it
checked; both call the same rules, so both report the same problems.
"""

from plugins.content_checks.address_links import address_links
from plugins.content_checks.duplicates import duplicate_slugs, duplicate_urls
from plugins.content_checks.menu_titles import menu_titles
from plugins.content_checks.relative_links import relative_links
from plugins.content_checks.site_paths import site_path_clashes
from plugins.content_checks.unpublished import unpublished_links


def all_problems(entries, settings, read):
    """Every rule across files, for the build and ``invoke check`` alike (``read``: every
    file the build reads as an item, with errors or not: :func:`unpublished_links`).
    Symbolic links are not among them: both stop on :func:`~.symlinks.symlink_problems`
    before reading anything."""
    entries = list(entries)
    return [*duplicate_urls(entries), *duplicate_slugs(entries),
            *site_path_clashes(entries, settings),
            *unpublished_links(entries, set(read), settings),
            *address_links(entries, settings), *relative_links(entries, settings),
            *menu_titles(entries, settings)]
