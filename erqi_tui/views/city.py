"""全市: several districts' files at once (`--data A --data B`, or `--data DIR/`), their shared
targets side by side, each judged against 序时进度, the districts ranked and the worst flagged.
No Textual.

A target is shared when two or more districts have it (by id). Districts are compared only where
they can be: a file of another year than most is shown but not ranked, and a target whose unit
differs from the one most districts use is shown but left out of the ranking; both say so. A file
that cannot be read stays in the list with its problem, and the others are shown."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from ..core import progress
from .. import store
from ..core.i18n import data, tr
from ..core.model import Dashboard
from ..core.progress import TargetProgress


class District(NamedTuple):
    path: Path
    loaded: store.Loaded | None
    problem: str = ""  # why it cannot be shown (loaded None)

    @property
    def dashboard(self) -> Dashboard | None:
        return self.loaded.dashboard if self.loaded else None

    @property
    def name(self) -> str:
        if self.dashboard is None:
            return self.path.name
        meta = self.dashboard.meta
        return data(meta, "district")


def expand(paths: list[Path]) -> list[Path]:
    """The data files: each path as given, and for a folder every .toml in it (journals excepted),
    in name order."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(p for p in path.glob("*.toml") if not p.name.endswith(".journal.toml"))
        else:
            out.append(path)
    return list(dict.fromkeys(out))


def read_all(paths: list[Path]) -> list[District]:
    districts = []
    for path in paths:
        try:
            districts.append(District(path, store.read(path)))
        except store.DataError as error:
            districts.append(District(path, None, error.shown()))
    return districts


class Cell(NamedTuple):
    progress: TargetProgress
    compared: bool  # in the ranking: the same unit as most districts use for this target


class Row(NamedTuple):
    district: District
    cells: dict[str, Cell]  # by target id
    score: float | None  # the mean distance to 序时进度 of its compared targets (None: not ranked)
    rank: int | None
    worst: bool
    note: str  # why it is not compared, or what is left out


class Comparison(NamedTuple):
    year: int | None  # the year most files are of
    targets: list[tuple[str, str, str]]  # (id, name, unit) of the shared targets, in first-seen order
    rows: list[Row]  # ranked first (best first), then the unranked, then the broken


def compare(districts: list[District], what_if: dt.date | None = None) -> Comparison:
    good = [d for d in districts if d.dashboard is not None]
    years = Counter(d.dashboard.meta.year for d in good)
    year = years.most_common(1)[0][0] if years else None
    seen: dict[str, list] = {}
    for district in good:
        for target in district.dashboard.targets:
            seen.setdefault(target.id, []).append(target)
    shared = [(ident, targets) for ident, targets in seen.items() if len(targets) >= 2]
    units = {ident: Counter(t.target.unit for t in targets).most_common(1)[0][0] for ident, targets in shared}
    names = [(ident, data(targets[0], "name"), units[ident]) for ident, targets in shared]
    rows = []
    for district in districts:
        d = district.dashboard
        if d is None:
            rows.append(Row(district, {}, None, None, False, district.problem))
            continue
        assessed = {p.target.id: p for p in progress.assess_all(d.targets, d, what_if) if p.target.id in units}
        cells = {ident: Cell(p, p.target.target.unit == units[ident]) for ident, p in assessed.items()}
        notes = []
        if d.meta.year != year:
            notes.append(tr("{year} 年的数据，不参与比较", year=d.meta.year))
        odd = [data(c.progress.target, "name") for c in cells.values() if not c.compared]
        if odd:
            notes.append(tr("单位不同，不参与比较：{names}", names="、".join(odd)))
        gaps = [c.progress.gap for c in cells.values() if c.compared and c.progress.gap is not None]
        score = sum(gaps) / len(gaps) if gaps and d.meta.year == year else None
        if d.meta.year == year and not gaps:
            notes.append(tr("没有可比较的目标"))
        rows.append(Row(district, cells, score, None, False, "；".join(notes)))
    ranked = sorted((r for r in rows if r.score is not None), key=lambda r: -r.score)
    out = [r._replace(rank=index, worst=index == len(ranked) and len(ranked) > 1)
           for index, r in enumerate(ranked, start=1)]
    out += [r for r in rows if r.score is None and r.district.dashboard is not None]
    out += [r for r in rows if r.district.dashboard is None]
    return Comparison(year, names, out)
