"""One account of what each pane says, worked out once per dashboard state: sections of typed rows
(each target's figures with their units and bounds, its verdict, the date it is judged at, the
projection, the change since the last briefing, who answers for it and the source; the figures,
stages, events, axes and projects a pane shows). The screen and every export (md, html, csv, json,
xlsx, docx) render this account and work out no figure of their own, so a fact added here appears
in every output that shows its section. No Textual.

Texts that come from the data file stay as written (the renderer shows them in the reader's
language with lang.data); what is worked out (verdicts, projections, changes) stays typed, not text.
"""

import datetime as dt
from collections import Counter
from typing import NamedTuple

from ..core import fields, fmt, progress, series
from ..core.model import PANE_IDS, Axis, Dashboard, Event, Figure, Initiative, Milestone, Project, Quantity, Stage, Target, grouped
from ..core.i18n import Lang
from ..core.progress import TargetProgress
from ..core.series import Difference, Projection, Since


class TargetLine(NamedTuple):
    """A target as every output shows it: `progress` (completion, 序时进度, verdict, the date it is
    judged at), the projection at the current pace, and the change since `since` (None without)."""
    progress: TargetProgress
    projection: Projection | None
    change: Difference | None
    # Where the source gives only the month (as_of = "2024-05") and the verdict would differ on its
    # first day: the target judged then. The verdict rests on the day assumed, and says so.
    early: TargetProgress | None = None

    @property
    def target(self) -> Target:
        return self.progress.target


def month_name(month: int, *, lang: Lang) -> str | int:
    """A month as a sentence names it: 5 (按5月初) in Chinese, May in English."""
    return fmt.MONTH_NAMES[month - 1] if lang.english else month


def verdict_words(p: TargetProgress, *, lang: Lang) -> str:
    """"超前 1.7 个百分点" / "落后 5.7 个百分点" / "持平（与序时进度一致）" / "进度未知"."""
    word = lang.tr(progress.VERDICT_WORD[p.verdict])
    if p.gap is None or p.verdict == progress.ON_SCHEDULE:
        return word + (lang.tr("（与序时进度一致）") if p.verdict == progress.ON_SCHEDULE else "")
    return f"{word} {fmt.points(p.gap, signed=False, lang=lang)}"


def at_month_start(p: TargetProgress, dashboard: Dashboard, what_if: dt.date | None) -> TargetProgress | None:
    """`p` judged on its month's first day, where the source gives only the month (not in a what-if)
    and the verdict would differ: TargetLine.early."""
    if what_if or not fmt.month_only(p.as_of, dashboard.meta):
        return None
    return progress.at_month_start(p, dashboard.meta.year)


def assumed_day(p: TargetProgress, early: TargetProgress | None, *, lang: Lang) -> str:
    """"（按月末计；按5月初计为超前 2.4 个百分点）" where the verdict rests on the month's end the
    source never gave (`early` from at_month_start); "" where it does not. The screen's 预警 and
    every export's say it alike."""
    if early is None:
        return ""
    text = lang.tr("（按月末计；按{month}月初计为{verdict}）", month=month_name(p.as_of.month, lang=lang),
                   verdict=verdict_words(early, lang=lang))
    return " " + text if lang.english else text


def overdue_words(step: Milestone, acc: "Account", *, lang: Lang) -> str:
    """"逾期未报（计划 2025-09，按 2025-11-30 计）": a step overdue at the account's steps date, as the
    screen's 预警 says it (Markdown, HTML, the workbook's 预警 sheet)."""
    return lang.tr("逾期未报（计划 {when}，按 {date} 计）", when=fmt.when(step.planned, lang=lang),
                   date=fmt.standing(acc.steps_at, acc.dashboard.meta, lang=lang))


class FigureBlock(NamedTuple):
    """Figures shown together: a group (its name from the first figure's group) or a pane's loose
    figures (`group` empty)."""
    group: str
    figures: tuple[Figure, ...]


class Section(NamedTuple):
    """What one pane says."""
    pane: str
    targets: tuple[TargetLine, ...]  # the targets it shows (every target, on 总览)
    behind: tuple[TargetLine, ...]  # 预警: those behind schedule, furthest first (总览 only)
    figures: tuple[FigureBlock, ...]  # its figures by group (总览: the headline figures)
    stages: tuple[Stage, ...] = ()  # 项目推进 (招商引资)
    events: tuple[Event, ...] = ()  # 大事记, in date order (招商引资)
    axes: tuple[tuple[Axis, tuple[Project, ...]], ...] = ()  # each axis and the projects on it (layout)
    projects: tuple[Project, ...] = ()  # 重点项目
    initiatives: tuple[Initiative, ...] = ()  # 举措: what the source reports done, with no figure
    # 预警 (总览 only): each project's steps overdue at Account.steps_at, the longest overdue first
    overdue: tuple[tuple[Project, Milestone], ...] = ()


class Account(NamedTuple):
    """The dashboard as every output shows it, at one date, with changes counted from `since`."""
    dashboard: Dashboard
    as_of: dt.date  # the date the figures are judged at: the what-if date, or the newest figure's
    what_if: dt.date | None
    time_share: float  # 序时进度 at `as_of`
    since: Since | None
    sections: tuple[Section, ...]
    # The date projects' steps are judged at (the 预警's overdue steps): the what-if date, or the
    # newest news of a project or task, never a target's figure recorded later.
    steps_at: dt.date | None = None

    def section(self, pane: str) -> Section | None:
        return next((s for s in self.sections if s.pane == pane), None)

    def line(self, target_id: str) -> TargetLine | None:
        """A target's line, wherever it is shown."""
        overview = self.section("overview")
        for section in ((overview,) if overview else ()) + self.sections:
            for line in section.targets:
                if line.target.id == target_id:
                    return line
        return None


def stage_words(stage: Stage, *, lang: Lang) -> tuple[str, str]:
    """(the set of projects a stage counts, its figure in the source's words): ("产业项目（招商引资）",
    "新签约产业项目"); a stage of a plain funnel has no set and is named by its status (签约)."""
    return ((lang.data(stage, "group") if stage.group else ""),
            (lang.data(stage, "label") if stage.label else lang.data(stage, "name")))


_kept: list = [None, None]  # (the arguments, the account) last worked out: it holds no words, so no language


def account(dashboard: Dashboard, what_if: dt.date | None = None, pane: str | None = None,
            since: Since | None = None) -> Account:
    """What each pane says (every pane, or only `pane`), worked out once for a dashboard state: the
    same dashboard, date, pane and `since` asked again (the screen and an export, a redraw) is
    answered from the one kept."""
    key = (dashboard, what_if, pane, since)
    if _kept[0] is not None and all(a is b or (a == b and not isinstance(a, Dashboard))
                                    for a, b in zip(_kept[0], key)):
        return _kept[1]
    result = _work_out(dashboard, what_if, pane, since)
    _kept[:] = [key, result]
    return result


def _work_out(d: Dashboard, what_if: dt.date | None, pane: str | None, since: Since | None) -> Account:
    year = d.meta.year
    steps_at = what_if or d.steps_as_of
    lines: dict[str, TargetLine] = {}
    for p in progress.assess_all(d.targets, d, what_if):
        early = at_month_start(p, d, what_if)
        lines[p.target.id] = TargetLine(p, series.projection(p.target, p.as_of, year),
                                        series.difference(d, p.target.id, since) if since else None, early)
    every = tuple(lines[t.id] for t in d.targets)
    by_gap = {id(p): line for line in every for p in (line.progress,)}
    behind = tuple(by_gap[id(p)] for p in progress.warnings([line.progress for line in every]))

    def figures(items: tuple[Figure, ...]) -> tuple[FigureBlock, ...]:
        return tuple(FigureBlock(group, tuple(found)) for group, found in grouped(items))

    sections = []
    for pane_id in ([pane] if pane else PANE_IDS):
        if pane_id == "overview":
            sections.append(Section("overview", every, behind, figures(d.headlines), overdue=overdue(d, steps_at)))
            continue
        shown = tuple(lines[t.id] for t in d.targets_on(pane_id))
        section = Section(pane_id, shown, (), figures(d.figures_on(pane_id)), initiatives=d.initiatives_on(pane_id))
        if pane_id == "investment":
            section = section._replace(stages=stages_in_force(d.stages, lines, d.projects), events=tuple(d.events_in_order))
        elif pane_id == "layout":
            section = section._replace(axes=tuple((a, tuple(d.projects_on(a.id))) for a in d.layout.axes))
        elif pane_id == "projects":
            section = section._replace(projects=d.projects)
        sections.append(section)
    as_of = what_if or d.as_of
    return Account(d, as_of, what_if, progress.time_elapsed_share(as_of, year), since, tuple(sections), steps_at)


def stages_in_force(stages: tuple[Stage, ...], lines: dict[str, TargetLine],
                    projects: tuple[Project, ...] = ()) -> tuple[Stage, ...]:
    """The pipeline's stages, where a stage is a target's own figure (its `target`: 新签约产业项目) with
    the target's value at the account's date: one figure has one answer, not the file's 13 beside the
    20 recorded since for the same target. Where the file gives the funnel no counts at all and its
    projects have statuses, a stage counts the projects at it (the list is then the only account of
    the funnel there is: 在谈 — beside twelve projects 在谈 told nothing)."""
    bare = bool(stages) and not any(s.count is not None or s.group or s.target for s in stages)
    at = Counter(p.status for p in projects) if bare else Counter()  # the projects by status, counted once
    listed = any(at[s.name] for s in stages)
    shown = []
    for stage in stages:  # a stage the file gives no count (计划年内竣工投产: the plan) stays the plan
        if listed:
            shown.append(stage._replace(count=Quantity(at[stage.name], "个")))
            continue
        line = lines.get(stage.target) if stage.target and stage.count is not None else None
        current = line.progress.target.current if line is not None else None
        shown.append(stage._replace(count=current) if current is not None else stage)
    return tuple(shown)


def overdue(d: Dashboard, at: dt.date) -> tuple[tuple[Project, Milestone], ...]:
    """(project, step) for each project's step overdue at `at`, the longest overdue first."""
    return tuple(sorted(((p, m) for p in d.projects for m in p.overdue(at)), key=lambda item: item[1].planned.last))


# --- a project's fields as every output shows them (core/fields says which, and in what order) -----

def responsible(item, *, lang: Lang) -> str:
    """Who answers for a target or project: the unit, and the person there where the file names one."""
    return " ".join(filter(None, (lang.data(item, "responsible"), item.person)))


def project_value(dashboard: Dashboard, project: Project, field: fields.Field, *, lang: Lang):
    """A project's field as an export holds it: its text as shown (the status as its [[stage]] is
    named, the axis as its road, who answers with the person there), the Quantity of an amount, the
    entries of a part; None where the file gives none."""
    from .listing import status_name


    kind = field.kind
    if kind == fields.STAGE:
        return status_name(dashboard, getattr(project, field.attr), lang=lang) or None
    if kind == fields.AXIS:
        axis = dashboard.axis_named(getattr(project, field.attr))
        return lang.data(axis, "road") if axis else None
    if kind == fields.UNIT:
        return responsible(project, lang=lang) or None
    if kind in (fields.AMOUNT, fields.PARTS):
        return getattr(project, field.attr)
    return lang.data(project, field.attr) or None


def project_cell(dashboard: Dashboard, project: Project, field: fields.Field, *, words: bool = False,
                 lang: Lang) -> str:
    """A project's field as a line of text (the detail; Markdown, HTML, the Word briefing): "—" where
    unknown; `words`: a bound as an official writes it, 50亿元以上 (fmt.quantity)."""
    value = project_value(dashboard, project, field, lang=lang)
    if field.kind == fields.AMOUNT:
        return fmt.quantity(value, words=words, lang=lang)
    return fmt.MISSING if value is None else value


def project_details(dashboard: Dashboard, project: Project, at: dt.date, *,
                    lang: Lang) -> list[tuple[str, str]]:
    """The project's detail, (label, text) a line, in the table of fields' order: a field a line,
    a figure, a step or a request a line each (their label on the first only); the axis with its
    theme; who answers only where the file names them. `at`: the date steps and requests are
    judged at."""
    rows: list[tuple[str, str]] = []
    for field in fields.PROJECT:
        if not field.detail:
            continue
        label = lang.tr(fields.label(field))
        if field.key == "figure":
            rows += [(lang.data(f, "label"), fmt.quantity(f.quantity, lang=lang)) for f in project.figures]
        elif field.key == "milestone":
            rows += [(label if index == 0 else "", fmt.step(step, at, lang=lang)
                      + (lang.tr("（{source}）", source=step.source) if step.source else ""))
                     for index, step in enumerate(project.milestones)]
        elif field.key == "request":
            rows += [(label if index == 0 else "", fmt.request(request, project, at, lang=lang))
                     for index, request in enumerate(project.requests)]
        elif field.kind == fields.AXIS:
            axis = dashboard.axis_named(getattr(project, field.attr))
            rows.append((label, f"{lang.data(axis, 'road')} · {lang.data(axis, 'theme')}" if axis else fmt.MISSING))
        elif field.kind == fields.UNIT:
            if project.responsible or project.person:
                rows.append((label, " · ".join(filter(None, [project.responsible, project.person]))))
        else:
            rows.append((label, project_cell(dashboard, project, field, lang=lang)))
    return rows
