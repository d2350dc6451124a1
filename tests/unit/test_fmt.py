"""How figures read: units kept, "more than" kept, unknowns as —, control characters neutralised."""

from __future__ import annotations

import pytest

from erqi_tui import fmt
from erqi_tui.model import Quantity


@pytest.mark.parametrize("quantity, shown", [
    (Quantity(50, "亿元", at_least=True), "50+ 亿元"),
    (Quantity(46000, "个", at_least=True), "46,000+ 个"),
    (Quantity(107.96, "亿元"), "107.96 亿元"),
    (Quantity(10.0, "亿元"), "10 亿元"),
    (Quantity(2.5, "亿元"), "2.5 亿元"),
    (None, "—"),
])
def test_quantity(quantity, shown):
    assert fmt.quantity(quantity) == shown


def test_percent_and_points():
    assert fmt.percent(5 / 12) == "41.7%"
    assert fmt.percent(None) == "—"
    assert fmt.points(-0.057) == "-5.7 个百分点"
    assert fmt.points(-0.057, signed=False) == "5.7 个百分点"


def test_clean_neutralises_terminal_control_characters():
    assert fmt.clean("a\x1b[2Jb\x07") == "a␛[2Jb␇"
    assert fmt.clean("osc\x1b]52;c;SGVsbG8=\x07") == "osc␛]52;c;SGVsbG8=␇"
    assert fmt.clean("c1\x9b31m") == "c1\\x9b31m"
    assert fmt.clean("two\nlines") == "two\nlines"
    assert fmt.clean("two\nlines", single_line=True) == "two lines"


def test_clean_leaves_markup_characters_alone():
    assert fmt.clean("[bold]x[/]") == "[bold]x[/]"


def test_an_approximate_quantity_keeps_its_about():
    from erqi_tui import edits, i18n
    from erqi_tui.model import Quantity

    about = Quantity(133, "亩", approx=True)
    assert fmt.quantity(about) == "约133 亩" and fmt.as_written(about) == "约133 亩"
    assert edits.parse_quantity("约133", "亩") == about and edits.parse_quantity("~133 亩", None) == about
    with i18n.language("en"):
        assert fmt.quantity(about) == "≈133 mu"
