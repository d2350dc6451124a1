"""The five panes of the dashboard, one module each, its styles in DEFAULT_CSS beside its code."""

import datetime as dt
from typing import NamedTuple

from textual.containers import VerticalScroll

from ...core.i18n import Lang
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
    def steps_at(self) -> dt.date:
        """The date projects' steps and tasks are judged at: the what-if date, or the newest news of
        a project or task (Dashboard.steps_as_of), never a target's figure recorded later."""
        return self.what_if or self.dashboard.steps_as_of

    @property
    def since(self):
        """What changes are counted from (series.Since), or None: no --since and no briefing yet."""
        from ...core.series import default_since

        return default_since(self.dashboard, self.since_date)

    @property
    def account(self):
        """What every pane says (views.account), worked out once for this dashboard and date."""
        from ...views.account import account

        return account(self.dashboard, self.what_if, None, self.since)

    def lines(self, targets) -> list:
        """The account's line of each of `targets`, in their order."""
        account = self.account
        return [account.line(t.id) for t in targets]


def target_cards(context: Context, targets, *, lang: Lang) -> list:
    """A card per target, as the pane account has it, with its trend from the journal."""
    from ...core import fmt
    from ...core.series import series
    from ..widgets.cards import TargetCard

    dashboard = context.dashboard
    cards = []
    counted = {ident for project in dashboard.projects for ident in project.counts_for}
    for line in context.lines(targets):
        cards.append(TargetCard(line.progress, trend=[p.value.value for p in series(dashboard, line.target.id)],
                                newest=context.as_of, change=change_forms(line.change, dashboard.meta.year, lang=lang),
                                listed=line.target.id in counted))
    return cards


def change_forms(diff, year: int, *, lang: Lang) -> tuple[str, ...]:
    """A card's change since the last briefing (or --since), longest first, each saying since when:
    "较 09-30 +6 个", "较 09-30 +6", "较简报 +6" (a bare "+6" said nothing of when); () without one."""
    from ...core import fmt

    if not diff:
        return ()
    forms = [fmt.change(diff, year, lang=lang)]
    if diff.delta is not None:
        amount = fmt.change_amount(diff, unit=False, lang=lang)
        forms.append(lang.tr("较 {date} {change}", date=fmt.short_date(diff.since.date, year), change=amount))
        if diff.since.briefing is not None:
            forms.append(lang.tr("较简报 {change}", change=amount))
    return tuple(forms)


def target_course(context: Context, targets):
    """The chart and projection of the first target behind schedule (else the first), following
    the focused target card of its pane; None when there is no target."""
    from ...core import progress
    from ..widgets.course import TargetCourse

    lines = context.lines(targets)
    if not lines:
        return None
    behind = progress.warnings([line.progress for line in lines])
    first = next(line for line in lines if line.progress is behind[0]) if behind else lines[0]
    return TargetCourse(first, context.dashboard, context.as_of, context.since, choices=lines)


def target_section(context: Context, targets, *, lang: Lang):
    """A pane's targets: their cards side by side, and below them the focused one's course."""
    from ..widgets.cards import TargetRow

    if targets:
        yield TargetRow(target_cards(context, targets, lang=lang))
        yield target_course(context, targets)


class ComposedPane(VerticalScroll):
    """A pane drawn wholly from its context (总览, 招商引资, 三区三轴, 营商环境)."""

    def __init__(self, context: Context, **kwargs) -> None:
        super().__init__(**kwargs)
        self.context = context

    async def update_dashboard(self, context: Context) -> None:
        """A reload: nothing done if the dashboard and dates are alike; else its widgets composed
        anew inside it, so that the pane, and with it the place it is scrolled to, stays."""
        if self.context == context:
            return
        self.context = context
        scroll_y = self.scroll_y
        await self.recompose()
        self.scroll_to(y=scroll_y, animate=False, immediate=True)
