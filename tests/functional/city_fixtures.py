"""A test city of twelve district files shaped the way real districts differ: their own layout or
none, the same target under other ids and names, 万元 where others use 亿元, 亿美元, other dates,
another year, a broken file, two districts of one name, a link to a file already there, and the
city's table of indicators (全市.city.toml). Built in the tests; nothing here is real data."""

from __future__ import annotations

import os
from pathlib import Path

GOALS = {"signed": (40, "个", "新签约项目"), "amount": (100, "亿元", "签约额"),
         "invest": (200, "亿元", "固定资产投资"), "startup": (30, "个", "开工项目")}

# file stem: (district, year, as_of, {target id: completion}, how it differs)
CITY = {
    "中原区": ("中原区", 2025, "2025-10-31", {"signed": 0.90, "amount": 0.90, "invest": 0.85, "startup": 0.88}),
    "二七区": ("二七区", 2025, "2025-10-31", {"signed": 0.80, "amount": 0.75, "invest": 0.85, "startup": 0.80}),
    "金水区": ("金水区", 2025, "2025-10-31", {"signed": 0.95, "amount": 0.92, "invest": 0.90, "startup": 0.85}),
    "管城区": ("管城区", 2025, "2025-10-31", {"new_signed": 0.70, "contract_value": 0.70, "invest": 0.95,
                                          "startup": 0.80}),
    "惠济区": ("惠济区", 2025, "2025-08-31", {"signed": 0.70, "amount": 0.65, "invest": 0.70, "startup": 0.60}),
    "上街区": ("上街区", 2025, "2025-10-31", {"invest": 0.95}),
    "航空港区": ("航空港区", 2025, "2025-10-31", {"signed": 0.85, "amount": 0.80, "invest": 0.88, "startup": 0.82}),
    "郑东新区": ("郑东新区", 2025, "2025-06-30", {"signed": 0.52, "amount": 0.48, "invest": 0.55, "startup": 0.50}),
    "高新区": ("高新区", 2024, "2024-12-31", {"signed": 1.10, "amount": 1.05, "invest": 1.0, "startup": 1.0}),
    "巩义市": ("巩义市", 2025, "2025-10-31", {"signed": 0.60, "amount": 0.60, "invest": 0.65, "startup": 0.55}),
    "巩义市（修订）": ("巩义市", 2025, "2025-10-31", {"signed": 0.75, "amount": 0.75, "invest": 0.75,
                                               "startup": 0.75}),
}
BROKEN = "经开区"

# The expected ranking, by file: the mean of (completion − 序时进度) over the shared targets (4 for all
# but 上街区, which shares one: fewer than half, so after the rest).
EXPECTED = ["金水区", "中原区", "郑东新区", "航空港区", "惠济区", "二七区", "管城区", "巩义市（修订）", "巩义市", "上街区"]
NOT_COMPARED = ["高新区"]  # 2024

CITY_TABLE = '''# 全市对照表: which district targets are one indicator for the city
[[indicator]]
name = "签约额"
ids = ["amount", "contract_value"]
'''


def target_toml(ident: str, share: float, stem: str) -> str:
    base = {"new_signed": "signed", "contract_value": "amount"}.get(ident, ident)
    goal, unit, name = GOALS[base]
    if ident == "contract_value":
        name = "签约总额"
    if stem == "金水区" and unit == "亿元":
        goal, unit = goal * 10000, "万元"  # the same target in 万元
    if stem == "航空港区" and base == "amount":
        goal, unit = 15, "亿美元"
    return (f'\n[[target]]\nid = "{ident}"\nname = "{name}"\ntarget = {{ value = {goal}, unit = "{unit}" }}\n'
            f'current = {{ value = {round(goal * share, 4)}, unit = "{unit}" }}\n')


LAYOUT = '''
[layout]
name = "{name}"

[[layout.axis]]
id = "west"
road = "西部走廊"
theme = "研发"
'''


def district_toml(stem: str) -> str:
    district, year, as_of, shares = CITY[stem]
    text = f'[meta]\ndistrict = "{district}"\ncity = "郑州市"\nyear = {year}\nas_of = {as_of}\n'
    text += "".join(target_toml(ident, share, stem) for ident, share in shares.items())
    if stem in ("中原区", "航空港区"):
        text += LAYOUT.format(name="一核两廊" if stem == "中原区" else "三区三轴")
    return text


def write_city(folder: Path, *, link: bool = True, table: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for stem in CITY:
        (folder / f"{stem}.toml").write_text(district_toml(stem), encoding="utf-8")
    (folder / f"{BROKEN}.toml").write_text('[meta]\ndistrict = "经开区"\nyear = "二〇二五"\n', encoding="utf-8")
    if link:
        os.symlink(folder / "中原区.toml", folder / "中原区-链接.toml")  # one district, however reached
    if table:
        (folder / "全市.city.toml").write_text(CITY_TABLE, encoding="utf-8")
    return folder
