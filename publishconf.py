"""Production settings: only the differences from pelicanconf.py.

The public address comes from the SITEURL environment variable
(e.g. ``SITEURL=https://www.example.org invoke publish``).
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
# No exception to the Content-Security-Policy (pelicanconf.py allows the development
# server's reload script).
CSP_EXTRA_SOURCES = {}

# Drafts and future items: never written (pelicanconf already says so; repeated
# here because the public build must not depend on development defaults).
DRAFT_SAVE_AS = DRAFT_URL = DRAFT_LANG_SAVE_AS = DRAFT_LANG_URL = ""
DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_URL = DRAFT_PAGE_LANG_SAVE_AS = DRAFT_PAGE_LANG_URL = ""
WITH_FUTURE_DATES = False
CONTRACT_PREVIEW_DRAFTS = False
DELETE_OUTPUT_DIRECTORY = False
