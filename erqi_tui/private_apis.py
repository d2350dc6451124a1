"""Every private part of another library that erqi-tui relies on, in one table: where it is used, the
version it was written against, and how to tell it is still there as it was. Each has a test
(tests/unit/test_private_apis.py) that names it when a release moves it; imports nothing of erqi-tui.

Where a public way exists in the pinned version it is used instead: the app's NO_COLOR filter
through App.get_line_filters (not App._filters), the driver's app from its constructor (not
Driver._app), a style's meta through Style.meta (not Style._meta), a Word run's XML through
Run.element (not Run._element)."""

from __future__ import annotations

import inspect
from typing import Callable, NamedTuple


class PrivateAPI(NamedTuple):
    name: str  # the attribute, as the code spells it
    library: str  # the distribution, as pip names it
    written_for: str  # the version the use was written and tested against
    used_in: str  # the module that uses it, and what for
    check: Callable[[], str | None]  # None while it is there as expected; else what changed


def _source_says(owner, function: str, *needles: str) -> str | None:
    """None if `owner.function`'s source contains every needle; else which it lacks."""
    try:
        source = inspect.getsource(getattr(owner, function))
    except (AttributeError, OSError, TypeError) as error:
        return f"{owner.__name__}.{function} cannot be read: {error}"
    missing = [needle for needle in needles if needle not in source]
    return f"{owner.__name__}.{function} no longer has {', '.join(missing)}" if missing else None


def _parameters(function, *names: str) -> str | None:
    found = inspect.signature(function).parameters
    missing = [name for name in names if name not in found]
    return f"{function.__qualname__} takes no {', '.join(missing)}" if missing else None


def _compositor() -> str | None:
    from textual._compositor import Compositor
    from textual.screen import Screen

    return (_source_says(Screen, "__init__", "self._compositor = Compositor()")
            or _parameters(Compositor.render_update, "full", "screen_stack"))


def _background_screens() -> str | None:
    from textual.app import App

    found = inspect.getattr_static(App, "_background_screens", None)
    return None if isinstance(found, property) else "App._background_screens is not a property"


def _strip_constructor() -> str | None:
    from .terminal import strips

    return strips.not_as_written()


def _render_cache() -> str | None:
    from textual.widget import Widget

    return (_source_says(Widget, "_render_content", "self._render_cache = _RenderCache(self.size, strips)")
            or _source_says(Widget, "render_line", "if self._dirty_regions:", "self._render_content()",
                            "self._render_cache.lines[y]")
            or _source_says(Widget, "_set_dirty", "self._dirty_regions.add(outer_size.region)"))


def _worksheet_path() -> str | None:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    return _source_says(ReadOnlyWorksheet, "__init__", "self._worksheet_path = worksheet_path")


def _sheet_parts() -> str | None:
    from openpyxl.styles import stylesheet
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    return (_source_says(ReadOnlyWorksheet, "__init__", "self._shared_strings = shared_strings", "self._get_size()")
            or _source_says(stylesheet, "apply_stylesheet", "wb._number_formats =", "wb._cell_styles =",
                            "wb._date_formats =", "wb._timedelta_formats ="))


def _row_xml() -> str | None:
    from docx import Document

    table = Document().add_table(rows=1, cols=1)
    row = table.rows[0]
    found = getattr(row, "_tr", None)
    return None if found is not None and hasattr(found, "get_or_add_trPr") else "_Row._tr is not a row's XML element"


def _table_xml() -> str | None:
    from docx import Document

    table = Document().add_table(rows=1, cols=1)
    found = getattr(table, "_tbl", None)
    return None if found is not None and getattr(found, "tblPr", None) is not None \
        else "Table._tbl is not a table's XML element with its tblPr"


def _serve_hooks() -> str | None:
    from .serve import missing_hooks  # serve checks its own at start; the test asks it too

    missing = missing_hooks()
    return f"missing: {', '.join(missing)}" if missing else None


def _input_decoder() -> str | None:
    import codecs

    from textual.drivers import linux_driver

    from .terminal.keyboard import tolerant_decoder

    if getattr(linux_driver, "getincrementaldecoder", None) not in (codecs.getincrementaldecoder, tolerant_decoder):
        return "textual.drivers.linux_driver no longer imports codecs.getincrementaldecoder"
    return _source_says(linux_driver.LinuxDriver, "run_input_thread", 'getincrementaldecoder("utf-8")()')


PRIVATE_APIS: tuple[PrivateAPI, ...] = (
    PrivateAPI("app.screen._compositor.render_update(full=True, screen_stack=…)", "textual", "8.2.8",
               "exchange/briefing_svg.py: the screen as a briefing's SVG, in our own SVG format and "
               "theme (App.export_screenshot takes neither)", _compositor),
    PrivateAPI("app._background_screens", "textual", "8.2.8",
               "exchange/briefing_svg.py: the screens under a dialog, as App.export_screenshot passes them",
               _background_screens),
    PrivateAPI("Strip.__init__ and its slots _segments, _cell_length, _render_cache, _link_ids, _cell_count, "
               "_divide_cache, _crop_cache, _style_cache, _filter_cache, _line_length_cache, _crop_extend_cache, "
               "_offsets_cache", "textual", "8.2.8",
               "terminal/strips.py: Strip's seven caches made on first use (1.9 MB a session); it keeps "
               "Textual's own constructor when this one is not the one it was written for", _strip_constructor),
    PrivateAPI("Widget._render_cache.lines", "textual", "8.2.8",
               "ui/app.py: forget_drawn empties the lines a hidden pane's widgets drew their content into, once "
               "refresh() has marked them to be drawn anew (render_line then renders before it reads a line): "
               "0.14 MB a session that has visited every pane; nothing is emptied when they are not there",
               _render_cache),
    PrivateAPI("ReadOnlyWorksheet._worksheet_path", "openpyxl", "3.1.5",
               "exchange/importing.py and ledger_sheet.py: the first sheet's XML, to bound its merged blocks before openpyxl "
               "(which builds none in read-only mode) reads it", _worksheet_path),
    PrivateAPI("openpyxl.worksheet._read_only: ReadOnlyWorksheet._get_size and _shared_strings; the workbook's "
               "_cell_styles, _number_formats, _date_formats, _timedelta_formats", "openpyxl", "3.1.5",
               "exchange/ledger_sheet.py: a sheet's XML read with expat, its cells' values as openpyxl gives "
               "them (shared strings, percent and date styles), and no pass over each sheet for a size never used "
               "(a third of a 60,000-row ledger's read); the cells' own way when these are not there", _sheet_parts),
    PrivateAPI("_Row._tr", "python-docx", "1.2.0",
               "exchange/briefing_doc.py: a table row's XML, to repeat the header row on every page and keep "
               "rows whole (python-docx has no public way to either)", _row_xml),
    PrivateAPI("Table._tbl", "python-docx", "1.2.0",
               "exchange/briefing_doc.py: a table's XML, to narrow its cells' margins so that a figure and its "
               "unit fit one line (python-docx has no public way)", _table_xml),
    PrivateAPI("Server._make_app, AppService._open_app_process, _build_environment, _process, _stdin, _task",
               "textual-serve", "1.1.3",
               "serve.py: the token guard, the Origin check and each session's process (serve.missing_hooks; "
               "serve refuses to start while any is missing)", _serve_hooks),
    PrivateAPI("textual.drivers.linux_driver.getincrementaldecoder, as LinuxDriver.run_input_thread calls it",
               "textual", "8.2.8",
               "terminal/keyboard.py: input that is not UTF-8 (a terminal left at GBK) read as U+FFFD, not a "
               "crash; the driver reads as before when this is not there", _input_decoder),
)


def changed() -> list[str]:
    """Each private part no longer there as expected, named with its library and what changed."""
    out = []
    for api in PRIVATE_APIS:
        try:
            problem = api.check()
        except (ImportError, AttributeError, TypeError, ValueError) as error:
            problem = f"{type(error).__name__}: {error}"
        if problem:
            out.append(f"{api.library} {api.name} (written for {api.written_for}, used in {api.used_in}): {problem}")
    return out
