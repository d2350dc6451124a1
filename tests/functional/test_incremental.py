"""A write or a reload given what was read before parses only what was appended to the journal since,
and gets exactly what reading both files whole gives: records, withdrawals (of entries read before
too) and briefings by sessions that each keep their own read, by other processes, and hand edits."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import rule

from erqi_tui.core.i18n import ZH
from erqi_tui import store
from erqi_tui.core.model import Briefing, Quantity, Update
from erqi_tui.store import journal

from ..unit.test_withdrawals import FILE, TODAY, Entry, Journaling, withdrawal

SESSIONS = ("app", "thread")  # each keeps what it read and wrote last; "other" reads whole every time


class Incremental(Journaling):
    """Journaling's records and withdrawals, each by a writer chosen at random."""

    def __init__(self) -> None:
        super().__init__()
        self.writer = "app"
        self.sessions = {name: store.read(self.path) for name in SESSIONS}

    @rule(writer=st.sampled_from((*SESSIONS, "other")))
    def switch_writer(self, writer: str) -> None:
        self.writer = writer

    def write(self, function, *args, **kwargs):
        if self.writer == "other":  # another process: no read kept
            return function(self.path, *args, **kwargs)
        if self.writer == "thread":
            with ThreadPoolExecutor(1) as pool:
                return pool.submit(function, self.path, *args, reuse=self.sessions["thread"], **kwargs).result()
        return function(self.path, *args, reuse=self.sessions["app"], **kwargs)

    def kept(self, loaded: store.Loaded) -> None:
        """What a write returned: what reading the files whole gives now."""
        assert loaded.dashboard == store.read(self.path).dashboard
        assert loaded.journal is not None and loaded.journal.dashboard is loaded.dashboard
        if self.writer in SESSIONS:
            self.sessions[self.writer] = loaded
        self.loaded = loaded

    def record(self, update: Update, needs: tuple[int, ...] = ()) -> None:
        loaded, number = self.write(store.record, update, today=TODAY, lang=ZH)
        self.entries.append(Entry(update, needs))
        assert number == len(self.entries)
        self.kept(loaded)

    @rule(day=st.integers(min_value=0, max_value=200))
    def mark_briefing(self, day: int) -> None:
        self.kept(self.write(store.mark_briefing, Briefing(dt.date(2024, 6, 1) + dt.timedelta(days=day), None, "zhao"), lang=ZH))

    @rule(rows=st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=3))
    def import_rows(self, rows: list[int]) -> None:
        updates = [Update("target", "amount", {"current": Quantity(value, "亿元")}, self.date(), "sun") for value in rows]
        loaded, first = self.write(store.record_all, updates, today=TODAY, lang=ZH)
        assert first == len(self.entries) + 1
        self.entries.extend(Entry(update) for update in updates)
        self.kept(loaded)

    @rule(session=st.sampled_from(SESSIONS))
    def reload(self, session: str) -> None:
        """The app's reload and poll: store.read with what it read before."""
        loaded = store.read(self.path, self.sessions[session])
        assert loaded.dashboard == store.read(self.path).dashboard
        self.sessions[session] = loaded

    # Hand edits: what was read before is no longer how the file begins, or what follows is odd
    @rule()
    def rename_first_author(self) -> None:
        """Same length, same size: only the bytes tell the prefix changed."""
        path = journal.journal_path(self.path)
        if path.exists():
            text = path.read_text(encoding="utf-8")
            renamed = text.replace('who = "wang"', 'who = "wong"', 1)
            assert len(renamed) == len(text)
            path.write_text(renamed, encoding="utf-8")
            self.loaded = store.read(self.path)

    @rule(text=st.sampled_from(("\n# checked by hand\n", "# no blank line before\n", "\n\n", "\r\n# a Windows line\r\n")))
    def append_by_hand(self, text: str) -> None:
        path = journal.journal_path(self.path)
        if path.exists():
            with path.open("a", encoding="utf-8", newline="") as out:
                out.write(text)
            self.loaded = store.read(self.path)


Incremental.TestCase.settings = settings(max_examples=80, stateful_step_count=30, deadline=None,
                                         suppress_health_check=[HealthCheck.too_slow])
TestIncrementalIsAFullRead = Incremental.TestCase


# --- that it is incremental ------------------------------------------------------------------------

@pytest.fixture
def year(write_toml):
    """A district with 200 updates of its target and one new project."""
    path = write_toml(FILE)
    loaded = store.read(path)
    updates = [Update("project", "p1", {"name": "新项目"}, dt.date(2024, 6, 1), "wang", new=True)]
    updates += [Update("target", "amount", {"current": Quantity(100 + n, "亿元")}, dt.date(2024, 6, 1)
                       + dt.timedelta(days=n), "wang") for n in range(200)]
    store.record_all(path, updates, reuse=loaded, today=TODAY, lang=ZH)
    return path


def test_a_record_parses_only_what_it_appends(year, whole_reads):
    loaded = store.read(year)
    assert len(whole_reads) == 1
    for value in (400, 401):
        loaded, _ = store.record(year, Update("target", "amount", {"current": Quantity(value, "亿元")},
                                              dt.date(2024, 12, 30), "li"), reuse=loaded, today=TODAY, lang=ZH)
    loaded = store.mark_briefing(year, Briefing(dt.date(2024, 12, 30), None, "li"), reuse=loaded, lang=ZH)
    assert len(whole_reads) == 1
    assert loaded.dashboard == store.load(year)


def test_a_withdrawal_of_an_entry_read_before_is_applied_on_what_was_kept(year, whole_reads):
    """Update 150 withdrawn: the updates from 150 on are applied again, not the 149 before."""
    loaded = store.read(year)
    loaded, _ = store.record(year, withdrawal(150), reuse=loaded, today=TODAY, lang=ZH)
    loaded, _ = store.record(year, withdrawal(201), reuse=loaded, today=TODAY, lang=ZH)  # the figure in force goes back
    assert len(whole_reads) == 1
    fresh = store.read(year).dashboard
    assert loaded.dashboard == fresh
    assert fresh.targets[0].current.value == 298  # update 200 (100 + 198): 201 withdrawn


def test_a_reload_reads_only_what_another_writer_appended(year, whole_reads):
    loaded = store.read(year)
    store.record(year, Update("target", "amount", {"current": Quantity(500, "亿元")}, dt.date(2024, 12, 30), "li"),
                 today=TODAY, lang=ZH)  # another process
    store.record(year, withdrawal(3), today=TODAY, lang=ZH)
    del whole_reads[:]
    again = store.read(year, loaded)
    assert not whole_reads
    assert again.dashboard == store.load(year)
    assert store.read(year, again) is not again and store.read(year, again).journal is again.journal  # nothing new


@pytest.mark.parametrize("edit", [
    lambda text: text.replace("wang", "wong", 1),  # the same size
    lambda text: "# 手工整理\n" + text,
    lambda text: text[: text.rindex("[[update]]")],  # the last entry cut off
])
def test_a_journal_changed_before_its_end_is_read_whole(year, whole_reads, edit):
    loaded = store.read(year)
    path = journal.journal_path(year)
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    fresh = store.read(year)
    assert len(whole_reads) == 2
    assert store.read(year, loaded).dashboard == fresh.dashboard
    assert len(whole_reads) == 3


def test_text_appended_by_hand_inside_the_last_entry_is_read_whole(year, whole_reads):
    """A line appended with no [[update]] before it belongs to the last entry read: read whole, and
    refused as a full read refuses it."""
    loaded = store.read(year)
    path = journal.journal_path(year)
    with path.open("a", encoding="utf-8") as out:
        out.write('surprise = "x"\n')
    with pytest.raises(store.DataError) as whole:
        store.read(year)
    with pytest.raises(store.DataError) as incremental:
        store.read(year, loaded)
    assert incremental.value.shown(ZH) == whole.value.shown(ZH)


def test_a_refused_withdrawal_names_the_dependant_as_a_full_read_does(year):
    loaded = store.read(year)
    loaded, _ = store.record(year, Update("project", "p1", {"status": "开工"}, dt.date(2024, 12, 30), "li"),
                             reuse=loaded, today=TODAY, lang=ZH)
    with pytest.raises(store.Refused, match=r"第 202 条更新|update\[202\]"):
        store.record(year, withdrawal(1), reuse=loaded, today=TODAY, lang=ZH)
    assert store.read(year, loaded).dashboard == store.load(year) == loaded.dashboard


def test_a_bom_read_is_not_written_back(year):
    path = journal.journal_path(year)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    loaded = store.read(year)
    loaded, _ = store.record(year, withdrawal(5), reuse=loaded, today=TODAY, lang=ZH)
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert store.read(year, loaded).dashboard == store.load(year) == loaded.dashboard
