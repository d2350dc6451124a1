"""重点任务 (t): the key tasks the file lists one by one, by area, overdue first within it; Enter
records one finished (or, once finished or in a read-only session, shows its history)."""

from __future__ import annotations

import datetime as dt

from textual import on

from ...core import fmt
from ...core.model import Dashboard, Task
from ..widgets.requests import OpenRequested
from ..widgets.table import VirtualTable
from .listed import ListedScreen
from ..actions import bindings


class TasksScreen(ListedScreen):
    BINDINGS = bindings("tasks")

    def __init__(self, dashboard: Dashboard, at: dt.date) -> None:
        lang = self.app.lang
        self.at = at
        # the areas in the order the file first names them; within one, overdue, then open, then finished
        order = {area: index for index, area in enumerate(dict.fromkeys(t.area for t in dashboard.tasks))}
        tasks = sorted(dashboard.tasks, key=lambda t: (t.area == "", order[t.area], self.state(t)))
        # The state and deadline first: a narrow window cuts the columns on the right.
        titles = [lang.tr("状态"), lang.tr("截止"), lang.tr("方面"), lang.tr("任务"), lang.tr("责任单位")]
        super().__init__(tasks, titles, self.task_cells,
                         title=lang.tr("重点任务（截至 {date}）", date=at.isoformat()),
                         keys=lang.tr("/ 筛选 · Enter 记录完成或看历史 · Esc 关闭"),
                         placeholder=lang.tr("按方面、任务或单位筛选…"))

    def task_cells(self, t: Task) -> list[str]:
        lang = self.app.lang
        clean = lambda text: fmt.clean(text, single_line=True)  # noqa: E731
        return [self.state_text(t), fmt.when(t.deadline, lang=lang) if t.deadline else fmt.MISSING,
                clean(lang.data(t, "area")) or fmt.MISSING, clean(lang.data(t, "name")),
                clean(t.responsible) or fmt.MISSING]

    def state(self, task: Task) -> int:
        return 2 if task.done else 0 if task.overdue(self.at) else 1

    def state_text(self, task: Task) -> str:
        lang = self.app.lang
        if task.done:
            return lang.tr("已完成 {when}", when=fmt.when(task.finished, lang=lang)) if task.finished else lang.tr("已完成")
        return lang.tr("逾期") if task.overdue(self.at) else lang.tr("进行中")

    def search_text(self, task: Task) -> str:
        lang = self.app.lang
        return (f"{lang.data(task, 'area')}\n{lang.data(task, 'name')}\n{task.responsible}\n{task.person}\n"
                f"{task.id}").lower()

    def count_text(self, found: list, filtered: bool) -> str:
        done = sum(t.done for t in found)
        late = sum(t.overdue(self.at) for t in found)
        return self.app.lang.tr("{total} 项任务：已完成 {done}，逾期 {late}", total=len(found), done=done, late=late)

    @on(VirtualTable.Selected)
    def open_task(self, event: VirtualTable.Selected) -> None:
        self.post_message(OpenRequested("task", event.table.rows[event.index].id))
