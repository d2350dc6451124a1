"""The one place that touches the disk: reading a file safely, writing one atomically with the
permissions the umask allows, and the lock that writers of one file take. No Textual.

Input is hostile until checked: a path may name a FIFO, a device, a folder, a symlink loop, or run
through a file; a file may be huge, GBK or carry a BOM. Each is refused with one line, before it is
opened for reading where that matters (a FIFO would block the reader), and nothing hangs.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
import time
from pathlib import Path
from typing import BinaryIO, Iterator

from ..core.i18n import Lang
from ..core.problems import DataError, Problem, file_problem, said

try:
    import fcntl
except ImportError:  # Windows: msvcrt's byte lock stands in for flock (not tried there)
    fcntl = None

# Flags that only some systems have: 0 where missing.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOCTTY = getattr(os, "O_NOCTTY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)

MAX_BYTES = 32 * 1024 * 1024  # ten times a city's 100,000 projects would need; larger is a mistake
# The journal's bound, which its reader and its writers share (a write that would pass it is refused
# before anything is written). Measured: an update takes ~143 bytes and ~35 µs to read back, so
# 64 MiB is some 470,000 updates, read in about 16 s: a city of twelve districts recording 500
# figures each every month fills it in six years; a district, in decades.
JOURNAL_MAX_BYTES = 64 * 1024 * 1024
LOCK_TIMEOUT = 10.0  # seconds a writer waits for another to finish; a save takes milliseconds
STALE_SECONDS = 600  # a temporary file this old was left by a killed writer: no save takes that long

_KINDS = {stat.S_IFDIR: "kind_folder", stat.S_IFIFO: "kind_fifo", stat.S_IFCHR: "kind_char_device",
          stat.S_IFBLK: "kind_block_device", stat.S_IFSOCK: "kind_socket"}
_EXPECTED = {"a TOML file": "expected_toml", "a spreadsheet": "expected_sheet"}


def path_problem(path: Path, error: OSError | ValueError) -> str:
    """What a failed stat or open of `path` means, in a phrase a user can act on (Said)."""
    if isinstance(error, ValueError):  # e.g. an embedded NUL character
        return said("unusable_path")
    reasons = {
        errno.ENOENT: "no_such_file", errno.ENOTDIR: "not_a_folder", errno.ELOOP: "link_loop",
        errno.ENAMETOOLONG: "path_too_long", errno.EACCES: "permission_denied", errno.EPERM: "not_permitted",
    }
    if error.errno == errno.EISDIR:
        return said("is_kind", kind=said("kind_folder"), expected=said("expected_toml"))
    if error.errno in reasons:
        return said(reasons[error.errno])
    return said("cannot_read", reason=error.strerror or str(error))


def is_folder(path: Path) -> bool:
    """A folder to look in. A path that cannot even be looked at (too long, a NUL) is not one, and
    is refused by name when it is read."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def regular_file_size(path: Path, limit: int = MAX_BYTES, expected: str = "a TOML file") -> int:
    """The size of `path` if it is a regular file of at most `limit` bytes; else DataError, said
    in one line (what was `expected` instead: a TOML file, a spreadsheet). Nothing is opened: a FIFO
    or a device is refused before anyone reads from it."""
    try:
        st = os.stat(path)
    except (OSError, ValueError) as error:
        raise file_problem(path, path_problem(path, error)) from None
    return _checked_size(path, st, limit, expected)


def _checked_size(path: Path, st: os.stat_result, limit: int, expected: str = "a TOML file") -> int:
    kind = stat.S_IFMT(st.st_mode)
    if kind != stat.S_IFREG:  # said only then: a problem's words (core/problem_text) are loaded when one is said
        wanted = said(_EXPECTED.get(expected, "expected_toml"))
        if kind in _KINDS:
            raise file_problem(path, said("is_kind", kind=said(_KINDS[kind]), expected=wanted))
        raise file_problem(path, said("not_regular", expected=wanted))
    if st.st_size > limit:
        raise file_problem(path, said("too_big", size=f"{st.st_size / 2**20:.1f}", limit=limit // 2**20))
    return st.st_size


def read_bytes(path: Path, limit: int = MAX_BYTES, expected: str = "a TOML file") -> bytes:
    """The bytes of the regular file `path` (at most `limit`), or DataError saying why not."""
    regular_file_size(path, limit, expected)
    try:
        # O_NONBLOCK: should the path turn into a FIFO after the check, opening it does not hang.
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _NOCTTY | _CLOEXEC | getattr(os, "O_BINARY", 0))
    except (OSError, ValueError) as error:
        raise file_problem(path, path_problem(path, error)) from None
    try:
        size = _checked_size(path, os.fstat(fd), limit, expected)  # the file that was opened, not the one checked
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, max(1 << 20, size + 1))  # all of it at once: one piece is not copied to be joined
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise file_problem(path, said("grew", limit=limit // 2**20))
        return b"".join(chunks)
    except OSError as error:
        raise file_problem(path, path_problem(path, error)) from None
    finally:
        os.close(fd)


def read_text(path: Path, limit: int = MAX_BYTES) -> str:
    """The text of `path`, UTF-8 with or without a BOM (what Windows Notepad saves). Text in another
    encoding is refused with the line where it stops being UTF-8, and GBK/GB18030 is named."""
    return decode(path, read_bytes(path, limit))


def decode(path: Path, raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise file_problem(path, said("utf16"))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = said("gbk") if _looks_like_gb18030(raw) else said("not_utf8")
        raise DataError([Problem(path, line, column, "", message)]) from None


def _looks_like_gb18030(raw: bytes) -> bool:
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


# --- writing ---------------------------------------------------------------------------------------

def write_problem(error: OSError, *, lang: Lang) -> str:
    """Why writing the journal (or marking a briefing) failed, with what to do where the folder is
    shared: a colleague's file the user may not replace, in a folder that is not theirs to write or
    that has the sticky bit (only a file's owner may replace it there)."""
    if error.errno not in (errno.EACCES, errno.EPERM):
        return error.strerror or str(error)
    where = Path(error.filename) if isinstance(error.filename, (str, Path)) else None
    try:
        folder = os.stat(where.parent if where is not None else ".")
        sticky = bool(folder.st_mode & stat.S_ISVTX) and folder.st_uid != os.geteuid()
    except (OSError, AttributeError):
        sticky = False
    if sticky:
        return lang.tr("权限不足：文件夹 {folder} 设有粘滞位（sticky bit），只有文件的所有者能替换其中的文件；"
                       "几个人共用的文件夹请由管理员去掉粘滞位（chmod -t）", folder=where.parent if where else ".")
    return lang.tr("权限不足（{file}）：几个人共用一个文件夹时，文件夹和其中的文件须对大家可写"
                   "（请管理员设为组可写：chmod -R g+w，并让大家使用 umask 002）", file=where if where else "")


def umask() -> int:
    """The process's umask, read without changing it where Linux tells it (/proc), else by setting
    and restoring it."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_file_mode() -> int:
    """What a new file gets: what `open()` would give it, 0666 less the umask."""
    return 0o666 & ~umask()


def write_atomic(path: Path, data: bytes) -> Path:
    """Replace `path` with `data` so that the file is always either the old or the new content: a
    temporary file in the same folder, flushed and fsynced, then renamed over the old one.

    A symbolic link is written through (the link stays a link, its target gets the content). An
    existing file keeps its permissions; a new one gets those the umask allows. An existing file
    that may not be written (chmod 444: a journal someone froze) is not replaced, though its folder
    would allow the rename: PermissionError, as writing it in place would have raised. Returns the
    path of the file written."""
    path = Path(os.path.realpath(path))
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = new_file_mode()
    else:
        if not mode & 0o222 or not os.access(path, os.W_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if hasattr(os, "fchmod"):  # mkstemp makes it 0600, which would lock colleagues out of a shared folder
            os.fchmod(fd, mode)
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
    return path


def read_own(path: Path, limit: int) -> bytes | None:
    """The bytes of `path` when it is a regular file of at most `limit` bytes that this user owns and
    no one else may write (not a link, checked on the file opened); else None, said to no one: for
    what erqi-tui keeps for itself (the journal's kept state), never for the user's data."""
    if not hasattr(os, "geteuid"):
        return None
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _NOCTTY | _CLOEXEC | _NOFOLLOW)
    except (OSError, ValueError):
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_uid != os.geteuid() or st.st_mode & 0o022 or st.st_size > limit:
            return None
        chunks, total = [], 0
        while chunk := os.read(fd, st.st_size + 1):  # all of it at once: one piece is not copied to be joined
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                return None
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def write_own(path: Path, data: bytes) -> bool:
    """Replace `path` with `data` atomically (a temporary file renamed over it), readable and
    writable by this user alone, not synced to disk: for what erqi-tui keeps for itself and can work
    out again (read_own). False when it cannot be written (a read-only folder), said to no one."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")  # 0600
    except (OSError, ValueError):
        return False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        return False
    _remove_stale_temporaries(path)
    return True


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files a killed writer left behind."""
    cutoff = time.time() - STALE_SECONDS
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()
        except OSError:
            pass


STDOUT_NAMES = ("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")


def output_clash(output: Path | str | None, protected: dict[Path, str]) -> str | None:
    """Which of the `protected` files (path → what it is: "the data file", "its journal"…) writing
    to `output` would replace, through any symbolic or hard link, in a phrase; None if none.
    Standard output and a path that cannot be resolved clash with nothing (the write says why)."""
    if output is None or str(output) in STDOUT_NAMES:
        return None
    try:
        target = os.path.realpath(output)
        out_stat = os.stat(target) if os.path.exists(target) else None
    except (OSError, ValueError):
        return None
    for path, what in protected.items():
        try:
            if os.path.realpath(path) == target:
                return what
            if out_stat is not None and stat.S_ISREG(out_stat.st_mode):
                st = os.stat(path)
                if (st.st_dev, st.st_ino) == (out_stat.st_dev, out_stat.st_ino):  # a hard link
                    return what
        except (OSError, ValueError):
            continue
    return None


def write_output(path: Path | str | None, data: bytes, stdout: BinaryIO | None = None) -> str:
    """Write an export: to standard output for None, "-" or /dev/stdout; through a device or a FIFO
    as it is; a regular file (or a link to one) atomically. Returns where it went, for a message."""
    if path is None or str(path) in STDOUT_NAMES:
        if stdout is None and sys.stdout is None:  # started with standard output closed (>&-)
            raise OSError(errno.EBADF, "standard output is closed")
        stdout = stdout or sys.stdout.buffer
        stdout.write(data)
        stdout.flush()
        return "-"
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    if st is not None and not stat.S_ISREG(st.st_mode):
        _write_through(path, data)  # a terminal, a pipe, /dev/null: written as it is, never replaced
        return str(path)
    return str(write_atomic(path, data))


def _write_through(path: Path, data: bytes) -> None:
    """`data` written into a device or a FIFO as it is. A FIFO that nobody reads is said at once
    (opening it to write would wait for a reader for ever)."""
    try:
        fd = os.open(path, os.O_WRONLY | _NONBLOCK | _NOCTTY | _CLOEXEC)
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise OSError(errno.ENXIO, "is a FIFO that no program is reading", str(path)) from None
        raise
    try:
        if fcntl is not None:  # written whole, waiting for the reader as a pipe does
            fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~_NONBLOCK)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


EXAMPLE = "example-year.toml"  # 示例（虚构）: an invented district's whole year, for demos


def bundled_data(name: str = "targets.toml") -> Path:
    """A data file shipped with the package (in the wheel), or data/ beside a source checkout:
    the article's figures, or (EXAMPLE) the invented year."""
    here = Path(__file__).resolve().parent.parent  # erqi_tui/
    packaged = here / "data" / name
    return packaged if packaged.is_file() else here.parent / "data" / name


def shipped(path: Path) -> bool:
    """Whether `path` is a data file shipped with the package (the article's figures, the invented
    example), however it is reached (a checkout's data/targets.toml, a link): shown, never recorded into."""
    try:
        return path.resolve() in {bundled_data().resolve(), bundled_data(EXAMPLE).resolve()}
    except OSError:
        return False


def journal_path(data_path: Path) -> Path:
    """`x.journal.toml` beside `x.toml`. A data file not named .toml (an editor's backup `x.toml~`, a
    copy `x.bak`) keeps its whole name, `x.toml~.journal.toml`: recording into a backup must not
    change the district whose file is `x.toml`. Here, not in journal.py: whether there is a journal
    is asked without loading the journal's code. A data file reached through a link keeps its
    journal beside the file itself: two paths to one file are one record, not two."""
    if os.path.islink(data_path):
        data_path = Path(os.path.realpath(data_path))
    name = data_path.name
    return data_path.with_name((name.removesuffix(".toml") if name.endswith(".toml") else name) + ".journal.toml")


# --- locking ---------------------------------------------------------------------------------------

def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


class Busy(DataError):
    """Another writer holds the lock: the files are fine, only busy (the app waits and says so)."""


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the exclusive lock of `path`: `fcntl.flock` on `<path>.lock` beside it, which every
    writer of `path` takes, whether in the app or `erqi-tui record`. The lock file is never
    written and may stay; the lock goes with the process if it dies."""
    target = lock_path(path)
    try:
        try:
            fd = os.open(target, os.O_RDWR | os.O_CREAT | _NOFOLLOW | _NONBLOCK | _CLOEXEC, 0o666)
        except PermissionError:
            if fcntl is None:
                raise
            # A colleague's lock file in a shared folder (0644 under the usual umask): flock needs
            # no write permission, only an open file, so the lock is taken on it read-only.
            try:
                fd = os.open(target, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC)
            except FileNotFoundError:  # none to open: the folder itself refused to make one
                raise file_problem(target, said("lock_cannot_make", reason=said("folder_read_only"))) from None
    except (OSError, ValueError) as error:
        if isinstance(error, OSError) and error.errno == errno.ELOOP:
            raise file_problem(target, said("lock_is_link")) from None
        raise file_problem(target, said("lock_cannot_make", reason=path_problem(target, error))) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise file_problem(target, said("lock_not_regular"))
        deadline = time.monotonic() + timeout
        while True:
            try:
                _lock(fd)
                break
            except (BlockingIOError, PermissionError):
                if time.monotonic() > deadline:  # longer than any save takes: say so rather than hang
                    raise Busy(file_problem(target, said("lock_busy", seconds=f"{timeout:g}")).problems) from None
                time.sleep(0.01)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


def _lock(fd: int) -> None:
    """Take the exclusive lock without waiting; BlockingIOError (or, on Windows, PermissionError)
    when another process holds it."""
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    else:
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)


def _unlock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
    else:
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
