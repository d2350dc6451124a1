"""Drill-down: the projects behind a target, a pipeline stage or an axis, and what they add up to
against the figure reported — said plainly where they fall short."""

from __future__ import annotations

from erqi_tui.core.i18n import ZH
from erqi_tui import store
from erqi_tui.views.drill import drill, invested

from ..conftest import BUNDLED

FILE = '''[meta]
district = "区"
year = 2024
as_of = 2024-06-30

[[target]]
id = "signed"
name = "签约额"
target = { value = 100, unit = "亿元" }
current = { value = 60, unit = "亿元" }

[[stage]]
name = "签约"
count = { value = 5, unit = "个" }

[[stage]]
name = "开工"

[layout]

[[layout.axis]]
id = "north"
road = "北路"
theme = "制造"

[[project]]
id = "a"
name = "甲"
status = "签约"
axis = "north"
investment = { value = 12, unit = "亿元" }
counts_for = ["signed"]

[[project]]
id = "b"
name = "乙"
status = "签约"
investment = { value = 5000, unit = "万元" }
counts_for = ["signed"]

[[project]]
id = "c"
name = "丙"
status = "开工"
axis = "north"
investment = { value = 3, unit = "台" }

[[project]]
id = "d"
name = "丁"
status = "开工"
axis = "north"
'''


def test_a_targets_projects_reconciled_with_its_figure(write_toml):
    result = drill(store.load(write_toml(FILE)), "target", "signed", lang=ZH)
    assert [p.id for p in result.projects] == ["a", "b"]
    assert result.summary == "已列明 2 个项目，合计 12.5 亿元 / 60 亿元"  # 5000 万元 = 0.5 亿元


def test_a_stage_against_the_count_the_file_reports(write_toml):
    result = drill(store.load(write_toml(FILE)), "stage", "签约", lang=ZH)
    assert result.title == "签约：项目" and result.summary == "已列明 2 / 5 个，合计总投资 12.5 亿元"
    started = drill(store.load(write_toml(FILE)), "stage", "开工", lang=ZH)  # no count reported: counted, not reconciled
    assert started.summary == "2 个项目，合计总投资 3 台（1 个未列总投资）"


def test_an_axis_adds_what_converts_and_says_what_does_not(write_toml):
    result = drill(store.load(write_toml(FILE)), "axis", "north", lang=ZH)
    assert [p.id for p in result.projects] == ["a", "c", "d"]
    assert result.summary == "3 个项目，合计总投资 12 亿元（另 1 个项目的投资单位不同）（1 个未列总投资）"


def test_projects_with_no_amounts_are_said_so():
    dashboard = store.load(BUNDLED)
    assert invested((), lang=ZH) == "" and invested(tuple(p for p in dashboard.projects if p.investment is None), lang=ZH) == "均未列总投资"
    result = drill(dashboard, "target", "signed-amount", lang=ZH)  # the article names no project of the 107.96 亿元
    assert result.projects == () and "没有列明" in result.summary
    assert drill(dashboard, "target", "new-projects", lang=ZH).summary == "已列明 2 / 13 个"
