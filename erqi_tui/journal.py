"""Updates recorded in the app, kept in a journal beside the data file and applied over it on load.

The hand-kept data file is never rewritten (tomli-w would drop its comments). Each update is an
`[[update]]` entry of `<data>.journal.toml`: when it was recorded, the day the figure stands at, who,
an optional note, and what changed. The journal is written whole, atomically, with tomli-w. No Textual.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import tomli_w

from .model import Dashboard, Project, Quantity, Target
from .store import DataError, Validator, load_base, read_text, syntax_problem

HEADER = (
    "# erqi-tui journal: updates recorded in the dashboard, applied in order over the data file\n"
    "# beside it. Written by erqi-tui; the data file itself is never rewritten.\n\n"
)

# What an update may change, per kind.
TARGET_FIELDS = ("current",)
PROJECT_FIELDS = ("name", "status", "axis", "location", "investment", "area", "expected", "note")
QUANTITY_FIELDS = {"current", "investment", "area"}
UPDATE_KEYS = {"at", "date", "who", "note", "target", "project", "new", "set"}


def journal_path(data_path: Path) -> Path:
    return data_path.with_name(data_path.stem + ".journal.toml")


class Change(NamedTuple):
    """One field of one target or project changed by one update: the history officials show (留痕)."""

    kind: str  # "target" or "project"
    id: str
    field: str
    old: Any
    new: Any
    date: dt.date
    at: dt.datetime
    who: str
    note: str


@dataclass(frozen=True)
class Update:
    """An update as the app records it, before it is written."""

    kind: str  # "target" or "project"
    id: str
    changes: dict[str, Any]
    date: dt.date
    who: str
    note: str = ""
    new: bool = False
    at: dt.datetime = dataclasses.field(default_factory=lambda: dt.datetime.now().replace(microsecond=0))

    def to_toml(self) -> dict:
        entry: dict[str, Any] = {"at": self.at, "date": self.date, "who": self.who}
        if self.note:
            entry["note"] = self.note
        entry[self.kind] = self.id
        if self.new:
            entry["new"] = True
        entry["set"] = {k: _to_toml_value(v) for k, v in self.changes.items()}
        return entry


def _to_toml_value(value: Any) -> Any:
    if isinstance(value, Quantity):
        out: dict[str, Any] = {"value": value.value, "unit": value.unit}
        if value.at_least:
            out["at_least"] = True
        return out
    return value


# --- reading and applying ------------------------------------------------------------------------

def apply_journal(base: Dashboard, data_path: Path) -> Dashboard:
    """`base` with the updates of the journal beside `data_path` applied, in order (no journal: base)."""
    path = journal_path(data_path)
    if not path.exists():
        return base
    text = read_text(path)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataError([syntax_problem(path, error, text)]) from None
    return JournalReader(path, text, base).apply(document)


class JournalReader(Validator):
    """Checks each [[update]] against the dashboard as it stands after the ones before it."""

    def __init__(self, path: Path, text: str, base: Dashboard) -> None:
        super().__init__(path, text)
        self.dashboard = base
        self.changes: list[Change] = list(base.changes)

    def apply(self, document: dict) -> Dashboard:
        self.table(document, "", {"update"})
        for key, entry in self.tables(document, "update", UPDATE_KEYS):
            self.entry(key, entry)
        if self.problems:
            raise DataError(self.problems)
        return self.dashboard._replace(changes=tuple(self.changes))

    def entry(self, key: str, tbl: dict) -> None:
        at = tbl.get("at")
        if not isinstance(at, dt.datetime):
            self.problem(f"{key}.at", "expected the date-time the update was recorded, like 2024-06-10T09:30:00")
            return
        date = self.date(tbl, "date", key)
        who = self.text(tbl, "who", key, required=True)
        note = self.text(tbl, "note", key, limit=2000)
        new = self.boolean(tbl, "new", key)
        changes = self.table(tbl.get("set", {}), f"{key}.set", set(PROJECT_FIELDS) | set(TARGET_FIELDS))
        if None in (date, who, note, changes):
            return
        if ("target" in tbl) == ("project" in tbl):
            self.problem(key, 'expected exactly one of target = "id" or project = "id"')
            return
        kind = "target" if "target" in tbl else "project"
        ident = self.text(tbl, kind, key, required=True)
        if ident is None:
            return
        if kind == "target":
            self.update_target(key, ident, changes, (date, at, who, note))
        else:
            self.update_project(key, ident, changes, new, (date, at, who, note))

    def update_target(self, key: str, ident: str, changes: dict, stamp: tuple) -> None:
        target = next((t for t in self.dashboard.targets if t.id == ident), None)
        if target is None:
            known = ", ".join(t.id for t in self.dashboard.targets) or "none defined"
            self.problem(f"{key}.target", f'expected the id of a [[target]] ({known}), got "{ident}"')
            return
        for field in changes:
            if field not in TARGET_FIELDS:
                self.problem(f"{key}.set.{field}", f"a target update may set only: {', '.join(TARGET_FIELDS)}")
                return
        values = self.values(key, changes)
        if values is None:
            return
        current = values.get("current")
        if current is not None and current.unit != target.target.unit:
            self.problem(f"{key}.set.current.unit",
                         f'expected the target\'s unit "{target.target.unit}", got "{current.unit}"')
            return
        self.record("target", target, values, stamp)
        updated = target._replace(**values)
        self.dashboard = self.dashboard._replace(
            targets=tuple(updated if t.id == ident else t for t in self.dashboard.targets))

    def update_project(self, key: str, ident: str, changes: dict, new: bool, stamp: tuple) -> None:
        existing = next((p for p in self.dashboard.projects if p.id == ident), None)
        if new and existing is not None:
            self.problem(f"{key}.project", f'a new project needs an id not yet used; "{ident}" is taken')
            return
        if not new and existing is None:
            self.problem(f"{key}.project", f'expected the id of a [[project]], got "{ident}" '
                                           f'(a new project is written with new = true)')
            return
        if new and not changes.get("name"):
            self.problem(f"{key}.set.name", "a new project needs a name")
            return
        values = self.values(key, changes)
        if values is None:
            return
        stages = [s.name for s in self.dashboard.stages]
        if values.get("status") and stages and values["status"] not in stages:
            self.problem(f"{key}.set.status", f'expected one of the [[stage]] names ({", ".join(stages)}), '
                                              f'got "{values["status"]}"')
            return
        axes = [a.id for a in self.dashboard.layout.axes]
        if values.get("axis") and values["axis"] not in axes:
            self.problem(f"{key}.set.axis", f'expected the id of a [[layout.axis]] ({", ".join(axes)}), '
                                            f'got "{values["axis"]}"')
            return
        for optional in ("status", "axis"):
            if optional in values and not values[optional]:
                values[optional] = None
        if new:
            project = Project(id=ident, name=values.pop("name"))
            self.record("project", project, {"name": project.name, **values}, stamp, created=True)
            project = project._replace(**values)
            self.dashboard = self.dashboard._replace(projects=self.dashboard.projects + (project,))
            return
        self.record("project", existing, values, stamp)
        updated = existing._replace(**values)
        self.dashboard = self.dashboard._replace(
            projects=tuple(updated if p.id == ident else p for p in self.dashboard.projects))

    def values(self, key: str, changes: dict) -> dict | None:
        """The typed values of a `set` table, or None after reporting a problem."""
        out: dict[str, Any] = {}
        for field, raw in changes.items():
            where = f"{key}.set"
            if field in QUANTITY_FIELDS:
                quantity = self.quantity(changes, field, where, required=True)
                if quantity is None:
                    return None
                out[field] = quantity
            else:
                text = self.text(changes, field, where, limit=2000 if field in ("note", "expected") else 200)
                if text is None:
                    return None
                out[field] = text
        return out

    def record(self, kind: str, item: Target | Project, values: dict, stamp: tuple, created: bool = False) -> None:
        date, at, who, note = stamp
        for field, value in values.items():
            old = None if created else getattr(item, field)
            self.changes.append(Change(kind, item.id, field, old, value, date, at, who, note))


# --- writing -------------------------------------------------------------------------------------

class Conflict(Exception):
    """The data file or the journal changed on disk since they were loaded: saving would clobber it."""


def fingerprint(data_path: Path) -> tuple:
    """What identifies the current content of the data file and its journal, cheaply (stat only)."""
    out = []
    for path in (data_path, journal_path(data_path)):
        try:
            st = path.stat()
            out.append((st.st_mtime_ns, st.st_size, st.st_ino))
        except FileNotFoundError:
            out.append(None)
    return tuple(out)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that the file is always either the old or the new content:
    a temporary file in the same folder, flushed and fsynced, then renamed over the old one."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        dir_fd = None  # e.g. Windows: no directory fsync; the rename is still atomic
    if dir_fd is not None:
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    _remove_stale_temporaries(path)


STALE_SECONDS = 600


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files a killed writer left behind (ten minutes old: no save takes that long)."""
    cutoff = time.time() - STALE_SECONDS
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()
        except OSError:
            pass


def record(data_path: Path, update: Update, loaded: tuple, current: Dashboard | None = None) -> Dashboard:
    """Append `update` to the journal and return the dashboard with it applied.

    `current` is the dashboard as read at `loaded` (data file plus journal); given, the update is
    checked against it alone, so a save does not parse a city's 20 MB data file again. Raises
    Conflict if the files changed since `loaded` (their fingerprint when read), and DataError if the
    update would not apply; in both cases nothing is written.
    """
    if fingerprint(data_path) != loaded:
        raise Conflict(f"{data_path} or its journal changed on disk since they were read")
    path = journal_path(data_path)
    entries: list[dict] = []
    if path.exists():
        entries = tomllib.loads(read_text(path)).get("update", [])
    entries.append(update.to_toml())
    text = HEADER + tomli_w.dumps({"update": entries})
    if current is None:
        dashboard = JournalReader(path, text, load_base(data_path)).apply(tomllib.loads(text))
    else:
        entry = HEADER + tomli_w.dumps({"update": entries[-1:]})
        dashboard = JournalReader(path, entry, current).apply(tomllib.loads(entry))
    write_atomic(path, text.encode("utf-8"))
    return dashboard
