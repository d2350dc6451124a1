"""Start-up: erqi-tui against a minimal Textual app, both in a real pseudo-terminal at 80x24,
alternated, median of N runs each. Two times each, from the start of the process:
  - the complete first frame: the last byte of the first burst of output;
  - the first figure on screen: the read that brings a target's completion (完成 …) for erqi-tui,
    the minimal app's one text ("baseline") for it.

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
    commands = {  # name: (command, marker of the complete frame, marker of the first figure)
        "minimal Textual app": ([sys.executable, str(HERE / "minimal_app.py")], b"baseline", b"baseline"),
        "erqi-tui": ([sys.executable, "-m", "erqi_tui"], "命令面板".encode(), "完成".encode()),
    }
    frames: dict[str, list[float]] = {name: [] for name in commands}
    texts: dict[str, list[float]] = {name: [] for name in commands}
    for command, marker, _ in commands.values():  # a run not counted: it compiles the bytecode, warms the disk cache
        with Session(command) as session:
            session.first_frame(marker)
    for _ in range(args.runs):
        for name, (command, marker, text) in commands.items():
            with Session(command) as session:
                frame = session.first_frame(marker)
                frames[name].append(frame.seconds)
                texts[name].append(frame.seen(text))
    for name in commands:
        print(f"{name:22} complete first frame {median(frames[name]) * 1000:6.0f} ms, "
              f"first text {median(texts[name]) * 1000:6.0f} ms (median of {len(frames[name])})")
    print(f"complete first frame, erqi-tui / minimal: {median(frames['erqi-tui']) / median(frames['minimal Textual app']):.2f}"
          "  (goal ≤ 1.10)")
    print(f"first figure / the minimal app's text:    {median(texts['erqi-tui']) / median(texts['minimal Textual app']):.2f}"
          "  (goal ≤ 1.30)")


if __name__ == "__main__":
    main()
