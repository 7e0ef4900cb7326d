"""The web editor at ``/admin/``: Decap CMS, for editors who never use git. README.md.

Modules, one concern each:

- ``settings``: the ADMIN_* settings (git host, local backend, preview styles);
- ``config``: ``admin/config.yml`` from the site's settings (pure functions);
- ``policy``: the Content-Security-Policy the CMS needs (pure functions);
- ``bundle``: the CMS's code, installed by ``npm ci`` from the committed lockfile;
- ``output``: the generator writing ``admin/`` (signal ``get_generators``).

``static/scripts/`` (one concern each: preview styles and templates, the checks before
a save…; ``output.SCRIPTS``), joined into ``admin/admin.js``, and ``templates/index.html``,
rendered, are written into ``admin/``.
The local backend, decap-server, is started by ``tools/cms_server.py``.
"""

from pelican import signals

from plugins.core.settings import start

from .output import get_generators

# The configuration reads CONTRACT_CATEGORY_NAMES and ATTACHMENTS_PATH; the editor's
# folder is reserved (CONTENT_CHECKS_RESERVED_PATHS) and its scripts get content_checks'
# reserved addresses.
REQUIRES = ("plugins.contract", "plugins.attachments", "plugins.content_checks")


def initialize(pelican):
    start(pelican, __name__)


def register():
    signals.initialized.connect(initialize)
    signals.get_generators.connect(get_generators)
