"""erqi-tui in a real pseudo-terminal, keys typed faster than a pilot types them."""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")


def run_typing(keys: bytes, tmp_path, size: tuple[int, int] = (80, 24), *args: str,
               env: dict | None = None) -> tuple[int, bytes]:
    """Start erqi-tui in a pty, wait for its first frame, type `keys` at once; its exit code and
    everything it wrote."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "XDG_CONFIG_HOME": str(tmp_path), **(env or {})}
    process = subprocess.Popen([sys.executable, "-m", "erqi_tui", *args], stdin=slave, stdout=slave, stderr=slave,
                               env=env, start_new_session=True)
    os.close(slave)
    output, typed = b"", False
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the program has closed the terminal
                    break
                if not chunk:
                    break
                output += chunk
            if not typed and "命令面板".encode() in output:  # the key line: the frame is drawn
                time.sleep(0.3)  # the first frame is up and settled
                os.write(master, keys)
                typed = True
            if process.poll() is not None and not ready:
                break
        return process.wait(timeout=10), output
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)


def test_quit_with_more_keys_behind_it_leaves_no_traceback(tmp_path):
    # "q" then "r" at once: the reload ran while the app was closing and printed a MountError.
    code, output = run_typing(b"qr", tmp_path)
    assert code == 0
    assert b"Traceback" not in output and b"Error" not in output


def test_a_terminal_left_at_gbk_does_not_end_the_app(tmp_path):
    """PuTTY or Xshell set to GBK, as often in Chinese offices, sends 区 as C7 F8, which is not UTF-8:
    the app goes on (the bytes read as U+FFFD) and q still quits, with no traceback."""
    code, output = run_typing("区二七".encode("gbk") + b"q", tmp_path)
    assert b"Traceback" not in output and b"UnicodeDecodeError" not in output
    assert code == 0


@pytest.mark.parametrize("how", [{"env": {"NO_COLOR": "1"}}, {"args": ("--color", "none")}])
def test_no_color_writes_no_colour_codes_at_all(tmp_path, how):
    import re

    # Every pane, then quit: only attributes (bold, dim, italic, underline, reverse, strike and
    # their resets) may appear in the SGR sequences, and no colour, not even a grey background.
    code, output = run_typing(b"2345q", tmp_path, (80, 24), *how.get("args", ()), env=how.get("env"))
    assert code == 0
    attributes = {"", "0", "1", "2", "3", "4", "7", "9", "21", "22", "23", "24", "27", "29"}
    used = {part for params in re.findall(rb"\x1b\[([0-9;:]*)m", output) for part in params.decode().split(";")}
    assert used <= attributes, sorted(used - attributes)
    assert "重点项目".encode() in output
