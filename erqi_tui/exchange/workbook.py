"""`export --format xlsx`: the pane account (views.account) as a workbook officials can sum, chart and
print. One table per sheet, under a title block that names the district, the year, the date the
figures stand at and the source; its header frozen and repeated on every printed page; A4, fit to
one page wide, page numbers in the footer. Numbers are numbers: a column of amounts holds one unit
(converted within its dimension by core/units, the unit in the header) so that SUM is right; a
count is whole; shares, points and dates carry Excel's formats. Every chart's series covers exactly
its table's rows. No Textual; openpyxl is imported only here."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter
from typing import NamedTuple

from rich.cells import cell_len

from ..core import fields, fmt, progress, series, units
from ..core.i18n import Lang
from ..core.model import Dashboard, Quantity
from ..core.series import Since
from ..views.account import (Account, Section, account, assumed_day, overdue_words, project_value, responsible,
                             stage_words)
from .report import FORMULA_STARTS, author, heading, shown_unit, shown_value

HEADER_FILL = "DDEBF7"
SHARE = "0.0%"
DATE = "yyyy-mm-dd"
POINTS = "+0.0;-0.0;0.0"
WHOLE = "#,##0"
FONT_NAME = "Calibri"  # the workbook's own (openpyxl's default); named, or LibreOffice sets a header's Latin in a serif
NARROWEST = 6  # a column's least width: 以上, 约 and a unit fit it
HEADER_LINES = 3  # the lines a header may wrap to
TEXT_WIDTH = 40  # the widest a text column grows (Excel's characters); a longer text wraps within it
PORTRAIT_WIDTH = 95  # column widths (Excel's characters) that fit across A4 upright; wider prints landscape


def cell_text(text: str) -> str:
    """Data text for a cell: one line, no control characters. Kept as written: `saved` makes every
    text cell text, never a formula (where CSV must put an apostrophe before =, +, - and @)."""
    return fmt.clean(text, single_line=True)


def saved(book, title: str = "", author: str = "") -> bytes:
    """The workbook's bytes, every text cell stored as text: openpyxl takes a string that begins
    with = for a formula (a project named "=HYPERLINK(…)" would be one), and a cell beginning with
    =, +, - or @ carries Excel's quote prefix, so that editing it in Excel or WPS keeps it text.
    Its properties (File › Info) give `title` and `author` (the district), not "openpyxl".
    Every writer of an .xlsx saves through here."""
    cut = lambda text: cell_text(text)[:255]  # noqa: E731 — the format's limit
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    book.properties.title, book.properties.creator = cut(title) or None, cut(author) or None
    book.properties.lastModifiedBy = cut(author) or None
    book.properties.created = book.properties.modified = now
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
                    if cell.value.startswith(FORMULA_STARTS):
                        cell.quotePrefix = True
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def number_format(value) -> str:
    """An amount's format: whole numbers without a decimal point (Excel's #,##0.## would print "300."),
    others with as many decimals as they have, at most four."""
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return WHOLE
    decimals = len(f"{value:.4f}".rstrip("0").split(".")[1])
    return WHOLE + "." + "0" * decimals


def signed(number_format: str) -> str:
    """A change's format: its sign shown, +6 and -3.5, as every other output gives it."""
    return f"+{number_format};-{number_format};0"


LINE_HEIGHT = 15  # points a line of 11-point text takes, Chinese or not


def header_width(header: str) -> int:
    """The width a header asks of its column: its words over up to HEADER_LINES lines (a Chinese
    header breaks anywhere, an English one at spaces), never more than 14: the column is as wide as
    its figures need, so that a wide table prints larger on A4, its headers wrapping above."""
    longest = max((len(w) for w in header.split() if cell_len(w) == len(w)), default=0)  # an English word whole
    least = max(-(-cell_len(header) // HEADER_LINES), longest) + 2
    return next((w for w in range(least, 14) if wrapped_lines(header, w) <= HEADER_LINES), 14)


def wrapped_lines(text: str, width: float) -> int:
    """The lines `text` takes wrapped in a column `width` characters wide (a Chinese character two),
    as Excel and LibreOffice wrap: at spaces, or anywhere in a run without them; a little room is
    kept, since a Chinese character prints a shade wider than two digits."""
    room = max(width * 0.95 - 1, 2)
    total = 0
    for line in text.splitlines() or [""]:
        count, used = 1, 0.0
        for word in re.findall(r"\S+\s*|\s+", line):
            size = cell_len(word.rstrip()) or cell_len(word)
            if used and used + size > room:
                count, used = count + 1, 0.0
            while size > room:  # a run longer than the line (a Chinese sentence) breaks where it reaches the edge
                count, size = count + 1, size - room
            used += size + (cell_len(word) - cell_len(word.rstrip()))
        total += count
    return total


class Month(NamedTuple):
    """A date whose source gave only the month (fmt.month_only): written as the date (the month's
    end, so it sorts and charts) but shown as the month, 2024年5月 (May 2024), as the heading says it."""
    date: dt.date


def month_format(*, lang: Lang) -> str:
    return "mmm yyyy" if lang.english else 'yyyy"年"m"月"'


def _dated(date: dt.date | None, meta) -> dt.date | Month | None:
    return Month(date) if date is not None and fmt.month_only(date, meta) else date


class Column(NamedTuple):
    header: str  # already in the reader's language
    kind: str = "text"  # text, amount (#,##0 or its decimals), change (an amount with its sign), share, points, date
    optional: bool = False  # left out where no row has a value (a file that names no 位置)


def _value(q: Quantity | None, lang: Lang):
    return None if q is None else shown_value(q.value, q.unit, lang=lang)


def _bound(q: Quantity | None, lang: Lang) -> str | None:
    if q is None:
        return None
    return lang.tr("以上") if q.at_least else (lang.tr("约") if q.approx else None)


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


def _fit(title: str, units_: int) -> str:
    """`title` cut to `units_` UTF-16 code units (a character beyond the BMP is two; it is not split),
    an apostrophe at either end shown as ’."""
    title = title[:units_]
    while len(title.encode("utf-16-le")) > units_ * 2:
        title = title[:-1]
    if title.startswith("'"):
        title = "’" + title[1:]
    if title.endswith("'"):
        title = title[:-1] + "’"
    return title


class Identity(NamedTuple):
    """What every sheet says above its table, and its printed pages in their header and footer."""
    name: str  # 郑州市二七区 2024 年目标 (an invented file's district says 示例（虚构）)
    date: str  # 截至 2024-05-31, or the what-if date
    source: str = ""  # 来源：…


def identity(dashboard: Dashboard, what_if: dt.date | None, *, lang: Lang) -> Identity:
    name, _, date = heading(dashboard, what_if, lang=lang).partition(" — ")
    source = dashboard.meta.source
    return Identity(name, date, fmt.clean(lang.tr("来源：{source}", source=source), single_line=True) if source else "")


class Table(NamedTuple):
    sheet: object
    header_row: int
    first: int  # the first data row
    last: int  # the last data row (first - 1 without rows)
    headers: tuple[str, ...]  # the columns written, in order

    def column(self, header: str) -> int:
        """The number (1 for A) of the column headed `header`."""
        return self.headers.index(header) + 1


def _footer_text(text: str) -> str:
    """Data text for a page's footer: a cell's text, with & doubled (& starts a code there)."""
    return cell_text(text).replace("&", "&&")


def write_table(book, name: str, fallback: str, who: Identity, title: str, columns: list[Column],
                rows: list[list], *, lang: Lang) -> Table:
    """A sheet of its own holding one table under the title block: the header frozen and repeated on
    every printed page, the page set up for A4 (its footer, and a month's format, in `lang`)."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    kept = [i for i, c in enumerate(columns) if not c.optional or any(r[i] is not None for r in rows)]
    columns, rows = [columns[i] for i in kept], [[r[i] for i in kept] for r in rows]
    sheet = book.create_sheet(sheet_title(name, book.sheetnames, fallback))
    header_row = title_block(sheet, who, title) + 2
    widths: dict[int, int] = {}
    edge = Side(style="thin", color="999999")
    grid = Border(left=edge, right=edge, top=edge, bottom=edge)
    wrapped, top = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")

    def fit(column: int, value, most: int = TEXT_WIDTH) -> None:
        if value is None:
            return
        text = value.isoformat()[:10] if isinstance(value, (dt.date, dt.datetime)) else str(value)
        longest = max((cell_len(line) for line in text.splitlines()), default=0)
        widths[column] = max(widths.get(column, 0), min(longest + 2, most))

    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(header_row, index, cell_text(column.header))
        cell.font = Font(name=FONT_NAME, bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.border = grid
        widths[index] = header_width(column.header)  # a long header wraps rather than widening its column
    row_number = header_row
    for values in rows:
        row_number += 1
        for index, (column, value) in enumerate(zip(columns, values), start=1):
            if isinstance(value, str):
                value = cell_text(value)
            shown_as = None
            if isinstance(value, Month):
                value, shown_as = value.date, month_format(lang=lang)
            cell = sheet.cell(row_number, index, value)
            cell.border = grid
            if value is None or isinstance(value, str):
                cell.alignment = wrapped  # a long text wraps within its column; the row grows to show it
                fit(index, value)
                continue
            cell.alignment = top  # a number or a date never wraps (it would print as ###)
            cell.number_format = shown_as or {"share": SHARE, "points": POINTS, "date": DATE}.get(column.kind) \
                or (signed(number_format(value)) if column.kind == "change" else number_format(value))
            fit(index, f"{value:.1%}" if column.kind == "share" else value)
    total = 0
    for index in range(1, len(columns) + 1):
        width = max(widths.get(index, 0), NARROWEST)
        sheet.column_dimensions[get_column_letter(index)].width = width
        total += width
    lines = max((wrapped_lines(c.header, max(widths.get(i, 0), NARROWEST)) for i, c in enumerate(columns, start=1)),
                default=1)
    sheet.row_dimensions[header_row].height = 15 * lines  # a wrapped header shown whole, not cut at one line
    for number in range(header_row + 1, row_number + 1):
        # a row of wrapped text as tall as its longest cell needs (neither LibreOffice nor WPS grows an
        # imported row by itself); a row of one line keeps the default height
        lines = max((wrapped_lines(value, max(widths.get(index, 0), 8)) for index, value in
                     ((c.column, c.value) for c in sheet[number]) if isinstance(value, str)), default=1)
        if lines > 1:
            sheet.row_dimensions[number].height = LINE_HEIGHT * lines
    page_setup(sheet, who, landscape=total > PORTRAIT_WIDTH, lang=lang)
    sheet.freeze_panes = sheet.cell(header_row + 1, 2)  # the one header, and the names beside it
    sheet.print_title_rows = f"{header_row}:{header_row}"
    return Table(sheet, header_row, header_row + 1, row_number, tuple(c.header for c in columns))


def title_block(sheet, who: Identity, title: str) -> int:
    """The district, year and table (or chart) on the first line, the date under it, the source
    under that; returns the number of lines written."""
    from openpyxl.styles import Font

    lines = [(f"{who.name} — {title}", Font(name=FONT_NAME, bold=True, size=14)), (who.date, Font(name=FONT_NAME, size=11))]
    if who.source:
        lines.append((who.source, Font(name=FONT_NAME, size=9, color="555555")))
    for row, (text, font) in enumerate(lines, start=1):
        sheet.cell(row, 1, cell_text(text)).font = font
    return len(lines)


def page_setup(sheet, who: Identity, *, landscape: bool, lang: Lang) -> None:
    """A4, upright or across, one page wide, the district and the date in the footer beside the page
    number."""
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "landscape" if landscape else "portrait"
    setup.fitToWidth, setup.fitToHeight = 1, 0  # one page wide, as many pages down as it takes
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    # the district at the left, the date and the page at the right: a page number in the middle ran
    # into a long (English) name on an upright page
    sheet.oddFooter.left.text = _footer_text(who.name)
    sheet.oddFooter.right.text = _footer_text(who.date) + "    " + lang.tr("第 &P 页，共 &N 页")
    for part in (sheet.oddFooter.left, sheet.oddFooter.right):
        part.size = 9
        part.font = FONT_NAME


TARGET_COLUMNS = [("目标", "text"), ("当前值", "amount"), ("当前值为下限或约数", "text"), ("目标值", "amount"),
                  ("目标值为下限或约数", "text"), ("单位", "text"), ("完成率", "share"), ("序时进度", "share"),
                  ("较序时进度（个百分点）", "points"), ("判断", "text"), ("数值截至", "date"), ("年底预计", "amount"),
                  ("缺口", "amount"), ("余下每月需", "amount"), ("余下月数", "amount"), ("余下月数内共需", "amount"),
                  ("年底预计为", "text"), ("缺口与所需为", "text")]
# What the rest of the year needs, as the screen says it (fmt.need_figure): an amount a month
# (余下每月需 27.4); a count whole over the months left (余下 7 个月需 17 个: 余下月数内共需 17, left out
# where no target counts things). 余下月数 (7) is given for every target with a projection. How the worked-out figures are bounded, as
# the screen says it (至少 40.9 亿元): 至少, 至多 or 约 in a text column of its own, left out where none is.
OPTIONAL_TARGET_COLUMNS = {"余下月数", "余下月数内共需", "年底预计为", "缺口与所需为"}


def target_table(acc: Account, lines, *, lang: Lang) -> tuple[list[Column], list[list]]:
    """The targets as the account says them: figures, completion, 序时进度, verdict, the date, the
    projection at the screen's precision, the change since, who answers for each."""
    columns = [Column(lang.tr(h), kind, optional=h in OPTIONAL_TARGET_COLUMNS) for h, kind in TARGET_COLUMNS]
    since = acc.since
    if since is not None:
        columns.append(Column(lang.tr("较 {date}", date=since.date.isoformat()), "change"))
    answered = any(line.target.responsible or line.target.person for line in lines)
    if answered:
        columns.append(Column(lang.tr("责任单位")))
    rows = []
    for line in lines:
        p, t, found = line.progress, line.target, line.projection
        unit = t.target.unit
        need = None if found is None else fmt.need_figure(found)
        months, needed = need if need is not None else (None, None)
        left = _months_left(found)
        shown = lambda value: shown_value(value, unit, lang=lang)  # noqa: E731
        row = [lang.data(t, "name"), _value(t.current, lang), _bound(t.current, lang), shown(t.target.value),
               _bound(t.target, lang), shown_unit(unit, lang=lang), p.completion, p.time_share,
               None if p.gap is None else round(p.gap * 100, 1),
               lang.tr(progress.VERDICT_WORD[p.verdict]), _dated(p.as_of, acc.dashboard.meta),
               None if found is None or found.year_end is None else shown(fmt.rounded(found.year_end, unit)),
               None if found is None or found.shortfall is None
               else shown(fmt.rounded(found.shortfall, unit, need=True)),
               shown(needed) if months is None else None, months if months is not None else left,
               None if months is None else shown(needed),
               _worked_out_bound(found, "year_end", lang), _worked_out_bound(found, "need", lang)]
        if since is not None:
            row.append(None if line.change is None or line.change.delta is None
                       else shown(round(line.change.delta, 4)))
        if answered:
            row.append(responsible(t, lang=lang) or None)
        rows.append(row)
    return columns, rows


def _months_left(found: series.Projection | None) -> float | int | None:
    """余下月数: the months of the year after the date the figure stands at, for every target with a
    projection (an amount's 余下每月需 is a month's share of them, a count's 余下月数内共需 their whole)."""
    if found is None:
        return None
    months = round(found.months_left, 1)
    return int(months) if float(months).is_integer() else months


def _worked_out_bound(found: series.Projection | None, which: str, lang: Lang) -> str | None:
    """至少, 至多 or 约: how 年底预计 (`which` year_end) or 缺口 and what is needed (need) are bounded, where
    the sheet gives the figure; None where exact."""
    if found is None or found.reached:
        return None
    if which == "year_end":
        shown, bound = found.year_end is not None, found.year_end_bound
    else:
        shown, bound = found.shortfall is not None or fmt.need_figure(found) is not None, found.need_bound
    return lang.tr(fmt.BOUND_WORD[bound]) if shown and bound else None


FIGURE_COLUMNS = ("分组", "项目", "数值", "单位", "下限或约数")


def _figure_rows(blocks, lang: Lang) -> list[list]:
    return [[lang.data(f, "group") if f.group else None, lang.data(f, "label"), _value(f.quantity, lang),
             shown_unit(f.quantity.unit, lang=lang), _bound(f.quantity, lang)] for _, items in blocks for f in items]


def _figure_header(header: str, lang: Lang) -> str:
    """A figures table's header; its 项目 is a line of figures, an item, in English (Item, not Project)."""
    return lang.tr("事项") if header == "项目" and lang.english else lang.tr(header)


def column_unit(quantities) -> str:
    """The unit a column of amounts is given in: the one most of them use (the first met, at a tie)."""
    found = Counter(q.unit for q in quantities if q is not None)
    return found.most_common(1)[0][0] if found else ""


def in_unit(q: Quantity | None, unit: str) -> float | int | None:
    """`q` in `unit` where it converts (亿元 → 万元, 公顷 → 亩), else None: the column holds one unit."""
    if q is None:
        return None
    if q.unit == unit:
        return q.value
    if units.dimension(q.unit) != units.dimension(unit) or unit not in units.SCALES:
        return None
    value = round(units.in_base_unit(q) / units.SCALES[unit][1], 6)
    return int(value) if value.is_integer() else value


def project_table(d: Dashboard, projects, *, lang: Lang) -> tuple[list[Column], list[list]]:
    """The projects with the fields core/fields exports to xlsx, in its order; each amount (an
    investment, an area) in one unit (the one most projects use; the header says it) with a column saying which are
    bounds or approximate, so that a SUM of the column is the total; a figure in a unit that does not
    convert is kept, as written, in a column of its own. A column no project fills is left out (the
    id, the name and the status are always there)."""
    shown = fields.exported("xlsx")
    unit = {f.key: column_unit(getattr(p, f.attr) for p in projects) for f in shown if f.kind == fields.AMOUNT}
    odd = lambda q, unit: q is not None and in_unit(q, unit) is None  # noqa: E731
    columns = []
    for f in shown:
        optional = not (f.required or f.kind == fields.STAGE)
        if f.kind == fields.AMOUNT:
            named = shown_unit(unit[f.key], lang=lang)  # in English, Investment (bn CNY): the values are scaled to it
            columns += [Column(lang.tr("{label}（{unit}）", label=lang.tr(fields.label(f)), unit=named) if named
                               else lang.tr(fields.label(f)), "amount", optional=True),
                        Column(lang.tr("{label}为下限或约数", label=lang.tr(fields.label(f))), optional=True)]
        else:
            columns.append(Column(lang.tr(fields.heading(f)), optional=optional))
    other = any(odd(getattr(p, key), u) for p in projects for key, u in unit.items())
    if other:
        columns.append(Column(lang.tr("其他单位的数值")))
    rows = []
    for p in projects:
        row = []
        for f in shown:
            value = project_value(d, p, f, lang=lang)
            row += [shown_value(in_unit(value, unit[f.key]), unit[f.key], lang=lang), _bound(value, lang)] \
                if f.kind == fields.AMOUNT else [value]
        if other:
            row.append(lang.tr("；").join(fmt.quantity(q, words=True, lang=lang)
                                for q, u in ((getattr(p, k), u) for k, u in unit.items()) if odd(q, u)) or None)
        rows.append(row)
    return columns, rows


def _tables(acc: Account, section: Section, lang: Lang) -> list[tuple[str, list[Column], list[list]]]:
    """A pane's tables, (title, columns, rows), in the order its sheets take (the pane's main one first)."""
    d = acc.dashboard
    tr = lang.tr
    out = []
    if section.projects:
        out.append((tr("项目"), *project_table(d, section.projects, lang=lang)))
    if section.targets:
        out.append((tr("年度目标"), *target_table(acc, section.targets, lang=lang)))
    if section.behind or section.overdue:
        # a verdict that rests on the day assumed, or a project's step overdue, says so in 说明
        noted = any(line.early for line in section.behind) or bool(section.overdue)
        out.append((tr("预警"),
                    [Column(tr("目标或项目") if section.overdue else tr("目标")), Column(tr("完成率"), "share"),
                     Column(tr("较序时进度（个百分点）"), "points"), *([Column(tr("说明"))] if noted else [])],
                    [[lang.data(line.target, "name"), line.progress.completion, round(line.progress.gap * 100, 1),
                      *([assumed_day(line.progress, line.early, lang=lang).strip().strip("（）()")] if noted else [])]
                     for line in section.behind]
                    + [[f"{lang.data(project, 'name')} · {lang.data(step, 'name')}", None, None,
                        overdue_words(step, acc, lang=lang)] for project, step in section.overdue]))
    figure_rows = _figure_rows(section.figures, lang)
    if figure_rows:
        out.append((tr("要闻数据") if section.pane == "overview" else tr("数据"),
                    [Column(_figure_header(h, lang), "amount" if h == "数值" else "text") for h in FIGURE_COLUMNS],
                    figure_rows))
    if section.stages:
        out.append((tr("项目推进"), [Column(tr("项目范围")), Column(tr("数据")), Column(tr("数量"), "amount"),
                                  Column(tr("单位")), Column(tr("下限或约数")), Column(tr("说明"))],
                    [[*stage_words(st, lang=lang), _value(st.count, lang),
                      shown_unit(st.count.unit, lang=lang) if st.count else None, _bound(st.count, lang),
                      lang.data(st, "note") or None] for st in section.stages]))
    if section.initiatives:
        out.append((tr("举措（文章未给数字）"), [Column(tr("举措")), Column(tr("内容"))],
                    [[lang.data(i, "name"), lang.data(i, "what") or None] for i in section.initiatives]))
    if section.events:
        rows = [[e.date, lang.data(e, "title"), lang.data(f, "label"), _value(f.quantity, lang),
                 shown_unit(f.quantity.unit, lang=lang), _bound(f.quantity, lang)]
                for e in section.events for f in e.figures] + \
               [[e.date, lang.data(e, "title"), None, None, None, None] for e in section.events if not e.figures]
        out.append((tr("大事记"), [Column(tr("日期"), "date"), Column(tr("事件")), Column(tr("数据")),
                                Column(tr("数值"), "amount"), Column(tr("单位")), Column(tr("下限或约数"))],
                    sorted(rows, key=lambda r: r[0])))
    if section.axes:
        out.append((tr("发展轴"), [Column(tr("道路")), Column(tr("发展轴")), Column(tr("项目数"), "amount"),
                                Column(tr("项目"))],
                    [[lang.data(a, "road"), lang.data(a, "theme"), len(on_it),
                      lang.tr("、").join(lang.data(p, "name") for p in on_it[:50])] for a, on_it in section.axes]))
    return out


def to_xlsx(dashboard: Dashboard, what_if: dt.date | None = None, pane: str | None = None,
            since: Since | None = None, *, lang: Lang) -> bytes:
    """The workbook of `pane` (every pane when None), its every word in `lang`."""
    from openpyxl import Workbook

    d = dashboard
    acc = account(d, what_if, pane, since)
    who = identity(d, what_if, lang=lang)
    book = Workbook()
    book.remove(book.active)
    for section in acc.sections:
        name = lang.pane_title(d, section.pane)
        tables = _tables(acc, section, lang) or [(lang.tr("（无）"), [Column("")], [])]
        for index, (title, columns, rows) in enumerate(tables):
            long_title = lang.tr("预警：落后于序时进度") if title == lang.tr("预警") and not section.overdue else title
            table = write_table(book, name if index == 0 else f"{name}·{title}", section.pane, who,
                                f"{name} · {long_title}", columns, rows, lang=lang)
            if section.pane == "overview" and title == lang.tr("年度目标") and rows:
                _completion_chart(table, lang)
    if pane in (None, "overview"):
        _courses(book, d, who, lang)
    return saved(book, who.name, author(d, lang=lang))


CHART_FILLS = (("1F3864", "1F3864"), ("D9D9D9", "404040"))  # completion, 序时进度: (fill, edge)


def _completion_chart(table: Table, lang: Lang) -> None:
    """总览: each target's completion against 序时进度, every row of the table."""
    from openpyxl.chart import BarChart, Reference

    sheet = table.sheet
    chart = BarChart()
    chart.type = "bar"
    chart.title = lang.tr("完成率与序时进度")
    chart.y_axis.number_format = SHARE
    chart.y_axis.scaling.min = 0
    chart.x_axis.scaling.orientation = "maxMin"  # the first target at the top, as in the table
    done, share = table.column(lang.tr("完成率")), table.column(lang.tr("序时进度"))
    chart.add_data(Reference(sheet, min_col=done, max_col=share, min_row=table.header_row, max_row=table.last),
                   titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=table.first, max_row=table.last))
    # Told apart printed in grey too: completion dark, the time elapsed light with a dark edge
    # (Excel's default blue and orange print as one grey)
    for chart_series, (fill, edge) in zip(chart.series, CHART_FILLS):
        chart_series.graphicalProperties.solidFill = fill
        chart_series.graphicalProperties.line.solidFill = edge
    chart.height, chart.width = 3 + 0.9 * (table.last - table.first + 1), 18
    chart.legend.position = "b"
    sheet.add_chart(chart, f"A{table.last + 3}")


def _courses(book, dashboard: Dashboard, who: Identity, lang: Lang) -> None:
    """进程: each target's values through the year (its figure, then each update in force), where the
    journal holds more than one: one table, a block of rows per target; and a sheet of charts, each
    target's block against its target, two across."""
    from openpyxl.chart import LineChart, Reference, Series

    histories = [(t, series.series(dashboard, t.id)) for t in dashboard.targets]
    histories = [(t, points) for t, points in histories if len(points) > 1]
    if not histories:
        return
    rows = [[lang.data(t, "name"), shown_unit(t.target.unit, lang=lang), _dated(p.date, dashboard.meta),
             _value(p.value, lang), shown_value(t.target.value, t.target.unit, lang=lang), _bound(p.value, lang)]
            for t, points in histories for p in points]
    table = write_table(book, lang.tr("进程"), "course", who, lang.tr("进程"),
                        [Column(lang.tr("目标")), Column(lang.tr("单位")), Column(lang.tr("日期"), "date"),
                         Column(lang.tr("数值"), "amount"), Column(lang.tr("目标值"), "amount"),
                         Column(lang.tr("下限或约数"), optional=True)], rows, lang=lang)
    charts = book.create_sheet(sheet_title(lang.tr("进程·图表"), book.sheetnames, "course-charts"))
    top = title_block(charts, who, lang.tr("进程")) + 2
    page_setup(charts, who, landscape=True, lang=lang)
    sheet, row = table.sheet, table.first
    for index, (target, points) in enumerate(histories):
        first, last = row, row + len(points) - 1
        chart = LineChart()
        named = shown_unit(target.target.unit, lang=lang)
        chart.title = fmt.clean(lang.tr("{name}（{unit}）", name=lang.data(target, "name"), unit=named) if named
                                else lang.data(target, "name"), single_line=True)
        chart.x_axis.number_format = "mm-dd"
        for header in (lang.tr("数值"), lang.tr("目标值")):
            column = table.column(header)
            chart.series.append(Series(Reference(sheet, min_col=column, min_row=first, max_row=last),
                                       title=fmt.clean(header, single_line=True)))
        chart.set_categories(Reference(sheet, min_col=table.column(lang.tr("日期")), min_row=first, max_row=last))
        for chart_series, dashed in zip(chart.series, (False, True)):  # the figure solid and dark, the target dashed
            chart_series.graphicalProperties.line.solidFill = CHART_FILLS[0][0] if not dashed else CHART_FILLS[1][1]
            chart_series.graphicalProperties.line.width = 28575  # 2.25 pt, in EMU
            if dashed:
                chart_series.graphicalProperties.line.dashStyle = "dash"
        chart.height, chart.width = 7, 12.5
        chart.legend.position = "b"
        charts.add_chart(chart, f"{'AI'[index % 2]}{top + 15 * (index // 2)}")
        row = last + 1
