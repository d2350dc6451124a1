"""The app is driven by the file alone: another district's file shows its own names and numbers,
and text from the file is shown as text, never as markup or terminal control."""

from __future__ import annotations

import datetime as dt

import pytest
import tomli_w

from ..conftest import TEST_DATA
from erqi_tui.core.i18n import ZH
from .helpers import make_app, run_with, screen_text

PANE_KEYS = ("1", "2", "3", "4", "5")


def all_panes_text(app) -> list[str]:
    screens: list[str] = []

    async def check(pilot):
        for key in PANE_KEYS:
            await pilot.press(key)
            await pilot.pause()
            screens.append(screen_text(pilot.app))

    run_with(app, check)
    return screens


def test_other_district_shows_its_own_data():
    overview, investment, layout, business, projects = all_panes_text(make_app(TEST_DATA / "other_district.toml"))
    assert "滨江市河西区 2025 年目标" in overview and "截至 2025-09-30" in overview
    assert "新增就业岗位" in overview and "9,500 / 12,000 个" in overview
    assert "2025 年已过 75.0%" in overview
    assert "外贸出口额" in overview and "落后" in overview  # 41.5/80 = 51.9% < 75%
    assert "二七" not in "".join([overview, investment, layout, business, projects])
    assert "滨江港口合作洽谈会" in investment and "储备" in investment
    assert "一带两翼" in layout and "滨江大道" in layout and "三期集装箱码头" in layout
    assert "一网通办事项" in business
    assert "滨江会展酒店" in projects and "3 / 3 个项目" in projects


def test_minimal_file_shows_dashes_not_a_crash():
    screens = all_panes_text(make_app(TEST_DATA / "minimal.toml"))
    assert "测试区" in screens[0]
    assert "0 / 0 个项目" in screens[4]


def test_as_of_override_changes_the_verdict():
    overview = all_panes_text(make_app(as_of=dt.date(2024, 3, 31)))[0]
    assert "2024 年已过 25.0%" in overview
    assert "没有落后于序时进度的目标" in overview  # 36% of 300亿 is ahead of 25%


HOSTILE = [
    "[bold]粗体[/bold]",
    "闭合[/]标签",
    "[link=https://example.com]链接[/link]",
    "清屏\x1b[2J",
    "剪贴板\x1b]52;c;SGVsbG8=\x07",
    "倒序\u202egnp.exe\u202c\u200b\uffff",
]


@pytest.fixture
def hostile_file(tmp_path):
    """A file whose every kind of text carries markup or terminal escapes (written with tomli-w)."""
    document = {
        "meta": {"district": "[red]区[/]", "year": 2024, "as_of": dt.date(2024, 5, 31)},
        "target": [{"id": "t", "name": "[b]目标[/b]", "target": {"value": 10, "unit": "[u]个"},
                    "current": {"value": 1, "unit": "[u]个"}}],
        "figure": [{"label": "[i]图[/]", "value": 1, "unit": "个", "pane": "business", "headline": True}],
        "stage": [{"name": "在谈"}],
        "layout": {"name": "[/]布局", "axis": [{"id": "a", "road": "[bold]路", "theme": "主题[/]"}]},
        "project": [{"id": f"p{i}", "name": name, "status": "在谈", "axis": "a", "note": name}
                    for i, name in enumerate(HOSTILE)],
    }
    path = tmp_path / "hostile.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    return path


def test_markup_and_escapes_in_data_show_literally(hostile_file):
    screens = "\n".join(all_panes_text(make_app(hostile_file)))
    for literal in ("[red]区[/]", "[b]目标[/b]", "[u]个", "[i]图[/]", "[/]布局", "[bold]路", "主题[/]",
                    "[bold]粗体[/bold]", "闭合[/]标签"):
        assert literal in screens, literal
    assert "[link=https://example.com]链接" in screens
    assert "\x1b" not in screens and "\x07" not in screens
    assert "清屏␛[2J" in screens
    assert "倒序⟪U+202E⟫gnp.exe" in screens and not {"\u202e", "\u202c", "\u200b", "\uffff"} & set(screens)


def test_markup_in_data_shows_literally_in_the_detail_view(hostile_file):
    app = make_app(hostile_file)
    seen = []

    async def check(pilot):
        await pilot.press("5", "down", "enter")
        await pilot.pause()
        seen.append(screen_text(pilot.app))

    run_with(app, check)
    assert "闭合[/]标签" in seen[0]


CORRIDORS = TEST_DATA / "corridors.toml"


def test_a_layout_of_four_corridors_names_every_label_from_the_file():
    from erqi_tui.exchange import report
    from erqi_tui import store

    app = make_app(CORRIDORS)
    overview, investment, layout, business, projects = all_panes_text(app)
    assert "3 一核四廊" in overview and "三区三轴" not in "".join([overview, investment, layout, business, projects])
    assert "一核引领 四廊联动" in overview  # meta.title
    assert ("切换到一核四廊" in [action for _, _, action in app.help_rows()]
            or any("一核四廊" in action for _, _, action in app.help_rows()))
    # Every target on the overview and on its own pane.
    assert all(name in overview for name in ("签约项目", "到位资金", "盘活低效用地", "一网通办率", "新开工项目"))
    assert "签约项目" in investment and "盘活低效用地" in layout and "一网通办率" in business
    assert "新开工项目" in projects
    assert "依托高校园区" in layout  # an axis's note
    # Events by date, the other year's with its year.
    assert investment.index("2024-12-20") < investment.index("03-18")
    assert "2025-03-18" not in investment
    dashboard = store.load(CORRIDORS)
    md = report.to_markdown(dashboard, lang=ZH)
    assert "## 一核四廊" in md and "三区三轴" not in md and "签约进度" not in md
    assert "盘活低效用地" in md.split("## 一核四廊")[1] and "一网通办率" in md.split("## 营商环境")[1]


@pytest.mark.parametrize("column, expected", [
    ("investment", ["中部物流港", "Alpha 数据中心", "大有科创中心", "中原智造园", "康养小镇"]),
    ("area", ["中部物流港", "大有科创中心", "中原智造园", "康养小镇", "Alpha 数据中心"]),
    ("name", ["Alpha 数据中心", "大有科创中心", "康养小镇", "中部物流港", "中原智造园"]),
])
def test_sorting_compares_quantities_within_a_unit_dimension_and_names_in_pinyin(column, expected):
    from erqi_tui.views import listing
    from erqi_tui import store

    dashboard = store.load(CORRIDORS)
    assert [p.name for p in listing.rows(dashboard, sort=column, lang=ZH)] == expected
    # 3,000 万元 < 9,000 万元 < 8 亿元 < 120 亿元; 2 亿美元 does not convert: after, and said.
    # 310 亩 (20.7 ha) < 500 亩 (33.3 ha) < 45 公顷.
    if column == "investment":
        assert listing.other_units(dashboard, list(dashboard.projects), column) == ["亿美元"]


def test_the_table_says_which_units_it_could_not_convert():
    app = make_app(CORRIDORS)

    async def check(pilot):
        await pilot.press("5", "s", "s", "s", "s", "s")  # 项目 → 状态 → 发展轴 → 位置 → 总投资
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "按“总投资”升序" in text and "不能换算的单位排在后面：亿美元" in text

    run_with(app, check)


@pytest.mark.parametrize("lang, said", [("zh", "（不能换算的单位排在后面：万美元、亿美元）"),
                                        ("en", " (units that do not convert come after: 万美元, 亿美元)")])
def test_the_units_that_do_not_convert_are_listed_in_the_tables_language(tmp_path, lang, said):
    """Two units that do not convert, listed with ", " in English (it was 、)."""
    path = tmp_path / "corridors.toml"
    path.write_text(CORRIDORS.read_text(encoding="utf-8").replace(
        'investment = { value = 3000, unit = "万元" }', 'investment = { value = 3000, unit = "万美元" }'), encoding="utf-8")
    app = make_app(path, lang=lang)

    async def check(pilot):
        await pilot.press("5", "s", "s", "s", "s", "s")  # sorted by 总投资
        await pilot.pause()
        assert said in screen_text(pilot.app)

    run_with(app, check)


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (200, 50)])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_four_corridors_draw_at_every_size(size, lang):
    app = make_app(CORRIDORS, lang=lang)

    async def check(pilot):
        await pilot.press("3")
        await pilot.pause()
        text = screen_text(pilot.app)
        for road in ("西部科创走廊", "北部物流走廊", "东部制造走廊", "南部文旅走廊"):
            assert road in text or road[:4] in text, (road, text)

    run_with(app, check, size=size)
