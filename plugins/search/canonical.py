"""Pagefind's bundle in one order: two builds of the same pages write the same bytes.

Pagefind 1.5.2 keeps a filter's values, and the filters themselves, in hash maps whose
order changes from run to run (its own source says so: "Change filter indexes to BTree to
give them a stable hash"). So each ``filter/*.pf_filter`` file lists the values in another
order, its name (a hash of its bytes) changes, and so do the meta file that names the
filters (``pagefind.<hash>.pf_meta``) and the entry file that names the meta file. The
values, and which pages have each, are the same: only their order differs.

:func:`canonical` puts them in one order (filters and sorts by name, a filter's values
by value) and names each file as Pagefind names it (``<language>_`` and the start of the
SHA-1 of its uncompressed bytes, as Pagefind writes that digest), so the bundle is what
Pagefind would write if its maps were ordered. Nothing else is decoded or re-encoded:
the arrays' items are moved as they are (CBOR, definite lengths, as Pagefind's minicbor
writes them), and a bundle of another shape is returned unchanged, with a reason.
"""

import gzip
import hashlib
import json

FORMAT = 1  # change when the order changes: bundles kept in the cache are made again
SIGNATURE = b"pagefind_dcd"  # before the CBOR of every compressed file (Pagefind 1.x)
ENTRY = "pagefind-entry.json"
FILTERS, SORTS = 3, 4  # the meta file's array: version, pages, index chunks, filters, sorts…
FILTER_DIGITS = 7  # a filter file's name: "<language>_" and 7 hex digits (Pagefind's)


class Unexpected(ValueError):
    """A bundle this module does not know how to read: it is left as Pagefind wrote it."""


def _head(data, pos):
    """``(major type, argument, position after the head)`` of the CBOR item at ``pos``."""
    if pos >= len(data):
        raise Unexpected("CBOR cut short")
    major, info = data[pos] >> 5, data[pos] & 31
    if info < 24:
        return major, info, pos + 1
    if info > 27:
        raise Unexpected("CBOR of indefinite length")
    size = 1 << (info - 24)
    if pos + 1 + size > len(data):
        raise Unexpected("CBOR cut short")
    return major, int.from_bytes(data[pos + 1:pos + 1 + size], "big"), pos + 1 + size


def _end(data, pos):
    """Where the CBOR item at ``pos`` ends."""
    major, argument, pos = _head(data, pos)
    if major in (0, 1, 7):  # integers, simple values and floats: the head holds them
        return pos
    if major in (2, 3):  # bytes, text
        if pos + argument > len(data):
            raise Unexpected("CBOR cut short")
        return pos + argument
    if major in (4, 5):  # array, map (two items per entry)
        for _ in range(argument * (2 if major == 5 else 1)):
            pos = _end(data, pos)
        return pos
    return _end(data, pos)  # a tag: its item follows


def _items(data, pos=0):
    """``(head, [each item's bytes])`` of the CBOR array at ``pos``."""
    major, count, start = _head(data, pos)
    if major != 4:
        raise Unexpected("a CBOR array was expected")
    head, items = data[pos:start], []
    for _ in range(count):
        end = _end(data, start)
        items.append(data[start:end])
        start = end
    return head, items


def _text(data):
    """The text of a CBOR text item (``data``: the item's bytes)."""
    major, size, start = _head(data, 0)
    if major != 3 or start + size != len(data):
        raise Unexpected("a CBOR text was expected")
    return data[start:].decode("utf-8")


def _encode_text(text):
    """A CBOR text item, its length in the fewest bytes (as minicbor writes it)."""
    raw = text.encode("utf-8")
    size = len(raw)
    if size < 24:
        return bytes([0x60 | size]) + raw
    width = next(width for width in (1, 2, 4, 8) if size < 1 << (8 * width))
    return bytes([0x60 | (23 + width.bit_length())]) + size.to_bytes(width, "big") + raw


def _first_text(item):
    """The text an array item starts with (a filter's or a sort's name, a value)."""
    return _text(_items(item)[1][0])


def _ordered(data, key=_first_text):
    """The CBOR array ``data`` with its items sorted by ``key`` of each one's bytes."""
    head, items = _items(data)
    return head + b"".join(sorted(items, key=key))


def pagefind_hash(data):
    """Pagefind's ``full_hash``: SHA-1, each byte in hex without a leading zero."""
    return "".join(f"{byte:x}" for byte in hashlib.sha1(data).digest())


def _open(content):
    data = gzip.decompress(content)
    if not data.startswith(SIGNATURE):
        raise Unexpected("a Pagefind file without its signature")
    return data[len(SIGNATURE):]


def _close(data):
    return gzip.compress(SIGNATURE + data, compresslevel=9, mtime=0)


def canonical(files, language):
    """``files`` (Pagefind's bundle: dicts with ``path`` and ``content``) with the filters,
    their values and the sorts in one order and the files named after them; ``(files,
    None)``, or the files unchanged and the reason when the bundle is not as expected."""
    try:
        return _canonical(files, language), None
    except (Unexpected, KeyError, ValueError, OSError) as error:  # OSError: bad gzip
        return files, str(error) or type(error).__name__


def _canonical(files, language):
    by_path = {item["path"]: item for item in files}
    entry = by_path[ENTRY]["content"].decode("utf-8")
    old_meta = json.loads(entry)["languages"][language]["hash"]
    meta_path = f"pagefind.{old_meta}.pf_meta"
    head, parts = _items(_open(by_path[meta_path]["content"]))
    if len(parts) <= SORTS:
        raise Unexpected("a Pagefind meta file of another shape")
    renamed, names = {}, set()
    filters_head, filters = _items(parts[FILTERS])
    entries = []
    for item in filters:
        entry_head, (name, old) = _items(item)
        name, old = _text(name), _text(old)
        filter_head, (label, values) = _items(_open(by_path[f"filter/{old}.pf_filter"]
                                                    ["content"]))
        data = filter_head + label + _ordered(values)
        full = f"{language}_{pagefind_hash(data)}"
        short = len(language) + 1 + FILTER_DIGITS
        while full[:short] in names and short < len(full):  # as Pagefind, on a collision
            short += 1
        new = full[:short]
        names.add(new)
        # compressed again even if already in order: Pagefind's gzip bytes differ from
        # Python's, and a file must not depend on the order Pagefind happened to pick
        renamed[f"filter/{old}.pf_filter"] = (f"filter/{new}.pf_filter", data)
        entries.append(entry_head + _encode_text(name) + _encode_text(new))
    parts[FILTERS] = filters_head + b"".join(sorted(entries, key=_first_text))
    parts[SORTS] = _ordered(parts[SORTS])
    meta = head + b"".join(parts)
    # the meta file's name: as many hex digits as the language's length plus 8 (Pagefind's)
    new_meta = f"{language}_{pagefind_hash(meta)[:len(language) + 8]}"
    renamed[meta_path] = (f"pagefind.{new_meta}.pf_meta", meta)
    if entry.count(f'"{old_meta}"') != 1:
        raise Unexpected(f"{ENTRY} names its meta file more than once")
    result = []
    for item in files:
        path = item["path"]
        if path in renamed:
            new_path, data = renamed[path]
            item = {"path": new_path, "content": _close(data)}
        elif path == ENTRY:
            item = {"path": path,
                    "content": entry.replace(f'"{old_meta}"', f'"{new_meta}"').encode("utf-8")}
        result.append(item)
    return result
