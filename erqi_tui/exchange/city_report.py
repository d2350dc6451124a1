"""Exports of 全市 (several districts' files): the comparison as Markdown, JSON or a workbook, and
as CSV every district's quantities stacked in one tidy table (its 地区 column tells them apart).
No Textual."""

from __future__ import annotations

import datetime as dt
import io

from ..core import fmt
from . import report
from ..views.city import Comparison, District, compare
from ..core.i18n import tr

def _gap(value: float | None) -> str:
    return fmt.MISSING if value is None else f"{value * 100:+.1f}"


def title(comparison: Comparison, count: int) -> str:
    year = tr("{year} 年", year=comparison.year) if comparison.year else ""
    return tr("全市：{count} 个地区 {year}", count=count, year=year).strip()


def to_markdown(districts: list[District], what_if: dt.date | None) -> str:
    comparison = compare(districts, what_if)
    cell = report._md_cell
    names = [name for _, name, _ in comparison.targets]
    lines = [f"# {cell(title(comparison, len(districts)))}", "",
             tr("每个目标：完成率，与序时进度相比 ±个百分点；排名按共同目标的平均差距。"), "",
             "| " + " | ".join(map(cell, [tr("排名"), tr("地区"), *names, tr("平均（个百分点）"), tr("说明")])) + " |",
             "|" + " --- |" * (len(names) + 4)]
    for row in comparison.rows:
        if row.district.dashboard is None:
            values = ["", row.district.path.name, *([""] * len(names)), "", tr("无法读取：{problem}", problem=row.note)]
        else:
            rank = ("⚠ " if row.worst else "") + (str(row.rank) if row.rank else fmt.MISSING)
            values = [rank, row.district.name, *(_cell(row, ident) for ident, _, _ in comparison.targets),
                      _gap(row.score), row.note]
        lines.append("| " + " | ".join(cell(v) for v in values) + " |")
    return "\n".join(lines) + "\n"


def _cell(row, ident: str) -> str:
    found = row.cells.get(ident)
    if found is None or found.progress.completion is None:
        return fmt.MISSING
    text = f"{fmt.percent(found.progress.completion)} {_gap(found.progress.gap)}"
    return text if found.compared else text + tr("（单位不同）")


def to_json(districts: list[District], what_if: dt.date | None) -> str:
    comparison = compare(districts, what_if)
    out = {"format": "erqi-tui-city/1", "year": comparison.year,
           "targets": [{"id": i, "name": n, "unit": u} for i, n, u in comparison.targets], "districts": []}
    for row in comparison.rows:
        d = row.district.dashboard
        entry = {"file": str(row.district.path), "name": row.district.name, "rank": row.rank, "worst": row.worst,
                 "score": None if row.score is None else round(row.score, 6), "note": row.note or None}
        if d is not None:
            entry["year"] = d.meta.year
            entry["targets"] = {ident: {"completion": c.progress.completion, "gap": c.progress.gap,
                                        "verdict": c.progress.verdict, "compared": c.compared,
                                        "unit": c.progress.target.target.unit}
                                for ident, c in row.cells.items()}
        out["districts"].append(entry)
    return report.json_text(out)


def to_csv(districts: list[District], what_if: dt.date | None) -> str:
    """Every district's quantities, one tidy table: the header once, then each district's rows."""
    parts = []
    for district in districts:
        if district.dashboard is None:
            continue
        text = report.to_csv(district.dashboard, what_if)
        parts.append(text if not parts else text.split("\r\n", 1)[1])
    return "".join(parts)


def to_xlsx(districts: list[District], what_if: dt.date | None) -> bytes:
    from openpyxl import Workbook

    from .workbook import SHARE, Writer

    comparison = compare(districts, what_if)
    book = Workbook()
    sheet = book.active
    sheet.title = tr("全市")
    writer = Writer(sheet)
    headers = [tr("排名"), tr("地区"), tr("最落后")]
    formats = {}
    for _, name, _ in comparison.targets:
        headers += [tr("{name} 完成率", name=name), tr("{name} 较序时进度（个百分点）", name=name)]
        formats[len(headers) - 1] = SHARE
    headers += [tr("平均（个百分点）"), tr("说明")]
    rows = []
    for row in comparison.rows:
        values = [row.rank, row.district.name, tr("是") if row.worst else None]
        for ident, _, _ in comparison.targets:
            found = row.cells.get(ident)
            usable = found is not None and found.compared and found.progress.completion is not None
            values += [found.progress.completion if usable else None,
                       round(found.progress.gap * 100, 1) if usable else None]
        values += [None if row.score is None else round(row.score * 100, 1),
                   row.note if row.district.dashboard is not None else tr("无法读取：{problem}", problem=row.note)]
        rows.append(values)
    writer.table(title(comparison, len(districts)), headers, rows, formats)
    writer.done()
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
