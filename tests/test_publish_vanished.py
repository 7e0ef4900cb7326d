"""A publish names the addresses of articles and pages the new release takes away
(tools/vanished.py): a warning by default, a refusal with ``strict``.

Real publishes into a temporary publish root, one after the other, as an editor's
corrections reach the site.
"""

import logging
import os
import re
import subprocess
import sys

import pytest

import samples
from support import ROOT, WAIT, article, current, make_conf, write_content

sys.path.insert(0, str(ROOT))
from tools import publish_checks, publish_root, publisher, vanished  # noqa: E402

WARNING = "la nuova versione toglie"
REFUSED = "Pubblicazione rifiutata (--strict)"


# What a publish compares is the subject here: its builds are forked from the build server
# (the child process itself, with its own interpreter, is test_safe_build's).
pytestmark = pytest.mark.usefixtures("forked_safe_builds")


def publish(conf, root, content, caplog, strict=False):
    """One publish; its log (this publish's only) and its release."""
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger=publish_checks.__name__):
        options = {"strict": True} if strict else {}
        release = publisher.publish(conf, root, content=content, **options)
    return release, caplog.text


def site(tmp_path):
    return make_conf(tmp_path), tmp_path / "content", tmp_path / "public"


def test_a_date_moved_a_month_names_the_old_address_and_the_line_to_add(tmp_path, caplog):
    conf, content, root = site(tmp_path)
    write_content(content, {"notizie/a.md": article(title="Festa", date="2024-05-05 10:00"),
                            "notizie/b.md": article(title="Altro", date="2024-04-01 10:00")})
    first, log = publish(conf, root, content, caplog)
    assert first and WARNING not in log  # no current release to compare with
    write_content(content, {"notizie/a.md": article(title="Festa", date="2024-06-05 10:00")})
    second, log = publish(conf, root, content, caplog)
    assert second and current(root) == second  # a warning: the publish goes on
    assert "toglie 1 indirizzo del sito pubblicato" in log
    assert "troverà «Pagina non trovata»" in log  # the 404 page's title, as it shows it
    assert "/2024/05/festa/ ora è /2024/06/festa/" in log
    assert f"aggiungi a {content.resolve()}/notizie/a.md la riga" in log
    assert "`indirizzi_precedenti: [/2024/05/festa/]`" in log
    assert "/2024/04/altro/" not in log


def test_what_became_of_each_published_file_is_told_by_its_file(tmp_path, caplog):
    """The published release's admin/slugs.json says which file each address was: a title
    changed without ``slug:`` names the file and its new address (no other item has the
    old slug to guess it by), a file made a draft or dated in the future by mistake is
    said to be that, at the line of its `status` or `date`, not "if it moved, add
    indirizzi_precedenti" (which would not help)."""
    conf, content, root = site(tmp_path)
    write_content(content, {
        "notizie/festa.md": article(title="Festa in piazza", date="2024-05-05 10:00"),
        "notizie/bozza.md": article(title="Ritirato", date="2024-05-06 10:00"),
        "notizie/futuro.md": article(title="Errore di data", date="2024-05-07 10:00")})
    assert publish(conf, root, content, caplog)[0]
    write_content(content, {
        "notizie/festa.md": article(title="Festa grande in piazza", date="2024-05-05 10:00"),
        "notizie/bozza.md": article(title="Ritirato", date="2024-05-06 10:00",
                                    status="draft"),
        "notizie/futuro.md": article(title="Errore di data", date="2099-05-07 10:00")})
    release, log = publish(conf, root, content, caplog)
    assert release and current(root) == release
    assert "toglie 3 indirizzi del sito pubblicato" in log
    files = content.resolve()
    assert (f"/2024/05/festa-in-piazza/ ora è /2024/05/festa-grande-in-piazza/: aggiungi a"
            f" {files}/notizie/festa.md la riga `indirizzi_precedenti:"
            f" [/2024/05/festa-in-piazza/]`") in log
    # at the line of `status` (title, date, status) and of `date`
    assert (f"/2024/05/ritirato/: {files}/notizie/bozza.md:4 ora è una bozza (`status: draft`)"
            f" e non è più sul sito; se l'hai tolto apposta, va bene così, altrimenti scrivi"
            f" `status: published`") in log
    assert (f"/2024/05/errore-di-data/: {files}/notizie/futuro.md:3 ora ha una data nel futuro"
            f" (`date: 2099-05-07 10:00`) e non sarà sul sito fino ad allora; se la data è un"
            f" errore, correggila") in log
    assert "indirizzi_precedenti: [/2024/05/ritirato/]" not in log
    assert "indirizzi_precedenti: [/2024/05/errore-di-data/]" not in log


def test_a_document_saved_under_a_new_name_is_named_and_one_corrected_in_place_is_not(
        tmp_path, caplog):
    """An attachment's address is in e-mails and posts: a corrected PDF saved under a new
    name takes the old one away, which a publish names with what to do; the corrected
    version saved under the old name keeps it (its preview aside, never linked)."""
    conf, content, root = site(tmp_path)
    item = {"notizie/bando.md": article(title="Bando", date="2024-05-05 10:00",
                                        attachments=["file: allegati/bando.pdf"])}
    write_content(content, item)
    (content / "allegati").mkdir()
    (content / "allegati/bando.pdf").write_bytes(samples.text_pdf("Bando, prima versione"))
    assert publish(conf, root, content, caplog)[0]
    (content / "allegati/bando.pdf").write_bytes(samples.text_pdf("Bando corretto", "Due"))
    release, log = publish(conf, root, content, caplog)
    assert release and current(root) == release and WARNING not in log
    (content / "allegati/bando.pdf").rename(content / "allegati/bando-corretto.pdf")
    write_content(content, {"notizie/bando.md": item["notizie/bando.md"].replace(
        "bando.pdf", "bando-corretto.pdf")})
    release, log = publish(conf, root, content, caplog)
    assert release and current(root) == release  # a warning: the publish goes on
    assert "toglie 1 indirizzo del sito pubblicato" in log
    assert ("/allegati/bando.pdf: il documento non c'è più, e chi ha il suo link (in"
            " un'e-mail, in un post, in un altro sito) troverà «Pagina non trovata»; per"
            " pubblicare una versione corretta di un documento, salvala con il nome del file"
            " vecchio e lascia l'allegato com'era") in log
    assert "anteprima" not in log


def test_the_documents_compared_are_where_the_attachments_settings_put_them(tmp_path,
                                                                            caplog):
    """The publish reads the attachments' settings as the build has them (pelicanconf's
    values, the plugin's defaults filled in and normalised once, at ``initialized``),
    not with a copy of the plugin's defaults of its own: a folder set with a final
    ``/`` and previews named otherwise are compared where the build wrote them."""
    conf, content, root = site(tmp_path)
    conf.write_text(conf.read_text(encoding="utf-8") + 'ATTACHMENTS_PATH = "carte/"\n'
                    'ATTACHMENTS_PREVIEW_URL = "{dirname}/{slug}-mini.webp"\n',
                    encoding="utf-8")
    settings = publish_checks._build_settings(conf, content.parent)  # noqa: SLF001
    assert (settings["ATTACHMENTS_PATH"], settings["ATTACHMENTS_SAVE_AS"]) == (
        "carte", "{dirname}/{slug}.{ext}")
    item = {"notizie/bando.md": article(title="Bando", date="2024-05-05 10:00",
                                        attachments=["file: carte/bando.pdf"])}
    write_content(content, item)
    (content / "carte").mkdir()
    (content / "carte/bando.pdf").write_bytes(samples.text_pdf("Bando, prima versione"))
    first, _ = publish(conf, root, content, caplog)
    assert first and (first / "carte/bando-mini.webp").is_file()
    (content / "carte/bando.pdf").rename(content / "carte/bando-nuovo.pdf")
    write_content(content, {"notizie/bando.md": item["notizie/bando.md"].replace(
        "bando.pdf", "bando-nuovo.pdf")})
    release, log = publish(conf, root, content, caplog)
    assert release and "toglie 1 indirizzo del sito pubblicato" in log
    assert "/carte/bando.pdf: il documento non c'è più" in log and "mini" not in log


def test_a_site_without_the_attachments_plugin_has_no_documents_to_compare(tmp_path):
    old = tmp_path / "old"
    (old / "allegati").mkdir(parents=True)
    (old / "allegati/a.pdf").write_bytes(b"%PDF-")
    assert vanished.documents(old, tmp_path / "new", {"PLUGINS": ["plugins.core"]}) == []


def test_the_old_address_kept_with_indirizzi_precedenti_is_not_reported(tmp_path, caplog):
    conf, content, root = site(tmp_path)
    write_content(content, {"notizie/a.md": article(title="Festa", date="2024-05-05 10:00")})
    assert publish(conf, root, content, caplog)[0]
    write_content(content, {"notizie/a.md": article(title="Festa", date="2024-06-05 10:00")})
    assert WARNING in publish(conf, root, content, caplog)[1]
    write_content(content, {"notizie/a.md": article(
        title="Festa", date="2024-06-05 10:00", indirizzi_precedenti="[/2024/05/festa/]")})
    third, log = publish(conf, root, content, caplog)
    assert third and current(root) == third
    assert WARNING not in log and "/2024/05/festa/" not in log
    # the old address is a page of plugins/redirects leading to the new one
    assert "url=/2024/06/festa/" in (third / "2024/05/festa/index.html").read_text(
        encoding="utf-8")


def test_a_deleted_article_is_reported_and_the_publish_goes_on(tmp_path, caplog):
    conf, content, root = site(tmp_path)
    write_content(content, {"notizie/a.md": article(title="Resta", date="2024-05-05 10:00"),
                            "notizie/b.md": article(title="Via", date="2024-05-06 10:00"),
                            "pages/chi-siamo.md": article(title="Chi siamo", date=None)})
    assert publish(conf, root, content, caplog)[0]
    (content / "notizie/b.md").unlink()
    (content / "pages/chi-siamo.md").unlink()
    release, log = publish(conf, root, content, caplog)
    assert release and current(root) == release
    assert not (release / "2024/05/via/index.html").exists()
    assert "toglie 2 indirizzi del sito pubblicato" in log
    for gone in ("/2024/05/via/", "/chi-siamo/"):
        assert f"{gone}: se l'articolo o la pagina ha un nuovo indirizzo, aggiungi al suo" \
               f" file la riga `indirizzi_precedenti: [{gone}]`" in log
    assert "/2024/05/resta/" not in log


def test_a_content_folder_away_from_the_settings_file_is_compared_too(tmp_path, caplog):
    """``publish(content=…)`` builds another folder than the settings' PATH (which need not
    exist): the comparison reads the settings with that folder too, as the build does (it
    stopped on Pelican's "You need to specify a path containing the content")."""
    conf, _, root = site(tmp_path)
    content = tmp_path / "redazione" / "contenuti"
    write_content(content, {"notizie/a.md": article(title="Resta", date="2024-05-05 10:00"),
                            "notizie/b.md": article(title="Via", date="2024-05-06 10:00")})
    assert not (tmp_path / "content").exists()
    assert publish(conf, root, content, caplog)[0]
    (content / "notizie/b.md").unlink()
    release, log = publish(conf, root, content, caplog)
    assert release and current(root) == release
    assert "toglie 1 indirizzo del sito pubblicato" in log and "/2024/05/via/: " in log


def test_strict_refuses_the_release_and_leaves_current_untouched(tmp_path, caplog):
    conf, content, root = site(tmp_path)
    write_content(content, {"notizie/a.md": article(title="Resta", date="2024-05-05 10:00"),
                            "notizie/b.md": article(title="Via", date="2024-05-06 10:00")})
    first, _ = publish(conf, root, content, caplog)
    (content / "notizie/b.md").unlink()
    refused, log = publish(conf, root, content, caplog, strict=True)
    assert refused is None
    assert REFUSED in log and "/2024/05/via/" in log
    assert current(root) == first and publish_root.releases(root) == [first]
    assert (root / "current" / "2024/05/via/index.html").is_file()
    assert list((root / "staging").iterdir()) == []  # the build and its items file


def test_tag_category_and_archive_pages_that_disappear_are_not_reported(tmp_path, caplog):
    """Deleting the one article of a tag, a category and a year takes those listings
    away too: only the article's address is named (listings come and go with items), and
    the category's feeds (test below)."""
    conf, content, root = site(tmp_path)
    write_content(content, {
        "notizie/a.md": article(title="Uno", date="2024-05-05 10:00", tags="[Crema]"),
        "avvisi/b.md": article(title="Due", date="2023-05-06 10:00", tags="[Crema, Estate]")})
    first, _ = publish(conf, root, content, caplog)
    listings = ("/argomenti/estate/", "/categorie/avvisi/", "/archivio/2023/")
    sitemap = (first / "sitemap.xml").read_text(encoding="utf-8")
    assert all(listing in sitemap for listing in listings)
    (content / "avvisi/b.md").unlink()
    second, log = publish(conf, root, content, caplog)
    assert second and current(root) == second
    for listing in listings:
        assert not (second / listing.strip("/") / "index.html").exists()
        assert listing not in log
    assert "toglie 3 indirizzi del sito pubblicato" in log and "/2023/05/due/: " in log


FEED_GONE = "il feed non c'è più"


def test_a_category_left_without_articles_names_its_two_feeds(tmp_path, caplog):
    """A category's feeds exist only while it has a listed article: its subscribers'
    readers get a 404 after the publish that removes the last one."""
    conf, content, root = site(tmp_path)
    write_content(content, {"notizie/a.md": article(title="Uno", date="2024-05-05 10:00"),
                            "avvisi/b.md": article(title="Due", date="2024-05-06 10:00")})
    first, _ = publish(conf, root, content, caplog)
    feeds = ("/feeds/categorie/avvisi.atom.xml", "/feeds/categorie/avvisi.rss.xml")
    assert all((first / feed.lstrip("/")).is_file() for feed in feeds)
    (content / "avvisi/b.md").unlink()
    second, log = publish(conf, root, content, caplog)
    assert second and current(root) == second  # a warning: the publish goes on
    assert not any((second / feed.lstrip("/")).exists() for feed in feeds)
    assert "toglie 3 indirizzi del sito pubblicato" in log  # the article and two feeds
    for feed in feeds:
        assert f"{feed}: {FEED_GONE}" in log
    assert "lascia almeno un articolo nella categoria, o avvisa gli iscritti" in log
    assert "/feeds/categorie/notizie." not in log and "/feeds/tutto." not in log



def test_the_comparison_reads_the_settings_the_publish_gave_the_build(tmp_path, caplog):
    """A publish's extra settings (Pelican's ``-e``) reach its build, and its comparison
    too: the category's feeds in a folder the settings file does not name, their
    vanishing is named (the comparison read the settings file alone, and looked for
    them in ``feeds/categorie/``)."""
    conf, content, root = site(tmp_path)
    extra = ['CATEGORY_FEED_ATOM="flussi/{slug}.atom.xml"', "CATEGORY_FEED_RSS=null"]
    write_content(content, {"notizie/a.md": article(title="Uno", date="2024-05-05 10:00"),
                            "avvisi/b.md": article(title="Due", date="2024-05-06 10:00")})

    def publish_with_extra():
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger=publish_checks.__name__):
            return publisher.publish(conf, root, extra, content=content), caplog.text

    first, _ = publish_with_extra()
    assert (first / "flussi/avvisi.atom.xml").is_file()
    assert not (first / "feeds/categorie").exists()
    (content / "avvisi/b.md").unlink()
    second, log = publish_with_extra()
    assert second and current(root) == second
    assert "toglie 2 indirizzi del sito pubblicato" in log  # the article and its feed
    assert f"/flussi/avvisi.atom.xml: {FEED_GONE}" in log
    assert "/flussi/notizie.atom.xml" not in log

def test_strict_refuses_a_release_without_a_feed_of_the_current_one(tmp_path, caplog):
    conf, content, root = site(tmp_path)
    write_content(content, {"notizie/a.md": article(title="Uno", date="2024-05-05 10:00"),
                            "avvisi/b.md": article(title="Due", date="2024-05-06 10:00")})
    first, _ = publish(conf, root, content, caplog)
    # the article moves to another category, its address kept: only the feeds go
    (content / "avvisi/b.md").rename(content / "notizie/b.md")
    refused, log = publish(conf, root, content, caplog, strict=True)
    assert refused is None
    assert REFUSED in log and "toglierebbe 2 indirizzi" in log
    assert f"/feeds/categorie/avvisi.atom.xml: {FEED_GONE}" in log
    assert f"/feeds/categorie/avvisi.rss.xml: {FEED_GONE}" in log
    assert current(root) == first and publish_root.releases(root) == [first]
    assert (root / "current" / "feeds/categorie/avvisi.atom.xml").is_file()


def test_a_category_that_keeps_an_article_keeps_its_feeds_and_no_warning(tmp_path, caplog):
    conf, content, root = site(tmp_path)
    write_content(content, {"avvisi/a.md": article(title="Uno", date="2024-05-05 10:00"),
                            "avvisi/b.md": article(title="Due", date="2024-05-06 10:00")})
    assert publish(conf, root, content, caplog)[0]
    write_content(content, {"avvisi/b.md": article(title="Due", date="2024-05-06 10:00",
                                                   body="Testo corretto.")})
    release, log = publish(conf, root, content, caplog, strict=True)
    assert release and current(root) == release
    assert WARNING not in log and REFUSED not in log and "feeds/" not in log
    assert (release / "feeds/categorie/avvisi.atom.xml").is_file()


def test_the_feeds_compared_are_those_the_settings_name(tmp_path):
    """Any ``*.atom.xml``/``*.rss.xml`` under a folder of the feed settings, or a feed
    setting's own file at the top; nothing else."""
    old, new = tmp_path / "old", tmp_path / "new"
    for file in ("flussi/tutto.atom.xml", "flussi/c/a.rss.xml", "flussi/c/b.rss.xml",
                 "feeds/tutto.atom.xml", "flussi/c/a.html", "sitemap.xml", "top.atom.xml"):
        (old / file).parent.mkdir(parents=True, exist_ok=True)
        (old / file).write_text("<feed/>", encoding="utf-8")
    (new / "flussi/c").mkdir(parents=True)
    (new / "flussi/c/a.rss.xml").write_text("<feed/>", encoding="utf-8")
    settings = {"FEED_ALL_ATOM": "flussi/tutto.atom.xml", "FEED_ALL_RSS": None,
                "CATEGORY_FEED_RSS": "flussi/c/{slug}.rss.xml", "FEED_ATOM": "top.atom.xml",
                "FEED_MAX_ITEMS": 30, "FEED_DOMAIN": "https://x.it"}
    assert [gone.address for gone in vanished.feeds(old, new, settings)] == [
        "/flussi/c/b.rss.xml", "/flussi/tutto.atom.xml", "/top.atom.xml"]


def test_a_second_publish_reuses_the_caches_of_the_first(tmp_path, caplog):
    """Each publish names its own REDIRECTS_ITEMS_FILE: a path the caches' settings
    digest left in would make every publish render and check everything again."""
    conf, content, root = site(tmp_path)
    cache = tmp_path / "cache"
    conf.write_text(conf.read_text(encoding="utf-8") + f"CACHE_PATH = {str(cache)!r}\n",
                    encoding="utf-8")
    write_content(content, {"notizie/a.md": article(title="Festa", date="2024-05-05 10:00")})
    assert publish(conf, root, content, caplog)[0]
    caches = sorted(path.name for path in cache.glob("*-*") if path.is_dir())
    assert publish(conf, root, content, caplog)[0]
    assert sorted(path.name for path in cache.glob("*-*") if path.is_dir()) == caches


def test_the_publish_task_has_a_strict_option():
    task = subprocess.run([sys.executable, "-m", "invoke", "--help", "publish"], cwd=ROOT,
                          env=dict(os.environ), capture_output=True, text=True, timeout=WAIT,
                          check=False)
    assert task.returncode == 0 and "--strict" in task.stdout


def test_an_item_is_told_from_a_listing_by_the_folders_the_site_writes():
    reserved = {"argomenti": "TAG_SAVE_AS", "categorie": "CATEGORY_SAVE_AS",
                "index.html": "the site"}
    assert vanished.is_item("2024/05/festa/index.html", reserved)
    assert vanished.is_item("chi-siamo/index.html", reserved)
    assert not vanished.is_item("argomenti/estate/index.html", reserved)
    assert not vanished.is_item("index.html", reserved)


def test_two_new_items_with_the_old_slug_are_no_guess():
    items = {"/2024/06/festa/": "notizie/a.md", "/2023/06/festa/": "notizie/b.md",
             "/2024/06/altro/": "notizie/c.md"}
    assert vanished.moved("/2024/05/festa/", items) == ("", "")
    del items["/2023/06/festa/"]
    assert vanished.moved("/2024/05/festa/", items) == ("/2024/06/festa/", "notizie/a.md")


def guide_quotes_of_publish():
    """The lines docs/guida-redazione.md quotes from a publish's log, in «Quando la
    pubblicazione avvisa», each as a pattern ("…" any text)."""
    guide = (ROOT / "docs" / "guida-redazione.md").read_text(encoding="utf-8")
    section = guide.split("\n### Quando la pubblicazione avvisa:", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```\n(.*?)^```$", section, re.S | re.M)
    return [r"\s+".join(re.escape(word) for word in line.split()).replace("…", ".*?")
            for block in blocks for line in block.splitlines()]


def test_the_guides_quotes_of_a_publish_are_what_it_logs(tmp_path, caplog, monkeypatch):
    """The guide quotes the warning of a publish that moves /2024/05/festa/ to
    /2024/06/festa/ (content/notizie/festa.md) and the line of a category's feed gone:
    each is what a publish logs for that, run from the project's folder."""
    patterns = guide_quotes_of_publish()
    assert len(patterns) == 3, patterns
    monkeypatch.chdir(tmp_path)  # the content folder named as an editor writes it
    conf, content, root = site(tmp_path)
    write_content(content, {"notizie/festa.md": article(title="Festa", date="2024-05-05 10:00"),
                            "avvisi/b.md": article(title="Avviso", date="2024-04-01 10:00")})
    assert publish(conf, root, content, caplog)[0]
    write_content(content, {"notizie/festa.md": article(title="Festa",
                                                        date="2024-06-05 10:00")})
    _, moved = publish(conf, root, content, caplog)
    (content / "avvisi/b.md").unlink()
    _, gone = publish(conf, root, content, caplog)
    logged = " ".join(moved.split()) + " " + " ".join(gone.split())
    for pattern in patterns:
        assert re.search(pattern, logged), (pattern, logged)
