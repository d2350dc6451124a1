"""A year of updates: the first frame, and a keystroke that switches the overview's chart to another
target (Tab) and one that opens 招商引资 with its chart (2), on the bundled file with 10,000 and
100,000 updates in its journal (--updates N…: others), against the same file with an empty journal,
in the same run; 80x24, a real pty. And `erqi-tui record` of one figure, the whole process and the
record alone (store.record after a read, as the app saves), with those updates against none.

Each journal is read once before the runs counted, as the first start after the updates were
recorded would (a full read, which keeps the state beside the journal): the runs counted start from
that kept state, as every start after the first does. --no-kept measures without it. --briefing
marks a briefing in every journal (the empty one too) after the updates, so that the first frame
compares each target with it.

    python bench/year.py [--runs 5] [--updates 10000 100000] [--no-screen] [--no-kept] [--briefing]"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import Session, median

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from erqi_tui.core.i18n import ZH
from erqi_tui import store  # noqa: E402
from erqi_tui.store import journal  # noqa: E402
from erqi_tui.core.model import Briefing, Quantity, Update  # noqa: E402

BUNDLED = HERE.parent / "data" / "targets.toml"
KEY_LINE = "命令面板".encode()


def write_year(folder: Path, updates: int) -> Path:
    """The bundled file, with `updates` figures for its two investment targets from June on, one in
    fifty withdrawn, recorded in date order."""
    path = folder / f"year-{updates}.toml"
    shutil.copy(BUNDLED, path)
    parts = [journal.HEADER]
    start = dt.datetime(2024, 6, 1, 9, 0)
    count = 0
    for n in range(updates):
        count += 1
        if n % 50 == 49:
            parts.append("\n" + journal.entry_text(Update("", "", {}, None, "bench", at=start, withdraw=count - 1)))
            continue
        day = dt.date(2024, 6, 1) + dt.timedelta(days=n * 200 // max(updates, 1))
        target, unit, base = (("signed-amount", "亿元", 108.0) if n % 2 else ("new-projects", "个", 13))
        value = round(base + n * (190 if n % 2 else 17) / updates, 2)
        parts.append("\n" + journal.entry_text(Update("target", target, {"current": Quantity(value, unit)}, day,
                                                      "bench", at=start + dt.timedelta(minutes=n))))
    if updates:
        journal.journal_path(path).write_text("".join(parts), encoding="utf-8")
    return path


def measure(path: Path) -> tuple[float, float, float]:
    with Session([sys.executable, "-m", "erqi_tui", "--data", str(path), "--read-only"]) as session:
        first = session.first_frame(KEY_LINE).seconds
        tab = session.press(b"\t").seconds
        pane = session.press(b"2").seconds
    return first, tab, pane


def record(path: Path, value: float) -> tuple[float, float]:
    """`erqi-tui record` of one figure as a whole process, then store.record alone after a read (the
    app's save: what it read is reused), in seconds."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "erqi_tui", "record", "--data", str(path), "--target", "signed-amount",
                    "--value", str(value), "--date", "2024-12-20", "--user", "bench"],
                   check=True, stdout=subprocess.DEVNULL, cwd=HERE.parent)
    whole = time.perf_counter() - start
    loaded = store.read(path)
    update = Update("target", "signed-amount", {"current": Quantity(value + 1, "亿元")}, dt.date(2024, 12, 20), "bench")
    start = time.perf_counter()
    store.record(path, update, reuse=loaded, today=dt.date(2024, 12, 31), lang=ZH)
    return whole, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--updates", type=int, nargs="+", default=[10_000, 100_000],
                        help="the journals' lengths (default 10000 100000)")
    parser.add_argument("--no-screen", action="store_true", help="time `record` only")
    parser.add_argument("--no-kept", action="store_true", help="no kept state: every process reads the journal whole")
    parser.add_argument("--briefing", action="store_true", help="a briefing marked after the updates")
    args = parser.parse_args()
    if args.no_kept:  # a kept state that no process may use: one in a folder it cannot write is never made
        store.journal.KEEP_FROM = 1 << 62
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CACHE_HOME"] = str(Path(folder) / "cache")  # the kept states: not the user's cache
        files = {"no updates": write_year(Path(folder), 0)}
        files.update({f"{n:,} updates": write_year(Path(folder), n) for n in args.updates})
        if args.no_kept:
            for path in files.values():
                store.journal.kept_path(store.journal.journal_path(path)).mkdir(parents=True)  # where it would go: never written
        if args.briefing:
            for path in files.values():
                store.mark_briefing(path, Briefing(dt.date(2024, 9, 30), None, "bench"), lang=ZH)
        for name, path in files.items():  # the first read after the updates: full, and keeps the state
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "erqi_tui", "check", "--data", str(path)], check=True,
                           stdout=subprocess.DEVNULL, cwd=HERE.parent)
            print(f"{name:16} first read (check, whole process) {(time.perf_counter() - start) * 1000:6.0f} ms")
        if not args.no_screen:
            for path in files.values():  # a run not counted: bytecode, disk cache
                measure(path)
            results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in files}
            for _ in range(args.runs):
                for name, path in files.items():
                    results[name].append(measure(path))
            medians = {name: [median([r[i] for r in runs]) for i in range(3)] for name, runs in results.items()}
            base = medians["no updates"]
            for name, (first, tab, pane) in medians.items():
                print(f"{name:16} first frame {first * 1000:6.0f} ms   Tab (chart of another target) "
                      f"{tab * 1000:5.0f} ms   2 (招商引资) {pane * 1000:5.0f} ms")
            for name in list(files)[1:]:
                print(f"{name}: ratio against no updates: first frame {{:.2f}}, Tab {{:.2f}}, 2 {{:.2f}}".format(
                    *(b / a for a, b in zip(base, medians[name]))))
        for path in files.values():  # not counted
            record(path, 150.0)
        recorded: dict[str, list[tuple[float, float]]] = {name: [] for name in files}
        for run in range(args.runs):
            for name, path in files.items():
                recorded[name].append(record(path, 151.0 + run))
    timings = {name: [median([r[i] for r in runs]) for i in range(2)] for name, runs in recorded.items()}
    for name, (whole, alone) in timings.items():
        print(f"{name:16} erqi-tui record {whole * 1000:6.0f} ms   store.record after a read {alone * 1000:5.0f} ms")
    empty = timings["no updates"]
    for name in list(files)[1:]:
        print(f"{name}: erqi-tui record {(timings[name][0] - empty[0]) * 1000:+.0f} ms over no updates' "
              f"(ratio {timings[name][0] / empty[0]:.2f}), store.record {timings[name][1] / empty[1]:.2f}")


if __name__ == "__main__":
    main()
