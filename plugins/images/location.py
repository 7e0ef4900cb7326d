"""An image published without the place where it was taken.

A phone's photo carries its GPS position in its EXIF data (and often again in its
XMP packet): published as it is, anyone who downloads it from the site learns where
it was taken — a person photographed at home, a child at school. The variants and
the share copy are drawn anew and carry no metadata; the original, which is the
``src`` of every ``<img>`` and the largest candidate of its ``srcset``, is published
by :func:`without_location` instead (so is an image an item only links, for download).
A JPEG (a phone's photo) is published with

- the EXIF block without its GPS block (the rest kept: orientation, which turns the
  picture in the browser, author and copyright, camera and date);
- no XMP packet that names a GPS position (XMP repeats EXIF's fields);
- nothing after the picture's end (phones append more pictures, such as an HDR gain
  map, each with its own EXIF, and trailers of their own), and so not the MPF index
  of those pictures either.

Every other segment, the compressed picture itself included, is copied byte for byte:
the published picture is the same, pixel for pixel. A PNG or a WebP (which phones and
editing apps save with EXIF and XMP too) is rewritten in the same way, chunk by chunk:
its EXIF (PNG ``eXIf``, WebP ``EXIF``) without the GPS block, no XMP naming a position
(PNG text chunk ``XML:com.adobe.xmp``, WebP ``XMP `` and its flag in ``VP8X``), nothing
after its end (PNG ``IEND``, WebP the RIFF's size), every other chunk byte for byte.
A copy in which Pillow still reads a position (a PNG's EXIF in an ImageMagick "raw
profile" text chunk), or data that cannot be walked, is not published: the original
is, and the editor is warned (:func:`published_with_it`).

The result is cached by the source's content hash, like the variants:
``<IMAGES_CACHE_PATH>/<sha256>-nogps-v<FORMAT>.<jpg|png|webp>``.
"""

import io
import logging
import os
import zlib

from plugins.core.files import keep

logger = logging.getLogger(__name__)

FORMAT = 1  # change when the rewriting changes: cached copies are then made again
GPS = 0x8825  # EXIF: the pointer to the GPS block
# Pillow's names of the formats rewritten, and their cached copies' extension (MPO: a JPEG
# whose index names more pictures after it, as a phone's photo with an HDR gain map)
EXTENSIONS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "WEBP": "webp"}
# names of files that may be images the rewriting takes (lower case): a file only
# linked is read if its name says so
SUFFIXES = (".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".webp")
SOI, EOI, SOS = 0xD8, 0xD9, 0xDA
APP1, APP2 = 0xE1, 0xE2
EXIF_HEADER = b"Exif\0\0"
XMP_HEADERS = (b"http://ns.adobe.com/xap/1.0/\0", b"http://ns.adobe.com/xmp/extension/\0")
MPF_HEADER = b"MPF\0"
# XMP spellings of a position: exif:GPSLatitude… (and exifEX:, Iptc4xmpExt:LocationCreated
# with its GPS fields), as attributes or elements
XMP_POSITION = (b"GPSLatitude", b"GPSLongitude", b"GPSAltitude", b"GPSCoordinates")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_TEXT = (b"iTXt", b"tEXt", b"zTXt")
PNG_XMP = b"XML:com.adobe.xmp"  # the keyword of a PNG's XMP text chunk
TEXT_LIMIT = 16 << 20  # a compressed text chunk's text is read up to this (Pillow: 1 MB)
VP8X_XMP = 0x04  # VP8X flags: XMP metadata present


class Unrewritable(ValueError):
    """The data cannot be walked as a JPEG, PNG or WebP, or a position is still found in
    the rewritten copy (the caller publishes nothing rewritten)."""


def xmp_located(xmp):
    """Whether an XMP packet (bytes or text) names the position a picture was taken at."""
    if isinstance(xmp, str):
        xmp = xmp.encode("utf-8", "replace")
    return any(name in xmp for name in XMP_POSITION)


# What a file holding EXIF or XMP holds, whatever its format (JPEG's APP1 headers, PNG's
# chunk types and text keywords, WebP's chunks): a file with none carries no position
CONTAINERS = (b"Exif", b"eXIf", b"EXIF", b"XMP ", b"XML:com.adobe.xmp", b"ns.adobe.com/xap",
              b"Raw profile")


def may_be_located(path):
    """False when the file at ``path`` holds no EXIF or XMP at all, read as bytes: no
    position, and Pillow need not open it (a PNG is decoded whole to find its text
    chunks). True when it may, or cannot be read (Pillow then tells)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return True
    return any(container in data for container in CONTAINERS)


def located(image):
    """Whether the open Pillow ``image`` carries the place where it was taken (EXIF GPS,
    a position in its XMP)."""
    if image.getexif().get_ifd(GPS):
        return True
    if image.format == "PNG" and "xmp" not in image.info:
        # text chunks after the picture's data are read when it is decoded, which
        # getexif() does only for a PNG without an eXIf chunk before that data
        image.load()
    # Pillow names ``xmp`` a PNG's iTXt packet only: one in a tEXt or zTXt chunk (which
    # ExifTool reads too, and the rewriting leaves out) is text under its keyword
    return xmp_located(image.info.get("xmp", b"")) or (
        image.format == "PNG" and xmp_located(image.info.get(PNG_XMP.decode(), "")))


def clean_copy(source, folder):
    """The cached copy of the image ``source`` (a ``variants.Source``) without the position
    it carries, made once per content in ``folder``; None when it carries none, or when
    it cannot be rewritten (it is then published as it is: :func:`published_with_it`)."""
    if not (source.located and source.kind in EXTENSIONS):  # the formats rewritten
        return None
    try:
        return ensure(source.path, source.digest, folder, source.kind)
    except Unrewritable as error:
        logger.debug("%s: not rewritten without its position: %s", source.path, error)
        return None


def published_with_it(source, clean):
    """Whether the image ``source`` (a ``variants.Source``) is published with the position
    it carries, its copy without it being ``clean`` (:func:`clean_copy`): the editor is
    warned, in the build and in ``invoke check``."""
    return source.located and not clean


def cache_file(folder, digest, kind):
    return os.path.join(folder, f"{digest}-nogps-v{FORMAT}.{EXTENSIONS[kind]}")


def ensure(path, digest, folder, kind):
    """The cached copy of the image at ``path`` (content hash ``digest``, Pillow's format
    ``kind``) without its position, made once per content; :class:`Unrewritable` if it
    cannot be rewritten, or if Pillow still reads a position in the copy."""
    target = cache_file(folder, digest, kind)
    if not os.path.exists(target):
        with open(path, "rb") as handle:
            data = handle.read()
        clean = without_location(data)
        if _still_located(clean):
            raise Unrewritable("a position is still read in the rewritten copy")
        keep(target, clean)
    return target


def _still_located(data):
    from PIL import Image  # noqa: PLC0415

    try:
        with Image.open(io.BytesIO(data)) as image:
            return located(image)
    except Exception as error:  # noqa: BLE001 - the source was read: not expected
        raise Unrewritable(f"the rewritten copy cannot be read ({error})") from None


def without_location(data):
    """``data`` (a JPEG, PNG or WebP file's bytes) without the position it was taken at:
    see the module's docstring. :class:`Unrewritable` when its segments or chunks cannot
    be walked."""
    if data.startswith(PNG_SIGNATURE):
        return _png_without_location(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp_without_location(data)
    if data[:2] != b"\xff\xd8":
        raise Unrewritable("the file does not start as a JPEG, a PNG or a WebP")
    out = [b"\xff\xd8"]
    position, size = 2, len(data)
    while True:
        code, position = _marker(data, position)
        if code == EOI:
            out.append(b"\xff\xd9")
            return b"".join(out)  # what follows the picture is left out
        if 0xD0 <= code <= 0xD7 or code == 0x01:  # markers without a length
            out.append(bytes((0xFF, code)))
            continue
        if position + 2 > size:
            raise Unrewritable("the file is cut short")
        length = int.from_bytes(data[position:position + 2], "big")
        end = position + length
        if length < 2 or end > size:
            raise Unrewritable("a segment runs past the end of the file")
        body = data[position + 2:end]
        kept = _kept_segment(code, body)
        if kept is not None:
            out.append(bytes((0xFF, code)) + (len(kept) + 2).to_bytes(2, "big") + kept)
        position = end
        if code == SOS:  # the compressed data, up to the next marker
            scan_end = _scan_end(data, position)
            out.append(data[position:scan_end])
            position = scan_end


def _marker(data, position):
    """``(code, position after it)`` of the marker at ``position`` (fill bytes skipped)."""
    if position >= len(data) or data[position] != 0xFF:
        raise Unrewritable(f"no segment where one should start (byte {position})")
    while position < len(data) and data[position] == 0xFF:
        position += 1
    if position >= len(data):
        raise Unrewritable("the file is cut short")
    return data[position], position + 1


def _scan_end(data, position):
    """Where the compressed data that starts at ``position`` ends: at the first 0xFF that
    is neither stuffing (0xFF00) nor a restart marker (0xFFD0-0xFFD7)."""
    while True:
        position = data.find(b"\xff", position)
        if position < 0 or position + 1 >= len(data):
            raise Unrewritable("the picture's data is cut short")
        following = data[position + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            position += 2
            continue
        return position


def _kept_segment(code, body):
    """The body to write for a segment (``body`` itself, a rewritten one), or None to
    leave it out."""
    if code == APP1 and body.startswith(EXIF_HEADER):
        return _exif_without_gps(body)
    if code == APP1 and body.startswith(XMP_HEADERS):
        return None if xmp_located(body) else body
    if code == APP2 and body.startswith(MPF_HEADER):
        return None  # the index of the pictures after this one, which are left out
    return body


def _exif_without_gps(body):
    """EXIF data (``body``, starting with ``Exif\\0\\0`` or not: a JPEG's does, a PNG's
    or WebP's may) without its GPS block, with the header it had; itself if it has none."""
    from PIL import Image  # noqa: PLC0415

    exif = Image.Exif()
    try:
        exif.load(body.removeprefix(EXIF_HEADER))
    except Exception as error:  # noqa: BLE001 - Pillow raises many kinds on bad EXIF
        raise Unrewritable(f"its EXIF data cannot be read ({error})") from None
    if GPS not in exif:
        return body  # byte for byte
    del exif[GPS]
    try:
        data = exif.tobytes()
    except Exception as error:  # noqa: BLE001
        raise Unrewritable(f"its EXIF data cannot be written again ({error})") from None
    data = data.removeprefix(EXIF_HEADER)
    return EXIF_HEADER + data if body.startswith(EXIF_HEADER) else data


def _png_without_location(data):
    """A PNG's chunks up to ``IEND``: ``eXIf`` without its GPS block (its CRC computed
    again), no XMP text chunk naming a position, every other chunk byte for byte."""
    out, position, size = [PNG_SIGNATURE], len(PNG_SIGNATURE), len(data)
    while True:
        if position + 8 > size:
            raise Unrewritable("the file is cut short (no IEND chunk)")
        length = int.from_bytes(data[position:position + 4], "big")
        kind = data[position + 4:position + 8]
        end = position + 12 + length  # length, type, data, CRC
        if end > size:
            raise Unrewritable(f"a chunk runs past the end of the file (byte {position})")
        body = data[position + 8:end - 4]
        if kind == b"eXIf":
            kept = _exif_without_gps(body)
            if kept is body:
                out.append(data[position:end])
            else:
                out.append(len(kept).to_bytes(4, "big") + kind + kept
                           + zlib.crc32(kind + kept).to_bytes(4, "big"))
        elif not (kind in PNG_TEXT and _png_xmp_located(kind, body)):
            out.append(data[position:end])
        position = end
        if kind == b"IEND":
            return b"".join(out)  # what follows the picture is left out


def _png_xmp_located(kind, body):
    """Whether a PNG text chunk (``kind``, ``body``) is an XMP packet naming a position."""
    keyword, _, rest = body.partition(b"\0")
    if keyword != PNG_XMP:
        return False
    if kind == b"tEXt":
        return xmp_located(rest)
    if kind == b"zTXt":  # compression method, compressed text
        return xmp_located(_inflate(rest[1:]))
    # iTXt: compression flag and method, language, translated keyword, text
    flag, text = rest[:1], rest[2:].split(b"\0", 2)[-1]
    return xmp_located(_inflate(text) if flag == b"\1" else text)


def _inflate(data):
    inflater = zlib.decompressobj()
    try:
        text = inflater.decompress(data, TEXT_LIMIT)
    except zlib.error as error:
        raise Unrewritable(f"a compressed text chunk cannot be read ({error})") from None
    if inflater.unconsumed_tail:
        raise Unrewritable("a compressed text chunk is too large")
    return text


def _webp_without_location(data):
    """A WebP's RIFF chunks: ``EXIF`` without its GPS block, no ``XMP `` naming a position
    (its flag cleared in ``VP8X``), every other chunk byte for byte, the RIFF size that
    of the new file, nothing after its end."""
    end = 8 + int.from_bytes(data[4:8], "little")
    if end < 20:
        raise Unrewritable("the file holds no chunk")
    if end > len(data):
        raise Unrewritable("the file is cut short (shorter than its RIFF size)")
    chunks, position, drop_xmp_flag = [], 12, False
    while position < end:
        if position + 8 > end:
            raise Unrewritable(f"a chunk is cut short (byte {position})")
        fourcc = data[position:position + 4]
        length = int.from_bytes(data[position + 4:position + 8], "little")
        stop = position + 8 + length
        if stop > end:
            raise Unrewritable(f"a chunk runs past the end of the file (byte {position})")
        stop_padded = min(stop + (length & 1), end)
        body = data[position + 8:stop]
        if fourcc == b"EXIF":
            kept = _exif_without_gps(body)
            chunk = data[position:stop_padded] if kept is body else \
                fourcc + len(kept).to_bytes(4, "little") + kept + b"\0" * (len(kept) & 1)
            chunks.append((fourcc, chunk))
        elif fourcc == b"XMP " and xmp_located(body):
            drop_xmp_flag = True
        else:
            chunks.append((fourcc, data[position:stop_padded]))
        position = stop_padded
    if drop_xmp_flag:
        chunks = [(fourcc, chunk[:8] + bytes((chunk[8] & ~VP8X_XMP,)) + chunk[9:])
                  if fourcc == b"VP8X" and len(chunk) > 8 else (fourcc, chunk)
                  for fourcc, chunk in chunks]
    body = b"WEBP" + b"".join(chunk for _, chunk in chunks)
    return b"RIFF" + len(body).to_bytes(4, "little") + body
