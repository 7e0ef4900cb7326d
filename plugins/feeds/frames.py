"""A video an item's body embeds (``<iframe>``) as a link to it in the feeds
(:func:`frames_as_links`): feed readers' sanitizers drop iframes."""

import re

# An iframe of an item's body (the sanitizer writes it whole, attributes double-quoted)
# and its attributes.
FRAME_RE = re.compile(r"<iframe\b(?P<attributes>[^>]*)>.*?</iframe>", re.DOTALL)
FRAME_ATTRIBUTE_RE = re.compile(r'\s([a-z-]+)="([^"]*)"')


def frames_as_links(html):
    """The item's HTML with each ``<iframe>`` (a video from a host ``CONTRACT_IFRAME_HOSTS``
    allows) as a link to it, named by its title: "Guarda il video: La festa".

    Feed readers' sanitizers drop iframes (feedparser's, and the readers built on it): a
    subscriber read the text around a video that was not there, with nothing to say it
    was; readers that keep them load the video's host whenever the entry is shown."""
    if not html or "<iframe" not in html:
        return html

    def link(match):
        attributes = dict(FRAME_ATTRIBUTE_RE.findall(match["attributes"]))
        title = attributes.get("title", "").strip()  # HTML already, as the body wrote it
        text = f"Guarda il video: {title}" if title else "Guarda il video"
        return f'<a href="{attributes.get("src", "")}">{text}</a>'

    return FRAME_RE.sub(link, str(html))
