"""The user's settings: theme, language and key remaps, in a TOML file under the XDG config folder.
Read with tomllib, written with tomli-w (atomically) when changed in the app. No Textual."""

from __future__ import annotations

import os
import tomllib
from types import MappingProxyType
from pathlib import Path
from typing import Callable, Mapping, NamedTuple

import tomli_w

from .store import DataError, Validator, read_text, syntax_problem

# The app's own themes; the command palette also offers Textual's, and any of them may be kept.
THEMES = ("erqi-dark", "erqi-light", "erqi-contrast")
LANGS = ("zh", "en")
HEADER = ("# erqi-tui settings. Written by erqi-tui when you switch theme or language in the app.\n"
          "# [keys] remaps keys by binding id, e.g. reload = \"f5\" or \"pane.overview\" = \"1,f1\";\n"
          "# the ids are listed in the README.\n\n")


class Config(NamedTuple):
    theme: str = THEMES[0]
    lang: str = LANGS[0]
    keys: Mapping[str, str] = MappingProxyType({})  # binding id → keys, as in set_keymap

    def with_(self, **changes) -> "Config":
        return self._replace(**changes)


def config_path(environ: dict[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    base = environ.get("XDG_CONFIG_HOME") or str(Path(environ.get("HOME", "~")).expanduser() / ".config")
    return Path(base) / "erqi-tui" / "config.toml"


def load_config(path: Path, binding_ids: Callable[[], set[str]] | None = None) -> Config:
    """The settings in `path` (defaults when it does not exist). Raises DataError, naming the file,
    line and key, when they are wrong."""
    if not path.exists():
        return Config()
    text = read_text(path)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataError([syntax_problem(path, error, text)]) from None
    check = Validator(path, text)
    check.table(document, "", {"theme", "lang", "keys"})
    theme = check.text(document, "theme", "") or THEMES[0]
    lang = check.text(document, "lang", "") or LANGS[0]
    if lang not in LANGS:
        check.problem("lang", f'expected one of {", ".join(LANGS)}, got "{lang}"')
    raw_keys = document.get("keys", {})
    # The ids are only looked up when there are keys to check: that imports every screen.
    known = set(raw_keys) if isinstance(raw_keys, dict) else set()
    if known and binding_ids is not None:
        known = binding_ids()
    keys = check.table(raw_keys, "keys", known) or {}
    for binding_id, value in keys.items():
        if not isinstance(value, str) or not value.strip():
            check.problem(f"keys.{binding_id}", 'expected keys as text, e.g. "f5" or "r,f5"')
    if check.problems:
        raise DataError(check.problems)
    return Config(theme=theme, lang=lang, keys=dict(keys))


def save_config(path: Path, config: Config) -> None:
    from .journal import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    document: dict = {"theme": config.theme, "lang": config.lang}
    if config.keys:
        document["keys"] = config.keys
    write_atomic(path, (HEADER + tomli_w.dumps(document)).encode("utf-8"))

