"""A target's course through the year: its burn-up chart beside the projection at the current pace
and the change since the last briefing (or --since). Shown on the overview and on a target's pane
for the focused target card, and in a target's history."""

from __future__ import annotations

from rich.text import Text
from textual.containers import Horizontal
from textual.content import Content
from textual.style import Style
from textual.widget import Widget
from textual.widgets import Static

from ...views import chart
from ...core import fmt, series
from ...core.i18n import Lang
from ...core.model import Dashboard
from ...views.account import TargetLine
from ..themes import Themed, themed
from .text import plain

BAR_STYLE = {"ahead": "$erqi-ahead", "behind": "$erqi-behind", "on_schedule": "$erqi-ahead", "unknown": "$erqi-unknown"}


def since_text(since: series.Since | None, year: int, *, lang: Lang) -> Text:
    """Which date changes are counted from, and why: "较 04-30（上次简报）"."""
    if since is None:
        return Text(lang.tr("尚无简报标记"), style="dim")
    why = lang.tr("（上次简报）") if since.briefing else lang.tr("（--since）")
    return Text(lang.tr("变化自 {date}{why}", date=fmt.short_date(since.date, year), why=why), style="dim")


def course_text(line: TargetLine, year: int, since: series.Since | None, compact: bool = False, *,
                lang: Lang) -> Text:
    """The projection and the change (from the pane account), a line each; `compact`: no name, and no
    line saying what changes are counted from."""
    return Text("\n").join(course_lines(line, year, since, compact, lang=lang))


def course_lines(line: TargetLine, year: int, since: series.Since | None, compact: bool = False, *,
                 lang: Lang) -> list[Text]:
    """course_text's lines."""
    target = line.target
    lines = [] if compact else [plain(lang.data(target, "name"), "bold")]
    found = line.projection
    if found is None:
        lines.append(Text(lang.tr("尚无数值，无从推算"), style="dim"))
    else:
        gap = lang.tr("缺口")
        parts = [Text.assemble((label, "dim"), " ", (value, "bold" if label == gap else ""))
                 for label, value in fmt.projection_parts(found, lang=lang)
                 if not (compact and label == gap and found.shortfall is None)]  # 无缺口: said by 年底预计
        lines += parts  # a line each: a compact chart's lines are cut, not wrapped, at its width
    if since is not None:
        diff = line.change
        lines.append(Text(fmt.change(diff, year, lang=lang)) if diff else
                     Text(lang.tr("较 {date} 无变化", date=fmt.short_date(since.date, year)), style="dim"))
    if not compact:
        lines.append(since_text(since, year, lang=lang))
    return lines


class BurnUp(Themed, Widget):
    """The chart itself, drawn to the size it is given."""

    DEFAULT_CSS = "BurnUp { width: 1fr; height: 1fr; }"

    def __init__(self, item: TargetLine, dashboard: Dashboard, as_of, **kwargs) -> None:
        super().__init__(**kwargs)
        self.dashboard, self.as_of = dashboard, as_of
        self.show(item)

    def show(self, item: TargetLine) -> None:
        """Draw `item`'s target; its values are gathered once, not at every redraw or resize."""
        self.item = item
        self.points = series.series(self.dashboard, item.target.id)
        self.refresh()

    def render(self) -> Text:
        return burn_up(self, self.item, self.points, self.dashboard, self.as_of,
                       self.content_size.width or 40, self.content_size.height or 8, lang=self.app.lang)


def burn_up(widget: Widget, item: TargetLine, points, dashboard: Dashboard, as_of, width: int, height: int, *,
            lang: Lang) -> Text:
    """`item`'s chart in `width` × `height` cells, in `widget`'s theme, with what its marks mean."""
    target = item.target
    year = dashboard.meta.year
    marks = chart.Marks(themed(widget, BAR_STYLE.get(item.progress.verdict, "$erqi-unknown")),
                        themed(widget, "bold $erqi-elapsed"), themed(widget, "bold $erqi-now"))
    legend = height >= 5  # what the marks mean, where the chart keeps three rows of its own
    drawn = chart.burn_up(points, target.target.value, year, as_of, width, height - legend, marks=marks,
                          label=fmt.quantity(target.target, unit=False, words=True, lang=lang), lang=lang)
    if legend:
        drawn.append("\n")
        drawn.append_text(chart.legend(fmt.quantity(target.target, words=True, lang=lang),
                                       fmt.short_standing(as_of, dashboard.meta, lang=lang), marks, width, lang=lang))
    return drawn


TEXT_WIDTH = 34  # the projection's column beside the chart, with the 2 cells between them


class TargetCourse(Themed, Horizontal):
    """The focused target's chart and what it projects to; `show(item)` switches target. Beside each
    other, one widget draws both (render), as the chart and a Static of TEXT_WIDTH cells would: a
    pane keeps two widgets fewer. Compact, under each other, they are two widgets (compose)."""

    DEFAULT_CSS = """
    TargetCourse { height: 10; border: round $primary-darken-1; padding: 0 1; }
    TargetCourse > .course-text { width: 34; height: auto; padding: 0 0 0 2; }
    TargetCourse.-compact { layout: vertical; height: 1fr; min-height: 8; }
    TargetCourse.-compact > .course-text { width: 1fr; padding: 0; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, item: TargetLine, dashboard: Dashboard, as_of, since: series.Since | None,
                 choices: list[TargetLine] = (), compact: bool = False, text_height: int | None = None,
                 **kwargs) -> None:
        """`choices`: the targets it may show, by the focused card of the same pane; `compact`: the
        projection under the chart (the big screen's grid of charts), each line whole or cut, never
        wrapped; `text_height`: the lines kept under the chart, the same for every chart
        of a grid so their baselines line up."""
        super().__init__(**kwargs)
        self.compact = compact
        self.text_height = text_height
        self.set_class(compact, "-compact")
        self.dashboard, self.as_of, self.since = dashboard, as_of, since
        self.item = item
        self.points = series.series(dashboard, item.target.id) if not compact else []
        self.choices = {c.target.id: c for c in choices or [item]}

    def compose(self):
        if not self.compact:
            return  # drawn by render
        yield BurnUp(self.item, self.dashboard, self.as_of)
        text = Static(course_text(self.item, self.dashboard.meta.year, self.since, self.compact, lang=self.app.lang),
                      classes="course-text")
        if self.text_height is not None:
            text.styles.height = self.text_height
        yield text

    def render(self) -> Content:
        """The chart, cut and wrapped at its width as a widget of its own would be, and beside it the
        projection wrapped at TEXT_WIDTH - 2 cells, both as tall as the box."""
        width, height = self.content_size
        chart_width = max(width - TEXT_WIDTH, 0)
        lang = self.app.lang
        drawn = Content.from_rich_text(burn_up(self, self.item, self.points, self.dashboard, self.as_of,
                                               chart_width, height, lang=lang)).wrap(chart_width) if chart_width else []
        text = Content.from_rich_text(course_text(self.item, self.dashboard.meta.year, self.since,
                                                  lang=lang)).wrap(TEXT_WIDTH - 2)
        # The 2 cells between are drawn apart, in the box's background: the text beside them is then a
        # piece of its own, as when each side was a widget (an SVG screenshot draws the blanks at the
        # head of a piece narrower than cells).
        gap = Content.styled("  ", Style(background=self.visual_style.background))
        rows = []
        for row in range(height):
            left = drawn[row] if row < len(drawn) else Content()
            right = text[row] if row < len(text) else Content()
            rows.append(left.pad_right(chart_width - left.cell_length) + gap + right)
        return Content("\n").join(rows)

    def on_mount(self) -> None:
        self.set_title()
        self.watch(self.screen, "focused", self.follow, init=False)

    def follow(self, focused: Widget | None) -> None:
        """Show the target whose card took the focus, when the card is on this pane."""
        from .cards import TargetCard

        if isinstance(focused, TargetCard) and focused.progress.target.id in self.choices \
                and self.parent is not None and self.parent in focused.ancestors:
            self.show(self.choices[focused.progress.target.id])

    def set_title(self) -> None:
        lang = self.app.lang
        self.border_title = plain(lang.tr("全年进程：{name}", name=lang.data(self.item.target, "name")))

    def show(self, item: TargetLine) -> None:
        if item.target.id == self.item.target.id:
            return
        self.item = item
        if self.compact:
            self.query_one(BurnUp).show(item)
            self.query_one(".course-text", Static).update(course_text(item, self.dashboard.meta.year, self.since,
                                                                      self.compact, lang=self.app.lang))
        else:
            self.points = series.series(self.dashboard, item.target.id)
            self.refresh()
        self.set_title()
