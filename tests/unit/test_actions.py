"""One table of actions (erqi_tui/ui/actions.py): the bindings, the help, the palette and what a
read-only session leaves out derive from it."""

from __future__ import annotations

from erqi_tui.ui import actions
from erqi_tui.ui.app import ErqiApp


def test_every_key_the_help_lists_is_in_the_table_once():
    ids = [a.id for a in actions.ACTIONS]
    assert len(ids) == len(set(ids))
    listed = {b.id for _, bindings in ErqiApp.binding_scopes() for b in bindings}
    assert listed <= actions.remappable()
    assert {a.id for a in actions.ACTIONS if a.key and a.scope != "help"} == listed  # the help lists them all


def test_what_records_is_said_once_in_the_table():
    assert actions.RECORDING == {"target.edit", "projects.edit", "projects.new", "history.withdraw", "briefing",
                                 "detail.reach", "detail.raise", "detail.resolve"}


def test_each_widget_takes_its_bindings_from_the_table():
    from erqi_tui.ui.panes.projects import ProjectsPane, ProjectTable
    from erqi_tui.ui.screens.history import HistoryScreen
    from erqi_tui.ui.widgets.cards import TargetCard

    assert [b.id for b in TargetCard.BINDINGS] == ["target.edit", "target.history", "target.projects"]
    assert "projects.new" in [b.id for b in ProjectsPane.BINDINGS]
    assert "projects.edit" in [b.id for b in ProjectTable.BINDINGS]
    assert "history.withdraw" in [b.id for b in HistoryScreen.BINDINGS]
    assert all(a.palette_help for a in actions.palette_entries())
