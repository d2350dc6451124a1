"""Drill-down: the projects behind a figure — those a target's figure counts (counts_for), those in
a pipeline stage, those along an axis — with what they add up to, reconciled plainly against the
figure the file reports (已列明 2 / 13 个) rather than hidden. No Textual."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from ..core import fmt
from ..core.i18n import Lang
from ..core.model import Dashboard, Project, Quantity
from ..core.series import listed
from ..core.units import SCALES, dimension, in_base_unit


class Drill(NamedTuple):
    title: str
    projects: tuple[Project, ...]
    summary: str  # what they add up to, against the reported figure where there is one


def invested(projects: tuple[Project, ...], *, lang: Lang) -> str:
    """"合计总投资 52.5 亿元" in the unit most of them use; amounts that do not convert are counted
    apart ("另 1 个项目的投资单位不同"), and projects with no amount said so."""
    amounts = [p.investment for p in projects if p.investment is not None]
    if not amounts:
        return lang.tr("均未列总投资") if projects else ""
    unit = Counter(q.unit for q in amounts).most_common(1)[0][0]
    if unit in SCALES:
        convertible = [q for q in amounts if q.unit in SCALES and dimension(q.unit) == dimension(unit)]
        value = sum(in_base_unit(q) for q in convertible) / SCALES[unit][1]
    else:
        convertible = [q for q in amounts if q.unit == unit]
        value = sum(q.value for q in convertible)
    bound = any(q.at_least for q in convertible)
    total = fmt.quantity(Quantity(round(value, 4), unit, at_least=bound), lang=lang)
    line = lang.tr("合计总投资 {total}", total=total)
    if len(convertible) < len(amounts):
        line += lang.tr("（另 {count} 个项目的投资单位不同）", count=len(amounts) - len(convertible))
    if len(amounts) < len(projects):
        line += lang.tr("（{count} 个未列总投资）", count=len(projects) - len(amounts))
    return line


def of_target(dashboard: Dashboard, target_id: str, *, lang: Lang) -> Drill:
    target = next(t for t in dashboard.targets if t.id == target_id)
    named = listed(dashboard, target)
    title = lang.tr("{name}：计入的项目", name=lang.data(target, "name"))
    if named is None:
        return Drill(title, (), lang.tr("数据文件没有列明计入这一目标的项目（counts_for）"))
    return Drill(title, named.projects, fmt.reconciled(named, lang=lang))


def of_stage(dashboard: Dashboard, name: str, *, lang: Lang) -> Drill:
    """The projects behind a pipeline stage's figure: where the stage is a target's figure
    (`target`), exactly the target's drill-down (`p` on its card and Enter here answer alike); where
    it has an id, the projects whose counts_for names it; a stage with neither (a file whose stages
    are plain statuses) lists the projects in that status."""
    stage = dashboard.stage_named(name)
    if stage is not None and stage.target:
        return of_target(dashboard, stage.target, lang=lang)
    shown = (lang.data(stage, "label") or lang.data(stage, "name")) if stage else name
    if stage is not None and stage.id:
        projects = tuple(p for p in dashboard.projects if stage.id in p.counts_for)
        title = lang.tr("{stage}：计入的项目", stage=shown)
        if not projects:
            return Drill(title, (), lang.tr("数据文件没有列明计入这一数字的项目（counts_for）"))
    else:
        projects = tuple(p for p in dashboard.projects if p.status == name)
        title = lang.tr("{stage}：项目", stage=shown)
    parts = []
    if stage is not None and stage.count is not None:
        parts.append(lang.tr("已列明 {listed} / {reported}", listed=len(projects),
                             reported=fmt.quantity(stage.count, lang=lang)))
    else:
        parts.append(lang.tr("{count} 个项目", count=len(projects)))
    parts.append(invested(projects, lang=lang))
    return Drill(title, projects, "，".join(filter(None, parts)))


def of_axis(dashboard: Dashboard, axis_id: str, *, lang: Lang) -> Drill:
    axis = dashboard.axis_named(axis_id)
    projects = dashboard.projects_on(axis_id)
    title = lang.tr("{road} · {theme}：项目", road=lang.data(axis, "road"), theme=lang.data(axis, "theme"))
    return Drill(title, projects, "，".join(filter(None, [lang.tr("{count} 个项目", count=len(projects)),
                                                          invested(projects, lang=lang)])))


def drill(dashboard: Dashboard, kind: str, key: str, *, lang: Lang) -> Drill:
    return {"target": of_target, "stage": of_stage, "axis": of_axis}[kind](dashboard, key, lang=lang)
