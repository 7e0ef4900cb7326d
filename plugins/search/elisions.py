"""Elisions split: Pagefind takes the typographic apostrophe for a letter, so in what it
is given an apostrophe between two letters is the ASCII one (:func:`split_elisions` for a
page's HTML, :data:`ELISION_RE` for a PDF's text, :func:`title_elisions` for a record's
title)."""

import re

# Pagefind takes the typographic apostrophe for a letter: "dell’aeroporto" was one word,
# and "aeroporto" found nothing. In the text it indexes (never in tags) and in the title
# and tags (metadata searched as text: the <h1> and the tags' list are not indexed text,
# plugins/search/README.md) an apostrophe between letters is the ASCII one, where Pagefind
# splits words; the search page turns a typed ’ into ' too, and shows ’ again in titles
# and excerpts (cerca.js).
ELISION_RE = re.compile("(?<=\\w)\u2019(?=(?:<[^<>]*>)*\\w)")  # dell’<em>ecomuseo too
_TEXT_META_RE = re.compile(r'(data-pagefind-meta="(?:title|argomenti):)([^"]*)')


def split_elisions(html):
    """``html`` with each ’ between two letters of its text (not of its tags, but for the
    title and the tags given as metadata, ``data-pagefind-meta="title:…"``,
    ``"argomenti:…"``) made '. (A PDF's text, which
    is not HTML, takes ``ELISION_RE.sub`` whole: a "<" in it is text; so does its title.)"""
    if "\u2019" not in html:
        return html
    parts, last = [], 0
    for match in ELISION_RE.finditer(html):
        at = match.start()
        if html.rfind("<", 0, at) > html.rfind(">", 0, at):  # inside a tag
            continue
        parts += [html[last:at], "'"]
        last = at + 1
    html = "".join(parts) + html[last:]
    return _TEXT_META_RE.sub(lambda match: match[1] + ELISION_RE.sub("'", match[2]), html)


def title_elisions(meta):
    """A record's ``meta`` with its title's elisions split (split_elisions)."""
    if "title" not in meta:
        return meta
    return {**meta, "title": ELISION_RE.sub("'", meta["title"])}
