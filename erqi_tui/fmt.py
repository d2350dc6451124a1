"""How figures read on screen and in exports: units, "more than" marks, percentages. No Textual."""

from __future__ import annotations

from .model import Quantity

MISSING = "—"


def number(value: int | float) -> str:
    """46000 → "46,000"; 107.96 → "107.96"; 10.0 → "10"."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,}"
    return f"{int(value):,}"


def quantity(q: Quantity | None, *, unit: bool = True) -> str:
    """A quantity as shown: "50+ 亿元" for a lower bound, "13 个", "—" when unknown."""
    if q is None:
        return MISSING
    text = number(q.value) + ("+" if q.at_least else "")
    return f"{text} {q.unit}" if unit and q.unit else text


def percent(share: float | None) -> str:
    if share is None:
        return MISSING
    return f"{share * 100:.1f}%"


def points(gap: float | None, *, signed: bool = True) -> str:
    """A gap in percentage points: "+1.7 个百分点", or "1.7 个百分点" unsigned."""
    if gap is None:
        return MISSING
    return f"{gap * 100:+.1f} 个百分点" if signed else f"{abs(gap) * 100:.1f} 个百分点"


def clean(text: str, *, single_line: bool = False) -> str:
    """Neutralise terminal control characters in data text: ESC, BEL, C1 codes show as visible
    symbols (␛, ␇, …) instead of reaching the terminal. Newlines stay unless `single_line`."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch == "\n":
            out.append(" " if single_line else ch)
        elif ch == "\t":
            out.append(" ")
        elif code < 0x20:
            out.append(chr(0x2400 + code))
        elif code == 0x7F:
            out.append("␡")
        elif 0x80 <= code < 0xA0:
            out.append(f"\\x{code:02x}")
        else:
            out.append(ch)
    return "".join(out)


_SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float]) -> str:
    """A value over time in block characters, lowest ▁ to highest █ ("" for fewer than two values)."""
    if len(values) < 2:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return _SPARKS[3] * len(values)
    return "".join(_SPARKS[round((v - low) / (high - low) * (len(_SPARKS) - 1))] for v in values)
