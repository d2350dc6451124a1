"""One table of formats (erqi_tui/formats.py): `export --format`, its help, the binary check and the
dispatch read it, so a format is one entry and its writer."""

from __future__ import annotations

import pytest

from erqi_tui import cli, formats

from ..conftest import BUNDLED


def test_a_new_format_is_one_entry(tmp_path, monkeypatch, capsys):
    new = formats.Format("txt", "纯文本", False, lambda request: f"{request.dashboard.meta.district}\n")
    monkeypatch.setitem(formats.FORMATS, "txt", new)
    out = tmp_path / "out.txt"
    assert cli.main(["export", "--format", "txt", "--data", str(BUNDLED), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == "二七区\n"
    with pytest.raises(SystemExit):
        cli.main(["export", "--help"])
    assert "txt：纯文本" in capsys.readouterr().out.replace("\n", "").replace(" ", "")


def test_the_help_names_every_format_with_what_it_is_for(capsys):
    with pytest.raises(SystemExit):
        cli.main(["export", "--help"])
    text = capsys.readouterr().out.replace("\n", "").replace(" ", "")
    for name, entry in formats.FORMATS.items():
        assert f"{name}：{entry.what}".replace(" ", "") in text


def test_binary_formats_and_city_formats_come_from_the_table():
    assert {n for n, f in formats.FORMATS.items() if f.binary} == {"xlsx", "docx"}
    assert set(formats.CITY_FORMATS) == set(formats.FORMATS)  # issue 24: every format exists for the city
