"""A drill-down (p on a target card, Enter on a pipeline stage or an axis): the projects behind a
figure, what they add up to against it, filterable; Enter opens a project."""

from __future__ import annotations

from textual import on

from ...core import fields, fmt
from ...views.drill import Drill
from ...views.listing import status_name
from ...core.model import Dashboard, Project
from ..widgets.requests import OpenRequested
from ..widgets.table import VirtualTable
from .listed import ListedScreen
from ..actions import bindings


class DrillScreen(ListedScreen):
    BINDINGS = bindings("drill")

    def __init__(self, dashboard: Dashboard, drill: Drill) -> None:
        def cells(p: Project) -> list[str]:
            lang = self.app.lang
            axis = dashboard.axis_named(p.axis)
            return [fmt.clean(lang.data(p, "name"), single_line=True),
                    fmt.clean(status_name(dashboard, p.status, lang=lang) or "", single_line=True) or fmt.MISSING,
                    fmt.clean(lang.data(axis, "road"), single_line=True) if axis else fmt.MISSING,
                    fmt.quantity(p.investment, lang=lang), fmt.quantity(p.area, lang=lang),
                    fmt.clean(p.responsible, single_line=True) or fmt.MISSING]

        lang = self.app.lang
        titles = [lang.tr(fields.heading(fields.PROJECT_FIELD[key]))  # their labels, from the table of fields
                  for key in ("name", "status", "axis", "investment", "area", "responsible")]
        super().__init__(list(drill.projects), titles, cells, title=drill.title,
                         keys=lang.tr("/ 筛选 · Enter 打开项目 · Esc 返回"), placeholder=lang.tr("按项目或单位筛选…"))
        self.summary = drill.summary

    def search_text(self, project: Project) -> str:
        return f"{self.app.lang.data(project, 'name')}\n{project.name}\n{project.responsible}\n{project.id}".lower()

    def count_text(self, found: list, filtered: bool) -> str:
        if filtered:
            return super().count_text(found, filtered)
        return self.summary

    @on(VirtualTable.Selected)
    def open_project(self, event: VirtualTable.Selected) -> None:
        self.post_message(OpenRequested("project", event.table.rows[event.index].id))
