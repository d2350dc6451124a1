"""招商引资: signing progress, the outreach counts, the project pipeline and the dated events."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from ...core import fmt
from ...core.i18n import data, tr
from ...core.model import grouped
from ..widgets.cards import FigureGroup
from ..widgets.drillbox import DrillBox
from ..widgets.text import join, plain
from . import Context, target_section


class InvestmentPane(VerticalScroll):
    DEFAULT_CSS = """
    InvestmentPane { padding: 0 1; }
    InvestmentPane #pipeline { height: auto; }
    InvestmentPane .stage { width: 1fr; height: auto; border: round $secondary; padding: 0 1; }
    InvestmentPane .stage:focus { border: double $accent; }
    InvestmentPane .arrow { width: 2; height: 3; content-align: center middle; color: $text-muted; }
    InvestmentPane #events { height: auto; border: round $primary-darken-1; padding: 0 1; }
    InvestmentPane .section { height: 1; color: $text-muted; text-style: bold; }
    """

    def __init__(self, context: Context, **kwargs) -> None:
        super().__init__(**kwargs)
        self.context = context

    def compose(self) -> ComposeResult:
        dashboard = self.context.dashboard
        targets = dashboard.targets_on("investment")
        if targets:
            yield from target_section(self.context, targets)
        for group, figures in grouped(dashboard.figures_on("investment")):
            yield FigureGroup(group, figures)
        if dashboard.stages:
            yield Static(tr("项目推进"), classes="section")
            with Horizontal(id="pipeline"):
                for index, stage in enumerate(dashboard.stages):
                    if index:
                        yield Static("→", classes="arrow")
                    box = DrillBox(self.stage_text(stage), "stage", stage.name, classes="stage")
                    box.border_title = plain(data(stage, "name"))
                    yield box
        if dashboard.events:
            year = dashboard.meta.year
            events = Static(Text("\n").join(self.event_text(e, year) for e in dashboard.events_in_order), id="events")
            events.border_title = tr("大事记")
            yield events

    @staticmethod
    def stage_text(stage) -> Text:
        text = join((fmt.quantity(stage.count), "bold"))
        if stage.note:
            text.append("\n")
            text.append_text(plain(stage.note, "dim", single_line=False))
        return text

    @staticmethod
    def event_text(event, year: int) -> Text:
        """An event: its date (with the year where it is not the data's year), title, figures, note."""
        date = event.date.strftime("%m-%d") if event.date.year == year else event.date.isoformat()
        indent = "\n" + " " * (len(date) + 2)
        text = Text(date + "  ", style="bold")
        text.append_text(plain(data(event, "title")))
        for figure in event.figures:
            text.append(indent)
            text.append_text(join(f"{data(figure, 'label')} ", (fmt.quantity(figure.quantity), "bold")))
        if event.note:
            text.append(indent)
            text.append_text(plain(data(event, "note"), "dim"))
        return text


PANE = InvestmentPane  # what ui.app.pane_class shows for this pane id
