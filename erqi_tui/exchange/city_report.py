"""Exports of 全市 (several districts' files): the comparison as Markdown, HTML, JSON or a workbook, and
as CSV every district's quantities stacked in one tidy table (its 地区 column tells them apart).
No Textual."""

from __future__ import annotations

import datetime as dt
import io

from ..core import fmt
from . import report
from ..views import city as city_view
from ..views.city import Comparison, District, basis_text, cell_note, compare, headline, method
from ..core.i18n import Lang

def _gap(value: float | None) -> str:
    return fmt.MISSING if value is None else f"{value * 100:+.1f}"


def title(comparison: Comparison, count: int, *, lang: Lang) -> str:
    """What its counts count (ranked, not compared, unreadable), the year, and a what-if (issue 24)."""
    return headline(comparison, lang=lang)


def _table(comparison: Comparison, *, lang: Lang) -> tuple[list[str], list[list[str]]]:
    """The comparison as Markdown and HTML show it: the columns, and each row's texts."""
    names = [name for _, name, _ in comparison.targets]
    columns = [*(lang.tr(c) for c in ("排名", "地区", "截至", "可比")), *names,
               *(lang.tr(c) for c in ("平均（个百分点）", "说明"))]
    rows = []
    for row in comparison.rows:
        if row.district.dashboard is None:
            values = ["", row.district.path.name, "", "", *([""] * len(names)), "",
                      lang.tr("无法读取：{problem}", problem=row.note)]
        else:
            rank = ("⚠ " if row.worst else "") + (city_view.rank_text(row, lang=lang) or fmt.MISSING)
            date = city_view.standing(row, lang=lang) + (lang.tr("（滞后）") if row.stale else "") if row.date else ""
            values = [rank, row.label or row.district.named(lang=lang), date, basis_text(row, lang=lang),
                      *(_cell(row, ident, lang=lang) for ident, _, _ in comparison.targets),
                      _gap(row.score), lang.tr("；").join(filter(None, [row.note, cell_note(comparison, row, lang=lang)]))]
        rows.append(values)
    return columns, rows


def legend(comparison: Comparison, *, lang: Lang) -> str:
    """What the table's ⚠ marks, where it marks one."""
    if not city_view.worst_rows(comparison):
        return ""
    return sentence_gap(lang=lang) + lang.tr("⚠ 标出最落后的地区。")


def to_markdown(districts: list[District], what_if: dt.date | None, *, lang: Lang) -> str:
    comparison = compare(districts, what_if, lang=lang)
    cell = report._md_cell
    columns, rows = _table(comparison, lang=lang)
    lines = [f"# {cell(title(comparison, len(districts), lang=lang))}", "",
             lang.tr("每个目标：完成率，与序时进度相比 ±个百分点。") + cell(method(lang=lang)) + cell(legend(comparison, lang=lang)),
             "",
             "| " + " | ".join(map(cell, columns)) + " |", "|" + " --- |" * len(columns)]
    lines += ["| " + " | ".join(cell(v) for v in values) + " |" for values in rows]
    return "\n".join(lines) + "\n"


# A date (2025-10-31) reads as one: printed on A4 across, the browser had broken it into 2025-10- /
# 31 to give the 说明 column room. The date and the rank stay on one line (a stale date's （滞后） may
# go under it), and so does each figure (95.0% +11.7) while the targets are few enough for the
# page; with more, a figure breaks only between its share and its points. The notes keep a width
# to be read in.
_CITY_CSS = """
td.rank, td.date .day, td.figure.whole { white-space: nowrap; }
td.note { min-width: 10em; }
"""
WHOLE_FIGURES = 6  # up to this many shared targets, each figure on one line


def _column_kinds(targets: int) -> list[str]:
    """The class of each column of `_table`: rank, name, date, basis, the targets, the mean, the note."""
    figure = "figure whole" if targets <= WHOLE_FIGURES else "figure"
    return ["rank", "name", "date", "", *([figure] * targets), "figure whole", "note"]


def _html_cell(kind: str, text: str, esc) -> str:
    if kind == "date" and text:  # the date whole on one line, a stale date's （滞后） may go under it
        day, _, rest = text.partition("（")
        rest = "（" + rest if rest else ""
        if not rest and " (" in text:  # English: "2025-10-31 (stale)", "May 2024 (stale)"
            day, _, rest = text.partition(" (")
            rest = " (" + rest
        return f'<td class="date"><span class="day">{esc(day)}</span>{esc(rest)}</td>'
    return f'<td class="{kind}">{esc(text)}</td>' if kind else f"<td>{esc(text)}</td>"


def to_html(districts: list[District], what_if: dt.date | None, *, lang: Lang) -> str:
    """The comparison as Markdown gives it, as a page to open in a browser and print (the district
    page's print rules: A4 across, the header repeated on each page, a row never split)."""
    import html

    comparison = compare(districts, what_if, lang=lang)
    esc = lambda text: html.escape(fmt.clean(str(text)), quote=True)  # noqa: E731
    columns, rows = _table(comparison, lang=lang)
    heading = esc(title(comparison, len(districts), lang=lang))
    parts = ["<!DOCTYPE html>", f'<html lang="{"en" if lang.english else "zh-CN"}"><head><meta charset="utf-8">',
             f"<title>{heading}</title><style>{report._CSS}{_CITY_CSS}</style></head><body>", f"<h1>{heading}</h1>",
             f"<p>{esc(lang.tr('每个目标：完成率，与序时进度相比 ±个百分点。') + method(lang=lang) + legend(comparison, lang=lang))}</p>",
             "<table><thead><tr>" + "".join(f"<th>{esc(c)}</th>" for c in columns) + "</tr></thead><tbody>"]
    kinds = _column_kinds(len(comparison.targets))
    for values in rows:
        parts.append("<tr>" + "".join(_html_cell(kind, v, esc) for kind, v in zip(kinds, values)) + "</tr>")
    parts.append("</tbody></table></body></html>")
    return "\n".join(parts) + "\n"


def _cell(row, ident: str, *, lang: Lang) -> str:
    found = row.cells.get(ident)
    if found is None or found.progress.completion is None:
        return fmt.MISSING
    if found.suspect:
        return lang.tr("{share} 数值可疑", share=fmt.completion(found.progress, lang=lang))
    return f"{fmt.completion(found.progress, lang=lang)} {_gap(found.progress.gap)}"


def to_json(districts: list[District], what_if: dt.date | None, *, lang: Lang) -> str:
    comparison = compare(districts, what_if, lang=lang)
    out = {"format": "erqi-tui-city/1", "year": comparison.year,
           "what_if": comparison.what_if.isoformat() if comparison.what_if else None, "method": method(lang=lang),
           "title": headline(comparison, lang=lang),
           "targets": [{"id": i.key, "name": i.name, "unit": i.unit, "matched_by": list(i.hows), "ids": list(i.ids)}
                       for i in comparison.indicators], "districts": []}
    for row in comparison.rows:
        d = row.district.dashboard
        name = row.district.named(lang=lang)
        entry = {"file": str(row.district.path), "name": name, "label": row.label or name,
                 "rank": row.rank, "tied": row.tied, "worst": row.worst, "basis": row.basis, "suspect": row.suspect,
                 "score": None if row.score is None else round(row.score, 6), "note": row.note or None}
        if d is not None:
            entry["year"] = d.meta.year
            entry["as_of"] = row.date.isoformat() if row.date else None
            entry["stale"] = row.stale
            entry["targets"] = {ident: {"completion": c.progress.completion, "gap": c.progress.gap,
                                        "verdict": c.progress.verdict, "compared": c.compared,
                                        "unit": c.progress.target.target.unit, "target_id": c.target_id,
                                        "matched_by": c.how, "suspect": c.suspect or None}
                                for ident, c in row.cells.items()}
        out["districts"].append(entry)
    return report.json_text(out)


def to_csv(districts: list[District], what_if: dt.date | None, *, lang: Lang) -> str:
    """Every district's quantities, one tidy table: the header once, then each district's rows, each
    with its year and file; a file left out is a row of its own saying why."""
    import csv

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    header = [lang.tr(c) for c in report.CSV_COLUMNS] + ([lang.tr("假设")] if what_if else [])  # as each district's
    writer.writerow([*header, lang.tr("年度"), lang.tr("文件"), lang.tr("说明")])
    for district in districts:
        file = report.spreadsheet_text(str(district.path))
        if district.dashboard is None:
            problem = district.problem.splitlines()[0] if district.problem else ""
            writer.writerow([report.spreadsheet_text(district.path.name), *([""] * (len(header) - 1)), "", file,
                             report.spreadsheet_text(lang.tr("未计入：无法读取：{problem}", problem=problem))])
            continue
        rows = list(csv.reader(io.StringIO(report.to_csv(district.dashboard, what_if, lang=lang))))[1:]
        for row in rows:
            writer.writerow([*row, district.dashboard.meta.year, file, ""])
    return out.getvalue()


def district_date(row, what_if: dt.date | None) -> dt.date | None:
    """The date a district's figures stand at: the what-if date, or its file's newest figure's."""
    d = row.district.dashboard
    return None if d is None else (what_if or d.as_of)


def city_identity(comparison: Comparison, count: int, what_if: dt.date | None, *, lang: Lang):
    from .workbook import Identity

    # A sentence of its own, as the pages' footer repeats it; the line under the title adds how the
    # ranking is computed, a new sentence (_finish_xlsx).
    if what_if:
        date = lang.tr("假设截至 {date}（所有目标按这一天判断）", date=what_if.isoformat()) + full_stop(lang=lang)
    else:
        date = lang.tr("各地区数值截至日期见“数值截至”列。")
    return Identity(title(comparison, count, lang=lang), date)


def full_stop(*, lang: Lang) -> str:
    return "." if lang.english else "。"


def sentence_gap(*, lang: Lang) -> str:
    """Between two sentences: nothing after a Chinese 。, a space after an English full stop."""
    return " " if lang.english else ""


MONTH_ZH, MONTH_EN = 'yyyy"年"m"月"', "mmm yyyy"  # a date whose source gave only the month


def _finish_xlsx(table, comparison: Comparison, what_if: dt.date | None, width: int, *, lang: Lang) -> None:
    """What the city's sheet shows beyond the shared table: a tied rank reads 并列1 (a number still,
    by its format), a month-only date 2024年5月, and the line under the title (the date and how the
    ranking is computed, two sentences) wraps across the table's width, as tall as it needs."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter
    from rich.cells import cell_len

    sheet = table.sheet
    for number, row in enumerate(comparison.rows, start=table.first):
        if row.tied:
            sheet.cell(number, 1).number_format = '0"="' if lang.english else '"并列"0'
        if what_if is None and city_view.month_only(row):
            sheet.cell(number, 3).number_format = MONTH_EN if lang.english else MONTH_ZH
    line = 2  # title_block: the title, then the date: and after it the method, a sentence of its own
    cell = sheet.cell(line, 1)
    text = str(cell.value or "") + sentence_gap(lang=lang) + method(lang=lang)
    cell.value = text
    sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=width)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    across = sum(sheet.column_dimensions[get_column_letter(i)].width or 8 for i in range(1, width + 1))
    lines = max(1, -(-cell_len(text) // max(int(across) - 2, 10)))
    sheet.row_dimensions[line].height = 15 * lines + 2


def to_xlsx(districts: list[District], what_if: dt.date | None, *, lang: Lang) -> bytes:
    """The comparison as one table (rank, district, the date its figures stand at, each shared
    target's completion and points against 序时进度, the mean, why a row is not compared), with a
    chart of each district's mean distance to 序时进度."""
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference

    from .workbook import Column, saved, write_table

    comparison = compare(districts, what_if, lang=lang)
    book = Workbook()
    book.remove(book.active)
    columns = [Column(lang.tr("排名"), "amount"), Column(lang.tr("地区")), Column(lang.tr("数值截至"), "date"),
               Column(lang.tr("最落后"))]
    for _, name, _ in comparison.targets:
        columns += [Column(lang.tr("{name} 完成率", name=name), "share"),
                    Column(lang.tr("{name} 较序时进度（个百分点）", name=name), "points")]
    columns += [Column(lang.tr("平均（个百分点）"), "points"), Column(lang.tr("说明"))]
    rows = []
    for row in comparison.rows:
        values = [row.rank, row.label or row.district.named(lang=lang), row.date, lang.tr("是") if row.worst else None]
        for ident, _, _ in comparison.targets:
            found = row.cells.get(ident)  # a target in another unit: its own completion, left out of the rank
            known = found is not None and found.progress.completion is not None
            values += [found.progress.completion if known else None,
                       round(found.progress.gap * 100, 1) if known else None]
        values += [None if row.score is None else round(row.score * 100, 1),
                   (lang.tr("；").join(filter(None, [lang.tr("{basis}可比", basis=basis_text(row, lang=lang)), row.note])))
                   if row.district.dashboard is not None else lang.tr("无法读取：{problem}", problem=row.note)]
        rows.append(values)
    who = city_identity(comparison, len(districts), what_if, lang=lang)
    table = write_table(book, lang.tr("全市"), "city", who, lang.tr("排名"), columns, rows, lang=lang)
    _finish_xlsx(table, comparison, what_if, len(table.headers), lang=lang)
    ranked = len(comparison.ranked)  # the ranked rows come first: only they are charted
    if ranked:
        chart = BarChart()
        chart.type = "bar"
        chart.title = lang.tr("平均（个百分点）")
        chart.y_axis.number_format = "+0.0;-0.0;0.0"
        chart.x_axis.scaling.orientation = "maxMin"  # the first ranked at the top, as in the table
        chart.x_axis.tickLblPos = "low"  # the names beside the chart, not over the bars of those behind
        score = len(columns) - 1
        last = table.first + ranked - 1
        chart.add_data(Reference(table.sheet, min_col=score, min_row=table.header_row, max_row=last),
                       titles_from_data=True)
        chart.set_categories(Reference(table.sheet, min_col=2, min_row=table.first, max_row=last))
        chart.height, chart.width = 3 + 0.9 * ranked, 16
        chart.legend = None
        table.sheet.add_chart(chart, f"A{table.last + 3}")
    return saved(book, title(comparison, len(districts), lang=lang), comparison.city)
