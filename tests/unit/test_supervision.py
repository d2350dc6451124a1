"""督办: responsible units ranked by what is late; a milestone answers to its project's unit unless
it names its own; what names no unit is listed last, not dropped."""

from __future__ import annotations

import datetime as dt

from erqi_tui.core.i18n import ZH
from erqi_tui import cli, store
from erqi_tui.views.supervision import ranking, unit_name

from ..conftest import BUNDLED

HEAD = '[meta]\ndistrict = "区"\nyear = 2024\nas_of = 2024-10-15\n'


def test_units_ranked_by_what_is_late(write_toml):
    dashboard = store.load(write_toml(HEAD + '''
[[target]]
id = "t"
name = "签约额"
target = { value = 100, unit = "亿元" }
current = { value = 10, unit = "亿元" }
responsible = "商务局"

[[project]]
id = "a"
name = "甲"
responsible = "住建局"

[[project.milestone]]
name = "开工"
planned = "2024-03"

[[project.milestone]]
name = "封顶"
planned = 2024-09-30
responsible = "发改委"
person = "李"

[[project.milestone]]
name = "竣工"
planned = "2024-05"

[[project]]
id = "b"
name = "乙"

[[project.milestone]]
name = "开业"
planned = "2024-06"
'''))
    units = ranking(dashboard, dt.date(2024, 10, 15), lang=ZH)
    assert [(unit_name(u, lang=ZH), len(u.overdue), len(u.behind)) for u in units] == [
        ("住建局", 2, 0), ("发改委", 1, 0), ("商务局", 0, 1), ("（未指定）", 1, 0)]
    assert units[1].overdue[0].person == "李" and "封顶 逾期未报（计划 2024-09-30）" in units[1].overdue[0].text
    assert "签约额 落后" in units[2].behind[0].text


def test_the_example_year_names_its_units():
    units = ranking(store.load(cli.bundled_data(cli.EXAMPLE)), dt.date(2025, 11, 30), lang=ZH)
    assert units and all(u.name.startswith("示例·") for u in units)  # invented, and marked so


def test_the_bundled_file_names_no_units_so_all_is_unassigned():
    (unit,) = ranking(store.load(BUNDLED), dt.date(2024, 5, 31), lang=ZH)  # the article names no 责任单位
    assert (unit_name(unit, lang=ZH), len(unit.overdue), [i.ident for i in unit.behind]) == ("（未指定）", 0, ["signed-amount"])
