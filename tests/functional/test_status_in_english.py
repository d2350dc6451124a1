"""A project's status in an English session: the form's Status list offers the English names the
table shows (In talks, Signed, Started, In production) and records the stage's own name (开工); the
filter finds projects by the word the table shows them under ("started")."""

from __future__ import annotations

import asyncio

from textual.widgets import Input, Select

from erqi_tui import store
from erqi_tui.ui.panes.projects import ProjectTable
from erqi_tui.ui.screens.forms import UpdateForm

from .helpers import make_app, run_with, screen_text


def test_the_status_list_offers_the_english_names_and_records_the_stages_own(data):
    async def check(pilot):
        await pilot.press("5", "e")  # the first project, 康师傅 (开工)
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, UpdateForm)
        status = form.query_one("#field-status", Select)
        assert status.value == "开工"
        await pilot.press("tab", "enter")  # the status list opens
        await pilot.pause()
        text = screen_text(pilot.app)
        for name in ("In talks", "Signed", "Started", "In production"):
            assert name in text, text
        for name in ("在谈", "签约", "开工", "投产"):
            assert name not in text, text
        await pilot.press("down", "enter")  # from Started to In production
        await pilot.pause()
        assert status.value == "投产"
        await pilot.press("shift+tab", "enter")  # Enter in the name field saves
        for _ in range(40):
            if pilot.app.screen is not form:
                break
            await asyncio.sleep(0.05)
            await pilot.pause()
        assert pilot.app.screen is not form

    run_with(make_app(data, lang="en"), check)
    dashboard = store.load(data)
    (change,) = dashboard.changes
    assert (change.id, change.field, change.new) == ("kangshifu", "status", "投产")
    assert next(p for p in dashboard.projects if p.id == "kangshifu").status == "投产"


def test_the_filter_finds_projects_by_the_status_the_table_shows(data):
    started = sum(p.status == "开工" for p in store.load(data).projects)

    async def check(pilot):
        await pilot.press("5", "slash", *"started", "escape")
        await pilot.pause()
        assert pilot.app.query_one("#filter", Input).value == "started"
        table = pilot.app.query_one(ProjectTable)
        assert table.row_count == started > 0
        assert "Started" in screen_text(pilot.app)

    run_with(make_app(data, lang="en"), check)
