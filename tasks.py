"""Tasks for the FareLegami site (invoke), in the style of Pelican's quickstart.

Run them through ``./run TASK`` (which sets up .venv first) or, inside the
virtual environment, ``invoke TASK``. ``invoke --list`` shows them all.
"""

import errno
import functools
import gc
import json
import os
import shlex
import shutil
import subprocess
import sys
from contextlib import contextmanager, nullcontext
from pathlib import Path

from invoke import task

# The tools and plugins are imported by the tasks that use them, not here: every task
# would wait for them (Pelican's import among them, 0.2 s) before it starts; `invoke
# check` imports tools/check.py and runs it in invoke's own process.

ROOT = Path(__file__).resolve().parent
CONFIG = {
    "settings_base": ROOT / "pelicanconf.py",
    "settings_publish": ROOT / "publishconf.py",
    "settings_preview": ROOT / "previewconf.py",
    "content": ROOT / "content",
    "deploy_path": ROOT / "output",
    # publish writes releases here and switches ROOT/public/current
    "publish_root": Path(os.environ.get("PUBLISH_ROOT", ROOT / "public")),
    "host": os.environ.get("HOST", "localhost"),
    "port": int(os.environ.get("PORT", "8000")),
    # the local visit counter beside the site: this port, or a free one when another
    # preview has it; the pages are built for the one it got (VISIT_COUNTER_URL)
    "counter_port": 8001,
    "counter_db": ROOT / ".cache" / "counter.sqlite3",
    # the web editor's local backend: this port, or a free one when another preview has
    # it; /admin/ is built for the one it got (ADMIN_LOCAL_BACKEND)
    "cms_port": 8081,
}


def _counter_server():
    """The development visit counter on CONFIG's counter_port, or on a free port when
    that one is taken (another preview's counter: a second clone, the tests)."""
    from tools import counter_server  # noqa: PLC0415
    host, port, database = CONFIG["host"], CONFIG["counter_port"], str(CONFIG["counter_db"])
    try:
        return counter_server.make_server(host, port, database)
    except OSError as error:
        if error.errno != errno.EADDRINUSE or not port:
            raise
    server = counter_server.make_server(host, 0, database)
    free = server.server_address[1]
    print(f"Porta {port} occupata (un'altra anteprima?): il contatore visite di questa usa"
          f" la porta {free}. / Visit counter port {port} is taken: this one uses {free}.")
    return server


def _counter_url(server):
    """The address the pages ask ``server`` at (a counter on every interface: loopback's)."""
    host, port = server.server_address[:2]
    return f"http://{'127.0.0.1' if host in ('0.0.0.0', '') else host}:{port}"


@contextmanager
def _counter():
    """Run the development visit counter (tools/counter_server.py) while the block runs.

    The block gets the build's settings (Pelican's -e) that point the pages at this
    counter, whatever port it got: VISIT_COUNTER_URL, which the script and the
    Content-Security-Policy take (pelicanconf.py's http://localhost:8001 was another
    preview's counter when this one could not have 8001, and the visits were counted in
    that one's database); when it could not start, none (pages without a count).
    """
    from tools import counter_server  # noqa: PLC0415
    CONFIG["counter_db"].parent.mkdir(exist_ok=True)
    try:
        server = _counter_server()
    except OSError as error:
        print(f"Contatore visite non avviato ({error}): le pagine non mostrano le visite. /"
              " Visit counter not started: the pages show no count.", file=sys.stderr)
        yield ('VISIT_COUNTER_URL=""',)
        return
    counter_server.start_in_thread(server)
    url = _counter_url(server)
    print(f"Contatore visite (sviluppo) su {url}")
    try:
        yield (f"VISIT_COUNTER_URL={json.dumps(url)}",)
    finally:
        server.shutdown()
        server.server_close()


def _cms_folders(settings):
    """``(repository, ADMIN_CONTENT_DIR)`` of the web editor's backend for the site built
    with ``settings`` from CONFIG's content folder: the paths the editor sends begin with
    ADMIN_CONTENT_DIR (its config.yml), the only folder tools/cms_guard.js lets it touch,
    from the repository's root. Raises cms_server.NotStarted when CONFIG's content folder
    is not that folder of any repository (the editor would save where the build does not
    read)."""
    from tools import cms_server  # noqa: PLC0415
    folder = cms_server.content_dir(settings)
    repo = cms_server.repository_of(CONFIG["content"], folder)
    if repo is None:
        raise cms_server.NotStarted(
            f"ADMIN_CONTENT_DIR ({folder!r}, in {Path(settings).name}) non è la cartella"
            f" da cui è compilato il sito ({CONFIG['content']}): l'editor web salverebbe"
            " dove l'anteprima non legge; scrivi in ADMIN_CONTENT_DIR il percorso di quella"
            f" cartella dalla radice del progetto / ADMIN_CONTENT_DIR ({folder!r}) is not the"
            f" folder the site is built from ({CONFIG['content']})")
    return repo, folder


@contextmanager
def _cms(settings=None):
    """Run the web editor's local backend (tools/cms_server.py) while the block runs.

    It saves into CONFIG's content folder, the settings' ADMIN_CONTENT_DIR of its
    repository (``settings``: the build's, default CONFIG's settings_base;
    :func:`_cms_folders`). The block gets the build's settings (Pelican's -e) for it:
    ADMIN_LOCAL_BACKEND, its address whatever port it got (pelicanconf.py's
    127.0.0.1:8081 was another preview's backend when this one could not have 8081:
    this site's /admin/ saved into the other one's content/); when it could not start,
    the site without the web editor.
    """
    from tools import cms_server  # noqa: PLC0415
    port = CONFIG["cms_port"] or cms_server.free_port()
    if not cms_server.port_free(cms_server.HOST, port):
        taken, port = port, cms_server.free_port()
        print(f"Porta {taken} occupata (un'altra anteprima?): l'editor web di questa usa la"
              f" porta {port}. / Web editor port {taken} is taken: this one uses {port}.")
    try:
        repo, folder = _cms_folders(settings or CONFIG["settings_base"])
        server = cms_server.CmsServer(repo, port, content=folder).start()
    except cms_server.NotStarted as error:
        print(f"Editor web non avviato ({error}): il sito è servito senza l'editor web"
              " (/admin/). / Web editor backend not started: the site is served without"
              " it.", file=sys.stderr)
        yield WITHOUT_EDITOR
        return
    # the editor asks for its backend only from a page on localhost (HOST=0.0.0.0: there too)
    host = CONFIG["host"] if CONFIG["host"] not in ("", "0.0.0.0", "::") else "localhost"
    print(f"Editor web su http://{host}:{CONFIG['port']}/admin/"
          f" (salva in {folder}/; archivio locale {server.url})")
    try:
        yield (f"ADMIN_LOCAL_BACKEND={json.dumps(server.url)}",)
    finally:
        server.stop()


def _build(settings, output=None, extra_settings=()):
    from tools import safe_build  # noqa: PLC0415
    ok = safe_build.build_into(settings, output or CONFIG["deploy_path"], extra_settings,
                               content=CONFIG["content"])
    if not ok:
        print("Compilazione non riuscita: correggi gli errori indicati sopra."
              " / Build failed: fix the errors above.", file=sys.stderr)
    return ok


@task(help={"settings": "settings file (default: pelicanconf.py)"})
def check(c, settings=""):
    """Check all content against the contract without building: every problem as file:line."""
    # In this process, not a second interpreter: invoke has imported a good part of what
    # the check imports (logging, typing, importlib.metadata, yaml…), and its start-up
    # is most of a check's time after a build (0.1 s of CPU of 0.55 s at 1000 files). As
    # ``python tools/check.py`` runs: from the project's folder (the files are named from
    # there), the collector off until main() has frozen what the start-up made.
    gc.disable()
    os.chdir(ROOT)
    from tools import check as content_check  # noqa: PLC0415

    sys.exit(content_check.main(["--settings", settings] if settings else []))


@task(help={"title": "the headline", "category": "folder under content/ (default: notizie)",
            "date": "YYYY-MM-DD HH:MM, Rome time (default: now)",
            "slug": "the end of the address (default: from the title)",
            "pubblica": "status: published instead of draft",
            "publish": "the same as --pubblica (the guide says the options are English)"})
def new(c, title="", category="notizie", date="", slug="", pubblica=False, publish=False):
    """Create a new article (a draft) with complete front matter; print its preview URL."""
    # --publish is --pubblica in English: the guide tells the editors that the options are
    # written in English, as the keys are, and invoke refused --publish
    command = [sys.executable, str(ROOT / "tools" / "new_item.py"), "--title", title,
               "--category", category, "--preview",
               f"http://{CONFIG['host']}:{CONFIG['port']}/"]
    command += ["--date", date] if date else []
    command += ["--slug", slug] if slug else []
    command += ["--pubblica"] if pubblica or publish else []
    sys.exit(subprocess.run(command, cwd=ROOT, check=False).returncode)


@task
def clean(c):
    """Remove generated files."""
    shutil.rmtree(CONFIG["deploy_path"], ignore_errors=True)


# Without Node.js the local tasks build the site without the web editor (its code and
# local backend are npm packages), saying so after what to install; the public build
# (publish) and the tests do not: they stop
NO_EDITOR = ("L'anteprima del sito parte lo stesso, ma senza l'editor web (/admin/), che"
             " ha bisogno di Node.js. / The site preview runs anyway, without the web"
             " editor (/admin/), which needs Node.js.")
NO_EDITOR_BUILD = ("Il sito è compilato lo stesso, ma senza l'editor web (/admin/), che ha"
                   " bisogno di Node.js. / The site is built anyway, without the web editor"
                   " (/admin/), which needs Node.js.")
WITHOUT_EDITOR = ("ADMIN_ENABLED=false",)  # Pelican's -e


def _served_at():
    """The build's settings (Pelican's -e) for the address the preview serves it at: the
    absolute addresses (the feeds and their links, canonical and sharing addresses) are
    FEED_DOMAIN's, pelicanconf.py's http://localhost:8000, another preview's site when
    this one runs on PORT=8010."""
    host = CONFIG["host"] if CONFIG["host"] not in ("", "0.0.0.0", "::") else "localhost"
    address = f"http://{host}:{CONFIG['port']}"
    return (f"FEED_DOMAIN={json.dumps(address)}",)


def _editor(without):
    """Node.js and the web editor's npm packages (tools/node_setup.py): True when there;
    without Node.js (and no apt to install it) False, having said what to install and
    ``without`` (what the task does instead)."""
    from tools import node_setup  # noqa: PLC0415
    try:
        node_setup.install()
    except node_setup.Missing as missing:
        print(f"{missing}\n{without}", file=sys.stderr, flush=True)
        return False
    return True


def _build_here():
    """Build into output/ (without Node.js, without the web editor); exit 1 on failure.
    True when the web editor was built."""
    editor = _editor(NO_EDITOR_BUILD)
    if not _build(CONFIG["settings_base"], extra_settings=() if editor else WITHOUT_EDITOR):
        sys.exit(1)
    return editor


@task
def build(c):
    """Build the site into output/ with development settings (without Node.js, no /admin/)."""
    _build_here()


@task
def regenerate(c):
    """Rebuild on every change with Pelican's own watcher (no server; without Node.js, no
    /admin/)."""
    editor = _editor(NO_EDITOR_BUILD)
    subprocess.run([sys.executable, "-m", "pelican", "-r", str(CONFIG["content"]), "-s",
                    str(CONFIG["settings_base"]), "-o", str(CONFIG["deploy_path"]),
                    *([] if editor else ["-e", *WITHOUT_EDITOR])], check=False)


@task
def serve(c):
    """Build, then serve output/, the visit counter and the web editor's backend (no reload;
    without Node.js, the site without the web editor)."""
    from http.server import ThreadingHTTPServer  # noqa: PLC0415
    from tools import preview as preview_server  # noqa: PLC0415
    editor = _editor(NO_EDITOR_BUILD)
    handler = functools.partial(preview_server.StaticHandler,
                                directory=str(CONFIG["deploy_path"]))
    # first: the pages are built for their addresses
    with _counter() as counter, _cms() if editor else nullcontext(WITHOUT_EDITOR) as cms:
        built = _build(CONFIG["settings_base"], extra_settings=(*_served_at(), *counter, *cms))
        if not built:
            sys.exit(1)
        with ThreadingHTTPServer((CONFIG["host"], CONFIG["port"]), handler) as server:
            server.bound_name = CONFIG["host"]  # a Host of this name is this machine's
            print(f"Sito su http://{CONFIG['host']}:{CONFIG['port']}/ (Ctrl+C per uscire)",
                  flush=True)
            try:
                server.serve_forever()
            except KeyboardInterrupt:
                pass


def _livereload(settings):
    """Serve with live reload; a failed build shows its errors on every page (tools/preview.py).
    Without Node.js (and no apt to install it), without the web editor, saying so."""
    from tools import preview as preview_server  # noqa: PLC0415
    editor = _editor(NO_EDITOR)
    # first: the pages are built for their addresses
    with _counter() as counter, \
            _cms(settings) if editor else nullcontext(WITHOUT_EDITOR) as cms:
        site = preview_server.PreviewSite(settings, CONFIG["deploy_path"], CONFIG["content"],
                                          (*_served_at(), *counter, *cms))
        preview_server.serve(site, CONFIG["host"], CONFIG["port"])


@task
def livereload(c):
    """Build and serve at http://localhost:8000, reloading on changes; counter and web editor."""
    _livereload(CONFIG["settings_base"])


@task
def preview(c):
    """Like livereload, with drafts marked BOZZA and scheduled items PROGRAMMATO."""
    _livereload(CONFIG["settings_preview"])


def _publish_prepare():
    """The web editor's npm packages for a release (once its lock is held). Without Node.js
    the publish fails: a public site without /admin/ would leave the editors without their
    editor (the local tasks build without it instead)."""
    from tools import node_setup  # noqa: PLC0415
    node_setup.ensure(why="Pubblicazione non riuscita: il sito pubblicato comprende l'editor"
                      " web (/admin/), che ha bisogno di Node.js; il sito pubblicato non è"
                      " cambiato. / Publish failed: the public site includes the web editor"
                      " (/admin/), which needs Node.js; the published site was left as it was.")


@task(help={"strict": "refuse the release when an article's or page's address, a"
                      " document or a feed of the current release would vanish"
                      " (default: a warning)",
            "settings_only": "only check SITEURL and the publish settings, build nothing"
                             " (the deploy workflow's first step: a repository variable"
                             " missing or wrong fails in seconds, not after the tests)",
            "wait": "minutes to wait for a publish already running to end (default 0:"
                    " fail at once); CI's publish for a push waits for the morning one"})
def publish(c, strict=False, settings_only=False, wait=0):
    """Build into PUBLISH_ROOT/staging/, check it, then make it the current release.

    Needs SITEURL. One publish (or rollback) at a time: a second one fails at once
    ("another publish is running"), or with --wait MINUTES waits that long at most for
    the first to end (CI's publish over ssh for a push: the push's news goes live after
    the morning build, not the next morning). The build (publishconf.py) runs in
    PUBLISH_ROOT/staging/<time>/, never a rollback candidate; it dies with this task.
    The staging folder is then checked (tools/release_check.py: every internal link
    and asset resolves, feeds and sitemap.xml parse, no drafts or future items). Only
    a release that built and passed moves to PUBLISH_ROOT/releases/<time>/ and
    PUBLISH_ROOT/current switches to it with one atomic rename; otherwise current is
    untouched, the problems are printed and the task exits with status 1. Five
    releases are kept; folders left by an interrupted publish are removed. A build
    identical to the current release makes no new one (current stays).

    The addresses of articles and pages of the current release that the new one takes
    away (a date or slug changed, an item deleted, made a draft or dated in the future)
    are printed with the line that keeps each (indirizzi_precedenti) or what became of
    its file, and so are its documents and feeds that vanish: a warning, the publish
    goes on; with --strict the release is refused (status 1, current untouched).

    With --settings-only: SITEURL and the settings' errors a publish would stop on
    (every plugin's checks: VISIT_COUNTER_URL, the web editor's ADMIN_*), nothing built.
    """
    from tools import publish_checks  # noqa: PLC0415
    from tools import publish_root  # noqa: PLC0415
    from tools import publisher  # noqa: PLC0415
    _public_address()
    if settings_only:
        errors, warnings = publish_checks.settings_problems(CONFIG["settings_publish"],
                                                            CONFIG["content"])
        for warning in warnings:  # as the publish would show them
            print(f"Attenzione / Warning: {warning}", file=sys.stderr)
        if errors:
            sys.exit("Impostazioni di pubblicazione non valide (la pubblicazione si"
                     " fermerebbe) / Publish settings a publish would stop on:\n  "
                     + "\n  ".join(errors))
        print(f"Impostazioni di pubblicazione valide / Publish settings valid:"
              f" SITEURL={os.environ['SITEURL']}")
        return
    served = publish_root.current(CONFIG["publish_root"])  # the release online before
    try:  # the npm packages installed under the lock: not while another publish builds
        release = publisher.publish(CONFIG["settings_publish"], CONFIG["publish_root"],
                                     content=CONFIG["content"], strict=strict,
                                     wait=60 * float(wait), prepare=_publish_prepare)
    except publish_root.Busy as busy:
        sys.exit(f"Pubblicazione già in corso: riprova più tardi. / {busy}")
    except (publish_root.NotALink, publish_root.NotWritable) as problem:
        sys.exit(f"Pubblicazione non riuscita: {problem}")
    if release is None:
        sys.exit("Pubblicazione non riuscita: il sito pubblicato non è cambiato."
                 " / Publish failed: the published site was left as it was.")
    if release.name == served:  # the same build as the one online: no new release
        print(f"Nessuna modifica: resta online {release} / Unchanged: {release} stays current")
        return
    print(f"Pubblicato / Published {release} -> {CONFIG['publish_root'] / 'current'}")


def _in_actions():
    """True in a GitHub Actions job (.github/workflows/publish.yml), where the publish's
    addresses are the repository's variables."""
    return os.environ.get("GITHUB_ACTIONS") == "true"


def _where_set(names="SITEURL"):
    """Where the deployer sets ``names``, as an (Italian, English) pair of hints: in GitHub
    Actions the repository's variables (the workflow's ``vars.*``), which a message saying
    ``SITEURL=… ./run publish`` did not name; elsewhere none (the environment,
    publish.env)."""
    if not _in_actions():
        return "", ""
    place = "Settings > Secrets and variables > Actions > Variables"
    return (f" (GitHub Actions: variabili del repository, {names}, in {place};"
            " README \"GitHub Pages\", passo 2)",
            f" (GitHub Actions: the repository variables, {names}, in {place};"
            " README \"GitHub Pages\", step 2)")


def _refuse(italian, english, names="SITEURL"):
    """Exit with ``italian / english``, each half with its own hint of where ``names`` is
    set (``_where_set``)."""
    hint_it, hint_en = _where_set(names)
    sys.exit(f"{italian}{hint_it} / {english}{hint_en}")


def _public_address():
    """Exit with why unless SITEURL (the environment's) is an address a release can have,
    and VISIT_COUNTER_URL, if set, one its readers can reach."""
    from plugins.core.urls import LOOPBACK, http_address  # noqa: PLC0415
    siteurl = os.environ.get("SITEURL", "")
    if not siteurl:
        if _in_actions():
            # in the workflow the value comes from the repository variable, not a command
            _refuse("SITEURL non impostato: scrivi l'indirizzo pubblico del sito, per esempio"
                    " https://www.example.org, nella variabile del repository SITEURL",
                    "SITEURL is not set: set the repository variable SITEURL to the site's"
                    " public address, e.g. https://www.example.org")
        # the command as the README gives it: invoke is on the PATH only inside .venv
        _refuse("SITEURL non impostato: per esempio SITEURL=https://www.example.org"
                " ./run publish", "SITEURL is not set: e.g."
                " SITEURL=https://www.example.org ./run publish")
    parts = http_address(siteurl)
    # a release tried on this machine may have a loopback address; one built in CI is
    # published for everyone, who would get pages linking to their own computer
    if parts is not None and parts.hostname in LOOPBACK and _in_actions():
        _refuse(f"SITEURL indica questo computer ({siteurl}): il sito pubblicato da GitHub"
                " Actions rimanderebbe ogni lettore al proprio computer; scrivi l'indirizzo"
                " pubblico del sito, per esempio https://www.example.org",
                "SITEURL names this machine: give the site's public address")
    if parts is not None and parts.scheme.lower() != "https" and parts.hostname not in LOOPBACK:
        _refuse(f"SITEURL deve cominciare con https:// ({siteurl}): con http:// i browser"
                " bloccherebbero fogli di stile e script sul sito servito in https",
                "SITEURL must be an https:// address")
    # every absolute address of the site (feeds, sitemap, canonical) begins with it:
    # "https://" alone published https:/2024/05/…, a query or a space broke them all
    if (parts is None or parts.query or parts.fragment or "@" in parts.netloc
            or any(character.isspace() for character in siteurl)):
        _refuse(f"SITEURL non è l'indirizzo del sito ({siteurl!r}): scrivi https://, il nome"
                " del sito e, se serve, la sua cartella, senza spazi, ? o #, per esempio"
                " https://www.example.org", "SITEURL must be https://host[/path], without"
                " spaces, query or fragment")
    # publishconf.py reads the counter's address from the environment: one on this
    # machine (the development counter's, copied) would have every reader's browser ask
    # its own computer, so nothing would be counted
    counter = http_address(os.environ.get("VISIT_COUNTER_URL", "").strip())
    if counter is not None and counter.hostname in LOOPBACK and parts.hostname not in LOOPBACK:
        _refuse(f"VISIT_COUNTER_URL indica questo computer ({counter.hostname}): i browser dei"
                " lettori chiederebbero le visite al proprio computer e nessuna sarebbe"
                " contata; scrivi l'indirizzo pubblico del contatore (per esempio"
                " https://stats.example.org) o lascialo vuoto", "VISIT_COUNTER_URL names"
                " this machine: readers' browsers would ask their own; give the counter's"
                " public address, or none", "VISIT_COUNTER_URL")


@task
def cms(c):
    """Only the web editor's local backend: decap-server on 127.0.0.1:8081, saving into content/.

    For a site served some other way; livereload, preview and serve start it themselves.
    Without Node.js it cannot run: it says what to install, and fails.
    """
    from tools import cms_server  # noqa: PLC0415
    from tools import node_setup  # noqa: PLC0415
    node_setup.ensure(why="Editor web non avviato: ha bisogno di Node.js. / The web editor's"
                      " local backend was not started: it needs Node.js.")
    try:
        repo, folder = _cms_folders(CONFIG["settings_base"])
    except cms_server.NotStarted as error:
        sys.exit(error.stop_message())
    port = CONFIG["cms_port"]
    # not on a free port, as the previews: they build /admin/ for the port they got, while
    # the site this backend is for was built for pelicanconf.py's (ADMIN_LOCAL_BACKEND),
    # and its editor would ask whatever holds that one (another clone's backend saved
    # into that clone's content/)
    if not cms_server.port_free(cms_server.HOST, port):
        italian, english = cms_server.port_holder(port, repo=repo)
        sys.exit(f"Editor web non avviato: la porta {port} è già in uso, la tiene {italian}."
                 " L'editor web (/admin/) del sito compilato con pelicanconf.py cerca"
                 f" l'archivio locale a {cms_server.HOST}:{port}: su un'altra porta non lo"
                 " troverebbe. Chiudi quel programma e riprova, oppure usa ./run livereload"
                 " (o preview, serve), che avvia l'archivio su una porta libera e compila"
                 " /admin/ per quella."
                 f" / The web editor's local backend was not started: port {port} is taken,"
                 f" by {english}. The built site's /admin/ (pelicanconf.py) asks for it at"
                 f" {cms_server.HOST}:{port}, so on another port it would not be found: stop"
                 " that program and try again, or use ./run livereload (or preview, serve),"
                 " which starts the backend on a free port and builds /admin/ for it.")
    cms_server.main(["--port", str(port), "--repo", str(repo),
                     "--content", folder])


@task(help={"articles": "synthetic articles to build (default 2000)",
            "runs": "builds of each kind; the median is printed (default 3)"})
def bench(c, articles=2000, runs=3):
    """Build-time figures: this site against bare Pelican, cold, warm, one article changed."""
    from tools import node_setup  # noqa: PLC0415
    node_setup.ensure()
    command = [sys.executable, str(ROOT / "tools" / "bench.py"), "--articles", str(articles),
               "--runs", str(runs)]
    sys.exit(subprocess.run(command, cwd=ROOT, check=False).returncode)


@task
def rollback(c):
    """Point PUBLISH_ROOT/current at the release before the current one.

    Only complete releases (PUBLISH_ROOT/releases/<time>/) are candidates, never a
    staging folder. With no earlier release it fails (status 1) and current is
    untouched; while a publish is running it fails at once. Run it again to go
    back further; the next publish makes its own release current.
    """
    from tools import publish_root  # noqa: PLC0415
    try:
        release = publish_root.rollback(CONFIG["publish_root"])
    except publish_root.Busy as busy:
        sys.exit(f"Pubblicazione in corso: riprova più tardi. / {busy}")
    except (publish_root.NotALink, publish_root.NotWritable) as problem:
        sys.exit(f"Ritorno non riuscito: {problem}")
    root = CONFIG["publish_root"]
    if release is None:
        sys.exit(f"Nessuna versione precedente in {root}: current non è cambiato (PUBLISH_ROOT"
                 f" è quello giusto?) / No earlier release in {root} to roll back to: current"
                 " left as it was.")
    # the bad release is still main's newest commit: the timer's morning build, a push's
    # publish (or the workflow's) would put it back online at the next run
    print(f"Tornato a / Rolled back to {release}\n"
          "Fino alla prossima pubblicazione (quella del mattino, il prossimo push), che"
          " pubblica di nuovo l'ultimo commit di main: annulla prima su main la modifica"
          " sbagliata (git revert COMMIT, poi git push). / Until the next publish (the"
          " morning one, the next push), which publishes main's newest commit again:"
          " revert the bad commit on main first (git revert COMMIT, then git push).")


def _ensure_test_packages():
    """Browser tests need Debian's chromium, the deployment's tests nginx, its brotli module
    and rsync, the markup's test a Java runtime (default-jre-headless): installed with apt
    when missing (as root, or through sudo)."""
    from tools import system_packages  # noqa: PLC0415
    try:
        system_packages.ensure(system_packages.BROWSER, interactive=True)
    except system_packages.Unavailable as error:
        sys.exit(f"Chromium: {error}")
    try:
        system_packages.ensure(system_packages.DEPLOY, interactive=True)
    except system_packages.Unavailable as error:
        print(f"nginx, rsync: {error}; tests/test_nginx.py and the rsync test will be skipped",
              file=sys.stderr)
    try:
        system_packages.ensure(system_packages.JAVA, interactive=True)
    except system_packages.Unavailable as error:
        print(f"Java: {error}; tests/test_html_validity.py will be skipped", file=sys.stderr)


@task(help={"args": "extra pytest arguments, e.g. -k feeds"})
def test(c, args=""):
    """Run the whole test suite (installs Chromium, nginx, node and the npm packages if missing)."""
    from tools import node_setup  # noqa: PLC0415
    _ensure_test_packages()
    node_setup.ensure()
    node_setup.ensure(ROOT / "tests" / "axe")
    result = subprocess.run([sys.executable, "-m", "pytest", *shlex.split(args)], cwd=ROOT,
                            check=False)
    sys.exit(result.returncode)
