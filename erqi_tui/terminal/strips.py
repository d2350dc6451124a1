"""Textual's drawn lines (Strip) made lighter to keep: each of its seven caches is made when first used.

A Strip makes seven small caches as it is built (crop, divide, style, filter, …): with their dicts,
about 1 kB a line. A session that has visited the five panes keeps some 1,500 lines, for the panes
drawn and the pieces the compositor cut from them, and most of those caches stay empty for good: only
three kinds are ever filled, and fewer than half the lines fill any. Made on first use, as Textual's
own Content does with its divide cache, they cost nothing where unused (1.9 MB less a session, measured).

The change replaces Strip's constructor and its cache slots on the class, so it is applied only where
that constructor is the one it was written against (Textual 8.2.8's: it assigns these fields and
nothing else), and is a candidate for Textual itself."""

from __future__ import annotations

from typing import Iterable

# Each cache Strip's constructor made, with the size it gave it; and the rest of what it assigned.
CACHES = {"_divide_cache": 4, "_crop_cache": 16, "_style_cache": 16, "_filter_cache": 4,
          "_line_length_cache": 4, "_crop_extend_cache": 4, "_offsets_cache": 4}
FIELDS = {"_segments", "_cell_length", "_render_cache", "_link_ids", "_cell_count"}


def caches_on_first_use() -> bool:
    """Make Strip's caches when first used; True if that is (now) so, False if this Textual's Strip
    is built otherwise than it was written for (its own constructor is then kept). The constructor is
    told by what it names, not by Textual's version: asking that imports importlib.metadata (1.4 MB)."""
    from textual.cache import FIFOCache
    from textual.strip import Strip

    if getattr(Strip, "_erqi_caches_on_first_use", False):
        return True
    if not_as_written() is not None:
        return False

    def lazy(slot, size: int) -> property:
        def get(strip: Strip) -> FIFOCache:
            try:
                return slot.__get__(strip, Strip)
            except AttributeError:  # not made yet
                cache = FIFOCache(size)
                slot.__set__(strip, cache)
                return cache

        return property(get, slot.__set__)

    for name, size in CACHES.items():
        setattr(Strip, name, lazy(Strip.__dict__[name], size))

    def __init__(self: Strip, segments: Iterable, cell_length: int | None = None) -> None:
        self._segments = list(segments)
        self._cell_length = cell_length
        self._render_cache = None
        self._link_ids = None
        self._cell_count = None

    __init__.__doc__ = Strip.__init__.__doc__
    Strip._erqi_textual_init = Strip.__init__  # kept, to be checked again (erqi_tui/private_apis.py)
    Strip.__init__ = __init__
    Strip._erqi_caches_on_first_use = True
    return True


def not_as_written() -> str | None:
    """None if Textual's Strip is built as this was written for (its constructor assigns the fields
    and caches named above and nothing else, and its slots hold them); else what differs."""
    from textual.strip import Strip

    code = getattr(Strip, "_erqi_textual_init", Strip.__init__).__code__
    names, expected = set(code.co_names), set(CACHES) | FIELDS | {"list", "FIFOCache"}
    if names != expected:
        return f"Strip.__init__ names {sorted(names - expected)} and no longer {sorted(expected - names)}"
    if set(code.co_consts) != {None, *CACHES.values()}:
        return f"Strip.__init__ sizes its caches otherwise: {sorted(map(str, set(code.co_consts) - {None}))}"
    missing = (set(CACHES) | FIELDS) - set(getattr(Strip, "__slots__", ()))
    return f"Strip.__slots__ lacks {sorted(missing)}" if missing else None
