"""大屏: the overview for a projector or a wall screen (app.BIG_WIDTH columns and more, or --big): each target's
completion in large digits, every target's burn-up chart, and the 预警 and headline figures beside
them, filling the screen.

The charts and the 预警 share one grid: the 预警 (and the headline figures under it, where they do not
stand beside the big digits) takes a block of cells at the grid's bottom right, one row high or the
grid's whole height, so no corner of the screen is left empty and nothing in it scrolls. Where the
screen cannot hold every chart with room to read it (MIN_PLOT rows of plot) and the 预警 whole, it
shows fewer charts, larger: those of the targets furthest behind, and names the others. Every chart
keeps the same number of lines under it, wrapped at its width, so their baselines line up."""

from __future__ import annotations

import math
from typing import NamedTuple

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Digits, Static

from ...core import fmt, progress
from ...core.i18n import Lang
from ..themes import ThemedStatic
from ..widgets.cards import VERDICT_STYLE, FigureGroup, tile_widths, verdict_text
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
    BigTile > .verdict, BigTile > .value { height: auto; text-wrap: wrap; text-overflow: fold; }
    """

    def __init__(self, item: progress.TargetProgress, **kwargs) -> None:
        super().__init__(classes=f"-{item.verdict}", **kwargs)
        self.item = item

    def compose(self) -> ComposeResult:
        target = self.item.target
        self.border_title = plain(self.app.lang.data(target, "name"))
        yield Digits(fmt.percent(self.item.completion) if self.item.completion is not None else "-")
        yield Static(self.value_text(), classes="value")  # wrapped, never cut
        yield ThemedStatic(self.verdict(), classes="verdict")

    def value_text(self):
        lang = self.app.lang
        target = self.item.target
        return join((fmt.quantity(target.current, unit=False, lang=lang), "bold"), " / ",
                    fmt.quantity(target.target, words=True, lang=lang))

    def verdict(self, width: int | None = None) -> Content:
        """The verdict, wrapped, never cut; in a tile too narrow for it on two lines, its word alone
        (持平, without （与序时进度一致）: the title line says what 序时进度 is)."""
        lang = self.app.lang
        whole = verdict_text(self.item, lang=lang)
        if width is None or wrapped([whole.plain], width) <= 2 or self.item.verdict != progress.ON_SCHEDULE:
            return whole
        return Content.styled(lang.tr(progress.VERDICT_WORD[self.item.verdict]), VERDICT_STYLE[self.item.verdict])

    def on_resize(self) -> None:
        self.query_one(".verdict", ThemedStatic).update(self.verdict(self.content_size.width))


CHART_WIDTH = 36  # cells a chart needs to show the months and its projection line
TILE_WIDTH = 30  # a big tile's width when the headline figures stand beside the tiles
HEADLINES_WIDTH = 60  # the least width the headline figures take beside the tiles
MIN_PLOT = 6  # rows a chart's plot needs to be read (its axis, the months and legend apart)
CHART_FRAME = 4  # a chart's rows besides its plot and its text: the border, the months, the legend


class Shape(NamedTuple):
    columns: int
    rows: int
    side_columns: int  # the cells of the 预警's block: columns…
    side_rows: int  # …and rows, at the grid's bottom right
    charts: int  # how many charts are shown
    side_height: int = 0  # the 预警's row's height where it has the last row to itself (else rows share alike)


_measure = []  # the console lines are wrapped with to count them, made when first needed


def wrapped(texts, width: int) -> int:
    """The lines `texts` take wrapped at `width` cells, by words as they are drawn."""
    if not _measure:
        import io

        from rich.console import Console

        _measure.append(Console(file=io.StringIO(), width=1000))
    from rich.text import Text

    return sum(1 if cell_len(text) <= width else len(Text(text).wrap(_measure[0], max(width, 1)))
               for text in texts)


def grid_shape(charts: int, width: int, height: int, side=lambda inside, hiding: 4,
               under=lambda width: 4, name_width: int = 0) -> Shape:
    """How `charts` charts and the 预警 share `width` × `height` cells. The 预警 (`side(inside,
    hiding)`: the lines it takes `inside` cells wide, with the line naming the charts left out when
    `hiding`) takes a block at the bottom right, one row high or the grid's whole height. Every
    chart is shown where each keeps MIN_PLOT rows of plot (`under(width)`: the lines of text under
    a chart of that width) and the 预警 fits its cells; else as few are left out as that takes.
    Among those, a chart about 1.4 times as wide as tall on the screen (a terminal cell is twice as
    tall as wide), and the 预警 not spread over cells it leaves empty. Where it has the last row to
    itself, that row is only as tall as it needs."""
    most = max(1, width // CHART_WIDTH)
    best = None
    for columns in range(1, most + 1):
        cell_width = (width - (columns - 1)) / columns  # one column of gutter between cells
        for rows in range(1, max(2, charts + 1)):
            cell_height = height / rows
            for side_columns in range(1, columns + 1):
                for side_rows in {1, rows}:
                    shown = columns * rows - side_columns * side_rows
                    if not 0 <= shown <= charts:  # none, where even one leaves the 预警 no room
                        continue
                    text = under(int(cell_width))
                    inside = max(int(side_columns * cell_width + side_columns - 1) - 4, 8)  # within its border
                    need = side(inside, shown < charts)
                    alone = side_columns == columns and side_rows == 1 < rows  # the last row the 预警's own
                    chart_height = (height - need) / (rows - 1) if alone else cell_height
                    plot = chart_height - CHART_FRAME - text
                    over = 0.0 if alone else max(0.0, need - side_rows * cell_height)
                    score = (3 * (charts - shown) + 2 * max(0.0, MIN_PLOT - plot) + 2 * over
                             + abs(math.log(cell_width / max(chart_height, 1) / 2.8))
                             + 0.2 * (side_columns * side_rows - 1)
                             + (1 if cell_width < name_width else 0)  # a chart's name cut in its border
                             # the share of the screen left empty under the 预警
                             + 4 * max(0.0, side_rows * chart_height - need) * inside / (width * height))
                    if best is None or score < best[0] - 1e-9:
                        best = (score, Shape(columns, rows, side_columns, side_rows, shown, need if alone else 0))
    return best[1]


class BigOverview(Vertical):
    DEFAULT_CSS = """
    BigOverview { height: 1fr; padding: 0 1; }
    BigOverview #big-top { height: auto; }
    BigOverview #big-top #big-headlines { width: 1fr; height: 100%; }
    BigOverview #big-body { height: 1fr; grid-gutter: 0 1; grid-rows: 1fr; }
    BigOverview #big-side { height: 1fr; scrollbar-size-vertical: 1; }
    BigOverview #big-warnings { height: auto; border: round $warning; padding: 0 1; }
    BigOverview #big-warnings.-none { border: round $success; }
    BigOverview .big-title { height: auto; text-style: bold; }
    BigOverview TargetCourse { height: 1fr; min-height: 8; }
    BigOverview TargetCourse.-compact > .course-text { text-wrap: wrap; text-overflow: fold; }
    BigOverview #big-hidden { height: auto; color: $text-muted; padding: 0 1; }
    """

    def __init__(self, context: Context, **kwargs) -> None:
        super().__init__(**kwargs)
        self.context = context
        self.unders: dict[int, int] = {}  # lines under the charts, by the width inside them

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        dashboard = self.context.dashboard
        meta = dashboard.meta
        lines = self.context.account.sections[0].targets
        assessed = [line.progress for line in lines]
        title = join((lang.data(meta, "title") + "  " if meta.title else "", "bold"),
                     time_line(self.context, assessed, bars=False, lang=lang))
        self.title_text = title.plain
        yield Static(title, classes="big-title")  # wrapped where it is longer than the screen is wide
        # The lines of text under each chart, wrapped at the chart's width when it is laid out.
        self.texts = [[text.plain for text in course_lines(line, meta.year, self.context.since, compact=True, lang=lang)]
                      for line in lines]
        with Horizontal(id="big-top"):
            for item in assessed:
                yield BigTile(item)
        with Grid(id="big-body"):
            for line in lines:
                yield TargetCourse(line, dashboard, self.context.as_of, self.context.since, compact=True,
                                   text_height=max(map(len, self.texts), default=1))
            with VerticalScroll(id="big-side"):
                warnings = warnings_box(self.context, "big-warnings", lang=lang)
                self.warning_lines = warnings.content.plain.split("\n")
                self.warnings_title = cell_len(str(warnings.border_title))
                yield warnings
                yield Static("", id="big-hidden")
        if dashboard.headlines:
            self.headlines = FigureGroup(lang.tr("要闻数据"), dashboard.headlines, id="big-headlines")
        self.figure_widths = [max(cell_len(fmt.clean(lang.data(f, "label"), single_line=True)),
                                  cell_len(fmt.quantity(f.quantity, words=True, lang=lang)))
                              for f in dashboard.headlines] or [0]

    def on_mount(self) -> None:
        self.place_headlines()

    def place_headlines(self) -> None:
        """The headline figures beside the tiles where they leave HEADLINES_WIDTH, else under the 预警."""
        headlines = getattr(self, "headlines", None)
        if headlines is None:
            return
        lang = self.app.lang
        top = self.query_one("#big-top", Horizontal)
        width = self.size.width or self.app.size.width
        lines = self.context.account.sections[0].targets
        # A tile as wide as its target's name in its border (English names are long), TILE_WIDTH at least.
        tile = max([TILE_WIDTH, *(cell_len(fmt.clean(lang.data(line.target, "name"), single_line=True)) + 6
                                  for line in lines)])
        beside = len(lines) * tile + HEADLINES_WIDTH <= width - 2
        place = top if beside else self.query_one("#big-side", VerticalScroll)
        top.set_class(beside, "-beside")
        for big_tile in top.query(BigTile):
            big_tile.styles.width = tile if beside else None
        if headlines.parent is not place:
            if headlines.parent is not None:
                headlines.remove()
                headlines = self.headlines = FigureGroup(lang.tr("要闻数据"), self.context.dashboard.headlines,
                                                         id="big-headlines")
            place.mount(headlines)

    def under(self, width: int) -> int:
        """The lines of text under the chart that needs most, in a chart `width` cells wide."""
        inside = max(width - 4, 8)  # within its border and padding
        if inside not in self.unders:
            self.unders[inside] = max((wrapped(texts, inside) for texts in self.texts), default=1)
        return self.unders[inside]

    def tiles_height(self, width: int) -> int:
        """The row of big tiles' height: the border, the digits, the value and the verdict as they wrap."""
        top = self.query_one("#big-top", Horizontal)
        tiles = list(top.query(BigTile))
        if not tiles:
            return 7
        tile = (tiles[0].styles.width.value if top.has_class("-beside") and tiles[0].styles.width
                else width / len(tiles))
        inside = max(int(tile) - 4, 8)
        return 5 + max(wrapped([t.verdict(inside).plain], inside) + wrapped([t.value_text().plain], inside) for t in tiles)

    def on_resize(self) -> None:
        self.place_headlines()
        self.lay_out()

    def lay_out(self) -> None:
        """The grid's columns and rows, the 预警's block, and which charts it has room for."""
        lang = self.app.lang
        grid = self.query_one("#big-body", Grid)
        lines = self.context.account.sections[0].targets
        width = self.size.width - 2
        title = wrapped([self.title_text], width)
        height = max(self.size.height - title - self.tiles_height(width), 8)  # under the title and the tiles
        figures = self.context.dashboard.headlines if not self.query_one("#big-top").has_class("-beside") else ()
        # The charts of the targets furthest behind first, where not all have room.
        order = sorted(range(len(lines)), key=lambda i: (lines[i].progress.verdict != progress.BEHIND,
                                                        lines[i].progress.gap or 0, i))
        note = self.hidden_note([lines[i] for i in order[-2:]], len(lines), lang=lang)
        needs: dict[tuple[int, bool], int] = {}

        def side(inside: int, hiding: bool) -> int:
            if (inside, hiding) not in needs:
                need = wrapped(self.warning_lines, inside) + 2
                if hiding:
                    need += wrapped([note], inside - 2)  # padded
                if figures:
                    need += math.ceil(len(figures) / len(tile_widths(figures, inside, lang=lang))) * 2 + 2
                    if max(self.figure_widths) > inside:  # a label would be cut: as bad as not fitting
                        need += 50
                if self.warnings_title + 4 > inside + 2:  # its title cut in the border
                    need += 3
                needs[inside, hiding] = need
            return needs[inside, hiding]

        names = max((cell_len(lang.data(line.target, "name")) for line in lines), default=0) + 6
        shape = grid_shape(len(lines), width, height, side, self.under, names)
        shown = sorted(order[:shape.charts])
        charts = list(grid.query(TargetCourse))
        chart_width = int((width - shape.columns + 1) / shape.columns)
        under = self.under(chart_width)
        for tile in self.query_one("#big-top").query(BigTile):
            tile.styles.height = self.tiles_height(width)  # every tile as tall as the tallest
        for index, chart in enumerate(charts):
            chart.display = index in shown
            chart.query_one(".course-text").styles.height = under
            # 全年进程：name where it fits in the border, else the name alone (every chart here is one)
            name = lang.data(chart.item.target, "name")
            full = lang.tr("全年进程：{name}", name=name)
            chart.border_title = plain(full if cell_len(full) + 6 <= chart_width else name)
        grid.styles.grid_size_columns = shape.columns
        grid.styles.grid_size_rows = shape.rows
        grid.styles.grid_rows = " ".join(["1fr"] * (shape.rows - 1) + [str(shape.side_height or "1fr")])
        side = self.query_one("#big-side", VerticalScroll)
        side.styles.column_span, side.styles.row_span = shape.side_columns, shape.side_rows
        # Placed in order, cell by cell: the 预警's block starts where its top left corner is.
        at = (shape.rows - shape.side_rows) * shape.columns + (shape.columns - shape.side_columns)
        visible = [charts[i] for i in shown]
        if at < len(visible):
            grid.move_child(side, before=visible[at])
        elif charts:
            grid.move_child(side, after=charts[-1])
        hidden = [lines[i] for i in range(len(lines)) if i not in shown]
        note = self.query_one("#big-hidden", Static)
        note.update(plain(self.hidden_note(hidden, len(lines), lang=lang)))
        note.display = bool(hidden)

    @staticmethod
    def hidden_note(hidden, charts: int, *, lang: Lang) -> str:
        if not hidden:
            return ""
        return lang.tr("未显示的图表（屏幕不够大）：{names}",
                       names=lang.tr("、").join(lang.data(line.target, "name") for line in hidden))
