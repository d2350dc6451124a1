"""Enterprise requests (企业诉求) and key tasks (重点任务): read from the data file, raised, resolved
and finished through the journal like every other update, and counted in 督办 and by area."""

from __future__ import annotations

import datetime as dt

import pytest

from erqi_tui.core.i18n import ZH
from erqi_tui import cli, store
from erqi_tui.store import journal
from erqi_tui.views.supervision import open_requests, overdue_tasks, ranking, task_areas, unit_name

HEAD = '[meta]\ndistrict = "区"\nyear = 2024\nas_of = 2024-10-15\n'
FILE = HEAD + '''
[[project]]
id = "a"
name = "甲"
responsible = "住建局"

[[project.request]]
what = "用电增容"
raised = 2024-03-02
responsible = "发改委"

[[project.request]]
what = "道路配套"
raised = "2024-05"

[[project.request]]
what = "员工公寓"
raised = 2024-01-10
resolved = 2024-02-01

[[project]]
id = "b"
name = "乙"

[[project.request]]
what = "融资对接"

[[task]]
id = "t1"
name = "一件事集成办理"
area = "政务服务"
responsible = "行政审批局"
deadline = "2024-06"

[[task]]
id = "t2"
name = "标准地出让"
area = "要素保障"
responsible = "自然资源局"
deadline = 2024-12-31

[[task]]
id = "t3"
name = "电子证照互认"
area = "政务服务"
deadline = "2024-03"
done = 2024-03-20

[[task]]
id = "t4"
name = "信用修复"
done = true
'''
AT = dt.date(2024, 10, 15)


def test_requests_and_tasks_read_as_the_file_gives_them(write_toml):
    dashboard = store.load(write_toml(FILE))
    a, b = dashboard.projects
    assert [r.what for r in a.open_requests()] == ["用电增容", "道路配套"]
    assert a.requests[1].raised.text == "2024-05" and a.requests[2].resolved.first == dt.date(2024, 2, 1)
    assert b.requests[0].raised is None  # no date given: none invented
    t1, t2, t3, t4 = dashboard.tasks
    assert t1.overdue(AT) and not t1.overdue(dt.date(2024, 6, 30))  # due within June: late from July
    assert not t2.overdue(AT) and not t3.overdue(AT) and t4.done and t4.finished is None


def test_open_requests_oldest_first_those_without_a_date_last(write_toml):
    found = open_requests(store.load(write_toml(FILE)))
    assert [(o.request.what, o.unit, o.days(AT)) for o in found] == [
        ("用电增容", "发改委", 227), ("道路配套", "住建局", 167), ("融资对接", "", None)]


def test_units_ranked_by_requests_tasks_milestones_and_targets(write_toml):
    units = ranking(store.load(write_toml(FILE)), AT, lang=ZH)
    counts = [(unit_name(u, lang=ZH), {k: len(v) for k, v in u.items.items()}) for u in units]
    assert counts == [("发改委", {"request": 1}), ("住建局", {"request": 1}), ("行政审批局", {"task": 1}),
                      ("（未指定）", {"request": 1})]
    assert "甲 · 用电增容（提出 2024-03-02，已 227 天）" in units[0].of("request")[0].text


def test_tasks_by_area_in_the_files_order(write_toml):
    dashboard = store.load(write_toml(FILE))
    assert [tuple(a) for a in task_areas(dashboard, AT)] == [("政务服务", 2, 1, 1), ("要素保障", 1, 0, 0), ("", 1, 1, 0)]
    assert [t.id for t in overdue_tasks(dashboard, AT)] == ["t1"]


@pytest.mark.parametrize("addition, key, expected", [
    ('\n[[project.request]]\nwhat = "融资对接"\n', "project[2].request[2].what", "the same text as the 2nd project ([[project]] no. 2), the 1st request"),
    ('\n[[task]]\nid = "t1"\nname = "重复"\n', "task[5].id", 'duplicate task id "t1"'),
    ('\n[[task]]\nid = "t5"\nname = "x"\ndeadline = "下半年"\n', "task[5].deadline", "expected a date like"),
    ('\n[[task]]\nid = "t5"\nname = "x"\nstate = "done"\n', "task[5].state", "unknown key"),
])
def test_a_wrong_request_or_task_names_its_key(write_toml, addition, key, expected):
    with pytest.raises(store.DataError) as caught:
        store.load(write_toml(FILE + addition))
    (problem,) = caught.value.problems
    assert problem.key == key and expected in problem.message


def run(path, *args) -> int:
    return cli.main(["record", "--data", str(path), "--user", "王", *args])


def test_raising_resolving_and_finishing_are_recorded_and_can_be_withdrawn(write_toml, capsys):
    path = write_toml(FILE.replace("as_of = 2024-10-15", "as_of = 2024-06-15"))
    assert run(path, "--project", "b", "--raise", "排水接入", "--unit", "水务局", "--date", "2024-06-01") == 0
    assert run(path, "--project", "a", "--resolve", "用电增容", "--date", "2024-06-10") == 0
    assert run(path, "--task", "t1", "--done", "--date", "2024-06-20", "--note", "按期") == 0
    text = journal.journal_path(path).read_text(encoding="utf-8")
    assert 'what = "排水接入"' in text and 'resolve = "用电增容"' in text and 'task = "t1"' in text
    dashboard = store.load(path)
    a, b = dashboard.projects
    assert (b.requests[-1].what, b.requests[-1].responsible, b.requests[-1].raised.first) == (
        "排水接入", "水务局", dt.date(2024, 6, 1))
    assert a.requests[0].done and a.requests[0].resolved.first == dt.date(2024, 6, 10)
    assert dashboard.tasks[0].done and dashboard.tasks[0].finished.first == dt.date(2024, 6, 20)
    assert [(c.kind, c.field, c.new) for c in dashboard.changes] == [
        ("project", "request", "排水接入"), ("project", "resolve", "用电增容 ✓"), ("task", "done", "✓")]
    assert run(path, "--withdraw", "2") == 0
    assert not store.load(path).projects[0].requests[0].done  # open again
    capsys.readouterr()


@pytest.mark.parametrize("args, expected", [
    (["--project", "a", "--raise", "用电增容"], "--raise: 该项目已有同样内容的诉求"),
    (["--project", "a", "--resolve", "员工公寓"], "应为项目 'a' 一项未解决诉求的原文（用电增容; 道路配套）"),
    (["--project", "a", "--resolve", "用电增容", "--date", "2024-03-01"], "办结日期不能早于提出日期 2024-03-02"),
    (["--task", "t3", "--done"], "这项任务已完成"),
    (["--task", "nope", "--done"], "没有 id 为 'nope' 的重点任务"),
    (["--task", "t1"], "--task ID 只与 --done 同用"),
    (["--project", "a", "--reach", "开工", "--raise", "x"], "每次只用一个"),
    (["--project", "a", "--resolve", "用电增容", "--unit", "x"], "--unit 和 --person 只与 --raise 同用"),
])
def test_what_cannot_be_recorded_is_refused_and_nothing_written(write_toml, capsys, args, expected):
    path = write_toml(FILE.replace("as_of = 2024-10-15", "as_of = 2024-06-15"))
    assert run(path, "--date", "2024-06-10", *args) == 2  # a later --date in `args` stands
    assert expected in capsys.readouterr().err
    assert not journal.journal_path(path).exists()


def test_a_hand_written_journal_entry_that_does_not_apply_names_its_key(write_toml):
    path = write_toml(FILE)
    journal.journal_path(path).write_text(
        '[[update]]\nat = 2024-06-01T09:00:00\nwho = "王"\ndate = 2024-06-01\ntask = "t3"\n\n[update.set]\ndone = true\n'
        '\n[[update]]\nat = 2024-06-01T09:00:00\nwho = "王"\ndate = 2024-06-01\nproject = "a"\n\n[update.set]\n'
        'done = true\n', encoding="utf-8")
    with pytest.raises(store.DataError) as caught:
        store.load(path)
    assert [(p.key, p.message[:30]) for p in caught.value.problems] == [
        ("update[1].task", 'task "t3" is already finished'), ("update[2].set.done", "a project update may set only:")]
