"""The detail of one project, over the table; Esc closes it."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from .. import fmt
from ..i18n import data, tr
from ..listing import status_name
from ..model import Dashboard, Project
from ..widgets.text import plain


def detail_table(project: Project, dashboard: Dashboard) -> Table:
    axis = dashboard.axis_named(project.axis)
    rows: list[tuple[str, str]] = [
        (tr("状态"), status_name(dashboard, project.status) or fmt.MISSING),
        (tr("发展轴"), f"{data(axis, 'road')} · {data(axis, 'theme')}" if axis else fmt.MISSING),
        (tr("位置"), data(project, "location") or fmt.MISSING),
        (tr("总投资"), fmt.quantity(project.investment)),
        (tr("占地"), fmt.quantity(project.area)),
    ]
    rows += [(data(f, "label"), fmt.quantity(f.quantity)) for f in project.figures]
    rows += [(tr("预计"), data(project, "expected") or fmt.MISSING), (tr("说明"), data(project, "note") or fmt.MISSING),
             (tr("出处"), project.source or fmt.MISSING)]
    if project.milestones:
        at = dashboard.as_of
        rows += [(tr("节点") if index == 0 else "", fmt.step(step, at) + (f"（{step.source}）" if step.source else ""))
                 for index, step in enumerate(project.milestones)]
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    table.add_column(overflow="fold")
    for label, value in rows:
        table.add_row(plain(label), plain(value, single_line=False))
    return table


class ProjectDetail(ModalScreen):
    BINDINGS = [Binding("escape", "dismiss", "关闭", id="detail.close")]
    DEFAULT_CSS = """
    ProjectDetail { align: center middle; }
    ProjectDetail > VerticalScroll {
        width: 90%; max-width: 90; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    ProjectDetail #hint { color: $text-muted; height: 1; }
    """

    def __init__(self, project: Project, dashboard: Dashboard) -> None:
        super().__init__()
        self.project = project
        self.dashboard = dashboard

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = plain(data(self.project, "name"))
            yield Static(detail_table(self.project, self.dashboard), id="detail")
            yield Static(Text(tr("Esc 关闭")), id="hint")

    def on_click(self, event) -> None:
        # A click outside the box closes it, as Esc does.
        if event.widget is self:
            self.dismiss()
