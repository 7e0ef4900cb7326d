"""A time budget for one step on untrusted input, so that a hostile file stops the
build with its name and the reason instead of hanging it:

- converting a text (``plugins.contract``, ``CONTRACT_MARKDOWN_SECONDS``): Python-Markdown
  takes quadratic time on some shapes of text (hundreds of ``[``, ``![``, ``[a](`` or
  ``<`` in one paragraph, which a paste of program output or of a broken export can
  hold: 20,000 ``[`` take 88 s here, 20,000 ``![`` three minutes; upstream issue #798);
- reading a PDF's page count with pypdf (``plugins.attachments.pdfinfo``), whose
  parser has had infinite loops on crafted files.

:func:`time_limit` raises :class:`TimeLimitExceeded` inside its block after the given
seconds of the process's CPU time (the profiling interval timer and SIGPROF), not of
wall time: the hostile shapes keep a core busy, and on a machine busy with other work
(a CI runner, two previews, a build beside the tests) a text converted in 4 s of CPU
took over 10 s of wall time and was refused as hostile, a build failing by the load
of the machine. That needs the main thread of a POSIX process, where Pelican reads
content (the read-ahead and ``invoke check`` workers are processes of their own too);
elsewhere, or when something else of the process already uses SIGPROF or the timer,
the block runs without a limit.
"""

import contextlib
import signal
import threading


class TimeLimitExceeded(BaseException):
    """The block ran longer than its budget. Not an ``Exception``: a library's own
    ``except Exception`` (pypdf's, Markdown's) must not take it for one of its errors."""

    def __init__(self, seconds):
        super().__init__(f"over {seconds} s")
        self.seconds = seconds


def _available():
    return (hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGPROF) in (signal.SIG_DFL, None)
            and signal.getitimer(signal.ITIMER_PROF)[0] == 0)


@contextlib.contextmanager
def time_limit(seconds):
    """Run the block with ``seconds`` of the process's CPU time at most (falsy: no
    limit); waiting (a read, a sleep) does not count."""
    if not seconds or not _available():
        yield
        return

    def expire(signum, frame):
        raise TimeLimitExceeded(seconds)

    signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, signal.SIG_DFL)
