"""The invented example year (data/example-year.toml and its journal), for demos: a whole year with
monthly figures for every target, withdrawals and briefing marks, and 示例（虚构） wherever it shows."""

from __future__ import annotations

from erqi_tui.core.i18n import ZH
from erqi_tui import cli, store
from erqi_tui.exchange import report
from erqi_tui.core.series import series

EXAMPLE = cli.bundled_data(cli.EXAMPLE)


def test_a_whole_year_for_every_target():
    dashboard = store.load(EXAMPLE)
    assert len(dashboard.projects) >= 40 and len(dashboard.briefings) == 3
    for target in dashboard.targets:
        months = {p.date.month for p in series(dashboard, target.id)}
        assert months == set(range(1, 12)), target.id  # January in the file, then a figure a month
    withdrawn = [c for c in dashboard.changes if c.withdrawn]
    assert len(withdrawn) == 3 and all("录入错误" in c.withdrawn.note for c in withdrawn)


def test_it_says_it_is_invented_in_every_export():
    dashboard = store.load(EXAMPLE)
    for export in (report.to_markdown, report.to_html, report.to_csv, report.to_json):
        assert "示例（虚构）" in export(dashboard, lang=ZH)


def test_example_opens_it_read_only(capsys):
    assert cli.main(["--example", "check"]) == 0
    assert "example-year.toml" in capsys.readouterr().out
    assert cli.main(["--example", "--data", "x.toml", "check"]) == 2
