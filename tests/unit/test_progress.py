"""序时进度 and ahead/behind: the arithmetic officials read the dashboard for."""

from __future__ import annotations

import datetime as dt

import pytest

from erqi_tui import progress
from erqi_tui.model import Quantity, Target


def target(current, goal, unit="个"):
    return Target(id="t", name="T", target=Quantity(goal, unit, True),
                  current=None if current is None else Quantity(current, unit))


@pytest.mark.parametrize("date, share", [
    (dt.date(2024, 5, 31), 5 / 12),          # the example: 41.7%
    (dt.date(2024, 1, 31), 1 / 12),
    (dt.date(2024, 2, 29), 2 / 12),          # leap-year February ends a whole month
    (dt.date(2024, 6, 15), (5 + 15 / 30) / 12),
    (dt.date(2024, 12, 31), 1.0),
    (dt.date(2023, 12, 31), 0.0),            # before the year
    (dt.date(2025, 1, 1), 1.0),              # after it
])
def test_time_elapsed_share_counts_months(date, share):
    assert progress.time_elapsed_share(date, 2024) == pytest.approx(share)


def test_article_targets_at_end_of_may():
    as_of = dt.date(2024, 5, 31)
    projects = progress.assess(target(13, 30), as_of, 2024)
    amount = progress.assess(target(107.96, 300, "亿元"), as_of, 2024)
    assert round(projects.completion * 100, 1) == 43.3 and projects.verdict == progress.AHEAD
    assert round(amount.completion * 100, 1) == 36.0 and amount.verdict == progress.BEHIND
    assert round(amount.gap * 100, 1) == -5.7


def test_unknown_current_has_no_verdict():
    assessed = progress.assess(target(None, 60), dt.date(2024, 5, 31), 2024)
    assert assessed.completion is None and assessed.verdict == progress.UNKNOWN and assessed.gap is None


def test_over_target_is_over_100_percent():
    assert progress.assess(target(45, 30), dt.date(2024, 5, 31), 2024).completion == pytest.approx(1.5)


def test_warnings_list_behind_targets_worst_first():
    as_of = dt.date(2024, 6, 30)  # half the year
    assessed = progress.assess_all([target(40, 100), target(10, 100), target(90, 100), target(None, 5)],
                                   as_of, 2024)
    assert [round(p.completion, 2) for p in progress.warnings(assessed)] == [0.1, 0.4]
