"""A table that draws only the rows on screen, so 100,000 projects filter and scroll as fast as ten.

Textual's DataTable builds every row up front (10,000 rows took about a second, and a filter
keystroke rebuilt them all); this one keeps the list of rows and renders the visible lines on
demand (the Line API), with a pinned header, a row cursor, and sorting by clicking a header."""

from __future__ import annotations

from typing import Callable, Sequence

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...core import fmt
from ..actions import bindings

GAP = 2  # cells between columns
MEASURED_ROWS = 500  # column widths are measured on this many rows: enough to fit, cheap at any size
CACHED_ROWS = 20_000  # rows whose cells are kept, drawn and measured, across filter keystrokes


class VirtualTable(ScrollView, can_focus=True):
    """Rows of text cells; `rows` is any sequence and `cells(row)` turns one into its column texts."""

    BINDINGS = bindings("table")  # the arrows and j / k, PgUp PgDn, Home End, Enter (ui.actions)
    COMPONENT_CLASSES = {"table--header", "table--cursor", "table--odd"}
    DEFAULT_CSS = """
    VirtualTable { background: $surface; }
    VirtualTable > .table--header { background: $panel; text-style: bold; }
    VirtualTable > .table--cursor { background: $primary 40%; text-style: bold; }
    VirtualTable:focus > .table--cursor { background: $primary; color: $text; }
    VirtualTable > .table--odd { background: $boost; }
    """

    cursor_row: reactive[int] = reactive(0)
    marks_cursor = True  # False in a picture (export --format svg): no row singled out

    class Selected(Message):
        """Enter (or a click) on a row."""

        def __init__(self, table: "VirtualTable", index: int) -> None:
            super().__init__()
            self.table = table
            self.index = index

    class HeaderClicked(Message):
        def __init__(self, table: "VirtualTable", column: int) -> None:
            super().__init__()
            self.table = table
            self.column = column

    def __init__(self, titles: Sequence[str], cells: Callable[[object], Sequence[str]], **kwargs) -> None:
        super().__init__(**kwargs)
        self.titles = list(titles)
        self.cells_of = cells
        self.rows: Sequence[object] = ()
        self.widths = [cell_len(t) for t in self.titles]
        self.measured = False
        # id(row) -> (row, cell texts, cell widths): a filter keystroke shows rows already measured.
        self._cells: dict[int, tuple[object, list[str], list[int]]] = {}

    # Data

    def set_cells(self, cells: Callable[[object], Sequence[str]], titles: Sequence[str] | None = None) -> None:
        """Rows drawn anew (a reload: the same projects read again are new rows): the cells kept
        are dropped and the column widths measured again on the next set_rows, as when built."""
        if titles is not None:
            self.titles = list(titles)
        self.cells_of = cells
        self._cells.clear()
        self.widths = [cell_len(t) for t in self.titles]
        self.measured = False

    def set_rows(self, rows: Sequence[object], cursor: int = 0) -> None:
        self.rows = rows
        # The first rows set the column widths; later sets (a filter keystroke, a new order) only
        # widen them for the rows at the top, so columns stay put while typing and a keystroke
        # measures a screenful of rows, not five hundred.
        widths = self.widths
        for row in rows[:MEASURED_ROWS if not self.measured else max(self.size.height, 50)]:
            widths = [max(pair) for pair in zip(widths, self.row_cells(row)[2])]
        self.widths, self.measured = widths, True
        self.virtual_size = Size(sum(self.widths) + GAP * len(self.widths), len(rows) + 1)
        self.set_reactive(VirtualTable.cursor_row, max(0, min(cursor, len(rows) - 1)))
        self.scroll_to_cursor(animate=False)
        self.refresh()

    def cells(self, index: int) -> list[str]:
        return self.row_cells(self.rows[index])[1]

    def row_cells(self, row: object) -> tuple[object, list[str], list[int]]:
        """(row, its cell texts made safe to draw, their widths capped at 40 cells, or 160 for the
        last column, which has the rest of the line to itself), kept per row."""
        entry = self._cells.get(id(row))
        if entry is None or entry[0] is not row:
            if len(self._cells) >= CACHED_ROWS:
                self._cells.clear()
            texts = [fmt.clean(text, single_line=True) for text in self.cells_of(row)]
            last = len(texts) - 1
            entry = (row, texts, [min(cell_len(text), 160 if index == last else 40) for index, text in enumerate(texts)])
            self._cells[id(row)] = entry
        return entry

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def column_x(self, column: int) -> int:
        """Where a column starts, in cells from the table's left edge."""
        return sum(self.widths[:column]) + GAP * column

    # Drawing

    def line_texts(self, y: int) -> tuple[list[str], Style] | None:
        """The texts of the table's line `y` on screen (0: the header) and the style it is drawn in:
        striped, the cursor's row marked; None below the last row."""
        if y == 0:
            return self.titles, self.get_component_rich_style("table--header")
        index = self.scroll_offset.y + y - 1
        if index >= len(self.rows):
            return None
        style = self.rich_style
        if index % 2:
            style += self.get_component_rich_style("table--odd")
        if index == self.cursor_row and self.marks_cursor:
            style += self.get_component_rich_style("table--cursor")
            if self.app.no_color:  # without colour, the cursor row is shown in reverse
                style += Style(reverse=True)
        return self.cells(index), style

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        scroll_x = self.scroll_offset.x
        line = self.line_texts(y)
        if line is None:
            return Strip.blank(width, self.rich_style)
        texts, style = line
        segments = []
        # Padding in a segment of its own, marked so it is not merged with the text: an SVG
        # screenshot then places each cell at its own column even where it squeezes CJK text.
        padding = style + Style(meta={"padding": True})
        right = scroll_x + self.scrollable_content_region.width  # a cell cut by the edge ends in …
        x = 0
        for text, column_width in zip(texts, self.widths):
            shown = text if cell_len(text) <= column_width else _truncate(text, column_width)
            if x < right < x + cell_len(shown):
                shown = _truncate(shown, right - x)
                shown += " " * (right - x - cell_len(shown))  # a wide character that did not fit
            segments.append(Segment(shown, style))
            segments.append(Segment(" " * (column_width - cell_len(shown) + GAP), padding))
            x += column_width + GAP
        strip = Strip(segments).crop(scroll_x, scroll_x + width)
        return strip.extend_cell_length(width, style)

    def watch_cursor_row(self, old: int, new: int) -> None:
        self.scroll_to_cursor()
        self.refresh()

    @property
    def visible_rows(self) -> int:
        """Rows on screen below the header: the horizontal scrollbar, when shown, takes a line."""
        return max(self.scrollable_content_region.height - 1, 1)

    def scroll_to_cursor(self, animate: bool = False) -> None:
        visible = self.visible_rows
        top = self.scroll_offset.y
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=animate)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=animate)

    # Keys and mouse

    def action_cursor(self, step: int) -> None:
        if self.rows:
            self.cursor_row = max(0, min(self.cursor_row + step, len(self.rows) - 1))

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(self.visible_rows - 1, 1))

    def action_cursor_to(self, index: int) -> None:
        if self.rows:
            self.cursor_row = index % len(self.rows)

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self, self.cursor_row))

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            x = event.x + self.scroll_offset.x
            for column in range(len(self.widths)):
                if x < self.column_x(column + 1):
                    self.post_message(self.HeaderClicked(self, column))
                    break
            return
        index = self.scroll_offset.y + event.y - 1
        if 0 <= index < len(self.rows):
            self.cursor_row = index
            self.post_message(self.Selected(self, index))


_FIGURE_CHARS = frozenset("0123456789.,")


def _truncate(text: str, width: int) -> str:
    """`text` cut to `width` cells, ending in … (just … where only one cell is left). A number is
    never cut in its middle: 约133 亩 in four cells is 约…, not 约13… (which reads as 约13)."""
    if width <= 1:
        return "…"[:max(width, 0)]
    out, used = [], 0
    for ch in text:
        size = cell_len(ch)
        if used + size > width - 1:
            break
        out.append(ch)
        used += size
    if len(out) < len(text) and text[len(out)] in _FIGURE_CHARS:
        while out and out[-1] in _FIGURE_CHARS:  # the figure goes whole or not at all
            out.pop()
    return "".join(out) + "…"

