"""The README shows the app as it is (issue 25): each screen block (a fenced block that starts with the
header's ≡) is the app's capture at the size the block has, and its first screen gives the commands
to install and to run it.

After a change to a screen the README shows, print the new pictures with
`python -m tests.functional.test_readme_pictures` and put them in place of the old ones."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from .helpers import make_app, screen_text
from .test_snapshots import EXAMPLE_YEAR

README = Path(__file__).resolve().parents[2] / "README.md"

# Each screen block of the README in order: what it shows (the data, the keys pressed) and the size
# of the terminal it was captured at. A block may show the top of a screen only (its first rows).
PICTURES = [
    {"data": None, "keys": [], "size": (100, 30)},  # 总览 of the bundled file
    {"data": EXAMPLE_YEAR, "keys": ["2"], "size": (100, 30)},  # 招商引资 of the example year
]


def screen_blocks(text: str) -> list[list[str]]:
    """The README's fenced blocks without a language that start with the header's ≡."""
    blocks, block, fence = [], None, None
    for line in text.splitlines():
        if block is None and line.startswith("```"):
            block, fence = [], line[3:].strip()
        elif block is not None and line.startswith("```"):
            if not fence and block and block[0].lstrip().startswith("≡"):
                blocks.append(block)
            block = None
        elif block is not None:
            block.append(line)
    return blocks


def capture(picture: dict) -> list[str]:
    """The app's screen, as `tmux capture-pane -p` prints it: a line a row, trailing spaces cut."""
    app = make_app(picture["data"]) if picture["data"] else make_app()
    lines: list[str] = []

    async def run() -> None:
        async with app.run_test(size=picture["size"]) as pilot:
            await pilot.pause()
            for key in picture["keys"]:
                await pilot.press(key)
                await pilot.pause()
            lines.extend(line.rstrip() for line in screen_text(app).replace("\u00a0", " ").splitlines())

    asyncio.run(run())
    return lines


def test_every_screen_block_is_listed():
    assert len(screen_blocks(README.read_text(encoding="utf-8"))) == len(PICTURES)


@pytest.mark.parametrize("index", range(len(PICTURES)))
def test_a_readme_picture_is_the_apps_screen(index):
    block = screen_blocks(README.read_text(encoding="utf-8"))[index]
    picture = PICTURES[index]
    width, height = picture["size"]
    assert max(cell_len(line) for line in block) <= width and len(block) <= height
    shown = capture(picture)[:len(block)]
    assert [line.rstrip() for line in block] == shown, \
        "the README's picture is out of date: print the new one with python -m tests.functional.test_readme_pictures"


def test_the_first_screen_says_how_to_install_and_run_it():
    """Within the first 24 lines (a terminal's first screen): the install and the run."""
    top = README.read_text(encoding="utf-8").splitlines()[:24]
    assert any("pip install ." in line for line in top)
    assert any(re.search(r"(^|\s|/)erqi-tui(\s|$)", line) for line in top)


if __name__ == "__main__":  # print the pictures, to paste into the README
    import sys

    sys.setrecursionlimit(10_000)
    for number, picture in enumerate(PICTURES):
        block = screen_blocks(README.read_text(encoding="utf-8"))[number]
        print(f"--- picture {number + 1} ({len(block)} rows shown)")
        print("\n".join(capture(picture)[:len(block)]))
