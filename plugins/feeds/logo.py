"""The site's logo as the feeds name it (Atom ``<icon>``, RSS ``<image>``): its absolute
address and its size within RSS's limits, measured once per build (:func:`feed_logo`)."""

from PIL import Image, UnidentifiedImageError

from plugins.assets import published_file
from plugins.core.settings import loaded_setting
from plugins.core.urls import site_address

RSS_IMAGE_MAX = (144, 400)  # RSS 2.0: an <image> is at most 144 wide and 400 high
LOGO_KEY = "feeds_logo"  # the build's context: the Logo, measured once


class Logo:
    """The site's logo for the feeds: absolute ``url``, and a ``width`` and ``height``
    within RSS's limits (0 when the file cannot be measured)."""

    def __init__(self, url, size):
        self.url = url
        width, height = size
        scale = min(1, RSS_IMAGE_MAX[0] / width, RSS_IMAGE_MAX[1] / height) if width else 0
        self.width, self.height = round(width * scale), round(height * scale)


def feed_logo(context):
    """The site's logo (``SEO_LOGO``, a PNG or JPEG: readers take no SVG) as a
    :class:`Logo`, or None without one."""
    if LOGO_KEY not in context:
        path = str(loaded_setting(context, "SEO_LOGO") or "").lstrip("/")
        logo = None
        if path and site_address(context):
            size = (0, 0)
            source = published_file(context, path)
            if source:
                try:
                    with Image.open(source) as image:
                        size = image.size
                except (OSError, UnidentifiedImageError):
                    pass  # named, not measured: no size given
            logo = Logo(f"{site_address(context)}/{path}", size)
        context[LOGO_KEY] = logo
    return context[LOGO_KEY]
