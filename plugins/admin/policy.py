"""The Content-Security-Policy of ``/admin/``: what Decap CMS needs and nothing more.

Measured directive by directive in headless Chromium (login, list, new entry, PDF and
image upload, rich text, preview, publish; no violation with this policy, a broken
editor without any one of its allowances):

- ``script-src 'unsafe-eval'``: the CMS compiles its configuration schema with
  ``new Function`` (ajv); without it the page stays blank;
- ``style-src 'unsafe-inline'``: every style of the interface is an injected
  ``<style>`` (emotion); without it the editor is unstyled and unusable;
- ``img-src blob:`` and ``connect-src blob:``: uploads are shown from, and saved by
  fetching, their ``blob:`` URLs;
- ``connect-src`` the local backend (development) and the git host's API
  (production, only when ``ADMIN_REPO`` is set); ``img-src`` the host's avatars.

The same policy goes into ``admin/index.html`` as a ``<meta>`` tag, which cannot
carry ``frame-ancestors``: :func:`header` adds it for the web server's header.
"""

from plugins.csp.policy import origin  # the one way a policy names a host

from . import config


def _unique(values):
    """``values`` in order, once each, without the hosts a policy cannot name (None)."""
    return [value for value in dict.fromkeys(values) if value]


def backend_sources(settings):
    """``(connect-src, img-src)`` sources of the git host; none without ``ADMIN_REPO``."""
    if not settings["ADMIN_REPO"]:
        return [], []
    name, base = settings["ADMIN_BACKEND"], settings["ADMIN_BASE_URL"]
    api = config.api_root(settings)
    if name == "github":  # base: the OAuth proxy, reached in a pop-up window only
        return _unique([origin(api or config.GITHUB_API), config.GITHUB_STATUS]), \
            [config.GITHUB_AVATARS]
    host = origin(base or config.GITLAB) if base or name == "gitlab" else None
    connect = [origin(api)] if api else []
    connect += [host] if host else []  # the OAuth token is fetched from the host
    images = [host] if host else []
    if name == "gitlab":
        images.append(config.GRAVATAR)
    return _unique(connect), _unique(images)


def directives(settings):
    """The policy as ``[(directive, [sources])]``, for the ``<meta>`` tag."""
    connect, images = backend_sources(settings)
    local = settings["ADMIN_LOCAL_BACKEND"]
    return [
        ("default-src", ["'self'"]),
        ("script-src", ["'self'", "'unsafe-eval'"]),
        ("style-src", ["'self'", "'unsafe-inline'"]),
        ("img-src", ["'self'", "blob:", *images]),
        ("connect-src", _unique(["'self'", "blob:", *([origin(local)] if local else []),
                                 *connect])),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
    ]


def meta(settings):
    """The policy of ``admin/index.html``'s ``<meta http-equiv>`` tag."""
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives(settings))


def header(settings):
    """The policy for the web server's ``Content-Security-Policy`` header on ``/admin/``."""
    return meta(settings) + "; frame-ancestors 'none'"
