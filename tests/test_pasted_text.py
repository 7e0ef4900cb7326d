"""Markdown as editors really type it, pasted from Word, a chat or an e-mail: what
readers get must be what the text evidently means. Each case is a real file built by
Pelican; the published HTML shows what readers got."""

from support import article

# A numbered list resumed after a paragraph keeps its numbers
RESUMED = "Primi passi:\n\n1. iscriviti\n2. vieni\n\nPoi, dopo la pausa:\n\n3. partecipa\n4. racconta"


def test_a_numbered_list_resumed_after_a_paragraph_keeps_its_numbers(build):
    """Python-Markdown numbered every list from 1: the list resumed at "3." was published
    as 1, 2, and a line "2024. Un anno…" as "1. Un anno…"."""
    site = build({"notizie/numeri.md": article(title="Numeri", slug="numeri", body=(
        RESUMED + "\n\nE infine:\n\n2024. Un anno da ricordare."))})
    assert site.ok, site.log
    lists = site.soup("/2024/05/numeri/").select(".article-body ol")
    assert [(ol.get("start"), [li.get_text() for li in ol.find_all("li")]) for ol in lists] == [
        (None, ["iscriviti", "vieni"]), ("3", ["partecipa", "racconta"]),
        ("2024", ["Un anno da ricordare."])]
