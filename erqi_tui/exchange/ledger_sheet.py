"""A ledger's table found where the office put it: the sheet (--sheet, else the first that holds a
table), the header row after any title, 填报单位/日期 lines or blank rows, and what each column holds
(units and 累计/当月 in brackets, months as columns). Reads .xlsx (openpyxl, read-only) and .csv
(UTF-8 with or without BOM, GB18030). No Textual."""

from __future__ import annotations

import contextlib
import csv
import io
import re
from pathlib import Path
from typing import Any, Iterator, NamedTuple

from ..core import fields
from ..core.i18n import Lang
from ..core.problems import DataError, Problem
from ..store import files
from ..core.written import (MergedNumber, NoCachedValue, Percent, blank, header_month, known_unit, normal, read_date,
                            read_number, unit_named)

# Header words → field. Matched after NFKC, trimming and lower-casing, with any bracket taken off.
HEADERS = {
    **dict.fromkeys(("编号", "id", "代码", "指标编号", "项目编号", "目标编号"), "id"),
    **dict.fromkeys(("名称", "name", "目标", "项目", "指标", "指标名称", "项目名称", "目标名称"), "name"),
    **dict.fromkeys(("日期", "date", "截至日期", "数值截至", "截至", "截止日期", "统计日期", "截至时间"), "date"),
    **dict.fromkeys(("数值", "value", "当前值", "完成值", "完成", "完成数", "累计完成", "累计完成值", "实际完成",
                     "完成情况", "本年累计", "累计", "当前完成"), "value"),
    **dict.fromkeys(("单位", "unit", "计量单位"), "unit"),
    **dict.fromkeys(("备注", "note", "说明"), "note"),
    **dict.fromkeys(("地区", "区县", "县区", "县(市、区)", "县(市区)", "县市区", "区域", "所属区县", "所属地区", "所属区", "所在区",
                     "所在地区", "所在区县", "属地", "地区名称", "单位名称", "责任单位", "填报单位", "报送单位", "辖区", "地市",
                     "市县", "县(市)", "区(县)", "region"), "region"),
    # a project's fields, by the header words the table of fields (core/fields) gives each
    **{word.lower(): f.key for f in fields.importable() for word in f.header_words},
}
PROJECT_FIELDS = tuple(f.key for f in fields.importable())
BASIS = {"累计": "累计", "累计数": "累计", "累计值": "累计", "当月": "当月", "当月数": "当月", "当月值": "当月",
         "本月": "当月", "本月数": "当月"}
HEADER_SEARCH = 30  # rows (not blank) looked at for the header
MAX_ROWS = 100_000
MAX_UNPACKED = 100 * 1024 * 1024  # a ledger of MAX_ROWS rows is some 60 MB of XML
MAX_COLUMNS = 200
MAX_MERGED = 1_000_000  # cells in the sheet's merged blocks
_LABELLED = re.compile(r"^(填报日期|填表日期|报送日期|统计日期|截至日期|截止日期|数据截至|截至|填报单位|填表单位|报送单位)\s*[:：]?\s*(.*)$")


class Column(NamedTuple):
    index: int
    title: str  # as written
    field: str | None  # id, name, date, value, unit, note, region, a project field, "month"; None: not known
    unit: str = ""  # from brackets: 完成值（万元）
    month: tuple[int | None, int] | None = None  # (year or None, month) for a month's column
    basis: str = ""  # 累计 or 当月, from brackets
    span: int = 0  # the first month of a column over several months (1-9月, 三季度, 上半年); 0: one month


class Ledger(NamedTuple):
    """A sheet's table: where it is, its columns, and its rows (the sheet's row numbers)."""

    path: Path
    sheet: str  # the sheet's name; "" for a CSV
    header_row: int
    columns: list[Column]
    rows: list[tuple[int, list[Any]]]  # rows after the header, blank ones left out
    before: list[tuple[int, list[Any]]]  # rows above the header: title, 填报单位, 填报日期
    sheets_passed: tuple[str, ...] = ()  # sheets before it that hold no table
    hidden_passed: tuple[str, ...] = ()  # hidden sheets not read (no --sheet)
    hidden: bool = False  # the sheet read is hidden (chosen by --sheet)
    hidden_rows: tuple[int, ...] = ()  # rows hidden (or filtered out) that hold something: not read
    hidden_columns: tuple[int, ...] = ()  # columns hidden that hold something (1 for A): not read

    def labelled(self, *labels: str) -> tuple[int, int, Any] | None:
        """The value a line above the header gives a label (填报日期：2025年9月30日, or the cell after
        the label): (row, column, value)."""
        for number, values in self.before:
            for index, value in enumerate(values):
                if not isinstance(value, str):
                    continue
                match = _LABELLED.match(normal(value))
                if not match or match[1] not in labels:
                    continue
                if match[2].strip():
                    rest = match[2].strip()
                    # 填报单位：二七区商务局   填报日期：2025年9月30日  written in one cell
                    rest = re.split(r"\s{2,}|\s+(?=填报日期|填表日期|报送日期)", rest)[0]
                    return number, index + 1, rest
                after = next(((i, v) for i, v in enumerate(values[index + 1:], index + 1) if not blank(v)), None)
                if after is not None:
                    return number, after[0] + 1, after[1]
            for index, value in enumerate(values):  # 填报单位：X  填报日期：Y in one merged cell
                if isinstance(value, str):
                    for label in labels:
                        found = re.search(label + r"\s*[:：]\s*(\S+)", normal(value))
                        if found:
                            return number, index + 1, found[1]
        return None

    def titles(self) -> list[tuple[int, str]]:
        """The text lines above the header (a merged title repeats in each cell: said once)."""
        out = []
        for number, values in self.before:
            texts = list(dict.fromkeys(normal(v) for v in values if isinstance(v, str) and normal(v)))
            if texts:
                out.append((number, " ".join(texts)))
        return out


def column(index: int, title: Any) -> Column:
    """What a header cell says its column holds."""
    text = normal(title) if title is not None else ""
    shown = str(title).strip() if title is not None else ""
    if text.replace(" ", "") in HEADERS and re.search(r"[(\[【]", text):  # 县（市、区）: a name, brackets and all
        return Column(index, shown, HEADERS[text.replace(" ", "")])
    name, unit, basis = text, "", ""
    match = re.match(r"^(.*?)\s*[(\[【]\s*(.*?)\s*[)\]】]\s*$", text) or re.match(r"^(.*?)\s*[/／]\s*(\S{1,4})$", text)
    if match and match[1]:
        name = match[1].strip()
        # 完成值（1-6月，亿元）: each part of the brackets for what it is
        for inside in (re.sub(r"^单位\s*[:：]\s*", "", part.strip()) for part in re.split(r"[,，;；、]", match[2])):
            if inside in BASIS:
                basis = BASIS[inside]
            elif HEADERS.get(name.lower()) == "value" and _months_named(inside):
                name = inside  # 完成值（1-5月）, 完成（5月）: the figure of the months it names, as 1-5月 or 5月 alone
            elif inside:
                unit = unit_named(inside)
    for word in ("完成值", "完成"):  # 1-6月完成（亿元）: the months' figure, as 1-6月 alone
        if name.endswith(word) and _months_named(name[: -len(word)].strip()):
            name = name[: -len(word)].strip()
            break
    for word in ("累计", "当月", "本月"):  # 1-9月累计, 累计1-9月: the running total at September's end
        for rest in (name[: -len(word)], name[len(word):]) if word in name else ():
            if rest and (name.endswith(word) or name.startswith(word)) and _span(rest.strip()):
                basis, name = BASIS[word], rest.strip()
                break
    span = _span(name)
    if span is not None and basis != "当月":
        year, first, last = span
        if first == 1 or basis == "累计":  # 1-9月, 前三季度, 一季度, 三季度（累计）: the running total at its end
            return Column(index, shown, "month", unit, (year, last), "累计", first)
        return Column(index, shown, "period", unit, (year, last), basis, first)  # 7-9月, 三季度: not told which
    for word in ("累计", "当月", "本月"):  # 1月累计, 当月完成
        if name.endswith(word) and header_month(name[: -len(word)]):
            basis, name = BASIS[word], name[: -len(word)]
    month = header_month(name)
    if month is not None:
        return Column(index, shown, "month", unit, month, basis)
    field = HEADERS.get(name.lower())
    if field is None and name.lower().replace(" ", "") in HEADERS:
        field = HEADERS[name.lower().replace(" ", "")]
    return Column(index, shown, field, unit if field else "", None, basis)


def _months_named(text: str) -> bool:
    """Whether `text` names a month or months (5月, 1-6月, 上半年): a column of their figure."""
    return bool(text) and (_span(text) is not None or header_month(text) is not None)


_SPAN = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*[-~～至—–]\s*(\d{1,2})\s*月份?")
_QUARTER = re.compile(r"(?:(\d{4})\s*年?\s*)?(?:第?\s*([一二三四1-4])\s*季度?|[Qq]\s*([1-4]))")
_QUARTERS_SO_FAR = re.compile(r"(?:(\d{4})\s*年\s*)?前\s*([一二两三1-3])\s*个?\s*季度")
_HALF = re.compile(r"(?:(\d{4})\s*年\s*)?([上下])\s*半年")
_NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4}


def _span(name: str) -> tuple[int | None, int, int] | None:
    """A column over several months: (year or None, first month, last month) of 1-9月, 7-9月,
    2025年4-6月, 一季度, 第三季度, Q3, 前三季度, 上半年, 下半年."""
    year: str | None = None
    match = _SPAN.fullmatch(name)
    if match and 1 <= int(match[2]) < int(match[3]) <= 12:
        year, first, last = match[1], int(match[2]), int(match[3])
    elif (match := _QUARTER.fullmatch(name)) and ("季" in name or match[3]):
        quarter = int(match[3]) if match[3] else _NUMBERS.get(match[2]) or int(match[2])
        year, first, last = match[1], 3 * quarter - 2, 3 * quarter
    elif match := _QUARTERS_SO_FAR.fullmatch(name):
        year, first, last = match[1], 1, 3 * (_NUMBERS.get(match[2]) or int(match[2]))
    elif match := _HALF.fullmatch(name):
        year, first, last = match[1], (1 if match[2] == "上" else 7), (6 if match[2] == "上" else 12)
    else:
        return None
    return (int(year) if year else None), first, last


def columns_of(values: list[Any]) -> list[Column] | None:
    """The row's columns if it is a header: it names an id (or name) column and a value column,
    months, or a project's fields."""
    found = [column(i, v) for i, v in enumerate(values)]
    fields = {c.field for c in found}
    if not fields & {"id", "name"}:
        return None
    if "value" in fields or "month" in fields or "period" in fields or fields & set(PROJECT_FIELDS):
        return found
    return None


# --- reading -------------------------------------------------------------------------------------

def read_ledger(path: Path, sheet: str | None = None, *, lang: Lang) -> Ledger:
    """The table of `path`: of sheet `sheet` (a name, or a number counted from 1), else of the first
    sheet that holds one. DataError says in one line, in `lang`, why there is none."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_ledger(path, sheet, lang)
    if suffix in (".csv", ".txt"):
        if sheet not in (None, "1"):
            raise _problem(path, None, lang.tr("CSV 文件只有一张表，不能用 --sheet {sheet}", sheet=sheet))
        return _table(path, "", _csv_rows(path, lang), True, lang) or _no_table(path, [""], lang)
    raise _problem(path, None, lang.tr("应为电子表格：.xlsx（Excel、WPS）或 .csv"))


def _problem(path: Path, row: int | None, message: str) -> DataError:
    return DataError([Problem(path, row, None, "", message)])


def _no_table(path: Path, names: list[str], lang: Lang, hidden_columns: list[str] = ()):
    said = lang.tr("、").join(f"“{n}”" for n in names if n)
    hidden = lang.tr("（隐藏的 {columns} 列不读：表格里看不到的不导入；要导入请取消隐藏）",
                     columns=lang.tr("、").join(dict.fromkeys(hidden_columns))) if hidden_columns else ""
    raise _problem(path, None, (lang.tr("工作表 {sheets} 中", sheets=said) if said else "") + lang.tr(
        "前 {count} 行没有表头：表头行应有 编号（或名称）列，和 数值（完成值、累计完成……）列或各月的列（1月、2025年1月……）",
        count=HEADER_SEARCH) + hidden)


def _table(path: Path, name: str, rows: Iterator[tuple[int, list[Any]]], required: bool, lang: Lang,
           passed: tuple[str, ...] = ()) -> Ledger | None:
    """The table in `rows`, or None when its first rows hold no header (the rows left unread)."""
    before: list[tuple[int, list[Any]]] = []
    header = None
    for number, values in rows:
        if all(blank(v) and not isinstance(v, NoCachedValue) for v in values):
            continue
        found = columns_of(values)
        if found is not None:
            header = (number, found)
            break
        before.append((number, values))
        if len(before) >= HEADER_SEARCH:
            break
    if header is None:
        return None
    body = []
    for number, values in rows:
        if all(blank(v) and not isinstance(v, NoCachedValue) for v in values):
            continue
        body.append((number, values))
        if len(body) > MAX_ROWS:
            raise _problem(path, number, lang.tr("超过 {limit} 行；请拆分表格", limit=f"{MAX_ROWS:,}"))
    return Ledger(path, name, header[0], header[1], body, before, passed)


def _xlsx_ledger(path: Path, choice: str | None, lang: Lang) -> Ledger:
    """The chosen sheet's table, or the first sheet's that has one. A hostile or broken workbook is
    refused in one line before it costs much: by what it would unpack into, how far its merged
    blocks reach, and as its rows come, how far they reach."""
    from openpyxl import load_workbook  # only `import` pays for it
    from zipfile import BadZipFile, ZipFile

    files.regular_file_size(path, expected="a spreadsheet")
    book = None
    try:
        with ZipFile(path) as archive:  # the sizes it declares bound what can be read from it
            unpacked = sum(member.file_size for member in archive.infolist())
            if unpacked > MAX_UNPACKED:
                raise _problem(path, None, lang.tr(
                    "解压后有 {size} MB，超过 {limit} MB：不像是台账；请只保留要导入的表", size=f"{unpacked / 2**20:,.0f}",
                    limit=f"{MAX_UNPACKED // 2**20}"))
            with _sizes_not_measured():
                book = load_workbook(path, read_only=True, data_only=True)  # formulas as their values
            sheets = list(book.worksheets)
            names = [s.title for s in sheets]
            if choice is not None:
                chosen = _chosen(path, names, choice, lang)
                sheets = [sheets[chosen]]
            passed: list[str] = []
            hidden: list[str] = []
            unread: list[str] = []  # hidden columns that hold something, of the sheets without a table
            for sheet in sheets:
                is_hidden = getattr(sheet, "sheet_state", "visible") != "visible"
                if is_hidden and choice is None:  # what the office does not see is not what it sent
                    hidden.append(sheet.title)
                    continue
                xml = archive.read(sheet._worksheet_path.lstrip("/"))
                merged, formulas = _merged_blocks(path, xml, lang), _formulas_without_values(xml)
                unseen: list[int] = []
                unseen_columns: set[int] = set()
                rows = _xlsx_rows(path, sheet, xml, merged, formulas, lang, _hidden_rows(xml), unseen,
                                  _hidden_columns(xml), unseen_columns)
                found = _table(path, sheet.title, rows, choice is not None, lang, tuple(passed))
                if found is not None:
                    return found._replace(hidden_passed=tuple(hidden), hidden=is_hidden,
                                          hidden_rows=tuple(n for n in unseen if n > found.header_row),
                                          hidden_columns=tuple(sorted(unseen_columns)))
                passed.append(sheet.title)
                unread.extend(column_letter(c) for c in sorted(unseen_columns))
        return _no_table(path, passed, lang, unread)
    except DataError:
        raise
    except BadZipFile:  # said in the user's words, not zipfile's English
        raise _problem(path, None, lang.tr("文件已损坏，或不是 .xlsx 工作簿（不是 zip 压缩包）：请在 Excel 或 WPS 中打开，"
                                           "另存为 .xlsx 后再导入")) from None
    except Exception as error:  # openpyxl on a broken or hostile file: XML, zip, types, indexes…
        raise _problem(path, None, lang.tr("不能作为 .xlsx 工作簿读取（{error}）",
                                           error=str(error)[:200] or type(error).__name__)) from None
    finally:
        if book is not None:
            book.close()  # read-only mode keeps the file open


@contextlib.contextmanager
def _sizes_not_measured() -> Iterator[None]:
    """openpyxl opening a workbook read-only reads each sheet's XML to its end for its size when
    the sheet does not state it (files written by programs): a whole pass over every sheet, for a
    size this module never uses (each row is read as written). Not measured while it opens one."""
    try:
        from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    except ImportError:
        yield
        return
    measure = ReadOnlyWorksheet.__dict__.get("_get_size")
    if measure is None:
        yield
        return
    ReadOnlyWorksheet._get_size = lambda self: None
    try:
        yield
    finally:
        ReadOnlyWorksheet._get_size = measure


def _chosen(path: Path, names: list[str], choice: str, lang: Lang) -> int:
    """--sheet NAME or N (counted from 1) → the sheet's index."""
    if choice in names:
        return names.index(choice)
    wanted = normal(choice)
    for index, name in enumerate(names):
        if normal(name) == wanted:
            return index
    if wanted.isdigit() and 1 <= int(wanted) <= len(names):
        return int(wanted) - 1
    raise _problem(path, None, lang.tr("没有工作表“{sheet}”；工作簿中有：{names}", sheet=choice[:40],
                                       names=lang.tr("、").join(f"{i}. {n}" for i, n in enumerate(names, 1))))


def _holds(value: Any) -> bool:
    """Whether a cell holds something (a border or a format alone leaves it None or spaces)."""
    return value is not None and bool(str(value).strip())


def _xlsx_rows(path: Path, sheet, xml: bytes, by_row, formulas, lang: Lang, hidden: frozenset[int] = frozenset(),
               unseen: list[int] | None = None, hidden_columns: frozenset[int] = frozenset(),
               unseen_columns: set[int] | None = None) -> Iterator[tuple[int, list[Any]]]:
    """A sheet's rows, streamed: merged blocks filled with their top-left value, a percent cell as
    Percent, a formula cell without a value as NoCachedValue. A row in `hidden` (hidden, or
    filtered out: what the office does not see is not what it sent) is read as blank, and its
    number added to `unseen` when it holds something."""
    tops: dict[tuple, Any] = {}
    for number, values in enumerate(_sheet_values(path, sheet, xml, lang=lang), start=1):
        # a row that holds something past the limit; not one merely formatted (a border at row
        # 1,048,576 the office cannot see), which is read as the blank it is
        if number > 2 * MAX_ROWS and any(map(_holds, values)):
            raise _problem(path, number, lang.tr("工作表“{sheet}”超过 {limit} 行；请删去多余的行或拆分表格",
                                                 sheet=sheet.title, limit=f"{2 * MAX_ROWS:,}"))
        if number in hidden:
            if unseen is not None and any(map(_holds, values)):
                unseen.append(number)
            yield number, []
            continue
        for column in hidden_columns:  # a hidden column: blank, as the office sees it
            if column <= len(values) and _holds(values[column - 1]):
                values[column - 1] = None
                if unseen_columns is not None:
                    unseen_columns.add(column)
        for column_number, formula in formulas.get(number, ()):
            if column_number <= len(values) and values[column_number - 1] is None:
                values[column_number - 1] = NoCachedValue(formula)
            elif column_number > len(values):
                values.extend([None] * (column_number - len(values)))
                values[column_number - 1] = NoCachedValue(formula)
        for block in by_row.get(number, ()):  # a merged block: its top-left value in every cell of it
            first_row, first_col, _, last_col = block
            if number == first_row:
                tops[block] = values[first_col - 1] if first_col <= len(values) else None
            top = tops.get(block)
            if number > first_row and _a_figure(top, lang):
                top = MergedNumber(top, first_row)  # one row's figure: not the rows' below it too
            values.extend([None] * (last_col - len(values)))
            values[first_col - 1:last_col] = [top] * (last_col - first_col + 1)
        yield number, values


def _sheet_values(path: Path, sheet, xml: bytes, *, lang: Lang) -> Iterator[list[Any]]:
    """Each row's values, from the first row on (a row the file leaves out is []): a numeric cell
    Excel shows as a percentage is a Percent, a date cell a datetime. The sheet's XML (`xml`) is read
    here with expat, as openpyxl reads it but without an element tree and a cell object for each
    cell: openpyxl's own reading was most of the time a 60,000-row ledger took. openpyxl gives the
    workbook's shared strings, styles and epoch; where it does not as expected, through its cells."""
    try:
        from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

        book = sheet.parent
        formats = [BUILTIN_FORMATS.get(s.numFmtId, "General") if s.numFmtId < BUILTIN_FORMATS_MAX_SIZE
                   else book._number_formats[s.numFmtId - BUILTIN_FORMATS_MAX_SIZE] for s in book._cell_styles]
        reader = _SheetXml(path, sheet._shared_strings, book.epoch, set(book._date_formats),
                           set(book._timedelta_formats),
                           {index for index, number_format in enumerate(formats) if "%" in _format_unquoted(number_format)},
                           lang)
    except (ImportError, AttributeError, TypeError, IndexError):  # another openpyxl: the cells' way
        sheet.reset_dimensions()  # each row as written, not padded to the size the file claims
        yield from _cell_values(path, sheet, lang=lang)
        return
    yield from reader.rows(xml)


class _SheetXml:
    """A worksheet's <sheetData> read with expat, a chunk at a time: rows as lists of values; why it
    cannot be read in `lang`."""

    CHUNK = 1 << 20

    def __init__(self, path: Path, strings: list, epoch, dates: set, durations: set, percent: set, lang: Lang) -> None:
        self.path, self.strings, self.epoch, self.lang = path, strings, epoch, lang
        self.dates, self.durations, self.percent = dates, durations, percent
        self.done: list[tuple[int, list[Any]]] = []  # rows finished, not yet handed on
        self.row_number = 0
        self.values: list[Any] | None = None  # the row being read
        self.column = 0
        self.cell: tuple[str, int] | None = None  # (type, style) of the cell being read
        self.text: list[str] | None = None  # the text being gathered (a <v>, or an inline string's <t>s)
        self.value_text: str | None = None
        self.inline: list[str] | None = None
        self.phonetic = 0  # inside an inline string's reading (rPh), which is not its text

    def rows(self, xml: bytes) -> Iterator[list[Any]]:
        from xml.parsers import expat

        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.StartElementHandler, parser.EndElementHandler = self.start, self.end
        parser.CharacterDataHandler = self.characters
        parser.StartDoctypeDeclHandler = self.refused  # no entities of its own: a sheet has none
        number = 0
        try:
            for at in range(0, len(xml) or 1, self.CHUNK):
                parser.Parse(xml[at:at + self.CHUNK], at + self.CHUNK >= len(xml))
                for index, values in self.done:
                    if index <= number:  # a row out of order: left out, as openpyxl leaves it
                        continue
                    while number < index - 1:
                        number += 1
                        yield []
                    number = index
                    yield values
                self.done = []
        except expat.ExpatError as error:
            raise _problem(self.path, None, self.lang.tr("不能作为 .xlsx 工作簿读取（{error}）", error=str(error)[:200])) from None

    def refused(self, *_: Any) -> None:
        raise _problem(self.path, None, self.lang.tr("不能作为 .xlsx 工作簿读取（{error}）", error="DOCTYPE in a worksheet"))

    def start(self, name: str, attrs: dict) -> None:
        tag = _TAGS.get(name) or _tag(name)
        if tag == "c" and self.values is not None:
            ref = attrs.get("r")
            self.column = _column_number(_REF_LETTERS.match(ref)[0]) if ref and _REF_LETTERS.match(ref) else self.column + 1
            if self.column > MAX_COLUMNS:
                raise _problem(self.path, self.row_number, self.lang.tr(
                    "这一行有 {columns} 列，超过 {limit} 列；请删去多余的列", columns=f"{self.column:,}", limit=MAX_COLUMNS))
            style = attrs.get("s")
            self.cell = (attrs.get("t", "n"), int(style) if style else 0)
            self.value_text, self.inline = None, None
        elif tag == "v" and self.cell is not None:
            self.text = []
        elif tag == "is" and self.cell is not None:
            self.inline = []
        elif tag == "t" and self.inline is not None and not self.phonetic:
            self.text = []
        elif tag == "rPh":
            self.phonetic += 1
        elif tag == "row":
            ref = attrs.get("r")
            self.row_number = int(float(ref)) if ref else self.row_number + 1
            self.values, self.column = [], 0

    def characters(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)

    def end(self, name: str) -> None:
        tag = _TAGS.get(name) or _tag(name)
        if tag == "v" and self.text is not None:
            self.value_text, self.text = "".join(self.text), None
        elif tag == "t" and self.text is not None:
            self.inline.append("".join(self.text))
            self.text = None
        elif tag == "rPh":
            self.phonetic -= 1
        elif tag == "c" and self.cell is not None:
            values = self.values  # every cell written counts, a blank one too (as openpyxl reads it)
            if len(values) < self.column:
                values.extend([None] * (self.column - len(values)))
            values[self.column - 1] = self.value()
            self.cell = None
        elif tag == "row" and self.values is not None:
            self.done.append((self.row_number, self.values))
            self.values = None

    def value(self) -> Any:
        """The cell's value as openpyxl reads it with data_only (a formula as its value kept)."""
        kind, style = self.cell
        if kind == "inlineStr":
            return "".join(self.inline) if self.inline is not None else None
        text = self.value_text or None
        if text is None:
            return None
        if kind == "n":
            number = float(text) if "." in text or "E" in text or "e" in text else int(text)
            if style in self.dates:
                from openpyxl.utils.datetime import from_excel

                try:
                    return from_excel(number, self.epoch, timedelta=style in self.durations)
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return Percent(number) if style in self.percent else number
        if kind == "s":
            return self.strings[int(text)]
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            from openpyxl.utils.datetime import from_ISO8601

            return from_ISO8601(text)
        return text  # str (a formula's text), e (an error: #DIV/0!)


_REF_LETTERS = re.compile(r"[A-Z]{1,3}")
_TAGS: dict[str, str] = {}


def _tag(name: str) -> str:
    """An element's name without its namespace ("http://…/main c" → "c")."""
    _TAGS[name] = tag = name.rpartition(" ")[2]
    return tag


def _cell_values(path: Path, sheet, *, lang: Lang) -> Iterator[list[Any]]:
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        if len(cells) > MAX_COLUMNS:
            raise _problem(path, number, lang.tr("这一行有 {columns} 列，超过 {limit} 列；请删去多余的列",
                                                 columns=f"{len(cells):,}", limit=MAX_COLUMNS))
        values = []
        for cell in cells:
            value = cell.value
            if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in _unquoted(cell):
                value = Percent(value)
            values.append(value)
        yield values


def _a_figure(value: Any, lang: Lang) -> bool:
    """A number, or text that is one (18, "18", "约18"), as a merged block's value: not a name or date."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    if not isinstance(value, str) or blank(value):
        return False
    try:
        return not read_number(value, lang=lang).unit
    except ValueError:
        return False


def _unquoted(cell) -> str:
    return _format_unquoted(getattr(cell, "number_format", None) or "")


def _format_unquoted(number_format: str) -> str:
    """A number format without its quoted text ("完成率%" shows a % sign, not a percentage)."""
    return re.sub(r'"[^"]*"|\\.', "", number_format) if "%" in number_format else ""


_MERGE = re.compile(rb"<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*[\"']([^\"']*)[\"']")
_CELL_RANGE = re.compile(r"\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?")
_FORMULA_CELL = re.compile(rb"<(?:[\w.-]+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:[\w.-]+:)?c>)", re.S)
_CELL_REF = re.compile(rb"\br\s*=\s*[\"']([A-Z]{1,3})(\d{1,7})[\"']")
_FORMULA = re.compile(rb"<(?:[\w.-]+:)?f\b[^>]*?(?:/>|>(.*?)</(?:[\w.-]+:)?f>)", re.S)
_VALUE = re.compile(rb"<(?:[\w.-]+:)?(?:v|is)\b[^>]*>\s*[^<\s]|<(?:[\w.-]+:)?is\b", re.S)


def _formulas_without_values(xml: bytes) -> dict[int, list[tuple[int, str]]]:
    """The cells holding a formula saved without its value, by row: (column, formula)."""
    out: dict[int, list[tuple[int, str]]] = {}
    if b"<f" not in xml and b":f" not in xml:
        return out
    for match in _FORMULA_CELL.finditer(xml):
        body = match[2] or b""
        formula = _FORMULA.search(body)
        if not formula or _VALUE.search(body):
            continue
        ref = _CELL_REF.search(match[1])
        if ref:
            text = (formula[1] or b"").decode("utf-8", "replace")[:60]
            out.setdefault(int(ref[2]), []).append((_column_number(ref[1].decode()), text))
    return out


_ROW = re.compile(rb"<(?:[\w.-]+:)?row\b([^>]*)>")
_HIDDEN = re.compile(rb"\bhidden\s*=\s*[\"'](?:1|true)[\"']")
_ROW_NUMBER = re.compile(rb"\br\s*=\s*[\"'](\d+)[\"']")


_COL = re.compile(rb"<(?:[\w.-]+:)?col\b([^>]*)/?>")
_COL_SPAN = re.compile(rb"\bmin\s*=\s*[\"'](\d+)[\"'][^>]*?\bmax\s*=\s*[\"'](\d+)[\"']")


def _hidden_columns(xml: bytes) -> frozenset[int]:
    """The columns a worksheet hides, by number (1 for A), up to MAX_COLUMNS."""
    head = xml[:xml.find(b"sheetData")] if b"sheetData" in xml else xml
    if b"hidden" not in head:
        return frozenset()
    out = set()
    for match in _COL.finditer(head):
        span = _COL_SPAN.search(match[1])
        if span and _HIDDEN.search(match[1]):
            out.update(range(int(span[1]), min(int(span[2]), MAX_COLUMNS) + 1))
    return frozenset(out)


def _hidden_rows(xml: bytes) -> frozenset[int]:
    """The rows a worksheet hides (hidden by hand, or filtered out), by number."""
    if b"hidden" not in xml:
        return frozenset()
    out = set()
    for match in _ROW.finditer(xml):
        if _HIDDEN.search(match[1]):
            number = _ROW_NUMBER.search(match[1])
            if number:
                out.add(int(number[1]))
    return frozenset(out)


def _merged_blocks(path: Path, xml: bytes, lang: Lang) -> dict[int, list[tuple[int, int, int, int]]]:
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
            raise _problem(path, None, lang.tr(
                "合并单元格 {ref} 超出表格应有的范围（{max_rows} 行、{max_columns} 列，合并的格子共 {max_merged} 个）；"
                "请取消合并或删去多余的行列", ref=shown, max_rows=f"{2 * MAX_ROWS:,}", max_columns=MAX_COLUMNS,
                max_merged=f"{MAX_MERGED:,}"))
        block = (rows[0], columns[0], rows[1], columns[1])
        for row in range(rows[0], rows[1] + 1):
            by_row.setdefault(row, []).append(block)
    return by_row


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def column_letter(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _csv_rows(path: Path, lang: Lang) -> Iterator[tuple[int, list[Any]]]:
    """A CSV's records, each numbered by the line it starts on (a quoted cell may span lines)."""
    raw = files.read_bytes(path, expected="a spreadsheet")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise _problem(path, None, lang.tr("既不是 UTF-8 也不是 GB18030 文本；请另存为 CSV UTF-8"))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:  # a field of more than 128 kB, …
            raise _problem(path, start, lang.tr("不能作为 CSV 读取（{error}）", error=str(error)[:200])) from None
        yield start, [CsvCell(v, start, reader.line_num, dialect.delimiter) if "\n" in v or "\r" in v else v for v in row]
        start = reader.line_num + 1


class CsvCell(str):
    """A CSV cell that spans lines: a quoted note, or a quote never closed that swallowed the rows
    after it (`first`–`last`: the lines it spans)."""

    def __new__(cls, text: str, first: int, last: int, delimiter: str = ",") -> "CsvCell":
        cell = super().__new__(cls, text)
        cell.first, cell.last, cell.delimiter = first, last, delimiter
        return cell

    def lines_as_rows(self) -> list[list[str]]:
        """Each line after its first, split into cells as a row of the file is."""
        return list(csv.reader(self.splitlines()[1:], delimiter=self.delimiter))


_STATED_UNIT = re.compile(r"(金额|计量|数量)?单位\s*(?:[:：为]\s*)?([^\s，,;；。:：)）\]】]+)")


class StatedUnit(NamedTuple):
    """A unit the sheet states for its figures above or in the header (单位：万元, a title ending
    （单位：万元）, a header cell 金额单位：万元): where, as written, and the unit."""

    row: int
    written: str
    unit: str
    money_only: bool  # 金额单位: it says what the sums of money are in, not the counts


def stated_unit(ledger: Ledger) -> StatedUnit | None:
    """The unit the sheet states for its figures, if any (the first, reading down)."""
    lines = [(number, [v for v in values if isinstance(v, str)]) for number, values in ledger.before]
    lines.append((ledger.header_row, [c.title for c in ledger.columns if c.field is None and c.title]))
    for number, texts in lines:
        for label, after in zip(texts, texts[1:]):  # 单位： in one cell, 万元 in the next (as 填报日期： is)
            found = re.fullmatch(r"(金额|计量|数量)?单位\s*[:：]?", str(label).strip())
            if found and known_unit(unit_named(after)):
                return StatedUnit(number, f"{str(label).strip()}{str(after).strip()}", unit_named(after),
                                  found[1] == "金额")
        for text in dict.fromkeys(str(t).strip() for t in texts):
            for match in _STATED_UNIT.finditer(text):
                unit = unit_named(match[2])
                if known_unit(unit):
                    return StatedUnit(number, match[0], unit, match[1] == "金额")
            found = re.search(r"[(（]\s*([^()（）\s]{1,5})\s*[)）]\s*$", text)  # a title ending （万元）
            if found and number != ledger.header_row and known_unit(unit_named(found[1])):
                return StatedUnit(number, found[0], unit_named(found[1]), False)
    return None


AS_OF_LABELS = ("截至日期", "截止日期", "数据截至", "截至", "统计日期")  # the date the figures stand at
FILED_LABELS = ("填报日期", "填表日期", "报送日期")  # the day the sheet was filled in or sent


def read_date_label(ledger: Ledger):
    """The sheet's 填报日期 (or 截至) line: (row, column, DateRead or None, as written, whether it is
    the day the sheet was filed rather than the date its figures stand at), or None."""
    found = ledger.labelled(*AS_OF_LABELS)
    filed = found is None
    found = found or ledger.labelled(*FILED_LABELS)
    if found is None:
        return None
    number, col, value = found
    return number, col, read_date(value), value, filed


def title_period(ledger: Ledger) -> tuple[int, str, int | None, int] | None:
    """A period from January the lines above the header name (二七区2024年1-6月重点指标, 上半年,
    前三季度): (row, as written, year or None, its last month); None where they name none."""
    for number, values in ledger.before:
        for value in values:
            if not isinstance(value, str):
                continue
            text = normal(value)
            for pattern in (_SPAN, _QUARTERS_SO_FAR, _HALF):
                match = pattern.search(text)
                span = _span(match.group().strip()) if match else None
                if span is not None and span[1] == 1:
                    return number, match.group().strip(), span[0], span[2]
    return None
