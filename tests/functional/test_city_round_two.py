"""全市, round two (the red team's findings): an absurd figure does not rank a district first, the
city's Word briefing tells two districts of one name apart, every format exists for the city, a
what-if CSV says it is one, the city's table's problems reach check and export, every --data on
the line counts, 全市's own keys in its help, and the chart ranks only the ranked."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from erqi_tui.core.i18n import ZH
from erqi_tui import cli
from erqi_tui.views import city as city_view
from erqi_tui.views.city import compare, expand, read_all

from .city_fixtures import write_city


@pytest.fixture
def twelve(tmp_path):
    return write_city(tmp_path / "郑州")


def stem(row) -> str:
    return row.district.path.name.removesuffix(".toml")


def absurd(folder):
    """二七区's 签约额 typed as 2,000,000 亿元 against 100 亿元: valid, and absurd."""
    path = folder / "二七区.toml"
    text = path.read_text(encoding="utf-8").replace("current = { value = 75.0, unit = \"亿元\" }",
                                                   "current = { value = 2000000, unit = \"亿元\" }")
    assert "2000000" in text
    path.write_text(text, encoding="utf-8")
    return path


def docx_text(data: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_an_absurd_figure_is_marked_and_left_out_of_the_mean(twelve, tmp_path, capsys):
    absurd(twelve)
    assert cli.main(["check", str(twelve / "二七区.toml")]) == 0  # valid: only the city can tell
    comparison = compare(read_all(expand([twelve]), lang=ZH), lang=ZH)
    rows = {stem(r): r for r in comparison.rows}
    row = rows["二七区"]
    cell = row.cells["table:签约额"]
    assert not cell.compared and "超过目标 10 倍" in cell.suspect and "2000000.0%" in cell.suspect
    assert row.basis == 3 and row.suspect == 1
    assert city_view.basis_text(row, lang=ZH) == "3 项（1 项数值可疑未计入）"
    assert "数值可疑，未计入平均：签约额 完成率 2000000.0%" in row.note
    assert row.score < 0.5 and comparison.ranked[0] is not row  # not first at +1999940
    assert "数值可疑" in city_view.method(lang=ZH)
    for format in ("md", "docx", "xlsx", "json"):
        out = tmp_path / f"c.{format}"
        assert cli.main(["export", "--data", str(twelve), "--format", format, "-o", str(out)]) == 0
    md = (tmp_path / "c.md").read_text(encoding="utf-8")
    assert "2000000.0% 数值可疑" in md and "3 项（1 项数值可疑未计入）" in md and city_view.method(lang=ZH) in md
    assert "+19999" not in md
    text = docx_text((tmp_path / "c.docx").read_bytes())
    assert "数值可疑" in text and city_view.method(lang=ZH) in text and "超前序时进度19999" not in text
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    entry = next(d for d in data["districts"] if d["label"] == "二七区")
    assert entry["suspect"] == 1 and entry["targets"]["table:签约额"]["suspect"]
    capsys.readouterr()


def test_an_implausible_figure_against_the_citys_median(tmp_path):
    folder = write_city(tmp_path / "郑州")
    path = folder / "上街区.toml"  # its one target at 9.5 times its goal: under 10× the goal, over 10× the median
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("current = { value = 190.0,", "current = { value = 1900,"), encoding="utf-8")
    rows = {stem(r): r for r in compare(read_all(expand([folder]), lang=ZH), lang=ZH).rows}
    assert "全市中位数" in rows["上街区"].cells["invest"].suspect and rows["上街区"].rank is None


def test_the_citys_word_briefing_tells_two_of_one_name_apart(tmp_path):
    folder = write_city(tmp_path / "郑州")
    from erqi_tui.exchange.briefing_doc import to_city_docx

    text = docx_text(to_city_docx(read_all(expand([folder]), lang=ZH), None, lang=ZH))
    assert "巩义市（修订）" in text and "巩义市（修订）最落后" in text
    assert "与 巩义市（修订）.toml 同为 巩义市 2025 年的数据" in text  # the other file: listed, not ranked
    assert "单位不同" not in text  # the 2024 row's units are the same as the rest


def test_the_city_as_an_html_page(twelve, tmp_path, capsys):
    (twelve / "<b>区.toml").write_text((twelve / "中原区.toml").read_text(encoding="utf-8").replace(
        'district = "中原区"', 'district = "<b>区"'), encoding="utf-8")  # data, never markup
    out = tmp_path / "c.html"
    assert cli.main(["export", "--data", f"{twelve}/", "--format", "html", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<h1>郑州市：10 个地区排名" in page and "@media print" in page
    assert "&lt;b&gt;区" in page and "<b>区" not in page
    assert '<td class="rank">1</td><td class="name">金水区</td>' in page and city_view.method(lang=ZH) in page
    # Printed, a date stays on one line (it was broken into 2025-10- / 31 on A4 across).
    assert '<td class="date"><span class="day">2025-10-31</span></td>' in page
    assert '<td class="date"><span class="day">2025-06-30</span>（滞后）</td>' in page
    assert "td.rank, td.date .day, td.figure.whole { white-space: nowrap; }" in page
    assert "未计入" in capsys.readouterr().err  # the broken file, on stderr as for every format


def test_a_what_if_csv_says_so_and_keeps_each_figures_date(twelve, tmp_path, capsys):
    import csv

    out = tmp_path / "c.csv"
    assert cli.main(["export", "--data", str(twelve), "--format", "csv", "--as-of", "2025-12-31", "-o", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    header = rows[0]
    assert header[-4:] == ["假设", "年度", "文件", "说明"]
    mark = header.index("假设")
    figures = [r for r in rows[1:] if not r[0].startswith("经开区")]
    assert {r[mark] for r in figures} == {"假设截至 2025-12-31（--as-of），非实际进度"}
    date = header.index("日期")
    current = next(r for r in figures if r[0] == "郑州市郑东新区" and r[5] == "当前值")
    elapsed = next(r for r in figures if r[0] == "郑州市郑东新区" and r[5] == "序时进度")
    assert current[date] == "2025-06-30" and elapsed[date] == "2025-12-31"  # the figure's own day; the judged day
    # One district's too; without --as-of, no such column.
    assert cli.main(["export", "--data", str(twelve / "郑东新区.toml"), "--format", "csv", "--as-of", "2025-12-31",
                     "-o", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0][-1] == "假设" and all(r[-1].startswith("假设截至 2025-12-31") for r in rows[1:])
    assert next(r for r in rows if r[5] == "当前值")[10] == "2025-06-30"
    assert cli.main(["export", "--data", str(twelve / "郑东新区.toml"), "--format", "csv", "-o", str(out)]) == 0
    assert "假设" not in out.read_text(encoding="utf-8-sig").splitlines()[0]
    capsys.readouterr()


def test_the_citys_table_problems_reach_check_and_export(tmp_path, capsys):
    import os

    folder = write_city(tmp_path / "郑州")
    (folder / BROKEN_FILE).unlink()  # every district fine: only the tables are wrong
    os.symlink("/dev/zero", folder / "零.city.toml")
    (folder / "d.city.toml").mkdir()
    (folder / "坏.city.toml").write_bytes(b'[[indicator]]\nname = "\xff\xfe"\n')
    (folder / "二.city.toml").write_text('[[indicator]]\nname = "签约金额"\nids = ["amount"]\n', encoding="utf-8")
    assert cli.main(["check", f"{folder}/"]) == 2
    out, err = capsys.readouterr()
    assert out.count("：无误") == 11
    lines = [line for line in err.splitlines() if "全市对照表有误" in line]
    assert len(lines) == 4, err
    assert any("零.city.toml" in line and "字符设备" in line for line in lines)
    assert any("d.city.toml" in line and "文件夹" in line for line in lines)
    assert any("坏.city.toml" in line for line in lines)
    assert any("编号 amount 同时归入“签约金额”（二.city.toml）和“签约额”（全市.city.toml）" in line for line in lines)
    # Neither indicator takes the id given to both (the first no longer wins unsaid).
    table = city_view.read_city_table(city_view.city_table_paths(read_all(expand([folder]), lang=ZH)), lang=ZH)
    assert "amount" not in table.by_id and table.by_id["contract_value"] == "签约额"
    assert cli.main(["export", "--data", str(folder), "--format", "md", "-o", str(tmp_path / "c.md")]) == 0
    assert sum("全市对照表有误" in line for line in capsys.readouterr().err.splitlines()) == 4


BROKEN_FILE = "经开区.toml"


def test_every_data_on_the_line_counts(twelve, tmp_path, capsys):
    a, b = twelve / "中原区.toml", twelve / "金水区.toml"
    out = tmp_path / "c.md"
    assert cli.main(["--data", str(a), "export", "--data", str(b), "--format", "md", "-o", str(out)]) == 0
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# 郑州市：2 个地区排名") and "中原区" in md and "金水区" in md
    assert cli.main(["check", str(a), str(b)]) == 0
    assert capsys.readouterr().out.count("：无误") == 2
    assert cli.main(["check", "--data", f"{twelve}/"]) == 2
    out_text, err = capsys.readouterr()
    assert out_text.count("：无误") == 11 and BROKEN_FILE in err
    assert cli.main(["check", "--data", str(a)]) == 0 and "无误 — 4 个目标" in capsys.readouterr().out
    assert cli.main(["--data", str(a), "check", str(b)]) == 0  # both checked
    assert capsys.readouterr().out.count("：无误") == 2


def test_the_help_in_the_city_lists_the_citys_keys(twelve):
    from erqi_tui.store.config import Config
    from erqi_tui.ui.app import ErqiApp
    from erqi_tui.ui.screens.city import CityScreen

    from .helpers import run_with, screen_text

    districts = read_all(expand([twelve]), lang=ZH)
    first = next(d for d in districts if d.loaded)
    app = ErqiApp(first.path, first.loaded.dashboard, who="tester", loaded=first.loaded, today=dt.date(2025, 11, 5),
                  settings=Config(lang="zh"), districts=districts)
    app.animation_level = "none"

    async def check(pilot) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert "全市" in text and "重新载入" in text and "导出全市图片" in text and "动态：各地区的更新" in text
        assert "切换到" not in text and "目标卡片" not in text  # a district's panes and cards: not here
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CityScreen)

    run_with(app, check, size=(100, 40))


def test_the_citys_chart_shows_only_the_ranked(twelve, tmp_path, capsys):
    from openpyxl import load_workbook

    out = tmp_path / "c.xlsx"
    assert cli.main(["export", "--data", str(twelve), "--format", "xlsx", "-o", str(out)]) == 0
    sheet = load_workbook(out)["全市"]
    values = list(sheet.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(values) if r[0] == "排名") + 1  # 1-based row of the header
    chart = sheet._charts[0]
    refs = chart.series[0].cat.strRef.f if chart.series[0].cat.strRef else chart.series[0].cat.numRef.f
    assert refs.endswith(f"$B${header + 1}:$B${header + 9}")  # the 9 ranked; not 巩义市 (its revision is), 高新区 (2024) nor 经开区
    assert chart.series[0].val.numRef.f.endswith(f"${header + 9}")
    capsys.readouterr()


def test_the_city_in_english_joins_and_brackets_in_english(twelve, tmp_path, capsys):
    """English output lists with ", ", joins notes with "; " and brackets with " (…)": it said
    `signed、Amount`, `no target to compare；figures 92 days older`, `…behind schedule；2. …。` and
    `43.3%（+1.7）`. Only the data's own names keep theirs (巩义市（修订）); Chinese is as before."""
    from openpyxl import load_workbook

    from erqi_tui.core.i18n import EN
    from erqi_tui.exchange import city_report
    from erqi_tui.exchange.briefing_doc import to_city_docx

    (twelve / "二.city.toml").write_text('[[indicator]]\nname = "签约金额"\nids = ["amount"]\n', encoding="utf-8")
    (twelve / "三.city.toml").write_text('[[indicator]]\nname = "开工"\nids = ["startup"]\nnames = ["签约金额"]\n',
                                        encoding="utf-8")
    districts = read_all(expand([twelve]), lang=EN)
    comparison = compare(districts, lang=EN)
    book = load_workbook(io.BytesIO(city_report.to_xlsx(districts, None, lang=EN)))
    cells = [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]
    texts = {"md": city_report.to_markdown(districts, None, lang=EN),
             "html": city_report.to_html(districts, None, lang=EN),
             "docx": docx_text(to_city_docx(districts, None, lang=EN)), "xlsx": "\n".join(cells),
             "notes": "\n".join([r.note for r in comparison.rows] + [city_view.cell_note(comparison, r, lang=EN)
                                                                     for r in comparison.rows]),
             "table": comparison.table.problem(lang=EN),
             "shared": ", ".join(city_view.matched_how(i, lang=EN) for i in comparison.indicators)}
    for what, text in texts.items():
        text = text.replace("巩义市（修订）", "")  # a district's name, as its file gives it
        assert not set(text) & set("、；：（）。"), (what, [line for line in text.splitlines()
                                                          if set(line) & set("、；：（）。")])
    rows = {stem(r): r for r in comparison.rows}
    assert rows["上街区"].note == ("compared on 1 only (the city shares 4): ranked after the rest")
    assert city_view.cell_note(comparison, rows["上街区"], lang=EN) == "all matched by id; lacks: " + ", ".join(
        name for _, name, _ in comparison.targets if name != "固定资产投资")
    assert "95.0% (+11.7)" in texts["docx"] and "ahead of schedule; 2. " in texts["docx"]
    assert texts["table"].count("; ") == 1 and "id amount is" in texts["table"]  # two problems, in a sentence's words
    assert "(by the city's table)" in texts["md"] and "(by name)" in texts["md"]
    # Chinese as it was
    zh = compare(read_all(expand([twelve]), lang=ZH), lang=ZH)
    rows = {stem(r): r for r in zh.rows}
    assert city_view.cell_note(zh, rows["管城区"], lang=ZH) == (
        "新签约项目←new_signed（按名称）；签约额←contract_value 签约总额（按对照表）；"
        "开工←startup 开工项目（按对照表）；其余按编号")
    assert zh.table.problem(lang=ZH).count("；") == 1 and "编号 amount 同时归入" in zh.table.problem(lang=ZH)
    assert "95.0%（+11.7）" in docx_text(to_city_docx(read_all(expand([twelve]), lang=ZH), None, lang=ZH))
    capsys.readouterr()
