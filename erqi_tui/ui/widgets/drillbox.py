"""A box that leads to the projects behind it: a pipeline stage on 招商引资, an axis on 三区三轴.
Focus it (Tab or click) and press Enter, or click it, to list them."""

from __future__ import annotations

from textual.widgets import Static

from .requests import DrillRequested
from ..actions import bindings


class DrillBox(Static, can_focus=True):
    BINDINGS = bindings("drillbox")

    def __init__(self, content, kind: str, key: str, **kwargs) -> None:
        super().__init__(content, **kwargs)
        self.kind, self.key = kind, key

    def action_drill(self) -> None:
        self.post_message(DrillRequested(self.kind, self.key))

    def on_click(self) -> None:
        self.action_drill()
