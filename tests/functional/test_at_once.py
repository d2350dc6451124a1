"""Two at once, in threads: two officials importing the same sheet, and a save the app's look at
the files catches half-way. Moved from tests/unit/ (test_import.py, test_session.py): they start threads."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil

import pytest
from openpyxl import Workbook

from erqi_tui.core.i18n import ZH
from erqi_tui import cli, store
from erqi_tui.core.model import Quantity, Update
from erqi_tui.store.session import Saved, Session

from ..conftest import BUNDLED


def run(*args: str) -> int:
    return cli.main(["import", "--user", "王", *args])


def workbook(path, rows):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def figure(value: float, who: str = "王") -> Update:
    return Update("target", "new-projects", {"current": Quantity(value, "个")}, dt.date(2024, 6, 1), who)


def test_two_officials_importing_the_same_sheet_at_once_record_it_once(data, tmp_path, monkeypatch):
    """Each reads the sheet and finds 2 changes before either records: the one that takes the
    journal's lock second works the rows out again against what the first recorded, and finds none."""
    import threading

    from erqi_tui.exchange import importing

    sheet = workbook(tmp_path / "台账.xlsx", [["编号", "日期", "数值"], ["new-projects", dt.date(2024, 6, 30), 15],
                                               ["signed-amount", dt.date(2024, 6, 30), 120]])
    both_read = threading.Barrier(2)
    read_sheet = importing.read_sheet

    def read_then_wait(path, *sheet, **options):  # options: lang=, as import passes it
        rows = read_sheet(path, *sheet, **options)
        both_read.wait(timeout=30)  # both have planned their 2 updates from the same figures
        return rows

    monkeypatch.setattr(importing, "read_sheet", read_then_wait)
    codes = []
    officials = [threading.Thread(target=lambda: codes.append(run(str(sheet), "--data", str(data), "--apply")))
                 for _ in range(2)]
    for official in officials:
        official.start()
    for official in officials:
        official.join(60)
    assert codes == [0, 0]
    dashboard = store.load(data)
    assert dashboard.journal_entries == 2  # not 4
    assert [(t.id, t.current.value) for t in dashboard.targets[:2]] == [("new-projects", 15), ("signed-amount", 120)]



def test_its_own_save_is_not_taken_for_a_change_while_it_is_being_written(tmp_path, monkeypatch):
    """The save runs in a thread; the twice-a-second look at the files may come after the journal is
    written and before the save returns. It must not reload the dashboard under the user's next key."""
    import threading

    path = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, path)
    session = Session(path, store.read(path), who="王", today=dt.date(2024, 6, 3))
    written, release = threading.Event(), threading.Event()
    record = store.record

    def record_then_wait(*args, **kwargs):
        outcome = record(*args, **kwargs)  # on disk now
        written.set()
        assert release.wait(10)
        return outcome

    monkeypatch.setattr(store, "record", record_then_wait)

    async def save_while_looking():
        saving = asyncio.create_task(session.save(figure(14), lang=ZH))
        await asyncio.to_thread(written.wait, 10)
        seen_meanwhile = session.changed_on_disk()
        release.set()
        return seen_meanwhile, await saving

    seen_meanwhile, saved = asyncio.run(save_while_looking())
    assert seen_meanwhile is False
    assert isinstance(saved, Saved) and not session.changed_on_disk()
