"""The repository's own content builds with the public settings, and every link works; what
its privacy and accessibility pages say about the site matches what the code does.

The publication on GitHub runs these tests on whatever the editors pushed (``./run test``
before ``./run publish``): none may fail on content an editor may write, as
docs/guida-redazione.md allows it and ``./run check`` passes it
(:func:`test_every_test_of_the_real_content_passes_after_the_edits_the_guide_allows`).
So each asserts what holds for any such content: what the code does with it (the real
content as a sample), or, for what only the team's own text says (the pages' claims
against FACTS.md, the privacy page against the code…), only while that text is the team's
version (:data:`TEAM_VERSIONS`, by digest: an editor's later edit is the editors' to
answer for, and the test skips). An editorial rule the editors can break (a PDF without
tags the accessibility statement does not name, a menu page retitled) is a content check,
a warning of ``./run check`` and the build (plugins/content_checks, plugins/attachments),
not a test.
"""

import hashlib
import os
import re
import shutil
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

import samples
from support import ROOT, SITEURL, build_site, run_tool, write_conf
from tools.release_check import check_release

# The team's own version of the content files (sha256 of each file): a test of their
# words (or one using them as a sample whose details it asserts) checks them only while
# the file is this version. Whoever on the team changes one of these files updates its
# digest here (`sha256sum content/<file>`), and the tests check the new words.
TEAM_VERSIONS = {
    "pages/accessibilita.md": "af10aed3dcc73198f2db68db6236dee07c31a66c12fa01ac858ca9e31d591a92",
    "pages/azioni.md": "2940e9f49f6af231900cc5ed89e8afb9d086a50c457862121b8e08fc2b1de5aa",
    "pages/casalmaggiore.md": "75e9d8e5a9cb4dc4f5069427597b4731444b25cc33e91c7ba306794ebbe31382",
    "pages/civic-center.md": "3f7afd40543e35240dea59a3f5be5a54454613aa3c113c3de72d2c60ed8eb2e1",
    "pages/community-manager.md":
        "57758d79e443f25e4c2f649ca9b9d5c99a3a6436eece340cc70fbe643a59de91",
    "pages/contatti.md": "61a042b2ae250be2b3fa7f87dcdde80793e14c6a582b05a0678506212b936069",
    "pages/crema.md": "a671536f6edec454ace3ee607337a73a15df19a7bf3fcc259128a7964f755876",
    "pages/cremona.md": "8ff768846c6af9cf11eeba8155b0835a2afb387de7c581ff4ab0c25ecb4fde64",
    "pages/laboratori-di-comunita.md":
        "efa5fc0e98dbceaf799c67b04c25f63e1a342610540fdc95ea024f42f7e0be98",
    "pages/note-legali.md": "518daae7766be5e563c66467784d5f5f82a80ced6f8db0a005db8aeb97d8208b",
    "pages/partner.md": "0ca212d0d713a77bbe42f86f1cd36f25d9de251445b725bffce105003ddb4118",
    "pages/patti-gener-attivi.md":
        "7e40765e4ad88c73b5255208d5b0c79ddde5680df8ee3277d8a1042f144013ea",
    "pages/privacy.md": "a68d9fc43dec69e925a46c5f6fe7e8e4dc0390f8812d6351df951230f8a78e15",
    "pages/progetto.md": "b9f624532a4b782a16682493b17240bb0f5dbe6ad165123fd195815c2e522d43",
    "pages/territori.md": "41b37c5ec2b1c0efbdb56cd683a3bb49878a454129ffd117c37fc76da9d12c0e",
    "comunicati-stampa/2024-05-05-presentazione-farelegami-crema.md":
        "92265bbb4706ebdbc755feabd056d4d13105fd5cf7be550782faf029eee89100",
    "notizie/2025-05-06-un-anno-di-farelegami.md":
        "8bf17774f272e66bb8f894d04dffd0c8db622d8d291671ee2ab3c9b4a85dcaf2",
    "notizie/2025-01-20-community-manager-orari-cremona.md":
        "253d0961d39353ab8788ddbe559c8da99a51416dfa264645198fee73a9bf423c",
    "notizie/2024-10-15-come-proporre-un-patto-gener-attivo.md":
        "212496bc34d0715c72fdf50b187748c8c6c1276a44ac2da212e5b6c6c549ef28",
    "notizie/2026-09-14-civic-center-crema-porte-aperte-volontari.md":
        "f0bcce1e7310f336d8a70b8511a52eee18d608b498e835253cfc2ef20b9c2225",
    "avvisi/2026-10-05-sportello-community-manager-cremona-orario.md":
        "4b9a3fdc29e56cb5917e1af94b1af8a2ae6466a6838a1a4654d3f9f45c63d231",
    "notizie/2024-06-12-casalmaggiore-primo-laboratorio-di-comunita.md":
        "066455930e6b629ee6dcb86dc879f2247d60436e8818bd6c23a5ed6ecbf7c952",
    "notizie/2024-07-10-perche-i-laboratori-continuano-d-estate.md":
        "73e6b3e58f1aee6b9b85551075bde26297a7bab1864b9e20aeb4fd3bd91142b9",
    "allegati/2024/comunicato-stampa-presentazione-crema.pdf":
        "c3e7c84c211f8cf5b4a1c8cf8ea1dc1049a22721c118d202b8d25dc8bca8c0c7",
}
PRESS_SOURCE = "comunicati-stampa/2024-05-05-presentazione-farelegami-crema.md"
PRESS_PDF = "allegati/2024/comunicato-stampa-presentazione-crema.pdf"


def teams(site, *sources):
    """Whether each of ``sources`` (paths under content/) is, in ``site``'s content, the
    team's version (:data:`TEAM_VERSIONS`)."""
    for source in sources:
        path = site.content / source
        if not path.is_file() or \
                hashlib.sha256(path.read_bytes()).hexdigest() != TEAM_VERSIONS[source]:
            return False
    return True


def teams_or_skip(site, *sources):
    """Skip the test unless :func:`teams` (an editor changed the words it checks)."""
    if not teams(site, *sources):
        pytest.skip(f"{', '.join(sources)}: no longer the team's version (an editor's edit)")


def front_matter(path):
    """The front matter of the content file ``path`` (``{}`` when it cannot be read)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if not text.startswith("---"):
        return {}
    try:
        found = yaml.safe_load(text.split("\n---", 1)[0].removeprefix("---"))
    except yaml.YAMLError:
        return {}
    return found if isinstance(found, dict) else {}


def written_pages(site):
    """``{address: soup}`` of every HTML page of ``site`` but the web editor's."""
    return {"/" + path.relative_to(site.output).as_posix(): site.soup(
        "/" + path.relative_to(site.output).as_posix())
        for path in site.output.rglob("*.html")
        if path.relative_to(site.output).parts[0] != "admin"}


def test_project_content_builds(project_site):
    """The real content builds; the site's own lists are written; every article's page
    gives its date as the reader reads it, in Italian, with the hour of its `date`."""
    assert project_site.ok, project_site.log
    for url in ("/archivio/", "/categorie/", "/argomenti/", "/documenti/"):
        assert project_site.exists(url), url
    weekdays = ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"]
    dated = 0
    for address, page in written_pages(project_site).items():
        for item in page.select(".article-meta .meta-item"):
            label, time = item.select_one(".meta-label"), item.select_one("time[datetime]")
            if label is None or label.get_text() != "Pubblicato" or time is None:
                continue
            when = datetime.fromisoformat(time["datetime"])
            assert time.get_text(" ", strip=True) == (
                f"{weekdays[when.weekday()]} {when.day}\u00a0{MONTHS[when.month - 1]}"
                f" {when.year}, ore\u00a0{when:%H:%M}"), address
            dated += 1
    articles = [path for folder in ("notizie", "avvisi", "comunicati-stampa")
                for path in (project_site.content / folder).glob("*.md")
                if front_matter(path).get("status", "published") == "published"
                and str(front_matter(path).get("date", "")) <= datetime.now().isoformat()]
    assert dated >= len(articles) > 0 or dated == len(articles) == 0, (dated, articles)


PRESS = "/2024/05/farelegami-presentato-a-crema-il-nuovo-progetto-di-welfare-di-comunita/"


def test_the_old_portals_visits_are_carried_by_the_items_that_had_them(project_site):
    """An item's `visite_precedenti` (the old portal's count) is its page's
    ``data-visit-offset``: the offsets of the site's article pages are those of its
    published items (the press release of the launch: 1459)."""
    offsets = sorted(int(count["data-visit-offset"])
                     for page in written_pages(project_site).values()
                     for count in page.select(".article-meta .visit-count[data-visit-offset]"))
    now = datetime.now().isoformat()
    carried = sorted(int(meta["visite_precedenti"])
                     for path in project_site.content.rglob("*.md")
                     for meta in [front_matter(path)]
                     if meta.get("visite_precedenti")
                     and meta.get("status", "published") in ("published", "hidden")
                     and str(meta.get("date", "")) <= now)
    assert offsets == carried
    if teams(project_site, PRESS_SOURCE):
        [count] = project_site.soup(PRESS).select(".article-meta .visit-count")
        assert count["data-visit-offset"] == "1459"


def test_action_and_territory_pages_list_their_latest_news(project_site):
    """A page with an `argomento` (the actions', the territories') lists the newest five
    news of that topic, as its topic's page lists them, and links that page; without any
    news of its topic (all removed, or none yet) it has no such list."""
    topics = {str(meta["argomento"]).casefold() for path in
              (project_site.content / "pages").glob("*.md")
              for meta in [front_matter(path)] if meta.get("argomento")
              and meta.get("status", "published") != "draft"}
    assert topics
    tagged = {a.get_text(" ", strip=True).casefold()
              for a in project_site.soup("/argomenti/").select("main a")
              if not a.find_parent(class_="breadcrumb")}
    shown = {}
    for address, page in written_pages(project_site).items():
        for h2 in page.find_all("h2", id="notizie-argomento"):
            name = h2.get_text().removeprefix("Le ultime notizie su ")
            shown[name.casefold()] = address
            section = h2.find_parent("section")
            assert 1 <= len(section.select(".archive-item")) <= 5, address
            more = next(a for a in section.find_all("a")
                        if a.get_text() == f"Tutte le notizie su {name}")
            assert project_site.exists(more["href"]), address
            listed = project_site.soup(more["href"]).select("main article h2 a")
            assert [a["href"] for a in section.select(".archive-title")] == \
                [a["href"] for a in listed][:5], address
    # every topic page with news of its topic shows them; none without
    assert set(shown) == {topic for topic in topics if topic in tagged}, (shown, tagged)


# What the site's own pages and news told readers as facts, found nowhere in the project's
# facts (/work/shared/FACTS.md: each action named in one line, the partners, the launch):
# where to find a Community Manager and what they do for whom, how often and where the labs
# meet and who may join, who runs the Civic Centers and that Crema has one, which actions
# run in Cremona, how a pact is proposed and signed, a year's "lessons", that the PDF is
# the release handed out at the launch, parishes among the participants; and, on the legal
# pages, commitments and a legal basis put in the name of the Comune di Cremona, which
# FACTS.md names only as the lead partner.
NOT_IN_THE_FACTS = {
    "/civic-center/": ["ricevono anche i Community Manager", "organizzate insieme ai partner",
                       "Gli spazi ospitano", "uno spazio per riunirsi", "aperti a tutti"],
    "/community-manager/": ["ricevono i cittadini nei", "raccolgono segnalazioni",
                            "lavorano nei tre territori", "accompagnano i Laboratori"],
    "/laboratori-di-comunita/": ["incontri periodici", "accompagnati dai Community Manager",
                                 "biblioteche, sale civiche", "Non servono competenze",
                                 "aperti a tutti", "Chiunque", "Spesso da un laboratorio nasce"],
    "/cremona/": ["cura i rapporti con Fondazione Cariplo", "In città sono attive tutte",
                  "dove si tengono incontri e attività"],
    "/partner/": ["parrocchie"],
    "/casalmaggiore/": ["tengono i contatti con i servizi del territorio"],
    PRESS: ["diffuso alla presentazione"],
    "/2025/05/un-anno-di-farelegami-che-cosa-abbiamo-imparato/": [
        "abbiamo imparato", "La prima lezione"],
    "/2025/01/community-manager-gli-orari-di-ricevimento-a-cremona/": [
        "lavorano nei tre territori", "orientato verso l'ufficio giusto",
        "segnalare un bisogno", "il riferimento per chi"],
    "/2024/10/come-proporre-un-patto-gener-attivo/": [
        "Incontra il Community Manager", "ti aiuta a dare forma", "Firma il patto"],
    "/patti-gener-attivi/": ["Che cosa contiene un patto", "aiuta a darle forma",
                             "la biblioteca comunale presta"],
    "/2026/09/civic-center-di-crema-porte-aperte-e-ricerca-di-volontari/": [
        "Civic Center di Crema", "uno spazio aperto a tutti"],
    "/crema/": ["aperti a chiunque", "Civic Center di Crema", "accompagnano le persone"],
    "/azioni/": ["aperti a tutti", "il punto di partenza", "Sono il riferimento",
                 "tempi e ruoli chiari", "tengono insieme le persone"],
    "/territori/": ["operano su tutta la provincia"],
    "/contatti/": ["FareLegami non ha ancora pubblicato"],
    "/accessibilita/": ["Il Comune di Cremona, capofila del progetto FareLegami, si impegna",
                        "sarà pubblicata dal Comune di Cremona"],
    "/privacy/": ["compito di interesse pubblico", "su questa pagina dal Comune di Cremona"],
    "/note-legali/": ["che indicherà su questa pagina", "saranno indicate dal Comune"],
}


# The file each address of NOT_IN_THE_FACTS is written from.
SOURCES = {
    PRESS: PRESS_SOURCE,
    "/2025/05/un-anno-di-farelegami-che-cosa-abbiamo-imparato/":
        "notizie/2025-05-06-un-anno-di-farelegami.md",
    "/2025/01/community-manager-gli-orari-di-ricevimento-a-cremona/":
        "notizie/2025-01-20-community-manager-orari-cremona.md",
    "/2024/10/come-proporre-un-patto-gener-attivo/":
        "notizie/2024-10-15-come-proporre-un-patto-gener-attivo.md",
    "/2026/09/civic-center-di-crema-porte-aperte-e-ricerca-di-volontari/":
        "notizie/2026-09-14-civic-center-crema-porte-aperte-volontari.md",
    **{url: f"pages{url.rstrip('/')}.md" for url in NOT_IN_THE_FACTS if url.count("/") == 2},
}


def test_the_sites_own_pages_claim_nothing_beyond_the_projects_facts(project_site):
    """The team's own pages and news (each while it is the team's version,
    :data:`TEAM_VERSIONS`) claim none of NOT_IN_THE_FACTS: the team does not invent facts
    beyond /work/shared/FACTS.md. What an editor writes later («aperti a tutti» on an
    action's page) is the editors' to answer for: a page an editor changed is not checked
    (all of them changed: skipped)."""
    checked = [url for url in NOT_IN_THE_FACTS if teams(project_site, SOURCES[url])]
    if not checked:
        pytest.skip("every page of NOT_IN_THE_FACTS was changed since the team wrote it")
    claimed = {}
    for url in checked:
        text = " ".join(project_site.soup(url).select_one("main article").get_text(" ").split())
        text = text.replace("\u2019", "'")  # the site prints typographic apostrophes
        claimed[url] = [claim for claim in NOT_IN_THE_FACTS[url] if claim in text]
    assert {url: claims for url, claims in claimed.items() if claims} == {}



# Accents and apostrophes Italian writes otherwise, as a copy editor marks them: "E'" for
# «È», "perchè" for «perché», "nè" for «né», "pò" for «po'», "qual'è" for «qual
# è», a final accent typed as an apostrophe ("piu'", "gia'", "citta'"), "é" alone for «è»,
# "un'" before a masculine noun («un altro», «un indirizzo»)
ITALIAN_SLIPS = re.compile(
    r"(?<![\w'’])[EeÉé][’'](?=\s)|(?<!\w)[Éé](?!\w)"
    r"|\b\w*chè\b|\b(?:nè|sè|pò|fà|stà|dò|quì|quà)\b|\bqual\s*[’']\s*è\b"
    r"|\b(?:piu|perche|puo|gia|cosi|pero|citta|attivita|comunita|sara|potra|verra)[’']"
    r"|\b[Uu]n[’'](?:altro|errore|indirizzo|articolo|avviso|allegato|anno|incontro|elenco"
    r"|evento|ufficio|uomo|amico|esempio)\b")


def test_the_teams_words_have_their_accents_and_apostrophes_right(project_site):
    """No slip of ITALIAN_SLIPS in the site's own words: the theme's templates and scripts
    and the team's content (each file while it is the team's version: what an editor
    writes later is the editors' to answer for). Readers of all ages read them, and a
    copy editor would mark every one."""
    sources = [path for path in (ROOT / "theme").rglob("*")
               if path.suffix in (".html", ".js") and path.is_file()]
    sources += [project_site.content / source for source in TEAM_VERSIONS
                if source.endswith(".md") and teams(project_site, source)]
    assert len(sources) > 30, sources
    found = [(path.name, match.group())
             for path in sources
             for match in ITALIAN_SLIPS.finditer(path.read_text(encoding="utf-8"))]
    assert found == [], found


def test_every_menu_item_and_every_link_to_its_page_name_it_as_the_page_does(project_site):
    """The menu's "Novità" led to a page called "Archivio", which the breadcrumbs of the
    year pages also called "Archivio": one page under two names (WCAG 3.2.4, consistent
    identification), and a reader looking for "Novità" did not find the word on arrival.
    Each menu item's words begin the heading and title of the list it leads to (the
    theme's), and every page's breadcrumb names that page with the heading's words. A menu
    item leading to a page of content/pages/ is the editors' (its `title`): a warning of
    the content checks (:func:`test_the_teams_content_raises_no_untagged_pdf_or_menu_warning`),
    not this test."""
    import pelicanconf  # noqa: PLC0415

    pages = {f"/{meta['slug']}/".replace("//", "/") for path in
             (project_site.content / "pages").glob("*.md")
             for meta in [front_matter(path)] if meta.get("slug")}
    home = project_site.soup("/")
    items = [(a.get_text(strip=True), a["href"].removeprefix(SITEURL))
             for a in home.select(".site-nav a")]
    assert [name for name, _ in items] == [name for name, _ in pelicanconf.NAV_LINKS], items
    lists = [(name, address) for name, address in items if address not in pages]
    assert lists, items  # "Novità", "Documenti"
    for name, address in lists:
        page = project_site.soup(address)
        heading = page.h1.get_text(" ", strip=True)
        assert heading.startswith(name) and page.title.get_text().startswith(name), \
            (name, address, heading)
    for path in project_site.output.rglob("index.html"):
        page = project_site.soup("/" + str(path.relative_to(project_site.output)))
        for link in page.select(".breadcrumb a"):
            target = link["href"].removeprefix(SITEURL)
            if target != "/":
                heading = project_site.soup(target).h1.get_text(" ", strip=True)
                assert heading.startswith(link.get_text(" ", strip=True)), (path, target)


def content_warnings(site, message):
    """The files (paths under content/) the build of ``site`` warned of with ``message``
    (a regular expression of the Italian words after ``file:line:``)."""
    return set(re.findall(r"(\S+?):\d+: " + message, site.messages()))


def test_the_teams_content_raises_no_untagged_pdf_or_menu_warning(project_site):
    """The content checks' warnings of a PDF not accessible (untagged, without title or
    language, without text) that the accessibility statement does not name
    (plugins/attachments/statement.py) and of a menu page whose title does not begin with
    the menu's words (content_checks.menu_titles): the team's content raises neither. The
    press release's PDF has no tags (nor a title its reader's window shows), and the
    statement names its item; the menu pages' titles begin with the menu's words. Checked while the files are the team's
    versions (:data:`TEAM_VERSIONS`): an editor's later PDF or title is a warning for the
    editors (docs/guida-redazione.md), and stops nothing."""
    from plugins.attachments.pdfinfo import read_pdf  # noqa: PLC0415

    untagged = content_warnings(project_site,
                                r"il PDF \S+ (?:non è accessibile|non ha testo)")
    menu = content_warnings(project_site, "il titolo «")
    if teams(project_site, "pages/accessibilita.md", PRESS_SOURCE, PRESS_PDF):
        assert read_pdf(project_site.content / PRESS_PDF)["tagged"] is False  # the sample
        assert PRESS_SOURCE not in untagged, untagged
    pages = [source for source in TEAM_VERSIONS if source.startswith("pages/")]
    assert [source for source in pages if source in menu and teams(project_site, source)] == []


# Where the editors' own words are: an item's text and lead (and its lead in the lists).
EDITORS_TEXT = (".prose", ".lead", ".card-lead")


def test_no_broken_internal_links_and_no_third_party_requests(project_site):
    """No link the site makes (menus, lists, breadcrumbs, attachments, images…) leads to a
    page that is not there, and no page loads anything from another site. The links an
    editor types in a text by their address are the editors' (a {filename} or {static}
    link is checked by ./run check)."""
    broken, foreign = [], []
    pages = list(project_site.output.rglob("*.html"))
    assert len(pages) > 10, pages  # the project's pages, listings and the web editor
    for page in pages:
        soup = project_site.soup("/" + str(page.relative_to(project_site.output)))
        for tag, attribute in (("a", "href"), ("link", "href"), ("img", "src"),
                               ("script", "src"), ("source", "srcset")):
            for element in soup.find_all(tag):
                value = element.get(attribute)
                if not value or value.startswith(("#", "mailto:", "tel:")):
                    continue
                if tag == "a" and any(element.find_parent(class_=name.lstrip("."))
                                      for name in EDITORS_TEXT):
                    continue
                parts = urlsplit(value)
                if parts.scheme in ("http", "https") and not value.startswith(SITEURL):
                    if tag != "a":
                        foreign.append((page.name, value))
                    continue
                path = unquote(urlsplit(value.removeprefix(SITEURL)).path)
                if path.startswith("/") and not project_site.exists(path):
                    broken.append((str(page.relative_to(project_site.output)), value))
    assert not broken, broken[:20]
    assert not foreign, foreign[:20]


def test_the_project_site_passes_the_release_check(project_site):
    """What ``invoke publish`` checks before switching: the real content passes."""
    assert project_site.ok, project_site.log
    assert check_release(project_site.output, SITEURL) == []


def index_entries(site):
    """The search index (plugins/search) of ``site``: ``{url: entry}``."""
    from plugins.search.fragments import fragments  # noqa: PLC0415

    return {entry["url"]: entry for entry in fragments(site.output / "pagefind")}


def assert_the_index_holds_exactly_the_pages_and_only_published_pdfs(site):
    """The index holds exactly the published pages (those with an indexed region) and,
    besides them, only PDFs the site publishes (not every one: a scanned PDF has no text
    to index)."""
    entries = index_entries(site)
    written = {"/" + str(page.parent.relative_to(site.output)) + "/"
               for page in site.output.rglob("index.html")
               if site.soup("/" + str(page.relative_to(site.output))).find(
                   attrs={"data-pagefind-body": True})}
    pdfs = {"/" + path.relative_to(site.output).as_posix()
            for path in site.output.rglob("allegati/**/*.pdf")}
    assert set(entries) - pdfs == written
    return entries, written


def test_the_project_index_holds_every_published_page_and_the_press_release_pdf(project_site):
    """The search index (plugins/search) of the real content: exactly the published pages
    (those with an indexed region), and the PDFs' text, each PDF under "dal comunicato"
    or the like (its item's category). While the press release and its PDF are the
    team's (a sample with a running header and page numbers): its second page's text, its
    running header once, its "Pagina N di 2" never."""
    entries, written = assert_the_index_holds_exactly_the_pages_and_only_published_pdfs(
        project_site)
    assert written
    for url, entry in entries.items():
        if url.endswith(".pdf"):
            assert entry["meta"]["origine"].startswith("dal"), (url, entry["meta"])
    if not teams(project_site, PRESS_SOURCE, PRESS_PDF):
        return
    pdf = "/" + PRESS_PDF
    assert pdf in entries and entries[pdf]["meta"]["origine"] == "dal comunicato"
    content = entries[pdf]["content"]
    assert "Angela Beretta, assessore al Welfare" in content  # its second page's text
    # its running header once (at the start), its "Pagina N di 2" never (plugins/search)
    assert content.count("FareLegami – Comunicato stampa, 5 maggio 2024") == 1
    assert "Pagina" not in content


def test_a_news_item_with_its_pdf_as_the_guide_writes_it_keeps_the_index_test_passing(
        tmp_path):
    """The publication on GitHub runs the whole test suite first, these tests of the real
    content too: one that holds for today's content only stops the publication of the
    next item an editor writes. The project's content with a news item and its PDF, as
    docs/guida-redazione.md («Allegati») writes them, passes the index's test: it allowed
    the press release's PDF alone, and the item's PDF (indexed, as it has text) stopped
    the publication."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    # names of their own: whatever the project's content holds, nothing is taken
    site = build_site(tmp_path, {
        "allegati/prova-dei-test/Bando Spazi Comuni città.pdf": samples.text_pdf(
            "Bando Spazi Comuni 2026\nRequisiti di partecipazione per le associazioni."),
        "notizie/prova-dei-test-bando-spazi-comuni.md": (
            "---\ntitle: Presentazione del bando Spazi Comuni (prova dei test)\n"
            "date: 2026-01-10 09:00\nattachments:\n"
            "  - file: allegati/prova-dei-test/Bando Spazi Comuni città.pdf\n"
            "    title: Bando Spazi Comuni 2026\n---\n\nIl bando per le associazioni.\n"),
    }, config="publishconf", content=content)
    assert site.ok, site.log
    entries, _ = assert_the_index_holds_exactly_the_pages_and_only_published_pdfs(site)
    assert "/allegati/prova-dei-test/bando-spazi-comuni-citta.pdf" in entries


# What the privacy page (content/pages/privacy.md) tells readers about the site's own
# behaviour, kept in step with the code that behaves: a field the counter starts sending, a
# host the web editor starts contacting or a field the server starts logging fails here
# until the page says so. The page's words are checked while the page is the team's
# version (TEAM_VERSIONS): whoever changes the code changes the page and its digest; an
# editor's later edit of the page is not checked against the code (the test skips).

def privacy_section(project_site, heading):
    """The words of the privacy page's section under the ``<h2>`` ``heading``, with
    straight apostrophes (the site prints typographic ones)."""
    title = project_site.soup("/privacy/").find(
        "h2", string=lambda string: string and string.replace("\u2019", "'") == heading)
    assert title is not None, heading
    words = []
    for element in title.find_next_siblings():
        if element.name == "h2":
            break
        words.append(element.get_text(" "))
    return " ".join(" ".join(words).replace("\u2019", "'").split())


NO_COOKIES = "Nessun cookie, nessuna risorsa da altri siti"  # a heading of the page

# GoatCounter's parameters the counter script sends when it records a visit, and how the
# privacy page names each; and those the page promises are never sent.
COUNTER_FIELDS = {"p": "l'indirizzo della pagina", "t": "il suo titolo",
                  "rnd": "codice casuale", "b": "programma automatico"}
COUNTER_NOT_SENT = {"r": "referrer", "s": "dimensioni dello schermo"}


def test_the_privacy_page_names_every_field_the_visit_counter_sends(project_site):
    script = (ROOT / "theme" / "static" / "js" / "visit-counter.js").read_text()
    record = script[script.index("function record("):script.index("function visits(")]
    sent = set(re.findall(r"[?&](\w+)=", record))
    assert sent and sent <= set(COUNTER_FIELDS), \
        f"the counter sends {sorted(sent - set(COUNTER_FIELDS))}: say so on the privacy page"
    assert sent.isdisjoint(COUNTER_NOT_SENT)
    # "Do Not Track o Global Privacy Control": the public settings keep respecting them
    tags = [tag for page in written_pages(project_site).values()
            for tag in page.select("script[data-endpoint]")]
    assert tags and {tag["data-respect-dnt"] for tag in tags} == {"true"}
    teams_or_skip(project_site, "pages/privacy.md")
    text = privacy_section(project_site, "Contatore delle visite")
    assert [phrase for phrase in COUNTER_FIELDS.values() if phrase not in text] == []
    assert [phrase for phrase in COUNTER_NOT_SENT.values() if phrase not in text] == []
    assert "Do Not Track o Global Privacy Control" in text


def test_nothing_the_site_sends_readers_stores_anything_in_their_browser(project_site):
    """The page: no cookies, nothing saved on the reader's device (the web editor apart)."""
    storage = re.compile(r"document\.cookie|localStorage|sessionStorage|indexedDB|caches\.open")
    scripts = [path for path in project_site.output.rglob("*.js")
               if path.relative_to(project_site.output).parts[0] != "admin"]
    assert any(path.parts[-2] == "js" for path in scripts), scripts  # the theme's site.js
    assert [str(path) for path in scripts if storage.search(path.read_text())] == []
    teams_or_skip(project_site, "pages/privacy.md")
    assert "Non usa cookie" in privacy_section(project_site, NO_COOKIES)


def test_pages_allow_no_host_but_the_site_and_the_visit_counter(project_site):
    """The page: no fonts, scripts, images… from other sites; only the counter's service.
    Every page's Content-Security-Policy names no other host."""
    allowed = {SITEURL, "https://stats.example.org"}  # the fixture's VISIT_COUNTER_URL
    named = set()
    for page in project_site.output.rglob("*.html"):
        if page.relative_to(project_site.output).parts[0] == "admin":
            continue  # the web editor: its own policy, below
        meta = project_site.soup("/" + page.relative_to(project_site.output).as_posix()).find(
            "meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, page
        for directive in meta["content"].split(";"):
            named.update(source for source in directive.split()[1:] if "://" in source)
    assert named == allowed, named
    teams_or_skip(project_site, "pages/privacy.md")
    text = privacy_section(project_site, NO_COOKIES)
    assert "servizio di conteggio delle visite" in text


# The hosts the web editor's browser may contact (plugins/admin/policy.py), by how the
# privacy page names them; the git host's own address, when it is the site's choice
# (ADMIN_BASE_URL), is "il servizio che ospita i file del sito".
EDITOR_HOSTS = {"https://gitlab.com": "GitLab", "https://secure.gravatar.com": "Gravatar",
                "https://api.github.com": "GitHub",
                "https://avatars.githubusercontent.com": "GitHub",
                "https://www.githubstatus.com": "www.githubstatus.com"}
EDITOR_BACKENDS = {"gitlab": "GitLab", "github": "GitHub", "gitea": "Gitea"}


def test_the_privacy_page_names_every_host_the_web_editor_contacts(project_site):
    from plugins.admin import policy  # noqa: PLC0415
    from plugins.admin.settings import BACKENDS  # noqa: PLC0415

    own = "https://git.example.org"
    hosts = set()
    for backend in BACKENDS:
        connect, images = policy.backend_sources({
            "ADMIN_REPO": "redazione/sito", "ADMIN_BACKEND": backend, "ADMIN_API_ROOT": "",
            "ADMIN_BASE_URL": own if backend == "gitea" else ""})
        hosts.update(connect, images)
    hosts.discard(own)
    assert set(BACKENDS) <= set(EDITOR_BACKENDS), "name the new git host on the privacy page"
    assert hosts <= set(EDITOR_HOSTS), \
        f"the editor contacts {sorted(hosts - set(EDITOR_HOSTS))}: name it on the privacy page"
    teams_or_skip(project_site, "pages/privacy.md")
    text = privacy_section(project_site, "L'editor web della redazione")
    names = {EDITOR_HOSTS[host] for host in hosts} | set(EDITOR_BACKENDS.values())
    assert sorted(name for name in names if name not in text) == []


# What nginx logs with deploy/nginx.conf: the file sets no log format, so every request is
# written in nginx's predefined "combined" format (Debian's nginx.conf: access_log
# /var/log/nginx/access.log). Each of its fields, by how the privacy page names it (None:
# never filled on this site: there is no HTTP login).
NGINX_COMBINED = ('$remote_addr - $remote_user [$time_local] "$request" $status '
                  '$body_bytes_sent "$http_referer" "$http_user_agent"')
LOG_FIELDS = {"$remote_addr": "l'indirizzo IP", "$remote_user": None,
              "$time_local": "la data e l'ora",
              "$request": "l'indirizzo della pagina o del file richiesto, comprese le parole"
                          " che cerchi",
              "$status": "l'esito della richiesta", "$body_bytes_sent": "la quantità di dati",
              "$http_referer": "l'indirizzo della pagina da cui arrivi",
              "$http_user_agent": "il tipo di browser"}


def test_the_privacy_page_names_every_field_the_web_server_logs(project_site):
    conf = "\n".join(line.split("#")[0] for line in
                     (ROOT / "deploy" / "nginx.conf").read_text().splitlines())
    formats = re.findall(r"\blog_format\s+\S+\s+(.*?);", conf, re.S)
    logged = set(re.findall(r"\$\w+", " ".join(formats) or NGINX_COMBINED))
    if re.search(r"\baccess_log\s+off\s*;", conf) and not re.search(
            r"\baccess_log\s+(?!off)", conf):
        logged = set()
    assert logged <= set(LOG_FIELDS), \
        f"the server logs {sorted(logged - set(LOG_FIELDS))}: say so on the privacy page"
    teams_or_skip(project_site, "pages/privacy.md")
    text = privacy_section(project_site, "Log del server")
    assert [LOG_FIELDS[field] for field in sorted(logged)
            if LOG_FIELDS[field] and LOG_FIELDS[field] not in text] == []


def test_the_accessibility_statement_says_what_the_browser_tests_check(project_site):
    """content/pages/accessibilita.md, "Metodo di valutazione", against the tests it
    describes: axe-core's rules (browser_support.AXE_TAGS), the widths and colour schemes
    of test_accessibility_browser.py, the reflow width of test_reflow_browser.py, the W3C
    validator of test_html_validity.py. While the
    statement is the team's version (TEAM_VERSIONS): whoever changes those tests updates
    the statement and its digest."""
    import ast  # noqa: PLC0415

    from browser_support import AXE_TAGS  # noqa: PLC0415

    teams_or_skip(project_site, "pages/accessibilita.md")

    text = " ".join(project_site.soup("/accessibilita/").select_one("main article")
                    .get_text(" ").split())
    rules = [re.fullmatch(r"wcag2(\d?)(a+)", tag) for tag in AXE_TAGS]
    versions = sorted({"2." + (rule[1] or "0") for rule in rules if rule})
    levels = sorted({rule[2].upper() for rule in rules if rule}, key=len)
    assert f"WCAG {', '.join(versions[:-1])} e {versions[-1]}" in text, versions
    assert f"ai livelli {' e '.join(levels)}" in text, levels
    assert ("best-practice" in AXE_TAGS) == ("buone pratiche" in text)
    tests = ROOT / "tests"
    modes = next(ast.literal_eval(node.value) for node in
                 ast.parse((tests / "test_accessibility_browser.py").read_text()).body
                 if isinstance(node, ast.Assign)
                 and getattr(node.targets[0], "id", None) == "MODES")
    assert {scheme for _, scheme in modes} == {"light", "dark"} and "chiari" in text \
        and "scuri" in text
    assert [width for width, _ in modes if f"{width} pixel" not in text] == []
    reflow = re.findall(r'viewport=\{"width": (\d+)',
                        (tests / "test_reflow_browser.py").read_text())
    assert reflow and [width for width in reflow if f"{width} pixel" not in text] == []
    # the markup checked by the W3C's validator (test_html_validity.py)
    assert ("Nu Html Checker" in text) == (tests / "test_html_validity.py").is_file()
    # WCAG 2.2's new criteria (test_wcag22_browser.py): each page kind it visits named,
    # the widths of its measures, the targets' size and the help's order
    wcag22 = ast.parse((tests / "test_wcag22_browser.py").read_text())
    constants = {node.targets[0].id: ast.literal_eval(node.value) for node in wcag22.body
                 if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
                 and node.targets[0].id in ("PAGE_NAMES", "TARGET_WIDTHS", "FOCUS_WIDTHS")}
    assert len(constants) == 3, constants
    assert [name for name in constants["PAGE_NAMES"].values() if name not in text] == []
    # each width in the bullet of its own check (the numbers are elsewhere in the text too:
    # 390 and 1280 of axe-core's pages, 320 of the reflow): a focus not obscured (2.4.11),
    # the targets' size (2.5.8)
    bullets = [" ".join(item.get_text(" ").split()) for item in
               project_site.soup("/accessibilita/").select("main article li")]
    [focus] = [bullet for bullet in bullets if "tasto Tab, andando avanti" in bullet]
    [targets] = [bullet for bullet in bullets if "24 × 24 pixel" in bullet]
    assert bullet_widths(focus) == constants["FOCUS_WIDTHS"]
    assert bullet_widths(targets) == constants["TARGET_WIDTHS"]
    assert "sempre nello stesso ordine" in text


# WCAG 2.2's new success criteria at levels A and AA: what a claim of 2.2 AA adds to 2.1 AA
# (EN 301 549 v3.2.1's level). 2.4.12, 2.4.13 and 3.3.9 are AAA, 4.1.1 was removed.
WCAG22_NEW = ["2.4.11", "2.5.7", "2.5.8", "3.2.6", "3.3.7", "3.3.8"]


def wcag22_marks(tests):
    """``{criterion: ["file::test", ...]}``: the tests of the folder ``tests`` marked
    ``pytest.mark.wcag22(criterion)`` (pytest.ini), read from their source."""
    import ast  # noqa: PLC0415

    marks = {}
    for path in sorted(tests.glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef) or not node.name.startswith("test_"):
                continue
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call) and \
                        getattr(decorator.func, "attr", None) == "wcag22":
                    [criterion] = [ast.literal_eval(arg) for arg in decorator.args]
                    marks.setdefault(criterion, []).append(f"{path.name}::{node.name}")
    return marks


def test_the_wcag22_marks_are_read_from_the_tests_source(tmp_path):
    (tmp_path / "test_a.py").write_text(
        "import pytest\n\n\n@pytest.mark.wcag22(\"2.5.7\")\n"
        "@pytest.mark.parametrize(\"x\", [1])\ndef test_one(x):\n    pass\n\n\n"
        "@pytest.mark.browser\ndef test_two():\n    pass\n\n\n"
        "class TestThree:\n    @pytest.mark.wcag22(\"3.3.8\")\n    def test_four(self):\n"
        "        pass\n")
    (tmp_path / "helper.py").write_text(
        "import pytest\n\n\n@pytest.mark.wcag22(\"2.4.11\")\ndef test_five():\n    pass\n")
    assert wcag22_marks(tmp_path) == {"2.5.7": ["test_a.py::test_one"],
                                      "3.3.8": ["test_a.py::test_four"]}


def test_the_accessibility_statement_claims_wcag_2_2_aa_each_new_criterion_with_its_tests(
        project_site):
    """AgID's model states the level the site conforms to: WCAG 2.2 AA, which holds 2.1
    AA. The statement's "Stato di conformità" names 2.2 at level AA and lists each of
    2.2's new A and AA criteria (WCAG22_NEW) by its number, and each has a test of the
    suite marked ``wcag22`` with its number that proves it on the public site (and no
    test is marked for a criterion the statement does not list). While the statement is
    the team's version (TEAM_VERSIONS): whoever marks a test, or rewords the claim,
    updates the statement and its digest."""
    teams_or_skip(project_site, "pages/accessibilita.md")
    section = accessibility_section(project_site, "Stato di conformità")
    text = " ".join(" ".join(element.get_text(" ").split()) for element in section)
    assert "Web Content Accessibility Guidelines (WCAG) 2.2 al livello AA" in text, text
    assert "comprendono tutti i requisiti delle WCAG 2.1 al livello AA" in text, text
    listed = [" ".join(item.get_text(" ").split()) for element in section
              for item in element.find_all("li")]
    claimed = [re.match(r"(\d\.\d\.\d{1,2}) ", item) for item in listed]
    assert None not in claimed, listed
    claimed = [found[1] for found in claimed]
    assert claimed == WCAG22_NEW, claimed
    marks = wcag22_marks(ROOT / "tests")
    assert {criterion: marks.get(criterion) for criterion in claimed
            if not marks.get(criterion)} == {}
    assert sorted(marks) == claimed, marks


def bullet_widths(bullet):
    """The widths a bullet of the accessibility statement names ("a 320, 390 e 1280 pixel
    di larghezza", "a 320 e a 390 pixel di larghezza"), in its order."""
    [found] = re.findall(r"\ba (\d+(?:(?:, | e | e a )\d+)*) pixel di larghezza", bullet)
    return [int(width) for width in re.findall(r"\d+", found)]


MONTHS = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
          "settembre", "ottobre", "novembre", "dicembre"]


def accessibility_section(project_site, heading):
    """The words of the accessibility statement's section under the ``<h2>`` ``heading``."""
    title = project_site.soup("/accessibilita/").find(
        "h2", string=lambda string: string and string.replace("\u2019", "'") == heading)
    assert title is not None, heading
    return [element for element in title.find_next_siblings()
            if element.find_previous_sibling("h2") is title]


def last_change(root, folder):
    """The author's date of the newest commit that changed ``folder`` in the git clone
    ``root`` (a rebase or a cherry-pick, which renews the committer's, leaves it as the
    change was made), or None when the history cannot tell: no git, no commit touching
    it, or a shallow clone whose oldest commit is the one found. A shallow clone's
    oldest commit seems to add every file (it has no parent to compare with): in CI's
    checkout (one commit) that was the commit pushed, dated after the statement on any
    later day, and every publish stopped there."""
    import datetime  # noqa: PLC0415
    import subprocess  # noqa: PLC0415

    def git(*args):
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                              check=True).stdout.strip()

    try:
        found = git("log", "-1", "--format=%H %as", "--", folder).split()
        shallow = Path(root, git("rev-parse", "--git-path", "shallow"))
    except (OSError, subprocess.CalledProcessError):
        return None
    if not found or (shallow.is_file() and found[0] in shallow.read_text().split()):
        return None
    return datetime.date.fromisoformat(found[1])


def test_the_last_change_to_a_folder_is_unknown_beyond_a_shallow_clone(tmp_path):
    import subprocess  # noqa: PLC0415

    def git(*args, cwd=tmp_path / "repo", date=None):
        env = {**os.environ, "GIT_AUTHOR_DATE": date or "2024-01-01T12:00:00",
               "GIT_COMMITTER_DATE": date or "2024-01-01T12:00:00"}
        subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                        "-c", "init.defaultBranch=main", *args], cwd=cwd, env=env,
                       check=True, capture_output=True)

    repo = tmp_path / "repo"
    (repo / "theme").mkdir(parents=True)
    (repo / "theme" / "base.css").write_text("body {}\n")
    (repo / "content").mkdir()
    (repo / "content" / "notizia.md").write_text("Uno.\n")
    git("init", "-q", ".")
    git("add", ".")
    git("commit", "-q", "-m", "theme", date="2024-03-05T10:00:00")
    (repo / "content" / "notizia.md").write_text("Due.\n")
    git("commit", "-q", "-am", "news", date="2025-06-01T10:00:00")
    assert last_change(repo, "theme") == datetime(2024, 3, 5).date()
    git("clone", "-q", "--depth", "1", f"file://{repo}", str(tmp_path / "shallow"),
        cwd=tmp_path)
    assert last_change(tmp_path / "shallow", "theme") is None  # not 2025-06-01
    assert last_change(tmp_path / "shallow", "content") is None
    assert last_change(tmp_path, "theme") is None  # no git here


def test_the_accessibility_statement_is_dated_after_the_last_change_to_the_theme(project_site):
    """AgID's model dates the statement; a statement older than the theme it describes
    speaks of a site that is no longer there. Changing theme/ means reviewing
    content/pages/accessibilita.md ("Limiti noti" included), updating its date (and its
    digest in TEAM_VERSIONS: the test checks the team's version, not an editor's later
    edit of the statement, which may write the date in words of its own)."""
    import datetime  # noqa: PLC0415

    teams_or_skip(project_site, "pages/accessibilita.md")

    text = " ".join(" ".join(element.get_text(" ").split()) for element in
                    accessibility_section(project_site, "Data della dichiarazione"))
    found = re.search(r"aggiornata il (\d{1,2}) (\w+) (\d{4})", text)
    assert found and found[2] in MONTHS, text
    stated = datetime.date(int(found[3]), MONTHS.index(found[2]) + 1, int(found[1]))
    # the date search engines read (its WebPage's dateModified) is the one readers read
    assert front_matter(ROOT / "content" / "pages" / "accessibilita.md")["modified"] == stated
    last = last_change(ROOT, "theme")
    if last is None:
        pytest.skip("the theme's last change is unknown (no git, or a shallow clone)")
    assert stated >= last, (f"the theme changed on {last}, the accessibility statement is of"
                            f" {stated}: review it and update its date")


def test_the_accessibility_statement_links_the_procedure_and_names_its_limits(project_site):
    """The enforcement procedure links AgID's page (AgID's model: a link, not "see the
    Agency's site"); search needs JavaScript (the search page's note for readers without
    it) is said, and the oldest browsers it runs in (theme/README.md's floor, below which
    the search page says so); the menu folded on a computer's screen is said while
    header.css needs ::details-content (browsers without it kept it folded there), and only
    then. While the statement is the team's version (TEAM_VERSIONS)."""
    teams_or_skip(project_site, "pages/accessibilita.md")
    links = [a["href"] for element in
             accessibility_section(project_site, "Procedura di attuazione")
             for a in element.find_all("a")]
    assert [href for href in links if href.startswith("https://www.agid.gov.it/")], links
    limits = " ".join(element.get_text(" ") for element in
                      accessibility_section(project_site, "Limiti noti"))
    limits = " ".join(limits.split())
    search = project_site.soup("/cerca/")
    if search.select_one("#cerca-nojs"):
        assert "ricerca nel sito funziona solo con JavaScript" in limits
    # the oldest browsers search runs in (theme/README.md, "Supported browsers"), as named
    # there: below them the search page says the browser needs updating (cerca.js)
    floor = (ROOT / "theme" / "README.md").read_text()
    for pattern, named in ((r"\*\*Safari and iOS ([\d.]+)\*\*", "Safari {}"),
                           (r"\*\*Chromium (\d+)\*\*", "Chrome o Edge {}"),
                           (r"\*\*Firefox (\d+)\*\*", "Firefox {}")):
        version = re.search(pattern, floor)
        assert version, pattern
        assert named.format(version[1]) in limits, (named.format(version[1]), limits)
    css = re.sub(r"/\*.*?\*/", "", (ROOT / "theme" / "static" / "css" / "header.css")
                 .read_text(), flags=re.DOTALL)
    assert ("::details-content" in css) == (
        "resta chiuso dietro il pulsante «Menu» anche sullo schermo di un computer" in limits)


def test_what_the_pages_send_readers_to_is_there(project_site):
    """The pages say the feeds' page «Segui le notizie» is linked at the foot of every page,
    and send readers to a "sezione" ("sezione Avvisi", "sezione Comunicati stampa"): each
    page with the site's footer links that page, and each section the team's pages name
    (while they are the team's version, TEAM_VERSIONS) is a category."""
    sections = set()
    for path in (project_site.content / "pages").glob("*.md"):
        source = path.relative_to(project_site.content).as_posix()
        if source in TEAM_VERSIONS and teams(project_site, source):
            sections.update(re.findall(r"sezione ([A-Z][a-z]+(?: stampa)?)\b",
                                       path.read_text()))
    categories = {a.get_text(" ", strip=True)
                  for a in project_site.soup("/categorie/").select("main a")
                  if not a.find_parent(class_="breadcrumb")}
    assert sections <= categories, (sections, categories)
    missing = []
    for page in project_site.output.rglob("*.html"):
        address = "/" + page.relative_to(project_site.output).as_posix()
        footer = project_site.soup(address).select_one("footer.site-footer")
        if address.startswith("/admin/") or footer is None:
            continue  # the web editor; the pages that only send to the archive
        if not [a for a in footer.find_all("a") if a.get_text(strip=True) == "Segui le notizie"
                and project_site.exists(a["href"].removeprefix(SITEURL))]:
            missing.append(address)
    assert missing == []


# What a recorded visit keeps: the columns of the local counter's table of hits
# (tools/counter_server.py, GoatCounter's protocol: GoatCounter keeps each path with its
# title and counts per hour, automated browsers apart), by how the privacy page names
# each. "id" is the row's own number.
COUNTER_STORED = {"path": "l'indirizzo", "title": "il titolo", "bot": "programma automatico",
                  "created": "il giorno e l'ora"}


def test_the_privacy_page_names_everything_a_recorded_visit_keeps(project_site):
    from tools.counter_server import SCHEMA  # noqa: PLC0415

    table = re.search(r"CREATE TABLE IF NOT EXISTS hits \((.*?)\n\);", SCHEMA, re.S)[1]
    columns = {line.split()[0] for line in table.strip().splitlines()} - {"id"}
    assert columns and columns <= set(COUNTER_STORED), \
        f"the counter keeps {sorted(columns - set(COUNTER_STORED))}: say so on the privacy page"
    teams_or_skip(project_site, "pages/privacy.md")
    text = privacy_section(project_site, "Contatore delle visite")
    kept = text[text.index("Il servizio di conteggio conserva"):]
    kept = kept[:kept.index(".")]
    assert [COUNTER_STORED[column] for column in sorted(columns)
            if COUNTER_STORED[column] not in kept] == []



# Referrer policies that never send another site a page's path or query (a link followed
# from /cerca/?q=…): at most the site's origin
ORIGIN_AT_MOST = {"no-referrer", "same-origin", "strict-origin", "origin",
                  "strict-origin-when-cross-origin", "origin-when-cross-origin"}


def test_every_page_names_a_referrer_policy_that_sends_another_site_the_origin_at_most(
        project_site):
    """Every page names the referrer policy (plugins/csp, the same as nginx's header), one
    that never sends another site a page's path or query: what the privacy page says
    (below)."""
    from plugins.csp.policy import REFERRER_POLICY  # noqa: PLC0415

    assert REFERRER_POLICY in ORIGIN_AT_MOST
    named = {meta["content"] for page in written_pages(project_site).values()
             for meta in page.select('head meta[name="referrer"]')}
    assert named == {REFERRER_POLICY}


def test_the_count_is_asked_for_with_the_pages_address_whatever_the_visit_recorded():
    """Do Not Track or GPC stop the recording, not the reading of the count: the browser
    still asks the counter, with the page's address (visit-counter.js reads for every
    element, its own included, whatever record() decided). The privacy page says so
    (below)."""
    script = (ROOT / "theme" / "static" / "js" / "visit-counter.js").read_text()
    assert 'endpoint + "/counter/" + encodeURIComponent(path)' in script
    assert re.search(r"own\.forEach\(function \(element\) \{\s*record\(element\);\s*"
                     r"request\(element\);", script)


def test_the_privacy_page_says_what_other_sites_and_the_counter_get_without_a_visit(
        project_site):
    """The two tests above, in the page's words: a site a reader goes on to gets this
    site's address at most; with Do Not Track or GPC the count is still asked for; and
    no cookie goes to the counter."""
    teams_or_skip(project_site, "pages/privacy.md")
    assert "al massimo l'indirizzo principale di questo sito, mai la pagina da cui arrivi né" \
        " le parole che hai cercato" in privacy_section(project_site, NO_COOKIES)
    text = privacy_section(project_site, "Contatore delle visite")
    assert "il browser lo chiede al servizio di conteggio con l'indirizzo della pagina" in text
    assert "questa richiesta non conta come visita" in text
    # the counter's requests carry no cookie (test_visit_counter_browser.py: not even one
    # of the site's domain, which sendBeacon used to send)
    assert "Le sue richieste non portano con sé nessun cookie" in text

def test_every_test_of_the_real_content_passes_after_the_edits_the_guide_allows(tmp_path):
    """The publication on GitHub runs this file's tests on what the editors pushed: an
    edit docs/guida-redazione.md allows, which ./run check passes (with warnings, which
    stop nothing), must not fail one. The project's content with such edits, made as an
    editor makes them: a news item with a PDF without tags the accessibility statement
    does not name, a menu page retitled («Scrivici»), «aperti a tutti» written on two
    action pages, every news item tagged Crema removed (the press release and its PDF
    among them, with the links to them, as ./run check asks), the privacy page reworded,
    a page sending readers to a «sezione Eventi»; ./run check passes it, warning of the
    PDF and the title, and every test of the real content (those that take only
    ``project_site``) passes on its build, or skips what only the team's words were."""
    import inspect  # noqa: PLC0415
    import sys  # noqa: PLC0415

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    removed = [path for folder in ("notizie", "avvisi", "comunicati-stampa")
               for path in (content / folder).glob("*.md")
               if "Crema" in (front_matter(path).get("tags") or [])]
    assert (content / PRESS_SOURCE) in removed, removed
    for path in removed:
        path.unlink()
    (content / PRESS_PDF).unlink()  # "file non usato": deleted, as the guide says
    gone = "|".join(re.escape(path.relative_to(content).as_posix()) for path in removed)
    for page in (content / "pages").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        # a list entry about a removed item goes; a link to one is left as its words
        text = re.sub(rf"(?m)^- .*\{{filename\}}/(?:{gone}).*\n", "", text)
        text = re.sub(rf"\[([^\]]*)\]\(\{{filename\}}/(?:{gone})\)", r"\1", text)
        page.write_text(text, encoding="utf-8")

    def edit(source, old, new):
        path = content / source
        text = path.read_text(encoding="utf-8")
        assert old in text, (source, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    edit("pages/contatti.md", "\ntitle: Contatti\n", "\ntitle: Scrivici\n")
    for page in ("pages/laboratori-di-comunita.md", "pages/azioni.md"):
        (content / page).write_text(
            (content / page).read_text(encoding="utf-8")
            + "\nGli incontri sono aperti a tutti: basta presentarsi.\n", encoding="utf-8")
    edit("pages/privacy.md", "il tipo di browser", "il programma usato per navigare")
    edit("pages/territori.md", "\n\n", "\n\nGli appuntamenti sono nella sezione Eventi.\n\n")
    pdf = "allegati/2026/bando-spazi-comuni.pdf"
    (content / "allegati" / "2026").mkdir(parents=True, exist_ok=True)
    (content / pdf).write_bytes(samples.text_pdf("Bando Spazi Comuni 2026"))
    news = "notizie/2026-11-02-bando-spazi-comuni.md"
    (content / news).write_text(
        "---\ntitle: Il bando Spazi Comuni\ndate: 2026-11-02 09:00\ntags: [Cremona]\n"
        f"attachments:\n  - file: {pdf}\n    title: Bando Spazi Comuni 2026\n---\n\n"
        "Il bando per le associazioni.\n", encoding="utf-8")

    status, out, err = run_tool(tmp_path, "check", "--settings", str(write_conf(tmp_path)),
                                "--content", str(content))
    assert status == 0, out + err
    warned = [line for line in out.splitlines() if ": avviso: " in line]
    assert any(f"{news}:" in line and f"il PDF {pdf} non è accessibile" in line
               for line in warned), out
    assert any("pages/contatti.md:" in line and "il titolo «Scrivici»" in line
               for line in warned), out

    (tmp_path / "build").mkdir()
    site = build_site(tmp_path / "build", {}, 'VISIT_COUNTER_URL = "https://stats.example.org"\n',
                      config="publishconf", content=content)
    assert site.ok, site.log
    assert {news, "pages/contatti.md"} <= content_warnings(site, r"il \S+")
    tests = [test for name, test in inspect.getmembers(sys.modules[__name__], inspect.isfunction)
             if name.startswith("test_") and list(inspect.signature(test).parameters)
             == ["project_site"]]
    ran, skipped = [], []
    for test in tests:
        try:
            test(site)
        except pytest.skip.Exception:
            skipped.append(test.__name__)
        else:
            ran.append(test.__name__)
    # the claims' test still checks the pages no editor changed
    assert len(ran) > len(skipped) and \
        "test_the_sites_own_pages_claim_nothing_beyond_the_projects_facts" in ran, (ran, skipped)
