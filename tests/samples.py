"""Real minimal files of each type, built in memory (for type checks and builds)."""

import io
import zipfile

from PIL import Image, ImageDraw
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject, BooleanObject, DecodedStreamObject, DictionaryObject, NameObject, NumberObject,
    TextStringObject,
)


def pdf(pages=1, password=None, width=595, height=842):
    """A real PDF of blank pages (A4 unless told); encrypted (RC4) when a password is given."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=width, height=height)
    if password is not None:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def text_pdf(*pages, user_password=None, owner_password=None, header=None, footer=None,
             footer_first=False, tagged=False, title=None, lang=None, title_shown=None,
             xmp_title=None, in_form=False):
    """A real PDF with a text layer: one page per argument, each a text (lines split on
    newlines; Helvetica, WinAnsi, so Italian accents survive). Encrypted (RC4) when a
    password is given: ``owner_password`` alone restricts it, ``user_password`` locks it.
    ``header`` and ``footer``: a running line at the top and at the bottom of every page,
    ``{page}`` and ``{pages}`` in it replaced (``"Pagina {page} di {pages}"``), drawn before
    the body and after it, or both before it with ``footer_first`` (as Word writes them).
    ``tagged``: its catalog has a structure tree and says it is marked, as a PDF exported
    "with tags" (LibreOffice's «PDF con tag») does. ``title``: the document information's
    ``/Title``; ``xmp_title``: a ``dc:title`` in XMP metadata instead; ``title_shown``: the
    catalog's ``/ViewerPreferences /DisplayDocTitle`` (True or False); ``lang``: the
    catalog's ``/Lang`` (``it-IT``); ``in_form``: each page's text drawn by a form
    XObject the page draws (its font in the form's resources, none in the page's), as
    some programs write a page. :func:`accessible_pdf` sets them as an accessible export
    does."""
    writer = PdfWriter()
    font = writer._add_object(DictionaryObject({  # noqa: SLF001 - pypdf's way to add objects
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    }))

    def shown(text):
        return "".join(f"({line.replace('(', '[').replace(')', ']')}) '"
                       for line in text.split("\n"))

    def running(text, y, number):
        if text is None:
            return ""
        text = text.format(page=number, pages=len(pages))
        return f"BT /F1 9 Tf 60 {y} Td 11 TL {shown(text)} ET "

    for number, text in enumerate(pages, 1):
        page = writer.add_blank_page(width=595, height=842)
        top, bottom = running(header, 830, number), running(footer, 45, number)
        body = f"BT /F1 11 Tf 60 780 Td 15 TL {shown(text)} ET "
        content = bottom + top + body if footer_first else top + body + bottom
        stream = DecodedStreamObject()
        stream.set_data(content.strip().encode("cp1252"))
        fonts = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
        if in_form:
            stream.update({NameObject("/Type"): NameObject("/XObject"),
                           NameObject("/Subtype"): NameObject("/Form"),
                           NameObject("/BBox"): ArrayObject(
                               [NumberObject(n) for n in (0, 0, 595, 842)]),
                           NameObject("/Resources"): fonts})
            form = writer._add_object(stream)  # noqa: SLF001
            stream = DecodedStreamObject()
            stream.set_data(b"q /Fm1 Do Q")
            fonts = DictionaryObject({NameObject("/XObject"): DictionaryObject(
                {NameObject("/Fm1"): form})})
        page[NameObject("/Contents")] = writer._add_object(stream)  # noqa: SLF001
        page[NameObject("/Resources")] = fonts
    if tagged:
        writer._root_object[NameObject("/MarkInfo")] = DictionaryObject(  # noqa: SLF001
            {NameObject("/Marked"): BooleanObject(True)})
        writer._root_object[NameObject("/StructTreeRoot")] = writer._add_object(  # noqa: SLF001
            DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")}))
    root = writer._root_object  # noqa: SLF001
    if title is not None:
        writer.add_metadata({"/Title": title})
    if xmp_title is not None:
        writer.xmp_metadata = xmp_with_title(xmp_title)
    if title_shown is not None:
        root[NameObject("/ViewerPreferences")] = DictionaryObject(
            {NameObject("/DisplayDocTitle"): BooleanObject(title_shown)})
    if lang is not None:
        root[NameObject("/Lang")] = TextStringObject(lang)
    if user_password is not None or owner_password is not None:
        writer.encrypt(user_password or "", owner_password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def accessible_pdf(*pages, title=None, **options):
    """A PDF as Word or LibreOffice export an accessible one: text, tags, a title the
    reader's window shows (``title``, else the first page's first line), Italian as its
    language."""
    title = pages[0].split("\n")[0] if title is None else title
    return text_pdf(*pages, tagged=True, title=title, title_shown=True, lang="it-IT", **options)


def xmp_with_title(title):
    """XMP metadata (a packet of RDF) whose ``dc:title`` is ``title``, as Acrobat writes it."""
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF'
        ' xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt>'
        '</dc:title></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode("utf-8")


def scanned_pdf(pages=2):
    """A PDF of page images and no text layer, as a scanner makes it."""
    buffer = io.BytesIO()
    images = [Image.new("L", (200, 280), 255 - 20 * n) for n in range(pages)]
    images[0].save(buffer, "PDF", save_all=True, append_images=images[1:], resolution=24)
    return buffer.getvalue()


def image(fmt="PNG", size=(4, 3)):
    """A small real image: ``PNG``, ``JPEG``, ``WEBP``, ``GIF``."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 40)).save(buffer, fmt)
    return buffer.getvalue()


def photo(width, height):
    """A JPEG photo-like picture of ``width`` x ``height`` (lines of colour: not one flat
    colour, so its variants and print sizes look like a photo's)."""
    picture = Image.new("RGB", (width, height), "#1b4f72")
    draw = ImageDraw.Draw(picture)
    for x in range(0, width, 24):
        draw.line([(x, 0), (width - x, height)], fill=(x % 256, 140, 90), width=5)
    data = io.BytesIO()
    picture.save(data, "JPEG", quality=82)
    return data.getvalue()


def zip_of(entries, first_stored=False):
    """A zip holding ``entries`` (name -> text or bytes), in that order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for position, (name, data) in enumerate(entries.items()):
            kind = zipfile.ZIP_STORED if first_stored and position == 0 else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=kind)
    return buffer.getvalue()


OOXML = {  # kind -> (main part, its content type)
    "docx": ("word/document.xml",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
    "xlsx": ("xl/workbook.xml",
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
    "pptx": ("ppt/presentation.xml",
             "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
}


def ooxml(kind="docx"):
    """A DOCX, XLSX or PPTX-shaped package: [Content_Types].xml, relationships, main part."""
    part, content_type = OOXML[kind]
    return zip_of({
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            f'officeDocument/2006/relationships/officeDocument" Target="{part}"/>'
            '</Relationships>'),
        part: '<?xml version="1.0" encoding="UTF-8"?><root/>',
    })


def odf(kind="odt", mimetype=None):
    """An ODT, ODS or ODP-shaped package: ``mimetype`` first and stored, then the parts."""
    name = {"odt": "text", "ods": "spreadsheet", "odp": "presentation"}[kind]
    declared = mimetype or f"application/vnd.oasis.opendocument.{name}"
    return zip_of({
        "mimetype": declared,
        "META-INF/manifest.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
            '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
            f'manifest:full-path="/" manifest:media-type="{declared}"/></manifest:manifest>'),
        "content.xml": '<?xml version="1.0" encoding="UTF-8"?><office:document-content/>',
    }, first_stored=True)


PLAIN_ZIP = zip_of({"leggimi.txt": "Istruzioni.\n", "dati/elenco.csv": "a;b\n1;2\n"})
CSV = "nome;cognome;città\nMario;Rossi;Crema\n".encode()
TXT = "Orari dello sportello: lunedì 9–12.\n".encode()
TXT_WINDOWS = "Perché sì; città\r\n".encode("cp1252")  # an old Excel export
HTML = b"<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>\n"
SVG_SCRIPT = (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">'
              b"<script>alert(document.domain)</script></svg>\n")
JS = b"fetch('/admin').then(r => r.text()).then(alert);\n"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504  # a legacy .doc header block
RTF = b"{\\rtf1\\ansi Verbale}\n"
BINARY = bytes(range(256)) * 16
# the start of an iPhone photo (HEIF): its ftyp box, brand heic, compatible mif1 and heic
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 1000
