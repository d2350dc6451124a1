"""erqi-tui at a city's scale: N = 1,000, 10,000, 100,000 projects (bench/generate.py), each started
in a real pseudo-terminal at 100x30 on the 重点项目 pane. For each N: time to the first complete frame,
time for one filter keystroke to redraw, time for a reload after the file changes on disk, and
peak memory; the same for the bundled file (10 projects) measured in the same run, as the baseline
the ratios are against. The last column is the first frame over the time tomllib alone takes to
parse the same file, measured in this run too: the part of the start-up that is the parse the
design requires, whatever the machine.

    python bench/scale.py [--sizes 1000 10000 100000]"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from generate import document
from harness import Session

ROOT = Path(__file__).resolve().parent.parent


def tomllib_seconds(path: Path) -> float:
    started = time.perf_counter()
    tomllib.loads(path.read_text(encoding="utf-8"))
    return time.perf_counter() - started


def measure(path: Path, edit: tuple[str, str, str]) -> tuple[float, float, float, float]:
    """First frame, filter keystroke, reload after `edit` (old, new text) is made on disk until the
    screen shows `edit`'s marker, peak MB."""
    command = [sys.executable, "-m", "erqi_tui", "--data", str(path), "--pane", "projects"]
    with Session(command, size=(100, 30)) as session:
        first = session.first_frame("个项目".encode())
        session.press(b"/")
        keystroke = session.press(b"9")  # narrows the table to the names with a 9 in them
        old, new, marker = edit
        text = path.read_text(encoding="utf-8")
        changed = time.perf_counter()
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        reload = session.read_frame(changed, until=marker.encode())  # the header shows the new name
        return first.seconds, keystroke.seconds, reload.seconds, session.peak_memory_mb()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args = parser.parse_args()
    print(f"{'projects':>9} {'first frame':>12} {'×base':>6} {'filter key':>11} {'×base':>6} "
          f"{'reload':>9} {'÷first':>7} {'peak MB':>8} {'÷tomllib':>9}")
    with tempfile.TemporaryDirectory() as folder:
        bundled = Path(folder) / "targets.toml"
        bundled.write_bytes((ROOT / "data" / "targets.toml").read_bytes())
        base = None
        # The new name differs from the old in its first two characters, the marker: the terminal is
        # sent only the cells that change, so a name that kept its first characters (二七新区) would
        # never be written whole.
        for n, path, edit in [(10, bundled, ("district = \"二七区\"", "district = \"金水区\"", "金水"))] + [
                (n, Path(folder) / f"city-{n}.toml", ("district = \"基准区\"", "district = \"重载区\"", "重载"))
                for n in args.sizes]:
            if n != 10:
                path.write_text(document(n), encoding="utf-8")
            parse = tomllib_seconds(path)
            first, key, reload, memory = measure(path, edit)
            base = base or (first, key)
            print(f"{n:>9,} {first:>10.2f} s {first / base[0]:>6.1f} {key * 1000:>8.0f} ms "
                  f"{key / base[1]:>6.1f} {reload:>7.2f} s {reload / first:>7.2f} {memory:>8.0f} "
                  f"{first / parse:>9.1f}", flush=True)


if __name__ == "__main__":
    main()
