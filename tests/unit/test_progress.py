"""序时进度 and ahead/behind: the arithmetic officials read the dashboard for."""

from __future__ import annotations

import datetime as dt

import pytest

from erqi_tui.core import progress
from erqi_tui.core.model import Quantity, Target


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


def test_days_in_month_agrees_with_the_calendar():
    import calendar

    for year in (1900, 2000, 2023, 2024, 2100):
        for month in range(1, 13):
            assert progress.days_in_month(year, month) == calendar.monthrange(year, month)[1]


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
    assessed = [progress.assess(t, as_of, 2024)
                for t in (target(40, 100), target(10, 100), target(90, 100), target(None, 5))]
    assert [round(p.completion, 2) for p in progress.warnings(assessed)] == [0.1, 0.4]


def test_a_target_exactly_on_schedule_is_on_schedule_not_ahead():
    on_time = progress.assess(target(150, 300, "亿元"), dt.date(2024, 6, 30), 2024)
    assert on_time.verdict == progress.ON_SCHEDULE and progress.VERDICT_WORD[on_time.verdict] == "持平"
    assert progress.warnings([on_time]) == []


def dashboard_with(targets, as_of=dt.date(2024, 5, 31)):
    from erqi_tui.core.model import Dashboard, Meta

    return Dashboard(meta=Meta(district="区", year=2024, as_of=as_of), targets=tuple(targets))


def test_each_target_is_judged_at_its_own_figures_date():
    # 签约额 was updated to 30 June; 新签约产业项目 still stands at 31 May (13 of 30: ahead then).
    amount = target(140, 300, "亿元")._replace(id="amount", as_of=dt.date(2024, 6, 30))
    projects = target(13, 30)._replace(id="projects")
    board = dashboard_with([amount, projects])
    assert board.as_of == dt.date(2024, 6, 30)
    judged = {p.target.id: p for p in progress.assess_all(board.targets, board)}
    assert judged["projects"].as_of == dt.date(2024, 5, 31) and judged["projects"].verdict == progress.AHEAD
    assert judged["amount"].as_of == dt.date(2024, 6, 30) and judged["amount"].verdict == progress.BEHIND
    what_if = {p.target.id: p for p in progress.assess_all(board.targets, board, dt.date(2024, 6, 30))}
    assert what_if["projects"].verdict == progress.BEHIND  # --as-of judges everything at one date


def test_a_figure_over_a_month_older_than_the_newest_is_stale():
    assert not progress.is_stale(dt.date(2024, 5, 31), dt.date(2024, 6, 30))
    assert progress.is_stale(dt.date(2024, 4, 30), dt.date(2024, 6, 30))
