"""Run a terminal program in a real pseudo-terminal, press keys, and time and count what it writes.

A "frame" is a burst of output: it ends when the program has been quiet for QUIET seconds; its
time is that of its last byte, so the quiet wait itself is not counted."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from dataclasses import dataclass, field

QUIET = 0.4


@dataclass
class Frame:
    seconds: float  # from start (first frame) or from the key press (later frames) to the last byte
    data: bytes
    arrivals: list[tuple[float, int]] = field(default_factory=list)  # (seconds, bytes so far) per read

    @property
    def size(self) -> int:
        return len(self.data)

    def seen(self, marker: bytes) -> float:
        """When `marker` was first on screen: the time of the read that completed it (nan if never)."""
        at = self.data.find(marker)
        if at < 0:
            return float("nan")
        end = at + len(marker)
        return next(seconds for seconds, total in self.arrivals if total >= end)


@dataclass
class Session:
    command: list[str]
    size: tuple[int, int] = (80, 24)
    env: dict[str, str] = field(default_factory=dict)

    def __enter__(self) -> "Session":
        self.master, slave = os.openpty()
        cols, rows = self.size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor", **self.env}
        env.pop("NO_COLOR", None)
        # As installed by pip, with compiled bytecode: a first run writes it, later runs read it.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.started = time.perf_counter()
        self.process = subprocess.Popen(self.command, stdin=slave, stdout=slave, stderr=slave, env=env,
                                        start_new_session=True, close_fds=True)
        os.close(slave)
        return self

    def read_frame(self, since: float, until: bytes | None = None, timeout: float = 120.0) -> Frame:
        """Read until `until` has been seen (if given) and the output has gone quiet."""
        data = b""
        last = since
        arrivals = []
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.master], [], [], QUIET)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                data += chunk
                last = time.perf_counter()
                arrivals.append((last - since, len(data)))
            elif data and (until is None or until in data):
                break
        return Frame(last - since, data, arrivals)

    def first_frame(self, marker: bytes) -> Frame:
        return self.read_frame(self.started, until=marker)

    def press(self, keys: bytes, until: bytes | None = None) -> Frame:
        pressed = time.perf_counter()
        os.write(self.master, keys)
        return self.read_frame(pressed, until=until)

    def peak_memory_mb(self) -> float:
        """Peak resident memory of the program so far (Linux: VmHWM)."""
        try:
            with open(f"/proc/{self.process.pid}/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return float("nan")

    def __exit__(self, *exc) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        os.close(self.master)


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
