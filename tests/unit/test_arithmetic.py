"""The arithmetic every pane and export shows (completion, 序时进度, ahead or behind, the projection,
units within a dimension), checked with Hypothesis against a reference written here in exact
fractions: random targets, dates within the year and around it, values, and units of one dimension."""

from __future__ import annotations

import calendar
import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import assume, given, strategies as st

from erqi_tui.core import progress, series, units
from erqi_tui.core.model import Quantity, Target

CLOSE = Fraction(1, 10**9)  # relative: a float computed in a few steps is this close to the exact value

years = st.integers(1950, 2100)
amounts = st.one_of(st.integers(1, 10**12), st.floats(0.001, 1e12, allow_nan=False, allow_infinity=False))
currents = st.one_of(st.integers(0, 10**12), st.floats(0, 1e12, allow_nan=False, allow_infinity=False))


def close(got: float, exact: Fraction) -> bool:
    return abs(Fraction(got) - exact) <= CLOSE * max(abs(exact), 1)


@st.composite
def dated(draw, within: bool = True):
    """A year and a date in it, or (not `within`) up to two years either side."""
    year = draw(years)
    lo, hi = (dt.date(year, 1, 1), dt.date(year, 12, 31)) if within else (dt.date(year - 2, 1, 1), dt.date(year + 2, 12, 31))
    return year, draw(st.dates(lo, hi))


def share_exact(date: dt.date, year: int) -> Fraction:
    """序时进度 as the district counts it: whole months passed, and the passed share of this one, over 12."""
    if date.year != year:
        return Fraction(int(date.year > year))
    return (date.month - 1 + Fraction(date.day, calendar.monthrange(date.year, date.month)[1])) / 12


def target(goal, current, goal_bound=(False, False), current_bound=(False, False), unit="亿元") -> Target:
    return Target("t", "目标", Quantity(goal, unit, *goal_bound),
                  None if current is None else Quantity(current, unit, *current_bound))


@given(dated(within=False))
def test_the_time_elapsed_share_is_whole_months_and_the_share_of_this_one(case):
    year, date = case
    assert close(progress.time_elapsed_share(date, year), share_exact(date, year))


@given(years, st.integers(1, 12))
def test_the_last_day_of_a_month_is_that_many_twelfths_and_the_share_only_grows(year, month):
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    assert close(progress.time_elapsed_share(last, year), Fraction(month, 12))
    following = last + dt.timedelta(days=1)
    assert progress.time_elapsed_share(following, year) >= progress.time_elapsed_share(last, year)


@given(amounts, st.one_of(st.none(), currents))
def test_completion_is_the_current_value_over_the_target(goal, current):
    done = progress.completion(target(goal, current))
    if current is None:
        assert done is None
    else:
        assert close(done, Fraction(current) / Fraction(goal))


def test_a_target_of_nought_has_no_completion():
    assert progress.completion(target(0, 5)) is None


@given(amounts, st.one_of(st.none(), currents), dated())
def test_the_verdict_is_the_sign_of_completion_less_the_share_to_a_twentieth_of_a_point(goal, current, case):
    year, date = case
    judged = progress.assess(target(goal, current), date, year)
    assert judged.as_of == date and close(judged.time_share, share_exact(date, year))
    if current is None:
        assert judged.verdict == progress.UNKNOWN and judged.gap is None
        return
    gap = Fraction(current) / Fraction(goal) - share_exact(date, year)
    assume(abs(abs(gap) - Fraction(5, 10000)) > Fraction(1, 10**9))  # not a float's width from the line
    expected = (progress.ON_SCHEDULE if abs(gap) < Fraction(5, 10000)
                else progress.AHEAD if gap > 0 else progress.BEHIND)
    assert judged.verdict == expected
    assert abs(Fraction(judged.gap) - gap) <= CLOSE * max(1, abs(Fraction(current) / Fraction(goal)))


@given(st.lists(st.tuples(amounts, currents), min_size=1, max_size=8), dated())
def test_the_warnings_are_the_targets_behind_worst_first(pairs, case):
    year, date = case
    judged = [progress.assess(target(goal, current), date, year) for goal, current in pairs]
    warned = progress.warnings(judged)
    assert warned == sorted((p for p in judged if p.verdict == progress.BEHIND), key=lambda p: p.gap)
    assert all(p.gap < 0 for p in warned)


BOUNDS = st.tuples(st.booleans(), st.booleans())  # (at_least, approx)


def bound_exact(goal: tuple, current: tuple, grows: bool) -> str:
    """Which way the figure is bounded, by the rule in words: a lower-bound current value bounds what
    grows with it from below and what shrinks with it from above; a lower-bound target bounds what is
    still needed from below; bounds that pull apart, or an approximate figure, make it about so much."""
    pulls = set()
    if current[0]:
        pulls.add(series.AT_LEAST if grows else series.AT_MOST)
    if goal[0] and not grows:
        pulls.add(series.AT_LEAST)
    if len(pulls) == 2:
        return series.ABOUT
    if pulls:
        return pulls.pop()
    return series.ABOUT if goal[1] or current[1] else series.EXACT


@given(amounts, currents, dated(within=False), BOUNDS, BOUNDS)
def test_the_projection_is_the_current_pace_carried_to_the_years_end(goal, current, case, goal_bound, current_bound):
    year, date = case
    found = series.projection(target(goal, current, goal_bound, current_bound), date, year)
    share = share_exact(date, year)
    goal_x, current_x = Fraction(goal), Fraction(current)
    assert close(found.share, share) and close(found.months_left, 12 * (1 - share))
    if share == 0:
        assert found.year_end is None and found.shortfall is None
    else:
        year_end = current_x / share
        assert close(found.year_end, year_end)
        assume(abs(year_end - goal_x) > CLOSE * goal_x)  # not a float's width from the target
        if year_end < goal_x:
            assert close(found.shortfall, goal_x - year_end)
        else:
            assert found.shortfall is None
        assert found.on_course == (year_end >= goal_x)
    if current_x >= goal_x:
        assert found.monthly_need == 0 and found.reached
    elif share == 1:
        assert found.monthly_need is None  # no month left to need it in
    else:
        assert close(found.monthly_need, (goal_x - current_x) / (12 * (1 - share)))
    assert found.year_end_bound == bound_exact(goal_bound, current_bound, grows=True)
    assert found.need_bound == bound_exact(goal_bound, current_bound, grows=False)


@given(st.one_of(st.just(0), st.floats(-1e6, 0, allow_nan=False, exclude_max=True)), currents, dated())
def test_nothing_is_projected_without_a_target_to_reach_or_a_current_value(goal, current, case):
    year, date = case
    assert series.projection(target(goal, current), date, year) is None
    assert series.projection(target(1, None), date, year) is None


# The units, as the district's statistics define them, in the dimension's base unit (元, 平方米).
EXACT_SCALES = {"元": Fraction(1), "万元": Fraction(10**4), "亿元": Fraction(10**8),
                "平方米": Fraction(1), "㎡": Fraction(1), "亩": Fraction(10**4, 15), "公顷": Fraction(10**4),
                "平方公里": Fraction(10**6)}
DIMENSIONS = {"money": ["元", "万元", "亿元"], "area": ["平方米", "㎡", "亩", "公顷", "平方公里"]}


def test_the_reference_names_every_unit_that_converts():
    assert set(units.SCALES) == set(EXACT_SCALES)
    assert {unit: units.dimension(unit) for unit in EXACT_SCALES} == {
        unit: dimension for dimension, names in DIMENSIONS.items() for unit in names}


@given(st.sampled_from(sorted(DIMENSIONS)).flatmap(lambda d: st.tuples(*[st.sampled_from(DIMENSIONS[d])] * 2)),
       amounts, amounts)
def test_quantities_of_one_dimension_compare_as_their_exact_amounts(pair, a, b):
    unit_a, unit_b = pair
    exact_a, exact_b = Fraction(a) * EXACT_SCALES[unit_a], Fraction(b) * EXACT_SCALES[unit_b]
    base_a, base_b = units.in_base_unit(Quantity(a, unit_a)), units.in_base_unit(Quantity(b, unit_b))
    assert close(base_a, exact_a) and close(base_b, exact_b)
    assert units.dimension(unit_a) == units.dimension(unit_b)
    assume(abs(exact_a - exact_b) > CLOSE * max(exact_a, exact_b))
    assert (base_a < base_b) == (exact_a < exact_b)


@given(st.text(min_size=1, max_size=4).filter(lambda u: u not in EXACT_SCALES), amounts)
def test_any_other_unit_is_a_dimension_of_its_own_and_counts_as_it_is(unit, value):
    assert units.dimension(unit) == unit
    assert units.in_base_unit(Quantity(value, unit)) == value


@pytest.mark.parametrize("unit, counted", [("个", True), ("家", True), ("亿元", False), ("亩", False), ("%", False)])
def test_counted_units_are_whole_things(unit, counted):
    assert units.counted(unit) is counted
