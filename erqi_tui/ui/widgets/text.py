"""The one way data text reaches the screen: as plain Text, never parsed as markup."""

from __future__ import annotations

from rich.text import Text

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
