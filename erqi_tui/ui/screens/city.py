"""全市: one row per district, the targets they share side by side (completion, and ahead or
behind 序时进度 in points), ranked, the worst flagged; a file that cannot be read says why. Enter
opens that district's dashboard; Esc there comes back here."""

from __future__ import annotations

import datetime as dt

from textual import on

from ...core import fmt
from ...views.city import Comparison, Row, compare
from ...core.i18n import tr
from ..widgets.table import VirtualTable
from .listed import ListedScreen
from ..actions import bindings

WORST = "⚠"


def cell(row: Row, ident: str) -> str:
    found = row.cells.get(ident)
    if found is None:
        return fmt.MISSING
    p = found.progress
    if p.completion is None:
        return tr("进度未知")
    text = f"{fmt.percent(p.completion)} {p.gap * 100:+.1f}"
    return text if found.compared else text + tr("（单位不同）")


def cells(comparison: Comparison):
    def of(row: Row) -> list[str]:
        if row.district.dashboard is None:
            return ["", fmt.clean(row.district.name, single_line=True), *([""] * len(comparison.targets)), "",
                    fmt.clean(tr("无法读取：{problem}", problem=row.note.splitlines()[0] if row.note else ""),
                              single_line=True)]
        rank = (f"{WORST} {row.rank}" if row.worst else str(row.rank)) if row.rank else fmt.MISSING
        score = f"{row.score * 100:+.1f}" if row.score is not None else fmt.MISSING
        return [rank, fmt.clean(row.district.name, single_line=True), *(cell(row, i) for i, _, _ in comparison.targets),
                score, fmt.clean(row.note, single_line=True)]
    return of


class CityScreen(ListedScreen):
    BINDINGS = bindings("city")

    def __init__(self, districts, what_if: dt.date | None = None, on_open=None) -> None:
        """`on_open(district)`: opens that district's dashboard."""
        comparison = compare(districts, what_if)
        titles = [tr("排名"), tr("地区"), *(fmt.clean(name, single_line=True) for _, name, _ in comparison.targets),
                  tr("平均（个百分点）"), tr("说明")]
        year = tr("{year} 年", year=comparison.year) if comparison.year else ""
        super().__init__(comparison.rows, titles, cells(comparison),
                         title=tr("全市：{count} 个地区 {year}（完成率 与序时进度相比 ±个百分点）", count=len(districts),
                                  year=year),
                         keys=tr("/ 筛选 · Enter 打开该地区 · q 退出"), placeholder=tr("按地区筛选…"))
        self.comparison = comparison
        self.on_open = on_open

    def search_text(self, row: Row) -> str:
        return f"{row.district.name}\n{row.district.path.name}".lower()

    def count_text(self, found: list, filtered: bool) -> str:
        if filtered:
            return super().count_text(found, filtered)
        shared = "、".join(name for _, name, _ in self.comparison.targets) or tr("（没有共同的目标）")
        worst = next((r for r in self.all if r.worst), None)
        line = tr("共同目标：{names}", names=shared)
        if worst is not None:
            line += tr("；{mark} 最落后：{name}", mark=WORST, name=worst.district.name)
        return line

    def action_close(self) -> None:
        """Esc clears the filter; the city view is where the app starts, so it does not close."""
        field = self.query_one("Input")
        field.value = ""
        self.query_one(VirtualTable).focus()

    @on(VirtualTable.Selected)
    def open_district(self, event: VirtualTable.Selected) -> None:
        row = event.table.rows[event.index]
        if row.district.dashboard is None:
            self.notify(fmt.clean(row.note), title=tr("无法读取 {name}", name=row.district.path.name),
                        severity="error", markup=False, timeout=10)
            return
        if self.on_open is not None:
            self.app.call_later(self.on_open, row.district)  # it awaits the district's panes
