/*
 * FareLegami – site search (plugins/search/README.md), on Pagefind's JS API.
 *
 * The page (templates/cerca.html) is a plain GET form (?q=, ?categoria=). This module:
 * shows the form and hides the note for readers without JavaScript (and removes the
 * message cerca.css shows after a while should this script never arrive); loads the index
 * (/pagefind/pagefind.js, from the site itself); adds a radio button for each value of
 * the index's "categoria" filter (choice()); runs the query of the address on load, on
 * submit, on a category change and while typing (after a pause); keeps the address in
 * step; and writes the results: title link (a document's says "(PDF, 5 kB)"; two that
 * read the same say their article or date to screen readers, tellApart()), date and
 * category, for documents "Dal comunicato «…»", the tags the words were found in, and
 * the excerpt with the matched words marked ("…" where it cuts the page's text); the
 * words found in the title and tags are marked there too (highlighted()). Each word is
 * checked to be in the index itself, not only a shorter word Pagefind falls back to
 * (queryWords(), meant()); a word on no page is offered the word of the pages it may be
 * a typo of (suggest(): Pagefind has no typo tolerance). Nothing found, when the
 * index's folder does not answer, is a lost connection (Pagefind takes an index file
 * it could not fetch for an empty one). A browser Pagefind cannot run in (below the floor
 * of theme/README.md, or without WebAssembly) is told before anything of it is fetched,
 * and says so, with the ways to browse (unsupported(), unavailable()); so is one whose
 * WebAssembly the page's policy refused once Pagefind has failed (refused()).
 * A result must match in its text or title, not only in the other metadata it shows
 * (find()); words in any quotes are a phrase, ranked as its words are (inOrderOf());
 * beside other words, those that only join them ("di", "la": FUNCTION_WORDS) are not
 * searched (meaningful()); a page with the word as typed ranks before longer words
 * (RANKING, asTyped()). Back from a result, the results shown then come back
 * (remember()).
 *
 * The count goes to a role="status" element (announced politely): at once after a
 * submit, a category change or on load; while typing only once typing pauses, never on
 * every keystroke. Focus stays where the reader put it, but "Mostra altri risultati"
 * moves it to the first new result, a form hidden because the index did not load
 * gives it to the message saying so, and a search sent on a touch screen moves it from
 * the field to the status, closing the on-screen keyboard, and scrolls the count into
 * view (TOUCH). Everything from the index is written as text
 * (textContent), but <mark> elements (Pagefind's in excerpts, highlighted()'s in
 * titles and tags) and, as the pages have
 * them, <span lang="en"> around the site's English terms (data-inglese), <span
 * translate="no"> around its proper names (data-nomi), <span
 * class="nome-composto"> around hyphenated names and ’ in elisions (marked(),
 * excerptParagraph()). No inline styles, nothing written to the
 * console, no request to any other host.
 */

const PAGE_SIZE = 10;
const TYPING_PAUSE = 300; // ms after the last keystroke before searching
const ANNOUNCE_PAUSE = 1000; // ms after the last keystroke before the count is announced
// While typing, a query shorter than this is not searched yet (as an empty field): one
// letter finds every page with a word beginning with it ("26 risultati per «c»"), a
// list that filled the page and was announced to a reader typing slowly, only to be
// replaced by the next letter. Sent (the button, Enter), it is searched.
const TYPING_MIN = 2; // characters
// A touch screen's pointer: a phone's or a tablet's. Its on-screen keyboard stayed up
// after its search key, over the count and the results, and on a small phone (320 ×
// 568) the count was below the form anyway: the page looked as before, as if nothing
// had been searched. A search sent there closes the keyboard, the focus moved from the
// field to the status (Search.toStatus(); blur() left it on <body>, and a phone's screen
// reader, TalkBack or VoiceOver, whose pointer is coarse too, went back to the page's
// start), and scrolls the count into view (Search.reveal()).
const TOUCH = "(pointer: coarse)";
const EXCERPT_WORDS = 30;
// Metadata the results show that is not text of the page (templates' data-pagefind-meta,
// plugins/search/records.py): the date, the category, a document's type, size and
// article; and Pagefind's own of an article's cover, its address and alternative text
// (image, image_alt), which ranked the pages whose cover's description had a word.
// Pagefind 1.5 searches every metadata field too; these must neither find a result (see
// find()) nor rank it. The title and an article's tags (argomenti) are
// text, but only metadata (TEXT_META): the <h1>, a document's title and the tags are
// left out of the indexed text, or every excerpt began by repeating the result's title
// and showed the tags as sentences. A match there finds a result, and ranks it
// (Pagefind's title boost; a tag's, TAG_WEIGHT, a tenth of Pagefind's default).
const NOT_TEXT = ["data", "date", "categoria", "tipo", "info", "origine", "articolo",
  "articolo_url", "image", "image_alt"];
const TEXT_META = ["title", "argomenti"];
// Pagefind finds a word and every longer word it begins ("casa": "Casalmaggiore";
// "città": "cittadini"); at its default termSimilarity (1) a short page with only the
// longer word came before a page titled with the word itself. 3 ranks the word first
// in the text; in the title (metadata) Pagefind boosts a longer word as much as the
// word itself, so the pages with the word as typed also come first (asTyped()).
// Most news items are tagged with the three territories: at Pagefind's default weight
// for metadata (1) the tags "Crema, Cremona" (both begin with "crema") put two news
// items naming Crema once or twice before the page "Crema", which names it eight times
// and in its title. A tag still finds an item and breaks ties; the text and the title
// rank (on the project's content, of 18 searches for a page's own subject, "Crema",
// "patti generattivi", "civic center"…, 13 find it first and all 18 in the first three
// with 0.1; 8 and 16 with 1).
const TAG_WEIGHT = 0.1;
const RANKING = {
  termSimilarity: 3,
  metaWeights: { ...Object.fromEntries(NOT_TEXT.map((field) => [field, 0])),
    argomenti: TAG_WEIGHT },
};
// Pagefind's WebAssembly needs reference types (theme/README.md, "Supported browsers":
// Safari 15.1, Chromium 96, Firefox 79): a module whose one function type takes an
// externref, valid only where they are (WebAssembly.validate(), unsupported()).
const WASM_FLOOR = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x05, 0x01, 0x60, 0x01, 0x6f, 0x00]);
// The smallest module: its header (refused()).
const WASM_EMPTY = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
// What the page says when the search cannot run in the reader's browser (unavailable()),
// before the ways to browse meanwhile.
const UNSUPPORTED = {
  old: "La ricerca non funziona con questa versione del browser, che è troppo vecchia:"
    + " aggiorna il browser (o il sistema del telefono o del tablet), oppure usa un altro"
    + " browser o dispositivo.",
  none: "La ricerca non funziona in questo browser, perché WebAssembly manca o è"
    + " disattivato (per esempio dalla modalità di isolamento di iPhone e iPad): usa un"
    + " altro browser o dispositivo.",
};
const EMPTY = "Scrivi le parole da cercare, o scegli una categoria.";
const FAILED = "La ricerca non è riuscita: riprova.";
const OFFLINE = "La ricerca non è riuscita: controlla la connessione e ricarica la pagina.";
// The page says "Caricamento della ricerca…" (templates/cerca.html) until the index is
// ready; on a slow connection it says more after a while.
const LOADING_SLOW = "La ricerca si sta ancora caricando: con una connessione lenta ci"
  + " vuole qualche secondo in più.";
const SLOW_AFTER = 5000; // ms
// Pagefind drops from a query what its index treats as punctuation (\p{P}, as below).
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;
// What opens and closes a whole query in quotes, Pagefind's exact phrase (phraseOf()):
// straight quotes, or those a phone's keyboard writes for them (“…”, „…“) and the Italian
// «…»; no quote inside (words each in quotes, «ceramica» «Crema», are words, not the
// phrase "ceramica» «Crema").
const QUOTES = "\"\u201c\u201d\u201e\u201f\u00ab\u00bb";
// A run of letters and digits, and the apostrophe after it when a letter follows: an
// elided word ("dell'", "l’", "un'", "sant'") when it has one (queryWords()). Every run
// is a match, with or without it: a pattern that required the apostrophe failed at each
// letter of a long word after reading the rest of it (quadratic: a link to the search
// with a word of 100,000 letters froze the page).
const ELISION = /[\p{L}\p{N}]+(['\u2019\u2018\u02bc`\u00b4](?=\p{L}))?/gu;
// Markup pasted with the words ("<b>crema</b>", copied from a page's source): the tags
// are not words (queryWords()).
const TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/giu;
// What joins two words typed with no space between them, but for hyphens (Gener-Attivi)
// and apostrophes (elisions: ELISION): "Crema,Cremona", "Casalmaggiore/Viadana",
// "bambini+genitori", "info@farelegami.it", "=crema". Pagefind searched them as one word
// ("cremacremona"), which only a page writing them so has: nothing was found. Between
// two digits ("3,5", "9.30", "12/03/2024") it stays: the index has them as one word
// (queryWords(), apart()); and so do the full stops of an abbreviation (ABBREVIATION).
const JOINER = /[^\p{L}\p{N}\p{M}\s\p{Pd}'\u2019\u2018\u02bc`\u00b4]+/gu;
// Words joined by full stops, one of them a single letter: an abbreviation ("A.S.D.",
// "S.p.A.", "c.a.p.", "p.zza", "p.es."). The index has it as one word ("asd", "spa",
// "pzza"), and each part but a single letter ("zza"); apart, its letters were dropped as
// function words ("a", "d", "e") or searched as the beginning of every word ("s", "p"):
// "A.S.D. Cremona" listed every page with "Cremona" and a word in s, "S.p.A." said "«S»
// non si trova". Other words joined by full stops are parts the index has each of, and
// not always whole: "comune.crema.cr.it" is a part of "www.comune.crema.cr.it" or of an
// address "ufficio@comune.crema.cr.it", "Dott.ssa" is "dott" and "ssa" (apart()).
// Every word is a match, joined by full stops or not (apart() keeps those with one): a
// pattern that required a full stop failed at each letter of a long word after reading
// the rest of it (quadratic: "a" 100,000 times in ?q= froze the page for seconds).
// Two more readings (keptStops()): an abbreviation with a longer word glued to it,
// "A.S.D.Cremona", "P.zza.Duomo", "Sig.ra.Rossi", is the abbreviation and the word
// ("asd", "cremona"), as a page writing "A.S.D. Cremona" has them (the index has
// "A.S.D.Cremona" as "asdcremona" and "cremona": "A.S.D." and "Cremona" find it too);
// and a contraction, a short word ending in no vowel and its ending of two or three
// letters ending in one (CONTRACTION_START, CONTRACTION_END: "Sig.ra", "Dott.ssa",
// "Avv.to", "Gent.mo", "Spett.le"), is one word, as the index has it ("sigra"): apart,
// its parts were short beginnings of other words ("sig", "ra": "signore", "racconto").
// Not a web address's last part ("farelegami.it", "inps.it": the index has
// "wwwfarelegamiit", "farelegami" and "it" of "www.farelegami.it"; it ends in no vowel),
// nor words ending in a vowel ("ente.io", "Crema.Le": no abbreviation ends so).
const ABBREVIATION = /\p{L}[\p{L}\p{M}]*(?:\.\p{L}[\p{L}\p{M}]*)*/gu;
const CONTRACTION_START = /[^aeiou]$/u; // of the contracted word folded (folded())
const CONTRACTION_END = /[aeio]$/u; // of the ending folded (folded())
// Punctuation or a symbol: what a word is shown without at either end (queryWords()).
const EDGE = /^[\p{P}\p{S}]$/u;
// ' between letters: the index's text has it where the pages have ’ (Pagefind splits
// words only at ', plugins/search/elisions.split_elisions); excerpts show ’ again
// (curled()). No lookbehind, here or below: Safari parses one only from 16.4, and on
// iOS 15 a pattern with one was a SyntaxError that stopped the whole script
// (theme/README.md, "Supported browsers"): the letter before is captured and put
// back, or checked by notAfter().
const APOSTROPHE = /([\p{L}\p{N}])'(?=[\p{L}\p{N}])/gu;
// A name of two capitalised words joined by a hyphen (Patti Gener-Attivi), as
// plugins/italian/typography.py's _COMPOUND_NAME finds it: kept whole on its line by
// <span class="nome-composto"> (base.css), as on the pages; a result's title ended a line
// with "Patto Gener-" on a phone.
// Not after a letter, digit, _ or - (notAfter()). Its words' letters are Python's
// [^\W\d_]: a number that is no digit too ("Gener²-Attivi").
const COMPOUND_NAME = { pattern: /[A-ZÀ-ÖØ-Þ][\p{L}\p{Nl}\p{No}]*-[A-ZÀ-ÖØ-Þ][\p{L}\p{Nl}\p{No}]*(?![\p{L}\p{N}_-])/gu,
  notAfter: /[\p{L}\p{N}_-]/u };
// What a name's span holds with it, as name_spans() there: the punctuation glued to it,
// closing after it, opening before it. A line may break before and after the span: a
// title began a line with ": come prepararla".
const CLOSING = /[:;,.!?…»”’)\]]+/uy;
const OPENING = /[«“‘(\[]*$/u;
// The hyphenated word a proper name is part of (Crema-Cremona-Casalmaggiore), as
// _JOINED_AFTER and _JOINED_BEFORE there: the name's span holds it whole.
const JOINED_AFTER = /(?:-[\p{L}\p{N}]+)+/uy;
const JOINED_BEFORE = /(?:[\p{L}\p{N}]+-)+$/u;
// What joins the parts of a hyphenated name (Gener-Attivi), with no space.
const HYPHEN = /^[-\u2010\u2011]$/u;
// Pagefind has no typo tolerance: a word with a letter dropped, added, changed or two
// swapped ("casalmagiore") found nothing. A word on no page of at least SUGGEST_MIN
// letters gets a suggestion, a word of the pages one or two edits away (suggest()),
// looked for among the first SUGGEST_RESULTS results of ever shorter beginnings of it.
const SUGGEST_MIN = 5;
// Nor a word of more than SUGGEST_MAX letters, which no page has: its beginnings were
// looked for one letter shorter at a time, and a link with a word of 50,000 letters kept
// the page searching for a minute (50,000 searches) before it said nothing was found.
const SUGGEST_MAX = 40;
const SUGGEST_RESULTS = 5;
// The pages' language (the site's DEFAULT_LANG, its one home: base.html writes it as the
// page's lang): numbers, the categories' order, words compared and cased in it.
const LANGUAGE = document.documentElement.lang || undefined; // none: the browser's
// Groups from five digits ("1476", "14.590"), as the build writes Italian numbers
// (plugins/italian numero) and visit-counter.js its counts, whatever the browser's CLDR
// data (WebKitGTK 2.50 on ICU 72 wrote "1.476"); a browser without "min2" groups as its
// language does.
const numbers = new Intl.NumberFormat(LANGUAGE, { useGrouping: "min2" });
const collator = new Intl.Collator(LANGUAGE);
// Words that only join the others, per language (the page's, its first part): articles,
// prepositions (with the article), conjunctions and clitics, folded as searched (plain()).
// Pagefind has no stop words and matches every longer word a word begins: in "patto di
// collaborazione" the "di" of every page chose the excerpts (a result showed only "di"
// marked, four times, and no word the reader was looking for) and ranked first a page with
// "di" in its title; "la comunità" marked "Laboratori", "come partecipare" "Comunità" and
// "Community". With other words they are left out of what is searched, ranked and marked
// (the query is shown as typed); alone ("di", "con") they are searched. A phrase keeps them.
const FUNCTION_WORDS = {
  it: ["a", "ad", "al", "all", "alla", "alle", "allo", "agli", "ai", "ci", "col", "coi",
    "come", "con", "d", "da", "dal", "dall", "dalla", "dalle", "dallo", "dagli", "dai", "de",
    "dei", "del", "dell", "della", "delle", "dello", "degli", "di", "e", "ed", "fra", "gli",
    "i", "il", "in", "l", "la", "le", "lo", "ma", "ne", "nel", "nell", "nella", "nelle",
    "nello", "negli", "nei", "o", "od", "per", "se", "si", "su", "sul", "sull", "sulla",
    "sulle", "sullo", "sugli", "sui", "tra", "un", "una", "uno"],
};
const JOINING = new Set(FUNCTION_WORDS[String(LANGUAGE || "").split(/[-_]/)[0].toLowerCase()]
  || []);

/* `text` with ’ for each ' between letters (APOSTROPHE), as long as `text`. */
function curled(text) {
  return text.replace(APOSTROPHE, "$1\u2019");
}

/* The matches in `text` of `pattern` (global) where the character before is not one of
   `notAfter` (one character's class), as `text.matchAll()` of the pattern with a
   negative lookbehind, (?<!…), before it would find them: the first match at each place
   not refused, the search going on from the next character after a refused one. */
function notAfter(text, { pattern, notAfter: before }) {
  const found = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const at = match.index;
    const previous = Array.from(text.slice(Math.max(0, at - 2), at)).pop(); // a code point
    if (previous && before.test(previous)) {
      pattern.lastIndex = at + (text.codePointAt(at) > 0xffff ? 2 : 1);
      continue;
    }
    found.push(match);
    if (!match[0]) pattern.lastIndex = at + 1;
  }
  pattern.lastIndex = 0;
  return found;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/* A link's name as shown, as a list of links compares names: spaces normalised, in
   lower case (the build's rule for its pages: plugins/core/pages.py title_key). */
function spoken(link) {
  return link.textContent.replace(/\s+/g, " ").trim().toLocaleLowerCase(LANGUAGE);
}

/* A pattern finding `terms` (the site's ITALIAN_ENGLISH_TERMS or ITALIAN_PROPER_NAMES)
   as whole words, as plugins/italian/typography.py does (for notAfter()); null when there
   are none. */
function termsPattern(terms) {
  const escaped = terms.filter((term) => typeof term === "string" && term)
    .sort((a, b) => b.length - a.length)
    .map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return escaped.length ? {
    pattern: new RegExp(`(?:${escaped.join("|")})(?![\\p{L}\\p{N}_])`, "gu"),
    notAfter: /[\p{L}\p{N}_]/u,
  } : null;
}

/* [start, end] of each proper name (`names`, termsPattern() of the site's
   ITALIAN_PROPER_NAMES) in `whole`, as proper_name_spans() in
   plugins/italian/typography.py finds them: with the hyphenated word it is part of and
   then the punctuation glued to that word, so a hyphenated name's span fits inside. */
function nameRanges(whole, names) {
  const ranges = [];
  if (!names) return ranges;
  for (const match of notAfter(whole, names)) {
    let [start, stop] = [match.index, match.index + match[0].length];
    const window = ranges.length ? ranges[ranges.length - 1][1] : 0;
    if (start < window) continue; // in the last one's hyphenated word
    JOINED_AFTER.lastIndex = stop;
    stop += (JOINED_AFTER.exec(whole) || [""])[0].length;
    start -= (JOINED_BEFORE.exec(whole.slice(window, start)) || [""])[0].length;
    if (whole.slice(start, stop).includes("-")) {
      CLOSING.lastIndex = stop;
      stop += (CLOSING.exec(whole) || [""])[0].length;
      start -= OPENING.exec(whole.slice(Math.max(window, start - 24), start))[0].length;
    }
    ranges.push([start, stop]);
  }
  return ranges;
}

/*
 * Nodes for text of the index, `parts` ([{text, mark}]: marked or not), with the
 * proper names (`names`, nameRanges()) in <span translate="no"> (a browser's page
 * translation read Crema as "Cream"), the English terms (`english`, termsPattern()) in
 * <span lang="en"> as the pages have them ("Civic Center" read as English, WCAG 3.1.2)
 * and the hyphenated names (COMPOUND_NAME) in <span class="nome-composto">, inside a
 * proper name's span or outside it; a span across a <mark>'s edge holds the pieces of
 * both.
 */
function marked(parts, { english, names } = {}) {
  const whole = parts.map(({ text }) => text).join("");
  const proper = nameRanges(whole, names);
  const across = (start, stop) => proper.some(([from, to]) => start < to && stop > from
    && (start < from || stop > to)); // partly in a proper name: its span cannot nest
  const terms = []; // [start, end, the span's attribute and value]
  for (const [pattern, attribute, value] of [[english, "lang", "en"],
    [COMPOUND_NAME, "className", "nome-composto"]]) {
    if (!pattern) continue;
    let after = 0; // the end of the last name
    for (const match of notAfter(whole, pattern)) {
      let [start, stop] = [match.index, match.index + match[0].length];
      if (pattern === COMPOUND_NAME) {
        CLOSING.lastIndex = stop;
        stop += (CLOSING.exec(whole) || [""])[0].length;
        start -= OPENING.exec(whole.slice(Math.max(after, start - 24), start))[0].length;
        after = stop;
      }
      if (!terms.some(([from, to]) => start < to && stop > from) && !across(start, stop))
        terms.push([start, stop, attribute, value]);
    }
  }
  const nodes = [];
  let term = null; // the term whose <span> is `span`
  let span = null;
  let name = null; // the proper name whose <span> is `nameSpan`
  let nameSpan = null;
  let at = 0;
  for (const { text, mark } of parts) {
    const end = at + text.length;
    const cuts = [at, end, ...[...terms, ...proper].flatMap(([start, stop]) => [start, stop])
      .filter((cut) => cut > at && cut < end)]
      .sort((a, b) => a - b);
    for (let index = 0; index + 1 < cuts.length; index += 1) {
      const [from, to] = [cuts[index], cuts[index + 1]];
      if (from === to) continue;
      const piece = whole.slice(from, to);
      const node = mark ? element("mark", null, piece) : piece;
      const inName = proper.find(([start, stop]) => from >= start && to <= stop);
      if (inName && inName !== name) {
        [name, nameSpan] = [inName, element("span")];
        nameSpan.setAttribute("translate", "no");
        nodes.push(nameSpan);
      }
      const add = (child) => (inName ? nameSpan.append(child) : nodes.push(child));
      const within = terms.find(([start, stop]) => from >= start && to <= stop);
      if (!within) {
        add(node);
        continue;
      }
      if (within !== term) {
        term = within;
        span = element("span");
        span[within[2]] = within[3];
        add(span);
      }
      span.append(node);
    }
    at = end;
  }
  return nodes;
}

/* `parts` with each mark on the word found only: Pagefind marks a word with the
   punctuation around it ("<mark>città,</mark>", "<mark>«ceramica»</mark>") and with the
   elided word before it ("<mark>all’università</mark>" for "università"); those are left
   unmarked (an elided word only when the word after it is one of `found`, what the
   search found: highlighted()). */
function markedWords(parts, found) {
  const wanted = (text) => text.split(/[^\p{L}\p{N}]+/u).some((token) => token
    && (found.phrase || found.words || []).some((word) => matches(token, word)));
  return parts.flatMap((part) => {
    if (!part.mark) return [part];
    const [, before, word, after] = /^([\p{P}\p{S}\s]*)(.*?)([\p{P}\p{S}\s]*)$/su
      .exec(part.text);
    let [lead, core] = [before, word];
    const elided = /^([\p{L}\p{N}]+\u2019)(.+)$/u.exec(core);
    if (elided && wanted(elided[2]) && !wanted(elided[1])) {
      [lead, core] = [lead + elided[1], elided[2]];
    }
    if (!core) return [{ text: part.text, mark: false }];
    return [{ text: lead, mark: false }, { text: core, mark: true },
      { text: after, mark: false }].filter(({ text }) => text);
  });
}

/* Pagefind's excerpt is escaped HTML with <mark>s: keep the text and the marks only,
   with ’ for the index's ' and the English terms marked (marked()), each mark on the
   word found (markedWords(), `found`); "…" where it cuts the page's text (`content`:
   the page's whole text in the index), which it did mid-sentence with no sign of it
   ("sui bisogni del territorio. Date e"). */
function excerptParagraph(html, marks, content, found = { words: [] }) {
  const parsed = document.createElement("template");
  parsed.innerHTML = html; // inert: nothing in a template runs or loads
  const parts = [...parsed.content.childNodes].map((node) => ({
    text: node.textContent, mark: node.nodeName === "MARK" }));
  const words = (text) => text.replace(/\s+/g, " ").trim();
  const shown = words(parts.map(({ text }) => text).join(""));
  const page = typeof content === "string" ? words(content) : "";
  // ’ for ' over the whole text: an elision may end one part and the next begin
  const whole = curled(parts.map(({ text }) => text).join(""));
  let at = 0;
  for (const part of parts) {
    const end = at + part.text.length;
    part.text = whole.slice(at, end);
    at = end;
  }
  const paragraph = element("p", "cerca-estratto");
  paragraph.append(...marked(markedWords(parts, found), marks));
  // a no-break space joins each "…" to its word: a line began with the final "…" alone
  if (page && shown) {
    if (!page.startsWith(shown)) paragraph.prepend("…\u00a0");
    if (!page.endsWith(shown)) paragraph.append("\u00a0…");
  }
  return paragraph;
}

// What the status repeats of the query (summary(), quoted()): at most ECHO_CHARS
// characters, cut at a word ("…"), and ECHO_WORDS words on no page, then how many more.
// A paragraph pasted in the field was read out whole by a screen reader after every
// search, and 200 words on no page were listed one by one.
const ECHO_CHARS = 80;
const ECHO_WORDS = 3;

/* `text`, the query or a word of it, as the status repeats it: cut at a word before
   ECHO_CHARS characters, with "…", when longer. */
function echoed(text) {
  const letters = Array.from(text); // code points: an emoji is not cut in two
  if (letters.length <= ECHO_CHARS) return text;
  const head = letters.slice(0, ECHO_CHARS + 1).join("");
  const atWord = /\s/u.test(head) ? head.replace(/\s+\S*$/u, "").trimEnd() : "";
  return `${atWord || letters.slice(0, ECHO_CHARS).join("")}…`;
}

function summary(count, query, category, phrase = false) {
  const where = category ? ` in ${category}` : "";
  const what = query ? ` per ${phrase ? "la frase " : ""}«${echoed(query)}»` : "";
  if (count === 0) return `Nessun risultato${what}${where}.`;
  const noun = count === 1 ? "risultato" : "risultati";
  return `${numbers.format(count)} ${noun}${what}${where}.`;
}

/*
 * Whether `token`, a word of a title or a tag (letters and digits only), is one Pagefind
 * finds for `word` (folded, as searched): the word itself, or a word beginning with its
 * stem, taken as the word without its last vowel ("cura" for "cure", "Cremona" for
 * "crema", as Pagefind finds it); a word of one or two letters only itself.
 */
function matches(token, word) {
  const found = folded(token);
  if (word.length < 3) return found === word;
  return found.startsWith(word.length > 3 ? word.replace(/[aeiou]$/u, "") : word);
}

/*
 * `text`, a title or a tag, as parts for marked() with the words the search found in it
 * marked (`found`: the words searched, or the words of a phrase, marked only where they
 * stand together). Pagefind finds a result by its title and tags (TEXT_META) but marks
 * its words in the excerpt only: a result found by its title or a tag alone showed
 * nothing marked, and the reader could not see why it was there.
 */
function highlighted(text, found) {
  const pieces = text.split(/([\p{L}\p{N}]+)/u); // odd indexes: the words
  const words = pieces.flatMap((_, index) => (index % 2 ? [index] : []));
  const hit = new Set();
  if (found.phrase) {
    const phrase = found.phrase;
    for (let at = 0; at + phrase.length <= words.length; at += 1) {
      const run = words.slice(at, at + phrase.length);
      if (phrase.every((word, offset) => matches(pieces[run[offset]], word))) {
        for (const index of run) hit.add(index);
      }
    }
  } else {
    for (const index of words) {
      if (found.words.some((word) => matches(pieces[index], word))) hit.add(index);
    }
    // a hyphenated name is also one word ("generattivi", as "Gener-Attivi" is typed and
    // indexed): marked whole, with its hyphens
    for (let first = 0; first < words.length; first += 1) {
      let last = first;
      while (last + 1 < words.length && HYPHEN.test(pieces[words[last] + 1])) last += 1;
      if (last === first) continue;
      const whole = pieces.slice(words[first], words[last] + 1);
      if (found.words.some((word) => matches(whole.filter((_, at) => at % 2 === 0).join(""),
        word))) {
        for (let index = words[first]; index <= words[last]; index += 1) hit.add(index);
      }
      first = last;
    }
  }
  const parts = [];
  pieces.forEach((piece, index) => {
    const mark = hit.has(index);
    if (!piece) return;
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += piece; // one <mark>
    else parts.push({ text: piece, mark });
  });
  return parts;
}

/* Text in lower case and without accents, as Pagefind compares words. */
function folded(text) {
  return text.toLocaleLowerCase(LANGUAGE).normalize("NFD").replace(/\p{M}/gu, "");
}

/* A word as Pagefind compares it: folded(), without punctuation. */
function plain(text) {
  return folded(text).replace(PUNCTUATION, "");
}

/* `query` with a space for what joins two words without one (JOINER: not between two
   digits, nor an abbreviation's full stops, ABBREVIATION) and for markup pasted with them
   (TAG): Pagefind joined them into a word no page has ("Crema,Cremona" searched
   "cremacremona", "<b>crema</b>" "bcremab"). The index has each part of such a word too
   ("info@farelegami.it": "info", "farelegami", "it"), so the parts still find a page
   that writes them joined. */
function apart(query) {
  const digit = /^\p{N}$/u;
  const text = query.replace(TAG, " ");
  const kept = new Set(); // where an abbreviation's full stops are
  for (const match of text.matchAll(ABBREVIATION)) {
    const parts = match[0].split(".");
    let at = match.index;
    keptStops(parts).forEach((stays, index) => {
      at += parts[index].length;
      if (stays) kept.add(at);
      at += 1;
    });
  }
  return text.replace(JOINER, (run, at, whole) =>
    ((digit.test(whole.charAt(at - 1)) && digit.test(whole.charAt(at + run.length)))
      || kept.has(at) ? run : " "));
}

/* Which of the full stops between `parts` (the letters of a word joined by full stops,
   ABBREVIATION) stay, one boolean each, as the index has the word: those within an
   abbreviation, the stop after a single letter when the next part has at most three
   letters ("A.S.D", "S.p.A", "p.zza", "c.so", "D.Lgs"), and a contraction's, a word of
   two to five letters ending in no vowel (an abbreviation is cut before one: "Sig",
   "Dott", "Spett") and an ending of two or three ending in one ("Sig.ra", "Dott.ssa",
   "Spett.le": CONTRACTION_START, CONTRACTION_END). A longer word glued to an
   abbreviation is apart from it ("A.S.D.Cremona", "P.zza.Duomo", "Sig.ra.Rossi": the
   abbreviation and the word, as a page writing them apart has them), and the other
   stops part words ("comune.crema.cr.it", "Pol.Casale", "ente.io", "Crema.Le"). Each
   stop is decided by the two parts beside it alone (a query is read in linear time). */
function keptStops(parts) {
  const sizes = parts.map((part) => Array.from(part.replace(/\p{M}/gu, "")).length);
  return parts.slice(1).map((after, index) => {
    const before = parts[index];
    const [left, right] = [sizes[index], sizes[index + 1]];
    return (left === 1 && right <= 3)
      || (left >= 2 && left <= 5 && right >= 2 && right <= 3
        && CONTRACTION_START.test(folded(before)) && CONTRACTION_END.test(folded(after)));
  });
}

/*
 * The words of a query, each as typed (`shown`, for messages) and as searched (`word`).
 * - Words joined with no space by punctuation or symbols, or inside markup, are each a
 *   word (apart()): "Crema,Cremona" searches "crema cremona"; not a number ("3,50")
 *   nor an abbreviation ("A.S.D.", "p.zza": "asd", "pzza", as the index has them) nor
 *   a contraction ("Sig.ra": "sigra"); "A.S.D.Cremona" searches "asd cremona".
 * - An elided word is left out: "dell'orto" searches "orto". Pagefind would join the
 *   two ("dellorto"), which only a page saying "dell'orto" contains.
 * - "-atorio", "-atoria", "-atorie" search as "-atori": the Italian stemmer cuts
 *   "laboratori" to "labor" but "laboratorio" to "laborator", and Pagefind matches
 *   stems by prefix, so "laboratorio" missed pages that only say "laboratori";
 *   "laboratori" finds both.
 */
function queryWords(query) {
  const text = apart(query).replace(ELISION, (run, elided) => (elided ? " " : run));
  return text.split(/\s+/).map((token) => ({
    shown: edgesOff(token),
    word: plain(token).replace(/atori[oae]$/, "atori"),
  })).filter(({ word }) => word);
}

/* `token` without the punctuation and symbols at either end (EDGE), one character at a
   time from each end: a pattern /^P+|P+$/ tried P+$ at every character of a run (a word
   of 100,000 hyphens took seconds). */
function edgesOff(token) {
  const characters = Array.from(token);
  let start = 0;
  let end = characters.length;
  while (start < end && EDGE.test(characters[start])) start += 1;
  while (end > start && EDGE.test(characters[end - 1])) end -= 1;
  return characters.slice(start, end).join("");
}

/* The words of `query` when it is a whole phrase in quotes (QUOTES), Pagefind's exact
   phrase, without the spaces around them; otherwise undefined. Read from its ends (a
   pattern of spaces, quotes and spaces took minutes on a quote and a long run of
   spaces: cubic). Words of spaces only are their last. */
function phraseOf(query) {
  const text = query.trim();
  const words = text.slice(1, -1);
  if (text.length < 3 || !QUOTES.includes(text[0]) || !QUOTES.includes(text[text.length - 1])
    || Array.from(QUOTES).some((quote) => words.includes(quote))) {
    return undefined;
  }
  return words.trim() || words.slice(-1);
}

/* `words` (queryWords()) without those that only join the others (FUNCTION_WORDS); all
   of them when there is no other. */
function meaningful(words) {
  const kept = words.filter(({ word }) => !JOINING.has(word));
  return kept.length ? kept : words;
}

/* "«bando»", "«bando» e «asilo»", "«bando», «asilo» e «nido»": words in a sentence;
   over ECHO_WORDS + 1 of them, "«bando», «asilo», «nido» e altre 5 parole". */
function quoted(words) {
  const all = words.map(({ shown }) => `«${echoed(shown)}»`);
  if (all.length > ECHO_WORDS + 1) {
    return `${all.slice(0, ECHO_WORDS).join(", ")} e altre ${
      numbers.format(all.length - ECHO_WORDS)} parole`;
  }
  return all.length > 1 ? `${all.slice(0, -1).join(", ")} e ${all[all.length - 1]}`
    : all.join("");
}

function longestCommonPrefix(a, b) {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
}

/* The edits (a letter added, dropped, changed, or two swapped) between `a` and `b`
   (Damerau-Levenshtein, optimal string alignment). */
function distance(a, b) {
  let before = null;
  let row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        next[j] = Math.min(next[j], before[j - 2] + 1);
      }
    }
    [before, row] = [row, next];
  }
  return row[b.length];
}

/* How many edits a word of `length` letters may be from the word suggested for it
   (suggest()): none under SUGGEST_MIN letters or over SUGGEST_MAX, one up to 7, two from
   8. */
function allowedEdits(length) {
  if (length < SUGGEST_MIN || length > SUGGEST_MAX) return 0;
  return length < 8 ? 1 : 2;
}

/*
 * Whether `found`, a word of the text that Pagefind matched, can be what the reader
 * meant by `word`, a word with no page of its own stem. Pagefind then falls back to
 * the longest word of its index that begins `word`: for "asilo" the "a" of every page,
 * for "delibera" every "del", for "nonni" every "non". A word that begins with what was
 * typed ("cittadi" → "cittadini") is meant; one that shares most of a long word
 * ("laboratorrio" → "laboratorio") too.
 */
function meant(found, word) {
  const parts = folded(found).split(PUNCTUATION).filter(Boolean);
  return [parts.join(""), ...parts].some((part) => {
    if (part.startsWith(word)) return true;
    const shared = longestCommonPrefix(part, word);
    return shared >= 5 && shared >= word.length - 3;
  });
}

/* `results`, a phrase's (every one scored 1 by Pagefind, in the index's order: the news
   items newest first, then the pages, so «Civic Center» listed the page "Civic Center"
   eighth), in the order of `ranked`, Pagefind's results for the phrase's words (a
   result not among them after those that are, in the phrase's order). */
function inOrderOf(results, ranked) {
  const rank = new Map(ranked.map((result, index) => [result.id, index]));
  return results.map((result, index) => ({ result, index,
    rank: rank.has(result.id) ? rank.get(result.id) : ranked.length + index }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ result }) => result);
}

/* `results` with those having more of the words as typed first (`exact`: a Set of
   result ids per word, Search.exactly()), each group in Pagefind's order. Pagefind's
   title boost (metadata) is the same for "Casalmaggiore" as for "casa": a page titled
   "… a casa" came after the pages titled "Casalmaggiore …". */
function asTyped(results, exact) {
  return results.map((result, index) => ({ result, index,
    typed: exact.filter((ids) => ids.has(result.id)).length }))
    .sort((a, b) => b.typed - a.typed || a.index - b.index)
    .map(({ result }) => result);
}

/* A category's radio button, its name beside it (cerca.html: "Tutte le categorie"'s):
   a list's line (<select>) does not wrap, and cut a long name on a narrow screen with
   large text ("Comunicati stamp" at 320 px and 200 %). */
function choice(name) {
  const radio = document.createElement("input");
  radio.type = "radio";
  radio.name = "categoria";
  radio.value = name;
  const label = element("label", "cerca-scelta");
  label.append(radio, element("span", null, name));
  return label;
}

class Search {
  constructor(root, pagefind, categories) {
    this.root = root;
    this.pagefind = pagefind;
    this.categories = categories;
    this.site = new URL(root.dataset.site, document.baseURI);
    this.bundle = new URL(root.dataset.bundle, document.baseURI);
    // the words marked in results as on the pages (marked())
    this.marks = { english: termsPattern(JSON.parse(root.dataset.inglese || "[]")),
      names: termsPattern(JSON.parse(root.dataset.nomi || "[]")) };
    this.form = root.querySelector("#cerca-form");
    this.input = root.querySelector("#cerca-q");
    this.choices = root.querySelector("#cerca-categoria .cerca-scelte");
    this.status = root.querySelector("#cerca-stato");
    this.list = root.querySelector("#cerca-risultati");
    this.more = root.querySelector("#cerca-altri");
    this.title = document.title;
    this.ticket = 0; // the newest search; older answers are dropped
    this.loading = 0; // the search whose next batch is being fetched
    this.results = [];
    this.found = { words: [] }; // what highlighted() marks in titles and tags
    this.shown = 0;
    this.typingTimer = 0;
    this.announceTimer = 0;
    // each result's links: its name as shown, and what tells it apart (tellApart())
    this.apart = new WeakMap();
  }

  start() {
    for (const name of this.categories) this.choices.append(choice(name));
    const params = new URLSearchParams(window.location.search);
    // The form shows before the index has arrived: what the reader typed meanwhile is
    // kept (and searched below), not replaced by the address's words.
    this.input.value = this.input.value || params.get("q") || "";
    const category = params.get("categoria") || "";
    this.category = this.categories.includes(category) ? category : "";

    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      const touch = window.matchMedia(TOUCH).matches;
      if (touch && document.activeElement === this.input) this.toStatus();
      this.run(true, null, touch);
    });
    this.choices.addEventListener("change", () => this.run(true));
    this.input.addEventListener("input", () => {
      window.clearTimeout(this.typingTimer);
      window.clearTimeout(this.announceTimer);
      this.typingTimer = window.setTimeout(() => this.run(false), TYPING_PAUSE);
    });
    this.more.addEventListener("click", () => this.showMore(this.ticket, true));
    // Back to this page from a result, when the browser did not keep the page: the
    // results shown, the scroll position and the result followed, from the history entry
    // (remember()); the browser's own scroll restoration would come before the results.
    window.history.scrollRestoration = "manual";
    window.addEventListener("pagehide", () => this.remember());
    if (this.input.value.trim() || this.category) {
      this.run(true, window.history.state); // the count replaces "Caricamento…"
    } else if (params.has("q")) {
      // the header's field sent empty (its button, Enter): said as the form here says
      // it (run), not a page that says nothing
      this.run(true);
    } else {
      this.status.textContent = "";
    }
  }

  /* Into the history entry, for back to this page: how many results are shown, the
     scroll position, which link has the focus (a result's, a document's article, the
     status's results in all categories). */
  remember() {
    window.history.replaceState({ shown: this.shown, scroll: window.scrollY,
      focus: this.links().indexOf(document.activeElement) }, "");
  }

  /* The category chosen ("": all of them), and choosing one. */
  get category() {
    const chosen = this.choices.querySelector("input:checked");
    return chosen ? chosen.value : "";
  }

  set category(name) {
    for (const radio of this.choices.querySelectorAll("input")) {
      radio.checked = radio.value === name;
    }
  }

  /* The links of the status and of the results, in the page's order. */
  links() {
    return [...this.status.querySelectorAll("a"), ...this.list.querySelectorAll("a")];
  }

  /* Search for what the form holds; `now`: announce the count at once; `back`: what
     remember() kept when the page was left; `reveal`: scroll the count into view once
     said (a search sent on a touch screen, TOUCH). */
  async run(now, back = null, reveal = false) {
    window.clearTimeout(this.typingTimer);
    window.clearTimeout(this.announceTimer);
    const ticket = ++this.ticket;
    const typed = this.input.value.trim();
    const query = now || Array.from(typed).length >= TYPING_MIN ? typed : "";
    const category = this.category;
    this.keepAddress(query, category);
    if (!query && !category) {
      this.results = [];
      this.shown = 0;
      this.list.replaceChildren();
      this.more.hidden = true;
      // a search asked for (the button, Enter) says what is missing; typing that empties
      // the field only clears the results
      this.status.textContent = now ? EMPTY : "";
      if (reveal) this.reveal();
      return;
    }
    const options = {};
    if (category) options.filters = { categoria: category };
    if (!query) { // a whole category: newest first, its documents are there as their items
      options.sort = { date: "desc" };
      options.filters.not = { tipo: "PDF" };
    }
    // a query in quotes is Pagefind's exact phrase: passed on in straight quotes (’ as ')
    const phrase = phraseOf(query);
    let words = phrase ? [] : queryWords(query);
    let missing = [];
    let results;
    let searched = null; // the term Pagefind was given last
    let elsewhere = 0; // nothing in the category: the results in all of them
    try {
      if (phrase) {
        searched = `"${phrase.replace(/\u2019/g, "'")}"`;
        results = await this.find(searched, options);
        // ranked as its words are (Pagefind does not rank a phrase's results)
        const ranking = meaningful(queryWords(phrase)).map(({ word }) => word).join(" ");
        if (results.length > 1 && ranking) {
          results = inOrderOf(results, await this.find(ranking, options));
        }
      } else if (query && !words.length) {
        results = []; // only punctuation
      } else {
        searched = meaningful(words).map(({ word }) => word).join(" ") || null;
        results = await this.find(searched, options);
        // Which words are on no page: when something was found (Pagefind may have
        // matched a shorter word instead), when several words found nothing together
        // (one of them on no page's text would leave the others nothing to find), or
        // when nothing was found in a category (the results in all of them, offered
        // then, were Pagefind's for a shorter word: "ospedale" in Avvisi offered 10
        // results in all categories, and the link said "Nessun risultato").
        // (the words searched: those that only join the others are kept to be shown)
        if (words.length && (results.length || words.length > 1 || category)) {
          const asked = meaningful(words);
          let exact = await Promise.all(asked.map(({ word }) => this.exactly(word)));
          const found = await Promise.all(asked.map(({ word }, index) =>
            this.inIndex(word, exact[index])));
          missing = asked.filter((_, index) => !found[index]);
          words = found.includes(true) ? words.filter((word) => !missing.includes(word)) : [];
          exact = exact.filter((_, index) => found[index]);
          if (!words.length) {
            results = [];
          } else if (missing.length) { // the other words, without those on no page
            searched = meaningful(words).map(({ word }) => word).join(" ");
            results = await this.find(searched, options);
          }
          results = asTyped(results, exact);
        }
      }
      if (!results.length && category && searched && (phrase || words.length)) {
        elsewhere = (await this.find(searched)).length;
      }
      // Pagefind takes an index file it could not load for an empty one: nothing found
      // may be the connection lost since the page loaded.
      if ((!results.length || missing.length) && query && !await this.reachable()) {
        if (ticket === this.ticket) this.failed(OFFLINE, reveal);
        return;
      }
    } catch {
      if (ticket === this.ticket) this.failed(FAILED, reveal);
      return;
    }
    // a word on no page: the one it may be a typo of, and the query with it instead
    const unknown = phrase ? [] : missing.length ? missing
      : !results.length && !elsewhere && words.length === 1 ? words : [];
    let suggestion = null;
    if (unknown.length) {
      const fixes = new Map();
      for (const { word } of unknown) {
        const fix = await this.suggest(word);
        if (fix) fixes.set(word, fix);
      }
      if (fixes.size) {
        suggestion = queryWords(query).map(({ shown, word }) => fixes.get(word) || shown)
          .join(" ");
      }
    }
    if (ticket !== this.ticket) return;
    this.results = results;
    this.found = phrase
      ? { phrase: folded(phrase).split(/[^\p{L}\p{N}]+/u).filter(Boolean) }
      : { words: meaningful(words).map(({ word }) => word) };
    this.shown = 0;
    this.list.replaceChildren();
    if (!now) this.status.textContent = "";
    if (!await this.showMore(ticket, false, Number(back?.shown) || PAGE_SIZE)
      || ticket !== this.ticket) return;
    let text = phrase ? summary(this.results.length, phrase, category, true)
      : summary(this.results.length, query, category);
    // the words on no page named, when the others found something (here, or in all the
    // categories: the count offered is for those others)
    if (missing.length && (this.results.length || elsewhere)) {
      text = `${quoted(missing)} ${missing.length === 1 ? "non si trova" : "non si trovano"}: `
        + summary(this.results.length, words.map(({ shown }) => shown).join(" "), category)
          .replace(/^Nessun/, "nessun");
    }
    if (now) {
      this.say(text, elsewhere, suggestion);
      if (reveal) this.reveal();
      if (back) { // after say(): the link followed may be the status's
        this.links()[back.focus]?.focus({ preventScroll: true });
        window.scrollTo({ top: back.scroll || 0, behavior: "instant" }); // not smooth: a return
      }
    } else {
      this.announceTimer = window.setTimeout(() => {
        if (ticket === this.ticket) this.say(text, elsewhere, suggestion);
      }, ANNOUNCE_PAUSE - TYPING_PAUSE);
    }
  }

  /* The focus on the status, not scrolled to yet (reveal() does once it is said): a
     search sent on a touch screen, the on-screen keyboard closed (TOUCH). */
  toStatus() {
    this.status.tabIndex = -1;
    this.status.focus({ preventScroll: true });
  }

  /* The status (the count, what to try next) scrolled into view, when it is not. */
  reveal() {
    this.status.scrollIntoView({ block: "nearest" });
  }

  /* The count; with no result, what to try next: the results in all categories when
     the chosen one has none (`elsewhere`, a link to them), other words, the archive;
     and the query with the words it may be a typo of (`suggestion`, a link that
     searches it here). */
  say(text, elsewhere = 0, suggestion = null) {
    this.status.replaceChildren(...marked([{ text }], this.marks)); // «Civic Center»
    if (!this.results.length && elsewhere) {
      const all = new URL(window.location.href);
      all.searchParams.delete("categoria");
      const link = element("a", null, `${numbers.format(elsewhere)} ${
        elsewhere === 1 ? "risultato" : "risultati"} in tutte le categorie`);
      link.href = all.href;
      this.status.append(elsewhere === 1 ? " C’è " : " Ci sono ", link, ".");
    } else if (!this.results.length && !suggestion) {
      this.tryElse();
    }
    if (suggestion) {
      const address = new URL(window.location.href);
      address.searchParams.set("q", suggestion);
      const link = element("a");
      link.append(...marked([{ text: echoed(suggestion) }], this.marks));
      link.href = address.href;
      // searched here, the focus back in the field (the link goes with the status),
      // but on a touch screen, where it would open the on-screen keyboard over the
      // results: the focus on the status and the count scrolled into view instead, as
      // for a search sent there (TOUCH); a new tab or window as any link
      link.addEventListener("click", (event) => {
        if (event.button || event.ctrlKey || event.metaKey || event.shiftKey
          || event.altKey) return;
        event.preventDefault();
        const touch = window.matchMedia(TOUCH).matches;
        this.input.value = suggestion;
        if (touch) this.toStatus(); else this.input.focus();
        this.run(true, null, touch);
      });
      this.status.append(" Forse cercavi «", link, "»?");
    }
  }

  /* After "Nessun risultato", what to try next: the spelling (Pagefind has no typo
     tolerance, and a word of four letters or fewer gets no suggestion), other or fewer
     words, the archive and the categories (the first two links of the note for readers
     without JavaScript, #cerca-nojs), and the page where to ask (the Contatti page,
     data-contatti, when the site has one: cerca.html), as the page not found offers it.
     It said only "Prova con altre parole, o con meno parole, oppure sfoglia
     l’archivio.": a reader who could not find an answer was left without a way to ask. */
  tryElse() {
    const [archive, categories] = document.querySelectorAll("#cerca-nojs a");
    this.status.append(" Controlla come sono scritte le parole, oppure prova con altre o con"
      + " meno parole.");
    const ways = [archive, categories].filter(Boolean).map((note) => {
      const link = element("a", null, note.textContent);
      link.href = note.href;
      return link;
    });
    if (ways.length) {
      this.status.append(" Puoi anche sfogliare ", ways[0]);
      if (ways[1]) this.status.append(" o ", ways[1]);
      this.status.append(".");
    }
    const { contatti, contattiTitolo } = this.root.dataset;
    if (contatti) {
      const link = element("a", null, contattiTitolo || "Contatti");
      link.href = new URL(contatti, document.baseURI).href;
      this.status.append(" Se non trovi quello che cerchi, nella pagina ", link,
        " trovi a chi chiedere informazioni.");
    }
  }

  /* Pagefind's results for `term` (null: all, for `options.filters`), but for those
     with no word of their text (`words`, its positions) nor of their title or tags
     (TEXT_META, Pagefind's `matchedMetaFields`) matched: found by their other metadata only
     (NOT_TEXT), such as every item of May for "maggio". */
  async find(term, options = {}) {
    const { results } = await this.pagefind.search(term, options);
    return term === null ? results : results.filter((result) => result.words.length
      || (result.matchedMetaFields || []).some((field) => TEXT_META.includes(field)));
  }

  /* The ids of the results with `word` as typed (its stem: Pagefind's exact search),
     in their text or title, not only a longer word it begins. */
  async exactly(word) {
    return new Set((await this.find(`"${word}"`)).map((result) => result.id));
  }

  /* Whether some page has `word` itself, not only a shorter word Pagefind falls back to
     (see meant()). A word of the page's own stem is found by an exact search (`exact`,
     exactly()'s answer). */
  async inIndex(word, exact) {
    if (exact.size) return true;
    const [first] = await this.find(word);
    if (!first) return false;
    const page = await first.data();
    const text = (page.content || "").split(/[\r\n\s]+/);
    // found by its title or tags only (TEXT_META): their words
    const matched = first.words.length
      ? (page.locations || []).map((location) => text[location]).filter(Boolean)
      : TEXT_META.flatMap((field) => String(page.meta?.[field] || "").split(/\s+/));
    return !matched.length || matched.some((found) => meant(found, word));
  }

  /*
   * A word of the pages that `word` (on no page, as searched) may be a typo of, as the
   * pages write it ("Casalmaggiore" for "casalmagiore"; in lower case if one of them
   * writes it so), or null: among the words
   * matched in the first SUGGEST_RESULTS results of the longest beginning of `word`
   * that has one allowedEdits() away (the nearest; the first result's on a tie). A typo
   * leaves the letters before it right: "casalmag" finds "Casalmaggiore".
   */
  async suggest(word) {
    const edits = allowedEdits(word.length);
    if (!edits || /\d/u.test(word)) return null;
    try {
      for (let length = word.length - 1; length >= 3; length -= 1) {
        const results = (await this.find(word.slice(0, length))).slice(0, SUGGEST_RESULTS);
        const pages = await Promise.all(results.map((result) => result.data()));
        let best = null;
        pages.forEach((page) => {
          const text = (page.content || "").split(/[\r\n\s]+/);
          const matched = [...(page.locations || []).map((at) => text[at]),
            ...TEXT_META.flatMap((field) => String(page.meta?.[field] || "").split(/\s+/))]
            .filter((found) => typeof found === "string" && found);
          for (const found of matched) {
            // the word after an elision ("dell'orto": "orto"), without punctuation
            const shown = edgesOff(found.split(/['\u2019]/u).pop());
            const candidate = plain(shown);
            if (!candidate || candidate === word || /\d/u.test(candidate)) continue;
            const away = distance(word, candidate);
            if (away <= edits && (!best || away < best.away)) best = { away, candidate, shown };
            // in lower case when a result looked at writes it so (a capital only where
            // it begins a sentence, a title, a tag): "volontari", but "Casalmaggiore"
            if (best?.candidate === candidate && shown === shown.toLocaleLowerCase(LANGUAGE)) {
              best.shown = shown;
            }
          }
        });
        if (best) return best.shown;
      }
    } catch {
      return null; // no suggestion: the count says what was found
    }
    return null;
  }

  /* Whether the index's folder answers (a fresh request, never the browser's cache). */
  async reachable() {
    try {
      const response = await fetch(new URL("pagefind-entry.json", this.bundle),
        { cache: "no-store" });
      return response.ok;
    } catch {
      return false;
    }
  }

  failed(text, reveal = false) {
    this.results = [];
    this.shown = 0;
    this.list.replaceChildren();
    this.more.hidden = true;
    this.status.textContent = text;
    if (reveal) this.reveal();
  }

  /* The next PAGE_SIZE results (or `count`, when more), one batch at a time; true when
     they were shown. */
  async showMore(ticket, moveFocus, count = PAGE_SIZE) {
    if (this.loading === ticket) return false;
    this.loading = ticket;
    try {
      const batch = this.results.slice(this.shown, this.shown + Math.max(count, PAGE_SIZE));
      let data;
      try {
        data = await Promise.all(batch.map((result) => result.data()));
      } catch {
        if (ticket === this.ticket) this.status.textContent = FAILED;
        return false;
      }
      if (ticket !== this.ticket) return false;
      const items = data.map((result, index) => this.item(result,
        batch[index].matchedMetaFields || []));
      this.list.append(...items);
      this.tellApart();
      this.shown += batch.length;
      this.more.hidden = this.shown >= this.results.length;
      if (moveFocus && items.length) items[0].querySelector("a").focus();
      return true;
    } finally {
      if (this.loading === ticket) this.loading = 0;
    }
  }

  /* A result (`result`: Pagefind's data of it; `fields`: the metadata its words were
     found in, Pagefind's matchedMetaFields): its title, the words found in it marked;
     date and category; a document's article; the tags the words were found in, marked;
     the excerpt. */
  item(result, fields = []) {
    const meta = result.meta || {};
    const entry = element("li", "cerca-risultato");
    const heading = element("h2", "cerca-titolo");
    const link = element("a");
    // ’ for the index's ' (the title is searched: its elisions split, elisions.py)
    const title = meta.title ? curled(meta.title) : result.url;
    link.append(...marked(fields.includes("title") && meta.title
      ? highlighted(title, this.found) : [{ text: title }], this.marks));
    // a document's link says what it is, as on the site's pages ("Titolo (PDF, 245 kB,
    // 12 pagine)"): its title alone, often its article's own, was the name of a link to
    // the article and of one to the PDF
    if (meta.articolo_url) link.append(` (${meta.info || meta.tipo || "documento"})`);
    link.href = result.url; // Pagefind joined it to the site's address already
    heading.append(link);
    // what the lines under it say, should another result's link read the same
    const origin = meta.origine || "da";
    this.apart.set(link, { name: spoken(link), date: meta.data || "",
      source: meta.articolo_url ? `${origin} «${meta.articolo || meta.articolo_url}»` : "" });
    entry.append(heading);

    const details = element("p", "cerca-meta");
    if (meta.data) {
      const time = element("time", "cerca-meta-voce", meta.data);
      if (meta.date) time.dateTime = meta.date;
      details.append(time);
    }
    if (meta.categoria) details.append(element("span", "cerca-meta-voce", meta.categoria));
    if (details.childNodes.length) entry.append(details);

    if (meta.articolo_url) { // a document: where it comes from, as Documenti says it
      const source = element("p", "cerca-documento",
        `${origin.charAt(0).toLocaleUpperCase(LANGUAGE)}${origin.slice(1)} «`);
      const article = element("a");
      article.append(...marked([{ text: meta.articolo || meta.articolo_url }], this.marks));
      article.href = new URL(meta.articolo_url, this.site).href;
      this.apart.set(article, { name: spoken(article), date: meta.data || "", source: "" });
      source.append(article, "»");
      entry.append(source);
    }
    if (fields.includes("argomenti") && meta.argomenti) { // found by a tag: which one
      const tags = curled(meta.argomenti).split(", ")
        .map((tag) => highlighted(tag, this.found));
      const shown = tags.filter((parts) => parts.some(({ mark }) => mark));
      const line = element("p", "cerca-argomenti",
        (shown.length || tags.length) === 1 ? "Argomento: " : "Argomenti: ");
      (shown.length ? shown : tags).forEach((parts, index) => {
        if (index) line.append(", ");
        line.append(...marked(parts, this.marks));
      });
      entry.append(line);
    }
    if (result.excerpt) {
      entry.append(excerptParagraph(result.excerpt, this.marks, result.content, this.found));
    }
    return entry;
  }

  /* Results whose links read the same (a "Modulo di adesione" of two notices, a
     "Chiusura estiva" of two years, the article of each in its document's line): a
     screen reader's list of links had one name for two places. Each says, for screen
     readers only, what the lines under it show: a document its article (", dal
     comunicato «…»"), and its date too where the articles have one title; an article
     its date. Worked out again with each batch, over every result shown. */
  tellApart() {
    const links = [...this.list.querySelectorAll("a")].filter((link) => this.apart.has(link));
    const said = new Map(links.map((link) => [link, ""]));
    const heard = (link) => this.apart.get(link).name + said.get(link);
    const twice = () => { // whether a link's name, as said now, leads to other places too
      const places = new Map();
      for (const link of links) {
        places.set(heard(link), (places.get(heard(link)) || new Set()).add(link.href));
      }
      return (link) => places.get(heard(link)).size > 1;
    };
    let shared = twice();
    for (const link of links) {
      const { source, date } = this.apart.get(link);
      if (shared(link)) said.set(link, source || date ? `, ${source || date}` : "");
    }
    shared = twice();
    for (const link of links) {
      const { source, date } = this.apart.get(link);
      if (source && date && shared(link)) said.set(link, `${said.get(link)}, ${date}`);
    }
    for (const link of links) {
      link.querySelector(":scope > .visually-hidden")?.remove();
      if (!said.get(link)) continue;
      const hidden = element("span", "visually-hidden");
      hidden.append(...marked([{ text: said.get(link) }], this.marks));
      link.append(hidden);
    }
  }

  keepAddress(query, category) {
    const address = new URL(window.location.href);
    address.search = "";
    if (query) address.searchParams.set("q", query);
    if (category) address.searchParams.set("categoria", category);
    window.history.replaceState(null, "", address);
    // the query as the status repeats it (echoed()): a paragraph pasted in the field
    // was the whole title of the tab, of the history's entry and of the window a
    // screen reader names
    document.title = query ? `${echoed(query)} – ${this.title}` : this.title;
  }
}

/* Whether this page's policy refused its WebAssembly: compiling the smallest module
   there is, valid everywhere, fails only then. The page allows it with
   'wasm-unsafe-eval' (plugins/csp), which Safari before 16 and Chromium before 97 do
   not know: they refuse WebAssembly without 'unsafe-eval', which the site does not give
   (it would allow eval() too). Asked only once Pagefind has failed: its worker, under
   its own response's policy, may have run it where the page could not. */
function refused() {
  try {
    new WebAssembly.Module(WASM_EMPTY);
    return false;
  } catch {
    return true;
  }
}

/* Why the search cannot run in this browser, before anything of Pagefind is fetched:
   "none" without WebAssembly at all (never there, or turned off: iOS's Lockdown Mode),
   "old" with a WebAssembly older than Pagefind's (reference types, WASM_FLOOR: the
   floor of theme/README.md, "Supported browsers"), null when it may run. Below the
   floor Pagefind's init failed and the page said the search was down "in questo
   momento", as if it would come back. */
function unsupported() {
  if (typeof WebAssembly !== "object" || typeof WebAssembly.validate !== "function") {
    return "none";
  }
  try {
    return WebAssembly.validate(WASM_FLOOR) ? null : "old";
  } catch {
    return "old";
  }
}

/* The form hidden and the status saying why the search cannot run (`reason`: null, the
   index did not load; unsupported()'s) and how to browse instead: the links of the note
   for readers without JavaScript (#cerca-nojs: the archive, the categories, the tags). */
function unavailable(root, reason = null) {
  const status = root.querySelector("#cerca-stato");
  const form = root.querySelector("#cerca-form");
  const links = Array.from(document.querySelectorAll("#cerca-nojs a"), (note) => {
    const link = element("a", null, note.textContent);
    link.href = note.href;
    return link;
  });
  if (reason) {
    status.replaceChildren(UNSUPPORTED[reason]);
    if (links.length) {
      status.append(" Intanto puoi sfogliare ");
      links.forEach((link, index) => {
        if (index) status.append(index === links.length - 1 ? " o " : ", ");
        status.append(link);
      });
      status.append(".");
    }
  } else {
    status.replaceChildren("La ricerca non è disponibile in questo momento");
    if (links.length) status.append(": puoi sfogliare ", links[0]);
    status.append(".");
  }
  // The reader may be typing in the form (it shows before the index arrives): hidden,
  // it would drop the focus to the page's start. The message takes it instead.
  const typing = form.contains(document.activeElement);
  form.hidden = true;
  if (typing) {
    status.tabIndex = -1;
    status.focus();
  }
}

async function main() {
  const root = document.getElementById("cerca");
  if (!root) return;
  const note = document.getElementById("cerca-nojs");
  if (note) note.hidden = true; // the script runs: the form replaces the note
  // the message cerca.css shows should this script never arrive: it did (removed, it
  // also brings back the status, had the message taken its place)
  document.getElementById("cerca-ripiego")?.remove();
  root.hidden = false;
  // the address's words at once, while the index is on its way (what the reader types
  // meanwhile is kept: Search.start())
  const input = root.querySelector("#cerca-q");
  input.value = input.value || new URLSearchParams(window.location.search).get("q") || "";
  const status = root.querySelector("#cerca-stato");
  const reason = unsupported();
  if (reason) { // nothing of Pagefind fetched: it could not run
    unavailable(root, reason);
    return;
  }
  const slow = window.setTimeout(() => { status.textContent = LOADING_SLOW; }, SLOW_AFTER);
  let pagefind;
  let categories;
  try {
    const bundle = new URL(root.dataset.bundle, document.baseURI);
    pagefind = await import(new URL("pagefind.js", bundle).href);
    await pagefind.options({ excerptLength: EXCERPT_WORDS, ranking: RANKING });
    await pagefind.init();
    const filters = await pagefind.filters();
    categories = Object.keys((filters && filters.categoria) || {}).sort(collator.compare);
  } catch {
    window.clearTimeout(slow);
    // the browser too old for the page's policy (refused()), or the index not loaded
    unavailable(root, refused() ? "old" : null);
    return;
  }
  window.clearTimeout(slow);
  new Search(root, pagefind, categories).start();
}

main();
