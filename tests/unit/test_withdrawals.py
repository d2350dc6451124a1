"""Withdrawals compose: an update can be withdrawn once every update that depends on it is withdrawn,
in whatever order they were done, and what the store returns after each write is what a fresh
load of the files gives. Random sequences of records and withdrawals through the real store."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from erqi_tui.core.i18n import ZH
from erqi_tui.store import journal
from erqi_tui import store
from erqi_tui.core.model import Quantity, Update

from ..conftest import TEST_DATA

TODAY = dt.date(2024, 12, 31)
# A small district: the least a file needs (minimal.toml), a target, stages, a project and a task.
FILE = (TEST_DATA / "minimal.toml").read_text(encoding="utf-8") + '''
[[target]]
id = "amount"
name = "签约额"
target = { value = 300, unit = "亿元" }
current = { value = 100, unit = "亿元" }

[[stage]]
name = "签约"

[[stage]]
name = "开工"

[[stage]]
name = "投产"

[[project]]
id = "base"
name = "原有项目"

[[task]]
id = "t"
name = "一件事"
'''
NEW_IDS = ("p1", "p2")
REQUESTS = ("用电", "道路")


def withdrawal(seq: int) -> Update:
    return Update("", "", {}, None, "li", withdraw=seq)


class Entry:
    """What the test knows of one journal entry: the update, the entries it depends on, and
    whether it is in force (not withdrawn; a withdrawal itself is never in force)."""

    def __init__(self, update: Update, needs: tuple[int, ...] = ()) -> None:
        self.update = update
        self.needs = needs
        self.live = not update.withdraw


class Journaling(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="erqi-withdrawals-"))
        self.path = self.folder / "district.toml"
        self.path.write_text(FILE, encoding="utf-8")
        self.entries: list[Entry] = []
        self.loaded = store.read(self.path)

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    # What is in force, as the test works it out from the entries in force alone.
    def live(self) -> list[tuple[int, Entry]]:
        return [(seq, e) for seq, e in enumerate(self.entries, 1) if e.live]

    def added(self, ident: str) -> int | None:
        """The entry in force that added project `ident` (None: not added, or withdrawn)."""
        return next((seq for seq, e in self.live() if e.update.new and e.update.id == ident), None)

    def projects(self) -> dict[str, tuple[int, ...]]:
        """Each project in force, with what an update of it needs: the entry that added it, if any."""
        out = {"base": ()}
        for ident in NEW_IDS:
            seq = self.added(ident)
            if seq is not None:
                out[ident] = (seq,)
        return out

    def raised(self, ident: str, what: str) -> int | None:
        return next((seq for seq, e in self.live()
                     if e.update.id == ident and (e.update.changes.get("request") or {}).get("what") == what), None)

    def resolved(self, ident: str, what: str) -> bool:
        return any(e.update.id == ident and e.update.changes.get("resolve") == what for _, e in self.live())

    def date(self) -> dt.date:
        return dt.date(2024, 6, 1) + dt.timedelta(days=len(self.entries))

    def record(self, update: Update, needs: tuple[int, ...] = ()) -> None:
        loaded, number = store.record(self.path, update, reuse=self.loaded, today=TODAY, lang=ZH)
        self.entries.append(Entry(update, needs))
        assert number == len(self.entries)
        self.loaded = loaded

    # Records
    @rule(value=st.integers(min_value=0, max_value=500))
    def target_value(self, value: int) -> None:
        self.record(Update("target", "amount", {"current": Quantity(value, "亿元")}, self.date(), "wang"))

    @rule(ident=st.sampled_from(NEW_IDS))
    def add_project(self, ident: str) -> None:
        if self.added(ident) is None:
            self.record(Update("project", ident, {"name": f"新项目{ident}"}, self.date(), "wang", new=True))

    @rule(ident=st.sampled_from(("base", *NEW_IDS)), status=st.sampled_from(("签约", "开工", "投产")))
    def change_status(self, ident: str, status: str) -> None:
        needs = self.projects().get(ident)
        if needs is not None:
            self.record(Update("project", ident, {"status": status}, self.date(), "wang"), needs)

    @rule(ident=st.sampled_from(("base", *NEW_IDS)), step=st.sampled_from(("开工", "封顶")))
    def reach(self, ident: str, step: str) -> None:
        needs = self.projects().get(ident)
        if needs is not None:
            self.record(Update("project", ident, {"milestone": step}, self.date(), "wang"), needs)

    @rule(ident=st.sampled_from(("base", *NEW_IDS)), what=st.sampled_from(REQUESTS))
    def raise_request(self, ident: str, what: str) -> None:
        needs = self.projects().get(ident)
        if needs is not None and self.raised(ident, what) is None:
            self.record(Update("project", ident, {"request": {"what": what}}, self.date(), "wang"), needs)

    @rule(ident=st.sampled_from(("base", *NEW_IDS)), what=st.sampled_from(REQUESTS))
    def resolve_request(self, ident: str, what: str) -> None:
        raised = self.raised(ident, what)
        if raised is not None and not self.resolved(ident, what):
            self.record(Update("project", ident, {"resolve": what}, self.date(), "wang"), (raised,))

    @rule()
    def finish_task(self) -> None:
        if not any(e.update.kind == "task" for _, e in self.live()):
            self.record(Update("task", "t", {"done": True}, self.date(), "wang"))

    # Withdrawals
    @precondition(lambda self: self.entries)
    @rule(data=st.data())
    def withdraw(self, data) -> None:
        seq = data.draw(st.integers(min_value=1, max_value=len(self.entries)), label="seq")
        entry = self.entries[seq - 1]
        dependants = [later for later, e in self.live() if seq in e.needs]
        try:
            self.record(withdrawal(seq))
        except store.Refused as refused:
            if not entry.live:  # a withdrawal, or an update already withdrawn: refused for what it is
                assert "不能撤销" not in str(refused)
            else:  # refused only because an update in force depends on it: the one named
                assert dependants, f"update {seq} refused with nothing in force depending on it: {refused}"
                assert any(f"第 {d} 条更新（[[update]] 第 {d} 项）" in str(refused) for d in dependants), str(refused)
            assert store.load(self.path) == self.loaded.dashboard  # nothing written
            return
        assert entry.live and not dependants, f"update {seq} withdrawn though {dependants} depend on it"
        entry.live = False

    # What the user saw is what is on disk, and what the updates in force alone give
    @invariant()
    def returned_is_what_a_fresh_load_gives(self) -> None:
        assert self.loaded.dashboard == store.load(self.path)

    @invariant()
    def withdrawn_updates_change_nothing(self) -> None:
        base = self.loaded.base
        in_force = [e.update._replace(at=dt.datetime(2024, 12, 31, 9)) for _, e in self.live()]
        shown = self.loaded.dashboard
        if not in_force:
            replayed = base
        else:
            replayed = journal.apply(base, self.folder / "replay.journal.toml",
                                     journal.appended_all(journal.HEADER, in_force))
        assert (shown.targets, shown.projects, shown.tasks) == (replayed.targets, replayed.projects, replayed.tasks)


Journaling.TestCase.settings = settings(max_examples=60, stateful_step_count=30, deadline=None,
                                        suppress_health_check=[HealthCheck.too_slow])
TestWithdrawalsCompose = pytest.mark.slow(Journaling.TestCase)


def record(path: Path, update: Update) -> store.Loaded:
    return store.record(path, update, today=TODAY, lang=ZH)[0]


@pytest.fixture
def district(write_toml):
    return write_toml(FILE)


def test_a_new_project_is_withdrawn_after_its_later_change(district):
    record(district, Update("project", "p1", {"name": "新项目"}, dt.date(2024, 6, 2), "wang", new=True))
    record(district, Update("project", "p1", {"status": "签约"}, dt.date(2024, 6, 3), "wang"))
    with pytest.raises(store.Refused, match=r"第 2 条更新（\[\[update\]\] 第 2 项）"):  # the change in force: named
        record(district, withdrawal(1))
    record(district, withdrawal(2))
    loaded = record(district, withdrawal(1))
    assert "p1" not in {p.id for p in loaded.dashboard.projects}
    added, changed = loaded.dashboard.history("project", "p1")
    assert (added.new, added.withdrawn.seq) == ("新项目", 4) and (changed.old, changed.new, changed.withdrawn.seq) == (
        None, "签约", 3)  # both stay in the history, struck out
    assert loaded.dashboard == store.load(district)
    record(district, Update("project", "p1", {"name": "重新添加"}, dt.date(2024, 6, 4), "wang", new=True))
    assert next(p for p in store.load(district).projects if p.id == "p1").name == "重新添加"  # the id is free again


def test_a_request_is_withdrawn_after_its_resolution(district):
    record(district, Update("project", "base", {"request": {"what": "用电"}}, dt.date(2024, 6, 2), "wang"))
    record(district, Update("project", "base", {"resolve": "用电"}, dt.date(2024, 6, 3), "wang"))
    with pytest.raises(store.Refused, match="请先撤销那一条"):
        record(district, withdrawal(1))
    record(district, withdrawal(2))
    loaded = record(district, withdrawal(1))
    assert next(p for p in loaded.dashboard.projects if p.id == "base").requests == ()
    assert [c.withdrawn.seq for c in loaded.dashboard.history("project", "base")] == [4, 3]
    assert loaded.dashboard == store.load(district)


def test_a_withdrawal_is_final(district):
    """Withdrawing a withdrawal is refused (as it always was): the updates in force only ever lose
    members, so 'withdrawable once nothing in force depends on it' holds whatever the order."""
    record(district, Update("target", "amount", {"current": Quantity(120, "亿元")}, dt.date(2024, 6, 2), "wang"))
    record(district, withdrawal(1))
    for seq in (1, 2):
        with pytest.raises(store.Refused):
            record(district, withdrawal(seq))
