"""Typed, immutable records of what a targets file holds. No Textual here.

The records are NamedTuples rather than frozen dataclasses: a dataclass compiles its generated
methods when the module is imported, which cost 5% of erqi-tui's start-up, and a NamedTuple is
also built two to three times faster and takes less memory (a city's 100,000 projects). Like the
dataclasses they were, they compare by value and cannot be changed; `_replace` makes a changed copy.
An empty `en` is one shared read-only mapping.
"""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType
from typing import Mapping, NamedTuple

NO_ENGLISH: Mapping[str, str] = MappingProxyType({})

# The panes a figure can be shown on; the keys are what the data file writes in `pane = "…"`.
PANES: dict[str, str] = {
    "investment": "招商引资",
    "layout": "三区三轴",
    "business": "营商环境",
    "projects": "重点项目",
}


class Quantity(NamedTuple):
    """A number with its unit. `at_least` keeps the source's 超/余/以上: the value is a lower bound."""

    value: int | float
    unit: str
    at_least: bool = False


class Figure(NamedTuple):
    """A labelled quantity from the source, e.g. 外出走访企业 40余家."""

    id: str
    label: str
    quantity: Quantity
    pane: str
    group: str = ""
    headline: bool = False
    source: str = ""
    en: Mapping[str, str] = NO_ENGLISH  # English names, by field


class Target(NamedTuple):
    """A goal for the year and, where known, where it stands (`current` is None when unknown)."""

    id: str
    name: str
    target: Quantity
    current: Quantity | None = None
    pane: str = ""  # also shown on this pane, besides the overview
    note: str = ""
    source: str = ""
    en: Mapping[str, str] = NO_ENGLISH


class Event(NamedTuple):
    """A dated event, e.g. a signing ceremony, with the figures it produced."""

    date: dt.date
    title: str
    figures: tuple[Figure, ...] = ()
    note: str = ""
    source: str = ""
    en: Mapping[str, str] = NO_ENGLISH


class Stage(NamedTuple):
    """One step of the project pipeline (在谈 → 签约 → 开工 → 投产); `count` None when unknown."""

    name: str
    count: Quantity | None = None
    note: str = ""
    source: str = ""
    en: Mapping[str, str] = NO_ENGLISH


class Axis(NamedTuple):
    """An industrial development axis along a road."""

    id: str
    road: str
    theme: str
    note: str = ""
    source: str = ""
    en: Mapping[str, str] = NO_ENGLISH


class Layout(NamedTuple):
    """The spatial plan: its name (三区三轴), the belt, and the axes in order (west to east or as written)."""

    name: str = ""
    belt: str = ""
    belt_note: str = ""
    axes: tuple[Axis, ...] = ()
    source: str = ""
    en: Mapping[str, str] = NO_ENGLISH


class Project(NamedTuple):
    """A named project. Every field but id and name may be unknown (None or empty)."""

    id: str
    name: str
    status: str | None = None
    axis: str | None = None
    location: str = ""
    investment: Quantity | None = None
    area: Quantity | None = None
    figures: tuple[Figure, ...] = ()
    expected: str = ""
    note: str = ""
    source: str = ""
    en: Mapping[str, str] = NO_ENGLISH


class Meta(NamedTuple):
    district: str
    year: int
    as_of: dt.date
    city: str = ""
    title: str = ""
    source: str = ""
    en: Mapping[str, str] = NO_ENGLISH


class Dashboard(NamedTuple):
    """Everything one targets file holds, validated."""

    meta: Meta
    targets: tuple[Target, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    stages: tuple[Stage, ...] = ()
    layout: Layout = Layout()
    projects: tuple[Project, ...] = ()
    changes: tuple = ()  # journal.Change records, oldest first: what updates changed, by whom, when

    @property
    def as_of(self) -> dt.date:
        """The date the figures stand at: the file's as_of, or the latest recorded update if later."""
        return max([self.meta.as_of, *(c.date for c in self.changes)])

    def history(self, kind: str, ident: str) -> tuple:
        """The changes to one target or project, oldest first."""
        return tuple(c for c in self.changes if c.kind == kind and c.id == ident)

    def trend(self, target_id: str) -> list[tuple[dt.date, float]]:
        """A target's current value over time: the file's figure at meta.as_of, then each update."""
        target = next(t for t in self.targets if t.id == target_id)
        updates = [c for c in self.history("target", target_id) if c.field == "current"]
        first = updates[0].old if updates else target.current
        points = [(self.meta.as_of, first.value)] if first is not None else []
        return points + [(c.date, c.new.value) for c in updates]

    def figures_on(self, pane: str) -> tuple[Figure, ...]:
        return tuple(f for f in self.figures if f.pane == pane)

    @property
    def headlines(self) -> tuple[Figure, ...]:
        return tuple(f for f in self.figures if f.headline)

    def stage_named(self, name: str | None) -> Stage | None:
        return next((s for s in self.stages if s.name == name), None)

    def axis_named(self, axis_id: str | None) -> Axis | None:
        return next((a for a in self.layout.axes if a.id == axis_id), None)

    def projects_on(self, axis_id: str) -> tuple[Project, ...]:
        return tuple(p for p in self.projects if p.axis == axis_id)

    def targets_on(self, pane: str) -> tuple[Target, ...]:
        return tuple(t for t in self.targets if t.pane == pane)


def grouped(figures: tuple[Figure, ...]) -> list[tuple[str, tuple[Figure, ...]]]:
    """Figures gathered by group, groups in the order they first appear."""
    groups: dict[str, list[Figure]] = {}
    for figure in figures:
        groups.setdefault(figure.group, []).append(figure)
    return [(name, tuple(items)) for name, items in groups.items()]
