"""What is wrong with a file, said so that a person can fix it: file, line, key, expectation. No Textual."""

from pathlib import Path
from typing import NamedTuple

from .fmt import clean
from .i18n import EN, Lang


class Said(str):
    """A problem's message made from its code and values (problem_text.TEXT): it reads as its
    English, which scripts and tests match, and renders in any language from the same code, with
    each value that is itself Said rendered in that language too."""

    __slots__ = ("code", "values")

    def __new__(cls, code: str, **values: object) -> "Said":
        said = super().__new__(cls, _render(code, values, EN))
        said.code, said.values = code, values
        return said

    def __reduce__(self):  # a copy (pickle, deepcopy) keeps the code and values
        return (_said, (self.code, self.values))

    def rendered(self, lang: Lang) -> str:
        return _render(self.code, self.values, lang)


def _said(code: str, values: dict) -> Said:
    return Said(code, **values)


def said(code: str, **values: object) -> Said:
    """The message of problem `code` with `values` (see problem_text.TEXT)."""
    return Said(code, **values)


def _render(code: str, values: dict, lang: Lang) -> str:
    from .problem_text import ENTRY, TEXT

    english, chinese = TEXT[code]
    shown = {name: value.rendered(lang) if isinstance(value, Said) else value for name, value in values.items()}
    if "first" in shown:  # a key path, said in words as the problem's own key is
        shown["first"] = key_words(str(shown["first"]), lang)
    if "kind" in shown:  # an entry's kind by its header (layout.axis), and in words
        word = ENTRY.get(str(shown["kind"]).rpartition(".")[2])
        shown["kind_word"] = (word[1] if lang == "zh" else word[0]) if word else shown["kind"]
    return (chinese if lang == "zh" else english).format(**shown)


_ENTRY_PART = r"(.+)\[(\d+)\]"


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def key_words(key: str, lang: Lang) -> str:
    """A key path as a person reads it, in `lang`: each numbered entry by what it is, with the header
    it has in the file and its number, then the key as written with what it holds:
    `project[3].milestone[1].stage` reads 第 3 个项目（[[project]] 第 3 项）的第 1 个节点（[[project.milestone]]
    第 1 项）的 stage（阶段）, and in English the 3rd project ([[project]] no. 3), 1st milestone
    ([[project.milestone]] no. 1), stage. A key that is no path (a sheet's column) stays as it is."""
    import re

    from .problem_text import COMMON, ENTRY, LABEL, TABLE

    zh = lang == "zh"
    parts = key.split(".")
    said_parts: list[str] = []
    names: list[str] = []  # the header so far, without numbers: project.milestone
    context = ""  # the entry or table the rest of the key belongs to
    rest_from = 0
    for index, part in enumerate(parts):
        match = re.fullmatch(_ENTRY_PART, part)
        if match and match[1] in ENTRY:
            name, number = match[1], int(match[2])
            names.append(name)
            english, chinese, measure = ENTRY[name]
            header = ".".join(names)
            said_parts.append(f"第 {number} {measure}{chinese}（[[{header}]] 第 {number} 项）" if zh
                              else f"the {_ordinal(number)} {english} ([[{header}]] no. {number})")
            context, rest_from = name, index + 1
        elif index == 0 and part in TABLE:
            names.append(part)
            context, rest_from = part, 1
        else:
            break
    if not context and parts[0] == "set" and len(parts) > 1:  # an update's field, its row named apart (import)
        context = "update"
    if context in TABLE and not said_parts:  # [meta], [layout]: the table itself
        english, chinese = TABLE[context]
        said_parts.append(f"{chinese}（[{context}]）" if zh else f"{english} ([{context}])")
    elif context in TABLE:  # [[layout.axis]] says the table already
        pass
    rest = ".".join(parts[rest_from:])
    if rest:
        said_parts.append(_key_and_label(parts[rest_from:], context, zh, LABEL, COMMON, ENTRY))
    if not said_parts:
        return key
    return "的".join(said_parts) if zh else ", ".join(said_parts)


def _key_and_label(parts: list[str], context: str, zh: bool, labels, common, entries) -> str:
    """The key as written, with what it holds where its name does not say it: current.value（当前值）."""
    from . import fields

    own = labels.get(context, {})
    known = {f.key: (f.en.lower(), f.zh) for f in (fields.TARGET if context == "target" else fields.PROJECT)
             } if context in ("target", "project") else {}
    look = parts[1:] if context == "update" and parts[0] == "set" and len(parts) > 1 else parts
    first = look[0]
    if context == "update" and look is not parts:  # what an update sets: a target's or a project's field
        known = {f.key: (f.en.lower(), f.zh) for f in fields.TARGET + fields.PROJECT}
    if not context and first in entries and len(parts) == 1:
        english, chinese, _ = entries[first]
        label = (f"{english}s", chinese)
    else:
        label = own.get(first) or known.get(first) or common.get(first)
    written = ".".join(parts)
    if label is None:
        return f" {written}" if zh else written
    english, chinese = label
    if zh:
        return f" {written}（{chinese}）"
    return written if english.replace(" ", "_").lower() == written.lower() else f"{written} ({english})"


def in_language(message: str, lang: Lang) -> str:
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
        return self.shown(EN)

    @property
    def code(self) -> str:
        """What kind of problem it is ("" for one said in other words than ours)."""
        return getattr(self.message, "code", "")

    def shown(self, lang: Lang) -> str:
        """The problem as a person reads it, in `lang`."""
        # Paths, keys and quoted values come from the user's files: their control characters are
        # neutralised here, so no message can move the cursor or retitle the terminal.
        where = clean(str(self.path), single_line=True)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        message = clean(in_language(self.message, lang), single_line=True)
        key = clean(key_words(self.key, lang), single_line=True).strip()
        return f"{where}: {key}: {message}" if self.key else f"{where}: {message}"


class DataError(Exception):
    """The file could not be turned into a dashboard; `problems` says why, one entry each."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def shown(self, lang: Lang) -> str:
        """Every problem, a line each, in `lang`."""
        return "\n".join(p.shown(lang=lang) for p in self.problems)


def file_problem(path: Path, message: str) -> DataError:
    """A problem with a whole file (it cannot be read, it is not a file…), as an error to raise."""
    return DataError([Problem(path, None, None, "", message)])
