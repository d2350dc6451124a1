"""挂图作战: one row per project with milestones, its steps on the months of the data's year (● reached,
○ planned, ✗ overdue, │ the date the dashboard stands at), the most overdue first. `s` orders by
overdue, axis, responsible unit or name; `/` filters as in 重点项目; Enter opens the project.

The project's name stays put while ← → scroll the months and the columns after them a month at a
time, and the steps of the project under the cursor are named in full under the table, each with
its mark: a narrow terminal cuts neither a month nor a step's name."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.widgets import Input, Static

from ...core import fmt
from ...core.i18n import Lang
from ...views.listing import collation_key
from ...core.model import Dashboard, Project
from ..widgets.table import GAP, VirtualTable, _truncate
from ..themes import Themed, ThemedStatic, themed
from ..widgets.text import content
from .listed import ListedScreen
from ..actions import bindings

SLOT = 3  # cells per month on the timeline
BLANK = "\u00a0"  # an empty slot: a no-break space, which an SVG picture does not collapse as it does spaces
ORDERS = ("逾期最多", "发展轴", "责任单位", "名称")


def mark(step, at: dt.date) -> str:
    """A step's mark on the timeline: ● reached, ✗ past its date with nothing reported, ○ planned."""
    return "●" if step.done else "✗" if step.overdue(at) else "○"


def timeline(project: Project, year: int, at: dt.date) -> str:
    """The steps on the months of `year`: ● reached, ○ planned, ✗ overdue; ◂ and ▸ for steps
    before and after the year; │ where `at` falls; steps with no date are left out."""
    cells = [BLANK] * (12 * SLOT)
    if at.year == year:
        cells[(at.month - 1) * SLOT + SLOT - 1] = "│"
    for step in project.milestones:
        when = step.reached if step.done else step.planned
        if when is None:
            continue
        day = when.last if not step.done else when.first
        if day.year < year:
            cells[0] = "◂"
        elif day.year > year:
            cells[-1] = "▸"
        else:
            cells[(day.month - 1) * SLOT + 1] = mark(step, at)
    return "".join(cells)


def month_header() -> str:
    return "".join(str(m).center(SLOT) for m in range(1, 13)).replace(" ", BLANK)


class Row(NamedTuple):
    """A project on the wall chart; its cells are drawn, and its text searched, only when needed."""

    project: Project
    overdue_days: int  # how late its most overdue step is (0: none)
    axis_order: int  # the axis's place in the file's layout (as written, west to east); last: none


def rows(dashboard: Dashboard, at: dt.date) -> list[Row]:
    places = {axis.id: index for index, axis in enumerate(dashboard.layout.axes)}
    out = []
    for project in dashboard.projects:
        if project.milestones:
            late = [(at - m.planned.last).days for m in project.overdue(at)]
            out.append(Row(project, max(late, default=0), places.get(project.axis, len(places))))
    return out


def cells(row: Row, dashboard: Dashboard, at: dt.date, *, lang: Lang) -> list[str]:
    """The name and how late (which stay put), the months, the steps, the axis and the unit."""
    project = row.project
    axis = dashboard.axis_named(project.axis)
    return [fmt.clean(lang.data(project, "name"), single_line=True),
            lang.tr("{days} 天", days=row.overdue_days) if row.overdue_days else "",
            timeline(project, dashboard.meta.year, at),
            fmt.clean(lang.data(axis, "road"), single_line=True) if axis else fmt.MISSING,
            fmt.clean(project.responsible, single_line=True) or fmt.MISSING,
            " · ".join(fmt.step(m, at, lang=lang) for m in project.milestones)]


def steps_text(project: Project, at: dt.date, *, lang: Lang) -> Content:
    """The project's steps in full, each after its mark: "● 开工 2025-05 ✓  ✗ 主体封顶 逾期未报（…）";
    what is overdue in the theme's colour."""
    parts: list = [(lang.data(project, "name"), "bold"), lang.tr("：")]
    for index, step in enumerate(project.milestones):
        symbol = mark(step, at)
        style = "bold $erqi-behind" if symbol == "✗" else ""
        parts += ["  " if index else "", (symbol + " " + fmt.step(step, at, lang=lang), style)]
    return content(*parts)


NAMES_AT_LEAST = 12  # cells the names keep however narrow the window
PINNED = 2  # columns that stay put when the table scrolls sideways: the project's name and how late
OVERDUE, TIMELINE = 1, 2  # how late, and the months


class WallTable(Themed, VirtualTable):
    """The wall chart's table: the name and how late stay at the left while the months, the axis,
    the unit and the steps scroll under ← →, a month at a time. The names give way to the twelve
    months: a long name (English ones are) ends in … rather than push December off the screen."""

    names_wide = 0  # the names' own width, as measured: what the column grows back to when there is room

    def set_rows(self, rows, cursor: int = 0) -> None:
        super().set_rows(rows, cursor)
        self.names_wide = self.widths[0]
        self.fit_names()

    def on_resize(self) -> None:
        if self.names_wide:
            self.fit_names()

    def fit_names(self) -> None:
        room = self.size.width - self.widths[OVERDUE] - self.widths[TIMELINE] - GAP * 3
        self.widths[0] = max(min(self.names_wide, room), NAMES_AT_LEAST) if self.size.width else self.names_wide
        self.virtual_size = Size(sum(self.widths) + GAP * len(self.widths), len(self.rows) + 1)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        scroll_x = self.scroll_offset.x
        line = self.line_texts(y)
        if line is None:
            return Strip.blank(width, self.rich_style)
        texts, style = line
        # Padding apart from the text, marked so it is not merged with it (as VirtualTable does), and
        # each month's mark a segment of its own: a picture (x) then puts every mark in its month.
        padding = style + Style(meta={"padding": True})
        late = style + themed(self, "bold $erqi-behind")  # ✗ and how late, in the theme's colour
        segments = []
        right = scroll_x + width  # a cell cut by the right edge ends in …
        x = 0
        for column, (text, column_width) in enumerate(zip(texts, self.widths)):
            shown = text if cell_len(text) <= column_width else _truncate(text, column_width)
            if column != TIMELINE and x < right < x + cell_len(shown):
                shown = _truncate(shown, right - x)
            x += column_width + GAP
            if column == TIMELINE:
                segments += [Segment(" ", padding) if ch == BLANK else Segment(ch, late if ch == "✗" else style)
                             for ch in shown]
            elif column == OVERDUE and y:
                segments.append(Segment(shown, late))
            else:
                segments.append(Segment(shown, style))
            segments.append(Segment(" " * (column_width - cell_len(shown) + GAP), padding))
        line = Strip(segments)
        pinned = min(self.column_x(PINNED), width)
        rest = line.crop(pinned + scroll_x, scroll_x + width)
        return Strip.join([line.crop(0, pinned), rest]).extend_cell_length(width, style).crop(0, width)

    def _step(self, months: int) -> None:
        target = max(0, min(self.max_scroll_x, self.scroll_offset.x + months * SLOT))
        self.scroll_to(x=target, animate=False, immediate=True)

    def action_scroll_left(self) -> None:
        self._step(-1)

    def action_scroll_right(self) -> None:
        self._step(1)




def ordered(found: list[Row], order: str, *, lang: Lang) -> list[Row]:
    if order == "发展轴":  # in the layout's own order of its axes, the most overdue first on each
        return sorted(found, key=lambda r: (r.axis_order, -r.overdue_days))
    if order == "责任单位":  # by unit (none last), the most overdue first within each
        return sorted(found, key=lambda r: (not r.project.responsible, collation_key(r.project.responsible),
                                            -r.overdue_days))
    if order == "名称":
        return sorted(found, key=lambda r: collation_key(lang.data(r.project, "name")))
    return sorted(found, key=lambda r: -r.overdue_days)  # stable: file order among equals


class WallChart(ListedScreen):
    BINDINGS = bindings("wall")
    DEFAULT_CSS = """
    WallChart .list-count { height: auto; }
    WallChart .wall-steps { height: auto; max-height: 4; padding: 0 1; border-top: solid $primary-darken-1; }
    """

    def __init__(self, dashboard: Dashboard, at: dt.date, on_open=None) -> None:
        """`at`: the date steps are judged at; `on_open(project_id)`: Enter on a row."""
        lang = self.app.lang
        titles = [lang.tr("项目"), lang.tr("逾期"), month_header(), lang.tr("发展轴"), lang.tr("责任单位"),
                  lang.tr("节点")]
        super().__init__(rows(dashboard, at), titles, lambda row: cells(row, dashboard, at, lang=self.app.lang),
                         title=lang.tr("挂图作战：项目节点（按 {date} 计）",
                                       date=fmt.standing(at, dashboard.meta, lang=lang)),
                         keys=lang.tr("/ 筛选 · s 排序 · Enter 项目 · Esc 关闭"),
                         placeholder=lang.tr("按项目、道路或节点筛选…"))
        self.on_open = on_open
        self.dashboard = dashboard
        self.searched: dict[str, str] = {}
        self.order = ORDERS[0]
        self.without = sum(1 for p in dashboard.projects if not p.milestones)
        self.at = at

    def compose_list(self) -> ComposeResult:
        lang = self.app.lang
        yield Static(lang.tr("● 已完成  ○ 计划  ✗ 逾期未报  ◂▸ 上年/下年  │ {date}  · ← → 移动月份",
                             date=fmt.standing(self.at, self.dashboard.meta, lang=lang)), classes="list-count")
        yield WallTable(self.titles, self.cells)
        yield ThemedStatic(classes="wall-steps")

    def on_mount(self) -> None:
        self.watch(self.query_one(WallTable), "cursor_row", self.show_steps, init=False)
        # Textual runs this before ListedScreen's on_mount fills the table: the first row shown is
        # named now, from the rows as they will be arranged, so the first frame has it.
        first = self.arranged(self.all)[:1]
        if first:
            self.query_one(".wall-steps", Static).update(steps_text(first[0].project, self.at, lang=self.app.lang))

    def show_steps(self) -> None:
        """The steps of the project under the cursor, named in full under the table."""
        table = self.query_one(WallTable)
        steps = self.query_one(".wall-steps", Static)
        if table.rows:
            steps.update(steps_text(table.rows[table.cursor_row].project, self.at, lang=self.app.lang))
        else:
            steps.update("")

    @on(Input.Changed, ".list-filter")
    def steps_after_filter(self) -> None:
        self.call_after_refresh(self.show_steps)

    def arranged(self, found: list) -> list:
        return ordered(found, self.order, lang=self.app.lang)

    def search_text(self, row: Row) -> str:
        """The project's name, its road and its steps' names (English ones too), kept once made."""
        text = self.searched.get(row.project.id)
        if text is None:
            lang = self.app.lang
            project = row.project
            axis = self.dashboard.axis_named(project.axis)
            words = [project.name, lang.data(project, "name"), lang.data(axis, "road") if axis else "",
                     project.responsible, *(m.name for m in project.milestones),
                     *(lang.data(m, "name") for m in project.milestones)]
            text = self.searched[project.id] = "\n".join(words).lower()
        return text

    def count_text(self, found: list, filtered: bool) -> str:
        lang = self.app.lang
        late = sum(1 for r in found if r.overdue_days)
        text = lang.tr("{shown} 个项目有节点，{late} 个逾期；按{order}排列", shown=len(found), late=late,
                       order=lang.tr(self.order))
        if self.without and not filtered:
            text += lang.tr("（另有 {count} 个项目未列节点）", count=self.without)
        return text

    def action_next_order(self) -> None:
        self.order = ORDERS[(ORDERS.index(self.order) + 1) % len(ORDERS)]
        self.refilter()
        self.show_steps()

    @on(VirtualTable.Selected)
    def open_project(self, event: VirtualTable.Selected) -> None:
        if self.on_open is not None:
            self.on_open(event.table.rows[event.index].project.id)
