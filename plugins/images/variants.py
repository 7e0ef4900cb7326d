"""WebP variants of one image, and a JPEG of it for link previews, made with Pillow and
cached by content hash.

A variant is drawn once per source content, width and quality, into
``<IMAGES_CACHE_PATH>/<sha256>-<width>-q<quality>-v<FORMAT>.webp`` (written to a
temporary file and renamed: a build killed halfway leaves no half file), and
published as ``<stem>-<width>.<hash>.webp``, the hash being that of the
variant's own bytes. Same source and settings, same bytes (Pillow's resampling
and libwebp's encoder are deterministic): the names never change by themselves.

Sizes are those a browser shows: a JPEG whose EXIF orientation turns it is
measured and drawn turned (``ImageOps.exif_transpose``), as browsers do.

A cover also gets a **share** copy (:func:`share`): a JPEG at most ``IMAGES_SHARE_WIDTH``
wide, transparency laid on white, no metadata, for ``og:image`` (the sites and apps that
show a link's preview: WhatsApp shows none for a heavy image, Facebook refuses files over
8 MB, not every one reads WebP; the camera's original keeps its EXIF data). It weighs at
most :data:`SHARE_MAX_BYTES` where a lower quality, down to :data:`SHARE_MIN_QUALITY`,
can make it so: WhatsApp shows no picture for an ``og:image`` over about 300 kB, which a
detailed photo 1200 px wide passes at quality 82.
"""

import functools
import hashlib
import io
import math
import os
import posixpath
import tempfile
import warnings
from dataclasses import dataclass

from plugins.core.files import keep
from plugins.images import location
from plugins.italian.slugs import make_slug, slug_substitutions

FORMAT = 2  # change when the drawing changes: cached variants are then drawn again
SHARE_FORMAT = 4  # the same for the share copies (4: at most SHARE_MAX_BYTES)
SHARE_MAX_BYTES = 300_000  # WhatsApp shows no picture for a heavier og:image
SHARE_MIN_QUALITY = 40  # a share copy's JPEG quality is lowered down to this, no further
SHARE_QUALITY_STEP = 6
ORIENTATION = 0x0112  # EXIF tag
TURNED = (5, 6, 7, 8)  # orientations that swap width and height
METHOD = 4  # libwebp effort (0-6): 4 is its default, a good size for the time
SHARE_MIN_HEIGHT = 200  # px: Facebook ignores a smaller og:image (plugins/seo, PREVIEW_MIN)


class Unreadable(Exception):
    """Pillow cannot read the image: the message says why, in Italian (then, after " / ",
    Pillow's own English words, when it is Pillow's error: :func:`damaged`)."""


def damaged(error):
    """The :class:`Unreadable` of an image Pillow failed on with ``error``: what an editor
    can tell of it, Pillow's English (``image file is truncated``) for the English half."""
    return Unreadable(f"rovinata o non è un'immagine / {str(error) or type(error).__name__}")


@dataclass(frozen=True)
class Source:
    """An image under content/: its path, content hash and size as shown (EXIF-turned)."""

    path: str
    digest: str
    width: int
    height: int
    animated: bool = False  # several frames (WebP, APNG): no variants, which would be still
    located: bool = False  # it carries the place where it was taken (EXIF GPS, XMP)
    kind: str = ""  # Pillow's name of its format: "JPEG", "PNG", "WEBP"


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    file: str  # in the cache


def digest_of(path):
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            sha.update(chunk)
    return sha.hexdigest()


@functools.cache
def _no_bomb_warnings(category):
    """Pillow's warning for images past its bound: :func:`measure` refuses them with a
    message of its own. Once per process (``catch_warnings`` is not thread-safe, and
    images are measured in threads)."""
    warnings.filterwarnings("ignore", category=category)


def measure(path):
    """:class:`Source` for ``path``; :class:`Unreadable` if Pillow cannot read it."""
    from PIL import Image, UnidentifiedImageError  # noqa: PLC0415

    bound = f"{Image.MAX_IMAGE_PIXELS:,}".replace(",", ".")  # Pillow's bound against bombs
    too_large = f"troppo grande, più di {bound} pixel: riducila"
    _no_bomb_warnings(Image.DecompressionBombWarning)
    try:
        with Image.open(path) as image:
            width, height = image.size
            if width * height > Image.MAX_IMAGE_PIXELS:  # never decoded
                raise Unreadable(f"{width} × {height} pixel, {too_large}")
            exif = image.getexif()
            if exif.get(ORIENTATION, 1) in TURNED:
                width, height = height, width
            animated = bool(getattr(image, "is_animated", False))
            located = location.located(image)
            kind = image.format or ""
    except Image.DecompressionBombError:  # over twice the bound: refused by Image.open
        raise Unreadable(too_large) from None
    # SyntaxError: Pillow's for data it cannot parse (a PNG's or WebP's EXIF that does
    # not begin as TIFF data: "not a TIFF file")
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError) as error:
        raise damaged(error) from error
    return Source(path, digest_of(path), width, height, animated, located, kind)


def widths_for(source, widths):
    """The variant widths for ``source``: those of ``widths`` narrower than it and, when it
    is no wider than the largest of ``widths``, its own width (a 1080 px photo reached a
    phone that needs 1074 px as its 111 kB JPEG: its WebP weighs a quarter). None for an
    animated image: a variant would show its first frame only."""
    if source.animated:
        return []
    found = [width for width in sorted(widths) if width < source.width]
    if widths and source.width <= max(widths):
        found.append(source.width)
    return found


def height_for(source, width):
    return max(1, round(source.height * width / source.width))


def cache_file(folder, source, width, quality, extension="webp", version=FORMAT):
    return os.path.join(folder, f"{source.digest}-{width}-q{quality}-v{version}.{extension}")


def verified_mark(folder, source):
    """The cache's mark that ``source``'s bytes decoded whole (an empty file)."""
    return os.path.join(folder, f"{source.digest}-v{FORMAT}.decoded")


def verify(source, folder=None):
    """Decode ``source`` (at the smallest scale its format allows: a JPEG at 1/8), so a
    file whose header is fine but whose data is cut short or damaged is :class:`Unreadable`
    (:func:`measure` reads the header only). With the cache's ``folder``, once per content:
    a mark is kept (a 12-megapixel PNG takes 0.3 s to decode)."""
    from PIL import Image  # noqa: PLC0415

    mark = verified_mark(folder, source) if folder else None
    if mark and os.path.isfile(mark):
        return
    try:
        with Image.open(source.path) as image:
            image.draft("RGB", (max(1, source.width // 8), max(1, source.height // 8)))
            image.load()
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        raise damaged(error) from error
    if mark:
        keep(mark, b"")


def ensure(source, widths, quality, folder):
    """The :class:`Variant` list of ``source`` (narrowest first), drawing missing ones.
    An image too narrow for any variant is decoded once here (:func:`verify`): drawing
    is what decodes the others, and a variant in the cache was drawn from these bytes;
    either way the content's mark is kept, so ``invoke check`` does not decode it again."""
    variants = [Variant(w, height_for(source, w), cache_file(folder, source, w, quality))
                for w in widths_for(source, widths)]
    if not variants:
        verify(source, folder)
    missing = [variant for variant in variants if not os.path.isfile(variant.file)]
    if missing:
        draw(source, missing, quality, folder)
        keep(verified_mark(folder, source), b"")
    return variants


def share(source, width, quality, folder):
    """The :class:`Variant` of ``source`` for link previews: a JPEG ``width`` wide (the
    source's own width when narrower; wider when that would make it less than
    :data:`SHARE_MIN_HEIGHT` high and the source is not), drawn when the cache lacks it.
    An animated image gives its first frame."""
    width = min(width, source.width)
    if height_for(source, width) < SHARE_MIN_HEIGHT <= source.height:
        # a banner (3000 x 400): 1200 px wide it was 160 high, a picture Facebook ignores
        width = min(source.width, math.ceil(SHARE_MIN_HEIGHT * source.width / source.height))
    variant = Variant(width, height_for(source, width),
                      cache_file(folder, source, width, quality, "jpg", SHARE_FORMAT))
    if not os.path.isfile(variant.file):
        draw(source, [variant], quality, folder, "JPEG")
    return variant


def _encoded(image, icc, kind, quality):
    """``(image, Pillow's save options)`` for a variant of ``kind`` (WEBP or JPEG)."""
    if kind == "JPEG":
        if image.mode == "RGBA":  # a transparent background shows white, as on the page
            from PIL import Image  # noqa: PLC0415

            flat = Image.new("RGB", image.size, (255, 255, 255))
            flat.paste(image, mask=image.getchannel("A"))
            image = flat
        # resize() copied the source's info, and Pillow writes its "comment" (a JPEG's
        # COM segment, a GIF's comment) into the copy: no metadata at all (image is the
        # resized copy, drawn for this variant only)
        image.info = {}
        options = {"quality": quality, "optimize": True, "progressive": True}
    else:
        options = {"quality": quality, "method": METHOD}
    if icc:
        options["icc_profile"] = icc
    return image, options


def draw(source, variants, quality, folder, kind="WEBP"):
    """Draw ``variants`` of ``source`` into the cache, as ``kind`` (WEBP, or JPEG for
    :func:`share`); :class:`Unreadable` on a bad file."""
    from PIL import Image, ImageOps  # noqa: PLC0415

    os.makedirs(folder, exist_ok=True)
    try:
        with Image.open(source.path) as opened:
            widest = max(variant.width for variant in variants)
            turned = opened.getexif().get(ORIENTATION, 1) in TURNED
            wanted = (widest, height_for(source, widest))
            # JPEG: let libjpeg decode at 1/2, 1/4 or 1/8 scale when that is still big enough
            opened.draft("RGB", wanted[::-1] if turned else wanted)
            image = ImageOps.exif_transpose(opened)
            image, icc = _as_rgb(image, opened.info.get("icc_profile"))
            for variant in variants:
                resized = image.resize((variant.width, variant.height), Image.Resampling.LANCZOS)
                resized, options = _encoded(resized, icc, kind, quality)
                data = _lightened(resized, options) if kind == "JPEG" else None
                handle, temporary = tempfile.mkstemp(dir=folder, prefix=".",
                                                     suffix=os.path.splitext(variant.file)[1])
                os.close(handle)
                try:
                    if data is None:
                        resized.save(temporary, kind, **options)
                    else:
                        with open(temporary, "wb") as out:
                            out.write(data)
                    os.chmod(temporary, 0o644)  # mkstemp makes 0600 files
                    os.replace(temporary, variant.file)
                finally:
                    if os.path.exists(temporary):
                        os.unlink(temporary)
    except (OSError, ValueError) as error:
        raise damaged(error) from error


def _lightened(image, options):
    """``image`` as JPEG bytes (Pillow's save ``options``) of at most
    :data:`SHARE_MAX_BYTES`: at ``options["quality"]``, else lower by steps down to
    :data:`SHARE_MIN_QUALITY` (the last one tried, if even that is heavier)."""
    quality = options["quality"]
    while True:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", **{**options, "quality": quality})
        if buffer.tell() <= SHARE_MAX_BYTES or quality <= SHARE_MIN_QUALITY:
            return buffer.getvalue()
        quality = max(SHARE_MIN_QUALITY, quality - SHARE_QUALITY_STEP)


def _as_rgb(image, icc):
    """``(image, profile)``: ``image`` in RGB or RGBA, as a browser would show it, and the
    colour profile the variants carry (an RGB one, or None). 16-bit greys are scaled to 8
    bits (clipped, a gradient came out white); a transparent colour of an RGB image
    (tRNS) stays transparent; CMYK or grey with a profile are converted to sRGB through it
    (a CMYK profile was attached to RGB variants: other colours, and 180 kB each)."""
    from PIL import ImageCms  # noqa: PLC0415

    if image.mode.startswith("I"):  # I;16, I;16B, I: 16 or 32 bits a grey
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    if image.mode in ("RGB", "RGBA") and not (image.mode == "RGB"
                                               and "transparency" in image.info):
        return image, icc
    alpha = "A" in image.getbands() or "transparency" in image.info
    if icc and image.mode in ("CMYK", "L", "LA"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(
                image.convert("L") if image.mode == "LA" else image, source,
                ImageCms.createProfile("sRGB"), outputMode="RGB")
            if image.mode == "LA":
                converted.putalpha(image.getchannel("A"))
            return converted, None
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a damaged profile: converted as if there were none
    return image.convert("RGBA" if alpha else "RGB"), icc if image.mode == "P" else None


def published_name(source_relative, variant, regex_subs=None, length=10):
    """``immagini/Foto Città.JPG`` + 800 px variant -> ``foto-citta-800.<hash>.webp`` (``.jpg``
    for a share copy): the site's slug of the file name (``SLUG_REGEX_SUBSTITUTIONS``;
    default the site's own)."""
    stem = posixpath.splitext(posixpath.basename(source_relative))[0]
    subs = slug_substitutions() if regex_subs is None else regex_subs
    stem = make_slug(stem, subs) or "immagine"
    with open(variant.file, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()[:length]
    return f"{stem}-{variant.width}.{digest}{os.path.splitext(variant.file)[1]}"
