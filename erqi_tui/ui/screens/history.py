"""The history of one target or project (留痕): every recorded change, when, by whom, from what; a
withdrawn one struck out, with who withdrew it and when. `w` withdraws the selected update."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ...core import fmt
from ...core.i18n import Lang
from ...store.journal import FIELD_NAMES  # noqa: F401 (changes.py and forms.py take it from here)
from ...core.model import Milestone, Quantity
from ..widgets.text import plain
from ..actions import bindings


def shown(value, *, lang: Lang) -> str:
    if isinstance(value, Quantity) or value is None:
        return fmt.quantity(value, lang=lang)
    if isinstance(value, Milestone):  # a step that was planned: its name and when (journal.reach)
        return value.name + (lang.tr("（{what}）", what=value.planned.text) if value.planned else "")
    return value or fmt.MISSING


COLUMNS = ("序号", "截至", "更新项", "原值", "新值", "记录人", "备注", "记录时间")


def history_table(changes, selected: int | None = None, *, lang: Lang) -> "HistoryTable | Text":
    """The changes as a table; the rows of update number `selected` highlighted."""
    if not changes:
        return Text(lang.tr("尚无更新记录：数值均来自数据文件。"), style="dim")
    return HistoryTable(changes, selected, lang)


class HistoryTable:
    """The table laid out for the width it is given: where its rows do not fit on a line each (80
    columns), the time of recording goes under its date and what changed over two lines, so that
    the note keeps room to be read and no date is cut."""

    def __init__(self, changes, selected: int | None, lang: Lang) -> None:
        self.changes, self.selected, self.lang = changes, selected, lang

    def __rich_console__(self, console, options):
        from rich.measure import Measurement

        table = _table(self.changes, self.selected, narrow=False, lang=self.lang)
        if Measurement.get(console, options, table).maximum > options.max_width:
            table = _table(self.changes, self.selected, narrow=True, lang=self.lang)
        yield table


def _table(changes, selected: int | None, narrow: bool, *, lang: Lang) -> Table:
    table = Table(box=None, padding=(0, 1, 0, 0), pad_edge=False, header_style="bold")
    # Each column says what it holds: the update's number (w withdraws it by that number), the date
    # the value is as of, what was changed (当前值, 状态, 节点…), the value before and after it.
    for title in COLUMNS:
        table.add_column(lang.tr(title), overflow="fold", min_width=10 if title in ("截至", "记录时间") else None,
                         max_width=8 if narrow and title == "更新项" else None)
    recorded = "%Y-%m-%d\n%H:%M" if narrow else "%Y-%m-%d %H:%M"
    for change in changes:
        struck = "strike dim" if change.withdrawn else ""
        note = plain(change.note or "", struck, single_line=False)
        if change.withdrawn:
            w = change.withdrawn
            note.append_text(plain(lang.tr("（已由 {who} 于 {at} 撤销{why}）", who=w.who, at=f"{w.at:%Y-%m-%d %H:%M}",
                                           why=lang.tr("：{note}", note=w.note) if w.note else ""), "italic",
                                   single_line=False))
        table.add_row(str(change.seq or ""), Text(change.date.isoformat(), struck),
                      Text(lang.tr(FIELD_NAMES.get(change.field, change.field)), struck),
                      plain(shown(change.old, lang=lang), struck),
                      plain(shown(change.new, lang=lang), struck or "bold"),
                      plain(change.who, struck), note, Text(change.at.strftime(recorded), struck),
                      style="reverse" if selected is not None and change.seq == selected else None)
    return table


class HistoryScreen(ModalScreen):
    BINDINGS = bindings("history")
    DEFAULT_CSS = """
    HistoryScreen { align: center middle; }
    HistoryScreen > VerticalScroll {
        width: 96%; height: auto; max-height: 96%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    HistoryScreen #history-confirm { color: $warning; height: auto; }
    """

    def __init__(self, title: str, changes, kind: str = "", ident: str = "", read_only: bool = True,
                 note: str = "", withdraw=None, current=None, course=None) -> None:
        """`note`: the target's or project's own note from the data file, shown above its history.
        `course()`: a target's chart and projection as they stand now, shown above the table.
        `withdraw(number)`: withdraws an update (None when done, else what to tell the user);
        `current()`: the history as it stands after that."""
        super().__init__()
        self.withdraw, self.current, self.course = withdraw, current, course
        self.note = note
        self.history_title = title
        self.changes = changes
        self.kind, self.ident = kind, ident
        self.read_only = read_only
        self.numbers = sorted({c.seq for c in changes if c.seq and not c.withdrawn})
        self.selected = self.numbers[-1] if self.numbers else None
        self.confirming: int | None = None

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with VerticalScroll() as box:
            box.border_title = plain(lang.tr("历史：{name}", name=self.history_title))
            box.border_subtitle = lang.tr("Esc 关闭") if self.read_only or not self.numbers else lang.tr(
                "↑↓ 选择 · w 撤销 · Esc 关闭")
            if self.note:
                yield Static(plain(self.note, "dim italic", single_line=False))
            if self.course is not None:
                yield self.course()
            yield Static(history_table(self.changes, None if self.read_only else self.selected, lang=lang),
                         id="history-table")
            yield Static("", id="history-confirm")

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("withdraw", "move") and (self.read_only or not self.numbers or self.withdraw is None):
            return False  # not offered: neither in the key line nor by the key
        return True

    def redraw(self) -> None:
        self.query_one("#history-table", Static).update(history_table(self.changes, self.selected, lang=self.app.lang))

    def action_move(self, step: int) -> None:
        if self.selected is None:
            return
        index = max(0, min(len(self.numbers) - 1, self.numbers.index(self.selected) + step))
        self.selected = self.numbers[index]
        self.confirming = None
        self.query_one("#history-confirm", Static).update("")
        self.redraw()

    async def action_withdraw(self) -> None:
        """First press: say what would be withdrawn; second press: withdraw it (the journal keeps it)."""
        confirm = self.query_one("#history-confirm", Static)
        if self.selected is None:
            return
        if self.confirming != self.selected:
            self.confirming = self.selected
            confirm.update(Text(self.app.lang.tr("撤销第 {seq} 条更新？它仍留在记录中，标为已撤销。再按 w 确认，↑↓ 或 Esc 取消。",
                                             seq=self.selected)))
            return
        problem = await self.withdraw(self.selected)
        self.confirming = None
        if problem:
            confirm.update(plain(problem, single_line=False))
            return
        self.changes = self.current()
        self.numbers = sorted({c.seq for c in self.changes if c.seq and not c.withdrawn})
        self.selected = self.numbers[-1] if self.numbers else None
        confirm.update("")
        self.redraw()
        self.refresh_bindings()
        if self.course is not None:  # the chart without the withdrawn value
            from ..widgets.course import TargetCourse

            old = self.query_one(TargetCourse)
            await old.parent.mount(self.course(), before=old)
            await old.remove()
