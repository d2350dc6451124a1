"""One data file as a running dashboard holds it: who records, what was last read, whether the files
changed on disk since, reading them again and saving an update. The app shows what this returns;
nothing here draws or imports Textual."""

import asyncio
import errno
import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import NamedTuple, TypeVar

from . import files
from ..core import fmt
from .. import store
from ..core.i18n import Lang
from ..core.model import Briefing, Update

T = TypeVar("T")


class Saved(NamedTuple):  # NamedTuples rather than dataclasses: see model.py (start-up)
    loaded: store.Loaded
    number: int  # the journal entry's number

    def announcement(self, update: Update, *, lang: Lang) -> str:
        if update.withdraw:
            return lang.tr("已撤销第 {seq} 条更新（第 {number} 条记录）", seq=update.withdraw, number=self.number)
        return lang.tr("已保存并记录（第 {number} 条）", number=self.number)


class Unsaved(NamedTuple):
    """What the user is told when an update could not be saved; `broken` when the files on disk
    do not read (shown until fixed)."""
    message: str
    broken: str = ""


class Session:
    def __init__(self, path: Path, loaded: store.Loaded | None = None, *, who: str = "",
                 today: dt.date | None = None, read_only: bool = False) -> None:
        """`loaded` is what the app first shows (None: read on the first save); `read_only`
        offers no way to record (the bundled file, a served session)."""
        self.path = path
        self.who = who or "unknown"
        self.today = today or dt.date.today()
        self.read_only = read_only
        self.reuse = loaded  # the data file's parse, reused while the file is unchanged
        self.state = loaded.state if loaded is not None else store.fingerprint(path)
        self.loading = False  # the files are being read
        self.writing = False  # this session is writing to them: what it writes is not a change from outside

    def changed_on_disk(self) -> bool:
        """Whether the files differ from what was last read or written here. Not while this session
        reads or writes them: its own write, seen before the save has returned, would reload the
        dashboard under the user's next key (the save's result carries what is on disk then)."""
        return not self.loading and not self.writing and store.fingerprint(self.path) != self.state

    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except (OSError, ValueError):
            return 0

    async def read(self) -> store.Loaded | None:
        """Read the files again (in a thread when large); None when a read is already under way.
        Raises store.DataError, and the last good read stays the one reused."""
        if self.loading:
            return None
        self.state = store.fingerprint(self.path)  # before reading: a change made meanwhile is seen
        self.loading = True
        try:
            if self.size() < store.LARGE_FILE:
                loaded = store.read(self.path, self.reuse)
            else:
                loaded = await asyncio.to_thread(store.read, self.path, self.reuse)
        finally:
            self.loading = False
        self.reuse = loaded
        return loaded

    async def save(self, update: Update, seen: int | None = None, *, waiting: Callable[[], None] | None = None,
                   cancelled: Callable[[], bool] | None = None,
                   lang: Lang) -> Saved | store.Conflict | Unsaved:
        """Record `update` under the journal's lock. A Conflict when its target or project changed
        since version `seen` (the form asks to confirm), else Saved or what went wrong. While another
        writer holds the lock, `waiting()` is called once (the form says so) and the save is tried
        again until it can be done, or until `cancelled()` is true. What went wrong is said in `lang`."""
        try:
            outcome = await self._write(partial(store.record, self.path, update, seen=seen, reuse=self.reuse,
                                                today=self.today, lock_timeout=self.ATTEMPT, lang=lang),
                                        waiting, cancelled, lang=lang)
        except store.Conflict as conflict:
            return conflict
        if isinstance(outcome, Unsaved):
            return outcome
        loaded, number = outcome
        self.reuse, self.state = loaded, loaded.state
        return Saved(loaded, number)

    async def mark_briefing(self, date: dt.date, note: str = "", *,
                            lang: Lang) -> store.Loaded | Unsaved:
        """Record that a briefing showed the figures at `date` (under the journal's lock); what went
        wrong is said in `lang`."""
        outcome = await self._write(partial(store.mark_briefing, self.path, Briefing(date, None, self.who, note),
                                            self.reuse, lock_timeout=1.0, lang=lang),  # busy: said, not waited for
                                    lang=lang)
        if not isinstance(outcome, Unsaved):
            self.reuse, self.state = outcome, outcome.state
        return outcome

    ATTEMPT = 0.25  # seconds one try waits for the lock: the thread is free again this soon after a cancel

    async def _write(self, write: Callable[[], T], waiting: Callable[[], None] | None = None,
                     cancelled: Callable[[], bool] | None = None, *, lang: Lang) -> T | Unsaved:
        """`write` in a thread, or what the user is told (in `lang`) when it cannot be done. With
        `cancelled`, a busy lock is waited for, tried again every ATTEMPT seconds (`waiting()` said once)."""
        if self.loading:
            return Unsaved(lang.tr("正在重新载入数据，请稍后再保存。"))
        if self.read_only:
            return Unsaved(lang.tr("只读：不能记录更新。"))
        self.writing = True
        try:
            while True:
                try:
                    return await asyncio.to_thread(write)
                except files.Busy:
                    if cancelled is None:
                        raise
                    if cancelled():
                        return Unsaved(lang.tr("未保存：已取消（另一位写入者仍在保存）。可再按“保存”重试。"))
                    if waiting is not None:
                        waiting()
                        waiting = None
        except files.Busy:
            return Unsaved(lang.tr("无法保存：另一位写入者正在保存，文件没有问题；请稍后再试。"))
        except store.Refused as refused:
            return Unsaved(lang.tr("无法保存：{error}", error=fmt.clean(str(refused))))
        except store.DataError as error:
            return Unsaved(lang.tr("无法保存：数据文件或更新记录有误，改正后才能记录更新。\n{error}",
                                   error=fmt.clean(error.shown(lang))), broken=error.shown(lang))
        except OSError as error:
            if error.errno in (errno.EACCES, errno.EPERM):
                return Unsaved(lang.tr("无法保存：{error}", error=fmt.clean(files.write_problem(error, lang=lang))))
            return Unsaved(lang.tr("无法保存：{error}", error=fmt.clean(error.strerror + lang.tr("（{what}）", what=error.filename))))
        finally:
            self.writing = False  # the caller takes what was written as read, before anything else runs
