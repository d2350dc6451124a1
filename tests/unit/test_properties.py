"""Property: whatever document or bytes the loader is given, the outcome is a dashboard or a clear
error (DataError naming the file), never another exception."""

from __future__ import annotations

import datetime as dt

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from erqi_tui import store

KEYS = ["meta", "district", "city", "year", "as_of", "title", "source", "target", "id", "name", "current",
        "pane", "note", "figure", "label", "value", "unit", "at_least", "group", "headline", "event", "date",
        "stage", "count", "layout", "belt", "belt_note", "axis", "road", "theme", "project", "status",
        "location", "investment", "area", "expected", "bogus"]

scalars = st.one_of(
    st.integers(min_value=-10**6, max_value=10**12),
    st.integers(min_value=10**12, max_value=10**400),  # beyond any float: must be refused, not crash
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=30),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.sampled_from(["investment", "layout", "business", "projects", "在谈", "songshan", "个"]),
)


def toml_documents(leaves, keys: list[str], *, entries: int, array_keys: int, table_keys: int):
    """Documents of nested tables and arrays of tables with `keys`, down to `leaves`."""
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(st.dictionaries(st.sampled_from(keys), children, max_size=array_keys), max_size=entries),
            st.dictionaries(st.sampled_from(keys), children, max_size=table_keys),
        ),
        max_leaves=40,
    ).filter(lambda d: isinstance(d, dict))


documents = toml_documents(scalars, KEYS, entries=3, array_keys=6, table_keys=8)


def outcome(path):
    try:
        return store.load(path)
    except store.DataError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path == path and problem.message
        return error


SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.slow
@SETTINGS
@given(documents)
def test_any_document_loads_or_fails_clearly(tmp_path, document):
    path = tmp_path / "doc.toml"
    try:
        text = tomli_w.dumps(document)
    except (TypeError, ValueError):
        return  # not representable in TOML (e.g. a list mixing tables and values): not a file anyone has
    path.write_text(text, encoding="utf-8")
    outcome(path)


@SETTINGS
@given(st.text(max_size=400))
def test_any_text_loads_or_fails_clearly(tmp_path, text):
    path = tmp_path / "text.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    outcome(path)


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_load_or_fail_clearly(tmp_path, data):
    path = tmp_path / "bytes.toml"
    path.write_bytes(data)
    outcome(path)


@SETTINGS
@given(st.integers(min_value=1, max_value=5000), st.sampled_from(["[", "{ a = "]))
def test_any_nesting_depth_loads_or_fails_clearly(tmp_path, depth, opener):
    closer = "]" if opener == "[" else " }"
    path = tmp_path / "deep.toml"
    path.write_text("[meta]\nx = " + opener * depth + "1" + closer * depth + "\n", encoding="utf-8")
    outcome(path)


JOURNAL_KEYS = ["update", "at", "date", "who", "note", "target", "project", "new", "set", "withdraw", "current",
                "value", "unit", "status", "name", "signed-amount", "kangshifu"]
journal_scalars = st.one_of(
    st.integers(min_value=-3, max_value=10**30), st.floats(), st.booleans(), st.text(max_size=20),
    st.dates(min_value=dt.date(1, 1, 1)), st.datetimes(min_value=dt.datetime(1, 1, 1)),
    st.sampled_from(["signed-amount", "kangshifu", "亿元", "投产", "个"]),
)
journals = toml_documents(journal_scalars, JOURNAL_KEYS, entries=4, array_keys=6, table_keys=6)


@pytest.mark.slow
@SETTINGS
@given(journals)
def test_any_journal_applies_or_fails_naming_the_journal(tmp_path, document):
    import shutil

    from erqi_tui.store import journal

    from ..conftest import BUNDLED

    data = tmp_path / "targets.toml"
    if not data.exists():
        shutil.copy(BUNDLED, data)
    try:
        text = tomli_w.dumps(document)
    except (TypeError, ValueError):
        return
    path = journal.journal_path(data)
    path.write_text(text, encoding="utf-8")
    try:
        store.load(data)
    except store.DataError as error:
        assert error.problems and all(p.path == path and p.message for p in error.problems)
