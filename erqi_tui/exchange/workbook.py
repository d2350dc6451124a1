"""`export --format xlsx`: the dashboard as a workbook officials can sum and chart. One sheet per
pane; numbers are numbers (value and unit in separate columns, a lower bound marked in its own
column), shares and dates carry Excel's formats, header rows are frozen and columns sized to their
Chinese text. 总览 has a native chart of each target's completion against 序时进度, and 进程 the
year's series of each target with its own chart. No Textual; openpyxl is imported only here."""

from __future__ import annotations

import datetime as dt
import io

from rich.cells import cell_len

from ..core import fmt, progress, series
from ..views import listing
from ..core.i18n import data, pane_title, tr
from ..core.model import PANE_IDS, Dashboard, Quantity
from .report import responsible, spreadsheet_text
from ..core.series import Since
from ..views.account import Account, account

HEADER_FILL = "DDEBF7"
SHARE = "0.0%"
NUMBER = "#,##0.####"
DATE = "yyyy-mm-dd"
POINTS = '+0.0;-0.0;0.0'


def _value(q: Quantity | None):
    return None if q is None else q.value


def _bound(q: Quantity | None) -> str | None:
    if q is None:
        return None
    return "以上" if q.at_least else ("约" if q.approx else None)


# What a sheet title may not hold, as the full-width sign that reads the same in Chinese text.
_NOT_IN_SHEET_TITLE = str.maketrans({"/": "／", "\\": "＼", ":": "：", "?": "？", "*": "＊", "[": "［", "]": "］"})


def sheet_title(name: str, taken: list[str], fallback: str) -> str:
    """`name` as a sheet title Excel and WPS open: cleaned like any data text (fmt.clean), the signs
    a title may not hold (/ \\ : ? * [ ]) in their full-width forms, at most 31 characters (counted
    as Excel counts them, in UTF-16), not starting or ending with an apostrophe (shown as ’), not
    "History" (Excel keeps it for itself) and unlike every title in `taken`, ignoring case: a second
    one gets " (2)". `fallback` where nothing is left."""
    title = fmt.clean(name, single_line=True).translate(_NOT_IN_SHEET_TITLE).strip() or fallback
    taken = {t.casefold() for t in taken} | {"history"}
    candidate, number = _fit(title, 31), 1
    while candidate.casefold() in taken:
        number += 1
        candidate = _fit(title, 31 - len(f" ({number})")) + f" ({number})"
    return candidate


def _fit(title: str, units: int) -> str:
    """`title` cut to `units` UTF-16 code units (a character beyond the BMP is two; it is not split),
    an apostrophe at either end shown as ’."""
    title = title[:units]
    while len(title.encode("utf-16-le")) > units * 2:
        title = title[:-1]
    if title.startswith("'"):
        title = "’" + title[1:]
    if title.endswith("'"):
        title = title[:-1] + "’"
    return title


class Writer:
    """Tables written one under another on a sheet, each with a title and a bold header row."""

    def __init__(self, sheet) -> None:
        self.sheet = sheet
        self.row = 1
        self.widths: dict[int, int] = {}
        self.frozen = False

    def table(self, title: str, headers: list[str], rows: list[list], formats: dict[int, str] | None = None):
        from openpyxl.styles import Font, PatternFill

        sheet = self.sheet
        if title:
            sheet.cell(self.row, 1, spreadsheet_text(title)).font = Font(bold=True, size=12)
            self.row += 1
        for column, header in enumerate(headers, start=1):
            cell = sheet.cell(self.row, column, spreadsheet_text(header))
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
            self.fit(column, header)
        if not self.frozen:  # the first table's header stays in view
            sheet.freeze_panes = sheet.cell(self.row + 1, 2)
            self.frozen = True
        first = self.row + 1
        for values in rows:
            self.row += 1
            for column, value in enumerate(values, start=1):
                if isinstance(value, str):
                    value = spreadsheet_text(value)
                cell = sheet.cell(self.row, column, value)
                if formats and column in formats and value is not None:
                    cell.number_format = formats[column]
                self.fit(column, value)
        self.row += 2
        return first, self.row - 3  # the data rows

    def fit(self, column: int, value) -> None:
        if value is None:
            return
        text = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)
        self.widths[column] = max(self.widths.get(column, 0), min(cell_len(text) + 2, 60))

    def done(self) -> None:
        from openpyxl.utils import get_column_letter

        for column, width in self.widths.items():
            self.sheet.column_dimensions[get_column_letter(column)].width = max(width, 8)


TARGET_HEADERS = ["目标", "当前值", "当前值为下限", "目标值", "目标值为下限", "单位", "完成率", "序时进度",
                  "较序时进度（个百分点）", "判断", "数值截至", "年底预计", "缺口", "余下每月需"]


def _target_rows(acc: Account, lines) -> tuple[list, list]:
    headers = [tr(h) for h in TARGET_HEADERS]
    since = acc.since
    if since is not None:
        headers.append(tr("较 {date}", date=since.date.isoformat()))
    answered = any(line.target.responsible or line.target.person for line in lines)
    if answered:
        headers.append(tr("责任单位"))
    rows = []
    for line in lines:
        p, t, found = line.progress, line.target, line.projection
        unit = t.target.unit
        row = [data(t, "name"), _value(t.current), _bound(t.current), t.target.value, _bound(t.target), unit,
               p.completion, p.time_share, None if p.gap is None else round(p.gap * 100, 1),
               tr(progress.VERDICT_WORD[p.verdict]), p.as_of,
               None if found is None or found.year_end is None else fmt.rounded(found.year_end, unit),
               None if found is None or found.shortfall is None else fmt.rounded(found.shortfall, unit, need=True),
               None if found is None or found.monthly_need is None else fmt.rounded(found.monthly_need, unit, rate=True)]
        if since is not None:
            row.append(None if line.change is None or line.change.delta is None else round(line.change.delta, 4))
        if answered:
            row.append(responsible(t) or None)
        rows.append(row)
    return headers, rows


TARGET_FORMATS = {2: NUMBER, 4: NUMBER, 7: SHARE, 8: SHARE, 9: POINTS, 11: DATE, 12: NUMBER, 13: NUMBER, 14: NUMBER,
                  15: NUMBER}


def _figures(writer: Writer, blocks, title: str) -> None:
    figures = [f for _, items in blocks for f in items]
    if figures:
        writer.table(title, [tr("分组"), tr("项目"), tr("数值"), tr("单位"), tr("下限或约数")],
                     [[data(f, "group") if f.group else "", data(f, "label"), f.quantity.value, f.quantity.unit,
                       _bound(f.quantity)] for f in figures], {3: NUMBER})


def to_xlsx(dashboard: Dashboard, what_if: dt.date | None = None, pane: str | None = None,
            since: Since | None = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, LineChart, Reference

    d = dashboard
    acc = account(d, what_if, pane, since)
    book = Workbook()
    book.remove(book.active)
    for section in acc.sections:
        pane_id = section.pane
        sheet = book.create_sheet(sheet_title(pane_title(d, pane_id), book.sheetnames, pane_id))
        writer = Writer(sheet)
        if section.targets:
            headers, rows = _target_rows(acc, section.targets)
            first, last = writer.table(tr("年度目标"), headers, rows, TARGET_FORMATS)
            if pane_id == "overview" and rows:
                chart = BarChart()
                chart.type = "bar"
                chart.title = tr("完成率与序时进度")
                chart.y_axis.number_format = SHARE
                chart.y_axis.scaling.min = 0
                chart.add_data(Reference(sheet, min_col=7, max_col=8, min_row=first - 1, max_row=last), titles_from_data=True)
                chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
                chart.height, chart.width = 3 + 1.2 * len(rows), 18
                sheet.add_chart(chart, f"A{writer.row}")
                writer.row += int(chart.height * 2) + 2
        if pane_id == "overview":
            if section.behind:
                writer.table(tr("预警：落后于序时进度"), [tr("目标"), tr("完成率"), tr("落后（个百分点）")],
                             [[data(line.target, "name"), line.progress.completion, round(abs(line.progress.gap) * 100, 1)]
                              for line in section.behind], {2: SHARE})
            _figures(writer, section.figures, tr("要闻数据"))
        else:
            _figures(writer, section.figures, tr("数据"))
        if section.stages:
            writer.table(tr("项目推进"), [tr("阶段"), tr("数量"), tr("单位"), tr("下限或约数"), tr("说明")],
                         [[data(st, "name"), _value(st.count), st.count.unit if st.count else None, _bound(st.count),
                           data(st, "note")] for st in section.stages], {2: NUMBER})
        if section.events:
            rows = [[e.date, data(e, "title"), data(f, "label"), f.quantity.value, f.quantity.unit]
                    for e in section.events for f in e.figures] + \
                   [[e.date, data(e, "title"), None, None, None] for e in section.events if not e.figures]
            writer.table(tr("大事记"), [tr("日期"), tr("事件"), tr("数据"), tr("数值"), tr("单位")],
                         sorted(rows, key=lambda r: r[0]), {1: DATE, 4: NUMBER})
        if section.axes:
            writer.table(tr("发展轴"), [tr("道路"), tr("发展轴"), tr("项目数"), tr("项目")],
                         [[data(a, "road"), data(a, "theme"), len(on_it), "、".join(data(p, "name") for p in on_it[:50])]
                          for a, on_it in section.axes])
        if section.projects:
            writer.table(tr("项目"), [tr("编号"), tr("项目"), tr("状态"), tr("发展轴"), tr("位置"), tr("总投资"),
                                     tr("单位"), tr("占地"), tr("单位"), tr("预计"), tr("责任单位"), tr("说明")],
                         [[p.id, data(p, "name"), listing.status_name(d, p.status), _road(d, p.axis),
                           data(p, "location") or None, _value(p.investment), p.investment.unit if p.investment else None,
                           _value(p.area), p.area.unit if p.area else None, data(p, "expected") or None,
                           responsible(p) or None, data(p, "note") or None] for p in section.projects],
                         {6: NUMBER, 8: NUMBER})
        writer.done()
    if pane in (None, "overview"):
        _courses(book, d, LineChart, Reference)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _road(dashboard: Dashboard, axis_id: str | None) -> str | None:
    axis = dashboard.axis_named(axis_id)
    return data(axis, "road") if axis else None


def _courses(book, dashboard: Dashboard, LineChart, Reference) -> None:
    """进程: each target's values through the year (its figure, then each update in force), where
    the journal holds more than one, each with a line chart against its target."""
    histories = [(t, series.series(dashboard, t.id)) for t in dashboard.targets]
    histories = [(t, points) for t, points in histories if len(points) > 1]
    if not histories:
        return
    sheet = book.create_sheet(sheet_title(tr("进程"), book.sheetnames, "course"))
    writer = Writer(sheet)
    for target, points in histories:
        first, last = writer.table(tr("{name}（{unit}）", name=data(target, "name"), unit=target.target.unit),
                                   [tr("日期"), tr("数值"), tr("目标值")],
                                   [[p.date, p.value.value, target.target.value] for p in points],
                                   {1: DATE, 2: NUMBER, 3: NUMBER})
        chart = LineChart()
        chart.title = fmt.clean(data(target, "name"), single_line=True)
        chart.y_axis.title = fmt.clean(target.target.unit, single_line=True)
        chart.x_axis.number_format = "mm-dd"
        chart.add_data(Reference(sheet, min_col=2, max_col=3, min_row=first - 1, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
        chart.height, chart.width = 7, 16
        sheet.add_chart(chart, f"E{first - 1}")
        writer.row = max(writer.row, first + 16)
    writer.done()
