"""The files editors upload for items to use (:func:`uploads`: the images' and the
attachments' folders), and a warning for each that no item uses (:func:`unused_uploads`):
the build does not publish it."""

import os

from plugins.contract.ahead import EXTENSIONS
from plugins.contract.check import linkable_folders
from plugins.core.files import ignored
from plugins.core.problems import WARNING, Problem


def uploads(settings):
    """Paths under content/ of the files editors upload for items to use: those in the
    folders the site publishes files from (images: STATIC_PATHS; documents:
    ATTACHMENTS_PATH; ``plugins.contract.check.linkable_folders``), in name order.
    Ignored names (``IGNORE_FILES``, files and folders, as Pelican walks them) are left
    out, and so are Markdown files (an article saved there: ``contract.ahead.misnamed``
    names it). The theme's files (favicon, logo, stylesheet) are never among them."""
    root, patterns = settings["PATH"], tuple(settings["IGNORE_FILES"])
    found = []
    for top in sorted(linkable_folders(settings)):
        for folder, folders, names in os.walk(os.path.join(root, top)):
            folders[:] = sorted(name for name in folders if not ignored(name, patterns))
            for name in names:
                stem, _, extension = name.rpartition(".")
                if ignored(name, patterns) or (stem and extension.lower() in EXTENSIONS):
                    continue
                found.append(os.path.relpath(os.path.join(folder, name), root)
                             .replace(os.sep, "/"))
    return sorted(set(found))


def unused_uploads(settings, used):
    """A warning for each of the :func:`uploads` that no item uses (``used``: the paths
    under content/ that the items, published or not, use: cover ``image``, ``{static}``
    links, ``attachments``): the build does not publish it (``plugins/static_assets``,
    ``plugins/attachments``), and it should not stay in the folder unseen: a photo
    uploaded by mistake, or left behind when it was taken out of its article. A file
    only drafts or scheduled items use is no problem: it is published with them. Not
    called when the content has errors (the build and ``invoke check`` alike): a file
    dropped, a link or an ``image`` written wrongly (``{static}/content/immagini/…``)
    may be the file's use, and the error says how to write it; "delete it" would be the
    wrong advice. A file a used symbolic link leads to (``immagini/logo.jpg`` →
    ``2025/logo.jpg``) is used: published under the link's name, and deleting it would
    break the link."""
    root = settings["PATH"]
    reached = {os.path.realpath(os.path.join(root, path)) for path in used
               if os.path.islink(os.path.join(root, path))}
    return [Problem(path, "file non usato da nessun articolo: non viene pubblicato; se"
                          " serve, collegalo da un articolo o da una pagina (con {static}"
                          " nel testo, `image` o `attachments`), altrimenti cancellalo /"
                          " file used by no item: not published; link it or delete it",
                    None, WARNING)
            for path in uploads(settings) if path not in used
            and os.path.realpath(os.path.join(root, path)) not in reached]
