"""Cards: a target with its progress, and a group of figures (as bars when a comparison helps)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.containers import Horizontal
from textual.geometry import Size
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from ...core import fmt
from ...core.i18n import Lang
from ...core.model import Figure
from ...core.progress import AHEAD, BEHIND, ON_SCHEDULE, TargetProgress, is_stale
from ...views.account import verdict_words
from .bars import progress_line
from .requests import DrillRequested, EditRequested, HistoryRequested
from .text import join, plain
from ..actions import bindings
from ..themes import Themed, themed

# In the theme's colours ($erqi-ahead…, ui/themes.py); bold: bright in 16 colours.
VERDICT_STYLE = {AHEAD: "bold $erqi-ahead", BEHIND: "bold $erqi-behind", ON_SCHEDULE: "bold", "unknown": "dim"}


def verdict_text(progress: TargetProgress, *, lang: Lang) -> Content:
    """The verdict in its colour, for a Static: drawn in the theme's colour, again when it changes."""
    return Content.styled(verdict_words(progress, lang=lang), VERDICT_STYLE[progress.verdict])


def verdict_rich(progress: TargetProgress, widget: Widget) -> Text:
    """The verdict as Rich Text in the theme's colour, for a widget's render(), in its app's language."""
    # Styled as a span, not as the Text's base style, which Textual drops for some colours.
    return Text().append(verdict_words(progress, lang=widget.app.lang),
                         style=themed(widget, VERDICT_STYLE[progress.verdict]))


class TargetCard(Themed, Widget, can_focus=True):
    """A target: value / target with unit and its trend, a progress bar with the 序时进度 marker,
    ahead or behind. Focus it (Tab or click) to update it or see its history.

    One widget drawing four lines, not a container of four: the overview starts faster."""

    BINDINGS = bindings("target")
    DEFAULT_CSS = """
    TargetCard { height: 6; border: round $primary; padding: 0 1; }
    TargetCard.-behind { border: round $warning; }
    TargetCard:focus { border: double $accent; }
    """

    def __init__(self, progress: TargetProgress, trend: list[float] = (), newest=None, change: tuple[str, ...] = (),
                 listed: bool = False, **kwargs) -> None:
        """`newest`: the date the dashboard stands at; the card names its own date where it differs.
        `change`: since the last briefing or --since, its forms longest first ("较 04-30 +32.1 亿元",
        "+32.1"): the longest that fits follows the verdict. `listed`: the file names projects that
        count towards it (p lists them; the key is offered only then)."""
        super().__init__(**kwargs)
        self.listed = listed
        self.progress = progress
        self.change = change
        self.trend = list(trend)
        self.newest = newest
        lang = self.app.lang  # a card is built anew when the language changes (its pane is)
        self.border_title = plain(lang.data(progress.target, "name"))
        # The whole name (a narrow card cuts its title with …), then the target's note.
        tip = plain(lang.data(progress.target, "name"), "bold")
        if progress.target.note:
            tip.append("\n").append_text(plain(lang.data(progress.target, "note"), single_line=False))
        self.tooltip = tip
        self.set_class(progress.verdict == BEHIND, "-behind")

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The four lines render draws (value, bar, 完成, verdict), at any width. Asked by the grid
        of cards as it lays them out, before a card has a place: render, which asks the card's
        width, then had the whole screen laid out again to find it (5 ms of the first frame)."""
        return 4

    def render(self) -> Text:
        lang = self.app.lang
        p = self.progress
        target = p.target
        value = join((fmt.quantity(target.current, unit=False, lang=lang), "bold"), " / ",
                     fmt.quantity(target.target, words=True, lang=lang))
        done = Text(lang.tr("完成 {share}", share=fmt.completion(p, lang=lang)))
        # What else the line says, most important first, each in the longest form that fits: the
        # date its figure stands at (where it is not the dashboard's) and whether that is stale,
        # then the trend.
        width = self.content_size.width
        choices: list[list[list[tuple[str, str]]]] = []
        if p.as_of and self.newest and p.as_of != self.newest and target.current is not None:
            date = fmt.short_date(p.as_of, self.newest.year)
            if is_stale(p.as_of, self.newest):
                style = themed(self, "bold $erqi-behind")
                choices.append([[(lang.tr(" · 截至 {date}", date=date) + lang.tr(" 待更新"), style)],
                                [(f" · {date}" + lang.tr(" 待更新"), style)], [(f" · {date}" + lang.tr(" 旧"), style)]])
            else:
                choices.append([[(lang.tr(" · 截至 {date}", date=date), "dim")], [(f" · {date}", "dim")]])
        spark = fmt.sparkline(self.trend)
        if spark:
            figure = themed(self, "$erqi-figure")
            choices.append([[(lang.tr("  趋势 "), "dim"), (spark, figure)], [(" ", ""), (spark, figure)]])
        for forms in choices:
            form = next((f for f in forms if done.cell_len + sum(cell_len(t) for t, _ in f) <= width), [])
            for text, style in form:
                done.append(text, style=style)
        verdict = verdict_rich(p, self)
        # The change since the last briefing, whole ("较 06-30 +32.1 亿元") or its amount alone.
        fits = [c for c in self.change if c and verdict.cell_len + 2 + cell_len(c) <= width]
        if fits:
            verdict.append("  " + fits[0], style=themed(self, "$erqi-figure"))
        lines = [value, progress_line(p.completion, p.time_share, width, themed(self, VERDICT_STYLE[p.verdict])),
                 done, verdict]
        for line in lines:  # a line too long for the card is cut, never pushes the verdict out
            line.truncate(width, overflow="ellipsis")
        card = Text("\n").join(lines)
        card.no_wrap = True
        return card

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "projects":
            return self.listed
        return self.app.offers(action, self.BINDINGS)

    def action_edit(self) -> None:
        self.post_message(EditRequested("target", self.progress.target.id))

    def action_history(self) -> None:
        self.post_message(HistoryRequested("target", self.progress.target.id))

    def action_projects(self) -> None:
        self.post_message(DrillRequested("target", self.progress.target.id))


class TargetRow(Horizontal):
    """A pane's target cards side by side, sharing the width."""

    DEFAULT_CSS = """
    TargetRow { height: auto; }
    TargetRow > TargetCard { width: 1fr; }
    """

    def __init__(self, cards: list[TargetCard], **kwargs) -> None:
        super().__init__(*cards, **kwargs)


def figure_tile(figure: Figure, *, lang: Lang) -> Text:
    """The quantity, bold, over its label: "526 个" / "政务服务事项“免证可办”"."""
    tile = plain(fmt.quantity(figure.quantity, words=True, lang=lang), "bold")
    tile.append("\n")
    tile.append_text(plain(lang.data(figure, "label"), "dim"))
    return tile


class FigureGroup(Static):
    """Figures under one title, as tiles: a figure without a target is not drawn as a bar, which reads
    as progress (526 / 125 / 233 service items filled a bar to the largest as if it were 100%). As
    many tiles to a row as fit whole (at most three): a narrow box gets fewer columns, not figures
    cut from their unit or labels cut short.

    One widget drawing its tiles, not a box holding a widget of tiles: each widget is some 25 kB of
    every session's memory."""

    DEFAULT_CSS = """
    FigureGroup { width: 1fr; height: auto; border: round $primary-darken-1; padding: 0 1; }
    """

    def __init__(self, title: str, figures: tuple[Figure, ...], **kwargs) -> None:
        super().__init__(**kwargs)
        self.figures = figures
        if figures and title == figures[0].group:
            title = self.app.lang.data(figures[0], "group")  # a group named in the data file: its English if given
        if title:
            self.border_title = plain(title)

    def render(self) -> Table | Text:
        if not self.figures:
            return Text(fmt.MISSING)
        width = self.content_size.width or 3 * TILE_WIDTH
        lang = self.app.lang
        widths = tile_widths(self.figures, width, lang=lang)
        return tiles(self.figures, len(widths), widths, lang=lang)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Two lines a row of tiles, as many rows as the columns that fit in `width` make: worked out
        for the width the layout gives, where render's would take 48 cells before the first layout
        (two columns, a row too many: the 总览 at 100x30 then showed a scrollbar, drawn and taken
        away again, three frames for the first)."""
        if not self.figures:
            return 1
        columns = len(tile_widths(self.figures, width, lang=self.app.lang))
        return 2 * -(-len(self.figures) // columns)

    def on_resize(self) -> None:
        self.refresh(layout=True)


TILE_WIDTH = 16  # cells a tile needs to show 107.04 亿元 or 一季度完成投资 whole


def tile_widths(figures: tuple[Figure, ...], width: int, *, lang: Lang) -> list[int]:
    """The widths of the columns of tiles: the most columns (up to three, TILE_WIDTH cells each at
    least) in which every figure and its label fit whole in `width` cells, the spare cells shared
    evenly; one column if none does."""
    needs = [max(cell_len(fmt.clean(lang.data(f, "label"), single_line=True)),
                 cell_len(fmt.quantity(f.quantity, words=True, lang=lang))) for f in figures]
    for columns in range(max(1, min(3, width // TILE_WIDTH, len(figures))), 1, -1):
        widths = [max(needs[start::columns]) for start in range(columns)]
        spare = width - sum(widths) - 4 * (columns - 1)  # the grid pads each side of a column by 2
        if spare >= 0:  # shared evenly, as far as it goes
            return [need + spare // columns for need in widths]
    return [width]


def tiles(figures: tuple[Figure, ...], columns: int = 3, widths: list[int] = (), *,
          lang: Lang) -> Table:
    """Figures as tiles, `columns` to a row, `widths` cells each (else sharing the width evenly):
    one renderable rather than a widget per tile."""
    table = Table.grid(expand=not widths, padding=(0, 2))
    for column in range(columns):
        # Cut with … rather than folded: folding split 一季度完成投/资 and 107.04/亿元 mid-word.
        if widths:
            table.add_column(width=widths[column], overflow="ellipsis", no_wrap=True)
        else:
            table.add_column(ratio=1, overflow="ellipsis", no_wrap=True)
    for start in range(0, len(figures), columns):
        row = [figure_tile(f, lang=lang) for f in figures[start:start + columns]]
        table.add_row(*row, *[Text()] * (columns - len(row)))
    return table
