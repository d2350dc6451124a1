"""`erqi-tui import`: the office's spreadsheet in. A dry run says what would change and writes
nothing; --apply records every row, or none when one is wrong (named by its row and column)."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook, load_workbook

from erqi_tui import cli, store
from erqi_tui.store import journal
from erqi_tui.core.written import read_date


def run(*args: str) -> int:
    return cli.main(["import", "--user", "王", *args])


def workbook(path, rows, merge: str | None = None):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    book.save(path)
    return path


def test_a_sheet_as_excel_users_make_it(data, tmp_path, capsys):
    sheet = workbook(tmp_path / "台账.xlsx", [
        ["序号", "编号", "名称", "日期", "数值", "单位"],
        [1, "new-projects", "新签约产业项目", dt.datetime(2024, 6, 30), "15", "个"],  # a number stored as text
        [2, "signed-amount", "签约额", None, "1,025.5", None],  # thousands separator; the date merged from above
        [None, None, None, None, None, None],  # a blank row
        [3, "completions", "年内竣工投产项目", "2024年6月30日", 4, None],
        [4, "kangshifu", "康师傅", "2024/6/30", None, None],  # nothing to change: skipped
    ], merge="D2:D3")
    assert run(str(sheet), "--data", str(data)) == 0
    out, err = capsys.readouterr()
    assert "第 2 行  新签约产业项目：13 个 → 15 个（截至 2024-06-30）" in out
    assert "第 3 行  签约额：107.96 亿元 → 1,025.5 亿元（截至 2024-06-30）" in out
    assert "第 5 行  年内竣工投产项目：— → 4 个（截至 2024-06-30）" in out
    assert "跳过 1 行（没有改动）；忽略的列：序号" in out and "加 --apply 记录" in err
    assert not journal.journal_path(data).exists()  # a dry run writes nothing

    assert run(str(sheet), "--data", str(data), "--apply") == 0
    assert "已记录 3 条更新（第 1–3 条，王）" in capsys.readouterr().err
    dashboard = store.load(data)
    assert [(t.id, t.current.value, t.as_of) for t in dashboard.targets] == [
        ("new-projects", 15, dt.date(2024, 6, 30)), ("signed-amount", 1025.5, dt.date(2024, 6, 30)),
        ("completions", 4, dt.date(2024, 6, 30))]
    assert {c.who for c in dashboard.changes} == {"王"}
    assert run(str(sheet), "--data", str(data), "--apply") == 0  # the same sheet again: nothing new
    assert "没有要记录的改动" in capsys.readouterr().err and store.load(data).journal_entries == 3


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_utf8_with_or_without_bom_and_in_gb18030(data, tmp_path, capsys, encoding):
    text = "id,date,value,note\nsigned-amount,2024-06-30,140,六月报表\nkangshifu,2024-06-30,,\n"
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(text.encode(encoding))
    assert run(str(sheet), "--data", str(data), "--apply") == 0
    (change,) = store.load(data).changes
    assert (change.id, change.new.value, change.note) == ("signed-amount", 140, "六月报表")


def test_project_fields_by_their_chinese_headers(data, tmp_path, capsys):
    sheet = workbook(tmp_path / "p.xlsx", [["编号", "日期", "状态", "发展轴", "总投资"],
                                           ["kangshifu", "2024-07-01", "投产", "大学路", "12"]])
    assert run(str(sheet), "--data", str(data)) == 0
    out = capsys.readouterr().out
    assert "状态 开工 → 投产" in out and "发展轴 — → daxue" in out and "总投资 10 亿元 → 12 亿元" in out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_status_or_road_by_its_english_name_in_any_case_is_that_stage_or_axis(data, tmp_path, capsys, lang):
    """An English ledger (or an office writing what the English table shows) names a stage "Started"
    and an axis "Songshan Road": in either language of the UI each is read, in any case, as that
    stage or axis, and the journal records the stage's own name (开工) and the axis's id."""
    sheet = workbook(tmp_path / "p.xlsx", [["编号", "日期", "状态", "发展轴"],
                                           ["haiwang-tcm", "2024-07-01", "Started", "songshan road"],
                                           ["zhongshi-data", "2024-07-01", " in  PRODUCTION ", "DAXUE ROAD"],
                                           ["kangshifu", "2024-07-01", "开工", "Jingguang Road"]])
    assert cli.main(["--lang", lang, "import", "--user", "王", str(sheet), "--data", str(data)]) == 0
    out = capsys.readouterr().out  # the preview names a status as the session does
    assert ("Status In talks → Started" if lang == "en" else "状态 在谈 → 开工") in out
    assert cli.main(["--lang", lang, "import", "--user", "王", str(sheet), "--data", str(data), "--apply"]) == 0
    capsys.readouterr()
    projects = {p.id: p for p in store.load(data).projects}
    assert (projects["haiwang-tcm"].status, projects["haiwang-tcm"].axis) == ("开工", "songshan")
    assert (projects["zhongshi-data"].status, projects["zhongshi-data"].axis) == ("投产", "daxue")
    assert (projects["kangshifu"].status, projects["kangshifu"].axis) == ("开工", "jingguang")
    assert {(c.id, c.new) for c in store.load(data).changes if c.field == "status"} == {
        ("haiwang-tcm", "开工"), ("zhongshi-data", "投产")}


def test_a_status_or_road_that_is_none_lists_them_as_the_session_names_them(data, tmp_path, capsys):
    sheet = workbook(tmp_path / "p.xlsx", [["编号", "日期", "状态"], ["kangshifu", "2024-07-01", "Finished"]])
    assert cli.main(["--lang", "en", "import", "--user", "王", str(sheet), "--data", str(data), "--apply"]) == 2
    err = capsys.readouterr().err
    assert "expected one of: In talks, Signed, Started, In production (got “Finished”)" in err
    assert run(str(sheet), "--data", str(data), "--apply") == 2
    assert "应为：在谈、签约、开工、投产（实为“Finished”）" in capsys.readouterr().err
    sheet = workbook(tmp_path / "a.xlsx", [["编号", "日期", "发展轴"], ["kangshifu", "2024-07-01", "Yangtze Road"]])
    assert cli.main(["--lang", "en", "import", "--user", "王", str(sheet), "--data", str(data), "--apply"]) == 2
    assert '"Yangtze Road" names no axis (Songshan Road, Daxue Road, Jingguang Road)' in capsys.readouterr().err
    assert not journal.journal_path(data).exists()


def test_a_road_that_is_no_axis_is_named_at_its_cell(data, tmp_path, capsys):
    """The message fills in the text as written (it once crashed: its placeholder was called text)."""
    sheet = workbook(tmp_path / "p.xlsx", [["编号", "日期", "发展轴"], ["kangshifu", "2024-07-01", "长江路"]])
    assert run(str(sheet), "--data", str(data), "--apply") == 2
    err = capsys.readouterr().err
    assert "p.xlsx:2:3: “发展轴”列" in err and "“长江路”不是任何发展轴（" in err and "Traceback" not in err
    assert not journal.journal_path(data).exists()


@pytest.mark.parametrize("cells, where, expected", [
    (["nope", "2024-06-30", 1, None], ":2:1: “编号”列", "“nope”不是任何目标或项目的编号"),
    (["signed-amount", "2024-06-30", 1, "个"], ":2:3: “数值”列", "单位是“个”，而“亿元”不能由它换算"),
    (["signed-amount", "2023-12-31", 1, None], ":2:2: “日期”列", "不在 2024-01-01 至 2024-12-31 之间"),
    (["signed-amount", "下个月", 1, None], ":2:2: “日期”列", "应为日期"),
    (["signed-amount", "2024-02-30", 1, None], ":2:2: “日期”列", "2 月没有 30 日（实为“2024-02-30”）"),
    (["signed-amount", "2024-06-30", "很多", None], ":2:3: “数值”列", "应为数字，如 120.5"),
    (["signed-amount", None, 1, None], ":2:2: “日期”列", "为空"),
])
def test_one_bad_row_names_its_row_and_column_and_nothing_is_recorded(data, tmp_path, capsys, cells, where, expected):
    sheet = workbook(tmp_path / "bad.xlsx", [["编号", "日期", "数值", "单位"], cells,
                                             ["new-projects", "2024-06-30", 15, "个"]])  # a good row, not recorded either
    assert run(str(sheet), "--data", str(data), "--apply") == 2
    err = capsys.readouterr().err
    assert "表格（未记录任何一行）有 1 处问题" in err and f"bad.xlsx{where}" in err and expected in err
    assert not journal.journal_path(data).exists()


@pytest.mark.parametrize("written", ["9" * 400, "9" * 400 + ".5", "1000000000000000亿元"])
def test_a_figure_too_large_as_read_or_once_converted_is_refused_at_its_cell(data, tmp_path, capsys, written):
    """1e15 亿元 is within the limit as written but 1e19 in the target's 万元: refused in the preview,
    at its cell, as the store would refuse it on --apply."""
    with data.open("a", encoding="utf-8") as file:
        file.write('\n[[target]]\nid = "wan"\nname = "万元指标"\ntarget = { value = 5, unit = "万元" }\n')
    sheet = tmp_path / "big.csv"
    sheet.write_text(f"编号,日期,数值\nwan,2024-06-30,{written}\n", encoding="utf-8")
    assert run(str(sheet), "--data", str(data)) == 2
    assert "big.csv:2:3: “数值”列: 数值太大：最多 1e+15" in capsys.readouterr().err


def test_the_template_has_the_files_ids_and_names_and_imports_as_nothing(data, tmp_path, capsys):
    template = tmp_path / "台账.xlsx"
    assert run("--template", str(template), "--data", str(data)) == 0
    rows = list(load_workbook(template).active.iter_rows(values_only=True))
    assert rows[0][0] == "二七区2024年重点指标台账" and rows[1][0] == "填报单位：" and rows[1][4] == "填报日期："
    assert rows[3][:6] == ("序号", "编号", "名称", "单位", "完成值（累计）", "备注")
    assert (2, "signed-amount", "签约额", "亿元") == rows[5][:4]
    assert any(r[1] == "kangshifu" and r[6] == "开工" for r in rows)
    assert run(str(template), "--data", str(data)) == 0
    assert "没有要记录的改动" in capsys.readouterr().err


def test_not_a_spreadsheet_is_said_so(data, tmp_path, capsys):
    odd = tmp_path / "x.xlsx"
    odd.write_bytes(b"not a zip")
    assert run(str(odd), "--data", str(data)) == 2
    err = capsys.readouterr().err
    assert "文件已损坏，或不是 .xlsx 工作簿（不是 zip 压缩包）" in err and "File is not a zip" not in err  # in the user's words
    assert run(str(tmp_path / "x.pdf"), "--data", str(data)) == 2
    folder = tmp_path / "台账.xlsx"
    folder.mkdir()
    assert run(str(folder), "--data", str(data)) == 2
    assert "台账.xlsx: 是文件夹，应为电子表格（.xlsx 或 .csv）" in capsys.readouterr().err  # not "a TOML file"


def test_a_zip_bomb_is_refused_before_it_is_unpacked(data, tmp_path, capsys):
    import time
    import zipfile

    sheet = workbook(tmp_path / "sheet.xlsx", [["编号", "日期", "数值"], ["signed-amount", "2024-06-30", 120]])
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(sheet) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            with archive.open(member.filename, "w", force_zip64=True) as out:
                out.write(source.read(member))
                if member.filename == "xl/worksheets/sheet1.xml":  # the sheet itself, padded after its end
                    for _ in range(160):
                        out.write(b" " * (1024 * 1024))  # 160 MB: a few hundred kB in the zip
    assert bomb.stat().st_size < 1024 * 1024
    started = time.monotonic()
    assert run(str(bomb), "--data", str(data), "--apply") == 2
    assert time.monotonic() - started < 5  # refused, not unpacked
    assert "解压后有 160 MB，超过 100 MB" in capsys.readouterr().err
    assert store.load(data).journal_entries == 0


def test_a_cell_at_the_sheets_far_corner_is_refused_not_laid_out(data, tmp_path, capsys):
    for corner, said in (("A1000000", "far.xlsx:1000000: 工作表“Sheet”超过 200,000 行"), ("ZZ2", "far.xlsx:2: 这一行有 702 列，超过 200 列")):
        sheet = workbook(tmp_path / "far.xlsx", [["编号", "日期", "数值"], ["signed-amount", "2024-06-30", 120]])
        from openpyxl import load_workbook as load

        book = load(sheet)
        book.active[corner] = "x"
        book.save(sheet)
        assert run(str(sheet), "--data", str(data)) == 2
        assert said in capsys.readouterr().err


def rewritten(sheet, out, change):
    """`sheet` (an .xlsx) copied to `out` with its first worksheet's XML passed through `change`."""
    import zipfile

    with zipfile.ZipFile(sheet) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            body = source.read(member)
            archive.writestr(member.filename, change(body) if member.filename == "xl/worksheets/sheet1.xml" else body)
    return out


@pytest.mark.parametrize("merge", [
    b'<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',  # the whole sheet
    b'<mergeCells count="2"><mergeCell ref="A1:GR5000"/><mergeCell ref="A5001:B5001"/></mergeCells>',  # 1,000,002 cells
    b'<x:mergeCells xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<x:mergeCell ref="A1:&#88;FD9"/></x:mergeCells>',  # written so as to hide its far corner
])
def test_a_merged_block_beyond_a_ledger_is_refused_before_it_is_filled(data, tmp_path, capsys, merge):
    import time

    sheet = workbook(tmp_path / "sheet.xlsx", [["编号", "日期", "数值"], ["signed-amount", "2024-06-30", 120]])
    bomb = rewritten(sheet, tmp_path / "merged.xlsx", lambda xml: xml.replace(b"</sheetData>", b"</sheetData>" + merge))
    started = time.monotonic()
    assert run(str(bomb), "--data", str(data)) == 2
    assert time.monotonic() - started < 5
    assert "合并单元格" in capsys.readouterr().err


def test_a_broken_workbook_or_csv_is_said_so_in_one_line(data, tmp_path, capsys):
    sheet = workbook(tmp_path / "sheet.xlsx", [["编号", "日期", "数值"], ["signed-amount", "2024-06-30", 120]])
    broken = rewritten(sheet, tmp_path / "broken.xlsx", lambda xml: xml[: len(xml) // 2])  # its XML cut short
    assert run(str(broken), "--data", str(data)) == 2
    err = capsys.readouterr().err
    assert "不能作为 .xlsx 工作簿读取" in err and "Traceback" not in err
    huge_field = tmp_path / "huge.csv"
    huge_field.write_text('编号,日期,数值\nsigned-amount,2024-06-30,"' + "9" * 200_000 + '"\n', encoding="utf-8")
    assert run(str(huge_field), "--data", str(data)) == 2
    err = capsys.readouterr().err
    assert "huge.csv:2: 不能作为 CSV 读取" in err and "Traceback" not in err


@pytest.mark.parametrize("value, expected", [
    ("2024-06-30", dt.date(2024, 6, 30)), ("2024/6/3", dt.date(2024, 6, 3)), ("２０２４年６月３０日", dt.date(2024, 6, 30)),
    (45473, dt.date(2024, 6, 30)), (dt.datetime(2024, 6, 30, 9, 0), dt.date(2024, 6, 30)), ("2024-02-30", None),
    ("六月", None),
])
def test_dates_as_excel_gives_them(value, expected):
    read = read_date(value)
    assert (read.date if read else None) == expected
