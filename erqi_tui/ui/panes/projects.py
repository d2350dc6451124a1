"""重点项目: the headline figures of major projects and a sortable, filterable table of named projects."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from ...core import fmt
from ...views import listing
from ...core.i18n import Lang
from ...core.model import grouped
from ..widgets.cards import FigureGroup
from ..widgets.requests import EditRequested, HistoryRequested, OpenRequested
from ..widgets.table import VirtualTable
from ..widgets.text import plain
from . import Context, target_cards
from ..actions import bindings


class ProjectTable(VirtualTable):
    """The project table; Enter opens the detail of the row under the cursor."""

    BINDINGS = bindings("project-table")

    def __init__(self, dashboard, **kwargs) -> None:
        lang = self.app.lang  # built anew with its pane when the language changes
        super().__init__([lang.tr(c.title) for c in listing.COLUMNS], self.cells_in(dashboard, lang=lang), **kwargs)

    @staticmethod
    def cells_in(dashboard, *, lang: Lang):
        return lambda project: [c.cell(dashboard, project, lang=lang) for c in listing.COLUMNS]

    @property
    def selected_id(self) -> str | None:
        return self.rows[self.cursor_row].id if self.rows else None

    def get_row_at(self, index: int) -> list[str]:
        return self.cells(index)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        return self.app.offers(action, self.BINDINGS)

    def action_edit(self) -> None:
        if self.selected_id:
            self.post_message(EditRequested("project", self.selected_id))

    def action_history(self) -> None:
        if self.selected_id:
            self.post_message(HistoryRequested("project", self.selected_id))


class ProjectsPane(Vertical):
    BINDINGS = bindings("projects")
    DEFAULT_CSS = """
    ProjectsPane { padding: 0 1; }
    ProjectsPane #summary { height: auto; }
    ProjectsPane #summary > * { width: 1fr; }
    ProjectsPane #filter { height: 3; margin: 0; }
    ProjectsPane #sort-state { height: 1; color: $text-muted; }
    ProjectsPane ProjectTable { height: 1fr; min-height: 4; }
    """

    def __init__(self, context: Context, **kwargs) -> None:
        super().__init__(**kwargs)
        self.context = context
        self.sort: str | None = None
        self.reverse = False
        self.pending: dict | None = None  # state to restore once mounted (after a reload)
        self.search: list | None = None  # the filter's search texts, built on the first keystroke
        self.shown_query: str | None = None  # the filter text the table was last filled for

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "back":  # nothing to go back from or clear: Esc is left to the app (全市)
            filter_input = self.query_one("#filter", Input)
            return filter_input.has_focus or bool(filter_input.value)
        return self.app.offers(action, self.BINDINGS)

    def compose(self) -> ComposeResult:
        dashboard = self.context.dashboard
        summary = self.summary()
        if summary is not None:
            yield summary
        filter_input = Input(placeholder=self.app.lang.tr("筛选：输入名称、状态、道路、位置…（按 / 聚焦，Esc 返回表格）"),
                             id="filter")
        filter_input.cursor_blink = False
        yield filter_input
        yield Static(id="sort-state")
        yield ProjectTable(dashboard, id="projects")

    def summary(self) -> Horizontal | None:
        """The pane's targets and figures above the table, if the file puts any here."""
        dashboard = self.context.dashboard
        targets = dashboard.targets_on("projects")
        groups = grouped(dashboard.figures_on("projects"))
        if not targets and not groups:
            return None
        return Horizontal(*target_cards(self.context, targets, lang=self.app.lang),
                          *(FigureGroup(group, figures) for group, figures in groups), id="summary")

    def summary_source(self) -> tuple:
        """What the summary is drawn from: when a reload leaves it alike, the summary stays."""
        dashboard = self.context.dashboard
        return (dashboard.meta, dashboard.targets_on("projects"), dashboard.figures_on("projects"),
                self.context.what_if, self.context.since,
                {ident for project in dashboard.projects for ident in project.counts_for})

    async def update_dashboard(self, context: Context) -> None:
        """A reload: the new data shown in this pane, whose filter, order, selected row and scroll
        stay; the summary is built again only if what it is drawn from changed."""
        before = self.summary_source()
        self.context, self.search = context, None
        if self.summary_source() != before:
            await self.query_children("#summary").remove()
            summary = self.summary()
            if summary is not None:
                await self.mount(summary, before=0)
        self.table.set_cells(ProjectTable.cells_in(context.dashboard, lang=self.app.lang))
        self.refill()  # the table scrolls only if the selected row has left the rows in view

    def on_mount(self) -> None:
        if self.pending:
            self.query_one("#filter", Input).value = self.pending["filter"]
        self.refill(select=self.pending["row"] if self.pending else None)
        self.pending = None

    def state(self) -> dict:
        """What a reload keeps: filter, order, selected row."""
        return {"filter": self.query_text, "sort": self.sort, "reverse": self.reverse,
                "row": self.table.selected_id}

    def restore(self, state: dict) -> None:
        self.sort, self.reverse, self.pending = state["sort"], state["reverse"], state

    def action_new_project(self) -> None:
        self.post_message(EditRequested("project", None))

    @property
    def table(self) -> ProjectTable:
        return self.query_one(ProjectTable)

    @property
    def query_text(self) -> str:
        return self.query_one("#filter", Input).value

    def refill(self, select: str | None = None) -> None:
        """Show the projects that match the filter, in the chosen order, keeping the selected row."""
        dashboard = self.context.dashboard
        table = self.table
        selected = select or table.selected_id
        index = self.search_index() if self.query_text.strip() else None
        self.shown_query = self.query_text
        shown = listing.rows(dashboard, self.query_text, self.sort, self.reverse, index=index, lang=self.app.lang)
        cursor = next((i for i, p in enumerate(shown) if p.id == selected), 0)
        table.set_rows(shown, cursor=cursor)
        self.show_state(len(shown), listing.other_units(dashboard, shown, self.sort))

    def show_state(self, count: int, other_units: list[str] = ()) -> None:
        lang = self.app.lang
        total = len(self.context.dashboard.projects)
        text = Text(lang.tr("{count} / {total} 个项目", count=fmt.number(count), total=fmt.number(total)))
        if self.sort:
            title = lang.tr(next(c.title for c in listing.COLUMNS if c.key == self.sort))
            text.append(lang.tr(" · 按“{title}”{order}", title=title, order=lang.tr("降序" if self.reverse else "升序")))
            if other_units:
                text.append_text(plain(lang.tr("（不能换算的单位排在后面：{units}）", units=lang.tr("、").join(other_units))))
        if self.query_text:
            text.append(lang.tr(" · 筛选："))
            text.append_text(plain(self.query_text))
        self.query_one("#sort-state", Static).update(text)

    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        if self.query_text != self.shown_query:  # not the filter restored after a reload, shown already
            self.refill()

    @on(Input.Submitted, "#filter")
    def filter_done(self) -> None:
        self.table.focus()

    def action_back(self) -> None:
        # Esc in the filter box goes back to the table (keeping the filter); a second Esc clears it.
        filter_input = self.query_one("#filter", Input)
        if filter_input.has_focus:
            self.table.focus()
        elif filter_input.value:
            filter_input.value = ""

    @on(VirtualTable.HeaderClicked)
    def header_clicked(self, event: VirtualTable.HeaderClicked) -> None:
        key = listing.COLUMNS[event.column].key
        self.reverse = not self.reverse if self.sort == key else False
        self.sort = key
        self.refill()

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def search_index(self) -> list:
        if self.search is None:
            self.search = listing.search_index(self.context.dashboard, lang=self.app.lang)
        return self.search

    def on_descendant_focus(self, event) -> None:
        # Build the search texts when the filter box is entered, not on the first keystroke.
        if event.widget.id == "filter":
            self.search_index()

    def action_sort_next(self) -> None:
        keys = [c.key for c in listing.COLUMNS]
        self.sort = keys[(keys.index(self.sort) + 1) % len(keys)] if self.sort else keys[0]
        self.reverse = False
        self.refill()

    def action_sort_reverse(self) -> None:
        if self.sort is None:
            self.sort = listing.COLUMNS[0].key
        self.reverse = not self.reverse
        self.refill()

    @on(VirtualTable.Selected)
    def open_detail(self, event: VirtualTable.Selected) -> None:
        self.post_message(OpenRequested("project", self.table.rows[event.index].id))


PANE = ProjectsPane  # what ui.app.pane_class shows for this pane id
