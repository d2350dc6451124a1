"""Settings under the XDG config folder: theme, key remaps, colour choice; kept between starts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from erqi_tui.store import config
from erqi_tui import store
from erqi_tui.ui.app import ErqiApp
from erqi_tui.store.config import Config

from ..conftest import BUNDLED
from .helpers import make_app, run_with, screen_text


def test_config_path_follows_xdg():
    assert config.config_path({"XDG_CONFIG_HOME": "/x"}) == config.Path("/x/erqi-tui/config.toml")
    assert config.config_path({"HOME": "/home/u"}) == config.Path("/home/u/.config/erqi-tui/config.toml")


def test_missing_settings_file_means_defaults(tmp_path):
    assert config.load_config(tmp_path / "none.toml") == Config()


def test_bad_settings_name_file_line_and_key(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('lang = "fr"\n\n[keys]\nreload = "f5"\nlaunch = "l"\n', encoding="utf-8")
    with pytest.raises(store.DataError) as caught:
        config.load_config(path, ErqiApp.binding_ids)
    found = {(p.line, p.key) for p in caught.value.problems}
    assert found == {(1, "lang"), (5, "keys.launch")}


def test_a_theme_from_textuals_list_is_kept_and_an_unknown_one_falls_back(tmp_path):
    path = tmp_path / "erqi-tui" / "config.toml"
    app = make_app()
    app.settings_path = path

    async def pick(pilot):
        pilot.app.theme = "nord"  # offered by the command palette too
        await pilot.pause()
        assert "主题已保存在设置中" in screen_text(pilot.app)  # kept, and said so

    run_with(app, pick)
    assert config.load_config(path).theme == "nord"
    fallback = ErqiApp(BUNDLED, store.load(BUNDLED), watch=False, settings=Config(theme="purple"))
    seen = []

    async def check(pilot):
        await pilot.pause(0.3)
        seen.append((pilot.app.theme, screen_text(pilot.app)))

    run_with(fallback, check)
    assert seen[0][0] == "erqi-dark" and "purple" in seen[0][1]


def test_app_with_bad_settings_exits_2_naming_the_file(tmp_path):
    (tmp_path / "erqi-tui").mkdir()
    (tmp_path / "erqi-tui" / "config.toml").write_text('lang = "fr"\n', encoding="utf-8")
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "erqi_tui"], capture_output=True, text=True, env=env,
                            timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{tmp_path / 'erqi-tui' / 'config.toml'}:1: lang（语言）: 应为以下之一：zh, en" in result.stderr


def test_theme_chosen_in_the_app_is_kept(tmp_path):
    path = tmp_path / "erqi-tui" / "config.toml"
    app = make_app()
    app.settings_path = path

    async def check(pilot):
        pilot.app.theme = "erqi-contrast"
        await pilot.pause()

    run_with(app, check)
    assert config.load_config(path) == Config(theme="erqi-contrast")


def test_remapped_key_works_and_shows_in_help_and_footer(tmp_path):
    data = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, data)
    app = ErqiApp(data, store.load(data), watch=False, settings=Config(keys={"reload": "f5"}))

    async def check(pilot):
        assert "f5 重新载入" in screen_text(pilot.app)
        data.write_text(data.read_text(encoding="utf-8").replace("value = 13,", "value = 18,"), encoding="utf-8")
        await pilot.press("r")  # no longer bound
        await pilot.pause()
        assert "13 / 30个以上" in screen_text(pilot.app)
        await pilot.press("f5")
        await pilot.pause()
        assert "18 / 30个以上" in screen_text(pilot.app)
        assert ("全局", "f5", "重新载入") in pilot.app.help_rows()
        from erqi_tui.ui.screens.palette import palette_commands

        lines = {c.title: c.help for c in palette_commands(pilot.app)}
        assert lines["重新载入数据"] == "重新读取数据文件（按键 f5）"  # the palette follows the remap too
        assert lines["导出本页图片"] == "把当前页保存为 SVG（按键 x）"

    run_with(app, check)


@pytest.mark.parametrize("environ, system", [
    ({"TERM": "xterm-256color"}, "256"),                         # ssh: COLORTERM is not forwarded
    ({"TERM": "xterm-256color", "COLORTERM": "truecolor"}, "truecolor"),
    ({"TERM": "xterm"}, "standard"),                             # PuTTY's default: 16 colours
    ({"TERM": "screen"}, "standard"),
])
def test_colour_system_follows_the_terminal(monkeypatch, environ, system):
    for name in ("TERM", "COLORTERM", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert make_app().console.color_system == system


def test_no_color_is_honoured(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert make_app().no_color


def test_english_throughout_and_kept(tmp_path):
    path = tmp_path / "erqi-tui" / "config.toml"
    app = ErqiApp(BUNDLED, store.load(BUNDLED), watch=False, settings=Config(lang="en"), settings_path=path)
    screens = []

    async def check(pilot):
        for key in ("1", "2", "3", "4", "5"):
            await pilot.press(key)
            await pilot.pause()
            screens.append(screen_text(pilot.app))
        await pilot.press("l")  # back to Chinese, for this session only: nothing is written
        await pilot.pause()
        screens.append(screen_text(pilot.app))

    run_with(app, check, size=(100, 50))  # tall enough for each pane whole
    overview, investment, layout, business, projects, chinese = screens
    assert "Erqi District, Zhengzhou: targets for 2024" in overview
    assert "10.796 / 30+ bn CNY" in overview and "behind 5.7 pp" in overview
    assert "Headline figures" in overview and "Investment completed in Q1" in overview
    assert "Pipeline" in investment and "Projects in talks" in investment and "Events" in investment
    assert "Songshan Road" in layout and "Started" in layout
    assert "Government services" in business and "46,000+" in business
    assert "10 / 10 projects" in projects and "Investment" in projects
    assert "Master Kong beverages northern regional" in projects  # the name in the English the file gives
    assert "1 总览" in chinese
    assert not path.exists() and config.load_config(path).lang == "zh"


def test_other_district_in_english_keeps_its_names():
    from ..conftest import TEST_DATA

    data = TEST_DATA / "other_district.toml"
    app = ErqiApp(data, store.load(data), watch=False, settings=Config(lang="en"))
    seen = []

    async def check(pilot):
        seen.append(screen_text(pilot.app))

    run_with(app, check)
    assert "河西区, 滨江市: targets for 2025" in seen[0] and "新增就业岗位" in seen[0] and "9,500 / 12,000" in seen[0]


def test_unknown_key_names_are_named_ignored_and_neutralised(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[keys]\nreload = "f5,f99"\nquit = "\\u001b[2J"\n', encoding="utf-8")
    from erqi_tui.ui.screens.help import key_known

    settings = config.load_config(path, ErqiApp.binding_ids, key_known)
    assert settings.keys == {"reload": "f5"}  # the known key is kept, the others left out
    assert any('"f99"' in n for n in settings.notices)
    assert all("\x1b" not in n for n in settings.notices) and any("␛[2J" in n for n in settings.notices)
    from erqi_tui.core.i18n import EN, ZH
    from erqi_tui.core.problems import in_language

    # said in the reader's language (a Chinese session was told in English before)
    assert all("未知的按键名" in in_language(n, ZH) and "unknown key name" in in_language(n, EN) for n in settings.notices)


def test_two_apps_saving_settings_at_once_keep_both_changes(tmp_path):
    path = tmp_path / "erqi-tui" / "config.toml"
    config.save_config(path, theme="erqi-light")
    config.save_config(path, lang="en")  # another app, which read the file before the theme changed
    assert config.load_config(path) == Config(theme="erqi-light", lang="en")


def test_a_broken_settings_file_is_not_overwritten(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('lang = "fr"\n# 我的设置\n', encoding="utf-8")
    with pytest.raises(store.DataError):
        config.save_config(path, theme="erqi-light")
    assert path.read_text(encoding="utf-8") == 'lang = "fr"\n# 我的设置\n'


def test_a_name_with_escape_sequences_shows_literally_in_the_form(tmp_path):
    from erqi_tui.ui.screens.forms import UpdateForm

    data = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, data)
    data.write_text(data.read_text(encoding="utf-8").replace(
        'name = "嵩南印象城"', 'name = "嵩南\\u001b]0;pwned\\u0007印象城"'), encoding="utf-8")
    app = make_app(data)

    async def check(pilot):
        project = next(p for p in pilot.app.dashboard.projects if "嵩南" in p.name)
        pilot.app.open_project_form(project.id)
        await pilot.pause()
        assert isinstance(pilot.app.screen, UpdateForm)
        text = screen_text(pilot.app)
        assert "嵩南␛]0;pwned␇印象城" in text and "\x1b" not in text
        await pilot.press("escape")

    run_with(app, check)
