"""The app leaves with its terminal: when the terminal is gone (the SSH client killed, the window
closed) it ends within seconds, whether or not SIGHUP reached it. No Textual.

With SIGHUP ignored (nohup, some shells and multiplexers), nothing told the app: Textual's input
thread read EOF, or EIO, from the dead terminal again and again, and the orphan spun at a core and
more for ever. A hung-up terminal reports POLLHUP (or POLLERR) on its descriptors whatever else
happens, so a thread that asks only for those, four times a second, sees it and nothing else.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable

EXIT_HUNG_UP = 129  # 128 + SIGHUP, as a shell reports a process ended by a hang-up
GONE = 0x8 | 0x10 | 0x20  # POLLERR | POLLHUP | POLLNVAL, spelled out: select.poll is not on Windows


def terminal_gone(fds: Iterable[int]) -> bool:
    """True when any of `fds` (the terminal's input and output) has hung up or gone away."""
    import select

    poller = select.poll()
    for fd in fds:
        poller.register(fd, 0)  # no events asked for: only hang-up, error and invalid are reported
    return any(events & GONE for _, events in poller.poll(0))


def watch(fds: Iterable[int], leave: Callable[[], None], *, interval: float = 0.25, grace: float = 1.5) -> bool:
    """Call `leave` (which asks the app to end) once the terminal on `fds` is gone; if the process
    is still here `grace` seconds later (its last writes to a dead terminal may block or fail),
    end it (exit 129). The journal is written atomically, so ending mid-save keeps the file whole.
    False (and no watching) where the system cannot tell (no poll: Windows)."""
    import select

    if not hasattr(select, "poll"):
        return False
    fds = tuple(fds)

    def run() -> None:
        while not terminal_gone(fds):
            time.sleep(interval)
        # `leave` may wait on an app that no longer answers: it runs on its own, the clock here.
        threading.Thread(target=leave, name="erqi-tui-leave", daemon=True).start()
        time.sleep(grace)
        os._exit(EXIT_HUNG_UP)

    threading.Thread(target=run, name="erqi-tui-hangup", daemon=True).start()
    return True
