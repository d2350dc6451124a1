"""全市's own views (d 动态, g 挂图, u 督办 across districts) over the test city with its districts'
work (city_fixtures.WORK, TASKS, JOURNALS): what each lists and in what order, the keys in 全市 in
Chinese and in English, read-only, and pictures at 80×24 and 100×30."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from erqi_tui.core.i18n import ZH
from erqi_tui.store.config import Config
from erqi_tui.ui.app import ErqiApp
from erqi_tui.ui.screens.city import CityScreen
from erqi_tui.ui.screens.city_views import CityChanges, CitySupervision, CityWall
from erqi_tui.ui.screens.help import HelpScreen
from erqi_tui.ui.screens.supervision import UnitItems
from erqi_tui.views import city_views
from erqi_tui.views.city import expand, read_all

from .city_fixtures import write_city
from .helpers import run_with, screen_text

TODAY = dt.date(2025, 11, 5)


@pytest.fixture
def city(tmp_path):
    return write_city(tmp_path / "郑州", work=True)


def city_app(folder, lang: str = "zh", read_only: bool = False) -> ErqiApp:
    districts = read_all(expand([folder]), lang=ZH)
    first = next(d for d in districts if d.loaded)
    app = ErqiApp(first.path, first.loaded.dashboard, who="tester", loaded=first.loaded, today=TODAY,
                  settings=Config(lang=lang), districts=districts, read_only=read_only, watch=False)
    app.animation_level = "none"
    return app


def test_what_each_view_lists(city):
    districts = read_all(expand([city]), lang=ZH)
    # 动态: each district since its own last briefing (中原区's of 10-08 leaves out its update of 09-02),
    # every change where there is none; the most recently recorded first.
    rows = city_views.changes(districts, lang=ZH)
    assert [(r.source.label, r.name, city_views.since_text(r.since, lang=ZH)) for r in rows] == [
        ("航空港区", "航空物流园", "全部"), ("中原区", "西区物流港", "简报 2025-09-30"), ("郑东新区", "龙湖金融岛", "全部")]
    assert city_views.ago(rows[0].change.at, TODAY, lang=ZH) == "2 天前"
    # --since: the changes standing at a later day, in every district alike.
    assert [r.name for r in city_views.changes(districts, dt.date(2025, 8, 31), lang=ZH)] == ["航空物流园", "西区物流港"]
    # 挂图: by district, the one with the most overdue steps first; each judged at its own date
    # (郑东新区 at 06-30: 如意湖's 开工 of 09 is not late there).
    wall = city_views.overdue(districts, lang=ZH)
    assert [(r.source.label, r.project.name, r.days, r.steps) for r in wall] == [
        ("中原区", "西区物流港", 153, 2), ("中原区", "中原智造园", 92, 1),
        ("郑东新区", "龙湖金融岛", 122, 2), ("二七区", "二七商贸城", 61, 1)]
    assert city_views.with_steps(districts) == 6
    # --as-of judges every district at that date.
    assert ("郑东新区", "如意湖科创中心") in {(r.source.label, r.project.name)
                                        for r in city_views.overdue(districts, dt.date(2025, 12, 31), lang=ZH)}
    # 督办: each district's units (its own 督办's account), the district with the most items first.
    units = city_views.units(districts, lang=ZH)
    assert [(r.source.label, r.unit.name, r.unit.total) for r in units[:3]] == [
        ("中原区", "中原区住建局", 3), ("中原区", "中原区发改委", 2), ("二七区", "二七区商务局", 1)]
    assert {r.source.label for r in units} >= {"惠济区", "郑东新区", "巩义市", "巩义市（修订）"}  # one name, two files
    assert "经开区" not in {r.source.label for r in units}  # the unreadable file: left out, and said so on screen


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_views_count_one_in_the_singular(city, lang):
    """One update, project, step, unit or district reads "1 district", not "1 districts" (it said
    "2 updates from 1 districts", "…, in 1 districts"); Chinese as before."""
    for stem in ("中原区", "郑东新区"):  # 航空港区's one update left
        (city / f"{stem}.journal.toml").unlink()
    app = city_app(city, lang)
    zh = lang == "zh"

    async def check(pilot) -> None:
        await pilot.press("d")
        await pilot.pause()
        assert ("1 条更新，来自 1 个地区（没有简报的地区列出全部）" if zh
                else "1 update from 1 district (all of a district with no briefing)") in screen_text(app)
        await pilot.press("escape", "g")
        await pilot.pause()
        await pilot.press("slash", *"二七")
        await pilot.pause(0.3)
        assert ("1 个项目 1 个节点逾期，在 1 个地区" if zh else "1 project with 1 overdue step, in 1 district") in (
            screen_text(app))
        await pilot.press("escape", "escape", "u")
        await pilot.pause()
        await pilot.press("slash", *"二七区商务")
        await pilot.pause(0.3)
        assert ("1 个单位有逾期、未办或落后事项，在 1 个地区" if zh
                else "1 unit with something late, open or behind, in 1 district") in screen_text(app)

    run_with(app, check)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_citys_views_from_the_keys_of_the_city(city, tmp_path, monkeypatch, lang):
    monkeypatch.chdir(tmp_path)  # where x saves its pictures
    app = city_app(city, lang)
    zh = lang == "zh"

    async def check(pilot) -> None:
        assert isinstance(app.screen, CityScreen)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, CityChanges)
        text = screen_text(app)
        assert ("3 条更新，来自 3 个地区" if zh else "3 updates from 3 districts") in text
        lines = text.splitlines()
        first = next(i for i, line in enumerate(lines) if "航空港区" in line)
        assert "航空物流园" in lines[first] and ("2 天前" if zh else "2 days ago") in lines[first]
        assert "中原区" in lines[first + 1] and ("简报 2025-09-30" if zh else "briefing 2025-09-30") in lines[first + 1]
        await pilot.press("x")
        await pilot.pause()
        (saved,) = tmp_path.glob("erqi-tui-city-changes-*.svg")
        picture = saved.read_text(encoding="utf-8").replace("&#160;", " ").replace("\xa0", " ")
        assert ("全市动态" if zh else "City changes") in picture
        await pilot.press("slash", *"郑东", "enter", "enter")  # filtered to one; Enter opens its district
        await pilot.pause(0.3)
        assert not isinstance(app.screen, (CityScreen, CityChanges)) and app.session.path.name == "郑东新区.toml"
        await pilot.press("escape")  # back to 全市
        await pilot.pause()
        assert isinstance(app.screen, CityScreen)

        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, CityWall)
        text = screen_text(app)
        assert ("4 个项目 6 个节点逾期，在 3 个地区" if zh else "4 projects with 6 overdue steps, in 3 districts") in text
        assert "西区物流港" in text and "✗" in text
        order = [name for name in ("西区物流港", "中原智造园", "龙湖金融岛", "二七商贸城")]
        assert sorted(order, key=text.index) == order  # by district, the most overdue first
        await pilot.press("x")
        await pilot.pause()
        assert list(tmp_path.glob("erqi-tui-city-wall-*.svg"))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CityScreen)

        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, CitySupervision)
        text = screen_text(app)
        assert ("个单位有逾期、未办或落后事项" if zh else "units with something late, open or behind") in text
        assert ("1 个文件无法读取，未列入" if zh else "left out, unreadable: 1") in text
        await pilot.press("enter")  # the first unit: 中原区住建局's items
        await pilot.pause()
        assert isinstance(app.screen, UnitItems)
        text = screen_text(app)
        assert "中原区 · 中原区住建局" in text and "用地指标" in text and "西区物流港" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CitySupervision)
        await pilot.press("x")
        await pilot.pause()
        assert list(tmp_path.glob("erqi-tui-city-supervision-*.svg"))
        app.clear_notifications()  # the pictures' notices would cover the help's right side
        await pilot.press("question_mark")  # the help of 全市, with its views' keys
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert ("全市督办" if zh else "City supervision") in text and ("返回全市" if zh else "Back to the city") in text
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CityScreen)

    run_with(app, check, size=(100, 40))


def test_the_help_of_the_city_lists_its_views(city):
    app = city_app(city)  # in Chinese: the help speaks the app's language
    rows = {(scope, key): what for scope, key, what in app.help_rows(only=("全市", "全市动态", "全市挂图", "全市督办"))}
    assert rows[("全市", "d")] == "动态：各地区的更新" and rows[("全市", "g")] == "挂图：各地区的逾期节点"
    assert rows[("全市", "u")] == "督办：各地区的责任单位"
    for scope in ("全市动态", "全市挂图", "全市督办"):
        assert {key for s, key in rows if s == scope} == {"Esc", "/", "x", "?"}


def test_the_citys_views_in_a_read_only_session(city, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = city_app(city, read_only=True)
    journals = {p.name: p.read_bytes() for p in city.glob("*.journal.toml")}

    async def check(pilot) -> None:
        for key, screen in (("d", CityChanges), ("g", CityWall), ("u", CitySupervision)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("g", "enter")  # opens the district, read-only still
        await pilot.pause(0.3)
        assert app.session.path.name == "中原区.toml" and app.session.read_only
        assert {p.name: p.read_bytes() for p in city.glob("*.journal.toml")} == journals  # nothing recorded

    run_with(app, check)


def test_a_city_with_nothing_late(tmp_path):
    folder = write_city(tmp_path / "郑州")  # targets only: no steps, no changes
    app = city_app(folder)

    async def check(pilot) -> None:
        await pilot.press("d")
        await pilot.pause()
        assert "各地区自上次简报以来都没有更新" in screen_text(app)
        await pilot.press("escape", "g")
        await pilot.pause()
        assert "0 个有节点的项目都没有逾期" in screen_text(app)

    run_with(app, check)


# Pictures: looked at as PNG before being accepted.

@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=["80x24", "100x30"])
@pytest.mark.parametrize("key", ["d", "g", "u"])
def test_city_view_picture(snap_compare, tmp_path, key, size):
    folder = write_city(Path(tmp_path) / "郑州", work=True)
    assert snap_compare(city_app(folder), press=[key], terminal_size=size)


@pytest.mark.parametrize("key", ["d", "g", "u"])
def test_city_view_picture_en(snap_compare, tmp_path, key):
    folder = write_city(Path(tmp_path) / "郑州", work=True)
    assert snap_compare(city_app(folder, "en"), press=[key], terminal_size=(100, 30))


def test_every_word_of_the_citys_views_has_its_english():
    import ast

    from erqi_tui.core import messages_en
    from erqi_tui.ui import actions

    root = Path(__file__).resolve().parents[2] / "erqi_tui"
    said = []
    for path in (root / "views" / "city_views.py", root / "ui" / "screens" / "city_views.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            called = getattr(node.func, "id", None) or getattr(node.func, "attr", None)  # tr(…) or lang.tr(…)
            if called == "tr" and node.args and isinstance(node.args[0], ast.Constant):
                said.append(node.args[0].value)
    assert "全市动态：各地区自上次简报以来的更新，最近的在前" in said  # the screens' own words were found
    said += [a.label for a in actions.ACTIONS if a.scope.startswith("city") and a.label]
    said += [scope for scope, _ in actions.HELP_SCOPES if scope.startswith("全市")]
    assert [text for text in said if text not in messages_en.EN] == []


def test_the_city_reads_the_rest_after_its_first_frame(city):
    """The dashboard reads the files up to the first that reads, shows 全市, and reads the rest
    after (15 districts of 300 projects took 1.1 s before its first frame): each listed as being
    read meanwhile, none called the worst, and d, g, u wait for every district."""
    from erqi_tui.views.city import compare, headline, read_first

    from .city_fixtures import EXPECTED

    districts = read_first(expand([city]), lang=ZH)
    assert [d.pending for d in districts] == [False] + [True] * 11
    comparison = compare(districts, lang=ZH)
    # One district read shares its targets with no other yet: nothing ranked until the rest are read.
    assert headline(comparison, lang=ZH) == "郑州市：0 个地区排名 · 1 个不参与比较 · 11 个读取中 · 2025 年"
    assert not any(r.worst for r in comparison.rows) and comparison.pending[0].note == "读取中…"
    first = districts[0]
    app = ErqiApp(first.path, first.loaded.dashboard, who="tester", loaded=first.loaded, today=TODAY,
                  settings=Config(lang="zh"), districts=districts, watch=False)
    app.animation_level = "none"

    async def check(pilot) -> None:
        await pilot.press("g")  # at once: waits for every district, then lists them all
        for _ in range(40):
            await pilot.pause(0.05)
            if isinstance(app.screen, CityWall):
                break
        assert isinstance(app.screen, CityWall) and "4 个项目 6 个节点逾期，在 3 个地区" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        screen = app.screen
        assert [r.district.path.stem for r in screen.comparison.ranked] == EXPECTED
        assert "读取中" not in screen_text(app) and not any(d.pending for d in app.districts)
        assert "金水区（金水区.toml）截至 2025-10-31 · 第 1 名" in screen_text(app)  # the cursor on the first

    run_with(app, check)


def test_a_district_opened_before_its_turn_is_read_then_opened(city):
    from erqi_tui.views.city import compare, read_first

    districts = read_first(expand([city]), lang=ZH)
    first = districts[0]
    app = ErqiApp(first.path, first.loaded.dashboard, who="tester", loaded=first.loaded, today=TODAY,
                  settings=Config(lang="zh"), districts=districts, watch=False)
    app.animation_level = "none"
    waiting = next(r for r in compare(districts, lang=ZH).rows if r.district.path.name == "郑东新区.toml")
    assert waiting.district.pending

    async def check(pilot) -> None:
        screen = app.screen
        screen.districts = [d._replace(loaded=None, pending=True) if d.path == waiting.district.path else d
                            for d in screen.districts]  # still waiting, whatever the reader has done
        screen.open_row(waiting)
        for _ in range(40):
            await pilot.pause(0.05)
            if app.session.path.name == "郑东新区.toml":
                break
        assert app.session.path.name == "郑东新区.toml" and "郑东新区" in screen_text(app)

    run_with(app, check)


def test_a_what_if_is_said_over_the_citys_wall_and_supervision(city):
    districts = read_all(expand([city]), lang=ZH)
    first = districts[0]
    app = ErqiApp(first.path, first.loaded.dashboard, as_of=dt.date(2025, 12, 31), who="tester", loaded=first.loaded,
                  today=TODAY, settings=Config(lang="zh"), districts=districts, watch=False)
    app.animation_level = "none"

    async def check(pilot) -> None:
        for key in ("g", "u"):
            await pilot.press(key)
            await pilot.pause()
            assert "【假设截至 2025-12-31（--as-of），非实际进度】全市" in screen_text(app)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert "如意湖科创中心" in screen_text(app)  # 开工 planned 2025-09: late at 12-31, not at 郑东新区's 06-30

    run_with(app, check, size=(120, 30))


def test_the_dashboard_over_a_folder_reads_the_first_district_only_before_it_starts(city, monkeypatch):
    from erqi_tui import cli

    started = {}

    def dashboard_app(args, path, loaded, districts=None, *, lang=None):
        started.update(path=path, districts=districts)
        return 0

    monkeypatch.setattr(cli, "dashboard_app", dashboard_app)
    assert cli.main(["--data", f"{city}/"]) == 0
    districts = started["districts"]
    assert started["path"].name == "上街区.toml" and not districts[0].pending
    assert all(d.pending and d.loaded is None for d in districts[1:])  # read by 全市 once it is on screen
    assert cli.main(["check", f"{city}/"]) == 2  # check reads every file, as export does


def test_l_switches_the_citys_language_and_the_city_follows(city):
    """全市 is built in its language: l there switches the session and 全市 is shown anew in it
    (before, it had no l, and the palette's switch left it in the old language)."""
    app = city_app(city, "en")

    async def check(pilot) -> None:
        assert isinstance(app.screen, CityScreen) and "City:" in screen_text(app)
        await pilot.press("l")
        await pilot.pause(0.5)
        assert isinstance(app.screen, CityScreen) and app.lang == "zh"
        text = screen_text(app)
        assert "郑州市：" in text and "City:" not in text and "Filter by district" not in text

    run_with(app, check)
