"""Exports carry the same figures as the screen — units, "more than" marks, ahead/behind — and
data text stays text in every format."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
import tomli_w

from erqi_tui import cli, report, store

from ..conftest import BUNDLED

AS_OF = dt.date(2024, 5, 31)


@pytest.fixture(scope="module")
def dashboard():
    return store.load(BUNDLED)


def test_markdown_has_figures_units_marks_and_verdicts(dashboard):
    md = report.to_markdown(dashboard, AS_OF)
    assert "| 新签约产业项目 | 13 个 | 30+ 个 | 43.3% | 2024-05-31 | 41.7% | 超前 1.7 个百分点 |" in md
    assert "| 签约额 | 107.96 亿元 | 300+ 亿元 | 36.0% | 2024-05-31 | 41.7% | 落后 5.7 个百分点 |" in md
    assert "| 发布就业岗位 | 46,000+ 个 |" in md
    assert "签约重点项目 26 个；总签约额 50+ 亿元" in md
    for title in ("## 总览", "## 招商引资", "## 三区三轴", "## 营商环境", "## 重点项目"):
        assert title in md


def test_pane_limits_the_export(dashboard):
    md = report.to_markdown(dashboard, AS_OF, pane="business")
    assert "## 营商环境" in md and "## 总览" not in md and "## 重点项目" not in md


def test_html_is_one_self_contained_printable_page(dashboard):
    page = report.to_html(dashboard, AS_OF)
    assert page.startswith("<!DOCTYPE html>") and "@media print" in page
    assert "<link" not in page and "<script" not in page and "src=" not in page
    assert "<td>46,000+ 个</td>" in page and "落后 5.7 个百分点" in page


def test_csv_opens_in_excel_with_chinese(tmp_path, capsys):
    out = tmp_path / "out.csv"
    assert cli.main(["export", "--format", "csv", "--data", str(BUNDLED), "-o", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    # One tidy table: a row per quantity, the number in a column of its own, its unit beside it.
    assert rows[0] == ["地区", "板块", "类别", "编号", "名称", "指标", "数值", "单位", "下限", "约数", "日期"]
    assert {row[0] for row in rows[1:]} == {"郑州市二七区"}
    rows = [row[1:] for row in rows]
    assert ["总览", "目标", "signed-amount", "签约额", "当前值", "107.96", "亿元", "", "", "2024-05-31"] in rows
    assert ["总览", "目标", "signed-amount", "签约额", "目标值", "300", "亿元", "是", "", ""] in rows
    assert ["总览", "目标", "signed-amount", "签约额", "较序时进度", "-5.68", "个百分点", "", "", "2024-05-31"] in rows
    assert ["总览", "目标", "signed-amount", "签约额", "年底预计", "259.104", "亿元", "", "", ""] in rows
    assert ["营商环境", "数据", "job-fair-posts", "春风行动招聘", "发布就业岗位", "46000", "个", "是", "", ""] in rows
    assert ["招商引资", "阶段", "", "签约", "数量", "13", "个", "", "", ""] in rows
    assert all(len(row) == 10 for row in rows)  # the district's column set aside above


def test_json_is_stable_and_typed(dashboard):
    first = report.to_json(dashboard, AS_OF)
    assert first == report.to_json(dashboard, AS_OF)
    data = json.loads(first)
    amount = next(t for t in data["targets"] if t["id"] == "signed-amount")
    assert amount["current"] == {"value": 107.96, "unit": "亿元", "at_least": False, "approx": False, "shown": "107.96 亿元"}
    assert amount["target"]["at_least"] is True and amount["verdict"] == "behind"
    assert data["time_elapsed_share"] == round(5 / 12, 6)
    posts = next(f for f in data["figures"] if f["id"] == "job-fair-posts")
    assert (posts["value"], posts["at_least"], posts["shown"]) == (46000, True, "46,000+ 个")


HOSTILE = "[b]粗[/b] <script>alert(1)</script> | =SUM(A1) \x1b[2J"


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "hostile.toml"
    path.write_text(tomli_w.dumps({"meta": {"district": "区", "year": 2024, "as_of": AS_OF},
                                   "project": [{"id": "p", "name": HOSTILE,
                                                "investment": {"value": 1, "unit": "亿元"}}]}), encoding="utf-8")
    return store.load(path)


def test_data_text_stays_text_in_every_format(hostile):
    md = report.to_markdown(hostile, AS_OF)
    assert "\\[b\\]粗\\[/b\\] \\<script\\>alert(1)\\</script\\> \\| =SUM(A1) ␛\\[2J" in md
    page = report.to_html(hostile, AS_OF)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>" not in page
    rows = list(csv.reader(io.StringIO(report.to_csv(hostile, AS_OF))))
    assert any(row[4].startswith("[b]粗[/b] <script>") for row in rows if len(row) > 4)
    assert "\x1b" not in report.to_csv(hostile, AS_OF) and "\x1b" not in page and "\x1b" not in md
    assert json.loads(report.to_json(hostile, AS_OF))["projects"][0]["name"] == HOSTILE  # JSON keeps it exact


def test_csv_cells_never_become_formulas(write_toml):
    dashboard = store.load(write_toml('[meta]\ndistrict = "区"\nyear = 2024\nas_of = 2024-05-31\n\n'
                                      '[[project]]\nid = "p"\nname = "=HYPERLINK(\\"x\\")"\n'
                                      'investment = { value = 1, unit = "亿元" }\n'))
    rows = list(csv.reader(io.StringIO(report.to_csv(dashboard, AS_OF))))
    assert any(row[4] == "'=HYPERLINK(\"x\")" for row in rows if len(row) > 4)


def test_svg_export_is_a_picture_of_the_pane(tmp_path, capsys):
    out = tmp_path / "layout.svg"
    assert cli.main(["export", "--format", "svg", "--pane", "layout", "--data", str(BUNDLED), "-o", str(out)]) == 0
    svg = out.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg") and "嵩山路" in svg and "科创产业发展轴" in svg


def test_export_in_english(tmp_path, capsys):
    out = tmp_path / "brief.md"
    assert cli.main(["export", "--lang", "en", "--pane", "overview", "--data", str(BUNDLED), "-o", str(out)]) == 0
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Erqi District, Zhengzhou: targets for 2024 — as of 2024-05-31")
    assert "| Amount signed | 10.796 bn CNY | 30+ bn CNY | 36.0% | 2024-05-31 | 41.7% | behind 5.7 pp |" in md
    # JSON stays language-neutral for scripts
    assert json.loads(report.to_json(store.load(BUNDLED), AS_OF))["targets"][1]["name"] == "签约额"


def test_export_shows_the_change_since_and_only_mark_writes_to_the_journal(tmp_path, capsys):
    import shutil

    from erqi_tui import journal, store
    from erqi_tui.model import Quantity, Update

    data = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, data)
    out = tmp_path / "brief.md"
    assert cli.main(["export", "--data", str(data), "-o", str(out)]) == 0
    assert not journal.journal_path(data).exists()  # a plain export writes nothing but its output
    assert cli.main(["export", "--data", str(data), "-o", str(out), "--mark", "--user", "办公室"]) == 0
    assert "已标记简报（截至 2024-05-31）" in capsys.readouterr().err
    (briefing,) = store.load(data).briefings
    assert (briefing.date, briefing.who) == (dt.date(2024, 5, 31), "办公室")
    store.record(data, Update("target", "signed-amount", {"current": Quantity(140, "亿元")},
                              dt.date(2024, 6, 30), "张"), today=dt.date(2024, 7, 1))
    assert cli.main(["export", "--data", str(data), "-o", str(out)]) == 0
    md = out.read_text(encoding="utf-8")
    assert "变化自 2024-05-31（上次简报）。" in md
    assert "| 签约额 | 140 亿元 | 300+ 亿元 | 46.7% | 2024-06-30 | 50.0% | 落后 3.3 个百分点 | 280 亿元 | 至少 20 亿元 | 至少 26.7 亿元 | +32.04 亿元 |" in md
    assert cli.main(["export", "--data", str(data), "--since", "2024-06-30", "--format", "json", "-o", str(out)]) == 0
    amount = next(t for t in json.loads(out.read_text(encoding="utf-8"))["targets"] if t["id"] == "signed-amount")
    assert amount["change"] is None and round(amount["projection"]["year_end"], 6) == 280


def test_the_bundled_file_cannot_be_marked(capsys):
    assert cli.main(["export", "--mark"]) == 2
    assert "只读" in capsys.readouterr().err
