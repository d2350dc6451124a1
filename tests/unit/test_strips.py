"""Textual's drawn lines made when first used (strips.py): a session keeps ~1,500 of them, and each
kept seven empty caches. The same lines, the same results, a fraction of the memory."""

from __future__ import annotations

import tracemalloc

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import Monochrome
from textual.strip import Strip

from erqi_tui.terminal import strips

FILTER = Monochrome()


def test_applies_to_the_textual_erqi_tui_is_pinned_to():
    # False here means Textual's Strip is now built differently: look at strips.py again.
    assert strips.caches_on_first_use() is True
    assert strips.caches_on_first_use() is True  # a second call changes nothing


def test_a_kept_line_costs_a_fraction_of_what_it_did():
    strips.caches_on_first_use()
    segments = [Segment("签约额 107.96亿元", Style(bold=True)), Segment("  ", None)]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = [Strip(segments, 21) for _ in range(1000)]
        per_line = (tracemalloc.get_traced_memory()[0] - before) / len(kept)
    finally:
        tracemalloc.stop()
    # Seven caches and their dicts made up front were ~1 kB a line; the line itself is ~200 bytes.
    assert per_line < 400


def test_every_operation_gives_what_it_gave_and_is_cached():
    strips.caches_on_first_use()
    segments = [Segment("二七区", Style(color="red")), Segment(" 招商引资 ", Style()), Segment("[b]x[/b]", Style(bold=True))]
    line = Strip(segments)
    assert line.cell_length == 24
    assert line.text == "二七区 招商引资 [b]x[/b]"
    # Each result the same when asked again, from the line's cache (the very same object).
    for ask in (lambda s: s.crop(2, 9), lambda s: s.divide([4, 11, 24]), lambda s: s.apply_style(Style(italic=True)),
                lambda s: s.adjust_cell_length(30),
                lambda s: s.apply_filter(FILTER, Color(0, 0, 0)), lambda s: s.crop_extend(1, 25, None),
                lambda s: s.apply_offsets(3, 4)):
        first = ask(line)
        assert ask(line) is first
        again = ask(Strip(segments))  # a new line gives an equal result
        assert again == first
    assert line.crop(2, 9).text == "七区 招"
    assert [piece.text for piece in line.divide([4, 11, 24])] == ["二七", "区 招商", "引资 [b]x[/b]"]
