"""Content-Security-Policy in every page: the ``content_security_policy`` Jinja global.

Signal ``initialized``: the ``CSP_*`` settings (:mod:`.settings`) and the global
``content_security_policy(wasm=False)``, which renders
``<meta http-equiv="Content-Security-Policy" content="…">`` (:mod:`.policy`) from
the page's settings: the site's own origin (SITEURL) beside ``'self'``, the visit
counter's origin when VISIT_COUNTER_URL is set,
``'wasm-unsafe-eval'`` when ``wasm`` is true, ``CSP_EXTRA_SOURCES``. ``base.html``
calls it first thing in ``<head>`` after ``<meta charset>`` (which must end within the
first 1024 bytes: a long policy pushed it past them) with
``wasm=csp_wasm|default(false)``; a template sets ``{% set csp_wasm = true %}`` at its
top level to allow WebAssembly (the search page). With ``CSP_META = False`` it renders nothing.

The Jinja global ``referrer_policy()`` renders ``<meta name="referrer" content="…">``
with :data:`.policy.REFERRER_POLICY`, the value of deploy/nginx.conf's Referrer-Policy
header, so hosts that send no such header (GitHub Pages) apply it too; ``base.html``
calls it right after the policy (it is written whatever ``CSP_META`` says).

What a ``<meta>`` policy cannot carry (``frame-ancestors``) and the other security
headers are the web server's: ``deploy/nginx.conf``.
"""

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals

from plugins.core.settings import add_filters, loaded_setting, start

from .policy import REFERRER_POLICY, frozen, policy

META = Markup('<meta http-equiv="Content-Security-Policy" content="{}">')
REFERRER_META = Markup('<meta name="referrer" content="{}">').format(REFERRER_POLICY)


@pass_context
def content_security_policy(context, wasm=False):
    """The page's ``<meta>`` policy (``Markup``), or ``""`` when CSP_META is off."""
    if not context["CSP_META"]:
        return ""
    text = policy(loaded_setting(context, "VISIT_COUNTER_URL") or "", bool(wasm),
                  frozen(context["CSP_EXTRA_SOURCES"]), context.get("SITEURL") or "")
    return META.format(text)


def referrer_policy():
    """The page's ``<meta name="referrer">`` (``Markup``): :data:`.policy.REFERRER_POLICY`."""
    return REFERRER_META


def initialize(pelican):
    start(pelican, __name__)
    add_filters(pelican.settings, {"content_security_policy": content_security_policy,
                                    "referrer_policy": referrer_policy},
                key="JINJA_GLOBALS")


def register():
    signals.initialized.connect(initialize)
