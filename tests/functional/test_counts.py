"""A city's count of projects reads as the other figures do, with thousands separated: the project
table's "1,250 / 1,250 个项目" and `check`'s summary, not "1250"."""

from __future__ import annotations

import shutil

from ..conftest import BUNDLED
from .helpers import make_app, run_with, screen_text
from .test_cli import erqi

MORE = 1240  # with the bundled file's 10: 1,250


def many_projects(tmp_path):
    path = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, path)
    extra = "".join(f'\n[[project]]\nid = "extra-{i}"\nname = "测试项目{i}"\n' for i in range(MORE))
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return path


def test_the_project_table_counts_with_thousands_separated(tmp_path):
    app = make_app(many_projects(tmp_path))

    async def check(pilot):
        await pilot.press("5")
        await pilot.pause()
        assert "1,250 / 1,250 个项目" in screen_text(app)
        await pilot.press("slash", "测", "试", "项", "目", "1")
        await pilot.pause()
        assert "351 / 1,250 个项目" in screen_text(app)  # 测试项目1, 1x, 1xx, 1xxx

    run_with(app, check)


def test_check_counts_with_thousands_separated(tmp_path):
    done = erqi("check", "--data", str(many_projects(tmp_path)))
    assert done.returncode == 0, done.stderr
    assert "1,250 个项目" in done.stdout
