"""Every key the help screen lists does what it says (pilot tests, no real terminal)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Input

from erqi_tui.ui.panes.projects import ProjectTable
from erqi_tui.ui.screens.detail import ProjectDetail
from erqi_tui.store import journal
from erqi_tui.core.model import Quantity, Update
from erqi_tui.ui.screens.forms import UpdateForm
from erqi_tui.ui.screens.help import HelpScreen
from erqi_tui.ui.screens.history import HistoryScreen
from erqi_tui.ui.widgets.cards import TargetCard
from erqi_tui.ui.widgets.keybar import KeyBar

from erqi_tui import store
from erqi_tui.store.config import Config
from erqi_tui.ui.app import ErqiApp

from ..conftest import BUNDLED, svg_texts
from .helpers import make_app, run_with, screen_text

SIZE = (100, 30)


async def _switch(pilot, key: str, pane_id: str) -> None:
    await pilot.press(key)
    await pilot.pause()
    assert pilot.app.current_pane == pane_id
    pane = pilot.app.built_pane(pane_id)
    assert pane.display and not any(p.display for p in pane.parent.children if p is not pane)
    assert pilot.app.focused is not None
    assert pilot.app.focused in pane.query("*") or pilot.app.focused is pane  # its keys show in the Footer


def switch(key: str, pane_id: str):
    async def check(pilot) -> None:
        if key == "1":
            await _switch(pilot, "2", "investment")  # start elsewhere, so 1 has to move
        await _switch(pilot, key, pane_id)
    return check


async def opens_help(pilot) -> None:
    await pilot.press("question_mark")
    assert isinstance(pilot.app.screen, HelpScreen)
    assert "重新载入" in screen_text(pilot.app)
    await pilot.press("escape")
    assert not isinstance(pilot.app.screen, HelpScreen)


async def quits(pilot) -> None:
    await pilot.press("q")
    await pilot.pause()
    assert pilot.app._exit_renderables is not None or not pilot.app.is_running


async def moves_focus(pilot) -> None:
    await pilot.press("5")
    await pilot.pause()
    assert isinstance(pilot.app.focused, ProjectTable)
    await pilot.press("shift+tab")
    assert isinstance(pilot.app.focused, Input)
    await pilot.press("tab")
    assert isinstance(pilot.app.focused, ProjectTable)


async def scrolls(pilot) -> None:
    await pilot.resize_terminal(80, 24)
    await pilot.press("2")
    await pilot.pause()
    pane = pilot.app.focused
    assert pane.max_scroll_y > 0
    await pilot.press("down")
    await pilot.pause()
    assert pane.scroll_y == 1
    await pilot.press("pagedown")
    await pilot.pause()
    assert pane.scroll_y > 1
    await pilot.press("pageup", "up")
    await pilot.pause()
    assert pane.scroll_y == 0


async def command_palette(pilot) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*"营商环境")
    await pilot.pause(0.5)
    await pilot.press("enter")
    await pilot.pause()
    assert pilot.app.current_pane == "business"


async def filters(pilot) -> None:
    await pilot.press("5", "slash")
    assert isinstance(pilot.app.focused, Input)
    await pilot.press(*"在谈")
    await pilot.pause()
    assert pilot.app.query_one(ProjectTable).row_count == 2
    assert "2 / 10 个项目" in screen_text(pilot.app)


async def sorts(pilot) -> None:
    await pilot.press("5", "s", "s")  # 项目 → 状态
    await pilot.pause()
    table = pilot.app.query_one(ProjectTable)
    first = table.get_row_at(0)
    assert str(first[1]) == "在谈"
    assert "按“状态”升序" in screen_text(pilot.app)


async def sorts_reverse(pilot) -> None:
    await pilot.press("5", "s", "s", "S")
    await pilot.pause()
    table = pilot.app.query_one(ProjectTable)
    assert str(table.get_row_at(0)[1]) == "开工"
    assert str(table.get_row_at(table.row_count - 1)[1]) == "—"  # unknown stays last
    assert "按“状态”降序" in screen_text(pilot.app)


async def escape_leaves_then_clears_filter(pilot) -> None:
    await pilot.press("5", "slash", *"签约")
    await pilot.press("escape")
    assert isinstance(pilot.app.focused, ProjectTable)
    assert pilot.app.query_one(ProjectTable).row_count == 3
    await pilot.press("escape")
    await pilot.pause()
    assert pilot.app.query_one("#filter", Input).value == ""
    assert pilot.app.query_one(ProjectTable).row_count == 10


async def table_cursor(pilot) -> None:
    await pilot.press("5", "down", "down")
    assert pilot.app.query_one(ProjectTable).cursor_row == 2
    await pilot.press("up")
    assert pilot.app.query_one(ProjectTable).cursor_row == 1


async def table_j_k(pilot) -> None:
    """j / k move in a table as in htop, k9s and lazygit."""
    await pilot.press("5", "j", "j")
    assert pilot.app.query_one(ProjectTable).cursor_row == 2
    await pilot.press("k")
    assert pilot.app.query_one(ProjectTable).cursor_row == 1


async def wall_exports(pilot) -> None:
    """x on 挂图 saves that screen, not nothing: the app's x does not reach through a modal screen."""
    await pilot.press("g")
    await pilot.pause()
    await pilot.press("x")
    await pilot.pause()
    (saved,) = Path.cwd().glob("erqi-tui-wallchart-*.svg")
    assert "挂图作战" in saved.read_text(encoding="utf-8") and "已保存本页图片" in screen_text(pilot.app)


async def supervision_exports(pilot) -> None:
    await pilot.press("u")
    await pilot.pause()
    await pilot.press("x")
    await pilot.pause()
    (saved,) = Path.cwd().glob("erqi-tui-supervisionscreen-*.svg")
    assert "督办" in saved.read_text(encoding="utf-8")


async def opens_detail(pilot) -> None:
    await pilot.press("5", "enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ProjectDetail)
    text = screen_text(pilot.app)
    assert "康师傅饮品北方区域研发总部" in text and "133 亩" in text and "1+ 亿箱" in text


async def closes_detail(pilot) -> None:
    await opens_detail(pilot)
    await pilot.press("escape")
    assert not isinstance(pilot.app.screen, ProjectDetail)
    assert isinstance(pilot.app.focused, ProjectTable)


def kangshifu(app):
    return next(p for p in app.dashboard.projects if p.id == "kangshifu")


async def detail_reaches_milestone(pilot) -> None:
    await opens_detail(pilot)
    await pilot.press("m")  # the first step not reached is offered: 生产车间投入使用
    await pilot.pause()
    assert isinstance(pilot.app.screen, UpdateForm) and "节点完成" in screen_text(pilot.app)
    await pilot.press("tab", "enter")  # to the date (the figures' date), Enter saves
    await pilot.pause()
    assert isinstance(pilot.app.screen, ProjectDetail)  # back on the project, shown as recorded now
    assert "生产车间投入使用 2024-06-30" in screen_text(pilot.app)  # today, in the tests
    assert kangshifu(pilot.app).milestones[1].done and kangshifu(pilot.app).status == "开工"  # the step names no stage
    assert 'milestone = "生产车间投入使用"' in journal.journal_path(pilot.app.session.path).read_text(encoding="utf-8")


async def detail_raises_request(pilot) -> None:
    await opens_detail(pilot)
    await pilot.press("a")
    await pilot.pause()
    await pilot.press(*"用电增容", "tab", *"区发改委", "enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ProjectDetail)
    assert "用电增容 · 提出 2024-06-30 · 未办结（已 0 天） · 区发改委" in screen_text(pilot.app)
    (request,) = kangshifu(pilot.app).requests
    assert (request.what, request.responsible, request.done) == ("用电增容", "区发改委", False)


async def detail_resolves_request(pilot) -> None:
    await opens_detail(pilot)
    await pilot.press("v")  # nothing open yet: said so, no form
    await pilot.pause()
    assert isinstance(pilot.app.screen, ProjectDetail) and "该项目没有未办结的诉求" in screen_text(pilot.app)
    update = Update("project", "kangshifu", {"request": {"what": "用电增容"}}, dt.date(2024, 5, 10), "李四")
    assert await pilot.app.save_update(update) is None
    await pilot.press("v", "tab", "enter")
    await pilot.pause()
    pilot.app.clear_notifications()  # the two "已保存" cover the line
    await pilot.pause()
    assert isinstance(pilot.app.screen, ProjectDetail)
    assert "用电增容 · 提出 2024-05-10 · 已办结 2024-06-30" in screen_text(pilot.app)
    assert kangshifu(pilot.app).requests[0].done


async def tasks_need_a_list(pilot) -> None:
    await pilot.press("t")  # the article gives only 82 项重点任务 in 6 方面: no list to show
    await pilot.pause()
    assert len(pilot.app.screen_stack) == 1 and "数据文件没有逐项列出重点任务" in screen_text(pilot.app)


async def target_projects(pilot) -> None:
    from erqi_tui.ui.screens.drill import DrillScreen

    card = await focus_first_card(pilot)
    assert card.progress.target.id == "new-projects"
    await pilot.press("p")  # the projects the file names as part of its 13
    await pilot.pause()
    assert isinstance(pilot.app.screen, DrillScreen)
    text = screen_text(pilot.app)
    assert "新签约产业项目：计入的项目" in text and "已列明 2 / 13 个" in text
    assert "大有农业微生物创新产业园" in text and "中原新能源科技产业园" in text
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ProjectDetail) and "大有农业微生物创新产业园" in screen_text(pilot.app)
    await pilot.press("escape", "escape")
    await pilot.pause()
    assert pilot.app.focused is card  # back where it started


async def drill_into_stage_and_axis(pilot) -> None:
    from erqi_tui.ui.screens.drill import DrillScreen
    from erqi_tui.ui.widgets.drillbox import DrillBox

    await pilot.press("2")
    await pilot.pause()
    stage = next(box for box in pilot.app.query(DrillBox) if box.key == "签约")
    stage.focus()
    await pilot.press("enter")  # the 13 新签约产业项目 against the projects the file counts in them
    await pilot.pause()
    assert isinstance(pilot.app.screen, DrillScreen)
    text = screen_text(pilot.app)
    # as p on the 新签约产业项目 card says: one figure, one answer; 郑州中视 is not among the 13
    assert "新签约产业项目：计入的项目" in text and "已列明 2 / 13 个" in text and "郑州中视数据中心项目" not in text
    await pilot.press("escape")
    await pilot.pause()
    assert pilot.app.focused is stage
    await pilot.press("3")
    await pilot.pause()
    await pilot.click(next(box for box in pilot.app.query(DrillBox) if box.key == "daxue"))  # a click does it too
    await pilot.pause()
    text = screen_text(pilot.app)
    assert "大学路 · 健康服务及消费提质发展轴：项目" in text and "1 个项目" in text


async def drill_filters(pilot) -> None:
    from erqi_tui.ui.screens.drill import DrillScreen

    await focus_first_card(pilot)
    await pilot.press("p", "slash", *"中原")
    await pilot.pause()
    text = screen_text(pilot.app)
    assert "1 / 2 条" in text and "中原新能源科技产业园" in text and "大有农业" not in text
    await pilot.press("escape", "escape")  # the filter's text, then the list
    await pilot.pause()
    assert not isinstance(pilot.app.screen, DrillScreen)


async def header_click_sorts(pilot) -> None:
    await pilot.press("5")
    await pilot.pause()
    table = pilot.app.query_one(ProjectTable)
    x = table.column_x(4) + 1  # 总投资
    await pilot.click(ProjectTable, offset=(x, 0))
    await pilot.pause()
    assert str(table.get_row_at(0)[0]) == "杉杉奥特莱斯广场二七店" or str(table.get_row_at(0)[4]) != "—"
    assert "按“总投资”升序" in screen_text(pilot.app)
    await pilot.click(ProjectTable, offset=(x, 0))
    await pilot.pause()
    assert "按“总投资”降序" in screen_text(pilot.app)


async def focus_first_card(pilot) -> TargetCard:
    for _ in range(5):
        if isinstance(pilot.app.focused, TargetCard):
            return pilot.app.focused
        await pilot.press("tab")
    raise AssertionError("Tab never reached a target card")


async def target_edit(pilot) -> None:
    card = await focus_first_card(pilot)
    assert card.progress.target.id == "new-projects"
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(pilot.app.screen, UpdateForm)
    await pilot.press(*"15", "enter")  # the value is selected on focus: typing replaces it
    await pilot.pause()
    assert not isinstance(pilot.app.screen, UpdateForm)
    assert "15 / 30个以上" in screen_text(pilot.app)
    assert isinstance(pilot.app.focused, TargetCard)  # still on the card just updated
    assert journal.journal_path(pilot.app.session.path).exists()


async def target_history(pilot) -> None:
    await target_edit(pilot)
    await pilot.press("h")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HistoryScreen)
    text = screen_text(pilot.app)
    assert "历史：新签约产业项目" in text and "13 个" in text and "15 个" in text and "tester" in text
    assert "全年进程：新签约产业项目" in text  # its chart, with the value just recorded
    assert "已列明 2 / 15 个：大有农业微生物创新产业园、中原新能源科技产业园" in text  # named ones, against 15 now


async def project_edit(pilot) -> None:
    await pilot.press("5", "down")
    await pilot.press("e")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, UpdateForm) and "杉杉奥特莱斯广场二七店" in screen_text(pilot.app)
    form.query_one("#field-location", Input).value = "大学路与南四环交叉口"
    await pilot.press("enter")
    await pilot.pause()
    table = pilot.app.query_one(ProjectTable)
    assert table.selected_id == "shanshan-outlets"  # the selected row is kept
    assert str(table.get_row_at(1)[3]) == "大学路与南四环交叉口"


async def project_history(pilot) -> None:
    await pilot.press("5", "h")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HistoryScreen)
    assert "历史：康师傅饮品北方区域研发总部" in screen_text(pilot.app)
    assert "尚无更新记录" in screen_text(pilot.app)


async def new_project(pilot) -> None:
    await pilot.press("5", "n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, UpdateForm)
    await pilot.press(*"新能源汽车零部件园", "enter")
    await pilot.pause()
    table = pilot.app.query_one(ProjectTable)
    assert table.row_count == 11
    assert "新能源汽车零部件园" in [str(table.get_row_at(i)[0]) for i in range(11)]


async def form_escape(pilot) -> None:
    await pilot.press("5", "n")
    await pilot.pause()
    await pilot.press(*"不保存", "escape")
    await pilot.pause()
    assert not isinstance(pilot.app.screen, UpdateForm)
    assert not journal.journal_path(pilot.app.session.path).exists()


async def history_withdraw(pilot) -> None:
    await target_history(pilot)  # one update recorded: 13 → 15
    await pilot.press("w")
    await pilot.pause()
    assert "撤销第 1 条更新？" in screen_text(pilot.app)
    await pilot.press("w")  # the confirmation
    await pilot.pause()
    text = screen_text(pilot.app)
    assert "已由 tester" in text and "撤销" in text  # still listed, marked as withdrawn
    target = next(t for t in pilot.app.dashboard.targets if t.id == "new-projects")
    assert target.current.value == 13  # the figure is back to the data file's
    await pilot.press("escape")
    await pilot.pause()
    assert "13 / 30个以上" in screen_text(pilot.app)
    assert "withdraw = 1" in journal.journal_path(pilot.app.session.path).read_text(encoding="utf-8")


async def history_escape(pilot) -> None:
    await project_history(pilot)
    await pilot.press("escape")
    assert not isinstance(pilot.app.screen, HistoryScreen)


async def exports_pane(pilot) -> None:
    await pilot.press("3", "x")
    await pilot.pause()
    saved = list(Path.cwd().glob("erqi-tui-layout-*.svg"))
    assert len(saved) == 1 and "嵩山路" in "".join(svg_texts(saved[0].read_text(encoding="utf-8")))
    assert "已保存本页图片" in screen_text(pilot.app)


async def marks_briefing(pilot) -> None:
    app = pilot.app
    await pilot.press("b")
    await pilot.pause()
    assert "再按 b" in screen_text(app) and not app.dashboard.briefings  # asks first: it is for everyone
    await pilot.press("b")
    await pilot.pause()
    (briefing,) = app.dashboard.briefings
    assert briefing.date == dt.date(2024, 5, 31) and "[[briefing]]" in journal.journal_path(
        app.session.path).read_text(encoding="utf-8")
    app.clear_notifications()
    await pilot.pause()
    assert "变化自 05-31（上次简报）" in screen_text(app)
    update = Update("target", "signed-amount", {"current": Quantity(140, "亿元")}, dt.date(2024, 6, 30), "x")
    assert await app.save_update(update) is None
    app.clear_notifications()
    await pilot.pause()
    assert "较 05-31 +32.04 亿元" in screen_text(app)


async def shows_changes(pilot) -> None:
    app = pilot.app
    update = Update("target", "signed-amount", {"current": Quantity(140, "亿元")}, dt.date(2024, 6, 30), "李四")
    assert await app.save_update(update) is None
    update = Update("project", "kangshifu", {"status": "投产"}, dt.date(2024, 6, 5), "王五")
    assert await app.save_update(update) is None
    await pilot.press("d")
    await pilot.pause()
    text = screen_text(app)
    # In date order, not the order recorded: the project's 06-05 before the amount's 06-30.
    assert text.index("2024-06-05") < text.index("2024-06-30") and "共 2 条" in text
    await pilot.press("slash", *"李四")
    await pilot.pause()
    text = screen_text(app)
    assert "1 / 2 条" in text and "140 亿元" in text and "王五" not in text
    await pilot.press("enter", "enter")  # back to the table, then the selected change's history
    await pilot.pause()
    assert isinstance(app.screen, HistoryScreen)
    await pilot.press("escape", "escape")  # the history, then 动态
    await pilot.pause()
    assert len(app.screen_stack) == 1


async def shows_wall_chart(pilot) -> None:
    from erqi_tui.ui.screens.detail import ProjectDetail

    app = pilot.app
    app.as_of_override = dt.date(2024, 10, 15)  # --as-of: 开业 (2024-09) and 生产车间 (2024-05) are late
    await pilot.press("g")
    await pilot.pause()
    text = screen_text(app)
    assert "3 个项目有节点，2 个逾期；按逾期最多排列（另有 7 个项目未列节点）" in text
    lines = [line for line in text.splitlines() if "师傅" in line or "杉杉" in line or "联东" in line]
    assert "康师傅" in lines[0] and "137 天" in lines[0] and "✗" in lines[0]  # 2024-05-31 → 10-15: most late first
    assert "杉杉" in lines[1] and "15 天" in lines[1] and "◂" in lines[1]  # 拿地 in 2023: before the year
    assert "联东" in lines[2] and "○" in lines[2]  # planned within the year, not late
    await pilot.press("s")  # by axis: 大学路 first, those with none after
    await pilot.pause()
    assert "按发展轴排列" in screen_text(app)
    await pilot.press("s")  # by responsible unit: the article names none
    await pilot.pause()
    assert "按责任单位排列" in screen_text(app)
    await pilot.press("slash", *"联东", "enter", "enter")
    await pilot.pause(0.3)
    assert isinstance(app.screen, ProjectDetail) and "竣工投产 计划 2024" in screen_text(app)
    await pilot.press("escape", "escape")
    await pilot.pause()
    assert len(app.screen_stack) == 1


async def shows_supervision(pilot) -> None:
    from erqi_tui.ui.screens.detail import ProjectDetail

    app = pilot.app
    app.as_of_override = dt.date(2024, 10, 15)
    await pilot.press("u")
    await pilot.pause()
    text = screen_text(app)
    assert "1 个单位有逾期、未办或落后事项" in text and "（未指定）" in text  # the article names no 责任单位
    await pilot.press("slash", *"未指定", "enter", "enter")  # the filter, then the unit's items
    await pilot.pause(0.3)
    await pilot.pause()
    text = screen_text(app)
    assert "督办：（未指定）" in text and "杉杉奥特莱斯广场二七店 · 开业" in text
    assert "签约额 落后" in text
    await pilot.press("enter")  # the first item: a milestone → its project
    await pilot.pause(0.3)
    assert isinstance(app.screen, ProjectDetail)
    await pilot.press("escape", "escape", "escape")
    await pilot.pause()
    assert len(app.screen_stack) == 1


async def switches_language(pilot) -> None:
    await pilot.press("l")
    await pilot.pause()
    text = screen_text(pilot.app)
    assert "1 Overview" in text and "? Help" in text and "done 43.3%" in text and "10.796 / 30+ bn CNY" in text
    await pilot.press("l")
    await pilot.pause()
    text = screen_text(pilot.app)
    assert "1 总览" in text and "完成 43.3%" in text and "107.96 / 300亿元以上" in text


CHECKS = {
    ("全局", "1"): switch("1", "overview"),
    ("全局", "2"): switch("2", "investment"),
    ("全局", "3"): switch("3", "layout"),
    ("全局", "4"): switch("4", "business"),
    ("全局", "5"): switch("5", "projects"),
    ("全局", "?"): opens_help,
    ("全局", "q"): quits,
    ("全局", "x"): exports_pane,
    ("全局", "b"): marks_briefing,
    ("全局", "d"): shows_changes,
    ("全局", "g"): shows_wall_chart,
    ("全局", "u"): shows_supervision,
    ("全局", "l"): switches_language,
    ("全局", "Tab / Shift+Tab"): moves_focus,
    ("全局", "↑ ↓ PgUp PgDn"): scrolls,
    ("全局", "Ctrl+P"): command_palette,
    ("重点项目", "/"): filters,
    ("重点项目", "s"): sorts,
    ("重点项目", "S"): sorts_reverse,
    ("重点项目", "Esc"): escape_leaves_then_clears_filter,
    ("重点项目", "↑ ↓"): table_cursor,
    ("表格", "j"): table_j_k,
    ("表格", "k"): table_j_k,
    ("挂图作战", "x"): wall_exports,
    ("督办", "x"): supervision_exports,
    ("重点项目", "Enter"): opens_detail,
    ("重点项目", "鼠标点击表头"): header_click_sorts,
    ("项目详情", "Esc"): closes_detail,
    ("目标卡片", "p"): target_projects,
    ("项目推进、发展轴", "Enter"): drill_into_stage_and_axis,
    ("项目清单", "/"): drill_filters,
    ("项目清单", "Esc"): drill_filters,
    ("项目详情", "m"): detail_reaches_milestone,
    ("项目详情", "a"): detail_raises_request,
    ("项目详情", "v"): detail_resolves_request,
    ("全局", "t"): tasks_need_a_list,
    ("目标卡片", "e"): target_edit,
    ("目标卡片", "h"): target_history,
    ("重点项目", "e"): project_edit,
    ("重点项目", "h"): project_history,
    ("重点项目", "n"): new_project,
    ("更新表单", "Esc"): form_escape,
    ("历史记录", "Esc"): history_escape,
    ("历史记录", "w"): history_withdraw,
}
# `r` needs a file it may change: test_reload_key below.
TESTED_ELSEWHERE = {("全局", "r"), ("动态", "Esc"), ("动态", "/"),  # 动态's keys: in shows_changes
                    ("挂图作战", "Esc"), ("挂图作战", "/"), ("挂图作战", "s"),  # in shows_wall_chart
                    ("督办", "Esc"), ("督办", "/"), ("督办明细", "Esc"), ("督办明细", "/"),  # in shows_supervision
                    ("督办", "r"), ("企业诉求", "Esc"), ("企业诉求", "/"),  # test_follow_up_of_the_example_year
                    ("重点任务", "Esc"), ("重点任务", "/"),  # test_tasks_of_the_example_year
                    }  # 全市's keys (Esc back to it, its filter) are listed only with several districts: test_city


def test_every_help_entry_has_a_check():
    listed = {(scope, key) for scope, key, _ in make_app().help_rows()}
    assert listed == set(CHECKS) | TESTED_ELSEWHERE


@pytest.mark.parametrize("entry", list(CHECKS), ids=lambda e: f"{e[0]}:{e[1]}")
def test_help_key_does_what_it_says(entry, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # where x saves its picture
    path = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, path)
    run_with(make_app(path), CHECKS[entry])


def test_reload_key_shows_the_changed_file(tmp_path):
    path = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, path)
    app = make_app(path)

    async def check(pilot):
        assert "13 / 30个以上" in screen_text(app)
        path.write_text(path.read_text(encoding="utf-8").replace(
            "current = { value = 13, unit", "current = { value = 17, unit"), encoding="utf-8")
        await pilot.press("r")
        await pilot.pause()
        assert "17 / 30个以上" in screen_text(app)

    run_with(app, check)


def test_reload_of_a_broken_file_keeps_the_last_good_data(tmp_path):
    path = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, path)
    app = make_app(path)

    async def check(pilot):
        path.write_text('[meta]\ndistrict = "x\n', encoding="utf-8")
        await pilot.press("r")
        await pilot.pause(0.3)  # the toast mounts on the next refresh
        text = screen_text(app)
        assert "13 / 30个以上" in text
        # the path and the key in words may wrap the line anywhere
        assert "数据文件有误" in text and "语法错误" in text and "文件信息（[" in text

    run_with(app, check)


def test_mouse_click_on_a_tab_switches_pane():
    async def check(pilot):
        tabs = pilot.app.tabs
        _, start, _ = next(span for span in tabs.spans() if span[0] == "layout")
        await pilot.click(tabs, offset=(start + 1, 0))
        await pilot.pause()
        assert pilot.app.current_pane == "layout"
        assert "嵩山路" in screen_text(pilot.app)

    run_with(make_app(), check)


def key_line(app) -> str:
    return screen_text(app).splitlines()[-1]


def test_the_key_line_follows_the_focus_and_its_keys_can_be_clicked():
    async def check(pilot):
        line = key_line(pilot.app)
        assert "? 帮助" in line and "q 退出" in line and "e 更新数值" not in line
        assert line.rstrip().endswith("^p 命令面板")
        await pilot.press("tab")  # to the first target card: its own keys come first
        await pilot.pause()
        # (p: the file names two of its 13 projects; a card with none named does not offer p)
        assert key_line(pilot.app).startswith(" e 更新数值  h 历史  p 计入的项目  ? 帮助")
        await pilot.press("tab")  # 签约额: no project named
        await pilot.pause()
        assert key_line(pilot.app).startswith(" e 更新数值  h 历史  ? 帮助")
        bar = pilot.app.query_one(KeyBar)
        start, _, _ = next(span for span in bar.spans if span[2].display == "?")
        await pilot.click(bar, offset=(start + 1, 0))
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)

    run_with(make_app(), check)


def test_keys_that_do_not_fit_are_left_out_whole():
    async def check(pilot):
        await pilot.press("5")
        await pilot.pause()
        # Help and quit keep their room; "S 反向排序" does not fit then: it is left out whole, not cut.
        assert key_line(pilot.app) == " e 更新项目  h 历史  / 筛选  n 新增项目  s 排序列  ? 帮助  q 退出  ▏^p 命令面板 "

    run_with(make_app(), check, size=(80, 24))


def test_shrinking_the_window_says_so_and_growing_it_brings_the_panes_back():
    async def check(pilot):
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        assert "窗口太小" in screen_text(pilot.app) and "50×15" in screen_text(pilot.app)
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "窗口太小" not in text and "13 / 30个以上" in text

    run_with(make_app(), check, size=(80, 24))



def test_a_read_only_session_offers_no_key_that_records(tmp_path):
    path = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, path)
    app = make_app(path)
    app.session.read_only = True
    listed = {key for _, key, _ in app.help_rows()}
    assert "n" not in listed and "w" not in listed and "e" not in listed and "h" in listed

    async def check(pilot):
        card = await focus_first_card(pilot)
        assert "更新数值" not in screen_text(pilot.app) and "历史" in screen_text(pilot.app)
        await pilot.press("e")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, UpdateForm)
        await pilot.press("5")
        await pilot.pause()
        assert "新增项目" not in screen_text(pilot.app) and "更新项目" not in screen_text(pilot.app)
        await pilot.press("n", "e")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, UpdateForm)
        assert not journal.journal_path(path).exists()

    run_with(app, check)


@pytest.mark.parametrize("pane", ["1", "2", "3", "4", "5"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_key_line_keeps_help_and_quit_at_80_columns(pane, lang, tmp_path):
    path = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, path)
    app = make_app(path, lang=lang)

    async def check(pilot):
        await pilot.press(pane)
        await pilot.pause()
        for _ in range(3):  # on a card or a row too, where more keys compete for the line
            bottom = screen_text(pilot.app).splitlines()[-1]
            if isinstance(pilot.app.focused, Input):  # in the filter field ? and q are typed, not keys
                await pilot.press("tab")
                continue
            assert ("? 帮助" in bottom or "? Help" in bottom) and ("q 退出" in bottom or "q Quit" in bottom), bottom
            await pilot.press("tab")
            await pilot.pause()

    run_with(app, check, size=(80, 24))


def test_the_last_row_is_reachable_with_the_horizontal_scrollbar_showing_at_80x24():
    async def check(pilot):
        await pilot.press("5", "end")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "中部数字科创城" in text  # the last row, above the scrollbar, not under it
        await pilot.press("home")
        await pilot.pause()
        first = next(line for line in screen_text(pilot.app).splitlines() if "康师傅" in line)
        assert "约…" in first and "约13" not in first  # the 占地 cell the edge cuts says so, its figure not cut

    run_with(make_app(), check, size=(80, 24))


@pytest.mark.parametrize("lang, typed, pane", [("zh", "主题", None), ("zh", "theme", None), ("en", "营商", "business"),
                                               ("zh", "business", "business")])
def test_the_palette_speaks_the_ui_language_and_finds_either(lang, typed, pane):
    app = make_app(lang=lang)

    async def check(pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        text = screen_text(pilot.app)
        if lang == "zh":
            assert "搜索命令" in text and "Search for commands" not in text
        await pilot.press(*typed)
        await pilot.pause(0.5)
        text = screen_text(pilot.app)
        if pane is None:
            assert "主题" in text  # found by the Chinese or the English word, shown in Chinese
            await pilot.press("enter")
            await pilot.pause()
            assert "深色" in screen_text(pilot.app) and "搜索主题" in screen_text(pilot.app)
        else:
            await pilot.press("enter")
            await pilot.pause()
            assert pilot.app.current_pane == pane

    run_with(app, check)


@pytest.mark.parametrize("lang, said", [("zh", "没有匹配“zzqx”的命令"), ("en", "No command matches “zzqx”")])
def test_the_palette_says_it_found_nothing_in_the_ui_language(lang, said):
    app = make_app(lang=lang)

    async def check(pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"zzqx")
        await pilot.pause(0.8)  # past Textual's half second before its own line
        text = screen_text(pilot.app)
        assert said in text and "No matches found" not in text

    run_with(app, check)


def test_the_overview_becomes_the_big_screen_from_160_columns_and_back():
    from erqi_tui.ui.panes.big import BigOverview
    from erqi_tui.ui.panes.overview import OverviewPane

    app = make_app()

    async def check(pilot):
        assert app.query(OverviewPane) and not app.query(BigOverview)
        await pilot.resize_terminal(180, 50)
        await pilot.pause(0.2)
        assert app.query(BigOverview) and not app.query(OverviewPane)
        from textual.widgets import Digits

        assert [d.value for d in app.query(Digits)] == ["43.3%", "36.0%", "-"]  # each target in large digits
        await pilot.resize_terminal(120, 30)
        await pilot.pause(0.2)
        assert app.query(OverviewPane) and not app.query(BigOverview)

    run_with(app, check)


def test_the_chart_follows_the_focused_card():
    app = make_app()

    async def check(pilot):
        text = screen_text(app)
        assert "全年进程：签约额" in text and "年底预计 259.1 亿元" in text  # the one behind, first
        await pilot.press("tab")  # 新签约产业项目
        await pilot.pause()
        text = screen_text(app)
        assert "全年进程：新签约产业项目" in text and "年底预计 31 个" in text  # a count of projects: whole
        await pilot.press("tab", "tab")  # 年内竣工投产项目: no value yet
        await pilot.pause()
        assert "尚无数值，无从推算" in screen_text(app)

    run_with(app, check)


def test_a_card_cut_at_80_columns_names_its_target_whole_in_its_tooltip():
    app = make_app(lang="en")

    async def check(pilot):
        cards = list(app.query(TargetCard))
        assert "New industrial pro…" in screen_text(app)  # the title is cut in a narrow card…
        assert str(cards[0].tooltip) == "New industrial projects signed"  # …and whole in its tooltip

    run_with(app, check, size=(80, 24))


def test_keys_that_record_say_why_on_the_bundled_file():
    """e and b on the bundled, read-only file say why nothing happens, naming it for what it is:
    the article's real figures, not 示例 (that is --example's, invented)."""
    app = ErqiApp(BUNDLED, store.load(BUNDLED), watch=False, read_only=True, settings=Config())

    async def check(pilot):
        await pilot.press("tab")  # the first target card
        await pilot.press("e")
        await pilot.pause()
        text = screen_text(app)
        assert "随附的数据文件只读：它是文章里的真实数字" in text and "示例" not in text
        app.clear_notifications()
        await pilot.press("b")
        await pilot.pause()
        assert "不能标记简报" in screen_text(app) and not app.dashboard.briefings
        app.clear_notifications()
        await pilot.press("5", "e")  # on the projects' table too
        await pilot.pause()
        assert "随附的数据文件只读" in screen_text(app)

    run_with(app, check)


def test_l_switches_for_the_session_and_says_so(tmp_path):
    path = tmp_path / "config.toml"
    app = ErqiApp(BUNDLED, store.load(BUNDLED), watch=False, settings=Config(), settings_path=path)

    async def check(pilot):
        await pilot.press("l")
        await pilot.pause()
        assert "Switched to English for this session" in screen_text(app)

    run_with(app, check)
    assert not path.exists()  # nothing kept for the next start


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_wall_chart_at_80x24_shows_every_month_and_names_the_steps(lang):
    """At 80×24 the wall chart shows the twelve months beside the names, names the steps of the
    project under the cursor in full, and ← → move the months a month at a time while the names
    stay put (issue 25: English showed months 1-3 only, the 节点 column cut every step)."""
    from erqi_tui.ui.screens.wall import WallChart, WallTable

    app = make_app(as_of=dt.date(2024, 10, 15), lang=lang)

    async def check(pilot):
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, WallChart)
        lines = screen_text(app).replace("\u00a0", " ").splitlines()  # the months are set in no-break spaces
        header = next(line for line in lines if " 1  2  3" in line)
        assert "10 11 12" in header  # every month of the year, no scrolling needed (a long name ends in …)
        zh = lang == "zh"
        assert ("生产车间投入使用" if zh else "Production workshop in use") in screen_text(app)  # the step under the cursor, whole
        assert ("逾期未报（计划 2024-05）" if zh else "due, not reported") in screen_text(app)
        await pilot.press("down")
        await pilot.pause()
        shown = screen_text(app)
        assert ("开业" in shown and "拿地" in shown) if zh else ("Opening" in shown and "Land acquired" in shown)  # 杉杉's
        table = app.screen.query_one(WallTable)
        assert table.max_scroll_x > 0  # the axis, unit and steps columns go on to the right
        await pilot.press("right")
        await pilot.pause()
        assert table.scroll_offset.x == 3  # a month
        rows = screen_text(app).replace("\u00a0", " ").splitlines()
        assert any(line.startswith("█康师傅饮品北方区域研发总部" if zh else "█Master Kong beverages") for line in rows)  # the name stays
        header = next(line for line in rows if " 2  3  4" in line)
        assert " 1  2" not in header  # January has scrolled away

    run_with(app, check, size=(80, 24))


def test_a_choice_in_the_project_form_keeps_every_wide_character(tmp_path):
    """The project form's 发展轴 list, opened at 80×24 over the labels under it, reads whole: it
    showed 京广路 · 总部经  和特色商业发展轴, 济 lost where a label narrower than the form ended."""
    from textual.widgets import Select

    path = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, path)
    app = make_app(path)

    async def check(pilot):
        await pilot.press("5", "e")
        await pilot.pause()
        axis = app.screen.query_one("#field-axis", Select)
        axis.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "京广路 · 总部经济和特色商业发展轴" in screen_text(app)

    run_with(app, check, size=(80, 24))


@pytest.mark.parametrize("lang, header", [("zh", "郑州市二七区 2024 年目标 — 截至 2024年5月（序时按月末计）"),
                                          ("en", "Erqi District, Zhengzhou: targets for 2024 — as of May 2024")])
def test_the_header_at_80_columns_is_whole(lang, header):
    """At 80 columns the header drops what the key line says (? 帮助) and the date's note before it
    is cut (issue 25: English read "… — As of May 2024 (…"); at 120 it says them all."""
    app = make_app(lang=lang)

    async def check(pilot):
        first = screen_text(app).splitlines()[0]
        assert header in first and "…" not in first
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert ("? 帮助" if lang == "zh" else "? Help") in screen_text(app).splitlines()[0]

    run_with(app, check, size=(80, 24))


def test_the_palette_offers_no_language_switch_under_a_screen_built_in_the_other():
    """Over a history (or a form being filled) the palette has no 切换语言: it would have switched
    the dashboard behind and left the open screen in the old language."""
    app = make_app(lang="en")

    async def check(pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"language")
        await pilot.pause(0.5)
        assert "Switch language" in screen_text(pilot.app)  # over the dashboard: offered
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("tab", "h")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HistoryScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"language")
        await pilot.pause(0.5)
        assert "Switch language" not in screen_text(pilot.app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert pilot.app.lang == "en"

    run_with(app, check)


def test_the_help_in_english_names_every_key_in_english():
    """The help's key column is words where no key is pressed: 鼠标点击表头 read as Chinese in the
    English help; it reads "Click a header". Nothing of the help's own is left in Chinese."""
    import re

    from erqi_tui.core.i18n import EN
    from erqi_tui.ui.screens.help import BUILT_IN_KEYS, CITY_BUILT_IN_KEYS, help_rows

    rows = make_app(lang="en").help_rows()
    assert ("Projects", "Click a header", "Sort by that column; again to reverse") in rows
    chinese = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
    for built_in in (BUILT_IN_KEYS, CITY_BUILT_IN_KEYS):
        assert not [row for row in help_rows({}, [], built_in, lang=EN) if chinese.search("".join(row))]
    # the rest: the switch to Chinese, said in Chinese
    assert [row for row in rows if chinese.search("".join(row))] == [("Everywhere", "l", "中文")]
    assert ("重点项目", "鼠标点击表头", "按该列排序，再点反向") in make_app().help_rows()  # Chinese as before
