// Loaded before decap-server (`node --require tools/cms_guard.js …/decap-server/dist/index.js`,
// tools/cms_server.py): every request whose Host is not this machine's loopback name, or
// whose Origin is a page elsewhere, is refused (403) before decap-server reads it.
//
// decap-server writes and deletes files of the working copy on any POST of JSON to /api/v1.
// Its CORS rule only keeps a foreign page from *reading* the answers; nothing stops the
// request itself:
// - DNS rebinding: a page at http://attacker.example:8081/ whose name is made to resolve to
//   127.0.0.1 posts to its own origin (no CORS at all) and reaches decap-server, which
//   wrote what it was sent; the browser names the page's host in Host (attacker.example);
// - a page elsewhere posting with an Origin of its own (a browser's preflight aside, any
//   client that forwards the page's request).
// Without Origin, the page in Referer is asked the same; with neither, a browser's
// "Sec-Fetch-Site: cross-site" is a page elsewhere (tools/this_machine.py's foreign_page,
// the other local servers' rule: this one is narrower, only the three names the editor
// is opened at). Requests with none of them (the tools' own, urllib's) pass when their
// Host is loopback.
//
// And decap-server wrote, read and deleted any file of the repository it was given (the
// working copy): pelicanconf.py (which the preview runs at its next build), tasks.py,
// .git/hooks/. Only the content folder is the web editor's (FARELEGAMI_CMS_CONTENT,
// relative to the repository: `content`): a request naming a path outside it is refused
// (403) once its JSON is read, before decap-server acts on it.
//
// That check is made in the express.json decap-server calls: should a version of it parse
// its JSON some other way (body-parser itself, its own reader), the paths would go
// unchecked. So it fails closed: a request that reaches one of decap-server's routes
// (`app.post("/api/v1", …)`) without having passed the check is refused (403), and so is
// every request while no checking parser was ever made.
"use strict";

const http = require("http");
const path = require("path");
const { createRequire } = require("module");

const CONTENT = (process.env.FARELEGAMI_CMS_CONTENT || "content").replace(/^\/+|\/+$/g, "");

const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:[0-9]{1,5})?$/i;
const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:[0-9]{1,5})?$/i;

function refusal(req) {
  const host = req.headers.host;
  if (typeof host !== "string" || !LOOPBACK_HOST.test(host)) {
    return `Host ${JSON.stringify(host || "")} non è localhost né 127.0.0.1`
      + " / Host is not localhost or 127.0.0.1";
  }
  const origin = req.headers.origin;
  const referer = req.headers.referer;
  let page = null; // the header naming a page elsewhere
  if (origin !== undefined) {
    page = LOOPBACK_ORIGIN.test(origin) ? null : `Origin ${JSON.stringify(origin)}`;
  } else if (referer !== undefined) {
    page = LOOPBACK_ORIGIN.test(originOf(referer)) ? null
      : `Referer ${JSON.stringify(referer)}`;
  } else if (String(req.headers["sec-fetch-site"] || "").trim().toLowerCase() === "cross-site") {
    page = "Sec-Fetch-Site: cross-site";
  }
  if (page !== null) {
    return `${page}: solo le pagine su localhost o 127.0.0.1 possono usare l'archivio`
      + " locale / only pages on localhost or 127.0.0.1 may use the local backend";
  }
  return null;
}

// A Referer's page as an Origin names it, as written ("http://localhost:8000" of
// "http://localhost:8000/admin/"): not as URL reads it, which makes "localhost" of
// "%6cocalhost" and "127.0.0.1" of "127.1", names no browser gives a page of ours
function originOf(address) {
  return (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(address) || [""])[0];
}

// Every path decap-server's actions take (its schema's `path` values).
function pathsOf(params) {
  const found = [];
  if (!params || typeof params !== "object") {
    return found;
  }
  const add = (value) => {
    if (value !== undefined) {
      found.push(value);
    }
  };
  const files = (list) => (Array.isArray(list) ? list : []);
  add(params.path);
  add(params.folder);
  add(params.mediaFolder);
  for (const file of [params.entry, params.asset, ...files(params.dataFiles),
    ...files(params.assets), ...files(params.files)]) {
    if (file && typeof file === "object") {
      add(file.path);
      add(file.newPath);
    }
  }
  files(params.paths).forEach(add);
  return found;
}

function inContent(value) {
  // a backslash is a character of a name on this system, not a separator: read as one,
  // "content\\evil.py" passed and decap-server wrote a file of that name beside content/
  if (typeof value !== "string" || /[\\\0]/.test(value)) {
    return false;
  }
  const normal = path.posix.normalize(value).replace(/^\/+/, "");
  return normal === CONTENT || normal.startsWith(`${CONTENT}/`);
}

function outsideContent(body) {
  return pathsOf(body && body.params).filter((value) => !inContent(value));
}

function refuse(res, why) {
  const body = JSON.stringify({ error: why });
  res.writeHead(403, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    Connection: "close",
  });
  res.end(body);
}

// A request whose paths were checked (set by guardedParse only).
const CHECKED = Symbol("farelegami.cms_guard.checked");
let parsers = 0; // the checking parsers made (decap-server's express.json calls)

const UNCHECKED = "richiesta non controllata: l'archivio locale non legge più il JSON con"
  + " express.json, dove tools/cms_guard.js controlla le cartelle; aggiorna cms_guard.js"
  + " / request not checked: decap-server no longer parses with the express.json the guard"
  + " patches";

// decap-server's own express (resolved from its script, the one node runs): its JSON
// parser, once it has read a request, hands it on only when every path is in CONTENT;
// its routes take only requests that parser passed.
if (process.argv[1]) {
  const express = createRequire(path.resolve(process.argv[1]))("express");
  const json = express.json;
  express.json = function guardedJson(...options) {
    const parse = json.apply(this, options);
    parsers += 1;
    return function guardedParse(req, res, next) {
      parse(req, res, (error) => {
        if (error) {
          next(error);
          return;
        }
        const outside = outsideContent(req.body);
        if (outside.length) {
          refuse(res, `${JSON.stringify(String(outside[0]))} non è nella cartella`
            + ` ${CONTENT}/: l'editor web scrive solo lì / not in the content folder`);
          return;
        }
        req[CHECKED] = true;
        next();
      });
    };
  };
  // every route's handlers (app.post("/api/v1", …)) run through its dispatch
  const dispatch = express.Route.prototype.dispatch;
  express.Route.prototype.dispatch = function guardedDispatch(req, res, done) {
    if (req[CHECKED] !== true) {
      refuse(res, UNCHECKED);
      return undefined;
    }
    return dispatch.call(this, req, res, done);
  };
}

const createServer = http.createServer;
http.createServer = function guardedCreateServer(...args) {
  const at = args.findIndex((arg) => typeof arg === "function");
  if (at >= 0) {
    const handler = args[at];
    args[at] = function guarded(req, res) {
      const why = parsers ? refusal(req) : UNCHECKED;
      if (why === null) {
        return handler.call(this, req, res);
      }
      refuse(res, why);
      req.resume(); // the body, unread, is thrown away
      return undefined;
    };
  }
  return createServer.apply(this, args);
};

module.exports = { refusal, outsideContent };
