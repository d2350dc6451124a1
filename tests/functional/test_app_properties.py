"""Property: any valid file — any numbers, any names, markup and control characters included —
draws every pane without an error, and no control character reaches the terminal."""

from __future__ import annotations

import datetime as dt

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from erqi_tui import store

from .helpers import make_app, run_with, screen_text

names = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=24).filter(str.strip)
hostile = st.one_of(names, st.sampled_from(["[bold]x[/]", "[/]", "\x1b[2J", "\x1b]52;c;SGk=\x07", "[link=x]y"]))
amounts = st.one_of(st.integers(0, 10**9), st.floats(0, 1e9, allow_nan=False, allow_infinity=False))
units = st.sampled_from(["个", "亿元", "亩", "[u]"])


@st.composite
def valid_documents(draw):
    year = draw(st.integers(2000, 2100))
    stages = draw(st.lists(names, max_size=4, unique=True))
    axes = draw(st.lists(st.tuples(names, hostile, hostile), max_size=4, unique_by=lambda a: a[0]))
    doc = {"meta": {"district": draw(hostile), "year": year,
                    "as_of": draw(st.dates(dt.date(year - 1, 1, 1), dt.date(year + 1, 12, 31)))}}
    targets = []
    for i in range(draw(st.integers(0, 5))):
        unit = draw(units)
        target = {"id": f"t{i}", "name": draw(hostile), "target": {"value": draw(amounts.filter(bool)), "unit": unit},
                  "pane": draw(st.sampled_from(["investment", "projects", "business", "layout"]))}
        if draw(st.booleans()):
            target["current"] = {"value": draw(amounts), "unit": unit, "at_least": draw(st.booleans())}
        targets.append(target)
    doc["target"] = targets
    doc["figure"] = [{"label": draw(hostile), "value": draw(amounts), "unit": draw(units), "group": draw(hostile),
                      "pane": draw(st.sampled_from(["investment", "projects", "business", "layout"])),
                      "headline": draw(st.booleans())} for _ in range(draw(st.integers(0, 6)))]
    doc["stage"] = [{"name": s} for s in stages]
    doc["layout"] = {"name": draw(hostile), "belt": draw(hostile),
                     "axis": [{"id": a, "road": r, "theme": t} for a, r, t in axes]}
    projects = []
    for i in range(draw(st.integers(0, 8))):
        project = {"id": f"p{i}", "name": draw(hostile)}
        if stages and draw(st.booleans()):
            project["status"] = draw(st.sampled_from(stages))
        if axes and draw(st.booleans()):
            project["axis"] = draw(st.sampled_from([a[0] for a in axes]))
        if draw(st.booleans()):
            project["investment"] = {"value": draw(amounts), "unit": "亿元"}
        projects.append(project)
    doc["project"] = projects
    return doc


@pytest.mark.slow
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(valid_documents())
def test_any_valid_file_draws_every_pane(tmp_path, document):
    path = tmp_path / "generated.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    store.load(path)  # the generator only makes valid files
    app = make_app(path)

    async def check(pilot):
        for key in ("1", "2", "3", "4", "5", "question_mark", "escape"):
            await pilot.press(key)
            await pilot.pause()
            text = screen_text(pilot.app)
            assert "\x1b" not in text and "\x07" not in text

    run_with(app, check)
