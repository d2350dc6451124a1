"""The Textual app: five panes in tabs, keys (each binding has an id), help, reload."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable

from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

from . import fmt, store
from .model import Dashboard
from .panes import Context
from .panes.business import BusinessPane
from .panes.investment import InvestmentPane
from .panes.layout import LayoutPane
from .panes.overview import OverviewPane
from .panes.projects import ProjectsPane, ProjectTable

# (tab id, title, pane class), in the order of the tabs and of the keys 1–5.
PANES = (
    ("overview", "总览", OverviewPane),
    ("investment", "招商引资", InvestmentPane),
    ("layout", "三区三轴", LayoutPane),
    ("business", "营商环境", BusinessPane),
    ("projects", "重点项目", ProjectsPane),
)

# Below this the panes would overlap; the app says so instead.
MIN_WIDTH = 60
MIN_HEIGHT = 18


class ErqiApp(App):
    TITLE = "erqi-tui"
    BINDINGS = [
        *(Binding(str(n), f"show_pane('{pane_id}')", f"切换到{title}", id=f"pane.{pane_id}", show=False)
          for n, (pane_id, title, _) in enumerate(PANES, start=1)),
        Binding("question_mark", "help", "帮助", id="help", key_display="?"),
        Binding("r", "reload", "重新载入", id="reload"),
        Binding("q", "quit", "退出", id="quit"),
    ]
    CSS = """
    #too-small { display: none; width: 100%; height: 100%; content-align: center middle; }
    Screen.-too-small #too-small { display: block; }
    Screen.-too-small TabbedContent { display: none; }
    TabbedContent { height: 1fr; }
    TabPane { padding: 0; }
    """

    def __init__(self, data_path: Path, dashboard: Dashboard, as_of: dt.date | None = None) -> None:
        super().__init__()
        self.data_path = data_path
        self.dashboard = dashboard
        self.as_of_override = as_of
        self.set_titles()

    @property
    def context(self) -> Context:
        return Context(self.dashboard, self.as_of_override or self.dashboard.as_of)

    def set_titles(self) -> None:
        meta = self.dashboard.meta
        self.title = fmt.clean(f"{meta.city}{meta.district} {meta.year} 年目标", single_line=True)
        self.sub_title = f"截至 {self.context.as_of.isoformat()} · ? 帮助"

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(id="too-small")
        with TabbedContent(id="tabs"):
            for number, (pane_id, title, pane_class) in enumerate(PANES, start=1):
                with TabPane(f"{number} {title}", id=pane_id):
                    yield pane_class(self.context, classes="pane")
        yield Footer()

    def on_mount(self) -> None:
        self.check_size()
        self.focus_pane()

    def on_resize(self) -> None:
        self.check_size()

    def check_size(self) -> None:
        width, height = self.size
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        self.screen.set_class(too_small, "-too-small")
        if too_small:
            self.query_one("#too-small", Static).update(
                f"窗口太小：至少需要 {MIN_WIDTH}×{MIN_HEIGHT}，当前 {width}×{height}。\n"
                f"请放大窗口；按 q 退出。")

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#tabs", TabbedContent)

    def focus_pane(self) -> None:
        """Put the focus in the active pane, so its keys show in the Footer and arrows scroll it."""
        active = self.tabs.active_pane
        if active is None:
            return
        tables = active.query(ProjectTable)
        (tables.first() if tables else active.query_one(".pane")).focus()

    def on_tabbed_content_tab_activated(self) -> None:
        self.call_after_refresh(self.focus_pane)

    def action_show_pane(self, pane_id: str) -> None:
        self.tabs.active = pane_id
        self.call_after_refresh(self.focus_pane)

    def help_rows(self) -> list[tuple[str, str, str]]:
        """(scope, key, what it does) for every key the help screen lists."""
        from .screens.detail import ProjectDetail
        from .screens.help import help_rows

        return help_rows([
            ("全局", [b for b in self.BINDINGS if isinstance(b, Binding)]),
            ("重点项目", ProjectsPane.BINDINGS),
            ("项目详情", ProjectDetail.BINDINGS),
        ])

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        self.push_screen(HelpScreen(self.help_rows()))

    async def action_reload(self) -> None:
        """Read the file again; on a problem keep showing the last good data and say what is wrong."""
        try:
            dashboard = store.load(self.data_path)
        except store.DataError as error:
            self.notify(fmt.clean(str(error)), title="数据文件有误，仍显示上次的数据", severity="error",
                        timeout=10, markup=False)
            return
        self.dashboard = dashboard
        self.set_titles()
        for pane_id, _title, pane_class in PANES:
            tab_pane = self.query_one(f"#{pane_id}", TabPane)
            await tab_pane.remove_children()
            await tab_pane.mount(pane_class(self.context, classes="pane"))
        self.focus_pane()
        self.notify(fmt.clean(f"已重新载入 {self.data_path}"), markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for number, (pane_id, title, _) in enumerate(PANES, start=1):
            yield SystemCommand(f"切换到 {title}", f"显示第 {number} 页（按键 {number}）",
                                lambda pane_id=pane_id: self.action_show_pane(pane_id))
        yield SystemCommand("重新载入数据", "重新读取数据文件（按键 r）", self.action_reload)
        yield SystemCommand("帮助", "所有按键（按键 ?）", self.action_help)
        yield from super().get_system_commands(screen)
