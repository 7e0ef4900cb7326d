"""The repository's own content builds with the public settings, and every link works; what
its privacy and accessibility pages say about the site matches what the code does."""

import re
import shutil
from urllib.parse import unquote, urlsplit

import pytest

import samples
from support import ROOT, SITEURL, build_site
from tools.release_check import check_release


def test_project_content_builds(project_site):
    assert project_site.ok, project_site.log
    press = project_site.soup("/2024/05/farelegami-presentato-a-crema-il-nuovo-progetto-di-welfare-di-comunita/")
    assert "domenica 5 maggio 2024, ore 17:07" in press.get_text(" ", strip=True)
    for url in ("/progetto/", "/azioni/", "/contatti/", "/privacy/", "/note-legali/",
                "/accessibilita/", "/partner/", "/archivio/", "/categorie/", "/argomenti/"):
        assert project_site.exists(url), url


PRESS = "/2024/05/farelegami-presentato-a-crema-il-nuovo-progetto-di-welfare-di-comunita/"
TOPICS = {"/crema/": "Crema", "/cremona/": "Cremona", "/casalmaggiore/": "Casalmaggiore",
          "/laboratori-di-comunita/": "Laboratori di Comunità",
          "/patti-gener-attivi/": "Patti Gener-Attivi", "/civic-center/": "Civic Center",
          "/community-manager/": "Community Manager"}


def test_the_launch_press_release_carries_the_old_portals_visits(project_site):
    [count] = project_site.soup(PRESS).select(".article-meta .visit-count")
    assert count["data-visit-offset"] == "1459"


def test_action_and_territory_pages_list_their_latest_news(project_site):
    for url, name in TOPICS.items():
        page = project_site.soup(url)
        # by their text: an English name is in a <span lang="en"> of its own
        section = next(h2 for h2 in page.find_all("h2")
                       if h2.get_text() == f"Le ultime notizie su {name}").find_parent("section")
        assert 1 <= len(section.select(".archive-item")) <= 5, url
        more = next(a for a in section.find_all("a")
                    if a.get_text() == f"Tutte le notizie su {name}")
        assert project_site.exists(more["href"]), url
        tagged = project_site.soup(more["href"]).select("main article h2 a")
        assert [a["href"] for a in section.select(".archive-title")] == \
            [a["href"] for a in tagged][:5], url


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


def test_the_sites_own_pages_claim_nothing_beyond_the_projects_facts(project_site):
    claimed = {}
    for url, claims in NOT_IN_THE_FACTS.items():
        text = " ".join(project_site.soup(url).select_one("main article").get_text(" ").split())
        text = text.replace("\u2019", "'")  # the site prints typographic apostrophes
        claimed[url] = [claim for claim in claims if claim in text]
    assert {url: claims for url, claims in claimed.items() if claims} == {}

def test_every_menu_item_and_every_link_to_its_page_name_it_as_the_page_does(project_site):
    """The menu's "Novità" led to a page called "Archivio", which the breadcrumbs of the
    year pages also called "Archivio": one page under two names (WCAG 3.2.4, consistent
    identification), and a reader looking for "Novità" did not find the word on arrival.
    Each menu item's words begin its page's heading and title, and every page's
    breadcrumb names that page with the heading's words."""
    home = project_site.soup("/")
    items = [(a.get_text(strip=True), a["href"].removeprefix(SITEURL))
             for a in home.select(".site-nav a")]
    assert len(items) >= 4, items
    for name, address in items:
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


def test_no_broken_internal_links_and_no_third_party_requests(project_site):
    broken, foreign = [], []
    pages = list(project_site.output.rglob("*.html"))
    assert len(pages) > 20, pages  # the project's pages, listings and the web editor
    for page in pages:
        soup = project_site.soup("/" + str(page.relative_to(project_site.output)))
        for tag, attribute in (("a", "href"), ("link", "href"), ("img", "src"),
                               ("script", "src"), ("source", "srcset")):
            for element in soup.find_all(tag):
                value = element.get(attribute)
                if not value or value.startswith(("#", "mailto:", "tel:")):
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
    from plugins.search.bundle import fragments  # noqa: PLC0415

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
    (those with an indexed region), and the text of the press release's PDF."""
    entries, written = assert_the_index_holds_exactly_the_pages_and_only_published_pdfs(
        project_site)
    pdf = "/allegati/2024/comunicato-stampa-presentazione-crema.pdf"
    assert pdf in entries and entries[pdf]["meta"]["origine"] == "dal comunicato"
    content = entries[pdf]["content"]
    assert "Angela Beretta, assessore al Welfare" in content  # its second page's text
    # its running header once (at the start), its "Pagina N di 2" never (plugins/search)
    assert content.count("FareLegami – Comunicato stampa, 5 maggio 2024") == 1
    assert "Pagina" not in content
    assert "/progetto/" in written and len(written) > 20


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
# until the page says so.

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
    text = privacy_section(project_site, "Contatore delle visite")
    assert [phrase for phrase in COUNTER_FIELDS.values() if phrase not in text] == []
    assert sent.isdisjoint(COUNTER_NOT_SENT)
    assert [phrase for phrase in COUNTER_NOT_SENT.values() if phrase not in text] == []
    # "Do Not Track o Global Privacy Control": the public settings keep respecting them
    [tag] = project_site.soup(PRESS).select("script[data-endpoint]")
    assert tag["data-respect-dnt"] == "true" and "Do Not Track o Global Privacy Control" in text


def test_nothing_the_site_sends_readers_stores_anything_in_their_browser(project_site):
    """The page: no cookies, nothing saved on the reader's device (the web editor apart)."""
    storage = re.compile(r"document\.cookie|localStorage|sessionStorage|indexedDB|caches\.open")
    scripts = [path for path in project_site.output.rglob("*.js")
               if path.relative_to(project_site.output).parts[0] != "admin"]
    assert any(path.parts[-2] == "js" for path in scripts), scripts  # the theme's site.js
    assert [str(path) for path in scripts if storage.search(path.read_text())] == []
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
    text = privacy_section(project_site, "Log del server")
    assert [LOG_FIELDS[field] for field in sorted(logged)
            if LOG_FIELDS[field] and LOG_FIELDS[field] not in text] == []


def test_the_accessibility_statement_says_what_the_browser_tests_check(project_site):
    """content/pages/accessibilita.md, "Come è stato valutato il sito", against the tests it
    describes: axe-core's rules (browser_support.AXE_TAGS), the widths and colour schemes
    of test_accessibility_browser.py, the reflow width of test_reflow_browser.py."""
    import ast  # noqa: PLC0415

    from browser_support import AXE_TAGS  # noqa: PLC0415

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


MONTHS = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
          "settembre", "ottobre", "novembre", "dicembre"]


def accessibility_section(project_site, heading):
    """The words of the accessibility statement's section under the ``<h2>`` ``heading``."""
    title = project_site.soup("/accessibilita/").find(
        "h2", string=lambda string: string and string.replace("\u2019", "'") == heading)
    assert title is not None, heading
    return [element for element in title.find_next_siblings()
            if element.find_previous_sibling("h2") is title]


def test_the_accessibility_statement_is_dated_after_the_last_change_to_the_theme(project_site):
    """AgID's model dates the statement; a statement older than the theme it describes
    speaks of a site that is no longer there. Changing theme/ means reviewing
    content/pages/accessibilita.md ("Limiti noti" included) and updating its date."""
    import datetime  # noqa: PLC0415
    import subprocess  # noqa: PLC0415

    text = " ".join(" ".join(element.get_text(" ").split()) for element in
                    accessibility_section(project_site, "Data della dichiarazione"))
    found = re.search(r"aggiornata il (\d{1,2}) (\w+) (\d{4})", text)
    assert found and found[2] in MONTHS, text
    stated = datetime.date(int(found[3]), MONTHS.index(found[2]) + 1, int(found[1]))
    try:
        # the author's date: a rebase or a cherry-pick, which renews the committer's,
        # leaves it as the change was made
        changed = subprocess.run(["git", "log", "-1", "--format=%as", "--", "theme"],
                                 cwd=ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("no git history: the theme's last change is unknown")
    if not changed.stdout.strip():
        pytest.skip("no commit touches theme/ in this history (a shallow clone?)")
    last = datetime.date.fromisoformat(changed.stdout.strip())
    assert stated >= last, (f"the theme changed on {last}, the accessibility statement is of"
                            f" {stated}: review it and update its date")


def test_the_accessibility_statement_links_the_procedure_and_names_its_limits(project_site):
    """The enforcement procedure links AgID's page (AgID's model: a link, not "see the
    Agency's site"); search needs JavaScript (the search page's note for readers without
    it) is said; the menu folded on a computer's screen is said while header.css needs
    ::details-content (browsers without it kept it folded there), and only then."""
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
    css = re.sub(r"/\*.*?\*/", "", (ROOT / "theme" / "static" / "css" / "header.css")
                 .read_text(), flags=re.DOTALL)
    assert ("::details-content" in css) == (
        "resta chiuso dietro il pulsante «Menu» anche sullo schermo di un computer" in limits)


def test_what_the_pages_send_readers_to_is_there(project_site):
    """The pages say the feeds' page «Segui le notizie» is linked at the foot of every page,
    and send readers to a "sezione" ("sezione Avvisi", "sezione Comunicati stampa"): each
    page with the site's footer links that page, and each section named is a category."""
    sections = set()
    for path in (ROOT / "content" / "pages").glob("*.md"):
        sections.update(re.findall(r"sezione ([A-Z][a-z]+(?: stampa)?)\b",
                                   path.read_text()))
    categories = {a.get_text(" ", strip=True)
                  for a in project_site.soup("/categorie/").select("main a")
                  if not a.find_parent(class_="breadcrumb")}
    assert sections and sections <= categories, (sections, categories)
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


def untagged(pdf):
    """Whether the PDF has no tags (no structure a screen reader can follow): its catalog
    has no structure tree, or does not say it is marked."""
    from pypdf import PdfReader  # noqa: PLC0415

    catalog = PdfReader(pdf).trailer["/Root"]  # pypdf's [] resolves indirect objects
    mark_info = catalog["/MarkInfo"] if "/MarkInfo" in catalog else {}
    marked = "/Marked" in mark_info and getattr(mark_info["/Marked"], "value", None) is True
    return "/StructTreeRoot" not in catalog or not marked


def test_every_untagged_pdf_is_named_among_the_statements_inaccessible_contents(project_site):
    """The statement lists, under "Contenuti non accessibili", the press release's PDF,
    which has no tags. A PDF without tags published later must be listed too, by a link to
    the page that attaches it (or to the file): otherwise the statement is no longer true."""
    named = set()
    for element in accessibility_section(project_site, "Contenuti non accessibili"):
        for a in element.find_all("a"):
            named.add(unquote(urlsplit(a["href"].removeprefix(SITEURL)).path))
    pages = {}  # a PDF's address -> the addresses of the items that attach it
    for page in project_site.output.rglob("index.html"):
        address = "/" + page.parent.relative_to(project_site.output).as_posix() + "/"
        soup = project_site.soup(address)
        if not soup.select_one("main article"):
            continue
        for a in soup.select("main article a[href$='.pdf']"):
            pdf = unquote(urlsplit(a["href"].removeprefix(SITEURL)).path)
            pages.setdefault(pdf, set()).add(address.replace("//", "/"))
    pdfs = ["/" + path.relative_to(project_site.output).as_posix()
            for path in project_site.output.rglob("allegati/**/*.pdf")]
    assert pdfs, "the press release's PDF"
    unnamed = [pdf for pdf in pdfs if untagged(project_site.output / pdf.lstrip("/"))
               and pdf not in named and not pages.get(pdf, set()) & named]
    assert unnamed == [], ("PDFs without tags: list them under 'Contenuti non accessibili'"
                           " in content/pages/accessibilita.md")


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
    text = privacy_section(project_site, "Contatore delle visite")
    kept = text[text.index("Il servizio di conteggio conserva"):]
    kept = kept[:kept.index(".")]
    assert [COUNTER_STORED[column] for column in sorted(columns)
            if COUNTER_STORED[column] not in kept] == []
