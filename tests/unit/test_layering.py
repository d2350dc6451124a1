"""The code's shape, as the README describes it: no import cycle among the modules, and no Textual
below the screen (loading, validating, computing and exporting can be tested without a terminal)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent.parent / "erqi_tui"
UI = ("app", "panes", "screens", "widgets", "themes", "strips")


def imports() -> dict[str, set[str]]:
    """Each top-level module of erqi_tui → the erqi_tui modules it imports (anywhere in it)."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        name = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        found = graph.setdefault(name, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = path.relative_to(PACKAGE).parts[:-1][: len(path.relative_to(PACKAGE).parts) - node.level]
                target = (base + tuple((node.module or "").split(".")))[:1]
                names = [target[0]] if target and target[0] else [a.name for a in node.names]
                found.update(n for n in names if n != name)
            elif isinstance(node, ast.Import):
                found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("erqi_tui."))
    return graph


def test_the_data_layer_has_no_import_cycle():
    graph = imports()
    data_layer = {m for m in graph if m not in UI + ("cli", "__main__", "__init__", "serve")}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == goal:
                return True
            if nxt in data_layer and nxt not in seen:
                seen.add(nxt)
                if reaches(nxt, goal, seen):
                    return True
        return False

    cycles = sorted(m for m in data_layer if reaches(m, m, set()))
    assert cycles == []


def test_no_textual_below_the_screen():
    below = [p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0].removesuffix(".py") not in UI]
    offenders = [str(p.relative_to(PACKAGE)) for p in below
                 if any(isinstance(n, (ast.Import, ast.ImportFrom))
                        and any((getattr(n, "module", None) or a.name).split(".")[0] == "textual"
                                for a in n.names)
                        for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))))]
    assert offenders == []
