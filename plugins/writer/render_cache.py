"""A page is rendered again only when something it shows has changed.

Pelican renders every template on every build; on a site of thousands of
articles that is most of a rebuild. :class:`RenderCache` keeps each rendered
page under a key made of:

- the build's *global digest*: every file of the theme, every module of
  plugins/, every setting (except the output and cache paths), Pelican's
  version (plugins.core.digest); any change there renders everything again;
- the template's name and the output file;
- a digest of each context value the template can read: the variable names
  are found by Jinja's own static analysis of the template and of every
  template it extends, includes or imports (``jinja2.meta``), so a page that
  never mentions ``articles`` does not depend on every article.

The page's own item (``article``, ``page``) is digested whole (its resolved
HTML, metadata and every attribute plugins gave them: attachments, related
lists…); every other item it reaches (the articles of a listing or paginator, a
related article, a translation) by what a page can show of them (URL, summary
``REF_FIELDS`` and ``WRITER_LISTED_FIELDS``: title, dates, category, authors, marks; a tag, category or author
by its name, URL and whether its page and feeds are written), so text further down
one article's body renders that article's page again and no listing. The digests are
memoised per build. ``tests/test_render_cache.py`` builds sites cold and warm
and compares every output file.
"""

import dataclasses
import json
import os
import shutil
from datetime import date, datetime
from functools import partial
from pathlib import Path

from jinja2 import meta
from markupsafe import Markup
from pelican.contents import Content
from pelican.paginator import Paginator
from pelican.urlwrappers import URLWrapper

from plugins.core.digest import code_digest, settings_digest
from plugins.core.digest import hash_parts as _hash
from plugins.core.files import keep
from plugins.core.terms import ATTRIBUTE as WRITTEN

from . import templates

SKIPPED_KEYS = {"settings", "_context", "_summary", "_content"}  # shared or re-derived
# What a page can show of another item (a card in a listing, a related article), of
# Pelican's own attributes; a plugin adds those it gives items with
# plugins.core.settings.listed_fields (WRITER_LISTED_FIELDS): article_meta its marks,
# visit_counter the earlier visits. A template that shows more of the items it lists
# must add them.
REF_FIELDS = ("title", "date", "modified", "category", "author", "authors", "status", "lang")
ANALYSES_KEPT = 1000  # templates' analyses kept (an edited template adds one)
KEEP_FOLDERS = 3  # global digests whose caches are kept (e.g. preview and public builds)


class Digester:
    """Stable text for any value a template may read; memoised per content item."""

    def __init__(self, fields=REF_FIELDS):
        self.fields = tuple(fields)  # what another page shows of an item (ref)
        self._items = {}  # id(item) -> digest of the whole item
        self._refs = {}  # id(item) -> digest of what another page shows of it
        self._shared = {}  # id(paginator or URL wrapper) -> digest
        self._keep = []  # the objects memoised: ids stay valid for the build

    def __call__(self, value):
        return self.stable(value, inside=False)

    def stable(self, value, inside):
        if value is None or isinstance(value, (bool, int, float)):
            return repr(value)
        if isinstance(value, (str, Markup)):
            return "s" + str(value)
        if isinstance(value, (datetime, date)):
            # with its type: a day written without a time (plugins.italian.dates.Day) is
            # shown otherwise than the same moment written as 00:00, and equal to it
            return "t" + type(value).__qualname__ + value.isoformat()
        if isinstance(value, Content):
            return self.ref(value) if inside else self.item(value)
        if isinstance(value, (URLWrapper, Paginator)):  # shared by many pages: once
            key = id(value)
            if key not in self._shared:
                self._keep.append(value)
                # a term by what a page shows of it: its name, and its link if its page
                # is written (plugins/core/terms.py)
                self._shared[key] = (_hash(type(value).__name__, value.name, value.url,
                                           self.stable(getattr(value, WRITTEN, None), True))
                                     if isinstance(value, URLWrapper) else
                                     _hash("paginator", self.stable(vars(value), True)))
            return self._shared[key]
        if isinstance(value, dict):
            return _hash("{", *(f"{key}={self.stable(item, True)}"
                                for key, item in sorted(value.items(), key=lambda kv: str(kv[0]))
                                if key not in SKIPPED_KEYS))
        if isinstance(value, (list, tuple)):
            return _hash("[", *(self.stable(item, True) for item in value))
        if isinstance(value, (set, frozenset)):
            return _hash("(", *sorted(self.stable(item, True) for item in value))
        if isinstance(value, partial):
            return _hash("partial", self.stable(value.func, True),
                         self.stable(value.args, True), self.stable(value.keywords, True))
        if callable(value) and hasattr(value, "__qualname__"):
            return f"f{getattr(value, '__module__', '')}.{value.__qualname__}"
        if hasattr(value, "__html__") and hasattr(value, "article"):
            return "h" + type(value).__qualname__  # article_meta's lead/body: from the item
        if dataclasses.is_dataclass(value) or hasattr(value, "__dict__"):
            return _hash(type(value).__qualname__, self.stable(vars(value), True))
        return "r" + type(value).__qualname__

    def item(self, item):
        key = id(item)
        if key not in self._items:
            self._keep.append(item)
            self._items[key] = _hash("item", item.url or "", item.save_as or "", item.content,
                                     self.stable(vars(item), inside=True))
        return self._items[key]

    def ref(self, item):
        key = id(item)
        if key not in self._refs:
            self._keep.append(item)
            shown = {name: getattr(item, name, None) for name in self.fields}
            self._refs[key] = _hash("ref", item.url or "", self.stable(shown, inside=True),
                                    str(item.metadata.get("summary", "")))
        return self._refs[key]


class RenderCache:
    """Rendered pages on disk, under ``<CACHE_PATH>/render-<global digest>/``."""

    def __init__(self, settings):
        self.settings = settings
        self.global_digest = _hash(code_digest(settings["THEME"]), settings_digest(settings))
        root = Path(settings["CACHE_PATH"])
        self.folder = root / f"render-{self.global_digest[:16]}"
        self.folder.mkdir(parents=True, exist_ok=True)
        os.utime(self.folder)
        self._prune(root)
        self.digest = Digester(REF_FIELDS + tuple(settings["WRITER_LISTED_FIELDS"]))
        self._names = {}  # template name -> names it (and all it uses) can read
        self._analysis_path = templates.analysis_path(settings)
        self._parsed = self._load_parsed()  # digest of name and source -> [names, referenced]
        self.last = None  # (text, path) of the page rendered last: see take_last

    def _prune(self, root):
        folders = sorted((p for p in root.glob("render-*") if p.is_dir()),
                         key=lambda p: p.stat().st_mtime, reverse=True)
        for old in folders[KEEP_FOLDERS:]:
            shutil.rmtree(old, ignore_errors=True)

    def _load_parsed(self):
        """The templates' static analysis, kept by the digest of each one's source."""
        try:
            with open(self._analysis_path, encoding="utf-8") as handle:
                return json.load(handle)
        except (OSError, ValueError):
            return {}

    def _analysis(self, environment, name):
        """``[names it reads, templates it references]`` of one template (not followed)."""
        source, filename, _ = environment.loader.get_source(environment, name)
        key = _hash(name, source)
        if key not in self._parsed:
            tree = environment.parse(source, name, filename)  # errors name the template
            self._parsed[key] = [sorted(meta.find_undeclared_variables(tree)),
                                 [ref for ref in meta.find_referenced_templates(tree) if ref]]
            kept = dict(list(self._parsed.items())[-ANALYSES_KEPT:])  # the newest
            keep(self._analysis_path, json.dumps(kept).encode("utf-8"))
        return self._parsed[key]

    def names(self, template):
        """The context variables ``template`` (and all it uses) can read."""
        if template.name not in self._names:
            seen, names, pending = set(), set(), [template.name]
            while pending:
                name = pending.pop()
                if name not in seen:
                    seen.add(name)
                    found, referenced = self._analysis(template.environment, name)
                    names.update(found)
                    pending += referenced
            self._names[template.name] = sorted(names)
        return self._names[template.name]

    def key(self, template, context):
        settings = self.settings
        values = [f"{name}={self.digest(context[name])}" for name in self.names(template)
                  if name in context  # the settings are in the global digest already
                  and not (name in settings and context[name] is settings[name])]
        return _hash(self.global_digest, template.name, str(context.get("output_file")),
                     *values)

    def render(self, template, context):
        """The page's text; :attr:`last` is then ``(text, file of the cache holding it)``."""
        key = self.key(template, context)
        path = self.folder / key[:2] / f"{key}.html"
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            text = template.render(context)
            keep(path, text.encode("utf-8"))
        self.last = (text, path)
        return text

    def take_last(self):
        """``(text, path)`` of the page rendered last, once (None after that)."""
        last, self.last = self.last, None
        return last


class CachedTemplate:
    """Stands in for a Jinja template in Pelican's writer: ``render`` asks the cache."""

    def __init__(self, template, cache):
        self.template = template
        self.cache = cache
        self.name = template.name

    def render(self, context):
        return self.cache.render(self.template, context)
