"""Build the app the way the CLI does, and read the screen as text."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Awaitable, Callable

from erqi_tui import store
from erqi_tui.ui.app import ErqiApp
from erqi_tui.store.config import Config

from ..conftest import BUNDLED


def make_app(path: Path = BUNDLED, as_of: dt.date | None = None, lang: str = "zh", *,
             loaded: store.Loaded | None = None) -> ErqiApp:
    """The app on `path`, as `erqi-tui --data path --lang lang` starts it (no settings are saved);
    `loaded`: what was read of it, given to the app as erqi-tui gives it (a reload reuses it)."""
    app = ErqiApp(path, loaded.dashboard if loaded else store.load(path), as_of=as_of, who="tester",
                  today=dt.date(2024, 6, 30), settings=Config(lang=lang), loaded=loaded)
    app.animation_level = "none"  # snapshots and key tests must not catch a frame mid-animation
    return app


def screen_text(app: ErqiApp) -> str:
    """What the terminal shows now, as plain text, one line per row."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def run_with(app: ErqiApp, check: Callable[..., Awaitable[None]], size: tuple[int, int] = (100, 30)) -> None:
    """Run `app` headless at `size` and await `check(pilot)` once the first frame is up."""

    async def body() -> None:
        async with app.run_test(size=size, notifications=True) as pilot:
            await pilot.pause()
            await check(pilot)

    asyncio.run(body())
