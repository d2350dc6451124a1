"""总览: a card per target with its progress against the time-elapsed share, warnings, headlines."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid
from textual.content import Content
from textual.widgets import Static

from ...core import fmt, progress
from ...views.account import assumed_day
from ...core.i18n import Lang
from ..widgets.cards import FigureGroup, verdict_text
from ..themes import ThemedStatic
from ..widgets.text import content, plain
from . import ComposedPane, Context, target_cards, target_course


def time_line(context: Context, assessed: list[progress.TargetProgress], bars: bool = True, *,
              lang: Lang) -> str:
    """How much of the year has passed, and at which date each target is judged; `bars`: where the
    progress bars mark it."""
    meta = context.dashboard.meta
    share = fmt.percent(progress.time_elapsed_share(context.as_of, meta.year))
    if context.what_if:
        return lang.tr("假设截至 {date}（--as-of），{year} 年已过 {share}：所有目标都按这一天判断",
                       date=context.as_of.isoformat(), year=meta.year, share=share)
    if fmt.month_only(context.as_of, meta):  # the source gives the month, no day
        line = lang.tr("截至 {date}，{year} 年已过 {share}（序时进度，按月末计，图中 ┃ 处）" if bars
                       else "截至 {date}，{year} 年已过 {share}（序时进度，按月末计）",
                       date=fmt.standing(context.as_of, meta, lang=lang), year=meta.year, share=share)
    else:
        line = lang.tr("截至 {date}，{year} 年已过 {share}（序时进度，图中 ┃ 处）" if bars
                       else "截至 {date}，{year} 年已过 {share}（序时进度）",
                       date=context.as_of.isoformat(), year=meta.year, share=share)
    if any(p.as_of != context.as_of for p in assessed if p.target.current is not None):
        line += lang.tr("；各目标按其数值的日期判断")
    return line


class OverviewPane(ComposedPane):
    DEFAULT_CSS = """
    OverviewPane { padding: 0 1; scrollbar-size-vertical: 1; scrollbar-gutter: stable; }
    OverviewPane .time-share { height: auto; color: $text-muted; }
    OverviewPane .plan-title { height: 1; }
    OverviewPane #targets { grid-size: 3; grid-gutter: 0 1; height: auto; }
    OverviewPane #warnings { height: auto; border: round $warning; padding: 0 1; }
    OverviewPane #warnings.-none { border: round $success; }
    OverviewPane #headlines { height: auto; }
    OverviewPane TargetCourse { height: 1fr; min-height: 9; }
    """

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        dashboard = self.context.dashboard
        meta = dashboard.meta
        assessed = [line.progress for line in self.context.account.sections[0].targets]
        line = time_line(self.context, assessed, lang=lang)
        if meta.title:
            yield Static(plain(lang.data(meta, "title"), "bold"), classes="plan-title")
        yield Static(Text(line), classes="time-share")
        with Grid(id="targets"):
            yield from target_cards(self.context, self.context.dashboard.targets, lang=lang)
        yield warnings_box(self.context, "warnings", every=self.app.picture, lang=lang)
        course = target_course(self.context, dashboard.targets)
        if course is not None:
            yield course
        headlines = self.context.dashboard.headlines
        if headlines:
            yield FigureGroup(lang.tr("要闻数据"), headlines, id="headlines")


OVERDUE_SHOWN = 3  # the oldest overdue steps listed in 预警; the rest are counted, and on the wall chart


def warnings_box(context: Context, box_id: str, every: bool = False, *, lang: Lang) -> Static:
    """预警, as the account says it: the targets behind their time-elapsed share, worst first, then
    the projects' steps overdue at the dashboard's date, the longest overdue first."""
    meta = context.dashboard.meta
    # A project's steps are judged at the newest news of the projects (or the what-if date), not at
    # a target's figure recorded later: that says nothing of a step, and must not make one overdue.
    acc = context.account
    at = acc.steps_at
    section = acc.section("overview")
    behind, overdue = section.behind, section.overdue
    # Content, not Rich Text: its colours are the theme's ($erqi-behind…), drawn again when it changes.
    lines = []
    for target_line in behind:
        item = target_line.progress
        line = content((lang.data(item.target, "name"), "bold"),
                       "  " + lang.tr("完成 {share}", share=fmt.completion(item, lang=lang)) + "  ",
                       verdict_text(item, lang=lang))
        if target_line.early is not None:  # the verdict rests on the day assumed: say so, and the other end
            assumed = assumed_day(item, target_line.early, lang=lang)
            line += content(((" " if not lang.english else "") + assumed, "dim"))
        lines.append(line)
    shown_steps = len(overdue) if every else OVERDUE_SHOWN  # a picture (export --format svg) lists every one
    for project, step in overdue[:shown_steps]:
        lines.append(content((lang.tr("逾期未报"), "bold $erqi-behind"), " ", (lang.data(project, "name"), "bold"),
                             " · ", lang.tr("{name}（计划 {when}，按 {date} 计）", name=lang.data(step, "name"),
                                            when=fmt.when(step.planned, lang=lang),
                                            date=fmt.standing(at, meta, lang=lang))))
    if len(overdue) > shown_steps:
        lines.append(content((lang.tr("另有 {count} 个逾期节点：按 g 看挂图作战", count=len(overdue) - shown_steps),
                              "$erqi-behind")))
    shown = Content("\n").join(lines) if lines else content((lang.tr("没有落后于序时进度的目标"), "$erqi-ahead"))
    box = ThemedStatic(shown, id=box_id)
    box.border_title = lang.tr("预警：落后于序时进度" if behind and not overdue else "预警")
    box.set_class(not lines, "-none")
    return box


PANE = OverviewPane  # what ui.app.pane_class shows for this pane id
