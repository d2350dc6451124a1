"""Start-up to the first complete frame: erqi-tui against a minimal Textual app, both in a real
pseudo-terminal at 80x24, alternated, median of N runs each.

    python bench/startup.py [--runs 7]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from harness import Session, median

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    commands = {
        "minimal Textual app": ([sys.executable, str(HERE / "minimal_app.py")], b"baseline"),
        "erqi-tui": ([sys.executable, "-m", "erqi_tui"], "命令面板".encode()),
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for command, marker in commands.values():  # a run not counted: it compiles the bytecode, warms the disk cache
        with Session(command) as session:
            session.first_frame(marker)
    for _ in range(args.runs):
        for name, (command, marker) in commands.items():
            with Session(command) as session:
                times[name].append(session.first_frame(marker).seconds)
    base = median(times["minimal Textual app"])
    for name, values in times.items():
        print(f"{name:22} first frame {median(values) * 1000:7.0f} ms (median of {len(values)})")
    print(f"ratio erqi-tui / minimal: {median(times['erqi-tui']) / base:.2f}  (goal ≤ 1.30)")


if __name__ == "__main__":
    main()
