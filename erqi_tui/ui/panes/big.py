"""大屏: the overview for a projector or a wall screen (app.BIG_WIDTH columns and more, or --big): each target's
completion in large digits, every target's burn-up chart, and the 预警 and headline figures beside
them, filling the screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Digits, Static

from ...core import fmt, progress
from ...core.i18n import data, tr
from ..themes import ThemedStatic
from ..widgets.cards import FigureGroup, verdict_text
from ..widgets.course import TargetCourse
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
        yield Static(join((fmt.quantity(target.current, unit=False), "bold"), " / ", fmt.quantity(target.target)))
        yield ThemedStatic(verdict_text(self.item))


CHART_WIDTH = 36  # cells a chart needs to show the months and its projection line


def chart_columns(count: int, width: int) -> int:
    """How many charts to a row in `width` cells: two for two or four, else up to three, as fit."""
    wanted = 1 if count == 1 else 2 if count in (2, 4) else 3
    return max(1, min(wanted, width // CHART_WIDTH))


class BigOverview(Vertical):
    DEFAULT_CSS = """
    BigOverview { height: 1fr; padding: 0 1; }
    BigOverview #big-tiles { height: auto; }
    BigOverview #big-body { height: 1fr; }
    BigOverview #big-charts { width: 1fr; height: 1fr; grid-gutter: 0 1; grid-rows: 1fr; }
    BigOverview #big-side { width: 34%; max-width: 56; height: 1fr; }
    BigOverview #big-warnings { height: auto; border: round $warning; padding: 0 1; }
    BigOverview #big-warnings.-none { border: round $success; }
    BigOverview .big-title { height: 1; text-style: bold; }
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
        with Horizontal(id="big-tiles"):
            for item in assessed:
                yield BigTile(item)
        with Horizontal(id="big-body"):
            with Grid(id="big-charts"):
                for line in lines:
                    yield TargetCourse(line, dashboard, self.context.as_of, self.context.since, compact=True)
            with Vertical(id="big-side"):
                yield warnings_box(self.context, assessed, "big-warnings")
                if dashboard.headlines:
                    yield FigureGroup(tr("要闻数据"), dashboard.headlines)

    def on_resize(self) -> None:
        grid = self.query_one("#big-charts", Grid)
        grid.styles.grid_size_columns = chart_columns(len(grid.children), grid.size.width or self.size.width * 2 // 3)

