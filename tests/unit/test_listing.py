"""The 重点项目 table's filter and sort, without a terminal."""

from __future__ import annotations

from erqi_tui.core.i18n import EN, ZH
from erqi_tui.views import listing
from erqi_tui import store

from ..conftest import BUNDLED, TEST_DATA


def names(projects):
    return [p.name for p in projects]


def test_filter_matches_every_word_across_fields():
    dashboard = store.load(BUNDLED)
    assert names(listing.rows(dashboard, "开工 大学路", lang=ZH)) == ["杉杉奥特莱斯广场二七店"]
    assert names(listing.rows(dashboard, "在谈", lang=ZH)) == ["海王“中药谷”智能制造平台", "中部数字科创城"]
    assert listing.rows(dashboard, "不存在的项目", lang=ZH) == []


def test_filter_ignores_case():
    dashboard = store.load(BUNDLED)
    assert names(listing.rows(dashboard, "u谷", lang=ZH)) == ["联东U谷工业总部港"]


def test_filter_finds_a_status_by_the_word_the_table_shows():
    """In English the table says "Started": typing it (any case) finds those projects; the stage's
    own name (开工) still finds them, and in Chinese 开工 works as it always did."""
    dashboard = store.load(BUNDLED)
    started = [p.name for p in dashboard.projects if p.status == "开工"]
    assert started
    for query in ("Started", "started", "开工"):
        assert names(listing.rows(dashboard, query, lang=EN)) == started, query
    index = listing.search_index(dashboard, lang=EN)
    assert names(listing.rows(dashboard, "in talks", index=index, lang=EN)) == [
        "海王“中药谷”智能制造平台", "中部数字科创城"]
    assert names(listing.rows(dashboard, "开工", lang=ZH)) == started


def test_sort_by_status_follows_the_pipeline_order_and_puts_unknown_last():
    dashboard = store.load(BUNDLED)
    statuses = [p.status for p in listing.rows(dashboard, sort="status", lang=ZH)]
    assert statuses == ["在谈"] * 2 + ["签约"] * 3 + ["开工"] * 4 + [None]
    reversed_statuses = [p.status for p in listing.rows(dashboard, sort="status", reverse=True, lang=ZH)]
    assert reversed_statuses == ["开工"] * 4 + ["签约"] * 3 + ["在谈"] * 2 + [None]


def test_sort_by_amount_is_numeric():
    dashboard = store.load(TEST_DATA / "other_district.toml")
    assert names(listing.rows(dashboard, sort="investment", reverse=True, lang=ZH))[0] == "三期集装箱码头"
    assert names(listing.rows(dashboard, sort="area", lang=ZH))[0] == "北环芯片产业园"
