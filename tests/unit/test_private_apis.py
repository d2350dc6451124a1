"""Every private part of Textual, textual-serve and openpyxl that erqi-tui uses is still there as it
was written for (erqi_tui/private_apis.py): a release that moves one fails here, naming it, before
a user meets it. And none is used that the table does not name."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import pytest

from erqi_tui import private_apis

PACKAGE = Path(private_apis.__file__).resolve().parent


@pytest.mark.parametrize("api", private_apis.PRIVATE_APIS, ids=lambda api: f"{api.library}:{api.name[:40]}")
def test_each_private_part_is_there_as_written_for(api):
    problem = api.check()
    assert problem is None, (f"{api.library} {version(api.library)} (written for {api.written_for}): "
                             f"{api.name}, used in {api.used_in}: {problem}")


def test_the_pinned_versions_are_the_ones_written_for():
    """A new release may keep them all: then move `written_for` on, having read what changed."""
    installed = {api.library: version(api.library) for api in private_apis.PRIVATE_APIS}
    for api in private_apis.PRIVATE_APIS:
        assert installed[api.library].split(".")[:2] == api.written_for.split(".")[:2], (
            f"{api.name} was written for {api.library} {api.written_for}; {installed[api.library]} is installed")


def test_changed_says_nothing_while_all_are_there():
    assert private_apis.changed() == []


def test_a_missing_part_is_named_with_its_library_and_version(monkeypatch):
    def gone():
        raise AttributeError("type object 'Screen' has no attribute '_compositor'")

    api = private_apis.PRIVATE_APIS[0]
    monkeypatch.setattr(private_apis, "PRIVATE_APIS", (api._replace(check=gone),))
    [said] = private_apis.changed()
    assert said.startswith("textual app.screen._compositor") and "8.2.8" in said and "'_compositor'" in said


# Names erqi-tui gives its own things that some library also uses for one of its own, with why ours
# is ours; and the public ones that start with an underscore.
OWN = {"_cells": "ui/widgets/table.py: VirtualTable's cache of its rows' cells (Widget has none)",
       "_text": "terminal/wire.py: SGRDiff's", "_sync": "terminal/wire.py: SGRDiff's",
       "_write": "store/session.py: Session's", "_md_cell": "exchange/report.py's",
       "_erqi_caches_on_first_use": "terminal/strips.py's mark on Strip", "_erqi_textual_init": "the same",
       "_replace": "a named tuple's, public", "_exit": "os._exit, public"}
LIBRARIES = ("textual", "rich", "textual_serve", "openpyxl", "docx")


def test_no_private_attribute_of_another_library_is_used_that_the_table_does_not_name():
    """Any `x._name` (or getattr(x, "_name")) in erqi-tui that one of the libraries also has is
    either in the table or one of erqi-tui's own names."""
    import importlib

    theirs = set()
    for library in LIBRARIES:
        root = Path(importlib.import_module(library).__file__).parent
        for path in root.rglob("*.py"):
            theirs |= set(re.findall(r"\b(_[a-z]\w*)\b", path.read_text(encoding="utf-8", errors="replace")))
    table = {name for api in private_apis.PRIVATE_APIS for name in re.findall(r"_[a-z]\w*", api.name)}
    unnamed = {}
    for path in PACKAGE.rglob("*.py"):
        if path.name == "private_apis.py":
            continue
        text = path.read_text(encoding="utf-8")
        used = set(re.findall(r"\w\.(_[a-z]\w*)", text)) | set(re.findall(r"attr\(\w+, \"(_[a-z]\w*)\"", text))
        for name in used & theirs:
            if name not in OWN and name not in table:
                unnamed.setdefault(name, path.relative_to(PACKAGE).as_posix())
    assert not unnamed, f"private attributes of other libraries not in erqi_tui/private_apis.py: {unnamed}"
