"""How figures read on screen and in exports: units, "more than" marks, percentages. No Textual."""

from __future__ import annotations

import math
import re

from .model import Quantity
from .units import counted
from . import i18n
from .i18n import Lang

MISSING = "—"


def number(value: int | float) -> str:
    """46000 → "46,000"; 107.96 → "107.96"; 10.0 → "10"."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,}"
    return f"{int(value):,}"


def quantity(q: Quantity | None, *, unit: bool = True, words: bool = False,
             lang: Lang) -> str:
    """A quantity as shown: "50+ 亿元" for a lower bound, "13 个", "—" when unknown. In English the
    unit is read in English where it is known: 107.96 亿元 → "10.796 bn CNY". `words`: a lower bound
    as an official writes it in Chinese, "50亿元以上" (the screen's cards, tiles and charts, and the
    text exports: Markdown, HTML, JSON's "shown", the workbook's text cells); "50+" in English."""
    if q is None:
        return MISSING
    value, shown_unit = q.value, q.unit
    if lang.english and q.unit in i18n.UNITS_EN:
        shown_unit, value = i18n.UNITS_EN[q.unit][0], i18n.in_english_unit(value, q.unit)
    if words and q.at_least and not lang.english:
        text = ("约" if q.approx else "") + number(value)
        return f"{text}{shown_unit}以上" if unit and shown_unit else f"{text}以上"
    text = number(value) + ("+" if q.at_least else "")
    if q.approx:
        text = ("≈" if lang.english else "约") + text
    return f"{text} {shown_unit}" if unit and shown_unit else text


def as_written(q: Quantity, *, unit: bool = True) -> str:
    """A quantity in its file's own unit, in any language: what a form shows for editing."""
    text = ("约" if q.approx else "") + number(q.value).replace(",", "") + ("+" if q.at_least else "")
    return f"{text} {q.unit}" if unit and q.unit else text


def quoted(text: str) -> str:
    """`text` in Chinese quotation marks, a quotation inside it in single ones, as Chinese writes
    a quote within a quote: “在谈海王‘中药谷’…”, not “在谈海王“中药谷”…”."""
    return "“" + text.replace("“", "‘").replace("”", "’") + "”"


def percent(share: float | None) -> str:
    if share is None:
        return MISSING
    return f"{share * 100:.1f}%"


def completion(p, *, lang: Lang) -> str:
    """A target's completion (progress.TargetProgress) as shown: 43.3%, or 约33.3% (≈33.3%) where its
    figure is one the source gives as 约: a share worked out of a loose figure is as loose."""
    text = percent(p.completion)
    return (("≈" if lang.english else "约") + text) if p.completion is not None and p.approx else text


def points(gap: float | None, *, signed: bool = True, lang: Lang) -> str:
    """A gap in percentage points: "+1.7 个百分点", or "1.7 个百分点" unsigned."""
    if gap is None:
        return MISSING
    shown = f"{gap * 100:+.1f}" if signed else f"{abs(gap) * 100:.1f}"
    return lang.tr("{points} 个百分点", points=shown)


# What is never shown as itself: C0 and C1 controls and DEL (a terminal obeys them), surrogates, the
# format characters (Unicode's category Cf: bidi embeddings, overrides and isolates, which reorder
# what follows; zero-width spaces and joiners, the BOM, invisible operators, tag characters, which
# hide a difference between two names that look alike; none has a use in a district's text), the
# line and paragraph separators (a line break that is not one) and the noncharacters (U+FFFE, U+FFFF,
# …, which XML forbids). Unicode 14's table (Python 3.11); test_fmt checks it against unicodedata.
HIDDEN = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufdd0-\ufdef\ufeff"
    "\ufff9-\ufffb\ufffe\uffff\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(1, 17)) + "]")


def _shown(ch: str, single_line: bool) -> str:
    code = ord(ch)
    if ch == "\n":
        return " " if single_line else ch
    if ch == "\t":
        return " "
    if code < 0x20:
        return chr(0x2400 + code)  # ␛, ␇, ␍: the control pictures
    if code == 0x7F:
        return "␡"
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (a login name, a path): shown as such
        return f"\\x{code - 0xDC00:02x}"
    return f"⟪U+{code:04X}⟫"


def clean(text: str, *, single_line: bool = False) -> str:
    """Data text made visible and inert, for the screen and every export: a control character shows
    as its picture (␛, ␇, ␍), a byte that was not UTF-8 as \\xNN, and any other character in HIDDEN
    (a bidi override, a zero-width space, U+FFFF) as ⟪U+202E⟫: its code point, which can be looked
    up, in brackets that no district's text uses, where a picture would need a glyph Unicode does not
    have. Nothing is obeyed (the order of what follows is the order written) and nothing is dropped
    (two names that look alike and differ show the difference). The result is always valid XML 1.0
    text. Newlines stay unless `single_line`; a tab is a space."""
    shown = _shown_on_one_line if single_line else _shown_as_is
    return HIDDEN.sub(shown, text)


def _shown_as_is(match: re.Match) -> str:
    return _shown(match.group(), False)


def _shown_on_one_line(match: re.Match) -> str:
    return _shown(match.group(), True)


_SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float]) -> str:
    """A value over time in block characters, lowest ▁ to highest █ ("" for fewer than two values)."""
    if len(values) < 2:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return _SPARKS[3] * len(values)
    return "".join(_SPARKS[round((v - low) / (high - low) * (len(_SPARKS) - 1))] for v in values)


BOUND_WORD = {"at_least": "至少", "at_most": "至多", "about": "约", "": ""}  # shown through tr()


def rounded(value: float, unit: str = "", *, need: bool = False, rate: bool = False) -> float | int:
    """A figure worked out from others (年底预计, 缺口, 余下每月需) at the precision the screen shows it,
    so that the exports' numbers are the screen's: one decimal; in a counted unit (个, 家) a whole
    number, down for what is expected (31.2 个 is 31 done) and up for what is still `need`ed (16.3
    个 short is 17 to find). A `rate` (余下每月需: an average a month) keeps its decimal: 2.4 个 a
    month over seven months is 17, where 3 would be 21."""
    if counted(unit) and not rate:
        whole = math.ceil(value - 1e-9) if need else math.floor(value + 1e-9)
        return max(whole, 0)
    return round(value, 1)


def derived(value: float, unit: str, bound: str = "", *, need: bool = False, rate: bool = False,
            lang: Lang) -> str:
    """A figure worked out from others (年底预计, 缺口…), at the screen's precision (`rounded`), with the
    way it is bounded: "至少 27.4 亿元"."""
    shown = quantity(Quantity(rounded(value, unit, need=need, rate=rate), unit), lang=lang)
    word = lang.tr(BOUND_WORD[bound])
    return f"{word} {shown}" if word else shown


def projection_parts(p, *, lang: Lang) -> list[tuple[str, str]]:
    """A series.Projection as (label, value) pairs in the reader's language, as the screen and every
    export say it: 年底预计, 缺口, then what the rest of the year needs (`need_part`)."""
    tr, unit = lang.tr, p.target.unit
    if p.reached:
        return [(tr("年底预计"), tr("已完成全年目标"))]
    parts = [(tr("年底预计"), derived(p.year_end, unit, p.year_end_bound, lang=lang) if p.year_end is not None
              else tr("年度尚未开始，无从推算"))]
    if p.shortfall is not None:
        parts.append((tr("缺口"), derived(p.shortfall, unit, p.need_bound, need=True, lang=lang)))
    elif p.year_end is not None:
        parts.append((tr("缺口"), tr("无（按此进度可完成）")))
    need = need_part(p, lang=lang)
    if need is not None:
        parts.append(need)
    return parts


def need_figure(p) -> tuple[float | int | None, float | int] | None:
    """What the rest of the year needs, as a number at the screen's precision: (None, the amount a
    month) for an amount; (the months left, the whole number they need) where the unit counts things
    (个, 家: no one signs 0.4 of a project, so 2.4 个 a month over 7 months is 17 个 in them); None
    when nothing is needed or no month is left."""
    if p.reached or p.monthly_need is None:
        return None
    unit = p.target.unit
    if counted(unit) and p.monthly_need and p.months_left:
        months = round(p.months_left, 1)
        return (int(months) if float(months).is_integer() else months), \
            rounded(p.monthly_need * p.months_left, unit, need=True)
    return None, rounded(p.monthly_need, unit, rate=True)


def need_part(p, *, lang: Lang) -> tuple[str, str] | None:
    """need_figure as the screen says it, (label, value): ("余下每月需", "至少 27.4 亿元"), or for a
    counted unit ("余下 7 个月需", "至少 17 个"); None without."""
    found = need_figure(p)
    if found is None:
        return None
    months, value = found
    shown = derived(value, p.target.unit, p.need_bound, need=months is not None, rate=months is None,
                    lang=lang)  # as rounded
    if months is None:
        return lang.tr("余下每月需"), shown
    return lang.tr("余下 {months} 个月需", months=number(months)), shown


def short_date(date, year: int) -> str:
    """04-30 within the data's year, 2023-12-31 outside it."""
    return f"{date:%m-%d}" if date.year == year else date.isoformat()


def short_standing(date, meta, *, lang: Lang) -> str:
    """short_date, as precise as the source: "5月" (May) where the file gives only the month, not
    05-31, a day the article never named."""
    if month_only(date, meta) and date.year == meta.year:
        return MONTH_NAMES[date.month - 1][:3] if lang.english else f"{date.month}月"
    return short_date(date, meta.year)


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


def month_only(date, meta) -> bool:
    """Whether `date` is a day the source never gave: the file says only the month (meta.as_of =
    "2024-05") and `date` is that month's end, at which pace is judged (按月末计)."""
    return bool(meta.as_of_month) and date == meta.as_of


def standing(date, meta, *, lang: Lang) -> str:
    """The date figures stand at, as precise as the source: "2024年5月" where the file gives only
    the month (month_only); else 2024-05-31."""
    if month_only(date, meta):
        return f"{MONTH_NAMES[date.month - 1]} {date.year}" if lang.english else f"{date.year}年{date.month}月"
    return date.isoformat()


def change(diff, year: int, *, lang: Lang) -> str:
    """A series.Difference: "较 04-30 +32.1 亿元"; "较 04-30：当时无数值" when it had none."""
    when = short_date(diff.since.date, year)
    if diff.delta is None:
        return lang.tr("较 {date}：当时无数值", date=when)
    return lang.tr("较 {date} {change}", date=when, change=change_amount(diff, lang=lang))


def change_amount(diff, *, unit: bool = True, lang: Lang) -> str:
    """The change alone: "+32.1 亿元" ("约+2 家" where a figure is a bound); "—" without a value then."""
    if diff.delta is None:
        return MISSING
    amount = quantity(Quantity(round(abs(diff.delta), 4), diff.now.value.unit), unit=unit, lang=lang)
    about = ("≈" if lang.english else "约") if diff.bounded else ""
    return about + ("+" if diff.delta >= 0 else "−") + amount


def when(period, *, lang: Lang) -> str:
    """A model.When as the source gives it: 2024-09-30, 2024-09, or "2024 年内" for a whole year."""
    first, last = period.first, period.last
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return lang.tr("{year} 年内", year=first.year)
    return period.text


def step(milestone, at, *, lang: Lang) -> str:
    """A model.Milestone judged at `at`: "拿地 2023-08 ✓", "主体封顶 ✓", "开业 计划 2024-09",
    "开业 逾期未报（计划 2024-09）", "开业 2024-10 ✓（晚于计划 2024-09）"."""
    name = clean(lang.data(milestone, "name"), single_line=True)
    if milestone.done:
        late = milestone.reached and milestone.planned and milestone.reached.first > milestone.planned.last
        if late:  # reported, but after the date planned: not the same as nothing reported
            return lang.tr("{name} {when} ✓（晚于计划 {planned}）", name=name,
                           when=when(milestone.reached, lang=lang), planned=when(milestone.planned, lang=lang))
        return f"{name} {when(milestone.reached, lang=lang)} ✓" if milestone.reached else f"{name} ✓"
    if milestone.planned is None:
        return name
    # Past its date with nothing reported: due, no report (逾期未报) — it may be done and not yet told.
    word = "{name} 逾期未报（计划 {when}）" if milestone.overdue(at) else "{name} 计划 {when}"
    return lang.tr(word, name=name, when=when(milestone.planned, lang=lang))


def request(item, project, at, *, lang: Lang) -> str:
    """A model.Request: "用电增容 · 提出 2025-03-02 · 已办结 2025-04-10", "… · 未办结（已 120 天）"."""
    parts = [clean(lang.data(item, "what"), single_line=True)]
    if item.raised:
        parts.append(lang.tr("提出 {when}", when=when(item.raised, lang=lang)))
    if item.done:
        parts.append(lang.tr("已办结 {when}", when=when(item.resolved, lang=lang)) if item.resolved
                     else lang.tr("已办结"))
    elif item.raised:
        parts.append(lang.tr("未办结（已 {days} 天）", days=item.days_open(at)))
    else:
        parts.append(lang.tr("未办结"))
    unit = item.responsible or project.responsible
    if unit or item.person:
        parts.append(" ".join(filter(None, [clean(unit, single_line=True), clean(item.person, single_line=True)])))
    return " · ".join(parts)


def reconciled(named, *, lang: Lang) -> str:
    """A series.Listed, plainly: "已列明 2 / 13 个" for a count; "已列明 2 个项目，合计 30 亿元 /
    107.96 亿元" for an amount; "已列明 2 个项目" when there is nothing to add up."""
    if named.reported is not None and named.total is None:
        return lang.tr("已列明 {listed} / {reported}", listed=len(named.projects),
                       reported=quantity(named.reported, lang=lang))
    line = lang.tr("已列明 {count} 个项目", count=len(named.projects))
    if named.total is not None:
        line += lang.tr("，合计 {total} / {reported}", total=quantity(named.total, lang=lang),
                        reported=quantity(named.reported, lang=lang))
    return line
