"""The ADMIN_* settings (listed with their meaning in README.md)."""

import posixpath
import re

from plugins.core import settings as core_settings
from plugins.core.urls import LOOPBACK, http_address

PREFIX = "ADMIN_"
FOLDER = "admin"  # the editor's address: /admin/ (robots.txt and the sitemap exclude it)
BACKENDS = ("gitlab", "github", "gitea")
DEFAULTS = {
    "ADMIN_ENABLED": True,  # write the web editor into admin/
    "ADMIN_BACKEND": "gitlab",  # the git host editors log in to: gitlab, github or gitea
    "ADMIN_REPO": "",  # "group/project" on that host; empty: only the local backend works
    "ADMIN_BRANCH": "main",  # the branch the editor commits to (CI publishes it)
    "ADMIN_APP_ID": "",  # OAuth application ID (GitLab, Gitea: PKCE, no secret)
    "ADMIN_BASE_URL": "",  # the host (self-hosted GitLab, Gitea) or GitHub's OAuth proxy
    "ADMIN_API_ROOT": "",  # the host's API, when not derived from ADMIN_BASE_URL
    "ADMIN_AUTH_ENDPOINT": "",  # path of the OAuth endpoint, when not the backend's default
    # decap-server's API (./run livereload starts it), on loopback only; "": off
    "ADMIN_LOCAL_BACKEND": "",
    # the site's stylesheets in the editor's preview, relative to the site's root
    "ADMIN_PREVIEW_CSS": ["css/site.css"],
    # category folder -> the name of one item ("Notizia"); default: the category's name
    "ADMIN_LABELS_SINGULAR": {},
    # PATH as a path from the repository's root (the git host and decap-server see that)
    "ADMIN_CONTENT_DIR": "content",
    # node_modules/decap-cms/dist of the project (npm ci); set only to use another copy
    "ADMIN_BUNDLE_PATH": "",
    # Decap fields of the front-matter keys other plugins add to the contract, shown
    # before "Stato"; filled by plugins through add_field(), not by hand
    "ADMIN_EXTRA_FIELDS": [],
}
REPO_RE = re.compile(r"[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+")
URLS = ("ADMIN_BASE_URL", "ADMIN_API_ROOT")


def url_problem(value, loopback_only=False):
    """Why ``value`` is not an http(s) address with a host (None when it is one)."""
    parts = http_address(value)
    if parts is None:
        return f"{value!r} is not an http(s) address"
    if parts.username or parts.password:
        return "must not carry a user name or password: every editor's browser sees it"
    if parts.query or parts.fragment:
        return f"{value!r} must not have a query or a fragment"
    if loopback_only and parts.hostname not in LOOPBACK:
        return (f"{value!r} must be on this machine (localhost, 127.0.0.1 or [::1]):"
                " decap-server has no login, anyone reaching it can write the content")
    if not loopback_only and parts.scheme == "http" and parts.hostname not in LOOPBACK:
        return f"{value!r} must be an https:// address"
    return None


def _relative_folder(value):
    return (isinstance(value, str) and value.strip("/") and not value.startswith("/")
            and ".." not in posixpath.normpath(value).split("/"))


def check(settings):
    """``[(setting name, problem)]`` for the ADMIN_* settings; cleans URLs in place."""
    problems = []
    if settings["ADMIN_BACKEND"] not in BACKENDS:
        problems.append(("ADMIN_BACKEND", f"must be one of {', '.join(BACKENDS)},"
                                          f" not {settings['ADMIN_BACKEND']!r}"))
    repo = settings["ADMIN_REPO"]  # text (core.settings.install), as every text setting
    if repo and not REPO_RE.fullmatch(repo):
        problems.append(("ADMIN_REPO", f"must be the repository as owner/name, not {repo!r}"))
    if not settings["ADMIN_BRANCH"]:
        problems.append(("ADMIN_BRANCH", "must name a branch"))
    for name in URLS:
        value = settings[name]
        problem = url_problem(value) if value else None
        if problem:
            problems.append((name, problem))
        elif value:
            settings[name] = value.rstrip("/")
    local = settings["ADMIN_LOCAL_BACKEND"]
    problem = url_problem(local, loopback_only=True) if local else None
    if problem:
        problems.append(("ADMIN_LOCAL_BACKEND", problem))
    css = settings["ADMIN_PREVIEW_CSS"]
    if not isinstance(css, (list, tuple)) or not all(_relative_folder(c) for c in css):
        problems.append(("ADMIN_PREVIEW_CSS", "must be a list of paths under the theme's"
                                              f" static folder, not {css!r}"))
    labels = settings["ADMIN_LABELS_SINGULAR"]
    if not core_settings.text_map(labels):
        problems.append(("ADMIN_LABELS_SINGULAR", "must map category folders to names,"
                                                  f" not {labels!r}"))
    if not _relative_folder(settings["ADMIN_CONTENT_DIR"]):
        problems.append(("ADMIN_CONTENT_DIR", "must be a folder relative to the repository's"
                                              f" root, not {settings['ADMIN_CONTENT_DIR']!r}"))
    extra = settings["ADMIN_EXTRA_FIELDS"]
    if not isinstance(extra, (list, tuple)) or not all(
            isinstance(field, dict) and isinstance(field.get("name"), str) for field in extra):
        problems.append(("ADMIN_EXTRA_FIELDS", f"must be a list of Decap fields (dicts with a"
                                               f" name), not {extra!r}"))
    return problems


def add_field(settings, field):
    """Show ``field`` (a Decap field: ``{"label", "name", "widget", …}``) in the web
    editor's forms of articles and pages, for a plugin that adds a front-matter key
    (``plugins.contract.settings.add_key``), at ``initialized``, in whichever order the
    plugins start. A field of the same name is replaced; a new list (the one in the
    settings may be a settings module's own)."""
    fields = [f for f in settings.get("ADMIN_EXTRA_FIELDS") or () if f["name"] != field["name"]]
    settings["ADMIN_EXTRA_FIELDS"] = [*fields, field]


def install(settings):
    """``initialized``: defaults and checks; the content folder without slashes around
    it; the editor's folder reserved."""
    core_settings.install(settings, PREFIX, DEFAULTS, check)
    settings["ADMIN_CONTENT_DIR"] = settings["ADMIN_CONTENT_DIR"].strip("/")
    if settings["ADMIN_ENABLED"]:  # the editor's folder: no page may be written there
        core_settings.reserve(settings, FOLDER)
    return settings
