"""Pictures of every pane (pytest-textual-snapshot). The as-of date comes from the file, there is no
clock and no blinking cursor, and animations are off, so a picture changes only when the screen does.
Regenerate with `pytest --snapshot-update` and look at every changed picture before committing it."""

from __future__ import annotations

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
