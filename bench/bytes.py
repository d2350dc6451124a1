"""Bytes written to the terminal at 80x24 (what an SSH link carries): the first frame, a pane
switch and a filter keystroke, each against one full repaint of the same screen, measured in the
same run as the first frame of erqi-tui started directly on that pane.

    python bench/bytes.py"""

from __future__ import annotations

import sys

from harness import Session

ERQI = [sys.executable, "-m", "erqi_tui"]
MARK = "个".encode()


def full_repaint(pane: str) -> int:
    with Session([*ERQI, "--pane", pane]) as session:
        return session.first_frame(MARK).size


def main() -> None:
    with Session(ERQI) as session:
        first = session.first_frame("命令面板".encode())
        switch = session.press(b"2")
    with Session([*ERQI, "--pane", "projects"]) as session:
        session.first_frame("个项目".encode())
        session.press(b"/")
        keystroke = session.press(b"U")
    rows = [
        ("first frame (总览)", first.size, full_repaint("overview")),
        ("pane switch 总览 → 招商引资", switch.size, full_repaint("investment")),
        ("filter keystroke in 重点项目", keystroke.size, full_repaint("projects")),
    ]
    print(f"{'at 80x24':32} {'bytes':>8} {'full repaint':>13} {'ratio':>6}")
    for name, size, repaint in rows:
        print(f"{name:32} {size:>8,} {repaint:>13,} {size / repaint:>6.2f}")


if __name__ == "__main__":
    main()
