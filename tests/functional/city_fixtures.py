"""A test city of twelve district files shaped the way real districts differ: their own layout or
none, the same target under other ids and names, 万元 where others use 亿元, 亿美元, other dates,
another year, a broken file, one district's year in two files (a revision beside it), a link to a file already there, and the
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
EXPECTED = ["金水区", "中原区", "郑东新区", "航空港区", "惠济区", "二七区", "管城区", "巩义市（修订）", "上街区"]
NOT_COMPARED = ["巩义市", "高新区"]  # 巩义市's year again (its revision is ranked); 2024

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


# The districts' work, for 全市's 动态, 挂图 and 督办 (write_city(work=True)): projects with steps,
# requests and tasks, and journals of project updates and briefing marks, none of them a target's
# figure (the ranking stays EXPECTED). Judged at each district's date: 2025-10-31 for most, 郑东新区's
# 2025-06-30. stem: [(project id, name, unit, [(step, planned, reached or "")], open request or "")]
WORK = {
    "中原区": [("zy1", "中原智造园", "中原区发改委", [("开工", "2025-03", "2025-03-10"), ("封顶", "2025-07", "")], ""),
              ("zy2", "西区物流港", "中原区住建局", [("开工", "2025-05", ""), ("投产", "2025-09", "")],
               "用地指标")],
    "二七区": [("eq1", "二七商贸城", "二七区商务局", [("开工", "2025-08", "")], "")],
    "郑东新区": [("zd1", "龙湖金融岛", "郑东新区建设局", [("开工", "2025-02", ""), ("封顶", "2025-05", "")], ""),
               ("zd2", "如意湖科创中心", "郑东新区科技局", [("开工", "2025-09", "")], "")],
    "航空港区": [("hk1", "航空物流园", "航空港区物流局", [("开工", "2025-04", "2025-04-02"), ("竣工", "2025-12", "")],
                "")],
}
TASKS = {"中原区": ("zt1", "营商环境评价", "中原区发改委", "2025-06"), "惠济区": ("ht1", "一件事办理", "惠济区政务办", "2025-05")}
# stem: the journal (each update a project's status, dated on or before the district's own date)
JOURNALS = {
    "中原区": [("2025-09-02 09:00:00", "2025-08-31", "zy1", "开工"), ("2025-10-08 10:00:00", None, None, None),
              ("2025-11-01 09:30:00", "2025-10-31", "zy2", "签约")],
    "郑东新区": [("2025-07-03 15:00:00", "2025-06-30", "zd1", "签约")],
    "航空港区": [("2025-11-03 11:00:00", "2025-10-31", "hk1", "开工")],
}


def work_toml(stem: str) -> str:
    text = ""
    for ident, name, unit, steps, request in WORK.get(stem, []):
        text += f'\n[[project]]\nid = "{ident}"\nname = "{name}"\nstatus = "在谈"\nresponsible = "{unit}"\n'
        for step, planned, reached in steps:
            text += f'\n[[project.milestone]]\nname = "{step}"\nplanned = "{planned}"\n'
            text += f"reached = {reached}\n" if reached else ""
        if request:
            text += f'\n[[project.request]]\nwhat = "{request}"\nraised = 2025-07-01\n'
    if stem in TASKS:
        ident, name, unit, deadline = TASKS[stem]
        text += f'\n[[task]]\nid = "{ident}"\nname = "{name}"\narea = "营商环境"\nresponsible = "{unit}"\n' \
                f'deadline = "{deadline}"\n'
    return text


def journal_toml(stem: str) -> str:
    text = ""
    for at, date, project, status in JOURNALS.get(stem, []):
        if project is None:  # a briefing mark at the district's figures of 09-30
            text += f'\n[[briefing]]\nat = {at}\nwho = "市督查室"\ndate = 2025-09-30\nnote = "三季度通报"\n'
        else:
            text += (f'\n[[update]]\nat = {at}\nwho = "{stem}办"\ndate = {date}\nproject = "{project}"\n'
                     f'\n[update.set]\nstatus = "{status}"\n')
    return text


def write_city(folder: Path, *, link: bool = True, table: bool = True, work: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for stem in CITY:
        (folder / f"{stem}.toml").write_text(district_toml(stem) + (work_toml(stem) if work else ""),
                                             encoding="utf-8")
        if work and stem in JOURNALS:
            (folder / f"{stem}.journal.toml").write_text(journal_toml(stem), encoding="utf-8")
    # 巩义市（修订） is the revision, saved after 巩义市: one district's year in two files, ranked
    # once, by the one saved last (both stand at 10-31)
    os.utime(folder / "巩义市.toml", ns=(10**18, 10**18))
    os.utime(folder / "巩义市（修订）.toml", ns=(2 * 10**18, 2 * 10**18))
    (folder / f"{BROKEN}.toml").write_text('[meta]\ndistrict = "经开区"\nyear = "二〇二五"\n', encoding="utf-8")
    if link:
        os.symlink(folder / "中原区.toml", folder / "中原区-链接.toml")  # one district, however reached
    if table:
        (folder / "全市.city.toml").write_text(CITY_TABLE, encoding="utf-8")
    return folder
