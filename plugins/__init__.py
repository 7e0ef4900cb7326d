"""The site's own Pelican plugins, one package per concern (see README.md).

``plugins`` is a package so that plugins import each other and the shared
``plugins.core`` explicitly (``from plugins.core import items``), without any
``sys.path`` changes: pelicanconf.py lists them as ``plugins.<name>`` and sets
``PLUGIN_PATHS`` to the project folder.
"""
