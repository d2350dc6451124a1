"""The Textual app: five panes under a row of tabs, keys (each binding has an id), help, reload."""

from __future__ import annotations

import gc

# Start-up makes next to no garbage, and the collector's scans of what it makes cost a tenth of the
# time to the first frame: importing Textual set off a hundred of them. The collector is paused for
# the imports, and what they made (classes, functions, modules: alive for good) is set aside from
# its scans once done (gc.freeze) rather than scanned once more; likewise from the app's
# construction until its first frame is on screen (first_frame_drawn).
_collecting = gc.isenabled()
gc.disable()

import asyncio
import datetime as dt
import os
import sys
import time
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.containers import Container
from textual.filter import Monochrome, NoColor
from textual.geometry import Size
from textual.widgets import Header, Static

from rich.cells import cell_len
from rich.text import Text

from ..core import fmt
from .. import store
from ..terminal import strips
from ..store.config import DEFAULT_THEME, Config, save_config
from ..core.i18n import Lang
from ..core.model import PANE_IDS, PANE_TITLES, Dashboard, Update
from .panes import Context
from ..store.session import Session, Unsaved
from .themes import COLOURS, THEMES, Uncoloured
from .widgets.cards import TargetCard
from .widgets.keybar import KeyBar
from .widgets.requests import DrillRequested, EditRequested, HistoryRequested, OpenRequested
from .widgets.tabs import PaneTabs
from .actions import RECORDING, bindings

gc.freeze()
if _collecting:
    gc.enable()

# Each pane's widget class, by the pane's id (model.PANE_IDS, the order of the tabs and keys 1–5).
# A pane's module is imported, and the pane built, only when it is first shown: start-up pays for
# the first pane alone.
def pane_class(pane_id: str, big: bool = False) -> type:
    """The widget of pane `pane_id`: the PANE of panes/<pane_id>.py, imported when first shown, so a
    new pane is its module and its title in model.PANE_TITLES. `big`: the overview as 大屏
    (panes/big.py), for 160 columns and more or --big."""
    import importlib

    if pane_id == "overview" and big:
        from .panes.big import BigOverview

        return BigOverview
    return importlib.import_module(f".panes.{pane_id}", __package__).PANE


# From this width the overview is drawn as 大屏 (panes/big.py, imported only then).
BIG_WIDTH = 160

# Below this the panes would overlap; the app says so instead.
MIN_WIDTH = 60
MIN_HEIGHT = 18


class MainScreen(Screen):
    """The dashboard's screen. It focuses the pane's table, or the pane, as it starts: the first
    frame is drawn with the focus (and so the key line) in place, not redrawn after."""

    AUTO_FOCUS = ".pane ProjectTable, .pane"


def forget_drawn(pane) -> None:
    """A pane just hidden lets go of its drawn lines (each widget's, kept by Textual to draw it
    again): a session that has visited every pane kept them all, 0.35 MB. Shown again, it draws
    them anew, some 10 ms more for the fullest pane (招商引资), and its widgets stay built.
    Rich's measures of text go too: its caches keep every string and character it has measured
    (up to 4,096 of each), the pane shown next needs few of them, and a toured session is 0.2 MB
    smaller without them."""
    from rich import cells

    for widget in pane.walk_children(with_self=True):
        widget.refresh()  # drawn anew when shown; its content's lines can go now (private_apis.py):
        lines = getattr(getattr(widget, "_render_cache", None), "lines", None)
        if isinstance(lines, list):
            lines.clear()
    for measured in (cells.cached_cell_len, cells.get_character_cell_size):
        getattr(measured, "cache_clear", lambda: None)()  # (functools.lru_cache's)


def _palette_commands():
    from .screens.palette import Commands

    return Commands


class ErqiApp(App):
    TITLE = "erqi-tui"
    COMMANDS = {_palette_commands}  # ours, in the user's language, instead of Textual's English ones
    BINDINGS = bindings("app") + bindings("read-only")
    CSS = """
    #too-small { display: none; width: 100%; height: 100%; content-align: center middle; }
    Screen.-too-small #too-small { display: block; }
    Screen.-too-small #tabs, Screen.-too-small #panes { display: none; }
    #panes { height: 1fr; }
    #data-error { height: auto; max-height: 8; background: $error 30%; padding: 0 1; }
    #loading { height: 1; background: $primary 30%; padding: 0 1; }
    """

    def __init__(self, data_path: Path, dashboard: Dashboard, as_of: dt.date | None = None, *,
                 who: str = "", loaded: store.Loaded | None = None, watch: bool = True,
                 today: dt.date | None = None, read_only: bool = False,
                 settings: Config | None = None, settings_path: Path | None = None,
                 start_pane: str = "overview", since: dt.date | None = None, big: bool = False,
                 districts: list | None = None, asked: bool | None = None) -> None:
        """`loaded` is what `dashboard` was read as (its files' state, and the data file alone, which
        a save reuses); `watch` reloads when the files change on disk; `who` is recorded with every
        update; `read_only` offers no way to record (the bundled file, a served session); `since`
        (--since) is what changes are counted from instead of the last briefing mark; `big` (--big)
        draws the overview as 大屏 at any width, not only from 160 columns. `districts` (several
        --data): the city's files (city.District), compared in 全市 first; `data_path` is one of them."""
        strips.caches_on_first_use()  # 1.9 MB less kept per session (strips.py)
        self.collector_paused = False  # from its start until its first frame is drawn (on_load)
        self.problem_shown = ""  # the files' problem shown under the panes (show_problem)
        super().__init__()
        self.districts = districts
        # read-only as asked (--read-only, a served visitor without edit rights: `asked`, else
        # `read_only`); a district opened from 全市 is judged on its own file besides: a shipped one
        # is read-only whichever file came first, a copy after a shipped one is not
        self.read_only_asked = read_only if asked is None else asked
        self.session = Session(data_path, loaded, who=who, today=today, read_only=read_only)
        self.dashboard = dashboard
        self.as_of_override = as_of
        self.since = since
        self.force_big = big
        self.drawn_big = False  # whether the overview was last built as 大屏
        self.briefing_asked = 0.0  # when b was first pressed: a second press within 5 s marks
        self.watch_files = watch
        self.start_pane = start_pane
        self.settings = settings or Config()
        self.settings_path = settings_path  # None: the settings are not saved (tests, exports)
        # NO_COLOR: no colour at all, rather than Textual's greys (get_line_filters).
        self.uncoloured = Uncoloured() if self.no_color else None
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = self.settings.theme if self.settings.theme in self.available_themes else DEFAULT_THEME
        self.set_keymap(self.settings.keys)
        self.set_titles()

    @property
    def lang(self) -> Lang:
        """The language this app speaks (its settings'; `l` switches it for the session): every
        pane, screen and widget renders its words in it, asking the app, never a global."""
        return Lang(self.settings.lang)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """The colours of meaning ($erqi-ahead…) for a theme that gives none, Textual's own included."""
        return {**super().get_theme_variable_defaults(), **COLOURS}

    def get_line_filters(self):
        filters = super().get_line_filters()
        uncoloured = getattr(self, "uncoloured", None)
        if uncoloured is None:
            return filters
        return [f for f in filters if not isinstance(f, (Monochrome, NoColor))] + [uncoloured]

    def get_driver_class(self):
        """The terminal's driver, sending each style as the difference from the one before
        (wire.py): a fraction of the bytes over SSH. Not for textual-serve's or a test's driver,
        nor with ERQI_TUI_RAW_OUTPUT set (to compare with what Textual writes itself)."""
        from ..terminal.keyboard import read_input_tolerantly

        read_input_tolerantly()  # a terminal left at GBK: what it types is not UTF-8
        driver = super().get_driver_class()
        if os.environ.get("TEXTUAL_DRIVER") or os.environ.get("ERQI_TUI_RAW_OUTPUT"):
            return driver
        from ..terminal.wire import lighter

        return lighter(driver)

    def on_load(self) -> None:
        """The collector is paused from here until a second after the first frame
        (first_frame_drawn), or until the app ends."""
        self.collector_paused = gc.isenabled()
        gc.disable()

    def on_unmount(self) -> None:
        self.resume_collector()  # if it ended within a second of its first frame

    def resume_collector(self) -> None:
        if self.collector_paused:
            self.collector_paused = False
            gc.enable()

    @property
    def context(self) -> Context:
        return Context(self.dashboard, self.as_of_override, self.since)

    def set_titles(self, width: int | None = None) -> None:
        """The header: the district and year, and the date figures stand at, in the longest form that
        fits `width` (the key line says ? 帮助 too; cut, the header lost the date's note or the date)."""
        lang = self.lang
        meta = self.dashboard.meta
        district = lang.data(meta, "district")
        titles = [lang.tr("{city}{district} {year} 年目标", city=lang.data(meta, "city"), district=district,
                          year=meta.year),
                  lang.tr("{district} {year} 年目标", district=district, year=meta.year),
                  lang.tr("{year} 年目标", year=meta.year)]
        if self.as_of_override:
            date = self.as_of_override.isoformat()
            forms = [lang.tr("假设截至 {date}（--as-of）· ? 帮助", date=date),
                     lang.tr("假设截至 {date}（--as-of）", date=date), lang.tr("假设截至 {date}", date=date)]
        else:
            at = self.context.as_of
            month = fmt.month_only(at, meta)  # the source gives the month, no day
            date = fmt.standing(at, meta, lang=lang)
            forms = [lang.tr("截至 {date}（序时按月末计）· ? 帮助" if month else "截至 {date} · ? 帮助", date=date),
                     lang.tr("截至 {date}（序时按月末计）" if month else "截至 {date}", date=date),
                     lang.tr("截至 {date}", date=date)]
        if self.picture:  # export --format svg: a picture has no keys to press
            forms = forms[1:]
        room = (width or self.size.width or 80) - 22  # the icon, the clock's room and " — "
        title, self.sub_title = next(((t, f) for t in titles for f in forms if cell_len(t) + cell_len(f) <= room),
                                     (titles[-1], forms[-1]))
        self.title = fmt.clean(title, single_line=True)

    picture = False  # drawn for export --format svg: no key hints, no cursor, no filter box

    def get_default_screen(self) -> Screen:
        return MainScreen(id="_default")

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")  # "#too-small" and "#data-error" are mounted when first needed
        yield PaneTabs(self.tab_labels(), self.start_pane, id="tabs")
        with Container(id="panes"):
            yield self.build_pane(self.start_pane)
        yield KeyBar()

    def on_mount(self) -> None:
        from ..core.problems import in_language

        lang = self.lang
        for notice in self.settings.notices:
            self.notify(fmt.clean(in_language(notice, lang)), title=lang.tr("设置"), severity="warning", markup=False,
                        timeout=10)
        if self.settings.theme not in self.available_themes:
            self.notify(lang.tr("设置中的主题“{name}”不存在，已使用 {default}。", name=fmt.clean(self.settings.theme),
                           default=DEFAULT_THEME),
                        severity="warning", markup=False)
        self.check_size()
        self.focus_pane()
        if self.districts:
            self.action_show_city()
        self.call_after_refresh(self.first_frame_drawn)

    def first_frame_drawn(self) -> None:
        """What the first frame does not need, started once it is on screen: the collector, the
        watch on the terminal, the look at the files twice a second, the theme kept when changed."""
        if self.collector_paused:  # a second on: its first scan is of all start-up made, not within the frame
            self.set_timer(1.0, self.resume_collector)
        self.leave_with_the_terminal()
        if self.watch_files:
            self.set_interval(0.5, self.poll_files)
        self.theme_changed_signal.subscribe(self, self.remember_theme)

    def leave_with_the_terminal(self) -> None:
        """End when the terminal goes, SIGHUP or not (hangup.py); not in a test or a browser."""
        if self.is_headless or os.environ.get("TEXTUAL_DRIVER") or sys.__stdin__ is None or sys.__stdout__ is None:
            return
        from ..terminal import hangup

        try:
            fds = (sys.__stdin__.fileno(), sys.__stdout__.fileno())
        except (OSError, ValueError):
            return
        hangup.watch(fds, lambda: self.call_from_thread(self.exit, return_code=hangup.EXIT_HUNG_UP))

    def remember_theme(self, theme) -> None:
        """Keep the theme chosen in the command palette for the next start."""
        if theme.name == self.settings.theme:
            return
        self.settings = self.settings.with_(theme=theme.name)
        if self.save_settings(theme=theme.name):  # said, not kept silently (the language is kept only when asked)
            self.notify(fmt.clean(self.lang.tr("主题已保存在设置中，下次启动仍用它：{path}", path=self.settings_path)),
                        markup=False)

    def save_settings(self, **changes: str) -> bool:
        """Keep `changes` in the settings file, under its lock; say so if it cannot be written. A
        session served to a browser keeps nothing: the settings are the server user's, and a
        visitor's language or theme is theirs alone (issue 20). True when written."""
        if self.settings_path is None or self.is_web:
            return False
        try:
            save_config(self.settings_path, **changes)
        except store.DataError as error:
            self.notify(fmt.clean(error.shown(lang=self.lang)), title=self.lang.tr("无法保存设置"), severity="warning",
                        markup=False)
        except OSError as error:
            self.notify(fmt.clean(self.lang.tr("无法保存设置：{error}", error=error.strerror or error)),
                        severity="warning", markup=False)
        else:
            return True
        return False

    def on_resize(self, event: events.Resize) -> None:
        # This runs before Textual's own handler has stored the new size in self.size.
        self.check_size(event.size)
        self.set_titles(event.size.width)
        if self.built_pane("overview") is not None and self.big_screen(event.size) != self.drawn_big:
            self.call_after_refresh(self.show, self.dashboard)  # 大屏 from 160 columns, and back

    def check_size(self, size: Size | None = None) -> None:
        width, height = size or self.size
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        main = self.screen_stack[0]  # the dashboard, also when a dialog is open over it
        main.set_class(too_small, "-too-small")
        if too_small:
            self.show_line("too-small", self.lang.tr("窗口太小：至少需要 {w}×{h}，当前 {width}×{height}。\n请放大窗口；按 q 退出。",
                                                     w=MIN_WIDTH, h=MIN_HEIGHT, width=width, height=height),
                           after=main.query_one(Header))

    def show_line(self, line_id: str, content: str | Text, **where) -> Static:
        """Show `content` in the dashboard's Static `line_id`, mounted (`where`: before= or after=)
        the first time it is needed: lines shown rarely cost start-up nothing."""
        main = self.screen_stack[0]
        shown = main.query_children(f"#{line_id}")
        if shown:
            line = shown.first(Static)
            line.update(content)
        else:
            line = Static(content, id=line_id)
            main.mount(line, **where)
        return line

    @property
    def tabs(self) -> PaneTabs:
        return self.query_one("#tabs", PaneTabs)

    @property
    def current_pane(self) -> str:
        """The id of the pane on show."""
        return self.tabs.active

    def tab_labels(self) -> list[tuple[str, str]]:
        return [(pane_id, f"{number} {self.pane_name(pane_id)}") for number, pane_id in enumerate(PANE_IDS, start=1)]

    def pane_name(self, pane_id: str) -> str:
        """A pane's title as the tabs, help and palette show it: the file's layout name neutralised."""
        return fmt.clean(self.lang.pane_title(self.dashboard, pane_id), single_line=True)

    def big_screen(self, size: Size | None = None) -> bool:
        return self.force_big or (size or self.size).width >= BIG_WIDTH

    def build_pane(self, pane_id: str, state=None):
        big = pane_id == "overview" and self.big_screen()
        if pane_id == "overview":
            self.drawn_big = big
        pane = pane_class(pane_id, big)(self.context, id=f"pane-{pane_id}", classes="pane")
        pane.drawn_in = self.lang  # the language its words are in (show)
        if state is not None:
            pane.restore(state)
        return pane

    def built_pane(self, pane_id: str):
        """The pane's widget, or None if it has not been shown yet."""
        panes = self.query_one("#panes").query_children(f"#pane-{pane_id}")
        return panes.first() if panes else None

    def focus_pane(self) -> None:
        """Put the focus in the active pane, so its keys show in the key line and arrows scroll it."""
        pane = self.built_pane(self.current_pane)
        if pane is None:
            return
        tables = pane.query("ProjectTable")
        (tables.first() if tables else pane).focus()

    async def action_show_pane(self, pane_id: str) -> None:
        """Show a pane, building it the first time; the others stay built but hidden."""
        if pane_id != self.current_pane:
            pane = self.built_pane(pane_id)
            if pane is None:  # built hidden, then shown with the tab: one frame, not a blank one first
                pane = self.build_pane(pane_id)
                pane.display = False
                await self.query_one("#panes").mount(pane)
            self.tabs.active = pane_id
            for built in self.query_one("#panes").children:
                if built.display and built is not pane:
                    forget_drawn(built)
                built.display = built is pane
        self.call_after_refresh(self.focus_pane)

    async def on_pane_tabs_selected(self, event: PaneTabs.Selected) -> None:
        await self.action_show_pane(event.pane_id)

    @classmethod
    def binding_scopes(cls) -> list[tuple[str, list[Binding]]]:
        """Every binding the help screen lists, by where it works: from the table of actions."""
        from .actions import help_scopes

        return help_scopes()

    @classmethod
    def binding_ids(cls) -> set[str]:
        """The ids a user may remap in the settings' [keys]: every key in the table of actions."""
        from .actions import remappable

        return remappable()

    def help_rows(self, only: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
        """(scope, key, what it does) for every key the help screen lists; with `only`, the keys of
        those scopes (as HELP_SCOPES heads them: 全市's help lists 全市's keys, not a district's)."""
        from .screens.help import BUILT_IN_KEYS, CITY_BUILT_IN_KEYS, help_rows

        import dataclasses

        scopes = [(scope, [dataclasses.replace(b, description=self.lang.tr("切换到{title}", title=self.pane_name(
                           b.id.removeprefix("pane.")))) if (b.id or "").startswith("pane.") else b
                           for b in bindings]) for scope, bindings in self.binding_scopes()
                  if not only or scope in only]
        if self.session.read_only:
            scopes = [(scope, [b for b in bindings if b.id not in RECORDING]) for scope, bindings in scopes]
        else:  # what e says where nothing can be recorded: only there
            scopes = [(scope, [b for b in bindings if not (b.id or "").startswith("read_only.")])
                      for scope, bindings in scopes]
        if not self.districts:  # one district: no 全市 to go back to
            scopes = [(scope, [b for b in bindings if b.id != "city" and not b.id.startswith("city.")])
                      for scope, bindings in scopes]
        return help_rows(self.settings.keys, scopes, CITY_BUILT_IN_KEYS if "全市" in only else BUILT_IN_KEYS,
                         lang=self.lang)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        note = self.read_only_reason() if self.session.read_only else ""
        self.push_screen(HelpScreen(self.help_rows(), note))

    def read_only_reason(self) -> str:
        """Why nothing can be recorded here, in one line: the bundled file holds an article's real
        figures, the example's are invented, a served session records nothing."""
        lang = self.lang
        bundled = self.bundled_path()
        if self.session.path == bundled:
            return lang.tr("随附的数据文件只读：它是文章里的真实数字。要记录更新或标记简报，请复制数据文件，再用 erqi-tui --data 文件 打开。")
        if self.session.path.parent == bundled.parent:
            return lang.tr("示例（虚构）数据只读。要试着记录，请把 {file} 和 {journal} 一起复制到别处，再用 erqi-tui --data 副本 打开。",
                           file=self.session.path, journal=store.journal.journal_path(self.session.path))
        return lang.tr("只读：这里不能记录更新，也不能标记简报。")

    def action_explain_read_only(self, what: str = "") -> None:
        """A key that would record, pressed where nothing can be recorded: say why, once."""
        self.notify(self.read_only_reason(), title=self.lang.tr("不能修改"), severity="warning", markup=False)

    @staticmethod
    def bundled_path() -> Path:
        from ..store.files import bundled_data

        return bundled_data()

    async def action_reload(self) -> None:
        await self.reload(announce=True)

    async def poll_files(self) -> None:
        """Reload within a second of the data file or its journal changing on disk."""
        if self.session.changed_on_disk():
            await self.reload(announce=False)

    async def reload(self, announce: bool) -> bool:
        """Read the files again. On a problem keep showing the last good data, with the problem
        shown until the file is fixed; never crash on it."""
        if self.session.loading:
            return False
        size = self.session.size()
        ticker = self.say_reading(size) if size >= store.LARGE_FILE else None
        try:
            loaded = await self.session.read()
        except store.DataError as error:
            self.show_problem(error)
            if announce:
                self.notify(fmt.clean(error.shown(lang=self.lang)), title=self.lang.tr("数据文件有误，仍显示上次的数据"),
                            severity="error", timeout=10, markup=False)
            return False
        finally:
            if ticker is not None:
                ticker.stop()
                await self.screen_stack[0].query_children("#loading").remove()
        if loaded is None:
            return False
        self.show_problem("")
        await self.show(loaded.dashboard)
        # The new data set aside from the collector's scans once it is on screen, not before: the
        # scan this takes (0.2 s at 100,000 projects) no longer holds back the frame that shows it.
        self.call_after_refresh(store.keep_loaded)
        if announce:
            self.notify(fmt.clean(self.lang.tr("已重新载入 {path}", path=self.session.path)), markup=False)
        return True

    def say_reading(self, size: int) -> Timer:
        """A line saying what is being read, and for how long: a large file takes seconds."""
        started = time.monotonic()

        def say() -> Text:
            return Text(self.lang.tr("正在重新载入 {name}（{size:.1f} MB）… {seconds:.0f} 秒", name=self.session.path.name,
                                     size=size / 2**20, seconds=time.monotonic() - started))

        bar = self.show_line("loading", say(), before=self.screen_stack[0].query_one(KeyBar))
        return self.set_interval(0.5, lambda: bar.update(say()))

    def show_problem(self, problem) -> None:
        """The line under the panes while the files are broken: `problem` a DataError (said in the
        session's language, and again in the other when `l` switches it), or text; "" clears it."""
        main = self.screen_stack[0]
        self.problem_shown = problem
        if not problem:
            main.query_children("#data-error").remove()
            return
        text = problem if isinstance(problem, str) else problem.shown(lang=self.lang)
        self.show_line("data-error", Text(self.lang.tr("数据文件有误，仍显示上次的数据（改正后自动载入）：\n{problem}",
                                                       problem=fmt.clean(text))), before=main.query_one(KeyBar))

    async def show(self, dashboard: Dashboard) -> None:
        """Draw `dashboard`, keeping the pane, the table's filter, order, selected row and where each
        pane is scrolled to. Each pane built shows the new data in place (its update_dashboard),
        unless its words are in another language or the overview changes between 大屏 and not:
        those are built anew."""
        self.dashboard = dashboard
        self.set_titles()
        self.tabs.set_labels(self.tab_labels())  # the file may name its layout (三区三轴) anew, or be another district's
        main = self.screen_stack[0]  # the dashboard, under any form or dialog that is open
        focused = main.focused
        focus_in_pane = focused is not None
        card_id = focused.progress.target.id if isinstance(focused, TargetCard) else None
        container = self.query_one("#panes")
        for pane_id in PANE_IDS:
            old = self.built_pane(pane_id)
            if old is None:
                continue  # never shown: built with the new data when it is
            if (hasattr(old, "update_dashboard") and getattr(old, "drawn_in", None) == self.lang
                    and (pane_id != "overview" or self.big_screen() == self.drawn_big)):
                await old.update_dashboard(self.context)
                if not container.is_attached:
                    return
                continue
            pane = self.build_pane(pane_id, old.state() if hasattr(old, "state") else None)
            pane.display = old.display
            await old.remove()
            if not container.is_attached:
                return  # the app is closing (q pressed as the files changed): nothing to draw on
            await container.mount(pane)
        if focus_in_pane and (main.focused is not focused or not focused.is_attached):  # not kept in place
            self.focus_pane()
            active = self.built_pane(self.current_pane)
            cards = [c for c in active.query(TargetCard) if c.progress.target.id == card_id] if active else []
            if cards:
                cards[0].focus()

    async def save_update(self, update: Update, seen: int | None = None, **wait) -> str | store.Conflict | None:
        """Record `update`; None when saved, a Conflict when its target or project changed since
        version `seen` (the form asks to confirm), else what the user should be told. `wait`:
        the form's `waiting` and `cancelled` while another writer holds the lock (Session.save)."""
        outcome = await self.session.save(update, seen, **wait, lang=self.lang)
        if isinstance(outcome, store.Conflict):
            await self.reload(announce=False)
            return outcome
        if isinstance(outcome, Unsaved):
            return self.unsaved(outcome)
        self.show_problem("")
        await self.show(outcome.loaded.dashboard)
        self.notify(outcome.announcement(update, lang=self.lang), markup=False)
        return None

    def unsaved(self, outcome: Unsaved) -> str:
        """What to tell the user of a write that did not happen; broken files are shown until fixed."""
        if outcome.broken:
            self.show_problem(outcome.broken)
        return outcome.message

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "explain_read_only":  # e where nothing can be edited: only when read-only
            return self.session.read_only
        if action == "show_city":
            return bool(self.districts) and len(self.screen_stack) == 1
        return True

    def action_show_city(self) -> None:
        """全市: every district's shared targets side by side; the one shown now as it is now."""
        from .screens.city import CityScreen

        if not self.districts:
            return
        self.districts = [d._replace(loaded=self.session.reuse) if d.path == self.session.path and self.session.reuse
                          else d for d in self.districts]
        self.push_screen(CityScreen(self.districts, self.as_of_override, on_open=self.open_district))

    async def open_district(self, district) -> None:
        """Show `district`'s dashboard (its file watched, its journal written) and close 全市."""
        if district.path != self.session.path:
            old = self.session
            self.session = Session(district.path, district.loaded, who=old.who, today=old.today,
                                   read_only=self.read_only_asked or store.files.shipped(district.path))
            self.show_problem("")
            await self.show(district.loaded.dashboard)
            await self.reload(announce=False)  # the file may have changed since 全市 read it
        self.pop_screen()

    def action_show_wall(self) -> None:
        """挂图作战: every project's milestones on the months of the year, the most overdue first."""
        from .screens.wall import WallChart

        self.push_screen(WallChart(self.dashboard, self.context.steps_at, on_open=self.open_project_detail))

    def action_show_supervision(self) -> None:
        """督办: the responsible units ranked by what is late."""
        from .screens.supervision import SupervisionScreen

        self.push_screen(SupervisionScreen(self.dashboard, self.context.steps_at, self.as_of_override,
                                           on_open=self.open_item))

    def action_show_tasks(self) -> None:
        """重点任务: the key tasks the file lists, by area; Enter records one finished."""
        from .screens.tasks import TasksScreen

        if not self.dashboard.tasks:
            self.notify(self.lang.tr("数据文件没有逐项列出重点任务（[[task]]）"), markup=False)
            return
        self.push_screen(TasksScreen(self.dashboard, self.context.steps_at))

    def open_item(self, kind: str, ident: str) -> None:
        """Open what 督办 or a list points at: a project (its milestone or request), a task, a target."""
        if kind in ("project", "milestone", "request"):
            self.open_project_detail(ident)
        elif kind == "task":
            task = next(t for t in self.dashboard.tasks if t.id == ident)
            if task.done or self.session.read_only:
                self.open_history("task", ident)
            else:
                self.open_record_form("task", ident)
        else:
            self.open_history(kind, ident)

    def on_open_requested(self, request: OpenRequested) -> None:
        self.open_item(request.kind, request.ident)

    def on_drill_requested(self, request: DrillRequested) -> None:
        """The projects behind a target's figure, a pipeline stage or an axis."""
        from ..views.drill import drill
        from .screens.drill import DrillScreen

        found = drill(self.dashboard, request.kind, request.key, lang=self.lang)
        self.push_screen(DrillScreen(self.dashboard, found))

    def open_project_detail(self, project_id: str) -> None:
        from .screens.detail import ProjectDetail

        project = next(p for p in self.dashboard.projects if p.id == project_id)
        self.push_screen(ProjectDetail(project, self.dashboard, current=lambda: self.dashboard,
                                       recording=not self.session.read_only, at=self.as_of_override))

    def action_show_changes(self) -> None:
        """动态: every recorded change, in date order, filterable."""
        from .screens.changes import ChangesScreen

        self.push_screen(ChangesScreen(self.dashboard))

    async def action_mark_briefing(self) -> None:
        """Mark a briefing (简报) at the figures' date: changes are counted from it from now on.
        It is written to the journal for everyone, so a second b within 5 seconds confirms."""
        if not self.offers("mark_briefing"):
            self.notify(self.read_only_reason(), title=self.lang.tr("不能标记简报"), severity="warning", markup=False)
            return
        date = self.context.as_of
        if time.monotonic() - self.briefing_asked > 5:
            self.briefing_asked = time.monotonic()
            self.notify(self.lang.tr("标记一次简报（截至 {date}）？之后的变化从这里算起。再按 b 确认。", date=date.isoformat()),
                        markup=False, timeout=5)
            return
        self.briefing_asked = 0.0
        self.clear_notifications()  # the question is answered
        outcome = await self.session.mark_briefing(date, lang=self.lang)
        if isinstance(outcome, Unsaved):
            self.notify(self.unsaved(outcome), severity="error", markup=False)
            return
        self.since = None  # from now on, the mark just made
        self.show_problem("")
        await self.show(outcome.dashboard)
        self.notify(self.lang.tr("已标记简报（截至 {date}），变化从这里算起", date=date.isoformat()), markup=False)

    def form_date(self) -> str:
        from ..store import edits

        return edits.default_date(self.dashboard, self.session.today).isoformat()

    def offers(self, action: str, bindings: list | None = None) -> bool:
        """Whether a widget's key for `action` is offered: the actions that record an update are
        not, in a read-only session (key line and help leave them out, the key does nothing).
        `bindings` are the asking widget's own (the app's when not given): looking only there
        spares start-up importing every screen to learn which actions record."""
        if not self.session.read_only:
            return True
        return not any(b.action == action and b.id in RECORDING
                       for b in (self.BINDINGS if bindings is None else bindings) if isinstance(b, Binding))

    def may_edit(self) -> bool:
        if self.session.read_only:
            self.action_explain_read_only()
        return not self.session.read_only

    def open_target_form(self, target_id: str) -> None:
        from .screens.forms import target_form

        if not self.may_edit():
            return

        target = next(t for t in self.dashboard.targets if t.id == target_id)
        self.push_screen(target_form(target, self.dashboard, self.session.who, self.form_date(),
                                     self.dashboard.update_dates(self.session.today),
                                     self.dashboard.version("target", target_id), save=self.save_update,
                                     lang=self.lang))

    def open_project_form(self, project_id: str | None) -> None:
        from .screens.forms import project_form

        if not self.may_edit():
            return

        project = next((p for p in self.dashboard.projects if p.id == project_id), None)
        seen = self.dashboard.version("project", project_id) if project else None
        self.push_screen(project_form(project, self.dashboard, self.session.who, self.form_date(),
                                      self.dashboard.update_dates(self.session.today), seen, save=self.save_update,
                                      lang=self.lang))

    def open_record_form(self, what: str, ident: str) -> None:
        """The form that records a milestone reached, a request raised or resolved (`ident`: the
        project), or a task finished (`ident`: the task)."""
        from .screens import forms

        if not self.may_edit():
            return
        if what == "task":
            task = next(t for t in self.dashboard.tasks if t.id == ident)
            self.push_screen(forms.task_form(task, self.session.who, self.form_date(),
                                             self.dashboard.update_dates(self.session.today),
                                             self.dashboard.version("task", ident), save=self.save_update,
                                             lang=self.lang))
            return
        project = next(p for p in self.dashboard.projects if p.id == ident)
        if what == "resolve" and not project.open_requests():
            self.notify(self.lang.tr("该项目没有未办结的诉求"), markup=False)
            return
        build = {"milestone": forms.milestone_form, "request": forms.request_form, "resolve": forms.resolve_form}[what]
        self.push_screen(build(project, self.session.who, self.form_date(),
                               self.dashboard.update_dates(self.session.today),
                               self.dashboard.version("project", ident), save=self.save_update, lang=self.lang))

    def open_history(self, kind: str, ident: str) -> None:
        from .screens.history import HistoryScreen

        items = {"target": self.dashboard.targets, "task": self.dashboard.tasks}.get(kind, self.dashboard.projects)
        item = next(i for i in items if i.id == ident)
        lang = self.lang
        note = (lang.data(item, "note") if kind != "task"
                else " · ".join(filter(None, [lang.data(item, "area"), item.responsible])))
        if kind == "target":  # the projects the file names as part of its figure, reconciled
            from ..core.series import listed

            named = listed(self.dashboard, item)
            if named is not None:
                names = lang.tr("、").join(lang.data(p, "name") for p in named.projects)
                note = "\n".join(filter(None, [note, lang.tr("{name}：{what}", name=fmt.reconciled(named, lang=lang),
                                                              what=names)]))
        self.push_screen(HistoryScreen(lang.data(item, "name"), self.dashboard.history(kind, ident), kind, ident,
                                       read_only=self.session.read_only, note=note,
                                       withdraw=self.withdraw_update,
                                       current=lambda: self.dashboard.history(kind, ident),
                                       course=(lambda: self.target_course(ident)) if kind == "target" else None))

    def target_course(self, target_id: str):
        """A target's chart and projection as the dashboard stands now (for its history)."""
        from .panes import target_course

        target = next(t for t in self.dashboard.targets if t.id == target_id)
        return target_course(self.context, [target])

    def on_edit_requested(self, request: EditRequested) -> None:
        if request.kind == "target":
            self.open_target_form(request.ident)
        elif request.kind == "project":
            self.open_project_form(request.ident)
        else:
            self.open_record_form(request.kind, request.ident)

    def on_history_requested(self, request: HistoryRequested) -> None:
        self.open_history(request.kind, request.ident)

    async def withdraw_update(self, number: int) -> str | None:
        """Withdraw (撤销) update `number`; None when done, else what the user should be told."""
        update = Update("", "", {}, None, self.session.who, withdraw=number)
        problem = await self.save_update(update)
        return problem if isinstance(problem, str) else None

    async def action_toggle_lang(self) -> None:
        """Chinese ⇄ English for this session only, and said so: a switch that quietly outlived the
        session left the next start and the command line in English for a colleague who pressed l
        by chance. The settings file's lang, or --lang, is how a language is kept."""
        if not self.may_switch_language():
            return
        from .screens.city import CityScreen

        in_city = isinstance(self.screen_stack[-1], CityScreen)
        lang = self.lang.other()
        self.settings = self.settings.with_(lang=lang)
        self.set_titles()
        self.tabs.set_labels(self.tab_labels())
        await self.show(self.dashboard)
        self.query_one(KeyBar).refresh()
        if self.problem_shown:
            self.show_problem(self.problem_shown)
        if in_city:  # 全市 is built in its language: built anew (as when a district goes back to it)
            self.pop_screen()
            self.action_show_city()
        if lang.english:
            message = "Switched to English for this session. To start in English: erqi-tui --lang en"
        else:
            message = "已切换为中文（仅本次）。要每次都用中文启动：erqi-tui --lang zh"
        self.notify(message, markup=False, timeout=6)

    def may_switch_language(self) -> bool:
        """The language switches over the dashboard or 全市, not under a screen built in the old one
        (a history, a form being filled): `l` there is the screen's, and the palette does not offer it."""
        from textual.command import CommandPalette

        from .screens.city import CityScreen

        under = [screen for screen in self.screen_stack if not isinstance(screen, CommandPalette)]
        return len(under) == 1 or isinstance(under[-1], CityScreen)

    def action_export_pane(self) -> None:
        """Save the current pane (or the screen over it) as an SVG picture (see save_picture)."""
        view = self.current_pane if len(self.screen_stack) == 1 else type(self.screen).__name__.lower()
        self.save_picture(view, self.briefing_svg, [self.session.path])

    def save_picture(self, view: str, draw, data_paths) -> None:
        """`draw()`'s SVG as erqi-tui-VIEW-TIME.svg in the working folder; in a browser, handed to the
        visitor's browser as a download (nothing is written on the server). Never written through a
        link planted under the name to one of `data_paths`' files or the settings."""
        from ..store import files

        filename = f"erqi-tui-{view}-{dt.datetime.now():%Y%m%d-%H%M%S}.svg"
        if self.is_web:
            import io

            self.deliver_text(io.StringIO(draw()), save_filename=filename, mime_type="image/svg+xml", encoding="utf-8")
            self.notify(fmt.clean(self.lang.tr("本页图片已发送到浏览器下载：{name}", name=filename)), markup=False)
            return
        protected = store.kept_off(data_paths, self.settings_path, lang=self.lang)
        clash = files.output_clash(Path.cwd() / filename, protected)  # a link planted under the name
        if clash:
            self.notify(fmt.clean(self.lang.tr("未保存图片：{path} 指向{what}，写入会覆盖数据", path=filename, what=clash)),
                        severity="error", markup=False)
            return
        try:
            saved = files.write_output(Path.cwd() / filename, draw().encode("utf-8"))
        except OSError as error:
            self.notify(fmt.clean(self.lang.tr("无法保存：{error}", error=error.strerror or error)), severity="error",
                        markup=False)
            return
        self.notify(fmt.clean(self.lang.tr("已保存本页图片：{path}", path=saved)), markup=False)

    def briefing_svg(self) -> str:
        """The screen as an SVG for a briefing: its title line names the district, date and pane."""
        from ..exchange.briefing_svg import svg

        date = fmt.standing(self.context.as_of, self.dashboard.meta, lang=self.lang)
        if len(self.screen_stack) > 1:  # 挂图, 督办…: the screen over the panes, as it is shown
            title = fmt.clean(f"{self.title} — {date} — {getattr(self.screen, 'title_text', '')}", single_line=True)
            return svg(self, title)
        title = fmt.clean(f"{self.title} — {date} — {self.pane_name(self.current_pane)}", single_line=True)
        return svg(self, title, leave_out=(self.query_one(PaneTabs), self.query_one(KeyBar)))

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=self.lang.tr("搜索命令…（中文或英文）")))

    def action_change_theme(self) -> None:
        from textual.command import CommandPalette

        from .screens.palette import Themes

        self.push_screen(CommandPalette(providers=[Themes], placeholder=self.lang.tr("搜索主题…")))


SVG_SIZE = (120, 48)  # columns × rows: the example year's 总览 with its chart; the picture ends where the pane does
SVG_MOST_ROWS = 200  # a pane taller than SVG_SIZE is drawn whole, up to this
SVG_MOST_COLUMNS = 240  # and a table wider than it, up to this


def svg_screenshot(path: Path, dashboard: Dashboard, as_of: dt.date | None, pane: str,
                   size: tuple[int, int] | None = None, lang: str = "zh", since: dt.date | None = None) -> str:
    """An SVG picture of one pane, drawn headless, as `erqi-tui export --format svg` writes it: at
    `size` (SVG_SIZE), without the tab row and the key line, cut below the pane's last line."""
    given = size is not None
    size = size or SVG_SIZE
    import asyncio

    app = ErqiApp(path, dashboard, as_of=as_of, watch=False, read_only=True, settings=Config(lang=Lang(lang)),
                  since=since)
    app.animation_level = "none"
    app.picture = True  # no key hints, no cursor, no filter box; every overdue step listed
    key = str(1 + PANE_IDS.index(pane))

    async def draw() -> str:
        from textual.widgets import Input

        from .widgets.table import VirtualTable

        async with app.run_test(size=size) as pilot:
            await pilot.press(key)
            await pilot.pause()
            shown = app.built_pane(pane)
            if shown is None:
                return app.briefing_svg()
            # A picture, not a screen: no filter box to type in, no row under a cursor
            for box in shown.query(Input):
                box.display = False
            tables = list(shown.query(VirtualTable))
            for table in tables:
                table.marks_cursor = False
                table.refresh()
            app.set_focus(None)
            await pilot.pause()
            for _ in range(3):  # the whole pane and its tables, not cut with a scrollbar (a wider table, taller)
                rows = max(shown.virtual_size.height - shown.size.height, 0) + sum(
                    max(t.virtual_size.height - t.size.height, 0) for t in tables)
                columns = max((t.virtual_size.width - t.size.width for t in tables), default=0)
                wanted = (min(app.size.width + max(columns, 0), SVG_MOST_COLUMNS),
                          min(app.size.height + rows, SVG_MOST_ROWS))
                if given or wanted == tuple(app.size):
                    break
                await pilot.resize_terminal(*wanted)
                await pilot.pause()
            return app.briefing_svg()

    return asyncio.run(draw())


def city_svg_screenshot(districts: list, as_of: dt.date | None, size: tuple[int, int] | None = None,
                        lang: str = "zh") -> str:
    """An SVG picture of 全市 (several districts' files), drawn headless: the ranked table, cut below
    its last line, without the key line."""
    import asyncio

    good = [d for d in districts if d.loaded is not None]
    first = good[0]
    app = ErqiApp(first.path, first.loaded.dashboard, as_of=as_of, loaded=first.loaded, watch=False, read_only=True,
                  settings=Config(lang=Lang(lang)), districts=districts)
    app.animation_level = "none"

    async def draw() -> str:
        from ..exchange.briefing_svg import svg
        from .widgets.table import VirtualTable

        rows = len(districts) + 40  # room for every district; the picture ends below the frame
        async with app.run_test(size=size or (SVG_SIZE[0], rows)) as pilot:
            await pilot.pause()
            screen = app.screen
            await screen.all_read.wait()
            if size is None:  # as wide as the table, within reason: no target's column cut off
                wide = min(max(SVG_SIZE[0], screen.query_one(VirtualTable).virtual_size.width + 6), SVG_MOST_COLUMNS)
                if wide != app.size.width:
                    await pilot.resize_terminal(wide, rows)
                    await pilot.pause()
            frame = screen.as_picture()
            await pilot.pause()
            app.set_focus(None)  # a picture: no focus frame over the ranks
            await pilot.pause()
            return svg(app, fmt.clean(app.lang.tr("全市：{count} 个地区", count=screen.comparison.count), single_line=True),
                       only=frame)

    return asyncio.run(draw())
