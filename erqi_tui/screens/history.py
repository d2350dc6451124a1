"""The history of one target or project (留痕): every recorded change, when, by whom, from what."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from .. import fmt
from ..i18n import tr
from ..model import Quantity
from ..widgets.text import plain

FIELD_NAMES = {"current": "当前值", "name": "名称", "status": "状态", "axis": "发展轴", "location": "位置",
               "investment": "总投资", "area": "占地", "expected": "预计", "note": "说明"}


def shown(value) -> str:
    if isinstance(value, Quantity) or value is None:
        return fmt.quantity(value)
    return value or fmt.MISSING


def history_table(changes) -> Table | Text:
    if not changes:
        return Text(tr("尚无更新记录：数值均来自数据文件。"), style="dim")
    table = Table(box=None, padding=(0, 1), header_style="bold")
    for title in ("日期", "项目", "原值", "新值", "记录人", "备注", "记录时间"):
        table.add_column(tr(title), overflow="fold")
    for change in changes:
        table.add_row(change.date.isoformat(), tr(FIELD_NAMES.get(change.field, change.field)),
                      plain(shown(change.old)), plain(shown(change.new), "bold"), plain(change.who),
                      plain(change.note or "", single_line=False),
                      change.at.strftime("%Y-%m-%d %H:%M"))
    return table


class HistoryScreen(ModalScreen):
    BINDINGS = [Binding("escape", "dismiss", "关闭", id="history.close")]
    DEFAULT_CSS = """
    HistoryScreen { align: center middle; }
    HistoryScreen > VerticalScroll {
        width: 96%; height: auto; max-height: 96%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, title: str, changes) -> None:
        super().__init__()
        self.history_title = title
        self.changes = changes

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = plain(tr("历史：{name}", name=self.history_title))
            box.border_subtitle = tr("Esc 关闭")
            yield Static(history_table(self.changes))
