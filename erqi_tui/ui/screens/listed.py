"""A full-screen list to look through: a filter line, a count, and a table that draws only what is
on screen (widgets/table.py). 动态 and 挂图作战 are two of them; each gives its title, rows, columns
and what the count says."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..widgets.table import VirtualTable
from ..widgets.text import plain


class ListedScreen(ModalScreen):
    """Rows to look through: every word typed in the filter must be in a row's `search_text`."""

    # Each screen binds escape to close and / to focus_filter, with its own binding ids (the help
    # and the settings' [keys] list them by screen).
    DEFAULT_CSS = """
    ListedScreen { align: center middle; }
    ListedScreen > Vertical { width: 100%; height: 100%; border: thick $primary; background: $surface; }
    ListedScreen .list-filter, ListedScreen .list-filter:focus { height: 1; border: none; padding: 0 1; }
    ListedScreen .list-count { height: 1; color: $text-muted; padding: 0 1; }
    ListedScreen VirtualTable { height: 1fr; }
    """

    def __init__(self, rows: list, titles: list[str], cells, *, title: str, keys: str, placeholder: str) -> None:
        super().__init__()
        self.all = rows
        self.titles, self.cells = titles, cells
        self.title_text, self.keys, self.placeholder = title, keys, placeholder

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            box.border_subtitle = self.keys
            yield Input(placeholder=self.placeholder, classes="list-filter")
            yield Static(classes="list-count")
            yield from self.compose_list()

    def compose_list(self) -> ComposeResult:
        """What stands under the filter and the count: the table, and what a screen adds to it."""
        yield VirtualTable(self.titles, self.cells)

    def on_mount(self) -> None:
        self.refilter()
        self.query_one(VirtualTable).focus()

    @on(Input.Changed, ".list-filter")
    def refilter(self) -> None:
        words = self.query_one(Input).value.lower().split()
        found = [r for r in self.all if all(w in self.search_text(r) for w in words)] if words else self.all
        shown = self.arranged(found)
        self.query_one(VirtualTable).set_rows(shown, cursor=self.cursor_at(shown))
        self.query_one(".list-count", Static).update(plain(self.count_text(found, bool(words))))

    def search_text(self, row) -> str:
        """What the filter looks in, lower-cased."""
        return row.search

    def arranged(self, found: list) -> list:
        """The rows in the order shown."""
        return found

    def cursor_at(self, shown: list) -> int:
        return 0

    def count_text(self, found: list, filtered: bool) -> str:
        lang = self.app.lang
        return lang.tr("{shown} / {total} 条", shown=len(found), total=len(self.all)) if filtered else \
            lang.tr("共 {total} 条", total=len(self.all))

    @on(Input.Submitted, ".list-filter")
    def filter_done(self) -> None:
        self.query_one(VirtualTable).focus()

    def action_focus_filter(self) -> None:
        self.query_one(Input).focus()

    def action_close(self) -> None:
        field = self.query_one(Input)
        if self.focused is field and field.value:
            field.value = ""
            return
        self.dismiss()
