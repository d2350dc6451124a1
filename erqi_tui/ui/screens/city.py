"""全市: one row per district — rank, name, the date its figures stand at, how many targets its rank
rests on, its mean and its furthest-behind target first, then each shared target's completion and
points against 序时进度 (these scroll) — and under the table what the selected row rests on and how
the ranking is computed. The files are watched as a district's dashboard watches its own, and the
city re-ranked within a second of a change, a file added to or removed from a folder given too (r
lists the folders again as well); Enter opens that district and Esc there comes back."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from ... import store
from ...core import fmt
from ...core.i18n import Lang
from ...views import city as city_view
from ...views.city import Comparison, District, Row, compare
from ..actions import bindings
from ..widgets.table import VirtualTable
from ..widgets.text import plain
from .listed import ListedScreen

WORST = "⚠"
STALE = "⏳"
POLL_SECONDS = 0.5  # as a district's dashboard polls its files (ErqiApp.poll_files)


def cell(row: Row, key: str, *, lang: Lang) -> str:
    found = row.cells.get(key)
    if found is None:
        return fmt.MISSING
    p = found.progress
    if p.completion is None:
        return lang.tr("进度未知")
    if found.suspect:
        return lang.tr("{share} 数值可疑", share=fmt.completion(p, lang=lang))
    return f"{fmt.completion(p, lang=lang)} {p.gap * 100:+.1f}"


def date_text(comparison: Comparison, row: Row, *, lang: Lang) -> str:
    if row.date is None:
        return ""
    if city_view.month_only(row):  # the source gives only the month: 2024年5月, not an invented day
        shown = city_view.standing(row, lang=lang)
    else:  # 06-30 within the city's year; with it where another row gives its year (2024年5月 beside 2024-06-30)
        short = row.date.year == comparison.year and not any(city_view.month_only(r) for r in comparison.rows if r.date)
        shown = row.date.strftime("%m-%d") if short else row.date.isoformat()
    return f"{shown} {STALE}" if row.stale else shown


def titles(comparison: Comparison, *, lang: Lang) -> list[str]:
    return [lang.tr("排名"), lang.tr("地区"), lang.tr("截至"), lang.tr("可比"), lang.tr("平均"), lang.tr("最落后的目标"),
            *(fmt.clean(name, single_line=True) for _, name, _ in comparison.targets), lang.tr("说明")]


def cells(comparison: Comparison, *, lang: Lang):

    def of(row: Row) -> list[str]:
        label = fmt.clean(row.label or row.district.named(lang=lang), single_line=True)
        if row.district.pending:
            return ["", label, "", "", "", "", *([""] * len(comparison.targets)), lang.tr("读取中…")]
        if row.district.dashboard is None:
            problem = row.note.splitlines()[0] if row.note else ""
            return ["", label, "", "", "", "", *([""] * len(comparison.targets)),
                    fmt.clean(lang.tr("无法读取：{problem}", problem=problem), single_line=True)]
        shown = city_view.rank_text(row, lang=lang)  # 并列1 where another district shares the rank
        rank = (f"{WORST} {shown}" if row.worst else shown) if row.rank else fmt.MISSING
        score = f"{row.score * 100:+.1f}" if row.score is not None else fmt.MISSING
        behind = f"{row.behind[0]} {row.behind[1] * 100:+.1f}" if row.behind else fmt.MISSING
        return [rank, label, date_text(comparison, row, lang=lang), city_view.basis_text(row, lang=lang), score,
                fmt.clean(behind, single_line=True), *(cell(row, key, lang=lang) for key, _, _ in comparison.targets),
                fmt.clean(row.note, single_line=True)]
    return of


class DistrictTable(VirtualTable):
    """The districts; Enter names the row it was pressed on, so a re-rank or a filter landing
    between the key and its handling cannot open another district."""

    class Chosen(Message):
        def __init__(self, row: Row) -> None:
            super().__init__()
            self.row = row

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Chosen(self.rows[self.cursor_row]))


class CityScreen(ListedScreen):
    # / is a priority key here: the app then handles it as it arrives, before it hands the keys
    # typed after it to whatever has the focus, so /航空港 Enter typed at once all reach the filter
    # (without, they went to the table, and Enter there opened its first row).
    BINDINGS = [dataclasses.replace(b, priority=True) if b.id == "city.filter" else b for b in bindings("city")]
    DEFAULT_CSS = """
    CityScreen .list-count { text-wrap: nowrap; text-overflow: ellipsis; }
    CityScreen .city-detail { height: auto; max-height: 3; padding: 0 1; background: $panel; }
    CityScreen .city-method { height: auto; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, districts: list[District], what_if: dt.date | None = None, on_open=None) -> None:
        """`on_open(district)`: opens that district's dashboard."""
        lang = self.app.lang
        self.districts = list(districts)
        self.what_if = what_if
        comparison = compare(self.districts, what_if, lang=lang)
        super().__init__(comparison.rows, titles(comparison, lang=lang), cells(comparison, lang=lang),
                         title=city_view.headline(comparison, lang=lang),
                         keys=lang.tr("/ 筛选 · Enter 打开 · d 动态 · g 挂图 · u 督办 · x 导出 · ? 帮助"),
                         placeholder=lang.tr("按地区或文件名筛选…"))
        self.comparison = comparison
        self.on_open = on_open
        self.states = {d.path: self.state_of(d) for d in self.districts}
        self.table_states = self.city_table_state()
        self.folders = city_view.folders(self.districts)  # the folders given: looked at again (rescan)
        self.folder_states = city_view.folder_state(self.folders)
        self.reading = asyncio.Lock()
        self.all_read = asyncio.Event()  # every district read (read_first left some to read after the first frame)

    def compose_list(self) -> ComposeResult:
        yield DistrictTable(self.titles, self.cells)
        yield Static(classes="city-detail")
        yield Static(plain(city_view.method(lang=self.app.lang)), classes="city-method")

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one(VirtualTable)
        self.watch(table, "cursor_row", lambda _: self.show_detail(), init=False)
        self.show_detail()
        self.set_interval(POLL_SECONDS, self.poll_files)
        if any(d.pending for d in self.districts):
            self.call_after_refresh(lambda: self.run_worker(self.read_pending(), group="city-read"))
        else:
            self.all_read.set()

    # What is shown

    def search_text(self, row: Row) -> str:
        return f"{row.label}\n{row.district.named(lang=self.app.lang)}\n{row.district.path.name}".lower()

    def count_text(self, found: list, filtered: bool) -> str:
        if filtered:
            return super().count_text(found, filtered)
        lang = self.app.lang
        indicators = self.comparison.indicators
        shared = lang.tr("、").join(city_view.matched_how(i, lang=lang) for i in indicators) if indicators else lang.tr(
            "（没有共同的目标）")
        line = lang.tr("共同目标{count}项：{names}", count=len(indicators), names=shared)
        worst = [r for r in self.all if r.worst]  # none where all are level; all those tied for the last
        if worst:
            line = lang.tr("{mark} 最落后：{name} · ", mark=WORST, name=lang.tr("、").join(r.label for r in worst)) + line
        if self.comparison.table.problems:
            line += lang.tr("；全市对照表有误：{problem}", problem=self.comparison.table.problem(lang=lang))
        return line

    def as_picture(self) -> Vertical:
        """The ranking as a picture shows it (export --format svg): every district, no filter box,
        no keys, no cursor and none of its detail; the frame as tall as what it holds, returned:
        the picture is cut to it."""
        table = self.query_one(VirtualTable)
        for widget in (self.query_one(Input), self.query_one(".city-detail")):
            widget.display = False
        box = self.query_one(Vertical)
        box.border_subtitle = ""
        box.styles.height = "auto"
        self.styles.align_vertical = "top"
        table.styles.overflow_x = "hidden"  # a picture has no scrollbar: what is past the right edge ends in …
        table.styles.height = len(table.rows) + 1
        table.marks_cursor = False  # no row marked
        table.refresh()
        return box

    def show_detail(self) -> None:
        table = self.query_one(VirtualTable)
        detail = self.query_one(".city-detail", Static)
        if not table.rows:
            detail.update("")
            return
        row = table.rows[min(table.cursor_row, len(table.rows) - 1)]
        lang = self.app.lang
        if row.district.pending:
            text = lang.tr("{file}：读取中…", file=row.district.path)
        elif row.district.dashboard is None:
            text = lang.tr("{file}：无法读取：{problem}", file=row.district.path, problem=row.note)
        else:
            date = city_view.standing(row, lang=lang) if row.date else ""
            if row.stale:
                date += f" {STALE}"
            parts = [lang.tr("{label}（{file}）截至 {date}", label=row.label, file=row.district.path.name, date=date)]
            if row.rank:
                tied = lang.tr("并列") if row.tied else ""
                parts.append(tied + lang.tr("第 {rank} 名，平均 {score}，依据 {basis} 项", rank=row.rank,
                                            score=f"{row.score * 100:+.1f}", basis=row.basis))
            if row.note:
                parts.append(row.note)
            cells_said = city_view.cell_note(self.comparison, row, lang=lang)
            text = " · ".join(parts) + ("\n" + cells_said if cells_said else "")
        detail.update(plain(text, single_line=False))

    def cursor_at(self, shown: list) -> int:
        """The district the cursor was on stays under it when the rows are ranked anew."""
        table = self.query_one(VirtualTable)
        if table.rows and 0 <= table.cursor_row < len(table.rows):
            path = table.rows[table.cursor_row].district.path
            for index, row in enumerate(shown):
                if row.district.path == path:
                    return index
        return 0

    # Kept current

    @staticmethod
    def state_of(district: District) -> tuple:
        return store.fingerprint(district.path)

    def city_table_state(self) -> tuple:
        return tuple((p, store.fingerprint(p)[0]) for p in city_view.city_table_paths(self.districts))

    async def poll_files(self) -> None:
        """Re-rank within a second of a district's file or journal, or the city's table, changing,
        or of a file added to or removed from a folder given (its modification time: one stat)."""
        if self.reading.locked():
            return
        changed = [d for d in self.districts if store.fingerprint(d.path) != self.states.get(d.path)]
        listing = city_view.folder_state(self.folders) != self.folder_states
        if changed or listing or self.city_table_state() != self.table_states:
            await self.reread(changed, rescan=listing)

    async def read_pending(self) -> None:
        """The districts read_first left, read one by one after the first frame (each in a thread,
        so keys are answered meanwhile), 全市 ranked anew after each."""
        while True:
            pending = next((d for d in self.districts if d.pending), None)
            if pending is None:
                break
            fresh = await asyncio.to_thread(city_view.read_one, pending, lang=self.app.lang)
            self.districts = [fresh if d.path == fresh.path else d for d in self.districts]
            if getattr(self.app, "districts", None) is not None:
                self.app.districts = self.districts  # 全市 shown again starts from these
            table = self.query_one(VirtualTable)
            at_top = table.cursor_row == 0  # not moved yet: the cursor stays on the first, whichever it is
            self.show_comparison(compare(self.districts, self.what_if, lang=self.app.lang))
            if at_top and table.cursor_row:
                table.cursor_row = 0
                self.show_detail()
        self.all_read.set()

    async def every_district(self) -> None:
        """Wait, saying so, for the districts not read yet (全市's own views list every district)."""
        if not self.all_read.is_set():
            left = sum(1 for d in self.districts if d.pending)
            self.notify(self.app.lang.tr("正在读取其余 {count} 个地区…", count=left), markup=False, timeout=2)
            await self.all_read.wait()

    async def action_reload(self) -> None:
        """r: every file read again, and the folders given looked at again (a file added or back is
        read, one removed is gone)."""
        await self.reread(self.districts, announce=True, rescan=True)

    async def reread(self, which: list[District], announce: bool = False, rescan: bool = False) -> None:
        """`which` read again (r waits for a read under way; the watch leaves it be), with the
        folders' files listed anew first when `rescan`: the files new there are read too."""
        async with self.reading:
            if rescan:
                self.folder_states = city_view.folder_state(self.folders)  # before listing: a change meanwhile is seen
                listed = city_view.rescan(self.districts, self.folders)
                paths = {d.path for d in listed}
                which = [d for d in which if d.path in paths]
                which += [d for d in listed if d.pending and d.path not in {w.path for w in which}]
                self.districts = listed
                if any(d.pending for d in listed):
                    self.all_read.clear()  # 全市's own views wait for the new files too
            states = {d.path: self.state_of(d) for d in which}  # before reading: a change meanwhile is seen
            lang = self.app.lang
            fresh = await asyncio.to_thread(lambda: {d.path: city_view.read_one(d, lang=lang) for d in which})
        listed = {d.path for d in self.districts}
        self.states = {path: state for path, state in {**self.states, **states}.items() if path in listed}
        self.table_states = self.city_table_state()
        self.districts = [fresh.get(d.path, d) for d in self.districts]
        if getattr(self.app, "districts", None) is not None:
            self.app.districts = self.districts  # 全市 shown again starts from these
        self.show_comparison(compare(self.districts, self.what_if, lang=self.app.lang))
        if not any(d.pending for d in self.districts):
            self.all_read.set()
        if announce:
            self.notify(self.app.lang.tr("已重新载入 {count} 个文件", count=len(which)), markup=False)

    def show_comparison(self, comparison: Comparison) -> None:
        lang = self.app.lang
        self.comparison = comparison
        self.all = comparison.rows
        table = self.query_one(VirtualTable)
        table.cells_of = cells(comparison, lang=lang)
        new_titles = titles(comparison, lang=lang)
        if new_titles != table.titles:  # another set of shared targets: the columns measured anew
            table.titles = new_titles
            table.widths = [cell_len(t) for t in new_titles]
            table.measured = False
        table._cells.clear()  # the rows are new objects; their texts are drawn from the new comparison
        self.query_one(Vertical).border_title = city_view.headline(comparison, lang=lang)
        self.refilter()
        self.show_detail()

    # Keys

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        # / is a priority key (above): in the filter itself it is a character typed, as any other.
        if action == "focus_filter" and isinstance(self.focused, Input):
            return False
        return super().check_action(action, parameters)

    def action_focus_filter(self) -> None:
        # At once (Widget.focus waits for the messages already queued): the keys after / go to the filter.
        self.set_focus(self.query_one(Input))

    @on(Input.Submitted, ".list-filter")
    def filter_done(self, event: Input.Submitted) -> None:
        """Enter in the filter: the one district it leaves is opened; otherwise to the table."""
        event.stop()
        self.refilter()
        table = self.query_one(VirtualTable)
        words = self.query_one(Input).value.split()
        if words and len(table.rows) == 1:
            self.open_row(table.rows[0])
            return
        self.set_focus(table)

    def action_close(self) -> None:
        """Esc clears the filter; the city view is where the app starts, so it does not close."""
        self.query_one(Input).value = ""
        self.refilter()
        self.set_focus(self.query_one(VirtualTable))

    def action_help(self) -> None:
        """全市's own keys (and the table's), not a district's panes and cards, which work once a
        district is opened."""
        from .city_views import CITY_HELP
        from .help import HelpScreen

        self.app.push_screen(HelpScreen(self.app.help_rows(only=CITY_HELP)))

    # 全市's own views (screens/city_views.py): Enter in 动态 and 挂图 opens that district.

    async def action_show_changes(self) -> None:
        from .city_views import CityChanges

        await self.every_district()
        session = getattr(self.app, "session", None)
        today = session.today if session is not None else dt.date.today()
        self.app.push_screen(CityChanges(self.districts, today, getattr(self.app, "since", None),
                                         open_district=self.open_path))

    async def action_show_wall(self) -> None:
        from .city_views import CityWall

        await self.every_district()
        self.app.push_screen(CityWall(self.districts, self.what_if, open_district=self.open_path))

    async def action_show_supervision(self) -> None:
        from .city_views import CitySupervision

        await self.every_district()
        self.app.push_screen(CitySupervision(self.districts, self.what_if, open_district=self.open_path))

    def open_path(self, path) -> None:
        row = next((r for r in self.comparison.rows if r.district.path == path), None)
        if row is not None:
            self.open_row(row)

    def action_export(self) -> None:
        """全市 as an SVG picture in the working folder (in a browser, a download): App.save_picture."""
        from ...exchange.briefing_svg import svg

        title = fmt.clean(city_view.headline(self.comparison, lang=self.app.lang), single_line=True)
        self.app.save_picture("city", lambda: svg(self.app, title), [d.path for d in self.districts])

    # Opening a district

    @on(DistrictTable.Chosen)
    def chosen(self, event: DistrictTable.Chosen) -> None:
        self.open_row(event.row)

    @on(VirtualTable.Selected)
    def clicked(self, event: VirtualTable.Selected) -> None:
        self.open_row(event.table.rows[event.index])

    async def open_when_read(self, district: District) -> None:
        fresh = await asyncio.to_thread(city_view.read_one, district, lang=self.app.lang)
        self.districts = [fresh if d.path == fresh.path else d for d in self.districts]
        if getattr(self.app, "districts", None) is not None:
            self.app.districts = self.districts
        self.show_comparison(compare(self.districts, self.what_if, lang=self.app.lang))
        row = next(r for r in self.comparison.rows if r.district.path == fresh.path)
        self.open_row(row)

    def open_row(self, row: Row) -> None:
        district = next((d for d in self.districts if d.path == row.district.path), row.district)
        if district.pending:  # opened before its turn: read now, then opened
            self.run_worker(self.open_when_read(district), group="city-open")
            return
        if district.dashboard is None:
            self.notify(fmt.clean(district.problem), title=self.app.lang.tr("无法读取 {name}", name=district.path.name),
                        severity="error", markup=False, timeout=10)
            return
        if self.on_open is not None:
            self.app.call_later(self.on_open, district)  # it awaits the district's panes
