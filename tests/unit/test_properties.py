"""Property: whatever document or bytes the loader is given, the outcome is a dashboard or a clear
error (DataError naming the file), never another exception."""

from __future__ import annotations

import datetime as dt

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
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=30),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.sampled_from(["investment", "layout", "business", "projects", "在谈", "songshan", "个"]),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(st.dictionaries(st.sampled_from(KEYS), children, max_size=6), max_size=3),
        st.dictionaries(st.sampled_from(KEYS), children, max_size=8),
    ),
    max_leaves=40,
).filter(lambda d: isinstance(d, dict))


def outcome(path):
    try:
        return store.load(path)
    except store.DataError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path == path and problem.message
        return error


SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


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
