"""Exports for the leadership: an .xlsx whose numbers are numbers, with charts, and a .docx
briefing whose sentences are in the official register — both read back as Excel and Word would."""

from __future__ import annotations

import datetime as dt
import io
import re

import docx
import pytest
from docx.oxml.ns import qn
from openpyxl import load_workbook

from erqi_tui.core.i18n import ZH
from erqi_tui.exchange import briefing_doc
from erqi_tui import cli, store
from erqi_tui.core import progress

from ..conftest import BUNDLED

OTHER = BUNDLED.parents[1] / "tests" / "data" / "other_district.toml"


def export(tmp_path, fmt: str, *args: str):
    out = tmp_path / f"out.{fmt}"
    assert cli.main(["export", "--format", fmt, "-o", str(out), *args]) == 0
    return out


def table_of(sheet) -> tuple[int, list[tuple]]:
    """The row number of a sheet's one header (the first filled row after the title block) and its
    rows as values, header first."""
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if i > 0 and rows[i - 1] == (None,) * len(r) and any(r))
    return header + 1, rows[header:]


def test_the_workbook_has_numbers_formats_one_table_a_sheet_and_charts(tmp_path, capsys):
    book = load_workbook(export(tmp_path, "xlsx", "--data", str(BUNDLED)))
    assert book.sheetnames[:4] == ["总览", "总览·预警", "总览·要闻数据", "招商引资"]
    assert "重点项目" in book.sheetnames and "进程" not in book.sheetnames  # no history yet: no 进程
    sheet = book["总览"]
    assert [sheet.cell(r, 1).value for r in (1, 2)] == ["郑州市二七区 2024 年目标 — 总览 · 年度目标", "截至 2024年5月"]
    assert sheet.cell(3, 1).value.startswith("来源：《砥砺奋进正当时")
    header_row, rows = table_of(sheet)
    amount = next(r for r in rows if r[0] == "签约额")
    named = dict(zip(rows[0], amount))
    assert (named["当前值"], named["目标值"], named["目标值为下限或约数"], named["单位"]) == (107.96, 300, "以上", "亿元")
    assert named["完成率"] == pytest.approx(107.96 / 300) and named["较序时进度（个百分点）"] == -5.7
    assert named["数值截至"] == dt.datetime(2024, 5, 31)
    assert (named["年底预计"], named["缺口"], named["余下每月需"]) == (259.1, 40.9, 27.4)
    assert (named["余下月数"], named["余下月数内共需"]) == (7, None)  # 27.4 a month over the 7 months left
    # A count is needed whole over the months left, as the screen says it (余下 7 个月需 至少 17 个):
    # numbers Excel can use, none of them 2.4 projects a month.
    signed = dict(zip(rows[0], next(r for r in rows if r[0] == "新签约产业项目")))
    assert (signed["目标值"], signed["目标值为下限或约数"], signed["年底预计"], signed["缺口"]) == (30, "以上", 31, None)
    assert (signed["余下每月需"], signed["余下月数"], signed["余下月数内共需"]) == (None, 7, 17)
    assert signed["缺口与所需为"] == named["缺口与所需为"] == "至少"  # the screen's 至少 17 个, 至少 40.9 亿元
    cells = {h: sheet.cell(header_row + 2, i) for i, h in enumerate(rows[0], start=1)}
    assert cells["完成率"].number_format == "0.0%" and cells["数值截至"].number_format == 'yyyy"年"m"月"'
    assert cells["较序时进度（个百分点）"].number_format == "+0.0;-0.0;0.0"
    assert cells["目标值"].number_format == "#,##0" and cells["当前值"].number_format == "#,##0.00"
    assert sheet.freeze_panes == f"B{header_row + 1}" and sheet.column_dimensions["A"].width >= 16
    assert len(sheet._charts) == 1  # completion against 序时进度, drawn by Excel itself
    header_row, projects = table_of(book["重点项目"])
    named = dict(zip(projects[0], next(r for r in projects if r[0] == "kangshifu")))
    assert (named["总投资（亿元）"], named["占地（亩）"]) == (10, 133) and named["占地为下限或约数"] == "约"
    assert sum(projects[0].count(h) for h in ("单位",)) <= 1


def test_the_example_years_series_are_charted(tmp_path, capsys):
    out = tmp_path / "example.xlsx"
    assert cli.main(["--example", "export", "--format", "xlsx", "-o", str(out)]) == 0
    book = load_workbook(out)
    assert len(book["进程·图表"]._charts) == 7  # one per target with a history
    _, rows = table_of(book["进程"])
    assert rows[0][:5] == ("目标", "单位", "日期", "数值", "目标值")
    assert rows[1][:5] == ("新签约产业项目", "个", dt.datetime(2025, 1, 31), 2, 40)
    for name in book.sheetnames:  # every sheet says whose figures they are: the invented example says so
        assert "示例（虚构）" in book[name].cell(1, 1).value, name


def sentences(path) -> list[str]:
    return [p.text for p in docx.Document(path).paragraphs]


def test_the_briefing_reads_in_the_official_register(tmp_path, capsys):
    path = export(tmp_path, "docx", "--data", str(BUNDLED))
    text = sentences(path)
    assert text[:2] == ["郑州市二七区2024年目标推进情况", "（截至2024年5月）"]  # 五月: the article gives no day
    # Each target once, a paragraph each (one running on for a page is hard to read), with where its
    # pace leads (a count of projects a whole number) and what is left.
    assert text[3:6] == ["新签约产业项目完成13个，占年度目标的43.3%，超前序时进度1.7个百分点，"
                         "按当前进度，年底预计完成31个，可完成全年目标，余下7个月需完成至少17个。",
                         "签约额完成107.96亿元，占年度目标的36.0%，落后序时进度5.7个百分点，"
                         "按当前进度，年底预计完成259.1亿元，缺口至少40.9亿元，余下每月需完成至少27.4亿元。",
                         "年内竣工投产项目暂无完成数据（年度目标60个）。"]
    assert sum("新签约产业项目完成13个" in line for line in text) == 1  # not again under 招商引资
    # the 预警, with what it rests on: the article gives 五月, and at the month's start it reads ahead
    assert "签约额完成36.0%，落后序时进度5.7个百分点（按月末计；按5月初计为超前2.4个百分点）。" in text
    # The pipeline's figures as the separate facts the article gives, each set of projects its own
    assert ("产业项目（招商引资）：在谈项目54个，新签约产业项目13个；"
            "今年计划谋划运作的重大项目（309个）：新开工项目50个") in "".join(text)
    document = docx.Document(path)
    fonts = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋"
    assert len(document.tables) == 2 and document.tables[0].rows[2].cells[0].text == "签约额"


def test_another_districts_briefing(tmp_path, capsys):
    text = sentences(export(tmp_path, "docx", "--data", str(OTHER), "--title-font", "方正小标宋简体",
                            "--body-font", "仿宋_GB2312"))
    assert text[:2] == ["滨江市河西区2025年目标推进情况", "（截至2025年9月30日）"]
    assert text[3:5] == ["新增就业岗位完成9500个，占年度目标的79.2%，超前序时进度4.2个百分点，"
                         "按当前进度，年底预计完成12666个，可完成全年目标，余下3个月需完成2500个。",
                         "外贸出口额完成41.5亿元，占年度目标的51.9%，落后序时进度23.1个百分点，"
                         "按当前进度，年底预计完成55.3亿元，缺口至少24.7亿元，余下每月需完成至少12.8亿元。"]
    document = docx.Document(tmp_path / "out.docx")
    assert document.styles["Normal"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"


@pytest.mark.parametrize("current, target, expected", [
    ('{ value = 50, unit = "亿元", at_least = true }', '{ value = 100, unit = "亿元" }',
     "签约额完成50亿元以上，占年度目标的至少50.0%，超前序时进度至少0.3个百分点"),
    ('{ value = 30, unit = "亿元", at_least = true }', '{ value = 100, unit = "亿元" }',
     "签约额完成30亿元以上，占年度目标的至少30.0%，落后序时进度至多19.7个百分点"),
    ('{ value = 49.73, unit = "亿元", approx = true }', '{ value = 100, unit = "亿元", at_least = true }',
     "签约额完成约49.73亿元，占年度目标的49.7%，与序时进度持平"),  # 06-29 is 49.7% of 2024
])
def test_bounds_read_as_at_least_and_at_most(write_toml, current, target, expected):
    dashboard = store.load(write_toml(f'[meta]\ndistrict = "区"\nyear = 2024\nas_of = 2024-06-29\n\n[[target]]\n'
                                      f'id = "s"\nname = "签约额"\ntarget = {target}\ncurrent = {current}\n'))
    (assessed,) = progress.assess_all(dashboard.targets, dashboard)
    assert briefing_doc.sentence(assessed, lang=ZH) == expected


def test_the_briefing_in_english_spaces_words_and_numbers_and_names_the_share(tmp_path, capsys):
    """English needs a space between a label and its figure (Projects in talks 54, not talks54), and
    the table's two columns of what is done are told apart (Done, Share done)."""
    path = tmp_path / "en.docx"
    assert cli.main(["--lang", "en", "--data", str(BUNDLED), "export", "--format", "docx", "-o", str(path)]) == 0
    text = "\n".join(sentences(path))
    assert not re.search(r"[a-z]\d", text), re.findall(r"\S*[a-z]\d\S*", text)
    header = [c.text for c in docx.Document(path).tables[0].rows[0].cells]
    assert header[1] == "Done" and header[3] == "Share done"


def test_the_briefing_tables_keep_numbers_and_short_headers_whole(tmp_path, capsys):
    """On A4 each column is at least as wide as its widest figure with its words or short header
    (43.3%, 完成率, 107.96 亿元, 落后 21.7 个百分点: Word broke 亿|元 and 百|分点), in 五号 or, where
    that does not fit, 9 or 8 pt; the title breaks, where it must, before the year, not inside a word."""
    headers = ["指标", "完成", "年度目标", "完成率", "较序时进度", "年底预计", "缺口", "责任单位"]
    rows = [["新签约产业项目", "289.4 亿元", "350 亿元以上", "43.3%", "落后 21.7 个百分点", "315.7 亿元",
             "至少 34.3 亿元", "示例·区商务局 示例·张敏"]] * 5
    size, widths = briefing_doc.table_layout(headers, rows, 15.6)
    assert size == 8.0 and abs(sum(widths) - 15.6) < 0.01  # eight columns
    assert briefing_doc.table_layout(headers[:7], [r[:7] for r in rows], 15.6)[0] == 8.0  # seven
    points = [w / 2.54 * 72 for w in widths]
    assert points[0] >= briefing_doc._points("新签约产", size)  # the name four characters a line (it was 2: 新签/约产/业项/目)
    for column in (1, 2, 3, 4, 5, 6):  # each figure whole, within its cell's margins
        assert points[column] >= briefing_doc._points(rows[0][column], size) + 2 * briefing_doc.CELL_MARGIN_PT
    assert points[3] > 3 * size  # 完成率
    assert briefing_doc.table_layout(headers[:4], [r[:4] for r in rows], 15.6)[0] == 10.5  # fewer columns: 五号
    assert briefing_doc.title_lines("示例市示例（虚构）河湾区2025年目标推进情况", 2025, lang=ZH) == (
        22, ["示例市示例（虚构）河湾区", "2025年目标推进情况"])
    assert briefing_doc.title_lines("郑州市二七区2024年目标推进情况", 2024, lang=ZH) == (22, ["郑州市二七区2024年目标推进情况"])


def test_the_workbooks_lists_read_in_the_sheets_language():
    """A project's figures in units that do not convert share a cell joined by "; " in English (it
    was ；), an axis's projects by ", " (it was 、); Chinese as before."""
    from erqi_tui.core.i18n import EN
    from erqi_tui.core.model import Quantity
    from erqi_tui.exchange import workbook

    d = store.load(BUNDLED)
    projects = list(d.projects)
    projects[1] = projects[1]._replace(investment=Quantity(1, "亿美元"), area=Quantity(2, "栋"))
    columns, rows = workbook.project_table(d, projects, lang=EN)
    assert columns[-1].header == "Figures in other units" and rows[1][-1] == "0.1 bn USD; 2 栋"
    assert workbook.project_table(d, projects, lang=ZH)[1][1][-1] == "1 亿美元；2 栋"
    d = d._replace(projects=tuple(p._replace(axis="daxue") for p in d.projects[:2]) + d.projects[2:])
    for lang, joined in ((EN, ", ".join(p.en.get("name", p.name) for p in d.projects[:2])),
                         (ZH, "、".join(p.name for p in d.projects[:2]))):
        book = load_workbook(io.BytesIO(workbook.to_xlsx(d, dt.date(2024, 5, 31), lang=lang)))
        cells = [c for sheet in book for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
        assert joined in cells


def test_a_target_whose_figure_stands_at_another_date_says_it_in_the_briefing(tmp_path):
    """A figure recorded for 30 June puts the heading at 30 June; 新签约产业项目's 13 still stands at
    May (the article's month): its sentence says 截至5月, not as if it stood at 30 June."""
    import shutil

    import docx

    from erqi_tui.core.i18n import EN
    from erqi_tui.core.model import Quantity, Update

    data = tmp_path / "t.toml"
    shutil.copy(BUNDLED, data)
    store.record(data, Update("target", "signed-amount", {"current": Quantity(140, "亿元")}, dt.date(2024, 6, 30), "王"),
                 today=dt.date(2024, 7, 1), lang=ZH)
    dashboard = store.load(data)
    for lang, dated, plain in ((ZH, "截至5月，新签约产业项目完成13个", "签约额完成140亿元"),
                               (EN, "As of May, New industrial projects signed: 13 done", "Amount signed: 14 bn CNY done")):
        text = [p.text for p in docx.Document(io.BytesIO(briefing_doc.to_docx(dashboard, lang=lang))).paragraphs]
        assert any(t.startswith(dated) for t in text) and any(t.startswith(plain) for t in text), text[:8]
    assert not any("截至" in t[:4] for t in
                   [p.text for p in docx.Document(io.BytesIO(briefing_doc.to_docx(store.load(BUNDLED), lang=ZH))).paragraphs][2:])


@pytest.mark.parametrize("fmt, args, author, title", [
    ("docx", ["--data", str(BUNDLED)], "郑州市二七区", "郑州市二七区2024年目标推进情况"),
    ("xlsx", ["--data", str(BUNDLED)], "郑州市二七区", "郑州市二七区 2024 年目标"),
    ("docx", ["--lang", "en", "--data", str(BUNDLED)], "Erqi District, Zhengzhou", "Erqi District, Zhengzhou"),
])
def test_the_files_properties_name_the_district_and_today(tmp_path, capsys, fmt, args, author, title):
    """File › Info in Word, Excel or WPS: the district as the author and the briefing's title, made
    today; not "python-docx" / "openpyxl", made in 2013."""
    path = export(tmp_path, fmt, *args)
    props = docx.Document(path).core_properties if fmt == "docx" else load_workbook(path).properties
    made_by = props.author if fmt == "docx" else props.creator
    assert made_by == author and props.title.startswith(title)
    assert props.created.date() >= dt.date.today() - dt.timedelta(days=1)
    assert "python-docx" not in (getattr(props, "comments", "") or "")


def test_a_short_table_is_kept_on_one_page_with_what_leads_into_it(tmp_path, capsys):
    """LibreOffice left the last district of the city's table alone on the next page: each row of a
    short table is kept with the next, and so is the paragraph before the table (its heading or note);
    a long table keeps only its header with its first row and its last two rows together."""
    path = export(tmp_path, "docx", "--example")
    document = docx.Document(path)
    body = list(document.element.body)
    for table in document.tables:
        keeps = [all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs) for row in table.rows]
        assert not keeps[-1]
        if len(table.rows) - 1 <= briefing_doc.KEPT_WHOLE_ROWS:
            assert all(keeps[:-1])
        else:
            assert keeps[0] and keeps[-2] and not all(keeps[1:-2])
        before = body[body.index(table._tbl) - 1]
        assert before.tag == qn("w:p") and before.find(qn("w:pPr")).find(qn("w:keepNext")) is not None
