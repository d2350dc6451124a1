"""The app's themes: dark (default), light, and high contrast for projectors."""

from __future__ import annotations

from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import LineFilter
from textual.style import Style as TextualStyle
from textual.theme import Theme
from textual.widgets import Static

# What the palette calls our themes (through tr); Textual's own keep their proper names.
THEME_NAMES = {"erqi-dark": "深色", "erqi-light": "浅色", "erqi-contrast": "高对比（投影用）"}

# The colours that carry meaning, as theme variables ($erqi-ahead in CSS, "bold $erqi-ahead" in a
# style): every theme may give its own, and these are the values of any theme that does not (the
# app's get_theme_variable_defaults), Textual's own included. The ANSI ones stay themselves in 16
# colours: Textual's $success (#43A047) there is grey, the colour of disabled text.
COLOURS = {
    "erqi-ahead": "ansi_green",  # ahead of 序时进度 or on it: the verdict, its bar, its big digits
    "erqi-behind": "#ff8700",  # behind it, and what is overdue or stale
    "erqi-figure": "ansi_cyan",  # a trend, a change since the briefing, a comparison bar
    "erqi-elapsed": "ansi_cyan",  # the time-elapsed line (序时进度) on a chart
    "erqi-now": "ansi_magenta",  # the date a chart stands at
    "erqi-unknown": "ansi_bright_white",  # the bar of a target whose progress is not known
}

THEMES = (
    Theme(name="erqi-dark", dark=True, primary="#1E88E5", secondary="#26A69A", accent="#FFB300",
          warning="#FB8C00", error="#E53935", success="#43A047",
          background="#121212", surface="#1C1C1C", panel="#24303A", variables=dict(COLOURS)),
    # On white, the ANSI greens and cyans (drawn light) and bright white would hardly show.
    Theme(name="erqi-light", dark=False, primary="#1565C0", secondary="#00796B", accent="#E65100",
          warning="#E65100", error="#C62828", success="#2E7D32", foreground="#111111",
          background="#F7F7F7", surface="#FFFFFF", panel="#DCE6F2",
          variables={"erqi-ahead": "#2E7D32", "erqi-behind": "#D84315", "erqi-figure": "#00838F",
                     "erqi-elapsed": "#00838F", "erqi-now": "#AD1457", "erqi-unknown": "#111111"}),
    # Projectors wash colours out: black and white, saturated accents, nothing mid-grey.
    Theme(name="erqi-contrast", dark=True, primary="#FFFF00", secondary="#00FFFF", accent="#FFFFFF",
          warning="#FFFF00", error="#FF4444", success="#00FF00", foreground="#FFFFFF",
          background="#000000", surface="#000000", panel="#000000",
          variables={"erqi-ahead": "#00FF00", "erqi-behind": "#FFFF00", "erqi-figure": "#00FFFF",
                     "erqi-elapsed": "#00FFFF", "erqi-now": "#FF00FF", "erqi-unknown": "#FFFFFF"}),
)


def themed(widget, spec: str) -> Style:
    """A Rich style for text a widget draws in render(), from a style that may name the theme's
    variables ("bold $erqi-ahead"): the current theme's colour, drawn again when the theme changes.
    (Rich Text's own style strings know no theme: "green" stays green in every theme.)"""
    app = widget.app
    key = (app.theme, spec)
    style = _THEMED.get(key)
    if style is None:
        if len(_THEMED) > 256:
            _THEMED.clear()
        style = _THEMED[key] = TextualStyle.parse(spec, {**COLOURS, **app.theme_variables}).rich_style
    return style


_THEMED: dict[tuple[str, str], Style] = {}


class Themed:
    """For a widget whose render() draws with `themed`: drawn again when the theme changes (Textual
    redraws a widget only when its own styles change, which a theme's colours of meaning do not)."""

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme) -> None:
        self.refresh()


class ThemedStatic(Themed, Static):
    """A Static whose Content names the theme's colours ("bold $erqi-behind"): drawn again when the
    theme changes, as Textual does not redraw one whose own styles stay the same."""


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
