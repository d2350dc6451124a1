"""全市 of twelve district files shaped as real districts differ (city_fixtures.py): the expected
ranking, what each rank rests on, dates, what-ifs, links, one name twice, a broken file; the command
line over a folder; live re-ranking after a record; the keys of 全市; the filter and Enter."""

from __future__ import annotations

import asyncio
import datetime as dt
import json

import pytest
from textual import events

from erqi_tui.core.i18n import ZH
from erqi_tui import cli, store
from erqi_tui.core import progress
from erqi_tui.core.model import Quantity, Update
from erqi_tui.store.config import Config
from erqi_tui.ui.app import ErqiApp
from erqi_tui.ui.screens.city import CityScreen
from erqi_tui.views import city as city_view
from erqi_tui.views.city import compare, expand, read_all

from .city_fixtures import EXPECTED, write_city
from .helpers import run_with, screen_text

AS_OF = dt.date(2025, 10, 31)


@pytest.fixture
def twelve(tmp_path):
    return write_city(tmp_path / "郑州")


def stem(row) -> str:
    return row.district.path.name.removesuffix(".toml")


def test_the_expected_ranking_and_what_it_rests_on(twelve):
    paths = expand([twelve])
    assert len(paths) == 12 and "中原区-链接.toml" not in {p.name for p in paths}  # the link: one district
    assert not any(p.name.endswith(".city.toml") for p in paths)  # the city's table is not a district
    comparison = compare(read_all(paths, lang=ZH), lang=ZH)
    assert comparison.year == 2025
    assert [name for _, name, _ in comparison.targets] == ["固定资产投资", "新签约项目", "签约额", "开工项目"]
    ranked = comparison.ranked
    assert [stem(r) for r in ranked] == EXPECTED
    assert [r.rank for r in ranked] == list(range(1, 10))
    rows = {stem(r): r for r in comparison.rows}
    assert rows["巩义市（修订）"].worst and sum(r.worst for r in comparison.rows) == 1  # the last of those fully compared
    assert rows["上街区"].basis == 1 and "仅 1 项可比" in rows["上街区"].note  # +11.7 on one target: after the rest
    assert all(rows[s].basis == 4 for s in EXPECTED[:-1])
    # 管城区 names its targets new_signed and contract_value (签约总额): matched by name and by the table.
    cells = rows["管城区"].cells
    assert (cells["signed"].target_id, cells["signed"].how) == ("new_signed", city_view.BY_NAME)
    assert (cells["table:签约额"].target_id, cells["table:签约额"].how) == ("contract_value", city_view.BY_TABLE)
    share = progress.time_elapsed_share(AS_OF, 2025)
    assert rows["管城区"].score == pytest.approx((0.70 + 0.70 + 0.95 + 0.80) / 4 - share)
    assert rows["管城区"].behind[0] == "新签约项目"
    # 万元 and 亿美元: the completion compares all the same.
    assert rows["金水区"].cells["table:签约额"].compared and rows["航空港区"].cells["table:签约额"].compared
    assert rows["金水区"].score == pytest.approx((0.95 + 0.92 + 0.90 + 0.85) / 4 - share)
    # Each its own date; a month behind the newest is stale.
    assert rows["郑东新区"].date == dt.date(2025, 6, 30) and rows["郑东新区"].stale
    assert rows["惠济区"].stale and not rows["中原区"].stale
    assert rows["郑东新区"].score == pytest.approx(
        (0.52 + 0.48 + 0.55 + 0.50) / 4 - progress.time_elapsed_share(dt.date(2025, 6, 30), 2025))
    # Another year: shown, not ranked; the broken file: listed with its problem.
    assert [stem(r) for r in comparison.unranked] == ["巩义市", "高新区"] and "2024 年的数据" in rows["高新区"].note
    assert [stem(r) for r in comparison.broken] == ["经开区"] and "文件信息（[meta]）的 year（年度）" in rows["经开区"].note
    # One district's year in two files, told apart by their file, ranked once: by the one saved last.
    assert {rows["巩义市"].label, rows["巩义市（修订）"].label} == {"巩义市", "巩义市（修订）"}
    assert "与 巩义市（修订）.toml 同为 巩义市 2025 年的数据，只按其中较新的一份排名" in rows["巩义市"].note
    assert city_view.headline(comparison, lang=ZH) == "郑州市：9 个地区排名 · 2 个不参与比较 · 1 个无法读取 · 2025 年"


def test_without_the_citys_table_a_target_by_another_name_is_not_guessed(tmp_path):
    folder = write_city(tmp_path / "郑州", table=False)
    comparison = compare(read_all(expand([folder]), lang=ZH), lang=ZH)
    rows = {stem(r): r for r in comparison.rows}
    assert rows["管城区"].basis == 3 and "amount" not in rows["管城区"].cells  # 签约总额 is not 签约额 by itself
    assert "signed" in rows["管城区"].cells  # 新签约项目: the same name as the others'
    assert city_view.cell_note(comparison, rows["管城区"], lang=ZH).startswith("新签约项目←new_signed（按名称）")


def test_a_what_if_is_said(twelve):
    comparison = compare(read_all(expand([twelve]), lang=ZH), dt.date(2025, 12, 31), lang=ZH)
    assert "【假设截至 2025-12-31（--as-of），非实际进度】" in city_view.headline(comparison, lang=ZH)


def test_the_command_line_over_a_folder(twelve, tmp_path, capsys):
    assert cli.main(["check", str(twelve)]) == 2
    out, err = capsys.readouterr()
    assert "经开区.toml" in err and out.count("：无误") == 11
    assert cli.main(["export", "--data", f"{twelve}/", "--format", "csv", "-o", str(tmp_path / "c.csv")]) == 0
    assert "未计入" in capsys.readouterr().err  # the broken file named on stderr
    rows = (tmp_path / "c.csv").read_text(encoding="utf-8-sig").splitlines()
    header = rows[0].split(",")
    assert header[-3:] == ["年度", "文件", "说明"]
    assert any(r.startswith("经开区.toml,") and "未计入：无法读取" in r for r in rows)
    assert {r.split(",")[header.index("年度")] for r in rows[1:] if not r.startswith("经开区")} == {"2025", "2024"}
    assert cli.main(["export", "--data", str(twelve), "--format", "md", "--as-of", "2025-12-31",
                     "-o", str(tmp_path / "c.md")]) == 0
    md = (tmp_path / "c.md").read_text(encoding="utf-8")
    assert md.startswith("# 【假设截至 2025-12-31（--as-of），非实际进度】郑州市：") and city_view.method(lang=ZH) in md
    assert cli.main(["--data", str(twelve), "export", "--format", "json", "-o", str(tmp_path / "c.json")]) == 0
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert [d["label"] for d in data["districts"] if d["rank"]][:2] == ["金水区", "中原区"]
    assert {t["name"]: t["matched_by"] for t in data["targets"]}["签约额"] == ["table"]
    capsys.readouterr()


def city_app(folder, today=dt.date(2025, 11, 5)) -> ErqiApp:
    districts = read_all(expand([folder]), lang=ZH)
    first = next(d for d in districts if d.loaded)
    app = ErqiApp(first.path, first.loaded.dashboard, who="tester", loaded=first.loaded, today=today,
                  settings=Config(lang="zh"), districts=districts)
    app.animation_level = "none"
    return app


def ranked_stems(app) -> list[str]:
    return [stem(r) for r in app.screen.comparison.ranked]


def test_a_record_into_a_district_reranks_the_city_within_a_second(twelve):
    app = city_app(twelve)

    async def check(pilot) -> None:
        assert isinstance(app.screen, CityScreen) and ranked_stems(app).index("二七区") == 5
        update = Update("target", "amount", {"current": Quantity(100, "亿元")}, dt.date(2025, 10, 31), "王")
        await asyncio.to_thread(store.record, twelve / "二七区.toml", update, today=dt.date(2025, 11, 5), lang=ZH)
        for _ in range(20):  # the poll is every 0.5 s
            await pilot.pause(0.1)
            if ranked_stems(app).index("二七区") != 5:
                break
        assert ranked_stems(app)[2] == "二七区"  # (0.80 + 1.00 + 0.85 + 0.80) / 4 - 序时进度 = +2.9
        # A file turns broken in place, and recovers in place.
        good = (twelve / "上街区.toml").read_text(encoding="utf-8")
        (twelve / "上街区.toml").write_text("[meta\n", encoding="utf-8")
        await pilot.pause(1.2)
        assert "上街区" in [stem(r) for r in app.screen.comparison.broken]
        (twelve / "上街区.toml").write_text(good, encoding="utf-8")
        await pilot.pause(1.2)
        assert ranked_stems(app)[-1] == "上街区"

    run_with(app, check)


def test_the_keys_of_the_city(twelve, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = city_app(twelve)

    async def check(pilot) -> None:
        await pilot.press("r")  # reloads; not typed into the filter
        await pilot.pause()
        assert isinstance(app.screen, CityScreen) and app.screen.query_one("Input").value == ""
        assert "已重新载入 12 个文件" in screen_text(app)
        await pilot.press("d")  # 全市's own 动态 (test_city_views)
        await pilot.pause()
        assert "全市动态" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert list(tmp_path.glob("erqi-tui-city-*.svg"))
        await pilot.press("question_mark")
        await pilot.pause()
        assert "全市" in screen_text(app) and not isinstance(app.screen, CityScreen)  # the help, over 全市
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CityScreen)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0  # q quits from 全市 as from a district

    run_with(app, check)


@pytest.mark.parametrize("attempt", range(4))  # it opened another district one time in four
def test_typing_a_district_and_enter_at_once_opens_that_district(twelve, attempt):
    app = city_app(twelve)

    async def check(pilot) -> None:
        for key, character in (("slash", "/"), ("航", "航"), ("空", "空"), ("港", "港"), ("enter", "\r")):
            event = events.Key(key, character)  # all queued before the first is handled: typed at once
            event.set_sender(app)
            app.post_message(event)
        for _ in range(20):
            await pilot.pause(0.05)
            if not isinstance(app.screen, CityScreen):
                break
        assert app.session.path.name == "航空港区.toml"

    run_with(app, check)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
def test_small_terminals_show_the_mean_and_why(twelve, size):
    app = city_app(twelve)

    async def check(pilot) -> None:
        text = screen_text(app)
        assert "平均" in text and "截至" in text and "可比" in text and "最落后的目标" in text
        assert "郑州市：9 个地区排名" in text
        for _ in range(2):
            await pilot.press("down")
        text = screen_text(app)  # the selected row's detail: its file, date, basis and why
        assert "郑东新区（郑东新区.toml）截至 2025-06-30 ⏳" in text and "第 3 名，平均 +1.3，依据 4 项" in text
        assert "排名：" in text  # how the ranking is computed

    run_with(app, check, size=size)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(80, 24), (100, 30), (200, 50)])
def test_how_the_ranking_is_computed_is_read_whole(twelve, size, lang):
    """The one sentence under the table wraps; it was cut after three lines at 80×24 (and in English
    at 100×30)."""
    from erqi_tui.core.i18n import Lang

    app = city_app(twelve)
    app.settings = app.settings.with_(lang=lang)
    sentence = city_view.method(lang=Lang(lang))

    async def check(pilot) -> None:
        lines = screen_text(app).splitlines()
        start = next(i for i, line in enumerate(lines) if ("排名：" if lang == "zh" else "Ranking:") in line)
        shown = "".join(line.strip("█▌▐ ").strip() for line in lines[start:-1])
        assert "".join(sentence.split()) in "".join(shown.split())

    run_with(app, check, size=size)
