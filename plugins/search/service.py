"""``pagefind --service``, the child process Pagefind's Python API (package ``pagefind``
1.5.2, binary from ``pagefind-bin``) drives, speaking base64 JSON over stdin/stdout.

:class:`Service` is the stock client (``PagefindService``) without its sleep, limit and
silent hangs: it never sleeps 0.1 s before reading each answer (the stock poll loop
does: 1000 pages would cost 100 s), reads answers up to :data:`READ_LIMIT` (the bundle
comes back as one message; the stock 2 MiB limit is too small for a large site), and a
binary that exits, prints garbage or answers an error fails every pending request
(:class:`ServiceEnded`), its own output quoted (:meth:`Service.output`). :func:`binary`
finds the executable, or fails at once naming why.

:class:`Service` overrides two private methods of ``PagefindService`` (``launch``,
``_wait_for_responses``): the versions are pinned in requirements.txt, and
``tests/test_search_bundle.py`` fails if they change under it.
"""

import asyncio
import base64
import json
import os
import tempfile
from pathlib import Path

from pagefind.service import PagefindService, get_executable

from .errors import SearchIndexError

READ_LIMIT = 2**28  # bytes of one answer: the whole bundle, for get_files
STOP_GRACE = 1  # seconds for pagefind to exit once its input is closed, before a kill
OUTPUT_TAIL = 2000  # characters of the binary's own output quoted in an error


class ServiceEnded(Exception):
    """The pagefind process ended or answered something that is not its protocol."""


def _settle(future, error):
    """Fail ``future`` with ``error``, marked as seen: a request nobody awaits any more
    (the step failed at its first error, the others' answers unread) is not reported at
    exit as "Future exception was never retrieved"; one awaited still raises it."""
    future.set_exception(error)
    future.exception()


class Service(PagefindService):
    """``pagefind --service`` without the stock client's sleep, limit and silent hangs."""

    def __init__(self, binary):  # noqa: D107 - the base __init__ would look the binary up again
        self._loop = asyncio.get_running_loop()
        self._bin = Path(binary)
        self._responses = {}
        self._message_id = 0
        self._ended = None
        self._output = tempfile.TemporaryFile()  # the binary's stderr, quoted in errors

    async def launch(self):
        self._backend = await asyncio.create_subprocess_exec(
            self._bin, "--service", stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE, stderr=self._output, limit=READ_LIMIT)
        self._poll_task = self._loop.create_task(self._wait_for_responses())
        return self

    async def send(self, payload):
        if self._ended is not None:
            raise self._ended
        try:
            return await super().send(payload)
        except (ConnectionError, BrokenPipeError) as error:  # it ended while we wrote
            raise ServiceEnded("pagefind ended unexpectedly") from error

    async def _wait_for_responses(self):
        """Resolve each request's future with its answer; on EOF or garbage, fail them all."""
        try:
            while True:
                data = await self._backend.stdout.readuntil(b",")
                answer = json.loads(base64.b64decode(data[:-1], validate=True))
                if answer is None:
                    continue
                message_id = answer.get("message_id")
                payload = answer["payload"]
                if message_id is None and payload.get("original_message"):
                    message_id = json.loads(payload["original_message"]).get("message_id")
                future = self._responses.get(message_id)
                if future is None or future.done():
                    if payload.get("type") == "Error":  # an error about no request of ours
                        self._fail(ServiceEnded(f"pagefind: {payload.get('message')}"))
                        return
                    continue
                if payload["type"] == "Error":
                    _settle(future, ServiceEnded(f"pagefind: {payload.get('message')}"))
                else:
                    future.set_result(payload)
        except asyncio.CancelledError:
            raise
        except asyncio.IncompleteReadError:
            self._fail(ServiceEnded("pagefind ended unexpectedly"))
        except Exception as error:  # noqa: BLE001 - whatever it was, no answer will come
            self._fail(ServiceEnded(f"unexpected output from pagefind ({type(error).__name__}:"
                                    f" {error})"))

    def _fail(self, error):
        self._ended = error
        for future in self._responses.values():
            if not future.done():
                _settle(future, error)

    def output(self):
        """The end of what the binary wrote to stderr."""
        self._output.seek(0)
        text = self._output.read().decode("utf-8", "replace").strip()
        return text[-OUTPUT_TAIL:]

    async def stop(self):
        """End the child and reap it: it exits when its input closes; killed if it does not.

        Never kill a child that may have exited already: ``Popen.send_signal`` reaps
        it first, racing asyncio's own child watcher ("Unknown child process pid").
        """
        self._poll_task.cancel()
        try:
            self._backend.stdin.close()
        except OSError:
            pass
        try:
            await asyncio.wait_for(asyncio.shield(self._backend.wait()), STOP_GRACE)
        except asyncio.TimeoutError:
            try:
                self._backend.kill()
            except ProcessLookupError:
                pass
            await self._backend.wait()
        finally:
            self.close_output()

    def close_output(self):
        self._output.close()


def binary(setting=None):
    """The pagefind executable: ``setting`` (SEARCH_PAGEFIND_BINARY), else pagefind-bin's."""
    found = setting or get_executable()
    if not found:
        raise SearchIndexError(
            "Search index: pagefind not found; install the pinned requirements"
            " (pip install -r requirements.txt: pagefind, pagefind-bin)")
    if not os.access(found, os.X_OK):
        raise SearchIndexError(f"Search index: pagefind binary {found} is not executable")
    return found
