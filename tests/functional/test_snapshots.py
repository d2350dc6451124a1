"""Pictures of every pane (pytest-textual-snapshot). The as-of date comes from the file, there is no
clock and no blinking cursor, and animations are off, so a picture changes only when the screen does.
Regenerate with `pytest --snapshot-update` and look at every changed picture before committing it."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import make_app

PANES = {"overview": "1", "investment": "2", "layout": "3", "business": "4", "projects": "5"}


@pytest.mark.parametrize("pane", list(PANES))
def test_pane_100x30(snap_compare, pane):
    assert snap_compare(make_app(), press=[PANES[pane]], terminal_size=(100, 30))


def test_overview_80x24(snap_compare):
    assert snap_compare(make_app(), press=["1"], terminal_size=(80, 24))


def test_projects_80x24(snap_compare):
    assert snap_compare(make_app(), press=["5"], terminal_size=(80, 24))


def test_help_screen(snap_compare):
    assert snap_compare(make_app(), press=["question_mark"], terminal_size=(100, 30))


def test_project_detail(snap_compare):
    assert snap_compare(make_app(), press=["5", "enter"], terminal_size=(100, 30))


def test_too_small_says_so(snap_compare):
    assert snap_compare(make_app(), terminal_size=(50, 14))


# Another district's file (示例（虚构）): four corridors, targets on every pane, mixed units.
@pytest.mark.parametrize("pane, size, lang", [
    ("layout", (80, 24), "zh"), ("projects", (80, 24), "zh"), ("overview", (100, 30), "en"),
    ("layout", (200, 50), "en"),
])
def test_another_districts_file(snap_compare, pane, size, lang):
    from ..conftest import TEST_DATA

    keys = (["l"] if lang == "en" else []) + [PANES[pane]]
    assert snap_compare(make_app(TEST_DATA / "corridors.toml"), press=keys, terminal_size=size)


# The invented example year (示例（虚构）): a whole year of figures, briefing marks, the 大屏.
EXAMPLE_YEAR = Path(__file__).resolve().parents[2] / "data" / "example-year.toml"


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (200, 50)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_example_year_overview(snap_compare, size):
    """80x24 and 100x30: the cards, the 预警 and the focused target's chart; 200x50: the 大屏."""
    assert snap_compare(make_app(EXAMPLE_YEAR), press=["1"], terminal_size=size)


def test_example_year_investment_pane_en(snap_compare):
    assert snap_compare(make_app(EXAMPLE_YEAR, lang="en"), press=["2"], terminal_size=(100, 30))


@pytest.mark.parametrize("size, lang", [((80, 24), "en"), ((100, 30), "zh"), ((200, 50), "en")],
                         ids=lambda v: f"{v[0]}x{v[1]}" if isinstance(v, tuple) else v)
def test_history_of_a_target(snap_compare, size, lang):
    """h on 招商引资's first card: each column says what it holds (序号, 截至, 更新项…); at 80 columns no
    date is cut and the note keeps room (issue 25)."""
    assert snap_compare(make_app(EXAMPLE_YEAR, lang=lang), press=["2", "tab", "h"], terminal_size=size)


@pytest.mark.parametrize("data, lang", [("example", "en"), ("bundled", "zh")])
def test_big_screen_at_160x45(snap_compare, data, lang):
    """The 大屏 where it starts (160 columns): fewer charts, larger, where not all have room, and the
    预警 and 要闻数据 whole beside them (issue 25)."""
    app = make_app(EXAMPLE_YEAR, lang=lang) if data == "example" else make_app(lang=lang)
    assert snap_compare(app, press=["1"], terminal_size=(160, 45))


def test_big_screen_forced_at_100x30(snap_compare):
    app = make_app()
    app.force_big = True
    assert snap_compare(app, press=["1"], terminal_size=(100, 30))


def test_changes_view(snap_compare):
    assert snap_compare(make_app(EXAMPLE_YEAR), press=["d"], terminal_size=(100, 30))


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (200, 50)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_wall_chart(snap_compare, size):
    """挂图作战 on the bundled file, judged at 2024-10-15 (--as-of): two steps overdue, one planned."""
    import datetime as dt

    assert snap_compare(make_app(as_of=dt.date(2024, 10, 15)), press=["g"], terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (200, 50)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_supervision_example_year(snap_compare, size):
    """督办 on the example year (invented units, marked 示例·): units ranked by what is late or open."""
    assert snap_compare(make_app(EXAMPLE_YEAR), press=["u"], terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (200, 50)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_tasks_by_area_example_year(snap_compare, size):
    """营商环境 on the example year, scrolled to its key tasks: progress by area, the overdue named."""
    assert snap_compare(make_app(EXAMPLE_YEAR), press=["4", "end"], terminal_size=size)


def test_open_requests_example_year(snap_compare):
    """督办 → r: the open enterprise requests, the oldest first, with how long each has waited."""
    assert snap_compare(make_app(EXAMPLE_YEAR), press=["u", "r"], terminal_size=(100, 30))


def test_drill_into_a_stage(snap_compare):
    """Enter on 招商引资's 签约 stage: its projects against the 13 the article reports."""
    async def focus_stage(pilot):
        from erqi_tui.ui.widgets.drillbox import DrillBox

        await pilot.press("2")
        await pilot.pause()
        next(box for box in pilot.app.query(DrillBox) if box.key == "签约").focus()
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=focus_stage, terminal_size=(100, 30))


def test_the_big_screen_fills_its_space_and_lines_up_its_charts():
    """The 大屏 at 200×50 (issue 25): no empty rows under the charts, the 预警 and 要闻数据 whole,
    every chart of a row with its baseline on the same line, each legend with its target's value."""
    import re

    from .helpers import run_with, screen_text

    app = make_app(EXAMPLE_YEAR)

    async def check(pilot):
        text = screen_text(app)
        lines = text.splitlines()
        body = lines[4:-1]  # under the header, the tabs and the title; above the keys
        blank = [i for i, line in enumerate(body) if not line.strip("│ ")]  # nothing in any box
        assert not blank, f"empty rows: {blank}"
        baselines = [len(re.findall(r" 0┤", line)) for line in lines if " 0┤" in line]  # the axis's 0
        assert sum(baselines) == 7 and len(baselines) == 2  # seven charts, on two lines
        for words in ("计划运作重大项目", "“免证可办”事项", "可开发用地", "另有 3 个逾期节点"):
            assert words in text
        for target in ("目标 40个以上", "目标 350亿元以上", "目标 2,000 亩"):
            assert target in text

    run_with(app, check, size=(200, 50))


@pytest.mark.parametrize("data", ["example", "bundled"])
@pytest.mark.parametrize("size", [(160, 45), (200, 50)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_big_screen_reads_whole(data, size, lang):
    """The 大屏 at 160×45 and 200×50, in Chinese and English (issue 25): nothing cut with …, the 预警
    and 要闻数据 whole in their cell (nothing scrolls), every chart shown with room for its plot, and a
    chart left out for want of room named."""
    from erqi_tui.ui.panes.big import MIN_PLOT, BigOverview
    from erqi_tui.ui.widgets.course import BurnUp, TargetCourse

    from .helpers import run_with, screen_text

    app = make_app(EXAMPLE_YEAR, lang=lang) if data == "example" else make_app(lang=lang)

    async def check(pilot):
        await pilot.pause()
        big = app.query_one(BigOverview)
        side = big.query_one("#big-side")
        assert side.max_scroll_y == 0, side.virtual_size
        body = screen_text(app).splitlines()[4:-1]
        assert not [line for line in body if "…" in line]
        charts = list(big.query(TargetCourse))
        for chart in charts:
            if chart.display:
                assert chart.query_one(BurnUp).size.height >= MIN_PLOT + 2  # the plot, the months, the legend
        hidden = [c for c in charts if not c.display]
        note = str(big.query_one("#big-hidden").render())
        assert all(c.item.target.name in note for c in hidden) if lang == "zh" else bool(note) == bool(hidden)

    run_with(app, check, size=size)
