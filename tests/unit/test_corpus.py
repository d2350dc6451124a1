"""Broken files, tried hard: each gets one clear message (file, line, key, what was expected) and
exit 2 from `erqi-tui check`, never a traceback; the files are never written."""

from __future__ import annotations

from pathlib import Path

import pytest

from erqi_tui import cli

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

# file → (line, key, a phrase of the message); line None where the file has no line to name.
EXPECTED = {
    "syntax_unterminated_string.toml": (6, "meta.title", "closing quote missing"),
    "syntax_duplicate_key.toml": (6, "", "a key is written twice"),
    "empty.toml": (None, "meta", "missing; expected a [meta] table"),
    "wrong_types.toml": (3, "meta.year", 'got text "2024"'),
    "missing_keys.toml": (6, "target[1].name", "missing; expected text"),
    "negative_value.toml": (10, "target[1].current.value", "expected a number ≥ 0, got -1"),
    "nan_value.toml": (8, "figure[1].value", "finite number"),
    "infinite_value.toml": (8, "figure[1].value", "finite number"),
    "duplicate_ids.toml": (11, "project[2].id", 'duplicate project id "p"'),
    "unknown_axis.toml": (15, "project[1].axis", 'got "south"'),
    "unknown_key.toml": (9, "project[1].statuss", "unknown key"),
    "date_before_1900.toml": (4, "meta.as_of", "between 1900 and 2200"),
    "as_of_far_from_year.toml": (4, "meta.as_of", "next to the year 2024"),
    "date_impossible.toml": (4, "meta.as_of", "real date"),
    "zero_target.toml": (9, "target[1].target.value", "above 0"),
}


def check(path: Path, capsys) -> tuple[int, str]:
    before = path.read_bytes()
    code = cli.main(["check", str(path)])
    err = capsys.readouterr().err
    assert path.read_bytes() == before
    assert "Traceback" not in err
    return code, err


def test_every_corpus_file_is_listed():
    on_disk = {p.name for p in CORPUS.glob("*.toml") if not p.name.startswith("valid_")}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_gets_a_clear_message(name, capsys):
    line, key, phrase = EXPECTED[name]
    path = CORPUS / name
    code, err = check(path, capsys)
    assert code == 2
    where = f"{path}:{line}" if line else f"{path}:"
    problem_lines = [ln.strip() for ln in err.splitlines()[1:]]
    assert any(ln.startswith(where) and (not key or f" {key}: " in ln) and phrase in ln
               for ln in problem_lines), err


def test_current_above_target_is_allowed(capsys):
    code, _ = check(CORPUS / "valid_current_above_target.toml", capsys)
    assert code == 0


def test_not_utf8(tmp_path, capsys):
    path = tmp_path / "gbk.toml"
    path.write_bytes('[meta]\ndistrict = "二七区"\n'.encode("gbk"))
    code, err = check(path, capsys)
    assert code == 2 and f"{path}:2:" in err and "not UTF-8" in err


def test_binary_garbage(tmp_path, capsys):
    path = tmp_path / "garbage.toml"
    path.write_bytes(bytes(range(256)) * 64)
    code, err = check(path, capsys)
    assert code == 2 and str(path) in err


def test_utf8_garbage(tmp_path, capsys):
    path = tmp_path / "noise.toml"
    path.write_text("\x00\x01[[[ ]]] = = 二七 \ufffd", encoding="utf-8")
    code, err = check(path, capsys)
    assert code == 2 and "TOML syntax" in err


def test_a_50_mb_file_is_refused_without_reading_it_all(tmp_path, capsys):
    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:
        handle.write(b"[meta]\n")
        handle.seek(50 * 2**20)
        handle.write(b"\n")
    code, err = check(path, capsys)
    assert code == 2 and "50.0 MiB" in err and "at most 32 MiB" in err


def test_very_long_names(tmp_path, capsys):
    path = tmp_path / "long.toml"
    path.write_text(f'[meta]\ndistrict = "{"二" * 10_000}"\nyear = 2024\nas_of = 2024-05-31\n', encoding="utf-8")
    code, err = check(path, capsys)
    assert code == 2 and f"{path}:2: meta.district: is 10000 characters long; expected at most 200" in err
