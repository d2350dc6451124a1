"""督办: who answers for what is late. Each responsible unit (责任单位) with its overdue milestones
and its targets behind schedule, ranked by how many; a milestone without a unit of its own answers
to its project's. No Textual."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from . import fmt, progress
from .i18n import data, tr
from .model import Dashboard

UNASSIGNED = "（未指定）"  # shown through tr(): items that name no unit


class Item(NamedTuple):
    kind: str  # "milestone" or "target"
    ident: str  # the project's or the target's id
    text: str  # what is late, as a line
    person: str = ""


class Unit(NamedTuple):
    name: str
    overdue: tuple[Item, ...]
    behind: tuple[Item, ...]

    @property
    def total(self) -> int:
        return len(self.overdue) + len(self.behind)


def ranking(dashboard: Dashboard, at: dt.date, what_if: dt.date | None = None) -> list[Unit]:
    """The units with something late, the most first (ties by name as written); items naming no
    unit come last, under UNASSIGNED."""
    overdue: dict[str, list[Item]] = {}
    behind: dict[str, list[Item]] = {}
    for project in dashboard.projects:
        for step in project.overdue(at):
            unit = step.responsible or project.responsible
            text = tr("{project} · {step}", project=data(project, "name"), step=fmt.step(step, at))
            overdue.setdefault(unit, []).append(Item("milestone", project.id, text, step.person or project.person))
    for item in progress.warnings(progress.assess_all(dashboard.targets, dashboard, what_if)):
        target = item.target
        text = tr("{name} 落后 {points}", name=data(target, "name"), points=fmt.points(item.gap, signed=False))
        behind.setdefault(target.responsible, []).append(Item("target", target.id, text, target.person))
    units = [Unit(name, tuple(overdue.get(name, ())), tuple(behind.get(name, ()))) for name in {**overdue, **behind}]
    return sorted(units, key=lambda u: (u.name == "", -u.total, -len(u.overdue)))


def unit_name(unit: Unit) -> str:
    return unit.name or tr(UNASSIGNED)
