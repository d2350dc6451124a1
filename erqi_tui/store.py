"""Read a targets file (tomllib), validate it into the model, and say exactly what is wrong. No Textual.

Every problem names the file, the line (and column where TOML gives it), the key path and what was
expected. Key paths count array entries from 1, as a person reading the file would:
`target[2].current.unit` is the `unit` of `current` in the second `[[target]]`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import math
import re
import tomllib
from pathlib import Path
from typing import Any, NamedTuple

from .model import (
    PANES,
    Axis,
    Dashboard,
    Event,
    Figure,
    Layout,
    Meta,
    Project,
    Quantity,
    Stage,
    Target,
)


class Problem(NamedTuple):
    path: Path
    line: int | None
    column: int | None
    key: str
    message: str

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class DataError(Exception):
    """The file could not be turned into a dashboard; `problems` says why, one entry each."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


MAX_BYTES = 32 * 1024 * 1024  # ten times a city's 100,000 projects would need; larger is a mistake
LARGE_FILE = 1024 * 1024  # some 5,000 projects: loading shows progress (a spinner, a line in the app)
NAME_LIMIT = 200  # characters in an id, name, label or unit
TEXT_LIMIT = 2000  # characters in a note, source or expectation


def load(path: Path | str) -> Dashboard:
    """Read and validate `path` and apply the journal beside it. Raises DataError listing every
    problem found, in whichever file has them."""
    from .journal import apply_journal

    path = Path(path)
    with _collector_paused():
        return apply_journal(load_base(path), path)


@contextlib.contextmanager
def _collector_paused():
    """Python's cyclic garbage collector scans every object it tracks, again and again while a
    large file loads: a city's millions of parsed values took a tenth of the load. Nothing made
    here forms a cycle, so it is paused while loading (reference counting still frees garbage)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def keep_loaded() -> None:
    """Call once the loaded dashboard is in use: the objects alive now are set aside from the
    collector's later scans (gc.freeze), so that with 100,000 projects in memory a filter keystroke
    does not pay a full scan of them (190 ms, against 30 ms set aside). Anything set aside earlier
    is scanned once more first, so an old dashboard, or widgets since removed, are still freed."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def load_base(path: Path | str) -> Dashboard:
    """Read and validate the hand-kept data file alone, without its journal."""
    path = Path(path)
    text = read_text(path)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataError([syntax_problem(path, error, text)]) from None
    return Validator(path, text).dashboard(document)


def read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            problem = Problem(path, None, None, "", f"is {size / 2**20:.1f} MiB; expected a data file of at "
                                                    f"most {MAX_BYTES // 2**20} MiB")
            raise DataError([problem])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError([Problem(path, None, None, "", "no such file")]) from None
    except IsADirectoryError:
        raise DataError([Problem(path, None, None, "", "is a folder, expected a TOML file")]) from None
    except OSError as error:
        raise DataError([Problem(path, None, None, "", f"cannot be read: {error.strerror}")]) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        problem = Problem(path, line, column, "", "is not UTF-8 text: save the file as UTF-8")
        raise DataError([problem]) from None


# Patterns used only when a file has a problem are kept as text: re compiles (and caches) them on
# first use, so that a good file's start-up does not pay for them.
_AT = r"\s*\(at line (\d+), column (\d+)\)\s*$"
_AT_END = r"\s*\(at end of document\)\s*$"


# What tomllib's terse messages usually mean for a file written by hand.
_SYNTAX_HINTS = {
    "Illegal character '\\n'": "a line ends inside a string: is a closing quote missing?",
    "Cannot overwrite a value": "a key is written twice",
    "Cannot declare": "a table is written twice",
    "Invalid date or datetime": "expected a real date like 2024-05-31",
    "Expected '=' after a key": 'expected key = value (text in "quotes")',
    "Invalid value": 'expected a number, a date, true/false, or text in "quotes"',
}


def syntax_problem(path: Path, error: tomllib.TOMLDecodeError, text: str = "") -> Problem:
    """A TOML syntax error as a Problem: its line and column, the key written on that line if any,
    tomllib's message and what it usually means."""
    message = str(error)
    line = column = None
    match = re.search(_AT, message)
    if match:
        line, column = int(match[1]), int(match[2])
        message = message[: match.start()]
    message = re.sub(_AT_END, "", message)
    hint = next((h for pattern, h in _SYNTAX_HINTS.items() if message.startswith(pattern)), "")
    key = ""
    if line is not None and text:
        before = "\n".join(text.splitlines()[:line])
        key = next((k for k, n in locate_keys(before).items() if n == line), "")
    return Problem(path, line, column, key, f"TOML syntax: {message}" + (f" ({hint})" if hint else ""))


# --- where keys are -------------------------------------------------------------------------------

_BARE_OR_QUOTED = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_DOTTED = rf"{_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*"
_HEADER = rf"^\s*(\[\[?)\s*({_DOTTED})\s*\]\]?"
_KEY = rf"^\s*({_DOTTED})\s*="


def _split_dotted(dotted: str) -> list[str]:
    parts = re.findall(_BARE_OR_QUOTED, dotted)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


def _bracket_depth(line: str) -> int:
    """Net open brackets/braces on a line, outside strings and comments."""
    depth, quote, i = 0, "", 0
    while i < len(line):
        ch = line[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            break
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        i += 1
    return depth


def locate_keys(text: str) -> dict[str, int]:
    """Map each key path written in `text` to its line number (1-based).

    A light scanner, not a parser: it only has to find lines in text tomllib already accepted.
    Array-of-tables entries are numbered from 1, matching the paths in problems.
    """
    match_header, match_key = re.compile(_HEADER).match, re.compile(_KEY).match
    lines: dict[str, int] = {}
    counts: dict[str, int] = {}
    table: list[str] = []
    depth = 0
    in_multiline = ""
    for number, line in enumerate(text.splitlines(), start=1):
        if in_multiline:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = ""
            continue
        if depth > 0:
            depth += _bracket_depth(line)
            continue
        header = match_header(line)
        if header:
            parts = _split_dotted(header[2])
            resolved: list[str] = []
            for part in parts[:-1]:
                prefix = ".".join(resolved + [part])
                resolved.append(f"{part}[{counts[prefix]}]" if prefix in counts else part)
            last = ".".join(resolved + [parts[-1]])
            if header[1] == "[[":
                counts[last] = counts.get(last, 0) + 1
                resolved.append(f"{parts[-1]}[{counts[last]}]")
                # A new entry starts afresh: forget the numbering of arrays nested in the previous one.
                for key in [k for k in counts if k.startswith(last + "[")]:
                    del counts[key]
            else:
                resolved.append(parts[-1])
            table = resolved
            lines.setdefault(".".join(table), number)
            continue
        key = match_key(line)
        if key:
            path = ".".join(table + _split_dotted(key[1]))
            lines.setdefault(path, number)
            rest = line[key.end():]
            for quote in ('"""', "'''"):
                if rest.count(quote) % 2 == 1:
                    in_multiline = quote
            if not in_multiline:
                depth = max(_bracket_depth(rest), 0)
    return lines


# --- validation -----------------------------------------------------------------------------------

class Validator:
    """Turns a parsed document into a Dashboard, collecting every problem rather than stopping at one."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.source = text
        self.problems: list[Problem] = []

    @functools.cached_property
    def lines(self) -> dict[str, int]:
        # Scanning for key lines costs as much as a third of the parse: only a problem needs them.
        return locate_keys(self.source)

    # Reporting

    def problem(self, key: str, message: str) -> None:
        line = None
        probe = key
        while probe:
            if probe in self.lines:
                line = self.lines[probe]
                break
            probe = probe.rpartition(".")[0]
        self.problems.append(Problem(self.path, line, None, key, message))

    # Typed reads; each returns None (after reporting) when the value is wrong

    def table(self, value: Any, key: str, allowed: set[str]) -> dict | None:
        if not isinstance(value, dict):
            self.problem(key, f"expected a table, got {_describe(value)}")
            return None
        if value.keys() <= allowed:  # the usual case, checked without building sets: 100,000 projects
            return value
        for unknown in sorted(set(value) - allowed):
            self.problem(f"{key}.{unknown}" if key else unknown,
                         f"unknown key; expected one of: {', '.join(sorted(allowed))}")
        return value

    def tables(self, container: dict, name: str, allowed: set[str], prefix: str = "") -> list[tuple[str, dict]]:
        """The [[prefix.name]] entries, each with its key path."""
        value = container.get(name, [])
        if not isinstance(value, list):
            self.problem(prefix + name, f"expected [[{prefix}{name}]] entries, got {_describe(value)}")
            return []
        out = []
        for index, entry in enumerate(value, start=1):
            key = f"{prefix}{name}[{index}]"
            checked = self.table(entry, key, allowed)
            if checked is not None:
                out.append((key, checked))
        return out

    # The typed reads below first try the usual case (the value is there and right) in a line or
    # two, and only then look closer and name the problem: 100,000 projects make a million reads.

    def text(self, tbl: dict, name: str, key: str, *, required: bool = False,
             limit: int = NAME_LIMIT) -> str | None:
        value = tbl.get(name)
        if _plainly_text(value, limit, required):
            return value
        where = f"{key}.{name}" if key else name
        if name not in tbl:
            if required:
                self.problem(where, "missing; expected text")
                return None
            return ""
        value = tbl[name]
        if not isinstance(value, str):
            self.problem(where, f"expected text in quotes, got {_describe(value)}")
            return None
        if required and not value.strip():
            self.problem(where, "is empty; expected text")
            return None
        if len(value) > limit:
            self.problem(where, f"is {len(value)} characters long; expected at most {limit}")
            return None
        return value

    def boolean(self, tbl: dict, name: str, key: str) -> bool:
        value = tbl.get(name, False)
        if not isinstance(value, bool):
            self.problem(f"{key}.{name}", f"expected true or false, got {_describe(value)}")
            return False
        return value

    def number(self, tbl: dict, name: str, key: str) -> int | float | None:
        value = tbl.get(name)
        if _plainly_a_number(value):
            return value
        where = f"{key}.{name}"
        if name not in tbl:
            self.problem(where, "missing; expected a number ≥ 0")
            return None
        value = tbl[name]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(where, f"expected a number ≥ 0, got {_describe(value)}")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.problem(where, f"expected a finite number ≥ 0, got {value}")
            return None
        if value < 0:
            self.problem(where, f"expected a number ≥ 0, got {value}")
            return None
        return value

    def date(self, tbl: dict, name: str, key: str) -> dt.date | None:
        where = f"{key}.{name}"
        if name not in tbl:
            self.problem(where, "missing; expected a date like 2024-05-31 (no quotes)")
            return None
        value = tbl[name]
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            self.problem(where, f"expected a date like 2024-05-31 (no quotes), got {_describe(value)}")
            return None
        if not 1900 <= value.year <= 2200:
            self.problem(where, f"expected a date between 1900 and 2200, got {value.isoformat()}")
            return None
        return value

    def quantity_in(self, tbl: dict, key: str) -> Quantity | None:
        """The value / unit / at_least keys of `tbl` as a Quantity."""
        value, unit, at_least = tbl.get("value"), tbl.get("unit"), tbl.get("at_least", False)
        if _plainly_a_number(value) and _plainly_text(unit, NAME_LIMIT, True) and at_least.__class__ is bool:
            return Quantity(value, unit, at_least)
        value = self.number(tbl, "value", key)
        unit = self.text(tbl, "unit", key, required=True)
        at_least = self.boolean(tbl, "at_least", key)
        if value is None or unit is None:
            return None
        return Quantity(value, unit, at_least)

    def quantity(self, tbl: dict, name: str, key: str, *, required: bool) -> Quantity | None:
        where = f"{key}.{name}"
        if name not in tbl:
            if required:
                self.problem(where, 'missing; expected { value = …, unit = "…" }')
            return None
        inner = self.table(tbl[name], where, QUANTITY_KEYS)
        return None if inner is None else self.quantity_in(inner, where)

    def english(self, tbl: dict, key: str, fields: tuple[str, ...]) -> dict[str, str] | None:
        """The optional `en = { name = "…" }` table: English for the record's texts."""
        if "en" not in tbl:
            return {}
        where = f"{key}.en" if key else "en"
        inner = self.table(tbl["en"], where, set(fields))
        if inner is None:
            return None
        texts = {name: self.text(inner, name, where) for name in inner}
        return None if None in texts.values() else texts

    def unique(self, kind: str, entries: list[tuple[str, dict]]) -> None:
        seen: dict[str, str] = {}
        for key, tbl in entries:
            ident = tbl.get("id")
            if not isinstance(ident, str) or not ident:
                continue
            if ident in seen:
                self.problem(f"{key}.id", f'duplicate {kind} id "{ident}"; first used at {seen[ident]}')
            else:
                seen[ident] = key

    # The document

    def dashboard(self, doc: dict) -> Dashboard:
        self.table(doc, "", TOP_KEYS)
        meta = self.meta(doc)
        raw_targets = self.tables(doc, "target", TARGET_KEYS)
        raw_figures = self.tables(doc, "figure", FIGURE_KEYS)
        raw_projects = self.tables(doc, "project", PROJECT_KEYS)
        targets = [self.target(k, t) for k, t in raw_targets]
        figures = [self.figure(k, t, standalone=True) for k, t in raw_figures]
        events = [self.event(k, t) for k, t in self.tables(doc, "event", EVENT_KEYS)]
        stages = [self.stage(k, t) for k, t in self.tables(doc, "stage", STAGE_KEYS)]
        layout = self.layout(doc)
        stage_names = [s.name for s in stages if s]
        axis_ids = [a.id for a in layout.axes] if layout else []
        projects = [self.project(k, t, stage_names, axis_ids) for k, t in raw_projects]
        self.unique("target", raw_targets)
        self.unique("figure", raw_figures)
        self.unique("project", raw_projects)
        if self.problems or meta is None or layout is None:
            raise DataError(self.problems)
        return Dashboard(
            meta=meta,
            targets=tuple(targets),
            figures=tuple(figures),
            events=tuple(events),
            stages=tuple(stages),
            layout=layout,
            projects=tuple(projects),
        )

    def meta(self, doc: dict) -> Meta | None:
        if "meta" not in doc:
            self.problem("meta", "missing; expected a [meta] table with district, year and as_of")
            return None
        tbl = self.table(doc["meta"], "meta", META_KEYS)
        if tbl is None:
            return None
        district = self.text(tbl, "district", "meta", required=True)
        year = tbl.get("year")
        if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2200:
            self.problem("meta.year", f"expected a year such as 2024, got {_describe(year)}"
                         if "year" in tbl else "missing; expected a year such as 2024")
            year = None
        as_of = self.date(tbl, "as_of", "meta")
        city = self.text(tbl, "city", "meta")
        title = self.text(tbl, "title", "meta")
        source = self.text(tbl, "source", "meta", limit=TEXT_LIMIT)
        en = self.english(tbl, "meta", ("district", "city", "title"))
        if None in (district, year, as_of, city, title, source, en):
            return None
        if abs(as_of.year - year) > 1:
            self.problem("meta.as_of", f"expected a date in or next to the year {year}, got {as_of.isoformat()}")
            return None
        return Meta(district=district, year=year, as_of=as_of, city=city, title=title, source=source, en=en)

    def target(self, key: str, tbl: dict) -> Target | None:
        ident = self.text(tbl, "id", key, required=True)
        name = self.text(tbl, "name", key, required=True)
        goal = self.quantity(tbl, "target", key, required=True)
        current = self.quantity(tbl, "current", key, required=False)
        pane = self.pane(tbl, key, required=False)
        note = self.text(tbl, "note", key, limit=TEXT_LIMIT)
        source = self.text(tbl, "source", key, limit=TEXT_LIMIT)
        if goal and current and goal.unit != current.unit:
            self.problem(f"{key}.current.unit",
                         f'expected the target\'s unit "{goal.unit}", got "{current.unit}"')
            return None
        if goal is not None and goal.value == 0:
            self.problem(f"{key}.target.value", "expected a target above 0")
            return None
        en = self.english(tbl, key, ("name", "note"))
        if None in (ident, name, goal, pane, note, source, en):
            return None
        return Target(id=ident, name=name, target=goal, current=current, pane=pane, note=note,
                      source=source, en=en)

    def pane(self, tbl: dict, key: str, *, required: bool) -> str | None:
        pane = self.text(tbl, "pane", key, required=required)
        if pane and pane not in PANES:
            self.problem(f"{key}.pane", f'expected one of {", ".join(PANES)}, got "{pane}"')
            return None
        return pane

    def figure(self, key: str, tbl: dict, *, standalone: bool, pane: str = "") -> Figure | None:
        ident = self.text(tbl, "id", key)
        label = self.text(tbl, "label", key, required=True)
        quantity = self.quantity_in(tbl, key)
        group = self.text(tbl, "group", key)
        source = self.text(tbl, "source", key, limit=TEXT_LIMIT)
        headline = self.boolean(tbl, "headline", key) if standalone else False
        if standalone:
            pane = self.pane(tbl, key, required=True)
        en = self.english(tbl, key, ("label", "group"))
        if None in (ident, label, quantity, group, source, pane, en):
            return None
        return Figure(id=ident, label=label, quantity=quantity, pane=pane, group=group,
                      headline=headline, source=source, en=en)

    def sub_figures(self, tbl: dict, key: str, pane: str) -> tuple[Figure, ...] | None:
        value = tbl.get("figure", [])
        if not isinstance(value, list):
            self.problem(f"{key}.figure", f"expected [[…figure]] entries, got {_describe(value)}")
            return None
        figures = []
        for index, entry in enumerate(value, start=1):
            sub = f"{key}.figure[{index}]"
            checked = self.table(entry, sub, SUB_FIGURE_KEYS)
            figures.append(None if checked is None else self.figure(sub, checked, standalone=False, pane=pane))
        return None if None in figures else tuple(figures)

    def event(self, key: str, tbl: dict) -> Event | None:
        date = self.date(tbl, "date", key)
        title = self.text(tbl, "title", key, required=True)
        note = self.text(tbl, "note", key, limit=TEXT_LIMIT)
        source = self.text(tbl, "source", key, limit=TEXT_LIMIT)
        figures = self.sub_figures(tbl, key, "investment")
        en = self.english(tbl, key, ("title", "note"))
        if None in (date, title, note, source, figures, en):
            return None
        return Event(date=date, title=title, figures=figures, note=note, source=source, en=en)

    def stage(self, key: str, tbl: dict) -> Stage | None:
        name = self.text(tbl, "name", key, required=True)
        count = self.quantity(tbl, "count", key, required=False)
        note = self.text(tbl, "note", key, limit=TEXT_LIMIT)
        source = self.text(tbl, "source", key, limit=TEXT_LIMIT)
        en = self.english(tbl, key, ("name", "note"))
        if None in (name, note, source, en) or ("count" in tbl and count is None):
            return None
        return Stage(name=name, count=count, note=note, source=source, en=en)

    def layout(self, doc: dict) -> Layout | None:
        if "layout" not in doc:
            return Layout()
        tbl = self.table(doc["layout"], "layout", LAYOUT_KEYS)
        if tbl is None:
            return None
        name = self.text(tbl, "name", "layout")
        belt = self.text(tbl, "belt", "layout")
        belt_note = self.text(tbl, "belt_note", "layout", limit=TEXT_LIMIT)
        source = self.text(tbl, "source", "layout", limit=TEXT_LIMIT)
        raw_axes = self.tables(tbl, "axis", AXIS_KEYS, prefix="layout.")
        axes = [self.axis(k, t) for k, t in raw_axes]
        self.unique("axis", raw_axes)
        en = self.english(tbl, "layout", ("name", "belt", "belt_note"))
        if None in (name, belt, belt_note, source, en) or None in axes:
            return None
        return Layout(name=name, belt=belt, belt_note=belt_note, axes=tuple(axes), source=source, en=en)

    def axis(self, key: str, tbl: dict) -> Axis | None:
        ident = self.text(tbl, "id", key, required=True)
        road = self.text(tbl, "road", key, required=True)
        theme = self.text(tbl, "theme", key, required=True)
        note = self.text(tbl, "note", key, limit=TEXT_LIMIT)
        source = self.text(tbl, "source", key, limit=TEXT_LIMIT)
        en = self.english(tbl, key, ("road", "theme", "note"))
        if None in (ident, road, theme, note, source, en):
            return None
        return Axis(id=ident, road=road, theme=theme, note=note, source=source, en=en)

    def project(self, key: str, tbl: dict, stages: list[str], axes: list[str]) -> Project | None:
        ident = self.text(tbl, "id", key, required=True)
        name = self.text(tbl, "name", key, required=True)
        status = self.text(tbl, "status", key)
        if status and stages and status not in stages:
            self.problem(f"{key}.status", f'expected one of the [[stage]] names ({", ".join(stages)}), '
                                          f'got "{status}"')
            status = None
        axis = self.text(tbl, "axis", key)
        if axis and axis not in axes:
            known = ", ".join(axes) if axes else "none defined"
            self.problem(f"{key}.axis", f'expected the id of a [[layout.axis]] ({known}), got "{axis}"')
            axis = None
        location = self.text(tbl, "location", key)
        investment = self.quantity(tbl, "investment", key, required=False)
        area = self.quantity(tbl, "area", key, required=False)
        figures = self.sub_figures(tbl, key, "projects")
        expected = self.text(tbl, "expected", key, limit=TEXT_LIMIT)
        note = self.text(tbl, "note", key, limit=TEXT_LIMIT)
        source = self.text(tbl, "source", key, limit=TEXT_LIMIT)
        en = self.english(tbl, key, ("name", "location", "expected", "note"))
        if None in (ident, name, status, axis, location, figures, expected, note, source, en):
            return None
        if ("investment" in tbl and investment is None) or ("area" in tbl and area is None):
            return None
        return Project(id=ident, name=name, status=status or None, axis=axis or None, location=location,
                       investment=investment, area=area, figures=figures, expected=expected, note=note,
                       source=source, en=en)

def _plainly_text(value: Any, limit: int, required: bool) -> bool:
    """The quick test of Validator.text: text within the limit, not blank where required."""
    return value.__class__ is str and len(value) <= limit and (not required or bool(value.strip()))


def _plainly_a_number(value: Any) -> bool:
    """The quick test of Validator.number: an int or a finite float, ≥ 0 (a bool is neither)."""
    return (value.__class__ is int and value >= 0) or (value.__class__ is float and 0 <= value < math.inf)


QUANTITY_KEYS = {"value", "unit", "at_least"}
TOP_KEYS = {"meta", "target", "figure", "event", "stage", "layout", "project"}
META_KEYS = {"district", "city", "year", "as_of", "title", "source", "en"}
TARGET_KEYS = {"id", "name", "target", "current", "pane", "note", "source", "en"}
SUB_FIGURE_KEYS = {"id", "label", "group", "source", "en"} | QUANTITY_KEYS
FIGURE_KEYS = SUB_FIGURE_KEYS | {"pane", "headline"}
EVENT_KEYS = {"date", "title", "note", "source", "figure", "en"}
STAGE_KEYS = {"name", "count", "note", "source", "en"}
LAYOUT_KEYS = {"name", "belt", "belt_note", "source", "axis", "en"}
AXIS_KEYS = {"id", "road", "theme", "note", "source", "en"}
PROJECT_KEYS = {"id", "name", "status", "axis", "location", "investment", "area", "figure", "expected",
                "note", "source", "en"}


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, str):
        return f'text "{value[:40]}"'
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dt.datetime):
        return f"a date-time {value.isoformat()}"
    if isinstance(value, dt.date):
        return f"a date {value.isoformat()}"
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return "nothing" if value is None else type(value).__name__
