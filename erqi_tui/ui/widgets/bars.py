"""Bars drawn in text: a target's progress with its time-elapsed marker, and comparison bars."""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from ...core import fmt
from ...core.i18n import data
from ...core.model import Figure
from ..themes import Themed, themed
from .text import plain

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
    for index, cell in enumerate(bar):
        if index == marker:
            text.append("┃", style="bold reverse" if cell != "░" else "bold")
        else:
            text.append(cell, style=style if cell != "░" else "dim")
    return text


class FigureBars(Themed, Widget):
    """Figures of one unit compared as horizontal bars, longest = the largest figure."""

    DEFAULT_CSS = "FigureBars { height: auto; }"

    def __init__(self, figures: tuple[Figure, ...], **kwargs) -> None:
        super().__init__(**kwargs)
        self.figures = figures

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.figures)

    def render(self) -> Text:
        labels = [fmt.clean(data(f, "label"), single_line=True) for f in self.figures]
        values = [fmt.quantity(f.quantity) for f in self.figures]
        label_width = min(max(cell_len(label) for label in labels), max(self.size.width // 2, 8))
        value_width = max(cell_len(v) for v in values)
        bar_width = max(self.size.width - label_width - value_width - 2, 4)
        largest = max(f.quantity.value for f in self.figures) or 1
        bar_style = themed(self, "$erqi-figure")
        out = Text(no_wrap=True, overflow="crop")
        for index, (figure, label, value) in enumerate(zip(self.figures, labels, values)):
            if index:
                out.append("\n")
            label_text = plain(label)
            label_text.truncate(label_width, overflow="ellipsis", pad=True)
            out.append_text(label_text)
            out.append(" ")
            out.append(blocks(figure.quantity.value / largest, bar_width), style=bar_style)
            out.append(" ")
            out.append(" " * (value_width - cell_len(value)) + value, style="bold")
        return out
