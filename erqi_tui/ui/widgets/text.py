"""The one way data text reaches the screen: as plain Text, never parsed as markup."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from ...core import fmt


def plain(text: str, style: str = "", *, single_line: bool = True) -> Text:
    """Data text as a Rich Text: markup characters stay literal, control characters are neutralised."""
    return Text(fmt.clean(text, single_line=single_line), style=style)


def join(*parts: tuple[str, str] | str) -> Text:
    """Text from (data, style) pairs or plain data strings, each neutralised."""
    out = Text()
    for part in parts:
        if isinstance(part, tuple):
            out.append_text(plain(part[0], part[1], single_line=False))
        else:
            out.append_text(plain(part))
    return out


def content(*parts: tuple[str, str] | str | Text | Content) -> Content:
    """Content from data strings and (data, style) pairs as `join` takes them, Rich Text and
    Content: a pair's style may name the theme's variables ("bold $erqi-behind"), which Rich Text's
    cannot, and is drawn in the current theme's colour, again when the theme changes."""
    out = Content("")
    for part in parts:
        if isinstance(part, Content):
            out += part
        elif isinstance(part, Text):
            out += Content.from_rich_text(part)
        elif isinstance(part, tuple):
            out += Content.styled(fmt.clean(part[0], single_line=False), part[1])
        else:
            out += Content(fmt.clean(part, single_line=True))
    return out
