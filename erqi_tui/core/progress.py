"""Pure arithmetic of progress: completion, time-elapsed share (序时进度), ahead/behind. No Textual."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from .model import Dashboard, Target

AHEAD = "ahead"
BEHIND = "behind"
ON_SCHEDULE = "on_schedule"  # 持平: the completion equals the time-elapsed share, as shown (0.0 points)
UNKNOWN = "unknown"
VERDICT_WORD = {AHEAD: "超前", BEHIND: "落后", ON_SCHEDULE: "持平", UNKNOWN: "进度未知"}  # shown through tr()
STALE_DAYS = 31  # a figure more than a month older than the newest one is marked as stale


def days_in_month(year: int, month: int) -> int:
    """The number of days in `month` of `year` (the standard calendar module costs a session ~0.1 MB)."""
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


def time_elapsed_share(as_of: dt.date, year: int) -> float:
    """Share of the year passed at the end of `as_of`, counted in months as 序时进度 is.

    Whole months passed plus the passed share of the current month, over 12:
    31 May gives 5/12 = 41.7%. Dates before the year give 0, after it 1.
    """
    if as_of.year < year:
        return 0.0
    if as_of.year > year:
        return 1.0
    return (as_of.month - 1 + as_of.day / days_in_month(as_of.year, as_of.month)) / 12


class TargetProgress(NamedTuple):
    target: Target
    completion: float | None  # current / target; None when the current value is unknown
    time_share: float
    verdict: str  # AHEAD, BEHIND, ON_SCHEDULE or UNKNOWN
    as_of: dt.date | None = None  # the date it is judged at: its figure's own, or the what-if date

    @property
    def approx(self) -> bool:
        """Whether the completion is as loose as its figures: a current value or goal the source
        gives as 约 (约20 个 of 60: about 33.3%)."""
        return bool(self.target.current is not None and self.target.current.approx or self.target.target.approx)

    @property
    def gap(self) -> float | None:
        """Completion minus time share, in fractions of 1 (negative when behind)."""
        if self.completion is None:
            return None
        return self.completion - self.time_share


def completion(target: Target) -> float | None:
    if target.current is None or target.target.value == 0:
        return None
    return target.current.value / target.target.value


def assess(target: Target, as_of: dt.date, year: int) -> TargetProgress:
    """`target` judged at `as_of`. Within half a tenth of a point of the share it is on schedule
    (持平): it would show as 0.0 points either way, and "超前 0.0" tells an official nothing."""
    share = time_elapsed_share(as_of, year)
    done = completion(target)
    if done is None:
        verdict = UNKNOWN
    elif abs(done - share) < 0.0005:
        verdict = ON_SCHEDULE
    else:
        verdict = AHEAD if done > share else BEHIND
    return TargetProgress(target, done, share, verdict, as_of)


def at_month_start(p: TargetProgress, year: int) -> TargetProgress | None:
    """`p` judged on the first day of its month instead of the last: where the source gives only a
    month, the figure stood at some day of it, and its verdict lies between the two. None where
    the verdict is the same at both ends (nothing rests on the day assumed)."""
    if p.as_of is None:
        return None
    early = assess(p.target, p.as_of.replace(day=1), year)
    return None if early.verdict == p.verdict else early


def warnings(progress: list[TargetProgress]) -> list[TargetProgress]:
    """The targets behind their time-elapsed share (预警), worst first."""
    behind = [p for p in progress if p.verdict == BEHIND]
    return sorted(behind, key=lambda p: p.gap or 0.0)


def assess_all(targets, dashboard: Dashboard, what_if: dt.date | None = None) -> list[TargetProgress]:
    """Each target judged at the date its own figure stands at, not at the newest date of any other
    figure; or all at `what_if` (--as-of) when given."""
    year = dashboard.meta.year
    return [assess(t, what_if or dashboard.target_date(t), year) for t in targets]


def is_stale(figure_date: dt.date, newest: dt.date) -> bool:
    """A figure more than a month older than the newest one: it may not have been updated."""
    return (newest - figure_date).days > STALE_DAYS
