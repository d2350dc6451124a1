"""One way to speak: a problem carries a code and values, and each language renders it from
core/problem_text.py (no message written in English and translated back from its wording)."""

from __future__ import annotations

import re
import string
from pathlib import Path

from erqi_tui.core.problem_text import TEXT
from erqi_tui.core.problems import Problem, said

PACKAGE = Path(__file__).resolve().parents[2] / "erqi_tui"


def test_every_code_said_in_the_code_is_in_the_table():
    used = set()
    for path in PACKAGE.rglob("*.py"):
        used |= set(re.findall(r'said\(\s*"([a-z0-9_]+)"', path.read_text(encoding="utf-8")))
    assert used and used <= set(TEXT), sorted(used - set(TEXT))


def test_both_languages_name_the_same_values():
    for code, (english, chinese) in TEXT.items():
        names = lambda text: {f for _, f, _, _ in string.Formatter().parse(text) if f}  # noqa: E731
        assert names(english) == names(chinese), code
        filled = {name: "X" for name in names(english)}
        assert english.format(**filled) and chinese.format(**filled)


def test_a_problem_renders_in_the_language_asked_for_values_included():
    problem = Problem(Path("t.toml"), 3, None, "target[1].target", said("expected_table", got=said("value_list")))
    assert problem.shown("en") == "t.toml:3: target[1].target: expected a table, got a list"
    assert problem.shown("zh") == "t.toml:3: target[1].target: 应为表，实为 列表"
    assert str(problem) == problem.shown("en")  # what scripts and tests read
    assert problem.code == "expected_table"


def test_text_from_the_file_stays_as_written_in_every_language():
    problem = Problem(Path("t.toml"), 1, 2, "", said("toml_syntax", error="Illegal character '\\n'"))
    assert "Illegal character" in problem.shown("zh") and problem.shown("zh").startswith("t.toml:1:2: TOML 语法错误")
