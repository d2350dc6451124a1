"""English: units read in English, the UI's words, and a data file's own English names."""

from __future__ import annotations

import pytest

from erqi_tui.core import fmt, messages_en
from erqi_tui import store
from erqi_tui.core.i18n import EN, ZH, Lang
from erqi_tui.core.model import Quantity


@pytest.mark.parametrize("quantity, shown", [
    (Quantity(107.96, "亿元"), "10.796 bn CNY"),     # 1亿 = 0.1 bn
    (Quantity(300, "亿元", at_least=True), "30+ bn CNY"),
    (Quantity(50, "亿元", at_least=True), "5+ bn CNY"),
    (Quantity(46000, "个", at_least=True), "46,000+"),
    (Quantity(20000, "亩"), "20,000 mu"),
    (Quantity(40, "家", at_least=True), "40+ firms"),
    (Quantity(1, "亿箱", at_least=True), "100+ m cases"),
    (Quantity(3, "吨标煤"), "3 吨标煤"),                # a unit it does not know stays as written
])
def test_units_read_in_english(quantity, shown):
    assert fmt.quantity(quantity, lang=EN) == shown


def test_a_form_keeps_the_files_unit_in_english():
    assert fmt.as_written(Quantity(107.96, "亿元")) == "107.96 亿元"


def test_words_and_templates():
    assert EN.tr("总览") == "Overview"
    assert EN.tr("{count} / {total} 个项目", count=2, total=10) == "2 / 10 projects"
    assert fmt.points(-0.057, signed=False, lang=EN) == "5.7 pp"


def test_chinese_is_the_code_s_own_words():
    assert ZH.tr("总览") == "总览" and ZH.tr("{count} 个项目", count=2) == "2 个项目"
    assert fmt.quantity(Quantity(107.96, "亿元"), lang=ZH) == "107.96 亿元"


def test_a_language_is_its_code():
    """A Lang compares, hashes and serialises as its code, so settings and JSON keep "zh"/"en"."""
    assert Lang("en") is not EN and Lang("en") == EN == "en" and {ZH: 1}["zh"] == 1
    assert ZH.other() is EN and EN.other() is ZH and EN.english and not ZH.english
    with pytest.raises(ValueError):
        Lang("fr")


def test_every_template_has_the_same_placeholders_in_english():
    import string

    fields = lambda text: {f for _, f, _, _ in string.Formatter().parse(text) if f}  # noqa: E731
    for zh, en in messages_en.EN.items():
        assert fields(zh) == fields(en), zh


def test_a_count_of_one_reads_in_the_singular():
    """ "1 unit with items late", not "1 units" (issue 25), "1 month" left; each singular has its plural's placeholders."""
    import string

    fields = lambda text: {f for _, f, _, _ in string.Formatter().parse(text) if f}  # noqa: E731
    for zh, one in messages_en.ONE.items():
        assert zh in messages_en.EN and fields(one) <= fields(zh) and fields(zh) & {"count", "months"}, zh
    assert EN.tr("{count} 个单位有逾期、未办或落后事项", count=1) == "1 unit with items late, open or behind"
    assert EN.tr("{count} 个单位有逾期、未办或落后事项", count=2) == "2 units with items late, open or behind"


def test_each_chinese_text_has_one_english():
    """No key of messages_en is given two Englishes (a later EN.update silently replaced an earlier
    one: 名称 read "name" in every table header, 编号 "id"), nor one the table of fields gives
    otherwise. The dict keeps only the last, so the source is read."""
    import ast
    from pathlib import Path

    from erqi_tui.core.fields import english_labels

    tree = ast.parse(Path(messages_en.__file__).read_text(encoding="utf-8"))
    tables: dict[str, list] = {"EN": [], "ONE": []}
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id in tables:
                    tables[target.id].append(node.value)
        elif (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
              and ast.unparse(node.value.func) in ("EN.update", "ONE.update")):
            tables[ast.unparse(node.value.func).split(".")[0]] += node.value.args
    assert tables["EN"] and tables["ONE"]
    for name, dicts in tables.items():
        given: dict[str, dict[str, int]] = {}  # Chinese -> {English: its line}
        for d in dicts:
            assert isinstance(d, ast.Dict), (name, d.lineno)
            for key, value in zip(d.keys, d.values):
                assert key is not None, (name, d.lineno)  # no **spread: every entry is read here
                given.setdefault(ast.literal_eval(key), {})[ast.literal_eval(value)] = key.lineno
        twice = {zh: english for zh, english in given.items() if len(english) > 1}
        assert not twice, (name, twice)
    for zh, english in english_labels().items():
        assert messages_en.EN[zh] == english, zh


def test_data_english_names(write_toml):
    dashboard = store.load(write_toml(
        '[meta]\ndistrict = "二七区"\nyear = 2024\nas_of = 2024-05-31\nen = { district = "Erqi District" }\n'
        '\n[[project]]\nid = "p"\nname = "康师傅"\nen = { name = "Master Kong" }\n'
        '\n[[project]]\nid = "q"\nname = "无英文名"\n'))
    assert EN.data(dashboard.meta, "district") == "Erqi District"
    assert EN.data(dashboard.projects[0], "name") == "Master Kong"
    assert EN.data(dashboard.projects[1], "name") == "无英文名"  # stays as written
    assert ZH.data(dashboard.projects[0], "name") == "康师傅"


def test_english_names_are_checked(write_toml):
    with pytest.raises(store.DataError) as caught:
        store.load(write_toml('[meta]\ndistrict = "区"\nyear = 2024\nas_of = 2024-05-31\n'
                              '\n[[project]]\nid = "p"\nname = "P"\nen = { nmae = "x" }\n'))
    problem, = caught.value.problems
    assert problem.key == "project[1].en.nmae" and problem.line == 9 and "unknown key" in problem.message


def test_nothing_keeps_a_language_for_the_process():
    from erqi_tui.core import i18n

    assert not {"set_lang", "language", "lang", "english", "tr", "data", "_current"} & set(vars(i18n))


def test_english_names_the_month_and_counts_one_entry():
    from erqi_tui.core.i18n import EN

    assert EN.tr("没有可撤销的第 {seq} 条更新（更新记录共 {count} 条；撤销记录本身不能再撤销）", seq=3, count=1).startswith(
        "there is no update 3 to withdraw (the journal holds 1 entry;")
    assert "140+ or ~133" in EN.tr("应为数字，如 120.5、1,234、140以上、约133")  # forms English reads, not 以上 and 约
