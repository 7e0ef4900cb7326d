"""Production settings: only the differences from pelicanconf.py.

The public address comes from the SITEURL environment variable
(e.g. ``SITEURL=https://www.example.org ./run publish``).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False

# Visit counter: the GoatCounter address, e.g. VISIT_COUNTER_URL=https://stats.example.org
# (plugins/visit_counter/README.md); unset, pages carry no counter and no script.
VISIT_COUNTER_URL = os.environ.get("VISIT_COUNTER_URL", "")
VISIT_COUNTER_COUNT_LOCAL = False

# Web editor (plugins/admin/README.md, "Production"): no local backend; the git host
# editors log in to comes from the environment: ADMIN_BACKEND (gitlab, github, gitea),
# ADMIN_REPO (group/project), ADMIN_BRANCH, ADMIN_APP_ID, ADMIN_BASE_URL, ADMIN_API_ROOT,
# ADMIN_AUTH_ENDPOINT. None of them is a secret.
ADMIN_LOCAL_BACKEND = ""
for _name in ("ADMIN_BACKEND", "ADMIN_REPO", "ADMIN_BRANCH", "ADMIN_APP_ID", "ADMIN_BASE_URL",
              "ADMIN_API_ROOT", "ADMIN_AUTH_ENDPOINT"):
    if os.environ.get(_name):
        globals()[_name] = os.environ[_name]

# Drafts and future items: never written (pelicanconf already says so; repeated
# here because the public build must not depend on development defaults).
DRAFT_SAVE_AS = DRAFT_URL = DRAFT_LANG_SAVE_AS = DRAFT_LANG_URL = ""
DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_URL = DRAFT_PAGE_LANG_SAVE_AS = DRAFT_PAGE_LANG_URL = ""
WITH_FUTURE_DATES = False
CONTRACT_PREVIEW_DRAFTS = False
DELETE_OUTPUT_DIRECTORY = False
