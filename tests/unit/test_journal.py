"""Updates: recorded in a journal beside the hand-kept file, applied on load, dated and attributed,
written atomically, never clobbering a file someone else saved."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from erqi_tui import journal, store
from erqi_tui.journal import Conflict, Update
from erqi_tui.model import Quantity

from ..conftest import BUNDLED


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, path)
    return path


def amount_update(value, date=dt.date(2024, 6, 10), who="zhang", note="月度更新"):
    return Update("target", "signed-amount", {"current": Quantity(value, "亿元")}, date, who, note)


def test_update_is_journaled_and_the_data_file_is_untouched(data):
    before = data.read_bytes()
    dashboard = journal.record(data, amount_update(150.5), journal.fingerprint(data))
    assert data.read_bytes() == before  # comments and layout of the hand-kept file survive
    assert journal.journal_path(data).exists()
    reloaded = store.load(data)
    target = next(t for t in reloaded.targets if t.id == "signed-amount")
    assert target.current == Quantity(150.5, "亿元")
    assert reloaded == dashboard


def test_history_says_when_who_from_what_to_what(data):
    journal.record(data, amount_update(150.5), journal.fingerprint(data))
    journal.record(data, amount_update(170, date=dt.date(2024, 7, 1), who="li", note=""),
                   journal.fingerprint(data))
    dashboard = store.load(data)
    first, second = dashboard.history("target", "signed-amount")
    assert (first.old, first.new, first.who, first.note, first.date) == (
        Quantity(107.96, "亿元"), Quantity(150.5, "亿元"), "zhang", "月度更新", dt.date(2024, 6, 10))
    assert (second.old, second.new, second.who) == (Quantity(150.5, "亿元"), Quantity(170, "亿元"), "li")
    assert dashboard.trend("signed-amount") == [
        (dt.date(2024, 5, 31), 107.96), (dt.date(2024, 6, 10), 150.5), (dt.date(2024, 7, 1), 170)]
    assert dashboard.as_of == dt.date(2024, 7, 1)


def test_project_status_change_and_new_project(data):
    fp = journal.fingerprint(data)
    journal.record(data, Update("project", "kangshifu", {"status": "投产"}, dt.date(2024, 6, 1), "wang"), fp)
    journal.record(data, Update("project", "new-1", {"name": "新项目", "status": "签约", "axis": "songshan",
                                                      "investment": Quantity(5, "亿元")},
                                dt.date(2024, 6, 2), "wang", new=True), journal.fingerprint(data))
    dashboard = store.load(data)
    projects = {p.id: p for p in dashboard.projects}
    assert projects["kangshifu"].status == "投产"
    assert projects["new-1"].axis == "songshan" and projects["new-1"].investment == Quantity(5, "亿元")
    assert [c.field for c in dashboard.history("project", "new-1")][:1] == ["name"]


def test_save_refuses_to_clobber_a_file_changed_on_disk(data):
    loaded = journal.fingerprint(data)
    journal.record(data, amount_update(120), loaded)  # someone else saves first
    with pytest.raises(Conflict):
        journal.record(data, amount_update(130), loaded)
    assert next(t for t in store.load(data).targets if t.id == "signed-amount").current.value == 120


def test_an_update_that_does_not_apply_is_not_written(data):
    bad = Update("target", "signed-amount", {"current": Quantity(1, "万元")}, dt.date(2024, 6, 1), "x")
    with pytest.raises(store.DataError) as caught:
        journal.record(data, bad, journal.fingerprint(data))
    assert 'expected the target\'s unit "亿元"' in str(caught.value)
    assert not journal.journal_path(data).exists()


def test_a_broken_journal_is_reported_with_its_own_file_and_line(data):
    journal.journal_path(data).write_text(
        '[[update]]\nat = 2024-06-10T09:00:00\ndate = 2024-06-10\nwho = "x"\ntarget = "nope"\n'
        'set = { current = { value = 1, unit = "个" } }\n', encoding="utf-8")
    with pytest.raises(store.DataError) as caught:
        store.load(data)
    problem, = caught.value.problems
    assert problem.path == journal.journal_path(data) and problem.line == 5
    assert problem.key == "update[1].target" and '"nope"' in problem.message


def test_write_atomic_leaves_no_temporary_files(tmp_path):
    path = tmp_path / "x.toml"
    journal.write_atomic(path, b"a = 1\n")
    journal.write_atomic(path, b"a = 2\n")
    assert path.read_bytes() == b"a = 2\n"
    assert [p.name for p in tmp_path.iterdir()] == ["x.toml"]


def test_write_atomic_clears_what_a_killed_writer_left(tmp_path):
    import os
    import time

    path = tmp_path / "x.toml"
    old = tmp_path / ".x.toml.abc.tmp"
    old.write_bytes(b"half a save")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    fresh = tmp_path / ".x.toml.def.tmp"  # perhaps another writer's, still at work
    fresh.write_bytes(b"")
    journal.write_atomic(path, b"a = 1\n")
    assert not old.exists() and fresh.exists()


def test_recording_over_the_current_dashboard_gives_what_a_full_load_gives(data):
    loaded = journal.fingerprint(data)
    current = store.load(data)
    first = journal.record(data, amount_update(150.5), loaded, current=current)
    second = journal.record(data, Update("project", "kangshifu", {"status": "投产"}, dt.date(2024, 6, 2), "wang"),
                            journal.fingerprint(data), current=first)
    assert second == store.load(data)
    assert second.history("target", "signed-amount")[0].new == Quantity(150.5, "亿元")
    bad = Update("target", "signed-amount", {"current": Quantity(1, "万元")}, dt.date(2024, 6, 3), "x")
    before = journal.journal_path(data).read_bytes()
    with pytest.raises(store.DataError):
        journal.record(data, bad, journal.fingerprint(data), current=second)
    assert journal.journal_path(data).read_bytes() == before
