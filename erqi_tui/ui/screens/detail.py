"""The detail of one project, over the table: its fields, milestones and enterprise requests; keys
record a milestone reached, a request raised or resolved. Esc closes it."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ...core.i18n import Lang
from ...views.account import project_details
from ...core.model import Dashboard, Project
from ..widgets.requests import EditRequested
from ..widgets.text import plain
from ..actions import bindings


def detail_table(project: Project, dashboard: Dashboard, at=None, *, lang: Lang) -> Table:
    """`at`: the date steps and requests are judged at (--as-of), else the figures' own date."""
    # a target's later figure makes no step overdue; the fields as the table of fields lists them
    rows = project_details(dashboard, project, at or dashboard.steps_as_of, lang=lang)
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    table.add_column(overflow="fold")
    for label, value in rows:
        table.add_row(plain(label), plain(value, single_line=False))
    return table


class ProjectDetail(ModalScreen):
    BINDINGS = bindings("detail")
    DEFAULT_CSS = """
    ProjectDetail { align: center middle; }
    ProjectDetail > VerticalScroll {
        width: 90%; max-width: 90; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    ProjectDetail #hint { color: $text-muted; height: 1; }
    """

    def __init__(self, project: Project, dashboard: Dashboard, current=None, recording: bool = False,
                 at=None) -> None:
        """`current()`: the dashboard as it is now, to show the project again after an update is
        recorded over this screen. `recording`: offer the keys that record (not in a read-only session)."""
        super().__init__()
        self.project = project
        self.dashboard = dashboard
        self.current = current
        self.recording = recording
        self.at = at

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with VerticalScroll() as box:
            box.border_title = plain(lang.data(self.project, "name"))
            yield Static(detail_table(self.project, self.dashboard, self.at, lang=lang), id="detail")
            yield Static(Text(self.hint()), id="hint")

    def hint(self) -> str:
        lang = self.app.lang
        if not self.recording:
            return lang.tr("Esc 关闭")
        return lang.tr("m 节点完成 · a 提出诉求 · v 诉求办结 · Esc 关闭")

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        return self.recording if action == "record" else True

    def action_record(self, what: str) -> None:
        self.post_message(EditRequested(what, self.project.id))

    def on_screen_resume(self) -> None:
        """Back from a form: show the project as recorded now."""
        if self.current is None:
            return
        dashboard = self.current()
        project = next((p for p in dashboard.projects if p.id == self.project.id), None)
        if project is not None and (project, dashboard) != (self.project, self.dashboard):
            self.project, self.dashboard = project, dashboard
            self.query_one("#detail", Static).update(detail_table(project, dashboard, self.at, lang=self.app.lang))

    def on_click(self, event) -> None:
        # A click outside the box closes it, as Esc does.
        if event.widget is self:
            self.dismiss()
