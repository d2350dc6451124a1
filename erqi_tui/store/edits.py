"""What the update forms accept: field text → an Update, or a message per wrong field. No Textual."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from ..core import fields, fmt
from ..core.i18n import Lang
from ..core.model import Dashboard, Project, Quantity, Target, Task, Update
from .validate import MAX_VALUE

def parse_quantity(text: str, unit: str | None, bare: str = "", *, lang: Lang) -> Quantity:
    """A figure as officials write it, in the form or `record` as in a ledger (core.written):
    "120.5", "1,200 个", "１４０", "140以上", "超140", "50+ 亿元", "约133 亩", "近100" → Quantity. `unit`
    is the one to use when none is typed; one typed in another unit of its dimension is converted
    to it (1,200,000 万元 → 120 亿元), as the import does, and so is one in the unit the English
    screen shows (10.796 bn CNY → 107.96 亿元). `bare`: the English unit a number typed without one
    is in (the form in English, which shows bn CNY). Raises ValueError with a message for the user,
    in `lang`."""
    from ..core.written import Unreadable, as_number, blank, convert, english_unit, read_number, whole_count


    if not text.strip():
        raise ValueError(lang.tr("请输入不小于 0 的数字，如 120.5；下限值加 +，如 50+"))
    if blank(text):
        raise ValueError(lang.tr("请输入数字；这里不能写“无”或“—”"))
    try:
        reading = read_number(text, lang=lang)
    except Unreadable as problem:
        raise ValueError(str(problem)) from None
    if reading.value > MAX_VALUE:  # compared exactly: 400 digits are past what a float holds
        raise ValueError(lang.tr("数值太大：最多 {limit}", limit=f"{MAX_VALUE:.0e}"))
    exact, typed_unit = reading.value, reading.unit or bare
    english = english_unit(typed_unit) if typed_unit else None
    if english is not None:
        typed_unit, factor = english
        exact = exact / factor
    if typed_unit and unit and typed_unit != unit:
        converted = convert(exact, typed_unit, unit)
        if converted is None:
            raise ValueError(lang.tr("单位应为“{unit}”", unit=unit))
        exact, typed_unit = converted, unit
    if exact > MAX_VALUE:
        raise ValueError(lang.tr("数值太大：最多 {limit}", limit=f"{MAX_VALUE:.0e}"))
    if not (typed_unit or unit):
        raise ValueError(lang.tr("请注明单位，如 5 亿元"))
    if not whole_count(exact, typed_unit or unit):
        raise ValueError(lang.tr("个数应为整数（{unit}）", unit=typed_unit or unit))
    return Quantity(as_number(exact), typed_unit or unit, at_least=reading.at_least, approx=reading.approx)


def parse_date(text: str, allowed: tuple[dt.date, dt.date], *, lang: Lang) -> dt.date:
    """A date typed as YYYY-MM-DD (or as a ledger writes it: core.written.read_day, full-width
    digits and all) within `allowed` (Dashboard.update_dates: the data's year, not after today); a
    mistyped 2042 would otherwise move the whole year to 100% elapsed."""
    from ..core.written import Unreadable, read_day


    try:
        date = read_day(text, lang=lang)
    except Unreadable as problem:
        raise ValueError(str(problem)) from None
    first, last = allowed
    if not first <= date <= last:
        raise ValueError(lang.tr("日期应在 {first} 至 {last} 之间（数据年度内，且不晚于今天）",
                                 first=first.isoformat(), last=last.isoformat()))
    return date


def default_date(dashboard: Dashboard, today: dt.date) -> dt.date:
    """Today, when the file is this year's; otherwise the date its figures stand at (a demo of last
    year's data should not jump to today and turn every target late)."""
    first, last = dashboard.update_dates(today)
    return today if today.year == dashboard.meta.year else min(max(dashboard.as_of, first), last)


def _parsed(errors: dict[str, str], field: str, parse, *args, lang: Lang):
    """`parse(*args)` in `lang`, or None with its message recorded under `field`."""
    try:
        return parse(*args, lang=lang)
    except ValueError as error:
        errors[field] = str(error)
        return None


def target_update(target: Target, fields: dict[str, str], who: str,
                  allowed: tuple[dt.date, dt.date], bare: str = "", *,
                  lang: Lang) -> tuple[Update | None, dict[str, str]]:
    """`bare`: the English unit a figure typed without one is in (parse_quantity)."""
    errors: dict[str, str] = {}
    current = _parsed(errors, "current", parse_quantity, fields.get("current", ""), target.target.unit, bare,
                      lang=lang)
    date = _parsed(errors, "date", parse_date, fields.get("date", ""), allowed, lang=lang)
    if errors:
        return None, errors
    return Update("target", target.id, {"current": current}, date, who, fields.get("note", "").strip()), {}


def usual_unit(dashboard: Dashboard, field: str) -> str | None:
    """The unit most projects use for `field` (investment, area), so a bare number can be typed."""
    units = Counter(getattr(p, field).unit for p in dashboard.projects if getattr(p, field) is not None)
    return units.most_common(1)[0][0] if units else None


# The project fields a form and `record --set` change, from the table of fields: typed as text, or
# as an amount with its unit.
PROJECT_FIELDS = tuple(f.key for f in fields.editable(fields.PROJECT))
PROJECT_TEXT_FIELDS = tuple(f.key for f in fields.editable(fields.PROJECT) if f.kind != fields.AMOUNT)
PROJECT_AMOUNT_FIELDS = tuple(f.key for f in fields.editable(fields.PROJECT, fields.AMOUNT))
CLI_FIELDS = {"current": "--value", "date": "--date", "": ""}  # form fields as `erqi-tui record` names them


def project_fields(project: Project | None) -> dict[str, str]:
    """A project's fields as the form shows them, in the table's order: what `project_update`
    compares the new ones with."""
    shown = {}
    for field in PROJECT_FIELDS:
        value = getattr(project, field) if project else None
        shown[field] = ("" if value is None else fmt.as_written(value)) if field in PROJECT_AMOUNT_FIELDS \
            else (value or "")
    return {**shown, "date": "", "update_note": ""}


def project_update(dashboard: Dashboard, project: Project | None, fields: dict[str, str],
                   who: str, allowed: tuple[dt.date, dt.date], *,
                   lang: Lang) -> tuple[Update | None, dict[str, str]]:
    """An update of `project`'s changed fields, or a new project when `project` is None; each
    wrong field's message in `lang`."""
    errors: dict[str, str] = {}
    changes: dict[str, object] = {}
    for field in PROJECT_TEXT_FIELDS:
        value = fields.get(field, "").strip()
        old = (getattr(project, field) or "") if project else ""
        if value != old and value != fmt.clean(old, single_line=True).strip():  # as the form shows it
            changes[field] = value
    if not fields.get("name", "").strip():
        errors["name"] = lang.tr("请输入项目名称")
    stages = [s.name for s in dashboard.stages]
    if changes.get("status") and stages and changes["status"] not in stages:
        errors["status"] = lang.tr("应为：{names}", names=lang.tr("、").join(stages))
    for field in PROJECT_AMOUNT_FIELDS:
        text = fields.get(field, "").strip()
        old = getattr(project, field) if project else None
        if not text:
            if old is not None:
                errors[field] = lang.tr("已有数值不能清空；如需更正请输入新数值")
            continue
        value = _parsed(errors, field, parse_quantity, text, old.unit if old else usual_unit(dashboard, field),
                        lang=lang)
        if value is not None and value != old:
            changes[field] = value
    date = _parsed(errors, "date", parse_date, fields.get("date", ""), allowed, lang=lang)
    if errors:
        return None, errors
    if not changes:
        return None, {"": lang.tr("没有改动")}
    note = fields.get("update_note", "").strip()
    if project is None:  # its id is given under the journal's lock: two officials may add at once
        return Update("project", "", changes, date, who, note, new=True), {}
    return Update("project", project.id, changes, date, who, note), {}


# --- milestones, enterprise requests, tasks ------------------------------------------------------

def _dated(fields: dict[str, str], allowed: tuple[dt.date, dt.date], errors: dict[str, str],
           lang: Lang) -> dt.date | None:
    return _parsed(errors, "date", parse_date, fields.get("date", ""), allowed, lang=lang)


def milestone_update(project: Project, fields: dict[str, str], who: str,
                     allowed: tuple[dt.date, dt.date], *,
                     lang: Lang) -> tuple[Update | None, dict[str, str]]:
    """A step of `project` reached on the date: one it lists (not yet reached) or a new one named."""
    errors: dict[str, str] = {}
    step = fields.get("step", "").strip()
    if not step:
        errors["step"] = lang.tr("请选择或输入节点名称")
    elif any(m.name == step and m.done for m in project.milestones):
        errors["step"] = lang.tr("这一节点已完成")
    date = _dated(fields, allowed, errors, lang)
    if errors:
        return None, errors
    return Update("project", project.id, {"milestone": step}, date, who, fields.get("note", "").strip()), {}


def request_raised(project: Project, fields: dict[str, str], who: str,
                   allowed: tuple[dt.date, dt.date], *,
                   lang: Lang) -> tuple[Update | None, dict[str, str]]:
    """An enterprise request of `project` raised on the date, with the unit that handles it."""
    errors: dict[str, str] = {}
    what = fields.get("what", "").strip()
    if not what:
        errors["what"] = lang.tr("请输入诉求内容")
    elif any(r.what == what for r in project.requests):
        errors["what"] = lang.tr("该项目已有同样内容的诉求")
    date = _dated(fields, allowed, errors, lang)
    if errors:
        return None, errors
    request = {"what": what}
    for field in ("responsible", "person"):
        if fields.get(field, "").strip():
            request[field] = fields[field].strip()
    return Update("project", project.id, {"request": request}, date, who, fields.get("note", "").strip()), {}


def request_resolved(project: Project, fields: dict[str, str], who: str,
                     allowed: tuple[dt.date, dt.date], *,
                     lang: Lang) -> tuple[Update | None, dict[str, str]]:
    """An open request of `project` resolved (办结) on the date."""
    errors: dict[str, str] = {}
    what = fields.get("what", "")
    request = next((r for r in project.requests if r.what == what and not r.done), None)
    if request is None:
        errors["what"] = lang.tr("请选择一条未办结的诉求")
    date = _dated(fields, allowed, errors, lang)
    if date and request and request.raised and date < request.raised.first:
        errors["date"] = lang.tr("办结日期不能早于提出日期 {when}", when=request.raised.text)
    if errors:
        return None, errors
    return Update("project", project.id, {"resolve": what}, date, who, fields.get("note", "").strip()), {}


def task_finished(task: Task, fields: dict[str, str], who: str,
                  allowed: tuple[dt.date, dt.date], *,
                  lang: Lang) -> tuple[Update | None, dict[str, str]]:
    errors: dict[str, str] = {}
    if task.done:
        errors[""] = lang.tr("这项任务已完成")
    date = _dated(fields, allowed, errors, lang)
    if errors:
        return None, errors
    return Update("task", task.id, {"done": True}, date, who, fields.get("note", "").strip()), {}
