"""Share links: plain ``<a href>`` addresses of each service's own share page.

No service's script, button or image is loaded: the reader's browser opens the
service only when the reader follows the link. Each address is documented by its
service (X: Web Intent; Facebook: sharer.php; LinkedIn: share-offsite; Telegram:
t.me/share; WhatsApp: wa.me "click to chat"; e-mail: RFC 6068 mailto).
"""

from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True)
class ShareLink:
    service: str  # CSS class suffix and test handle
    label: str  # the link's text: "Condividi su Facebook"
    href: str


@dataclass(frozen=True)
class Sharing:
    url: str = ""  # the page's absolute address ("Copia link" copies it)
    links: tuple = ()  # ShareLink, one per service
    title: str = ""  # the page's title, plain text (the Web Share API's title)


def encode(text):
    """One query value: percent-encoded UTF-8, spaces as %20 (mailto: has no "+")."""
    return quote(str(text), safe="")


def share_links(url, title):
    """The share links for the page at absolute ``url`` titled ``title`` (plain text)."""
    if not url:
        return ()
    u, t = encode(url), encode(title)
    body = encode(title + "\r\n\r\n" + url)  # RFC 6068: CRLF line breaks
    message = encode(title + " " + url)
    return (
        ShareLink("email", "Invia per e-mail", f"mailto:?subject={t}&body={body}"),
        ShareLink("whatsapp", "Condividi su WhatsApp", f"https://wa.me/?text={message}"),
        ShareLink("telegram", "Condividi su Telegram",
                  f"https://t.me/share/url?url={u}&text={t}"),
        ShareLink("facebook", "Condividi su Facebook",
                  f"https://www.facebook.com/sharer/sharer.php?u={u}"),
        ShareLink("x", "Condividi su X", f"https://x.com/intent/tweet?url={u}&text={t}"),
        ShareLink("linkedin", "Condividi su LinkedIn",
                  f"https://www.linkedin.com/sharing/share-offsite/?url={u}"),
    )
