"""A pane as an SVG picture for a briefing: no window decoration, a title line with the district,
the date and the pane, and fonts that line Chinese text up, loaded from nothing outside."""

from __future__ import annotations

import io
import re

from rich.console import Console
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
        font-variant-east-asian: full-width;
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

# The three coloured "window buttons" Rich draws in the corner: a briefing is not a desktop.
_BUTTONS = re.compile(r"\s*<g transform=\"translate\(26,22\)\">\s*(<circle[^>]*/>\s*){3}</g>\s*")


def svg(app, title: str) -> str:
    """The app's current screen as a briefing's SVG, `title` on its first line. Data text reaches the
    screen cleaned (fmt.clean); the picture is cleaned once more as a whole, so that nothing a widget
    let through (U+FFFF, a bidi override) makes it invalid XML or reorders it: Rich escapes only & < >."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    picture = console.export_svg(title=fmt.clean(title, single_line=True), code_format=SVG_FORMAT,
                                 theme=SVG_EXPORT_THEME)
    return fmt.clean(_BUTTONS.sub("\n", picture))
