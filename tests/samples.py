"""Real minimal files of each type, built in memory (for type checks and builds)."""

import io
import zipfile

from PIL import Image
from pypdf import PdfWriter


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


def image(fmt="PNG", size=(4, 3)):
    """A small real image: ``PNG``, ``JPEG``, ``WEBP``, ``GIF``."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 40)).save(buffer, fmt)
    return buffer.getvalue()


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
