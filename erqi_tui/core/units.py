"""Units that convert into one another, by dimension (元/万元/亿元; 平方米/亩/公顷), so that figures
in different units of one dimension compare; anything else compares only with its own unit. No Textual."""

from __future__ import annotations

from .model import Quantity

# unit → (dimension, how many of the dimension's base unit one of it is)
SCALES: dict[str, tuple[str, float]] = {
    "元": ("money", 1), "万元": ("money", 1e4), "亿元": ("money", 1e8),
    "平方米": ("area", 1), "㎡": ("area", 1), "亩": ("area", 10_000 / 15), "公顷": ("area", 1e4),
    "平方公里": ("area", 1e6),
}


def dimension(unit: str) -> str:
    """What a unit measures: "money", "area", or the unit itself (个, 家: counts as they are)."""
    return SCALES[unit][0] if unit in SCALES else unit


def in_base_unit(quantity: Quantity) -> float:
    """The quantity in its dimension's base unit (元, 平方米), for comparing within the dimension."""
    return quantity.value * SCALES.get(quantity.unit, ("", 1))[1]


# Units of things counted one by one (projects, firms, times, people): a figure worked out in them
# (a projection, a shortfall) is a whole number, never "31.2 个".
COUNTED = frozenset({"个", "家", "项", "次", "人", "件", "户", "宗", "批", "场", "座", "所", "条", "名", "位", "方面"})


def counted(unit: str) -> bool:
    return unit in COUNTED
