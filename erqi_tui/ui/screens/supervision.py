"""督办 (u): responsible units ranked by what is late or open (overdue milestones, open enterprise
requests, overdue key tasks, targets behind schedule); Enter lists a unit's items, and Enter on an
item opens it. `r` lists every open request, the oldest first, for follow-up."""

from __future__ import annotations

import datetime as dt

from textual import on

from ...core import fmt
from ...core.model import Dashboard
from ...views.supervision import KIND_NAMES, KINDS, Item, OpenRequest, Unit, open_requests, ranking, request_line, unit_name
from ..widgets.table import VirtualTable
from .listed import ListedScreen
from ..actions import bindings


def _clean(text: str) -> str:
    return fmt.clean(text, single_line=True)


class SupervisionScreen(ListedScreen):
    BINDINGS = bindings("supervision")

    def __init__(self, dashboard: Dashboard, at: dt.date, what_if: dt.date | None = None, on_open=None) -> None:
        """`on_open(kind, ident)`: opens an item (a project for a milestone or request, a task, a target)."""
        lang = self.app.lang
        units = ranking(dashboard, at, what_if, lang=lang)
        titles = [lang.tr("责任单位"), *(lang.tr(KIND_NAMES[k]) for k in KINDS), lang.tr("合计")]
        super().__init__(units, titles, lambda u: [_clean(unit_name(u, lang=self.app.lang)),
                                                   *(str(len(u.of(k))) for k in KINDS), str(u.total)],
                         title=lang.tr("督办：各责任单位的逾期与未办事项（截至 {date}）", date=at.isoformat()),
                         keys=lang.tr("/ 筛选 · Enter 明细 · r 企业诉求 · Esc 关闭"), placeholder=lang.tr("按单位筛选…"))
        self.dashboard, self.at = dashboard, at
        self.on_open = on_open

    def search_text(self, unit: Unit) -> str:
        return unit_name(unit, lang=self.app.lang).lower()

    def count_text(self, found: list, filtered: bool) -> str:
        lang = self.app.lang
        if not self.all:
            return lang.tr("没有逾期的节点或任务，没有未办的诉求，也没有落后于序时进度的目标")
        return lang.tr("{count} 个单位有逾期、未办或落后事项", count=len(found))

    @on(VirtualTable.Selected)
    def open_unit(self, event: VirtualTable.Selected) -> None:
        unit = event.table.rows[event.index]
        self.app.push_screen(UnitItems(unit, self.on_open))

    def action_requests(self) -> None:
        self.app.push_screen(RequestsScreen(self.dashboard, self.at, self.on_open))


class UnitItems(ListedScreen):
    BINDINGS = bindings("unit")

    def __init__(self, unit: Unit, on_open=None) -> None:
        lang = self.app.lang
        titles = [lang.tr("类别"), lang.tr("责任人"), lang.tr("事项")]
        super().__init__(unit.all(), titles, lambda i: [self.app.lang.tr(KIND_NAMES[i.kind]),
                                                        _clean(i.person) or fmt.MISSING, _clean(i.text)],
                         title=lang.tr("督办：{unit}", unit=unit_name(unit, lang=lang)), keys=lang.tr("Enter 打开 · Esc 返回"),
                         placeholder=lang.tr("筛选…"))
        self.on_open = on_open

    def search_text(self, item: Item) -> str:
        return f"{item.text}\n{item.person}".lower()

    @on(VirtualTable.Selected)
    def open_item(self, event: VirtualTable.Selected) -> None:
        item = event.table.rows[event.index]
        if self.on_open is not None:
            self.on_open(item.kind, item.ident)


class RequestsScreen(ListedScreen):
    """Every open enterprise request, the oldest first: who handles it and for how long it has waited."""

    BINDINGS = bindings("requests")

    def __init__(self, dashboard: Dashboard, at: dt.date, on_open=None) -> None:
        lang = self.app.lang
        titles = [lang.tr("提出"), lang.tr("已等"), lang.tr("项目"), lang.tr("诉求"), lang.tr("责任单位"),
                  lang.tr("责任人")]

        def cells(o: OpenRequest) -> list[str]:
            lang = self.app.lang
            days = o.days(at)
            return [fmt.when(o.request.raised, lang=lang) if o.request.raised else fmt.MISSING,
                    lang.tr("{days} 天", days=days) if days is not None else fmt.MISSING,
                    _clean(lang.data(o.project, "name")), _clean(lang.data(o.request, "what")),
                    _clean(o.unit) or lang.tr("（未指定）"), _clean(o.request.person or o.project.person) or fmt.MISSING]

        super().__init__(open_requests(dashboard), titles, cells,
                         title=lang.tr("企业诉求：未办结的，最早提出的在前（截至 {date}）", date=at.isoformat()),
                         keys=lang.tr("/ 筛选 · Enter 打开项目 · Esc 返回"),
                         placeholder=lang.tr("按项目、诉求或单位筛选…"))
        self.at = at
        self.on_open = on_open

    def search_text(self, item: OpenRequest) -> str:
        return f"{request_line(item, self.at, lang=self.app.lang)}\n{item.unit}\n{item.request.person}".lower()

    def count_text(self, found: list, filtered: bool) -> str:
        if not self.all:
            return self.app.lang.tr("没有未办结的企业诉求")
        return super().count_text(found, filtered)

    @on(VirtualTable.Selected)
    def open_item(self, event: VirtualTable.Selected) -> None:
        if self.on_open is not None:
            self.on_open("request", event.table.rows[event.index].project.id)
