"""The journal: updates recorded in the app or by `erqi-tui record`, kept as `[[update]]` entries of
`<data>.journal.toml` beside the data file, and applied over it in order on every load. No Textual.

The hand-kept data file is never rewritten (a TOML writer would drop its comments). An entry says when
it was recorded (`at`), the day the figure stands at (`date`), who, an optional note, and what it sets;
or it withdraws (撤销) an earlier entry by its number: the journal only grows, and a withdrawn entry
stays in it, shown struck out in the history. Writing, under the journal's lock, is store.record's.

Because it only grows, what applying it gave is kept (a Replay) with the fingerprint of the bytes it
was read from: a write or a reload that finds the file still beginning with those bytes parses and
applies only what was appended since (`extend`), and gets what reading it whole would give.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
from pathlib import Path
from typing import Any, NamedTuple

from ..core import fields
from ..core.model import Briefing, Change, Dashboard, Milestone, Project, Quantity, Request, Target, Task, Update, When, Withdrawal, reached_status
from ..core.problems import DataError, said
from .validate import NAME_LIMIT, TEXT_LIMIT, Validator, parse

HEADER = (
    "# erqi-tui journal: updates recorded in the dashboard, applied in order over the data file\n"
    "# beside it. Written by erqi-tui; the data file itself is never rewritten.\n"
)

# What an update may change, per kind: the fields the table of fields (core/fields) marks editable.
TARGET_FIELDS = tuple(f.key for f in fields.editable(fields.TARGET))
PROJECT_FIELDS = (*(f.key for f in fields.editable(fields.PROJECT)), "milestone", "request", "resolve")
# In a project update, on the update's date: `milestone = "开业"`: that step was reached;
# `request = "…"` (or a table with what, responsible, person): an enterprise request was raised;
# `resolve = "…"`: the open request with that text was resolved.
TASK_FIELDS = ("done",)  # `done = true`: the task was finished on the update's date
QUANTITY_FIELDS = {f.key for f in fields.editable(fields.TARGET + fields.PROJECT, fields.AMOUNT)}
LONG_FIELDS = {f.key for f in fields.editable(fields.PROJECT, fields.LONG)} | {"resolve"}  # up to TEXT_LIMIT
KINDS = ("target", "project", "task")
# What each field and kind is called where an update is shown (the history, `record`'s line), in
# Chinese: i18n.tr gives the English.
FIELD_NAMES = {**{f.key: f.zh for f in fields.editable(fields.TARGET + fields.PROJECT)},
               "milestone": "节点", "request": "提出诉求", "resolve": "诉求办结", "done": "任务完成"}
KIND_NAMES = {"target": "目标", "project": "项目", "task": "任务"}
UPDATE_KEYS = {"at", "date", "who", "note", "new", "set", "withdraw", *KINDS}
BRIEFING_KEYS = {"at", "date", "who", "note"}


def journal_path(data_path: Path) -> Path:
    return data_path.with_name(data_path.stem + ".journal.toml")


def appended(old: str, update: Update) -> str:
    """The journal text `old` with `update` appended as a `[[update]]` entry. Journals of erqi-tui
    0.1 held their entries in one inline array, which TOML does not let a later `[[update]]`
    extend: such a journal is written out once in the entry form (same entries, same order)."""
    return _append(old, entry_text(update))


def appended_all(old: str, updates: list[Update]) -> str:
    """`appended` for each of `updates` in turn, in one pass: appending an import's rows one at a
    time copied the growing text for each, and 60,000 rows took two minutes."""
    if not updates:
        return old
    parts = [appended(old, updates[0])]
    for update in updates[1:]:
        parts.append(_separator(parts[-1]) + entry_text(update))  # the text so far ends as parts[-1] does
    return "".join(parts)


def appended_briefing(old: str, briefing: Briefing) -> str:
    """The journal text `old` with a `[[briefing]]` mark appended."""
    entry: dict[str, Any] = {"at": briefing.at, "who": briefing.who, "date": briefing.date}
    if briefing.note:
        entry["note"] = briefing.note
    return _append(old, entry_block(entry, "briefing"))


def _append(old: str, block: str) -> str:
    if isinstance(_top_level(old).get("update"), list):  # erqi-tui 0.1's inline array: rewritten once as entries
        document = tomllib.loads(old)  # all of it: _top_level read the keys before the first table
        old = HEADER + "".join("\n" + entry_block(entry) for entry in document["update"])
        old += "".join("\n" + entry_block(entry, "briefing") for entry in document.get("briefing", []))
    return old + _separator(old) + block


def _top_level(text: str) -> dict:
    """The keys `text` sets before its first table (an inline `update = [...]` is one), as parsed,
    not looked for as words (a note may say "[[update]]"). Only the part before the first line that
    opens with `[` is read, so a long journal is not parsed again: every top-level key comes before
    the first table header, and a cut that falls inside a string or an array does not parse, so the
    whole text is read then. Text that is not TOML has none: appending to it gives a journal its
    reader reports."""
    header = _TABLE_LINE.search(text)
    for part in (text,) if header is None else (text[:header.start()], text):
        try:
            return tomllib.loads(part)
        except tomllib.TOMLDecodeError:
            continue
    return {}


_TABLE_LINE = re.compile(r"^[ \t]*\[", re.MULTILINE)


def _separator(text: str) -> str:
    """What goes between journal text ending as `text` does and the next entry: a blank line."""
    return "" if text.endswith("\n\n") or not text else "\n" if text.endswith("\n") else "\n\n"


def entry_block(entry: dict, kind: str = "update") -> str:
    """One journal entry as a `[[update]]` (or `[[briefing]]`) table, its `set` as sub-tables below it."""
    import tomli_w  # only a session that records pays for it

    text = tomli_w.dumps({kind: entry})
    return f"[[{kind}]]" + text[len(f"[{kind}]"):]  # tomli_w writes a lone table; the entry is one of many


def entry_text(update: Update) -> str:
    """`update` as the TOML text appended to the journal."""
    entry: dict[str, Any] = {"at": update.at, "who": update.who}
    if update.withdraw:
        entry["withdraw"] = update.withdraw
    else:
        entry["date"] = update.date
    if update.note:
        entry["note"] = update.note
    if not update.withdraw:
        entry[update.kind] = update.id
        if update.new:
            entry["new"] = True
        entry["set"] = {k: _to_toml_value(v) for k, v in update.changes.items()}
    return entry_block(entry)


def _to_toml_value(value: Any) -> Any:
    if isinstance(value, Quantity):
        out: dict[str, Any] = {"value": value.value, "unit": value.unit}
        if value.at_least:
            out["at_least"] = True
        if value.approx:
            out["approx"] = True
        return out
    return value


def apply(base: Dashboard, path: Path, text: str) -> Dashboard:
    """`base` (the data file) with the journal `text` (read from `path`) applied. DataError names
    every entry that does not apply, by the journal's file, line and key."""
    return JournalReader(path, text, base).apply(parse(path, text))


class Replay(NamedTuple):
    """The journal as far as it was read, and the state applying it left, from which the entries
    appended since are applied (`extend`). Never changed once made: a later state is a new Replay."""

    base: Dashboard  # the data file it was applied over
    size: int  # the bytes read...
    digest: bytes  # ...and their hash: the file must still begin with exactly these
    hasher: Any  # the hash as it stood after them, to go on with the bytes appended
    bom: bool  # they began with one, which a write does not write back
    chars: int  # the length of their text
    dashboard: Dashboard
    count: int  # [[update]] entries
    targets: dict
    projects: dict | None
    tasks: dict | None
    changes: list
    briefings: list
    withdrawn: dict
    withdrawals: frozenset  # the numbers of the entries that are withdrawals
    undo: list  # per update, in order: (len(changes) before it, then (table, id, what it replaced)...)


def _digest(data: bytes) -> "hashlib._Hash":
    return hashlib.blake2b(data, digest_size=32)


def replayed(base: Dashboard, path: Path, text: str, data: bytes) -> Replay:
    """`apply`, keeping the state it leaves; `data` are the bytes `text` was decoded from."""
    reader = JournalReader(path, text, base)
    dashboard = reader.apply(parse(path, text))
    return reader.kept(dashboard, data, _digest(data), len(text))


def extend(replay: Replay | None, base: Dashboard, path: Path, data: bytes) -> tuple[Replay, str]:
    """The journal whose bytes are now `data` applied over `base`, and its text: from `replay`
    when `data` still begins with the bytes it was read from (only what follows them is parsed and
    applied), else read whole. DataError as `apply` raises it."""
    if replay is not None and replay.base is base and len(data) >= replay.size:
        hasher = _digest(memoryview(data)[:replay.size])
        if hasher.digest() == replay.digest:
            tail = data[replay.size:]
            try:
                tail_text = tail.decode("utf-8")
            except UnicodeDecodeError:
                tail_text = None
            if tail_text is not None:
                text = (data[:replay.size].decode("utf-8-sig") if replay.size else "") + tail_text
                if not tail:
                    return replay, text
                hasher.update(tail)
                after = _extended(replay, path, text, tail_text, data, hasher)
                if after is not None:
                    return after, text
    from . import files  # the reader's checks and messages (UTF-16, GBK) for the whole text

    text = files.decode(path, data)
    return replayed(base, path, text, data), text


def appended_text(replay: Replay, path: Path, text: str, new: str) -> Replay:
    """`replay` (of the journal `text`) with the journal `new` applied, `new` being `text` with
    entries appended (`appended`, `appended_briefing`, `appended_all`): only those are parsed, unless
    `new` is not `text` continued (a 0.1 journal rewritten as entries: read whole)."""
    if replay.chars == len(text) and new.startswith(text):
        if replay.bom:  # not written back: the bytes differ from the start
            data = new.encode("utf-8")
            hasher = _digest(data)
        else:  # only the bytes appended are encoded and hashed
            data = new[len(text):].encode("utf-8")
            hasher = replay.hasher.copy()
            hasher.update(data)
            data = replay.size + len(data)
        after = _extended(replay, path, new, new[len(text):], data, hasher)
        if after is not None:
            return after
    return replayed(replay.base, path, new, new.encode("utf-8"))


# The first line that is not blank or a comment, in the text appended since the last read: it must
# open an entry, or the text belongs to the last entry read (read whole then).
_FIRST_LINE = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*(\S[^\n]*)?")
_ENTRY_HEADER = re.compile(r"\[\[[ \t]*(update|briefing)[ \t]*\]\][ \t]*(?:#[^\n]*)?\r?$")
_ENTRY_LINE = re.compile(r"^[ \t]*\[\[[ \t]*(update|briefing)[ \t]*\]\][ \t]*(?:#.*)?$", re.MULTILINE)


def _extended(replay: Replay, path: Path, text: str, tail: str, data: bytes | int, hasher: Any) -> Replay | None:
    """`replay` with `tail` (the end of the journal `text`, after what `replay` read) applied, or
    None when that cannot be done by itself (the tail does not start an entry, does not parse, or
    has a problem: reading the whole text then gives what a full read gives, its error included)."""
    if len(tail) != len(text) and not text.endswith("\n", 0, len(text) - len(tail)):
        return None  # a line cut in two: the tail may continue the last entry's last line
    first = _FIRST_LINE.match(tail)
    if first is None or (first.group(1) is not None and not _ENTRY_HEADER.match(first.group(1))):
        return None
    try:
        document = tomllib.loads(tail)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        return None
    if not document.keys() <= {"update", "briefing"} or not all(isinstance(v, list) for v in document.values()):
        return None
    reader = JournalReader.resume(replay, path, text)
    for index, entry in enumerate(document.get("briefing", []), start=len(replay.briefings) + 1):
        if reader.table(entry, f"briefing[{index}]", BRIEFING_KEYS) is not None:
            reader.briefings.append(reader.briefing(f"briefing[{index}]", entry))
    entries = []
    for index, entry in enumerate(document.get("update", []), start=replay.count + 1):
        if reader.table(entry, f"update[{index}]", UPDATE_KEYS) is not None:
            entries.append((f"update[{index}]", entry))
    if reader.problems:
        return None
    reader.count = replay.count + len(document.get("update", []))
    reader.withdraw_all(entries)
    if reader.problems:
        return None
    # An entry read before that is withdrawn now does something else, and so may every one after it
    # (what they replaced, whether they apply): from the earliest of them on, they are applied again.
    earliest = min((entry["withdraw"] for key, entry in entries
                    if "withdraw" in entry and entry["withdraw"] <= replay.count), default=None)
    if earliest is not None:
        again = _entries_from(text, len(text) - len(tail), earliest, replay)
        if again is None:
            return None
        reader.rewind(earliest)
        entries = again + entries
    reader.apply_all(entries)
    if reader.problems or None in reader.briefings:
        return None
    return reader.kept(reader.dashboard(), data, hasher, len(text))


def _entries_from(text: str, end: int, seq: int, replay: Replay) -> list[tuple[str, dict]] | None:
    """The [[update]] entries of `text` (up to `end`) from number `seq` on, parsed again (a
    withdrawal of one of them changes what they do), or None when they cannot be told apart by their
    header lines: read whole then. Found from the end, so a recent one is found at once: every "[["
    on the way must open an entry's line, and the entries found must be as many as there are from
    `seq` on, the first stamped as update `seq` was (a header inside a note fails one of these)."""
    number, position, start = replay.count + 1, end, -1
    while number > seq:
        position = text.rfind("[[", 0, position)
        if position < 0:
            return None
        line = text.rfind("\n", 0, position) + 1
        close = text.find("\n", position, end)
        header = _ENTRY_LINE.match(text, line, end if close < 0 else close)
        if header is None:
            return None
        if header.group(1) == "update":
            number, start = number - 1, line
        position = line
    try:
        document = tomllib.loads(text[start:end])
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        return None
    entries = document.get("update")
    if not isinstance(entries, list) or len(entries) != replay.count - seq + 1 or not isinstance(entries[0], dict):
        return None
    following = replay.undo[seq][0] if seq < replay.count else len(replay.changes)
    if any(c.at != entries[0].get("at") or c.who != entries[0].get("who")
           for c in replay.changes[replay.undo[seq - 1][0]:following]):
        return None
    return [(f"update[{index}]", entry) for index, entry in enumerate(entries, start=seq)]


_ABSENT = object()  # in an undo record: the id was not there before


def _seq(key: str) -> int:
    """The entry number in a key path such as `update[12]`."""
    return int(key.rpartition("[")[2].rstrip("]"))


class JournalReader(Validator):
    """Checks each [[update]] against the dashboard as it stands after the ones before it."""

    def __init__(self, path: Path, text: str, base: Dashboard) -> None:
        super().__init__(path, text)
        self.base = base
        self.targets = {t.id: t for t in base.targets}
        self.projects: dict[str, Project] | None = None  # indexed only once a project changes
        self.tasks: dict[str, Task] | None = None  # likewise a task
        self.changes: list[Change] = list(base.changes)
        self.withdrawn: dict[int, Withdrawal] = {}
        self.withdrawals: set[int] = set()
        self.briefings: list[Briefing | None] = []
        self.count = 0
        self.undo: list[tuple] = []
        self.log: list = []  # what the entry being applied replaced: (table, id, old value)...

    @classmethod
    def resume(cls, replay: Replay, path: Path, text: str) -> JournalReader:
        """A reader in the state `replay` kept, on copies: the Replay itself is never changed."""
        reader = cls(path, text, replay.base)
        reader.targets = dict(replay.targets)
        reader.projects = None if replay.projects is None else dict(replay.projects)
        reader.tasks = None if replay.tasks is None else dict(replay.tasks)
        reader.changes = list(replay.changes)
        reader.withdrawn = dict(replay.withdrawn)
        reader.withdrawals = set(replay.withdrawals)
        reader.briefings = list(replay.briefings)
        reader.count = replay.count
        reader.undo = list(replay.undo)
        return reader

    def kept(self, dashboard: Dashboard, data: bytes | int, hasher: Any, chars: int) -> Replay:
        """What was read (`data`, its bytes or their number when they did not begin with a BOM) and
        applied, kept."""
        bom = not isinstance(data, int) and data.startswith(b"\xef\xbb\xbf")
        size = data if isinstance(data, int) else len(data)
        return Replay(self.base, size, hasher.digest(), hasher, bom, chars, dashboard, self.count, self.targets, self.projects, self.tasks,
                      self.changes, self.briefings, self.withdrawn, frozenset(self.withdrawals), self.undo)

    def apply(self, document: dict) -> Dashboard:
        self.table(document, "", {"update", "briefing"})
        self.briefings = [self.briefing(key, entry) for key, entry in self.tables(document, "briefing", BRIEFING_KEYS)]
        entries = self.tables(document, "update", UPDATE_KEYS)
        self.count = len(document["update"]) if isinstance(document.get("update"), list) else 0
        self.withdraw_all(entries)  # withdrawals first: a withdrawn entry is never applied
        self.apply_all(entries)
        if self.problems:
            raise DataError(self.problems)
        return self.dashboard()

    def withdraw_all(self, entries: list[tuple[str, dict]]) -> None:
        self.withdrawals.update(_seq(key) for key, entry in entries if "withdraw" in entry)
        for key, entry in entries:
            if "withdraw" in entry:
                self.withdrawal(key, entry)

    def apply_all(self, entries: list[tuple[str, dict]]) -> None:
        """Each update in turn, noting for each what it replaced, so that it can be taken back."""
        undo = self.undo
        for key, entry in entries:
            before = len(self.changes)
            if "withdraw" in entry:
                undo.append((before,))
                continue
            self.log = log = []
            self.entry(_seq(key), key, entry)
            undo.append((before, *log))

    def rewind(self, seq: int) -> None:
        """Back to the state before update `seq` was applied: what each later one replaced put back."""
        for record in reversed(self.undo[seq - 1:]):
            for index in range(len(record) - 3, 0, -3):
                table, ident, old = getattr(self, record[index]), record[index + 1], record[index + 2]
                if old is _ABSENT:
                    del table[ident]
                else:
                    table[ident] = old
        del self.changes[self.undo[seq - 1][0]:]
        del self.undo[seq - 1:]

    def put(self, table: str, ident: str, value: Target | Project | Task) -> None:
        """`value` in place of what `table` (targets, projects, tasks) holds as `ident`, noted."""
        items = getattr(self, table)
        self.log += (table, ident, items.get(ident, _ABSENT))
        items[ident] = value

    def dashboard(self) -> Dashboard:
        dashboard = self.base._replace(targets=tuple(self.targets.values()), changes=tuple(self.changes),
                                       journal_entries=self.count, briefings=tuple(b for b in self.briefings if b))
        if self.projects is not None:
            dashboard = dashboard._replace(projects=tuple(self.projects.values()))
        if self.tasks is not None:
            dashboard = dashboard._replace(tasks=tuple(self.tasks.values()))
        return dashboard

    def stamp(self, key: str, tbl: dict) -> tuple | None:
        at = tbl.get("at")
        if not isinstance(at, dt.datetime):
            self.problem(f"{key}.at", said("expected_recorded_at", example="2024-06-10T09:30:00"))
            return None
        who = self.text(tbl, "who", key, required=True)
        note = self.text(tbl, "note", key, limit=TEXT_LIMIT)
        return None if None in (who, note) else (at, who, note)

    def briefing(self, key: str, tbl: dict) -> Briefing | None:
        stamp = self.stamp(key, tbl)
        date = self.date(tbl, "date", key)
        return None if stamp is None or date is None else Briefing(date, *stamp)

    def withdrawal(self, key: str, tbl: dict) -> None:
        """Update `withdraw` taken back. A withdrawal is final (it cannot itself be withdrawn), so the
        updates in force only ever lose members, and an update may be withdrawn once none of them
        depends on it, whatever order its dependants were withdrawn in: a withdrawn update is checked
        for its form but not against the project or request it changed, which may be withdrawn too."""
        stamp = self.stamp(key, tbl)
        target = tbl.get("withdraw")
        seq = _seq(key)
        if target.__class__ is not int or not 1 <= target < seq:
            self.problem(f"{key}.withdraw", said("withdraw_number", last=seq - 1, got=repr(target)[:100]))
            return
        if target in self.withdrawals:
            self.problem(f"{key}.withdraw", said("withdraw_withdrawal", seq=target))
            return
        if target in self.withdrawn:
            self.problem(f"{key}.withdraw", said("already_withdrawn", seq=target, by=self.withdrawn[target].seq))
            return
        extra = set(tbl) - {"at", "who", "note", "withdraw"}
        if extra:
            self.problem(f"{key}.{sorted(extra)[0]}", said("withdrawal_keys"))
            return
        if stamp is not None:
            self.withdrawn[target] = Withdrawal(seq, *stamp)

    def entry(self, seq: int, key: str, tbl: dict) -> None:
        stamp = self.stamp(key, tbl)
        date = self.date(tbl, "date", key)
        new = self.boolean(tbl, "new", key)
        changes = self.table(tbl.get("set", {}), f"{key}.set",
                             set(PROJECT_FIELDS) | set(TARGET_FIELDS) | set(TASK_FIELDS))
        if None in (stamp, date, changes):
            return
        kinds = [kind for kind in KINDS if kind in tbl]
        if len(kinds) != 1:
            self.problem(key, said("target_or_project"))
            return
        kind = kinds[0]
        ident = self.text(tbl, kind, key, required=True)
        if ident is None:
            return
        context = (date, *stamp, seq, self.withdrawn.get(seq))
        if kind == "target":
            self.update_target(key, ident, changes, context)
        elif kind == "task":
            self.update_task(key, ident, changes, context)
        else:
            self.update_project(key, ident, changes, new, context)

    def update_target(self, key: str, ident: str, changes: dict, context: tuple) -> None:
        target = self.targets.get(ident)
        if target is None:
            known = ", ".join(self.targets)[:200] or said("none_defined")
            self.problem(f"{key}.target", said("expected_id_of", kind="target", ids=known, got=ident[:100]))
            return
        if not self.only(key, changes, TARGET_FIELDS, "a_target"):
            return
        values = self.values(key, changes)
        if values is None:
            return
        current = values.get("current")
        if current is not None and current.unit != target.target.unit:
            self.problem(f"{key}.set.current.unit", said("target_unit", unit=target.target.unit, got=current.unit))
            return
        self.record("target", target, values, context, old_date=target.as_of or self.base.meta.as_of)
        date, withdrawn = context[0], context[-1]
        # A figure recorded for an earlier date than the one in force (a late report of last month)
        # joins the history without replacing the newer figure.
        if withdrawn is None and "current" in values and date >= (target.as_of or self.base.meta.as_of):
            self.put("targets", ident, target._replace(current=values["current"], as_of=date))

    def only(self, key: str, changes: dict, fields: tuple[str, ...], what: str) -> bool:
        for field in changes:
            if field not in fields:
                self.problem(f"{key}.set.{field}", said("update_sets_only", what=said(what), fields=", ".join(fields)))
                return False
        return True

    def update_task(self, key: str, ident: str, changes: dict, context: tuple) -> None:
        """A task finished (`done = true`) on the update's date."""
        if self.tasks is None:
            self.tasks = {t.id: t for t in self.base.tasks}
        task = self.tasks.get(ident)
        if task is None:
            known = ", ".join(list(self.tasks)[:20])[:200] or said("none_listed")
            self.problem(f"{key}.task", said("expected_id_of", kind="task", ids=known, got=str(ident)[:100]))
            return
        if not self.only(key, changes, TASK_FIELDS, "a_task"):
            return
        if changes.get("done") is not True:
            self.problem(f"{key}.set.done", said("expected_done", got=repr(changes.get("done"))[:100]))
            return
        if task.done:
            self.problem(f"{key}.task", said("task_finished", id=ident))
            return
        date, withdrawn = context[0], context[-1]
        self.changes.append(Change("task", ident, "done", None, "✓", date, *context[1:]))
        if withdrawn is None:
            self.put("tasks", ident, task._replace(finished=When(date, date, date.isoformat()), done=True))

    def update_project(self, key: str, ident: str, changes: dict, new: bool, context: tuple) -> None:
        if self.projects is None:
            self.projects = {p.id: p for p in self.base.projects}
        existing = self.projects.get(ident)
        withdrawn = context[-1]
        gone = False  # a withdrawn update of a project whose adding was withdrawn after it
        if new and existing is not None:
            self.problem(f"{key}.project", said("new_project_id_taken", id=ident))
            return
        if not new and existing is None:
            if withdrawn is None:
                self.problem(f"{key}.project", said("expected_project_id", got=ident))
                return
            # It changes nothing, and stays in the history: its project, withdrawn since, is shown
            # as it was before it was added (nothing), not held against it (see `withdrawal`).
            existing, gone = Project(id=ident, name=""), True
        if not self.only(key, changes, PROJECT_FIELDS, "a_project"):
            return
        if new and not changes.get("name"):
            self.problem(f"{key}.set.name", said("new_project_name"))
            return
        values = self.values(key, changes)
        if values is None:
            return
        stages = [s.name for s in self.base.stages]
        if values.get("status") and stages and values["status"] not in stages:
            self.problem(f"{key}.set.status", said("expected_stage", names=", ".join(stages), got=values["status"]))
            return
        axes = [a.id for a in self.base.layout.axes]
        if values.get("axis") and values["axis"] not in axes:
            self.problem(f"{key}.set.axis", said("expected_id_of", kind="layout.axis", ids=", ".join(axes),
                                                 got=values["axis"]))
            return
        for optional in ("status", "axis"):
            if optional in values and not values[optional]:
                values[optional] = None
        for field, act in (("milestone", self.reach), ("request", self.raise_request),
                           ("resolve", self.resolve_request)):
            value = values.pop(field, None)
            if value is None:
                continue
            if new:
                self.problem(f"{key}.set.{field}", said("field_needs_project", field=field))
                return
            if act(f"{key}.set.{field}", existing, value, context) is False:
                return
            existing = self.projects.get(ident, existing)
        if not values:
            return
        if new:
            project = Project(id=ident, name=values.pop("name"))
            self.record("project", project, {"name": project.name, **values}, context, created=True)
            if withdrawn is None:
                self.put("projects", ident, project._replace(**values))
            return
        self.record("project", existing, values, context, created=gone)
        if withdrawn is None:
            self.put("projects", ident, existing._replace(**values))

    def raise_request(self, key: str, project: Project, request: Request, context: tuple) -> bool:
        """An enterprise request raised on the update's date (its text new to the project)."""
        if any(r.what == request.what for r in project.requests):
            self.problem(key, said("request_exists", what=request.what[:200]))
            return False
        date, withdrawn = context[0], context[-1]
        self.changes.append(Change("project", project.id, "request", None, request.what, date, *context[1:]))
        if withdrawn is None:
            raised = request._replace(raised=When(date, date, date.isoformat()))
            self.put("projects", project.id, project._replace(requests=(*project.requests, raised)))
        return True

    def resolve_request(self, key: str, project: Project, what: str, context: tuple) -> bool:
        """The open request `what` of `project` resolved on the update's date."""
        date, withdrawn = context[0], context[-1]
        open_ones = [r.what for r in project.requests if not r.done]
        index = next((i for i, r in enumerate(project.requests) if r.what == what and not r.done), None)
        if index is None and withdrawn is not None:  # its raising withdrawn since: it stays in the history
            self.changes.append(Change("project", project.id, "resolve", what, f"{what} ✓", date, *context[1:]))
            return True
        if index is None:
            known = "; ".join(open_ones)[:200] or said("none")
            self.problem(key, said("expected_open_request", id=project.id, open=known, got=what[:100]))
            return False
        request = project.requests[index]
        if request.raised and date < request.raised.first:
            self.problem(key, said("resolved_before_raised", date=date.isoformat(), raised=request.raised.text))
            return False
        self.changes.append(Change("project", project.id, "resolve", what, f"{what} ✓", date, *context[1:]))
        if withdrawn is None:
            requests = list(project.requests)
            requests[index] = request._replace(resolved=When(date, date, date.isoformat()), done=True)
            self.put("projects", project.id, project._replace(requests=tuple(requests)))
        return True

    def reach(self, key: str, project: Project, name: str, context: tuple) -> bool:
        """Step `name` of `project` reached on the update's date: a step not listed is added as
        reached; one naming a stage moves the status on (to the furthest stage reached)."""
        date, withdrawn = context[0], context[-1]
        steps = list(project.milestones)
        index = next((i for i, m in enumerate(steps) if m.name == name), None)
        before = steps[index] if index is not None else None
        reached = Milestone(name) if before is None else before
        reached = reached._replace(reached=When(date, date, date.isoformat()), done=True)
        old = None if before is None else (f"{name} ✓" if before.done else
                                           f"{name}（{before.planned.text}）" if before.planned else name)
        self.changes.append(Change("project", project.id, "milestone", old, f"{name} ✓", date, *context[1:]))
        if withdrawn is not None:
            return True
        if index is None:
            steps.append(reached)
        else:
            steps[index] = reached
        stages = [s.name for s in self.base.stages]
        self.put("projects", project.id, project._replace(milestones=tuple(steps),
                                                          status=reached_status(tuple(steps), stages, project.status)))
        return True

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
            elif field == "request":
                request = self.request(changes, where)
                if request is None:
                    return None
                out[field] = request
            else:
                text = self.text(changes, field, where,
                                 limit=TEXT_LIMIT if field in LONG_FIELDS else NAME_LIMIT)
                if text is None:
                    return None
                out[field] = text
        return out

    def request(self, changes: dict, where: str) -> Request | None:
        """`request = "…"`, or `request = { what = "…", responsible = "…", person = "…" }`."""
        raw = changes["request"]
        if isinstance(raw, str):
            raw = {"what": raw}
        key = f"{where}.request"
        tbl = self.table(raw, key, {"what", "responsible", "person"})
        if tbl is None:
            return None
        what = self.text(tbl, "what", key, required=True, limit=TEXT_LIMIT)
        responsible, person = self.text(tbl, "responsible", key), self.text(tbl, "person", key)
        return None if None in (what, responsible, person) else Request(what, responsible=responsible, person=person)

    def record(self, kind: str, item: Target | Project, values: dict, context: tuple, created: bool = False,
               old_date: dt.date | None = None) -> None:
        date, at, who, note, seq, withdrawn = context
        for field, value in values.items():
            old = None if created else getattr(item, field)
            self.changes.append(Change(kind, item.id, field, old, value, date, at, who, note, seq, withdrawn, old_date))
