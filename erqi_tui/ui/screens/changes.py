"""动态: every recorded change in date order (the day each figure stands at, then the order recorded),
briefing marks among them, filterable by target, project or who. Enter opens that item's history."""

from __future__ import annotations

from typing import NamedTuple

from textual import on

from ...core import fmt
from ...core.i18n import Lang
from ...core.model import Briefing, Change, Dashboard
from ..widgets.requests import HistoryRequested
from ..widgets.table import VirtualTable
from .history import FIELD_NAMES, shown
from .listed import ListedScreen
from ..actions import bindings

# Named as the history names them (序号, 截至, 更新项); 指标或项目 says what the row is about.
COLUMNS = ("截至", "指标或项目", "更新项", "原值", "新值", "记录人", "记录时间", "序号", "备注")


class Row(NamedTuple):
    """One line of 动态: a change, or a briefing mark (`change` None)."""

    change: Change | None
    briefing: Briefing | None
    name: str  # the target's or project's name, in the reader's language
    search: str  # what the filter looks in: name, id, who, lower-cased


def rows(dashboard: Dashboard, *, lang: Lang) -> list[Row]:
    names = {("target", t.id): lang.data(t, "name") for t in dashboard.targets}
    names.update({("project", p.id): lang.data(p, "name") for p in dashboard.projects})
    names.update({("task", t.id): lang.data(t, "name") for t in dashboard.tasks})
    out = []
    for change in dashboard.changes:
        name = names.get((change.kind, change.id), change.id)
        out.append(Row(change, None, name, f"{name}\n{change.id}\n{change.who}".lower()))
    for briefing in dashboard.briefings:
        out.append(Row(None, briefing, lang.tr("简报标记"), f"{lang.tr('简报标记')}\n{briefing.who}".lower()))
    return sorted(out, key=lambda r: (r.change.date, 1, r.change.seq) if r.change else
                  (r.briefing.date, 2, r.briefing.at.timestamp()))


def cells(row: Row, *, lang: Lang) -> list[str]:
    clean = lambda text: fmt.clean(text, single_line=True)  # noqa: E731
    if row.change is None:
        b = row.briefing
        return [b.date.isoformat(), row.name, "", "", "", clean(b.who), f"{b.at:%Y-%m-%d %H:%M}", "", clean(b.note)]
    c = row.change
    note = c.note
    if c.withdrawn:
        note = lang.tr("已由 {who} 撤销（第 {seq} 条）", who=c.withdrawn.who, seq=c.withdrawn.seq) + (
            lang.tr("：{note}", note=note) if note else "")
    return [c.date.isoformat(), clean(row.name), lang.tr(FIELD_NAMES.get(c.field, c.field)),
            clean(shown(c.old, lang=lang)),
            clean(shown(c.new, lang=lang)) + (lang.tr("（已撤销）") if c.withdrawn else ""), clean(c.who),
            f"{c.at:%Y-%m-%d %H:%M}",
            str(c.seq), clean(note)]


class ChangesScreen(ListedScreen):
    BINDINGS = bindings("changes")

    def __init__(self, dashboard: Dashboard) -> None:
        lang = self.app.lang
        super().__init__(rows(dashboard, lang=lang), [lang.tr(c) for c in COLUMNS],
                         lambda row: cells(row, lang=self.app.lang), title=lang.tr("动态：全部更新，按日期"),
                         keys=lang.tr("/ 筛选 · Enter 历史 · Esc 关闭"), placeholder=lang.tr("按目标、项目或记录人筛选…"))

    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self.query_one(VirtualTable).scroll_to_cursor)  # the newest at hand

    def cursor_at(self, shown: list) -> int:
        return len(shown) - 1

    @on(VirtualTable.Selected)
    def open_history(self, event: VirtualTable.Selected) -> None:
        row = event.table.rows[event.index]
        if row.change is not None:
            self.post_message(HistoryRequested(row.change.kind, row.change.id))
