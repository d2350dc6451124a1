"""The state kept beside the journal: a process that starts (the app, `erqi-tui record`) loads what
applying the journal gave when it was last kept and applies only what was appended since, and gets
exactly what reading the journal whole gives: after records, withdrawals (of entries before the
kept state too), briefings and imports; and when the journal was cut, edited or rewritten, the data
file changed, or the kept file is corrupt, cut, another journal's, another user's or writable by
others, it is not used (a whole read instead, never a wrong figure, never an error)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import invariant, rule

from erqi_tui.core.i18n import ZH
from erqi_tui import store
from erqi_tui.core import series
from erqi_tui.core.model import Briefing, LazyChanges, Quantity, Update
from erqi_tui.store import datafile, files, journal

from .test_withdrawals import FILE, TODAY, Journaling, withdrawal


REPLAYED = journal.replayed  # not counted by whole_reads


def whole(path: Path):
    """The dashboard of `path` from reading the data file and the journal whole, no kept state."""
    base = datafile.load_base(path)
    journal_file = journal.journal_path(path)
    if not journal_file.exists():
        return base
    data = journal_file.read_bytes()
    return REPLAYED(base, journal_file, files.decode(journal_file, data), data).dashboard


def kept_file(path: Path) -> Path:
    return journal.kept_path(journal.journal_path(path))


@pytest.fixture
def keep_always(monkeypatch):
    """Every read and write keeps its state (the bound is some 450 updates; these journals are short)."""
    monkeypatch.setattr(journal, "KEEP_FROM", 0)


def day(n: int) -> dt.date:
    return dt.date(2024, 6, 1) + dt.timedelta(days=n)


@pytest.fixture
def year(write_toml, keep_always):
    """A district whose journal has every kind of entry: figures, a project added, changed, its
    steps reached and its requests raised and resolved, a task finished, a briefing, withdrawals."""
    path = write_toml(FILE)
    updates = [Update("project", "p1", {"name": "新项目"}, day(0), "wang", new=True)]
    updates += [Update("target", "amount", {"current": Quantity(100 + n, "亿元", approx=n % 3 == 0)}, day(n), "wang",
                       note="月报" if n % 5 == 0 else "") for n in range(120)]
    updates += [Update("project", "p1", {"status": "开工", "investment": Quantity(12.5, "亿元")}, day(130), "li"),
                Update("project", "base", {"milestone": "封顶"}, day(131), "li"),
                Update("project", "base", {"request": {"what": "用电", "responsible": "供电公司"}}, day(132), "li"),
                Update("project", "base", {"resolve": "用电"}, day(133), "li"),
                Update("task", "t", {"done": True}, day(134), "li")]
    store.record_all(path, updates, today=TODAY, lang=ZH)
    store.mark_briefing(path, Briefing(day(135), None, "zhao", "季度简报"), lang=ZH)
    store.record(path, withdrawal(30), today=TODAY, lang=ZH)
    store.record(path, withdrawal(121), today=TODAY, lang=ZH)  # the last figure: the one before is in force again
    return path


def test_a_kept_state_gives_what_a_full_read_gives(year, whole_reads):
    assert kept_file(year).is_file()
    loaded = store.read(year)
    assert not whole_reads
    assert loaded.dashboard == whole(year)
    assert loaded.dashboard.targets[0].current == Quantity(218, "亿元")  # update 120: 121 (219) withdrawn
    assert [b.note for b in loaded.dashboard.briefings] == ["季度简报"]


def test_the_changes_read_from_the_kept_state_are_the_full_reads_tuple_to_every_reader(year):
    """They are made only when first looked at (a record looks at none), and read as the tuple does."""
    import pickle

    changes, full = store.read(year).dashboard.changes, whole(year).changes
    assert changes == full and full == changes and not changes != full and not full != changes
    assert len(changes) == len(full) == 127 and changes[-1] == full[-1] and changes[:3] == full[:3]
    assert list(changes) == list(full) and list(reversed(changes)) == list(reversed(full)) and full[5] in changes
    assert hash(changes) == hash(full) and pickle.loads(pickle.dumps(changes)) == full
    assert changes + () == full == () + changes


def first_frame(dashboard) -> tuple:
    """What the first frame asks of a dashboard's changes: the dates its figures and its projects'
    steps stand at, each target's values by day (its chart and its card's trend) and its change
    since the last briefing (and, as --since asks, since a date)."""
    since = series.default_since(dashboard)
    return (dashboard.as_of, dashboard.steps_as_of, {t.id: series.series(dashboard, t.id) for t in dashboard.targets},
            {t.id: since and series.difference(dashboard, t.id, since) for t in dashboard.targets},
            {(t.id, n): series.difference(dashboard, t.id, series.Since(day(n))) for t in dashboard.targets
             for n in (-30, 0, 4, 60)})


COUNTED = FILE + '''
[[target]]
id = "signed"
name = "签约项目"
target = { value = 30, unit = "个" }
'''


def test_what_the_first_frame_asks_is_kept_and_is_what_the_changes_give(write_toml, monkeypatch):
    """A process that starts from the kept state answers the first frame's questions from what the
    state keeps of its changes and the changes since, without making the kept ones (100,000 take
    50 ms), and gets what the changes of a whole read give: after records (several on one day, out
    of date order, a target changed only since), withdrawals of entries kept and appended since, and
    a withdrawal that makes a day's earlier value stand again."""
    made = []
    columns_read = journal._KeptChanges._columns_read
    monkeypatch.setattr(journal._KeptChanges, "_columns_read", lambda self: made.append(self) or columns_read(self))
    path = write_toml(COUNTED)
    minutes = iter(range(1000))  # each recorded a minute after the one before
    moment = lambda: dt.datetime(2024, 10, 8, 9) + dt.timedelta(minutes=next(minutes))  # noqa: E731
    amount = lambda value, n, who="wang": Update("target", "amount", {"current": Quantity(value, "亿元")}, day(n), who,  # noqa: E731
                                                 at=moment())
    signed = lambda value, n: Update("target", "signed", {"current": Quantity(value, "个")}, day(n), "li", at=moment())  # noqa: E731
    monkeypatch.setattr(journal, "KEEP_FROM", 0)
    store.record_all(path, [amount(110 + n, n % 7) for n in range(20)], today=TODAY, lang=ZH)  # three a day
    store.mark_briefing(path, Briefing(day(4), moment() + dt.timedelta(seconds=30), "zhao"), lang=ZH)  # its comparison is kept
    store.record_all(path, [amount(110 + n, n % 7) for n in range(20, 30)], today=TODAY, lang=ZH)  # after it
    store.record_all(path, [Update("project", "base", {"status": "开工"}, day(3), "li"), amount(150, -20)], today=TODAY, lang=ZH)
    store.record(path, withdrawal(29), today=TODAY, lang=ZH)  # day 0's last: the one before it stands again
    store.record(path, withdrawal(31), today=TODAY, lang=ZH)  # the project's step: steps_as_of goes back

    def check(lazy: bool = True, makes: bool = False) -> None:
        bound = journal.KEEP_FROM
        monkeypatch.setattr(journal, "KEEP_FROM", 1 << 40)  # this read keeps nothing (keeping makes them)
        made.clear()
        loaded = store.read(path)  # a new process
        monkeypatch.setattr(journal, "KEEP_FROM", bound)
        assert (loaded.dashboard.changes.__class__ is LazyChanges) is lazy
        asked = first_frame(loaded.dashboard)
        assert bool(made) is (makes or not lazy)
        assert any(asked[3].values()) or not loaded.dashboard.briefings
        assert asked == first_frame(whole(path)) == first_frame(loaded.dashboard._replace(changes=tuple(loaded.dashboard.changes)))

    check()
    monkeypatch.setattr(journal, "KEEP_FROM", 1 << 40)  # kept no more: what follows is applied since
    store.record_all(path, [signed(n, 40 - n) for n in range(1, 4)], today=TODAY, lang=ZH)  # a target changed since only
    store.record_all(path, [amount(300, 5, "zhao"), amount(301, 100), amount(303, 4)], today=TODAY, lang=ZH)  # after the briefing
    check()
    store.record(path, amount(302, 5), today=TODAY, lang=ZH)
    store.record(path, withdrawal(39), today=TODAY, lang=ZH)  # one appended since
    store.record(path, Update("project", "base", {"status": "投产"}, day(150), "li"), today=TODAY, lang=ZH)
    store.record(path, withdrawal(37), today=TODAY, lang=ZH)  # the target changed since: its last day's value
    check()
    later = dt.datetime.now().replace(microsecond=0) + dt.timedelta(hours=1)  # the last, whatever the clock
    store.mark_briefing(path, Briefing(day(3), later, "zhao"), lang=ZH)  # not kept: the comparison makes them
    check(makes=True)
    store.record(path, withdrawal(12), today=TODAY, lang=ZH)  # one kept: the kept ones are made to take it back
    check(lazy=False)
    monkeypatch.setattr(journal, "KEEP_FROM", 0)
    store.record(path, withdrawal(36), today=TODAY, lang=ZH)  # kept again, with it and the briefing
    check()
    assert first_frame(store.read(path).dashboard)[0] == day(150)


def test_a_briefing_keeps_the_state_again(year, monkeypatch, whole_reads):
    """What the first frame compares with is the last briefing's: marking one keeps the state again
    (a record keeps it only after KEEP_FROM bytes), so the next process need not make the changes."""
    monkeypatch.setattr(journal, "KEEP_FROM", 2000)
    size = lambda: journal.journal_path(year).stat().st_size  # noqa: E731
    loaded, _ = store.record(year, Update("target", "amount", {"current": Quantity(300, "亿元")}, day(140), "li"), today=TODAY, lang=ZH)
    assert loaded.journal.kept < size()
    loaded = store.mark_briefing(year, Briefing(day(136), None, "zhao"), lang=ZH)
    assert loaded.journal.kept == size()
    made = []
    columns_read = journal._KeptChanges._columns_read
    monkeypatch.setattr(journal._KeptChanges, "_columns_read", lambda self: made.append(self) or columns_read(self))
    started = store.read(year).dashboard
    assert first_frame(started) == first_frame(whole(year)) and not made
    assert started.briefings[-1].date == day(136) and all(first_frame(started)[3].values())
    assert not whole_reads


def test_records_appended_since_are_applied_on_the_kept_state(year, whole_reads, monkeypatch):
    monkeypatch.setattr(journal, "KEEP_FROM", 1 << 40)  # nothing kept from here on: the tail grows
    store.record(year, Update("target", "amount", {"current": Quantity(400, "亿元")}, day(190), "li"), today=TODAY, lang=ZH)
    store.record_all(year, [Update("target", "amount", {"current": Quantity(v, "亿元")}, day(191), "li")
                            for v in (401, 402)], today=TODAY, lang=ZH)
    store.mark_briefing(year, Briefing(day(192), None, "zhao"), lang=ZH)
    store.record(year, withdrawal(131), today=TODAY, lang=ZH)  # one appended since the state was kept
    assert not whole_reads
    assert store.read(year).dashboard == whole(year)
    assert store.read(year).dashboard.targets[0].current == Quantity(401, "亿元")
    assert not whole_reads


@pytest.mark.parametrize("seq", [1, 2, 60, 120])
def test_a_withdrawal_of_an_entry_before_the_kept_state(year, whole_reads, seq):
    """By a new process (no read kept in memory): what the entries from `seq` on did is undone from
    what the kept state holds, and they are applied again, without reading the journal whole."""
    if seq == 1:  # the project added: updates of it depend on it (refused as a whole read refuses it)
        with pytest.raises(store.Refused, match=r"第 122 条更新|update\[122\]"):  # the one that depends on it
            store.record(year, withdrawal(seq), today=TODAY, lang=ZH)
    else:
        loaded, _ = store.record(year, withdrawal(seq), today=TODAY, lang=ZH)
        assert loaded.dashboard == whole(year)
        assert not whole_reads
    assert store.read(year).dashboard == whole(year)


@pytest.mark.parametrize("edit", [
    pytest.param(lambda text: text.replace("wang", "wong", 1), id="same size"),
    pytest.param(lambda text: text.replace("value = 105", "value = 999", 1), id="a figure"),
    pytest.param(lambda text: "# 手工整理\n" + text, id="a line before"),
    pytest.param(lambda text: text[: text.rindex("[[update]]")], id="cut"),
    pytest.param(lambda text: text[: len(text) // 2], id="cut mid-entry"),
    pytest.param(lambda text: journal.HEADER, id="emptied"),
])
def test_a_journal_changed_before_its_end_is_read_whole(year, whole_reads, edit):
    path = journal.journal_path(year)
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    try:
        expected = whole(year)
    except store.DataError as error:
        with pytest.raises(store.DataError) as raised:
            store.read(year)
        assert raised.value.shown(ZH) == error.shown(ZH)
        return
    assert store.read(year).dashboard == expected
    assert whole_reads


def test_a_journal_that_begins_with_a_bom(year, whole_reads):
    """Kept with the BOM read; a record does not write it back, and what follows is what a full read gives."""
    path = journal.journal_path(year)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert store.read(year).dashboard == whole(year)  # a whole read, kept again
    del whole_reads[:]
    assert store.read(year).dashboard == whole(year)
    loaded, _ = store.record(year, withdrawal(60), today=TODAY, lang=ZH)
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert loaded.dashboard == whole(year) == store.read(year).dashboard
    assert not whole_reads


def test_a_changed_data_file_is_not_read_with_the_kept_state(year, whole_reads):
    text = year.read_text(encoding="utf-8")
    year.write_text(text.replace('name = "签约额"', 'name = "签约总额"'), encoding="utf-8")
    loaded = store.read(year)
    assert whole_reads
    assert loaded.dashboard == whole(year)
    assert loaded.dashboard.targets[0].name == "签约总额"


def corrupt_in_the_middle(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x40]) + data[middle + 1:]


@pytest.mark.parametrize("spoil", [
    pytest.param(corrupt_in_the_middle, id="a byte changed"),
    pytest.param(lambda data: data[: len(data) // 2], id="cut"),
    pytest.param(lambda data: b"", id="empty"),
    pytest.param(lambda data: os.urandom(len(data)), id="noise"),
    pytest.param(lambda data: data[:-1] + bytes([data[-1] ^ 1]), id="last byte"),
    pytest.param(lambda data: data[:60] + b"\xff" * 40 + data[100:], id="header"),
])
def test_a_corrupt_kept_state_costs_a_full_read(year, whole_reads, spoil):
    kept = kept_file(year)
    kept.write_bytes(spoil(kept.read_bytes()))
    kept.chmod(0o600)
    loaded = store.read(year)
    assert len(whole_reads) == 1
    assert loaded.dashboard == whole(year)
    assert store.read(year).dashboard == whole(year)
    assert len(whole_reads) == 1  # the full read kept its state again


def test_a_well_formed_kept_state_that_lies_is_caught_by_its_checksum(year, whole_reads):
    """A figure in the kept state changed (as a disk might): its checksum no longer matches."""
    kept = kept_file(year)
    data = kept.read_bytes()
    spoiled = data.replace("月报".encode(), "年报".encode())
    assert spoiled != data
    kept.write_bytes(spoiled)
    assert store.read(year).dashboard == whole(year)
    assert whole_reads


def test_another_journals_kept_state_is_not_used(year, tmp_path, whole_reads):
    other = tmp_path / "other"
    other.mkdir()
    copy = other / year.name
    shutil.copy(year, copy)
    journal_file = journal.journal_path(copy)
    journal_file.write_text(journal.journal_path(year).read_text(encoding="utf-8").replace("value = 110", "value = 111"),
                            encoding="utf-8")
    shutil.copy(kept_file(year), kept_file(copy))
    loaded = store.read(copy)
    assert whole_reads
    assert loaded.dashboard == whole(copy) != whole(year)


def test_a_kept_state_others_may_write_is_not_used(year, whole_reads):
    kept = kept_file(year)
    kept.chmod(0o666)
    assert store.read(year).dashboard == whole(year)
    assert whole_reads
    assert kept.stat().st_mode & 0o077 == 0  # written again, this user's alone


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs to give a file to another user")
def test_another_users_kept_state_is_not_used(year, whole_reads):
    kept = kept_file(year)
    os.chown(kept, 65534, 65534)
    assert store.read(year).dashboard == whole(year)
    assert whole_reads


def test_a_link_in_place_of_the_kept_state_is_not_followed(year, tmp_path, whole_reads):
    kept = kept_file(year)
    elsewhere = tmp_path / "elsewhere"
    kept.rename(elsewhere)
    kept.symlink_to(elsewhere)
    assert store.read(year).dashboard == whole(year)
    assert whole_reads
    assert not kept.is_symlink()  # replaced by a file of its own, the link's target untouched


def test_the_kept_state_is_the_codes_own(year, whole_reads, monkeypatch):
    """Made by another version of erqi-tui (another stamp): not used."""
    monkeypatch.setattr(journal, "_STAMP", [b"\0" * 32])
    assert store.read(year).dashboard == whole(year)
    assert whole_reads


def test_a_folder_that_cannot_be_written_keeps_nothing_and_says_nothing(write_toml, keep_always, whole_reads):
    path = write_toml(FILE)
    store.record(path, Update("target", "amount", {"current": Quantity(150, "亿元")}, day(3), "wang"), today=TODAY, lang=ZH)
    kept_file(path).unlink()
    kept_file(path).mkdir()  # the name taken: nothing can be written there, as in a read-only folder
    assert store.read(path).dashboard == whole(path)
    loaded, _ = store.record(path, Update("target", "amount", {"current": Quantity(160, "亿元")}, day(4), "wang"),
                             today=TODAY, lang=ZH)
    assert loaded.dashboard == whole(path) == store.read(path).dashboard
    assert kept_file(path).is_dir() and not any(kept_file(path).iterdir())


def test_a_cache_that_cannot_be_written(write_toml, keep_always, tmp_path):
    path = write_toml(FILE)
    store.record(path, Update("target", "amount", {"current": Quantity(150, "亿元")}, day(3), "wang"), today=TODAY, lang=ZH)
    kept_file(path).unlink()
    kept_file(path).parent.chmod(0o555)
    try:
        if os.access(kept_file(path).parent, os.W_OK):
            pytest.skip("this user writes in any folder (root)")
        assert store.read(path).dashboard == whole(path)
        assert not kept_file(path).exists()
    finally:
        kept_file(path).parent.chmod(0o755)


def test_nothing_is_kept_in_the_data_folder(write_toml, keep_always):
    """The state is kept in the user's cache: a shared folder gets no file of it (each official
    keeps their own), and a file the user has there under any name is never replaced."""
    path = write_toml(FILE)
    before = {p.name for p in path.parent.iterdir()}
    store.record(path, Update("target", "amount", {"current": Quantity(150, "亿元")}, day(3), "wang"), today=TODAY, lang=ZH)
    assert kept_file(path).exists() and kept_file(path).parent != path.parent
    made = {p.name for p in path.parent.iterdir()} - before
    assert made <= {"targets.journal.toml", "targets.journal.toml.lock", "targets.toml.lock"}, made


def test_the_bundled_file_keeps_nothing_beside_it(keep_always):
    folder = files.bundled_data().parent
    before = sorted(folder.iterdir())
    store.read(files.bundled_data())
    assert sorted(folder.iterdir()) == before


def test_no_export_may_write_over_the_kept_state(year):
    assert files.output_clash(kept_file(year), store.kept_off([year], None, lang=ZH))


def test_the_kept_state_is_not_a_data_file_of_the_city(year):
    from erqi_tui.views.city import expand

    assert expand([year.parent]) == [year]


def test_a_short_journal_keeps_nothing(write_toml):
    """Below KEEP_FROM bytes, reading it whole is as quick: no file beside it."""
    path = write_toml(FILE)
    store.record(path, Update("target", "amount", {"current": Quantity(150, "亿元")}, day(3), "wang"), today=TODAY, lang=ZH)
    store.read(path)
    assert not kept_file(path).exists()


def test_a_long_tail_is_kept_again(write_toml, monkeypatch, whole_reads):
    """After KEEP_FROM bytes appended since the state kept, a write keeps its state again."""
    monkeypatch.setattr(journal, "KEEP_FROM", 2000)
    path = write_toml(FILE)
    loaded = store.read(path)
    for n in range(40):
        loaded, _ = store.record(path, Update("target", "amount", {"current": Quantity(n, "亿元")}, day(n), "wang"),
                                 reuse=loaded, today=TODAY, lang=ZH)
    kept = journal.journal_path(path).stat().st_size - loaded.journal.kept
    assert kept_file(path).is_file() and 0 <= kept < 2000
    assert store.read(path).dashboard == whole(path)
    assert len(whole_reads) == 1  # the first record, which made the journal


# --- any sequence of writes, by processes that start from the kept state -----------------------------

class KeptJournaling(Journaling):
    """Journaling's records and withdrawals, each by the app (its read kept in memory) or by a new
    process (which starts from the kept state), with hand edits and spoiled kept states between."""

    def __init__(self) -> None:
        self.bound = journal.KEEP_FROM
        journal.KEEP_FROM = 0
        super().__init__()
        self.fresh = False

    def teardown(self) -> None:
        journal.KEEP_FROM = self.bound
        super().teardown()

    @rule(fresh=st.booleans())
    def switch_writer(self, fresh: bool) -> None:
        self.fresh = fresh

    def record(self, update: Update, needs: tuple[int, ...] = ()) -> None:
        if self.fresh:
            self.loaded = store.read(self.path)  # a new process: from the kept state
        super().record(update, needs)

    @rule(bound=st.sampled_from((0, 300, 3000)))
    def keep_every(self, bound: int) -> None:
        journal.KEEP_FROM = bound

    @rule(day=st.integers(min_value=0, max_value=200))
    def mark_briefing(self, day: int) -> None:
        if self.fresh:
            self.loaded = store.read(self.path)
        self.loaded = store.mark_briefing(self.path, Briefing(dt.date(2024, 6, 1) + dt.timedelta(days=day), None, "zhao"),
                                          reuse=self.loaded, lang=ZH)

    @rule()
    def spoil_the_kept_state(self) -> None:
        kept = kept_file(self.path)
        if kept.exists():
            kept.write_bytes(corrupt_in_the_middle(kept.read_bytes()))
            self.loaded = store.read(self.path)

    @rule()
    def rename_first_author(self) -> None:
        path = journal.journal_path(self.path)
        if path.exists():
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace('who = "wang"', 'who = "wong"', 1), encoding="utf-8")
            self.loaded = store.read(self.path)

    @rule(text=st.sampled_from(("\n# checked by hand\n", "# no blank line before\n", "\r\n# a Windows line\r\n")))
    def append_by_hand(self, text: str) -> None:
        path = journal.journal_path(self.path)
        if path.exists():
            with path.open("a", encoding="utf-8", newline="") as out:
                out.write(text)
            self.loaded = store.read(self.path)

    @invariant()
    def a_start_from_the_kept_state_is_a_full_read(self) -> None:
        started = store.read(self.path).dashboard
        assert first_frame(started) == first_frame(whole(self.path))  # from what is kept of the changes
        assert started == whole(self.path) == self.loaded.dashboard


KeptJournaling.TestCase.settings = settings(max_examples=40, stateful_step_count=25, deadline=None,
                                            suppress_health_check=[HealthCheck.too_slow])
TestKeptStateIsAFullRead = KeptJournaling.TestCase
