"""What a session keeps: one that visits every pane in Chinese, on the bundled (read-only) file, has
not loaded what it does not use — each is memory kept by every one of a demo's dozens of sessions."""

from __future__ import annotations

import subprocess
import sys

TOUR = """
import asyncio, sys
from erqi_tui import store
from erqi_tui.ui.app import ErqiApp
from erqi_tui.cli import bundled_data

path = bundled_data("targets.toml")
app = ErqiApp(path, store.load(path), read_only=True)

async def tour():
    async with app.run_test(size=(100, 30)) as pilot:
        for key in "23451":
            await pilot.press(key)
            await pilot.pause()
        print(app.current_pane)

asyncio.run(tour())
print(" ".join(sorted(sys.modules)))
"""

NOT_KEPT = [
    "erqi_tui.core.messages_en",  # the English words, for a Chinese session
    "erqi_tui.store.edits", "tomli_w",  # recording
    "erqi_tui.ui.screens.detail", "erqi_tui.ui.screens.forms", "erqi_tui.ui.screens.help", "erqi_tui.ui.screens.wall",
    "erqi_tui.ui.screens.supervision", "erqi_tui.ui.screens.city", "erqi_tui.ui.screens.drill", "erqi_tui.ui.screens.tasks",
    "erqi_tui.ui.screens.history", "erqi_tui.ui.screens.changes",  # screens not opened (they were all, to learn which keys record)
    "erqi_tui.exchange.report", "erqi_tui.exchange.workbook", "erqi_tui.exchange.briefing_doc", "openpyxl", "docx",  # exports
    "calendar",  # for the length of a month
    "importlib.metadata",  # Textual's version, looked up only when asked
    "erqi_tui.core.problem_text",  # the words of the problems, for a file that has none
    "hashlib",  # the journal's fingerprint, with no journal (OpenSSL's tables)
    "erqi_tui.store.journal",  # the journal's reader and writer, with no journal
    "erqi_tui.store.blocks",  # reading a large file in blocks, for a small one
]


def test_a_session_that_visits_every_pane_loads_only_what_it_uses():
    done = subprocess.run([sys.executable, "-c", TOUR], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    pane, modules = done.stdout.strip().splitlines()[-2:]
    assert pane == "overview"  # the tour went round and came back
    loaded = set(modules.split())
    assert "erqi_tui.ui.panes.projects" in loaded  # the tour's panes were built
    assert [name for name in NOT_KEPT if name in loaded] == []
