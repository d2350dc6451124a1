"""The installed package carries the bundled data file, so `erqi-tui` works from any folder."""

from __future__ import annotations

import json
from importlib import metadata

import pytest

from ..conftest import BUNDLED


def distribution():
    try:
        return metadata.distribution("erqi-tui")
    except metadata.PackageNotFoundError:
        pytest.skip("erqi-tui is not installed (tests run from the source tree only)")


def test_installed_wheel_carries_the_data_file():
    dist = distribution()
    direct_url = dist.read_text("direct_url.json")
    if direct_url and json.loads(direct_url).get("dir_info", {}).get("editable"):
        pytest.skip("an editable install reads data/ from the source tree")
    shipped = [f for f in dist.files or [] if str(f).replace("\\", "/") == "erqi_tui/data/targets.toml"]
    assert shipped, "the wheel does not carry erqi_tui/data/targets.toml"
    assert shipped[0].locate().read_bytes() == BUNDLED.read_bytes()


def test_console_script_is_declared():
    scripts = {ep.name: ep.value for ep in distribution().entry_points if ep.group == "console_scripts"}
    assert scripts.get("erqi-tui") == "erqi_tui.cli:main"
