"""招商引资: signing progress, the outreach counts, the project pipeline and the dated events."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from ...core import fmt
from ...core.i18n import Lang
from ...core.model import grouped
from ..widgets.cards import FigureGroup
from ..widgets.drillbox import DrillBox
from ..widgets.text import join, plain
from . import ComposedPane, target_section


class InvestmentPane(ComposedPane):
    DEFAULT_CSS = """
    InvestmentPane { padding: 0 1; }
    InvestmentPane .pipeline { height: auto; }
    InvestmentPane .stage-source { height: auto; color: $text-muted; margin-bottom: 1; }
    InvestmentPane .stage { width: 1fr; height: auto; border: round $secondary; padding: 0 1; }
    InvestmentPane .stage:focus { border: double $accent; }
    InvestmentPane .arrow { width: 2; height: 3; content-align: center middle; color: $text-muted; }
    InvestmentPane #events { height: auto; border: round $primary-darken-1; padding: 0 1; }
    InvestmentPane .section { height: 1; color: $text-muted; text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        dashboard = self.context.dashboard
        targets = dashboard.targets_on("investment")
        if targets:
            yield from target_section(self.context, targets, lang=lang)
        for group, figures in grouped(dashboard.figures_on("investment")):
            yield FigureGroup(group, figures)
        in_force = self.context.account.section("investment").stages  # a target's stage counts its current value
        for number, (group, stages) in enumerate(stage_groups(in_force)):
            # Stages with no group are a funnel of statuses of one set of projects, joined by arrows.
            # A group is the source's name for the set its figures count (产业项目, 重大项目): its
            # figures stand side by side, as separate facts, and apart from another group's.
            heading = lang.tr("项目推进") + (f" · {fmt.clean(lang.data(stages[0], 'group'), single_line=True)}"
                                            if group else "")
            yield Static(Text(heading), classes="section")
            with Horizontal(id="pipeline" if number == 0 else f"pipeline-{number}", classes="pipeline"):
                for index, stage in enumerate(stages):
                    if index and not group:  # a plain funnel of statuses: one set, a flow
                        yield Static("→", classes="arrow")
                    box = DrillBox(self.stage_text(stage, dashboard, lang=lang), "stage", stage.name, classes="stage")
                    box.border_title = plain(lang.data(stage, "label") or lang.data(stage, "name"))
                    yield box
            quotes = [s.source for s in stages if s.source]
            if quotes and group:
                yield Static(plain(lang.tr("原文：") + " / ".join(fmt.quoted(q) for q in quotes), "dim", single_line=False),
                             classes="stage-source")
        if dashboard.events:
            year = dashboard.meta.year
            events = Static(Text("\n").join(self.event_text(e, year, lang=lang) for e in dashboard.events_in_order),
                            id="events")
            events.border_title = lang.tr("大事记")
            yield events

    @staticmethod
    def stage_text(stage, dashboard, *, lang: Lang) -> Text:
        """Its count; with none, the goal of the target it is the figure of, as a plan (计划 60 个);
        a count recorded for that target since the file's figure says its date (the note and the
        quote below still give the file's)."""
        target = next((t for t in dashboard.targets if t.id == stage.target), None) if stage.target else None
        if stage.count is None and target is not None and target.target is not None:
            text = join((lang.tr("计划 {goal}", goal=fmt.quantity(target.target, words=True, lang=lang)), "bold"))
        else:
            text = join((fmt.quantity(stage.count, words=True, lang=lang), "bold"))
            own = dashboard.stage_by_id(stage.id) if stage.id else None
            if target is not None and own is not None and own.count != stage.count and target.as_of is not None:
                text.append(lang.tr(" · 截至 {date}", date=fmt.short_date(target.as_of, dashboard.meta.year)), "dim")
        if stage.note:
            text.append("\n")
            text.append_text(plain(lang.data(stage, "note"), "dim", single_line=False))
        return text

    @staticmethod
    def event_text(event, year: int, *, lang: Lang) -> Text:
        """An event: its date (with the year where it is not the data's year), title, figures, note."""
        date = fmt.short_date(event.date, year)
        indent = "\n" + " " * (len(date) + 2)
        text = Text(date + "  ", style="bold")
        text.append_text(plain(lang.data(event, "title")))
        for figure in event.figures:
            text.append(indent)
            text.append_text(join(f"{lang.data(figure, 'label')} ",
                                  (fmt.quantity(figure.quantity, words=True, lang=lang), "bold")))
        if event.note:
            text.append(indent)
            text.append_text(plain(lang.data(event, "note"), "dim"))
        return text


def stage_groups(stages) -> list[tuple[str, list]]:
    """The stages in runs of one group, in the file's order: each run is one flow."""
    runs: list[tuple[str, list]] = []
    for stage in stages:
        if runs and runs[-1][0] == stage.group:
            runs[-1][1].append(stage)
        else:
            runs.append((stage.group, [stage]))
    return runs


PANE = InvestmentPane  # what ui.app.pane_class shows for this pane id
