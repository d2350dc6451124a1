"""全市 over a folder, round three (the red team's findings): `r` and the watch look at the folder
again (a file added is read and ranked, a file removed is gone, a file back is read again); `/`
can be typed in the filter; a save into a district whose file was deleted makes nothing in the
folder and says the file is gone; Enter on an item of a unit in 全市's 督办 opens that district."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil

import pytest

from erqi_tui.core.i18n import ZH
from erqi_tui import store
from erqi_tui.core.model import Briefing, Quantity, Update
from erqi_tui.store import journal
from erqi_tui.store.config import Config
from erqi_tui.ui.app import ErqiApp
from erqi_tui.ui.screens.city import CityScreen
from erqi_tui.ui.screens.city_views import CitySupervision
from erqi_tui.ui.screens.forms import UpdateForm
from erqi_tui.ui.screens.supervision import UnitItems
from erqi_tui.ui.widgets.cards import TargetCard
from textual.widgets import Static

from erqi_tui.views.city import expand, read_all, read_first

from .city_fixtures import write_city
from .helpers import run_with, screen_text

TODAY = dt.date(2025, 11, 5)


def city_app(folder, *, watch: bool = True, work: bool = False) -> ErqiApp:
    """The app as `erqi-tui --data FOLDER` starts it: the folder given, the first district read."""
    districts = read_first(expand([folder]), [folder], lang=ZH)
    first = next(d for d in districts if d.loaded)
    app = ErqiApp(first.path, first.loaded.dashboard, who="tester", loaded=first.loaded, today=TODAY,
                  settings=Config(lang="zh"), districts=districts, watch=watch)
    app.animation_level = "none"
    return app


def stems(app) -> set[str]:
    return {r.district.path.name.removesuffix(".toml") for r in app.screen.comparison.rows}


async def until(pilot, done, seconds: float = 3.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if done():
            return
        await pilot.pause(0.05)


def test_r_looks_at_the_folder_again(tmp_path):
    folder = write_city(tmp_path / "郑州")
    app = city_app(folder, watch=False)
    away = tmp_path / "away"
    away.mkdir()

    async def check(pilot) -> None:
        screen = app.screen
        assert isinstance(screen, CityScreen)
        await screen.all_read.wait()
        assert len(screen.comparison.ranked) == 9 and "新区-新" not in stems(app)
        shutil.copy(folder / "二七区.toml", folder / "二七区-新.toml")  # 二七区's year again, in a new file
        shutil.move(folder / "上街区.toml", away / "上街区.toml")
        await pilot.press("r")
        await until(pilot, lambda: "二七区-新" in stems(app))
        assert "二七区-新" in stems(app) and "上街区" not in stems(app)  # added (ranked, as the newer); gone
        assert len(screen.comparison.ranked) == 8 and not screen.comparison.pending
        assert "上街区" not in screen_text(app)
        # A file moved away and back is read again, not left unreadable.
        shutil.move(away / "上街区.toml", folder / "上街区.toml")
        await pilot.press("r")
        await until(pilot, lambda: "上街区" in {r.district.path.name.removesuffix(".toml")
                                                for r in screen.comparison.ranked})
        assert "上街区" in {r.district.path.name.removesuffix(".toml") for r in screen.comparison.ranked}
        assert len(screen.comparison.broken) == 1  # 经开区 alone, as at the start
        assert app.districts == screen.districts  # 全市 shown again starts from these

    run_with(app, check)


def test_the_watch_sees_a_file_added_or_removed_within_a_second(tmp_path):
    folder = write_city(tmp_path / "郑州")
    app = city_app(folder)

    async def check(pilot) -> None:
        screen = app.screen
        await screen.all_read.wait()
        shutil.copy(folder / "二七区.toml", folder / "二七区-新.toml")
        await until(pilot, lambda: "二七区-新" in stems(app), seconds=1.5)
        assert "二七区-新" in {r.district.path.name.removesuffix(".toml") for r in screen.comparison.ranked}
        assert "二七区-新" in screen_text(app)
        (folder / "二七区-新.toml").unlink()
        await until(pilot, lambda: "二七区-新" not in stems(app), seconds=1.5)
        assert "二七区-新" not in stems(app) and len(screen.comparison.ranked) == 9

    run_with(app, check)


def test_a_district_file_given_by_name_stays_listed_when_removed(tmp_path):
    """Only a folder's listing is looked at again: a file named on the line is the user's choice."""
    folder = write_city(tmp_path / "郑州")
    paths = [folder / "二七区.toml", folder / "中原区.toml"]
    districts = read_all(paths, paths, lang=ZH)
    first = districts[0]
    app = ErqiApp(first.path, first.loaded.dashboard, who="tester", loaded=first.loaded, today=TODAY,
                  settings=Config(lang="zh"), districts=districts, watch=False)

    async def check(pilot) -> None:
        (folder / "中原区.toml").unlink()
        await pilot.press("r")
        await pilot.pause(0.3)
        assert stems(app) == {"二七区", "中原区"} and len(app.screen.comparison.broken) == 1

    run_with(app, check)


def test_a_slash_can_be_typed_in_the_citys_filter(tmp_path):
    folder = write_city(tmp_path / "郑州")
    app = city_app(folder, watch=False)

    async def check(pilot) -> None:
        await pilot.press("slash", "1", "slash", "5")
        await pilot.pause()
        assert app.screen.query_one("Input").value == "1/5"

    run_with(app, check)


def test_a_save_into_a_deleted_district_file_makes_nothing_and_says_so(tmp_path):
    folder = write_city(tmp_path / "郑州")
    app = city_app(folder, watch=False)

    async def check(pilot) -> None:
        await app.screen.all_read.wait()
        await pilot.press("enter")  # the first ranked: 金水区
        await until(pilot, lambda: not isinstance(app.screen, CityScreen))
        path = app.session.path
        assert path.name == "金水区.toml"
        before = sorted(p.name for p in folder.iterdir())
        path.unlink()
        for _ in range(8):
            if isinstance(app.focused, TargetCard):
                break
            await pilot.press("tab")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, UpdateForm)
        await pilot.press("enter")
        await until(pilot, lambda: "不存在" in screen_text(app) or "no such" in screen_text(app).lower())
        # the form's message as it holds it: on screen a long temporary path wraps where it will
        said = str(app.screen.query_one("#form-error", Static).render())
        assert "金水区.toml" in said and "不存在" in said, said
        assert sorted(p.name for p in folder.iterdir()) == sorted(set(before) - {"金水区.toml"})
        assert not journal.journal_path(path).exists()

    run_with(app, check)


def test_no_writer_makes_a_lock_for_a_data_file_that_is_gone(tmp_path):
    """record, record_all (import --apply) and mark_briefing (b b) alike: the file gone is said, by
    name, and the folder is left as it was."""
    folder = write_city(tmp_path / "郑州", link=False, table=False)
    path = folder / "二七区.toml"
    loaded = store.read(path)
    path.unlink()
    before = sorted(p.name for p in folder.iterdir())
    update = Update("target", "amount", {"current": Quantity(80, "亿元")}, dt.date(2025, 10, 31), "王")
    writers = [lambda: store.record(path, update, reuse=loaded, today=TODAY, lang=ZH),
               lambda: store.record_all(path, [update], reuse=loaded, today=TODAY, lang=ZH),
               lambda: store.mark_briefing(path, Briefing(dt.date(2025, 10, 31), None, "王", ""), loaded, lang=ZH)]
    for write in writers:
        with pytest.raises(store.DataError) as raised:
            write()
        assert "二七区.toml" in raised.value.shown(ZH) and "文件不存在" in raised.value.shown(ZH)
        assert sorted(p.name for p in folder.iterdir()) == before


def test_enter_on_a_units_item_in_the_citys_supervision_opens_that_district(tmp_path):
    folder = write_city(tmp_path / "郑州", work=True)
    app = city_app(folder, watch=False)

    async def check(pilot) -> None:
        await app.screen.all_read.wait()
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, CitySupervision))
        table = app.screen.query_one("VirtualTable")
        row = next(i for i, r in enumerate(table.rows) if r.source.path.name == "郑东新区.toml")
        table.cursor_row = row
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, UnitItems))
        assert isinstance(app.screen, UnitItems)
        await pilot.press("enter")
        await until(pilot, lambda: len(app.screen_stack) == 1)
        assert len(app.screen_stack) == 1 and app.session.path.name == "郑东新区.toml"
        assert "郑东新区" in screen_text(app)

    run_with(app, check)
