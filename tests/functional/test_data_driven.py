"""The app is driven by the file alone: another district's file shows its own names and numbers,
and text from the file is shown as text, never as markup or terminal control."""

from __future__ import annotations

import datetime as dt

import pytest
import tomli_w

from ..conftest import TEST_DATA
from .helpers import make_app, run_with, screen_text

PANE_KEYS = ("1", "2", "3", "4", "5")


def all_panes_text(app) -> list[str]:
    screens: list[str] = []

    async def check(pilot):
        for key in PANE_KEYS:
            await pilot.press(key)
            await pilot.pause()
            screens.append(screen_text(pilot.app))

    run_with(app, check)
    return screens


def test_other_district_shows_its_own_data():
    overview, investment, layout, business, projects = all_panes_text(make_app(TEST_DATA / "other_district.toml"))
    assert "滨江市河西区 2025 年目标" in overview and "截至 2025-09-30" in overview
    assert "新增就业岗位" in overview and "9,500 / 12,000 个" in overview
    assert "2025 年已过 75.0%" in overview
    assert "外贸出口额" in overview and "落后" in overview  # 41.5/80 = 51.9% < 75%
    assert "二七" not in "".join([overview, investment, layout, business, projects])
    assert "滨江港口合作洽谈会" in investment and "储备" in investment
    assert "一带两翼" in layout and "滨江大道" in layout and "三期集装箱码头" in layout
    assert "一网通办事项" in business
    assert "滨江会展酒店" in projects and "3 / 3 个项目" in projects


def test_minimal_file_shows_dashes_not_a_crash():
    screens = all_panes_text(make_app(TEST_DATA / "minimal.toml"))
    assert "测试区" in screens[0]
    assert "0 / 0 个项目" in screens[4]


def test_as_of_override_changes_the_verdict():
    overview = all_panes_text(make_app(as_of=dt.date(2024, 3, 31)))[0]
    assert "2024 年已过 25.0%" in overview
    assert "没有落后于序时进度的目标" in overview  # 36% of 300亿 is ahead of 25%


HOSTILE = [
    "[bold]粗体[/bold]",
    "闭合[/]标签",
    "[link=https://example.com]链接[/link]",
    "清屏\x1b[2J",
    "剪贴板\x1b]52;c;SGVsbG8=\x07",
]


@pytest.fixture
def hostile_file(tmp_path):
    """A file whose every kind of text carries markup or terminal escapes (written with tomli-w)."""
    document = {
        "meta": {"district": "[red]区[/]", "year": 2024, "as_of": dt.date(2024, 5, 31)},
        "target": [{"id": "t", "name": "[b]目标[/b]", "target": {"value": 10, "unit": "[u]个"},
                    "current": {"value": 1, "unit": "[u]个"}}],
        "figure": [{"label": "[i]图[/]", "value": 1, "unit": "个", "pane": "business", "headline": True}],
        "stage": [{"name": "在谈"}],
        "layout": {"name": "[/]布局", "axis": [{"id": "a", "road": "[bold]路", "theme": "主题[/]"}]},
        "project": [{"id": f"p{i}", "name": name, "status": "在谈", "axis": "a", "note": name}
                    for i, name in enumerate(HOSTILE)],
    }
    path = tmp_path / "hostile.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    return path


def test_markup_and_escapes_in_data_show_literally(hostile_file):
    screens = "\n".join(all_panes_text(make_app(hostile_file)))
    for literal in ("[red]区[/]", "[b]目标[/b]", "[u]个", "[i]图[/]", "[/]布局", "[bold]路", "主题[/]",
                    "[bold]粗体[/bold]", "闭合[/]标签"):
        assert literal in screens, literal
    assert "[link=https://example.com]链接" in screens
    assert "\x1b" not in screens and "\x07" not in screens
    assert "清屏␛[2J" in screens


def test_markup_in_data_shows_literally_in_the_detail_view(hostile_file):
    app = make_app(hostile_file)
    seen = []

    async def check(pilot):
        await pilot.press("5", "down", "enter")
        await pilot.pause()
        seen.append(screen_text(pilot.app))

    run_with(app, check)
    assert "闭合[/]标签" in seen[0]
