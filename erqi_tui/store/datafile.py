"""The hand-kept data file: read, validated into the model, every problem named. No Textual."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from . import files
from ..core import fields
from ..core.model import PANES, Axis, Dashboard, Event, Figure, Initiative, Layout, Meta, Milestone, Project, Request, Stage, Task, Target, When, reached_status
from ..core.problems import DataError, said
from ..core.progress import days_in_month
from .validate import NAME_LIMIT, QUANTITY_KEYS, TEXT_LIMIT, Validator, describe, parse

if TYPE_CHECKING:  # blocks.py is imported when a file is large enough to be read in blocks
    from .blocks import Kept, Split

FROM_CHARS = 256 * 1024  # a smaller file is parsed whole: milliseconds, and blocks.py and hashlib are not loaded


def load_base(path: Path | str) -> Dashboard:
    """Read and validate the hand-kept data file alone, without its journal."""
    return read_base(Path(path))[0]


def read_base(path: Path, before: tuple[Dashboard, Kept] | None = None) -> tuple[Dashboard, Kept | None]:
    """`load_base`, and what a later read of the file may reuse (None: nothing). `before`: the
    dashboard of an earlier read of the file and what it left; a large file is read in blocks
    (blocks.py), and the projects of the blocks whose text has not changed are kept."""
    text = files.read_text(path)
    if len(text) >= FROM_CHARS:
        from .blocks import split

        blocks = split(text, before[1].places() if before else {})
        if blocks is not None:
            reader = DataFile(path, text, blocks, before)
            return reader.dashboard(blocks.doc), reader.kept
    return DataFile(path, text).dashboard(parse(path, text)), None


class DataFile(Validator):
    """Turns a parsed data file into a Dashboard, collecting every problem rather than stopping at one.
    `blocks`: the file as read in blocks (blocks.split; its document then has no "project"), `before`
    the read whose projects they may reuse."""

    def __init__(self, path: Path, text: str, blocks: Split | None = None,
                 before: tuple[Dashboard, Kept] | None = None) -> None:
        super().__init__(path, text)
        self.blocks, self.before = blocks, before
        self.kept: Kept | None = None

    def dashboard(self, doc: dict) -> Dashboard:
        self.table(doc, "", TOP_KEYS)
        meta = self.meta(doc)
        raw_targets = self.tables(doc, "target", TARGET_KEYS)
        raw_figures = self.tables(doc, "figure", FIGURE_KEYS)
        targets = [self.target(k, t) for k, t in raw_targets]
        figures = [self.figure(k, t, standalone=True) for k, t in raw_figures]
        events = [self.event(k, t) for k, t in self.tables(doc, "event", EVENT_KEYS)]
        # What a stage's target may name: every id as written, a target's with a problem of its own
        # too (that problem is said; naming it elsewhere is not a second one).
        self.target_names = written_ids(raw_targets)
        raw_stages = self.tables(doc, "stage", STAGE_KEYS)
        stages = [self.stage(k, t) for k, t in raw_stages]
        self.unique_stage_ids(raw_stages)
        layout = self.layout(doc)
        stage_names = [s.name for s in stages if s]
        axis_ids = [a.id for a in layout.axes] if layout else []
        # what a project's counts_for may name: a target, or a stage that has an id
        self.target_names = self.target_names + written_ids(raw_stages)
        projects, project_ids = self.projects(doc, stage_names, axis_ids)
        raw_tasks = self.tables(doc, "task", TASK_KEYS)
        tasks = [self.task(k, t) for k, t in raw_tasks]
        initiatives = [self.initiative(k, t) for k, t in self.tables(doc, "initiative", INITIATIVE_KEYS)]
        self.unique("task", raw_tasks)
        self.unique("target", raw_targets)
        self.unique("figure", raw_figures)
        self.unique_ids("project", project_ids)
        if self.problems or meta is None or layout is None:
            raise DataError(self.problems)
        return Dashboard(
            meta=meta,
            targets=tuple(targets),
            figures=tuple(figures),
            events=tuple(events),
            stages=tuple(stages),
            layout=layout,
            projects=tuple(projects),
            tasks=tuple(tasks),
            initiatives=tuple(initiatives),
        )

    def meta(self, doc: dict) -> Meta | None:
        if "meta" not in doc:
            self.problem("meta", said("missing_meta"))
            return None
        tbl = self.table(doc["meta"], "meta", META_KEYS)
        if tbl is None:
            return None
        district = self.text(tbl, "district", "meta", required=True)
        year = tbl.get("year")
        if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2200:
            self.problem("meta.year", said("expected_year", got=describe(year)) if "year" in tbl
                         else said("missing_year"))
            year = None
        as_of, as_of_month = self.as_of(tbl)
        city = self.text(tbl, "city", "meta")
        title = self.text(tbl, "title", "meta")
        source = self.text(tbl, "source", "meta", limit=TEXT_LIMIT)
        en = self.english(tbl, "meta", ("district", "city", "title"))
        if None in (district, year, as_of, city, title, source, en):
            return None
        if abs(as_of.year - year) > 1:
            self.problem("meta.as_of", said("date_near_year", year=year, got=as_of.isoformat()))
            return None
        return Meta(district=district, year=year, as_of=as_of, city=city, title=title, source=source, en=en,
                    as_of_month=as_of_month)

    def as_of(self, tbl: dict) -> tuple[dt.date | None, bool]:
        """meta.as_of: a day (2024-05-31), or a month ("2024-05") where the source gives no day —
        its last day, marked as a month (Meta.as_of_month)."""
        value = tbl.get("as_of")
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}", value):
            when = self.when(tbl, "as_of", "meta")
            return (None, False) if when is False else (when.last, True)
        return self.date(tbl, "as_of", "meta"), False

    def target(self, key: str, tbl: dict) -> Target | None:
        ident = self.text(tbl, "id", key, required=True)
        name = self.text(tbl, "name", key, required=True)
        goal = self.quantity(tbl, "target", key, required=True)
        current = self.quantity(tbl, "current", key, required=False)
        pane = self.pane(tbl, key, required=False)
        note = self.text(tbl, "note", key, limit=TEXT_LIMIT)
        source = self.text(tbl, "source", key, limit=TEXT_LIMIT)
        if goal and current and goal.unit != current.unit:
            self.problem(f"{key}.current.unit", said("target_unit", unit=goal.unit, got=current.unit))
            return None
        if goal is not None and goal.value == 0:
            self.problem(f"{key}.target.value", said("target_above_zero"))
            return None
        en = self.english(tbl, key, fields.english_keys(fields.TARGET))
        responsible, person = self.text(tbl, "responsible", key), self.text(tbl, "person", key)
        if None in (ident, name, goal, pane, note, source, en, responsible, person):
            return None
        return Target(id=ident, name=name, target=goal, current=current, pane=pane, note=note,
                      source=source, en=en, responsible=responsible, person=person)

    def pane(self, tbl: dict, key: str, *, required: bool) -> str | None:
        pane = self.text(tbl, "pane", key, required=required)
        if pane and pane not in PANES:
            self.problem(f"{key}.pane", said("expected_one_of", choices=", ".join(PANES), got=pane))
            return None
        return pane

    def figure(self, key: str, tbl: dict, *, standalone: bool, pane: str = "") -> Figure | None:
        ident = self.text(tbl, "id", key)
        label = self.text(tbl, "label", key, required=True)
        quantity = self.quantity_in(tbl, key)
        group = self.text(tbl, "group", key)
        source = self.text(tbl, "source", key, limit=TEXT_LIMIT)
        headline = self.boolean(tbl, "headline", key) if standalone else False
        if standalone:
            pane = self.pane(tbl, key, required=True)
        en = self.english(tbl, key, ("label", "group"))
        if None in (ident, label, quantity, group, source, pane, en):
            return None
        return Figure(id=ident, label=label, quantity=quantity, pane=pane, group=group,
                      headline=headline, source=source, en=en)

    def sub_figures(self, tbl: dict, key: str, pane: str) -> tuple[Figure, ...] | None:
        value = tbl.get("figure", [])
        if not isinstance(value, list):
            self.problem(f"{key}.figure", said("expected_entries", name="…figure", got=describe(value)))
            return None
        figures = []
        for index, entry in enumerate(value, start=1):
            sub = f"{key}.figure[{index}]"
            checked = self.table(entry, sub, SUB_FIGURE_KEYS)
            figures.append(None if checked is None else self.figure(sub, checked, standalone=False, pane=pane))
        return None if None in figures else tuple(figures)

    def event(self, key: str, tbl: dict) -> Event | None:
        date = self.date(tbl, "date", key)
        title = self.text(tbl, "title", key, required=True)
        note = self.text(tbl, "note", key, limit=TEXT_LIMIT)
        source = self.text(tbl, "source", key, limit=TEXT_LIMIT)
        figures = self.sub_figures(tbl, key, "investment")
        en = self.english(tbl, key, ("title", "note"))
        if None in (date, title, note, source, figures, en):
            return None
        return Event(date=date, title=title, figures=figures, note=note, source=source, en=en)

    def stage(self, key: str, tbl: dict) -> Stage | None:
        name = self.text(tbl, "name", key, required=True)
        count = self.quantity(tbl, "count", key, required=False)
        note = self.text(tbl, "note", key, limit=TEXT_LIMIT)
        source = self.text(tbl, "source", key, limit=TEXT_LIMIT)
        ident, label, group = self.text(tbl, "id", key), self.text(tbl, "label", key), self.text(tbl, "group", key)
        target = self.text(tbl, "target", key)
        if target and target not in self.target_names:
            self.problem(f"{key}.target", said("expected_target_ids", ids=", ".join(self.target_names)[:200]
                                                 or said("none_defined"), got=describe(target)))
            target = None
        en = self.english(tbl, key, ("name", "note", "label", "group"))
        if None in (name, note, source, en, ident, label, group, target) or ("count" in tbl and count is None):
            return None
        return Stage(name=name, count=count, note=note, source=source, en=en, id=ident, label=label, group=group,
                     target=target)

    def unique_stage_ids(self, raw: list[tuple[str, dict]]) -> None:
        """A stage's id is optional, but two stages, or a stage and a target, may not share one."""
        seen = {ident: "target" for ident in self.target_names}
        for key, tbl in raw:
            ident = tbl.get("id")
            if isinstance(ident, str) and ident:
                if ident in seen:
                    self.problem(f"{key}.id", said("duplicate_id", kind="stage", id=ident, first=seen[ident]))
                seen.setdefault(ident, key)

    def initiative(self, key: str, tbl: dict) -> Initiative | None:
        name = self.text(tbl, "name", key, required=True)
        what = self.text(tbl, "what", key, limit=TEXT_LIMIT)
        pane = self.pane(tbl, key, required=True)
        source = self.text(tbl, "source", key, limit=TEXT_LIMIT)
        en = self.english(tbl, key, ("name", "what"))
        if None in (name, what, pane, source, en):
            return None
        return Initiative(name=name, what=what, pane=pane, source=source, en=en)

    def layout(self, doc: dict) -> Layout | None:
        if "layout" not in doc:
            return Layout()
        tbl = self.table(doc["layout"], "layout", LAYOUT_KEYS)
        if tbl is None:
            return None
        name = self.text(tbl, "name", "layout")
        belt = self.text(tbl, "belt", "layout")
        belt_note = self.text(tbl, "belt_note", "layout", limit=TEXT_LIMIT)
        source = self.text(tbl, "source", "layout", limit=TEXT_LIMIT)
        raw_axes = self.tables(tbl, "axis", AXIS_KEYS, prefix="layout.")
        axes = [self.axis(k, t) for k, t in raw_axes]
        self.unique("axis", raw_axes)
        en = self.english(tbl, "layout", ("name", "belt", "belt_note"))
        if None in (name, belt, belt_note, source, en) or None in axes:
            return None
        return Layout(name=name, belt=belt, belt_note=belt_note, axes=tuple(axes), source=source, en=en)

    def axis(self, key: str, tbl: dict) -> Axis | None:
        ident = self.text(tbl, "id", key, required=True)
        road = self.text(tbl, "road", key, required=True)
        theme = self.text(tbl, "theme", key, required=True)
        note = self.text(tbl, "note", key, limit=TEXT_LIMIT)
        source = self.text(tbl, "source", key, limit=TEXT_LIMIT)
        en = self.english(tbl, key, ("road", "theme", "note"))
        if None in (ident, road, theme, note, source, en):
            return None
        return Axis(id=ident, road=road, theme=theme, note=note, source=source, en=en)

    def projects(self, doc: dict, stages: list[str], axes: list[str]) -> tuple[list[Project | None], list[tuple[str, object]]]:
        """The [[project]]s, each with its key and its id as written (for unique_ids)."""
        if self.blocks is None:
            raw = self.tables(doc, "project", PROJECT_KEYS)
            return [self.project(k, t, stages, axes) for k, t in raw], [(k, t.get("id")) for k, t in raw]
        from .blocks import Kept, Reused

        context = (tuple(stages), tuple(axes), tuple(self.target_names))
        earlier = self.before[0].projects if self.before and self.before[1].context == context else None
        # As the whole read does (tables, then each project): every table's keys checked first, so
        # the problems come in the same order. A [[project]] is always a table: table() only names
        # its unknown keys.
        entries = []
        for number, entry in enumerate(self.blocks.projects, start=1):
            key = f"project[{number}]"
            if entry.__class__ is Reused:
                if earlier is not None:  # the same text, read against the same names
                    entries.append((key, earlier[entry.before]))
                    continue
                entry = entry.parsed()
            self.table(entry, key, PROJECT_KEYS)
            entries.append((key, entry))
        projects: list[Project | None] = []
        ids: list[tuple[str, object]] = []
        for key, entry in entries:
            if entry.__class__ is dict:
                projects.append(self.project(key, entry, stages, axes))
                ids.append((key, entry.get("id")))
            else:  # a project kept from the read before
                projects.append(entry)
                ids.append((key, entry.id))
        self.kept = Kept(self.blocks.digests, context)
        return projects, ids

    def project(self, key: str, tbl: dict, stages: list[str], axes: list[str]) -> Project | None:
        """A [[project]]: each field of the table of fields (core/fields.PROJECT) read by its kind
        (a city's 100,000 projects: the plan of what to read is made once, _PROJECT_READ)."""
        values: dict = {}
        failed = False
        for name, attr, kind, required, limit in _PROJECT_READ:
            if kind is None:  # a text: read as it is
                value = self.text(tbl, name, key, required=required, limit=limit)
                failed = failed or value is None
            elif kind == fields.AMOUNT:  # None when not given
                value = self.quantity(tbl, name, key, required=required)
                failed = failed or (value is None and name in tbl)
            elif kind == fields.PARTS:
                value = self.project_parts(name, key, tbl, stages)
                failed = failed or value is None or None in value
            else:  # a choice: a [[stage]]'s name, a [[layout.axis]]'s id
                value = self.choice(name, kind, key, tbl, stages, axes) if name in tbl else ""
                failed = failed or value is None
            values[attr] = value
        en = self.english(tbl, key, _PROJECT_ENGLISH)
        if failed or en is None:
            return None
        values["status"] = reached_status(values["milestones"], stages, values["status"])  # the steps move it on
        for attr in _PROJECT_CHOICES:  # a choice not made is None, not ""
            values[attr] = values[attr] or None
        return Project(**values, en=en)

    def project_parts(self, name: str, key: str, tbl: dict, stages: list[str]) -> tuple | None:
        """A project's entries of their own: its figures, steps, requests, the targets it counts
        for; None after a problem."""
        if name == "figure":
            return self.sub_figures(tbl, key, "projects")
        if name == "milestone":
            return tuple(self.milestone(k, m, stages) for k, m in self.tables(tbl, "milestone", MILESTONE_KEYS,
                                                                              prefix=f"{key}."))
        if name == "request":
            raw_requests = self.tables(tbl, "request", REQUEST_KEYS, prefix=f"{key}.")
            requests = tuple(self.request(k, r) for k, r in raw_requests)
            if None not in requests:
                self.unique_text(raw_requests, [r.what for r in requests], "what")
            return requests
        return self.target_ids(tbl, name, key)

    def choice(self, name: str, kind: str, key: str, tbl: dict, stages: list[str], axes: list[str]) -> str | None:
        """A project's stage (one of the [[stage]]s' names, where there are any) or axis (one of the
        [[layout.axis]]'s ids); None after a problem."""
        text = self.text(tbl, name, key)
        if kind == fields.STAGE and text and stages and text not in stages:
            self.problem(f"{key}.{name}", said("expected_stage", names=", ".join(stages), got=text))
            return None
        if kind == fields.AXIS and text and text not in axes:
            known = ", ".join(axes) if axes else said("none_defined")
            self.problem(f"{key}.{name}", said("expected_id_of", kind="layout.axis", ids=known, got=text))
            return None
        return text

    def request(self, key: str, tbl: dict) -> Request | None:
        what = self.text(tbl, "what", key, required=True, limit=TEXT_LIMIT)
        raised = self.when(tbl, "raised", key)
        resolved = self.when(tbl, "resolved", key, allow_true=True)
        source = self.text(tbl, "source", key, limit=TEXT_LIMIT)
        en = self.english(tbl, key, ("what",))
        responsible, person = self.text(tbl, "responsible", key), self.text(tbl, "person", key)
        if None in (what, source, en, responsible, person) or raised is False or resolved is False:
            return None
        return Request(what, raised, None if resolved is True else resolved, resolved is not None, responsible,
                       person, source, en)

    def unique_text(self, raw: list[tuple[str, dict]], texts: list[str], field: str) -> None:
        """Each of a project's requests is known by its text: two with the same text are one too many."""
        seen: dict[str, str] = {}
        for (key, _), text in zip(raw, texts):
            if text in seen:
                self.problem(f"{key}.{field}", said("same_request_text", first=seen[text]))
            seen.setdefault(text, key)

    def task(self, key: str, tbl: dict) -> Task | None:
        ident = self.text(tbl, "id", key, required=True)
        name = self.text(tbl, "name", key, required=True, limit=TEXT_LIMIT)
        area = self.text(tbl, "area", key)
        deadline = self.when(tbl, "deadline", key)
        finished = self.when(tbl, "done", key, allow_true=True)
        source = self.text(tbl, "source", key, limit=TEXT_LIMIT)
        en = self.english(tbl, key, ("name", "area"))
        responsible, person = self.text(tbl, "responsible", key), self.text(tbl, "person", key)
        if None in (ident, name, area, source, en, responsible, person) or deadline is False or finished is False:
            return None
        return Task(ident, name, area, deadline, None if finished is True else finished, finished is not None,
                    responsible, person, source, en)

    def target_ids(self, tbl: dict, name: str, key: str) -> tuple[str, ...] | None:
        """A list of [[target]] ids, e.g. counts_for = ["signed-amount"]; None after a problem."""
        value = tbl.get(name, [])
        known = self.target_names
        if not isinstance(value, list) or not all(isinstance(v, str) and v in known for v in value):
            self.problem(f"{key}.{name}", said("expected_target_ids", ids=", ".join(known)[:200] or said("none_defined"),
                                               got=describe(value)))
            return None
        return tuple(value)

    def milestone(self, key: str, tbl: dict, stages: list[str]) -> Milestone | None:
        name = self.text(tbl, "name", key, required=True)
        planned = self.when(tbl, "planned", key)
        reached = self.when(tbl, "reached", key, allow_true=True)
        stage = self.text(tbl, "stage", key)
        if stage and stage not in stages:
            self.problem(f"{key}.stage", said("expected_stage", names=", ".join(stages) or said("none_defined"),
                                              got=stage))
            return None
        source = self.text(tbl, "source", key, limit=TEXT_LIMIT)
        en = self.english(tbl, key, ("name",))
        responsible, person = self.text(tbl, "responsible", key), self.text(tbl, "person", key)
        if None in (name, stage, source, en, responsible, person) or planned is False or reached is False:
            return None
        done = reached is True or reached is not None
        return Milestone(name, planned, None if reached is True else reached, done, stage or None, source, en,
                         responsible, person)

    def when(self, tbl: dict, name: str, key: str, allow_true: bool = False):
        """A When from a date (2024-09-30), a month ("2024-09") or a year ("2024", within the year);
        with `allow_true`, also `true` (it happened; the source gives no date). None when absent,
        False after reporting a problem."""
        if name not in tbl:
            return None
        value = tbl[name]
        if allow_true and value is True:
            return True
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return When(value, value, value.isoformat())
        if isinstance(value, str):
            match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", value)
            if match and 1900 <= int(match[1]) <= 2200 and (match[2] is None or 1 <= int(match[2]) <= 12):
                year = int(match[1])
                if match[2] is None:
                    return When(dt.date(year, 1, 1), dt.date(year, 12, 31), value)
                month = int(match[2])
                last = days_in_month(year, month)
                return When(dt.date(year, month, 1), dt.date(year, month, last), value)
        self.problem(f"{key}.{name}", said("expected_period_or_true" if allow_true else "expected_period",
                                           got=describe(value)))
        return False

TOP_KEYS = {"meta", "target", "figure", "event", "stage", "layout", "project", "task", "initiative"}
INITIATIVE_KEYS = {"name", "what", "pane", "source", "en"}
META_KEYS = {"district", "city", "year", "as_of", "title", "source", "en"}
TARGET_KEYS = fields.keys(fields.TARGET)
SUB_FIGURE_KEYS = {"id", "label", "group", "source", "en"} | QUANTITY_KEYS
FIGURE_KEYS = SUB_FIGURE_KEYS | {"pane", "headline"}
EVENT_KEYS = {"date", "title", "note", "source", "figure", "en"}
STAGE_KEYS = {"name", "count", "note", "source", "en", "id", "label", "group", "target"}
LAYOUT_KEYS = {"name", "belt", "belt_note", "source", "axis", "en"}
AXIS_KEYS = {"id", "road", "theme", "note", "source", "en"}
PROJECT_KEYS = fields.keys(fields.PROJECT)
# How each field of a project is read, in the table's order: (key, attribute, kind, required, the
# longest text); kind None for a text read as it is.
_PROJECT_READ = tuple((f.key, f.attr, None if f.kind in (fields.ID, fields.TEXT, fields.LONG, fields.UNIT) else f.kind,
                       f.required, TEXT_LIMIT if f.kind == fields.LONG else NAME_LIMIT) for f in fields.PROJECT)
_PROJECT_CHOICES = tuple(f.attr for f in fields.PROJECT if f.kind in (fields.STAGE, fields.AXIS))
_PROJECT_ENGLISH = fields.english_keys(fields.PROJECT)
MILESTONE_KEYS = {"name", "planned", "reached", "stage", "source", "en", "responsible", "person"}

REQUEST_KEYS = {"what", "raised", "resolved", "responsible", "person", "source", "en"}
TASK_KEYS = {"id", "name", "area", "deadline", "done", "responsible", "person", "source", "en"}


def written_ids(raw: list[tuple[str, dict]]) -> list[str]:
    """The ids of `raw` tables as written (text ones), whether or not the rest of each table is right."""
    return list(dict.fromkeys(t["id"] for _, t in raw if isinstance(t, dict) and isinstance(t.get("id"), str) and t["id"]))
