"""Broken files, tried hard: each gets one clear message (file, line, key, what was expected) and
exit 2 from `erqi-tui check`, never a traceback; the files are never written."""

from __future__ import annotations

from pathlib import Path

import pytest

from erqi_tui import cli
from erqi_tui.core.problems import key_words

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
    "huge_integer_literal.toml": (9, "", "thousands of digits"),
    "too_large_to_compute.toml": (10, "target[1].current.value", "too large to compute with"),
    "float_too_large.toml": (8, "figure[1].value", "too large to compute with"),
    "deep_nesting.toml": (6, "", "nested deeper than a data file needs"),
    "deep_inline_tables.toml": (6, "", "nested deeper than a data file needs"),  # { a = { a = … named on its line
    "escape_sequences_in_keys.toml": (3, "", "Illegal character"),
}


def check(path: Path, capsys, lang: str = "en") -> tuple[int, str]:
    """`erqi-tui check`, in English by default: the phrases below are the validator's own words."""
    before = path.read_bytes()
    code = cli.main(["--lang", lang, "check", str(path)])
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
    # the key in words first (the 1st target ([[target]] no. 1), name), and as the file writes it
    assert any(ln.startswith(where) and (not key or f" {key_words(key, 'en')}: " in ln) and phrase in ln
               for ln in problem_lines), err


def test_a_broken_key_is_named_in_words_in_chinese_too(capsys):
    code, err = check(CORPUS / "negative_value.toml", capsys, lang="zh")
    assert code == 2 and "negative_value.toml:10: 第 1 个目标（[[target]] 第 1 项）的 current.value（当前值）: " in err
    assert "target[1]" not in err


def test_current_above_target_is_allowed(capsys):
    code, _ = check(CORPUS / "valid_current_above_target.toml", capsys)
    assert code == 0


def test_a_utf8_bom_as_windows_notepad_saves_is_accepted(capsys):
    assert (CORPUS / "valid_with_bom.toml").read_bytes().startswith(b"\xef\xbb\xbf")
    code, _ = check(CORPUS / "valid_with_bom.toml", capsys)
    assert code == 0


def test_messages_never_carry_a_control_character(capsys):
    code, err = check(CORPUS / "escape_sequences_in_keys.toml", capsys)
    assert code == 2 and "\x1b" not in err and "\x07" not in err and "␛" in err


def test_gbk_is_named_and_the_fix_said(tmp_path, capsys):
    path = tmp_path / "gbk.toml"
    path.write_bytes('[meta]\ndistrict = "二七区"\n'.encode("gb18030"))
    code, err = check(path, capsys)
    assert code == 2 and f"{path}:2:" in err and "GBK/GB18030" in err and "save the file as UTF-8" in err


@pytest.mark.parametrize("kind", ["fifo", "char device", "folder", "symlink loop", "through a file", "too long",
                                  "dangling link"])
def test_odd_paths_get_one_line_and_exit_2_without_hanging(kind, tmp_path, capsys):
    import os

    path = tmp_path / "data.toml"
    expected = {"fifo": "a FIFO", "char device": "a character device",
                "folder": "the folder holds no data file",  # check DIR/ checks every file in it
                "symlink loop": "symbolic link loop", "through a file": "a part of the path is a file",
                "too long": "too long", "dangling link": "no such file"}[kind]
    if kind == "fifo":
        os.mkfifo(path)  # opening it for reading would block until a writer comes: it must not be opened
    elif kind == "char device":
        path = Path("/dev/zero")  # endless: reading it would never finish
    elif kind == "folder":
        path.mkdir()
    elif kind == "symlink loop":
        path.symlink_to(tmp_path / "other.toml")
        (tmp_path / "other.toml").symlink_to(path)
    elif kind == "through a file":
        (tmp_path / "file").write_text("x")
        path = tmp_path / "file" / "data.toml"
    elif kind == "too long":
        path = tmp_path / ("x" * 300) / "data.toml"
    elif kind == "dangling link":
        path.symlink_to(tmp_path / "gone.toml")
    code = cli.main(["--lang", "en", "check", str(path)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and expected in err, err


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_journal_that_is_not_a_regular_file_is_refused(kind, tmp_path, capsys):
    import os
    import shutil

    from ..conftest import BUNDLED

    data = tmp_path / "targets.toml"
    shutil.copy(BUNDLED, data)
    journal = tmp_path / "targets.journal.toml"
    os.mkfifo(journal) if kind == "fifo" else journal.mkdir()
    code = cli.main(["--lang", "en", "check", str(data)])
    err = capsys.readouterr().err
    assert code == 2 and str(journal) in err and ("FIFO" in err or "folder" in err)


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
    assert code == 2 and f"{path}:2: the file's details ([meta]), district: is 10000 characters long; expected at most 200" in err


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_in_chinese_every_corpus_message_is_chinese(name, capsys):
    import re

    code, err = check(CORPUS / name, capsys, lang="zh")
    problems = [line.strip() for line in err.splitlines()[1:]]
    assert code == 2 and problems
    for line in problems:
        message = line.split(": ", 2)[-1] if line.count(": ") >= 2 else line.split(": ", 1)[-1]
        # The validator's words are translated; what is quoted (tomllib's own words, keys, values) is not.
        assert re.search(r"[\u4e00-\u9fff]", message), line
        assert not re.match(r"(expected|missing|unknown|is |a |holds|duplicate)", message), line
