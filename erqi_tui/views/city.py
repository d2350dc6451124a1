"""全市: several districts' files at once (`--data A --data B`, or `--data DIR/`), their shared
targets side by side, each judged against 序时进度, the districts ranked and the worst flagged.
No Textual.

Targets are matched by meaning: first by the city's own table (a `*.city.toml` file beside the
districts' files, naming which ids and names are one indicator), then by id, then by identical
name; each cell says which. Completion and points against 序时进度 are ratios, so a target in 万元
compares with one in 亿元 or 亿美元. Only the year most files are of is ranked (another year's file
is shown, not ranked); a district compared on fewer than half of the city's shared targets is
ranked after the rest; a file that cannot be read stays in the list with its problem. Each file is
one district by its real path (a link to a file already listed is left out), and two districts of
one name are told apart by their file."""

from __future__ import annotations

import datetime as dt
import tomllib
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from ..core import progress
from .. import store
from ..store import files
from ..core.i18n import Lang
from ..core.model import Dashboard, Target
from ..core.progress import TargetProgress

CITY_FILE = ".city.toml"  # the city's table of indicators: 全市.city.toml beside the districts' files
CITY_FILE_LIMIT = 1 << 20
JOURNAL = ".journal.toml"

# A completion past this many times its goal, or (past the goal) this many times the city's median
# for that target, is implausible (数值可疑: a unit or a digit wrong): shown, said why, left out of
# the district's mean, so one absurd figure cannot rank a district first (or last).
IMPLAUSIBLE = 10

# How a target was matched to the city's indicator.
BY_TABLE, BY_ID, BY_NAME = "table", "id", "name"
HOW = {BY_TABLE: "对照表", BY_ID: "编号", BY_NAME: "名称"}
# The words in a sentence ("by id, name"): the table's headers 编号 and 名称 read ID and Name in English.
HOW_EN = {BY_TABLE: "the city's table", BY_ID: "id", BY_NAME: "name"}


def how_word(how: str, *, lang: Lang) -> str:
    """How a target was matched, as a sentence says it: 编号 (by) id, 名称 (by) name."""
    return HOW_EN[how] if lang.english else HOW[how]


class District(NamedTuple):
    path: Path
    loaded: store.Loaded | None
    problem: str = ""  # why it cannot be shown (loaded None)
    pending: bool = False  # not read yet (read_first): 全市 reads it after its first frame
    folder: Path | None = None  # the folder given (--data DIR/) it was found in: 全市 looks at it again

    @property
    def dashboard(self) -> Dashboard | None:
        return self.loaded.dashboard if self.loaded else None

    def named(self, *, lang: Lang) -> str:
        """The district's name in `lang` (its file's name when it could not be read)."""
        if self.dashboard is None:
            return self.path.name
        meta = self.dashboard.meta
        return lang.data(meta, "district")


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):  # a link loop: the path as given, read and refused later
        return path.absolute()


def expand(paths: list[Path]) -> list[Path]:
    """The data files: each path as given, and for a folder every .toml in it (journals and the
    city's table excepted), in name order; a file reached twice (a link to it, the same path given
    twice) is listed once, where first reached, under its own name rather than a link's."""
    out: dict[Path, Path] = {}
    for path in paths:
        if files.is_folder(path):
            found = sorted(p for p in path.glob("*.toml") if not p.name.endswith((JOURNAL, CITY_FILE)))
        elif path.name.endswith(CITY_FILE):
            found = []  # the city's table, found beside the districts (city_table)
        else:
            found = [path]
        for file in found:
            real = _real(file)
            if real not in out or (out[real].is_symlink() and not file.is_symlink()):
                out[real] = file  # a folder's link to a file in it: listed under the file's own name
    return list(out.values())


def _folder_of(path: Path, given: list[Path] | tuple[Path, ...]) -> Path | None:
    """The folder among `given` (the paths on the command line) that `path` was found in, if any."""
    return path.parent if any(path.parent == g and files.is_folder(g) for g in given) else None


def read_all(paths: list[Path], as_given: list[Path] | tuple[Path, ...] = (), *,
             lang: Lang) -> list[District]:
    """Every one of `paths` read; `as_given`: the paths as given (expand's), so that a file found in a
    folder given is known to be, and the folder is looked at again (rescan). A file's problem is
    said in `lang`."""
    districts = []
    for path in paths:
        folder = _folder_of(path, as_given)
        try:
            districts.append(District(path, store.read(path), folder=folder))
        except store.DataError as error:
            districts.append(District(path, None, error.shown(lang=lang), folder=folder))
    return districts


def read_first(paths: list[Path], as_given: list[Path] | tuple[Path, ...] = (), *,
               lang: Lang) -> list[District]:
    """The files read up to the first that reads (the district the app opens on), the rest left to
    be read once 全市 is on screen: its first frame does not wait for every district's parse (15
    districts of 300 projects: 1.1 s, where one district's whole first frame takes 0.4 s)."""
    districts = []
    for path in paths:
        if any(d.loaded is not None for d in districts):
            districts.append(District(path, None, pending=True, folder=_folder_of(path, as_given)))
        else:
            districts += read_all([path], as_given, lang=lang)
    return districts


def read_one(district: District, *, lang: Lang) -> District:
    """`district` read again (its last good read reused where unchanged); its problem in `lang`."""
    try:
        return District(district.path, store.read(district.path, district.loaded), folder=district.folder)
    except store.DataError as error:
        return District(district.path, None, error.shown(lang=lang), folder=district.folder)


# A folder given is looked at again: its files now, not those at the start


def folders(districts: list[District]) -> tuple[Path, ...]:
    """The folders given that the districts were found in, in order."""
    return tuple(dict.fromkeys(d.folder for d in districts if d.folder is not None))


def folder_state(watched: tuple[Path, ...]) -> tuple:
    """What changes when a file is added to, removed from or renamed in one of `watched` (each
    folder's modification time: one stat, not a listing)."""
    state = []
    for folder in watched:
        try:
            state.append(folder.stat().st_mtime_ns)
        except (OSError, ValueError):
            state.append(None)
    return tuple(state)


def rescan(districts: list[District], watched: tuple[Path, ...]) -> list[District]:
    """`districts` with the folders in `watched` listed again: a file now in one is added (pending:
    to be read), one no longer there is left out; a file named on its own stays, read or not. The
    districts already listed keep their place and what was read of them."""
    listed = {folder: expand([folder]) if files.is_folder(folder) else [] for folder in watched}
    known = {d.path: d for d in districts}
    out: dict[Path, District] = {}
    done: set[Path] = set()
    for district in districts:
        folder = district.folder
        if folder is None or folder not in listed:
            out.setdefault(district.path, district)
        elif folder not in done:
            done.add(folder)
            for path in listed[folder]:
                out.setdefault(path, known.get(path) or District(path, None, pending=True, folder=folder))
    for folder in watched:  # a folder whose files were all gone, with files again
        if folder not in done:
            for path in listed[folder]:
                out.setdefault(path, known.get(path) or District(path, None, pending=True, folder=folder))
    return list(out.values())


# The city's table of indicators


class CityTable(NamedTuple):
    """Which targets are one indicator for the city, whatever each district calls them."""
    paths: tuple[Path, ...] = ()
    by_id: dict[str, str] = {}  # target id -> the indicator's name
    by_name: dict[str, str] = {}  # target name -> the indicator's name
    problems: tuple[str, ...] = ()  # why (part of) it could not be read, or an id given two indicators

    def problem(self, *, lang: Lang) -> str:
        """Its problems in one line (they are in `lang`, as read_city_table was given)."""
        return lang.tr("；").join(self.problems)


def city_table_paths(districts: list[District]) -> list[Path]:
    """Every `*.city.toml` in the folders the districts' files are in."""
    folders = dict.fromkeys(d.path.parent for d in districts)
    return [p for folder in folders for p in sorted(folder.glob("*" + CITY_FILE))]


def read_city_table(paths: list[Path], *, lang: Lang) -> CityTable:
    """The tables in `paths`, merged in order. An id or a name given to two indicators (in one
    table or two) is a problem naming both, and matches neither: the city's table is not guessed at.

        [[indicator]]
        name = "签约额"                      # the city's name for it: the column's title
        ids = ["amount", "contract_value"]   # targets with these ids, in any district
        names = ["签约总额"]                  # and targets with these names

    Its problems are said in `lang`.
    """
    from ..store import files

    by_id: dict[str, str] = {}
    by_name: dict[str, str] = {}
    claimed: dict[tuple[str, str], dict[str, str]] = {}  # ("id" or "name", it) -> {indicator: its file}
    problems = []
    for path in paths:
        try:
            text = files.read_text(path, CITY_FILE_LIMIT)
            table = tomllib.loads(text)
        except store.DataError as error:
            problems.append(error.shown(lang=lang))
            continue
        except (tomllib.TOMLDecodeError, RecursionError) as error:
            problems.append(f"{path.name}: {error}")
            continue
        entries = table.get("indicator", [])
        if set(table) - {"indicator"} or not isinstance(entries, list):
            problems.append(lang.tr("{file}：应只有 [[indicator]] 表", file=path.name))
            continue
        for number, entry in enumerate(entries, start=1):
            if (not isinstance(entry, dict) or set(entry) - {"name", "ids", "names"}
                    or not isinstance(entry.get("name"), str) or not entry["name"].strip()
                    or not all(isinstance(v, list) and all(isinstance(x, str) for x in v)
                               for v in (entry.get("ids", []), entry.get("names", [])))):
                problems.append(lang.tr("{file}：第 {number} 个 [[indicator]] 应有 name（文字），以及 ids、names（文字的列表）",
                                        file=path.name, number=number))
                continue
            name = entry["name"].strip()
            for ident in entry.get("ids", []):
                claimed.setdefault(("id", ident), {}).setdefault(name, path.name)
            for text in [name, *entry.get("names", [])]:
                claimed.setdefault(("name", text.strip()), {}).setdefault(name, path.name)
    for (kind, key), names in claimed.items():
        if len(names) > 1:
            (first, first_file), (second, second_file) = list(names.items())[:2]
            problems.append(lang.tr("{kind} {key} 同时归入“{first}”（{first_file}）和“{second}”（{second_file}），两者都不采用",
                                    kind=how_word(kind, lang=lang), key=key, first=first,
                                    first_file=first_file, second=second, second_file=second_file))
        else:
            (by_id if kind == "id" else by_name)[key] = next(iter(names))
    return CityTable(tuple(paths), by_id, by_name, tuple(problems))


# The comparison


class Cell(NamedTuple):
    progress: TargetProgress
    compared: bool  # in the ranking: a file of the city's year, its completion known and plausible
    how: str = BY_ID  # how its target was matched to the indicator: BY_TABLE, BY_ID or BY_NAME
    suspect: str = ""  # why its completion is implausible (数值可疑), left out of the mean; "" if not

    @property
    def target_id(self) -> str:
        return self.progress.target.id


class Row(NamedTuple):
    district: District
    cells: dict[str, Cell]  # by indicator key
    score: float | None  # the mean distance to 序时进度 of its compared targets (None: not ranked)
    rank: int | None
    worst: bool
    note: str  # why it is not compared, or what is left out
    label: str = ""  # its name, with its file when another district has the same name
    basis: int = 0  # how many targets its rank rests on
    date: dt.date | None = None  # the date its figures stand at (the newest of its file)
    stale: bool = False  # more than a month older than the newest district's
    behind: tuple[str, float] | None = None  # its furthest-behind compared target: (name, gap)
    suspect: int = 0  # how many of its targets are 数值可疑, left out of its mean
    tied: bool = False  # another district has the same mean (and basis group): they share a rank (并列)


class Indicator(NamedTuple):
    key: str
    name: str
    unit: str  # the unit most districts use (shown only; completion does not depend on it)
    hows: tuple[str, ...]  # how its districts' targets were matched, in HOW's order
    ids: tuple[str, ...]  # the target ids it gathers


class Comparison(NamedTuple):
    year: int | None  # the year most files are of
    targets: list[tuple[str, str, str]]  # (key, name, unit) of the shared indicators, in first-seen order
    rows: list[Row]  # ranked first (best first), then the unranked, then the broken
    indicators: list[Indicator] = []  # the shared indicators, as `targets`, with how each matched
    what_if: dt.date | None = None  # --as-of: every target judged at this date
    newest: dt.date | None = None  # the newest date any compared district stands at
    table: CityTable = CityTable()
    city: str = ""  # the city every readable district's file names (meta.city, in the language); "" if they differ
    copies: int = 0  # files of a district's year another file gives too (listed, not ranked)

    @property
    def count(self) -> int:
        """How many districts the files are of: a district's year in two files counts once."""
        return len(self.rows) - self.copies

    @property
    def ranked(self) -> list[Row]:
        return [r for r in self.rows if r.rank is not None]

    @property
    def unranked(self) -> list[Row]:
        return [r for r in self.rows if r.rank is None and r.district.dashboard is not None]

    @property
    def broken(self) -> list[Row]:
        return [r for r in self.rows if r.district.dashboard is None and not r.district.pending]

    @property
    def pending(self) -> list[Row]:
        """The districts not read yet (read_first): listed, neither ranked nor broken."""
        return [r for r in self.rows if r.district.pending]


def _name(target: Target) -> str:
    return " ".join(target.name.split())


def match(dashboards: list[Dashboard], year: int | None, table: CityTable) -> list[dict[str, tuple[str, str]]]:
    """For each dashboard, its targets' indicator: target id -> (indicator key, how matched). The
    city's table first; then an id two districts of `year` share; then a name identical to one
    already matched, or that two districts share; else the target's own id (shared with nobody)."""
    out: list[dict[str, tuple[str, str]]] = [{} for _ in dashboards]
    of_year = [i for i, d in enumerate(dashboards) if d.meta.year == year]
    for i, d in enumerate(dashboards):
        for t in d.targets:
            name = table.by_id.get(t.id) or table.by_name.get(_name(t))
            if name:
                out[i].setdefault(t.id, ("table:" + name, BY_TABLE))
    ids = Counter(ident for i in of_year for ident in dict.fromkeys(
        t.id for t in dashboards[i].targets if t.id not in out[i]))
    for i, d in enumerate(dashboards):
        for t in d.targets:
            if t.id not in out[i] and ids[t.id] >= 2:
                out[i][t.id] = (t.id, BY_ID)
    names: dict[str, str] = {}  # a matched target's name -> its indicator
    for i in of_year:
        for t in dashboards[i].targets:
            if t.id in out[i]:
                names.setdefault(_name(t), out[i][t.id][0])
    left = Counter(_name(t) for i in of_year for t in dashboards[i].targets if t.id not in out[i])
    for i, d in enumerate(dashboards):
        taken = {key for key, _ in out[i].values()}
        for t in d.targets:
            if t.id in out[i]:
                continue
            key = names.get(_name(t))
            if key is not None and key not in taken:
                out[i][t.id] = (key, BY_NAME)
            elif left[_name(t)] >= 2:
                out[i][t.id] = ("name:" + _name(t), BY_NAME)
            else:
                out[i][t.id] = (t.id, BY_ID)
            taken.add(out[i][t.id][0])
    return out


def labels(districts: list[District], *, lang: Lang) -> list[str]:
    """Each district's name in `lang`; where two share a name, the name with its file."""
    names = Counter(d.named(lang=lang) for d in districts if d.dashboard is not None)

    def label(d: District) -> str:
        name = d.named(lang=lang)
        if d.dashboard is None or names[name] == 1:
            return name
        stem = d.path.name.removesuffix(".toml")
        # 巩义市（修订） names itself; 二七区-副本 reads as a district of that name: 二七区（二七区-副本）
        own = stem == name or stem.startswith((name + "（", name + "("))
        return stem if own else lang.tr("{name}（{file}）", name=name, file=stem)
    return [label(d) for d in districts]


def compare(districts: list[District], what_if: dt.date | None = None, table: CityTable | None = None, *,
            lang: Lang) -> Comparison:
    """The districts compared; what the comparison says (its notes, labels, indicators' names) in
    `lang`; districts tied in a rank in the order of the names their files give."""
    table = read_city_table(city_table_paths(districts), lang=lang) if table is None else table
    good = [d for d in districts if d.dashboard is not None]
    years = Counter(d.dashboard.meta.year for d in good)
    year = years.most_common(1)[0][0] if years else None
    matched = match([d.dashboard for d in good], year, table)
    matched_of = {id(d): m for d, m in zip(good, matched)}
    # The shared indicators: those two or more districts of the year have, in first-seen order.
    members: dict[str, list[tuple[Target, str]]] = {}
    for district, m in zip(good, matched):
        if district.dashboard.meta.year != year:
            continue
        seen = set()
        for t in district.dashboard.targets:
            key, how = m[t.id]
            if key not in seen:
                seen.add(key)
                members.setdefault(key, []).append((t, how))
    indicators = []
    for key, found in sorted(members.items(), key=lambda pair: -len(pair[1])):  # the most shared first
        if len(found) < 2:
            continue
        if key.startswith("table:"):
            name = key.removeprefix("table:")
        else:
            name = Counter(lang.data(t, "name") for t, _ in found).most_common(1)[0][0]
        unit = Counter(t.target.unit for t, _ in found).most_common(1)[0][0]
        hows = tuple(h for h in HOW if any(how == h for _, how in found))
        indicators.append(Indicator(key, name, unit, hows, tuple(dict.fromkeys(t.id for t, _ in found))))
    shared = {i.key: i for i in indicators}
    common = len(indicators)
    dates = {id(d): d.dashboard.as_of for d in good}
    newest = max((dates[id(d)] for d in good if d.dashboard.meta.year == year), default=None)
    names = labels(districts, lang=lang)
    all_cells: list[dict[str, Cell]] = []
    for district in districts:
        d = district.dashboard
        cells: dict[str, Cell] = {}
        if d is not None:
            m = matched_of[id(district)]
            of_year = d.meta.year == year
            for p in progress.assess_all(d.targets, d, what_if):
                key, how = m[p.target.id]
                if key in shared and key not in cells:
                    cells[key] = Cell(p, of_year and p.completion is not None, how)
        all_cells.append(cells)
    medians = {key: _median([c.progress.completion for cells in all_cells for k, c in cells.items()
                             if k == key and c.compared]) for key in shared}
    # One district's year in two files (a copy left in the folder, 二七区 and 二七区（修订）) is ranked
    # once: by the file whose figures are newer (where they stand at one date, the one saved last);
    # the other is listed, not ranked, and says so.
    twins: dict[int, District] = {}
    by_name: dict[str, list[District]] = {}
    for district in good:
        if district.dashboard.meta.year == year:  # 鼓楼区 of 南京市 and of 福州市 are two districts
            meta = district.dashboard.meta
            by_name.setdefault(f"{meta.city.strip()}\n{meta.district.strip()}", []).append(district)
    for same in by_name.values():
        kept = max(same, key=lambda d: (dates[id(d)], _saved_at(d.path), -same.index(d)))
        twins.update({id(d): kept for d in same if d is not kept})
    rows = []
    for district, label, cells in zip(districts, names, all_cells):
        d = district.dashboard
        if d is None:
            rows.append(Row(district, {}, None, None, False, lang.tr("读取中…") if district.pending else district.problem,
                            label))
            continue
        of_year = d.meta.year == year
        suspects = []
        for key, c in cells.items():
            why = implausible(c.progress.completion, medians[key], lang=lang) if c.compared else ""
            if why:
                cells[key] = c._replace(compared=False, suspect=why)
                suspects.append(lang.tr("{name} {why}", name=shared[key].name, why=why))
        notes = []
        if not of_year:
            notes.append(lang.tr("{year} 年的数据，不参与比较", year=d.meta.year))
        if suspects:
            notes.append(lang.tr("数值可疑，未计入平均：{what}", what=lang.tr("、").join(suspects)))
        gaps = [c.progress.gap for c in cells.values() if c.compared]
        score = sum(gaps) / len(gaps) if gaps else None
        twin = twins.get(id(district))
        if twin is not None:
            same = sum(d.path.name == twin.path.name for d in good) > 1  # x.toml in two folders: which?
            shown = str(twin.path) if same else twin.path.name
            notes.append(lang.tr("与 {file} 同为 {name} {year} 年的数据，只按其中较新的一份排名", file=shown,
                                 name=lang.data(d.meta, "district"), year=year))
            score = None
        if of_year and not gaps:
            notes.append(lang.tr("没有可比较的目标"))
        unknown = [shared[k].name for k, c in cells.items() if of_year and not c.compared and not c.suspect]
        if unknown:
            notes.append(lang.tr("{names}进度未知", names=lang.tr("、").join(unknown)))
        if score is not None and len(gaps) * 2 < common:
            notes.append(lang.tr("仅 {basis} 项可比（全市共同目标 {common} 项），排在后面", basis=len(gaps),
                                 common=common))
        date = dates[id(district)]
        stale = of_year and newest is not None and progress.is_stale(date, newest)
        if stale:
            notes.append(lang.tr("数据比最新的地区早 {days} 天", days=(newest - date).days))
        behind = min(((shared[k].name, c.progress.gap) for k, c in cells.items() if c.compared),
                     key=lambda pair: pair[1], default=None)
        rows.append(Row(district, cells, score, None, False, lang.tr("；").join(notes), label, len(gaps), date, stale, behind,
                        len(suspects)))
    full = [r for r in rows if r.score is not None and r.basis * 2 >= common]
    thin = [r for r in rows if r.score is not None and r.basis * 2 < common]
    out = _ranked(full, 0) + _ranked(thin, len(full))
    reading = any(d.pending for d in districts)  # none is the worst until every district is read
    group = out[:len(full)] if full else out
    last = [r for r in group if r.rank == group[-1].rank] if group else []
    # The worst: those sharing the last rank of the fully compared, unless they share the first too
    # (all equal: none is behind the others).
    if len(out) > 1 and not reading and not (len(last) > 1 and last[0].rank == 1):
        named = {id(r) for r in last}
        out = [r._replace(worst=id(r) in named) for r in out]
    out += [r for r in rows if r.score is None and r.district.dashboard is not None]
    out += [r for r in rows if r.district.pending]
    out += [r for r in rows if r.district.dashboard is None and not r.district.pending]
    # an English title names the city only as the files give it in English (郑州市 is not Zhengzhou)
    cities = {(d.dashboard.meta.en.get("city", "") if lang.english else d.dashboard.meta.city).strip() for d in good}
    city = cities.pop() if len(cities) == 1 else ""
    return Comparison(year, [(i.key, i.name, i.unit) for i in indicators], out, indicators, what_if, newest, table,
                      city, len(twins))


def _level(row: Row) -> float:
    """A mean as compared for a tie: equal figures tie whatever the floating point's last digits."""
    return round(row.score, 9)


def _saved_at(path: Path) -> int:
    """When the district's figures were last written: its file, or its journal (a figure recorded)."""
    from ..store.files import journal_path

    times = []
    for written in (path, journal_path(path)):
        try:
            times.append(written.stat().st_mtime_ns)
        except OSError:
            continue
    return max(times, default=0)


def _own_name(district: District) -> str:
    """The district's name as its file gives it (its file's name when it could not be read)."""
    return district.dashboard.meta.district if district.dashboard is not None else district.path.name


def _ranked(rows: list[Row], before: int) -> list[Row]:
    """`rows` best first, numbered after `before` others; equal means share a rank (1, 1, 3), in
    the order of the names their files give (not translated: the same order in every language)
    within it, each marked tied."""
    ordered = sorted(rows, key=lambda r: (-_level(r), _own_name(r.district), str(r.district.path)))
    levels = Counter(_level(r) for r in ordered)
    out: list[Row] = []
    for index, row in enumerate(ordered, start=before + 1):
        rank = out[-1].rank if out and _level(out[-1]) == _level(row) else index
        out.append(row._replace(rank=rank, tied=levels[_level(row)] > 1))
    return out


def rank_text(row: Row, *, lang: Lang) -> str:
    """A rank as a table shows it: 1, or 并列1 where another district shares it ("1=" in English)."""
    if not row.rank:
        return ""
    return lang.tr("并列{rank}", rank=row.rank) if row.tied else str(row.rank)


def place(row: Row, *, lang: Lang) -> str:
    """A rank in a sentence: 第1名, or 并列第1名 where another district shares it."""
    return lang.tr("并列第{rank}名", rank=row.rank) if row.tied else lang.tr("第{rank}名", rank=row.rank)


def worst_rows(comparison: Comparison) -> list[Row]:
    """The districts furthest behind: none when every ranked district is level, all of those tied
    for the last rank otherwise."""
    return [r for r in comparison.rows if r.worst]


def worst_names(comparison: Comparison, *, lang: Lang) -> str:
    return lang.tr("、").join(r.label or r.district.named(lang=lang) for r in worst_rows(comparison))


def standing(row: Row, what_if: dt.date | None = None, *, lang: Lang) -> str:
    """The date a district's figures stand at, as precise as its file: 2024年5月 where it gives only
    the month (fmt.standing), else 2024-05-31; the what-if date where one is given."""
    from ..core import fmt

    if what_if is not None:
        return what_if.isoformat()
    if row.date is None or row.district.dashboard is None:
        return ""
    return fmt.standing(row.date, row.district.dashboard.meta, lang=lang)


def month_only(row: Row) -> bool:
    """Whether the file of `row` gives only the month its figures stand at."""
    from ..core import fmt

    d = row.district.dashboard
    return d is not None and row.date is not None and fmt.month_only(row.date, d.meta)


def _median(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def implausible(completion: float | None, median: float | None, *, lang: Lang) -> str:
    """Why `completion` is not to be believed (over IMPLAUSIBLE times its goal, or past its goal and
    over IMPLAUSIBLE times the city's median for the target), with the figure; "" if it is."""
    from ..core import fmt

    if completion is None:
        return ""
    if completion > IMPLAUSIBLE:
        return lang.tr("完成率 {share}，超过目标 {times} 倍", share=fmt.percent(completion), times=IMPLAUSIBLE)
    if completion > 1 and median is not None and median > 0 and completion > IMPLAUSIBLE * median:
        return lang.tr("完成率 {share}，超过全市中位数 {median} 的 {times} 倍", share=fmt.percent(completion),
                       median=fmt.percent(median), times=IMPLAUSIBLE)
    return ""


# What the comparison says of itself, the same on screen and in every export


def method(*, lang: Lang) -> str:
    """How the ranking is computed, in one sentence: short enough to be read whole under the table
    at 80×24 (three lines in Chinese, five in English), as it is in every export."""
    return lang.tr("排名：本年度各共同目标的完成率与序时进度之差（个百分点）取平均，与单位无关；"
                   "完成率超过目标10倍、或超过目标且超过全市中位数10倍的为数值可疑，不计入；"
                   "目标依次按全市对照表、编号、相同名称对应；可比目标不足共同目标一半的排在后面。")


def basis_text(row: Row, *, lang: Lang) -> str:
    """How many targets a district's rank rests on, and how many were left out as 数值可疑."""
    if row.suspect:
        return lang.tr("{count} 项（{suspect} 项数值可疑未计入）", count=row.basis, suspect=row.suspect)
    return lang.tr("{count} 项", count=row.basis)


def headline(comparison: Comparison, *, lang: Lang) -> str:
    """What the city's title says: the city (郑州市, or 全市 where the files name none or several), what
    its counts count, the year, and a what-if."""
    year = lang.tr("{year} 年", year=comparison.year) if comparison.year else ""
    parts = [lang.tr("{count} 个地区排名", count=len(comparison.ranked))]
    if comparison.unranked:
        parts.append(lang.tr("{count} 个不参与比较", count=len(comparison.unranked)))
    if comparison.pending:
        parts.append(lang.tr("{count} 个读取中", count=len(comparison.pending)))
    if comparison.broken:
        parts.append(lang.tr("{count} 个无法读取", count=len(comparison.broken)))
    if year:
        parts.append(year)
    counts = " · ".join(parts)  # the city named when every file names the same one
    line = lang.tr("{city}：{counts}", city=comparison.city, counts=counts) if comparison.city else lang.tr("全市：{counts}", counts=counts)
    if comparison.what_if:  # first: a narrow terminal cuts the title's end
        line = what_if_note(comparison.what_if, lang=lang) + line
    return line


def what_if_note(what_if: dt.date, *, lang: Lang) -> str:
    return lang.tr("【假设截至 {date}（--as-of），非实际进度】", date=what_if.isoformat())


def matched_how(indicator: Indicator, *, lang: Lang) -> str:
    """An indicator's name, with how its districts' targets were matched where not all by id."""
    if indicator.hows == (BY_ID,):
        return indicator.name
    return lang.tr("{name}（按{hows}）", name=indicator.name, hows=lang.tr("、").join(how_word(h, lang=lang) for h in indicator.hows))


def cell_note(comparison: Comparison, row: Row, *, lang: Lang) -> str:
    """For one district, which of its targets stands for each indicator where not its own id, and
    the indicators it lacks."""
    parts, lacking = [], []
    for indicator in comparison.indicators:
        found = row.cells.get(indicator.key)
        if found is None:
            lacking.append(indicator.name)
        elif found.how != BY_ID or found.target_id != indicator.key:
            own = _name(found.progress.target)
            ident = found.target_id if own == indicator.name else f"{found.target_id} {own}"
            parts.append(lang.tr("{name}←{ident}（按{how}）", name=indicator.name, ident=ident,
                                 how=how_word(found.how, lang=lang)))
    if parts and len(parts) < len(comparison.indicators) - len(lacking):
        parts.append(lang.tr("其余按编号"))
    elif not parts and len(lacking) < len(comparison.indicators):
        parts.append(lang.tr("都按编号对应"))
    if lacking:
        parts.append(lang.tr("没有：{names}", names=lang.tr("、").join(lacking)))
    return lang.tr("；").join(parts)
