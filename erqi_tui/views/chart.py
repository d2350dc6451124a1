"""A target's burn-up chart drawn with Rich text: its value over the months of the year as columns
of block characters, the time-elapsed line (序时进度) from 0 to the target as dots, the target as a
dashed line, and the current date as a rule. No Textual: the app and the exports draw the same lines.

Drawn with Rich rather than a plotting library: plotext (and textual-plotext, which wraps it) plots
with Braille dots, which PuTTY and Windows Terminal with a CJK font draw at odd widths, gives no way
to keep labels in Chinese cell widths, and costs its import at start-up; the chart here is a few
dozen lines and renders in the snapshots cell for cell."""

from __future__ import annotations

import datetime as dt
import math
from itertools import groupby
from operator import itemgetter

from typing import NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from ..core import fmt
from ..core.i18n import Lang
from ..core.progress import time_elapsed_share
from ..core.series import Point

EIGHTHS = " ▁▂▃▄▅▆▇█"
DOT, DASH, RULE = "·", "┄", "│"
ELAPSED_STYLE = "bold cyan"  # the time-elapsed line: apart from the bars in colour and in shape


class Marks(NamedTuple):
    """The chart's colours: the screen gives its theme's ($erqi-ahead…), these are the defaults."""

    bar: str | Style = "green"  # the values
    elapsed: str | Style = ELAPSED_STYLE  # the time-elapsed line (序时进度)
    now: str | Style = "bold magenta"  # the date the chart stands at


MARKS = Marks()


def burn_up(points: list[Point], target: float, year: int, as_of: dt.date, width: int, height: int,
            *, marks: Marks = MARKS, label: str = "", lang: Lang) -> Text:
    """The chart in `width` × `height` cells (axes and the month line included); `label` is the
    target as the reader reads it (in English, 300 亿元 reads 30 bn)."""
    label = label or fmt.number(target)
    axis_width = max(cell_len(label), 1) + 1
    plot_width = max(width - axis_width, 12)
    rows = max(height - 1, 1)  # the last line names the months
    top = max([target, *(p.value.value for p in points)]) or 1.0
    now = time_elapsed_share(as_of, year)
    # Each value at the share of the year its date stands at (0 for a date before the year).
    dated = [(time_elapsed_share(p.date, year), p.value.value) for p in points]

    def value_in_column(column: int) -> float | None:
        end = (column + 1) / plot_width  # the share of the year at the end of the column
        if end - 1 / plot_width >= now - 1e-9:
            return None  # begins at or after the current date: not yet
        found = None
        for share, value in dated:
            if share > end + 1e-9:
                break
            found = value
        return found

    values = [value_in_column(c) for c in range(plot_width)]
    target_row = min(rows - 1, math.floor(target / top * rows - 1e-9))
    now_column = min(plot_width - 1, max(0, math.ceil(now * plot_width) - 1))
    lines: list[Text] = []
    for row in range(rows - 1, -1, -1):  # top first
        line = Text(no_wrap=True)
        tick = label if row == target_row else ("0" if row == 0 else "")
        pad = " " * (axis_width - 1 - cell_len(tick))  # by cells: 30以上 is seven, not five
        line.append(pad + tick + "┤" if tick else " " * (axis_width - 1) + "│", style="dim")
        cells: list[tuple[str, str | Style | None]] = []  # (character, style) of each column
        for column in range(plot_width):
            value = values[column]
            height_here = 0.0 if value is None else max(0.0, value) / top * rows
            fill = min(1.0, max(0.0, height_here - row))
            if fill > 0:
                eighths = max(1, round(fill * 8))
                cells.append((EIGHTHS[eighths], marks.bar))
                continue
            elapsed = (column + 0.5) / plot_width * target / top * rows
            if math.floor(elapsed) == row:
                cells.append((DOT, marks.elapsed))
            elif row == target_row:
                cells.append((DASH, "dim"))
            elif column == now_column:
                cells.append((RULE, marks.now))
            else:
                cells.append((" ", None))
        # A run of one style is one span, drawn as one piece of the line rather than one a column: a
        # 60 × 8 chart is 39 pieces instead of 136, and the app keeps the pieces of what it drew.
        for style, run in groupby(cells, key=itemgetter(1)):
            line.append("".join(char for char, _ in run), style=style)
        lines.append(line)
    lines.append(Text(" " * (axis_width - 1) + "└", style="dim", no_wrap=True) + _months(plot_width, year, lang=lang))
    chart = Text("\n", no_wrap=True).join(lines)
    chart.no_wrap = True
    return chart


def _months(width: int, year: int, *, lang: Lang) -> Text:
    """The month numbers under the columns where they fit: every month, else every quarter. Each
    stands in the middle of its month: a value at a month's end is drawn in the month's last
    column, which a label at the month's start put under the next month's number."""
    cells = [" "] * width
    step = 1 if width >= 36 else 3 if width >= 14 else 6
    for month in range(1, 13, step):
        label = str(month) if width < 60 else lang.tr("{month}月", month=month)
        start = max(0, round((month - 0.5) / 12 * width - (cell_len(label) - 1) / 2 - 0.01))
        if start + cell_len(label) <= width and all(c == " " for c in cells[max(0, start - 1):start + cell_len(label)]):
            cells[start] = label
            for i in range(start + 1, min(width, start + cell_len(label))):
                cells[i] = ""
    return Text("".join(cells), style="dim")


def legend(target_text: str, when: str, marks: Marks = MARKS, width: int = 80, *, lang: Lang) -> Text:
    """What the marks mean, in one line: the longest form that fits `width`. The target's value goes
    last: first the gaps, the date (which the screen's title gives too) and the bars' word (what a bar
    is goes without saying)."""
    forms = []
    with_value, bare = lang.tr(" 目标 {target}", target=target_text), lang.tr(" 目标")
    for target_words, gap, date, bars in ((with_value, "  ", True, True), (with_value, " ", True, True),
                                          (with_value, " ", False, True), (with_value, " ", False, False),
                                          (bare, "  ", True, True), (bare, " ", True, True), (bare, " ", False, True)):
        line = Text(no_wrap=True)
        if bars:
            line.append("█", style=marks.bar).append(lang.tr(" 数值") + gap)
        line.append(DOT, style=marks.elapsed).append(lang.tr(" 序时进度") + gap)
        line.append(DASH, style="dim").append(target_words)
        if date:
            line.append(gap).append(RULE, style=marks.now).append(" " + when)  # fmt.short_standing: 05-31, or 5月
        forms.append(line)
    return next((f for f in forms if f.cell_len <= width), forms[-1])
