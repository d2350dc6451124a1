"""Light on the wire: what the app writes to the terminal, cut to what changes on the screen.
No Textual; Light is applied in the app's driver (app.get_driver_class), and is general: it could
live in Textual's driver.

Two layers, measured first (bench/bytes.py): at 80x24 Textual wrote 39 KB for the first frame and
25–49 KB for a pane switch, where the screen itself, as tmux encodes it, takes 4–6 KB.
- ScreenDiff: Textual repaints a region whenever anything in it may have changed; a pane switch
  repainted most of the screen three or four times (a scrollbar appearing in a second pass, the
  focus moving in a third), each nearly the same. ScreenDiff keeps what every line shows and sends
  only the runs of cells that differ.
- SGRDiff: Rich writes each run of text as ESC[<whole style>m text ESC[0m (some four thousand resets
  a frame, the dark background repeated into every run). The terminal keeps its style between runs,
  so SGRDiff sends before each run only the difference from the style before it.

The screen drawn is the same, cell for cell: tests/functional/test_wire.py feeds both into a
terminal emulator, for every pane, in each colour mode and theme, with NO_COLOR, and cut at random
places. What a layer cannot follow (an escape sequence it does not know, an erase, a scroll, a line
that would wrap, a new terminal size) it passes on as written and forgets what it knew. Each write
ends with the cursor where the app left it and the style it asked for, so what comes next (Textual
as it exits, the shell) starts as expected.
"""
from __future__ import annotations

import re

from rich.cells import cell_len

# CSI sequences: ESC [ (private marker) params (intermediates) final byte.
_CSI = re.compile(r"\x1b\[([<=>?]?)([0-9;:]*)([ -/]*)([@-~])")
# Finals of sequences that paint with the current background (BCE): erase in display/line (J, K),
# erase characters (X), insert/delete characters or lines (@, P, L, M), scroll (S, T).
_PAINTS = set("JKX@PLMST")
# The mouse pointer's shape (OSC 22, which Textual writes before its first frame and as the pointer
# moves over widgets): it changes no cell, style or cursor, so neither layer forgets what it knew.
_POINTER = re.compile(r"\x1b\]22;[^\x07\x1b]*(?:\x07|\x1b\\)")

# Attribute slots: the code that turns each on is stored; OFF is the code that turns it off.
OFF = {"intensity": "22", "italic": "23", "underline": "24", "blink": "25", "reverse": "27", "conceal": "28",
       "strike": "29", "overline": "55", "frame": "54", "fg": "39", "bg": "49", "ulcolor": "59"}
_SIMPLE = {"3": "italic", "5": "blink", "6": "blink", "7": "reverse", "8": "conceal", "9": "strike", "53": "overline",
           "51": "frame", "52": "frame", "21": "underline"}
_CLEARS = {"23": ("italic",), "24": ("underline",), "25": ("blink",), "27": ("reverse",), "28": ("conceal",),
           "29": ("strike",), "55": ("overline",), "54": ("frame",), "39": ("fg",), "49": ("bg",), "59": ("ulcolor",)}
RESET: dict = {}


_APPLIED: dict[tuple, dict | None] = {}  # a frame repeats a few dozen styles thousands of times


def apply(state: dict, params: str) -> dict | None:
    """`state` after the SGR with `params` (e.g. "1;38;5;231"); None if a code is not understood.
    The dict returned may be shared: it is never changed, only replaced."""
    key = (tuple(state.items()), params)
    found = _APPLIED.get(key, False)
    if found is not False:
        return found
    if len(_APPLIED) > 4096:
        _APPLIED.clear()
    _APPLIED[key] = found = _apply(state, params)
    return found


def _apply(state: dict, params: str) -> dict | None:
    codes = params.split(";") if params else ["0"]
    if "?" in state and codes[0] not in ("", "0"):
        return None  # on top of a style not understood: nothing is known until a reset
    state = dict(state)
    i = 0
    while i < len(codes):
        code = codes[i]
        if ":" in code:  # 4:3 (curly underline), 38:2::r:g:b: one token each
            head = code.split(":", 1)[0]
            slot = {"4": "underline", "38": "fg", "48": "bg", "58": "ulcolor"}.get(head)
            if slot is None:
                return None
            if head == "4" and code in ("4:0",):
                state.pop("underline", None)
            else:
                state[slot] = code
            i += 1
            continue
        if code in ("", "0"):
            state = {}
        elif code == "1":
            state["intensity"] = "1" if state.get("intensity") in (None, "1") else "1;2"
        elif code == "2":
            state["intensity"] = "2" if state.get("intensity") in (None, "2") else "1;2"
        elif code == "22":
            state.pop("intensity", None)
        elif code == "4":
            state["underline"] = "4"
        elif code in _SIMPLE:
            state[_SIMPLE[code]] = code
        elif code in _CLEARS:
            for slot in _CLEARS[code]:
                state.pop(slot, None)
        elif code in ("38", "48", "58"):
            slot = {"38": "fg", "48": "bg", "58": "ulcolor"}[code]
            mode = codes[i + 1] if i + 1 < len(codes) else ""
            take = 3 if mode == "5" else 5 if mode == "2" else 0
            if not take or i + take > len(codes):
                return None
            state[slot] = ";".join(codes[i:i + take])
            i += take
            continue
        elif code.isdigit() and (30 <= int(code) <= 37 or 90 <= int(code) <= 97):
            state["fg"] = code
        elif code.isdigit() and (40 <= int(code) <= 47 or 100 <= int(code) <= 107):
            state["bg"] = code
        else:
            return None
        i += 1
    return state


def transition(old: dict, new: dict) -> str:
    """The shortest SGR taking the terminal from style `old` to style `new` ("" when they are equal)."""
    if old == new:
        return ""
    full = ["0", *new.values()] if new else ["0"]
    diff = []
    for slot in old:
        if slot not in new:
            diff.append(OFF[slot])
        elif slot == "intensity" and old[slot] != new[slot]:
            diff.append("22")  # bold and dim share one off code: turn both off, then set what stays
    for slot, code in new.items():
        if old.get(slot) != code:
            diff.append(code)
    best = min((";".join(diff), ";".join(full)), key=len)
    return f"\x1b[{best}m"


class SGRDiff:
    """Rewrites a stream of terminal output so that each style is sent as a difference."""

    def __init__(self) -> None:
        self.sent: dict = {}  # the style the terminal has now
        self.wanted: dict = {}  # the style the app has asked for
        self.tail = ""  # an escape sequence cut at the end of a write: kept for the next

    def feed(self, data: str) -> str:
        data, self.tail = _split_tail(self.tail + data)
        out: list[str] = []
        position = 0
        for match in _CSI.finditer(data):
            start = match.start()
            if start > position:
                self._text(data[position:start], out)
            private, params, intermediates, final = match.groups()
            if final == "m" and not private and not intermediates:
                state = apply(self.wanted, params)
                if state is None:  # not understood: sent as written, on the style asked for before it
                    self._sync(out)
                    out.append(match.group(0))
                    self.wanted = {"?": match.group(0)}
                    self.sent = self.wanted
                else:
                    self.wanted = state
            else:
                if final in _PAINTS and not private:
                    self._sync(out)
                out.append(match.group(0))
            position = match.end()
        if position < len(data):
            self._text(data[position:], out)
        self._sync(out)  # the terminal ends each write in the style asked for
        return "".join(out)

    def _text(self, text: str, out: list[str]) -> None:
        # Text and escape sequences other than CSI (OSC titles and links, ESC 7/8) pass through;
        # printable text needs the wanted style first.
        bare = _POINTER.sub("", text) if "\x1b]22;" in text else text
        if any(ch >= " " and ch != "\x7f" for ch in bare if ch != "\x1b"):
            self._sync(out)
        out.append(text)
        if "\x1b" in bare:  # ESC 8 restores a style saved before: none is known until a reset
            self.sent = self.wanted = {"?": ""}

    def _sync(self, out: list[str]) -> None:
        if self.sent != self.wanted:
            if "?" in self.sent:
                out.append("\x1b[0m")
                self.sent = {}
            out.append(transition(self.sent, self.wanted))
            self.sent = dict(self.wanted)


def _split_tail(data: str) -> tuple[str, str]:
    """`data` without an escape sequence cut off at its end, and that piece (kept for the next write)."""
    cut = data.rfind("\x1b")
    if cut != -1 and not _complete(data, cut):
        return data[:cut], data[cut:]
    return data, ""


def _complete(data: str, start: int) -> bool:
    """Whether the escape sequence starting at `start` ends within `data`."""
    rest = data[start:]
    if len(rest) < 2:
        return False
    if rest[1] == "[":
        return _CSI.match(rest) is not None or bool(re.match(r"\x1b\[[0-?]*[ -/]*[@-~]", rest))
    if rest[1] == "]":  # OSC: ends with BEL or ESC \
        return "\x07" in rest or "\x1b\\" in rest[1:]
    return True


_MOVE = re.compile(r"(\d*);?(\d*)")
_LINE_BREAK = re.compile(r"(\r|\n)")
_GAP = 4  # unchanged cells between two changed runs rewritten rather than moved over (a move costs ~8 bytes)


class ScreenDiff:
    """Leaves out what the terminal already shows. Textual repaints a region whenever anything in
    it may have changed: a pane switch here repainted most of the screen three to four times, each
    time nearly the same (a scrollbar drawn in a second pass, a focus moved in a third). Textual
    writes a line as a cursor move, then runs of styled text, perhaps with moves along the same
    line. This keeps, for every line, the characters and styles it has sent; a line's new text is
    laid over them, and only the runs of cells that differ are sent, each after a cursor move.

    What it cannot follow is passed through as written, and the lines it may have touched are then
    forgotten (sent whole the next time): an escape sequence it does not know, an erase, a scroll, a
    character of no width, a line that would wrap, a line break under a scroll region, a new size
    of the terminal. A cursor left past the last column, waiting to wrap, is put there by writing that
    column's character again; a style not understood is sent again as the sequences that made it."""

    def __init__(self) -> None:
        self.lines: dict[int, list] = {}  # row → its cells: (character, style) as the terminal shows them
        self.size: tuple[int, int] | None = None
        self.style: dict = {}  # the style asked for so far
        self.style_key: tuple | None = ()  # the same, as the cells keep it (None: not yet worked out)
        # Cells are shared, not made anew: a screen holds thousands, of a few dozen styles and a few
        # hundred characters. Style key → (that key, its cells by character).
        self.kept: dict[tuple, tuple[tuple, dict[str, tuple]]] = {}
        self.style_cells: dict[str, tuple] = self.shared(())
        self.cursor: tuple[int, int] | None = None  # where the cursor is, as the app would have it
        self.placed: tuple[int, int] | None = None  # where it is on the terminal, after what was sent
        self.region = False  # a scroll region is set: a line break may scroll part of the screen

    def feed(self, data: str, size: tuple[int, int] | None = None) -> str:
        if size != self.size or size is None:
            self.lines.clear()
            self.size = size
            self.placed = None
        self.out: list[str] = []
        self.row: int | None = None  # the line being laid out, its cells, and what was written for it
        self.cells: list | None = None
        self.raw: list[str] = []
        self.opened: tuple = ()  # where and in which style the line's writing began
        self.col = 0
        self.sent_style = None
        self.width, self.height = size if size else (0, 0)
        if len(data) >= self.width * self.height:  # a new screen, most likely (a pane shown): its cells
            self.kept.clear()  # are shared anew, and those of the screens before it are not kept
            self.style_key = None
        position = 0
        for match in _CSI.finditer(data):
            if match.start() > position:
                self.text(data[position:match.start()])
            position = match.end()
            self.sequence(match)
        if position < len(data):
            self.text(data[position:])
        self.close()
        self.place()  # the cursor where the app left it (nothing sent when it is there already)
        out = self.out
        out.append(_written(self.style))
        return "".join(out)

    def shared(self, key: tuple) -> dict[str, tuple]:
        """The cells of the style `key`, by character; `style_key` set to the one kept of it."""
        found = self.kept.get(key)
        if found is None:
            if len(self.kept) > 1024:  # many styles: start again (the lines keep what they hold)
                self.kept.clear()
            found = self.kept[key] = (key, {})
        self.style_key = found[0]
        return found[1]

    def place(self) -> None:
        """Move the terminal's cursor to where the app's is, if it is known and not there."""
        if self.cursor is None or self.cursor == self.placed:
            return
        row, col = self.cursor
        cells = self.lines.get(row)
        if col >= self.width and cells is not None:
            # Past the last column, waiting to wrap (the next character starts the next line): no
            # move puts a cursor there, so the line's last character is written again.
            first = self.width - 1
            if first > 0 and cells[first] is not None and cells[first][0] == "":
                first -= 1  # the right half of a wide character
            if all(cells[i] is not None for i in range(first, self.width)):
                char, style = cells[first]
                codes = ";".join(["0", *(code for _, code in style)])
                self.out.append(f"\x1b[{row};{first + 1}H\x1b[{codes}m{char}")
                self.sent_style = style
                self.placed = self.cursor
                return
        self.out.append(f"\x1b[{row};{min(col, self.width - 1) + 1}H")
        self.placed = self.cursor

    def open(self, row: int, col: int) -> None:
        self.row, self.col, self.raw = row, col, []
        old = self.lines.get(row)
        self.cells = list(old) if old is not None else [None] * self.width
        self.opened = (row, col, dict(self.style))
        self.cursor = (row, col)

    def give_up(self) -> None:
        """Send the line's writing as it came, from where and in the style it began; forget the line."""
        row, col, style = self.opened
        self.out.append(f"\x1b[{row};{col + 1}H")
        self.out.append(_written(style))
        self.out.extend(self.raw)
        self.placed = None  # wherever the line's writing left it
        self.lines.pop(row, None)
        self.row, self.cells, self.raw = None, None, []
        self.sent_style = None

    def close(self) -> None:
        if self.row is None:
            return
        row, cells = self.row, self.cells
        old = self.lines.get(row)
        changed = [i for i in range(len(cells)) if cells[i] is not None and (old is None or cells[i] != old[i])]
        for first, last in _runs(changed, cells):
            self.out.append(f"\x1b[{row};{first + 1}H")
            for i in range(first, last + 1):
                char, style = cells[i]
                if char == "":
                    continue  # the right half of a wide character
                if style != self.sent_style:
                    self.out.append("\x1b[" + ";".join(["0", *(code for _, code in style)]) + "m")
                    self.sent_style = style
                self.out.append(char)
            # After the last column a terminal waits to wrap: where its cursor is then is not assumed.
            self.placed = (row, last + 1) if last + 1 < self.width else None
        self.lines[row] = cells  # None where a cell is not known: sent whenever it is written
        self.row, self.cells, self.raw = None, None, []

    def unknown(self, text: str) -> None:
        """Written where the cursor is not known, or not understood: sent as is, where the app's
        cursor is if that is known; every line forgotten."""
        self.close()
        self.place()
        self.out.append(_written(self.style))  # the line's own styles were sent, not the app's
        self.out.append(text)
        self.placed = None
        self.lines.clear()
        self.cursor = None
        self.sent_style = None

    def text(self, text: str) -> None:
        if "\x1b]22;" in text and _POINTER.search(text):  # the pointer's shape: sent, nothing forgotten
            position = 0
            for match in _POINTER.finditer(text):
                if match.start() > position:
                    self.text(text[position:match.start()])
                self.out.append(match.group(0))
                position = match.end()
            if position < len(text):
                self.text(text[position:])
            return
        if "\x1b" in text:  # an escape sequence other than CSI (OSC, ESC 7)
            self.unknown(text)
            self.style, self.style_key = {"?": ""}, None  # ESC 8 restores a style saved before
            return
        consumed = 0
        for piece in _LINE_BREAK.split(text):
            if not piece:
                continue
            if self.row is None:
                self.unknown(text[consumed:])
                return
            if piece == "\r":
                self.raw.append(piece)
                self.col = 0
            elif piece == "\n":
                self.raw.append(piece)
                if self.row >= self.height or self.region:  # the screen, or a region of it, may scroll
                    self.give_up()
                    self.lines.clear()
                    self.cursor = None
                    self.out.append(text[consumed + 1:])
                    return
                row, col = self.row + 1, min(self.col, self.width - 1)  # a line feed ends a wait to wrap
                self.close()
                self.open(row, col)
            else:
                failed = self.lay(piece)
                if failed >= 0:  # a character of no width, or one that would wrap
                    self.raw.append(piece[:failed + 1])
                    self.give_up()
                    self.cursor = None
                    rest = text[consumed + failed + 1:]
                    if rest:
                        self.unknown(rest)
                    return
                self.raw.append(piece)
            consumed += len(piece)
            self.cursor = (self.row, self.col)  # past the last column: waiting to wrap

    def lay(self, piece: str) -> int:
        """Lay `piece` (no line breaks) over the line's cells from the cursor; the index of the
        first character that cannot be followed, or -1."""
        if "?" in self.style:
            return 0
        if self.style_key is None:
            self.style_cells = self.shared(tuple(sorted(self.style.items())))
        cells, col, width, style, known = self.cells, self.col, self.width, self.style_key, self.style_cells
        old = self.lines.get(self.row)  # what the terminal shows of the line
        if len(known) > 4096:
            known.clear()
        for index, char in enumerate(piece):
            w = 1 if " " <= char <= "~" else cell_len(char)
            if w == 0 or col + w > width:
                self.col = col
                return index
            # Written over half of a wide character (whose right half is the placeholder "", and
            # only that): terminals differ in what they show of its other half (most blank it),
            # so that cell is no longer known, and nothing is assumed. A wide character not yet
            # on the terminal (laid by this line) must reach it first: the line is given up.
            cell = cells[col]
            if col > 0 and cell is not None and cell[0] == "":
                if old is None or old[col - 1] != cells[col - 1]:
                    self.col = col
                    return index
                cells[col - 1] = None
            after = col + w  # the cell after the last this character covers
            if after < width and cells[after] is not None and cells[after][0] == "":
                if old is None or old[after - 1] != cells[after - 1]:
                    self.col = col
                    return index
                cells[after] = None
            cell = known.get(char)
            if cell is None:
                cell = known[char] = (char, style)
            cells[col] = cell
            if w == 2:
                cell = known.get("")
                if cell is None:
                    cell = known[""] = ("", style)
                cells[col + 1] = cell
            col += w
        self.col = col
        return -1

    def sequence(self, match) -> None:
        private, params, intermediates, final = match.groups()
        token = match.group(0)
        if final == "m" and not private and not intermediates:
            state = apply(self.style, params)
            # Not understood: kept as the SGR that makes it, from a reset (bold, then ESC[10m, is
            # still bold), to be written again as it came wherever the line is given up.
            self.style = state if state is not None else {"?": _written(self.style) + token}
            self.style_key = None  # worked out when text is laid in it (a reset is soon followed by a style)
            if self.row is not None:
                self.raw.append(token)
            else:
                self.out.append(token)
                self.sent_style = None
            return
        move = _MOVE.fullmatch(params) if final in "Hf" and not private and not intermediates else None
        if move and self.width:
            r, c = (int(x) if x else 1 for x in move.groups())
            if self.row is not None and r == self.row and 1 <= c <= self.width:
                self.raw.append(token)
                self.col = c - 1
                self.cursor = (r, c - 1)
                return
            self.close()
            if 1 <= r <= self.height and 1 <= c <= self.width:
                self.open(r, c - 1)
            else:
                self.out.append(token)
                self.cursor = self.placed = None
            return
        self.close()
        if final == "r" and not private and not intermediates:  # DECSTBM; ESC[r is the whole screen
            self.region = params not in ("", ";", f"1;{self.height}", f";{self.height}")
        if not (private and final in "hl"):  # a mode (cursor shown, synchronised output) changes no line
            self.place()  # an erase, a scroll…: done where the app's cursor is
            if final in _PAINTS:  # …and in its background
                self.out.append(_written(self.style))
            self.out.append(token)
            self.lines.clear()
            self.cursor = self.placed = None
        else:
            self.out.append(token)
        self.sent_style = None


def _written(style: dict) -> str:
    """The SGR that sets `style` from whatever the terminal had: a reset, then its codes; a style
    not understood is the reset and the sequences that made it, as they came."""
    return style["?"] if "?" in style else "\x1b[" + ";".join(["0", *style.values()]) + "m"


def _runs(changed: list[int], cells: list) -> list[tuple[int, int]]:
    """The changed cells as runs (first, last), close ones joined, wide characters kept whole."""
    runs: list[list[int]] = []
    for i in changed:
        if runs and i - runs[-1][1] <= _GAP + 1 and all(cells[j] is not None for j in range(runs[-1][1], i)):
            runs[-1][1] = i
        else:
            runs.append([i, i])
    for run in runs:
        if cells[run[0]] is not None and cells[run[0]][0] == "" and run[0] > 0:
            run[0] -= 1  # starts on the right half of a wide character: write the character
        if run[1] + 1 < len(cells) and cells[run[1] + 1] is not None and cells[run[1] + 1][0] == "":
            run[1] += 1
    return [(a, b) for a, b in runs if all(cells[i] is not None for i in range(a, b + 1))]


class Light:
    """ScreenDiff, then SGRDiff: what is already on the screen left out, each style sent as a difference."""

    def __init__(self) -> None:
        self.rows = ScreenDiff()
        self.sgr = SGRDiff()
        self.tail = ""  # an escape sequence cut at the end of a write: kept for the next

    def feed(self, data: str, size: tuple[int, int] | None = None) -> str:
        data, self.tail = _split_tail(self.tail + data)
        return self.sgr.feed(self.rows.feed(data, size))


def lighter(driver_class: type) -> type:
    """`driver_class` writing each style as a difference (see SGRDiff)."""

    class Lighter(driver_class):
        def __init__(self, app, *args, **kwargs) -> None:
            # The app from the constructor's own argument (Driver keeps it only as a private _app).
            self.erqi_app, self.erqi_light = app, Light()
            super().__init__(app, *args, **kwargs)

        def write(self, data: str) -> None:
            super().write(self.erqi_light.feed(data, tuple(self.erqi_app.size)))

    Lighter.__name__ = Lighter.__qualname__ = f"Lighter{driver_class.__name__}"
    return Lighter
