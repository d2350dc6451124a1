"""督办: who answers for what is late or open. Each responsible unit (责任单位) with its overdue
milestones, its open enterprise requests (企业诉求), its overdue key tasks and its targets behind
schedule, ranked by how many; a milestone or request without a unit of its own answers to its
project's. No Textual."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ..core import fmt, progress
from ..core.i18n import Lang
from ..core.model import Dashboard, Project, Request

UNASSIGNED = "（未指定）"  # shown through tr(): items that name no unit
KINDS = ("milestone", "request", "task", "target")  # the columns of 督办, in order
KIND_NAMES = {"milestone": "逾期节点", "request": "未办诉求", "task": "逾期任务", "target": "落后目标"}


class Item(NamedTuple):
    kind: str  # one of KINDS
    ident: str  # the project's (milestone, request), the task's or the target's id
    text: str  # what is late or open, as a line
    person: str = ""
    since: dt.date | None = None  # a request: when it was raised; a task or milestone: when it fell due


class Unit(NamedTuple):
    name: str
    items: dict[str, tuple[Item, ...]]  # by kind

    def of(self, kind: str) -> tuple[Item, ...]:
        return self.items.get(kind, ())

    @property
    def overdue(self) -> tuple[Item, ...]:
        return self.of("milestone")

    @property
    def behind(self) -> tuple[Item, ...]:
        return self.of("target")

    @property
    def total(self) -> int:
        return sum(len(items) for items in self.items.values())

    def all(self) -> list[Item]:
        return [item for kind in KINDS for item in self.of(kind)]


class OpenRequest(NamedTuple):
    """An open request with its project, for the follow-up list (oldest first)."""

    project: Project
    request: Request

    @property
    def unit(self) -> str:
        return self.request.responsible or self.project.responsible

    def days(self, at: dt.date) -> int | None:
        return self.request.days_open(at)


def open_requests(dashboard: Dashboard) -> list[OpenRequest]:
    """Every open request, the oldest first (those with no date last, as listed)."""
    found = [OpenRequest(p, r) for p in dashboard.projects for r in p.requests if not r.done]
    return sorted(found, key=lambda o: (o.request.raised is None, o.request.raised.first if o.request.raised else 0))


def request_line(item: OpenRequest, at: dt.date, *, lang: Lang) -> str:
    """"甲 · 用电增容（提出 2025-03-02，已 120 天）"."""
    what = lang.data(item.request, "what")
    name = lang.data(item.project, "name")
    if item.request.raised is None:
        return lang.tr("{project} · {what}", project=name, what=what)
    return lang.tr("{project} · {what}（提出 {when}，已 {days} 天）", project=name, what=what,
                   when=fmt.when(item.request.raised, lang=lang), days=item.days(at))


def ranking(dashboard: Dashboard, at: dt.date, what_if: dt.date | None = None, *,
            lang: Lang) -> list[Unit]:
    """The units with something late or open, the most first (ties by overdue milestones, then
    name as written), each item's text in `lang`; items naming no unit come last, under UNASSIGNED."""
    found: dict[str, dict[str, list[Item]]] = {}

    def add(unit: str, item: Item) -> None:
        found.setdefault(unit, {}).setdefault(item.kind, []).append(item)

    for project in dashboard.projects:
        for step in project.overdue(at):
            text = lang.tr("{project} · {step}", project=lang.data(project, "name"),
                           step=fmt.step(step, at, lang=lang))
            add(step.responsible or project.responsible,
                Item("milestone", project.id, text, step.person or project.person, step.planned.last))
    for item in open_requests(dashboard):
        add(item.unit, Item("request", item.project.id, request_line(item, at, lang=lang),
                            item.request.person or item.project.person,
                            item.request.raised.first if item.request.raised else None))
    for task in dashboard.tasks:
        if task.overdue(at):
            text = lang.tr("{name}（{area}，截止 {when}）", name=lang.data(task, "name"),
                           area=lang.data(task, "area") or fmt.MISSING, when=fmt.when(task.deadline, lang=lang))
            add(task.responsible, Item("task", task.id, text, task.person, task.deadline.last))
    for warning in progress.warnings(progress.assess_all(dashboard.targets, dashboard, what_if)):
        target = warning.target
        text = lang.tr("{name} 落后 {points}", name=lang.data(target, "name"),
                       points=fmt.points(warning.gap, signed=False, lang=lang))
        add(target.responsible, Item("target", target.id, text, target.person))
    units = [Unit(name, {kind: tuple(items) for kind, items in kinds.items()}) for name, kinds in found.items()]
    return sorted(units, key=lambda u: (u.name == "", -u.total, -len(u.overdue)))


def unit_name(unit: Unit, *, lang: Lang) -> str:
    return unit.name or lang.tr(UNASSIGNED)


class Area(NamedTuple):
    """The key tasks of one area (方面): how many, finished, overdue at a date."""

    name: str
    total: int
    done: int
    overdue: int


def task_areas(dashboard: Dashboard, at: dt.date) -> list[Area]:
    """The areas in the order the file first names them (tasks naming none last, as "")."""
    found: dict[str, list[int]] = {}
    for task in dashboard.tasks:
        counts = found.setdefault(task.area, [0, 0, 0])
        counts[0] += 1
        counts[1] += task.done
        counts[2] += task.overdue(at)
    areas = [Area(name, *counts) for name, counts in found.items()]
    return sorted(areas, key=lambda a: a.name == "")


def overdue_tasks(dashboard: Dashboard, at: dt.date):
    """The overdue tasks, the longest overdue first."""
    return sorted((t for t in dashboard.tasks if t.overdue(at)), key=lambda t: t.deadline.last)
