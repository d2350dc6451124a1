"""A year of updates: the first frame, and a keystroke that switches the overview's chart to another
target (Tab) and one that opens 招商引资 with its chart (2), on the bundled file with 10,000 updates
in its journal, against the same file with an empty journal, in the same run; 80x24, a real pty.

    python bench/year.py [--runs 5] [--updates 10000]"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

from harness import Session, median

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from erqi_tui.store import journal  # noqa: E402
from erqi_tui.core.model import Quantity, Update  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--updates", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = {"no updates": write_year(Path(folder), 0),
                 f"{args.updates:,} updates": write_year(Path(folder), args.updates)}
        for path in files.values():  # a run not counted: bytecode, disk cache
            measure(path)
        results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in files}
        for _ in range(args.runs):
            for name, path in files.items():
                results[name].append(measure(path))
    medians = {name: [median([r[i] for r in runs]) for i in range(3)] for name, runs in results.items()}
    base = medians["no updates"]
    for name, (first, tab, pane) in medians.items():
        print(f"{name:16} first frame {first * 1000:6.0f} ms   Tab (chart of another target) {tab * 1000:5.0f} ms"
              f"   2 (招商引资) {pane * 1000:5.0f} ms")
    big = medians[f"{args.updates:,} updates"]
    print("ratio against no updates: first frame {:.2f}, Tab {:.2f}, 2 {:.2f}".format(
        *(b / a for a, b in zip(base, big))))


if __name__ == "__main__":
    main()
