"""Editors' preview: drafts and future items are built and marked BOZZA.

Never publish with these settings (``invoke publish`` uses publishconf.py).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

CONTRACT_PREVIEW_DRAFTS = True  # drafts become visible items marked BOZZA
WITH_FUTURE_DATES = True  # future items are listed, marked BOZZA
SITESUBTITLE = "Anteprima – non pubblicato"
