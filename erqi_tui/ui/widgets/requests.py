"""What widgets ask of the app, as Messages: a widget reports up and the app decides (a form, a
history), so no widget needs to know the app's methods."""

from __future__ import annotations

from textual.message import Message


class EditRequested(Message):
    """Open the form that records an update of a target or project (`ident` None: a new project)."""

    def __init__(self, kind: str, ident: str | None) -> None:
        super().__init__()
        self.kind = kind
        self.ident = ident


class HistoryRequested(Message):
    """Show the history of a target or project."""

    def __init__(self, kind: str, ident: str) -> None:
        super().__init__()
        self.kind = kind
        self.ident = ident


class OpenRequested(Message):
    """Open an item: a project's detail ("project"), a task, a target's history."""

    def __init__(self, kind: str, ident: str) -> None:
        super().__init__()
        self.kind = kind
        self.ident = ident


class DrillRequested(Message):
    """Show the projects behind a figure: a target's ("target"), a pipeline stage's ("stage") or an
    axis's ("axis"); `key` is the target's or axis's id, or the stage's name."""

    def __init__(self, kind: str, key: str) -> None:
        super().__init__()
        self.kind = kind
        self.key = key
