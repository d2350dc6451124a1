"""Ledgers as offices make them (issue 23): each built here as an office would make it, with the
exact preview expected and what --apply records — and no figure recorded wrong without a word."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from openpyxl import Workbook

from erqi_tui.core.i18n import ZH
from erqi_tui import cli, store
from erqi_tui.store import journal
from erqi_tui.core.model import Quantity

from ..conftest import BUNDLED

EXAMPLE = BUNDLED.parent / "example-year.toml"
PERCENT_TARGET = """
[[target]]
id = "one-window"
name = "一网通办率"
target = { value = 98, unit = "%" }
current = { value = 96, unit = "%" }
"""


@pytest.fixture
def year(tmp_path):
    """The invented example year (2025, figures at the end of January), with a percent target."""
    path = tmp_path / "year.toml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8") + PERCENT_TARGET, encoding="utf-8")
    return path


@pytest.fixture
def lived(year):
    """The example year as recorded to the end of August: its journal's entries dated before September."""
    import re

    text = (EXAMPLE.parent / "example-year.journal.toml").read_text(encoding="utf-8")
    head, *entries = re.split(r"(?m)^(?=\[\[update\]\])", text)
    kept = [e for e in entries if re.search(r"(?m)^date = 2025-0[1-8]-", e)]
    journal.journal_path(year).write_text(head + "".join(kept), encoding="utf-8")
    return year


@pytest.fixture
def erqi(tmp_path):
    path = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, path)
    return path


def run(capsys, *args: str) -> tuple[int, list[str], str]:
    code = cli.main(["import", "--user", "王", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def ledger(path, *rows, sheets=None, merge=None, formats=None):
    """An .xlsx as an office makes it: `rows` on one sheet, or `sheets` {name: rows}; `formats`
    {cell: number format}."""
    book = Workbook()
    book.remove(book.active)
    for name, content in (sheets or {"Sheet1": rows}).items():
        sheet = book.create_sheet(name)
        for row in content:
            sheet.append(list(row))
        for block in merge or ():
            if name == list((sheets or {"Sheet1": rows}))[-1]:
                sheet.merge_cells(block)
        for cell, number_format in (formats or {}).items():
            sheet[cell].number_format = number_format
    book.save(path)
    return path


def recorded(data):
    """What the journal holds: (id, field, new, date) per change, in order."""
    return [(c.id, c.field, c.new, c.date) for c in store.load(data).changes]


def head(data, sheet, header_row, name="Sheet1", district="示例（虚构）河湾区", year=2025):
    return [f"导入到 {district}（{year} 年）的数据文件 {data}",
            f"读取 {sheet.name} 的工作表“{name}”，第 {header_row} 行为表头"]


# --- (1) no wrong figure recorded silently -----------------------------------------------------------

def test_units_in_the_notes_are_converted_and_the_preview_shows_both(lived, tmp_path, capsys):
    year = lived
    sheet = ledger(tmp_path / "台账.xlsx",
                   ["编号", "名称", "日期", "数值", "备注"],
                   ["signed-amount", "签约额", "2025-09-30", 2156000, "单位：万元"],
                   ["land-revitalised", "盘活低效用地", "2025-09-30", "1,200", "亩"])
    code, out, err = run(capsys, str(sheet), "--data", str(year))
    assert code == 0, err
    assert out == head(year, sheet, 1) + [
        "第 2 行  签约额：196.1 亿元 → 215.6 亿元（截至 2025-09-30）；2,156,000 万元 = 215.6 亿元",
        "第 3 行  盘活低效用地：990 亩 → 1,200 亩（截至 2025-09-30）"]
    before = len(recorded(year))
    assert run(capsys, str(sheet), "--data", str(year), "--apply")[0] == 0
    assert recorded(year)[before:] == [
        ("signed-amount", "current", Quantity(215.6, "亿元"), dt.date(2025, 9, 30)),
        ("land-revitalised", "current", Quantity(1200, "亩"), dt.date(2025, 9, 30))]


def test_a_unit_of_another_dimension_is_refused(year, tmp_path, capsys):
    sheet = ledger(tmp_path / "台账.xlsx", ["编号", "日期", "完成值（个）"], ["signed-amount", "2025-09-30", 40])
    code, out, err = run(capsys, str(sheet), "--data", str(year), "--apply")
    assert code == 2
    assert f"台账.xlsx:2:3: “完成值（个）”列: 单位是“个”，而“亿元”不能由它换算：请按亿元填写，或改正单位" in err
    assert not journal.journal_path(year).exists()


def test_a_project_sheet_in_yi_into_a_file_in_wan(year, tmp_path, capsys):
    sheet = ledger(tmp_path / "项目.xlsx", ["编号", "日期", "总投资（万元）"], ["p01", "2025-09-30", 339000])
    code, out, err = run(capsys, str(sheet), "--data", str(year))
    assert code == 0 and "没有要记录的改动" in err and "跳过 1 行（没有改动）" in out[-1]  # 339,000 万元 is its 33.9 亿元
    sheet = ledger(tmp_path / "项目.xlsx", ["编号", "日期", "总投资（万元）"], ["p01", "2025-09-30", 472240])
    code, out, err = run(capsys, str(sheet), "--data", str(year))
    assert out[2] == "第 2 行  西山总部大楼（示例1）：总投资 33.9 亿元 → 47.224 亿元（2025-09-30）；472,240 万元 = 47.224 亿元"


def test_an_excel_percent_cell_reads_as_shown(year, tmp_path, capsys):
    sheet = ledger(tmp_path / "台账.xlsx", ["编号", "日期", "数值"], ["one-window", "2025-09-30", 0.965],
                   formats={"C2": "0.0%"})
    code, out, err = run(capsys, str(sheet), "--data", str(year), "--apply")
    assert code == 0, err
    assert out[2] == "第 2 行  一网通办率：96 % → 96.5 %（截至 2025-09-30）"
    assert recorded(year) == [("one-window", "current", Quantity(96.5, "%"), dt.date(2025, 9, 30))]


def test_a_figure_ten_times_off_is_held_back_with_a_question(year, tmp_path, capsys):
    sheet = ledger(tmp_path / "台账.xlsx", ["编号", "日期", "数值"],
                   ["one-window", "2025-09-30", 0.965],  # a percent typed as a fraction
                   ["signed-amount", "2025-09-30", 4000],  # over 10× the year's 350 亿元
                   ["new-projects", "2025-09-30", 12])
    code, out, err = run(capsys, str(sheet), "--data", str(year))
    assert code == 0
    assert out[2:5] == [
        "第 2 行  一网通办率：96 % → 0.965 %（截至 2025-09-30）  ？是 2025-01-31 的 96 % 的 0.01 倍：单位或小数点是否有误？",
        "第 3 行  签约额：12.5 亿元 → 4,000 亿元（截至 2025-09-30）  ？是 2025-01-31 的 12.5 亿元 的 320 倍：单位或小数点是否有误？",
        "第 4 行  新签约产业项目：2 个 → 12 个（截至 2025-09-30）"]
    assert "有 2 行的数看来有误（见“？”）" in err and "以上 1 条更新尚未记录" in err
    code, out, err = run(capsys, str(sheet), "--data", str(year), "--apply")
    assert code == 2 and "2 行的数看来有误，未记录任何一行" in err and "--accept-outliers" in err
    assert not journal.journal_path(year).exists()
    assert run(capsys, str(sheet), "--data", str(year), "--apply", "--accept-outliers")[0] == 0
    assert [c[2].value for c in recorded(year)] == [0.965, 4000, 12]


def test_another_districts_sheet_is_refused(year, tmp_path, capsys):
    by_column = ledger(tmp_path / "a.xlsx", ["地区", "编号", "日期", "数值"], ["航空港区", "new-projects", "2025-09-30", 3])
    code, out, err = run(capsys, str(by_column), "--data", str(year), "--apply")
    assert code == 2
    assert "a.xlsx:2:1: “地区”列: 这一行是“航空港区”的，本数据文件是“示例（虚构）河湾区”的：不是本区的数据，未导入" in err
    by_title = ledger(tmp_path / "b.xlsx", ["航空港区2025年9月招商引资重点指标台账"], [],
                      ["编号", "日期", "数值"], ["new-projects", "2025-09-30", 3])
    code, out, err = run(capsys, str(by_title), "--data", str(year), "--apply")
    assert code == 2 and "b.xlsx:1: 表格标题写的是“航空港区”，本数据文件是“示例（虚构）河湾区”的" in err
    own = ledger(tmp_path / "c.xlsx", ["示例市河湾区2025年9月台账"], ["单位", "编号", "日期", "数值"],
                 ["河湾区商务局", "new-projects", "2025-09-30", 3], ["河湾区", "completions", "2025-09-30", None])
    code, out, err = run(capsys, str(own), "--data", str(year))
    assert code == 0, err
    assert out[:2] == head(year, own, 2)
    assert not journal.journal_path(year).exists()


def test_two_rows_for_one_id_and_date_are_refused(year, tmp_path, capsys):
    sheet = ledger(tmp_path / "d.xlsx", ["编号", "日期", "数值"], ["new-projects", "2025-09-30", 12],
                   ["new-projects", "2025/9/30", 13])
    code, out, err = run(capsys, str(sheet), "--data", str(year), "--apply")
    assert code == 2
    assert "d.xlsx:3:3: “数值”列: “new-projects”在 2025-09-30 的数已在第 2 行：同一编号同一日期只能有一行" in err


def test_a_formula_without_its_value_is_refused(year, tmp_path, capsys):
    sheet = ledger(tmp_path / "f.xlsx", ["编号", "日期", "数值"], ["new-projects", "2025-09-30", "=B5+1"])
    code, out, err = run(capsys, str(sheet), "--data", str(year), "--apply")
    assert code == 2
    assert "f.xlsx:2:3: “数值”列: 是公式（公式 =B5+1），但文件里没有存它算出的值：请在 Excel 中打开并保存后再导入" in err


@pytest.mark.parametrize("written, said", [
    ("1,5", "千位分隔符应每三位一个"), ("12,34", "千位分隔符应每三位一个"), ("很多", "应为数字"), ("-3", "不小于 0"),
])
def test_numbers_that_do_not_read_are_refused(year, tmp_path, capsys, written, said):
    sheet = ledger(tmp_path / "n.xlsx", ["编号", "日期", "数值"], ["new-projects", "2025-09-30", written])
    code, out, err = run(capsys, str(sheet), "--data", str(year))
    assert code == 2 and f"n.xlsx:2:3: “数值”列: " in err and said in err


def test_every_word_of_the_import_has_its_english():
    import ast
    from pathlib import Path

    from erqi_tui.core import messages_en
    import erqi_tui.exchange as exchange

    folder = Path(exchange.__file__).parent
    missing = []
    for path in (folder / "importing.py", folder / "ledger_sheet.py", folder.parent / "core" / "written.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and isinstance(node.args[0], ast.Constant):
                if node.args[0].value not in messages_en.EN:
                    missing.append(node.args[0].value)
    assert missing == []


# --- (2) the table found where the office put it ---------------------------------------------------

def test_the_header_after_a_title_and_a_filing_line_on_the_second_sheet(year, tmp_path, capsys):
    sheet = ledger(tmp_path / "九月台账.xlsx", sheets={
        "填报说明": [["填报说明：每月 5 日前报送"], ["数值为累计数"]],
        "指标": [["河湾区2025年9月招商引资重点指标台账"],
                 ["填报单位：河湾区商务局", None, "填报日期：2025年9月30日"],
                 [],
                 ["序号", "编号", "名称", "累计完成（个）", "备注"],
                 [1, "new-projects", "新签约产业项目", "18", None],
                 [2, "new-starts", "新开工项目", "—", None],
                 [3, "completions", "年内竣工投产项目", "/", None],
                 ["合计", None, None, 18, None]]}, merge=["A1:E1"])
    code, out, err = run(capsys, str(sheet), "--data", str(year))
    assert code == 0, err
    assert out == [f"导入到 示例（虚构）河湾区（2025 年）的数据文件 {year}",
                   "读取 九月台账.xlsx 的工作表“指标”，第 4 行为表头（前面的工作表 “填报说明” 没有表格）",
                   "第 5 行  新签约产业项目：2 个 → 18 个（截至 2025-09-30）",
                   "跳过合计行：第 8 行；跳过 2 行（没有改动）；忽略的列：序号"]
    code, out, err = run(capsys, str(sheet), "--data", str(year), "--sheet", "1")
    assert code == 2 and "工作表 “填报说明” 中前 30 行没有表头" in err
    assert run(capsys, str(sheet), "--data", str(year), "--sheet", "指标")[0] == 0
    code, out, err = run(capsys, str(sheet), "--data", str(year), "--sheet", "十月")
    assert code == 2 and "没有工作表“十月”；工作簿中有：1. 填报说明、2. 指标" in err
    code = cli.main(["--lang", "en", "import", "--user", "王", str(sheet), "--data", str(year), "--sheet", "十月"])
    err = capsys.readouterr().err
    assert code == 2 and "no sheet “十月”; the workbook has: 1. 填报说明, 2. 指标" in err  # it listed them with 、


# --- (3) idempotent --------------------------------------------------------------------------------

def test_a_sheet_of_month_ends_imported_twice_records_once_and_back_dated_rows_say_so(lived, tmp_path, capsys):
    before = len(recorded(lived))
    sheet = ledger(tmp_path / "历史.xlsx", ["编号", "日期", "数值"],
                   ["signed-amount", "2025-02-28", 30.2],  # as the journal has it: nothing
                   ["signed-amount", "2025-03-31", 60],  # a correction of March's 58.6: asked, joins the history
                   ["signed-amount", "2025-09-30", 215.6])
    code, out, err = run(capsys, str(sheet), "--data", str(lived), "--apply", "--accept-outliers")
    assert code == 0, err
    assert out[2:] == ["第 3 行  签约额：60 亿元（截至 2025-03-31）记入历史，不改变当前的 196.1 亿元（截至 2025-08-31）"
                       "  ？2025-03-31 已有 58.6 亿元，新填的是 60 亿元：以哪个为准？",
                       "第 4 行  签约额：196.1 亿元 → 215.6 亿元（截至 2025-09-30）",
                       "跳过 1 行（没有改动）"]
    assert len(recorded(lived)) == before + 2
    code, out, err = run(capsys, str(sheet), "--data", str(lived), "--apply")
    assert code == 0 and "没有要记录的改动" in err and out[2:] == ["跳过 3 行（没有改动）"]
    assert len(recorded(lived)) == before + 2
    assert store.load(lived).targets[1].current == Quantity(215.6, "亿元")


# --- (4) wide monthly ledgers ----------------------------------------------------------------------

def test_a_wide_monthly_ledger_of_running_totals(year, tmp_path, capsys):
    sheet = ledger(tmp_path / "月报.xlsx", ["编号", "名称", "1月", "2月", "2025年3月", "2025-04", "五月"],
                   ["new-projects", "新签约产业项目", 2, 4, 7, 9, None],
                   ["signed-amount", "签约额", 12.5, "30.2", 58.6, "—", None])
    code, out, err = run(capsys, str(sheet), "--data", str(year), "--apply")
    assert code == 0, err
    assert out[2:] == ["第 2 行  新签约产业项目：2 个 → 4 个（截至 2025-02-28）",
                       "第 2 行  新签约产业项目：4 个 → 7 个（截至 2025-03-31）",
                       "第 2 行  新签约产业项目：7 个 → 9 个（截至 2025-04-30）",
                       "第 3 行  签约额：12.5 亿元 → 30.2 亿元（截至 2025-02-28）",
                       "第 3 行  签约额：30.2 亿元 → 58.6 亿元（截至 2025-03-31）"]
    assert [(c.id, c.new.value, c.date) for c in store.load(year).changes][-1] == ("signed-amount", 58.6, dt.date(2025, 3, 31))
    assert run(capsys, str(sheet), "--data", str(year), "--apply")[2].endswith("没有要记录的改动\n")


def test_a_wide_ledger_of_each_months_amount_is_summed(year, tmp_path, capsys):
    sheet = ledger(tmp_path / "月报.xlsx", ["编号", "1月", "2月", "3月", "4月"], ["new-projects", 2, 2, 3, None])
    code, out, err = run(capsys, str(sheet), "--data", str(year), "--monthly")
    assert out[2:] == ["第 2 行  新签约产业项目：2 个 → 4 个（截至 2025-02-28）；当月 2 个，累计 4 个",
                       "第 2 行  新签约产业项目：4 个 → 7 个（截至 2025-03-31）；当月 3 个，累计 7 个"]
    gap = ledger(tmp_path / "缺月.xlsx", ["编号", "1月（当月）", "2月（当月）", "3月（当月）"], ["new-projects", 2, None, 3])
    code, out, err = run(capsys, str(gap), "--data", str(year))
    assert code == 2 and "缺月.xlsx:2:3: “2月（当月）”列: 按月填报（当月数）时，2月（当月）为空而后面的月份有数：没有发生请填 0" in err


# --- (5) numbers and dates as offices write them ---------------------------------------------------

@pytest.mark.parametrize("written, shown", [
    ("140以上", "140个以上"), ("超140", "140个以上"), ("6420余", "6,420个以上"), ("40余个", "40个以上"), ("约133", "约133 个"),
    ("近100", "约100 个"), ("１４０", "140 个"), ("１，２３４", "1,234 个"), (1e3, "1,000 个"),
])
def test_numbers_as_offices_write_them(erqi, tmp_path, capsys, written, shown):
    sheet = ledger(tmp_path / "n.xlsx", ["编号", "日期", "数值"], ["new-projects", "2024-05-31", written])
    code, out, err = run(capsys, str(sheet), "--data", str(erqi), "--accept-outliers")
    assert code == 0, err
    assert out[2].startswith(f"第 2 行  新签约产业项目：13 个 → {shown}（截至 2024-05-31）")


@pytest.mark.parametrize("written, date, said", [
    ("2025年9月30日", "2025-09-30", None), ("2025.9.30", "2025-09-30", None), ("2025/9/30", "2025-09-30", None),
    (45930, "2025-09-30", None), (dt.datetime(2025, 9, 30), "2025-09-30", None),
    ("2025年9月", "2025-09-30", "第 2 行的“2025年9月”是一个月份，读作月末 2025-09-30"),
    ("2025.09", "2025-09-30", "第 2 行的“2025.09”是一个月份，读作月末 2025-09-30"),
])
def test_dates_as_offices_write_them(year, tmp_path, capsys, written, date, said):
    sheet = ledger(tmp_path / "d.xlsx", ["编号", "日期", "数值"], ["new-projects", written, 12])
    code, out, err = run(capsys, str(sheet), "--data", str(year))
    assert code == 0, err
    assert out[2] == f"第 2 行  新签约产业项目：2 个 → 12 个（截至 {date}）"
    assert (out[3] if said else None) == said


def test_scientific_notation_from_a_numeric_cell_and_a_full_width_id(erqi, tmp_path, capsys):
    sheet = ledger(tmp_path / "s.xlsx", ["编号", "日期", "数值"], ["signed-amount", "2024-05-31", 1.2e2])
    code, out, err = run(capsys, str(sheet), "--data", str(erqi))
    assert out[2] == "第 2 行  签约额：107.96 亿元 → 120 亿元（截至 2024-05-31）"
    wide = ledger(tmp_path / "w.xlsx", ["编号", "日期", "数值"], ["ｓｉｇｎｅｄ＿ａｍｏｕｎｔ", "2024-05-31", 120])
    code, out, err = run(capsys, str(wide), "--data", str(erqi))
    assert code == 2
    assert "“ｓｉｇｎｅｄ＿ａｍｏｕｎｔ”（全角字符，按半角读作“signed_amount”）不是任何目标或项目的编号；是否是“signed-amount”？" in err


def test_an_unclosed_quote_in_a_csv_names_the_lines_it_swallowed(erqi, tmp_path, capsys):
    sheet = tmp_path / "q.csv"
    sheet.write_text('编号,日期,数值\nnew-projects,2024-05-31,"15\nsigned-amount,2024-05-31,120\n', encoding="utf-8")
    code, out, err = run(capsys, str(sheet), "--data", str(erqi))
    assert code == 2 and "q.csv:2:3: “数值”列: 这一格跨了第 2–3 行：多半是引号没有配对" in err


def test_a_note_too_long_is_blamed_on_the_sheets_cell(erqi, tmp_path, capsys):
    sheet = ledger(tmp_path / "l.xlsx", ["编号", "日期", "数值", "备注"], ["new-projects", "2024-05-31", 15, "长" * 2001])
    code, out, err = run(capsys, str(sheet), "--data", str(erqi))
    assert code == 2 and "l.xlsx:2:4: “备注”列: 备注有 2,001 个字，超过 2,000 个字：请删短" in err


# --- (6) the template --------------------------------------------------------------------------------

@pytest.mark.parametrize("monthly", [False, True])
def test_a_filled_template_records_exactly_what_was_typed(year, tmp_path, capsys, monthly):
    from openpyxl import load_workbook

    path = tmp_path / "模板.xlsx"
    assert run(capsys, "--template", str(path), "--data", str(year), *(["--monthly"] if monthly else []))[0] == 0
    book = load_workbook(path)
    sheet = book.active
    assert sheet["A1"].value == ("示例（虚构）河湾区2025年重点指标月度台账（各月当月数）" if monthly else "示例（虚构）河湾区2025年重点指标台账")
    assert sheet["A2"].value == "填报单位：" and sheet["E2"].value == "填报日期："
    rows = {row[1].value: row for row in sheet.iter_rows(min_row=5)}
    if monthly:
        assert [c.value for c in sheet[4]][:6] == ["序号", "编号", "名称", "单位", "1月（当月）", "2月（当月）"]
        rows["new-projects"][4].value, rows["new-projects"][5].value = 2, 3
        expected = [("new-projects", Quantity(5, "个"), dt.date(2025, 2, 28))]
    else:
        assert [c.value for c in sheet[4]][:6] == ["序号", "编号", "名称", "单位", "完成值（累计）", "备注"]
        sheet["F2"].value = dt.datetime(2025, 9, 30)
        rows["new-projects"][4].value = 12
        rows["p01"][6].value = "开工"
        expected = [("new-projects", Quantity(12, "个"), dt.date(2025, 9, 30)), ("p01", "开工", dt.date(2025, 9, 30))]
    book.save(path)
    code, out, err = run(capsys, str(path), "--data", str(year), "--apply")
    assert code == 0, err
    assert [(c.id, c.new, c.date) for c in store.load(year).changes] == expected


# --- round two: what a red team still got through ---------------------------------------------------

@pytest.mark.parametrize("above, where", [
    ([["单位：万元"]], "第 1 行写明“单位：万元”"),
    ([["河湾区2025年9月重点指标台账（单位：万元）"]], "第 1 行写明“单位：万元”"),
    ([["金额单位：万元"]], "第 1 行写明“金额单位：万元”"),
    ([], "第 1 行写明“金额单位：万元”"),  # a header cell
])
def test_a_unit_stated_above_the_header_applies_to_bare_figures(lived, tmp_path, capsys, above, where):
    header = ["编号", "日期", "数值", *(["金额单位：万元"] if not above else [])]
    sheet = ledger(tmp_path / "台账.xlsx", *above, header, ["signed-amount", "2025-09-30", 2000000])
    row = len(above) + 2
    code, out, err = run(capsys, str(sheet), "--data", str(lived))
    assert code == 0, err
    assert out[2:] == [f"第 {row} 行  签约额：196.1 亿元 → 200 亿元（截至 2025-09-30）；2,000,000 万元 = 200 亿元",
                       f"{where}：没有注明单位的金额按万元读"]


def test_a_unit_of_money_stated_leaves_counts_alone(lived, tmp_path, capsys):
    sheet = ledger(tmp_path / "台账.xlsx", ["金额单位：万元"], ["编号", "日期", "数值"],
                   ["signed-amount", "2025-09-30", 2000000], ["new-projects", "2025-09-30", 28])
    code, out, err = run(capsys, str(sheet), "--data", str(lived), "--apply")
    assert code == 0, err
    assert out[3] == "第 4 行  新签约产业项目：24 个 → 28 个（截至 2025-09-30）"
    assert [c[2] for c in recorded(lived)[-2:]] == [Quantity(200, "亿元"), Quantity(28, "个")]


@pytest.mark.parametrize("note", ["金额单位万元", "万元；含外资"])
def test_units_in_notes_as_offices_word_them(lived, tmp_path, capsys, note):
    sheet = ledger(tmp_path / "台账.xlsx", ["编号", "日期", "数值", "备注"], ["signed-amount", "2025-09-30", 2156000, note])
    code, out, err = run(capsys, str(sheet), "--data", str(lived))
    assert out[2] == "第 2 行  签约额：196.1 亿元 → 215.6 亿元（截至 2025-09-30）；2,156,000 万元 = 215.6 亿元"


def test_a_projects_first_investment_under_a_stated_unit(year, tmp_path, capsys):
    with year.open("a", encoding="utf-8") as file:
        file.write('\n[[project]]\nid = "p99"\nname = "新项目（示例99）"\nstatus = "在谈"\naxis = "north"\n')
    sheet = ledger(tmp_path / "项目.xlsx", ["单位：万元"], ["编号", "日期", "总投资"], ["p99", "2025-09-30", 50000])
    code, out, err = run(capsys, str(sheet), "--data", str(year))
    assert code == 0, err
    assert out[2:] == ["第 3 行  新项目（示例99）：总投资 — → 5 亿元（2025-09-30）；50,000 万元 = 5 亿元",
                       "第 1 行写明“单位：万元”：没有注明单位的金额按万元读"]


PERCENTS_WITHOUT_FIGURES = """
[[target]]
id = "broadband"
name = "千兆宽带覆盖率"
target = { value = 90, unit = "%" }

[[target]]
id = "vacancy"
name = "厂房空置率"
target = { value = 5, unit = "%" }
"""


@pytest.mark.parametrize("header", ["数值", "数值（%）"])
def test_a_percent_typed_as_a_fraction_into_a_target_without_a_figure_is_asked(year, tmp_path, capsys, header):
    with year.open("a", encoding="utf-8") as file:
        file.write(PERCENTS_WITHOUT_FIGURES)
    sheet = ledger(tmp_path / "台账.xlsx", ["编号", "日期", header], ["broadband", "2025-09-30", 0.965])
    code, out, err = run(capsys, str(sheet), "--data", str(year))
    assert code == 0, err
    assert out[2] == "第 2 行  千兆宽带覆盖率：— → 0.965 %（截至 2025-09-30）  ？是否把 96.5% 写成了 0.965？"
    code, out, err = run(capsys, str(sheet), "--data", str(year), "--apply")
    assert code == 2 and "--accept-outliers" in err and not journal.journal_path(year).exists()


@pytest.mark.parametrize("cell", ["0.965%", "0.965 %", "０.９６５％"])
def test_a_percent_written_with_its_sign_is_meant_as_a_percent_and_not_asked(year, tmp_path, capsys, cell):
    """0.965 into a target of 90 % is asked; 0.965% says it is a percent: not asked, alone or among
    percents above it, as the app's form does."""
    with year.open("a", encoding="utf-8") as file:
        file.write(PERCENTS_WITHOUT_FIGURES)
    sheet = ledger(tmp_path / "台账.xlsx", ["编号", "日期", "数值"], ["broadband", "2025-09-30", cell],
                   ["one-window", "2025-09-30", 97], ["vacancy", "2025-09-30", cell])
    code, out, err = run(capsys, str(sheet), "--data", str(year), "--apply")
    assert code == 0, err
    assert out[2:5] == ["第 2 行  千兆宽带覆盖率：— → 0.965 %（截至 2025-09-30）",
                        "第 3 行  一网通办率：96 % → 97 %（截至 2025-09-30）",
                        "第 4 行  厂房空置率：— → 0.965 %（截至 2025-09-30）"]


def test_a_fraction_among_percents_is_asked_whatever_its_target(year, tmp_path, capsys):
    with year.open("a", encoding="utf-8") as file:
        file.write(PERCENTS_WITHOUT_FIGURES)
    sheet = ledger(tmp_path / "台账.xlsx", ["编号", "日期", "数值"],
                   ["one-window", "2025-09-30", 97], ["vacancy", "2025-09-30", 0.8])
    code, out, err = run(capsys, str(sheet), "--data", str(year))
    assert out[2:4] == ["第 2 行  一网通办率：96 % → 97 %（截至 2025-09-30）",
                        "第 3 行  厂房空置率：— → 0.8 %（截至 2025-09-30）  ？是否把 80% 写成了 0.8？"]
    alone = ledger(tmp_path / "单.xlsx", ["编号", "日期", "数值"], ["vacancy", "2025-09-30", 0.8])
    assert run(capsys, str(alone), "--data", str(year))[1][2] == "第 2 行  厂房空置率：— → 0.8 %（截至 2025-09-30）"


def test_a_back_dated_row_against_another_figure_in_force_is_asked(lived, tmp_path, capsys):
    journal_text = journal.journal_path(lived).read_text(encoding="utf-8")
    sheet = ledger(tmp_path / "更正.xlsx", ["编号", "日期", "数值"], ["signed-amount", "2025-09-30", 231.9],
                   ["signed-amount", "2025-10-31", 262.7])
    assert run(capsys, str(sheet), "--data", str(lived), "--apply")[0] == 0
    sheet = ledger(tmp_path / "更正2.xlsx", ["编号", "日期", "数值"], ["signed-amount", "2025-09-30", 220])
    code, out, err = run(capsys, str(sheet), "--data", str(lived))
    assert out[2] == ("第 2 行  签约额：220 亿元（截至 2025-09-30）记入历史，不改变当前的 262.7 亿元（截至 2025-10-31）"
                      "  ？2025-09-30 已有 231.9 亿元，新填的是 220 亿元：以哪个为准？")
    code, out, err = run(capsys, str(sheet), "--data", str(lived), "--apply")
    assert code == 2 and "--accept-outliers" in err
    assert journal_text != journal.journal_path(lived).read_text(encoding="utf-8")  # the first sheet's, only
    assert [c[2] for c in recorded(lived)][-1] == Quantity(262.7, "亿元")


@pytest.mark.parametrize("layout", ["id", "name"])
def test_a_target_whose_name_says_total_is_not_a_total_row(year, tmp_path, capsys, layout):
    with year.open("a", encoding="utf-8") as file:
        file.write('\n[[target]]\nid = "fdi"\nname = "引进外资合计"\ntarget = { value = 5, unit = "亿元" }\n')
    first = ["编号", "名称"] if layout == "id" else ["名称"]
    row = ["fdi", "引进外资合计"] if layout == "id" else ["引进外资合计"]
    sheet = ledger(tmp_path / "台账.xlsx", [*first, "日期", "数值"], [*row, "2025-09-30", 3],
                   [*([None] if layout == "id" else []), "合计", None, 3])
    code, out, err = run(capsys, str(sheet), "--data", str(year))
    assert code == 0, err
    assert out[2:] == ["第 2 行  引进外资合计：— → 3 亿元（截至 2025-09-30）", "跳过合计行：第 3 行"]


def test_a_wide_row_that_goes_down_is_asked_whether_it_is_each_months_amount(year, tmp_path, capsys):
    sheet = ledger(tmp_path / "月报.xlsx", ["编号", "1月", "2月", "3月", "4月"], ["new-projects", 2, 2, 3, 1])
    code, out, err = run(capsys, str(sheet), "--data", str(year))
    question = "  ？各月数值有减少：这一行像是当月数，若是请加 --monthly"
    assert out[2:] == ["第 2 行  新签约产业项目：2 个 → 2 个（截至 2025-02-28）" + question,
                       "第 2 行  新签约产业项目：2 个 → 3 个（截至 2025-03-31）" + question,
                       "第 2 行  新签约产业项目：3 个 → 1 个（截至 2025-04-30）" + question]
    assert "有 1 行的数看来有误" in err  # one row of the sheet, though it makes three updates
    code, out, err = run(capsys, str(sheet), "--data", str(year), "--apply")
    assert code == 2 and "--accept-outliers" in err and not journal.journal_path(year).exists()
    assert "1 行的数看来有误，未记录任何一行" in err


def test_a_figure_below_the_one_in_force_before_it_is_asked_whether_it_is_a_months_own(lived, tmp_path, capsys):
    """A sheet of each month's own signings (1, 2, 2, 3: never going down) read as running totals:
    新签约产业项目 stood at 24 by August; September's 3 would replace it without a word. It is asked,
    once, and recorded only with --accept-outliers."""
    sheet = ledger(tmp_path / "月报.xlsx", ["编号", "9月", "10月"], ["new-projects", 3, 4],
                   ["signed-amount", 200, 210])  # growing past 196.1: not asked
    code, out, err = run(capsys, str(sheet), "--data", str(lived))
    assert out[2:4] == ["第 2 行  新签约产业项目：24 个 → 3 个（截至 2025-09-30）"
                        "  ？比 2025-08-31 的 24 个 少：全年累计数一般只增不减，是否填成了当月数？",
                        "第 2 行  新签约产业项目：3 个 → 4 个（截至 2025-10-31）"]  # going up from 3: not asked
    assert all("？" not in line for line in out[4:])
    code, out, err = run(capsys, str(sheet), "--data", str(lived), "--apply")
    assert code == 2 and "--accept-outliers" in err
    code, out, err = run(capsys, str(sheet), "--data", str(lived), "--apply", "--accept-outliers")
    assert code == 0, err


def test_an_id_that_contradicts_the_name_beside_it_is_refused(lived, tmp_path, capsys):
    """编号 signed-amount (签约额) beside the name 新签约产业项目: a row pasted under the wrong id.
    Recorded by its id, 15 个 became 15 亿元 of 签约额 without a word."""
    sheet = ledger(tmp_path / "台账.xlsx", ["编号", "名称", "日期", "数值"],
                   ["signed-amount", "新签约产业项目", "2025-09-30", 215.6],
                   ["new-projects", "新签约产业项目", "2025-09-30", 26])
    code, out, err = run(capsys, str(sheet), "--data", str(lived), "--apply")
    assert code == 2 and not [c for c in recorded(lived) if c[3] == dt.date(2025, 9, 30)]
    assert "台账.xlsx:2:2: “名称”列: “新签约产业项目”是 new-projects 的名称，而这一行的编号 signed-amount 是“签约额”" in err
    assert ":3:" not in err  # the row whose id and name agree is not blamed


@pytest.mark.parametrize("how", ["hidden", "filtered"])
def test_rows_the_sheet_hides_are_not_imported_and_said(lived, tmp_path, capsys, how):
    """A draft row hidden under the table (or filtered out by the sheet's filter) is not what the
    office sees, nor sends: not read, and its row named in the preview."""
    from openpyxl import load_workbook

    sheet = ledger(tmp_path / "台账.xlsx", ["编号", "日期", "数值"], ["new-projects", "2025-09-30", 26],
                   ["new-projects", "2025-10-31", 40], ["signed-amount", "2025-09-30", 215.6])
    book = load_workbook(sheet)
    if how == "filtered":
        book.active.auto_filter.ref = "A1:C4"
    book.active.row_dimensions[3].hidden = True
    book.save(sheet)
    code, out, err = run(capsys, str(sheet), "--data", str(lived), "--apply")
    assert code == 0, err
    assert out[1].endswith("（跳过隐藏的第 3 行：表格里看不到的不导入）")
    assert [(c[0], c[2].value) for c in recorded(lived)[-2:]] == [("new-projects", 26), ("signed-amount", 215.6)]
    assert all("40" not in line for line in out)


def test_a_wide_row_summed_past_twice_the_target_is_asked_whether_it_is_running_totals(year, tmp_path, capsys):
    # new-projects: 30 个 for the year; 2, 4, 7, 9, 20, 25 summed is 67
    sheet = ledger(tmp_path / "月报.xlsx", ["编号", "1月", "2月", "3月", "4月", "5月", "6月"],
                   ["new-projects", 2, 4, 7, 9, 20, 25])
    code, out, err = run(capsys, str(sheet), "--data", str(year), "--monthly")
    assert out[-1] == ("第 2 行  新签约产业项目：42 个 → 67 个（截至 2025-06-30）；当月 25 个，累计 67 个"
                       "  ？各月数值从不减少，加起来是 67 个：这一行像是累计数，若是请去掉 --monthly")
    assert "有 1 行的数看来有误" in err  # one row of the sheet, five updates
    fine = ledger(tmp_path / "当月.xlsx", ["编号", "1月", "2月", "3月"], ["new-projects", 2, 2, 3])
    code, out, err = run(capsys, str(fine), "--data", str(year), "--monthly")
    assert "？" not in "".join(out) and "看来有误" not in err


def test_an_unclosed_quote_in_a_csv_note_is_refused_where_it_opens(lived, tmp_path, capsys):
    sheet = tmp_path / "q.csv"
    sheet.write_text('编号,日期,数值,备注\n'
                     'new-projects,2025-09-30,18,"含两个\n'
                     'signed-amount,2025-09-30,215.6,\n'
                     'new-starts,2025-09-30,9,\n', encoding="utf-8")
    code, out, err = run(capsys, str(sheet), "--data", str(lived), "--apply")
    assert code == 2
    assert "q.csv:2:4: “备注”列: 这一格跨了第 2–4 行：多半是引号没有配对，吞掉了后面的行；请检查这一格的引号" in err
    quoted = tmp_path / "n.csv"  # a note of two lines, as a note may be
    quoted.write_text('编号,日期,数值,备注\nnew-projects,2025-09-30,18,"第一行\n第二行"\n', encoding="utf-8")
    code, out, err = run(capsys, str(quoted), "--data", str(lived))
    assert code == 0, err


@pytest.mark.parametrize("title, place", [
    ("2025年航空港区重点指标台账", "航空港区"),
    ("关于报送郑州航空港经济综合实验区2025年9月台账的函", "郑州航空港经济综合实验区"),
    ("新郑市2025年9月重点指标台账", "新郑市"),
    ("东河湾区2025年9月重点指标台账", "东河湾区"),
])
def test_a_title_naming_another_district_anywhere_is_refused(year, tmp_path, capsys, title, place):
    sheet = ledger(tmp_path / "t.xlsx", [title], ["编号", "日期", "数值"], ["new-projects", "2025-09-30", 3])
    code, out, err = run(capsys, str(sheet), "--data", str(year), "--apply")
    assert code == 2
    assert f"t.xlsx:1: 表格标题写的是“{place}”，本数据文件是“示例（虚构）河湾区”的：不是本区的台账，未导入" in err
    assert not journal.journal_path(year).exists()


def test_a_sheet_or_a_file_named_for_another_district_is_refused(year, tmp_path, capsys):
    """A workbook of a sheet per district with 航空港区 first, or a file named 航空港区9月台账.xlsx: the
    only word of whose it is, and it is not this district's. The sheet named for this one is read
    when chosen."""
    rows = (["编号", "日期", "数值"], ["new-projects", "2025-09-30", 3])
    book = ledger(tmp_path / "各区.xlsx", sheets={"航空港区": rows, "河湾区": rows})
    code, out, err = run(capsys, str(book), "--data", str(year), "--apply")
    assert code == 2 and "工作表名“航空港区”写的是“航空港区”" in err and "请用 --sheet 指定" in err
    named = ledger(tmp_path / "航空港区9月台账.xlsx", *rows)
    code, out, err = run(capsys, str(named), "--data", str(year), "--apply")
    assert code == 2 and "文件名“航空港区9月台账”写的是“航空港区”" in err
    assert not journal.journal_path(year).exists()
    code, out, err = run(capsys, str(book), "--data", str(year), "--sheet", "河湾区", "--apply")
    assert code == 0, err
    assert recorded(year)[-1][:2] == ("new-projects", "current")



@pytest.mark.parametrize("header, cell", [
    ("县（市、区）", "航空港区"), ("县(市区)", "航空港区"), ("所在区", "航空港区"), ("属地", "航空港区"),
    ("地区名称", "航空港区"), ("单位名称", "航空港区商务局"), ("责任单位", "航空港区发改委"), ("辖区", "航空港区"),
    ("填报单位", "航空港区商务局"), ("地市", "开封市"), ("地区", "东河湾区"), ("地区", "湾区"),
])
def test_a_district_column_by_any_name_naming_another_district_is_refused(year, tmp_path, capsys, header, cell):
    sheet = ledger(tmp_path / "a.xlsx", [header, "编号", "日期", "数值"], [cell, "new-projects", "2025-09-30", 3])
    code, out, err = run(capsys, str(sheet), "--data", str(year), "--apply")
    assert code == 2, out
    assert f"a.xlsx:2:1: “{header}”列: 这一行是“{cell}”的，本数据文件是“示例（虚构）河湾区”的：不是本区的数据，未导入" in err


@pytest.mark.parametrize("header, cell", [("县（市、区）", "河湾区"), ("责任单位", "区商务局"), ("填报单位", "河湾区商务局"),
                                          ("地市", "示例市"), ("地区", "示例市河湾区")])
def test_the_own_district_by_any_name_is_read(year, tmp_path, capsys, header, cell):
    sheet = ledger(tmp_path / "a.xlsx", ["示例市河湾区2025年9月台账"], [header, "编号", "日期", "数值"],
                   [cell, "new-projects", "2025-09-30", 3])
    code, out, err = run(capsys, str(sheet), "--data", str(year))
    assert code == 0, err
    assert out[2] == "第 3 行  新签约产业项目：2 个 → 3 个（截至 2025-09-30）"


@pytest.mark.parametrize("figure", [18, "18"])
def test_a_figure_merged_down_two_rows_is_not_copied_into_the_second(year, tmp_path, capsys, figure):
    sheet = ledger(tmp_path / "m.xlsx", ["编号", "日期", "数值"], ["new-projects", "2025-09-30", figure],
                   ["new-starts", "2025-09-30", None], merge=["C2:C3"])
    code, out, err = run(capsys, str(sheet), "--data", str(year), "--apply")
    assert code == 2
    assert "m.xlsx:3:3: “数值”列: 第 3 行的数值是与上一行合并的单元格；请拆分后每行填写" in err
    assert not journal.journal_path(year).exists()
    dates = ledger(tmp_path / "d.xlsx", ["编号", "日期", "数值"], ["new-projects", "2025-09-30", 18],
                   ["new-starts", None, 9], merge=["B2:B3"])  # a date merged down is the date of both
    code, out, err = run(capsys, str(dates), "--data", str(year))
    assert code == 0, err


def test_a_hidden_sheet_is_skipped_unless_chosen_and_said_either_way(year, tmp_path, capsys):
    from openpyxl import load_workbook

    path = ledger(tmp_path / "h.xlsx", sheets={
        "旧": [["编号", "日期", "数值"], ["new-projects", "2025-09-30", 99]],
        "九月": [["编号", "日期", "数值"], ["new-projects", "2025-09-30", 18]]})
    book = load_workbook(path)
    book["旧"].sheet_state = "hidden"
    book.save(path)
    code, out, err = run(capsys, str(path), "--data", str(year))
    assert code == 0, err
    assert out[1:3] == ["读取 h.xlsx 的工作表“九月”，第 1 行为表头（跳过隐藏的工作表 “旧”）",
                        "第 2 行  新签约产业项目：2 个 → 18 个（截至 2025-09-30）"]
    code, out, err = run(capsys, str(path), "--data", str(year), "--sheet", "旧", "--accept-outliers")
    assert out[1:3] == ["读取 h.xlsx 的工作表“旧”，第 1 行为表头（这是隐藏的工作表）",
                        "第 2 行  新签约产业项目：2 个 → 99 个（截至 2025-09-30）  ？是 2025-01-31 的 2 个 的 49.5 倍：单位或小数点是否有误？"]


@pytest.mark.parametrize("written, said", [
    ("2 20", "数字中间有空格：请删去空格（或改正为一个数）"), ("2\u300020", "数字中间有空格"),
    ("36.5", "个数应为整数（个），实为“36.5”"), ("8,900.7", "个数应为整数（个），实为“8,900.7”"),
    (0.00001, "个数应为整数（个），实为“1e-05”"),
])
def test_a_space_inside_digits_and_a_fractional_count_are_refused(year, tmp_path, capsys, written, said):
    sheet = ledger(tmp_path / "n.xlsx", ["编号", "日期", "数值"], ["new-projects", "2025-09-30", written])
    code, out, err = run(capsys, str(sheet), "--data", str(year), "--apply", "--accept-outliers")
    assert code == 2, out
    assert f"n.xlsx:2:3: “数值”列: {said}" in err
    assert not journal.journal_path(year).exists()


@pytest.mark.parametrize("typed, unit, message", [
    ("2 20", "亿元", "数字中间有空格"), ("36.5", "个", "个数应为整数"), ("0.00001", "个", "个数应为整数"),
    ("8,900.7 户", "户", "个数应为整数"),
])
def test_the_form_and_record_refuse_them_too(typed, unit, message):
    from erqi_tui.store import edits

    with pytest.raises(ValueError, match=message):
        edits.parse_quantity(typed, unit, lang=ZH)


def test_record_refuses_a_fractional_count(year, capsys):
    code = cli.main(["record", "--data", str(year), "--user", "王", "--target", "new-projects", "--value", "0.00001",
                     "--date", "2025-09-30"])
    assert code == 2 and "个数应为整数（个）" in capsys.readouterr().err
    assert not journal.journal_path(year).exists()


def test_a_unit_in_the_cell_after_its_label(lived, tmp_path, capsys):
    sheet = ledger(tmp_path / "台账.xlsx", ["填报单位：", "河湾区商务局", "单位：", "万元"], ["编号", "日期", "数值"],
                   ["signed-amount", "2025-09-30", 2000000])
    code, out, err = run(capsys, str(sheet), "--data", str(lived))
    assert out[2:] == ["第 3 行  签约额：196.1 亿元 → 200 亿元（截至 2025-09-30）；2,000,000 万元 = 200 亿元",
                       "第 1 行写明“单位：万元”：没有注明单位的金额按万元读"]


def test_a_column_of_january_to_a_month_is_that_months_running_total(year, tmp_path, capsys):
    sheet = ledger(tmp_path / "月报.xlsx", ["编号", "1-2月", "1～3月", "2025年1-4月"], ["new-projects", 4, 7, 9])
    code, out, err = run(capsys, str(sheet), "--data", str(year))
    assert code == 0, err
    assert out[2:] == ["第 2 行  新签约产业项目：2 个 → 4 个（截至 2025-02-28）",
                       "第 2 行  新签约产业项目：4 个 → 7 个（截至 2025-03-31）",
                       "第 2 行  新签约产业项目：7 个 → 9 个（截至 2025-04-30）"]


@pytest.mark.parametrize("written", ["45930", 45930.5, "45930.5", "20250930", 20250930, "2025-09-30T00:00:00"])
def test_more_dates_as_offices_write_them(year, tmp_path, capsys, written):
    sheet = ledger(tmp_path / "d.xlsx", ["编号", "日期", "数值"], ["new-projects", written, 12])
    code, out, err = run(capsys, str(sheet), "--data", str(year))
    assert code == 0, err
    assert out[2] == "第 2 行  新签约产业项目：2 个 → 12 个（截至 2025-09-30）"


@pytest.mark.parametrize("text, other", [
    ("河南省郑州市2025年9月重点指标台账", None), ("郑州市二七区2025年9月台账", None), ("二七区城市更新重点项目台账", None),
    ("2025年城市更新片区台账", None), ("新郑市2025年9月重点指标台账", "新郑市"), ("郑州市金水区2025年台账", "金水区"),
    ("郑州市各区县2025年9月重点指标台账", None),  # every district: the city's own sheet, not another district
    ("金水 区2025年台账", "金水区"), ("二 七 区2025年台账", None),  # spaced out to fill a cell
])
def test_places_in_a_title_as_an_official_reads_them(text, other):
    from erqi_tui.core.written import other_place

    assert other_place(text, "二七区", "郑州市") == other
    assert other_place("示例市航空港区台账", "示例（虚构）河湾区", "示例市") == "航空港区"
    assert other_place("示例市2025年台账", "示例（虚构）河湾区", "示例市") is None


# --- the sheet's XML read as openpyxl reads it --------------------------------------------------------

def _rows_both_ways(path):
    """A workbook's first sheet as ledger_sheet reads it (expat) and through openpyxl's cells."""
    from zipfile import ZipFile

    from openpyxl import load_workbook

    from erqi_tui.exchange import ledger_sheet

    book = load_workbook(path, read_only=True, data_only=True)
    sheet = book.worksheets[0]
    with ZipFile(path) as archive:
        xml = archive.read(sheet._worksheet_path.lstrip("/"))
    fast = list(ledger_sheet._sheet_values(path, sheet, xml, lang=ZH))
    sheet.reset_dimensions()
    slow = list(ledger_sheet._cell_values(path, sheet, lang=ZH))
    book.close()
    return fast, slow


def test_the_sheets_xml_reads_as_openpyxls_cells_read_it(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["编号", "日期", "数值", "真假", "备注"])
    sheet.append(["new-projects", dt.datetime(2025, 9, 30), 0.965, True, "含 <两个> & “引号”"])
    sheet.append([None, dt.date(2025, 9, 30), 1e16, False, "=1/0"])
    sheet.append([])
    sheet.append(["合计", None, 12345678901234567890, None, " 前后空格 "])
    sheet["E10"] = "跳过几行"
    sheet["C2"].number_format = "0.0%"
    sheet["C3"].number_format = '"完成率%"0'  # a % sign quoted: not a percentage
    sheet["B3"].number_format = "yyyy年m月d日"
    path = tmp_path / "kinds.xlsx"
    book.save(path)
    fast, slow = _rows_both_ways(path)
    assert fast == slow and [type(v).__name__ for v in fast[1]] == ["str", "datetime", "Percent", "bool", "str"]
    assert len(fast) == 10 and fast[3] == fast[5] == [] and fast[9] == [None, None, None, None, "跳过几行"]

    write_only = Workbook(write_only=True)  # inline strings, as programs write them
    other = write_only.create_sheet("台账")
    other.append(["编号", "数值", "备注"])
    other.append(["new-projects", 18, "行一\n行二"])
    write_only.save(tmp_path / "inline.xlsx")
    fast, slow = _rows_both_ways(tmp_path / "inline.xlsx")
    assert fast == slow == [["编号", "数值", "备注"], ["new-projects", 18, "行一\n行二"]]


def test_a_sheet_written_by_hand_reads_as_openpyxl_reads_it(tmp_path):
    """Prefixed names, rows and cells without their reference, rich text with a reading (rPh), an
    error, a formula's text, a cell past the last: as openpyxl reads them."""
    from zipfile import ZipFile

    ledger(tmp_path / "base.xlsx", ["x"])
    sheet_xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>编号</x:t></x:is></x:c>'
        '<x:c t="inlineStr"><x:is><x:r><x:t>数</x:t></x:r><x:r><x:t xml:space="preserve">值 </x:t></x:r>'
        '<x:rPh sb="0" eb="1"><x:t>shu</x:t></x:rPh></x:is></x:c></x:row>'
        '<x:row><x:c r="A2" t="str"><x:f>"new-"&amp;"projects"</x:f><x:v>new-projects</x:v></x:c>'
        '<x:c r="B2" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="D2"><x:v>1.5E3</x:v></x:c></x:row>'
        '<x:row r="4"><x:c r="B4" t="b"><x:v>1</x:v></x:c><x:c r="C4"><x:v></x:v></x:c></x:row>'
        '</x:sheetData></x:worksheet>')
    path = tmp_path / "hand.xlsx"
    with ZipFile(tmp_path / "base.xlsx") as source, ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, sheet_xml.encode() if item.filename == "xl/worksheets/sheet1.xml" else data)
    fast, slow = _rows_both_ways(path)
    assert fast == slow == [["编号", "数值 "], ["new-projects", "#DIV/0!", None, 1500.0], [], [None, True, None]]


# --- rules of thumb that must not ask wrongly ---------------------------------------------------------

@pytest.mark.parametrize("title", ["2025年乡村振兴示范区建设重点指标台账", "高质量发展先行区9月台账",
                                   "产业集聚区2025年9月重点指标台账", "中央商务区重点项目台账"])
def test_a_title_naming_a_kind_of_zone_is_not_another_district(year, tmp_path, capsys, title):
    sheet = ledger(tmp_path / "t.xlsx", [title], ["编号", "日期", "数值"], ["new-projects", "2025-09-30", 3])
    code, out, err = run(capsys, str(sheet), "--data", str(year))
    assert code == 0, err
    assert out == head(year, sheet, 2) + ["第 3 行  新签约产业项目：2 个 → 3 个（截至 2025-09-30）"]


def test_a_multi_line_note_with_commas_in_a_csv_is_a_note(lived, tmp_path, capsys):
    sheet = tmp_path / "n.csv"
    sheet.write_text('编号,日期,数值,备注\n'
                     'new-projects,2025-09-30,28,"含两个外资项目，\n其中 1,200 万元, 来自港资, 见附件"\n'
                     'signed-amount,2025-09-30,215.6,"第一行\nA,B,C,D"\n', encoding="utf-8")
    code, out, err = run(capsys, str(sheet), "--data", str(lived), "--apply")
    assert code == 0, err
    assert out[2:] == ["第 2 行  新签约产业项目：24 个 → 28 个（截至 2025-09-30）",
                       "第 4 行  签约额：196.1 亿元 → 215.6 亿元（截至 2025-09-30）"]
    notes = [c.note for c in store.load(lived).changes[-2:]]
    assert notes == ["含两个外资项目，\n其中 1,200 万元, 来自港资, 见附件", "第一行\nA,B,C,D"]


def test_rows_swallowed_by_an_unclosed_quote_are_still_refused_whatever_their_ids(lived, tmp_path, capsys):
    sheet = tmp_path / "q.csv"
    sheet.write_text('编号,日期,数值,备注\n'
                     'new-projects,2025-09-30,18,"含两个\n'
                     'signed-amout,2025-09-30,215.6,\n', encoding="utf-8")  # a mistyped id: still a row
    code, out, err = run(capsys, str(sheet), "--data", str(lived), "--apply")
    assert code == 2 and "q.csv:2:4: “备注”列: 这一格跨了第 2–3 行：多半是引号没有配对" in err


def test_counts_under_a_sheet_wide_unit_of_money_are_read_in_their_own_unit(lived, tmp_path, capsys):
    sheet = ledger(tmp_path / "台账.xlsx", ["河湾区2025年9月重点指标台账"], ["单位：万元"], ["编号", "日期", "数值"],
                   ["signed-amount", "2025-09-30", 2000000], ["new-projects", "2025-09-30", 28],
                   ["one-window", "2025-09-30", 97])
    code, out, err = run(capsys, str(sheet), "--data", str(lived), "--apply")
    assert code == 0, err
    assert out[2:] == ["第 4 行  签约额：196.1 亿元 → 200 亿元（截至 2025-09-30）；2,000,000 万元 = 200 亿元",
                       "第 5 行  新签约产业项目：24 个 → 28 个（截至 2025-09-30）",
                       "第 6 行  一网通办率：96 % → 97 %（截至 2025-09-30）",
                       "第 2 行写明“单位：万元”：没有注明单位的金额按万元读"]
    assert [c[2] for c in recorded(lived)[-3:]] == [Quantity(200, "亿元"), Quantity(28, "个"), Quantity(97, "%")]


# --- quarter columns ---------------------------------------------------------------------------------

def test_quarter_columns_among_the_months_are_read_as_running_totals_or_said(year, tmp_path, capsys):
    """一季度 and 上半年 are running totals, read beside the months' (they agree with 3月 and 6月: one
    figure each); 4-6月 and Q2 are the quarter's own, said and not read."""
    sheet = ledger(tmp_path / "月报.xlsx", ["编号", "1月", "2月", "3月", "一季度", "4月", "5月", "6月", "4-6月", "Q2", "上半年"],
                   ["new-projects", 2, 4, 7, 7, 9, 11, 12, 5, 5, 12])
    code, out, err = run(capsys, str(sheet), "--data", str(year), "--apply")
    assert code == 0, err
    assert out[2:] == ["第 2 行  新签约产业项目：2 个 → 4 个（截至 2025-02-28）",
                       "第 2 行  新签约产业项目：4 个 → 7 个（截至 2025-03-31）",
                       "第 2 行  新签约产业项目：7 个 → 9 个（截至 2025-04-30）",
                       "第 2 行  新签约产业项目：9 个 → 11 个（截至 2025-05-31）",
                       "第 2 行  新签约产业项目：11 个 → 12 个（截至 2025-06-30）",
                       "未读取的列：4-6月、Q2（跨几个月的合计；已按各月的列读取）"]
    assert [(c[2].value, c[3].month) for c in recorded(year)] == [(4, 2), (7, 3), (9, 4), (11, 5), (12, 6)]


def test_a_quarterly_ledger_reads_the_running_totals_and_says_what_it_cannot_tell(year, tmp_path, capsys):
    sheet = ledger(tmp_path / "季报.xlsx", ["编号", "一季度", "二季度", "上半年", "7-9月", "三季度（累计）"],
                   ["new-projects", 7, 5, 12, 6, 18])
    code, out, err = run(capsys, str(sheet), "--data", str(year), "--apply")
    assert code == 0, err
    assert out[2:] == ["第 2 行  新签约产业项目：2 个 → 7 个（截至 2025-03-31）",
                       "第 2 行  新签约产业项目：7 个 → 12 个（截至 2025-06-30）",
                       "第 2 行  新签约产业项目：12 个 → 18 个（截至 2025-09-30）",
                       "未读取的列：二季度、7-9月：是这几个月的数还是年初以来的累计，表头没有写明；请改用累计的列（1-9月、前三季度，"
                       "或写明 三季度（累计）），或每月一列"]
    assert [(c[2].value, c[3].month) for c in recorded(year)] == [(7, 3), (12, 6), (18, 9)]


@pytest.mark.parametrize("header, month", [("前三季度", 9), ("Q1", 3), ("2025年1-9月", 9), ("第一季度", 3)])
def test_a_quarter_from_january_is_its_running_total(year, tmp_path, capsys, header, month):
    sheet = ledger(tmp_path / "季报.xlsx", ["编号", header], ["new-projects", 18])
    code, out, err = run(capsys, str(sheet), "--data", str(year))
    assert code == 0, err
    assert out[2].startswith(f"第 2 行  新签约产业项目：2 个 → 18 个（截至 2025-{month:02d}-")


def test_a_sheet_of_quarters_that_cannot_be_told_has_a_header_and_says_why_nothing_is_read(year, tmp_path, capsys):
    sheet = ledger(tmp_path / "季报.xlsx", ["编号", "三季度", "四季度"], ["new-projects", 6, 9])
    code = cli.main(["--lang", "en", "import", "--user", "王", str(sheet), "--data", str(year)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.splitlines()[2:] == [
        "Not read: 三季度, 四季度: the header does not say whether these are those months' own figures or the running "
        "totals since January; use running totals (1-9月, 前三季度, or say so: 三季度（累计）) or a column per month",
        "1 row skipped (nothing to change)"]
    assert "the sheet has nothing to record" in err



# --- a month's own amount beside running totals (red team) --------------------------------------------

def csv_sheet(tmp_path, text, name="s.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("header", ["指标,1-9月累计,9月当月", "指标,累计1-9月,9月（当月）"])
def test_a_running_total_beside_a_months_own_amount_is_what_is_recorded(erqi, tmp_path, capsys, header):
    """签约额 stands at 107.96 亿元 on 2024-05-31: 1-9月累计 250 is September's running total; 9月当月
    30 is September's own, which says the end of August was 220 (recorded nowhere: nothing to ask)."""
    sheet = csv_sheet(tmp_path, f"{header}\n签约额,250,30\n")
    code, out, err = run(capsys, str(sheet), "--data", str(erqi), "--apply")
    assert code == 0, err
    assert out[2:] == ["第 2 行  签约额：107.96 亿元 → 250 亿元（截至 2024-09-30）；当月 30 亿元，累计 250 亿元"]
    assert recorded(erqi)[-1][2:] == (Quantity(250, "亿元"), dt.date(2024, 9, 30))


@pytest.mark.parametrize("header, question", [
    ("指标,9月,1-9月", "？“9月”列是 250 亿元，“1-9月”列是 30 亿元：以“1-9月”为准；若“9月”是当月数，请写明“9月（当月）”或加 --monthly"),
    ("指标,9月(当月),1-9月", "？各月当月数加起来超过了“1-9月”列的累计 30 亿元：是否填反了？"),
])
def test_a_months_column_that_disagrees_with_the_running_total_is_asked(erqi, tmp_path, capsys, header, question):
    sheet = csv_sheet(tmp_path, f"{header}\n签约额,250,30\n")
    code, out, err = run(capsys, str(sheet), "--data", str(erqi))
    assert code == 0, err
    assert out[2].startswith("第 2 行  签约额：107.96 亿元 → 30 亿元（截至 2024-09-30）") and out[2].endswith(question)
    code, out, err = run(capsys, str(sheet), "--data", str(erqi), "--apply")
    assert code == 2 and "--accept-outliers" in err and not journal.journal_path(erqi).exists()


def test_a_bare_month_beside_its_running_total_is_its_own_amount_when_the_month_before_says_so(erqi, tmp_path, capsys):
    """9月 30 beside 1-9月 137.96, with 107.96 recorded at the end of August: 9月 is September's own."""
    assert cli.main(["record", "--data", str(erqi), "--target", "signed-amount", "--value", "107.96",
                     "--date", "2024-08-31", "--user", "王"]) == 0
    capsys.readouterr()
    sheet = csv_sheet(tmp_path, "指标,9月,1-9月\n签约额,30,137.96\n")
    code, out, err = run(capsys, str(sheet), "--data", str(erqi))
    assert code == 0, err
    assert "？" not in "".join(out) and "当月 30 亿元，累计 137.96 亿元" in out[2]


def test_months_own_amounts_from_july_are_refused_when_nothing_gives_june(erqi, tmp_path, capsys):
    """7月 8月 9月 30 each, --monthly: January–June are not 0 (107.96 by May's end); nothing gives
    the end of June, so nothing is recorded, and the sheet says where."""
    sheet = csv_sheet(tmp_path, "指标,7月,8月,9月\n签约额,30,30,30\n")
    code, out, err = run(capsys, str(sheet), "--data", str(erqi), "--monthly", "--apply")
    assert code == 2 and not journal.journal_path(erqi).exists()
    assert ("s.csv:2:2: “7月”列: 7月是当月数，而 6 月末的累计数既没有记录，表中也没有给出：不能把前几个月当作 0；"
            "请从 1 月填起，或加一列年初以来的累计（如 1-9月）") in err


def test_months_own_amounts_are_added_to_the_figure_recorded_at_the_month_before(erqi, tmp_path, capsys):
    """6月 7月 --monthly: added to 107.96 亿元, recorded at the end of May."""
    sheet = csv_sheet(tmp_path, "指标,6月,7月\n签约额,30,30\n")
    code, out, err = run(capsys, str(sheet), "--data", str(erqi), "--monthly", "--apply")
    assert code == 0, err
    assert out[2:] == ["第 2 行  签约额：107.96 亿元 → 137.96 亿元（截至 2024-06-30）；当月 30 亿元，累计 137.96 亿元",
                       "第 2 行  签约额：137.96 亿元 → 167.96 亿元（截至 2024-07-31）；当月 30 亿元，累计 167.96 亿元"]


@pytest.mark.parametrize("header, monthly", [("7月（当月）,8月（当月）,9月（当月）,1-9月", []),
                                             ("7月,8月,9月,1-9月", ["--monthly"])])
def test_months_own_amounts_before_a_running_total_are_counted_back_from_it(erqi, tmp_path, capsys, header, monthly):
    """7月 8月 9月（当月） beside 1-9月 250: the end of June was 160, so July is 190 and August 220.
    --monthly beside a 1-9月 column says the months are their own amounts, as 当月 does."""
    sheet = csv_sheet(tmp_path, f"指标,{header}\n签约额,30,30,30,250\n")
    code, out, err = run(capsys, str(sheet), "--data", str(erqi), *monthly)
    assert code == 0, err
    assert [line.split("：", 1)[1].split("；")[0] for line in out[2:]] == [
        "107.96 亿元 → 190 亿元（截至 2024-07-31）", "190 亿元 → 220 亿元（截至 2024-08-31）",
        "220 亿元 → 250 亿元（截至 2024-09-30）"]


@pytest.mark.parametrize("header, says", [
    (["编号", "完成值", "累计完成", "日期"], "c.xlsx:1:3: “累计完成”列: 与“完成值”列是同一项（数值），不知以哪列为准"),
    (["编号", "数值", "数值", "日期"], "c.xlsx:1:3: “数值”列: 与“数值”列是同一项（数值）"),
    (["编号", "完成值（当月）", "日期"], "c.xlsx:1:2: “完成值（当月）”列: 表头写明是当月数：数值列应为年初以来的累计"),
])
def test_a_value_column_that_may_not_be_the_running_total_is_refused(year, tmp_path, capsys, header, says):
    """Two columns that could each be the figure, the second once dropped without a word; or the one
    value column said to hold the month's own figure, once recorded as the running total."""
    row = ["new-projects", *([9, 30] if len(header) == 4 else [9]), "2025-09-30"]
    sheet = ledger(tmp_path / "c.xlsx", header, row)
    code, out, err = run(capsys, str(sheet), "--data", str(year), "--apply")
    assert code == 2 and says in err, err
    assert not journal.journal_path(year).exists()


def test_a_second_note_column_is_said_left_out(year, tmp_path, capsys):
    sheet = ledger(tmp_path / "n.xlsx", ["编号", "数值", "备注", "说明", "日期"], ["new-projects", 9, "甲", "乙", "2025-09-30"])
    code, out, err = run(capsys, str(sheet), "--data", str(year))
    assert code == 0 and "忽略的列：说明" in out, (out, err)


def test_a_quote_left_open_on_the_last_line_is_named_as_such(erqi, tmp_path, capsys):
    """A quote opened on the last line runs to the end of the file: said so, not as a cell that
    "spans lines 3–3"."""
    sheet = tmp_path / "q.csv"
    sheet.write_text('编号,数值,日期\nnew-projects,14,2024-06-01\nsigned-amount,"120,2024-06-01\n', encoding="utf-8")
    code, out, err = run(capsys, str(sheet), "--data", str(erqi))
    assert code == 2 and "q.csv:3:2: “数值”列: 这一格的引号没有配对：从引号起到文件末尾都读成了这一格" in err, err


# --- ledgers as offices make them (a tester's files) -------------------------------------------------

@pytest.mark.parametrize("header", ["完成值(1-5月)", "完成（5月）", "完成值(1-5月,个)", "1-5月完成（个）"])
def test_a_value_headed_with_its_months_is_the_months_figure_not_a_unit(erqi, tmp_path, capsys, header):
    """完成值(1-5月) was read as a figure in the unit “1-5月” and refused; it is the figure at May's
    end, as a column headed 1-5月 is; the 日期 column beside it is said not read."""
    sheet = ledger(tmp_path / "台账.xlsx", ["编号", header, "日期"], ["new-projects", 14, "2024-06-30"])
    code, out, err = run(capsys, str(sheet), "--data", str(erqi))
    assert code == 0, err
    assert out[2] == "第 2 行  新签约产业项目：13 个 → 14 个（截至 2024-05-31）"
    assert f"未读取的列：“日期”：按月份的列，数值截至各月月末（{header}：5 月末）" in out


def test_a_cell_only_formatted_far_down_the_sheet_is_blank_not_a_sheet_too_long(erqi, tmp_path, capsys):
    from openpyxl import load_workbook
    from openpyxl.styles import Border, Side

    sheet = ledger(tmp_path / "台账.xlsx", ["编号", "日期", "数值"], ["new-projects", "2024-06-30", 14])
    book = load_workbook(sheet)
    book.active["A1048576"].border = Border(bottom=Side(style="thin"))  # a border nobody sees
    book.save(sheet)
    code, out, err = run(capsys, str(sheet), "--data", str(erqi))
    assert code == 0 and "超过" not in err and out[2] == "第 2 行  新签约产业项目：13 个 → 14 个（截至 2024-06-30）"


def test_a_figure_in_a_cell_formatted_as_a_date_is_said_so(erqi, tmp_path, capsys):
    sheet = ledger(tmp_path / "台账.xlsx", ["编号", "日期", "数值"], ["new-projects", "2024-06-30", dt.datetime(2024, 5, 6)])
    code, out, err = run(capsys, str(sheet), "--data", str(erqi))
    assert code == 2 and "台账.xlsx:2:3: “数值”列: 是日期，不是数字：这一格多半设成了日期格式" in err


def test_a_header_over_two_rows_is_said_to_be_one(erqi, tmp_path, capsys):
    sheet = ledger(tmp_path / "台账.xlsx", ["编号", "名称", "完成情况", None, "日期"], [None, None, "本月", "累计", None],
                   ["new-projects", "新签约产业项目", 1, 14, "2024-06-30"], merge=["A1:A2", "B1:B2", "C1:D1", "E1:E2"])
    code, out, err = run(capsys, str(sheet), "--data", str(erqi))
    assert code == 2 and "台账.xlsx:2:1: “编号”列: 这一行重复了表头的“编号”：表头像是占了两行" in err


def test_a_period_in_the_title_dates_the_figures_not_the_day_the_sheet_was_filed(erqi, tmp_path, capsys):
    """二七区2024年1-6月重点指标 filed on 7月5日: the figures stand at June's end; they were dated
    07-05. A sheet whose title names no period keeps its 填报日期."""
    sheet = ledger(tmp_path / "台账.xlsx", ["二七区2024年1-6月重点指标完成情况"], ["填报单位：二七区商务局", None, "填报日期：2024年7月5日"],
                   ["编号", "名称", "完成值"], ["new-projects", "新签约产业项目", 14])
    code, out, err = run(capsys, str(sheet), "--data", str(erqi))
    assert code == 0, err
    assert "第 4 行  新签约产业项目：13 个 → 14 个（截至 2024-06-30）" in out
    assert "第 1 行写明“2024年1-6月”：数值截至 2024-06-30（第 2 行的 2024-07-05 是填报的日子）" in out
    plain = ledger(tmp_path / "台账2.xlsx", ["二七区重点指标完成情况"], ["填报日期：2024年7月5日"],
                   ["编号", "名称", "完成值"], ["new-projects", "新签约产业项目", 14])
    code, out, err = run(capsys, str(plain), "--data", str(erqi))
    assert "（截至 2024-07-05）" in "\n".join(out)


def test_running_totals_summed_as_each_months_own_are_asked(erqi, tmp_path, capsys):
    """--monthly over a sheet of running totals: 5月's 107.96 is the 签约额 in force at May's end,
    and summed the row made 537.96 亿元 (179%) without a word; the row is asked about."""
    sheet = ledger(tmp_path / "月报.xlsx", ["编号", "1月", "2月", "3月", "4月", "5月"], ["signed-amount", 10, 20, 30, 40, 107.96])
    code, out, err = run(capsys, str(sheet), "--data", str(erqi), "--monthly")
    assert "？“5月”的 107.96 亿元 正是 2024-05-31 已有的累计数：这一行像是累计数，若是请去掉 --monthly" in "\n".join(out)
    code, out, err = run(capsys, str(sheet), "--data", str(erqi), "--monthly", "--apply")
    assert code == 2 and not journal.journal_path(erqi).exists()


def test_a_hidden_column_is_not_read_and_said(erqi, tmp_path, capsys):
    """A hidden 完成值 beside the visible one (a draft, or last month's) was read without a word."""
    from openpyxl import load_workbook

    sheet = ledger(tmp_path / "台账.xlsx", ["编号", "日期", "数值", "备注"], ["new-projects", "2024-06-30", 14, "月报"])
    book = load_workbook(sheet)
    book.active.column_dimensions["D"].hidden = True
    book.active["E1"], book.active["E2"] = "完成值", 40  # a second value column, hidden with D…
    book.active.column_dimensions.group("D", "E", hidden=True)
    book.save(sheet)
    code, out, err = run(capsys, str(sheet), "--data", str(erqi))
    assert code == 0, err
    assert "（跳过隐藏的 D、E 列：表格里看不到的不导入）" in out[1]
    assert out[2] == "第 2 行  新签约产业项目：13 个 → 14 个（截至 2024-06-30）"  # not 40, not refused as two value columns
