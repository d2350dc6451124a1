"""What is wrong with a file, said so that a person can fix it: file, line, key, expectation. No Textual."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from .fmt import clean
from .i18n import english


class Problem(NamedTuple):
    path: Path
    line: int | None
    column: int | None
    key: str
    message: str

    def __str__(self) -> str:
        return self.shown(translate=False)

    def shown(self, translate: bool = True) -> str:
        """The problem as a person reads it: in Chinese unless the UI is English (`translate`)."""
        # Paths, keys and quoted values come from the user's files: their control characters are
        # neutralised here, so no message can move the cursor or retitle the terminal.
        where = clean(str(self.path), single_line=True)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        message = self.message
        if translate and not english():
            from .messages_zh import chinese

            message = chinese(message)
        message = clean(message, single_line=True)
        return f"{where}: {clean(self.key, single_line=True)}: {message}" if self.key else f"{where}: {message}"


class DataError(Exception):
    """The file could not be turned into a dashboard; `problems` says why, one entry each."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def shown(self) -> str:
        """Every problem, a line each, in the UI's language."""
        return "\n".join(p.shown() for p in self.problems)


def file_problem(path: Path, message: str) -> DataError:
    """A problem with a whole file (it cannot be read, it is not a file…), as an error to raise."""
    return DataError([Problem(path, None, None, "", message)])
