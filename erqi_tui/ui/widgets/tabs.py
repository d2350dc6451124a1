"""The row of pane names under the header: one widget, drawn as two lines (names, then a bar
under the active one). Textual's TabbedContent builds about seventeen widgets for five tabs; this
is one, which is a good part of why erqi-tui starts within reach of a bare Textual app."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class PaneTabs(Widget):
    """Names of the panes; the active one is bright with the bar under it. A click selects."""

    DEFAULT_CSS = """
    PaneTabs { height: 2; width: 1fr; }
    PaneTabs > .pane-tabs--tab { color: $foreground 50%; }
    PaneTabs > .pane-tabs--active { color: $foreground; text-style: bold; }
    PaneTabs > .pane-tabs--hover { color: $foreground; }
    PaneTabs > .pane-tabs--bar { color: $foreground 10%; }
    PaneTabs > .pane-tabs--bar-active { color: $block-cursor-background; }
    PaneTabs:ansi > .pane-tabs--tab { text-style: dim; }
    PaneTabs:ansi > .pane-tabs--active { text-style: not dim bold; }
    PaneTabs:ansi > .pane-tabs--bar { color: $border-blurred; }
    """
    COMPONENT_CLASSES = {"pane-tabs--tab", "pane-tabs--active", "pane-tabs--hover",
                         "pane-tabs--bar", "pane-tabs--bar-active"}
    ALLOW_SELECT = False

    active: reactive[str] = reactive("")
    hovered: reactive[str | None] = reactive(None)

    class Selected(Message):
        """A pane name was clicked."""

        def __init__(self, pane_id: str) -> None:
            super().__init__()
            self.pane_id = pane_id

    def __init__(self, labels: list[tuple[str, str]], active: str, **kwargs) -> None:
        """`labels`: (pane id, name shown), in order."""
        super().__init__(**kwargs)
        self.labels = labels
        self.set_reactive(PaneTabs.active, active)

    def set_labels(self, labels: list[tuple[str, str]]) -> None:
        self.labels = labels
        self.refresh()

    def spans(self) -> list[tuple[str, int, int]]:
        """(pane id, first cell, cell after the last) of each name, padded by one cell each side."""
        spans, x = [], 0
        for pane_id, label in self.labels:
            width = cell_len(label) + 2
            spans.append((pane_id, x, x + width))
            x += width
        return spans

    def render(self) -> Text:
        style = self.get_component_rich_style
        names, bar = Text(no_wrap=True, overflow="crop"), Text(no_wrap=True, overflow="crop")
        for (pane_id, label), (_, start, end) in zip(self.labels, self.spans()):
            state = ("active" if pane_id == self.active else "hover" if pane_id == self.hovered else "tab")
            names.append(f" {label} ", style(f"pane-tabs--{state}"))
            # Without colour the active tab's bar is told by its weight: heavy under it, thin elsewhere.
            line = "─" if self.app.no_color and pane_id != self.active else "━"
            bar.append(line * (end - start), style("pane-tabs--bar-active" if pane_id == self.active
                                                   else "pane-tabs--bar"))
        rest = max(0, self.size.width - bar.cell_len)
        bar.append(("─" if self.app.no_color else "━") * rest, style("pane-tabs--bar"))
        both = Text("\n").join([names, bar])
        both.no_wrap, both.overflow = True, "crop"  # a narrow window cuts the names, never wraps them
        return both

    def pane_at(self, x: int) -> str | None:
        return next((pane_id for pane_id, start, end in self.spans() if start <= x < end), None)

    def on_click(self, event: events.Click) -> None:
        pane_id = self.pane_at(event.x)
        if pane_id is not None:
            self.post_message(self.Selected(pane_id))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.hovered = self.pane_at(event.x)

    def on_leave(self, event: events.Leave) -> None:
        self.hovered = None
