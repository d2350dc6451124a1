"""Many viewers at once: N dashboards (N = 1, 10, 50), one process each in its own pseudo-terminal,
as a demo or a briefing watched over SSH or `serve`. For erqi-tui and for a minimal Textual app in
the same run it measures, per session:
  - memory after each session has visited every pane (PSS: shared pages divided among the processes
    that share them, so N sessions add up to what they really cost; RSS beside it);
  - idle CPU over --idle seconds (erqi-tui polls its files twice a second: a cost to measure);
  - keystroke-to-complete-frame latency of one active session while the others idle, median and
    p95 over --presses keys.
Goals: memory ≤ 1.2× the minimal app's (issue 21), idle CPU ≤ 2× the minimal app's, p95 latency with 50
sessions ≤ 2× that with 1.

    python bench/audience.py [--counts 1,10,50] [--idle 30] [--presses 20]"""

from __future__ import annotations

import argparse
import os
import select
import sys
import threading
import time
from pathlib import Path

from harness import Session, median

HERE = Path(__file__).resolve().parent
TICKS = os.sysconf("SC_CLK_TCK")
SETTLE = 2.0  # seconds after the last key before memory and idle CPU are measured: the last frame's tail is not idle
PROGRAMS = {
    # name: (command, first-frame marker, keys that visit every pane, a key pair that draws a frame)
    "minimal": ([sys.executable, str(HERE / "minimal_app.py")], b"baseline", [b"\x10", b"\x1b"],
                (b"\x10", b"\x1b")),  # Ctrl+P opens the palette, Esc closes it
    "erqi-tui": ([sys.executable, "-m", "erqi_tui"], "命令面板".encode(), [b"2", b"3", b"4", b"5", b"1"],
                 (b"2", b"1")),
}


def cpu_seconds(pid: int) -> float:
    """Time on a CPU so far, all threads: from /proc/PID/task/*/schedstat, in nanoseconds. The
    utime + stime of /proc/PID/stat count in 10 ms ticks and charge a whole tick to whoever runs when
    it falls: an idle session over 30 s is 5 to 15 ticks, and a wake-up twice a second can fall in
    step with them (that measure put erqi-tui's idle CPU at 1.7–2.0× the minimal app's)."""
    total = 0
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/schedstat") as stat:
                total += int(stat.read().split()[0])
        return total / 1e9
    except (OSError, ValueError, IndexError):  # no schedstat: the ticks
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def memory_mb(pid: int) -> tuple[float, float]:
    """(PSS, RSS) in MB, from /proc/PID/smaps_rollup."""
    values = {}
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            name, _, rest = line.partition(":")
            if name in ("Pss", "Rss"):
                values[name] = int(rest.split()[0]) / 1024
    return values.get("Pss", float("nan")), values.get("Rss", float("nan"))


class Drain(threading.Thread):
    """Reads what the idle sessions write, so that none blocks on a full terminal."""

    def __init__(self, sessions: list[Session]) -> None:
        super().__init__(daemon=True)
        self.masters = [s.master for s in sessions]
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set() and self.masters:
            ready, _, _ = select.select(self.masters, [], [], 0.1)
            for fd in ready:
                try:
                    if not os.read(fd, 65536):
                        self.masters.remove(fd)
                except OSError:
                    self.masters.remove(fd)

    def stop(self) -> None:
        self.stopped.set()
        self.join()


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(name: str, count: int, idle: float, presses: int) -> dict:
    command, marker, tour, (there, back) = PROGRAMS[name]
    sessions = [Session(command, size=(100, 30)) for _ in range(count)]
    try:
        for session in sessions:
            session.__enter__()
        for session in sessions:
            session.first_frame(marker)
        for session in sessions:  # every pane visited, each session in turn
            for key in tour:
                session.press(key)
        time.sleep(SETTLE)
        pids = [s.process.pid for s in sessions]
        memory = [memory_mb(pid) for pid in pids]
        drain = Drain(sessions[1:])
        drain.start()
        try:
            cpu_before = [cpu_seconds(pid) for pid in pids]
            time.sleep(idle)
            cpu = [(cpu_seconds(pid) - before) / idle * 100 for pid, before in zip(pids, cpu_before)]
            latencies = []
            for index in range(presses):
                frame = sessions[0].press(there if index % 2 == 0 else back)
                latencies.append(frame.seconds * 1000)
        finally:
            drain.stop()
    finally:
        for session in sessions:
            if hasattr(session, "process"):
                session.__exit__(None, None, None)
    return {"pss": sum(m[0] for m in memory) / count, "rss": sum(m[1] for m in memory) / count,
            "cpu": sum(cpu) / count, "median": median(latencies), "p95": p95(latencies)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", default="1,10,50")
    parser.add_argument("--idle", type=float, default=30.0, help="seconds of idle CPU measured")
    parser.add_argument("--presses", type=int, default=20)
    args = parser.parse_args()
    counts = [int(c) for c in args.counts.split(",")]
    results: dict[tuple[str, int], dict] = {}
    for count in counts:
        for name in PROGRAMS:
            results[name, count] = found = measure(name, count, args.idle, args.presses)
            print(f"{name:9} N={count:3}  memory PSS {found['pss']:5.1f} MB (RSS {found['rss']:5.1f})  "
                  f"idle CPU {found['cpu']:5.2f}% of a core  keystroke→frame median {found['median']:6.0f} ms "
                  f"p95 {found['p95']:6.0f} ms", flush=True)
    print()
    for count in counts:
        ours, base = results["erqi-tui", count], results["minimal", count]
        cpu = f"{ours['cpu'] / base['cpu']:.2f}×" if base["cpu"] > 0 else "— (the minimal app used no measurable CPU)"
        print(f"N={count:3}: memory {ours['pss'] / base['pss']:.2f}× the minimal app (goal ≤ 1.20); "
              f"idle CPU {cpu} (goal ≤ 2.00)")
    first, last = counts[0], counts[-1]
    print(f"p95 keystroke latency, N={last} against N={first}: "
          f"{results['erqi-tui', last]['p95'] / results['erqi-tui', first]['p95']:.2f}× (goal ≤ 2.00)")


if __name__ == "__main__":
    main()
