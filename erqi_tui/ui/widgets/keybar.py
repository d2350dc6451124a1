"""The line of keys at the bottom: what each key does now, in the current language.

One widget draws the whole line and is redrawn when focus or bindings change. Textual's Footer
builds a widget per key and rebuilds them all on every such change: at start-up it cost 8% of the
instructions to the first frame, and again on every Tab between target cards. A click on a key
presses it, as in the Footer; the command palette's key sits at the right end."""

from __future__ import annotations

from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.reactive import reactive
from textual.widget import Widget


class Key(NamedTuple):
    key: str  # what simulate_key presses
    display: str  # how the key is written, e.g. "?" or "^p"
    description: str
    enabled: bool
    always: bool = False  # kept however narrow the line: help and quit


# The keys the line keeps at any width, by binding id: a user can always find help and leave.
ALWAYS_SHOWN = ("help", "quit")


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $footer-background; color: $footer-foreground; }
    KeyBar > .keybar--key { color: $footer-key-foreground; background: $footer-key-background; text-style: bold; }
    KeyBar > .keybar--description { color: $footer-description-foreground; background: $footer-description-background; }
    KeyBar > .keybar--hover { background: $block-hover-background; }
    KeyBar > .keybar--separator { color: $foreground 20%; }
    """
    COMPONENT_CLASSES = {"keybar--key", "keybar--description", "keybar--hover", "keybar--separator"}
    ALLOW_SELECT = False

    hovered: reactive[int | None] = reactive(None)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.spans: list[tuple[int, int, Key]] = []  # (first cell, cell after the last, key) as drawn

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen) -> None:
        self.refresh()

    def keys(self) -> tuple[list[Key], Key | None]:
        """The keys to show, one per action as the Footer does, and the command palette's key."""
        app = self.app
        lang = app.lang
        shown, actions, palette = [], set(), None
        for key, (_, binding, enabled, _) in self.screen.active_bindings.items():
            item = Key(binding.key, app.get_key_display(binding), lang.tr(binding.description), enabled,
                       binding.id in ALWAYS_SHOWN)
            if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                palette = item._replace(description=lang.tr("命令面板"))
            elif binding.show and binding.action not in actions:
                actions.add(binding.action)
                shown.append(item)
        return shown, palette

    def render(self) -> Text:
        style = self.get_component_rich_style
        key_style, description_style = style("keybar--key"), style("keybar--description")
        hover, dim = style("keybar--hover"), Style(dim=True)
        shown, palette = self.keys()
        right = Text(no_wrap=True, end="")
        if palette is not None:
            right.append("▏", style("keybar--separator"))
            right.append(f"{palette.display} ", key_style)
            right.append(f"{palette.description} ", description_style)
        width = max(self.size.width - right.cell_len, 0)
        line = Text(no_wrap=True, overflow="crop", end="")
        spans = []
        labels = []
        for index, item in enumerate(shown):
            extra = (hover if index == self.hovered else None) or (dim if not item.enabled else None)
            labels.append(Text.assemble((f" {item.display} ", key_style + extra if extra else key_style),
                                        (f"{item.description} ", description_style + extra if extra
                                         else description_style)))
        # Help and quit first claim their room; the others fill what is left, in order. A key that
        # does not fit is left out whole, never cut in the middle of a word.
        reserved = sum(label.cell_len for item, label in zip(shown, labels) if item.always)
        for item, label in zip(shown, labels):
            if item.always:
                reserved -= label.cell_len
            elif line.cell_len + label.cell_len + reserved > width:
                continue
            if line.cell_len + label.cell_len > width:
                continue
            spans.append((line.cell_len, line.cell_len + label.cell_len, item))
            line.append_text(label)
        line.truncate(width, pad=True)
        if palette is not None:
            spans.append((width, width + right.cell_len, palette))
        self.spans = spans
        return line + right

    def key_at(self, x: int) -> tuple[int, Key] | None:
        return next(((index, key) for index, (start, end, key) in enumerate(self.spans) if start <= x < end), None)

    def on_click(self, event: events.Click) -> None:
        found = self.key_at(event.x)
        if found is None:
            return
        _, key = found
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        found = self.key_at(event.x)
        self.hovered = found[0] if found else None

    def on_leave(self, event: events.Leave) -> None:
        self.hovered = None
