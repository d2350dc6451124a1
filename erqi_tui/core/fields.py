"""The one table of the fields of a target and of a project: for each, its key (as the data file,
the journal and `record --set` write it), its label in Chinese and English, its kind (how it is read,
typed and shown), its unit rule, whether it is edited (the form, `record --set`, the journal),
imported (and the header words a ledger may give it), shown (a column of the 重点项目 table, a line
of the detail) and exported (md, html, csv, json, xlsx, docx). The data file's reader, the journal,
the forms, `record`, `import`, the table's columns and the exports read it instead of lists of their
own: a new project field shown and exported everywhere is an entry here and its attribute on
model.Project. No Textual, no disk.

The order of a table is the order the detail shows the fields in, the data file's reader reads them
in, and the table's columns and the exports list them in (a field marked `last` closes an exported
row: 说明 after 责任单位).
"""

from typing import NamedTuple

# Kinds: how a field is read, typed and shown.
ID = "id"  # the record's id: text, required, never changed
TEXT = "text"  # a line of text (validate.NAME_LIMIT)
LONG = "long"  # a longer text (validate.TEXT_LIMIT): a note, an expectation, a source
AMOUNT = "amount"  # a Quantity: a number with its unit, a bound (50+) or 约
STAGE = "stage"  # a [[stage]]'s name: a project's status
AXIS = "axis"  # a [[layout.axis]]'s id, shown as its road
PANE = "pane"  # a pane a target is also shown on
UNIT = "unit"  # the unit that answers for it (责任单位), shown with the person there
PARTS = "parts"  # entries of their own (a project's figures, steps, requests, the targets it counts for)

# Unit rules of an amount: what a number typed without its unit is taken in, and which unit a
# typed one must be.
OWN_UNIT = "own"  # the unit it already has, else the one most projects use for it; another unit is refused
TARGET_UNIT = "target"  # the target's own unit (a target's current value)

EXPORTS = ("md", "html", "csv", "json", "xlsx", "docx")  # csv is a table of quantities: it carries amounts only
EVERYWHERE = frozenset(EXPORTS)
NOT_DOCX = EVERYWHERE - {"docx"}  # the Word briefing's table of projects keeps to what fits a page


class Field(NamedTuple):
    key: str
    zh: str  # its label: the history, `record`'s line, import's messages, the detail
    en: str
    kind: str = TEXT
    unit_rule: str = ""  # for an amount: OWN_UNIT or TARGET_UNIT
    example: str = ""  # what the form shows to type (133 亩): its label reads 占地（如 133 亩）
    required: bool = False  # the data file must give it
    english: bool = False  # the data file's `en` table may give its English
    editable: bool = False  # the form, `record --set` and the journal's `set` change it
    imported: bool = False  # `import` reads it from a ledger's column headed by its label, its key...
    headers: tuple[str, ...] = ()  # ...or one of these words
    column: bool = False  # a column of the 重点项目 table
    detail: bool = False  # a line of the project's detail
    exports: frozenset[str] = frozenset()  # the formats that carry it
    last: bool = False  # an exported table puts it after the other fields
    heading: tuple[str, str] = ()  # (zh, en) a column's heading where it is not the label (项目, not 名称)
    form: tuple[str, str] = ()  # (zh, en) the form's label where it is not the label (项目名称)
    model: str = ""  # its attribute on the record where it is not the key (a project's `figure` entries: figures)

    @property
    def attr(self) -> str:
        return self.model or self.key

    @property
    def header_words(self) -> tuple[str, ...]:
        """The words a ledger's header may give it (as ledger_sheet matches them: lower-cased)."""
        return tuple(dict.fromkeys((self.zh, self.key, *self.headers))) if self.imported else ()

    @property
    def simple(self) -> bool:
        """A value of its own (text, an amount, a choice), not entries of their own."""
        return self.kind != PARTS


TARGET: tuple[Field, ...] = (
    Field("id", "编号", "ID", ID, required=True),
    Field("name", "名称", "Name", TEXT, required=True, english=True),
    Field("target", "目标值", "Target value", AMOUNT, required=True),
    Field("current", "当前值", "Current value", AMOUNT, TARGET_UNIT, editable=True),
    Field("pane", "板块", "Pane", PANE),
    Field("note", "说明", "Note", LONG, english=True),
    Field("source", "出处", "Source", LONG),
    Field("responsible", "责任单位", "Responsible unit", UNIT),
    Field("person", "责任人", "Person", TEXT),
)

PROJECT: tuple[Field, ...] = (
    Field("id", "编号", "ID", ID, required=True, exports=frozenset({"json", "xlsx"})),
    Field("name", "名称", "Name", TEXT, required=True, english=True, editable=True, column=True,
          exports=EVERYWHERE, heading=("项目", "Project"), form=("项目名称", "Project name")),
    Field("status", "状态", "Status", STAGE, editable=True, imported=True, headers=("项目状态",), column=True,
          detail=True, exports=EVERYWHERE),
    Field("axis", "发展轴", "Axis", AXIS, editable=True, imported=True, column=True, detail=True,
          exports=NOT_DOCX),
    Field("location", "位置", "Location", TEXT, english=True, editable=True,
          imported=True, headers=("地址", "项目地址"), column=True, detail=True, exports=NOT_DOCX),
    Field("investment", "总投资", "Investment", AMOUNT, OWN_UNIT, "10 亿元", editable=True,
          imported=True, headers=("计划总投资",), column=True, detail=True, exports=EVERYWHERE),
    Field("area", "占地", "Area", AMOUNT, OWN_UNIT, "133 亩", editable=True, imported=True, headers=("占地面积",),
          column=True, detail=True, exports=NOT_DOCX),
    Field("figure", "数据", "Figures", PARTS, detail=True, exports=frozenset({"csv", "json"}), model="figures"),
    Field("expected", "预计", "Expected", LONG, english=True, editable=True, imported=True,
          column=True, detail=True, exports=EVERYWHERE),
    Field("note", "说明", "Note", LONG, english=True, editable=True, detail=True, exports=NOT_DOCX,
          last=True),
    Field("source", "出处", "Source", LONG, detail=True),
    Field("milestone", "节点", "Milestones", PARTS, detail=True, model="milestones"),
    Field("request", "企业诉求", "Enterprise requests", PARTS, detail=True, model="requests"),
    Field("responsible", "责任单位", "Responsible unit", UNIT, detail=True, exports=EVERYWHERE),
    Field("person", "责任人", "Person", TEXT, exports=frozenset({"json"})),
    Field("counts_for", "计入目标", "Counts for", PARTS),
)

PROJECT_FIELD: dict[str, Field] = {f.key: f for f in PROJECT}
TARGET_FIELD: dict[str, Field] = {f.key: f for f in TARGET}


def keys(table: tuple[Field, ...]) -> set[str]:
    """What the data file's table of such a record may hold (besides `en`)."""
    return {f.key for f in table} | {"en"}


def english_keys(table: tuple[Field, ...]) -> tuple[str, ...]:
    """The texts the data file's `en` table may give the English of."""
    return tuple(f.key for f in table if f.english)


def editable(table: tuple[Field, ...], *kinds: str) -> tuple[Field, ...]:
    """The fields a form, `record --set` and the journal change (of `kinds`, when given)."""
    return tuple(f for f in table if f.editable and (not kinds or f.kind in kinds))


def importable() -> tuple[Field, ...]:
    """The project fields a ledger's columns may give, besides a target's value."""
    return tuple(f for f in PROJECT if f.imported)


def columns() -> tuple[Field, ...]:
    """The 重点项目 table's columns, in order."""
    return tuple(f for f in PROJECT if f.column)


def exported(format: str) -> tuple[Field, ...]:
    """The project fields a format carries, in the order its table lists them."""
    carried = [f for f in PROJECT if format in f.exports and (format != "csv" or f.kind in (AMOUNT, PARTS))]
    return tuple([f for f in carried if not f.last] + [f for f in carried if f.last])


# Labels are given in Chinese, as the code says every word (Lang.tr gives the English, which
# messages_en takes from here: english_labels).

def label(field: Field | str, table: tuple[Field, ...] = PROJECT) -> str:
    """A field's label (a key is looked up in `table`)."""
    if isinstance(field, str):
        field = {f.key: f for f in table}[field]
    return field.zh


def heading(field: Field) -> str:
    """A field's heading as a column: 项目 for a project's name, else its label."""
    return field.heading[0] if field.heading else field.zh


def form_label(field: Field) -> str:
    """A field's label in the form: 项目名称; 占地（如 133 亩） with what to type."""
    if field.form:
        return field.form[0]
    return f"{field.zh}（如 {field.example}）" if field.example else field.zh


def english_labels() -> dict[str, str]:
    """Every label, heading and form label in Chinese → its English: messages_en takes them, so
    that Lang.tr gives a field's label in English from the table, where it lives with the field."""
    out: dict[str, str] = {}
    for field in TARGET + PROJECT:
        out[field.zh] = field.en
        for pair in (field.heading, field.form):
            if pair:
                out[pair[0]] = pair[1]
        if field.example and not field.form:
            out[f"{field.zh}（如 {field.example}）"] = f"{field.en} (e.g. {field.example})"
    return out
