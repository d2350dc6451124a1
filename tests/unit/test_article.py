"""Every figure in data/targets.toml traces to the source article: its `source` quote is in the
article, and the quote carries the figure's number."""

from __future__ import annotations

import pytest

from erqi_tui.core.i18n import ZH
from erqi_tui import store

from ..conftest import ARTICLE, BUNDLED


def article() -> str:
    return "".join(ARTICLE.read_text(encoding="utf-8").split())


def quoted(source: str) -> list[str]:
    return ["".join(part.split()) for part in source.split("…")]


def spellings(value) -> set[str]:
    """How the article may write a number: 46000, 107.96, or 2万 for 20000."""
    out = {f"{value:g}" if isinstance(value, float) else str(value)}
    if value >= 10000 and value % 10000 == 0:
        out.add(f"{value // 10000}万")
    return out


def sourced_items():
    dashboard = store.load(BUNDLED)
    for target in dashboard.targets:
        yield target.name, target.source, [q for q in (target.target, target.current) if q]
    for figure in dashboard.figures:
        yield figure.label, figure.source, [figure.quantity]
    for event in dashboard.events:
        yield event.title, event.source, []
        for figure in event.figures:
            yield figure.label, figure.source, [figure.quantity]
    for stage in dashboard.stages:
        yield stage.name, stage.source, [stage.count] if stage.count else []
    yield "layout", dashboard.layout.source, []
    for axis in dashboard.layout.axes:
        yield axis.road, axis.source, []
    for project in dashboard.projects:
        yield project.name, project.source, [q for q in (project.investment, project.area) if q]
        for figure in project.figures:
            yield figure.label, figure.source, [figure.quantity]


@pytest.mark.parametrize("name, source, quantities", list(sourced_items()), ids=lambda v: str(v)[:20])
def test_quote_is_in_the_article_and_carries_the_figure(name, source, quantities):
    text = article()
    assert source, f"{name} has no source quote"
    for part in quoted(source):
        assert part in text, f"{name}: {part!r} is not in the article"
    for quantity in quantities:
        assert any(s in "".join(quoted(source)) for s in spellings(quantity.value)), \
            f"{name}: {quantity.value} is not in its quote"


def test_the_articles_about_is_kept():
    kangshifu = next(p for p in store.load(BUNDLED).projects if p.id == "kangshifu")
    assert kangshifu.area.approx and "约133亩" in kangshifu.source


# ── The figures put together as the article puts them (issue 25) ──────────────────────────────

def test_the_pipeline_counts_two_sets_as_the_article_does():
    """在谈 54 and 新签约 13 are 产业项目 of the 招商 paragraph; 新开工 50 and 计划年内竣工投产 60 are
    of the 309 重大项目: two groups, never one flow (50 > 13 could not follow from it)."""
    stages = store.load(BUNDLED).stages
    groups = {s.label: s.group for s in stages}
    assert groups["在谈项目"] == groups["新签约产业项目"] != groups["新开工项目"] == groups["计划年内竣工投产"]
    assert "309" in groups["新开工项目"] and "重大项目" in groups["新开工项目"]
    text = article()
    for stage in stages:  # each stage's quote is the article's, in the paragraph of its set
        assert all(part in text for part in quoted(stage.source))


def test_a_drill_down_lists_only_what_the_article_counts_in_that_figure():
    from erqi_tui.views.drill import drill

    dashboard = store.load(BUNDLED)
    text = article()
    for stage in dashboard.stages:
        shown = drill(dashboard, "stage", stage.name, lang=ZH)
        for project in shown.projects:  # the article names it in the very sentence of the figure
            assert stage.id in project.counts_for or stage.target in project.counts_for
            assert "".join(project.name.split()) in "".join(quoted(stage.source)) or project.name in text
    names = lambda kind, key: [p.name for p in drill(dashboard, kind, key, lang=ZH).projects]  # noqa: E731
    assert "郑州中视数据中心项目" not in names("stage", "签约")  # signed near the 3-6 ceremony, not one of the 13
    assert names("stage", "签约") == names("target", "new-projects")  # Enter and p: one figure, one answer
    assert drill(dashboard, "stage", "签约", lang=ZH).summary == drill(dashboard, "target", "new-projects", lang=ZH).summary == "已列明 2 / 13 个"
    assert names("stage", "开工") == ["嵩南印象城", "嵩山大厦数字科技产业园"]  # not 康师傅 nor 杉杉 (land in 2023)
    assert names("stage", "投产") == ["杉杉奥特莱斯广场二七店", "联东U谷工业总部港"]


def test_the_month_stays_a_month():
    """The article says 五月, no day: the file says the month, the screen says it, and pace is
    judged at the month's end with the other end of the month named where the verdict turns on it."""
    import datetime as dt

    from erqi_tui.core import fmt, progress

    dashboard = store.load(BUNDLED)
    assert dashboard.meta.as_of_month and dashboard.meta.as_of == dt.date(2024, 5, 31)
    assert fmt.standing(dashboard.as_of, dashboard.meta, lang=ZH) == "2024年5月"
    signed = next(p for p in progress.assess_all(dashboard.targets, dashboard) if p.target.id == "signed-amount")
    assert signed.verdict == progress.BEHIND and round(signed.gap * 100, 1) == -5.7
    early = progress.at_month_start(signed, 2024)  # on 1 May it would be ahead
    assert early is not None and early.verdict == progress.AHEAD


def test_a_target_recorded_later_makes_no_step_overdue(tmp_path):
    """Recording 签约额 at 06-30 moves the figures' date, not the date 康师傅's workshop (planned in
    May) is judged at: nothing new is known of it. A project's own update does move it, and then
    the step reads 逾期未报 (due, nothing reported), not 逾期."""
    import datetime as dt
    import shutil

    from erqi_tui.core import fmt
    from erqi_tui.core.model import Quantity, Update

    path = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, path)
    update = Update("target", "signed-amount", {"current": Quantity(140, "亿元")}, dt.date(2024, 6, 30), "x")
    dashboard = store.record(path, update, today=dt.date(2024, 7, 1), lang=ZH)[0].dashboard
    kangshifu = next(p for p in dashboard.projects if p.id == "kangshifu")
    assert dashboard.as_of == dt.date(2024, 6, 30) and dashboard.steps_as_of == dt.date(2024, 5, 31)
    assert not kangshifu.overdue(dashboard.steps_as_of)
    step = kangshifu.milestones[1]
    assert fmt.step(step, dt.date(2024, 6, 30), lang=ZH) == "生产车间投入使用 逾期未报（计划 2024-05）"


def test_the_initiatives_without_figures_are_the_articles():
    dashboard = store.load(BUNDLED)
    names = [i.name for i in dashboard.initiatives]
    for word in ("1+1+12", "12345", "二七帮·易企办", "点单式", "银企对接会", "标准化试点"):
        assert any(word in name for name in names), word
    text = article()
    for item in dashboard.initiatives:
        assert all(part in text for part in quoted(item.source)), item.name
