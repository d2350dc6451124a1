"""全市 as the reviewer read it: two districts with the same figures share a rank (并列第1) and
neither is named 最落后; a file that gives only the month (as_of = "2024-05") shows the month, not
an invented day, on screen and in every export; the workbook's line under the title is two
sentences, wrapped across the table."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from erqi_tui.core.i18n import EN, ZH
from erqi_tui import cli
from erqi_tui.store import journal
from erqi_tui.views.city import compare, expand, rank_text, read_all
from erqi_tui.ui.screens.city import CityScreen

from .helpers import run_with, screen_text
from .test_city import city_app, district as city_district


def district(folder, name: str, signed: float, amount: float, *, as_of: str = '"2024-05"'):
    """test_city's district, of May 2024 given only as the month unless `as_of` says otherwise."""
    return city_district(folder, name, signed, amount, as_of=as_of)


@pytest.fixture
def twins(tmp_path):
    """乙区 and 甲区 with the same figures, of May 2024 given only as the month (the files' names in
    the reverse of the districts' order, so that an order by name is seen to be by name)."""
    folder = tmp_path / "city"
    folder.mkdir()
    district(folder, "a", 17, 36).write_text((folder / "a.toml").read_text(encoding="utf-8")
                                             .replace('"a"', '"乙区"'), encoding="utf-8")
    district(folder, "b", 17, 36).write_text((folder / "b.toml").read_text(encoding="utf-8")
                                             .replace('"b"', '"甲区"'), encoding="utf-8")
    return folder


@pytest.fixture
def three(twins):
    district(twins, "丙区", 10, 20, as_of="2024-05-31")  # behind both, with a day
    return twins


def ranks(comparison):
    return [(r.label, r.rank, r.tied, r.worst) for r in comparison.rows if r.rank]


def test_equal_figures_share_a_rank_and_none_is_the_worst(twins):
    comparison = compare(read_all(expand([twins]), lang=ZH), lang=ZH)
    ordered = sorted(["甲区", "乙区"])  # within a tie, by name
    assert ranks(comparison) == [(ordered[0], 1, True, False), (ordered[1], 1, True, False)]
    assert [rank_text(r, lang=ZH) for r in comparison.ranked] == ["并列1", "并列1"]


def test_a_tie_is_listed_in_the_same_order_in_every_language(twins):
    # 甲区 is "Alpha" in English and 乙区 "Zeta": by the names shown, English would reverse the
    # order Chinese gives; the two versions of one report list the tied districts alike
    for path, english in ((twins / "a.toml", "Zeta District"), (twins / "b.toml", "Alpha District")):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("[meta]\n", f'[meta]\nen = {{ district = "{english}" }}\n', 1), encoding="utf-8")
    orders = {}
    for lang in (ZH, EN):
        comparison = compare(read_all(expand([twins]), lang=lang), lang=lang)
        orders[lang] = [r.district.path.name for r in comparison.ranked]
        assert [r.tied for r in comparison.ranked] == [True, True]
    assert orders[ZH] == orders[EN] == ["a.toml", "b.toml"]  # 乙区 (Zeta), 甲区 (Alpha): as the files name them


def test_a_tie_then_one_behind_names_only_the_one_behind(three):
    comparison = compare(read_all(expand([three]), lang=ZH), lang=ZH)
    assert [(rank, tied, worst) for _, rank, tied, worst in ranks(comparison)] == [
        (1, True, False), (1, True, False), (3, False, True)]
    assert ranks(comparison)[2][0] == "丙区"


def test_two_tied_for_the_last_are_both_the_worst(tmp_path):
    folder = tmp_path / "city"
    folder.mkdir()
    district(folder, "甲区", 30, 70)
    district(folder, "乙区", 10, 20)
    district(folder, "丙区", 10, 20)
    comparison = compare(read_all(expand([folder]), lang=ZH), lang=ZH)
    assert [(label, rank, worst) for label, rank, _, worst in ranks(comparison)] == [
        ("甲区", 1, False), ("丙区", 2, True), ("乙区", 2, True)]


def test_the_exports_say_the_tie_and_the_month(twins, tmp_path, capsys):
    from docx import Document
    from openpyxl import load_workbook

    for kind in ("md", "html", "docx", "xlsx", "json"):
        assert cli.main(["--data", str(twins), "export", "--format", kind, "-o", str(tmp_path / f"c.{kind}")]) == 0
    capsys.readouterr()
    md = (tmp_path / "c.md").read_text(encoding="utf-8")
    assert "| 并列1 | 乙区 | 2024年5月 |" in md and "| 并列1 | 甲区 | 2024年5月 |" in md
    assert "⚠" not in md and "05-31" not in md
    html = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert '<td class="rank">并列1</td>' in html and '<span class="day">2024年5月</span>' in html
    assert "⚠" not in html and "05-31" not in html
    document = Document(tmp_path / "c.docx")
    text = "\n".join(p.text for p in document.paragraphs)
    assert "并列第1名乙区（截至2024年5月）" in text and "并列第1名甲区（截至2024年5月）" in text
    assert "最落后" not in text and "5月31日" not in text
    table = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert [row[:3] for row in table[1:]] == [["并列1", "乙区", "2024年5月"], ["并列1", "甲区", "2024年5月"]]
    sheet = load_workbook(tmp_path / "c.xlsx")["全市"]
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "排名")
    for number in (header + 1, header + 2):
        rank, _, date, worst = (sheet.cell(number, c) for c in range(1, 5))
        assert rank.value == 1 and rank.number_format == '"并列"0'  # a number, read 并列1
        assert date.value == dt.datetime(2024, 5, 31) and date.number_format == 'yyyy"年"m"月"'
        assert worst.value is None
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert [(d["rank"], d["tied"], d["worst"]) for d in data["districts"]] == [(1, True, False), (1, True, False)]


def test_the_workbook_line_under_the_title_is_two_sentences_wrapped_across_the_table(twins, tmp_path, capsys):
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    assert cli.main(["--data", str(twins), "export", "--format", "xlsx", "-o", str(tmp_path / "c.xlsx")]) == 0
    capsys.readouterr()
    sheet = load_workbook(tmp_path / "c.xlsx")["全市"]
    line = sheet["A2"]
    assert line.value.startswith("各地区数值截至日期见“数值截至”列。排名：")  # two sentences, not run together
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "排名")
    last = max(c for c in range(1, 40) if sheet.cell(header, c).value)
    assert f"A2:{get_column_letter(last)}2" in {str(r) for r in sheet.merged_cells.ranges}
    assert line.alignment.wrap_text
    across = sum(sheet.column_dimensions[get_column_letter(c)].width for c in range(1, last + 1))
    from rich.cells import cell_len
    lines = -(-cell_len(line.value) // int(across))
    assert lines >= 2 and sheet.row_dimensions[2].height >= 15 * lines  # every line of it shows
    assert "列。" in sheet.oddFooter.right.text  # the footer keeps the short sentence (and then the page)


def test_the_screen_says_the_tie_and_the_month(three):
    app = city_app(three)

    async def check(pilot) -> None:
        await pilot.pause()
        assert isinstance(app.screen, CityScreen)
        text = screen_text(app)
        assert "⚠ 最落后：丙区 ·" in text and "⚠ 3" in text
        assert text.count("并列1") == 2 and text.count("2024年5月") == 3 and "2024-05-31" in text  # two rows and the detail; 丙区 gives the day, with its year beside theirs
        assert "截至 2024年5月 · 并列第 1 名" in text  # the cursor's district, under the table

    run_with(app, check, size=(120, 30))


def test_a_districts_year_in_two_files_is_ranked_once(twins):
    """A second file of 乙区's year (乙区（修订）.toml beside the original) was ranked beside it,
    并列1 twice over: one is ranked, by its newer figures or, at one date, as the one saved last;
    the other is listed, not ranked, and says which file the rank rests on."""
    import os

    original, copy = twins / "a.toml", twins / "a-副本.toml"
    copy.write_bytes(original.read_bytes())
    os.utime(original, ns=(10**18, 10**18))
    os.utime(copy, ns=(2 * 10**18, 2 * 10**18))  # saved after it
    comparison = compare(read_all(expand([twins]), lang=ZH), lang=ZH)
    assert sorted(r.district.path.name for r in comparison.ranked) == ["a-副本.toml", "b.toml"]
    unranked, = [r for r in comparison.rows if r.district.path == original]
    assert unranked.rank is None and "与 a-副本.toml 同为 乙区 2024 年的数据，只按其中较新的一份排名" in unranked.note
    # the original recorded into since (a newer figure): it is the one ranked, whenever saved
    original.write_text(original.read_text(encoding="utf-8").replace('as_of = "2024-05"', "as_of = 2024-06-30"),
                        encoding="utf-8")
    os.utime(original, ns=(10**18, 10**18))
    comparison = compare(read_all(expand([twins]), lang=ZH), lang=ZH)
    assert sorted(r.district.path.name for r in comparison.ranked) == ["a.toml", "b.toml"]
    # a figure recorded since into the copy's journal: the copy's figures are the newer
    original.write_text(original.read_text(encoding="utf-8").replace("as_of = 2024-06-30", 'as_of = "2024-05"'),
                        encoding="utf-8")
    os.utime(original, ns=(10**18, 10**18))
    journal.journal_path(copy).write_text("", encoding="utf-8")
    os.utime(journal.journal_path(copy), ns=(3 * 10**18, 3 * 10**18))
    os.utime(original, ns=(2 * 10**18 + 1, 2 * 10**18 + 1))  # the original saved after the copy, before its journal
    comparison = compare(read_all(expand([twins]), lang=ZH), lang=ZH)
    assert sorted(r.district.path.name for r in comparison.ranked) == ["a-副本.toml", "b.toml"]


def test_the_citys_exports_say_what_the_mark_means_and_read_as_sentences(three, tmp_path):
    """The ⚠ beside the last district is explained under the title; the Word briefing's notes read
    as one sentence each (二七区（截至2024年5月），…进度未知。 — it said ：进度未知：…), its dates with their year."""
    import docx

    from erqi_tui.exchange.briefing_doc import to_city_docx

    md = tmp_path / "c.md"
    assert cli.main(["--data", str(three), "export", "--format", "md", "-o", str(md)]) == 0
    assert "⚠ 标出最落后的地区。" in md.read_text(encoding="utf-8").splitlines()[2]
    (three / "丙区.toml").write_text((three / "丙区.toml").read_text(encoding="utf-8").replace(
        'current = { value = 20, unit = "亿元" }\n', ""), encoding="utf-8")  # 签约额 unknown
    document = docx.Document(io.BytesIO(to_city_docx(read_all(expand([three]), lang=ZH), None, lang=ZH)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "丙区（截至2024年5月31日），签约额进度未知。" in text and "：进度未知" not in text


def test_a_pane_asked_of_the_city_is_refused_not_ignored(twins, tmp_path, capsys):
    """--pane projects over a folder wrote the comparison, the same file for each pane asked."""
    out = tmp_path / "c.md"
    assert cli.main(["--data", str(twins), "export", "--pane", "projects", "--format", "md", "-o", str(out)]) == 2
    assert "请去掉 --pane" in capsys.readouterr().err and not out.exists()


def test_a_what_if_outside_the_citys_year_is_refused(twins, tmp_path, capsys):
    """As for one file: --as-of 2025-06-30 over 2024's districts showed each about 50 points behind."""
    out = tmp_path / "c.md"
    assert cli.main(["--data", str(twins), "export", "--as-of", "2025-06-30", "--format", "md", "-o", str(out)]) == 2
    assert "--as-of 2025-06-30 不在数据的年度（2024 年）内" in capsys.readouterr().err and not out.exists()


def test_a_copy_is_named_as_a_copy_and_counted_once(twins, tmp_path):
    """乙区-副本.toml read as a district called 乙区-副本 in the ranking; the Word title counted its
    files (4 districts of 3). 鼓楼区 of two cities are two districts, not a copy."""
    from erqi_tui.exchange.briefing_doc import to_city_docx
    import docx

    (twins / "乙区-副本.toml").write_bytes((twins / "a.toml").read_bytes())
    comparison = compare(read_all(expand([twins]), lang=ZH), lang=ZH)
    assert "乙区（乙区-副本）" in {r.label for r in comparison.rows} and comparison.count == 2
    text = docx.Document(io.BytesIO(to_city_docx(read_all(expand([twins]), lang=ZH), None, lang=ZH))).paragraphs[0].text
    assert text.startswith("示例市2个地区")
    other = (twins / "乙区-副本.toml").read_text(encoding="utf-8").replace('city = "示例市"', 'city = "另一市"')
    (twins / "乙区-副本.toml").write_text(other, encoding="utf-8")
    comparison = compare(read_all(expand([twins]), lang=ZH), lang=ZH)
    assert len(comparison.ranked) == 3 and comparison.count == 3


def test_a_mark_asked_of_the_city_is_refused_not_ignored(twins, tmp_path, capsys):
    """export --mark over a folder exited 0 and marked no district."""
    out = tmp_path / "c.md"
    assert cli.main(["--data", str(twins), "export", "--mark", "--format", "md", "-o", str(out)]) == 2
    assert "全市的导出不标记" in capsys.readouterr().err and not out.exists()
