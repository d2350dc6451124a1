"""Typed, immutable records of what a targets file holds. No Textual here.

The records are NamedTuples rather than frozen dataclasses: a dataclass compiles its generated
methods when the module is imported, which cost 5% of erqi-tui's start-up, and a NamedTuple is
also built two to three times faster and takes less memory (a city's 100,000 projects). Like the
dataclasses they were, they compare by value and cannot be changed; `_replace` makes a changed copy.
An empty `en` is one shared read-only mapping.
"""

import datetime as dt
from types import MappingProxyType
from collections.abc import Sequence
from typing import Any, Callable, Mapping, NamedTuple

NO_ENGLISH: Mapping[str, str] = MappingProxyType({})

# The dashboard's panes, in the order of the tabs and keys 1–5, with their titles. The layout
# pane's title is the file's own name for its plan (三区三轴, 一核四廊…) where it gives one
# (Lang.pane_title); the title here is the neutral one.
PANE_TITLES: dict[str, str] = {
    "overview": "总览",
    "investment": "招商引资",
    "layout": "产业布局",
    "business": "营商环境",
    "projects": "重点项目",
}
PANE_IDS = tuple(PANE_TITLES)
# The panes a target or figure can be placed on; what the data file writes in `pane = "…"`.
PANES = PANE_IDS[1:]


class Quantity(NamedTuple):
    """A number with its unit. `at_least` keeps the source's 超/余/以上: the value is a lower bound;
    `approx` keeps its 约: the value is approximate."""

    value: int | float
    unit: str
    at_least: bool = False
    approx: bool = False


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
    """A goal for the year and, where known, where it stands (`current` is None when unknown).
    `as_of` is the date `current` stands at: the file's own for this target, or its latest update's;
    None means the data file's meta.as_of."""

    id: str
    name: str
    target: Quantity
    current: Quantity | None = None
    pane: str = ""  # also shown on this pane, besides the overview
    note: str = ""
    source: str = ""
    en: Mapping[str, str] = NO_ENGLISH
    as_of: dt.date | None = None
    responsible: str = ""  # 责任单位: the unit that answers for it
    person: str = ""  # and the person there


def becomes_current(current: Quantity | None, as_of: dt.date, date: dt.date) -> bool:
    """Whether a figure dated `date` takes the place of `current` (standing at `as_of`): when there is
    none, or it is not older. An older one (a late report of last month) joins the history only."""
    return current is None or date >= as_of


class Event(NamedTuple):
    """A dated event, e.g. a signing ceremony, with the figures it produced."""

    date: dt.date
    title: str
    figures: tuple[Figure, ...] = ()
    note: str = ""
    source: str = ""
    en: Mapping[str, str] = NO_ENGLISH


class Stage(NamedTuple):
    """One step of the project pipeline (在谈 → 签约 → 开工 → 投产); `count` None when unknown.
    `label` is the source's own words for the figure (新签约产业项目, 计划年内竣工投产), `group` the
    set of projects it counts (产业项目, 重大项目): stages of one group form a flow, stages of
    different groups are separate facts. `id` is what a project's counts_for names to be listed
    under it; `target`, a [[target]] whose current value is this very figure (its drill-down then
    lists the target's projects: one answer for one figure)."""

    name: str
    count: Quantity | None = None
    note: str = ""
    source: str = ""
    en: Mapping[str, str] = NO_ENGLISH
    id: str = ""
    label: str = ""
    group: str = ""
    target: str = ""


class Initiative(NamedTuple):
    """Something the source says is done or launched, with no figure to it (a work system, a
    service brand, a pilot): its name, what it is, and the pane it belongs on."""

    name: str
    what: str = ""
    pane: str = ""
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


class When(NamedTuple):
    """A date as the source gives it: a day (2024-09-30), a month ("2024-09") or a year ("2024":
    within the year). `first` and `last` are the days it spans; `text` is how it reads."""

    first: dt.date
    last: dt.date
    text: str


class Milestone(NamedTuple):
    """A step of a project (拿地, 签约, 开工, 主体封顶, 竣工, 投产, 开业 or any named step): when it
    is planned and, once reached, when (`reached` None with `done` true: reached, no date given).
    `stage`: the [[stage]] the project is in once it is reached."""

    name: str
    planned: When | None = None
    reached: When | None = None
    done: bool = False
    stage: str | None = None
    source: str = ""
    en: Mapping[str, str] = NO_ENGLISH
    responsible: str = ""
    person: str = ""

    def overdue(self, at: dt.date) -> bool:
        """Planned to be reached by a day before `at`, and not reached."""
        return not self.done and self.planned is not None and self.planned.last < at


def reached_status(milestones: tuple[Milestone, ...], stages: list[str], status: str | None) -> str | None:
    """The status a project's milestones give it: the furthest [[stage]] among the steps reached,
    in the pipeline's order; `status` (as written by hand) when no reached step names a stage."""
    done = [m.stage for m in milestones if m.done and m.stage]
    if not done:
        return status
    return max(done, key=stages.index) if stages else done[-1]


class Request(NamedTuple):
    """An enterprise request (企业诉求) of a project: what was asked, when it was raised, which unit
    handles it, and when it was resolved (`resolved` None with `done` true: resolved, no date given).
    A request is known by its text within its project."""

    what: str
    raised: When | None = None
    resolved: When | None = None
    done: bool = False
    responsible: str = ""
    person: str = ""
    source: str = ""
    en: Mapping[str, str] = NO_ENGLISH

    def days_open(self, at: dt.date) -> int | None:
        """How long it has waited at `at` (None: the file does not say when it was raised)."""
        return None if self.raised is None else max(0, (at - self.raised.first).days)


class Task(NamedTuple):
    """A key task (重点任务) of the year: its area (方面), the unit that answers for it, its
    deadline and, once finished, when (`finished` None with `done` true: finished, no date given)."""

    id: str
    name: str
    area: str = ""
    deadline: When | None = None
    finished: When | None = None
    done: bool = False
    responsible: str = ""
    person: str = ""
    source: str = ""
    en: Mapping[str, str] = NO_ENGLISH

    def overdue(self, at: dt.date) -> bool:
        """Due by a day before `at`, and not finished."""
        return not self.done and self.deadline is not None and self.deadline.last < at


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
    milestones: tuple[Milestone, ...] = ()
    responsible: str = ""
    person: str = ""
    counts_for: tuple[str, ...] = ()  # the targets whose figure it is part of (签约额, 新签约产业项目…)
    requests: tuple[Request, ...] = ()  # its enterprise requests, as raised

    def open_requests(self) -> tuple[Request, ...]:
        return tuple(r for r in self.requests if not r.done)

    def overdue(self, at: dt.date) -> tuple[Milestone, ...]:
        return tuple(m for m in self.milestones if m.overdue(at))


class Meta(NamedTuple):
    """The file's district, year and the date its figures stand at. `as_of_month`: the source
    gives only the month (as_of = "2024-05"); `as_of` is then the month's last day, the day pace is
    judged at (按月末计), and the screen says the month, not the day."""

    district: str
    year: int
    as_of: dt.date
    city: str = ""
    title: str = ""
    source: str = ""
    en: Mapping[str, str] = NO_ENGLISH
    as_of_month: bool = False


class Withdrawal(NamedTuple):
    """An update taken back (撤销): the journal keeps both; the withdrawn one no longer applies."""

    seq: int  # the journal entry that withdraws
    at: dt.datetime
    who: str
    note: str = ""


class Change(NamedTuple):
    """One field of one target or project changed by one update: the history officials show (留痕)."""

    kind: str  # "target", "project" or "task"
    id: str
    field: str
    old: Any
    new: Any
    date: dt.date  # the day the figure stands at
    at: dt.datetime  # when it was recorded
    who: str
    note: str
    seq: int = 0  # the journal entry that made it, counted from 1 as in `update[12]`
    withdrawn: Withdrawal | None = None
    old_date: dt.date | None = None  # the day `old` stood at, for a target's value


class Briefing(NamedTuple):
    """A briefing mark (简报): the leadership was shown the figures at `date`, at moment `at`.
    What changed since is counted from it."""

    date: dt.date  # the day the briefing's figures stood at
    at: dt.datetime | None  # when it was made (None until store.mark_briefing writes it: it stamps it then)
    who: str
    note: str = ""


class Update(NamedTuple):
    """An update as it is recorded: a target's value or a project's fields, or (`withdraw`) the
    withdrawal of an earlier update by its number."""

    kind: str  # "target", "project" or "task"; "" for a withdrawal
    id: str
    changes: Mapping[str, Any]
    date: dt.date | None
    who: str
    note: str = ""
    new: bool = False
    at: dt.datetime | None = None  # when it was recorded: set as it is written
    withdraw: int = 0


class Dashboard(NamedTuple):
    """Everything one targets file holds, validated."""

    meta: Meta
    targets: tuple[Target, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    stages: tuple[Stage, ...] = ()
    layout: Layout = Layout()
    projects: tuple[Project, ...] = ()
    changes: tuple[Change, ...] = ()  # in the order recorded, withdrawn ones too (marked)
    journal_entries: int = 0  # how many [[update]] entries the journal held when read
    briefings: tuple[Briefing, ...] = ()  # the journal's briefing marks, in the order made
    tasks: tuple[Task, ...] = ()  # the key tasks, where the file lists them one by one
    initiatives: tuple[Initiative, ...] = ()  # what the source reports done, with no figure

    @property
    def steps_as_of(self) -> dt.date:
        """The date the projects' steps and the key tasks are judged at: the file's as_of, or the
        newest update of a project or task. A target's figure recorded later says nothing of them, so
        it makes no step or task overdue (逾期未报) by itself."""
        return max(self.meta.as_of, _newest(self.changes)[1])

    @property
    def as_of(self) -> dt.date:
        """The newest date any figure stands at: the file's as_of, a target's own, or an update's."""
        return max([self.meta.as_of, *(t.as_of for t in self.targets if t.as_of), _newest(self.changes)[0]])

    def target_date(self, target: Target) -> dt.date:
        """The date `target`'s current value stands at."""
        return target.as_of or self.meta.as_of

    def history(self, kind: str, ident: str) -> tuple[Change, ...]:
        """The changes to one target or project, in the order recorded, withdrawn ones marked."""
        return _of_changes(self.changes)[0].get((kind, ident), ())

    def version(self, kind: str, ident: str) -> int:
        """Which state of a target or project a form was opened on: the last journal entry that
        changed it or withdrew a change of it (0: as in the data file)."""
        return max([0, *(max(c.seq, c.withdrawn.seq if c.withdrawn else 0) for c in self.history(kind, ident))])

    def update_dates(self, today: dt.date) -> tuple[dt.date, dt.date]:
        """The dates an update may stand at: within the data's year, and not after today."""
        return dt.date(self.meta.year, 1, 1), min(dt.date(self.meta.year, 12, 31), today)

    @property
    def events_in_order(self) -> tuple[Event, ...]:
        """The events by date (the file may list them in any order), same-day ones as written."""
        return tuple(sorted(self.events, key=lambda e: e.date))

    def figures_on(self, pane: str) -> tuple[Figure, ...]:
        return tuple(f for f in self.figures if f.pane == pane)

    @property
    def headlines(self) -> tuple[Figure, ...]:
        return tuple(f for f in self.figures if f.headline)

    def stage_named(self, name: str | None) -> Stage | None:
        return next((s for s in self.stages if s.name == name), None)

    def stage_by_id(self, ident: str | None) -> Stage | None:
        return next((s for s in self.stages if ident and s.id == ident), None)

    def axis_named(self, axis_id: str | None) -> Axis | None:
        return next((a for a in self.layout.axes if a.id == axis_id), None)

    def projects_on(self, axis_id: str) -> tuple[Project, ...]:
        return tuple(p for p in self.projects if p.axis == axis_id)

    def free_project_id(self) -> str:
        """An id no project has yet, for a project added in the app: project-11, project-12…"""
        taken = {p.id for p in self.projects}
        number = len(taken) + 1
        while f"project-{number}" in taken:
            number += 1
        return f"project-{number}"

    def initiatives_on(self, pane: str) -> tuple[Initiative, ...]:
        return tuple(i for i in self.initiatives if i.pane == pane)

    def targets_on(self, pane: str) -> tuple[Target, ...]:
        return tuple(t for t in self.targets if t.pane == pane)


# What `history`, `as_of` and `steps_as_of` look up in a dashboard's changes, worked out once per
# tuple of changes (each pane and export asks again; with 100,000 updates a scan took 70 ms): by id
# of the tuple, with the tuple itself (the id is only its while it lives), the oldest forgotten first.
_WORKED_OUT: dict[int, tuple] = {}


def _of_changes(changes: tuple[Change, ...]) -> tuple[dict[tuple[str, str], tuple[Change, ...]], dt.date, dt.date]:
    """The changes by (kind, id) in the order recorded, the newest date of those in force, and of
    those of projects and tasks in force (dt.date.min: none)."""
    kept = _WORKED_OUT.get(id(changes))
    if kept is not None and kept[0] is changes:
        return kept[1]
    by: dict[tuple[str, str], list[Change]] = {}
    for c in changes:
        key = (c.kind, c.id)
        if key in by:
            by[key].append(c)
        else:
            by[key] = [c]
    worked_out = ({key: tuple(found) for key, found in by.items()}, *dates_in_force(changes))
    if len(changes) > 100:  # a short journal is scanned as quickly as looked up
        while len(_WORKED_OUT) >= 2:
            del _WORKED_OUT[next(iter(_WORKED_OUT))]
        _WORKED_OUT[id(changes)] = (changes, worked_out)
    return worked_out


def dates_in_force(changes: Sequence[Change]) -> tuple[dt.date, dt.date]:
    """The newest date of `changes` in force, and of those of projects and tasks (dt.date.min: none)."""
    newest = steps = dt.date.min
    for c in changes:
        if c.withdrawn is None:
            if c.date > newest:
                newest = c.date
            if c.date > steps and c.kind in ("project", "task"):
                steps = c.date
    return newest, steps


def _newest(changes: Sequence[Change]) -> tuple[dt.date, dt.date]:
    """`dates_in_force` of a dashboard's changes: for LazyChanges, from what is known of those not
    made yet and the changes since, without making them."""
    if changes.__class__ is LazyChanges:
        return changes.dates()
    return _of_changes(changes)[1:]


class Known(NamedTuple):
    """What the first frame asks of a run of changes (a journal's kept state's), known without them:
    the newest dates in force (as `dates_in_force`), and each target's values of its current figure
    (`current_known`), by id, as `decode` gives them when first asked for."""

    newest: dt.date
    steps: dt.date
    current: Mapping[str, Any]  # by target id, as the kept state holds it: `decode` reads it
    decode: Callable[[Any], tuple]


def current_known(changes: Sequence[Change], briefing: Briefing | None = None) -> dict[str, tuple]:
    """For each target whose current figure `changes` change: the value the first of them replaced
    and the date it stood at (withdrawn or not); of those in force, the last recorded for each date,
    as (date, new, seq, at, who), by date: what series.series makes its points of; and with a
    `briefing` (the last made), ((its date, its moment), the last of those in force at its date as
    known at its moment, or None), what series.difference compares with (None: no briefing)."""
    first: dict[str, tuple] = {}
    days: dict[str, dict[dt.date, tuple]] = {}
    shown: dict[str, tuple | None] = {}
    for c in changes:
        if c.kind != "target" or c.field != "current":
            continue
        if c.id not in first:
            first[c.id] = (c.old, c.old_date)
            days[c.id] = {}
            shown[c.id] = None
        if c.withdrawn is None:
            point = (c.date, c.new, c.seq, c.at, c.who)
            on = days[c.id]
            there = on.get(c.date)
            if there is None or c.seq >= there[2]:  # of one day, the one recorded later stands
                on[c.date] = point
            if briefing is not None and c.date <= briefing.date and c.at <= briefing.at:
                there = shown[c.id]
                if there is None or (c.date, c.seq) >= (there[0], there[2]):
                    shown[c.id] = point
    asked = None if briefing is None else (briefing.date, briefing.at)
    return {ident: (*first[ident], tuple(on[day] for day in sorted(on)), asked and (asked, shown[ident]))
            for ident, on in days.items()}


class LazyChanges(Sequence):
    """A dashboard's changes when read from a journal's kept state: the kept ones (made by `make`
    when first looked at: 100,000 of them take 50 ms) and those applied since. Compares, hashes, adds
    and pickles as the tuple of them does. What the first frame needs of them (the dates in force, a
    target's series) is worked out from `known`, what the kept state says of the kept ones, and the
    changes since, without making the kept ones."""

    __slots__ = ("_make", "_kept_many", "since", "known", "_all", "_dates", "worked_out")

    def __init__(self, make: Callable[[], list[Change]], count: int, since: tuple[Change, ...], known: Known) -> None:
        self._make, self._kept_many, self.since, self.known, self._all = make, count, since, known, None
        self._dates: tuple[dt.date, dt.date] | None = None
        self.worked_out: dict = {}  # what series works out of them, by target

    def dates(self) -> tuple[dt.date, dt.date]:
        """`dates_in_force` of all of them."""
        if self._dates is None:
            newest, steps = dates_in_force(self.since)
            self._dates = (max(newest, self.known.newest), max(steps, self.known.steps))
        return self._dates

    def current(self, target_id: str) -> tuple | None:
        """`current_known` of the kept ones for `target_id` (None: they do not change its figure)."""
        kept = self.known.current.get(target_id)
        return None if kept is None else self.known.decode(kept)

    def _tuple(self) -> tuple[Change, ...]:
        if self._all is None:
            self._all = (*self._make(), *self.since)
        return self._all

    def __len__(self) -> int:
        return self._kept_many + len(self.since)

    def __getitem__(self, index):
        return self._tuple()[index]

    def __iter__(self):
        return iter(self._tuple())

    def __reversed__(self):
        return reversed(self._tuple())

    def __contains__(self, item: object) -> bool:
        return item in self._tuple()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyChanges):
            return self._tuple() == other._tuple()
        return self._tuple() == other if isinstance(other, tuple) else NotImplemented

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash(self._tuple())

    def __add__(self, other: tuple) -> tuple:
        return self._tuple() + tuple(other)

    def __radd__(self, other: tuple) -> tuple:
        return tuple(other) + self._tuple()

    def __repr__(self) -> str:
        return repr(self._tuple())

    def __reduce__(self):
        return tuple, (self._tuple(),)


def grouped(figures: tuple[Figure, ...]) -> list[tuple[str, tuple[Figure, ...]]]:
    """Figures gathered by group, groups in the order they first appear."""
    groups: dict[str, list[Figure]] = {}
    for figure in figures:
        groups.setdefault(figure.group, []).append(figure)
    return [(name, tuple(items)) for name, items in groups.items()]
