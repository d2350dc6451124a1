"""Numbers, units, dates and months as offices write them, and the names of districts as an official
compares them: how a ledger's cells read (exchange/importing) and what the app's forms and `record`
accept (store/edits) alike. Pure functions, no Textual, no files.

A number: 140, "1,234.5", "１４０", "140以上", "超140", "6420余", "40余家", "约133亩", "近100", "96.5%",
a numeric cell (1e16 and 0.00001 read as the numbers they are), an Excel percent cell (0.965 shown as
96.5% reads 96.5 %). A date: a date cell, Excel's day number, 2025-09-30, 2025/9/30, 2025.9.30,
2025年9月30日, and a month (2025年9月, 2025.09, 2025-09), read as the month's end and said so."""

import bisect
import calendar
import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, NamedTuple

from . import fmt, units
from .i18n import Lang

# What offices write for "no figure": a dash of any width, a slash, 无. A blank cell is one too.
NO_FIGURE = frozenset({"-", "--", "—", "——", "–", "－", "/", "／", "\\", "无", "暂无", "n/a", "na", "×"})
# Units as offices abbreviate them → the data file's unit.
UNIT_ALIASES = {"亿": "亿元", "万": "万元", "平米": "平方米", "m2": "平方米", "m²": "平方米", "㎡": "平方米",
                "km2": "平方公里", "km²": "平方公里", "百分比": "%", "％": "%", "百分点": "%"}
# A ledger's total rows: skipped, and said.
TOTAL_WORDS = ("合计", "小计", "总计", "总 计", "合 计")


class Reading(NamedTuple):
    """A number cell as read: the value exactly (Decimal), its 以上/约, and the unit written with it."""

    value: Decimal
    unit: str  # "" when the cell has none
    at_least: bool = False
    approx: bool = False


class Unreadable(ValueError):
    """A cell that does not read as what its column holds: the message says what was expected."""

class Percent(float):
    """A numeric cell Excel shows as a percentage (number format with %): 0.965 is 96.5 %."""


class NoCachedValue:
    """A formula cell saved without its value (written by a program, never opened in Excel)."""

    def __init__(self, formula: str = "") -> None:
        self.formula = formula

    def __repr__(self) -> str:
        return f"NoCachedValue({self.formula!r})"


class MergedNumber:
    """A number in a block merged down from the row above (C2:C3): the figure of one row only, never
    copied into the others."""

    def __init__(self, value: Any, first_row: int) -> None:
        self.value, self.first_row = value, first_row

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        return f"MergedNumber({self.value!r}, {self.first_row})"


def normal(value: Any) -> str:
    """A cell's text as compared: NFKC (full-width letters, digits and punctuation made half-width),
    trimmed."""
    text = str(value)
    if text.isascii() or unicodedata.is_normalized("NFKC", text):  # most cells: a quick test, no copy
        return text.strip()
    return unicodedata.normalize("NFKC", text).strip()


def blank(value: Any) -> bool:
    """No figure: an empty cell, or a dash, slash or 无 as offices write it."""
    if value is None:
        return True
    if isinstance(value, str):
        text = normal(value).lower()
        return not text or text in NO_FIGURE or text.strip("-—–－ ") == ""
    return False


def unit_named(text: str) -> str:
    """A unit as the data file writes it (亿 → 亿元, ㎡ → 平方米, ％ → %)."""
    text = normal(text)
    return UNIT_ALIASES.get(text, UNIT_ALIASES.get(text.lower(), text))


def known_unit(unit: str) -> bool:
    """A unit a figure is written in (万元, 亩, 个, %), not just any word after 单位 (填报单位：…局)."""
    return unit in units.SCALES or unit in units.COUNTED or unit == "%"


_PREFIX = r"(?P<pre>约|近|大约|≈|~|超过|超|逾|多于|不少于|不低于)?"
_SUFFIX = r"(?P<post>余|多|以上|\+|左右|上下)?"
_NUMBER = re.compile(r"^" + _PREFIX + r"\s*(?P<num>[0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+)\s*" + _SUFFIX
                     + r"\s*(?P<unit>[^\s0-9.,+][^0-9]*?)?\s*(?P<post2>余|多|以上|左右|上下)?$")
_THOUSANDS = re.compile(r"^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$")
_AT_LEAST = {"超过", "超", "逾", "多于", "不少于", "不低于", "余", "多", "以上", "+"}
_APPROX = {"约", "近", "大约", "≈", "~", "左右", "上下"}


def read_number(value: Any, *, lang: Lang) -> Reading:
    """A number cell as written (see the module's doc). Unreadable says why not, in `lang`."""
    if isinstance(value, bool):
        raise Unreadable(lang.tr("应为数字"))
    if isinstance(value, (dt.date, dt.time, dt.timedelta)):  # a number typed into a cell formatted as a date
        raise Unreadable(lang.tr("是日期，不是数字：这一格多半设成了日期格式；请改为数值格式，再填数字"))
    if isinstance(value, Percent):
        return Reading(_exact(float(value)) * 100, "%")
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            raise Unreadable(lang.tr("应为数字"))
        if value < 0:
            raise Unreadable(lang.tr("应为不小于 0 的数字"))
        return Reading(_exact(value), "")
    if re.search(r"[0-9][\s\u3000]+[0-9]", normal(value)):  # 2 20: 220, or 2 and 20? not guessed
        raise Unreadable(lang.tr("数字中间有空格：请删去空格（或改正为一个数）"))
    text = normal(value).replace(" ", "").replace("\u3000", "")
    if re.fullmatch(r"[0-9.]+[eE][+-]?[0-9]+", text):
        raise Unreadable(lang.tr("请写普通数字，不要用科学计数法（或把单元格设为数值格式）"))
    if text.startswith("-") and not blank(text):
        zero = _NUMBER.match(text[1:])
        if not zero or Decimal(zero["num"].replace(",", "") or "0") != 0:
            raise Unreadable(lang.tr("应为不小于 0 的数字"))
        text = text[1:]  # -0 is 0
    # m², ㎡ and km² read as m2 and km2 once normalised: a unit with a digit in it, named as the file does
    text = re.sub(r"(?i)(?<=[0-9.\s])(km2|m2)(余|多|以上|左右|上下)?$",
                  lambda m: ("平方公里" if m[1].lower() == "km2" else "平方米") + (m[2] or ""), text)
    match = _NUMBER.match(text)
    if not match:
        raise Unreadable(lang.tr("应为数字，如 120.5、1,234、140以上、约133"))
    number = match["num"]
    if "," in number and not _THOUSANDS.match(number):
        raise Unreadable(lang.tr("千位分隔符应每三位一个（如 1,234），这里的逗号不在千位上；小数点请用“.”"))
    words = {match["pre"], match["post"], match["post2"]} - {None}
    unit = unit_named(match["unit"] or "")
    if unit and not re.fullmatch(r"[^\s]{1,8}", unit):
        raise Unreadable(lang.tr("应为数字，如 120.5、1,234、140以上、约133"))
    return Reading(Decimal(number.replace(",", "")), unit, at_least=bool(words & _AT_LEAST),
                   approx=bool(words & _APPROX))


def whole_count(value: Decimal | float, unit: str) -> bool:
    """Whether a figure in `unit` is as it may be: a count of things (个, 户, 家) is a whole number."""
    return not units.counted(unit) or Decimal(str(value)) == Decimal(str(value)).to_integral_value()


def _exact(number: int | float) -> Decimal:
    """A numeric cell's value as the digits it shows (0.1 + 0.2 stored as 0.30000000000000004 is
    0.3): Excel keeps 15 significant digits."""
    if isinstance(number, int):
        return Decimal(number)
    return Decimal(f"{number:.15g}")


def as_number(value: Decimal) -> int | float:
    """A Decimal as the data file keeps it: a whole number as an int, else a float."""
    value = value.normalize() if value else Decimal(0)
    return int(value) if value == value.to_integral_value() else float(value)


def english_unit(text: str) -> tuple[str, Decimal] | None:
    """A unit as the English screen names it (bn CNY, m CNY, mu; any case and spacing) → the data
    file's unit and how many of the English one make one of it (bn CNY → 亿元, 0.1): None for any
    other text. A bare "bn" is not read: bn CNY or bn USD?"""
    from .i18n import UNITS_EN

    key = "".join(text.split()).casefold()
    return next(((unit, Decimal(repr(factor))) for unit, (english, factor) in UNITS_EN.items()
                 if english and "".join(english.split()).casefold() == key), None)


def convert(value: Decimal, unit: str, to: str) -> Decimal | None:
    """`value` in `unit` expressed in `to`, when both are units of one dimension that convert
    (万元 → 亿元); None when they do not (个 → 亿元, 家 → 个)."""
    if unit == to:
        return value
    if unit not in units.SCALES or to not in units.SCALES or units.dimension(unit) != units.dimension(to):
        return None
    result = value * Decimal(repr(units.SCALES[unit][1])) / Decimal(repr(units.SCALES[to][1]))
    return result.quantize(Decimal("0.000001")).normalize() if result != result.to_integral_value() else result


# --- dates and months --------------------------------------------------------------------------------

_DAY = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_MONTH = re.compile(r"^(\d{4})\s*(?:年\s*(\d{1,2})\s*月份?|[-/.](\d{1,2}))$")
_CN_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
              "十一": 11, "十二": 12, "正": 1, "腊": 12}


class DateRead(NamedTuple):
    date: dt.date
    month_end: bool  # the cell named a month: read as its last day


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def read_date(value: Any) -> DateRead | None:
    """A date cell as written (see the module's doc); None when it is not one."""
    if isinstance(value, dt.datetime):
        return DateRead(value.date(), False)
    if isinstance(value, dt.date):
        return DateRead(value, False)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20000 <= value <= 80000 and (float(value).is_integer() or isinstance(value, float)):
            return DateRead(dt.date(1899, 12, 30) + dt.timedelta(days=int(value)), False)  # Excel's day (and time)
        if isinstance(value, int) and 19000101 <= value <= 29991231:  # 20250930 typed as a number
            return read_date(str(value))
        return None  # 2025.09 typed into a numeric cell is 2025.09 or 2025.9: not told apart
    text = normal(value)
    if re.fullmatch(r"[2-7][0-9]{4}(?:\.[0-9]+)?", text):  # Excel's day number kept as text: 45930, 45930.5
        return read_date(float(text))
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?", text):
        text = re.split(r"[T ]", text)[0]  # 2025-09-30T00:00:00, 2025-09-30 00:00:00
    elif " " in text and ":" in text:
        text = text.split(" ")[0]
    compact = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text)  # 20250930
    if compact:
        text = "-".join(compact.groups())
    try:
        match = _DAY.match(text)
        if match:
            return DateRead(dt.date(int(match[1]), int(match[2]), int(match[3])), False)
        match = _MONTH.match(text)
        if match:
            month = int(match[2] or match[3])
            if match[3] and len(match[3]) != 2 and "." in text:  # 2025.9 may be a September or a lost 2025.90
                return None
            return DateRead(month_end(int(match[1]), month), True)
    except ValueError:
        return None
    return None


def read_day(text: str, *, lang: Lang) -> dt.date:
    """A day typed into a form or `record --date`, read as a ledger's date cell is (２０２４-０６-３０,
    2024/6/30, 2024年6月30日, 20240630). Unreadable says why not: a day its month does not have
    (2 月没有 30 日), or the form to write it in (a month alone names no day)."""
    read = read_date(text) if normal(text) else None
    if read is not None and not read.month_end:
        return read.date
    raise Unreadable(no_such_day(text, lang=lang) or lang.tr("请按 YYYY-MM-DD 输入日期，如 2024-06-30"))


def no_such_day(value: Any, *, lang: Lang) -> str:
    """What is wrong with a date written in a day's form whose day does not exist: 没有 13 月,
    2 月没有 30 日, 2023 年 2 月没有 29 日; "" when it is not such a date."""
    text = normal(value) if isinstance(value, str) else ""
    compact = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text)
    match = _DAY.match("-".join(compact.groups()) if compact else text)
    if not match:
        return ""
    year, month, day = int(match[1]), int(match[2]), int(match[3])
    if not 1 <= month <= 12:
        return lang.tr("没有 {month} 月", month=month)
    if day < 1 or day > calendar.monthrange(2024, month)[1]:  # in no year (2024 a leap year)
        return lang.tr("{month} 月没有 {day} 日", month=month, day=day)
    if day > calendar.monthrange(year, month)[1]:
        return lang.tr("{year} 年 {month} 月没有 {day} 日", year=year, month=month, day=day)
    return ""


_MONTH_HEADER = re.compile(r"^(?:(\d{4})\s*(?:年|[-/.]))?\s*(\d{1,2}|[一二三四五六七八九十正腊]{1,3})\s*月?份?$")


def header_month(text: str) -> tuple[int | None, int] | None:
    """A column named for a month: 1月, 2025年1月, 2025-01, 一月, 1月份 → (year or None, month)."""
    text = normal(text)
    if not text:
        return None
    match = _MONTH_HEADER.match(text)
    if not match:
        return None
    year, month_text = match[1], match[2]
    if not year and "月" not in text:  # a bare 1 or 12 is a 序号, not a month
        return None
    if year and not re.search(r"[-/.年]", text):
        return None
    month = _CN_MONTHS.get(month_text) if not month_text.isdigit() else int(month_text)
    if month is None or not 1 <= month <= 12:
        return None
    return (int(year) if year else None), month


# --- districts ---------------------------------------------------------------------------------------

_NOISE = re.compile(r"示例|虚构|[()（）\[\]【】\s·]")


def place_key(name: str) -> str:
    """A district's name as an official compares it: 示例（虚构）河湾区 → 河湾; 郑州市二七区 → 郑州二七 (the
    city is dealt with by `same_place`)."""
    text = _NOISE.sub("", normal(name))
    return re.sub(r"[市区县]", "", text)


def same_place(name: str, district: str, city: str = "") -> bool:
    """Whether `name` (a 地区 cell, a title's place) names `district` (of `city`), or the city as a
    whole: whole names compared (东河湾区 is not 河湾区), not their ends."""
    key, own = re.sub(r"^[\u4e00-\u9fff]{2,3}省", "", place_key(name)), place_key(district)  # 河南省郑州市
    if not key or not own:
        return True
    city_key = place_key(city)
    if city_key and key.startswith(city_key) and key != city_key:
        key = key[len(city_key):]
    if city_key and key == city_key:  # the city as a whole: not another district
        return True
    return key == own


# A place's word: two or more characters ending in 区, 县 or 市, read in the stretches of a title
# between its numbers, punctuation and the words of a letter (关于报送…的函).
_PLACE_WORD = re.compile(r"[\u4e00-\u9fff]{2,15}?(?:区|县|市)")
_BETWEEN_PLACES = re.compile(r"\d+\s*[年月日号]?|[^\u4e00-\u9fff]+|关于|报送|上报|填报|印发|的")
_NOT_A_DISTRICT = ("园区", "片区", "社区", "景区", "小区", "街区", "辖区", "全区", "本区", "城区", "库区", "矿区", "厂区",
                   "校区", "城市", "都市", "全市", "本市", "我市", "全县", "本县", "我区", "各区", "各县", "市区", "县区", "区县", "县市", "市县",  # 各区县: every district
                   # kinds of zone a programme names (乡村振兴示范区, 产业集聚区, 中央商务区), not a district
                   "示范区", "先行区", "集聚区", "聚集区", "功能区", "核心区", "商务区", "保税区", "自贸区", "服务区",
                   "生活区", "工业区", "产业区", "风景区")


_SPACED = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def places_in(text: str) -> list[str]:
    """The districts, counties and cities a title, a 填报单位 or a 地区 cell names, wherever they stand
    in it (2025年航空港区…台账, 关于报送郑州航空港经济综合实验区…的函, 航空港区商务局, 新郑市)."""
    text = re.sub(r"^(?:填报单位|填表单位|报送单位|单位)\s*[:：]?\s*", "", normal(text))
    text = _SPACED.sub("", text)  # 金水 区, 二 七 区: spaced out to fill a cell, still one name
    out = []
    for stretch in _BETWEEN_PLACES.split(text):
        for match in _PLACE_WORD.finditer(stretch):
            if not match[0].endswith(_NOT_A_DISTRICT):
                out.append(match[0])
    return out


def other_place(text: str, district: str, city: str = "", whole: bool = False) -> str | None:
    """The place `text` names that is neither `district` nor its city, if any (None when it names
    the district itself anywhere); `whole`: a 地区 cell that names no place word is compared whole."""
    places = places_in(text)
    if not places and whole:
        places = [normal(text)]
    if any(place_key(p) and same_place(p, district) for p in places):  # the district itself, with or without its city
        return None
    return next((p for p in places if not same_place(p, district, city)), None)


# --- questions a figure is asked before it is recorded: by the import's preview and the app's form ----

OUTLIER_FACTOR = 10
EARLY_SHARE = Decimal("0.05")  # a figure under this share of its goal may grow tenfold (the year's first months)
FIRST_AT_LEAST = 1000  # a target's first figure below its goal / this: 亿元 typed into a 万元 target?
FRACTION_AT_MOST = Decimal("1.5")  # a percent at most this, where percents of 10 or more are expected


class Asked(NamedTuple):
    """Why a figure looks wrong, asked before it is recorded: of the figure itself (10× off the one
    in force before it, over 10× the target, a percent typed as a fraction) and of its date
    (another figure already in force on it). "" where nothing is asked."""

    figure: str = ""
    date: str = ""
    drop: str = ""  # below the figure before it (drop_question): asked only when nothing else is

    def joined(self, *, lang: Lang) -> str:
        return lang.tr("；").join(filter(None, (self.date, self.figure))) or self.drop


def figures_in_force(dashboard: Any) -> dict[str, dict[dt.date, Any]]:
    """Each target's figures in force, by date: the data file's own (and the one the first update
    replaced), and the journal's updates not withdrawn."""
    points: dict[str, dict[dt.date, Any]] = {}
    for target in dashboard.targets:
        if target.current is not None:
            points.setdefault(target.id, {})[dashboard.target_date(target)] = target.current
    for change in dashboard.changes:
        if change.withdrawn is None and change.kind == "target" and change.field == "current":
            points.setdefault(change.id, {})[change.date] = change.new
    for change in dashboard.changes:
        if change.withdrawn is None and change.kind == "target" and change.old_date and change.old is not None:
            points.setdefault(change.id, {}).setdefault(change.old_date, change.old)
    return points


def field_date(dashboard: Any, kind: str, ident: str, field: str) -> dt.date:
    """The date a project's field stands at: its latest update not withdrawn, else the file's as_of."""
    dates = [c.date for c in dashboard.changes
             if c.withdrawn is None and c.kind == kind and c.id == ident and c.field == field]
    return max(dates) if dates else dashboard.meta.as_of


def in_force_at(points: dict[dt.date, Any], date: dt.date, dates: list[dt.date] | None = None) -> tuple[dt.date, Any] | None:
    """The figure in force at `date`: the latest at or before it, with its date (`dates`: the
    points' dates in order, when the caller keeps them, for a ledger's many rows)."""
    if dates is None:
        dates = sorted(points)
    at = bisect.bisect_right(dates, date)
    return (dates[at - 1], points[dates[at - 1]]) if at else None


def outlier_question(quantity: Any, reference: tuple[dt.date, Any] | None, goal: Any = None, *,
                     lang: Lang) -> str:
    """Why a figure looks wrong: 10× or more off the one in force before it (`reference`: its
    date and figure), or over 10×goal; with no figure before it to compare, under a thousandth of
    the goal (a unit 10,000 too large, 亿元 for 万元, makes a figure that small); "" when it does not."""
    value = Decimal(str(quantity.value))
    compared = reference is not None and reference[1] is not None and reference[1].unit == quantity.unit \
        and reference[1].value
    aim = Decimal(str(goal.value)) if goal is not None and goal.unit == quantity.unit and goal.value else None
    if not compared and aim is not None and 0 < value * FIRST_AT_LEAST < aim:
        return lang.tr("不到年度目标 {goal} 的千分之一：单位或小数点是否有误？", goal=fmt.quantity(goal, words=True, lang=lang))
    if compared:
        before = Decimal(str(reference[1].value))
        # Up tenfold early in the year (1 → 11 of 30, 0.5 → 8 of 300 亿元) is how a year starts: asked
        # where the figure before was already a twentieth of the goal, or the new one passes it
        early = aim is not None and before < aim * EARLY_SHARE and value <= aim
        if value == 0 or value / before >= OUTLIER_FACTOR and not early or before / value >= OUTLIER_FACTOR:  # 10× exactly: a point moved
            times = _times(value / before) if value else "0"
            return lang.tr("是 {date} 的 {before} 的 {times} 倍：单位或小数点是否有误？", date=reference[0].isoformat(),
                           before=fmt.quantity(reference[1], words=True, lang=lang), times=times)
    if aim is not None and value > OUTLIER_FACTOR * aim:
        return lang.tr("超过年度目标 {goal} 的 {factor} 倍：单位或小数点是否有误？", goal=fmt.quantity(goal, words=True, lang=lang),
                       factor=OUTLIER_FACTOR)
    return ""


def drop_question(quantity: Any, reference: tuple[dt.date, Any] | None, date: dt.date | None = None, *,
                  lang: Lang) -> str:
    """A figure for the year so far below the one in force before it (`reference`: its date and
    figure): a month's own figure typed for the total? Asked of counts and amounts (个, 亿元, 亩),
    which add up over the year; not of a rate or a score (%, ‰, 分), which may fall, nor of a
    figure put right at the date of the one it replaces (`date`)."""
    if reference is None or reference[1] is None or reference[1].unit != quantity.unit or reference[0] == date:
        return ""
    if not (units.counted(quantity.unit) or quantity.unit in units.SCALES):
        return ""
    if Decimal(str(quantity.value)) >= Decimal(str(reference[1].value)):
        return ""
    return lang.tr("比 {date} 的 {before} 少：全年累计数一般只增不减，是否填成了当月数？", date=reference[0].isoformat(),
                   before=fmt.quantity(reference[1], words=True, lang=lang))


def fraction_question(quantity: Any, goal: Any, *, lang: Lang) -> str:
    """A percent typed as a fraction (0.965 for 96.5 %) into a target of 10 % or more."""
    value = Decimal(str(quantity.value))
    if quantity.unit != "%" or not 0 < value <= FRACTION_AT_MOST or goal is None or goal.unit != "%" or goal.value < 10:
        return ""
    return as_percent(value, lang=lang)


def as_percent(value: Decimal, *, lang: Lang) -> str:
    shown = fmt.number(as_number(value * 100))
    return lang.tr("是否把 {percent}% 写成了 {fraction}？", percent=shown, fraction=fmt.number(as_number(value)))


def target_questions(quantity: Any, date: dt.date, points: dict[dt.date, Any], goal: Any, as_of: dt.date,
                     dates: list[dt.date] | None = None, percent_typed: bool = False, drop: bool = True, *,
                     lang: Lang) -> Asked:
    """What a target's new figure at `date` is asked (`points`: the target's figures in force by
    date, `dates` their dates in order if kept; `as_of`: the date its current figure stands at;
    `percent_typed`: written with its % sign, 0.965%, and so meant as a percent, not a fraction)."""
    before = in_force_at(points, date, dates)
    figure = outlier_question(quantity, before, goal, lang=lang) or (
        "" if percent_typed else fraction_question(quantity, goal, lang=lang))
    there = points.get(date)
    said = ""
    if date < as_of and there is not None and there != quantity:  # back-dated, against a figure in force
        said = lang.tr("{date} 已有 {old}，新填的是 {new}：以哪个为准？", date=date.isoformat(),
                       old=fmt.quantity(there, words=True, lang=lang), new=fmt.quantity(quantity, words=True, lang=lang))
    return Asked(figure, said, drop_question(quantity, before, date, lang=lang) if drop else "")


def percent_typed(text: str, *, lang: Lang) -> bool:
    """Whether a figure was typed with its % sign (0.965%, ０.９６５％): meant as a percent."""
    try:
        return read_number(text, lang=lang).unit == "%"
    except Unreadable:
        return False


def target_asker(target: Any, dashboard: Any, *, lang: Lang) -> Callable[[Any, dt.date, str], Asked]:
    """What a new figure for `target` is asked (target_questions), as the form, `record` and the
    import ask it: the target's figures in force worked out once, then asked of each (figure, its
    date, the text it was typed as)."""
    points = figures_in_force(dashboard).get(target.id, {})
    as_of = dashboard.target_date(target)

    def ask(quantity: Any, date: dt.date, typed: str) -> Asked:
        return target_questions(quantity, date, points, target.target, as_of,
                                percent_typed=percent_typed(typed, lang=lang), lang=lang)

    return ask


def project_questions(project: Any, dashboard: Any, changes: dict, *, lang: Lang) -> dict[str, str]:
    """What a project's new 总投资 or 占地 is asked before it is recorded, by the form and `record`
    as by the import: 10× off the figure it replaces (by field); a first figure, 10× the largest
    any other project gives."""
    from . import fields

    questions = {}
    for field in (f.key for f in fields.editable(fields.PROJECT, fields.AMOUNT)):
        old, new = (getattr(project, field) if project else None), changes.get(field)
        if old is not None and new is not None:
            question = outlier_question(new, (field_date(dashboard, "project", project.id, field), old), lang=lang)
        else:
            question = first_amount_question(new, field, dashboard, project.id if project else "", lang=lang) \
                if new is not None else ""
        if question:
            questions[field] = question
    return questions


FIRST_AMOUNT_OTHERS = 3  # others giving one: a project's first 总投资 or 占地 is asked at 10× the largest; fewer, 100×


def first_amount_question(quantity: Any, field: str, dashboard: Any, ident: str, *, lang: Lang) -> str:
    """A project's first 总投资 or 占地 (nothing to compare it with of its own) over 10× the largest
    any other project gives (万元 typed as 亿元 makes 350,000 亿元 of one project), or 100× where
    fewer than FIRST_AMOUNT_OTHERS others give one to go by: "" when it is not, or none does."""
    others = [(p, getattr(p, field)) for p in dashboard.projects if p.id != ident and getattr(p, field) is not None]
    kind = units.dimension(quantity.unit)  # money, area, or the unit itself: 亿元 beside 万元, 个 beside 个
    comparable = [(p, q) for p, q in others if units.dimension(q.unit) == kind]
    if not comparable:
        return ""
    factor = OUTLIER_FACTOR if len(comparable) >= FIRST_AMOUNT_OTHERS else OUTLIER_FACTOR ** 2
    project, largest = max(comparable, key=lambda pair: units.in_base_unit(pair[1]))
    if not largest.value or units.in_base_unit(quantity) < factor * units.in_base_unit(largest):
        return ""
    ratio = Decimal(repr(units.in_base_unit(quantity))) / Decimal(repr(units.in_base_unit(largest)))
    return lang.tr("是其他项目中最大的 {largest}（{name}）的 {times} 倍：单位或小数点是否有误？",
                   largest=fmt.quantity(largest, words=True, lang=lang), name=lang.data(project, "name"), times=_times(ratio))


def back_dated(current: Any, as_of: dt.date, *, lang: Lang) -> str:
    """What a figure dated before the current one's (`current`, at `as_of`) does: it joins the
    history and the current one stays."""
    return lang.tr("记入历史，不改变当前的 {old}（截至 {as_of}）", old=fmt.quantity(current, words=True, lang=lang),
                   as_of=as_of.isoformat())


def _times(ratio: Decimal) -> str:
    if ratio >= 1:
        return f"{ratio:,.0f}" if ratio >= 100 else f"{ratio:,.1f}"
    return f"{float(ratio):.2g}" if ratio >= Decimal("0.0001") else f"{float(ratio):.1e}"
