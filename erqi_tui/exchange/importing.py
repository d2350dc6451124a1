"""`erqi-tui import`: the office's spreadsheet (台账) in, as journal updates. No Textual.

A sheet (.xlsx, its first sheet; or .csv in UTF-8, with or without a BOM, or GB18030 as Excel on a
Chinese Windows saves it) has a header row and a row per figure: 编号/id (a target's or a project's),
日期/date, 数值/value, and optional 单位/unit, 备注/note, and for projects 状态/status, 发展轴/axis,
位置/location, 总投资/investment, 占地/area, 预计/expected. 名称/name is there for the reader and
never changes a name. Columns it does not know (序号…) are left alone and named.

Every row becomes an Update; they are checked together, as `--apply` would record them, and a row
that is wrong is named by its row and column. Rows that change nothing (blank value, fields as
they are) are skipped and counted. Excel's ways are met: merged cells (the value of the merged
block fills it), blank rows, numbers stored as text, thousands separators, full-width digits,
dates as dates, as text (2024-06-30, 2024/6/30, 2024年6月30日) or as Excel's day numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from pathlib import Path
from typing import Any, NamedTuple

from ..store import edits, files
from ..core import fmt
from ..core.i18n import data, tr
from ..core.model import Dashboard, Quantity, Update
from ..core.problems import DataError, Problem

# Header aliases → field. Matched after NFKC, trimming and lower-casing.
HEADERS = {
    "编号": "id", "id": "id", "代码": "id",
    "名称": "name", "name": "name", "目标": "name", "项目": "name",
    "日期": "date", "date": "date", "截至日期": "date", "数值截至": "date",
    "数值": "value", "value": "value", "当前值": "value", "完成值": "value",
    "单位": "unit", "unit": "unit",
    "备注": "note", "note": "note",
    "状态": "status", "status": "status",
    "发展轴": "axis", "axis": "axis",
    "位置": "location", "location": "location",
    "总投资": "investment", "investment": "investment",
    "占地": "area", "area": "area",
    "预计": "expected", "expected": "expected",
}
COLUMN_NAMES = {"id": "编号", "name": "名称", "date": "日期", "value": "数值", "unit": "单位", "note": "备注",
                "status": "状态", "axis": "发展轴", "location": "位置", "investment": "总投资", "area": "占地",
                "expected": "预计"}
PROJECT_COLUMNS = ("status", "axis", "location", "investment", "area", "expected")
TEMPLATE_COLUMNS = ("id", "name", "date", "value", "unit", "note", *PROJECT_COLUMNS)
MAX_ROWS = 100_000
# A hostile or broken .xlsx is refused before it is unpacked or laid out: a few hundred kB of zip can
# unpack into gigabytes, and one cell at the sheet's far corner makes a grid of a billion.
MAX_UNPACKED = 100 * 1024 * 1024  # a ledger of MAX_ROWS rows is some 60 MB of XML
MAX_COLUMNS = 200
MAX_MERGED = 1_000_000  # cells in the sheet's merged blocks


class Row(NamedTuple):
    number: int  # the sheet's row number, as Excel shows it (the header is usually 1)
    cells: dict[str, Any]  # by field


class Planned(NamedTuple):
    """What one row will record: the update, the row it came from, and a line saying from → to."""

    row: int
    update: Update
    line: str


class Plan(NamedTuple):
    planned: list[Planned]
    skipped: list[int]  # rows that change nothing
    ignored: list[str]  # headers not known


# --- reading a sheet -------------------------------------------------------------------------------

def read_sheet(path: Path) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """The header row and the rows after it (row number, cell values), blank rows left out."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _header_and_rows(path, _xlsx_rows(path))
    if path.suffix.lower() in (".csv", ".txt"):
        return _csv_rows(path)
    raise DataError([Problem(path, None, None, "", tr("应为电子表格：.xlsx（Excel、WPS）或 .csv"))])


def _header_and_rows(path: Path, raw_rows) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    header: list[str] | None = None
    rows = []
    for number, values in raw_rows:
        if all(_blank(v) for v in values):
            continue
        if header is None:
            header = [_normal(v) if v is not None else "" for v in values]
            continue
        rows.append((number, list(values)))
        if len(rows) > MAX_ROWS:
            raise DataError([Problem(path, number, None, "", tr("超过 {limit} 行；请拆分表格", limit=f"{MAX_ROWS:,}"))])
    if header is None:
        raise DataError([Problem(path, None, None, "", tr("表格是空的；应有表头行（编号、日期、数值……）"))])
    return header, rows


def _xlsx_rows(path: Path):
    """The first sheet's rows, streamed (openpyxl's read-only mode: no object per cell), merged blocks
    filled with their top-left value. A hostile or broken workbook is refused in one line before it
    costs much: by what it would unpack into, how far its merged blocks reach, and as its rows come,
    how far they reach."""
    from openpyxl import load_workbook  # only `import` pays for it
    from zipfile import ZipFile

    files.regular_file_size(path, expected="a spreadsheet")
    book = None
    try:
        with ZipFile(path) as archive:  # the sizes it declares bound what can be read from it
            unpacked = sum(member.file_size for member in archive.infolist())
            if unpacked > MAX_UNPACKED:
                raise DataError([Problem(path, None, None, "", tr(
                    "解压后有 {size} MB，超过 {limit} MB：不像是台账；请只保留要导入的表", size=f"{unpacked / 2**20:,.0f}",
                    limit=f"{MAX_UNPACKED // 2**20}"))])
            book = load_workbook(path, read_only=True, data_only=True)  # formulas as their values
            sheet = book.worksheets[0]
            by_row = _merged_blocks(path, archive.read(sheet._worksheet_path.lstrip("/")))
        sheet.reset_dimensions()  # each row as written, not padded to the size the file claims
        tops: dict[tuple, Any] = {}
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > 2 * MAX_ROWS:
                raise DataError([Problem(path, number, None, "", tr(
                    "第一张表超过 {limit} 行；请删去多余的行或拆分表格", limit=f"{2 * MAX_ROWS:,}"))])
            if len(cells) > MAX_COLUMNS:
                raise DataError([Problem(path, number, None, "", tr(
                    "这一行有 {columns} 列，超过 {limit} 列；请删去多余的列", columns=f"{len(cells):,}", limit=MAX_COLUMNS))])
            values = list(cells)
            for block in by_row.get(number, ()):  # a merged block: its top-left value in every cell of it
                first_row, first_col, _, last_col = block
                if number == first_row:
                    tops[block] = values[first_col - 1] if first_col <= len(values) else None
                values.extend([None] * (last_col - len(values)))
                values[first_col - 1:last_col] = [tops.get(block)] * (last_col - first_col + 1)
            yield number, values
    except DataError:
        raise
    except Exception as error:  # openpyxl on a broken or hostile file: XML, zip, types, indexes…
        raise DataError([Problem(path, None, None, "", tr("不能作为 .xlsx 工作簿读取（{error}）",
                                                          error=str(error)[:200] or type(error).__name__))]) from None
    finally:
        if book is not None:
            book.close()  # read-only mode keeps the file open


_MERGE = re.compile(rb"<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*[\"']([^\"']*)[\"']")
_CELL_RANGE = re.compile(r"\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?")


def _merged_blocks(path: Path, xml: bytes) -> dict[int, list[tuple[int, int, int, int]]]:
    """A worksheet's merged blocks (first row, first column, last row, last column), under each row
    they cover. Refused beyond a ledger's size: one block over a whole sheet (A1:XFD1048576) is a
    few bytes, and filling it a cell at a time would never end. A block not written plainly (as
    Excel writes them) is refused too."""
    by_row: dict[int, list[tuple[int, int, int, int]]] = {}
    merged = 0
    for ref in _MERGE.findall(xml):
        shown = ref.decode("ascii", "replace")[:40]
        match = _CELL_RANGE.fullmatch(shown.strip().upper())
        if match:
            rows = sorted((int(match[2]), int(match[4] or match[2])))
            columns = sorted((_column_number(match[1]), _column_number(match[3] or match[1])))
            merged += (rows[1] - rows[0] + 1) * (columns[1] - columns[0] + 1)
        if not match or rows[0] < 1 or rows[1] > 2 * MAX_ROWS or columns[1] > MAX_COLUMNS or merged > MAX_MERGED:
            raise DataError([Problem(path, None, None, "", tr(
                "合并单元格 {ref} 超出表格应有的范围（{max_rows} 行、{max_columns} 列，合并的格子共 {max_merged} 个）；"
                "请取消合并或删去多余的行列", ref=shown, max_rows=f"{2 * MAX_ROWS:,}", max_columns=MAX_COLUMNS,
                max_merged=f"{MAX_MERGED:,}"))])
        block = (rows[0], columns[0], rows[1], columns[1])
        for row in range(rows[0], rows[1] + 1):
            by_row.setdefault(row, []).append(block)
    return by_row


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _csv_rows(path: Path):
    raw = files.read_bytes(path, expected="a spreadsheet")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DataError([Problem(path, None, None, "", tr("既不是 UTF-8 也不是 GB18030 文本；请另存为 CSV UTF-8"))])
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        return _header_and_rows(path, ((reader.line_num, row) for row in reader))
    except csv.Error as error:  # a field of more than 128 kB, …
        raise DataError([Problem(path, reader.line_num, None, "", tr("不能作为 CSV 读取（{error}）", error=str(error)[:200]))]) from None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _normal(value: Any) -> str:
    return unicodedata.normalize("NFKC", str(value)).strip().lower()


# --- rows → updates --------------------------------------------------------------------------------

class Importer:
    """Turns a sheet's rows into updates of `dashboard`, collecting a problem per wrong cell."""

    def __init__(self, path: Path, dashboard: Dashboard, who: str, today: dt.date) -> None:
        self.path, self.dashboard, self.who, self.today = path, dashboard, who, today
        self.targets = {t.id: t for t in dashboard.targets}
        self.projects = {p.id: p for p in dashboard.projects}
        self.problems: list[Problem] = []
        self.headers: list[str] = []

    def problem(self, row: int, field: str, message: str) -> None:
        column = self.headers[self.columns[field]] if field in self.columns else COLUMN_NAMES.get(field, field)
        where = tr("“{column}”列", column=column) if column else ""
        self.problems.append(Problem(self.path, row, (self.columns.get(field, -1) + 1) or None, where, message))

    def plan(self, header: list[str], rows: list[tuple[int, list[Any]]]) -> Plan:
        self.headers = header
        self.columns: dict[str, int] = {}
        ignored = []
        for index, name in enumerate(header):
            field = HEADERS.get(name)
            if field is None:
                if name:
                    ignored.append(name)
            elif field not in self.columns:
                self.columns[field] = index
        if "id" not in self.columns:
            raise DataError([Problem(self.path, None, None, "", tr("没有“编号”列：表头行应有 编号（或 id）、日期、数值……"))])
        planned, skipped = [], []
        for number, values in rows:
            cells = {field: values[index] if index < len(values) else None for field, index in self.columns.items()}
            result = self.row(Row(number, cells))
            if result is None:
                continue
            if result is False:
                skipped.append(number)
            else:
                planned.append(result)
        if self.problems:
            raise DataError(self.problems)
        return Plan(planned, skipped, ignored)

    def row(self, row: Row) -> Planned | bool | None:
        """The row's update; False when it changes nothing; None after a problem."""
        ident = _text(row.cells.get("id"))
        if not ident:
            self.problem(row.number, "id", tr("为空：应为目标或项目的编号"))
            return None
        if ident in self.targets:
            return self.target_row(row, ident)
        if ident in self.projects:
            return self.project_row(row, ident)
        known = ", ".join([*self.targets][:8])
        self.problem(row.number, "id", tr("“{ident}”不是任何目标或项目的编号（目标：{known}……）", ident=ident[:40], known=known))
        return None

    def date(self, row: Row) -> dt.date | None:
        value = row.cells.get("date")
        if _blank(value):
            self.problem(row.number, "date", tr("为空：应为数值截至的日期，如 2024-06-30"))
            return None
        date = parse_date(value)
        if date is None:
            self.problem(row.number, "date", tr("应为日期，如 2024-06-30，实为“{value}”", value=str(value)[:40]))
            return None
        first, last = self.dashboard.update_dates(self.today)
        if not first <= date <= last:
            self.problem(row.number, "date", tr("日期 {date} 不在 {first} 至 {last} 之间（数据年度内，且不晚于今天）", date=date.isoformat(),
                                                first=first.isoformat(), last=last.isoformat()))
            return None
        return date

    def quantity(self, row: Row, field: str, value: Any, unit: str | None) -> Quantity | None:
        """A number cell with the row's 单位 (or `unit`): 140, "1,234.5", "50+", "约133", "１２"."""
        typed_unit = _text(row.cells.get("unit")) if field == "value" else ""
        if isinstance(value, bool):
            value = str(value)
        if isinstance(value, (int, float)):
            text = repr(value) if isinstance(value, float) else str(value)
        else:
            text = unicodedata.normalize("NFKC", str(value)).strip()
        if typed_unit and unit and typed_unit != unit:
            self.problem(row.number, "unit", tr("单位应为“{unit}”（实为“{value}”）", unit=unit, value=typed_unit[:40]))
            return None
        try:
            quantity = edits.parse_quantity(text, unit or typed_unit or None)
        except ValueError as error:
            self.problem(row.number, field, tr("{error}（实为“{value}”）", error=error, value=str(value)[:40]))
            return None
        if isinstance(quantity.value, float) and quantity.value.is_integer() and isinstance(value, float):
            quantity = quantity._replace(value=int(quantity.value))
        return quantity

    def target_row(self, row: Row, ident: str) -> Planned | bool | None:
        target = self.targets[ident]
        extra = [f for f in PROJECT_COLUMNS if not _blank(row.cells.get(f))]
        if extra:
            self.problem(row.number, extra[0], tr("“{ident}”是目标：这一行填写数值，不填项目字段", ident=ident))
            return None
        value = row.cells.get("value")
        if _blank(value):
            return False
        quantity = self.quantity(row, "value", value, target.target.unit)
        date = self.date(row)
        if quantity is None or date is None:
            return None
        if quantity == target.current and date == self.dashboard.target_date(target):
            return False  # the same figure at the same date: imported before
        note = _text(row.cells.get("note"))
        update = Update("target", ident, {"current": quantity}, date, self.who, note)
        line = tr("第 {row} 行  {name}：{old} → {new}（截至 {date}）", row=row.number, name=data(target, "name"),
                  old=fmt.quantity(target.current), new=fmt.quantity(quantity), date=date.isoformat())
        return Planned(row.number, update, line)

    def project_row(self, row: Row, ident: str) -> Planned | bool | None:
        project = self.projects[ident]
        if not _blank(row.cells.get("value")):
            self.problem(row.number, "value", tr("“{ident}”是项目：请在总投资、状态等列中填写，不填数值", ident=ident))
            return None
        fields = edits.project_fields(project)
        given = {f: row.cells.get(f) for f in PROJECT_COLUMNS if not _blank(row.cells.get(f))}
        if not given:
            return False
        for field, value in given.items():
            if field in edits.PROJECT_AMOUNT_FIELDS:
                old = getattr(project, field)
                quantity = self.quantity(row, field, value, old.unit if old else edits.usual_unit(self.dashboard, field))
                if quantity is None:
                    return None
                fields[field] = fmt.as_written(quantity)
            elif field == "axis":
                fields[field] = self.axis_id(row, _text(value))
                if fields[field] is None:
                    return None
            else:
                fields[field] = _text(value)
        date = self.date(row)
        if date is None:
            return None
        fields.update(date=date.isoformat(), update_note=_text(row.cells.get("note")))
        update, errors = edits.project_update(self.dashboard, project, fields, self.who,
                                              self.dashboard.update_dates(self.today))
        if errors.get("") == tr("没有改动"):
            return False
        for field, message in errors.items():
            self.problem(row.number, field, message)
        if update is None:
            return None
        changes = "，".join(tr("{field} {old} → {new}", field=tr(COLUMN_NAMES[f]),
                                 old=_shown(getattr(project, f)), new=_shown(v)) for f, v in update.changes.items())
        line = tr("第 {row} 行  {name}：{changes}（{date}）", row=row.number, name=data(project, "name"),
                  changes=changes, date=date.isoformat())
        return Planned(row.number, update, line)

    def axis_id(self, row: Row, text: str) -> str | None:
        """An axis by its id or its road (嵩山路), as a sheet would name it."""
        for axis in self.dashboard.layout.axes:
            if text in (axis.id, axis.road, axis.en.get("road")):
                return axis.id
        roads = "、".join(a.road for a in self.dashboard.layout.axes) or tr("未定义")
        self.problem(row.number, "axis", tr("“{text}”不是任何发展轴（{roads}）", text=text[:40], roads=roads))
        return None


def _shown(value: Any) -> str:
    return fmt.quantity(value) if isinstance(value, Quantity) or value is None else str(value)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip() if not isinstance(value, str) else value.strip()


_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def parse_date(value: Any) -> dt.date | None:
    """A date cell: a date, a datetime, text (2024-06-30, 2024/6/30, 2024.6.30, 2024年6月30日) or
    Excel's day number (45473 is 2024-06-30)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20000 <= value <= 80000:
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
    text = unicodedata.normalize("NFKC", str(value)).strip()
    match = _DATE.match(text.split(" ")[0] if " " in text and ":" in text else text)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


# --- the template ----------------------------------------------------------------------------------

def template(dashboard: Dashboard, date: dt.date) -> bytes:
    """An .xlsx with the file's targets and projects, ids and names filled in, ready for a month's
    figures: 数值 (and the project fields) left to fill, 日期 set to `date`."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = tr("台账")
    sheet.append([COLUMN_NAMES[c] for c in TEMPLATE_COLUMNS])
    for target in dashboard.targets:
        sheet.append([target.id, target.name, date, None, target.target.unit, None])
    for project in dashboard.projects:
        axis = dashboard.axis_named(project.axis)
        sheet.append([project.id, project.name, date, None, None, None, project.status, axis.road if axis else None,
                      project.location or None, fmt.as_written(project.investment) if project.investment else None,
                      fmt.as_written(project.area) if project.area else None, project.expected or None])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for row in sheet.iter_rows(min_row=2, min_col=3, max_col=3):
        row[0].number_format = "yyyy-mm-dd"
    widths = {"A": 18, "B": 34, "C": 12, "D": 12, "E": 8, "F": 20, "G": 8, "H": 10, "I": 16, "J": 12, "K": 12, "L": 30}
    for column, width in widths.items():
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "C2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
