"""Hypothesis (issue 23): a random table written as .xlsx and as CSV (UTF-8, with a BOM, GB18030),
in random layouts, imports to the same updates; importing any sheet twice records nothing the
second time."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl import Workbook

from erqi_tui.core.i18n import ZH
from erqi_tui import store
from erqi_tui.exchange import importing

from ..conftest import BUNDLED

TODAY = dt.date(2025, 6, 1)
IDS = {"new-projects": "个", "signed-amount": "亿元", "completions": "个"}

rows = st.lists(
    st.tuples(st.sampled_from(sorted(IDS)), st.dates(dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
              st.decimals(0, 5000, places=1, allow_nan=False), st.sampled_from(["", "以上", "约"]),
              st.sampled_from(["", "月报", "含 3 个“重大”项目，见附件"])),
    min_size=1, max_size=12, unique_by=lambda r: (r[0], r[1])).map(
    lambda table_rows: [(i, d, v.to_integral_value() if IDS[i] == "个" else v, w, n) for i, d, v, w, n in table_rows])
# a count of projects is a whole number: 0.1 个 is refused
layouts = st.fixed_dictionaries({
    "title": st.booleans(), "filing": st.booleans(), "blank": st.booleans(), "units": st.booleans(),
    "order": st.permutations(["编号", "日期", "数值", "单位", "备注"]), "numbers": st.booleans(),
    "total": st.booleans(),
})


def cells(row, layout, for_csv):
    ident, date, value, word, note = row
    number = f"{value:,}" if not word else (f"约{value}" if word == "约" else f"{value}以上")
    shown = {"编号": ident, "日期": date.isoformat() if for_csv else dt.datetime(date.year, date.month, date.day),
             "数值": float(value) if layout["numbers"] and not word and not for_csv else number,
             "单位": IDS[ident] if layout["units"] else None, "备注": note or None}
    return [shown[name] for name in layout["order"]]


def table(table_rows, layout, for_csv):
    out = []
    if layout["title"]:
        out.append(["二七区2024年招商引资重点指标台账"])
    if layout["filing"]:
        out.append(["填报单位：二七区商务局", None, "填报日期：2024年12月31日"])
    if layout["blank"]:
        out.append([])
    out.append(list(layout["order"]))
    out.extend(cells(r, layout, for_csv) for r in table_rows)
    if layout["total"]:
        out.append(["合计"])
    return out


def written(folder: Path, table_rows, layout) -> list[Path]:
    book = Workbook()
    for row in table(table_rows, layout, False):
        book.active.append(row)
    paths = [folder / "台账.xlsx"]
    book.save(paths[0])
    import csv
    import io

    text = io.StringIO()
    csv.writer(text).writerows([["" if v is None else v for v in row] for row in table(table_rows, layout, True)])
    for name, encoding in (("utf8.csv", "utf-8"), ("bom.csv", "utf-8-sig"), ("gbk.csv", "gb18030")):
        (folder / name).write_bytes(text.getvalue().encode(encoding))
        paths.append(folder / name)
    return paths


def planned(sheet: Path, data: Path) -> list:
    ledger = importing.read_sheet(sheet, lang=ZH)
    plan = importing.Importer(sheet, store.load(data), "王", TODAY, accept_outliers=True, lang=ZH).plan(ledger)
    return [(p.update.kind, p.update.id, dict(p.update.changes), p.update.date, p.update.note) for p in plan.planned]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows, layouts)
def test_any_layout_in_any_format_imports_the_same_and_once(table_rows, layout):
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        data = folder / "targets.toml"
        shutil.copy(BUNDLED, data)
        sheets = written(folder, table_rows, layout)
        first = planned(sheets[0], data)
        for other in sheets[1:]:
            assert planned(other, data) == first, other.name
        if first:
            ledger = importing.read_sheet(sheets[0], lang=ZH)
            plan = importing.Importer(sheets[0], store.load(data), "王", TODAY, accept_outliers=True, lang=ZH).plan(ledger)
            store.record_all(data, [p.update for p in plan.planned], today=TODAY, lang=ZH)
        for sheet in sheets:
            assert planned(sheet, data) == [], sheet.name
