"""The journal: updates recorded in the app or by `erqi-tui record`, kept as `[[update]]` entries of
`<data>.journal.toml` beside the data file, and applied over it in order on every load. No Textual.

The hand-kept data file is never rewritten (a TOML writer would drop its comments). An entry says when
it was recorded (`at`), the day the figure stands at (`date`), who, an optional note, and what it sets;
or it withdraws (撤销) an earlier entry by its number: the journal only grows, and a withdrawn entry
stays in it, shown struck out in the history. Writing, under the journal's lock, is store.record's.

Because it only grows, what applying it gave is kept (a Replay) with the fingerprint of the bytes it
was read from: a write or a reload that finds the file still beginning with those bytes parses and
applies only what was appended since (`extend`), and gets what reading it whole would give. The
state is also kept on disk, in the user's cache, for the next process (see "the state kept on disk").
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

from ..core import fields
from ..core.model import Briefing, Change, Dashboard, LazyChanges, Milestone, Project, Quantity, Request, Target, Task, Update, When, Withdrawal, becomes_current, reached_status
from ..core.problems import DataError, said
from .files import journal_path  # noqa: F401 (journal.journal_path, as callers name it)
from .validate import NAME_LIMIT, TEXT_LIMIT, Validator, parse

if TYPE_CHECKING:
    import hashlib

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
# Chinese: lang.tr gives the English (lang, the Lang they are shown in).
FIELD_NAMES = {**{f.key: f.zh for f in fields.editable(fields.TARGET + fields.PROJECT)},
               "milestone": "节点", "request": "提出诉求", "resolve": "诉求办结", "done": "任务完成"}
KIND_NAMES = {"target": "目标", "project": "项目", "task": "任务"}
UPDATE_KEYS = {"at", "date", "who", "note", "new", "set", "withdraw", *KINDS}
BRIEFING_KEYS = {"at", "date", "who", "note"}


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
    # Read from the kept state (see `keep`), the first records of `undo` stay as they were read until
    # a withdrawal needs them: (the marshal bytes of each part, the values they refer to).
    pending: tuple | None = None
    kept: int = 0  # the bytes of the journal whose state is kept on disk (or could not be): see store._kept
    # Read from the kept state, the changes it held, made only when first looked at (a record needs
    # none of them): `changes` are those applied since.
    prefix: _KeptChanges | None = None


def _digest(data: bytes) -> "hashlib._Hash":
    import hashlib  # here: a session with no journal has nothing to fingerprint (OpenSSL's tables)

    return hashlib.sha256(data)  # of the hashes hashlib has, the fastest here (14 MB: 16 ms, BLAKE2b 25)


def replayed(base: Dashboard, path: Path, text: str, data: bytes) -> Replay:
    """`apply`, keeping the state it leaves; `data` are the bytes `text` was decoded from."""
    reader = JournalReader(path, text, base)
    dashboard = reader.apply(parse(path, text))
    return reader.kept(dashboard, data, _digest(data), len(text))


def extend(replay: Replay | None, base: Dashboard, path: Path, data: bytes,
           source: Callable[[], bytes | None] | None = None) -> Replay:
    """The journal whose bytes are now `data` applied over `base`: from `replay`
    when `data` still begins with the bytes it was read from (only what follows them is parsed and
    applied), else from the state kept on disk (the user's cache) when `data` begins with the bytes
    it was made from and `source()` (the data file's digest, None: unknown) is the one it was made
    over, else read whole. DataError as `apply` raises it."""
    if replay is not None and replay.base is base and len(data) >= replay.size:
        hasher = _digest(memoryview(data)[:replay.size])
        if hasher.digest() == replay.digest:
            after = _continued(replay, path, data, hasher)
            if after is not None:
                return after
    if source is not None:
        kept = load_kept(base, path, data, source)
        if kept is not None:
            after = _continued(kept[0], path, data, kept[1])
            if after is not None:
                return after
    from . import files  # the reader's checks and messages (UTF-16, GBK) for the whole text

    return replayed(base, path, files.decode(path, data), data)


def _continued(replay: Replay, path: Path, data: bytes, hasher: Any) -> Replay | None:
    """`replay` with what `data` holds after the bytes it was read from (`hasher`: their hash)
    applied; None when that cannot be done by itself (read whole then)."""
    tail = data[replay.size:]
    if not tail:
        return replay
    try:
        tail_text = tail.decode("utf-8")
    except UnicodeDecodeError:
        return None
    hasher.update(tail)
    return _extended(replay, path, tail_text, data, hasher, data.endswith(b"\n", 0, replay.size),
                     lambda: data.decode("utf-8-sig"))


def appended_bytes(old: bytes | None, addition: str) -> bytes:
    """The journal whose bytes are `old` (None: there is none yet) with `addition` (entries as
    entry_text and entry_block write them, joined as appended_all joins them) appended, as bytes:
    what was read is not decoded and encoded again, but for a BOM (not written back) and a journal of
    erqi-tui 0.1 (written out once as entries: see `appended`)."""
    if old is None:
        return _append(HEADER, addition).encode("utf-8")
    body = old[3:] if old.startswith(b"\xef\xbb\xbf") else old
    header = _TABLE_LINE_BYTES.search(body)
    try:
        top = tomllib.loads(body[:None if header is None else header.start()].decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError, ValueError):
        top = None  # cut inside a string or an array: the text decides, as `_top_level` reads it
    if top is None or isinstance(top.get("update"), list):
        from . import files

        return _append(files.decode(Path("journal"), old), addition).encode("utf-8")
    separator = "" if not body or body.endswith(b"\n\n") else "\n" if body.endswith(b"\n") else "\n\n"
    return body + (separator + addition).encode("utf-8")


_TABLE_LINE_BYTES = re.compile(rb"^[ \t]*\[", re.MULTILINE)


def appended_replay(replay: Replay | None, base: Dashboard, path: Path, old: bytes | None, data: bytes) -> Replay:
    """What the journal `data` gives over `base`, `data` being the journal `old` with entries
    appended (appended_bytes) and `replay` what reading `old` gave: only the entries appended are
    parsed and applied, unless `data` does not continue `old` (read whole). DataError as `apply`."""
    if replay is not None and old is not None and replay.size == len(old):
        start = 3 if replay.bom else 0
        if data.startswith(memoryview(old)[start:]):
            added = memoryview(data)[len(old) - start:]
            if replay.bom:  # not written back: the bytes differ from the start
                hasher, size = _digest(data), data
            else:  # only the bytes appended are hashed
                hasher, size = replay.hasher.copy(), len(data)
                hasher.update(added)
            try:
                tail = bytes(added).decode("utf-8")
            except UnicodeDecodeError:
                tail = None
            if tail is not None:
                after = _extended(replay, path, tail, size, hasher, old.endswith(b"\n"), lambda: data.decode("utf-8"))
                if after is not None:
                    return after
    return replayed(base, path, data.decode("utf-8"), data)


# The first line that is not blank or a comment, in the text appended since the last read: it must
# open an entry, or the text belongs to the last entry read (read whole then).
_FIRST_LINE = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*(\S[^\n]*)?")
_ENTRY_HEADER = re.compile(r"\[\[[ \t]*(update|briefing)[ \t]*\]\][ \t]*(?:#[^\n]*)?\r?$")
_ENTRY_LINE = re.compile(r"^[ \t]*\[\[[ \t]*(update|briefing)[ \t]*\]\][ \t]*(?:#.*)?$", re.MULTILINE)


def _extended(replay: Replay, path: Path, tail: str, data: bytes | int, hasher: Any, ends_line: bool,
              text: Callable[[], str]) -> Replay | None:
    """`replay` with `tail` (the end of the journal, after what `replay` read, which `ends_line` or
    not) applied, or None when that cannot be done by itself (the tail does not start an entry, does
    not parse, or has a problem: reading the whole text then gives what a full read gives, its error
    included). `text()`: the whole journal's text, read only to apply again entries withdrawn since."""
    if replay.chars and not ends_line:
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
    reader = JournalReader.resume(replay, path, "")  # a problem's line is not needed: it means a whole read
    for index, entry in enumerate(document.get("briefing", []), start=len(replay.briefings) + 1):
        if reader.table(entry, f"briefing[{index}]", BRIEFING_KEYS) is not None:
            reader.briefings.append(reader.briefing(f"briefing[{index}]", entry))
    if document.get("briefing") and reader.kept_size:  # the state kept knows what the last briefing
        reader.kept_size = 0  # compares with (model.current_known): kept again with this one (store._kept)
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
        reader.full_undo()
        reader.all_changes()
        whole = text()
        again = _entries_from(whole, len(whole) - len(tail), earliest, replay, reader.undo, reader.changes)
        if again is None:
            return None
        reader.rewind(earliest)
        if replay.pending is not None:  # the state kept on disk needs this rewind too: kept again (store._kept)
            reader.kept_size = 0
        entries = again + entries
    reader.apply_all(entries)
    if reader.problems or None in reader.briefings:
        return None
    return reader.kept(reader.dashboard(), data, hasher, replay.chars + len(tail))


def _entries_from(text: str, end: int, seq: int, replay: Replay, undo: list, changes: list) -> list[tuple[str, dict]] | None:
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
    following = undo[seq][0] if seq < replay.count else len(changes)
    if any(c.at != entries[0].get("at") or c.who != entries[0].get("who")
           for c in changes[undo[seq - 1][0]:following]):
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
        self.pending: tuple | None = None  # see Replay.pending
        self.prefix: _KeptChanges | None = None  # see Replay.prefix
        self.kept_size = 0  # Replay.kept
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
        reader.pending, reader.kept_size, reader.prefix = replay.pending, replay.kept, replay.prefix
        return reader

    def kept(self, dashboard: Dashboard, data: bytes | int, hasher: Any, chars: int) -> Replay:
        """What was read (`data`, its bytes or their number when they did not begin with a BOM) and
        applied, kept."""
        bom = not isinstance(data, int) and data.startswith(b"\xef\xbb\xbf")
        size = data if isinstance(data, int) else len(data)
        return Replay(self.base, size, hasher.digest(), hasher, bom, chars, dashboard, self.count, self.targets, self.projects, self.tasks,
                      self.changes, self.briefings, self.withdrawn, frozenset(self.withdrawals), self.undo,
                      self.pending, self.kept_size, self.prefix)

    def all_changes(self) -> None:
        """The changes read from the kept state, made now and put before those applied since."""
        if self.prefix is not None:
            self.changes[:0] = self.prefix.changes()
            self.prefix = None

    def full_undo(self) -> None:
        """The undo records of the entries read from the kept state (`pending`) put before those
        applied since: a withdrawal of one of them needs them."""
        if self.pending is not None:
            parts, prefix = self.pending
            self.undo[:0] = _undo_records(self.base, parts, prefix.values()[0])
            self.pending = None

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
            before = len(self.changes) if self.prefix is None else self.prefix.count + len(self.changes)
            if "withdraw" in entry:
                undo.append((before,))
                continue
            self.log = log = []
            self.entry(_seq(key), key, entry)
            undo.append((before, *log))

    def rewind(self, seq: int) -> None:
        """Back to the state before update `seq` was applied: what each later one replaced put back."""
        self.full_undo()
        for record in reversed(self.undo[seq - 1:]):
            for index in range(len(record) - 3, 0, -3):
                table, ident, old = getattr(self, record[index]), record[index + 1], record[index + 2]
                if old is _ABSENT:
                    del table[ident]
                else:
                    table[ident] = old
        self.all_changes()
        del self.changes[self.undo[seq - 1][0]:]
        del self.undo[seq - 1:]

    def put(self, table: str, ident: str, value: Target | Project | Task) -> None:
        """`value` in place of what `table` (targets, projects, tasks) holds as `ident`, noted."""
        items = getattr(self, table)
        self.log += (table, ident, items.get(ident, _ABSENT))
        items[ident] = value

    def dashboard(self) -> Dashboard:
        prefix = self.prefix
        changes = tuple(self.changes) if prefix is None else LazyChanges(prefix.changes, prefix.count, tuple(self.changes), prefix.known)
        dashboard = self.base._replace(targets=tuple(self.targets.values()), changes=changes,
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
        if withdrawn is None and "current" in values and \
                becomes_current(target.current, target.as_of or self.base.meta.as_of, date):
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
        # What it was: the step itself where it was planned, so that its date is said in the reader's
        # language (history.shown: 投产（2024-05）, "投产 (2024-05)" in English).
        old = None if before is None else (f"{name} ✓" if before.done else before if before.planned else name)
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


# --- the state kept on disk ------------------------------------------------------------------------
#
# Applying a long journal takes seconds (100,000 updates: some 4 s, two thirds of it tomllib), and a
# new process (`erqi-tui record`, the app starting) has no Replay in memory. So the state a read or a
# write reached is kept in a file of the user's cache (`kept_path`), with what it was made from: the
# journal's first `size` bytes (their length and hash) and the data file (its hash). A reader whose
# journal still begins with those bytes, over that data file, loads it and applies only what follows;
# anything else (the journal rewritten, cut or edited by hand, another data file, another version of
# erqi-tui, a file that is not whole) reads the journal whole and keeps its state again. The file is
# never needed: without it, or when it cannot be written (a read-only folder), every read is whole.
#
# Its format is marshal of plain data (str, int, float, bool, None, tuples, lists, bytes), which
# loads at the speed of C and cannot run code; the records are rebuilt from it column by column
# (100,000 changes in some 60 ms, where pickle took 1.6 s), and only when first looked at (a record
# looks at none; nor does the first frame: what it asks of them, the newest dates in force and each
# target's last value of each day and at the last briefing, is kept beside them as model.Known). marshal is not made to withstand a crafted file, so a kept state is read only from
# a regular file owned by this user that no one else may write (files.read_own), made by this code
# (its stamp) and whole (the CRC it carries of its content): another user's file, a link, a corrupt
# or cut file cost a whole read, never a wrong figure or an error.

from types import MappingProxyType  # noqa: E402 (what only the kept state needs)

from ..core.model import NO_ENGLISH, Known, dates_in_force, current_known  # noqa: E402

KEEP_FROM = 64 * 1024  # bytes applied beyond the state kept before it is kept again (some 450 updates)
KEPT_MAGIC = b"erqi-tui journal state\n"
KEPT_FORMAT = b"1"
_STAMP: list[bytes] = []  # the code's, once worked out


class _Unkeepable(Exception):
    """A value the kept state's format has no way to write: the state is not kept."""


def kept_path(journal_file: Path) -> Path:
    """The file that keeps this user's state of `journal_file`: in the user's cache folder
    ($XDG_CACHE_HOME/erqi-tui, else ~/.cache/erqi-tui), named after the journal and a hash of its
    real path. Not beside the journal: officials who share a folder each keep their own (beside it,
    each replaced the other's, which the other may not trust, and paid a whole read at every turn),
    nothing is added to the user's folder (a read-only session, bundled data) and no file there of
    that name is ever replaced. Not `.toml`: never taken for a data file."""
    import hashlib
    import os

    environ = os.environ
    base = environ.get("XDG_CACHE_HOME") or str(Path(environ.get("HOME", "~")).expanduser() / ".cache")
    try:
        real = os.path.realpath(journal_file)
    except (OSError, ValueError):
        real = os.path.abspath(journal_file)
    digest = hashlib.sha256(os.fsencode(real)).hexdigest()[:20]
    stem = journal_file.name.removesuffix(".journal.toml")[:40]
    return Path(base) / "erqi-tui" / f"{stem}-{digest}.kept"


# The code that makes what the kept state holds: reading the data file and applying the journal.
_MAKERS = ("store/journal.py", "store/validate.py", "store/datafile.py", "store/files.py", "core/model.py",
           "core/fields.py", "core/progress.py", "core/units.py")


def _code_stamp() -> bytes:
    """What the kept state depends on besides the files: its format, Python's version and byte
    order, and the code that made it (_MAKERS), by content: one made by another version is not used."""
    if not _STAMP:
        import sys

        stamp = _digest(KEPT_FORMAT + repr((sys.version_info[:2], sys.byteorder)).encode())
        package = Path(__file__).resolve().parent.parent
        for name in _MAKERS:
            module = package / name
            stamp.update(name.encode() + b"\0" + (module.read_bytes() if module.is_file() else b"") + b"\0")
        _STAMP.append(stamp.digest()[:32])
    return _STAMP[0]


def _model_classes() -> dict[str, type]:
    from ..core import model

    return {name: value for name, value in vars(model).items()
            if isinstance(value, type) and issubclass(value, tuple) and value is not tuple
            and value.__module__ == model.__name__}


_CLASSES: dict[str, type] = {}
_new = tuple.__new__


def _encoded(value: Any) -> Any:
    """`value` (a record, a date, a tuple, a mapping…) as plain data marshal writes; `_decoded` gives
    it back equal, of the same types. _Unkeepable for anything else."""
    kind = value.__class__
    if value is None or kind is str or kind is int or kind is float or kind is bool:
        return value
    if kind is tuple:
        return ("t", *map(_encoded, value))
    if kind.__name__ in _CLASSES and _CLASSES[kind.__name__] is kind:
        return ("N", kind.__name__, *map(_encoded, value))
    if kind is dt.datetime:
        if value.fold or (value.tzinfo is not None and value.tzinfo.__class__ is not dt.timezone):
            raise _Unkeepable(value)
        return ("T", value.isoformat())
    if kind is dt.date:
        return ("D", value.toordinal())
    if value is NO_ENGLISH:
        return ("E",)
    if kind is MappingProxyType or kind is dict:
        if not all(key.__class__ is str for key in value):
            raise _Unkeepable(value)
        return ("P" if kind is MappingProxyType else "d", tuple((key, _encoded(item)) for key, item in value.items()))
    if value is _ABSENT:
        return ("A",)
    raise _Unkeepable(value)


def _decoded(value: Any) -> Any:
    if value.__class__ is not tuple:
        return value
    tag = value[0]
    if tag == "N":
        kind = _CLASSES[value[1]]
        if len(value) - 2 != kind.__new__.__code__.co_argcount - 1:  # a named tuple's fields
            raise ValueError(value[1])
        return _new(kind, map(_decoded, value[2:]))
    if tag == "t":
        return tuple(map(_decoded, value[1:]))
    if tag == "T":
        return dt.datetime.fromisoformat(value[1])
    if tag == "D":
        return dt.date.fromordinal(value[1])
    if tag == "E":
        return NO_ENGLISH
    if tag == "P":
        return MappingProxyType({key: _decoded(item) for key, item in value[1]})
    if tag == "d":
        return {key: _decoded(item) for key, item in value[1]}
    if tag == "A":
        return _ABSENT
    raise ValueError(tag)


def _changed(table: dict | None, base: tuple) -> list | None:
    """What of `table` (targets, projects or tasks by id) is not `base`'s own, in its order."""
    if table is None:
        return None
    before = {item.id: item for item in base}
    return [(ident, _encoded(item)) for ident, item in table.items() if before.get(ident) is not item]


def _rebuilt(changed: list | None, base: tuple) -> dict | None:
    """The table `_changed` wrote: `base`'s items by id, in their order, with those changed in their
    place and those added after them in the order they were added."""
    if changed is None:
        return None
    table = {item.id: item for item in base}
    table.update((ident, _decoded(item)) for ident, item in changed)
    return table


def _kept_bytes(replay: Replay, source: bytes) -> bytes:
    """`replay`'s state in the kept state's format (see above). _Unkeepable when it holds a value the
    format cannot write."""
    import marshal
    import zlib
    from array import array

    if not _CLASSES:
        _CLASSES.update(_model_classes())
    base = replay.base
    words: dict[str, str] = {}  # each text once
    units: list[str] = []

    # The values that changes and undo records refer to, each once, by its place: a Quantity as its
    # four columns (the most of them), the n-th from 0; any other encoded, the n-th as -1 - n (the
    # table read back is the Quantities, then the others from the last: Python's index from the end).
    numbers: list = []
    at_least: list[bool] = []
    approx: list[bool] = []
    others: list = []
    places: dict[int, int] = {}

    def place(value: Any) -> int:
        at = places.get(id(value))
        if at is None:
            if value.__class__ is Quantity and value[0].__class__ in (int, float) and value[1].__class__ is str \
                    and value[2].__class__ is bool and value[3].__class__ is bool:
                at = places[id(value)] = len(numbers)
                numbers.append(value[0])
                units.append(words.setdefault(value[1], value[1]))
                at_least.append(value[2])
                approx.append(value[3])
            else:
                at = places[id(value)] = -1 - len(others)
                others.append(_encoded(value))
        return at

    if replay.pending is not None:  # the records kept before refer to the values by their places then
        table, quantities = replay.pending[1].values()
        for value in (*table[:quantities], *reversed(table[quantities:])):
            place(value)
    dates: list[int] = []
    day_places: dict[dt.date, int] = {}
    moments: list[str] = []
    moment_places: dict[int, int] = {}

    def day(value: dt.date | None) -> int:
        if value is None:
            return -1
        if value.__class__ is not dt.date:
            raise _Unkeepable(value)
        at = day_places.get(value)
        if at is None:
            at = day_places[value] = len(dates)
            dates.append(value.toordinal())
        return at

    def moment(value: dt.datetime) -> int:
        at = moment_places.get(id(value))
        if at is None:
            encoded = _encoded(value)
            if encoded.__class__ is not tuple or encoded[0] != "T":
                raise _Unkeepable(value)
            at = moment_places[id(value)] = len(moments)
            moments.append(encoded[1])
        return at

    withdrawn = replay.withdrawn
    texts: list[list[str]] = [[], [], [], [], []]  # each text once (marshal refers to it again)
    columns = [array("i") for _ in range(6)]
    kinds, ids, fields_, whos, notes = (column.append for column in texts)
    olds, news, days, ats, seqs, old_days = (column.append for column in columns)
    text = words.setdefault
    changes = replay.changes if replay.prefix is None else [*replay.prefix.changes(), *replay.changes]
    for change in changes[len(base.changes):]:
        if change.__class__ is not Change or withdrawn.get(change.seq) is not change.withdrawn:
            raise _Unkeepable(change)
        kind, ident, field, old, new, date, at, who, note, seq, _, old_date = change
        if seq.__class__ is not int:
            raise _Unkeepable(change)
        if not (kind.__class__ is ident.__class__ is field.__class__ is who.__class__ is note.__class__ is str):
            raise _Unkeepable(change)
        kinds(text(kind, kind))
        ids(text(ident, ident))
        fields_(text(field, field))
        olds(place(old))
        news(place(new))
        days(day(date))
        ats(moment(at))
        whos(text(who, who))
        notes(text(note, note))
        seqs(seq)
        old_days(day(old_date))
    # What each update replaced, for a withdrawal of it: the parts kept before as they were, then
    # these, each told by what differs from the data file's own (a target's: its figure and date).
    bases = _bases(base)

    def replaced(table: str, ident: str, old: Any) -> Any:
        if old is _ABSENT:
            return ("A",)
        own = bases[table].get(ident)
        if old is own:
            return ("B",)
        if own is not None and old.__class__ is own.__class__:
            diff: list = ["R"]
            for index, (value, before) in enumerate(zip(old, own)):
                if value is not before:
                    at = places.get(id(value))
                    diff += (index, at if at is not None else ("i", value) if value.__class__ is int else _encoded(value))
            return tuple(diff)
        return _encoded(old)

    records = []
    for record in replay.undo:
        encoded: list = [record[0]]
        for index in range(1, len(record), 3):
            table, ident = record[index], record[index + 1]
            if table not in bases:
                raise _Unkeepable(table)
            encoded += (table, ident, replaced(table, ident, record[index + 2]))
        records.append(tuple(encoded))
    parts = (*(replay.pending[0] if replay.pending is not None else ()), marshal.dumps(records))
    # What the first frame asks of the changes (model.Known), so that it need not make them: each
    # target's values as plain data, decoded only when asked for.
    briefings = [b for b in replay.briefings if b]
    try:  # the one the first frame compares with (series.default_since)
        current = current_known(changes, max(briefings, key=lambda b: b.at) if briefings else None)
    except TypeError:  # moments that do not compare: a comparison reads the changes
        current = current_known(changes)
    known = (*map(_encoded, dates_in_force(changes)), {ident: _encoded(values) for ident, values in current.items()})
    state = (source, replay.size, replay.digest, replay.bom, replay.chars, replay.count, len(base.changes),
             _changed(replay.targets, base.targets), _changed(replay.projects, base.projects),
             _changed(replay.tasks, base.tasks), [_encoded(b) for b in replay.briefings],
             _withdrawals(withdrawn), tuple(replay.withdrawals),
             len(changes), marshal.dumps((numbers, units, at_least, approx, others, dates, moments, texts,
                                          tuple(column.tobytes() for column in columns))), parts, known)
    payload = marshal.dumps(state)
    return KEPT_MAGIC + _code_stamp() + zlib.crc32(payload).to_bytes(4, "big") + payload


def _withdrawals(withdrawn: dict[int, Withdrawal]) -> tuple[list, ...]:
    """The withdrawals by the number of the entry each withdraws, as columns."""
    columns: tuple[list, ...] = ([], [], [], [], [])
    for seq, withdrawal in withdrawn.items():
        if withdrawal.__class__ is not Withdrawal or seq.__class__ is not int or withdrawal.seq.__class__ is not int \
                or withdrawal.who.__class__ is not str or withdrawal.note.__class__ is not str:
            raise _Unkeepable(withdrawal)
        at = _encoded(withdrawal.at)
        if at.__class__ is not tuple or at[0] != "T":
            raise _Unkeepable(withdrawal)
        for column, value in zip(columns, (seq, withdrawal.seq, at[1], withdrawal.who, withdrawal.note)):
            column.append(value)
    return columns


def _bases(base: Dashboard) -> dict[str, dict]:
    return {"targets": {t.id: t for t in base.targets}, "projects": {p.id: p for p in base.projects},
            "tasks": {t.id: t for t in base.tasks}}


def _undo_records(base: Dashboard, parts: tuple[bytes, ...], values: list) -> list[tuple]:
    """The undo records kept in `parts` (see _kept_bytes), what they replaced rebuilt."""
    import marshal

    bases = _bases(base)

    def replaced(table: str, ident: str, old: Any) -> Any:
        tag = old[0] if old.__class__ is tuple else None
        if tag == "A":
            return _ABSENT
        if tag == "B":
            return bases[table][ident]
        if tag == "R":
            own = bases[table][ident]
            items = list(own)
            for at in range(1, len(old), 2):
                value = old[at + 1]
                if value.__class__ is int:
                    value = values[value]
                elif value.__class__ is tuple and value[0] == "i":
                    value = value[1]
                else:
                    value = _decoded(value)
                items[old[at]] = value
            return _new(own.__class__, items)
        return _decoded(old)

    return [tuple((record[0], *(item for index in range(1, len(record), 3)
                                for item in (record[index], record[index + 1],
                                             replaced(record[index], record[index + 1], record[index + 2])))))
            for part in parts for record in marshal.loads(part)]


def keep(replay: Replay, journal_file: Path, source: Callable[[], bytes | None]) -> Replay:
    """`replay`, its state written to this user's cache (`kept_path`) for the next process to start
    from; as it is, marked kept, when it cannot be (a folder this user cannot write, a value the
    format cannot hold, the data file changed meanwhile): not tried again for these bytes."""
    import os

    from . import files

    kept = replay._replace(kept=replay.size)
    try:
        folder = kept_path(journal_file).parent
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK):
            return kept
        digest = source()
        if digest is None:
            return kept
        data = _kept_bytes(replay, digest)
    except (_Unkeepable, OSError, ValueError, OverflowError):
        return kept
    files.write_own(kept_path(journal_file), data)
    return kept


def load_kept(base: Dashboard, path: Path, data: bytes, source: Callable[[], bytes | None]) -> tuple[Replay, Any] | None:
    """The state kept for the journal `path` (in this user's cache), as a Replay of the bytes of `data` it was made
    from, with their hash; None when there is none this reader may trust (see above) or `data` does
    not begin with those bytes, or it was made over another data file or by other code."""
    import zlib

    from . import files

    kept = files.read_own(kept_path(path), limit=4 * files.JOURNAL_MAX_BYTES)
    if kept is None:
        return None
    head = len(KEPT_MAGIC) + 36
    try:
        if not kept.startswith(KEPT_MAGIC) or kept[len(KEPT_MAGIC):head - 4] != _code_stamp():
            return None
        payload = memoryview(kept)[head:]
        if zlib.crc32(payload).to_bytes(4, "big") != kept[head - 4:head]:
            return None
        return _loaded_state(base, path, data, source, payload)
    except Exception:  # noqa: BLE001 - whatever is wrong with it, the journal is read whole instead
        return None


def _numbers(raw: bytes) -> Any:
    from array import array

    column = array("i")
    column.frombytes(raw)
    return column


def _loaded_state(base: Dashboard, path: Path, data: bytes, source: Callable[[], bytes | None],
                  payload: memoryview) -> tuple[Replay, Any] | None:
    import marshal
    from itertools import repeat

    if not _CLASSES:
        _CLASSES.update(_model_classes())
    (made_over, size, digest, bom, chars, count, before, targets, projects, tasks, briefings, withdrawn,
     withdrawals, changes, columns, parts, (newest, steps, current)) = marshal.loads(payload)
    if size > len(data) or len(base.changes) != before or made_over != source():
        return None
    hasher = _digest(memoryview(data)[:size])
    if hasher.digest() != digest:
        return None
    reader = JournalReader(path, "", base)
    reader.targets = _rebuilt(targets, base.targets)
    reader.projects = _rebuilt(projects, base.projects)
    reader.tasks = _rebuilt(tasks, base.tasks)
    reader.briefings = [_decoded(b) for b in briefings]
    seqs, by, moments, whos, notes = withdrawn
    reader.withdrawn = dict(zip(seqs, map(_new, repeat(Withdrawal), zip(by, map(dt.datetime.fromisoformat, moments),
                                                                         whos, notes, strict=True)), strict=True))
    reader.withdrawals = set(withdrawals)
    reader.changes = []
    if current.__class__ is not dict:
        return None
    known = Known(_decoded(newest), _decoded(steps), current, _decoded)
    if known.newest.__class__ is not dt.date or known.steps.__class__ is not dt.date:
        return None
    reader.prefix = _KeptChanges(changes, columns, base.changes, dict(reader.withdrawn), known)
    reader.count = count
    reader.pending, reader.kept_size = (parts, reader.prefix), size
    replay = reader.kept(reader.dashboard(), size, hasher, chars)._replace(bom=bom)
    return replay, hasher.copy()


_MAKING = threading.Lock()


class _KeptChanges:
    """The changes a kept state holds, made from its columns when first asked for (a record, which
    looks at none of them, does not pay for them, nor the first frame, which asks what is `known`
    of them): `count` of them, the data file's own first."""

    def __init__(self, count: int, columns: bytes, base: tuple[Change, ...], withdrawn: dict[int, Withdrawal],
                 known: Known) -> None:
        self.count = len(base) + count
        self.known = known
        self._columns, self._from_data_file, self._withdrawn = columns, base, withdrawn
        self._made: tuple[list[Change], list, int] | None = None

    def changes(self) -> list[Change]:
        """A new list of them (the same Change objects each time)."""
        return list(self._make()[0])

    def values(self) -> tuple[list, int]:
        """The values they refer to by place (the kept undo records do too), and how many of them
        are Quantities (the first; the others follow, the last first)."""
        return self._make()[1:]

    def _make(self) -> tuple[list[Change], list, int]:
        if self._made is None:
            import gc

            with _MAKING:  # a reload's thread and the screen may ask at once: made once
                if self._made is None:
                    enabled = gc.isenabled()
                    gc.disable()  # as while reading (store._collector_paused): its scans took 3/4 of the time
                    try:
                        self._made = self._columns_read()
                    finally:
                        if enabled:
                            gc.enable()
                    self._columns = b""
        return self._made

    def _columns_read(self) -> tuple[list[Change], list, int]:
        import marshal
        from itertools import repeat

        numbers, units, at_least, approx, others, dates, moments, texts, columns = marshal.loads(self._columns)
        others = list(map(_decoded, others))
        others.reverse()
        table = [*map(_new, repeat(Quantity), zip(numbers, units, at_least, approx, strict=True)), *others]
        days = [*map(dt.date.fromordinal, dates), None]  # -1: none
        moments = list(map(dt.datetime.fromisoformat, moments))
        kinds, ids, fields_, whos, notes = texts
        olds, news, on, ats, seqs, old_days = map(_numbers, columns)
        seqs = seqs.tolist()
        value, day, moment = table.__getitem__, days.__getitem__, moments.__getitem__
        changes = [*self._from_data_file, *map(_new, repeat(Change), zip(
            kinds, ids, fields_, map(value, olds), map(value, news), map(day, on), map(moment, ats), whos, notes,
            seqs, map(self._withdrawn.get, seqs), map(day, old_days), strict=True))]
        if len(changes) != self.count:
            raise ValueError("kept changes")
        return changes, table, len(numbers)
