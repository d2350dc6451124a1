"""The five panes of the dashboard, one module each, its styles in DEFAULT_CSS beside its code."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ..model import Dashboard


class Context(NamedTuple):
    """What every pane is drawn from: the validated file and the date progress is judged at."""

    dashboard: Dashboard
    as_of: dt.date


def target_cards(context: Context, targets) -> list:
    """A card per target, assessed at the context's date, with its trend from the journal."""
    from .. import progress
    from ..widgets.cards import TargetCard

    dashboard = context.dashboard
    return [TargetCard(item, trend=[value for _, value in dashboard.trend(item.target.id)])
            for item in progress.assess_all(targets, context.as_of, dashboard.meta.year)]
