"""Milestones (挂图作战): dates as the source gives them (a day, a month, the year, or just "reached"),
the status following the furthest stage reached, and what is overdue at a date."""

from __future__ import annotations

import datetime as dt

import pytest

from erqi_tui import store

from ..conftest import BUNDLED

HEAD = '[meta]\ndistrict = "区"\nyear = 2024\nas_of = 2024-05-31\n\n[[stage]]\nname = "签约"\n\n[[stage]]\nname = "开工"\n\n[[stage]]\nname = "投产"\n'


def test_the_bundled_milestones_are_the_articles():
    projects = {p.id: p for p in store.load(BUNDLED).projects}
    shanshan = projects["shanshan-outlets"].milestones
    assert [(m.name, m.done, m.reached and m.reached.text, m.planned and m.planned.text) for m in shanshan] == [
        ("拿地", True, "2023-08", None), ("主体封顶", True, None, None), ("开业", False, None, "2024-09")]
    assert all(m.source for p in projects.values() for m in p.milestones)
    assert [m.name for m in projects["kangshifu"].milestones] == ["仓库投入使用", "生产车间投入使用"]
    (year,) = projects["liandong-ugu"].milestones
    assert (year.planned.first, year.planned.last) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def test_overdue_only_after_the_whole_planned_period():
    kangshifu = next(p for p in store.load(BUNDLED).projects if p.id == "kangshifu")
    workshop = kangshifu.milestones[1]  # planned "2024-05": within May it is not late
    assert not workshop.overdue(dt.date(2024, 5, 31)) and workshop.overdue(dt.date(2024, 6, 1))
    assert [m.name for m in kangshifu.overdue(dt.date(2024, 6, 1))] == ["生产车间投入使用"]
    assert not kangshifu.milestones[0].overdue(dt.date(2030, 1, 1))  # reached: never late


def test_status_follows_the_furthest_stage_reached(write_toml):
    dashboard = store.load(write_toml(HEAD + '''
[[project]]
id = "a"
name = "甲"
status = "签约"

[[project.milestone]]
name = "投产"
planned = "2024-10"
stage = "投产"

[[project.milestone]]
name = "开工"
reached = 2024-03-18
stage = "开工"

[[project]]
id = "b"
name = "乙"
status = "签约"
'''))
    a, b = dashboard.projects
    assert a.status == "开工" and a.milestones[1].reached.text == "2024-03-18"
    assert b.status == "签约"  # no milestones: the status as written


@pytest.mark.parametrize("value, expected", [
    ('"2024-13"', 'expected a date like 2024-09-30, a month like "2024-09" or a year like "2024"'),
    ("20240901", "expected a date like"),
    ('"下半年"', "expected a date like"),
])
def test_a_date_that_is_not_one_names_its_line(write_toml, value, expected):
    path = write_toml(HEAD + f'\n[[project]]\nid = "a"\nname = "甲"\n\n[[project.milestone]]\nname = "开工"\nplanned = {value}\n')
    with pytest.raises(store.DataError) as caught:
        store.load(path)
    (problem,) = caught.value.problems
    assert problem.key == "project[1].milestone[1].planned" and expected in problem.message and problem.line == 21


def test_an_unknown_stage_is_named(write_toml):
    path = write_toml(HEAD + '\n[[project]]\nid = "a"\nname = "甲"\n\n[[project.milestone]]\nname = "开工"\nstage = "竣工"\n')
    with pytest.raises(store.DataError) as caught:
        store.load(path)
    assert "竣工" in str(caught.value.problems[0])


def test_the_wall_charts_timeline_puts_each_step_in_its_month():
    from erqi_tui.ui.screens.wall import BLANK, SLOT, timeline

    projects = {p.id: p for p in store.load(BUNDLED).projects}
    at = dt.date(2024, 10, 15)
    line = timeline(projects["kangshifu"], 2024, at)
    assert len(line) == 12 * SLOT and line.index("✗") == 4 * SLOT + 1  # planned May, late
    assert line.index("│") == 9 * SLOT + SLOT - 1  # 10-15 falls in October
    shanshan = timeline(projects["shanshan-outlets"], 2024, at)
    assert shanshan[0] == "◂" and shanshan.index("✗") == 8 * SLOT + 1  # 拿地 in 2023; 开业 September, late
    assert timeline(projects["liandong-ugu"], 2024, at).index("○") == 11 * SLOT + 1  # within the year: by December
    assert set(timeline(projects["kangshifu"], 2024, dt.date(2024, 3, 1))) == {BLANK, "○", "│"}


def test_reaching_a_milestone_is_recorded_in_the_journal_and_can_be_withdrawn(tmp_path, capsys):
    import shutil

    from erqi_tui import cli
    from erqi_tui.core.i18n import EN, ZH
    from erqi_tui.store import journal
    from erqi_tui.ui.screens.history import shown

    path = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, path)
    assert cli.main(["record", "--data", str(path), "--project", "liandong-ugu", "--reach", "竣工投产",
                     "--date", "2024-06-28", "--user", "王", "--note", "试车完成"]) == 0
    assert 'milestone = "竣工投产"' in journal.journal_path(path).read_text(encoding="utf-8")
    liandong = next(p for p in store.load(path).projects if p.id == "liandong-ugu")
    (step,) = liandong.milestones
    assert step.done and step.reached.first == dt.date(2024, 6, 28) and liandong.status == "投产"  # its stage
    (change,) = store.load(path).history("project", "liandong-ugu")
    assert (change.field, change.new, change.who) == ("milestone", "竣工投产 ✓", "王")
    # What it was, in the reader's language (English said 竣工投产（2024）), read afresh or kept
    (kept,) = store.load(path).history("project", "liandong-ugu")
    for old in (change.old, kept.old):
        assert shown(old, lang=ZH) == "竣工投产（2024）" and shown(old, lang=EN) == "竣工投产 (2024)"
    # a step the file does not list is added, reached
    assert cli.main(["record", "--data", str(path), "--project", "liandong-ugu", "--reach", "开业",
                     "--date", "2024-06-29", "--user", "王"]) == 0
    assert [m.name for m in next(p for p in store.load(path).projects if p.id == "liandong-ugu").milestones] == [
        "竣工投产", "开业"]
    assert cli.main(["record", "--data", str(path), "--withdraw", "1", "--user", "李"]) == 0
    liandong = next(p for p in store.load(path).projects if p.id == "liandong-ugu")
    assert not liandong.milestones[0].done and liandong.status is None  # back as the file has it
    # 动态 in English: the step as it was and the withdrawn update's note, in English punctuation
    from erqi_tui.ui.screens import changes

    (row,) = [r for r in changes.rows(store.load(path), lang=EN) if r.change and r.change.field == "milestone"
              and r.change.withdrawn]
    cells = changes.cells(row, lang=EN)
    assert cells[3] == "竣工投产 (2024)" and cells[-1] == "withdrawn by 李 (update 3): 试车完成"
    assert changes.cells(row, lang=ZH)[3] == "竣工投产（2024）" and changes.cells(row, lang=ZH)[-1] == (
        "已由 李 撤销（第 3 条）：试车完成")
    assert cli.main(["record", "--data", str(path), "--project", "nope", "--reach", "开业"]) == 2
    assert "nope" in capsys.readouterr().err
