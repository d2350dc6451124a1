"""Reading TOML that people write by hand: the typed reads every file kind shares, and problems that
name the file, the line (and column where TOML gives it), the key path and what was expected. No Textual.

Key paths count array entries from 1, as a person reading the file would: `target[2].current.unit`
is the `unit` of `current` in the second `[[target]]`, and a problem says it in words first
(problems.key_words): 第 2 个目标（[[target]] 第 2 项）的 current.unit（当前值）.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import tomllib
from pathlib import Path
from typing import Any

from ..core.model import Quantity
from ..core.problems import DataError, Problem, Said, said

NAME_LIMIT = 200  # characters in an id, name, label or unit
TEXT_LIMIT = 2000  # characters in a note, source or expectation
MAX_VALUE = 10**15  # a quantity above this is a typo or an attack (1e15 亿元 is far beyond any economy);
                    # bounding it keeps every sum and ratio a finite float


def parse(path: Path, text: str) -> dict:
    """`text` parsed as TOML, or DataError naming the line. Input too deep or too large for the
    parser (tomllib recurses per level, and refuses integers of over 4,300 digits) is refused too."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataError([syntax_problem(path, error, text)]) from None
    except RecursionError:
        line = _first_line(text, r"[\[{](?:[^\[\]{}]*[\[{]){63}")  # brackets opened inside each other, keys between
        raise DataError([Problem(path, line, None, "", said("too_deep"))]) from None
    except ValueError:  # Python refuses to read an integer literal of over 4,300 digits
        line = _first_line(text, r"\d{4301}")
        raise DataError([Problem(path, line, None, "", said("huge_integer", limit=f"{MAX_VALUE:.0e}"))]) from None


def _first_line(text: str, pattern: str) -> int | None:
    match = re.search(pattern, text)
    return None if match is None else text.count("\n", 0, match.start()) + 1


# Patterns used only when a file has a problem are kept as text: re compiles (and caches) them on
# first use, so that a good file's start-up does not pay for them.
_AT = r"\s*\(at line (\d+), column (\d+)\)\s*$"
_AT_END = r"\s*\(at end of document\)\s*$"


# What tomllib's terse messages usually mean for a file written by hand.
_SYNTAX_HINTS = {
    "Illegal character '\\n'": "hint_open_string",
    "Cannot overwrite a value": "hint_key_twice",
    "Cannot declare": "hint_table_twice",
    "Invalid date or datetime": "hint_real_date",
    "Expected '=' after a key": "hint_key_value",
    "Invalid value": "hint_value",
}


# What the line itself shows of a figure written as a person writes it, not as TOML does: checked on
# the line's unquoted part, before tomllib's message (which says only "Expected newline…").
_LINE_HINTS = (
    (re.compile(r"[０-９]"), "hint_fullwidth"),
    (re.compile(r"\d[,，]\d{3}"), "hint_thousands"),
    (re.compile(r"=\s*\d{4}-\d{1,2}\s*(?:[,}#]|$)"), "hint_month_date"),
    (re.compile(r"=\s*[-+]?\d[\d.]*\s*(?:[万亿千百]|[^\x00-\x7f\s\d.,}\]#])"), "hint_unit_in_number"),
)


def line_hint(line: str) -> str:
    """The hint a hand-written figure on `line` calls for (a thousands comma, a unit or 万 after the
    number, full-width digits, a month date without quotes); "" if none."""
    bare = re.sub(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'', '""', line.split("#", 1)[0] if '"' not in line else line)
    return next((hint for pattern, hint in _LINE_HINTS if pattern.search(bare)), "")


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
    if line is not None and text and 0 < line <= len(text.splitlines()):
        hint = line_hint(text.splitlines()[line - 1]) or hint
    key = ""
    if line is not None and text:
        before = "\n".join(text.splitlines()[:line])
        key = next((k for k, n in locate_keys(before).items() if n == line), "")
    return Problem(path, line, column, key, said("toml_syntax_hint", error=message, hint=said(hint)) if hint
                   else said("toml_syntax", error=message))


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
            self.problem(key, said("expected_table", got=describe(value)))
            return None
        if value.keys() <= allowed:  # the usual case, checked without building sets: 100,000 projects
            return value
        for unknown in sorted(set(value) - allowed):
            self.problem(f"{key}.{unknown}" if key else unknown,
                         said("unknown_key", keys=", ".join(sorted(allowed))))
        return value

    def tables(self, container: dict, name: str, allowed: set[str], prefix: str = "") -> list[tuple[str, dict]]:
        """The [[prefix.name]] entries, each with its key path."""
        value = container.get(name, [])
        if not isinstance(value, list):
            self.problem(prefix + name, said("expected_entries", name=prefix + name, got=describe(value)))
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
                self.problem(where, said("missing_text"))
                return None
            return ""
        value = tbl[name]
        if not isinstance(value, str):
            self.problem(where, said("expected_text", got=describe(value)))
            return None
        if required and not value.strip():
            self.problem(where, said("empty_text"))
            return None
        if len(value) > limit:
            self.problem(where, said("too_long", length=len(value), limit=limit))
            return None
        return value

    def boolean(self, tbl: dict, name: str, key: str) -> bool:
        value = tbl.get(name, False)
        if not isinstance(value, bool):
            self.problem(f"{key}.{name}", said("expected_bool", got=describe(value)))
            return False
        return value

    def number(self, tbl: dict, name: str, key: str) -> int | float | None:
        value = tbl.get(name)
        if _plainly_a_number(value):
            return value
        where = f"{key}.{name}"
        if name not in tbl:
            self.problem(where, said("missing_number"))
            return None
        value = tbl[name]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(where, said("expected_number", got=describe(value)))
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.problem(where, said("expected_finite", got=value))
            return None
        if value < 0:
            self.problem(where, said("expected_number", got=value))
            return None
        if value > MAX_VALUE:
            self.problem(where, said("too_large", limit=f"{MAX_VALUE:.0e}", got=short_number(value)))
            return None
        return value

    def date(self, tbl: dict, name: str, key: str) -> dt.date | None:
        where = f"{key}.{name}"
        if name not in tbl:
            self.problem(where, said("missing_date"))
            return None
        value = tbl[name]
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            self.problem(where, said("expected_date", got=describe(value)))
            return None
        if not 1900 <= value.year <= 2200:
            self.problem(where, said("date_range", got=value.isoformat()))
            return None
        return value

    def quantity_in(self, tbl: dict, key: str) -> Quantity | None:
        """The value / unit / at_least keys of `tbl` as a Quantity."""
        value, unit, at_least = tbl.get("value"), tbl.get("unit"), tbl.get("at_least", False)
        approx = tbl.get("approx", False)
        if (_plainly_a_number(value) and _plainly_text(unit, NAME_LIMIT, True) and at_least.__class__ is bool
                and approx.__class__ is bool):
            return Quantity(value, unit, at_least, approx)
        value = self.number(tbl, "value", key)
        unit = self.text(tbl, "unit", key, required=True)
        at_least = self.boolean(tbl, "at_least", key)
        approx = self.boolean(tbl, "approx", key)
        if value is None or unit is None:
            return None
        return Quantity(value, unit, at_least, approx)

    def quantity(self, tbl: dict, name: str, key: str, *, required: bool) -> Quantity | None:
        where = f"{key}.{name}"
        if name not in tbl:
            if required:
                self.problem(where, said("missing_quantity"))
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
        self.unique_ids(kind, [(key, tbl.get("id")) for key, tbl in entries])

    def unique_ids(self, kind: str, ids: list[tuple[str, Any]]) -> None:
        """A problem for each id (as written, with its entry's key) that an earlier entry has."""
        seen: dict[str, str] = {}
        for key, ident in ids:
            if not isinstance(ident, str) or not ident:
                continue
            if ident in seen:
                self.problem(f"{key}.id", said("duplicate_id", kind=kind, id=ident, first=seen[ident]))
            else:
                seen[ident] = key

    # The document

def _plainly_text(value: Any, limit: int, required: bool) -> bool:
    """The quick test of Validator.text: text within the limit, not blank where required."""
    return value.__class__ is str and len(value) <= limit and (not required or bool(value.strip()))


def _plainly_a_number(value: Any) -> bool:
    """The quick test of Validator.number: an int or a finite float from 0 to MAX_VALUE (a bool is neither)."""
    return (value.__class__ is int or value.__class__ is float) and 0 <= value <= MAX_VALUE


QUANTITY_KEYS = {"value", "unit", "at_least", "approx"}


def describe(value: Any) -> Said:
    """What a message quotes of a value the file gave: its kind, and the value where short."""
    if isinstance(value, bool):
        return said("value_bool", value=str(value).lower())
    if isinstance(value, str):
        return said("value_text", text=value[:40])
    if isinstance(value, dict):
        return said("value_table")
    if isinstance(value, list):
        return said("value_list")
    if isinstance(value, dt.datetime):
        return said("value_datetime", value=value.isoformat())
    if isinstance(value, dt.date):
        return said("value_date", value=value.isoformat())
    if isinstance(value, float) and not math.isfinite(value):
        return said("value_as_is", value=str(value))
    if isinstance(value, (int, float)):
        return said("value_number", value=short_number(value))
    return said("value_nothing") if value is None else said("value_as_is", value=type(value).__name__)


def short_number(value: int | float) -> str:
    """A number for a message: a huge integer by its length, not its thousands of digits."""
    if isinstance(value, int) and abs(value) >= 10**20:
        digits = str(value)
        return f"{digits[:8]}… ({len(digits.lstrip('-'))} digits)"
    return f"{value:.6g}" if isinstance(value, float) else str(value)
