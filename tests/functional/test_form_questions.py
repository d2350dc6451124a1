"""The app's forms ask what `erqi-tui import` asks before a figure that looks wrong is recorded
(issue 23): a figure 10× off the one in force or over 10× the target, a percent typed as a fraction,
a date before the current figure's. The question stands under its field, in the words the import's
preview uses (core.written), and nothing is saved until the user saves again ("仍然保存")."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from textual.widgets import Button, Input, Static

from erqi_tui.core.i18n import ZH
from erqi_tui import store
from erqi_tui.core.model import Quantity, Update
from erqi_tui.store import journal
from erqi_tui.ui.screens.forms import UpdateForm

from ..conftest import BUNDLED
from .helpers import make_app, run_with, screen_text

PERCENTS = """
[[target]]
id = "broadband"
name = "千兆宽带覆盖率"
target = { value = 90, unit = "%" }
"""

WORDS = {
    "zh": {"again": "仍然保存", "save": "保存", "10,000×": "1079600", "100 亿元": "100",  # typed in 亿元
           "ten": "？是 2024-05-31 的 107.96 亿元 的 10,000 倍：单位或小数点是否有误？",
           "fraction": "？是否把 96.5% 写成了 0.965？",
           "history": "？记入历史，不改变当前的 107.96 亿元（截至 2024-05-31）",
           "investment": "？是 2024-05-31 的 10 亿元 的 10,000 倍：单位或小数点是否有误？",
           "goal": "？超过年度目标 90 % 的 10 倍：单位或小数点是否有误？"},
    "en": {"again": "Save anyway", "save": "Save", "10,000×": "107960", "100 亿元": "10",  # in bn CNY, as shown
           "ten": "? 10,000× the 10.796 bn CNY of 2024-05-31: wrong unit or decimal point?",
           "fraction": "? was 96.5% written as 0.965?",
           "history": "? joins the history; the current 10.796 bn CNY (as of 2024-05-31) stays",
           "investment": "? 10,000× the 1 bn CNY of 2024-05-31: wrong unit or decimal point?",
           "goal": "? over 10× the year's target of 90 %: wrong unit or decimal point?"},
}


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, path)
    with path.open("a", encoding="utf-8") as file:
        file.write(PERCENTS)
    return path


def line_under(form: UpdateForm, field: str) -> str:
    """The message under `field` as shown, or "" when none is."""
    line = form.query_one(f"#error-{field}", Static)
    return str(line.render()) if line.has_class("-shown") else ""


async def saved_at_the_first_enter(pilot, form: UpdateForm) -> None:
    """Enter in `form`: it closes, saved, nothing asked."""
    await pilot.press("enter")
    for _ in range(40):
        if pilot.app.screen is not form:
            break
        await pilot.pause(0.05)
    assert pilot.app.screen is not form, line_under(form, "current")


async def ask_then_confirm(pilot, data, typed: dict[str, str], field: str, question: str, words: dict[str, str]) -> None:
    """Type `typed` into the open form and press Enter: the question stands under `field`, nothing
    is saved, 保存 reads 仍然保存; Enter again saves."""
    form = pilot.app.screen
    assert isinstance(form, UpdateForm)
    for name, value in typed.items():
        form.query_one(f"#field-{name}", Input).value = value
    await pilot.press("enter")
    await pilot.pause()
    assert pilot.app.screen is form  # held: nothing saved
    assert line_under(form, field) == question
    assert form.query_one(f"#error-{field}").has_class("-question")
    assert [name for name, *_ in form.fields if line_under(form, name)] == [field]  # asked where it belongs
    assert str(form.query_one("#save", Button).label) == words["again"]
    assert question in screen_text(pilot.app) and form.query_one(f"#error-{field}").size.height == 1  # one line, at 80 wide
    assert not journal.journal_path(data).exists()
    await pilot.press("enter")  # the confirmation
    for _ in range(40):
        if pilot.app.screen is not form:
            break
        await pilot.pause(0.05)
    assert pilot.app.screen is not form


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_figure_ten_thousand_times_off_is_asked_and_saved_only_when_confirmed(data, lang):
    words = WORDS[lang]

    async def check(pilot):
        pilot.app.open_target_form("signed-amount")
        await pilot.pause()
        await ask_then_confirm(pilot, data, {"current": words["10,000×"]}, "current", words["ten"], words)
        assert [c.new.value for c in pilot.app.dashboard.history("target", "signed-amount")] == [1079600]

    run_with(make_app(data, lang=lang), check)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_percent_typed_as_a_fraction_is_asked(data, lang):
    words = WORDS[lang]

    async def check(pilot):
        pilot.app.open_target_form("broadband")
        await pilot.pause()
        await ask_then_confirm(pilot, data, {"current": "0.965"}, "current", words["fraction"], words)
        assert [c.new.value for c in pilot.app.dashboard.history("target", "broadband")] == [0.965]

    run_with(make_app(data, lang=lang), check)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_figure_over_ten_times_the_target_is_asked(data, lang):
    words = WORDS[lang]

    async def check(pilot):
        pilot.app.open_target_form("broadband")  # no figure yet: only the target to go by
        await pilot.pause()
        await ask_then_confirm(pilot, data, {"current": "950"}, "current", words["goal"], words)
        assert [c.new.value for c in pilot.app.dashboard.history("target", "broadband")] == [950]

    run_with(make_app(data, lang=lang), check)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_back_dated_figure_says_it_does_not_replace_the_current_one(data, lang):
    words = WORDS[lang]

    async def check(pilot):
        pilot.app.open_target_form("signed-amount")
        await pilot.pause()
        await ask_then_confirm(pilot, data, {"current": words["100 亿元"], "date": "2024-04-30"}, "date", words["history"],
                               words)
        target = next(t for t in pilot.app.dashboard.targets if t.id == "signed-amount")
        assert target.current.value == 107.96  # the current figure stays, as the question said
        assert [(c.new.value, c.date.isoformat()) for c in pilot.app.dashboard.history("target", "signed-amount")] \
            == [(100, "2024-04-30")]

    run_with(make_app(data, lang=lang), check)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_projects_investment_ten_thousand_times_off_is_asked(data, lang):
    words = WORDS[lang]

    async def check(pilot):
        pilot.app.open_project_form("kangshifu")
        await pilot.pause()
        await ask_then_confirm(pilot, data, {"investment": "100000"}, "investment", words["investment"], words)
        history = pilot.app.dashboard.history("project", "kangshifu")
        assert [(c.field, c.new.value) for c in history] == [("investment", 100000)]

    run_with(make_app(data, lang=lang), check)


@pytest.mark.parametrize("lang, question", [
    ("zh", "？2024-03-31 已有 50 亿元，新填的是 60 亿元：以哪个为准？"),
    ("en", "? 2024-03-31 already has 5 bn CNY, the new figure is 6 bn CNY: which holds?")])
def test_a_figure_for_a_date_that_has_another_asks_which_holds(data, lang, question):
    store.record(data, Update("target", "signed-amount", {"current": Quantity(50, "亿元")}, dt.date(2024, 3, 31), "li"),
                 today=dt.date(2024, 6, 30), lang=ZH)

    async def check(pilot):
        pilot.app.open_target_form("signed-amount")
        await pilot.pause()
        form = pilot.app.screen
        form.query_one("#field-current", Input).value = "60" if lang == "zh" else "6"  # 60 亿元, as each language shows it
        form.query_one("#field-date", Input).value = "2024-03-31"
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is form
        assert line_under(form, "current") == question
        assert line_under(form, "date") == WORDS[lang]["history"]
        assert form.query_one("#error-current").size.height == form.query_one("#error-date").size.height == 1
        await pilot.press("enter")
        for _ in range(40):
            if pilot.app.screen is not form:
                break
            await pilot.pause(0.05)
        assert [c.new.value for c in pilot.app.dashboard.history("target", "signed-amount")] == [50, 60]

    run_with(make_app(data, lang=lang), check)


def test_a_likely_figure_is_saved_at_once_and_a_changed_one_is_asked_again(data):
    async def check(pilot):
        pilot.app.open_target_form("signed-amount")
        await pilot.pause()
        form = pilot.app.screen
        field = form.query_one("#field-current", Input)
        field.value = "1079600"
        await pilot.press("enter")
        await pilot.pause()
        field.value = "2159200"  # another figure: its own question, not the first one's confirmation
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is form and "20,000 倍" in line_under(form, "current")
        assert not journal.journal_path(data).exists()
        field.value = "140"  # a likely figure: saved at the first Enter
        await pilot.press("enter")
        for _ in range(40):
            if pilot.app.screen is not form:
                break
            await pilot.pause(0.05)
        assert pilot.app.screen is not form
        assert [c.new.value for c in pilot.app.dashboard.history("target", "signed-amount")] == [140]

    run_with(make_app(data), check)


@pytest.mark.parametrize("typed", ["0.965%", "0.965 %", "０.９６５％"])
def test_a_percent_typed_with_its_sign_is_meant_as_a_percent_and_saved_at_once(data, typed):
    """0.965 into a target of 90 % is asked (96.5% written as 0.965?); 0.965% with the sign is what
    was meant, and saved at the first Enter."""
    async def check(pilot):
        pilot.app.open_target_form("broadband")
        await pilot.pause()
        form = pilot.app.screen
        form.query_one("#field-current", Input).value = typed
        await saved_at_the_first_enter(pilot, form)
        assert [c.new for c in pilot.app.dashboard.history("target", "broadband")] == [Quantity(0.965, "%")]

    run_with(make_app(data), check)


@pytest.mark.parametrize("target, typed, date, said", [
    ("broadband", "-0", "2024-06-30", ""),  # -0 is 0
    ("signed-amount", "140", "２０２４-０６-３０", ""),  # full-width digits, as in a value
    ("signed-amount", "140", "2024-02-30", "2 月没有 30 日"),
    ("signed-amount", "140", "2023-02-29", "2023 年 2 月没有 29 日"),
    ("signed-amount", "140", "2024-13-01", "没有 13 月"),
])
def test_the_target_form_reads_zero_and_full_width_dates_and_says_a_day_that_does_not_exist(data, target, typed, date,
                                                                                              said):
    async def check(pilot):
        pilot.app.open_target_form(target)
        await pilot.pause()
        form = pilot.app.screen
        form.query_one("#field-current", Input).value = typed
        form.query_one("#field-date", Input).value = date
        await pilot.press("enter")
        for _ in range(40):
            if pilot.app.screen is not form or line_under(form, "date"):
                break
            await pilot.pause(0.05)
        if said:
            assert pilot.app.screen is form and line_under(form, "date") == said
            assert not line_under(form, "current")
            assert not journal.journal_path(data).exists()
        else:
            assert pilot.app.screen is not form
            change, = pilot.app.dashboard.history("target", target)
            assert (change.new.value, change.date) == (int(typed.replace("-", "")), dt.date(2024, 6, 30))

    run_with(make_app(data), check)


def test_a_number_of_400_digits_is_said_too_large_under_its_field(data):
    """It raised OverflowError (math.isfinite on the int) and the app stopped with a traceback."""
    async def check(pilot):
        pilot.app.open_target_form("signed-amount")
        await pilot.pause()
        form = pilot.app.screen
        form.query_one("#field-current", Input).value = "9" * 400
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is form and line_under(form, "current") == "数值太大：最多 1e+15"
        assert not journal.journal_path(data).exists()

    run_with(make_app(data), check)


def test_the_english_form_takes_the_figure_in_the_unit_the_cards_show(data):
    """The English card says 10.796 bn CNY: its form asks in bn CNY and shows 10.796, and 11 typed
    there is 110 亿元 in the file (it was read as 11 亿元: a tenth of what was meant, and not asked)."""

    async def check(pilot):
        pilot.app.open_target_form("signed-amount")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, UpdateForm)
        assert form.query_one("#field-current", Input).value == "10.796"
        assert "Current value (bn CNY;" in screen_text(pilot.app) and "亿元" not in screen_text(pilot.app)
        form.query_one("#field-current", Input).value = "11"
        form.query_one("#field-date", Input).value = "2024-06-30"
        await saved_at_the_first_enter(pilot, form)
        assert [c.new for c in pilot.app.dashboard.history("target", "signed-amount")] == [Quantity(110, "亿元")]

    run_with(make_app(data, lang="en"), check)
