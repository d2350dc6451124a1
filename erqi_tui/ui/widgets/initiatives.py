"""What the source reports done or launched with no figure to it (举措): each as text with its
quote, on the pane the file places it; nothing here is counted, drawn as progress or judged."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...core import fmt
from ...core.i18n import Lang
from .text import join, plain


class Initiatives(Static):
    DEFAULT_CSS = "Initiatives { height: auto; border: round $primary-darken-1; padding: 0 1; }"


def initiatives_box(initiatives, box_id: str = "initiatives", *, lang: Lang) -> Static:
    """A bordered list: "名称：what it is" and, dimmed under it, the source's words."""
    lines = []
    for item in initiatives:
        line = join((lang.data(item, "name"), "bold"))
        if item.what:
            line.append_text(plain(lang.tr("：") + lang.data(item, "what"), single_line=False))
        if item.source:
            line.append("\n")
            line.append_text(plain(lang.tr("原文：") + fmt.quoted(item.source), "dim", single_line=False))
        lines.append(line)
    box = Initiatives(Text("\n").join(lines), id=box_id)
    box.border_title = lang.tr("举措（文章未给数字）")
    return box
