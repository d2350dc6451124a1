"""全市's own views, opened from 全市 with d, g and u: 动态 (every district's changes since its own
last briefing, the newest first), 挂图 (every district's overdue steps, by district) and 督办 (the
responsible units, by district). Each draws views.city_views' rows with the district views' own
cells (changes.cells, wall.timeline, the units' counts); `/` filters, `x` saves a picture, Enter
opens that district (督办: that unit's items, and from an item its district). They record nothing:
a read-only session has them too."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Static

from ...core import fmt
from ...core.i18n import Lang
from ...views import city as city_view
from ...views import city_views as views
from ...views.city import District
from ...views.supervision import KIND_NAMES, KINDS, unit_name
from ..actions import bindings
from ..widgets.table import VirtualTable
from .listed import ListedScreen


def _clean(text: str) -> str:
    return fmt.clean(text, single_line=True)


def what_if_mark(what_if: dt.date | None, *, lang: Lang) -> str:
    """With --as-of, what the title says first: every district judged at that date, not as it stands."""
    return city_view.what_if_note(what_if, lang=lang) if what_if else ""


class CityView(ListedScreen):
    """A list over every district: `open_district(path)` opens one (Enter), `x` saves the list as a
    picture named for 全市."""

    view = "city"
    DEFAULT_CSS = """
    CityView .list-count { height: auto; }
    """

    def __init__(self, districts: list[District], rows: list, titles: list[str], cells, *, title: str, keys: str,
                 placeholder: str, open_district=None) -> None:
        super().__init__(rows, titles, cells, title=title, keys=keys, placeholder=placeholder)
        self.districts = districts
        self.open_district = open_district
        self.unreadable = sum(1 for d in districts if d.dashboard is None)

    def left_out(self) -> str:
        """What the count line adds of the files that could not be read."""
        return self.app.lang.tr("；{count} 个文件无法读取，未列入", count=self.unreadable) if self.unreadable else ""

    def action_export(self) -> None:
        """The list as an SVG picture, titled with the city's headline and the view's title."""
        from ...exchange.briefing_svg import svg

        lang = self.app.lang
        headline = city_view.headline(city_view.compare(self.districts, lang=lang), lang=lang)
        title = _clean(f"{headline} — {self.title_text}")
        self.app.save_picture(self.view, lambda: svg(self.app, title), [d.path for d in self.districts])

    def action_help(self) -> None:
        from .help import HelpScreen

        self.app.push_screen(HelpScreen(self.app.help_rows(only=CITY_HELP)))

    def open_path(self, path) -> None:
        if self.open_district is not None:
            self.dismiss()
            self.open_district(path)


CITY_HELP = ("全市", "全市动态", "全市挂图", "全市督办", "督办明细")  # the help's scopes where 全市 is open


class CityChanges(CityView):
    """动态 across districts: each change with its district, what its list counts from (the district's
    last briefing, --since, or every change) and how long ago it was recorded."""

    BINDINGS = bindings("city-changes")
    view = "city-changes"

    def __init__(self, districts: list[District], today: dt.date, since: dt.date | None = None,
                 open_district=None) -> None:
        from .changes import COLUMNS, Row, cells as change_cells

        def cells(row: views.CityChange) -> list[str]:
            lang = self.app.lang
            return [_clean(row.source.label), views.since_text(row.since, lang=lang),
                    views.ago(row.change.at, today, lang=lang),
                    *change_cells(Row(row.change, None, row.name, ""), lang=lang)]

        lang = self.app.lang
        titles = [lang.tr("地区"), lang.tr("起算"), lang.tr("距今"), *(lang.tr(c) for c in COLUMNS)]
        super().__init__(districts, views.changes(districts, since, lang=lang), titles, cells,
                         title=lang.tr("全市动态：各地区自上次简报以来的更新，最近的在前"),
                         keys=lang.tr("/ 筛选 · Enter 打开地区 · x 导出 · Esc 返回全市"),
                         placeholder=lang.tr("按地区、目标、项目或记录人筛选…"), open_district=open_district)
        self.counted = len({row.source.path for row in self.all})

    def count_text(self, found: list, filtered: bool) -> str:
        lang = self.app.lang
        if not self.all:
            return lang.tr("各地区自上次简报以来都没有更新") + self.left_out()
        if filtered:
            return super().count_text(found, filtered)
        return lang.tr("{count} 条更新，来自 {districts}（没有简报的地区列出全部）", count=len(self.all),
                       districts=views.districts_text(self.counted, lang=lang)) + self.left_out()

    @on(VirtualTable.Selected)
    def chosen(self, event: VirtualTable.Selected) -> None:
        self.open_path(event.table.rows[event.index].source.path)


class CityWall(CityView):
    """挂图 across districts: every project with an overdue step, by district, its steps on the
    months of its district's year (● reached, ○ planned, ✗ overdue, │ the district's date), drawn
    as the district's wall chart draws them (wall.WallTable: the district and project and how late
    stay put while ← → move the months), the steps of the project under the cursor named in full
    under the table."""

    BINDINGS = bindings("city-wall")
    view = "city-wall"
    DEFAULT_CSS = """
    CityWall .wall-steps { height: auto; max-height: 4; padding: 0 1; border-top: solid $primary-darken-1; }
    """

    def __init__(self, districts: list[District], what_if: dt.date | None = None, open_district=None) -> None:
        from .wall import month_header, timeline

        def cells(row: views.OverdueProject) -> list[str]:
            lang = self.app.lang
            project = row.project
            late = [fmt.step(m, row.at, lang=lang) for m in project.overdue(row.at)]
            return [_clean(lang.tr("{district} · {project}", district=row.source.label,
                                   project=project_name(row, lang=lang))),
                    lang.tr("{days} 天", days=row.days), timeline(project, row.source.year, row.at), " · ".join(late),
                    _clean(project.responsible) or fmt.MISSING]

        # As wall.WallTable lays them out: the name and how late, then the months, then the rest.
        lang = self.app.lang
        titles = [lang.tr("地区 · 项目"), lang.tr("逾期"), month_header(), lang.tr("逾期节点"), lang.tr("责任单位")]
        super().__init__(districts, views.overdue(districts, what_if, lang=lang), titles, cells,
                         title=what_if_mark(what_if, lang=lang) + lang.tr("全市挂图：各地区的逾期节点，按地区"),
                         keys=lang.tr("/ 筛选 · Enter 打开地区 · x 导出 · Esc 返回全市"),
                         placeholder=lang.tr("按地区、项目、单位或节点筛选…"), open_district=open_district)
        self.with_steps = views.with_steps(districts)
        self.searched: dict[tuple, str] = {}

    def compose_list(self) -> ComposeResult:
        from .wall import WallTable

        yield Static(self.app.lang.tr("● 已完成  ○ 计划  ✗ 逾期未报  ◂▸ 上年/下年  │ 该地区的日期  · ← → 移动月份"),
                     classes="list-count")
        yield WallTable(self.titles, self.cells)
        yield Static(classes="wall-steps")

    def on_mount(self) -> None:  # after ListedScreen's, which fills the table
        self.watch(self.query_one(VirtualTable), "cursor_row", self.show_steps, init=False)
        self.call_after_refresh(self.show_steps)

    def show_steps(self) -> None:
        """The steps of the project under the cursor, named in full under the table."""
        from .wall import steps_text

        table = self.query_one(VirtualTable)
        steps = self.query_one(".wall-steps", Static)
        if table.rows:
            row = table.rows[min(table.cursor_row, len(table.rows) - 1)]
            steps.update(steps_text(row.project, row.at, lang=self.app.lang))
        else:
            steps.update("")

    @on(Input.Changed, ".list-filter")
    def steps_after_filter(self) -> None:
        self.call_after_refresh(self.show_steps)

    def search_text(self, row: views.OverdueProject) -> str:
        key = (row.source.path, row.project.id)
        text = self.searched.get(key)
        if text is None:
            project = row.project
            words = [row.source.label, row.source.path.name, project.name, project_name(row, lang=self.app.lang),
                     project.responsible, *(m.name for m in project.milestones)]
            text = self.searched[key] = "\n".join(words).lower()
        return text

    def count_text(self, found: list, filtered: bool) -> str:
        steps = sum(r.steps for r in found)
        districts = len({r.source.path for r in found})
        lang = self.app.lang
        if not self.all:
            return lang.tr("{count} 个有节点的项目都没有逾期", count=self.with_steps) + self.left_out()
        text = lang.tr("{count} 个项目 {steps}，在 {districts}", count=len(found),
                       steps=lang.tr("{count} 个节点逾期", count=steps), districts=views.districts_text(districts, lang=lang))
        if not filtered:
            text += lang.tr("（共 {count} 个项目列有节点）", count=self.with_steps) + self.left_out()
        return text

    @on(VirtualTable.Selected)
    def chosen(self, event: VirtualTable.Selected) -> None:
        self.open_path(event.table.rows[event.index].source.path)


def project_name(row: views.OverdueProject, *, lang: Lang) -> str:
    return lang.data(row.project, "name")


class CitySupervision(CityView):
    """督办 across districts: each district's responsible units with what is late or open, by district;
    Enter lists a unit's items (督办明细), and Enter on an item opens its district."""

    BINDINGS = bindings("city-supervision")
    view = "city-supervision"

    def __init__(self, districts: list[District], what_if: dt.date | None = None, open_district=None) -> None:
        def cells(row: views.CityUnit) -> list[str]:
            unit = row.unit
            return [_clean(row.source.label), _clean(unit_name(unit, lang=self.app.lang)),
                    *(str(len(unit.of(k))) for k in KINDS), str(unit.total), row.at.isoformat()]

        lang = self.app.lang
        titles = [lang.tr("地区"), lang.tr("责任单位"), *(lang.tr(KIND_NAMES[k]) for k in KINDS), lang.tr("合计"),
                  lang.tr("截至")]
        super().__init__(districts, views.units(districts, what_if, lang=lang), titles, cells,
                         title=what_if_mark(what_if, lang=lang) + lang.tr("全市督办：各地区责任单位的逾期与未办事项"),
                         keys=lang.tr("/ 筛选 · Enter 明细 · x 导出 · Esc 返回全市"),
                         placeholder=lang.tr("按地区或单位筛选…"), open_district=open_district)

    def search_text(self, row: views.CityUnit) -> str:
        return f"{row.source.label}\n{row.source.path.name}\n{unit_name(row.unit, lang=self.app.lang)}".lower()

    def count_text(self, found: list, filtered: bool) -> str:
        lang = self.app.lang
        if not self.all:
            return lang.tr("各地区都没有逾期的节点或任务、未办的诉求或落后于序时进度的目标") + self.left_out()
        districts = len({r.source.path for r in found})
        text = lang.tr("{count} 个单位有逾期、未办或落后事项，在 {districts}", count=len(found),
                       districts=views.districts_text(districts, lang=lang))
        return text + ("" if filtered else self.left_out())

    @on(VirtualTable.Selected)
    def chosen(self, event: VirtualTable.Selected) -> None:
        from .supervision import UnitItems

        row = event.table.rows[event.index]
        items = UnitItems(row.unit, on_open=lambda kind, ident: self.open_from(items, row.source.path))
        items.title_text = self.app.lang.tr("督办：{district} · {unit}", district=_clean(row.source.label),
                                            unit=unit_name(row.unit, lang=self.app.lang))
        self.app.push_screen(items)

    def open_from(self, items: UnitItems, path) -> None:
        """Enter on one of a unit's items: that district opened, as Enter in 动态 and 挂图 opens it."""
        items.dismiss()
        self.open_path(path)
