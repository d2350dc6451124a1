"""Forms that record an update: a target's current value, a project's fields, a new project.
Wrong input is explained beside its field and nothing is saved until every field is right. A figure
that looks wrong is asked about beside its field with the import's own question (core.written: 10×
off the figure in force, over 10× the target, a percent typed as a fraction, a date before the
current figure's), and saved only when the user saves again (仍然保存)."""

from __future__ import annotations

from typing import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from ...store import edits
from ...core import fmt
from ...core import fields as table_of_fields
from ...core.i18n import UNITS_EN, Lang, in_english_unit
from ...store import Conflict

from ...core import written
from ...core.model import Dashboard, Project, Target, Task, Update, becomes_current
from ..widgets.text import plain
from ..actions import bindings

class PlainInput(Input):
    """An Input whose text never holds a control character: a pasted escape sequence, or one in a
    name from the data file, shows as visible symbols (␛) instead of reaching the terminal."""

    held = False  # while its form's save waits: what was typed stays what is saved

    def validate_value(self, value: str) -> str:
        if self.held:
            return self.value
        return fmt.clean(value, single_line=True)


# (field, label, initial value, choices or None for free text)
Field = tuple[str, str, str, list[tuple[str, str]] | None]


class UpdateForm(ModalScreen):
    """Fields with an error line under each; Enter or 保存 saves, Esc cancels."""

    BINDINGS = bindings("form")
    DEFAULT_CSS = """
    UpdateForm { align: center middle; }
    UpdateForm > VerticalScroll {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    /* As wide as the form: a list opened over a label narrower than it lost the wide character
       straddling the label's edge (总部经  和, 济 gone), where Textual cuts the lines it composes. */
    UpdateForm .field-label { color: $text-muted; width: 1fr; }
    UpdateForm .field-error { color: $error; height: auto; display: none; }
    UpdateForm .field-error.-shown { display: block; }
    UpdateForm .field-error.-question { color: $warning; }
    UpdateForm #buttons { height: auto; margin-top: 1; }
    UpdateForm Button { margin-right: 2; }
    UpdateForm .hint { color: $text-muted; }
    """

    def __init__(self, title: str, fields: list[Field], build: Callable[[dict[str, str]], tuple],
                 hint: str = "", seen: int | None = None, save: Callable | None = None,
                 ask: Callable[[Update, dict[str, str]], dict[str, str]] | None = None) -> None:
        """`seen`: the version of the target or project the form is opened on (Dashboard.version).
        If someone records a change to it before this form saves, the save is held until confirmed.
        `save(update, seen)`: records it; None when saved, a Conflict, or what to tell the user.
        `ask(update, typed)`: the questions a figure that looks wrong is asked, by field (`typed`:
        the fields as typed); the update is saved only when saved again with the same fields."""
        super().__init__()
        self.ask = ask
        self.confirmed: tuple | None = None  # the fields as typed when their questions were asked
        self.save_update = save
        self.form_title = title
        self.fields = fields
        self.build = build
        self.hint = hint
        self.seen = seen
        self.saving = False  # a save is under way (it may be waiting for another writer)
        self.stop_waiting = False  # Esc while waiting: give up this save

    def compose(self) -> ComposeResult:
        lang = self.app.lang
        with VerticalScroll() as box:
            box.border_title = plain(self.form_title)
            box.border_subtitle = lang.tr("Enter 保存 · Esc 取消")
            if self.hint:
                yield Static(plain(self.hint, single_line=False), classes="hint")
            for name, label, value, choices in self.fields:
                yield Label(plain(label), classes="field-label")
                if choices is None:
                    field = PlainInput(value=value, id=f"field-{name}")
                    field.cursor_blink = False
                    yield field
                else:
                    # One space before each name: without it Textual's compositor, cutting the
                    # dropdown's lines where the widgets under it end, split the first character
                    # of 开工 and showed "  工" (a wide character across a cut).
                    options = [(plain(" " + text), key) for text, key in choices]
                    yield Select(options, value=value if value in {k for _, k in choices} else Select.NULL,
                                 prompt=fmt.MISSING, id=f"field-{name}")
                yield Static("", id=f"error-{name}", classes="field-error")
            yield Static("", id="form-error", classes="field-error")
            with Horizontal(id="buttons"):
                yield Button(lang.tr("保存"), id="save", variant="primary")
                yield Button(lang.tr("取消"), id="cancel")

    def on_mount(self) -> None:
        self.query_one(f"#field-{self.fields[0][0]}").focus()

    def values(self) -> dict[str, str]:
        out = {}
        for name, *_ in self.fields:
            widget = self.query_one(f"#field-{name}")
            if isinstance(widget, Select):
                out[name] = "" if widget.value is Select.NULL else str(widget.value)
            else:
                out[name] = widget.value
        return out

    def show_errors(self, errors: dict[str, str], questions: bool = False) -> None:
        """A message under each field named (`questions`: they are questions, not errors)."""
        places = [(f"#error-{name}", name) for name, *_ in self.fields] + [("#form-error", "")]
        for selector, name in places:
            message = errors.get(name, "")
            if message and questions:
                message = self.app.lang.tr("？{question}", question=message)
            line = self.query_one(selector, Static)
            line.update(plain(message, single_line=questions))
            line.set_class(bool(message), "-shown")
            line.set_class(bool(message) and questions, "-question")

    def asked(self, update) -> bool:
        """Whether the update's figures are asked about (said under their fields) and not yet
        confirmed by a second save of the same fields."""
        if self.ask is None:
            return False
        values = self.values()
        questions = self.ask(update, values)
        typed = tuple(sorted(values.items()))
        if not questions or typed == self.confirmed:
            return False
        self.confirmed = typed
        self.show_errors(questions, questions=True)
        lang = self.app.lang
        self.query_one("#save", Button).label = lang.tr("仍然保存")
        self.query_one(VerticalScroll).border_subtitle = lang.tr("Enter 仍然保存 · Esc 取消")
        return True

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        """Check the fields, then record in a worker: the form answers keys while the save waits
        for another writer (it says so, and Esc stops waiting)."""
        if self.saving:
            return
        update, errors = self.build(self.values())
        if update is not None and self.asked(update):
            return
        self.show_errors(errors)
        if update is None:
            return
        self.saving, self.stop_waiting = True, False
        self.hold_fields(True)
        self.run_worker(self.record(update), group="save", exit_on_error=True)

    def hold_fields(self, held: bool) -> None:
        """While a save waits, what was typed is what is saved: the fields and 保存 take no input
        (typing then was dropped), and Esc still stops the wait."""
        for field in self.query(PlainInput):  # they keep the focus, so a key typed then reaches no other binding
            field.held = held
        for widget in self.query("Select, #save"):
            widget.disabled = held

    def show_waiting(self) -> None:
        """Another writer holds the lock: said on the form (called from the save, on the app's loop)."""
        self.show_errors({"": self.app.lang.tr("正有他人保存，稍候…（Esc 取消保存）")})

    async def record(self, update) -> None:
        try:
            problem = await self.save_update(update, self.seen, waiting=self.show_waiting,
                                             cancelled=lambda: self.stop_waiting)
        finally:
            self.saving = False
            if self.is_attached:
                self.hold_fields(False)
        if isinstance(problem, Conflict):
            self.seen = problem.version  # the next save is the explicit confirmation
            self.show_errors({"": conflict_message(problem, lang=self.app.lang)})
            self.query_one("#save", Button).label = self.app.lang.tr("仍然保存")
        elif problem:
            self.show_errors({"": problem})
        else:
            self.dismiss(update)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if self.saving:  # stop waiting for the other writer; the form and what was typed stay
            self.stop_waiting = True
            return
        self.dismiss(None)


def conflict_message(conflict: Conflict, *, lang: Lang) -> str:
    """Who changed what to what, and when, since the form was opened; and how to save anyway."""
    from .history import FIELD_NAMES, shown

    lines = [lang.tr("打开此表单后，已有他人修改了这一项：")]
    for change in conflict.changes:
        field = lang.tr(FIELD_NAMES.get(change.field, change.field))
        if change.withdrawn is not None:
            w = change.withdrawn
            lines.append(lang.tr("· {who} 于 {at} 撤销了第 {seq} 条（{field}：{new}）", who=w.who,
                                 at=f"{w.at:%Y-%m-%d %H:%M}", seq=change.seq, field=field,
                                 new=shown(change.new, lang=lang)))
        else:
            lines.append(lang.tr("· {who} 于 {at} 把{field}从 {old} 改为 {new}（截至 {date}）", who=change.who,
                                 at=f"{change.at:%Y-%m-%d %H:%M}", field=field, old=shown(change.old, lang=lang),
                                 new=shown(change.new, lang=lang), date=change.date.isoformat()))
    lines.append(lang.tr("请核对。再按 Enter（或“仍然保存”）以您的数值覆盖；Esc 取消。"))
    return "\n".join(lines)


def target_form(target: Target, dashboard: Dashboard, who: str, date: str,
                allowed: tuple, seen: int | None = None, save: Callable | None = None, *,
                lang: Lang) -> UpdateForm:
    unit = target.target.unit
    # In English, in the unit the cards show (bn CNY, not 亿元): typed as read, converted when saved
    bare = (UNITS_EN.get(unit) or ("", 1))[0] if lang.english else ""
    current = target.current
    if bare and current is not None and current.unit == unit:
        current = current._replace(value=in_english_unit(current.value, unit))
    fields: list[Field] = [
        ("current", lang.tr("当前值（{unit}；下限值加 +，如 50+）", unit=bare or unit),
         fmt.as_written(current, unit=False) if current else "", None),
        ("date", lang.tr("数值截至日期（YYYY-MM-DD）"), date, None),
        ("note", lang.tr("备注（可选）"), "", None),
    ]
    hint = lang.tr("目标：{target} · 记录人：{who}", target=fmt.quantity(target.target, words=True, lang=lang), who=who)
    return UpdateForm(lang.tr("更新：{name}", name=lang.data(target, "name")), fields,
                      lambda values: edits.target_update(target, values, who, allowed, bare, lang=lang), hint, seen, save,
                      target_questions(target, dashboard, lang=lang))


def target_questions(target: Target, dashboard: Dashboard, *,
                     lang: Lang) -> Callable[[Update, dict[str, str]], dict[str, str]]:
    """What a target's new figure is asked before it is saved, as the import asks it: of the figure
    (10× off the one in force at its date, over 10× the target, a percent typed as a fraction) and
    of its date (another figure already in force on it, asked under the figure; before the current
    figure's, said under the date: it joins the history and the current one stays). A figure typed
    with its % sign (0.965%) is meant as a percent: not asked whether it is a fraction."""
    as_of = dashboard.target_date(target)
    asker = written.target_asker(target, dashboard, lang=lang)

    def ask(update: Update, typed: dict[str, str]) -> dict[str, str]:
        date = update.date
        asked = asker(update.changes["current"], date, typed.get("current", ""))
        questions = {"current": asked.joined(lang=lang)} if asked.joined(lang=lang) else {}  # of the figure, and of another on its date
        if not becomes_current(target.current, as_of, date):
            questions["date"] = written.back_dated(target.current, as_of, lang=lang)
        return questions

    return ask


def project_form(project: Project | None, dashboard: Dashboard, who: str, date: str,
                 allowed: tuple, seen: int | None = None, save: Callable | None = None, *,
                 lang: Lang) -> UpdateForm:
    stages = [(lang.data(s, "name"), s.name) for s in dashboard.stages]  # shown in `lang`, recorded as the stage's own
    axes = [(f"{lang.data(a, 'road')} · {lang.data(a, 'theme')}", a.id) for a in dashboard.layout.axes]

    shown = edits.project_fields(project)  # what project_update compares the typed fields with
    choices = {table_of_fields.STAGE: stages or None, table_of_fields.AXIS: axes or None}
    fields: list[Field] = [
        *((f.key, lang.tr(table_of_fields.form_label(f)), shown[f.key], choices.get(f.kind))
          for f in table_of_fields.editable(table_of_fields.PROJECT)),
        ("date", lang.tr("变更日期（YYYY-MM-DD）"), date, None),
        ("update_note", lang.tr("本次更新备注（可选）"), "", None),
    ]
    title = lang.tr("更新项目：{name}", name=lang.data(project, "name")) if project else lang.tr("新增项目")
    return UpdateForm(title, fields,
                      lambda values: edits.project_update(dashboard, project, values, who, allowed, lang=lang),
                      lang.tr("记录人：{who}", who=who), seen, save, project_questions(project, dashboard, lang=lang))


def project_questions(project: Project | None, dashboard: Dashboard, *,
                      lang: Lang) -> Callable[[Update, dict[str, str]], dict[str, str]]:
    """What a project's new 总投资 or 占地 is asked before it is saved, as the import asks it: 10× off
    the figure it replaces."""

    def ask(update: Update, typed: dict[str, str]) -> dict[str, str]:
        return written.project_questions(project, dashboard, update.changes, lang=lang)

    return ask


def _dated_fields(date: str, *, lang: Lang) -> list[Field]:
    return [("date", lang.tr("日期（YYYY-MM-DD）"), date, None), ("note", lang.tr("备注（可选）"), "", None)]


def milestone_form(project: Project, who: str, date: str, allowed: tuple, seen: int | None = None,
                   save: Callable | None = None, *, lang: Lang) -> UpdateForm:
    """A step reached: chosen among the project's steps not yet reached, or named where it lists none."""
    open_steps = [(fmt.clean(lang.data(m, "name"), single_line=True), m.name) for m in project.milestones
                  if not m.done]
    first = open_steps[0][1] if open_steps else ""
    fields: list[Field] = [("step", lang.tr("完成的节点"), first, open_steps or None), *_dated_fields(date, lang=lang)]
    return UpdateForm(lang.tr("节点完成：{name}", name=lang.data(project, "name")), fields,
                      lambda values: edits.milestone_update(project, values, who, allowed, lang=lang),
                      lang.tr("记录人：{who}", who=who), seen, save)


def request_form(project: Project, who: str, date: str, allowed: tuple, seen: int | None = None,
                 save: Callable | None = None, *, lang: Lang) -> UpdateForm:
    fields: list[Field] = [
        ("what", lang.tr("诉求内容"), "", None),
        ("responsible", lang.tr("责任单位（可选；默认为项目的）"), "", None),
        ("person", lang.tr("责任人（可选）"), "", None),
        *_dated_fields(date, lang=lang),
    ]
    hint = lang.tr("提出日期即下面的日期 · 记录人：{who}", who=who)
    return UpdateForm(lang.tr("提出诉求：{name}", name=lang.data(project, "name")), fields,
                      lambda values: edits.request_raised(project, values, who, allowed, lang=lang), hint, seen, save)


def resolve_form(project: Project, who: str, date: str, allowed: tuple, seen: int | None = None,
                 save: Callable | None = None, *, lang: Lang) -> UpdateForm:
    open_ones = [(fmt.clean(lang.data(r, "what"), single_line=True), r.what) for r in project.requests if not r.done]
    fields: list[Field] = [("what", lang.tr("办结的诉求"), open_ones[0][1] if open_ones else "", open_ones),
                           *_dated_fields(date, lang=lang)]
    return UpdateForm(lang.tr("诉求办结：{name}", name=lang.data(project, "name")), fields,
                      lambda values: edits.request_resolved(project, values, who, allowed, lang=lang),
                      lang.tr("记录人：{who}", who=who), seen, save)


def task_form(task: Task, who: str, date: str, allowed: tuple, seen: int | None = None,
              save: Callable | None = None, *, lang: Lang) -> UpdateForm:
    deadline = fmt.when(task.deadline, lang=lang) if task.deadline else fmt.MISSING
    hint = lang.tr("{area} · 截止 {deadline} · 记录人：{who}", area=lang.data(task, "area") or fmt.MISSING,
                   deadline=deadline, who=who)
    return UpdateForm(lang.tr("任务完成：{name}", name=lang.data(task, "name")), _dated_fields(date, lang=lang),
                      lambda values: edits.task_finished(task, values, who, allowed, lang=lang), hint, seen, save)
