"""Bytes written to the terminal (what an SSH link carries), Textual's own output against erqi-tui's
lighter one (erqi_tui/terminal/wire.py), each measured against the size of the same screen as tmux encodes
it (`tmux capture-pane -p -e`), in the same run: the first frame, a pane switch (总览 → 招商引资), a
filter keystroke and a cursor move in 重点项目; at 80x24 and 100x30, in 256 colours and truecolour,
on the bundled file and on a 10,000-project file. (The time over a slow SSH link: slowlink.py.)

    python bench/bytes.py [--quick]      (--quick: 80x24, 256 colours, bundled file only)

Needs tmux."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import Session

HERE = Path(__file__).resolve().parent
ERQI = [sys.executable, "-m", "erqi_tui"]
# (name, keys before, the key measured, text on the screen once it is drawn)
STEPS = [("pane switch 总览 → 招商引资", [], b"2", None),
         ("filter keystroke in 重点项目", [b"5", b"/"], b"U", None),
         ("cursor move in 重点项目", [b"5"], b"\x1b[B", None)]


def tmux_size(command: list[str], size, keys: list[bytes], env: dict) -> int:
    """The screen after `keys`, as tmux encodes it with its colours and attributes."""
    name = f"bytes-{os.getpid()}"
    environment = {**os.environ, **env}
    shell = " ".join(f"{k}={v}" for k, v in env.items()) + " " + " ".join(command)
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", str(size[0]), "-y", str(size[1]), shell],
                   check=True, env=environment)
    try:
        time.sleep(4)
        for key in keys:
            subprocess.run(["tmux", "send-keys", "-t", name, "-l", key.decode()], check=True)
            time.sleep(1.5)
        return len(subprocess.run(["tmux", "capture-pane", "-p", "-e", "-t", name], capture_output=True,
                                  check=True).stdout)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], check=False)


def measure(command: list[str], size, env: dict) -> dict[str, int]:
    out = {}
    with Session(command, size=size, env=env) as session:
        out["first frame"] = session.first_frame("命令面板".encode()).size
        out[STEPS[0][0]] = session.press(STEPS[0][2]).size
    for name, before, key, _ in STEPS[1:]:
        with Session(command, size=size, env=env) as session:
            session.first_frame("命令面板".encode())
            for k in before:
                session.press(k)
            out[name] = session.press(key).size
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    files = [("bundled", [])]
    if not args.quick:
        big = Path(tempfile.gettempdir()) / "erqi-bytes-10000.toml"
        if not big.exists():
            subprocess.run([sys.executable, str(HERE / "generate.py"), "10000", "-o", str(big)], check=True)
        files.append(("10,000 projects", ["--data", str(big)]))
    sizes = [(80, 24)] if args.quick else [(80, 24), (100, 30)]
    colours = [("256", {"COLORTERM": ""})] if args.quick else [("256", {"COLORTERM": ""}), ("truecolor", {"COLORTERM": "truecolor"})]
    print(f"{'case':44} {'measure':30} {'screen':>7} {'before':>8} {'×':>5} {'after':>7} {'×':>5}")
    for label, extra in files:
        command = [*ERQI, *extra]
        for size in sizes:
            for colour, env in colours:
                before = measure(command, size, {**env, "ERQI_TUI_RAW_OUTPUT": "1"})
                after = measure(command, size, env)
                screens = {"first frame": tmux_size(command, size, [], env),
                           STEPS[0][0]: tmux_size(command, size, [b"2"], env),
                           STEPS[1][0]: tmux_size(command, size, [b"5", b"/", b"U"], env),
                           STEPS[2][0]: tmux_size(command, size, [b"5", b"\x1b[B"], env)}
                case = f"{label}, {size[0]}x{size[1]}, {colour}"
                for name, screen in screens.items():
                    print(f"{case:44} {name:30} {screen:>7,} {before[name]:>8,} {before[name] / screen:>5.2f} "
                          f"{after[name]:>7,} {after[name] / screen:>5.2f}", flush=True)


if __name__ == "__main__":
    main()
