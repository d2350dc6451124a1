"""Colours come from the theme (issue 21): a theme that gives other values to the colours of meaning
($erqi-ahead, $erqi-behind, $erqi-figure, $erqi-elapsed, $erqi-now) changes every coloured figure —
verdicts, bars, trends, changes, charts, the 大屏's digits, overdue tasks and steps — and leaves none
in the default theme's colours."""

from __future__ import annotations

from textual.theme import Theme

from erqi_tui.ui.themes import THEMES

from .helpers import make_app, run_with
from .test_snapshots import EXAMPLE_YEAR

# The default theme's colours of meaning as drawn (Textual draws ANSI green, cyan and magenta in its
# own shades), and the probe theme's: none of them is used by anything else on these screens.
DEFAULT = {"#98e024": "ahead", "#ff8700": "behind", "#58d1eb": "figure or elapsed", "#f4005f": "now"}
PROBE = {"erqi-ahead": "#01fe02", "erqi-behind": "#fe0103", "erqi-figure": "#0302fe",
         "erqi-elapsed": "#04fdfd", "erqi-now": "#fd04fd", "erqi-unknown": "#fdfdfc"}


def colours_on_screen(app) -> set[str]:
    found = set()
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            if segment.style and segment.style.color and segment.style.color.triplet and segment.text.strip():
                found.add(segment.style.color.triplet.hex)
    return found


def tour(probe: bool, big: bool) -> set[str]:
    """The colours of the example year's overview (or 大屏), 营商环境's tasks, 招商引资 and the wall chart."""
    app = make_app(EXAMPLE_YEAR)
    app.force_big = big
    seen: set[str] = set()

    async def check(pilot):
        if probe:
            dark = next(t for t in THEMES if t.name == "erqi-dark")
            app.register_theme(Theme(name="probe", dark=True, primary=dark.primary, secondary=dark.secondary,
                                     accent=dark.accent, warning=dark.warning, error=dark.error,
                                     success=dark.success, background=dark.background, surface=dark.surface,
                                     panel=dark.panel, variables=PROBE))
            app.theme = "probe"  # as the command palette's 主题 does, after the screen is drawn
        for keys in (["1"], ["4", "end"], ["2"], ["g"]):
            await pilot.press(*keys)
            await pilot.pause()
            seen.update(colours_on_screen(app))
        await pilot.press("escape")

    run_with(app, check, size=(200, 50) if big else (100, 30))
    return seen


def test_the_default_theme_draws_its_colours_of_meaning():
    seen = tour(probe=False, big=False) | tour(probe=False, big=True)
    assert set(DEFAULT) <= seen
    assert not set(PROBE.values()) & seen


def test_a_theme_with_other_values_changes_every_coloured_figure():
    seen = tour(probe=True, big=False) | tour(probe=True, big=True)
    left = {colour: what for colour, what in DEFAULT.items() if colour in seen}
    assert not left, f"still in the default theme's colours: {left}"
    # Every colour of meaning is drawn in the probe's value (a target of unknown progress has no
    # bar in the example year).
    assert {v for k, v in PROBE.items() if k != "erqi-unknown"} <= seen
