"""Exports carry the same figures as the screen — units, "more than" marks, ahead/behind — and
data text stays text in every format."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
import tomli_w

from erqi_tui.core.i18n import EN, ZH
from erqi_tui import cli, store
from erqi_tui.exchange import report

from ..conftest import BUNDLED, svg_texts

AS_OF = dt.date(2024, 5, 31)


@pytest.fixture(scope="module")
def dashboard():
    return store.load(BUNDLED)


def test_markdown_has_figures_units_marks_and_verdicts(dashboard):
    md = report.to_markdown(dashboard, AS_OF, lang=ZH)
    # A lower bound as an official writes it (30个以上), as the screen says it since 06a679f; what
    # the rest of the year needs whole for a count, as the screen's course says it.
    assert "| 新签约产业项目 | 13 个 | 30个以上 | 43.3% | 2024年5月 | 41.7% | 超前 1.7 个百分点 | 31 个 | " \
           "无（按此进度可完成） | 余下 7 个月需 至少 17 个 |" in md
    assert "| 签约额 | 107.96 亿元 | 300亿元以上 | 36.0% | 2024年5月 | 41.7% | 落后 5.7 个百分点 | 259.1 亿元 | " \
           "至少 40.9 亿元 | 余下每月需 至少 27.4 亿元 |" in md
    assert "| 发布就业岗位 | 46,000个以上 |" in md
    assert "签约重点项目 26 个；总签约额 50亿元以上" in md
    assert "+ " not in md.replace("“容缺受理+告知承诺”", "")  # no 30+ 个 left (1+1+12 is a name)
    for title in ("## 总览", "## 招商引资", "## 三区三轴", "## 营商环境", "## 重点项目"):
        assert title in md


def test_pane_limits_the_export(dashboard):
    md = report.to_markdown(dashboard, AS_OF, pane="business", lang=ZH)
    assert "## 营商环境" in md and "## 总览" not in md and "## 重点项目" not in md


def test_html_is_one_self_contained_printable_page(dashboard):
    page = report.to_html(dashboard, AS_OF, lang=ZH)
    assert page.startswith("<!DOCTYPE html>") and "@media print" in page
    assert "<link" not in page and "<script" not in page and "src=" not in page
    assert "<td class=\"fig\">46,000个以上</td>" in page and "落后 5.7 个百分点" in page


def test_a_csv_date_is_as_precise_as_its_source(tmp_path, capsys):
    """The article gives 五月, no day: 2024-05 (Excel reads May 2024), not the 2024-05-31 the pace
    is judged at; the example gives the day: 2025-11-30."""
    for args, date, wrong in ((["--data", str(BUNDLED)], "2024-05", "2024-05-31"), (["--example"], "2025-11-30", None)):
        out = tmp_path / "out.csv"
        assert cli.main([*args, "export", "--format", "csv", "-o", str(out)]) == 0
        dates = {row[10] for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")))}
        assert date in dates and wrong not in dates


def test_csv_opens_in_excel_with_chinese(tmp_path, capsys):
    out = tmp_path / "out.csv"
    assert cli.main(["export", "--format", "csv", "--data", str(BUNDLED), "-o", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    # One tidy table: a row per quantity, the number in a column of its own, its unit beside it.
    assert rows[0] == ["地区", "板块", "类别", "编号", "名称", "指标", "数值", "单位", "下限", "约数", "日期", "责任单位"]
    assert {row[0] for row in rows[1:]} == {"郑州市二七区"}
    rows = [row[1:] for row in rows]
    assert ["总览", "目标", "signed-amount", "签约额", "当前值", "107.96", "亿元", "", "", "2024-05", ""] in rows  # 五月: the month, as the source gives it
    assert ["总览", "目标", "signed-amount", "签约额", "目标值", "300", "亿元", "是", "", "", ""] in rows
    assert ["总览", "目标", "signed-amount", "签约额", "较序时进度", "-5.68", "个百分点", "", "", "2024-05", ""] in rows
    assert ["总览", "目标", "signed-amount", "签约额", "年底预计", "259.1", "亿元", "", "", "", ""] in rows  # the screen's precision
    # What is needed as the screen says it (至少 27.4 亿元 a month; a count whole: 余下 7 个月需 至少 17 个),
    # the number a number, 至少 in the 下限 column
    assert ["总览", "目标", "signed-amount", "签约额", "余下每月需", "27.4", "亿元", "是", "", "", ""] in rows
    assert ["总览", "目标", "new-projects", "新签约产业项目", "余下 7 个月需", "17", "个", "是", "", "", ""] in rows
    assert ["营商环境", "数据", "job-fair-posts", "春风行动招聘", "发布就业岗位", "46000", "个", "是", "", "", ""] in rows
    # A stage by the source's words and the set of projects it counts (产业项目, not 重大项目)
    assert ["招商引资", "阶段", "signed", "新签约产业项目", "产业项目（招商引资）", "13", "个", "", "", "", ""] in rows
    assert all(len(row) == 11 for row in rows)  # the district's column set aside above


def test_json_is_stable_and_typed(dashboard):
    first = report.to_json(dashboard, AS_OF, lang=ZH)
    assert first == report.to_json(dashboard, AS_OF, lang=ZH)
    data = json.loads(first)
    amount = next(t for t in data["targets"] if t["id"] == "signed-amount")
    assert amount["current"] == {"value": 107.96, "unit": "亿元", "at_least": False, "approx": False, "shown": "107.96 亿元"}
    assert amount["target"]["at_least"] is True and amount["verdict"] == "behind"
    assert data["time_elapsed_share"] == round(5 / 12, 6)
    posts = next(f for f in data["figures"] if f["id"] == "job-fair-posts")
    assert (posts["value"], posts["at_least"], posts["shown"]) == (46000, True, "46,000个以上")


def test_json_says_when_the_date_is_a_months_end_the_source_never_named(dashboard):
    """The article says 五月: as_of is 2024-05-31, the day pace is judged at, and as_of_precision says
    "month" so a script does not take the 31st for a reported day; a file giving the day says "day"."""
    from erqi_tui.store.files import EXAMPLE, bundled_data

    data = json.loads(report.to_json(dashboard, lang=ZH))
    assert (data["as_of"], data["as_of_precision"]) == ("2024-05-31", "month")
    example = json.loads(report.to_json(store.load(bundled_data(EXAMPLE)), lang=ZH))
    assert example["as_of_precision"] == "day"


HOSTILE = "[b]粗[/b] <script>alert(1)</script> | =SUM(A1) \x1b[2J"


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "hostile.toml"
    path.write_text(tomli_w.dumps({"meta": {"district": "区", "year": 2024, "as_of": AS_OF},
                                   "project": [{"id": "p", "name": HOSTILE,
                                                "investment": {"value": 1, "unit": "亿元"}}]}), encoding="utf-8")
    return store.load(path)


def test_data_text_stays_text_in_every_format(hostile):
    md = report.to_markdown(hostile, AS_OF, lang=ZH)
    assert "\\[b\\]粗\\[/b\\] \\<script\\>alert(1)\\</script\\> \\| =SUM(A1) ␛\\[2J" in md
    page = report.to_html(hostile, AS_OF, lang=ZH)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>" not in page
    rows = list(csv.reader(io.StringIO(report.to_csv(hostile, AS_OF, lang=ZH))))
    assert any(row[4].startswith("[b]粗[/b] <script>") for row in rows if len(row) > 4)
    assert "\x1b" not in report.to_csv(hostile, AS_OF, lang=ZH) and "\x1b" not in page and "\x1b" not in md
    assert json.loads(report.to_json(hostile, AS_OF, lang=ZH))["projects"][0]["name"] == HOSTILE  # JSON keeps it exact


def test_the_csv_names_the_district_as_its_language_does(tmp_path, capsys):
    """郑州市二七区 in Chinese; "Erqi District, Zhengzhou" in English (it read ZhengzhouErqi District);
    an amount in the unit the English workbook gives it."""
    for lang, name in (("zh", "郑州市二七区"), ("en", "Erqi District, Zhengzhou")):
        out = tmp_path / f"{lang}.csv"
        assert cli.main(["export", "--lang", lang, "--format", "csv", "--data", str(BUNDLED), "-o", str(out)]) == 0
        rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
        assert {row[0] for row in rows[1:]} == {name}
        current = next(r for r in rows if r[3] == "signed-amount" and r[5] in ("当前值", "Current value"))
        # in English the workbook's unit and value (10.796 bn CNY), not 亿元 beside English words
        assert current[6:8] == (["10.796", "bn CNY"] if lang == "en" else ["107.96", "亿元"])


def test_csv_cells_never_become_formulas(write_toml):
    dashboard = store.load(write_toml('[meta]\ndistrict = "区"\nyear = 2024\nas_of = 2024-05-31\n\n'
                                      '[[project]]\nid = "p"\nname = "=HYPERLINK(\\"x\\")"\n'
                                      'investment = { value = 1, unit = "亿元" }\n'))
    rows = list(csv.reader(io.StringIO(report.to_csv(dashboard, AS_OF, lang=ZH))))
    assert any(row[4] == "'=HYPERLINK(\"x\")" for row in rows if len(row) > 4)


def test_svg_export_is_a_picture_of_the_pane(tmp_path, capsys):
    out = tmp_path / "layout.svg"
    assert cli.main(["export", "--format", "svg", "--pane", "layout", "--data", str(BUNDLED), "-o", str(out)]) == 0
    svg = out.read_text(encoding="utf-8")
    shown = "".join(svg_texts(svg))
    assert svg.lstrip().startswith("<svg") and "嵩山路" in shown and "科创产业发展轴" in shown


@pytest.mark.parametrize("args, first, last, headers", [
    (["--example"], "西山总部大楼（示例1）", "南岭智能制造产业园（示例42）", ["项目", "状态", "总投资", "占地"]),
    (["--lang", "en", "--data", str(BUNDLED)], "Shanshan Outlets Erqi", "Central China Digital Science City",
     ["Project", "Status", "Location", "Investment", "Area", "Expected"]),
])
def test_a_panes_picture_holds_its_whole_table_and_nothing_to_press(tmp_path, capsys, args, first, last, headers):
    """For a slide: every project (the example's 42, not the 33 a screen holds), every column (the
    English table was cut behind a scrollbar after Investment), and no filter box or key hint."""
    out = tmp_path / "projects.svg"
    assert cli.main([*args, "export", "--format", "svg", "--pane", "projects", "-o", str(out)]) == 0
    shown = "".join(svg_texts(out.read_text(encoding="utf-8"))).replace("\xa0", " ")
    assert first in shown and last in shown
    assert all(h in shown for h in headers)
    assert not any(word in shown for word in ("筛选", "Filter", "帮助", "Help"))


def test_the_overviews_picture_lists_every_overdue_step_and_no_key(tmp_path, capsys):
    """On screen 预警 lists three overdue steps and says "另有 3 个逾期节点：按 g 看挂图作战"; a picture
    for a slide has no g to press: it lists all six."""
    out = tmp_path / "overview.svg"
    assert cli.main(["--example", "export", "--format", "svg", "-o", str(out)]) == 0
    shown = "".join(svg_texts(out.read_text(encoding="utf-8"))).replace("\xa0", " ")
    assert shown.count("逾期未报") == 6 and "按 g" not in shown and "另有" not in shown


def test_the_layouts_picture_draws_every_project_along_its_road(tmp_path, capsys):
    """On screen a road shows six stops and "另有 8 个项目（见 5 重点项目）"; the picture shows all 14."""
    out = tmp_path / "layout.svg"
    assert cli.main(["--example", "export", "--format", "svg", "--pane", "layout", "-o", str(out)]) == 0
    shown = "".join(svg_texts(out.read_text(encoding="utf-8"))).replace("\xa0", " ")
    assert all(f"（示例{n}）" in shown for n in range(1, 43)) and "另有" not in shown


def test_export_in_english(tmp_path, capsys):
    out = tmp_path / "brief.md"
    assert cli.main(["export", "--lang", "en", "--pane", "overview", "--data", str(BUNDLED), "-o", str(out)]) == 0
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Erqi District, Zhengzhou: targets for 2024 — as of May 2024")  # 五月, no day
    assert "| Amount signed | 10.796 bn CNY | 30+ bn CNY | 36.0% | May 2024 | 41.7% | behind 5.7 pp |" in md
    # JSON stays language-neutral for scripts
    assert json.loads(report.to_json(store.load(BUNDLED), AS_OF, lang=ZH))["targets"][1]["name"] == "签约额"


def test_export_shows_the_change_since_and_only_mark_writes_to_the_journal(tmp_path, capsys):
    import shutil

    from erqi_tui.store import journal
    from erqi_tui import store
    from erqi_tui.core.model import Quantity, Update

    data = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, data)
    out = tmp_path / "brief.md"
    assert cli.main(["export", "--data", str(data), "-o", str(out)]) == 0
    assert not journal.journal_path(data).exists()  # a plain export writes nothing but its output
    assert cli.main(["export", "--data", str(data), "-o", str(out), "--mark", "--user", "办公室"]) == 0
    assert "已标记简报（截至 2024-05-31）" in capsys.readouterr().err
    (briefing,) = store.load(data).briefings
    assert (briefing.date, briefing.who) == (dt.date(2024, 5, 31), "办公室")
    store.record(data, Update("target", "signed-amount", {"current": Quantity(140, "亿元")},
                              dt.date(2024, 6, 30), "张"), today=dt.date(2024, 7, 1), lang=ZH)
    assert cli.main(["export", "--data", str(data), "-o", str(out)]) == 0
    md = out.read_text(encoding="utf-8")
    assert "变化自 2024-05-31（上次简报）。" in md
    assert "| 签约额 | 140 亿元 | 300亿元以上 | 46.7% | 2024-06-30 | 50.0% | 落后 3.3 个百分点 | 280 亿元 | 至少 20 亿元 | 余下每月需 至少 26.7 亿元 | +32.04 亿元 |" in md
    assert cli.main(["export", "--data", str(data), "--since", "2024-06-30", "--format", "json", "-o", str(out)]) == 0
    amount = next(t for t in json.loads(out.read_text(encoding="utf-8"))["targets"] if t["id"] == "signed-amount")
    assert amount["change"] is None and round(amount["projection"]["year_end"], 6) == 280


def test_the_bundled_file_cannot_be_marked(capsys):
    assert cli.main(["export", "--mark"]) == 2
    assert "只读" in capsys.readouterr().err


# --- Hostile names in every export ---------------------------------------------------------------

# What a careless or hostile file puts in every name, note and user name: the signs a sheet title
# forbids, an apostrophe at the start, what XML forbids (U+FFFF, NUL and other controls, which TOML
# takes as \u escapes), a newline starting a Markdown heading with a link and HTML, emphasis, an
# entity, bare addresses, a formula, a right-to-left override and an isolate, a zero-width space
# and a BOM.
NAME = ("'区/:?*[]\\ \uffff\x00\x01\x1b[2J\x7f \u202egnp.exe\u202c \u2067x\u2069\u200b\ufeff\n"
        "# [x](javascript:alert(1))<script>alert(1)</script> *em* ~~s~~ &#x202E; www.evil.example https://e.example")
FORMULA = "=HYPERLINK(\"http://x\")"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
RAW = set(BIDI) | {"\uffff", "\ufeff", "\u200b", "\x00", "\x01", "\x1b", "\x7f"}
MARKS = ("⟪U+202E⟫gnp", "exe⟪U+202C⟫", "⟪U+2067⟫x⟪U+2069⟫", "⟪U+FFFF⟫", "␀␁␛", "2J␡", "⟪U+200B⟫⟪U+FEFF⟫")


def hostile_district(folder, district: str = "区"):
    """A file whose every kind of text is NAME, with a journal whose user names and notes are too."""
    text = lambda tail="": NAME + tail  # noqa: E731
    path = folder / f"{district}.toml"
    path.write_text(tomli_w.dumps({
        "meta": {"district": district + text(), "city": text(), "year": 2024, "as_of": AS_OF, "source": text()},
        "layout": {"name": text(), "belt": text(), "belt_note": text(),
                   "axis": [{"id": "a", "road": text(), "theme": text()}]},
        "target": [{"id": "t", "name": text(), "target": {"value": 10, "unit": text()[:20]},
                    "current": {"value": 3, "unit": text()[:20]}, "pane": "layout"},
                   {"id": "u", "name": text("2"), "target": {"value": 10, "unit": "个"},
                    "current": {"value": 1, "unit": "个"}}],
        "figure": [{"label": text(), "value": 3, "unit": "个", "group": text(), "pane": "business", "headline": True}],
        "stage": [{"name": text(), "count": {"value": 3, "unit": "个"}, "note": text()}],
        "event": [{"date": dt.date(2024, 3, 1), "title": text(), "note": text()}],
        "project": [{"id": "p", "name": text(), "axis": "a", "note": text(), "location": text(),
                     "expected": text(), "investment": {"value": 1, "unit": "亿元"}},
                    {"id": "q", "name": FORMULA, "note": "@cmd", "location": "-2+3", "expected": "+1",
                     "investment": {"value": 2, "unit": "亿元"}}]}),
        encoding="utf-8")
    path.with_name(f"{district}.journal.toml").write_text(tomli_w.dumps({"update": [
        {"at": dt.datetime(2024, 5, 1, 9, 30), "who": text(), "date": dt.date(2024, 4, 30), "note": text(),
         "target": "t", "set": {"current": {"value": 2, "unit": text()[:20]}}}]}), encoding="utf-8")
    return path


def exported(tmp_path, format: str, *data) -> bytes:
    out = tmp_path / f"out.{format}"
    args = [arg for path in data for arg in ("--data", str(path))]
    extra = ["--pane", "layout"] if format == "svg" else []
    assert cli.main([*args, "export", "--format", format, *extra, "-o", str(out)]) == 0
    return out.read_bytes()


def texts_of_workbook(raw: bytes) -> tuple[list[str], list[str]]:
    """The sheet titles and every text cell, as Excel reads them (openpyxl parses the XML)."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(raw))
    titles = book.sheetnames
    assert len({t.casefold() for t in titles}) == len(titles)
    for title in titles:
        assert len(title.encode("utf-16-le")) <= 62 and not set("/\\:?*[]") & set(title), title
        assert not title.startswith("'") and not title.endswith("'"), title
    cells = []
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)  # no cell is a formula
                if isinstance(cell.value, str):
                    cells.append(cell.value)
                    # text as written, and kept text when edited in Excel or WPS (its quote prefix)
                    assert cell.quotePrefix or not cell.value.startswith(("=", "+", "-", "@")), cell.value
    assert FORMULA in cells or "全市" in titles
    return titles, cells


def markdown_shows_text_only(md: str) -> None:
    """Rendered as GitHub and markdown-it (with bare addresses linked) render it: the headings are the
    exporter's own, each on one line, and no link, HTML, emphasis or strike-through came from data."""
    from markdown_it import MarkdownIt

    page = MarkdownIt("gfm-like").render(md)
    for made in ("<a ", "<script", "<em>", "<strong>", "<s>", "<img", "<hr"):
        assert made not in page, made
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert page.count("<h") - page.count("<hr") == len(headings) > 0
    lines = md.splitlines()
    assert "[x]" not in md and not any(line.startswith(("# [x]", "\\# \\[x")) for line in lines)  # NAME's 2nd line


@pytest.mark.parametrize("format", ["md", "html", "csv", "json", "svg", "xlsx", "docx"])
def test_hostile_names_in_every_export(format, tmp_path, capsys):
    """Every export of a file whose names, notes and user names are NAME parses in the program that
    reads it, shows each invisible or forbidden character as its mark, and obeys none."""
    raw = exported(tmp_path, format, hostile_district(tmp_path))
    if format == "xlsx":
        titles, cells = texts_of_workbook(raw)
        assert any(t.startswith("’区／：？＊［］＼ ⟪U+FFFF⟫") for t in titles)  # the layout's name: 三区三轴
        text = "\n".join(titles + cells)
    elif format == "docx":
        import docx

        document = docx.Document(io.BytesIO(raw))
        paragraphs = [p.text for p in document.paragraphs]
        text = "\n".join(paragraphs + [c.text for t in document.tables for r in t.rows for c in r.cells])
        # a heading or a sentence on one line; the title broken only where a reader would, before the year
        assert all("\n" not in p for p in paragraphs[1:]) and paragraphs[0].count("\n") <= 1
        assert "<script>alert(1)</script>" in text
    else:
        text = raw.decode("utf-8-sig")
    assert not RAW & set(text), sorted(f"U+{ord(c):04X}" for c in RAW & set(text))
    if format == "json":
        data = json.loads(text)
        assert data["layout"]["name"] == NAME  # exact for scripts; in the file, \u202e and \uffff are seen
        assert "\\u202e" in text and "\\uffff" in text and "\\u200b" in text
        return
    for mark in MARKS:
        assert mark in text, mark
    if format == "md":
        markdown_shows_text_only(text)
    elif format == "html":
        tags = set()

        class Tags(HTMLParser):
            def handle_starttag(self, tag, attrs):
                tags.add(tag)

        Tags().feed(text)
        assert tags <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "table", "thead", "span",
                        "tbody", "tr", "th", "td", "div", "small"}, tags
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    elif format == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert all(len(row) == len(rows[0]) for row in rows)  # a newline in a name did not end a row
        assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)
        assert any(row[4] == "'" + FORMULA for row in rows)
    elif format == "svg":
        ElementTree.fromstring(text)


@pytest.mark.parametrize("format", ["md", "csv", "json", "xlsx"])
def test_hostile_names_in_the_citys_exports(format, tmp_path, capsys):
    raw = exported(tmp_path, format, hostile_district(tmp_path, "甲区"), hostile_district(tmp_path, "乙区"))
    text = "\n".join(texts_of_workbook(raw)[1]) if format == "xlsx" else raw.decode("utf-8-sig")
    assert not RAW & set(text), sorted(f"U+{ord(c):04X}" for c in RAW & set(text))
    if format == "json":
        names = [d["name"][:2] for d in json.loads(text)["districts"]]
        assert names == sorted(["甲区", "乙区"]) and "\\u202e" in text  # tied (the same figures): by name
        return
    for mark in MARKS:
        assert mark in text, mark
    if format == "md":
        markdown_shows_text_only(text)


def test_a_sheet_title_is_one_excel_accepts():
    from erqi_tui.exchange.workbook import sheet_title

    assert sheet_title("a/b\\c:d?e*f[g]", [], "layout") == "a／b＼c：d？e＊f［g］"
    assert sheet_title("'引号'", [], "layout") == "’引号’"
    assert sheet_title("\n\t", [], "layout") == "layout"
    assert sheet_title("总览", ["总览"], "overview") == "总览 (2)"
    assert sheet_title("Overview", ["总览", "overview", "OVERVIEW (2)"], "x") == "Overview (3)"
    assert sheet_title("history", [], "x") == "history (2)"  # Excel keeps History for itself
    long = sheet_title("二" * 40, ["二" * 31], "x")
    assert long == "二" * 27 + " (2)" and len(long) == 31
    assert sheet_title("😀" * 20, [], "x") == "😀" * 15  # two UTF-16 units each, none cut in half
    assert sheet_title("a" * 30 + "'b", [], "x") == "a" * 30 + "’"  # cut to 31, no apostrophe at the end


def test_every_printed_page_of_the_html_carries_the_title():
    """The leadership prints the HTML: each page's head says whose figures they are (an invented
    example's says 示例（虚构） on every page, not only the first), and a district's name cannot end
    the CSS string or the style element it is written in."""
    from erqi_tui.store.files import EXAMPLE, bundled_data

    page = report.to_html(store.load(bundled_data(EXAMPLE)), lang=ZH)
    style = page.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "@top-right" in style and "示例（虚构）" in style.split("@top-right", 1)[1]
    hostile = report._running_head('区"}</style><script>alert(1)</script>')
    assert "</style>" not in hostile and "<" not in hostile and hostile.count('"') == 2


def test_english_lists_in_english_and_chinese_as_before(dashboard):
    """An event's figures and an axis's projects are listed with "; " and ", " in English (it said
    `Key projects signed 26；Total amount signed 5+ bn CNY`), with ；and 、 in Chinese."""
    from erqi_tui.core.i18n import EN

    d = dashboard._replace(projects=tuple(p._replace(axis="daxue") for p in dashboard.projects[:2])
                           + dashboard.projects[2:])
    md = report.to_markdown(d, AS_OF, lang=EN)
    assert "| Key projects signed 26; Total amount signed 5+ bn CNY |" in md
    names = [p.en.get("name", p.name).replace("&", "\\&") for p in d.projects[:2]]  # as Markdown writes R&D
    assert f"| Daxue Road | Health services and better consumption | {names[0]}, {names[1]} |" in md
    html = report.to_html(d, AS_OF, lang=EN)
    assert "Key projects signed 26; Total amount signed 5+ bn CNY" in re.sub(r"<span[^>]*>|</span>", "", html)
    assert "；" not in html.split("<table")[0]
    zh = report.to_markdown(d, AS_OF, lang=ZH)
    assert "| 签约重点项目 26 个；总签约额 50亿元以上 |" in zh
    assert f"| {d.projects[0].name}、{d.projects[1].name} |" in zh


def test_the_ledger_templates_cells_are_text_as_written(tmp_path, capsys):
    """A project named like a formula is its name in the template an office fills, not a formula."""
    out = tmp_path / "台账.xlsx"
    assert cli.main(["import", "--data", str(hostile_district(tmp_path)), "--template", str(out)]) == 0
    titles, cells = texts_of_workbook(out.read_bytes())
    assert FORMULA in cells and "-2+3" in cells


def test_a_table_of_figures_heads_its_lines_item_in_english():
    """项目 over a table of figures is an item (一季度完成投资), not a project: "Item" in English, as
    the workbook heads it; Chinese as before."""
    from erqi_tui.core.i18n import EN
    from erqi_tui import store

    dashboard = store.load(BUNDLED)
    assert "<th>Item</th><th>Value</th>" in report.to_html(dashboard, lang=EN)
    assert "<th>Project</th><th>Value</th>" not in report.to_html(dashboard, lang=EN)
    assert "| 项目 | 数值 |" in report.to_markdown(dashboard, lang=ZH)


@pytest.mark.parametrize("text, kept", [
    ("余下每月需 23.5 亿元", ["余下每月需", "23.5 亿元"]),  # printed, it broke 亿|元
    ("逾期未报（计划 2025-09，按 2025-11-30 计）", ["2025-09", "2025-11-30 计"]),  # a date at its hyphen
    ("示例·区商务局 示例·张敏", ["示例·区商务局", "示例·张敏"]),  # a name broken 张|敏
    ("余下 1 个月需 至少 6 个", ["1 个月", "至少 6 个"]),
    ("Needed/month at least 2.74 bn CNY", ["2.74 bn CNY"]),
    ("生产车间预计2024年5月底投入使用", ["2024年5月"]),  # a date whole; the sentence around it breaks as it may
])
def test_an_html_cell_keeps_its_figures_and_short_words_on_one_line(text, kept):
    import html as html_module

    shown = report.cell_html(text)
    assert html_module.unescape(re.sub(r"<[^>]+>", "", shown)) == text  # every character, in order
    assert re.findall(r'<span class="nb">(.*?)</span>', shown)[:0] == [] and all(
        f'<span class="nb">{html_module.escape(k, quote=True)}</span>' in shown for k in kept)
    assert "投入使用</span>" not in shown  # not a whole sentence on one line, widening its column
    hostile = "<script>'x'</script> 27 &amp;"
    assert "<script>" not in report.cell_html(hostile) and html_module.unescape(
        re.sub(r"<[^>]+>", "", report.cell_html(hostile))) == hostile


def test_a_short_table_prints_on_one_page(tmp_path, capsys):
    out = tmp_path / "b.html"
    assert cli.main(["export", "--format", "html", "--data", str(BUNDLED), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "table.short { break-inside: avoid; }" in page and '<table class="short">' in page
    tables = re.findall(r"<table( class=\"short\")?>(.*?)</table>", page, re.S)
    assert all((cls != "") == (body.count("<tr>") - 1 <= report.SHORT_TABLE_ROWS) for cls, body in tables)


def test_a_completion_worked_out_of_a_loose_figure_stays_loose(tmp_path, capsys):
    """约20 个 of 30: the completion is about 66.7%, not a precise 66.7%, in every text that gives it
    (the workbook keeps the number, its 约 in the figure's own column)."""
    path = tmp_path / "t.toml"
    path.write_text(BUNDLED.read_text(encoding="utf-8").replace(
        "current = { value = 13, unit = \"个\" }", "current = { value = 20, unit = \"个\", approx = true }", 1),
        encoding="utf-8")
    dashboard = store.load(path)
    md = report.to_markdown(dashboard, lang=ZH)
    assert "| 新签约产业项目 | 约20 个 | 30个以上 | 约66.7% |" in md
    assert "约66.7%" in report.to_html(dashboard, lang=ZH) and "≈66.7%" in report.to_markdown(dashboard, lang=EN)
    assert "43.3%" not in md and "| 签约额 | 107.96 亿元 | 300亿元以上 | 36.0% |" in md  # an exact figure: exact
