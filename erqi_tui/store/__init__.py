"""The record as it is on disk: the data file and its journal read together, and updates appended
to the journal under its lock. The one module that knows both files. No Textual.

Reading: `read` parses the hand-kept data file (datafile.py; a large one, read again after an edit,
only in the [[project]] blocks that changed: blocks.py) and applies the journal (journal.py).
Writing: `record` takes the journal's lock, re-reads both files under it, checks the update against
what is on disk now (not what a form saw minutes ago), appends it and writes the journal atomically.
Any number of writers, in apps or `erqi-tui record`, keep every update. A read given what was read
before parses only what was appended to the journal since (journal.extend), and a write only what
it appends.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable, NamedTuple

from . import files
from ..core import fmt
from .datafile import read_base
from ..core.model import Briefing, Change, Dashboard, Update
from ..core.problems import DataError, Problem
from ..core.i18n import Lang
from .validate import NAME_LIMIT

if TYPE_CHECKING:  # the journal's code is imported when a journal is read or written (__getattr__)
    from . import journal
    from .blocks import Kept

__all__ = ["DataError", "Problem", "Loaded", "Conflict", "Refused", "read", "load", "record", "fingerprint"]


def __getattr__(name: str):
    """`store.journal`, imported when first used: a session with no journal never loads its code
    (each function here that needs it imports it)."""
    if name == "journal":
        import importlib

        return importlib.import_module(".journal", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

LARGE_FILE = 1024 * 1024  # some 5,000 projects: loading shows progress (a spinner, a line in the app)


class Loaded(NamedTuple):
    """What was read, and the files' state when it was: a later save or poll compares with it."""

    base: Dashboard  # the data file alone: a save re-applies the journal over it
    dashboard: Dashboard  # with the journal applied: what is shown
    state: tuple  # fingerprint() of the two files, taken before they were read
    journal: journal.Replay | None = None  # the journal as read: what was appended since is applied on it
    kept: Kept | None = None  # what a read of the data file after an edit may reuse of this one (datafile.read_base)


def fingerprint(data_path: Path) -> tuple:
    """What identifies the current content of the data file and its journal, cheaply (stat only).
    The change time too: an edit that puts the modification time back (`touch -r`, a copy keeping
    times) still changes it."""
    out = []
    for path in (data_path, files.journal_path(data_path)):
        try:
            st = os.stat(path)
            out.append((st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns))
        except FileNotFoundError:
            out.append(None)
        except (OSError, ValueError) as error:
            out.append(("unreadable", getattr(error, "errno", None)))
    return tuple(out)


def own_files(data_path: Path, *, lang: Lang) -> dict[Path, str]:
    """The files that hold the record of `data_path` (the data file, its journal, their locks),
    each with what it is: no output may be written over any of them (files.output_clash)."""
    from . import journal

    journal_file = journal.journal_path(data_path)
    return {data_path: lang.tr("数据文件"), journal_file: lang.tr("更新记录"),
            files.lock_path(journal_file): lang.tr("更新记录的锁文件"),
            files.lock_path(data_path): lang.tr("数据文件的锁文件"),
            journal.kept_path(journal_file): lang.tr("更新记录的缓存")}


def kept_off(data_paths, settings: Path | None, *, lang: Lang) -> dict[Path, str]:
    """What no output may replace: each data file's record (own_files) and the settings file with
    its lock, each with what it is (files.output_clash)."""
    out: dict[Path, str] = {}
    for data_path in map(Path, data_paths):
        if data_path.is_dir():  # a city's folder (`--data .` too): every district file in it
            for child in sorted(data_path.iterdir()):
                if child.name.endswith(".toml") and not child.name.endswith(".journal.toml"):
                    out.update(own_files(child, lang=lang))
        else:
            out.update(own_files(data_path.absolute() if not data_path.name else data_path, lang=lang))
    if settings is not None:
        out.update({settings: lang.tr("设置文件"), files.lock_path(settings): lang.tr("设置文件的锁文件")})
    return out


def read(path: Path | str, reuse: Loaded | None = None) -> Loaded:
    """Read and validate `path` and apply the journal beside it. Raises DataError listing every
    problem found, in whichever file has them. `reuse`: what was read before; if the data file has
    not changed since, its parse is reused (a city's file takes seconds), and if the journal still
    begins with the bytes read then, only what was appended since is parsed and applied."""
    return _read(Path(path), reuse)[0]


def _read(path: Path, reuse: Loaded | None) -> tuple[Loaded, bytes | None]:
    """`read`, and the journal's bytes as they were read (None: there is no journal), which a save
    appends to rather than reading the file a second time."""
    state = fingerprint(path)
    with _collector_paused():
        if reuse is not None and reuse.state[0] == state[0] and state[0] is not None:
            base, kept = reuse.base, reuse.kept
        else:
            base, kept = read_base(path, (reuse.base, reuse.kept) if reuse is not None and reuse.kept else None)
        journal_file = files.journal_path(path)
        if not os.path.lexists(journal_file):
            return Loaded(base, base, state, None, kept), None
        from . import journal

        data = files.read_bytes(journal_file, limit=files.JOURNAL_MAX_BYTES)
        source = _source(path, state)
        replay = journal.extend(reuse.journal if reuse is not None else None, base, journal_file, data, source)
        return Loaded(base, replay.dashboard, state, _kept(replay, journal_file, source), kept), data


def _source(path: Path, state: tuple) -> Callable[[], bytes | None]:
    """What tells the data file `path` as it was read (`state`: its fingerprint then) for the
    journal's kept state: the hash of its bytes, or None when it has changed since (or cannot be read)."""
    def digest() -> bytes | None:
        from . import journal

        try:
            data = files.read_bytes(path)
        except DataError:
            return None
        return journal._digest(data).digest() if fingerprint(path)[0] == state[0] else None
    return digest


def _kept(replay: journal.Replay, journal_file: Path, source: Callable[[], bytes | None]) -> journal.Replay:
    """`replay`, with its state kept (in the user's cache) for the next process when KEEP_FROM bytes or
    more were applied since the state kept last (journal.keep)."""
    from . import journal

    if replay.size - replay.kept < journal.KEEP_FROM:
        return replay
    return journal.keep(replay, journal_file, source)


def _appended(fresh: Loaded, journal_file: Path, old: bytes | None, data: bytes) -> journal.Replay:
    """What the journal `data` (`old` with entries appended) gives: only the new entries applied
    on what reading `old` gave. DataError as journal.apply raises it."""
    from . import journal

    with _collector_paused():
        return journal.appended_replay(fresh.journal, fresh.base, journal_file, old, data)


def _written_state(path: Path, fresh: Loaded) -> tuple:
    """The files' state after a write to the journal over what was read as `fresh`: the journal's as
    it is now, the data file's as it was when read. Not the data file's now: an editor saving it
    between the read and here would then look already read, and its change be missed until the
    file changed again."""
    return fresh.state[0], fingerprint(path)[1]


def load(path: Path | str) -> Dashboard:
    """The dashboard of `path` with its journal applied (DataError when either file is wrong)."""
    return read(path).dashboard


@contextlib.contextmanager
def _collector_paused():
    """Python's cyclic garbage collector scans every object it tracks, again and again while a
    large file loads: a city's millions of parsed values took a tenth of the load. Nothing made
    here forms a cycle, so it is paused while loading (reference counting still frees garbage)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def keep_loaded() -> None:
    """Call once the loaded dashboard is in use: the objects alive now are set aside from the
    collector's later scans (gc.freeze), so that with 100,000 projects in memory a filter keystroke
    does not pay a full scan of them (190 ms, against 30 ms set aside). Anything set aside earlier
    is scanned once more first, so an old dashboard, or widgets since removed, are still freed."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


# --- recording -------------------------------------------------------------------------------------

class Refused(Exception):
    """The update itself is not acceptable (its date, its author): the message says why."""


class Conflict(Exception):
    """The target or project changed on disk since the form was opened on it: `changes` says who
    changed what to what and when; saving anyway means passing `version` as the version seen."""

    def __init__(self, changes: tuple[Change, ...], version: int) -> None:
        self.changes = changes
        self.version = version
        super().__init__(f"changed by update {version} since it was opened")


def check_who(who: str, hint: str = "", *, lang: Lang) -> str:
    """`who` as it may be recorded, or Refused: valid UTF-8 (a login name may not be), printable.

    `hint` says how to give another name where the name came from (the command line's --user by
    default; a people file's --add-person says its own)."""
    hint = hint or lang.tr("请用 --user 名字 指定一个普通的名字")

    def refuse(problem: str) -> Refused:
        return Refused(lang.tr("{problem}；{hint}", problem=problem, hint=hint))

    try:
        who.encode("utf-8")
    except UnicodeEncodeError:
        raise refuse(lang.tr("记录人的名字不是有效的 UTF-8 文本")) from None
    if not who.strip():
        raise refuse(lang.tr("记录人的名字为空"))
    if any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in who):
        raise refuse(lang.tr("记录人的名字含有控制字符"))
    if fmt.HIDDEN.search(who):  # a direction override would make the journal say another name
        raise refuse(lang.tr("记录人的名字含有不可见的字符（如方向控制符）"))
    if len(who) > NAME_LIMIT:
        raise Refused(lang.tr("记录人的名字超过 {limit} 个字符", limit=NAME_LIMIT))
    return who


def check_date(dashboard: Dashboard, date: dt.date, today: dt.date, *, lang: Lang) -> None:
    first, last = dashboard.update_dates(today)
    if not first <= date <= last:
        raise Refused(lang.tr("日期 {date} 不在允许的范围内：应在 {first} 至 {last} 之间（数据年度 {year} 年内，且不晚于今天）",
                              date=date.isoformat(), first=first.isoformat(), last=last.isoformat(),
                              year=dashboard.meta.year))


def record(path: Path, update: Update, *, seen: int | None = None, reuse: Loaded | None = None,
           today: dt.date | None = None, lock_timeout: float = files.LOCK_TIMEOUT,
           lang: Lang) -> tuple[Loaded, int]:
    """Append `update` to the journal of `path`; return what is on disk now and the update's number.

    Under the journal's lock: both files are read again (from `reuse`, only what changed since:
    the data file's parse and the journal's entries as read then are reused), the update is checked
    against them, appended and applied, then the journal is written atomically. `seen` is the version of the target or project the
    form was opened on (Dashboard.version): if it changed since, Conflict says how, and nothing is
    written. Refused for a date outside the year or after today, or an unusable author; DataError
    when either file is broken, missing or unreadable, or the update would not apply; files.Busy
    when another writer holds the lock for over `lock_timeout` seconds. A refusal is said in `lang`."""
    from . import journal

    today = today or dt.date.today()
    check_who(update.who, lang=lang)
    journal_file = journal.journal_path(path)
    _still_there(path)
    with files.locked(journal_file, lock_timeout):
        fresh, old = _read(path, reuse)
        dashboard = fresh.dashboard
        if update.withdraw:
            kind, ident = withdrawn_record(dashboard, update.withdraw, lang=lang)
        else:
            if update.new and not update.id:  # a project added in the app: a free id as the file is now
                update = update._replace(id=dashboard.free_project_id())
            kind, ident = update.kind, update.id
            check_date(dashboard, update.date, today, lang=lang)
        if seen is not None and not update.new:
            version = dashboard.version(kind, ident)
            if version != seen:
                since = tuple(c for c in dashboard.history(kind, ident)
                              if c.seq > seen or (c.withdrawn and c.withdrawn.seq > seen))
                raise Conflict(since, version)
        if update.at is None:
            update = update._replace(at=dt.datetime.now().replace(microsecond=0))
        data = _bounded(journal.appended_bytes(old, journal.entry_text(update)), lang)  # before applying it
        try:
            after = _appended(fresh, journal_file, old, data)
        except DataError as error:
            if update.withdraw:
                raise Refused(lang.tr("第 {seq} 条更新不能撤销：后面的更新依赖于它（{problem}）；请先撤销那一条",
                                      seq=update.withdraw, problem=error.problems[0].shown(lang))) from None
            raise
        files.write_atomic(journal_file, data)
        after = _kept(after, journal_file, _source(path, fresh.state))
        return Loaded(fresh.base, after.dashboard, _written_state(path, fresh), after, fresh.kept), after.count


def record_all(path: Path, updates: list[Update], *, reuse: Loaded | None = None, today: dt.date | None = None,
               write: bool = True, replan: Callable[[Dashboard], list[Update]] | None = None,
               lang: Lang) -> tuple[Loaded, int]:
    """Append every one of `updates` to the journal of `path`, or none: under the journal's lock,
    both files read again, each update's date checked, all appended and applied,
    then written once, atomically (a spreadsheet's rows, `erqi-tui import --apply`). Returns what
    is on disk then and the number of the first. With `write=False`, everything but the write:
    what `--apply` would find wrong, found without changing anything. Refused for a date outside
    the year or an unusable author (`Refused.index`: which update); DataError when the updates
    would not apply (its keys name `update[N]`: the first is number `first`). `replan`: the updates
    worked out again from what is on disk under the lock, in place of `updates` (an import's rows
    against the figures as they are now: the same sheet imported twice at once records once). A
    refusal is said in `lang`."""
    from . import journal

    today = today or dt.date.today()
    journal_file = journal.journal_path(path)
    _still_there(path)
    with files.locked(journal_file) if write else contextlib.nullcontext():
        fresh, old = _read(path, reuse)
        first = fresh.dashboard.journal_entries + 1
        if replan is not None:
            updates = replan(fresh.dashboard)
            if not updates:
                return fresh, first
        moment = dt.datetime.now().replace(microsecond=0)
        for index, update in enumerate(updates):
            try:
                check_who(update.who, lang=lang)
                check_date(fresh.dashboard, update.date, today, lang=lang)
            except Refused as error:
                error.index = index
                raise
        addition = journal.appended_all("", [update if update.at else update._replace(at=moment) for update in updates])
        data = _bounded(journal.appended_bytes(old, addition), lang)  # the preview says so too, before applying the rows
        after = _appended(fresh, journal_file, old, data)
        if write:
            files.write_atomic(journal_file, data)
            after = _kept(after, journal_file, _source(path, fresh.state))
        return Loaded(fresh.base, after.dashboard, _written_state(path, fresh), after, fresh.kept), first


def _still_there(path: Path) -> None:
    """DataError saying so when the data file is gone (deleted, moved) or is not a file, before
    its journal's lock is taken: nothing is made in a folder for a file that is not there."""
    files.regular_file_size(path)


def _bounded(data: bytes, lang: Lang) -> bytes:
    """The journal's bytes, or Refused when they would pass the bound its reader keeps: said
    before anything is written, so that no write leaves a file the reader refuses."""
    if len(data) > files.JOURNAL_MAX_BYTES:
        raise Refused(lang.tr("记录后更新记录将有 {size:.1f} MiB，超过上限 {limit} MiB，未写入；请分批记录较少的行，"
                              "或将本年度的更新记录归档、另起一个数据文件", size=len(data) / 2**20,
                              limit=files.JOURNAL_MAX_BYTES // 2**20))
    return data


def withdrawn_record(dashboard: Dashboard, seq: int, *, lang: Lang) -> tuple[str, str]:
    """The (kind, id) that update `seq` changed, or Refused if it is not an update in force."""
    changes = [c for c in dashboard.changes if c.seq == seq] if seq >= 1 else []  # 0: not a withdrawal at all
    if not changes:
        raise Refused(lang.tr("没有可撤销的第 {seq} 条更新（更新记录共 {count} 条；撤销记录本身不能再撤销）",
                              seq=seq, count=dashboard.journal_entries))
    if changes[0].withdrawn is not None:
        w = changes[0].withdrawn
        raise Refused(lang.tr("第 {seq} 条更新已由 {who} 于 {at} 撤销", seq=seq, who=w.who,
                              at=f"{w.at:%Y-%m-%d %H:%M}"))
    return changes[0].kind, changes[0].id


def mark_briefing(path: Path, briefing: Briefing, reuse: Loaded | None = None,
                  lock_timeout: float = files.LOCK_TIMEOUT, *, lang: Lang) -> Loaded:
    """Append a briefing mark to the journal of `path` under its lock, as `record` appends an
    update: both files read again, the mark applied, written atomically; stamped with
    the moment it is written unless it carries one. A refusal is said in `lang`."""
    check_who(briefing.who, lang=lang)
    if briefing.at is None:
        briefing = briefing._replace(at=dt.datetime.now().replace(microsecond=0))
    from . import journal

    journal_file = journal.journal_path(path)
    _still_there(path)
    with files.locked(journal_file, lock_timeout):
        fresh, old = _read(path, reuse)
        data = _bounded(journal.appended_bytes(old, journal.appended_briefing("", briefing)), lang)
        after = _appended(fresh, journal_file, old, data)
        files.write_atomic(journal_file, data)
        after = _kept(after, journal_file, _source(path, fresh.state))
        return Loaded(fresh.base, after.dashboard, _written_state(path, fresh), after, fresh.kept)
