"""Two languages at once in one process: there is no process-wide language (threads, as two
sessions of `serve` or an export from a screen in the other language would be)."""

from __future__ import annotations

from erqi_tui import store
from erqi_tui.core.i18n import EN, ZH


def test_two_languages_render_side_by_side_in_one_process(data):
    """There is no process-wide language: an English export written while a Chinese one is being
    written (two sessions of `serve`, the app exporting while its screen speaks the other language)
    is each the same as when written alone."""
    from concurrent.futures import ThreadPoolExecutor

    from erqi_tui.exchange import report

    dashboard = store.load(data)
    alone = {lang: report.to_markdown(dashboard, lang=lang) for lang in (ZH, EN)}
    assert "Investment" in alone[EN] and "招商引资" in alone[ZH]
    with ThreadPoolExecutor(4) as pool:
        runs = [(lang, pool.submit(report.to_markdown, dashboard, lang=lang)) for lang in (ZH, EN) * 20]
    assert all(future.result() == alone[lang] for lang, future in runs)

