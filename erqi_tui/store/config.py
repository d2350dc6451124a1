"""The user's settings: theme, language and key remaps, in a TOML file under the XDG config folder.
Read with tomllib, written with tomli-w (atomically) when changed in the app. No Textual."""

import os
from types import MappingProxyType
from pathlib import Path
from typing import Callable, Mapping, NamedTuple

from . import files
from ..core.fmt import clean
from ..core.i18n import LANGS, ZH, Lang
from ..core.problems import DataError, Said, said
from .validate import Validator, parse

# The theme a new user starts with; the command palette offers ours (themes.py) and Textual's, and
# any of them may be kept.
DEFAULT_THEME = "erqi-dark"
HEADER = ("# erqi-tui settings. Written by erqi-tui when you switch theme or language in the app.\n"
          "# [keys] remaps keys by binding id, e.g. reload = \"f5\" or \"pane.overview\" = \"1,f1\";\n"
          "# the ids are listed in the README.\n\n")


class Config(NamedTuple):
    theme: str = DEFAULT_THEME
    lang: str = ZH  # the language's code; a Lang as read from the file (the app and cli take Lang(lang))
    keys: Mapping[str, str] = MappingProxyType({})  # binding id → keys, as in set_keymap
    notices: tuple[str, ...] = ()  # what was read but ignored (unknown key names), to tell the user

    def with_(self, **changes) -> "Config":
        return self._replace(**changes)


def config_path(environ: dict[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    base = environ.get("XDG_CONFIG_HOME") or str(Path(environ.get("HOME", "~")).expanduser() / ".config")
    return Path(base) / "erqi-tui" / "config.toml"


def load_config(path: Path, binding_ids: Callable[[], set[str]] | None = None,
                key_known: Callable[[str], bool] | None = None) -> Config:
    """The settings in `path` (defaults when it does not exist). Raises DataError, naming the file,
    line and key, when they are wrong. `key_known` tells a key name the terminal can send ("f5",
    "ctrl+r"): a remap to an unknown one is left out, and said in `notices`."""
    if not os.path.lexists(path):
        return Config()
    text = files.read_text(path, limit=1024 * 1024)
    document = parse(path, text)
    check = Validator(path, text)
    check.table(document, "", {"theme", "lang", "keys"})
    theme = check.text(document, "theme", "") or DEFAULT_THEME
    lang = check.text(document, "lang", "") or LANGS[0]
    if lang not in LANGS:
        check.problem("lang", said("expected_one_of", choices=", ".join(LANGS), got=str(lang)[:40]))
    raw_keys = document.get("keys", {})
    # The ids are only looked up when there are keys to check: that imports every screen.
    known = set(raw_keys) if isinstance(raw_keys, dict) else set()
    if known and binding_ids is not None:
        known = binding_ids()
    keys = check.table(raw_keys, "keys", known) or {}
    remaps: dict[str, str] = {}
    notices: list[Said] = []
    for binding_id, value in keys.items():
        if not isinstance(value, str) or not value.strip():
            check.problem(f"keys.{binding_id}", said("expected_keys"))
            continue
        names = [name.strip() for name in value.split(",") if name.strip()]
        unknown = [name for name in names if key_known is not None and not key_known(name)]
        if unknown:
            notices.append(said("unknown_key_name", path=clean(str(path), single_line=True),
                                key=clean(f"keys.{binding_id}", single_line=True),
                                names=clean(", ".join(f'"{name}"' for name in unknown), single_line=True)))
        known = [name for name in names if name not in unknown]
        if known:
            remaps[binding_id] = ",".join(known)
    if check.problems:
        raise DataError(check.problems)
    return Config(theme=theme, lang=Lang(lang), keys=remaps, notices=tuple(notices))  # Said: each reader's language


def save_config(path: Path, **changes: str) -> Config:
    """Set `changes` (theme, lang) in the settings file and return the settings now in force.

    Under the file's lock, what is on disk is read again, so that two apps switching theme and
    language at once keep both; the rest of the file (key remaps) is kept as it is on disk. A file
    that is broken on disk is not overwritten: DataError says why."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with files.locked(path):
        on_disk = load_config(path)
        config = on_disk._replace(**changes)
        document: dict = {"theme": config.theme, "lang": config.lang}
        if on_disk.keys:
            document["keys"] = dict(on_disk.keys)
        import tomli_w

        files.write_atomic(path, (HEADER + tomli_w.dumps(document)).encode("utf-8"))
    return config

