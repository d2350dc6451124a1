"""The command palette in the user's language: our commands and themes, shown in the app's
language and found by the words of either (主题 or theme), with a Chinese placeholder."""

from __future__ import annotations

from functools import partial
from typing import Callable, NamedTuple

from textual.command import DiscoveryHit, Hit, Hits, Provider

from ...core.i18n import both
from ...views.listing import pinyin
from ...core.model import PANE_IDS, PANE_TITLES
from ..themes import THEME_NAMES


class PaletteCommand(NamedTuple):
    title: str  # as shown, in the current language
    other: str  # the same in the other language: searched too
    help: str
    run: Callable[[], object]


class Choices(Provider):
    """Shows `commands()` in the app's language, and finds them by the words of either."""

    def commands(self) -> list[PaletteCommand]:
        raise NotImplementedError

    async def discover(self) -> Hits:
        for command in self.commands():
            yield DiscoveryHit(command.title, command.run, help=command.help or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found = False
        for command in self.commands():
            score = max(matcher.match(command.title), matcher.match(command.other))
            if score > 0:
                found = True
                yield Hit(score, matcher.highlight(command.title), command.run, help=command.help or None)
        if not found and query.strip():  # said in the user's language (Textual's own line is English)
            from rich.text import Text

            yield Hit(1e-9, Text(self.app.lang.tr("没有匹配“{query}”的命令", query=query.strip()), style="dim"), lambda: None)


class Commands(Choices):
    """The app's commands."""

    def commands(self) -> list[PaletteCommand]:
        return palette_commands(self.app)


class Themes(Choices):
    """Every theme, ours first and by their names in the app's language (深色, 浅色, 高对比)."""

    def commands(self) -> list[PaletteCommand]:
        app = self.app

        def use(name: str) -> None:
            app.theme = name

        ours_first = sorted(app.available_themes, key=lambda name: (name not in THEME_NAMES, name))
        return [PaletteCommand(*theme_names(app, name), "", partial(use, name)) for name in ours_first]


def palette_commands(app) -> list[PaletteCommand]:
    """The command palette's commands, from the table of actions: each in the app's language (asked
    at each call: `l` switches it), found by either's words, with its key as the settings map it now."""
    from ..actions import BY_ID, palette_entries

    lang = app.lang
    go_zh, go_en = both("切换到{title}")
    entries = []
    for number, pane_id in enumerate(PANE_IDS, start=1):
        name = app.pane_name(pane_id)
        title_zh, title_en = both(PANE_TITLES[pane_id])
        entries.append((lang.tr("切换到{title}", title=name),
                        (go_zh.format(title=f"{name} {title_zh}"), go_en.format(title=title_en)),
                        lang.tr("显示第 {number} 页", number=number) + key_note(app, BY_ID[f"pane.{pane_id}"]),
                        partial(app.run_action, f"show_pane('{pane_id}')")))
    for action in palette_entries():
        if action.recording and not app.offers(action.action):
            continue
        if action.action == "toggle_lang" and not app.may_switch_language():  # a screen built in the other
            continue
        entries.append((lang.tr(action.palette), both(action.palette),
                        lang.tr(action.palette_help) + key_note(app, action), partial(app.run_action, action.action)))
    return [PaletteCommand(shown, f"{zh} {en} {pinyin(zh)}", help_text, run)
            for shown, (zh, en), help_text, run in entries]


def key_note(app, action) -> str:
    """"（按键 r）": the action's key as the settings map it now ("" for an action with no key), in the
    app's language."""
    if not action.key:
        return ""
    from textual.binding import Binding

    from .help import key_name

    binding = Binding(action.key, action.action, id=action.id, key_display=action.key_display)
    return app.lang.tr("（按键 {key}）", key=key_name(binding, app.settings.keys))


def theme_names(app, name: str) -> tuple[str, str]:
    """(a theme's name as shown, in the app's language, and its name in both languages to search):
    ours have Chinese names."""
    if name not in THEME_NAMES:
        return name, name
    zh, en = both(THEME_NAMES[name])
    return app.lang.tr(THEME_NAMES[name]), f"{zh} {en} {pinyin(zh)} {name}"
