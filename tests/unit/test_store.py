"""Loading and validation: the bundled file loads whole; each kind of mistake gets one clear problem."""

from __future__ import annotations

import datetime as dt

import pytest

from erqi_tui import store
from erqi_tui.store import validate
from erqi_tui.core.model import Quantity

from ..conftest import BUNDLED

GOOD_META = """
[meta]
district = "二七区"
year = 2024
as_of = 2024-05-31
"""


def problems(path) -> list[store.Problem]:
    with pytest.raises(store.DataError) as caught:
        store.load(path)
    return caught.value.problems


def only_problem(path) -> store.Problem:
    found = problems(path)
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


def test_bundled_file_holds_the_article_targets():
    dashboard = store.load(BUNDLED)
    targets = {t.id: t for t in dashboard.targets}
    assert targets["new-projects"].target == Quantity(30, "个", at_least=True)
    assert targets["new-projects"].current == Quantity(13, "个")
    assert targets["signed-amount"].target == Quantity(300, "亿元", at_least=True)
    assert targets["signed-amount"].current == Quantity(107.96, "亿元")
    assert dashboard.meta.district == "二七区" and dashboard.meta.year == 2024
    assert [a.road for a in dashboard.layout.axes] == ["嵩山路", "大学路", "京广路"]
    assert dashboard.layout.belt == "北研发—南转化"
    assert [s.name for s in dashboard.stages] == ["在谈", "签约", "开工", "投产"]


def test_bundled_file_keeps_more_than_figures_as_lower_bounds():
    dashboard = store.load(BUNDLED)
    by_label = {f.label: f.quantity for f in dashboard.figures}
    assert by_label["实地走访山姆、楷林国际、年年健康等企业"] == Quantity(40, "家", at_least=True)
    assert by_label["累计邀请企业"] == Quantity(700, "家", at_least=True)
    assert by_label["发布就业岗位"] == Quantity(46000, "个", at_least=True)
    ceremony = next(e for e in dashboard.events if e.date == dt.date(2024, 3, 6))
    assert Quantity(50, "亿元", at_least=True) in [f.quantity for f in ceremony.figures]


def test_bundled_file_leaves_unknowns_out():
    dashboard = store.load(BUNDLED)
    completions = next(t for t in dashboard.targets if t.id == "completions")
    assert completions.current is None  # the article gives the plan (60), not how many are done
    assert next(s for s in dashboard.stages if s.name == "投产").count is None
    kangshifu = next(p for p in dashboard.projects if p.id == "kangshifu")
    assert kangshifu.axis is None  # on 光明路; the article puts it on no axis


def test_syntax_error_names_line_and_column(write_toml):
    path = write_toml(GOOD_META + 'title = "unterminated\n')
    problem = only_problem(path)
    assert (problem.path, problem.line, problem.column) == (path, 6, 22)
    assert "TOML syntax" in problem.message


def test_empty_file_says_meta_is_missing(write_toml):
    problem = only_problem(write_toml(""))
    assert problem.key == "meta" and "missing" in problem.message


def test_missing_file():
    problem = only_problem("/nonexistent/targets.toml")
    assert "no such file" in problem.message


def test_not_utf8_names_the_line(write_toml, tmp_path):
    path = tmp_path / "gbk.toml"
    path.write_bytes((GOOD_META + 'title = "二七"\n').encode("gbk"))
    problem = only_problem(path)
    assert "UTF-8" in problem.message
    assert problem.line == 3  # the first non-ASCII byte is in `district = "二七区"`


def test_wrong_type_names_key_line_and_expectation(write_toml):
    path = write_toml(GOOD_META.replace("year = 2024", 'year = "2024"'))
    problem = only_problem(path)
    assert (problem.key, problem.line) == ("meta.year", 4)
    assert "expected a year" in problem.message and '"2024"' in problem.message


def test_missing_required_key(write_toml):
    path = write_toml(GOOD_META + '\n[[target]]\nid = "a"\ntarget = { value = 1, unit = "个" }\n')
    problem = only_problem(path)
    assert problem.key == "target[1].name" and problem.line == 7
    assert "missing" in problem.message


def test_unknown_key_lists_the_expected_ones(write_toml):
    path = write_toml(GOOD_META + '\n[[target]]\nid = "a"\nname = "A"\n'
                      'target = { vaule = 1, unit = "个" }\n')
    found = problems(path)
    assert [p.key for p in found] == ["target[1].target.vaule", "target[1].target.value"]
    assert "expected one of: approx, at_least, unit, value" in found[0].message
    assert found[0].line == 10


@pytest.mark.parametrize("value", ["-3", "nan", "inf", "-inf", "true", '"12"'])
def test_bad_numbers_are_refused(write_toml, value):
    path = write_toml(GOOD_META + f'\n[[figure]]\nlabel = "x"\nvalue = {value}\nunit = "个"\npane = "business"\n')
    problem = only_problem(path)
    assert problem.key == "figure[1].value" and problem.line == 9
    assert "number ≥ 0" in problem.message


def test_duplicate_ids(write_toml):
    entry = '\n[[project]]\nid = "p1"\nname = "P"\n'
    problem = only_problem(write_toml(GOOD_META + entry + entry))
    assert problem.key == "project[2].id" and problem.line == 12
    assert 'duplicate project id "p1"' in problem.message


def test_project_on_an_axis_that_does_not_exist(write_toml):
    path = write_toml(GOOD_META + '\n[layout]\n[[layout.axis]]\nid = "a1"\nroad = "R"\ntheme = "T"\n'
                      '\n[[project]]\nid = "p"\nname = "P"\naxis = "a2"\n')
    problem = only_problem(path)
    assert problem.key == "project[1].axis" and problem.line == 16
    assert 'a1), got "a2"' in problem.message


def test_status_must_be_a_stage(write_toml):
    path = write_toml(GOOD_META + '\n[[stage]]\nname = "在谈"\n\n[[project]]\nid = "p"\nname = "P"\n'
                      'status = "完工"\n')
    problem = only_problem(path)
    assert problem.key == "project[1].status" and "在谈" in problem.message


def test_current_and_target_units_must_agree(write_toml):
    path = write_toml(GOOD_META + '\n[[target]]\nid = "a"\nname = "A"\ntarget = { value = 3, unit = "亿元" }\n'
                      'current = { value = 1, unit = "万元" }\n')
    problem = only_problem(path)
    assert problem.key == "target[1].current.unit" and problem.line == 11
    assert '"亿元"' in problem.message


def test_date_must_be_a_toml_date(write_toml):
    path = write_toml(GOOD_META.replace("as_of = 2024-05-31", 'as_of = "2024-05-31"'))
    problem = only_problem(path)
    assert problem.key == "meta.as_of" and "date like 2024-05-31" in problem.message


def test_pane_must_be_known(write_toml):
    path = write_toml(GOOD_META + '\n[[figure]]\nlabel = "x"\nvalue = 1\nunit = "个"\npane = "sales"\n')
    problem = only_problem(path)
    assert problem.key == "figure[1].pane" and "investment" in problem.message


def test_every_problem_is_reported_not_just_the_first(write_toml):
    path = write_toml(GOOD_META.replace("year = 2024", "year = true")
                      + '\n[[figure]]\nlabel = ""\nvalue = -1\nunit = "个"\npane = "business"\n')
    assert {p.key for p in problems(path)} == {"meta.year", "figure[1].label", "figure[1].value"}


def test_problem_reads_file_line_key_message(write_toml):
    path = write_toml(GOOD_META.replace("year = 2024", 'year = "x"'))
    assert str(only_problem(path)) == (f"{path}:4: the file's details ([meta]), year: "
                                       'expected a year such as 2024, got text "x"')
    assert only_problem(path).shown("zh") == f"{path}:4: 文件信息（[meta]）的 year（年度）: 应为年份，如 2024，实为 文本“x”"


def test_locate_keys_numbers_nested_array_entries():
    text = '[[event]]\ndate = 1\n[[event.figure]]\nvalue = 1\n[[event]]\n[[event.figure]]\n[[event.figure]]\nvalue = 2\n'
    lines = validate.locate_keys(text)
    assert lines["event[1].figure[1].value"] == 4
    assert lines["event[2].figure[2].value"] == 8


def test_locate_keys_skips_multiline_strings_and_arrays():
    text = 'a = """\n[[not]]\nb = 1\n"""\nc = [\n  [1],\n]\nd = 2\n'
    lines = validate.locate_keys(text)
    assert lines == {"a": 1, "c": 5, "d": 8}


def test_an_edit_that_puts_the_time_back_is_still_seen(data):
    """A hand edit at the same size whose modification time is put back (touch -r, a copy keeping
    times) changes the fingerprint the app watches and a save compares: the change time moves."""
    import os
    import time

    before = store.fingerprint(data)
    st = os.stat(data)
    text = data.read_text(encoding="utf-8")
    time.sleep(0.01)
    data.write_text(text.replace("二七区", "三七区", 1), encoding="utf-8")
    os.utime(data, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert os.stat(data).st_size == st.st_size and os.stat(data).st_mtime_ns == st.st_mtime_ns
    assert store.fingerprint(data) != before


def test_a_target_with_a_problem_is_not_named_unknown_where_it_is_used(write_toml):
    """A stage that counts for a target whose own figure is wrong is not a second problem: the
    reader says what is wrong with the target, not that the stage names an unknown one."""
    text = (GOOD_META + '\n[[target]]\nid = "signed"\nname = "新签约"\ntarget = { value = -30, unit = "个" }\n'
            'current = { value = 13, unit = "个" }\npane = "investment"\n'
            '\n[[stage]]\nid = "s1"\nname = "签约"\ntarget = "signed"\n')
    problem = only_problem(write_toml(text))
    assert problem.key.startswith("target[1]")


@pytest.mark.parametrize("written, hint", [
    ("20,000", "without thousands commas"), ("2万", "the unit goes in unit"), ("107.96亿", "the unit goes in unit"),
    ("20000 亩", "the unit goes in unit"), ("１０７.９６", "half-width"),
])
def test_a_figure_written_as_a_person_writes_it_gets_a_chinese_hint(write_toml, written, hint):
    """tomllib says only "Expected newline or end of document…" or "Invalid value": the message says
    what the line shows went wrong (a thousands comma, a unit or 万 after the number, full-width
    digits), with the file, line and key (the Chinese of each hint: test_problem_text)."""
    path = write_toml(GOOD_META + f'\n[[figure]]\nlabel = "x"\nvalue = {written}\nunit = "亩"\npane = "business"\n')
    problem = only_problem(path)
    assert problem.line == 9 and hint in problem.message, problem.message


def test_a_month_date_without_quotes_is_told_to_take_them(write_toml):
    problem = only_problem(write_toml(GOOD_META.replace("as_of = 2024-05-31", "as_of = 2024-06")))
    assert '"2024-06"' in problem.message, problem.message
