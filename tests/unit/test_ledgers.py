"""Ledgers as offices make them (issue 23): each built here as an office would make it, with the
exact preview expected and what --apply records — and no figure recorded wrong without a word."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from openpyxl import Workbook

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
    for name in ("importing.py", "ledger_sheet.py", "ledger_values.py"):
        for node in ast.walk(ast.parse((folder / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and isinstance(node.args[0], ast.Constant):
                if node.args[0].value not in messages_en.EN:
                    missing.append(node.args[0].value)
    assert missing == []
