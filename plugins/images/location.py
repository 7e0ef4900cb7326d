"""A JPEG published without the place where it was taken.

A phone's photo carries its GPS position in its EXIF data (and often again in its
XMP packet): published as it is, anyone who downloads it from the site learns where
it was taken — a person photographed at home, a child at school. The variants and
the share copy are drawn anew and carry no metadata; the original, which is the
``src`` of every ``<img>`` and the largest candidate of its ``srcset``, is published
by :func:`without_location` instead (so is a JPEG an item only links, for download):

- the EXIF block without its GPS block (the rest kept: orientation, which turns the
  picture in the browser, author and copyright, camera and date);
- no XMP packet that names a GPS position (XMP repeats EXIF's fields);
- nothing after the picture's end (phones append more pictures, such as an HDR gain
  map, each with its own EXIF, and trailers of their own), and so not the MPF index
  of those pictures either.

Every other segment, the compressed picture itself included, is copied byte for byte:
the published picture is the same, pixel for pixel. Only JPEG is rewritten (phones'
photos); a PNG or WebP carrying a position keeps the editor's warning.

The result is cached by the source's content hash, like the variants:
``<IMAGES_CACHE_PATH>/<sha256>-nogps-v<FORMAT>.jpg``.
"""

import os

from plugins.core.files import keep

FORMAT = 1  # change when the rewriting changes: cached copies are then made again
GPS = 0x8825  # EXIF: the pointer to the GPS block
JPEG_SUFFIXES = (".jpg", ".jpeg", ".jpe", ".jfif")  # names of files read as JPEGs (lower case)
SOI, EOI, SOS = 0xD8, 0xD9, 0xDA
APP1, APP2 = 0xE1, 0xE2
EXIF_HEADER = b"Exif\0\0"
XMP_HEADERS = (b"http://ns.adobe.com/xap/1.0/\0", b"http://ns.adobe.com/xmp/extension/\0")
MPF_HEADER = b"MPF\0"
# XMP spellings of a position: exif:GPSLatitude… (and exifEX:, Iptc4xmpExt:LocationCreated
# with its GPS fields), as attributes or elements
XMP_POSITION = (b"GPSLatitude", b"GPSLongitude", b"GPSAltitude", b"GPSCoordinates")


class NotJPEG(ValueError):
    """The data cannot be walked as a JPEG (the caller publishes nothing rewritten)."""


def xmp_located(xmp):
    """Whether an XMP packet (bytes or text) names the position a picture was taken at."""
    if isinstance(xmp, str):
        xmp = xmp.encode("utf-8", "replace")
    return any(name in xmp for name in XMP_POSITION)


def strippable(kind):
    """Whether an image of Pillow's format ``kind`` is published without its position."""
    return kind == "JPEG"


def published_with_it(source):
    """Whether the image ``source`` (a ``variants.Source``) is published with the position
    it carries: a PNG or a WebP (the editor is warned, in the build and in ``invoke
    check``); a JPEG's is taken out."""
    return source.located and not strippable(source.kind)


def cache_file(folder, digest):
    return os.path.join(folder, f"{digest}-nogps-v{FORMAT}.jpg")


def ensure(path, digest, folder):
    """The cached copy of the JPEG at ``path`` (content hash ``digest``) without its
    position, made once per content; :class:`NotJPEG` if it cannot be rewritten."""
    target = cache_file(folder, digest)
    if not os.path.exists(target):
        with open(path, "rb") as handle:
            data = handle.read()
        keep(target, without_location(data))
    return target


def without_location(data):
    """``data`` (a JPEG file's bytes) without the position it was taken at: see the
    module's docstring. :class:`NotJPEG` when its segments cannot be walked."""
    if data[:2] != b"\xff\xd8":
        raise NotJPEG("the file does not start as a JPEG")
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
            raise NotJPEG("the file is cut short")
        length = int.from_bytes(data[position:position + 2], "big")
        end = position + length
        if length < 2 or end > size:
            raise NotJPEG("a segment runs past the end of the file")
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
        raise NotJPEG(f"no segment where one should start (byte {position})")
    while position < len(data) and data[position] == 0xFF:
        position += 1
    if position >= len(data):
        raise NotJPEG("the file is cut short")
    return data[position], position + 1


def _scan_end(data, position):
    """Where the compressed data that starts at ``position`` ends: at the first 0xFF that
    is neither stuffing (0xFF00) nor a restart marker (0xFFD0-0xFFD7)."""
    while True:
        position = data.find(b"\xff", position)
        if position < 0 or position + 1 >= len(data):
            raise NotJPEG("the picture's data is cut short")
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
    from PIL import Image  # noqa: PLC0415

    exif = Image.Exif()
    try:
        exif.load(body[len(EXIF_HEADER):])
    except Exception as error:  # noqa: BLE001 - Pillow raises many kinds on bad EXIF
        raise NotJPEG(f"its EXIF data cannot be read ({error})") from None
    if GPS not in exif:
        return body  # byte for byte
    del exif[GPS]
    try:
        data = exif.tobytes()
    except Exception as error:  # noqa: BLE001
        raise NotJPEG(f"its EXIF data cannot be written again ({error})") from None
    return data if data.startswith(EXIF_HEADER) else EXIF_HEADER + data
