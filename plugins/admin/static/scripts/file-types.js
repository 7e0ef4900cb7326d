/* file-types.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var script = admin.script;
  // site-images.js
  var STATIC = admin.STATIC;
  // link-reading.js
  var linksOf = admin.linksOf;
  // old-addresses.js
  var addresses = admin.addresses;

  // --- A file of a type the site does not publish -----------------------------------
  // The site publishes documents (PDF, office files, CSV, TXT, ZIP, photos) as
  // attachments and photos (PNG, JPEG, WebP) as images: any other file stops the build
  // ("tipo di file non ammesso", plugins/core/filetypes.py). Decap uploads any file: an
  // old Word document (.doc) attached, an iPhone photo (.heic) or a GIF as the cover or
  // in the text, a video, and the editor saw "Voce salvata". The save is refused, in the
  // build's words, with what to turn the file into; the file's content is left to the
  // build (a .pdf that is no PDF). The page gives the types (data-file-types).
  var FILE_TYPES = JSON.parse(script.getAttribute("data-file-types") || "{}");

  // "verbale.DOC" -> "doc"; "" without one
  function extensionOf(path) {
    var base = String(path).split("/").pop();
    return base.replace(/^\.+/, "").indexOf(".") >= 0
      ? base.slice(base.lastIndexOf(".") + 1).toLowerCase() : "";
  }

  // The build's words for the file at ``path`` (under the content folder) if its type is
  // not among ``types``' (a folder's, or the cover's), else null
  function typeProblem(path, types) {
    var ext = extensionOf(path);
    if (!types || !types.extensions || types.extensions.indexOf(ext) >= 0) {
      return null;
    }
    var advice = (types.advice || {})[ext];
    return "tipo di file non ammesso: " + path + " (" + (ext ? ext.toUpperCase()
      : "senza estensione") + "); ammessi " + types.allowed + (advice ? "; " + advice : "");
  }

  // The types of the folder ``path`` is in (FILE_TYPES.folders), or null
  function folderTypes(path) {
    var folders = FILE_TYPES.folders || {};
    var folder = Object.keys(folders).filter(function (name) {
      return path.indexOf(name + "/") === 0;
    })[0];
    return folder ? folders[folder] : null;
  }

  function fileTypeRefusal(data) {
    var found = [];  // [path, types, where]
    addresses(data.get("attachments")).forEach(function (item) {
      var file = typeof item === "string" ? item : item && item.file;
      if (file) {
        found.push([String(file), FILE_TYPES.attachments, "negli «Allegati»"]);
      }
    });
    if (data.get("image")) {
      found.push([String(data.get("image")), FILE_TYPES.image, "come immagine di copertina"]);
    }
    linksOf(data.get("body"), data.get("summary"), function (target) {
      return target.indexOf(STATIC) === 0;
    }).forEach(function (link) {
      var path = link.address.slice(STATIC.length).split(/[?#]/)[0];
      try {
        path = decodeURIComponent(path);
      } catch (error) {
        // as written
      }
      found.push([path, folderTypes(path), link.where]);
    });
    for (var index = 0; index < found.length; index += 1) {
      var problem = typeProblem(found[index][0], found[index][1]);
      if (problem) {
        return problem + " (" + found[index][2] + "), e il sito non verrebbe pubblicato."
          + " Salva il file in uno dei tipi ammessi, caricalo e sceglilo al posto di questo.";
      }
    }
    return null;
  }

  admin.fileTypeRefusal = fileTypeRefusal;
}(window.FareLegamiAdmin));
