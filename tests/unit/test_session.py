"""A running dashboard's hold on its file (session.py), without a terminal: a save is numbered and
becomes what is reused; a change made by someone else is noticed; a read-only session saves nothing."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil

from erqi_tui.core.i18n import ZH
from erqi_tui.store import journal
from erqi_tui import store
from erqi_tui.core.model import Quantity, Update
from erqi_tui.store.session import Saved, Session, Unsaved

from ..conftest import BUNDLED


def figure(value: float, who: str = "王") -> Update:
    return Update("target", "new-projects", {"current": Quantity(value, "个")}, dt.date(2024, 6, 1), who)


def test_a_save_is_numbered_and_another_writer_is_noticed(tmp_path):
    path = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, path)
    session = Session(path, store.read(path), who="王", today=dt.date(2024, 6, 3))
    assert not session.changed_on_disk()
    saved = asyncio.run(session.save(figure(14), lang=ZH))
    assert isinstance(saved, Saved) and saved.number == 1 and "第 1 条" in saved.announcement(figure(14), lang=ZH)
    assert not session.changed_on_disk()  # our own save is what we hold
    store.record(path, figure(15, "李"), today=dt.date(2024, 6, 3), lang=ZH)  # another official, another process
    assert session.changed_on_disk()
    loaded = asyncio.run(session.read())
    assert {t.id: t.current for t in loaded.dashboard.targets}["new-projects"] == Quantity(15, "个")
    assert not session.changed_on_disk()


def test_a_read_only_session_writes_nothing(tmp_path):
    path = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, path)
    session = Session(path, store.read(path), read_only=True)
    outcome = asyncio.run(session.save(figure(14), lang=ZH))
    assert isinstance(outcome, Unsaved) and "只读" in outcome.message
    assert not journal.journal_path(path).exists()
