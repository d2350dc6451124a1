"""erqi-tui at a city's scale: N = 1,000, 10,000, 100,000 projects (bench/generate.py), each started
in a real pseudo-terminal at 100x30 on the 重点项目 pane. For each N: time to the first complete frame,
time for one filter keystroke to redraw, and peak memory; the same three for the bundled file (10
projects) measured in the same run, as the baseline the ratios are against.

    python bench/scale.py [--sizes 1000 10000 100000]"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from generate import document
from harness import Session

ROOT = Path(__file__).resolve().parent.parent


def measure(path: Path) -> tuple[float, float, float]:
    command = [sys.executable, "-m", "erqi_tui", "--data", str(path), "--pane", "projects"]
    with Session(command, size=(100, 30)) as session:
        first = session.first_frame("个项目".encode())
        session.press(b"/")
        keystroke = session.press(b"9")  # narrows the table to the names with a 9 in them
        return first.seconds, keystroke.seconds, session.peak_memory_mb()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    base = measure(ROOT / "data" / "targets.toml")
    print(f"{'projects':>9} {'first frame':>12} {'×base':>6} {'filter key':>11} {'×base':>6} {'peak MB':>8}")
    print(f"{10:>9} {base[0]:>10.2f} s {1:>6.1f} {base[1] * 1000:>8.0f} ms {1:>6.1f} {base[2]:>8.0f}")
    with tempfile.TemporaryDirectory() as folder:
        for n in args.sizes:
            path = Path(folder) / f"city-{n}.toml"
            path.write_text(document(n), encoding="utf-8")
            first, key, memory = measure(path)
            print(f"{n:>9,} {first:>10.2f} s {first / base[0]:>6.1f} {key * 1000:>8.0f} ms "
                  f"{key / base[1]:>6.1f} {memory:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
