"""挂图作战: one row per project with milestones, its steps on the months of the data's year (● reached,
○ planned, ✗ overdue, │ the date the dashboard stands at), the most overdue first. `s` orders by
overdue, axis, responsible unit or name; `/` filters as in 重点项目; Enter opens the project."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from textual import on

from ...core import fmt
from ...core.i18n import data, tr
from ...views.listing import collation_key
from ...core.model import Dashboard, Project
from ..widgets.table import VirtualTable
from .listed import ListedScreen
from ..actions import bindings

SLOT = 3  # cells per month on the timeline
BLANK = "\u00a0"  # an empty slot: a no-break space, which an SVG picture does not collapse as it does spaces
ORDERS = ("逾期最多", "发展轴", "责任单位", "名称")


def timeline(project: Project, year: int, at: dt.date) -> str:
    """The steps on the months of `year`: ● reached, ○ planned, ✗ overdue; ◂ and ▸ for steps
    before and after the year; │ where `at` falls; steps with no date are left out."""
    cells = [BLANK] * (12 * SLOT)
    if at.year == year:
        cells[(at.month - 1) * SLOT + SLOT - 1] = "│"
    for step in project.milestones:
        when, mark = (step.reached, "●") if step.done else (step.planned, "✗" if step.overdue(at) else "○")
        if when is None:
            continue
        day = when.last if not step.done else when.first
        if day.year < year:
            cells[0] = "◂"
        elif day.year > year:
            cells[-1] = "▸"
        else:
            cells[(day.month - 1) * SLOT + 1] = mark
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


def cells(row: Row, dashboard: Dashboard, at: dt.date) -> list[str]:
    project = row.project
    axis = dashboard.axis_named(project.axis)
    return [fmt.clean(data(project, "name"), single_line=True),
            fmt.clean(data(axis, "road"), single_line=True) if axis else fmt.MISSING,
            fmt.clean(project.responsible, single_line=True) or fmt.MISSING,
            tr("{days} 天", days=row.overdue_days) if row.overdue_days else "",
            timeline(project, dashboard.meta.year, at), " · ".join(fmt.step(m, at) for m in project.milestones)]


def ordered(found: list[Row], order: str) -> list[Row]:
    if order == "发展轴":  # in the layout's own order of its axes, the most overdue first on each
        return sorted(found, key=lambda r: (r.axis_order, -r.overdue_days))
    if order == "责任单位":  # by unit (none last), the most overdue first within each
        return sorted(found, key=lambda r: (not r.project.responsible, collation_key(r.project.responsible),
                                            -r.overdue_days))
    if order == "名称":
        return sorted(found, key=lambda r: collation_key(data(r.project, "name")))
    return sorted(found, key=lambda r: -r.overdue_days)  # stable: file order among equals


class WallChart(ListedScreen):
    BINDINGS = bindings("wall")

    def __init__(self, dashboard: Dashboard, at: dt.date, on_open=None) -> None:
        """`at`: the date steps are judged at; `on_open(project_id)`: Enter on a row."""
        titles = [tr("项目"), tr("发展轴"), tr("责任单位"), tr("逾期"), month_header(), tr("节点")]
        super().__init__(rows(dashboard, at), titles, lambda row: cells(row, dashboard, at),
                         title=tr("挂图作战：项目节点（● 已完成 ○ 计划 ✗ 逾期未报 ◂▸ 上年/下年 │ 按 {date} 计）",
                                  date=fmt.standing(at, dashboard.meta)),
                         keys=tr("/ 筛选 · s 排序 · Enter 项目 · Esc 关闭"), placeholder=tr("按项目、道路或节点筛选…"))
        self.on_open = on_open
        self.dashboard = dashboard
        self.searched: dict[str, str] = {}
        self.order = ORDERS[0]
        self.without = sum(1 for p in dashboard.projects if not p.milestones)

    def arranged(self, found: list) -> list:
        return ordered(found, self.order)

    def search_text(self, row: Row) -> str:
        """The project's name, its road and its steps' names (English ones too), kept once made."""
        text = self.searched.get(row.project.id)
        if text is None:
            project = row.project
            axis = self.dashboard.axis_named(project.axis)
            words = [project.name, data(project, "name"), data(axis, "road") if axis else "", project.responsible,
                     *(m.name for m in project.milestones), *(data(m, "name") for m in project.milestones)]
            text = self.searched[project.id] = "\n".join(words).lower()
        return text

    def count_text(self, found: list, filtered: bool) -> str:
        late = sum(1 for r in found if r.overdue_days)
        text = tr("{shown} 个项目有节点，{late} 个逾期；按{order}排列", shown=len(found), late=late, order=tr(self.order))
        if self.without and not filtered:
            text += tr("（另有 {count} 个项目未列节点）", count=self.without)
        return text

    def action_next_order(self) -> None:
        self.order = ORDERS[(ORDERS.index(self.order) + 1) % len(ORDERS)]
        self.refilter()

    @on(VirtualTable.Selected)
    def open_project(self, event: VirtualTable.Selected) -> None:
        if self.on_open is not None:
            self.on_open(event.table.rows[event.index].project.id)
