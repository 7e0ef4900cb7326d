/* publications.js – a script of the web editor, joined into admin/admin.js: how they share
 * their names, plugins/admin/README.md ("Our scripts"). */
(function (admin) {
  "use strict";

  if (!admin.CMS) {
    return;  // not the web editor's page (page.js)
  }

  // page.js
  var CMS = admin.CMS;
  var LANGUAGE = admin.LANGUAGE;
  var script = admin.script;
  // dates.js
  var SITE_ZONE = admin.SITE_ZONE;
  // banner.js
  var banner = admin.banner;
  var element = admin.element;

  // --- How the last publication went --------------------------------------------
  // In production each save is a commit, and the git host's CI builds and publishes the
  // site (README, Deployment). A build that stops (an error the form could not see: a
  // link to a file deleted since, an attachment whose content is not its type) leaves
  // the site as it was, and the editor, told "Voce salvata", took it for published.
  // The editor asks the host, with the token Decap keeps for the session, how the last
  // run on the published branch went (data-publications: plugins/admin/config.py), at
  // the start, every minute and after each save, and says so at the bottom of the page:
  // a failed one, with the link to its log for whoever runs the site; one under way.
  // Its "Chiudi" (banner.js) hides it until the state changes (said once, as below).
  var PUBLICATIONS = JSON.parse(script.getAttribute("data-publications") || "\"\"");
  var RUN_POLL = 60000;
  // when the run was, in the site's time and the page's language ("it-IT" whatever the
  // page's, before)
  var RUN_TIME = new Intl.DateTimeFormat(LANGUAGE, { day: "numeric", month: "long",
    hour: "2-digit", minute: "2-digit", timeZone: SITE_ZONE });

  function runTime(when) {
    return when && !isNaN(new Date(when)) ? RUN_TIME.format(new Date(when)) : "";
  }

  // {state: "failed" | "running" | "done", url, when} of the host's answer, or null
  function lastRunOf(host, answer) {
    var run = host === "gitlab" ? (Array.isArray(answer) ? answer : [])[0]
      : ((answer && answer.workflow_runs) || [])[0];
    if (!run) {
      return null;
    }
    var state = host === "gitlab"
      ? ({ failed: "failed", success: "done", canceled: "done", skipped: "done",
        manual: "done" })[run.status] || "running"
      : run.status !== "completed" ? "running"
        : ["failure", "timed_out", "startup_failure"].indexOf(run.conclusion) >= 0
          ? "failed" : "done";
    return { state: state, url: run.web_url || run.html_url || "",
      when: run.updated_at || "" };
  }

  function sessionToken(host) {
    try {
      var user = JSON.parse(window.localStorage.getItem("decap-cms-user") || "null");
      return user && user.backendName === host && user.token ? user.token : null;
    } catch (error) {
      return null;
    }
  }

  function lastRun(where, token) {
    var url = where.host === "gitlab"
      ? where.api + "/projects/" + encodeURIComponent(where.repo) + "/pipelines?ref="
        + encodeURIComponent(where.branch) + "&per_page=1"
      : where.api + "/repos/" + where.repo + "/actions/workflows/"
        + encodeURIComponent(where.workflow) + "/runs?branch="
        + encodeURIComponent(where.branch) + "&per_page=1";
    return fetch(url, { cache: "no-store", headers: {
      Authorization: (where.host === "gitlab" ? "Bearer " : "token ") + token } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) { return lastRunOf(where.host, answer); });
  }

  var runState = "done";

  function showRun(run) {
    var state = run ? run.state : "done";
    if (state === runState) {
      return;  // said already: not announced again at every question
    }
    runState = state;
    if (state === "done") {
      banner("pubblicazione", null);
      return;
    }
    var when = runTime(run.when) ? " (" + runTime(run.when) + ")" : "";
    var parts = [state === "failed"
      ? "L'ultima pubblicazione del sito non è riuscita" + when + ": il sito non mostra"
        + " ancora le ultime modifiche salvate. Avvisa chi gestisce il sito"
      : "Pubblicazione in corso" + when + ": le ultime modifiche saranno sul sito tra"
        + " qualche minuto."];
    if (state === "failed" && run.url) {
      var log = element("a", "registro della pubblicazione");
      log.href = run.url;
      log.rel = "noopener";
      parts.push(", che trova il motivo nel ", log);
    }
    if (state === "failed") {
      parts.push(".");
    }
    banner("pubblicazione", { className: "pubblicazione-" + state, failed: state === "failed",
      role: state === "failed" ? "alert" : "status", parts: parts });
  }

  var runTimer = null;

  function checkRun() {
    var token = sessionToken(PUBLICATIONS.host);
    window.clearTimeout(runTimer);  // not logged in yet: looked at again soon
    runTimer = window.setTimeout(checkRun, token ? RUN_POLL : RUN_POLL / 20);
    if (token && document.visibilityState !== "hidden") {
      lastRun(PUBLICATIONS, token).then(showRun, function () {});  // no answer: no word
    }
  }

  if (PUBLICATIONS && window.fetch) {
    checkRun();
    CMS.registerEventListener({ name: "postSave", handler: function () {
      window.setTimeout(checkRun, RUN_POLL / 12);  // the commit's run has begun by then
    } });
  }

  admin.lastRunOf = lastRunOf;
  admin.runTime = runTime;
}(window.FareLegamiAdmin));
