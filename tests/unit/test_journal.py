"""Updates: recorded in a journal beside the hand-kept file, applied on load, dated and attributed,
written atomically under a lock, withdrawn without erasing, never clobbering someone else's save."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat

import pytest

from erqi_tui.core.i18n import ZH
from erqi_tui.store import files, journal
from erqi_tui import store
from erqi_tui.core.model import Quantity, Update


TODAY = dt.date(2024, 7, 15)


def trend(dashboard) -> list[tuple[dt.date, float]]:
    """签约额 by date, as the chart draws it (series.series)."""
    from erqi_tui.core.series import series

    return [(p.date, p.value.value) for p in series(dashboard, "signed-amount")]


def amount_update(value, date=dt.date(2024, 6, 10), who="zhang", note="月度更新"):
    return Update("target", "signed-amount", {"current": Quantity(value, "亿元")}, date, who, note)


def record(data, update, **kw):
    loaded, number = store.record(data, update, today=TODAY, lang=ZH, **kw)
    return loaded.dashboard


def amount(dashboard):
    return next(t for t in dashboard.targets if t.id == "signed-amount")


def test_update_is_journaled_and_the_data_file_is_untouched(data):
    before = data.read_bytes()
    dashboard = record(data, amount_update(150.5))
    assert data.read_bytes() == before  # comments and layout of the hand-kept file survive
    assert journal.journal_path(data).exists()
    reloaded = store.load(data)
    assert amount(reloaded).current == Quantity(150.5, "亿元")
    assert reloaded == dashboard


def test_history_says_when_who_from_what_to_what(data):
    record(data, amount_update(150.5))
    record(data, amount_update(170, date=dt.date(2024, 7, 1), who="li", note=""))
    dashboard = store.load(data)
    first, second = dashboard.history("target", "signed-amount")
    assert (first.old, first.new, first.who, first.note, first.date, first.seq) == (
        Quantity(107.96, "亿元"), Quantity(150.5, "亿元"), "zhang", "月度更新", dt.date(2024, 6, 10), 1)
    assert (second.old, second.new, second.who, second.seq) == (
        Quantity(150.5, "亿元"), Quantity(170, "亿元"), "li", 2)
    assert trend(dashboard) == [
        (dt.date(2024, 5, 31), 107.96), (dt.date(2024, 6, 10), 150.5), (dt.date(2024, 7, 1), 170)]
    assert dashboard.as_of == dt.date(2024, 7, 1)


def test_project_status_change_and_new_project(data):
    record(data, Update("project", "kangshifu", {"status": "投产"}, dt.date(2024, 6, 1), "wang"))
    record(data, Update("project", "new-1", {"name": "新项目", "status": "签约", "axis": "songshan",
                                             "investment": Quantity(5, "亿元")},
                        dt.date(2024, 6, 2), "wang", new=True))
    dashboard = store.load(data)
    projects = {p.id: p for p in dashboard.projects}
    assert projects["kangshifu"].status == "投产"
    assert projects["new-1"].axis == "songshan" and projects["new-1"].investment == Quantity(5, "亿元")
    assert [c.field for c in dashboard.history("project", "new-1")][:1] == ["name"]


def test_a_save_over_a_change_made_since_the_form_opened_is_held_until_confirmed(data):
    seen = store.load(data).version("target", "signed-amount")
    record(data, amount_update(120, who="li"))  # someone else saves the same target first
    with pytest.raises(store.Conflict) as caught:
        record(data, amount_update(130), seen=seen)
    change, = caught.value.changes
    assert (change.who, change.old.value, change.new.value) == ("li", 107.96, 120)
    assert amount(store.load(data)).current.value == 120  # nothing written
    record(data, amount_update(130), seen=caught.value.version)  # the explicit confirmation
    assert amount(store.load(data)).current.value == 130


def test_a_change_to_another_record_does_not_hold_a_save(data):
    seen = store.load(data).version("target", "signed-amount")
    record(data, Update("target", "new-projects", {"current": Quantity(20, "个")}, dt.date(2024, 6, 20), "li"))
    dashboard = record(data, amount_update(160), seen=seen)
    assert amount(dashboard).current.value == 160


def test_an_update_that_does_not_apply_is_not_written(data):
    bad = Update("target", "signed-amount", {"current": Quantity(1, "万元")}, dt.date(2024, 6, 1), "x")
    with pytest.raises(store.DataError) as caught:
        record(data, bad)
    assert 'expected the target\'s unit "亿元"' in str(caught.value)
    assert not journal.journal_path(data).exists()


@pytest.mark.parametrize("date, today", [(dt.date(2042, 6, 30), TODAY), (dt.date(2023, 12, 31), TODAY),
                                         (dt.date(2024, 7, 16), TODAY)])
def test_a_date_outside_the_year_or_after_today_is_refused_naming_the_range(data, date, today):
    with pytest.raises(store.Refused) as caught:
        store.record(data, amount_update(140, date=date), today=today, lang=ZH)
    assert "2024-01-01 至 2024-07-15" in str(caught.value)
    assert not journal.journal_path(data).exists()


def test_no_update_while_the_data_file_or_journal_is_broken_or_missing(data, tmp_path):
    good = data.read_text(encoding="utf-8")
    data.write_text(good.replace("year = 2024", 'year = "2024"'), encoding="utf-8")
    with pytest.raises(store.DataError, match=r"\(\[meta\]\), year"):
        record(data, amount_update(140))
    data.write_text(good, encoding="utf-8")
    journal.journal_path(data).write_text("[[update]]\nat = 1\n", encoding="utf-8")
    with pytest.raises(store.DataError, match=r"\(\[\[update\]\] no\. 1\), at"):
        record(data, amount_update(140))
    assert journal.journal_path(data).read_text(encoding="utf-8") == "[[update]]\nat = 1\n"
    data.unlink()
    with pytest.raises(store.DataError, match="no such file"):
        record(data, amount_update(140))


def test_a_save_rereads_the_files_under_the_lock_even_with_a_stale_copy_in_hand(data):
    stale = store.read(data)
    record(data, amount_update(120, who="li"))
    loaded, number = store.record(data, Update("project", "kangshifu", {"status": "投产"}, dt.date(2024, 6, 2),
                                               "wang"), reuse=stale, today=TODAY, lang=ZH)
    assert number == 2 and amount(loaded.dashboard).current.value == 120  # li's update is kept
    assert loaded.dashboard == store.load(data)


def test_withdrawal_keeps_the_entry_and_undoes_its_effect(data):
    record(data, amount_update(150))
    record(data, amount_update(2000, date=dt.date(2024, 6, 30), note="多打了一个 0"))
    loaded, number = store.record(data, Update("", "", {}, None, "li", "录入错误", withdraw=2), today=TODAY, lang=ZH)
    dashboard = loaded.dashboard
    assert number == 3 and amount(dashboard).current.value == 150
    assert amount(dashboard).as_of == dt.date(2024, 6, 10)
    first, second = dashboard.history("target", "signed-amount")
    assert first.withdrawn is None
    assert (second.new.value, second.withdrawn.who, second.withdrawn.note) == (2000, "li", "录入错误")
    assert [v for _, v in trend(dashboard)] == [107.96, 150]
    assert "withdraw = 2" in journal.journal_path(data).read_text(encoding="utf-8")
    with pytest.raises(store.Refused, match="已由 li"):
        store.record(data, Update("", "", {}, None, "li", withdraw=2), today=TODAY, lang=ZH)
    with pytest.raises(store.Refused, match="没有可撤销的第 9 条更新"):
        store.record(data, Update("", "", {}, None, "li", withdraw=9), today=TODAY, lang=ZH)


def test_a_withdrawal_that_would_break_a_later_update_is_refused(data):
    record(data, Update("project", "new-1", {"name": "新项目"}, dt.date(2024, 6, 2), "wang", new=True))
    record(data, Update("project", "new-1", {"status": "签约"}, dt.date(2024, 6, 3), "wang"))
    with pytest.raises(store.Refused, match="请先撤销那一条"):
        store.record(data, Update("", "", {}, None, "li", withdraw=1), today=TODAY, lang=ZH)


def test_a_figure_recorded_for_an_earlier_date_does_not_replace_a_newer_one(data):
    record(data, amount_update(150, date=dt.date(2024, 6, 30)))
    dashboard = record(data, amount_update(130, date=dt.date(2024, 6, 10), note="六月上旬补录"))
    assert amount(dashboard).current.value == 150 and amount(dashboard).as_of == dt.date(2024, 6, 30)
    assert trend(dashboard)[1:] == [(dt.date(2024, 6, 10), 130), (dt.date(2024, 6, 30), 150)]


def test_an_author_name_that_is_not_utf8_or_has_control_characters_is_refused(data):
    for who in ("zh\udcffang", "a\x1b[2Jb", ""):
        with pytest.raises(store.Refused, match="记录人的名字"):
            record(data, amount_update(140, who=who))
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


def test_comments_written_into_the_journal_by_hand_survive_a_save(data):
    record(data, amount_update(150))
    path = journal.journal_path(data)
    path.write_text(path.read_text(encoding="utf-8") + "# 六月数据已核对 — 王\n", encoding="utf-8")
    record(data, amount_update(160, date=dt.date(2024, 6, 20)))
    assert "# 六月数据已核对 — 王" in path.read_text(encoding="utf-8")


def test_write_atomic_leaves_no_temporary_files(tmp_path):
    path = tmp_path / "x.toml"
    files.write_atomic(path, b"a = 1\n")
    files.write_atomic(path, b"a = 2\n")
    assert path.read_bytes() == b"a = 2\n"
    assert [p.name for p in tmp_path.iterdir()] == ["x.toml"]


def test_write_atomic_clears_what_a_killed_writer_left(tmp_path):
    import time

    path = tmp_path / "x.toml"
    old = tmp_path / ".x.toml.abc.tmp"
    old.write_bytes(b"half a save")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    fresh = tmp_path / ".x.toml.def.tmp"  # perhaps another writer's, still at work
    fresh.write_bytes(b"")
    files.write_atomic(path, b"a = 1\n")
    assert not old.exists() and fresh.exists()


def test_new_files_get_what_the_umask_allows_and_existing_ones_keep_their_mode(data, tmp_path):
    old = os.umask(0o002)
    try:
        record(data, amount_update(150))
        path = journal.journal_path(data)
        assert stat.S_IMODE(path.stat().st_mode) == 0o664  # colleagues in the group can read and write
        path.chmod(0o640)
        record(data, amount_update(160, date=dt.date(2024, 6, 20)))
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
    finally:
        os.umask(old)


def test_write_atomic_writes_through_a_symlink_and_the_link_stays(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    files.write_output(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_a_lock_held_by_another_writer_makes_a_save_wait_then_refuse(data):
    import fcntl

    lock = files.lock_path(journal.journal_path(data))
    fd = os.open(lock, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        with pytest.raises(store.DataError, match="held by another writer"):
            with files.locked(journal.journal_path(data), timeout=0.2):
                pass
    finally:
        os.close(fd)


def test_two_officials_adding_a_project_at_once_both_keep_theirs(data):
    stale = store.read(data)  # both forms were opened on this
    first = Update("project", "", {"name": "甲园区"}, dt.date(2024, 6, 2), "wang", new=True)
    second = Update("project", "", {"name": "乙园区"}, dt.date(2024, 6, 2), "li", new=True)
    store.record(data, first, reuse=stale, today=TODAY, lang=ZH)
    loaded, _ = store.record(data, second, reuse=stale, today=TODAY, lang=ZH)
    names = {p.id: p.name for p in loaded.dashboard.projects}
    assert names["project-11"] == "甲园区" and names["project-12"] == "乙园区"


@pytest.mark.parametrize("old", [
    "",  # no journal yet
    journal.HEADER,
    journal.HEADER + "\n# 王科长：五月的数字以统计局为准\n",  # a comment written in by hand, no blank line after it
    'update = [{ at = 2024-06-01T09:00:00, who = "li", date = 2024-05-31, kind = "target", id = "signed-amount",'
    ' set = { current = { value = 100, unit = "亿元" } } }]\n',  # erqi-tui 0.1's inline array
])
def test_many_updates_appended_at_once_read_as_appended_one_by_one(old):
    updates = [amount_update(100 + n)._replace(at=dt.datetime(2024, 6, 20, 9, n)) for n in range(5)]
    one_by_one = old
    for update in updates:
        one_by_one = journal.appended(one_by_one, update)
    assert journal.appended_all(old, updates) == one_by_one
    assert journal.appended_all(old, []) == old


OLD_ENTRY = ('{{ at = 2024-06-01T09:00:00, who = "li", date = 2024-06-01, target = "signed-amount", '
             'set = {{ current = {{ value = 120, unit = "亿元" }} }}, note = {note} }}')


@pytest.mark.parametrize("old", [
    "update = [" + OLD_ENTRY.format(note='"照 [[update]] 的格式补录"') + "]\n",
    # the note on lines of its own, one of them opening with [ as a table header would
    "update = [\n  " + OLD_ENTRY.format(note='"""\n[[update]]\n[meta]\n"""') + ",\n]\n",
    "# 手写的说明\nupdate = [\n  " + OLD_ENTRY.format(note="'''\n  [[update]]'''") + ",\n]\n\n[[briefing]]\n"
    'at = 2024-06-02T09:00:00\nwho = "li"\ndate = 2024-06-01\n',
], ids=["on one line", "note on lines of its own", "comment and a briefing table after"])
def test_an_old_journal_whose_notes_say_update_is_still_converted(data, old):
    """erqi-tui 0.1 kept its entries in one inline array, which a later [[update]] cannot extend: it
    is rewritten once as entries. A note saying "[[update]]" once kept it from being, and every save
    after that was refused (the journal is parsed to tell, not searched for the words)."""
    path = journal.journal_path(data)
    path.write_text(old, encoding="utf-8")
    before = store.load(data)
    assert amount(before).current.value == 120
    dashboard = record(data, amount_update(150, date=dt.date(2024, 6, 10)))
    assert [c.new.value for c in dashboard.history("target", "signed-amount")] == [120, 150]
    assert "[[update]]" in dashboard.history("target", "signed-amount")[0].note  # the note kept as written
    assert dashboard.briefings == before.briefings
    assert store.load(data) == dashboard
    assert path.read_text(encoding="utf-8").count("\n[[update]]\n") == 2


def test_a_journal_whose_note_reads_like_an_old_one_is_appended_to_as_it_is(data):
    record(data, amount_update(150, note='update = [ { at = 2024-06-01T09:00:00 } ]\n[[update]]'))
    path = journal.journal_path(data)
    text = path.read_text(encoding="utf-8")
    record(data, amount_update(160, date=dt.date(2024, 6, 20)))
    assert path.read_text(encoding="utf-8").startswith(text)  # appended, not rewritten


def test_a_backup_of_the_data_file_has_a_journal_of_its_own(data):
    """An editor's backup (targets.toml~) or a copy (targets.bak) recorded into must not write into
    targets.journal.toml, which would change the district's own figures."""
    for backup in ("targets.toml~", "targets.bak"):
        copy = data.with_name(backup)
        shutil.copy(data, copy)
        assert journal.journal_path(copy) == data.with_name(backup + ".journal.toml")
        store.record(copy, amount_update(5.0), today=TODAY, lang=ZH)
    assert not journal.journal_path(data).exists()
    assert journal.journal_path(data) == data.with_name("targets.journal.toml")
    assert [t.current.value for t in store.load(data).targets if t.id == "signed-amount"] != [5.0]


def test_a_data_file_reached_through_a_link_shares_the_files_own_journal(data, tmp_path):
    """Two paths to one file (the file, and a link to it in another folder) are one record: an
    update through either is seen through both, numbered in one sequence."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = elsewhere / "targets.toml"
    link.symlink_to(data)
    store.record(data, amount_update(150.0), today=TODAY, lang=ZH)
    store.record(link, amount_update(160.0, date=dt.date(2024, 6, 20)), today=TODAY, lang=ZH)
    assert journal.journal_path(link) == journal.journal_path(data) and not (elsewhere / "targets.journal.toml").exists()
    for path in (data, link):
        dashboard = store.load(path)
        assert amount(dashboard).current.value == 160.0 and [c.seq for c in dashboard.changes] == [1, 2]


def test_a_journal_made_read_only_is_not_replaced(data):
    """chmod 444 on the journal (someone froze it): the write is refused, said, and the journal is as
    it was, though the folder would let a new one be renamed over it."""
    record(data, amount_update(150.0))
    path = journal.journal_path(data)
    before = path.read_bytes()
    path.chmod(0o444)
    try:
        with pytest.raises(PermissionError):
            store.record(data, amount_update(160.0, date=dt.date(2024, 6, 20)), today=TODAY, lang=ZH)
        assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == 0o444
    finally:
        path.chmod(0o644)


def test_a_data_file_saved_while_an_update_is_written_is_read_after_it(data, monkeypatch):
    """An editor saves the data file just as `record` writes the journal: what `record` returns
    must not look as if that save had been read, or the next read (the app's, given it) reuses the
    data file as it was before and the edit is not shown until the file changes again."""
    loaded = store.read(data)
    real = files.write_atomic

    def then_an_editor_saves(path, content, *args, **kwargs):
        real(path, content, *args, **kwargs)
        data.write_text(data.read_text(encoding="utf-8").replace('district = "二七区"', 'district = "金水区"'),
                        encoding="utf-8")

    monkeypatch.setattr(files, "write_atomic", then_an_editor_saves)
    after, _ = store.record(data, amount_update(140), reuse=loaded, today=TODAY, lang=ZH)
    monkeypatch.setattr(files, "write_atomic", real)
    assert after.state != store.fingerprint(data)  # the app sees the files changed since
    assert store.read(data, after).dashboard.meta.district == "金水区"


def test_a_first_figure_for_a_target_with_none_is_current_whatever_its_date(data):
    """年内竣工投产项目 has no figure in the bundled file (as of 2024-05-31): one recorded for mid-May
    is the figure in force, not history behind a — that would stay on every card and export."""
    before = store.load(data)
    completions = next(t for t in before.targets if t.id == "completions")
    assert completions.current is None and before.target_date(completions) == dt.date(2024, 5, 31)
    dashboard = record(data, Update("target", "completions", {"current": Quantity(20, "个")},
                                    dt.date(2024, 5, 15), "zhang"))
    now = next(t for t in dashboard.targets if t.id == "completions")
    assert now.current == Quantity(20, "个") and now.as_of == dt.date(2024, 5, 15)
    dashboard = record(data, Update("target", "completions", {"current": Quantity(12, "个")},
                                    dt.date(2024, 4, 30), "zhang"))  # older than the one now in force
    assert next(t for t in dashboard.targets if t.id == "completions").current == Quantity(20, "个")
