"""督办 (u): responsible units ranked by what is late (overdue milestones, targets behind schedule);
Enter lists a unit's items, and Enter on a milestone's line opens its project."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.binding import Binding

from .. import fmt
from ..i18n import tr
from ..model import Dashboard
from ..supervision import Item, Unit, ranking, unit_name
from ..widgets.table import VirtualTable
from .listed import ListedScreen


class SupervisionScreen(ListedScreen):
    BINDINGS = [
        Binding("escape", "close", "关闭", id="supervision.close"),
        Binding("slash", "focus_filter", "筛选", id="supervision.filter", key_display="/"),
    ]

    def __init__(self, dashboard: Dashboard, at: dt.date, what_if: dt.date | None = None, on_open=None) -> None:
        units = ranking(dashboard, at, what_if)
        titles = [tr("责任单位"), tr("逾期节点"), tr("落后目标"), tr("合计")]
        super().__init__(units, titles, lambda u: [fmt.clean(unit_name(u), single_line=True), str(len(u.overdue)),
                                                   str(len(u.behind)), str(u.total)],
                         title=tr("督办：各责任单位的逾期与落后（截至 {date}）", date=at.isoformat()),
                         keys=tr("/ 筛选 · Enter 明细 · Esc 关闭"), placeholder=tr("按单位筛选…"))
        self.on_open = on_open

    def search_text(self, unit: Unit) -> str:
        return unit_name(unit).lower()

    def count_text(self, found: list, filtered: bool) -> str:
        if not self.all:
            return tr("没有逾期的节点，也没有落后于序时进度的目标")
        return tr("{count} 个单位有逾期或落后事项", count=len(found))

    @on(VirtualTable.Selected)
    def open_unit(self, event: VirtualTable.Selected) -> None:
        unit = event.table.rows[event.index]
        self.app.push_screen(UnitItems(unit, self.on_open))


class UnitItems(ListedScreen):
    BINDINGS = [
        Binding("escape", "close", "关闭", id="unit.close"),
        Binding("slash", "focus_filter", "筛选", id="unit.filter", key_display="/"),
    ]

    def __init__(self, unit: Unit, on_open=None) -> None:
        items = [*unit.overdue, *unit.behind]
        titles = [tr("类别"), tr("责任人"), tr("事项")]
        super().__init__(items, titles, lambda i: [tr("逾期节点") if i.kind == "milestone" else tr("落后目标"),
                                                   fmt.clean(i.person, single_line=True) or fmt.MISSING,
                                                   fmt.clean(i.text, single_line=True)],
                         title=tr("督办：{unit}", unit=unit_name(unit)), keys=tr("Enter 打开项目 · Esc 返回"),
                         placeholder=tr("筛选…"))
        self.on_open = on_open

    def search_text(self, item: Item) -> str:
        return f"{item.text}\n{item.person}".lower()

    @on(VirtualTable.Selected)
    def open_item(self, event: VirtualTable.Selected) -> None:
        item = event.table.rows[event.index]
        if item.kind == "milestone" and self.on_open is not None:
            self.on_open(item.ident)
