"""One table of export formats: each format's name, what it is for, whether it is binary (a file or a
pipe, never a terminal), and how a district and the whole city are written in it. `export --format`,
its help, the check that keeps binaries off a terminal and the dispatch all read this table, so a new
format is one entry here and its writer. Writers are imported when used: start-up pays for none.

It sits above the app (the SVG picture is the screen drawn headless) and below the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable, NamedTuple

from .core.i18n import ZH, Lang


class Request(NamedTuple):
    """What an export is asked for: the file shown, its dashboard, the date (a what-if), one pane or
    all, the date changes count from, the language, and the Word briefing's fonts."""
    path: Path
    dashboard: object
    what_if: dt.date | None = None
    pane: str | None = None
    since: object = None  # series.Since, worked out by the caller (--since, or the last briefing mark)
    since_date: dt.date | None = None  # --since as given (the SVG's app works it out itself)
    lang: Lang = ZH  # the language every word of the export is in
    title_font: str = ""
    body_font: str = ""
    size: tuple[int, int] | None = None  # the SVG picture's columns and rows (--size 120x40)


class Format(NamedTuple):
    name: str
    what: str  # what it is for, in Chinese (the help translates it)
    binary: bool  # xlsx, docx: written to a file (-o) or a pipe, never onto a terminal
    district: Callable[[Request], str | bytes]  # in the Request's language
    city: Callable[..., str | bytes] | None = None  # (districts, what_if, size, *, lang); None: no city view in it


def _text(function: str) -> Callable[[Request], str]:
    """A text export of exchange/report.py, by its function's name."""
    def write(r: Request) -> str:
        from .exchange import report

        return getattr(report, function)(r.dashboard, r.what_if, r.pane, r.since, lang=r.lang)
    return write


def _svg(r: Request) -> str:
    from .ui.app import svg_screenshot

    return svg_screenshot(r.path, r.dashboard, r.what_if, r.pane or "overview", r.size, lang=r.lang,
                          since=r.since_date)


def _city_svg(districts: list, what_if: dt.date | None, size: tuple[int, int] | None = None, *,
              lang: Lang) -> str:
    if not any(d.loaded is not None for d in districts):  # nothing to draw: the problems, as a picture
        from xml.sax.saxutils import escape

        from .core import fmt

        lines = [fmt.clean(lang.tr("无法读取：{problem}", problem=d.problem.splitlines()[0] if d.problem else ""),
                           single_line=True) for d in districts]
        texts = "".join(f'<text x="10" y="{24 * (i + 1)}">{escape(line)}</text>' for i, line in enumerate(lines))
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="960" height="{24 * len(lines) + 12}" '
                f'font-family="Noto Sans CJK SC, Microsoft YaHei, sans-serif" font-size="16">{texts}</svg>\n')
    from .ui.app import city_svg_screenshot

    return city_svg_screenshot(districts, what_if, size, lang=lang)


def _xlsx(r: Request) -> bytes:
    from .exchange.workbook import to_xlsx

    return to_xlsx(r.dashboard, r.what_if, r.pane, r.since, lang=r.lang)


def _docx(r: Request) -> bytes:
    from .exchange.briefing_doc import BODY_FONT, TITLE_FONT, to_docx

    return to_docx(r.dashboard, r.what_if, r.pane, r.since, title_font=r.title_font or TITLE_FONT,
                   body_font=r.body_font or BODY_FONT, lang=r.lang)


def _city_docx(districts: list, what_if: dt.date | None, size: tuple[int, int] | None = None, *,
               lang: Lang) -> bytes:
    from .exchange.briefing_doc import to_city_docx

    return to_city_docx(districts, what_if, lang=lang)


def _city(function: str) -> Callable[..., str | bytes]:
    """A city export of exchange/city_report.py, by its function's name."""
    def write(districts: list, what_if: dt.date | None, size: tuple[int, int] | None = None, *,
              lang: Lang) -> str | bytes:
        from .exchange import city_report

        return getattr(city_report, function)(districts, what_if, lang=lang)
    return write


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("md", "Markdown，用于汇报材料", False, _text("to_markdown"), _city("to_markdown")),
    Format("html", "独立的 HTML 页面，可在浏览器中打开、打印", False, _text("to_html"), _city("to_html")),
    Format("csv", "供 Excel 使用的 CSV（带 BOM 的 UTF-8），每个数值一行", False, _text("to_csv"), _city("to_csv")),
    Format("json", "供脚本使用的稳定 JSON", False, _text("to_json"), _city("to_json")),
    Format("svg", "某一页的 SVG 图片", False, _svg, _city_svg),
    Format("xlsx", "Excel 工作簿（数值、格式和图表）", True, _xlsx, _city("to_xlsx")),
    Format("docx", "Word 简报", True, _docx, _city_docx),
)}

CITY_FORMATS = tuple(name for name, f in FORMATS.items() if f.city is not None)
