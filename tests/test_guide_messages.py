r"""The editors' guide explains every message ``./run check`` prints.

docs/guida-redazione.md has a table of the messages of ``./run check`` (il messaggio dice |
vuol dire | cosa fare). Here ``tools/check.py`` runs over the broken content the other test
files hold (imported, not copied), and each message it prints must be quoted in the guide:
a message added to the code without a word for the editors fails this test. The other way
round, each row of the table must quote a message that broken content makes ``./run
check`` print: a message reworded or gone from the code leaves no row explaining words
the editors never see.

How a message is looked for in the guide, whatever the file's values:

- its values become ``…``: a `backquoted` or «quoted» text, a text in parentheses, a word
  holding a digit, ``/``, ``\``, ``{``, ``<``, ``@`` or ``+``, or a dot between letters
  (paths, addresses, file names, numbers, characters: ``U+FFFF``; the guide's ``www.…``
  too); punctuation is left out;
- its key is its first clause (up to ``:`` or ``;``), at most six words, without a value at
  its end; a first clause of one word besides values and articles (``il link
  {static}/immagini/Foto.jpg:``) only names what the message is about, and the next clause
  is added to it;
- the key must be in one of the guide's quotes (its code spans), normalised alike:
  "`date` non è una data valida (5 maggio 2024): scrivi 2024-05-05 (…)" is keyed
  "… non è una data valida", found in the table's "`date` non è una data valida (…)".

A message whose varying part is a plain word (``attributo target non ammesso in <a>``)
cannot be keyed so: :data:`KEYED_BY_HAND` gives the guide's quote that explains it.
"""

import re
import shlex

import pytest
import yaml

from support import (ROOT, Symlink, admin_scripts_text, article, build_site, run_tool,
                     write_conf, write_content)
import samples
import test_address_links as address_links
import test_attachments as attachments
import test_attachments_model as attachments_model
import test_content_errors as content_errors
import test_contract_schema as schema
import test_editor_tools as editor_tools
import test_editorial_warnings as editorial
import test_hostile_input as hostile
import test_html_validity as html_validity
import test_images as images
import test_pasted_text as pasted
import test_read_ahead as read_ahead
import test_redirects as redirects
import test_unused_uploads as unused_uploads

GUIDE = ROOT / "docs" / "guida-redazione.md"


def cases(test):
    """The argument tuples of ``test``'s ``@pytest.mark.parametrize``."""
    [mark] = [mark for mark in test.pytestmark if mark.name == "parametrize"]
    names, values = mark.args[:2]
    single = isinstance(names, str) and "," not in names
    return [(value,) if single else getattr(value, "values", value) for value in values]


def each(test, files):
    """A corpus for each case of ``test``: ``files(name, *case)``, ``name`` a content file
    of the case's own (the tests name theirs alike, ``notizie/rotto.md``)."""
    return [files(f"notizie/{test.__name__}-{number}.md", *case)
            for number, case in enumerate(cases(test))]


def _header(header):
    return f"---\n{header}\n---\n\nTesto.\n"


def _front_matter(raw):
    return _header(yaml.safe_dump(raw, allow_unicode=True).strip())


def _broken_image(name, data):
    image = name.replace("notizie/", "immagini/").replace(".md", ".jpg")
    return {image: data, name: article(body=f"![Rotta]({{static}}/{image})")}


# The broken content of the test suite, as the tests that hold it write it into content/
CORPORA = [
    content_errors.MISTAKE_FILES,
    {**content_errors.CASE_FILES, **content_errors.CASE_ITEMS},
    content_errors.UNPUBLISHED_LINKS,
    address_links.TYPOS,
    address_links.MANY_TYPOS,
    editor_tools.BROKEN,
    editor_tools.TABLE_FILES,
    read_ahead.BROKEN,
    redirects.BROKEN,
    {"notizie/bomba.md": hostile.ALIASES, "notizie/unione.md": hostile.MERGED},
    hostile.TANGLED,
    *each(content_errors.test_contract_errors_stop_the_build_naming_file_and_line,
          lambda name, text, _: {name: text}),
    *each(content_errors.test_a_file_saved_as_utf16_says_so_and_how_to_save_it_as_utf8,
          lambda name, data: {name: data}),
    *each(schema.test_each_contract_error_is_reported_with_its_key, lambda name, raw, _: {
        name: _front_matter({"title": "Titolo", "date": "2024-05-05 17:07", **raw})}),
    *each(schema.test_a_topic_must_be_one_name_that_yields_a_slug, lambda name, value, _: {
        name.replace("notizie/", "pages/"): _front_matter({"title": "Crema",
                                                           "argomento": value})}),
    *each(hostile.test_html_outside_the_allowlist_is_an_error_naming_file_and_line,
          lambda name, body, *_: {name: article(body=body)}),
    *each(hostile.test_keys_that_write_paths_are_refused,
          lambda name, keys, *_: {name: article(**keys)}),
    *each(hostile.test_bad_slugs_are_errors, lambda name, keys, *_: {name: article(**keys)}),
    *each(hostile.test_a_page_cannot_take_one_of_the_sites_own_addresses,
          lambda name, slug: {name.replace("notizie/", "pages/"):
                              f"---\ntitle: Pagina\nslug: {slug}\n---\nTesto.\n"}),
    *each(hostile.test_a_yaml_error_names_what_the_editor_cannot_see_at_its_line,
          lambda name, header, *_: {name: _header(header)}),
    *each(hostile.test_a_colon_in_an_unquoted_value_is_explained_with_the_line_to_write,
          lambda name, header, *_: {name: _header(header)}),
    *each(hostile.test_a_value_starting_with_yaml_syntax_gets_the_line_to_write,
          lambda name, title: {name: _header(f"title: {title}\ndate: 2024-05-05 10:00")}),
    *each(hostile.test_a_quote_or_a_bracket_out_of_place_gets_the_line_to_write,
          lambda name, lines, *_: {name: _header("\n".join([*lines, "date: 2024-05-05"]))}),
    *each(hostile.test_a_list_yaml_reads_otherwise_is_an_error_at_its_line,
          lambda name, lines, *_: {name: _header("\n".join(["title: Festa", *lines,
                                                            "date: 2024-05-05"]))}),
    *each(hostile.test_linked_files_must_be_of_an_allowed_type,
          lambda name, files, body, *_: {**files, name: article(body=body)}),
    attachments.REFUSED_FILES,
    *each(images.test_an_unreadable_image_stops_the_build_and_check_naming_it,
          _broken_image),
    *each(content_errors.test_every_problem_of_a_file_is_named_at_once_at_its_own_line,
          lambda name, files, _: files),
    content_errors.NOT_UTF8,
    editor_tools.TWO_SLASHES,
    attachments.SAME_TITLE,
    editor_tools.FUTURE_UPDATE,
    editor_tools.FUTURE_PAGE,
    editor_tools.LITERAL_NOTES,
    editor_tools.HEADINGS_AND_EMPTY_LINK,
    images.LOCATED_PNG,
    images.SIZED,
    unused_uploads.SRCSET,
    html_validity.SLIPS,
    hostile.UNREADABLE,
    hostile.SIXTY_LINKS_BY_ADDRESS,
    hostile.FIFTY_ONE_LINKS_BY_ADDRESS,
    hostile.SIXTY_RELATIVE_LINKS,
    hostile.FIFTY_ONE_RELATIVE_LINKS,
    hostile.FIFTY_ONE_PROBLEMS,
    hostile.CONTROL_CHARACTERS,
    hostile.ESCAPED_CONTROL_CHARACTERS,
    hostile.WORD_PROCESSOR_DASHES,
    hostile.LISTS_BEGUN_WITH_DASHES,
    hostile.BACKSLASH_LINK,
    hostile.CONTROL_REFERENCES,
    pasted.PASTED,
    pasted.LINKS_TYPED,
    pasted.CURLY_QUOTES,
    editorial.UNTAGGED,
    editorial.SCANNED,
    editorial.MENU_TITLE,
    *({f"notizie/{name}.md": _front_matter({"title": "Titolo", "date": "2024-05-05 17:07",
                                            **raw})}
      for name, raw in [("titolo-lungo", schema.LONG_TITLE), ("ora-saltata", schema.SKIPPED_HOUR),
                        ("aggiornato-prima", schema.UPDATE_BEFORE_DATE),
                        ("aggiornato-senza-ora", schema.UPDATE_SAME_DAY)]),
    *each(attachments_model.test_malformed_declarations_are_problems_of_their_entry,
          lambda name, value, *_: {name: _front_matter({"title": "Voci",
                                                        "date": "2024-05-05 17:07",
                                                        "attachments": value})}),
    *each(schema.test_translation_of_another_kind_is_an_error, lambda name, value, _: {
        name: _front_matter({"title": "Titolo", "date": "2024-05-05 17:07",
                             "translation": value})}),
    *each(schema.test_a_lang_that_is_not_a_language_code_is_an_error, lambda name, value: {
        name: _front_matter({"title": "Titolo", "date": "2024-05-05 17:07", "lang": value})}),
    # Broken content the tests write in their functions (made by a tool, or in their own
    # temporary folder): each file with the message it makes ./run check print
    {
        # il testo contiene ancora la frase d'esempio «Scrivi qui il testo.» (the text
        # ./run new writes, test_editor_tools)
        "notizie/da-scrivere.md": article(title="Da scrivere", body="Scrivi qui il testo."),
        # il link {static}immagini/… va scritto con la barra dopo {static}
        "notizie/senza-barra.md": article(title="Senza barra",
                                          body="![Foto]({static}immagini/foto.jpg)"),
        # `argomento` vale solo per le pagine
        "notizie/con-argomento.md": article(title="Con argomento", argomento="Crema"),
        # `status` sconosciuto (…): usa published, draft o hidden (a value no Italian word
        # or typo explains)
        "notizie/stato-ignoto.md": article(title="Stato ignoto", status="pronto"),
        # la voce 1 di `attachments` non è un percorso né `file: …`; allegato
        # allegati/Bando.PDF (…): il file si chiama … (the guide's table quotes both)
        "notizie/voci-strane.md": article(title="Voci strane", attachments=[
            "[allegati/bando.pdf]", "file: allegati/Bando-Maiuscole.PDF"]),
        "allegati/bando-maiuscole.pdf": samples.pdf(1),
        # carattere U+FEFF (…) tolto: the mark a Windows editor puts at a file's start, pasted
        # into the text (its name was "BOM", test_no_message_…_speaks_jargon)
        "notizie/segno-iniziale.md": article(title="Segno iniziale", body="Testo\ufeff qui."),
        # il primo paragrafo del testo è lungo (…)
        "notizie/primo-paragrafo.md": article(title="Primo paragrafo", body=" ".join(
            ["Un comunicato comincia spesso con un paragrafo lungo."] * 8)),
        # dichiarazione <!DOCTYPE html> non ammessa, istruzione <?…?> non ammessa,
        # dichiarazione <![…]> non ammessa (a web page or a PHP file pasted in)
        "notizie/pagina-incollata.md": article(title="Pagina incollata", body=(
            "<!DOCTYPE html>\n\n<?php echo 1; ?>\n\n<![CDATA[ dati ]]>")),
        # values YAML reads as a mapping or with a null, quoted as written, not in Python's
        # form («{'a': 'b'}», «[true, None]», «/a.html: None»)
        "notizie/traduzione-mappa.md": article(title="Traduzione mappa",
                                               translation="{a: b}"),
        "notizie/traduzione-nulla.md": article(title="Traduzione nulla",
                                               translation="[true, null]"),
        "notizie/indirizzo-due-punti.md": article(title="Indirizzo due punti",
                                                  indirizzi_precedenti="[/a.html:]"),
        "notizie/indirizzo-voce-due-punti.md": article(title="Indirizzo voce due punti",
                                                       indirizzi_precedenti=["/b.html:"]),
        "notizie/data-mappa.md": article(title="Data mappa", modified="{a: null}"),
        "notizie/argomenti-mappa.md": article(title="Argomenti mappa", tags="{a: b}"),
        "notizie/visite-elenco.md": article(title="Visite elenco",
                                            visite_precedenti="[1459, null]"),
        # `summary` deve essere un testo, non «{…}» (a pair, not a list)
        "notizie/sommario-coppia.md": article(title="Sommario coppia",
                                              summary="{Orari: dalle 9}"),
    },
]

# Content checked in a folder of its own, with settings of its own: (files, settings)
OWN_FOLDERS = [
    # symbolic links: ./run check names them and reads nothing else
    ({**hostile.FOLDER_LINKS,
      # collegamento simbolico che porta fuori da content/ (the tests link a file in their
      # temporary folder, by its absolute path)
      "allegati/fuori.pdf": Symlink("../../fuori.pdf")}, ""),
    # names with a control character: ./run check names them and reads nothing else (the
    # name that forges a line of the log aside: it is no message of the guide's form)
    ({name: data for name, data in hostile.UNSAFE_NAMES.items() if ": " not in name}, ""),
    # videos allowed from one host only (iframe da … non ammesso; video senza titolo;
    # titolo del video generico), a video of that host asking too much (permesso `…`
    # non ammesso in un video, `referrerpolicy="…"` non ammesso in un video);
    # attachments over 1 kB very large (allegato molto grande)
    ({**content_errors.IFRAME_FROM_ANOTHER_HOST, **content_errors.IFRAME_WITHOUT_TITLE,
      **content_errors.IFRAME_GENERIC_TITLE, **content_errors.IFRAME_ASKING_TOO_MUCH,
      **attachments.SITE},
     content_errors.VIDEO_HOSTS + attachments.LOW_SIZE_LIMIT),
    # conversions stopped after 0.05 s (il testo non può essere convertito: la conversione
    # richiede più di …, and the same of `summary`): nothing else in the folder, or a slow
    # moment of the machine could stop another file's conversion too
    (hostile.SLOW_TO_CONVERT, "CONTRACT_MARKDOWN_SECONDS = 0.05\n"),
    # files no item uses (file non usato da nessun articolo): named only where the content
    # has no errors
    (unused_uploads.SITE, ""),
]


def content_folders(corpora):
    """The corpora in as few content folders as hold them: a corpus joins the first
    folder where none of its files' names (capitals aside, as on a Mac) is taken by
    another file, if need be with its articles renamed (:func:`own_names`). One ``./run
    check`` per folder, not one per corpus."""
    folders = []
    for number, files in enumerate(corpora):
        versions = [files, own_names(files, number)]
        for folder in folders:
            taken = {name.casefold(): name for name in folder}
            fits = [version for version in versions if all(
                taken.get(name.casefold(), name) == name and folder.get(name, data) == data
                for name, data in version.items())]
            if fits:
                folder.update(fits[0])
                break
        else:
            folders.append(dict(files))
    return folders


def own_names(files, number):
    """``files`` with the corpus's ``number`` in its articles' names (``notizie/a.md``:
    ``notizie/a-7.md``), so that it can share a folder with another corpus's
    ``notizie/a.md``; as they are when one file links another by its name."""
    if any("{filename}" in (data.decode("utf-8", "replace") if isinstance(data, bytes)
                            else str(data)) for data in files.values()):
        return files
    return {f"{name[:-3]}-{number}.md" if name.endswith(".md") else name: data
            for name, data in files.items()}


# A value (see the module's docstring)
VALUE = re.compile(r"`[^`]*`|«[^»]*»|\((?:[^()]|\([^()]*\))*\)"
                   r"|(?:[^\s,;:]|:(?=\S))*(?:[\d/\\{<@+]|\w\.[\w…])(?:[^\s,;:]|:(?=\S))*")
GAP = "…"
ARTICLES = {"il", "lo", "la", "i", "gli", "le", "un", "uno", "una"}


def words(text, clauses=False):
    """``text`` as its words, ``…`` for a value (one for several in a row, as the guide
    writes them); ``clauses``: with ``:`` and ``;`` where a clause ends."""
    found = []
    for word in re.findall(r"…|\w+(?:['’]\w+)*|[:;](?=\s|$)", VALUE.sub(GAP, text)):
        if (clauses or word not in (":", ";")) and not (word == GAP and found[-1:] == [GAP]):
            found.append(word)
    return found


def key(message):
    """The start of ``message`` that does not depend on the file (see the module's
    docstring): ``"il link … il file si"`` for ``il link {static}/immagini/Foto.jpg: il
    file si chiama immagini/foto.JPG: …``."""
    start = []
    for word in words(message, clauses=True):
        if word not in (":", ";"):
            start.append(word)
        elif len([word for word in start if word not in ARTICLES and word != GAP]) >= 2:
            break
    start = words(" ".join(start))[:6]  # a value on either side of a colon: one
    while start and start[-1] == GAP:  # a value at the end says nothing; quotes often stop
        start.pop()                    # before it
    return " ".join(start)


def guide_quotes(text):
    """The guide's quotes, its code spans (`…` and ``…``), each as :func:`words`."""
    return [" ".join(words(quote)) for _, quote in re.findall(r"(`+)(.+?)\1", text)]


# The messages that cannot be keyed: (the messages, the guide's quote that explains them
# all, why they cannot)
KEYED_BY_HAND = [
    (r"attributo \w+ non ammesso in <", "`attributo style non ammesso in <p>` (o `onclick`…)",
     "the attribute's name is a plain word: style, target, onerror…"),
    (r"indirizzo \w+: non ammesso", "`` indirizzo javascript: non ammesso … ``",
     "the address's scheme is a plain word: javascript, data"),
    (r"\S+ non è (un|una|un')\b.*: il contenuto è ", "`… non è un PDF: il contenuto …`",
     "the type the file's name promises is plain words: un PDF, un'immagine JPEG, un file"
     " di testo"),
    (r"`indirizzi_precedenti`: ", "`` `indirizzi_precedenti`: … ``",
     "the key's name, then the old address, then one of a dozen problems: the guide's row"
     " sends the editor to «Indirizzi dal vecchio sito», which explains each in its words"),
]


def checked_messages(tmp_path):
    """``{message: where}``: the Italian part (before `` / ``) of every message ``./run
    check`` prints for :data:`CORPORA`, and a file and line it was printed for."""
    messages = {}
    folders = [(files, "") for files in content_folders(CORPORA)] + OWN_FOLDERS
    for number, (files, settings) in enumerate(folders):
        folder = tmp_path / str(number)
        write_content(folder / "content", files)
        status, out, err = run_tool(folder, "check", "--settings",
                                    str(write_conf(folder, settings)),
                                    "--content", str(folder / "content"))
        # 0: a folder of warnings only
        assert status in (0, 1) and out and "Traceback" not in err, out + err
        for line in out.splitlines():
            where, message = re.fullmatch(r"content/(.+?): (?:errore|avviso): (.+)",
                                          line).groups()
            messages.setdefault(message.split(" / ")[0], where)
    return messages


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """:func:`checked_messages`, once for the tests of this file."""
    return checked_messages(tmp_path_factory.mktemp("check"))


def test_every_message_check_prints_for_broken_content_is_explained_in_the_guide(printed):
    """Each message's key (or quote, :data:`KEYED_BY_HAND`) is in the guide."""
    guide = GUIDE.read_text(encoding="utf-8")
    quotes = [f" {quote} " for quote in guide_quotes(guide)]
    missing, keyed_by_hand = {}, set()
    for message, where in printed.items():
        hand = [(pattern, quote) for pattern, quote, _ in KEYED_BY_HAND
                if re.match(pattern, message)]
        if hand:
            keyed_by_hand.add(hand[0][0])
            start, found = hand[0][1], hand[0][1] in guide
        else:
            start = key(message)
            found = start and any(f" {start} " in quote for quote in quotes)
        if not found:
            missing.setdefault(start or "(no key: add it to KEYED_BY_HAND)",
                               f"{where}: {message}")
    assert not missing, "".join(
        f"\nnot in docs/guida-redazione.md: {start!r}\n    (./run check: {example})"
        for start, example in missing.items())
    unused = {pattern for pattern, _, _ in KEYED_BY_HAND} - keyed_by_hand
    assert not unused, f"KEYED_BY_HAND: no message needs {unused} any more"


def table_of_messages(guide):
    """The first cells of the rows of the guide's table of messages (il messaggio dice |
    vuol dire | cosa fare)."""
    lines = guide.splitlines()
    start = next(number for number, line in enumerate(lines)
                 if line.startswith("| il messaggio dice |"))
    cells = []
    for line in lines[start + 2:]:  # the header, then its |---| line
        if not line.startswith("| "):
            break
        cells.append(line.split(" | ")[0].removeprefix("| "))
    return cells


def printed_as(quote, texts):
    """True when one of ``texts`` (messages as :func:`words`) says ``quote``: its words in
    its order, next to each other but where the quote has ``…`` (any words)."""
    parts, gap = [], False
    for word in words(quote):
        if word == GAP:
            gap = True
            continue
        if parts:
            parts.append(r"\s(?:\S+\s)*?" if gap else r"\s")
        parts.append(re.escape(word))
        gap = False
    pattern = re.compile(r"(?<!\w)" + "".join(parts) + r"(?!\w)")
    return not parts or any(pattern.search(text) for text in texts)


def quoted_messages(cell):
    """The quotes of a cell of the table that are messages: two words or more besides
    values (```status` sconosciuto (bozza): …``, ``usa published, draft o hidden``); not
    a key's or an attribute's name the row adds (``(anche `url`, `template`)``)."""
    return [quote for _, quote in re.findall(r"(`+)(.+?)\1", cell)
            if len([word for word in words(quote) if word != GAP]) >= 2]


def test_every_message_the_guides_table_explains_is_one_check_prints(printed):
    """Each message a row of the table quotes (each of its messages, not one of them: a
    row's other wordings were never checked, and one that no file could make ./run check
    print had stayed in the guide) is one that broken content makes ./run check print,
    values aside."""
    texts = [" ".join(words(message)) for message in printed]
    cells = table_of_messages(GUIDE.read_text(encoding="utf-8"))
    assert len(cells) > 50, "the table of messages was not found"
    unprinted = [(quote, cell) for cell in cells
                 for quote in quoted_messages(cell) or [cell]
                 if not printed_as(quote, texts)]
    assert not unprinted, "".join(
        f"\nin docs/guida-redazione.md, printed by no broken content: {quote!r} (in {cell})"
        for quote, cell in unprinted)


# The words an editor cannot be expected to know: the technical names of the header (the
# guide gives them once, in brackets, beside «intestazione») and of the encoding, and the
# English of the programs that read a file (PyYAML's "mapping values are not allowed in this
# context", Pillow's "image file is truncated", the system's "No such file or directory"),
# which a message gives only in its English half, after " / "
JARGON = re.compile(
    r"front[ -]?matter|\bYAML\b|\bUTF-?(?:8|16)\b|\bslug\b(?!:)|\bpars(?:e|ing)\b|\bstring\b"
    r"|\bregex|\b(?:None|True|False|null|Traceback|Exception|BOM|bytes?)\b"
    r"|\b(?:the|is|are|not|found|expected|could|cannot|allowed|while|scanning|mapping"
    r"|token|context|truncated|processed|such|directory)\b"
    # the header by another name than «intestazione»
    r"|informazioni in cima|in cima, tra le informazioni"
    # the name of a standard (an attribute is named as written, aria-label)
    r"|(?-i:\bARIA\b)", re.I)
# What a message quotes of the file or of what to write: a code span, a «quoted» text, a
# file's name or an address (a word with a slash, a backslash, @ or a dot between letters),
# an HTML tag, an option of ./run new to type (--slug)
QUOTED = re.compile(r"`[^`]*`|«[^»]*»|<[^<>]*>|\S*(?:[/\\@]|\w\.\w)\S*|--[\w-]+")
# Python's form of a value, which no editor typed, inside what a message quotes of the file
# («[true, None]», «{'si': 'no'}», «['/a.html']»): a quote shows the value as written
PYTHON_FORM = re.compile(r"\b(?:None|True|False)\b|[\[{]\s*'[^']*'|'[^']*'\s*[:\]}]")


def jargon(message):
    """The words of :data:`JARGON` in ``message``, outside what it quotes, and Python's
    form of a value (:data:`PYTHON_FORM`) inside it."""
    return JARGON.findall(QUOTED.sub(" ", message)) + [
        found for quote in QUOTED.findall(message) for found in PYTHON_FORM.findall(quote)]


def test_no_message_check_prints_for_broken_content_speaks_jargon(printed):
    """Each message's Italian, as ./run check prints it for the broken content of the
    suite (the build and the preview show the same words: one implementation), is plain
    Italian: the header is «l'intestazione», never «front matter» nor «YAML», and the
    English of the program that read the file is no longer in the Italian half ("front
    matter YAML non valido: … (mapping values are not allowed in this context)", "il file
    non è in UTF-8", "`translation` vale true o false, non ['true']" were printed)."""
    said = {message: jargon(message) for message in printed}
    said = {message: words for message, words in said.items() if words}
    assert not said, "".join(f"\n{printed[message]}: {words}: {message}"
                             for message, words in said.items())
    assert any(message.startswith("intestazione scritta male: ") for message in printed)
    # the test sees jargon where it is (the quotes it leaves aside are no hiding place)
    assert jargon("front matter YAML non valido: x (did not find expected key)") == [
        "front matter", "YAML", "not", "expected"]
    assert jargon("scrivi `slug: a` in notizie/front-matter.md") == []
    forms = ("[true, None]", "{'si': 'no'}", "['/a.html']")
    assert [jargon(f"non «{form}»") for form in forms] == [
        ["None"], ["{'si'", "'no'}"], ["['/a.html'"]]
    assert jargon("non «[true, ]», non «{si: no}», non «/a.html:», non «L'estate»") == []


def test_no_error_the_build_logs_for_broken_content_speaks_jargon(tmp_path):
    """The build's errors (its log: the same messages as check's, and those only a build
    finds, a link to an address the site did not write) for broken content of the suite
    are plain Italian before ` / ` too, with nothing of Pelican's English but its level:
    no «BuildStopped:», no «Could not process»."""
    corpora = [content_errors.MISTAKE_FILES, address_links.TYPOS, editor_tools.BROKEN]
    said = []
    for number, files in enumerate(content_folders(corpora)):
        site = build_site(tmp_path / str(number), files)
        assert not site.ok and "Traceback" not in site.log
        errors = site.errors() + [line for line in site.messages().split(" CRITICAL ")[1:]]
        said += [error.split(" / ")[0] for error in errors]
    assert len(said) > 50, said
    assert not [(line, jargon(line)) for line in said if jargon(line)]
    assert not [line for line in said if line.startswith(("Could not", "BuildStopped"))]


# ./run new refused or warned, as an editor types it wrong: (arguments, "Non creato"
# or "Avviso")
NEW_MISTAKES = [
    (["--title", ""], "Non creato"),
    (["--title", "🎉🎉"], "Non creato"),
    (["--title", "Festa", "--date", "31/11/2026"], "Non creato"),
    (["--title", "Festa", "--date", "3000-01-01"], "Non creato"),
    (["--title", "Festa", "--slug", "Festa Bella!"], "Non creato"),
    (["--title", "Festa", "--category", "notizia"], "Non creato"),
    (["--title", "Festa", "--category", "eventi"], "Non creato"),
    (["--title", "Festa", "--category", "pages"], "Non creato"),
    (["--title", "Festa " * 30], "Avviso"),
    (["--title", "Festa", "--date", "2062-05-05 10:00"], "Avviso"),
]


def test_no_message_of_run_new_speaks_jargon(tmp_path):
    """What ./run new says when it creates nothing, or warns, is plain Italian too (before
    ` / `): the same list of words as check's messages."""
    content = tmp_path / "content"
    (content / "notizie").mkdir(parents=True)
    (content / "pages").mkdir()
    conf = str(write_conf(tmp_path))
    said = []
    for arguments, kind in NEW_MISTAKES:
        _, out, err = run_tool(tmp_path, "new_item", *arguments, "--settings", conf,
                               "--content", str(content))
        [line] = [line for line in err.splitlines() if line.startswith(f"{kind}: ")]
        said.append(line.split(" / ")[0])
    assert not [(line, jargon(line)) for line in said if jargon(line)], said


def test_the_guide_gives_the_headers_technical_names_once_beside_its_one_word():
    """The guide calls the block between the two ``---`` lines «intestazione», as every
    message does, and gives its technical names, «front matter» and «YAML», once, in
    brackets beside it (the messages said "front matter YAML non valido", the guide
    «informazioni in cima», «front matter» and «intestazione» by turns)."""
    guide = GUIDE.read_text(encoding="utf-8")
    assert len(re.findall(r"front[ -]?matter", guide, re.I)) == 1
    assert len(re.findall(r"\bYAML\b", guide)) == 1
    assert "informazioni in cima" not in guide
    # the encoding only as the option to choose in «Salva con nome» (it was "in UTF-8")
    assert not re.findall(r"(?<!«)UTF-(?:8|16)|UTF-(?:8|16)(?!»)", guide)
    [paragraph] = [part for part in guide.split("\n\n") if "front matter" in part]
    assert re.search(r"\*\*intestazione\*\* \([^)]*«front matter»[^)]*«YAML»[^)]*\)",
                     " ".join(paragraph.split())), paragraph


# --- The guide's examples, as an editor copies them ---------------------------------------

# A fenced example of the guide: its first line (the fence, ```markdown or ```yaml, maybe
# indented in a list item), its text, its closing fence
FENCED = re.compile(r"^( *)```(markdown|yaml)\n(.*?)^\1```$", re.S | re.M)
NATIVE_KEY = re.compile(r"[A-Z][a-z_]*: ")  # Pelican's native header: Title: …
YAML_KEY = re.compile(r"[a-z_]+:(?: |$)")


def guide_examples(guide):
    """``[(line, text)]``: the guide's fenced Markdown and YAML examples, each as the text
    an editor copies (dedented), with the line of the guide it starts at."""
    return [(guide[:match.start()].count("\n") + 1,
             re.sub(rf"(?m)^{match.group(1)}", "", match.group(3)))
            for match in FENCED.finditer(guide)]


def example_file(text, number):
    """``(path, file)``: the example as a content file. A whole file (a header between
    ``---`` lines, or Pelican's native one) as it is, with a line of text under a header
    shown alone (as the editor then writes it); a few front-matter lines in the header of
    an article; Markdown as the text of one. An item without a date is a page."""
    first = text.split("\n", 1)[0]
    if first == "---" or NATIVE_KEY.match(first):
        whole = text
        body = (text.split("\n---\n", 1)[1] if first == "---"
                else text.split("\n\n", 1)[1] if "\n\n" in text else "")
        if not body.strip():
            whole = text.rstrip("\n") + "\n\nTesto dell'esempio.\n"
    elif YAML_KEY.match(first):
        whole = (f"---\ntitle: Esempio {number}\ndate: 2024-05-05 10:00\n{text}---\n\n"
                 "Testo dell'esempio.\n")
    else:
        whole = (f"---\ntitle: Esempio {number}\ndate: 2024-05-05 10:00\n---\n\n"
                 f"Il testo dell'esempio.\n\n{text}")
    dated = re.search(r"(?mi)^date: ", whole.split("\n\n", 1)[0] if first != "---"
                      else whole.split("\n---\n", 1)[0])
    return f"{'notizie' if dated else 'pages'}/esempio-{number}.md", whole


def example_files(text):
    """The files an example names, that the editor has put in content/ before checking:
    images and attachments (``{static}``, ``image:``, ``attachments``), other items
    (``{filename}``)."""
    names = re.findall(r"\{static\}/([^)\s]+)", text)
    names += re.findall(r"(?m)^image: (\S+)$", text)
    names += re.findall(r"(?m)^ *- (?:file: )?(allegati/.+)$", text)
    names += [name.strip() for line in re.findall(r"(?m)^Attachments: (.+)$", text)
              for name in line.split(",")]
    files = {}
    for name in names:
        kind = name.rsplit(".", 1)[-1].lower()
        files[name] = (samples.pdf(1) if kind == "pdf" else samples.ooxml(kind)
                       if kind in ("docx", "xlsx", "pptx") else samples.image("JPEG"))
    for name in re.findall(r"\{filename\}/([^)\s#]+)", text):
        files[name] = article(title=f"Altro articolo per {name}")
    return files


def test_every_fenced_example_of_the_guide_is_accepted_as_it_is(tmp_path):
    """Every ```markdown and ```yaml example of docs/guida-redazione.md, copied into a
    content file of its own (with the files it names), passes ./run check with no error
    and no warning: the guide shows how to write, and an editor copies it (an example
    turned wrong, a date written 12/06/2024, a key renamed in the code, fails here)."""
    examples = guide_examples(GUIDE.read_text(encoding="utf-8"))
    assert len(examples) >= 9, examples
    problems = {}
    for number, (line, text) in enumerate(examples):
        name, whole = example_file(text, number)
        folder = tmp_path / str(number)
        write_content(folder / "content", {**example_files(text), name: whole})
        status, out, err = run_tool(folder, "check", "--settings", str(write_conf(folder)),
                                    "--content", str(folder / "content"))
        if status != 0 or out.strip() or "0 errori, 0 avvisi" not in err:
            problems[f"docs/guida-redazione.md:{line}"] = f"{whole}\n{out}{err}"
    assert not problems, "".join(f"\n{where}: the example, as a file:\n{said}"
                                 for where, said in problems.items())


def test_the_guides_example_of_attachments_refused_is_what_the_build_logs(tmp_path):
    """«Tipi di file ammessi» quotes the build's log for a page saved as HTML and a PNG
    named .pdf, both attachments of notizie/orari.md: each line of the quote is logged
    ("…" any text). The quote had lost the line of the attachment the messages now
    name (``notizie/orari.md:5:``)."""
    guide = GUIDE.read_text(encoding="utf-8")
    section = guide.split("\n### Tipi di file ammessi\n", 1)[1].split("\n### ", 1)[0]
    [block] = re.findall(r"^```\n(ERROR .*?)^```$", section, re.S | re.M)
    site = build_site(tmp_path, {
        "notizie/orari.md": attachments.item(title="Orari", attachments=[
            "allegati/2025/orari.html", "allegati/2025/orari.pdf"]),
        "allegati/2025/orari.html": "<!doctype html><title>Orari</title><p>Orari</p>\n",
        "allegati/2025/orari.pdf": samples.image("PNG")})
    assert not site.ok
    logged = site.messages()
    for line in block.splitlines():
        pattern = r"\s+".join(re.escape(word) for word in line.split()).replace("…", ".*?")
        assert re.search(pattern, logged), (line, logged)


def test_the_guides_run_new_command_answers_as_the_guide_shows(tmp_path):
    """«Nuovo articolo dal terminale» gives a ./run new command and its answer: the command,
    run as it is, answers those lines (the day's date aside) and writes the draft the
    guide describes."""
    guide = GUIDE.read_text(encoding="utf-8")
    section = guide.split("\n## Nuovo articolo dal terminale: `./run new`\n", 1)[1]
    command, answer = re.findall(r"^```\n(.*?)^```$", section.split("\n## ", 1)[0],
                                 re.S | re.M)[:2]
    [command] = command.splitlines()
    assert command.startswith("./run new ")
    conf = write_conf(tmp_path)
    (tmp_path / "content" / "notizie").mkdir(parents=True)
    status, out, err = run_tool(tmp_path, "new_item", *shlex.split(command)[2:],
                                "--settings", str(conf), "--content", str(tmp_path / "content"))
    assert status == 0, err
    printed = out.splitlines()
    lines = answer.splitlines()
    assert len(lines) == len(printed), (lines, printed)
    for line, said in zip(lines, printed):
        # the day's date, in the file's name and in the address
        pattern = r"\d{4}(?:-|/)\d{2}(?:-\d{2}|/)".join(
            re.escape(piece) for piece in re.split(r"\d{4}(?:-\d{2}-\d{2}|/\d{2}/)", line))
        assert re.fullmatch(pattern, said), (line, said)
    [written] = (tmp_path / "content" / "notizie").glob("*.md")
    text = written.read_text(encoding="utf-8")
    for line in ("author: Redazione", "tags: []", "attachments: []", "status: draft"):
        assert f"\n{line}\n" in text, (line, text)


def test_the_guide_names_every_kind_of_item_whose_address_the_web_editor_keeps():
    """The web editor refuses a title whose slug is one of "un articolo non ancora
    pubblicato (…)" (plugins/admin/static/scripts/): the guide's paragraph that quotes
    that refusal names each kind the refusal lists. It named drafts and scheduled items,
    and an editor whose title was a hidden item's read nothing about it."""
    code = admin_scripts_text()
    code = re.sub(r'"\s*\+\s*"', "", code)  # one string of its pieces
    kinds = re.search(r"un articolo non ancora pubblicato \(([^)]*)\)", code).group(1)
    kinds = re.findall(r"bozza|programmato|nascosto", kinds)
    assert len(kinds) == 3, kinds
    guide = " ".join(GUIDE.read_text(encoding="utf-8").split())
    [paragraph] = [item for item in guide.split(" - ")
                   if "«un articolo non ancora pubblicato»" in item]
    missing = [kind for kind in kinds if kind not in paragraph.split("«")[0]]
    assert not missing, (missing, paragraph)


def test_the_guides_publishing_steps_say_a_new_item_is_a_draft_to_publish(tmp_path):
    """./run new writes a draft (``status: draft``): the guide's steps to publish with
    git, which an editor follows after ./run new, say to change it first; they did not,
    and a draft pushed as the steps said was never on the site."""
    (tmp_path / "content" / "notizie").mkdir(parents=True)
    status, out, err = run_tool(tmp_path, "new_item", "--title", "Bozza", "--settings",
                                str(write_conf(tmp_path)), "--content",
                                str(tmp_path / "content"))
    assert status == 0, err
    [written] = (tmp_path / "content" / "notizie").glob("*.md")
    assert "\nstatus: draft\n" in written.read_text(encoding="utf-8")
    guide = GUIDE.read_text(encoding="utf-8")
    section = guide.split("\n## Pubblicare, modificare e togliere un articolo (con git)\n",
                          1)[1]
    steps = section.split("\n```\n", 1)[0]  # up to the commands
    assert "./run new" in steps and "`status: published`" in steps, steps


def test_the_guides_attachments_are_written_as_the_web_editor_can_save_them():
    """An item whose attachments are bare paths (``- allegati/x.pdf``) is saved by the web
    editor with each rewritten as ``- file: …`` (plugins/admin/README.md, Limits;
    tests/test_admin_browser.py): every YAML example of attachments in the guide writes
    each as ``- file: …``, the form the web editor writes, and every passage of the guide
    that speaks of bare paths and the web editor says so. The «Allegati» chapter still
    said, after the web editor learnt to save them, that such an item could no longer be
    saved from it, against «Da sapere»."""
    admin = " ".join((ROOT / "plugins" / "admin" / "README.md").read_text(
        encoding="utf-8").split())
    assert "a save writes it as `- file: allegati/x.pdf`" in admin
    guide = " ".join(GUIDE.read_text(encoding="utf-8").split())
    passages = [passage for passage in re.split(r"\. (?=[A-Z])| - ", guide)
                if re.search(r"`- allegati/[^`]*`", passage) and "editor" in passage]
    assert len(passages) >= 2, passages  # «Allegati» and «Da sapere»
    for passage in passages:
        assert "`- file:" in passage and "non si pu" not in passage, passage
    found = 0
    for line, text in guide_examples(GUIDE.read_text(encoding="utf-8")):
        header = text.removeprefix("---\n").split("\n---", 1)[0]
        if not re.search(r"(?m)^attachments:", header):
            continue
        found += 1
        entries = yaml.safe_load(header)["attachments"]
        bare = [entry for entry in entries if not (isinstance(entry, dict) and "file" in entry)]
        assert not bare, f"docs/guida-redazione.md:{line}: {bare}"
    assert found, "the guide has no YAML example of attachments"


def test_the_guides_first_example_copied_alone_has_only_its_two_links_refused(tmp_path):
    """«Com'è fatto un articolo» says that its example, copied without the files it links,
    is refused by ./run check for its two links only (an editor who copied it saw two
    errors the guide did not announce)."""
    guide = GUIDE.read_text(encoding="utf-8")
    section = guide.split("\n## Com'è fatto un articolo\n", 1)[1].split("\n### ", 1)[0]
    assert "`./run check` segnalerebbe i due link come errori" in " ".join(section.split())
    [(_, text)] = guide_examples(section)[:1]
    name, whole = example_file(text, 0)
    write_content(tmp_path / "content", {name: whole})
    status, out, err = run_tool(tmp_path, "check", "--settings", str(write_conf(tmp_path)),
                                "--content", str(tmp_path / "content"))
    links = re.findall(r"\{(?:filename|static)\}/[^)\s]+", text)
    assert status == 1 and len(links) == 2, (out, links)
    lines = whole.splitlines()
    assert out.splitlines() == [
        f"content/{name}:{number}: errore: il link {link} punta a un file che non esiste"
        " / link target not found"
        for link in links
        for number in [next(n for n, line in enumerate(lines, 1) if link in line)]], out


def test_the_guide_tells_editors_of_check_s_messages_not_of_tests_they_could_trip(tmp_path):
    """The publication on GitHub runs the project's tests before publishing (publish.yml:
    ./run test before ./run publish). The guide once told editors that those tests stop a
    publication ./run check lets through (an untagged PDF the accessibility statement
    does not name, a menu page retitled): those rules are now ./run check's warnings
    (tests/test_editorial_warnings.py), and no test of the real content fails on what it
    passes (test_project_site's test of the edits the guide allows). The guide speaks of
    ./run check's messages only, and its examples are what ./run check says: the project's
    content with «Scrivici» as the contacts page's title and a news item with an untagged
    PDF gets both warnings and passes; with «Contatti e orari» and the item named in the
    statement, neither."""
    import shutil  # noqa: PLC0415

    guide = " ".join(GUIDE.read_text(encoding="utf-8").split())
    for never in ("./run test", "test_project_site", "controlli del progetto"):
        assert never not in guide, never
    [item] = [item for item in guide.split(" - ") if "«PDF con tag»" in item]
    assert "`il PDF … non è accessibile (senza tag, senza titolo, senza lingua)`" in item \
        and "`il PDF … non ha testo (solo immagini: forse è una scansione)`" in item \
        and "il sito viene pubblicato lo stesso" in item
    section = guide.split("## Pubblicare, modificare e togliere un articolo (con git)")[1]
    for said in ("gli avvisi non la fermano", "un PDF non accessibile",
                 "`title: Contatti e orari` va bene, `title: Scrivici` no"):
        assert said in section, said
    editor = guide.split("## Scrivere dal browser (editor web)")[1].split(" ## ")[0]
    assert "non fermano la pubblicazione" in editor
    workflow = (ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    steps = re.findall(r"(?m)^\s+run: (\./run [^\n]*?)\s*$", workflow)
    assert steps.index("./run check") < steps.index("./run test") < steps.index("./run publish")

    contacts = (ROOT / "content" / "pages" / "contatti.md").read_text(encoding="utf-8")
    statement = (ROOT / "content" / "pages" / "accessibilita.md").read_text(encoding="utf-8")
    assert "\ntitle: Contatti\n" in contacts

    def warnings(folder, title, named):
        content = tmp_path / folder / "content"
        shutil.copytree(ROOT / "content", content)
        listed = ("- **Il bando in PDF**, allegato alla notizia [Il bando]"
                  f"({{filename}}/{editorial.NEWS}), non ha tag.\n")
        write_content(content, {
            **{name: data for name, data in editorial.UNTAGGED.items()
               if not name.startswith("pages/")},
            "pages/contatti.md": contacts.replace("\ntitle: Contatti\n", f"\ntitle: {title}\n"),
            "pages/accessibilita.md": statement.replace(
                "## Contenuti non accessibili\n\n",
                "## Contenuti non accessibili\n\n" + (listed if named else ""))})
        status, out, err = run_tool(tmp_path / folder, "check", "--settings",
                                    str(write_conf(tmp_path / folder)), "--content",
                                    str(content))
        assert status == 0, out + err
        return [line for line in out.splitlines() if ": avviso: " in line]

    as_pushed = warnings("come-inviato", "Scrivici", named=False)
    assert [line.split(": avviso: ")[0] for line in as_pushed] == [
        f"content/{editorial.NEWS}:5", "content/pages/contatti.md:2"], as_pushed
    assert warnings("come-dice-la-guida", "Contatti e orari", named=True) == []


def check_kinds(tmp_path, files):
    """``./run check`` of ``files``: ``{file: {"errore" or "avviso", …}}``, the kinds of
    the messages each file under content/ gets."""
    write_content(tmp_path / "content", files)
    status, out, err = run_tool(tmp_path, "check", "--settings", str(write_conf(tmp_path)),
                                "--content", str(tmp_path / "content"))
    assert "Traceback" not in err, out + err
    kinds = {}
    for path, kind in re.findall(r"(?m)^content/(.+?):(?:\d+:)? (errore|avviso): ", out):
        kinds.setdefault(path, set()).add(kind)
    return kinds


ADDRESS_LINK = "Vedi [l'archivio](/archivo/)."
SORTED_CASES = {
    # name: (files, the file's kind of message, the guide's words, the list holding them)
    "broken address link": ({"notizie/a.md": article(body=ADDRESS_LINK)}, "errore",
                            "un link scritto con un indirizzo del sito che non porta a"
                            " nessuna pagina", "errori"),
    "broken address link in a draft": (
        {"notizie/a.md": article(body=ADDRESS_LINK, status="draft")}, "avviso",
        "in una bozza o in un articolo programmato è un avviso", "errori"),
    "relative link": ({"notizie/a.md": article(body="Vedi [il programma](programma).")},
                      "errore", "un link o un'immagine con un indirizzo relativo", "errori"),
    "several names in author": ({"notizie/a.md": article(author="Maria Rossi, Luca Verdi")},
                                "avviso", "più nomi in `author`", "avvisi"),
    "untagged pdf": (editorial.UNTAGGED, "avviso",
                     "un PDF allegato non accessibile (senza tag, titolo o lingua, o senza"
                     " testo) che la dichiarazione di accessibilità non nomina", "avvisi"),
    "menu title": (editorial.MENU_TITLE, "avviso", "il titolo di una pagina del menu che non"
                   " comincia con le parole del menu", "avvisi"),
}


@pytest.mark.parametrize("name", SORTED_CASES)
def test_the_guides_lists_of_errors_and_of_warnings_sort_each_case_as_check_does(tmp_path,
                                                                               name):
    """«Errori» lists what stops the publication («Sono errori: …») and what does not
    («Sono solo avvisi …»): each case below is in the list of the kind ``./run check``
    gives it. A link typed by address to a page the site does not have became an error
    (plugins/content_checks, broken_address_links) and was in neither list."""
    files, kind, words, listed = SORTED_CASES[name]
    kinds = check_kinds(tmp_path, files)
    [item] = [path for path in files if path.endswith(".md") and path in kinds
              and not path.endswith("accessibilita.md")]
    assert kinds[item] == {kind}, kinds
    guide = " ".join(GUIDE.read_text(encoding="utf-8").split())
    chapter = guide.split(" ## Errori ", 1)[1].split(" ## ", 1)[0]
    errors, warnings = chapter.split(" Sono errori: ", 1)[1].split(" Sono solo avvisi ", 1)
    inside, other = (errors, warnings) if listed == "errori" else (warnings, errors)
    assert words in inside and words not in other, (words, listed)


def test_the_guides_way_to_name_an_untagged_pdf_in_the_statement_is_the_one_check_reads(
        tmp_path):
    """«Scrivere bene per tutti» tells how to name an untagged PDF's item in the
    accessibility statement: its example link, written in the statement, silences the
    warning; the item's address, which the guide says not to write (the statement reads
    only ``{filename}`` and ``{static}`` links), does not. It said "un collegamento
    all'articolo", and an editor of the web editor would paste the address."""
    guide = " ".join(GUIDE.read_text(encoding="utf-8").split())
    [item] = [item for item in guide.split(" - ") if "«PDF con tag»" in item]
    link = re.search(r"`(\[[^\]]+\]\(\{filename\}/([^)]+)\))`", item)
    address = re.search(r"con il suo indirizzo, `(/[^`]+)`", item)
    assert link and address, item
    source = link.group(2)
    date = re.match(r"notizie/(\d{4}-\d{2}-\d{2})-", source).group(1)
    news = article(title="Bando", date=f"{date} 10:00", slug="bando",
                   attachments=["file: allegati/2026/bando.pdf"])
    assert address.group(1) == f"/{date[:4]}/{date[5:7]}/bando/"

    def untagged(folder, named):
        files = {**editorial.UNTAGGED, source: news,
                 "pages/accessibilita.md": editorial.STATEMENT.format(named=named)}
        files[editorial.NEWS] = article(title="Il bando", date="2026-01-10 09:00")  # no PDF
        return [warning for warning in editorial.check(tmp_path / folder, files)
                if "non è accessibile" in warning[2]]

    assert untagged("come-dice-la-guida", f"- Il PDF del {link.group(1)}.\n") == []
    assert untagged("con-l-indirizzo", f"- Il PDF del [bando]({address.group(1)}).\n")


def test_the_guide_names_as_menu_pages_the_menu_items_an_editor_writes_a_page_for(tmp_path):
    """The guide names the pages of the header's menu whose title must begin with the
    menu's words (*Il progetto*, *Le azioni*, *Contatti*), wherever it speaks of them:
    exactly the ``NAV_LINKS`` items at whose address a page is accepted and then warned
    of by ./run check for its title (not «Novità» and «Documenti», the site's own pages:
    a page there is refused)."""
    from support import project_settings  # noqa: PLC0415

    menu = project_settings(ROOT / "pelicanconf.py")["NAV_LINKS"]
    files = {f"pages/menu-{number}.md":
             f"---\ntitle: Xyz\nslug: {address.strip('/')}\n---\n\nTesto.\n"
             for number, (_, address) in enumerate(menu)}
    kinds = check_kinds(tmp_path, files)
    pages = {words for number, (words, _) in enumerate(menu)
             if kinds.get(f"pages/menu-{number}.md") == {"avviso"}}
    assert len(pages) >= 2 and len(pages) < len(menu), (pages, kinds)
    guide = " ".join(GUIDE.read_text(encoding="utf-8").split())
    named = re.findall(r"del menu in cima al sito \(([^)]*)\)", guide)
    assert len(named) >= 3, named  # the messages' table, publishing with git, web editor
    for names in named:
        assert set(re.findall(r"[*`]([^*`]+)[*`]", names)) == pages, names


def test_the_page_titles_the_web_editor_refuses_are_the_sites_addresses_the_guide_lists(
        tmp_path):
    """«Da sapere» names page titles the web editor refuses (*Documenti*, *Archivio*…):
    each, a page's title, is refused by ./run check as the site's own address, and each
    address is in the list of «Indirizzo della pagina», which that bullet refers to
    (it lacked `cerca` and `segui`)."""
    guide = " ".join(GUIDE.read_text(encoding="utf-8").split())
    [bullet] = [item for item in guide.split(" - ")
                if item.startswith("Una pagina non può avere un indirizzo")]
    titles = re.findall(r"\*([^*]+)\*", bullet.split(" l'editor non la salva")[0])
    assert len(titles) >= 4, bullet
    files = {f"pages/{title.lower()}.md": f"---\ntitle: {title}\n---\n\nTesto.\n"
             for title in titles}
    write_content(tmp_path / "content", files)
    status, out, err = run_tool(tmp_path, "check", "--settings", str(write_conf(tmp_path)),
                                "--content", str(tmp_path / "content"))
    section = guide.split(" ### Indirizzo della pagina ", 1)[1].split(" ## ", 1)[0]
    listed = re.search(r"un indirizzo del sito \(([^)]*)\)", section).group(1)
    for title in titles:
        slug = title.lower()
        assert (f"content/pages/{slug}.md:2: errore: l'indirizzo /{slug}/ è riservato al"
                " sito") in out, (title, out)
        assert f"`{slug}`" in listed, (slug, listed)
