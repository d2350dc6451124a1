"""营商环境: the service counts, job fairs and tasks, as bars where the figures compare; where the file
lists its key tasks one by one, their progress by area and the overdue ones."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from ...core import fmt
from ...core.model import grouped
from ..widgets.cards import FigureGroup
from . import ComposedPane, target_section


class BusinessPane(ComposedPane):
    DEFAULT_CSS = "BusinessPane { padding: 0 1; }"

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        targets = self.context.dashboard.targets_on("business")
        if targets:
            yield from target_section(self.context, targets, lang=lang)
        dashboard = self.context.dashboard
        if dashboard.tasks:
            from ..widgets.tasks import TaskProgress

            yield TaskProgress(dashboard, self.context.steps_at)
        groups = grouped(dashboard.figures_on("business"))
        initiatives = dashboard.initiatives_on("business")
        if not groups and not targets and not dashboard.tasks and not initiatives:
            yield Static(Text(lang.tr("营商环境数据：{missing}", missing=fmt.MISSING), style="dim"))
        for group, figures in groups:
            yield FigureGroup(group, figures)
        if initiatives:
            from ..widgets.initiatives import initiatives_box

            yield initiatives_box(initiatives, lang=lang)


PANE = BusinessPane  # what ui.app.pane_class shows for this pane id
