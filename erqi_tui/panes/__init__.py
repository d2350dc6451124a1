"""The five panes of the dashboard, one module each, its styles in DEFAULT_CSS beside its code."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ..model import Dashboard


class Context(NamedTuple):
    """What every pane is drawn from: the validated file, and the one date everything is judged
    at when the user asks "what if" (--as-of); otherwise each figure is judged at its own date."""

    dashboard: Dashboard
    what_if: dt.date | None = None

    @property
    def as_of(self) -> dt.date:
        """The date the dashboard stands at: the what-if date, or the newest figure's."""
        return self.what_if or self.dashboard.as_of


def target_cards(context: Context, targets) -> list:
    """A card per target, assessed at the context's date, with its trend from the journal."""
    from .. import progress
    from ..series import series
    from ..widgets.cards import TargetCard

    dashboard = context.dashboard
    return [TargetCard(item, trend=[p.value.value for p in series(dashboard, item.target.id)], newest=context.as_of)
            for item in progress.assess_all(targets, dashboard, context.what_if)]
