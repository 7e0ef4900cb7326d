"""A value as a front-matter line is to hold it: what YAML reads of a value, and a value
written (as typed, or between straight quotes) so that YAML reads it back as typed.
The lines "to write" of the front matter's messages are made with these."""

import re

import yaml

from .textloader import TextLoader

# an item between quotes, closed
QUOTED_ITEM_RE_PATTERN = r"'(?:[^'\n]|'')*'|\"(?:[^\"\\\n]|\\.)*\""
QUOTED_ITEM_RE = re.compile(QUOTED_ITEM_RE_PATTERN)
# what a value quoted with ' or " holds once its quotes are gone: '' is one apostrophe,
# \" one quote (moved between the other quotes, they would be published doubled, escaped)
UNESCAPED = {"'": lambda inner: inner.replace("''", "'"),
             '"': lambda inner: inner.replace('\\"', '"')}


def unquoted_item(item):
    """``item`` of a list between square brackets without the quotes around it."""
    if len(item) > 1 and item[0] in "'\"" and item.endswith(item[0]):
        return UNESCAPED[item[0]](item[1:-1])
    return item


UNREADABLE = object()


def read_value(value):
    """What YAML reads of ``value`` as a front-matter line's value, or ``UNREADABLE``."""
    try:
        return yaml.load(f"value: {value}", Loader=TextLoader)["value"]
    except yaml.YAMLError:
        return UNREADABLE


def reads_back(value):
    """Whether ``value`` is a front-matter line's value YAML reads."""
    return read_value(value) is not UNREADABLE


def quoted(value):
    """``value`` between straight quotes, as YAML reads it back."""
    if '"' in value and "'" not in value:  # Nota "bene": x, without backslashes
        return f"'{value}'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def written_value(text, in_list=False):
    """``text`` as a front-matter line's value (``in_list``: an item of ``[…]``) that YAML
    reads back as ``text``: as it is when it can be, else between straight quotes
    (``*Novità* a Crema``, ``Festa #1``; in a list ``Crema, Cremona``)."""
    written, meant = (f"[{text}]", [text]) if in_list else (text, text)
    return text if read_value(written) == meant else quoted(text)


def typed_form(value, item=False):
    """``value`` as read from the front matter (text, lists and mappings of them, null)
    shown as the editor wrote it, for a message, never in Python's form (``{'si': 'no'}``,
    ``['true', None]``): null is empty, ``true``/``false`` stay so, a list is ``[a, b]``, a
    mapping ``{key: value}`` (a key whose value is null alone, ``{Cremona}``), inside too.
    ``item``: ``value`` is an entry of a list, where a mapping of one pair is written
    without braces, ``key: value`` (``- /vecchio.html:``, ``[/a.html: x]``)."""
    if isinstance(value, dict):
        if item and len(value) == 1:
            [(name, held)] = value.items()
            return f"{typed_form(name)}:" + (f" {typed_form(held)}" if held is not None
                                               else "")
        return "{" + ", ".join(typed_form(name) if held is None
                               else f"{typed_form(name)}: {typed_form(held)}"
                               for name, held in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(typed_form(entry) for entry in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value).strip()


def without_curly(value):
    """``value`` without the curly quotes (“…”, ‘…’) a word processor made of the straight
    ones typed to enclose it: the pair around the whole value, or a single one never
    closed before apostrophes ("‘L’estate: all’oratorio", as for "'L'estate…" typed straight);
    apostrophes (L’estate) close nothing. A value that quotes something and goes on
    ("“Festa” in piazza"), or opens with a quote alone, is kept whole."""
    if value[:1] not in ("“", "‘", "„", "‚"):
        return value
    closing = "”“" if value[0] in "“„" else "’‘"
    inside = [position for position, char in enumerate(value[1:], start=1)
              if char in closing and not (char == "’" and value[position - 1].isalnum()
                                          and value[position + 1:position + 2].isalnum())]
    if not inside and closing == "’‘" and "’" in value[1:]:
        return value[1:].strip()
    if inside == [len(value) - 1] and value[1:-1].strip():
        return value[1:-1].strip()
    return value
