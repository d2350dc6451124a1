"""A reload (r, or the files changing on disk) shows the new data in the panes already built, in
place: the filter typed, the order, the selected row and where each pane is scrolled to stay."""

from __future__ import annotations

import shutil

from textual.widgets import Input

from erqi_tui import store
from erqi_tui.ui.panes.overview import OverviewPane
from erqi_tui.ui.panes.projects import ProjectsPane, ProjectTable

from ..conftest import BUNDLED
from .helpers import make_app, run_with, screen_text

EXTRA = 60  # projects added to the bundled file: enough that the table scrolls


def with_more_projects(tmp_path):
    """The bundled file and EXTRA projects named 测试项目00…, each of 1.5 亿元."""
    path = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, path)
    extra = "".join(f'\n[[project]]\nid = "extra-{i:02d}"\nname = "测试项目{i:02d}"\nstatus = "在谈"\n'
                    f'investment = {{ value = 1.5, unit = "亿元" }}\n' for i in range(EXTRA))
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return path


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def projects_state(app):
    pane = app.query_one(ProjectsPane)
    table = pane.query_one(ProjectTable)
    return pane, table, pane.query_one("#filter", Input)


async def filter_and_scroll(pilot, text: str, down: int):
    await pilot.press("5", "slash", *text, "enter")  # Enter goes back to the table
    await pilot.press(*["down"] * down)
    await pilot.pause()


def test_r_shows_the_new_figures_in_place_keeping_the_filter_cursor_and_scroll(tmp_path):
    path = with_more_projects(tmp_path)
    app = make_app(path)

    async def check(pilot):
        await filter_and_scroll(pilot, "测试", 40)
        pane, table, box = projects_state(app)
        selected, scroll = table.selected_id, table.scroll_offset.y
        assert selected == "extra-40" and scroll > 0  # the table has scrolled to keep the cursor in view
        assert "测试项目38" in screen_text(app)
        # Another office changes the row above the cursor and the figure of the pane's target.
        edit(path, 'name = "测试项目39"\nstatus = "在谈"\ninvestment = { value = 1.5,',
             'name = "测试项目39"\nstatus = "在谈"\ninvestment = { value = 8.25,')
        edit(path, 'target = { value = 60, unit = "个" }\npane = "projects"',
             'target = { value = 60, unit = "个" }\ncurrent = { value = 17, unit = "个" }\npane = "projects"')
        await pilot.press("r")
        await pilot.pause()
        text = screen_text(app)
        assert "8.25 亿元" in text  # the new figure, in the row shown
        assert "17 / 60 个" in text  # and in the target's card above the table
        # The same pane and table, with the filter, the selected row and the scroll as they were.
        assert projects_state(app) == (pane, table, box)
        assert box.value == "测试"
        assert table.selected_id == "extra-40"
        assert table.scroll_offset.y == scroll
        assert app.focused is table
        assert f"{EXTRA} / {len(app.dashboard.projects)} 个项目" in text

    run_with(app, check)


def test_a_large_file_edited_on_disk_is_read_again_in_blocks_and_shown(tmp_path, monkeypatch):
    """A city's file (read in blocks, store/blocks.py; here any file is): after an edit of one
    project and of a target on disk, the panes show both, and the projects not edited are the ones
    read before (not parsed again)."""
    from erqi_tui.store import datafile

    monkeypatch.setattr(datafile, "FROM_CHARS", 0)
    path = with_more_projects(tmp_path)
    app = make_app(path, loaded=store.read(path))

    async def check(pilot):
        before = app.session.reuse
        assert before.kept is not None  # read in blocks
        await pilot.press("5", "slash", *"测试项目39", "enter")
        edit(path, 'name = "测试项目39"\nstatus = "在谈"\ninvestment = { value = 1.5,',
             'name = "测试项目39"\nstatus = "在谈"\ninvestment = { value = 8.25,')
        edit(path, 'target = { value = 60, unit = "个" }\npane = "projects"',
             'target = { value = 60, unit = "个" }\ncurrent = { value = 17, unit = "个" }\npane = "projects"')
        await pilot.pause(1.5)  # the files are looked at twice a second
        text = screen_text(app)
        assert "8.25 亿元" in text and "17 / 60 个" in text
        after = app.session.reuse.base.projects
        kept = [new is old for new, old in zip(after, before.base.projects, strict=True)]
        assert kept.count(False) == 1 and after[kept.index(False)].id == "extra-39"

    run_with(app, check)


def test_a_change_on_disk_is_shown_in_place_while_typing_in_the_filter(tmp_path):
    path = with_more_projects(tmp_path)
    app = make_app(path)  # watches its files, as erqi-tui does

    async def check(pilot):
        await filter_and_scroll(pilot, "测试项目", 12)
        await pilot.press("slash", "end", "1")  # back in the filter box, typing: 测试项目1 (10…19)
        await pilot.pause()
        pane, table, box = projects_state(app)
        assert table.row_count == 10 and table.selected_id == "extra-12"
        edit(path, 'name = "测试项目12"\nstatus = "在谈"\ninvestment = { value = 1.5,',
                   'name = "测试项目12"\nstatus = "在谈"\ninvestment = { value = 3.75,')
        await pilot.pause(1.5)  # the files are looked at twice a second
        assert "3.75 亿元" in screen_text(app)
        assert projects_state(app) == (pane, table, box)
        assert (box.value, table.row_count, table.selected_id) == ("测试项目1", 10, "extra-12")
        assert app.focused is box  # the next key still goes into the filter
        await pilot.press("5")
        assert box.value == "测试项目15"

    run_with(app, check)


def test_the_overview_keeps_where_it_is_scrolled_to(tmp_path):
    path = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, path)
    app = make_app(path)

    async def check(pilot):
        pane = app.query_one(OverviewPane)
        await pilot.press("down", "down", "down")
        await pilot.pause()
        assert pane.scroll_y == 3
        edit(path, "current = { value = 13, unit", "current = { value = 17, unit")
        await pilot.press("r")
        await pilot.pause()
        assert app.query_one(OverviewPane) is pane and pane.scroll_y == 3
        await pilot.press("home")
        await pilot.pause()
        assert "17 / 30" in screen_text(app) and "13 / 30" not in screen_text(app)

    run_with(app, check, size=(80, 24))  # the overview is taller than the window: it scrolls


def test_a_reload_that_changes_nothing_leaves_the_panes_alone(tmp_path):
    path = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, path)
    app = make_app(path)

    async def check(pilot):
        cards = list(app.query_one(OverviewPane).children)
        path.write_text(path.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
        await pilot.press("r")
        await pilot.pause()
        assert list(app.query_one(OverviewPane).children) == cards  # the same widgets, not built again

    run_with(app, check)


def test_the_big_screen_is_drawn_anew_with_the_new_figures(tmp_path):
    # 大屏 lays its tiles, charts and headlines out for its size as it is mounted: a reload builds it
    # again rather than composing its widgets in place.
    path = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, path)
    app = make_app(path)

    async def check(pilot):
        edit(path, "current = { value = 13, unit", "current = { value = 17, unit")
        await pilot.press("r")
        await pilot.pause()
        app.clear_notifications()  # 已重新载入
        await pilot.pause()
        fresh = make_app(path)
        text = screen_text(app)
        assert "17 / 30" in text and "13 / 30" not in text

        async def same(other):
            assert screen_text(fresh) == text  # as a dashboard started on the changed file draws it

        await fresh_screen(fresh, same)

    run_with(app, check, size=(170, 50))


async def fresh_screen(app, check):
    async with app.run_test(size=(170, 50)) as pilot:
        await pilot.pause()
        await check(pilot)


def test_the_collector_paused_at_start_runs_again_once_the_dashboard_is_up():
    # Start-up pauses Python's cyclic collector until a second after the first frame (ui.app): it
    # must run again then, and after an app that ended sooner, or cyclic garbage would pile up.
    import gc

    app = make_app()

    async def check(pilot):
        assert not gc.isenabled()  # the first frame is up, its second not yet over
        await pilot.pause(1.2)
        assert gc.isenabled()

    run_with(app, check)
    run_with(make_app(), lambda pilot: pilot.pause())  # ends within the second
    assert gc.isenabled()


def test_the_line_on_a_broken_file_follows_l(data):
    """While the file is broken the last good data shows with the problem under it: l says that
    line in the other language too (it stayed in the old one until the next reload)."""
    path = data
    app = make_app(path, lang="en")

    async def check(pilot):
        edit(path, 'target = { value = 60, unit = "个" }', 'target = { value = "sixty", unit = "个" }')
        await pilot.press("r")
        await pilot.pause()
        line = lambda: str(app.query_one("#data-error").render())  # noqa: E731
        assert "The data file has a problem" in line() and "target.value" in line()
        await pilot.press("l")
        await pilot.pause()
        assert "数据文件有误，仍显示上次的数据" in line() and "The data file has a problem" not in line()
        assert "目标值" in line() or "target.value" in line()

    run_with(app, check)
