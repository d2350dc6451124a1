"""挂图作战 at a city's scale: 10,000 projects with 8 milestones each (bench/generate.py), in a real
pseudo-terminal at 100x30: the first frame, opening the wall chart (g), a filter keystroke in it,
and a change of order (s); against the same file without milestones, opened the same way, in the
same run. Goals of the earlier benchmarks: first frame < 2 s, a keystroke < 100 ms.

    python bench/wall.py [--projects 10000] [--runs 3]"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from generate import document
from harness import Session, median

KEY_LINE = "命令面板".encode()


def measure(path: Path) -> list[float]:
    with Session([sys.executable, "-m", "erqi_tui", "--data", str(path), "--read-only"], size=(100, 30)) as session:
        first = session.first_frame(KEY_LINE).seconds
        wall = session.press(b"g").seconds
        session.press(b"/")
        keystroke = session.press("项".encode()).seconds
        session.press(b"\r")
        order = session.press(b"s").seconds
    return [first, wall, keystroke, order]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for steps in (0, 8):
            path = Path(folder) / f"city-{steps}.toml"
            path.write_text(document(args.projects, milestones=steps), encoding="utf-8")
            files[f"{steps} steps each"] = path
        for path in files.values():
            measure(path)  # not counted: bytecode, disk cache
        results = {name: [measure(path) for _ in range(args.runs)] for name, path in files.items()}
    medians = {name: [median([r[i] for r in runs]) for i in range(4)] for name, runs in results.items()}
    for name, (first, wall, key, order) in medians.items():
        print(f"{args.projects:,} projects, {name:13} first frame {first:5.2f} s   g {wall * 1000:5.0f} ms   "
              f"filter keystroke {key * 1000:4.0f} ms   s {order * 1000:4.0f} ms")
    base, big = medians["0 steps each"], medians["8 steps each"]
    print("ratio 8 steps / none: first frame {:.2f}, g {:.2f}, keystroke {:.2f}, s {:.2f}".format(
        *(b / a for a, b in zip(base, big))))


if __name__ == "__main__":
    main()
