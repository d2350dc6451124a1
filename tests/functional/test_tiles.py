"""The 总览's figure tiles (cards.FigureGroup) and target cards (cards.TargetCard) say they are as
tall as what they draw, at any width and in either language: the layout asks their height before
they are drawn and without drawing them (a wrong answer showed a scrollbar and drew the pane twice
more, tests/functional/test_wire.py measures that on the wire; drawing a card to measure it had the
whole screen laid out again)."""

from __future__ import annotations

import pytest
from rich.console import Console

from erqi_tui.ui.widgets.cards import FigureGroup, TargetCard

from .helpers import make_app, run_with


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [60, 100, 200])
def test_the_tiles_are_as_tall_as_they_draw(lang, width):
    app = make_app(lang=lang)

    async def check(pilot):
        groups = list(app.query(FigureGroup))
        assert groups
        for group in groups:
            inner = group.content_size.width
            console = Console(width=inner, legacy_windows=False, color_system=None)
            drawn = console.render_lines(group.render(), console.options.update_width(inner), pad=False)
            if group.styles.height.is_auto:  # 大屏 (from 160 columns) gives its tiles the room left
                assert group.content_size.height == len(drawn), (group.border_title, inner)
            assert group.get_content_height(group.size, group.size, inner) == len(drawn)

    run_with(app, check, size=(width, 60))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [60, 100])
def test_a_target_card_is_as_tall_as_it_draws(lang, width):
    app = make_app(lang=lang)

    async def check(pilot):
        for pane in "12":
            await pilot.press(pane)
            await pilot.pause()
            cards = [card for card in app.query(TargetCard) if card.size.width]  # the pane shown
            assert cards
            for card in cards:
                inner = card.content_size.width
                assert card.get_content_height(card.size, card.size, inner) == len(card.render().split())
                assert card.content_size.height == len(card.render().split())

    run_with(app, check, size=(width, 40))
