"""The app's themes: dark (default), light, and high contrast for projectors."""

from __future__ import annotations

from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import LineFilter
from textual.theme import Theme

# What the palette calls our themes (through tr); Textual's own keep their proper names.
THEME_NAMES = {"erqi-dark": "深色", "erqi-light": "浅色", "erqi-contrast": "高对比（投影用）"}

THEMES = (
    Theme(name="erqi-dark", dark=True, primary="#1E88E5", secondary="#26A69A", accent="#FFB300",
          warning="#FB8C00", error="#E53935", success="#43A047",
          background="#121212", surface="#1C1C1C", panel="#24303A"),
    Theme(name="erqi-light", dark=False, primary="#1565C0", secondary="#00796B", accent="#E65100",
          warning="#E65100", error="#C62828", success="#2E7D32", foreground="#111111",
          background="#F7F7F7", surface="#FFFFFF", panel="#DCE6F2"),
    # Projectors wash colours out: black and white, saturated accents, nothing mid-grey.
    Theme(name="erqi-contrast", dark=True, primary="#FFFF00", secondary="#00FFFF", accent="#FFFFFF",
          warning="#FFFF00", error="#FF4444", success="#00FF00", foreground="#FFFFFF",
          background="#000000", surface="#000000", panel="#000000"),
)


class Uncoloured(LineFilter):
    """NO_COLOR (or --color none) as its users mean it: no colour codes at all, the terminal's own
    foreground and background, only bold, dim, italic, underline, reverse and strike. Textual's own
    filter for NO_COLOR turns colours into greys, which still paints a background."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [Segment(text, None if style is None else _uncoloured(style), control)
                for text, style, control in segments]


@lru_cache(1024)
def _uncoloured(style: Style) -> Style:
    return Style(bold=style.bold, dim=style.dim, italic=style.italic, underline=style.underline,
                 reverse=style.reverse, strike=style.strike, meta=style.meta or None)
