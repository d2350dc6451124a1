"""What is wrong with a file, said so that a person can fix it: file, line, key, expectation. No Textual."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from .fmt import clean
from .i18n import english


class Said(str):
    """A problem's message made from its code and values (problem_text.TEXT): it reads as its
    English, which scripts and tests match, and renders in any language from the same code, with
    each value that is itself Said rendered in that language too."""

    __slots__ = ("code", "values")

    def __new__(cls, code: str, **values: object) -> "Said":
        said = super().__new__(cls, _render(code, values, "en"))
        said.code, said.values = code, values
        return said

    def __reduce__(self):  # a copy (pickle, deepcopy) keeps the code and values
        return (_said, (self.code, self.values))

    def rendered(self, lang: str) -> str:
        return _render(self.code, self.values, lang)


def _said(code: str, values: dict) -> Said:
    return Said(code, **values)


def said(code: str, **values: object) -> Said:
    """The message of problem `code` with `values` (see problem_text.TEXT)."""
    return Said(code, **values)


def _render(code: str, values: dict, lang: str) -> str:
    from .problem_text import TEXT

    english, chinese = TEXT[code]
    shown = {name: value.rendered(lang) if isinstance(value, Said) else value for name, value in values.items()}
    return (chinese if lang == "zh" else english).format(**shown)


def in_language(message: str, lang: str) -> str:
    """A message as `lang` reads it: Said renders itself; other text (the TOML parser's own words, a
    message already in the reader's language) stays as written."""
    return message.rendered(lang) if isinstance(message, Said) else message


class Problem(NamedTuple):
    path: Path
    line: int | None
    column: int | None
    key: str
    message: str  # Said where erqi-tui says it; the parser's own words otherwise

    def __str__(self) -> str:
        return self.shown("en")

    @property
    def code(self) -> str:
        """What kind of problem it is ("" for one said in other words than ours)."""
        return getattr(self.message, "code", "")

    def shown(self, lang: str | None = None) -> str:
        """The problem as a person reads it, in `lang` (the UI's language when not given)."""
        # Paths, keys and quoted values come from the user's files: their control characters are
        # neutralised here, so no message can move the cursor or retitle the terminal.
        if lang is None:
            lang = "en" if english() else "zh"
        where = clean(str(self.path), single_line=True)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        message = clean(in_language(self.message, lang), single_line=True)
        return f"{where}: {clean(self.key, single_line=True)}: {message}" if self.key else f"{where}: {message}"


class DataError(Exception):
    """The file could not be turned into a dashboard; `problems` says why, one entry each."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def shown(self, lang: str | None = None) -> str:
        """Every problem, a line each, in `lang` (the UI's language when not given)."""
        return "\n".join(p.shown(lang) for p in self.problems)


def file_problem(path: Path, message: str) -> DataError:
    """A problem with a whole file (it cannot be read, it is not a file…), as an error to raise."""
    return DataError([Problem(path, None, None, "", message)])
