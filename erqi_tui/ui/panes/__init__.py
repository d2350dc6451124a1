"""The five panes of the dashboard, one module each, its styles in DEFAULT_CSS beside its code."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ...core.model import Dashboard


class Context(NamedTuple):
    """What every pane is drawn from: the validated file, and the one date everything is judged
    at when the user asks "what if" (--as-of); otherwise each figure is judged at its own date."""

    dashboard: Dashboard
    what_if: dt.date | None = None
    since_date: dt.date | None = None  # --since; else changes count from the last briefing mark

    @property
    def as_of(self) -> dt.date:
        """The date the dashboard stands at: the what-if date, or the newest figure's."""
        return self.what_if or self.dashboard.as_of

    @property
    def since(self):
        """What changes are counted from (series.Since), or None: no --since and no briefing yet."""
        from ...core.series import default_since

        return default_since(self.dashboard, self.since_date)


def target_cards(context: Context, targets) -> list:
    """A card per target, assessed at the context's date, with its trend from the journal."""
    from ...core import fmt, progress
    from ...core.series import difference, series
    from ..widgets.cards import TargetCard

    dashboard = context.dashboard
    since = context.since
    cards = []
    counted = {ident for project in dashboard.projects for ident in project.counts_for}
    for item in progress.assess_all(targets, dashboard, context.what_if):
        diff = difference(dashboard, item.target.id, since) if since else None
        cards.append(TargetCard(item, trend=[p.value.value for p in series(dashboard, item.target.id)],
                                newest=context.as_of,
                                change=(fmt.change(diff, dashboard.meta.year), fmt.change_amount(diff, unit=False))
                                if diff else (), listed=item.target.id in counted))
    return cards


def target_course(context: Context, targets):
    """The chart and projection of the first target behind schedule (else the first), following
    the focused target card of its pane; None when there is no target."""
    from ...core import progress
    from ..widgets.course import TargetCourse

    assessed = progress.assess_all(targets, context.dashboard, context.what_if)
    if not assessed:
        return None
    behind = progress.warnings(assessed)
    return TargetCourse(behind[0] if behind else assessed[0], context.dashboard, context.as_of, context.since,
                        choices=assessed)


def target_section(context: Context, targets):
    """A pane's targets: their cards side by side, and below them the focused one's course."""
    from ..widgets.cards import TargetRow

    if targets:
        yield TargetRow(target_cards(context, targets))
        yield target_course(context, targets)
