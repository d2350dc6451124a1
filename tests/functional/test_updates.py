"""Recording updates in the app, and the files changing under it: saved safely, reloaded live,
never crashing on a broken file, never clobbering someone else's save."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Input

from erqi_tui.core.i18n import ZH
from erqi_tui.store import journal
from erqi_tui import store
from erqi_tui.core.model import Quantity, Update
from erqi_tui.ui.panes.projects import ProjectsPane, ProjectTable
from erqi_tui.ui.screens.forms import UpdateForm
from erqi_tui.ui.widgets.cards import TargetCard

from .helpers import make_app, run_with, screen_text


def test_wrong_input_is_explained_beside_the_field_and_nothing_is_saved(data):
    async def check(pilot):
        pilot.app.open_target_form("signed-amount")
        await pilot.pause()
        await pilot.press(*"abc", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, UpdateForm)
        assert "应为数字，如 120.5、1,234、140以上、约133" in screen_text(pilot.app)
        assert not journal.journal_path(data).exists()

    run_with(make_app(data), check)


def save_elsewhere(data, target, value, unit, who="li", date=dt.date(2024, 6, 20)):
    """Another official's save, from another process as far as the app can tell."""
    store.record(data, Update("target", target, {"current": Quantity(value, unit)}, date, who, "另一处录入"),
                 today=dt.date(2024, 6, 30), lang=ZH)


@pytest.mark.parametrize("live_reload", [False, True])
def test_a_save_over_a_change_made_since_the_form_opened_says_who_and_waits_for_confirmation(data, live_reload):
    # With live reload on, the other save reaches the app before the user presses Enter: the
    # form must still notice that its target changed since it was opened.
    app = make_app(data)
    app.watch_files = live_reload

    async def check(pilot):
        pilot.app.open_target_form("signed-amount")
        await pilot.pause()
        save_elsewhere(data, "signed-amount", 140, "亿元")
        await pilot.pause(1.0 if live_reload else 0)
        await pilot.press(*"160", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, UpdateForm)  # still open, with the user's input
        text = screen_text(pilot.app)
        assert "li 于" in text and "107.96 亿元 改为 140 亿元" in text and "仍然保存" in text
        target = next(t for t in pilot.app.dashboard.targets if t.id == "signed-amount")
        assert target.current.value == 140  # the dashboard behind the form shows li's figure
        await pilot.press("enter")  # the explicit confirmation
        await pilot.pause()
        assert not isinstance(pilot.app.screen, UpdateForm)
        assert "160 / 300亿元以上" in screen_text(pilot.app)
        history = pilot.app.dashboard.history("target", "signed-amount")
        assert [(c.who, c.new.value) for c in history] == [("li", 140), ("tester", 160)]  # both kept

    run_with(app, check)


def test_a_save_after_a_change_to_another_target_needs_no_confirmation(data):
    app = make_app(data)
    app.watch_files = False

    async def check(pilot):
        pilot.app.open_target_form("signed-amount")
        await pilot.pause()
        save_elsewhere(data, "new-projects", 20, "个")
        await pilot.press(*"160", "enter")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, UpdateForm)
        text = screen_text(pilot.app)
        assert "20 / 30个以上" in text and "160 / 300亿元以上" in text  # both saves kept

    run_with(app, check)


def test_a_change_on_disk_shows_within_a_second_keeping_pane_and_row(data):
    async def check(pilot):
        await pilot.press("5", "down", "down")
        table = pilot.app.query_one(ProjectTable)
        assert table.selected_id == "liandong-ugu"
        data.write_text(data.read_text(encoding="utf-8").replace(
            'name = "嵩南印象城"', 'name = "嵩南印象城（二期）"'), encoding="utf-8")
        await pilot.pause(1.0)
        assert pilot.app.current_pane == "projects"
        table = pilot.app.query_one(ProjectTable)
        assert table.selected_id == "liandong-ugu"
        assert "嵩南印象城（二期）" in screen_text(pilot.app)

    run_with(make_app(data), check)


def test_filter_and_order_survive_a_reload(data, monkeypatch):
    fills = []
    refill = ProjectsPane.refill
    monkeypatch.setattr(ProjectsPane, "refill", lambda self, **kw: (fills.append(1), refill(self, **kw)))

    async def check(pilot):
        await pilot.press("5", "s", "s", "slash", *"开工", "escape")
        fills.clear()
        store.record(data, Update("project", "kangshifu", {"status": "投产"}, dt.date(2024, 6, 1), "x"),
                     today=dt.date(2024, 6, 30), lang=ZH)
        await pilot.pause(1.0)
        assert pilot.app.query_one("#filter", Input).value == "开工"
        assert "按“状态”升序" in screen_text(pilot.app)
        assert pilot.app.query_one(ProjectTable).row_count == 3  # 康师傅 is 投产 now
        assert len(fills) == 1  # the reloaded table is filled once, as at start-up (it was twice)

    run_with(make_app(data), check)


def test_a_broken_file_on_disk_keeps_the_last_good_data_until_fixed(data):
    good = data.read_text(encoding="utf-8")

    async def check(pilot):
        data.write_text(good.replace("year = 2024", 'year = "2024"'), encoding="utf-8")
        await pilot.pause(1.0)
        text = screen_text(pilot.app)
        assert "13 / 30个以上" in text  # the last good data
        assert "数据文件有误" in text and "年度" in text  # year（年度）, the key in words; the line may wrap anywhere
        data.write_text(good.replace("value = 13,", "value = 14,"), encoding="utf-8")
        await pilot.pause(1.0)
        text = screen_text(pilot.app)
        assert "14 / 30个以上" in text and "数据文件有误" not in text

    run_with(make_app(data), check)


def test_bundled_data_is_read_only_in_the_app():
    app = make_app()
    app.session.read_only = True

    async def check(pilot):
        pilot.app.open_target_form("signed-amount")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, UpdateForm)
        assert "只读" in screen_text(pilot.app)

    run_with(app, check)


def test_a_card_with_a_trend_keeps_its_verdict_at_80x24(data):
    async def check(pilot):
        pilot.app.open_target_form("signed-amount")
        await pilot.pause()
        await pilot.press(*"150", "enter")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "趋势" in text and "完成 50.0%" in text and "持平" in text  # exactly on schedule at 30 June

    run_with(make_app(data), check, size=(80, 24))


def test_a_large_file_reloads_in_the_background_with_a_line_saying_so(data, monkeypatch):
    import threading

    monkeypatch.setattr(store, "LARGE_FILE", 0)  # the bundled file stands in for a city's
    release = threading.Event()
    read = store.read

    def slow_read(path, reuse=None):
        assert release.wait(10)
        return read(path, reuse)

    async def check(pilot):
        monkeypatch.setattr(store, "read", slow_read)
        data.write_text(data.read_text(encoding="utf-8").replace("value = 13,", "value = 14,"), encoding="utf-8")
        await pilot.pause(1.0)  # the change is seen; the reading thread waits
        text = screen_text(pilot.app)
        assert "正在重新载入 targets.toml" in text and "13 / 30个以上" in text
        await pilot.press("2")  # the dashboard still answers keys
        await pilot.pause()
        assert pilot.app.current_pane == "investment"
        update = Update("target", "new-projects", {"current": Quantity(15, "个")}, dt.date(2024, 6, 1), "x")
        assert "稍后再保存" in await pilot.app.save_update(update)  # not saved over a file being read
        release.set()
        await pilot.pause(1.0)
        text = screen_text(pilot.app)
        assert "14 / 30个以上" in text and "正在重新载入" not in text

    run_with(make_app(data), check)


@pytest.mark.slow
def test_two_running_apps_follow_a_writer_recording_100_updates(data):
    """Soak: two dashboards open on one file while a script records 100 updates; one official also
    saves in the middle. Both end on the last value, every update is kept, nothing crashes."""
    import asyncio
    import threading

    first, second = make_app(data), make_app(data)
    done = threading.Event()

    def writer():
        for n in range(1, 101):
            store.record(data, Update("target", "signed-amount", {"current": Quantity(100 + n, "亿元")},
                                      dt.date(2024, 6, 30), "script"), today=dt.date(2024, 6, 30), lang=ZH)
        done.set()

    async def body():
        async with first.run_test(size=(100, 30)) as one, second.run_test(size=(100, 30)) as two:
            thread = threading.Thread(target=writer)
            thread.start()
            await one.pause(0.3)
            # Keys, not a direct call: the form must be opened by the first app's own task, as two
            # apps share this process only in the test. The panes are rebuilt on every reload, so
            # the keys are pressed until they take (a person presses them slower than a reload).
            for _ in range(50):
                if isinstance(first.screen, UpdateForm):
                    break
                focused = first.focused
                if isinstance(focused, TargetCard) and focused.progress.target.id == "new-projects":
                    await one.press("e")
                else:
                    await one.press("tab")
                await one.pause(0.05)
            assert isinstance(first.screen, UpdateForm)
            first.screen.query_one("#field-current", Input).value = "21"
            await one.press("enter")  # an official's own save among the script's
            for _ in range(100):
                if not isinstance(first.screen, UpdateForm):
                    break
                await one.pause(0.05)
            assert not isinstance(first.screen, UpdateForm), screen_text(first)
            while not done.is_set():
                await asyncio.sleep(0.1)
            thread.join()
            def settled(app):
                values = {t.id: t.current.value for t in app.dashboard.targets if t.current}
                return (values["signed-amount"] == 200 and values["new-projects"] == 21
                        and "200 / 300亿元以上" in screen_text(app))

            for _ in range(100):  # a poll and a reload each, within a second on an idle machine
                if settled(first) and settled(second):
                    break
                await asyncio.sleep(0.1)
            for app in (first, second):
                values = {t.id: t.current.value for t in app.dashboard.targets if t.current}
                assert values["signed-amount"] == 200 and values["new-projects"] == 21
                assert "200 / 300亿元以上" in screen_text(app)
    asyncio.run(body())
    assert len(store.load(data).history("target", "signed-amount")) == 100


def test_each_card_is_judged_at_its_own_date_and_says_so_at_80x24(data):
    # 签约额 recorded for 30 June; 新签约产业项目 still stands at 31 May: it stays 超前 (judged at
    # 31 May), is not in 预警, and shows its date; a project update of 20 July makes it stale.
    save_elsewhere(data, "signed-amount", 140, "亿元", date=dt.date(2024, 6, 30))
    store.record(data, Update("project", "kangshifu", {"status": "投产"}, dt.date(2024, 7, 20), "wang"),
                 today=dt.date(2024, 7, 31), lang=ZH)

    async def check(pilot):
        text = screen_text(pilot.app)
        assert "截至 2024-07-20" in text and "各目标按其数值的日期判断" in text
        assert "完成 43.3% · 05-31 旧" in text and "超前 1.7 个百分点" in text
        assert "完成 46.7% · 06-30" in text
        warnings = text[text.index("预警"):]
        assert "新签约产业项目" not in warnings.split("要闻数据")[0]

    run_with(make_app(data), check, size=(80, 24))


def test_as_of_judges_everything_at_one_date_and_says_so(data):
    save_elsewhere(data, "signed-amount", 140, "亿元", date=dt.date(2024, 6, 30))

    async def check(pilot):
        text = screen_text(pilot.app)
        assert "假设截至 2024-06-30" in text and "所有目标都按这一天判断" in text
        assert "落后 6.7 个百分点" in text  # 新签约产业项目 13/30 judged at 30 June: 43.3% against 50%

    run_with(make_app(data, as_of=dt.date(2024, 6, 30)), check)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
def test_the_status_list_shows_whole_names(data, size):
    async def check(pilot):
        await pilot.press("5", "e")
        await pilot.pause()
        await pilot.press("tab", "enter")  # the status list opens over the fields below it
        await pilot.pause()
        text = screen_text(pilot.app)
        for name in ("在谈", "签约", "开工", "投产"):
            assert name in text, text

    run_with(make_app(data), check, size=size)


def hold_lock(data, seconds: float):
    """Another writer holding the journal's lock for `seconds` (a slow disk, a big import)."""
    import threading

    from erqi_tui.store import files

    taken, release = threading.Event(), threading.Event()

    def hold():
        with files.locked(journal.journal_path(data)):
            taken.set()
            release.wait(seconds)

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    taken.wait(5)
    return release, thread


def test_a_busy_lock_is_said_waited_for_and_saved_through_and_the_form_answers_meanwhile(data):
    app = make_app(data)
    app.watch_files = False

    async def check(pilot):
        release, holder = hold_lock(data, 30)
        pilot.app.open_target_form("signed-amount")
        await pilot.pause()
        await pilot.press(*"160", "enter")
        await pilot.pause(0.6)
        form = pilot.app.screen
        assert isinstance(form, UpdateForm)
        assert "正有他人保存，稍候" in screen_text(pilot.app)
        await pilot.press("9")  # what was typed is what is saved: the fields hold while the save waits
        await pilot.pause()
        assert form.query_one("#field-current", Input).value == "160"
        await pilot.press("q")  # nor does a key typed then reach the app's (quit)
        await pilot.pause()
        assert pilot.app.is_running and pilot.app.screen is form
        release.set()
        holder.join(5)
        for _ in range(20):
            await pilot.pause(0.1)
            if not isinstance(pilot.app.screen, UpdateForm):
                break
        assert not isinstance(pilot.app.screen, UpdateForm)  # saved once the other writer was done
        text = screen_text(pilot.app)
        assert "160 / 300亿元以上" in text
        assert "有误" not in text  # a healthy file is never called broken
        assert [c.new.value for c in pilot.app.dashboard.history("target", "signed-amount")] == [160]

    run_with(app, check)


def test_esc_stops_waiting_for_a_busy_lock_and_keeps_the_form(data):
    app = make_app(data)
    app.watch_files = False

    async def check(pilot):
        release, holder = hold_lock(data, 30)
        try:
            pilot.app.open_target_form("signed-amount")
            await pilot.pause()
            await pilot.press(*"160", "enter")
            await pilot.pause(0.6)
            await pilot.press("escape")
            await pilot.pause(0.6)
            assert isinstance(pilot.app.screen, UpdateForm)  # what was typed stays
            text = screen_text(pilot.app)
            assert "已取消" in text and "有误" not in text
            assert not journal.journal_path(data).exists()
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(pilot.app.screen, UpdateForm)
        finally:
            release.set()
            holder.join(5)

    run_with(app, check)
