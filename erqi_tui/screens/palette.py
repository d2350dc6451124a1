"""The command palette in the user's language: our commands and themes, shown in the current
language and found by the words of either (主题 or theme), with a Chinese placeholder."""

from __future__ import annotations

from functools import partial
from typing import Callable, NamedTuple

from textual.command import DiscoveryHit, Hit, Hits, Provider


class PaletteCommand(NamedTuple):
    title: str  # as shown, in the current language
    other: str  # the same in the other language: searched too
    help: str
    run: Callable[[], object]


class Commands(Provider):
    """The app's commands (ErqiApp.palette_commands)."""

    async def discover(self) -> Hits:
        for command in self.app.palette_commands():
            yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.app.palette_commands():
            score = max(matcher.match(command.title), matcher.match(command.other))
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.run, help=command.help)


class Themes(Provider):
    """Every theme, ours first and by their names in the current language (深色, 浅色, 高对比)."""

    def commands(self) -> list[PaletteCommand]:
        app = self.app

        def use(name: str) -> None:
            app.theme = name

        from ..themes import THEME_NAMES

        ours_first = sorted(app.available_themes, key=lambda name: (name not in THEME_NAMES, name))
        return [PaletteCommand(*app.theme_names(name), "", partial(use, name)) for name in ours_first]

    async def discover(self) -> Hits:
        for command in self.commands():
            yield DiscoveryHit(command.title, command.run)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.commands():
            score = max(matcher.match(command.title), matcher.match(command.other))
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.run)


def commands_provider() -> type[Provider]:
    return Commands
