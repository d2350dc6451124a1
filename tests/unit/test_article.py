"""Every figure in data/targets.toml traces to the source article: its `source` quote is in the
article, and the quote carries the figure's number."""

from __future__ import annotations

import pytest

from erqi_tui import store

from ..conftest import ARTICLE, BUNDLED

pytestmark = pytest.mark.skipif(not ARTICLE.exists(), reason="the seed article is not beside this checkout")


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
