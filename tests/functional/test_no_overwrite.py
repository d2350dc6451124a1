"""No command writes over the record: an output path (export's -o, import's --template) that leads,
by any name or link, to a data file, its journal, a lock or the settings is refused in one line,
exit 2, and the file is left as it was (issue 20: such commands replaced the record, exit 0)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import BUNDLED


def erqi(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "erqi_tui", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, env=env)


@pytest.fixture
def district(tmp_path):
    """A copy of the bundled file with one update in its journal, and its own settings folder."""
    path = tmp_path / "t.toml"
    shutil.copy(BUNDLED, path)
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    recorded = erqi("record", "--data", str(path), "--target", "signed-amount", "--value", "250",
                    "--date", "2024-05-31", "--user", "张三", env=env)
    assert recorded.returncode == 0, recorded.stderr
    settings = tmp_path / "config" / "erqi-tui" / "config.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text('lang = "zh"\n', encoding="utf-8")
    return path, env


def state(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def refused(result: subprocess.CompletedProcess, before: dict, folder: Path) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "不能写入导出内容" in result.stderr
    assert state(folder) == before  # nothing written, nothing replaced


@pytest.mark.parametrize("victim", ["t.toml", "t.journal.toml", "t.journal.toml.lock", "config/erqi-tui/config.toml"])
@pytest.mark.parametrize("format", ["md", "csv", "xlsx"])
def test_export_onto_the_record_or_the_settings_is_refused(district, victim, format):
    path, env = district
    folder = path.parent
    (folder / "t.journal.toml.lock").touch()
    before = state(folder)
    refused(erqi("export", "--data", str(path), "--format", format, "-o", str(folder / victim), env=env),
            before, folder)


@pytest.mark.parametrize("form", ["symlink", "hardlink", "dotdot", "relative", "symlinked-folder"])
def test_every_way_of_naming_the_data_file_is_refused(district, form, tmp_path):
    path, env = district
    folder = path.parent
    if form == "symlink":
        (tmp_path / "report.md").symlink_to(path)
        output = tmp_path / "report.md"
    elif form == "hardlink":
        os.link(path, tmp_path / "report.md")
        output = tmp_path / "report.md"
    elif form == "dotdot":
        (tmp_path / "sub").mkdir()
        output = tmp_path / "sub" / ".." / "t.toml"
    elif form == "relative":
        output = Path("t.toml")
    else:
        (tmp_path / "alias").symlink_to(folder, target_is_directory=True)
        output = tmp_path / "alias" / "t.journal.toml"
    before = state(folder)
    result = subprocess.run([sys.executable, "-m", "erqi_tui", "export", "--data", str(path), "-o", str(output)],
                            capture_output=True, text=True, encoding="utf-8", timeout=60, env=env, cwd=folder)
    refused(result, before, folder)


def test_import_template_onto_the_data_file_or_its_journal_is_refused(district):
    path, env = district
    folder = path.parent
    before = state(folder)
    for victim in ("t.toml", "t.journal.toml"):
        refused(erqi("import", "--data", str(path), "--template", str(folder / victim), env=env), before, folder)


def test_the_city_export_keeps_off_every_district(district, tmp_path):
    path, env = district
    other = tmp_path / "b.toml"
    shutil.copy(BUNDLED, other)
    before = state(tmp_path)
    refused(erqi("export", "--data", str(path), "--data", str(other), "--format", "csv", "-o", str(other),
                 env=env), before, tmp_path)


@pytest.mark.parametrize("victim", ["other.toml", "other.journal.toml", "other.journal.toml.lock"])
def test_export_onto_another_districts_files_is_refused(district, victim):
    """Only the files of the --data given are its record, but no export is TOML: an existing .toml
    (another district's data or journal, beside this one or elsewhere) is never written over."""
    path, env = district
    folder = path.parent
    other = folder / "elsewhere"
    other.mkdir()
    shutil.copy(BUNDLED, other / "other.toml")
    (other / "other.journal.toml").write_text("", encoding="utf-8")
    (other / "other.journal.toml.lock").touch()
    before = state(folder)
    refused(erqi("export", "--data", str(path), "--format", "json", "-o", str(other / victim), env=env),
            before, folder)


def test_the_refusal_over_another_districts_file_reads_in_english_too(district):
    path, env = district
    other = path.parent / "other.toml"
    shutil.copy(BUNDLED, other)
    result = erqi("export", "--lang", "en", "--data", str(path), "--format", "md", "-o", str(other), env=env)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "is an existing TOML file (perhaps another district's data file or journal)" in result.stderr
    assert "the an" not in result.stderr  # it once said "is the an existing TOML file"


def test_an_ordinary_output_beside_the_data_is_written(district):
    path, env = district
    result = erqi("export", "--data", str(path), "--format", "md", "-o", str(path.with_name("t.md")), env=env)
    assert result.returncode == 0, result.stderr
    assert path.with_name("t.md").read_text(encoding="utf-8").startswith("#")


def test_the_apps_picture_is_not_written_through_a_link_planted_under_its_name(tmp_path, monkeypatch):
    """`x` writes erqi-tui-PANE-TIME.svg in the working folder: a link planted under the name it
    will take, leading to the data file, must not turn the picture into a write over the record."""
    import datetime as dt

    from .helpers import make_app, run_with, screen_text

    path = tmp_path / "t.toml"
    shutil.copy(BUNDLED, path)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    before = path.read_bytes()
    now = dt.datetime.now()
    for second in range(0, 30):
        name = f"erqi-tui-overview-{now + dt.timedelta(seconds=second):%Y%m%d-%H%M%S}.svg"
        (work / name).symlink_to(path)

    async def check(pilot):
        await pilot.press("x")
        await pilot.pause()
        assert "未保存图片" in screen_text(pilot.app)

    run_with(make_app(path), check)
    assert path.read_bytes() == before


@pytest.mark.parametrize("argv", [
    ["export", "--data", "t.toml", "--data", "u.toml", "-o", "t.toml"],
    ["export", "--data", "t.toml", "--data", "u.toml", "-o", "t.journal.toml"],
    ["--data", "t.toml", "--data", "u.toml", "export", "--data", "t.toml", "-o", "u.toml"],
    ["export", "--data=t.toml", "--data", "u.toml", "-o", "./sub/../t.toml"],
])
def test_every_data_file_on_the_line_is_kept_off_however_given(tmp_path, argv):
    """--data given twice after the command kept only the last: the first was written over (red team)."""
    for name in ("t.toml", "u.toml"):
        shutil.copy(BUNDLED, tmp_path / name)
    (tmp_path / "sub").mkdir()
    erqi_in = subprocess.run([sys.executable, "-m", "erqi_tui", "record", "--data", "t.toml", "--target",
                              "signed-amount", "--value", "250", "--date", "2024-05-31", "--user", "张三"],
                             cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert erqi_in.returncode == 0, erqi_in.stderr
    before = state(tmp_path)
    result = subprocess.run([sys.executable, "-m", "erqi_tui", *argv], cwd=tmp_path, capture_output=True, text=True,
                            encoding="utf-8", timeout=60)
    refused(result, before, tmp_path)


def test_export_of_two_files_given_after_the_command_is_the_citys(tmp_path):
    for name in ("t.toml", "u.toml"):
        shutil.copy(BUNDLED, tmp_path / name)
    result = subprocess.run([sys.executable, "-m", "erqi_tui", "export", "--data", "t.toml", "--data", "u.toml",
                             "-o", "city.md"], cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert result.returncode == 0, result.stderr
    city = (tmp_path / "city.md").read_text(encoding="utf-8")  # two copies of one district's year: ranked once
    assert city.startswith("# 郑州市：1 个地区排名 · 1 个不参与比较") and "只按其中较新的一份排名" in city


def test_a_fifo_nobody_reads_and_a_closed_standard_output_are_said_not_waited_for(tmp_path):
    shutil.copy(BUNDLED, tmp_path / "t.toml")
    os.mkfifo(tmp_path / "fifo")
    result = subprocess.run([sys.executable, "-m", "erqi_tui", "export", "--data", "t.toml", "-o", "fifo"],
                            cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", timeout=20)
    assert result.returncode == 2 and "没有程序在读取" in result.stderr and "Traceback" not in result.stderr
    closed = subprocess.run(f'"{sys.executable}" -m erqi_tui export --data t.toml >&-', shell=True, cwd=tmp_path,
                            capture_output=False, stderr=subprocess.PIPE, text=True, encoding="utf-8", timeout=20)
    assert closed.returncode == 2 and "标准输出已关闭" in closed.stderr and "Traceback" not in closed.stderr


def test_an_abbreviated_option_is_not_read_as_data(tmp_path):
    """argparse read --dat as --data, and the guard that keeps every --data off an output did not see
    it: abbreviations are refused, so every data file on the line is one the guard knows."""
    for name in ("t.toml", "u.toml"):
        shutil.copy(BUNDLED, tmp_path / name)
    before = state(tmp_path)
    result = subprocess.run([sys.executable, "-m", "erqi_tui", "export", "--dat", "t.toml", "--dat", "u.toml",
                             "-o", "t.toml"], cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert state(tmp_path) == before


@pytest.mark.parametrize("given", [".", "./"])
def test_the_current_folder_as_the_city_exports_and_keeps_off_its_districts(district, given):
    """`--data .` once ended in a traceback (the folder has no name to put a journal beside)."""
    path, env = district
    folder = path.parent
    run = lambda *args: subprocess.run([sys.executable, "-m", "erqi_tui", *args], capture_output=True, text=True,
                                       encoding="utf-8", timeout=60, env=env, cwd=folder)
    shown = run("export", "--data", given, "--format", "md")
    assert shown.returncode == 0 and "Traceback" not in shown.stderr, shown.stderr
    assert shown.stdout.startswith("# 郑州市")
    before = state(folder)
    for victim in ("t.toml", "t.journal.toml"):
        refused(run("export", "--data", given, "--format", "md", "-o", victim), before, folder)
    written = run("export", "--data", given, "--format", "md", "-o", "全市.md")
    assert written.returncode == 0 and (folder / "全市.md").read_text(encoding="utf-8").startswith("# 郑州市")


def test_a_template_is_never_written_over_a_file_nor_as_anything_but_xlsx(district):
    """`import --template 台账.xlsx` is one flag away from `import 台账.xlsx`: a filled ledger under that
    name is kept; a template named .csv would be a workbook the import then refuses."""
    path, env = district
    filled = path.with_name("台账.xlsx")
    filled.write_bytes(b"a filled ledger")
    before = state(path.parent)
    for name, says in (("台账.xlsx", "已存在：模板不写在已有的文件上"), ("模板.csv", "模板是 .xlsx 工作簿")):
        result = erqi("import", "--data", str(path), "--template", str(path.with_name(name)), env=env)
        assert result.returncode == 2 and says in result.stderr and "Traceback" not in result.stderr
    assert state(path.parent) == before
    fresh = erqi("import", "--data", str(path), "--template", str(path.with_name("新模板.xlsx")), env=env)
    assert fresh.returncode == 0 and path.with_name("新模板.xlsx").read_bytes()[:2] == b"PK"
