"""The key tasks' progress by area (方面), for 营商环境: a bar per area (finished of all, ┃ where the
year stands), how many are overdue, and the longest overdue named below."""

from __future__ import annotations

import datetime as dt

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from ...core import fmt
from ...core.model import Dashboard
from ...views.supervision import overdue_tasks, task_areas
from .bars import progress_line
from ..themes import Themed, themed
from .text import plain

LISTED = 5  # overdue tasks named; the rest counted


class TaskProgress(Themed, Widget):
    DEFAULT_CSS = "TaskProgress { width: 1fr; height: auto; border: round $secondary; padding: 0 1; }"

    def __init__(self, dashboard: Dashboard, at: dt.date, **kwargs) -> None:
        super().__init__(**kwargs)
        lang = self.app.lang  # built anew with its pane when the language changes
        self.at = at
        self.areas = task_areas(dashboard, at)
        self.area_names = {t.area: lang.data(t, "area") for t in dashboard.tasks}  # in the reader's language
        self.late = overdue_tasks(dashboard, at)
        year = dashboard.meta.year
        days = (dt.date(year, 12, 31) - dt.date(year, 1, 1)).days + 1
        self.elapsed = min(max((at - dt.date(year, 1, 1)).days + 1, 0), days) / days
        total = sum(a.total for a in self.areas)
        done = sum(a.done for a in self.areas)
        self.border_title = lang.tr("重点任务 · {done} / {total} 项已完成", done=done, total=total)
        self.border_subtitle = lang.tr("t 全部任务")

    def get_content_height(self, container, viewport, width: int) -> int:
        late = min(len(self.late), LISTED) + (len(self.late) > LISTED)
        return len(self.areas) + (1 + late if late else 0)

    def render(self) -> Text:
        lang = self.app.lang
        names = [fmt.clean(self.area_names[a.name] or lang.tr("（未分方面）"), single_line=True) for a in self.areas]
        counts = [f"{a.done}/{a.total}" for a in self.areas]
        lates = [lang.tr("逾期 {count}", count=a.overdue) if a.overdue else "" for a in self.areas]
        width = self.content_size.width
        name_width = min(max(map(cell_len, names)), max(width // 3, 6))
        count_width = max(map(cell_len, counts))
        late_width = max(map(cell_len, lates))
        bar_width = max(width - name_width - count_width - late_width - 3, 4)
        behind, ahead, late_style = (themed(self, "$erqi-behind"), themed(self, "$erqi-ahead"),
                                     themed(self, "bold $erqi-behind"))
        out = Text(no_wrap=True, overflow="ellipsis")
        for index, (area, name, count, late) in enumerate(zip(self.areas, names, counts, lates)):
            if index:
                out.append("\n")
            label = plain(name)
            label.truncate(name_width, overflow="ellipsis", pad=True)
            out.append_text(label)
            out.append(" ")
            out.append_text(progress_line(area.done / area.total, self.elapsed, bar_width,
                                          behind if area.overdue else ahead))
            out.append(" " + count.rjust(count_width) + " ")
            out.append(late, style=late_style)
        if self.late:
            out.append("\n")
            out.append(lang.tr("逾期任务："), style="bold")
            for task in self.late[:LISTED]:
                line = lang.tr("{name}（{unit}，截止 {when}）", name=lang.data(task, "name"),
                               unit=task.responsible or lang.tr("（未指定）"), when=fmt.when(task.deadline, lang=lang))
                out.append("\n")
                out.append_text(plain("· " + line))
            if len(self.late) > LISTED:
                out.append("\n")
                out.append(lang.tr("另有 {count} 项逾期（t 查看全部）", count=len(self.late) - LISTED), style="dim")
        return out
