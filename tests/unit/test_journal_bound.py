"""The journal's size bound is one fact that its reader and its writers share: a write that would
pass it is refused before anything is written, so no write leaves a file the reader refuses (issue
20: two imports of a 99,000-row sheet made a 39.7 MiB journal that every command then refused)."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from erqi_tui.core.i18n import ZH
from erqi_tui.store import files, journal
from erqi_tui import store
from erqi_tui.core.model import Briefing, Quantity, Update

from ..conftest import BUNDLED


def figure(value: float, note: str = "") -> Update:
    return Update("target", "signed-amount", {"current": Quantity(value, "亿元")}, dt.date(2024, 5, 31), "张三",
                  note=note)


@pytest.fixture
def district(tmp_path, monkeypatch):
    path = tmp_path / "t.toml"
    shutil.copy(BUNDLED, path)
    store.record(path, figure(200), today=dt.date(2024, 12, 31), lang=ZH)
    size = journal.journal_path(path).stat().st_size
    monkeypatch.setattr(files, "JOURNAL_MAX_BYTES", size + 1500)  # room for a few updates more
    return path


def test_the_bound_is_years_of_a_city_not_a_habit():
    # ~143 bytes an update (bench/year.py's journal): some 470,000 updates, a city's years of monthly figures
    assert files.JOURNAL_MAX_BYTES >= 64 * 2**20
    assert files.JOURNAL_MAX_BYTES > 2 * 20 * 2**20  # two imports of a 99,000-row sheet fit


def test_a_write_past_the_bound_is_refused_and_nothing_is_written(district):
    today = dt.date(2024, 12, 31)
    journal_file = journal.journal_path(district)
    with pytest.raises(store.Refused) as refused:
        for n in range(100):
            store.record(district, figure(201 + n, note="备注" * 20), today=today, lang=ZH)
    assert "MiB" in str(refused.value) and "未写入" in str(refused.value)
    before = journal_file.read_bytes()
    assert len(before) <= files.JOURNAL_MAX_BYTES
    with pytest.raises(store.Refused):  # an import, a briefing mark: the same bound
        store.record_all(district, [figure(300 + n) for n in range(20)], today=today, lang=ZH)
    with pytest.raises(store.Refused):  # the preview says so too, before --apply is given
        store.record_all(district, [figure(300 + n) for n in range(20)], today=today, write=False, lang=ZH)
    for n in range(20):
        try:
            store.mark_briefing(district, Briefing(dt.date(2024, 5, 31), None, "张三"), lang=ZH)
        except store.Refused:
            break
    else:
        pytest.fail("briefing marks grew the journal past its bound")
    after = journal_file.read_bytes()
    assert len(after) <= files.JOURNAL_MAX_BYTES
    assert store.read(district).dashboard.journal_entries >= 2  # what was written, the reader reads


def test_the_reader_refuses_what_is_past_the_bound_naming_the_file(district):
    journal_file = journal.journal_path(district)
    journal_file.write_bytes(journal_file.read_bytes() + b"#" * files.JOURNAL_MAX_BYTES)
    with pytest.raises(store.DataError) as error:
        store.read(district)
    assert str(journal_file) in str(error.value)
