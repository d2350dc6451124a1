"""重点任务 (t): the key tasks the file lists one by one, by area, overdue first within it; Enter
records one finished (or, once finished or in a read-only session, shows its history)."""

from __future__ import annotations

import datetime as dt

from textual import on

from ...core import fmt
from ...core.i18n import data, tr
from ...core.model import Dashboard, Task
from ..widgets.requests import OpenRequested
from ..widgets.table import VirtualTable
from .listed import ListedScreen
from ..actions import bindings


class TasksScreen(ListedScreen):
    BINDINGS = bindings("tasks")

    def __init__(self, dashboard: Dashboard, at: dt.date) -> None:
        self.at = at
        # the areas in the order the file first names them; within one, overdue, then open, then finished
        order = {area: index for index, area in enumerate(dict.fromkeys(t.area for t in dashboard.tasks))}
        tasks = sorted(dashboard.tasks, key=lambda t: (t.area == "", order[t.area], self.state(t)))
        # The state and deadline first: a narrow window cuts the columns on the right.
        titles = [tr("状态"), tr("截止"), tr("方面"), tr("任务"), tr("责任单位")]
        clean = lambda text: fmt.clean(text, single_line=True)  # noqa: E731
        super().__init__(tasks, titles, lambda t: [self.state_text(t),
                                                   fmt.when(t.deadline) if t.deadline else fmt.MISSING,
                                                   clean(data(t, "area")) or fmt.MISSING, clean(data(t, "name")),
                                                   clean(t.responsible) or fmt.MISSING],
                         title=tr("重点任务（截至 {date}）", date=at.isoformat()),
                         keys=tr("/ 筛选 · Enter 记录完成或看历史 · Esc 关闭"), placeholder=tr("按方面、任务或单位筛选…"))

    def state(self, task: Task) -> int:
        return 2 if task.done else 0 if task.overdue(self.at) else 1

    def state_text(self, task: Task) -> str:
        if task.done:
            return tr("已完成 {when}", when=fmt.when(task.finished)) if task.finished else tr("已完成")
        return tr("逾期") if task.overdue(self.at) else tr("进行中")

    def search_text(self, task: Task) -> str:
        return f"{data(task, 'area')}\n{data(task, 'name')}\n{task.responsible}\n{task.person}\n{task.id}".lower()

    def count_text(self, found: list, filtered: bool) -> str:
        done = sum(t.done for t in found)
        late = sum(t.overdue(self.at) for t in found)
        return tr("{total} 项任务：已完成 {done}，逾期 {late}", total=len(found), done=done, late=late)

    @on(VirtualTable.Selected)
    def open_task(self, event: VirtualTable.Selected) -> None:
        self.post_message(OpenRequested("task", event.table.rows[event.index].id))
