"""Uploaded files no item uses (plugins/static_assets, plugins/attachments,
content_checks.uploads.unused_uploads): whole builds and ``./run check`` of real content.

An image or a document left in content/immagini/ or content/allegati/ when it was taken out
of its article (or uploaded by mistake: a photo of people) is not published, and the build
and ``./run check`` name it, so that the editors delete it or link it.
"""

import re

import pytest
import yaml

import samples
from support import Symlink, article, run_tool, write_conf, write_content

UNUSED = ("file non usato da nessun articolo: non viene pubblicato; se serve, collegalo da un"
          " articolo o da una pagina (con {static} nel testo, `image` o `attachments`),"
          " altrimenti cancellalo / file used by no item: not published; link it or delete it")


def item(title, date="2024-05-05 17:07", body="Testo.", **keys):
    """Markdown with YAML front matter (lists as real YAML)."""
    header = yaml.safe_dump({"title": title, "date": date, **keys}, allow_unicode=True,
                            sort_keys=False)
    return f"---\n{header}---\n\n{body}\n"


SITE = {
    # used by published items: in the body, as the cover, declared, linked, by a page
    "immagini/2024/festa.jpg": samples.photo(800, 500),
    "immagini/2024/copertina.png": samples.image("PNG", (400, 300)),
    "allegati/2024/verbale.pdf": samples.pdf(1),
    "allegati/2024/programma.pdf": samples.pdf(2),
    "immagini/sede.png": samples.image("PNG", (300, 200)),
    # used only by a draft and by a scheduled article: published with them, not before
    "immagini/2024/bozza.jpg": samples.image("JPEG", (300, 200)),
    "allegati/2024/futuro.pdf": samples.pdf(1),
    # used by nothing: a photo uploaded by mistake, a document left behind
    "immagini/2024/persone.jpg": samples.photo(640, 480),
    "allegati/2024/vecchio bando.pdf": samples.pdf(1),
    # not uploads: ignored files, the editor's notes; the hidden files Windows and macOS
    # write in a folder an editor copies or opens (Word's owner file while bando.docx is
    # open, the Finder's custom folder icon "Icon\r", Windows Media Center's thumbnails,
    # the mark Windows keeps of a downloaded file, copied with it into WSL)
    "immagini/Thumbs.db": b"thumbnails",
    "allegati/.DS_Store": b"finder",
    "allegati/desktop.ini": b"[.ShellClassInfo]",
    "allegati/2024/~$ndo.docx": b"owner",
    "immagini/2024/ehthumbs.db": b"thumbnails",
    "immagini/Icon\r": b"",
    "immagini/2024/festa.jpg:Zone.Identifier": b"[ZoneTransfer]\r\nZoneId=3\r\n",
    "notizie/festa.md": item(
        "La festa", image="immagini/2024/copertina.png", image_alt="Il cortile",
        attachments=["allegati/2024/verbale.pdf"],
        body="![La festa]({static}/immagini/2024/festa.jpg)\n\n"
             "[Il programma]({static}/allegati/2024/programma.pdf)"),
    "notizie/bozza.md": item("Bozza", status="draft",
                             body="![Prova]({static}/immagini/2024/bozza.jpg)"),
    "notizie/futuro.md": item("Futuro", date="2999-01-01 10:00",
                              attachments=["allegati/2024/futuro.pdf"]),
    "pages/contatti.md": item("Contatti", body="![La sede]({static}/immagini/sede.png)"),
}
PUBLISHED = ("immagini/2024/festa.jpg", "immagini/2024/copertina.png",
             "allegati/2024/verbale.pdf", "allegati/2024/programma.pdf", "immagini/sede.png")
NOT_YET = ("immagini/2024/bozza.jpg", "allegati/2024/futuro.pdf")
NOT_USED = ("allegati/2024/vecchio bando.pdf", "immagini/2024/persone.jpg")


def names(site):
    """Every file of the output, as one text (``persone`` finds ``immagini/_r/persone-480…``)."""
    return " ".join(site.files())


def check(tmp_path, content, settings=""):
    status, out, err = run_tool(tmp_path, "check", "--settings",
                                str(write_conf(tmp_path, settings)), "--content", str(content))
    assert "Traceback" not in err, err
    return status, out


def unused_lines(out):
    return [line for line in out.splitlines() if "file non usato" in line]


def test_files_no_item_uses_are_not_published_and_check_and_build_name_each_one(build,
                                                                                 tmp_path):
    site = build(SITE)
    assert site.ok, site.log
    files = names(site)
    for path in PUBLISHED:
        assert path in files, path
    for stem in ("persone", "vecchio", "bozza", "futuro", "Thumbs", "DS_Store", "desktop",
                 "~$", "ehthumbs", "Icon", "Zone"):
        assert stem not in files, stem
        assert stem not in site.all_text(), stem
    # the theme's files are no uploads: the favicon, the logo are there
    assert "theme/logo.png" in files and "theme/favicon." in files
    log = site.messages()
    for path in NOT_USED:
        assert f"WARNING {path}: {UNUSED}" in log, log
    assert log.count("file non usato") == len(NOT_USED)
    status, out = check(tmp_path, site.content)
    assert status == 0
    assert unused_lines(out) == [f"content/{path}: avviso: {UNUSED}" for path in NOT_USED]


def test_the_preview_shows_a_drafts_files_and_names_the_unused_ones_too(build):
    site = build(SITE, config="previewconf", siteurl="")
    assert site.ok, site.log
    files = names(site)
    assert "immagini/2024/bozza.jpg" in files and "allegati/2024/futuro.pdf" in files
    assert "persone" not in files and "vecchio" not in files
    log = site.messages()
    assert all(f"WARNING {path}: {UNUSED}" in log for path in NOT_USED), log


@pytest.mark.usefixtures("forked_safe_builds")
def test_a_file_taken_out_of_its_article_leaves_the_next_build(tmp_path):
    """``./run build`` (and the preview) with their caches warm: the photo taken out of
    the text, and the document out of ``attachments``, are gone from the output, the
    photo's variants too, and the build names them."""
    from tools import safe_build  # noqa: PLC0415 - imports Pelican and the plugins

    content, output = tmp_path / "content", tmp_path / "output"
    conf = write_conf(tmp_path)
    write_content(content, SITE)
    log = []
    assert safe_build.build_into(conf, output, content=content, log=log)
    assert (output / "immagini/2024/festa.jpg").is_file()
    assert [path for path in output.glob("immagini/_r/festa-*")]
    assert (output / "allegati/2024/verbale.pdf").is_file()
    write_content(content, {"notizie/festa.md": item(
        "La festa", image="immagini/2024/copertina.png", image_alt="Il cortile",
        body="[Il programma]({static}/allegati/2024/programma.pdf)")})
    log = []
    assert safe_build.build_into(conf, output, content=content, log=log)
    assert (output / "2024/05/la-festa/index.html").is_file()
    assert not (output / "immagini/2024/festa.jpg").exists()
    assert not list(output.glob("immagini/_r/festa-*"))
    assert not (output / "allegati/2024/verbale.pdf").exists()
    assert (output / "allegati/2024/programma.pdf").is_file()
    # its lines joined, without the column naming the module (as Build.messages)
    text = " ".join(" ".join(re.sub(r" +[\w.]+\.py:\d+$", "", line) for line in log).split())
    for path in ("allegati/2024/verbale.pdf", "immagini/2024/festa.jpg"):
        assert f"{path}: {UNUSED}" in text, text
    status, out = check(tmp_path, content)
    assert status == 0
    assert [line.split(": avviso")[0] for line in unused_lines(out)] == [
        "content/allegati/2024/vecchio bando.pdf", "content/allegati/2024/verbale.pdf",
        "content/immagini/2024/festa.jpg", "content/immagini/2024/persone.jpg"]


def test_no_file_is_called_unused_while_the_content_has_errors(build, tmp_path):
    """An image linked wrongly (``{static}/content/immagini/…``), one of a file with
    errors, a document of a type refused: the error is the file's use, and says how to
    write it; "delete it" would be the wrong advice. The build, stopped, and ``./run
    check`` name the errors only."""
    site = build({
        "immagini/2024/cortile.jpg": samples.image("JPEG", (300, 200)),
        "immagini/rotto.jpg": samples.image("JPEG", (300, 200)),
        "allegati/pagina.html": b"<!DOCTYPE html><p>pagina</p>",
        "notizie/cortile.md": item("Cortile",
                                   body="![Il cortile]({static}/content/immagini/2024/cortile.jpg)"),
        "notizie/rotto.md": item("Rotto", date="mai",
                                 body="![Una foto]({static}/immagini/rotto.jpg)"),
        "notizie/allegato.md": item("Allegato", attachments=["allegati/pagina.html"]),
    })
    assert not site.ok
    log = site.messages()
    assert all(name in log for name in ("notizie/cortile.md", "notizie/rotto.md",
                                        "allegati/pagina.html")), log
    assert "file non usato" not in log
    status, out = check(tmp_path, site.content)
    assert status == 1
    assert "scrivi {static}/immagini/2024/cortile.jpg" in out and "notizie/rotto.md" in out \
        and "allegati/pagina.html" in out, out
    assert not unused_lines(out), out
    # the errors fixed, what no item uses is named
    write_content(site.content, {"notizie/cortile.md": item("Cortile", body="Testo."),
                                 "notizie/rotto.md": item("Rotto", body="Testo."),
                                 "notizie/allegato.md": item("Allegato")})
    status, out = check(tmp_path, site.content)
    assert status == 0
    assert [line.split(": avviso")[0] for line in unused_lines(out)] == [
        "content/allegati/pagina.html", "content/immagini/2024/cortile.jpg",
        "content/immagini/rotto.jpg"]


# <img> written with a srcset of its own (pasted from a web page, or typed for screens of
# high resolution): Pelican resolves {static} in src, not in srcset, and the site writes
# its own srcset from src (plugins/images)
SRCSET = {
    "immagini/2024/cortile.jpg": samples.image("JPEG", (300, 200)),
    "immagini/2024/cortile@2x.jpg": samples.image("JPEG", (600, 400)),
    "immagini/2024/scala.jpg": samples.image("JPEG", (300, 200)),
    "notizie/cortile.md": item("Cortile", body=(
        "Il cortile, anche per gli schermi ad alta risoluzione:\n\n"
        '<img src="{static}/immagini/2024/cortile.jpg" alt="Il cortile"\n'
        '  srcset="{static}/immagini/2024/cortile@2x.jpg 2x">')),
    "notizie/scala.md": item("Scala", body=(
        "La scala:\n\n<img alt=\"La scala\" srcset=\"{static}/immagini/2024/scala.jpg\">")),
}
SRCSET_IGNORED = ("l'attributo srcset di <img> non viene pubblicato: le versioni"
                  " dell'immagine per ogni schermo, anche ad alta risoluzione, il sito le"
                  " prepara da sé dal file in src")


def test_an_images_own_srcset_is_named_at_its_line_not_dropped_without_a_word(build,
                                                                              tmp_path):
    """A picture offered in srcset only (cortile@2x.jpg) was dropped without a word: the
    page showed the site's own srcset, and the file was called unused, "link it with
    {static} in the text", which the editor had done; an <img> with a srcset and no src
    was published with {static} in its address, a broken picture, and both its files
    called unused. Now the srcset is a warning at its line, and the picture without src
    an error, in the build and ./run check alike."""
    site = build(SRCSET)
    assert not site.ok
    log = site.messages()
    assert "ERROR notizie/scala.md:8: immagine senza file" in log, log
    assert f"WARNING notizie/cortile.md:9: {SRCSET_IGNORED}" in log, log
    assert f"WARNING notizie/scala.md:8: {SRCSET_IGNORED}" in log, log
    status, out = check(tmp_path, site.content)
    assert status == 1
    assert "content/notizie/scala.md:8: errore: immagine senza file" in out, out
    assert f"content/notizie/cortile.md:9: avviso: {SRCSET_IGNORED}" in out, out
    assert f"content/notizie/scala.md:8: avviso: {SRCSET_IGNORED}" in out, out


def test_an_images_own_srcset_gets_one_message_whatever_its_addresses(build, tmp_path):
    """A srcset naming its file from the site's root, or relative to the page, got an
    error "write {static}/immagini/…" (or "relative link … write {static}/…") at its
    line, and the warning "remove srcset" at the same line: contrary advice, and the
    build stopped for an attribute the site never publishes. Now the one warning, in the
    build and ./run check alike, and the page is published with the site's srcset."""
    site = build({
        "immagini/2024/cortile.jpg": samples.image("JPEG", (300, 200)),
        "immagini/2024/cortile@2x.jpg": samples.image("JPEG", (600, 400)),
        "notizie/cortile.md": item("Cortile", body=(
            "Il cortile:\n\n"
            '<img src="{static}/immagini/2024/cortile.jpg" alt="Il cortile"\n'
            '  srcset="/immagini/2024/cortile@2x.jpg 2x">\n\n'
            '<img src="{static}/immagini/2024/cortile.jpg" alt="Il cortile"'
            ' srcset="cortile@2x.jpg 2x">'))})
    log = site.messages()
    assert site.ok and "ERROR" not in log, log
    assert log.count(f"WARNING notizie/cortile.md:9: {SRCSET_IGNORED}") == 1, log
    assert log.count(f"WARNING notizie/cortile.md:11: {SRCSET_IGNORED}") == 1, log
    assert "{static}/immagini/2024/cortile@2x.jpg" not in log, log
    assert "cortile@2x" not in site.text("2024/05/cortile/index.html")
    status, out = check(tmp_path, site.content)
    assert status == 0 and "errore" not in out, out
    assert f"content/notizie/cortile.md:9: avviso: {SRCSET_IGNORED}" in out, out
    assert f"content/notizie/cortile.md:11: avviso: {SRCSET_IGNORED}" in out, out


def test_a_file_a_used_symbolic_link_leads_to_is_used(build, tmp_path):
    """``immagini/logo.jpg``, a symbolic link to ``immagini/2025/logo.jpg`` (inside
    content/: allowed), is linked with {static}: the build publishes the picture under the
    link's name. Its target was named "file non usato … cancellalo", and deleting it would
    have taken the logo off the page."""
    files = {"immagini/2025/logo.jpg": samples.image("JPEG", (300, 200)),
             "immagini/logo.jpg": Symlink("2025/logo.jpg"),
             "notizie/festa.md": item("La festa", body="![Il logo]({static}/immagini/logo.jpg)")}
    site = build(files)
    assert site.ok, site.log
    assert "immagini/logo.jpg" in names(site)
    assert "file non usato" not in site.log, site.log
    status, out = check(tmp_path, site.content)
    assert status == 0 and unused_lines(out) == [], out

