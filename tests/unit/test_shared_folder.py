"""Officials who share one folder: a colleague's lock file is taken read-only, and a write refused by
the folder's permissions says what the administrator should change."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from erqi_tui.core.i18n import ZH
from erqi_tui.store import files
from erqi_tui.core import i18n


def refuse_lock_opens(monkeypatch, flag: int) -> None:
    """Opening a lock file with `flag` is refused, as the permissions of someone else's file
    (os.O_RDWR: a colleague's 0644 lock) or of a read-only folder (os.O_CREAT) refuse it."""
    real_open = os.open

    def refused(path, flags, *args):
        if str(path).endswith(".lock") and flags & flag:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(files.os, "open", refused)


def test_a_colleagues_lock_file_is_locked_read_only(tmp_path, monkeypatch):
    """Under umask 022 the lock file the first writer made is 0644: another user cannot open it for
    writing, but flock needs only an open file."""
    data = tmp_path / "targets.toml"
    data.write_text("", encoding="utf-8")
    files.lock_path(data).write_text("", encoding="utf-8")
    refuse_lock_opens(monkeypatch, os.O_RDWR)
    with files.locked(data):
        with pytest.raises(files.Busy):  # the lock is real: a second writer waits for it
            with files.locked(data, timeout=0.05):
                pass
    with files.locked(data, timeout=0.05):  # and it is let go
        pass


def test_a_folder_that_refuses_the_lock_file_is_named_as_the_cause(tmp_path, monkeypatch):
    """No lock file yet, and the folder refuses to make one (chmod 555): said as the folder not
    writable, not as "no such file" (the read-only open tried after the refusal)."""
    data = tmp_path / "targets.toml"
    data.write_text("", encoding="utf-8")
    refuse_lock_opens(monkeypatch, os.O_CREAT)
    with pytest.raises(files.DataError) as caught:
        with files.locked(data):
            pass
    (problem,) = caught.value.problems
    assert problem.shown(ZH).endswith("无法创建锁文件：所在文件夹不可写（权限不足）：在这里不能记录更新")
    assert "no such file" not in str(problem) and "cannot be written to (permission denied)" in str(problem)


def test_a_refused_write_says_what_to_do_in_a_shared_folder(tmp_path):
    error = PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "targets.journal.toml"))
    said = files.write_problem(error, lang=i18n.ZH)
    assert "chmod -R g+w" in said and "umask 002" in said and "targets.journal.toml" in said
    assert files.write_problem(error, lang=i18n.EN).startswith("permission denied")
    other = OSError(errno.ENOSPC, "No space left on device")
    assert files.write_problem(other, lang=ZH) == "No space left on device"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs to give a folder to another user")
def test_a_sticky_folder_is_named_as_the_cause(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chown(folder, 12345, 12345)
    folder.chmod(0o1777)
    error = PermissionError(errno.EPERM, "Operation not permitted", str(folder / "targets.journal.toml"))
    said = files.write_problem(error, lang=i18n.ZH)
    assert "粘滞位" in said and "chmod -t" in said
    assert folder.stat().st_mode & stat.S_ISVTX
