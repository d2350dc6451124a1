"""Light on the wire: the app's output with each style sent as a difference (wire.py) draws the
same screen, cell for cell, as Textual's own output — characters, colours and attributes, fed
into a terminal emulator (pyte) — for every pane, at 80x24 and 100x30, in 256 colours and
truecolour, in each theme and with NO_COLOR; and a pane switch costs little more than the screen
it draws."""

from __future__ import annotations

import codecs
import os
import select
import subprocess
import sys
import time

import pytest
import pyte

from erqi_tui.terminal.wire import Light, SGRDiff, transition

from ..conftest import BUNDLED

KEYS = ["2", "3", "4", "5", "1"]  # every pane, and back to 总览
QUIET = 0.5


def run(size, env: dict, keys=KEYS, args=()) -> list[bytes]:
    """Start erqi-tui in a pseudo-terminal of `size`; the bytes it writes for its first frame and
    after each key, each read until the output has been quiet a while."""
    import fcntl
    import struct
    import termios

    master, slave = os.openpty()
    cols, rows = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    environment = {**os.environ, "TERM": "xterm-256color", **env}
    for name in ("NO_COLOR", "COLORTERM", "TEXTUAL_DRIVER"):
        if name not in env:
            environment.pop(name, None)
    process = subprocess.Popen([sys.executable, "-m", "erqi_tui", "--data", str(BUNDLED), *args], stdin=slave,
                               stdout=slave, stderr=slave, env=environment, start_new_session=True)
    os.close(slave)
    steps = []
    try:
        steps.append(read(master, until="命令面板".encode(), timeout=60))
        for key in keys:
            os.write(master, key.encode())
            steps.append(read(master))
        os.write(master, b"q")
        read(master, timeout=5)
    finally:
        process.kill()
        process.wait()
        os.close(master)
    return steps


def read(fd: int, until: bytes | None = None, timeout: float = 20) -> bytes:
    data = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], QUIET)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
        elif data and (until is None or until in data):
            break
    return data


def cells(screen: pyte.Screen) -> list[list[tuple]]:
    return [[(c.data, c.fg, c.bg, c.bold, c.italics, c.underscore, c.strikethrough, c.reverse, c.blink)
             for c in (screen.buffer[y][x] for x in range(screen.columns))] for y in range(screen.lines)]


class Terminal:
    def __init__(self, size) -> None:
        self.screen = pyte.Screen(*size)
        self.stream = pyte.ByteStream(self.screen)

    def feed(self, data: bytes) -> list[list[tuple]]:
        self.stream.feed(data)
        return cells(self.screen)


def encoded_screen(screen: pyte.Screen) -> int:
    """The bytes of the screen as tmux encodes it (capture-pane -p -e): each line's text, a style
    change written where the style changes (a colour as 38;5;N), lines apart by a newline."""
    size = 0
    for y in range(screen.lines):
        style: dict = {}
        for x in range(screen.columns):
            c = screen.buffer[y][x]
            wanted = {}
            if c.fg != "default":
                wanted["fg"] = "38;5;255"
            if c.bg != "default":
                wanted["bg"] = "48;5;255"
            for name, slot, code in (("bold", "intensity", "1"), ("italics", "italic", "3"),
                                     ("underscore", "underline", "4"), ("reverse", "reverse", "7")):
                if getattr(c, name):
                    wanted[slot] = code
            key = (c.fg, c.bg, c.bold, c.italics, c.underscore, c.reverse)
            if key != style.get("key"):
                size += len(transition(style.get("codes", {}), wanted))
                style = {"key": key, "codes": wanted}
            size += len(c.data.encode())
        size += 1
    return size


CASES = [
    pytest.param((80, 24), {}, (), id="80x24-256"),
    pytest.param((100, 30), {"COLORTERM": "truecolor"}, (), id="100x30-truecolor"),
    pytest.param((80, 24), {"COLORTERM": "truecolor"}, ("--color", "16"), id="80x24-16"),
    pytest.param((100, 30), {"NO_COLOR": "1"}, (), id="100x30-no-color"),
]


@pytest.mark.parametrize("size, env, args", CASES)
def test_the_lighter_output_draws_the_same_screen(size, env, args):
    raw = run(size, {**env, "ERQI_TUI_RAW_OUTPUT": "1"}, args=args)
    plain, rewritten, styled = Terminal(size), Terminal(size), Terminal(size)
    light, sgr = Light(), SGRDiff()
    decoder = codecs.getincrementaldecoder("utf-8")("replace")  # a read may cut a character in two
    for step, data in enumerate(raw):
        text = decoder.decode(data)
        expected = plain.feed(data)
        assert rewritten.feed(light.feed(text, size).encode()) == expected, f"step {step} differs"
        # The style layer alone, fed in pieces cut anywhere (even inside an escape sequence).
        out = "".join(sgr.feed(text[i:i + 997]) for i in range(0, len(text), 997))
        assert styled.feed(out.encode()) == expected, f"step {step} differs, cut in pieces"
    assert "签约额" in "".join(line for line in plain.screen.display)  # back on 总览: a real screen was compared


@pytest.mark.parametrize("theme", ["erqi-light", "erqi-contrast"])
def test_each_theme_draws_the_same_screen(tmp_path, theme):
    (tmp_path / "erqi-tui").mkdir()
    (tmp_path / "erqi-tui" / "config.toml").write_text(f'theme = "{theme}"\n', encoding="utf-8")
    size = (80, 24)
    env = {"XDG_CONFIG_HOME": str(tmp_path), "COLORTERM": "truecolor"}
    raw = run(size, {**env, "ERQI_TUI_RAW_OUTPUT": "1"})
    lighter = run(size, env)  # the app itself, through its driver
    plain, rewritten = Terminal(size), Terminal(size)
    for step, (a, b) in enumerate(zip(raw, lighter)):
        assert plain.feed(a) == rewritten.feed(b), f"step {step} differs"


def test_a_pane_switch_costs_at_most_twice_the_screen_it_draws():
    size = (80, 24)
    steps = run(size, {}, keys=["2"])
    terminal = Terminal(size)
    terminal.feed(steps[0])
    terminal.feed(steps[1])
    assert len(steps[1]) <= 2 * encoded_screen(terminal.screen), (len(steps[1]), encoded_screen(terminal.screen))


def test_cut_anywhere_the_screen_is_the_same_after_every_piece():
    """What the app writes, cut at random places (mid-line, mid-character, mid-sequence) and fed
    piece by piece: after each piece the terminal shows what Textual's own output shows."""
    import random

    size = (80, 24)
    whole = b"".join(run(size, {"ERQI_TUI_RAW_OUTPUT": "1"}, keys=["2", "5", "/", "U", "\r", "\x1b[B", "1"]))
    text = whole.decode("utf-8")
    for seed in range(10):  # 450 such cuttings of three captures passed while this was written
        rng = random.Random(seed)
        cuts = sorted(rng.sample(range(1, len(text)), rng.choice((3, 30, 300))))
        plain, rewritten, light = Terminal(size), Terminal(size), Light()
        for start, end in zip([0, *cuts], [*cuts, len(text)]):
            piece = text[start:end]
            assert plain.feed(piece.encode()) == rewritten.feed(light.feed(piece, size).encode()), (seed, start)
