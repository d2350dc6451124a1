"""Chinese (the default) or English, as a `Lang` passed to whatever renders: the UI's words, units
read in English, and the English names a data file may give. Keyed by the Chinese text, so the code
reads as the screen does. There is no process-wide language. No Textual."""

from __future__ import annotations

LANGS = ("zh", "en")


class Lang(str):
    """A language, passed to whatever renders words ("zh" or "en"; it is that string, so it compares
    and serialises as one). `lang.tr("总投资")` is the text in this language, `lang.data(record, f)` a
    data file's text in it. Nothing reads a language from anywhere else."""

    __slots__ = ()

    def __new__(cls, code: str) -> "Lang":
        if code not in LANGS:
            raise ValueError(code)
        return super().__new__(cls, code)

    @property
    def english(self) -> bool:
        return self == "en"

    def tr(self, text: str, /, **values: object) -> str:
        """`text` in this language, with `values` filled into its {placeholders}. In English a
        `count` (or `months`, as written) of 1 takes the singular where messages_en.ONE gives it
        ("1 unit", not "1 units")."""
        if self == "en":
            if values.get("count") == 1 or values.get("months") in (1, "1"):
                from .messages_en import ONE

                text = ONE.get(text) or english_words().get(text, text)
            else:
                text = english_words().get(text, text)
        return text.format(**values) if values else text

    def data(self, record: object, field: str) -> str:
        """A text from the data file: the file's English for it (its `en` table) in English."""
        value = getattr(record, field)
        if self == "en":
            return getattr(record, "en", {}).get(field, value) if value else value
        return value

    def pane_title(self, dashboard: object, pane_id: str) -> str:
        """A pane's title: for the layout pane, the file's own name for its plan (三区三轴, 一核四廊)
        when it gives one; otherwise the neutral title."""
        from .model import PANE_TITLES

        layout = getattr(dashboard, "layout", None)
        if pane_id == "layout" and layout is not None and layout.name:
            return self.data(layout, "name")
        return self.tr(PANE_TITLES[pane_id])

    def other(self) -> "Lang":
        return EN if self == "zh" else ZH


ZH = Lang("zh")
EN = Lang("en")


def english_words() -> dict[str, str]:
    """Chinese text → its English (messages_en), imported the first time English is needed."""
    from .messages_en import EN

    return EN


def both(text: str, **values: object) -> tuple[str, str]:
    """`text` in Chinese and in English (values filled into each), whatever the current language."""
    english_text = english_words().get(text, text)
    if values:
        return text.format(**values), english_text.format(**values)
    return text, english_text


# Units read in English: (English unit, factor). 1亿 = 100 million, so 107.96亿元 = 10.796 bn CNY.
UNITS_EN: dict[str, tuple[str, float]] = {
    "亿元": ("bn CNY", 0.1), "万元": ("m CNY", 0.01), "元": ("CNY", 1),
    "个": ("", 1), "家": ("firms", 1), "次": ("times", 1), "项": ("items", 1), "亩": ("mu", 1),
    "方面": ("areas", 1), "亿箱": ("m cases", 100), "亿吨": ("m t", 100), "人": ("people", 1),
    "公顷": ("ha", 1), "平方米": ("m²", 1), "平方公里": ("km²", 1), "亿美元": ("bn USD", 0.1), "万美元": ("k USD", 10),
}


def in_english_unit(value: float | int, unit: str | None) -> float | int:
    """`value` in `unit` as the English screen gives it, in UNITS_EN's unit (107.96 亿元 → 10.796, in
    bn CNY); as it is where that unit is the same or there is none. Every output and the English
    form scale through here, so a figure reads alike in each."""
    factor = UNITS_EN[unit][1] if unit in UNITS_EN else 1
    if factor == 1:
        return value
    scaled = round(value * factor, 6)
    return int(scaled) if float(scaled).is_integer() else scaled
