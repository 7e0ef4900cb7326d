"""The SEO_* settings (listed with their meaning in README.md)."""

import re

from plugins.core import settings as core_settings
from plugins.italian.numbers import LOCALE

PREFIX = "SEO_"
DEFAULTS = {
    # Author names published as an Organization (the newsroom), not as a Person.
    "SEO_ORGANIZATION_AUTHORS": ["Redazione"],
    # The publisher's raster logo, a site path (theme/static/logo.png is written there).
    "SEO_LOGO": "theme/logo.png",
    # The picture of a shared link whose item has no cover (a site path, PNG or JPEG;
    # tools/make_logo.py draws it); empty: the logo.
    "SEO_SHARE_IMAGE": "theme/share-card.png",
    # og:locale; JSON-LD inLanguage is derived from it (it_IT -> it-IT). By default the
    # site's one Babel locale (plugins/italian).
    "SEO_LOCALE": LOCALE,
}
LOCALE_RE = re.compile(r"[a-z]{2,3}_[A-Z]{2}")


def check(settings):
    problems = []
    names = settings["SEO_ORGANIZATION_AUTHORS"]
    if isinstance(names, str) or not all(isinstance(name, str) for name in names):
        problems.append(("SEO_ORGANIZATION_AUTHORS", f"must be a list of names, not {names!r}"))
    logo = settings["SEO_LOGO"]
    if not isinstance(logo, str) or not logo.lower().endswith((".png", ".jpg", ".jpeg")):
        problems.append(("SEO_LOGO", f"must be the site path of a PNG or JPEG, not {logo!r}"))
    card = settings["SEO_SHARE_IMAGE"]
    if not isinstance(card, str) or card and not card.lower().endswith((".png", ".jpg", ".jpeg")):
        problems.append(("SEO_SHARE_IMAGE", "must be the site path of a PNG or JPEG, or empty, "
                                            f"not {card!r}"))
    locale = settings["SEO_LOCALE"]
    if not isinstance(locale, str) or not LOCALE_RE.fullmatch(locale):
        problems.append(("SEO_LOCALE", f"must look like it_IT, not {locale!r}"))
    return problems


def install(settings):
    return core_settings.install(settings, PREFIX, DEFAULTS, check)
