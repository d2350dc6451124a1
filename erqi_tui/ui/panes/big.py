"""大屏: the overview for a projector or a wall screen (app.BIG_WIDTH columns and more, or --big): each target's
completion in large digits, every target's burn-up chart, and the 预警 and headline figures beside
them, filling the screen.

The charts and the 预警 share one grid, as many columns as fit: the 预警 takes the cells the charts
leave in the last row, so no corner of the screen is left empty. The headline figures stand beside
the big digits where the tiles leave room, else under the 预警; every chart keeps the same number
of lines under it, so their baselines line up."""

from __future__ import annotations

import math

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.widgets import Digits, Static

from ...core import fmt, progress
from ...core.i18n import data, tr
from ..themes import ThemedStatic
from ..widgets.cards import FigureGroup, verdict_text
from ..widgets.course import TargetCourse, course_lines
from ..widgets.text import join, plain
from . import Context
from .overview import time_line, warnings_box


class BigTile(Vertical):
    """A target's name, its completion in large digits, then value / target and the verdict."""

    DEFAULT_CSS = """
    BigTile { width: 1fr; height: auto; border: round $primary; padding: 0 1; }
    BigTile.-behind { border: round $warning; }
    BigTile.-behind Digits { color: $erqi-behind; }
    BigTile.-ahead Digits, BigTile.-on_schedule Digits { color: $erqi-ahead; }
    BigTile > Static { height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, item: progress.TargetProgress, **kwargs) -> None:
        super().__init__(classes=f"-{item.verdict}", **kwargs)
        self.item = item

    def compose(self) -> ComposeResult:
        target = self.item.target
        self.border_title = plain(data(target, "name"))
        yield Digits(fmt.percent(self.item.completion) if self.item.completion is not None else "-")
        yield Static(join((fmt.quantity(target.current, unit=False), "bold"), " / ", fmt.quantity(target.target, words=True)))
        yield ThemedStatic(verdict_text(self.item))


CHART_WIDTH = 36  # cells a chart needs to show the months and its projection line
TILE_WIDTH = 30  # a big tile's width when the headline figures stand beside the tiles
HEADLINES_WIDTH = 60  # the least width the headline figures take beside the tiles


def grid_shape(charts: int, width: int, height: int, side: list[int] = (), figures: int = 0) -> tuple[int, int]:
    """(columns, cells the 预警 spans) for `charts` charts and the 预警 in `width` × `height` cells,
    the 预警 spanning the cells the last row leaves: as many columns as fit (CHART_WIDTH each),
    chosen so a chart is about 1.4 times as wide as tall on the screen (a terminal cell is twice as
    tall as wide), and so the 预警 — its lines `side` cells long, and `figures` headline figures
    under it — fits its cells, without spreading over many it leaves empty."""
    most = max(1, width // CHART_WIDTH)
    cells = charts + 1
    best = None
    for columns in range(1, min(most, cells) + 1):
        rows = math.ceil(cells / columns)
        span = columns * rows - charts
        cell_width, cell_height = width / columns, max(height / rows, 1)
        inside = max(int(span * cell_width) - 4, 8)  # within the box's border and padding
        need = sum(max(1, math.ceil(length / inside)) for length in side) + 2
        if figures:
            need += math.ceil(figures / max(1, min(3, inside // 16))) * 2 + 2
        score = abs(math.log(cell_width / cell_height / 2.8)) + 0.3 * (span - 1) + max(0, need - cell_height)
        if best is None or score < best[0] - 1e-9:
            best = (score, columns, span)
    return best[1], best[2]


class BigOverview(Vertical):
    DEFAULT_CSS = """
    BigOverview { height: 1fr; padding: 0 1; }
    BigOverview #big-top { height: auto; }
    BigOverview #big-top #big-headlines { width: 1fr; height: 100%; }
    BigOverview #big-body { height: 1fr; grid-gutter: 0 1; grid-rows: 1fr; }
    BigOverview #big-side { height: 1fr; scrollbar-size-vertical: 1; }
    BigOverview #big-warnings { height: auto; border: round $warning; padding: 0 1; }
    BigOverview #big-warnings.-none { border: round $success; }
    BigOverview .big-title { height: 1; text-style: bold; }
    BigOverview TargetCourse { height: 1fr; min-height: 8; }
    """

    def __init__(self, context: Context, **kwargs) -> None:
        super().__init__(**kwargs)
        self.context = context

    def compose(self) -> ComposeResult:
        dashboard = self.context.dashboard
        meta = dashboard.meta
        lines = self.context.account.sections[0].targets
        assessed = [line.progress for line in lines]
        title = join((data(meta, "title") + "  " if meta.title else "", "bold"), time_line(self.context, assessed, bars=False))
        yield Static(title, classes="big-title")
        # Every chart keeps as many lines under it as the one that needs most: baselines in line.
        under = max((len(course_lines(line, meta.year, self.context.since, compact=True)) for line in lines), default=1)
        with Horizontal(id="big-top"):
            for item in assessed:
                yield BigTile(item)
        with Grid(id="big-body"):
            for line in lines:
                yield TargetCourse(line, dashboard, self.context.as_of, self.context.since, compact=True,
                                   text_height=under)
            with VerticalScroll(id="big-side"):
                warnings = warnings_box(self.context, assessed, "big-warnings")
                self.warning_widths = [cell_len(line) for line in warnings.content.plain.split("\n")]
                yield warnings
        if dashboard.headlines:
            self.headlines = FigureGroup(tr("要闻数据"), dashboard.headlines, id="big-headlines")

    def on_mount(self) -> None:
        self.place_headlines()

    def place_headlines(self) -> None:
        """The headline figures beside the tiles where they leave HEADLINES_WIDTH, else under the 预警."""
        headlines = getattr(self, "headlines", None)
        if headlines is None:
            return
        top = self.query_one("#big-top", Horizontal)
        width = self.size.width or self.app.size.width
        lines = self.context.account.sections[0].targets
        # A tile as wide as its target's name in its border (English names are long), TILE_WIDTH at least.
        tile = max([TILE_WIDTH, *(cell_len(fmt.clean(data(line.target, "name"), single_line=True)) + 6 for line in lines)])
        beside = len(lines) * tile + HEADLINES_WIDTH <= width - 2
        place = top if beside else self.query_one("#big-side", VerticalScroll)
        top.set_class(beside, "-beside")
        for big_tile in top.query(BigTile):
            big_tile.styles.width = tile if beside else None
        if headlines.parent is not place:
            if headlines.parent is not None:
                headlines.remove()
                headlines = self.headlines = FigureGroup(tr("要闻数据"), self.context.dashboard.headlines,
                                                         id="big-headlines")
            place.mount(headlines)

    def on_resize(self) -> None:
        self.place_headlines()
        grid = self.query_one("#big-body", Grid)
        charts = len(self.context.account.sections[0].targets)
        width = self.size.width - 2
        height = max(self.size.height - 1 - 7, 8)  # under the title and the tiles
        figures = len(self.context.dashboard.headlines) if not self.query_one("#big-top").has_class("-beside") else 0
        columns, span = grid_shape(charts, width, height, self.warning_widths, figures)
        grid.styles.grid_size_columns = columns
        self.query_one("#big-side").styles.column_span = span
