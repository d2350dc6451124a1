"""Pure arithmetic of progress: completion, time-elapsed share (序时进度), ahead/behind. No Textual."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import NamedTuple

from .model import Target

AHEAD = "ahead"
BEHIND = "behind"
UNKNOWN = "unknown"


def time_elapsed_share(as_of: dt.date, year: int) -> float:
    """Share of the year passed at the end of `as_of`, counted in months as 序时进度 is.

    Whole months passed plus the passed share of the current month, over 12:
    31 May gives 5/12 = 41.7%. Dates before the year give 0, after it 1.
    """
    if as_of.year < year:
        return 0.0
    if as_of.year > year:
        return 1.0
    days_in_month = calendar.monthrange(as_of.year, as_of.month)[1]
    return (as_of.month - 1 + as_of.day / days_in_month) / 12


class TargetProgress(NamedTuple):
    target: Target
    completion: float | None  # current / target; None when the current value is unknown
    time_share: float
    verdict: str  # AHEAD, BEHIND or UNKNOWN

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
    share = time_elapsed_share(as_of, year)
    done = completion(target)
    if done is None:
        verdict = UNKNOWN
    else:
        verdict = AHEAD if done >= share else BEHIND
    return TargetProgress(target, done, share, verdict)


def warnings(progress: list[TargetProgress]) -> list[TargetProgress]:
    """The targets behind their time-elapsed share (预警), worst first."""
    behind = [p for p in progress if p.verdict == BEHIND]
    return sorted(behind, key=lambda p: p.gap or 0.0)


def assess_all(targets, as_of: dt.date, year: int) -> list[TargetProgress]:
    return [assess(t, as_of, year) for t in targets]
