"""How figures read: units kept, "more than" kept, unknowns as —, control characters neutralised."""

from __future__ import annotations

import pytest

from erqi_tui.core import fmt
from erqi_tui.core.i18n import EN, ZH
from erqi_tui.core.model import Quantity


@pytest.mark.parametrize("quantity, shown", [
    (Quantity(50, "亿元", at_least=True), "50+ 亿元"),
    (Quantity(46000, "个", at_least=True), "46,000+ 个"),
    (Quantity(107.96, "亿元"), "107.96 亿元"),
    (Quantity(10.0, "亿元"), "10 亿元"),
    (Quantity(2.5, "亿元"), "2.5 亿元"),
    (None, "—"),
])
def test_quantity(quantity, shown):
    assert fmt.quantity(quantity, lang=ZH) == shown


def test_percent_and_points():
    assert fmt.percent(5 / 12) == "41.7%"
    assert fmt.percent(None) == "—"
    assert fmt.points(-0.057, lang=ZH) == "-5.7 个百分点"
    assert fmt.points(-0.057, signed=False, lang=ZH) == "5.7 个百分点"
    assert fmt.points(-0.057, lang=EN) == "-5.7 pp"


def test_clean_neutralises_terminal_control_characters():
    assert fmt.clean("a\x1b[2Jb\x07") == "a␛[2Jb␇"
    assert fmt.clean("osc\x1b]52;c;SGVsbG8=\x07") == "osc␛]52;c;SGVsbG8=␇"
    assert fmt.clean("c1\x9b31m") == "c1⟪U+009B⟫31m"  # not \x9b: that is a byte that was not UTF-8
    assert fmt.clean("login\udcff") == "login\\xff"
    assert fmt.clean("two\nlines") == "two\nlines"
    assert fmt.clean("two\nlines", single_line=True) == "two lines"


def test_clean_shows_bidi_overrides_and_invisible_characters_as_marks():
    """A name that a right-to-left override makes read "exe.png" reads as written, with the override
    shown; a zero-width space or a BOM inside a name shows; U+FFFF and a line separator too."""
    assert fmt.clean("发票\u202egnp.exe\u202c") == "发票⟪U+202E⟫gnp.exe⟪U+202C⟫"
    assert fmt.clean("二\u200b七\ufeff区\u2066x\u2069") == "二⟪U+200B⟫七⟪U+FEFF⟫区⟪U+2066⟫x⟪U+2069⟫"
    assert fmt.clean("a\uffffb\u2028c", single_line=True) == "a⟪U+FFFF⟫b⟪U+2028⟫c"
    assert fmt.clean("tag\U000e0041") == "tag⟪U+E0041⟫"
    ordinary = "二七区 Erqi 107.96 亿元 《规划》\u3000（约）\ue000"  # an ideographic space, a 造字 in private use
    assert fmt.clean(ordinary) == ordinary


def test_the_hidden_table_is_every_control_format_and_noncharacter():
    """HIDDEN is written out for speed; it must be exactly what Unicode (as this Python knows it)
    calls a control, a surrogate, a format character, a line or paragraph separator or a
    noncharacter, so that a newer Unicode's new format characters are not let through unnoticed."""
    import unicodedata

    everything = "".join(map(chr, range(0x110000)))
    matched = set(fmt.HIDDEN.findall(everything))
    expected = {ch for ch in everything
                if unicodedata.category(ch) in ("Cc", "Cs", "Cf", "Zl", "Zp")
                or (ord(ch) & 0xFFFE) == 0xFFFE or 0xFDD0 <= ord(ch) <= 0xFDEF}
    assert matched == expected, sorted(f"U+{ord(c):04X}" for c in matched ^ expected)[:20]


def test_clean_text_is_always_valid_xml():
    import re

    not_xml = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
    everything = "".join(map(chr, range(0x110000)))
    assert not not_xml.search(fmt.clean(everything))
    assert "\n" not in fmt.clean(everything, single_line=True)


def test_clean_leaves_markup_characters_alone():
    assert fmt.clean("[bold]x[/]") == "[bold]x[/]"


def test_an_approximate_quantity_keeps_its_about():
    from erqi_tui.store import edits
    from erqi_tui.core.model import Quantity

    about = Quantity(133, "亩", approx=True)
    assert fmt.quantity(about, lang=ZH) == "约133 亩" and fmt.as_written(about) == "约133 亩"
    assert edits.parse_quantity("约133", "亩", lang=ZH) == about and edits.parse_quantity("~133 亩", None, lang=ZH) == about
    assert fmt.quantity(about, lang=EN) == "≈133 mu"


def test_what_the_rest_of_the_year_needs_is_whole_for_a_count_and_a_month_for_an_amount():
    """fmt.need_part, the one function the screen's course and every export take it from (issue 25):
    2.4 projects a month over 7 months reads 余下 7 个月需 至少 17 个; an amount stays a month's."""
    import datetime as dt

    from erqi_tui.core.model import Target
    from erqi_tui.core.series import projection

    def need(current, target, date=dt.date(2024, 5, 31), lang=ZH):
        found = projection(Target("t", "t", target, current), date, 2024)
        return fmt.need_figure(found), fmt.need_part(found, lang=lang)

    assert need(Quantity(13, "个"), Quantity(30, "个", at_least=True)) == ((7, 17), ("余下 7 个月需", "至少 17 个"))
    assert need(Quantity(107.96, "亿元"), Quantity(300, "亿元", at_least=True)) == \
        ((None, 27.4), ("余下每月需", "至少 27.4 亿元"))
    # Mid-month: the months left to a tenth, as the screen says them; the count still whole
    (months, whole), (label, _) = need(Quantity(13, "家"), Quantity(30, "家"), dt.date(2024, 6, 15))
    assert 6 < months < 7 and round(months, 1) == months and label == f"余下 {months} 个月需"
    assert whole == 17 and isinstance(whole, int)
    assert need(Quantity(30, "个"), Quantity(30, "个")) == (None, None)  # reached: nothing needed
    assert need(Quantity(13, "个"), Quantity(30, "个"), lang=EN)[1][0] == "Needed by year-end (7 months)"


def test_one_month_left_is_said_in_the_singular():
    """At the end of November one month is left: "(1 month)", not "(1 months)", in English."""
    from erqi_tui.core.i18n import EN as english

    assert english.tr("余下 {months} 个月需", months="1") == "Needed by year-end (1 month)"
    assert english.tr("余下 {months} 个月需", months="7") == "Needed by year-end (7 months)"
    assert english.tr("，余下{months}个月需完成{value}", months="1", value="6") == ", needing 6 in the 1 month left"


def test_a_quotation_inside_a_quotation_takes_single_marks():
    """原文：“在谈海王“中药谷”…” reads as two quotations; Chinese writes the inner one ‘ ’."""
    assert fmt.quoted("提出大力实施“12345”优商攻坚行动") == "“提出大力实施‘12345’优商攻坚行动”"
    assert fmt.quoted("科学谋划") == "“科学谋划”"
