"""全市's own views, across every readable district: 动态 (the changes each district recorded since
its own last briefing, or --since, the newest first), 挂图 (every district's overdue steps, by
district) and 督办 (the responsible units, by district). Each is the district view's own account
(Dashboard.changes, Project.overdue, supervision.ranking) with the district it comes from; the
screen only draws it. No Textual."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from ..core.i18n import Lang
from ..core.model import Change, Dashboard, Project
from ..core.series import Since, default_since
from . import supervision
from .city import District, labels


class Source(NamedTuple):
    """A readable district, as the city's views name it."""

    label: str  # its name; with its file where two districts share a name (city.labels)
    path: Path
    dashboard: Dashboard

    @property
    def year(self) -> int:
        return self.dashboard.meta.year


def sources(districts: list[District], *, lang: Lang) -> list[Source]:
    """The readable districts, in the order given, each with its label in `lang`."""
    return [Source(label, d.path, d.dashboard) for d, label in zip(districts, labels(districts, lang=lang))
            if d.dashboard is not None]


def districts_text(count: int, *, lang: Lang) -> str:
    """How many districts a view's count covers: "3 个地区", "1 district"/"3 districts" in English."""
    return lang.tr("{count} 个地区", count=count)


def steps_at(dashboard: Dashboard, what_if: dt.date | None) -> dt.date:
    """The date a district's steps, tasks and requests are judged at, as its own 挂图 and 督办 judge
    them (Context.steps_at): the what-if date, or its newest news of a project or task."""
    return what_if or dashboard.steps_as_of


# 动态


class CityChange(NamedTuple):
    source: Source
    change: Change
    name: str  # the target's, project's or task's name, in the reader's language
    since: Since | None  # what the district's changes count from (None: every change is listed)
    search: str  # what the filter looks in, lower-cased


def since_text(since: Since | None, *, lang: Lang) -> str:
    """From when a district's changes are listed: "简报 2025-10-01", "--since 2025-09-30", "全部"."""
    if since is None:
        return lang.tr("全部")
    if since.briefing is not None:
        return lang.tr("简报 {date}", date=since.date.isoformat())
    return f"--since {since.date.isoformat()}"


def is_recent(change: Change, since: Since | None) -> bool:
    """Recorded after the district's last briefing mark; with --since, standing at a later day."""
    if since is None:
        return True
    if since.known_by is not None:
        return change.at > since.known_by
    return change.date > since.date


def changes(districts: list[District], since: dt.date | None = None, *,
            lang: Lang) -> list[CityChange]:
    """Every district's changes since its own last briefing (or `since`, --since), the most recently
    recorded first, each with its district and what its list counts from; names in `lang`."""
    out = []
    for source in sources(districts, lang=lang):
        d = source.dashboard
        counted = default_since(d, since)
        names = {("target", t.id): lang.data(t, "name") for t in d.targets}
        names.update({("project", p.id): lang.data(p, "name") for p in d.projects})
        names.update({("task", t.id): lang.data(t, "name") for t in d.tasks})
        for change in d.changes:
            if not is_recent(change, counted):
                continue
            name = names.get((change.kind, change.id), change.id)
            search = f"{source.label}\n{source.path.name}\n{name}\n{change.id}\n{change.who}".lower()
            out.append(CityChange(source, change, name, counted, search))
    return sorted(out, key=lambda r: (r.change.at, r.change.seq), reverse=True)


def ago(at: dt.datetime, today: dt.date, *, lang: Lang) -> str:
    """How long before `today` a change was recorded: "今天", "1 天前", "30 天前"."""
    days = (today - at.date()).days
    return lang.tr("今天") if days <= 0 else lang.tr("{days} 天前", days=days)


# 挂图


class OverdueProject(NamedTuple):
    source: Source
    project: Project
    at: dt.date  # the date its steps are judged at (its district's)
    days: int  # how late its most overdue step is
    steps: int  # how many of its steps are overdue


def overdue(districts: list[District], what_if: dt.date | None = None, *,
            lang: Lang) -> list[OverdueProject]:
    """Every district's projects with an overdue step, by district (the district with the most
    overdue steps first), the most overdue first within each; file order among equals. Each
    district labelled in `lang`."""
    groups = []
    for source in sources(districts, lang=lang):
        at = steps_at(source.dashboard, what_if)
        rows = []
        for project in source.dashboard.projects:
            late = project.overdue(at)
            if late:
                rows.append(OverdueProject(source, project, at, max((at - m.planned.last).days for m in late),
                                           len(late)))
        if rows:
            groups.append(sorted(rows, key=lambda r: -r.days))
    groups.sort(key=lambda rows: -sum(r.steps for r in rows))
    return [row for rows in groups for row in rows]


def with_steps(districts: list[District]) -> int:
    """How many projects, in all the readable districts, have steps (milestones) at all."""
    return sum(1 for d in districts if d.dashboard is not None for p in d.dashboard.projects if p.milestones)


# 督办


class CityUnit(NamedTuple):
    source: Source
    unit: supervision.Unit
    at: dt.date


def units(districts: list[District], what_if: dt.date | None = None, *,
          lang: Lang) -> list[CityUnit]:
    """Every district's responsible units with something late or open (supervision.ranking), by
    district (the district with the most such items first), in its own 督办's order within each;
    their words in `lang`."""
    groups = []
    for source in sources(districts, lang=lang):
        at = steps_at(source.dashboard, what_if)
        found = [CityUnit(source, unit, at)
                 for unit in supervision.ranking(source.dashboard, at, what_if, lang=lang)]
        if found:
            groups.append(found)
    groups.sort(key=lambda rows: -sum(r.unit.total for r in rows))
    return [row for rows in groups for row in rows]
