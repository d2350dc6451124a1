"""The people of `erqi-tui serve --people`: one secret link per official, with read or edit rights,
kept in a TOML file the office edits by hand (deleting a block revokes that link). No Textual.

    [[person]]
    name = "张三"                  # recorded in the journal as who made each update
    token = "Xq3…"                 # the link's secret: http://host:port/?token=Xq3…
    rights = "edit"                # "read" (the default) or "edit" (needs serve --allow-edits too)
"""

from __future__ import annotations

import os
import re
import secrets
import stat
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .store import files
from .core.i18n import Lang
from .core.problems import DataError, in_language

RIGHTS = ("read", "edit")
MAX_BYTES = 1024 * 1024  # an office of thousands is a few hundred kB
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,128}")  # it goes into a URL, a cookie and the websocket's path
HEADER = ("# erqi-tui serve --people: one [[person]] per official, each with their own link.\n"
          "# rights = \"read\" or \"edit\" (edit also needs serve --allow-edits). Delete a block to\n"
          "# revoke that link: a running serve reads this file again when it changes.\n"
          "# This file is a secret (each token opens the dashboard): keep it readable by you alone.\n")


class PeopleError(ValueError):
    """The people file cannot be used: why, in one line."""


@dataclass(frozen=True)
class Person:
    name: str
    token: str
    rights: str = "read"

    @property
    def may_edit(self) -> bool:
        return self.rights == "edit"


def new_token() -> str:
    return secrets.token_urlsafe(24)


def name_problem(name: object, *, lang: Lang) -> str | None:
    """Why `name` cannot stand for a person in the journal, in `lang`; None if it can."""
    from .store import Refused, check_who


    if not isinstance(name, str):
        return lang.tr("名字应为文本")
    try:
        check_who(name, hint=lang.tr("请换一个普通的名字"), lang=lang)
    except Refused as refused:
        return str(refused)
    # check_who has refused invisible format characters (fmt.HIDDEN: every Cf, Zl and Zp); what
    # is left to look for is a blank at either end and letters that print as nothing.
    if name != name.strip() or any(ch in BLANK_LETTERS for ch in name):
        return lang.tr("名字含有首尾空格或不可见的字符（如方向控制符）")
    if name != unicodedata.normalize("NFC", name):  # José written two ways would be two people who read alike
        return lang.tr("名字的写法不规范（同一个字有两种编码）；请重新输入这个名字")
    return None


# Letters that print as nothing (Hangul fillers): a name of them alone reads as blank.
BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")


def read_people(path: Path, *, lang: Lang) -> dict[str, Person]:
    """The people in `path`, by token; PeopleError (one line, naming the file and the entry, in
    `lang`) when the file cannot be read or an entry is wrong. A file that is wrong is refused whole:
    a typo must not let a revoked link back in."""
    try:
        text = files.decode(path, files.read_bytes(path, MAX_BYTES))
    except DataError as error:
        raise PeopleError(error.problems[0].shown(lang)) from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PeopleError(f"{path}: {error}") from None
    unknown = set(document) - {"person"}
    entries = document.get("person", [])
    if unknown or not isinstance(entries, list):
        raise PeopleError(lang.tr("{path}：应为若干 [[person]]，每项有 name、token、rights", path=path))
    people: dict[str, Person] = {}
    names: set[str] = set()
    for number, entry in enumerate(entries, 1):
        where = f"{path}: person[{number}]"
        if not isinstance(entry, dict) or set(entry) - {"name", "token", "rights"}:
            raise PeopleError(lang.tr("{where}：应有 name、token，可选 rights（read 或 edit）", where=where))
        name, token, rights = entry.get("name"), entry.get("token"), entry.get("rights", "read")
        problem = name_problem(name, lang=lang)
        if problem:
            raise PeopleError(lang.tr("{where}：name：{problem}", where=where, problem=problem))
        if name in names:
            raise PeopleError(lang.tr("{where}：名字“{name}”重复：日志要靠名字分清是谁", where=where, name=name))
        if not isinstance(token, str) or not TOKEN.fullmatch(token) or len(set(token)) < 8:
            raise PeopleError(lang.tr("{where}：token 应为 16 至 128 个字母、数字、- 或 _，且不止几个字符反复（用 --add-person 生成）",
                                      where=where))
        if token in people:
            raise PeopleError(lang.tr("{where}：token 与他人的相同", where=where))
        if rights not in RIGHTS:
            raise PeopleError(lang.tr("{where}：rights 应为 read 或 edit", where=where))
        names.add(name)
        people[token] = Person(name, token, rights)
    return people


def loosely_kept(path: Path) -> bool:
    """Whether others than the owner may read the file (it holds every link's secret)."""
    try:
        return bool(os.stat(path).st_mode & (stat.S_IRWXG | stat.S_IRWXO))
    except OSError:
        return False


def add_person(path: Path, name: str, rights: str, *, lang: Lang) -> Person:
    """Append a person with a new token to `path` (made, mode 0600, if it does not exist), under the
    file's lock and atomically, keeping what is there (comments included). PeopleError (in `lang`) if
    the file is wrong, the name unusable or already there."""
    problem = name_problem(name, lang=lang)
    if problem:
        raise PeopleError(problem)
    if rights not in RIGHTS:
        raise PeopleError(lang.tr("rights 应为 read 或 edit"))
    try:
        # Made empty and private first: write_atomic keeps an existing file's permissions.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        text = HEADER
    except FileExistsError:
        text = None
    except OSError as error:
        raise PeopleError(lang.tr("{path}：{problem}", path=path,
                                      problem=in_language(files.path_problem(path, error), lang))) from None
    try:
        with files.locked(path):
            if text is None or os.path.getsize(path):
                people = read_people(path, lang=lang)
                if any(person.name == name for person in people.values()):
                    raise PeopleError(lang.tr("{path} 中已有“{name}”：要换链接，先删去那一项", path=path,
                                              name=name))
                text = files.decode(path, files.read_bytes(path, MAX_BYTES))
            person = Person(name, new_token(), rights)
            block = (f"\n[[person]]\nname = {toml_string(name)}\ntoken = \"{person.token}\"\n"
                     f"rights = \"{rights}\"\n")
            written = files.write_atomic(path, (text.rstrip("\n") + "\n" + block).encode("utf-8"))
            os.chmod(written, 0o600)
    except DataError as error:
        raise PeopleError(error.problems[0].shown(lang)) from None
    except OSError as error:
        raise PeopleError(lang.tr("{path}：{problem}", path=path,
                                      problem=in_language(files.path_problem(path, error), lang))) from None
    return person


def toml_string(text: str) -> str:
    """`text` as a TOML basic string (names are printable: name_problem has refused control characters)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class PeopleFile:
    """The people file as it is now: read again whenever its size, time or inode changed (a stat per
    look, so that a revoked link is refused at once). While the file is wrong, nobody is let in, and
    `problem` says why in `lang`."""

    def __init__(self, path: Path, *, lang: Lang) -> None:
        self.path = path
        self.lang = lang  # the language `problem` is said in
        self.seen: tuple | None = None
        self.people: dict[str, Person] = {}
        self.problem: str | None = None

    def current(self) -> dict[str, Person]:
        try:
            st = os.stat(self.path)
            seen = (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        except OSError as error:
            seen = ("gone", error.errno)
        if seen != self.seen:
            self.seen = seen
            try:
                self.people, self.problem = read_people(self.path, lang=self.lang), None
            except PeopleError as error:
                self.people, self.problem = {}, str(error)
        return self.people
