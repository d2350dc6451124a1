"""The help screen: every key, read from the bindings themselves so it cannot drift from them."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ...core.i18n import Lang
from ..actions import bindings


# Keys that come with Textual's widgets rather than from our bindings.
BUILT_IN_KEYS: tuple[tuple[str, str, str], ...] = (
    ("全局", "Tab / Shift+Tab", "移动焦点（目标卡片、表格、筛选框）"),
    ("全局", "↑ ↓ PgUp PgDn", "滚动当前页"),
    ("全局", "Ctrl+P", "命令面板：搜索并执行所有操作"),
    ("重点项目", "↑ ↓", "在表格中移动"),
    ("重点项目", "Enter", "打开项目详情（详情中 Esc 关闭）"),
    ("重点项目", "鼠标点击表头", "按该列排序，再点反向"),
)


# 全市's own: its table of districts, and what Enter and Esc do there.
CITY_BUILT_IN_KEYS: tuple[tuple[str, str, str], ...] = (
    ("全市", "↑ ↓ PgUp PgDn", "在地区间移动"),
    ("全市", "← →", "滚动各目标的列"),
    ("全市", "Enter", "打开该地区（其中 Esc 回到全市）"),
    ("全局", "Ctrl+P", "命令面板：搜索并执行所有操作"),
)


_NAMES = {"question_mark": "?", "slash": "/", "escape": "Esc", "enter": "Enter", "space": "Space"}


def key_name(binding: Binding, keymap: dict[str, str] | None = None) -> str:
    """How the help shows a binding's key(s): as remapped in the settings, if they are."""
    if keymap and binding.id in keymap:
        return " / ".join(_NAMES.get(k.strip(), k.strip()) for k in keymap[binding.id].split(","))
    return binding.key_display or _NAMES.get(binding.key, binding.key)


def help_rows(keymap: dict[str, str], scoped: list[tuple[str, list[Binding]]],
              built_in: tuple[tuple[str, str, str], ...] = BUILT_IN_KEYS, *,
              lang: Lang) -> list[tuple[str, str, str]]:
    """(scope, key, what it does) for every binding with a description, then the built-in keys (whose
    key may be words: 鼠标点击表头, "Click a header")."""
    rows = [(lang.tr(scope), key_name(b, keymap), lang.tr(b.description)) for scope, bindings in scoped
            for b in bindings if b.description]
    return rows + [(lang.tr(scope), lang.tr(key), lang.tr(action)) for scope, key, action in built_in]


def key_known(name: str) -> bool:
    """Whether a terminal can send the key `name` as Textual names keys ("f5", "ctrl+r", "?",
    "question_mark"): a remap in the settings to anything else is left out, and said."""
    import unicodedata

    from textual.keys import Keys

    *modifiers, key = name.split("+")
    if not key or any(m not in ("ctrl", "shift", "alt", "meta", "super", "hyper") for m in modifiers):
        return False
    if len(key) == 1:
        return key.isprintable()
    if key in {k.value for k in Keys} or key in {"space", "tab", "enter", "backspace", "delete"}:
        return True
    try:
        unicodedata.lookup(key.replace("_", " "))  # "question_mark", "full_stop"
    except KeyError:
        return False
    return True


class HelpScreen(ModalScreen):
    BINDINGS = bindings("help")
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, rows: list[tuple[str, str, str]], note: str = "") -> None:
        super().__init__()
        self.rows = rows
        self.note = note  # e.g. why the keys that record updates are missing

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="dim")
        table.add_column(style="bold")
        table.add_column()
        previous = None
        order = list(dict.fromkeys(scope for scope, _, _ in self.rows))  # the scopes as the app lists them
        for scope, key, action in sorted(self.rows, key=lambda row: order.index(row[0])):
            table.add_row(Text(scope if scope != previous else ""), Text(key), Text(action))
            previous = scope
        lang = self.app.lang
        with VerticalScroll() as box:
            box.border_title = lang.tr("帮助 · 按键")
            box.border_subtitle = lang.tr("Esc 关闭")
            if self.note:
                yield Static(Text(self.note, style="italic"))
            yield Static(table)
