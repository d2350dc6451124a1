"""One way to speak: a problem carries a code and values, and each language renders it from
core/problem_text.py (no message written in English and translated back from its wording)."""

from __future__ import annotations

import re
import string
from pathlib import Path

from erqi_tui.core.i18n import EN, ZH
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
    assert problem.shown(lang=EN) == ("t.toml:3: the 1st target ([[target]] no. 1), target (target value): "
                                    "expected a table (key = value lines), got a list")
    assert problem.shown(lang=ZH) == "t.toml:3: 第 1 个目标（[[target]] 第 1 项）的 target（目标值）: 应为表（若干“键 = 值”），实为 列表"
    assert str(problem) == problem.shown(lang=EN)  # what scripts and tests read
    assert problem.code == "expected_table"


def test_text_from_the_file_stays_as_written_in_every_language():
    problem = Problem(Path("t.toml"), 1, 2, "", said("toml_syntax", error="Illegal character '\\n'"))
    assert "Illegal character" in problem.shown(lang=ZH) and problem.shown(lang=ZH).startswith("t.toml:1:2: TOML 语法错误")


def test_a_key_path_is_said_in_words_first_with_the_header_and_the_key_as_written():
    """A newcomer reads which entry (the 3rd target, as the file's [[target]] headers count) and what
    the key holds, and still finds the header and the key in the file (issue 25)."""
    cases = {
        "target[3].name": ("第 3 个目标（[[target]] 第 3 项）的 name（名称）", "the 3rd target ([[target]] no. 3), name"),
        "target[1].current.value": ("第 1 个目标（[[target]] 第 1 项）的 current.value（当前值）",
                                    "the 1st target ([[target]] no. 1), current.value (current value)"),
        "project[3].milestone[1].stage": (
            "第 3 个项目（[[project]] 第 3 项）的第 1 个节点（[[project.milestone]] 第 1 项）的 stage（阶段）",
            "the 3rd project ([[project]] no. 3), the 1st milestone ([[project.milestone]] no. 1), stage"),
        "meta.as_of": ("文件信息（[meta]）的 as_of（数据截至）",
                       "the file's details ([meta]), as_of (the date the figures are as of)"),
        "layout.axis[2].road": ("第 2 条发展轴（[[layout.axis]] 第 2 项）的 road（道路）",
                                "the 2nd axis ([[layout.axis]] no. 2), road"),
        "update[12].set.current.value": ("第 12 条更新（[[update]] 第 12 项）的 set.current.value（当前值）",
                                         "the 12th update ([[update]] no. 12), set.current.value (current value)"),
        "“数值”列": ("“数值”列", "“数值”列"),  # a sheet's column is said already
    }
    for key, (chinese, english) in cases.items():
        problem = Problem(Path("t.toml"), 7, None, key, said("empty_text"))
        assert problem.shown(lang=ZH) == f"t.toml:7: {chinese}: 为空；应为文本", key
        assert problem.shown(lang=EN) == f"t.toml:7: {english}: is empty; expected text", key


def test_a_key_path_quoted_in_a_message_is_said_in_words_too():
    problem = Problem(Path("t.toml"), 11, None, "project[2].id", said("duplicate_id", kind="project", id="p",
                                                                    first="project[1]"))
    assert problem.shown(lang=ZH).endswith("项目 id“p”重复（每个 [[project]] 的 id 须各不相同）；已用于第 1 个项目（[[project]] 第 1 项）")
    assert problem.shown(lang=EN).endswith('duplicate project id "p" (each [[project]] needs its own id); '
                                        "first used by the 1st project ([[project]] no. 1)")
