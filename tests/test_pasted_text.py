"""Markdown as editors really type it, pasted from Word, a chat or an e-mail: where
Python-Markdown publishes something other than what the text evidently means, ``./run
check`` and the build say so at the line, with what to write (plugins/contract/intent.py;
links that cannot work: plugins/contract/check.py). Each case is a real file checked by
tools/check.py and built by Pelican; the published HTML shows what readers got."""

import shutil
from types import SimpleNamespace

import samples
from good_text import GOOD, LONG_LEAD
from support import ROOT, article, build_site, cpu_budget, run_tool, timed_tool, write_conf, \
    write_content

# (file, body, line, the start of the warning). Bodies start at line 6 (article()).
TYPED = [
    ("notizie/pallini.md", "Cose da portare:\n\n• pane\n• acqua\n• sedie", 8,
     "le righe che cominciano con `•` non diventano un elenco: sul sito sono unite in un"
     " solo paragrafo; comincia ogni voce con `- ` (trattino e spazio) /"),
    ("notizie/lineette.md", "Cose da portare:\n– pane\n– acqua", 7,
     "le righe che cominciano con `–` non diventano un elenco: sul sito sono unite in un"
     " solo paragrafo; comincia ogni voce con `- ` (trattino e spazio), con una riga vuota"
     " prima dell'elenco /"),
    ("notizie/pallini-a-capo.md", "Cosa portare:<br>\n• pane<br>\n• acqua", 7,
     "le righe che cominciano con `•` sembrano un elenco ma sul sito sono righe di testo:"
     " chi usa un lettore di schermo non sente un elenco né quante voci ha; comincia ogni"
     " voce con `- ` (trattino e spazio), senza `<br>`, con una riga vuota prima"
     " dell'elenco /"),
    ("notizie/asterischi.md", "*pane\n*acqua", 6,
     "le righe che cominciano con `*` non diventano un elenco"),
    ("notizie/parentesi.md", "Come iscriversi:\n\n1) compila il modulo\n2) consegnalo", 8,
     "le righe che cominciano con `1)` non diventano un elenco: sul sito sono unite in un"
     " solo paragrafo; comincia ogni voce con `1. ` (numero, punto e spazio) /"),
    ("notizie/lettere.md", "a) il modulo\nb) la carta d'identità", 6,
     "le righe che cominciano con `a)` non diventano un elenco"),
    ("notizie/spazio-speciale.md", "Cose da portare:\n\n- pane\n-\u00a0acqua\n-\u00a0sedie", 9,
     "la voce che comincia con `-` ha uno spazio speciale (non separabile, copiato da un"
     " programma di videoscrittura) prima o dopo `-`: non diventa una voce dell'elenco ma"
     " testo, unito alle righe vicine; riscrivi gli spazi all'inizio della riga /"),
    ("notizie/sottovoci.md", "Cose da portare:\n\n- da mangiare\n  - pane\n  - frutta\n- sedie", 9,
     "la voce rientrata di meno di 4 spazi non diventa una sotto-voce: sul sito è una voce"
     " come le altre dell'elenco; per una sotto-voce metti 4 spazi prima del trattino (o del"
     " numero) /"),
    # a numbered sub-item under a bullet, by less than 4 spaces: text of the bullet
    ("notizie/sottovoce-numerata.md", "Come fare:\n\n- iscriversi\n  1. online\n- venire", 9,
     "la voce rientrata di meno di 4 spazi non diventa una sotto-voce: sul sito diventa"
     " testo della voce sopra; per una sotto-voce metti 4 spazi prima del trattino (o del"
     " numero) /"),
    ("notizie/attaccato.md", "Cose da portare:\n- pane\n- acqua", 7,
     "l'elenco comincia subito sotto una riga di testo: sul sito diventa parte del paragrafo"
     " (le voci unite in una riga); lascia una riga vuota prima dell'elenco /"),
    ("notizie/due-elenchi.md", "- Crema\n- Cremona\n1. Iscriviti\n2. Vieni", 8,
     "l'elenco numerato comincia subito sotto un elenco puntato: sul sito le sue voci"
     " diventano testo dell'ultima voce di quello sopra; lascia una riga vuota tra i due"
     " elenchi /"),
    ("notizie/tabella.md", "Orari:\n| Giorno | Ora |\n| --- | --- |\n| Lunedì | 9-12 |", 7,
     "la tabella comincia subito sotto una riga di testo: sul sito non diventa una tabella"
     " ma testo con le `|`; lascia una riga vuota prima della tabella /"),
    ("notizie/excel.md", "Giorno\tOrario\nLunedì\t9-12\nMartedì\t14-18", 6,
     "righe con le colonne separate da tabulatori (una tabella copiata da un foglio di"
     " calcolo o da Word?): sul sito diventano un solo paragrafo; una tabella si scrive con"
     " `|` tra le colonne e una riga `| --- | --- |` sotto la prima, per esempio"
     " | Giorno | Orario | /"),
    ("notizie/hashtag.md", "Vieni alla festa!\n\n#FareLegami #Crema", 8,
     "`#FareLegami` all'inizio della riga fa diventare la riga un titolo: se è un hashtag"
     " scrivi `\\#FareLegami` (o spostalo dopo altre parole); se è un titolo scrivi"
     " `## FareLegami`, con lo spazio /"),
    ("notizie/grassetto.md", "Un **vero** grassetto.\n\nPoi è ** importante ** davvero.", 8,
     "`**` resta scritto sul sito: il grassetto si scrive **testo**, senza spazi dopo i"
     " primi ** e prima degli ultimi /"),
    ("notizie/grassetto-etichetta.md", "**Dove:** Via Roma 1, Crema.\n\nPoi è ** importante **"
     " davvero.", 8, "`**` resta scritto sul sito: il grassetto si scrive **testo**"),
    ("notizie/titolo-marcato.md", "## Orari\n\nTesto.\n\n#### **Orari** del sabato\n\nAltro.",
     10, "il titolo «Orari del sabato» è di livello 4 dopo uno di livello 2: usa ###, senza"
     " saltare livelli /"),
    ("notizie/titolo-vuoto.md", "Testo.\n\n####\n\nAltro.", 8,
     "una riga con solo `####` sul sito diventa un titolo vuoto (chi usa un lettore di"
     " schermo lo trova senza testo): togli la riga, o scrivi il titolo dopo i `#` e uno"
     " spazio, ## Titolo /"),
    ("notizie/grassetto-chiuso.md", "**Nota: **leggere con attenzione.", 6,
     "`**` resta scritto sul sito: il grassetto si scrive **testo**"),
    # pasted from Word: the spaces inside the markers are non-breaking ones, which
    # Python-Markdown reads as spaces too (the asterisks were published without a word)
    ("notizie/grassetto-word.md", "Un **vero** grassetto.\n\nPoi è **\u00a0importante\u00a0**"
     " davvero.", 8, "`**` resta scritto sul sito: il grassetto si scrive **testo**, senza"
     " spazi dopo i primi ** e prima degli ultimi /"),
    ("notizie/indirizzo.md", "Ci trovate qui:\n\nVia Roma 1\n26013 Crema (CR)", 9,
     "le righe di questo paragrafo sul sito sono unite in una sola (un indirizzo, un"
     " orario, una poesia?): per andare a capo finisci la riga con `<br>` (o con due"
     " spazi); per un paragrafo nuovo lascia una riga vuota /"),
    ("notizie/barra.md", "Via Roma 1\\\n26013 Crema (CR)", 6,
     "la `\\` a fine riga resta scritta sul sito e la riga sotto viene unita a questa: per"
     " andare a capo finisci la riga con `<br>` /"),
    ("notizie/frecce.md", "Da leggere:<br>\n→ il programma<br>\n→ il modulo\n→ le quote", 7,
     "le righe che cominciano con `→` non diventano un elenco: sul sito sono unite in un"
     " solo paragrafo; comincia ogni voce con `- ` (trattino e spazio), con una riga vuota"
     " prima dell'elenco /"),
    ("notizie/link-nudo.md", "Il [bando](https://example.org/bando) è anche su\n\n"
     "https://example.org/bando.", 8,
     "l'indirizzo https://example.org/bando non è un link (sul sito non si può cliccare):"
     " scrivilo tra < e >, <https://example.org/bando>, o come"
     " [testo](https://example.org/bando) /"),
    # an address typed as it is said, without https://: text, as one with it
    ("notizie/www-nudo.md", "Il [bando](https://www.comune.crema.cr.it/servizi) è anche"
     " su\n\nwww.comune.crema.cr.it/servizi.", 8,
     "l'indirizzo www.comune.crema.cr.it/servizi non è un link (sul sito non si può"
     " cliccare): scrivilo con https:// davanti tra < e >,"
     " <https://www.comune.crema.cr.it/servizi>, o come"
     " [testo](https://www.comune.crema.cr.it/servizi) /"),
    # at the line of the bare address, not at a link's text above naming it (it was)
    ("notizie/link-nudo-sotto.md", "Il [sito https://example.org/x](https://example.org/x)"
     " è utile.\n\nPoi https://example.org/x.", 8,
     "l'indirizzo https://example.org/x non è un link"),
    ("notizie/www-nudo-sotto.md", "Il [sito www.example.org](https://www.example.org/) è"
     " utile.\n\nPoi www.example.org.", 8, "l'indirizzo www.example.org non è un link"),
    # one warning, the address's: not another for its www. part
    ("notizie/link-nudo-www.md", "Il programma è su https://www.example.org/www.festa.it.", 6,
     "l'indirizzo https://www.example.org/www.festa.it non è un link (sul sito non si può"
     " cliccare): scrivilo tra < e >, <https://www.example.org/www.festa.it>, o come"
     " [testo](https://www.example.org/www.festa.it) /"),
    ("notizie/email-nuda.md", "Per informazioni scrivete a info@farelegami.example.org.", 6,
     "l'indirizzo e-mail info@farelegami.example.org non è un link (sul sito non si può"
     " cliccare): scrivilo tra < e >, <info@farelegami.example.org> /"),
    # Markdown inside a block of HTML is published as typed (plugins/contract/rawhtml.py),
    # at the line of what is shown as typed, the same text converted above it passed by
    ("notizie/blocco-html.md", "Il **programma** completo e [i contatti](https://example.org/"
     "contatti).\n\n<div class=\"riquadro\">\nIl **programma** completo e [i contatti]"
     "(https://example.org/contatti).\n</div>", 9,
     "il Markdown resta scritto così sul sito (nel blocco HTML <div>): «**programma**»; il"
     " testo di un blocco HTML non viene convertito: scrivi <div markdown=\"1\"> al posto di"
     " <div>, con il testo del blocco al margine (una riga rientrata di 4 spazi diventa"
     " codice) / Markdown inside an HTML block is shown as typed: write <div markdown=\"1\">"),
    ("notizie/blocco-elenco.md", "Cose da portare:\n\n<div>\n<p>Per tutti</p>\n\n- pane\n"
     "- acqua\n</div>", 11, "il Markdown resta scritto così sul sito (nel blocco"
     " HTML <div>): «- pane»;"),
    ("notizie/blocco-figura.md", "<figure>\n<figcaption>Foto di\n[Mario Rossi](https://"
     "example.org/mario)</figcaption>\n</figure>", 8, "il Markdown resta scritto così sul sito"
     " (nel blocco HTML <figure> e <figcaption>): «[Mario Rossi](https://example.org/mario)»;"
     " il testo di un blocco HTML non viene convertito: scrivi <figure markdown=\"1\"> e"
     " <figcaption markdown=\"1\"> al posto di <figure> e <figcaption>"),
    # a <details> laid out as a web page's HTML, its lines indented: left as typed
    ("notizie/blocco-rientrato.md", "<details>\n    <summary>Orari</summary>\n    Dal"
     " lunedì, __su prenotazione__.\n</details>", 8, "il Markdown resta scritto così sul"
     " sito (nel blocco HTML <details>): «__su prenotazione__»;"),
    # an HTML block inside a converted one
    ("notizie/blocco-interno.md", "<div markdown=\"1\">\nIl **programma**.\n\n<p>Il"
     " [bando](https://example.org/bando).</p>\n</div>", 9, "il Markdown resta scritto così sul sito"
     " (nel blocco HTML <p>): «[bando](https://example.org/bando)»; il testo di un blocco"
     " HTML non viene convertito: scrivi <p markdown=\"1\"> al posto di <p>"),
]
# What Markdown reads as meant: no warning
WRITTEN_RIGHT = """
Cose da portare:

- pane
- da bere
    - acqua
    - succo

-	piatti (dopo il trattino un tabulatore, che Markdown legge come spazi)
-	bicchieri

Un **grassetto**, un __altro__, <https://example.org/a>, [b](https://example.org/b),
`https://example.org/codice`, <info@farelegami.example.org>, `www.codice.example.org`,
[www.testo.example.org](https://www.testo.example.org/), <https://www.auto.example.org>,
<info@www.posta.example.org> e [sito](https://www.link.example.org/www.pagina.it).

Via Roma 1<br>
26013 Crema (CR)

Questo paragrafo è scritto andando a capo a mano, come fa chi scrive in un editor di
testo per programmatori: le sue righe sono lunghe e vengono unite, come deve essere fino al
2024. Un anno a inizio riga resta nel paragrafo, come 2 ** 3 = 8 e un modulo: Nome ________.

Telefono +39 0373 123456 e \\#FareLegami.

| Giorno | Ora |
| --- | --- |
| Lunedì | 9-12 |

Un titolo
---------

<div class="riquadro">
Un esempio: <code>[testo](https://example.org/)</code> e <code>**grassetto**</code>,
scritto anche \\[così\\](https://example.org/) e \\*\\*così\\*\\*,
&#42;&#42;o così&#42;&#42;.
<pre>
- una riga di codice
</pre>
<!-- **una nota** per la redazione -->
</div>

<div markdown="1">
Il **programma** e [i contatti](https://example.org/contatti).
</div>
"""
# A numbered list resumed after a paragraph keeps its numbers
RESUMED = ("Primi passi:\n\n1. iscriviti\n2. vieni\n\nPoi, dopo la pausa:\n\n"
           "3. partecipa\n4. racconta")
# A bulleted list and a numbered one, a blank line between them (and the reverse)
TWO_LISTS = ("- Crema\n- Cremona\n\n1. Iscriviti\n2. Vieni\n\nPoi:\n\n1. Primo\n2. Secondo"
             "\n\n- Tre\n- Quattro\n\nInfine:\n\n- Cinque\n\n3. Sei\n4. Sette")
PASTED = {**{name: article(title=name, body=body) for name, body, _, _ in TYPED},
          "notizie/giusto.md": article(title="Giusto", body=WRITTEN_RIGHT),
          "notizie/numeri.md": article(title="Numeri", slug="numeri", body=RESUMED),
          "notizie/elenchi.md": article(title="Elenchi", slug="elenchi", body=TWO_LISTS)}

# Link addresses typed as they are said: each a page of this site that does not exist
LINKS_TYPED = {"notizie/indirizzi.md": article(title="Indirizzi", body=(
    "Il [sito](“https://example.org/”).\n\n"
    "[Scriveteci](info@farelegami.example.org).\n\n"
    "Il [Comune](www.comune.crema.cr.it).\n\n"
    "[Chiamateci](0373 123456).\n\n"
    "Il [bando](https://example.org/bando “Il bando”).\n\n"
    "[Scriveteci](mailto:info@farelegami.example.org), [chiamateci](tel:+390373123456)."))}
LINK_ERRORS = [
    "content/notizie/indirizzi.md:6: errore: l'indirizzo del link è tra virgolette"
    " (“https://example.org/”): sul sito il link non funzionerebbe; scrivilo senza virgolette,"
    " [testo](https://example.org/)",
    "content/notizie/indirizzi.md:8: errore: il link info@farelegami.example.org è un"
    " indirizzo e-mail: sul sito porterebbe a una pagina che non esiste; scrivi"
    " [testo](mailto:info@farelegami.example.org)",
    "content/notizie/indirizzi.md:10: errore: il link www.comune.crema.cr.it non comincia con"
    " https://: sul sito porterebbe a una pagina che non esiste; scrivi"
    " [testo](https://www.comune.crema.cr.it)",
    "content/notizie/indirizzi.md:12: errore: il link 0373 123456 è un numero di telefono:"
    " sul sito porterebbe a una pagina che non esiste; scrivi [testo](tel:+390373123456)",
    "content/notizie/indirizzi.md:14: errore: dopo l'indirizzo del link https://example.org/bando"
    " c'è un titolo tra virgolette tipografiche (“ ”): sul sito il link sparirebbe; togli quel"
    " testo, [testo](https://example.org/bando), o scrivilo tra virgolette diritte,"
    ' [testo](https://example.org/bando "Titolo")',
]


def run_check(tmp_path, files):
    write_content(tmp_path / "content", files)
    return run_tool(tmp_path, "check", "--settings", str(write_conf(tmp_path)), "--content",
                    str(tmp_path / "content"))


def test_markdown_typed_as_a_word_processor_writes_it_is_a_warning_at_its_line(tmp_path):
    status, out, err = run_check(tmp_path / "check", PASTED)
    assert status == 0, out + err
    warnings = out.splitlines()
    for name, _, line, message in TYPED:
        mine = [found for found in warnings if found.startswith(f"content/{name}:")]
        assert len(mine) == 1 and mine[0].startswith(f"content/{name}:{line}: avviso: {message}"), \
            (name, mine)
    assert not [found for found in warnings if "giusto.md" in found or "numeri.md" in found
                or "elenchi.md" in found and "due-elenchi.md" not in found], out
    # the hashtag's heading is not also called a level-1 heading ("usa ##")
    assert "titolo di primo livello" not in out
    # the build says the same at the same lines, and publishes the text as typed
    site = build_site(tmp_path / "build", PASTED)
    assert site.ok, site.log
    for name, _, line, message in TYPED:
        assert f"{name}:{line}: {message}" in site.messages(), (name, site.log)


TEXT_TO_OPEN = {"notizie/orari.md": article(title="Orari", slug="orari", body="""\
    Il programma della festa.

    <details>
    <summary>Orari e **costi**</summary>

    Il **programma** completo e [i contatti](https://example.org/contatti).

    - sabato
    - domenica
    </details>

    <details open class="riquadro"><summary>Come arrivare</summary>In **bicicletta**.</details>
    """)}


def test_markdown_inside_a_text_to_open_is_converted(tmp_path):
    """The guide offers ``<details>`` and ``<summary>`` for a text to open, and editors
    write Markdown inside, as everywhere else: Python-Markdown leaves a block of HTML as
    typed without ``markdown="1"``, and ``**programma**`` and ``[i contatti](…)`` were on
    the page as typed, with no word from ``./run check`` or the build. A ``<details>`` is
    read as if it had ``markdown="1"``, its ``<summary>`` as a line of text."""
    status, out, err = run_check(tmp_path / "check", TEXT_TO_OPEN)
    assert status == 0 and out == "", out + err
    site = build_site(tmp_path / "build", TEXT_TO_OPEN)
    assert site.ok and "WARNING" not in site.log, site.log
    body = site.soup("/2024/05/orari/").select_one(".article-body")
    first, second = body.find_all("details")
    assert first.summary.get_text() == "Orari e costi" and first.summary.strong.get_text() \
        == "costi"
    assert [p.get_text() for p in first.find_all("p")] == [
        "Il programma completo e i contatti."]
    assert first.p.strong.get_text() == "programma"
    assert first.p.a["href"] == "https://example.org/contatti"
    assert [li.get_text() for li in first.find_all("li")] == ["sabato", "domenica"]
    assert second.has_attr("open") and second["class"] == ["riquadro"]
    assert second.summary.get_text() == "Come arrivare"
    assert second.p.strong.get_text() == "bicicletta"
    assert "**" not in body.get_text() and "](" not in body.get_text()


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


def test_a_numbered_list_after_a_bulleted_one_is_a_list_of_its_own(build):
    """A bulleted list, a blank line, a numbered list (or the reverse): Python-Markdown
    made them one list of the first's kind, the numbers lost and the items spaced as
    paragraphs, without a word. With sane_lists (pelicanconf's MARKDOWN) each is a list
    of its own, a numbered one keeping the number it starts from."""
    site = build({"notizie/elenchi.md": article(title="Elenchi", slug="elenchi",
                                                 body=TWO_LISTS)})
    assert site.ok and "WARNING" not in site.log, site.log
    body = site.soup("/2024/05/elenchi/").select_one(".article-body")
    lists = [(ul.name, ul.get("start"), [li.get_text() for li in ul.find_all("li")])
             for ul in body.find_all(["ul", "ol"])]
    assert lists == [("ul", None, ["Crema", "Cremona"]), ("ol", None, ["Iscriviti", "Vieni"]),
                     ("ol", None, ["Primo", "Secondo"]), ("ul", None, ["Tre", "Quattro"]),
                     ("ul", None, ["Cinque"]), ("ol", "3", ["Sei", "Sette"])]
    assert not body.select("li > p")  # tight, as typed


def test_a_rule_right_under_a_numbered_list_is_no_bulleted_list(build):
    """``* * *`` or ``- - -`` under a numbered list's last item is a rule (Python-Markdown
    reads a rule before a list's item): it was warned of as a bulleted list whose items
    became text of the numbered list's last item."""
    site = build({"notizie/riga.md": article(title="Riga", slug="riga", body=(
        "1. Iscriviti\n2. Vieni\n* * *\nDopo la riga.\n\n"
        "1. Primo\n2. Secondo\n- - -\n\n1. Uno\n- Due"))})
    assert site.ok, site.log
    assert site.log.count("subito sotto un elenco") == 1, site.log  # "- Due" only
    body = site.soup("/2024/05/riga/").select_one(".article-body")
    assert len(body.find_all("hr")) == 2, body


def test_a_date_as_a_links_address_is_not_called_a_phone_number(tmp_path):
    """``[il programma](2024-05-05)`` was told "è un numero di telefono … tel:+3920240505"."""
    status, out, err = run_check(tmp_path, {"notizie/data.md": article(
        title="Data", body="Il [programma](2024-05-05) e il [bando](05.06.2024).")})
    assert "telefono" not in out and "tel:" not in out, out + err


def test_link_addresses_typed_as_they_are_said_are_errors_saying_what_to_write(tmp_path):
    """``[testo](“https://…”)`` (Word's quotes), ``(info@…)``, ``(www.…)``, a phone number:
    a browser takes each for a page of this site, and the link led to a missing page; a
    title in curly quotes made the address unreadable and the link vanished."""
    status, out, err = run_check(tmp_path / "check", LINKS_TYPED)
    assert status == 1, out + err
    assert [line.split(" / ")[0] for line in out.splitlines()] == LINK_ERRORS, out
    site = build_site(tmp_path / "build", LINKS_TYPED)
    assert not site.ok
    for line in LINK_ERRORS:
        assert line.removeprefix("content/").replace(" errore:", "") in site.messages(), line


# Front matter typed in Word: "Crema" quoted to YAML became “Crema”, which YAML keeps
CURLY_QUOTES = {"notizie/virgolette.md": (
    "---\ntitle: “Festa di quartiere”\ndate: 2024-05-05 10:00\ntags: [“Crema”, Cremona]\n"
    "author: ‘Maria Rossi’\n---\n\nTesto.\n")}


def test_front_matter_values_between_curly_quotes_are_a_warning_at_their_key(tmp_path):
    """Quotes a word processor made of ``"…"`` are published with the value: the tag
    «“Crema”», the author «‘Maria Rossi’», the title in quotes."""
    status, out, err = run_check(tmp_path / "check", CURLY_QUOTES)
    assert status == 0, out + err
    assert [line.split(" / ")[0] for line in out.splitlines()] == [
        "content/notizie/virgolette.md:2: avviso: `title` è tra virgolette tipografiche"
        " (“Festa di quartiere”), che restano nel testo pubblicato: per racchiudere un valore"
        " valgono solo le virgolette diritte; scrivi title: Festa di quartiere (se le"
        " virgolette sono volute, lascia così)",
        "content/notizie/virgolette.md:4: avviso: `tags` è tra virgolette tipografiche"
        " (“Crema”), che restano nel testo pubblicato: per racchiudere un valore valgono solo"
        " le virgolette diritte; scrivi tags: [Crema, Cremona]",
        "content/notizie/virgolette.md:5: avviso: `author` è tra virgolette tipografiche"
        " (‘Maria Rossi’), che restano nel testo pubblicato: per racchiudere un valore valgono"
        " solo le virgolette diritte; scrivi author: Maria Rossi",
    ], out
    site = build_site(tmp_path / "build", CURLY_QUOTES)
    assert site.ok, site.log
    assert "virgolette.md:4: `tags` è tra virgolette tipografiche (“Crema”)" in site.messages()
    page = site.soup("/2024/05/festa-di-quartiere/")
    assert "“Crema”" in [a.get_text(strip=True) for a in page.select("a[href*=argomenti]")]


# Quotes at one end only: the opening one left out, or a word processor's closing one
# lost; beside them, values whose quotes are the text's
LONE_QUOTES = {"notizie/sola.md": (
    '---\ntitle: Festa di quartiere"\ndate: 2024-05-05 10:00\ntags: [Crema”, Cremona]\n'
    "author: “Maria Rossi\n---\n\nTesto.\n"),
    "notizie/voluta.md": (
    '---\ntitle: Il motto "Insieme" sul palco\ndate: 2024-05-06 10:00\nsummary: Festa"\n'
    'image_alt: Lo schermo da 24" della biblioteca"\nauthor: Maria "Mary" Rossi\n'
    "---\n\nTesto.\n"),
    "notizie/pollici.md": (
    '---\ntitle: Un monitor da 24"\ndate: 2024-05-07 10:00\n---\n\nTesto.\n')}


def test_a_value_with_a_quote_at_one_end_only_is_a_warning_at_its_key(tmp_path):
    """``title: Festa di quartiere"`` (the opening quote left out) and ``author: “Maria
    Rossi`` (the closing one lost) were published with the quote, «Festa di quartiere"»,
    without a word. Quotes the text needs, a pair inside, a size in inches (24"), a
    summary (prose, quoting freely), are left alone. The line proposed reads back as the
    value meant."""
    from plugins.contract.source import split  # noqa: PLC0415

    status, out, err = run_check(tmp_path / "check", LONE_QUOTES)
    assert status == 0, out + err
    said = [line.split(" / ")[0] for line in out.splitlines() if "virgolett" in line]
    assert said == [
        "content/notizie/sola.md:2: avviso: `title` ha una virgoletta sola (Festa di"
        ' quartiere"), che resta nel testo pubblicato: manca quella che apre o quella che'
        " chiude; scrivi title: Festa di quartiere (se la virgoletta è voluta, lascia così)",
        "content/notizie/sola.md:4: avviso: `tags` ha una virgoletta sola (Crema”), che resta"
        " nel testo pubblicato: manca quella che apre o quella che chiude; scrivi tags:"
        " [Crema, Cremona] (se la virgoletta è voluta, lascia così)",
        "content/notizie/sola.md:5: avviso: `author` ha una virgoletta sola (“Maria Rossi),"
        " che resta nel testo pubblicato: manca quella che apre o quella che chiude; scrivi"
        " author: Maria Rossi (se la virgoletta è voluta, lascia così)",
    ], out
    written = [line.split("; scrivi ", 1)[1].split(" (se la")[0] for line in said]
    fixed = split("---\n" + "\n".join([*written, "date: 2024-05-05 10:00"]) + "\n---\n\nT.\n")
    assert (fixed.raw["title"], fixed.raw["tags"], fixed.raw["author"]) == (
        "Festa di quartiere", ["Crema", "Cremona"], "Maria Rossi")
    site = build_site(tmp_path / "build", LONE_QUOTES)
    assert site.ok, site.log
    assert ('sola.md:2: `title` ha una virgoletta sola (Festa di quartiere")'
            in site.messages()), site.log


# Values needing quotes once their curly ones are gone: the line the warning gave,
# `title: *Novità* a Crema`, was an error of its own (an alias), `[Aggiornato] …` a list
CURLY_QUOTES_SYNTAX = {"notizie/sintassi.md": (
    "---\ntitle: “*Novità* a Crema”\ndate: 2024-05-05 10:00\n"
    "tags: [“Sant’Ambrogio”, “#Crema”]\nimage_alt: “[Foto] La festa”\n---\n\nTesto.\n")}


def test_the_line_a_curly_quotes_warning_gives_reads_back_as_the_value_meant(tmp_path):
    from plugins.contract.source import split  # noqa: PLC0415

    status, out, err = run_check(tmp_path / "check", CURLY_QUOTES_SYNTAX)
    assert status == 0, out + err
    written = [line.split("; scrivi ", 1)[1].split(" (se le")[0].split(" / ")[0]
               for line in out.splitlines() if "virgolette tipografiche" in line]
    assert written == ['title: "*Novità* a Crema"', "tags: [Sant’Ambrogio, \"#Crema\"]",
                       'image_alt: "[Foto] La festa"'], out
    fixed = split("---\n" + "\n".join([*written, "date: 2024-05-05 10:00"]) + "\n---\n\nT.\n")
    assert (fixed.raw["title"], fixed.raw["tags"], fixed.raw["image_alt"]) == (
        "*Novità* a Crema", ["Sant’Ambrogio", "#Crema"], "[Foto] La festa")


# A table written without the outer pipes, as Python-Markdown (and GitHub) accept it
BARE_TABLE = {"notizie/orari.md": article(title="Orari", slug="orari", body=(
    "Gli orari dello sportello:\n\nGiorno | Orario\n--- | ---\nMartedì | 9-12\n"
    "Giovedì | 15-18\n\nE il sabato:\n\nGiorno | Orario\n:--- | ---:\nSabato | 9-11"))}


def test_a_table_without_its_outer_pipes_is_not_called_joined_lines(tmp_path):
    """``Giorno | Orario`` / ``--- | ---``: a table Python-Markdown publishes as one, not
    lines joined into a paragraph (the warning told the editor to add ``<br>`` to it)."""
    status, out, err = run_check(tmp_path / "check", BARE_TABLE)
    assert status == 0, out + err
    assert "orari.md" not in out, out
    site = build_site(tmp_path / "build", BARE_TABLE)
    assert site.ok, site.log
    assert "orari.md" not in site.messages(), site.log
    tables = site.soup("/2024/05/orari/").select(".article-body table")
    assert [len(table.select("tbody tr")) for table in tables] == [2, 1]


def test_a_line_of_thousands_of_spaces_under_a_pipe_is_checked_in_linear_time(tmp_path):
    """A text pasted from a PDF, a line of spaces under one that begins with `|`: the
    check for a table right under a line of text tried that run of spaces split every
    way, in time growing with its square (30,000 spaces: 12 s for each ./run check and
    build; now a tenth of a second). In CPU seconds: the wall clock's 4 s were passed by
    a busy machine (6 to 12 s, beside other work)."""
    write_content(tmp_path / "content", {"notizie/spazi.md": article(
        title="Spazi", body="Orari dello sportello\n| Lunedì\n" + " " * 30_000 + "chiuso")})
    status, out, err, cpu = timed_tool(tmp_path, "check", "--settings",
                                       str(write_conf(tmp_path)), "--content",
                                       str(tmp_path / "content"))
    assert status == 0, out + err
    assert cpu < cpu_budget(4), f"{cpu:.1f} s"


def test_markdown_left_as_typed_in_a_long_block_of_html_is_named_in_linear_time(tmp_path):
    """The Markdown shown as typed in a block of HTML is looked for by expressions whose
    every part is bounded: a pasted line of thousands of `**a` (bold that never closes
    before a letter) or a `[` with no `]` on its line was read again from each start."""
    files = {"notizie/incollato.md": article(title="Incollato", body=(
        "<div>\n" + "**a" * 40_000 + "\n[" + "a" * 100_000 + "\nInfine **chiuso**.\n</div>"))}
    write_content(tmp_path / "content", files)
    status, out, err, cpu = timed_tool(tmp_path, "check", "--settings",
                                       str(write_conf(tmp_path)), "--content",
                                       str(tmp_path / "content"))
    assert status == 0 and "content/notizie/incollato.md:9: avviso: il Markdown resta scritto" \
        " così sul sito (nel blocco HTML <div>): «**chiuso**»;" in out, out + err
    assert cpu < cpu_budget(4), f"{cpu:.1f} s"


# A page of contacts, each e-mail address written bare (a warning each), and a link to an
# item that does not exist (an error: the site is not published)
CONTACTS = {"notizie/associazioni.md": article(title="Associazioni", body=(
    "Gli indirizzi delle associazioni.\n\n"
    + "\n\n".join(f"Associazione {n}: associazione{n}@example.org" for n in range(55))
    + "\n\nVedi anche [la festa]({filename}/notizie/festa.md)."))}


def test_an_error_under_fifty_warnings_of_pasted_text_is_named(tmp_path):
    """The warnings of Markdown typed as Word or an e-mail writes it took the fifty
    places of the problems listed before the errors: the build stopped, and ./run check
    said "1 errore", naming fifty warnings and "e altri 6 problemi… correggi quelli
    sopra", never the missing page linked."""
    error = ("associazioni.md:118: errore: il link {filename}/notizie/festa.md punta a un"
             " file che non esiste")
    status, out, err = run_check(tmp_path / "check", CONTACTS)
    assert status == 1 and f"content/notizie/{error}" in out, out + err
    site = build_site(tmp_path / "build", CONTACTS)
    assert not site.ok
    assert error.replace(" errore:", "") in site.messages(), site.log


# Fifty-five headings that skip a level (##, then ####), then a link to a missing item
OUTLINE = {"notizie/indice.md": article(title="Indice", slug="indice", body="".join(
    f"## Parte {n}\n\n#### Dettagli {n}\n\nTesto.\n\n" for n in range(55))
    + "[La festa]({filename}/notizie/festa.md)")}


def test_an_error_under_fifty_warnings_of_the_outline_is_named(tmp_path):
    """The outline's warnings (a heading that skips a level) took the places of the
    problems listed before a link's error, as the pasted text's did: "1 errore", fifty
    warnings and "e altri … problemi", never the missing page."""
    status, out, err = run_check(tmp_path / "check", OUTLINE)
    assert status == 1 and "content/notizie/indice.md:" in out, out + err
    assert "errore: il link {filename}/notizie/festa.md punta a un file che non esiste" \
        in out, out + err


# Curly quotes that are part of the value: two quotations, not one value quoted
QUOTED_WORDS = {"notizie/citazioni.md": (
    "---\ntitle: “Più vicini” e “più forti”\ndate: 2024-05-05 10:00\n"
    "image_alt: “Uno”, “due” e “tre”\n---\n\nTesto.\n")}


def test_a_value_that_opens_and_ends_with_two_quotations_is_not_called_quoted(tmp_path):
    """``“Più vicini” e “più forti”`` begins and ends with curly quotes and is no value
    between quotes: the warning told the editor to write ``Più vicini” e “più forti``."""
    status, out, err = run_check(tmp_path, QUOTED_WORDS)
    assert status == 0 and "citazioni.md" not in out, out + err


# Pictures one per line, and a caption under one: each picture is a block of its own on
# the site (base.css: img { display: block }), nothing is joined into one line
PICTURES = {"immagini/festa.png": samples.image("PNG"),
            "notizie/festa.md": article(title="Festa", slug="festa", body=(
                "La festa in piazza.\n\n"
                "![La piazza piena]({static}/immagini/festa.png)\n*Foto di Maria Rossi*\n\n"
                "![La piazza]({static}/immagini/festa.png)\n"
                "![Il palco][palco]\n\n"
                "Via Roma 1\n![La sede]({static}/immagini/festa.png)\nCrema\n\n"
                "[palco]: {static}/immagini/festa.png"))}


def test_pictures_one_per_line_and_a_caption_under_one_are_not_called_joined(tmp_path):
    """A picture and its caption on the next line, or two pictures one per line: the
    warning said the lines were joined into one and asked for `<br>`, where the site shows
    each picture on its own line (text on both sides of a line's end: still warned)."""
    status, out, err = run_check(tmp_path / "check", PICTURES)
    assert status == 0, out + err
    assert [line.split(" avviso: ")[0] for line in out.splitlines()] == [], out
    site = build_site(tmp_path / "build", PICTURES)
    assert site.ok and "festa.md" not in site.messages(), site.log
    body = site.soup("/2024/05/festa/").select_one(".article-body")
    assert len(body.select("p > img")) == 4


def test_well_written_markdown_gives_no_warning(tmp_path):
    """A warning on good text teaches editors to skip warnings. The project's own content
    (its files while they are the team's version, test_project_site.TEAM_VERSIONS: an
    editor's later file may deserve a warning) and tests/good_text.py (press releases,
    notices, programmes, poems, dialogues, tables, footnotes, links of every kind) give
    none, in ``./run check`` and in the build: lines that keep their ends with `<br>`
    ("→ [Programma](…)<br>", "– Nonno, che lavoro facevi?<br>") were called a list joined
    into one paragraph, prose written one sentence a line an address joined into one line,
    a title quoting two people one value in curly quotes (with a broken title to write
    instead)."""
    import test_project_site as project  # noqa: PLC0415

    for folder in (tmp_path / "check", tmp_path / "build"):
        shutil.copytree(ROOT / "content", folder / "content")
    site = SimpleNamespace(content=ROOT / "content")
    edited = {source for source in project.TEAM_VERSIONS if not project.teams(site, source)}
    edited |= {path.relative_to(ROOT / "content").as_posix()
               for path in (ROOT / "content").rglob("*")
               if path.is_file() and path.relative_to(ROOT / "content").as_posix()
               not in project.TEAM_VERSIONS}

    def ours(text):
        """``text``'s lines but those naming a file the team did not write as it is."""
        return "\n".join(line for line in text.splitlines()
                         if not any(f"{source}:" in line for source in edited))

    status, out, err = run_check(tmp_path / "check", GOOD)
    assert status == 0 and ours(out) == "", out + err
    if not edited:
        assert " 0 avvisi " in err, err
    site = build_site(tmp_path / "build", GOOD)
    assert site.ok, site.log
    log = ours(site.log)
    assert "WARNING" not in log and "ERROR" not in log, site.log
    # what readers get is what the text means: the dialogue one line under the other, the
    # sentences written one a line a paragraph
    dialogue = site.soup("/2025/06/il-gioco-dei-mestieri/").select(".article-body p")
    assert [len(p.find_all("br")) for p in dialogue] == [3], dialogue
    sentences = site.soup("/2025/08/il-civic-center-riapre/").find_all("p")
    assert "Il Civic Center di Cremona riapre lunedì 1 settembre. Gli orari restano quelli di" \
        " sempre. Non serve prenotare. Vi aspettiamo!" in [" ".join(p.get_text().split())
                                                           for p in sentences]


def test_a_long_opening_paragraph_is_named_at_its_line_with_what_to_write(tmp_path):
    """Without ``summary`` the lead is the body's opening paragraph: a long one was
    "sommario lungo" with no line, naming a summary the editor never wrote."""
    status, out, err = run_check(tmp_path / "check", LONG_LEAD)
    assert status == 0, out + err
    message = ("il primo paragrafo del testo è lungo ({} caratteri, consigliati al massimo"
               " 300) e, senza `summary`, fa da sommario negli elenchi e nelle condivisioni:"
               " scrivi nell'intestazione un sommario più breve (summary: …)")
    assert [line.split(" / ")[0] for line in out.splitlines()] == [
        "content/comunicati-stampa/2025-10-01-lead-lungo.md:7: avviso: " + message.format(402),
        "content/pages/convegno.md:5: avviso: " + message.format(358)], out
    site = build_site(tmp_path / "build", LONG_LEAD)
    assert site.ok, site.log
    assert "pages/convegno.md:5: " + message.format(358) in site.messages(), site.log
