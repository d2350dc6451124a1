"""A target through the year (series.py): its values by date, the projection with the issue's
formulas, and the change since a date or a briefing."""

from __future__ import annotations

import datetime as dt

import pytest

from erqi_tui.core.i18n import ZH
from erqi_tui import store
from erqi_tui.core.model import Briefing, Quantity, Target, Update
from erqi_tui.core.series import ABOUT, AT_LEAST, AT_MOST, EXACT, Since, default_since, difference, projection, series, value_at

from ..conftest import BUNDLED

TODAY = dt.date(2024, 12, 31)


def amount(value, date, who="张", unit="亿元", **bounds):
    return Update("target", "signed-amount", {"current": Quantity(value, unit, **bounds)}, date, who)


def record(path, update):
    return store.record(path, update, today=TODAY, lang=ZH)[0].dashboard


def test_the_bundled_amount_projects_as_the_issue_computes_it():
    dashboard = store.load(BUNDLED)
    target = next(t for t in dashboard.targets if t.id == "signed-amount")
    p = projection(target, dt.date(2024, 5, 31), 2024)
    # 107.96 ÷ (5/12) = 259.1; 300 − 259.1 = 40.9; (300 − 107.96) ÷ 7 = 27.4
    assert (round(p.year_end, 1), round(p.shortfall, 1), round(p.monthly_need, 1)) == (259.1, 40.9, 27.4)
    assert p.months_left == pytest.approx(7)
    # 超300亿元 is a lower bound: what is still needed is at least so much; the pace itself is exact.
    assert (p.year_end_bound, p.need_bound) == (EXACT, AT_LEAST) and not p.on_course


def test_bounds_follow_the_figures():
    def proj(current, target):
        return projection(Target("t", "t", target, current), dt.date(2024, 6, 30), 2024)

    exact = proj(Quantity(40, "家"), Quantity(100, "家"))
    assert (exact.year_end, exact.shortfall, exact.monthly_need) == (80, 20, 10)
    assert (exact.year_end_bound, exact.need_bound) == (EXACT, EXACT)
    some = proj(Quantity(40, "家", at_least=True), Quantity(100, "家"))  # 40余家: at least 80 by the end
    assert (some.year_end_bound, some.need_bound) == (AT_LEAST, AT_MOST)
    both = proj(Quantity(40, "家", at_least=True), Quantity(100, "家", at_least=True))
    assert both.need_bound == ABOUT


def test_a_value_above_target_needs_nothing_more_and_no_value_projects_nothing():
    above = projection(Target("t", "t", Quantity(10, "个"), Quantity(12, "个")), dt.date(2024, 3, 31), 2024)
    assert above.reached and above.on_course and above.monthly_need == 0 and above.shortfall is None
    assert projection(Target("t", "t", Quantity(10, "个")), dt.date(2024, 3, 31), 2024) is None


def test_a_figure_dated_before_the_year_has_no_pace_yet():
    early = projection(Target("t", "t", Quantity(120, "个"), Quantity(0, "个")), dt.date(2023, 12, 31), 2024)
    assert early.year_end is None and early.shortfall is None and early.monthly_need == 10
    late = projection(Target("t", "t", Quantity(120, "个"), Quantity(60, "个")), dt.date(2025, 1, 5), 2024)
    assert late.months_left == 0 and late.monthly_need is None and late.year_end == 60


def test_series_in_date_order_without_withdrawn_updates(data):
    record(data, amount(180, dt.date(2024, 7, 31)))
    record(data, amount(140, dt.date(2024, 6, 30), who="李"))  # June's figure reported late
    dashboard = record(data, amount(999, dt.date(2024, 8, 31)))
    dashboard = store.record(data, Update("", "", {}, None, "王", withdraw=3), today=TODAY, lang=ZH)[0].dashboard
    points = series(dashboard, "signed-amount")
    assert [(p.date.isoformat(), p.value.value, p.seq) for p in points] == [
        ("2024-05-31", 107.96, 0), ("2024-06-30", 140, 2), ("2024-07-31", 180, 1)]
    assert points[1].who == "李"


def test_a_later_recording_of_the_same_day_stands(data):
    record(data, amount(150, dt.date(2024, 6, 30)))
    dashboard = record(data, amount(151, dt.date(2024, 6, 30)))
    assert [p.value.value for p in series(dashboard, "signed-amount")] == [107.96, 151]


def test_change_since_a_date(data):
    record(data, amount(140, dt.date(2024, 6, 30)))
    dashboard = record(data, amount(172.1, dt.date(2024, 7, 31)))
    change = difference(dashboard, "signed-amount", Since(dt.date(2024, 6, 30)))
    assert change.before.value.value == 140 and round(change.delta, 1) == 32.1
    assert difference(dashboard, "signed-amount", Since(dt.date(2024, 7, 31))) is None  # nothing since
    from_nothing = difference(dashboard, "signed-amount", Since(dt.date(2024, 1, 31)))
    assert from_nothing.before is None and from_nothing.delta is None


def test_since_a_briefing_counts_what_the_briefing_could_show(data):
    record(data, amount(140, dt.date(2024, 6, 30))._replace(at=dt.datetime(2024, 7, 1, 17, 0)))
    briefing = Briefing(dt.date(2024, 6, 30), dt.datetime(2024, 7, 2, 9, 0), "办公室")
    dashboard = store.mark_briefing(data, briefing, lang=ZH).dashboard
    assert dashboard.briefings == (briefing,)
    since = default_since(dashboard)
    assert since.briefing == briefing and since.date == dt.date(2024, 6, 30)
    # June's figure corrected after the briefing: the change is counted from what it showed.
    dashboard = store.record(data, amount(145, dt.date(2024, 6, 30), who="李")._replace(
        at=dt.datetime(2024, 7, 5, 10, 0)), today=TODAY, lang=ZH)[0].dashboard
    change = difference(dashboard, "signed-amount", default_since(dashboard))
    assert change.before.value.value == 140 and change.delta == 5
    assert default_since(dashboard, dt.date(2024, 5, 31)) == Since(dt.date(2024, 5, 31))


def test_value_at_picks_the_latest_on_or_before():
    from erqi_tui.core.series import Point

    points = [Point(dt.date(2024, 1, 31), Quantity(1, "个")), Point(dt.date(2024, 3, 31), Quantity(3, "个"))]
    assert value_at(points, dt.date(2024, 2, 15)).value.value == 1
    assert value_at(points, dt.date(2024, 1, 1)) is None


def test_named_projects_are_reconciled_with_the_figure(write_toml):
    from erqi_tui.core import fmt
    from erqi_tui.core.series import listed

    dashboard = store.load(BUNDLED)
    count = listed(dashboard, next(t for t in dashboard.targets if t.id == "new-projects"))
    assert [p.id for p in count.projects] == ["dayou-agri", "zhongyuan-energy"] and fmt.reconciled(count, lang=ZH) == "已列明 2 / 13 个"
    assert listed(dashboard, next(t for t in dashboard.targets if t.id == "signed-amount")) is None  # none named
    money = store.load(write_toml(
        '[meta]\ndistrict = "区"\nyear = 2024\nas_of = 2024-05-31\n'
        '\n[[target]]\nid = "amount"\nname = "签约额"\ntarget = { value = 300, unit = "亿元" }\n'
        'current = { value = 107.96, unit = "亿元" }\n'
        '\n[[project]]\nid = "a"\nname = "甲"\ncounts_for = ["amount"]\ninvestment = { value = 10, unit = "亿元" }\n'
        '\n[[project]]\nid = "b"\nname = "乙"\ncounts_for = ["amount"]\ninvestment = { value = 5000, unit = "万元" }\n'
        '\n[[project]]\nid = "c"\nname = "丙"\ncounts_for = ["amount"]\n'))
    found = listed(money, money.targets[0])
    assert found.total == Quantity(10.5, "亿元") and len(found.projects) == 3  # 丙 named, no amount to add
    assert fmt.reconciled(found, lang=ZH) == "已列明 3 个项目，合计 10.5 亿元 / 107.96 亿元"


def test_counts_for_names_only_targets(write_toml):
    path = write_toml('[meta]\ndistrict = "区"\nyear = 2024\nas_of = 2024-05-31\n'
                      '\n[[project]]\nid = "a"\nname = "甲"\ncounts_for = ["nope"]\n')
    with pytest.raises(store.DataError) as caught:
        store.load(path)
    (problem,) = caught.value.problems
    assert problem.key == "project[1].counts_for" and "[[target]] ids" in problem.message
