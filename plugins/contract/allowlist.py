"""The HTML an editor may write in a body: one allowlist, :data:`ALLOWED`.

Markdown passes raw HTML through, so an article could carry a script, an event
handler or a ``javascript:`` link. The rendered HTML is checked against
:data:`ALLOWED` (:func:`plugins.contract.body.check_html`): what Python-Markdown
produces plus what editors need (tables, ``<figure>``, ``<abbr>``, ``<details>``), and
the addresses' :data:`SCHEMES`; anything outside it is a content error. The sanitizer
(:func:`plugins.contract.sanitizer.sanitize`) publishes the body within the same allowlist,
and the web editor (plugins/admin) is given it.
"""

# translate="no": a name a browser's page translation must leave as it is (the site marks
# its own ITALIAN_PROPER_NAMES so; an editor may mark another)
GLOBAL_ATTRIBUTES = {"id", "class", "title", "lang", "dir", "translate"}
ALLOWED = {
    # tag: attributes besides the global ones
    **{tag: set() for tag in (
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u",
        "s", "del", "ins", "mark", "small", "sub", "sup", "code", "pre", "kbd", "samp", "var",
        "span", "div", "ul", "dl", "dt", "dd", "figure", "figcaption", "table", "thead",
        "tbody", "tfoot", "tr", "caption", "summary", "cite", "section")},
    "a": {"href", "rel", "hreflang", "type", "download"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "th": {"colspan", "rowspan", "scope", "headers", "align"},
    "td": {"colspan", "rowspan", "headers", "align"},
    "col": {"span"}, "colgroup": {"span"},
    "abbr": {"title"}, "dfn": {"title"},
    "time": {"datetime"},
    "blockquote": {"cite"}, "q": {"cite"},
    "details": {"open"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "loading",
               "referrerpolicy"},
}
URL_ATTRIBUTES = {"href", "src", "cite"}
SCHEMES = {"http", "https", "mailto", "tel"}

# What an allowed video's <iframe> may ask of the reader's browser: the features a
# player's embed code names (YouTube's: accelerometer, autoplay, clipboard-write,
# encrypted-media, gyroscope, picture-in-picture, web-share; Vimeo's: fullscreen too),
# nothing more. Its allow="camera; geolocation; display-capture…" would let the video's
# site ask the reader for them (where the server sends no Permissions-Policy: GitHub
# Pages) and its allow="browsing-topics" read the page for advertising interests.
IFRAME_FEATURES = {"accelerometer", "autoplay", "clipboard-write", "encrypted-media",
                   "fullscreen", "gyroscope", "picture-in-picture", "web-share"}
# The referrer policies that send the video's site the whole address of the page, its
# query included (the pages' own sends at most this site's origin: plugins/csp); HTML
# allows them, the site does not.
LEAKING_REFERRER_POLICIES = {"unsafe-url", "no-referrer-when-downgrade"}
