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

from plugins.core.settings import require

from . import settings
from .output import get_generators

# The configuration reads CONTRACT_CATEGORY_NAMES and ATTACHMENTS_PATH.
REQUIRES = ("plugins.contract", "plugins.attachments")


def initialize(pelican):
    require(pelican, __name__, REQUIRES)
    settings.install(pelican.settings)


def register():
    signals.initialized.connect(initialize)
    signals.get_generators.connect(get_generators)
