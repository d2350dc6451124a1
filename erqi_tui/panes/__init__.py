"""The five panes of the dashboard, one module each, its styles in DEFAULT_CSS beside its code."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Dashboard


@dataclass(frozen=True)
class Context:
    """What every pane is drawn from: the validated file and the date progress is judged at."""

    dashboard: Dashboard
    as_of: dt.date
