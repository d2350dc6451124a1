"""A target through the year: its values by date, the projection at the current pace, and the change
since a date or since the last briefing. Pure arithmetic on the loaded record; no Textual.

The formulas, so that anyone can check them (序时进度 as progress.time_elapsed_share counts it):
    年底预计   = current ÷ 序时进度 at the current value's date
    缺口       = target − 年底预计, when positive
    余下每月需 = (target − current) ÷ the months of the year left after that date (fractional)
"""

import datetime as dt
from itertools import repeat
from operator import itemgetter
from typing import NamedTuple

from .model import Briefing, Change, Dashboard, LazyChanges, Quantity, Target
from .progress import time_elapsed_share
from .units import SCALES, dimension, in_base_unit


class Point(NamedTuple):
    """One value of a target: from the data file (seq 0) or a journal update (its number)."""

    date: dt.date  # the day the value stands at
    value: Quantity
    seq: int = 0
    at: dt.datetime | None = None  # when it was recorded (None: in the data file)
    who: str = ""


def series(dashboard: Dashboard, target_id: str) -> list[Point]:
    """The target's values in date order, whatever order they were recorded in: the data file's
    figure, then every update in force (withdrawn ones left out). Of two values for one day the
    one recorded later stands."""
    if dashboard.changes.__class__ is LazyChanges:
        return _series_known(dashboard, target_id)
    points = recorded(dashboard, target_id)
    by_date = dict(zip(map(_DATE, points), points))  # a later recording of a day replaces an earlier one
    return list(by_date.values())


def _series_known(dashboard: Dashboard, target_id: str) -> list[Point]:
    """`series` of a dashboard read from a journal's kept state, from what it knows of the changes
    kept (each day's last value in force, model.current_known) and the changes since, without
    making the kept ones: of the points `recorded` gives, only each day's last is needed."""
    target = next(t for t in dashboard.targets if t.id == target_id)
    changes = dashboard.changes
    kept = changes.worked_out.get(target_id)
    if kept is not None and kept[0] is target and kept[1] == dashboard.meta.as_of:
        return list(kept[2])
    first, known, since = _known_parts(dashboard, target)
    points = [*first, *map(tuple.__new__, repeat(Point), () if known is None else known[2]), *since]
    points.sort(key=_DATE_SEQ)
    points = list(dict(zip(map(_DATE, points), points)).values())
    changes.worked_out[target_id] = (target, dashboard.meta.as_of, tuple(points))
    return points


def _known_parts(dashboard: Dashboard, target: Target) -> tuple[list[Point], tuple | None, list[Point]]:
    """Of a dashboard read from a journal's kept state, `target`'s value in the data file (as a
    list of none or one point), what the kept state knows of it (model.current_known; None: the
    changes kept do not change it) and its values in force applied since, as points."""
    changes = dashboard.changes
    since = [c for c in changes.since if c.kind == "target" and c.id == target.id and c.field == "current"]
    known = changes.current(target.id)
    old, old_date = (known[0], known[1]) if known is not None else (since[0].old, since[0].old_date) if since else (None, None)
    first = _first_point(dashboard, target, known is not None or bool(since), old, old_date)
    return first, known, list(map(tuple.__new__, repeat(Point), map(_POINT_OF_CHANGE, [c for c in since if c.withdrawn is None])))


def _first_point(dashboard: Dashboard, target: Target, changed: bool, old: Quantity | None,
                 old_date: dt.date | None) -> list[Point]:
    """The data file's value of `target`: the one the first update of its figure replaced (`old`, at
    `old_date`), when one `changed` it, else its current figure."""
    if changed:
        return [Point(old_date or dashboard.meta.as_of, old)] if old is not None else []
    return [Point(dashboard.target_date(target), target.current)] if target.current is not None else []


def recorded(dashboard: Dashboard, target_id: str) -> list[Point]:
    """Every value of the target in force, by date, those of one day in the order recorded."""
    target = next(t for t in dashboard.targets if t.id == target_id)
    key = (id(dashboard.changes), target_id)
    kept = _RECORDED.get(key)
    if kept is not None and kept[0] is dashboard.changes and kept[1] is target and kept[2] == dashboard.meta.as_of:
        return list(kept[3])
    changes: list[Change] = [c for c in dashboard.history("target", target_id) if c.field == "current"]
    first = changes[0] if changes else None
    points = _first_point(dashboard, target, first is not None, None if first is None else first.old,
                          None if first is None else first.old_date)
    # Point(c.date, c.new, c.seq, c.at, c.who), made in C: a year of 100,000 updates is 50,000 a target
    points += map(tuple.__new__, repeat(Point), map(_POINT_OF_CHANGE, [c for c in changes if c.withdrawn is None]))
    points.sort(key=_DATE_SEQ)
    if len(changes) > 100:  # worked out once per dashboard: each pane and chart asks again
        while len(_RECORDED) >= 8:
            del _RECORDED[next(iter(_RECORDED))]
        _RECORDED[key] = (dashboard.changes, target, dashboard.meta.as_of, tuple(points))
    return points


_POINT_OF_CHANGE = itemgetter(5, 4, 9, 6, 7)  # Change's date, new, seq, at, who
_DATE_SEQ = itemgetter(0, 2)  # Point's date and seq
_DATE = itemgetter(0)
_RECORDED: dict[tuple[int, str], tuple] = {}  # by id of the changes (kept with them) and target


def value_at(points: list[Point], date: dt.date, known_by: dt.datetime | None = None) -> Point | None:
    """The value in force at the end of `date`: the latest one dated on or before it (of one day,
    the last recorded); with `known_by`, only among those recorded by then (what a briefing made at
    that moment showed). `points` in date order, as `recorded` gives them."""
    found = None
    for point in points:
        if point.date > date:
            break
        if known_by is None or point.at is None or point.at <= known_by:
            found = point
    return found


# Which way a bound on a derived figure points: the figure is at least / at most / about this.
AT_LEAST, AT_MOST, ABOUT, EXACT = "at_least", "at_most", "about", ""


def _bound(target: Quantity, current: Quantity, grows_with_current: bool) -> str:
    """A lower-bound current value (40余) makes what grows with it at least so and what shrinks
    with it at most so; a lower-bound target (超300) makes what is still needed at least so."""
    from_current = (AT_LEAST if grows_with_current else AT_MOST) if current.at_least else EXACT
    from_target = EXACT if grows_with_current or not target.at_least else AT_LEAST
    if from_current and from_target and from_current != from_target:
        return ABOUT
    return from_current or from_target or (ABOUT if current.approx or target.approx else EXACT)


class Projection(NamedTuple):
    """Where the year ends at the current pace, and what the rest of it needs."""

    target: Quantity
    current: Quantity
    date: dt.date  # the date the current value stands at
    share: float  # 序时进度 at that date
    months_left: float  # months of the year after that date
    year_end: float | None  # 年底预计; None before the year began (no pace yet)
    shortfall: float | None  # 缺口; None when the projection reaches the target
    monthly_need: float | None  # 余下每月需; 0 when the target is reached; None when no month is left
    year_end_bound: str = EXACT
    need_bound: str = EXACT  # for both 缺口 and 余下每月需

    @property
    def reached(self) -> bool:
        return self.current.value >= self.target.value

    @property
    def on_course(self) -> bool:
        """At this pace the target is reached by the year's end."""
        return self.reached or (self.year_end is not None and self.year_end >= self.target.value)


def projection(target: Target, date: dt.date, year: int) -> Projection | None:
    """`target` projected from its current value at `date`; None without a current value or a
    target to reach."""
    current, goal = target.current, target.target
    if current is None or goal.value <= 0:
        return None
    share = time_elapsed_share(date, year)
    months_left = 12 * (1 - share)
    year_end = current.value / share if share > 0 else None
    shortfall = goal.value - year_end if year_end is not None and year_end < goal.value else None
    remaining = goal.value - current.value
    if remaining <= 0:
        need = 0.0
    else:
        need = remaining / months_left if months_left > 0 else None
    return Projection(goal, current, date, share, months_left, year_end, shortfall, need,
                      year_end_bound=_bound(goal, current, grows_with_current=True),
                      need_bound=_bound(goal, current, grows_with_current=False))


class Since(NamedTuple):
    """What to compare with: the figures at `date`, as known at `known_by` (a briefing's moment)."""

    date: dt.date
    known_by: dt.datetime | None = None
    briefing: Briefing | None = None  # the briefing mark it comes from, if any


class Difference(NamedTuple):
    since: Since
    before: Point | None  # None: the target had no value then
    now: Point

    @property
    def delta(self) -> float | None:
        return None if self.before is None else self.now.value.value - self.before.value.value

    @property
    def bounded(self) -> bool:
        """Either side is a lower bound or approximate: the difference is only about so much."""
        return self.before is not None and any(q.at_least or q.approx for q in (self.before.value, self.now.value))


def difference(dashboard: Dashboard, target_id: str, since: Since) -> Difference | None:
    """The target's value now against its value at `since`; None when it has no value now or
    nothing changed since then."""
    if dashboard.changes.__class__ is LazyChanges:
        found = _difference_known(dashboard, target_id, since)
        if found is not _UNKNOWN:
            return found
    points = recorded(dashboard, target_id)
    if not points:
        return None
    now = value_at(points, max(p.date for p in points))
    before = value_at(points, since.date, since.known_by)
    if before is not None and before.value == now.value:
        return None
    return Difference(since, before, now)


_UNKNOWN = object()


def _difference_known(dashboard: Dashboard, target_id: str, since: Since) -> Difference | None | object:
    """`difference` of a dashboard read from a journal's kept state, without making the changes
    kept: the value now is the last of `series`, and the value at `since` the one `series` gives
    for that date or, as known at a moment (a briefing's), the latest of the value the kept state
    knows at that briefing, the data file's and those applied since. _UNKNOWN when the kept state
    does not know it (a briefing made since): `recorded` is needed."""
    points = series(dashboard, target_id)
    if not points:
        return None
    now = points[-1]
    if since.known_by is None:
        before = value_at(points, since.date)
    else:
        target = next(t for t in dashboard.targets if t.id == target_id)
        first, known, applied = _known_parts(dashboard, target)
        candidates = [p for p in (*first, *applied)
                      if p.date <= since.date and (p.at is None or p.at <= since.known_by)]
        if known is not None:
            if known[3] is None or known[3][0] != (since.date, since.known_by):
                return _UNKNOWN
            if known[3][1] is not None:
                candidates.append(tuple.__new__(Point, known[3][1]))
        before = max(candidates, key=_DATE_SEQ, default=None)  # as value_at: the last by date, then entry
    if before is not None and before.value == now.value:
        return None
    return Difference(since, before, now)


def default_since(dashboard: Dashboard, since: dt.date | None = None) -> Since | None:
    """What to compare with: the date asked for (--since), else the last briefing mark, else nothing."""
    if since is not None:
        return Since(since)
    if dashboard.briefings:
        last = max(dashboard.briefings, key=lambda b: b.at)
        return Since(last.date, last.at, last)
    return None


class Listed(NamedTuple):
    """The projects a file names as part of a target's figure, against the figure itself."""

    projects: tuple  # model.Project, in file order
    total: Quantity | None  # their amounts summed in the target's unit, where they are amounts of it
    reported: Quantity | None  # the target's current value


def listed(dashboard: Dashboard, target: Target) -> Listed | None:
    """What the named projects add up to for `target` (None when the file names none): a count
    target is reconciled by number, a money or area target by the projects' investment or area in
    its unit (those without one are named but not summed)."""
    named = tuple(p for p in dashboard.projects if target.id in p.counts_for)
    if not named:
        return None
    unit = target.target.unit
    if dimension(unit) not in ("money", "area"):
        return Listed(named, None, target.current)
    field = "investment" if dimension(unit) == "money" else "area"
    amounts = [getattr(p, field) for p in named if getattr(p, field) is not None
               and dimension(getattr(p, field).unit) == dimension(unit)]
    total = Quantity(round(sum(in_base_unit(q) for q in amounts) / SCALES[unit][1], 4), unit) if amounts else None
    return Listed(named, total, target.current)
