"""The project list as the 重点项目 table shows it: columns, filtering as you type, sorting. No Textual."""

from dataclasses import dataclass
from itertools import compress, repeat
from operator import contains
from typing import Callable, NamedTuple, Protocol

from ..core import fields, fmt, units
from ..core.i18n import Lang
from ..core.model import Dashboard, Project, Quantity


class Cell(Protocol):
    """A column's cell (or its value to sort by) for a project, in `lang`."""

    def __call__(self, dashboard: Dashboard, project: Project, *, lang: Lang) -> object: ...


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # in Chinese: translated where it is shown
    cell: Cell  # the text shown, in the language given
    sort_value: Cell
    quantity: Callable[[Project], Quantity | None] | None = None  # for a column of amounts


def _axis_road(dashboard: Dashboard, project: Project, *, lang: Lang) -> str:
    axis = dashboard.axis_named(project.axis)
    return lang.data(axis, "road") if axis else ""


def status_name(dashboard: Dashboard, status: str | None, *, lang: Lang) -> str | None:
    """A project's status as shown: its [[stage]]'s name in `lang`, else as written."""
    stage = dashboard.stage_named(status)
    return lang.data(stage, "name") if stage else status


def _status(dashboard: Dashboard, project: Project, *, lang: Lang) -> str | None:
    return status_name(dashboard, project.status, lang=lang)


def _text(getter: Callable[..., str | None]) -> tuple[Cell, Cell]:
    """A text column's cell and sort value from `getter(dashboard, project, lang=)`."""
    def cell(d: Dashboard, p: Project, *, lang: Lang) -> str:
        return getter(d, p, lang=lang) or fmt.MISSING

    def sort_value(d: Dashboard, p: Project, *, lang: Lang) -> str:
        return getter(d, p, lang=lang) or ""

    return cell, sort_value


def _amount(getter: Callable[[Project], Quantity | None]) -> tuple[Cell, Cell, Callable]:
    def cell(d: Dashboard, p: Project, *, lang: Lang) -> str:
        return fmt.quantity(getter(p), lang=lang)

    def sort_value(d: Dashboard, p: Project, *, lang: Lang) -> object:
        found = getter(p)
        return found.value if found else None

    return cell, sort_value, getter


def _data(key: str) -> Callable[..., str]:
    def text(d: Dashboard, p: Project, *, lang: Lang) -> str:
        return lang.data(p, key)

    return text


def _stage_rank(dashboard: Dashboard, project: Project, *, lang: Lang) -> object:
    names = [s.name for s in dashboard.stages]
    return names.index(project.status) if project.status in names else (project.status or None)


def _column(field: fields.Field) -> Column:
    """A field's column, as the table of fields (core/fields) marks it, shown and sorted by its kind."""
    title, key = fields.heading(field), field.key
    if field.kind == fields.STAGE:
        return Column(key, title, _text(_status)[0], _stage_rank)
    if field.kind == fields.AXIS:
        return Column(key, title, *_text(_axis_road))
    if field.kind == fields.AMOUNT:
        return Column(key, title, *_amount(lambda p: getattr(p, key)))
    return Column(key, title, *_text(_data(key)))


COLUMNS: tuple[Column, ...] = tuple(_column(f) for f in fields.columns())


def search_text(dashboard: Dashboard, project: Project, road: str | None = None,
                status: str | None = None, *, lang: Lang) -> str:
    """What the filter looks in: name, status (as written and as the table shows it in `lang`: In
    talks, Started), axis road (in `lang`), location, expectation and note. `road`, `status`: the
    project's axis road and status as shown, when the caller has looked them up already."""
    if road is None:
        road = _axis_road(dashboard, project, lang=lang)
    if status is None:
        status = _status(dashboard, project, lang=lang) or ""
    shown = status if status != project.status else ""
    return " ".join([project.name, project.status or "", shown, road,
                     project.location, project.expected, project.note, *project.en.values()]).casefold()


class SearchIndex(NamedTuple):
    """The projects and, in the same order, the text the filter looks in for each: two lists, so
    that the collector has two objects to scan rather than 100,000 pairs."""

    projects: list[Project]
    texts: list[str]


def search_index(dashboard: Dashboard, *, lang: Lang) -> SearchIndex:
    """Each project's search text, built once per dashboard (and language): a keystroke then only
    compares."""
    axes = dashboard.layout.axes
    roads = {axis.id: lang.data(axis, "road") for axis in reversed(axes)}  # the first of an id, as axis_named
    statuses = {s: status_name(dashboard, s, lang=lang) or "" for s in {p.status for p in dashboard.projects}}
    return SearchIndex(list(dashboard.projects),
                       [search_text(dashboard, p, roads.get(p.axis, ""), statuses[p.status], lang=lang)
                        for p in dashboard.projects])


def rows(dashboard: Dashboard, query: str = "", sort: str | None = None,
         reverse: bool = False, index: SearchIndex | None = None, *, lang: Lang) -> list[Project]:
    """Projects matching `query`, sorted by column `sort` (file order when None), as shown in `lang`
    (`index`: search_index in that language). Unknown values sort last whichever the direction, so
    "—" never crowds the top of the table."""
    words = query.casefold().split()
    if not words:
        found = list(dashboard.projects)
    else:
        found, texts = index if index is not None else search_index(dashboard, lang=lang)
        # A word at a time, each over what the last left: 10x faster than all(). Compared and kept
        # without a Python loop or a new object per project: 7 ms a word for 100,000 projects,
        # where a list of (project, text) pairs made anew took 40 ms and set the collector off.
        for word in words:
            hits = list(map(contains, texts, repeat(word)))
            found, texts = list(compress(found, hits)), list(compress(texts, hits))
    if sort is None:
        return found[::-1] if reverse else found
    column = next(c for c in COLUMNS if c.key == sort)
    if column.quantity is not None:
        return _by_quantity(found, column.quantity, reverse)
    keyed = [(column.sort_value(dashboard, p, lang=lang), p) for p in found]
    known = [(value, p) for value, p in keyed if value not in (None, "")]
    unknown = [p for value, p in keyed if value in (None, "")]
    known.sort(key=lambda pair: _comparable(pair[0]), reverse=reverse)
    return [p for _, p in known] + unknown


def _comparable(value: object) -> tuple:
    # Numbers before text, so a mixed column (stage ranks and free text) still sorts; text in the
    # order a Chinese reader expects (pinyin), Latin letters case-insensitively among it.
    return (0, value, ()) if isinstance(value, (int, float)) else (1, 0, collation_key(str(value)))


def _by_quantity(found: list[Project], quantity: Callable[[Project], Quantity | None],
                 reverse: bool) -> list[Project]:
    """Amounts compared as amounts: 3,000 万元 before 120 亿元, 310 亩 before 45 公顷. The column's
    most common dimension comes first; amounts that do not convert into it (another currency, a
    count) follow, grouped by their unit, then the unknown ones."""
    groups, unknown = _by_dimension(found, quantity)
    out = []
    for _, members in groups:
        members.sort(key=lambda pair: units.in_base_unit(pair[0]), reverse=reverse)
        out += [p for _, p in members]
    return out + unknown


def _by_dimension(projects: list[Project], quantity: Callable[[Project], Quantity | None]
                  ) -> tuple[list[tuple[str, list[tuple[Quantity, Project]]]], list[Project]]:
    """The projects with an amount, by its dimension (money, area, or the unit itself), the most
    common dimension first; and those without one."""
    groups: dict[str, list[tuple[Quantity, Project]]] = {}
    unknown = []
    for project in projects:
        q = quantity(project)
        if q is None:
            unknown.append(project)
        else:
            groups.setdefault(units.dimension(q.unit), []).append((q, project))
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])), unknown


def other_units(dashboard: Dashboard, projects: list[Project], sort: str | None) -> list[str]:
    """The units of a sorted amount column that do not convert into its main dimension: the
    table says they are sorted after the rest."""
    column = next((c for c in COLUMNS if c.key == sort), None)
    if column is None or column.quantity is None:
        return []
    groups, _ = _by_dimension(projects, column.quantity)
    return sorted({q.unit for _, members in groups[1:] for q, _ in members})


_PINYIN: dict[str, str] = {}


def collation_key(text: str) -> tuple[str, ...]:
    """`text` as Chinese readers order names: by pinyin syllable and tone, character by character
    (pypinyin), Latin letters case-insensitively. Each character's reading is looked up once and
    kept, so sorting 100,000 names costs a dictionary lookup per character."""
    key = []
    for ch in text:
        syllable = _PINYIN.get(ch)
        if syllable is None:
            if "\u3400" <= ch <= "\u9fff":
                from pypinyin import Style, lazy_pinyin  # only when names are sorted

                syllable = lazy_pinyin(ch, style=Style.TONE3)[0]
            else:
                syllable = ch.casefold()
            _PINYIN[ch] = syllable
        key.append(syllable)
    return tuple(key)


def pinyin(text: str) -> str:
    """`text` in toneless pinyin ("主题" → "zhuti"), for finding commands by what is typed without
    an input method."""
    return "".join(syllable.rstrip("012345") for syllable in collation_key(text))
