"""A built site's files, and which of them an internal link names: the one reading of
the built pages' links, shared by the release check (``tools/release_check.py``: every
link of every page, stylesheet and feed of a release) and the build's check of the links
editors type by address (``plugins/content_checks/broken_links.py``: ``output_target``,
``WrittenFiles``), so a link the release check would refuse stops the build first.

Standard library only.
"""

import os
import posixpath
from urllib.parse import unquote, urlsplit

SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")


def _site_path(siteurl):
    """The path SITEURL's pages live under: "" for https://example.org, "/news" for …/news/."""
    return urlsplit(siteurl).path.rstrip("/") if siteurl else ""


def resolve(url, page, siteurl):
    """The release path (posix, relative) an internal URL names, or None when it is not
    internal; ``page`` is the relative path of the HTML file that holds the URL.

    Returns "" for a same-host URL outside SITEURL's path (e.g. ``/other/`` when
    SITEURL is ``https://example.org/news``).
    """
    if not url or url.startswith("#") or url.lower().startswith(SKIPPED_SCHEMES):
        return None
    parts = urlsplit(url)
    base_path = _site_path(siteurl)
    if parts.scheme or parts.netloc:  # absolute (or scheme-relative //host/…)
        site = urlsplit(siteurl) if siteurl else None
        if (not site or parts.scheme not in ("", "http", "https")
                or parts.netloc.lower() != site.netloc.lower()):
            return None  # another site
        path = parts.path or "/"
    elif parts.path.startswith("/"):
        path = parts.path
    elif parts.path:  # relative to the page
        path = posixpath.join(base_path + "/" + posixpath.dirname(page), parts.path)
    else:
        return None  # "?query" only: the page itself
    path = unquote(path)
    if base_path:
        if path != base_path and not path.startswith(base_path + "/"):
            return ""
        path = path[len(base_path):] or "/"
    directory = path.endswith("/")
    path = posixpath.normpath("/" + path.lstrip("/")).lstrip("/")  # "/../x" is "/x" too
    if not path:
        return "index.html"
    return posixpath.join(path, "index.html") if directory else path


def files_of(folder):
    """``(files, folders)``: the paths (posix, relative) of every file and folder under
    ``folder``."""
    files, folders = set(), set()
    for directory, subdirectories, names in os.walk(folder):
        relative = os.path.relpath(directory, folder)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        folders.update(prefix + name for name in subdirectories)
        files.update(prefix + name for name in names)
    return files, folders


def exists(path, files, folders):
    """Whether the release path ``path`` (:func:`resolve`) names a file of ``files``, or a
    folder of ``folders`` with its ``index.html``."""
    return path in files or (path in folders and f"{path}/index.html" in files)
