"""Bars drawn in text: a target's progress with its time-elapsed marker (a figure without a target
is not drawn as a bar: it would read as progress)."""

from __future__ import annotations

from itertools import groupby
from operator import itemgetter

from rich.style import Style
from rich.text import Text

_EIGHTHS = " ▏▎▍▌▋▊▉"


def blocks(share: float, width: int) -> str:
    """`share` (0..1) of `width` cells as block characters, to an eighth of a cell."""
    eighths = round(max(0.0, min(share, 1.0)) * width * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (_EIGHTHS[part] if part else "")).ljust(width)


def progress_line(completion: float | None, time_share: float, width: int, style: str | Style) -> Text:
    """A bar of `width` cells filled to `completion`, with ┃ where the time-elapsed share stands."""
    width = max(width, 4)
    bar = list(blocks(completion or 0.0, width).replace(" ", "░"))
    marker = min(int(time_share * width), width - 1)
    text = Text()
    cells = [("┃", "bold reverse" if cell != "░" else "bold") if index == marker else (cell, style if cell != "░" else "dim")
             for index, cell in enumerate(bar)]
    for cell_style, run in groupby(cells, key=itemgetter(1)):  # a span a run of one style, not one a cell
        text.append("".join(cell for cell, _ in run), style=cell_style)
    return text
