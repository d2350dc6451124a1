"""A large data file read in blocks (store/blocks.py): reading it again after an edit parses only the
[[project]] blocks whose text changed and keeps the projects of the others, and gives exactly what
reading the file whole gives: the same dashboard, or the same problems on the same lines. A city's
file of 100,000 projects is read again in a fraction of the first read (bench/scale.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from erqi_tui import store
from erqi_tui.core.problems import DataError
from erqi_tui.store import blocks, datafile, files
from erqi_tui.store.validate import parse

HEAD = '''[meta]
district = "{district}"
year = 2024
as_of = 2024-06-30

[[target]]
id = "signed"
name = "新签约项目"
target = {{ value = 50, unit = "个" }}
pane = "investment"

[[stage]]
name = "在谈"

[[stage]]
name = "{stage}"

[layout]
name = "三轴"

[[layout.axis]]
id = "north"
road = "北环路"
theme = "先进制造轴"

'''


def project(n: int, *, stage: str = "签约", name: str = "") -> str:
    return (f'[[project]]\nid = "p{n}"\nname = "{name or f"项目{n}"}"\nstatus = "{stage}"\naxis = "north"\n'
            f'counts_for = ["signed"]\ninvestment = {{ value = {n}.5, unit = "亿元" }}\n\n'
            f'[[project.milestone]]\nname = "开工"\nplanned = "2024-0{1 + n % 9}"\nstage = "{stage}"\n\n')


# Blocks as a hand-edited file may have them, the awkward ones too.
ODD = {
    "header in a multi-line string": '[[project]]\nid = "q1"\nname = "多行"\nnote = """第一行\n[[project]]\nid = "q2"\n"""\n\n',
    "a task after the projects": '[[project]]\nid = "q3"\nname = "最后"\n\n[[task]]\nid = "t1"\nname = "一件事"\n\n',
    "a second task table": '[[project]]\nid = "q4"\nname = "又一个"\n\n[[task]]\nid = "t2"\nname = "另一件事"\n\n',
    "a syntax error": '[[project]]\nid = "q5"\nname = "坏"\ninvestment = { value = 1,5, unit = "亿元" }\n\n',
    "an empty project": '[[project]]\n\n',
    "a duplicate id": '[[project]]\nid = "p1"\nname = "重复"\n\n',
    "an unknown stage": '[[project]]\nid = "q6"\nname = "阶段"\nstatus = "未知"\n\n',
    "a second header indented": '[[project]]\nid = "q7"\nname = "甲"\n  [[project]]\nid = "q8"\nname = "乙"\n\n',
    "a counts_for naming nothing": '[[project]]\nid = "q9"\nname = "计入"\ncounts_for = ["nothing"]\n\n',
    "an unknown key": '[[project]]\nid = "q10"\nname = "多一个键"\nfoo = 1\n\n',
}


@pytest.fixture(autouse=True)
def in_blocks(monkeypatch):
    """Every file here is read in blocks, however small (the bound is 256 KB)."""
    monkeypatch.setattr(datafile, "FROM_CHARS", 0)


def whole(path: Path):
    """What reading `path` whole gives: its dashboard, or its problems (file, line, column, key, text)."""
    text = files.read_text(path)
    try:
        return datafile.DataFile(path, text).dashboard(parse(path, text))
    except DataError as error:
        return [tuple(problem) for problem in error.problems]


def in_blocks_after(path: Path, before):
    """What reading `path` in blocks gives, after `before` (a read_base result or None), and what it kept."""
    try:
        dashboard, kept = datafile.read_base(path, before if before and before[1] else None)
    except DataError as error:
        return [tuple(problem) for problem in error.problems], None
    return dashboard, kept


def test_an_edit_of_the_head_keeps_every_project_and_reads_the_head_anew(write_toml):
    path = write_toml(HEAD.format(district="二七区", stage="签约") + "".join(project(n) for n in range(1, 6)))
    first = store.read(path)
    assert first.kept is not None and len(first.kept.digests) == 5 * blocks.DIGEST
    path.write_text(path.read_text(encoding="utf-8").replace("二七区", "金水区"), encoding="utf-8")
    again = store.read(path, first)
    assert again.base.meta.district == "金水区"
    assert all(new is old for new, old in zip(again.base.projects, first.base.projects, strict=True))
    assert again.base == whole(path)


def test_an_edit_of_one_project_reads_that_block_alone(write_toml, monkeypatch):
    path = write_toml(HEAD.format(district="二七区", stage="签约") + "".join(project(n) for n in range(1, 6)))
    first = store.read(path)
    parsed = []
    real = blocks._parse
    monkeypatch.setattr(blocks, "_parse", lambda text: parsed.append(text) or real(text))
    path.write_text(path.read_text(encoding="utf-8").replace('"项目3"', '"改过的项目3"'), encoding="utf-8")
    again = store.read(path, first)
    assert len(parsed) == 2 and "改过的项目3" in parsed[1]  # the head, and the one block changed
    assert [new is old for new, old in zip(again.base.projects, first.base.projects)] == [True, True, False, True, True]
    assert again.base.projects[2].name == "改过的项目3"
    assert again.base == whole(path)


def test_a_stage_renamed_in_the_head_reads_every_project_against_the_new_names(write_toml):
    """A project's status and its steps' stages are checked against the [[stage]]s: a project kept
    from before would keep a stage that no longer exists."""
    path = write_toml(HEAD.format(district="二七区", stage="签约") + "".join(project(n) for n in range(1, 4)))
    first = store.read(path)
    path.write_text(HEAD.format(district="二七区", stage="已签约")
                    + "".join(project(n) for n in range(1, 4)), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        store.read(path, first)
    assert [tuple(p) for p in raised.value.problems] == whole(path)
    assert "project[1].status" in str(raised.value.problems[0].key)


def test_a_project_line_inside_a_multi_line_string_is_read_as_text(write_toml):
    path = write_toml(HEAD.format(district="二七区", stage="签约") + project(1) + ODD["header in a multi-line string"]
                      + project(2))
    dashboard, kept = datafile.read_base(path)
    assert [p.id for p in dashboard.projects] == ["p1", "q1", "p2"]
    assert "[[project]]" in dashboard.projects[1].note and kept is None  # parsed whole: nothing to reuse
    assert dashboard == whole(path)


def test_a_table_in_the_head_and_after_the_projects_is_one_table(write_toml):
    path = write_toml(HEAD.format(district="二七区", stage="签约") + '[[task]]\nid = "t0"\nname = "头里的事"\n\n'
                      + project(1) + ODD["a task after the projects"])
    dashboard, kept = datafile.read_base(path)
    assert [t.id for t in dashboard.tasks] == ["t0", "t1"] and kept is None
    assert dashboard == whole(path)


def test_a_broken_block_is_named_on_its_line_as_a_whole_read_names_it(write_toml):
    path = write_toml(HEAD.format(district="二七区", stage="签约") + "".join(project(n) for n in range(1, 4)))
    first = store.read(path)
    path.write_text(path.read_text(encoding="utf-8") + ODD["a syntax error"], encoding="utf-8")
    with pytest.raises(DataError) as raised:
        store.read(path, first)
    problem = raised.value.problems[0]
    assert problem.line == path.read_text(encoding="utf-8").splitlines().index('investment = { value = 1,5, unit = "亿元" }') + 1
    assert [tuple(p) for p in raised.value.problems] == whole(path)


def test_a_block_copied_is_a_duplicate_id_as_a_whole_read_says(write_toml):
    path = write_toml(HEAD.format(district="二七区", stage="签约") + "".join(project(n) for n in range(1, 4)))
    first = store.read(path)
    path.write_text(path.read_text(encoding="utf-8") + project(2), encoding="utf-8")  # the same text twice
    with pytest.raises(DataError) as raised:
        store.read(path, first)
    assert [tuple(p) for p in raised.value.problems] == whole(path)
    assert raised.value.problems[0].key == "project[4].id"


def test_a_small_file_is_read_whole_and_keeps_nothing(write_toml, monkeypatch):
    monkeypatch.setattr(datafile, "FROM_CHARS", 256 * 1024)
    path = write_toml(HEAD.format(district="二七区", stage="签约") + project(1))
    assert store.read(path).kept is None


HEADS = [HEAD.format(district="二七区", stage="签约"), HEAD.format(district="金水区", stage="签约"),
         HEAD.format(district="二七区", stage="已签约")]
GOOD = [project(n) for n in range(1, 7)] + [ODD[k] for k in ("header in a multi-line string", "a task after the projects",
                                                              "a second header indented")]
PIECES = GOOD + [project(3, name="改名"), project(2, stage="已签约")] + list(ODD.values())
EDITS = st.lists(st.tuples(st.sampled_from(["insert", "replace", "delete"]), st.integers(0, 8), st.sampled_from(PIECES)),
                 max_size=4)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first_head=st.sampled_from(HEADS[:2]), first_blocks=st.lists(st.sampled_from(GOOD), unique=True, max_size=7),
       second_head=st.sampled_from(HEADS), edits=EDITS)
def test_any_file_read_again_in_blocks_is_the_file_read_whole(write_toml, first_head, first_blocks, second_head, edits):
    """A file, then the file edited (its head changed or not; blocks inserted, replaced, removed,
    copied, broken) and read again after the first read: each gives what reading it whole gives,
    the same dashboard or the same problems."""
    path = write_toml(first_head + "".join(first_blocks))
    first = in_blocks_after(path, None)
    assert first[0] == whole(path)
    second_blocks = list(first_blocks)
    for op, at, piece in edits:
        at = min(at, len(second_blocks))
        if op == "insert":
            second_blocks.insert(at, piece)
        elif second_blocks:
            at = min(at, len(second_blocks) - 1)
            if op == "replace":
                second_blocks[at] = piece
            else:
                del second_blocks[at]
    path.write_text(second_head + "".join(second_blocks), encoding="utf-8")
    second = in_blocks_after(path, first if first[1] is not None else None)
    assert second[0] == whole(path)
