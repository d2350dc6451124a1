"""A pane as an SVG picture for a briefing: no window decoration, a title line with the district,
the date and the pane, and fonts that line Chinese text up, loaded from nothing outside."""

from __future__ import annotations

import html
import io
import re

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.terminal_theme import SVG_EXPORT_THEME

from ..core import fmt

# Rich's SVG page, with CJK-capable monospace fonts named first and no font fetched from a CDN.
SVG_FORMAT = """\
<svg class="rich-terminal" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">
    <style>
    .{unique_id}-matrix {{
        font-family: "Noto Sans Mono CJK SC", "Sarasa Mono SC", "Source Han Mono SC", "Microsoft YaHei Mono",
                     "DejaVu Sans Mono", monospace;
        font-size: {char_height}px;
        line-height: {line_height}px;
    }}

    .{unique_id}-title {{
        font-size: 18px;
        font-weight: bold;
        font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
    }}

    {styles}
    </style>

    <defs>
    <clipPath id="{unique_id}-clip-terminal">
      <rect x="0" y="0" width="{terminal_width}" height="{terminal_height}" />
    </clipPath>
    {lines}
    </defs>

    {chrome}
    <g transform="translate({terminal_x}, {terminal_y})" clip-path="url(#{unique_id}-clip-terminal)">
    {backgrounds}
    <g class="{unique_id}-matrix">
    {matrix}
    </g>
    </g>
</svg>
"""

# Rich sizes a text element as its characters × a cell's width, but a Chinese character takes two
# cells: Chromium (Edge opens .svg on Windows) squeezed every Chinese line to half its width. Each
# element is cut where the characters change width, and each character placed at its own cell, so
# the picture lines up as the terminal did in any renderer and whatever font it finds: one that
# honours textLength (Chromium, Firefox) and one that does not (rsvg, LibreOffice) alike.
_TEXT = re.compile(r'<text (?P<head>[^>]*?) x="(?P<x>[\d.]+)" y="(?P<y>[\d.]+)" textLength="[\d.]+"'
                   r' (?P<tail>[^>]*)>(?P<text>[^<]*)</text>')
FONT_SIZE = 20  # Rich's
CELL_WIDTH = FONT_SIZE * 0.61  # Rich's cell (font_aspect_ratio 0.61); the CJK mono fonts' glyphs are 0.5 em and 1 em


_OPENING = ("“", "‘")  # opening quotes: one cell wide in a terminal, a square in the CJK fonts


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(" ", "&#160;")


def _by_width(text: str) -> list[tuple[str, int]]:
    """`text` in pieces of characters of one width (1 or 2 cells; a zero-width one stays with the
    character before it), each with its width in cells."""
    pieces: list[list] = []
    for ch in text:
        width = cell_len(ch)
        if pieces and (width == 0 or pieces[-1][2] == width):
            pieces[-1][0] += ch
            pieces[-1][1] += width
        else:
            pieces.append([ch, width, width or 1])
    return [(piece, cells) for piece, cells, _ in pieces]


def _in_cells(match: re.Match) -> str:
    x = float(match["x"])
    out = []
    for piece, cells in _by_width(html.unescape(match["text"])):
        if piece in _OPENING:  # one cell on the screen, but the CJK fonts draw its mark at the right of
            # a square: set where that mark falls in its own cell, not under the character after it
            out.append(f'<text {match["head"]} x="{x - (FONT_SIZE - CELL_WIDTH):g}" y="{match["y"]}" '
                       f'{match["tail"]}>{_escape(piece)}</text>')
        elif len(piece) == 1 and piece.strip():  # one character: fitted to its cells where textLength is honoured
            out.append(f'<text {match["head"]} x="{x:g}" y="{match["y"]}" textLength="{cells * CELL_WIDTH:g}" '
                       f'lengthAdjust="spacingAndGlyphs" {match["tail"]}>{_escape(piece)}</text>')
        elif piece.strip():
            # each character at its own cell (a tspan each): a renderer that sets them in a font of
            # other widths (rsvg and LibreOffice take neither textLength nor a list of x) still
            # lines the picture up as the terminal did
            step = cells * CELL_WIDTH / len(piece)
            spans = "".join(f'<tspan x="{x + i * step:g}">{_escape(ch)}</tspan>' for i, ch in enumerate(piece)
                            if ch != " ")
            out.append(f'<text {match["head"]} x="{x:g}" y="{match["y"]}" {match["tail"]}>{spans}</text>')
        x = round(x + cells * CELL_WIDTH, 2)
    return "".join(out)


def in_cells(picture: str) -> str:
    """Every text element of Rich's picture cut into pieces of one character width, each as long as
    its cells."""
    return _TEXT.sub(_in_cells, picture)


# The three coloured "window buttons" Rich draws in the corner: a briefing is not a desktop.
_BUTTONS = re.compile(r"\s*<g transform=\"translate\(26,22\)\">\s*(<circle[^>]*/>\s*){3}</g>\s*")


class _Lines:
    """Lines of the screen, as Rich renders them."""

    def __init__(self, lines: list) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for index, line in enumerate(self.lines):
            if index:
                yield Segment.line()
            for strip in line:
                yield from strip


def screen_lines(app, leave_out: tuple = (), only=None) -> list:
    """The screen's lines (each a list of strips), without the rows of the widgets in `leave_out`
    (the tab row, the key line: a briefing's picture is not a program), only those of the widget
    `only` if given (a frame over the screen behind it), and without the blank rows at the bottom
    (all spaces), but one."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    skipped = {y for widget in leave_out for y in range(widget.region.y, widget.region.bottom)}
    kept = range(only.region.y, only.region.bottom) if only is not None else None
    lines = [line for y, line in enumerate(update.strips, update.region.y)
             if y not in skipped and (kept is None or y in kept)]
    filled = [i for i, line in enumerate(lines) if any(s.text.strip() for strip in line for s in strip)]
    return lines[:filled[-1] + 2] if filled else lines


def svg(app, title: str, leave_out: tuple = (), only=None) -> str:
    """The app's current screen as a briefing's SVG, `title` on its first line, without the rows of
    `leave_out` (and only those of `only`: screen_lines); text in cells (`in_cells`). Data text reaches the screen cleaned (fmt.clean); the
    picture is cleaned once more as a whole, so that nothing a widget let through (U+FFFF, a bidi
    override) makes it invalid XML or reorders it: Rich escapes only & < >."""
    width, _ = app.size
    lines = screen_lines(app, leave_out, only)
    console = Console(width=width, height=len(lines), file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False, safe_box=False)
    console.print(_Lines(lines))
    picture = console.export_svg(title=fmt.clean(title, single_line=True), code_format=SVG_FORMAT,
                                 theme=SVG_EXPORT_THEME)
    return fmt.clean(in_cells(_BUTTONS.sub("\n", picture)))
