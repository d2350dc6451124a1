"""Exports as the programs officials open them: every chart of a workbook drawn from exactly its
table's rows, every sheet set up for A4 with its header repeated, a column of amounts in one unit;
read back from the file's own XML as Excel and WPS would read it."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string

from erqi_tui.core.i18n import ZH
from erqi_tui import cli

from ..conftest import BUNDLED, TEST_DATA, svg_texts

OTHER = TEST_DATA / "other_district.toml"


def exported(tmp_path, fmt: str, *args: str) -> bytes:
    out = tmp_path / f"out.{fmt}"
    assert cli.main([*args, "export", "--format", fmt, "-o", str(out)]) == 0
    return out.read_bytes()


WORKBOOKS = {"bundled": ["--data", str(BUNDLED)], "example": ["--example"], "other": ["--data", str(OTHER)]}


def reference(formula: str) -> tuple[str, int, int, int, int]:
    """'总览'!$G$5:$G$12 as (sheet, first column, first row, last column, last row)."""
    sheet, _, cells = formula.rpartition("!")
    corners = [re.fullmatch(r"\$?([A-Z]+)\$?(\d+)", c).groups() for c in cells.split(":")]
    (c1, r1), (c2, r2) = corners[0], corners[-1]
    return (sheet.strip("'").replace("''", "'"), column_index_from_string(c1), int(r1), column_index_from_string(c2),
            int(r2))


def header_row(sheet) -> int:
    """The one header of a sheet: the first filled row after the title block's blank line."""
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row - 1, 1).value is None and sheet.cell(row, 1).value is not None:
            return row
    raise AssertionError(f"{sheet.title}: no table")


def charts_and_ranges(raw: bytes):
    """Each chart's series as (sheet of the chart, values, categories), read from the file."""
    book = load_workbook(io.BytesIO(raw))
    for sheet in book:
        for chart in sheet._charts:
            for series in chart.series:
                categories = series.cat.numRef or series.cat.strRef
                yield book, sheet.title, reference(series.val.numRef.f), reference(categories.f)


@pytest.mark.parametrize("name", WORKBOOKS)
def test_every_chart_covers_exactly_its_tables_rows(name, tmp_path, capsys):
    raw = exported(tmp_path, "xlsx", *WORKBOOKS[name])
    seen = 0
    for book, _, values, categories in charts_and_ranges(raw):
        seen += 1
        sheet = book[values[0]]
        top = header_row(sheet)
        last = max(r for r in range(top, sheet.max_row + 1) if sheet.cell(r, 1).value is not None)
        assert values[1] == values[3] and categories[1] == categories[3]  # one column each
        assert (values[0], values[4]) == (categories[0], categories[4])
        if sheet.title == "进程":  # one target's block of rows: all of them, no other target's
            rows = range(categories[2], categories[4] + 1)
            names = {sheet.cell(r, 1).value for r in rows}
            assert len(names) == 1
            (target,) = names
            assert [r for r in range(top + 1, last + 1) if sheet.cell(r, 1).value == target] == list(rows)
            assert values[2] == categories[2]
        else:  # the whole table: the header (the series' name) or the first row, to the last row
            assert values[2] in (top, top + 1) and categories[2] == top + 1 and categories[4] == last
    assert seen >= 2


@pytest.mark.parametrize("name", WORKBOOKS)
def test_every_sheet_is_set_up_for_a4_with_its_header_repeated(name, tmp_path, capsys):
    book = load_workbook(io.BytesIO(exported(tmp_path, "xlsx", *WORKBOOKS[name])))
    for sheet in book:
        setup = sheet.page_setup
        assert str(setup.paperSize) == "9", sheet.title  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        assert "&P" in sheet.oddFooter.right.text and "&N" in sheet.oddFooter.right.text  # beside the date, clear of the name
        assert sheet.cell(1, 1).value.split(" — ")[0].endswith("年目标")  # district and year
        assert sheet.cell(2, 1).value.startswith("截至 ")
        if sheet._charts and sheet.max_row <= 3:  # a sheet of charts only
            continue
        top = header_row(sheet)
        assert sheet.print_title_rows.replace("$", "") == f"{top}:{top}" and sheet.freeze_panes == f"B{top + 1}", sheet.title
        headers = [c.value for c in sheet[top] if c.value is not None]
        assert headers.count("单位") <= 1, sheet.title
        wide = sum(sheet.column_dimensions[c.column_letter].width or 8 for c in sheet[top]) > 95
        assert setup.orientation == ("landscape" if wide else "portrait"), sheet.title


def test_a_column_of_amounts_is_in_one_unit_so_its_sum_is_the_total(write_toml, tmp_path, capsys):
    path = write_toml('[meta]\ndistrict = "区"\nyear = 2024\nas_of = 2024-05-31\n'
                      '\n[[project]]\nid = "a"\nname = "甲"\ninvestment = { value = 10, unit = "亿元" }\n'
                      'area = { value = 2, unit = "公顷" }\n'
                      '\n[[project]]\nid = "b"\nname = "乙"\ninvestment = { value = 5000, unit = "万元" }\n'
                      'area = { value = 30, unit = "亩", approx = true }\n'
                      '\n[[project]]\nid = "c"\nname = "丙"\ninvestment = { value = 2.5, unit = "亿元", at_least = true }\n'
                      'area = { value = 15, unit = "亩" }\n')
    book = load_workbook(io.BytesIO(exported(tmp_path, "xlsx", "--data", str(path))))
    sheet = book["重点项目"]
    top = header_row(sheet)
    headers = [c.value for c in sheet[top]]
    money, land = headers.index("总投资（亿元）") + 1, headers.index("占地（亩）") + 1
    rows = range(top + 1, top + 4)
    assert [sheet.cell(r, money).value for r in rows] == [10, 0.5, 2.5]
    assert sum(sheet.cell(r, money).value for r in rows) == pytest.approx(13)
    assert [sheet.cell(r, land).value for r in rows] == [30, 30, 15]  # 2 公顷 = 30 亩
    assert [sheet.cell(r, headers.index("总投资为下限或约数") + 1).value for r in rows] == [None, None, "以上"]
    assert [sheet.cell(r, headers.index("占地为下限或约数") + 1).value for r in rows] == [None, "约", None]
    assert sheet.cell(top + 2, money).number_format == "#,##0.0" and sheet.cell(top + 1, money).number_format == "#,##0"


DOCUMENTS = {"bundled": ["--data", str(BUNDLED)], "example": ["--example"], "other": ["--data", str(OTHER)]}


def _docx(raw: bytes):
    import docx

    return docx.Document(io.BytesIO(raw))


@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_briefing_is_an_official_a4_document(name, tmp_path, capsys):
    from docx.oxml.ns import qn
    from docx.shared import Cm

    from erqi_tui import store
    from erqi_tui.exchange import briefing_doc
    from erqi_tui.views.account import account

    raw = exported(tmp_path, "docx", *DOCUMENTS[name])
    document = _docx(raw)
    for section in document.sections:
        assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
        assert [round(getattr(section, f"{s}_margin").cm, 1) for s in ("top", "bottom", "left", "right")] == \
            [3.7, 3.5, 2.8, 2.6]
        assert "PAGE" in "".join(t.text for t in section.footer._element.iter(qn("w:instrText")))
    text = "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for r in t.rows for c in r.cells])
    assert not re.search(r"\d\+(?!\d)", text) and "+ " not in text  # bounds read 以上, 至少, 约 (1+1+12 is a name)
    assert not re.search(r"\d (亿元|万元|个|家|亩|户|项|次)", text)  # a number joined to its unit
    for table in document.tables:  # the header repeats on every page; no row splits across two
        rows = table._tbl.findall(qn("w:tr"))
        assert rows[0].find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
        assert all(r.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None for r in rows)
    # every target of the account said once, with its projection; the warnings say the verdict again
    dashboard = store.read(BUNDLED if name == "bundled" else OTHER).dashboard if name != "example" else None
    if dashboard is not None:
        paragraphs = [p.text for p in document.paragraphs]
        for line in account(dashboard).sections[0].targets:
            said = briefing_doc.sentence(line.progress, lang=ZH)
            assert sum(said in p for p in paragraphs) == 1, said
            more = briefing_doc.course(line, dashboard.meta.year, lang=ZH)
            assert sum(more in p for p in paragraphs) == (1 if more else len(paragraphs)), more


def test_east_asian_fonts_at_every_level_and_no_theme_font(tmp_path, capsys):
    from docx.oxml.ns import qn

    document = _docx(exported(tmp_path, "docx", "--data", str(BUNDLED)))
    styles = document.styles.element
    every = list(styles.iter(qn("w:rFonts")))
    assert every and all(not any(f.get(qn(a)) for a in ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme",
                                                        "w:cstheme")) for f in every)
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋"
    for name in ("Heading 1", "Heading 2", "Title"):
        assert document.styles[name].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "宋体", name
    text = "".join(p.text for p in document.paragraphs)
    assert "重点任务涉及6方面" in text and "涉及方面6方面" not in text


def test_the_citys_briefing_ranks_the_districts(tmp_path, capsys):
    folder = tmp_path / "city"
    folder.mkdir()
    for name, signed, date in (("甲区", 24, "2024-06-30"), ("乙区", 10, "2024-05-31"), ("丙区", 18, "2024-06-30")):
        (folder / f"{name}.toml").write_text(
            f'[meta]\ndistrict = "{name}"\nyear = 2024\nas_of = {date}\n\n[[target]]\nid = "signed"\n'
            f'name = "新签约项目"\ntarget = {{ value = 40, unit = "个" }}\ncurrent = {{ value = {signed}, unit = "个" }}\n',
            encoding="utf-8")
    document = _docx(exported(tmp_path, "docx", "--data", str(folder)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "第1名甲区（截至2024年6月30日）" in text and "第3名乙区（截至2024年5月31日）" in text and "乙区最落后" in text
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells][:3] == ["排名", "地区", "数值截至"]
    assert [r.cells[1].text for r in table.rows[1:]] == ["甲区", "丙区", "乙区"]


def test_the_svg_sets_every_text_in_terminal_cells(tmp_path, capsys):
    """A Chinese character is two cells: every character starts at its own cell (a text of one
    character as long as its cells, for Chromium; a longer one a tspan per character, for rsvg and
    LibreOffice, which take neither textLength nor a list of x); no tab row or key line; the size
    asked for."""
    from xml.etree import ElementTree

    from rich.cells import cell_len

    from erqi_tui.exchange.briefing_svg import CELL_WIDTH, FONT_SIZE

    out = tmp_path / "pane.svg"
    assert cli.main(["--data", str(BUNDLED), "export", "--format", "svg", "--size", "100x30", "-o", str(out)]) == 0
    raw = out.read_text(encoding="utf-8")
    root = ElementTree.fromstring(raw)
    at_cell = lambda x: (float(x) / CELL_WIDTH) == pytest.approx(round(float(x) / CELL_WIDTH))  # noqa: E731
    texts = [t for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("textLength") or len(t)]  # not the title
    assert any(len(t) > 1 and cell_len("".join(t.itertext())) > len("".join(t.itertext())) for t in texts)  # Chinese
    for text in texts:
        spans = list(text)
        if not spans:  # one character, fitted to its cells
            assert len(text.text) == 1 and at_cell(text.get("x"))
            assert float(text.get("textLength")) == pytest.approx(cell_len(text.text) * CELL_WIDTH), text.text
            continue
        chars = "".join(text.itertext())
        assert len({cell_len(ch) for ch in chars}) == 1  # one width a piece
        xs = [float(span.get("x")) for span in spans]
        step = cell_len(chars[0]) * CELL_WIDTH  # a space between characters has no tspan of its own
        assert all(at_cell(x) for x in xs) and all(round((b - a) / step) >= 1 for a, b in zip(xs, xs[1:]))
        assert all((b - a) / step == pytest.approx(round((b - a) / step)) for a, b in zip(xs, xs[1:]))
    shown = "".join(svg_texts(raw))
    assert "签约额" in shown and "建设现代化美好二七" in shown
    # an opening quote, one cell on the screen and a square in the CJK fonts, is set back by the
    # square's spare width so its mark falls in its own cell, not under the character after it
    quote = next(t for t in root.iter("{http://www.w3.org/2000/svg}text") if t.text == "“")
    assert at_cell(float(quote.get("x")) + FONT_SIZE - CELL_WIDTH)
    assert "三区三轴" not in shown and "营商环境" not in shown and "退出" not in shown  # no tab row, no key line
    width = float(root.get("viewBox").split()[2])
    assert width == pytest.approx(100 * CELL_WIDTH + 20 + 18, abs=40)


def test_a_pane_taller_than_the_picture_is_drawn_whole(tmp_path, capsys):
    """The example's 总览 runs past 48 rows: its picture once ended inside the 要闻数据 box, its last
    figure without its label; now the pane is drawn whole, ending with its box's bottom line."""
    raw = exported(tmp_path, "svg", "--example").decode("utf-8")
    text = "".join(svg_texts(raw))
    assert "要闻数据" in text and "可开发用地" in text.replace(" ", "")


@pytest.mark.parametrize("count", [2, 12])
def test_the_city_has_a_picture_of_every_district_and_nothing_of_the_program(count, tmp_path, capsys):
    """A dozen districts, each in the picture (the picture once ended after two of three); no filter
    box, no keys, no cursor's row: a picture for a slide, not a program."""
    folder = tmp_path / "city"
    folder.mkdir()
    names = [f"{n:02d}号区" for n in range(1, count + 1)]
    for n, name in enumerate(names):
        (folder / f"{name}.toml").write_text(
            f'[meta]\ndistrict = "{name}"\nyear = 2024\nas_of = 2024-06-30\n\n[[target]]\nid = "signed"\n'
            f'name = "新签约项目"\ntarget = {{ value = 40, unit = "个" }}\ncurrent = {{ value = {10 + n}, unit = "个" }}\n',
            encoding="utf-8")
    raw = exported(tmp_path, "svg", "--data", str(folder)).decode("utf-8")
    text = "".join(svg_texts(raw))
    assert all(name in text for name in names) and "新签约项目" in text
    assert "筛选" not in text and "Enter" not in text  # the filter's placeholder, the keys


SOFFICE = __import__("shutil").which("soffice")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("fmt, args, most", [
    ("xlsx", ["--data", str(BUNDLED)], 16), ("xlsx", ["--example"], 20),  # bundled: + the initiatives' sheets
    ("docx", ["--data", str(BUNDLED)], 3), ("docx", ["--example"], 5),
])
def test_libreoffice_prints_it_on_a4(fmt, args, most, tmp_path, capsys):
    """Printed by LibreOffice as an office would: every page A4, the workbook a page or so a sheet
    (it printed on 18 and 34 before), the briefing on a few; pdftoppm makes each page a picture to
    look at."""
    import shutil
    import subprocess

    raw = exported(tmp_path, fmt, *args)
    source = tmp_path / f"briefing.{fmt}"
    source.write_bytes(raw)
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "briefing.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout if shutil.which("pdfinfo") \
        else ""
    if info:
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        assert 1 <= pages <= most, pages
        assert "(A4)" in info
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "page")], check=True)
        assert list(tmp_path.glob("page-*.png"))


def test_the_html_prints_on_a4_with_its_tables_running_on(tmp_path, capsys):
    """Printed from a browser: A4, a long table runs on from the first page with its header repeated
    (kept whole, it left a first page with the title alone), columns never one character wide."""
    page = exported(tmp_path, "html", "--example").decode("utf-8")
    css = page[page.index("<style>"):page.index("</style>")]
    assert "@page { size: A4" in css and "thead { display: table-header-group; }" in css
    assert "table { break-inside: avoid" not in css and "tr { break-inside: avoid; }" in css
    assert "td { min-width: 3em; }" in css and "th { word-break: keep-all; }" in css  # a header never inside a word
    assert "td.fig, .nb { white-space: nowrap; }" in css and '<td class="fig">2025-11-30</td>' in page  # a date whole
    assert page.count("<thead>") == len(re.findall(r"<table[ >]", page)) > 3  # each table, short or not, with its header
