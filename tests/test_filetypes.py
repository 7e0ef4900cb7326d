"""Unit tests for plugins/core/filetypes: file types judged by content, real minimal files."""

import pytest

import samples
from plugins.attachments.model import ALLOWED_KINDS, Attachment
from plugins.core import filetypes
from plugins.core.filetypes import HEAD, IMAGES, KINDS, MIME_TYPES, problem, sniff

ALLOWED = {  # name -> (content, kind found by sniff)
    "documento.pdf": (samples.pdf(2), "pdf"),
    "relazione.odt": (samples.odf("odt"), "odt"),
    "bilancio.ods": (samples.odf("ods"), "ods"),
    "slide.odp": (samples.odf("odp"), "odp"),
    "modulo.docx": (samples.ooxml("docx"), "docx"),
    "conti.xlsx": (samples.ooxml("xlsx"), "xlsx"),
    "slide.pptx": (samples.ooxml("pptx"), "pptx"),
    "iscritti.csv": (samples.CSV, "text"),
    "orari.txt": (samples.TXT, "text"),
    "vecchio.csv": (samples.TXT_WINDOWS, "text"),
    "con-bom.txt": (b"\xef\xbb\xbf" + samples.TXT, "text"),
    "materiali.zip": (samples.PLAIN_ZIP, "zip"),
    "vuoto.zip": (samples.zip_of({}), "zip"),
    "documenti.zip": (samples.ooxml("docx"), "docx"),  # an office file is a zip too
    "foto.png": (samples.image("PNG"), "png"),
    "foto.jpg": (samples.image("JPEG"), "jpeg"),
    "FOTO.JPEG": (samples.image("JPEG"), "jpeg"),
    "foto.webp": (samples.image("WEBP"), "webp"),
}


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", list(ALLOWED))
def test_every_allowed_kind_is_recognised_and_accepted(tmp_path, name):
    data, kind = ALLOWED[name]
    path = write(tmp_path, name, data)
    assert sniff(path) == kind
    assert problem(f"allegati/{name}", path, ALLOWED_KINDS) is None


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("x.html", samples.HTML,
     "tipo di file non ammesso: allegati/x.html (HTML); ammessi PDF, ODT, ODS, ODP, DOCX,"
     " XLSX, PPTX, TXT, CSV, ZIP, PNG, JPG, JPEG, WEBP; salvalo in PDF"
     " / file type not allowed: allegati/x.html"),
    ("logo.svg", samples.SVG_SCRIPT, "tipo di file non ammesso: allegati/logo.svg (SVG);"),
    ("x.js", samples.JS, "tipo di file non ammesso: allegati/x.js (JS);"),
    ("LEGGIMI", samples.TXT, "tipo di file non ammesso: allegati/LEGGIMI (senza estensione);"),
    ("verbale.doc", samples.OLE, "tipo di file non ammesso: allegati/verbale.doc (DOC); ammessi"
                                " PDF"),
    ("verbale.doc", samples.ooxml("docx"), "allegati/verbale.doc (DOC); ammessi PDF"),
    ("verbale.rtf", samples.RTF, "tipo di file non ammesso: allegati/verbale.rtf (RTF)"),
    ("animazione.gif", samples.image("GIF"), "(GIF); ammessi PDF"),
    ("IMG_0001.HEIC", samples.HEIC, "tipo di file non ammesso: allegati/IMG_0001.HEIC (HEIC);"
                                    " ammessi PDF, ODT, ODS, ODP, DOCX, XLSX, PPTX, TXT, CSV,"
                                    " ZIP, PNG, JPG, JPEG, WEBP; convertilo in JPEG /"),
    ("IMG_0001.jpg", samples.HEIC, "allegati/IMG_0001.jpg non è un'immagine JPEG: il contenuto"
                                   " è una foto HEIC (il formato delle foto dell'iPhone)"),
    ("finto.pdf", samples.image("PNG"),
     "allegati/finto.pdf non è un PDF: il contenuto è un'immagine PNG"
     " / allegati/finto.pdf is not a PDF: its content is a PNG image"),
    ("modulo.docx", samples.PLAIN_ZIP,
     "allegati/modulo.docx non è un documento Word (DOCX): il contenuto è un archivio ZIP"),
    ("modulo.docx", b"PK" + b"x" * 3000,  # what an older test passed off as a DOCX
     "allegati/modulo.docx non è un documento Word (DOCX): il contenuto è un file di testo"),
    ("conti.docx", samples.ooxml("xlsx"), "il contenuto è un foglio di calcolo Excel (XLSX)"),
    ("protetto.docx", samples.OLE,
     "il contenuto è un documento Office del vecchio formato (DOC, XLS, PPT) o un file"),
    ("relazione.odt", samples.odf("odt", mimetype="application/vnd.oasis.opendocument.graphics"),
     "allegati/relazione.odt non è un documento OpenDocument (ODT): il contenuto è un archivio"),
    ("bilancio.ods", samples.odf("odp"), "il contenuto è una presentazione OpenDocument (ODP)"),
    ("dati.txt", samples.BINARY,
     "allegati/dati.txt non è un file di testo: il contenuto non è di un tipo riconosciuto;"
     " salvalo come testo UTF-8"),
    ("dati.csv", "nome;città\n".encode("utf-16"), "non è un file di testo"),
    ("dati.txt", bytes(range(1, 32)) * 10, "non è un file di testo"),  # controls, no NUL
    ("pagina.txt", samples.HTML, "il contenuto è una pagina HTML"),
    ("disegno.png", samples.SVG_SCRIPT, "non è un'immagine PNG: il contenuto è un'immagine SVG"),
    ("foto.jpg", samples.image("PNG"), "non è un'immagine JPEG: il contenuto è un'immagine PNG"),
    ("foto.webp", samples.pdf(1), "non è un'immagine WebP: il contenuto è un PDF"),
    ("archivio.zip", samples.pdf(1), "non è un archivio ZIP: il contenuto è un PDF"),
    ("vuoto.pdf", b"", "il file è vuoto: allegati/vuoto.pdf / empty file"),
    ("vuoto.txt", b"", "il file è vuoto: allegati/vuoto.txt"),
])
def test_refused_types_and_disguised_content(tmp_path, name, data, expected):
    path = write(tmp_path, name, data)
    message = problem(f"allegati/{name}", path, ALLOWED_KINDS)
    assert message is not None and expected in message, message


@pytest.mark.parametrize(("data", "kind"), [
    (samples.HTML, "html"),
    (samples.SVG_SCRIPT, "svg"),
    (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "svg"),
    (b"  <HTML><p>ciao", "html"),
    (b'<?xml version="1.0"?><dati/>', "xml"),
    (samples.JS, "text"),  # script text: refused by its extension, not by sniffing
    (samples.OLE, "ole"),
    (samples.RTF, "rtf"),
    (samples.image("GIF"), "gif"),
    (samples.HEIC, "heic"),
    (samples.BINARY, None),
    (b"", None),
])
def test_sniff_names_the_kinds_it_refuses(tmp_path, data, kind):
    assert sniff(write(tmp_path, "x", data)) == kind


def test_utf8_cut_at_the_window_is_still_text(tmp_path):
    data = b"a" * (HEAD - 1) + "è\n".encode() * 10  # "è" straddles byte HEAD
    assert sniff(write(tmp_path, "lungo.txt", data)) == "text"
    assert sniff(write(tmp_path, "troncato.txt", data[:HEAD])) == "text"
    assert sniff(write(tmp_path, "corto.txt", b"abc\xc3")) == "text"  # Windows-1252 "Ã"


def test_images_alone_for_the_images_folder(tmp_path):
    path = write(tmp_path, "x.pdf", samples.pdf(1))
    assert "ammessi PNG, JPG, JPEG, WEBP /" in problem("immagini/x.pdf", path, IMAGES)
    assert problem("immagini/x.webp", write(tmp_path, "x.webp", samples.image("WEBP")),
                   IMAGES) is None


def test_one_mime_table_for_every_extension():
    assert filetypes.mime_type("a/Verbale.PDF") == "application/pdf"
    assert filetypes.mime_type("x.csv") == "text/csv"
    assert filetypes.mime_type("LEGGIMI") == "application/octet-stream"
    for name in ALLOWED_KINDS:
        assert KINDS[name].mimes, name
    attachment = Attachment(source="allegati/a.xlsx", title="A", description="",
                            url="allegati/a.xlsx", save_as="allegati/a.xlsx", size=1)
    assert attachment.mime == MIME_TYPES["xlsx"]
    assert not hasattr(__import__("plugins.attachments.model").attachments.model, "MIME_TYPES")
