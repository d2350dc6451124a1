"""Forms that record an update: a target's current value, a project's fields, a new project.
Wrong input is explained beside its field and nothing is saved until every field is right."""

from __future__ import annotations

from typing import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from .. import edits, fmt

from ..model import Dashboard, Project, Target
from ..widgets.text import plain

# (field, label, initial value, choices or None for free text)
Field = tuple[str, str, str, list[tuple[str, str]] | None]


class UpdateForm(ModalScreen):
    """Fields with an error line under each; Enter or 保存 saves, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "取消", id="form.cancel")]
    DEFAULT_CSS = """
    UpdateForm { align: center middle; }
    UpdateForm > VerticalScroll {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    UpdateForm .field-label { color: $text-muted; margin-top: 1; }
    UpdateForm .field-error { color: $error; height: auto; display: none; }
    UpdateForm .field-error.-shown { display: block; }
    UpdateForm #buttons { height: auto; margin-top: 1; }
    UpdateForm Button { margin-right: 2; }
    UpdateForm .hint { color: $text-muted; }
    """

    def __init__(self, title: str, fields: list[Field], build: Callable[[dict[str, str]], tuple],
                 hint: str = "") -> None:
        super().__init__()
        self.form_title = title
        self.fields = fields
        self.build = build
        self.hint = hint

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = plain(self.form_title)
            box.border_subtitle = "Enter 保存 · Esc 取消"
            if self.hint:
                yield Static(plain(self.hint, single_line=False), classes="hint")
            for name, label, value, choices in self.fields:
                yield Label(plain(label), classes="field-label")
                if choices is None:
                    field = Input(value=value, id=f"field-{name}")
                    field.cursor_blink = False
                    yield field
                else:
                    options = [(plain(text), key) for text, key in choices]
                    yield Select(options, value=value if value in {k for _, k in choices} else Select.NULL,
                                 prompt=fmt.MISSING, id=f"field-{name}")
                yield Static("", id=f"error-{name}", classes="field-error")
            yield Static("", id="form-error", classes="field-error")
            with Horizontal(id="buttons"):
                yield Button("保存", id="save", variant="primary")
                yield Button("取消", id="cancel")

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

    def show_errors(self, errors: dict[str, str]) -> None:
        places = [(f"#error-{name}", name) for name, *_ in self.fields] + [("#form-error", "")]
        for selector, name in places:
            message = errors.get(name, "")
            line = self.query_one(selector, Static)
            line.update(plain(message, single_line=False))
            line.set_class(bool(message), "-shown")

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    async def save(self) -> None:
        update, errors = self.build(self.values())
        self.show_errors(errors)
        if update is None:
            return
        problem = await self.app.save_update(update)
        if problem:
            self.show_errors({"": problem})
        else:
            self.dismiss(update)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def target_form(target: Target, dashboard: Dashboard, who: str, date: str) -> UpdateForm:
    fields: list[Field] = [
        ("current", f"当前值（{target.target.unit}；下限值加 +，如 50+）",
         fmt.quantity(target.current, unit=False).replace(",", "") if target.current else "", None),
        ("date", "数值截至日期（YYYY-MM-DD）", date, None),
        ("note", "备注（可选）", "", None),
    ]
    hint = f"目标：{fmt.quantity(target.target)} · 记录人：{who}"
    return UpdateForm(f"更新：{target.name}", fields,
                      lambda values: edits.target_update(target, values, who), hint)


def project_form(project: Project | None, dashboard: Dashboard, who: str, date: str) -> UpdateForm:
    stages = [(s.name, s.name) for s in dashboard.stages]
    axes = [(f"{a.road} · {a.theme}", a.id) for a in dashboard.layout.axes]

    def amount(q) -> str:
        return "" if q is None else fmt.quantity(q).replace(",", "")

    p = project
    fields: list[Field] = [
        ("name", "项目名称", p.name if p else "", None),
        ("status", "状态", (p.status or "") if p else "", stages if stages else None),
        ("axis", "发展轴", (p.axis or "") if p else "", axes if axes else None),
        ("location", "位置", p.location if p else "", None),
        ("investment", "总投资（如 10 亿元）", amount(p.investment) if p else "", None),
        ("area", "占地（如 133 亩）", amount(p.area) if p else "", None),
        ("expected", "预计", p.expected if p else "", None),
        ("note", "说明", p.note if p else "", None),
        ("date", "变更日期（YYYY-MM-DD）", date, None),
        ("update_note", "本次更新备注（可选）", "", None),
    ]
    title = f"更新项目：{p.name}" if p else "新增项目"
    return UpdateForm(title, fields, lambda values: edits.project_update(dashboard, project, values, who),
                      f"记录人：{who}")
