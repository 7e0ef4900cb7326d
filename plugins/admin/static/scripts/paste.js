/* paste.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // banner.js
  var banner = admin.banner;
  var element = admin.element;

  // --- A picture pasted with the text ----------------------------------------------
  // A part of a web page or of a document copied with a picture is HTML with an <img>
  // on the clipboard. Decap's rich-text editor (3.16) makes the <img> an image node that
  // its own renderer cannot draw (the paste gives the node `url`, the renderer reads
  // `data.url`): the whole editor became Decap's error page ("Cannot destructure
  // property 'url' of 'e.element.data'"), the work not yet saved out of sight. A
  // clipboard cannot be changed during a paste: the paste is stopped before Decap's
  // editor sees it and given to it again, its HTML without the pictures, as the
  // "insertFromPaste" input the browser sends (Slate's editor reads its data from it);
  // the rest of the text arrives, and a notice says how to add a picture. (A picture
  // from another site would be refused at the save anyway: elsewhereRefusal.)
  var SLATE = '[data-slate-editor="true"]';

  // ``html`` without its pictures: {html, text (what is left has text), count, names
  // (their descriptions)}, or null if it has none
  function withoutPictures(html) {
    // a document of its own: nothing in it is loaded or run
    var parsed = new DOMParser().parseFromString(html, "text/html");
    var pictures = parsed.querySelectorAll("img");
    if (!pictures.length) {
      return null;
    }
    var names = [];
    Array.prototype.forEach.call(pictures, function (picture) {
      var alt = (picture.getAttribute("alt") || "").replace(/\s+/g, " ").trim();
      if (alt && names.indexOf(alt) < 0) {
        names.push(alt);
      }
      var before = picture.previousSibling;
      var after = picture.nextSibling;
      if (before && after && before.nodeType === 3 && after.nodeType === 3
          && /\s$/.test(before.data)) {
        after.data = after.data.replace(/^\s+/, "");  // "Una foto <img> del": one space
      }
      picture.parentNode.removeChild(picture);
    });
    return { html: parsed.body.innerHTML, text: /\S/.test(parsed.body.textContent),
      count: pictures.length, names: names };
  }

  function picturesNotPasted(cleaned) {
    var many = cleaned.count > 1;
    banner("incolla", { className: "incolla-immagine", role: "status", failed: false,
      heading: many ? "Le immagini non sono state incollate"
        : "L'immagine non è stata incollata",
      parts: [element("p", (cleaned.text ? "Il resto del testo sì. " : "")
        + (many ? "Le immagini copiate"
        : "Un'immagine copiata") + " da una pagina web o da un documento"
        + (cleaned.names.length ? " («" + cleaned.names.join("», «") + "»)" : "")
        + (many ? " non si possono incollare nel testo: salvale sul tuo computer e"
          + " inseriscile" : " non si può incollare nel testo: salvala sul tuo computer e"
          + " inseriscila") + " con il pulsante ＋ («Aggiungi componente»), «Immagine»,"
        + " «Scegli un'immagine», «Carica dal computer».", "margin:0")] });
  }

  // A paste or a drop (``data``: its DataTransfer) into the text whose HTML has pictures:
  // stopped, and given again as ``again(data without the pictures)`` makes it (nothing
  // when only pictures were copied); then the notice. Else left to Decap's editor.
  function withoutPicturesInto(event, data, again) {
    var target = event.target && event.target.nodeType === 1 ? event.target
      : event.target && event.target.parentElement;
    // (the text itself: not a field of a component in it, such as an image's description)
    var html = data && target && target.isContentEditable && target.closest(SLATE)
      ? data.getData("text/html") : "";
    var cleaned = /<img\b/i.test(html) ? withoutPictures(html) : null;
    if (!cleaned) {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    if (cleaned.text) {
      var given = new DataTransfer();
      given.setData("text/html", cleaned.html);
      given.setData("text/plain", data.getData("text/plain"));
      target.dispatchEvent(again(given));
    }
    picturesNotPasted(cleaned);
  }

  if (typeof DataTransfer === "function" && typeof InputEvent === "function") {
    document.addEventListener("paste", function (event) {
      withoutPicturesInto(event, event.clipboardData, function (given) {
        return new InputEvent("beforeinput", { inputType: "insertFromPaste",
          dataTransfer: given, bubbles: true, cancelable: true });
      });
    }, true);
    // a picture of a web page dragged into the text: Decap's editor takes the drop's
    // HTML as a paste's (the same error page)
    document.addEventListener("drop", function (event) {
      withoutPicturesInto(event, event.dataTransfer, function (given) {
        return new DragEvent("drop", { dataTransfer: given, clientX: event.clientX,
          clientY: event.clientY, screenX: event.screenX, screenY: event.screenY,
          bubbles: true, cancelable: true });
      });
    }, true);
  }
}(window.FareLegamiAdmin));
