"""The workbook as the leadership prints it: long text wraps inside its column and its row grows to
show it, a date the source gave only as a month reads as that month, an English workbook is English
down to its units, and 余下月数 is given for every target it applies to."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from openpyxl import load_workbook
from rich.cells import cell_len

from erqi_tui import cli
from erqi_tui.exchange.workbook import LINE_HEIGHT, TEXT_WIDTH, wrapped_lines

from .test_office_exports import table_of


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    out = tmp_path_factory.mktemp("books")
    made = {}
    for name, args in (("def", []), ("ex", ["--example"]), ("en", ["--lang", "en"])):
        path = out / f"{name}.xlsx"
        assert cli.main([*args, "export", "--format", "xlsx", "-o", str(path)]) == 0
        made[name] = load_workbook(path)
    return made


def cells_under(sheet, header: str):
    header_row, rows = table_of(sheet)
    column = rows[0].index(header) + 1
    return [sheet.cell(r, column) for r in range(header_row + 1, header_row + len(rows))]


def test_wrapped_lines_counts_as_a_spreadsheet_wraps():
    assert wrapped_lines("签约", 10) == 1 and wrapped_lines("", 10) == 1
    assert wrapped_lines("一\n二", 10) == 2  # a line break the text holds
    assert wrapped_lines("项" * 40, 20) >= 4  # 80 columns of Chinese in 20
    assert wrapped_lines("word " * 12, 22) >= 3  # English breaks at spaces, not inside a word


def test_a_long_text_wraps_in_a_capped_column_and_its_row_shows_all_of_it(books):
    sheet = books["ex"]["三轴联动·发展轴"]
    names = cells_under(sheet, "项目")
    assert names and all(cell_len(c.value) > 200 for c in names)  # 14 projects' names a road
    letter = names[0].column_letter
    width = sheet.column_dimensions[letter].width
    assert width <= TEXT_WIDTH  # the page is not shrunk to specks to fit one line of 380 characters
    for cell in names:
        assert cell.alignment.wrap_text and cell.alignment.vertical == "top"
        height = sheet.row_dimensions[cell.row].height
        assert height is not None and height >= LINE_HEIGHT * math.ceil(cell_len(cell.value) / width)
    counts = cells_under(sheet, "项目数")
    assert all(c.value == 14 and not c.alignment.wrap_text for c in counts)  # a number never wraps


def test_a_note_in_the_last_column_wraps_within_the_table(books):
    sheet = books["def"]["招商引资·项目推进"]
    notes = [c for c in cells_under(sheet, "说明") if c.value]
    assert notes and all(c.alignment.wrap_text for c in notes)
    longest = max(notes, key=lambda c: cell_len(c.value))
    width = sheet.column_dimensions[longest.column_letter].width
    assert cell_len(longest.value) > width - 2  # it would spill past the border unwrapped
    assert sheet.row_dimensions[longest.row].height >= 2 * LINE_HEIGHT


@pytest.mark.parametrize("name, sheet, header, shown", [
    ("def", "总览", "数值截至", 'yyyy"年"m"月"'),  # the file says as_of = "2024-05": 2024年5月
    ("en", "Overview", "Figure as of", "mmm yyyy"),  # May 2024
    ("ex", "总览", "数值截至", "yyyy-mm-dd"),  # the example gives the day: 2025-11-30
])
def test_a_month_only_date_reads_as_the_month(books, name, sheet, header, shown):
    dates = [c for c in cells_under(books[name][sheet], header) if c.value is not None]
    assert dates and all(isinstance(c.value, dt.datetime) for c in dates)  # still a date Excel sorts
    assert {c.number_format for c in dates} == {shown}


def test_the_english_workbook_gives_units_in_english_and_sums_stay_right(books):
    en, zh = books["en"], books["def"]
    chinese = lambda text: any("\u4e00" <= ch <= "\u9fff" for ch in str(text))  # noqa: E731
    for name in en.sheetnames:
        header_row, rows = table_of(en[name])
        assert not any(chinese(h) for h in rows[0] if h), name
        if "Unit" in rows[0]:
            units = [r[rows[0].index("Unit")] for r in rows[1:]]
            assert not any(chinese(u) for u in units if u), (name, units)
    _, rows = table_of(en["Overview"])
    signed = dict(zip(rows[0], next(r for r in rows if r[0] == "Amount signed")))
    assert (signed["Current value"], signed["Target value"], signed["Unit"]) == (10.796, 30, "bn CNY")
    assert (signed["Year-end est."], signed["Shortfall"]) == (25.91, 4.09)  # the docx's 10.796 bn CNY, tenfold
    _, en_rows = table_of(en["Projects"])
    _, zh_rows = table_of(zh["重点项目"])
    assert "Investment (bn CNY)" in en_rows[0] and "Area (mu)" in en_rows[0]
    invest = [r[en_rows[0].index("Investment (bn CNY)")] or 0 for r in en_rows[1:]]
    yuan = [r[zh_rows[0].index("总投资（亿元）")] or 0 for r in zh_rows[1:]]
    assert sum(invest) == pytest.approx(sum(yuan) / 10)  # a SUM of the column is still the total
    for name in ("Investment·Figures", "Overview·Headline figures"):
        _, rows = table_of(en[name])
        assert rows[0][1] == "Item"  # a line of figures, not a project


def test_months_left_is_given_for_every_target_with_a_projection(books):
    _, rows = table_of(books["def"]["总览"])
    lines = [dict(zip(rows[0], r)) for r in rows[1:]]
    projected = [line for line in lines if line["年底预计"] is not None]
    assert len(projected) >= 2
    assert all(line["余下月数"] == 7 for line in projected)  # May's end: seven months left


@pytest.mark.parametrize("name, sheet", [("def", "总览"), ("en", "Overview")])
def test_a_wide_table_is_as_wide_as_its_figures_and_its_headers_wrap_above(books, name, sheet):
    """总览's 17 columns were each as wide as 14 characters of its header: fitted to one A4 width, the
    sheet printed at a third less than it needs. Each column is now as wide as its values; a header
    wraps to up to three lines above (a Chinese one anywhere, an English word kept whole)."""
    from openpyxl.utils import get_column_letter

    sheet = books[name][sheet]
    header_row, rows = table_of(sheet)
    widths = [sheet.column_dimensions[get_column_letter(i)].width for i in range(1, len(rows[0]) + 1)]
    for index, header in enumerate(rows[0]):
        for cell in (sheet.cell(row, index + 1) for row in range(header_row + 1, header_row + len(rows))):
            if isinstance(cell.value, str):  # a text fits, or wraps within its column
                assert cell_len(cell.value) <= widths[index] or cell.alignment.wrap_text, (header, cell.value)
            elif cell.value is not None:  # a number or a date, never wrapped, fits: not ### on paper
                shown = (f"{cell.value:.1%}" if "%" in cell.number_format else
                         cell.value.strftime("%Y-%m-%d") if isinstance(cell.value, dt.datetime) else str(cell.value))
                assert cell_len(shown) < widths[index], (header, widths[index], shown)
        assert all(len(word) < widths[index] for word in header.split() if word.isascii()), (header, widths[index])
        assert wrapped_lines(header, widths[index]) <= 3 and sheet.cell(header_row, index + 1).alignment.wrap_text
    lines = max(wrapped_lines(h, w) for h, w in zip(rows[0], widths))
    assert sheet.row_dimensions[header_row].height >= LINE_HEIGHT * lines - 1  # the header shown whole
    if name == "def":
        assert sum(widths) <= 140  # was 192 (all 17 headers' 14)


def test_the_overviews_chart_is_told_apart_printed_in_grey(books):
    """Excel's default blue and orange print as one grey: completion is dark, 序时进度 light with a
    dark edge, set in the file (not left to the program's palette)."""
    chart, = books["def"]["总览"]._charts
    fills = [str(s.graphicalProperties.solidFill.srgbClr) for s in chart.series]
    assert len(fills) == 2 and fills[0] != fills[1]
    grey = [sum(int(f[i:i + 2], 16) * w for i, w in ((0, .299), (2, .587), (4, .114))) for f in fills]
    assert abs(grey[0] - grey[1]) > 120  # luminance apart on a 0–255 scale


def test_a_change_since_the_briefing_carries_its_sign(books):
    """较 2025-09-30 read 6 and 57.5 where every other output says +6 and +57.5: its format signs it."""
    header_row, rows = table_of(books["ex"]["总览"])
    column = next(i for i, h in enumerate(rows[0]) if str(h).startswith("较 "))
    cells = [books["ex"]["总览"].cell(header_row + 1 + i, column + 1) for i in range(len(rows) - 1)]
    changes = [c for c in cells if isinstance(c.value, (int, float))]
    assert changes and all(c.number_format.startswith("+") and ";-" in c.number_format for c in changes)


def test_the_course_charts_tell_the_figure_from_the_target_printed_in_grey(books):
    """进程's charts: the figure a solid dark line, the target dashed (both printed one grey before)."""
    charts = [c for sheet in books["ex"].worksheets for c in sheet._charts if c.tagname == "lineChart"]
    assert charts
    for chart in charts:
        figure, target = chart.series
        assert figure.graphicalProperties.line.prstDash in (None, "solid") and target.graphicalProperties.line.prstDash == "dash"
