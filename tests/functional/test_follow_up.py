"""督办's follow-up lists on the example year: open enterprise requests, oldest first, and the key
tasks by area, recorded finished from the list (pilot tests on a copy of the example's files)."""

from __future__ import annotations

import datetime as dt
import shutil

from erqi_tui import cli, store
from erqi_tui.store import journal
from erqi_tui.ui.screens.detail import ProjectDetail
from erqi_tui.ui.screens.forms import UpdateForm
from erqi_tui.ui.screens.supervision import RequestsScreen
from erqi_tui.ui.screens.tasks import TasksScreen

from .helpers import make_app, run_with, screen_text

AT = dt.date(2025, 11, 30)


def example_copy(tmp_path):
    source = cli.bundled_data(cli.EXAMPLE)
    path = tmp_path / "example-year.toml"
    shutil.copy(source, path)
    shutil.copy(journal.journal_path(source), journal.journal_path(path))
    return path


def example_app(tmp_path):
    app = make_app(example_copy(tmp_path))
    app.session.today = dt.date(2025, 12, 31)
    return app


def test_follow_up_of_the_example_year(tmp_path):
    app = example_app(tmp_path)
    dashboard = app.dashboard
    open_ones = [(p.name, r) for p in dashboard.projects for r in p.requests if not r.done]
    oldest = min(open_ones, key=lambda o: o[1].raised.first)

    async def check(pilot) -> None:
        await pilot.press("u")
        await pilot.pause()
        text = screen_text(app)
        assert "未办诉求" in text and "逾期任务" in text and "示例·区商务局" in text
        await pilot.press("r")  # every open request, the oldest first
        await pilot.pause()
        assert isinstance(app.screen, RequestsScreen)
        text = screen_text(app)
        assert f"共 {len(open_ones)} 条" in text
        first = [line for line in text.splitlines() if "天" in line and "已等" not in line][0]
        assert oldest[1].raised.text in first and oldest[1].what in first
        assert f"{(AT - oldest[1].raised.first).days} 天" in first
        await pilot.press("slash", *"员工公寓", "enter", "enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ProjectDetail) and "员工公寓（示例） · 提出" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RequestsScreen)
        await pilot.press("escape", "escape")  # the list, then 督办
        await pilot.pause()
        assert len(app.screen_stack) == 1

    run_with(app, check)


def test_tasks_of_the_example_year(tmp_path):
    app = example_app(tmp_path)
    tasks = app.dashboard.tasks

    async def check(pilot) -> None:
        await pilot.press("4")  # 营商环境: progress by area, the overdue ones named
        await pilot.pause()
        text = screen_text(app)
        done = sum(t.done for t in tasks)
        assert f"重点任务 · {done} / {len(tasks)} 项已完成" in text and "要素保障（示例）" in text
        assert "逾期任务：" in text
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TasksScreen)
        late = sum(t.overdue(AT) for t in tasks)
        assert f"{len(tasks)} 项任务：已完成 {done}，逾期 {late}" in screen_text(app)
        await pilot.press("slash", *"标准地", "enter")
        await pilot.pause()
        assert "1 项任务：已完成 0，逾期 1" in screen_text(app)
        await pilot.press("enter")  # an open task: the form that records it finished
        await pilot.pause()
        assert isinstance(app.screen, UpdateForm) and "任务完成：标准地出让（示例）" in screen_text(app)
        await pilot.press("enter")  # the date: today
        await pilot.pause()
        assert isinstance(app.screen, TasksScreen)
        task = next(t for t in app.dashboard.tasks if t.name == "标准地出让（示例）")
        assert task.done and task.finished.first == dt.date(2025, 12, 31)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert len(app.screen_stack) == 1

    run_with(app, check)
    history = store.load(app.session.path).history("task", "task-05")
    assert history[-1].field == "done" and history[-1].who == "tester"


def test_a_read_only_session_offers_no_way_to_record(tmp_path):
    """As `--example` or a served session: the detail shows, its recording keys are not offered."""
    from erqi_tui.ui.app import ErqiApp
    from erqi_tui.store.config import Config

    path = example_copy(tmp_path)
    before = journal.journal_path(path).read_bytes()
    app = ErqiApp(path, store.load(path), who="tester", today=dt.date(2025, 12, 31), read_only=True,
                  settings=Config(lang="zh"))

    async def check(pilot) -> None:
        app.open_project_detail("p36")  # with an open request
        await pilot.pause()
        assert isinstance(app.screen, ProjectDetail)
        text = screen_text(app)
        assert "用电增容（示例） · 提出" in text and "a 提出诉求" not in text
        await pilot.press("m", "a", "v")
        await pilot.pause()
        assert isinstance(app.screen, ProjectDetail)  # no form opened
        await pilot.press("escape", "t", "enter")  # an open task: its history, not the form
        await pilot.pause()
        assert not isinstance(app.screen, UpdateForm) and "历史：" in screen_text(app)

    run_with(app, check)
    assert journal.journal_path(path).read_bytes() == before  # nothing written
