"""The table of fields (core/fields) is what every reader and writer of a project's fields does: each
field in it is read from the data file, set by the journal and `record --set` when it is editable,
read from a ledger's column headed by its words when it is imported, a column of the 重点项目 table
and a line of the detail where it says so, and carried by exactly the exports it names, under its
label, in its order."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest

from erqi_tui import cli, store
from erqi_tui.core import fields, fmt, i18n
from erqi_tui.core.fields import AMOUNT, AXIS, ID, LONG, PARTS, STAGE, TEXT, UNIT
from erqi_tui.core.model import Quantity
from erqi_tui.exchange import report
from erqi_tui.views import listing
from erqi_tui.views.account import project_cell, project_details
from ..conftest import html_text

SIMPLE = [f for f in fields.PROJECT if f.simple]
EN_TEXT = {f.key: f"EN {f.key}" for f in fields.PROJECT if f.english}


def written(field: fields.Field, index: int) -> str:
    """A value of `field` as the data file writes it (TOML), told apart from every other field's."""
    if field.kind == AMOUNT:
        return f"{{ value = {100 + index}, unit = \"亿元\", at_least = true }}"  # 100+ 亿元
    if field.kind == STAGE:
        return '"签约"'
    if field.kind == AXIS:
        return '"west"'
    return f'"样{field.key}样"'


def value(field: fields.Field, index: int):
    """The same value as the record holds it."""
    if field.kind == AMOUNT:
        return Quantity(100 + index, "亿元", at_least=True)
    if field.kind == STAGE:
        return "签约"
    if field.kind == AXIS:
        return "west"
    return f"样{field.key}样"


HEAD = ('[meta]\ndistrict = "样区"\nyear = 2024\nas_of = 2024-05-31\n\n'
        '[[stage]]\nname = "在谈"\n\n[[stage]]\nname = "签约"\n\n[[stage]]\nname = "开工"\n\n'
        '[layout]\n\n[[layout.axis]]\nid = "west"\nroad = "西路"\ntheme = "制造"\n\n'
        '[[layout.axis]]\nid = "east"\nroad = "东路"\ntheme = "物流"\n\n'
        '[[target]]\nid = "t1"\nname = "签约额"\ntarget = { value = 100, unit = "亿元" }\npane = "projects"\n\n')


@pytest.fixture
def every_field(write_toml):
    """A data file whose one project gives every simple field of the table, and the English of
    every field the table says may have it."""
    lines = [f"{f.key} = {written(f, i)}" for i, f in enumerate(fields.PROJECT) if f.simple]
    en = ", ".join(f'{key} = "{text}"' for key, text in EN_TEXT.items())
    lines.append(f"en = {{ {en} }}")
    lines.append('\n[[project.figure]]\nlabel = "样数据样"\nvalue = 7\nunit = "个"')
    return write_toml(HEAD + "[[project]]\n" + "\n".join(lines) + "\n")


def project_of(path):
    dashboard = store.load(path)
    return dashboard, dashboard.projects[0]


# --- the data file ---------------------------------------------------------------------------

def test_every_field_is_read_from_the_data_file_as_written(every_field):
    _, project = project_of(every_field)
    for index, field in enumerate(fields.PROJECT):
        if field.simple:
            assert getattr(project, field.attr) == value(field, index), field.key
    assert dict(project.en) == EN_TEXT
    assert [f.label for f in project.figures] == ["样数据样"]


def test_the_data_file_takes_exactly_the_tables_keys(write_toml):
    assert store.datafile.PROJECT_KEYS == {f.key for f in fields.PROJECT} | {"en"}
    assert store.datafile.TARGET_KEYS == {f.key for f in fields.TARGET} | {"en"}
    with pytest.raises(store.DataError) as caught:
        store.load(write_toml(HEAD + '[[project]]\nid = "p"\nname = "P"\nno_such_field = "x"\n'))
    assert "no_such_field" in str(caught.value)


@pytest.mark.parametrize("field", [f for f in SIMPLE if f.required], ids=lambda f: f.key)
def test_a_required_field_is_required(write_toml, field):
    given = {f.key: written(f, i) for i, f in enumerate(fields.PROJECT) if f.required and f is not field}
    with pytest.raises(store.DataError) as caught:
        store.load(write_toml(HEAD + "[[project]]\n" + "".join(f"{k} = {v}\n" for k, v in given.items())))
    assert f"the 1st project ([[project]] no. 1), {field.key}" in str(caught.value)


# --- the journal and record --set ------------------------------------------------------------------

TYPED = {AMOUNT: ("250 亿元", Quantity(250, "亿元")), STAGE: ("开工", "开工"), AXIS: ("east", "east")}


@pytest.mark.parametrize("field", fields.editable(fields.PROJECT), ids=lambda f: f.key)
def test_record_set_and_the_journal_change_every_editable_field(every_field, field, capsys):
    typed, expected = TYPED.get(field.kind, (f"新{field.key}", f"新{field.key}"))
    code = cli.main(["record", "--data", str(every_field), "--project", "样id样", "--set", f"{field.key}={typed}",
                     "--date", "2024-06-30", "--user", "王"])
    assert code == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert f"{field.zh} = " in out  # record's line names the field by the table's label
    dashboard, project = project_of(every_field)
    assert getattr(project, field.attr) == expected
    change = dashboard.changes[-1]
    assert (change.field, change.new) == (field.key, expected)
    assert store.journal.FIELD_NAMES[field.key] == field.zh


@pytest.mark.parametrize("field", [f for f in SIMPLE if not f.editable], ids=lambda f: f.key)
def test_a_field_the_table_does_not_make_editable_is_refused(every_field, field, capsys):
    code = cli.main(["record", "--data", str(every_field), "--project", "样id样", "--set", f"{field.key}=x",
                     "--date", "2024-06-30", "--user", "王"])
    assert code == 2 and "--set" in capsys.readouterr().err
    assert field.key not in store.journal.PROJECT_FIELDS


def test_the_journal_sets_what_the_table_makes_editable():
    assert store.journal.PROJECT_FIELDS[:-3] == tuple(f.key for f in fields.editable(fields.PROJECT))
    assert store.journal.TARGET_FIELDS == ("current",)
    assert store.journal.QUANTITY_FIELDS == {"current", *(f.key for f in fields.editable(fields.PROJECT, AMOUNT))}


# --- import ------------------------------------------------------------------------------------

IMPORTED = {AMOUNT: ("300", Quantity(300, "亿元")), STAGE: ("开工", "开工"), AXIS: ("东路", "east")}


@pytest.mark.parametrize("field, word", [(f, w) for f in fields.importable() for w in f.header_words],
                         ids=lambda x: x if isinstance(x, str) else x.key)
def test_import_reads_each_field_from_a_column_headed_by_its_words(every_field, tmp_path, field, word, capsys):
    cell, expected = IMPORTED.get(field.kind, (f"台账{field.key}", f"台账{field.key}"))
    ledger = tmp_path / "台账.csv"
    ledger.write_text(f"编号,日期,{word}\n样id样,2024-06-30,{cell}\n", encoding="utf-8")
    code = cli.main(["import", "--user", "王", str(ledger), "--data", str(every_field), "--apply"])
    assert code == 0, capsys.readouterr().err
    _, project = project_of(every_field)
    assert getattr(project, field.attr) == expected


# --- the table's columns and the detail -----------------------------------------------------------

@pytest.mark.parametrize("lang", [i18n.ZH, i18n.EN])
def test_the_tables_columns_are_the_fields_it_marks(every_field, lang):
    dashboard, project = project_of(every_field)
    shown = fields.columns()
    assert [c.key for c in listing.COLUMNS] == [f.key for f in shown]
    assert [c.title for c in listing.COLUMNS] == [fields.heading(f) for f in shown]
    assert [c.cell(dashboard, project, lang=lang) for c in listing.COLUMNS] == \
        [project_cell(dashboard, project, f, lang=lang) for f in shown]


@pytest.mark.parametrize("lang", [i18n.ZH, i18n.EN])
def test_the_detail_shows_the_fields_it_marks_in_order(every_field, lang):
    dashboard, project = project_of(every_field)
    rows = project_details(dashboard, project, dashboard.steps_as_of, lang=lang)
    labels = [label for label, _ in rows if label]
    expected = [lang.tr(f.zh) if f.key != "figure" else "样数据样" for f in fields.PROJECT
                if f.detail and f.key not in ("milestone", "request")]
    assert labels == expected
    texts = dict(rows)
    for field in SIMPLE:
        if field.detail and field.kind not in (AXIS, UNIT):
            assert texts[lang.tr(field.zh)] == project_cell(dashboard, project, field, lang=lang)


# --- the exports ---------------------------------------------------------------------------------

def headings(format: str, lang: i18n.Lang) -> list[str]:
    return [lang.tr(fields.heading(f)) for f in fields.exported(format)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_markdown_and_html_carry_the_fields_the_table_exports(every_field, lang):
    dashboard, project = project_of(every_field)
    lang = i18n.Lang(lang)
    md = report.to_markdown(dashboard, pane="projects", lang=lang).splitlines()
    page = html_text(report.to_html(dashboard, pane="projects", lang=lang))
    title, shown = lang.tr("项目"), headings("md", lang)
    cells = [project_cell(dashboard, project, f, words=True, lang=lang)  # 105亿元以上
             for f in fields.exported("md")]
    header = md.index(f"### {title}") + 2
    assert md[header] == "| " + " | ".join(shown) + " |"
    assert md[header + 2] == "| " + " | ".join(map(report._md_cell, cells)) + " |"
    table = page.split(f"<h3>{title}</h3>")[1].split("</table>")[0]
    assert re.findall(r"<th>(.*?)</th>", table) == shown
    assert re.findall(r"<td[^>]*>(.*?)</td>", table) == cells
    for field in SIMPLE:  # what the table does not export is not there
        if "md" not in field.exports and field.kind in (TEXT, LONG) and field.key != "person":
            assert f"样{field.key}样" not in "\n".join(md) and f"样{field.key}样" not in page


def test_json_carries_the_fields_the_table_exports_as_the_file_writes_them(every_field):
    dashboard, project = project_of(every_field)
    out = json.loads(report.to_json(dashboard, pane="projects", lang=i18n.ZH))["projects"][0]
    assert set(out) == {f.attr for f in fields.exported("json")}
    for index, field in enumerate(fields.PROJECT):
        if field.simple and "json" in field.exports:
            expected = value(field, index)
            if field.kind == AMOUNT:
                expected = {"value": expected.value, "unit": expected.unit, "at_least": True, "approx": False,
                            "shown": fmt.quantity(expected, words=True, lang=i18n.ZH)}
            assert out[field.attr] == expected, field.key


def test_csv_carries_every_amount_the_table_exports(every_field):
    dashboard, _ = project_of(every_field)
    rows = list(csv.reader(io.StringIO(report.to_csv(dashboard, pane="projects", lang=i18n.ZH))))
    mine = [(r[5], r[6], r[7]) for r in rows[1:] if r[2] == "项目" and r[3] == "样id样"]
    expected = []
    for index, field in enumerate(fields.PROJECT):
        if field.kind == AMOUNT and "csv" in field.exports:
            expected.append((field.zh, str(100 + index), "亿元"))
    expected.append(("样数据样", "7", "个"))
    assert mine == expected
    assert all(f.kind in (AMOUNT, PARTS) for f in fields.exported("csv"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_xlsx_carries_the_fields_the_table_exports(every_field, lang):
    from openpyxl import load_workbook

    from erqi_tui.exchange.workbook import shown_unit, shown_value, to_xlsx

    dashboard, project = project_of(every_field)
    lang = i18n.Lang(lang)
    book = load_workbook(io.BytesIO(to_xlsx(dashboard, pane="projects", lang=lang)))
    expected, values = [], []
    for index, field in enumerate(fields.exported("xlsx")):
        label = lang.tr(field.zh)
        if field.kind == AMOUNT:
            # in English the unit's English name, the value scaled to it (亿元 → bn CNY)
            expected += [lang.tr("{label}（{unit}）", label=label, unit=shown_unit("亿元", lang=lang)),
                         lang.tr("{label}为下限或约数", label=label)]
            values += [shown_value(getattr(project, field.attr).value, "亿元", lang=lang), lang.tr("以上")]
        else:
            expected.append(lang.tr(fields.heading(field)))
            values.append(project_cell(dashboard, project, field, lang=lang))
    sheet = book.worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(rows) if r[0] == expected[0])
    assert rows[header][:len(expected)] == expected
    assert rows[header + 1][:len(values)] == values


def test_docx_carries_the_fields_the_table_exports(every_field):
    from docx import Document

    from erqi_tui.exchange.briefing_doc import to_docx

    dashboard, project = project_of(every_field)
    document = Document(io.BytesIO(to_docx(dashboard, pane="projects", lang=i18n.ZH)))
    shown = headings("docx", i18n.ZH)
    table = next(t for t in document.tables if [c.text for c in t.rows[0].cells] == shown)
    cells = [c.text for c in table.rows[1].cells]
    for field, cell in zip(fields.exported("docx"), cells):
        if field.kind != AMOUNT:
            assert cell == project_cell(dashboard, project, field, lang=i18n.ZH)
    assert "docx" not in fields.PROJECT_FIELD["area"].exports and "占地" not in shown


# --- the labels ----------------------------------------------------------------------------------

def test_each_label_has_one_english_and_the_screen_finds_it():
    from erqi_tui.core.messages_en import EN

    for zh, en in fields.english_labels().items():
        assert EN[zh] == en, zh  # no other English for the same words in messages_en
    assert i18n.EN.tr(fields.form_label(fields.PROJECT_FIELD["investment"])) == "Investment (e.g. 10 亿元)"
    assert i18n.EN.tr(fields.heading(fields.PROJECT_FIELD["name"])) == "Project"


def test_every_kind_and_rule_is_known():
    kinds = {ID, TEXT, LONG, AMOUNT, STAGE, AXIS, fields.PANE, UNIT, PARTS}
    for field in fields.TARGET + fields.PROJECT:
        assert field.kind in kinds, field.key
        assert (field.kind == AMOUNT) == bool(field.unit_rule) or field.key == "target", field.key
        assert field.exports <= fields.EVERYWHERE, field.key
    assert len({f.key for f in fields.PROJECT}) == len(fields.PROJECT)
