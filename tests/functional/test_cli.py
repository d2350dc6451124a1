"""The command line as a user types it: check, --help, --version, bad input exits 2 with no traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from erqi_tui import __version__, cli
from erqi_tui.cli import bundled_data

from ..conftest import BUNDLED, TEST_DATA


def erqi(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "erqi_tui", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=60)


def test_check_valid_file_exits_0():
    result = erqi("check", str(BUNDLED))
    assert result.returncode == 0
    assert "无误" in result.stdout and "10 个项目" in result.stdout


def test_check_invalid_file_exits_2_with_one_line_per_problem(write_toml):
    path = write_toml('[meta]\ndistrict = "x"\nyear = "2024"\n\n[[figure]]\nlabel = "a"\nvalue = -1\n'
                      'unit = "个"\npane = "business"\n')
    before = path.read_bytes()
    result = erqi("check", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    # in the UI's language, Chinese, the key in words first
    assert f"{path}:3: 文件信息（[meta]）的 year（年度）: 应为年份，如 2024" in result.stderr
    assert f"{path}:7: 第 1 个数据（[[figure]] 第 1 项）的 value（数值）: 应为不小于 0 的数字，实为 -1" in result.stderr
    assert f"{path}:1: 文件信息（[meta]）的 as_of（数据截至）: 缺少" in result.stderr
    assert path.read_bytes() == before  # never touched


def test_app_with_invalid_data_exits_2_before_the_screen_starts(write_toml):
    path = write_toml("not toml at all [")
    result = erqi("--data", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and f"{path}:1" in result.stderr


def test_missing_file_exits_2():
    result = erqi("check", "/nonexistent/targets.toml")
    assert result.returncode == 2 and "文件不存在" in result.stderr and "Traceback" not in result.stderr


def test_binary_garbage_exits_2(tmp_path):
    path = tmp_path / "garbage.toml"
    path.write_bytes(bytes(range(256)) * 4)
    result = erqi("check", str(path))
    assert result.returncode == 2 and "UTF-8" in result.stderr and "Traceback" not in result.stderr


def test_version():
    result = erqi("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"erqi-tui {__version__}"


def test_help_lists_the_options():
    result = erqi("--help")
    assert result.returncode == 0
    for option in ("--data", "--as-of", "--version", "check"):
        assert option in result.stdout


def test_bad_as_of_date_is_refused():
    result = erqi("--as-of", "2024-13-01")
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr


def test_other_district_checks_clean():
    assert erqi("check", str(TEST_DATA / "other_district.toml")).returncode == 0


def test_bundled_data_is_found_and_is_the_shipped_file():
    path = bundled_data()
    assert path.is_file()
    assert path.read_bytes() == BUNDLED.read_bytes()


def test_the_dashboard_refuses_to_start_when_output_is_not_a_terminal():
    result = erqi("--data", str(BUNDLED))  # stdout is a pipe here
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "需要在终端中运行" in result.stderr and result.stderr.count("\n") == 1


def test_export_to_standard_output_by_dash_or_dev_stdout():
    for target in ("-", "/dev/stdout"):
        result = erqi("export", "--format", "json", "-o", target)
        assert result.returncode == 0 and result.stdout.startswith("{"), result.stderr


def test_export_writes_through_a_symlink_and_keeps_it(tmp_path):
    real = tmp_path / "brief.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.md"
    link.symlink_to(real)
    assert erqi("export", "-o", str(link)).returncode == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("# 郑州市二七区")


def test_export_creates_files_with_the_permissions_the_umask_allows(tmp_path):
    import os
    import stat

    old = os.umask(0o002)
    try:
        assert erqi("export", "-o", str(tmp_path / "brief.md")).returncode == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "brief.md").stat().st_mode) == 0o664


def test_a_fifo_as_the_data_file_is_refused_at_once_by_every_command(tmp_path):
    import os

    fifo = tmp_path / "data.toml"
    os.mkfifo(fifo)
    for args in (["check", str(fifo)], ["export", "--data", str(fifo)], ["--data", str(fifo)]):
        result = erqi(*args)
        assert result.returncode == 2 and "是 FIFO" in result.stderr and "Traceback" not in result.stderr


def test_export_to_a_folder_or_an_impossible_path_says_why(tmp_path):
    for target, says in ((tmp_path, "是文件夹"), (tmp_path / "no" / "such" / "dir.md", "所在的文件夹不存在")):
        result = erqi("export", "-o", str(target))
        assert result.returncode == 2 and says in result.stderr and "Traceback" not in result.stderr


def test_the_svg_picture_is_for_a_briefing(tmp_path):
    out = tmp_path / "pane.svg"
    assert erqi("export", "--format", "svg", "--pane", "investment", "-o", str(out)).returncode == 0
    picture = out.read_text(encoding="utf-8")
    assert "<circle" not in picture  # no window buttons
    assert "cdnjs" not in picture and "url(" not in picture.replace("url(#", "")  # no font from outside
    assert "郑州市二七区&#160;2024&#160;年目标&#160;—&#160;2024年5月&#160;—&#160;招商引资" in picture  # 五月, as the article says
    assert "Noto Sans Mono CJK SC" in picture


def test_help_speaks_the_chosen_language(tmp_path):
    import os

    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path)}  # no remembered language: Chinese
    zh = subprocess.run([sys.executable, "-m", "erqi_tui", "--help"], capture_output=True, text=True,
                        encoding="utf-8", env=env, timeout=60).stdout
    assert zh.startswith("用法：") and "显示此帮助并退出" in zh and "show this help" not in zh
    en = subprocess.run([sys.executable, "-m", "erqi_tui", "--lang", "en", "--help"], capture_output=True,
                        text=True, encoding="utf-8", env=env, timeout=60).stdout
    assert en.startswith("usage:") and "the data file to show" in en
    (tmp_path / "erqi-tui").mkdir()
    (tmp_path / "erqi-tui" / "config.toml").write_text('lang = "en"\n', encoding="utf-8")
    remembered = subprocess.run([sys.executable, "-m", "erqi_tui", "check", "--help"], capture_output=True,
                                text=True, encoding="utf-8", env=env, timeout=60).stdout
    assert "the data file to check" in remembered  # the language chosen in the app is remembered
    assert "二七" not in zh + en


def test_the_spinner_for_a_large_file_speaks_the_language_and_shows_the_name_as_data(tmp_path, monkeypatch):
    import io
    import time

    from erqi_tui.core.i18n import EN

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    path = tmp_path / "big\x1b]0;owned\x07.toml"
    path.write_text("x" * 100, encoding="utf-8")
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    with cli.loading_indicator(path, 10, lang=EN):
        time.sleep(0.35)
    written = screen.getvalue()
    assert "erqi-tui: reading big" in written and "MB)… " in written and "正在读取" not in written
    assert "\x1b]0;" not in written and "\x07" not in written  # the name could not retitle the terminal


@pytest.mark.parametrize("argv, says", [
    (["export", "--example", "--format", "md"], "# 示例市示例（虚构）河湾区"),
    (["check", "--lang", "en", "--example"], "example-year.toml: OK"),
])
def test_the_shared_options_work_after_the_command_too(argv, says, capsys):
    """`export --example` and `check --lang en` were refused as unknown after the command, where
    `export --lang en` and `export --data` were taken."""
    assert cli.main(argv) == 0
    assert says in capsys.readouterr().out


def test_a_what_if_outside_the_datas_year_is_refused(tmp_path, capsys):
    """--as-of 0001-01-01 judged every 2024 target ahead (no time passed), without a word."""
    assert cli.main(["export", "--as-of", "0001-01-01", "--format", "md", "-o", str(tmp_path / "b.md")]) == 2
    assert "--as-of 0001-01-01 不在数据的年度（2024 年）内" in capsys.readouterr().err and not (tmp_path / "b.md").exists()
    assert cli.main(["export", "--as-of", "2024-09-30", "--format", "md", "-o", str(tmp_path / "b.md")]) == 0


def test_a_files_problems_are_said_in_the_order_of_its_lines(tmp_path, capsys):
    """An id given twice (line 46) was said last, after four problems that follow from it further
    down (the stages and projects naming the id it replaced): problems come in the file's order."""
    path = tmp_path / "t.toml"
    path.write_text(BUNDLED.read_text(encoding="utf-8").replace('id = "completions"', 'id = "signed-amount"', 1),
                    encoding="utf-8")
    assert cli.main(["check", str(path)]) == 2
    lines = [int(line.split(":")[1]) for line in capsys.readouterr().err.splitlines()[1:]]
    assert len(lines) > 1 and lines == sorted(lines)
    assert 'id = "signed-amount"' in path.read_text(encoding="utf-8").splitlines()[lines[0] - 1]
