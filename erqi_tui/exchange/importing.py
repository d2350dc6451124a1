"""`erqi-tui import`: an office's ledger (台账) in, as journal updates, and no figure recorded wrong
without a word. No Textual.

ledger_sheet finds the table (the sheet, the header after any title or 填报 lines) and core.written
reads its cells; here each row, or each month's cell of a wide monthly ledger, becomes an Update,
checked before it is planned: the unit (the cell's, the 单位 column's, the header's, the 备注's, else
the sheet's 单位：万元) against the target's or field's, converted within a dimension and refused
across; a count a whole number; the district (a 地区 column, the title, 填报单位); the date; two rows
for one id and date; a number merged down from the row above. Held back with a question (recorded
with --accept-outliers): a figure 10× off the one in force or over 10×target, a percent written as
a fraction, another figure in force on the row's date, a monthly row read the wrong way round.
A row equal to an update in force for that id and date plans nothing, so a sheet imported twice
records once. Every problem names the sheet's row and column.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from ..core import fields, fmt
from ..core.i18n import Lang
from ..core.model import Change, Dashboard, Quantity, Target, Update, becomes_current
from ..core.problems import DataError, Problem
from ..store.validate import MAX_VALUE, TEXT_LIMIT
from ..core import written as values_
from .ledger_sheet import (PROJECT_FIELDS, Column, CsvCell, Ledger, column_letter, read_date_label, read_ledger,
                           stated_unit, title_period)
from ..core.written import NoCachedValue, Reading, Unreadable, blank, normal

COLUMN_NAMES = {"id": "编号", "name": "名称", "date": "日期", "value": "数值", "unit": "单位", "note": "备注",
                **{f.key: f.zh for f in fields.importable()}, "region": "地区"}
OUTLIER_FACTOR = values_.OUTLIER_FACTOR


class Planned(NamedTuple):
    """What one row (or one month's cell) will record: the update, where it came from, a line saying
    from → to, and the question when the figure is held back as unlikely."""

    row: int
    update: Update
    line: str
    question: str = ""
    column: int = -1  # the sheet's column the figure came from (0-based), for what its neighbours say
    percent_typed: bool = False  # written with its % sign (0.965%): meant as a percent, not a fraction


class Plan(NamedTuple):
    planned: list[Planned]
    skipped: list[int]  # rows that change nothing
    ignored: list[str]  # headers not known
    totals: list[int]  # 合计/小计/总计 rows, skipped
    notes: list[str]  # what was read in a way worth saying (a month read as its end…)

    def held(self) -> list[Planned]:
        return [p for p in self.planned if p.question]


def read_sheet(path: Path, sheet: str | None = None, *, lang: Lang) -> Ledger:
    """The table of the ledger at `path` (see ledger_sheet.read_ledger); why there is none in `lang`."""
    return read_ledger(path, sheet, lang=lang)


def described(ledger: Ledger, dashboard: Dashboard, data_path: Path, *, lang: Lang) -> list[str]:
    """The preview's first lines: the district and the file it writes to; the sheet and the row read
    as its header."""
    meta = dashboard.meta
    lines = [lang.tr("导入到 {district}（{year} 年）的数据文件 {path}", district=lang.data(meta, "district"), year=meta.year,
                     path=data_path)]
    sheet = lang.tr("工作表“{sheet}”", sheet=ledger.sheet) if ledger.sheet else lang.tr("CSV")
    line = lang.tr("读取 {file} 的{sheet}，第 {row} 行为表头", file=ledger.path.name, sheet=sheet, row=ledger.header_row)
    if ledger.sheets_passed:
        line += lang.tr("（前面的工作表 {names} 没有表格）", names=lang.tr("、").join(f"“{n}”" for n in ledger.sheets_passed))
    if ledger.hidden_passed:
        line += lang.tr("（跳过隐藏的工作表 {names}）", names=lang.tr("、").join(f"“{n}”" for n in ledger.hidden_passed))
    if ledger.hidden:
        line += lang.tr("（这是隐藏的工作表）")
    if ledger.hidden_columns:
        line += lang.tr("（跳过隐藏的 {columns} 列：表格里看不到的不导入）",
                        columns=lang.tr("、").join(column_letter(c) for c in ledger.hidden_columns))
    if ledger.hidden_rows:
        shown = lang.tr("、").join(str(n) for n in ledger.hidden_rows[:10]) + ("…" if len(ledger.hidden_rows) > 10 else "")
        line += lang.tr("（跳过隐藏的第 {rows} 行：表格里看不到的不导入）", rows=shown)
    lines.append(line)
    return lines


class Importer:
    """Turns a ledger's rows into updates of `dashboard`, collecting a problem per wrong cell; its
    problems, questions, preview lines and notes in `lang`."""

    def __init__(self, path: Path, dashboard: Dashboard, who: str, today: dt.date, *, monthly: bool = False,
                 accept_outliers: bool = False, lang: Lang) -> None:
        self.lang = lang
        self.path, self.dashboard, self.who, self.today = path, dashboard, who, today
        self.monthly, self.accept_outliers = monthly, accept_outliers
        self.targets = {t.id: t for t in dashboard.targets}
        self.projects = {p.id: p for p in dashboard.projects}
        self.by_name = {_name_key(t.name): t.id for t in dashboard.targets}
        self.by_name.update({_name_key(p.name): p.id for p in dashboard.projects if _name_key(p.name) not in self.by_name})
        self.problems: list[Problem] = []
        self.notes: list[str] = []
        # What each target stands at, as the rows so far leave it: (current, its date), and every
        # figure in force by date (the file's own, the journal's, the rows planned).
        self.state = {t.id: (t.current, dashboard.target_date(t)) for t in dashboard.targets}
        self.points: dict[str, dict[dt.date, Quantity]] = values_.figures_in_force(dashboard)
        self.dates: dict[str, list[dt.date]] = {}  # each target's points' dates in order, kept as rows add to them
        self.in_force: dict[tuple[str, str, str, dt.date], Any] = {}
        for change in dashboard.changes:
            if change.withdrawn is None:
                self.in_force[(change.kind, change.id, change.field, change.date)] = change.new
        for change in dashboard.changes:  # the data file's own figure, which the first update replaced
            if change.withdrawn is None and change.kind == "target" and change.old_date and change.old is not None:
                self.in_force.setdefault(("target", change.id, "current", change.old_date), change.old)
        self.seen: dict[tuple[str, str, dt.date], int] = {}
        self.at_column = -1
        self.percent_typed = False  # the last figure read was written with its % sign
        self.first, self.last = dashboard.update_dates(today)

    # --- problems -----------------------------------------------------------------------------

    def problem(self, row: int, column: Column | None, message: str) -> None:
        lang = self.lang
        where = lang.tr("“{column}”列", column=column.title) if column is not None and column.title else ""
        self.problems.append(Problem(self.path, row, column.index + 1 if column is not None else None, where, message))

    # --- the sheet ----------------------------------------------------------------------------

    def plan(self, ledger: Ledger) -> Plan:
        lang = self.lang
        self.ledger = ledger
        by_field: dict[str, Column] = {}
        ignored, months, spans = [], [], []
        by_month = any(c.field == "month" and not c.span for c in ledger.columns)
        for col in ledger.columns:
            if col.field == "period":
                spans.append(col)  # a quarter's own figure: said, not read (a running total, 1-9月, is read)
            elif col.field == "month":
                year = col.month[0]
                if year is not None and year != self.dashboard.meta.year:
                    ignored.append(lang.tr("{column}（不在数据年度 {year} 年）", column=col.title, year=self.dashboard.meta.year))
                    continue
                months.append(col)
            elif col.field is None:
                if col.title:
                    ignored.append(col.title)
            elif col.field not in by_field:
                by_field[col.field] = col
            elif col.field == "note":  # 备注 and 说明: the first is read, the other said left out
                ignored.append(col.title)
            else:  # 完成值 and 累计完成, 数值 twice: which holds the figure is not for us to guess
                self.problem(ledger.header_row, col, lang.tr(
                    "与“{first}”列是同一项（{field}），不知以哪列为准：请删去一列或改其表头",
                    first=by_field[col.field].title, field=lang.tr(COLUMN_NAMES.get(col.field, col.field))))
        if "value" in by_field and by_field["value"].basis == "当月":
            self.problem(ledger.header_row, by_field["value"], lang.tr(
                "表头写明是当月数：数值列应为年初以来的累计；各月的当月数请每月一列（1月……12月）并加 --monthly"))
        self.columns = by_field
        self.project_columns = [f for f in PROJECT_FIELDS if f in by_field]
        months.sort(key=lambda c: c.month[1])
        self.months = months
        if months and "value" in by_field:
            self.problem(ledger.header_row, by_field["value"], lang.tr(
                "表头既有各月的列（{month}）又有数值列：每张表只用一种写法", month=months[0].title))
        for col in months:
            if col.basis == "累计" and not col.span and self.monthly:
                self.problem(ledger.header_row, col, lang.tr("表头写明是累计数，与 --monthly（各月当月数）相反：请去掉 --monthly"))
                break
        if months and "date" in by_field:  # 5月份 and 日期 2024-06-30: the month's column says the date
            self.notes.append(lang.tr("未读取的列：“{date}”：按月份的列，数值截至各月月末（{month}：{last}）",
                                      date=by_field["date"].title, month=months[-1].title,
                                      last=lang.tr("{month} 月末", month=months[-1].month[1])))
        if self.monthly and not months:
            self.problems.append(Problem(self.path, ledger.header_row, None, "", lang.tr(
                "--monthly 用于每月一列的台账（1月……12月），这张表没有月份列")))
        if spans:
            names = lang.tr("、").join(c.title for c in spans)
            self.notes.append(lang.tr("未读取的列：{names}（跨几个月的合计；已按各月的列读取）", names=names) if by_month else lang.tr(
                "未读取的列：{names}：是这几个月的数还是年初以来的累计，表头没有写明；请改用累计的列（1-9月、前三季度，"
                "或写明 三季度（累计）），或每月一列", names=names))
        self.district_checks(ledger)
        self.sheet_date = self.labelled_date(ledger)
        self.stated = stated_unit(ledger)
        if self.stated is not None:
            kind, where = values_.units.dimension(self.stated.unit), dict(row=self.stated.row, written=self.stated.written,
                                                                          unit=self.stated.unit)
            self.notes.append(lang.tr("第 {row} 行写明“{written}”：没有注明单位的金额按{unit}读", **where) if kind == "money" else
                              lang.tr("第 {row} 行写明“{written}”：没有注明单位的面积按{unit}读", **where) if kind == "area" else
                              lang.tr("第 {row} 行写明“{written}”：没有注明单位的数按{unit}读", **where))
            if self.stated.row == ledger.header_row:  # a header cell 金额单位：万元 is read, not ignored
                ignored[:] = [i for i in ignored if self.stated.written not in i]
        planned: list[Planned] = []
        skipped, totals = [], []
        for number, cells in ledger.rows:
            result = self.row(number, cells)
            if result == "total":
                totals.append(number)
            elif result is None:
                continue
            elif not result:
                skipped.append(number)
            else:
                planned.extend(result)
        if self.problems:
            raise DataError(self.problems)
        _fractions_among_percents(planned, lang)
        return Plan(planned, skipped, ignored, totals, self.notes)

    def district_checks(self, ledger: Ledger) -> None:
        """A title or 填报单位 line naming another district refuses the sheet; so does a sheet's name
        or the file's (a workbook of a sheet per district, 金水区 first; 金水区6月台账.xlsx)."""
        lang = self.lang
        meta = self.dashboard.meta
        for what, name, hint in ((lang.tr("工作表名"), ledger.sheet, lang.tr("；本区的表若在另一工作表，请用 --sheet 指定")),
                                 (lang.tr("文件名"), self.path.stem, "")):
            place = values_.other_place(name, meta.district, meta.city) if name else None
            if place:
                self.problems.append(Problem(self.path, None, None, "", lang.tr(
                    "{what}“{name}”写的是“{place}”，本数据文件是“{district}”的：不是本区的台账，未导入{hint}",
                    what=what, name=name, place=place, district=meta.district, hint=hint)))
                return
        for number, text in ledger.titles():
            place = values_.other_place(text, meta.district, meta.city)
            if place:
                self.problems.append(Problem(self.path, number, None, "", lang.tr(
                    "表格标题写的是“{place}”，本数据文件是“{district}”的：不是本区的台账，未导入", place=place,
                    district=meta.district)))

    def labelled_date(self, ledger: Ledger) -> tuple[int, int, dt.date] | None:
        lang = self.lang
        found = read_date_label(ledger)
        if found is None:
            return None
        number, col, read, written, filed = found
        period = title_period(ledger) if filed and read is not None else None
        if period is not None:  # 1-6月 in the title, filed on 7月5日: the figures stand at June's end
            row, said, year, month = period
            end = values_.month_end(year or self.dashboard.meta.year, month)
            if end < read.date:
                self.notes.append(lang.tr("第 {row} 行写明“{period}”：数值截至 {date}（第 {filed_row} 行的 {filed} 是填报的日子）",
                                          row=row, period=said, date=end.isoformat(), filed_row=number,
                                          filed=read.date.isoformat()))
                return number, col, end
        if read is None:
            if "date" not in self.columns and not self.months:
                self.problems.append(Problem(self.path, number, col, "", lang.tr(
                    "填报日期应为日期，如 2025-09-30 或 2025年9月30日，实为“{value}”", value=str(written)[:40])))
            return None
        if read.month_end:
            self.notes.append(lang.tr("第 {row} 行的“{value}”是一个月份，读作月末 {date}", row=number, value=normal(written),
                                      date=read.date.isoformat()))
        return number, col, read.date

    def cell(self, cells: list[Any], field: str) -> Any:
        col = self.columns.get(field)
        return cells[col.index] if col is not None and col.index < len(cells) else None

    def row(self, number: int, cells: list[Any]):
        """The row's planned updates; [] when it changes nothing; None after a problem; "total"."""
        lang = self.lang
        csv = not self.ledger.sheet  # a quote never closed in a CSV swallows the rows after it
        for col in self.ledger.columns if csv else ():
            value = cells[col.index] if col.index < len(cells) else None
            if isinstance(value, CsvCell) and (col.field not in ("note", "name", "location", "expected", None)
                                               or self.swallowed(value)):
                if value.first == value.last:  # the last line: a quote opened and never closed before the end
                    self.problem(number, col, lang.tr("这一格的引号没有配对：从引号起到文件末尾都读成了这一格；请检查这一格的引号"))
                else:
                    self.problem(number, col, lang.tr("这一格跨了第 {first}–{last} 行：多半是引号没有配对，吞掉了后面的行；"
                                                      "请检查这一格的引号", first=value.first, last=value.last))
                return None
        ident_cell, name_cell = self.cell(cells, "id"), self.cell(cells, "name")
        if self.total(ident_cell, name_cell, cells):
            return "total"
        ident = self.identify(number, ident_cell, name_cell)
        if ident is None:
            return None
        if not self.region_ok(number, cells):
            return None
        if ident in self.targets:
            if self.months:
                return self.month_cells(number, cells, self.targets[ident])
            return self.target_row(number, cells, self.targets[ident])
        if self.months:
            self.problem(number, self.columns.get("id") or self.columns.get("name"), lang.tr(
                "“{ident}”是项目：每月一列的台账只填目标的数值", ident=ident))
            return None
        return self.project_row(number, cells, ident)

    def swallowed(self, value: CsvCell) -> bool:
        """Whether a text cell over several lines holds rows of the table, as a quote never closed
        swallows them: a line after its first that splits into nearly the header's cells and names
        a target or project where the id (or name) is, or gives a number where a figure is. A note's
        own lines, commas and all (其中 1,200 万元, 来自港资), are not rows."""
        lang = self.lang
        figures = [c.index for c in self.ledger.columns if c.field in ("value", "month") or (
            c.field in fields.PROJECT_FIELD and fields.PROJECT_FIELD[c.field].kind == fields.AMOUNT)]
        for line in value.lines_as_rows():
            if len(line) < max(2, len(self.ledger.columns) - 1):
                continue
            named = [line[c.index] for c in self.ledger.columns if c.field in ("id", "name") and c.index < len(line)]
            if any(normal(n) in self.targets or normal(n) in self.projects or _name_key(n) in self.by_name for n in named):
                return True
            for index in figures:
                if index < len(line) and not blank(line[index]):
                    try:
                        values_.read_number(line[index], lang=lang)
                        return True
                    except Unreadable:
                        continue
        return False

    def total(self, ident_cell: Any, name_cell: Any, cells: list[Any]) -> bool:
        """A 合计/小计/总计 row: its id cell is empty (or says 合计 itself) and a cell at its start says
        so. A row naming a known target (引进外资合计 by its id, or by its very name) never is."""
        def says_total(value: Any) -> bool:  # each of TOTAL_WORDS ends in 计
            return isinstance(value, str) and "计" in value and any(
                w in normal(value).replace(" ", "") for w in values_.TOTAL_WORDS)

        if not blank(ident_cell):
            written = normal(ident_cell)
            return says_total(ident_cell) and written not in self.targets and written not in self.projects
        if not blank(name_cell) and _name_key(str(name_cell)) in self.by_name:
            return False
        return any(says_total(v) for v in (name_cell, *cells[:3]))

    def identify(self, number: int, ident_cell: Any, name_cell: Any) -> str | None:
        """The target's or project's id the row names: by 编号, else by its 名称 exactly."""
        lang = self.lang
        col = self.columns.get("id")
        if col is not None and not blank(ident_cell):
            if self.unusable(number, col, ident_cell, merged=False):
                return None
            written = str(ident_cell).strip() if not isinstance(ident_cell, float) or not ident_cell.is_integer() \
                else str(int(ident_cell))
            ident = normal(written)
            if ident == normal(col.title) and number == self.ledger.header_row + 1:
                self.problem(number, col, lang.tr(
                    "这一行重复了表头的“{title}”：表头像是占了两行（合并的单元格，如“完成情况”下分“本月”“累计”）；"
                    "请把表头改成一行，每列一个名称，如“累计完成”", title=col.title))
                return None
            if ident in self.targets or ident in self.projects:
                named = self.by_name.get(_name_key(str(name_cell))) if not blank(name_cell) else None
                if named is not None and named != ident:  # 编号 says one, 名称 another: which row is it?
                    self.problem(number, self.columns.get("name"), lang.tr(
                        "“{name}”是 {named} 的名称，而这一行的编号 {ident} 是“{own}”：编号与名称不符，请核对这一行",
                        name=str(name_cell)[:40], named=named, ident=ident, own=self.name_of(ident)))
                    return None
                return ident
            self.problem(number, col, self.unknown(written, ident))
            return None
        if not blank(name_cell) and _name_key(str(name_cell)) in self.by_name:
            return self.by_name[_name_key(str(name_cell))]
        if col is None and not blank(name_cell):
            self.problem(number, self.columns.get("name"), lang.tr("“{name}”不是任何目标或项目的名称；可加一列 编号",
                                                                   name=str(name_cell)[:40]))
            return None
        self.problem(number, col or self.columns.get("name"), lang.tr("为空：应为目标或项目的编号"))
        return None

    def name_of(self, ident: str) -> str:
        """A target's or project's name, in the preview's language."""
        record = self.targets.get(ident) or self.projects.get(ident)
        return self.lang.data(record, "name") if record is not None else ident

    def unknown(self, written: str, ident: str) -> str:
        import difflib

        lang = self.lang
        known = [*self.targets, *self.projects]
        width = lang.tr("（全角字符，按半角读作“{ident}”）", ident=ident) if written != ident else ""
        close = difflib.get_close_matches(ident.replace("_", "-"), known, n=1, cutoff=0.75)
        hint = lang.tr("；是否是“{close}”？", close=close[0]) if close else lang.tr("（目标：{known}……）",
                                                                                 known=", ".join([*self.targets][:8]))
        return lang.tr("“{ident}”{width}不是任何目标或项目的编号", ident=written[:40], width=width) + hint

    def region_ok(self, number: int, cells: list[Any]) -> bool:
        """A 地区 cell (or a 单位 cell naming a place, not a unit) must name the file's district."""
        lang = self.lang
        meta = self.dashboard.meta
        for field in ("region", "unit"):
            value = self.cell(cells, field)
            if blank(value) or not isinstance(value, str):
                continue
            text = normal(value)
            if field == "unit" and not re.search(r"(区|县|市|局|委|办|政府)$", text):
                continue
            organisation = re.search(r"(局|委|办|中心|政府|公司|组|部|处|科|室|所|站|队)$", text)
            place = values_.other_place(text, meta.district, meta.city, whole=field == "region" and not organisation)
            if place:
                self.problem(number, self.columns[field], lang.tr(
                    "这一行是“{place}”的，本数据文件是“{district}”的：不是本区的数据，未导入", place=text[:40],
                    district=meta.district))
                return False
        return True

    def date_of(self, number: int, cells: list[Any]) -> dt.date | None:
        lang = self.lang
        col = self.columns.get("date")
        value = self.cell(cells, "date")
        if blank(value):
            if self.sheet_date is not None:
                return self.in_year(number, col, self.sheet_date[2])
            self.problem(number, col, lang.tr("为空：应为数值截至的日期，如 2025-09-30（或在表头上方写“填报日期：2025-09-30”）"))
            return None
        if self.unusable(number, col, value):
            return None
        read = values_.read_date(value)
        if read is None:
            wrong = values_.no_such_day(value, lang=lang)  # 2025-02-30: a date, of a day that does not exist
            self.problem(number, col, lang.tr("{error}（实为“{value}”）", error=wrong, value=normal(value)[:40]) if wrong else
                         lang.tr("应为日期，如 2025-09-30、2025/9/30、2025年9月30日，实为“{value}”", value=str(value)[:40]))
            return None
        if read.month_end:
            self.notes.append(lang.tr("第 {row} 行的“{value}”是一个月份，读作月末 {date}", row=number, value=normal(value),
                                      date=read.date.isoformat()))
        return self.in_year(number, col, read.date)

    def in_year(self, number: int, col: Column | None, date: dt.date) -> dt.date | None:
        lang = self.lang
        if not self.first <= date <= self.last:
            self.problem(number, col, lang.tr("日期 {date} 不在 {first} 至 {last} 之间（数据年度内，且不晚于今天）", date=date.isoformat(),
                                              first=self.first.isoformat(), last=self.last.isoformat()))
            return None
        return date

    def note_of(self, number: int, cells: list[Any]) -> str | None:
        lang = self.lang
        value = self.cell(cells, "note")
        if blank(value) and not (isinstance(value, str) and value.strip()):
            return ""
        if self.unusable(number, self.columns["note"], value, merged=False):
            return None
        text = str(value).strip()
        if len(text) > TEXT_LIMIT:
            self.problem(number, self.columns["note"], lang.tr("备注有 {length} 个字，超过 {limit} 个字：请删短", length=f"{len(text):,}",
                                                               limit=f"{TEXT_LIMIT:,}"))
            return None
        return text

    def once(self, number: int, kind: str, ident: str, date: dt.date, col: Column | None) -> bool:
        """Two rows for one id and date: refused (which one holds?)."""
        lang = self.lang
        key = (kind, ident, date)
        if key in self.seen:
            self.problem(number, col, lang.tr("“{ident}”在 {date} 的数已在第 {row} 行：同一编号同一日期只能有一行", ident=ident,
                                              date=date.isoformat(), row=self.seen[key]))
            return False
        self.seen[key] = number
        return True

    # --- a figure and its unit ----------------------------------------------------------------

    def unusable(self, number: int, col: Column | None, value: Any, *, merged: bool = True) -> bool:
        """A cell with no value of its own to read, said at its row and column: a formula saved
        without its value, or (`merged`) a figure merged down from the row above. True if so."""
        lang = self.lang
        if isinstance(value, NoCachedValue):
            self.problem(number, col, _no_cached(value, lang))
            return True
        if merged and isinstance(value, values_.MergedNumber):
            self.problem(number, col, _merged(number, lang))
            return True
        return False

    def reading(self, number: int, col: Column, value: Any) -> Reading | None:
        lang = self.lang
        if self.unusable(number, col, value):
            return None
        try:
            reading = values_.read_number(value, lang=lang)
        except Unreadable as error:
            self.problem(number, col, lang.tr("{error}（实为“{value}”）", error=error, value=normal(value)[:40]))
            return None
        if reading.value > MAX_VALUE:
            self.problem(number, col, lang.tr("数值太大：最多 {limit}", limit=f"{MAX_VALUE:.0e}"))
            return None
        return reading

    def quantity(self, number: int, cells: list[Any], col: Column, value: Any, unit: str) -> tuple[Quantity, str] | None:
        """The cell as a Quantity in `unit` (the target's or field's), and the conversion said
        ("2,156,000 万元 = 215.6 亿元") when its unit was another of the dimension."""
        lang = self.lang
        reading = self.reading(number, col, value)
        if reading is None:
            return None
        given = self.unit_given(number, cells, col, reading, unit)
        if given is False:
            return None
        written, where = given or (unit, "")
        converted = values_.convert(reading.value, written, unit)
        if converted is None:
            self.problem(number, col, lang.tr("单位是“{given}”{where}，而“{unit}”不能由它换算：请按{unit}填写，或改正单位",
                                              given=written, unit=unit, where=where))
            return None
        if converted > MAX_VALUE:  # 1e15 亿元 is 1e19 万元: too large once converted
            self.problem(number, col, lang.tr("数值太大：最多 {limit}", limit=f"{MAX_VALUE:.0e}"))
            return None
        if not values_.whole_count(converted, unit):
            self.problem(number, col, lang.tr("个数应为整数（{unit}），实为“{value}”", unit=unit, value=normal(value)[:40]))
            return None
        quantity = Quantity(values_.as_number(converted), unit, at_least=reading.at_least, approx=reading.approx)
        self.percent_typed = reading.unit == "%"  # 0.965% is meant as a percent: not asked whether a fraction
        said = ""
        if written != unit:
            said = lang.tr("{given} = {shown}",
                           given=fmt.quantity(Quantity(values_.as_number(reading.value), written), words=True, lang=lang),
                           shown=fmt.quantity(Quantity(quantity.value, unit), words=True, lang=lang))
        return quantity, said

    def unit_given(self, number: int, cells: list[Any], col: Column, reading: Reading,
                   unit: str) -> tuple[str, str] | None | bool:
        """The unit the row gives the figure, and where it was given when the row does not say it
        (the sheet's 单位：万元 above the header): the cell's own, else the 单位 column's, the
        header's or the 备注's, which must agree, else the sheet's. None: none given; False: they
        disagree (a problem said)."""
        lang = self.lang
        if reading.unit:
            return reading.unit, ""
        sources = []
        unit_cell = self.cell(cells, "unit") if col.field in ("value", "month") else None
        if not blank(unit_cell) and isinstance(unit_cell, str) and not re.search(r"(区|县|市|局|委|办|政府)$", normal(unit_cell)):
            sources.append((values_.unit_named(unit_cell), self.columns["unit"], lang.tr("单位列")))
        if col.unit:
            sources.append((col.unit, col, lang.tr("表头")))
        note = self.cell(cells, "note") if col.field in ("value", "month") else None
        note_unit = _unit_in_note(note) if isinstance(note, str) else None
        if note_unit:
            sources.append((note_unit, self.columns["note"], lang.tr("备注列")))
        units = {u for u, _, _ in sources}
        if len(units) > 1:
            self.problem(number, col, lang.tr("单位前后不一：{units}；请只写一个", units=lang.tr("，").join(f"{w}“{u}”" for u, _, w in sources)))
            return False
        if sources:
            return sources[0][0], ""
        stated = self.stated
        # The sheet's unit is that of its figures of one kind: 单位：万元 over a ledger of sums of money
        # and counts says what the sums are in; a count (个) or a percent is read in its own unit.
        if stated is not None and values_.units.dimension(stated.unit) == values_.units.dimension(unit):
            return stated.unit, lang.tr("（第 {row} 行写明“{written}”）", row=stated.row, written=stated.written)
        return None

    # --- targets ------------------------------------------------------------------------------

    def target_row(self, number: int, cells: list[Any], target: Target) -> list[Planned] | None:
        lang = self.lang
        extra = [f for f in self.project_columns if not blank(self.cell(cells, f))]
        if extra:
            self.problem(number, self.columns[extra[0]], lang.tr("“{ident}”是目标：这一行填写数值，不填项目字段", ident=target.id))
            return None
        col = self.columns.get("value")
        value = self.cell(cells, "value")
        if col is None or (blank(value) and not isinstance(value, NoCachedValue)):
            return []
        read = self.quantity(number, cells, col, value, target.target.unit)
        date = self.date_of(number, cells)
        note = self.note_of(number, cells)
        if read is None or date is None or note is None or not self.once(number, "target", target.id, date, col):
            return None
        self.at_column = col.index
        planned = self.target_figure(number, target, read[0], date, note, read[1], percent_typed=self.percent_typed)
        return [planned] if planned else []

    def month_cells(self, number: int, cells: list[Any], target: Target) -> list[Planned] | None:
        """A wide ledger's row: each month's cell a figure at the month's end. A running total (a
        month's column, 1-9月, 前三季度, 三季度（累计）) is read as it stands; a month's own amount
        (--monthly, or 当月 in the header) is added to the running total at the month before: 0 at
        January's start, else the figure recorded at that month's end, or the running total the row
        gives at a later month less the amounts between. Never the months before taken as 0: a row
        whose earlier months nothing gives is refused. Where the row's figures for one month
        disagree (9月 beside 1-9月, a month's amount against the running totals), the running
        total is recorded and asked about."""
        lang = self.lang
        note = self.note_of(number, cells)
        if note is None:
            return None
        own: dict[int, tuple[Column, Quantity, str]] = {}  # month → its own amount
        stated: dict[int, list[tuple[Column, Quantity, str]]] = {}  # month → the running totals given
        gap = None
        failed = False
        figures: list[Decimal] = []  # each single month's cell as read, before any summing
        summed = False
        before = self.state[target.id][0]
        for col in self.months:
            value = cells[col.index] if col.index < len(cells) else None
            per_month = col.basis == "当月" or (self.monthly and col.basis != "累计")
            if blank(value) and not isinstance(value, NoCachedValue):
                if per_month:
                    gap = gap or col
                continue
            read = self.quantity(number, cells, col, value, target.target.unit)
            if read is None:
                failed = True
                continue
            month = col.month[1]
            if not col.span:
                figures.append(Decimal(str(read[0].value)))
                summed = summed or per_month
            if per_month:
                if gap is not None:
                    self.problem(number, gap, lang.tr("按月填报（当月数）时，{month}为空而后面的月份有数：没有发生请填 0",
                                                      month=gap.title))
                    failed = True
                    continue
                own[month] = (col, *read)
            else:
                stated.setdefault(month, []).append((col, *read))
            gap = None
        if failed:
            return None
        totals = self.running_totals(number, target, own, stated)
        if totals is None:
            return None
        out: list[Planned] = []
        row_question = _month_basis_question(figures, summed, target.target, before, lang)
        if summed and not row_question:  # a month's own amount equal to the running total in force at its end
            in_force = self.points.get(target.id, {})
            for month, (col, quantity, _) in sorted(own.items()):
                date = values_.month_end(self.dashboard.meta.year, month)
                there, total = in_force.get(date), totals.get(month)
                if (there is not None and there.unit == quantity.unit and there.value and there.value == quantity.value
                        and total is not None and total[1] != there):  # summed, the row disagrees with it
                    row_question = lang.tr("“{column}”的 {amount} 正是 {date} 已有的累计数：这一行像是累计数，若是请去掉 --monthly",
                                           column=col.title, amount=fmt.quantity(quantity, words=True, lang=lang),
                                           date=date.isoformat())
                    break
        for month, (col, quantity, said, question) in sorted(totals.items()):
            date = values_.month_end(self.dashboard.meta.year, month)
            if not self.first <= date <= self.last:
                self.problem(number, col, lang.tr("{month}的月末 {date} 晚于今天（或不在数据年度内）：还不能填", month=col.title,
                                                  date=date.isoformat()))
                failed = True
                continue
            if not self.once(number, "target", target.id, date, col):
                failed = True
                continue
            self.at_column = col.index
            planned = self.target_figure(number, target, quantity, date, note, said,
                                         drop=not (question or row_question))  # the row's own questions say it
            if planned:
                out.append(planned._replace(question=lang.tr("；").join(filter(None, [question, planned.question]))))
        if failed:
            return None
        return [p._replace(question=lang.tr("；").join(filter(None, [row_question, p.question]))) for p in out] \
            if row_question else out

    def running_totals(self, number: int, target: Target, own: dict[int, tuple[Column, Quantity, str]],
                       stated: dict[int, list[tuple[Column, Quantity, str]]]
                       ) -> dict[int, tuple[Column, Quantity, str, str]] | None:
        """The running total at each month's end the row gives (see month_cells): month → (the
        column it is read from, the figure, what is said of it, the question asked); None after a
        problem."""
        lang = self.lang
        unit = target.target.unit
        year = self.dashboard.meta.year
        points = self.points.get(target.id, {})
        known: dict[int, Quantity] = {0: Quantity(0, unit)}  # the running total at each month's end, as far as known

        def recorded(month: int) -> Quantity | None:
            figure = points.get(values_.month_end(year, month)) if month else None
            return figure if figure is not None and figure.unit == unit else None

        def shown(figure: Quantity) -> str:
            return fmt.quantity(figure, words=True, lang=lang)

        def plus(base: Quantity, amount: Quantity, sign: int = 1) -> Quantity:
            value = Decimal(str(base.value)) + sign * Decimal(str(amount.value))
            return Quantity(values_.as_number(value), unit, base.at_least or amount.at_least, base.approx or amount.approx)

        out: dict[int, tuple[Column, Quantity, str, str]] = {}
        for month in range(1, 13):
            given = stated.get(month, [])
            if month not in own and not given:
                continue
            question, said = "", ""
            total = None
            if given:  # the explicit running total (1-9月, 累计) before a bare month's column
                col, total, said = max(given, key=lambda g: (bool(g[0].span) or g[0].basis == "累计"))
                for other, figure, _ in given:
                    if figure != total and not self.a_months_own(other, figure, total, known.get(month - 1) or recorded(month - 1)):
                        question = lang.tr("“{other}”列是 {figure}，“{column}”列是 {total}：以“{column}”为准；若“{other}”是当月数，"
                                           "请写明“{other}（当月）”或加 --monthly", other=other.title, figure=shown(figure),
                                           column=col.title, total=shown(total))
                    elif figure != total:
                        said = lang.tr("；").join(filter(None, [said, lang.tr("当月 {amount}，累计 {total}", amount=shown(figure),
                                                                     total=shown(total))]))
            if month in own:
                own_col, amount, own_said = own[month]
                base = known.get(month - 1) or recorded(month - 1)
                if base is None:
                    base = self.base_from_later(month, own, stated)
                    if base is None:
                        self.problem(number, own_col, lang.tr(
                            "{month}是当月数，而 {previous} 月末的累计数既没有记录，表中也没有给出：不能把前几个月当作 0；"
                            "请从 1 月填起，或加一列年初以来的累计（如 1-{last}月）", month=own_col.title, previous=month - 1,
                            last=max([*own, *stated])))
                        return None
                    if Decimal(str(base.value)) < 0:  # the amounts exceed the running total: asked at the total
                        if not given:
                            continue
                        question = lang.tr("各月当月数加起来超过了“{column}”列的累计 {total}：是否填反了？", column=col.title,
                                           total=shown(total))
                        base = None
                derived = plus(base, amount) if base is not None else None
                if total is None:
                    if derived is None:
                        continue  # a month's amount before a running total it exceeds: asked there
                    col, total = own_col, derived
                    said = lang.tr("当月 {amount}，累计 {total}", amount=shown(amount), total=shown(total))
                else:
                    if derived is not None and derived.value != total.value and not question:
                        question = lang.tr("{previous} 月末的 {base} 加当月 {amount} 是 {derived}，“{column}”列是 {total}：以哪个为准？",
                                           previous=month - 1, base=shown(base), amount=shown(amount),
                                           derived=shown(derived), column=col.title, total=shown(total))
                    said = lang.tr("；").join(filter(None, [said, lang.tr("当月 {amount}，累计 {total}", amount=shown(amount),
                                                                 total=shown(total))]))
                said = lang.tr("；").join(filter(None, [own_said, said]))
            known[month] = total
            out[month] = (col, total, said, question)
        return out

    def a_months_own(self, col: Column, figure: Quantity, total: Quantity, before: Quantity | None) -> bool:
        """Whether a bare month's column beside the running total of the same month (9月 beside
        1-9月) holds the month's own amount: the running total at the month before plus it is
        the running total given."""
        if col.span or col.basis or before is None:
            return False
        return Decimal(str(before.value)) + Decimal(str(figure.value)) == Decimal(str(total.value))

    def base_from_later(self, month: int, own: dict[int, tuple[Column, Quantity, str]],
                        stated: dict[int, list[tuple[Column, Quantity, str]]]) -> Quantity | None:
        """The running total at the end of the month before `month`, from the first running total
        the row gives at or after it less the months' own amounts up to it (7月, 8月, 9月（当月）
        and 1-9月); None when no such total follows every month's amount."""
        spent = Decimal(0)
        for later in range(month, 13):
            if later not in own:
                return None
            spent += Decimal(str(own[later][1].value))
            if stated.get(later):
                col, total, _ = max(stated[later], key=lambda g: (bool(g[0].span) or g[0].basis == "累计"))
                return Quantity(values_.as_number(Decimal(str(total.value)) - spent), total.unit, total.at_least,
                                total.approx)
        return None

    def target_figure(self, number: int, target: Target, quantity: Quantity, date: dt.date, note: str,
                      said: str, percent_typed: bool = False, drop: bool = True) -> Planned | None:
        """The update of `target` to `quantity` at `date`; None when one equal to it is in force.
        `drop`: whether a figure below the one before it is asked (not where its row asks already)."""
        lang = self.lang
        current, as_of = self.state[target.id]
        if self.in_force.get(("target", target.id, "current", date), None) == quantity or (
                date == as_of and current == quantity):
            return None  # recorded before, whether current or back-dated
        points = self.points.setdefault(target.id, {})
        dates = self.dates.get(target.id)
        if dates is None:
            dates = self.dates[target.id] = sorted(points)
        question = values_.target_questions(quantity, date, points, target.target, as_of, dates,
                                            percent_typed=percent_typed, drop=drop, lang=lang).joined(lang=lang)
        name = lang.data(target, "name")
        if becomes_current(current, as_of, date):
            line = lang.tr("第 {row} 行  {name}：{old} → {new}（截至 {date}）", row=number, name=name,
                           old=fmt.quantity(current, words=True, lang=lang), new=fmt.quantity(quantity, words=True, lang=lang),
                           date=date.isoformat())
            self.state[target.id] = (quantity, date)
        else:
            line = lang.tr("第 {row} 行  {name}：{new}（截至 {date}）{history}", row=number, name=name,
                           new=fmt.quantity(quantity, words=True, lang=lang), date=date.isoformat(),
                           history=values_.back_dated(current, as_of, lang=lang))
        if said:
            line += lang.tr("；{said}", said=said)
        if date not in points:
            bisect.insort(dates, date)
        points[date] = quantity
        self.in_force[("target", target.id, "current", date)] = quantity
        update = Update("target", target.id, {"current": quantity}, date, self.who, note)
        return Planned(number, update, line, question, self.at_column, percent_typed)

    # --- projects -----------------------------------------------------------------------------

    def project_row(self, number: int, cells: list[Any], ident: str) -> list[Planned] | None:
        lang = self.lang
        project = self.projects[ident]
        if not blank(self.cell(cells, "value")):
            self.problem(number, self.columns["value"], lang.tr("“{ident}”是项目：请在总投资、状态等列中填写，不填数值", ident=ident))
            return None
        given = {f: self.cell(cells, f) for f in PROJECT_FIELDS
                 if not blank(self.cell(cells, f)) or isinstance(self.cell(cells, f), NoCachedValue)}
        if not given:
            return []
        date = self.date_of(number, cells)
        note = self.note_of(number, cells)
        if date is None or note is None:
            return None
        changes: dict[str, Any] = {}
        said, questions = [], []
        for field, value in given.items():
            col = self.columns[field]
            if self.unusable(number, col, value, merged=False):
                return None
            old = getattr(project, field)
            kind = fields.PROJECT_FIELD[field].kind
            if kind == fields.AMOUNT:
                unit = old.unit if old is not None else (col.unit or _usual_unit(self.dashboard, field))
                if unit is None:
                    reading = self.reading(number, col, value)
                    if reading is None:
                        return None
                    unit = reading.unit or col.unit or (self.stated.unit if self.stated else "")
                    if not unit:
                        self.problem(number, col, lang.tr("请注明单位，如 5 亿元"))
                        return None
                read = self.quantity(number, cells, col, value, unit)
                if read is None:
                    return None
                new, conversion = read
                if conversion:
                    said.append(conversion)
                if old is not None:
                    reference = (values_.field_date(self.dashboard, "project", ident, field), old)
                    question = values_.outlier_question(new, reference, lang=lang)
                else:
                    question = values_.first_amount_question(new, field, self.dashboard, ident, lang=lang)
                if question:
                    questions.append(lang.tr("{field} {question}", field=lang.tr(COLUMN_NAMES[field]), question=question))
            elif kind == fields.AXIS:
                new = self.axis_id(number, col, normal(value))
                if new is None:
                    return None
            else:
                new = normal(value) if not isinstance(value, str) else value.strip()
                if kind == fields.STAGE and self.dashboard.stages:
                    new = self.stage_name(number, col, new)
                    if new is None:
                        return None
            if new == old or self.in_force.get(("project", ident, field, date), object()) == new:
                continue
            changes[field] = new
        if not self.once(number, "project", ident, date, self.columns.get("id") or self.columns.get("name")):
            return None
        if not changes:
            return []
        for field, new in changes.items():
            self.in_force[("project", ident, field, date)] = new
        self.projects[ident] = project._replace(**changes)
        shown = (", " if lang.english else "，").join(lang.tr(
            "{field} {old} → {new}", field=lang.tr(COLUMN_NAMES[f]), old=self.shown(f, getattr(project, f)),
            new=self.shown(f, v)) for f, v in changes.items())
        line = lang.tr("第 {row} 行  {name}：{changes}（{date}）", row=number, name=lang.data(project, "name"), changes=shown,
                       date=date.isoformat())
        if said:
            line += lang.tr("；{said}", said=lang.tr("；").join(said))
        return [Planned(number, Update("project", ident, changes, date, self.who, note), line, lang.tr("；").join(questions))]

    def shown(self, field: str, value: Any) -> str:
        """A project's field as the preview says it: a status by its name in the session's language
        (Started), an axis by its id, an amount in the language's units."""
        if fields.PROJECT_FIELD[field].kind == fields.STAGE:
            stage = self.dashboard.stage_named(value)
            if stage is not None:
                return self.lang.data(stage, "name")
        return _shown(value, self.lang)

    def stage_name(self, number: int, col: Column, text: str) -> str | None:
        """A stage's own name (开工), from it or its English name in any case ("started"), as a
        sheet would say it in either language."""
        lang = self.lang
        for stage in self.dashboard.stages:
            if _same_name(text, stage.name, stage.en.get("name")):
                return stage.name
        names = _listed([lang.data(s, "name") for s in self.dashboard.stages], lang)
        self.problem(number, col, lang.tr("应为：{names}（实为“{value}”）", names=names, value=text[:40]))
        return None

    def axis_id(self, number: int, col: Column, text: str) -> str | None:
        """An axis by its id or its road (嵩山路, or its English "Songshan Road" in any case), as a
        sheet would name it."""
        lang = self.lang
        for axis in self.dashboard.layout.axes:
            if text == axis.id or _same_name(text, axis.road, axis.en.get("road")):
                return axis.id
        roads = _listed([lang.data(a, "road") for a in self.dashboard.layout.axes], lang) or lang.tr("未定义")
        self.problem(number, col, lang.tr("“{text}”不是任何发展轴（{roads}）", text=text[:40], roads=roads))
        return None


def _same_name(text: str, name: str, english: str | None) -> bool:
    """Whether a cell's `text` is `name` as written, or its `english` name in any case and spacing."""
    if text == name:
        return True
    return bool(english) and " ".join(text.split()).casefold() == " ".join(english.split()).casefold()


def _listed(names: list[str], lang: Lang) -> str:
    return (", " if lang.english else "、").join(names)


def _month_basis_question(figures: list[Decimal], summed: bool, goal: Quantity, before: Quantity | None,
                          lang: Lang) -> str:
    """A wide row read the wrong way: running totals that go down look like each month's amount;
    amounts summed (--monthly) that never go down and sum past 2× the target or 10× the figure
    before look like running totals."""
    if len(figures) < 2:
        return ""
    goes_down = any(b < a for a, b in zip(figures, figures[1:]))
    if not summed:
        return lang.tr("各月数值有减少：这一行像是当月数，若是请加 --monthly") if goes_down else ""
    total = sum(figures)
    if not goes_down and (goal.value and total > 2 * Decimal(str(goal.value)) or before is not None and before.unit == goal.unit
                          and before.value and total > OUTLIER_FACTOR * Decimal(str(before.value))):
        return lang.tr("各月数值从不减少，加起来是 {total}：这一行像是累计数，若是请去掉 --monthly",
                       total=fmt.quantity(Quantity(values_.as_number(total), goal.unit), words=True, lang=lang))
    return ""


def _fractions_among_percents(planned: list[Planned], lang: Lang) -> None:
    """A percent of at most 1.5 in a column whose other percents are above it: a fraction typed
    for a percent (0.965 among 95.2, 98.1), whatever the target."""
    figures: dict[int, list[Decimal]] = {}
    for line in planned:
        quantity = line.update.changes.get("current") if line.update.kind == "target" else None
        if isinstance(quantity, Quantity) and quantity.unit == "%":
            figures.setdefault(line.column, []).append(Decimal(str(quantity.value)))
    for index, line in enumerate(planned):
        quantity = line.update.changes.get("current") if line.update.kind == "target" else None
        if line.question or line.percent_typed or not isinstance(quantity, Quantity) or quantity.unit != "%":
            continue
        value = Decimal(str(quantity.value))
        if 0 < value <= values_.FRACTION_AT_MOST and any(v > values_.FRACTION_AT_MOST for v in figures[line.column]):
            planned[index] = line._replace(question=values_.as_percent(value, lang=lang))


def _usual_unit(dashboard: Dashboard, field: str) -> str | None:
    from ..store.edits import usual_unit

    return usual_unit(dashboard, field)


def _merged(number: int, lang: Lang) -> str:
    return lang.tr("第 {row} 行的数值是与上一行合并的单元格；请拆分后每行填写", row=number)


def _no_cached(value: NoCachedValue, lang: Lang) -> str:
    formula = lang.tr("（公式 ={formula}）", formula=value.formula) if value.formula else ""
    return lang.tr("是公式{formula}，但文件里没有存它算出的值：请在 Excel 中打开并保存后再导入", formula=formula)


def _name_key(name: str) -> str:
    return re.sub(r"\s+", "", normal(name))


_NOTE_UNIT = re.compile(r"(?:计量单位|金额单位|单位)\s*([:：为是]|\s)?\s*([^\s，,;；。)）]+)")
_NOTE_LEADING_UNIT = re.compile(r"^\s*[(（]?\s*(?:以)?([^\s，,;；。)）]{1,4}?)\s*(?:为单位|计)?\s*[)）]?\s*(?:[；;，,。]|$)")


def _unit_in_note(note: str) -> str | None:
    """A unit the 备注 gives the figure: 单位：万元, 金额单位万元, （万元）, 万元, 以万元计, 万元；含外资."""
    text = normal(note)
    if not text:
        return None
    match = _NOTE_UNIT.search(text)
    if match:
        unit = values_.unit_named(match[2])
        if match[1] or values_.known_unit(unit):  # 单位：套 is said, whatever it is; 单位万元 only when a unit
            return unit
    match = _NOTE_LEADING_UNIT.match(text)
    if match and values_.known_unit(values_.unit_named(match[1])):
        return values_.unit_named(match[1])
    return None


def _shown(value: Any, lang: Lang) -> str:
    return fmt.quantity(value, words=True, lang=lang) if isinstance(value, Quantity) or value is None else str(value)


def rows_named(error: DataError, planned: list[Planned], first: int, sheet: Path) -> DataError:
    """A journal problem from an import names the sheet's row it came from, not `update[N]` and
    the journal's line."""
    problems = []
    for problem in error.problems:
        match = re.match(r"update\[(\d+)\]", problem.key)
        index = int(match[1]) - first if match else -1
        if 0 <= index < len(planned):
            problem = Problem(sheet, planned[index].row, None, problem.key[match.end():].lstrip("."), problem.message)
        problems.append(problem)
    return DataError(problems)


# --- the template ----------------------------------------------------------------------------------

MONTH_TITLES = tuple(f"{m}月" for m in range(1, 13))


def template(dashboard: Dashboard, date: dt.date, monthly: bool = False, *, lang: Lang) -> bytes:
    """An .xlsx laid out as offices lay out a 台账: a title, a 填报单位/填报日期 line, a header with
    units in it, and a row per target and project (ids and names filled in, figures left to fill,
    project fields as they stand); with `monthly`, a row per target and a column per month (当月数)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    from ..store.edits import usual_unit
    from .workbook import cell_text, saved

    book = Workbook()
    sheet = book.active
    sheet.title = lang.tr("台账")

    def append(values: list) -> None:  # the file's text as cell text: one line, no control characters
        sheet.append([cell_text(v) if isinstance(v, str) else v for v in values])

    meta = dashboard.meta
    if monthly:
        header = ["序号", "编号", "名称", "单位", *(f"{m}（当月）" for m in MONTH_TITLES), "备注"]
        title = lang.tr("{district}{year}年重点指标月度台账（各月当月数）", district=meta.district, year=meta.year)
    else:
        units = {f.key: usual_unit(dashboard, f.key) for f in fields.importable() if f.kind == fields.AMOUNT}
        header = ["序号", "编号", "名称", "单位", "完成值（累计）", "备注",  # then each project field a ledger may give
                  *(f"{f.zh}（{units[f.key]}）" if units.get(f.key) else f.zh for f in fields.importable())]
        title = lang.tr("{district}{year}年重点指标台账", district=meta.district, year=meta.year)
    append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    append(["填报单位：", None, None, None, "填报日期：", date])
    append([])
    append(header)
    number = 0
    for target in dashboard.targets:
        number += 1
        append([number, target.id, target.name, target.target.unit])
    if not monthly:
        for project in dashboard.projects:
            number += 1
            append([number, project.id, project.name, None, None, None,
                    *(_template_value(dashboard, project, f, units) for f in fields.importable())])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet["F2"].number_format = "yyyy-mm-dd"
    for cell in sheet[4]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    widths = {"A": 6, "B": 18, "C": 30, "D": 8}
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = width
    for index in range(5, len(header) + 1):
        sheet.column_dimensions[column_letter(index)].width = 8 if monthly else 14
    sheet.freeze_panes = "E5"
    return saved(book)


def _template_value(dashboard: Dashboard, project, field, units: dict) -> Any:
    """A project's field as the template's cell gives it: an amount in its column's unit, the axis
    as its road, a text as written."""
    value = getattr(project, field.attr)
    if field.kind == fields.AMOUNT:
        return _in_header_unit(value, units[field.key])
    if field.kind == fields.AXIS:
        axis = dashboard.axis_named(value)
        return axis.road if axis else None
    return value or None


def _in_header_unit(quantity: Quantity | None, unit: str | None) -> Any:
    """A project's amount as its cell shows it under a header in `unit`: the number when it is in
    that unit, else as written with its own unit (which the cell's unit overrides on import)."""
    if quantity is None:
        return None
    if quantity.unit == unit and not quantity.at_least and not quantity.approx:
        return quantity.value
    return fmt.as_written(quantity)


class HeldBack(Exception):
    """`--apply` with figures held back as unlikely and no --accept-outliers: nothing is recorded."""

    def __init__(self, plan: Plan) -> None:
        super().__init__(f"{len(plan.held())} figures held back")
        self.plan = plan
