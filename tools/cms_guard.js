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
// Requests without Origin (the tools' own, urllib's) pass when their Host is loopback.
"use strict";

const http = require("http");

const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:[0-9]{1,5})?$/i;
const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:[0-9]{1,5})?$/i;

function refusal(req) {
  const host = req.headers.host;
  if (typeof host !== "string" || !LOOPBACK_HOST.test(host)) {
    return `Host ${JSON.stringify(host || "")} non è localhost né 127.0.0.1`
      + " / Host is not localhost or 127.0.0.1";
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !LOOPBACK_ORIGIN.test(origin)) {
    return `Origin ${JSON.stringify(origin)}: solo le pagine su localhost o 127.0.0.1`
      + " possono usare l'archivio locale / only pages on localhost or 127.0.0.1 may use"
      + " the local backend";
  }
  return null;
}

const createServer = http.createServer;
http.createServer = function guardedCreateServer(...args) {
  const at = args.findIndex((arg) => typeof arg === "function");
  if (at >= 0) {
    const handler = args[at];
    args[at] = function guarded(req, res) {
      const why = refusal(req);
      if (why === null) {
        return handler.call(this, req, res);
      }
      const body = JSON.stringify({ error: why });
      res.writeHead(403, {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Length": Buffer.byteLength(body),
        Connection: "close",
      });
      res.end(body);
      req.resume(); // the body, unread, is thrown away
      return undefined;
    };
  }
  return createServer.apply(this, args);
};

module.exports = { refusal };
