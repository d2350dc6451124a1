"""全市: several districts' files at once — ranked on the targets they share, the worst flagged,
compared only where they can be, a broken file kept in the list with its problem; Enter opens a
district and Esc comes back; exports of the city."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from erqi_tui.core.i18n import EN, ZH
from erqi_tui import cli
from erqi_tui.store import journal
from erqi_tui.core import progress
from erqi_tui.ui.app import ErqiApp
from erqi_tui.views import city as city_view
from erqi_tui.views.city import compare, expand, read_all
from erqi_tui.store.config import Config
from erqi_tui.core.model import Quantity, Update
from erqi_tui.ui.screens.city import CityScreen

from .helpers import run_with, screen_text


def district(folder, name: str, signed: float, amount: float, *, year: int = 2024, unit: str = "亿元",
             as_of: str = ""):
    """A district's file: two targets (新签约项目 of 40 个, 签约额 of 100 `unit`), at `as_of` (TOML as
    written; 06-30 of `year` by default)."""
    path = folder / f"{name}.toml"
    path.write_text(f'''[meta]
district = "{name}"
city = "示例市"
year = {year}
as_of = {as_of or f"{year}-06-30"}

[[target]]
id = "signed"
name = "新签约项目"
target = {{ value = 40, unit = "个" }}
current = {{ value = {signed}, unit = "个" }}

[[target]]
id = "amount"
name = "签约额"
target = {{ value = 100, unit = "{unit}" }}
current = {{ value = {amount}, unit = "{unit}" }}
''', encoding="utf-8")
    return path


@pytest.fixture
def five(tmp_path):
    folder = tmp_path / "city"
    folder.mkdir()
    district(folder, "甲区", 24, 60)  # ahead on both (by 06-30, half of 2024 has gone)
    district(folder, "乙区", 20, 45)
    district(folder, "丙区", 10, 30)  # the worst
    district(folder, "丁区", 30, 80, year=2023)  # another year: shown, not ranked
    district(folder, "戊区", 22, 55, unit="万元")  # its amount in another unit: that target left out
    (folder / "坏区.toml").write_text('[meta]\ndistrict = "坏区"\n', encoding="utf-8")
    (folder / "甲区.journal.toml").write_text("", encoding="utf-8")  # journals are not districts
    return folder


def test_five_districts_ranked_with_the_worst_flagged(five):
    paths = expand([five])
    assert [p.name for p in paths] == ["丁区.toml", "丙区.toml", "乙区.toml", "坏区.toml", "戊区.toml", "甲区.toml"]
    comparison = compare(read_all(paths, lang=ZH), lang=ZH)
    assert comparison.year == 2024 and [t[0] for t in comparison.targets] == ["signed", "amount"]
    rows = [(r.district.named(lang=ZH), r.rank, r.worst) for r in comparison.rows]
    assert rows[:4] == [("甲区", 1, False), ("戊区", 2, False), ("乙区", 3, False), ("丙区", 4, True)]
    assert rows[4] == ("丁区", None, False) and rows[5] == ("坏区.toml", None, False)
    by_name = {r.district.named(lang=ZH): r for r in comparison.rows}
    assert by_name["丁区"].note == "2023 年的数据，不参与比较"
    assert by_name["戊区"].note == "" and by_name["戊区"].cells["amount"].compared  # 万元: a ratio all the same
    assert "meta.year" in by_name["坏区.toml"].note or "meta" in by_name["坏区.toml"].note
    share = progress.time_elapsed_share(dt.date(2024, 6, 30), 2024)
    assert by_name["甲区"].score == pytest.approx(((24 / 40 - share) + (0.6 - share)) / 2)


def test_two_districts_and_nothing_shared(tmp_path):
    a = district(tmp_path, "甲区", 24, 60)
    b = tmp_path / "b.toml"
    b.write_text('[meta]\ndistrict = "乙区"\nyear = 2024\nas_of = 2024-06-30\n', encoding="utf-8")
    comparison = compare(read_all([a, b], lang=ZH), lang=ZH)
    assert comparison.targets == [] and all(r.rank is None for r in comparison.rows)
    assert comparison.rows[0].note == "没有可比较的目标"


def city_app(folder) -> ErqiApp:
    districts = read_all(expand([folder]), lang=ZH)
    first = next(d for d in districts if d.loaded)
    app = ErqiApp(first.path, first.loaded.dashboard, who="tester", loaded=first.loaded, today=dt.date(2024, 7, 15),
                  settings=Config(lang="zh"), districts=districts)
    app.animation_level = "none"
    return app


def test_enter_opens_a_district_and_esc_comes_back(five):
    app = city_app(five)

    rows = {(scope, key) for scope, key, _ in app.help_rows()}
    assert {("全局", "Esc"), ("全市", "/")} <= rows  # the help lists 全市's keys when there is a 全市

    async def check(pilot) -> None:
        await pilot.pause()
        assert isinstance(app.screen, CityScreen)
        text = screen_text(app)
        assert "示例市：4 个地区排名 · 1 个不参与比较 · 1 个无法读取 · 2024 年" in text
        assert "⚠ 最落后：丙区" in text and "⚠ 4" in text and "坏区.toml" in text and "2023-06-30" in text
        await pilot.press("slash", *"乙区", "enter")  # filter: the one district left opens
        await pilot.pause(0.3)
        assert not isinstance(app.screen, CityScreen) and "示例市乙区 2024 年目标" in screen_text(app)
        assert app.session.path.name == "乙区.toml"
        update = Update("target", "amount", {"current": Quantity(70, "亿元")}, dt.date(2024, 7, 10), "王")
        assert await app.save_update(update) is None  # recorded in 乙区's own journal
        assert journal.journal_path(five / "乙区.toml").exists() and not journal.journal_path(five / "丙区.toml").exists()
        await pilot.press("5", "escape")  # from 重点项目 too
        await pilot.pause()
        assert isinstance(app.screen, CityScreen)
        text = screen_text(app)
        assert "70.0%" in text  # 乙区 as it is now: 70 of 100 亿元
        await pilot.press("escape")  # clears the filter; 全市 does not close
        await pilot.pause()
        assert isinstance(app.screen, CityScreen) and "⚠ 最落后" in screen_text(app)
        rows = app.screen.query_one("VirtualTable").rows
        broken = next(i for i, r in enumerate(rows) if r.district.loaded is None)
        for _ in range(broken):
            await pilot.press("down")
        await pilot.press("enter")  # the broken file: its problem, and 全市 stays
        await pilot.pause()
        assert isinstance(app.screen, CityScreen) and "无法读取 坏区.toml" in screen_text(app)

    run_with(app, check)


def test_the_citys_title_names_the_city_its_files_name(tmp_path):
    """The leadership's copy says whose districts these are: 示例市, not just 全市; where the files
    name two cities (or none) it says 全市; in English, only a city the files give in English."""
    folder = tmp_path / "city"
    folder.mkdir()
    a, b = district(folder, "甲区", 30, 70), district(folder, "乙区", 10, 20)
    headline = lambda lang: city_view.headline(compare(read_all(expand([folder]), lang=lang), lang=lang), lang=lang)
    assert headline(ZH).startswith("示例市：2 个地区排名") and headline(EN).startswith("City: 2 ranked")
    for path in (a, b):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("[meta]\n", '[meta]\nen = { city = "Example City" }\n'), encoding="utf-8")
    assert headline(EN).startswith("Example City: 2 ranked")
    b.write_text(b.read_text(encoding="utf-8").replace('city = "示例市"', 'city = "另一市"'), encoding="utf-8")
    assert headline(ZH).startswith("全市：2 个地区排名")
    for exported in ("md", "html"):
        out = tmp_path / f"city.{exported}"
        assert cli.main(["--data", str(folder), "export", "--format", exported, "-o", str(out)]) == 0
        assert "全市：2 个地区排名" in out.read_text(encoding="utf-8")


def test_city_exports(five, tmp_path, capsys):
    out = tmp_path / "city.json"
    assert cli.main(["--data", str(five), "export", "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [(d["name"], d["rank"], d["worst"]) for d in data["districts"]][:4] == [
        ("甲区", 1, False), ("戊区", 2, False), ("乙区", 3, False), ("丙区", 4, True)]
    assert cli.main(["--data", str(five / "甲区.toml"), "--data", str(five / "乙区.toml"), "export", "--format", "md",
                     "-o", str(tmp_path / "city.md")]) == 0
    md = (tmp_path / "city.md").read_text(encoding="utf-8")
    assert "# 示例市：2 个地区排名 · 2024 年" in md
    assert "| 1 | 甲区 | 2024-06-30 | 2 项 | 60.0% +10.0 | 60.0% +10.0 | +10.0 | 都按编号对应 |" in md
    assert cli.main(["--data", str(five), "export", "--format", "csv", "-o", str(tmp_path / "city.csv")]) == 0
    rows = (tmp_path / "city.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("地区,板块") and sum(r.startswith("地区") for r in rows) == 1
    assert {r.split(",")[0] for r in rows[1:]} == {"示例市甲区", "示例市乙区", "示例市丙区", "示例市丁区", "示例市戊区",
                                                  "坏区.toml"}  # the file left out, said in its own row
    assert cli.main(["--data", str(five), "export", "--format", "xlsx", "-o", str(tmp_path / "city.xlsx")]) == 0
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "city.xlsx")["全市"]
    values = list(sheet.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(values) if r[0] == "排名")
    assert values[header][:4] == ("排名", "地区", "数值截至", "最落后")
    assert values[header + 1][:4] == (1, "甲区", dt.datetime(2024, 6, 30), None)
    assert values[header + 1][4] == pytest.approx(0.6) and len(sheet._charts) == 1
    assert cli.main(["--data", str(five), "export", "--format", "docx", "-o", str(tmp_path / "x.docx")]) == 0
    capsys.readouterr()


def test_one_file_at_a_time_for_what_writes(five, capsys):
    assert cli.main(["--data", str(five), "record", "--data", str(five / "甲区.toml"), "--target", "amount",
                     "--value", "70", "--date", "2024-07-01"]) == 0  # record's own --data: one file
    assert cli.main(["--data", str(five / "甲区.toml"), "--data", str(five / "乙区.toml"), "check"]) == 0
    assert cli.main(["--data", str(five), "check"]) == 2  # 坏区 is broken: said, and the exit says so
    assert "坏区.toml" in capsys.readouterr().err


def test_the_citys_table_alone_is_said_to_be_no_districts_file(tmp_path):
    """`check 全市.city.toml`: the city's table of targets, not a data file; it said the folder held none."""
    import subprocess
    import sys

    table = tmp_path / "全市.city.toml"
    table.write_text("", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "erqi_tui", "check", str(table)], capture_output=True, text=True,
                            encoding="utf-8", timeout=60)
    assert result.returncode == 2 and "是全市对照表，不是地区的数据文件" in result.stderr, result.stderr


@pytest.mark.parametrize("shipped_first", [False, True])
def test_each_district_opened_from_the_city_is_read_only_by_its_own_file(tmp_path, shipped_first):
    """全市 of a copy and the shipped file: the shipped 二七区 opened from it took the first file's
    rights and recorded beside the package's data; a copy after the shipped file opened read-only."""
    from erqi_tui.store.files import bundled_data

    copy = tmp_path / "金水区.toml"
    copy.write_text(bundled_data().read_text(encoding="utf-8").replace('district = "二七区"', 'district = "金水区"', 1),
                    encoding="utf-8")
    paths = [bundled_data(), copy] if shipped_first else [copy, bundled_data()]
    districts = read_all(paths, lang=ZH)
    first = districts[0]
    app = ErqiApp(first.path, first.loaded.dashboard, who="tester", loaded=first.loaded, today=dt.date(2024, 7, 15),
                  settings=Config(lang="zh"), districts=districts, read_only=shipped_first, asked=False)  # as cli gives them
    app.animation_level = "none"

    async def check(pilot) -> None:
        await pilot.pause()
        assert app.session.read_only == shipped_first  # the first file's own
        for district in districts:
            if not isinstance(app.screen, CityScreen):
                app.action_show_city()
                await pilot.pause()
            await app.open_district(district)
            await pilot.pause()
            assert app.session.read_only == (district.path == bundled_data()), district.path

    run_with(app, check)
