"""Shared fixtures: the bundled data file, the seed article, a helper to write TOML files."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "targets.toml"
TEST_DATA = Path(__file__).resolve().parent / "data"
ARTICLE = ROOT / "docs" / "source" / "erqi-2024-05-article.txt"  # a copy of ../shared/seed/, so a clone anywhere checks it


def svg_texts(raw: str) -> list[str]:
    """An exported picture's texts as a reader sees them: each text element's characters, joined
    across the tspans that place them one to a cell."""
    from xml.etree import ElementTree

    root = ElementTree.fromstring(raw)
    return ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]


def html_text(page: str) -> str:
    """An HTML export with its cells' no-break spans taken out: the text as the reader sees it, for
    tests that look for a cell's words (the spans are tested where they are made)."""
    import re

    return re.sub(r'<span class="nb">|</span>', "", page)


@pytest.fixture
def data(tmp_path):
    """A copy of the bundled data file that a test may record into."""
    import shutil

    path = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, path)
    return path


@pytest.fixture
def whole_reads(monkeypatch):
    """How many times the journal was read whole (journal.replayed called)."""
    from erqi_tui.store import journal

    calls = []
    replayed = journal.replayed

    def counted(*args):
        calls.append(args)
        return replayed(*args)

    monkeypatch.setattr(journal, "replayed", counted)
    return calls


@pytest.fixture
def write_toml(tmp_path):
    """Write `text` to a .toml file and return its path."""

    def write(text: str, name: str = "targets.toml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


def pytest_configure(config):
    """Every test, and every erqi-tui it starts, reads settings from an empty folder of its own, and
    keeps journal states in another, not the developer's (a remembered English would change what the command line says)."""
    import os
    import tempfile

    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="erqi-tui-test-config-")
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="erqi-tui-test-cache-")


