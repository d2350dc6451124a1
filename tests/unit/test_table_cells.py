"""A table cell cut to its column never cuts a figure in its middle (issue 25: 约133 亩 at 80×24
read 约13…)."""

from __future__ import annotations

import pytest

from erqi_tui.ui.widgets.table import _truncate


@pytest.mark.parametrize("text, width, shown", [
    ("约133 亩", 5, "约…"),  # not 约13… (which reads as about 13)
    ("1,234.5 万元", 6, "…"),
    ("10 亿元", 5, "10 …"),  # the figure whole, its unit cut
    ("康师傅饮品北方区域研发总部", 9, "康师傅饮…"),  # text is cut as before
])
def test_a_figure_goes_whole_or_not_at_all(text, width, shown):
    assert _truncate(text, width) == shown
