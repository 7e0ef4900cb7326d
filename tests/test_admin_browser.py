"""The web editor end to end: Decap CMS at /admin/ in headless Chromium, saving through
its local backend (decap-server) into a temporary git working copy.

The module builds a small site with the project's settings (the editor pointed at a
decap-server on a free loopback port), serves the output on another loopback port, and
starts decap-server in the working copy (tools/cms_server.py, MODE=fs). One editor
session, as an editor would do it:

1. open /admin/, press "Accedi" (the local backend needs no password), wait for the
   collections and the news items;
2. "＋ Notizia": fill in title, date and time (2025-01-01 00:30: still 2024 in UTC), two topics, the summary
   and the text (two lines of one paragraph, Shift+Enter between them, then a "Titolo
   1" heading pasted from a word processor), see the title in the preview and the
   text's "+" menu (an image, in Italian);
3. choose a cover image: upload a PNG in the media library, take it;
4. "Aggiungi allegato": upload a PDF made with pypdf (a file name with an apostrophe, an
   accent and spaces), take it, give it a title and a description; "Indirizzi
   precedenti" (plugins/redirects): "Aggiungi indirizzo precedente" twice, a path and a
   full https:// address of the old portal; on a computer, no control of the form
   under 24 × 24;
5. "Pubblica ora" without the image's description: refused by admin/admin.js, with the
   reason, and nothing written (the notice's clocks stopped: admin.js); close the
   notice, fill in the description;
6. "Pubblica ora" again: refused, because the image uploaded in step 3 has the name of a
   published image of another item (Decap, which lists no file of a new item's year,
   would have replaced it without a word); in the media library, delete the upload
   ("Cancella selezionato"), upload the picture under another name and take it;
7. "Pubblica ora": "Voce salvata"; open the item again: the summary, the text and the
   preview show the "<" typed, not the "&lt;" written (admin.js); the notice "Voce
   salvata" still shown 6.5 s after the save (Decap closed it after 4 s; meanwhile steps
   14 and 15 are done in another browser context, not waited out idle), closed with the
   keyboard (Shift+Tab to its close button, Enter); a letter typed and taken back in the
   summary and the text, "Pubblica ora": the same "&lt;" written;
8. open an item written with Pelican's native header (Title:, no --- lines): its title
   and date are empty, its header lines at the top of the text; type the title and the
   date, "Pubblica ora": saved with YAML front matter, the lines out of the text;
9. open an item whose file gives its old address as one text, not a list (the contract
   allows it): shown as a list of one (admin.js), one more address added; its date,
   written with an offset (16:00 UTC), is shown in Rome time (18:00, admin.js): the day
   changed, the time kept; "Pubblica ora";
   9b. open an item whose attachments are bare paths (the contract allows them), by
   several authors: the preview names a document without a title and the authors as the
   site does; its summary typed, "Pubblica ora": saved (Decap's save did nothing);
   9c. open a draft: its preview's meta line says "Data:", as the site's;
   9d. open a page, type a summary: its preview shows neither it nor a cover, as the
   page does (they are for search engines and shared links); left without saving;
   9e. open an item written with git by one author (`author: Anna Rossi`): «Autori»
   shows her; "Anna Rossi e Marco Bianchi" typed, "Pubblica ora": asked whether that is
   one author, "Annulla": refused, saying to separate them with a comma (admin.js); then
   "Anna Rossi, Marco Bianchi": the preview's byline is the site's ("di Anna Rossi e
   Marco Bianchi"), "Pubblica ora": saved as `authors` (the string field «Autore» wrote
   one author of that name, and the build only warned);
   9f. open an item without a summary nor authors, and one whose summary repeats its
   text's first paragraph: their previews' lead, body (its elements' spacing), meta line
   and kicker; then their pages on the site, in a page as wide as the preview pane;
10. open a published news item, correct its title, "Pubblica ora": its old address is
   added to its old addresses (admin.js), so it still leads to the item; the same for
   another one whose date the editor moves to the next month, and another one dated by its
   day alone (`date: 2025-03-14`), whose preview shows the day without a time and whose
   date is saved as written;
11. "＋ Notizia": its date cleared ("Pulisci") and an attachment added and closed, neither
   file nor title: its summary and its buttons' names; "Pubblica ora": the required
   fields' messages (Decap's Italian agreed with a masculine label only); the attachment
   removed, the date typed again; titled with an emoji and Braille's blank written as a
   reference (`&#x2800;`): "Pubblica ora" is refused by admin.js (no slug: the build
   refused it); then with the title of a news item
   published the year before: refused too, with the reason (the same slug stopped the
   build); then another title and a link of the link button to "programma": refused (a
   relative address: the build refused it); then an image of the "+" menu with its
   description and no picture (the names of its box's buttons): refused (the site
   published an empty <img src="">);
12. an item moved from Avvisi to Notizie: "Cancella voce", then written again with its
   title in Notizie: saved (admin.js forgets the deleted item's slug);
13. "＋ Notizia", "Pubblica e duplica": saved, but the form then holds the item just saved
   (its file), not a copy; its text changed, "Pubblica ora": refused by admin.js (it was
   written over the original); the item opened from the list, "Duplica", "Pubblica ora":
   refused, the copy has the original's title (and address: the build stopped, and
   slugs.json, the last build's, does not know the item); the same for a new item with
   that title;
14. in a browser set to another time zone (New York), "＋ Notizia": the date it starts
   with, its preview's "Pubblicato", and the date "Adesso" sets (Rome time, admin.js);
15. the same page on a phone's screen (390 × 844), then at a laptop's 200 % zoom (640 ×
   400): the form's layout (admin.js, small-screens.js: no sideways scroll, every control
   within the screen, no preview, 16 px fields), a long title's hint; a short title and
   a line of text saved (Decap's notice's close button at least 24 px), the item opened
   again (the toolbar's "Apri il sito"); 15b. on the phone again, an attachment added:
   no control of the form under 24 × 24; the build's errors in the site's notice
   (banner.js), the form scrolled to its end: its last control above the notice; the
   notice's "Nascondi" from the keyboard, the focus back on that control.

The interface's phrases are read from the page once logged in (Decap's Italian with
admin.js's additions: nothing left in English).

Then the tests read what the session left on disk: the Markdown file (its YAML front
matter parsed), the PDF under content/allegati/ and the image, byte for byte; run
tools/check.py on the content (no error); build the site with it (the article page
lists the attachment; a page at each old address leads to its item); and check that no
request left the machine and that the console stayed clean but for the refused save.

Screenshots of the main steps (1, 2, 4, the attachment in the form, 6) are taken into a
temporary folder; with FARELEGAMI_SCREENSHOTS=1 they are written into docs/img/ for the
editors' guide (Italian dates in native inputs need Debian's chromium-l10n, the "＋" of
the new-item button a font such as fonts-droid-fallback: the test stops if they are
missing). Fixed viewport, date, time zone and locale; animations and caret off.

Besides the session, on sites of their own: admin.js alone in a blank page (Decap's
question, dnd-kit's texts), and the local preview's warnings over the editor (a small
site served by tools/preview.py's own handler, its state's warnings set by the test),
with the notices' «Apri nell’editor» followed from another item's editor; the editor's
page as built (Decap and admin.js), its save's check of every address the build checks
for control characters (the body's allowlist's URL_ATTRIBUTES).

Each action waits for the state it needs (an element, an address, Slate's selection), not
for a fixed time (short bounded waits are left only where nothing may come: the lists'
arrow keys, a try of the link button). When a step fails, every test errors with the step's name (seen.step),
the steps done, each open page's address and notices, and the path of a screenshot of
the page (failure-1.png in the module's temporary folder).
"""

import contextlib
import functools
import json
import re
import io
import os
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import yaml
from PIL import Image, ImageDraw

from samples import pdf
from browser_support import (THEME_FONT, SiteServer, collect_errors, drawn_in_theme_font,
                             goto_in_theme_font, launch, settle_fonts, wait_until)
from support import ROOT, SITEURL, build_site, free_port, run_tool, write_content
from plugins.article_meta import date_label
from plugins.admin.output import script_text
from plugins.contract.allowlist import ALLOWED, URL_ATTRIBUTES
from plugins.italian.slugs import slug_substitutions, title_slug
from tools.cms_server import CmsServer

pytestmark = pytest.mark.browser

SCREENSHOTS = os.environ.get("FARELEGAMI_SCREENSHOTS") == "1"
GUIDE_IMAGES = ROOT / "docs" / "img"
FIRST_LOAD_MS = 60_000  # parsing a 5 MB script on a busy 2-core machine
UI_MS = 20_000
ROME = ZoneInfo("Europe/Rome")
OTHER_ZONE = "America/New_York"  # six hours behind Rome (five for a few weeks a year)

TITLE = "Laboratorio d'estate a Crema: il programma è pronto"
# saved with the elision's apostrophe typographic (save.js), for the file's name
SAVED_TITLE = "Laboratorio d’estate a Crema: il programma è pronto"
# the site's slug (Decap's own was laboratorio-destate-…)
FILE_SLUG = "2025-01-01-laboratorio-d-estate-a-crema-il-programma-e-pronto"
SMALL_TITLE = "Festa del quartiere: com'è andata"  # the item saved on the phone (15)
SITE_URL = "/2025/01/laboratorio-d-estate-a-crema-il-programma-e-pronto/"
SUMMARY = ("Quattro incontri a luglio nel cortile del Civic Center (iscrizioni <entro il"
           " 30 giugno>).")
BODY = ("Il Laboratorio di Comunità di Crema continua anche d'estate.",
        "Si comincia sabato 5 luglio alle 17 (luogo: <da definire>).")
# two lines of one paragraph (Shift+Enter); a typed "<" is written as &lt; (admin.js):
# before another name than the allowlist's, the site's Markdown reads an HTML element
SAVED_SUMMARY = SUMMARY.replace("<", "&lt;")
SAVED_BODY = (BODY[0], BODY[1].replace("<", "&lt;"))
PASTED = "<h1>Gli incontri</h1>"  # a word processor's "Titolo 1", pasted
PASTED_HEADING = "## Gli incontri"  # the page's title is its only level 1
# Decap's Italian phrases that are the English ones, and rightly so
SAME_IN_ITALIAN = {"app.header.media", "collection.collectionTop.newButton",
                   "editor.editorWidgets.markdown.markdown", "ui.toast.onFailToAuth",
                   "workflow.workflow.dateFormat", "workflow.workflowCard.lastChangeNoAuthor"}
# Decap's phrases in English with no Italian one, or the same text in both
UNTRANSLATED_JS = """() => {
  const found = [];
  (function walk(en, it, path) {
    Object.keys(en).forEach((key) => {
      const mine = it && typeof it === "object" ? it[key] : undefined;
      if (typeof en[key] === "object") {
        walk(en[key], mine, path + key + ".");
      } else if (mine === undefined || mine === en[key]) {
        found.push(path + key);
      }
    });
  })(CMS.getLocale("en"), CMS.getLocale("it"), "");
  return found;
}"""
# Slate's own selection in the text (the one Slate, Decap's keys and Decap's toolbar act
# on), read from the React props of the text's editor. Slate takes the page's selection
# up to 100 ms after a click or a key moved it (it reads selectionchange at most every
# 100 ms), and meanwhile puts the page's selection back to its own whenever it draws the
# text again: a key pressed before Slate has read the click or the key before acts where
# Slate still has the caret (Enter right after a click and Control+End made no new line at
# the end in 4 tries of 5 here). {collapsed, text: the text selected within one leaf,
# leaf: that leaf's whole text, atEnd, synced: the page's selection is Slate's (each end
# in the same leaf text at the same offset)}; {} for no selection.
SLATE_SELECTION_JS = """() => {
  const box = document.querySelector('[data-slate-editor="true"]');
  const key = box && Object.keys(box).find((name) => name.startsWith("__reactFiber$"));
  let editor = null;
  for (let fiber = key ? box[key] : null; fiber && !editor; fiber = fiber.return) {
    const props = fiber.memoizedProps;
    if (props && props.editor && "selection" in props.editor
        && Array.isArray(props.editor.children)) editor = props.editor;
  }
  const range = editor && editor.selection;
  if (!range) return {};
  const leafOf = (point) => point.path.reduce(
    (node, index) => node && node.children && node.children[index], editor);
  const textOf = (point) => {
    const leaf = leafOf(point);
    return leaf && typeof leaf.text === "string" ? leaf.text : null;
  };
  const page = (node, offset) => {  // a point of the page: [its text, offset] in a leaf
    while (node && node.nodeType !== Node.TEXT_NODE) {
      const children = node.childNodes;
      if (!children.length) return null;
      const after = offset >= children.length;
      node = children[after ? children.length - 1 : offset];
      offset = after ? (node.nodeType === Node.TEXT_NODE ? node.length
                        : node.childNodes.length) : 0;
    }
    if (!node) return null;
    const zeroWidth = node.parentElement.closest("[data-slate-zero-width]");
    return zeroWidth ? ["", 0] : [node.textContent, offset];
  };
  const mine = getSelection();
  const same = (point, node, offset) => {
    const there = page(node, offset);
    return !!there && there[0] === textOf(point) && there[1] === point.offset;
  };
  const text = textOf(range.focus);
  const one = range.anchor.path.join() === range.focus.path.join();
  const [start, end] = [range.anchor.offset, range.focus.offset].sort((a, b) => a - b);
  return {collapsed: one && start === end, leaf: text,
          text: one && text !== null ? text.slice(start, end) : null,
          atEnd: text !== null && range.focus.offset === text.length,
          synced: !!mine && mine.rangeCount > 0
                  && same(range.anchor, mine.anchorNode, mine.anchorOffset)
                  && same(range.focus, mine.focusNode, mine.focusOffset)};
}"""
# The live regions (role status or alert) put on the page, each with the text it had when
# it arrived: a screen reader reads out a region's changes, not the text it arrives with.
# (An init script: before the page's own.) ARRIVED_JS: how each region holding ``text``
# now arrived (its text then).
LIVE_REGIONS_JS = """
window.liveRegionsArrived = [];
new MutationObserver((records) => records.forEach((record) => record.addedNodes.forEach(
  (node) => {
    if (node.nodeType !== 1) return;
    [node, ...node.querySelectorAll('[role]')].filter((each) => each.matches(
      '[role="status"], [role="alert"]')).forEach((region) => window.liveRegionsArrived.push(
        {region, text: region.textContent}));
  }))).observe(document, {childList: true, subtree: true});
"""
ARRIVED_JS = """(text) => window.liveRegionsArrived.filter(
  (arrived) => arrived.region.textContent.includes(text)).map((arrived) => arrived.text)"""
# How many times a live region was given words holding ``text`` (window.saidTimes), from
# now on: the same words written again count too (a move to the place the last one said).
SAID_JS = """(text) => {
  window.saidTimes = 0;
  new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target.nodeType === Node.ELEMENT_NODE
        ? record.target : record.target.parentElement;
      const region = target && target.closest('[role="status"], [role="alert"], [aria-live]');
      if (region && region.textContent.includes(text)) window.saidTimes += 1;
    }
  }).observe(document.body, {childList: true, characterData: true, subtree: true});
}"""
# The names admin.js gives to list items' handles and to Decap's notices' close button,
# as they are after each change of the page: an observer made after admin.js's is called
# after it, in the same turn, before anything else runs (a screen reader's focus, this
# test's reading). Each name found wrong then (a handle's place not its own, "close") is
# kept in window.staleNames; a name given only at the next frame is.
STALE_NAMES_JS = """() => {
  window.staleNames = [];
  const HANDLE = '[aria-describedby^="DndDescribedBy"]';
  new MutationObserver(() => {
    const lists = {};
    document.querySelectorAll(HANDLE).forEach((handle) => {
      const list = handle.getAttribute('aria-describedby');
      (lists[list] = lists[list] || []).push(handle);
    });
    Object.values(lists).forEach((handles) => handles.forEach((handle, index) => {
      const name = handle.getAttribute('aria-label') || '';
      if (!name.startsWith(`Sposta la voce ${index + 1} di ${handles.length}`)) {
        window.staleNames.push(`${name} (voce ${index + 1} di ${handles.length})`);
      }
    }));
    document.querySelectorAll('.Toastify__close-button').forEach((button) => {
      if (button.getAttribute('aria-label') !== "Chiudi l'avviso") {
        window.staleNames.push(`${button.getAttribute('aria-label')} (close button)`);
      }
    });
  }).observe(document.documentElement, {childList: true, subtree: true,
    attributes: true, attributeFilter: ['class']});
}"""
# Decap draws the text's toolbar anew (a new element for every button) at each change of
# the text or of Slate's selection, in a task of its own after the change (React): a click
# whose press and release fall on either side of it is lost. Until a message sent now has
# come back (after React's task) and two frames are drawn.
TOOLBAR_DRAWN_JS = """() => new Promise((done) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => requestAnimationFrame(() => requestAnimationFrame(done));
  channel.port2.postMessage(null);
})"""
PDF_NAME = "Programma dell'incontro è.pdf"
PDF_SAVED = "allegati/2025/programma-dell-incontro-e.pdf"
PNG_NAME = "Cortile del Civic Center.png"
IMAGE_SAVED = "immagini/2025/cortile-del-civic-center.png"
# the first upload: named like a published image of another item (CONTENT)
TAKEN_NAME = "Cortile Civic Center.png"
TAKEN = "immagini/2025/cortile-civic-center.png"
PDF_BYTES = pdf(2)
# in Avvisi: Decap lists it without a title, first (the guide's screenshot is of Notizie)
NATIVE = "avvisi/2024-03-01-sportello-soresina.md"
NATIVE_TEXT = ("Title: Apre lo sportello di Soresina\nDate: 2024-03-01 09:30\n"
               "Tags: Soresina, Sportelli\nSummary: Ogni martedì mattina.\n\n"
               "Lo sportello è in biblioteca.\n")
QUICK = "ATTACHMENTS_PREVIEWS = False\n"  # PDF previews are tested elsewhere
# plugins/redirects: the old portal's addresses, typed as a path and as a full address
OLD_ADDRESSES = ["/notizie/123-laboratorio-estate.html",
                 "https://www.farelegami.it/index.php/notizie/laboratorio-d-estate/"]
OLD_PAGES = ["/notizie/123-laboratorio-estate.html", "/index.php/notizie/laboratorio-d-estate/"]
# an item of the old portal whose file gives its old address as one text, not a list
ONE_ADDRESS = "notizie/2024-09-10-festa-di-fine-estate.md"
# "n°": the site's slug leaves the sign out, as admin.js must (it spelled it "deg", so
# the unchanged title gave another address and the item its own as an old one: the
# build stopped)
ONE_ADDRESS_TITLE = "Avviso n°2, festa di fine estate al Civic Center"
ONE_ADDRESS_URL = "/2024/09/avviso-n-2-festa-di-fine-estate-al-civic-center/"
ONE_ADDRESS_OLD = "/notizie/99-festa-di-fine-estate.html"
ONE_ADDRESS_ADDED = "/notizie/99-festa.html"  # typed by the editor beside it
ONE_ADDRESS_DATE = "2024-09-10T16:00:00+00:00"  # the contract's ISO form: 18:00 in Rome
ONE_ADDRESS_SHOWN = "2024-09-10T18:00"  # the form's date input, in Rome time
ONE_ADDRESS_MOVED = "2024-09-11T18:00"  # the day changed by the editor, the time kept
# an item dated in UTC with "Z" (the contract's ISO form; Decap's YAML makes it a Date)
UTC_ITEM = "notizie/2024-06-30-serata-in-cortile.md"
UTC_TITLE = "Serata in cortile"
UTC_DATE = "2024-06-30T23:30:00Z"  # 1 July, 01:30 in Rome; 30 June, 19:30 in New York
# an item whose attachments are bare paths (the contract allows them), one with a title
BARE = "comunicati-stampa/2024-04-10-bando-orti.md"
BARE_TITLE = "Il bando per gli orti di quartiere"
BARE_FILES = ["allegati/2024/bando.pdf", "allegati/2024/domanda.pdf"]
BARE_SUMMARY = "Domande entro il 30 aprile."  # typed by the editor
BARE_AUTHORS = ["Anna Rossi", "Redazione"]  # "di Anna Rossi e della Redazione"
AUTHORS_ITEM = "notizie/2024-08-20-orti-condivisi.md"  # by one author, written with git
AUTHORS_TITLE = "Orti condivisi, il raccolto di agosto"
AUTHORS_URL = "/2024/08/orti-condivisi-il-raccolto-di-agosto/"
AUTHORS_JOINED = "Anna Rossi e Marco Bianchi"  # two authors as one name: asked, refused
AUTHORS_TYPED = "Anna Rossi, Marco Bianchi"  # the form's «Autori»: two names
# items without a summary and without authors, and with a summary repeating the text's
# first paragraph: the preview's lead, body, meta line and spacing are the site's
LEAD_ITEM = "notizie/2024-05-20-orari-estivi.md"
LEAD_TITLE = "Gli orari estivi dello sportello"
LEAD_URL = "/2024/05/gli-orari-estivi-dello-sportello/"
# (its first paragraph, the lead, with an elision: the site's apostrophe, previews.js)
LEAD_BODY = ("Lo sportello di Crema cambia *orario* per l'estate.\n\n## Gli orari\n\n"
             "Dal lunedì al venerdì, dalle 9 alle 12.\n\n### Dove\n\nNel cortile.")
REPEAT_ITEM = "notizie/2024-05-21-cortile-aperto.md"
REPEAT_TITLE = "Il cortile aperto a tutti"
REPEAT_URL = "/2024/05/il-cortile-aperto-a-tutti/"
REPEAT_SUMMARY = "Il cortile del Civic Center è aperto a tutti, tutti i giorni!"
REPEAT_BODY = ("Il **cortile** del Civic Center è aperto a tutti: tutti i giorni.\n\n"
               "Chi vuole può portare un libro.")
# a published item whose title the editor corrects: its address changes
RETITLED = "notizie/2025-01-20-community-manager-cremona.md"
RETITLED_OLD_URL = "/2025/01/community-manager-gli-orari-di-ricevimento-a-cremona/"
RETITLED_TITLE = "Community Manager, i nuovi orari di ricevimento a Cremona"
RETITLED_URL = "/2025/01/community-manager-i-nuovi-orari-di-ricevimento-a-cremona/"
# a published item whose date the editor moves to another month: its address changes
MOVED = "notizie/2024-06-12-casalmaggiore-laboratorio.md"
MOVED_OLD_URL = "/2024/06/a-casalmaggiore-apre-il-primo-laboratorio-di-comunita/"
MOVED_URL = "/2024/07/a-casalmaggiore-apre-il-primo-laboratorio-di-comunita/"
# a published item dated by its day alone (the contract allows it: midnight, shown without
# a time), whose title the editor corrects
DAY_ONLY = "notizie/2025-03-14-incontro-soncino.md"
DAY_ONLY_TITLE = "Incontro in biblioteca a Soncino"
# a new item titled like a published one (CONTENT), another year: the same slug
SAME_TITLE = "Come proporre un Patto Gener-Attivo"
# a title of which the site's slug keeps nothing: an emoji and Braille's blank, written as
# a reference (admin.js folded neither, and saved it; the build refused it)
NO_SLUG_TITLE = "🎉 &#x2800;"
# a draft: a new item with its title takes its slug too (digests in slugs.json)
DRAFT = "notizie/2026-12-01-festa.md"
DRAFT_TITLE = "Festa di fine anno al Civic Center"
# an item the editor moves from Avvisi to Notizie (deleted, written again)
MOVED_CATEGORY = "avvisi/2024-11-20-mercatino.md"
MOVED_CATEGORY_TITLE = "Mercatino di Natale in piazza a Crema"
MOVED_CATEGORY_FILE = "notizie/2024-11-20-mercatino-di-natale-in-piazza-a-crema.md"
MOVED_CATEGORY_URL = "/2024/11/mercatino-di-natale-in-piazza-a-crema/"
# a new item saved with "Pubblica e duplica", then copied: the original must stay as saved
DUP_TITLE = "Sportello del Community Manager a Soresina"
DUP_SLUG = "sportello-del-community-manager-a-soresina"
DUP_FILE = f"notizie/2025-02-10-{DUP_SLUG}.md"
DUP_TEXT = "Il testo originale."


def picture():
    """A 960x540 PNG: a courtyard drawn in the site's colours (sky, lawn, tables)."""
    canvas = Image.new("RGB", (960, 540), (230, 240, 250))
    draw = ImageDraw.Draw(canvas)
    for y in range(330):  # sky: the site's blue fading to white
        shade = y / 330
        draw.line([(0, y), (960, y)], fill=(int(0 + 220 * shade), int(102 + 130 * shade),
                                            int(204 + 46 * shade)))
    draw.rectangle([0, 330, 960, 540], fill=(120, 170, 90))
    for x in (200, 480, 760):  # three round tables with chairs
        draw.ellipse([x - 90, 380, x + 90, 450], fill=(250, 250, 245))
        for dx in (-120, 120):
            draw.rectangle([x + dx - 15, 390, x + dx + 15, 440], fill=(255, 180, 0))
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG")
    return buffer.getvalue()


PNG_BYTES = picture()
TAKEN_BYTES = Image.new("RGB", (8, 8), (200, 30, 30))
_buffer = io.BytesIO()
TAKEN_BYTES.save(_buffer, "PNG")
TAKEN_BYTES = _buffer.getvalue()


def item(title, date, tags=(), body="Testo.", **keys):
    meta = {"title": title, "date": date, **({"tags": list(tags)} if tags else {}), **keys}
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{header}---\n\n{body}\n"


# The working copy: the project's content layout, a few items in the contract's form.
CONTENT = {
    "notizie/2024-06-12-casalmaggiore-laboratorio.md": item(
        "A Casalmaggiore apre il primo Laboratorio di Comunità", "2024-06-12 10:30",
        ["Casalmaggiore", "Laboratori di Comunità"]),
    "notizie/2024-10-15-patto-gener-attivo.md": item(
        "Come proporre un Patto Gener-Attivo", "2024-10-15 09:00", ["Patti Gener-Attivi"]),
    "notizie/2025-01-20-community-manager-cremona.md": item(
        "Community Manager, gli orari di ricevimento a Cremona", "2025-01-20 12:00",
        ["Cremona", "Community Manager"]),
    "comunicati-stampa/2024-05-05-presentazione-crema.md": item(
        "FareLegami, presentato a Crema il nuovo progetto", "2024-05-05 17:07", ["Crema"],
        attachments=[{"file": "allegati/2024/comunicato.pdf", "title": "Comunicato stampa"}]),
    "avvisi/2025-02-01-sportello-chiuso.md": item(
        "Sportello chiuso lunedì 3 febbraio", "2025-02-01 08:00", ["Orari"],
        image=TAKEN, image_alt="Un quadrato rosso"),
    TAKEN: TAKEN_BYTES,
    "pages/contatti.md": "---\ntitle: Contatti\n---\n\nScrivete alla redazione.\n",
    MOVED_CATEGORY: item(MOVED_CATEGORY_TITLE, "2024-11-20 09:00", ["Crema"]),
    DAY_ONLY: item(DAY_ONLY_TITLE, "2025-03-14", ["Soncino"]),
    DRAFT: item(DRAFT_TITLE, "2026-12-01 10:00", status="draft"),
    NATIVE: NATIVE_TEXT,
    ONE_ADDRESS: item(ONE_ADDRESS_TITLE, ONE_ADDRESS_DATE, ["Crema"],
                      indirizzi_precedenti=ONE_ADDRESS_OLD),
    "allegati/2024/comunicato.pdf": pdf(1),
    BARE: item(BARE_TITLE, "2024-04-10 09:00", ["Orti"], authors=BARE_AUTHORS, attachments=[
        BARE_FILES[0], {"file": BARE_FILES[1], "title": "Il modulo di domanda"}]),
    UTC_ITEM: f"---\ntitle: {UTC_TITLE}\ndate: {UTC_DATE}\n---\n\nTesto.\n",
    AUTHORS_ITEM: item(AUTHORS_TITLE, "2024-08-20 18:00", ["Orti"], author="Anna Rossi"),
    LEAD_ITEM: item(LEAD_TITLE, "2024-05-20 10:00", ["Crema"], body=LEAD_BODY),
    REPEAT_ITEM: item(REPEAT_TITLE, "2024-05-21 10:00", body=REPEAT_BODY,
                      summary=REPEAT_SUMMARY, author="Anna Rossi",
                      attachments=[{"file": "allegati/2024/comunicato.pdf",
                                    "title": "Il regolamento del cortile"}]),
    BARE_FILES[0]: pdf(1),
    BARE_FILES[1]: pdf(1),
}


@dataclass
class Session:
    """What the editor session did and saw."""

    repo: Path
    web: str  # host:port of the site
    cms: str  # host:port of decap-server
    shots: Path
    requests: list = field(default_factory=list)  # URLs
    failed: list = field(default_factory=list)  # (status or failure, URL)
    served: set = field(default_factory=set)  # URLs answered 2xx or 3xx at least once
    errors: list = field(default_factory=list)  # (phase, text): console errors, page errors
    dialogs: list = field(default_factory=list)
    phase: str = "start"
    step: str = "set-up"  # the step under way (edit's numbers), named if the session fails
    refusal: str = ""
    replace_refusal: str = ""  # an upload with the name of a published file
    same_slug_refusal: str = ""  # a new title with a published item's slug
    draft_slug_refusal: str = ""  # a new title with a draft's slug
    no_slug_refusal: str = ""  # a new title of emoji only
    no_file_refusal: str = ""  # an image in the text without its picture
    relative_refusal: str = ""  # a link of the link button with a relative address
    link_prompts: list = field(default_factory=list)  # the link button's questions
    required: list = field(default_factory=list)  # the messages of required fields left empty
    empty_attachment: dict = field(default_factory=dict)  # one without file nor title, closed
    image_box: list = field(default_factory=list)  # the buttons of the text's image box
    delete_question: str = ""  # "Cancella selezionato" in the media library
    untranslated: list = field(default_factory=list)  # Decap's phrases left in English
    components: list = field(default_factory=list)  # the text's "+" menu
    upload_label: str = ""
    upload_badges: list = field(default_factory=list)  # the last upload's cards' badges
    written_after_refusal: list = field(default_factory=list)
    old_field: dict = field(default_factory=dict)  # "Indirizzi precedenti" as shown
    one_address: dict = field(default_factory=dict)  # the item with one text, as shown
    bare: dict = field(default_factory=dict)  # the item with attachments as bare paths
    draft: dict = field(default_factory=dict)  # the draft's preview: its meta line
    page_preview: dict = field(default_factory=dict)  # a page's preview, a summary typed
    authors: dict = field(default_factory=dict)  # «Autori» of an item by one, two typed
    # the lead items' previews and pages (LEAD_ITEM, REPEAT_ITEM): {"preview": …, "site": …}
    shown_as_site: dict = field(default_factory=dict)
    reopened: dict = field(default_factory=dict)  # the new item opened again, as shown
    site_link: dict = field(default_factory=dict)  # the toolbar's link to the site, in 7b
    screen_reader: dict = field(default_factory=dict)  # the page's accessibility tree
    move: dict = field(default_factory=dict)  # an item moved to another category
    duplicate: dict = field(default_factory=dict)  # an item saved, then copied
    retyped: str = ""  # a title typed over the one selected by Shift+Tab
    preview_title: str = ""  # the new item's title in the preview, TITLE typed
    day_only: dict = field(default_factory=dict)  # the item dated by its day, as shown
    seconds: dict = field(default_factory=dict)  # step -> seconds since the page opened
    work: Path = None
    server_log: str = ""
    other_zone: dict = field(default_factory=dict)  # (Rome's time, the form's date)
    other_zone_label: str = ""  # the preview's meta line: its date
    small_screens: dict = field(default_factory=dict)  # size -> the form's layout (15)
    small_saved: str = ""  # the item saved on the phone (15), under content/
    small_targets: list = field(default_factory=list)  # the form's controls too small (15b)
    notice_end: dict = field(default_factory=dict)  # the form's end under a notice (15b)
    notice_closed: object = None  # after the notice's "Nascondi" (15b)
    toast_close: list = field(default_factory=list)  # Decap's notice's close button (15)
    computer_targets: list = field(default_factory=list)  # the form's controls too small (4b)
    refusal_timer: dict = field(default_factory=dict)  # the refusal's notice's clocks (5)
    notice_kept: dict = field(default_factory=dict)  # "Voce salvata" past 4 s, closed (7b)

    def written(self):
        return sorted(self.repo.glob("content/notizie/2025-01-01-*.md"))


class QuietFiles(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".yml": "text/yaml",
                      ".js": "text/javascript"}

    def log_message(self, format, *args):  # noqa: A002
        pass


def git(repo, *args):
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                    "-c", "init.defaultBranch=main", *args], cwd=repo, check=True,
                   capture_output=True)


def optimise(path):
    """A screenshot as a palette PNG: a fraction of the size, the same to the eye."""
    with Image.open(path) as shot:
        small = shot.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def check_screenshot_tools():
    missing = []
    if not Path("/usr/lib/chromium/locales/it.pak").is_file():
        missing.append("chromium-l10n (Italian date inputs)")
    fonts = subprocess.run(["fc-list", ":charset=ff0b"], capture_output=True, text=True,
                           check=False).stdout
    if not fonts.strip():
        missing.append("a font with U+FF0B, e.g. fonts-droid-fallback (the + of the new button)")
    if missing:
        pytest.fail("FARELEGAMI_SCREENSHOTS=1 needs: " + "; ".join(missing)
                    + " (apt-get install chromium-l10n fonts-droid-fallback)")


@contextlib.contextmanager
def editor_site(work, content, message):
    """``content`` committed (``message``) in a git repository ``work/sito``, its site built
    for the web editor's local backend on a free port and served on loopback:
    :class:`EditorSite`; the server stops after."""
    repo = work / "sito"
    write_content(repo / "content", content)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)
    cms_port = free_port()
    built = build_site(work, {}, content=repo / "content", output=work / "output",
                       settings=f'ADMIN_LOCAL_BACKEND = "http://127.0.0.1:{cms_port}/api/v1"\n'
                                + QUICK)
    assert built.ok, built.log
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(QuietFiles, directory=built.output))
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        yield EditorSite(repo, built, f"127.0.0.1:{server.server_address[1]}", cms_port)
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class EditorSite:
    """:func:`editor_site`'s repository, build, site (host:port) and backend's port."""

    repo: Path
    built: object
    web: str
    cms_port: int


@contextlib.contextmanager
def editor_browser(work, content, message="Contenuti scritti con git"):
    """:func:`editor_site` with the web editor's local backend (decap-server, its log in
    ``work``) running and Chromium launched in a UTF-8 locale (without one a non-ASCII
    upload fails silently): ``(site, browser)``, for the modules whose editor walk needs
    nothing else; the browser, the backend and the site stop after."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with editor_site(work, content, message) as site, \
            (work / "decap-server.log").open("w") as log, \
            CmsServer(site.repo, site.cms_port, log=log), sync_playwright() as playwright:
        browser = launch(playwright, env={**os.environ, "LANG": "C.UTF-8"})
        try:
            yield site, browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def playwright():
    """The module's one Playwright (the sync API runs one at a time in a thread): the
    editor session's browser and :func:`browser` are launched from it, in any order."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="module")
def session(tmp_path_factory, playwright):
    """Runs the editor session once; the tests read what it left."""
    from playwright.sync_api import expect  # noqa: PLC0415

    if SCREENSHOTS:
        check_screenshot_tools()
    work = tmp_path_factory.mktemp("editor")
    uploads = work / "da-caricare"
    uploads.mkdir()
    (uploads / PDF_NAME).write_bytes(PDF_BYTES)
    (uploads / PNG_NAME).write_bytes(PNG_BYTES)
    (uploads / TAKEN_NAME).write_bytes(PNG_BYTES)
    shots = GUIDE_IMAGES if SCREENSHOTS else work / "shots"
    shots.mkdir(exist_ok=True)
    with editor_site(work, CONTENT, "Contenuti iniziali") as site, \
            (work / "decap-server.log").open("w") as log:
        seen = Session(site.repo, site.web, f"127.0.0.1:{site.cms_port}", shots)
        expect.set_options(timeout=UI_MS)  # for every wait below (5 s by default)
        try:
            with CmsServer(site.repo, site.cms_port, log=log):
                browser = launch(
                    playwright,
                    # an installed UTF-8 locale, else a non-ASCII upload fails silently;
                    # LANGUAGE=it: native date inputs in Italian (with chromium-l10n)
                    env={**os.environ, "LANG": "C.UTF-8", "LANGUAGE": "it"})
                try:
                    edit(browser, seen, expect)
                except Exception as error:  # noqa: BLE001
                    # every test of the module errors with this: say which step broke, and how
                    report = stopped(browser, seen, work, error)
                    try:  # (a listener's error again, raised by close, would replace it)
                        browser.close()
                    except Exception:  # noqa: BLE001, S110
                        pass
                    raise AssertionError(report) from error
                browser.close()
        finally:
            expect.set_options(timeout=None)
    seen.server_log = (work / "decap-server.log").read_text(encoding="utf-8",
                                                             errors="replace")
    seen.work = work
    return seen


def stopped(browser, seen, work, error):
    """What a failed session says: the step under way and the steps done, the error's
    first line, each open page's address and notices, and its screenshot, saved in the
    module's temporary folder."""
    done = ", ".join(f"{name} ({seconds} s)" for name, seconds in seen.seconds.items())
    lines = [f"the editor session stopped in step {seen.step!r} (phase {seen.phase!r};"
             f" steps done, seconds since the page opened: {done or 'none'})",
             f"{type(error).__name__}: {(str(error).strip().splitlines() or [''])[0]}"]
    pages = [page for context in browser.contexts for page in context.pages]
    for number, page in enumerate(pages, 1):
        # (each call may fail: the page crashed or closed, or a listener of the session
        # failed again, which Playwright raises at the next call; the report goes on)
        try:
            notices = page.locator(".Toastify__toast").all_inner_texts()
        except Exception as problem:  # noqa: BLE001
            notices = f"not read ({type(problem).__name__}: {problem})"
        path = work / f"failure-{number}.png"
        try:
            page.screenshot(path=str(path), timeout=10_000)
        except Exception as problem:  # noqa: BLE001
            path = f"none ({type(problem).__name__}: {problem})"
        lines.append(f"page {page.url}: screenshot {path}; notices: {notices}")
    lines.append(f"decap-server's log: {work / 'decap-server.log'}")
    return "\n".join(lines)


def refusal_of(page, words, expect):
    """The notice saying ``words`` after a save; without it (admin.js's check gone), what
    Decap said instead ("Voce salvata"), for the test's assertion to show."""
    notice = page.get_by_text(words)
    try:
        expect(notice).to_be_visible()
    except AssertionError:
        return page.locator(".Toastify").inner_text()
    return notice.inner_text()


def publish_item(page, how="Pubblica ora"):
    """Decap's "Pubblica" menu, then ``how`` ("Pubblica ora", "Pubblica e duplica")."""
    page.get_by_role("button", name="Pubblica").click()
    page.get_by_role("menuitem", name=how).click()


def slate_ready(page, condition):
    """Until Slate's own selection (SLATE_SELECTION_JS, as ``selection``) meets
    ``condition`` (JavaScript), then until the toolbar that selection changed is drawn
    (TOOLBAR_DRAWN_JS): what a key did is then what a button or the next key acts on."""
    page.wait_for_function(f"() => {{ const selection = ({SLATE_SELECTION_JS})();"
                           f" return {condition}; }}")
    page.evaluate(TOOLBAR_DRAWN_JS)


def link_by_the_button(page, seen, expect):
    """Selects the text line just typed (Shift+Home) and makes it a link with the link
    button, as an editor does. Once in CI, under load, no link came of it: the click came
    before Slate had the selection, or while the toolbar was drawn anew for it (see
    SLATE_SELECTION_JS, TOOLBAR_DRAWN_JS; the page's selection was there, a fixed 200 ms
    after it was not always enough). Each try waits for both, and a try that made no link
    is made again (three at most), its trace kept for the assertion's message."""
    editor = page.locator('[data-slate-editor="true"]')
    links = editor.locator("a")
    tries = []
    for _ in range(3):
        page.keyboard.press("End")
        page.keyboard.press("Shift+Home")
        slate_ready(page, "selection.synced && selection.text === 'il programma'")
        asked = len(seen.link_prompts)
        page.get_by_role("button", name="Collegamento").click()
        try:
            expect(links).to_have_count(1, timeout=5_000)
            return
        except AssertionError:
            tries.append({"asked": len(seen.link_prompts) - asked,
                          "selection": page.evaluate("getSelection().toString()"),
                          "slate": page.evaluate(SLATE_SELECTION_JS),
                          "text": editor.inner_text()})
            editor.locator("p").last.click()  # back into the line typed
    raise AssertionError(f"the link button made no link: {tries}")


def edit(browser, seen, expect):
    """The editor's steps (the module docstring), with a screenshot at the main ones."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError  # noqa: PLC0415

    context = browser.new_context(locale="it-IT", timezone_id="Europe/Rome",
                                  viewport={"width": 1280, "height": 800},
                                  device_scale_factor=1, reduced_motion="reduce")
    page = context.new_page()
    page.add_init_script(LIVE_REGIONS_JS)
    page.set_default_timeout(UI_MS)
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("response", lambda response: seen.failed.append(
        (response.status, response.url)) if response.status >= 400 else seen.served.add(
        response.url))
    page.on("requestfailed", lambda request: seen.failed.append(
        (request.failure, request.url)))
    page.on("console", lambda message: message.type == "error" and seen.errors.append(
        (seen.phase, message.text)))
    page.on("pageerror", lambda error: seen.errors.append((seen.phase, str(error))))
    visited = []  # the page's addresses, hash changes included, in order
    page.on("framenavigated", lambda frame: frame == page.main_frame and visited.append(
        frame.url))

    def on_dialog(dialog):
        if seen.phase == "delete upload":  # "Cancella selezionato" asks first
            seen.delete_question = dialog.message
            dialog.accept()
        elif seen.phase == "move":  # leaving step 11's unsaved item; "Cancella voce"
            seen.move["questions"].append(dialog.message)
            dialog.accept()
        elif seen.phase in ("bare attachments", "page"):  # leaving an item not saved
            dialog.accept()
        elif seen.phase == "authors":  # "Anna Rossi e Marco Bianchi": one author? No
            seen.authors.setdefault("questions", []).append(dialog.message)
            dialog.dismiss()
        elif seen.phase == "relative link":  # the link button asks for the address
            seen.link_prompts.append(dialog.message)
            dialog.accept("programma")
        elif seen.phase == "duplicate":  # leaving a refused form: yes; Decap's backup of it
            # (when its timer had written it before): no
            seen.duplicate["questions"].append(dialog.message)
            if "abbandonare" in dialog.message:
                dialog.accept()
            else:
                dialog.dismiss()
        else:
            seen.dialogs.append(dialog.message)
            dialog.dismiss()

    page.on("dialog", on_dialog)
    started = time.monotonic()

    def step(name, shot=None):
        seen.seconds[name] = round(time.monotonic() - started, 1)
        if shot:
            expect(page.locator("body > canvas")).to_be_hidden()  # the loading bar, done
            path = seen.shots / f"{shot}.png"
            page.screenshot(path=str(path), animations="disabled", caret="hide")
            if SCREENSHOTS:
                optimise(path)

    def upload(button, path):
        page.get_by_role("button", name=button).click()
        library = page.get_by_role("dialog")
        expect(library).to_be_visible()
        seen.upload_label = library.locator("label").filter(
            has=page.locator('input[type="file"]')).inner_text()
        page.locator('input[type="file"]').set_input_files(str(path))
        take = page.get_by_role("button", name="Prendi selezionato")
        expect(take).to_be_enabled()  # the upload is listed and selected
        # its card's badge is drawn after the button is enabled: waited for, not read at once
        badges = library.locator('[data-testid="draft-text"]')
        expect(badges.first).to_be_visible()
        seen.upload_badges = badges.all_inner_texts()
        return library, take

    leaving = context.new_cdp_session(page)

    def notices_closed(close, notice=".Toastify__toast", meanwhile=None):
        """``close()`` (a click on a notice's close button), then until no ``notice`` (a
        selector) is left. Their way out (react-toastify's: a 0.5 s bounce, reduced
        motion or not) is played 20 times as fast meanwhile (DevTools'
        Animation.setPlaybackRate: the page's animations' pace; elsewhere the notices'
        countdown, a paused animation, notices.js, keeps its own); its 0.3 s collapse
        after it is a timer's, left as it is: ``meanwhile()``, if given, is done while it
        runs (leaving for another item), not after. Waited for frame by frame (an expect
        polls every 500 ms after its first 0.3 s: 0.4 s more per notice closed)."""
        leaving.send("Animation.setPlaybackRate", {"playbackRate": 20})
        try:
            close()
            if meanwhile:
                meanwhile()
            page.wait_for_function("selector => !document.querySelector(selector)", arg=notice)
        finally:
            leaving.send("Animation.setPlaybackRate", {"playbackRate": 1})

    def close_notices(meanwhile=None):  # the mouse left over them keeps them open
        notices_closed(lambda: page.evaluate(
            """document.querySelectorAll('.Toastify__close-button')
               .forEach(button => button.click())"""), meanwhile=meanwhile)

    def publish(how="Pubblica ora"):
        publish_item(page, how)

    def saved_new(name, since=0):
        """Until the save of a new item is over: Decap says "Voce salvata" first, then
        reloads the media and the item, and last moves the page to the item's address
        (``name``, its file's name): an address opened before that move was replaced by
        it, and the editor came back. ``since``: the length of ``visited`` before the
        save (Decap's "Pubblica e duplica" moves on to a new item at once)."""
        wait_until(page, lambda: any(address.endswith(f"/entries/{name}")
                                     for address in visited[since:]),
                   f"Decap's move to the saved item's address, …/entries/{name}",
                   timeout=UI_MS / 1000)

    def through_the_list(address):
        """Leave the editor for its collection's list, then open ``address`` (after
        /collections/): out of the editor first, as an editor does: two hash changes in a
        row left the editor mounted, and it showed the item saved before (2 runs in 5
        under load); back to the same address, it would show the form left, not the
        item read again."""
        page.goto(f"http://{seen.web}/admin/#/collections/{address.split('/')[0]}")
        expect(page.get_by_label("Titolo", exact=True)).to_have_count(0)
        page.goto(f"http://{seen.web}/admin/#/collections/{address}")

    def open_after_save(path):
        """Leave the item just saved (its notice closed) for the item at ``path``: the
        way there taken while the notice collapses; none left once there."""
        folder, name = path.removesuffix(".md").split("/")
        # (not a click on the one notice: gone after 4 s)
        close_notices(meanwhile=lambda: through_the_list(f"{folder}/entries/{name}"))

    # 1. Log in (local backend: no password) and see the collections
    seen.step = "1 log in"
    page.goto(f"http://{seen.web}/admin/")
    page.get_by_role("button", name="Accedi").click(timeout=FIRST_LOAD_MS)
    expect(page.get_by_role("link", name="Notizie").first).to_be_visible()
    expect(page.get_by_text("Community Manager, gli orari di ricevimento a Cremona")
           ).to_be_visible()
    step("list", "editor-web-1-elenco")
    seen.untranslated = page.evaluate(UNTRANSLATED_JS)

    # 2. A new news item: the fields of the contract
    seen.step = "2 new item"
    page.get_by_role("link", name="Notizia").click()  # "＋ Notizia"
    title = page.get_by_label("Titolo", exact=True)
    expect(title).to_be_visible()
    title.fill(TITLE)
    page.get_by_label("Data e ora di pubblicazione").fill("2025-01-01T00:30")
    page.get_by_label("Argomenti").fill("Crema, Laboratori di Comunità")
    page.get_by_label("Sommario").fill(SUMMARY)
    page.locator('[data-slate-editor="true"]').click()
    slate_ready(page, "selection.synced")  # Slate's caret where the click put it
    page.keyboard.insert_text(BODY[0])  # one input event: typing key by key is slow
    page.keyboard.press("Shift+Enter")
    page.keyboard.insert_text(BODY[1])
    page.keyboard.press("Enter")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"],
                                   origin=f"http://{seen.web}")
    page.evaluate("""async (html) => navigator.clipboard.write([new ClipboardItem({
        "text/html": new Blob([html], {type: "text/html"}),
        "text/plain": new Blob([html], {type: "text/plain"})})])""", PASTED)
    page.keyboard.press("Control+V")
    page.evaluate(TOOLBAR_DRAWN_JS)  # drawn anew for the paste: a click on it lost
    page.get_by_role("button", name="Aggiungi componente").click()
    try:  # the menu drawn (all_inner_texts does not wait: read at once, it could be [])
        expect(page.get_by_role("menuitem").first).to_be_visible()
    except AssertionError:
        pass  # no item: the test says so
    seen.components = page.get_by_role("menuitem").all_inner_texts()
    page.keyboard.press("Escape")
    preview = page.frame_locator("iframe").first
    # the title typed with a straight apostrophe, shown with the site's (SAVED_TITLE)
    heading = preview.locator(".article-header h1")
    try:
        expect(heading).to_have_text(SAVED_TITLE)
    except AssertionError:
        pass  # the test says so
    seen.preview_title = heading.inner_text()
    # the meta line as the site writes it (it read "di Redazione")
    expect(preview.locator(".article-meta")).to_contain_text("della Redazione")
    seen.screen_reader["form"] = page.locator("body").aria_snapshot()
    seen.screen_reader["frame"] = page.locator("#preview-pane").get_attribute("title")
    title.scroll_into_view_if_needed()
    step("form", "editor-web-2-nuova-notizia")

    # 3. A cover image
    seen.step = "3 cover image"
    library, take = upload("Scegli un'immagine", seen.repo.parent / "da-caricare" / TAKEN_NAME)
    take.click()
    expect(library).to_be_hidden()
    step("image")

    # 4. An attachment: upload, take, title and description
    seen.step = "4 attachment"
    page.get_by_role("button", name="Aggiungi allegato").click()
    library, take = upload("Scegli un file", seen.repo.parent / "da-caricare" / PDF_NAME)
    expect(library.get_by_text("programma-dell-incontro-e.pdf")).to_be_visible()
    step("upload", "editor-web-3-carica-allegato")
    take.click()
    expect(library).to_be_hidden()
    expect(page.get_by_text(PDF_SAVED, exact=True)).to_be_visible()
    page.get_by_label("Titolo (opzionale)").fill("Programma dell'incontro")
    description = page.get_by_label("Descrizione (opzionale)")
    description.fill("Date, orari e luoghi dei quattro incontri.")
    page.get_by_text(PDF_SAVED, exact=True).scroll_into_view_if_needed()
    expect(preview.get_by_text("Programma dell'incontro", exact=True)).to_be_visible()
    step("attachment", "editor-web-4-allegato")

    # 4b. The old portal's addresses (plugins/redirects): two entries of the list
    seen.step = "4b old addresses"
    page.evaluate(STALE_NAMES_JS)  # until step 5's notice
    addresses = old_addresses(page)
    addresses["add"].click()
    addresses["inputs"].nth(0).fill(OLD_ADDRESSES[0])
    addresses["add"].click()
    addresses["inputs"].nth(1).fill(OLD_ADDRESSES[1])
    seen.old_field = shown(addresses)
    # the second one moved up with the keyboard on its handle, and back down
    seen.old_field["moves"] = moves = []
    handle = addresses["container"].locator('[aria-describedby^="DndDescribedBy"]').nth(1)
    seen.old_field["instructions"] = page.locator(
        "#" + handle.get_attribute("aria-describedby")).text_content()
    seen.old_field["handle role"] = handle.get_attribute("aria-roledescription")
    handle.focus()
    # (the focus is kept, and the move announced, in a task after Decap's render: the
    # words of the move before stay until then, so a move is over once they are written
    # again, SAID_JS; on a loaded machine later than any fixed pause)
    page.evaluate(SAID_JS, "Voce spostata al posto")

    def after_move(act, first, announced=True):
        """``act`` done, then the first entry's value ``first`` and (``announced``) the
        move's words waited for (not found: the test says what was there): the list's
        values, the focused control's name and the status's words."""
        said = page.evaluate("window.saidTimes")
        act()
        try:
            expect(addresses["inputs"].nth(0)).to_have_value(first, timeout=UI_MS)
            if announced:
                page.wait_for_function(f"window.saidTimes > {said}", timeout=UI_MS)
        except (AssertionError, PlaywrightTimeoutError):
            pass
        return {"values": addresses["inputs"].evaluate_all("nodes => nodes.map(n => n.value)"),
                "focused": page.evaluate("document.activeElement.getAttribute('aria-label')"),
                "said": page.get_by_role("status").all_text_contents()}

    # (Decap's lists have no keyboard: the arrows did nothing)
    for key, first in (("ArrowUp", OLD_ADDRESSES[1]), ("ArrowDown", OLD_ADDRESSES[0])):
        moves.append(after_move(lambda: page.keyboard.press(key), first))  # noqa: B023
    seen.old_field["arrived"] = page.evaluate(ARRIVED_JS, "Voce spostata")
    # and with a click on the items' buttons (WCAG 2.5.7: no drag needed): the first one
    # down, then up again; the first one's "up" does nothing
    # (the focus moved, and the move announced, as by the arrows: waited for the same
    # way; the first item's "up" is unavailable: nothing moves, nothing to wait for)
    seen.old_field["clicks"] = clicks = []
    for name, first, moves in (("Sposta in giù la voce 1", OLD_ADDRESSES[1], True),
                               ("Sposta in su la voce 2", OLD_ADDRESSES[0], True),
                               ("Sposta in su la voce 1", OLD_ADDRESSES[0], False)):
        button = addresses["container"].get_by_role(
            "button", name=name + " dell'elenco Indirizzi precedenti")

        def click(button=button):
            if button.count():  # (none: nothing to click, nothing moves; the test says so)
                button.click(force=True)  # Playwright waits for an aria-disabled one to enable

        clicks.append(after_move(click, first, moves))
    # on a computer (1280 × 800): the form's controls, an attachment and two addresses
    # in their lists, each at least 24 × 24 (Decap's "Adesso", "Pulisci", "Aggiungi
    # allegato" were 18 px tall)
    seen.computer_targets = page.evaluate(TARGETS_JS, "[class*='-ControlPaneContainer']")
    step("old addresses")

    # 5. Publishing without the image's description is refused, and nothing is written
    seen.step = "5 refused: no image description"
    seen.phase = "refused"
    publish()
    notice = page.get_by_text("Salvataggio della voce non riuscito")
    expect(notice).to_be_visible()
    seen.refusal = notice.inner_text()
    seen.screen_reader["notice"] = page.locator(".Toastify").aria_snapshot()
    seen.screen_reader["stale"] = page.evaluate("window.staleNames")
    seen.written_after_refusal = [str(p) for p in seen.written()]
    seen.refusal_timer = page.locator(".Toastify__toast").first.evaluate(TOAST_CLOCK_JS)
    notices_closed(page.locator(".Toastify__close-button").click)
    expect(notice).to_be_hidden()
    seen.phase = "publish"
    page.get_by_label("Descrizione dell'immagine (testo alternativo)").fill(
        "Il cortile del Civic Center di Crema con sedie e tavoli")
    step("refused")

    # 6. The upload would replace another item's image: refused; delete it, upload the
    # picture under another name
    seen.step = "6 refused: upload's name taken"
    seen.phase = "replaced"
    publish()
    notice = page.get_by_text("c'è già un file con questo nome")
    expect(notice).to_be_visible()
    seen.replace_refusal = notice.inner_text()
    notices_closed(page.locator(".Toastify__close-button").click)
    expect(notice).to_be_hidden()
    page.get_by_role("button", name="Scegli un'altra immagine").click()
    library = page.get_by_role("dialog")
    library.get_by_text("cortile-civic-center.png", exact=True).click()
    seen.phase = "delete upload"
    library.get_by_role("button", name="Cancella selezionato").click()
    expect(library.get_by_text("cortile-civic-center.png", exact=True)).to_be_hidden()
    seen.phase = "publish"
    page.locator('input[type="file"]').set_input_files(
        str(seen.repo.parent / "da-caricare" / PNG_NAME))
    take = page.get_by_role("button", name="Prendi selezionato")
    expect(take).to_be_enabled()
    take.click()
    expect(library).to_be_hidden()

    # 7. Publish
    seen.step = "7 saved"
    publish()
    expect(page.get_by_text("Modifiche salvate", exact=True)).to_be_visible()
    expect(page.get_by_text("Voce salvata")).to_be_visible()
    saved_at = time.monotonic()  # (its notice, kept until 7b)
    # saved, not "Pubblicato" (Decap's word, for a draft too): the site publishes it later
    expect(page.get_by_role("button", name="Salvato", exact=True)).to_be_visible()
    saved_new(FILE_SLUG)
    step("saved", "editor-web-5-pubblicato")

    # 7b. Opened again: the "<" typed, not the "&lt;" written; a word typed and taken
    # back in the summary and the text, "Pubblica ora" (the same file again)
    seen.step = "7b opened again"
    seen.phase = "reopened"
    # the form left, the file read again; 7's notice left open (below)
    through_the_list(f"notizie/entries/{FILE_SLUG}")
    expect(page.get_by_label("Titolo", exact=True)).to_have_value(SAVED_TITLE)
    # the toolbar's link to the site (site_url and the collection's preview_path), shown
    # on a saved item not changed since, before the site's name at the right (display_url)
    live = page.locator(f'a[target="_blank"][href^="{SITEURL}"]')
    expect(live).to_have_count(2)
    seen.site_link = {"text": live.first.inner_text(),
                      "href": live.first.evaluate("a => a.href")}  # as the browser follows it
    text = page.locator('[data-slate-editor="true"]')
    expect(preview.locator(".article-body")).to_contain_text("Gli incontri")
    seen.reopened = {"summary": page.get_by_label("Sommario").input_value(),
                     "text": text.inner_text(),
                     "lead": preview.locator(".lead").inner_text(),
                     "preview": preview.locator(".article-body").inner_text()}
    # 7's "Voce salvata" still shown past Decap's 4 s (admin.js: WCAG 2.2.1), its clocks
    # stopped; then closed with the keyboard: Shift+Tab from the title up to its close
    # button (the notices come first in the page), Enter
    # (meanwhile, rather than idle: steps 14 and 15, in another browser context; this
    # page keeps the focus and its clocks run, document.hasFocus() checked below)
    other_browser(browser, seen, expect)
    seen.step, seen.phase = "7b notice kept", "reopened"
    kept = page.locator(".Toastify__toast").filter(has_text="Voce salvata")
    page.wait_for_timeout(max(0, NOTICE_KEPT_S - (time.monotonic() - saved_at)) * 1000)
    seen.notice_kept = {"seconds": round(time.monotonic() - saved_at, 1),
                        "focused": page.evaluate("document.hasFocus()"),
                        "shown": kept.count() == 1 and kept.is_visible(),
                        "clocks": kept.first.evaluate(TOAST_CLOCK_JS) if kept.count() else {},
                        "presses": None}
    page.get_by_label("Titolo", exact=True).focus()
    for presses in range(1, 21):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.matches('.Toastify__close-button')"):
            seen.notice_kept["presses"] = presses
            seen.notice_kept["name"] = page.evaluate(
                "document.activeElement.getAttribute('aria-label')")
            try:
                notices_closed(lambda: page.keyboard.press("Enter"))
            except PlaywrightTimeoutError:
                pass  # the test says so
            break
    seen.notice_kept["closed"] = kept.count() == 0
    seen.step = "7b opened again"
    page.get_by_label("Sommario").press("End")
    page.get_by_label("Sommario").press_sequentially(" x")
    page.get_by_label("Sommario").press("Backspace")
    page.get_by_label("Sommario").press("Backspace")
    text.get_by_text("Gli incontri").click()
    expect(text).to_be_focused()
    # Slate has the caret of the click, then of End (SLATE_SELECTION_JS): typed at once,
    # the letters went where the click had put it
    slate_ready(page, "selection.synced")
    page.keyboard.press("End")
    slate_ready(page, "selection.synced && selection.collapsed && selection.atEnd"
                      " && selection.leaf === 'Gli incontri'")
    page.keyboard.type(" x")
    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")
    publish()
    expect(page.get_by_text("Voce salvata")).to_be_visible()
    seen.phase = "publish"

    # 8. An item with Pelican's native header
    seen.step = "8 native header"
    seen.phase = "native"
    open_after_save(NATIVE)  # (7b's notice closed, not waited out: 4 s)
    expect(page.locator('[data-slate-editor="true"]')).to_contain_text("Title:")
    page.get_by_label("Titolo", exact=True).fill("Apre lo sportello di Soresina")
    page.get_by_label("Data e ora di pubblicazione").fill("2024-03-01T09:30")
    publish()
    expect(page.get_by_text("Voce salvata")).to_be_visible()
    step("native")

    # 9. An item whose old address is one text in its file: shown, one more typed, saved
    seen.step = "9 one old address"
    seen.phase = "one address"
    open_after_save(ONE_ADDRESS)
    try:  # without admin.js's list of one text, the editor showed only "Errore"
        expect(page.get_by_label("Titolo", exact=True)).to_have_value(ONE_ADDRESS_TITLE)
    except AssertionError:
        seen.one_address = {"failed": page.locator("body").inner_text()[:500]}
    else:
        addresses = old_addresses(page)
        seen.one_address = shown(addresses)
        addresses["add"].click()
        addresses["inputs"].nth(1).fill(ONE_ADDRESS_ADDED)
        date = page.get_by_label("Data e ora di pubblicazione")
        seen.one_address["date"] = date.input_value()
        date.fill(seen.one_address["date"].replace("-09-10T", "-09-11T"))  # the day only
        publish()
        expect(page.get_by_text("Voce salvata")).to_be_visible()
    step("one address")

    # 9b. An item whose attachments are bare paths: shown as files, saved
    seen.step = "9b bare attachments"
    seen.phase = "bare attachments"
    open_after_save(BARE)
    expect(page.get_by_label("Titolo", exact=True)).to_have_value(BARE_TITLE)
    attachments = page.locator('[id^="attachments-field-"]')
    seen.bare = {"text": attachments.inner_text()}  # the closed items' summaries
    # the preview: the documents' names and the authors, as the site gives them
    preview = page.frame_locator("iframe").first
    expect(preview.get_by_role("heading", name=BARE_TITLE)).to_be_visible()
    seen.bare["documents"] = preview.locator(".attachment-link").all_inner_texts()
    seen.bare["meta"] = preview.locator(".article-meta .meta-item").all_inner_texts()
    page.get_by_label("Sommario").fill(BARE_SUMMARY)
    publish()
    try:  # without admin.js: nothing happened (Decap: "e.get is not a function")
        expect(page.get_by_text("Voce salvata")).to_be_visible()
    except AssertionError:
        seen.bare["saved"] = False
        page.goto(f"http://{seen.web}/admin/#/collections/{BARE.split('/')[0]}")
        expect(page.get_by_label("Titolo", exact=True)).to_have_count(0)
    else:
        seen.bare["saved"] = True
    step("bare attachments")

    # 9c. A draft opened: its preview's meta line
    seen.step = "9c draft"
    seen.phase = "draft"
    open_after_save(DRAFT)
    preview = page.frame_locator("iframe").first
    expect(preview.get_by_role("heading", name=DRAFT_TITLE)).to_be_visible()
    meta = preview.locator(".article-meta .meta-item").first
    seen.draft = {"meta": meta.inner_text(),
                  "label": meta.locator(".meta-label").all_inner_texts()}
    step("draft")

    # 9d. A page: a summary typed; its preview, as the page shows (neither summary nor cover)
    seen.step = "9d page"
    seen.phase = "page"
    open_after_save("pages/contatti.md")
    expect(page.get_by_label("Titolo", exact=True)).to_have_value("Contatti")
    page.get_by_label("Sommario").fill("Come raggiungerci.")
    preview = page.frame_locator("iframe").first
    expect(preview.get_by_role("heading", name="Contatti")).to_be_visible()
    expect(preview.get_by_text("Scrivete alla redazione.")).to_be_visible()
    seen.page_preview = {"text": preview.locator("article").inner_text(),
                         "classes": preview.locator("article").get_attribute("class")}
    page.goto(f"http://{seen.web}/admin/#/collections/pages")  # not saved: leave it
    expect(page.get_by_label("Titolo", exact=True)).to_have_count(0)
    step("page")

    # 9e. An item by one author (written with git): two typed in «Autori», saved
    seen.step = "9e authors"
    seen.phase = "authors"
    open_after_save(AUTHORS_ITEM)
    expect(page.get_by_label("Titolo", exact=True)).to_have_value(AUTHORS_TITLE)
    authors = page.get_by_label(re.compile(r"^Autori\b"))  # "Autori (opzionale)"
    seen.authors["shown"] = authors.input_value()  # the file's `author`
    authors.fill(AUTHORS_JOINED)
    publish()
    # without admin.js's question: "Voce salvata", one author «Anna Rossi e Marco Bianchi»
    seen.authors["refusal"] = refusal_of(page, "sono più autori", expect)
    close_notices()
    authors.fill(AUTHORS_TYPED)
    preview = page.frame_locator("iframe").first
    byline = preview.locator(".article-meta .meta-item").nth(1)
    try:  # the preview drawn again for the names typed
        expect(byline).to_have_text("di Anna Rossi e Marco Bianchi")
    except AssertionError:
        pass  # the test says what it shows
    seen.authors["byline"] = byline.inner_text()
    publish()
    expect(page.get_by_text("Voce salvata")).to_be_visible()
    step("authors")

    # 9f. Items without a summary (and without authors) and with a summary repeating the
    # text's first paragraph: their previews, then their pages on the site
    seen.step = "9f lead and body"
    seen.phase = "lead"
    # Both sides' layout measured in the theme's font (font-display: optional: a font
    # file late on a loaded machine leaves a page, or the preview's frame, in the wider
    # fallback for the whole visit): the item opened again, the page loaded again, until
    # it is (the file then in the browser's cache)
    devtools = page.context.new_cdp_session(page)
    for path, name in ((LEAD_ITEM, LEAD_TITLE), (REPEAT_ITEM, REPEAT_TITLE)):
        for _ in range(3):
            open_after_save(path)  # (through the list: a new preview frame each time)
            expect(page.get_by_label("Titolo", exact=True)).to_have_value(name)
            preview = page.frame_locator("iframe").first
            expect(preview.get_by_role("heading", name=name)).to_be_visible()
            expect(preview.locator(".article-meta")).to_be_visible()
            settle_fonts(page.locator("iframe").first.element_handle().content_frame())
            if drawn_in_theme_font(devtools, "document.querySelector('iframe')"
                                             ".contentDocument"):
                break
        else:
            raise AssertionError(f"{path}'s preview: not drawn in {THEME_FONT}")
        seen.shown_as_site.setdefault(path, {})["preview"] = shown_article(preview)
    devtools.detach()
    step("lead")
    # the site at the preview pane's width: the stylesheet's sizes depend on it
    pane = page.locator("#preview-pane").bounding_box()
    site = page.context.new_page()
    site.set_viewport_size({"width": round(pane["width"]), "height": round(pane["height"])})
    # the pages name the site's own address (SITEURL): served from the local output
    site.route(f"{SITEURL}/**", lambda route: route.fulfill(response=route.fetch(
        url=route.request.url.replace(SITEURL, f"http://{seen.web}"))))
    site_devtools = site.context.new_cdp_session(site)
    for path, address in ((LEAD_ITEM, LEAD_URL), (REPEAT_ITEM, REPEAT_URL)):
        goto_in_theme_font(site, f"http://{seen.web}{address}", site_devtools)
        seen.shown_as_site[path]["site"] = shown_article(site)
    site.close()

    # 10. A published item's title corrected: its old address kept
    seen.step = "10 corrected items"
    seen.phase = "retitled"
    open_after_save(RETITLED)
    title = page.get_by_label("Titolo", exact=True)
    expect(title).to_have_value("Community Manager, gli orari di ricevimento a Cremona")
    title.fill(RETITLED_TITLE)
    publish()
    expect(page.get_by_text("Voce salvata")).to_be_visible()
    open_after_save(MOVED)
    date = page.get_by_label("Data e ora di pubblicazione")
    expect(date).to_have_value("2024-06-12T10:30")
    date.fill("2024-07-02T10:30")
    publish()
    expect(page.get_by_text("Voce salvata")).to_be_visible()
    open_after_save(DAY_ONLY)
    title = page.get_by_label("Titolo", exact=True)
    expect(title).to_have_value(DAY_ONLY_TITLE)
    preview = page.frame_locator("iframe").first
    expect(preview.get_by_role("heading", name=DAY_ONLY_TITLE)).to_be_visible()
    seen.day_only = {
        "form": page.get_by_label("Data e ora di pubblicazione").input_value(),
        "preview": preview.locator(".article-meta .meta-item").first.inner_text()}
    title.fill(DAY_ONLY_TITLE + " il 14 marzo")
    # its day changed in the form, whose date input has a time: 00:00
    page.get_by_label("Data e ora di pubblicazione").fill("2025-03-15T00:00")
    meta = preview.locator(".article-meta .meta-item").first
    try:  # the preview drawn again for the new day (read at once, it could be the old one)
        expect(meta).not_to_have_text(seen.day_only["preview"])
    except AssertionError:
        pass  # the same line: the test says what it shows
    seen.day_only["moved"] = meta.inner_text()
    publish()
    expect(page.get_by_text("Voce salvata")).to_be_visible()
    step("retitled")

    # 11. A new item with the title of one published the year before: refused
    seen.step = "11 new item refused"
    seen.phase = "same slug"
    # (not a click on the one notice: gone after 4 s)
    close_notices(meanwhile=lambda: page.goto(
        f"http://{seen.web}/admin/#/collections/notizie/new"))
    title = page.get_by_label("Titolo", exact=True)
    expect(title).to_have_value("")
    # the date left empty and an attachment with neither file nor title, closed: saved, the
    # form says what is missing
    date = page.get_by_label("Data e ora di pubblicazione")
    now = date.input_value()
    page.get_by_role("button", name="Pulisci").click()
    expect(date).to_have_value("")
    page.get_by_role("button", name="Aggiungi allegato").click()
    attachments = page.locator('[id^="attachments-field-"]')
    attachments.get_by_role("button", name=re.compile("^Comprimi la voce 1")).click()
    expect(attachments.get_by_role("button", name=re.compile("^Espandi la voce 1"))
           ).to_be_visible()
    seen.empty_attachment = {
        "summary": attachments.locator(HANDLE).evaluate(
            "handle => handle.parentElement.nextElementSibling.textContent"),
        "buttons": re.findall(r'^\s*- button(?: "([^"]*)")?', attachments.aria_snapshot(),
                              re.MULTILINE)}
    publish()
    errors = page.get_by_text(re.compile(r"(obbligatorio|richiesto)\.$"))
    expect(errors.first).to_be_visible()
    seen.required = errors.all_text_contents()
    close_notices()
    attachments.get_by_role("button", name=re.compile("^Rimuovi la voce 1")).click()
    expect(attachments.locator(HANDLE)).to_have_count(0)
    date.fill(now)
    title.fill(NO_SLUG_TITLE)
    page.locator('[data-slate-editor="true"]').click()
    page.keyboard.insert_text("Come l'anno scorso.")
    publish()
    # without admin.js's check: "Voce salvata" (2026-…-.md), and the build stopped
    seen.no_slug_refusal = refusal_of(page, "dal titolo non si ricava un indirizzo", expect)
    # another title, by the keyboard: back into the field (Shift+Tab selects it all), typed
    page.get_by_label("Data e ora di pubblicazione").focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.type(SAME_TITLE)
    seen.retyped = title.input_value()
    publish()
    # without admin.js's check: "Voce salvata", and the build stopped
    seen.same_slug_refusal = refusal_of(page, "ha già lo stesso indirizzo", expect)
    title.fill(DRAFT_TITLE)  # a draft's title: its slug is the draft's
    publish()
    # without admin.js's check: "Voce salvata", and the build stopped
    seen.draft_slug_refusal = refusal_of(page, "non ancora pubblicato", expect)
    title.fill("Un titolo nuovo")
    # a link written with the link button, its address relative ("programma")
    page.locator('[data-slate-editor="true"]').click()
    slate_ready(page, "selection.synced")  # Control+End from the click's caret
    page.keyboard.press("Control+End")
    slate_ready(page, "selection.synced")  # Enter at the end, not at the click's caret
    page.keyboard.press("Enter")
    page.keyboard.insert_text("il programma")
    seen.phase = "relative link"
    link_by_the_button(page, seen, expect)
    publish()
    # without admin.js's check: "Voce salvata", [il programma](programma) in the text
    seen.relative_refusal = refusal_of(page, "ha un indirizzo relativo", expect)
    close_notices()
    seen.phase = "same slug"
    page.locator('[data-slate-editor="true"]').click()
    slate_ready(page, "selection.synced")  # Control+End from the click's caret
    page.keyboard.press("Control+End")
    slate_ready(page, "selection.synced")  # Enter at the end, not at the click's caret
    page.keyboard.press("Enter")
    # Slate in the new line, the toolbar drawn anew for it: a click on it meanwhile lost
    slate_ready(page, "selection.synced && selection.collapsed && selection.leaf === ''")
    page.get_by_role("button", name="Aggiungi componente").click()
    page.get_by_role("menuitem", name="Immagine").click()
    page.get_by_label("Descrizione (testo alternativo)").fill("Il cortile")
    seen.image_box = re.findall(r'^\s*- button(?: "([^"]*)")?', page.locator(
        '[data-slate-editor="true"]').aria_snapshot(), re.MULTILINE)
    publish()
    # without admin.js's check: "Voce salvata", ![Il cortile]() in the text
    seen.no_file_refusal = refusal_of(page, "non ha il file", expect)
    step("same slug")

    # 12. An item moved to another category: Decap cannot move it; the editor deletes it
    # in Avvisi ("Cancella voce") and writes it again in Notizie, with its title and date
    # (its address stays the same): saved
    seen.step = "12 moved to another category"
    seen.phase = "move"
    seen.move = {"questions": []}
    folder, name = MOVED_CATEGORY.removesuffix(".md").split("/")
    page.goto(f"http://{seen.web}/admin/#/collections/{folder}")  # leaving: asked first
    expect(page.get_by_role("link", name="Avviso")).to_be_visible()
    page.goto(f"http://{seen.web}/admin/#/collections/{folder}/entries/{name}")
    expect(page.get_by_label("Titolo", exact=True)).to_have_value(MOVED_CATEGORY_TITLE)
    page.get_by_role("button", name="Cancella voce").click()
    expect(page.get_by_role("link", name="Avviso")).to_be_visible()  # back to the list
    page.goto(f"http://{seen.web}/admin/#/collections/notizie/new")
    page.get_by_label("Titolo", exact=True).fill(MOVED_CATEGORY_TITLE)
    page.get_by_label("Data e ora di pubblicazione").fill("2024-11-20T09:00")
    page.locator('[data-slate-editor="true"]').click()
    page.keyboard.insert_text("Il mercatino torna in piazza.")
    publish()
    notice = page.locator(".Toastify")
    try:  # without admin.js's memory of the deletion: refused, the deleted file named
        expect(notice).to_contain_text("Voce salvata")
    except AssertionError:
        pass
    else:  # before step 13 leaves it
        saved_new(MOVED_CATEGORY_FILE.removesuffix(".md").split("/")[1])
    seen.move["notice"] = notice.inner_text()
    step("move")

    # 13. "Pubblica e duplica" of a new item: the form then holds the item saved (its
    # file), not a copy, and saving it wrote over the original; a copy ("Duplica") and a
    # new item with its title took its address (not in slugs.json until the next build)
    seen.step = "13 publish and duplicate"
    seen.phase = "duplicate"
    seen.duplicate = {"questions": []}
    close_notices(meanwhile=lambda: page.goto(
        f"http://{seen.web}/admin/#/collections/notizie"))
    # (the page opened again: after the session's steps above, Decap's "Pubblica e
    # duplica" left an empty form instead, another of its outcomes)
    page.reload()
    expect(page.get_by_role("link", name="Notizia")).to_be_visible(timeout=FIRST_LOAD_MS)
    page.goto(f"http://{seen.web}/admin/#/collections/notizie/new")
    page.get_by_label("Titolo", exact=True).fill(DUP_TITLE)
    page.get_by_label("Data e ora di pubblicazione").fill("2025-02-10T10:00")
    text = page.locator('[data-slate-editor="true"]')
    text.click()
    page.keyboard.insert_text(DUP_TEXT)
    since = len(visited)
    publish("Pubblica e duplica")
    expect(page.get_by_text("Voce salvata")).to_be_visible()
    # the save's end, then the new item's form: typed before, the text went into the form
    # the save replaced
    saved_new(DUP_FILE.removesuffix(".md").split("/")[1], since)
    expect(page).to_have_url(re.compile(r"/collections/notizie/new$"))
    close_notices()
    expect(page.get_by_label("Titolo", exact=True)).to_have_value(DUP_TITLE)  # the "copy"
    text.click()
    slate_ready(page, "selection.synced")  # else Slate put the click's caret back over it
    page.keyboard.press("Control+A")
    page.keyboard.insert_text("Il testo della copia.")
    publish()
    # without admin.js's check: "Voce salvata", the original's text replaced
    seen.duplicate["not a copy"] = refusal_of(page, "non è una voce nuova", expect)
    # (the refused form's title is the same: "Salvato" below was never shown)
    close_notices(meanwhile=lambda: through_the_list(
        f"notizie/entries/{DUP_FILE.removesuffix('.md').split('/')[1]}"))
    expect(page.get_by_label("Titolo", exact=True)).to_have_value(DUP_TITLE)
    page.get_by_role("button", name="Salvato", exact=True).click()
    page.get_by_role("menuitem", name="Duplica").click()
    expect(page).to_have_url(re.compile(r"/collections/notizie/new$"))
    publish()
    # without admin.js's check: "Voce salvata" (…-1.md), and the build stopped
    seen.duplicate["copy"] = refusal_of(page, "da quando hai aperto l'editor", expect)
    # a new item, not the refused copy's form again
    close_notices(meanwhile=lambda: through_the_list("notizie/new"))
    page.get_by_label("Titolo", exact=True).fill(DUP_TITLE)
    text.click()
    page.keyboard.insert_text("Un altro testo.")
    publish()
    seen.duplicate["new"] = refusal_of(page, "da quando hai aperto l'editor", expect)
    step("duplicate")
    context.close()
    seen.phase = "end"


def other_browser(browser, seen, expect):
    """Steps 14 and 15 (the module docstring), in a browser context of their own: run
    while the session's page waits out Decap's clocks in 7b (its notice "Voce salvata"
    must outlast them: 6.5 s idle, now spent here)."""
    # 14. "＋ Notizia" in a browser set to another time zone: the date the form starts
    # with, and the one "Adesso" sets, are the site's clock time, as the hint says
    seen.step = "14 another time zone"
    seen.phase = "other zone"
    context = browser.new_context(locale="it-IT", timezone_id=OTHER_ZONE,
                                  viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(UI_MS)
    page.on("pageerror", lambda error: seen.errors.append((seen.phase, str(error))))
    page.goto(f"http://{seen.web}/admin/")
    page.get_by_role("button", name="Accedi").click(timeout=FIRST_LOAD_MS)
    # logged in, Decap moves the page from #/ to the first collection: an address opened
    # before that move could be replaced by it
    expect(page.get_by_role("link", name="Notizia")).to_be_visible()
    # an item dated with "Z": the form and the preview in Rome time
    page.goto(f"http://{seen.web}/admin/#/collections/notizie/entries/"
              + UTC_ITEM.split("/")[1].removesuffix(".md"))
    expect(page.get_by_label("Titolo", exact=True)).to_have_value(UTC_TITLE)
    preview = page.frame_locator("iframe").first
    expect(preview.get_by_role("heading", name=UTC_TITLE)).to_be_visible()
    seen.other_zone["utc"] = (page.get_by_label("Data e ora di pubblicazione").input_value(),
                              preview.locator(".article-meta .meta-item").first.inner_text())
    page.goto(f"http://{seen.web}/admin/#/collections/notizie")
    expect(page.get_by_label("Titolo", exact=True)).to_have_count(0)
    page.goto(f"http://{seen.web}/admin/#/collections/notizie/new")
    date = page.get_by_label("Data e ora di pubblicazione")
    expect(date).not_to_have_value("")
    seen.other_zone["new"] = (datetime.now(ROME), date.input_value())
    page.get_by_label("Titolo", exact=True).fill("Adesso")
    preview = page.frame_locator("iframe").first
    expect(preview.get_by_role("heading", name="Adesso")).to_be_visible()
    seen.other_zone_label = preview.locator(".article-meta .meta-item").first.inner_text()
    date.fill("2024-01-01T10:00")
    page.get_by_role("button", name="Imposta la data e l'ora di adesso").click()
    expect(date).not_to_have_value("2024-01-01T10:00")
    seen.other_zone["now"] = (datetime.now(ROME), date.input_value())

    # 15. The same form on a phone, then on a laptop zoomed in to 200 %: its layout at
    # each size; on the phone a long title (its hint under the field), then a short one
    # and a line of text saved, the toolbar then wider ("Salvato", "Cancella voce")
    seen.step = "15 small screens"
    seen.phase = "small screens"
    page.set_viewport_size(PHONE)
    page.get_by_label("Titolo", exact=True).fill(LONG_TITLE)
    expect(page.locator("[data-titolo-lungo]")).to_be_visible()
    seen.small_screens["phone"] = page.evaluate(LAYOUT_JS)
    page.get_by_label("Titolo", exact=True).fill(SMALL_TITLE)
    page.locator('[data-slate-editor="true"]').click()
    page.keyboard.insert_text("Grazie a tutti.")
    publish_item(page)
    expect(page.get_by_role("button", name="Cancella voce")).to_be_visible()
    # Decap's notice of the save ("Voce salvata"), at the top: its close button's size
    seen.toast_close = page.locator(".Toastify__close-button").first.evaluate(
        "button => [button.getBoundingClientRect().width, button.getBoundingClientRect().height]")
    expect(page).to_have_url(re.compile(r"/entries/"))  # Decap's move to the saved item
    saved = page.url
    seen.small_saved = f"notizie/{saved.rsplit('/entries/', 1)[1]}.md"
    # opened again (out of the editor first, as through_the_list): "Apri il sito" too
    page.goto(f"http://{seen.web}/admin/#/collections/notizie")
    expect(page.get_by_label("Titolo", exact=True)).to_have_count(0)
    page.goto(saved)
    expect(page.get_by_role("link", name="Apri il sito")).to_be_visible()
    seen.small_screens["phone, saved"] = page.evaluate(LAYOUT_JS)
    page.set_viewport_size(ZOOMED)
    seen.small_screens["zoom 200 %"] = page.evaluate(LAYOUT_JS)

    # 15b. On the phone again: an attachment added (its list item's handle and buttons,
    # the file's button), the controls' sizes; the build's errors in the site's notice
    # at the bottom (as preview-errors.js shows them: banner(), the local backend has no
    # preview to ask), the form scrolled to its end, its last control measured; the
    # notice closed with the keyboard
    seen.step = "15b notice on a phone"
    page.set_viewport_size(PHONE)
    page.get_by_role("button", name="Aggiungi allegato").click()
    expect(page.locator(HANDLE)).to_have_count(1)
    seen.small_targets = page.evaluate(TARGETS_JS, "[class*='-ControlPaneContainer']")
    page.evaluate(NOTICE_SHOWN_JS, NOTICE_PROBLEMS)
    notice = page.get_by_role("alert").filter(has_text="ci sono errori da correggere")
    expect(notice).to_be_visible()
    seen.notice_end = page.evaluate(FORM_END_JS)
    close = notice.get_by_role("button", name="Nascondi")
    seen.notice_closed = "no close button"
    if close.count():  # (the alert's content is there as it is shown)
        close.focus()
        page.keyboard.press("Enter")
        expect(notice).to_have_count(0)
        seen.notice_closed = page.evaluate(
            "() => document.activeElement === window.lastControl && getComputedStyle("
            "document.documentElement).getPropertyValue('--avvisi-altezza').trim()")
    context.close()


PHONE = {"width": 390, "height": 844}  # a phone's screen, in CSS pixels
ZOOMED = {"width": 640, "height": 400}  # a 1280 × 800 laptop's page at 200 % zoom
LONG_TITLE = ("Festa del quartiere al Civic Center di Crema: com'è andata la giornata di"
              " sabato, con le foto e il programma dei prossimi incontri")  # past 110
# The item's form as laid out: the page's width and how wide it scrolls; the controls
# (buttons, links, fields) shown but out of the screen, or cut off by the form's edge
# (their box past it: the form hides what overflows it); the site's own additions (the
# title's hint) past the screen; the fields' text under 16 px (iOS zooms the page in); the
# form's width, the preview's; whether the toolbar covers the form; the toolbar's controls
# drawn over each other; how many rows the text's toolbar takes (its buttons' tops, to 8 px).
LAYOUT_JS = """() => {
  const width = document.documentElement.clientWidth;
  const shown = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && !element.closest('.Toastify');
  };
  const name = (element) => (element.getAttribute('aria-label') || element.innerText
    || element.id || element.tagName).trim().slice(0, 40);
  const outside = (element) => {
    const box = element.getBoundingClientRect();
    return box.left < -0.5 || box.right > width + 0.5;
  };
  // the toolbar's controls drawn over each other (their boxes crossing)
  const overlapping = (toolbar) => {
    const boxes = [...toolbar.querySelectorAll('button, a[target], [role="button"]')]
      .filter(shown).map((control) => [name(control), control.getBoundingClientRect()]);
    return boxes.flatMap(([one, a], index) => boxes.slice(index + 1)
      .filter(([, b]) => a.left < b.right - 1 && b.left < a.right - 1
        && a.top < b.bottom - 1 && b.top < a.bottom - 1)
      .map(([other]) => one + ' / ' + other));
  };
  const controls = [...document.querySelectorAll('#nc-root button, #nc-root a, '
    + '#nc-root input, #nc-root textarea, [data-titolo-lungo]')].filter(shown);
  const form = document.querySelector('[class*="-ControlPaneContainer"]');
  const preview = document.querySelector('[class*="-StyledSplitPane"] iframe');
  const toolbar = document.querySelector('[class*="-EditorContainer"] > '
    + '[class*="-ToolbarContainer"]');
  return {
    width: width,
    scrolls: document.documentElement.scrollWidth,
    outside: controls.filter(outside).map(name),
    small_text: [...document.querySelectorAll('#nc-root input, #nc-root textarea, '
      + '#nc-root [contenteditable="true"]')].filter(shown)
      .filter((field) => parseFloat(getComputedStyle(field).fontSize) < 16).map(name),
    form: form ? Math.round(form.getBoundingClientRect().width) : 0,
    preview: preview && shown(preview) ? Math.round(preview.getBoundingClientRect().width)
      : 0,
    covered: Math.max(0, Math.round(toolbar.getBoundingClientRect().bottom
      - form.getBoundingClientRect().top)),
    overlapping: overlapping(toolbar),
    text_toolbar_rows: new Set([...document.querySelectorAll('[class*="-ControlPaneContainer"]'
      + ' [class*="-ToolbarContainer"] button')].filter(shown)
      .map((button) => Math.round(button.getBoundingClientRect().top / 8))).size,
  };
}"""
HANDLE = '[aria-describedby^="DndDescribedBy"]'  # a list item's drag handle
# Every control of the form (``root``: a selector) smaller than 24 × 24 CSS px, a
# finger's least (WCAG 2.5.8): its name and size. A control holding another one (Decap's
# toolbar menus: a span around their button) is the inner one. (The criterion also lets
# a smaller control pass with no other within 12 px of its centre, which Decap's 18 px
# tall "Adesso", "Pulisci", "Aggiungi allegato" and 18 × 26 drag handle did, far enough
# from the next one: a finger's size is asked of each, as the sheet gives it.)
TARGETS_JS = """(root) => {
  const form = document.querySelector(root);
  return [...form.querySelectorAll('button, a[href], [role="button"], [role="switch"], '
    + '[aria-describedby^="DndDescribedBy"]')]
    .filter((target) => !target.querySelector('button, a[href], [role="button"]'))
    .map((target) => [target, target.getBoundingClientRect()])
    .filter(([, box]) => box.width > 0 && box.height > 0
      && (box.width < 23.5 || box.height < 23.5))
    .map(([target, box]) => [(target.getAttribute('aria-label') || target.innerText
      || target.tagName).trim().slice(0, 40), Math.round(box.width), Math.round(box.height)]);
}"""
# A notice of Decap's (react-toastify): how its progress bar's animation (which closed it
# when it ended) is set and runs, whether the bar is shown, and its close button's size
TOAST_CLOCK_JS = """(toast) => {
  const bar = toast.querySelector('.Toastify__progress-bar');
  const close = toast.querySelector('.Toastify__close-button');
  const box = close ? close.getBoundingClientRect() : null;
  return {play: bar ? getComputedStyle(bar).animationPlayState : 'no bar',
          running: bar ? bar.getAnimations().filter((a) => a.playState === 'running').length : 0,
          shown: bar ? bar.getClientRects().length > 0 : false,
          close: box ? [Math.round(box.width), Math.round(box.height)] : null};
}"""
NOTICE_KEPT_S = 6.5  # past Decap's 4 s for "Voce salvata" (8 s: errors, same clocks)
# The build's errors, as preview-errors.js shows them after a save that broke the build
NOTICE_PROBLEMS = [f"content/notizie/2025-0{n}-01-voce.md:3: errore: `date` non è una data"
                   for n in range(1, 7)]
NOTICE_SHOWN_JS = """(problems) => {
  const list = document.createElement('ul');
  for (const problem of problems) {
    list.appendChild(document.createElement('li')).textContent = problem;
  }
  window.FareLegamiAdmin.banner('anteprima', { className: 'anteprima-errori', role: 'alert',
    failed: true, heading: 'Il sito non è stato aggiornato: ci sono errori da correggere',
    parts: [list], close: 'Nascondi' });
}"""
# The form scrolled to its end, its last control focused (window.lastControl): its box,
# the notice's top, the control at its centre (itself, not the notice)
FORM_END_JS = """() => {
  const form = document.querySelector('[class*="-ControlPaneContainer"]');
  const controls = [...form.querySelectorAll('button, a[href], input, select, textarea, '
    + '[contenteditable="true"], [tabindex]:not([tabindex="-1"])')]
    .filter((control) => control.getBoundingClientRect().height > 0);
  const control = window.lastControl = controls[controls.length - 1];
  control.focus({ preventScroll: true });
  form.scrollTop = form.scrollHeight;
  const box = control.getBoundingClientRect();
  const notice = document.querySelector('.anteprima-errori').getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return { control: control.getAttribute('aria-label') || control.getAttribute('role')
    || control.tagName, bottom: Math.round(box.bottom), notice: Math.round(notice.top),
    hit: Boolean(hit && control.contains(hit)),
    scrolled: Math.round(form.scrollHeight - form.clientHeight - form.scrollTop) };
}"""


# Where each element of an article's body is, from the body's top: its tag, its top and
# bottom (the spaces between them are the site's stylesheet's, .prose's)
BODY_LAYOUT_JS = """body => {
  const top = body.getBoundingClientRect().top;
  return Array.from(body.children).map(child => {
    const box = child.getBoundingClientRect();
    return [child.tagName.toLowerCase(), Math.round(box.top - top),
            Math.round(box.height)];
  });
}"""


def shown_article(where):
    """What an article shows, in ``where`` (a page or the preview's frame): its lead, its
    body's text and layout, its meta line."""
    body = where.locator("article .article-body")
    return {"lead": where.locator("article .lead").all_inner_texts(),
            "body": body.inner_text(),
            "layout": body.evaluate(BODY_LAYOUT_JS),
            # the site's date has no-break spaces ("20 maggio", "ore 10:00"); the visits'
            # item is empty until its script counts them (plugins/visits)
            "meta": [" ".join(item.split()) for item in
                     where.locator(".article-meta .meta-item").all_inner_texts() if item.strip()],
            "kicker": where.locator(".article-kicker").evaluate(
                "kicker => kicker.getBoundingClientRect().height"),
            # the documents: their titles (the site's say the type and size too, in
            # brackets, which the form does not know) and their colour
            "documents": where.locator(".attachment-link").evaluate_all(
                """links => links.map(link => [link.innerText.split(" (")[0],
                                               getComputedStyle(link).color])""")}


def old_addresses(page):
    """The "Indirizzi precedenti" list of the form: its parts."""
    label = page.locator('label[for^="indirizzi_precedenti-field"]')
    container = label.locator("xpath=../..")  # the field: label, list, hint
    return {"label": label, "container": container,
            "add": container.get_by_role("button", name=re.compile("indirizzo precedente")),
            "inputs": container.get_by_label("Indirizzo", exact=True),
            "hint": container.locator(":scope > p")}


def shown(addresses):
    """What the list shows: its label, hint, button, text, and the names of its controls."""
    container = addresses["container"]
    return {"label": addresses["label"].text_content(),  # as written (the CSS capitalises)
            "hint": addresses["hint"].text_content(), "add": addresses["add"].text_content(),
            "text": container.inner_text(),  # what is shown
            "names": container.locator("[aria-label], [title]").evaluate_all(
                "nodes => nodes.map(n => n.getAttribute('aria-label') || n.title)"),
            # what a screen reader is given: every button's name ("" for none)
            "buttons": re.findall(r'^\s*- button(?: "([^"]*)")?', container.aria_snapshot(),
                                  re.MULTILINE),
            "values": addresses["inputs"].evaluate_all("nodes => nodes.map(n => n.value)")}


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    header, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(header), body


def test_the_news_item_is_written_with_the_contracts_front_matter(session):
    [path] = session.written()
    assert path.name == f"{FILE_SLUG}.md"
    meta, body = front_matter(path)
    assert meta == {
        "title": SAVED_TITLE,
        "date": "2025-01-01 00:30",  # the contract's form, Rome time, as a string
        "tags": ["Crema", "Laboratori di Comunità"],
        "author": "Redazione",
        "summary": SAVED_SUMMARY,
        "image": IMAGE_SAVED,
        "image_alt": "Il cortile del Civic Center di Crema con sedie e tavoli",
        "attachments": [{"file": PDF_SAVED, "title": "Programma dell'incontro",
                         "description": "Date, orari e luoghi dei quattro incontri."}],
        "indirizzi_precedenti": OLD_ADDRESSES,
        "status": "published",
    }
    # the line break is two spaces (admin.js), not the CMS's backslash; the pasted
    # level-1 heading is one level down (admin.js); a typed "<" is &lt; (admin.js)
    assert body.strip("\n") == f"{SAVED_BODY[0]}  \n{SAVED_BODY[1]}\n\n{PASTED_HEADING}"


def test_a_new_items_file_is_named_with_the_sites_slug(session):
    """Decap's own slug of a title drops a straight apostrophe ("laboratorio-destate");
    the file is named as the site names the page's address and ``./run new`` the file
    (plugins/italian/slugs.py): save.js saves the elisions' apostrophes typographic, a
    word break to Decap too."""
    subs = slug_substitutions()
    [path] = session.written()
    assert path.stem == "2025-01-01-" + title_slug(TITLE, subs)
    assert path.stem.removeprefix("2025-01-01-") == SITE_URL.strip("/").split("/")[-1]
    assert session.small_saved.endswith("-" + title_slug(SMALL_TITLE, subs) + ".md"), \
        session.small_saved
    assert title_slug(SMALL_TITLE, subs) == "festa-del-quartiere-com-e-andata"


def test_the_uploads_are_written_intact_under_allegati_and_immagini(session):
    assert (session.repo / "content" / PDF_SAVED).read_bytes() == PDF_BYTES
    assert (session.repo / "content" / IMAGE_SAVED).read_bytes() == PNG_BYTES
    # nothing but the item and its two uploads was added to the working copy
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"],
                            cwd=session.repo, capture_output=True, text=True, check=True)
    assert sorted(line[3:] for line in status.stdout.splitlines()) == sorted(
        [f"content/notizie/{FILE_SLUG}.md", f"content/{PDF_SAVED}", f"content/{IMAGE_SAVED}",
         f"content/{NATIVE}", f"content/{ONE_ADDRESS}", f"content/{RETITLED}",
         f"content/{MOVED}", f"content/{MOVED_CATEGORY}", f"content/{MOVED_CATEGORY_FILE}",
         f"content/{DUP_FILE}", f"content/{DAY_ONLY}", f"content/{BARE}",
         f"content/{AUTHORS_ITEM}", f"content/{session.small_saved}"])


def test_a_typed_less_than_is_shown_as_typed_when_the_item_is_opened_again(session):
    """admin.js writes a typed "<entro il 30 giugno>" as "&lt;entro il 30 giugno>" (the
    site's Markdown read an HTML element), and Decap shows an entity as written: opened
    again, the item read "&lt;" in the summary, the text and the preview. admin.js gives
    them the "<" again; saved again, the file is the same (no "&amp;lt;"): the news item
    test reads it after this second save."""
    shown = session.reopened
    assert shown["summary"] == SUMMARY
    # (Slate marks the line break with a zero-width no-break space)
    assert " ".join(shown["text"].replace("\ufeff", "").split()).startswith(" ".join(BODY))
    assert " ".join(shown["lead"].split()) == SUMMARY
    # (the preview's apostrophes are the site's: «d’estate», previews.js)
    assert " ".join(shown["preview"].split()).startswith(" ".join(BODY).replace("'", "’"))
    assert "&lt;" not in "".join(shown.values())


def test_the_preview_shows_the_title_with_the_sites_apostrophes(session):
    """«Laboratorio d'estate…» typed: the site shows «d’estate» (plugins/italian's
    apostrophes), and so does the preview (it showed the title as typed). Its lead and
    text too: the reopened item's text above, the lead item's lead (compared with the
    site's page: test_the_preview_shows_the_lead_body_and_meta_line_as_the_site)."""
    assert "'" in TITLE
    assert session.preview_title == SAVED_TITLE == TITLE.replace("'", "’"), \
        session.preview_title


def test_the_interface_is_in_italian(session):
    # Decap's Italian misses phrases (shown in English: "Expand", "Close"…) and keeps
    # "Upload": admin.js adds them
    assert set(session.untranslated) <= SAME_IN_ITALIAN, session.untranslated
    assert session.upload_label == "Carica dal computer"
    # the "+" menu of the text: an image, named in Italian; no "Code Block"
    assert session.components == ["Immagine"]


def test_a_file_just_uploaded_is_not_called_a_draft(session):
    """Decap marks an upload the item's save has not written yet "Bozza", the word the
    guide and the «Stato» field use for an item kept off the site: the PDF just chosen
    for a published item looked as if it would stay unpublished. phrases.js: "Da
    salvare"."""
    assert session.upload_badges == ["Da salvare"], session.upload_badges


@pytest.fixture(scope="module")
def built_after(session):
    """The site built from the content the session left (one build for the tests that
    read it: the same content and settings)."""
    return build_site(session.work, {}, content=session.repo / "content",
                      output=session.work / "output-after", settings=QUICK)


def test_a_saved_items_link_to_the_site_says_it_opens_the_site(session, built_after):
    """Decap's "Guarda Live" (half English) on a saved item: «Apri il sito», opening the
    item's own page, though the item has no slug of its own and its title an apostrophe
    and an accent: the address the build makes from its title, which Decap's
    preview_path cannot (plugins/admin/config.py), made by live-link.js with slugs.js'
    siteSlug; it opened the category's listing."""
    assert session.site_link["text"].strip() == "Apri il sito", session.site_link
    [path] = session.written()
    assert "slug" not in front_matter(path)[0]
    built = built_after
    assert built.ok, built.log
    address = json.loads(built.text("/admin/slugs.json"))["addresses"][
        path.relative_to(session.repo / "content").as_posix()]
    assert built.soup(address).find("h1").get_text().strip() == TITLE.replace("'", "’")
    assert session.site_link["href"] == SITEURL + address, session.site_link


def test_the_old_addresses_are_a_list_of_the_texts_typed(session):
    """plugins/redirects' list of one string field: Decap writes a YAML list of strings
    (the contract's form), not a list of {indirizzo: …}, each address as typed."""
    [path] = session.written()
    meta, _ = front_matter(path)
    assert meta["indirizzi_precedenti"] == OLD_ADDRESSES
    text = path.read_text(encoding="utf-8")
    assert "indirizzi_precedenti:\n" + "".join(f"  - {a}\n" for a in OLD_ADDRESSES) in text
    assert session.old_field["values"] == OLD_ADDRESSES


def test_the_old_addresses_field_is_in_italian(session):
    shown = session.old_field
    assert shown["label"] == "Indirizzi precedenti (opzionale)"
    # the editor adds an address here itself (old-addresses.js): the hint says so
    assert shown["hint"].startswith("Gli indirizzi che questa voce aveva prima, uno per"
                                    " riga:")
    assert "l'editor aggiunge da solo quello vecchio: lascialo" in shown["hint"]
    assert shown["add"] == "Aggiungi indirizzo precedente"
    assert "2 indirizzi precedenti" in shown["text"]
    words = set(re.findall(r"[A-Za-z]+", shown["text"] + " " + " ".join(shown["names"])))
    english = {"Add", "Remove", "Delete", "Expand", "Collapse", "Drag", "item", "items",
               "Item", "Items", "list"}
    assert not words & english, (words & english, shown)


def test_the_buttons_of_a_lists_items_are_named_and_move_it_by_the_keyboard(session):
    """Each item of Decap's lists has three icon buttons (show or hide its fields, the
    drag handle, remove) without a name: a screen reader read "pulsante" three times,
    and the handle's role in English ("sortable"). Its hidden instructions said to press
    the space bar and the arrows, but Decap gives the lists no keyboard: nothing moved.
    admin.js names them, and the up and down arrows on a handle move its item. The list's
    own button (all its items shown or not) was "Comprimi" alone, as every list's: it
    says which list, and so do its items' buttons ("Rimuovi la voce 1" alone was the same
    in every list: which list's item was removed?)."""
    shown = session.old_field
    of = " dell'elenco Indirizzi precedenti"
    assert shown["buttons"] == [
        "Comprimi l'elenco Indirizzi precedenti", "Aggiungi indirizzo precedente",
        "Comprimi la voce 1" + of, "Sposta la voce 1 di 2" + of,
        "Sposta in su la voce 1" + of, "Sposta in giù la voce 1" + of, "Rimuovi la voce 1" + of,
        "Comprimi la voce 2" + of, "Sposta la voce 2 di 2" + of,
        "Sposta in su la voce 2" + of, "Sposta in giù la voce 2" + of, "Rimuovi la voce 2" + of]
    assert session.empty_attachment["buttons"] == [
        "Espandi l'elenco Allegati", "Aggiungi allegato",
        "Espandi la voce 1 dell'elenco Allegati", "Sposta la voce 1 di 1 dell'elenco Allegati",
        "Sposta in su la voce 1 dell'elenco Allegati",
        "Sposta in giù la voce 1 dell'elenco Allegati",
        "Rimuovi la voce 1 dell'elenco Allegati"]
    assert shown["handle role"] is None  # a button (dnd-kit's: "sortable")
    assert shown["instructions"] == ("Per spostare una voce dell'elenco usa i suoi pulsanti"
                                     " ↑ e ↓ o i tasti freccia su e giù, oppure trascinala"
                                     " con il mouse.")
    up, down = shown["moves"]
    assert up["values"] == OLD_ADDRESSES[::-1]
    assert up["focused"] == "Sposta la voce 1 di 2" + of  # the handle of the item moved
    assert "Voce spostata al posto 1 di 2." in up["said"]
    assert down["values"] == OLD_ADDRESSES
    assert down["focused"] == "Sposta la voce 2 di 2" + of
    assert "Voce spostata al posto 2 di 2." in down["said"]
    # the region saying it was on the page, empty, before the first move: one that arrives
    # with its text is not read out
    assert shown["arrived"] == [""], shown["arrived"]
    # named at once after each change (two items added, moved up and down; step 5's
    # notice): given at the next frame, the handle focused still said its old place
    assert session.screen_reader["stale"] == [], session.screen_reader["stale"]


def test_a_lists_item_moves_with_a_click_on_its_buttons_without_dragging(session):
    """WCAG 2.5.7 (Dragging Movements): a list's items (attachments, old addresses) moved
    with a mouse or a finger only by dragging their handle (the keyboard had the arrows).
    Each item has ↑ and ↓ buttons beside its handle: a click moves it, the focus stays on
    the moved item's button, the new place is announced; the first item's ↑ (and the last
    one's ↓) is marked unavailable and does nothing."""
    of = " dell'elenco Indirizzi precedenti"
    down, up, first_up = session.old_field["clicks"]
    assert down["values"] == OLD_ADDRESSES[::-1]
    assert down["focused"] == "Sposta in giù la voce 2" + of  # on the moved item's button
    assert "Voce spostata al posto 2 di 2." in down["said"]
    assert up["values"] == OLD_ADDRESSES
    assert up["focused"] == "Sposta in su la voce 1" + of
    assert "Voce spostata al posto 1 di 2." in up["said"]
    assert first_up["values"] == OLD_ADDRESSES  # unavailable: nothing moved
    assert first_up["focused"] == "Sposta in su la voce 1" + of


UNNAMED = re.compile(r"^\s*- (button|link|textbox|switch|combobox|checkbox|menuitem"
                     r"|searchbox|progressbar)\b(?! \")", re.MULTILINE)


def test_every_control_of_the_form_and_the_notices_has_an_italian_name(session):
    """What a screen reader is given (Chromium's accessibility tree): Decap left the text's
    box without a name (its label is not tied to it), the Markdown switch without name or
    state, the toolbar's menus as a button without a name around a named one (two stops
    of Tab), the preview pane without a title, and the notices' "close" and "notification
    timer" in English (the timer no longer shown: the notices stay, notices.js), and each
    list's own button "Espandi" (or "Comprimi") alone, the same for every list. admin.js
    names them."""
    form, notice = session.screen_reader["form"], session.screen_reader["notice"]
    assert UNNAMED.findall(form + notice) == []
    lists = re.findall(r'^\s*- button "((?:Espandi|Comprimi)\b[^"]*)"', form, re.MULTILINE)
    assert sorted(lists) == ["Espandi l'elenco Allegati",
                             "Espandi l'elenco Indirizzi precedenti"], lists
    assert '- textbox "Testo":' in form
    assert '- switch "Markdown"\n' in form  # not checked: formatted text
    assert '- button "Intestazioni"\n' in form and '- button "Aggiungi componente"\n' in form
    assert session.screen_reader["frame"] == "Anteprima"
    # the text's image: a box of fields, no list; its button was "Comprimi" alone
    assert session.image_box == ["Comprimi il riquadro Immagine", "Scegli un'immagine"]
    assert '- button "Chiudi l\'avviso"' in notice
    assert "close" not in notice and "notification" not in notice


def test_an_old_address_written_as_one_text_is_shown_and_saved(session):
    """The contract allows one text instead of a list; Decap's list of one field failed
    on it ("l.map is not a function": the whole editor was an error page). admin.js
    shows it as a list of one, saved as a list when the editor changes it."""
    shown = session.one_address
    assert "failed" not in shown, shown["failed"]
    assert shown["values"] == [ONE_ADDRESS_OLD]
    assert "1 indirizzo precedente" in shown["text"]
    assert ONE_ADDRESS_OLD in shown["text"]  # the collapsed entry shows its address
    meta, body = front_matter(session.repo / "content" / ONE_ADDRESS)
    assert meta == {"title": ONE_ADDRESS_TITLE, "date": "2024-09-11 18:00", "tags": ["Crema"],
                    "indirizzi_precedenti": [ONE_ADDRESS_OLD, ONE_ADDRESS_ADDED]}
    assert body.strip("\n") == "Testo."


def test_attachments_written_as_bare_paths_are_shown_and_saved(session):
    """The contract lets an attachment be a bare path (``- allegati/2024/bando.pdf``):
    Decap's list of file, title and description could not save such an item (nothing
    happened on "Pubblica ora": Decap's "e.get is not a function"). admin.js gives the
    form each bare path as an attachment with that file; saved, it is written as the
    form writes one (``- file: …``), the other attachment as it was."""
    assert session.bare["saved"], session.bare
    assert BARE_FILES[0] in session.bare["text"] and BARE_FILES[1] in session.bare["text"]
    meta, _ = front_matter(session.repo / "content" / BARE)
    assert meta["summary"] == BARE_SUMMARY
    assert meta["attachments"] == [{"file": BARE_FILES[0]},
                                   {"file": BARE_FILES[1], "title": "Il modulo di domanda"}]


def test_the_preview_names_a_drafts_date_as_the_site_does(session):
    """The site's meta line calls a draft's date "Data:" (a noun, with its colon, in a
    label of its own: plugins/article_meta); the preview said "Data" with no colon and
    no label."""
    label = date_label(SimpleNamespace(is_bozza=True, is_programmato=False))
    assert session.draft["label"] == [label]
    assert session.draft["meta"].startswith(label + " martedì 1\u00a0dicembre 2026"), \
        session.draft  # the no-break space of the site's date


def test_a_pages_preview_shows_what_the_page_shows(session):
    """A page shows neither its summary nor its cover (theme/templates/page.html: they
    are for search engines and shared links); its preview showed the summary typed under
    the title, which the editor never found on the site."""
    assert "Come raggiungerci" not in session.page_preview["text"], session.page_preview
    assert session.page_preview["classes"] == "article page"


def test_a_date_written_with_an_offset_is_shown_and_saved_in_rome_time(session):
    """The contract allows ISO 8601 with an offset, shown by the site in Rome time.
    Decap showed its clock time (16:00 for 18:00 in Rome) and, once the editor changed
    the day, saved it as Rome time: two hours off. admin.js gives the form Rome time."""
    assert session.one_address["date"] == ONE_ADDRESS_SHOWN
    meta, _ = front_matter(session.repo / "content" / ONE_ADDRESS)
    assert meta["date"] == ONE_ADDRESS_MOVED.replace("T", " ")


def test_now_is_the_sites_time_in_a_browser_set_to_another_zone(session):
    """A new item's date ("{{now}}") and the date "Adesso" sets are written as Rome time
    (the contract's date without an offset), and the preview calls it published. Decap
    took the browser's clock: in New York an item was dated six hours early (so it read
    on the site), and the preview said "Sarà pubblicato"; ahead of Rome (Athens, Tokyo)
    it was dated later, scheduled, and held back until a later build."""
    for how in ("new", "now"):
        rome, shown = session.other_zone[how]
        form = datetime.strptime(shown, "%Y-%m-%dT%H:%M")
        # compared as instants: two datetimes of one zone subtract as wall clocks, an hour
        # off when the clocks change between the two readings (02:59 summer time, then
        # 02:00 winter time); in the hour the clocks go back, the form's time names two
        # instants, either one
        instants = {form.replace(tzinfo=ROME, fold=fold).timestamp() for fold in (0, 1)}
        assert any(-120 <= instant - rome.timestamp() <= 60 for instant in instants), (
            how, shown, rome)
    assert session.other_zone_label.startswith("Pubblicato "), session.other_zone_label


def test_a_date_written_in_utc_is_shown_in_rome_time_in_any_browser(session):
    """A date with "Z" (the contract's ISO form, 23:30 UTC on 30 June: 1 July, 01:30 in
    Rome) is a Date to Decap's YAML, not a text: the form showed it in the browser's time
    (19:30 on 30 June in New York, saved as Rome time once the day was changed) and the
    preview's meta line Date's English text ("Sun Jun 30 2024 19:30:00 GMT-0400…")."""
    form, meta = session.other_zone["utc"]
    assert form == "2024-07-01T01:30"
    assert " ".join(meta.split()) == "Pubblicato lunedì 1 luglio 2024, ore 01:30"


def test_a_cover_image_without_description_is_refused_with_the_reason(session):
    assert "manca la descrizione dell'immagine di copertina" in session.refusal
    assert "Error" not in session.refusal  # no English word in the Italian sentence
    assert session.written_after_refusal == []


def test_a_new_title_with_a_published_items_slug_is_refused_with_the_reason(session):
    """Two articles with one slug stop the build (even a year apart), and Decap saved
    the second without a word; admin.js makes the slug as the site does and looks it
    up in admin/slugs.json. Nothing is written (the git status test)."""
    assert ("un articolo pubblicato ha già lo stesso indirizzo (fine dell'indirizzo"
            " «come-proporre-un-patto-gener-attivo», notizie/2024-10-15-patto-gener-attivo.md)"
            ) in session.same_slug_refusal
    assert "Error" not in session.same_slug_refusal
    assert ("un articolo non ancora pubblicato (una bozza, o un articolo programmato o"
            " nascosto) ha già lo stesso indirizzo (fine dell'indirizzo"
            " «festa-di-fine-anno-al-civic-center»)"
            ) in session.draft_slug_refusal, session.draft_slug_refusal
    assert "notizie/" not in session.draft_slug_refusal  # nothing of the draft but its slug
    assert "Slug (fine dell'indirizzo)" in session.same_slug_refusal


def test_a_corrected_title_keeps_the_old_address(session):
    """The address ends with the title's slug: a corrected title moved a published item
    and its old address led nowhere. admin.js adds it to the old addresses."""
    meta, _ = front_matter(session.repo / "content" / RETITLED)
    assert meta["title"] == RETITLED_TITLE
    assert meta["indirizzi_precedenti"] == [RETITLED_OLD_URL]


def test_a_date_moved_to_another_month_keeps_the_old_address(session):
    """An article's address has the year and month of its date (ARTICLE_URL)."""
    meta, _ = front_matter(session.repo / "content" / MOVED)
    assert meta["date"] == "2024-07-02 10:30"
    assert meta["indirizzi_precedenti"] == [MOVED_OLD_URL]


def test_an_item_dated_by_its_day_is_shown_and_kept_without_a_time(session):
    """``date: 2025-03-14`` (no time) is midnight, which the site shows as the day alone:
    the editor's preview shows it so too, and its day changed in the form (whose date
    input has a time, 00:00) is saved as the day alone ("2025-03-15 00:00" showed
    "ore 00:00" on the site, a time nobody meant)."""
    assert " ".join(session.day_only["preview"].split()) == "Pubblicato venerdì 14 marzo 2025"
    assert session.day_only["form"] == "2025-03-14T00:00"  # the date input needs a time
    assert " ".join(session.day_only["moved"].split()) == "Pubblicato sabato 15 marzo 2025"
    header = (session.repo / "content" / DAY_ONLY).read_text(encoding="utf-8").split("---")[1]
    assert re.search(r"^date: '?2025-03-15'?$", header, re.MULTILINE), header


def test_an_item_deleted_and_written_again_in_another_category_is_saved(session):
    """Decap cannot move an item to another category: the editor deletes it and writes
    it again in the other collection, with its title (the same address). admin.js
    refused the save: slugs.json, until the next build, gave the address to the deleted
    file, which the notice named, telling the editor to change the title (and with it
    the address). The deletions of the session are remembered."""
    assert "Voce salvata" in session.move["notice"], session.move
    # (leaving step 11's unsaved item, then "Cancella voce")
    assert session.move["questions"] == ["Vuoi davvero abbandonare questa pagina?",
                                         "Vuoi davvero cancellare questa voce? Il file"
                                         " viene eliminato e, se la voce era sul sito,"
                                         " sparisce con la prossima pubblicazione."]
    assert not (session.repo / "content" / MOVED_CATEGORY).exists()
    meta, body = front_matter(session.repo / "content" / MOVED_CATEGORY_FILE)
    assert (meta["title"], meta["date"]) == (MOVED_CATEGORY_TITLE, "2024-11-20 09:00")
    assert body.strip("\n") == "Il mercatino torna in piazza."


def test_a_copy_never_replaces_the_original_nor_takes_its_address(session):
    """Decap's "Pubblica e duplica" of a new item saved it, then showed the form of a new
    item with that item in it (its file): not a copy, and the "copy" saved was written
    over the original, whose text was lost ("Pubblica e crea una nuova voce" the same). admin.js
    refuses it. A copy made with
    "Duplica", and a new item, with the title of an item saved in the session had its
    address (Decap gave it another file name): the build stopped, and slugs.json, the
    last build's, did not know the first. admin.js remembers the items it saved."""
    shown = session.duplicate
    meta, body = front_matter(session.repo / "content" / DUP_FILE)
    assert (meta["title"], body.strip("\n")) == (DUP_TITLE, DUP_TEXT), shown
    assert [path.name for path in session.repo.glob(f"content/notizie/*{DUP_SLUG}*")] == \
        [DUP_FILE.split("/")[1]]
    assert (f"questo modulo non è una voce nuova, ma la voce appena salvata ({DUP_FILE}):"
            " salvandolo la sostituiresti") in shown["not a copy"], shown
    assert "«Duplica»" in shown["not a copy"] and "Error" not in shown["not a copy"]
    for how in ("copy", "new"):
        assert (f"un articolo salvato da quando hai aperto l'editor («{DUP_TITLE}») ha già"
                f" lo stesso indirizzo (fine dell'indirizzo «{DUP_SLUG}»)") in shown[how], \
            (how, shown)


def test_a_title_selected_by_the_keyboard_is_replaced_by_the_one_typed(session):
    """Shift+Tab (or Tab) into a field selects its text, and typing replaces it. Decap's
    one-line fields put the caret back where the last change had left it when they take
    the focus: the selection was lost and the new title added to the old one
    ("🎉 &#x2800;Come proporre…"). admin.js leaves a selection as it is."""
    assert session.retyped == SAME_TITLE


def test_a_title_without_a_slug_is_refused_with_the_reason(session):
    """A title of emoji, or of what the site's slug keeps nothing of ("&#x2800;", Braille's
    blank: a sign nobody reads), gives no slug: Decap saved it (emoji only: as
    notizie/<date>-.md) and the build refused it ("dal titolo non si ricava un
    indirizzo"). admin.js refuses it, judging the characters by the build's unidecode
    (the page's data-letterless)."""
    assert "dal titolo non si ricava un indirizzo" in session.no_slug_refusal
    assert "«Slug (fine dell'indirizzo)»" in session.no_slug_refusal
    assert not [path for path in session.repo.glob("content/notizie/*.md")
                if path.name.endswith("-.md") or "2800" in path.name]


def test_a_required_field_left_empty_is_named_in_a_sentence_that_agrees(session):
    """Decap's Italian "%{fieldLabel} è richiesto." agreed with a masculine singular label
    only: "Data e ora di pubblicazione è richiesto." admin.js names the field instead."""
    assert session.required == [f"Il campo «{name}» è obbligatorio." for name in (
        "Titolo", "Data e ora di pubblicazione", "File", "Testo")], session.required


def test_a_closed_attachment_without_file_nor_title_says_so(session):
    """The closed item's summary was "()" (Decap's template "{{fields.title}}
    ({{fields.file}})" with both empty)."""
    assert session.empty_attachment["summary"] == "Allegato (senza file)"


def test_an_image_in_the_text_without_its_picture_is_refused(session):
    """Decap wrote ![Il cortile]() and the site published <img src=""> without a word."""
    assert "un'immagine nel testo non ha il file" in session.no_file_refusal
    assert not list(session.repo.glob("content/notizie/*un-titolo-nuovo.md"))


def test_a_relative_link_of_the_link_button_is_refused_with_the_reason(session):
    """A link typed with the link button, its address "programma": Decap saved it ("Voce
    salvata"), and the build refused the site (a relative link). admin.js names it and
    says what to write; the item is not written."""
    assert session.link_prompts[-1] == "Inserisci l'indirizzo del collegamento"
    assert ": il link «programma» nel testo ha un indirizzo relativo" in \
        session.relative_refusal, session.relative_refusal
    assert "{filename}/pages/contatti.md" in session.relative_refusal  # what to write
    assert "/archivio/" in session.relative_refusal
    assert "Error" not in session.relative_refusal
    assert not list(session.repo.glob("content/notizie/*un-titolo-nuovo.md"))


def test_a_native_header_is_saved_as_front_matter(session):
    meta, body = front_matter(session.repo / "content" / NATIVE)
    assert meta == {"title": "Apre lo sportello di Soresina", "date": "2024-03-01 09:30",
                    "tags": ["Soresina", "Sportelli"], "summary": "Ogni martedì mattina."}
    assert body.strip("\n") == "Lo sportello è in biblioteca."


def test_deleting_a_file_warns_that_an_item_using_it_stops_the_publication(session):
    """The media library deletes a file at once, also one another item uses (the build
    then stops: its image or attachment is missing); Decap's question did not say so."""
    assert session.delete_question.startswith("Vuoi davvero cancellare il file selezionato?")
    assert "se lo usa un articolo, anche diverso da quello aperto, la pubblicazione del" \
        " sito si ferma" in session.delete_question


def test_an_upload_never_replaces_a_published_file(session):
    assert "c'è già un file con questo nome (immagini/2025/cortile-civic-center.png)" in \
        session.replace_refusal
    assert "Error" not in session.replace_refusal
    assert (session.repo / "content" / TAKEN).read_bytes() == TAKEN_BYTES


def test_invoke_check_finds_no_problem(session):
    status, out, err = run_tool(session.work, "check", "--content",
                                str(session.repo / "content"))
    assert status == 0, out + err
    assert out == ""
    assert "0 errori, 0 avvisi" in err


def test_the_site_builds_with_the_item_and_its_attachment(session, built_after):
    built = built_after
    assert built.ok, built.log
    page = built.soup(SITE_URL)
    # the text as read (no space before the colon after the span of "Crema")
    assert page.find("h1").get_text().strip() == TITLE.replace("'", "’")
    [link] = page.select(".attachments a.attachment-link")
    assert " ".join(link.get_text(" ", strip=True).split()).startswith(
        "Programma dell’incontro (PDF,")
    assert link["href"].endswith("/allegati/2025/programma-dell-incontro-e.pdf")
    assert built.path("/allegati/2025/programma-dell-incontro-e.pdf").read_bytes() == PDF_BYTES
    assert [a.get_text(strip=True) for a in page.select(".tag-list a")] == \
        ["Crema", "Laboratori di Comunità"]
    assert page.select_one(".article-cover img")["alt"].startswith("Il cortile")
    [paragraph] = page.select(".article-body p")
    assert [h.get_text() for h in page.select(".article-body h2")] == ["Gli incontri"]
    assert paragraph.find("br") and "\\" not in paragraph.get_text()
    # what was typed, "<" included (it stopped the build: "elemento HTML non ammesso")
    assert "(luogo: <da definire>)." in " ".join(paragraph.get_text().split())
    assert " ".join(page.select_one(".lead").get_text().split()).endswith(
        "(iscrizioni <entro il 30 giugno>).")
    # plugins/redirects: a page at each old address (the path; the full address's path)
    # that leads to the item
    moves = {**dict.fromkeys(OLD_PAGES, SITE_URL),
             **dict.fromkeys([ONE_ADDRESS_OLD, ONE_ADDRESS_ADDED], ONE_ADDRESS_URL),
             RETITLED_OLD_URL: RETITLED_URL,  # the corrected title's old address
             MOVED_OLD_URL: MOVED_URL}  # the address of the month before
    for old, new in moves.items():
        moved = built.soup(old)
        assert moved.find("meta", attrs={"http-equiv": "refresh"})["content"] == \
            f"0; url={new}", old
        assert moved.find("link", rel="canonical")["href"] == SITEURL + new
    # the item moved to Notizie, at the address it had in Avvisi
    assert built.soup(MOVED_CATEGORY_URL).select_one(".article-kicker").get_text(
        strip=True) == "Notizie"
    moved = built.soup(ONE_ADDRESS_URL)
    heading = moved.find("h1").get_text(" ", strip=True)
    assert " ".join(heading.split()) == ONE_ADDRESS_TITLE  # a no-break space after "al"
    meta_line = " ".join(moved.select_one(".article-meta").get_text(" ", strip=True).split())
    assert "11 settembre 2024" in meta_line and "18:00" in meta_line, meta_line
    # the item whose attachments were bare paths: the documents, and the preview named
    # them and its authors as the site does (a document without a title by its file's
    # name made a title, "Bando", not "bando.pdf"; the authors' list, not nothing)
    bare = built.soup("/2024/04/il-bando-per-gli-orti-di-quartiere/")
    labels = [label.get_text(" ", strip=True).split(" (")[0]
              for label in bare.select(".attachments .attachment-label")]
    assert labels == ["Bando", "Il modulo di domanda"]
    assert session.bare["documents"] == labels
    authors = bare.select(".article-meta .meta-item")[1].get_text("", strip=False)
    assert " ".join(authors.split()) == "di Anna Rossi e della Redazione"
    assert session.bare["meta"][1] == "di Anna Rossi e della Redazione", session.bare


def test_two_authors_typed_in_the_form_are_two_authors_on_the_site(session, built_after):
    """«Autori» of an item written with git by one author (`author: Anna Rossi`) shows
    her; two names typed with «e» are asked about and, being two, refused with how to
    write them; typed with a comma, the preview's byline is the site's, and the item is
    saved with `authors` (the string field «Autore» wrote `author: Anna Rossi, Marco
    Bianchi`, one author of that name, one page). The site built from the saved file
    names both and links each one's page."""
    assert session.authors["shown"] == "Anna Rossi", session.authors
    [question] = session.authors["questions"]
    assert f"«{AUTHORS_JOINED}»" in question and f"({AUTHORS_TYPED})" in question
    assert "separali con una virgola" in session.authors["refusal"], session.authors
    assert AUTHORS_TYPED in session.authors["refusal"]
    assert session.authors["byline"] == "di Anna Rossi e Marco Bianchi", session.authors
    meta, body = front_matter(session.repo / "content" / AUTHORS_ITEM)
    assert meta["authors"] == ["Anna Rossi", "Marco Bianchi"] and "author" not in meta
    assert body.strip() == "Testo."
    built = built_after
    assert built.ok, built.log
    assert "più nomi" not in built.log  # the contract's warning for `author: A, B`
    byline = built.soup(AUTHORS_URL).select(".article-meta .meta-item")[1]
    assert " ".join(byline.get_text(" ", strip=True).split()) == \
        "di Anna Rossi e Marco Bianchi"
    links = [urlsplit(a["href"]).path for a in byline.select("a")]
    assert links == ["/autori/anna-rossi/", "/autori/marco-bianchi/"]
    for link, name in zip(links, ("Anna Rossi", "Marco Bianchi")):
        author_page = built.soup(link)
        assert name in author_page.find("h1").get_text(" ", strip=True)
        assert AUTHORS_URL in {urlsplit(a["href"]).path for a in author_page.select("a")}


def test_no_request_left_this_machine_and_the_console_stayed_clean(session):
    allowed = {session.web, session.cms}
    foreign = [url for url in session.requests
               if not url.startswith(("blob:", "data:")) and urlsplit(url).netloc not in allowed]
    assert not foreign, foreign
    # admin.js looks every new upload up on the site (HEAD): those not there yet fail
    # (404; Chromium reports a HEAD request, answered or not, as aborted)
    uploads = {f"/{IMAGE_SAVED}", f"/{PDF_SAVED}", f"/{TAKEN}"}
    failed = [(status, url) for status, url in session.failed
              if not (status in (404, "net::ERR_ABORTED") and urlsplit(url).path in uploads)
              # the preview pane redrawn while a font of the site's was loading cancels
              # that load: no fault, as long as the same file was served in the session
              and not (status == "net::ERR_ABORTED" and url in session.served)]
    assert not failed, (failed, session.server_log)
    assert not session.dialogs
    # only the refused save reports an error (the CMS logs the reason and rethrows)
    outside = [(phase, text) for phase, text in session.errors
               if phase not in ("refused", "replaced", "same slug", "relative link",
                                "duplicate", "authors")
               and "status of 404" not in text]
    assert not outside, outside
    assert any("descrizione dell'immagine" in text for _, text in session.errors)


def test_the_preview_shows_the_lead_body_and_meta_line_as_the_site(session):
    """An item without a summary: the site shows its text's first paragraph as the lead,
    above the meta line, and not again in the body; with a summary repeating that
    paragraph, the summary, and the body without it (plugins/article_meta). The preview
    left the paragraph in the body (and no lead at all). The body's elements are spaced
    as on the site (the stylesheet's .prose: Decap's <div> between them and the
    site's element, with its own margins, left a heading against the paragraph above);
    the meta line is the site's: no authors in the file, "della Redazione" (the default
    author; the preview had no byline), and the reading time."""
    for path, shown in session.shown_as_site.items():
        preview, site = shown["preview"], shown["site"]
        assert site["lead"] and preview["lead"] == site["lead"], (path, shown)
        assert preview["body"] == site["body"], (path, shown)
        assert preview["meta"] == site["meta"], (path, shown)
        assert preview["kicker"] == site["kicker"], (path, shown)
        assert preview["documents"] == site["documents"], (path, shown)
        # the same elements, at the same heights from the body's top where their lines are
        # as long (the preview pane is narrower: only the tags and the spaces compared)
        assert [tag for tag, *_ in preview["layout"]] == [tag for tag, *_ in site["layout"]]

        def gaps(layout):
            return [below[1] - (above[1] + above[2]) for above, below in zip(layout, layout[1:])]
        assert preview["layout"][0][1] == site["layout"][0][1] == 0, (path, shown)
        assert gaps(preview["layout"]) == gaps(site["layout"]), (path, shown)
    lead = session.shown_as_site[LEAD_ITEM]["site"]
    assert lead["lead"] == ["Lo sportello di Crema cambia orario per l’estate."]
    assert "Lo sportello" not in lead["body"]
    assert "della Redazione" in lead["meta"]
    repeat = session.shown_as_site[REPEAT_ITEM]["site"]
    assert repeat["lead"] == [REPEAT_SUMMARY] and "Il cortile" not in repeat["body"]
    assert [title for title, _ in repeat["documents"]] == ["Il regolamento del cortile"]


def test_the_preview_uses_the_sites_stylesheets(session):
    paths = {urlsplit(url).path for url in session.requests
             if urlsplit(url).netloc == session.web}
    assert any(re.fullmatch(r"/theme/css/site\.[0-9a-f]{10}\.css", path) for path in paths)


def test_the_form_fits_a_phone_and_a_page_zoomed_in(session):
    """Decap's item editor is at least 800 px wide, the form and its preview side by side:
    on a phone (390 px) or at 200 % zoom (640 px) the page scrolled sideways, "Pubblica"
    and the date's "Pulisci" were off the screen, the form had half the width, and iOS
    zoomed in on its 15 px fields. Below 800 px admin.js lays it out in one column
    (small-screens.js): the form the page's width, the preview left out, the toolbar
    wrapping above the form, its controls apart (after a save "Salvato", "Cancella voce"
    and "Apri il sito" too), every control and the title's hint within the screen, the
    text's buttons in two rows at most (beside the Markdown switch they made a column)."""
    for size, layout in session.small_screens.items():
        expected = {"width": layout["width"], "scrolls": layout["width"], "outside": [],
                    "small_text": [], "preview": 0, "covered": 0, "overlapping": []}
        assert {key: layout[key] for key in expected} == expected, size
        assert layout["form"] >= layout["width"] - 2, (size, layout)
        assert 1 <= layout["text_toolbar_rows"] <= 2, (size, layout)
    assert sorted(session.small_screens) == ["phone", "phone, saved", "zoom 200 %"]
    assert session.small_screens["phone"]["width"] == PHONE["width"]


def test_decaps_notices_stay_until_the_editor_closes_them_with_the_keyboard(session):
    """Decap's notices closed by themselves after 4 s ("Voce salvata") or 8 s (an error):
    react-toastify when its progress bar's animation ended, Decap's own timer besides,
    whether the mouse was over them or not (WCAG 2.2.1: a slow reader, a screen
    magnifier missed them). admin.js (notices.js) stops both: "Voce salvata" is still shown
    6.5 s on, its bar's animation paused and not shown, as the refusal's (an error); its
    close button, named in Italian and 24 × 24 at least, is reached with Shift+Tab from the
    title and closes it with Enter."""
    kept, refusal = session.notice_kept, session.refusal_timer
    assert kept["seconds"] >= NOTICE_KEPT_S, kept
    stopped = {"play": "paused", "running": 0, "shown": False}
    found = {"shown": kept["shown"], "closed": kept["closed"], "name": kept.get("name"),
             "focused": kept["focused"],  # (react-toastify pauses on a blur)
             "reached": kept["presses"] is not None and kept["presses"] <= 12,
             "clocks": {key: kept["clocks"].get(key) for key in stopped},
             "refusal's clocks": {key: refusal.get(key) for key in stopped}}
    assert found == {"shown": True, "closed": True, "name": "Chiudi l'avviso", "focused": True,
                     "reached": True, "clocks": stopped, "refusal's clocks": stopped}, kept
    assert min(kept["clocks"]["close"] + refusal["close"]) >= 24, (kept, refusal)


def test_decaps_small_buttons_take_24_px_on_a_computer(session):
    """On a computer Decap's "Adesso", "Pulisci", "Aggiungi allegato", "Aggiungi indirizzo
    precedente" were 18 px tall, "Scegli un'immagine" and "Scegli un file" 21, a list
    item's handle 18 × 26, the Markdown switch 40 × 20 (WCAG 2.5.8 passed only by the
    space around them): no control of the form (an attachment and two addresses in their
    lists) is under 24 × 24 at 1280 × 800 (admin.js, targets.js)."""
    assert session.computer_targets == []


def test_the_form_scrolls_past_the_sites_notice_and_its_controls_take_a_finger(session):
    """On a phone the site's notice (fixed at the bottom: the build's errors, the last
    publication) covered the end of the item's form, its last control under it and out of
    reach; the publication's notice could not be closed. The notice makes room for itself
    at the end of the form, and its button closes it, the focus back where it was. Decap's
    buttons were under 24 px for a finger ("Adesso", "Pulisci", "Aggiungi allegato" 18 px
    tall, a list item's handle 18 × 26, the file's button 21, the close button of Decap's
    notice of a save 14 × 19): none is any more (WCAG 2.5.8: 24 × 24)."""
    end = session.notice_end
    found = {"at the end": end["scrolled"] == 0, "above the notice": end["bottom"] <= end[
        "notice"], "reached": end["hit"], "closed": session.notice_closed,
        "too small": session.small_targets,
        "notice's close too small": min(session.toast_close) < 24}
    assert found == {"at the end": True, "above the notice": True, "reached": True,
                     # the focus back on the control, no room left
                     "closed": "0px", "too small": [],
                     "notice's close too small": False}, end


def test_the_screenshots_of_the_guide_were_taken(session):
    names = sorted(path.name for path in session.shots.glob("editor-web-*.png"))
    assert names == [f"editor-web-{n}.png" for n in (
        "1-elenco", "2-nuova-notizia", "3-carica-allegato", "4-allegato", "5-pubblicato")]
    for path in session.shots.glob("editor-web-*.png"):
        with Image.open(path) as shot:
            assert shot.size == (1280, 800)
    guide = (ROOT / "docs" / "guida-redazione.md").read_text(encoding="utf-8")
    for name in names:
        assert f"img/{name}" in guide
        assert (GUIDE_IMAGES / name).is_file()


@pytest.fixture(scope="module")
def browser(playwright):
    """One Chromium for the tests of admin.js alone, without Decap (each in a page and
    context of its own), without the editor session's."""
    launched = launch(playwright)
    yield launched
    launched.close()


def test_decaps_question_before_replacing_an_upload_is_asked_in_italian(browser):
    """The one question Decap writes into its code, not among its phrases ("… already
    exists. Do you want to replace it?"), reached the editor in English; admin.js asks it
    in Italian and passes any other question on as it is."""
    with browser.new_page() as page:
        page.set_content("<!doctype html><title>editor</title>")
        page.evaluate("window.asked = []; window.confirm = m => (window.asked.push(m), true); 0")
        page.add_script_tag(content=script_text())  # admin/admin.js
        assert page.evaluate(
            "confirm('foto di gruppo.jpg already exists. Do you want to replace it?')")
        page.evaluate("confirm('Una domanda già in italiano?')")
        assert page.evaluate("window.asked") == [
            "Esiste già un file chiamato «foto di gruppo.jpg». Vuoi sostituirlo con quello che"
            " stai caricando?", "Una domanda già in italiano?"]


def test_the_lists_drag_instructions_and_announcements_are_read_in_italian(browser):
    """Decap's lists are reordered with dnd-kit, whose hidden instructions and live
    announcements are not among Decap's phrases: a screen reader read them in English.
    admin.js rewrites them where dnd-kit puts them, at once and on every change."""
    with browser.new_page() as page:
        page.set_content("<!doctype html><title>editor</title><main></main>")
        page.add_script_tag(content=script_text())  # admin/admin.js
        page.evaluate("""() => {
            const list = document.createElement('div');
            list.innerHTML = '<div id="DndDescribedBy-0" style="display:none">\\n    To pick'
                + ' up a draggable item, press the space bar.\\n    While dragging, use the'
                + ' arrow keys to move the item.\\n  </div>'
                + '<div id="DndLiveRegion-0" role="status" aria-live="assertive"></div>';
            document.querySelector('main').append(list);
        }""")
        instructions = page.locator("#DndDescribedBy-0")
        page.wait_for_function("!document.querySelector('#DndDescribedBy-0')"
                               ".textContent.includes('draggable')")
        assert instructions.text_content().startswith("Per spostare una voce dell'elenco")
        spoken = []
        for english in ("Picked up draggable item 3.",
                        "Draggable item 3 was moved over droppable area 1.",
                        "Draggable item 3 was dropped over droppable area 1",
                        "Dragging was cancelled. Draggable item 3 was dropped."):
            page.evaluate("t => document.querySelector('#DndLiveRegion-0').textContent = t",
                          english)
            page.wait_for_function("!document.querySelector('#DndLiveRegion-0')"
                                   ".textContent.includes('raggable')")
            spoken.append(page.locator("#DndLiveRegion-0").text_content())
        assert spoken == ["Voce presa.", "Voce spostata.",
                          "Voce lasciata nella nuova posizione.", "Spostamento annullato."]


# --- The local preview's warnings over the editor (preview-errors.js) --------------------
# Two items with a warning each (an unknown key, which never stops a build) and a picture
# no item uses; the state (/__anteprima/stato, as tools/preview.py answers it) lists the
# build's own warnings, read from its log as the preview reads them.
WARNED_OPEN = "notizie/2025-04-01-orti-aperti.md"
WARNED_OTHER = "notizie/2025-04-02-mercato-in-piazza.md"
WARNED_CONTENT = {
    WARNED_OPEN: item("Orti aperti al Civic Center", "2025-04-01 10:00", ["Orti"],
                      colore="verde"),
    WARNED_OTHER: item("Mercato in piazza a Crema", "2025-04-02 10:00", ["Crema"],
                       colore="rosso"),
    "immagini/2025/dimenticata.png": TAKEN_BYTES,  # no item uses it
}


POLL_MS = 100  # how often the editor served by :class:`Preview` asks the state (2 s)


class Preview:
    """The preview's server (tools/preview.py's own handler and state, without its
    watcher: the test sets the state's warnings) serving an editor site's build: its
    address (host:port), state and the warnings it answered, one list per question. The
    editor's page is marked to ask every POLL_MS (data-ogni-ms), not every 2 s: the tests
    wait for its questions, not for the clock."""

    def __init__(self, site):
        from tools.preview import EDITOR_TAG, PreviewSite, _handler  # noqa: PLC0415

        self.state = PreviewSite(ROOT / "pelicanconf.py", site.built.output,
                                 site.repo / "content")
        self.asked = []
        answer = self.state.answer
        quick_tag = EDITOR_TAG.replace(b"<meta ", f'<meta data-ogni-ms="{POLL_MS}" '.encode())

        def answered(url_path):
            if url_path.endswith("/stato"):
                self.asked.append(list(self.state.warnings))
            status, kind, body = answer(url_path)
            if EDITOR_TAG in body:  # the editor's page
                body = body.replace(EDITOR_TAG, quick_tag)
            return status, kind, body

        self.state.answer = answered
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.state))
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()
        self.web = f"127.0.0.1:{self.server.server_address[1]}"
        self.cms_port = site.cms_port  # decap-server's

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def warned_editor(tmp_path_factory):
    """The editor site of WARNED_CONTENT with decap-server running, served by the
    preview's server (:class:`Preview`): ``(preview, warnings)``, the warnings of its build
    as the preview reads them from its log."""
    from tools.preview import logged_content_warnings  # noqa: PLC0415

    work = tmp_path_factory.mktemp("avvisi")
    with editor_site(work, WARNED_CONTENT, "Voci con avvisi") as site, \
            (work / "decap-server.log").open("w") as log, \
            CmsServer(site.repo, site.cms_port, log=log):
        warnings = logged_content_warnings(site.built.log.splitlines(), site.repo / "content")
        preview = Preview(site)
        try:
            yield preview, warnings
        finally:
            preview.close()


def test_the_editor_shows_the_previews_warnings_the_open_items_first(warned_editor, browser):
    """The local preview's state lists the build's warnings, which the site's pages show
    folded at their top; an editor working only in the web editor never saw them
    (preview-errors.js showed the errors alone). The editor's page, served by the preview
    (marked <meta name="anteprima-stato">), shows nothing while the state has none; with
    some, a discreet notice (yellow, a status, not an alert), "Anteprima: 3 avvisi, 1 in
    questa voce", folded: opened, the open item's warning first, the other item's with its
    link in the editor; in the list of items, the build's order; the other item opened,
    its own first; "Nascondi" hides it until the warnings change; none left, the notice
    goes. The page is never reloaded."""
    from playwright.sync_api import expect  # noqa: PLC0415

    preview, warnings = warned_editor
    open_warning = [line for line in warnings if line.startswith(f"content/{WARNED_OPEN}:")]
    other_warning = [line for line in warnings if line.startswith(f"content/{WARNED_OTHER}:")]
    picture_warning = [line for line in warnings if "dimenticata.png" in line]
    assert len(open_warning) == len(other_warning) == len(picture_warning) == 1, warnings
    assert "avviso: chiave sconosciuta `colore`" in open_warning[0], warnings
    preview.state.warnings = []
    origin = f"http://{preview.web}"

    def asked_again(page, times=2):  # the editor asked the state again (every POLL_MS)
        since = len(preview.asked)
        wait_until(page, lambda: len(preview.asked) >= since + times, "the state asked", 20)

    context = browser.new_context(locale="it-IT", timezone_id="Europe/Rome")
    errors = []
    try:
        page = context.new_page()
        collect_errors(page, errors)
        expect.set_options(timeout=UI_MS)
        page.goto(f"{origin}/admin/#/collections/notizie/entries/{WARNED_OPEN[8:-3]}")
        page.get_by_role("button", name="Accedi").click(timeout=FIRST_LOAD_MS)
        expect(page.get_by_label("Titolo", exact=True)).to_have_value(
            "Orti aperti al Civic Center", timeout=FIRST_LOAD_MS)
        page.evaluate("window.sameDocument = true")
        notice = page.locator(".anteprima-avvisi")
        # asked every POLL_MS (Preview's mark), not every 2 s: the waits below are short
        expect(page.locator('meta[name="anteprima-stato"]')).to_have_attribute(
            "data-ogni-ms", str(POLL_MS))
        # no warning: nothing shown (nor any notice of the preview's)
        asked_again(page)
        expect(page.locator(".avvisi")).to_have_count(0)

        preview.state.warnings = warnings
        expect(notice).to_be_visible()
        expect(notice).to_have_attribute("role", "status")  # not an alert
        expect(notice.get_by_role("heading")).to_have_text(
            "Anteprima: 3 avvisi, 1 in questa voce")
        expect(page.get_by_role("alert")).to_have_count(0)
        shown = notice.locator("li")
        expect(shown.first).to_be_hidden()  # folded
        notice.get_by_text("Mostra gli avvisi").click()
        expect(shown).to_have_count(3)
        # what warnings are: the preview's one wording, its pages' panel's too
        said = json.loads(preview.state.answer("/__anteprima/stato")[2])["warnings_help"]
        expect(notice.locator("details p")).to_have_text(said)
        items = shown.all_text_contents()  # with the links' hidden words
        assert items[0] == "In questa voce: " + open_warning[0], items
        # each link named by its item's file for screen readers (visually hidden)
        assert sorted(items[1:]) == sorted([
            other_warning[0] + f" Apri nell’editor di content/{WARNED_OTHER}",
            picture_warning[0]]), items
        links = notice.get_by_role("link", name="Apri nell’editor")
        expect(links).to_have_count(1)  # the other item's; the picture is no item
        expect(links).to_have_accessible_name(f"Apri nell’editor di content/{WARNED_OTHER}")
        hidden = links.locator("span")
        assert hidden.bounding_box()["width"] <= 1, hidden.bounding_box()  # not seen
        expect(links).to_have_attribute(
            "href", f"#/collections/notizie/entries/{WARNED_OTHER[8:-3]}")
        edge = notice.evaluate("box => getComputedStyle(box).borderTopColor")
        assert edge == "rgb(148, 108, 0)", edge  # the site's warning yellow

        # the list of items: no item open, the warnings in the build's order
        page.goto(f"{origin}/admin/#/collections/notizie")
        expect(notice.get_by_role("heading")).to_have_text("Anteprima: 3 avvisi")
        expect(shown).to_have_text([line + (" Apri nell’editor di " + line.split(":")[0]
                                            if "notizie/" in line else "")
                                     for line in warnings])
        # two links to two items, with two names (WCAG 2.4.4): one name went to both
        links = notice.get_by_role("link", name="Apri nell’editor")
        expect(links).to_have_count(2)
        names = [link.evaluate("a => a.textContent") for link in links.all()]
        assert sorted(names) == sorted(f"Apri nell’editor di content/{item}"
                                       for item in (WARNED_OPEN, WARNED_OTHER)), names
        for link in links.all():
            expect(link).to_have_accessible_name(link.evaluate("a => a.textContent"))
        # the other item opened from the list: its warning first, still unfolded
        page.locator(f'#nc-root a[href$="/entries/{WARNED_OTHER[8:-3]}"]').click()
        expect(page.get_by_label("Titolo", exact=True)).to_have_value(
            "Mercato in piazza a Crema")
        expect(notice.get_by_role("heading")).to_have_text(
            "Anteprima: 3 avvisi, 1 in questa voce")
        expect(shown.first).to_have_text("In questa voce: " + other_warning[0])
        expect(shown.first).to_be_visible()

        # hidden ("Nascondi") until the warnings change: one fixed, it is back
        notice.get_by_role("button", name="Nascondi").click()
        expect(notice).to_have_count(0)
        asked_again(page)
        expect(notice).to_have_count(0)
        preview.state.warnings = other_warning + picture_warning
        expect(notice.get_by_role("heading")).to_have_text(
            "Anteprima: 2 avvisi, 1 in questa voce")

        # a file of a collection's folder that is no item (a name the build does not read,
        # "evento.MD"): its warning has no link, Decap has no item for it
        misnamed = ("content/notizie/evento.MD: avviso: il file non viene letto per il suo"
                    " nome / file not read")
        preview.state.warnings = other_warning + [misnamed]
        expect(notice.get_by_role("heading")).to_have_text(
            "Anteprima: 2 avvisi, 1 in questa voce")
        expect(shown).to_have_count(2)
        expect(shown.nth(1)).to_have_text(misnamed)
        expect(notice.locator("li a")).to_have_count(0)

        # fixed: gone
        preview.state.warnings = []
        expect(notice).to_have_count(0)
        asked_again(page)
        expect(page.locator(".avvisi")).to_have_count(0)
        assert page.evaluate("window.sameDocument") is True  # never reloaded
        assert errors == [], errors
    finally:
        expect.set_options(timeout=None)
        context.close()


def on_editor_page(browser, output, ready, script, arg=None):
    """``script`` (with ``arg``) evaluated on the built ``/admin/`` page of ``output``,
    served, once admin.js has set ``window.FareLegamiAdmin[ready]``."""
    server = SiteServer(output)
    try:
        with browser.new_page() as page:
            page.goto(f"http://127.0.0.1:{server.port}/admin/")
            page.wait_for_function(f"typeof (window.FareLegamiAdmin || {{}}).{ready}"
                                   " === 'function'", timeout=FIRST_LOAD_MS)
            return page.evaluate(script, arg)
    finally:
        server.close()


def test_a_warning_notice_takes_its_yellow_from_the_sites_stylesheet(tmp_path, browser):
    """The editor's warning notice is the site's preview panel's yellow: banner.js wrote
    its colours beside the stylesheet's custom properties (--color-warning-edge and
    --color-warning-bg, theme/static/css/base.css), and a theme whose yellow changed left
    the editor's as it was. Built with a theme whose yellow is another, the editor's page
    draws a warning notice in that one."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    base = theme / "static" / "css" / "base.css"
    css = base.read_text(encoding="utf-8")
    changed = re.sub(r"(?m)^(  --color-warning-edge:\s*)#[0-9a-f]{6};", r"\g<1>#7a4f00;", css,
                     count=1)
    changed = re.sub(r"(?m)^(  --color-warning-bg:\s*)#[0-9a-f]{6};", r"\g<1>#fffbe6;",
                     changed, count=1)
    assert changed.count("#7a4f00") == changed.count("#fffbe6") == 1
    base.write_text(changed, encoding="utf-8")
    built = build_site(tmp_path, {"pages/contatti.md": "---\ntitle: Contatti\n---\n\nTesto.\n"},
                       settings=f"THEME = {str(theme)!r}")
    assert built.returncode == 0, built.log
    drawn = on_editor_page(browser, built.output, "banner", """() => {
        window.FareLegamiAdmin.banner("prova", {className: "prova", role: "alert",
            warned: true, heading: "Anteprima: 1 avviso", parts: []});
        const style = getComputedStyle(document.querySelector(".prova"));
        return [style.borderTopColor, style.backgroundColor];
    }""")
    assert drawn == ["rgb(122, 79, 0)", "rgb(255, 251, 230)"], drawn


# An address holding a control character (U+0001, written as a reference) in each
# attribute of the body's allowlist that holds an address (allowlist.py's URL_ATTRIBUTES
# of each element of ALLOWED): the element as an editor writes it, with what else it
# needs (an image's description, a video's title; the video's host allowed)
CONTROL_ADDRESS = "https://www.youtube-nocookie.com/embed/fe&#x1;sta"
CONTROL_SHOWN = "https://www.youtube-nocookie.com/embed/fe&#1;sta"
CONTROL_ENDS = {"img": ' alt="La festa">', "iframe": ' title="La festa"></iframe>'}
CONTROL_ELEMENTS = [(tag, name, f'<{tag} {name}="{CONTROL_ADDRESS}"'
                     + CONTROL_ENDS.get(tag, f">Le parole.</{tag}>"))
                    for tag, names in sorted(ALLOWED.items()) for name in sorted(names)
                    if name in URL_ATTRIBUTES]
CONTROL_SETTINGS = 'CONTRACT_IFRAME_HOSTS = ["www.youtube-nocookie.com"]\n'
# the editor's preSave (save.js), as Decap calls it, on a new news item of each body:
# "saved", or the refusal Decap would show
PRESAVE_JS = """async (bodies) => {
  class Data { constructor(o) { this.o = o; } get(k) { return this.o[k]; }
    set(k, v) { return new Data({...this.o, [k]: v}); } }
  const [{handler}] = window.CMS.getEventListeners("preSave");
  const said = [];
  for (const body of bodies) {
    const entry = new Data({collection: "notizie", path: "", newRecord: true, mediaFiles: [],
      data: new Data({title: "Il programma", date: "2024-06-01 10:00", body})});
    try {
      await handler({entry});
      said.push("saved");
    } catch (error) {
      said.push(String(error));
    }
  }
  return said;
}"""


def test_the_editor_refuses_a_control_character_in_every_address_the_build_checks(
        tmp_path, browser):
    """The build refuses an address holding a control character in every attribute that
    holds one (body.py's control_problem, for allowlist.py's URL_ATTRIBUTES): a link's,
    an image's, and a quote's cite, a video's src. The web editor checked the links and
    the images only, and saved <blockquote cite>, <q cite> and <iframe src> holding one,
    the publication stopped. In Chromium, on the editor's page as built (Decap and
    admin.js, the page's data- attributes: data-url-attributes, the build's list), a
    save of each is refused in the build's words."""
    assert {(tag, name) for tag, name, _ in CONTROL_ELEMENTS} >= {
        ("a", "href"), ("img", "src"), ("iframe", "src"), ("blockquote", "cite"), ("q", "cite")}
    refused = build_site(tmp_path / "rifiutato", {
        f"notizie/caso-{number}.md": item(f"Caso {number}", "2024-06-01 10:00", body=html)
        for number, (_, _, html) in enumerate(CONTROL_ELEMENTS)}, settings=CONTROL_SETTINGS)
    words = (f"l'indirizzo «{CONTROL_SHOWN}» contiene un carattere di controllo (U+0001,"
             " scritto con &#…;)")
    assert [bool(re.search(rf"ERROR notizie/caso-{number}\.md:\d+: {re.escape(words)}",
                           refused.messages())) for number in range(len(CONTROL_ELEMENTS))] \
        == [True] * len(CONTROL_ELEMENTS), refused.log
    built = build_site(tmp_path / "sito", {"pages/contatti.md": item("Contatti", "2024-06-01")},
                       settings=CONTROL_SETTINGS)
    assert built.ok, built.log
    said = on_editor_page(browser, built.output, "htmlRefusal", PRESAVE_JS,
                          [html for _, _, html in CONTROL_ELEMENTS])
    said_of = {"a": "il link", "img": "l'immagine"}
    assert [answer.split(words.split("» ")[1])[0] for answer in said] == [
        said_of.get(tag, "l'indirizzo") + f" «{CONTROL_SHOWN}» "
        + ("nel testo" if tag in said_of else f"dell'attributo «{name}» di <{tag}> nel testo")
        + " " for tag, name, _ in CONTROL_ELEMENTS], said
    assert all(": il browser lo tiene nell'indirizzo, che così porta altrove o da nessuna"
               " parte, e il sito non verrebbe pubblicato." in answer for answer in said), said


def test_the_editor_asks_no_preview_state_where_the_page_is_not_marked(session):
    """In production (and in the session's site, served as a build writes it) the editor's
    page has no <meta name="anteprima-stato">: the editor never asks the preview's state."""
    assert not [url for url in session.requests if "/__anteprima/" in url]


def test_apri_nelleditor_from_another_items_editor_opens_that_item(warned_editor, browser):
    """The notices' «Apri nell’editor» from the editor of another item: the link changed
    the address only, Decap kept showing the item open (its form, its file: a save wrote
    it), as its editor stays mounted from one item's address to another's. Now the link
    goes through the collection's list, Decap's own way out of an item: the other item is
    shown, its title and its file (the warnings' «In questa voce»), the page not reloaded;
    with changes not saved, Decap's own question comes first, once: "Annulla" keeps the
    item, its address and what was typed, "OK" opens the other item. An editor without a
    draft (its item's reading failed) is reloaded at the other item's address."""
    from playwright.sync_api import expect  # noqa: PLC0415

    preview, warnings = warned_editor
    open_warning = [line for line in warnings if line.startswith(f"content/{WARNED_OPEN}:")]
    other_warning = [line for line in warnings if line.startswith(f"content/{WARNED_OTHER}:")]
    assert len(open_warning) == len(other_warning) == 1, warnings
    origin = f"http://{preview.web}"
    first, other = WARNED_OPEN[8:-3], WARNED_OTHER[8:-3]
    context = browser.new_context(locale="it-IT", timezone_id="Europe/Rome")
    errors, questions = [], []
    answers = []  # what to answer Decap's questions, in order

    def fail_reading(route):  # decap-server cannot be reached for an item's file
        if '"getEntry"' in (route.request.post_data or ""):
            route.abort()
        else:
            route.fallback()

    def answer(dialog):
        questions.append(dialog.message)
        if answers and answers.pop(0):  # (an unexpected question: "Annulla")
            dialog.accept()
        else:
            dialog.dismiss()

    try:
        page = context.new_page()
        collect_errors(page, errors)
        page.on("dialog", answer)
        expect.set_options(timeout=UI_MS)
        preview.state.warnings = warnings
        # an editor without an item (its reading failed: no draft, nothing typed):
        # reloaded at the other item's address, as nothing says when it has gone
        page.route(f"http://127.0.0.1:{preview.cms_port}/api/v1", fail_reading)
        page.goto(f"{origin}/admin/#/collections/notizie/entries/{other}")
        page.get_by_role("button", name="Accedi").click(timeout=FIRST_LOAD_MS)
        notice = page.locator(".anteprima-avvisi")
        expect(notice.get_by_role("heading")).to_have_text("Anteprima: 3 avvisi",
                                                           timeout=FIRST_LOAD_MS)
        expect(page.locator("#nc-root")).to_contain_text("Caricamento voce non riuscito")
        assert errors == ["Failed to load resource: net::ERR_FAILED"], errors
        errors.clear()
        page.unroute(f"http://127.0.0.1:{preview.cms_port}/api/v1")
        page.evaluate("window.sameDocument = true")
        notice.get_by_text("Mostra gli avvisi").click()
        notice.get_by_role("link", name="Apri nell’editor").and_(
            notice.locator(f'[href$="/{first}"]')).click()
        title = page.get_by_label("Titolo", exact=True)
        expect(title).to_have_value("Orti aperti al Civic Center", timeout=FIRST_LOAD_MS)
        expect(page).to_have_url(f"{origin}/admin/#/collections/notizie/entries/{first}")
        assert page.evaluate("window.sameDocument") is None  # reloaded
        expect(notice.get_by_role("heading")).to_have_text(
            "Anteprima: 3 avvisi, 1 in questa voce")
        page.evaluate("window.sameDocument = true")
        notice.get_by_text("Mostra gli avvisi").click()

        # nothing changed: the other item, at once, without a question
        notice.get_by_role("link", name="Apri nell’editor").click()
        expect(page).to_have_url(f"{origin}/admin/#/collections/notizie/entries/{other}")
        expect(title).to_have_value("Mercato in piazza a Crema")
        expect(notice.locator("li").first).to_have_text("In questa voce: " + other_warning[0])
        assert questions == [], questions

        # a title typed, not saved; the build's errors name the first item (the errors'
        # notice, the same link)
        title.fill("Mercato in piazza a Crema, rinviato")
        preview.state.problems = [f"content/{WARNED_OPEN}:2: errore: una prova"]
        errors_notice = page.locator(".anteprima-errori")
        link = errors_notice.get_by_role("link", name="Apri nell’editor")
        expect(link).to_have_attribute("href", f"#/collections/notizie/entries/{first}")
        expect(link).to_have_accessible_name(f"Apri nell’editor di content/{WARNED_OPEN}")
        answers.append(False)  # "Annulla": the item and what was typed stay
        link.click()
        wait_until(page, lambda: len(questions) == 1, "Decap's question")
        assert "abbandonare" in questions[0], questions
        expect(page).to_have_url(f"{origin}/admin/#/collections/notizie/entries/{other}")
        expect(title).to_have_value("Mercato in piazza a Crema, rinviato")
        expect(notice.locator("li").first).to_have_text("In questa voce: " + other_warning[0])
        answers.append(True)  # "OK": the first item, as its file has it
        link.click()
        expect(page).to_have_url(f"{origin}/admin/#/collections/notizie/entries/{first}")
        expect(title).to_have_value("Orti aperti al Civic Center")
        expect(notice.locator("li").first).to_have_text("In questa voce: " + open_warning[0])
        assert len(questions) == 2 and questions[1] == questions[0], questions  # asked once
        assert page.evaluate("window.sameDocument") is True  # never reloaded with a draft
        assert errors == [], errors
    finally:
        preview.state.problems = []
        expect.set_options(timeout=None)
        context.close()
