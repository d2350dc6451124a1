"""三区三轴: the axes drawn as roads with their themes and projects, the belt, land and project totals."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from ...core import fmt
from ...core.i18n import Lang
from ...core.model import Axis, Project, grouped
from ..widgets.cards import FigureGroup
from ..widgets.drillbox import DrillBox
from ..widgets.text import join, plain
from ...views.listing import status_name
from . import ComposedPane, target_section


ROAD_STOPS = 6  # projects drawn along a road; a city's thousands are counted, not drawn
PICTURE_STOPS = 40  # in a picture (export --format svg), which has no 5 to press for the rest


def road_picture(axis: Axis, projects: tuple[Project, ...], status_name=lambda status: status, stops: int = ROAD_STOPS,
                 *, lang: Lang) -> Text:
    """An axis as a road running down the column, its first `stops` projects as stops along it."""
    lines = [plain(lang.data(axis, "theme"), "italic")]
    if axis.note:
        lines.append(plain(lang.data(axis, "note"), "dim", single_line=False))
    lines.append(Text("  ┃"))
    if projects:
        for project in projects[:stops]:
            stop = Text("  ●─ ", style="bold")
            stop.append_text(plain(lang.data(project, "name")))
            lines.append(stop)
            status = Text("  ┃   ")
            status.append_text(plain(status_name(project.status) or fmt.MISSING, "dim"))
            lines.append(status)
        if len(projects) > stops:
            lines.append(Text("  ┃   " + lang.tr("另有 {count} 个项目（见 5 重点项目）",
                                                   count=f"{len(projects) - stops:,}"), style="dim"))
            lines.append(Text("  ┃"))
    else:
        lines.append(Text("  ┃  " + lang.tr("项目：{missing}", missing=fmt.MISSING), style="dim"))
        lines.append(Text("  ┃"))
    lines.append(Text("  ▼"))
    return Text("\n").join(lines)


class LayoutPane(ComposedPane):
    DEFAULT_CSS = """
    LayoutPane { padding: 0 1; }
    LayoutPane #plan-name { height: 1; text-style: bold; }
    LayoutPane #axes { height: auto; }
    LayoutPane .axis { width: 1fr; height: auto; border: round $accent; padding: 0 1;
                       text-wrap: nowrap; text-overflow: ellipsis; }
    LayoutPane .axis:focus { border: double $accent; }
    LayoutPane #belt { height: auto; border: round $secondary; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        dashboard = self.context.dashboard
        layout = dashboard.layout
        targets = dashboard.targets_on("layout")
        if targets:
            yield from target_section(self.context, targets, lang=lang)
        if layout.name:
            yield Static(plain(lang.tr("{name} 产业发展布局", name=lang.data(layout, "name"))), id="plan-name")
        if layout.axes:
            with Horizontal(id="axes"):
                for axis in layout.axes:
                    box = DrillBox(road_picture(axis, dashboard.projects_on(axis.id),
                                                partial(status_name, dashboard, lang=lang),
                                                PICTURE_STOPS if self.app.picture else ROAD_STOPS, lang=lang),
                                   "axis", axis.id, classes="axis")
                    box.border_title = plain(lang.data(axis, "road"))
                    yield box
        else:
            yield Static(Text(lang.tr("发展轴：{missing}", missing=fmt.MISSING), style="dim"))
        if layout.belt:
            belt = Static(self.belt_text(lang=lang), id="belt")
            belt.border_title = lang.tr("重点项目产业带")
            yield belt
        unplaced = [p for p in dashboard.projects if p.axis is None]
        if unplaced and layout.axes:
            yield Static(Text(lang.tr("另有 {count} 个项目未标明所在发展轴（见 5 重点项目）", count=len(unplaced)),
                              style="dim"), classes="unplaced")
        for group, figures in grouped(dashboard.figures_on("layout")):
            yield FigureGroup(group, figures)
        if dashboard.initiatives_on("layout"):
            from ..widgets.initiatives import initiatives_box

            yield initiatives_box(dashboard.initiatives_on("layout"), lang=lang)

    def belt_text(self, *, lang: Lang) -> Text:
        layout = self.context.dashboard.layout
        north, sep, south = lang.data(layout, "belt").partition("—")
        if sep:
            text = join((north, "bold"), "  ━━━━▶  ", (south, "bold"))
        else:
            text = plain(lang.data(layout, "belt"), "bold")
        if layout.belt_note:
            text.append("   ")
            text.append_text(plain(lang.data(layout, "belt_note"), "dim"))
        return text


PANE = LayoutPane  # what ui.app.pane_class shows for this pane id
