"""The repository's own content builds with the public settings, and every link works."""

from urllib.parse import unquote, urlsplit

from support import SITEURL
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
        section = page.find("h2", string=f"Le ultime notizie su {name}").find_parent("section")
        assert 1 <= len(section.select(".archive-item")) <= 5, url
        more = section.find("a", string=f"Tutte le notizie su {name}")
        assert project_site.exists(more["href"]), url
        tagged = project_site.soup(more["href"]).select("main article h2 a")
        assert [a["href"] for a in section.select(".archive-title")] == \
            [a["href"] for a in tagged][:5], url


# What the site's own pages told readers as facts, found nowhere in the project's facts
# (/work/shared/FACTS.md: each action named in one line, the partners, the launch): where
# to find a Community Manager, how often and where the labs meet, who runs the Civic
# Centers, which actions run in Cremona, parishes among the participants.
NOT_IN_THE_FACTS = {
    "/civic-center/": ["ricevono anche i Community Manager", "organizzate insieme ai partner",
                       "Gli spazi ospitano", "uno spazio per riunirsi"],
    "/community-manager/": ["ricevono i cittadini nei", "raccolgono segnalazioni",
                            "lavorano nei tre territori", "accompagnano i Laboratori"],
    "/laboratori-di-comunita/": ["incontri periodici", "accompagnati dai Community Manager",
                                 "biblioteche, sale civiche", "Non servono competenze"],
    "/cremona/": ["cura i rapporti con Fondazione Cariplo", "In città sono attive tutte",
                  "dove si tengono incontri e attività"],
    "/partner/": ["parrocchie"],
    "/casalmaggiore/": ["tengono i contatti con i servizi del territorio"],
}


def test_the_sites_own_pages_claim_nothing_beyond_the_projects_facts(project_site):
    for url, claims in NOT_IN_THE_FACTS.items():
        text = " ".join(project_site.soup(url).select_one("main article").get_text(" ").split())
        assert [claim for claim in claims if claim in text] == [], url

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


def test_the_project_index_holds_every_published_page_and_the_press_release_pdf(project_site):
    """The search index (plugins/search) of the real content: exactly the published pages
    (those with an indexed region), and the text of the press release's PDF."""
    from plugins.search.bundle import fragments  # noqa: PLC0415

    entries = {entry["url"]: entry for entry in fragments(project_site.output / "pagefind")}
    pdf = "/allegati/2024/comunicato-stampa-presentazione-crema.pdf"
    assert pdf in entries and entries[pdf]["meta"]["origine"] == "dal comunicato"
    assert "Pagina 1 di 2" in entries[pdf]["content"]  # the PDF's own footer
    written = {"/" + str(page.parent.relative_to(project_site.output)) + "/"
               for page in project_site.output.rglob("index.html")
               if project_site.soup("/" + str(page.relative_to(project_site.output))).find(
                   attrs={"data-pagefind-body": True})}
    assert set(entries) - {pdf} == written
    assert "/progetto/" in written and len(written) > 20
