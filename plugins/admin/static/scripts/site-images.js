/* site-images.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var CMS = admin.CMS;
  var script = admin.script;
  // dates.js
  var DATE_RE = admin.DATE_RE;
  var formDate = admin.formDate;
  // markdown.js
  var byLine = admin.byLine;
  // link-addresses.js
  var SCHEME = admin.SCHEME;

  // --- Images shown from where they are ------------------------------------------
  // Decap looks an image up by its file's name alone, in its field's folder: the text's
  // images in the media library's (content/immagini, written {static}/immagini/<name>),
  // the cover in the item's year's (immagini/<year>/<name>). An image elsewhere, as
  // {static}/immagini/2025/cortile.png written with git, was asked of the backend as
  // content/immagini/cortile.png (decap-server: 500), then shown from its address as
  // written (/admin/%7Bstatic%7D/…: 404): no picture in the editor nor in the preview.
  // Such an image is shown from the site, where the build publishes it (its path
  // under the content folder); one in the folder Decap reads, an upload of this session
  // too, from Decap's backend as before. What is saved does not change.
  var STATIC = "{static}/";
  var PUBLIC_FOLDER = (script.getAttribute("data-public-folder") || "").replace(/\/+$/, "");
  var FOLDER_TEMPLATE = /\{\{[^}]*\}\}/g;  // the item's year: {{fields.date | date('YYYY')}}

  function onTheSiteAddress(file) {
    return new URL("../" + file.split("/").map(function (part) {
      try {
        return encodeURIComponent(decodeURIComponent(part));
      } catch (error) {
        return encodeURIComponent(part);
      }
    }).join("/"), document.baseURI).href;
  }

  // The address Decap is given for the image ``path`` of ``field`` in ``entry``: the
  // path itself when Decap finds it (in the folder the field writes), else the site's
  // absolute address, which Decap shows as it is
  function siteImage(path, field, entry) {
    var value = typeof path === "string" ? path : "";
    var file = value.indexOf(STATIC) === 0 ? value.slice(STATIC.length) : value;
    if (!file || file.charAt(0) === "/" || SCHEME.test(file) || file.indexOf("{") === 0) {
      return path;  // none, or an address Decap takes as it is
    }
    var folder = field && field.get && field.get("public_folder");
    if (folder) {
      var year = entry && entry.getIn ? DATE_RE.exec(String(formDate(
        entry.getIn(["data", "date"])) || "")) : null;
      if (folder.indexOf("{{") >= 0 && !year) {
        return path;  // the folder not known here: Decap's
      }
      folder = folder.replace(FOLDER_TEMPLATE, year ? year[1] : "");
    } else {
      folder = PUBLIC_FOLDER;
    }
    folder = folder.replace(/\/+$/, "");
    return value.slice(0, value.lastIndexOf("/")) === folder ? path : onTheSiteAddress(file);
  }

  // Decap's getAsset(path, field), each image's path through siteImage (one function a
  // getAsset and entry: the file control draws its image again when it changes)
  var SHOWN = typeof WeakMap === "function" ? new WeakMap() : null;

  function shownAssets(getAsset, entry) {
    if (typeof getAsset !== "function") {
      return getAsset;
    }
    var byEntry = SHOWN && SHOWN.get(getAsset);
    if (byEntry && byEntry.entry === entry) {
      return byEntry.shown;
    }
    var shown = function (path, field) {
      return getAsset(siteImage(path, field, entry), field);
    };
    if (SHOWN) {
      SHOWN.set(getAsset, { entry: entry, shown: shown });
    }
    return shown;
  }

  // The text's <img src="{static}/…"> (in a <figure>), which Decap gives the preview as
  // written: the site's address, in the preview only
  // (a code span, first, is left as it is; byLine leaves fenced code)
  var IMG_SOURCE = /(`+)[^`]*?\1|(<img\b[^>]*?\ssrc\s*=\s*)(["']?)\{static\}\/([^"'\s>]*)\3/gi;

  function previewImages(text) {
    return byLine(text, function (line) {
      return line.replace(IMG_SOURCE, function (match, code, start, quote, file) {
        return code ? match : start + '"' + onTheSiteAddress(file) + '"';
      });
    });
  }

  // The image of the text's "+" menu: Decap's own component, with Italian names
  // ("Image", "Alt Text", "Title" are written into it in English), its preview's image
  // from where it is (siteImage).
  var image = CMS.getEditorComponents && CMS.getEditorComponents().get("image");
  if (image) {
    CMS.registerEditorComponent({
      id: "image",
      label: "Immagine",
      pattern: image.pattern,
      fromBlock: image.fromBlock,
      toBlock: image.toBlock,
      toPreview: function (data, getAsset, fields) {
        return image.toPreview(data, shownAssets(getAsset), fields);
      },
      fields: [
        { label: "Immagine", name: "image", widget: "image", choose_url: false,
          media_library: { allow_multiple: false } },
        { label: "Descrizione (testo alternativo)", name: "alt",
          hint: "Obbligatoria: che cosa mostra l'immagine, per chi non la vede." },
        { label: "Testo al passaggio del mouse", name: "title", required: false }
      ]
    });
  }

  admin.STATIC = STATIC;
  admin.previewImages = previewImages;
  admin.shownAssets = shownAssets;
}(window.FareLegamiAdmin));
