"""Templates compiled once, not once per generator and per build.

Pelican gives each generator its own Jinja environment, and each compiles every
template it renders (the base and its partials three times a build), on every
build. Jinja's own bytecode cache (``FileSystemBytecodeCache``) keeps the compiled
code of each template under the digest of its source, in
``WRITER_TEMPLATE_CACHE_PATH`` (default ``<CACHE_PATH>/templates``), in a folder per
Jinja version and ``JINJA_ENVIRONMENT`` (the options that change the code Jinja
writes); a template edited is compiled again. The render cache keeps its static
analysis of each template there too (:func:`analysis_path`), by the same rule.
"""

import os

import jinja2
from jinja2 import FileSystemBytecodeCache

from plugins.core.digest import hash_parts, plain


def folder(settings):
    """Where this build's compiled templates are kept (created)."""
    base = settings["WRITER_TEMPLATE_CACHE_PATH"] or os.path.join(settings["CACHE_PATH"],
                                                                  "templates")
    key = hash_parts(jinja2.__version__, plain(settings["JINJA_ENVIRONMENT"]))[:16]
    path = os.path.join(base, key)
    os.makedirs(path, exist_ok=True)
    return path


def analysis_path(settings):
    return os.path.join(folder(settings), "analysis.json")


def use_bytecode_cache(generator):
    """``generator_init``: the generator's environment loads compiled templates from the
    cache and adds those it compiles."""
    generator.env.bytecode_cache = FileSystemBytecodeCache(folder(generator.settings))
